//! The link list: the article's links numbered in reading order, each its
//! text and where it leads, the cursor on one (`Enter` follows it). An
//! overlay over the body; reads `&App`, never changes it. Link text and
//! targets are cleaned with `sanitize::clean` before they are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::outline::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::document::InlineKind;
use crate::sanitize;

pub struct LinksView<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for LinksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &self.theme;
        let links = &app.links;
        let inner = super::overlay(area, buf, theme, &format!(" Links ({}) ", links.len()));
        if inner.width < 8 || inner.height < 1 {
            return;
        }
        let width = usize::from(inner.width);
        if links.is_empty() {
            buf.set_stringn(
                inner.x,
                inner.y,
                "the article has no links",
                width,
                theme.muted(),
            );
            return;
        }
        let height = usize::from(inner.height);
        let cursor = app.entity.panel_cursor.min(links.len() - 1);
        let offset = cursor
            .saturating_sub(height / 3)
            .min(links.len().saturating_sub(height));
        let digits = links.len().to_string().len();
        let link_style = theme.inline(&InlineKind::Link {
            target: String::new(),
        });
        let shown: Vec<_> = links.iter().enumerate().skip(offset).take(height).collect();
        // Targets line up in a column after the longest text shown, which
        // gets at most two thirds of the row.
        let room = width.saturating_sub(digits + 2);
        let text_column = shown
            .iter()
            .map(|(_, l)| sanitize::clean(&l.text).width())
            .max()
            .unwrap_or(0)
            .min(room * 2 / 3);
        for &(i, link) in &shown {
            let y = inner.y + (i - offset) as u16;
            let number = format!("{:>digits$}  ", i + 1);
            let text = truncate(&sanitize::clean(&link.text), text_column);
            let target = sanitize::clean(&link.target);
            buf.set_stringn(inner.x, y, &number, width, theme.muted());
            let x = inner.x + number.width() as u16;
            buf.set_stringn(x, y, &text, room, link_style);
            let used = number.width() + text_column + 2;
            if used < width {
                let target = truncate(&target, width - used);
                buf.set_stringn(
                    inner.x + used as u16,
                    y,
                    &target,
                    width - used,
                    theme.muted(),
                );
            }
            if i == cursor {
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

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;

    use crate::app::{Action, App};
    use crate::document::{Document, Format};
    use crate::keymap::Keymap;

    fn screen(app: &App, w: u16, h: u16) -> (Vec<String>, ratatui::buffer::Buffer) {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        terminal.draw(|f| crate::ui::draw(f, app)).expect("drawn");
        let buf = terminal.backend().buffer().clone();
        let rows = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect();
        (rows, buf)
    }

    #[test]
    fn the_list_numbers_the_links_lines_up_their_targets_and_marks_the_cursor() {
        let mut text = String::from("# Harbour\n\nSee [the storm report](storm.md) first.\n\n");
        for i in 0..30 {
            text.push_str(&format!("Paragraph {i} about the harbour.\n\n"));
        }
        text.push_str(
            "Then [the port's notice](https://port.example/notice) and [\u{1b}[31mred](x.md).\n",
        );
        let doc =
            Document::from_bytes("notes.md", text.as_bytes(), Some(Format::Markdown)).expect("doc");
        let mut app = App::new(doc, Default::default(), Keymap::default());
        for (w, h) in [(80, 24), (160, 48)] {
            app.update(Action::Resize(w, h));
            app.update(Action::Bottom);
            app.update(Action::Links);
            let (rows, buf) = screen(&app, w, h);
            let all = rows.join("\n");
            assert!(all.contains("Links (3)"), "{all}");
            let row = |needle: &str| {
                rows.iter()
                    .position(|r| r.contains(needle))
                    .unwrap_or_else(|| panic!("{needle} at {w}x{h}:\n{all}"))
            };
            let (first, second) = (row("1  the storm report"), row("2  the port's notice"));
            assert_eq!(second, first + 1);
            let column = |r: usize, target: &str| rows[r].find(target).expect("target");
            assert_eq!(
                column(first, "storm.md"),
                column(second, "https://port.example")
            );
            // The cursor is on the first link below the top line.
            let cursor = buf[(3, second as u16)].modifier;
            assert!(cursor.contains(Modifier::REVERSED), "{w}x{h}");
            assert!(!buf[(3, first as u16)].modifier.contains(Modifier::REVERSED));
            assert!(!all.contains('\u{1b}'), "escapes never reach the screen");
            app.update(Action::Links);
            app.update(Action::Top);
        }
    }
}
