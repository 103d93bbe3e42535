//! The HTTP layer: one module per resource, all under `/api/v1`.

pub mod admin;
pub mod auth;
pub mod body;
pub mod complaints;
pub mod health;
pub mod rate_limit;
pub mod reference;
pub mod tracking;

use std::sync::OnceLock;

use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::{self, ApiError};

/// Every route of the API; the OpenAPI document lists the same handlers.
pub fn routes(cfg: &mut web::ServiceConfig) {
    use complaints::{actions, identity, list, read, submit};
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(
            web::scope("/api/v1")
                .app_data(
                    web::JsonConfig::default()
                        .limit(body::MAX_JSON_BYTES)
                        .error_handler(error::json_error),
                )
                .app_data(web::QueryConfig::default().error_handler(error::query_error))
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
                .configure(admin::routes)
                .default_service(web::to(unrouted)),
        );
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
