//! Hand-written cue lexicons (`assets/lexicon/*.txt`), compiled into the
//! binary and loaded once into hash sets.
//!
//! Each list is a general cue of English news (titles, organisation head
//! words, place words, number words...), never a list of an article's own
//! names. Lookups are case-insensitive and allocate nothing for ASCII words.
//! Depends on nothing but std.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: lexicon keys are short words, where SipHash's setup dominates.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Keys that are already hashes ([`fold_hash`]) need no hashing again.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A set of [`fold_hash`] values.
pub type HashedSet = HashSet<u64, BuildHasherDefault<IdHasher>>;
pub type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// FNV-1a of the lowercase form of `word`, without building it (ASCII is
/// folded byte by byte; other text through `to_lowercase`).
pub fn fold_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for &b in word.as_bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    } else {
        for b in word.to_lowercase().bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A set of lowercase words from one lexicon file.
pub struct WordSet(HashedMap<&'static str>);

impl WordSet {
    fn parse(src: &'static str) -> Self {
        Self(entries(src).map(|w| (fold_hash(w), w)).collect())
    }

    /// Case-insensitive membership.
    pub fn has(&self, word: &str) -> bool {
        self.0.get(&fold_hash(word)).is_some_and(|e| {
            (e.len() == word.len() && e.eq_ignore_ascii_case(word)) || !word.is_ascii()
        })
    }
}

fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Calls `f` with the lowercase form of `word`, on the stack when it is
/// short ASCII.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 48 && word.is_ascii() {
        let mut buf = [0u8; 48];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        match std::str::from_utf8(&buf[..bytes.len()]) {
            Ok(lower) => f(lower),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        f(&word.to_lowercase())
    }
}

/// How a number word combines with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumClass {
    /// `one`..`nineteen`.
    Unit,
    /// `twenty`..`ninety`: take a unit after a hyphen.
    Tens,
    /// `hundred`, `million`, `dozen`: multiply what comes before.
    Scale,
    /// `half`, `dozens`, `thousands`: a quantity alone.
    Quantity,
}

pub struct Lexicons {
    pub titles: WordSet,
    pub org_heads: WordSet,
    pub place_words: WordSet,
    pub cue_places: WordSet,
    pub group_nouns: WordSet,
    pub modifiers: WordSet,
    pub groups: WordSet,
    pub common: WordSet,
    numbers: HashedMap<(&'static str, NumClass)>,
}

impl Lexicons {
    pub fn number(&self, word: &str) -> Option<NumClass> {
        // Number words are 3 to 9 letters and begin and end with few
        // letters: most words stop here without hashing.
        let b = word.as_bytes();
        if !(3..=9).contains(&b.len()) {
            return None;
        }
        let first = b[0].to_ascii_lowercase();
        let last = b[b.len() - 1].to_ascii_lowercase();
        if !b"zotfsenhmbdq".contains(&first) || !b"oerxntydfs".contains(&last) {
            return None;
        }
        self.numbers
            .get(&fold_hash(word))
            .filter(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|&(_, c)| c)
    }
}

pub static LEX: LazyLock<Lexicons> = LazyLock::new(|| Lexicons {
    titles: WordSet::parse(include_str!("../../assets/lexicon/titles.txt")),
    org_heads: WordSet::parse(include_str!("../../assets/lexicon/org_heads.txt")),
    place_words: WordSet::parse(include_str!("../../assets/lexicon/place_words.txt")),
    cue_places: WordSet::parse(include_str!("../../assets/lexicon/cue_places.txt")),
    group_nouns: WordSet::parse(include_str!("../../assets/lexicon/group_nouns.txt")),
    modifiers: WordSet::parse(include_str!("../../assets/lexicon/modifiers.txt")),
    groups: WordSet::parse(include_str!("../../assets/lexicon/groups.txt")),
    common: WordSet::parse(include_str!("../../assets/lexicon/common.txt")),
    numbers: entries(include_str!("../../assets/lexicon/number_words.txt"))
        .filter_map(|line| {
            let (word, class) = line.split_once('\t')?;
            let class = match class.trim() {
                "unit" => NumClass::Unit,
                "tens" => NumClass::Tens,
                "scale" => NumClass::Scale,
                _ => NumClass::Quantity,
            };
            Some((fold_hash(word.trim()), (word.trim(), class)))
        })
        .collect(),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case() {
        let cases: &[(&WordSet, &str, bool)] = &[
            (&LEX.titles, "President", true),
            (&LEX.titles, "Paris", false),
            (&LEX.org_heads, "MINISTRY", true),
            (&LEX.place_words, "province", true),
            (&LEX.common, "However", true),
            (&LEX.common, "Nairobi", false),
            (&LEX.groups, "Kurds", true),
        ];
        for (set, word, want) in cases {
            assert_eq!(set.has(word), *want, "{word}");
        }
        assert_eq!(LEX.number("Twenty"), Some(NumClass::Tens));
        assert_eq!(LEX.number("million"), Some(NumClass::Scale));
        assert_eq!(LEX.number("first"), None);
    }
}
