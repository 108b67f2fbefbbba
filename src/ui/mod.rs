//! Drawing: `draw(frame, &App)` builds the small pane widgets of one frame
//! (outline, body, status line, overlays) from the app's state and the pane
//! rectangles of `Panes`, and never changes the state.
//!
//! Only the visible rows of the article are touched. Everything drawn comes
//! from the wrap cache or passes through `sanitize::clean`, so no control,
//! escape or bidi character ever reaches a cell. Any size works, 0x0
//! included: below the minimum the frame says the terminal is too small.

pub mod ansi;
mod body;
mod entity_pane;
pub mod feed;
mod help;
mod links;
pub use help::scroll_room as help_scroll_room;
pub mod map;
mod outline;
mod prompt;
mod quotes;
mod status;
mod tabs;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Overlay};
use body::BodyPane;
use help::HelpOverlay;
use outline::{OutlinePane, truncate};
use status::StatusLine;

/// Draws one frame.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if let (Some(view), crate::app::Screen::Feed) = (app.feed_view(), app.screen()) {
        feed::render(app, view, area, frame.buffer_mut());
        return;
    }
    render(app, area, frame.buffer_mut());
    let panes = app.panes_for(area);
    if let (Some(prompt), false) = (&app.search.prompt, panes.too_small) {
        let line = prompt::PromptLine {
            app,
            prompt,
            theme: app.theme(),
        };
        frame.set_cursor_position(line.cursor(panes.status));
    }
}

/// Draws the reader into a buffer area (what `draw` does, for tests and
/// benchmarks that hold a bare buffer).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = app.theme();
    let panes = app.panes_for(area);
    if panes.too_small {
        too_small(area, buf);
        return;
    }
    use ratatui::widgets::Widget;
    if let (Some(frame), Some(list)) = (panes.outline, panes.outline_list) {
        OutlinePane {
            app,
            theme,
            frame,
            list,
            overlay: false,
        }
        .render(frame, buf);
    }
    BodyPane::of(app, theme, panes.scrollbar).render(panes.text, buf);
    if let Some(rect) = panes.entities {
        entity_pane::EntityPane {
            app,
            theme,
            docked: panes.entities_docked,
        }
        .render(rect, buf);
    }
    match &app.search.prompt {
        Some(prompt) => prompt::PromptLine { app, prompt, theme }.render(panes.status, buf),
        None => StatusLine { app, theme }.render(panes.status, buf),
    }
    tabs::TabBar { app, theme }.render(panes.body, buf);
    if let (Some(frame), Some(list)) = (panes.overlay, panes.outline_list) {
        OutlinePane {
            app,
            theme,
            frame,
            list,
            overlay: true,
        }
        .render(frame, buf);
    }
    let main = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    match app.entity.panel {
        Some(crate::app::entities::Panel::Quotes) => {
            quotes::QuotesView { app, theme }.render(main, buf);
        }
        Some(crate::app::entities::Panel::Map) => {
            map::MapView { app, theme }.render(main, buf);
        }
        Some(crate::app::entities::Panel::Links) => {
            links::LinksView { app, theme }.render(main, buf);
        }
        None => {}
    }
    if app.view.overlay == Some(Overlay::Help) {
        HelpOverlay {
            app,
            theme,
            scroll: app.view.help_scroll,
        }
        .render(area, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let note = format!("Terminal too small ({}x{})", area.width, area.height);
    let text = truncate(&note, usize::from(area.width));
    let y = area.y + area.height / 2;
    buf.set_stringn(
        area.x,
        y,
        &text,
        usize::from(area.width),
        ratatui::style::Style::new(),
    );
}

/// A drawn buffer as text rows, for the render tests.
#[cfg(test)]
fn test_rows(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    let w = usize::from(buf.area.width).max(1);
    buf.content()
        .chunks(w)
        .map(|r| r.iter().map(|c| c.symbol()).collect())
        .collect()
}

#[cfg(test)]
mod feed_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod web_tests;

#[cfg(test)]
mod calm_tests;
#[cfg(test)]
mod entity_tests;

#[cfg(test)]
mod block_tests;

/// Clears `area` for a list drawn over the reader (links, quotes), frames
/// it with `title`, and returns the room inside, a column of margin on
/// each side.
fn overlay(area: Rect, buf: &mut Buffer, theme: &theme::Theme, title: &str) -> Rect {
    use ratatui::widgets::{Block, Borders, Clear, Widget};
    Clear.render(area, buf);
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(title.to_string())
        .render(area, buf);
    Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    }
}
