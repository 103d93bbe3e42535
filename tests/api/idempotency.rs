//! A retried submission with the same Idempotency-Key creates nothing new.

use aduan_tests::{error_fields, problem, spawn_app};
use serde_json::Value;

#[tokio::test]
async fn a_retry_returns_the_first_receipt_and_creates_nothing() {
    let app = spawn_app().await;
    let body = app.complaint_body().await;
    let send = || {
        app.client
            .post(app.url("complaints"))
            .header("Idempotency-Key", "draft-7f3a")
            .json(&body)
            .send()
    };
    let first = send().await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let retry = send().await.unwrap();
    assert_eq!(retry.status(), 201);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let retry: Value = retry.json().await.unwrap();
    assert_eq!(first, retry);
    let admin = app.admin().await;
    let list: Value = app
        .get("complaints", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn concurrent_retries_create_one_complaint() {
    let app = spawn_app().await;
    let body = app.complaint_body().await;
    let attempts = (0..8).map(|_| {
        app.client
            .post(app.url("complaints"))
            .header("Idempotency-Key", "flaky-mobile-1")
            .json(&body)
            .send()
    });
    let responses = futures_util::future::join_all(attempts).await;
    let mut codes = Vec::new();
    for response in responses {
        let response = response.unwrap();
        assert_eq!(response.status(), 201);
        let receipt: Value = response.json().await.unwrap();
        codes.push(receipt["tracking_code"].as_str().unwrap().to_string());
    }
    codes.dedup();
    assert_eq!(codes.len(), 1, "every retry got the same complaint");
    let admin = app.admin().await;
    let list: Value = app
        .get("complaints", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_key_reused_for_another_submission_is_refused() {
    let app = spawn_app().await;
    let mut body = app.complaint_body().await;
    let send = |body: &Value| {
        app.client
            .post(app.url("complaints"))
            .header("Idempotency-Key", "same-key")
            .json(body)
            .send()
    };
    assert_eq!(send(&body).await.unwrap().status(), 201);
    body["subject"] = serde_json::json!("Subjek yang lain sama sekali");
    let p = problem(send(&body).await.unwrap(), 422).await;
    assert_eq!(error_fields(&p), ["Idempotency-Key"]);
}
