//! The extractor's view of the gazetteers: places, demonyms, given names and
//! word frequencies, behind a few small functions so the rules do not care
//! how the data is stored.
//!
//! Depends on `crate::gazetteer` and on hand-written fact lists under
//! `assets/lexicon/` (state aliases such as `U.S.`, demonyms, capitals). Lookups
//! lowercase on the stack and allocate nothing per call.

use std::cell::RefCell;
use std::sync::LazyLock;

use super::lexicon::{FastMap, mix, with_lower};
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
    /// A city of 100,000 people or more whose name is also a common word or
    /// a person's (`Boston`, `Cleveland`, `Basel`): a place only where the
    /// text says so (`in Boston`, `moved to Basel`); see [`place_in_context`].
    pub needs_cue: bool,
    pub coords: (f32, f32),
}

/// Hand-written public facts (`assets/lexicon/states.txt`, `regions.txt`,
/// `features.txt`): the states, their capitals and demonyms, continents,
/// seas, the first-level regions of large English-speaking states and the
/// world's major rivers, mountains and deserts.
struct Facts {
    places: FastMap<String, PlaceHit>,
    /// Demonym (lowercase) -> (country, is the plural noun).
    demonyms: FastMap<String, (&'static str, bool)>,
    /// Rivers, mountains, deserts (lowercase): no coordinates, since a town
    /// the gazetteer knows by the same name (`Thames`, New Zealand) is not
    /// where the river is.
    features: FastMap<String, PlaceHit>,
}

const NO_COORDS: (f32, f32) = (f32::NAN, f32::NAN);

static FACTS: LazyLock<Facts> = LazyLock::new(|| {
    let mut facts = Facts {
        places: FastMap::default(),
        demonyms: FastMap::default(),
        features: FastMap::default(),
    };
    let hit = |class, capital| PlaceHit {
        class,
        capital,
        ambiguous: false,
        needs_cue: false,
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
    // Natural features (`the Thames`, `the Andes`) are regions' kin: where,
    // never who.
    for name in lines(include_str!("../../assets/lexicon/features.txt")) {
        facts
            .features
            .insert(name.to_lowercase(), hit(PlaceClass::Region, false));
    }
    facts
});

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// What the gazetteers say of one exact name, each answer looked up once:
/// `None` until asked.
#[derive(Clone, Copy)]
struct Answers {
    place: Option<Option<PlaceHit>>,
    info: Option<Option<g::WordInfo>>,
    demonym: Option<Option<(&'static str, bool)>>,
}

const UNKNOWN: Answers = Answers {
    place: None,
    info: None,
    demonym: None,
};

/// Names repeat within an article and across a feed: each distinct name
/// walks the gazetteer maps once per thread. One entry per name holds all
/// its answers (a name asked for as a place is then asked for as a
/// demonym or a given name), in an open-addressing table that hashes the
/// name once per question and compares it only on a hash match.
struct Memo {
    /// A name's hash (never 0) or 0 for an empty slot.
    hashes: Vec<u64>,
    names: Vec<Box<str>>,
    answers: Vec<Answers>,
    len: usize,
}

/// Entries kept before the memo starts over (answers depend on the name
/// only, so forgetting them changes nothing but time).
const CACHE_LIMIT: usize = 100_000;

impl Memo {
    const fn new() -> Self {
        Self {
            hashes: Vec::new(),
            names: Vec::new(),
            answers: Vec::new(),
            len: 0,
        }
    }

    /// A hash of the exact bytes: whole words of eight, the last one read
    /// overlapping the one before (no byte-by-byte tail), then the length.
    #[inline]
    fn hash(name: &str) -> u64 {
        let b = name.as_bytes();
        let n = b.len();
        let word = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[i..i + 8]);
            u64::from_le_bytes(w)
        };
        let half = |i: usize| {
            let mut w = [0u8; 4];
            w.copy_from_slice(&b[i..i + 4]);
            u64::from(u32::from_le_bytes(w))
        };
        let mut h = n as u64;
        if n >= 8 {
            let mut i = 0;
            while i + 8 < n {
                h = mix(h, word(i));
                i += 8;
            }
            h = mix(h, word(n - 8));
        } else if n >= 4 {
            h = mix(h, half(0) | half(n - 4) << 32);
        } else {
            let mut w = 0u64;
            for (k, &c) in b.iter().enumerate() {
                w |= u64::from(c) << (8 * k);
            }
            h = mix(h, w);
        }
        mix(h, 0) | 1
    }

    /// The slot of `name`, a fresh one (all answers unknown) if absent.
    #[inline]
    fn slot(&mut self, name: &str) -> usize {
        // At most half full: a lookup nearly always ends at its first slot.
        if (self.len + 1) * 2 > self.hashes.len() {
            self.grow();
        }
        let hash = Self::hash(name);
        let mask = self.hashes.len() - 1;
        let mut i = (hash >> 32) as usize & mask;
        loop {
            let h = self.hashes[i];
            if h == 0 {
                self.hashes[i] = hash;
                self.names[i] = name.into();
                self.answers[i] = UNKNOWN;
                self.len += 1;
                return i;
            }
            if h == hash && *self.names[i] == *name {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the table, or empties it past [`CACHE_LIMIT`] names.
    fn grow(&mut self) {
        let size = if self.len >= CACHE_LIMIT {
            self.hashes.len()
        } else {
            (self.hashes.len() * 2).max(1024)
        };
        let hashes = std::mem::replace(&mut self.hashes, vec![0; size]);
        let names = std::mem::replace(&mut self.names, vec![Box::from(""); size]);
        let answers = std::mem::replace(&mut self.answers, vec![UNKNOWN; size]);
        let kept = self.len < CACHE_LIMIT;
        self.len = 0;
        if !kept {
            return;
        }
        let mask = size - 1;
        for ((h, name), f) in hashes.into_iter().zip(names).zip(answers) {
            if h == 0 {
                continue;
            }
            let mut i = (h >> 32) as usize & mask;
            while self.hashes[i] != 0 {
                i = (i + 1) & mask;
            }
            self.hashes[i] = h;
            self.names[i] = name;
            self.answers[i] = f;
            self.len += 1;
        }
    }
}

thread_local! {
    /// Built in const: a hit then pays no lazy-initialisation check.
    static MEMO: RefCell<Memo> = const { RefCell::new(Memo::new()) };
}

/// One answer about `name`: from the memo, else computed (outside the
/// memo's borrow: computing may ask about other names) and kept.
fn memo<V: Copy>(
    name: &str,
    get: impl Fn(&Answers) -> Option<V>,
    set: impl FnOnce(&mut Answers, V),
    compute: impl FnOnce(&str) -> V,
) -> V {
    MEMO.with(|m| {
        {
            let mut m = m.borrow_mut();
            let i = m.slot(name);
            if let Some(v) = get(&m.answers[i]) {
                return v;
            }
        }
        let v = compute(name);
        let mut m = m.borrow_mut();
        let i = m.slot(name);
        set(&mut m.answers[i], v);
        v
    })
}

fn word_info(word: &str) -> Option<g::WordInfo> {
    memo(word, |f| f.info, |f, v| f.info = Some(v), g::word_info)
}

/// The place named exactly `name`, if any. A single word that is also a
/// common word or a person's name counts only as a state or region, or as a
/// large city; small towns need a context cue (`the town of X`).
pub fn place(name: &str) -> Option<PlaceHit> {
    place_in_context(name).filter(|p| !p.needs_cue)
}

/// [`place`], and also the large cities whose name is a common word or a
/// person's too (`needs_cue`): what a locative cue can make a place.
pub fn place_in_context(name: &str) -> Option<PlaceHit> {
    memo(name, |f| f.place, |f, v| f.place = Some(v), lookup)
}

fn lookup(name: &str) -> Option<PlaceHit> {
    let fact = with_lower(name, |n| FACTS.places.get(n).copied());
    let record = g::place(name);
    // A river named like a region or a city (`Dnipro`, `Limpopo`) is the
    // gazetteer's place, with its coordinates; a small town's name
    // (`Thames`) is the river's.
    let known_place =
        record.is_some_and(|p| p.kind != g::PlaceKind::City || p.population >= 100_000);
    if fact.is_none()
        && !known_place
        && let Some(feature) = with_lower(name, |n| FACTS.features.get(n).copied())
    {
        return Some(feature);
    }
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
    // A one-word town matched through some alternate spelling (`Hamas` ->
    // `Hamm`) is too weak: the record's own name must be the word.
    if class == PlaceClass::City && single && !close_spelling(name, p.name) {
        return None;
    }
    let city = class == PlaceClass::City && !p.capital;
    if city && single && ambiguous && p.population >= 100_000 {
        return Some(PlaceHit {
            class,
            capital: false,
            ambiguous: true,
            needs_cue: true,
            coords: (p.lat, p.lon),
        });
    }
    if city && single && (ambiguous || p.population < 15_000) {
        return None;
    }
    // A name of common words found only as another name of a city (`White
    // House`, a translation of `Casablanca`) is those words, not the city.
    if city && !single && p.alternate && name.split([' ', '-']).all(common_word) {
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
        needs_cue: false,
        coords: (p.lat, p.lon),
    })
}

/// A frequent English word that is no given name (`White`, `House`; not
/// `Lee`).
fn common_word(word: &str) -> bool {
    zipf(word) >= 3.5
}

/// The postal codes of the states of the United States and its capital
/// (`NJ`, `OK`): after a town and a comma they name where it is.
pub fn us_state_code(word: &str) -> bool {
    const CODES: &[&str] = &[
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
        "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
        "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
        "VT", "VA", "WA", "WV", "WI", "WY",
    ];
    CODES.contains(&word)
}

/// A surname the census knows at all (`Gore`, `Pacino`).
pub fn surname(word: &str) -> bool {
    word_info(word).is_some_and(|i| i.surname_rank != 0)
}

/// A surname among the thousand most common (`Hill`, `Hall`, `Wood`).
pub fn common_surname(word: &str) -> bool {
    word_info(word).is_some_and(|i| i.surname_rank != 0 && i.surname_rank <= 1_000)
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
    memo(
        word,
        |f| f.demonym,
        |f, v| f.demonym = Some(v),
        |word| {
            if let Some(d) = word_info(word).and_then(|i| i.demonym()) {
                return Some((d.country, d.plural));
            }
            with_lower(word, |w| FACTS.demonyms.get(w).copied())
        },
    )
}

/// A given name among the common ones (`Mohamad`, `Sarah`). A rare one
/// that is also a very common English word (`See`, `Summer`, `Major`,
/// ranked past a thousand by the census) reads as the word.
pub fn given_name(word: &str) -> bool {
    word_info(word).is_some_and(given)
}

fn given(i: g::WordInfo) -> bool {
    i.given_rank != 0
        && i.given_rank <= 5_000
        && (i.given_rank <= 1_000 || !i.dictionary || i.zipf < 4.5)
}

/// Zipf frequency of the word as a common English word: a dictionary word,
/// or the plural of one (`Superstars`); 0 for proper names (`London`,
/// `Hamas`), people's names and unknown words.
pub fn zipf(word: &str) -> f32 {
    let Some(info) = word_info(word) else {
        return 0.0;
    };
    if given(info) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memo_keeps_one_slot_per_exact_name_across_growth() {
        let mut m = Memo::new();
        let names: Vec<String> = (0..3000).map(|i| format!("Name{i}")).collect();
        for n in &names {
            let s = m.slot(n);
            m.answers[s].info = Some(None);
        }
        // Every name still finds its own slot after the table grew.
        for n in &names {
            let s = m.slot(n);
            assert_eq!(&*m.names[s], n.as_str());
            assert!(m.answers[s].info.is_some(), "{n}");
        }
        assert_eq!(m.len, names.len());
        let s = m.slot("name7");
        assert!(m.answers[s].info.is_none(), "case counts");
        assert_eq!(m.len, names.len() + 1);
    }

    #[test]
    fn names_of_every_length_hash_apart() {
        let long = "Democratic Republic of the Congo";
        let mut seen = std::collections::HashSet::new();
        for end in 0..=long.len() {
            assert!(seen.insert(Memo::hash(&long[..end])), "{}", &long[..end]);
        }
        assert_ne!(Memo::hash("Niger"), Memo::hash("Nigel"));
    }

    #[test]
    fn memoised_answers_equal_fresh_ones() {
        for name in [
            "Syria", "Hama", "Syrian", "Russians", "US", "Mohamad", "New York", "Jones",
        ] {
            // Asked twice: the second answer comes from the memo.
            for _ in 0..2 {
                assert_eq!(place_in_context(name), lookup(name), "{name}");
                assert_eq!(word_info(name), g::word_info(name), "{name}");
            }
        }
        assert_eq!(demonym("Syrian").map(|d| d.0), Some("Syria"));
        assert_eq!(demonym("Syrian"), demonym("Syrian"));
    }
}
