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
}

/// One row of the help: text runs with their styles.
type Row = Vec<(String, Style)>;

/// The help's rows; `key_column` is the width given to the keys.
fn rows(keymap: &Keymap, theme: &Theme, key_column: usize) -> Vec<Row> {
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
            out.push(vec![
                (
                    format!(
                        "  {:<key_column$} ",
                        truncate(&keys_label(&b.names), key_column)
                    ),
                    theme.current(),
                ),
                // A config's text is data: what would act on the terminal
                // or hide shows as a marker, as in an article.
                (sanitize::clean(&b.description).into_owned(), Style::new()),
            ]);
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

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        let w = area.width.saturating_sub(4).min(76);
        // Keys get up to 22 columns, less on narrow screens so the
        // descriptions keep room.
        let key_column = usize::from(w.saturating_sub(4)).saturating_sub(3) * 2 / 5;
        let rows = rows(self.app.keymap(), theme, key_column.min(22));
        let h = area.height.saturating_sub(2).min(rows.len() as u16 + 2);
        if w < 3 || h < 3 {
            return;
        }
        let frame = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        };
        Clear.render(frame, buf);
        let more = rows.len() > usize::from(h - 2);
        let title = if more {
            " Help (j/k scroll) "
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
        let skip = usize::from(self.app.view.help_scroll).min(max_scroll);
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
        let text: Vec<String> = rows(&keymap, &Theme::new(false), 12)
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
