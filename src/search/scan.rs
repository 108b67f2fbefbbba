//! Finding the hits of a query a step at a time, so a search that costs
//! more than a frame (a regular expression matching every digit of 10 MB)
//! never holds up the keyboard: each step stops when its [`Budget`] is
//! spent and the next goes on from there.
//!
//! A scan makes two passes. The first starts where the reader is (the top
//! of the view) and runs to the end, so the hits on screen and the next
//! one are found first; the second starts at the top of the text and stops
//! as soon as it finds a hit the first pass found too: from a common hit
//! on, both passes meet the same hits, since each goes on from the end of
//! its last hit. So the hits are those of one pass from the top, whatever
//! the steps, even when a hit of the second pass straddles the first's
//! start. Tests check that chunked scans equal one pass.
//!
//! Plain queries are scanned in the folded copy (offsets mapped back per
//! hit through a walking [`Mapper`](super::folded::Mapper)); regular
//! expressions in the text itself. Model layer: no terminal here.

use std::ops::Range;
use std::time::{Duration, Instant};

use memchr::memmem;
use regex::Regex;

use super::folded::FoldedText;
use super::{Hits, MAX_HITS, TextQuery};
use crate::fold;

/// How much work one step may do: at least `min_bytes` of text, then until
/// the deadline. The floor keeps short articles searched in one step
/// however loaded the machine is, so what a test sees never depends on
/// the clock.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    min_bytes: usize,
    /// `None`: stop as soon as `min_bytes` are done.
    deadline: Option<Instant>,
    ticks: u32,
}

impl Budget {
    /// Runs to the end.
    pub fn unlimited() -> Self {
        Self {
            min_bytes: usize::MAX,
            deadline: None,
            ticks: 0,
        }
    }

    /// At least `min_bytes`, then stops once `time` has passed.
    pub fn time(time: Duration, min_bytes: usize) -> Self {
        Self {
            min_bytes,
            deadline: Some(Instant::now() + time),
            ticks: 0,
        }
    }

    /// Stops after about `bytes` of text (tests use this to cut a scan into
    /// many small steps).
    pub fn bytes(bytes: usize) -> Self {
        Self {
            min_bytes: bytes,
            deadline: None,
            ticks: 0,
        }
    }

    /// True for a budget that runs to the end.
    pub fn is_unlimited(&self) -> bool {
        self.min_bytes == usize::MAX && self.deadline.is_none()
    }

    /// True once this step has done its share, `done` bytes in. The clock
    /// is read every 256 calls: reading it costs more than a candidate.
    #[inline]
    pub fn spent(&mut self, done: usize) -> bool {
        if done < self.min_bytes {
            return false;
        }
        match self.deadline {
            None => true,
            Some(deadline) => {
                self.ticks = self.ticks.wrapping_add(1);
                self.ticks.is_multiple_of(256) && Instant::now() >= deadline
            }
        }
    }

    /// [`Self::spent`] for callers whose calls are far apart (a slice of
    /// the index built between two): reads the clock every time.
    pub fn spent_now(&mut self, done: usize) -> bool {
        done >= self.min_bytes && self.past_deadline()
    }

    fn past_deadline(&self) -> bool {
        self.deadline.is_none_or(|d| Instant::now() >= d)
    }
}

/// Why a pass stopped: the text ended, the budget ran out, or the sink
/// asked (it holds enough). The offsets say where the pass goes on.
enum Stop {
    End,
    Paused(usize),
    Sink,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The folded offsets of plain query `q`'s candidates from `from` on,
/// checked and mapped to text ranges, each given to `sink` (false: stop).
fn scan_text(
    q: &TextQuery,
    text: &str,
    index: &FoldedText,
    from: usize,
    budget: &mut Budget,
    sink: &mut impl FnMut(Range<usize>) -> bool,
) -> Stop {
    // Exact case: search the case-kept copy when there is one, so only real
    // hits are candidates; else every case-insensitive one is checked.
    let (kept, needle, verify) = match (
        &q.exact,
        q.exact.as_ref().and_then(|_| index.case_kept(text)),
    ) {
        (Some(exact), Some(kept)) => (Some(kept.as_bytes()), exact.as_bytes(), None),
        (exact, _) => (None, q.folded.as_bytes(), exact.as_deref()),
    };
    if from >= index.len() || needle.is_empty() {
        return Stop::End;
    }
    let mut mapper = index.mapper();
    let plain = verify.is_none() && !q.word_start && !q.word_end;
    // The text range of a candidate at folded offset `start`, if it passes
    // the character, case and word checks.
    let mut check = |start: usize| -> Option<Range<usize>> {
        let range = mapper.map(start, start + needle.len())?;
        if plain {
            return Some(range);
        }
        let exact = verify.is_none_or(|e| fold::fold_eq(&text[range.clone()], e));
        let word_start = !q.word_start
            || !text[..range.start]
                .chars()
                .next_back()
                .is_some_and(is_word_char);
        let word_end = !q.word_end || !text[range.end..].chars().next().is_some_and(is_word_char);
        (exact && word_start && word_end).then_some(range)
    };
    let finder = memmem::Finder::new(needle);
    // Without a kept copy the fold is made a window at a time; windows
    // overlap by a needle's length less one, so no match straddles unseen.
    let window = index
        .window_size()
        .map_or(usize::MAX, |w| w.max(needle.len().saturating_mul(2)));
    let mut buf = Vec::new();
    let mut pos = from;
    loop {
        let (hay, base) = match kept {
            Some(kept) => (kept, 0),
            None => index.window(text, pos, window, &mut buf),
        };
        let hay_end = base + hay.len();
        let mut p = pos.saturating_sub(base).min(hay.len());
        if let [byte] = needle {
            // One byte: occurrences cannot overlap, so one streaming pass.
            for at in memchr::memchr_iter(*byte, &hay[p..]).map(|i| i + p) {
                let start = base + at;
                if let Some(range) = check(start)
                    && !sink(range)
                {
                    return Stop::Sink;
                }
                if budget.spent(start - from) {
                    return Stop::Paused(start + 1);
                }
            }
            p = hay.len();
        } else {
            while let Some(off) = finder.find(&hay[p..]) {
                let start = base + p + off;
                p = match check(start) {
                    Some(range) => {
                        if !sink(range) {
                            return Stop::Sink;
                        }
                        p + off + needle.len()
                    }
                    // A rejected candidate may overlap the next real hit.
                    None => p + off + 1,
                };
                if budget.spent(base + p - from) {
                    return Stop::Paused(base + p);
                }
            }
        }
        if hay_end >= index.len() || hay.is_empty() {
            return Stop::End;
        }
        // Every start before here was looked at: a match from there would
        // have ended within this window.
        pos = (hay_end + 1)
            .saturating_sub(needle.len())
            .max(base + p)
            .max(pos + 1);
        if budget.spent_now(pos - from) {
            return Stop::Paused(pos);
        }
    }
}

/// The non-empty matches of `re` in `text` from `from` on, as `find_iter`
/// gives them, each to `sink` (false: stop). `find_at` sees the text before
/// `from`, so `^` and `\b` mean what they mean in one pass.
fn scan_regex(
    re: &Regex,
    text: &str,
    from: usize,
    budget: &mut Budget,
    sink: &mut impl FnMut(Range<usize>) -> bool,
) -> Stop {
    let mut pos = from;
    while pos <= text.len() {
        let Some(m) = re.find_at(text, pos) else {
            return Stop::End;
        };
        if m.is_empty() {
            // Empty matches are no hits; go on from the next character.
            match text[m.start()..].chars().next() {
                Some(c) => pos = m.start() + c.len_utf8(),
                None => return Stop::End,
            }
        } else {
            if !sink(m.range()) {
                return Stop::Sink;
            }
            pos = m.end();
        }
        if budget.spent(pos - from) {
            return Stop::Paused(pos);
        }
    }
    Stop::End
}

/// What a scan looks for.
#[derive(Debug, Clone)]
pub(super) enum Pattern {
    Text(TextQuery),
    Regex(Regex),
}

impl Pattern {
    fn scan(
        &self,
        text: &str,
        index: &FoldedText,
        from: usize,
        budget: &mut Budget,
        sink: &mut impl FnMut(Range<usize>) -> bool,
    ) -> Stop {
        match self {
            Pattern::Text(q) => scan_text(q, text, index, from, budget, sink),
            Pattern::Regex(re) => scan_regex(re, text, from, budget, sink),
        }
    }

    /// How many hits a pass from `from` can find at most, when that is
    /// cheap to know (a one-byte needle: `memchr` counts at memory speed),
    /// so the list is sized once instead of grown a dozen times.
    fn estimate(&self, text: &str, index: &FoldedText, from: usize) -> Option<usize> {
        let Pattern::Text(q) = self else {
            return None;
        };
        let hay = match (
            &q.exact,
            q.exact.as_ref().and_then(|_| index.case_kept(text)),
        ) {
            (Some(exact), Some(kept)) => (kept.as_bytes(), exact.as_bytes()),
            // Without a copy, counting would cost a fold of the whole text.
            _ => (index.copy()?.as_bytes(), q.folded.as_bytes()),
        };
        match hay {
            (hay, [byte]) => Some(memchr::memchr_iter(*byte, hay.get(from..)?).count()),
            _ => None,
        }
    }

    /// A text offset in the coordinates this pattern is scanned in.
    fn position(&self, index: &FoldedText, offset: usize) -> usize {
        match self {
            Pattern::Text(_) => index.folded_offset(offset),
            Pattern::Regex(_) => offset,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// From `split` to the end; its hits go straight to the caller's list.
    First,
    /// From the top until it meets a hit of the first pass.
    Second,
    Done,
}

/// A search under way. The hits of the first pass are kept in the list the
/// caller shows (`found`), so the screen can light them before the scan
/// ends; [`Scan::advance`] replaces that list with the whole one at the end.
#[derive(Debug, Clone)]
pub(super) struct Scan {
    pattern: Pattern,
    /// Text offset the first pass starts at.
    split: usize,
    pass: Pass,
    /// Where the current pass goes on, in the pattern's coordinates.
    pos: usize,
    /// The second pass's hits.
    head: Hits,
}

impl Scan {
    /// A scan whose first pass starts at text offset `split`.
    pub(super) fn new(pattern: Pattern, split: usize, index: &FoldedText) -> Self {
        let pos = pattern.position(index, split);
        Self {
            pattern,
            split,
            pass: Pass::First,
            pos,
            head: Hits::default(),
        }
    }

    /// True once the first pass is over: every hit from `split` on is in
    /// the caller's list.
    pub(super) fn past_first(&self) -> bool {
        self.pass != Pass::First
    }

    /// Text offset the first pass has reached (`usize::MAX` once over).
    pub(super) fn first_reached(&self, index: &FoldedText) -> usize {
        match (&self.pattern, self.pass) {
            (_, Pass::Second | Pass::Done) => usize::MAX,
            (Pattern::Regex(_), Pass::First) => self.pos,
            (Pattern::Text(_), Pass::First) => index.text_offset(self.pos),
        }
    }

    /// Goes on within `budget`; true once the scan is over and `found`
    /// holds every hit (at most [`MAX_HITS`], then marked truncated).
    pub(super) fn advance(
        &mut self,
        text: &str,
        index: &FoldedText,
        found: &mut Hits,
        budget: &mut Budget,
    ) -> bool {
        if self.pass == Pass::First {
            if found.is_empty()
                && let Some(n) = self.pattern.estimate(text, index, self.pos)
            {
                found.reserve(n.min(MAX_HITS));
            }
            let mut sink = |r: Range<usize>| {
                if found.len() == MAX_HITS || !found.push(r) {
                    found.set_truncated();
                    return false;
                }
                true
            };
            match self.pattern.scan(text, index, self.pos, budget, &mut sink) {
                Stop::Paused(pos) => {
                    self.pos = pos;
                    return false;
                }
                // From the top, one pass is all there is.
                Stop::End | Stop::Sink if self.split == 0 => {
                    self.pass = Pass::Done;
                    return true;
                }
                Stop::End | Stop::Sink => {
                    self.pass = Pass::Second;
                    self.pos = 0;
                }
            }
        }
        if self.pass == Pass::Second {
            if self.head.is_empty()
                && let Some(n) = self.pattern.estimate(text, index, 0)
            {
                // Up to where the first pass began, about.
                self.head
                    .reserve(n.saturating_sub(found.len()).min(MAX_HITS));
            }
            let split = self.split;
            let head = &mut self.head;
            let mut met: Option<usize> = None;
            let mut full = false;
            let first: &Hits = found;
            let mut sink = |r: Range<usize>| {
                if r.start >= split {
                    let k = first.first_from(r.start);
                    if first.get(k) == Some(r.clone()) {
                        met = Some(k);
                        return false;
                    }
                }
                if head.len() == MAX_HITS || !head.push(r) {
                    full = true;
                    return false;
                }
                true
            };
            match self.pattern.scan(text, index, self.pos, budget, &mut sink) {
                Stop::Paused(pos) => {
                    self.pos = pos;
                    return false;
                }
                Stop::End | Stop::Sink => {}
            }
            let mut all = std::mem::take(&mut self.head);
            if full {
                all.set_truncated();
            } else if let Some(k) = met {
                all.extend_from(found, k);
                if all.len() > MAX_HITS {
                    all.truncate(MAX_HITS);
                    all.set_truncated();
                }
                if found.truncated() {
                    all.set_truncated();
                }
            }
            *found = all;
            self.pass = Pass::Done;
        }
        true
    }
}

#[cfg(test)]
mod tests;
