//! Evidence files: checked by content, limited in size and count, stored
//! with the complaint or not at all, downloaded only with permission.

use aduan_tests::{file_part, json_part, problem, spawn_app, spawn_app_with, PDF, PNG};
use reqwest::multipart::Form;
use serde_json::Value;
use sha2::{Digest, Sha256};

fn stored_files(app: &aduan_tests::TestApp) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            count(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    count(&app.db.data_dir().join("attachments"))
}

#[tokio::test]
async fn a_complaint_with_evidence_stores_files_with_size_and_hash() {
    let app = spawn_app().await;
    let team = app.team().await;
    let form = Form::new()
        .part("complaint", json_part(&app.complaint_body().await))
        .part("files", file_part(PNG, "foto.png"))
        .part("files", file_part(PDF, "../../surat.pdf"));
    let response = app.post_form("complaints", form).await;
    assert_eq!(response.status(), 201);
    let receipt: Value = response.json().await.unwrap();
    assert_eq!(receipt["attachment_count"], 2);
    let detail = app
        .complaint(&team.officer, receipt["id"].as_str().unwrap())
        .await;
    let files = detail["attachments"].as_array().unwrap();
    assert_eq!(files[0]["content_type"], "image/png");
    assert_eq!(files[0]["size_bytes"], PNG.len());
    assert_eq!(files[0]["sha256"], hex::encode(Sha256::digest(PNG)));
    assert_eq!(files[1]["file_name"], "surat.pdf", "no path survives");
    assert_eq!(files[1]["content_type"], "application/pdf");

    let url = format!(
        "complaints/{}/attachments/{}",
        detail["id"].as_str().unwrap(),
        files[0]["id"].as_str().unwrap()
    );
    let download = app.get(&url, Some(&team.officer)).await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["x-content-type-options"], "nosniff");
    assert!(download.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(download.bytes().await.unwrap().as_ref(), PNG);
    problem(app.get(&url, None).await, 401).await;
    problem(app.get(&url, Some(&team.licensing)).await, 404).await;
}

#[tokio::test]
async fn a_file_is_judged_by_its_content_not_its_name() {
    let app = spawn_app().await;
    let form = Form::new()
        .part("complaint", json_part(&app.complaint_body().await))
        .part(
            "files",
            file_part(b"<html><script>alert(1)</script></html>", "foto.png"),
        );
    let response = app.post_form("complaints", form).await;
    let p = problem(response, 415).await;
    assert!(p["detail"].as_str().unwrap().contains("files[0]"));
    assert_eq!(stored_files(&app), 0, "nothing half-written");
    let list: Value = app
        .get("complaints", Some(&app.admin().await))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn too_large_and_too_many_files_get_413_and_leave_nothing() {
    let app = spawn_app_with(|vars| {
        vars.insert("ADUAN_MAX_FILE_BYTES".into(), "2048".into());
        vars.insert("ADUAN_MAX_FILES".into(), "2".into());
    })
    .await;
    let mut big = PDF.to_vec();
    big.resize(4096, b' ');
    let form = Form::new()
        .part("complaint", json_part(&app.complaint_body().await))
        .part("files", file_part(&big, "besar.pdf"));
    let response = app.post_form("complaints", form).await;
    problem(response, 413).await;

    let mut form = Form::new().part("complaint", json_part(&app.complaint_body().await));
    for i in 0..3 {
        form = form.part("files", file_part(PNG, &format!("foto{i}.png")));
    }
    let response = app.post_form("complaints", form).await;
    let p = problem(response, 413).await;
    assert!(p["detail"].as_str().unwrap().contains("at most 2"));
    assert_eq!(stored_files(&app), 0);
}

#[tokio::test]
async fn a_failed_save_removes_the_files_it_stored() {
    let app = spawn_app().await;
    let mut body = app.complaint_body().await;
    // Passes the checks that need no database, fails inside the transaction.
    body["category_id"] = serde_json::json!("no-such-category");
    let form = Form::new()
        .part("complaint", json_part(&body))
        .part("files", file_part(PNG, "foto.png"));
    let response = app.post_form("complaints", form).await;
    problem(response, 422).await;
    assert_eq!(stored_files(&app), 0);
}

#[tokio::test]
async fn a_multipart_body_without_the_json_part_is_refused() {
    let app = spawn_app().await;
    let form = Form::new().part("files", file_part(PNG, "foto.png"));
    let response = app.post_form("complaints", form).await;
    let p = problem(response, 422).await;
    assert_eq!(p["errors"][0]["field"], "complaint");
}

#[tokio::test]
async fn the_sweep_removes_old_orphan_files_and_keeps_every_recorded_one() {
    use aduan::jobs::sweep::{sweep_orphans, Swept};
    use chrono::{Duration, Utc};

    let app = spawn_app().await;
    let form = Form::new()
        .part("complaint", json_part(&app.complaint_body().await))
        .part("files", file_part(PNG, "foto.png"));
    let response = app.post_form("complaints", form).await;
    assert_eq!(response.status(), 201);
    // What a process killed between storing and committing leaves behind:
    // a stored file no row names, and a staging file of a write cut short.
    app.state
        .storage
        .put(
            "attachments/orphan-of-a-killed-request",
            PDF.to_vec().into(),
        )
        .await
        .unwrap();
    let staging = app.db.data_dir().join("attachments/half-written#1");
    std::fs::write(&staging, b"partial").unwrap();
    assert_eq!(stored_files(&app), 3);

    // Young files may belong to a request still saving: left alone.
    let young = sweep_orphans(
        &app.state.db,
        &app.state.storage,
        Utc::now() - Duration::hours(1),
    )
    .await
    .unwrap();
    assert_eq!(young, Swept::default());
    assert_eq!(stored_files(&app), 3);

    let swept = sweep_orphans(
        &app.state.db,
        &app.state.storage,
        Utc::now() + Duration::minutes(1),
    )
    .await
    .unwrap();
    assert_eq!(
        swept,
        Swept {
            orphans: 1,
            interrupted: 1
        }
    );
    assert_eq!(stored_files(&app), 1, "the recorded file stays");
    assert!(!staging.exists());
}
