//! The extractor's view of the gazetteers: places, demonyms, given names and
//! word frequencies, behind a few small functions so the rules do not care
//! how the data is stored.
//!
//! Depends on `crate::gazetteer` and on hand-written fact lists under
//! `assets/lexicon/` (state aliases such as `U.S.`, demonyms, capitals). Lookups
//! lowercase on the stack and allocate nothing per call.

use std::cell::RefCell;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::lexicon::{FastMap, with_lower};
use crate::gazetteer as g;

/// What kind of place a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceClass {
    Continent,
    Country,
    Region,
    City,
}

/// A place the gazetteer knows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceHit {
    pub class: PlaceClass,
    /// A national capital: it acts for its state (`Moscow said`).
    pub capital: bool,
    /// Also a common word or a person's name somewhere: weaker evidence.
    pub ambiguous: bool,
    pub coords: (f32, f32),
}

/// Hand-written public facts (`assets/lexicon/states.txt`, `regions.txt`):
/// the states, their capitals and demonyms, continents, seas, and the
/// first-level regions of large English-speaking states.
struct Facts {
    places: FastMap<String, PlaceHit>,
    /// Demonym (lowercase) -> (country, is the plural noun).
    demonyms: FastMap<String, (&'static str, bool)>,
}

const NO_COORDS: (f32, f32) = (f32::NAN, f32::NAN);

static FACTS: LazyLock<Facts> = LazyLock::new(|| {
    let mut facts = Facts {
        places: FastMap::default(),
        demonyms: FastMap::default(),
    };
    let hit = |class, capital| PlaceHit {
        class,
        capital,
        ambiguous: false,
        coords: NO_COORDS,
    };
    for line in lines(include_str!("../../assets/lexicon/states.txt")) {
        let mut fields = line.split(';');
        let names = fields.next().unwrap_or("");
        let country = names.split('|').next().unwrap_or(names);
        for name in names.split('|') {
            facts
                .places
                .insert(name.to_lowercase(), hit(PlaceClass::Country, false));
        }
        for (field, plural) in [(fields.next(), false), (fields.next(), true)] {
            for d in field.unwrap_or("").split('|').filter(|d| !d.is_empty()) {
                facts
                    .demonyms
                    .entry(d.to_lowercase())
                    .or_insert((country, plural));
            }
        }
        for capital in fields
            .next()
            .unwrap_or("")
            .split('|')
            .filter(|c| !c.is_empty())
        {
            facts
                .places
                .entry(capital.to_lowercase())
                .or_insert(hit(PlaceClass::City, true));
        }
    }
    for line in lines(include_str!("../../assets/lexicon/regions.txt")) {
        let (name, class) = line.split_once(';').unwrap_or((line, "region"));
        let class = if class == "continent" {
            PlaceClass::Continent
        } else {
            PlaceClass::Region
        };
        facts
            .places
            .entry(name.to_lowercase())
            .or_insert(hit(class, false));
    }
    facts
});

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

thread_local! {
    /// Names repeat within an article and across a feed: each distinct name
    /// walks the gazetteer maps once per thread (the cache is bounded).
    /// Built in const: a hit then pays no lazy-initialisation check.
    static PLACES: RefCell<FastMap<Box<str>, Option<PlaceHit>>> =
        const { RefCell::new(FastMap::with_hasher(BuildHasherDefault::new())) };
    static WORDS: RefCell<FastMap<Box<str>, Option<g::WordInfo>>> =
        const { RefCell::new(FastMap::with_hasher(BuildHasherDefault::new())) };
}

const CACHE_LIMIT: usize = 100_000;

fn cached<V: Copy>(
    cache: &'static std::thread::LocalKey<RefCell<FastMap<Box<str>, V>>>,
    key: &str,
    compute: impl FnOnce(&str) -> V,
) -> V {
    cache.with(|c| {
        if let Some(v) = c.borrow().get(key) {
            return *v;
        }
        let v = compute(key);
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key.into(), v);
        v
    })
}

fn word_info(word: &str) -> Option<g::WordInfo> {
    cached(&WORDS, word, g::word_info)
}

/// The place named exactly `name`, if any. A single word that is also a
/// common word or a person's name counts only as a state or region, or as a
/// large city; small towns need a context cue (`the town of X`).
pub fn place(name: &str) -> Option<PlaceHit> {
    cached(&PLACES, name, lookup)
}

fn lookup(name: &str) -> Option<PlaceHit> {
    let fact = with_lower(name, |n| FACTS.places.get(n).copied());
    let record = g::place(name);
    let coords = record.map(|p| (p.lat, p.lon));
    if let Some(fact) = fact {
        return Some(PlaceHit {
            coords: coords.unwrap_or(fact.coords),
            ..fact
        });
    }
    // Acronyms are matched only against the state aliases (`US`, `UAE`):
    // GeoNames' alternate names turn many of them into towns.
    if name.len() <= 6 && name.chars().all(|c| c.is_uppercase() || c == '.') {
        return None;
    }
    let p = record?;
    let class = match p.kind {
        g::PlaceKind::Continent => PlaceClass::Continent,
        g::PlaceKind::Country => PlaceClass::Country,
        g::PlaceKind::Region => PlaceClass::Region,
        g::PlaceKind::City => PlaceClass::City,
    };
    let single = !name.contains([' ', '-']);
    let info = word_info(name);
    let personal = info.is_some_and(|i| {
        (i.given_rank != 0 && i.given_rank <= 5_000)
            || (i.surname_rank != 0 && i.surname_rank <= 10_000)
    });
    let common = info.is_some_and(|i| i.dictionary && i.zipf >= 3.0);
    let ambiguous = p.ambiguous || personal || common;
    if class == PlaceClass::City && single && (ambiguous || p.population < 15_000) && !p.capital {
        return None;
    }
    // A one-word town matched through some alternate spelling (`Hamas` ->
    // `Hamm`) is too weak: the record's own name must be the word.
    if class == PlaceClass::City && single && !close_spelling(name, p.name) {
        return None;
    }
    // A one-word region that is also a common word or name (`Batman`).
    if class == PlaceClass::Region && single && ambiguous {
        return None;
    }
    if class == PlaceClass::City && ambiguous && p.population < 1_000_000 && !p.capital {
        return None;
    }
    Some(PlaceHit {
        class,
        capital: p.capital,
        ambiguous,
        coords: (p.lat, p.lon),
    })
}

/// `Hama` / `Ḩamāh`, `Qamishli` / `Al Qāmishlī`: the same word once folded
/// (a trailing letter or two of transliteration allowed).
fn close_spelling(query: &str, record: &str) -> bool {
    let q = g::fold(query).replace([' ', '-'], "");
    let r = g::fold(record).replace([' ', '-'], "");
    q == r
        || (r.starts_with(&q) && r.len() <= q.len() + 2)
        || (q.starts_with(&r) && q.len() <= r.len() + 1)
}

/// The country of a demonym (`Syrian` -> `Syria`, `Russians` -> `Russia`),
/// with whether the word is the plural noun.
pub fn demonym(word: &str) -> Option<(&'static str, bool)> {
    if let Some(d) = word_info(word).and_then(|i| i.demonym()) {
        return Some((d.country, d.plural));
    }
    with_lower(word, |w| FACTS.demonyms.get(w).copied())
}

/// A given name among the common ones (`Mohamad`, `Sarah`).
pub fn given_name(word: &str) -> bool {
    word_info(word).is_some_and(|i| i.given_rank != 0 && i.given_rank <= 5_000)
}

/// Zipf frequency of the word as a common English word: a dictionary word,
/// or the plural of one (`Superstars`); 0 for proper names (`London`,
/// `Hamas`), people's names and unknown words.
pub fn zipf(word: &str) -> f32 {
    let Some(info) = word_info(word) else {
        return 0.0;
    };
    if info.given_rank != 0 && info.given_rank <= 5_000 {
        return 0.0;
    }
    if info.dictionary {
        return info.zipf;
    }
    let singular = word.strip_suffix('s').filter(|s| s.len() >= 3);
    match singular.and_then(word_info) {
        Some(stem) if stem.dictionary || stem.zipf >= 3.5 => info.zipf.max(stem.zipf - 0.5),
        _ => 0.0,
    }
}
