//! The folded document: the text a search compares (see [`crate::fold`]:
//! accents, typography, case and invisible characters taken out) and the
//! map back to the real text. Because folding is per character and
//! context-free, one folded copy of the document answers every plain
//! query. Line breaks and tabs fold to a space, so a name broken across
//! source lines is still found.
//!
//! [`FoldedText`] holds the lower-case fold of a document and a sparse map of
//! the characters whose fold is not one character of the same byte length.
//! Between those, offsets in the folded copy and in the text differ by a
//! constant, so the map stays small for ordinary prose. A text past
//! [`super::FOLD_COPY_MAX_BYTES`] keeps only the map: a copy as large as
//! the text again is most of what a book-length file would cost, so its
//! fold is made a window at a time while a search scans
//! ([`FoldedText::window`]), and the map says where each window starts.
//!
//! Invariants: mapped ranges lie on `char` boundaries of the text; a match is
//! kept only when it starts and ends on the fold of whole characters (`s`
//! does not match half of `ß`), so mapped ranges never overlap.

use std::ops::Range;

use crate::fold::{fold_ascii, fold_char};

/// A character whose fold is not one character of its own byte length:
/// 12 bytes, for text of curly quotes and accents has millions of them.
/// Offsets are `u32`, as for hits: texts over 4 GiB are not searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fold {
    folded_at: u32,
    orig_at: u32,
    folded_len: u16,
    orig_len: u16,
}

impl Fold {
    fn folded(&self) -> usize {
        self.folded_at as usize
    }

    fn orig(&self) -> usize {
        self.orig_at as usize
    }

    fn folded_end(&self) -> usize {
        self.folded() + usize::from(self.folded_len)
    }

    fn orig_end(&self) -> usize {
        self.orig() + usize::from(self.orig_len)
    }
}

/// The lower-case fold of a document, with the map back to its text. Built
/// once per document (about one pass over the text, in steps if wanted:
/// [`FoldBuilder`]); immutable after.
#[derive(Debug, Clone, Default)]
pub struct FoldedText {
    /// The whole fold, or empty when `window` is set.
    folded: String,
    /// Length of the whole fold, kept or not.
    folded_len: usize,
    /// When set, no copy is kept: [`Self::window`] folds this many bytes
    /// at a time.
    window: Option<usize>,
    folds: Vec<Fold>,
    text_len: usize,
    /// The case-kept fold, built on the first exact-case query; `None` when
    /// some character's two folds differ in shape, so offsets would not agree.
    kept: std::sync::OnceLock<Option<String>>,
}

/// Length of the ASCII run at the start of `bytes`, eight bytes at a time.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of 8"));
        if word & HIGH != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(bytes.len() - n)
}

/// Walks `text` from byte `from` (a char boundary) until byte `until` or
/// the first char boundary past it: ASCII runs go whole to `ascii`, other
/// characters one by one, with their offset, to `other`, which may stop the
/// walk by returning false. Returns where the walk stopped, or `None` when
/// `other` stopped it. Both folds are built by this one walker.
fn walk<S>(
    text: &str,
    from: usize,
    until: usize,
    state: &mut S,
    ascii: impl Fn(&mut S, &[u8]),
    mut other: impl FnMut(&mut S, usize, char) -> bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let until = until.min(bytes.len());
    let mut i = from;
    while i < until {
        let run = ascii_run(&bytes[i..until]);
        if run > 0 {
            ascii(state, &bytes[i..i + run]);
            i += run;
            continue;
        }
        let c = text[i..].chars().next().expect("i is on a char boundary");
        if !other(state, i, c) {
            return None;
        }
        i += c.len_utf8();
    }
    Some(i)
}

/// The fold of an ASCII run: a compare and a select a byte, which the
/// compiler turns into vector code (a table would be one load a byte).
fn push_ascii(out: &mut Vec<u8>, run: &[u8], lower: bool) {
    // Written into a slice, not pushed: `extend` checks capacity a byte
    // at a time, which keeps the loop scalar.
    let start = out.len();
    out.resize(start + run.len(), 0);
    for (o, &b) in out[start..].iter_mut().zip(run) {
        *o = fold_ascii(b, lower);
    }
}

/// Builds a [`FoldedText`] a slice of the text at a time, so a long
/// document's index can be built between keystrokes.
#[derive(Debug, Default)]
pub struct FoldBuilder {
    /// The fold so far, when a copy is kept.
    folded: Vec<u8>,
    /// Length of the fold so far.
    len: usize,
    /// No copy kept: windows of this size are folded when scanned.
    window: Option<usize>,
    folds: Vec<Fold>,
    /// How far into the text the fold has got (a char boundary).
    at: usize,
}

impl FoldBuilder {
    /// A builder that keeps the folded copy unless `text` is past
    /// [`super::FOLD_COPY_MAX_BYTES`].
    pub fn new(text: &str) -> Self {
        let window = (text.len() > super::FOLD_COPY_MAX_BYTES).then_some(super::FOLD_WINDOW);
        Self::with_window(text, window)
    }

    /// A builder that keeps the folded copy (`None`) or only the map,
    /// folding `window` bytes at a time when scanned.
    pub fn with_window(text: &str, window: Option<usize>) -> Self {
        let folded = match window {
            None => Vec::with_capacity(text.len()),
            Some(_) => Vec::new(),
        };
        Self {
            folded,
            len: 0,
            window: window.map(|w| w.max(1)),
            folds: Vec::new(),
            at: 0,
        }
    }

    /// Folds about `bytes` more of `text` (always the same text); true once
    /// the whole text is folded.
    pub fn step(&mut self, text: &str, bytes: usize) -> bool {
        let mut buf = [0u8; 4];
        let until = self.at.saturating_add(bytes.max(1));
        let keep = self.window.is_none();
        let mut state = (&mut self.folded, &mut self.folds, &mut self.len);
        let reached = walk(
            text,
            self.at,
            until,
            &mut state,
            |(folded, _, len), run| {
                if keep {
                    push_ascii(folded, run, true);
                }
                **len += run.len();
            },
            |(folded, folds, len), i, c| {
                let start = **len;
                let mut chars = 0;
                fold_char(c, true, &mut |f| {
                    chars += 1;
                    let bytes = f.encode_utf8(&mut buf).as_bytes();
                    if keep {
                        folded.extend_from_slice(bytes);
                    }
                    **len += bytes.len();
                });
                let folded_len = **len - start;
                if chars != 1 || folded_len != c.len_utf8() {
                    folds.push(Fold {
                        folded_at: u32::try_from(start).unwrap_or(u32::MAX),
                        orig_at: u32::try_from(i).unwrap_or(u32::MAX),
                        folded_len: u16::try_from(folded_len).unwrap_or(u16::MAX),
                        orig_len: u16::try_from(c.len_utf8()).expect("a char is at most 4 bytes"),
                    });
                }
                true
            },
        );
        self.at = reached.expect("the lower-case fold never stops early");
        self.at >= text.len()
    }

    /// Folds the rest of `text` and hands over the index.
    pub fn finish(mut self, text: &str) -> FoldedText {
        self.step(text, usize::MAX);
        // Grown by doubling: up to half of it would be slack for good.
        self.folds.shrink_to_fit();
        FoldedText {
            folded: String::from_utf8(self.folded).expect("folding emits whole chars"),
            folded_len: self.len,
            window: self.window,
            folds: self.folds,
            text_len: text.len(),
            kept: std::sync::OnceLock::new(),
        }
    }
}

/// Builds the case-kept fold a slice at a time (see
/// [`FoldedText::case_kept`]); `None` once it turned out not to share
/// offsets with the lower-case fold.
#[derive(Debug, Default)]
pub struct KeptBuilder {
    kept: Option<Vec<u8>>,
    at: usize,
}

impl KeptBuilder {
    pub fn new(text: &str) -> Self {
        Self {
            kept: Some(Vec::with_capacity(text.len())),
            at: 0,
        }
    }

    /// Folds about `bytes` more; true once done (or refused).
    pub fn step(&mut self, text: &str, bytes: usize) -> bool {
        let Some(kept) = self.kept.as_mut() else {
            return true;
        };
        let mut lower: Vec<char> = Vec::new();
        let mut upper: Vec<char> = Vec::new();
        let mut buf = [0u8; 4];
        let until = self.at.saturating_add(bytes.max(1));
        let reached = walk(
            text,
            self.at,
            until,
            kept,
            |kept, run| push_ascii(kept, run, false),
            |kept, _, c| {
                lower.clear();
                upper.clear();
                fold_char(c, true, &mut |f| lower.push(f));
                fold_char(c, false, &mut |f| upper.push(f));
                let same_shape = lower.len() == upper.len()
                    && lower
                        .iter()
                        .zip(&upper)
                        .all(|(l, u)| l.len_utf8() == u.len_utf8());
                for u in upper.iter().filter(|_| same_shape) {
                    kept.extend_from_slice(u.encode_utf8(&mut buf).as_bytes());
                }
                same_shape
            },
        );
        match reached {
            Some(at) => self.at = at,
            None => {
                self.kept = None;
                return true;
            }
        }
        self.at >= text.len()
    }

    /// Folds the rest and gives the copy, or `None` when refused.
    pub fn finish(mut self, text: &str) -> Option<String> {
        self.step(text, usize::MAX);
        self.kept
            .map(|k| String::from_utf8(k).expect("folding emits whole chars"))
    }
}

impl FoldedText {
    /// The index of `text`, with a folded copy unless it is past
    /// [`super::FOLD_COPY_MAX_BYTES`].
    pub fn build(text: &str) -> Self {
        FoldBuilder::new(text).finish(text)
    }

    /// The index of `text` with a folded copy (`None`) or without one,
    /// folding `window` bytes at a time when scanned.
    #[cfg(test)]
    pub fn build_with(text: &str, window: Option<usize>) -> Self {
        FoldBuilder::with_window(text, window).finish(text)
    }

    /// The case-kept fold of `text` (the text this was built from), with the
    /// same offsets as [`Self::as_str`] so the same map serves it. Built on
    /// first use: only exact-case queries need it, and then every candidate
    /// in the lower-case copy (every `o` for `O`) would need checking.
    /// None for a text past [`super::KEPT_MAX_BYTES`]: a second copy of a
    /// long text costs more memory than its candidates cost checks.
    pub fn case_kept(&self, text: &str) -> Option<&str> {
        if text.len() != self.text_len || text.len() > super::KEPT_MAX_BYTES {
            return None;
        }
        self.kept
            .get_or_init(|| KeptBuilder::new(text).finish(text))
            .as_deref()
    }

    /// True once the case-kept fold is there (built or refused).
    pub fn has_case_kept(&self) -> bool {
        self.kept.get().is_some()
    }

    /// Hands over a case-kept fold built in steps; ignored if one is there.
    pub fn set_case_kept(&self, kept: KeptBuilder, text: &str) {
        if text.len() == self.text_len {
            self.kept.get_or_init(|| kept.finish(text));
        }
    }

    /// The folded copy (lower case, accents and typography folded), when
    /// one is kept.
    pub fn copy(&self) -> Option<&str> {
        self.window.is_none().then_some(self.folded.as_str())
    }

    /// Length of the fold, kept or not.
    pub fn len(&self) -> usize {
        self.folded_len
    }

    pub fn is_empty(&self) -> bool {
        self.folded_len == 0
    }

    /// Bytes of the fold from folded offset `from` on, at least `len` of
    /// them (fewer only where the fold ends), and the folded offset they
    /// start at (at or before `from`, where the fold of the character
    /// holding `from` starts). With a kept copy that is the whole copy;
    /// without, the window is folded now into `buf`. `text` is the text
    /// this was built from.
    pub fn window<'a>(
        &'a self,
        text: &str,
        from: usize,
        len: usize,
        buf: &'a mut Vec<u8>,
    ) -> (&'a [u8], usize) {
        if self.window.is_none() {
            return (self.folded.as_bytes(), 0);
        }
        if text.len() != self.text_len {
            return (&[], from);
        }
        // Inside a character whose fold is as long as itself, the offset
        // maps to the middle of it: fold from its start.
        let mut start = self.text_offset(from);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let base = self.folded_offset(start);
        // The character whose fold holds `from + len` starts at `last`;
        // folding it too covers every byte before that offset.
        let last = self.text_offset(from.saturating_add(len));
        buf.clear();
        let mut chars = [0u8; 4];
        walk(
            text,
            start,
            last.saturating_add(1),
            buf,
            |buf, run| push_ascii(buf, run, true),
            |buf, _, c| {
                fold_char(c, true, &mut |f| {
                    buf.extend_from_slice(f.encode_utf8(&mut chars).as_bytes());
                });
                true
            },
        );
        (buf.as_slice(), base)
    }

    /// How many bytes [`Self::window`] folds at a time (`None`: a copy is
    /// kept and every window is all of it).
    pub fn window_size(&self) -> Option<usize> {
        self.window
    }

    /// Length of the text this was built from; a cheap staleness check.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// Bytes held beyond the folded copy itself, for memory accounting.
    #[cfg(test)]
    pub fn map_bytes(&self) -> usize {
        self.folds.capacity() * std::mem::size_of::<Fold>()
    }

    /// A mapper for ranges of the folded copy found in increasing order.
    pub fn mapper(&self) -> Mapper<'_> {
        Mapper {
            folds: &self.folds,
            next: 0,
            stretch: 0..0,
            delta: 0,
        }
    }

    /// The folded offset of text offset `offset` (a char boundary): where
    /// the fold of the character there starts.
    pub fn folded_offset(&self, offset: usize) -> usize {
        let i = self.folds.partition_point(|f| f.orig() <= offset);
        match i.checked_sub(1).map(|i| self.folds[i]) {
            None => offset,
            Some(f) if offset < f.orig_end() => f.folded(),
            Some(f) => f.folded_end() + (offset - f.orig_end()),
        }
        .min(self.folded_len)
    }

    /// The text offset of folded offset `folded`: the start of the
    /// character whose fold holds it.
    pub fn text_offset(&self, folded: usize) -> usize {
        let i = self.folds.partition_point(|f| f.folded() <= folded);
        match i.checked_sub(1).map(|i| self.folds[i]) {
            None => folded,
            Some(f) if folded < f.folded_end() => f.orig(),
            Some(f) => f.orig_end() + (folded - f.folded_end()),
        }
        .min(self.text_len)
    }
}

/// Maps folded ranges back to text ranges. Queries must come in increasing
/// order of start (and end): the mapper walks the fold list once, so mapping
/// all hits of a search costs O(hits + folds), not a binary search per hit.
pub struct Mapper<'a> {
    folds: &'a [Fold],
    /// Number of folds starting at or before the last start asked about.
    next: usize,
    /// The unfolded stretch holding the last start: between the end of fold
    /// `next - 1` and the start of fold `next`; `delta` maps it to the text.
    stretch: Range<usize>,
    delta: isize,
}

impl Mapper<'_> {
    /// Number of folds whose folded start is at or before `p`, searching
    /// from `from`. Galloping: the next hit is usually a few folds on, and a
    /// binary search over the whole map would miss the cache on every hit.
    fn advance(&self, from: usize, p: usize) -> usize {
        let folds = self.folds;
        let mut low = from;
        let mut step = 1;
        loop {
            let probe = low + step;
            if probe > folds.len() || folds[probe - 1].folded() > p {
                let high = probe.min(folds.len());
                return low + folds[low..high].partition_point(|f| f.folded() <= p);
            }
            low = probe;
            step *= 2;
        }
    }

    /// The text range of folded range `start..end`, or `None` when it starts
    /// or ends inside the fold of one character.
    #[inline]
    pub fn map(&mut self, start: usize, end: usize) -> Option<Range<usize>> {
        debug_assert!(start < end);
        // Most hits lie in the stretch between two folds, where the text is
        // the folded copy shifted by a constant.
        if start >= self.stretch.start && end <= self.stretch.end {
            return Some(self.shift(start)..self.shift(end));
        }
        self.map_across(start, end)
    }

    /// [`Self::map`] for a range outside the current stretch: moves on to
    /// the stretch holding it.
    #[inline(never)]
    fn map_across(&mut self, start: usize, end: usize) -> Option<Range<usize>> {
        self.next = self.advance(self.next, start);
        let orig_start = match self.next.checked_sub(1).map(|i| self.folds[i]) {
            None => start,
            Some(f) if start < f.folded_end() => {
                if start != f.folded() {
                    return None;
                }
                f.orig()
            }
            Some(f) => f.orig_end() + (start - f.folded_end()),
        };
        let last = end - 1;
        let upto = self.advance(self.next, last);
        let orig_end = match upto.checked_sub(1).map(|i| self.folds[i]) {
            None => end,
            Some(f) if last < f.folded_end() => {
                if end != f.folded_end() {
                    return None;
                }
                f.orig_end()
            }
            Some(f) => f.orig_end() + (end - f.folded_end()),
        };
        let (from, base) = match self.next.checked_sub(1).map(|i| self.folds[i]) {
            None => (0, 0),
            Some(f) => (f.folded_end(), f.orig_end()),
        };
        self.stretch = from..self.folds.get(self.next).map_or(usize::MAX, |f| f.folded());
        // Both are at most the text's and folded copy's lengths, far below
        // `isize::MAX`.
        self.delta = base as isize - from as isize;
        Some(orig_start..orig_end)
    }

    fn shift(&self, p: usize) -> usize {
        p.wrapping_add_signed(self.delta)
    }
}

#[cfg(test)]
mod tests;
