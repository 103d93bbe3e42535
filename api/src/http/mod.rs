//! The HTTP layer: one module per resource, all under `/api/v1`.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod body;
pub mod complaints;
pub mod health;
pub mod notifications;
pub mod query;
pub mod rate_limit;
pub mod reference;
pub mod reports;
pub mod tracking;
pub mod transparency;

use std::sync::OnceLock;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::{self, ApiError};

/// Every route of the API; the OpenAPI document lists the same handlers.
pub fn routes(cfg: &mut web::ServiceConfig) {
    use complaints::{actions, identity, list, read, record, submit};
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(
            web::scope("/api/v1")
                .app_data(
                    web::JsonConfig::default()
                        .limit(body::MAX_JSON_BYTES)
                        .error_handler(error::json_error),
                )
                .app_data(web::PathConfig::default().error_handler(error::path_error))
                .service(auth::login)
                .service(auth::refresh)
                .service(auth::logout)
                .service(auth::me)
                .service(reference::categories)
                .service(reference::divisions)
                .service(reference::staff)
                .service(reference::holidays)
                .service(submit::submit_online)
                .service(submit::intake)
                .service(list::counts)
                .service(list::inbox)
                .service(read::show)
                .service(read::events)
                .service(read::download)
                .service(record::export)
                .service(actions::verify)
                .service(actions::request_info)
                .service(actions::reject)
                .service(actions::disposition)
                .service(actions::start)
                .service(actions::resolve)
                .service(actions::close)
                .service(actions::archive)
                .service(actions::extend)
                .service(actions::note)
                .service(actions::reply)
                .service(identity::reveal)
                .service(tracking::track)
                .service(tracking::add_information)
                .service(tracking::accept)
                .service(tracking::dispute)
                .service(tracking::evaluate)
                .service(reports::satisfaction::satisfaction)
                .service(reports::statistics::statistics)
                .service(reports::exports::register_csv)
                .service(reports::exports::register_xlsx)
                .service(reports::exports::monthly_csv)
                .service(reports::exports::monthly_xlsx)
                .service(transparency::transparency)
                .service(audit::list)
                .service(notifications::list)
                .service(notifications::unread_count)
                .service(notifications::read_all)
                .service(notifications::read)
                .configure(admin::routes)
                .default_service(web::to(unrouted)),
        );
}

/// Refuses a URL whose path or query decodes to control characters (NUL
/// above all, which PostgreSQL cannot store or compare): no identifier or
/// filter of this API contains one.
pub async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let decoded = percent_decoded(req.uri().path()) + &percent_decoded(req.query_string());
    if decoded.chars().any(char::is_control) {
        let error = ApiError::BadRequest("the URL contains control characters".into());
        return Ok(req.error_response(error).map_into_right_body());
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Answers a request no route took: 405 with `Allow` when the path exists
/// with other methods (as the OpenAPI document lists them), else 404.
pub async fn unrouted(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    static ROUTES: OnceLock<Vec<(Vec<String>, Vec<String>)>> = OnceLock::new();
    let routes = ROUTES.get_or_init(|| {
        let doc = serde_json::to_value(crate::openapi::document()).unwrap_or_default();
        doc["paths"]
            .as_object()
            .map(|paths| {
                paths
                    .iter()
                    .map(|(path, item)| {
                        let segments = path.split('/').map(str::to_string).collect();
                        let methods = item
                            .as_object()
                            .map(|ops| ops.keys().map(|m| m.to_uppercase()).collect())
                            .unwrap_or_default();
                        (segments, methods)
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let segments: Vec<&str> = req.path().split('/').collect();
    let matches = |pattern: &Vec<String>| {
        pattern.len() == segments.len()
            && pattern
                .iter()
                .zip(&segments)
                .all(|(p, s)| p == s || (p.starts_with('{') && !s.is_empty()))
    };
    match routes.iter().find(|(pattern, _)| matches(pattern)) {
        Some((_, methods)) if !methods.iter().any(|m| m == req.method().as_str()) => {
            Err(ApiError::MethodNotAllowed {
                method: req.method().to_string(),
                allow: methods.join(", "),
            })
        }
        _ => Err(ApiError::NotFound("route")),
    }
}

#[cfg(test)]
mod tests {
    use super::percent_decoded;

    #[test]
    fn urls_are_decoded_to_find_control_characters() {
        assert_eq!(percent_decoded("a%20b+c"), "a b c");
        assert_eq!(percent_decoded("%00"), "\0");
        assert_eq!(percent_decoded("100%"), "100%");
        assert_eq!(percent_decoded("%zz%4"), "%zz%4");
        assert!(percent_decoded("x%0Ay").chars().any(char::is_control));
    }
}
