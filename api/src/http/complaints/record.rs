//! A complaint's full record in one file for the paper archive (seed b.6):
//! a ZIP holding a printable page, the same data as JSON, and every
//! attachment as it was received.

use std::io::Write;

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;
use zip::write::SimpleFileOptions;

use super::identity::reveal_identity;
use super::load_visible;
use super::read::{detail, timeline};
use super::views::{ComplaintView, EventView, ReporterIdentity};
use crate::auth::Staff;
use crate::db::audit::{self, AuditEntry};
use crate::db::complaints::{self as rows, EventActor, EventRow};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::timeline::EventKind;
use crate::error::{ApiError, Problem};
use crate::http::body::BinaryFile;
use crate::http::query::Query;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct RecordQuery {
    /// Include the reporter's identity. Recorded on the timeline as a
    /// reveal; refused for an anonymous reporter unless the role verifies.
    #[serde(default)]
    pub include_identity: bool,
    /// Language of the printable page: `id` (default) or `en`.
    pub lang: Option<String>,
}

/// `record.json` in the archive.
#[derive(Serialize)]
struct Record {
    exported_at: DateTime<Utc>,
    exported_by: String,
    complaint: ComplaintView,
    reporter_identity: Option<ReporterIdentity>,
    timeline: Vec<EventView>,
}

/// The complaint's full record as a ZIP: `record.html` (printable),
/// `record.json`, and `attachments/`.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = String, Path), RecordQuery),
    responses(
        (status = 200, description = "The record", content_type = "application/zip", body = BinaryFile,
            headers(("Content-Disposition" = String, description = "attachment; filename=\"aduan-<register number, slashes as dashes>.zip\""))),
        (status = 403, description = "An anonymous reporter's identity, for a role that does not verify", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such complaint, or not one this user may see", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A query parameter that does not parse", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/complaints/{id}/record")]
pub async fn export(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    query: Query<RecordQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let labels = match query.lang.as_deref() {
        None | Some("id") => &INDONESIAN,
        Some("en") => &ENGLISH,
        Some(other) => {
            return Err(ApiError::field(
                "lang",
                "unknown_value",
                format!("'{other}' is not one of: id, en"),
            ))
        }
    };
    let (today, now) = (state.today(), state.clock.now());
    let exported_by = staff.username.clone();
    let (record, files) = state
        .db
        .write(move |conn| {
            let row = load_visible(conn, &staff, &id)?;
            let reporter_identity = if query.include_identity {
                let entry = EventRow::new(
                    &row.id,
                    now.naive_utc(),
                    EventKind::IdentityRevealed,
                    &EventActor::staff(&staff.id, staff.role),
                )
                .details(serde_json::json!({ "purpose": "record_export" }));
                Some(reveal_identity(conn, &staff, &row, entry)?)
            } else {
                None
            };
            audit::record(
                conn,
                now.naive_utc(),
                AuditEntry::new(AuditAction::Export, ObjectType::Complaint, Some(&row.id))
                    .by(&staff.id, staff.role)
                    .details(serde_json::json!({
                        "report": "complaint_record",
                        "format": "zip",
                        "register_number": row.register_number(),
                        "identity_included": reporter_identity.is_some(),
                    })),
            )?;
            let record = Record {
                exported_at: now,
                exported_by,
                complaint: detail(conn, &staff, &row, today)?,
                reporter_identity,
                timeline: timeline(conn, &row)?,
            };
            Ok((record, rows::attachments_of(conn, &row.id)?))
        })
        .await?;
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), ApiError> {
        archive
            .start_file(name, options)
            .and_then(|()| archive.write_all(bytes).map_err(Into::into))
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("writing the record archive: {e}")))
    };
    add("record.html", render_html(&record, labels).as_bytes())?;
    let json = serde_json::to_vec_pretty(&record)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("serialising the record: {e}")))?;
    add("record.json", &json)?;
    for (n, file) in files.iter().enumerate() {
        let bytes = state.storage.get(&file.storage_key).await?;
        add(
            &format!("attachments/{:02}-{}", n + 1, file.file_name),
            &bytes,
        )?;
    }
    let bytes = archive
        .finish()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("finishing the record archive: {e}")))?
        .into_inner();
    let file_name = format!(
        "aduan-{}.zip",
        record
            .complaint
            .register_number
            .replace('/', "-")
            .to_lowercase()
    );
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            header::ContentDisposition {
                disposition: header::DispositionType::Attachment,
                parameters: vec![header::DispositionParam::Filename(file_name)],
            },
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}

/// The words of the printable page.
struct Labels {
    lang: &'static str,
    title: &'static str,
    register: &'static str,
    tracking: &'static str,
    received: &'static str,
    kind: &'static str,
    channel: &'static str,
    category: &'static str,
    status: &'static str,
    subject: &'static str,
    description: &'static str,
    division: &'static str,
    answer: &'static str,
    reporter: &'static str,
    anonymous: &'static str,
    not_included: &'static str,
    timeline: &'static str,
    when: &'static str,
    event: &'static str,
    who: &'static str,
    message: &'static str,
    attachments: &'static str,
    exported: &'static str,
}

const INDONESIAN: Labels = Labels {
    lang: "id",
    title: "Rekam Pengaduan",
    register: "Nomor register",
    tracking: "Kode pelacakan",
    received: "Diterima",
    kind: "Jenis",
    channel: "Saluran",
    category: "Kategori",
    status: "Status",
    subject: "Perihal",
    description: "Uraian",
    division: "Bidang",
    answer: "Jawaban",
    reporter: "Pelapor",
    anonymous: "anonim",
    not_included: "tidak disertakan",
    timeline: "Riwayat penanganan",
    when: "Waktu (UTC)",
    event: "Kejadian",
    who: "Oleh",
    message: "Keterangan",
    attachments: "Lampiran",
    exported: "Diekspor",
};

const ENGLISH: Labels = Labels {
    lang: "en",
    title: "Complaint record",
    register: "Register number",
    tracking: "Tracking code",
    received: "Received",
    kind: "Kind",
    channel: "Channel",
    category: "Category",
    status: "Status",
    subject: "Subject",
    description: "Description",
    division: "Division",
    answer: "Answer",
    reporter: "Reporter",
    anonymous: "anonymous",
    not_included: "not included",
    timeline: "Handling history",
    when: "Time (UTC)",
    event: "Event",
    who: "By",
    message: "Note",
    attachments: "Attachments",
    exported: "Exported",
};

/// Every stored text goes through here: the page must print what the
/// reporter wrote, never run it.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn render_html(record: &Record, l: &Labels) -> String {
    let c = &record.complaint;
    let time = |at: DateTime<Utc>| at.format("%Y-%m-%d %H:%M").to_string();
    let row = |label: &str, value: &str| {
        format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            escape(label),
            escape(value)
        )
    };
    let mut rows = String::new();
    rows += &row(l.register, &c.register_number);
    rows += &row(l.tracking, &c.tracking_code);
    rows += &row(l.received, &time(c.received_at));
    rows += &row(l.kind, c.kind.as_str());
    rows += &row(l.channel, c.channel.as_str());
    rows += &row(l.category, &c.category.name);
    rows += &row(l.status, c.status.as_str());
    if let Some(division) = &c.division {
        rows += &row(l.division, &division.name);
    }
    let reporter = match (&record.reporter_identity, c.anonymous) {
        (Some(identity), _) => [
            identity.name.as_deref(),
            identity.id_number.as_deref(),
            identity.address.as_deref(),
            identity.phone.as_deref(),
            identity.email.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · "),
        (None, true) => l.anonymous.to_string(),
        (None, false) => l.not_included.to_string(),
    };
    rows += &row(l.reporter, &reporter);
    let mut events = String::new();
    for e in &record.timeline {
        events += &format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&time(e.at)),
            escape(e.kind.as_str()),
            escape(
                &e.actor
                    .as_ref()
                    .map(|a| a.name.clone())
                    .unwrap_or_else(|| e.actor_kind.as_str().to_string())
            ),
            escape(e.message.as_deref().unwrap_or("")),
        );
    }
    let files: String = c
        .attachments
        .iter()
        .enumerate()
        .map(|(n, a)| {
            format!(
                "<li>attachments/{:02}-{} ({} bytes, SHA-256 {})</li>\n",
                n + 1,
                escape(&a.file_name),
                a.size_bytes,
                escape(&a.sha256)
            )
        })
        .collect();
    let answer = c
        .resolution
        .as_deref()
        .map(|text| {
            format!(
                "<h2>{}</h2>\n<p class=\"text\">{}</p>\n",
                l.answer,
                escape(text)
            )
        })
        .unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>{title} {register}</title>\n<style>body{{font-family:serif;margin:2cm}}\
         table{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #444;padding:4px;\
         text-align:left;vertical-align:top}}.text{{white-space:pre-wrap}}</style></head>\n<body>\n\
         <h1>{title}</h1>\n<table>\n{rows}</table>\n<h2>{subject_label}</h2>\n<p>{subject}</p>\n\
         <h2>{description_label}</h2>\n<p class=\"text\">{description}</p>\n{answer}\
         <h2>{timeline_label}</h2>\n<table>\n<tr><th>{when}</th><th>{event}</th><th>{who}</th><th>{message}</th></tr>\n\
         {events}</table>\n<h2>{attachments_label}</h2>\n<ul>\n{files}</ul>\n\
         <p>{exported}: {exported_at} · {exported_by}</p>\n</body></html>\n",
        lang = l.lang,
        title = l.title,
        register = escape(&c.register_number),
        subject_label = l.subject,
        subject = escape(&c.subject),
        description_label = l.description,
        description = escape(&c.description),
        timeline_label = l.timeline,
        when = l.when,
        event = l.event,
        who = l.who,
        message = l.message,
        attachments_label = l.attachments,
        exported = l.exported,
        exported_at = escape(&time(record.exported_at)),
        exported_by = escape(&record.exported_by),
    )
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_printed_not_run() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
