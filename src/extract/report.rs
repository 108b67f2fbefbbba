//! Printing entities for people and scripts (`lede entities`).

use std::io::{self, Write};

use serde::Serialize;

use super::{Entities, EntityKind};
use crate::document::Document;
use crate::sanitize;

#[derive(Serialize)]
struct JsonMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: EntityKind,
}

/// `{"file", "mentions": [{start, end, text, type}]}` with byte offsets into
/// the file as it is on disk (the format `score.py` reads), written as it is
/// produced: a long article's mentions are never all in memory as JSON (at
/// 100 MB of news they came to 1.7 times the text, built whole and then
/// escaped into a copy).
pub fn write_json(doc: &Document, entities: &Entities, out: &mut dyn Write) -> io::Result<()> {
    let file = std::path::Path::new(&doc.name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(&doc.name);
    // Escaped like `--json` on the way out: a mention's text may hold C1
    // or bidi characters, which must not reach a terminal raw.
    let mut out = crate::json::Escaping::new(io::BufWriter::new(out));
    out.write_all(b"{\"file\":")?;
    serde_json::to_writer(&mut out, file)?;
    out.write_all(b",\"mentions\":[")?;
    for (i, m) in entities.mentions.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let source = doc.source_map.range_to_source(m.range());
        let mention = JsonMention {
            start: source.start,
            end: source.end,
            text: doc.slice(&m.range()),
            kind: m.kind(),
        };
        serde_json::to_writer(&mut out, &mention)?;
    }
    out.write_all(b"]}\n")?;
    out.flush()
}

/// Entities grouped by kind, most mentioned first, with counts.
pub fn write_text(doc: &Document, entities: &Entities, out: &mut dyn Write) -> io::Result<()> {
    let _ = doc;
    for kind in EntityKind::ALL {
        let mut list: Vec<_> = entities
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        if list.is_empty() {
            continue;
        }
        list.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        writeln!(out, "{}s ({})", title_case(kind.as_str()), list.len())?;
        for entity in list {
            writeln!(
                out,
                "  {:>3}  {}",
                entity.mentions.len(),
                sanitize::clean(&entity.name)
            )?;
        }
    }
    Ok(())
}

fn title_case(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::extract::{Entity, Mention};

    #[test]
    fn json_escapes_characters_a_terminal_would_act_on() {
        let text = "Title\n\nThe minister Ana\u{202E} Lo\u{9B}pez spoke.";
        let doc =
            Document::from_bytes("a.txt", text.as_bytes(), Some(Format::Plain)).expect("text");
        let start = doc.text.find("Ana").expect("name");
        let end = doc.text.find(" spoke").expect("verb");
        let found = Entities {
            mentions: vec![Mention::new(start..end, EntityKind::Actor, 0)],
            entities: vec![Entity {
                name: doc.text[start..end].to_string(),
                kind: EntityKind::Actor,
                mentions: vec![0],
                coords: None,
            }],
        };
        let mut out = Vec::new();
        write_json(&doc, &found, &mut out).expect("written");
        let json = String::from_utf8(out).expect("utf-8");
        assert!(
            !json.contains('\u{202E}') && !json.contains('\u{9B}'),
            "{json}"
        );
        assert!(
            json.contains("\\u202e") && json.contains("\\u009b"),
            "{json}"
        );
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["mentions"][0]["text"], "Ana\u{202E} Lo\u{9B}pez");
    }
}
