//! Exports: the register and the monthly report as CSV and XLSX, read back
//! with real readers (the csv crate, calamine), identity only for the roles
//! that verify, spreadsheet formulas neutralised, every export audited.

use std::io::Cursor;

use aduan_tests::{error_fields, problem, spawn_app, Session, TestApp};
use calamine::{open_workbook_from_rs, Data, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::statistics::november;

const CSV: &str = "text/csv; charset=utf-8";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Downloads an export; checks it is a file download of `content_type`.
async fn download(app: &TestApp, session: &Session, path: &str, content_type: &str) -> Vec<u8> {
    let response = app.get(path, Some(session)).await;
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap().to_vec();
    assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&bytes));
    assert_eq!(headers["content-type"], content_type, "{path}");
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert_eq!(headers["cache-control"], "private, no-store");
    bytes
}

/// A CSV read back: it must start with a UTF-8 BOM (for Excel).
struct Sheet {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Sheet {
    fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    fn cell(&self, row: usize, name: &str) -> &str {
        let col = self.column(name).unwrap_or_else(|| panic!("column {name}"));
        &self.rows[row][col]
    }
}

fn read_csv(bytes: &[u8]) -> Sheet {
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert!(text.contains("\r\n"), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    Sheet { headers, rows }
}

fn read_xlsx(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX workbook")
}

/// A sheet's rows, the first being its headers.
fn rows_of(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(sheet).expect(sheet);
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(cell: &Data) -> String {
    cell.as_string().unwrap_or_default()
}

const IDENTITY: &[&str] = &[
    "Sudarma",
    "5106011203850001",
    "Merdeka",
    "081234567890",
    "wayan@example.id",
    "Rahasia",
    "rahasia@example.id",
];

/// Three November complaints (one answered for Pelayanan, one anonymous,
/// one with spreadsheet formulas in what the citizen typed, for Penanaman
/// Modal) and one from October.
async fn register_month(app: &TestApp) -> aduan_tests::Team {
    let mut team = app.team().await;
    app.set_now("2026-10-20T02:00:00Z");
    team.sign_in_again(app).await;
    app.submit().await;

    app.set_now("2026-11-25T02:00:00Z");
    team.sign_in_again(app).await;
    let answered = app.submit().await;
    let id = answered["id"].as_str().unwrap();
    app.verify_as(&team.officer, id).await;
    app.disposition_as(&team.lead, id, "PELAYANAN").await;
    app.act_ok(&team.licensing, id, "start", json!({})).await;
    app.resolve_as(&team.licensing, id).await;

    let mut anonymous = app.complaint_body().await;
    anonymous["anonymous"] = json!(true);
    anonymous["subject"] = json!("Pungutan liar di loket");
    anonymous["reporter"]["name"] = json!("Ni Made Rahasia");
    anonymous["reporter"]["email"] = json!("rahasia@example.id");
    assert_eq!(app.submit_complaint(anonymous).await.status(), 201);

    let mut hostile = app.complaint_body().await;
    hostile["subject"] = json!("=HYPERLINK(\"http://evil.example\",\"klik\")");
    hostile["reporter"]["name"] = json!("@SUM(1+1) Sudarma");
    hostile["reporter"]["phone"] = json!("+6281234567890");
    hostile["reporter"]["address"] = json!("-1+1 Jl. Merdeka");
    let hostile: Value = app.submit_complaint(hostile).await.json().await.unwrap();
    let id = hostile["id"].as_str().unwrap();
    app.verify_as(&team.officer, id).await;
    app.disposition_as(&team.lead, id, "PENANAMAN-MODAL").await;
    team
}

const NOVEMBER: &str = "from=2026-11-01&to=2026-11-30";

#[tokio::test]
async fn the_register_as_csv_with_identity_only_for_verifiers() {
    let app = spawn_app().await;
    let team = register_month(&app).await;
    let path = format!("reports/register.csv?{NOVEMBER}");
    let with_identity = format!("{path}&include_identity=true");

    let officer = read_csv(&download(&app, &team.officer, &with_identity, CSV).await);
    assert_eq!(
        officer.headers,
        [
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
            "Nama Pelapor",
            "Jenis Identitas",
            "Nomor Identitas",
            "Telepon",
            "Email",
            "Alamat",
        ]
    );
    assert_eq!(
        officer.rows.len(),
        3,
        "October's complaint is not in November"
    );
    // In order of receipt: the answered one first.
    assert_eq!(officer.cell(0, "No. Register"), "00002/ADUAN/2026");
    assert_eq!(officer.cell(0, "Tanggal Diterima"), "2026-11-25");
    assert_eq!(officer.cell(0, "Kategori"), "Perizinan berusaha");
    assert_eq!(officer.cell(0, "Status"), "resolved");
    assert_eq!(
        officer.cell(0, "Bidang"),
        "Bidang Pelayanan Perizinan dan Non Perizinan"
    );
    // 14 working days after Wednesday 25 November 2026.
    assert_eq!(officer.cell(0, "Batas Waktu"), "2026-12-15");
    assert_eq!(officer.cell(0, "Tanggal Selesai"), "2026-11-25");
    assert_eq!(officer.cell(0, "Tepat Waktu"), "ya");
    assert_eq!(officer.cell(0, "Nama Pelapor"), "I Wayan Sudarma");
    assert_eq!(officer.cell(0, "Nomor Identitas"), "5106011203850001");
    assert_eq!(officer.cell(0, "Email"), "wayan@example.id");
    // The anonymous reporter stays anonymous even to a verifier's export.
    assert_eq!(officer.cell(1, "Anonim"), "ya");
    assert_eq!(officer.cell(1, "Perihal"), "Pungutan liar di loket");
    for column in [
        "Nama Pelapor",
        "Jenis Identitas",
        "Nomor Identitas",
        "Telepon",
        "Email",
        "Alamat",
    ] {
        assert_eq!(officer.cell(1, column), "", "{column}");
    }
    assert_eq!(officer.cell(1, "Tepat Waktu"), "", "not answered yet");
    // What looks like a formula is text that starts with an apostrophe.
    assert_eq!(
        officer.cell(2, "Perihal"),
        "'=HYPERLINK(\"http://evil.example\",\"klik\")"
    );
    assert_eq!(officer.cell(2, "Nama Pelapor"), "'@SUM(1+1) Sudarma");
    assert_eq!(officer.cell(2, "Telepon"), "'+6281234567890");
    assert_eq!(officer.cell(2, "Alamat"), "'-1+1 Jl. Merdeka");
    for row in &officer.rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a formula start survived: {cell}"
            );
        }
    }

    // A supervisor and division staff get no identity columns at all.
    let supervisor_bytes = download(&app, &team.supervisor, &path, CSV).await;
    let supervisor = read_csv(&supervisor_bytes);
    assert_eq!(supervisor.headers.len(), 14);
    assert!(supervisor.column("Nama Pelapor").is_none());
    assert_eq!(supervisor.rows.len(), 3);
    let text = String::from_utf8_lossy(&supervisor_bytes);
    for value in IDENTITY {
        assert!(
            !text.contains(value),
            "the supervisor's export shows {value}"
        );
    }
    let division_bytes = download(&app, &team.licensing, &path, CSV).await;
    let division = read_csv(&division_bytes);
    assert!(division.column("Nomor Identitas").is_none());
    assert_eq!(division.rows.len(), 1, "only Pelayanan's complaint");
    assert_eq!(division.cell(0, "No. Register"), "00002/ADUAN/2026");
    let other = app.division_id("PENANAMAN-MODAL").await;
    problem(
        app.get(
            &format!("{path}&division_id={other}"),
            Some(&team.licensing),
        )
        .await,
        403,
    )
    .await;

    // Every export is in the audit log: who, what, whether identity, how many rows.
    let log: Value = app
        .get("audit?action=export", Some(&team.admin))
        .await
        .json()
        .await
        .unwrap();
    let entries = log["items"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "the refused one is not an export");
    let by = |session: &Session| {
        entries
            .iter()
            .find(|e| e["actor"]["id"] == session.user_id.as_str())
            .unwrap_or_else(|| panic!("{}'s export", session.username))
    };
    let officer_entry = by(&team.officer);
    assert_eq!(officer_entry["object_type"], "report");
    assert_eq!(officer_entry["actor_role"], "complaint_officer");
    assert_eq!(
        officer_entry["details"],
        json!({
            "report": "register", "format": "csv", "from": "2026-11-01", "to": "2026-11-30",
            "filters": { "kind": null, "channel": null, "category_id": null, "division_id": null },
            "identity_included": true, "rows": 3,
        })
    );
    assert_eq!(by(&team.supervisor)["details"]["identity_included"], false);
    let division_entry = by(&team.licensing);
    assert_eq!(division_entry["details"]["rows"], 1);
    assert_eq!(
        division_entry["details"]["filters"]["division_id"],
        app.division_id("PELAYANAN").await.as_str()
    );

    // Identity only on request: a verifier's plain export has none.
    let plain = read_csv(&download(&app, &team.officer, &path, CSV).await);
    assert_eq!(plain.headers.len(), 14);
    assert_eq!(plain.rows.len(), 3);
    // Asking for it without the right is refused, not quietly ignored.
    for session in [&team.supervisor, &team.licensing] {
        let refused = problem(app.get(&with_identity, Some(session)).await, 403).await;
        assert!(
            refused["detail"]
                .as_str()
                .unwrap()
                .contains("include_identity"),
            "{refused}"
        );
    }
}

#[tokio::test]
async fn the_register_as_xlsx_holds_dates_and_text_never_formulas() {
    let app = spawn_app().await;
    let team = register_month(&app).await;
    let bytes = download(
        &app,
        &team.lead,
        &format!("reports/register.xlsx?{NOVEMBER}&include_identity=true"),
        XLSX,
    )
    .await;
    let mut book = read_xlsx(bytes);
    assert_eq!(book.sheet_names(), ["Register"]);
    let rows = rows_of(&mut book, "Register");
    let headers: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(headers.len(), 20, "a team lead verifies: identity included");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), 4, "headers and three complaints");
    assert_eq!(
        rows[1][col("Tanggal Diterima")].as_date(),
        NaiveDate::from_ymd_opt(2026, 11, 25),
        "a real date cell"
    );
    assert!(rows[1][col("Tanggal Diterima")].is_datetime());
    assert_eq!(text(&rows[1][col("Nama Pelapor")]), "I Wayan Sudarma");
    assert_eq!(rows[2][col("Nama Pelapor")], Data::Empty, "anonymous");
    assert_eq!(rows[2][col("Email")], Data::Empty, "anonymous");
    // In a workbook the citizen's text is a string cell, kept as typed.
    assert_eq!(
        rows[3][col("Perihal")],
        Data::String("=HYPERLINK(\"http://evil.example\",\"klik\")".into())
    );
    let formulas = book.worksheet_formula("Register").unwrap();
    assert!(
        formulas.used_cells().next().is_none(),
        "no cell is a formula"
    );

    let supervisor = download(
        &app,
        &team.supervisor,
        &format!("reports/register.xlsx?{NOVEMBER}"),
        XLSX,
    )
    .await;
    let mut book = read_xlsx(supervisor);
    let rows = rows_of(&mut book, "Register");
    assert_eq!(rows[0].len(), 14, "no identity columns for a supervisor");
    for row in &rows {
        for cell in row {
            for value in IDENTITY {
                assert!(!text(cell).contains(value), "{value}");
            }
        }
    }
    let log: Value = app
        .get("audit?action=export", Some(&team.supervisor))
        .await
        .json()
        .await
        .unwrap();
    let formats: Vec<(&str, bool)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["details"]["format"].as_str().unwrap(),
                e["details"]["identity_included"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(formats, [("xlsx", false), ("xlsx", true)], "newest first");
}

#[tokio::test]
async fn the_monthly_report_has_the_statistics_as_tables() {
    let app = spawn_app().await;
    let team = november(&app).await;

    let bytes = download(
        &app,
        &team.supervisor,
        "reports/monthly.xlsx?month=2026-11",
        XLSX,
    )
    .await;
    let mut book = read_xlsx(bytes);
    assert_eq!(
        book.sheet_names(),
        [
            "Ringkasan",
            "Status",
            "Jenis",
            "Kanal",
            "Kategori",
            "Umur tunggakan",
            "Bidang",
            "Petugas"
        ]
    );
    let summary = rows_of(&mut book, "Ringkasan");
    let figure = |label: &str| -> Data {
        summary
            .iter()
            .find(|row| text(&row[0]) == label)
            .unwrap_or_else(|| panic!("{label}"))[1]
            .clone()
    };
    assert_eq!(text(&figure("Periode")), "2026-11-01 s.d. 2026-11-30");
    for (label, value) in [
        ("Diterima", 6.0),
        ("Selesai (dijawab atau ditolak)", 4.0),
        ("Dijawab", 3.0),
        ("Ditolak", 1.0),
        ("Dijawab tepat waktu", 2.0),
        ("Kepatuhan waktu (%)", 66.7),
        ("Hari kerja verifikasi, median", 1.0),
        ("Hari kerja verifikasi, persentil 90", 3.0),
        ("Hari kerja penyelesaian, median", 13.0),
        ("Hari kerja penyelesaian, persentil 90", 14.0),
        ("Dibuka kembali (disanggah)", 1.0),
        ("Tingkat dibuka kembali (%)", 33.3),
        ("Tunggakan", 3.0),
        ("Tunggakan lewat batas waktu", 2.0),
        ("Responden survei kepuasan", 2.0),
        ("Indeks kepuasan (IKM)", 87.5),
    ] {
        assert_eq!(figure(label).as_f64(), Some(value), "{label}");
    }
    assert_eq!(
        figure("Tunggakan pada").as_date(),
        NaiveDate::from_ymd_opt(2026, 11, 30)
    );
    assert_eq!(text(&figure("Mutu pelayanan")), "B");
    let divisions = rows_of(&mut book, "Bidang");
    assert_eq!(
        divisions[0].iter().map(text).collect::<Vec<_>>(),
        ["Bidang", "Terbuka", "Lewat batas waktu", "Selesai"]
    );
    let pelayanan = divisions
        .iter()
        .find(|r| text(&r[0]) == "Bidang Pelayanan Perizinan dan Non Perizinan")
        .unwrap();
    assert_eq!(
        pelayanan[1..]
            .iter()
            .map(|c| c.as_f64().unwrap())
            .collect::<Vec<_>>(),
        [1.0, 1.0, 2.0]
    );
    let ages = rows_of(&mut book, "Umur tunggakan");
    assert_eq!(ages.len(), 7, "headers and six ranges");

    let csv = read_csv(
        &download(
            &app,
            &team.supervisor,
            "reports/monthly.csv?month=2026-11",
            CSV,
        )
        .await,
    );
    assert_eq!(csv.headers, ["Tabel", "Baris", "Kolom", "Nilai"]);
    let value = |table: &str, row: &str, column: &str| -> String {
        csv.rows
            .iter()
            .find(|r| r[0] == table && r[1] == row && r[2] == column)
            .unwrap_or_else(|| panic!("{table}/{row}/{column}"))[3]
            .clone()
    };
    assert_eq!(value("Ringkasan", "Diterima", "Nilai"), "6");
    assert_eq!(value("Ringkasan", "Kepatuhan waktu (%)", "Nilai"), "66.7");
    assert_eq!(value("Status", "received", "Jumlah"), "2");
    assert_eq!(value("Kanal", "web", "Jumlah"), "6");
    assert_eq!(value("Umur tunggakan", "11-20", "Jumlah"), "1");
    assert_eq!(value("Petugas", "Staff licensing", "Selesai"), "1");
    assert_eq!(value("Bidang", "(belum didisposisi)", "Terbuka"), "2");

    let log: Value = app
        .get("audit?action=export", Some(&team.admin))
        .await
        .json()
        .await
        .unwrap();
    let reports: Vec<(&str, &str, bool)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let d = &e["details"];
            (
                d["report"].as_str().unwrap(),
                d["format"].as_str().unwrap(),
                d["identity_included"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        reports,
        [("monthly", "csv", false), ("monthly", "xlsx", false)]
    );
}

#[tokio::test]
async fn export_parameters_are_checked_and_named() {
    let app = spawn_app().await;
    let lead = app.create_staff("lead", "team_lead", None).await;
    for (path, field) in [
        ("reports/register.csv?from=2026-11-30&to=2026-11-01", "to"),
        ("reports/register.xlsx?from=2026-11-01", "to"),
        ("reports/register.csv?from=2026-02-30&to=2026-03-01", "from"),
        ("reports/monthly.csv?month=2026-13", "month"),
        ("reports/monthly.xlsx?month=November", "month"),
        ("reports/monthly.xlsx", "month"),
        ("reports/monthly.csv?month=2026-11&kind=keluhan", "kind"),
        (
            "reports/register.csv?from=2026-11-01&to=2026-11-30&include_identity=maybe",
            "include_identity",
        ),
    ] {
        let p = problem(app.get(path, Some(&lead)).await, 422).await;
        assert_eq!(error_fields(&p), [field], "{path}");
    }
    problem(
        app.get("reports/register.csv?from=2026-11-01&to=2026-11-30", None)
            .await,
        401,
    )
    .await;
    let log: Value = app
        .get("audit?action=export", Some(&app.admin().await))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(log["items"], json!([]), "refused exports are not recorded");
}
