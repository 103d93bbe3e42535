//! Exports for people who work in spreadsheets: the complaint register of a
//! period and the monthly report, as CSV and as XLSX. Headers are in
//! Indonesian, for the agency's staff; values keep the API's codes.
//!
//! The register carries the reporter's identity only when asked for, only for
//! the roles that verify submissions, and never an anonymous reporter's: a
//! spreadsheet travels further than a screen. Every export is recorded in the
//! audit log before it is sent, with whether it held identities.

use std::borrow::Cow;

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{figures, instants, Figures, FilterParams, Names, PeriodParams};
use crate::auth::Staff;
use crate::db::audit::{self, AuditEntry};
use crate::db::complaints::{self as rows, ComplaintRow, InboxQuery, Sort};
use crate::db::reference;
use crate::db::reports::{FactsRow, ReportFilter, SharedIds};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::statistics::{Durations, Period, Share, Workload};
use crate::domain::{Calendar, Status};
use crate::error::{ApiError, Problem};
use crate::http::body::BinaryFile;
use crate::http::query::Query;
use crate::state::AppState;

/// The most rows a register export holds; a longer one asks for a shorter period.
pub const MAX_REGISTER_ROWS: usize = 50_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            FileFormat::Csv => "text/csv; charset=utf-8",
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Xlsx => "xlsx",
        }
    }
}

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Decimal(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    fn optional_text(value: Option<impl Into<String>>) -> Cell {
        value.map(Cell::text).unwrap_or(Cell::Empty)
    }

    fn count(value: u64) -> Cell {
        Cell::Int(i64::try_from(value).unwrap_or(i64::MAX))
    }

    fn optional_days(value: Option<u32>) -> Cell {
        value.map(|d| Cell::Int(d.into())).unwrap_or(Cell::Empty)
    }

    fn optional_decimal(value: Option<f64>) -> Cell {
        value.map(Cell::Decimal).unwrap_or(Cell::Empty)
    }

    fn csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(text) => neutralise(text),
            Cell::Int(n) => n.to_string().into(),
            Cell::Decimal(x) => x.to_string().into(),
            Cell::Date(day) => day.to_string().into(),
            Cell::Empty => "".into(),
        }
    }
}

/// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return before one) gets a leading apostrophe, so that
/// opening a CSV never runs what a citizen typed.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// A titled table: a sheet of the XLSX, a CSV file of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// CSV as Excel opens it: UTF-8 with a byte-order mark, CRLF line ends,
/// fields quoted where needed.
pub fn csv(table: &Table) -> Result<Vec<u8>, ApiError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let internal = |e: csv::Error| ApiError::Internal(e.into());
        writer.write_record(&table.headers).map_err(internal)?;
        for row in &table.rows {
            writer
                .write_record(row.iter().map(|cell| cell.csv().into_owned()))
                .map_err(internal)?;
        }
        writer.flush().map_err(|e| ApiError::Internal(e.into()))?;
    }
    Ok(out)
}

/// A workbook with a sheet per table: bold headers that stay in view and
/// filter, dates as dates, numbers as numbers, text always as text (never
/// a formula).
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, ApiError> {
    let internal = |e: XlsxError| ApiError::Internal(anyhow::anyhow!("writing XLSX: {e}"));
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.title).map_err(internal)?;
        for (col, header) in table.headers.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, *header, &bold)
                .map_err(internal)?;
        }
        for (index, cells) in table.rows.iter().enumerate() {
            let row = index as u32 + 1;
            for (col, cell) in cells.iter().enumerate() {
                let col = col as u16;
                match cell {
                    Cell::Text(text) => sheet.write_string(row, col, text),
                    Cell::Int(n) => sheet.write_number(row, col, *n as f64),
                    Cell::Decimal(x) => sheet.write_number(row, col, *x),
                    Cell::Date(day) => {
                        let at = ExcelDateTime::from_ymd(
                            u16::try_from(day.year()).unwrap_or(1900),
                            day.month() as u8,
                            day.day() as u8,
                        )
                        .map_err(internal)?;
                        sheet.write_datetime_with_format(row, col, at, &date)
                    }
                    Cell::Empty => continue,
                }
                .map_err(internal)?;
            }
        }
        let last_col = table.headers.len().saturating_sub(1) as u16;
        sheet.set_freeze_panes(1, 0).map_err(internal)?;
        sheet
            .autofilter(0, 0, table.rows.len() as u32, last_col)
            .map_err(internal)?;
        sheet.autofit();
    }
    book.save_to_buffer().map_err(internal)
}

/// Several tables as one CSV: a row per figure, named by its table, row and
/// column (the "long" form every spreadsheet can pivot back).
pub fn long_form(tables: &[Table]) -> Table {
    let mut rows = Vec::new();
    for table in tables {
        for cells in &table.rows {
            let label = cells.first().cloned().unwrap_or(Cell::Empty);
            for (header, value) in table.headers.iter().zip(cells).skip(1) {
                rows.push(vec![
                    Cell::text(table.title),
                    label.clone(),
                    Cell::text(*header),
                    value.clone(),
                ]);
            }
        }
    }
    Table {
        title: "Laporan",
        headers: vec!["Tabel", "Baris", "Kolom", "Nilai"],
        rows,
    }
}

const REGISTER_COLUMNS: [&str; 14] = [
    "No. Register",
    "Kode Lacak",
    "Tanggal Diterima",
    "Jenis",
    "Kanal",
    "Kategori",
    "Perihal",
    "Status",
    "Bidang",
    "Petugas",
    "Batas Waktu",
    "Tanggal Selesai",
    "Tepat Waktu",
    "Anonim",
];

const IDENTITY_COLUMNS: [&str; 6] = [
    "Nama Pelapor",
    "Jenis Identitas",
    "Nomor Identitas",
    "Telepon",
    "Email",
    "Alamat",
];

fn yes_no(value: bool) -> Cell {
    Cell::text(if value { "ya" } else { "tidak" })
}

/// The register: a row per complaint. The identity columns are there only
/// `with_identity`, and stay empty for anonymous reporters.
pub fn register_table(
    complaints: &[ComplaintRow],
    names: &Names,
    calendar: &Calendar,
    with_identity: bool,
) -> Result<Table, ApiError> {
    let mut headers = REGISTER_COLUMNS.to_vec();
    if with_identity {
        headers.extend(IDENTITY_COLUMNS);
    }
    let mut ids = SharedIds::default();
    let rows = complaints
        .iter()
        .map(|row| {
            let facts = FactsRow::from(row).facts(calendar, false, &mut ids)?;
            let mut cells = vec![
                Cell::text(row.register_number()),
                Cell::text(&row.tracking_code),
                Cell::Date(row.received_on),
                Cell::text(&row.kind),
                Cell::text(&row.channel),
                Cell::text(names.category(&row.category_id)),
                Cell::text(&row.subject),
                Cell::text(&row.status),
                Cell::optional_text(names.division(row.division_id.as_deref())),
                Cell::optional_text(names.user(row.assignee_id.as_deref())),
                Cell::Date(row.resolution_due_on),
                facts.finished_on().map(Cell::Date).unwrap_or(Cell::Empty),
                facts.answered_on_time().map(yes_no).unwrap_or(Cell::Empty),
                yes_no(row.is_anonymous),
            ];
            if with_identity {
                let shown = |value: &Option<String>| {
                    Cell::optional_text(value.clone().filter(|_| !row.is_anonymous))
                };
                cells.extend([
                    shown(&row.reporter_name),
                    shown(&row.reporter_id_type),
                    shown(&row.reporter_id_number),
                    shown(&row.reporter_phone),
                    shown(&row.reporter_email),
                    shown(&row.reporter_address),
                ]);
            }
            Ok(cells)
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(Table {
        title: "Register",
        headers,
        rows,
    })
}

/// The monthly report: the statistics as tables.
pub fn monthly_tables(figures: &Figures) -> Vec<Table> {
    let Figures {
        statistics: s,
        satisfaction,
        names,
    } = figures;
    let share = |share: Share| Cell::optional_decimal(share.percent());
    let days = |d: Durations| (Cell::optional_days(d.median), Cell::optional_days(d.p90));
    let (verify_median, verify_p90) = days(s.days_to_verify);
    let (resolve_median, resolve_p90) = days(s.days_to_resolve);
    let summary = vec![
        (
            "Periode",
            Cell::text(format!("{} s.d. {}", s.period.from(), s.period.to())),
        ),
        ("Diterima", Cell::count(s.received)),
        ("Selesai (dijawab atau ditolak)", Cell::count(s.finished())),
        ("Dijawab", Cell::count(s.answered)),
        ("Ditolak", Cell::count(s.rejected)),
        ("Dijawab tepat waktu", Cell::count(s.sla.count)),
        ("Kepatuhan waktu (%)", share(s.sla)),
        ("Hari kerja verifikasi, median", verify_median),
        ("Hari kerja verifikasi, persentil 90", verify_p90),
        ("Hari kerja penyelesaian, median", resolve_median),
        ("Hari kerja penyelesaian, persentil 90", resolve_p90),
        ("Dibuka kembali (disanggah)", Cell::count(s.reopened.count)),
        ("Tingkat dibuka kembali (%)", share(s.reopened)),
        ("Tunggakan pada", Cell::Date(s.backlog.as_of)),
        ("Tunggakan", Cell::count(s.backlog.total)),
        (
            "Tunggakan lewat batas waktu",
            Cell::count(s.backlog.overdue),
        ),
        (
            "Responden survei kepuasan",
            Cell::count(satisfaction.responses as u64),
        ),
        (
            "Indeks kepuasan (IKM)",
            Cell::optional_decimal(satisfaction.index.as_ref().map(|i| i.value)),
        ),
        (
            "Mutu pelayanan",
            Cell::optional_text(
                satisfaction
                    .index
                    .as_ref()
                    .map(|i| i.grade.as_str().to_uppercase()),
            ),
        ),
    ];
    let counts = |title, header, rows: Vec<(String, u64)>| Table {
        title,
        headers: vec![header, "Jumlah"],
        rows: rows
            .into_iter()
            .map(|(label, n)| vec![Cell::Text(label), Cell::count(n)])
            .collect(),
    };
    let workload = |title, header, rows: Vec<(String, Workload)>| Table {
        title,
        headers: vec![header, "Terbuka", "Lewat batas waktu", "Selesai"],
        rows: rows
            .into_iter()
            .map(|(label, load)| {
                vec![
                    Cell::Text(label),
                    Cell::count(load.open),
                    Cell::count(load.overdue),
                    Cell::count(load.finished),
                ]
            })
            .collect(),
    };
    vec![
        Table {
            title: "Ringkasan",
            headers: vec!["Ukuran", "Nilai"],
            rows: summary
                .into_iter()
                .map(|(label, value)| vec![Cell::text(label), value])
                .collect(),
        },
        counts(
            "Status",
            "Status",
            s.by_status
                .iter()
                .map(|(k, n)| (k.to_string(), *n))
                .collect(),
        ),
        counts(
            "Jenis",
            "Jenis",
            s.by_kind.iter().map(|(k, n)| (k.to_string(), *n)).collect(),
        ),
        counts(
            "Kanal",
            "Kanal",
            s.by_channel
                .iter()
                .map(|(k, n)| (k.to_string(), *n))
                .collect(),
        ),
        counts(
            "Kategori",
            "Kategori",
            s.by_category
                .iter()
                .map(|(id, n)| (names.category(id), *n))
                .collect(),
        ),
        counts(
            "Umur tunggakan",
            "Umur (hari kerja)",
            s.backlog
                .by_age
                .iter()
                .map(|(bucket, n)| (bucket.label(), *n))
                .collect(),
        ),
        workload(
            "Bidang",
            "Bidang",
            s.by_division
                .iter()
                .map(|(id, load)| {
                    let name = names.division(id.as_deref());
                    (name.unwrap_or_else(|| "(belum didisposisi)".into()), *load)
                })
                .collect(),
        ),
        workload(
            "Petugas",
            "Petugas",
            s.by_handler
                .iter()
                .map(|(id, load)| {
                    let name = names.user(id.as_deref());
                    (name.unwrap_or_else(|| "(belum ditunjuk)".into()), *load)
                })
                .collect(),
        ),
    ]
}

/// What was exported, for the audit log.
struct Exported<'a> {
    report: &'static str,
    format: FileFormat,
    period: Period,
    filter: &'a ReportFilter,
    identity: bool,
    rows: usize,
}

/// Records the export, then sends the file as a download.
async fn send(
    state: &AppState,
    staff: &Staff,
    exported: Exported<'_>,
    file_name: String,
    bytes: Vec<u8>,
) -> Result<HttpResponse, ApiError> {
    let entry = AuditEntry::new(AuditAction::Export, ObjectType::Report, None)
        .by(&staff.id, staff.role)
        .details(serde_json::json!({
            "report": exported.report,
            "format": exported.format.extension(),
            "from": exported.period.from(),
            "to": exported.period.to(),
            "filters": {
                "kind": exported.filter.kind,
                "channel": exported.filter.channel,
                "category_id": exported.filter.category_id,
                "division_id": exported.filter.division_id,
            },
            "identity_included": exported.identity,
            "rows": exported.rows,
        }));
    let now = state.clock.now().naive_utc();
    state
        .db
        .write(move |conn| audit::record(conn, now, entry))
        .await?;
    log::info!(
        "{} exported the {} ({} rows, identity: {})",
        staff.username,
        exported.report,
        exported.rows,
        exported.identity
    );
    Ok(HttpResponse::Ok()
        .content_type(exported.format.content_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            header::ContentDisposition {
                disposition: header::DispositionType::Attachment,
                parameters: vec![header::DispositionParam::Filename(format!(
                    "{file_name}.{}",
                    exported.format.extension()
                ))],
            },
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IdentityParams {
    /// Adds the reporter's identity columns (roles that verify submissions
    /// only; never an anonymous reporter's). Off by default.
    pub include_identity: Option<bool>,
}

impl IdentityParams {
    fn allowed_for(&self, staff: &Staff) -> Result<bool, ApiError> {
        let asked = self.include_identity.unwrap_or(false);
        if asked && !staff.role.verifies() {
            return Err(ApiError::Forbidden(
                "include_identity: only the roles that verify submissions may export reporters' identities".into(),
            ));
        }
        Ok(asked)
    }
}

async fn register(
    state: web::Data<AppState>,
    staff: Staff,
    period: PeriodParams,
    filters: FilterParams,
    identity: IdentityParams,
    format: FileFormat,
) -> Result<HttpResponse, ApiError> {
    let period = period.period()?;
    let filter = filters.filter(&staff)?;
    let (start, end) = instants(state.config.timezone, period)?;
    let identity = identity.allowed_for(&staff)?;
    let (query_filter, tz) = (filter.clone(), state.config.timezone);
    let _turn = state.report_turn().await?;
    let table = state
        .db
        .read(move |conn| {
            let complaints = rows::inbox(
                conn,
                &InboxQuery {
                    statuses: Status::ALL.to_vec(),
                    kind: query_filter.kind,
                    channel: query_filter.channel,
                    category_id: query_filter.category_id,
                    division_id: query_filter.division_id,
                    received_from: Some(start),
                    received_before: Some(end),
                    sort: Sort::ReceivedAsc,
                    limit: MAX_REGISTER_ROWS as i64 + 1,
                    ..InboxQuery::default()
                },
            )?;
            if complaints.len() > MAX_REGISTER_ROWS {
                return Err(ApiError::field(
                    "to",
                    "too_many_rows",
                    format!("the period holds more than {MAX_REGISTER_ROWS} complaints; export a shorter one"),
                ));
            }
            let calendar = reference::calendar(conn, tz)?;
            register_table(&complaints, &Names::load(conn)?, &calendar, identity)
        })
        .await?;
    let bytes = match format {
        FileFormat::Csv => csv(&table)?,
        FileFormat::Xlsx => xlsx(std::slice::from_ref(&table))?,
    };
    let exported = Exported {
        report: "register",
        format,
        period,
        filter: &filter,
        identity,
        rows: table.rows.len(),
    };
    let name = format!("register-{}-{}", period.from(), period.to());
    send(&state, &staff, exported, name, bytes).await
}

/// The complaint register of a period as CSV (UTF-8 with BOM). Reporter
/// identity columns only on request and for the roles that verify
/// submissions, empty for anonymous reporters. The export is recorded in the
/// audit log.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(PeriodParams, FilterParams, IdentityParams),
    responses(
        (status = 200, description = "The register", content_type = "text/csv; charset=utf-8", body = String,
            headers(("Content-Disposition" = String, description = "attachment; filename=\"register-<from>-<to>.csv\""))),
        (status = 403, description = "Division staff asking for another division, or identity asked for by a role that does not verify", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reports/register.csv")]
pub async fn register_csv(
    state: web::Data<AppState>,
    staff: Staff,
    period: Query<PeriodParams>,
    filters: Query<FilterParams>,
    identity: Query<IdentityParams>,
) -> Result<HttpResponse, ApiError> {
    register(
        state,
        staff,
        period.into_inner(),
        filters.into_inner(),
        identity.into_inner(),
        FileFormat::Csv,
    )
    .await
}

/// The complaint register of a period as an Excel workbook. Reporter
/// identity columns only on request and for the roles that verify
/// submissions, empty for anonymous reporters. The export is recorded in the
/// audit log.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(PeriodParams, FilterParams, IdentityParams),
    responses(
        (status = 200, description = "The register", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = BinaryFile,
            headers(("Content-Disposition" = String, description = "attachment; filename=\"register-<from>-<to>.xlsx\""))),
        (status = 403, description = "Division staff asking for another division, or identity asked for by a role that does not verify", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reports/register.xlsx")]
pub async fn register_xlsx(
    state: web::Data<AppState>,
    staff: Staff,
    period: Query<PeriodParams>,
    filters: Query<FilterParams>,
    identity: Query<IdentityParams>,
) -> Result<HttpResponse, ApiError> {
    register(
        state,
        staff,
        period.into_inner(),
        filters.into_inner(),
        identity.into_inner(),
        FileFormat::Xlsx,
    )
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthParams {
    /// The month, as YYYY-MM.
    #[param(example = "2026-11", pattern = r"^\d{4}-(0[1-9]|1[0-2])$")]
    pub month: String,
}

impl MonthParams {
    pub fn period(&self) -> Result<Period, ApiError> {
        let invalid = || ApiError::field("month", "invalid_month", "give a month as YYYY-MM");
        let (year, month) = self.month.trim().split_once('-').ok_or_else(invalid)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(invalid());
        }
        let (year, month) = (
            year.parse().map_err(|_| invalid())?,
            month.parse().map_err(|_| invalid())?,
        );
        Period::month(year, month).ok_or_else(invalid)
    }
}

async fn monthly(
    state: web::Data<AppState>,
    staff: Staff,
    month: MonthParams,
    filters: FilterParams,
    format: FileFormat,
) -> Result<HttpResponse, ApiError> {
    let period = month.period()?;
    let filter = filters.filter(&staff)?;
    let figures = figures(&state, filter.clone(), period).await?;
    let tables = monthly_tables(&figures);
    let bytes = match format {
        FileFormat::Csv => csv(&long_form(&tables))?,
        FileFormat::Xlsx => xlsx(&tables)?,
    };
    let exported = Exported {
        report: "monthly",
        format,
        period,
        filter: &filter,
        identity: false,
        rows: tables.iter().map(|t| t.rows.len()).sum(),
    };
    let name = format!(
        "monthly-{:04}-{:02}",
        period.from().year(),
        period.from().month()
    );
    send(&state, &staff, exported, name, bytes).await
}

/// The monthly report as CSV: a row per figure (table, row, column, value).
/// Backlog and workload are as they stand today. Recorded in the audit log.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(MonthParams, FilterParams),
    responses(
        (status = 200, description = "The monthly report", content_type = "text/csv; charset=utf-8", body = String,
            headers(("Content-Disposition" = String, description = "attachment; filename=\"monthly-<YYYY-MM>.csv\""))),
        (status = 403, description = "Division staff asking for another division", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reports/monthly.csv")]
pub async fn monthly_csv(
    state: web::Data<AppState>,
    staff: Staff,
    month: Query<MonthParams>,
    filters: Query<FilterParams>,
) -> Result<HttpResponse, ApiError> {
    monthly(
        state,
        staff,
        month.into_inner(),
        filters.into_inner(),
        FileFormat::Csv,
    )
    .await
}

/// The monthly report as an Excel workbook, a sheet per table. Backlog and
/// workload are as they stand today. Recorded in the audit log.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(MonthParams, FilterParams),
    responses(
        (status = 200, description = "The monthly report", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = BinaryFile,
            headers(("Content-Disposition" = String, description = "attachment; filename=\"monthly-<YYYY-MM>.xlsx\""))),
        (status = 403, description = "Division staff asking for another division", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reports/monthly.xlsx")]
pub async fn monthly_xlsx(
    state: web::Data<AppState>,
    staff: Staff,
    month: Query<MonthParams>,
    filters: Query<FilterParams>,
) -> Result<HttpResponse, ApiError> {
    monthly(
        state,
        staff,
        month.into_inner(),
        filters.into_inner(),
        FileFormat::Xlsx,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_kept() {
        for (text, expected) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+62812", "'+62812"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Izin = lama", "Izin = lama"),
            ("", ""),
            ("'quoted", "'quoted"),
        ] {
            assert_eq!(neutralise(text), expected, "{text:?}");
        }
    }

    fn sample() -> Table {
        Table {
            title: "Contoh",
            headers: vec!["Nama", "Jumlah", "Tanggal"],
            rows: vec![
                vec![
                    Cell::text("Baris, \"satu\"\nlanjut"),
                    Cell::Int(3),
                    Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
                ],
                vec![Cell::text("=1+1"), Cell::Decimal(66.7), Cell::Empty],
            ],
        }
    }

    #[test]
    fn csv_has_a_bom_crlf_and_quotes_where_needed() {
        let bytes = csv(&sample()).unwrap();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "Nama,Jumlah,Tanggal\r\n\"Baris, \"\"satu\"\"\nlanjut\",3,2026-11-25\r\n'=1+1,66.7,\r\n"
        );
    }

    #[test]
    fn the_long_form_names_every_figure() {
        let long = long_form(&[sample()]);
        assert_eq!(long.headers, ["Tabel", "Baris", "Kolom", "Nilai"]);
        assert_eq!(long.rows.len(), 4);
        assert_eq!(
            long.rows[1],
            vec![
                Cell::text("Contoh"),
                Cell::text("Baris, \"satu\"\nlanjut"),
                Cell::text("Tanggal"),
                Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
            ]
        );
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = xlsx(&[sample(), long_form(&[sample()])]).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
    }

    #[test]
    fn months_are_yyyy_mm() {
        let period = |m: &str| {
            MonthParams {
                month: m.to_string(),
            }
            .period()
        };
        let feb = period("2028-02").unwrap();
        assert_eq!(feb.to(), NaiveDate::from_ymd_opt(2028, 2, 29).unwrap());
        for bad in [
            "2026-13", "2026-1", "26-11", "2026/11", "", "2026-00", "abcd-ef",
        ] {
            assert!(period(bad).is_err(), "{bad}");
        }
    }
}
