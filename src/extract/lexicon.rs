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

/// A word-at-a-time multiplicative hash (as in rustc's FxHash): keys are
/// short strings, where SipHash's setup dominates.
#[derive(Default)]
pub struct Fnv(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[inline]
fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(SEED)
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = mix(h, u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = mix(h, u64::from_le_bytes(w));
        }
        self.0 = mix(h, bytes.len() as u64);
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

/// Lowercases the ASCII letters of eight bytes at once.
#[inline]
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let heptets = x & (0x7f * ONES);
    let ge_a = heptets.wrapping_add((0x80 - 0x41) * ONES);
    let gt_z = heptets.wrapping_add((0x80 - 0x5b) * ONES);
    let upper = (ge_a ^ gt_z) & !x & (0x80 * ONES);
    x | (upper >> 2)
}

/// A hash of the lowercase form of `word`, without building it (ASCII is
/// folded eight bytes at a time; other text through `to_lowercase`).
pub fn fold_hash(word: &str) -> u64 {
    fn hash_ascii(bytes: &[u8]) -> u64 {
        let mut h = 0u64;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = mix(h, lower8(u64::from_le_bytes(w)));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = mix(h, lower8(u64::from_le_bytes(w)));
        }
        mix(h, bytes.len() as u64)
    }
    if word.is_ascii() {
        hash_ascii(word.as_bytes())
    } else {
        // Lowercase non-ASCII text hashes like its folded bytes.
        let lower = word.to_lowercase();
        let mut h = 0u64;
        for c in lower.as_bytes().chunks(8) {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            h = mix(h, u64::from_le_bytes(w));
        }
        mix(h, lower.len() as u64)
    }
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

/// Flags of [`Lexicons::flags`].
pub const ORG: u8 = 1;
pub const PLACE: u8 = 2;
pub const COMMON: u8 = 4;
pub const TITLE: u8 = 8;

pub struct Lexicons {
    /// Organisation heads, place words, common words and titles in one map,
    /// so a word is hashed once for all four.
    merged: HashedMap<(&'static str, u8)>,
    pub org_heads: WordSet,
    pub place_words: WordSet,
    pub cue_places: WordSet,
    pub group_nouns: WordSet,
    pub modifiers: WordSet,
    pub groups: WordSet,
    pub group_adjectives: WordSet,
    pub common: WordSet,
    /// Sorted by packed word.
    numbers: Vec<(u128, NumClass)>,
}

impl Lexicons {
    /// Which of the organisation-head, place-word, common and title lists
    /// hold `word` (case-insensitive), as [`ORG`] | [`PLACE`] | ...
    pub fn flags(&self, word: &str) -> u8 {
        self.merged
            .get(&fold_hash(word))
            .filter(|(w, _)| {
                (w.len() == word.len() && w.eq_ignore_ascii_case(word)) || !word.is_ascii()
            })
            .map_or(0, |&(_, f)| f)
    }

    /// An organisation head or a place word (`Ministry`, `Province`).
    pub fn is_head(&self, word: &str) -> bool {
        self.flags(word) & (ORG | PLACE) != 0
    }

    pub fn number(&self, word: &str) -> Option<NumClass> {
        // Number words are 3 to 9 letters starting with one of few letters:
        // most words stop here.
        let b = word.as_bytes();
        if b.len() > 9 || b.len() < 3 || !b"zotfsenhmbd".contains(&(b[0] | 0x20)) {
            return None;
        }
        let key = pack(word)?;
        self.numbers
            .binary_search_by_key(&key, |&(k, _)| k)
            .ok()
            .map(|i| self.numbers[i].1)
    }
}

/// A short ASCII word lowercased into an integer (up to 16 letters), so
/// number words are found by comparing integers, without hashing.
fn pack(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if !(3..=16).contains(&b.len()) {
        return None;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(u128::from_be_bytes(buf))
}

fn merged() -> HashedMap<(&'static str, u8)> {
    let mut map: HashedMap<(&'static str, u8)> = HashedMap::default();
    for (src, flag) in [
        (include_str!("../../assets/lexicon/org_heads.txt"), ORG),
        (include_str!("../../assets/lexicon/place_words.txt"), PLACE),
        (include_str!("../../assets/lexicon/common.txt"), COMMON),
        (include_str!("../../assets/lexicon/titles.txt"), TITLE),
    ] {
        for w in entries(src) {
            map.entry(fold_hash(w)).or_insert((w, 0)).1 |= flag;
        }
    }
    map
}

pub static LEX: LazyLock<Lexicons> = LazyLock::new(|| Lexicons {
    merged: merged(),
    org_heads: WordSet::parse(include_str!("../../assets/lexicon/org_heads.txt")),
    place_words: WordSet::parse(include_str!("../../assets/lexicon/place_words.txt")),
    cue_places: WordSet::parse(include_str!("../../assets/lexicon/cue_places.txt")),
    group_nouns: WordSet::parse(include_str!("../../assets/lexicon/group_nouns.txt")),
    modifiers: WordSet::parse(include_str!("../../assets/lexicon/modifiers.txt")),
    groups: WordSet::parse(include_str!("../../assets/lexicon/groups.txt")),
    group_adjectives: WordSet::parse(include_str!("../../assets/lexicon/group_adjectives.txt")),
    common: WordSet::parse(include_str!("../../assets/lexicon/common.txt")),
    numbers: {
        let mut numbers: Vec<(u128, NumClass)> =
            entries(include_str!("../../assets/lexicon/number_words.txt"))
                .filter_map(|line| {
                    let (word, class) = line.split_once('\t')?;
                    let class = match class.trim() {
                        "unit" => NumClass::Unit,
                        "tens" => NumClass::Tens,
                        "scale" => NumClass::Scale,
                        _ => NumClass::Quantity,
                    };
                    Some((pack(word.trim())?, class))
                })
                .collect();
        numbers.sort_by_key(|&(k, _)| k);
        numbers
    },
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_hash_ignores_ascii_case_only() {
        assert_eq!(fold_hash("Observatory"), fold_hash("OBSERVATORY"));
        assert_eq!(fold_hash("al-Qaeda Group"), fold_hash("AL-QAEDA GROUP"));
        assert_ne!(fold_hash("Observatory"), fold_hash("Observatorx"));
        assert_ne!(fold_hash("a@"), fold_hash("a`"));
        assert_eq!(fold_hash("Ḩamāh"), fold_hash("ḩamāh"));
    }

    #[test]
    fn lookups_ignore_case() {
        let cases: &[(&WordSet, &str, bool)] = &[
            (&LEX.org_heads, "MINISTRY", true),
            (&LEX.place_words, "province", true),
            (&LEX.common, "However", true),
            (&LEX.common, "Nairobi", false),
            (&LEX.groups, "Kurds", true),
        ];
        for (set, word, want) in cases {
            assert_eq!(set.has(word), *want, "{word}");
        }
        assert_eq!(LEX.flags("President"), TITLE);
        assert_eq!(LEX.flags("Paris"), 0);
        assert!(LEX.is_head("Ministry") && LEX.is_head("province"));
        assert_eq!(LEX.number("Twenty"), Some(NumClass::Tens));
        assert_eq!(LEX.number("million"), Some(NumClass::Scale));
        assert_eq!(LEX.number("first"), None);
    }
}
