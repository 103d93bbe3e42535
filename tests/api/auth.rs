//! Sign-in, rotating refresh tokens, sign-out, and token checks.

use aduan_tests::{problem, spawn_app, ADMIN_PASSWORD};
use base64::Engine;
use serde_json::{json, Value};

#[tokio::test]
async fn sign_in_gives_a_short_lived_token_and_me_answers() {
    let app = spawn_app().await;
    let response = app.login("admin", ADMIN_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let pair: Value = response.json().await.unwrap();
    assert_eq!(pair["token_type"], "Bearer");
    assert_eq!(pair["access_token_expires_at"], "2026-11-25T02:15:00Z");
    let me: Value = app
        .client
        .get(app.url("auth/me"))
        .bearer_auth(pair["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["username"], "admin");
    assert_eq!(me["role"], "admin");
}

#[tokio::test]
async fn wrong_passwords_and_unknown_users_get_the_same_401() {
    let app = spawn_app().await;
    let wrong = problem(app.login("admin", "not the password").await, 401).await;
    let unknown = problem(app.login("nobody", "not the password").await, 401).await;
    assert_eq!(wrong["detail"], unknown["detail"]);
}

#[tokio::test]
async fn a_refresh_token_rotates_and_its_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let first: Value = app
        .login("admin", ADMIN_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let old = first["refresh_token"].as_str().unwrap().to_string();
    let second: Value = app
        .post("auth/refresh", None, json!({ "refresh_token": old }))
        .await
        .json()
        .await
        .unwrap();
    let newer = second["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(old, newer);
    // The old token again: stolen or replayed. The whole sign-in ends.
    problem(
        app.post("auth/refresh", None, json!({ "refresh_token": old }))
            .await,
        401,
    )
    .await;
    problem(
        app.post("auth/refresh", None, json!({ "refresh_token": newer }))
            .await,
        401,
    )
    .await;
}

#[tokio::test]
async fn sign_out_ends_the_refresh_token() {
    let app = spawn_app().await;
    let pair: Value = app
        .login("admin", ADMIN_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let token = pair["refresh_token"].as_str().unwrap();
    assert_eq!(
        app.post("auth/logout", None, json!({ "refresh_token": token }))
            .await
            .status(),
        204
    );
    problem(
        app.post("auth/refresh", None, json!({ "refresh_token": token }))
            .await,
        401,
    )
    .await;
}

#[tokio::test]
async fn expired_forged_and_unsigned_tokens_are_refused() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let me = |token: String| app.client.get(app.url("auth/me")).bearer_auth(token).send();
    assert_eq!(me(admin.token.clone()).await.unwrap().status(), 200);

    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let payload = admin.token.split('.').nth(1).unwrap();
    let unsigned = format!(
        "{}.{}.",
        engine.encode(br#"{"alg":"none","typ":"JWT"}"#),
        payload
    );
    problem(me(unsigned).await.unwrap(), 401).await;
    let mut forged = admin.token.clone();
    forged.pop();
    forged.push(if admin.token.ends_with('A') { 'B' } else { 'A' });
    problem(me(forged).await.unwrap(), 401).await;

    app.set_now("2026-11-25T02:16:00Z");
    problem(me(admin.token.clone()).await.unwrap(), 401).await;
    app.set_now("2026-11-25T01:00:00Z");
    problem(me(admin.token).await.unwrap(), 401).await;
}

#[tokio::test]
async fn a_deactivated_user_is_signed_out_at_once() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let officer = app.create_staff("officer", "complaint_officer", None).await;
    let off = app
        .patch(
            &format!("admin/users/{}", officer.user_id),
            Some(&admin),
            json!({ "active": false }),
        )
        .await;
    assert_eq!(off.status(), 200);
    problem(app.get("auth/me", Some(&officer)).await, 401).await;
    problem(app.login("officer", aduan_tests::STAFF_PASSWORD).await, 401).await;
}
