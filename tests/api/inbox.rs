//! The staff inbox: filters, search, stable order and cursor pages.

use aduan_tests::{error_fields, problem, spawn_app, spawn_app_with, Session, TestApp};
use serde_json::{json, Value};

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn pages_follow_the_cursor_without_overlap_or_gap() {
    let app = spawn_app().await;
    let lead = app.create_staff("lead", "team_lead", None).await;
    let mut submitted = Vec::new();
    for minute in 0..7 {
        // Two submissions share each instant: the id breaks the tie.
        app.set_now(&format!("2026-11-25T02:{minute:02}:00Z"));
        submitted.push(app.submit().await["id"].as_str().unwrap().to_string());
        submitted.push(app.submit().await["id"].as_str().unwrap().to_string());
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("complaints?limit=4&cursor={c}"),
            None => "complaints?limit=4".to_string(),
        };
        let page: Value = app.get(&path, Some(&lead)).await.json().await.unwrap();
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 14);
    let mut newest_first = submitted.clone();
    newest_first.reverse();
    assert_eq!(seen, newest_first, "newest first, ties by id");

    let oldest: Value = app
        .get("complaints?sort=received_at&limit=3", Some(&lead))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ids(&oldest), submitted[..3].to_vec());
}

#[tokio::test]
async fn filters_combine_and_counts_are_per_status() {
    let app = spawn_app().await;
    let team = app.team().await;
    let a = app.submit().await["id"].as_str().unwrap().to_string();
    let b = app.submit().await["id"].as_str().unwrap().to_string();
    let mut suggestion = app.complaint_body().await;
    suggestion["kind"] = json!("suggestion");
    suggestion["channel"] = json!("mobile_app");
    let c: Value = app.submit_complaint(suggestion).await.json().await.unwrap();
    app.verify_as(&team.officer, &a).await;
    app.disposition_as(&team.lead, &a, "PELAYANAN").await;

    let get = |q: &'static str| {
        let (app, lead) = (&app, &team.lead);
        async move {
            ids(&app
                .get(&format!("complaints?{q}"), Some(lead))
                .await
                .json::<Value>()
                .await
                .unwrap())
        }
    };
    assert_eq!(get("status=dispositioned").await, [a.as_str()]);
    assert_eq!(
        get("status=received&kind=suggestion").await,
        [c["id"].as_str().unwrap()]
    );
    assert_eq!(get("channel=mobile_app").await.len(), 1);
    let division = app.division_id("PELAYANAN").await;
    assert_eq!(
        ids(&app
            .get(
                &format!("complaints?division_id={division}"),
                Some(&team.lead)
            )
            .await
            .json::<Value>()
            .await
            .unwrap()),
        [a.as_str()]
    );
    assert_eq!(
        get("received_from=2026-11-25&received_to=2026-11-25")
            .await
            .len(),
        3
    );
    assert_eq!(get("received_from=2026-11-26").await.len(), 0);
    assert!(get("status=received,needs_info").await.contains(&b));

    let counts: Value = app
        .get("complaints/counts", Some(&team.lead))
        .await
        .json()
        .await
        .unwrap();
    let count = |status: &str| {
        counts
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == status)
            .unwrap()["count"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(
        (count("received"), count("dispositioned"), count("closed")),
        (2, 1, 0)
    );
}

#[tokio::test]
async fn text_search_finds_subject_description_code_and_name() {
    let app = spawn_app().await;
    let lead = app.create_staff("lead", "team_lead", None).await;
    let first = app.submit().await;
    let mut body = app.complaint_body().await;
    body["subject"] = json!("Pelayanan loket lambat");
    body["description"] = json!("Antrian 100% penuh_sekali dari pagi");
    body["reporter"]["name"] = json!("Ni Made Ayu");
    let second: Value = app.submit_complaint(body).await.json().await.unwrap();
    let search = |q: String| {
        let (app, lead) = (&app, &lead);
        async move {
            ids(&app
                .get(&format!("complaints?q={q}"), Some(lead))
                .await
                .json::<Value>()
                .await
                .unwrap())
        }
    };
    assert_eq!(
        search("LOKET".into()).await,
        [second["id"].as_str().unwrap()]
    );
    assert_eq!(search("ni%20made".into()).await.len(), 1);
    let code = first["tracking_code"].as_str().unwrap();
    for q in [code.to_string(), code.to_lowercase(), code[..9].to_string()] {
        assert_eq!(
            search(q.clone()).await,
            [first["id"].as_str().unwrap()],
            "{q}"
        );
    }
    // A whole register number is looked up exactly, with or without zeros.
    let register = second["register_number"].as_str().unwrap();
    assert_eq!(
        search(register.into()).await,
        [second["id"].as_str().unwrap()]
    );
    let (seq, rest) = register.split_once('/').unwrap();
    let short = format!("{}/{}", seq.trim_start_matches('0'), rest.to_lowercase());
    assert_eq!(search(short).await, [second["id"].as_str().unwrap()]);
    assert_eq!(search("99999/ADUAN/2026".into()).await.len(), 0);
    // Wildcards are searched for literally.
    assert_eq!(search("100%25".into()).await.len(), 1);
    assert_eq!(search("%25".into()).await.len(), 1);
    assert_eq!(search("_".into()).await.len(), 1);
    assert_eq!(search("'%20OR%201=1%20--".into()).await.len(), 0);
}

/// Every page of `query`, following the cursor, as complaint ids.
async fn all_pages(app: &TestApp, session: &Session, query: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("complaints?{query}&cursor={c}"),
            None => format!("complaints?{query}"),
        };
        let page: Value = app.get(&path, Some(session)).await.json().await.unwrap();
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => return seen,
        }
    }
}

#[tokio::test]
async fn word_search_pages_are_the_lists_matches_across_the_search_window() {
    // The search looks through the newest 3 complaints first, then reads
    // the older matches through the index; the pages must not show it.
    let app = spawn_app_with(|vars| {
        vars.insert("ADUAN_SEARCH_WINDOW".into(), "3".into());
    })
    .await;
    let officer = app.create_staff("officer", "complaint_officer", None).await;
    let (mut submitted, mut about_kintamani) = (Vec::new(), Vec::new());
    for minute in 0..8 {
        for twin in 0..2 {
            // Old complaints name the village; of the newest, only one does.
            let names_it = minute < 4 || (minute == 6 && twin == 0);
            let mut body = app.complaint_body().await;
            if names_it {
                body["subject"] = json!("Jalan menuju Kintamani rusak");
            }
            app.set_now(&format!("2026-11-25T02:{minute:02}:00Z"));
            let id = app
                .submit_complaint(body)
                .await
                .json::<Value>()
                .await
                .unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string();
            if names_it {
                about_kintamani.push(id.clone());
            }
            submitted.push(id);
        }
    }
    // Some are updated later, newest first, so the orders differ.
    for (n, id) in submitted.iter().rev().step_by(3).enumerate() {
        app.set_now(&format!("2026-11-25T02:{:02}:00Z", 10 + n));
        app.verify_as(&officer, id).await;
    }
    for sort in ["-received_at", "received_at", "-updated_at", "updated_at"] {
        let whole = all_pages(&app, &officer, &format!("sort={sort}&limit=100")).await;
        let expected: Vec<String> = whole
            .into_iter()
            .filter(|id| about_kintamani.contains(id))
            .collect();
        assert_eq!(expected.len(), 9);
        for limit in [1, 2, 4, 25] {
            let searched = all_pages(
                &app,
                &officer,
                &format!("sort={sort}&limit={limit}&q=kintamani"),
            )
            .await;
            assert_eq!(searched, expected, "sort {sort}, {limit} a page");
        }
    }
    let none = all_pages(&app, &officer, "limit=2&q=tidak%20ada%20yang%20cocok").await;
    assert!(none.is_empty());
}

#[tokio::test]
async fn bad_filters_are_named() {
    let app = spawn_app().await;
    let lead = app.create_staff("lead", "team_lead", None).await;
    let p = problem(
        app.get(
            "complaints?status=lost&limit=1000&sort=name&cursor=zzz",
            Some(&lead),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(error_fields(&p), ["status", "sort", "cursor", "limit"]);
    let p = problem(app.get("complaints?kind=rumour", Some(&lead)).await, 422).await;
    assert_eq!(p["status"], 422);
}
