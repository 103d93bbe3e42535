//! Attachment storage through `object_store`: a local folder by default,
//! any S3-compatible store later without touching the callers.

use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use object_store::{local::LocalFileSystem, path::Path, ObjectStore, PutPayload};
use sha2::{Digest, Sha256};

#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    /// The folder of a local store, where interrupted writes leave their
    /// staging files (`<name>#<n>`), which the store itself never lists.
    local_dir: Option<PathBuf>,
}

impl Storage {
    pub fn local(dir: &std::path::Path) -> anyhow::Result<Storage> {
        std::fs::create_dir_all(dir)?;
        Ok(Storage {
            store: Arc::new(LocalFileSystem::new_with_prefix(dir)?),
            local_dir: Some(dir.to_path_buf()),
        })
    }

    pub async fn put(&self, key: &str, bytes: Bytes) -> anyhow::Result<()> {
        self.store
            .put(&Path::from(key), PutPayload::from_bytes(bytes))
            .await?;
        Ok(())
    }

    pub async fn get(&self, key: &str) -> anyhow::Result<Bytes> {
        Ok(self.store.get(&Path::from(key)).await?.bytes().await?)
    }

    /// Stores every object or, when one fails, none (those already stored are removed).
    pub async fn put_all(&self, objects: Vec<(String, Bytes)>) -> anyhow::Result<()> {
        let mut stored = Vec::new();
        for (key, bytes) in objects {
            if let Err(e) = self.put(&key, bytes).await {
                self.delete_all(&stored).await;
                return Err(e.context("storing an attachment"));
            }
            stored.push(key);
        }
        Ok(())
    }

    /// Keys under `prefix` last written before `before`.
    pub async fn list_written_before(
        &self,
        prefix: &str,
        before: DateTime<Utc>,
    ) -> anyhow::Result<Vec<String>> {
        Ok(self
            .store
            .list(Some(&Path::from(prefix)))
            .try_filter(|meta| std::future::ready(meta.last_modified < before))
            .map_ok(|meta| meta.location.to_string())
            .try_collect()
            .await?)
    }

    /// Removes staging files of writes interrupted before `before` (a local
    /// store renames a finished write into place; a killed process leaves
    /// its staging file behind). Returns how many were removed.
    pub fn remove_interrupted_writes(&self, before: DateTime<Utc>) -> anyhow::Result<usize> {
        let Some(root) = &self.local_dir else {
            return Ok(0);
        };
        let mut removed = 0;
        let mut folders = vec![root.clone()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder)? {
                let entry = entry?;
                let meta = entry.metadata()?;
                if meta.is_dir() {
                    folders.push(entry.path());
                    continue;
                }
                let written: DateTime<Utc> = meta.modified()?.into();
                if entry.file_name().to_string_lossy().contains('#') && written < before {
                    std::fs::remove_file(entry.path())?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// Removes stored objects; used to undo uploads whose complaint was not saved.
    pub async fn delete_all(&self, keys: &[String]) {
        for key in keys {
            if let Err(e) = self.store.delete(&Path::from(key.as_str())).await {
                log::warn!("could not remove stored object {key}: {e}");
            }
        }
    }
}

/// The types we accept as evidence, recognised by their first bytes, never
/// by the name or the declared type. Formats that can carry scripts (SVG,
/// HTML, office documents with macros) are not on the list.
pub const ACCEPTED_TYPES: &[&str] = &[
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/gif",
    "application/pdf",
];

pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let kind = infer::get(bytes)?;
    ACCEPTED_TYPES
        .iter()
        .copied()
        .find(|t| *t == kind.mime_type())
}

/// A file received from a client, checked and ready to store.
#[derive(Debug, Clone)]
pub struct Upload {
    pub file_name: String,
    pub content_type: &'static str,
    pub sha256: String,
    pub bytes: Bytes,
}

impl Upload {
    pub fn new(file_name: String, content_type: &'static str, bytes: Bytes) -> Upload {
        Upload {
            sha256: hex::encode(Sha256::digest(&bytes)),
            file_name,
            content_type,
            bytes,
        }
    }
}

/// Keeps a file name safe to show and to put in a Content-Disposition header:
/// no path, no control characters, bounded length.
pub fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .chars()
        .take(120)
        .collect();
    if cleaned.is_empty() {
        "file".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_the_type() {
        assert_eq!(
            sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
            Some("application/pdf")
        );
        assert_eq!(
            sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
            Some("image/png")
        );
        assert_eq!(
            sniff(b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
            None
        );
        assert_eq!(
            sniff(b"MZ\x90\x00\x03\x00\x00\x00"),
            None,
            "a Windows executable"
        );
        assert_eq!(sniff(b"just text"), None);
    }

    #[test]
    fn file_names_lose_paths_and_control_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\x\\bukti.pdf"), "bukti.pdf");
        assert_eq!(clean_file_name("a\r\nb\".pdf"), "ab.pdf");
        assert_eq!(clean_file_name("..."), "file");
        assert_eq!(clean_file_name(&"x".repeat(500)).len(), 120);
    }
}
