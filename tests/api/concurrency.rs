//! Concurrent submissions and concurrent edits: no duplicate or missing
//! register number, no silent overwrite.

use aduan_tests::{problem, spawn_app};
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn concurrent_submissions_get_consecutive_register_numbers() {
    let app = spawn_app().await;
    let body = app.complaint_body().await;
    let submissions = (0..24).map(|_| app.client.post(app.url("complaints")).json(&body).send());
    let mut numbers = Vec::new();
    for response in futures_util::future::join_all(submissions).await {
        let response = response.unwrap();
        assert_eq!(response.status(), 201);
        let receipt: Value = response.json().await.unwrap();
        numbers.push(receipt["register_number"].as_str().unwrap().to_string());
    }
    numbers.sort();
    let expected: Vec<String> = (1..=24).map(|n| format!("{n:05}/ADUAN/2026")).collect();
    assert_eq!(numbers, expected, "no gap, no duplicate");
}

#[tokio::test]
async fn register_numbers_restart_each_year() {
    let app = spawn_app().await;
    app.submit().await;
    app.set_now("2027-01-04T01:00:00Z");
    let receipt = app.submit().await;
    assert_eq!(receipt["register_number"], "00001/ADUAN/2027");
}

#[tokio::test]
async fn a_stale_if_match_gets_412_and_a_stale_version_409() {
    let app = spawn_app().await;
    let team = app.team().await;
    let id = app.submit().await["id"].as_str().unwrap().to_string();
    let read = app.get(&format!("complaints/{id}"), Some(&team.lead)).await;
    let etag = read.headers()["etag"].to_str().unwrap().to_string();
    assert_eq!(etag, "\"v1\"");

    // Someone else verifies first.
    app.verify_as(&team.officer, &id).await;

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
    let p = problem(stale, 412).await;
    assert_eq!(p["current_version"], 2);

    let stale_body = app
        .post(
            &format!("complaints/{id}/reject"),
            Some(&team.lead),
            json!({ "version": 1, "reason": "not_relevant", "message": "Bukan kewenangan kami" }),
        )
        .await;
    problem(stale_body, 409).await;

    let unversioned = app
        .post(
            &format!("complaints/{id}/reject"),
            Some(&team.lead),
            json!({ "reason": "not_relevant", "message": "Bukan kewenangan kami" }),
        )
        .await;
    problem(unversioned, 428).await;
    assert_eq!(
        app.complaint(&team.lead, &id).await["status"],
        "verified",
        "nothing overwritten"
    );
}

#[tokio::test]
async fn of_two_concurrent_changes_to_one_version_exactly_one_wins() {
    let app = spawn_app().await;
    let team = app.team().await;
    let id = app.submit().await["id"].as_str().unwrap().to_string();
    let verify = app
        .request(
            Method::POST,
            &format!("complaints/{id}/verify"),
            Some(&team.officer),
        )
        .header("If-Match", "\"v1\"")
        .json(&json!({ "requirements": { "identity": true, "address": true, "evidence": true } }))
        .send();
    let reject = app
        .request(
            Method::POST,
            &format!("complaints/{id}/reject"),
            Some(&team.lead),
        )
        .header("If-Match", "\"v1\"")
        .json(&json!({ "reason": "not_relevant", "message": "Bukan kewenangan kami" }))
        .send();
    let (a, b) = tokio::join!(verify, reject);
    let mut statuses = [a.unwrap().status().as_u16(), b.unwrap().status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 412]);
    let events: Value = app
        .get(&format!("complaints/{id}/events"), Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        events.as_array().unwrap().len(),
        2,
        "one submission, one change"
    );
}

#[tokio::test]
async fn replicas_starting_together_migrate_and_seed_once() {
    use aduan::clock::Clock;
    use aduan::config::Config;
    use aduan::startup::Application;
    let db = aduan_tests::FreshDatabase::new(aduan_tests::backend());
    let config = || {
        let (url, dir) = (db.url.clone(), db.data_dir().to_string_lossy().into_owned());
        Config::from_lookup(move |name| match name {
            "DATABASE_URL" => Some(url.clone()),
            "ADUAN_DATA_DIR" => Some(dir.clone()),
            "ADUAN_BIND" => Some("127.0.0.1:0".into()),
            "ADUAN_ADMIN_PASSWORD" => Some(aduan_tests::ADMIN_PASSWORD.into()),
            "ADUAN_WORKERS" => Some("1".into()),
            _ => None,
        })
        .unwrap()
    };
    let clock = Clock::fixed(aduan_tests::DEFAULT_NOW.parse().unwrap());
    let (a, b) = tokio::join!(
        Application::build(config(), clock.clone()),
        Application::build(config(), clock.clone())
    );
    let (a, b) = (
        a.expect("first replica starts"),
        b.expect("second replica starts"),
    );
    let ports = [a.port(), b.port()];
    tokio::spawn(a.run_until_stopped());
    tokio::spawn(b.run_until_stopped());
    let client = reqwest::Client::new();
    for port in ports {
        let login = client
            .post(format!("http://127.0.0.1:{port}/api/v1/auth/login"))
            .json(&json!({ "username": "admin", "password": aduan_tests::ADMIN_PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            login.status(),
            200,
            "both replicas share one admin and one signing secret"
        );
        let token = login.json::<Value>().await.unwrap()["access_token"]
            .as_str()
            .unwrap()
            .to_string();
        let other = ports.iter().find(|p| **p != port).unwrap();
        let users: Value = client
            .get(format!("http://127.0.0.1:{other}/api/v1/admin/users"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            users.as_array().unwrap().len(),
            1,
            "a token of one replica works on the other"
        );
    }
    let categories: Value = client
        .get(format!("http://127.0.0.1:{}/api/v1/categories", ports[0]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(categories.as_array().unwrap().len(), 7, "seeded once");
}
