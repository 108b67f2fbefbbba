//! The entity pane: Actors, Places and Numbers, each entry once with its
//! mention count, the cursor, the selected entry, and the filter prompt.
//! Docked beside the body on wide screens, an overlay on narrow ones; it
//! reads `&App` and never changes it.
//!
//! Every label passed through `sanitize::clean` when the index was built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::outline::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::app::entities::Order;
use crate::extract::EntityKind;

pub struct EntityPane<'a> {
    pub app: &'a App,
    pub theme: Theme,
    pub docked: bool,
}

/// A row of the list: a group heading or an entry (its position in the
/// visible list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Group(EntityKind, usize),
    Entry(usize),
}

/// The rows of a list grouped by kind: each kind's heading (even of an
/// empty group), then its entries, given the size of each group.
struct Rows {
    counts: [usize; 3],
}

impl Rows {
    fn len(&self) -> usize {
        self.counts.iter().map(|n| n + 1).sum()
    }

    /// Row `r`, if there is one.
    fn at(&self, mut r: usize) -> Option<Row> {
        let mut pos = 0;
        for (kind, &n) in EntityKind::ALL.iter().zip(&self.counts) {
            if r == 0 {
                return Some(Row::Group(*kind, n));
            }
            if r <= n {
                return Some(Row::Entry(pos + r - 1));
            }
            r -= n + 1;
            pos += n;
        }
        None
    }

    /// The row of the entry at position `pos` of the visible list.
    fn row_of(&self, pos: usize) -> Option<usize> {
        let mut start = 0;
        let mut row = 0;
        for &n in &self.counts {
            if pos < start + n {
                return Some(row + 1 + pos - start);
            }
            start += n;
            row += n + 1;
        }
        None
    }
}

impl Widget for EntityPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &self.theme;
        let view = &app.entity;
        let focused = view.focused && app.view.overlay.is_none();
        Clear.render(area, buf);
        let inner = if self.docked {
            // A blank column keeps the border off the body's scrollbar.
            Block::new()
                .borders(Borders::LEFT)
                .border_style(theme.border(focused))
                .render(
                    Rect {
                        x: area.x + 1,
                        width: area.width.saturating_sub(1),
                        ..area
                    },
                    buf,
                );
            Rect {
                x: area.x + 3,
                width: area.width.saturating_sub(4),
                ..area
            }
        } else {
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .render(area, buf);
            Rect {
                x: area.x + 2,
                y: area.y,
                width: area.width.saturating_sub(4),
                height: area.height.saturating_sub(1),
            }
        };
        if inner.width < 4 || inner.height < 3 {
            return;
        }
        let width = usize::from(inner.width);
        let label_style = if focused {
            theme.border(true)
        } else {
            theme.muted()
        };
        let order = match view.order {
            Order::Count => "by count",
            Order::FirstSeen => "in order",
        };
        // Unfocused, the heading names the key that reaches the pane.
        let heading = match app.keymap().key_for(crate::app::Action::ToggleEntities) {
            Some(key) if !focused => format!(" Entities ({}) ", crate::keymap::display_name(key)),
            _ => " Entities ".to_string(),
        };
        buf.set_stringn(inner.x, inner.y, &heading, width, label_style);
        let order_x = inner.right().saturating_sub(order.len() as u16 + 1);
        if order_x > inner.x + heading.chars().count() as u16 + 1 {
            buf.set_string(order_x, inner.y, order, theme.muted());
        }
        // The filter prompt, or how to open it.
        let prompt_y = inner.y + 1;
        if view.filtering || !view.filter.is_empty() {
            let cursor = if view.filtering { "▏" } else { "" };
            let text = truncate(&format!("/{}{cursor}", view.filter), width);
            let style = if view.filtering {
                theme.current()
            } else {
                theme.muted()
            };
            buf.set_stringn(inner.x, prompt_y, &text, width, style);
        }
        let visible = app.visible();
        // The list is grouped by kind, so each group's size is a search,
        // and the rows (a heading per kind, then its entries) are computed
        // for the lines drawn only: a long article lists a million.
        let mut counts = [0; 3];
        let mut before = 0;
        for (k, kind) in EntityKind::ALL.iter().enumerate() {
            let end = visible.partition_point(|&i| app.index.kind(i as usize) <= *kind);
            counts[k] = end.saturating_sub(before);
            before = end.max(before);
        }
        let rows = Rows { counts };
        let list = Rect {
            y: inner.y + 2,
            height: inner.height.saturating_sub(2),
            ..inner
        };
        let height = usize::from(list.height);
        let cursor_row = rows.row_of(view.cursor).unwrap_or(0);
        // Keep the cursor a third of the way down once the list scrolls.
        let offset = cursor_row
            .saturating_sub(height / 3)
            .min(rows.len().saturating_sub(height));
        let drawn = (offset..rows.len()).take(height).filter_map(|r| rows.at(r));
        for (i, row) in drawn.enumerate() {
            let y = list.y + i as u16;
            match row {
                Row::Group(kind, n) => {
                    let name = match kind {
                        EntityKind::Actor => "Actors",
                        EntityKind::Place => "Places",
                        EntityKind::Number => "Numbers",
                    };
                    let style = theme
                        .entity(kind)
                        .remove_modifier(Modifier::ITALIC | Modifier::UNDERLINED);
                    let text = format!("{name} ({n})");
                    buf.set_stringn(inner.x, y, &text, width, style.add_modifier(Modifier::BOLD));
                }
                Row::Entry(pos) => {
                    let Some(index) = visible.get(pos).map(|&i| i as usize) else {
                        continue;
                    };
                    let Some(entry) = app.index.entry(index) else {
                        continue;
                    };
                    let selected = view.selected == Some(index);
                    let mark = if selected { "▸" } else { " " };
                    let head = format!("{mark}{:>3} ", entry.mentions.len());
                    let mut style = Style::new();
                    if selected {
                        style = style
                            .patch(theme.entity(entry.kind))
                            .add_modifier(Modifier::BOLD);
                    }
                    buf.set_stringn(inner.x, y, &head, width, style);
                    let room = width.saturating_sub(head.chars().count());
                    let x = inner.x + head.chars().count() as u16;
                    let label = truncate(entry.label, room);
                    let (end, _) = buf.set_stringn(x, y, &label, room, style);
                    if let Some(context) = app.index.context(index, &app.doc, &app.entities) {
                        let used = usize::from(end - x);
                        let rest = room.saturating_sub(used + 1);
                        if rest > 3 {
                            let context = truncate(&format!("“{context}”"), rest);
                            buf.set_stringn(end + 1, y, &context, rest, theme.muted());
                        }
                    }
                    if focused && pos == view.cursor {
                        buf.set_style(
                            Rect {
                                x: inner.x,
                                y,
                                width: inner.width,
                                height: 1,
                            },
                            theme.selected(),
                        );
                    }
                }
            }
        }
        if visible.is_empty() {
            let note = if view.finding {
                crate::app::arrival::FINDING
            } else if view.filter.is_empty() {
                "no entities found"
            } else {
                "nothing matches"
            };
            // Below the kinds' headings, each with its (0).
            let y = list.y + (rows.len() as u16 + 1).min(list.height.saturating_sub(1));
            buf.set_stringn(inner.x, y, note, width, theme.muted());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows as the pane once listed them, all of them.
    fn listed(counts: [usize; 3]) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut pos = 0;
        for (kind, n) in EntityKind::ALL.into_iter().zip(counts) {
            rows.push(Row::Group(kind, n));
            rows.extend((pos..pos + n).map(Row::Entry));
            pos += n;
        }
        rows
    }

    #[test]
    fn rows_are_found_without_being_listed() {
        for counts in [[0, 0, 0], [2, 0, 3], [0, 4, 0], [1, 1, 1], [5, 2, 0]] {
            let rows = Rows { counts };
            let want = listed(counts);
            assert_eq!(rows.len(), want.len(), "{counts:?}");
            for (r, row) in want.iter().enumerate() {
                assert_eq!(rows.at(r), Some(*row), "{counts:?} row {r}");
                if let Row::Entry(pos) = row {
                    assert_eq!(rows.row_of(*pos), Some(r), "{counts:?} entry {pos}");
                }
            }
            assert_eq!(rows.at(want.len()), None);
            assert_eq!(rows.row_of(counts.iter().sum()), None);
        }
    }
}
