//! The help overlay: the keymap table, grouped by mode, and the legend of
//! the highlight styles. Written from the same table that answers key
//! presses, so it cannot disagree with them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::outline::truncate;
use super::theme::{Theme, kind_label};
use crate::app::App;
use crate::extract::EntityKind;
use crate::keymap::{Keymap, Mode, keys_label};
use crate::sanitize;

pub struct HelpOverlay<'a> {
    pub app: &'a App,
    pub theme: Theme,
    /// Rows scrolled past.
    pub scroll: u16,
}

/// One row of the help: text runs with their styles.
type Row = Vec<(String, Style)>;

/// The widest the help gets: wider, a line is long to read.
const MAX_WIDTH: u16 = 92;

/// The help's rows for `width` columns of text: each key, then what it
/// does, wrapped under itself rather than cut.
fn rows(keymap: &Keymap, theme: &Theme, width: usize) -> Vec<Row> {
    // Keys get up to 22 columns, less on narrow screens so the
    // descriptions keep room.
    let key_column = (width.saturating_sub(3) * 2 / 5).min(22);
    let text_width = width.saturating_sub(key_column + 3).max(8);
    let mut out: Vec<Row> = Vec::new();
    for mode in [
        Mode::Body,
        Mode::Normal,
        Mode::Outline,
        Mode::Prompt,
        Mode::Entities,
        Mode::Filter,
        Mode::Quotes,
        Mode::Map,
        Mode::Links,
        Mode::Feed,
        Mode::Help,
    ] {
        let bindings: Vec<_> = keymap
            .bindings()
            .iter()
            .filter(|b| b.mode == mode)
            .collect();
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Vec::new());
        }
        out.push(vec![(mode.title().to_string(), theme.current())]);
        for b in bindings {
            let keys = format!(
                "  {:<key_column$} ",
                truncate(&keys_label(&b.names), key_column)
            );
            // A config's text is data: what would act on the terminal or
            // hide shows as a marker, as in an article.
            let description = sanitize::clean(&b.description);
            for (i, line) in textwrap::wrap(&description, text_width)
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 {
                    keys.clone()
                } else {
                    " ".repeat(key_column + 3)
                };
                out.push(vec![
                    (lead, theme.current()),
                    (line.into_owned(), Style::new()),
                ]);
            }
        }
    }
    out.push(Vec::new());
    let mut legend: Row = vec![("Highlights  ".to_string(), theme.current())];
    for kind in EntityKind::ALL {
        legend.push((kind_label(kind).to_string(), theme.entity(kind)));
        legend.push(("  ".to_string(), Style::new()));
    }
    out.push(legend);
    out
}

/// Where the help goes on a screen of `area` with `rows` rows of text:
/// its frame, or `None` when there is no room for one.
fn frame(area: Rect, rows: usize) -> Option<Rect> {
    let w = area.width.saturating_sub(4).min(MAX_WIDTH);
    let h = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2));
    (w >= 3 && h >= 3).then(|| Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    })
}

/// The width of the help's text in a frame `frame_width` wide.
fn text_width(frame_width: u16) -> usize {
    usize::from(frame_width.saturating_sub(4))
}

/// On a screen of `size` (columns, rows): how many rows of the help show at
/// once, and the furthest it scrolls. The reader pages and stops by these.
pub fn scroll_room(keymap: &Keymap, size: (u16, u16)) -> (usize, usize) {
    let area = Rect::new(0, 0, size.0, size.1);
    let width = text_width(area.width.saturating_sub(4).min(MAX_WIDTH));
    let total = rows(keymap, &Theme::new(false), width).len();
    let shown = frame(area, total).map_or(0, |f| usize::from(f.height - 2));
    (shown, total.saturating_sub(shown))
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        let width = text_width(area.width.saturating_sub(4).min(MAX_WIDTH));
        let rows = rows(self.app.keymap(), theme, width);
        let Some(frame) = frame(area, rows.len()) else {
            return;
        };
        let (w, h) = (frame.width, frame.height);
        Clear.render(frame, buf);
        let more = rows.len() > usize::from(h - 2);
        let title = if more {
            " Help (j/k scroll, Space/b page) "
        } else {
            " Help "
        };
        Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border(true))
            .title(title)
            .render(frame, buf);
        let inner = Rect {
            x: frame.x + 2,
            y: frame.y + 1,
            width: w.saturating_sub(4),
            height: h - 2,
        };
        let max_scroll = rows.len().saturating_sub(usize::from(inner.height));
        let skip = usize::from(self.scroll).min(max_scroll);
        for (i, row) in rows
            .iter()
            .skip(skip)
            .take(usize::from(inner.height))
            .enumerate()
        {
            let y = inner.y + i as u16;
            let mut x = inner.x;
            for (text, style) in row {
                let room = usize::from(inner.right().saturating_sub(x));
                x = buf.set_stringn(x, y, text, room, *style).0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_descriptions_show_markers() {
        let config = "[[key]]\nkeys = [\"]\"]\naction = \"next_section\"\n\
            description = \"desc \\u001b]0;DESCTITLE\\u0007 \\u202e \\u009b2J z\\u200bw t\\U000E0041\"\n\
            mode = \"normal\"\n";
        let mut keymap = Keymap::default();
        keymap.merge(Keymap::parse(config).expect("valid"));
        let text: Vec<String> = rows(&keymap, &Theme::new(false), 200)
            .into_iter()
            .map(|row| row.into_iter().map(|(t, _)| t).collect())
            .collect();
        assert!(
            text.iter()
                .any(|r| r.contains("desc ^[]0;DESCTITLE^G ⟨RLO⟩ <U+009B>2J zw t<U+E0041>")),
            "{text:#?}"
        );
    }
}
