//! Compiles the gazetteer assets (`assets/*.tsv`, made by
//! `scripts/build_gazetteer.py`) into `fst` maps and packed tables in
//! `OUT_DIR`, which `src/gazetteer` embeds with `include_bytes!`.
//!
//! Keys are folded by `src/gazetteer/fold.rs`, the same file lede folds its
//! queries with. The layouts written here are read by
//! `src/gazetteer/tables.rs`; the two must change together.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/gazetteer/fold.rs"]
mod fold;

/// Below this Zipf frequency a word is too rare to make a place name
/// ambiguous (`Idlib` is a place even if some corpus spells it lowercase).
const AMBIGUOUS_ZIPF: f32 = 3.0;
/// Given names at least this common (rank) make a place name ambiguous.
const AMBIGUOUS_GIVEN_RANK: u32 = 1000;
/// Multiword names made of common words (`Red Hill`) are ambiguous only for
/// places smaller than this; big ones (`Long Beach`) are known by name.
const AMBIGUOUS_MULTIWORD_MAX_POPULATION: u32 = 15_000;

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
    println!("cargo:rerun-if-changed=src/gazetteer/fold.rs");
    println!("cargo:rerun-if-changed=build.rs");

    let words = build_words(&assets, &out)?;
    build_places(&assets, &out, &words)?;
    Ok(())
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
        let e = map.entry(key.clone()).or_default();
        e.zipf_centi = e.zipf_centi.max((zipf * 100.0).round() as u32);
        e.dictionary |= field(&row, 2, "words.tsv")? == "1";
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

    let mut builder = fst::MapBuilder::memory();
    for (k, v) in &map {
        builder.insert(k, v.pack())?;
    }
    fs::write(out.join("words.fst"), builder.into_inner()?)?;
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

fn build_places(assets: &Path, out: &Path, words: &BTreeMap<String, WordInfo>) -> Result<()> {
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
    let mut records = Vec::with_capacity(rows.len() * 24);
    for r in &rows {
        let off = u32::try_from(names.len())?;
        let len = u16::try_from(r.name.len())?;
        names.push_str(&r.name);
        records.extend_from_slice(&off.to_le_bytes());
        records.extend_from_slice(&len.to_le_bytes());
        records.push(r.kind);
        records.push(u8::from(r.capital));
        records.extend_from_slice(&r.country);
        records.extend_from_slice(&[0, 0]);
        records.extend_from_slice(&r.lat.to_le_bytes());
        records.extend_from_slice(&r.lon.to_le_bytes());
        records.extend_from_slice(&r.population.to_le_bytes());
    }

    // Folded key -> record indices.
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut key = String::new();
    for (i, r) in rows.iter().enumerate() {
        let i = u32::try_from(i)?;
        for name in std::iter::once(&r.name).chain(&r.alternates) {
            fold::fold_into(name, &mut key);
            if key.is_empty() {
                continue;
            }
            if r.kind == 1 && !key.starts_with("the ") {
                add_key(&mut keys, format!("the {key}"), i);
            }
            add_key(&mut keys, key.clone(), i);
        }
    }

    let mut postings = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (k, mut ids) in keys {
        // A city holding at least half the people of a region of the same
        // name is what the name usually means (Moscow, New York): it ranks
        // with the regions, and population decides.
        let region_population = ids
            .iter()
            .map(|&i| &rows[i as usize])
            .filter(|r| r.kind == 2)
            .map(|r| r.population)
            .max()
            .unwrap_or(u32::MAX);
        ids.sort_by_key(|&i| {
            let r = &rows[i as usize];
            let rank = if r.kind == 3 && u64::from(r.population) * 2 >= u64::from(region_population)
            {
                2
            } else {
                r.kind
            };
            (rank, std::cmp::Reverse(r.population), i)
        });
        let start = u32::try_from(postings.len() / 4)?;
        let count = u16::try_from(ids.len().min(u16::MAX as usize))?;
        for &i in ids.iter().take(count as usize) {
            postings.extend_from_slice(&i.to_le_bytes());
        }
        let ambiguous = is_ambiguous(&k, &ids, &rows, words);
        let value = u64::from(start) | u64::from(count) << 32 | u64::from(ambiguous) << 48;
        builder.insert(&k, value)?;
    }
    fs::write(out.join("places.fst"), builder.into_inner()?)?;
    fs::write(out.join("place_records.bin"), records)?;
    fs::write(out.join("place_postings.bin"), postings)?;
    fs::write(out.join("place_names.txt"), names)?;
    Ok(())
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
    let common_word = |w: &str| {
        words
            .get(w)
            .is_some_and(|i| i.dictionary && i.zipf_centi as f32 >= AMBIGUOUS_ZIPF * 100.0)
    };
    if !key.contains(' ') {
        let given = words
            .get(key)
            .is_some_and(|i| i.given_rank != 0 && i.given_rank <= AMBIGUOUS_GIVEN_RANK);
        return common_word(key) || given;
    }
    let largest = ids
        .iter()
        .map(|&i| rows[i as usize].population)
        .max()
        .unwrap_or(0);
    largest < AMBIGUOUS_MULTIWORD_MAX_POPULATION && key.split(' ').all(common_word)
}
