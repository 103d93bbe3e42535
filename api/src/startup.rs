//! Building and running the server: database ready, state assembled,
//! routes mounted, listener bound.

use std::net::TcpListener;
use std::sync::Arc;

use actix_cors::Cors;
use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Condition, DefaultHeaders};
use actix_web::{guard, web, App, HttpResponse, HttpServer};
use chrono::Duration;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::password;
use crate::auth::tokens::TokenKeys;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::users::{self, UserRow};
use crate::db::{migrations, new_id, reference, Db};
use crate::domain::Role;
use crate::http::rate_limit::RateLimiter;
use crate::state::AppState;
use crate::storage::Storage;
use crate::{http, jobs, openapi, telemetry};

pub struct Application {
    server: Server,
    port: u16,
    pub state: AppState,
}

/// What preparing the database did, for the operator.
pub struct Prepared {
    pub migrations_applied: usize,
    /// The first admin's generated password, to show once.
    pub generated_admin_password: Option<String>,
    pub jwt_secret: String,
}

/// Migrates, creates the first admin if there is no user, seeds reference
/// data on a new installation, and fetches the shared signing secret. Runs
/// under the start-up lock, so replicas starting together do it once.
pub fn prepare_database(db: &Db, config: &Config, clock: &Clock) -> anyhow::Result<Prepared> {
    let mut conn = db.conn()?;
    migrations::with_start_up_lock(&mut conn, |conn| {
        let migrations_applied = migrations::run_pending(conn)?;
        let now = clock.now().naive_utc();
        let mut generated_admin_password = None;
        if users::count(conn)? == 0 {
            let password = match &config.admin_password {
                Some(p) => p.clone(),
                None => {
                    let p = password::generate();
                    generated_admin_password = Some(p.clone());
                    p
                }
            };
            users::insert(
                conn,
                &UserRow {
                    id: new_id(),
                    username: "admin".into(),
                    full_name: "Administrator".into(),
                    email: None,
                    password_hash: password::hash(&password)?,
                    role: Role::Admin.as_str().into(),
                    division_id: None,
                    supervisor_id: None,
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            reference::seed(conn, now)?;
        }
        let jwt_secret = match &config.jwt_secret {
            Some(secret) => secret.clone(),
            None => reference::secret(conn, "jwt", crate::auth::tokens::new_refresh_token, now)?,
        };
        Ok(Prepared {
            migrations_applied,
            generated_admin_password,
            jwt_secret,
        })
    })
}

impl Application {
    pub async fn build(config: Config, clock: Clock) -> anyhow::Result<Application> {
        let db = Db::connect(&config.database, config.pool_size)?;
        let prepared = {
            let (db, config, clock) = (db.clone(), config.clone(), clock.clone());
            web::block(move || prepare_database(&db, &config, &clock)).await??
        };
        if prepared.migrations_applied > 0 {
            log::info!("applied {} migration(s)", prepared.migrations_applied);
        }
        if let Some(password) = &prepared.generated_admin_password {
            // Printed once, never logged: the log may be kept or shipped elsewhere.
            eprintln!(
                "\n  Created the first administrator.\n  username: admin\n  password: {password}\n  \
                 This password is shown once. Sign in and change it.\n"
            );
        }
        let state = AppState {
            limiter: Arc::new(RateLimiter::new(
                config.submit_per_minute,
                config.login_per_minute,
                config.trust_proxy,
            )),
            transparency: Default::default(),
            reports: Arc::new(tokio::sync::Semaphore::new(
                crate::state::CONCURRENT_REPORTS,
            )),
            storage: Storage::local(&config.storage_dir)?,
            tokens: TokenKeys::new(
                prepared.jwt_secret.as_bytes(),
                Duration::minutes(config.access_token_minutes),
                Duration::days(config.refresh_token_days),
            ),
            db,
            config: Arc::new(config),
            clock,
        };
        let listener = TcpListener::bind(&state.config.bind)?;
        let port = listener.local_addr()?.port();
        log::info!(
            "serving on {} with {}",
            listener.local_addr()?,
            state.config.database.describe()
        );
        let server = server(listener, state.clone())?;
        Ok(Application {
            server,
            port,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGTERM or SIGINT, then finishes requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let jobs = jobs::spawn(self.state.clone());
        let served = self.server.await;
        for job in jobs {
            job.abort();
        }
        served
    }
}

/// The page policy: our own scripts only; blob: for previews of attachments
/// fetched with the staff member's token; never framed by another site.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'self' blob:; \
    frame-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
    form-action 'self'";

/// Browsers elsewhere may call the API only from the configured origins.
fn cors(origins: &[String]) -> Cors {
    use actix_web::http::header;
    origins
        .iter()
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods(["GET", "POST", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            header::HeaderName::from_static("idempotency-key"),
            header::HeaderName::from_static("x-request-id"),
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-request-id"),
            header::HeaderName::from_static("idempotent-replayed"),
            header::CONTENT_DISPOSITION,
        ])
        .max_age(3600)
}

fn server(listener: TcpListener, state: AppState) -> anyhow::Result<Server> {
    let workers = state.config.workers;
    let cors_origins = state.config.cors_origins.clone();
    let static_dir = state.config.static_dir.clone();
    let spec = openapi::document();
    let data = web::Data::new(state);
    let mut server = HttpServer::new(move || {
        let mut app = App::new()
            .wrap(Condition::new(
                !cors_origins.is_empty(),
                cors(&cors_origins),
            ))
            .wrap(
                DefaultHeaders::new()
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("Referrer-Policy", "no-referrer"))
                    .add(("X-Frame-Options", "DENY"))
                    .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
                    .add((
                        "Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(self)",
                    )),
            )
            .wrap(from_fn(http::refuse_control_characters))
            .wrap(from_fn(telemetry::request_id))
            .app_data(data.clone())
            .configure(http::routes)
            .default_service(web::to(http::unrouted))
            .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", spec.clone()))
            .route(
                "/api/docs",
                web::get().to(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header(("Location", "/api/docs/"))
                        .finish()
                }),
            );
        if let Some(dir) = &static_dir {
            let index = dir.join("index.html");
            app = app.service(
                actix_files::Files::new("/", dir)
                    // Other methods fall through to a proper 405 or 404.
                    .guard(guard::Any(guard::Get()).or(guard::Head()))
                    .index_file("index.html")
                    .default_handler(web::to(move |req: actix_web::HttpRequest| {
                        // Client-side routes of the single-page app all get its index.
                        let index = index.clone();
                        async move {
                            actix_files::NamedFile::open_async(index)
                                .await
                                .map(|f| f.into_response(&req))
                        }
                    })),
            );
        }
        app
    })
    .shutdown_timeout(30)
    .listen(listener)?;
    if let Some(n) = workers {
        server = server.workers(n);
    }
    Ok(server.run())
}
