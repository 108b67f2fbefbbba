//! Where each pane goes: one pure function of the terminal size and the
//! view, shared by drawing, scrolling (page height) and mouse hit-testing, so
//! what is drawn and what is clicked always agree.

use ratatui::layout::Rect;

use crate::layout::MAX_READING_WIDTH;

/// Below this width the outline folds away and comes back as an overlay.
pub const NARROW_WIDTH: u16 = 60;
/// Below this size lede says the terminal is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub area: Rect,
    /// Too small to read in: draw only a note.
    pub too_small: bool,
    /// The outline folds into an overlay.
    pub narrow: bool,
    /// The outline pane (wide screens, when shown), border included.
    pub outline: Option<Rect>,
    /// The outline overlay (narrow screens, when open), border included.
    pub overlay: Option<Rect>,
    /// The rows of outline entries, in whichever of the two is shown.
    pub outline_list: Option<Rect>,
    /// The body pane, scrollbar included.
    pub body: Rect,
    /// The reading column inside the body.
    pub text: Rect,
    pub scrollbar: Rect,
    pub status: Rect,
    /// The entity pane (docked beside the body, or an overlay), border
    /// included.
    pub entities: Option<Rect>,
    /// The entity pane sits beside the body rather than over it.
    pub entities_docked: bool,
}

impl Panes {
    /// Lays out `area`. `outline_shown` is the reader's choice on wide
    /// screens; `overlay_open` the outline overlay on narrow ones.
    pub fn compute(area: Rect, outline_shown: bool, overlay_open: bool) -> Panes {
        let mut p = Panes {
            area,
            ..Panes::default()
        };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            p.too_small = true;
            return p;
        }
        p.narrow = area.width < NARROW_WIDTH;
        let main = Rect {
            height: area.height - 1,
            ..area
        };
        p.status = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        let mut body = main;
        if !p.narrow && outline_shown {
            let w = (area.width / 4).clamp(20, 34);
            let outline = Rect { width: w, ..main };
            p.outline = Some(outline);
            // The border is the pane's right column.
            p.outline_list = Some(Rect {
                x: outline.x + 1,
                y: outline.y + 1,
                width: w.saturating_sub(2),
                height: outline.height.saturating_sub(1),
            });
            body = Rect {
                x: main.x + w,
                width: main.width - w,
                ..main
            };
        }
        if p.narrow && overlay_open {
            let w = main.width.saturating_sub(4).min(50);
            let h = main.height.saturating_sub(2);
            let overlay = Rect {
                x: main.x + (main.width - w) / 2,
                y: main.y + 1,
                width: w,
                height: h,
            };
            p.overlay = Some(overlay);
            p.outline_list = Some(Rect {
                x: overlay.x + 1,
                y: overlay.y + 1,
                width: w.saturating_sub(2),
                height: h.saturating_sub(2),
            });
        }
        p.place_body(body);
        p
    }

    /// Puts the body (scrollbar and reading column) in `body`.
    fn place_body(&mut self, body: Rect) {
        let p = self;
        p.body = body;
        p.scrollbar = Rect {
            x: body.right().saturating_sub(1),
            width: 1.min(body.width),
            ..body
        };
        // Two columns of margin each side when there is room; one row above
        // the text so the title does not touch the edge.
        let room = body.width.saturating_sub(1);
        let margin = if room >= 40 { 2 } else { 1 };
        let width = room.saturating_sub(2 * margin).clamp(1, MAX_READING_WIDTH);
        let top = u16::from(body.height >= 12);
        p.text = Rect {
            x: body.x + (room - width) / 2,
            y: body.y + top,
            width,
            height: body.height - top,
        };
    }

    /// Adds the entity pane: docked at the right of the body when the
    /// terminal is `dock_width` wide or more, else an overlay over the
    /// body's right side.
    pub fn with_entity_pane(mut self, dock_width: u16, pane_width: u16) -> Panes {
        if self.too_small {
            return self;
        }
        let main = Rect {
            height: self.area.height.saturating_sub(1),
            ..self.area
        };
        if self.area.width >= dock_width && self.body.width > pane_width + 40 {
            let pane = Rect {
                x: self.body.right() - pane_width,
                width: pane_width,
                ..self.body
            };
            let body = Rect {
                width: self.body.width - pane_width,
                ..self.body
            };
            self.place_body(body);
            self.entities = Some(pane);
            self.entities_docked = true;
        } else {
            let w = main
                .width
                .saturating_sub(2)
                .min(pane_width.max(main.width / 2));
            self.entities = Some(Rect {
                x: main.right() - w,
                width: w,
                ..main
            });
        }
        self
    }

    /// The outline entry row under a cell, counted from the list's top.
    pub fn outline_row(&self, column: u16, row: u16) -> Option<usize> {
        let list = self.outline_list?;
        list.contains((column, row).into())
            .then(|| usize::from(row - list.y))
    }

    /// True when a cell is over the outline (pane or overlay).
    pub fn over_outline(&self, column: u16, row: u16) -> bool {
        let pos = (column, row).into();
        self.overlay
            .or(self.outline)
            .is_some_and(|r| r.contains(pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_centre_an_80_column_text() {
        let p = Panes::compute(Rect::new(0, 0, 160, 48), true, false);
        assert!(!p.narrow && !p.too_small);
        let outline = p.outline.expect("outline");
        assert_eq!(outline.width, 34);
        assert_eq!(p.text.width, MAX_READING_WIDTH);
        let left = p.text.x - p.body.x;
        let right = p.body.right() - 1 - p.text.right();
        assert!(left.abs_diff(right) <= 1, "{left} {right}");
        assert_eq!(p.status, Rect::new(0, 47, 160, 1));
    }

    #[test]
    fn narrow_screens_fold_the_outline() {
        let p = Panes::compute(Rect::new(0, 0, 40, 15), true, false);
        assert!(p.narrow);
        assert_eq!(p.outline, None);
        assert_eq!(p.outline_list, None);
        let p = Panes::compute(Rect::new(0, 0, 40, 15), true, true);
        assert!(p.overlay.is_some() && p.outline_list.is_some());
    }

    #[test]
    fn every_small_size_is_handled() {
        for w in 0..70 {
            for h in 0..20 {
                let p = Panes::compute(Rect::new(0, 0, w, h), true, true);
                if !p.too_small {
                    assert!(p.text.width >= 1 && p.text.right() <= p.body.right());
                    assert!(p.text.bottom() <= p.status.y);
                }
            }
        }
    }

    #[test]
    fn clicks_map_to_outline_rows() {
        let p = Panes::compute(Rect::new(0, 0, 100, 30), true, false);
        assert_eq!(p.outline_row(3, 1), Some(0));
        assert_eq!(p.outline_row(3, 4), Some(3));
        assert_eq!(p.outline_row(60, 4), None);
    }
}
