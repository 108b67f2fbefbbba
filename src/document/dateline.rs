//! Datelines: the place (and agency) that opens a report's lead
//! ("Antakya, Turkey – Syrian forces ..."), and a block that is only a date.
//!
//! Both run on every article before its first frame, so they are cheap to
//! start: the lead dateline is a hand-written scanner (the regex it replaces,
//! with a Unicode letter class repeated eight times, cost tens of
//! milliseconds to compile on every run), and the date pattern is compiled
//! only for a block that holds a digit, with ASCII digit classes (Unicode
//! `\d` alone made it ten times dearer to compile).
//!
//! Depends on nothing but `regex`; no terminal types.

use std::sync::LazyLock;

use regex::Regex;

use super::Span;

/// An agency in parentheses is at most this many characters.
const AGENCY_MAX_CHARS: usize = 30;
/// A place is at most this many words (each part, before and after a comma).
const PLACE_MAX_WORDS: usize = 4;

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    let weekday = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day";
    Regex::new(&format!(
        r"(?i)^(?:(?:updated|published|posted)?:?\s*)?(?:{weekday},?\s+)?(?:{month}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}}|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+[0-9]{{4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})(?:[,\s]+[0-9]{{1,2}}[:.][0-9]{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\.?$"
    ))
    .expect("date pattern is valid")
});

/// A block that is nothing but a date (and perhaps a time).
pub(super) fn is_date_line(text: &str) -> bool {
    let text = text.trim();
    // Every date has a year or a day in digits; most short lines (the
    // subheadings this is asked about) have none, and skip the pattern.
    text.bytes().any(|b| b.is_ascii_digit()) && DATE_LINE.is_match(text)
}

/// The dateline that opens a lead: "Antakya, Turkey – Syrian forces ...",
/// "WASHINGTON (Reuters) - The Senate ...".
///
/// One to four capitalised words (joined by spaces or hyphens; `al-` may
/// open one), optionally a comma and one to four more, optionally an agency
/// in parentheses, then a dash (`–`, `—`, `-` or `--`), whitespace and more
/// text. The range returned covers the place and the agency.
pub(super) fn lead_dateline(text: &str, block: &Span) -> Option<Span> {
    let para = &text[block.clone()];
    let mut s = Scanner { text: para, at: 0 };
    s.words()?;
    let after_place = s.at;
    if s.eat(',') {
        s.skip_space();
        if s.words().is_none() {
            s.at = after_place;
        }
    }
    let mut end = s.at;
    let before_agency = s.at;
    s.skip_space();
    match s.agency() {
        Some(()) => end = s.at,
        None => s.at = before_agency,
    }
    s.skip_space();
    if !s.dash() {
        return None;
    }
    let spaces = s.skip_space();
    let more = s.rest().chars().next().is_some_and(|c| !c.is_whitespace());
    (spaces > 0 && more).then(|| block.start..block.start + end)
}

/// A cursor over a paragraph.
struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl Scanner<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn eat(&mut self, c: char) -> bool {
        if self.rest().starts_with(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// `–`, `—`, `-` or `--`.
    fn dash(&mut self) -> bool {
        if self.eat('-') {
            self.eat('-');
            return true;
        }
        self.eat('–') || self.eat('—')
    }

    /// Skips whitespace; returns how many characters.
    fn skip_space(&mut self) -> usize {
        let rest = self.rest();
        let trimmed = rest.trim_start();
        let skipped = rest[..rest.len() - trimmed.len()].chars().count();
        self.at += rest.len() - trimmed.len();
        skipped
    }

    /// One capitalised word: an ASCII capital, then letters, apostrophes and
    /// full stops; `al-` may come first. Letters are `char::is_alphabetic`.
    fn word(&mut self) -> Option<()> {
        let start = self.at;
        if self.rest().starts_with("al-") {
            self.at += 3;
        }
        if !self.rest().starts_with(|c: char| c.is_ascii_uppercase()) {
            self.at = start;
            return None;
        }
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '.')))
            .unwrap_or(rest.len());
        self.at += len;
        Some(())
    }

    /// One to [`PLACE_MAX_WORDS`] words joined by a space or a hyphen.
    fn words(&mut self) -> Option<()> {
        self.word()?;
        for _ in 1..PLACE_MAX_WORDS {
            let before = self.at;
            if !(self.eat(' ') || self.eat('-')) {
                break;
            }
            if self.word().is_none() {
                self.at = before;
                break;
            }
        }
        Some(())
    }

    /// `(Agency)`: a capital, then letters, spaces, full stops and `&`, at
    /// most [`AGENCY_MAX_CHARS`] characters inside the parentheses.
    fn agency(&mut self) -> Option<()> {
        let start = self.at;
        let found = (|| {
            if !self.eat('(') {
                return None;
            }
            let rest = self.rest();
            if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
                return None;
            }
            let len = rest
                .find(|c: char| !(c.is_alphabetic() || matches!(c, ' ' | '.' | '&')))
                .unwrap_or(rest.len());
            let inside = &rest[..len];
            if inside.chars().count() < 2 || inside.chars().count() > AGENCY_MAX_CHARS {
                return None;
            }
            self.at += len;
            self.eat(')').then_some(())
        })();
        if found.is_none() {
            self.at = start;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        for (text, want) in [
            ("Wednesday, April 13, 2011", true),
            ("13 April 2011", true),
            ("Updated: Sep 8, 2018 14:05 GMT", true),
            ("2011-04-13", true),
            ("  March 3rd, 2020 9:30 a.m.  ", true),
            ("April is the cruellest month", false),
            ("Reaction", false),
            ("April 13", false),
        ] {
            assert_eq!(is_date_line(text), want, "{text}");
        }
    }

    #[test]
    fn lead_datelines() {
        let cases = [
            ("Antakya, Turkey – Syrian forces", Some("Antakya, Turkey")),
            (
                "WASHINGTON (Reuters) - The Senate",
                Some("WASHINGTON (Reuters)"),
            ),
            ("LONDON — Prices rose", Some("LONDON")),
            ("New York -- Stocks fell", Some("New York")),
            (
                "Jean-Pierre Sur-Mer - Le maire",
                Some("Jean-Pierre Sur-Mer"),
            ),
            ("São Paulo, Brazil – Prices", Some("São Paulo, Brazil")),
            ("Gaza City, al-Rimal – Strikes", Some("Gaza City, al-Rimal")),
            ("BEIRUT (AP) – Talks", Some("BEIRUT (AP)")),
            // Five words is not a place.
            ("One Two Three Four Five – x", None),
            ("The council met – and voted", None),
            ("Prices rose sharply on Monday.", None),
            ("LONDON -Prices", None),
            ("LONDON –", None),
            ("London, – x", None),
            ("lower case – x", None),
        ];
        for (para, want) in cases {
            let got = lead_dateline(para, &(0..para.len())).map(|r| &para[r]);
            assert_eq!(got, want, "{para}");
        }
    }

    #[test]
    fn a_long_agency_is_not_a_dateline() {
        let long = format!("PARIS ({}) – Text", "A".repeat(AGENCY_MAX_CHARS + 1));
        assert_eq!(lead_dateline(&long, &(0..long.len())), None);
        let short = format!("PARIS ({}) – Text", "A".repeat(AGENCY_MAX_CHARS));
        assert!(lead_dateline(&short, &(0..short.len())).is_some());
    }

    #[test]
    fn a_dateline_is_found_inside_a_larger_text() {
        let text = "Title\n\nBEIRUT – Talks resumed.";
        let block = 7..text.len();
        assert_eq!(lead_dateline(text, &block), Some(7..13));
    }
}
