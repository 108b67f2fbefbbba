//! Search work between keystrokes: a search still under way goes on, and
//! the search index is built ahead, in steps of a few milliseconds that the
//! event loop runs while no input waits.
//!
//! Part of `app::search`. No drawing here.

use crate::app::Reader;
use crate::search::{Budget, IDLE_BUDGET, MIN_STEP_BYTES, Search};

impl Reader {
    /// One idle step of search work, within about [`IDLE_BUDGET`]: the
    /// active search goes on (its hit is shown once known, if the reader
    /// has not moved the view meanwhile), else the index is built ahead so
    /// the first keystroke of a search finds it ready. True when the
    /// screen changed.
    pub(in crate::app) fn search_work(&mut self) -> bool {
        let mut budget = Budget::time(IDLE_BUDGET, MIN_STEP_BYTES);
        if self.search.active.as_ref().is_none_or(Search::is_complete) {
            let kept = self.search.prompt.is_some();
            self.search.index.warm(&self.doc.text, kept, &mut budget);
            return false;
        }
        if self
            .search
            .active
            .as_ref()
            .is_some_and(Search::waits_for_index)
            && !self.search.index.warm(&self.doc.text, false, &mut budget)
        {
            // The search shows its preview until the index is built.
            return false;
        }
        self.advance_search(budget)
    }

    /// Lets the active search go on within `budget`, and shows its hit once
    /// known if the reader has not moved the view since the search did.
    pub(super) fn advance_search(&mut self, budget: Budget) -> bool {
        if budget.is_unlimited() {
            // Goes on from where the idle steps left the index.
            self.search.index.prepare(&self.doc.text);
        }
        let Some(search) = self.search.active.as_mut() else {
            return false;
        };
        let step = search.advance(&self.doc.text, &self.search.index, budget);
        let start = step.and_then(|s| search.hits.get(s.index)).map(|r| r.start);
        if let (Some(step), Some(start)) = (step, start)
            && self.search.placed == Some(self.view.anchor)
        {
            let wrapped = step.wrapped;
            self.reveal(start);
            self.search.placed = Some(self.view.anchor);
            self.search.wrapped = wrapped;
            if wrapped && self.search.prompt.is_none() {
                let direction = self.search.active.as_ref().map(|s| s.direction);
                self.after_step(direction.unwrap_or_default());
            }
        }
        true
    }
}
