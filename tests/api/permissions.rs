//! The permission matrix: every role against every action, and a division
//! never sees another division's complaint.

use aduan_tests::{problem, spawn_app, Session, TestApp};
use serde_json::{json, Value};

async fn dispositioned_to(
    app: &TestApp,
    lead: &Session,
    officer: &Session,
    division: &str,
) -> String {
    let id = app.submit().await["id"].as_str().unwrap().to_string();
    app.verify_as(officer, &id).await;
    app.disposition_as(lead, &id, division).await;
    id
}

#[tokio::test]
async fn a_division_cannot_see_or_touch_another_divisions_complaint() {
    let app = spawn_app().await;
    let team = app.team().await;
    let theirs = dispositioned_to(&app, &team.lead, &team.officer, "PENANAMAN-MODAL").await;
    let ours = dispositioned_to(&app, &team.lead, &team.officer, "PELAYANAN").await;
    let undispositioned = app.submit().await["id"].as_str().unwrap().to_string();

    for id in [&theirs, &undispositioned] {
        problem(
            app.get(&format!("complaints/{id}"), Some(&team.licensing))
                .await,
            404,
        )
        .await;
        problem(
            app.get(&format!("complaints/{id}/events"), Some(&team.licensing))
                .await,
            404,
        )
        .await;
        let start = app
            .post(
                &format!("complaints/{id}/start"),
                Some(&team.licensing),
                json!({ "version": 3 }),
            )
            .await;
        problem(start, 404).await;
        let reveal = app
            .post(
                &format!("complaints/{id}/reporter-identity"),
                Some(&team.licensing),
                json!({ "reason": "ingin tahu" }),
            )
            .await;
        problem(reveal, 404).await;
    }
    assert_eq!(
        app.complaint(&team.licensing, &ours).await["status"],
        "dispositioned"
    );

    let inbox: Value = app
        .get("complaints", Some(&team.licensing))
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [ours.as_str()]);
    // Asking for the other division by filter changes nothing.
    let division = app.division_id("PENANAMAN-MODAL").await;
    let filtered: Value = app
        .get(
            &format!("complaints?division_id={division}"),
            Some(&team.licensing),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(filtered["items"].as_array().unwrap().is_empty());
}

/// (action, body, roles allowed) for a complaint in the status each action needs.
#[tokio::test]
async fn each_role_may_take_exactly_its_actions() {
    let app = spawn_app().await;
    let team = app.team().await;
    let roles: [(&str, &Session); 7] = [
        ("admin", &team.admin),
        ("supervisor", &team.supervisor),
        ("team_lead", &team.lead),
        ("complaint_officer", &team.officer),
        ("it_operator", &team.operator),
        ("division_staff", &team.licensing),
        ("other_division", &team.investment),
    ];
    let verify = json!({ "requirements": { "identity": true, "address": true, "evidence": true } });
    let division = app.division_id("PELAYANAN").await;
    // (action, body, the status it starts from, who may)
    let cases: Vec<(&str, Value, &str, &[&str])> = vec![
        (
            "verify",
            verify.clone(),
            "received",
            &["admin", "team_lead", "complaint_officer", "it_operator"],
        ),
        (
            "request-info",
            json!({ "message": "Mohon lengkapi." }),
            "received",
            &["admin", "team_lead", "complaint_officer", "it_operator"],
        ),
        (
            "reject",
            json!({ "reason": "not_relevant", "message": "Tidak relevan." }),
            "received",
            &["admin", "team_lead", "complaint_officer", "it_operator"],
        ),
        (
            "disposition",
            json!({ "division_id": division }),
            "verified",
            &["admin", "team_lead"],
        ),
        (
            "start",
            json!({}),
            "dispositioned",
            &["admin", "team_lead", "division_staff"],
        ),
        (
            "resolve",
            json!({ "answer": "Sudah ditindaklanjuti." }),
            "in_progress",
            &["admin", "team_lead", "division_staff"],
        ),
        (
            "extend",
            json!({ "days": 1, "reason": "Butuh waktu." }),
            "verified",
            &["admin", "supervisor", "team_lead"],
        ),
        (
            "replies",
            json!({ "message": "Sedang diproses." }),
            "received",
            &["admin", "team_lead", "complaint_officer", "it_operator"],
        ),
        (
            "notes",
            json!({ "message": "Catatan." }),
            "received",
            &[
                "admin",
                "supervisor",
                "team_lead",
                "complaint_officer",
                "it_operator",
            ],
        ),
    ];
    for (action, body, from, allowed) in cases {
        for (role, session) in roles {
            let id = app.submit().await["id"].as_str().unwrap().to_string();
            if from != "received" {
                app.verify_as(&team.officer, &id).await;
            }
            if matches!(from, "dispositioned" | "in_progress") {
                app.disposition_as(&team.lead, &id, "PELAYANAN").await;
            }
            if from == "in_progress" {
                app.act_ok(&team.lead, &id, "start", json!({})).await;
            }
            let expected = if allowed.contains(&role) {
                200
            } else if role == "other_division"
                || (role == "division_staff" && !matches!(from, "dispositioned" | "in_progress"))
            {
                404 // cannot even see it
            } else {
                403
            };
            let version = app.complaint(&team.admin, &id).await["version"].clone();
            let mut body = body.clone();
            body["version"] = version;
            let response = app
                .post(&format!("complaints/{id}/{action}"), Some(session), body)
                .await;
            assert_eq!(
                response.status().as_u16(),
                expected,
                "{role} {action} from {from}"
            );
        }
    }
}

#[tokio::test]
async fn an_anonymous_reporter_is_shown_only_to_verifying_staff_and_every_reveal_is_recorded() {
    let app = spawn_app().await;
    let team = app.team().await;
    let mut body = app.complaint_body().await;
    body["anonymous"] = json!(true);
    let receipt: Value = app.submit_complaint(body).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap().to_string();
    let detail = app.complaint(&team.officer, &id).await;
    assert!(
        !detail.to_string().contains("Sudarma"),
        "no identity without asking"
    );
    assert!(!detail.to_string().contains("5106011203850001"));

    let path = format!("complaints/{id}/reporter-identity");
    let reveal = |session| app.post(&path, Some(session), json!({ "reason": "Verifikasi KTP" }));
    let shown: Value = reveal(&team.officer).await.json().await.unwrap();
    assert_eq!(shown["name"], "I Wayan Sudarma");
    assert_eq!(shown["id_number"], "5106011203850001");
    problem(reveal(&team.supervisor).await, 403).await;

    app.verify_as(&team.officer, &id).await;
    app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    problem(reveal(&team.licensing).await, 403).await;
    let events: Value = app
        .get(&format!("complaints/{id}/events"), Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    let reveals: Vec<&Value> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "identity_revealed")
        .collect();
    assert_eq!(reveals.len(), 1, "only the granted reveal is on the record");
    assert_eq!(reveals[0]["actor"]["id"], team.officer.user_id);
    assert_eq!(reveals[0]["message"], "Verifikasi KTP");
    assert_eq!(reveals[0]["visibility"], "internal");
    // The search does not find an anonymous reporter by name either.
    let found: Value = app
        .get("complaints?q=sudarma", Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    assert!(found["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_named_reporter_is_shown_to_the_division_handling_it_on_request() {
    let app = spawn_app().await;
    let team = app.team().await;
    let id = dispositioned_to(&app, &team.lead, &team.officer, "PELAYANAN").await;
    let shown = app
        .post(
            &format!("complaints/{id}/reporter-identity"),
            Some(&team.licensing),
            json!({ "reason": "Menghubungi pelapor" }),
        )
        .await;
    assert_eq!(shown.status(), 200);
    assert_eq!(shown.headers()["cache-control"], "no-store");
    let empty_reason = app
        .post(
            &format!("complaints/{id}/reporter-identity"),
            Some(&team.licensing),
            json!({ "reason": "" }),
        )
        .await;
    problem(empty_reason, 422).await;
}

#[tokio::test]
async fn staff_endpoints_need_a_token_and_admin_endpoints_an_admin() {
    let app = spawn_app().await;
    let team = app.team().await;
    for path in [
        "complaints",
        "complaints/counts",
        "divisions",
        "staff",
        "auth/me",
        "admin/users",
    ] {
        problem(app.get(path, None).await, 401).await;
    }
    for session in [&team.lead, &team.supervisor, &team.officer, &team.licensing] {
        problem(app.get("admin/users", Some(session)).await, 403).await;
        let create = app
            .post(
                "admin/divisions",
                Some(session),
                json!({ "code": "X", "name": "Bidang X" }),
            )
            .await;
        problem(create, 403).await;
    }
}
