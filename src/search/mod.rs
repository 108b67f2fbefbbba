//! Search: prompt text in, sorted hits out, and the moves between them.
//!
//! Owns the query language, the folded index of a document and the hit list.
//! A model layer: it reads `Document::text` (and `Entities` for `@name`),
//! never the screen, so a match across a soft-wrapped line is found like any
//! other; it never imports ratatui or crossterm.
//!
//! # The query language
//!
//! Prompt text is plain text unless it starts with a prefix. The prefixes
//! are vim's own, so a vim user already knows them and a `less` user meets
//! nothing that behaves differently from plain typing:
//!
//! | prompt            | means                                                 |
//! |-------------------|-------------------------------------------------------|
//! | `idlib`           | plain text, smart case, accents and typography folded |
//! | `\<cat\>`         | whole word (vim's word anchors; either end alone too) |
//! | `\vre+gex`        | a regular expression ("very magic" in vim)            |
//! | `\c` / `\C` ...   | force ignore case / match case (combine with the rest)|
//! | `@lavrov`         | every mention of the entities whose name matches      |
//! | `\@x`, `\\x`      | a literal `@x`, a literal `\x`                         |
//!
//! Smart case: a query in lower case ignores case; one capital makes it
//! exact (ripgrep's and vim's `smartcase`). Plain text is folded both ways:
//! `cavusoglu` finds `Çavuşoğlu`, `Cavusoglu` finds `Çavuşoğlu` but not
//! `CAVUSOGLU`, `don't` finds `don’t`, `-` finds `–`, `paypal` finds
//! `pay\u{200B}pal`. Regular expressions run on the real text with the
//! `regex` crate (linear time, size-limited): smart case applies to their
//! literal characters, folding does not.
//!
//! # Cost
//!
//! Plain queries run `memchr` / `memchr::memmem` over a folded copy built
//! once per document ([`SearchIndex`], lazily; about 25 ms for 10 MB), then
//! map hits back through a sparse offset map walked once per search. Exact-
//! case queries search a case-kept copy built on the first query with a
//! capital (about the same again), so `O` does not check every `o`. On 10 MB
//! of generated news a keystroke costs 1-8 ms once the word has two letters;
//! a first letter with a million hits (`e`) costs 10-20 ms, mostly storing
//! the hits. Regular expressions run on the real text: those with a literal
//! are as fast, but a bare class (`\d`) with hundreds of thousands of hits
//! costs 50 ms or more, the regex crate's per-match price. See
//! `benches/search.rs`. At most [`MAX_HITS`] hits are kept.

mod entity;
pub mod fold;
mod hits;
mod query;

use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem;

use crate::extract::Entities;

pub use entity::{EntityHits, resolve as resolve_entities};
pub use fold::FoldedText;
pub use hits::{Direction, Hits, Step};
pub use query::{Query, SearchError, TextQuery};

/// The most hits one search keeps: past it the count shows `+`. A million
/// ranges are 16 MB, and nobody steps through more.
pub const MAX_HITS: usize = 1_000_000;

/// The folded copy of one document's text, built on first use and shared by
/// every search of that document. `Send + Sync`: a caller may warm it on a
/// background thread.
#[derive(Debug, Default)]
pub struct SearchIndex {
    folded: OnceLock<FoldedText>,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// The folded text of `text`, built now if it was not yet. `text` must be
    /// the text this index was first used with.
    pub fn folded(&self, text: &str) -> &FoldedText {
        self.folded.get_or_init(|| FoldedText::build(text))
    }

    pub fn is_built(&self) -> bool {
        self.folded.get().is_some()
    }
}

/// Finds every hit of `query` in `text`. `entities` answers `@name` queries
/// (pass `&Entities::default()` before extraction has run).
pub fn find(query: &Query, text: &str, index: &SearchIndex, entities: &Entities) -> Hits {
    match query {
        Query::Empty => Hits::default(),
        Query::Text(q) => {
            let folded = index.folded(text);
            if folded.text_len() == text.len() {
                find_text(q, text, folded)
            } else {
                // An index of another text would map to wrong offsets.
                find_text(q, text, &FoldedText::build(text))
            }
        }
        Query::Regex(re) => {
            let mut ranges = Vec::new();
            let mut truncated = false;
            for m in re.find_iter(text).filter(|m| !m.is_empty()) {
                if ranges.len() == MAX_HITS {
                    truncated = true;
                    break;
                }
                ranges.push(m.range());
            }
            Hits::new(ranges, truncated)
        }
        Query::Entity(name) => entity::resolve(name, entities, text).hits,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn find_text(q: &TextQuery, text: &str, index: &FoldedText) -> Hits {
    // Exact case: search the case-kept copy when there is one, so only real
    // hits are candidates; else every case-insensitive one is checked.
    let (hay, needle, verify) = match (&q.exact, q.exact.as_ref().and(index.case_kept(text))) {
        (Some(exact), Some(kept)) => (kept.as_bytes(), exact.as_bytes(), None),
        (exact, _) => (
            index.as_str().as_bytes(),
            q.folded.as_bytes(),
            exact.as_deref(),
        ),
    };
    let mut mapper = index.mapper();
    // The text range of a candidate at folded offset `start`, if it passes
    // the character, case and word checks.
    let mut check = |start: usize| -> Option<Range<usize>> {
        let range = mapper.map(start, start + needle.len())?;
        let exact = verify.is_none_or(|e| fold::fold_eq(&text[range.clone()], e));
        let word_start = !q.word_start
            || !text[..range.start]
                .chars()
                .next_back()
                .is_some_and(is_word_char);
        let word_end = !q.word_end || !text[range.end..].chars().next().is_some_and(is_word_char);
        (exact && word_start && word_end).then_some(range)
    };
    let mut ranges: Vec<Range<usize>> = Vec::new();
    if let [byte] = needle {
        // One byte: occurrences cannot overlap, so one streaming pass. They
        // can be many (every `e`): counting first (a fraction of a
        // millisecond) saves growing the list a dozen times.
        ranges.reserve(memchr::memchr_iter(*byte, hay).count().min(MAX_HITS));
        for start in memchr::memchr_iter(*byte, hay) {
            if let Some(range) = check(start) {
                if ranges.len() == MAX_HITS {
                    return Hits::new(ranges, true);
                }
                ranges.push(range);
            }
        }
        return Hits::new(ranges, false);
    }
    let finder = memmem::Finder::new(needle);
    let mut pos = 0;
    while let Some(off) = finder.find(&hay[pos..]) {
        let start = pos + off;
        let Some(range) = check(start) else {
            // A rejected candidate may overlap the next real hit.
            pos = start + 1;
            continue;
        };
        if ranges.len() == MAX_HITS {
            return Hits::new(ranges, true);
        }
        ranges.push(range);
        pos = start + needle.len();
    }
    Hits::new(ranges, false)
}

/// An incremental search as the UI holds it: what was typed, the hits, the
/// current one. Rebuilt on every keystroke in the prompt; stepped by `n`/`N`.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub direction: Direction,
    pub query: Query,
    pub hits: Hits,
    pub current: Option<usize>,
    /// Why the prompt text is not a valid query (a bad pattern).
    pub error: Option<SearchError>,
}

impl Search {
    /// Runs the prompt text and makes the current hit the first one met
    /// from `origin` (the reading position) going `direction`.
    pub fn run(
        prompt: &str,
        direction: Direction,
        origin: usize,
        text: &str,
        index: &SearchIndex,
        entities: &Entities,
    ) -> (Self, Option<Step>) {
        let (query, error) = match Query::parse(prompt) {
            Ok(q) => (q, None),
            Err(e) => (Query::Empty, Some(e)),
        };
        let hits = find(&query, text, index, entities);
        let step = hits.nearest(origin, direction);
        let search = Self {
            direction,
            query,
            hits,
            current: step.map(|s| s.index),
            error,
        };
        (search, step)
    }

    /// `n` (`reverse == false`: the search's own direction) or `N`.
    pub fn step(&mut self, reverse: bool) -> Option<Step> {
        let direction = if reverse {
            self.direction.reverse()
        } else {
            self.direction
        };
        let step = match self.current {
            Some(i) => self.hits.step(i, direction),
            None => self.hits.nearest(0, direction),
        };
        if let Some(s) = step {
            self.current = Some(s.index);
        }
        step
    }

    /// The text range of the current hit.
    pub fn current_range(&self) -> Option<Range<usize>> {
        self.current.and_then(|i| self.hits.get(i))
    }

    /// One line for the prompt and status bar: `3/17`, `no match`, or the
    /// error; empty while nothing is typed.
    pub fn status(&self) -> String {
        if let Some(e) = &self.error {
            return e.to_string();
        }
        if matches!(self.query, Query::Empty) {
            return String::new();
        }
        match self.current {
            Some(i) if !self.hits.is_empty() => self.hits.label(i),
            _ => "no match".to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
