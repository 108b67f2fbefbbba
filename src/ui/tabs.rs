//! The tab bar: with several articles open, their names across the body's
//! top margin row, the shown one in reverse video. Drawn only when the body
//! has that blank row (12 rows or more), so it never hides text; the status
//! line names the shown file either way.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::outline::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::sanitize;

pub struct TabBar<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for TabBar<'_> {
    /// `area` is the body pane; the bar takes its first row.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let files = &self.app.files;
        let text_top = self.app.panes_for(buf.area).text.y;
        if files.len() < 2 || area.width < 4 || text_top <= area.y {
            return;
        }
        let right = area.right().saturating_sub(1);
        let mut x = area.x + 1;
        for (i, name) in files.names().iter().enumerate() {
            let short = std::path::Path::new(name)
                .file_name()
                .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
            let label = format!(" {} {} ", i + 1, sanitize::clean(&short));
            let room = usize::from(right.saturating_sub(x));
            if room < 4 {
                break;
            }
            let label = truncate(&label, room.min(label.width()).min(30));
            let style = if i == files.current() {
                self.theme.selected()
            } else {
                self.theme.muted()
            };
            x = buf
                .set_stringn(x, area.y, &label, room, style)
                .0
                .saturating_add(1);
        }
    }
}
