//! The timeline records who did what, and the database refuses to rewrite it.

use aduan_tests::spawn_app;
use diesel::RunQueryDsl;
use serde_json::Value;

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_events() {
    let app = spawn_app().await;
    app.submit().await;
    let mut conn = app.state.db.conn().unwrap();
    for statement in [
        "UPDATE complaint_events SET message = 'rewritten'",
        "DELETE FROM complaint_events",
    ] {
        let refused = diesel::sql_query(statement).execute(&mut *conn);
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| e.to_string().contains("append-only")),
            "refused: {statement}: {refused:?}"
        );
    }
}

#[tokio::test]
async fn every_action_is_an_event_with_actor_time_and_states() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let id = receipt["id"].as_str().unwrap();
    app.verify_as(&team.officer, id).await;
    app.act_ok(
        &team.lead,
        id,
        "notes",
        serde_json::json!({ "message": "Cek berkas OSS" }),
    )
    .await;
    app.disposition_as(&team.lead, id, "PELAYANAN").await;
    let events: Value = app
        .get(&format!("complaints/{id}/events"), Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    let events = events.as_array().unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["submitted", "verified", "note", "dispositioned"]);
    assert_eq!(events[0]["actor_kind"], "reporter");
    assert_eq!(events[1]["actor"]["name"], "Staff officer");
    assert_eq!(events[1]["actor_role"], "complaint_officer");
    assert_eq!(events[1]["from_status"], "received");
    assert_eq!(events[1]["to_status"], "verified");
    assert_eq!(events[2]["visibility"], "internal");
    assert_eq!(events[2]["message_visibility"], "internal");
    // The citizen sees that it went to a division, not the instruction.
    assert_eq!(events[3]["visibility"], "public");
    assert_eq!(events[3]["message_visibility"], "internal");
    let seqs: Vec<i64> = events.iter().map(|e| e["seq"].as_i64().unwrap()).collect();
    assert_eq!(seqs, [1, 2, 3, 4]);
}
