//! Actors, places and numbers: who acts, where, and how many.
//!
//! `extract(&Document) -> Entities` finds mentions as byte ranges into the
//! document text, each with its kind, and groups them into entities (a
//! canonical name with all its mentions: `Cavusoglu` is `Mevlut Cavusoglu`).
//! A model layer: no ratatui, no crossterm. A document longer than a window
//! (512 KiB, far above any article) is read window by window (`window`), so
//! extraction's memory stays a few times the window, not the file.
//!
//! Invariants: mentions are sorted, never overlap, lie on char boundaries,
//! and the result is deterministic for a given text.

use std::ops::Range;

use crate::document::Document;

pub use mention::Mention;

mod animate;
mod business;
pub mod calm;
mod classify;
mod codes;
mod context;
mod coref;
pub mod counts;
mod gaz;
mod hashed;
mod lexicon;
mod mention;
mod names;
mod numbers;
mod places;
mod prose;
pub mod quotes;
pub mod report;
mod roles;
mod streets;
mod token;
mod window;

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
        self.in_range_at(range).1
    }

    /// [`Entities::in_range`], with the index of the first in `mentions`.
    pub fn in_range_at(&self, range: Range<usize>) -> (usize, &[Mention]) {
        let start = self.mentions.partition_point(|m| m.end() <= range.start);
        let end = self.mentions.partition_point(|m| m.start() < range.end);
        (start, &self.mentions[start..end.max(start)])
    }
}

/// Finds the actors, places and numbers of a document.
///
/// A document longer than [`WINDOW`] is read in windows of whole sections
/// (see [`window::cuts`]), each with its own document-level context, so
/// the tokens of a huge file are never held at once; an article within one
/// window is read in one piece.
pub fn extract(doc: &Document) -> Entities {
    extract_windowed(doc, WINDOW)
}

/// [`extract`] in windows of about `size` bytes.
fn extract_windowed(doc: &Document, size: usize) -> Entities {
    let windows = window::cuts(doc, size);
    let mut merged = window::Merged::default();
    for w in &windows {
        let prose = prose::prose_near(doc, w.clone());
        let found = extract_window(doc, prose, w.clone());
        if windows.len() == 1 {
            return found;
        }
        merged.add(found);
    }
    merged.finish()
}

/// What [`extract`] finds in one of its windows of `doc` (see
/// [`Windows`]): for a document that comes a piece at a time, gathered
/// into `doc` a window or so at a time. Mentions are offsets into
/// `doc.text`, entities the window's own.
pub fn extract_in(doc: &Document, window: Range<usize>) -> Entities {
    let prose = prose::prose_near(doc, window.clone());
    extract_window(doc, prose, window)
}

/// The windows [`extract`] reads, cut as the blocks come.
pub use window::{Cutter as Windows, Joiner};

/// Bytes of [`Windows`] for [`extract_in`]: [`extract`]'s.
pub const WINDOW_BYTES: usize = WINDOW;

/// Bytes of text extracted at once: far above any news article (which
/// keeps its whole-document context), small enough that the tokens of a
/// window (a few times its size) stay a small part of a huge file's memory.
const WINDOW: usize = 1 << 19;

/// The pieces of prose and link edges of `window`, in the offsets of the
/// text read (`shift` maps a document offset to it), made in place from
/// the prose near it: a second copy of a window's pieces would cost as
/// much again in a file of tiny blocks.
fn clip(
    prose: prose::Prose,
    window: &Range<usize>,
    shift: impl Fn(usize) -> usize,
) -> (Vec<prose::Piece>, Vec<usize>) {
    let prose::Prose {
        mut pieces,
        mut edges,
    } = prose;
    pieces.retain_mut(|p| {
        let r = p.range();
        let start = r.start.max(window.start);
        let end = r.end.min(window.end);
        if start >= end {
            return false;
        }
        let range = shift(start)..shift(end);
        let keep = !range.is_empty();
        *p = prose::Piece::new(range, p.block(), p.heading, p.first || start > r.start);
        keep
    });
    edges.retain(|e| window.contains(e));
    for e in &mut edges {
        *e = shift(*e);
    }
    (pieces, edges)
}

/// Extraction of one window of `doc`: in place, or on a copy without its
/// invisible characters (`Par\u{200B}is` read as `Paris`), the mentions
/// mapped back to the document's offsets.
fn extract_window(doc: &Document, prose: prose::Prose, window: Range<usize>) -> Entities {
    let text = doc.text.as_str();
    let dateline = doc
        .dateline
        .clone()
        .filter(|d| d.end >= window.start && d.end < window.end);
    let Some(unseen) = prose::Unseen::of(&text[window.clone()]) else {
        let (pieces, edges) = clip(prose, &window, |at| at);
        return extract_scratch(text, &pieces, &edges, dateline);
    };
    let base = window.start;
    let shift = |at: usize| unseen.to_copy(at.saturating_sub(base));
    let (pieces, edges) = clip(prose, &window, shift);
    let dateline = dateline.map(|d| shift(d.start.max(base))..shift(d.end));
    let mut found = extract_scratch(&unseen.text, &pieces, &edges, dateline);
    for m in &mut found.mentions {
        let r = unseen.range_to_text(m.range());
        *m = Mention::new(r.start + base..r.end + base, m.kind(), m.entity());
    }
    found
}

/// [`extract_with`] on the thread's reused token buffer.
fn extract_scratch(
    text: &str,
    pieces: &[prose::Piece],
    edges: &[usize],
    dateline: Option<Range<usize>>,
) -> Entities {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut all) => {
            let found = extract_with(text, pieces, edges, dateline, &mut all);
            // Keep the buffers for the next article unless they grew huge.
            all.clear();
            if all.toks.capacity() > 1 << 22 {
                *all = token::Tokens::default();
            }
            found
        }
        Err(_) => extract_with(text, pieces, edges, dateline, &mut token::Tokens::default()),
    })
}

thread_local! {
    /// Token buffer reused from one article to the next: a reader or a feed
    /// extracts many articles, and fresh pages cost more than the work.
    static SCRATCH: std::cell::RefCell<token::Tokens> = const { std::cell::RefCell::new(token::Tokens::new()) };
}

/// Extraction of the pieces of prose of `text`; `edges` are where links
/// begin and end (a name never runs across one).
fn extract_with(
    text: &str,
    pieces: &[prose::Piece],
    edges: &[usize],
    dateline: Option<Range<usize>>,
    all: &mut token::Tokens,
) -> Entities {
    let size: usize = pieces.iter().map(|p| p.range().len()).sum();
    all.toks.reserve(size / 5);
    let mut k = 0;
    while k < pieces.len() {
        // The pieces of one block, read on from one to the next.
        let block = pieces[k].block();
        let first = all.toks.len();
        while k < pieces.len() && pieces[k].block() == block {
            token::tokenize(text, pieces[k].range(), pieces[k].first, all);
            k += 1;
        }
        if shouting(&all.toks[first..]) {
            // A block written in capitals says nothing by its capitals:
            // `WHAT YOU NEED TO MAKE JAM` holds no acronym, and each word is
            // like a sentence start (the lexicons still know `PARIS`).
            for t in &mut all.toks[first..] {
                if t.is_word() {
                    t.set_initial(true);
                    t.set_upper(false);
                }
            }
        } else if pieces[k - 1].heading && title_case(text, &all.toks[first..]) {
            // In a Title Case Headline every capital is like a sentence start.
            for t in &mut all.toks[first..] {
                let word = t.is_word();
                t.set_initial(word);
            }
        }
    }
    // A link's text is a unit of its own: `See [Berlin](...)` is no name.
    for &e in edges {
        let i = all.toks.partition_point(|t| (t.start as usize) < e);
        if let Some(t) = all.toks.get_mut(i) {
            t.set_break();
        }
    }
    // The lead goes on after its dateline (`KANO, Nigeria – Flash floods`):
    // its first word starts a sentence.
    if let Some(d) = &dateline
        && let Some(t) = all
            .toks
            .iter_mut()
            .find(|t| t.start as usize >= d.end && t.is_word())
    {
        t.set_sentence_start();
    }
    extract_tokens(text, all, dateline)
}

/// Extraction over plain text with no document structure (one block).
#[cfg(test)]
pub fn extract_text(text: &str) -> Entities {
    let piece = prose::Piece::new(0..text.len(), 0, false, true);
    let Some(unseen) = prose::Unseen::of(text) else {
        return extract_with(text, &[piece], &[], None, &mut token::Tokens::default());
    };
    let piece = prose::Piece::new(0..unseen.text.len(), 0, false, true);
    let mut found = extract_with(
        &unseen.text,
        &[piece],
        &[],
        None,
        &mut token::Tokens::default(),
    );
    for m in &mut found.mentions {
        *m = Mention::new(unseen.range_to_text(m.range()), m.kind(), m.entity());
    }
    found
}

fn extract_tokens(text: &str, all: &mut token::Tokens, dateline: Option<Range<usize>>) -> Entities {
    let codes = codes::find(text, all);
    let numbers = numbers::find(text, all, &codes);
    let mut used = std::mem::take(&mut all.used);
    used.clear();
    used.resize(all.toks.len(), false);
    let spans = numbers.iter().map(|n| &n.toks);
    for r in spans.chain(&codes.roads) {
        for u in &mut used[r.clone()] {
            *u = true;
        }
    }
    // `#HoneyForHolidays`: a hashtag is a label, not a name (a handle
    // after `@` names an account, and stays).
    for (k, pair) in all.toks.windows(2).enumerate() {
        let [before, t] = pair else { continue };
        if t.is_word() && !t.space() && before.punct() == Some('#') && before.space() {
            used[k + 1] = true;
        }
    }
    let found = extract_marked(text, all, &used, &numbers, &codes.roads, dateline);
    all.used = used;
    found
}

/// [`extract_tokens`] once the numbers are found and their tokens marked.
fn extract_marked(
    text: &str,
    all: &token::Tokens,
    used: &[bool],
    numbers: &[numbers::NumberSpan],
    roads: &[Range<usize>],
    dateline: Option<Range<usize>>,
) -> Entities {
    let cx = context::DocContext::new(text, all, dateline);
    let runs = names::runs(text, all, used);
    let mut cands = Vec::with_capacity(runs.len() + runs.len() / 4 + roads.len());
    for run in runs {
        classify::classify(&cx, run, &mut cands);
    }
    if !roads.is_empty() {
        cands.extend(roads.iter().map(|r| classify::Cand::road(&cx, r.clone())));
        // In text order, as the runs are: the sort finds two sorted runs.
        cands.sort_by_key(|c| c.range.start);
    }
    places::lists(&cx, &mut cands);
    places::places_by_default(&cx, &mut cands);
    roles::assign(&cx, &mut cands);
    let keys = coref::resolve(&cx, &mut cands);
    coref::build(&cx, &cands, &keys, numbers)
}

/// Three words or more of two letters or more, nearly all (four in five)
/// in capitals: a heading or a line set in capitals, not acronyms.
fn shouting(toks: &[token::Token]) -> bool {
    let mut words = 0;
    let mut upper = 0;
    for t in toks.iter().filter(|t| t.is_word() && t.end - t.start >= 2) {
        words += 1;
        if t.upper() {
            upper += 1;
        }
    }
    words >= 3 && upper * 5 >= words * 4
}

/// Most words of four letters or more capitalised: a Title Case headline.
fn title_case(text: &str, toks: &[token::Token]) -> bool {
    let mut long = 0;
    let mut caps = 0;
    for t in toks.iter().filter(|t| t.is_word() && t.end - t.start >= 4) {
        long += 1;
        if t.cap() {
            caps += 1;
        }
    }
    let _ = text;
    long >= 3 && caps * 5 >= long * 4
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod unseen_tests;
