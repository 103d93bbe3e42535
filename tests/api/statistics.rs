//! The statistics of a period (seed b.8), checked figure by figure against a
//! month worked out by hand.

use aduan_tests::{error_fields, problem, spawn_app, Team, TestApp};
use serde_json::{json, Value};

/// A complaint as the tests follow it.
struct Filed {
    id: String,
    code: String,
}

/// 10:00 WITA on a day of 2026; everyone signs in again.
async fn at(app: &TestApp, team: &mut Team, day: &str) {
    app.set_now(&format!("2026-{day}T02:00:00Z"));
    team.sign_in_again(app).await;
}

async fn file(app: &TestApp, kind: &str, category: &str, subject: &str) -> Filed {
    let mut body = app.complaint_body().await;
    body["kind"] = json!(kind);
    body["category_id"] = json!(app.category_id(category).await);
    body["subject"] = json!(subject);
    let response = app.submit_complaint(body).await;
    assert_eq!(response.status(), 201);
    let receipt: Value = response.json().await.unwrap();
    Filed {
        id: receipt["id"].as_str().unwrap().to_string(),
        code: receipt["tracking_code"].as_str().unwrap().to_string(),
    }
}

async fn reporter(app: &TestApp, code: &str, action: &str, body: Value) {
    let response = app
        .post(&format!("track/{code}/{action}"), None, body)
        .await;
    assert_eq!(response.status(), 200, "reporter {action}");
}

fn scores(each: i64) -> Value {
    json!({
        "requirements": each, "procedure": each, "time": each, "cost": each,
        "result": each, "competence": each, "behaviour": each, "handling": each
    })
}

/// Working days are counted in WITA; November 2026 has no holiday.
///
/// - G: received Thu 15 Oct (PERIZINAN, 14 days: due Wed 4 Nov), verified
///   Fri 16 Oct, answered Tue 3 Nov: 13 days, on time.
/// - A: Mon 2 Nov, verified Tue 3 (1 day), to Pelayanan with the licensing
///   officer as handler, answered Fri 13, disputed Tue 17 (two days of
///   waiting move the deadline from Fri 20 to Tue 24), answered again Fri 20
///   (14 days, on time), accepted Mon 23, rated 4.
/// - B: Mon 2 Nov, verified Thu 5 (3 days), to Pelayanan, in progress:
///   overdue since Fri 20, 20 working days old on Mon 30.
/// - C: Mon 2 Nov (INFORMASI, 5 days: due Mon 9), verified Tue 3 (1 day),
///   to Penanaman Modal, answered Mon 16: 10 days, late; rated 3.
/// - D: a suggestion, Mon 2 Nov, rejected Tue 3.
/// - E: Mon 23 Nov, still received: verification due Thu 26, overdue on
///   Mon 30, 5 days old.
/// - F: Fri 27 Nov, still received: due Wed 2 Dec, 1 day old on Mon 30.
///
/// The clock ends on Monday 30 November 2026, 10:00 WITA; returns the team
/// signed in then.
pub async fn november(app: &TestApp) -> Team {
    let mut team = app.team().await;
    let licensing_id = team.licensing.user_id.clone();

    at(app, &mut team, "10-15").await;
    let g = file(app, "complaint", "PERIZINAN", "Izin lama G").await;
    at(app, &mut team, "10-16").await;
    app.verify_as(&team.officer, &g.id).await;
    app.disposition_as(&team.lead, &g.id, "PELAYANAN").await;
    app.act_ok(&team.licensing, &g.id, "start", json!({})).await;

    at(app, &mut team, "11-02").await;
    let a = file(app, "complaint", "PERIZINAN", "Izin PBG A").await;
    let b = file(app, "complaint", "PERIZINAN", "Izin PBG B").await;
    let c = file(app, "complaint", "INFORMASI", "Informasi biaya C").await;
    let d = file(app, "suggestion", "PERIZINAN", "Saran antrean D").await;

    at(app, &mut team, "11-03").await;
    app.verify_as(&team.officer, &a.id).await;
    app.verify_as(&team.officer, &c.id).await;
    app.act_ok(
        &team.officer,
        &d.id,
        "reject",
        json!({ "reason": "not_relevant", "message": "Saran diteruskan ke bagian umum." }),
    )
    .await;
    let pelayanan = app.division_id("PELAYANAN").await;
    app.act_ok(
        &team.lead,
        &a.id,
        "disposition",
        json!({ "division_id": pelayanan, "assignee_id": licensing_id }),
    )
    .await;
    app.disposition_as(&team.lead, &c.id, "PENANAMAN-MODAL")
        .await;
    app.resolve_as(&team.licensing, &g.id).await;

    at(app, &mut team, "11-04").await;
    app.act_ok(&team.licensing, &a.id, "start", json!({})).await;
    app.act_ok(&team.investment, &c.id, "start", json!({}))
        .await;

    at(app, &mut team, "11-05").await;
    app.verify_as(&team.officer, &b.id).await;
    app.disposition_as(&team.lead, &b.id, "PELAYANAN").await;
    app.act_ok(&team.licensing, &b.id, "start", json!({})).await;

    at(app, &mut team, "11-13").await;
    app.resolve_as(&team.licensing, &a.id).await;
    at(app, &mut team, "11-16").await;
    app.resolve_as(&team.investment, &c.id).await;
    at(app, &mut team, "11-17").await;
    reporter(
        app,
        &a.code,
        "dispute",
        json!({ "reason": "PBG belum bisa diunduh" }),
    )
    .await;
    let reopened = app.complaint(&team.lead, &a.id).await;
    assert_eq!(reopened["sla"]["resolution_due_on"], "2026-11-24");
    at(app, &mut team, "11-20").await;
    app.resolve_as(&team.licensing, &a.id).await;

    at(app, &mut team, "11-23").await;
    reporter(app, &a.code, "accept", json!({})).await;
    reporter(
        app,
        &a.code,
        "evaluation",
        json!({ "scores": scores(4), "overall": 4 }),
    )
    .await;
    reporter(
        app,
        &c.code,
        "evaluation",
        json!({ "scores": scores(3), "overall": 3 }),
    )
    .await;
    file(app, "complaint", "PERIZINAN", "Izin PBG E").await;
    at(app, &mut team, "11-27").await;
    file(app, "complaint", "PERIZINAN", "Izin PBG F").await;
    at(app, &mut team, "11-30").await;
    team
}

/// `count` of the entry whose `key` is `value` in a list of counts.
pub fn count_of(list: &Value, key: &str, value: &str) -> i64 {
    list.as_array()
        .unwrap()
        .iter()
        .find(|entry| entry[key] == value)
        .map(|entry| entry["count"].as_i64().unwrap())
        .unwrap_or(0)
}

async fn statistics(app: &TestApp, session: &aduan_tests::Session, query: &str) -> Value {
    let response = app
        .get(&format!("reports/statistics?{query}"), Some(session))
        .await;
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn every_figure_of_a_month_matches_the_hand_count() {
    let app = spawn_app().await;
    let team = &november(&app).await;
    let s = statistics(&app, &team.supervisor, "from=2026-11-01&to=2026-11-30").await;

    assert_eq!(
        (s["from"].as_str(), s["to"].as_str()),
        (Some("2026-11-01"), Some("2026-11-30"))
    );
    assert_eq!(s["received"], 6, "A to F");
    assert_eq!(s["answered"], 3, "A, C and G");
    assert_eq!(s["rejected"], 1, "D");
    assert_eq!(s["finished"], 4);
    for (status, n) in [
        ("received", 2),
        ("in_progress", 1),
        ("resolved", 1),
        ("closed", 1),
        ("rejected", 1),
        ("verified", 0),
        ("archived", 0),
    ] {
        assert_eq!(count_of(&s["by_status"], "status", status), n, "{status}");
    }
    assert_eq!(count_of(&s["by_kind"], "kind", "complaint"), 5);
    assert_eq!(count_of(&s["by_kind"], "kind", "suggestion"), 1);
    assert_eq!(s["by_channel"], json!([{ "channel": "web", "count": 6 }]));
    let categories: Vec<(String, i64)> = s["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["count"].as_i64().unwrap(),
            )
        })
        .collect();
    assert!(categories.contains(&("Perizinan berusaha".into(), 5)));
    assert!(categories.contains(&("Informasi layanan".into(), 1)));
    assert_eq!(
        s["by_month"],
        json!([{ "month": "2026-11", "received": 6, "finished": 4 }])
    );
    // A and G on time, C late.
    assert_eq!(s["sla"], json!({ "count": 2, "of": 3, "percent": 66.7 }));
    assert_eq!(
        s["reopened"],
        json!({ "count": 1, "of": 3, "percent": 33.3 })
    );
    // Verified in November: A and C after 1 day, B after 3.
    assert_eq!(
        s["days_to_verify"],
        json!({ "count": 3, "median": 1, "p90": 3 })
    );
    // Answered in November: C after 10, G after 13, A after 14.
    assert_eq!(
        s["days_to_resolve"],
        json!({ "count": 3, "median": 13, "p90": 14 })
    );
    // Open on Monday 30 Nov: B (20 days, overdue), E (5, overdue), F (1).
    let backlog = &s["backlog"];
    assert_eq!(backlog["as_of"], "2026-11-30");
    assert_eq!(
        (backlog["total"].as_i64(), backlog["overdue"].as_i64()),
        (Some(3), Some(2))
    );
    let ages: Vec<(String, i64)> = backlog["by_age"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["label"].as_str().unwrap().to_string(),
                b["count"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ages,
        [
            ("0-5".to_string(), 2),
            ("6-10".to_string(), 0),
            ("11-20".to_string(), 1),
            ("21-40".to_string(), 0),
            ("41-60".to_string(), 0),
            ("61+".to_string(), 0),
        ]
    );
    let load = |list: &Value, name: Option<&str>| -> (i64, i64, i64) {
        let entry = list
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["name"].as_str() == name)
            .unwrap_or_else(|| panic!("{name:?} in {list}"));
        (
            entry["open"].as_i64().unwrap(),
            entry["overdue"].as_i64().unwrap(),
            entry["finished"].as_i64().unwrap(),
        )
    };
    let divisions = &s["by_division"];
    assert_eq!(divisions.as_array().unwrap().len(), 3);
    assert_eq!(
        load(
            divisions,
            Some("Bidang Pelayanan Perizinan dan Non Perizinan")
        ),
        (1, 1, 2)
    );
    assert_eq!(
        load(
            divisions,
            Some("Bidang Promosi dan Pengembangan Iklim Penanaman Modal")
        ),
        (0, 0, 1)
    );
    assert_eq!(
        load(divisions, None),
        (2, 1, 1),
        "D, E and F were never dispositioned"
    );
    let handlers = &s["by_handler"];
    assert_eq!(handlers.as_array().unwrap().len(), 2);
    assert_eq!(load(handlers, Some("Staff licensing")), (0, 0, 1));
    assert_eq!(load(handlers, None), (3, 2, 3));
    // A rated 4 on every element, C 3: means 3.5, index 87.5.
    assert_eq!(
        s["satisfaction"],
        json!({ "responses": 2, "index": 87.5, "grade": "b", "overall_mean": 3.5 })
    );
}

#[tokio::test]
async fn filters_narrow_every_figure() {
    let app = spawn_app().await;
    let team = &november(&app).await;
    let november = "from=2026-11-01&to=2026-11-30";

    let suggestions = statistics(&app, &team.lead, &format!("{november}&kind=suggestion")).await;
    assert_eq!(suggestions["received"], 1);
    assert_eq!(suggestions["rejected"], 1);
    assert_eq!(suggestions["answered"], 0);
    assert_eq!(
        suggestions["sla"]["percent"],
        Value::Null,
        "nothing answered"
    );
    assert_eq!(suggestions["filters"]["kind"], "suggestion");

    let informasi = app.category_id("INFORMASI").await;
    let info = statistics(
        &app,
        &team.lead,
        &format!("{november}&category_id={informasi}"),
    )
    .await;
    assert_eq!(
        (info["received"].as_i64(), info["answered"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(info["sla"]["percent"], 0.0);
    assert_eq!(info["satisfaction"]["responses"], 1);

    let phone = statistics(&app, &team.lead, &format!("{november}&channel=phone")).await;
    assert_eq!(
        (
            phone["received"].as_i64(),
            phone["backlog"]["total"].as_i64()
        ),
        (Some(0), Some(0))
    );

    // October: G received, nothing finished; its verification took 1 day.
    let october = statistics(&app, &team.lead, "from=2026-10-01&to=2026-10-31").await;
    assert_eq!(
        (october["received"].as_i64(), october["finished"].as_i64()),
        (Some(1), Some(0))
    );
    assert_eq!(
        october["days_to_verify"],
        json!({ "count": 1, "median": 1, "p90": 1 })
    );
}

#[tokio::test]
async fn division_staff_see_their_own_division_only() {
    let app = spawn_app().await;
    let team = &november(&app).await;
    let own = statistics(&app, &team.licensing, "from=2026-11-01&to=2026-11-30").await;
    let pelayanan = app.division_id("PELAYANAN").await;
    assert_eq!(own["filters"]["division_id"], pelayanan.as_str());
    // A and B received; A and G answered, both on time; B open and overdue.
    assert_eq!(own["received"], 2);
    assert_eq!(own["sla"], json!({ "count": 2, "of": 2, "percent": 100.0 }));
    assert_eq!(
        (
            own["backlog"]["total"].as_i64(),
            own["backlog"]["overdue"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(own["by_division"].as_array().unwrap().len(), 1);
    assert_eq!(own["satisfaction"]["responses"], 1, "A's rating only");
    let same = statistics(
        &app,
        &team.licensing,
        &format!("from=2026-11-01&to=2026-11-30&division_id={pelayanan}"),
    )
    .await;
    assert_eq!(same["received"], 2);
    let other = app.division_id("PENANAMAN-MODAL").await;
    problem(
        app.get(
            &format!("reports/statistics?from=2026-11-01&to=2026-11-30&division_id={other}"),
            Some(&team.licensing),
        )
        .await,
        403,
    )
    .await;
}

#[tokio::test]
async fn a_bad_period_is_a_problem_naming_the_field() {
    let app = spawn_app().await;
    let lead = app.create_staff("lead", "team_lead", None).await;
    for (query, field, code) in [
        ("from=2026-11-30&to=2026-11-01", "to", "before_start"),
        ("from=2025-01-01&to=2026-01-02", "to", "too_long"),
        ("from=2026-13-01&to=2026-12-31", "from", "invalid_date"),
        ("from=2026-11-01&to=yesterday", "to", "invalid_date"),
        ("to=2026-11-30", "from", "required"),
        (
            "from=2026-11-01&to=2026-11-30&kind=letter",
            "kind",
            "unknown_value",
        ),
        (
            "from=2026-11-01&to=2026-11-30&channel=pigeon",
            "channel",
            "unknown_value",
        ),
    ] {
        let p = problem(
            app.get(&format!("reports/statistics?{query}"), Some(&lead))
                .await,
            422,
        )
        .await;
        assert_eq!(error_fields(&p), [field], "{query}");
        assert_eq!(p["errors"][0]["code"], code, "{query}");
    }
    // A leap year is the longest period.
    statistics(&app, &lead, "from=2028-01-01&to=2028-12-31").await;
    problem(
        app.get("reports/statistics?from=2026-11-01&to=2026-11-30", None)
            .await,
        401,
    )
    .await;
}
