//! Public transparency (seed b.7): a year in figures for anyone, aggregates
//! only, cached, with an ETag.

use aduan_tests::{error_fields, problem, spawn_app, Team, TestApp};
use reqwest::Response;
use serde_json::{json, Value};

fn scores(each: i64) -> Value {
    json!({
        "requirements": each, "procedure": each, "time": each, "cost": each,
        "result": each, "competence": each, "behaviour": each, "handling": each
    })
}

/// A complaint by a named reporter, answered the same day; returns its
/// tracking code and id.
async fn answered(app: &TestApp, team: &Team, n: usize) -> (String, String) {
    let mut body = app.complaint_body().await;
    body["subject"] = json!(format!("Subjek rahasia nomor {n}"));
    body["reporter"]["name"] = json!(format!("Pelapor Nomor {n}"));
    body["reporter"]["email"] = json!(format!("pelapor{n}@example.id"));
    let receipt: Value = app.submit_complaint(body).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap().to_string();
    app.verify_as(&team.officer, &id).await;
    app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    app.act_ok(&team.licensing, &id, "start", json!({})).await;
    app.resolve_as(&team.licensing, &id).await;
    (receipt["tracking_code"].as_str().unwrap().to_string(), id)
}

async fn rate(app: &TestApp, code: &str) {
    let response = app
        .post(
            &format!("track/{code}/evaluation"),
            None,
            json!({ "scores": scores(4), "overall": 4 }),
        )
        .await;
    assert_eq!(response.status(), 200);
}

async fn figures(app: &TestApp, if_none_match: Option<&str>) -> Response {
    let mut request = app.client.get(app.url("transparency?year=2026"));
    if let Some(tag) = if_none_match {
        request = request.header("If-None-Match", tag);
    }
    request.send().await.unwrap()
}

fn etag(response: &Response) -> String {
    response.headers()["etag"].to_str().unwrap().to_string()
}

/// Every key of a JSON document, however deep.
fn keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                out.push(key.clone());
                keys(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_year_in_figures_without_personal_data_cached_with_an_etag() {
    let app = spawn_app().await;
    let team = app.team().await;
    let mut filed = Vec::new();
    for n in 1..=5 {
        filed.push(answered(&app, &team, n).await);
    }
    for (code, _) in &filed[..4] {
        rate(&app, code).await;
    }

    let first = figures(&app, None).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "public, max-age=300");
    assert_eq!(first.headers()["content-type"], "application/json");
    let tag = etag(&first);
    let text = first.text().await.unwrap();
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["year"], 2026);
    assert_eq!(
        (
            report["received"].as_i64(),
            report["answered"].as_i64(),
            report["finished"].as_i64()
        ),
        (Some(5), Some(5), Some(5))
    );
    let november = &report["by_month"][10];
    assert_eq!(
        *november,
        json!({ "month": "2026-11", "received": 5, "finished": 5 })
    );
    assert_eq!(
        report["by_month"].as_array().unwrap().len(),
        11,
        "January to November: no empty months ahead of today"
    );
    let last_year: Value = app
        .client
        .get(app.url("transparency?year=2025"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(last_year["by_month"].as_array().unwrap().len(), 12);
    assert_eq!(last_year["received"], 0);
    assert_eq!(
        report["by_category"],
        json!([{ "category": "Perizinan berusaha", "count": 5 }])
    );
    assert_eq!(
        report["by_channel"],
        json!([{ "channel": "web", "count": 5 }])
    );
    assert_eq!(
        report["answered_on_time"],
        json!({ "count": 5, "of": 5, "percent": 100.0 })
    );
    assert_eq!(
        report["median_days_to_resolve"], 0,
        "answered the day they came"
    );
    // Four ratings: too few to publish an index that would show what they said.
    assert_eq!(
        report["satisfaction"],
        json!({ "responses": 4, "index": null, "grade": null })
    );

    // Aggregates only: no reporter, subject, code, staff or id anywhere.
    let mut private: Vec<String> = vec![
        "Sudarma".into(),
        "5106011203850001".into(),
        "081234567890".into(),
        "Merdeka".into(),
        "Staff licensing".into(),
        team.licensing.user_id.clone(),
    ];
    for (n, (code, id)) in filed.iter().enumerate() {
        private.extend([
            format!("Pelapor Nomor {}", n + 1),
            format!("pelapor{}@example.id", n + 1),
            format!("Subjek rahasia nomor {}", n + 1),
            code.clone(),
            id.clone(),
        ]);
    }
    for value in &private {
        assert!(
            !text.contains(value.as_str()),
            "the public figures show {value}"
        );
    }
    let mut all_keys = Vec::new();
    keys(&report, &mut all_keys);
    assert!(
        all_keys
            .iter()
            .all(|k| k != "id" && !k.ends_with("_id") && k != "name"),
        "no ids or names: {all_keys:?}"
    );

    // A client with the current copy gets 304 and no body.
    let again = figures(&app, Some(&tag)).await;
    assert_eq!(again.status(), 304);
    assert_eq!(etag(&again), tag);
    assert_eq!(again.headers()["cache-control"], "public, max-age=300");
    assert!(again.bytes().await.unwrap().is_empty());
    assert_eq!(figures(&app, Some("\"other\"")).await.status(), 200);

    // Within five minutes the figures are served from memory, unchanged ...
    rate(&app, &filed[4].0).await;
    let cached = figures(&app, Some(&tag)).await;
    assert_eq!(cached.status(), 304, "still the cached figures");
    // ... and computed again after.
    app.set_now("2026-11-25T02:05:00Z");
    let fresh = figures(&app, Some(&tag)).await;
    assert_eq!(fresh.status(), 200);
    assert_ne!(etag(&fresh), tag);
    let report: Value = fresh.json().await.unwrap();
    assert_eq!(
        report["satisfaction"],
        json!({ "responses": 5, "index": 100.0, "grade": "a" })
    );
}

#[tokio::test]
async fn any_year_from_2000_to_2100_and_nothing_else() {
    let app = spawn_app().await;
    let empty: Value = app
        .get("transparency?year=2025", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (empty["year"].as_i64(), empty["received"].as_i64()),
        (Some(2025), Some(0))
    );
    assert_eq!(empty["answered_on_time"]["percent"], Value::Null);
    assert_eq!(empty["median_days_to_resolve"], Value::Null);
    let this_year: Value = app.get("transparency", None).await.json().await.unwrap();
    assert_eq!(this_year["year"], 2026);
    for year in ["1999", "2101", "tahun ini"] {
        let p = problem(
            app.get(&format!("transparency?year={year}"), None).await,
            422,
        )
        .await;
        assert_eq!(error_fields(&p), ["year"], "{year}");
    }
}
