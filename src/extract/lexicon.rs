//! Hand-written cue lexicons (`assets/lexicon/*.txt`), compiled into the
//! binary and loaded once into hash sets.
//!
//! Each list is a general cue of English news (titles, organisation head
//! words, place words, number words...), never a list of an article's own
//! names. Lookups are case-insensitive and allocate nothing for ASCII words.

use std::sync::LazyLock;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// One step of the word hash ([`fold_hash`]): the word-at-a-time
/// multiplication of FxHash, which the tokenizer runs over a word's bytes
/// eight at a time as it lowercases them.
#[inline]
pub fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(SEED)
}

/// Maps and sets keyed by short strings, where SipHash's setup dominates.
pub type FastSet<T> = rustc_hash::FxHashSet<T>;
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

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
    if word.is_ascii() {
        fold_hash_ascii(word.as_bytes())
    } else {
        fold_hash_chars(word).unwrap_or_else(|| fold_hash_lower(&word.to_lowercase()))
    }
}

/// [`fold_hash`] of text with non-ASCII characters: the lowercase of each
/// char folded into the hash as it comes, no allocation. `None` for a word
/// with a capital sigma, which lowercases by its place in the word (only
/// the whole-string `to_lowercase` knows); met in the same walk rather than
/// searched for first.
fn fold_hash_chars(word: &str) -> Option<u64> {
    let mut h = 0u64;
    let mut w = 0u64;
    let mut k = 0;
    let mut len = 0u64;
    let mut push = |b: u8| {
        w |= u64::from(b) << (8 * k);
        k += 1;
        len += 1;
        if k == 8 {
            h = mix(h, w);
            w = 0;
            k = 0;
        }
    };
    let mut buf = [0u8; 4];
    for c in word.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase() as u8);
        } else if let Some(l) = crate::fold::latin_lower(c) {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                push(b);
            }
        } else if c == '\u{03A3}' {
            return None;
        } else {
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    push(b);
                }
            }
        }
    }
    if k > 0 {
        h = mix(h, w);
    }
    Some(mix(h, len))
}

/// The hash of text already in lowercase: its bytes in zero-padded chunks
/// of eight, then its length.
fn fold_hash_lower(lower: &str) -> u64 {
    let mut h = 0u64;
    for c in lower.as_bytes().chunks(8) {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    mix(h, lower.len() as u64)
}

/// [`fold_hash`] of ASCII bytes.
#[inline]
fn fold_hash_ascii(bytes: &[u8]) -> u64 {
    fold_hash_ascii_at(bytes, 0, bytes.len())
}

/// [`fold_hash`] of `bytes[start..end]`, which is ASCII. The last partial
/// chunk is read as a whole eight bytes when the buffer goes on that far
/// (the tokenizer hashes words in place, where it nearly always does) and
/// masked, which gives the same value as padding it with zeros. Always
/// inlined: called out of line from the tokenizer's word loop it costs more
/// than it hashes.
#[inline(always)]
pub fn fold_hash_ascii_at(bytes: &[u8], start: usize, end: usize) -> u64 {
    fold_hash_ascii_lowered(bytes, start, end).0
}

/// [`fold_hash_ascii_at`] with the first sixteen bytes of the word as
/// lowercased on the way, packed as [`Lexicons::flags_lowered`] compares
/// them (zero-padded): a lexicon match needs no second pass over the word.
#[inline(always)]
pub fn fold_hash_ascii_lowered(bytes: &[u8], start: usize, end: usize) -> (u64, [u64; 2]) {
    let mut h = 0u64;
    let mut packed = [0u64; 2];
    let mut i = start;
    let mut chunk = 0;
    while end - i >= 8 {
        let w = lower8(read8(bytes, i));
        if chunk < 2 {
            packed[chunk] = w;
        }
        chunk += 1;
        h = mix(h, w);
        i += 8;
    }
    let n = end - i;
    if n > 0 {
        let w = if i + 8 <= bytes.len() {
            read8(bytes, i) & ((1u64 << (8 * n)) - 1)
        } else {
            let mut w = 0u64;
            for (k, &b) in bytes[i..end].iter().enumerate() {
                w |= u64::from(b) << (8 * k);
            }
            w
        };
        let w = lower8(w);
        if chunk < 2 {
            packed[chunk] = w;
        }
        h = mix(h, w);
    }
    (mix(h, (end - start) as u64), packed)
}

#[inline]
fn read8(bytes: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(w)
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

/// Flags of [`Lexicons::flags`]: which lists hold a word.
pub const ORG: u16 = 1;
pub const PLACE: u16 = 1 << 1;
pub const COMMON: u16 = 1 << 2;
pub const TITLE: u16 = 1 << 3;
pub const CUE_PLACE: u16 = 1 << 4;
pub const GROUP_NOUN: u16 = 1 << 5;
pub const MODIFIER: u16 = 1 << 6;
pub const GROUP: u16 = 1 << 7;
pub const GROUP_ADJ: u16 = 1 << 8;
/// Religions, festivals, scriptures, one-word events: no actor, no place.
pub const ABSTRACT: u16 = 1 << 13;
/// Head words of event, law and award names (`War`, `Games`, `Act`).
pub const EVENT: u16 = 1 << 14;
/// Portfolios and rank words that belong to a title after them (`Home
/// Secretary`, `High Commissioner`).
pub const PORTFOLIO: u16 = 1 << 15;
const NUM_UNIT: u16 = 1 << 9;
const NUM_TENS: u16 = 1 << 10;
const NUM_SCALE: u16 = 1 << 11;
const NUM_QUANTITY: u16 = 1 << 12;
pub const NUMBER: u16 = NUM_UNIT | NUM_TENS | NUM_SCALE | NUM_QUANTITY;

/// Every list in one open-addressing table keyed by [`fold_hash`]: a word
/// is hashed once (the tokenizer does it) and one probe answers for all
/// lists; most words stop at an empty slot. Slots are small (the table
/// stays in cache); the words themselves sit apart, read only on a match.
pub struct Lexicons {
    /// `(top half of the hash, flags, index into words)`; flags 0 is an
    /// empty slot. Eight bytes a slot: the table is probed for every word
    /// of a text, and half the size is half the cache it takes.
    slots: Box<[(u32, u16, u16)]>,
    /// Each word with its bytes lowercased and packed into two integers
    /// (words of up to 16 bytes), compared at once on a match, and its
    /// whole hash, which a match on the slot's half is checked against.
    words: Vec<(&'static str, [u64; 2], u64)>,
    shift: u32,
}

/// The top half of a hash, kept in a slot.
#[inline]
fn tag(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// The ASCII lowercase of `bytes[start..end]` (at most 16 bytes) packed
/// little-endian into two integers, zero-padded.
#[inline]
fn packed_lower(bytes: &[u8], start: usize, end: usize) -> [u64; 2] {
    let mut out = [0u64; 2];
    let mut i = start;
    for chunk in &mut out {
        let n = (end - i).min(8);
        if n == 0 {
            break;
        }
        let w = if i + 8 <= bytes.len() {
            read8(bytes, i) & (u64::MAX >> (64 - 8 * n))
        } else {
            let mut w = 0u64;
            for (k, &b) in bytes[i..i + n].iter().enumerate() {
                w |= u64::from(b) << (8 * k);
            }
            w
        };
        *chunk = lower8(w);
        i += n;
    }
    out
}

impl Lexicons {
    fn build(lists: &[(&'static str, u16)], numbers: &[(&'static str, u16)]) -> Self {
        let all: Vec<(&'static str, u16)> = lists
            .iter()
            .flat_map(|&(src, flag)| entries(src).map(move |w| (w, flag)))
            .chain(numbers.iter().copied())
            .collect();
        let bits = (all.len() * 4).next_power_of_two().trailing_zeros().max(4);
        let mut table = Self {
            slots: vec![(0, 0, 0); 1 << bits].into_boxed_slice(),
            words: Vec::new(),
            shift: 64 - bits,
        };
        for (w, flag) in all {
            let h = fold_hash(w);
            let mask = table.slots.len() - 1;
            let mut i = table.slot(h);
            loop {
                let slot = &mut table.slots[i];
                if slot.1 == 0 {
                    let packed = if w.len() <= 16 && w.is_ascii() {
                        packed_lower(w.as_bytes(), 0, w.len())
                    } else {
                        [0; 2]
                    };
                    let index = u16::try_from(table.words.len()).expect("lexicons hold few words");
                    *slot = (tag(h), flag, index);
                    table.words.push((w, packed, h));
                    break;
                }
                if slot.0 == tag(h) && table.words[usize::from(slot.2)].2 == h {
                    slot.1 |= flag;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        table
    }

    #[inline]
    fn slot(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize
    }

    /// The slot holding `hash`: its flags and word index.
    #[inline]
    fn probe(&self, hash: u64) -> Option<(u16, usize)> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(hash);
        loop {
            let (h, flags, index) = self.slots[i];
            if flags == 0 {
                return None;
            }
            if h == tag(hash) && self.words[usize::from(index)].2 == hash {
                return Some((flags, usize::from(index)));
            }
            i = (i + 1) & mask;
        }
    }

    /// Which lists hold `word` (case-insensitive), as [`ORG`] | [`PLACE`] |
    /// ...; `hash` is its [`fold_hash`].
    #[inline]
    pub fn flags_hashed(&self, hash: u64, word: &str) -> u16 {
        let Some((flags, index)) = self.probe(hash) else {
            return 0;
        };
        let w = self.words[index].0;
        if w.len() == word.len() && w.eq_ignore_ascii_case(word) {
            return flags;
        }
        // Non-ASCII text matches on its folded hash; number words are
        // matched byte for byte and stay ASCII.
        if word.is_ascii() { 0 } else { flags & !NUMBER }
    }

    /// [`Self::flags_hashed`] for the ASCII word `bytes[start..end]`, its
    /// lowercase packed as [`fold_hash_ascii_lowered`] gives it: compared
    /// as two integers rather than byte by byte.
    #[inline]
    pub fn flags_lowered(
        &self,
        hash: u64,
        lowered: [u64; 2],
        bytes: &[u8],
        start: usize,
        end: usize,
    ) -> u16 {
        let Some((flags, index)) = self.probe(hash) else {
            return 0;
        };
        let (w, packed, _) = self.words[index];
        let len = end - start;
        let same = w.len() == len
            && if len <= 16 {
                lowered == packed
            } else {
                w.as_bytes().eq_ignore_ascii_case(&bytes[start..end])
            };
        if same { flags } else { 0 }
    }

    /// [`Self::flags_hashed`] for a word not hashed yet.
    pub fn flags(&self, word: &str) -> u16 {
        self.flags_hashed(fold_hash(word), word)
    }

    /// True when one of the lists in `mask` holds `word`.
    pub fn has(&self, mask: u16, word: &str) -> bool {
        self.flags(word) & mask != 0
    }
}

/// The number class in a word's [`Lexicons::flags`].
#[inline]
pub fn number_class(flags: u16) -> Option<NumClass> {
    if flags & NUMBER == 0 {
        return None;
    }
    Some(if flags & NUM_UNIT != 0 {
        NumClass::Unit
    } else if flags & NUM_TENS != 0 {
        NumClass::Tens
    } else if flags & NUM_SCALE != 0 {
        NumClass::Scale
    } else {
        NumClass::Quantity
    })
}

pub static LEX: LazyLock<Lexicons> = LazyLock::new(|| {
    let numbers: Vec<(&'static str, u16)> =
        entries(include_str!("../../assets/lexicon/number_words.txt"))
            .filter_map(|line| {
                let (word, class) = line.split_once('\t')?;
                let flag = match class.trim() {
                    "unit" => NUM_UNIT,
                    "tens" => NUM_TENS,
                    "scale" => NUM_SCALE,
                    _ => NUM_QUANTITY,
                };
                Some((word.trim(), flag))
            })
            .collect();
    Lexicons::build(
        &[
            (include_str!("../../assets/lexicon/org_heads.txt"), ORG),
            (include_str!("../../assets/lexicon/place_words.txt"), PLACE),
            (include_str!("../../assets/lexicon/common.txt"), COMMON),
            (include_str!("../../assets/lexicon/titles.txt"), TITLE),
            (
                include_str!("../../assets/lexicon/cue_places.txt"),
                CUE_PLACE,
            ),
            (
                include_str!("../../assets/lexicon/group_nouns.txt"),
                GROUP_NOUN,
            ),
            (include_str!("../../assets/lexicon/modifiers.txt"), MODIFIER),
            (include_str!("../../assets/lexicon/groups.txt"), GROUP),
            (
                include_str!("../../assets/lexicon/group_adjectives.txt"),
                GROUP_ADJ,
            ),
            (include_str!("../../assets/lexicon/abstract.txt"), ABSTRACT),
            (include_str!("../../assets/lexicon/event_heads.txt"), EVENT),
            (
                include_str!("../../assets/lexicon/portfolios.txt"),
                PORTFOLIO,
            ),
        ],
        &numbers,
    )
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
    fn fold_hash_is_the_hash_of_the_lowercase_string() {
        for w in [
            "Ḩamāh",
            "ÉTATS-Unis",
            "Zürich und São Paulo, Gdańsk",
            "ΟΔΥΣΣΕΥΣ",
            "İstanbul",
            "Straße",
            "x’s",
            "a very long name with Ünïcödé in the middle of it",
        ] {
            assert_eq!(fold_hash(w), fold_hash_lower(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn hashing_in_place_matches_fold_hash() {
        let text = "Observatory of the UNITED nations, Kurds";
        let b = text.as_bytes();
        for (s, e) in [(0, 11), (15, 18), (19, 25), (26, 33), (35, 40), (0, 40)] {
            assert_eq!(
                fold_hash_ascii_at(b, s, e),
                fold_hash(&text[s..e]),
                "{s}..{e}"
            );
        }
    }

    #[test]
    fn lowered_words_match_as_packed() {
        let text = "The MINISTRY of Défense said provinces; Observatory-for-something Kurds";
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            if j > i {
                let (h, lowered) = fold_hash_ascii_lowered(b, i, j);
                assert_eq!(h, fold_hash(&text[i..j]));
                if j - i <= 16 {
                    assert_eq!(lowered, packed_lower(b, i, j));
                }
                assert_eq!(
                    LEX.flags_lowered(h, lowered, b, i, j),
                    LEX.flags(&text[i..j]),
                    "{}",
                    &text[i..j]
                );
            }
            i = j + 1;
        }
    }

    #[test]
    fn every_word_finds_its_own_slot() {
        for &(w, _, h) in &LEX.words {
            assert_eq!(h, fold_hash(w), "{w}");
            let (flags, index) = LEX.probe(h).expect("a listed word has a slot");
            assert_ne!(flags, 0, "{w}");
            assert_eq!(LEX.words[index].0, w);
            assert_eq!(LEX.flags(w), flags, "{w}");
            assert_eq!(
                LEX.flags(&w.to_uppercase()),
                flags & if w.is_ascii() { !0 } else { !NUMBER },
                "{w}"
            );
        }
    }

    #[test]
    fn lookups_ignore_case() {
        let cases: &[(u16, &str, bool)] = &[
            (ORG, "MINISTRY", true),
            (PLACE, "province", true),
            (COMMON, "However", true),
            (COMMON, "Nairobi", false),
            (GROUP, "Kurds", true),
        ];
        for &(list, word, want) in cases {
            assert_eq!(LEX.has(list, word), want, "{word}");
        }
        assert_eq!(LEX.flags("President"), TITLE);
        assert_eq!(LEX.flags("Paris"), 0);
        assert!(LEX.has(ORG | PLACE, "Ministry") && LEX.has(ORG | PLACE, "province"));
        assert_eq!(number_class(LEX.flags("Twenty")), Some(NumClass::Tens));
        assert_eq!(number_class(LEX.flags("million")), Some(NumClass::Scale));
        assert_eq!(number_class(LEX.flags("first")), None);
        // Number words match byte for byte: no non-ASCII look-alike.
        assert_eq!(number_class(LEX.flags("ſix")), None);
    }
}
