//! Tokens and sentence starts: the one pass over the text every rule reads.
//!
//! A token is a word, a number or one punctuation character, with its byte
//! range into the document text and a few flags computed once (capitalised,
//! all capitals, space before it, first word of a sentence). Possessive `'s`
//! is split off (`Syria's` -> `Syria`, `'s`); abbreviations with inner dots
//! (`U.S.`, `D.C.`) and initials (`F.`) are one token.
//!
//! Depends on the text and the lexicons (each word is hashed and looked up
//! once, here). Invariants: tokens are sorted, never
//! overlap, lie on char boundaries; no allocation per token beyond the vector.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// Letters, possibly with digits or inner apostrophes (`O'Brien`, `G20`).
    Word,
    /// Digits with inner separators (`5,400`, `2.5`).
    Num,
    /// One punctuation or symbol character.
    Punct,
}

/// A token in 20 bytes: its byte range, one word of flags, and a payload
/// (a word's hash or a punctuation token's character, never both). Every
/// rule walks the tokens several times: half the bytes of a field-per-flag
/// token are half the memory read, and a token is written in three stores.
#[derive(Clone, Copy)]
#[repr(C, packed(4))]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// [`fold_hash`] of a word; the character of a punctuation token; 0
    /// for a number.
    payload: u64,
    /// The lexicon flags in the low 16 bits ([`Token::lex`]), the kind in
    /// [`KIND_SHIFT`].., then one bit per flag ([`CAP`]...).
    bits: u32,
}

const KIND_SHIFT: u32 = 16;
const KIND_MASK: u32 = 3 << KIND_SHIFT;
const WORD: u32 = 0;
const NUM: u32 = 1 << KIND_SHIFT;
const PUNCT: u32 = 2 << KIND_SHIFT;
/// First character is an uppercase letter.
const CAP: u32 = 1 << 18;
/// Two or more letters, all uppercase (`NATO`, `U.S.`).
const ALL_CAPS: u32 = 1 << 19;
/// Holds a digit (only words: `G20`, `22nd`, `3bn`).
const HAS_DIGIT: u32 = 1 << 20;
/// Whitespace (or the start of a block) right before it.
const SPACE_BEFORE: u32 = 1 << 21;
/// A line break or block start before it: names never run across.
const BRK: u32 = 1 << 22;
/// The first word of a sentence (or of a quotation, or after a colon):
/// its capital says nothing about being a name.
const INITIAL: u32 = 1 << 23;
/// Starts a sentence: names never run across it. Unlike [`INITIAL`], not
/// set on every word of a Title Case headline.
const SENT: u32 = 1 << 24;
/// A word holding a byte `'` or `0xE2` (the lead byte of `’` and the rest
/// of U+2000..U+2FFF): the only words with a stem before an apostrophe.
/// Plain ASCII words are known without a scan.
const APOS: u32 = 1 << 25;

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (start, end, payload, bits) = (self.start, self.end, self.payload, self.bits);
        f.debug_struct("Token")
            .field("start", &start)
            .field("end", &end)
            .field("kind", &self.kind())
            .field("payload", &payload)
            .field("bits", &format_args!("{bits:#x}"))
            .finish()
    }
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    /// The token's text is `word`: lengths first, then bytes (a token lies
    /// on char boundaries, so no slicing checks are needed).
    #[inline]
    pub fn is(&self, text: &str, word: &str) -> bool {
        // Byte by byte: a slice comparison calls `memcmp`, dearer than the
        // two or three bytes compared.
        (self.end - self.start) as usize == word.len()
            && text.as_bytes()[self.start as usize..self.end as usize]
                .iter()
                .zip(word.as_bytes())
                .all(|(a, b)| a == b)
    }

    /// The last byte of the token's text (`.` of `U.S.`).
    #[inline]
    pub fn last_byte(&self, text: &str) -> u8 {
        text.as_bytes()[self.end as usize - 1]
    }

    #[inline]
    pub fn kind(&self) -> Tok {
        match self.bits & KIND_MASK {
            WORD => Tok::Word,
            NUM => Tok::Num,
            _ => Tok::Punct,
        }
    }

    #[inline]
    pub fn is_word(&self) -> bool {
        self.bits & KIND_MASK == WORD
    }

    /// The single character of a punctuation token.
    #[inline]
    pub fn punct(&self) -> Option<char> {
        if self.bits & KIND_MASK == PUNCT {
            char::from_u32(self.payload as u32)
        } else {
            None
        }
    }

    /// [`fold_hash`] of a word, computed once by the tokenizer so no rule
    /// hashes a word again; 0 for a number.
    #[inline]
    pub fn hash(&self) -> u64 {
        self.payload
    }

    /// Which cue lexicons hold a word (`lexicon::ORG`...); 0 for numbers
    /// and punctuation, which no lexicon holds.
    #[inline]
    pub fn lex(&self) -> u16 {
        self.bits as u16
    }

    /// In one of the lexicons of `mask` (`lexicon::COMMON`...).
    #[inline]
    pub fn in_lex(&self, mask: u16) -> bool {
        self.bits & u32::from(mask) != 0
    }

    #[inline]
    fn flag(&self, bit: u32) -> bool {
        self.bits & bit != 0
    }

    /// First character is an uppercase letter.
    #[inline]
    pub fn cap(&self) -> bool {
        self.flag(CAP)
    }

    /// Two or more letters, all uppercase (`NATO`, `U.S.`).
    #[inline]
    pub fn upper(&self) -> bool {
        self.flag(ALL_CAPS)
    }

    /// Holds a digit (only words: `G20`, `22nd`, `3bn`).
    #[inline]
    pub fn digit(&self) -> bool {
        self.flag(HAS_DIGIT)
    }

    /// Whitespace (or the start of a block) right before it.
    #[inline]
    pub fn space(&self) -> bool {
        self.flag(SPACE_BEFORE)
    }

    /// A line break or block start before it: names never run across.
    #[inline]
    pub fn brk(&self) -> bool {
        self.flag(BRK)
    }

    /// The first word of a sentence (or of a quotation, or after a colon).
    #[inline]
    pub fn initial(&self) -> bool {
        self.flag(INITIAL)
    }

    /// Starts a sentence (not set on every word of a Title Case headline).
    #[inline]
    pub fn sent(&self) -> bool {
        self.flag(SENT)
    }

    /// A word that may hold an apostrophe (see [`APOS`]).
    #[inline]
    pub fn apos(&self) -> bool {
        self.flag(APOS)
    }

    /// Marks the token as a sentence-initial capital (or not): a Title Case
    /// headline makes every capital one.
    pub fn set_initial(&mut self, on: bool) {
        self.bits = (self.bits & !INITIAL) | if on { INITIAL } else { 0 };
    }

    /// Marks the token as opening a sentence, and so sentence-initial.
    pub fn set_sentence_start(&mut self) {
        self.bits |= INITIAL | SENT;
    }
}

use super::lexicon::{LEX, NUMBER, fold_hash, fold_hash_ascii_lowered};

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
/// ASCII whitespace but the line feed (and the vertical tab, which
/// `char::is_whitespace` counts).
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
        } else if c == b'\n' {
            NEWLINE
        } else if matches!(c, b' ' | b'\t' | 0x0b | 0x0c | b'\r') {
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
fn alpha(c: char) -> bool {
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
fn alnum(c: char) -> bool {
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

/// The tokens of a text, with two lists the document context reads (see
/// `context`), noted on the way: walking every token again to find them
/// costs more than the tokenizer pays to note them.
#[derive(Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    /// Indexes of the words with a capital first letter or all in capitals.
    pub named: Vec<u32>,
    /// The fold hashes of the words whose first byte is a lowercase ASCII
    /// letter.
    pub lower: Vec<u64>,
    /// Indexes of the tokens that can open a number: digits, words with a
    /// digit, number words.
    pub numeric: Vec<u32>,
}

impl Tokens {
    pub const fn new() -> Self {
        Self {
            toks: Vec::new(),
            named: Vec::new(),
            lower: Vec::new(),
            numeric: Vec::new(),
        }
    }

    pub fn clear(&mut self) {
        self.toks.clear();
        self.named.clear();
        self.lower.clear();
        self.numeric.clear();
    }
}

/// [`tokenize`] into a plain vector of tokens.
#[cfg(test)]
pub fn tokenize_into(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    let mut all = Tokens {
        toks: std::mem::take(out),
        ..Tokens::default()
    };
    tokenize(text, range, &mut all);
    *out = all.toks;
}

/// Tokenises `text[range]` and appends to `all`; the first word of the
/// range starts a sentence.
pub fn tokenize(text: &str, range: std::ops::Range<usize>, all: &mut Tokens) {
    let out = &mut all.toks;
    let first = out.len();
    let bytes = text.as_bytes();
    let lex = &*LEX;
    let mut i = range.start;
    let end = range.end.min(text.len());
    // What the gap before the next token says of it (space, line break).
    let mut before = SPACE_BEFORE | BRK;
    let mut pending_initial = true;
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
            // Abbreviations: `U.S.`, `D.C.`, `e.g.`; an initial `F.`.
            if letters == 1 && i < end && bytes[i] == b'.' {
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
            if matches!(c, '.' | '!' | '?' | '\u{2026}') && ends_sentence(text, &out[first..]) {
                pending_initial = true;
            }
            continue;
        }
        if pending_initial {
            bits |= INITIAL | SENT;
            pending_initial = false;
        }
        // An abbreviation ending a sentence (`to the U.S. The team`): the
        // next word opens a new one only when it is a function word.
        if bits & KIND_MASK == WORD
            && out.len() > first
            && let Some(prev) = out.last()
            && prev.is_word()
            && prev.upper()
            && prev.text(text).ends_with('.')
            && SENTENCE_OPENERS.contains(&&text[start..i])
        {
            bits |= INITIAL | SENT;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        tokenize_into(s, 0..s.len(), &mut out);
        out.iter()
            .map(|t| (t.text(s).to_string(), t.initial()))
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_possessives() {
        let cases: &[(&str, &[&str])] = &[
            ("Chile's army", &["Chile", "'s", "army"]),
            ("Kenya’s port", &["Kenya", "’s", "port"]),
            ("O'Neill won", &["O'Neill", "won"]),
            ("$4,500.75 in", &["$", "4,500.75", "in"]),
            ("the 3rd and G7", &["the", "3rd", "and", "G7"]),
            ("U.S. troops", &["U.S.", "troops"]),
            ("John F. Kennedy", &["John", "F.", "Kennedy"]),
            ("al-Bashir", &["al", "-", "Bashir"]),
            ("12.5%", &["12.5", "%"]),
        ];
        for (input, want) in cases {
            let got: Vec<String> = toks(input).into_iter().map(|t| t.0).collect();
            assert_eq!(&got, want, "{input}");
        }
    }

    #[test]
    fn words_carry_their_hash_and_lexicon_flags() {
        for s in [
            "The Ministry of Défense said O'Neill’s UNITED Nations twenty-five U.S. 3bn",
            "ab",
            "Province",
            "Ḩamāh province, ÉTATS",
            "I'm there, we’re 3’d U.S.’s Ⅻ ℕumbers 22nd's",
        ] {
            let mut out = Vec::new();
            tokenize_into(s, 0..s.len(), &mut out);
            for t in &out {
                let w = t.text(s);
                if t.is_word() {
                    assert_eq!(t.hash(), fold_hash(w), "{w}");
                    assert_eq!(t.lex(), LEX.flags(w), "{w}");
                    let scanned = w.bytes().any(|b| b == b'\'' || b == 0xe2);
                    assert_eq!(t.apos(), scanned, "{w}");
                } else {
                    assert_eq!(t.lex(), 0, "{w}");
                    assert_eq!(t.punct().is_some(), t.kind() == Tok::Punct, "{w}");
                }
            }
        }
    }

    /// Every packed flag agrees with its definition read off the text,
    /// and setting the sentence flags leaves the others alone.
    #[test]
    fn packed_flags_follow_their_definitions() {
        assert_eq!(std::mem::size_of::<Token>(), 20);
        for s in [
            "The U.S. and NATO said: \"G20 leaders met in Zürich\" (WHO) 3bn",
            "  Ḩamāh province\nKurds’ 22nd O'Neill's ÉTATS x\u{2003}Y",
            "a\tB.C. F. Kennedy $4,500.75 12% twenty-five\r\nEnd",
        ] {
            let mut out = Vec::new();
            tokenize_into(s, 0..s.len(), &mut out);
            for t in &out {
                let w = t.text(s);
                let before = &s[..t.start as usize];
                let gap = before.chars().next_back();
                assert_eq!(t.space(), gap.is_none_or(char::is_whitespace), "{w}");
                let line_start = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
                assert_eq!(
                    t.brk(),
                    line_start.is_empty() || line_start.ends_with('\n'),
                    "{w}"
                );
                let first = w.chars().next().expect("tokens are not empty");
                match t.kind() {
                    Tok::Word => {
                        assert_eq!(t.cap(), first.is_uppercase(), "{w}");
                        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                        // An initial with its dot counts as capitals (`F.`).
                        let upper = (letters.len() >= 2 || w.ends_with('.'))
                            && letters.iter().all(|c| c.is_uppercase());
                        assert_eq!(t.upper(), upper, "{w}");
                        assert_eq!(t.digit(), w.bytes().any(|b| b.is_ascii_digit()), "{w}");
                        assert_eq!(t.hash(), fold_hash(w), "{w}");
                        assert_eq!(t.lex(), LEX.flags(w), "{w}");
                        assert_eq!(t.punct(), None, "{w}");
                    }
                    Tok::Num => {
                        assert!(
                            w.bytes()
                                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                        );
                        assert!(!t.cap() && !t.upper() && t.lex() == 0, "{w}");
                    }
                    Tok::Punct => {
                        assert_eq!(t.punct(), Some(first), "{w}");
                        assert!(!t.cap() && !t.upper() && !t.digit(), "{w}");
                        assert!(!t.initial() && !t.sent() && t.lex() == 0, "{w}");
                    }
                }
                let mut m = *t;
                m.set_sentence_start();
                assert!(m.initial() && m.sent(), "{w}");
                m.set_initial(false);
                assert!(!m.initial() && m.sent(), "{w}");
                let same = |a: &Token, b: &Token| {
                    (a.start, a.end, a.kind(), a.hash(), a.lex())
                        == (b.start, b.end, b.kind(), b.hash(), b.lex())
                        && (a.cap(), a.upper(), a.digit(), a.space(), a.brk(), a.apos())
                            == (b.cap(), b.upper(), b.digit(), b.space(), b.brk(), b.apos())
                };
                assert!(same(&m, t), "{w}");
            }
        }
    }

    #[test]
    fn character_classes_agree_with_std() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(alpha(c), c.is_alphabetic(), "{:x}", u32::from(c));
            assert_eq!(alnum(c), c.is_alphanumeric(), "{:x}", u32::from(c));
        }
    }

    #[test]
    fn marks_sentence_starts() {
        let cases: &[(&str, &[&str])] = &[
            ("He left. Then she came.", &["He", "Then"]),
            ("Mr. Lopez spoke. Rain fell.", &["Mr", "Rain"]),
            ("They said: \"Come now\"", &["They", "Come"]),
            ("in Paris, Ky. The mayor", &["in", "The"]),
            ("to the U.S. The team", &["to", "The"]),
            ("Line one\nLine two", &["Line", "Line"]),
        ];
        for (input, want) in cases {
            let got: Vec<String> = toks(input)
                .into_iter()
                .filter(|t| t.1)
                .map(|t| t.0)
                .collect();
            assert_eq!(&got, want, "{input}");
        }
    }
}
