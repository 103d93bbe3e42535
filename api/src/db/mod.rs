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
pub mod reference;
pub mod reports;
pub mod schema;
pub mod tokens;
pub mod users;

use std::time::Duration;

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
                // covers the rare writer outside this process (the CLI).
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
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
}

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
        let build = |size: u32| {
            r2d2::Pool::builder()
                .max_size(size)
                .min_idle(Some(0))
                .connection_timeout(Duration::from_secs(10))
                .test_on_check_out(true)
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
                }
            }
            DatabaseConfig::Sqlite(_) => Db {
                reader: build(pool_size),
                writer: build(1),
                backend: Backend::Sqlite,
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
        run_blocking(self.reader.clone(), query).await
    }

    /// Runs `work` in one transaction: it commits entirely or not at all.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        run_blocking(self.writer.clone(), |conn| conn.transaction(work)).await
    }

    /// Whether the database answers within two seconds (for `/readyz`).
    pub async fn ping(&self) -> Result<(), ApiError> {
        let pool = self.reader.clone();
        actix_web::rt::task::spawn_blocking(move || {
            let mut conn = pool
                .get_timeout(Duration::from_secs(2))
                .map_err(|e| ApiError::Unavailable(e.to_string()))?;
            conn.ping()
                .map_err(|e| ApiError::Unavailable(e.to_string()))
        })
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("database task failed: {e}")))?
    }
}

async fn run_blocking<T, F>(pool: Pool, work: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let context = telemetry::current_context();
    actix_web::rt::task::spawn_blocking(move || {
        telemetry::within(context, || {
            let mut conn = pool
                .get()
                .map_err(|e| ApiError::Unavailable(e.to_string()))?;
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
