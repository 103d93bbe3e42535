//! Aduan: public-complaint management for Indonesian government agencies.
//!
//! Layout: `domain` holds the rules (pure), `db` the storage, `http` one
//! module per resource, `auth` staff sign-in, `storage` attachments,
//! `config` the environment, `notify` who is told what, `jobs` the
//! background work (mail delivery), `startup` puts them together.

pub mod auth;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod http;
pub mod jobs;
pub mod notify;
pub mod openapi;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;
