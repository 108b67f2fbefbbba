//! Gazetteers compiled into lede: places (continents, countries, first-level
//! regions, cities and towns down to 5,000 people, with coordinates and
//! population), demonyms, given names, surnames and common English words.
//!
//! Model layer: depends on nothing in lede and on no UI crate. The data is
//! built by `scripts/build_gazetteer.py` into `assets/` (sources and licenses
//! in `assets/README.md`) and compiled by `build.rs` into tables embedded in
//! the binary: an `fst` map of place names (and one of their consonant
//! skeletons, for loose matches) and a hash table of single words. Start-up
//! is reading two `fst` headers (nanoseconds; the first lookups also fault
//! in a few pages, tens of microseconds); a word lookup is one hash probe,
//! a place lookup one walk of the transducer.
//!
//! Every key is stored folded (see [`fold`], from `crate::fold::key`), and every query is folded the
//! same way before lookup, so `Jisr ash-Shughūr`, `jisr al shughur` and
//! `JISR SHUGHUR` meet. Lookups fold into per-thread buffers: no allocation
//! per call. The `*_folded` functions skip folding for callers that fold
//! once and look up many times.
//!
//! A place name that is also a common English word or given name (`Of`,
//! `Mobile`, `Victoria`) carries `ambiguous: true`: it must not be taken for a
//! place on its own, only with context. A match through one of a record's
//! alternate names (`Hamas` finds the German town `Hamm`) carries
//! `alternate: true`: weaker evidence than the record's own name.

mod hash;
mod tables;

use std::cell::RefCell;

pub use crate::fold::key::{fold, fold_into, is_article, skeleton_into};
pub use tables::{PlaceIter, WordInfo};

/// One gazetteer record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Canonical name, as GeoNames writes it (`Ḩamāh`, `Ivory Coast`).
    pub name: &'static str,
    pub kind: PlaceKind,
    /// ISO 3166 alpha-2 code; "" for continents.
    pub country: &'static str,
    pub lat: f32,
    pub lon: f32,
    /// People living there (0 where GeoNames does not know).
    pub population: u32,
    /// The capital city of its country.
    pub capital: bool,
    /// The name looked up is also a common English word or given name.
    pub ambiguous: bool,
    /// The name looked up is only one of the record's alternate names (an
    /// exonym, a transliteration: `Hama` for `Ḩamāh`, `Kamishli`), not its
    /// own: weaker evidence for a one-word town.
    pub alternate: bool,
}

/// What sort of place a record is; the order is the order of preference
/// when one name has several records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Continent,
    Country,
    /// First-level administrative division: province, state, governorate.
    Region,
    City,
}

/// A word naming the people or the adjective of a country (or continent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Demonym {
    /// Canonical name of the country (or continent), as in [`Place::name`].
    pub country: &'static str,
    /// A plural noun (`Syrians`, `Turks`), not an adjective or singular.
    pub plural: bool,
}

thread_local! {
    static FOLD_BUFFER: RefCell<String> = RefCell::new(String::with_capacity(64));
    static SKELETON_BUFFER: RefCell<String> = RefCell::new(String::with_capacity(64));
}

/// Runs `f` on the folded form of `s`, without allocating in the steady
/// state: plain lowercase ASCII words are their own folded form, anything
/// else is folded into a per-thread buffer.
fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    // One ASCII word folds to its lowercase (an article alone is kept), less
    // the `h` of a final `-ah`.
    let bytes = s.as_bytes();
    if !bytes.is_empty() && bytes.len() <= 64 && bytes.iter().all(u8::is_ascii_alphanumeric) {
        let final_ah = bytes.len() >= 4 && bytes[bytes.len() - 2..].eq_ignore_ascii_case(b"ah");
        if !final_ah && !bytes.iter().any(u8::is_ascii_uppercase) {
            return f(s);
        }
        let len = bytes.len() - usize::from(final_ah);
        let mut lower = [0u8; 64];
        let lower = &mut lower[..len];
        lower.copy_from_slice(&bytes[..len]);
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    FOLD_BUFFER.with(|buf| match buf.try_borrow_mut() {
        Ok(mut buf) => {
            fold_into(s, &mut buf);
            f(&buf)
        }
        // Only reachable if `f` itself folds; correctness over speed.
        Err(_) => f(&fold(s)),
    })
}

/// Opens the embedded maps now, so the first lookup costs no more than the
/// others. Optional: every lookup opens them on first use.
pub fn warm_up() {
    tables::warm_up();
}

/// Opens the embedded maps without caching them and returns their total
/// number of keys: what [`warm_up`] costs, exposed for the start-up bench.
#[doc(hidden)]
pub fn open_uncached() -> usize {
    tables::open_uncached()
}

/// The best record for an exact (multiword) name, in any case, with or
/// without diacritics and Arabic articles: continents before countries
/// before regions before cities, then the most populous; a city holding at
/// least half the people of a same-named region ranks with the regions
/// (`Moscow` is the city, `Idlib` the province).
pub fn place(name: &str) -> Option<Place> {
    places(name).next()
}

/// All records for a name, best first.
pub fn places(name: &str) -> PlaceIter {
    with_folded(name, tables::places_folded)
}

/// [`places`] for a name already folded with [`fold`].
pub fn places_folded(folded: &str) -> PlaceIter {
    tables::places_folded(folded)
}

/// Regions and cities whose name matches `name` loosely, by consonant
/// skeleton (see [`skeleton_into`]): transliteration variants such as
/// `Jisr al-Shaghour` for `Jisr ash Shughūr` or `Kamishly` for `Qamishli`.
/// A hint, weaker than [`places`]: ask only when the exact lookup fails, and
/// confirm with context (a place cue, the article's country). Names of
/// fewer than four consonant sounds are not matched loosely.
pub fn places_loose(name: &str) -> PlaceIter {
    with_folded(name, |folded| {
        SKELETON_BUFFER.with(|buf| match buf.try_borrow_mut() {
            Ok(mut buf) => {
                skeleton_into(folded, &mut buf);
                tables::places_skeleton(&buf)
            }
            Err(_) => {
                let mut own = String::new();
                skeleton_into(folded, &mut own);
                tables::places_skeleton(&own)
            }
        })
    })
}

/// How a folded word sequence relates to the place keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeyStatus {
    /// The sequence is a place name.
    pub exact: bool,
    /// Some longer place name starts with the sequence and a space: worth
    /// appending the next word.
    pub extends: bool,
}

/// The cheap check to run before building a multiword candidate: whether
/// `folded` is a place name and whether a longer one starts with it. Takes a
/// folded string (see [`fold_into`]); does not allocate.
#[cfg(test)]
pub fn place_key_status(folded: &str) -> KeyStatus {
    let (exact, extends) = tables::key_status(folded);
    KeyStatus { exact, extends }
}

/// The longest place name among the first words of `words` (tokens of the
/// text, without spaces): how many words it spans and its best record.
/// Article words inside (`Jisr ash Shughur`, `Deir ez-Zor` split on spaces)
/// are part of the span; the search stops as soon as no place name can
/// start with the words read so far. At most eight words are read.
pub fn longest_place(words: &[&str]) -> Option<(usize, Place)> {
    const MAX_WORDS: usize = 8;
    // The common case, a word no place name starts with, costs one probe.
    let first = words.first()?;
    if !could_start_place(first) && !with_folded(first, is_article) {
        return None;
    }
    // Words are folded one by one and the map walked on from where the
    // previous word left it: articles are skipped (folding drops them before
    // a following word), a word folding to nothing ends the run.
    let mut walk = tables::KeyWalk::new();
    let mut best = None;
    for (i, word) in words.iter().take(MAX_WORDS).enumerate() {
        let carry_on = with_folded(word, |folded| {
            if folded.is_empty() {
                return false;
            }
            if is_article(folded) {
                return true;
            }
            if !walk.push_word(folded) {
                return false;
            }
            if let Some(p) = walk.places().and_then(|mut it| it.next()) {
                best = Some((i + 1, p));
            }
            walk.extends()
        });
        if !carry_on {
            break;
        }
    }
    best
}

/// Whether `word` could start a place name (it is one, or a longer one
/// starts with it). Article words (`al`, `el`...) are folded away, so they
/// never start one: skip them as name particles.
pub fn could_start_place(word: &str) -> bool {
    with_folded(word, |w| match tables::word_info(w) {
        Some(i) => i.place || i.place_prefix,
        None => {
            let (exact, extends) = tables::key_status(w);
            exact || extends
        }
    })
}

/// Everything the tables know about one word (frequency, dictionary word,
/// given-name and surname ranks, demonym, whether a place name is or starts
/// with it), in one hash probe: the call to make on every token. `None` for
/// a word that is neither a common word nor a name nor a demonym, which may
/// still be a place: ask [`could_start_place`] or [`place`].
pub fn word_info(word: &str) -> Option<WordInfo> {
    with_folded(word, tables::word_info)
}

/// [`word_info`] for a word already folded with [`fold`].
#[cfg(test)]
pub fn word_info_folded(folded: &str) -> Option<WordInfo> {
    tables::word_info(folded)
}

/// The demonym `word` is (`Syrian`, `Syrians`, `Turks`, `British`), if any.
pub fn demonym(word: &str) -> Option<Demonym> {
    word_info(word)?.demonym()
}

/// Rank of `word` among given names: 1 = most common; the first 5,163 are
/// ranked by frequency (US census), the rest are names of other languages
/// (Arabic, Turkish, Persian, Indian, African...) known without a frequency.
pub fn given_name(word: &str) -> Option<u32> {
    word_info(word).map(|i| i.given_rank).filter(|&r| r != 0)
}

/// Rank of `word` among surnames: 1 = most common; the first 88,799 are
/// ranked by frequency (US census), the rest known without a frequency.
pub fn surname(word: &str) -> Option<u32> {
    word_info(word).map(|i| i.surname_rank).filter(|&r| r != 0)
}

/// Zipf frequency of a common English word (7.7 for `the`, about 3 for a
/// word met once per million), `None` beyond the 50,000 most common. Note
/// that the list counts proper nouns too (`london` is 5.3): see
/// [`WordInfo::dictionary`] to tell them apart.
pub fn word_frequency(lowercase_word: &str) -> Option<f32> {
    word_info(lowercase_word)
        .map(|i| i.zipf)
        .filter(|&z| z > 0.0)
}

/// The country of an ISO 3166 alpha-2 code (`SY`, `gb`), e.g. to name the
/// country of a [`Place`].
pub fn country(code: &str) -> Option<Place> {
    tables::country(code)
}

/// Numbers of place records per kind (continent, country, region, city).
#[cfg(test)]
pub fn record_counts() -> [usize; 4] {
    tables::record_kinds()
}

#[cfg(test)]
mod tests;
