//! The OpenAPI 3.1 document, generated from the handlers and types. The
//! committed `openapi.yaml` is this document; a test fails when it is stale.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::http::{
    audit, auth, complaints, health, notifications, reference, reports, tracking, transparency,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Aduan",
        description = "Public-complaint management for Indonesian government agencies: a complaint's \
whole lifecycle from any channel to the citizen's evaluation, with deadlines in working days. \
Every error is `application/problem+json` (RFC 9457).",
        license(name = "AGPL-3.0-or-later"),
    ),
    servers((url = "/", description = "This server")),
    paths(
        auth::login,
        auth::refresh,
        auth::logout,
        auth::me,
        reference::categories,
        reference::divisions,
        reference::staff,
        reference::holidays,
        complaints::submit::submit_online,
        complaints::submit::intake,
        complaints::list::inbox,
        complaints::list::counts,
        complaints::read::show,
        complaints::read::events,
        complaints::read::download,
        complaints::record::export,
        complaints::actions::verify,
        complaints::actions::request_info,
        complaints::actions::reject,
        complaints::actions::disposition,
        complaints::actions::start,
        complaints::actions::resolve,
        complaints::actions::close,
        complaints::actions::archive,
        complaints::actions::extend,
        complaints::actions::note,
        complaints::actions::reply,
        complaints::identity::reveal,
        tracking::track,
        tracking::add_information,
        tracking::accept,
        tracking::dispute,
        tracking::evaluate,
        reports::satisfaction::satisfaction,
        reports::statistics::statistics,
        reports::exports::register_csv,
        reports::exports::register_xlsx,
        reports::exports::monthly_csv,
        reports::exports::monthly_xlsx,
        transparency::transparency,
        audit::list,
        notifications::list,
        notifications::unread_count,
        notifications::read,
        notifications::read_all,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "complaints", description = "Submission, intake, inbox and detail"),
        (name = "lifecycle", description = "Staff actions that move a complaint along (seed a.2)"),
        (name = "tracking", description = "The citizen's side, by tracking code"),
        (name = "auth", description = "Staff sign-in"),
        (name = "reference", description = "Categories, divisions, staff, holidays"),
        (name = "reports", description = "Evaluation, performance and exports (seed b.4, b.8)"),
        (name = "transparency", description = "Public figures, no account needed (seed b.7)"),
        (name = "audit", description = "Who did what: the audit log (seed b.7)"),
        (name = "notifications", description = "The signed-in staff member's notifications"),
        (name = "admin", description = "Administration"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                Http::builder()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// Liveness and readiness live outside `/api/v1`.
#[derive(OpenApi)]
#[openapi(paths(health::healthz, health::readyz))]
struct HealthDoc;

/// The whole document: the resources mounted under `/api/v1` (as the
/// routes are), the admin endpoints, and the health checks.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut v1 = ApiDoc::openapi();
    v1.merge(crate::http::admin::AdminDoc::openapi());
    let mut doc = v1.clone();
    doc.paths = Default::default();
    let mut doc = doc.nest("/api/v1", v1);
    doc.merge(HealthDoc::openapi());
    document_common_problems(&mut doc);
    doc
}

/// Adds the problems any operation of a kind can answer, so that each
/// handler documents only what is particular to it: 401 where a token is
/// needed, 400/413/415/422 where a body is read, 422 for query parameters,
/// 404 for a path naming a resource, 503 when the database is down.
fn document_common_problems(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};

    let problem = |description: &str| {
        RefOr::T(
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                )
                .build(),
        )
    };
    for (path, item) in doc.paths.paths.iter_mut() {
        let operations = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            let mut add = |status: &str, description: &str| {
                operation
                    .responses
                    .responses
                    .entry(status.to_string())
                    .or_insert_with(|| problem(description));
            };
            let has_query = operation
                .parameters
                .iter()
                .flatten()
                .any(|p| matches!(p.parameter_in, ParameterIn::Query | ParameterIn::Header));
            let has_body = operation.request_body.is_some();
            let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());
            if secured {
                add("401", "Not signed in, or the token is invalid or expired");
            }
            add("400", "The URL or body is malformed");
            if has_body {
                add("413", "The body is larger than allowed");
                add("415", "The body is not of an accepted media type");
            }
            if has_body || has_query {
                add("422", "A field or parameter is invalid");
            }
            if path.contains('{') {
                add("404", "No such resource, or not the user's to see");
            }
            if path.starts_with("/api/") {
                add(
                    "503",
                    "The database is unavailable; retry after Retry-After",
                );
            }
        }
    }
}

pub fn yaml() -> String {
    document()
        .to_yaml()
        .expect("the OpenAPI document serialises")
}
