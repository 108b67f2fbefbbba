//! What the whole article says about its own words: which words it also
//! writes in lowercase (so a capital at a sentence start means nothing) and
//! which capitalised words it uses mid-sentence (so they are names).
//!
//! Built once per document from the tokens; borrowed by every rule. Depends
//! on tokens, lexicons and the gazetteer view.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::ops::Range;

use super::gaz;
use super::lexicon::{COMMON, HashedSet, IdHasher, fold_hash, with_lower};
use super::token::Token;

/// A word keyed by its token's [`fold_hash`] (computed once by the
/// tokenizer) but compared with case: `Nato` is not `NATO`.
#[derive(Clone, Copy)]
struct Word<'t> {
    hash: u64,
    text: &'t str,
}

impl Hash for Word<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for Word<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Word<'_> {}

type WordSet<'t> = HashSet<Word<'t>, BuildHasherDefault<IdHasher>>;
type WordMap<'t, V> = HashMap<Word<'t>, V, BuildHasherDefault<IdHasher>>;

/// Flags of [`DocContext::caps`].
const MID: u8 = 1;
const ALONE: u8 = 2;

fn keyed<'t>(text: &'t str, t: &Token) -> Word<'t> {
    Word {
        hash: t.hash(),
        text: t.text(text),
    }
}

pub struct DocContext<'t> {
    pub text: &'t str,
    pub toks: &'t [Token],
    /// Words written in lowercase somewhere in the article.
    lower: HashedSet,
    /// Capitalised words used away from a sentence start ([`MID`]), and
    /// of those the ones used other than as `X-like` adjectives ([`ALONE`]).
    caps: WordMap<'t, u8>,
    /// Words written in parentheses on their own: acronyms being defined.
    defined: WordSet<'t>,
    dateline: Option<Range<usize>>,
}

const FILTER_BITS: usize = 1 << 15;

/// A word's bit in the filter: bits of its case-folded hash, so a
/// lowercase word and the capitalised word asking about it share it.
fn filter_bit(t: &Token) -> usize {
    (t.hash() >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

/// Initial capacity cap of per-document word sets: above the distinct words
/// of a long article, small enough to stay in cache.
pub(super) const DISTINCT_CAP: usize = 1 << 12;

impl<'t> DocContext<'t> {
    pub fn new(text: &'t str, toks: &'t [Token], dateline: Option<Range<usize>>) -> Self {
        // Sized from the text (about one capitalised word in eight), but
        // capped: an article repeats its words, and a set sized to every
        // token of a long text misses the cache on each probe.
        let guess = (toks.len() / 8).min(DISTINCT_CAP);
        let mut lower = HashedSet::with_capacity_and_hasher(guess, Default::default());
        let mut caps = WordMap::with_capacity_and_hasher(guess, Default::default());
        let mut defined = WordSet::default();
        // Only lowercase words that some capitalised word could ask about
        // are hashed: a bitset on (length, first letter, last letter) of the
        // capitalised words filters the rest cheaply.
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for t in toks.iter().filter(|t| t.is_word() && t.cap()) {
            // Function words (`The`, `In`) are settled by the common list
            // and would let the most frequent lowercase words through.
            if t.initial() && t.in_lex(COMMON) {
                continue;
            }
            let bit = filter_bit(t);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        for (i, t) in toks.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            // An acronym on its own in parentheses (`(WHO)`).
            if t.upper()
                && i > 0
                && toks[i - 1].punct() == Some('(')
                && toks.get(i + 1).and_then(Token::punct) == Some(')')
            {
                defined.insert(keyed(text, t));
            }
            if text.as_bytes()[t.start as usize].is_ascii_lowercase() {
                let bit = filter_bit(t);
                if filter[bit / 64] & (1 << (bit % 64)) != 0 {
                    lower.insert(t.hash());
                }
            } else if t.cap() && !t.initial() {
                let glued = toks
                    .get(i + 1)
                    .is_some_and(|h| !h.space() && h.punct() == Some('-'))
                    && toks
                        .get(i + 2)
                        .is_some_and(|n| !n.space() && n.is_word() && !n.cap());
                *caps.entry(keyed(text, t)).or_insert(0) |= if glued { MID } else { MID | ALONE };
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
        self.defined.contains(&keyed(self.text, t))
    }

    /// The article writes the word `t` in lowercase somewhere.
    pub fn lower_seen(&self, t: &Token) -> bool {
        self.lower.contains(&t.hash())
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
            .get(&Word {
                hash: fold_hash(name),
                text: name,
            })
            .is_some_and(|f| f & ALONE != 0)
    }

    /// [`Self::capitalised_alone`] for the word `t` of this document.
    pub fn word_capitalised_alone(&self, t: &Token) -> bool {
        self.caps
            .get(&keyed(self.text, t))
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
        if self.caps.contains_key(&keyed(self.text, t)) {
            return false;
        }
        if gaz::given_name(word) || gaz::place(word).is_some_and(|p| !p.ambiguous) {
            return false;
        }
        // `Citing`, `Allegedly`, `Looking`: verb and adverb forms (after the
        // gazetteer: `Beijing`, `Reading` are places).
        if alone && word.len() > 5 && (word.ends_with("ing") || word.ends_with("ly")) {
            return true;
        }
        let zipf = with_lower(word, gaz::zipf);
        zipf >= if alone { 3.0 } else { 4.5 }
    }
}
