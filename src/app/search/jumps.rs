//! Jumps that are not text search: marks (`m`, `'`, `''`), `}`/`{` through
//! the mentions of the entity under the cursor line, and the `:` go-to
//! prompt's targets. Marks are text offsets, so they survive a re-wrap.
//!
//! Part of `app::search`: an entity jump is kept as a search (its hits are
//! the entity's mentions), so `n`/`N`, highlights and counts follow it. No
//! drawing here.

use std::ops::Range;

use crate::app::Reader;
use crate::search::{Direction, Hits, Query, Search};

impl Reader {
    pub(in crate::app) fn set_mark(&mut self, c: char) {
        self.search.pending = None;
        if c == '\'' {
            self.view.message = Some("' is the last jump; marks are other letters".into());
        } else {
            self.search.marks.insert(c, self.top_text());
            let shown = crate::sanitize::clean(&c.to_string()).into_owned();
            self.view.message = Some(format!("mark {shown} set"));
        }
    }

    /// `'` + a letter; `''` swaps with where the last jump came from.
    pub(in crate::app) fn jump_to_mark(&mut self, c: char) {
        self.search.pending = None;
        let target = if c == '\'' {
            self.search.last_jump
        } else {
            self.search.marks.get(&c).copied()
        };
        match target {
            Some(offset) => {
                self.search.last_jump = Some(self.top_text());
                self.show_text(offset);
            }
            None if c == '\'' => self.view.message = Some("no jump to go back to yet".into()),
            None => {
                let c = crate::sanitize::clean(&c.to_string()).into_owned();
                self.view.message = Some(format!("no mark {c} (m{c} sets it)"));
            }
        }
    }

    /// `}` and `{`: the next or previous mention of the entity under the
    /// cursor line, kept as a search so `n`/`N` and the counts follow it.
    pub(in crate::app) fn mention_jump(&mut self, direction: Direction) {
        let mentions = &self.entities.mentions;
        if mentions.is_empty() {
            self.view.message = Some("no names, places or numbers found in this article".into());
            return;
        }
        let visible = self.visible_text();
        let kept = self.search.active.as_ref().and_then(|s| {
            matches!(s.query, Query::Entity(_))
                .then(|| s.current_range())
                .flatten()
                .filter(|r| r.start >= visible.start && r.start < visible.end)
        });
        let cursor = match kept {
            Some(r) => mentions.partition_point(|m| m.start() < r.start),
            None => mentions.partition_point(|m| m.start() < visible.start),
        };
        let Some(mention) = mentions.get(cursor) else {
            self.view.message = Some("no mention at or below the top line".into());
            return;
        };
        let Some(entity) = self.entities.entities.get(mention.entity()) else {
            return;
        };
        let mut ranges: Vec<Range<usize>> = entity
            .mentions
            .iter()
            .filter_map(|&m| mentions.get(m).map(|m| m.range()))
            .filter(|r| r.start < r.end && r.end <= self.doc.text.len())
            .collect();
        ranges.sort_by_key(|r| r.start);
        ranges.dedup_by(|b, a| b.start < a.end);
        let hits = Hits::new(ranges, false);
        let here = hits.index_at(mention.start());
        let step = match here {
            Some(i) => hits.step(i, direction),
            None => hits.nearest(mention.start(), direction),
        };
        let search = Search::with_hits(
            Query::Entity(entity.name.clone()),
            hits,
            step.map(|s| s.index),
        );
        self.show_search(search, step);
        self.after_step(direction);
    }

    /// The go-to prompt: `s3`/`§3` a section, `120` a line, `50%` a place.
    pub(super) fn go_to(&mut self, input: &str) -> Result<(), String> {
        const USAGE: &str = "go to: s3 (section 3), 120 (line 120) or 50% (half way)";
        if let Some(p) = input.strip_suffix('%') {
            let p: usize = p.trim().parse().map_err(|_| USAGE.to_string())?;
            let total = self.cache().len();
            self.show_line((total * p.min(100) / 100).min(self.max_top()));
            return Ok(());
        }
        if let Some(n) = input.strip_prefix('s').or_else(|| input.strip_prefix('§')) {
            let n: usize = n.trim().parse().map_err(|_| USAGE.to_string())?;
            match n.checked_sub(1) {
                Some(s) => self.go_to_section(s),
                None => return Err("sections count from 1".into()),
            }
            return Ok(());
        }
        let n: usize = input.parse().map_err(|_| USAGE.to_string())?;
        let offset = match n {
            0 => return Err("lines count from 1".into()),
            1 => Some(0),
            n => memchr::memchr_iter(b'\n', self.doc.text.as_bytes())
                .nth(n - 2)
                .map(|i| i + 1)
                .filter(|&o| o < self.doc.text.len()),
        };
        let Some(offset) = offset else {
            let lines = self.doc.text.lines().count();
            return Err(format!("there is no line {n} (the article has {lines})"));
        };
        self.show_text(offset);
        Ok(())
    }
}
