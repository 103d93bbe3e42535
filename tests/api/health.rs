use aduan_tests::{problem, spawn_app};

#[tokio::test]
async fn healthz_and_readyz_answer() {
    let app = spawn_app().await;
    let live = app.get("/healthz", None).await;
    assert_eq!(live.status(), 200);
    assert!(
        live.headers().contains_key("x-request-id"),
        "every response carries its request id"
    );
    let ready: serde_json::Value = app.get("/readyz", None).await.json().await.unwrap();
    assert_eq!(ready["status"], "ready");
}

#[tokio::test]
async fn an_incoming_request_id_is_kept_and_unknown_routes_are_problems() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("nothing-here"))
        .header("x-request-id", "lb-1234")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "lb-1234");
    let body = problem(response, 404).await;
    assert_eq!(body["request_id"], "lb-1234");
}

#[tokio::test]
async fn swagger_ui_is_served_offline() {
    let app = spawn_app().await;
    let page = app.get("/api/docs/", None).await;
    assert_eq!(page.status(), 200);
    assert!(
        page.text().await.unwrap().contains("swagger"),
        "the vendored Swagger UI"
    );
    let spec: serde_json::Value = app
        .get("/api/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
}

#[tokio::test]
async fn a_known_path_with_another_method_is_405_with_allow() {
    let app = spawn_app().await;
    let response = app
        .request(reqwest::Method::DELETE, "complaints", None)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["allow"], "GET, POST");
    problem(response, 405).await;
    let response = app
        .request(reqwest::Method::POST, "/healthz", None)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["allow"], "GET");
    problem(response, 405).await;
    problem(app.get("no/such/thing", None).await, 404).await;
}
