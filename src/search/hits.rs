//! The hits of one search and the moves between them: nearest hit to a
//! position, next and previous with wrap-around, `3/17` counts, hits per
//! section for the outline.
//!
//! Invariant: hits are byte ranges into `Document::text`, non-empty, sorted,
//! non-overlapping, on `char` boundaries. Every index a method returns is in
//! bounds; methods on an empty set return `None`.

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
    ranges: Vec<Range<usize>>,
    truncated: bool,
}

impl Hits {
    /// Builds from ranges the caller guarantees sorted and non-overlapping.
    pub(crate) fn new(ranges: Vec<Range<usize>>, truncated: bool) -> Self {
        debug_assert!(ranges.iter().all(|r| r.start < r.end));
        debug_assert!(ranges.windows(2).all(|w| w[0].end <= w[1].start));
        Self { ranges, truncated }
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// True when the search stopped at [`super::MAX_HITS`]: the count is a
    /// lower bound and hits past the last one are not highlighted.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    pub fn ranges(&self) -> &[Range<usize>] {
        &self.ranges
    }

    pub fn get(&self, index: usize) -> Option<Range<usize>> {
        self.ranges.get(index).cloned()
    }

    /// Hits overlapping a text range (the visible rows), in order.
    pub fn in_range(&self, range: Range<usize>) -> &[Range<usize>] {
        let start = self.ranges.partition_point(|r| r.end <= range.start);
        let end = self.ranges.partition_point(|r| r.start < range.end);
        &self.ranges[start..end.max(start)]
    }

    /// The hit holding a text offset, if any.
    pub fn index_at(&self, offset: usize) -> Option<usize> {
        let i = self.ranges.partition_point(|r| r.end <= offset);
        self.ranges.get(i).filter(|r| r.start <= offset).map(|_| i)
    }

    /// The first hit a search from `offset` meets: forward, the first hit
    /// starting at or after it; backward, the last starting at or before it.
    /// Goes round the end (or start) of the text when there is none.
    pub fn nearest(&self, offset: usize, direction: Direction) -> Option<Step> {
        if self.ranges.is_empty() {
            return None;
        }
        let after = self.ranges.partition_point(|r| r.start < offset);
        Some(match direction {
            Direction::Forward if after < self.ranges.len() => Step {
                index: after,
                wrapped: false,
            },
            Direction::Forward => Step {
                index: 0,
                wrapped: true,
            },
            Direction::Backward => {
                let upto = self.ranges.partition_point(|r| r.start <= offset);
                match upto.checked_sub(1) {
                    Some(index) => Step {
                        index,
                        wrapped: false,
                    },
                    None => Step {
                        index: self.ranges.len() - 1,
                        wrapped: true,
                    },
                }
            }
        })
    }

    /// The hit after (or before) hit `index`, going round the ends. An index
    /// out of bounds (a stale one) moves to the first (or last) hit.
    pub fn step(&self, index: usize, direction: Direction) -> Option<Step> {
        let len = self.ranges.len();
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
        format!("{}/{}{plus}", index + 1, self.ranges.len())
    }

    /// How many hits each section of `doc` holds, by where the hit starts; a
    /// hit before the first block counts for the first section.
    pub fn per_section(&self, doc: &Document) -> Vec<usize> {
        let starts: Vec<usize> = doc
            .sections
            .iter()
            .map(|s| {
                doc.blocks
                    .get(s.blocks.start)
                    .map_or(usize::MAX, |b| b.range.start)
            })
            .collect();
        let mut counts = vec![0; starts.len()];
        if counts.is_empty() {
            return counts;
        }
        let mut section = 0;
        for hit in &self.ranges {
            while section + 1 < starts.len() && starts[section + 1] <= hit.start {
                section += 1;
            }
            counts[section] += 1;
        }
        counts
    }
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
        assert_eq!(h.in_range(11..21), &[10..12, 20..22]);
        assert!(h.in_range(12..20).is_empty());
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
