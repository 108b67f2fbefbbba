//! ANSI output of the body pane, for print mode: the reader's own body
//! widget draws the wrapped article into a buffer, a page at a time, and
//! each row's cells become text and SGR sequences.
//!
//! Every symbol comes from the wrap cache, so it is already sanitised; the
//! only escape sequences written are the SGR codes made here. A row ends
//! with a reset, so a pager or a truncated pipe never inherits a style.

use std::io::{self, Write};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::body::BodyPane;
use super::theme::Theme;
use crate::app::Level;
use crate::document::Document;
use crate::extract::Entities;
use crate::extract::calm::Quiet;
use crate::layout::{Line, WrapCache, Wrapped};

/// Rows drawn per buffer: bounds memory for long articles.
const PAGE: usize = 256;

/// Which mentions a printout lights.
#[derive(Debug, Clone, Copy)]
pub struct Lit<'a> {
    /// Per entity kind (actor, place, number).
    pub highlight: [bool; 3],
    pub level: Level,
    /// The mentions the calm level leaves plain (for [`Level::First`]).
    pub quiet: Option<&'a Quiet>,
}

/// Writes every line of a wrap cache (measured whole) with its styles:
/// `entities` highlighted as `lit` says.
pub fn write_body(
    cache: Wrapped<'_>,
    entities: &Entities,
    lit: Lit<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc: &Document = cache.doc;
    let width = cache.width().max(1);
    let total = cache.len();
    let mut line = String::new();
    let mut start = 0;
    while start < total {
        let rows = PAGE.min(total - start);
        let area = Rect::new(0, 0, width, rows as u16);
        let mut buf = Buffer::empty(area);
        BodyPane {
            doc,
            cache: Wrapped {
                cache: cache.cache,
                doc,
            },
            entities,
            highlight: lit.highlight,
            level: lit.level,
            quiet: lit.quiet,
            top: start,
            total,
            // Print mode shows the article as it is: no search, no
            // selection, no scrollbar.
            search: None,
            focus_mode: false,
            theme,
            scrollbar: Rect::default(),
            chosen: Vec::new(),
            current: None,
        }
        .render(area, &mut buf);
        for y in 0..rows as u16 {
            line.clear();
            row_to_ansi(&buf, y, &mut line);
            writeln!(out, "{line}")?;
        }
        start += rows;
    }
    out.flush()
}

/// Writes `lines` of `doc` (laid out `width` cells wide) with their
/// styles, as [`write_body`] writes a wrap cache's: for an article printed
/// a piece at a time, whose lines come from `layout::stream_lines_after`.
pub fn write_lines(
    doc: &Document,
    lines: impl Iterator<Item = Line>,
    width: u16,
    entities: &Entities,
    lit: Lit<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = width.max(1);
    let empty = WrapCache::empty();
    let pane = BodyPane {
        doc,
        cache: Wrapped { cache: &empty, doc },
        entities,
        highlight: lit.highlight,
        level: lit.level,
        quiet: lit.quiet,
        top: 0,
        total: 0,
        search: None,
        focus_mode: false,
        theme,
        scrollbar: Rect::default(),
        chosen: Vec::new(),
        current: None,
    };
    let mut lines = lines.peekable();
    let mut row = String::new();
    while lines.peek().is_some() {
        let page: Vec<Line> = lines.by_ref().take(PAGE).collect();
        let area = Rect::new(0, 0, width, page.len() as u16);
        let mut buf = Buffer::empty(area);
        for (y, line) in page.iter().enumerate() {
            let y = y as u16;
            pane.draw_line(
                line,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                &mut buf,
            );
        }
        for y in 0..area.height {
            row.clear();
            row_to_ansi(&buf, y, &mut row);
            writeln!(out, "{row}")?;
        }
    }
    Ok(())
}

/// One buffer row as text with SGR codes, trailing blanks dropped.
fn row_to_ansi(buf: &Buffer, y: u16, line: &mut String) {
    let width = buf.area.width;
    // The last cell that shows something: trailing unstyled blanks go.
    let mut end = 0;
    for x in 0..width {
        let cell = &buf[(x, y)];
        if cell.symbol() != " " || has_visible_style(cell.style()) {
            end = x + 1;
        }
    }
    let mut current = Style::default();
    let mut x = 0;
    while x < end {
        let cell = &buf[(x, y)];
        let style = plain(cell.style());
        if style != current {
            line.push_str(&sgr(style));
            current = style;
        }
        line.push_str(cell.symbol());
        // A wide character covers the cells after it.
        x += cell.symbol().width().max(1) as u16;
    }
    if current != Style::default() {
        line.push_str("\x1b[0m");
    }
}

/// A cell's style without the `Reset` colours an empty buffer is filled
/// with, which mean "no colour" here.
fn plain(style: Style) -> Style {
    let keep = |c: Option<Color>| c.filter(|&c| c != Color::Reset);
    Style {
        fg: keep(style.fg),
        bg: keep(style.bg),
        underline_color: None,
        sub_modifier: Modifier::empty(),
        ..style
    }
}

/// Whether a blank cell with this style would look different from a plain
/// one (underlined or reversed blanks are visible).
fn has_visible_style(style: Style) -> bool {
    style.bg.is_some_and(|c| c != Color::Reset)
        || style
            .add_modifier
            .intersects(Modifier::UNDERLINED | Modifier::REVERSED | Modifier::CROSSED_OUT)
}

/// The SGR sequence that sets exactly this style (reset first).
pub fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_string()];
    let m = style.add_modifier;
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(modifier) {
            codes.push(code.into());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color_code(c, false)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color_code(c, true)) {
        codes.push(bg);
    }
    format!("\x1b[{}m", codes.join(";"))
}

fn color_code(color: Color, background: bool) -> Option<String> {
    let base = if background { 40 } else { 30 };
    let named = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match color {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_become_sgr_codes() {
        let cases = [
            (Style::new(), "\x1b[0m"),
            (
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                "\x1b[0;1;36m",
            ),
            (
                Style::new()
                    .fg(Color::Indexed(114))
                    .add_modifier(Modifier::ITALIC),
                "\x1b[0;3;38;5;114m",
            ),
            (Style::new().fg(Color::DarkGray), "\x1b[0;90m"),
            (Style::new().bg(Color::Rgb(1, 2, 3)), "\x1b[0;48;2;1;2;3m"),
        ];
        for (style, want) in cases {
            assert_eq!(sgr(style), want, "{style:?}");
        }
    }

    #[test]
    fn wide_characters_are_written_once() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "漢字x", Style::new());
        let mut line = String::new();
        row_to_ansi(&buf, 0, &mut line);
        assert_eq!(line, "漢字x");
    }
}
