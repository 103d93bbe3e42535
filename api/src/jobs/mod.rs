//! Work done outside requests: the timed rules and storage upkeep. Every
//! replica runs them; each is safe to run on several at once (see each module).

pub mod sweep;
pub mod timers;

use std::time::Duration;

use crate::state::AppState;

/// Files younger than this may belong to a submission still being saved.
const SWEEP_MIN_AGE: chrono::Duration = chrono::Duration::hours(1);
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

/// Runs the jobs in the background until the server stops.
pub fn spawn(state: AppState) -> actix_web::rt::task::JoinHandle<()> {
    actix_web::rt::spawn(async move {
        let every = Duration::from_secs(state.config.jobs.interval_seconds);
        let mut ticks = actix_web::rt::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
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
    })
}
