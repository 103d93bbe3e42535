//! Every path of the lifecycle (seed a.2), end to end over HTTP.

use aduan_tests::{error_fields, file_part, json_part, problem, spawn_app, PDF};
use reqwest::multipart::Form;
use serde_json::{json, Value};

fn id_of(receipt: &Value) -> String {
    receipt["id"].as_str().unwrap().to_string()
}

fn code_of(receipt: &Value) -> String {
    receipt["tracking_code"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn received_verified_dispositioned_handled_resolved_accepted_archived() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let (id, code) = (id_of(&receipt), code_of(&receipt));

    let verified = app.verify_as(&team.officer, &id).await;
    assert_eq!(verified["status"], "verified");
    assert_eq!(
        verified["requirements"],
        json!({ "identity": true, "address": true, "evidence": true })
    );

    let dispositioned = app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    assert_eq!(dispositioned["status"], "dispositioned");
    assert_eq!(
        dispositioned["division"]["name"],
        "Bidang Pelayanan Perizinan dan Non Perizinan"
    );

    let started = app.act_ok(&team.licensing, &id, "start", json!({})).await;
    assert_eq!(started["status"], "in_progress");
    let resolved = app.resolve_as(&team.licensing, &id).await;
    assert_eq!(resolved["status"], "resolved");
    assert_eq!(
        resolved["sla"]["state"],
        Value::Null,
        "waiting for the reporter"
    );
    assert_eq!(resolved["sla"]["reporter_due_on"], "2026-12-09");

    let tracked = app.track(&code).await;
    assert_eq!(
        tracked["resolution"],
        "PBG Anda telah terbit dan dapat diunduh di OSS."
    );
    assert_eq!(tracked["can_evaluate"], true);
    let accepted = app
        .post(&format!("track/{code}/accept"), None, json!({}))
        .await;
    assert_eq!(accepted.status(), 200);
    assert_eq!(app.track(&code).await["status"], "closed");

    let archived = app.act_ok(&team.lead, &id, "archive", json!({})).await;
    assert_eq!(archived["status"], "archived");
    assert!(archived["archived_at"].is_string());
    let kinds: Vec<String> = app.track(&code).await["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        [
            "submitted",
            "verified",
            "dispositioned",
            "started",
            "resolved",
            "accepted",
            "archived"
        ]
    );
}

#[tokio::test]
async fn needs_info_pauses_the_clock_until_the_reporter_answers_with_files() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let (id, code) = (id_of(&receipt), code_of(&receipt));
    assert_eq!(receipt["verification_due_on"], "2026-11-30");

    let asked = app
        .act_ok(
            &team.officer,
            &id,
            "request-info",
            json!({ "message": "Mohon lampirkan foto KTP." }),
        )
        .await;
    assert_eq!(asked["status"], "needs_info");
    assert_eq!(asked["sla"]["state"], Value::Null, "the clock stands still");
    assert_eq!(asked["sla"]["reporter_due_on"], "2026-12-09");
    let tracked = app.track(&code).await;
    assert_eq!(tracked["can_add_information"], true);
    assert_eq!(
        tracked["timeline"][1]["message"],
        "Mohon lampirkan foto KTP."
    );

    // The reporter answers three working days later (Monday 30 Nov).
    app.set_now("2026-11-30T03:00:00Z");
    let officer = app.sign_in_again(&team.officer).await;
    let form = Form::new()
        .part(
            "information",
            json_part(&json!({ "message": "Berikut foto KTP saya." })),
        )
        .part("files", file_part(PDF, "ktp.pdf"));
    let answered = app
        .post_form(&format!("track/{code}/information"), form)
        .await;
    assert_eq!(answered.status(), 200);
    let answered: Value = answered.json().await.unwrap();
    assert_eq!(answered["status"], "received");
    assert_eq!(answered["attachment_count"], 1);
    // Three working days of waiting do not count: due three days later.
    assert_eq!(answered["sla"]["paused_days"], 3);
    assert_eq!(answered["sla"]["verification_due_on"], "2026-12-03");
    assert_eq!(answered["sla"]["resolution_due_on"], "2026-12-18");
    app.verify_as(&officer, &id).await;
}

#[tokio::test]
async fn needs_info_without_an_answer_is_rejected_as_incomplete() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let id = id_of(&receipt);
    app.act_ok(
        &team.operator,
        &id,
        "request-info",
        json!({ "message": "Mohon lengkapi alamat." }),
    )
    .await;
    app.set_now("2026-12-10T02:00:00Z");
    let mut team = team;
    team.sign_in_again(&app).await;
    let rejected = app
        .act_ok(
            &team.operator,
            &id,
            "reject",
            json!({ "reason": "incomplete", "message": "Tidak ada jawaban dalam 10 hari kerja." }),
        )
        .await;
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["rejection_reason"], "incomplete");
    let tracked = app.track(&code_of(&receipt)).await;
    assert_eq!(tracked["rejection_reason"], "incomplete");
    assert_eq!(tracked["can_add_information"], false);
    let late = app
        .post(
            &format!("track/{}/information", code_of(&receipt)),
            None,
            json!({ "message": "Maaf terlambat" }),
        )
        .await;
    problem(late, 409).await;
    assert_eq!(
        app.act_ok(&team.lead, &id, "archive", json!({})).await["status"],
        "archived"
    );
}

#[tokio::test]
async fn rejections_carry_their_reason_and_a_duplicate_names_the_original() {
    let app = spawn_app().await;
    let team = app.team().await;
    let original = app.submit().await;
    let copy = app.submit().await;
    let id = id_of(&copy);

    let missing = app
        .act(
            &team.lead,
            &id,
            "reject",
            json!({ "reason": "duplicate", "message": "Sudah dilaporkan." }),
        )
        .await;
    assert_eq!(error_fields(&problem(missing, 422).await), ["duplicate_of"]);

    let rejected = app
        .act_ok(
            &team.lead,
            &id,
            "reject",
            json!({ "reason": "duplicate", "message": "Sudah dilaporkan.", "duplicate_of": code_of(&original) }),
        )
        .await;
    assert_eq!(rejected["duplicate_of"], id_of(&original));

    let other = app.submit().await;
    let outside = app
        .act_ok(
            &team.officer,
            &id_of(&other),
            "reject",
            json!({ "reason": "outside_authority", "message": "Silakan ke Dinas PUPR." }),
        )
        .await;
    assert_eq!(outside["rejection_reason"], "outside_authority");
    let tracked = app.track(&code_of(&other)).await;
    assert_eq!(tracked["timeline"][1]["message"], "Silakan ke Dinas PUPR.");
}

#[tokio::test]
async fn a_disputed_answer_reopens_and_an_unanswered_one_closes_after_the_window() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let (id, code) = (id_of(&receipt), code_of(&receipt));
    app.verify_as(&team.officer, &id).await;
    app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    app.act_ok(&team.licensing, &id, "start", json!({})).await;
    app.resolve_as(&team.licensing, &id).await;

    let early_close = app.act(&team.lead, &id, "close", json!({})).await;
    assert!(problem(early_close, 409).await["detail"]
        .as_str()
        .unwrap()
        .contains("2026-12-09"));

    app.set_now("2026-11-27T02:00:00Z");
    let mut team = team;
    team.sign_in_again(&app).await;
    let disputed = app
        .post(
            &format!("track/{code}/dispute"),
            None,
            json!({ "reason": "PBG belum bisa diunduh." }),
        )
        .await;
    assert_eq!(disputed.status(), 200);
    let reopened = app.complaint(&team.lead, &id).await;
    assert_eq!(reopened["status"], "in_progress");
    assert_eq!(
        reopened["sla"]["paused_days"], 2,
        "the evaluation wait does not count"
    );

    app.resolve_as(&team.licensing, &id).await;
    app.set_now("2026-12-14T02:00:00Z");
    team.sign_in_again(&app).await;
    let late = app
        .post(
            &format!("track/{code}/dispute"),
            None,
            json!({ "reason": "Masih belum." }),
        )
        .await;
    problem(late, 409).await;
    let closed = app.act_ok(&team.lead, &id, "close", json!({})).await;
    assert_eq!(closed["status"], "closed");
}

#[tokio::test]
async fn a_complaint_is_verified_only_when_every_requirement_is_met() {
    let app = spawn_app().await;
    let team = app.team().await;
    let id = id_of(&app.submit().await);
    let refused = app
        .act(
            &team.officer,
            &id,
            "verify",
            json!({ "requirements": { "identity": true, "address": true, "evidence": false } }),
        )
        .await;
    assert_eq!(error_fields(&problem(refused, 422).await), ["requirements"]);
    assert_eq!(
        app.complaint(&team.officer, &id).await["status"],
        "received"
    );
}

#[tokio::test]
async fn verification_can_move_a_complaint_to_its_right_category() {
    let app = spawn_app().await;
    let team = app.team().await;
    let id = id_of(&app.submit().await);
    let category = app.category_id("PENGAWASAN").await;
    let verified = app
        .act_ok(
            &team.officer,
            &id,
            "verify",
            json!({ "requirements": { "identity": true, "address": true, "evidence": true }, "category_id": category }),
        )
        .await;
    assert_eq!(verified["category"]["id"], category);
    assert_eq!(verified["sla"]["target_days"], 30);
}

#[tokio::test]
async fn targets_extend_with_a_reason_but_never_past_sixty_working_days() {
    let app = spawn_app().await;
    let team = app.team().await;
    let id = id_of(&app.submit().await);
    app.verify_as(&team.officer, &id).await;
    let extended = app
        .act_ok(
            &team.lead,
            &id,
            "extend",
            json!({ "days": 10, "reason": "Menunggu rapat koordinasi." }),
        )
        .await;
    assert_eq!(extended["sla"]["extension_days"], 10);
    assert_eq!(extended["sla"]["resolution_due_on"], "2026-12-31");
    let too_far = app
        .act(
            &team.supervisor,
            &id,
            "extend",
            json!({ "days": 37, "reason": "Terlalu lama sekali." }),
        )
        .await;
    assert_eq!(error_fields(&problem(too_far, 422).await), ["days"]);
    let no_reason = app
        .act(
            &team.lead,
            &id,
            "extend",
            json!({ "days": 2, "reason": "" }),
        )
        .await;
    assert_eq!(error_fields(&problem(no_reason, 422).await), ["reason"]);
}

#[tokio::test]
async fn actions_out_of_order_are_conflicts() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let id = id_of(&receipt);
    problem(app.act(&team.lead, &id, "start", json!({})).await, 409).await;
    problem(
        app.act(
            &team.lead,
            &id,
            "resolve",
            json!({ "answer": "Sudah selesai semuanya." }),
        )
        .await,
        409,
    )
    .await;
    problem(app.act(&team.lead, &id, "archive", json!({})).await, 409).await;
    let accept = app
        .post(
            &format!("track/{}/accept", code_of(&receipt)),
            None,
            json!({}),
        )
        .await;
    problem(accept, 409).await;
}

#[tokio::test]
async fn a_resolution_needs_a_public_answer() {
    let app = spawn_app().await;
    let team = app.team().await;
    let id = id_of(&app.submit().await);
    app.verify_as(&team.officer, &id).await;
    app.disposition_as(&team.lead, &id, "PELAYANAN").await;
    app.act_ok(&team.licensing, &id, "start", json!({})).await;
    let empty = app
        .act(&team.licensing, &id, "resolve", json!({ "answer": "  " }))
        .await;
    assert_eq!(error_fields(&problem(empty, 422).await), ["answer"]);
}

#[tokio::test]
async fn public_replies_reach_the_reporter_and_notes_do_not() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let id = id_of(&receipt);
    app.act_ok(
        &team.officer,
        &id,
        "replies",
        json!({ "message": "Terima kasih, sedang kami periksa." }),
    )
    .await;
    app.act_ok(
        &team.officer,
        &id,
        "notes",
        json!({ "message": "Pelapor ini sering melapor." }),
    )
    .await;
    let tracked = app.track(&code_of(&receipt)).await;
    let text = tracked.to_string();
    assert!(text.contains("Terima kasih, sedang kami periksa."));
    assert!(!text.contains("sering melapor"));
    // Replies and notes append without needing the version.
    let unversioned = app
        .post(
            &format!("complaints/{id}/notes"),
            Some(&team.lead),
            json!({ "message": "Tanpa versi" }),
        )
        .await;
    assert_eq!(unversioned.status(), 200);
}

#[tokio::test]
async fn a_handler_is_named_within_the_division_and_finds_it_in_their_queue() {
    let app = spawn_app().await;
    let team = app.team().await;
    let id = id_of(&app.submit().await);
    app.verify_as(&team.officer, &id).await;
    let division = app.division_id("PELAYANAN").await;
    let wrong = app
        .act(
            &team.lead,
            &id,
            "disposition",
            json!({ "division_id": division, "assignee_id": team.investment.user_id }),
        )
        .await;
    assert_eq!(error_fields(&problem(wrong, 422).await), ["assignee_id"]);
    let assigned = app
        .act_ok(
            &team.lead,
            &id,
            "disposition",
            json!({ "division_id": division, "assignee_id": team.licensing.user_id }),
        )
        .await;
    assert_eq!(assigned["assignee"]["id"], team.licensing.user_id);
    let mine: Value = app
        .get("complaints?assignee_id=me", Some(&team.licensing))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"][0]["id"], id);
    let theirs: Value = app
        .get("complaints?assignee_id=me", Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    assert!(theirs["items"].as_array().unwrap().is_empty());

    // Handing it on to another division takes it out of the first one's sight.
    let other = app.division_id("PENANAMAN-MODAL").await;
    app.act_ok(
        &team.lead,
        &id,
        "disposition",
        json!({ "division_id": other }),
    )
    .await;
    problem(
        app.get(&format!("complaints/{id}"), Some(&team.licensing))
            .await,
        404,
    )
    .await;
    assert_eq!(
        app.complaint(&team.investment, &id).await["assignee"],
        Value::Null
    );
}
