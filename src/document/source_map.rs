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

/// One run of text and the source bytes it came from. When both have the same
/// length the run was copied verbatim and offsets map one to one; otherwise
/// (a decoded entity, a replaced invalid byte, a dropped CR) offsets inside
/// the run are clamped to the source run.
///
/// Offsets are kept as `u32`, half the size of two `Range<usize>`: an
/// article of Markdown or HTML has a run or two a paragraph (one when its
/// text and the blank line after it are copied verbatim, see
/// [`SourceMap::fill_trailing_gap`]), kept for as long as it is open. An
/// article is at most `load::MAX_BYTES` (256 MB), and its text at most
/// three times that (Windows-1252 decoded), well inside `u32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text_start: u32,
    text_end: u32,
    source_start: u32,
    source_end: u32,
}

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

impl Segment {
    fn new(text: Range<usize>, source: Range<usize>) -> Self {
        Segment {
            text_start: narrow(text.start),
            text_end: narrow(text.end),
            source_start: narrow(source.start),
            source_end: narrow(source.end),
        }
    }

    fn text(&self) -> Range<usize> {
        self.text_start as usize..self.text_end as usize
    }

    fn source(&self) -> Range<usize> {
        self.source_start as usize..self.source_end as usize
    }
}

/// Text offset -> source offset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

impl SourceMap {
    /// A map for text identical to its source.
    pub fn identity(len: usize) -> Self {
        let mut map = Self::default();
        map.push(0..len, 0..len);
        map
    }

    /// Appends a run. Runs must be pushed in text order; an empty text run is
    /// ignored.
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
        let [.., before, gap] = self.segments.as_mut_slice() else {
            return;
        };
        if gap.source_start == gap.source_end
            && gap.source_start == before.source_end
            && gap.text_start == before.text_end
            && before.text().len() >= before.source().len()
        {
            before.text_end = gap.text_end;
            self.segments.pop();
        }
    }

    /// [`Self::push`] without folding a trailing gap.
    fn push_run(&mut self, text: Range<usize>, source: Range<usize>) {
        if let Some(last) = self.segments.last_mut() {
            let (t, s) = (last.text(), last.source());
            let both_verbatim = t.len() == s.len() && text.len() == source.len();
            if both_verbatim && t.end == text.start && s.end == source.start {
                *last = Segment::new(t.start..text.end, s.start..source.end);
                return;
            }
        }
        if self.segments.len() == self.segments.capacity() {
            grow_gently(&mut self.segments);
        }
        self.segments.push(Segment::new(text, source));
    }

    /// The last run when it stands for no source bytes of its own (a
    /// separator the text puts between blocks): its text range and the
    /// source offset it sits at.
    pub fn trailing_gap(&self) -> Option<(Range<usize>, usize)> {
        let last = self.segments.last()?;
        last.source()
            .is_empty()
            .then(|| (last.text(), last.source_start as usize))
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
            self.segments.pop();
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
    }

    /// Forgets everything at and past text offset `len`.
    pub fn truncate(&mut self, len: usize) {
        self.segments.retain(|s| s.text().start < len);
        if let Some(last) = self.segments.last_mut()
            && last.text().end > len
        {
            let (t, s) = (last.text(), last.source());
            let kept = t.start..len;
            // A run with a gap folded in (more text than source) cut back
            // into its verbatim part is verbatim again.
            let source = if t.len() == s.len() || (t.len() > s.len() && kept.len() <= s.len()) {
                s.start..s.start + kept.len()
            } else {
                s
            };
            *last = Segment::new(kept, source);
        }
    }

    /// Length of the text this map covers.
    pub fn text_len(&self) -> usize {
        self.segments.last().map_or(0, |s| s.text().end)
    }

    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.text().end <= offset);
        self.segments.get(i)
    }

    /// Source offset of the text byte at `offset` (a start position).
    pub fn to_source(&self, offset: usize) -> usize {
        match self.segment_at(offset) {
            Some(seg) => {
                let (t, s) = (seg.text(), seg.source());
                s.start + (offset - t.start).min(s.len())
            }
            None => self.segments.last().map_or(offset, |s| s.source().end),
        }
    }

    /// Source offset just past the text byte before `offset` (an end position).
    pub fn to_source_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.to_source(0);
        }
        match self.segment_at(offset - 1) {
            Some(seg) => {
                let (t, s) = (seg.text(), seg.source());
                let inside = offset - t.start;
                if t.len() == s.len() {
                    s.start + inside
                } else if inside >= t.len() {
                    s.end
                } else {
                    (s.start + inside).min(s.end)
                }
            }
            None => self.segments.last().map_or(offset, |s| s.source().end),
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
    fn adjacent_verbatim_runs_merge() {
        let mut map = SourceMap::default();
        map.push(0..3, 0..3);
        map.push(3..6, 3..6);
        assert_eq!(map.segments.len(), 1);
    }
}
