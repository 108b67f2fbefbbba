//! Which feed items have been read: `$XDG_STATE_HOME/lede/read.json`
//! (usually `~/.local/state/lede/read.json`), apart from the places file.
//!
//! Items are keyed by a hash of their feed's address and their id, so the
//! file says nothing readable about what was read. The session keeps the
//! marks in memory (`app::feed`); this module loads them before the reader
//! starts and saves what changed after it ends: the file is read again
//! first and the changes laid over it (an item marked read elsewhere
//! meanwhile stays read, one marked unread here is unread), then written
//! atomically (`state::write_atomic`: a temp file, fsync, rename; mode
//! 0600). A corrupt or oversized file is set aside as
//! `read.json.corrupt-<time>` with a warning, never lost silently. At most
//! [`MAX_MARKS`] marks are kept, the oldest forgotten first.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const FILE_NAME: &str = "read.json";
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Marks kept; the oldest go first past it.
pub const MAX_MARKS: usize = 100_000;

/// The key of an item's mark.
pub fn key(feed: &str, item_id: &str) -> String {
    let mut text = String::with_capacity(feed.len() + item_id.len() + 1);
    text.push_str(feed);
    text.push('\n');
    text.push_str(item_id);
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    /// Key -> when it was marked read (seconds since the epoch).
    read: HashMap<String, u64>,
}

/// The marks file, or memory only (no state folder).
#[derive(Debug)]
pub struct ReadMarks {
    path: Option<PathBuf>,
    marks: HashMap<String, u64>,
    /// What the user should be told (a corrupt file set aside).
    pub warnings: Vec<String>,
}

impl ReadMarks {
    /// The marks in the XDG state folder (the places file's folder).
    pub fn open_default() -> ReadMarks {
        match crate::state::state_folder() {
            Some(f) => ReadMarks::in_folder(f),
            None => ReadMarks {
                path: None,
                marks: HashMap::new(),
                warnings: vec![
                    "no state folder ($HOME unset): read marks last this session".into(),
                ],
            },
        }
    }

    /// The marks kept in a folder.
    pub fn in_folder(folder: PathBuf) -> ReadMarks {
        let mut marks = ReadMarks {
            path: Some(folder.join(FILE_NAME)),
            marks: HashMap::new(),
            warnings: Vec::new(),
        };
        marks.marks = marks.read();
        marks
    }

    /// True when the item with this key is marked read.
    pub fn is_read(&self, key: &str) -> bool {
        self.marks.contains_key(key)
    }

    /// The keys marked read.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.marks.keys().map(String::as_str)
    }

    /// Saves the changes the session made (`read`, `unread`: keys) over
    /// what the file holds now.
    pub fn save(&mut self, read: &[String], unread: &[String]) -> io::Result<()> {
        if read.is_empty() && unread.is_empty() {
            return Ok(());
        }
        let mut marks = self.read();
        let at = crate::state::now();
        for k in read {
            marks.insert(k.clone(), at);
        }
        for k in unread {
            marks.remove(k);
        }
        if marks.len() > MAX_MARKS {
            let mut by_age: Vec<(u64, String)> =
                marks.iter().map(|(k, &t)| (t, k.clone())).collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(marks.len() - MAX_MARKS) {
                marks.remove(&k);
            }
        }
        self.marks = marks;
        let Some(path) = &self.path else {
            return Ok(());
        };
        let file = File {
            version: 1,
            read: self.marks.clone(),
        };
        let bytes = serde_json::to_vec(&file).map_err(io::Error::other)?;
        crate::state::write_atomic(path, |f| f.write_all(&bytes))
    }

    /// The file's marks; a corrupt file is set aside with a warning.
    fn read(&mut self) -> HashMap<String, u64> {
        let Some(path) = self.path.clone() else {
            return self.marks.clone();
        };
        match read_file(&path) {
            Ok(marks) => marks,
            Err(problem) => {
                self.warnings.push(crate::state::set_aside(
                    &path,
                    "the read-marks file",
                    &problem,
                ));
                HashMap::new()
            }
        }
    }
}

fn read_file(path: &Path) -> Result<HashMap<String, u64>, String> {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(e.to_string()),
    };
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("larger than {MAX_FILE_BYTES} bytes"));
    }
    serde_json::from_slice::<File>(&bytes)
        .map(|f| f.read)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_saved_and_merged_with_another_instances() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = key("http://f/", "1");
        let b = key("http://f/", "2");
        let c = key("http://g/", "1");
        assert_ne!(a, c, "the feed is part of the key");
        let mut first = ReadMarks::in_folder(dir.path().to_path_buf());
        let mut second = ReadMarks::in_folder(dir.path().to_path_buf());
        first.save(&[a.clone(), b.clone()], &[]).expect("saved");
        // The second instance read the file before: its save keeps the
        // first's marks and takes back the one it unmarked.
        second
            .save(std::slice::from_ref(&c), std::slice::from_ref(&b))
            .expect("saved");
        let again = ReadMarks::in_folder(dir.path().to_path_buf());
        assert!(again.is_read(&a) && again.is_read(&c));
        assert!(!again.is_read(&b));
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_warning() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(FILE_NAME), b"{\"version\":1,\"read\":[1,2").expect("write");
        let mut marks = ReadMarks::in_folder(dir.path().to_path_buf());
        assert_eq!(marks.warnings.len(), 1, "{:?}", marks.warnings);
        assert!(marks.warnings[0].contains("moved to"));
        let aside = fs::read_dir(dir.path()).expect("dir").flatten().any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("read.json.corrupt-")
        });
        assert!(aside);
        marks.save(&[key("f", "1")], &[]).expect("a clean file");
        assert!(ReadMarks::in_folder(dir.path().to_path_buf()).is_read(&key("f", "1")));
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let mut marks = ReadMarks::in_folder(dir.path().join("lede"));
        marks.save(&[key("f", "1")], &[]).expect("saved");
        let mode = fs::metadata(dir.path().join("lede").join(FILE_NAME))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
