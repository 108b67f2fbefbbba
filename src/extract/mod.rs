//! Actors, places and numbers: who acts, where, and how many.
//!
//! `extract(&Document) -> Entities` finds mentions as byte ranges into the
//! document text, each with its kind, and groups them into entities (a
//! canonical name with all its mentions: `Cavusoglu` is `Mevlut Cavusoglu`).
//! A model layer: no ratatui, no crossterm.
//!
//! Invariants: mentions are sorted, never overlap, lie on char boundaries,
//! and the result is deterministic for a given text.

use std::ops::Range;

use crate::document::Document;

pub mod report;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// People, organisations, states and forces that act.
    Actor,
    /// Where things happen.
    Place,
    /// How many, how much, when in digits.
    Number,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [EntityKind::Actor, EntityKind::Place, EntityKind::Number];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Actor => "actor",
            EntityKind::Place => "place",
            EntityKind::Number => "number",
        }
    }
}

/// One mention in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mention {
    /// Byte range into `Document::text`.
    pub range: Range<usize>,
    pub kind: EntityKind,
    /// Index into [`Entities::entities`].
    pub entity: usize,
}

/// An entity: everything the article says about one actor, place or number.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entity {
    /// The fullest name the article uses (`Mevlut Cavusoglu`).
    pub name: String,
    pub kind: EntityKind,
    /// Indexes into [`Entities::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// Latitude and longitude, for places the gazetteer knows.
    pub coords: Option<(f32, f32)>,
}

/// The result of extraction.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Entities {
    /// Sorted by start, non-overlapping.
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

impl Entities {
    /// Mentions overlapping a text range, in order.
    pub fn in_range(&self, range: Range<usize>) -> &[Mention] {
        let start = self
            .mentions
            .partition_point(|m| m.range.end <= range.start);
        let end = self.mentions.partition_point(|m| m.range.start < range.end);
        &self.mentions[start..end.max(start)]
    }
}

/// Finds the actors, places and numbers of a document.
pub fn extract(doc: &Document) -> Entities {
    let _ = doc;
    Entities::default()
}
