//! The HTTP layer: one module per resource, all under `/api/v1`.

pub mod admin;
pub mod auth;
pub mod body;
pub mod complaints;
pub mod health;
pub mod rate_limit;
pub mod reference;
pub mod tracking;

use actix_web::web;

use crate::error;

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
                .default_service(web::to(|| async {
                    Err::<actix_web::HttpResponse, _>(error::ApiError::NotFound("route"))
                })),
        );
}
