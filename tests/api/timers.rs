//! The timed rules (seed a.1, b.4, b.6, b.8), driven by moving the server's
//! clock and running the rules, never by sleeping.

use aduan::jobs::timers::{run_due, Fired};
use aduan_tests::{spawn_app, Session, TestApp};
use serde_json::{json, Value};

fn id_of(receipt: &Value) -> String {
    receipt["id"].as_str().unwrap().to_string()
}

async fn events(app: &TestApp, staff: &Session, id: &str) -> Vec<Value> {
    let events: Value = app
        .get(&format!("complaints/{id}/events"), Some(staff))
        .await
        .json()
        .await
        .unwrap();
    events.as_array().unwrap().clone()
}

fn of_kind<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["kind"] == kind).collect()
}

/// 10:00 WITA on `day`.
fn morning(day: &str) -> String {
    format!("{day}T02:00:00Z")
}

#[tokio::test]
async fn a_reporter_who_does_not_answer_in_time_has_the_complaint_rejected_as_incomplete() {
    let app = spawn_app().await;
    let mut team = app.team().await;
    let receipt = app.submit().await;
    let id = id_of(&receipt);
    let asked = app
        .act_ok(
            &team.operator,
            &id,
            "request-info",
            json!({ "message": "Mohon lengkapi alamat." }),
        )
        .await;
    assert_eq!(asked["sla"]["reporter_due_on"], "2026-12-09");

    app.set_now(&morning("2026-12-09"));
    assert_eq!(
        app.run_timed_rules().await,
        Fired::default(),
        "the last day is still in time"
    );

    app.set_now(&morning("2026-12-10"));
    let fired = app.run_timed_rules().await;
    assert_eq!(fired.rejected_incomplete, 1);
    assert_eq!(
        app.run_timed_rules().await,
        Fired::default(),
        "it fires once"
    );

    team.sign_in_again(&app).await;
    let detail = app.complaint(&team.operator, &id).await;
    assert_eq!(detail["status"], "rejected");
    assert_eq!(detail["rejection_reason"], "incomplete");
    let all = events(&app, &team.operator, &id).await;
    let rejected = of_kind(&all, "rejected");
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["actor_kind"], "system");
    assert_eq!(rejected[0]["actor"], Value::Null);
    assert_eq!(rejected[0]["details"]["rule"], "reporter_did_not_answer");
    let tracked = app.track(receipt["tracking_code"].as_str().unwrap()).await;
    assert_eq!(tracked["status"], "rejected");
    assert_eq!(tracked["rejection_reason"], "incomplete");
}

#[tokio::test]
async fn an_answer_nobody_evaluates_closes_after_the_window_and_an_accepted_one_is_left_alone() {
    let app = spawn_app().await;
    let mut team = app.team().await;
    let mut resolved = Vec::new();
    for _ in 0..2 {
        let receipt = app.submit().await;
        let id = id_of(&receipt);
        app.verify_as(&team.officer, &id).await;
        app.disposition_as(&team.lead, &id, "PELAYANAN").await;
        app.act_ok(&team.licensing, &id, "start", json!({})).await;
        let answer = app.resolve_as(&team.licensing, &id).await;
        assert_eq!(answer["sla"]["reporter_due_on"], "2026-12-09");
        resolved.push(receipt);
    }
    let accepted = app
        .post(
            &format!(
                "track/{}/accept",
                resolved[1]["tracking_code"].as_str().unwrap()
            ),
            None,
            json!({}),
        )
        .await;
    assert_eq!(accepted.status(), 200);

    app.set_now(&morning("2026-12-09"));
    assert_eq!(app.run_timed_rules().await.closed, 0);
    app.set_now(&morning("2026-12-10"));
    assert_eq!(app.run_timed_rules().await.closed, 1);

    team.sign_in_again(&app).await;
    let silent = id_of(&resolved[0]);
    assert_eq!(app.complaint(&team.lead, &silent).await["status"], "closed");
    let closed = events(&app, &team.lead, &silent).await;
    let closed = of_kind(&closed, "closed");
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0]["actor_kind"], "system");
    assert_eq!(closed[0]["details"]["rule"], "evaluation_window_passed");
    let by_reporter = events(&app, &team.lead, &id_of(&resolved[1])).await;
    assert!(of_kind(&by_reporter, "closed").is_empty());
    assert_eq!(of_kind(&by_reporter, "accepted").len(), 1);
}

/// licensing (handler) → lead → coordinator → head of agency.
async fn chain_of_supervision(app: &TestApp, team: &aduan_tests::Team) -> Session {
    let coordinator = app.create_staff("coordinator", "supervisor", None).await;
    for (who, above) in [
        (&team.licensing, &team.lead),
        (&team.lead, &coordinator),
        (&coordinator, &team.supervisor),
    ] {
        let response = app
            .patch(
                &format!("admin/users/{}", who.user_id),
                Some(&team.admin),
                json!({ "supervisor_id": above.user_id }),
            )
            .await;
        assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
    }
    coordinator
}

#[tokio::test]
async fn a_late_complaint_climbs_the_chain_of_supervision_one_step_per_threshold() {
    let app = spawn_app().await;
    let mut team = app.team().await;
    let coordinator = chain_of_supervision(&app, &team).await;
    let id = id_of(&app.submit().await);
    app.verify_as(&team.officer, &id).await;
    let division = app.division_id("PELAYANAN").await;
    app.act_ok(
        &team.lead,
        &id,
        "disposition",
        json!({ "division_id": division, "assignee_id": team.licensing.user_id }),
    )
    .await;
    let started = app.act_ok(&team.licensing, &id, "start", json!({})).await;
    let due_on = started["sla"]["due_on"].as_str().unwrap().to_string();
    let at_risk_on = started["sla"]["at_risk_on"].as_str().unwrap().to_string();
    assert_eq!(app.run_timed_rules().await, Fired::default(), "on track");

    app.set_now(&morning(&at_risk_on));
    assert_eq!(app.run_timed_rules().await.escalations, 1);
    assert_eq!(
        app.run_timed_rules().await,
        Fired::default(),
        "each step once"
    );

    app.set_now(&morning(&due_on));
    assert_eq!(
        app.run_timed_rules().await,
        Fired::default(),
        "the due day is not late yet"
    );

    // Nobody ran the rules for three weeks (the server was down, say): on
    // the next run the complaint takes every step it is owed, and the step
    // past the head of agency is only noted.
    let late = chrono::NaiveDate::parse_from_str(&due_on, "%Y-%m-%d").unwrap()
        + chrono::Duration::days(21);
    app.set_now(&morning(&late.to_string()));
    assert_eq!(app.run_timed_rules().await.escalations, 2);
    assert_eq!(app.run_timed_rules().await, Fired::default());

    team.sign_in_again(&app).await;
    let all = events(&app, &team.lead, &id).await;
    let steps: Vec<(i64, &str, &str)> = of_kind(&all, "escalated")
        .into_iter()
        .map(|e| {
            assert_eq!(e["actor_kind"], "system");
            assert_eq!(e["visibility"], "internal");
            (
                e["details"]["level"].as_i64().unwrap(),
                e["details"]["to_user_id"].as_str().unwrap(),
                e["details"]["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            (1, team.lead.user_id.as_str(), "at_risk"),
            (2, coordinator.user_id.as_str(), "overdue"),
            (3, team.supervisor.user_id.as_str(), "overdue"),
        ]
    );
    let public = app
        .track(
            app.complaint(&team.lead, &id).await["tracking_code"]
                .as_str()
                .unwrap(),
        )
        .await;
    assert!(
        !public.to_string().contains("escalat"),
        "escalations are internal: {public}"
    );
}

#[tokio::test]
async fn an_unverified_complaint_escalates_to_the_team_lead_first() {
    let app = spawn_app().await;
    let team = app.team().await;
    let coordinator = chain_of_supervision(&app, &team).await;
    let id = id_of(&app.submit().await);
    let detail = app.complaint(&team.officer, &id).await;
    let due_on = detail["sla"]["due_on"].as_str().unwrap().to_string();
    assert_eq!(
        due_on,
        detail["sla"]["verification_due_on"].as_str().unwrap()
    );

    let late =
        chrono::NaiveDate::parse_from_str(&due_on, "%Y-%m-%d").unwrap() + chrono::Duration::days(1);
    app.set_now(&morning(&late.to_string()));
    assert_eq!(app.run_timed_rules().await.escalations, 2);
    let mut team = team;
    team.sign_in_again(&app).await;
    let all = events(&app, &team.lead, &id).await;
    let to: Vec<&str> = of_kind(&all, "escalated")
        .iter()
        .map(|e| e["details"]["to_user_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        to,
        [team.lead.user_id.as_str(), coordinator.user_id.as_str()]
    );
}

#[tokio::test]
async fn closed_complaints_move_to_the_archive_after_the_configured_period() {
    let app = spawn_app().await;
    let mut team = app.team().await;
    let receipt = app.submit().await;
    let id = id_of(&receipt);
    app.verify_as(&team.officer, &id).await;
    app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    app.act_ok(&team.licensing, &id, "start", json!({})).await;
    app.resolve_as(&team.licensing, &id).await;
    let code = receipt["tracking_code"].as_str().unwrap();
    let accepted = app
        .post(&format!("track/{code}/accept"), None, json!({}))
        .await;
    assert_eq!(accepted.status(), 200);

    // Closed on 25 November; the default period is 30 days.
    app.set_now("2026-12-24T23:00:00Z");
    assert_eq!(app.run_timed_rules().await.archived, 0);
    app.set_now("2026-12-25T03:00:00Z");
    assert_eq!(app.run_timed_rules().await.archived, 1);

    team.sign_in_again(&app).await;
    let inbox: Value = app
        .get("complaints", Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        inbox["items"].as_array().unwrap().is_empty(),
        "archived complaints leave the working list"
    );
    let archive: Value = app
        .get("complaints?status=archived", Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        archive["items"][0]["id"], id,
        "and stay findable in the archive"
    );
    let all = events(&app, &team.lead, &id).await;
    assert_eq!(
        of_kind(&all, "archived")[0]["details"]["rule"],
        "archive_period_passed"
    );
}

#[tokio::test]
async fn two_replicas_running_the_rules_at_once_fire_each_rule_once() {
    let app = spawn_app().await;
    let mut team = app.team().await;
    let _coordinator = chain_of_supervision(&app, &team).await;
    let unanswered = id_of(&app.submit().await);
    app.act_ok(
        &team.operator,
        &unanswered,
        "request-info",
        json!({ "message": "Mohon lengkapi alamat." }),
    )
    .await;
    let late = id_of(&app.submit().await);
    let other = app.replica().await;

    app.set_now(&morning("2026-12-10"));
    let (a, b) = tokio::join!(run_due(&app.state), run_due(&other));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(
        a.rejected_incomplete + b.rejected_incomplete,
        1,
        "{a:?} {b:?}"
    );
    // Eight working days past its verification deadline (30 November):
    // three steps owed, to the lead, the coordinator and the head.
    assert_eq!(a.escalations + b.escalations, 3, "{a:?} {b:?}");

    team.sign_in_again(&app).await;
    assert_eq!(
        of_kind(&events(&app, &team.lead, &unanswered).await, "rejected").len(),
        1
    );
    assert_eq!(
        of_kind(&events(&app, &team.lead, &late).await, "escalated").len(),
        3
    );
}
