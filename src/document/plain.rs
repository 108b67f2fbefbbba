//! Plain-text articles: the conventions of scraped and pasted news text.
//!
//! - Paragraphs are separated by blank lines; single line breaks inside a
//!   paragraph are soft.
//! - The first paragraph, when it is one short line, is the title.
//! - A paragraph that is only a date ("Wednesday, April 13, 2011") right under
//!   the title is a dateline block; a place and an agency before a dash at the
//!   start of the lead ("Antakya, Turkey – ") is a dateline inline.
//! - A short line standing alone, without a sentence's closing punctuation, is
//!   a subheading.
//! - Runs of page furniture at the start and the end are set apart.

use std::sync::LazyLock;

use regex::Regex;

use super::{Block, BlockKind, Document, Format, Inline, InlineKind, Source, Span, furniture};

/// A title is one line at most this long.
const TITLE_MAX_CHARS: usize = 200;
/// A subheading is one line of at most this many words.
const HEADING_MAX_WORDS: usize = 14;

pub(super) fn parse(source: Source) -> Document {
    let Source {
        name,
        text,
        map,
        notices,
    } = source;
    let mut blocks: Vec<Block> = paragraphs(&text)
        .map(|r| Block::new(r, BlockKind::Paragraph))
        .collect();

    let body = furniture::mark(&text, &mut blocks);
    let (lead, body_end) = (body.start, body.end);

    let mut title = None;
    let mut next = lead;
    if let Some(block) = blocks.get_mut(lead).filter(|_| lead < body_end) {
        let t = &text[block.range.clone()];
        if !t.contains('\n') && t.chars().count() <= TITLE_MAX_CHARS {
            block.kind = BlockKind::Title;
            title = Some(lead);
            next = lead + 1;
        }
    }
    // A date-only line under the title (the Wikinews and wire layout).
    if title.is_some()
        && let Some(block) = blocks.get_mut(next).filter(|_| next < body_end)
        && is_date_line(&text[block.range.clone()])
    {
        block.kind = BlockKind::Dateline;
        next += 1;
    }

    let mut dateline = None;
    if let Some(block) = blocks.get_mut(next).filter(|_| next < body_end)
        && let Some(range) = lead_dateline(&text, &block.range)
    {
        block.inlines.push(Inline {
            range: range.clone(),
            kind: InlineKind::Dateline,
        });
        dateline = Some(range);
    }
    if dateline.is_none()
        && let Some(i) = title.map(|t| t + 1).filter(|&i| i < blocks.len())
        && blocks[i].kind == BlockKind::Dateline
    {
        dateline = Some(blocks[i].range.clone());
    }

    for i in next..body_end {
        let is_last_body_block = i + 1 == body_end;
        if !is_last_body_block && is_subheading(&text[blocks[i].range.clone()]) {
            blocks[i].kind = BlockKind::Heading { level: 2 };
        }
    }

    let sections = super::build_sections(&text, &blocks);
    Document {
        name,
        format: Format::Plain,
        text,
        blocks,
        sections,
        title,
        dateline,
        source_map: map,
        notices,
    }
}

/// Ranges of the paragraphs: runs of non-blank lines, trimmed of surrounding
/// whitespace.
fn paragraphs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0;
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut lines = text.split_inclusive('\n');
    std::iter::from_fn(move || {
        loop {
            let Some(line) = lines.next() else {
                return start.take().map(|s| s..end);
            };
            let line_start = pos;
            pos += line.len();
            let content = line.trim_end();
            if content.trim_start().is_empty() {
                if let Some(s) = start.take() {
                    return Some(s..end);
                }
                continue;
            }
            if start.is_none() {
                start = Some(line_start + (line.len() - line.trim_start().len()));
            }
            end = line_start + content.len();
        }
    })
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    let weekday = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day";
    Regex::new(&format!(
        r"(?i)^(?:(?:updated|published|posted)?:?\s*)?(?:{weekday},?\s+)?(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?:[,\s]+\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\.?$"
    ))
    .expect("date pattern is valid")
});

/// A block that is nothing but a date (and perhaps a time).
fn is_date_line(text: &str) -> bool {
    DATE_LINE.is_match(text.trim())
}

static LEAD_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // One to five capitalised words (or an all-caps city), an optional
    // ", Country", an optional "(Agency)", then a dash or an em/en dash.
    let word = r"(?:[A-Z][\p{L}'’.]*|al-[A-Z][\p{L}'’.]*|[A-Z]{2,})";
    Regex::new(&format!(
        r"^({word}(?:[ -]{word}){{0,3}}(?:,\s*{word}(?:[ -]{word}){{0,3}})?(?:\s*\([A-Z][\p{{L}} .&]+\))?)\s*(?:[–—]|--?)\s+\S"
    ))
    .expect("dateline pattern is valid")
});

/// The dateline that opens a lead: "Antakya, Turkey – Syrian forces ...".
pub(super) fn lead_dateline(text: &str, block: &Span) -> Option<Span> {
    let para = &text[block.clone()];
    let caps = LEAD_DATELINE.captures(para)?;
    let m = caps.get(1)?;
    // The agency in parentheses is at most 30 characters: checked here, as
    // a `{1,30}` repeat of a Unicode class costs tens of milliseconds to
    // compile, on every run.
    if let Some(open) = m.as_str().find('(') {
        let agency = m.as_str()[open + 1..].trim_end_matches(')');
        if agency.chars().count() > 30 {
            return None;
        }
    }
    Some(block.start + m.start()..block.start + m.end())
}

/// A short line standing alone, starting like a heading and not ending like a
/// sentence.
fn is_subheading(text: &str) -> bool {
    if text.contains('\n') {
        return false;
    }
    let text = text.trim();
    let words = text.split_whitespace().count();
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let ends_like_sentence = text
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', ',', ';', ':', '…']);
    starts_well && words <= HEADING_MAX_WORDS && !ends_like_sentence && !is_date_line(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_and_trim() {
        let text = "  a\nb  \n\n \n c\n";
        let ranges: Vec<_> = paragraphs(text).map(|r| &text[r]).collect();
        assert_eq!(ranges, ["a\nb", "c"]);
    }

    #[test]
    fn subheadings() {
        assert!(is_subheading("What next after Tehran summit?"));
        assert!(is_subheading("Reaction"));
        assert!(!is_subheading("He said so."));
        assert!(!is_subheading("this starts lower case"));
        assert!(!is_subheading("Wednesday, April 13, 2011"));
        assert!(!is_subheading(
            "A line that is far too long to be a heading because it has many words in it for sure"
        ));
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Wednesday, April 13, 2011"));
        assert!(is_date_line("13 April 2011"));
        assert!(is_date_line("Updated: Sep 8, 2018 14:05 GMT"));
        assert!(!is_date_line("April is the cruellest month"));
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
            ("The council met – and voted", None),
            ("Prices rose sharply on Monday.", None),
        ];
        for (para, want) in cases {
            let got = lead_dateline(para, &(0..para.len())).map(|r| &para[r]);
            assert_eq!(got, want, "{para}");
        }
    }
}
