//! What the whole article says about its own words: which words it also
//! writes in lowercase (so a capital at a sentence start means nothing) and
//! which capitalised words it uses mid-sentence (so they are names).
//!
//! Built once per document from the tokens; borrowed by every rule. Depends
//! on tokens, lexicons and the gazetteer view.

use std::ops::Range;

use super::gaz;
use super::hashed::{HashSet64, WordFlags};
use super::lexicon::{COMMON, fold_hash, with_lower};
use super::token::{Token, Tokens};

/// Flags of [`DocContext::caps`].
const MID: u8 = 1;
const ALONE: u8 = 2;

pub struct DocContext<'t> {
    pub text: &'t str,
    pub toks: &'t [Token],
    /// Words written in lowercase somewhere in the article.
    lower: HashSet64,
    /// Capitalised words used away from a sentence start ([`MID`]), and
    /// of those the ones used other than as `X-like` adjectives ([`ALONE`]).
    caps: WordFlags<'t>,
    /// Words written in parentheses on their own: acronyms being defined.
    defined: WordFlags<'t>,
    dateline: Option<Range<usize>>,
}

const FILTER_BITS: usize = 1 << 15;

/// A word's bit in the filter: bits of its case-folded hash, so a
/// lowercase word and the capitalised word asking about it share it.
fn filter_bit(hash: u64) -> usize {
    (hash >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

/// Initial capacity cap of per-document word sets: above the distinct words
/// of a long article, small enough to stay in cache.
pub(super) const DISTINCT_CAP: usize = 1 << 12;

impl<'t> DocContext<'t> {
    pub fn new(text: &'t str, all: &'t Tokens, dateline: Option<Range<usize>>) -> Self {
        let toks = &all.toks[..];
        // Sized from the text (about one capitalised word in eight), but
        // capped: an article repeats its words, and a set sized to every
        // token of a long text misses the cache on each probe.
        let guess = (toks.len() / 8).min(DISTINCT_CAP);
        let mut lower = HashSet64::with_capacity(guess);
        let mut caps = WordFlags::with_capacity(text, guess);
        let mut defined = WordFlags::with_capacity(text, 8);
        // Only lowercase words that some capitalised word could ask about
        // are kept: a bitset on bits of the capitalised words' hashes
        // filters the rest cheaply.
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for &i in &all.named {
            let i = i as usize;
            let t = &toks[i];
            // An acronym on its own in parentheses (`(WHO)`).
            if t.upper()
                && i > 0
                && toks[i - 1].punct() == Some('(')
                && toks.get(i + 1).and_then(Token::punct) == Some(')')
            {
                defined.add(t.hash(), t.start, t.end, 1);
            }
            if !t.cap() {
                continue;
            }
            // Function words (`The`, `In`) are settled by the common list
            // and would let the most frequent lowercase words through.
            if !(t.initial() && t.in_lex(COMMON)) {
                let bit = filter_bit(t.hash());
                filter[bit / 64] |= 1 << (bit % 64);
            }
            if !t.initial() {
                let glued = toks
                    .get(i + 1)
                    .is_some_and(|h| !h.space() && h.punct() == Some('-'))
                    && toks
                        .get(i + 2)
                        .is_some_and(|n| !n.space() && n.is_word() && !n.cap());
                caps.add(
                    t.hash(),
                    t.start,
                    t.end,
                    if glued { MID } else { MID | ALONE },
                );
            }
        }
        for &hash in &all.lower {
            let bit = filter_bit(hash);
            if filter[bit / 64] & (1 << (bit % 64)) != 0 {
                lower.insert(hash);
            }
        }
        Self {
            text,
            toks,
            lower,
            caps,
            defined,
            dateline,
        }
    }

    /// The offset lies in the dateline (`ANTAKYA, Turkey –`): names there
    /// are places.
    pub fn in_dateline(&self, offset: usize) -> bool {
        self.dateline.as_ref().is_some_and(|d| d.contains(&offset))
    }

    /// An acronym the article defines in parentheses (`(WHO)`); `t` is a
    /// word of this document.
    pub fn defined(&self, t: &Token) -> bool {
        self.defined.get(t.hash(), t.text(self.text)).is_some()
    }

    /// The article writes the word `t` in lowercase somewhere.
    pub fn lower_seen(&self, t: &Token) -> bool {
        self.lower.contains(t.hash())
    }

    /// The text from the first to the last token of a range.
    pub fn span_text(&self, toks: Range<usize>) -> &'t str {
        if toks.is_empty() {
            return "";
        }
        let s = self.toks[toks.start].start as usize;
        let e = self.toks[toks.end - 1].end as usize;
        &self.text[s..e]
    }

    /// True when the article writes this capitalised word mid-sentence, and
    /// not only glued to a lowercase word (`Kurdish-majority`).
    pub fn capitalised_alone(&self, name: &str) -> bool {
        self.caps
            .get(fold_hash(name), name)
            .is_some_and(|f| f & ALONE != 0)
    }

    /// [`Self::capitalised_alone`] for the word `t` of this document.
    pub fn word_capitalised_alone(&self, t: &Token) -> bool {
        self.caps
            .get(t.hash(), t.text(self.text))
            .is_some_and(|f| f & ALONE != 0)
    }

    /// A sentence-initial capitalised word that is a common word rather than
    /// a name: the article writes it in lowercase too, or it is frequent in
    /// English and nothing marks it as a name. `alone` is true when no other
    /// capitalised word follows it, which makes a name less likely.
    pub fn common_initial(&self, t: &Token, alone: bool) -> bool {
        if self.lower_seen(t) {
            return true;
        }
        let word = t.text(self.text);
        if self.caps.get(t.hash(), word).is_some() {
            return false;
        }
        if gaz::given_name(word) || gaz::place(word).is_some_and(|p| !p.ambiguous) {
            return false;
        }
        // A word in a script the dictionary does not cover (`Что`, `Есть`
        // opening Russian sentences): nothing tells a common word from a
        // name but the capital, and a sentence start's capital says
        // nothing; a name is seen capitalised mid-sentence too.
        if !word.bytes().any(|b| b.is_ascii_alphabetic()) && word.chars().any(char::is_alphabetic) {
            return true;
        }
        // `Citing`, `Allegedly`, `Looking`: verb and adverb forms (after the
        // gazetteer: `Beijing`, `Reading` are places).
        if alone && word.len() > 5 && (word.ends_with("ing") || word.ends_with("ly")) {
            return true;
        }
        // Alone, any dictionary word (`Foolhardy, the plan...`); before
        // another capital, only a frequent one.
        let zipf = with_lower(word, gaz::zipf);
        if alone { zipf > 0.0 } else { zipf >= 4.5 }
    }
}
