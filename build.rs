//! Compiles the gazetteer assets (`assets/*.tsv`, made by
//! `scripts/build_gazetteer.py`) into `fst` maps and packed tables in
//! `OUT_DIR`, which `src/gazetteer` embeds with `include_bytes!`.
//!
//! Keys are folded by `src/fold/key.rs`, the same file lede folds its
//! queries with, over the character fold of `src/fold/rules.rs`, whose
//! tables for lede (`fold_table.rs`) are written here too. The layouts written here are read by
//! `src/gazetteer/tables.rs`; the two must change together.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/fold/key.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/fold/rules.rs"]
mod rules;
/// The character fold the keys are made of (`fold.rs` reads the tables
/// `rules` writes; here it is computed).
use rules::fold_char_by_rules as fold_char;
#[path = "src/gazetteer/hash.rs"]
mod hash;

/// Below this Zipf frequency a word is too rare to make the name of a place
/// of up to 10,000 people ambiguous (bigger places need more, see
/// `is_ambiguous`).
const AMBIGUOUS_ZIPF: f32 = 3.0;
/// Given names at least this common (rank) make a place name ambiguous.
const AMBIGUOUS_GIVEN_RANK: u32 = 1000;
/// Given names at least this common (rank) count as a person's name: the
/// census-ranked names; the unranked names listed after them (from many
/// locales) are too many to say a place name means a person.
const AMBIGUOUS_PERSON_GIVEN_RANK: u32 = 5_000;
/// Surnames at least this common (rank) count as a person's name.
const AMBIGUOUS_SURNAME_RANK: u32 = 20_000;
/// A person's name is ambiguous as a place smaller than this.
const AMBIGUOUS_PERSON_MAX_POPULATION: u32 = 1_000_000;
/// Consonant skeletons shorter than this are not kept for loose matching:
/// too many short names share them (`hm`: Hama, Home, Homa...).
const LOOSE_MIN_LETTERS: usize = 4;
/// Multiword names made of common words (`Red Hill`) are ambiguous only for
/// places smaller than this; big ones (`Long Beach`) are known by name.
const AMBIGUOUS_MULTIWORD_MAX_POPULATION: u32 = 15_000;

/// Set on a record id in a map value or posting when the key is only an
/// alternate name of the record (shared with tables.rs).
const ALTERNATE_BIT: u32 = 1 << 31;

// Word-table value layout (shared with tables.rs).
const ZIPF_BITS: u32 = 10;
const RANK_BITS: u32 = 17;
const DEMONYM_BITS: u32 = 10;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    let assets = root.join("assets");
    for file in [
        "places.tsv",
        "demonyms.tsv",
        "given_names.tsv",
        "surnames.tsv",
        "words.tsv",
    ] {
        println!("cargo:rerun-if-changed=assets/{file}");
    }
    println!("cargo:rerun-if-changed=src/fold/key.rs");
    println!("cargo:rerun-if-changed=src/fold/rules.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/hash.rs");
    println!("cargo:rerun-if-changed=build.rs");

    fs::write(out.join("fold_table.rs"), rules::table_source())?;
    let mut words = build_words(&assets, &out)?;
    let place_keys = build_places(&assets, &out, &words)?;
    for key in place_keys {
        let (first, extends) = match key.split_once(' ') {
            Some((first, _)) => (first, true),
            None => (key.as_str(), false),
        };
        // Only tokens that are already words or names carry place bits: the
        // others are answered by the places map, keeping the table small.
        if let Some(e) = words.get_mut(first) {
            e.place_exact |= !extends;
            e.place_extends |= extends;
        }
    }
    build_tokens(&words, &out)
}

fn read_tsv(path: &Path) -> Result<Vec<Vec<String>>> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect())
}

fn field<'a>(row: &'a [String], i: usize, path: &str) -> Result<&'a str> {
    row.get(i)
        .map(String::as_str)
        .ok_or_else(|| format!("{path}: a row has no column {i}: {row:?}").into())
}

#[derive(Default, Clone, Copy)]
struct WordInfo {
    zipf_centi: u32,
    dictionary: bool,
    given_rank: u32,
    surname_rank: u32,
    demonym: u32, // index + 1; 0 = none
    place_exact: bool,
    place_extends: bool,
}

impl WordInfo {
    fn pack(self) -> u64 {
        let mut v = u64::from(self.zipf_centi.min((1 << ZIPF_BITS) - 1));
        let mut shift = ZIPF_BITS;
        v |= u64::from(self.dictionary) << shift;
        shift += 1;
        v |= u64::from(self.given_rank.min((1 << RANK_BITS) - 1)) << shift;
        shift += RANK_BITS;
        v |= u64::from(self.surname_rank.min((1 << RANK_BITS) - 1)) << shift;
        shift += RANK_BITS;
        v |= u64::from(self.demonym.min((1 << DEMONYM_BITS) - 1)) << shift;
        shift += DEMONYM_BITS;
        v |= u64::from(self.place_exact) << shift;
        v |= u64::from(self.place_extends) << (shift + 1);
        v
    }
}

fn build_words(assets: &Path, out: &Path) -> Result<BTreeMap<String, WordInfo>> {
    let mut map: BTreeMap<String, WordInfo> = BTreeMap::new();
    let mut key = String::new();

    for row in read_tsv(&assets.join("words.tsv"))? {
        fold::fold_into(field(&row, 0, "words.tsv")?, &mut key);
        if key.is_empty() {
            continue;
        }
        let zipf: f32 = field(&row, 1, "words.tsv")?.parse()?;
        let zipf_centi = (zipf * 100.0).round() as u32;
        // Words folding alike (`utah`, `uta`) take the most frequent one's
        // figures: the rare one must not make the common one a dictionary word.
        let e = map.entry(key.clone()).or_default();
        if zipf_centi > e.zipf_centi {
            e.zipf_centi = zipf_centi;
            e.dictionary = field(&row, 2, "words.tsv")? == "1";
        }
    }
    for (file, surname) in [("given_names.tsv", false), ("surnames.tsv", true)] {
        for (i, row) in read_tsv(&assets.join(file))?.iter().enumerate() {
            fold::fold_into(field(row, 0, file)?, &mut key);
            if key.is_empty() {
                continue;
            }
            let rank = i as u32 + 1;
            let e = map.entry(key.clone()).or_default();
            let slot = if surname {
                &mut e.surname_rank
            } else {
                &mut e.given_rank
            };
            if *slot == 0 {
                *slot = rank;
            }
        }
    }
    let mut demonyms = String::from("static DEMONYMS: &[Demonym] = &[\n");
    let mut count = 0u32;
    for row in read_tsv(&assets.join("demonyms.tsv"))? {
        fold::fold_into(field(&row, 0, "demonyms.tsv")?, &mut key);
        let e = map.entry(key.clone()).or_default();
        if e.demonym != 0 {
            continue;
        }
        count += 1;
        e.demonym = count;
        demonyms.push_str(&format!(
            "    Demonym {{ country: {:?}, plural: {} }},\n",
            field(&row, 1, "demonyms.tsv")?,
            field(&row, 2, "demonyms.tsv")? == "1"
        ));
    }
    demonyms.push_str("];\n");
    fs::write(out.join("demonyms.rs"), demonyms)?;

    Ok(map)
}

struct PlaceRow {
    kind: u8,
    name: String,
    country: [u8; 2],
    lat: f32,
    lon: f32,
    population: u32,
    capital: bool,
    alternates: Vec<String>,
}

fn kind_code(kind: &str) -> Result<u8> {
    Ok(match kind {
        "continent" => 0,
        "country" => 1,
        "region" => 2,
        "city" => 3,
        other => return Err(format!("places.tsv: unknown kind {other:?}").into()),
    })
}

/// Writes the places map and tables; returns every place key.
fn build_places(
    assets: &Path,
    out: &Path,
    words: &BTreeMap<String, WordInfo>,
) -> Result<Vec<String>> {
    let mut rows = Vec::new();
    for row in read_tsv(&assets.join("places.tsv"))? {
        let f = |i| field(&row, i, "places.tsv");
        let cc = f(2)?.as_bytes();
        let country = match cc {
            [] => [0, 0],
            [a, b] => [*a, *b],
            _ => return Err(format!("places.tsv: bad country code {:?}", f(2)?).into()),
        };
        rows.push(PlaceRow {
            kind: kind_code(f(0)?)?,
            name: f(1)?.to_owned(),
            country,
            lat: f(3)?.parse()?,
            lon: f(4)?.parse()?,
            population: f(5)?.parse()?,
            capital: f(6)? == "1",
            alternates: f(7)?
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        });
    }

    // Records, in file order; names concatenated into one string.
    let mut names = String::new();
    // Record layout (16 bytes, read by tables.rs): name offset u32, name
    // length u8, kind | capital << 4, country code (2 bytes, zeros for
    // continents), latitude and longitude in hundredths of a degree (i16;
    // about 1 km), population u32.
    let mut records = Vec::with_capacity(rows.len() * 16);
    for r in &rows {
        let off = u32::try_from(names.len())?;
        let len = u8::try_from(r.name.len())?;
        names.push_str(&r.name);
        records.extend_from_slice(&off.to_le_bytes());
        records.push(len);
        records.push(r.kind | u8::from(r.capital) << 4);
        records.extend_from_slice(&r.country);
        records.extend_from_slice(&hundredths(r.lat, 90.0)?.to_le_bytes());
        records.extend_from_slice(&hundredths(r.lon, 180.0)?.to_le_bytes());
        records.extend_from_slice(&r.population.to_le_bytes());
    }

    // ISO code -> country record, for `gazetteer::country`.
    let mut countries: Vec<(String, usize)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == 1)
        .map(|(i, r)| (String::from_utf8_lossy(&r.country).into_owned(), i))
        .collect();
    countries.sort();
    let mut table = String::from("static COUNTRY_RECORDS: &[(&str, u32)] = &[\n");
    for (code, i) in &countries {
        table.push_str(&format!("    ({code:?}, {i}),\n"));
    }
    table.push_str("];\n");
    fs::write(out.join("countries.rs"), table)?;

    // Folded key -> record indices; consonant skeleton -> record indices and
    // the folded names it came from.
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut loose: BTreeMap<String, (Vec<u32>, Vec<String>)> = BTreeMap::new();
    // (skeleton, record) pairs that come from the record's own name, not an
    // alternate: they rank first among loose matches.
    let mut loose_primary = std::collections::HashSet::new();
    // The same for exact keys: (key, record) pairs from the record's own name.
    let mut primary = std::collections::HashSet::new();
    let mut key = String::new();
    let mut skeleton = String::new();
    for (i, r) in rows.iter().enumerate() {
        let i = u32::try_from(i)?;
        for (n, name) in std::iter::once(&r.name).chain(&r.alternates).enumerate() {
            fold::fold_into(name, &mut key);
            if key.is_empty() {
                continue;
            }
            if r.kind == 1 && !key.starts_with("the ") {
                add_key(&mut keys, format!("the {key}"), i);
                if n == 0 {
                    primary.insert((format!("the {key}"), i));
                }
            }
            add_key(&mut keys, key.clone(), i);
            if n == 0 {
                primary.insert((key.clone(), i));
            }
            fold::skeleton_into(&key, &mut skeleton);
            let letters = skeleton.bytes().filter(|&b| b != b' ').count();
            if r.kind >= 2 && letters >= LOOSE_MIN_LETTERS && skeleton != key {
                if n == 0 {
                    loose_primary.insert((skeleton.clone(), i));
                }
                let (ids, sources) = loose.entry(skeleton.clone()).or_default();
                if !ids.contains(&i) {
                    ids.push(i);
                }
                if !sources.contains(&key) {
                    sources.push(key.clone());
                }
            }
        }
    }

    let mut postings = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let mut all_keys = Vec::with_capacity(keys.len());
    let mut ambiguous_keys = std::collections::HashSet::new();
    for (k, mut ids) in keys {
        sort_records(&mut ids, &rows);
        let ambiguous = is_ambiguous(&k, &ids, &rows, words);
        if ambiguous {
            ambiguous_keys.insert(k.clone());
        }
        let flagged = flag_alternates(&k, &ids, &primary);
        builder.insert(&k, posting_value(&mut postings, &flagged, ambiguous)?)?;
        all_keys.push(k);
    }
    let mut loose_builder = fst::MapBuilder::memory();
    for (k, (mut ids, sources)) in loose {
        sort_records(&mut ids, &rows);
        ids.sort_by_key(|&i| !loose_primary.contains(&(k.clone(), i)));
        let ids = flag_alternates(&k, &ids, &loose_primary);
        let ambiguous = sources.iter().any(|s| ambiguous_keys.contains(s));
        loose_builder.insert(&k, posting_value(&mut postings, &ids, ambiguous)?)?;
    }
    fs::write(out.join("places_loose.fst"), loose_builder.into_inner()?)?;
    fs::write(out.join("places.fst"), builder.into_inner()?)?;
    fs::write(out.join("place_records.bin"), records)?;
    fs::write(out.join("place_postings.bin"), postings)?;
    fs::write(out.join("place_names.txt"), names)?;
    Ok(all_keys)
}

/// Lays out the token table: an open-addressing hash table (linear probing,
/// load factor at most 2/3) from folded single tokens to their packed
/// [`WordInfo`]. Files: `token_slots.bin` (u32 per slot: entry index + 1 in
/// the low bits, hash tag above), `token_entries.bin` (u32: key offset in
/// the low 24 bits, key length above; u64 value), `token_keys.txt` (keys
/// concatenated).
fn build_tokens(words: &BTreeMap<String, WordInfo>, out: &Path) -> Result<()> {
    let n = words.len();
    if n >= (1 << hash::SLOT_INDEX_BITS) - 1 {
        return Err(format!("{n} tokens do not fit the slot index").into());
    }
    let size = (n + n / 2).next_power_of_two();
    let tag_shift = 64 - (32 - hash::SLOT_INDEX_BITS);
    let mut slots = vec![0u32; size];
    let mut entries = Vec::with_capacity(n * 12);
    let mut keys = String::new();
    // Most frequent words first, so that the entries and keys text prose
    // touches most sit together and stay in cache.
    let mut order: Vec<(&String, &WordInfo)> = words.iter().collect();
    order.sort_by_key(|(k, info)| (std::cmp::Reverse(info.zipf_centi), *k));
    for (k, info) in order {
        // A token over 255 bytes is no word.
        let Ok(len) = u8::try_from(k.len()) else {
            continue;
        };
        let index = u32::try_from(entries.len() / 12)?;
        let off = u32::try_from(keys.len())?;
        keys.push_str(k);
        if off >= 1 << 24 {
            return Err("token keys exceed 16 MiB".into());
        }
        entries.extend_from_slice(&(off | u32::from(len) << 24).to_le_bytes());
        entries.extend_from_slice(&info.pack().to_le_bytes());
        let h = hash::token_hash(k.as_bytes());
        let tag = (h >> tag_shift) as u32;
        let mut at = (h as usize) & (size - 1);
        while slots[at] != 0 {
            at = (at + 1) & (size - 1);
        }
        slots[at] = (index + 1) | tag << hash::SLOT_INDEX_BITS;
    }
    let slot_bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    fs::write(out.join("token_slots.bin"), slot_bytes)?;
    fs::write(out.join("token_entries.bin"), entries)?;
    fs::write(out.join("token_keys.txt"), keys)?;
    Ok(())
}

fn hundredths(degrees: f32, max: f32) -> Result<i16> {
    if !(-max..=max).contains(&degrees) {
        return Err(format!("places.tsv: coordinate out of range: {degrees}").into());
    }
    Ok((degrees * 100.0).round() as i16)
}

/// Best record first: continents, countries, regions, cities, then the most
/// populous. A city holding at least half the people of a region of the
/// same name is what the name usually means (Moscow, New York): it ranks
/// with the regions, and population decides.
fn sort_records(ids: &mut [u32], rows: &[PlaceRow]) {
    let region_population = ids
        .iter()
        .map(|&i| &rows[i as usize])
        .filter(|r| r.kind == 2)
        .map(|r| r.population)
        .max()
        .unwrap_or(u32::MAX);
    ids.sort_by_key(|&i| {
        let r = &rows[i as usize];
        let half_region = u64::from(r.population) * 2 >= u64::from(region_population);
        let rank = if r.kind == 3 && half_region {
            2
        } else {
            r.kind
        };
        (rank, std::cmp::Reverse(r.population), i)
    });
}

/// Appends a key's record indices to the postings; returns the map value
/// (the record itself when it is the only one, else the start in u32 units;
/// count; ambiguous flag), the layout tables.rs reads.
fn posting_value(postings: &mut Vec<u8>, ids: &[u32], ambiguous: bool) -> Result<u64> {
    if let [only] = ids {
        return Ok(u64::from(*only) | 1 << 32 | u64::from(ambiguous) << 48);
    }
    let start = u32::try_from(postings.len() / 4)?;
    let count = u16::try_from(ids.len().min(u16::MAX as usize))?;
    for &i in ids.iter().take(count as usize) {
        postings.extend_from_slice(&i.to_le_bytes());
    }
    Ok(u64::from(start) | u64::from(count) << 32 | u64::from(ambiguous) << 48)
}

/// Record ids with [`ALTERNATE_BIT`] set where the key comes only from
/// the record's alternate names.
fn flag_alternates(
    key: &str,
    ids: &[u32],
    primary: &std::collections::HashSet<(String, u32)>,
) -> Vec<u32> {
    let key = key.to_owned();
    ids.iter()
        .map(|&i| {
            if primary.contains(&(key.clone(), i)) {
                i
            } else {
                i | ALTERNATE_BIT
            }
        })
        .collect()
}

fn add_key(keys: &mut BTreeMap<String, Vec<u32>>, key: String, id: u32) {
    let ids = keys.entry(key).or_default();
    if !ids.contains(&id) {
        ids.push(id);
    }
}

/// Whether a place key is also an ordinary English word or a common given
/// name, so that it names a place only in context. Country and continent
/// names are never ambiguous: news capitalises `Turkey` and `Chad` for the
/// country far more often than for the bird or the man.
fn is_ambiguous(
    key: &str,
    ids: &[u32],
    rows: &[PlaceRow],
    words: &BTreeMap<String, WordInfo>,
) -> bool {
    if ids.iter().any(|&i| rows[i as usize].kind <= 1) {
        return false;
    }
    let largest = ids
        .iter()
        .map(|&i| rows[i as usize].population)
        .max()
        .unwrap_or(0);
    // The bigger the place, the more common the word must be to outweigh it:
    // half a Zipf point per tenfold population past 10,000 (`Mobile`,
    // `Reading` stay ambiguous; `Tripoli`, whose lowercase sense is a rare
    // mineral, does not).
    let size_bonus = 0.5 * ((largest.max(1) as f32).log10() - 4.0).max(0.0);
    let threshold = (AMBIGUOUS_ZIPF + size_bonus) * 100.0;
    let common_word = |w: &str| {
        words
            .get(w)
            .is_some_and(|i| i.dictionary && i.zipf_centi as f32 >= threshold)
    };
    if !key.contains(' ') {
        let info = words.get(key).copied().unwrap_or_default();
        let common_given = info.given_rank != 0 && info.given_rank <= AMBIGUOUS_GIVEN_RANK;
        // A person's name (`Ali`, `Johnson`, `Kane`) that also names a town
        // means the person more often than not; only a big place (`Sydney`,
        // `Houston`) is known well enough to stand alone.
        let person = (info.given_rank != 0 && info.given_rank <= AMBIGUOUS_PERSON_GIVEN_RANK)
            || (info.surname_rank != 0 && info.surname_rank <= AMBIGUOUS_SURNAME_RANK);
        return common_word(key)
            || common_given
            || (person && largest < AMBIGUOUS_PERSON_MAX_POPULATION);
    }
    largest < AMBIGUOUS_MULTIWORD_MAX_POPULATION && key.split(' ').all(common_word)
}
