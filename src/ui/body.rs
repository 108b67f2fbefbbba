//! The body pane: the visible rows of the wrapped article, with block,
//! inline, entity and search styles resolved by range intersection (block <
//! inline < entity < search hit < current hit), and the scrollbar beside
//! them. A row's search hits come from a binary search of the hit list, so
//! a frame never walks all hits.
//!
//! Only the rows in view are touched (and wrapped, if not yet), so a redraw
//! costs the same for a long article as for a short one. Every string drawn is a text piece or a
//! marker from the wrap cache, both already sanitised.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::theme::Theme;
use crate::app::{Level, Reader, SearchState};
use crate::document::{Block, BlockKind, Document, Inline, InlineKind};
use crate::extract::calm::Quiet;
use crate::extract::{Entities, EntityKind, Mention};
use crate::layout::{Line, Wrapped};

/// The lines of an article from `top` on, with what lights them: drawn by
/// the reader from its state ([`BodyPane::of`]) and by print mode from the
/// model alone.
pub struct BodyPane<'a> {
    pub doc: &'a Document,
    pub cache: Wrapped<'a>,
    pub entities: &'a Entities,
    /// Highlighting on, per entity kind (actor, place, number).
    pub highlight: [bool; 3],
    /// How much of what is on is lit.
    pub level: Level,
    /// The mentions a calm page leaves plain (`None`: none).
    pub quiet: Option<&'a Quiet>,
    /// The first line drawn.
    pub top: usize,
    /// The scrollbar's length in lines.
    pub total: usize,
    /// The search whose hits are lit.
    pub search: Option<&'a SearchState>,
    /// Dim the paragraphs that do not mention the chosen entity.
    pub focus_mode: bool,
    pub theme: Theme,
    pub scrollbar: Rect,
    /// The selected entity's mentions, sorted.
    pub chosen: Vec<Range<usize>>,
    /// The one of them the reader is on.
    pub current: Option<Range<usize>>,
}

impl<'a> BodyPane<'a> {
    /// The body of a reader as it stands.
    pub fn of(reader: &'a Reader, theme: Theme, scrollbar: Rect) -> BodyPane<'a> {
        let chosen = reader.selected_mentions();
        let current = chosen
            .get(reader.entity.mention.min(chosen.len().saturating_sub(1)))
            .cloned();
        BodyPane {
            doc: &reader.doc,
            cache: reader.cache(),
            entities: &reader.entities,
            highlight: reader.view.highlight,
            level: reader.view.level,
            quiet: Some(reader.index.quiet()).filter(|q| q.covers(reader.entities.mentions.len())),
            top: reader.top(),
            total: reader.scroll_total(),
            search: Some(&reader.search),
            focus_mode: reader.entity.focus_mode,
            theme,
            scrollbar,
            chosen,
            current,
        }
    }

    fn highlights(&self, kind: EntityKind) -> bool {
        let i = match kind {
            EntityKind::Actor => 0,
            EntityKind::Place => 1,
            EntityKind::Number => 2,
        };
        self.highlight[i]
    }

    /// Mention number `i`, `m`, is lit: its kind is on at this level, or
    /// it is the selected entity's.
    fn lit(&self, i: usize, m: &Mention) -> bool {
        if self.is_chosen(&m.range()) {
            return true;
        }
        match self.level {
            Level::All => self.highlights(m.kind()),
            Level::First => self.highlights(m.kind()) && !self.quiet.is_some_and(|q| q.is_quiet(i)),
            Level::Selected => false,
        }
    }
}

impl Widget for BodyPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cache = &self.cache;
        let start = self.top;
        let rows = usize::from(area.height);
        if cache.is_empty() {
            // An empty article: say why rather than show a blank pane.
            let note = self
                .doc
                .notices
                .first()
                .map_or("nothing to show", String::as_str);
            let note = crate::sanitize::clean(note);
            buf.set_stringn(
                area.x,
                area.y,
                &*note,
                usize::from(area.width),
                self.theme.muted(),
            );
            return;
        }
        // Each row is looked up by number: wrapping a row's block moves only
        // the lines after it, so the rows stay consecutive.
        for row in 0..rows {
            let Some(line) = cache.line(start + row) else {
                break;
            };
            let y = area.y + row as u16;
            self.draw_line(
                &line,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
        // An estimate until the whole article is wrapped (and read).
        let total = self.total;
        let start = start.min(total);
        if total > rows && self.scrollbar.width > 0 {
            let mut state = ScrollbarState::new(total.saturating_sub(rows))
                .position(start.min(total.saturating_sub(rows)))
                .viewport_content_length(rows);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_symbol("┃")
                .track_style(self.theme.muted())
                .thumb_style(self.theme.thumb())
                .render(self.scrollbar, buf, &mut state);
        }
    }
}

impl BodyPane<'_> {
    fn is_chosen(&self, range: &Range<usize>) -> bool {
        self.chosen
            .binary_search_by_key(&range.start, |r| r.start)
            .is_ok()
    }

    /// Draws one line into the first row of `area`.
    pub(crate) fn draw_line(&self, line: &Line, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        let doc = self.doc;
        let right = area.right();
        let (mut x, _) = buf.set_stringn(
            area.x,
            area.y,
            &line.prefix,
            usize::from(area.width),
            theme.prefix(),
        );
        let Some(block) = line.block.and_then(|b| doc.blocks.get(b)) else {
            return;
        };
        let mut base = theme.block(block.kind);
        let dimmed = self.focus_mode
            && !self.chosen.is_empty()
            && !self
                .chosen
                .iter()
                .any(|r| r.start < block.range.end && block.range.start < r.end);
        if dimmed {
            base = theme.unfocused();
        }
        let (first, in_line) = self.entities.in_range_at(line.drawn());
        let mentions: Vec<&Mention> = in_line
            .iter()
            .enumerate()
            .filter(|&(k, m)| !dimmed && self.lit(first + k, m))
            .map(|(_, m)| m)
            .collect();
        let (hits, current) = match self.search {
            Some(search) => search.hits_in(line.drawn()),
            None => (Vec::new(), None),
        };
        // Read once per line: unpacking a block's inline runs (and copying
        // their link targets) for every run drawn cost more than the runs.
        let inlines: Vec<Inline> = doc.inlines(&block).collect();
        let marks = Marks {
            inlines: &inlines,
            mentions: &mentions,
            hits: &hits,
            current: current.as_ref(),
        };
        for part in line.parts() {
            if x >= right {
                break;
            }
            if part.space_before {
                let at = part.range.start.saturating_sub(1);
                let style = self.style_at(&block, base, &marks, at..part.range.start + 1);
                x = buf
                    .set_stringn(x, area.y, " ", usize::from(right - x), style)
                    .0;
            }
            if let Some(marker) = &part.marker {
                let style = if block.kind == BlockKind::Rule {
                    base
                } else if part.range.is_empty() {
                    // A table's padding and rules: no text behind them.
                    theme.prefix()
                } else {
                    base.patch(theme.marker())
                };
                x = buf
                    .set_stringn(
                        x,
                        area.y,
                        marker,
                        usize::from(right.saturating_sub(x)),
                        style,
                    )
                    .0;
                continue;
            }
            for run in self.runs(&marks, part.range.clone()) {
                let style = self.style_at(&block, base, &marks, run.clone());
                let text = &doc.text[run];
                x = buf
                    .set_stringn(x, area.y, text, usize::from(right.saturating_sub(x)), style)
                    .0;
            }
        }
    }

    /// Cuts a text range where an inline run, a mention or a hit starts or
    /// ends.
    fn runs(&self, marks: &Marks, range: Range<usize>) -> Vec<Range<usize>> {
        let text = &self.doc.text;
        let mut cuts: Vec<usize> = marks
            .inlines
            .iter()
            .flat_map(|i| [i.range.start, i.range.end])
            .chain(marks.mentions.iter().flat_map(|m| [m.start(), m.end()]))
            .chain(
                marks
                    .hits
                    .iter()
                    .chain(marks.current)
                    .flat_map(|r| [r.start, r.end]),
            )
            .filter(|&c| c > range.start && c < range.end && text.is_char_boundary(c))
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut out = Vec::with_capacity(cuts.len() + 1);
        let mut from = range.start;
        for c in cuts {
            out.push(from..c);
            from = c;
        }
        out.push(from..range.end);
        out
    }

    /// The style of a run: the block's, then each inline run covering it,
    /// then the mention covering it, then a search hit, then the current hit.
    fn style_at(&self, block: &Block, base: Style, marks: &Marks, run: Range<usize>) -> Style {
        let covers = |r: &Range<usize>| r.start <= run.start && run.end <= r.end;
        let mut style = base;
        // A caption is an image's alt text: dimmed, not drawn as a link.
        let caption = block.kind == BlockKind::Caption;
        for inline in marks.inlines.iter().filter(|i| {
            covers(&i.range) && !(caption && matches!(i.kind, InlineKind::Image { .. }))
        }) {
            style = style.patch(self.theme.inline(&inline.kind));
        }
        if let Some(m) = marks.mentions.iter().find(|m| covers(&m.range())) {
            style = if self.current.as_ref() == Some(&m.range()) {
                style.patch(self.theme.chosen_current(m.kind()))
            } else if self.is_chosen(&m.range()) {
                style.patch(self.theme.chosen(m.kind()))
            } else {
                style.patch(self.theme.entity(m.kind()))
            };
        }
        if marks.current.is_some_and(covers) {
            style = style.patch(self.theme.search_current());
        } else if marks.hits.iter().any(covers) {
            style = style.patch(self.theme.search_hit());
        }
        style
    }
}

/// What is styled on one row: its block's inline runs, its mentions and
/// search hits.
struct Marks<'a> {
    inlines: &'a [Inline],
    mentions: &'a [&'a Mention],
    hits: &'a [Range<usize>],
    current: Option<&'a Range<usize>>,
}
