//! Laying out a table: aligned rows, each cell wrapped inside its column.
//!
//! Columns are as wide as their widest cell, capped at [`MAX_COLUMN`]; when
//! they do not fit the width, the widest are narrowed first, down to
//! [`MIN_COLUMN`]. A table that cannot fit even so (many columns on a narrow
//! screen) is laid out as running text instead: each row a paragraph whose
//! cells are set apart by `│`. Nothing is cut: a long cell wraps inside its
//! column.
//!
//! A row drawn on several lines shows text from every cell on each line,
//! which no single text range covers: the row's first line covers the
//! row's text and the lines after it (and the rule under a header row) are
//! empty ranges where the next row starts, so the lines still tile the
//! block. [`crate::layout::Line::drawn`] is the range a line's parts draw.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::{BlockLines, Part, VisualLine, Word};
use crate::document::{Block, Document, InlineKind};

/// The widest a column is drawn; longer cells wrap.
const MAX_COLUMN: usize = 40;

/// A column is never made narrower than its longest word, up to this many
/// cells (nor than its widest cell, if that is less): numbers and names
/// stay whole.
const MIN_COLUMN: usize = 10;

/// Drawn between two columns.
const SEPARATOR: &str = " │ ";

/// Drawn between two cells of a row laid out as running text.
const RUNNING_SEPARATOR: &str = "│";

/// One cell of the table.
#[derive(Debug, Clone)]
struct Cell {
    row: u32,
    column: usize,
    header: bool,
    range: Range<usize>,
}

/// The cells of a table block, in text order.
fn cells(doc: &Document, block: &Block) -> Vec<Cell> {
    doc.inlines(block)
        .filter_map(|i| match i.kind {
            InlineKind::TableCell {
                row,
                column,
                header,
            } => Some(Cell {
                row,
                column: column as usize,
                header,
                range: i.range,
            }),
            _ => None,
        })
        .collect()
}

/// The cells grouped by row, rows in text order.
fn rows(cells: &[Cell]) -> Vec<&[Cell]> {
    cells.chunk_by(|a, b| a.row == b.row).collect()
}

/// Column widths that fit `avail` cells with separators, given each
/// column's widest cell and longest word, or `None` when the columns cannot
/// all keep their longest words (up to [`MIN_COLUMN`]).
fn fit_columns(natural: &[usize], longest_word: &[usize], avail: usize) -> Option<Vec<usize>> {
    let seps = SEPARATOR.width() * natural.len().saturating_sub(1);
    let capped: Vec<usize> = natural.iter().map(|&n| n.min(MAX_COLUMN)).collect();
    let floor: Vec<usize> = capped
        .iter()
        .zip(longest_word)
        .map(|(&n, &w)| n.min(w).min(MIN_COLUMN))
        .collect();
    // Every column as wide as `t`, within its floor and its widest cell.
    let widths = |t: usize| -> Vec<usize> {
        capped
            .iter()
            .zip(&floor)
            .map(|(&n, &f)| n.min(t).max(f))
            .collect()
    };
    let at = |t: usize| widths(t).iter().sum::<usize>() + seps;
    if at(0) > avail {
        return None;
    }
    // The largest `t` that fits; the cells left over go to the columns it
    // narrowed.
    let (mut lo, mut hi) = (0, capped.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if at(mid) <= avail {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut out = widths(lo);
    let mut spare = avail - at(lo);
    // First to the columns that would break a word, then one each.
    for (w, (&n, &long)) in out.iter_mut().zip(capped.iter().zip(longest_word)) {
        let add = long.min(n).saturating_sub(*w).min(spare);
        *w += add;
        spare -= add;
    }
    for (w, &n) in out.iter_mut().zip(&capped) {
        if spare == 0 {
            break;
        }
        if n > *w {
            *w += 1;
            spare -= 1;
        }
    }
    Some(out)
}

/// A marker that stands for no text: padding, separators, rules.
fn decoration(s: String, at: usize) -> Part {
    Part {
        width: s.width(),
        range: at..at,
        marker: Some(Cow::Owned(s)),
        space_before: false,
    }
}

/// The widest word of a cell.
fn longest_word(words: &[Word]) -> usize {
    words.iter().map(|w| w.width).max().unwrap_or(0)
}

/// The widest line of a cell's words, unwrapped (hard breaks kept).
fn natural_width(words: &[Word]) -> usize {
    let (mut widest, mut line) = (0, 0);
    for (i, w) in words.iter().enumerate() {
        line += w.width;
        widest = widest.max(line);
        if w.break_after {
            line = 0;
        } else if i + 1 < words.len() {
            line += w.ws;
        }
    }
    widest
}

impl BlockLines {
    /// The words of a cell, in a scratch layout of their own.
    fn cell_words(&self, doc: &Document, range: Range<usize>) -> (Self, Vec<Word>) {
        let mut scratch = BlockLines {
            width: self.width,
            reveal: self.reveal,
            lines: Vec::new(),
            parts: Vec::new(),
        };
        let mut words = Vec::new();
        scratch.prose_words_in(doc, range, &mut words);
        (scratch, words)
    }

    /// A cell's lines wrapped to `width` cells, each a run of parts.
    fn cell_lines(&self, doc: &Document, range: Range<usize>, width: usize) -> Vec<Vec<Part>> {
        let (mut scratch, words) = self.cell_words(doc, range);
        let words = scratch.break_long_words(doc, words, width.max(1));
        let mut out = Vec::new();
        let mut seg_start = 0;
        for i in 0..words.len() {
            if !words[i].break_after && i + 1 < words.len() {
                continue;
            }
            let segment = &words[seg_start..=i];
            for line in textwrap::wrap_algorithms::wrap_first_fit(segment, &[width.max(1) as f64]) {
                let mut parts = Vec::new();
                for (k, word) in line.iter().enumerate() {
                    for (j, part) in scratch.parts[word.parts.clone()].iter().enumerate() {
                        let mut part = part.clone();
                        part.space_before = k > 0 && j == 0 && line[k - 1].ws > 0;
                        parts.push(part);
                    }
                }
                out.push(parts);
            }
            seg_start = i + 1;
        }
        out
    }

    /// Lays block `index` out as aligned rows and returns true, or returns
    /// false when it is to be laid out as running text (no cells, or too
    /// many columns for the width).
    pub(super) fn table_grid(
        &mut self,
        doc: &Document,
        index: usize,
        prefix: &str,
        avail: usize,
    ) -> bool {
        let block = &doc.blocks.at(index);
        let cells = cells(doc, block);
        let columns = cells.iter().map(|c| c.column + 1).max().unwrap_or(0);
        // A table too wide for every column to get a cell is never measured.
        if columns == 0 || columns.saturating_mul(4).saturating_sub(3) > avail {
            return false;
        }
        let mut natural = vec![0; columns];
        let mut longest = vec![0; columns];
        for cell in &cells {
            let (_, words) = self.cell_words(doc, cell.range.clone());
            natural[cell.column] = natural[cell.column].max(natural_width(&words));
            longest[cell.column] = longest[cell.column].max(longest_word(&words));
        }
        let Some(widths) = fit_columns(&natural, &longest, avail) else {
            return false;
        };
        let rows = rows(&cells);
        // Where each row's text starts; the first at the block's start.
        let mut starts: Vec<usize> = rows.iter().map(|r| r[0].range.start).collect();
        starts[0] = block.range.start;
        starts.push(block.range.end);
        for (r, row) in rows.iter().enumerate() {
            let (start, next) = (starts[r], starts[r + 1]);
            let mut lines: Vec<Vec<Vec<Part>>> = vec![Vec::new(); columns];
            for cell in row.iter() {
                lines[cell.column] = self.cell_lines(doc, cell.range.clone(), widths[cell.column]);
            }
            let height = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for k in 0..height {
                let at = if k == 0 { start } else { next };
                let first = self.parts.len();
                for (c, cell) in lines.iter().enumerate() {
                    if c > 0 {
                        self.parts.push(decoration(SEPARATOR.to_string(), at));
                    }
                    let parts = cell.get(k).map_or(&[][..], Vec::as_slice);
                    let used: usize = parts
                        .iter()
                        .map(|p| p.width + usize::from(p.space_before))
                        .sum();
                    self.parts.extend_from_slice(parts);
                    let pad = widths[c].saturating_sub(used);
                    if pad > 0 && c + 1 < columns {
                        self.parts.push(decoration(" ".repeat(pad), at));
                    }
                }
                self.lines.push(VisualLine {
                    block: Some(index),
                    range: if k == 0 { start..next } else { next..next },
                    prefix: prefix.to_string(),
                    parts: first..self.parts.len(),
                });
            }
            let header = row.iter().all(|c| c.header);
            let body_next = rows.get(r + 1).is_some_and(|n| !n.iter().all(|c| c.header));
            if header && body_next {
                let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
                let first = self.parts.len();
                self.parts.push(decoration(rule.join("─┼─"), next));
                self.lines.push(VisualLine {
                    block: Some(index),
                    range: next..next,
                    prefix: prefix.to_string(),
                    parts: first..self.parts.len(),
                });
            }
        }
        true
    }

    /// The words of a table laid out as running text: each row a paragraph,
    /// its cells set apart by a bar.
    pub(super) fn table_words(&mut self, doc: &Document, block: &Block, words: &mut Vec<Word>) {
        let cells = cells(doc, block);
        if cells.is_empty() {
            self.prose_words_in(doc, block.range.clone(), words);
            return;
        }
        for row in rows(&cells) {
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    if let Some(last) = words.last_mut() {
                        last.ws = 1;
                    }
                    let at = cell.range.start;
                    self.parts
                        .push(decoration(RUNNING_SEPARATOR.to_string(), at));
                    words.push(Word {
                        parts: self.parts.len() - 1..self.parts.len(),
                        width: RUNNING_SEPARATOR.width(),
                        ws: 1,
                        start: at,
                        break_after: false,
                    });
                }
                self.prose_words_in(doc, cell.range.clone(), words);
            }
            if let Some(last) = words.last_mut() {
                last.break_after = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_keep_their_width_when_they_fit() {
        assert_eq!(
            fit_columns(&[5, 10, 3], &[5, 4, 3], 80),
            Some(vec![5, 10, 3])
        );
        assert_eq!(
            fit_columns(&[100, 3], &[8, 3], 80),
            Some(vec![MAX_COLUMN, 3])
        );
    }

    #[test]
    fn the_widest_columns_narrow_first_and_words_stay_whole() {
        // 30 + 30 + 9 and two separators in 50 cells; the 9-cell number
        // column keeps its width.
        let w = fit_columns(&[30, 30, 9], &[8, 12, 9], 50).expect("fits");
        assert_eq!(w.iter().sum::<usize>() + 6, 50);
        assert_eq!(w[2], 9);
        assert!(w[0].abs_diff(w[1]) <= 1);
        // Narrower still, each column keeps its longest word (up to the
        // floor): 8 + 10 + 9.
        assert_eq!(
            fit_columns(&[30, 30, 9], &[8, 12, 9], 33),
            Some(vec![8, 10, 9])
        );
    }

    #[test]
    fn too_many_columns_do_not_fit() {
        assert_eq!(fit_columns(&[20; 10], &[10; 10], 40), None);
        assert_eq!(fit_columns(&[], &[], 40), Some(vec![]));
    }
}
