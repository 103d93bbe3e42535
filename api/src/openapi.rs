//! The OpenAPI 3.1 document, generated from the handlers and types. The
//! committed `openapi.yaml` is this document; a test fails when it is stale.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::http::{auth, complaints, health, reference, tracking};

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
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "complaints", description = "Submission, intake, inbox and detail"),
        (name = "lifecycle", description = "Staff actions that move a complaint along (seed a.2)"),
        (name = "tracking", description = "The citizen's side, by tracking code"),
        (name = "auth", description = "Staff sign-in"),
        (name = "reference", description = "Categories, divisions, staff, holidays"),
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
    doc
}

pub fn yaml() -> String {
    document()
        .to_yaml()
        .expect("the OpenAPI document serialises")
}
