//! Database access: one schema on PostgreSQL (production) or an embedded
//! SQLite file (the default), through diesel's `MultiConnection`.
//!
//! Queries are written once against [`DbConn`]; a `match` on the variant
//! appears only where the SQL must differ. Diesel is synchronous, so every
//! query runs on the blocking thread pool, never on an async worker.

pub mod audit;
pub mod complaints;
pub mod evaluations;
pub mod migrations;
pub mod notifications;
pub mod outbox;
pub mod reference;
pub mod reports;
pub mod schema;
pub mod tokens;
pub mod users;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};

use crate::config::DatabaseConfig;
use crate::error::ApiError;
use crate::telemetry;

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

type Pool = r2d2::Pool<Manager>;

/// Opens connections of the configured backend, set up for our use.
#[derive(Debug, Clone)]
pub struct Manager {
    target: DatabaseConfig,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match &self.target {
            DatabaseConfig::Postgres(url) => diesel::PgConnection::establish(url)
                .map(DbConn::Postgres)
                .map_err(r2d2::Error::ConnectionError),
            DatabaseConfig::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())
                    .map_err(r2d2::Error::ConnectionError)?;
                // WAL lets readers run beside the one writer; the busy timeout
                // covers writers outside this pool (the CLI, another replica
                // starting up), and comes first so that switching a new file
                // to WAL waits for them too.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        conn.is_broken()
    }
}

/// Connection pools. On SQLite every write goes through a single connection,
/// so writers queue in the pool instead of failing with "database is locked";
/// reads use the others. On PostgreSQL both are the same pool.
#[derive(Clone)]
pub struct Db {
    reader: Pool,
    writer: Pool,
    backend: Backend,
    reachable: Reachability,
}

/// Whether the last attempt to open a connection failed. While it did,
/// requests give up on a connection after a short wait and answer 503 at
/// once, instead of holding the client for the whole check-out timeout.
#[derive(Debug, Clone, Default)]
struct Reachability {
    down: Arc<AtomicBool>,
}

impl r2d2::HandleError<r2d2::Error> for Reachability {
    fn handle_error(&self, error: r2d2::Error) {
        if !self.down.swap(true, Ordering::Relaxed) {
            log::warn!("cannot connect to the database: {error}");
        }
    }
}

/// How long a request waits for a connection before checking again
/// whether the database became unreachable meanwhile.
const CHECKOUT_PROBE: Duration = Duration::from_millis(250);
/// How long a request waits for a connection when the database is up
/// (a burst queues for a free connection).
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Db {
    pub fn connect(target: &DatabaseConfig, pool_size: u32) -> anyhow::Result<Db> {
        if let DatabaseConfig::Sqlite(path) = target {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
        }
        let reachable = Reachability::default();
        let build = |size: u32| {
            r2d2::Pool::builder()
                .max_size(size)
                .min_idle(Some(0))
                .connection_timeout(CHECKOUT_TIMEOUT)
                .test_on_check_out(true)
                .error_handler(Box::new(reachable.clone()))
                .build_unchecked(Manager {
                    target: target.clone(),
                })
        };
        let db = match target {
            DatabaseConfig::Postgres(_) => {
                let pool = build(pool_size);
                Db {
                    reader: pool.clone(),
                    writer: pool,
                    backend: Backend::Postgres,
                    reachable,
                }
            }
            DatabaseConfig::Sqlite(_) => Db {
                reader: build(pool_size),
                writer: build(1),
                backend: Backend::Sqlite,
                reachable,
            },
        };
        Ok(db)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection for work outside a request (CLI, start-up).
    pub fn conn(&self) -> anyhow::Result<r2d2::PooledConnection<Manager>> {
        Ok(self.writer.get()?)
    }

    /// Runs read-only queries off the async threads.
    pub async fn read<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        run_blocking(self.reader.clone(), self.reachable.clone(), query).await
    }

    /// Runs `work` in one transaction: it commits entirely or not at all.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        run_blocking(self.writer.clone(), self.reachable.clone(), |conn| {
            conn.transaction(work)
        })
        .await
    }

    /// Whether the database answers within two seconds (for `/readyz`).
    pub async fn ping(&self) -> Result<(), ApiError> {
        let (pool, reachable) = (self.reader.clone(), self.reachable.clone());
        actix_web::rt::task::spawn_blocking(move || {
            let mut conn = reachable.checkout(&pool, Duration::from_secs(2))?;
            conn.ping()
                .map_err(|e| ApiError::Unavailable(e.to_string()))
        })
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("database task failed: {e}")))?
    }
}

impl Reachability {
    /// A connection from `pool` within `timeout`, or sooner a 503 while the
    /// database is unreachable.
    fn checkout(
        &self,
        pool: &Pool,
        timeout: Duration,
    ) -> Result<r2d2::PooledConnection<Manager>, ApiError> {
        let deadline = Instant::now() + timeout;
        loop {
            // Waiting in slices notices the database going down meanwhile.
            let wait = CHECKOUT_PROBE.min(deadline.saturating_duration_since(Instant::now()));
            match pool.get_timeout(wait) {
                Ok(conn) => {
                    if self.down.swap(false, Ordering::Relaxed) {
                        log::info!("the database is reachable again");
                    }
                    return Ok(conn);
                }
                // Unreachable after a probe, or out of time: give up.
                Err(e) if self.down.load(Ordering::Relaxed) || Instant::now() >= deadline => {
                    return Err(ApiError::Unavailable(e.to_string()))
                }
                // Every connection is busy: keep waiting.
                Err(_) => {}
            }
        }
    }
}

async fn run_blocking<T, F>(pool: Pool, reachable: Reachability, work: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let context = telemetry::current_context();
    actix_web::rt::task::spawn_blocking(move || {
        telemetry::within(context, || {
            let mut conn = reachable.checkout(&pool, CHECKOUT_TIMEOUT)?;
            work(&mut conn)
        })
    })
    .await
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("database task failed: {e}")))?
}

/// Returns `T` or a 404 naming `what`.
pub fn found<T>(row: Option<T>, what: &'static str) -> Result<T, ApiError> {
    row.ok_or(ApiError::NotFound(what))
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
