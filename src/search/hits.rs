//! The hits of one search and the moves between them: nearest hit to a
//! position, next and previous with wrap-around, `3/17` counts, hits per
//! section for the outline.
//!
//! Hits are kept compact: two `u32` arrays (starts and ends), 8 bytes a hit
//! instead of a `Range<usize>`'s 16, since a common letter in a long article
//! has hundreds of thousands and each keystroke builds a new list. Texts
//! are at most `document::load::MAX_BYTES` (256 MB), well inside `u32`; a
//! hit past `u32::MAX` is not kept and marks the list truncated.
//!
//! Invariant: hits are byte ranges into `Document::text`, non-empty, sorted,
//! non-overlapping, on `char` boundaries (so the ends are sorted too). Every
//! index a method returns is in bounds; methods on an empty set return `None`.

use std::ops::Range;

use crate::document::Document;

/// Which way a search goes: `/` forward, `?` backward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Forward,
    Backward,
}

impl Direction {
    pub fn reverse(self) -> Self {
        match self {
            Direction::Forward => Direction::Backward,
            Direction::Backward => Direction::Forward,
        }
    }
}

/// Where a move landed: the hit's index, and whether it went round an end of
/// the document (the UI shows "search wrapped").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub index: usize,
    pub wrapped: bool,
}

/// The hits of one search, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits {
    starts: Vec<u32>,
    ends: Vec<u32>,
    truncated: bool,
}

impl Hits {
    /// Builds from ranges the caller guarantees sorted and non-overlapping.
    pub(crate) fn new(ranges: Vec<Range<usize>>, truncated: bool) -> Self {
        let mut hits = Self::default();
        for r in ranges {
            if !hits.push(r) {
                hits.truncated = true;
                break;
            }
        }
        hits.truncated |= truncated;
        hits
    }

    /// Adds a hit after the last one; false (and nothing kept) when its
    /// offsets do not fit in `u32`.
    #[inline]
    pub(crate) fn push(&mut self, range: Range<usize>) -> bool {
        debug_assert!(range.start < range.end);
        debug_assert!(self.ends.last().is_none_or(|&e| e as usize <= range.start));
        match (u32::try_from(range.start), u32::try_from(range.end)) {
            (Ok(s), Ok(e)) => {
                self.starts.push(s);
                self.ends.push(e);
                true
            }
            _ => false,
        }
    }

    /// Room for `n` more hits.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.starts.reserve(n);
        self.ends.reserve(n);
    }

    pub(crate) fn set_truncated(&mut self) {
        self.truncated = true;
    }

    /// The hits from index `from` on, appended after these (`other` must
    /// start at or after the last end).
    pub(crate) fn extend_from(&mut self, other: &Hits, from: usize) {
        self.starts
            .extend_from_slice(&other.starts[from.min(other.len())..]);
        self.ends
            .extend_from_slice(&other.ends[from.min(other.len())..]);
    }

    /// Keeps the first `len` hits.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.starts.truncate(len);
        self.ends.truncate(len);
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// True when the search stopped at [`super::MAX_HITS`]: the count is a
    /// lower bound and hits past the last one are not highlighted.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// Every hit, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Range<usize>> + '_ {
        self.starts
            .iter()
            .zip(&self.ends)
            .map(|(&s, &e)| s as usize..e as usize)
    }

    pub fn get(&self, index: usize) -> Option<Range<usize>> {
        Some(*self.starts.get(index)? as usize..*self.ends.get(index)? as usize)
    }

    /// Index of the first hit starting at or after `offset` (`len()` if none).
    pub fn first_from(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < offset)
    }

    /// Index of the first hit ending after `offset` (`len()` if none).
    fn first_ending_after(&self, offset: usize) -> usize {
        self.ends.partition_point(|&e| (e as usize) <= offset)
    }

    /// Hits overlapping a text range (the visible rows), in order.
    pub fn in_range(&self, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
        let start = self.first_ending_after(range.start);
        let end = self.first_from(range.end).max(start);
        (start..end).filter_map(|i| self.get(i))
    }

    /// How many hits start in a text range: two binary searches.
    pub fn count_starting_in(&self, range: Range<usize>) -> usize {
        self.first_from(range.end)
            .saturating_sub(self.first_from(range.start))
    }

    /// The hit holding a text offset, if any.
    pub fn index_at(&self, offset: usize) -> Option<usize> {
        let i = self.first_ending_after(offset);
        self.get(i).filter(|r| r.start <= offset).map(|_| i)
    }

    /// The first hit a search from `offset` meets: forward, the first hit
    /// starting at or after it; backward, the last starting at or before it.
    /// Goes round the end (or start) of the text when there is none.
    pub fn nearest(&self, offset: usize, direction: Direction) -> Option<Step> {
        if self.is_empty() {
            return None;
        }
        let after = self.first_from(offset);
        Some(match direction {
            Direction::Forward if after < self.len() => Step {
                index: after,
                wrapped: false,
            },
            Direction::Forward => Step {
                index: 0,
                wrapped: true,
            },
            Direction::Backward => {
                let upto = self.first_from(offset.saturating_add(1));
                match upto.checked_sub(1) {
                    Some(index) => Step {
                        index,
                        wrapped: false,
                    },
                    None => Step {
                        index: self.len() - 1,
                        wrapped: true,
                    },
                }
            }
        })
    }

    /// The hit after (or before) hit `index`, going round the ends. An index
    /// out of bounds (a stale one) moves to the first (or last) hit.
    pub fn step(&self, index: usize, direction: Direction) -> Option<Step> {
        let len = self.len();
        if len == 0 {
            return None;
        }
        if index >= len {
            return self
                .nearest(0, Direction::Forward)
                .map(|s| match direction {
                    Direction::Forward => s,
                    Direction::Backward => Step {
                        index: len - 1,
                        wrapped: false,
                    },
                });
        }
        Some(match direction {
            Direction::Forward if index + 1 < len => Step {
                index: index + 1,
                wrapped: false,
            },
            Direction::Forward => Step {
                index: 0,
                wrapped: true,
            },
            Direction::Backward if index > 0 => Step {
                index: index - 1,
                wrapped: false,
            },
            Direction::Backward => Step {
                index: len - 1,
                wrapped: true,
            },
        })
    }

    pub fn next(&self, index: usize) -> Option<Step> {
        self.step(index, Direction::Forward)
    }

    pub fn prev(&self, index: usize) -> Option<Step> {
        self.step(index, Direction::Backward)
    }

    /// `3/17` for hit index 2 of 17 (`3/1000000+` when truncated).
    pub fn label(&self, index: usize) -> String {
        let plus = if self.truncated { "+" } else { "" };
        format!("{}/{}{plus}", index + 1, self.len())
    }

    /// How many hits each section of `doc` holds, by where the hit starts; a
    /// hit before the first block counts for the first section.
    #[cfg(test)]
    pub fn per_section(&self, doc: &Document) -> Vec<usize> {
        (0..doc.sections.len())
            .map(|i| self.count_starting_in(section_span(doc, i)))
            .collect()
    }
}

/// The text offsets whose hits count for section `i`: from its first block
/// (from 0 for the first section) to the next section's first block.
pub fn section_span(doc: &Document, i: usize) -> Range<usize> {
    let start_of = |i: usize| match i {
        0 => 0,
        i => doc.sections.get(i).map_or(usize::MAX, |s| {
            doc.blocks
                .get(s.blocks.start)
                .map_or(doc.text.len(), |b| b.range.start)
        }),
    };
    start_of(i)..start_of(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn hits(starts: &[usize]) -> Hits {
        Hits::new(starts.iter().map(|&s| s..s + 2).collect(), false)
    }

    #[test]
    fn nearest_forward_and_backward() {
        let h = hits(&[10, 20, 30]);
        let at = |o, d| h.nearest(o, d).map(|s| (s.index, s.wrapped));
        assert_eq!(at(0, Direction::Forward), Some((0, false)));
        assert_eq!(at(20, Direction::Forward), Some((1, false)));
        assert_eq!(at(21, Direction::Forward), Some((2, false)));
        assert_eq!(at(31, Direction::Forward), Some((0, true)));
        assert_eq!(at(31, Direction::Backward), Some((2, false)));
        assert_eq!(at(20, Direction::Backward), Some((1, false)));
        assert_eq!(at(19, Direction::Backward), Some((0, false)));
        assert_eq!(at(5, Direction::Backward), Some((2, true)));
        assert_eq!(Hits::default().nearest(0, Direction::Forward), None);
    }

    #[test]
    fn next_and_prev_wrap_and_say_so() {
        let h = hits(&[10, 20, 30]);
        assert_eq!(
            h.next(0),
            Some(Step {
                index: 1,
                wrapped: false
            })
        );
        assert_eq!(
            h.next(2),
            Some(Step {
                index: 0,
                wrapped: true
            })
        );
        assert_eq!(
            h.prev(0),
            Some(Step {
                index: 2,
                wrapped: true
            })
        );
        assert_eq!(
            h.prev(2),
            Some(Step {
                index: 1,
                wrapped: false
            })
        );
        let one = hits(&[5]);
        assert_eq!(
            one.next(0),
            Some(Step {
                index: 0,
                wrapped: true
            })
        );
        assert_eq!(h.next(99).map(|s| s.index), Some(0));
        assert_eq!(h.prev(99).map(|s| s.index), Some(2));
        assert_eq!(Hits::default().next(0), None);
    }

    #[test]
    fn labels_count_from_one() {
        assert_eq!(hits(&[1, 5, 9]).label(2), "3/3");
        assert_eq!(
            Hits::new(std::iter::once(0..1).collect(), true).label(0),
            "1/1+"
        );
    }

    #[test]
    fn index_at_and_in_range() {
        let h = hits(&[10, 20, 30]);
        assert_eq!(h.index_at(11), Some(0));
        assert_eq!(h.index_at(12), None);
        assert_eq!(h.in_range(11..21).collect::<Vec<_>>(), [10..12, 20..22]);
        assert_eq!(h.in_range(12..20).count(), 0);
        assert_eq!(h.count_starting_in(10..30), 2);
        assert_eq!(h.count_starting_in(11..31), 2);
        assert_eq!(h.count_starting_in(0..usize::MAX), 3);
    }

    #[test]
    fn counts_hits_per_section() {
        let text = "# One\n\nalpha beta\n\n## Two\n\nbeta beta\n\n## Three\n\ngamma\n";
        let doc =
            Document::from_bytes("a.md", text.as_bytes(), Some(Format::Markdown)).expect("text");
        let ranges: Vec<_> = doc
            .text
            .match_indices("beta")
            .map(|(i, s)| i..i + s.len())
            .collect();
        let counts = Hits::new(ranges, false).per_section(&doc);
        assert_eq!(counts, [1, 2, 0]);
    }
}
