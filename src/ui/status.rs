//! The status line: file name, section i/n, position, a legend of the
//! highlight styles and the key hints from the keymap (or a message). Reverse
//! video, which article text never uses, so it cannot be forged by content.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::outline::truncate;
use super::theme::{Theme, kind_label};
use crate::app::App;
use crate::app::search::Pending;
use crate::extract::EntityKind;
use crate::keymap::display_name;
use crate::sanitize;
use crate::search::Query;

pub struct StatusLine<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &self.theme;
        buf.set_style(area, theme.status());
        let name = sanitize::clean(&app.doc.short_name()).into_owned();
        let sections = app.doc.sections.len();
        let reading = app.fetch_label().or_else(|| app.reading_label());
        // While only the start is in, the count of sections (and of a
        // search's hits) is a lower bound.
        let more = if reading.is_some() { "+" } else { "" };
        let place = if sections == 0 {
            format!(" {}% ", app.percent())
        } else {
            format!(
                " §{}/{sections}{more} {}% ",
                app.current_section() + 1,
                app.percent()
            )
        };
        // Until the entities arrive the line says they are on their way,
        // so an article without highlights does not look like one without
        // names; before that, that the article itself is.
        let place = match &reading {
            Some(reading) => format!("{place}{} ", sanitize::clean(reading)),
            None if app.entity.finding => format!("{place}{} ", crate::app::arrival::FINDING),
            None => place,
        };
        // A kept search says where it is, whatever else the line shows;
        // the mentions of an entity (`}`) say whose they are.
        let whose = match app.search.active.as_ref().map(|s| &s.query) {
            Some(Query::Entity(name)) => format!(" · {}", truncate(&sanitize::clean(name), 24)),
            _ => String::new(),
        };
        let place = match app.search.label() {
            Some(label) if !label.ends_with('+') => format!("{place}match {label}{more}{whose} "),
            Some(label) => format!("{place}match {label}{whose} "),
            None => place,
        };
        // What changes the next key or the body says so: a pending `m` or
        // `'` waits for a letter, focus mode dims what is not about the
        // selected entity.
        let place = match app.search.pending {
            Some(Pending::Mark) => format!("{place}mark: a letter? "),
            Some(Pending::JumpMark) => format!("{place}go to mark: a letter? "),
            None => place,
        };
        let focus = app.entity.selected.and_then(|s| app.index.entry(s));
        let place = match focus.filter(|_| app.entity.focus_mode) {
            Some(entry) => format!(
                "{place}focus: {} ",
                truncate(&sanitize::clean(entry.label), 24)
            ),
            None => place,
        };
        let width = usize::from(area.width);
        // The name yields first on narrow screens, so the hints keep room.
        let name_room = width
            .saturating_sub(place.width() + 1)
            .min(40)
            .min((width / 3).max(8));
        let name = format!(" {}", truncate(&name, name_room.saturating_sub(1)));
        let right = area.right();
        let mut x = buf
            .set_stringn(area.x, area.y, &name, width, theme.status_key())
            .0;
        x = buf
            .set_stringn(
                x,
                area.y,
                &place,
                usize::from(right.saturating_sub(x)),
                theme.status(),
            )
            .0;

        if let Some(message) = &app.view.message {
            let text = format!(" {}", sanitize::clean(message));
            buf.set_stringn(
                x,
                area.y,
                &text,
                usize::from(right.saturating_sub(x)),
                theme.status().patch(theme.note()),
            );
            return;
        }

        let modes = app.modes();
        let hints: Vec<(String, std::borrow::Cow<'_, str>)> = app
            .keymap()
            .hints(&modes)
            .map(|(k, label)| (display_name(k), crate::sanitize::clean(label)))
            .collect();
        let room = usize::from(right.saturating_sub(x));
        // Hints are right-aligned; when they do not all fit, the first ones
        // go, so the last of the table (help, quit) stay.
        let hint_width =
            |h: &(String, std::borrow::Cow<'_, str>)| h.0.width() + 1 + h.1.width() + 2;
        let mut used: usize = hints.iter().map(hint_width).sum();
        let mut skip = 0;
        while skip < hints.len() && used + 1 > room {
            used -= hint_width(&hints[skip]);
            skip += 1;
        }
        let shown = &hints[skip..];
        // The legend, in what room is left: each kind in its own style,
        // struck out while its highlighting is off.
        let legend_width: usize = EntityKind::ALL
            .iter()
            .map(|k| kind_label(*k).len() + 1)
            .sum();
        if room >= used + legend_width + 2 {
            // One space, then each label followed by a space.
            let mut lx = x + 1;
            for kind in EntityKind::ALL {
                let mut style = theme.status().patch(theme.entity(kind));
                if !app.highlights(kind) {
                    style = style.add_modifier(Modifier::CROSSED_OUT | Modifier::DIM);
                }
                lx = buf.set_stringn(lx, area.y, kind_label(kind), 10, style).0 + 1;
            }
        }
        let mut hx = right.saturating_sub(used as u16);
        for (key, label) in shown {
            hx = buf.set_stringn(hx, area.y, key, 20, theme.status_key()).0;
            hx = buf
                .set_stringn(hx, area.y, format!(" {label}  "), 30, theme.status())
                .0;
        }
    }
}
