//! Schema migrations, embedded in the binary and applied at start.

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::DbConn;

const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// An arbitrary constant naming our advisory lock on PostgreSQL.
const START_UP_LOCK: i64 = 0x4144_5541_4E00; // "ADUAN"

/// Runs `work` while holding the start-up lock, so replicas starting together
/// on one database migrate and seed one after the other: a PostgreSQL
/// advisory lock, or on SQLite one exclusive transaction (diesel nests each
/// migration's own transaction inside it as a savepoint).
pub fn with_start_up_lock<T>(
    conn: &mut DbConn,
    work: impl FnOnce(&mut DbConn) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    match conn {
        DbConn::Postgres(_) => {
            diesel::sql_query(format!("SELECT pg_advisory_lock({START_UP_LOCK})")).execute(conn)?;
            let result = work(conn);
            diesel::sql_query(format!("SELECT pg_advisory_unlock({START_UP_LOCK})"))
                .execute(conn)?;
            result
        }
        DbConn::Sqlite(lite) => {
            AnsiTransactionManager::begin_transaction_sql(lite, "BEGIN EXCLUSIVE")?;
            let result = work(conn);
            let DbConn::Sqlite(lite) = conn else {
                unreachable!("the connection's backend does not change")
            };
            match result {
                Ok(value) => {
                    AnsiTransactionManager::commit_transaction(lite)?;
                    Ok(value)
                }
                Err(error) => {
                    AnsiTransactionManager::rollback_transaction(lite)?;
                    Err(error)
                }
            }
        }
    }
}

/// Applies pending migrations; returns how many ran.
pub fn run_pending(conn: &mut DbConn) -> anyhow::Result<usize> {
    let applied = match conn {
        DbConn::Postgres(pg) => pg.run_pending_migrations(POSTGRES),
        DbConn::Sqlite(lite) => lite.run_pending_migrations(SQLITE),
    }
    .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    Ok(applied.len())
}
