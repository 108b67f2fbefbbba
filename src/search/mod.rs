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
//! Plain queries run `memchr` / `memchr::memmem` over a folded copy of the
//! text ([`SearchIndex`]: about 25 ms for 10 MB, built ahead in idle steps
//! of a few milliseconds so the first keystroke finds it ready), mapping
//! each hit back through a sparse offset map walked once per search. Past
//! [`FOLD_COPY_MAX_BYTES`] only the map is kept and the scan folds the text
//! a window at a time ([`FOLD_WINDOW`]), so a book-length file is not held
//! twice.
//! Exact-case queries search a case-kept copy (built ahead while a prompt
//! is open), so `O` does not check every `o`; past [`KEPT_MAX_BYTES`] there
//! is none (it would double the index) and they check the case of each
//! case-insensitive candidate. Regular expressions run on
//! the real text with the `regex` crate. Hits are kept as `u32` starts and
//! ends, 8 bytes each.
//!
//! No keystroke waits for a whole search: [`Search::start`] scans within a
//! budget ([`KEYSTROKE_BUDGET`]), first from the top of the view to the
//! end, so the hits on screen and the next one come first, then from the
//! top of the text; what is left goes on in idle steps
//! ([`Search::advance`]) while the prompt shows `…/N+`, then the exact
//! `3/17`. On 10 MB a rare word or a capitalised name is found whole
//! within the first step; `t` (700k hits) nearly; `\d` or `\w+` (hundreds
//! of thousands of matches at the regex crate's per-match price) take a
//! few idle steps. See `benches/search.rs` and `benches/search_ui.rs`. At
//! most [`MAX_HITS`] hits are kept.

mod entity;
pub mod folded;
mod hits;
mod query;
mod scan;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;
use std::time::Duration;

use crate::extract::Entities;

pub use entity::{EntityHits, resolve as resolve_entities};
pub use folded::FoldedText;
use folded::{FoldBuilder, KeptBuilder};
pub use hits::{Direction, Hits, Step, section_span};
pub use query::{Query, SearchError, TextQuery};
pub use scan::Budget;
use scan::{Pattern, Scan};

/// The most hits one search keeps: past it the count shows `+`. A million
/// hits are 8 MB, and nobody steps through more.
pub const MAX_HITS: usize = 1_000_000;

/// What one keystroke may spend searching (compiling a pattern included)
/// before the rest is left to idle steps: well under a 60 Hz frame, with
/// room for the step's floor ([`MIN_STEP_BYTES`]) and for drawing.
pub const KEYSTROKE_BUDGET: Duration = Duration::from_millis(6);

/// What one idle step may spend (searching on, or building the index).
pub const IDLE_BUDGET: Duration = Duration::from_millis(8);

/// Text every step gets through whatever the clock says: an article of
/// up to this size is always searched in one step, however loaded the
/// machine. Small enough that even the densest pattern spends only a few
/// milliseconds on it.
pub const MIN_STEP_BYTES: usize = 1 << 16;

/// Past this size a text gets no case-kept copy (as large as the text
/// again): exact-case queries check their candidates in the lower-case
/// copy instead, which costs a capitalised name nothing (its candidates are
/// few) and a lone capital letter a few more idle steps.
pub const KEPT_MAX_BYTES: usize = 16 << 20;

/// Past this size a text's lower-case fold is not kept either, only the
/// map back to the text: the copy would be as large as the text (95 MB of
/// a 100 MB file's few hundred), and a scan folds [`FOLD_WINDOW`] bytes
/// at a time instead, which costs a search on such a text a few idle
/// steps more and no keystroke any longer (each step stays in budget).
pub const FOLD_COPY_MAX_BYTES: usize = 16 << 20;

/// Bytes a scan without a folded copy folds at a time: far more than any
/// query, so windows overlap by little, and small enough to stay in cache
/// between the fold and the search.
pub const FOLD_WINDOW: usize = 1 << 17;

/// The folded copies of one document's text, built on first use (or ahead,
/// in idle steps: [`SearchIndex::warm`]) and shared by every search of it.
/// `Send + Sync`: a caller may warm it on a background thread.
#[derive(Debug, Default)]
pub struct SearchIndex {
    folded: OnceLock<FoldedText>,
    /// A build under way in idle steps.
    building: Option<Building>,
    /// Keep no folded copy whatever the size, and fold windows of this
    /// size when scanning (for tests of the windowed scan on short texts).
    window: Option<usize>,
}

#[derive(Debug)]
enum Building {
    Lower(FoldBuilder),
    Kept(KeptBuilder),
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// An index that keeps no folded copy of any text and folds `window`
    /// bytes at a time while scanning, as for a text past
    /// [`FOLD_COPY_MAX_BYTES`].
    pub fn windowed(window: usize) -> Self {
        Self {
            window: Some(window),
            ..Self::default()
        }
    }

    /// The folded text of `text`, built now if it was not yet. `text` must be
    /// the text this index was first used with.
    pub fn folded(&self, text: &str) -> &FoldedText {
        self.folded.get_or_init(|| self.builder(text).finish(text))
    }

    fn builder(&self, text: &str) -> FoldBuilder {
        match self.window {
            Some(w) => FoldBuilder::with_window(text, Some(w)),
            None => FoldBuilder::new(text),
        }
    }

    pub fn is_built(&self) -> bool {
        self.folded.get().is_some()
    }

    /// Finishes a lower-case fold begun in idle steps, so a search about to
    /// run does not start it again from scratch.
    pub fn prepare(&mut self, text: &str) {
        if let Some(Building::Lower(b)) = self.building.take() {
            let _ = self.folded.set(b.finish(text));
        }
    }

    /// True once [`Self::warm`] has nothing left to build: the lower-case
    /// fold, and the case-kept one too when `kept`.
    pub fn is_warm(&self, kept: bool) -> bool {
        let kept = kept && keeps_case_for(self.folded.get().map(FoldedText::text_len));
        self.building.is_none()
            && self
                .folded
                .get()
                .is_some_and(|f| !kept || f.has_case_kept())
    }

    /// Builds the index ahead, within `budget`, a slice at a time, so the
    /// first keystroke of a search finds it ready: the lower-case fold, and
    /// when `kept` the case-kept one (as much again: worth it once a
    /// prompt is open). True once done.
    pub fn warm(&mut self, text: &str, kept: bool, budget: &mut Budget) -> bool {
        const SLICE: usize = 1 << 18;
        let kept = kept && keeps_case_for(Some(text.len()));
        let mut done = 0;
        loop {
            if self.is_warm(kept) {
                return true;
            }
            let building = match self.building.take() {
                Some(b) => b,
                None if self.folded.get().is_none() => Building::Lower(self.builder(text)),
                None => Building::Kept(KeptBuilder::new(text)),
            };
            self.building = match building {
                Building::Lower(mut b) => {
                    if b.step(text, SLICE) {
                        let _ = self.folded.set(b.finish(text));
                        None
                    } else {
                        Some(Building::Lower(b))
                    }
                }
                Building::Kept(mut b) => {
                    if b.step(text, SLICE) {
                        self.folded(text).set_case_kept(b, text);
                        None
                    } else {
                        Some(Building::Kept(b))
                    }
                }
            };
            done += SLICE;
            if budget.spent_now(done) {
                return self.is_warm(kept);
            }
        }
    }
}

/// Whether a text of `len` bytes (unknown: any) gets a case-kept copy.
fn keeps_case_for(len: Option<usize>) -> bool {
    len.is_none_or(|n| n <= KEPT_MAX_BYTES)
}

/// The index of `text`: `index`'s when it was built from this text, else
/// one built now (an index of another text would map to wrong offsets).
fn folded_for<'a>(index: &'a SearchIndex, text: &str) -> Cow<'a, FoldedText> {
    let folded = index.folded(text);
    if folded.text_len() == text.len() {
        Cow::Borrowed(folded)
    } else {
        Cow::Owned(index.builder(text).finish(text))
    }
}

/// Finds every hit of `query` in `text`. `entities` answers `@name` queries
/// (pass `&Entities::default()` before extraction has run).
pub fn find(query: &Query, text: &str, index: &SearchIndex, entities: &Entities) -> Hits {
    let pattern = match query {
        Query::Empty => return Hits::default(),
        Query::Entity(name) => return entity::resolve(name, entities, text).hits,
        Query::Text(q) => Pattern::Text(q.clone()),
        Query::Regex(re) => Pattern::Regex(re.clone()),
    };
    let folded = folded_for(index, text);
    let mut hits = Hits::default();
    Scan::new(pattern, 0, &folded).advance(text, &folded, &mut hits, &mut Budget::unlimited());
    hits
}

/// Text a search previews from the view while the index is not built: a
/// fold of this much costs about a millisecond, and it holds many screens.
/// A text no longer than this is indexed whole at the first keystroke.
pub const PREVIEW_BYTES: usize = 1 << 19;

/// A search still looking for hits, and where it was asked from.
#[derive(Debug, Clone)]
struct Pending {
    stage: Stage,
    origin: usize,
}

#[derive(Debug, Clone)]
enum Stage {
    /// The index is not built yet: the hits shown are those of the first
    /// pass over `view..end` only (folded on their own: folding is
    /// per character), found at once; the scan waits for the index.
    Preview {
        pattern: Pattern,
        view: usize,
        end: usize,
    },
    /// The scan. While `aside` holds its first hits, the preview's stay
    /// on screen: until the scan has got past `end` they are all it has.
    Scanning {
        scan: Scan,
        aside: Option<(Hits, usize)>,
    },
}

/// The hits of `pattern`'s first pass from `view` over the next
/// [`PREVIEW_BYTES`] of `text` (those ending past it are left to the
/// scan), and where that stretch ends.
fn preview(pattern: &Pattern, text: &str, view: usize) -> (Hits, usize) {
    let mut start = view.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = start.saturating_add(PREVIEW_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let window = &text[start..end];
    let folded = FoldedText::build(window);
    let mut found = Hits::default();
    Scan::new(pattern.clone(), 0, &folded).advance(
        window,
        &folded,
        &mut found,
        &mut Budget::unlimited(),
    );
    let ranges = found
        .iter()
        .map(|r| r.start + start..r.end + start)
        .collect();
    (Hits::new(ranges, false), end)
}

/// An incremental search as the UI holds it: what was typed, the hits, the
/// current one. Rebuilt on every keystroke in the prompt; stepped by `n`/`N`.
///
/// A search may still be under way ([`Search::is_complete`] false): then
/// `hits` holds those found from where the reader is to the end (all the
/// screen needs), `current` is the nearest of them when known, and
/// [`Search::advance`] goes on.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub direction: Direction,
    pub query: Query,
    pub hits: Hits,
    pub current: Option<usize>,
    /// Why the prompt text is not a valid query (a bad pattern).
    pub error: Option<SearchError>,
    pending: Option<Box<Pending>>,
}

impl Search {
    /// A finished search over given hits (an entity's mentions).
    pub fn with_hits(query: Query, hits: Hits, current: Option<usize>) -> Self {
        Self {
            query,
            hits,
            current,
            ..Self::default()
        }
    }

    /// Runs the prompt text to the end and makes the current hit the first
    /// one met from `origin` (the reading position) going `direction`.
    pub fn run(
        prompt: &str,
        direction: Direction,
        origin: usize,
        text: &str,
        index: &SearchIndex,
        entities: &Entities,
    ) -> (Self, Option<Step>) {
        Self::start(
            prompt,
            direction,
            origin,
            0,
            text,
            index,
            entities,
            Budget::unlimited(),
        )
    }

    /// Starts a search within `budget`: the first pass runs from `view`
    /// (the top of the view) so the hits on screen and the nearest one are
    /// found first. The step is the current hit, when known yet; the rest
    /// comes from [`Self::advance`].
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        prompt: &str,
        direction: Direction,
        origin: usize,
        view: usize,
        text: &str,
        index: &SearchIndex,
        entities: &Entities,
        budget: Budget,
    ) -> (Self, Option<Step>) {
        let (query, error) = match Query::parse(prompt) {
            Ok(q) => (q, None),
            Err(e) => (Query::Empty, Some(e)),
        };
        let pattern = match &query {
            Query::Text(q) => Some(Pattern::Text(q.clone())),
            Query::Regex(re) => Some(Pattern::Regex(re.clone())),
            Query::Empty | Query::Entity(_) => None,
        };
        let mut search = Self {
            direction,
            query,
            error,
            ..Self::default()
        };
        let Some(pattern) = pattern else {
            search.hits = find(&search.query, text, index, entities);
            let step = search.hits.nearest(origin, direction);
            search.current = step.map(|s| s.index);
            return (search, step);
        };
        let view = view.min(text.len());
        let previewed = text.len() > PREVIEW_BYTES && matches!(pattern, Pattern::Text(_));
        if previewed && !index.is_built() && !budget.is_unlimited() {
            // Show the hits near the view now; the rest once the index is
            // built (in idle steps: see `waits_for_index`).
            let (hits, end) = preview(&pattern, text, view);
            search.hits = hits;
            search.pending = Some(Box::new(Pending {
                stage: Stage::Preview { pattern, view, end },
                origin,
            }));
            let step = search.early_step(origin, end, false);
            search.current = step.map(|s| s.index);
            return (search, step);
        }
        let folded = folded_for(index, text);
        search.pending = Some(Box::new(Pending {
            stage: Stage::Scanning {
                scan: Scan::new(pattern, view, &folded),
                aside: None,
            },
            origin,
        }));
        let step = search.advance(text, index, budget);
        (search, step)
    }

    /// True while the search shows a preview and waits for the search
    /// index to be built (within a budget: [`SearchIndex::warm`]) before
    /// it can go on.
    pub fn waits_for_index(&self) -> bool {
        self.pending
            .as_ref()
            .is_some_and(|p| matches!(p.stage, Stage::Preview { .. }))
    }

    /// True once every hit is found (always, for searches not begun with
    /// [`Self::start`]).
    pub fn is_complete(&self) -> bool {
        self.pending.is_none()
    }

    /// Goes on looking within `budget`. Returns the current hit when it
    /// became known or changed (the view should show it): the nearest hit
    /// from the origin among those found, then, once all are, the exact one.
    /// A search showing a preview goes on only once the index is built,
    /// or when `budget` is unlimited (then the index is built now).
    pub fn advance(&mut self, text: &str, index: &SearchIndex, mut budget: Budget) -> Option<Step> {
        let pending = self.pending.as_mut()?;
        if let Stage::Preview { pattern, view, end } = &pending.stage {
            if !index.is_built() && !budget.is_unlimited() {
                return None;
            }
            let folded = folded_for(index, text);
            pending.stage = Stage::Scanning {
                scan: Scan::new(pattern.clone(), *view, &folded),
                aside: Some((Hits::default(), *end)),
            };
        }
        let before = self.current.and_then(|i| self.hits.get(i));
        let folded = folded_for(index, text);
        let Stage::Scanning { scan, aside } = &mut pending.stage else {
            return None;
        };
        let done = match aside {
            Some((found, end)) => {
                let done = scan.advance(text, &folded, found, &mut budget);
                if done || scan.first_reached(&folded) >= *end {
                    self.hits = std::mem::take(found);
                    *aside = None;
                }
                done
            }
            None => scan.advance(text, &folded, &mut self.hits, &mut budget),
        };
        let (reached, past_first) = match aside {
            Some((_, end)) => (*end, false),
            None => (scan.first_reached(&folded), scan.past_first()),
        };
        let origin = pending.origin;
        let step = if done {
            self.pending = None;
            self.hits.nearest(origin, self.direction)
        } else {
            self.early_step(origin, reached, past_first)
        };
        self.current = step.map(|s| s.index);
        let after = self.current.and_then(|i| self.hits.get(i));
        step.filter(|_| after != before)
    }

    /// The nearest hit from `origin` while only the first pass's hits are
    /// in: one that no hit found later can be nearer than, without wrapping.
    /// `reached`: the text offset the first pass has reached; `past_first`:
    /// it is over.
    fn early_step(&self, origin: usize, reached: usize, past_first: bool) -> Option<Step> {
        let step = match self.direction {
            Direction::Forward => {
                let i = self.hits.first_from(origin);
                (i < self.hits.len()).then_some(i)
            }
            // Backward: known once the first pass is past the origin.
            Direction::Backward if reached > origin || past_first => self
                .hits
                .first_from(origin.saturating_add(1))
                .checked_sub(1),
            Direction::Backward => None,
        };
        step.map(|index| Step {
            index,
            wrapped: false,
        })
    }

    /// Finds the rest of the hits now (before `n`/`N`, which need them all).
    pub fn finish(&mut self, text: &str, index: &SearchIndex) -> Option<Step> {
        self.advance(text, index, Budget::unlimited())
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

    /// `3/17` for the current hit; while the search is under way, `…/N+`
    /// (N found so far: which one the current hit is needs them all).
    pub fn label(&self) -> Option<String> {
        if !self.is_complete() {
            return Some(format!("…/{}+", self.hits.len()));
        }
        self.current
            .filter(|_| !self.hits.is_empty())
            .map(|i| self.hits.label(i))
    }

    /// One line for the prompt and status bar: `3/17`, `no match`, the
    /// count so far, or the error; empty while nothing is typed.
    pub fn status(&self) -> String {
        if let Some(e) = &self.error {
            return e.to_string();
        }
        if matches!(self.query, Query::Empty) {
            return String::new();
        }
        self.label().unwrap_or_else(|| "no match".to_string())
    }
}

#[cfg(test)]
mod tests;
