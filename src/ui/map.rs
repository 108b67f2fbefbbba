//! The map view: the article's places with coordinates on ratatui's world
//! map, zoomed to their bounding box (with a margin; one place gets a
//! regional view), each labelled, the selected one highlighted; beside it,
//! the list of places, those without coordinates last. Reads `&App`.
//!
//! Labels are placed by hand on the cells around each point, trying right,
//! left, above and below, so close places (Idlib, Aleppo, Latakia) do not
//! overwrite each other. `Bounds` is pure and tested.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::outline::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::extract::EntityKind;

/// Degrees around a single place.
const SINGLE_SPAN: f64 = 4.0;
/// Width of the place list, border included.
const LIST_WIDTH: u16 = 28;

pub struct MapView<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

/// The part of the world drawn: longitudes `x`, latitudes `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub x: [f64; 2],
    pub y: [f64; 2],
}

impl Bounds {
    /// The box around `points` (lon, lat) plus a margin, widened so a degree
    /// is as long across as up on a screen of `cols` x `rows` cells (a cell
    /// is about twice as tall as it is wide).
    pub fn around(points: &[(f64, f64)], cols: u16, rows: u16) -> Bounds {
        if points.is_empty() {
            return Bounds {
                x: [-180.0, 180.0],
                y: [-90.0, 90.0],
            };
        }
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(lon, lat) in points {
            x0 = x0.min(lon);
            x1 = x1.max(lon);
            y0 = y0.min(lat);
            y1 = y1.max(lat);
        }
        let mx = ((x1 - x0) * 0.15).max(SINGLE_SPAN / 2.0);
        let my = ((y1 - y0) * 0.15).max(SINGLE_SPAN / 2.0);
        let (mut x0, mut x1, mut y0, mut y1) = (x0 - mx, x1 + mx, y0 - my, y1 + my);
        let cols = f64::from(cols.max(1));
        let rows = f64::from(rows.max(1));
        // Degrees per column should be half the degrees per row.
        let per_col = (x1 - x0) / cols;
        let per_row = (y1 - y0) / rows;
        if per_row > 2.0 * per_col {
            let grow = (per_row / 2.0 * cols - (x1 - x0)) / 2.0;
            x0 -= grow;
            x1 += grow;
        } else {
            let grow = (2.0 * per_col * rows - (y1 - y0)) / 2.0;
            y0 -= grow;
            y1 += grow;
        }
        Bounds {
            x: [x0.max(-180.0), x1.min(180.0)],
            y: [y0.max(-90.0), y1.min(90.0)],
        }
    }

    /// The cell of a point in `area`, if it is inside.
    pub fn cell(&self, area: Rect, (lon, lat): (f64, f64)) -> Option<(u16, u16)> {
        let fx = (lon - self.x[0]) / (self.x[1] - self.x[0]);
        let fy = (self.y[1] - lat) / (self.y[1] - self.y[0]);
        if !(0.0..=1.0).contains(&fx) || !(0.0..=1.0).contains(&fy) {
            return None;
        }
        let x = area.x + (fx * f64::from(area.width.saturating_sub(1))).round() as u16;
        let y = area.y + (fy * f64::from(area.height.saturating_sub(1))).round() as u16;
        Some((x, y))
    }
}

impl Widget for MapView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &self.theme;
        let places = app.index.map_places(&app.entities);
        Clear.render(area, buf);
        Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border(true))
            .title(" Map ")
            .render(area, buf);
        let inner = Rect {
            x: area.x + 1,
            y: area.y + 1,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        };
        if inner.width < LIST_WIDTH + 10 || inner.height < 4 {
            // Say so rather than leave an empty box.
            let note = format!(
                "too small for the map: it needs {}x{} here",
                LIST_WIDTH + 12,
                6
            );
            let lines = textwrap::wrap(&note, usize::from(inner.width.max(1)));
            for (line, y) in lines.iter().zip(inner.y..inner.bottom()) {
                buf.set_stringn(inner.x, y, line, usize::from(inner.width), theme.muted());
            }
            return;
        }
        let map_area = Rect {
            width: inner.width - LIST_WIDTH,
            ..inner
        };
        let list = Rect {
            x: map_area.right() + 1,
            width: LIST_WIDTH - 2,
            ..inner
        };
        Block::new()
            .borders(Borders::LEFT)
            .border_style(theme.muted())
            .render(
                Rect {
                    x: map_area.right(),
                    width: 1,
                    ..inner
                },
                buf,
            );
        let coords = |i: usize| {
            app.entities
                .entities
                .get(app.index.entry(i)?.entity)
                .and_then(|e| e.coords)
                .map(|(lat, lon)| (f64::from(lon), f64::from(lat)))
        };
        let doubtful = app.index.doubtful_places(&app.entities);
        let points: Vec<(usize, (f64, f64))> = places
            .iter()
            .filter(|i| !doubtful.contains(i))
            .filter_map(|&i| Some((i, coords(i)?)))
            .collect();
        // Countries and continents are drawn when they fall in view but do
        // not widen it: `Europe` would shrink the towns to a dot.
        let broad = |i: usize| {
            app.index
                .entry(i)
                .and_then(|e| crate::gazetteer::place(e.label))
                .is_some_and(|p| {
                    matches!(
                        p.kind,
                        crate::gazetteer::PlaceKind::Country
                            | crate::gazetteer::PlaceKind::Continent
                    )
                })
        };
        let mut all: Vec<(f64, f64)> = points.iter().filter(|p| !broad(p.0)).map(|p| p.1).collect();
        if all.is_empty() {
            all = points.iter().map(|p| p.1).collect();
        }
        let bounds = Bounds::around(&all, map_area.width, map_area.height);
        let land = if app.theme().has_color() {
            Color::DarkGray
        } else {
            Color::Reset
        };
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds(bounds.x)
            .y_bounds(bounds.y)
            .paint(|ctx| {
                ctx.draw(&Map {
                    resolution: MapResolution::High,
                    color: land,
                });
            })
            .render(map_area, buf);
        // The map is only a backdrop: dim it so the labels stand out.
        buf.set_style(map_area, Style::new().add_modifier(Modifier::DIM));
        let selected = app.entity.selected;
        let cursor_entry = places.get(app.entity.panel_cursor).copied();
        let mut taken: Vec<Rect> = Vec::new();
        // Points first, so no label covers another place's dot.
        let cells: Vec<(usize, (u16, u16))> = points
            .iter()
            .filter_map(|&(i, p)| Some((i, bounds.cell(map_area, p)?)))
            .collect();
        for &(i, (x, y)) in &cells {
            let style = self.place_style(Some(i) == selected || Some(i) == cursor_entry);
            buf.set_string(x, y, "●", style);
            taken.push(Rect::new(x, y, 1, 1));
        }
        // Countries and capitals the article names only as actors
        // (`Russia launched`, `Damascus said`) are often also where things
        // happen: shown quietly where they fall in view.
        let mut quiet: Vec<(String, (u16, u16))> = Vec::new();
        for e in app.index.entries().filter(|e| e.kind == EntityKind::Actor) {
            if let Some(p) = crate::gazetteer::place(e.label)
                .filter(|p| p.capital || p.kind == crate::gazetteer::PlaceKind::Country)
                && let Some(cell) = bounds.cell(map_area, (f64::from(p.lon), f64::from(p.lat)))
                && !taken.iter().any(|t| t.x == cell.0 && t.y == cell.1)
            {
                buf.set_string(cell.0, cell.1, "◦", theme.muted());
                taken.push(Rect::new(cell.0, cell.1, 1, 1));
                quiet.push((e.label.to_string(), cell));
            }
        }
        let labels = cells
            .iter()
            .filter_map(|&(i, c)| Some((app.index.entry(i)?.label.to_string(), c, Some(i))))
            .chain(quiet.into_iter().map(|(l, c)| (l, c, None)));
        for (label, (x, y), i) in labels {
            let name = truncate(&label, 20);
            let w = name.width() as u16;
            let tries = [
                (i32::from(x) + 2, i32::from(y)),
                (i32::from(x) - i32::from(w) - 1, i32::from(y)),
                (i32::from(x) - i32::from(w) / 2, i32::from(y) - 1),
                (i32::from(x) - i32::from(w) / 2, i32::from(y) + 1),
                (i32::from(x) + 2, i32::from(y) - 1),
                (i32::from(x) + 2, i32::from(y) + 1),
            ];
            let fits = |(lx, ly): (i32, i32)| {
                let r = Rect::new(lx.max(0) as u16, ly.max(0) as u16, w, 1);
                lx >= i32::from(map_area.x)
                    && ly >= i32::from(map_area.y)
                    && lx + i32::from(w) <= i32::from(map_area.right())
                    && ly < i32::from(map_area.bottom())
                    && !taken
                        .iter()
                        .any(|t| t.intersects(Rect { width: w + 1, ..r }))
            };
            let Some(&(lx, ly)) = tries.iter().find(|&&t| fits(t)) else {
                continue;
            };
            let at = Rect::new(lx as u16, ly as u16, w, 1);
            let style = match i {
                Some(i) => self.place_style(Some(i) == selected || Some(i) == cursor_entry),
                None => theme.muted(),
            };
            buf.set_string(at.x, at.y, &name, style);
            taken.push(at);
        }
        let drawn: Vec<usize> = cells.iter().map(|c| c.0).collect();
        self.draw_list(list, &places, &drawn, doubtful, buf);
    }
}

impl MapView<'_> {
    fn place_style(&self, highlighted: bool) -> Style {
        let base = self.theme.entity(EntityKind::Place);
        if highlighted {
            base.add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            base.remove_modifier(Modifier::ITALIC)
        }
    }

    fn draw_list(
        &self,
        list: Rect,
        places: &[usize],
        drawn: &[usize],
        doubtful: &[usize],
        buf: &mut Buffer,
    ) {
        let app = self.app;
        let theme = &self.theme;
        let width = usize::from(list.width);
        buf.set_stringn(list.x, list.y, "Places", width, theme.current());
        let mut y = list.y + 2;
        // The list's groups, in `map_places` order: drawn, far from the
        // article's other places, without coordinates.
        let mut group = 0;
        for (pos, &i) in places.iter().enumerate() {
            let has = drawn.contains(&i);
            let now = if has {
                0
            } else if doubtful.contains(&i) {
                1
            } else {
                2
            };
            if now > group {
                group = now;
                y += 1;
                if y >= list.bottom() {
                    break;
                }
                let header = if now == 1 {
                    "far from the others:"
                } else {
                    "not on the map:"
                };
                buf.set_stringn(list.x, y, header, width, theme.muted());
                y += 1;
            }
            if y >= list.bottom() {
                break;
            }
            let Some(entry) = app.index.entry(i) else {
                continue;
            };
            let mark = match now {
                0 => "●",
                1 => "?",
                _ => "·",
            };
            let text = truncate(
                &format!("{mark} {} ({})", entry.label, entry.mentions.len()),
                width,
            );
            let style = if app.entity.selected == Some(i) {
                theme.entity(EntityKind::Place).add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            buf.set_stringn(list.x, y, &text, width, style);
            if pos == app.entity.panel_cursor {
                buf.set_style(Rect::new(list.x, y, list.width, 1), theme.selected());
            }
            y += 1;
        }
        if places.is_empty() {
            buf.set_stringn(list.x, y, "no places found", width, theme.muted());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_hold_every_point_with_a_margin() {
        let pts = [(36.6, 35.9), (51.4, 35.7), (36.2, 36.2)];
        let b = Bounds::around(&pts, 100, 30);
        for (lon, lat) in pts {
            assert!(b.x[0] < lon - 1.0 && lon + 1.0 < b.x[1]);
            assert!(b.y[0] < lat - 1.0 && lat + 1.0 < b.y[1]);
        }
        // Degrees per row about twice degrees per column.
        let per_col = (b.x[1] - b.x[0]) / 100.0;
        let per_row = (b.y[1] - b.y[0]) / 30.0;
        assert!(
            (per_row / per_col - 2.0).abs() < 0.01,
            "{per_row} {per_col}"
        );
    }

    #[test]
    fn one_place_gets_a_regional_view() {
        let b = Bounds::around(&[(10.0, 50.0)], 80, 20);
        assert!(b.x[1] - b.x[0] >= SINGLE_SPAN && b.x[1] - b.x[0] < 30.0);
        assert!(b.y[1] - b.y[0] >= SINGLE_SPAN && b.y[1] - b.y[0] < 30.0);
    }

    #[test]
    fn cells_keep_east_west_and_north_south() {
        let area = Rect::new(0, 0, 80, 20);
        let b = Bounds::around(&[(35.8, 35.5), (51.4, 35.7), (41.2, 37.0)], 80, 20);
        let west = b.cell(area, (35.8, 35.5)).expect("in");
        let east = b.cell(area, (51.4, 35.7)).expect("in");
        let north = b.cell(area, (41.2, 37.0)).expect("in");
        assert!(west.0 < east.0);
        assert!(north.1 < west.1);
        assert_eq!(b.cell(area, (100.0, 0.0)), None);
    }
}
