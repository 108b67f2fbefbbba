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

use serde_json::{Value, json};

use crate::document::{BlockKind, Document, InlineKind};
use crate::extract::Entities;

/// The version of the shape below.
pub const SCHEMA: u32 = 1;

/// Writes one article as one line of JSON.
pub fn write(doc: &Document, entities: &Entities, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    let fields = fields(doc, entities);
    let put = |out: &mut io::BufWriter<&mut dyn Write>, value: &Value| -> io::Result<()> {
        let text = serde_json::to_string(value).map_err(io::Error::other)?;
        out.write_all(escape_unsafe(&text).as_bytes())
    };
    let mut first = true;
    let mut key = |out: &mut io::BufWriter<&mut dyn Write>, name: &str| -> io::Result<()> {
        let sep = if first { "{" } else { "," };
        first = false;
        write!(out, "{sep}\"{name}\":")
    };
    for (name, value) in &fields.head {
        key(&mut out, name)?;
        put(&mut out, value)?;
    }
    for (name, items) in fields.lists {
        key(&mut out, name)?;
        out.write_all(b"[")?;
        for (i, item) in items.enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            put(&mut out, &item)?;
        }
        out.write_all(b"]")?;
    }
    for (name, value) in &fields.tail {
        key(&mut out, name)?;
        put(&mut out, value)?;
    }
    out.write_all(b"}\n")?;
    out.flush()
}

/// serde_json escapes C0 controls only; DEL, C1 controls (`U+009B` is a
/// CSI to some terminals) and bidi or line-separator characters are
/// escaped too, so the JSON is safe to show on a terminal. They only occur
/// inside strings, where `\uXXXX` means the same character.
pub(crate) fn escape_unsafe(json: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        matches!(c, '\u{7f}'..='\u{9f}' | '\u{61c}' | '\u{200e}' | '\u{200f}'
            | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !json.chars().any(unsafe_char) {
        return json.into();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
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
        map.insert(key.into(), value);
    }
    for (key, items) in fields.lists {
        map.insert(key.into(), Value::Array(items.collect()));
    }
    for (key, value) in fields.tail {
        map.insert(key.into(), value);
    }
    Value::Object(map)
}

/// The object's fields in order: small ones, then the long lists as lazy
/// iterators (a long article's blocks are never all in memory as JSON at
/// once), then the rest.
struct Fields<'a> {
    head: Vec<(&'static str, Value)>,
    lists: Vec<(&'static str, Box<dyn Iterator<Item = Value> + 'a>)>,
    tail: Vec<(&'static str, Value)>,
}

fn fields<'a>(doc: &'a Document, entities: &'a Entities) -> Fields<'a> {
    let span = move |r: &Range<usize>| span(doc, r);
    let title = doc.title.and_then(|b| doc.blocks.get(b)).map(
        |b| json!({ "text": doc.slice(&b.range), "block": doc.title, "range": span(&b.range) }),
    );
    let dateline = doc
        .dateline
        .as_ref()
        .map(|r| json!({ "text": doc.slice(r), "range": span(r) }));
    let sections = doc.sections.iter().enumerate().map(move |(i, s)| {
        let range = section_range(doc, s.blocks.clone());
        json!({
            "index": i,
            "title": s.title,
            "level": s.level,
            "heading_block": s.heading,
            "boilerplate": s.boilerplate,
            "blocks": { "start": s.blocks.start, "end": s.blocks.end },
            "range": span(&range),
        })
    });
    let blocks = doc.blocks.iter().enumerate().map(move |(i, b)| {
        let (kind, level, ordinal) = block_kind(b.kind);
        let inlines: Vec<Value> = b
            .inlines
            .iter()
            .map(|inline| {
                let mut v =
                    json!({ "kind": inline_kind(&inline.kind), "range": span(&inline.range) });
                match &inline.kind {
                    InlineKind::Link { target } | InlineKind::Image { target } => {
                        v["target"] = json!(target);
                    }
                    InlineKind::TableCell {
                        row,
                        column,
                        header,
                    } => {
                        v["row"] = json!(row);
                        v["column"] = json!(column);
                        v["header"] = json!(header);
                    }
                    _ => {}
                }
                v
            })
            .collect();
        json!({
            "index": i,
            "kind": kind,
            "level": level,
            "ordinal": ordinal,
            "section": doc.section_of_block(i),
            "quote_depth": b.quote_depth,
            "list_depth": b.list_depth,
            "range": span(&b.range),
            "text": doc.slice(&b.range),
            "inlines": inlines,
        })
    });
    let mentions = entities.mentions.iter().map(move |m| {
        json!({
            "kind": m.kind().as_str(),
            "entity": m.entity(),
            "text": doc.slice(&m.range()),
            "range": span(&m.range()),
        })
    });
    let entity_list = entities.entities.iter().enumerate().map(|(i, e)| {
        json!({
            "index": i,
            "name": e.name,
            "kind": e.kind.as_str(),
            "mentions": e.mentions,
            "coords": e.coords.map(|(lat, lon)| json!({ "lat": lat, "lon": lon })),
        })
    });
    Fields {
        head: vec![
            ("schema", json!(SCHEMA)),
            ("name", json!(doc.name)),
            (
                "format",
                json!(match doc.format {
                    crate::document::Format::Plain => "plain",
                    crate::document::Format::Markdown => "markdown",
                    crate::document::Format::Html => "html",
                }),
            ),
            ("text", json!(doc.text)),
            ("title", json!(title)),
            ("dateline", json!(dateline)),
            ("meta", meta(&doc.meta)),
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
