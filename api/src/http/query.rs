//! The query-string extractor. Like `web::Query`, but a value that does not
//! parse is reported under its parameter's name (`include_identity`, `limit`),
//! where actix's own extractor can only say that the query was invalid.

use std::future::{ready, Ready};
use std::ops::Deref;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::{deserialize_problem, ApiError};

#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse(req.query_string()).map(Query))
    }
}

/// Parses a query string into `T`, naming the parameter that failed.
pub fn parse<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let pairs = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(pairs).map_err(|e| {
        let field = e.path().to_string();
        let message = e.into_inner().to_string();
        if field == "." || field.is_empty() {
            // A missing or unknown parameter: serde names it in the message.
            deserialize_problem(&message)
        } else {
            ApiError::field(field, "invalid", message)
        }
    })
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::error::Problem;

    #[derive(Debug, Deserialize)]
    struct Params {
        #[allow(dead_code)]
        from: String,
        include_identity: Option<bool>,
        limit: Option<u32>,
    }

    fn problem(query: &str) -> Problem {
        parse::<Params>(query).unwrap_err().problem()
    }

    #[test]
    fn a_value_that_does_not_parse_is_named() {
        let p = problem("from=2026-11-01&include_identity=maybe");
        assert_eq!(p.errors[0].field, "include_identity");
        assert_eq!(p.errors[0].code, "invalid");
        assert_eq!(problem("from=x&limit=-1").errors[0].field, "limit");
    }

    #[test]
    fn a_missing_parameter_is_named_as_required() {
        let p = problem("limit=5");
        assert_eq!(p.errors[0].field, "from");
        assert_eq!(p.errors[0].code, "required");
    }

    #[test]
    fn good_values_parse() {
        let params: Params = parse("from=2026-11-01&include_identity=true&limit=25").unwrap();
        assert_eq!(
            (params.include_identity, params.limit),
            (Some(true), Some(25))
        );
    }
}
