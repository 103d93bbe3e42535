//! Submitting online and keying in on the citizen's behalf.

use aduan_tests::{error_fields, problem, spawn_app};
use serde_json::{json, Value};

#[tokio::test]
async fn a_citizen_submits_a_complaint_and_gets_a_receipt() {
    let app = spawn_app().await;
    let response = app.submit_complaint(app.complaint_body().await).await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let receipt: Value = response.json().await.unwrap();
    let code = receipt["tracking_code"].as_str().unwrap();
    assert_eq!(location, format!("/api/v1/track/{code}"));
    assert_eq!(code.len(), 14, "XXXX-XXXX-XXXX");
    assert!(
        !code.contains(['0', 'O', '1', 'I', 'L', 'U']),
        "no ambiguous characters: {code}"
    );
    assert_eq!(receipt["register_number"], "00001/ADUAN/2026");
    assert_eq!(receipt["status"], "received");
    assert_eq!(receipt["channel"], "web");
    // Received Wednesday 25 Nov: verify within 3 working days, resolve within 14.
    assert_eq!(receipt["verification_due_on"], "2026-11-30");
    assert_eq!(receipt["resolution_due_on"], "2026-12-15");
    assert!(
        receipt.get("reporter").is_none(),
        "the receipt carries no identity"
    );
}

#[tokio::test]
async fn a_complaint_without_identity_or_address_is_refused_naming_the_fields() {
    let app = spawn_app().await;
    let mut body = app.complaint_body().await;
    body["reporter"] = json!({ "name": "Wayan" });
    let p = problem(app.submit_complaint(body).await, 422).await;
    assert_eq!(
        error_fields(&p),
        ["reporter.id_type", "reporter.id_number", "reporter.address"]
    );
    assert_eq!(p["type"], "urn:aduan:problem:validation");
}

#[tokio::test]
async fn a_suggestion_may_come_without_identity() {
    let app = spawn_app().await;
    let body = json!({
        "kind": "suggestion",
        "category_id": app.category_id("INFORMASI").await,
        "subject": "Tambah papan informasi",
        "description": "Mohon ditambah papan informasi alur perizinan di lobi.",
    });
    assert_eq!(app.submit_complaint(body).await.status(), 201);
}

#[tokio::test]
async fn a_bad_nik_and_many_bad_fields_are_reported_together() {
    let app = spawn_app().await;
    let mut body = app.complaint_body().await;
    body["reporter"]["id_number"] = json!("1234567890123456");
    body["reporter"]["email"] = json!("not-an-email");
    body["subject"] = json!("");
    body["incident_date"] = json!("2026-12-31");
    let p = problem(app.submit_complaint(body).await, 422).await;
    assert_eq!(
        error_fields(&p),
        [
            "subject",
            "incident_date",
            "reporter.id_number",
            "reporter.email"
        ]
    );
    let nik = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == "reporter.id_number")
        .unwrap();
    assert_eq!(nik["code"], "invalid_nik");
}

#[tokio::test]
async fn fields_the_system_decides_cannot_be_sent() {
    let app = spawn_app().await;
    for (field, value) in [
        ("status", json!("resolved")),
        ("register_number", json!("00001/ADUAN/2026")),
        ("division_id", json!("x")),
        ("tracking_code", json!("AAAA-BBBB-CCCC")),
    ] {
        let mut body = app.complaint_body().await;
        body[field] = value;
        let p = problem(app.submit_complaint(body).await, 422).await;
        assert_eq!(error_fields(&p), [field.to_string()], "{field}");
    }
}

#[tokio::test]
async fn malformed_json_and_wrong_media_types_are_problems() {
    let app = spawn_app().await;
    let bad = app
        .client
        .post(app.url("complaints"))
        .header("content-type", "application/json")
        .body("{\"kind\": ")
        .send()
        .await
        .unwrap();
    problem(bad, 400).await;
    let text = app
        .client
        .post(app.url("complaints"))
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    problem(text, 415).await;
    let mut body = app.complaint_body().await;
    body["category_id"] = json!("no-such-category");
    let p = problem(app.submit_complaint(body).await, 422).await;
    assert_eq!(error_fields(&p), ["category_id"]);
}

#[tokio::test]
async fn online_submissions_cannot_claim_manual_channels() {
    let app = spawn_app().await;
    let mut body = app.complaint_body().await;
    body["channel"] = json!("walk_in");
    let p = problem(app.submit_complaint(body).await, 422).await;
    assert_eq!(error_fields(&p), ["channel"]);
}

#[tokio::test]
async fn an_officer_keys_in_a_walk_in_complaint_with_its_receipt() {
    let app = spawn_app().await;
    let team = app.team().await;
    let mut body = app.complaint_body().await;
    body["channel"] = json!("walk_in");
    body["received_at"] = json!("2026-11-24T01:00:00Z");
    let response = app.post("intake", Some(&team.officer), body.clone()).await;
    assert_eq!(response.status(), 201);
    let receipt: Value = response.json().await.unwrap();
    assert_eq!(receipt["channel"], "walk_in");
    assert_eq!(receipt["received_at"], "2026-11-24T01:00:00Z");
    let detail = app
        .complaint(&team.officer, receipt["id"].as_str().unwrap())
        .await;
    assert_eq!(detail["channel"], "walk_in");

    // The IT operator takes online channels, not the counter.
    let refused = app.post("intake", Some(&team.operator), body.clone()).await;
    problem(refused, 403).await;
    body["channel"] = json!("whatsapp");
    assert_eq!(
        app.post("intake", Some(&team.operator), body.clone())
            .await
            .status(),
        201
    );
    // Division staff take no intake; citizens cannot use it.
    body["channel"] = json!("letter");
    problem(
        app.post("intake", Some(&team.licensing), body.clone())
            .await,
        403,
    )
    .await;
    problem(app.post("intake", None, body).await, 401).await;
}

#[tokio::test]
async fn an_sp4n_lapor_complaint_keeps_its_source_id_once() {
    let app = spawn_app().await;
    let team = app.team().await;
    let mut body = app.complaint_body().await;
    body["channel"] = json!("sp4n_lapor");
    body["external"] =
        json!({ "system": "sp4n_lapor", "id": "LAPOR-123456", "status": "Diproses" });
    let receipt: Value = app
        .post("intake", Some(&team.operator), body.clone())
        .await
        .json()
        .await
        .unwrap();
    let detail = app
        .complaint(&team.operator, receipt["id"].as_str().unwrap())
        .await;
    assert_eq!(detail["external"]["id"], "LAPOR-123456");
    assert_eq!(detail["external"]["status"], "Diproses");
    let p = problem(app.post("intake", Some(&team.operator), body).await, 422).await;
    assert_eq!(error_fields(&p), ["external.id"]);
}
