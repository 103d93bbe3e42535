//! Test support: `spawn_app()` starts the real server on a random port with
//! a fresh database (SQLite by default, PostgreSQL when
//! `ADUAN_TEST_DATABASE=postgres`), and helpers named after what people do.
//! `smtp` is a local mail server for the mail the server sends.

pub mod smtp;

use std::collections::HashMap;
use std::path::PathBuf;

use aduan::clock::Clock;
use aduan::config::Config;
use aduan::startup::Application;
use chrono::{DateTime, Utc};
use diesel::{Connection, RunQueryDsl};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};

pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";
pub const STAFF_PASSWORD: &str = "staff-password-123";
/// Wednesday 25 November 2026, 10:00 WITA: a plain working day.
pub const DEFAULT_NOW: &str = "2026-11-25T02:00:00Z";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend() -> Backend {
    match std::env::var("ADUAN_TEST_DATABASE").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

pub fn postgres_server_url() -> String {
    std::env::var("ADUAN_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

/// A database's URL on the test server. TLS is off for the local default:
/// test servers outlive their test, and OpenSSL's clean-up at process exit
/// races with connections still open in their threads.
fn postgres_url(database: &str) -> String {
    let base = postgres_server_url();
    if std::env::var("ADUAN_TEST_POSTGRES_URL").is_ok() {
        format!("{base}/{database}")
    } else {
        format!("{base}/{database}?sslmode=disable")
    }
}

/// A database made for one test and removed after it.
pub struct FreshDatabase {
    pub url: String,
    pub backend: Backend,
    dir: PathBuf,
    pg_name: Option<String>,
}

impl FreshDatabase {
    pub fn new(backend: Backend) -> FreshDatabase {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let dir = std::env::temp_dir().join(format!("aduan-test-{id}"));
        std::fs::create_dir_all(&dir).expect("temp dir");
        match backend {
            Backend::Sqlite => FreshDatabase {
                url: dir.join("aduan.sqlite3").to_string_lossy().into_owned(),
                backend,
                dir,
                pg_name: None,
            },
            Backend::Postgres => {
                let name = format!("aduan_test_{id}");
                let mut conn = diesel::PgConnection::establish(&postgres_url("postgres"))
                    .expect("PostgreSQL for tests (set ADUAN_TEST_POSTGRES_URL)");
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .expect("create test database");
                FreshDatabase {
                    url: postgres_url(&name),
                    backend,
                    dir,
                    pg_name: Some(name),
                }
            }
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.clone()
    }
}

impl Drop for FreshDatabase {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name {
            if let Ok(mut conn) = diesel::PgConnection::establish(&postgres_url("postgres")) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn);
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub clock: Clock,
    pub db: FreshDatabase,
    pub state: aduan::state::AppState,
    config: Config,
}

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub user_id: String,
    pub username: String,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts a server with extra environment settings.
pub async fn spawn_app_with(configure: impl FnOnce(&mut HashMap<String, String>)) -> TestApp {
    let db = FreshDatabase::new(backend());
    let mut vars: HashMap<String, String> = HashMap::from([
        ("DATABASE_URL".into(), db.url.clone()),
        (
            "ADUAN_DATA_DIR".into(),
            db.data_dir().to_string_lossy().into_owned(),
        ),
        ("ADUAN_BIND".into(), "127.0.0.1:0".into()),
        ("ADUAN_ADMIN_PASSWORD".into(), ADMIN_PASSWORD.into()),
        ("ADUAN_WORKERS".into(), "2".into()),
        ("ADUAN_DB_POOL_SIZE".into(), "8".into()),
        // Tests submit and sign in far faster than any person; the limits
        // have tests of their own.
        ("ADUAN_RATE_LIMIT_SUBMIT_PER_MINUTE".into(), "0".into()),
        ("ADUAN_RATE_LIMIT_LOGIN_PER_MINUTE".into(), "0".into()),
        // Tests run the timed rules and deliver mail themselves, on the
        // test's clock.
        ("ADUAN_JOBS".into(), "off".into()),
    ]);
    configure(&mut vars);
    let config = Config::from_lookup(|name| vars.get(name).cloned()).expect("test configuration");
    let clock = Clock::fixed(DEFAULT_NOW.parse().unwrap());
    let app = Application::build(config.clone(), clock.clone())
        .await
        .expect("server starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state.clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        clock,
        db,
        state,
        config,
    }
}

impl TestApp {
    /// Another replica on the same database and clock, as a second server
    /// process would be.
    pub async fn replica(&self) -> aduan::state::AppState {
        let app = Application::build(self.config.clone(), self.clock.clone())
            .await
            .expect("replica starts");
        let state = app.state.clone();
        tokio::spawn(app.run_until_stopped());
        state
    }

    pub fn url(&self, path: &str) -> String {
        if path.starts_with('/') {
            format!("{}{}", self.address, path)
        } else {
            format!("{}/api/v1/{}", self.address, path)
        }
    }

    pub fn request(&self, method: Method, path: &str, session: Option<&Session>) -> RequestBuilder {
        let builder = self.client.request(method, self.url(path));
        match session {
            Some(s) => builder.bearer_auth(&s.token),
            None => builder,
        }
    }

    pub async fn get(&self, path: &str, session: Option<&Session>) -> Response {
        self.request(Method::GET, path, session)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, session: Option<&Session>, body: Value) -> Response {
        self.request(Method::POST, path, session)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// Posts a multipart form, as a browser sends a submission with files.
    pub async fn post_form(&self, path: &str, form: reqwest::multipart::Form) -> Response {
        self.client
            .post(self.url(path))
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    pub async fn patch(&self, path: &str, session: Option<&Session>, body: Value) -> Response {
        self.request(Method::PATCH, path, session)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// Runs the timed rules now, as the server's background job does.
    pub async fn run_timed_rules(&self) -> aduan::jobs::timers::Fired {
        aduan::jobs::timers::run_due(&self.state)
            .await
            .expect("timed rules run")
    }

    pub fn set_now(&self, at: &str) {
        self.clock.set(at.parse::<DateTime<Utc>>().unwrap());
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.post(
            "auth/login",
            None,
            json!({ "username": username, "password": password }),
        )
        .await
    }

    pub async fn sign_in(&self, username: &str, password: &str) -> Session {
        let response = self.login(username, password).await;
        assert_eq!(response.status(), StatusCode::OK, "sign in as {username}");
        let body: Value = response.json().await.unwrap();
        Session {
            token: body["access_token"].as_str().unwrap().to_string(),
            user_id: body["user"]["id"].as_str().unwrap().to_string(),
            username: username.to_string(),
        }
    }

    /// Signs the same person in again, after the clock moved past their token.
    pub async fn sign_in_again(&self, session: &Session) -> Session {
        let password = if session.username == "admin" {
            ADMIN_PASSWORD
        } else {
            STAFF_PASSWORD
        };
        self.sign_in(&session.username, password).await
    }

    pub async fn admin(&self) -> Session {
        self.sign_in("admin", ADMIN_PASSWORD).await
    }

    pub async fn division_id(&self, code: &str) -> String {
        let admin = self.admin().await;
        let list: Value = self
            .get("divisions", Some(&admin))
            .await
            .json()
            .await
            .unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("division {code}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn category_id(&self, code: &str) -> String {
        let list: Value = self.get("categories", None).await.json().await.unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap_or_else(|| panic!("category {code}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The admin creates a staff account, which then signs in.
    pub async fn create_staff(
        &self,
        username: &str,
        role: &str,
        division_code: Option<&str>,
    ) -> Session {
        let admin = self.admin().await;
        let division_id = match division_code {
            Some(code) => Some(self.division_id(code).await),
            None => None,
        };
        let response = self
            .post(
                "admin/users",
                Some(&admin),
                json!({
                    "username": username,
                    "full_name": format!("Staff {username}"),
                    "role": role,
                    "division_id": division_id,
                    "password": STAFF_PASSWORD,
                }),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::CREATED,
            "create {username}: {}",
            response.text().await.unwrap()
        );
        self.sign_in(username, STAFF_PASSWORD).await
    }

    /// The whole complaint team of the seed's a.2 and b.4.
    pub async fn team(&self) -> Team {
        Team {
            admin: self.admin().await,
            officer: self
                .create_staff("officer", "complaint_officer", None)
                .await,
            operator: self.create_staff("operator", "it_operator", None).await,
            lead: self.create_staff("lead", "team_lead", None).await,
            supervisor: self.create_staff("head", "supervisor", None).await,
            licensing: self
                .create_staff("licensing", "division_staff", Some("PELAYANAN"))
                .await,
            investment: self
                .create_staff("investment", "division_staff", Some("PENANAMAN-MODAL"))
                .await,
        }
    }

    /// A complete, valid complaint body.
    pub async fn complaint_body(&self) -> Value {
        json!({
            "kind": "complaint",
            "category_id": self.category_id("PERIZINAN").await,
            "subject": "Izin PBG belum terbit",
            "description": "Sudah lebih dari 30 hari permohonan PBG saya belum ada kabar.",
            "incident_place": "Kantor DPMPTSP Bangli",
            "reporter": {
                "name": "I Wayan Sudarma",
                "id_type": "ktp",
                "id_number": "5106011203850001",
                "address": "Jl. Merdeka No. 1, Bangli",
                "phone": "081234567890",
                "email": "wayan@example.id"
            }
        })
    }

    pub async fn submit_complaint(&self, body: Value) -> Response {
        self.post("complaints", None, body).await
    }

    /// A citizen submits a valid complaint online; returns the receipt.
    pub async fn submit(&self) -> Value {
        let body = self.complaint_body().await;
        let response = self.submit_complaint(body).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.unwrap()
    }

    pub async fn complaint(&self, session: &Session, id: &str) -> Value {
        let response = self.get(&format!("complaints/{id}"), Some(session)).await;
        assert_eq!(response.status(), StatusCode::OK, "read complaint {id}");
        response.json().await.unwrap()
    }

    /// Reads the complaint, then takes `action` on the version read.
    pub async fn act(&self, session: &Session, id: &str, action: &str, body: Value) -> Response {
        let version = self.complaint(session, id).await["version"]
            .as_i64()
            .unwrap();
        self.request(
            Method::POST,
            &format!("complaints/{id}/{action}"),
            Some(session),
        )
        .header("If-Match", format!("\"v{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap()
    }

    pub async fn act_ok(&self, session: &Session, id: &str, action: &str, body: Value) -> Value {
        let response = self.act(session, id, action, body).await;
        let status = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{action}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    pub async fn verify_as(&self, session: &Session, id: &str) -> Value {
        self.act_ok(
            session,
            id,
            "verify",
            json!({ "requirements": { "identity": true, "address": true, "evidence": true } }),
        )
        .await
    }

    pub async fn disposition_as(&self, session: &Session, id: &str, division_code: &str) -> Value {
        let division_id = self.division_id(division_code).await;
        self.act_ok(
            session,
            id,
            "disposition",
            json!({ "division_id": division_id, "note": "Mohon ditindaklanjuti" }),
        )
        .await
    }

    pub async fn resolve_as(&self, session: &Session, id: &str) -> Value {
        self.act_ok(
            session,
            id,
            "resolve",
            json!({ "answer": "PBG Anda telah terbit dan dapat diunduh di OSS." }),
        )
        .await
    }

    pub async fn track(&self, code: &str) -> Value {
        let response = self.get(&format!("track/{code}"), None).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }
}

impl Team {
    /// Everyone signs in again, as after a night (or weeks) of clock travel.
    pub async fn sign_in_again(&mut self, app: &TestApp) {
        for session in [
            &mut self.admin,
            &mut self.officer,
            &mut self.operator,
            &mut self.lead,
            &mut self.supervisor,
            &mut self.licensing,
            &mut self.investment,
        ] {
            *session = app.sign_in_again(session).await;
        }
    }
}

pub struct Team {
    pub admin: Session,
    pub officer: Session,
    pub operator: Session,
    pub lead: Session,
    pub supervisor: Session,
    /// Division staff of Bidang Pelayanan Perizinan.
    pub licensing: Session,
    /// Division staff of Bidang Penanaman Modal.
    pub investment: Session,
}

/// Asserts a problem+json response and returns its body.
pub async fn problem(response: Response, status: u16) -> Value {
    assert_eq!(response.status().as_u16(), status, "status");
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status);
    body
}

/// The fields named by a validation problem.
pub fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["field"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// A tiny valid PNG and PDF, for uploads.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

pub fn file_part(bytes: &[u8], name: &str) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string())
}

pub fn json_part(value: &Value) -> reqwest::multipart::Part {
    reqwest::multipart::Part::text(value.to_string())
        .mime_str("application/json")
        .unwrap()
}
