//! The security suite: every staff endpoint refuses strangers, public
//! answers never carry a reporter's identity, hostile input stays inert,
//! and the limits and headers hold.

use aduan_tests::{file_part, json_part, problem, spawn_app, spawn_app_with, TestApp, PNG};
use reqwest::Method;
use serde_json::{json, Value};

/// Every operation of the OpenAPI document: (method, path, secured).
fn operations() -> Vec<(Method, String, bool)> {
    let spec = serde_json::to_value(aduan::openapi::document()).unwrap();
    let mut ops = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let method: Method = method.to_uppercase().parse().unwrap();
            ops.push((method, path.clone(), op.get("security").is_some()));
        }
    }
    ops
}

fn fill(path: &str, id: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').unwrap() + start;
        out.push_str(id);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn every_secured_operation_refuses_requests_without_a_valid_token() {
    let app = spawn_app().await;
    let secured: Vec<_> = operations().into_iter().filter(|(_, _, s)| *s).collect();
    assert!(secured.len() > 30, "the spec lists the staff operations");
    for (method, path, _) in secured {
        let url = format!(
            "{}{}",
            app.address,
            fill(&path, "0190a0b0-0000-7000-8000-000000000000")
        );
        for token in [
            None,
            Some("not-a-jwt"),
            Some("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
        ] {
            let mut request = app.client.request(method.clone(), &url).json(&json!({}));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 401, "{method} {path} with {token:?}");
        }
    }
}

#[tokio::test]
async fn only_admins_reach_the_admin_operations() {
    let app = spawn_app().await;
    let team = app.team().await;
    let admin_ops: Vec<_> = operations()
        .into_iter()
        .filter(|(_, p, _)| p.contains("/admin/"))
        .collect();
    assert!(admin_ops.len() >= 14);
    for session in [
        &team.supervisor,
        &team.lead,
        &team.officer,
        &team.operator,
        &team.licensing,
    ] {
        for (method, path, _) in &admin_ops {
            let url = fill(path, "0190a0b0-0000-7000-8000-000000000000");
            let response = app
                .request(method.clone(), &url, Some(session))
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                403,
                "{} {method} {path}",
                session.username
            );
        }
    }
}

/// Identity values of the standard test complaint.
const IDENTITY: &[&str] = &[
    "Sudarma",
    "5106011203850001",
    "Merdeka",
    "081234567890",
    "wayan@example.id",
];

#[tokio::test]
async fn no_public_operation_returns_a_reporters_identity() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let (id, code) = (
        receipt["id"].as_str().unwrap(),
        receipt["tracking_code"].as_str().unwrap(),
    );
    app.verify_as(&team.officer, id).await;
    app.disposition_as(&team.lead, id, "PELAYANAN").await;
    app.act_ok(&team.licensing, id, "start", json!({})).await;
    app.resolve_as(&team.licensing, id).await;
    let receipt_text = receipt.to_string();
    for value in IDENTITY {
        assert!(!receipt_text.contains(value), "the receipt leaks {value}");
    }
    let public: Vec<_> = operations().into_iter().filter(|(_, _, s)| !*s).collect();
    for (method, path, _) in public {
        let url = format!("{}{}", app.address, fill(&path, code));
        let body = match path.as_str() {
            p if p.ends_with("/information") => json!({ "message": "Tambahan informasi" }),
            p if p.ends_with("/dispute") => json!({ "reason": "Belum selesai" }),
            _ => json!({}),
        };
        let response = app
            .client
            .request(method.clone(), &url)
            .json(&body)
            .send()
            .await
            .unwrap();
        let text = response.text().await.unwrap();
        for value in IDENTITY {
            assert!(!text.contains(value), "{method} {path} leaks {value}");
        }
    }
}

#[tokio::test]
async fn sql_metacharacters_in_every_filter_are_just_text() {
    let app = spawn_app().await;
    let lead = app.create_staff("lead", "team_lead", None).await;
    app.submit().await;
    let hostile = [
        "'",
        "\"",
        "' OR '1'='1",
        "1; DROP TABLE complaints; --",
        "%",
        "_",
        "\\",
        "\u{0}",
        "é'ñ",
    ];
    let filters = [
        "status",
        "kind",
        "channel",
        "category_id",
        "division_id",
        "assignee_id",
        "sla",
        "q",
        "sort",
        "cursor",
        "received_from",
    ];
    for filter in filters {
        for value in hostile {
            let response = app
                .request(Method::GET, "complaints", Some(&lead))
                .query(&[(filter, value)])
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            assert!(
                matches!(status, 200 | 400 | 422),
                "{filter}={value:?} gave {status}"
            );
            if status == 200 && filter != "q" {
                let page: Value = response.json().await.unwrap();
                assert!(
                    page["items"].as_array().unwrap().is_empty(),
                    "{filter}={value:?} matched"
                );
            }
        }
    }
    let still: Value = app
        .get("complaints", Some(&lead))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        still["items"].as_array().unwrap().len(),
        1,
        "the table is still there"
    );
}

#[tokio::test]
async fn html_in_text_fields_is_stored_and_returned_as_text() {
    let app = spawn_app().await;
    let team = app.team().await;
    let script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let mut body = app.complaint_body().await;
    body["subject"] = json!(format!("Judul {script}"));
    body["description"] = json!(format!("Isi pengaduan {script}"));
    body["incident_place"] = json!(script);
    let receipt: Value = app.submit_complaint(body).await.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap();
    let response = app.get(&format!("complaints/{id}"), Some(&team.lead)).await;
    assert_eq!(response.headers()["content-type"], "application/json");
    let detail: Value = response.json().await.unwrap();
    assert_eq!(
        detail["subject"],
        format!("Judul {script}"),
        "kept verbatim, escaped by whoever renders it"
    );
    assert_eq!(detail["incident_place"], script);
}

#[tokio::test]
async fn oversized_and_malformed_bodies_are_refused_cleanly() {
    let app = spawn_app().await;
    let huge = "x".repeat(300 * 1024);
    let response = app
        .client
        .post(app.url("complaints"))
        .header("content-type", "application/json")
        .body(format!("{{\"subject\": \"{huge}\"}}"))
        .send()
        .await
        .unwrap();
    problem(response, 413).await;
    let broken = app
        .client
        .post(app.url("complaints"))
        .header("content-type", "multipart/form-data; boundary=XYZ")
        .body("--XYZ\r\nContent-Disposition: form-data; name=\"complaint\"\r\n\r\n{\"kind\"")
        .send()
        .await
        .unwrap();
    let status = broken.status().as_u16();
    assert!(
        status == 400 || status == 422,
        "a truncated multipart body: {status}"
    );
    let lead = app.admin().await;
    let truncated = app
        .request(Method::POST, "complaints/x/verify", Some(&lead))
        .header("content-type", "application/json")
        .body("{\"requirements\": ")
        .send()
        .await
        .unwrap();
    problem(truncated, 400).await;
}

#[tokio::test]
async fn paths_in_file_names_are_removed_and_control_characters_refused() {
    let app = spawn_app().await;
    let team = app.team().await;
    let send = |name: &'static str| {
        let app = &app;
        async move {
            let form = reqwest::multipart::Form::new()
                .part("complaint", json_part(&app.complaint_body().await))
                .part("files", file_part(PNG, name));
            app.post_form("complaints", form).await
        }
    };
    let response = send("..\\..\\windows/../system.png").await;
    assert_eq!(response.status(), 201);
    let receipt: Value = response.json().await.unwrap();
    let detail = app
        .complaint(&team.lead, receipt["id"].as_str().unwrap())
        .await;
    assert_eq!(detail["attachments"][0]["file_name"], "system.png");
    // A header carrying a control character is not a valid part header at all.
    problem(send("sys\u{7}tem.png").await, 400).await;
}

async fn limited_app() -> TestApp {
    spawn_app_with(|vars| {
        vars.insert("ADUAN_RATE_LIMIT_SUBMIT_PER_MINUTE".into(), "3".into());
        vars.insert("ADUAN_RATE_LIMIT_LOGIN_PER_MINUTE".into(), "2".into());
    })
    .await
}

#[tokio::test]
async fn public_submission_and_sign_in_are_rate_limited_with_retry_after() {
    let app = limited_app().await;
    let body = app.complaint_body().await;
    for _ in 0..3 {
        assert_eq!(app.submit_complaint(body.clone()).await.status(), 201);
    }
    let limited = app.submit_complaint(body).await;
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after));
    problem(limited, 429).await;
    for _ in 0..2 {
        assert_eq!(app.login("admin", "wrong password").await.status(), 401);
    }
    problem(app.login("admin", aduan_tests::ADMIN_PASSWORD).await, 429).await;
    // A minute later the allowance is back.
    app.set_now("2026-11-25T02:01:00Z");
    assert_eq!(
        app.login("admin", aduan_tests::ADMIN_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let app = spawn_app().await;
    for path in [
        "/healthz",
        "/api/v1/categories",
        "/api/v1/track/2345-6789-ABCD",
    ] {
        let response = app.get(path, None).await;
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn cors_answers_only_configured_origins() {
    let app = spawn_app_with(|vars| {
        vars.insert(
            "ADUAN_CORS_ORIGINS".into(),
            "https://aduan.banglikab.go.id".into(),
        );
    })
    .await;
    let preflight = |origin: &'static str| {
        app.client
            .request(Method::OPTIONS, app.url("complaints"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "content-type, idempotency-key",
            )
            .send()
    };
    let allowed = preflight("https://aduan.banglikab.go.id").await.unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://aduan.banglikab.go.id"
    );
    let other = preflight("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());

    let plain = spawn_app().await;
    let response = plain
        .client
        .get(plain.url("categories"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none(),
        "no CORS unless configured"
    );
}

#[tokio::test]
async fn fields_a_client_must_not_set_after_submission_cannot_be_changed() {
    let app = spawn_app().await;
    let team = app.team().await;
    let receipt = app.submit().await;
    let id = receipt["id"].as_str().unwrap();
    for (action, field) in [
        (
            "verify",
            json!({ "requirements": { "identity": true, "address": true, "evidence": true }, "status": "closed" }),
        ),
        (
            "verify",
            json!({ "requirements": { "identity": true, "address": true, "evidence": true }, "register_number": "1" }),
        ),
        (
            "verify",
            json!({ "requirements": { "identity": true, "address": true, "evidence": true }, "anonymous": true }),
        ),
        ("replies", json!({ "message": "x", "division_id": "y" })),
    ] {
        let response = app.act(&team.lead, id, action, field).await;
        problem(response, 422).await;
    }
    let info = app
        .post(
            &format!(
                "track/{}/information",
                receipt["tracking_code"].as_str().unwrap()
            ),
            None,
            json!({ "message": "x", "confidential": false }),
        )
        .await;
    problem(info, 422).await;
    let detail = app.complaint(&team.lead, id).await;
    assert_eq!(
        (detail["status"].as_str(), detail["anonymous"].as_bool()),
        (Some("received"), Some(false))
    );
}
