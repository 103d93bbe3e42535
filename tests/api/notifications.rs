//! Notifications: the reporter by mail, staff in the app and by mail. Mail
//! goes through the outbox to a local SMTP server that really receives it;
//! delivery runs by hand on the test's clock.

use std::collections::HashSet;

use aduan::db::complaints::{self as rows, EventActor, EventRow};
use aduan::db::outbox::OutboxRow;
use aduan::db::schema::{notifications, outbox};
use aduan::domain::timeline::{ActorKind, EventKind};
use aduan::jobs::mail::deliver_due;
use aduan_tests::smtp::{Mode, SmtpServer};
use aduan_tests::{
    backend, error_fields, problem, spawn_app, spawn_app_with, Backend, Session, TestApp,
    STAFF_PASSWORD,
};
use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{json, Value};

const PUBLIC_URL: &str = "https://aduan.bangli.example.id";
const REPORTER: &str = "wayan@example.id";

async fn app_with_mail(extra: &[(&str, &str)]) -> (TestApp, SmtpServer) {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let extra: Vec<(String, String)> = extra
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let app = spawn_app_with(move |vars| {
        vars.insert("ADUAN_SMTP_URL".into(), url);
        vars.insert("ADUAN_PUBLIC_URL".into(), PUBLIC_URL.into());
        vars.insert(
            "ADUAN_MAIL_FROM".into(),
            "Aduan Bangli <aduan@bangli.example.id>".into(),
        );
        vars.extend(extra);
    })
    .await;
    (app, smtp)
}

async fn deliver(app: &TestApp) -> usize {
    deliver_due(&app.state).await.expect("a delivery pass")
}

async fn outbox_rows(app: &TestApp) -> Vec<OutboxRow> {
    app.state
        .db
        .read(|conn| {
            Ok(outbox::table
                .order((outbox::created_at.asc(), outbox::id.asc()))
                .select(OutboxRow::as_select())
                .load(conn)?)
        })
        .await
        .unwrap()
}

async fn notification_count(app: &TestApp) -> i64 {
    app.state
        .db
        .read(|conn| Ok(notifications::table.count().get_result(conn)?))
        .await
        .unwrap()
}

fn kinds_to(rows: &[OutboxRow], recipient: &str) -> Vec<String> {
    rows.iter()
        .filter(|r| r.recipient == recipient)
        .map(|r| r.kind.clone())
        .collect()
}

fn now(app: &TestApp) -> NaiveDateTime {
    app.clock.now().naive_utc()
}

fn later(app: &TestApp, by: Duration) {
    app.clock.set(app.clock.now() + by);
}

/// The admin creates a staff member with a mail address, who signs in.
async fn staff_with_email(
    app: &TestApp,
    username: &str,
    role: &str,
    division: Option<&str>,
) -> (Session, String) {
    let admin = app.admin().await;
    let division_id = match division {
        Some(code) => Some(app.division_id(code).await),
        None => None,
    };
    let email = format!("{username}@bangli.example.id");
    let response = app
        .post(
            "admin/users",
            Some(&admin),
            json!({
                "username": username,
                "full_name": format!("Staff {username}"),
                "email": email,
                "role": role,
                "division_id": division_id,
                "password": STAFF_PASSWORD,
            }),
        )
        .await;
    assert_eq!(response.status(), 201);
    (app.sign_in(username, STAFF_PASSWORD).await, email)
}

async fn unread(app: &TestApp, session: &Session) -> i64 {
    let response = app.get("notifications/unread-count", Some(session)).await;
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap()["unread"]
        .as_i64()
        .unwrap()
}

async fn notice_kinds(app: &TestApp, session: &Session) -> Vec<String> {
    let page: Value = app
        .get("notifications", Some(session))
        .await
        .json()
        .await
        .unwrap();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_string())
        .collect()
}

fn id_of(receipt: &Value) -> String {
    receipt["id"].as_str().unwrap().to_string()
}

fn code_of(receipt: &Value) -> String {
    receipt["tracking_code"].as_str().unwrap().to_string()
}

async fn add_information(app: &TestApp, code: &str, message: &str) {
    let response = app
        .post(
            &format!("track/{code}/information"),
            None,
            json!({ "message": message }),
        )
        .await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn the_reporter_is_mailed_the_tracking_code_once() {
    let (app, smtp) = app_with_mail(&[]).await;
    let receipt = app.submit().await;
    let code = code_of(&receipt);
    assert!(smtp.messages().is_empty(), "nothing leaves before delivery");
    let queued = outbox_rows(&app).await;
    assert_eq!(kinds_to(&queued, REPORTER), ["received"]);
    assert_eq!(queued[0].status, "pending");

    assert_eq!(deliver(&app).await, 1);
    let mails = smtp.messages_to(REPORTER);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    let body = mail.body();
    assert!(body.contains(&code), "{body}");
    assert!(
        body.contains(&format!("{PUBLIC_URL}/track/{code}")),
        "{body}"
    );
    assert!(body.contains("00001/ADUAN/2026"), "{body}");
    assert!(
        body.contains("30 November 2026"),
        "verification due: {body}"
    );
    assert_eq!(mail.from, "aduan@bangli.example.id");
    assert!(mail.header("Subject").unwrap().contains("00001/ADUAN/2026"));
    assert_eq!(
        mail.header("Message-ID").unwrap(),
        format!("<{}@bangli.example.id>", queued[0].id)
    );

    let sent = outbox_rows(&app).await;
    assert_eq!(sent[0].status, "sent");
    assert_eq!(sent[0].attempts, 1);
    assert_eq!(sent[0].sent_at, Some(now(&app)));
    assert_eq!(deliver(&app).await, 0);
    assert_eq!(smtp.messages().len(), 1, "never sent twice");
}

#[tokio::test]
async fn the_reporter_is_mailed_the_request_the_answer_and_the_closing_but_never_a_note() {
    let (app, smtp) = app_with_mail(&[]).await;
    let mut team = app.team().await;
    let receipt = app.submit().await;
    let (id, code) = (id_of(&receipt), code_of(&receipt));
    app.act_ok(
        &team.operator,
        &id,
        "request-info",
        json!({ "message": "Mohon lampirkan foto KTP Anda." }),
    )
    .await;
    assert_eq!(deliver(&app).await, 2);
    let asked = smtp.messages_to(REPORTER)[1].body();
    assert!(asked.contains("Mohon lampirkan foto KTP Anda."), "{asked}");
    assert!(asked.contains("9 Desember 2026"), "answer by: {asked}");

    add_information(&app, &code, "Berikut foto KTP saya.").await;
    app.act_ok(
        &team.operator,
        &id,
        "verify",
        json!({
            "requirements": { "identity": true, "address": true, "evidence": true },
            "note": "CATATAN-INTERNAL verifikasi",
        }),
    )
    .await;
    app.act_ok(
        &team.lead,
        &id,
        "notes",
        json!({ "message": "CATATAN-INTERNAL jangan dibagikan" }),
    )
    .await;
    app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    app.act_ok(&team.licensing, &id, "start", json!({})).await;
    app.resolve_as(&team.licensing, &id).await;
    deliver(&app).await;
    let answered = smtp.messages_to(REPORTER).last().unwrap().body();
    assert!(
        answered.contains("PBG Anda telah terbit dan dapat diunduh di OSS."),
        "{answered}"
    );
    assert!(answered.contains(&format!("{PUBLIC_URL}/track/{code}")));

    // Nobody answered within the evaluation window: the team lead closes.
    app.set_now("2026-12-10T02:00:00Z");
    team.sign_in_again(&app).await;
    app.act_ok(&team.lead, &id, "close", json!({})).await;
    deliver(&app).await;

    assert_eq!(
        kinds_to(&outbox_rows(&app).await, REPORTER),
        ["received", "info_requested", "resolved", "closed"]
    );
    assert_eq!(smtp.messages_to(REPORTER).len(), 4);
    for mail in smtp.messages() {
        let body = mail.body();
        assert!(!body.contains("CATATAN-INTERNAL"), "{body}");
        assert!(!body.contains("Mohon ditindaklanjuti"), "{body}");
    }
}

#[tokio::test]
async fn a_rejection_is_mailed_with_its_reason() {
    let (app, smtp) = app_with_mail(&[]).await;
    let team = app.team().await;
    let id = id_of(&app.submit().await);
    app.act_ok(
        &team.operator,
        &id,
        "reject",
        json!({ "reason": "outside_authority", "message": "Silakan hubungi Dinas PUPR." }),
    )
    .await;
    deliver(&app).await;
    let body = smtp.messages_to(REPORTER).last().unwrap().body();
    assert!(body.contains("bukan kewenangan instansi kami"), "{body}");
    assert!(body.contains("Silakan hubungi Dinas PUPR."), "{body}");
}

#[tokio::test]
async fn no_mail_goes_out_when_the_reporter_gave_no_address() {
    let (app, smtp) = app_with_mail(&[]).await;
    let team = app.team().await;
    let mut body = app.complaint_body().await;
    body["reporter"]["email"] = Value::Null;
    let response = app.submit_complaint(body).await;
    assert_eq!(response.status(), 201);
    let id = id_of(&response.json().await.unwrap());
    app.act_ok(
        &team.operator,
        &id,
        "request-info",
        json!({ "message": "Mohon lengkapi alamat." }),
    )
    .await;
    assert!(outbox_rows(&app).await.is_empty());
    assert_eq!(deliver(&app).await, 0);
    assert!(smtp.messages().is_empty());
    assert_eq!(unread(&app, &team.operator).await, 1, "staff still told");
}

#[tokio::test]
async fn staff_are_told_in_the_app_of_the_work_that_comes_to_them() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let (id, code) = (id_of(&receipt), code_of(&receipt));
    // An online complaint lands with the IT operator and the team lead.
    assert_eq!(notice_kinds(&app, &team.operator).await, ["new_complaint"]);
    assert_eq!(unread(&app, &team.lead).await, 1);
    for other in [
        &team.officer,
        &team.supervisor,
        &team.licensing,
        &team.admin,
    ] {
        assert_eq!(unread(&app, other).await, 0, "{}", other.username);
    }

    // A walk-in keyed in by the officer: the lead is told, not the officer
    // who keyed it in, nor the IT operator.
    let mut walk_in = app.complaint_body().await;
    walk_in["channel"] = json!("walk_in");
    let response = app.post("intake", Some(&team.officer), walk_in).await;
    assert_eq!(response.status(), 201);
    assert_eq!(unread(&app, &team.lead).await, 2);
    assert_eq!(unread(&app, &team.officer).await, 0);
    assert_eq!(unread(&app, &team.operator).await, 1);

    app.verify_as(&team.operator, &id).await;
    app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    assert_eq!(notice_kinds(&app, &team.licensing).await, ["dispositioned"]);
    assert_eq!(unread(&app, &team.investment).await, 0, "another division");
    assert_eq!(
        unread(&app, &team.lead).await,
        2,
        "not told of their own act"
    );

    add_information(&app, &code, "Nomor permohonan saya PBG-2026-0042.").await;
    assert_eq!(
        notice_kinds(&app, &team.licensing).await,
        ["info_added", "dispositioned"]
    );

    // Handed to one handler: only they hear of what follows.
    let licensing_id = team.licensing.user_id.clone();
    let division_id = app.division_id("PELAYANAN").await;
    app.act_ok(
        &team.lead,
        &id,
        "disposition",
        json!({ "division_id": division_id, "assignee_id": licensing_id }),
    )
    .await;
    let colleague = app
        .create_staff("colleague", "division_staff", Some("PELAYANAN"))
        .await;
    add_information(&app, &code, "Satu lagi: saya sudah membayar retribusi.").await;
    assert_eq!(unread(&app, &team.licensing).await, 4);
    assert_eq!(unread(&app, &colleague).await, 0);
    let page: Value = app
        .get("notifications", Some(&team.licensing))
        .await
        .json()
        .await
        .unwrap();
    let first = &page["items"][0];
    assert_eq!(first["complaint_id"], id.as_str());
    assert!(first["title"]
        .as_str()
        .unwrap()
        .contains("00001/ADUAN/2026"));
    assert!(first["read_at"].is_null());
}

#[tokio::test]
async fn staff_with_an_address_are_mailed_and_an_anonymous_reporter_is_never_named() {
    let (app, smtp) = app_with_mail(&[]).await;
    let team = app.team().await;
    let (_operator, operator_email) = staff_with_email(&app, "mailop", "it_operator", None).await;
    let (handler, handler_email) =
        staff_with_email(&app, "handler", "division_staff", Some("PELAYANAN")).await;
    let mut body = app.complaint_body().await;
    body["anonymous"] = json!(true);
    let response = app.submit_complaint(body).await;
    assert_eq!(response.status(), 201);
    let receipt: Value = response.json().await.unwrap();
    let id = id_of(&receipt);
    app.verify_as(&team.operator, &id).await;
    app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    add_information(
        &app,
        &code_of(&receipt),
        "Saya I Wayan Sudarma menambahkan bukti.",
    )
    .await;
    deliver(&app).await;

    let to_operator = smtp.messages_to(&operator_email);
    assert_eq!(to_operator.len(), 1, "the new complaint");
    let link = format!("{PUBLIC_URL}/staff/complaints/{id}");
    assert!(to_operator[0].body().contains(&link));
    let to_handler = smtp.messages_to(&handler_email);
    assert_eq!(
        to_handler.len(),
        2,
        "the disposition and the added information"
    );
    assert_eq!(unread(&app, &handler).await, 2);
    for mail in to_operator.iter().chain(&to_handler) {
        let text = format!("{}\n{}", mail.data, mail.body());
        for identity in [
            "I Wayan Sudarma",
            "5106011203850001",
            "081234567890",
            "Jl. Merdeka",
            REPORTER,
        ] {
            assert!(!text.contains(identity), "{identity} in {text}");
        }
    }
    // The reporter's own mail still reaches them.
    assert_eq!(smtp.messages_to(REPORTER).len(), 1);
}

#[tokio::test]
async fn notifications_are_private_paged_and_marked_read() {
    let app = spawn_app().await;
    let team = app.team().await;
    for _ in 0..3 {
        app.submit().await;
    }
    let page: Value = app
        .get("notifications?limit=2", Some(&team.operator))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest: Value = app
        .get(
            &format!("notifications?limit=2&cursor={cursor}"),
            Some(&team.operator),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rest["items"].as_array().unwrap().len(), 1);
    assert!(rest["next_cursor"].is_null());
    let ids: HashSet<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(rest["items"].as_array().unwrap())
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "no overlap between pages");

    let first = page["items"][0]["id"].as_str().unwrap().to_string();
    let path = format!("notifications/{first}/read");
    problem(app.post(&path, Some(&team.lead), json!({})).await, 404).await;
    problem(
        app.post(
            "notifications/no-such-id/read",
            Some(&team.operator),
            json!({}),
        )
        .await,
        404,
    )
    .await;
    problem(app.get("notifications", None).await, 401).await;
    let p = problem(
        app.get("notifications?limit=0", Some(&team.operator)).await,
        422,
    )
    .await;
    assert_eq!(error_fields(&p), ["limit"]);
    // A value of the wrong type is named too, not blamed on "the query".
    for (query, field) in [("unread_only=yes", "unread_only"), ("limit=ten", "limit")] {
        let p = problem(
            app.get(&format!("notifications?{query}"), Some(&team.operator))
                .await,
            422,
        )
        .await;
        assert_eq!(error_fields(&p), [field], "{query}");
    }

    let read: Value = app
        .post(&path, Some(&team.operator), json!({}))
        .await
        .json()
        .await
        .unwrap();
    let read_at = read["read_at"].as_str().unwrap().to_string();
    assert_eq!(unread(&app, &team.operator).await, 2);
    assert_eq!(
        unread(&app, &team.lead).await,
        3,
        "the lead's own are untouched"
    );
    later(&app, Duration::minutes(5));
    let again: Value = app
        .post(&path, Some(&team.operator), json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        again["read_at"],
        read_at.as_str(),
        "the first reading counts"
    );
    let unread_page: Value = app
        .get("notifications?unread_only=true", Some(&team.operator))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unread_page["items"].as_array().unwrap().len(), 2);

    let marked: Value = app
        .post("notifications/read-all", Some(&team.operator), json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(marked["marked"], 2);
    assert_eq!(unread(&app, &team.operator).await, 0);
    assert_eq!(unread(&app, &team.lead).await, 3);
}

#[tokio::test]
async fn mail_waits_while_the_server_is_down_and_goes_once_when_it_is_back() {
    let (app, smtp) = app_with_mail(&[]).await;
    smtp.stop();
    app.submit().await;
    let submitted_at = now(&app);
    assert_eq!(deliver(&app).await, 0);
    let row = outbox_rows(&app).await.remove(0);
    assert_eq!(row.status, "pending");
    assert_eq!(row.attempts, 1);
    assert!(row.last_error.is_some());
    assert_eq!(row.next_attempt_at, submitted_at + Duration::minutes(1));

    assert_eq!(deliver(&app).await, 0, "not due yet");
    later(&app, Duration::minutes(1));
    assert_eq!(deliver(&app).await, 0, "still down");
    let row = outbox_rows(&app).await.remove(0);
    assert_eq!(row.attempts, 2);
    assert_eq!(row.next_attempt_at, now(&app) + Duration::minutes(2));

    smtp.restart().await;
    later(&app, Duration::seconds(90));
    assert_eq!(deliver(&app).await, 0, "the backoff is respected");
    assert!(smtp.messages().is_empty());
    later(&app, Duration::seconds(30));
    assert_eq!(deliver(&app).await, 1);
    assert_eq!(deliver(&app).await, 0);
    later(&app, Duration::hours(2));
    assert_eq!(deliver(&app).await, 0);
    assert_eq!(smtp.messages().len(), 1, "delivered exactly once");
    let row = outbox_rows(&app).await.remove(0);
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 3));
    assert_eq!(row.last_error, None);
}

#[tokio::test]
async fn a_refusing_server_is_retried_until_the_message_is_given_up() {
    let (app, smtp) = app_with_mail(&[("ADUAN_MAIL_MAX_ATTEMPTS", "3")]).await;
    smtp.set_mode(Mode::RefuseAtData);
    app.submit().await;
    assert_eq!(deliver(&app).await, 0);
    later(&app, Duration::minutes(1));
    smtp.set_mode(Mode::RefuseAtConnect);
    assert_eq!(deliver(&app).await, 0);
    let row = outbox_rows(&app).await.remove(0);
    assert_eq!((row.status.as_str(), row.attempts), ("pending", 2));
    assert!(
        row.last_error.as_deref().unwrap().contains("421"),
        "{row:?}"
    );
    later(&app, Duration::minutes(2));
    smtp.set_mode(Mode::RefuseAtData);
    assert_eq!(deliver(&app).await, 0);
    let row = outbox_rows(&app).await.remove(0);
    assert_eq!((row.status.as_str(), row.attempts), ("failed", 3));
    assert!(
        row.last_error.as_deref().unwrap().contains("451"),
        "{row:?}"
    );
    assert_eq!(smtp.connections(), 3);

    smtp.set_mode(Mode::Accept);
    later(&app, Duration::days(1));
    assert_eq!(deliver(&app).await, 0, "a failed message stays failed");
    assert!(smtp.messages().is_empty());
}

#[tokio::test]
async fn concurrent_deliveries_send_each_message_once() {
    let (app, smtp) = app_with_mail(&[]).await;
    for _ in 0..13 {
        app.submit().await;
    }
    // On PostgreSQL a second replica; SQLite serves one process, so there
    // the same server delivers twice at once.
    let other = match backend() {
        Backend::Postgres => app.replica().await,
        Backend::Sqlite => app.state.clone(),
    };
    let (a, b, c, d) = tokio::join!(
        deliver_due(&app.state),
        deliver_due(&other),
        deliver_due(&app.state),
        deliver_due(&other),
    );
    let total: usize = [a, b, c, d].into_iter().map(Result::unwrap).sum();
    assert_eq!(total, 13);
    let mails = smtp.messages();
    assert_eq!(mails.len(), 13);
    let ids: HashSet<String> = mails
        .iter()
        .map(|m| m.header("Message-ID").unwrap())
        .collect();
    assert_eq!(ids.len(), 13, "no message twice");
    assert!(outbox_rows(&app)
        .await
        .iter()
        .all(|r| r.status == "sent" && r.attempts == 1));
}

#[tokio::test]
async fn a_refused_action_queues_nothing() {
    let (app, _smtp) = app_with_mail(&[]).await;
    let team = app.team().await;
    let id = id_of(&app.submit().await);
    let read = app.get(&format!("complaints/{id}"), Some(&team.lead)).await;
    let etag = read.headers()["etag"].to_str().unwrap().to_string();
    app.verify_as(&team.operator, &id).await;
    let (mails, notices) = (
        outbox_rows(&app).await.len(),
        notification_count(&app).await,
    );

    let stale = app
        .request(
            Method::POST,
            &format!("complaints/{id}/reject"),
            Some(&team.lead),
        )
        .header("If-Match", &etag)
        .json(&json!({ "reason": "not_relevant", "message": "Bukan kewenangan kami" }))
        .send()
        .await
        .unwrap();
    problem(stale, 412).await;
    let invalid = app
        .act(
            &team.lead,
            &id,
            "disposition",
            json!({ "division_id": "nope" }),
        )
        .await;
    problem(invalid, 422).await;
    assert_eq!(outbox_rows(&app).await.len(), mails);
    assert_eq!(notification_count(&app).await, notices);
}

#[tokio::test]
async fn a_reporter_who_chose_english_is_mailed_in_english() {
    let (app, smtp) = app_with_mail(&[]).await;
    let mut body = app.complaint_body().await;
    body["language"] = json!("en");
    let response = app.submit_complaint(body).await;
    assert_eq!(response.status(), 201);
    let code = code_of(&response.json().await.unwrap());
    deliver(&app).await;
    let mail = &smtp.messages_to(REPORTER)[0];
    assert!(mail
        .header("Subject")
        .unwrap()
        .contains("Your complaint has been received"));
    let text = mail.body();
    assert!(
        text.contains(&format!("Your tracking code: {code}")),
        "{text}"
    );
    assert!(text.contains("30 November 2026"));
    assert_eq!(outbox_rows(&app).await[0].language, "en");

    let mut body = app.complaint_body().await;
    body["language"] = json!("fr");
    let p = problem(app.submit_complaint(body).await, 422).await;
    assert_eq!(error_fields(&p), ["language"]);
}

#[tokio::test]
async fn an_escalation_tells_the_person_it_went_to_in_the_app_and_by_mail() {
    let (app, smtp) = app_with_mail(&[]).await;
    let team = app.team().await;
    let (chief, chief_email) = staff_with_email(&app, "chief", "supervisor", None).await;
    let id = id_of(&app.submit().await);
    deliver(&app).await;
    // What the deadline scheduler does: append the event in a transaction
    // and notify in the same one.
    let (state, chief_id) = (app.state.clone(), chief.user_id.clone());
    let at = now(&app);
    app.state
        .db
        .write(move |conn| {
            let row = rows::find(conn, &id)?.unwrap();
            rows::lock(conn, &row.id)?;
            let system = EventActor {
                kind: ActorKind::System,
                user_id: None,
                role: None,
            };
            let event = rows::append_event(
                conn,
                EventRow::new(&row.id, at, EventKind::Escalated, &system).details(json!({
                    "to_user_id": chief_id, "level": 1, "reason": "overdue",
                })),
            )?;
            aduan::notify::on_event(conn, &state.config, &row, &event)
        })
        .await
        .unwrap();
    assert_eq!(notice_kinds(&app, &chief).await, ["escalated"]);
    assert_eq!(unread(&app, &team.supervisor).await, 0);
    assert_eq!(deliver(&app).await, 1);
    let mail = &smtp.messages_to(&chief_email)[0];
    assert!(mail
        .header("Subject")
        .unwrap()
        .contains("melewati batas waktu"));
    assert_eq!(smtp.messages_to(REPORTER).len(), 1, "only the receipt");
}

#[tokio::test]
async fn the_background_job_delivers_without_being_asked() {
    let (app, smtp) =
        app_with_mail(&[("ADUAN_JOBS", "on"), ("ADUAN_MAIL_POLL_SECONDS", "1")]).await;
    app.submit().await;
    let deadline = Utc::now() + Duration::seconds(15);
    while smtp.messages().is_empty() && Utc::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(smtp.messages_to(REPORTER).len(), 1);
}
