//! Entity search (`@name`): which entities a name means, and every mention
//! of them.
//!
//! An entity matches when the folded, lower-cased name is a substring of its
//! canonical name or of the text of any of its mentions (its aliases: the
//! later `Cavusoglu` of `Mevlut Cavusoglu`). Case never matters here: a name
//! typed after `@` is a name, not a pattern.
//!
//! Depends on `extract` for the types only; never on the terminal.

use crate::extract::Entities;

use super::{Hits, MAX_HITS};
use crate::fold::fold;

/// The entities a name resolved to, and the hits: all their mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityHits {
    /// Indexes into `Entities::entities`, ascending.
    pub entities: Vec<usize>,
    pub hits: Hits,
}

/// Resolves `name` against the entities of `text`. An empty name (after
/// folding) matches nothing.
pub fn resolve(name: &str, entities: &Entities, text: &str) -> EntityHits {
    let needle = fold(name.trim(), true);
    if needle.trim().is_empty() {
        return EntityHits::default();
    }
    let matches = |s: &str| fold(s, true).contains(&needle);
    let matching: Vec<usize> = entities
        .entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| {
            matches(&entity.name)
                || entity.mentions.iter().any(|&m| {
                    entities
                        .mentions
                        .get(m)
                        .and_then(|m| text.get(m.range()))
                        .is_some_and(matches)
                })
        })
        .map(|(i, _)| i)
        .collect();
    let mut mentions: Vec<usize> = matching
        .iter()
        .flat_map(|&e| entities.entities[e].mentions.iter().copied())
        .filter(|&m| m < entities.mentions.len())
        .collect();
    mentions.sort_unstable();
    mentions.dedup();
    let truncated = mentions.len() > MAX_HITS;
    mentions.truncate(MAX_HITS);
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let range = entities.mentions[m].range();
        // Mentions are sorted and disjoint by contract; a broken extractor
        // must not make the hit list lie about it.
        let valid = range.start < range.end && text.get(range.clone()).is_some();
        if valid && ranges.last().is_none_or(|last| last.end <= range.start) {
            ranges.push(range);
        }
    }
    EntityHits {
        entities: matching,
        hits: Hits::new(ranges, truncated),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, EntityKind, Mention};

    /// Builds entities from (name, kind, mention surface texts); mentions are
    /// found in `text` in order.
    fn entities(text: &str, spec: &[(&str, EntityKind, &[&str])]) -> Entities {
        let mut found: Vec<(usize, usize, EntityKind, usize)> = Vec::new();
        for (e, (_, kind, surfaces)) in spec.iter().enumerate() {
            for surface in *surfaces {
                for (at, s) in text.match_indices(surface) {
                    let overlaps = found.iter().any(|f| at < f.1 && f.0 < at + s.len());
                    if !overlaps {
                        found.push((at, at + s.len(), *kind, e));
                    }
                }
            }
        }
        found.sort();
        let mentions: Vec<Mention> = found
            .iter()
            .map(|&(start, end, kind, entity)| Mention::new(start..end, kind, entity))
            .collect();
        let entities = spec
            .iter()
            .enumerate()
            .map(|(e, (name, kind, _))| Entity {
                name: name.to_string(),
                kind: *kind,
                mentions: (0..mentions.len())
                    .filter(|&m| mentions[m].entity() == e)
                    .collect(),
                coords: None,
            })
            .collect();
        Entities { mentions, entities }
    }

    const TEXT: &str = "Mevlüt Çavuşoğlu met Sergei Lavrov in Moscow. Later Çavuşoğlu \
                        said Russia and Turkey agreed; Lavrov nodded.";

    fn sample() -> Entities {
        entities(
            TEXT,
            &[
                (
                    "Mevlüt Çavuşoğlu",
                    EntityKind::Actor,
                    &["Mevlüt Çavuşoğlu", "Çavuşoğlu"],
                ),
                (
                    "Sergei Lavrov",
                    EntityKind::Actor,
                    &["Sergei Lavrov", "Lavrov"],
                ),
                ("Moscow", EntityKind::Place, &["Moscow"]),
                ("Russia", EntityKind::Actor, &["Russia"]),
                ("Turkey", EntityKind::Actor, &["Turkey"]),
            ],
        )
    }

    fn texts(found: &EntityHits) -> Vec<&'static str> {
        found.hits.iter().map(|r| &TEXT[r]).collect()
    }

    #[test]
    fn folded_name_finds_every_mention_of_the_entity() {
        let found = resolve("cavusoglu", &sample(), TEXT);
        assert_eq!(found.entities, [0]);
        assert_eq!(texts(&found), ["Mevlüt Çavuşoğlu", "Çavuşoğlu"]);
    }

    #[test]
    fn alias_and_case_do_not_matter() {
        let found = resolve("LAVROV", &sample(), TEXT);
        assert_eq!(texts(&found), ["Sergei Lavrov", "Lavrov"]);
        let found = resolve("sergei", &sample(), TEXT);
        assert_eq!(found.entities, [1]);
    }

    #[test]
    fn substring_can_match_several_entities() {
        let found = resolve("r", &sample(), TEXT);
        // Sergei Lavrov, Russia, Turkey hold an `r`; mentions come in text order.
        assert_eq!(found.entities, [1, 3, 4]);
        assert_eq!(
            texts(&found),
            ["Sergei Lavrov", "Russia", "Turkey", "Lavrov"]
        );
    }

    #[test]
    fn empty_or_unknown_name_matches_nothing() {
        assert!(resolve("", &sample(), TEXT).hits.is_empty());
        assert!(resolve("  \u{200B} ", &sample(), TEXT).hits.is_empty());
        assert!(resolve("paris", &sample(), TEXT).entities.is_empty());
        assert!(resolve("x", &Entities::default(), TEXT).hits.is_empty());
    }
}
