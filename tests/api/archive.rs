//! The paper archive (seed b.6): a complaint's full record as one file.

use std::io::Read;

use aduan_tests::{file_part, json_part, problem, spawn_app, TestApp, PNG};
use reqwest::multipart::Form;
use serde_json::{json, Value};

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP file");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().to_string(), content)
        })
        .collect()
}

async fn submit_with_photo(app: &TestApp, body: Value) -> Value {
    let form = Form::new()
        .part("complaint", json_part(&body))
        .part("files", file_part(PNG, "foto jalan.png"));
    let response = app.post_form("complaints", form).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_record_holds_the_data_the_timeline_and_every_attachment() {
    let app = spawn_app().await;
    let team = app.team().await;
    let mut body = app.complaint_body().await;
    body["subject"] = json!("Izin <script>alert(1)</script> belum terbit");
    let receipt = submit_with_photo(&app, body).await;
    let id = receipt["id"].as_str().unwrap();
    app.verify_as(&team.officer, id).await;
    app.disposition_as(&team.lead, id, "PELAYANAN").await;
    app.act_ok(&team.licensing, id, "start", json!({})).await;
    app.resolve_as(&team.licensing, id).await;

    let response = app
        .get(&format!("complaints/{id}/record"), Some(&team.lead))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    let register = receipt["register_number"].as_str().unwrap();
    assert!(
        disposition.contains(&format!(
            "aduan-{}.zip",
            register.replace('/', "-").to_lowercase()
        )),
        "{disposition}"
    );
    let files = unzip(&response.bytes().await.unwrap());
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "record.html",
            "record.json",
            "attachments/01-foto jalan.png"
        ]
    );
    assert_eq!(files[2].1, PNG, "the attachment as received");

    let record: Value = serde_json::from_slice(&files[1].1).unwrap();
    assert_eq!(record["complaint"]["register_number"], register);
    assert_eq!(record["exported_by"], "lead");
    assert_eq!(record["reporter_identity"], Value::Null);
    let kinds: Vec<&str> = record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "submitted",
            "verified",
            "dispositioned",
            "started",
            "resolved"
        ]
    );

    let html = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(html.contains(register));
    assert!(html.contains("Rekam Pengaduan"), "Indonesian by default");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("<script>"),
        "stored text is printed, not run"
    );
    let name = app.complaint_body().await["reporter"]["name"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!html.contains(&name), "no identity unless asked for");

    let english = app
        .get(&format!("complaints/{id}/record?lang=en"), Some(&team.lead))
        .await;
    let files = unzip(&english.bytes().await.unwrap());
    assert!(String::from_utf8_lossy(&files[0].1).contains("Complaint record"));
    let bad = app
        .get(&format!("complaints/{id}/record?lang=fr"), Some(&team.lead))
        .await;
    assert_eq!(problem(bad, 422).await["errors"][0]["field"], "lang");
}

#[tokio::test]
async fn the_identity_goes_into_the_record_only_when_asked_and_is_recorded_as_a_reveal() {
    let app = spawn_app().await;
    let team = app.team().await;
    let body = app.complaint_body().await;
    let name = body["reporter"]["name"].as_str().unwrap().to_string();
    let receipt = submit_with_photo(&app, body).await;
    let id = receipt["id"].as_str().unwrap();

    let response = app
        .get(
            &format!("complaints/{id}/record?include_identity=true"),
            Some(&team.officer),
        )
        .await;
    assert_eq!(response.status(), 200);
    let files = unzip(&response.bytes().await.unwrap());
    let record: Value = serde_json::from_slice(&files[1].1).unwrap();
    assert_eq!(record["reporter_identity"]["name"], name.as_str());
    assert!(String::from_utf8_lossy(&files[0].1).contains(&name));

    let events: Value = app
        .get(&format!("complaints/{id}/events"), Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    let reveals: Vec<&Value> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "identity_revealed")
        .collect();
    assert_eq!(reveals.len(), 1);
    assert_eq!(reveals[0]["actor"]["id"], team.officer.user_id);
    assert_eq!(reveals[0]["details"]["purpose"], "record_export");

    // The audit log has the export and the reveal it took.
    let audit: Value = app
        .get(&format!("audit?object_id={id}"), Some(&team.admin))
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["export", "identity_revealed"], "newest first");
    assert_eq!(audit["items"][0]["details"]["identity_included"], true);
}

#[tokio::test]
async fn an_anonymous_reporter_stays_hidden_from_roles_that_do_not_verify() {
    let app = spawn_app().await;
    let team = app.team().await;
    let mut body = app.complaint_body().await;
    body["anonymous"] = json!(true);
    let receipt = submit_with_photo(&app, body).await;
    let id = receipt["id"].as_str().unwrap();

    let refused = app
        .get(
            &format!("complaints/{id}/record?include_identity=true"),
            Some(&team.supervisor),
        )
        .await;
    problem(refused, 403).await;
    // Nothing was recorded for the refused request.
    let events: Value = app
        .get(&format!("complaints/{id}/events"), Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    assert!(!events.to_string().contains("identity_revealed"));

    // Another division's staff cannot even see that it exists.
    app.verify_as(&team.officer, id).await;
    app.disposition_as(&team.lead, id, "PELAYANAN").await;
    problem(
        app.get(&format!("complaints/{id}/record"), Some(&team.investment))
            .await,
        404,
    )
    .await;
    let own = app
        .get(&format!("complaints/{id}/record"), Some(&team.licensing))
        .await;
    assert_eq!(own.status(), 200);
}
