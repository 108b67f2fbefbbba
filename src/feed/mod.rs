//! Feeds: RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed, read with feed-rs into
//! one small model: a [`Feed`] of [`Item`]s, each with a title, a link,
//! a date, a short summary and, when the feed carries it, the article's
//! content.
//!
//! No I/O and no terminal: bytes in, a model out. Every string is kept as
//! the feed wrote it (entities decoded); the sanitiser at the sink cleans
//! it before it is drawn or printed. An item's content becomes a document
//! through the same adapters as a page (`web::item_document`).
//!
//! Bounded whatever the input: a feed over [`MAX_BYTES`] is refused with a
//! message; the XML is first scanned by a streaming reader that refuses
//! nesting deeper than [`MAX_DEPTH`] and a document type that declares
//! entities (an "XML bomb" is never expanded, by quick-xml nor by us);
//! past [`MAX_ITEMS`] items the rest are left out, with a notice (a scan
//! cuts an XML or JSON feed short before feed-rs reads it, so memory
//! follows the items kept, not the items written).

pub mod opml;

use std::io::Read;

/// The largest feed read (20 MB, the fetch cap's default).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Items kept from one feed; the rest are left out with a notice.
pub const MAX_ITEMS: usize = 5000;
/// The deepest XML nesting a feed may have.
pub const MAX_DEPTH: usize = 256;
/// Characters of summary kept per item.
const SUMMARY_CHARS: usize = 1200;

/// A feed, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// Its title, or the name it was given.
    pub title: String,
    /// Where it was read from (a URL or a file).
    pub source: String,
    /// Its site, when it names one.
    pub site: Option<String>,
    pub items: Vec<Item>,
    /// What the reader should be told (items left out, duplicates).
    pub notices: Vec<String>,
}

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// A key that stays the same across fetches: the feed's id for the
    /// item, else its link, else its title (read marks are keyed by it).
    pub id: String,
    pub title: String,
    /// The article's address, resolved against the feed's.
    pub link: Option<String>,
    /// Publication date (or last update), seconds since the epoch.
    pub date: Option<i64>,
    pub authors: Vec<String>,
    /// The summary as the feed gives it (HTML or text; see
    /// `summary_is_html`).
    pub summary: String,
    pub summary_is_html: bool,
    /// The article itself, when the feed carries it.
    pub content: Option<Content>,
}

/// An item's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub body: String,
    /// HTML (most feeds) or plain text.
    pub html: bool,
}

/// Why a feed cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("the feed is larger than {} MB", MAX_BYTES / (1024 * 1024))]
    TooLarge,
    #[error("the feed's XML nests deeper than {MAX_DEPTH} levels")]
    TooDeep,
    #[error("the feed declares XML entities, which lede does not expand")]
    Entities,
    #[error("not a feed lede can read ({0})")]
    Parse(String),
}

/// How much of the bytes an XML sniff reads: the first element comes
/// after at most a declaration, comments and a document type.
pub const SNIFF_HEAD: usize = 4096;

/// True when bytes look like a feed: an XML document whose first element is
/// `rss`, `feed` or `RDF`, or JSON that names the JSON Feed version (in its
/// first [`SNIFF_HEAD`] bytes, or anywhere as the top-level `version` of an
/// object that has `items`: JSON keys come in any order, so a feed may
/// list its items first).
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_HEAD)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let trimmed = head.trim_ascii_start();
    if trimmed.starts_with(b"{") {
        return memchr::memmem::find(trimmed, b"jsonfeed.org/version").is_some()
            || is_json_feed(bytes);
    }
    first_element(trimmed).is_some_and(|name| {
        let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
        matches!(local, b"rss" | b"feed" | b"RDF")
    })
}

/// True when `bytes` are a JSON object whose top-level `version` names a
/// JSON Feed version and which has `items`. The other values are skipped,
/// not built, so this is one pass over the bytes without copying them;
/// serde_json's depth limit bounds the nesting.
pub fn is_json_feed(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Top {
        version: Option<String>,
        items: Option<serde::de::IgnoredAny>,
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !bytes.trim_ascii_start().starts_with(b"{") {
        return false;
    }
    serde_json::from_slice::<Top>(bytes).is_ok_and(|top| {
        top.items.is_some()
            && top.version.is_some_and(|v| {
                v.trim_start_matches("http://")
                    .trim_start_matches("https://")
                    .starts_with("jsonfeed.org/version/")
            })
    })
}

/// The name of the first element of an XML text (after the declaration,
/// comments, processing instructions and a document type).
fn first_element(mut text: &[u8]) -> Option<&[u8]> {
    for _ in 0..64 {
        text = text.trim_ascii_start();
        let rest = text.strip_prefix(b"<")?;
        if rest.starts_with(b"?") || rest.starts_with(b"!") {
            let end = if rest.starts_with(b"!--") {
                memchr::memmem::find(rest, b"-->")? + 3
            } else if rest.starts_with(b"!DOCTYPE")
                && matches!(
                    (memchr::memchr(b'[', rest), memchr::memchr(b'>', rest)),
                    (Some(open), Some(close)) if open < close
                )
            {
                // An internal subset holds declarations, each with its own
                // `>` (an entity bomb's among them): the type ends at `]>`.
                subset_end(rest)?
            } else {
                memchr::memchr(b'>', rest)? + 1
            };
            text = &rest[end..];
            continue;
        }
        let end = rest
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))?;
        return Some(&rest[..end]);
    }
    None
}

/// The length of a document type with an internal subset, up to and with
/// its closing `]>` (blanks allowed between the two).
fn subset_end(doctype: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b']', doctype).find_map(|at| {
        let after = &doctype[at + 1..];
        let blanks = after.len() - after.trim_ascii_start().len();
        (after.get(blanks) == Some(&b'>')).then_some(at + 1 + blanks + 1)
    })
}

/// Reads a feed from its bytes. `source` is where it came from: relative
/// links resolve against it when it is a URL; `name` is what to call the
/// feed when it has no title.
pub fn parse(bytes: &[u8], source: &str, name: Option<&str>) -> Result<Feed, FeedError> {
    if bytes.len() > MAX_BYTES {
        return Err(FeedError::TooLarge);
    }
    let trimmed = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .trim_ascii_start();
    let scan = match trimmed.starts_with(b"{") {
        true => check_json(trimmed),
        false => check_xml(bytes)?,
    };
    let base = url::Url::parse(source)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(String::from);
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.as_deref())
        .build();
    let read = scan.cut.as_deref().unwrap_or(bytes);
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse(read)))
        .map_err(|_| FeedError::Parse("the feed parser failed".into()))?
        .map_err(|e| FeedError::Parse(short(&e.to_string())))?;
    let total = scan.cut.is_some().then_some(scan.items);
    Ok(from_model(parsed, source, name, base.as_deref(), total))
}

/// Parses a feed read from a reader (a file), up to [`MAX_BYTES`].
pub fn read(reader: impl Read, source: &str, name: Option<&str>) -> Result<Feed, FeedError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FeedError::Parse(e.to_string()))?;
    parse(&bytes, source, name)
}

/// Items read past [`MAX_ITEMS`] before the rest of a feed is cut off, so
/// duplicates left out still leave [`MAX_ITEMS`] to list.
const CUT_AFTER: usize = 2 * MAX_ITEMS;

/// What the scan of an XML feed found.
#[derive(Debug, Default)]
struct Scan {
    /// Items (`item`, `entry`) in the whole feed.
    items: usize,
    /// The feed cut after its [`CUT_AFTER`]th item, its open elements
    /// closed: what feed-rs reads instead of the whole.
    cut: Option<Vec<u8>>,
}

/// Scans XML with a streaming reader: refuses nesting past [`MAX_DEPTH`]
/// and entity declarations, before feed-rs builds anything; counts the
/// items and, past [`CUT_AFTER`] of them, cuts the rest off (feed-rs builds
/// every item it reads, some 0.9 KB each however small the item, so
/// 20 MB of tiny items took half a gigabyte).
fn check_xml(bytes: &[u8]) -> Result<Scan, FeedError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    // The open elements' names, as written (prefix and all).
    let mut open: Vec<Vec<u8>> = Vec::new();
    let mut scan = Scan::default();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                if open.len() == MAX_DEPTH {
                    return Err(FeedError::TooDeep);
                }
                open.push(e.name().into_inner().as_bytes().to_vec());
            }
            Ok(Event::End(e)) => {
                open.pop();
                // Items are children of the channel (RSS 2.0, 0.9x) or of
                // the root (RSS 1.0, Atom); an `item` deeper is something
                // else's.
                let local = e.local_name();
                if open.len() <= 2 && matches!(local.into_inner(), "item" | "entry") {
                    scan.items += 1;
                    if scan.items == CUT_AFTER && scan.cut.is_none() {
                        let at = usize::try_from(reader.buffer_position()).unwrap_or(bytes.len());
                        let mut cut = bytes[..at.min(bytes.len())].to_vec();
                        for name in open.iter().rev() {
                            cut.extend_from_slice(b"</");
                            cut.extend_from_slice(name);
                            cut.push(b'>');
                        }
                        scan.cut = Some(cut);
                    }
                }
            }
            Ok(Event::DocType(d)) => {
                if d.contains("ENTITY") {
                    return Err(FeedError::Entities);
                }
            }
            Ok(Event::Eof) => return Ok(scan),
            // Malformed XML is feed-rs's to judge (it is lenient).
            Err(_) => return Ok(scan),
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// Counts a JSON Feed's items without building them and, past
/// [`CUT_AFTER`] of them, cuts the rest off as [`check_xml`] does (feed-rs
/// builds every item of a JSON Feed too: 19.5 MB of tiny items took 630 MB).
/// JSON that does not read is left to feed-rs to judge.
fn check_json(bytes: &[u8]) -> Scan {
    #[derive(serde::Deserialize)]
    struct Top {
        items: Option<json_cut::Count>,
    }
    let items = serde_json::from_slice::<Top>(bytes)
        .ok()
        .and_then(|top| top.items)
        .map_or(0, |c| c.0);
    Scan {
        items,
        cut: (items > CUT_AFTER)
            .then(|| json_cut::first_items(bytes, CUT_AFTER))
            .flatten(),
    }
}

/// Reading a JSON Feed's `items` without building all of them.
mod json_cut {
    use std::fmt;

    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Value};

    /// How many elements a list has, each skipped unbuilt.
    pub struct Count(pub usize);

    impl<'de> serde::Deserialize<'de> for Count {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
            struct Counter;
            impl<'de> Visitor<'de> for Counter {
                type Value = Count;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a list of items")
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                    let mut n = 0;
                    while seq.next_element::<IgnoredAny>()?.is_some() {
                        n += 1;
                    }
                    Ok(Count(n))
                }
            }
            d.deserialize_seq(Counter)
        }
    }

    /// The first `n` elements of a list, built; the rest skipped.
    struct First(usize);

    impl<'de> DeserializeSeed<'de> for First {
        type Value = Vec<Value>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Value>, D::Error> {
            d.deserialize_seq(self)
        }
    }

    impl<'de> Visitor<'de> for First {
        type Value = Vec<Value>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of items")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Value>, A::Error> {
            let mut kept = Vec::with_capacity(self.0);
            while kept.len() < self.0 {
                match seq.next_element::<Value>()? {
                    Some(v) => kept.push(v),
                    None => return Ok(kept),
                }
            }
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(kept)
        }
    }

    /// The top-level object, its `items` cut to the first `n`.
    struct Top(usize);

    impl<'de> Visitor<'de> for Top {
        type Value = Map<String, Value>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON Feed object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                let value = match key.as_str() {
                    "items" => Value::Array(map.next_value_seed(First(self.0))?),
                    _ => map.next_value::<Value>()?,
                };
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    /// The feed written again with only its first `n` items.
    pub fn first_items(bytes: &[u8], n: usize) -> Option<Vec<u8>> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let top = de.deserialize_map(Top(n)).ok()?;
        de.end().ok()?;
        serde_json::to_vec(&Value::Object(top)).ok()
    }
}

fn short(message: &str) -> String {
    let line = message.lines().next().unwrap_or("").trim();
    line.chars().take(200).collect()
}

fn from_model(
    feed: feed_rs::model::Feed,
    source: &str,
    name: Option<&str>,
    base: Option<&str>,
    // The items in the whole feed, when feed-rs read it cut short.
    total: Option<usize>,
) -> Feed {
    let title = feed
        .title
        .map(|t| squash(&t.content))
        .filter(|t| !t.is_empty())
        .or_else(|| name.map(str::to_string))
        .unwrap_or_else(|| source.to_string());
    let site = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| resolve(&l.href, base));
    let total = total.unwrap_or(0).max(feed.entries.len());
    let mut notices = Vec::new();
    let mut items: Vec<Item> = Vec::with_capacity(total.min(MAX_ITEMS));
    let mut seen = rustc_hash::FxHashSet::default();
    let mut duplicates = 0;
    for entry in feed.entries {
        if items.len() == MAX_ITEMS {
            break;
        }
        let item = item_of(entry, base);
        if !seen.insert(item.id.clone()) {
            duplicates += 1;
            continue;
        }
        items.push(item);
    }
    if total > MAX_ITEMS {
        notices.push(format!(
            "the feed has {total} items; the first {MAX_ITEMS} are listed"
        ));
    }
    if duplicates > 0 {
        notices.push(format!(
            "{duplicates} duplicate item{} left out",
            if duplicates == 1 { "" } else { "s" }
        ));
    }
    Feed {
        title,
        source: source.to_string(),
        site,
        items,
        notices,
    }
}

fn item_of(entry: feed_rs::model::Entry, base: Option<&str>) -> Item {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| resolve(&l.href, base));
    let title = entry
        .title
        .as_ref()
        .map(|t| squash(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "(untitled)".to_string());
    let date = entry.published.or(entry.updated).map(|d| d.timestamp());
    let (summary, summary_is_html) = match &entry.summary {
        Some(t) => (
            t.content.chars().take(SUMMARY_CHARS * 4).collect(),
            is_html(t.content_type.essence().to_string().as_str(), &t.content),
        ),
        None => (String::new(), false),
    };
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_ref()?.clone();
        (!body.trim().is_empty()).then(|| Content {
            html: is_html(c.content_type.essence().to_string().as_str(), &body),
            body,
        })
    });
    // feed-rs makes an id from the link and title when the feed has none.
    let id = if entry.id.is_empty() {
        link.clone().unwrap_or_else(|| title.clone())
    } else {
        entry.id
    };
    Item {
        id,
        title,
        link,
        date,
        authors: entry
            .authors
            .into_iter()
            .filter_map(|p| p.name)
            .map(|n| squash(&n))
            .filter(|n| !n.is_empty())
            .collect(),
        summary,
        summary_is_html,
        content,
    }
}

/// True when a text given as `media` is HTML: its type says so, or a
/// "text" that holds tags (RSS says nothing and most feeds send HTML).
fn is_html(media: &str, text: &str) -> bool {
    media.contains("html") || (text.contains('<') && text.contains('>'))
}

/// A link resolved against the feed's address.
fn resolve(href: &str, base: Option<&str>) -> String {
    let href = href.trim();
    match base.and_then(|b| url::Url::parse(b).ok()) {
        Some(b) => b.join(href).map_or_else(|_| href.to_string(), String::from),
        None => href.to_string(),
    }
}

/// Whitespace folded to single spaces (titles spread over lines).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text for the summary pane from a summary that may be HTML: tags
/// dropped, entities decoded, whitespace folded, cut near
/// [`SUMMARY_CHARS`]. For a short teaser only; an item's content is read
/// with the page adapter.
pub fn summary_text(item: &Item) -> String {
    let text = if item.summary_is_html {
        let doc = crate::document::Document::from_html(
            "summary",
            item.summary.as_bytes(),
            Some("utf-8"),
            None,
        );
        doc.blocks
            .iter()
            .filter(|b| {
                !matches!(
                    b.kind,
                    crate::document::BlockKind::Title
                        | crate::document::BlockKind::Byline
                        | crate::document::BlockKind::Boilerplate
                )
            })
            .map(|b| doc.slice(&b.range))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        item.summary.clone()
    };
    let text = squash(&text);
    match text.char_indices().nth(SUMMARY_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests;
