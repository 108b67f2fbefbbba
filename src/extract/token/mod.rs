//! Tokens and sentence starts: the one pass over the text every rule reads.
//!
//! A token is a word, a number or one punctuation character, with its byte
//! range into the document text and a few flags computed once (capitalised,
//! all capitals, space before it, first word of a sentence). Possessive `'s`
//! is split off (`Syria's` -> `Syria`, `'s`); abbreviations with inner dots
//! (`U.S.`, `D.C.`) and initials (`F.`) are one token.
//!
//! This module owns the token type (a packed range, flags and hash) and
//! the lists noted beside the tokens; `scan` is the tokenizer itself.
//!
//! Depends on the text and the lexicons (each word is hashed and looked up
//! once, in `scan`). Invariants: tokens are sorted, never
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

    /// Sets or clears the all-capitals flag (see [`Token::upper`]).
    pub fn set_upper(&mut self, on: bool) {
        self.bits = (self.bits & !ALL_CAPS) | if on { ALL_CAPS } else { 0 };
    }

    /// Marks the token as coming after a break names never run across (a
    /// link's edge).
    pub fn set_break(&mut self) {
        self.bits |= BRK;
    }

    /// Marks the token as opening a sentence, and so sentence-initial.
    pub fn set_sentence_start(&mut self) {
        self.bits |= INITIAL | SENT;
    }
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
    /// Tokens taken by numbers, one flag per token: filled after the scan,
    /// kept here so a window or an article reuses the memory.
    pub used: Vec<bool>,
}

impl Tokens {
    pub const fn new() -> Self {
        Self {
            toks: Vec::new(),
            named: Vec::new(),
            lower: Vec::new(),
            numeric: Vec::new(),
            used: Vec::new(),
        }
    }

    pub fn clear(&mut self) {
        self.toks.clear();
        self.named.clear();
        self.lower.clear();
        self.numeric.clear();
        self.used.clear();
    }
}

mod scan;

pub use scan::tokenize;

#[cfg(test)]
mod tests;
