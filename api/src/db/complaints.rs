//! Complaints, their timeline, attachments and idempotency keys.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::Bool;

use super::schema::{
    attachments, complaint_events, complaints, idempotency_keys, register_counters,
};
use super::{DbConn, MultiBackend};
use crate::domain::sla::{ComplaintClock, SlaPolicy, SlaState};
use crate::domain::timeline::{ActorKind, EventKind};
use crate::domain::{Calendar, Channel, Kind, Language, Role, Status, TrackingCode};
use crate::error::ApiError;
use crate::storage::{Storage, Upload};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = complaints, treat_none_as_null = true)]
pub struct ComplaintRow {
    pub id: String,
    pub tracking_code: String,
    pub register_year: i32,
    pub register_seq: i32,
    pub kind: String,
    pub channel: String,
    pub status: String,
    pub category_id: String,
    pub subject: String,
    pub description: String,
    pub incident_date: Option<NaiveDate>,
    pub incident_place: Option<String>,
    pub reporter_name: Option<String>,
    pub reporter_id_type: Option<String>,
    pub reporter_id_number: Option<String>,
    pub reporter_address: Option<String>,
    pub reporter_phone: Option<String>,
    pub reporter_email: Option<String>,
    pub is_anonymous: bool,
    pub is_confidential: bool,
    pub req_identity: Option<bool>,
    pub req_address: Option<bool>,
    pub req_evidence: Option<bool>,
    pub division_id: Option<String>,
    pub assignee_id: Option<String>,
    pub rejection_reason: Option<String>,
    pub duplicate_of_id: Option<String>,
    pub resolution: Option<String>,
    pub received_at: NaiveDateTime,
    pub received_on: NaiveDate,
    pub target_days: i32,
    pub extension_days: i32,
    pub paused_days: i32,
    pub waiting_since: Option<NaiveDate>,
    pub verification_due_on: NaiveDate,
    pub resolution_due_on: NaiveDate,
    pub reporter_due_on: Option<NaiveDate>,
    pub sla_due_on: Option<NaiveDate>,
    pub sla_at_risk_on: Option<NaiveDate>,
    pub verified_at: Option<NaiveDateTime>,
    pub resolved_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub archived_at: Option<NaiveDateTime>,
    pub external_system: Option<String>,
    pub external_id: Option<String>,
    pub external_status: Option<String>,
    pub created_by_id: Option<String>,
    pub search_text: String,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub reporter_language: String,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("stored {what} is invalid: {e}"))
}

impl ComplaintRow {
    pub fn status(&self) -> Result<Status, ApiError> {
        self.status.parse().map_err(|e| corrupt("status", e))
    }

    pub fn kind(&self) -> Result<Kind, ApiError> {
        self.kind.parse().map_err(|e| corrupt("kind", e))
    }

    pub fn channel(&self) -> Result<Channel, ApiError> {
        self.channel.parse().map_err(|e| corrupt("channel", e))
    }

    pub fn reporter_language(&self) -> Result<Language, ApiError> {
        self.reporter_language
            .parse()
            .map_err(|e| corrupt("reporter language", e))
    }

    /// The paper-archive number: sequence / year.
    pub fn register_number(&self) -> String {
        register_number(self.register_year, self.register_seq)
    }
}

pub fn register_number(year: i32, seq: i32) -> String {
    format!("{seq:05}/ADUAN/{year}")
}

/// The text the inbox search looks in, lowercased once at write time so the
/// same `LIKE` serves both backends (and a trigram index on PostgreSQL).
/// An anonymous reporter's name is left out: searching by it would reveal it.
pub fn search_text(row: &ComplaintRow) -> String {
    let mut text = format!(
        "{}\n{}\n{}\n{}",
        row.subject,
        row.description,
        row.tracking_code,
        row.register_number()
    );
    if let (false, Some(name)) = (row.is_anonymous, &row.reporter_name) {
        text.push('\n');
        text.push_str(name);
    }
    text.to_lowercase()
}

/// Takes the next register number of `year`. Runs inside the transaction that
/// inserts the complaint: a rollback returns the number (no gaps), and the
/// counter row's lock orders concurrent submissions (no duplicates).
pub fn next_register_seq(conn: &mut DbConn, year: i32) -> Result<i32, ApiError> {
    // Both backends accept this statement; `year` is an integer, never text.
    diesel::sql_query(format!(
        "INSERT INTO register_counters (year, last_number) VALUES ({year}, 0) ON CONFLICT (year) DO NOTHING"
    ))
    .execute(conn)?;
    diesel::update(register_counters::table.find(year))
        .set(register_counters::last_number.eq(register_counters::last_number + 1))
        .execute(conn)?;
    Ok(register_counters::table
        .find(year)
        .select(register_counters::last_number)
        .first(conn)?)
}

pub fn insert(conn: &mut DbConn, row: &ComplaintRow) -> Result<(), ApiError> {
    diesel::insert_into(complaints::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<ComplaintRow>, ApiError> {
    Ok(complaints::table
        .find(id)
        .select(ComplaintRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_tracking_code(
    conn: &mut DbConn,
    code: &str,
) -> Result<Option<ComplaintRow>, ApiError> {
    Ok(complaints::table
        .filter(complaints::tracking_code.eq(code))
        .select(ComplaintRow::as_select())
        .first(conn)
        .optional()?)
}

/// Writes `row` if nobody changed it since `expected_version` was read;
/// otherwise returns the version now stored.
pub fn save_if_version(
    conn: &mut DbConn,
    row: &ComplaintRow,
    expected_version: i32,
) -> Result<Result<(), i32>, ApiError> {
    let changed = diesel::update(
        complaints::table
            .find(&row.id)
            .filter(complaints::version.eq(expected_version)),
    )
    .set(row)
    .execute(conn)?;
    if changed == 1 {
        return Ok(Ok(()));
    }
    let current = complaints::table
        .find(&row.id)
        .select(complaints::version)
        .first::<i32>(conn)?;
    Ok(Err(current))
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = complaint_events)]
pub struct EventRow {
    pub id: String,
    pub complaint_id: String,
    pub seq: i32,
    pub occurred_at: NaiveDateTime,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub visibility: String,
    pub message: Option<String>,
    pub details: Option<String>,
}

/// Appends to a complaint's timeline. Callers have already bumped the
/// complaint's version in this transaction, which serialises the sequence.
pub fn append_event(conn: &mut DbConn, mut event: EventRow) -> Result<EventRow, ApiError> {
    let last: Option<i32> = complaint_events::table
        .filter(complaint_events::complaint_id.eq(&event.complaint_id))
        .select(diesel::dsl::max(complaint_events::seq))
        .first(conn)?;
    event.seq = last.unwrap_or(0) + 1;
    diesel::insert_into(complaint_events::table)
        .values(&event)
        .execute(conn)?;
    Ok(event)
}

pub fn events(
    conn: &mut DbConn,
    complaint_id: &str,
    public_only: bool,
) -> Result<Vec<EventRow>, ApiError> {
    let mut query = complaint_events::table
        .filter(complaint_events::complaint_id.eq(complaint_id))
        .into_boxed();
    if public_only {
        query = query.filter(complaint_events::visibility.eq("public"));
    }
    Ok(query
        .order(complaint_events::seq.asc())
        .select(EventRow::as_select())
        .load(conn)?)
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = attachments)]
pub struct AttachmentRow {
    pub id: String,
    pub complaint_id: String,
    pub event_id: Option<String>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_key: String,
    pub uploaded_by: String,
    pub created_at: NaiveDateTime,
}

impl AttachmentRow {
    /// The record of an upload, stored under its own key; the complaint and
    /// the event it came with are filled in when they are known.
    pub fn for_upload(upload: &Upload, uploaded_by: ActorKind, at: NaiveDateTime) -> AttachmentRow {
        let id = super::new_id();
        AttachmentRow {
            storage_key: format!("attachments/{id}"),
            id,
            complaint_id: String::new(),
            event_id: None,
            file_name: upload.file_name.clone(),
            content_type: upload.content_type.to_string(),
            size_bytes: upload.bytes.len() as i64,
            sha256: upload.sha256.clone(),
            uploaded_by: uploaded_by.as_str().to_string(),
            created_at: at,
        }
    }
}

/// Stores the uploads' bytes, and returns their records for the transaction
/// that saves them (and the keys to remove if it fails).
pub async fn store_uploads(
    storage: &Storage,
    uploads: Vec<Upload>,
    uploaded_by: ActorKind,
    at: NaiveDateTime,
) -> Result<(Vec<AttachmentRow>, Vec<String>), ApiError> {
    let rows: Vec<AttachmentRow> = uploads
        .iter()
        .map(|u| AttachmentRow::for_upload(u, uploaded_by, at))
        .collect();
    let keys: Vec<String> = rows.iter().map(|r| r.storage_key.clone()).collect();
    storage
        .put_all(
            keys.iter()
                .cloned()
                .zip(uploads.into_iter().map(|u| u.bytes))
                .collect(),
        )
        .await?;
    Ok((rows, keys))
}

pub fn insert_attachments(conn: &mut DbConn, rows: &[AttachmentRow]) -> Result<(), ApiError> {
    for row in rows {
        diesel::insert_into(attachments::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

pub fn attachments_of(
    conn: &mut DbConn,
    complaint_id: &str,
) -> Result<Vec<AttachmentRow>, ApiError> {
    Ok(attachments::table
        .filter(attachments::complaint_id.eq(complaint_id))
        .order(attachments::created_at.asc())
        .select(AttachmentRow::as_select())
        .load(conn)?)
}

pub fn attachment(
    conn: &mut DbConn,
    complaint_id: &str,
    id: &str,
) -> Result<Option<AttachmentRow>, ApiError> {
    Ok(attachments::table
        .find(id)
        .filter(attachments::complaint_id.eq(complaint_id))
        .select(AttachmentRow::as_select())
        .first(conn)
        .optional()?)
}

/// The complaint an earlier request with this key created, and that
/// request's fingerprint.
pub fn idempotent_result(
    conn: &mut DbConn,
    scope: &str,
    key: &str,
) -> Result<Option<(String, String)>, ApiError> {
    Ok(idempotency_keys::table
        .find((scope, key))
        .select((
            idempotency_keys::complaint_id,
            idempotency_keys::request_hash,
        ))
        .first(conn)
        .optional()?)
}

pub fn remember_idempotency_key(
    conn: &mut DbConn,
    scope: &str,
    key: &str,
    request_hash: &str,
    complaint_id: &str,
    at: NaiveDateTime,
) -> Result<(), ApiError> {
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::scope.eq(scope),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(request_hash),
            idempotency_keys::complaint_id.eq(complaint_id),
            idempotency_keys::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Inbox order; every order ends on the id, so pages never overlap or skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    ReceivedDesc,
    ReceivedAsc,
    UpdatedDesc,
    UpdatedAsc,
}

/// Where the previous page ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub at: NaiveDateTime,
    pub id: String,
}

#[derive(Debug, Clone, Default)]
pub struct InboxQuery {
    pub statuses: Vec<Status>,
    pub kind: Option<Kind>,
    pub channel: Option<Channel>,
    pub category_id: Option<String>,
    pub division_id: Option<String>,
    pub assignee_id: Option<String>,
    pub sla: Option<SlaState>,
    pub received_from: Option<NaiveDateTime>,
    pub received_before: Option<NaiveDateTime>,
    pub search: Option<Search>,
    /// How many of the newest complaints (in the page's order, ignoring the
    /// words) a word search looks through first; 0 leaves it to the planner.
    /// See [`inbox`].
    pub search_window: i64,
    /// Division staff see only their division's complaints.
    pub restrict_to_division: Option<String>,
    pub today: Option<NaiveDate>,
    pub sort: Sort,
    pub after: Option<Cursor>,
    pub limit: i64,
}

fn filtered(q: &InboxQuery) -> complaints::BoxedQuery<'_, MultiBackend> {
    use complaints::dsl as c;
    let mut query = complaints::table.into_boxed();
    if let Some(division) = &q.restrict_to_division {
        query = query.filter(c::division_id.eq(division));
    }
    query = match q.statuses.as_slice() {
        // Archived complaints leave the working lists unless asked for.
        [] => query.filter(c::status.ne(Status::Archived.as_str())),
        // PostgreSQL reads `(status, …)` indexes in order only for `=`, not
        // for the `= ANY($1)` that `eq_any` sends even for one value.
        [one] => query.filter(c::status.eq(one.as_str())),
        many => query.filter(c::status.eq_any(many.iter().map(|s| s.as_str()))),
    };
    if let Some(kind) = q.kind {
        query = query.filter(c::kind.eq(kind.as_str()));
    }
    if let Some(channel) = q.channel {
        query = query.filter(c::channel.eq(channel.as_str()));
    }
    if let Some(category) = &q.category_id {
        query = query.filter(c::category_id.eq(category));
    }
    if let Some(division) = &q.division_id {
        query = query.filter(c::division_id.eq(division));
    }
    if let Some(assignee) = &q.assignee_id {
        query = query.filter(c::assignee_id.eq(assignee));
    }
    if let (Some(sla), Some(today)) = (q.sla, q.today) {
        query = match sla {
            SlaState::Overdue => query.filter(c::sla_due_on.lt(today)),
            SlaState::AtRisk => query
                .filter(c::sla_due_on.ge(today))
                .filter(c::sla_at_risk_on.le(today)),
            SlaState::OnTrack => query.filter(c::sla_at_risk_on.gt(today)),
        };
    }
    if let Some(from) = q.received_from {
        query = query.filter(c::received_at.ge(from));
    }
    if let Some(before) = q.received_before {
        query = query.filter(c::received_at.lt(before));
    }
    match &q.search {
        None => {}
        Some(Search::TrackingCode(code)) => {
            query = query.filter(c::tracking_code.eq(code.as_str().to_string()));
        }
        Some(Search::RegisterNumber { year, seq }) => {
            query = query
                .filter(c::register_year.eq(*year))
                .filter(c::register_seq.eq(*seq));
        }
        Some(Search::Words(text)) => {
            let escaped = text
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            query = query.filter(c::search_text.like(format!("%{escaped}%")).escape('\\'));
        }
    }
    query
}

/// What the inbox search box asked for. A whole tracking code or register
/// number is looked up exactly: as text it would match the register
/// number's constant part in every row and mislead the planner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    TrackingCode(TrackingCode),
    RegisterNumber {
        year: i32,
        seq: i32,
    },
    /// Lowercased words found anywhere in the search text.
    Words(String),
}

impl Search {
    pub fn parse(text: &str) -> Search {
        let text = text.trim();
        if let Some((year, seq)) = parse_register_number(text) {
            return Search::RegisterNumber { year, seq };
        }
        // Only the dashed form: a 12-letter word could otherwise pass for a code.
        let dashed = text.len() == 14 && text.as_bytes()[4] == b'-' && text.as_bytes()[9] == b'-';
        match TrackingCode::parse(text) {
            Ok(code) if dashed => Search::TrackingCode(code),
            _ => Search::Words(text.to_lowercase()),
        }
    }
}

/// The inverse of [`register_number`], case-insensitive and lenient on
/// leading zeros: `00012/ADUAN/2026` or `12/aduan/2026`.
fn parse_register_number(text: &str) -> Option<(i32, i32)> {
    let mut parts = text.split('/');
    let (seq, word, year) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some()
        || !word.eq_ignore_ascii_case("aduan")
        || !digits(seq)
        || seq.len() > 9
        || year.len() != 4
        || !digits(year)
    {
        return None;
    }
    Some((year.parse().ok()?, seq.parse().ok()?))
}

/// One page of the inbox in the requested order.
///
/// A text search runs in two steps. The planner estimates a word's matches
/// as spread evenly over time, so for a word of middling frequency it walks
/// the newest complaints in order, expecting a page soon; when the word
/// belongs to older complaints (a village named in last year's campaign)
/// that walk reads most of the table (165 ms at 1 000 000). So the search
/// first looks among the newest `search_window` complaints only, which
/// fills the page of any word in current use, and otherwise collects the
/// older matches through the text index and sorts them, which costs what
/// the word's matches cost, never the whole table.
pub fn inbox(conn: &mut DbConn, q: &InboxQuery) -> Result<Vec<ComplaintRow>, ApiError> {
    if !matches!(q.search, Some(Search::Words(_))) || q.search_window < 1 {
        return page(conn, q, q.after.as_ref(), None, q.limit);
    }
    let unsearched = InboxQuery {
        search: None,
        ..q.clone()
    };
    let Some(edge) = nth_key(conn, &unsearched, q.search_window)? else {
        // Fewer complaints than the window: one walk sees them all.
        return page(conn, q, q.after.as_ref(), None, q.limit);
    };
    let mut rows = page(conn, q, q.after.as_ref(), Some(&edge), q.limit)?;
    let missing = q.limit - rows.len() as i64;
    if missing > 0 {
        rows.extend(older_matches(conn, q, &edge, missing)?);
    }
    Ok(rows)
}

/// The `q.limit` rows of `q` after `after` and up to `until` (both in the
/// page's order; `until` included).
fn page(
    conn: &mut DbConn,
    q: &InboxQuery,
    after: Option<&Cursor>,
    until: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<ComplaintRow>, ApiError> {
    Ok(ordered(filtered(q), q.sort, after, until)
        .limit(limit)
        .select(ComplaintRow::as_select())
        .load(conn)?)
}

/// The sort key of the `n`th row of `q` after its cursor, if there are `n`.
fn nth_key(conn: &mut DbConn, q: &InboxQuery, n: i64) -> Result<Option<Cursor>, ApiError> {
    use complaints::dsl as c;
    let nth = ordered(filtered(q), q.sort, q.after.as_ref(), None)
        .offset(n - 1)
        .select((c::received_at, c::updated_at, c::id))
        .first::<(NaiveDateTime, NaiveDateTime, String)>(conn)
        .optional()?;
    Ok(nth.map(|(received_at, updated_at, id)| Cursor {
        at: match q.sort {
            Sort::ReceivedDesc | Sort::ReceivedAsc => received_at,
            Sort::UpdatedDesc | Sort::UpdatedAsc => updated_at,
        },
        id,
    }))
}

/// Up to `limit` matches of `q` beyond `edge`, read through the text index
/// and sorted, not found by walking the order (see [`inbox`]). PostgreSQL is
/// told not to walk an index in order for this one statement; SQLite has no
/// text index and scans either way.
fn older_matches(
    conn: &mut DbConn,
    q: &InboxQuery,
    edge: &Cursor,
    limit: i64,
) -> Result<Vec<ComplaintRow>, ApiError> {
    match conn {
        DbConn::Postgres(_) => conn.transaction(|conn| {
            diesel::sql_query("SET LOCAL enable_indexscan = off").execute(conn)?;
            page(conn, q, Some(edge), None, limit)
        }),
        DbConn::Sqlite(_) => page(conn, q, Some(edge), None, limit),
    }
}

type Condition = Box<dyn BoxableExpression<complaints::table, MultiBackend, SqlType = Bool>>;

/// `query` in `sort` order, strictly after `after` and up to `until`. Each
/// bound is written as a range on the sort key (which an index can seek)
/// and a tie-break on the id.
fn ordered<'a>(
    mut query: complaints::BoxedQuery<'a, MultiBackend>,
    sort: Sort,
    after: Option<&Cursor>,
    until: Option<&Cursor>,
) -> complaints::BoxedQuery<'a, MultiBackend> {
    use complaints::dsl as c;
    macro_rules! keyset {
        ($key:expr, $descending:expr) => {{
            let beyond = |at: &Cursor| -> Condition {
                let (key, id) = (at.at, at.id.clone());
                if $descending {
                    Box::new($key.le(key).and($key.lt(key).or(c::id.lt(id))))
                } else {
                    Box::new($key.ge(key).and($key.gt(key).or(c::id.gt(id))))
                }
            };
            let up_to = |at: &Cursor| -> Condition {
                let (key, id) = (at.at, at.id.clone());
                if $descending {
                    Box::new($key.ge(key).and($key.gt(key).or(c::id.ge(id))))
                } else {
                    Box::new($key.le(key).and($key.lt(key).or(c::id.le(id))))
                }
            };
            if let Some(after) = after {
                query = query.filter(beyond(after));
            }
            if let Some(until) = until {
                query = query.filter(up_to(until));
            }
            if $descending {
                query.order(($key.desc(), c::id.desc()))
            } else {
                query.order(($key.asc(), c::id.asc()))
            }
        }};
    }
    match sort {
        Sort::ReceivedDesc => keyset!(c::received_at, true),
        Sort::ReceivedAsc => keyset!(c::received_at, false),
        Sort::UpdatedDesc => keyset!(c::updated_at, true),
        Sort::UpdatedAsc => keyset!(c::updated_at, false),
    }
}

/// How many complaints match, per status (ignoring the status filter).
pub fn counts_by_status(conn: &mut DbConn, q: &InboxQuery) -> Result<Vec<(Status, i64)>, ApiError> {
    Status::ALL
        .iter()
        .map(|status| {
            let one = InboxQuery {
                statuses: vec![*status],
                ..q.clone()
            };
            Ok((*status, filtered(&one).count().get_result(conn)?))
        })
        .collect()
}

/// Who acted, as the timeline records it.
#[derive(Debug, Clone)]
pub struct EventActor {
    pub kind: ActorKind,
    pub user_id: Option<String>,
    pub role: Option<Role>,
}

impl EventActor {
    pub fn reporter() -> EventActor {
        EventActor {
            kind: ActorKind::Reporter,
            user_id: None,
            role: None,
        }
    }

    /// The timed rules (see `jobs::timers`).
    pub fn system() -> EventActor {
        EventActor {
            kind: ActorKind::System,
            user_id: None,
            role: None,
        }
    }

    pub fn staff(user_id: &str, role: Role) -> EventActor {
        EventActor {
            kind: ActorKind::Staff,
            user_id: Some(user_id.to_string()),
            role: Some(role),
        }
    }
}

impl EventRow {
    pub fn new(
        complaint_id: &str,
        at: NaiveDateTime,
        kind: EventKind,
        actor: &EventActor,
    ) -> EventRow {
        EventRow {
            id: super::new_id(),
            complaint_id: complaint_id.to_string(),
            seq: 0,
            occurred_at: at,
            actor_kind: actor.kind.as_str().to_string(),
            actor_id: actor.user_id.clone(),
            actor_role: actor.role.map(|r| r.as_str().to_string()),
            action: kind.as_str().to_string(),
            from_status: None,
            to_status: None,
            visibility: kind.visibility().as_str().to_string(),
            message: None,
            details: None,
        }
    }

    pub fn transition(mut self, from: Option<Status>, to: Status) -> EventRow {
        self.from_status = from.map(|s| s.as_str().to_string());
        self.to_status = Some(to.as_str().to_string());
        self
    }

    pub fn message(mut self, message: Option<String>) -> EventRow {
        self.message = message;
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> EventRow {
        self.details = Some(details.to_string());
        self
    }
}

/// Takes the complaint's row lock without changing it, so that appends that
/// leave the complaint as it is (notes, replies, reveals) still get their
/// timeline sequence one at a time.
pub fn lock(conn: &mut DbConn, id: &str) -> Result<(), ApiError> {
    diesel::update(complaints::table.find(id))
        .set(complaints::version.eq(complaints::version))
        .execute(conn)?;
    Ok(())
}

impl ComplaintRow {
    pub fn clock(&self) -> ComplaintClock {
        ComplaintClock {
            received_on: self.received_on,
            target_days: self.target_days as u32,
            extension_days: self.extension_days as u32,
            paused_days: self.paused_days as u32,
            waiting_since: self.waiting_since,
        }
    }

    pub fn set_clock(&mut self, clock: ComplaintClock) {
        self.target_days = clock.target_days as i32;
        self.extension_days = clock.extension_days as i32;
        self.paused_days = clock.paused_days as i32;
        self.waiting_since = clock.waiting_since;
    }

    /// Recomputes every stored due date from the clock and the status, so the
    /// inbox can filter on them in SQL.
    pub fn reschedule(&mut self, calendar: &Calendar, policy: &SlaPolicy) -> Result<(), ApiError> {
        let schedule = self.clock().schedule(self.status()?, calendar, policy);
        self.verification_due_on = schedule.verification_due_on;
        self.resolution_due_on = schedule.resolution_due_on;
        self.reporter_due_on = schedule.reporter_due_on;
        self.sla_due_on = schedule.active.map(|d| d.due_on);
        self.sla_at_risk_on = schedule.active.map(|d| d.at_risk_on);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_register_numbers_and_dashed_tracking_codes_are_exact_lookups() {
        assert_eq!(
            Search::parse(" 00012/ADUAN/2026 "),
            Search::RegisterNumber {
                year: 2026,
                seq: 12
            }
        );
        assert_eq!(
            Search::parse("12/aduan/2026"),
            Search::RegisterNumber {
                year: 2026,
                seq: 12
            }
        );
        assert_eq!(
            Search::parse("7kqm-4xht-92rc"),
            Search::TrackingCode(TrackingCode::parse("7KQM-4XHT-92RC").unwrap())
        );
    }

    #[test]
    fn anything_else_is_searched_as_words() {
        for text in [
            "12/aduan",
            "/aduan/2026",
            "12/ADUAN/26",
            "12/surat/2026",
            "1/2/aduan/2026",
            "7KQM4XHT92RC",
            "7KQM-4XHT",
            "perdagangann",
            "Izin PBG",
        ] {
            assert_eq!(
                Search::parse(text),
                Search::Words(text.trim().to_lowercase()),
                "{text}"
            );
        }
    }

    #[test]
    fn register_numbers_round_trip() {
        for (year, seq) in [(2026, 1), (2026, 99_999), (2027, 123_456)] {
            assert_eq!(
                parse_register_number(&register_number(year, seq)),
                Some((year, seq))
            );
        }
    }
}
