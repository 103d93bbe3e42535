//! Sends due mail from the outbox over SMTP. A message is claimed under a
//! lease, sent, then marked sent; a failure puts it back with exponential
//! backoff until it runs out of attempts. Its `Message-ID` comes from the
//! outbox row, so the rare resend after a crash between the SMTP server's
//! acceptance and our record of it can be recognised as the same message.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::db::outbox::{self, OutboxRow};
use crate::state::AppState;

/// Messages claimed at a time.
const BATCH: i64 = 10;
/// Each network step of an SMTP conversation.
const STEP_TIMEOUT: Duration = Duration::from_secs(20);
/// A whole message, from connecting to the server's acceptance.
const MESSAGE_TIMEOUT: Duration = Duration::from_secs(60);

/// A claim outlasts the slowest possible batch, so nobody else takes a
/// message while its sender may still be sending it.
fn lease() -> chrono::Duration {
    chrono::Duration::from_std(MESSAGE_TIMEOUT * BATCH as u32).expect("a short lease")
        + chrono::Duration::minutes(1)
}

/// How long to wait after the `attempts`-th failed try: 1, 2, 4, … minutes,
/// at most an hour.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let doublings = attempts.saturating_sub(1).clamp(0, 6) as u32;
    chrono::Duration::minutes((1i64 << doublings).min(60))
}

/// Why a message did not go.
enum Failure {
    /// Worth another try: the server was down, busy or slow.
    Transient(String),
    /// Will never go: a malformed address, or the server refused it for good.
    Permanent(String),
}

/// One pass: sends every message due now. Returns how many were sent.
/// Without `ADUAN_SMTP_URL` nothing is sent and mail stays queued.
pub async fn deliver_due(state: &AppState) -> anyhow::Result<usize> {
    let Some(url) = &state.config.mail.smtp_url else {
        return Ok(0);
    };
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
        .timeout(Some(STEP_TIMEOUT))
        .build();
    let max_attempts = state.config.mail.max_attempts as i32;
    let mut sent = 0;
    loop {
        let now = state.clock.now().naive_utc();
        let lease_until = now + lease();
        let batch = state
            .db
            .write(move |conn| outbox::claim_due(conn, now, lease_until, BATCH))
            .await?;
        let full = batch.len() as i64 == BATCH;
        for row in batch {
            let outcome = send(&transport, &state.config.mail.from, &row).await;
            let now = state.clock.now().naive_utc();
            let id = row.id.clone();
            match outcome {
                Ok(()) => {
                    state
                        .db
                        .write(move |conn| outbox::mark_sent(conn, &id, now))
                        .await?;
                    sent += 1;
                }
                Err(failure) => {
                    let (error, retry_at) = match failure {
                        Failure::Transient(e) if row.attempts < max_attempts => {
                            (e, Some(now + backoff(row.attempts)))
                        }
                        Failure::Transient(e) | Failure::Permanent(e) => (e, None),
                    };
                    match retry_at {
                        Some(at) => log::warn!(
                            "mail {} ({}) not sent on try {}, again at {at}: {error}",
                            row.id,
                            row.kind,
                            row.attempts
                        ),
                        None => log::error!(
                            "mail {} ({}) given up after {} tries: {error}",
                            row.id,
                            row.kind,
                            row.attempts
                        ),
                    }
                    state
                        .db
                        .write(move |conn| {
                            outbox::mark_failed_attempt(conn, &id, &error, now, retry_at)
                        })
                        .await?;
                }
            }
        }
        if !full {
            return Ok(sent);
        }
    }
}

fn message(from: &Mailbox, row: &OutboxRow) -> Result<Message, Failure> {
    let permanent = |e: &dyn std::fmt::Display| Failure::Permanent(e.to_string());
    let to: Mailbox = row.recipient.parse().map_err(|e| permanent(&e))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(row.subject.clone())
        .message_id(Some(format!("<{}@{}>", row.id, from.email.domain())))
        .date(row.created_at.and_utc().into())
        .header(ContentType::TEXT_PLAIN)
        .body(row.body_text.clone())
        .map_err(|e| permanent(&e))
}

async fn send(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    row: &OutboxRow,
) -> Result<(), Failure> {
    let message = message(from, row)?;
    match tokio::time::timeout(MESSAGE_TIMEOUT, transport.send(message)).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) if e.is_permanent() => Err(Failure::Permanent(e.to_string())),
        Ok(Err(e)) => Err(Failure::Transient(e.to_string())),
        Err(_) => Err(Failure::Transient(format!(
            "no answer within {} seconds",
            MESSAGE_TIMEOUT.as_secs()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_a_minute_up_to_an_hour() {
        let minutes: Vec<i64> = (1..=9).map(|n| backoff(n).num_minutes()).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(backoff(0).num_minutes(), 1);
    }

    #[test]
    fn a_claim_outlasts_the_slowest_batch() {
        let slowest = chrono::Duration::from_std(MESSAGE_TIMEOUT).unwrap() * BATCH as i32;
        assert!(lease() > slowest);
    }

    #[test]
    fn the_message_id_comes_from_the_outbox_row() {
        let row = OutboxRow {
            id: "0193-abc".into(),
            kind: "received".into(),
            complaint_id: None,
            recipient: "wayan@example.id".into(),
            language: "id".into(),
            subject: "[Aduan] Pengaduan Anda telah diterima".into(),
            body_text: "Terima kasih.".into(),
            status: "sending".into(),
            attempts: 1,
            next_attempt_at: "2026-11-25T02:00:00".parse().unwrap(),
            claimed_until: None,
            last_error: None,
            sent_at: None,
            created_at: "2026-11-25T02:00:00".parse().unwrap(),
        };
        let from: Mailbox = "Aduan <aduan@bangli.example.id>".parse().unwrap();
        let Ok(built) = message(&from, &row) else {
            panic!("the message builds")
        };
        let text = String::from_utf8(built.formatted()).unwrap();
        assert!(
            text.contains("Message-ID: <0193-abc@bangli.example.id>"),
            "{text}"
        );
        let bad = OutboxRow {
            recipient: "not an address".into(),
            ..row
        };
        assert!(matches!(message(&from, &bad), Err(Failure::Permanent(_))));
    }
}
