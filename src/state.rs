//! Remembered place: reopening an article returns to where it was left.
//!
//! Owns the state file (`$XDG_STATE_HOME/lede/places.json`): what is stored
//! (a reading position, the active search, the selected entity), keyed by a
//! fingerprint of the article's text so a moved file is still recognised and
//! a changed file is not. Knows nothing of the terminal.
//!
//! Guarantees (RELIABILITY.md F1-F8):
//! - Writes are atomic and durable: a uniquely named temp file (`O_EXCL`,
//!   never following a symlink) in the same folder, fsync, rename over the
//!   old file, fsync of the folder. A failed or killed write leaves the old
//!   file whole.
//! - The file and its folder are private (0600 / 0700).
//! - A corrupt, hostile or oversized state file never stops lede: it is moved
//!   aside to `places.json.corrupt-<unix time>` with a warning, and lede starts
//!   clean.
//! - Nothing is ever written next to the article. With no usable state folder
//!   (no `$HOME`), positions live for the session only, with a warning.
//! - Two instances saving at once lose nothing: a save takes an exclusive
//!   lock on `places.json.lock` (an advisory `flock`, released when the
//!   file is closed, so a killed instance never leaves it held), re-reads
//!   the file under it, merges its own places in and writes the whole file.
//! - A state path (or lock path) that is not a regular file (a FIFO, a
//!   device, a folder) is never opened for reading, so it cannot block
//!   start-up: it is refused with a warning and positions are kept for the
//!   session only.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// State files larger than this are not read (and are set aside).
const MAX_STATE_BYTES: u64 = 4 * 1024 * 1024;
/// How many articles are remembered; the least recently read are forgotten.
const MAX_ENTRIES: usize = 2000;
/// Temp files older than this are leftovers of a crash.
const STALE_TEMP: Duration = Duration::from_secs(600);
const FILE_NAME: &str = "places.json";
const LOCK_NAME: &str = "places.json.lock";
const TEMP_PREFIX: &str = ".places.json.";

/// A fingerprint of an article's text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn of(text: &str) -> Self {
        let hash = xxhash_rust::xxh3::xxh3_128(text.as_bytes());
        Self(format!("{:032x}-{}", hash, text.len()))
    }
}

/// Where a reader was in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Byte offset into the document text of the first line shown.
    pub offset: usize,
    /// The search that was active, as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    /// The name of the selected entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// When it was saved (seconds since the Unix epoch).
    #[serde(default)]
    pub saved_at: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    version: u32,
    places: BTreeMap<Fingerprint, Place>,
}

/// Why the state could not be saved; the reader shows it and goes on.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("could not save the reading position in {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

/// The state store: a file, or (without a usable folder) memory only.
#[derive(Debug, Clone)]
pub struct Store {
    path: Option<PathBuf>,
    memory: StateFile,
    /// Things the user should be told (a corrupt file set aside, no folder).
    pub warnings: Vec<String>,
}

impl Store {
    /// The store in the XDG state folder, falling back to the local data
    /// folder, then to memory only.
    pub fn open_default() -> Self {
        match state_folder() {
            Some(folder) => Self::in_folder(folder),
            None => Self {
                path: None,
                memory: StateFile::default(),
                warnings: vec![
                    "no state folder ($HOME unset): positions are kept for this session only"
                        .into(),
                ],
            },
        }
    }

    /// The store in a given folder (created 0700 when first written).
    pub fn in_folder(folder: PathBuf) -> Self {
        let store = Self {
            path: Some(folder.join(FILE_NAME)),
            memory: StateFile::default(),
            warnings: Vec::new(),
        };
        remove_stale_temps(&folder);
        store
    }

    /// A store that never touches the disk (`--no-remember`, tests).
    #[cfg(test)]
    pub fn in_memory() -> Self {
        Self {
            path: None,
            memory: StateFile::default(),
            warnings: Vec::new(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Where the article with this fingerprint was left, if remembered.
    pub fn recall(&mut self, fingerprint: &Fingerprint) -> Option<Place> {
        let state = self.read();
        state.places.get(fingerprint).cloned()
    }

    /// Remembers a place (see [`Store::remember_all`]).
    pub fn remember(&mut self, fingerprint: Fingerprint, place: Place) -> Result<(), StateError> {
        self.remember_all(vec![(fingerprint, place)])
    }

    /// Remembers places, merged into the file under its lock: the file is
    /// re-read once the lock is held, so places another instance saved
    /// meanwhile are kept, and written whole before the lock is let go.
    pub fn remember_all(&mut self, places: Vec<(Fingerprint, Place)>) -> Result<(), StateError> {
        let Some(path) = self.path.clone() else {
            let mut state = self.memory.clone();
            merge(&mut state, places);
            self.memory = state;
            return Ok(());
        };
        let failed = |source: io::Error| StateError::Write {
            path: path.clone(),
            source,
        };
        let lock = lock(&path).map_err(failed)?;
        let mut state = self.read();
        merge(&mut state, places);
        if self.path.is_none() {
            // The read refused the path (not a regular file): the places
            // stay in memory, as the warning says.
            self.memory = state;
            return Ok(());
        }
        let bytes = serde_json::to_vec_pretty(&state).map_err(|e| failed(io::Error::other(e)))?;
        let written = write_atomic(&path, |file| file.write_all(&bytes)).map_err(failed);
        drop(lock);
        written
    }

    /// The current state: the file's, or a clean one when it is missing or
    /// has been set aside as corrupt.
    fn read(&mut self) -> StateFile {
        let Some(path) = self.path.clone() else {
            return self.memory.clone();
        };
        match read_state(&path) {
            Ok(Some(state)) => state,
            Ok(None) => StateFile::default(),
            Err(ReadProblem::NotAFile) => {
                self.warnings.push(format!(
                    "the state path {} is not a regular file: positions are kept for this session only",
                    path.display()
                ));
                self.path = None;
                self.memory.clone()
            }
            Err(ReadProblem::Unusable(problem)) => {
                self.warnings
                    .push(set_aside(&path, "the state file", &problem));
                StateFile::default()
            }
        }
    }
}

/// Why a state file was not read.
enum ReadProblem {
    /// The path is a FIFO, a device or a folder: left alone.
    NotAFile,
    /// It is there but unusable, for this reason.
    Unusable(String),
}

/// Puts places into a state, forgetting the least recently saved past
/// [`MAX_ENTRIES`].
fn merge(state: &mut StateFile, places: Vec<(Fingerprint, Place)>) {
    state.version = 1;
    let saved_at = now();
    for (fingerprint, mut place) in places {
        place.saved_at = saved_at;
        state.places.insert(fingerprint, place);
    }
    if state.places.len() > MAX_ENTRIES {
        let mut by_age: Vec<_> = state
            .places
            .iter()
            .map(|(k, v)| (v.saved_at, k.clone()))
            .collect();
        by_age.sort();
        for (_, key) in by_age.into_iter().take(state.places.len() - MAX_ENTRIES) {
            state.places.remove(&key);
        }
    }
}

/// Opens a file for reading without ever blocking in `open` (a FIFO with
/// no writer would), and only when it is a regular file.
fn open_regular(path: &Path, options: &mut fs::OpenOptions) -> io::Result<Option<File>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Ok(None);
    }
    Ok(Some(file))
}

/// Takes the state folder's lock (an exclusive advisory lock on its lock
/// file, created 0600 when missing), waiting for another instance that
/// holds it; let go when the returned file is dropped.
fn lock(state_path: &Path) -> io::Result<File> {
    let folder = state_path
        .parent()
        .ok_or_else(|| io::Error::other("state path has no folder"))?;
    create_private_dir(folder)?;
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = open_regular(&folder.join(LOCK_NAME), &mut options)?
        .ok_or_else(|| io::Error::other(format!("{LOCK_NAME} is not a regular file")))?;
    file.lock()?;
    Ok(file)
}

/// Reads and parses the state file: `Ok(None)` when there is none.
fn read_state(path: &Path) -> Result<Option<StateFile>, ReadProblem> {
    let file = match open_regular(path, fs::OpenOptions::new().read(true)) {
        Ok(Some(file)) => file,
        Ok(None) => return Err(ReadProblem::NotAFile),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ReadProblem::Unusable(e.to_string())),
    };
    let unusable = |e: String| ReadProblem::Unusable(e);
    let mut bytes = Vec::new();
    file.take(MAX_STATE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unusable(e.to_string()))?;
    if bytes.len() as u64 > MAX_STATE_BYTES {
        return Err(unusable(format!("larger than {MAX_STATE_BYTES} bytes")));
    }
    // serde_json limits nesting depth, so a deeply nested file is an error,
    // not a stack overflow.
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| unusable(e.to_string()))
}

/// Writes a file atomically: `write` fills a fresh temp file in the same
/// folder, which is synced and renamed over `path`; the folder is synced
/// after. On any error the temp file is removed and `path` is untouched.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let folder = path
        .parent()
        .ok_or_else(|| io::Error::other("state path has no folder"))?;
    create_private_dir(folder)?;
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(folder)?;
    write(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    File::open(folder)?.sync_all()?;
    Ok(())
}

#[cfg(unix)]
fn create_private_dir(folder: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
}

#[cfg(not(unix))]
fn create_private_dir(folder: &Path) -> io::Result<()> {
    fs::create_dir_all(folder)
}

/// Removes temp files left by a crashed write; fresh ones may belong to a
/// running instance and stay.
fn remove_stale_temps(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The folder lede keeps its state in: the XDG state folder, else the
/// local data folder; `None` when there is no absolute one ($HOME unset).
pub fn state_folder() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "lede");
    dirs.as_ref()
        .and_then(|d| d.state_dir().map(Path::to_path_buf))
        .or_else(|| dirs.as_ref().map(|d| d.data_local_dir().to_path_buf()))
        .filter(|f| f.is_absolute())
}

/// Moves an unreadable state file aside (beside it, stamped with the
/// time) so it is never lost silently, and says what the user should be
/// told; `what` names the file ("the state file").
pub fn set_aside(path: &Path, what: &str, problem: &str) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "state".into(), |n| n.to_string_lossy());
    let aside = path.with_file_name(format!("{name}.corrupt-{}", now()));
    if fs::rename(path, &aside).is_ok() {
        format!(
            "{what} was unreadable ({problem}); moved to {}",
            aside.display()
        )
    } else {
        format!("{what} is unreadable ({problem}); starting clean")
    }
}

/// Seconds since the Unix epoch (0 on a clock before it).
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(offset: usize) -> Place {
        Place {
            offset,
            search: Some("Idlib".into()),
            entity: None,
            saved_at: 0,
        }
    }

    #[test]
    fn remembers_and_recalls_across_stores() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fp = Fingerprint::of("an article");
        Store::in_folder(dir.path().join("lede"))
            .remember(fp.clone(), place(42))
            .expect("save");
        let mut again = Store::in_folder(dir.path().join("lede"));
        let got = again.recall(&fp).expect("remembered");
        assert_eq!((got.offset, got.search.as_deref()), (42, Some("Idlib")));
        assert_eq!(again.recall(&Fingerprint::of("another article")), None);
    }

    #[test]
    fn fingerprints_follow_content_not_names() {
        assert_eq!(Fingerprint::of("same"), Fingerprint::of("same"));
        assert_ne!(Fingerprint::of("same"), Fingerprint::of("same."));
    }

    #[cfg(unix)]
    #[test]
    fn file_and_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("lede");
        let mut store = Store::in_folder(folder.clone());
        store
            .remember(Fingerprint::of("a"), place(1))
            .expect("save");
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&folder.join(FILE_NAME)), 0o600);
        assert_eq!(mode(&folder), 0o700);
        // A second write keeps the mode (rename publishes the new temp file).
        store
            .remember(Fingerprint::of("b"), place(2))
            .expect("save");
        assert_eq!(mode(&folder.join(FILE_NAME)), 0o600);
    }

    #[test]
    fn a_write_failing_at_every_byte_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(FILE_NAME);
        write_atomic(&path, |f| f.write_all(b"old state")).expect("first write");
        let new = b"new state, longer than the old one";
        for fail_at in 0..new.len() {
            let result = write_atomic(&path, |f| {
                f.write_all(&new[..fail_at])?;
                Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
            });
            assert!(result.is_err());
            assert_eq!(
                fs::read(&path).expect("read"),
                b"old state",
                "failed at byte {fail_at}"
            );
        }
        let leftovers = fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(
            leftovers, 1,
            "temp files are cleaned up after a failed write"
        );
    }

    #[test]
    fn corrupt_state_is_set_aside_with_a_warning() {
        let cases: [&[u8]; 5] = [
            b"\x00\xff garbage",
            b"{\"version\":1,\"places\":{\"x\":{\"offset\":-5}}}",
            b"{\"version\":1,\"places\":{\"x\":{\"offset\":NaN}}}",
            b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            b"{\"version\":1,\"places\":{},\"extra\":true}",
        ];
        for bytes in cases {
            let dir = tempfile::tempdir().expect("tempdir");
            let folder = dir.path().to_path_buf();
            fs::write(folder.join(FILE_NAME), bytes).expect("write");
            let mut store = Store::in_folder(folder.clone());
            assert_eq!(store.recall(&Fingerprint::of("a")), None);
            assert_eq!(
                store.warnings.len(),
                1,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
            let aside = fs::read_dir(&folder)
                .expect("dir")
                .flatten()
                .any(|e| e.file_name().to_string_lossy().contains(".corrupt-"));
            assert!(aside, "the corrupt file is kept aside");
            store
                .remember(Fingerprint::of("a"), place(3))
                .expect("a clean file is written");
            assert_eq!(
                store.recall(&Fingerprint::of("a")).map(|p| p.offset),
                Some(3)
            );
        }
    }

    #[test]
    fn an_oversized_state_file_is_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = vec![b' '; MAX_STATE_BYTES as usize + 10];
        fs::write(dir.path().join(FILE_NAME), big).expect("write");
        let mut store = Store::in_folder(dir.path().to_path_buf());
        assert_eq!(store.recall(&Fingerprint::of("a")), None);
        assert!(store.warnings[0].contains("larger than"));
    }

    #[test]
    fn stale_temp_files_are_removed_fresh_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stale = dir.path().join(format!("{TEMP_PREFIX}stale"));
        let fresh = dir.path().join(format!("{TEMP_PREFIX}fresh"));
        fs::write(&stale, b"x").expect("write");
        fs::write(&fresh, b"x").expect("write");
        let old = SystemTime::now() - Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&stale)
            .expect("open")
            .set_modified(old)
            .expect("mtime");
        let _ = Store::in_folder(dir.path().to_path_buf());
        assert!(!stale.exists() && fresh.exists());
    }

    #[test]
    fn memory_store_works_without_a_folder() {
        let mut store = Store::in_memory();
        store
            .remember(Fingerprint::of("a"), place(7))
            .expect("save");
        assert_eq!(
            store.recall(&Fingerprint::of("a")).map(|p| p.offset),
            Some(7)
        );
        assert_eq!(store.path(), None);
    }

    #[test]
    fn two_writers_at_once_lose_no_place() {
        const EACH: usize = 60;
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("lede");
        let writers: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|who| {
                let folder = folder.clone();
                std::thread::spawn(move || {
                    for i in 0..EACH {
                        // A store per save, as an instance per article.
                        Store::in_folder(folder.clone())
                            .remember(Fingerprint::of(&format!("{who}{i}")), place(i))
                            .expect("saved");
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().expect("writer");
        }
        let state = Store::in_folder(folder).read();
        assert_eq!(state.places.len(), 2 * EACH);
    }

    #[test]
    fn several_places_are_saved_in_one_write() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::in_folder(dir.path().to_path_buf());
        let places = (0..3)
            .map(|i| (Fingerprint::of(&i.to_string()), place(i)))
            .collect();
        store.remember_all(places).expect("saved");
        assert_eq!(store.read().places.len(), 3);
    }

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    }

    /// Runs `f` on a thread and fails if it has not returned within a
    /// minute (a blocked `open` would never return).
    fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(f());
        });
        rx.recv_timeout(Duration::from_secs(60))
            .expect("returned, not blocked")
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_as_the_state_file_is_refused_never_opened_blocking() {
        let dir = tempfile::tempdir().expect("tempdir");
        mkfifo(&dir.path().join(FILE_NAME));
        let folder = dir.path().to_path_buf();
        let (recalled, saved, warnings) = within_a_minute(move || {
            let mut store = Store::in_folder(folder);
            let recalled = store.recall(&Fingerprint::of("a"));
            let saved = store.remember(Fingerprint::of("a"), place(5));
            (recalled, saved.is_ok(), store.warnings.clone())
        });
        assert_eq!(recalled, None);
        assert!(saved, "kept for the session");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("not a regular file"), "{warnings:?}");
        let meta = fs::symlink_metadata(dir.path().join(FILE_NAME)).expect("still there");
        assert!(!meta.is_file(), "the FIFO is left alone");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_as_the_lock_file_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().expect("tempdir");
        mkfifo(&dir.path().join(LOCK_NAME));
        let folder = dir.path().to_path_buf();
        let saved = within_a_minute(move || {
            Store::in_folder(folder)
                .remember(Fingerprint::of("a"), place(5))
                .map_err(|e| e.to_string())
        });
        assert!(saved.is_err_and(|e| e.contains("not a regular file")));
    }

    #[test]
    fn old_entries_are_forgotten_past_the_cap() {
        let mut store = Store::in_memory();
        for i in 0..MAX_ENTRIES + 5 {
            store
                .remember(Fingerprint::of(&i.to_string()), place(i))
                .expect("save");
        }
        assert_eq!(store.read().places.len(), MAX_ENTRIES);
    }
}
