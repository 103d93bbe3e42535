//! Work done outside requests: the timed rules, mail delivery from the
//! outbox, and storage upkeep. Every replica runs them; each is safe to run
//! on several at once (the rules are version-checked, the outbox is leased,
//! and removing an orphan twice is harmless).

pub mod mail;
pub mod sweep;
pub mod timers;

use std::time::Duration;

use tokio::task::JoinHandle;

use crate::state::AppState;

/// Files younger than this may belong to a submission still being saved.
const SWEEP_MIN_AGE: chrono::Duration = chrono::Duration::hours(1);
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

/// Starts the background jobs, unless `ADUAN_JOBS=off` (tests run them by
/// hand, on their own clock). They run until the returned handles are aborted.
pub fn spawn(state: AppState) -> Vec<JoinHandle<()>> {
    if !state.config.jobs.enabled {
        log::info!("background jobs are off (ADUAN_JOBS=off)");
        return Vec::new();
    }
    let mut jobs = vec![tokio::spawn(run_rules(state.clone()))];
    match state.config.mail.describe() {
        None => log::warn!("ADUAN_SMTP_URL is unset: mail stays queued in the outbox"),
        Some(server) => {
            log::info!("delivering mail through {server}");
            jobs.push(tokio::spawn(deliver_mail(state)));
        }
    }
    jobs
}

fn ticks(every: Duration) -> tokio::time::Interval {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticks
}

async fn run_rules(state: AppState) {
    let mut ticks = ticks(Duration::from_secs(state.config.jobs.interval_seconds));
    let mut last_sweep: Option<std::time::Instant> = None;
    loop {
        ticks.tick().await;
        match timers::run_due(&state).await {
            Ok(fired) if fired != timers::Fired::default() => {
                log::info!("timed rules fired: {fired:?}")
            }
            Ok(_) => {}
            Err(e) => log::warn!("timed rules did not finish: {e}"),
        }
        if last_sweep.is_none_or(|at| at.elapsed() >= SWEEP_EVERY) {
            last_sweep = Some(std::time::Instant::now());
            let before = chrono::Utc::now() - SWEEP_MIN_AGE;
            match sweep::sweep_orphans(&state.db, &state.storage, before).await {
                Ok(swept) if swept != sweep::Swept::default() => {
                    log::info!("storage sweep: {swept:?}")
                }
                Ok(_) => {}
                Err(e) => log::warn!("storage sweep did not finish: {e}"),
            }
        }
    }
}

async fn deliver_mail(state: AppState) {
    let mut ticks = ticks(Duration::from_secs(state.config.mail.poll_seconds));
    loop {
        ticks.tick().await;
        if let Err(e) = mail::deliver_due(&state).await {
            log::warn!("mail delivery failed: {e:#}");
        }
    }
}
