//! What every request handler shares. Nothing here holds per-user state:
//! any replica can serve any request (the caches only save work).

use std::sync::Arc;

use chrono::NaiveDate;

use crate::auth::tokens::TokenKeys;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::{reference, Db, DbConn};
use crate::domain::Calendar;
use crate::error::ApiError;
use crate::http::rate_limit::RateLimiter;
use crate::http::transparency::TransparencyCache;
use crate::storage::Storage;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub storage: Storage,
    pub clock: Clock,
    pub tokens: TokenKeys,
    pub limiter: Arc<RateLimiter>,
    /// The public figures, computed at most every few minutes per replica.
    pub transparency: Arc<TransparencyCache>,
    /// Reports read every complaint of their period (and the register export
    /// holds its rows): this bounds how many are computed at once per replica,
    /// in CPU and memory (the others wait their turn).
    pub reports: Arc<tokio::sync::Semaphore>,
}

/// Reports computed at once per replica (see `AppState::reports`).
pub const CONCURRENT_REPORTS: usize = 2;

impl AppState {
    /// Waits for a turn to compute a report (see `AppState::reports`).
    pub async fn report_turn(&self) -> Result<tokio::sync::SemaphorePermit<'_>, ApiError> {
        self.reports
            .acquire()
            .await
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("report queue closed: {e}")))
    }
}

impl AppState {
    /// The working-day calendar as configured now (holidays are admin data).
    pub fn calendar(&self, conn: &mut DbConn) -> Result<Calendar, ApiError> {
        reference::calendar(conn, self.config.timezone)
    }

    /// Today in the agency's time zone.
    pub fn today(&self) -> NaiveDate {
        self.clock
            .now()
            .with_timezone(&self.config.timezone)
            .date_naive()
    }
}
