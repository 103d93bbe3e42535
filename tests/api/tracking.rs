//! What a citizen sees with the tracking code: never reporter data, never
//! internal notes, never a staff member's identity.

use aduan_tests::{problem, spawn_app};
use serde_json::{json, Value};

/// Every value that identifies the reporter or a staff member in the test data.
const SECRETS: &[&str] = &[
    "Sudarma",
    "5106011203850001",
    "Merdeka",
    "081234567890",
    "wayan@example.id",
    "Staff officer",
    "Staff lead",
    "Staff licensing",
    "licensing",
    "Catatan internal rahasia",
    "Mohon ditindaklanjuti",
];

fn assert_no_secret(body: &str) {
    for secret in SECRETS {
        assert!(
            !body.contains(secret),
            "public response leaks {secret:?}: {body}"
        );
    }
}

#[tokio::test]
async fn the_tracking_view_never_contains_pii_internal_notes_or_staff_names() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let id = receipt["id"].as_str().unwrap();
    let code = receipt["tracking_code"].as_str().unwrap();
    app.act_ok(
        &team.lead,
        id,
        "notes",
        json!({ "message": "Catatan internal rahasia" }),
    )
    .await;
    app.verify_as(&team.officer, id).await;
    app.disposition_as(&team.lead, id, "PELAYANAN").await;
    app.act_ok(&team.licensing, id, "start", json!({})).await;
    app.post(
        &format!("complaints/{id}/reporter-identity"),
        Some(&team.licensing),
        json!({ "reason": "Klarifikasi" }),
    )
    .await;
    app.resolve_as(&team.licensing, id).await;

    let response = app.get(&format!("track/{code}"), None).await;
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body = response.text().await.unwrap();
    assert_no_secret(&body);
    let view: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(view["status"], "resolved");
    let kinds: Vec<&str> = view["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "submitted",
            "verified",
            "dispositioned",
            "started",
            "resolved"
        ]
    );
    for event in view["timeline"].as_array().unwrap() {
        assert!(event.get("actor").is_none() && event.get("actor_id").is_none());
    }
    assert_eq!(
        view["timeline"][3]["actor_role"], "division_staff",
        "a role, not a person"
    );

    // The reporter's own actions answer with the same public view.
    let accepted = app
        .post(&format!("track/{code}/accept"), None, json!({}))
        .await
        .text()
        .await
        .unwrap();
    assert_no_secret(&accepted);
}

#[tokio::test]
async fn a_confidential_complaints_content_stays_out_of_the_tracking_view() {
    let app = spawn_app().await;
    let mut body = app.complaint_body().await;
    body["confidential"] = json!(true);
    body["subject"] = json!("Dugaan pungutan liar oleh petugas loket");
    let receipt: Value = app.submit_complaint(body).await.json().await.unwrap();
    let code = receipt["tracking_code"].as_str().unwrap();
    app.post(
        &format!("track/{code}/information"),
        None,
        json!({ "message": "Kejadian jam 10 pagi di loket 2" }),
    )
    .await;
    let view = app
        .get(&format!("track/{code}"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(!view.contains("pungutan liar"));
    assert!(!view.contains("loket 2"));
    assert!(view.contains("\"confidential\":true"));
}

#[tokio::test]
async fn unknown_and_malformed_codes_are_the_same_404() {
    let app = spawn_app().await;
    app.submit().await;
    let unknown = problem(app.get("track/2345-6789-ABCD", None).await, 404).await;
    let malformed = problem(app.get("track/' OR 1=1 --", None).await, 404).await;
    assert_eq!(unknown["detail"], malformed["detail"]);
}

#[tokio::test]
async fn codes_are_read_in_any_case_and_with_spaces() {
    let app = spawn_app().await;
    let receipt = app.submit().await;
    let code = receipt["tracking_code"].as_str().unwrap();
    let sloppy = code.to_lowercase().replace('-', " ");
    let view = app.track(&sloppy).await;
    assert_eq!(view["tracking_code"], code);
}
