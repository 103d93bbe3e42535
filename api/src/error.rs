//! The one error type of the API. Every failure leaves as an RFC 9457
//! `application/problem+json` document of the same shape, [`Problem`].

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::Invalid;
use crate::telemetry;

/// A problem with one field of the request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// The field, as a JSON pointer-like dotted path (`reporter.id_number`, `files[1]`).
    #[schema(example = "reporter.id_number")]
    pub field: String,
    /// A stable machine code, for translation by clients.
    #[schema(example = "invalid_nik")]
    pub code: String,
    /// A sentence in English for people.
    #[schema(example = "a NIK has exactly 16 digits")]
    pub message: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }

    pub fn from_invalid(field: impl Into<String>, invalid: Invalid) -> Self {
        FieldError::new(field, invalid.code, invalid.message)
    }
}

/// RFC 9457 problem details.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Identifies the kind of problem.
    #[schema(example = "urn:aduan:problem:validation")]
    #[serde(rename = "type")]
    pub problem_type: String,
    #[schema(example = "Validation failed")]
    pub title: String,
    #[schema(example = 422)]
    pub status: u16,
    #[schema(example = "2 fields are invalid")]
    pub detail: String,
    /// Per-field errors (validation problems only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// The complaint's current version, on a version conflict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
    /// Quote this when reporting a problem: it is on every log line of the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{} field(s) are invalid", .0.len())]
    Validation(Vec<FieldError>),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthenticated(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("this resource does not take {method}; it takes {allow}")]
    MethodNotAllowed { method: String, allow: String },
    #[error("{0}")]
    Conflict(String),
    /// The complaint changed since the client read it (`If-Match`).
    #[error("the complaint was changed by someone else (now version {current})")]
    PreconditionFailed { current: i32 },
    /// The complaint changed since the client read it (`version` in the body).
    #[error("the complaint was changed by someone else (now version {current})")]
    VersionConflict { current: i32 },
    #[error("this change needs the version you read: send If-Match or `version`")]
    PreconditionRequired,
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("too many requests; try again in {retry_after} seconds")]
    TooManyRequests { retry_after: u64 },
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    pub fn field(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ApiError::Validation(vec![FieldError::new(field, code, message)])
    }

    fn kind(&self) -> (&'static str, &'static str) {
        match self {
            ApiError::Validation(_) => ("validation", "Validation failed"),
            ApiError::BadRequest(_) => ("bad-request", "Bad request"),
            ApiError::Unauthenticated(_) => ("unauthenticated", "Authentication required"),
            ApiError::Forbidden(_) => ("forbidden", "Not allowed"),
            ApiError::NotFound(_) => ("not-found", "Not found"),
            ApiError::MethodNotAllowed { .. } => ("method-not-allowed", "Method not allowed"),
            ApiError::Conflict(_) => ("conflict", "Conflict"),
            ApiError::PreconditionFailed { .. } => ("stale-version", "Changed by someone else"),
            ApiError::VersionConflict { .. } => ("stale-version", "Changed by someone else"),
            ApiError::PreconditionRequired => ("version-required", "Version required"),
            ApiError::PayloadTooLarge(_) => ("too-large", "Payload too large"),
            ApiError::UnsupportedMediaType(_) => {
                ("unsupported-media-type", "Unsupported media type")
            }
            ApiError::TooManyRequests { .. } => ("rate-limited", "Too many requests"),
            ApiError::Unavailable(_) => ("unavailable", "Service unavailable"),
            ApiError::Internal(_) => ("internal", "Internal error"),
        }
    }

    pub fn problem(&self) -> Problem {
        let (slug, title) = self.kind();
        let detail = match self {
            // Never leak internals; the request id leads to the log line.
            ApiError::Internal(_) => "an unexpected error occurred".to_string(),
            ApiError::Unavailable(_) => {
                "the database is unavailable; try again shortly".to_string()
            }
            other => other.to_string(),
        };
        Problem {
            problem_type: format!("urn:aduan:problem:{slug}"),
            title: title.into(),
            status: self.status_code().as_u16(),
            detail,
            errors: match self {
                ApiError::Validation(errors) => errors.clone(),
                _ => Vec::new(),
            },
            current_version: match self {
                ApiError::PreconditionFailed { current }
                | ApiError::VersionConflict { current } => Some(*current),
                _ => None,
            },
            request_id: telemetry::current_request_id(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_) | ApiError::VersionConflict { .. } => StatusCode::CONFLICT,
            ApiError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Internal(e) => log::error!("internal error: {e:#}"),
            ApiError::Unavailable(e) => log::warn!("database unavailable: {e}"),
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        match self {
            ApiError::Unauthenticated(_) => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            ApiError::Unavailable(_) => {
                response.insert_header((header::RETRY_AFTER, "5"));
            }
            ApiError::MethodNotAllowed { allow, .. } => {
                response.insert_header((header::ALLOW, allow.as_str()));
            }
            ApiError::TooManyRequests { retry_after } => {
                response.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            _ => {}
        }
        response.json(self.problem())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match error {
            Error::NotFound => ApiError::NotFound("record"),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                ApiError::Conflict(format!("already exists ({})", info.message()))
            }
            // A NUL byte that slipped past the checks: PostgreSQL cannot take it.
            Error::DatabaseError(DatabaseErrorKind::Unknown, info)
                if info.message().contains("invalid byte sequence") =>
            {
                ApiError::BadRequest("the request contains characters that cannot be stored".into())
            }
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                ApiError::Unavailable(info.message().to_string())
            }
            other => ApiError::Internal(anyhow::Error::new(other)),
        }
    }
}

/// Turns actix's own extractor failures (bad JSON, bad path) into the same
/// problem shape, naming the field where serde does (the query string has its
/// own extractor, `http::query`).
pub fn json_error(
    err: actix_web::error::JsonPayloadError,
    _: &actix_web::HttpRequest,
) -> actix_web::Error {
    use actix_web::error::JsonPayloadError as E;
    let api = match &err {
        E::OverflowKnownLength { .. } | E::Overflow { .. } => {
            ApiError::PayloadTooLarge("the JSON body is larger than allowed".into())
        }
        E::ContentType => {
            ApiError::UnsupportedMediaType("send the body as application/json".into())
        }
        E::Deserialize(e) if e.is_data() => deserialize_problem(&e.to_string()),
        other => ApiError::BadRequest(format!("the body is not valid JSON: {other}")),
    };
    api.into()
}

pub fn path_error(
    err: actix_web::error::PathError,
    _: &actix_web::HttpRequest,
) -> actix_web::Error {
    // A path that does not parse names nothing that exists.
    log::debug!("unparsable path: {err}");
    ApiError::NotFound("resource").into()
}

/// serde reports "unknown variant `x`, expected ... at line 1 column 9" or
/// "missing field `subject`": keep the field name when it says one.
pub fn deserialize_problem(message: &str) -> ApiError {
    let field = message
        .split('`')
        .nth(1)
        .filter(|_| message.starts_with("missing field") || message.starts_with("unknown field"))
        .unwrap_or("body");
    let code = if message.starts_with("missing field") {
        "required"
    } else {
        "invalid"
    };
    ApiError::field(field, code, message.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_is_problem_json_with_its_status() {
        let cases = [
            (ApiError::field("subject", "required", "needed"), 422),
            (ApiError::NotFound("complaint"), 404),
            (ApiError::PreconditionFailed { current: 3 }, 412),
            (ApiError::VersionConflict { current: 3 }, 409),
            (ApiError::PreconditionRequired, 428),
            (ApiError::Unavailable("down".into()), 503),
        ];
        for (error, status) in cases {
            let response = error.error_response();
            assert_eq!(response.status().as_u16(), status);
            assert_eq!(
                response.headers().get("content-type").unwrap(),
                "application/problem+json"
            );
        }
    }

    #[test]
    fn internal_details_do_not_leak() {
        let problem = ApiError::Internal(anyhow::anyhow!("password=hunter2")).problem();
        assert!(!problem.detail.contains("hunter2"));
        assert_eq!(problem.status, 500);
    }

    #[test]
    fn serde_messages_name_the_field() {
        let e = deserialize_problem("missing field `subject` at line 1 column 2");
        match e {
            ApiError::Validation(errors) => {
                assert_eq!(errors[0].field, "subject");
                assert_eq!(errors[0].code, "required");
            }
            other => panic!("{other:?}"),
        }
    }
}
