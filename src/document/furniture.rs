//! Page furniture: the comment forms, share buttons and navigation that
//! scraped articles drag along. Recognised by the phrases sites use for them,
//! only in runs at the very start or end of the article, so a sentence in the
//! body that happens to say "subscribe" is never hidden.
//!
//! An article's end matter opens with a heading of its own ("Sources",
//! "Related news", "External links") over short lines no phrase names (the
//! sources cited, the headlines of related stories): from such a heading
//! to the end, with nothing longer than furniture after it, is furniture
//! too.

use super::{BlockKind, Blocks};

/// Furniture is short; a long paragraph that starts with "Read more" is
/// still prose.
const MAX_CHARS: usize = 240;

/// What may follow a phrase for the block to be furniture.
#[derive(Clone, Copy)]
enum Then {
    /// Anything.
    Any,
    /// Nothing: the phrase is the whole block.
    End,
    /// Anything but a letter, digit or `_` right after it.
    WordEnd,
}

use Then::{Any, End, WordEnd};

/// Phrases that open a furniture block, in lower case. A table of literals
/// rather than one regex: compiling the equivalent case-insensitive
/// Unicode pattern cost more than the rest of parsing a short article.
const PHRASES: &[(&str, Then)] = &[
    ("add a comment", Any),
    ("leave a reply", Any),
    ("leave a comment", Any),
    ("post a comment", Any),
    ("your email address will not be published", Any),
    ("required fields are marked", Any),
    ("share this", WordEnd),
    ("share on", WordEnd),
    ("share via", WordEnd),
    ("share", End),
    ("tweet", End),
    ("email", End),
    ("print", End),
    ("skip to content", Any),
    ("skip to main content", Any),
    ("jump to content", Any),
    ("jump to main content", Any),
    ("menu", End),
    ("search", End),
    ("close", End),
    ("sign up", WordEnd),
    ("subscribe", WordEnd),
    ("newsletter", Any),
    ("follow us", WordEnd),
    ("join us", WordEnd),
    ("join our", WordEnd),
    ("related ", Any),
    ("read more", WordEnd),
    ("more from", WordEnd),
    ("recommended", WordEnd),
    ("most read", WordEnd),
    ("most popular", WordEnd),
    ("most viewed", WordEnd),
    ("you may also like", Any),
    ("trending", WordEnd),
    ("advertisement", End),
    ("sponsored", WordEnd),
    ("©", Any),
    ("copyright", WordEnd),
    ("(c) ", Any),
    ("all rights reserved", Any),
    ("click here", WordEnd),
    ("posted in", WordEnd),
    ("tag:", Any),
    ("tags:", Any),
    ("filed under", WordEnd),
    ("topic:", Any),
    ("topics:", Any),
    ("we use cookies", Any),
    ("accept cookies", Any),
    ("accept all cookies", Any),
    ("privacy policy", Any),
    ("terms of use", Any),
    ("terms of service", Any),
    ("terms and conditions", Any),
    ("source: ", Any),
    ("back to top", Any),
    ("next article", Any),
    ("previous article", Any),
    ("continue reading", Any),
    ("log in", WordEnd),
    ("login", WordEnd),
    ("sign in", WordEnd),
    ("register", End),
    ("download our app", Any),
    ("download the app", Any),
    ("categories:", Any),
    ("category:", Any),
    ("have an opinion on this story", Any),
];

/// Headings that open an article's end matter, lower case, each the whole
/// block (a trailing colon allowed).
const CLOSING_HEADINGS: &[&str] = &[
    "sources",
    "source",
    "references",
    "related news",
    "related stories",
    "related articles",
    "related coverage",
    "related",
    "external links",
    "see also",
    "further reading",
];

/// End matter after a closing heading is looked for this many blocks back
/// from the end at most. A start of an article is never marked at its
/// end (`mark`), and a file opened from its start is far longer than
/// this many short blocks, so its end matter never reaches back into it.
pub(super) const CLOSING_MAX_BLOCKS: usize = 40;

/// True when a block is a heading that opens an article's end matter.
pub(super) fn is_closing_heading(text: &str) -> bool {
    let text = text.trim();
    if text.len() > 40 {
        return false;
    }
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches(':').trim_end();
    CLOSING_HEADINGS.contains(&lower)
}

/// Short enough to be a line of end matter (a source cited, a related
/// headline), not a paragraph of the article.
fn is_short(text: &str) -> bool {
    text.len() <= MAX_CHARS * 4 && text.chars().count() <= MAX_CHARS
}

/// Where end matter may open and where it surely stops, block by block,
/// for finding where a start of an article may be cut (see `start`): the
/// blocks after a closing heading are end matter in the whole only if no
/// long block follows it, so a cut after one, with no long block between,
/// could see blocks of the start marked in the whole.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct EndMatter {
    open: bool,
}

impl EndMatter {
    /// Notes the next block: its text (any prefix of 64 bytes or more
    /// will do) and whether it is surely longer than end matter's lines.
    pub(super) fn block(&mut self, text: &str, long: bool) {
        if is_closing_heading(text) {
            self.open = true;
        } else if long {
            self.open = false;
        }
    }

    /// True when a closing heading came with no long block after it.
    pub(super) fn is_open(self) -> bool {
        self.open
    }
}

/// True for a block of more than this many characters: prose, which no
/// run of end matter crosses.
pub(super) fn is_long(chars: usize) -> bool {
    chars > MAX_CHARS
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Then {
    fn accepts(self, rest: &str) -> bool {
        match self {
            Any => true,
            End => rest.is_empty(),
            WordEnd => !rest.starts_with(is_word_char),
        }
    }
}

/// Strips `word` from the start of `text` when a word ends there.
fn word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    text.strip_prefix(word)
        .filter(|rest| !rest.starts_with(is_word_char))
}

/// The forms a phrase table cannot say: "12 comments", a cookie notice,
/// "Sources:", a photo credit. `text` is lower case.
fn special(text: &str) -> bool {
    // `12 Comments`, `Comment`: digits, spaces, the word, nothing else.
    let count = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let count = count.trim_start();
    if matches!(count, "comment" | "comments") {
        return true;
    }
    // A cookie notice: the word, then on the same line a policy word.
    if let Some(rest) = word(text, "cookies").or_else(|| word(text, "cookie")) {
        let line = rest.split('\n').next().unwrap_or("");
        let mut prev: Option<char> = None;
        for (i, c) in line.char_indices() {
            if !prev.is_some_and(is_word_char) && is_word_char(c) {
                let at = &line[i..];
                if ["policy", "consent", "settings", "accept"]
                    .iter()
                    .any(|w| at.starts_with(w))
                {
                    return true;
                }
            }
            prev = Some(c);
        }
    }
    // `Sources:` alone.
    if let Some(rest) = text.strip_prefix("source") {
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        if rest.strip_prefix(':').is_some_and(|r| r.trim().is_empty()) {
            return true;
        }
    }
    // `Photo: Name`, `Image credit: Agency`: a short credit line.
    for kind in ["photo", "image", "video"] {
        let Some(rest) = text.strip_prefix(kind) else {
            continue;
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("credit").unwrap_or(rest);
        if let Some(credit) = rest.strip_prefix(": ")
            && !credit.contains('\n')
            && credit.chars().count() <= 80
        {
            return true;
        }
    }
    false
}

/// True when a block of text reads as page furniture: it opens with a
/// phrase sites use for it (any case).
pub fn is_furniture(text: &str) -> bool {
    let text = text.trim();
    if text.len() > MAX_CHARS * 4 || text.chars().count() > MAX_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    PHRASES.iter().any(|&(phrase, then)| {
        lower
            .strip_prefix(phrase)
            .is_some_and(|rest| then.accepts(rest))
    }) || special(&lower)
}

/// Given each block's text, how many blocks at the start and at the end are
/// furniture. The leading run stops at the first block that is not; so does
/// the trailing run.
pub fn furniture_runs<'a>(
    blocks: impl DoubleEndedIterator<Item = &'a str> + Clone,
) -> (usize, usize) {
    let total = blocks.clone().count();
    let lead = blocks.clone().take_while(|t| is_furniture(t)).count();
    if lead == total {
        return (lead, 0);
    }
    (lead, end_run(blocks, 0, lead))
}

/// How many blocks at the end are furniture (the second of
/// [`furniture_runs`]), given only the last blocks of an article: `tail`,
/// after `before` others, of which the first `lead` are the leading run
/// (shorter than the whole). Exact when no block before the tail can be
/// in the run: see [`Settled`].
pub(super) fn end_run<'a>(
    tail: impl DoubleEndedIterator<Item = &'a str> + Clone,
    before: usize,
    lead: usize,
) -> usize {
    let total = before + tail.clone().count();
    let trail = tail.clone().rev().take_while(|t| is_furniture(t)).count();
    // Back over short blocks to the earliest closing heading, if any.
    let mut end_matter = trail;
    for (k, text) in tail
        .rev()
        .enumerate()
        .skip(trail)
        .take(CLOSING_MAX_BLOCKS)
        .take(total.saturating_sub(lead))
    {
        if is_closing_heading(text) {
            end_matter = k + 1;
        } else if !is_short(text) {
            break;
        }
    }
    end_matter
}

/// What the blocks seen so far settle of the furniture runs, for an
/// article read a block at a time (print mode): how long the leading run
/// is, and how many blocks surely lie before the trailing run and the end
/// matter, whatever follows. A block that is not furniture ends the
/// trailing run's reach: the blocks before it are not in the run, and of
/// those only the [`CLOSING_MAX_BLOCKS`] before it can be end matter,
/// none of them when it is long (the look back stops at it); and the one
/// right before those is not the last block before the end matter.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Settled {
    /// Blocks seen.
    pub seen: usize,
    /// The leading run so far: all blocks seen while `leading`.
    pub lead: usize,
    pub leading: bool,
    /// Blocks before this one are neither in the trailing run nor end
    /// matter, nor the last block before them.
    pub before: usize,
}

impl Settled {
    pub fn new() -> Self {
        Settled {
            leading: true,
            ..Settled::default()
        }
    }

    /// Notes the next block's text; true when it is furniture.
    pub fn block(&mut self, text: &str) -> bool {
        let at = self.seen;
        self.seen += 1;
        let furniture = is_furniture(text);
        if !furniture {
            self.leading = false;
            let reach = if is_short(text) {
                at.saturating_sub(CLOSING_MAX_BLOCKS)
            } else {
                at
            };
            self.before = self.before.max(reach);
        } else if self.leading {
            self.lead += 1;
        }
        furniture
    }
}

/// Marks the leading and trailing furniture runs of prose blocks as
/// [`BlockKind::Boilerplate`]; returns the range of blocks between them.
/// Of the start of an article (`complete` false) only the leading run is
/// marked: what ends a prefix is not what ends the article.
pub(super) fn mark(text: &str, blocks: &mut Blocks, complete: bool) -> std::ops::Range<usize> {
    let (lead, trail) = furniture_runs((0..blocks.len()).map(|i| &text[blocks.range(i)]));
    let trail = if complete { trail } else { 0 };
    let len = blocks.len();
    let body_end = len - trail;
    // Only the runs at the two ends change: a long article's blocks in
    // between are not walked.
    for i in (0..lead.min(len)).chain(body_end..len) {
        if is_marked(blocks.kind(i), i >= body_end) {
            blocks.set_kind(i, BlockKind::Boilerplate);
        }
    }
    lead..body_end
}

/// True when a block of this kind in a furniture run is marked as
/// furniture: prose is, and at the end (`trailing`) a Markdown heading of
/// the end matter (`## Sources`) too.
pub(super) fn is_marked(kind: BlockKind, trailing: bool) -> bool {
    let trailing_heading = trailing && matches!(kind, BlockKind::Heading { .. });
    trailing_heading || matches!(kind, BlockKind::Paragraph | BlockKind::ListItem { .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_furniture() {
        for text in [
            "Add a Comment",
            "Your email address will not be published. Required fields are marked *",
            "Share this article",
            "Leave a Reply",
            "Skip to main content",
            "Related Articles",
            "© 2024 Example News. All rights reserved.",
            "Sign up for our newsletter",
            "12 Comments",
            "Comments",
            "SHARE",
            "Share on Facebook",
            "Log in",
            "Login to comment",
            "Cookies help us. Read our cookie policy",
            "Cookie settings",
            "Sources:",
            "Photo credit: Jane Doe/Agency",
            "Image: AP",
            "(c) 2020 Example",
            "Related Articles",
            "Tags: politics, Syria",
            "Menu",
        ] {
            assert!(is_furniture(text), "{text}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for text in [
            "Shares in the company fell 4% on Monday.",
            "Related talks in Geneva ended without agreement, officials said on Friday after a long week of negotiations that went nowhere at all, according to several diplomats who attended them and spoke on condition of anonymity because they were not authorised to speak to the press about the matter.",
            "Commentators said the vote was close.",
            "Shareholders met on Monday.",
            "Share prices fell.",
            "Sources said the talks failed.",
            "Cookiesettings",
            "Logistics held up the convoy",
            "Menus were printed",
            "Photo opportunities abounded: leaders smiled",
            "Related",
        ] {
            assert!(!is_furniture(text), "{text}");
        }
    }

    #[test]
    fn end_matter_runs_from_its_heading_to_the_end() {
        let blocks = [
            "Title",
            "A long paragraph of the article that says what happened, at the length a paragraph of news has, which is well past the length of any line of furniture or of a source cited at the end of a report by a site such as this one, and then some more words.",
            "The last paragraph.",
            "Related news",
            "\"Earlier vote delayed\" — Wikinews, March 3, 2016",
            "Sources",
            "Jane Doe. \"Polls open\" — The Daily, September 4, 2016",
            "Categories: Politics and conflicts | Hong Kong",
        ];
        assert_eq!(furniture_runs(blocks.iter().copied()), (0, 5));
        // A closing heading with a paragraph of prose after it is not end
        // matter; nor is a sentence that starts with the word.
        let prose = [blocks[0], "Sources", blocks[1], "Share this"];
        assert_eq!(furniture_runs(prose.iter().copied()), (0, 1));
        let sentence = ["Title", "Body.", "Sources said the talks failed.", "x"];
        assert_eq!(furniture_runs(sentence.iter().copied()), (0, 0));
    }

    #[test]
    fn only_runs_at_the_ends_count() {
        let blocks = [
            "Skip to content",
            "Title",
            "Share this",
            "Body",
            "Add a Comment",
            "Leave a Reply",
        ];
        assert_eq!(furniture_runs(blocks.iter().copied()), (1, 2));
    }
}
