//! The citizen rates the handling (seed b.8); the satisfaction index sums it up.

use aduan_tests::{error_fields, problem, spawn_app, TestApp};
use serde_json::{json, Value};

fn scores(each: i64) -> Value {
    json!({
        "requirements": each, "procedure": each, "time": each, "cost": each,
        "result": each, "competence": each, "behaviour": each, "handling": each
    })
}

/// A complaint taken all the way to its answer; returns its tracking code.
async fn answered(app: &TestApp, team: &aduan_tests::Team) -> String {
    let receipt = app.submit().await;
    let id = receipt["id"].as_str().unwrap();
    app.verify_as(&team.officer, id).await;
    app.disposition_as(&team.lead, id, "PELAYANAN").await;
    app.act_ok(&team.licensing, id, "start", json!({})).await;
    app.resolve_as(&team.licensing, id).await;
    receipt["tracking_code"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn the_reporter_rates_once_after_the_answer_and_the_index_follows() {
    let app = spawn_app().await;
    let team = app.team().await;

    let early = app.submit().await;
    let too_early = app
        .post(
            &format!(
                "track/{}/evaluation",
                early["tracking_code"].as_str().unwrap()
            ),
            None,
            json!({ "scores": scores(4), "overall": 4 }),
        )
        .await;
    problem(too_early, 409).await;

    let first = answered(&app, &team).await;
    assert_eq!(app.track(&first).await["can_rate"], true);
    let rated = app
        .post(
            &format!("track/{first}/evaluation"),
            None,
            json!({ "scores": scores(4), "overall": 4, "comment": "Cepat dan ramah" }),
        )
        .await;
    assert_eq!(rated.status(), 200);
    let view: Value = rated.json().await.unwrap();
    assert_eq!(view["can_rate"], false);
    assert_eq!(
        view["timeline"].as_array().unwrap().last().unwrap()["kind"],
        "evaluated"
    );
    assert!(
        !view.to_string().contains("Cepat dan ramah"),
        "the comment is not on the public timeline"
    );
    let twice = app
        .post(
            &format!("track/{first}/evaluation"),
            None,
            json!({ "scores": scores(1), "overall": 1 }),
        )
        .await;
    problem(twice, 409).await;

    let second = answered(&app, &team).await;
    let mut mixed = scores(3);
    mixed["time"] = json!(2);
    app.post(
        &format!("track/{second}/evaluation"),
        None,
        json!({ "scores": mixed, "overall": 3 }),
    )
    .await;

    let report: Value = app
        .get(
            "reports/satisfaction?from=2026-11-01&to=2026-11-30",
            Some(&team.supervisor),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["responses"], 2);
    // Element means: 3.5 for seven elements, 3.0 for time: (24.5 + 3) / 8 × 25 = 85.94.
    assert_eq!(report["index"], 85.94);
    assert_eq!(report["grade"], "b");
    assert_eq!(report["overall_mean"], 3.5);
    let empty: Value = app
        .get(
            "reports/satisfaction?from=2026-10-01&to=2026-10-31",
            Some(&team.lead),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (empty["responses"].as_i64(), empty["index"].is_null()),
        (Some(0), true)
    );
    problem(
        app.get(
            "reports/satisfaction?from=2026-11-01&to=2026-11-30",
            Some(&team.licensing),
        )
        .await,
        403,
    )
    .await;
}

#[tokio::test]
async fn every_element_is_rated_on_the_one_to_four_scale() {
    let app = spawn_app().await;
    let team = app.team().await;
    let code = answered(&app, &team).await;
    let mut bad = scores(4);
    bad["time"] = json!(5);
    bad.as_object_mut().unwrap().remove("cost");
    let p = problem(
        app.post(
            &format!("track/{code}/evaluation"),
            None,
            json!({ "scores": bad, "overall": 0 }),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(error_fields(&p), ["scores.time", "scores.cost", "overall"]);
}
