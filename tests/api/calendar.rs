//! Deadlines in working days, in the agency's time zone, over HTTP.

use aduan_tests::spawn_app;
use serde_json::{json, Value};

#[tokio::test]
async fn a_friday_2330_wita_submission_counts_from_monday() {
    let app = spawn_app().await;
    // Friday 27 Nov 2026 23:30 WITA is still Friday 15:30 in UTC.
    app.set_now("2026-11-27T15:30:00Z");
    let receipt = app.submit().await;
    assert_eq!(
        receipt["verification_due_on"], "2026-12-02",
        "Mon, Tue, Wed"
    );
    // Sunday 23:30 WITA and Monday 00:30 WITA (still Sunday in UTC) differ by a day.
    app.set_now("2026-11-29T15:30:00Z");
    assert_eq!(app.submit().await["verification_due_on"], "2026-12-02");
    app.set_now("2026-11-29T16:30:00Z");
    assert_eq!(app.submit().await["verification_due_on"], "2026-12-03");
}

#[tokio::test]
async fn the_idul_fitri_holiday_run_is_skipped() {
    let app = spawn_app().await;
    // Tuesday 17 March 2026; 18 to 24 March are holidays and cuti bersama.
    app.set_now("2026-03-17T02:00:00Z");
    let receipt = app.submit().await;
    assert_eq!(receipt["verification_due_on"], "2026-03-27");
}

#[tokio::test]
async fn a_deadline_crosses_the_year_boundary() {
    let app = spawn_app().await;
    app.set_now("2026-12-23T02:00:00Z");
    let receipt = app.submit().await;
    // 24, 25 Dec are holidays: 28, 29, 30 Dec.
    assert_eq!(receipt["verification_due_on"], "2026-12-30");
    assert_eq!(receipt["register_number"], "00001/ADUAN/2026");
}

#[tokio::test]
async fn the_bali_holidays_count_once_switched_on() {
    let app = spawn_app().await;
    // Monday 15 June 2026: 16 June is a national holiday, 17 and 18 June are Galungan.
    app.set_now("2026-06-15T02:00:00Z");
    let admin = app.admin().await;
    assert_eq!(app.submit().await["verification_due_on"], "2026-06-19");
    let switched = app
        .patch(
            "admin/holiday-sets/bali",
            Some(&admin),
            json!({ "enabled": true }),
        )
        .await;
    assert_eq!(switched.status(), 200);
    assert_eq!(app.submit().await["verification_due_on"], "2026-06-23");
    let holidays: Value = app
        .get("holidays?year=2026", None)
        .await
        .json()
        .await
        .unwrap();
    assert!(holidays
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["name"] == "Hari Raya Galungan"));
}

#[tokio::test]
async fn an_admin_added_holiday_moves_new_deadlines() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let added = app
        .post(
            "admin/holidays",
            Some(&admin),
            json!({ "day": "2026-11-26", "name": "Libur daerah", "set_code": "national" }),
        )
        .await;
    assert_eq!(added.status(), 201);
    // Received Wed 25 Nov: Thursday no longer counts.
    assert_eq!(app.submit().await["verification_due_on"], "2026-12-01");
    let id = added.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let removed = app
        .request(
            reqwest::Method::DELETE,
            &format!("admin/holidays/{id}"),
            Some(&admin),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 204);
    assert_eq!(app.submit().await["verification_due_on"], "2026-11-30");
}

#[tokio::test]
async fn sla_states_move_from_on_track_to_at_risk_to_overdue() {
    let app = spawn_app().await;
    let mut team = app.team().await;
    let id = app.submit().await["id"].as_str().unwrap().to_string();
    app.verify_as(&team.officer, &id).await;
    // 14 working days from Wed 25 Nov: at risk from day 11 (10 Dec), due 15 Dec.
    let state = |at: &'static str| {
        let app = &app;
        let lead = &team.lead;
        let id = &id;
        async move {
            app.set_now(at);
            let lead = app.sign_in_again(lead).await;
            app.complaint(&lead, id).await["sla"]["state"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    assert_eq!(state("2026-12-09T02:00:00Z").await, "on_track");
    assert_eq!(state("2026-12-10T02:00:00Z").await, "at_risk");
    assert_eq!(state("2026-12-15T15:00:00Z").await, "at_risk");
    assert_eq!(
        state("2026-12-15T16:30:00Z").await,
        "overdue",
        "after midnight WITA"
    );
    app.set_now("2026-12-16T02:00:00Z");
    team.sign_in_again(&app).await;
    let overdue: Value = app
        .get("complaints?sla=overdue", Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overdue["items"].as_array().unwrap().len(), 1);
    let on_track: Value = app
        .get("complaints?sla=on_track", Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(on_track["items"].as_array().unwrap().len(), 0);
}
