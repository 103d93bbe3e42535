//! Background work beside the HTTP server: mail delivery from the outbox.
//! Every replica may run it; the outbox's leases keep them from sending the
//! same mail twice.

pub mod mail;

use std::time::Duration;

use crate::state::AppState;

/// Starts the background tasks on the current runtime, unless
/// `ADUAN_JOBS=off` (tests run them by hand, on their own clock).
pub fn spawn(state: AppState) {
    if !state.config.jobs {
        log::info!("background jobs are off (ADUAN_JOBS=off)");
        return;
    }
    match state.config.mail.describe() {
        None => log::warn!("ADUAN_SMTP_URL is unset: mail stays queued in the outbox"),
        Some(server) => {
            log::info!("delivering mail through {server}");
            tokio::spawn(deliver_mail(state));
        }
    }
}

async fn deliver_mail(state: AppState) {
    let mut ticks = tokio::time::interval(Duration::from_secs(state.config.mail.poll_seconds));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(e) = mail::deliver_due(&state).await {
            log::warn!("mail delivery failed: {e:#}");
        }
    }
}
