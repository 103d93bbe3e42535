//! The `aduan` command: serve the API (default), migrate, seed, manage
//! users, print the OpenAPI document.

use anyhow::Context;
use clap::{Parser, Subcommand};

use aduan::auth::password;
use aduan::clock::Clock;
use aduan::config::Config;
use aduan::db::users::{self, UserRow};
use aduan::db::{migrations, new_id, reference, Db, DbConn};
use aduan::domain::Role;
use aduan::jobs::sweep;
use aduan::startup::{prepare_database, Application};
use aduan::storage::Storage;
use aduan::{openapi, telemetry};

#[derive(Parser)]
#[command(name = "aduan", version, about = "Public-complaint management API")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Add missing reference data (divisions, categories, 2026 holidays).
    Seed,
    /// Print the OpenAPI document (YAML; --json for JSON).
    Openapi {
        #[arg(long)]
        json: bool,
    },
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Attachment storage upkeep.
    Storage {
        #[command(subcommand)]
        command: StorageCommand,
    },
}

#[derive(Subcommand)]
enum StorageCommand {
    /// Remove stored files that no complaint refers to (left by a process
    /// killed between storing a file and saving its complaint). The server
    /// also does this every hour (files older than an hour).
    Sweep {
        /// Leave files younger than this alone: they may belong to a
        /// submission still being saved.
        #[arg(long, default_value_t = 60)]
        min_age_minutes: i64,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a staff account. The password comes from ADUAN_USER_PASSWORD,
    /// or a random one is printed once.
    Create {
        #[arg(long)]
        username: String,
        #[arg(long)]
        full_name: String,
        /// admin, supervisor, team_lead, complaint_officer, it_operator, division_staff
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The division's code (required for division_staff).
        #[arg(long)]
        division: Option<String>,
        #[arg(long)]
        email: Option<String>,
    },
}

fn parse_role(text: &str) -> Result<Role, String> {
    text.parse().map_err(|e: aduan::domain::Invalid| e.message)
}

/// glibc gives each thread that allocates its own malloc arena, up to eight
/// per core, and keeps their memory: with the blocking pool's threads that
/// doubled the server's resident memory under load for no speed we could
/// measure (docs/performance.md). Two arenas are plenty for this service.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    // SAFETY: mallopt only changes allocator tuning; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}

fn main() -> anyhow::Result<()> {
    limit_malloc_arenas();
    actix_web::rt::System::new().block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::Openapi { json }) = &cli.command {
        let doc = openapi::document();
        print!(
            "{}",
            if *json {
                doc.to_pretty_json()?
            } else {
                openapi::yaml()
            }
        );
        return Ok(());
    }
    telemetry::init_logging();
    let config = Config::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(config, Clock::system()).await?;
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            let db = Db::connect(&config.database, 1)?;
            let mut conn = db.conn()?;
            let applied = migrations::with_start_up_lock(&mut conn, migrations::run_pending)?;
            println!("applied {applied} migration(s)");
        }
        Command::Seed => {
            let db = Db::connect(&config.database, 1)?;
            prepare_database(&db, &config, &Clock::system())?;
            let mut conn = db.conn()?;
            let report = reference::seed(&mut conn, chrono::Utc::now().naive_utc())?;
            println!(
                "added {} division(s), {} categor(ies), {} holiday(s)",
                report.divisions, report.categories, report.holidays
            );
        }
        Command::User {
            command:
                UserCommand::Create {
                    username,
                    full_name,
                    role,
                    division,
                    email,
                },
        } => {
            let db = Db::connect(&config.database, 1)?;
            prepare_database(&db, &config, &Clock::system())?;
            let mut conn = db.conn()?;
            let generated = std::env::var("ADUAN_USER_PASSWORD").is_err();
            let password =
                std::env::var("ADUAN_USER_PASSWORD").unwrap_or_else(|_| password::generate());
            anyhow::ensure!(
                password.chars().count() >= password::MIN_LENGTH,
                "the password needs at least {} characters",
                password::MIN_LENGTH
            );
            create_user(
                &mut conn,
                &username,
                &full_name,
                role,
                division.as_deref(),
                email,
                &password,
            )?;
            println!("created {username} ({role})");
            if generated {
                println!("password (shown once): {password}");
            }
        }
        Command::Storage {
            command: StorageCommand::Sweep { min_age_minutes },
        } => {
            let db = Db::connect(&config.database, 2)?;
            let storage = Storage::local(&config.storage_dir)?;
            let before = chrono::Utc::now() - chrono::Duration::minutes(min_age_minutes);
            let swept = sweep::sweep_orphans(&db, &storage, before).await?;
            println!(
                "removed {} orphan file(s) and {} interrupted write(s)",
                swept.orphans, swept.interrupted
            );
        }
        Command::Openapi { .. } => unreachable!("handled above"),
    }
    Ok(())
}

fn create_user(
    conn: &mut DbConn,
    username: &str,
    full_name: &str,
    role: Role,
    division_code: Option<&str>,
    email: Option<String>,
    password: &str,
) -> anyhow::Result<()> {
    let division_id = match division_code {
        Some(code) => Some(
            reference::divisions(conn)?
                .into_iter()
                .find(|d| d.code.eq_ignore_ascii_case(code))
                .map(|d| d.id)
                .with_context(|| format!("no division has the code {code}"))?,
        ),
        None => None,
    };
    anyhow::ensure!(
        role != Role::DivisionStaff || division_id.is_some(),
        "division staff need --division"
    );
    let now = chrono::Utc::now().naive_utc();
    users::insert(
        conn,
        &UserRow {
            id: new_id(),
            username: username.trim().to_lowercase(),
            full_name: full_name.trim().to_string(),
            email,
            password_hash: password::hash(password)?,
            role: role.as_str().into(),
            division_id,
            supervisor_id: None,
            active: true,
            created_at: now,
            updated_at: now,
        },
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}
