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

use super::dateline::{is_date_line, lead_dateline};
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

/// A short line standing alone, starting like a heading and not ending like a
/// sentence.
fn is_subheading(text: &str) -> bool {
    if text.contains('\n') {
        return false;
    }
    let text = text.trim();
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let ends_like_sentence = text
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', ',', ';', ':', '…']);
    // Words are counted only as far as the limit: a paragraph on one long
    // line is not read to its end to learn it has too many.
    starts_well
        && !ends_like_sentence
        && text.split_whitespace().take(HEADING_MAX_WORDS + 1).count() <= HEADING_MAX_WORDS
        && !is_date_line(text)
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
}
