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
        let readers = self.app.readers();
        let text_top = self.app.panes_for(buf.area).text.y;
        if readers.len() < 2 || area.width < 4 || text_top <= area.y {
            return;
        }
        let right = area.right().saturating_sub(1);
        let room = usize::from(right.saturating_sub(area.x + 1));
        let labels: Vec<String> = readers
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let short = r.doc.short_name();
                let label = format!(" {} {} ", i + 1, sanitize::clean(&short));
                truncate(&label, label.width().min(30))
            })
            .collect();
        // The bar starts at the first tab that lets the shown one fit, so
        // the shown tab is always on it; `‹` says tabs are left out before.
        let current = self.app.current_file().min(labels.len() - 1);
        let width = |l: &String| l.width() + 1;
        let mut first = 0;
        while first < current && 2 + labels[first..=current].iter().map(width).sum::<usize>() > room
        {
            first += 1;
        }
        let mut x = area.x + 1;
        if first > 0 {
            x = buf.set_stringn(x, area.y, "‹ ", 2, self.theme.muted()).0;
        }
        for (i, label) in labels.iter().enumerate().skip(first) {
            let room = usize::from(right.saturating_sub(x));
            if room < 4 {
                break;
            }
            let label = truncate(label, room.min(label.width()));
            let style = if i == current {
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

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;
    use crate::app::Action;
    use crate::document::Document;
    use crate::keymap::Keymap;

    fn doc(name: &str) -> Document {
        Document::from_bytes(name, b"Title\n\nSome text.", None).expect("text")
    }

    fn app(name: &str) -> App {
        App::new(doc(name), Default::default(), Keymap::default())
    }

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
    }

    #[test]
    fn the_bar_names_each_file_and_marks_the_shown_one() {
        let mut reader = app("/some/dir/a.txt");
        reader.add_article(doc("b.md"), Some(Default::default()));
        reader.update(Action::Resize(100, 30));
        reader.update(Action::NextFile);
        let area = Rect::new(0, 0, 100, 30);
        let mut buf = Buffer::empty(area);
        crate::ui::render(&reader, area, &mut buf);
        let top = row(&buf, 0);
        let a = top.find(" 1 a.txt ").expect("first tab");
        let b = top.find(" 2 b.md ").expect("second tab");
        assert!(a < b, "{top}");
        let x = |byte: usize| top[..byte].chars().count() as u16;
        assert!(buf[(x(b) + 1, 0)].modifier.contains(Modifier::REVERSED));
        assert!(!buf[(x(a) + 1, 0)].modifier.contains(Modifier::REVERSED));
        // Text starts on the row below, as with one file.
        assert!(row(&buf, 1).contains("Title"));
    }

    #[test]
    fn the_bar_follows_the_shown_tab() {
        let mut reader = app("/some/dir/first-article.txt");
        for i in 2..=6 {
            reader.add_article(
                doc(&format!("article-number-{i}.md")),
                Some(Default::default()),
            );
        }
        reader.update(Action::Resize(100, 30));
        // Ctrl-p from the first goes round to the sixth.
        reader.update(Action::PrevFile);
        let area = Rect::new(0, 0, 100, 30);
        let mut buf = Buffer::empty(area);
        crate::ui::render(&reader, area, &mut buf);
        let top = row(&buf, 0);
        let six = top.find(" 6 article-number-6.md ").expect("the shown tab");
        let x = top[..six].chars().count() as u16;
        assert!(
            buf[(x + 1, 0)].modifier.contains(Modifier::REVERSED),
            "{top}"
        );
        assert!(top.contains('‹'), "tabs left out before: {top}");
        // Back on the first, the bar starts at it again.
        reader.update(Action::NextFile);
        let mut buf = Buffer::empty(area);
        crate::ui::render(&reader, area, &mut buf);
        let top = row(&buf, 0);
        assert!(
            top.contains(" 1 first-article.txt ") && !top.contains('‹'),
            "{top}"
        );
    }

    #[test]
    fn no_bar_without_a_spare_row_or_with_one_file() {
        let mut reader = app("a.txt");
        reader.update(Action::Resize(100, 30));
        let area = Rect::new(0, 0, 100, 30);
        let mut buf = Buffer::empty(area);
        crate::ui::render(&reader, area, &mut buf);
        assert!(!row(&buf, 0).contains("a.txt"));
        reader.add_article(doc("b.txt"), Some(Default::default()));
        reader.update(Action::Resize(100, 8));
        let area = Rect::new(0, 0, 100, 8);
        let mut buf = Buffer::empty(area);
        crate::ui::render(&reader, area, &mut buf);
        assert!(row(&buf, 0).contains("Title"), "{}", row(&buf, 0));
    }
}
