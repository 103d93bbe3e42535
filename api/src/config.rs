//! Configuration from environment variables. Every variable is documented in
//! the README; each has a default so that `aduan` runs with none set.

use std::path::PathBuf;

use chrono_tz::Tz;

use crate::domain::sla::SlaPolicy;

#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: a `postgres://` URL, or unset for the embedded SQLite file
    /// `<ADUAN_DATA_DIR>/aduan.sqlite3` (a `sqlite://` URL or a path names another file).
    pub database: DatabaseConfig,
    /// `ADUAN_BIND`
    pub bind: String,
    /// `ADUAN_DATA_DIR`: the SQLite file and, by default, attachments.
    pub data_dir: PathBuf,
    /// `ADUAN_STORAGE_DIR`: where attachments are stored (default `<data dir>/attachments`).
    pub storage_dir: PathBuf,
    /// `ADUAN_ADMIN_PASSWORD`: the first admin's password; random when unset.
    pub admin_password: Option<String>,
    /// `ADUAN_JWT_SECRET`: signs access tokens; generated once and kept in the
    /// database when unset, so every replica shares it.
    pub jwt_secret: Option<String>,
    /// `ADUAN_ACCESS_TOKEN_MINUTES`
    pub access_token_minutes: i64,
    /// `ADUAN_REFRESH_TOKEN_DAYS`
    pub refresh_token_days: i64,
    /// `ADUAN_TIMEZONE`: the agency's time zone, in which working days are counted.
    pub timezone: Tz,
    /// `ADUAN_VERIFY_DAYS`, `ADUAN_REPORTER_REPLY_DAYS`, `ADUAN_EVALUATION_DAYS`,
    /// `ADUAN_AT_RISK_PERCENT`
    pub sla: SlaPolicy,
    /// `ADUAN_MAX_FILE_BYTES`
    pub max_file_bytes: usize,
    /// `ADUAN_MAX_FILES`
    pub max_files: usize,
    /// `ADUAN_DB_POOL_SIZE`
    pub pool_size: u32,
    /// `ADUAN_SEARCH_WINDOW`: how many of the newest complaints a word search
    /// in the inbox looks through before it reads the word's older matches
    /// through the text index (0: one query, the planner chooses).
    pub search_window: u32,
    /// `ADUAN_WORKERS`: HTTP worker threads (default: one per core).
    pub workers: Option<usize>,
    /// `ADUAN_RATE_LIMIT_SUBMIT_PER_MINUTE`: public submissions per client address (0: off).
    pub submit_per_minute: u32,
    /// `ADUAN_RATE_LIMIT_LOGIN_PER_MINUTE`: sign-in attempts per client address (0: off).
    pub login_per_minute: u32,
    /// `ADUAN_TRUST_PROXY`: take the client address from `X-Forwarded-For`
    /// (only behind a proxy that sets it).
    pub trust_proxy: bool,
    /// `ADUAN_CORS_ORIGINS`: comma-separated origins allowed to call the API
    /// from a browser (none by default: the SPA is served from the same origin).
    pub cors_origins: Vec<String>,
    /// `ADUAN_STATIC_DIR`: a built SPA to serve at `/` (default `frontend/dist`, else
    /// `frontend/placeholder`, whichever has an `index.html`; relative to the working directory).
    pub static_dir: Option<PathBuf>,
    /// `ADUAN_PUBLIC_URL`: where people reach the service, for links in mail
    /// (no trailing slash).
    pub public_url: String,
    pub mail: MailConfig,
    pub jobs: JobsConfig,
}

/// The timed rules and upkeep run in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobsConfig {
    /// `ADUAN_JOBS`: `on` (default) or `off` (a replica that only serves
    /// requests; tests run the jobs by hand).
    pub enabled: bool,
    /// `ADUAN_JOBS_INTERVAL_SECONDS`: how often the timed rules run.
    pub interval_seconds: u64,
    /// `ADUAN_ESCALATE_EVERY_DAYS`: working days overdue between two escalation steps.
    pub escalate_every_days: u32,
    /// `ADUAN_ARCHIVE_AFTER_DAYS`: calendar days after which a closed or
    /// rejected complaint moves to the archive (0: only by hand).
    pub archive_after_days: u32,
}

/// Outgoing mail.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// `ADUAN_SMTP_URL`: `smtp://host:port` (plain; `?tls=required` for
    /// STARTTLS), `smtps://host:port` (TLS), with optional `user:password@`.
    /// Unset, mail stays queued in the outbox.
    pub smtp_url: Option<String>,
    /// `ADUAN_MAIL_FROM`
    pub from: lettre::message::Mailbox,
    /// `ADUAN_MAIL_MAX_ATTEMPTS`: tries before a message is given up as failed.
    pub max_attempts: u32,
    /// `ADUAN_MAIL_POLL_SECONDS`: how often due mail is looked for.
    pub poll_seconds: u64,
}

impl MailConfig {
    /// The SMTP server for the log, without its password.
    pub fn describe(&self) -> Option<String> {
        self.smtp_url.as_deref().map(redact_password)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseConfig {
    Postgres(String),
    Sqlite(PathBuf),
}

impl DatabaseConfig {
    pub fn describe(&self) -> String {
        match self {
            DatabaseConfig::Postgres(url) => format!("PostgreSQL {}", redact_password(url)),
            DatabaseConfig::Sqlite(path) => format!("SQLite {}", path.display()),
        }
    }
}

fn redact_password(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> anyhow::Result<Config> {
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Reads configuration through `lookup`, so tests can configure a server
    /// without touching the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Config> {
        let data_dir = PathBuf::from(lookup("ADUAN_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database = match lookup("DATABASE_URL") {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                DatabaseConfig::Postgres(url)
            }
            Some(url) => {
                DatabaseConfig::Sqlite(PathBuf::from(url.strip_prefix("sqlite://").unwrap_or(&url)))
            }
            None => DatabaseConfig::Sqlite(data_dir.join("aduan.sqlite3")),
        };
        let number = |name: &str, default: i64, min: i64, max: i64| -> anyhow::Result<i64> {
            match lookup(name) {
                None => Ok(default),
                Some(text) => match text.trim().parse::<i64>() {
                    Ok(n) if (min..=max).contains(&n) => Ok(n),
                    _ => anyhow::bail!(
                        "{name} must be a whole number from {min} to {max}, not '{text}'"
                    ),
                },
            }
        };
        let timezone_name = lookup("ADUAN_TIMEZONE").unwrap_or_else(|| "Asia/Makassar".into());
        let timezone: Tz = timezone_name.parse().map_err(|_| {
            anyhow::anyhow!("ADUAN_TIMEZONE '{timezone_name}' is not an IANA time zone")
        })?;
        let static_dir = match lookup("ADUAN_STATIC_DIR") {
            Some(dir) => Some(PathBuf::from(dir)),
            // The built SPA when there is one, else the placeholder page, so a
            // fresh checkout still shows something at `/`.
            None => ["frontend/dist", "frontend/placeholder"]
                .into_iter()
                .map(PathBuf::from)
                .find(|dir| dir.join("index.html").exists()),
        };
        let public_url = lookup("ADUAN_PUBLIC_URL")
            .unwrap_or_else(|| "http://localhost:8080".into())
            .trim_end_matches('/')
            .to_string();
        match url::Url::parse(&public_url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
            _ => anyhow::bail!("ADUAN_PUBLIC_URL must be an http(s) URL, not '{public_url}'"),
        }
        let smtp_url = lookup("ADUAN_SMTP_URL");
        if let Some(smtp) = &smtp_url {
            match url::Url::parse(smtp) {
                Ok(u) if matches!(u.scheme(), "smtp" | "smtps") && u.host().is_some() => {}
                _ => anyhow::bail!(
                    "ADUAN_SMTP_URL must look like smtp://host:port or smtps://host:port, not '{}'",
                    redact_password(smtp)
                ),
            }
        }
        let from_text =
            lookup("ADUAN_MAIL_FROM").unwrap_or_else(|| "Aduan <aduan@localhost>".into());
        let from = from_text.parse().map_err(|e| {
            anyhow::anyhow!("ADUAN_MAIL_FROM '{from_text}' is not a mail address: {e}")
        })?;
        Ok(Config {
            public_url,
            mail: MailConfig {
                smtp_url,
                from,
                max_attempts: number("ADUAN_MAIL_MAX_ATTEMPTS", 10, 1, 100)? as u32,
                poll_seconds: number("ADUAN_MAIL_POLL_SECONDS", 5, 1, 3600)? as u64,
            },
            storage_dir: lookup("ADUAN_STORAGE_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| data_dir.join("attachments")),
            database,
            bind: lookup("ADUAN_BIND").unwrap_or_else(|| "127.0.0.1:8080".into()),
            data_dir,
            admin_password: lookup("ADUAN_ADMIN_PASSWORD"),
            jwt_secret: lookup("ADUAN_JWT_SECRET"),
            access_token_minutes: number("ADUAN_ACCESS_TOKEN_MINUTES", 15, 1, 24 * 60)?,
            refresh_token_days: number("ADUAN_REFRESH_TOKEN_DAYS", 30, 1, 365)?,
            timezone,
            sla: SlaPolicy {
                verify_days: number("ADUAN_VERIFY_DAYS", 3, 1, 60)? as u32,
                reporter_reply_days: number("ADUAN_REPORTER_REPLY_DAYS", 10, 1, 60)? as u32,
                evaluation_days: number("ADUAN_EVALUATION_DAYS", 10, 1, 60)? as u32,
                at_risk_percent: number("ADUAN_AT_RISK_PERCENT", 75, 1, 100)? as u32,
            },
            max_file_bytes: number("ADUAN_MAX_FILE_BYTES", 10 * 1024 * 1024, 1024, 1 << 30)?
                as usize,
            max_files: number("ADUAN_MAX_FILES", 5, 0, 50)? as usize,
            pool_size: number("ADUAN_DB_POOL_SIZE", 10, 1, 200)? as u32,
            search_window: number("ADUAN_SEARCH_WINDOW", 2_000, 0, 1_000_000)? as u32,
            workers: lookup("ADUAN_WORKERS")
                .map(|_| number("ADUAN_WORKERS", 2, 1, 256).map(|n| n as usize))
                .transpose()?,
            submit_per_minute: number("ADUAN_RATE_LIMIT_SUBMIT_PER_MINUTE", 20, 0, 1_000_000)?
                as u32,
            login_per_minute: number("ADUAN_RATE_LIMIT_LOGIN_PER_MINUTE", 10, 0, 1_000_000)? as u32,
            trust_proxy: match lookup("ADUAN_TRUST_PROXY").as_deref() {
                None | Some("false") | Some("0") => false,
                Some("true") | Some("1") => true,
                Some(other) => {
                    anyhow::bail!("ADUAN_TRUST_PROXY must be true or false, not '{other}'")
                }
            },
            cors_origins: lookup("ADUAN_CORS_ORIGINS")
                .map(|list| {
                    list.split(',')
                        .map(|o| o.trim().trim_end_matches('/').to_string())
                        .filter(|o| !o.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            static_dir,
            jobs: JobsConfig {
                enabled: match lookup("ADUAN_JOBS").as_deref() {
                    None | Some("on") => true,
                    Some("off") => false,
                    Some(other) => anyhow::bail!("ADUAN_JOBS must be on or off, not '{other}'"),
                },
                interval_seconds: number("ADUAN_JOBS_INTERVAL_SECONDS", 60, 1, 86_400)? as u64,
                escalate_every_days: number("ADUAN_ESCALATE_EVERY_DAYS", 5, 1, 60)? as u32,
                archive_after_days: number("ADUAN_ARCHIVE_AFTER_DAYS", 30, 0, 3650)? as u32,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> anyhow::Result<Config> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_to_embedded_sqlite_under_data_dir() {
        let c = config(&[]).unwrap();
        assert_eq!(
            c.database,
            DatabaseConfig::Sqlite(PathBuf::from("./data/aduan.sqlite3"))
        );
        assert_eq!(c.bind, "127.0.0.1:8080");
        assert_eq!(c.timezone, chrono_tz::Asia::Makassar);
        assert_eq!(c.sla.verify_days, 3);
        assert_eq!(c.max_files, 5);
        assert_eq!(c.max_file_bytes, 10 * 1024 * 1024);
        assert_eq!(c.public_url, "http://localhost:8080");
        assert_eq!(c.mail.smtp_url, None);
        assert_eq!(c.mail.max_attempts, 10);
        assert_eq!(c.mail.poll_seconds, 5);
        assert!(c.jobs.enabled);
    }

    #[test]
    fn mail_settings_are_checked_and_the_smtp_password_never_shown() {
        let c = config(&[
            (
                "ADUAN_SMTP_URL",
                "smtps://mailer:hunter2@mail.example.id:465",
            ),
            ("ADUAN_MAIL_FROM", "Aduan Bangli <aduan@bangli.example.id>"),
            ("ADUAN_PUBLIC_URL", "https://aduan.example.id/"),
            ("ADUAN_JOBS", "off"),
        ])
        .unwrap();
        assert_eq!(c.public_url, "https://aduan.example.id");
        assert_eq!(c.mail.from.email.to_string(), "aduan@bangli.example.id");
        assert!(!c.mail.describe().unwrap().contains("hunter2"));
        assert!(!c.jobs.enabled);
        for (name, value) in [
            ("ADUAN_SMTP_URL", "http://mail.example.id"),
            ("ADUAN_MAIL_FROM", "not an address"),
            ("ADUAN_PUBLIC_URL", "aduan.example.id"),
            ("ADUAN_MAIL_MAX_ATTEMPTS", "0"),
            ("ADUAN_JOBS", "maybe"),
        ] {
            let err = config(&[(name, value)]).unwrap_err().to_string();
            assert!(err.contains(name), "{err}");
        }
    }

    #[test]
    fn postgres_url_selects_postgres() {
        let c = config(&[("DATABASE_URL", "postgres://u:secret@db/aduan")]).unwrap();
        assert!(matches!(c.database, DatabaseConfig::Postgres(_)));
        assert!(!c.database.describe().contains("secret"));
    }

    #[test]
    fn bad_numbers_and_zones_are_refused_with_the_variable_name() {
        let err = config(&[("ADUAN_VERIFY_DAYS", "0")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("ADUAN_VERIFY_DAYS"), "{err}");
        let err = config(&[("ADUAN_TIMEZONE", "Mars/Olympus")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("ADUAN_TIMEZONE"), "{err}");
    }
}
