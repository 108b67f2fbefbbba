//! Map from offsets in the document text back to offsets in the file.
//!
//! The document text is the file decoded and normalised (BOM dropped, CRLF
//! folded, Markdown markup removed). Everything lede reports to scripts
//! (`lede entities --json`) speaks in the file's bytes, so every piece of the
//! text remembers the source range it came from.
//!
//! Invariant: segments are sorted by text offset, tile the text without gaps,
//! and their source ranges never go backwards.

use std::ops::Range;

/// One run of text and the source bytes it came from, as stored: where
/// its text and its source start, 8 bytes. When text and source have the
/// same length the run was copied verbatim and offsets map one to one;
/// otherwise (a decoded entity, a replaced invalid byte, a dropped CR, a
/// separator the text adds) offsets inside the run are clamped to the
/// source run.
///
/// Nothing else is stored for most runs, since the runs tile the text: a
/// run's text ends where the next one's starts (the last one's where the
/// map's text ends), and a verbatim run's source is as long as its text.
/// The two top bits of `text` say how the source ends: [`VERBATIM`], at
/// its start ([`EMPTY`], a separator), where the next run's source starts
/// ([`NEXT`]: a reference, whose text goes on right after it), or at an
/// end kept in the map's list ([`EXPLICIT`], the rest). A run whose text
/// is a few bytes longer than its source (a separator folded into the run
/// before it: a list item's text and the blank line after it, where the
/// source has `- `) is [`VERBATIM`] too, the difference kept in the top
/// bits of `source` ([`SHORT_SHIFT`]), not in the list: 8 bytes a run
/// rather than 12, for 15 million items in 100 MB of `- item`. A markup-dense
/// page's text has a run every few words (a tag between them), kept for as
/// long as the document is open, so the 16 bytes of four offsets a run
/// were the biggest part of a large page's document.
///
/// Offsets are `u32`: an article is at most `load::MAX_BYTES` (256 MB),
/// and its text at most three times that (Windows-1252 decoded), inside
/// the 30 bits a text offset has; a source offset past the 29 bits a
/// verbatim run's has (never) is kept as an [`EXPLICIT`] run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text: u32,
    source: u32,
}

impl Segment {
    /// Where the run's source starts.
    fn source_start(self) -> usize {
        let start = match self.text & HOW {
            VERBATIM => self.source & SOURCE_LOW,
            _ => self.source,
        };
        start as usize
    }
}

/// How a run's source ends (the top two bits of [`Segment::text`]).
const VERBATIM: u32 = 0;
const EMPTY: u32 = 1 << 30;
const EXPLICIT: u32 = 2 << 30;
/// Where the next run's source starts (a reference and the text after it).
const NEXT: u32 = 3 << 30;
const HOW: u32 = 3 << 30;
/// Where a [`VERBATIM`] run's `source` keeps how many bytes shorter its
/// source is than its text (the bits above); the bits below are its start.
const SHORT_SHIFT: u32 = 29;
/// The largest source start a [`VERBATIM`] run keeps.
const SOURCE_LOW: u32 = (1 << SHORT_SHIFT) - 1;
/// The most a [`VERBATIM`] run's source may fall short of its text.
const MAX_SHORT: u32 = u32::MAX >> SHORT_SHIFT;
/// Runs between two counts of [`SourceMap::ranks`].
const RANK_EVERY: usize = 64;
/// The largest text offset kept.
const TEXT_MAX: u32 = (1 << 30) - 1;

/// Makes room for more items in a vector that may grow large: by a
/// quarter once past a few thousand items, not by doubling as `push` does,
/// so a large map (a run every few bytes of a markup-dense page's text) is
/// not up to half unused at the peak. Still geometric: appending stays
/// linear.
pub(crate) fn grow_gently<T>(items: &mut Vec<T>) {
    let cap = items.capacity();
    let more = if cap < 4096 { cap.max(16) } else { cap / 4 };
    items.reserve_exact(more);
}

/// An offset as stored; past `u32` (never, see [`Segment`]) it saturates.
fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Text offset -> source offset.
///
/// Invariant: segments are sorted by text offset and tile the text from
/// the first run's start to `text_end` without gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
    /// The source ends of the [`EXPLICIT`] runs, in the order of the runs.
    ends: Vec<u32>,
    /// How many [`EXPLICIT`] runs come before run `64 * k`, for each `k`:
    /// where in `ends` a run's end is, found without an index a run.
    ranks: Vec<u32>,
    /// Where the last run's text ends (0 when there is none).
    text_end: u32,
}

impl SourceMap {
    /// A map for text identical to its source.
    pub fn identity(len: usize) -> Self {
        let mut map = Self::default();
        map.push(0..len, 0..len);
        map
    }

    /// Run `i`'s text range.
    fn text(&self, i: usize) -> Range<usize> {
        let start = self.segments[i].text & !HOW;
        let end = self
            .segments
            .get(i + 1)
            .map_or(self.text_end, |s| s.text & !HOW);
        start as usize..end as usize
    }

    /// Run `i`'s source range.
    fn source(&self, i: usize) -> Range<usize> {
        let seg = self.segments[i];
        let start = seg.source_start();
        let end = match seg.text & HOW {
            VERBATIM => {
                let short = (seg.source >> SHORT_SHIFT) as usize;
                start + self.text(i).len().saturating_sub(short)
            }
            EMPTY => start,
            NEXT => self
                .segments
                .get(i + 1)
                .map_or(start, |next| next.source_start()),
            _ => {
                let block = i / RANK_EVERY;
                let before = self.segments[block * RANK_EVERY..i]
                    .iter()
                    .filter(|s| s.text & HOW == EXPLICIT)
                    .count();
                let at = self.ranks.get(block).map_or(0, |&r| r as usize) + before;
                self.ends.get(at).map_or(start, |&end| end as usize)
            }
        };
        start..end
    }

    /// Appends a run after the last one, without merging.
    fn append(&mut self, text: Range<usize>, source: Range<usize>) {
        let (t_start, t_end) = (
            narrow(text.start).min(TEXT_MAX),
            narrow(text.end).min(TEXT_MAX),
        );
        let (s_start, s_end) = (narrow(source.start), narrow(source.end));
        debug_assert!(
            self.segments.is_empty() || t_start == self.text_end,
            "source map runs must tile the text"
        );
        let (t_len, s_len) = (t_end - t_start, s_end.wrapping_sub(s_start));
        let (how, s_kept) = if t_len == s_len && s_start <= SOURCE_LOW {
            (VERBATIM, s_start)
        } else if s_end == s_start {
            (EMPTY, s_start)
        } else if s_end > s_start
            && t_len > s_len
            && t_len - s_len <= MAX_SHORT
            && s_start <= SOURCE_LOW
        {
            (VERBATIM, s_start | ((t_len - s_len) << SHORT_SHIFT))
        } else {
            (EXPLICIT, s_start)
        };
        // The last run's source ends where this one's starts: it need
        // not keep its end.
        if let Some(last) = self.segments.last_mut()
            && last.text & HOW == EXPLICIT
            && self.ends.last() == Some(&s_start)
        {
            self.ends.pop();
            last.text = (last.text & !HOW) | NEXT;
        }
        if self.segments.len().is_multiple_of(RANK_EVERY) {
            self.ranks.push(narrow(self.ends.len()));
        }
        if how == EXPLICIT {
            if self.ends.len() == self.ends.capacity() {
                grow_gently(&mut self.ends);
            }
            self.ends.push(s_end);
        }
        if self.segments.len() == self.segments.capacity() {
            grow_gently(&mut self.segments);
        }
        self.segments.push(Segment {
            text: t_start | how,
            source: s_kept,
        });
        self.text_end = t_end;
    }

    /// Takes the last run off; its text and source.
    fn pop(&mut self) -> Option<(Range<usize>, Range<usize>)> {
        let last = self.segments.len().checked_sub(1)?;
        let (text, source) = (self.text(last), self.source(last));
        if self.segments[last].text & HOW == EXPLICIT {
            self.ends.pop();
        }
        self.segments.pop();
        if self.segments.len().is_multiple_of(RANK_EVERY) {
            self.ranks.pop();
        }
        self.text_end = narrow(text.start);
        match self.segments.last_mut() {
            None => self.text_end = 0,
            // Its end was this run's start: kept again.
            Some(prev) if prev.text & HOW == NEXT => {
                prev.text = (prev.text & !HOW) | EXPLICIT;
                self.ends.push(narrow(source.start));
            }
            Some(_) => {}
        }
        Some((text, source))
    }

    /// Appends a run. Runs must be pushed in text order, each starting
    /// where the last ended; an empty text run is ignored.
    pub fn push(&mut self, text: Range<usize>, source: Range<usize>) {
        if text.is_empty() {
            return;
        }
        self.fold_trailing_gap();
        self.push_run(text, source);
    }

    /// Folds a gap (text that stands for no source bytes, a separator
    /// between blocks) that a run is about to follow into the run before
    /// it, when that run has at least as much text as source and the gap
    /// sits at its end: every offset then maps as before (the run's text
    /// maps as it did, clamped to its source, and the gap's to the run's
    /// source end), in one run instead of two. A list's items, each with
    /// the blank line after it where the source has `- `, cost a run each.
    fn fold_trailing_gap(&mut self) {
        let Some(gap) = self.segments.len().checked_sub(1) else {
            return;
        };
        let Some(before) = gap.checked_sub(1) else {
            return;
        };
        let (bt, bs) = (self.text(before), self.source(before));
        let (gt, gs) = (self.text(gap), self.source(gap));
        if gs.is_empty() && gs.start == bs.end && gt.start == bt.end && bt.len() >= bs.len() {
            self.pop();
            self.pop();
            self.append(bt.start..gt.end, bs);
        }
    }

    /// [`Self::push`] without folding a trailing gap.
    fn push_run(&mut self, text: Range<usize>, source: Range<usize>) {
        if let Some(last) = self.segments.len().checked_sub(1) {
            let (t, s) = (self.text(last), self.source(last));
            let both_verbatim = t.len() == s.len() && text.len() == source.len();
            if both_verbatim && t.end == text.start && s.end == source.start {
                // The run grows: its text ends later, and its source with it.
                self.text_end = narrow(text.end).min(TEXT_MAX);
                return;
            }
        }
        self.append(text, source);
    }

    /// The last run when it stands for no source bytes of its own (a
    /// separator the text puts between blocks): its text range and the
    /// source offset it sits at.
    pub fn trailing_gap(&self) -> Option<(Range<usize>, usize)> {
        let last = self.segments.len().checked_sub(1)?;
        let source = self.source(last);
        source.is_empty().then(|| (self.text(last), source.start))
    }

    /// Maps the trailing gap (see [`Self::trailing_gap`]) to `source`
    /// instead: the source bytes it is the same text as, starting where it
    /// sits. Mapped so, a separator merges with the verbatim runs on either
    /// side, and a file of many tiny blocks costs one run, not two a block.
    /// Does nothing unless `source` starts at the gap and is as long as it.
    pub fn fill_trailing_gap(&mut self, source: Range<usize>) {
        let Some((text, at)) = self.trailing_gap() else {
            return;
        };
        if source.start == at && source.len() == text.len() {
            self.pop();
            self.push(text, source);
        }
    }

    /// How many runs the map keeps (what it costs).
    #[cfg(test)]
    pub(crate) fn runs(&self) -> usize {
        self.segments.len()
    }

    /// Gives back the room left for runs never pushed.
    pub fn shrink_to_fit(&mut self) {
        self.segments.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.ranks.shrink_to_fit();
    }

    /// Forgets everything at and past text offset `len`.
    pub fn truncate(&mut self, len: usize) {
        let kept = self
            .segments
            .partition_point(|s| ((s.text & !HOW) as usize) < len);
        while self.segments.len() > kept {
            self.pop();
        }
        if let Some((t, s)) = self.pop() {
            let kept = t.start..t.end.min(len);
            // A run with a gap folded in (more text than source) cut back
            // into its verbatim part is verbatim again.
            let source = if t.len() == s.len() || (t.len() > s.len() && kept.len() <= s.len()) {
                s.start..s.start + kept.len()
            } else {
                s
            };
            self.append(kept, source);
        }
    }

    /// Length of the text this map covers.
    pub fn text_len(&self) -> usize {
        self.text_end as usize
    }

    /// The run holding text offset `offset` (the first run for an offset
    /// before it), if the text reaches that far.
    fn segment_at(&self, offset: usize) -> Option<usize> {
        if offset >= self.text_end as usize || self.segments.is_empty() {
            return None;
        }
        let after = self
            .segments
            .partition_point(|s| (s.text & !HOW) as usize <= offset);
        Some(after.saturating_sub(1))
    }

    /// The source end of the last run (`offset` when there is none).
    fn end_or(&self, offset: usize) -> usize {
        self.segments
            .len()
            .checked_sub(1)
            .map_or(offset, |last| self.source(last).end)
    }

    /// Source offset of the text byte at `offset` (a start position).
    pub fn to_source(&self, offset: usize) -> usize {
        match self.segment_at(offset) {
            Some(i) => {
                let (t, s) = (self.text(i), self.source(i));
                s.start + (offset - t.start).min(s.len())
            }
            None => self.end_or(offset),
        }
    }

    /// Source offset just past the text byte before `offset` (an end position).
    pub fn to_source_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.to_source(0);
        }
        match self.segment_at(offset - 1) {
            Some(i) => {
                let (t, s) = (self.text(i), self.source(i));
                let inside = offset - t.start;
                if t.len() == s.len() {
                    s.start + inside
                } else if inside >= t.len() {
                    s.end
                } else {
                    (s.start + inside).min(s.end)
                }
            }
            None => self.end_or(offset),
        }
    }

    /// The text offset that source offset `source` maps back to: in the
    /// last run whose source starts at or before it, as far in as the
    /// run's text goes (markup the text leaves out maps to the end of
    /// the text before it).
    pub fn to_text(&self, source: usize) -> usize {
        let after = self
            .segments
            .partition_point(|s| s.source_start() <= source);
        match after.checked_sub(1) {
            Some(i) => {
                let (t, s) = (self.text(i), self.source(i));
                t.start + (source - s.start).min(t.len())
            }
            None => 0,
        }
    }

    /// Source range of a text range.
    pub fn range_to_source(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_source(range.start);
        let end = self.to_source_end(range.end).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_every_offset_to_itself() {
        let map = SourceMap::identity(10);
        for i in 0..10 {
            assert_eq!(map.to_source(i), i);
        }
        assert_eq!(map.range_to_source(2..7), 2..7);
    }

    #[test]
    fn dropped_bytes_shift_later_offsets() {
        // "ab\r\ncd" -> "ab\ncd": the CR is dropped.
        let mut map = SourceMap::default();
        map.push(0..2, 0..2);
        map.push(2..3, 2..4);
        map.push(3..5, 4..6);
        assert_eq!(map.range_to_source(3..5), 4..6);
        assert_eq!(map.range_to_source(0..2), 0..2);
        assert_eq!(map.text_len(), 5);
    }

    #[test]
    fn a_decoded_entity_maps_to_its_whole_source() {
        // "a &amp; b" -> "a & b"
        let mut map = SourceMap::default();
        map.push(0..2, 0..2);
        map.push(2..3, 2..7);
        map.push(3..5, 7..9);
        assert_eq!(map.range_to_source(2..3), 2..7);
        assert_eq!(map.range_to_source(0..5), 0..9);
    }

    #[test]
    fn a_filled_gap_merges_with_the_runs_around_it() {
        // "a\n\nb" from "a\n\nb": the separator is the source's blank line.
        let mut map = SourceMap::default();
        map.push(0..1, 0..1);
        map.push(1..3, 1..1);
        assert_eq!(map.trailing_gap(), Some((1..3, 1)));
        map.fill_trailing_gap(1..3);
        map.push(3..4, 3..4);
        assert_eq!(map.segments.len(), 1);
        assert_eq!(map.range_to_source(0..4), 0..4);
        assert_eq!(map.trailing_gap(), None);
    }

    #[test]
    fn a_gap_is_filled_only_by_source_where_it_sits_and_as_long() {
        let mut map = SourceMap::default();
        map.push(0..1, 0..1);
        map.push(1..3, 1..1);
        map.fill_trailing_gap(2..4);
        map.fill_trailing_gap(1..4);
        assert_eq!(map.trailing_gap(), Some((1..3, 1)));
        assert_eq!(map.range_to_source(1..3), 1..1);
    }

    /// The map as it was kept before (four offsets a run), to check the
    /// compact one against.
    #[derive(Default)]
    struct Plain(Vec<(Range<usize>, Range<usize>)>);

    impl Plain {
        fn push(&mut self, text: Range<usize>, source: Range<usize>) {
            if text.is_empty() {
                return;
            }
            if let Some((t, s)) = self.0.last_mut() {
                let both = t.len() == s.len() && text.len() == source.len();
                if both && t.end == text.start && s.end == source.start {
                    t.end = text.end;
                    s.end = source.end;
                    return;
                }
            }
            self.0.push((text, source));
        }

        fn to_source(&self, offset: usize) -> usize {
            let i = self.0.partition_point(|(t, _)| t.end <= offset);
            match self.0.get(i) {
                Some((t, s)) => s.start + (offset - t.start).min(s.len()),
                None => self.0.last().map_or(offset, |(_, s)| s.end),
            }
        }

        fn to_source_end(&self, offset: usize) -> usize {
            if offset == 0 {
                return self.to_source(0);
            }
            let i = self.0.partition_point(|(t, _)| t.end < offset);
            match self.0.get(i) {
                Some((t, s)) => {
                    let inside = offset - t.start;
                    if t.len() == s.len() {
                        s.start + inside
                    } else if inside >= t.len() {
                        s.end
                    } else {
                        (s.start + inside).min(s.end)
                    }
                }
                None => self.0.last().map_or(offset, |(_, s)| s.end),
            }
        }
    }

    #[test]
    fn the_compact_map_maps_as_four_offsets_a_run_did() {
        // Runs of every kind (verbatim, a reference, a separator, a rough
        // range) in a sequence fixed by a small generator, then every
        // offset looked up in both, with some runs taken off the end.
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for round in 0..40 {
            let (mut map, mut plain) = (SourceMap::default(), Plain::default());
            let (mut t, mut s) = (0, 0);
            for _ in 0..300 {
                let len = 1 + next(5);
                let (text, source) = match next(6) {
                    0 => (t..t + len, s..s + len),
                    1 => (t..t + 1, s..s + len + 2),
                    // More text than source, by up to past what a
                    // verbatim run keeps.
                    5 => (t..t + len + 1 + next(9), s..s + len),
                    2 => (t..t + 2, s..s),
                    3 => (t..t + len, s + next(3)..s + 20),
                    _ => (t..t + len, s + 3..s + 3 + len),
                };
                // Without folding gaps: the fold has tests of its own
                // against this layout.
                map.push_run(text.clone(), source.clone());
                plain.push(text.clone(), source.clone());
                t = text.end;
                s = if next(2) == 0 {
                    source.end
                } else {
                    source.start.max(s) + 1
                };
            }
            if round % 3 == 1 {
                let len = next(t.max(1));
                map.truncate(len);
                plain.0.retain(|(t, _)| t.start < len);
                if let Some((t, s)) = plain.0.last_mut()
                    && t.end > len
                {
                    // Cut back into as much text as source: verbatim.
                    let kept = len - t.start;
                    if t.len() == s.len() || (t.len() > s.len() && kept <= s.len()) {
                        s.end = s.start + kept;
                    }
                    t.end = len;
                }
            }
            let end = plain.0.last().map_or(0, |(t, _)| t.end);
            assert_eq!(map.text_len(), end);
            assert_eq!(map.runs(), plain.0.len());
            for offset in 0..=end + 2 {
                assert_eq!(map.to_source(offset), plain.to_source(offset), "{offset}");
                assert_eq!(
                    map.to_source_end(offset),
                    plain.to_source_end(offset),
                    "{offset}"
                );
            }
        }
    }

    #[test]
    fn a_run_ending_where_the_next_starts_keeps_no_end() {
        // "a & b" from "a &amp; b": the reference ends where " b" starts.
        let mut map = SourceMap::default();
        map.push(0..2, 0..2);
        map.push(2..3, 2..7);
        assert_eq!(map.ends.len(), 1);
        map.push(3..5, 7..9);
        assert!(map.ends.is_empty());
        assert_eq!(map.range_to_source(2..3), 2..7);
        // Taken off again, the reference's end is kept once more.
        map.truncate(3);
        assert_eq!(map.range_to_source(2..3), 2..7);
        assert_eq!(map.ends.len(), 1);
    }

    #[test]
    fn a_gap_folds_into_the_run_before_it_and_every_offset_maps_as_before() {
        // Runs as (text length, source skipped before, source length):
        // verbatim, a decoded entity (less text than source), a dropped
        // CR (more text), and gaps (text with no source).
        let shapes: [(usize, usize, usize); 7] = [
            (4, 2, 4),
            (2, 0, 0),
            (1, 0, 5),
            (3, 1, 3),
            (2, 0, 0),
            (1, 0, 2),
            (2, 3, 1),
        ];
        for start in 0..shapes.len() {
            let (mut folded, mut plain) = (SourceMap::default(), SourceMap::default());
            let (mut t, mut s) = (0, 0);
            for k in 0..40 {
                let (tl, skip, sl) = shapes[(start + k * 3 + k / 5) % shapes.len()];
                let source = if sl == 0 {
                    s..s
                } else {
                    s + skip..s + skip + sl
                };
                folded.push(t..t + tl, source.clone());
                plain.push_run(t..t + tl, source.clone());
                t += tl;
                s = source.end;
            }
            assert!(folded.runs() < plain.runs());
            for a in 0..=t {
                assert_eq!(folded.to_source(a), plain.to_source(a), "{start} {a}");
                assert_eq!(
                    folded.to_source_end(a),
                    plain.to_source_end(a),
                    "{start} {a}"
                );
                for b in a..=t {
                    assert_eq!(folded.range_to_source(a..b), plain.range_to_source(a..b));
                }
            }
            assert_eq!(folded.text_len(), plain.text_len());
        }
    }

    #[test]
    fn a_run_with_a_gap_folded_in_cut_back_maps_as_the_run_alone() {
        // "abc " then a separator, then text; cut back to "abc" (trailing
        // space trimmed), as a block with no text of its own is dropped.
        let (mut folded, mut plain) = (SourceMap::default(), SourceMap::default());
        for map in [&mut folded, &mut plain] {
            map.push_run(0..4, 0..4);
            map.push_run(4..6, 4..4);
        }
        folded.push(6..7, 9..10);
        plain.push_run(6..7, 9..10);
        folded.truncate(3);
        plain.truncate(3);
        for a in 0..=3 {
            for b in a..=3 {
                assert_eq!(folded.range_to_source(a..b), plain.range_to_source(a..b));
            }
        }
    }

    #[test]
    fn a_gap_after_less_text_than_source_is_not_folded() {
        // "&amp;" -> "&", then a separator: folded, the separator's bytes
        // would map inside the entity.
        let mut map = SourceMap::default();
        map.push(0..1, 0..5);
        map.push(1..3, 5..5);
        map.push(3..4, 7..8);
        assert_eq!(map.runs(), 3);
        assert_eq!(map.range_to_source(1..3), 5..5);
    }

    #[test]
    fn a_list_item_with_its_blank_line_folded_in_keeps_no_end() {
        // "- a\n- b\n" -> "a\n\nb": each item's text and the separator
        // after it are one run, its source two bytes shorter.
        let mut map = SourceMap::default();
        for k in 0..100 {
            map.push(3 * k..3 * k + 1, 4 * k + 2..4 * k + 3);
            map.push(3 * k + 1..3 * k + 3, 4 * k + 3..4 * k + 3);
        }
        map.push(300..301, 402..403);
        assert_eq!(map.runs(), 101);
        assert!(map.ends.is_empty());
        assert_eq!(map.range_to_source(3..4), 6..7);
        assert_eq!(map.range_to_source(1..3), 3..3);
        assert_eq!(map.range_to_source(0..6), 2..7);
    }

    #[test]
    fn runs_past_what_a_verbatim_run_keeps_map_as_well() {
        // A source start past 29 bits (never: files are at most 256 MB)
        // is kept as an explicit run.
        let far = SOURCE_LOW as usize + 10;
        let mut map = SourceMap::default();
        map.push(0..3, far..far + 3);
        map.push(3..5, far + 3..far + 3);
        map.push(5..6, far + 9..far + 10);
        assert_eq!(map.range_to_source(0..3), far..far + 3);
        assert_eq!(map.range_to_source(1..2), far + 1..far + 2);
        assert_eq!(map.range_to_source(5..6), far + 9..far + 10);
        assert_eq!(map.to_source_end(5), far + 3);
    }

    #[test]
    fn source_offsets_map_back_to_the_text() {
        // "# T\n\n*a* b" -> "T\n\na b".
        let mut map = SourceMap::default();
        map.push(0..1, 2..3);
        map.push(1..3, 3..3);
        map.push(3..4, 6..7);
        map.push(4..6, 8..10);
        assert_eq!(map.to_text(0), 0);
        assert_eq!(map.to_text(2), 0);
        assert_eq!(map.to_text(6), 3);
        assert_eq!(map.to_text(7), 4, "markup maps to the text's end before it");
        assert_eq!(map.to_text(9), 5);
        for text in 0..6 {
            let source = map.to_source(text);
            if text != 1 && text != 2 {
                assert_eq!(map.to_text(source), text);
            }
        }
    }

    #[test]
    fn adjacent_verbatim_runs_merge() {
        let mut map = SourceMap::default();
        map.push(0..3, 0..3);
        map.push(3..6, 3..6);
        assert_eq!(map.segments.len(), 1);
    }
}
