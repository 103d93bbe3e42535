//! The audit log (b.7): sign-ins, staff actions, identity reveals, exports
//! and administration, read by supervisors and admins, changed by nobody.

use aduan_tests::{error_fields, problem, spawn_app, Session, TestApp, STAFF_PASSWORD};
use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{json, Value};

async fn log(app: &TestApp, session: &Session, query: &str) -> Value {
    let response = app.get(&format!("audit?{query}"), Some(session)).await;
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

fn actions(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn sign_ins_staff_actions_reveals_and_admin_changes_are_recorded() {
    let app = spawn_app().await;
    let team = app.team().await;
    let admin = &team.admin;

    // Sign-ins, failed ones with the name tried and never the password.
    assert_eq!(app.login("officer", "wrong-password-x").await.status(), 401);
    assert_eq!(app.login("nobody", "secret-guess-123").await.status(), 401);
    let failed = log(&app, admin, "action=sign_in_failed").await;
    let failed = failed["items"].as_array().unwrap();
    assert_eq!(failed.len(), 2);
    assert_eq!(
        failed[0]["details"],
        json!({ "username": "nobody", "reason": "unknown_user" })
    );
    assert_eq!(failed[0]["object_id"], Value::Null);
    assert_eq!(failed[1]["details"]["reason"], "wrong_password");
    assert_eq!(
        failed[1]["object_id"],
        team.officer.user_id.as_str(),
        "the account tried"
    );
    assert_eq!(failed[1]["actor"], Value::Null, "nobody was signed in");
    assert_eq!(failed[1]["ip"], "127.0.0.1");
    let everything = log(&app, admin, "limit=200").await.to_string();
    assert!(!everything.contains("wrong-password-x") && !everything.contains("secret-guess-123"));
    assert!(!everything.contains(STAFF_PASSWORD));
    let sign_ins = log(
        &app,
        admin,
        &format!("action=sign_in&actor_id={}", team.officer.user_id),
    )
    .await;
    assert_eq!(sign_ins["items"].as_array().unwrap().len(), 1);
    assert_eq!(sign_ins["items"][0]["actor"]["name"], "Staff officer");
    assert_eq!(sign_ins["items"][0]["actor_role"], "complaint_officer");

    // Staff lifecycle actions, in the same transaction as the action.
    let receipt = app.submit().await;
    let code = receipt["tracking_code"].as_str().unwrap();
    let id = receipt["id"].as_str().unwrap();
    app.verify_as(&team.officer, id).await;
    app.disposition_as(&team.lead, id, "PELAYANAN").await;
    app.act_ok(&team.licensing, id, "start", json!({})).await;
    app.act_ok(
        &team.supervisor,
        id,
        "notes",
        json!({ "message": "Pantau" }),
    )
    .await;
    app.resolve_as(&team.licensing, id).await;
    let reveal = app
        .post(
            &format!("complaints/{id}/reporter-identity"),
            Some(&team.officer),
            json!({ "reason": "Klarifikasi lewat telepon" }),
        )
        .await;
    assert_eq!(reveal.status(), 200);
    // The reporter's own actions are on the timeline, not in the audit log.
    let accepted = app
        .post(&format!("track/{code}/accept"), None, json!({}))
        .await;
    assert_eq!(accepted.status(), 200);

    let about = log(&app, admin, &format!("object_id={id}")).await;
    assert_eq!(
        actions(&about),
        [
            "identity_revealed",
            "resolve",
            "note",
            "start",
            "disposition",
            "verify"
        ],
        "newest first"
    );
    let items = about["items"].as_array().unwrap();
    assert!(items.iter().all(|e| e["object_type"] == "complaint"));
    let verify = &items[5];
    assert_eq!(verify["actor"]["id"], team.officer.user_id.as_str());
    assert_eq!(verify["details"]["from_status"], "received");
    assert_eq!(verify["details"]["to_status"], "verified");
    assert_eq!(verify["details"]["register_number"], "00001/ADUAN/2026");
    assert_eq!(
        items[4]["details"]["event"]["division"],
        "Bidang Pelayanan Perizinan dan Non Perizinan"
    );
    assert_eq!(items[0]["details"]["reason"], "Klarifikasi lewat telepon");
    assert_eq!(items[0]["actor_role"], "complaint_officer");

    // A refused change records nothing: the version is stale.
    let stale = app
        .request(
            Method::POST,
            &format!("complaints/{id}/archive"),
            Some(&team.lead),
        )
        .header("If-Match", "\"v1\"")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    problem(stale, 412).await;
    assert_eq!(
        log(&app, admin, &format!("object_id={id}")).await["items"]
            .as_array()
            .unwrap()
            .len(),
        6
    );

    // Staff intake is recorded too.
    let mut letter = app.complaint_body().await;
    letter["channel"] = json!("letter");
    let intake = app.post("intake", Some(&team.officer), letter).await;
    assert_eq!(intake.status(), 201);
    let intakes = log(&app, admin, "action=intake").await;
    assert_eq!(intakes["items"][0]["details"]["channel"], "letter");

    // Administration: what changed, as it is afterwards, never a password.
    let division = app.division_id("PENGADUAN").await;
    let renamed = app
        .patch(
            &format!("admin/divisions/{division}"),
            Some(admin),
            json!({ "name": "Bidang Pengaduan" }),
        )
        .await;
    assert_eq!(renamed.status(), 200);
    let reset = app
        .patch(
            &format!("admin/users/{}", team.licensing.user_id),
            Some(admin),
            json!({ "password": "a-brand-new-password" }),
        )
        .await;
    assert_eq!(reset.status(), 200);
    let changes = log(
        &app,
        admin,
        &format!("actor_id={}&object_id={division}", admin.user_id),
    )
    .await;
    assert_eq!(actions(&changes), ["division_updated"]);
    assert_eq!(
        changes["items"][0]["details"]["after"]["name"],
        "Bidang Pengaduan"
    );
    let user = log(&app, admin, "action=user_updated").await;
    assert_eq!(user["items"][0]["details"]["password_changed"], true);
    assert!(!user.to_string().contains("a-brand-new-password"));
    let created = log(&app, admin, "action=user_created").await;
    assert_eq!(
        created["items"].as_array().unwrap().len(),
        6,
        "the team of the test"
    );

    // Sign-out, and a refresh token used twice.
    let pair: Value = app
        .login("lead", STAFF_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let refresh = pair["refresh_token"].as_str().unwrap();
    let body = json!({ "refresh_token": refresh });
    assert_eq!(
        app.post("auth/refresh", None, body.clone()).await.status(),
        200
    );
    assert_eq!(
        app.post("auth/refresh", None, body.clone()).await.status(),
        401
    );
    assert_eq!(app.post("auth/logout", None, body).await.status(), 204);
    let security = log(&app, admin, &format!("object_id={}", team.lead.user_id)).await;
    let kinds = actions(&security);
    assert_eq!(&kinds[..3], ["sign_out", "token_reused", "sign_in"]);
    assert_eq!(
        security["items"][0]["actor"]["id"],
        team.lead.user_id.as_str()
    );
}

#[tokio::test]
async fn the_log_filters_by_day_and_pages_newest_first() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    // Five sign-ins on Tuesday 24 November, five on Wednesday 25.
    for day in ["2026-11-24", "2026-11-25"] {
        for minute in 0..5 {
            app.set_now(&format!("{day}T02:{minute:02}:00Z"));
            app.admin().await;
        }
    }
    let admin = app.sign_in_again(&admin).await;
    let tuesday = log(&app, &admin, "action=sign_in&from=2026-11-24&to=2026-11-24").await;
    assert_eq!(tuesday["items"].as_array().unwrap().len(), 5);
    assert!(tuesday["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["at"].as_str().unwrap().starts_with("2026-11-24")));
    let since = log(&app, &admin, "action=sign_in&from=2026-11-25").await;
    // The first sign-in at 10:00 WITA on the 25th, five more, and this one.
    assert_eq!(since["items"].as_array().unwrap().len(), 7);

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let query = match &cursor {
            Some(c) => format!("action=sign_in&limit=4&cursor={c}"),
            None => "action=sign_in&limit=4".to_string(),
        };
        let page = log(&app, &admin, &query).await;
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 4);
        seen.extend(items.iter().map(|e| {
            (
                e["at"].as_str().unwrap().to_string(),
                e["id"].as_str().unwrap().to_string(),
            )
        }));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 12, "every sign-in once");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(seen, sorted, "newest first, ties by id");

    for (query, field) in [
        ("action=sign_in_twice", "action"),
        ("from=2026-11-25&to=2026-11-24", "to"),
        ("from=25-11-2026", "from"),
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("cursor=not-a-cursor", "cursor"),
    ] {
        let p = problem(app.get(&format!("audit?{query}"), Some(&admin)).await, 422).await;
        assert_eq!(error_fields(&p), [field], "{query}");
    }
}

#[tokio::test]
async fn only_supervisors_and_admins_read_it_and_nobody_changes_it() {
    let app = spawn_app().await;
    let team = app.team().await;
    log(&app, &team.supervisor, "").await;
    log(&app, &team.admin, "").await;
    for session in [&team.lead, &team.officer, &team.operator, &team.licensing] {
        problem(app.get("audit", Some(session)).await, 403).await;
    }
    problem(app.get("audit", None).await, 401).await;
    // No method changes it ...
    for method in [Method::POST, Method::PATCH, Method::PUT, Method::DELETE] {
        let response = app
            .request(method.clone(), "audit", Some(&team.admin))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 405, "{method}");
        assert_eq!(response.headers()["allow"], "GET");
    }
    // ... and the database refuses to, whoever asks.
    let mut conn = app.state.db.conn().unwrap();
    let mut statements = vec![
        "UPDATE audit_log SET action = 'sign_out'",
        "UPDATE audit_log SET details = '{}' WHERE action = 'sign_in'",
        "DELETE FROM audit_log",
    ];
    if aduan_tests::backend() == aduan_tests::Backend::Postgres {
        statements.push("TRUNCATE audit_log");
    }
    for statement in statements {
        let refused = diesel::sql_query(statement).execute(&mut *conn);
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| e.to_string().contains("append-only")),
            "refused: {statement}: {refused:?}"
        );
    }
    let entries = log(&app, &team.admin, "limit=200").await;
    assert!(
        entries["items"].as_array().unwrap().len() >= 13,
        "nothing was removed"
    );
}
