//! Reading a complaint: its detail, its full timeline, its files.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;

use super::views::{ComplaintView, EventView, NamedRef, Names};
use super::{etag, load_visible};
use crate::auth::Staff;
use crate::db::complaints::{self as rows, ComplaintRow};
use crate::db::{reference, users, DbConn};
use crate::domain::lifecycle::{self, Action, Actor};
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// The detail view of `row` for `staff`, with the actions open to them now.
pub fn detail(
    conn: &mut DbConn,
    staff: &Staff,
    row: &ComplaintRow,
    today: NaiveDate,
) -> Result<ComplaintView, ApiError> {
    let category =
        reference::category(conn, &row.category_id)?.ok_or(ApiError::NotFound("category"))?;
    let division = match &row.division_id {
        Some(id) => reference::division(conn, id)?.map(|d| NamedRef {
            id: d.id,
            name: d.name,
        }),
        None => None,
    };
    let assignee = match &row.assignee_id {
        Some(id) => users::find(conn, id)?.map(|u| NamedRef {
            id: u.id,
            name: u.full_name,
        }),
        None => None,
    };
    let attachments = rows::attachments_of(conn, &row.id)?;
    let evaluation_over = row.reporter_due_on.is_none_or(|due| today > due);
    let actions = lifecycle::available_actions(row.status()?, Actor::Staff(staff.role))
        .into_iter()
        // Staff close a resolved complaint only once the reporter's window is over.
        .filter(|a| *a != Action::Close || evaluation_over)
        .collect();
    ComplaintView::build(
        row,
        Names {
            category: NamedRef {
                id: category.id,
                name: category.name,
            },
            division,
            assignee,
        },
        &attachments,
        actions,
        today,
    )
}

pub fn respond(view: ComplaintView) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag(view.version)))
        .json(view)
}

/// One complaint, with an `ETag` to send back as `If-Match` with a change.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = ComplaintView, headers(("ETag" = String))),
        (status = 404, description = "No such complaint, or not yours to see", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/complaints/{id}")]
pub async fn show(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let today = state.today();
    let view = state
        .db
        .read(move |conn| {
            let row = load_visible(conn, &staff, &id)?;
            detail(conn, &staff, &row, today)
        })
        .await?;
    Ok(respond(view))
}

/// The complete timeline, internal notes included, with who did what.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Vec<EventView>),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/complaints/{id}/events")]
pub async fn events(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let events = state
        .db
        .read(move |conn| {
            let row = load_visible(conn, &staff, &id)?;
            timeline(conn, &row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(events))
}

/// A complaint's whole timeline as staff see it, with the actors' names.
pub fn timeline(conn: &mut DbConn, complaint: &ComplaintRow) -> Result<Vec<EventView>, ApiError> {
    let mut names: Vec<(String, String)> = Vec::new();
    rows::events(conn, &complaint.id, false)?
        .iter()
        .map(|event| {
            let name = match &event.actor_id {
                Some(actor) => match names.iter().find(|(id, _)| id == actor) {
                    Some((_, name)) => Some(name.clone()),
                    None => {
                        let name = users::find(conn, actor)?.map(|u| u.full_name);
                        if let Some(n) = &name {
                            names.push((actor.clone(), n.clone()));
                        }
                        name
                    }
                },
                None => None,
            };
            EventView::build(event, name, complaint.is_confidential)
        })
        .collect()
}

/// Downloads an attachment. Always sent as a download with `nosniff`, so a
/// browser never renders it as a page of ours.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = String, Path), ("attachment_id" = String, Path)),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/complaints/{id}/attachments/{attachment_id}")]
pub async fn download(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, attachment_id) = path.into_inner();
    let attachment = state
        .db
        .read(move |conn| {
            let row = load_visible(conn, &staff, &id)?;
            rows::attachment(conn, &row.id, &attachment_id)?.ok_or(ApiError::NotFound("attachment"))
        })
        .await?;
    let bytes = state.storage.get(&attachment.storage_key).await?;
    Ok(HttpResponse::Ok()
        .content_type(attachment.content_type.as_str())
        .insert_header((
            header::CONTENT_DISPOSITION,
            header::ContentDisposition {
                disposition: header::DispositionType::Attachment,
                parameters: vec![header::DispositionParam::Filename(
                    attachment.file_name.clone(),
                )],
            },
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}
