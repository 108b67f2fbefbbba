//! Opening a long article from its start: the first screen is drawn from a
//! prefix while the whole file is read, decoded and parsed elsewhere.
//!
//! Owns the decision (is the file long enough, is there a safe place to
//! cut) and the cut itself. The promise the reader builds on: every block
//! and section of the start, but the last section's extent (and the last
//! block's, when the start is cut inside it), is the block or section the
//! whole article has at the same byte offsets, and the
//! start's text is a byte prefix of the whole's (the reader still checks
//! the last at the swap: a file changed meanwhile breaks it). Where no cut
//! keeps that promise the file is read whole, as a short one is (but for
//! two starts of a stream, made on a guess its rest may not bear out:
//! see below).
//!
//! - Plain text is cut after a blank line: paragraphs never span one.
//! - Markdown is cut before a block (a heading, a paragraph, a list...) that
//!   pulldown-cmark itself reports at the top level (no list, quote, fence,
//!   note or HTML block open) after a blank line; everything before it is
//!   closed, and what follows cannot change it (`windows` parses the whole
//!   article from the same cuts). A top-level list is also cut before one
//!   of its items (at the start of a line) while its items hold only
//!   inline content: a blank line further on may make the whole list
//!   loose, which changes no such item. A head that ends inside a long
//!   paragraph (one long line) is cut in it, after a space where nothing
//!   inline is open (`windows`' cut), when the paragraph's later lines
//!   all start with a letter (no setext underline or table row turns it
//!   into something else): the rest of a file is read through for them
//!   up to the paragraph's end or [`START_BYTES`] on, past which the
//!   paragraph is taken to go on as prose (reading to the end of one
//!   100 MB paragraph took the first screen from 22 ms at 10 MB to 61).
//!   A later line may turn it after all, breaking the promise as a
//!   stream's start may (below); the swap then keeps the view on the
//!   same text. A stream's rest cannot be read on at all (see below).
//!   A head that ends inside a long ATX heading is cut in it the same
//!   way, with nothing to read on for: the heading ends with its line.
//!   Link reference definitions
//!   are the one thing later in a file that changes earlier blocks, and
//!   only a reference the start cannot resolve: the cut is made before
//!   anything like one (`]:`) in the head read, and before the first
//!   unresolved reference when the rest of the file holds one.
//! - Only files whose start is not UTF-16/32 are cut; the cut is on a line
//!   feed (or a space, in a head of one long line), which never splits a
//!   UTF-8 or Windows-1252 character or a CRLF. A paragraph past
//!   `plain::MAX_PARAGRAPH_BYTES` is cut into pieces, so even a file of one
//!   50 MB line has places to cut.
//!
//! - A web page is never cut: its article may be anywhere in it. One past
//!   [`PAGE_START_MIN_BYTES`] is read, decoded and weighed whole, and only
//!   its document is built from the start ([`Document::html_start`]): the
//!   first screens now, the whole on the thread ([`Rest::load`]).
//!
//! - Standard input (a stream) is opened the same way from its first
//!   [`START_BYTES`] ([`open_stream`]): refused at once when they look
//!   binary, and the rest read as the whole, capped at `MAX_BYTES` like a
//!   file, so an endless pipe ends with a message, not an OOM. What follows
//!   a stream's head cannot be looked through: a later link definition is
//!   taken to be there, and a paragraph that goes on past the head is
//!   taken to go on as prose. Reading on to its end would be reading the
//!   whole (100 MB of one paragraph piped: 3.9 s to the first screen), and
//!   a writer may hold the rest back until it sees the first frame. This
//!   start too may break the promise: when a later line turns the
//!   paragraph into something else (a setext underline, a table's
//!   delimiter row), the swap puts the view on the same bytes of the
//!   stream in the whole (`app::loading`).
//! - A start with no name that tells its format is sniffed
//!   ([`Format::sniff`], its first 400 lines). One that sniffs as plain
//!   text with fewer lines might be Markdown further on (a heading line
//!   before the whole's 400th), and nothing short of reading on to it
//!   tells: no bounded rule does, a stream of ten 10 MB lines has its
//!   fourth 30 MB on. It opens as plain text. This start too may break
//!   the promise above: when the whole turns out Markdown it is
//!   parsed as Markdown, as it would be read whole, and the reader's swap
//!   puts the view on the same bytes of the stream in the whole
//!   (`app::loading`). Until then a
//!   start whose head holds Markdown syntax (`*`, `[`, a line begun with
//!   `-`) shows it as typed, where the whole will not; one with none shows
//!   the same words either way.
//!
//! Knows nothing of threads or the terminal: [`Rest::load`] is what a
//! background thread calls.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use pulldown_cmark::{BrokenLink, Event, LinkType, Parser, Tag, TagEnd};

use super::furniture::{self, EndMatter};
use super::load::{self, LoadError, MAX_BYTES};
use super::{Document, Format, Source};

/// Files shorter than this are read whole: parsing a megabyte takes a few
/// milliseconds (measured on a busy 2-core machine: plain text 3.5-10,
/// Markdown 10-30, reading and decoding it 2-3), about what drawing the
/// first frame costs, so a prefix would save little and add a swap.
pub const START_MIN_BYTES: u64 = 1024 * 1024;

/// Web pages this long open from the start of their document: the page
/// is read and weighed whole (its article may be anywhere in it), and the
/// document is built for the first screens first, the rest once they are
/// drawn. A shorter page's document takes about a millisecond.
pub const PAGE_START_MIN_BYTES: u64 = 256 * 1024;

/// What is read of a file with no telling name to know it is a page.
const PAGE_SNIFF_BYTES: usize = 4096;

/// How much of a long file the first screen is made from: many screens of
/// text, read and parsed in about a millisecond.
pub const START_BYTES: usize = 256 * 1024;

/// Blocks a start holds at most: some seventy screens of one-line blocks
/// at 60 rows, and far more than a head holds of news paragraphs (a few
/// hundred bytes each). A head of tiny blocks (`x\n\n` over and over:
/// 87,000 in [`START_BYTES`]) is cut after this many, so its first screen
/// does not wait for the parse and the wrap of them all.
const START_MAX_BLOCKS: usize = 4096;

/// How much of a long Markdown file is read first, and parsed (twice:
/// once for the cuts, once for the start) for the first screen: several
/// screens of text, and a quarter of the time 128 KB took (0.27 against
/// 0.70 ms warm). Markdown parses at a third of plain text's speed.
const MARKDOWN_START_BYTES: usize = 64 * 1024;

/// How much Markdown is parsed for the cuts when the first bytes hold
/// none (an article of long sections): the second try, from a head of
/// [`START_BYTES`].
const MARKDOWN_WIDE_BYTES: usize = 128 * 1024;

/// Lines [`Format::sniff`] reads: a start with fewer that sniffs as plain
/// text might be Markdown further on.
const SNIFF_LINES: usize = 400;

/// What opening a file gave.
#[derive(Debug)]
pub enum Opening {
    /// The whole article (a short file, or one with no safe cut).
    Whole(Document),
    /// The start of a long one, and how to get the whole.
    Start(Document, Rest),
}

/// The whole of an article whose start is shown.
pub struct Rest {
    /// What to call the article (its path, or `stdin`).
    pub name: String,
    /// The file's length when it was opened, in bytes; `None` for a stream
    /// (standard input, a pipe), whose length is known only at its end.
    pub file_len: Option<u64>,
    from: RestFrom,
}

/// Where the whole comes from.
enum RestFrom {
    /// A file, read again from its start.
    Path(PathBuf),
    /// A stream: the bytes already read (the start was made from them),
    /// then what is left of it.
    Stream {
        head: Vec<u8>,
        stream: Box<dyn Read + Send>,
    },
    /// A web page, read and weighed: only its document is left to build.
    Page(super::WholePage),
}

impl std::fmt::Debug for Rest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rest")
            .field("name", &self.name)
            .field("file_len", &self.file_len)
            .finish_non_exhaustive()
    }
}

impl Rest {
    /// The whole of a file.
    pub fn file(path: &Path, file_len: u64) -> Rest {
        Rest {
            name: path.display().to_string(),
            file_len: Some(file_len),
            from: RestFrom::Path(path.to_path_buf()),
        }
    }

    /// The whole of a stream: `head`, already read, then the rest of
    /// `stream`.
    pub fn stream(name: &str, head: Vec<u8>, stream: Box<dyn Read + Send>) -> Rest {
        Rest {
            name: name.to_string(),
            file_len: None,
            from: RestFrom::Stream { head, stream },
        }
    }

    /// The whole of a page read whole ([`Document::html_start`]).
    pub fn page(name: &str, file_len: u64, whole: super::WholePage) -> Rest {
        Rest {
            name: name.to_string(),
            file_len: Some(file_len),
            from: RestFrom::Page(whole),
        }
    }

    /// Reads, decodes and parses the whole article, telling `progress` how
    /// many bytes are read as they come in. Exactly what [`Document::open`]
    /// gives for the same file; a stream is capped at [`MAX_BYTES`] as a
    /// file is.
    pub fn load(self, mut progress: impl FnMut(usize)) -> Result<Document, LoadError> {
        let file_len = self.file_len;
        let bytes = match self.from {
            RestFrom::Path(path) => load::read_path_reporting(&path, progress)?,
            RestFrom::Stream { head, stream } => load::read_capped_into(stream, head, progress)?,
            RestFrom::Page(whole) => {
                // Read already, only its document left to build.
                progress(file_len.map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX)));
                return Ok(whole());
            }
        };
        Document::from_vec(&self.name, bytes, None)
    }
}

/// Opens an article: whole when it is short or not a regular file (errors
/// are [`Document::open`]'s), else from its start when a safe cut exists.
pub fn open(path: &Path) -> Result<Opening, LoadError> {
    let whole = || Document::open(path).map(Opening::Whole);
    let Ok(meta) = std::fs::metadata(path) else {
        return whole();
    };
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return whole();
    }
    let name = path.display().to_string();
    if meta.len() >= PAGE_START_MIN_BYTES && named_or_sniffed_page(&name, path) {
        return load::read_path(path).map(|bytes| page(&name, bytes));
    }
    if meta.len() < START_MIN_BYTES {
        return whole();
    }
    for &(read, window) in tries(&name) {
        // Opened afresh for each try: the one before may have read on.
        let Ok(mut file) = File::open(path) else {
            return whole();
        };
        let mut head = Vec::with_capacity(read);
        if (&mut file)
            .take(read as u64)
            .read_to_end(&mut head)
            .is_err()
        {
            return whole();
        }
        let before = head.last().copied();
        let more = move || definition_in(before, &mut file);
        let head_len = head.len() as u64;
        let tail = |tail: ProseTail| {
            let mut rest = File::open(path).map_err(|e| LoadError::Io(e.to_string()))?;
            rest.seek(SeekFrom::Start(head_len))
                .map_err(|e| LoadError::Io(e.to_string()))?;
            prose_ahead(tail, &mut rest)
        };
        if let Some(start) = start_of(&name, &head, more, tail, window)? {
            return Ok(Opening::Start(start, Rest::file(path, meta.len())));
        }
    }
    whole()
}

/// Opens an article from a stream (standard input, a pipe): its first
/// [`START_BYTES`] are read, refused at once when they look binary, and
/// shown as a start when a safe cut exists; the rest is read as the whole
/// (capped at [`MAX_BYTES`], as a file is). A stream that ends sooner is
/// read whole, as is one whose start has no safe cut.
pub fn open_stream(name: &str, mut stream: Box<dyn Read + Send>) -> Result<Opening, LoadError> {
    let mut head = Vec::with_capacity(START_BYTES);
    (&mut stream)
        .take(START_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| LoadError::Io(e.to_string()))?;
    if load::encoding_of(&head).is_none() && load::looks_binary(&head) {
        return Err(LoadError::Binary);
    }
    if head.len() == START_BYTES {
        for &(read, window) in tries(name) {
            // What comes after a stream's head cannot be looked through
            // without reading it (and a writer may hold it back until the
            // first frame is drawn): a later definition is taken to be
            // there. A paragraph the head ends inside is told by the rest
            // of the head; one that goes on past it is taken to go on as
            // prose, as a long line past a head sniffed as plain text is
            // taken to stay plain (see the module docs).
            let tail = |mut tail: ProseTail| Ok(tail.feed(&head[read..]).unwrap_or(true));
            if let Some(start) = start_of(name, &head[..read], || Ok(true), tail, window)? {
                return Ok(Opening::Start(start, Rest::stream(name, head, stream)));
            }
        }
    }
    let bytes = load::read_capped_into(stream, head, |_| {})?;
    let is_page = match Format::from_name(name) {
        Some(format) => format == Format::Html,
        None => super::html::sniff(&bytes),
    };
    if is_page && bytes.len() as u64 >= PAGE_START_MIN_BYTES {
        return Ok(page(name, bytes));
    }
    Document::from_vec(name, bytes, None).map(Opening::Whole)
}

/// A page read whole, opened from the start of its document when it has
/// more than the first screens ([`Document::html_start`]).
fn page(name: &str, bytes: Vec<u8>) -> Opening {
    let len = bytes.len() as u64;
    match Document::html_start(name, bytes) {
        (doc, None) => Opening::Whole(doc),
        (doc, Some(whole)) => Opening::Start(doc, Rest::page(name, len, whole)),
    }
}

/// True when a file is a web page by its name, or (named as nothing
/// else) by its first bytes, as [`Document::open`] tells. A page whose
/// head is a comment longer than what is read here is read as any file
/// (whole, found to be a page then).
fn named_or_sniffed_page(name: &str, path: &Path) -> bool {
    match Format::from_name(name) {
        Some(format) => format == Format::Html,
        None => File::open(path).is_ok_and(|f| {
            let mut head = Vec::with_capacity(PAGE_SNIFF_BYTES);
            f.take(PAGE_SNIFF_BYTES as u64)
                .read_to_end(&mut head)
                .is_ok()
                && super::html::sniff(&head)
        }),
    }
}

/// (bytes read, Markdown parsed for the cuts): a file named as Markdown is
/// tried from a short head first, anything else from the long one.
fn tries(name: &str) -> &'static [(usize, usize)] {
    match Format::from_name(name) {
        Some(Format::Markdown) => &[
            (MARKDOWN_START_BYTES, MARKDOWN_START_BYTES),
            (START_BYTES, MARKDOWN_WIDE_BYTES),
        ],
        _ => &[(START_BYTES, MARKDOWN_WIDE_BYTES)],
    }
}

/// The start of an article from its first bytes (`head`), Markdown cut
/// within its first `window` bytes; `None` when it must be read whole.
/// `more_definitions` says whether what follows the head holds something
/// like a link reference definition; it is asked only when the start
/// holds a reference it cannot resolve. `more_prose` goes on with a
/// [`ProseTail`] through what follows the head; it is asked only when the
/// start is to be cut inside a paragraph that the head does not end.
fn start_of(
    name: &str,
    head: &[u8],
    more_definitions: impl FnOnce() -> Result<bool, LoadError>,
    more_prose: impl FnOnce(ProseTail) -> Result<bool, LoadError>,
    window: usize,
) -> Result<Option<Document>, LoadError> {
    if load::encoding_of(head).is_some() || load::looks_binary(head) {
        return Ok(None);
    }
    // On a line feed; or, in a head made of one long line (or two), on a
    // space: neither is ever part of a UTF-8 or Windows-1252 character or
    // a CRLF. Markdown is cut only at line starts.
    let line_feed = memchr::memrchr(b'\n', head).filter(|&i| i >= head.len() / 2);
    let Some(cut_before) = line_feed.or_else(|| memchr::memrchr(b' ', head)) else {
        return Ok(None);
    };
    let cut_bytes = cut_before + 1;
    if Format::from_name(name).is_none() && super::html::sniff(head) {
        return Ok(None);
    }
    let source = load::decode(name, &head[..cut_bytes])?;
    let format = match Format::from_name(name) {
        Some(format) => format,
        None => match Format::sniff(&source.text) {
            Format::Markdown => Format::Markdown,
            _ if memchr::memchr_iter(b'\n', source.text.as_bytes()).count() >= SNIFF_LINES => {
                Format::Plain
            }
            // Fewer lines, so a later one may yet make the whole Markdown,
            // and only reading on to it (the whole of a stream of a few
            // long lines) would tell. Opened as plain text rather than
            // wait for the whole (a piped 100 MB line: 0.3 s, 100 MB of
            // one line of emphasis and links: 4 s); should the whole be
            // Markdown, it is parsed as such when it is in, and the swap
            // puts the view on the same bytes of the file in it (see the
            // module docs).
            _ => Format::Plain,
        },
    };
    let cuts = match format {
        // A page is read whole: its article may be anywhere in it.
        Format::Html => return Ok(None),
        Format::Plain => plain_cut(&source.text).into_iter().collect(),
        Format::Markdown => {
            let bytes = source.text.as_bytes();
            let window = match bytes.get(..window) {
                // A head whose last line is longer than half the window
                // (one long line) ends after a space in it, where its
                // paragraph may be cut.
                Some(head) => match memchr::memrchr(b'\n', head) {
                    Some(i) if i >= head.len() / 2 => i + 1,
                    line => {
                        memchr::memrchr(b' ', head).map_or(line.map_or(0, |i| i + 1), |i| i + 1)
                    }
                },
                None => bytes.len(),
            };
            let Some(found) = markdown_cuts(&source.text[..window]) else {
                return Ok(None);
            };
            // A definition after a cut may resolve a reference before it,
            // one the window's parse resolved as the whole's would and the
            // start's alone would not: no cut before the head's last `]:`.
            // (Found forwards: a search backwards is slower by far on a
            // head that holds none.)
            let last_definition = memchr::memmem::find_iter(bytes, b"]:").last();
            let mut cuts = found.cuts;
            // Inside the head's last paragraph, when no later line turns
            // it into something else (see `ProseTail`).
            // An ATX heading ends with its line: nothing later changes it.
            if let Some(LongCut { at, one_line }) = found.paragraph {
                let prose = one_line || {
                    let mut tail = ProseTail::default();
                    let decided = tail
                        .feed(&bytes[at..])
                        .or_else(|| tail.feed(&head[cut_bytes..]));
                    match decided {
                        Some(prose) => prose,
                        None => more_prose(tail)?,
                    }
                };
                if prose {
                    cuts.push(at);
                }
            }
            cuts.retain(|&c| last_definition.is_none_or(|d| d < c));
            // Definitions further on matter only to a reference the start
            // could not resolve. Only then is the rest of the file looked
            // through, streamed through one small buffer: reading 5 MB
            // costs the first screen more than parsing its start.
            // A footnote reference is one too: its note may come later
            // (`[^1]` stays as typed in a start without it).
            let footnote = memchr::memmem::find(bytes, b"[^");
            if let Some(first) = found.unresolved.into_iter().chain(footnote).min()
                && cuts.last().is_some_and(|&c| c > first)
                && (memchr::memmem::find(&head[cut_bytes..], b"]:").is_some()
                    || more_definitions()?)
            {
                cuts.retain(|&c| c <= first);
            }
            cuts
        }
    };
    // The last cut whose start ends on prose; a few tries, each a parse.
    for &cut in cuts.iter().rev().take(3) {
        let mut part = Source {
            name: source.name.clone(),
            text: source.text[..cut].to_owned(),
            map: source.map.clone(),
            notices: source.notices.clone(),
        };
        part.map.truncate(cut);
        let doc = Document::parse_start(part, format);
        let ends_on_prose = doc
            .blocks
            .last()
            .is_some_and(|b| !super::furniture::is_furniture(&doc.text[b.range.clone()]));
        let prose = doc
            .blocks
            .iter()
            .any(|b| b.kind != super::BlockKind::Boilerplate);
        if ends_on_prose && prose {
            return Ok(Some(doc));
        }
    }
    Ok(None)
}

/// Whether `line` starts as an ATX heading does: up to three spaces, one
/// to six `#`, then a space, a tab or the line's end.
fn is_atx_line(line: &str) -> bool {
    let bytes = line.as_bytes();
    let indent = bytes.iter().take(4).take_while(|&&b| b == b' ').count();
    if indent > 3 {
        return false;
    }
    let hashes = bytes[indent..].iter().take_while(|&&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && bytes
            .get(indent + hashes)
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// Whether a paragraph cut inside goes on as prose to its end: its
/// lines after the cut's own all start with an ASCII letter, up to a blank
/// line or the end of the input, as `windows` asks of a paragraph it cuts
/// (so no setext underline, table row or other block turns the whole
/// paragraph into something else). Fed the bytes after the cut in order,
/// the head's and then the rest of the file's, until it can tell.
#[derive(Debug, Default)]
struct ProseTail {
    state: TailState,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum TailState {
    /// In a line already told to be prose (the cut's own, at first).
    #[default]
    InLine,
    /// At the start of a line.
    LineStart,
    /// In a line of only white space so far.
    Blank,
}

impl ProseTail {
    /// Goes on through `bytes`: `Some` once the answer is known.
    fn feed(&mut self, bytes: &[u8]) -> Option<bool> {
        let mut at = 0;
        while at < bytes.len() {
            match self.state {
                TailState::InLine => match memchr::memchr(b'\n', &bytes[at..]) {
                    Some(i) => {
                        at += i + 1;
                        self.state = TailState::LineStart;
                    }
                    None => return None,
                },
                TailState::LineStart | TailState::Blank => {
                    let b = bytes[at];
                    at += 1;
                    self.state = match b {
                        b'\n' => return Some(true),
                        _ if b.is_ascii_whitespace() => TailState::Blank,
                        _ if self.state == TailState::LineStart && b.is_ascii_alphabetic() => {
                            TailState::InLine
                        }
                        _ => return Some(false),
                    };
                }
            }
        }
        None
    }
}

/// [`ProseTail`] through the rest of `input` (the end of the input ends
/// the paragraph).
fn prose_in(mut tail: ProseTail, input: &mut impl Read) -> Result<bool, LoadError> {
    scan_rest(input, true, |chunk| tail.feed(chunk))
}

/// How far past a file's head a paragraph the head ends inside is looked
/// through for a line that turns it ([`prose_ahead`]): a millisecond's
/// read. Reading on to its end made the first screen grow with the file
/// (one 100 MB paragraph: 61 ms, 10 MB: 22).
const PROSE_AHEAD_BYTES: u64 = START_BYTES as u64;

/// [`ProseTail`] through at most [`PROSE_AHEAD_BYTES`] of `input`: past
/// them the paragraph is taken to go on as prose, as a stream's is past
/// its head. Should a later line turn it after all, the start breaks the
/// promise (see the module docs) and the swap keeps the view on the same
/// text (`app::loading`).
fn prose_ahead(tail: ProseTail, input: &mut impl Read) -> Result<bool, LoadError> {
    prose_in(tail, &mut input.take(PROSE_AHEAD_BYTES))
}

/// Reads the rest of `input` 64 KB at a time, asking `look` of each piece
/// until it answers; `at_end` when it never does.
fn scan_rest(
    input: &mut impl Read,
    at_end: bool,
    mut look: impl FnMut(&[u8]) -> Option<bool>,
) -> Result<bool, LoadError> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => return Ok(at_end),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(LoadError::Io(e.to_string())),
        };
        if let Some(answer) = look(&buf[..n]) {
            return Ok(answer);
        }
    }
}

/// True for a tag that opens a block, not an inline run.
fn is_block(tag: &Tag<'_>) -> bool {
    !super::windows::is_inline_tag(tag)
}

/// True when `]:` occurs in what `file` has left to read (`before`: the
/// byte read just before, for a `]:` split across the two).
fn definition_in(mut before: Option<u8>, file: &mut impl Read) -> Result<bool, LoadError> {
    scan_rest(file, false, |chunk| {
        let found = (before == Some(b']') && chunk[0] == b':')
            || memchr::memmem::find(chunk, b"]:").is_some();
        before = chunk.last().copied();
        found.then_some(true)
    })
}

/// Blocks a start holds at least: the title, a date line and the lead
/// (whose dateline is found from the blocks before it) and one more.
const MIN_BLOCKS: usize = 4;

/// Where plain text may be cut: before a paragraph, after one that is not
/// page furniture (see `start_of`) and that reads the same whether or not
/// the whole's body ends with it: one that can be neither a subheading nor
/// a lead image's caption (the last block of an article is never either),
/// or one followed by a paragraph the head holds whole that is neither
/// furniture nor a closing heading (the whole's trailing furniture and end
/// matter then start after that one); not inside what could be end matter
/// (a closing heading with no long paragraph after it, see `furniture`);
/// and past the lead, so a lead image's captions are told in the start as
/// in the whole.
///
/// A head of many tiny paragraphs (`x` over and over) has a cut before
/// nearly every one: what decides is what follows the cut, not what
/// precedes it.
fn plain_cut(text: &str) -> Option<usize> {
    let starts: Vec<std::ops::Range<usize>> = super::plain::paragraphs(text)
        .take(START_MAX_BLOCKS + 1)
        .collect();
    let block = |i: usize| &text[starts[i].clone()];
    let mut end_matter = EndMatter::default();
    let open: Vec<bool> = (0..starts.len())
        .map(|i| {
            let b = block(i);
            end_matter.block(b, furniture::is_long(b.chars().count()));
            end_matter.is_open()
        })
        .collect();
    let (lead, _) = furniture::furniture_runs((0..starts.len()).map(block));
    let front = super::plain::front(block, lead..starts.len(), false);
    (MIN_BLOCKS.max(front.captions.end + 1)..starts.len())
        .rev()
        .find(|&next| {
            let (last, first) = (block(next - 1), block(next));
            // Whether or not the whole's body ends with it.
            let reads_alike =
                !super::plain::is_subheading(last) && !super::plain::is_caption_before_lead(last);
            // The whole's body goes on past it (the head's last paragraph
            // may go on past the head).
            let body_goes_on = next + 1 < starts.len()
                && !furniture::is_furniture(first)
                && !furniture::is_closing_heading(first);
            !open[next - 1] && !furniture::is_furniture(last) && (reads_alike || body_goes_on)
        })
        .map(|next| starts[next].start)
}

/// Where Markdown may be cut, and what decides whether a cut is safe.
struct MarkdownCuts {
    /// First to last: before a block that the parser reports outside
    /// every other block, after a blank line, after a block that
    /// is not page furniture (a trailing furniture run, marked in the
    /// whole, stops there), and not inside what could be end matter (a
    /// closing heading with no long paragraph after it).
    cuts: Vec<usize>,
    /// Where the first reference the parser could not resolve starts: a
    /// definition later in the file could make it a link in the whole.
    unresolved: Option<usize>,
    /// A cut inside the head's last block, a paragraph or an ATX heading
    /// the head does not end (one long line): after a space where nothing
    /// inline is open (`windows::space_cut`), at least
    /// [`MIN_PARAGRAPH_CUT`] into it, after a block that is not page
    /// furniture.
    paragraph: Option<LongCut>,
}

/// A cut inside the head's last block (see [`MarkdownCuts::paragraph`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LongCut {
    at: usize,
    /// The block ends with its line (an ATX heading), so no later line
    /// can change it; a paragraph's cut is safe only once none of its
    /// later lines turns it into something else ([`ProseTail`]).
    one_line: bool,
}

/// How far into a paragraph a start may be cut: a block this long is no
/// page furniture, caption or subheading, cut short or not.
const MIN_PARAGRAPH_CUT: usize = 16 * 1024;

/// The top-level paragraph or ATX heading being read, for a cut inside
/// it.
struct OpenParagraph {
    start: usize,
    /// An ATX heading: one line, whatever follows.
    one_line: bool,
    /// Its text so far holds no markup character left as text (an opener
    /// that found no close yet), as in `windows`.
    clean: bool,
    cut: Option<usize>,
    /// The block before it is not page furniture.
    after_prose: bool,
}

/// Link text a parse may copy out of reference definitions before
/// pulldown-cmark stops expanding them (its limit is the text's length,
/// at least 100,000 bytes): a start that comes near it could stop where
/// the longer whole goes on, so it is read whole instead.
const MAX_EXPANSION: usize = 50_000;

/// The cuts of a Markdown head (see [`MarkdownCuts`]); `None` when the
/// head expands so many references that no start of it is safe.
fn markdown_cuts(md: &str) -> Option<MarkdownCuts> {
    let mut depth = 0usize;
    let mut blocks = 0usize;
    let mut last_text = 0..0;
    let mut cuts = Vec::new();
    // A cut before a top-level block, kept once the block shows text: one
    // that shows none (an HTML comment) would leave the start holding
    // every block of a whole that ends with it.
    let mut candidate = None;
    let mut end_matter = EndMatter::default();
    // The block whose text is being read: its start of text (enough to
    // tell a closing heading), its characters, and whether it is a
    // top-level paragraph (a block of its own in the document, so its
    // length counts).
    let mut leaf: Option<(String, usize, bool)> = None;
    let mut expanded = 0usize;
    // The top-level list open, if any: where it starts, and whether its
    // items so far hold only inline content. Such items are the same
    // blocks in a tight list and a loose one, so the list may be cut
    // before an item although a blank line further on may make the whole
    // loose.
    let mut list: Option<(usize, bool)> = None;
    // An item starts a line the head holds whole.
    let last_line = memchr::memrchr(b'\n', md.as_bytes()).map_or(0, |i| i + 1);
    let unresolved = std::cell::Cell::new(None);
    let note = |link: BrokenLink<'_>| {
        if unresolved.get().is_none() {
            unresolved.set(Some(link.span.start));
        }
        None
    };
    // As in `windows`: a cut counts only before the head's last blank line,
    // after which a block may still read otherwise in the whole.
    let settled = memchr::memmem::rfind(md.as_bytes(), b"\n\n").map_or(0, |i| i + 1);
    let mut paragraph: Option<OpenParagraph> = None;
    let mut paragraph_cut = None;
    let parser = Parser::new_with_broken_link_callback(md, super::markdown_options(), Some(note));
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if blocks >= START_MAX_BLOCKS {
                    // Enough for a start: the cuts found so far are final
                    // (see `START_MAX_BLOCKS`).
                    break;
                }
                if let Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    ..
                } = &tag
                    && matches!(
                        link_type,
                        LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
                    )
                {
                    expanded += dest_url.len() + title.len();
                    if expanded >= MAX_EXPANSION {
                        return None;
                    }
                }
                if matches!(
                    tag,
                    Tag::Paragraph
                        | Tag::Heading { .. }
                        | Tag::Item
                        | Tag::CodeBlock(_)
                        | Tag::HtmlBlock
                        | Tag::Table(_)
                ) && leaf.is_none()
                {
                    leaf = Some((
                        String::new(),
                        0,
                        depth == 0 && matches!(tag, Tag::Paragraph),
                    ));
                }
                let item = depth == 1
                    && matches!(tag, Tag::Item)
                    && list.is_some_and(|(start, simple)| simple && range.start > start)
                    && range.start < last_line
                    && md[..range.start].ends_with('\n');
                if depth >= 2
                    && !matches!(tag, Tag::Paragraph)
                    && is_block(&tag)
                    && let Some((_, simple)) = list.as_mut()
                {
                    *simple = false;
                }
                if depth == 0 || item {
                    if blocks >= MIN_BLOCKS
                        && (item || range.start < settled && md[..range.start].ends_with("\n\n"))
                        && !end_matter.is_open()
                        && !furniture::is_furniture(md[last_text.clone()].trim())
                    {
                        candidate = Some(range.start);
                    }
                    blocks += 1;
                    last_text = range.clone();
                }
                if depth == 0 {
                    list = matches!(tag, Tag::List(_)).then_some((range.start, true));
                    // A heading whose line reads as an ATX one is one (a
                    // setext heading's text never does): it ends with its
                    // line, so a start may be cut inside it as inside a
                    // paragraph.
                    let atx = matches!(tag, Tag::Heading { .. }) && is_atx_line(&md[range.start..]);
                    paragraph = (matches!(tag, Tag::Paragraph) || atx).then(|| OpenParagraph {
                        start: range.start,
                        one_line: atx,
                        clean: true,
                        cut: None,
                        after_prose: !end_matter.is_open()
                            && !furniture::is_furniture(md[last_text.clone()].trim()),
                    });
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    candidate = None;
                    // Kept only where the head ends the paragraph, which
                    // the whole may not.
                    paragraph_cut = paragraph
                        .take()
                        .filter(|p| p.after_prose && md[range.end..].trim().is_empty())
                        .and_then(|p| {
                            p.cut.map(|at| LongCut {
                                at,
                                one_line: p.one_line,
                            })
                        });
                }
                let ends_leaf = matches!(
                    tag,
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::CodeBlock
                        | TagEnd::HtmlBlock
                        | TagEnd::Table
                );
                if ends_leaf && let Some((text, chars, top)) = leaf.take() {
                    end_matter.block(&text, top && furniture::is_long(chars));
                }
            }
            // What a block shows, counted a little short (markup and
            // trailing spaces left out), its start kept.
            Event::Text(ref t)
            | Event::Code(ref t)
            | Event::Html(ref t)
            | Event::InlineHtml(ref t) => {
                if let (Event::Text(text), Some(p)) = (&event, paragraph.as_mut()) {
                    let was_clean = p.clean;
                    let markup = super::windows::first_markup(text.as_bytes());
                    p.clean &= markup.is_none();
                    let verbatim = md.get(range.clone()) == Some(text.as_ref());
                    if was_clean && depth == 1 && verbatim {
                        let upto = markup.map_or(range.end, |m| range.start + m);
                        if let Some(at) = super::windows::space_cut(md, range.start..upto, p.start)
                            .filter(|&at| at >= p.start + MIN_PARAGRAPH_CUT)
                        {
                            p.cut = Some(at);
                        }
                    }
                }
                if matches!(event, Event::Text(_) | Event::Code(_))
                    && !t.trim().is_empty()
                    && let Some(cut) = candidate.take()
                {
                    cuts.push(cut);
                }
                if let Some((text, chars, _)) = leaf.as_mut() {
                    *chars += t.trim_end().chars().count();
                    if text.len() < 64 {
                        text.push_str(t);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((text, _, _)) = leaf.as_mut()
                    && text.len() < 64
                {
                    text.push('\n');
                }
            }
            // A rule is a block with no end.
            Event::Rule if depth == 0 => {
                blocks += 1;
                last_text = range;
            }
            _ => {}
        }
    }
    Some(MarkdownCuts {
        cuts,
        unresolved: unresolved.get(),
        paragraph: paragraph_cut,
    })
}

#[cfg(test)]
mod tests;
