//! The outline: the article's sections, numbered, the current one marked,
//! page furniture dimmed, nested Markdown headings indented. Drawn as a pane
//! on wide screens and as an overlay on narrow ones; the rows it draws are
//! the rows `Panes::outline_row` maps clicks to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::{App, Focus};
use crate::sanitize;

pub struct OutlinePane<'a> {
    pub app: &'a App,
    pub theme: Theme,
    /// The whole pane or overlay, border included.
    pub frame: Rect,
    /// The entry rows.
    pub list: Rect,
    pub overlay: bool,
}

impl Widget for OutlinePane<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &self.theme;
        let focused = app.view.focus == Focus::Outline;
        if self.overlay {
            Clear.render(self.frame, buf);
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(" Sections ")
                .render(self.frame, buf);
        } else {
            Block::new()
                .borders(Borders::RIGHT)
                .border_style(theme.border(focused))
                .render(self.frame, buf);
            let label_style = if focused {
                theme.border(true)
            } else {
                theme.muted()
            };
            buf.set_stringn(
                self.list.x,
                self.frame.y,
                "Sections",
                usize::from(self.list.width),
                label_style,
            );
        }
        let sections = &app.doc.sections;
        let digits = sections.len().max(1).to_string().len();
        // Indent headings below the highest level used; the title (level 0)
        // and furniture stay flush.
        let min_level = sections
            .iter()
            .map(|s| s.level)
            .filter(|&l| l > 0)
            .min()
            .unwrap_or(1);
        let current = app.current_section();
        // Sections mentioning the selected entity get a mark at the right.
        let marked = app.sections_mentioning();
        let width = usize::from(self.list.width);
        let rows = usize::from(self.list.height);
        for (row, (i, section)) in sections
            .iter()
            .enumerate()
            .skip(app.view.outline_offset)
            .take(rows)
            .enumerate()
        {
            let y = self.list.y + row as u16;
            let mark = if i == current { "▸" } else { " " };
            let indent = "  ".repeat(usize::from(section.level.saturating_sub(min_level).min(4)));
            let title = sanitize::clean(&section.title);
            let title = if title.is_empty() {
                "(untitled)".into()
            } else {
                title
            };
            let head = format!("{mark}{:>digits$} {indent}", i + 1);
            // While a search is active each section says how many hits it
            // holds, at the right of its row.
            let partial = app.is_loading() && i + 1 == sections.len();
            let count = match app.search.section_count(&app.doc, i).filter(|_| !partial) {
                Some(n) if n > 0 => n.to_string(),
                _ => String::new(),
            };
            let mark_room = if marked.get(i).copied().unwrap_or(false) {
                2
            } else {
                0
            };
            let title_room =
                width.saturating_sub(count.width() + usize::from(!count.is_empty()) + mark_room);
            let text = truncate(&format!("{head}{title}"), title_room);
            let mut style = Style::new();
            if section.boilerplate {
                style = style.patch(theme.dim());
            }
            if i == current {
                style = style.patch(theme.current());
            }
            if focused && i == app.view.selected {
                style = style.patch(theme.selected());
                // The selection bar spans the row.
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..self.list
                    },
                    theme.selected(),
                );
            }
            buf.set_stringn(self.list.x, y, &text, width, style);
            let mut right = self.list.right();
            if !count.is_empty() && count.width() < width {
                right -= count.width() as u16;
                buf.set_stringn(
                    right,
                    y,
                    &count,
                    count.width(),
                    style.patch(theme.search_hit()),
                );
            }
            if marked.get(i).copied().unwrap_or(false) && width > 4 + count.width() {
                let kind = app
                    .entity
                    .selected
                    .and_then(|e| app.index.entry(e))
                    .map_or(crate::extract::EntityKind::Actor, |e| e.kind);
                buf.set_string(
                    right - 2,
                    y,
                    " ◆",
                    theme.entity(kind).remove_modifier(
                        ratatui::style::Modifier::ITALIC | ratatui::style::Modifier::UNDERLINED,
                    ),
                );
            }
        }
        // While only the start is read, a last row says more is coming;
        // it is no section (a click on it selects nothing).
        let shown = sections.len().saturating_sub(app.view.outline_offset);
        if let Some(reading) = app.reading_label()
            && shown < rows
        {
            let y = self.list.y + shown as u16;
            let text = truncate(&format!("  … {}", sanitize::clean(&reading)), width);
            buf.set_stringn(self.list.x, y, &text, width, theme.muted());
        }
    }
}

/// Cuts a string to `width` cells, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if out.width() + w + 1 > width {
            break;
        }
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("a longer title", 8), "a longe…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }
}
