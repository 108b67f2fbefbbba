//! The quotes view: who said what, grouped by speaker, the cursor on one
//! statement. An overlay over the body; reads `&App`, never changes it.
//! Quoted text is cleaned with `sanitize::clean` before it is drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::outline::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::extract::EntityKind;
use crate::extract::quotes::QuoteKind;
use crate::sanitize;

pub struct QuotesView<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

enum Row {
    Speaker(Option<usize>, usize),
    Quote(usize),
}

impl Widget for QuotesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &self.theme;
        let order = app.quotes_by_speaker();
        let inner = super::overlay(area, buf, theme, &format!(" Quotes ({}) ", order.len()));
        if inner.width < 4 || inner.height < 1 {
            return;
        }
        if order.is_empty() {
            buf.set_stringn(
                inner.x,
                inner.y,
                "no quotes or attributed statements found",
                usize::from(inner.width),
                theme.muted(),
            );
            return;
        }
        let mut rows = Vec::new();
        let mut last: Option<Option<usize>> = None;
        for (pos, &q) in order.iter().enumerate() {
            let speaker = app.quotes()[q].speaker;
            if last != Some(speaker) {
                let n = order
                    .iter()
                    .filter(|&&o| app.quotes()[o].speaker == speaker)
                    .count();
                rows.push(Row::Speaker(speaker, n));
                last = Some(speaker);
            }
            rows.push(Row::Quote(pos));
        }
        let height = usize::from(inner.height);
        let cursor = app.entity.panel_cursor.min(order.len() - 1);
        let cursor_row = rows
            .iter()
            .position(|r| matches!(r, Row::Quote(p) if *p == cursor))
            .unwrap_or(0);
        let offset = cursor_row
            .saturating_sub(height / 3)
            .min(rows.len().saturating_sub(height));
        let width = usize::from(inner.width);
        for (i, row) in rows.iter().skip(offset).take(height).enumerate() {
            let y = inner.y + i as u16;
            match *row {
                Row::Speaker(speaker, n) => {
                    let name = speaker
                        .and_then(|s| app.entities.entities.get(s))
                        .map_or_else(
                            || "Unattributed".to_string(),
                            |e| sanitize::clean(&e.name).into(),
                        );
                    let style = match speaker {
                        Some(_) => theme.entity(EntityKind::Actor),
                        None => theme.muted(),
                    };
                    let text = truncate(&format!("{name} ({n})"), width);
                    buf.set_stringn(inner.x, y, &text, width, style.add_modifier(Modifier::BOLD));
                }
                Row::Quote(pos) => {
                    let q = &app.quotes()[order[pos]];
                    let words = sanitize::clean(&app.doc.text[q.range.clone()]).replace('\n', " ");
                    let words = words.trim().trim_end_matches(',');
                    let text = match q.kind {
                        QuoteKind::Direct => format!("  “{words}”"),
                        QuoteKind::Reported => format!("  {words}"),
                    };
                    let style = match q.kind {
                        QuoteKind::Direct => Style::new(),
                        QuoteKind::Reported => Style::new().add_modifier(Modifier::ITALIC),
                    };
                    let text = truncate(&text, width);
                    buf.set_stringn(inner.x, y, &text, width, style);
                    if pos == cursor {
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
    }
}
