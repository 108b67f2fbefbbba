//! The page cache: pages and feeds fetched are kept in
//! `$XDG_CACHE_HOME/lede` (usually `~/.cache/lede`), so they open again at
//! once, are revalidated with their ETag and Last-Modified instead of
//! fetched whole, and can be read with `--offline`.
//!
//! One entry per URL asked for: `<hash>.body` (the bytes as fetched, after
//! decompression) and `<hash>.json` (the final URL, media type, charset,
//! validators, when it was fetched). Both are written atomically (a temp
//! file renamed over, `state::write_atomic`), the metadata last, so an entry
//! whose metadata reads names a whole body. The cache is bounded by size:
//! after a write, the least recently used entries (by the body's
//! modification time, which a read sets) go until the total is under the
//! cap. A broken entry is a miss, never an error. Knows nothing of the
//! network or of documents.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::fetch::{Page, Validators};

/// The default bound of the cache (the config's `[cache] max_mb`).
pub const DEFAULT_MAX_BYTES: u64 = 200 * 1024 * 1024;

/// What the metadata file of an entry holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Meta {
    /// The URL asked for.
    url: String,
    /// Where the body came from after redirects.
    final_url: String,
    media_type: Option<String>,
    charset: Option<String>,
    etag: Option<String>,
    last_modified: Option<String>,
    /// When it was fetched or last revalidated (seconds since the epoch).
    fetched_at: u64,
    /// The body's length, to check the two files belong together.
    len: u64,
}

/// A page read from the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cached {
    pub page: Page,
    /// When it was fetched or last revalidated (seconds since the epoch).
    pub fetched_at: u64,
}

/// The cache folder, or none (no `$HOME`: nothing is kept).
#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
    max_bytes: u64,
}

impl Cache {
    /// The cache in `$XDG_CACHE_HOME/lede`, bounded to `max_bytes`.
    pub fn open_default(max_bytes: u64) -> Cache {
        let dir = directories::ProjectDirs::from("", "", "lede")
            .map(|d| d.cache_dir().to_path_buf())
            .filter(|d| d.is_absolute());
        Cache { dir, max_bytes }
    }

    /// A cache in a given folder (created when first written).
    pub fn in_folder(dir: PathBuf, max_bytes: u64) -> Cache {
        Cache {
            dir: Some(dir),
            max_bytes,
        }
    }

    /// A cache that keeps nothing.
    pub fn none() -> Cache {
        Cache {
            dir: None,
            max_bytes: 0,
        }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    fn paths(&self, url: &str) -> Option<(PathBuf, PathBuf)> {
        let dir = self.dir.as_ref()?;
        let key = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(url.as_bytes()));
        Some((
            dir.join(format!("{key}.body")),
            dir.join(format!("{key}.json")),
        ))
    }

    /// The copy of `url`, if one is kept whole; reading it marks it used.
    pub fn get(&self, url: &str) -> Option<Cached> {
        let (body_path, meta_path) = self.paths(url)?;
        let meta: Meta = serde_json::from_slice(&read_small(&meta_path)?).ok()?;
        if meta.url != url {
            return None;
        }
        let body = fs::read(&body_path).ok()?;
        if body.len() as u64 != meta.len {
            return None;
        }
        touch(&body_path);
        Some(Cached {
            page: Page {
                url: meta.final_url,
                media_type: meta.media_type,
                charset: meta.charset,
                validators: Validators {
                    etag: meta.etag,
                    last_modified: meta.last_modified,
                },
                body,
            },
            fetched_at: meta.fetched_at,
        })
    }

    /// Keeps `page` as the copy of `url`, then trims the cache to its
    /// bound. Failing to write is not an error for the reader: the page is
    /// read all the same, only not kept.
    pub fn put(&self, url: &str, page: &Page) -> std::io::Result<()> {
        let Some((body_path, meta_path)) = self.paths(url) else {
            return Ok(());
        };
        if page.body.len() as u64 > self.max_bytes {
            return Ok(());
        }
        let meta = Meta {
            url: url.to_string(),
            final_url: page.url.clone(),
            media_type: page.media_type.clone(),
            charset: page.charset.clone(),
            etag: page.validators.etag.clone(),
            last_modified: page.validators.last_modified.clone(),
            fetched_at: crate::state::now(),
            len: page.body.len() as u64,
        };
        let json = serde_json::to_vec(&meta).map_err(std::io::Error::other)?;
        crate::state::write_atomic(&body_path, |f| f.write_all(&page.body))?;
        crate::state::write_atomic(&meta_path, |f| f.write_all(&json))?;
        self.trim();
        Ok(())
    }

    /// Marks the copy of `url` as current (the server said 304).
    pub fn revalidated(&self, url: &str) {
        let Some((_, meta_path)) = self.paths(url) else {
            return;
        };
        let Some(mut meta) =
            read_small(&meta_path).and_then(|b| serde_json::from_slice::<Meta>(&b).ok())
        else {
            return;
        };
        meta.fetched_at = crate::state::now();
        if let Ok(json) = serde_json::to_vec(&meta) {
            let _ = crate::state::write_atomic(&meta_path, |f| f.write_all(&json));
        }
    }

    /// Removes the least recently used entries until the cache is under
    /// its bound.
    fn trim(&self) {
        let Some(dir) = &self.dir else { return };
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut bodies: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        let mut total = 0u64;
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            total += meta.len();
            if path.extension().is_some_and(|e| e == "body") {
                let used = meta.modified().unwrap_or(UNIX_EPOCH);
                bodies.push((used, meta.len(), path));
            }
        }
        if total <= self.max_bytes {
            return;
        }
        bodies.sort();
        for (_, len, body) in bodies {
            if total <= self.max_bytes {
                break;
            }
            let meta = body.with_extension("json");
            let meta_len = fs::metadata(&meta).map_or(0, |m| m.len());
            let _ = fs::remove_file(&meta);
            if fs::remove_file(&body).is_ok() {
                total = total.saturating_sub(len + meta_len);
            }
        }
    }
}

/// Reads a metadata file, refusing one too large to be lede's.
fn read_small(path: &Path) -> Option<Vec<u8>> {
    let meta = fs::metadata(path).ok()?;
    if meta.len() > 64 * 1024 {
        return None;
    }
    fs::read(path).ok()
}

/// Marks a body as just used (its modification time), for the LRU order.
fn touch(path: &Path) {
    if let Ok(file) = fs::File::options().append(true).open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(url: &str, body: &[u8]) -> Page {
        Page {
            url: url.to_string(),
            media_type: Some("text/html".into()),
            charset: Some("utf-8".into()),
            validators: Validators {
                etag: Some("\"e\"".into()),
                last_modified: None,
            },
            body: body.to_vec(),
        }
    }

    #[test]
    fn a_page_kept_is_read_back_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::in_folder(dir.path().join("lede"), 1 << 20);
        assert_eq!(cache.get("http://a/"), None);
        let p = page("http://a/final", b"<p>hello</p>");
        cache.put("http://a/", &p).expect("kept");
        let got = cache.get("http://a/").expect("cached");
        assert_eq!(got.page, p);
        assert_eq!(cache.get("http://b/"), None);
    }

    #[test]
    fn a_broken_entry_is_a_miss() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::in_folder(dir.path().to_path_buf(), 1 << 20);
        cache
            .put("http://a/", &page("http://a/", b"whole body"))
            .expect("kept");
        let (body, meta) = cache.paths("http://a/").expect("paths");
        fs::write(&body, b"cut").expect("write");
        assert_eq!(cache.get("http://a/"), None, "a body of the wrong length");
        cache
            .put("http://a/", &page("http://a/", b"whole body"))
            .expect("kept");
        fs::write(&meta, b"{not json").expect("write");
        assert_eq!(cache.get("http://a/"), None, "unreadable metadata");
    }

    #[test]
    fn the_least_recently_used_go_first_past_the_bound() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::in_folder(dir.path().to_path_buf(), 3 * 1024);
        let body = vec![b'x'; 1000];
        let old = SystemTime::now() - std::time::Duration::from_secs(3600);
        for (i, url) in ["http://1/", "http://2/"].iter().enumerate() {
            cache.put(url, &page(url, &body)).expect("kept");
            let (b, _) = cache.paths(url).expect("paths");
            let at = old + std::time::Duration::from_secs(i as u64);
            fs::File::options()
                .append(true)
                .open(&b)
                .and_then(|f| f.set_modified(at))
                .expect("mtime");
        }
        // Reading the first makes the second the least recently used.
        assert!(cache.get("http://1/").is_some());
        cache
            .put("http://3/", &page("http://3/", &body))
            .expect("kept");
        assert!(cache.get("http://1/").is_some());
        assert!(cache.get("http://2/").is_none(), "evicted");
        assert!(cache.get("http://3/").is_some());
    }

    #[test]
    fn no_folder_keeps_nothing() {
        let cache = Cache::none();
        cache
            .put("http://a/", &page("http://a/", b"x"))
            .expect("no error");
        assert_eq!(cache.get("http://a/"), None);
    }
}
