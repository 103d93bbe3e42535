//! End-to-end tests: each starts the real server on a random port with a
//! fresh database and talks HTTP to it. Run on SQLite by default, on
//! PostgreSQL with ADUAN_TEST_DATABASE=postgres.

mod admin;
mod archive;
mod audit;
mod auth;
mod calendar;
mod concurrency;
mod evaluation;
mod exports;
mod health;
mod idempotency;
mod inbox;
mod lifecycle;
mod notifications;
mod openapi;
mod permissions;
mod schema;
mod security;
mod statistics;
mod submission;
mod timeline;
mod timers;
mod tracking;
mod transparency;
mod uploads;
