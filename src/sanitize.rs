//! The sanitiser at the output sink: article text never reaches the terminal
//! raw.
//!
//! Every string lede draws (body text, headings, link targets, file names,
//! errors) passes through here after all decoding, Markdown entities
//! included. Control characters, escape-sequence introducers (7-bit ESC and
//! 8-bit C1), bidi controls, tag characters, line separators and other
//! invisible characters become visible markers (`^[`, `<U+009B>`, `⟨RLO⟩`);
//! the text around them is passed through untouched. Because the mapping is
//! per character, a sequence split across lines or Markdown constructs is
//! neutralised all the same, and an unterminated one cannot bleed into the
//! next line: the ESC that opens it is already a marker.
//!
//! The text is walked by grapheme cluster so that what belongs together stays
//! together: a ZWJ inside an emoji sequence (👨‍👩‍👧), a variation selector
//! after its base, and a subdivision flag's tag characters (🏴 + tags) are
//! kept in normal mode. Everything else invisible is dropped from the display
//! in normal mode (ZWSP, soft hyphen...) or marked (bidi overrides and marks, tags,
//! lone combining marks); reveal mode marks every one of them. A cluster with
//! more than [`MAX_COMBINING`] marks (Zalgo text) is cut with `…`.
//!
//! Markers are reversible: [`unmark`] turns each one back into the character
//! it stands for, except the `…` that stands for a cut run of marks. In
//! reveal mode nothing is hidden, so the input can be rebuilt from the pieces.
//!
//! Also here: [`prompt_input`] for text typed or pasted into a prompt (kept
//! as data, controls dropped), and the link-target form in `url`.
//!
//! Depends on nothing but Unicode tables; never on the terminal libraries.

mod url;

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

pub use url::{link_scheme_allowed, link_target};

/// Characters drawn per grapheme cluster after its first; more become `…`
/// (Zalgo text). Emoji sequences and flags stay well under it.
pub const MAX_COMBINING: usize = 16;

/// Display width of a tab outside code, in normal mode.
pub const TAB_WIDTH: usize = 4;
const TAB: &str = "    ";

/// Marker for a run of combining marks past [`MAX_COMBINING`].
pub const CUT: &str = "…";

/// A piece of displayable output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text that is safe to draw as it is (it may hold `\n`: callers split
    /// lines themselves).
    Text(&'a str),
    /// A marker standing for invisible or dangerous characters; drawn in a
    /// style of its own.
    Marker(Cow<'static, str>),
}

impl Piece<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Piece::Text(s) => s,
            Piece::Marker(s) => s,
        }
    }

    #[cfg(test)]
    pub fn is_marker(&self) -> bool {
        matches!(self, Piece::Marker(_))
    }

    /// True for the marker of a tab: blank space, best drawn unstyled.
    #[cfg(test)]
    pub fn is_tab(&self) -> bool {
        matches!(self, Piece::Marker(m) if m == TAB)
    }
}

/// What a character becomes on screen.
enum Shown {
    Keep,
    Hide,
    Mark(Cow<'static, str>),
}

/// `<U+XXXX>`: the generic, reversible marker.
fn code_marker(c: char) -> Shown {
    Shown::Mark(Cow::Owned(format!("<U+{:04X}>", c as u32)))
}

/// Where a character sits in its grapheme cluster.
struct Ctx<'g> {
    /// Index of the character in the cluster.
    index: usize,
    prev: Option<char>,
    next: Option<char>,
    cluster: &'g str,
    /// A visible character of the cluster has been kept before this one:
    /// there is a glyph for a mark to sit on.
    based: bool,
    reveal: bool,
}

fn classify(c: char, ctx: &Ctx<'_>) -> Shown {
    let u = c as u32;
    match c {
        '\n' => Shown::Keep,
        '\t' if ctx.reveal => Shown::Mark(Cow::Borrowed("^I")),
        '\t' => Shown::Mark(Cow::Borrowed(TAB)),
        '\u{7f}' => Shown::Mark(Cow::Borrowed("^?")),
        _ if u < 0x20 => Shown::Mark(Cow::Owned(format!(
            "^{}",
            char::from_u32(u + 0x40).unwrap_or('?')
        ))),
        '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' => code_marker(c),
        // A replacement character stands for bytes that were not text.
        '\u{FFFD}' => Shown::Mark(Cow::Borrowed("\u{FFFD}")),
        '\u{E0000}'..='\u{E007F}' if !ctx.reveal && is_flag_sequence(ctx.cluster) => Shown::Keep,
        '\u{E0000}'..='\u{E007F}' => code_marker(c),
        '\u{E0100}'..='\u{E01EF}'
            if !ctx.reveal && ctx.index == 1 && ctx.prev.is_some_and(is_ideograph) =>
        {
            // An ideographic variation sequence: only the glyph variant is lost.
            Shown::Hide
        }
        '\u{E0100}'..='\u{E01EF}' => code_marker(c),
        '\u{FE00}'..='\u{FE0F}'
            if !ctx.reveal
                && ctx.based
                && ctx.prev.is_some_and(|p| p.width().is_some_and(|w| w > 0)) =>
        {
            Shown::Keep
        }
        // A second selector in a row carries no meaning, only hidden data.
        '\u{FE00}'..='\u{FE0F}' => code_marker(c),
        '\u{200D}'
            if !ctx.reveal
                && ctx.based
                && ctx.prev.is_some_and(|p| p != '\u{200D}')
                && ctx.next.is_some_and(is_pictographic) =>
        {
            Shown::Keep
        }
        _ => {
            if let Some(name) = bidi_override_name(c) {
                return Shown::Mark(Cow::Borrowed(name));
            }
            if let Some(name) = invisible_name(c) {
                return match (ctx.reveal, name) {
                    (false, _) => Shown::Hide,
                    (true, Some(name)) => Shown::Mark(Cow::Borrowed(name)),
                    (true, None) => code_marker(c),
                };
            }
            if !ctx.based && c.width() == Some(0) {
                // A zero-width character with nothing to sit on (a lone
                // combining mark, an unassigned format character) would draw
                // over its neighbour or not at all.
                return code_marker(c);
            }
            Shown::Keep
        }
    }
}

/// Markers of the characters that reorder text (Trojan Source) and of the
/// implicit bidi marks (which change how neutral characters around them
/// are ordered): always shown.
const BIDI_OVERRIDES: [(char, &str); 12] = [
    ('\u{202A}', "⟨LRE⟩"),
    ('\u{202B}', "⟨RLE⟩"),
    ('\u{202C}', "⟨PDF⟩"),
    ('\u{202D}', "⟨LRO⟩"),
    ('\u{202E}', "⟨RLO⟩"),
    ('\u{2066}', "⟨LRI⟩"),
    ('\u{2067}', "⟨RLI⟩"),
    ('\u{2068}', "⟨FSI⟩"),
    ('\u{2069}', "⟨PDI⟩"),
    ('\u{200E}', "⟨LRM⟩"),
    ('\u{200F}', "⟨RLM⟩"),
    ('\u{061C}', "⟨ALM⟩"),
];

/// Invisible characters that are harmless in running text, with the marker
/// reveal mode shows (`None`: the generic `<U+XXXX>`).
const INVISIBLE: [(char, &str); 8] = [
    ('\u{200B}', "⟨ZWSP⟩"),
    ('\u{200C}', "⟨ZWNJ⟩"),
    ('\u{200D}', "⟨ZWJ⟩"),
    ('\u{2060}', "⟨WJ⟩"),
    ('\u{FEFF}', "⟨BOM⟩"),
    ('\u{00AD}', "⟨SHY⟩"),
    ('\u{180E}', "⟨MVS⟩"),
    ('\u{034F}', "⟨CGJ⟩"),
];

fn bidi_override_name(c: char) -> Option<&'static str> {
    BIDI_OVERRIDES
        .iter()
        .find(|(b, _)| *b == c)
        .map(|(_, name)| *name)
}

/// `Some(marker)` for a named invisible character, `Some(None)` for one shown
/// as `<U+XXXX>`, `None` for a visible one.
fn invisible_name(c: char) -> Option<Option<&'static str>> {
    if let Some((_, name)) = INVISIBLE.iter().find(|(i, _)| *i == c) {
        return Some(Some(name));
    }
    // Fillers that draw as blank space (used for invisible names), invisible
    // operators, Mongolian selectors and Khmer inherent vowels.
    matches!(
        c,
        '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{2061}'..='\u{2064}'
            | '\u{180B}'..='\u{180D}'
            | '\u{180F}'
            | '\u{17B4}'
            | '\u{17B5}'
    )
    .then_some(None)
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Characters that can follow a ZWJ in an emoji sequence (an approximation
/// of Extended_Pictographic, generous on purpose: a wrong guess only decides
/// whether a ZWJ is hidden or kept, never whether anything unsafe is drawn).
fn is_pictographic(c: char) -> bool {
    matches!(
        c as u32,
        0xA9 | 0xAE
            | 0x203C
            | 0x2049
            | 0x2122
            | 0x2139
            | 0x2190..=0x21FF
            | 0x2300..=0x23FF
            | 0x24C2
            | 0x25A0..=0x27BF
            | 0x2900..=0x297F
            | 0x2B00..=0x2BFF
            | 0x3030
            | 0x303D
            | 0x3297
            | 0x3299
            | 0x1F000..=0x1FAFF
    )
}

/// A subdivision flag: 🏴, two to six tag letters or digits, a cancel tag,
/// and nothing else. Longer tag runs are a hidden message, not a flag.
fn is_flag_sequence(cluster: &str) -> bool {
    let mut chars = cluster.chars();
    if chars.next() != Some('\u{1F3F4}') {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    let Some((&last, tags)) = rest.split_last() else {
        return false;
    };
    last == '\u{E007F}'
        && (2..=6).contains(&tags.len())
        && tags
            .iter()
            .all(|&t| matches!(t, '\u{E0030}'..='\u{E0039}' | '\u{E0061}'..='\u{E007A}'))
}

/// True when no character of the text needs a look: printable ASCII and line
/// breaks only.
fn is_plain(text: &str) -> bool {
    text.bytes().all(is_plain_byte)
}

fn is_plain_byte(b: u8) -> bool {
    (0x20..0x7F).contains(&b) || b == b'\n'
}

/// Splits `text` into displayable pieces, each with the range of `text` it
/// stands for. Ranges are in order, never overlap and cover the text except
/// hidden characters, which get no piece (none are hidden in reveal mode).
pub fn pieces(text: &str, reveal: bool) -> Vec<(Range<usize>, Piece<'_>)> {
    let mut out = Vec::new();
    if is_plain(text) {
        if !text.is_empty() {
            out.push((0..text.len(), Piece::Text(text)));
        }
        return out;
    }
    let mut run_start = 0;
    let bytes = text.as_bytes();
    let mut pos = 0;
    // Printable ASCII between two such bytes is a cluster of its own with
    // nothing to mark, so only the stretches around other characters go
    // through the grapheme walk: most news text is ASCII with a few curly
    // quotes and accented names.
    while let Some(skip) = bytes[pos..].iter().position(|&b| !is_plain_byte(b)) {
        let next = pos + skip;
        // The character before may carry the marks that follow it; a
        // boundary lies before it (ASCII never joins what precedes it).
        let from = if next > pos { next - 1 } else { pos };
        pos = text.len();
        for (i, cluster) in text[from..].grapheme_indices(true) {
            let g_start = from + i;
            let end = g_start + cluster.len();
            if cluster.len() == 1 && is_plain(cluster) {
                if bytes.get(end).is_some_and(|&b| is_plain_byte(b)) {
                    pos = end;
                    break;
                }
                continue;
            }
            cluster_pieces(text, g_start, cluster, reveal, &mut out, &mut run_start);
        }
    }
    if run_start < text.len() {
        out.push((run_start..text.len(), Piece::Text(&text[run_start..])));
    }
    out
}

/// [`pieces`] by walking every grapheme cluster: what the skipping walk
/// must equal.
#[cfg(test)]
fn pieces_walking_every_cluster(text: &str, reveal: bool) -> Vec<(Range<usize>, Piece<'_>)> {
    let mut out = Vec::new();
    let mut run_start = 0;
    for (g_start, cluster) in text.grapheme_indices(true) {
        if !(cluster.len() == 1 && is_plain(cluster)) {
            cluster_pieces(text, g_start, cluster, reveal, &mut out, &mut run_start);
        }
    }
    if run_start < text.len() {
        out.push((run_start..text.len(), Piece::Text(&text[run_start..])));
    }
    out
}

/// Appends the pieces of one grapheme cluster that needs looking at,
/// flushing the plain run before it.
fn cluster_pieces<'a>(
    text: &'a str,
    g_start: usize,
    cluster: &str,
    reveal: bool,
    out: &mut Vec<(Range<usize>, Piece<'a>)>,
    run_start: &mut usize,
) {
    let flush = |out: &mut Vec<_>, run_start: usize, at: usize| {
        if run_start < at {
            out.push((run_start..at, Piece::Text(&text[run_start..at])));
        }
    };
    let mut prev = None;
    let mut based = false;
    let mut chars = cluster.char_indices().enumerate().peekable();
    while let Some((index, (i, c))) = chars.next() {
        let at = g_start + i;
        let end = at + c.len_utf8();
        if index > MAX_COMBINING && !reveal {
            // Zalgo: one marker for the rest of the cluster.
            flush(out, *run_start, at);
            let cluster_end = g_start + cluster.len();
            out.push((at..cluster_end, Piece::Marker(Cow::Borrowed(CUT))));
            *run_start = cluster_end;
            break;
        }
        let shown = if index > MAX_COMBINING {
            code_marker(c)
        } else {
            let ctx = Ctx {
                index,
                prev,
                next: chars.peek().map(|&(_, (_, n))| n),
                cluster,
                based,
                reveal,
            };
            classify(c, &ctx)
        };
        prev = Some(c);
        if let Shown::Keep = shown {
            based |= c.width().is_some_and(|w| w > 0);
            continue;
        }
        // The text after a gap starts a new piece: a mark there would
        // have no glyph of its own piece to sit on.
        based = false;
        flush(out, *run_start, at);
        if let Shown::Mark(marker) = shown {
            out.push((at..end, Piece::Marker(marker)));
        }
        *run_start = end;
    }
}

/// The character a marker stands for; `None` for [`CUT`], which stands for a
/// run of marks, and for strings that are not markers.
pub fn unmark(marker: &str) -> Option<char> {
    if marker == TAB {
        return Some('\t');
    }
    if marker == "\u{FFFD}" {
        return Some('\u{FFFD}');
    }
    if let Some(rest) = marker.strip_prefix('^') {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some('?'), None) => Some('\u{7f}'),
            (Some(c @ '@'..='_'), None) => char::from_u32(c as u32 - 0x40),
            _ => None,
        };
    }
    if let Some(hex) = marker.strip_prefix("<U+").and_then(|m| m.strip_suffix('>')) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    BIDI_OVERRIDES
        .iter()
        .chain(INVISIBLE.iter())
        .find(|(_, name)| *name == marker)
        .map(|(c, _)| *c)
}

/// The whole string made safe, markers inline: for file names, headings in
/// chrome, and error messages. Line breaks become `⏎` markers too, since
/// these strings are drawn on one line.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Printable ASCII has nothing to mark; most headings and names are
    // that, and a long article has tens of thousands of them.
    if text.bytes().all(|b| matches!(b, b' '..=b'~')) {
        return Cow::Borrowed(text);
    }
    let pieces = pieces(text, false);
    if let [(_, Piece::Text(s))] = pieces.as_slice()
        && s.len() == text.len()
        && !s.contains('\n')
    {
        return Cow::Borrowed(text);
    }
    if pieces.is_empty() {
        return Cow::Borrowed("");
    }
    let mut out = String::with_capacity(text.len());
    for (_, piece) in pieces {
        out.push_str(&piece.as_str().replace('\n', "⏎"));
    }
    Cow::Owned(out)
}

/// Text typed or pasted into a prompt (search), as data: control, bidi,
/// tag and line-separator characters are dropped, line breaks and tabs
/// become spaces. A paste holding `ESC [201~` and commands stays text.
pub fn prompt_input(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            _ if is_safe(c.encode_utf8(&mut [0; 4])) => Some(c),
            _ => None,
        })
        .collect()
}

/// Columns a tab takes when it starts at `column`, for layouts that expand
/// tabs to stops of [`TAB_WIDTH`] instead of drawing the fixed tab marker.
#[cfg(test)]
pub fn tab_width_at(column: usize) -> usize {
    TAB_WIDTH - column % TAB_WIDTH
}

/// True when a string is safe to hand to the terminal as it is: no control
/// character (line breaks included), no escape introducer, no bidi control
/// or mark, no line separator, no tag character outside a subdivision flag,
/// no variation selector from the supplement. Tests use it on every piece and
/// every drawn cell.
pub fn is_safe(s: &str) -> bool {
    let unsafe_char = |c: char| {
        let u = c as u32;
        u < 0x20
            || (0x7F..0xA0).contains(&u)
            || bidi_override_name(c).is_some()
            || matches!(
                c,
                '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2028}' | '\u{2029}'
            )
            || (0xE0100..=0xE01EF).contains(&u)
    };
    let is_tag = |c: char| ('\u{E0000}'..='\u{E007F}').contains(&c);
    if s.chars().any(unsafe_char) {
        return false;
    }
    if !s.chars().any(is_tag) {
        return true;
    }
    s.graphemes(true)
        .all(|g| !g.chars().any(is_tag) || is_flag_sequence(g))
}

#[cfg(test)]
mod tests;
