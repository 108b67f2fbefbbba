//! Which mentions a calm page leaves plain.
//!
//! On a dense article a quarter of the words are names or numbers; lit all
//! at once the page reads busy. At the calm highlight level a name is lit
//! at its first mention in each section only (the entity pane and the
//! mention keys still find every mention), and the day and year of a date
//! (`June 3, 2011`, `in 2011`) are not lit as quantities: they stay numbers
//! in JSON and scoring, this only says what the reader draws.
//!
//! Built once per article from the document and its entities, one bit per
//! mention. Reads the text around a number, nothing else.

use super::{Entities, EntityKind, Mention};
use crate::document::Document;

/// One bit per mention: set when a calm page leaves it plain.
#[derive(Debug, Clone, Default)]
pub struct Quiet {
    bits: Vec<u64>,
    /// How many mentions it was built for.
    count: usize,
}

impl Quiet {
    /// The quiet mentions of `found`, the entities of `doc`.
    pub fn of(doc: &Document, found: &Entities) -> Quiet {
        let text = doc.text.as_str();
        let mut bits = vec![0u64; found.mentions.len().div_ceil(64)];
        // Where each section starts in the text, in order.
        let starts: Vec<usize> = doc
            .sections
            .iter()
            .filter_map(|s| doc.blocks.get(s.blocks.start).map(|b| b.range.start))
            .collect();
        let mut calm = Calm::default();
        let mut section = 0usize;
        for (i, m) in found.mentions.iter().enumerate() {
            while section < starts.len() && starts[section] <= m.start() {
                section += 1;
            }
            let entity = Some(m.entity()).filter(|&e| e < found.entities.len());
            if calm.quiet(text, m, entity, section) {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        Quiet {
            bits,
            count: found.mentions.len(),
        }
    }

    /// The quiet mentions of a list whose flags are `quiet`, in order.
    pub fn from_flags(quiet: &[bool]) -> Quiet {
        let mut bits = vec![0u64; quiet.len().div_ceil(64)];
        for (i, _) in quiet.iter().enumerate().filter(|(_, q)| **q) {
            bits[i / 64] |= 1 << (i % 64);
        }
        Quiet {
            bits,
            count: quiet.len(),
        }
    }

    /// It was built for a list of `count` mentions (entities swapped in
    /// since are lit as at the full level until it is built again).
    pub fn covers(&self, count: usize) -> bool {
        self.count == count
    }

    /// Mention number `i` is left plain on a calm page.
    pub fn is_quiet(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// The calm level's choice made mention by mention, in text order: what
/// [`Quiet::of`] makes for a whole article, and styled print for one that
/// comes a piece at a time.
#[derive(Debug, Clone, Default)]
pub struct Calm {
    /// The section (plus one) each entity was last lit in.
    lit_in: Vec<u32>,
}

impl Calm {
    /// Whether mention `m` (offsets into `text`), of the entity numbered
    /// `entity` (`None`: of none known), in the section numbered
    /// `section`, is left plain on a calm page.
    pub fn quiet(
        &mut self,
        text: &str,
        m: &Mention,
        entity: Option<usize>,
        section: usize,
    ) -> bool {
        match m.kind() {
            EntityKind::Number => date_part(text, m.start(), m.end()),
            EntityKind::Actor | EntityKind::Place => {
                let Some(e) = entity else {
                    return false;
                };
                if self.lit_in.len() <= e {
                    self.lit_in.resize(e + 1, 0);
                }
                let now = section as u32 + 1;
                let seen = std::mem::replace(&mut self.lit_in[e], now);
                seen == now
            }
        }
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words before a year that say it is one (`in 2011`, `since 1990`).
const BEFORE_YEAR: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "of", "early",
    "late", "mid", "around", "circa", "spring", "summer", "autumn", "fall", "winter",
];

fn is_month(word: &str) -> bool {
    word.len() >= 3 && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// The word before `at`, over spaces and (when `comma`) one comma, a
/// month's abbreviation dot included; and where it starts.
fn word_before(text: &str, at: usize, comma: bool) -> (&str, usize) {
    let head = text[..at].trim_end_matches(' ');
    let head = if comma {
        head.strip_suffix(',').unwrap_or(head).trim_end_matches(' ')
    } else {
        head
    };
    let head = head.strip_suffix('.').unwrap_or(head);
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(head.len(), |(i, _)| i);
    (&head[start..], start)
}

/// The word after `at`, over spaces.
fn word_after(text: &str, at: usize) -> &str {
    let tail = text[at..].trim_start_matches(' ');
    let end = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// The number at `start..end` of `text` is a date's day (`June 3`, `3
/// June`) or year (`June 3, 2011`, `in 2011`, `(2011)`).
pub fn date_part(text: &str, start: usize, end: usize) -> bool {
    let Some(digits) = text.get(start..end) else {
        return false;
    };
    if iso_date_part(text, start, end) {
        return true;
    }
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Ok(n) = digits.parse::<u32>() else {
        return false;
    };
    match digits.len() {
        1 | 2 if (1..=31).contains(&n) => {
            is_month(word_before(text, start, false).0) || is_month(word_after(text, end))
        }
        4 if (1000..=2100).contains(&n) => {
            let (before, at) = word_before(text, start, true);
            if is_month(before) || text[..start].ends_with('(') && text[end..].starts_with(')') {
                return true;
            }
            // `June 3, 2011`: a day after a month.
            if before.len() <= 2 && before.bytes().all(|b| b.is_ascii_digit()) && !before.is_empty()
            {
                return is_month(word_before(text, at, false).0);
            }
            BEFORE_YEAR.iter().any(|w| w.eq_ignore_ascii_case(before))
        }
        _ => false,
    }
}

/// `2019-11-19` written whole (a page's date line), and a clock time
/// right after one (`2019-11-19 02:24`): each number in it is part of
/// when, not how many.
fn iso_date_part(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    // Where a `YYYY-MM-DD` holding start..end begins, if it does.
    let shaped = |at: usize| {
        b.get(at..at + 10).is_some_and(|d| {
            d.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            })
        }) && !b.get(at + 10).is_some_and(u8::is_ascii_digit)
            && (at == 0 || !b[at - 1].is_ascii_digit())
    };
    let whole = [start, start.saturating_sub(5), start.saturating_sub(8)]
        .into_iter()
        .any(|at| at <= start && end <= at + 10 && shaped(at));
    if whole {
        return true;
    }
    // `02:24` after a date written whole and a space.
    let clock = text.get(start..end).is_some_and(|t| {
        let (h, m) = t.split_once(':').unwrap_or(("", ""));
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
    });
    clock && start >= 11 && b[start - 1] == b' ' && shaped(start - 11)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(text: &str, number: &str) -> bool {
        let start = text.find(number).expect("in the text");
        date_part(text, start, start + number.len())
    }

    #[test]
    fn days_and_years_of_dates_are_date_parts() {
        assert!(part("on June 3, 2011 the", "3"));
        assert!(part("on June 3, 2011 the", "2011"));
        assert!(part("on 3 June 2011 the", "3"));
        assert!(part("on 3 June 2011 the", "2011"));
        assert!(part("Sept. 14 the", "14"));
        assert!(part("born in 1950 in", "1950"));
        assert!(part("the law (1998) says", "1998"));
        assert!(part("March, 2020", "2020"));
        assert!(part("2019-11-19 02:24 · updated", "2019"));
        assert!(part("2019-11-19 02:24 · updated", "11"));
        assert!(part("on 2020-11-19 02:24 · updated", "19"));
        assert!(part("2019-11-19 02:24 · updated", "02:24"));
    }

    #[test]
    fn quantities_are_not() {
        assert!(!part("some 2011 people", "2011"));
        assert!(!part("killed 31 people", "31"));
        assert!(!part("in 45 minutes", "45"));
        assert!(!part("May 300 come", "300"));
        assert!(!part("in 2,011 homes", "2,011"));
        assert!(!part("won 12-3 at 02:24 in", "02:24"));
        assert!(!part("a 2019-11 span of 12345-11-19", "11"));
    }

    #[test]
    fn a_name_is_quiet_after_its_first_mention_in_a_section() {
        let text = "# Arrival\n\nAna Roe met Ben Poe in Paris. Ana Roe left Paris on June 3.\n\n\
                    # Return\n\nAna Roe came back.\n";
        let doc = crate::document::Document::from_bytes("a.md", text.as_bytes(), None)
            .expect("text loads");
        let found = crate::extract::extract(&doc);
        let quiet = Quiet::of(&doc, &found);
        let shown: Vec<&str> = found
            .mentions
            .iter()
            .enumerate()
            .filter(|(i, _)| !quiet.is_quiet(*i))
            .map(|(_, m)| &doc.text[m.range()])
            .collect();
        assert_eq!(shown, ["Ana Roe", "Ben Poe", "Paris", "Ana Roe"]);
    }
}
