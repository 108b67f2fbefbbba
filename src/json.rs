//! `lede --json`: the document model as JSON, for scripts.
//!
//! The shape is a contract documented in the README ("JSON schema"); it is
//! built here field by field rather than derived from the model's types, so
//! a change inside the model cannot silently change what scripts read.
//! `schema` is bumped when a field changes meaning or goes away; new fields
//! may be added without a bump.
//!
//! Every range is a pair of byte offsets, `{"start", "end"}`, into `text`
//! (the normalised article text, included once), and `source` is the same
//! range in the file's own bytes (before BOM, CRLF and encoding fixes).
//! Strings pass through `serde_json`, which escapes control characters, so
//! nothing raw reaches a terminal that shows the output.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;
use serde_json::{Value, json};

use crate::document::{BlockKind, Document, InlineKind};
use crate::extract::Entities;

/// The version of the shape below.
pub const SCHEMA: u32 = 1;

/// Writes one article as one line of JSON, as it is produced: the text is
/// escaped straight into the output (never copied into a JSON value), and
/// each block, entity and mention is written on its own.
pub fn write(doc: &Document, entities: &Entities, out: &mut dyn Write) -> io::Result<()> {
    let mut out = Escaping::new(io::BufWriter::new(out));
    let fields = fields(doc, entities);
    let mut first = true;
    let mut key = |out: &mut Escaping<_>, name: &str| -> io::Result<()> {
        let sep = if first { "{" } else { "," };
        first = false;
        write!(out, "{sep}\"{name}\":")
    };
    for (name, value) in &fields.head {
        key(&mut out, name)?;
        match value {
            Head::Value(value) => serde_json::to_writer(&mut out, value)?,
            Head::Text(text) => serde_json::to_writer(&mut out, text)?,
        }
    }
    for (name, items) in fields.lists {
        key(&mut out, name)?;
        out.write_all(b"[")?;
        for (i, item) in items.enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut out, &item)?;
        }
        out.write_all(b"]")?;
    }
    for (name, value) in &fields.tail {
        key(&mut out, name)?;
        serde_json::to_writer(&mut out, value)?;
    }
    out.write_all(b"}\n")?;
    out.flush()
}

/// A writer that escapes, on the way through, what [`escape_unsafe`]
/// escapes. serde_json writes a value in many small pieces; they are
/// gathered into chunks of [`ESCAPE_CHUNK`] bytes and each chunk is looked
/// at once (most are ASCII, passed on after one byte test), cut after its
/// last whole character, the rest held until more comes.
pub(crate) struct Escaping<W: Write> {
    out: W,
    held: Vec<u8>,
}

/// Bytes gathered before they are escaped and passed on.
const ESCAPE_CHUNK: usize = 64 * 1024;

impl<W: Write> Escaping<W> {
    pub(crate) fn new(out: W) -> Self {
        Escaping {
            out,
            held: Vec::with_capacity(ESCAPE_CHUNK),
        }
    }

    /// Escapes and passes on what is held: all of it when `all`, else up to
    /// the end of its last whole character.
    fn pass_on(&mut self, all: bool) -> io::Result<()> {
        let mut done = 0;
        while done < self.held.len() {
            let rest = &self.held[done..];
            let (valid, bad) = match std::str::from_utf8(rest) {
                Ok(_) => (rest.len(), 0),
                // A character cut at the end: kept for the next write.
                Err(e) if e.error_len().is_none() && !all => (e.valid_up_to(), 0),
                // Never from serde_json: passed on as it is.
                Err(e) => (
                    e.valid_up_to(),
                    e.error_len().unwrap_or(rest.len() - e.valid_up_to()),
                ),
            };
            if let Ok(text) = std::str::from_utf8(&rest[..valid]) {
                self.out.write_all(escape_unsafe(text).as_bytes())?;
            }
            self.out.write_all(&rest[valid..valid + bad])?;
            if bad == 0 {
                done += valid;
                break;
            }
            done += valid + bad;
        }
        self.held.drain(..done);
        Ok(())
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(buf);
        if self.held.len() >= ESCAPE_CHUNK {
            self.pass_on(false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on(true)?;
        self.out.flush()
    }
}

/// serde_json escapes C0 controls only; DEL, C1 controls (`U+009B` is a
/// CSI to some terminals), bidi or line-separator characters and the
/// invisible ones (zero-width space, non-joiner and joiner, word joiner,
/// U+FEFF, soft hyphen, tag characters) are escaped too, so the JSON is
/// safe to show on a terminal and hides nothing from the eye. They only
/// occur inside strings, where `\uXXXX` (a surrogate pair past U+FFFF)
/// means the same character.
pub(crate) fn escape_unsafe(json: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        matches!(c, '\u{7f}'..='\u{9f}' | '\u{ad}' | '\u{61c}' | '\u{180e}'
            | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}')
    };
    // Most text is ASCII: nothing to look at past a byte test.
    if json.is_ascii() || !json.chars().any(unsafe_char) {
        return json.into();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_char(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// The document model as a JSON value (the whole of it in memory; `write`
/// streams the same fields instead).
#[cfg(test)]
pub fn to_value(doc: &Document, entities: &Entities) -> Value {
    let fields = fields(doc, entities);
    let mut map = serde_json::Map::new();
    for (key, value) in fields.head {
        let value = match value {
            Head::Value(value) => value,
            Head::Text(text) => Value::String(text.to_string()),
        };
        map.insert(key.into(), value);
    }
    for (key, items) in fields.lists {
        let items = items.map(|item| serde_json::to_value(item).expect("a model item is JSON"));
        map.insert(key.into(), Value::Array(items.collect()));
    }
    for (key, value) in fields.tail {
        map.insert(key.into(), value);
    }
    Value::Object(map)
}

/// A field before the lists: a value, or the article's text, written
/// from where it is.
enum Head<'a> {
    Value(Value),
    Text(&'a str),
}

/// The object's fields in order: small ones, then the long lists as lazy
/// iterators (a long article's blocks are never all in memory as JSON at
/// once), then the rest.
struct Fields<'a> {
    head: Vec<(&'static str, Head<'a>)>,
    lists: Vec<(&'static str, Box<dyn Iterator<Item = Item<'a>> + 'a>)>,
    tail: Vec<(&'static str, Value)>,
}

// The items of the long lists, written straight from the model: building
// a `Value` for each (a map of its fields, its strings copied) was most of
// the time `--json` took on an article of many small blocks (a 10 MB flat
// list: 3.3 s). A `Value`'s map orders its keys by name, so each struct's
// fields are declared in that order and the bytes stay the same.

/// One item of a long list (written as the item alone).
#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Section(SectionItem<'a>),
    Block(BlockItem<'a>),
    Entity(EntityItem<'a>),
    Mention(MentionItem<'a>),
}

#[derive(Serialize)]
struct SectionItem<'a> {
    blocks: Bounds,
    boilerplate: bool,
    heading_block: Option<usize>,
    index: usize,
    level: u8,
    range: SpanItem,
    title: &'a str,
}

#[derive(Serialize)]
struct BlockItem<'a> {
    index: usize,
    inlines: Vec<InlineItem>,
    kind: &'static str,
    level: Option<u8>,
    list_depth: u8,
    ordinal: Option<u64>,
    quote_depth: u8,
    range: SpanItem,
    section: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct InlineItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    header: Option<bool>,
    kind: &'static str,
    range: SpanItem,
    #[serde(skip_serializing_if = "Option::is_none")]
    row: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<String>,
}

#[derive(Serialize)]
struct EntityItem<'a> {
    coords: Option<Coords>,
    index: usize,
    kind: &'static str,
    mentions: &'a [usize],
    name: &'a str,
}

/// Latitude and longitude as a `Value` holds them (widened to `f64`, so
/// written with the digits an `f64` needs, as before).
#[derive(Serialize)]
struct Coords {
    lat: f64,
    lon: f64,
}

#[derive(Serialize)]
struct MentionItem<'a> {
    entity: usize,
    kind: &'static str,
    range: SpanItem,
    text: &'a str,
}

/// A range in the text and the same range in the source file.
#[derive(Serialize)]
struct SpanItem {
    end: usize,
    source: Bounds,
    start: usize,
}

#[derive(Serialize)]
struct Bounds {
    end: usize,
    start: usize,
}

fn fields<'a>(doc: &'a Document, entities: &'a Entities) -> Fields<'a> {
    let span_item = move |r: &Range<usize>| span_item(doc, r);
    let title = doc.title.and_then(|b| doc.blocks.get(b)).map(
        |b| json!({ "text": doc.slice(&b.range), "block": doc.title, "range": span(doc, &b.range) }),
    );
    let dateline = doc
        .dateline
        .as_ref()
        .map(|r| json!({ "text": doc.slice(r), "range": span(doc, r) }));
    let sections = doc.sections.iter().enumerate().map(move |(i, s)| {
        let range = section_range(doc, s.blocks.clone());
        Item::Section(SectionItem {
            index: i,
            title: &s.title,
            level: s.level,
            heading_block: s.heading,
            boilerplate: s.boilerplate,
            blocks: Bounds {
                start: s.blocks.start,
                end: s.blocks.end,
            },
            range: span_item(&range),
        })
    });
    let blocks = doc.blocks.iter().enumerate().map(move |(i, b)| {
        let (kind, level, ordinal) = block_kind(b.kind);
        let inlines = doc
            .inlines(&b)
            .map(|inline| {
                let mut item = InlineItem {
                    kind: inline_kind(&inline.kind),
                    range: span_item(&inline.range),
                    column: None,
                    header: None,
                    row: None,
                    target: None,
                };
                match inline.kind {
                    InlineKind::Link { target } | InlineKind::Image { target } => {
                        item.target = Some(target);
                    }
                    InlineKind::TableCell {
                        row,
                        column,
                        header,
                    } => {
                        item.row = Some(row);
                        item.column = Some(column);
                        item.header = Some(header);
                    }
                    _ => {}
                }
                item
            })
            .collect();
        Item::Block(BlockItem {
            index: i,
            kind,
            level,
            ordinal,
            section: doc.section_of_block(i),
            quote_depth: b.quote_depth,
            list_depth: b.list_depth,
            range: span_item(&b.range),
            text: doc.slice(&b.range),
            inlines,
        })
    });
    let mentions = entities.mentions.iter().map(move |m| {
        Item::Mention(MentionItem {
            kind: m.kind().as_str(),
            entity: m.entity(),
            text: doc.slice(&m.range()),
            range: span_item(&m.range()),
        })
    });
    let entity_list = entities.entities.iter().enumerate().map(|(i, e)| {
        Item::Entity(EntityItem {
            index: i,
            name: &e.name,
            kind: e.kind.as_str(),
            mentions: &e.mentions,
            coords: e.coords.map(|(lat, lon)| Coords {
                lat: f64::from(lat),
                lon: f64::from(lon),
            }),
        })
    });
    Fields {
        head: vec![
            ("schema", Head::Value(json!(SCHEMA))),
            ("name", Head::Value(json!(doc.name))),
            (
                "format",
                Head::Value(json!(match doc.format {
                    crate::document::Format::Plain => "plain",
                    crate::document::Format::Markdown => "markdown",
                    crate::document::Format::Html => "html",
                })),
            ),
            ("text", Head::Text(&doc.text)),
            ("title", Head::Value(json!(title))),
            ("dateline", Head::Value(json!(dateline))),
            ("meta", Head::Value(meta(&doc.meta))),
        ],
        lists: vec![
            ("sections", Box::new(sections)),
            ("blocks", Box::new(blocks)),
            ("entities", Box::new(entity_list)),
            ("mentions", Box::new(mentions)),
        ],
        tail: vec![("notices", json!(doc.notices))],
    }
}

/// What a web page says about its article (all null for text).
fn meta(meta: &crate::document::Meta) -> Value {
    json!({
        "title": meta.title,
        "authors": meta.authors,
        "published": meta.published,
        "updated": meta.updated,
        "site_name": meta.site_name,
        "section": meta.section,
        "language": meta.language,
        "canonical_url": meta.canonical_url,
        "description": meta.description,
    })
}

/// A range in the text and the same range in the source file.
fn span_item(doc: &Document, r: &Range<usize>) -> SpanItem {
    let source = doc.source_map.range_to_source(r.clone());
    SpanItem {
        start: r.start,
        end: r.end,
        source: Bounds {
            start: source.start,
            end: source.end,
        },
    }
}

/// [`span_item`] as a value, for the small fields.
fn span(doc: &Document, r: &Range<usize>) -> Value {
    let source = doc.source_map.range_to_source(r.clone());
    json!({
        "start": r.start,
        "end": r.end,
        "source": { "start": source.start, "end": source.end },
    })
}

/// The text a run of blocks covers; empty at the text's end for none.
fn section_range(doc: &Document, blocks: Range<usize>) -> Range<usize> {
    let first = doc.blocks.get(blocks.start).map(|b| b.range.start);
    let last = blocks
        .end
        .checked_sub(1)
        .and_then(|b| doc.blocks.get(b))
        .map(|b| b.range.end);
    match (first, last) {
        (Some(start), Some(end)) if start <= end => start..end,
        _ => doc.text.len()..doc.text.len(),
    }
}

fn block_kind(kind: BlockKind) -> (&'static str, Option<u8>, Option<u64>) {
    match kind {
        BlockKind::Title => ("title", None, None),
        BlockKind::Dateline => ("dateline", None, None),
        BlockKind::Byline => ("byline", None, None),
        BlockKind::Paragraph => ("paragraph", None, None),
        BlockKind::Heading { level } => ("heading", Some(level), None),
        BlockKind::ListItem { ordinal } => ("list_item", None, ordinal),
        BlockKind::Code => ("code", None, None),
        BlockKind::Rule => ("rule", None, None),
        BlockKind::Boilerplate => ("boilerplate", None, None),
        BlockKind::Table => ("table", None, None),
        BlockKind::Caption => ("caption", None, None),
    }
}

fn inline_kind(kind: &InlineKind) -> &'static str {
    match kind {
        InlineKind::Emphasis => "emphasis",
        InlineKind::Strong => "strong",
        InlineKind::Strikethrough => "strikethrough",
        InlineKind::Code => "code",
        InlineKind::Link { .. } => "link",
        InlineKind::Image { .. } => "image",
        InlineKind::Dateline => "dateline",
        InlineKind::HardBreak => "hard_break",
        InlineKind::TableCell { .. } => "table_cell",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_escaped_and_mean_the_same() {
        let text = "Title\n\npay\u{200b}pal zw\u{200d}j word\u{2060}joiner mid\u{feff}bom \
                    tag\u{e0041}\u{e007f} shy\u{ad}";
        let doc = Document::from_bytes("x.txt", text.as_bytes(), None).expect("text");
        let mut out = Vec::new();
        write(&doc, &Entities::default(), &mut out).expect("written");
        let line = String::from_utf8(out).expect("utf-8");
        for raw in [
            '\u{200b}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{e0041}',
            '\u{ad}',
        ] {
            assert!(!line.contains(raw), "{raw:?} raw in {line:?}");
        }
        assert!(line.contains("\\u200b") && line.contains("\\udb40\\udc41"));
        let v: Value = serde_json::from_str(&line).expect("still JSON");
        assert_eq!(v["text"].as_str(), Some(doc.text.as_str()));
    }

    #[test]
    fn ranges_point_at_their_text_in_the_file_too() {
        let bytes = "\u{feff}# Title\r\n\r\nIn *Paris*, 3 people.\r\n";
        let doc = Document::from_bytes("a.md", bytes.as_bytes(), None).expect("text");
        let found = crate::extract::extract(&doc);
        let v = to_value(&doc, &found);
        for block in v["blocks"].as_array().expect("blocks") {
            let text = block["text"].as_str().expect("text");
            let s = block["range"]["source"]["start"].as_u64().expect("start") as usize;
            let e = block["range"]["source"]["end"].as_u64().expect("end") as usize;
            assert!(bytes.as_bytes()[s..e].starts_with(&text.as_bytes()[..1]));
        }
        assert_eq!(v["title"]["text"], "Title");
        assert_eq!(v["blocks"][0]["kind"], "heading");
        assert_eq!(v["blocks"][0]["level"], 1);
        assert_eq!(v["blocks"][1]["inlines"][0]["kind"], "emphasis");
    }

    #[test]
    fn terminal_controls_are_escaped_and_mean_the_same() {
        let doc = Document::from_bytes(
            "x.txt",
            "Title\n\nA \u{9b}2J b \u{202e}c\u{7f} \x1b[0m d".as_bytes(),
            None,
        )
        .expect("text");
        let mut out = Vec::new();
        write(&doc, &Entities::default(), &mut out).expect("written");
        let line = String::from_utf8(out).expect("utf-8");
        assert!(
            !line
                .chars()
                .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
            "{line:?}"
        );
        assert!(line.contains("\\u009b") && line.contains("\\u202e"));
        let v: Value = serde_json::from_str(&line).expect("still JSON");
        assert_eq!(v["text"].as_str(), Some(doc.text.as_str()));
    }

    #[test]
    fn escaping_in_pieces_is_escaping_the_whole() {
        // Past one chunk, so characters (of 2 to 4 bytes) are cut between
        // chunks as well as between writes, some of them ones to escape.
        let unit = "ab \u{e9} \u{9b}x \u{202e} \u{1f600} \u{e0041}\n";
        let whole = unit.repeat(2 * ESCAPE_CHUNK / unit.len() + 1);
        for piece in [1, 3, 7, 4096] {
            let mut out = Escaping::new(Vec::new());
            for bytes in whole.as_bytes().chunks(piece) {
                out.write_all(bytes).expect("written");
            }
            out.flush().expect("flushed");
            assert_eq!(
                String::from_utf8(out.out).expect("utf-8"),
                escape_unsafe(&whole),
                "pieces of {piece}"
            );
        }
    }

    #[test]
    fn the_streamed_output_is_the_value() {
        let doc = crate::cli::load_article(None).expect("seed");
        let found = crate::extract::extract(&doc);
        let mut out = Vec::new();
        write(&doc, &found, &mut out).expect("written");
        assert!(out.ends_with(b"}\n") && out.iter().filter(|&&b| b == b'\n').count() == 1);
        let streamed: Value = serde_json::from_slice(&out).expect("JSON");
        assert_eq!(streamed, to_value(&doc, &found));
    }

    #[test]
    fn the_streamed_bytes_are_the_value_s() {
        // Each item is written from the model, not through a `Value`: the
        // same keys in the same (a `Value`'s, sorted) order, the same
        // numbers (coordinates widened to `f64`), the same escapes.
        let doc = Document::from_bytes(
            "a.md",
            "# Talks in Paris\n\nPARIS (AP) \u{2014} *Anna Berg* met [Olaf](https://x.org/o) \
             in Berlin and Paris on Monday; 3,000 people came.\n\n![A crowd](c.jpg)\n\n\
             | Party | Votes |\n|---|---|\n| Civic | 12 |\n\n1. one\n2. two\n\n> quoted\n"
                .as_bytes(),
            None,
        )
        .expect("text");
        let found = crate::extract::extract(&doc);
        assert!(found.entities.iter().any(|e| e.coords.is_some()));
        let mut out = Vec::new();
        write(&doc, &found, &mut out).expect("written");
        let line = String::from_utf8(out).expect("utf-8");
        let value = to_value(&doc, &found);
        for list in ["sections", "blocks", "entities", "mentions"] {
            let items = value[list].as_array().expect("a list");
            assert!(!items.is_empty(), "{list}");
            let written: Vec<String> = items
                .iter()
                .map(|item| serde_json::to_string(item).expect("JSON"))
                .collect();
            assert!(
                line.contains(&format!("\"{list}\":[{}]", written.join(","))),
                "{list} as a value writes them: {written:?}"
            );
        }
    }

    #[test]
    fn the_readme_documents_every_field() {
        let readme = include_str!("../README.md");
        let schema = &readme[readme.find("### JSON schema").expect("a schema section")..];
        let doc = Document::from_bytes(
            "a.md",
            b"# T\n\n*x* [l](u)\n\n- item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            None,
        )
        .expect("text");
        let v = to_value(&doc, &crate::extract::extract(&doc));
        let mut objects = vec![&v];
        while let Some(object) = objects.pop() {
            match object {
                Value::Object(map) => {
                    for (key, value) in map {
                        assert!(schema.contains(&format!("\"{key}\"")), "README lacks {key}");
                        objects.push(value);
                    }
                }
                Value::Array(items) => objects.extend(items),
                _ => {}
            }
        }
    }

    #[test]
    fn tables_and_captions_have_their_kinds_and_cells() {
        let doc = Document::from_bytes(
            "a.md",
            b"![A crowd](c.jpg)\n\n| Party | Votes |\n|---|---|\n| Civic | 12 |\n",
            None,
        )
        .expect("text");
        let v = to_value(&doc, &Entities::default());
        assert_eq!(v["blocks"][0]["kind"], "caption");
        assert_eq!(v["blocks"][0]["text"], "A crowd");
        let table = &v["blocks"][1];
        assert_eq!(table["kind"], "table");
        assert_eq!(table["text"], "Party\tVotes\nCivic\t12");
        let cells: Vec<_> = table["inlines"]
            .as_array()
            .expect("inlines")
            .iter()
            .filter(|i| i["kind"] == "table_cell")
            .map(|i| (i["row"].clone(), i["column"].clone(), i["header"].clone()))
            .collect();
        assert_eq!(
            cells,
            [
                (json!(0), json!(0), json!(true)),
                (json!(0), json!(1), json!(true)),
                (json!(1), json!(0), json!(false)),
                (json!(1), json!(1), json!(false)),
            ]
        );
    }

    #[test]
    fn the_seed_has_its_sections_and_dateline() {
        let doc = crate::cli::load_article(None).expect("seed");
        let found = crate::extract::extract(&doc);
        let v = to_value(&doc, &found);
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(v["sections"].as_array().map(Vec::len), Some(3));
        assert_eq!(v["sections"][1]["title"], "What next after Tehran summit?");
        assert!(
            v["dateline"]["text"]
                .as_str()
                .is_some_and(|d| d.starts_with("Antakya"))
        );
        let text = v["text"].as_str().expect("text");
        for m in v["mentions"].as_array().expect("mentions") {
            let s = m["range"]["start"].as_u64().expect("start") as usize;
            let e = m["range"]["end"].as_u64().expect("end") as usize;
            assert_eq!(&text[s..e], m["text"].as_str().expect("text"));
        }
    }
}
