//! Reading an article: bytes in, normalised text and a source map out.
//!
//! Owns decoding (UTF-8; UTF-16 and UTF-32 told by their BOM, UTF-16 also
//! without one; Windows-1252 for files that are plainly not UTF-8),
//! line-ending normalisation and the refusal of what is not text: binary
//! files, devices, files over [`MAX_BYTES`]. It keeps control characters as they are: the
//! sanitiser at the output sink makes them visible, so search and extraction
//! see the article's real characters.

use std::fs::File;
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::SourceMap;

/// Largest article lede opens; past it the user gets a message, not an OOM.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// How the article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// Guess from a file name; `None` when the name says nothing.
    pub fn from_name(name: &str) -> Option<Self> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Some(Self::Markdown),
            "txt" | "text" => Some(Self::Plain),
            "html" | "htm" | "xhtml" | "shtml" => Some(Self::Html),
            _ => None,
        }
    }

    /// Guess from the text: Markdown when it uses block syntax that plain news
    /// text does not (ATX headings, fences, link definitions).
    pub fn sniff(text: &str) -> Self {
        let markdown_lines = text
            .lines()
            .take(400)
            .filter(|line| {
                let hashes = line.bytes().take_while(|&b| b == b'#').count();
                (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
                    || line.starts_with("```")
                    || line.starts_with("~~~")
                    || (line.starts_with('[') && line.contains("]: "))
            })
            .count();
        if markdown_lines > 0 {
            Self::Markdown
        } else {
            Self::Plain
        }
    }
}

/// Why an article could not be opened. Each message names what the user can
/// fix; the binary prefixes the file name.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    #[error("no such file")]
    NotFound,
    #[error("is a directory, not an article")]
    IsDirectory,
    #[error("permission denied")]
    PermissionDenied,
    #[error("too large ({size} bytes; lede opens up to {max} bytes)")]
    TooLarge { size: u64, max: u64 },
    /// A stream (standard input, a pipe) that went on past the cap.
    #[error("too long (more than {max} bytes came in; lede reads up to {max} bytes)")]
    TooLong { max: u64 },
    #[error("a named pipe with nothing written to it (no writer came within 2 seconds)")]
    NoWriter,
    #[error("not a regular file (a device or socket), not an article")]
    NotAFile,
    #[error("looks like a binary file, not an article")]
    Binary,
    #[error("{0}")]
    Io(String),
}

impl LoadError {
    fn from_io(err: &std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound,
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied,
            std::io::ErrorKind::IsADirectory => Self::IsDirectory,
            _ => Self::Io(err.to_string()),
        }
    }
}

/// An article's text, decoded and normalised, with its way back to the file.
#[derive(Debug, Clone)]
pub struct Source {
    /// What to call the article (file name, or `stdin`).
    pub name: String,
    pub text: String,
    pub map: SourceMap,
    /// Things the reader should be told (invalid UTF-8 replaced, ...).
    pub notices: Vec<String>,
}

/// Reads a file read-only. Refuses directories, files over [`MAX_BYTES`] and
/// devices (`/dev/zero` would never end); a pipe is read like stdin.
pub fn read_path(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_path_reporting(path, |_| {})
}

/// [`read_path`], telling `progress` how many bytes are in after each
/// piece, so a reader loading a long article can say how far it is.
pub fn read_path_reporting(path: &Path, progress: impl FnMut(usize)) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::from_io(&e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory);
    }
    if !meta.is_file() && !is_fifo(&meta) {
        return Err(LoadError::NotAFile);
    }
    if meta.len() > MAX_BYTES {
        return Err(LoadError::TooLarge {
            size: meta.len(),
            max: MAX_BYTES,
        });
    }
    let file = open_without_blocking(path)?;
    if is_fifo(&meta) {
        if !wait_for_writer(&file) {
            return Err(LoadError::NoWriter);
        }
        let bytes = read_capped_into(file, Vec::new(), progress)?;
        if bytes.is_empty() {
            return Err(LoadError::NoWriter);
        }
        return Ok(bytes);
    }
    // Sized once for the whole file: growing by doubling would copy a
    // 200 MB article several times and keep up to half again as much.
    let size = usize::try_from(meta.len()).unwrap_or(0);
    read_capped_into(file, Vec::with_capacity(size.saturating_add(1)), progress)
}

/// How long a FIFO opened with no writer waits for one: `mkfifo f; cmd > f
/// & lede f` may open before `cmd`'s shell does.
#[cfg(unix)]
const WRITER_WAIT_MS: i32 = 2000;

/// True once a FIFO has something to read or its writer has been and gone;
/// false when no writer came within [`WRITER_WAIT_MS`].
#[cfg(unix)]
fn wait_for_writer(file: &File) -> bool {
    use std::os::fd::AsRawFd;
    let mut fd = libc::pollfd {
        fd: file.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    loop {
        // SAFETY: one valid pollfd for a descriptor `file` owns.
        let ready = unsafe { libc::poll(&mut fd, 1, WRITER_WAIT_MS) };
        if ready >= 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return ready > 0;
        }
    }
}

#[cfg(not(unix))]
fn wait_for_writer(_file: &File) -> bool {
    true
}

/// Opens a file read-only without blocking in `open`: a FIFO with no
/// writer would block there forever. Reads block again once it is open,
/// so a FIFO whose writer is there reads like a pipe (the caller waits a
/// moment for a writer first, see [`wait_for_writer`]).
pub fn open_without_blocking(path: &Path) -> Result<File, LoadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| LoadError::from_io(&e))?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: fcntl on a descriptor this function owns, only to read
        // and clear its O_NONBLOCK flag.
        let cleared = unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) == 0
        };
        if !cleared {
            return Err(LoadError::from_io(&std::io::Error::last_os_error()));
        }
    }
    Ok(file)
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type())
}

#[cfg(not(unix))]
fn is_fifo(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Reads a stream (stdin, a pipe) up to [`MAX_BYTES`]. A stream that starts
/// like a binary file is refused after its first block, not after 256 MB.
pub fn read_capped(reader: impl Read) -> Result<Vec<u8>, LoadError> {
    read_capped_into(reader, Vec::new(), |_| {})
}

/// Bytes read between two reports of progress.
const PROGRESS_STEP: u64 = 8 * 1024 * 1024;

/// [`read_capped`] into a buffer that may already hold the stream's first
/// bytes (checked for binary by the caller) or have room.
pub(super) fn read_capped_into(
    reader: impl Read,
    mut bytes: Vec<u8>,
    mut progress: impl FnMut(usize),
) -> Result<Vec<u8>, LoadError> {
    let mut reader = reader.take((MAX_BYTES + 1).saturating_sub(bytes.len() as u64));
    (&mut reader)
        .take(BINARY_PROBE as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::from_io(&e))?;
    if encoding_of(&bytes).is_none() && looks_binary(&bytes) {
        return Err(LoadError::Binary);
    }
    loop {
        let read = (&mut reader)
            .take(PROGRESS_STEP)
            .read_to_end(&mut bytes)
            .map_err(|e| LoadError::from_io(&e))?;
        if read == 0 {
            break;
        }
        progress(bytes.len());
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLong { max: MAX_BYTES });
    }
    Ok(bytes)
}

/// How much of the start of a file decides whether it is binary.
const BINARY_PROBE: usize = 8192;

/// True when the bytes look like a binary file: many control bytes near the
/// start, or NUL bytes in what is not UTF-8. A text file with a stray NUL
/// stays text; escape bytes do not count (coloured logs are text, shown with
/// markers).
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(BINARY_PROBE)];
    if head.is_empty() {
        return false;
    }
    let nul = head.iter().filter(|&&b| b == 0).count();
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    // Binary formats are not UTF-8 either; a short text file with a few NULs
    // (a code sample, a hostile fixture) is.
    let invalid: usize = head.utf8_chunks().map(|c| c.invalid().len()).sum();
    control * 10 > head.len() || (nul >= 4 && nul * 100 > head.len() && invalid * 100 > head.len())
}

/// A Unicode encoding other than UTF-8, told by its byte order mark or, for
/// UTF-16 without one, by the zero high bytes of mostly-ASCII text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wide {
    Utf16 { little: bool },
    Utf32 { little: bool },
}

/// The wide encoding and the length of its BOM, or `None` for UTF-8.
pub(super) fn encoding_of(bytes: &[u8]) -> Option<(Wide, usize)> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Some((Wide::Utf32 { little: true }, 4));
    }
    if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some((Wide::Utf32 { little: false }, 4));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some((Wide::Utf16 { little: true }, 2));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some((Wide::Utf16 { little: false }, 2));
    }
    let head = &bytes[..bytes.len().min(BINARY_PROBE) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd, half) = (zeros(0), zeros(1), head.len() / 2);
    // Latin text in UTF-16 has a zero in nearly every high byte and almost
    // never in a low one; binary formats have zeros on both sides.
    if odd * 10 >= half * 7 && even * 10 <= half {
        Some((Wide::Utf16 { little: true }, 0))
    } else if even * 10 >= half * 7 && odd * 10 <= half {
        Some((Wide::Utf16 { little: false }, 0))
    } else {
        None
    }
}

/// Decodes and normalises an article's bytes, taking them: UTF-8 that
/// needs no change (no BOM, no CR, no Unicode line separator) becomes the
/// text as it is, without a copy, its map the identity. Anything else goes
/// through [`decode`].
pub fn decode_owned(name: &str, bytes: Vec<u8>) -> Result<Source, LoadError> {
    let plain = encoding_of(&bytes).is_none()
        && !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        && !looks_binary(&bytes)
        && !LINE_ENDS.is_match(bytes.as_slice());
    if !plain {
        return decode(name, &bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source {
            name: name.to_string(),
            map: SourceMap::identity(text.len()),
            text,
            notices: Vec::new(),
        }),
        Err(e) => decode(name, e.as_bytes()),
    }
}

/// Decodes and normalises an article's bytes.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Source, LoadError> {
    let mut notices = Vec::new();
    let mut out = Normaliser::default();
    match encoding_of(bytes) {
        Some((wide, bom)) => {
            if bom == 0 {
                notices.push("no byte order mark; read as UTF-16".to_string());
            }
            let invalid = decode_wide(wide, bytes, bom, &mut out);
            // Without a BOM the guess must read as text, not as a table of
            // small binary numbers.
            if bom == 0 && looks_binary(out.text.as_bytes()) {
                return Err(LoadError::Binary);
            }
            if invalid > 0 {
                notices.push(invalid_notice(invalid));
            }
        }
        None if looks_binary(bytes) => return Err(LoadError::Binary),
        None => {
            let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]);
            let (body, base) = body.map_or((bytes, 0), |b| (b, 3));
            let utf8 = std::str::from_utf8(body);
            if utf8.is_err() && is_single_byte_text(body) {
                notices.push("not UTF-8; read as Windows-1252 (Latin-1)".to_string());
                decode_cp1252(body, base, &mut out);
            } else {
                let invalid = decode_utf8(body, utf8.ok(), base, &mut out);
                if invalid > 0 {
                    notices.push(invalid_notice(invalid));
                }
            }
        }
    }
    Ok(Source {
        name: name.to_string(),
        text: out.text,
        map: out.map,
        notices,
    })
}

fn invalid_notice(invalid: usize) -> String {
    format!(
        "{invalid} invalid byte{} shown as \u{FFFD}",
        if invalid == 1 { "" } else { "s" }
    )
}

/// Line ends normalised while the text is built: CRLF becomes LF; a file
/// that uses only CR for line ends gets LF; a lone CR in a LF file stays (the
/// sanitiser shows it as `^M`). U+2028/U+2029/NEL become line breaks so
/// columns never drift.
#[derive(Default)]
struct Normaliser {
    text: String,
    map: SourceMap,
    /// No LF anywhere: every CR is a line end.
    cr_only: bool,
}

impl Normaliser {
    /// Text copied from the file as it is.
    fn verbatim(&mut self, s: &str, source_start: usize) {
        let start = self.text.len();
        self.text.push_str(s);
        self.map
            .push(start..self.text.len(), source_start..source_start + s.len());
    }

    /// One decoded character (or replacement) standing for `source`;
    /// `crlf` when it is a CR followed by a LF that `source` covers too.
    fn char(&mut self, c: char, source: Range<usize>, crlf: bool) {
        let start = self.text.len();
        match c {
            '\r' if crlf || self.cr_only => self.text.push('\n'),
            '\u{2028}' | '\u{0085}' => self.text.push('\n'),
            '\u{2029}' => self.text.push_str("\n\n"),
            c => self.text.push(c),
        }
        self.map.push(start..self.text.len(), source);
    }
}

/// What the normaliser changes, found with a SIMD-assisted search so a
/// 200 MB article is not walked byte by byte; CRLF first so it wins over CR.
static LINE_ENDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(["\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"])
        .expect("fixed patterns build")
});

/// Copies valid text into the normaliser, changing only line ends.
fn normalise_valid(s: &str, source_start: usize, out: &mut Normaliser) {
    let mut run = 0;
    for m in LINE_ENDS.find_iter(s) {
        let Some(c) = s[m.start()..].chars().next() else {
            continue;
        };
        out.verbatim(&s[run..m.start()], source_start + run);
        let crlf = m.end() - m.start() == 2 && c == '\r';
        out.char(c, source_start + m.start()..source_start + m.end(), crlf);
        run = m.end();
    }
    out.verbatim(&s[run..], source_start + run);
}

/// Decodes UTF-8 (lossily: each invalid sequence becomes U+FFFD) straight
/// into the normaliser, copying clean runs whole. Returns the number of
/// invalid bytes.
/// `valid` is the bytes as a `str` when they were already checked.
fn decode_utf8(bytes: &[u8], valid: Option<&str>, base: usize, out: &mut Normaliser) -> usize {
    out.cr_only = !bytes.contains(&b'\n') && bytes.contains(&b'\r');
    out.text.reserve(bytes.len());
    if let Some(s) = valid {
        normalise_valid(s, base, out);
        return 0;
    }
    let mut invalid = 0;
    let mut pos = base;
    for chunk in bytes.utf8_chunks() {
        normalise_valid(chunk.valid(), pos, out);
        pos += chunk.valid().len();
        let bad = chunk.invalid().len();
        if bad > 0 {
            invalid += bad;
            out.char('\u{FFFD}', pos..pos + bad, false);
            pos += bad;
        }
    }
    invalid
}

/// True for text that is not UTF-8 but reads as a single-byte Latin
/// encoding: no valid multi-byte sequence at all, and every byte that breaks
/// UTF-8 stands alone between ASCII characters.
fn is_single_byte_text(bytes: &[u8]) -> bool {
    let mut any_invalid = false;
    for chunk in bytes.utf8_chunks() {
        if !chunk.valid().is_ascii() {
            return false;
        }
        match chunk.invalid() {
            [] => {}
            [b] if *b >= 0x80 => any_invalid = true,
            _ => return false,
        }
    }
    any_invalid
}

/// Windows-1252 for 0x80-0x9F (the five holes stay C1 controls, which the
/// sanitiser marks); Latin-1 above.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

fn decode_cp1252(bytes: &[u8], base: usize, out: &mut Normaliser) {
    out.cr_only = !bytes.contains(&b'\n') && bytes.contains(&b'\r');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() && b != b'\r' {
            i += 1;
            continue;
        }
        // Runs of ASCII are valid UTF-8 by construction.
        out.verbatim(
            std::str::from_utf8(&bytes[run..i]).unwrap_or_default(),
            base + run,
        );
        let crlf = b == b'\r' && bytes.get(i + 1) == Some(&b'\n');
        let c = match b {
            0x80..=0x9F => char::from_u32(u32::from(CP1252_HIGH[usize::from(b - 0x80)])),
            _ => Some(char::from(b)),
        }
        .unwrap_or('\u{FFFD}');
        let end = i + 1 + usize::from(crlf);
        out.char(c, base + i..base + end, crlf);
        run = end;
        i = end;
    }
    out.verbatim(
        std::str::from_utf8(&bytes[run..]).unwrap_or_default(),
        base + run,
    );
}

/// The characters of a UTF-16 or UTF-32 body (whole units only): each with
/// its source length and whether it stands for invalid units.
fn wide_chars(wide: Wide, body: &[u8]) -> Box<dyn Iterator<Item = (char, usize, bool)> + '_> {
    match wide {
        Wide::Utf16 { little } => {
            let units = body.chunks_exact(2).map(move |p| {
                let pair = [p[0], p[1]];
                if little {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            });
            Box::new(
                char::decode_utf16(units)
                    .map(|c| c.map_or(('\u{FFFD}', 2, true), |c| (c, c.len_utf16() * 2, false))),
            )
        }
        Wide::Utf32 { little } => Box::new(body.chunks_exact(4).map(move |q| {
            let quad = [q[0], q[1], q[2], q[3]];
            let u = if little {
                u32::from_le_bytes(quad)
            } else {
                u32::from_be_bytes(quad)
            };
            char::from_u32(u).map_or(('\u{FFFD}', 4, true), |c| (c, 4, false))
        })),
    }
}

/// Decodes UTF-16 or UTF-32 after a BOM of `bom` bytes. Unpaired surrogates,
/// invalid code points and a trailing partial unit become U+FFFD. Returns
/// the number of invalid bytes.
///
/// The source map gets one segment per word, not per character: a 200 MB
/// UTF-16 file would otherwise need gigabytes of map. Word edges map
/// exactly, which is where mentions and search hits start and end.
fn decode_wide(wide: Wide, bytes: &[u8], bom: usize, out: &mut Normaliser) -> usize {
    let body = &bytes[bom..];
    let unit = match wide {
        Wide::Utf16 { .. } => 2,
        Wide::Utf32 { .. } => 4,
    };
    let whole = body.len() - body.len() % unit;
    // Two passes: the first decides whether CR alone ends lines.
    let (mut has_lf, mut has_cr, mut invalid) = (false, false, 0);
    for (c, len, bad) in wide_chars(wide, &body[..whole]) {
        has_lf |= c == '\n';
        has_cr |= c == '\r';
        invalid += if bad { len } else { 0 };
    }
    out.cr_only = has_cr && !has_lf;
    out.text.reserve(whole / unit);
    let mut pos = bom;
    // The open word: its text and source starts.
    let mut word: Option<(usize, usize)> = None;
    let mut chars = wide_chars(wide, &body[..whole]).peekable();
    while let Some((c, len, bad)) = chars.next() {
        if c.is_alphanumeric() && !bad {
            word.get_or_insert((out.text.len(), pos));
            out.text.push(c);
            pos += len;
            continue;
        }
        if let Some((text_start, source_start)) = word.take() {
            out.map.push(text_start..out.text.len(), source_start..pos);
        }
        let lf = match chars.peek() {
            Some(&('\n', lf, _)) if c == '\r' => Some(lf),
            _ => None,
        };
        if lf.is_some() {
            chars.next();
        }
        let end = pos + len + lf.unwrap_or(0);
        out.char(c, pos..end, lf.is_some());
        pos = end;
    }
    if let Some((text_start, source_start)) = word {
        out.map.push(text_start..out.text.len(), source_start..pos);
    }
    if whole < body.len() {
        invalid += body.len() - whole;
        out.char('\u{FFFD}', bom + whole..bytes.len(), false);
    }
    invalid
}

#[cfg(test)]
mod tests;
