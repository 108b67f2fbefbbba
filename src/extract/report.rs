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

#[derive(Serialize)]
struct JsonReport<'a> {
    file: &'a str,
    mentions: Vec<JsonMention<'a>>,
}

/// `{"file", "mentions": [{start, end, text, type}]}` with byte offsets into
/// the file as it is on disk (the format `score.py` reads).
pub fn write_json(doc: &Document, entities: &Entities, out: &mut dyn Write) -> io::Result<()> {
    let file = std::path::Path::new(&doc.name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(&doc.name);
    let mentions = entities
        .mentions
        .iter()
        .map(|m| {
            let source = doc.source_map.range_to_source(m.range.clone());
            JsonMention {
                start: source.start,
                end: source.end,
                text: doc.slice(&m.range),
                kind: m.kind,
            }
        })
        .collect();
    serde_json::to_writer(&mut *out, &JsonReport { file, mentions })?;
    writeln!(out)
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
