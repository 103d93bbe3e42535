//! Administration: users and the chain of supervision, divisions,
//! categories with their targets.

use aduan_tests::{error_fields, problem, spawn_app};
use serde_json::{json, Value};

#[tokio::test]
async fn the_first_start_creates_the_admin_and_the_reference_data() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let users: Value = app
        .get("admin/users", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(users.as_array().unwrap().len(), 1);
    let categories: Value = app.get("categories", None).await.json().await.unwrap();
    assert_eq!(categories.as_array().unwrap().len(), 7);
    let sets: Value = app
        .get("admin/holiday-sets", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let enabled: Vec<(&str, bool)> = sets
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["code"].as_str().unwrap(), s["enabled"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        enabled,
        [("bali", false), ("cuti_bersama", true), ("national", true)]
    );
    let holidays: Value = app
        .get("admin/holidays?year=2026", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(holidays.as_array().unwrap().len(), 33);
}

#[tokio::test]
async fn the_chain_of_supervision_has_no_loops() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let head = app.create_staff("kadis", "supervisor", None).await;
    let secretary = app.create_staff("sekretaris", "supervisor", None).await;
    let set = |user: &str, supervisor: &str| {
        let (path, body) = (
            format!("admin/users/{user}"),
            json!({ "supervisor_id": supervisor }),
        );
        let (app, admin) = (&app, &admin);
        async move { app.patch(&path, Some(admin), body).await }
    };
    assert_eq!(set(&secretary.user_id, &head.user_id).await.status(), 200);
    let looped = problem(set(&head.user_id, &secretary.user_id).await, 422).await;
    assert_eq!(error_fields(&looped), ["supervisor_id"]);
    let own = problem(set(&head.user_id, &head.user_id).await, 422).await;
    assert_eq!(own["errors"][0]["code"], "self");
    let cleared = app
        .patch(
            &format!("admin/users/{}", secretary.user_id),
            Some(&admin),
            json!({ "supervisor_id": null }),
        )
        .await;
    assert_eq!(
        cleared.json::<Value>().await.unwrap()["supervisor_id"],
        Value::Null
    );
}

#[tokio::test]
async fn user_accounts_are_checked() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let bad = app
        .post(
            "admin/users",
            Some(&admin),
            json!({ "username": "x y", "full_name": "A", "role": "division_staff", "password": "short" }),
        )
        .await;
    assert_eq!(
        error_fields(&problem(bad, 422).await),
        ["username", "full_name", "password"]
    );
    let no_division = app
        .post(
            "admin/users",
            Some(&admin),
            json!({ "username": "staf", "full_name": "Staf Bidang", "role": "division_staff", "password": "long-enough-password" }),
        )
        .await;
    assert_eq!(
        error_fields(&problem(no_division, 422).await),
        ["division_id"]
    );
    app.create_staff("twice", "team_lead", None).await;
    let again = app
        .post(
            "admin/users",
            Some(&admin),
            json!({ "username": "TWICE", "full_name": "Lagi", "role": "team_lead", "password": "long-enough-password" }),
        )
        .await;
    assert_eq!(error_fields(&problem(again, 422).await), ["username"]);
    let demote_self = app
        .patch(
            &format!("admin/users/{}", admin.user_id),
            Some(&admin),
            json!({ "active": false }),
        )
        .await;
    problem(demote_self, 422).await;
}

#[tokio::test]
async fn categories_keep_targets_between_one_and_sixty_working_days() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    for days in [0, 61] {
        let bad = app
            .post(
                "admin/categories",
                Some(&admin),
                json!({ "code": "XX", "name": "Kategori X", "resolution_days": days }),
            )
            .await;
        assert_eq!(error_fields(&problem(bad, 422).await), ["resolution_days"]);
    }
    let created = app
        .post(
            "admin/categories",
            Some(&admin),
            json!({ "code": "oss", "name": "Sistem OSS", "resolution_days": 60 }),
        )
        .await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    assert_eq!(created["code"], "OSS");
    let id = created["id"].as_str().unwrap();
    let off = app
        .patch(
            &format!("admin/categories/{id}"),
            Some(&admin),
            json!({ "active": false }),
        )
        .await;
    assert_eq!(off.status(), 200);
    let public: Value = app.get("categories", None).await.json().await.unwrap();
    assert!(
        !public
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "OSS"),
        "inactive ones are not offered"
    );
    let mut body = app.complaint_body().await;
    body["category_id"] = json!(id);
    assert_eq!(
        error_fields(&problem(app.submit_complaint(body).await, 422).await),
        ["category_id"]
    );
}

#[tokio::test]
async fn divisions_are_added_and_renamed() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let created: Value = app
        .post(
            "admin/divisions",
            Some(&admin),
            json!({ "code": "umum", "name": "Bagian Umum" }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(created["code"], "UMUM");
    let dup = app
        .post(
            "admin/divisions",
            Some(&admin),
            json!({ "code": "UMUM", "name": "Lagi" }),
        )
        .await;
    assert_eq!(error_fields(&problem(dup, 422).await), ["code"]);
    let renamed: Value = app
        .patch(
            &format!("admin/divisions/{}", created["id"].as_str().unwrap()),
            Some(&admin),
            json!({ "name": "Bagian Umum dan Kepegawaian" }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(renamed["name"], "Bagian Umum dan Kepegawaian");
}
