//! Drawing the feed view: a header naming the feeds and counting unread
//! items, the list (unread marker, date, feed, title), the summary of the
//! item under the cursor, the entity pane across the items (actors, then
//! places, each under a heading), and the status
//! line (a message, else the key hints). Reads the view, never changes it;
//! every string from a feed passes `sanitize::clean` before it reaches a
//! cell.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::outline::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::app::feed::{FeedView, Order, Status, layout};
use crate::extract::EntityKind;
use crate::keymap::display_name;
use crate::sanitize::clean;

/// The unread marker.
const UNREAD: &str = "●";

/// Draws the feed view into `buf`.
pub fn render(app: &App, view: &FeedView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    if area.width < 20 || area.height < 5 {
        super::too_small(area, buf);
        return;
    }
    let size = (area.width, area.height);
    let l = layout(size, view.pane.shown);
    let shift = |r: Rect| Rect::new(r.x + area.x, r.y + area.y, r.width, r.height);
    header(view, &theme, shift(l.header), buf);
    list(view, &theme, shift(l.list), buf);
    summary(view, &theme, shift(l.summary), buf);
    if let Some(pane) = l.entities {
        entity_pane(view, &theme, shift(pane), buf);
    }
    status(app, view, &theme, shift(l.status), buf);
    if view.help {
        super::help::HelpOverlay {
            app,
            theme,
            scroll: view.help_scroll,
        }
        .render(area, buf);
    }
}

fn header(view: &FeedView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status());
    let name = match (view.only_feed, view.sources.len()) {
        (Some(f), _) => view.sources[f].name.clone(),
        (None, 1) => view.sources[0].name.clone(),
        (None, n) => format!("{n} feeds"),
    };
    let name = clean(&name);
    let total = view.shown.len();
    let mut facts = format!(" {} unread of {total}", view.unread());
    facts.push_str(match view.order {
        Order::Date => " · newest first",
        Order::Feed => " · by feed",
    });
    if let Some(label) = view.selected_label() {
        facts.push_str(&format!(" · mentioning {}", clean(label)));
    }
    let loading: Vec<String> = view
        .sources
        .iter()
        .filter_map(|s| match s.status {
            Status::Loading(b) => Some(crate::app::fetching::bytes_label(b)),
            _ => None,
        })
        .collect();
    if !loading.is_empty() {
        facts.push_str(&format!(" · fetching {} feed(s)…", loading.len()));
    }
    let failed = view
        .sources
        .iter()
        .filter(|s| matches!(s.status, Status::Failed(_)))
        .count();
    if failed > 0 {
        facts.push_str(&format!(" · {failed} failed"));
    }
    let width = usize::from(area.width);
    let room = width.saturating_sub(facts.width()).clamp(8, 60);
    let x = buf
        .set_stringn(
            area.x,
            area.y,
            format!(" {}", truncate(&name, room.saturating_sub(1))),
            width,
            theme.status_key(),
        )
        .0;
    buf.set_stringn(
        x,
        area.y,
        &facts,
        usize::from(area.right().saturating_sub(x)),
        theme.status(),
    );
}

/// `Mar 02` for a date, blanks for none.
pub fn short_date(date: Option<i64>) -> String {
    date.and_then(|d| chrono::DateTime::from_timestamp(d, 0))
        .map_or_else(|| "      ".to_string(), |d| d.format("%b %d").to_string())
}

fn list(view: &FeedView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    if view.shown.is_empty() {
        let note = if view.loading() {
            "fetching…".to_string()
        } else if let Some(Status::Failed(e)) = view
            .sources
            .iter()
            .map(|s| &s.status)
            .find(|s| matches!(s, Status::Failed(_)))
        {
            clean(e).into_owned()
        } else {
            "no items".to_string()
        };
        buf.set_stringn(
            area.x + 2,
            area.y + area.height / 2,
            truncate(&note, usize::from(area.width.saturating_sub(4))),
            usize::from(area.width),
            theme.muted(),
        );
        return;
    }
    let several = view.sources.len() > 1;
    let feed_width = view
        .sources
        .iter()
        .map(|s| clean(&s.name).width())
        .max()
        .unwrap_or(0)
        .min(usize::from(area.width / 5))
        .max(6);
    let rows = usize::from(area.height);
    for (row, &i) in view.shown.iter().skip(view.offset).take(rows).enumerate() {
        let e = &view.entries[i as usize];
        let y = area.y + row as u16;
        let current = view.offset + row == view.cursor;
        let base = if current {
            theme.selected()
        } else if e.read {
            theme.muted()
        } else {
            Style::new()
        };
        if current {
            buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        }
        let mut x = area.x;
        let right = area.right();
        let room = |x: u16| usize::from(right.saturating_sub(x));
        let marker = if e.read { " " } else { UNREAD };
        x = buf.set_stringn(x, y, " ", room(x), base).0;
        x = buf
            .set_stringn(x, y, marker, room(x), base.patch(theme.current()))
            .0;
        x = buf.set_stringn(x, y, " ", room(x), base).0;
        x = buf
            .set_stringn(
                x,
                y,
                short_date(e.item.date),
                room(x),
                base.patch(theme.dim()),
            )
            .0;
        x = buf.set_stringn(x, y, "  ", room(x), base).0;
        if several {
            let name = clean(&view.sources[e.feed].name);
            let name = format!("{:<feed_width$}", truncate(&name, feed_width));
            x = buf
                .set_stringn(x, y, name, room(x), base.patch(theme.dim()))
                .0;
            x = buf.set_stringn(x, y, "  ", room(x), base).0;
        }
        let title_style = if e.read || current {
            base
        } else {
            base.add_modifier(Modifier::BOLD)
        };
        let title = clean(&e.item.title);
        buf.set_stringn(x, y, truncate(&title, room(x)), room(x), title_style);
    }
}

fn summary(view: &FeedView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let rule = "─".repeat(usize::from(area.width));
    buf.set_stringn(
        area.x,
        area.y,
        rule,
        usize::from(area.width),
        theme.border(false),
    );
    let Some(e) = view.current() else { return };
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let mut lines: Vec<(String, Style)> = Vec::new();
    // The list cuts a long title; here it is whole, wrapped.
    let title = clean(&e.item.title);
    for line in textwrap::wrap(&title, width) {
        lines.push((
            line.into_owned(),
            theme.current().add_modifier(Modifier::BOLD),
        ));
    }
    // A long feed name must not push the date off the line.
    let name = clean(&view.sources[e.feed].name);
    let mut facts = vec![truncate(&name, (width / 3).max(12))];
    if let Some(d) = e
        .item
        .date
        .and_then(|d| chrono::DateTime::from_timestamp(d, 0))
    {
        facts.push(d.format("%Y-%m-%d %H:%M").to_string());
    }
    if !e.item.authors.is_empty() {
        facts.push(clean(&e.item.authors.join(", ")).into_owned());
    }
    facts.push(if e.item.content.is_some() {
        "full text in the feed".to_string()
    } else {
        "page fetched when opened".to_string()
    });
    lines.push((facts.join(" · "), theme.dim()));
    if let Some(link) = &e.item.link {
        lines.push((clean(link).into_owned(), theme.muted()));
    }
    let text = crate::feed::summary_text(&e.item);
    let text = clean(&text);
    for line in textwrap::wrap(&text, width) {
        lines.push((line.into_owned(), Style::new()));
    }
    for (i, (line, style)) in lines
        .iter()
        .take(usize::from(area.height.saturating_sub(1)))
        .enumerate()
    {
        let y = area.y + 1 + i as u16;
        buf.set_stringn(area.x + 1, y, truncate(line, width), width, *style);
    }
}

fn entity_pane(view: &FeedView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{Block, Borders, Clear};
    Clear.render(area, buf);
    let focused = view.pane.focused;
    Block::new()
        .borders(Borders::LEFT)
        .border_style(theme.border(focused))
        .render(area, buf);
    let inner = Rect::new(
        area.x + 2,
        area.y,
        area.width.saturating_sub(3),
        area.height,
    );
    let w = usize::from(inner.width);
    let title = match &view.pane.index {
        Some(index) => format!("Names across {} items", index.items),
        None => "Names across the items".to_string(),
    };
    buf.set_stringn(inner.x, inner.y, truncate(&title, w), w, theme.current());
    let Some(index) = &view.pane.index else {
        let note = if view.pane.finding {
            crate::app::arrival::FINDING
        } else {
            "e to find them"
        };
        buf.set_stringn(inner.x, inner.y + 2, truncate(note, w), w, theme.muted());
        return;
    };
    if index.entries.is_empty() {
        buf.set_stringn(inner.x, inner.y + 2, "no names found", w, theme.muted());
        return;
    }
    // Actors, then places (the view keeps them in that order), each group
    // under a heading with its size; a name's count is of items.
    let actors = index
        .entries
        .iter()
        .take_while(|e| e.kind == EntityKind::Actor)
        .count();
    let places = index.entries.len() - actors;
    let row_of = |i: usize| if i < actors { i + 1 } else { i + 2 };
    let total_rows = index.entries.len() + 2;
    let rows = usize::from(inner.height.saturating_sub(2));
    let offset = row_of(view.pane.cursor)
        .saturating_sub(rows.saturating_sub(1))
        .min(total_rows.saturating_sub(rows));
    for (n, r) in (offset..total_rows).take(rows).enumerate() {
        let y = inner.y + 2 + n as u16;
        let group = match r {
            0 => Some((EntityKind::Actor, "Actors", actors)),
            r if r == actors + 1 => Some((EntityKind::Place, "Places", places)),
            _ => None,
        };
        if let Some((kind, name, count)) = group {
            let style = theme
                .entity(kind)
                .remove_modifier(Modifier::ITALIC | Modifier::UNDERLINED)
                .add_modifier(Modifier::BOLD);
            let x = buf
                .set_stringn(inner.x, y, format!("{name} ({count})"), w, style)
                .0;
            let note = "items";
            let nx = inner.right().saturating_sub(note.len() as u16);
            if nx > x + 1 {
                buf.set_stringn(nx, y, note, note.len(), theme.dim());
            }
            continue;
        }
        let i = if r <= actors { r - 1 } else { r - 2 };
        let Some(entry) = index.entries.get(i) else {
            continue;
        };
        let count = entry.items.len().to_string();
        let label_room = w.saturating_sub(count.len() + 3);
        let mut style = theme.entity(entry.kind);
        if view.pane.selected == Some(i) {
            style = theme.chosen(entry.kind);
        }
        let mark = if i == view.pane.cursor && focused {
            "▸"
        } else {
            " "
        };
        let x = buf.set_stringn(inner.x, y, mark, 1, theme.current()).0;
        let label = truncate(&clean(&entry.label), label_room);
        buf.set_stringn(x + 1, y, &label, label_room, style);
        let cx = inner.right().saturating_sub(count.len() as u16);
        buf.set_stringn(cx, y, &count, count.len(), theme.dim());
    }
}

fn status(app: &App, view: &FeedView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status());
    if let Some(message) = &view.message {
        buf.set_stringn(
            area.x,
            area.y,
            format!(" {}", clean(message)),
            usize::from(area.width),
            theme.status().patch(theme.note()),
        );
        return;
    }
    // The feed view's own keys, and help and quit; the reader's hints
    // (sections, outline) mean nothing here.
    use crate::app::Action as A;
    let pane = view.pane.shown && view.pane.focused;
    let wanted = |a: A| match a {
        A::EntitySelect | A::Back => pane,
        A::FeedOpen | A::FeedNextUnread | A::FeedReload | A::ToggleEntities => !pane,
        A::Help | A::Quit => true,
        _ => false,
    };
    let modes = app.modes();
    let hints: Vec<(String, &str)> = app
        .keymap()
        .bindings()
        .iter()
        .filter(|b| modes.contains(&b.mode) && wanted(b.action))
        .filter_map(|b| Some((display_name(b.names.first()?), b.hint.as_deref()?)))
        .collect();
    let room = usize::from(area.width);
    let hint_width = |h: &(String, &str)| h.0.width() + 1 + h.1.width() + 2;
    let mut used: usize = hints.iter().map(hint_width).sum();
    let mut skip = 0;
    while skip < hints.len() && used + 1 > room {
        used -= hint_width(&hints[skip]);
        skip += 1;
    }
    let mut hx = area.right().saturating_sub(used as u16);
    for (key, label) in &hints[skip..] {
        hx = buf.set_stringn(hx, area.y, key, 20, theme.status_key()).0;
        hx = buf
            .set_stringn(hx, area.y, format!(" {label}  "), 30, theme.status())
            .0;
    }
}
