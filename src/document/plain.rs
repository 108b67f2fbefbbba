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
//! - Image captions are short lines of their own too; one is told from a
//!   subheading by how pages are built: it ends with a credit (`… Image:
//!   Nick Moreau.`), or, in a dated report (a title, then a date line), it
//!   stands between the date line and the lead: a report opens with its
//!   lead, so what comes before is a lead image's caption. (An excerpt of
//!   an encyclopedia may open with a subheading; it has no date line.) A
//!   caption is never a section.
//! - Runs of page furniture at the start and the end are set apart.

use super::dateline::{is_date_line, lead_dateline};
use super::{
    Block, BlockKind, Blocks, Document, Format, Inline, InlineKind, Source, Span, furniture,
};

/// A title is one line at most this long.
const TITLE_MAX_CHARS: usize = 200;
/// A subheading is one line of at most this many words.
const HEADING_MAX_WORDS: usize = 14;

/// Parses an article; `complete` is false for the start of one (no
/// trailing furniture, no last block, see [`super::Document::parse_start`]).
pub(super) fn parse(source: Source, complete: bool) -> Document {
    let Source {
        name,
        text,
        map,
        notices,
    } = source;
    let mut blocks: Blocks = paragraphs(&text)
        .map(|r| Block::new(r, BlockKind::Paragraph))
        .collect();

    let body = furniture::mark(&text, &mut blocks, complete);
    let (lead, body_end) = (body.start, body.end);

    let front = front(|i| &text[blocks.range(i)], lead..body_end, complete);
    if let Some(t) = front.title {
        blocks.set_kind(t, BlockKind::Title);
    }
    if let Some(d) = front.dateline {
        blocks.set_kind(d, BlockKind::Dateline);
    }
    for c in front.captions.clone() {
        blocks.set_kind(c, BlockKind::Caption);
    }
    let (title, next) = (front.title, front.captions.end);

    let mut dateline = None;
    if next < body_end.min(blocks.len())
        && let Some(range) = lead_dateline(&text, &blocks.range(next))
    {
        blocks.insert_inline(&Inline {
            range: range.clone(),
            kind: InlineKind::Dateline,
        });
        dateline = Some(range);
    }
    if dateline.is_none()
        && let Some(i) = title.map(|t| t + 1).filter(|&i| i < blocks.len())
        && blocks.kind(i) == BlockKind::Dateline
    {
        dateline = Some(blocks.range(i));
    }

    for i in next..body_end {
        let t = &text[blocks.range(i)];
        if let Some(kind) = body_kind(t, complete && i + 1 == body_end) {
            blocks.set_kind(i, kind);
        }
    }

    let sections = super::build_sections(&text, &blocks);
    Document {
        meta: super::Meta::default(),
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

/// What a block of the body after the lead's captions is when not a
/// paragraph: a caption (it ends with a credit) or a subheading (the last
/// block of the body never is).
fn body_kind(text: &str, last: bool) -> Option<BlockKind> {
    if has_credit(text) {
        Some(BlockKind::Caption)
    } else if !last && is_subheading(text) {
        Some(BlockKind::Heading { level: 2 })
    } else {
        None
    }
}

/// [`parse`] of a whole article for print mode, handed to `piece` a
/// few hundred KB of text at a time (see `stream`): each piece a document
/// of whole blocks whose kinds are the whole's. Two walks over the
/// paragraphs: the first finds the furniture runs and the front, the
/// second hands the blocks on, so only the text is held whole.
/// Pieces hold about `piece_bytes` of text.
pub(super) fn stream(text: &str, piece_bytes: usize, piece: &mut dyn FnMut(Document, usize)) {
    let mut settled = furniture::Settled::new();
    // The blocks not yet settled, with their indices, up to the run of
    // furniture the text ends with so far. Of that run only its length
    // and its last few blocks are kept: a block that is not furniture
    // ending it settles all but those, and at the end `end_run` reads no
    // block of the run but to know it is furniture (100 MB of `Share`
    // lines closing an article held 15 million ranges: 462 MB).
    let mut tail: std::collections::VecDeque<(usize, Span)> = Default::default();
    let mut run = 0usize;
    let mut run_last: std::collections::VecDeque<(usize, Span)> = Default::default();
    for (i, r) in paragraphs(text).enumerate() {
        if settled.block(&text[r.clone()]) {
            run += 1;
            run_last.push_back((i, r));
            if run_last.len() > furniture::CLOSING_MAX_BLOCKS + 1 {
                run_last.pop_front();
            }
        } else {
            tail.extend(run_last.drain(..));
            run = 0;
            tail.push_back((i, r));
        }
        while tail.front().is_some_and(|&(j, _)| j < settled.before) {
            tail.pop_front();
        }
    }
    let total = settled.seen;
    let lead = settled.lead;
    let end = if lead == total {
        0
    } else {
        let first = tail.front().map_or(total - run, |&(j, _)| j);
        // The run's blocks, each as furniture as its last one.
        let last_of_run = run_last.back().map_or("", |(_, r)| &text[r.clone()]);
        let texts = tail
            .iter()
            .map(|(_, r)| &text[r.clone()])
            .chain(std::iter::repeat_n(last_of_run, run));
        furniture::end_run(texts, first, lead)
    };
    drop((tail, run_last));
    let body_end = total - end;
    // `front` asks for blocks in order (the lead, then the blocks after
    // it): a cursor walks the paragraphs once.
    let cursor = std::cell::RefCell::new((paragraphs(text), 0usize, 0..0));
    let block = |i: usize| -> &str {
        let mut c = cursor.borrow_mut();
        let (walk, next, last) = &mut *c;
        if i + 1 < *next {
            *walk = paragraphs(text);
            *next = 0;
        }
        while *next <= i {
            match walk.next() {
                Some(r) => *last = r,
                None => return "",
            }
            *next += 1;
        }
        &text[last.clone()]
    };
    let front = front(block, lead..body_end, true);
    let kind = |i: usize, t: &str| {
        if i < lead || i >= body_end {
            BlockKind::Boilerplate
        } else if front.title == Some(i) {
            BlockKind::Title
        } else if front.dateline == Some(i) {
            BlockKind::Dateline
        } else if front.captions.contains(&i) {
            BlockKind::Caption
        } else if i >= front.captions.end {
            body_kind(t, i + 1 == body_end).unwrap_or(BlockKind::Paragraph)
        } else {
            BlockKind::Paragraph
        }
    };
    // The whole's dateline (see `parse`): at the start of the lead, else
    // the date line under the title. Found on a walk to the lead.
    let lead_at = front.captions.end;
    let lead_dateline = paragraphs(text)
        .nth(lead_at)
        .filter(|_| lead_at < body_end.min(total))
        .and_then(|r| lead_dateline(text, &r));
    let dateline = lead_dateline
        .clone()
        .or_else(|| front.dateline.and_then(|d| paragraphs(text).nth(d)));
    let mut blocks = Blocks::default();
    let mut base = 0;
    let mut end = 0;
    let mut hand_on = |blocks: &mut Blocks, base: usize, end: usize| {
        let blocks = std::mem::take(blocks);
        let mut doc = super::stream::piece(Format::Plain, text[base..end].to_string(), blocks);
        doc.dateline = dateline
            .clone()
            .filter(|d| base <= d.start && d.end <= end)
            .map(|d| d.start - base..d.end - base);
        piece(doc, base);
    };
    for (i, r) in paragraphs(text).enumerate() {
        if blocks.is_empty() {
            base = r.start;
        }
        let kind = kind(i, &text[r.clone()]);
        blocks.push(&Block::new(r.start - base..r.end - base, kind));
        if i == lead_at
            && let Some(d) = &lead_dateline
        {
            blocks.push_inline(&Inline {
                range: d.start - base..d.end - base,
                kind: InlineKind::Dateline,
            });
        }
        end = r.end;
        if end - base >= piece_bytes {
            hand_on(&mut blocks, base, end);
        }
    }
    if !blocks.is_empty() {
        hand_on(&mut blocks, base, end);
    }
}

/// What opens a plain article, by block index: its title, its date line
/// and the lead image's captions before its lead (which is the block at
/// `captions.end`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Front {
    pub title: Option<usize>,
    pub dateline: Option<usize>,
    pub captions: std::ops::Range<usize>,
}

/// The front of an article whose blocks' texts are `block(i)` and whose
/// body (past its furniture) is `body`; `complete` as for [`parse`]. Only
/// the blocks up to the lead are looked at, so `start` can tell whether a
/// start holds its lead.
pub(super) fn front<'a>(
    block: impl Fn(usize) -> &'a str,
    body: std::ops::Range<usize>,
    complete: bool,
) -> Front {
    let (lead, body_end) = (body.start, body.end);
    let mut title = None;
    let mut next = lead;
    if lead < body_end {
        let t = block(lead);
        // `KANO, Nigeria (Reuters) - Floods hit...`: a lead opening with a
        // dateline is the story, whatever its length; no headline has one.
        if !t.contains('\n')
            && t.chars().count() <= TITLE_MAX_CHARS
            && lead_dateline(t, &(0..t.len())).is_none()
        {
            title = Some(lead);
            next = lead + 1;
        }
    }
    // A date-only line under the title (the Wikinews and wire layout).
    let mut dateline = None;
    if title.is_some() && next < body_end && is_date_line(block(next)) {
        dateline = Some(next);
        next += 1;
    }
    // In a dated report, what stands between the date line and the lead
    // is a lead image's caption: a report opens with its lead. (The
    // article's last block is its lead; the last of a start may not be.)
    let first_caption = next;
    while dateline.is_some()
        && next < body_end
        && (next + 1 < body_end || !complete)
        && is_caption_before_lead(block(next))
    {
        next += 1;
    }
    Front {
        title,
        dateline,
        captions: first_caption..next,
    }
}

/// Longest paragraph kept as one block. News paragraphs are a few hundred
/// bytes; past this a "paragraph" is a dump (a 50 MB line, a log) and is
/// cut into blocks of about this size, at a space where one is near, so no
/// block costs more than a few milliseconds to wrap and a long file can be
/// opened from its start like any other.
pub(super) const MAX_PARAGRAPH_BYTES: usize = 32 * 1024;

/// How far past [`MAX_PARAGRAPH_BYTES`] a space is looked for before a long
/// paragraph is cut between two characters (text with no spaces: CJK, a
/// base64 blob).
const SPACE_SEARCH_BYTES: usize = 4096;

/// Ranges of the paragraphs: runs of non-blank lines, trimmed of surrounding
/// whitespace, each cut into pieces of about [`MAX_PARAGRAPH_BYTES`] when
/// longer.
pub(super) fn paragraphs(text: &str) -> impl Iterator<Item = Span> + '_ {
    runs_of_lines(text).flat_map(move |span| pieces(text, span))
}

/// A paragraph's span cut into pieces no longer than about
/// [`MAX_PARAGRAPH_BYTES`]: after a space or line break within
/// [`SPACE_SEARCH_BYTES`] of the limit (the whitespace between pieces
/// belongs to neither), else between two characters. Where the cuts fall
/// depends only on the text from the paragraph's start to each cut, so a
/// prefix of the text has the same pieces up to its last one.
fn pieces(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut rest = Some(span);
    std::iter::from_fn(move || {
        let span = rest.take()?;
        if span.len() <= MAX_PARAGRAPH_BYTES {
            return Some(span);
        }
        let from = span.start + MAX_PARAGRAPH_BYTES;
        let near = (from + SPACE_SEARCH_BYTES).min(span.end);
        let space = memchr::memchr2(b' ', b'\n', &bytes[from..near]).map(|i| from + i);
        let cut = match space {
            Some(cut) => cut,
            // The paragraph ends within the window: it is the last piece.
            None if near == span.end => return Some(span),
            None => (from..span.end)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(span.end),
        };
        let is_space = |b: u8| b.is_ascii_whitespace();
        let mut end = cut;
        while end > span.start && is_space(bytes[end - 1]) {
            end -= 1;
        }
        let mut next = cut;
        while next < span.end && is_space(bytes[next]) {
            next += 1;
        }
        if next < span.end {
            rest = Some(next..span.end);
        }
        Some(span.start..end)
    })
}

/// Runs of non-blank lines, trimmed of surrounding whitespace.
///
/// Line ends are found with `memchr`, and a line whose edges are ASCII
/// non-space (most prose) is not walked character by character: only lines
/// that start or end with a space or a non-ASCII character go through the
/// Unicode trims.
fn runs_of_lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut start: Option<usize> = None;
    let mut end = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let line_start = pos;
            let line_end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
            pos = (line_end + 1).min(bytes.len());
            let Some((lead, content_end)) = trimmed(text, line_start, line_end) else {
                if let Some(s) = start.take() {
                    return Some(s..end);
                }
                continue;
            };
            start.get_or_insert(lead);
            end = content_end;
        }
        start.take().map(|s| s..end)
    })
}

/// The start and end of a line's text without surrounding whitespace, or
/// `None` for a blank line. `line_end` is the offset of its `\n` (or the
/// text's end).
fn trimmed(text: &str, line_start: usize, line_end: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // Printable ASCII other than space; controls (vertical tab is
    // whitespace to `trim`) take the Unicode path.
    let solid = |b: u8| matches!(b, b'!'..=b'~');
    let first = *bytes.get(line_start).filter(|_| line_start < line_end)?;
    let last = bytes[line_end - 1];
    if solid(first) && solid(last) {
        return Some((line_start, line_end));
    }
    let line = &text[line_start..line_end];
    let content = line.trim_end();
    if content.is_empty() {
        return None;
    }
    let lead = line_start + (content.len() - content.trim_start().len());
    Some((lead, line_start + content.len()))
}

/// A short line standing alone, starting like a heading and not ending like a
/// sentence.
pub(super) fn is_subheading(text: &str) -> bool {
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
        && !is_question_turn(text)
}

/// An interviewer's question: a speaker's label (one to three capitalised
/// words, or initials, then `:`) and a question after it
/// (`Wikinews: Will the council pay for that?`, `TB: Why now?`). It is a
/// turn of the talk, not a heading over it.
fn is_question_turn(text: &str) -> bool {
    let Some((label, rest)) = text.split_once(": ") else {
        return false;
    };
    let words = label.split_whitespace().count();
    let named = label.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphanumeric)
    });
    (1..=3).contains(&words)
        && named
        && rest
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with('?')
}

/// A caption is one line of at most this many words.
const CAPTION_MAX_WORDS: usize = 60;

/// Words that label a media credit at the end of a caption, lower case.
const CREDIT_LABELS: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "photograph",
    "picture",
    "video",
    "audio",
    "illustration",
    "graphic",
    "credit",
    "image credit",
    "photo credit",
];

/// What may stand between a caption's description and its credit label.
const CREDIT_OPENERS: &[char] = &[' ', '(', '[', '.', ',', ';', '—', '–', '-'];

/// A short credit after its label: a name or an agency, a few words, no
/// sentence of its own.
const CREDIT_MAX_WORDS: usize = 8;

/// True when a one-line paragraph ends with a media credit after a
/// description: `The crowd at the opening. Image: Nick Moreau.`,
/// `Belle Image: Nick Moreau`, `Fans queue (Photo: AP)`. A credit alone
/// (`Photo: AP`) is page furniture, not a caption.
pub(super) fn has_credit(text: &str) -> bool {
    let text = text.trim();
    if text.contains('\n')
        || text.len() > 1024
        || text.split_whitespace().take(CAPTION_MAX_WORDS + 1).count() > CAPTION_MAX_WORDS
    {
        return false;
    }
    let lower = text.to_lowercase();
    let body = lower.trim_end_matches(['.', ')', ']']);
    let mut at = body.len();
    // The last `label: ` in the line, label at a word start.
    while let Some(colon) = body[..at].rfind(": ") {
        at = colon;
        let credit = &body[colon + 2..];
        if credit.trim().is_empty()
            || credit.split_whitespace().count() > CREDIT_MAX_WORDS
            || credit.contains(". ")
        {
            continue;
        }
        let before = &body[..colon];
        for label in CREDIT_LABELS {
            let Some(description) = before.strip_suffix(label) else {
                continue;
            };
            let description = description.trim_end_matches(CREDIT_OPENERS);
            if description.len() == before.len() - label.len() && !description.is_empty() {
                // The label ends a longer word (`telegraph: `).
                continue;
            }
            return description.chars().any(char::is_alphanumeric);
        }
    }
    false
}

/// What may stand between the title (or date line) and the lead as a
/// lead image's caption: a line with a credit, a line that reads as a
/// subheading, or a one-line fragment that starts in lower case (a lead
/// starts a sentence).
pub(super) fn is_caption_before_lead(text: &str) -> bool {
    let lower_start = text.chars().next().is_some_and(char::is_lowercase);
    has_credit(text)
        || is_subheading(text)
        || (lower_start
            && !text.contains('\n')
            && text.split_whitespace().take(CAPTION_MAX_WORDS + 1).count() <= CAPTION_MAX_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_end_with_a_credit() {
        for text in [
            "The far end of the convention floor, shortly after opening Friday. Image: Nick Moreau.",
            "Playstation VR demo Image: Nick Moreau.",
            "Belle Image: Nick Moreau",
            "Opening night of the exhibit. Video: Jane Doe.",
            "Full interview with the curator. Audio: Jkthom.",
            "Fans queue outside the stadium (Photo: AP)",
            "Police at the scene. Photo credit: Jane Doe/Agency",
        ] {
            assert!(has_credit(text), "{text}");
        }
        for text in [
            "Photo: AP",
            "He said: \"The image is clear.\"",
            "The report says the following: prices rose. Then they fell.",
            "Two lines\nImage: Someone",
            "Image quality matters: the new camera is better than the old one in every respect we tested it for",
            "The video: a long explanation of what happened during the day, told by many people here",
        ] {
            assert!(!has_credit(text), "{text}");
        }
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_trim() {
        let text = "  a\nb  \n\n \n c\n";
        let ranges: Vec<_> = paragraphs(text).map(|r| &text[r]).collect();
        assert_eq!(ranges, ["a\nb", "c"]);
    }

    #[test]
    fn paragraphs_trim_unicode_space_and_keep_lone_lines() {
        let cases: [(&str, &[&str]); 5] = [
            ("x", &["x"]),
            ("\u{a0}é\u{2003}\n\u{3000}\n\nb\r\n", &["é", "b"]),
            ("\n\n", &[]),
            ("a\n\t\nb\nc \n", &["a", "b\nc"]),
            ("a\u{85}\n\u{b}x\u{b}", &["a\u{85}\n\u{b}x"]),
        ];
        for (text, want) in cases {
            let got: Vec<_> = paragraphs(text).map(|r| &text[r]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_paragraph_past_the_limit_is_cut_at_spaces_into_pieces() {
        let word = "news ";
        let text = word.repeat(3 * MAX_PARAGRAPH_BYTES / word.len());
        let got: Vec<_> = paragraphs(&text).collect();
        assert!(got.len() >= 3, "{}", got.len());
        for (a, b) in got.iter().zip(got.iter().skip(1)) {
            assert!(a.end < b.start);
            assert!(
                text[a.end..b.start].trim().is_empty(),
                "only spaces between"
            );
        }
        for span in &got {
            let piece = &text[span.clone()];
            assert!(piece.len() <= MAX_PARAGRAPH_BYTES + SPACE_SEARCH_BYTES);
            assert!(
                piece.starts_with("news") && piece.ends_with("news"),
                "whole words"
            );
        }
        assert_eq!(got.first().map(|s| s.start), Some(0));
        assert_eq!(got.last().map(|s| s.end), Some(text.trim_end().len()));
    }

    #[test]
    fn a_paragraph_with_no_spaces_is_cut_between_characters() {
        let text = "日本語".repeat(MAX_PARAGRAPH_BYTES / 3);
        let got: Vec<_> = paragraphs(&text).collect();
        assert!(got.len() >= 3);
        let joined: String = got.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(joined, text, "every character in one piece");
    }

    #[test]
    fn the_pieces_of_a_prefix_are_the_whole_pieces_up_to_its_last() {
        let text = "A long line of words without a break. ".repeat(4000);
        let whole: Vec<_> = paragraphs(&text).collect();
        for cut in [40_000, 70_001, 100_000] {
            let cut = (cut..)
                .find(|&i| text.is_char_boundary(i))
                .expect("boundary");
            let part: Vec<_> = paragraphs(&text[..cut]).collect();
            let (last, before) = part.split_last().expect("pieces");
            assert_eq!(before, &whole[..before.len()]);
            assert_eq!(last.start, whole[before.len()].start);
        }
    }

    #[test]
    fn subheadings() {
        assert!(is_subheading("What next after Tehran summit?"));
        assert!(is_subheading("Analysis: what now for the council"));
        assert!(!is_subheading(
            "Wikinews: Will the Greater London Authority pay for that?"
        ));
        assert!(!is_subheading("TB: Why now?"));
        assert!(is_subheading("Reaction"));
        assert!(!is_subheading("He said so."));
        assert!(!is_subheading("this starts lower case"));
        assert!(!is_subheading("Wednesday, April 13, 2011"));
        assert!(!is_subheading(
            "A line that is far too long to be a heading because it has many words in it for sure"
        ));
    }
}
