//! The tokenizer: one pass over the bytes of a text, into [`Token`]s and
//! the lists of [`Tokens`].
//!
//! A table classifies each byte; plain ASCII words (most of them) are
//! scanned, hashed and looked up in the lexicons in one pass, anything
//! else (accents, apostrophes, digits running into letters) through the
//! general scanner. Sentence starts are noted on the way (after a full
//! stop that ends no abbreviation, a line break, a colon or an opening
//! quote).
//!
//! Depends on the token type and the lexicons. Invariants: the tokens of a
//! range are sorted, never overlap and lie on char boundaries.

use super::{
    ALL_CAPS, APOS, BRK, CAP, HAS_DIGIT, INITIAL, KIND_MASK, NUM, PUNCT, SENT, SPACE_BEFORE, Token,
    Tokens, WORD,
};
use crate::extract::lexicon::{LEX, NUMBER, fold_hash, fold_hash_ascii_lowered};

/// Words after which a full stop does not end a sentence: one `match` on
/// the bytes (a switch on the length), met at every full stop.
fn is_abbreviation(word: &[u8]) -> bool {
    matches!(
        word,
        b"Mr"
            | b"Mrs"
            | b"Ms"
            | b"Dr"
            | b"St"
            | b"Jr"
            | b"Sr"
            | b"Prof"
            | b"Gen"
            | b"Col"
            | b"Lt"
            | b"Sgt"
            | b"Capt"
            | b"Gov"
            | b"Sen"
            | b"Rep"
            | b"Rev"
            | b"Maj"
            | b"Cmdr"
            | b"Adm"
            | b"No"
            | b"vs"
            | b"Inc"
            | b"Co"
            | b"Corp"
            | b"Ltd"
            | b"Mt"
            | b"Ft"
            | b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"Aug"
            | b"Sep"
            | b"Sept"
            | b"Oct"
            | b"Nov"
            | b"Dec"
            | b"Fr"
            | b"Hon"
    )
}

/// Function words that, capitalised after an abbreviation's dot, show that
/// the dot also ended the sentence (`in Washington D.C. The team`).
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But", "And", "This",
    "That", "There", "His", "Her", "Their", "Its", "After", "As", "When", "While",
];

/// Classes of the byte scan, one table load per byte instead of a chain of
/// range tests: the scan is the hottest loop of extraction. The word
/// classes are bits, so a word's scan ORs them together.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
/// ASCII whitespace but the line feed and the tab (and the vertical tab,
/// which `char::is_whitespace` counts).
const SPACE: u8 = 8;
const NEWLINE: u8 = 16;
/// Any other ASCII byte: one punctuation token.
const OTHER: u8 = 32;
/// A byte of a multi-byte character.
const HIGH: u8 = 64;

/// The class of every byte.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'\n' | b'\t') {
            // A tab parts table cells (`BlockKind::Table`): names never
            // run across one, as across a line break.
            NEWLINE
        } else if matches!(c, b' ' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else if c < 0x80 {
            OTHER
        } else {
            HIGH
        };
        b += 1;
    }
    t
};

/// `char::is_alphabetic`, answered without a table search for the Latin
/// letters of names (`São`, `Gdańsk`) and the quotes and dashes of news
/// typography, the non-ASCII characters an English article is made of.
#[inline]
pub(super) fn alpha(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphabetic(),
        0xd7 | 0xf7 => false,
        0xc0..=0x17f => true,
        0x2000..=0x206f => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with the shortcuts of [`alpha`].
#[inline]
pub(super) fn alnum(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0xd7 | 0xf7 => false,
        0xc0..=0x17f => true,
        0x2000..=0x206f => false,
        _ => c.is_alphanumeric(),
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// [`tokenize`] into a plain vector of tokens.
#[cfg(test)]
pub fn tokenize_into(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    let mut all = Tokens {
        toks: std::mem::take(out),
        ..Tokens::default()
    };
    tokenize(text, range, true, &mut all);
    *out = all.toks;
}

/// Tokenises `text[range]` and appends to `all`; the first word of the
/// range starts a sentence when `initial` is true (a piece of a block after
/// inline code goes on with the sentence it is in). Names never run across
/// the start of a range.
pub fn tokenize(text: &str, range: std::ops::Range<usize>, initial: bool, all: &mut Tokens) {
    let out = &mut all.toks;
    let first = out.len();
    let bytes = text.as_bytes();
    let lex = &*LEX;
    let mut i = range.start;
    let end = range.end.min(text.len());
    // What the gap before the next token says of it (space, line break).
    let mut before = SPACE_BEFORE | BRK;
    let mut pending_initial = initial;
    // The token just pushed is an abbreviation in capitals with its dot
    // (`U.S.`), noted as it is pushed rather than read back.
    let mut after_abbreviation = false;
    while i < end {
        let class = BYTE_CLASS[usize::from(bytes[i])];
        if class & (SPACE | NEWLINE) != 0 {
            if class == NEWLINE {
                before |= BRK;
                pending_initial = true;
            }
            before |= SPACE_BEFORE;
            i += 1;
            continue;
        }
        let c = if class == HIGH {
            text[i..].chars().next().unwrap_or(' ')
        } else {
            char::from(bytes[i])
        };
        if class == HIGH && c.is_whitespace() {
            before |= SPACE_BEFORE;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut bits = before;
        before = 0;
        let payload;
        if class == DIGIT {
            i = scan_number(bytes, i, end);
            // Digits running into letters are one word (`22nd`, `G20`, `3bn`).
            if i < end && text[i..].chars().next().is_some_and(alpha) {
                i = scan_word(text, i, end);
                bits |= WORD | HAS_DIGIT;
                if has_apostrophe_byte(&bytes[start..i]) {
                    bits |= APOS;
                }
                payload = fold_hash(&text[start..i]);
                bits |= u32::from(lex.flags_hashed(payload, &text[start..i]));
            } else {
                bits |= NUM;
                payload = 0;
            }
        } else if class & (LOWER | UPPER) != 0 || (class == HIGH && alnum(c)) {
            // Plain ASCII words (most of them) in one pass; anything else
            // (accents, apostrophes) through the general scanner.
            let mut seen = 0;
            let mut j = i;
            while j < end {
                let class = BYTE_CLASS[usize::from(bytes[j])];
                if class & (LOWER | UPPER | DIGIT) == 0 {
                    break;
                }
                seen |= class;
                j += 1;
            }
            // Only an apostrophe or a non-ASCII character can carry a word
            // on; the scanner goes on from there, and a word it does not
            // carry on (`Syria’s`, `said”`) stays plain ASCII.
            let stop = if j >= end || (bytes[j] < 0x80 && bytes[j] != b'\'') {
                j
            } else {
                scan_word(text, j, end)
            };
            let plain = stop == j;
            let mut letters;
            let mut uppers;
            i = stop;
            if plain {
                if seen & DIGIT != 0 {
                    bits |= HAS_DIGIT;
                    letters = 0;
                    uppers = 0;
                    for &b in &bytes[start..i] {
                        let class = BYTE_CLASS[usize::from(b)];
                        letters += usize::from(class != DIGIT);
                        uppers += usize::from(class == UPPER);
                    }
                } else {
                    letters = i - start;
                    uppers = if seen == UPPER { letters } else { 0 };
                }
            } else {
                letters = 0;
                uppers = 0;
                let word = &text[start..i];
                if has_apostrophe_byte(word.as_bytes()) {
                    bits |= APOS;
                }
                for ch in word.chars() {
                    if alpha(ch) {
                        letters += 1;
                        uppers += usize::from(ch.is_uppercase());
                    } else if ch.is_ascii_digit() {
                        bits |= HAS_DIGIT;
                    }
                }
            }
            let cap = if class == HIGH {
                c.is_uppercase()
            } else {
                class == UPPER
            };
            if cap {
                bits |= CAP;
            }
            // Abbreviations: `U.S.`, `D.C.`, `e.g.`; an initial `F.`. A
            // code with one letter (`the A64.`) ends its sentence.
            if letters == 1 && bits & HAS_DIGIT == 0 && i < end && bytes[i] == b'.' {
                let mut j = i + 1;
                let mut dotted = false;
                while j + 1 < end && bytes[j].is_ascii_alphabetic() && bytes[j + 1] == b'.' {
                    j += 2;
                    dotted = true;
                }
                if dotted || (cap && j < end && bytes[j] == b' ') {
                    i = j;
                    letters += (j - start) / 2;
                    uppers = if cap { letters } else { 0 };
                }
            }
            if letters >= 2 && uppers == letters {
                bits |= ALL_CAPS;
            }
            if plain {
                let (hash, lowered) = fold_hash_ascii_lowered(bytes, start, i);
                payload = hash;
                bits |= u32::from(lex.flags_lowered(hash, lowered, bytes, start, i));
            } else {
                payload = fold_hash(&text[start..i]);
                bits |= u32::from(lex.flags_hashed(payload, &text[start..i]));
            }
        } else {
            i += c.len_utf8();
            // A possessive `'s` is one token.
            if is_apostrophe(c)
                && bits & SPACE_BEFORE == 0
                && (text[i..end].starts_with('s') || text[i..end].starts_with('S'))
                && !text[i + 1..end].chars().next().is_some_and(alnum)
            {
                i += 1;
            }
            let is_open_quote =
                matches!(c, '"' | '\u{201C}' | '\u{2018}') && bits & SPACE_BEFORE != 0;
            if is_open_quote || c == ':' {
                pending_initial = true;
            }
            out.push(Token {
                start: start as u32,
                end: i as u32,
                payload: u64::from(u32::from(c)),
                bits: bits | PUNCT,
            });
            after_abbreviation = false;
            if matches!(c, '.' | '!' | '?' | '\u{2026}') && ends_sentence(text, &out[first..]) {
                pending_initial = true;
            }
            continue;
        }
        // A citation's number (`said so. [2] Following`) leaves the next
        // word the sentence's first.
        let citation = bits & KIND_MASK == NUM
            && out.last().and_then(Token::punct) == Some('[')
            && bytes.get(i) == Some(&b']');
        if pending_initial && !citation {
            bits |= INITIAL | SENT;
            pending_initial = false;
        }
        // An abbreviation ending a sentence (`to the U.S. The team`): the
        // next word opens a new one only when it is a function word.
        if after_abbreviation
            && bits & KIND_MASK == WORD
            && SENTENCE_OPENERS.contains(&&text[start..i])
        {
            bits |= INITIAL | SENT;
        }
        after_abbreviation =
            bits & (KIND_MASK | ALL_CAPS) == WORD | ALL_CAPS && bytes[i - 1] == b'.';
        if bits & KIND_MASK == WORD {
            if bits & (CAP | ALL_CAPS) != 0 {
                all.named.push(out.len() as u32);
            } else if class == LOWER {
                all.lower.push(payload);
            }
            if bits & (HAS_DIGIT | u32::from(NUMBER)) != 0 {
                all.numeric.push(out.len() as u32);
            }
        } else {
            all.numeric.push(out.len() as u32);
        }
        out.push(Token {
            start: start as u32,
            end: i as u32,
            payload,
            bits,
        });
    }
}

/// The bytes of an apostrophe: `'`, or `0xE2`, which opens `’`.
fn has_apostrophe_byte(word: &[u8]) -> bool {
    word.iter().any(|&b| b == b'\'' || b == 0xe2)
}

/// `i` is at a digit: digits with inner `,` or `.` followed by a digit.
fn scan_number(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end {
        let inner_sep =
            (bytes[i] == b',' || bytes[i] == b'.') && i + 1 < end && bytes[i + 1].is_ascii_digit();
        if bytes[i].is_ascii_digit() || inner_sep {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Letters and digits, with inner apostrophes that are not a possessive `'s`.
fn scan_word(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let Some(c) = text[i..end].chars().next() else {
            break;
        };
        if alnum(c) {
            i += c.len_utf8();
        } else if is_apostrophe(c) {
            let after = i + c.len_utf8();
            let rest = &text[after..end];
            let next_alpha = rest.chars().next().is_some_and(alpha);
            let possessive = (rest.starts_with('s') || rest.starts_with('S'))
                && !rest[1..].chars().next().is_some_and(alnum);
            if next_alpha && !possessive {
                i = after;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    i
}

/// True when the stop just pushed ends a sentence: not after a title
/// abbreviation (`Mr.`) and not inside a number.
fn ends_sentence(text: &str, toks: &[Token]) -> bool {
    let n = toks.len();
    if n < 2 {
        return true;
    }
    let prev = toks[n - 2];
    if prev.end != toks[n - 1].start || !prev.is_word() {
        return true;
    }
    let len = prev.end - prev.start;
    !(2..=4).contains(&len)
        || !is_abbreviation(&text.as_bytes()[prev.start as usize..prev.end as usize])
}
