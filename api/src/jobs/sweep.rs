//! Removes attachment files that no complaint refers to.
//!
//! Files are stored before the transaction that records them, so that a
//! slow upload never holds a database lock. A request that fails removes its
//! files itself; a process killed in between cannot, and leaves orphans.
//! Only files older than a safety margin are considered: a younger file may
//! belong to a request still on its way to committing.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::attachments;
use crate::db::Db;
use crate::storage::Storage;

/// Where attachments live in the store (see `AttachmentRow::for_upload`).
const ATTACHMENTS_PREFIX: &str = "attachments";
/// Keys checked against the database per query.
const BATCH: usize = 500;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Stored files without an attachments row.
    pub orphans: usize,
    /// Staging files of interrupted writes.
    pub interrupted: usize,
}

/// Removes files written before `before` that no attachment row names.
/// Safe to run on several replicas at once: removing a file twice is harmless.
pub async fn sweep_orphans(
    db: &Db,
    storage: &Storage,
    before: DateTime<Utc>,
) -> anyhow::Result<Swept> {
    let candidates = storage
        .list_written_before(ATTACHMENTS_PREFIX, before)
        .await?;
    let mut swept = Swept::default();
    for batch in candidates.chunks(BATCH) {
        let keys = batch.to_vec();
        let known: HashSet<String> = db
            .read(move |conn| {
                Ok(attachments::table
                    .filter(attachments::storage_key.eq_any(&keys))
                    .select(attachments::storage_key)
                    .load::<String>(conn)?
                    .into_iter()
                    .collect())
            })
            .await?;
        let orphans: Vec<String> = batch
            .iter()
            .filter(|key| !known.contains(*key))
            .cloned()
            .collect();
        for key in &orphans {
            log::info!("removing orphan attachment file {key}");
        }
        storage.delete_all(&orphans).await;
        swept.orphans += orphans.len();
    }
    swept.interrupted = storage.remove_interrupted_writes(before)?;
    Ok(swept)
}
