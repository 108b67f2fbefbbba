//! Gazetteers compiled into lede: places (continents, countries, first-level
//! regions, cities and towns down to 5,000 people, with coordinates and
//! population), demonyms, given names, surnames and common English words.
//!
//! Model layer: depends on nothing in lede and on no UI crate. The data is
//! built by `scripts/build_gazetteer.py` into `assets/` (sources and licenses
//! in `assets/README.md`) and compiled by `build.rs` into `fst` maps embedded
//! in the binary, so start-up is opening two maps (microseconds) and a
//! lookup is one walk of a finite-state transducer.
//!
//! Every key is stored folded (see [`fold`]), and every query is folded the
//! same way before lookup, so `Jisr ash-Shughūr`, `jisr al shughur` and
//! `JISR SHUGHUR` meet. The `*_folded` functions skip folding for callers
//! that fold once and look up many times.
//!
//! A place name that is also a common English word or given name (`Of`,
//! `Mobile`, `Victoria`) carries `ambiguous: true`: it must not be taken for a
//! place on its own, only with context.

mod fold;
mod tables;

use std::cell::RefCell;

pub use fold::{fold, fold_into, is_article};
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
}

/// Runs `f` on the folded form of `s`, without allocating in the steady
/// state: plain lowercase ASCII words are their own folded form, anything
/// else is folded into a per-thread buffer.
fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()) {
        return f(s);
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

/// The best record for an exact (multiword) name, in any case, with or
/// without diacritics and Arabic articles: continents before countries
/// before regions before cities, then the most populous.
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
pub fn place_key_status(folded: &str) -> KeyStatus {
    let (exact, extends) = tables::key_status(folded);
    KeyStatus { exact, extends }
}

/// Whether `word` could start a place name (it is one, or a longer one
/// starts with it). Article words (`al`, `el`...) are folded away, so they
/// never start one: skip them as name particles.
pub fn could_start_place(word: &str) -> bool {
    with_folded(word, |w| {
        let s = place_key_status(w);
        s.exact || s.extends
    })
}

/// Everything the word tables know about one word (frequency, dictionary
/// word, given-name and surname ranks, demonym), in one lookup.
pub fn word_info(word: &str) -> Option<WordInfo> {
    with_folded(word, tables::word_info)
}

/// [`word_info`] for a word already folded with [`fold`].
pub fn word_info_folded(folded: &str) -> Option<WordInfo> {
    tables::word_info(folded)
}

/// The demonym `word` is (`Syrian`, `Syrians`, `Turks`, `British`), if any.
pub fn demonym(word: &str) -> Option<Demonym> {
    word_info(word)?.demonym()
}

/// Rank (1 = most common) of `word` among US census given names.
pub fn given_name(word: &str) -> Option<u32> {
    word_info(word).map(|i| i.given_rank).filter(|&r| r != 0)
}

/// Rank (1 = most common) of `word` among US census surnames.
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

/// Numbers of place records per kind (continent, country, region, city).
pub fn record_counts() -> [usize; 4] {
    tables::record_kinds()
}

#[cfg(test)]
mod tests;
