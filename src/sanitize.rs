//! The sanitiser at the output sink: article text never reaches the terminal
//! raw.
//!
//! Every string lede draws (body text, headings, file names, errors) passes
//! through here after all decoding. Control characters, escape-sequence
//! introducers, bidi controls, tag characters and other invisible characters
//! become visible markers (`^[`, `<U+009B>`, `⟨RLO⟩`); the text around them is
//! passed through untouched. Because the mapping is per character, a sequence
//! split across lines or Markdown constructs is neutralised all the same, and
//! an unterminated one cannot bleed into the next line.
//!
//! Zero-width characters that are legitimate in running text (ZWNJ in Persian,
//! ZWJ in emoji, soft hyphens) are dropped from the display in normal mode and
//! shown as markers in reveal mode.

use std::borrow::Cow;
use std::ops::Range;

/// Combining marks drawn per base character; more become `…` (Zalgo text).
pub const MAX_COMBINING: usize = 16;

/// Display spaces for a tab outside code (code expands to tab stops itself).
const TAB: &str = "    ";

/// A piece of displayable output and the text range it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text that is safe to draw as it is.
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
}

/// What a character becomes on screen.
enum Shown {
    Keep,
    Hide,
    Mark(Cow<'static, str>),
}

fn classify(c: char, reveal: bool) -> Shown {
    let u = c as u32;
    match c {
        '\n' => Shown::Keep,
        '\t' => Shown::Mark(Cow::Borrowed(TAB)),
        '\u{7f}' => Shown::Mark(Cow::Borrowed("^?")),
        _ if u < 0x20 => Shown::Mark(Cow::Owned(format!(
            "^{}",
            char::from_u32(u + 0x40).unwrap_or('?')
        ))),
        _ if (0x80..0xA0).contains(&u) => Shown::Mark(Cow::Owned(format!("<U+{u:04X}>"))),
        _ => match bidi_name(c) {
            Some(name) => Shown::Mark(Cow::Owned(format!("⟨{name}⟩"))),
            None if (0xE0000..=0xE007F).contains(&u) || (0xE0100..=0xE01EF).contains(&u) => {
                Shown::Mark(Cow::Owned(format!("<U+{u:X}>")))
            }
            None if matches!(c, '\u{2028}' | '\u{2029}') => {
                Shown::Mark(Cow::Owned(format!("<U+{u:04X}>")))
            }
            None => match invisible_name(c) {
                Some(name) if reveal => Shown::Mark(Cow::Owned(format!("⟨{name}⟩"))),
                Some(_) => Shown::Hide,
                None => Shown::Keep,
            },
        },
    }
}

/// Names of the characters that reorder text (Trojan Source).
fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{061C}' => "ALM",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        _ => return None,
    })
}

/// Names of invisible characters that are harmless in normal text.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZWSP",
        '\u{200C}' => "ZWNJ",
        '\u{200D}' => "ZWJ",
        '\u{2060}' => "WJ",
        '\u{FEFF}' => "BOM",
        '\u{00AD}' => "SHY",
        '\u{180E}' => "MVS",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "FILL",
        '\u{2061}'..='\u{2064}' => "INV",
        _ => return None,
    })
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Splits `text` into displayable pieces, each with the range of `text` it
/// stands for. Ranges are in order and cover the text (hidden characters get
/// no piece).
pub fn pieces(text: &str, reveal: bool) -> Vec<(Range<usize>, Piece<'_>)> {
    let mut out = Vec::new();
    let mut run_start = 0;
    let mut combining = 0;
    for (i, c) in text.char_indices() {
        let shown = if is_combining(c) {
            combining += 1;
            match combining {
                n if n <= MAX_COMBINING => Shown::Keep,
                n if n == MAX_COMBINING + 1 => Shown::Mark(Cow::Borrowed("…")),
                _ => Shown::Hide,
            }
        } else {
            combining = 0;
            classify(c, reveal)
        };
        if matches!(shown, Shown::Keep) {
            continue;
        }
        if run_start < i {
            out.push((run_start..i, Piece::Text(&text[run_start..i])));
        }
        let end = i + c.len_utf8();
        if let Shown::Mark(marker) = shown {
            out.push((i..end, Piece::Marker(marker)));
        }
        run_start = end;
    }
    if run_start < text.len() {
        out.push((run_start..text.len(), Piece::Text(&text[run_start..])));
    }
    out
}

/// The whole string made safe, markers inline: for file names, headings in
/// chrome, and error messages. Line breaks become `⏎` markers too, since
/// these strings are drawn on one line.
pub fn clean(text: &str) -> Cow<'_, str> {
    let pieces = pieces(text, false);
    if let [(_, Piece::Text(s))] = pieces.as_slice()
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

/// True when a string is safe to hand to the terminal as it is: no control,
/// bidi, tag or escape character. Tests use it on every drawn cell.
pub fn is_safe(s: &str) -> bool {
    s.chars().all(|c| {
        let u = c as u32;
        u >= 0x20
            && !(0x7F..0xA0).contains(&u)
            && bidi_name(c).is_none()
            && !(0xE0000..=0xE01EF).contains(&u)
            && !matches!(c, '\u{2028}' | '\u{2029}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str, reveal: bool) -> String {
        pieces(s, reveal).iter().map(|(_, p)| p.as_str()).collect()
    }

    #[test]
    fn escape_sequences_become_visible() {
        let cases = [
            ("\x1b]0;evil\x07", "^[]0;evil^G"),
            ("\x1b]52;c;aGk=\x07", "^[]52;c;aGk=^G"),
            ("\x1b[1A\x1b[2K\r[OK]", "^[[1A^[[2K^M[OK]"),
            ("a\u{9b}31mb", "a<U+009B>31mb"),
            ("x\u{0}y\u{7f}", "x^@y^?"),
            ("real\rfake", "real^Mfake"),
            ("a\u{8}A", "a^HA"),
            ("\u{202E}txt", "⟨RLO⟩txt"),
            ("hid\u{E0041}den", "hid<U+E0041>den"),
        ];
        for (input, want) in cases {
            assert_eq!(shown(input, false), want, "{input:?}");
            assert!(is_safe(&shown(input, false)));
        }
    }

    #[test]
    fn zero_width_characters_hide_unless_revealed() {
        assert_eq!(shown("pay\u{200B}pal", false), "paypal");
        assert_eq!(shown("pay\u{200B}pal", true), "pay⟨ZWSP⟩pal");
        assert_eq!(shown("soft\u{AD}hyphen", false), "softhyphen");
    }

    #[test]
    fn zalgo_is_capped() {
        let zalgo = format!("a{}b", "\u{301}".repeat(100));
        let out = shown(&zalgo, false);
        assert_eq!(
            out.chars().filter(|&c| c == '\u{301}').count(),
            MAX_COMBINING
        );
        assert!(out.ends_with("…b"));
    }

    #[test]
    fn pieces_cover_the_text_in_order() {
        let text = "a\x1bb\u{200B}c";
        let ranges: Vec<_> = pieces(text, false).into_iter().map(|(r, _)| r).collect();
        assert_eq!(ranges, [0..1, 1..2, 2..3, 6..7]);
    }

    #[test]
    fn clean_makes_one_safe_line() {
        assert_eq!(clean("plain.txt"), "plain.txt");
        assert_eq!(clean("bad\x1b[2J\n.txt"), "bad^[[2J⏎.txt");
    }
}
