//! The embedded tables: `fst` maps and packed records that `build.rs` wrote
//! into `OUT_DIR`, and their decoding.
//!
//! Owns the binary layouts (which `build.rs` writes; the two change
//! together) and nothing else: no folding, no policy. Nothing here allocates
//! or parses at start-up beyond reading two `fst` headers; records are
//! decoded field by field when a lookup returns them.

use std::sync::OnceLock;

use fst::Map;
use fst::raw::{Fst, Node};

use super::{Demonym, Place, PlaceKind};

static PLACES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.fst"));
static WORDS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.fst"));
static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/place_records.bin"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/place_postings.bin"));
static NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/place_names.txt"));
include!(concat!(env!("OUT_DIR"), "/demonyms.rs"));

const RECORD_SIZE: usize = 24;
const ZIPF_BITS: u32 = 10;
const RANK_BITS: u32 = 17;
const DEMONYM_BITS: u32 = 10;

fn places_map() -> &'static Map<&'static [u8]> {
    static MAP: OnceLock<Map<&'static [u8]>> = OnceLock::new();
    MAP.get_or_init(|| Map::new(PLACES_FST).expect("places.fst is written by build.rs"))
}

fn words_map() -> &'static Map<&'static [u8]> {
    static MAP: OnceLock<Map<&'static [u8]>> = OnceLock::new();
    MAP.get_or_init(|| Map::new(WORDS_FST).expect("words.fst is written by build.rs"))
}

/// Forces both maps to be opened (the only start-up work).
pub(super) fn warm_up() {
    let _ = (places_map().len(), words_map().len());
}

/// What the words map knows about one folded word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordInfo {
    /// Zipf frequency (log10 of occurrences per billion words), 0 if the
    /// word is not among the common English words.
    pub zipf: f32,
    /// The word is written in lowercase in an English dictionary (a common
    /// noun, verb...), not only as a proper name.
    pub dictionary: bool,
    /// Rank among given names (1 = most common), 0 if not one.
    pub given_rank: u32,
    /// Rank among surnames (1 = most common), 0 if not one.
    pub surname_rank: u32,
    pub(super) demonym: u32,
}

impl WordInfo {
    /// The demonym this word is, if any.
    pub fn demonym(&self) -> Option<Demonym> {
        let i = self.demonym.checked_sub(1)?;
        DEMONYMS.get(i as usize).copied()
    }
}

pub(super) fn word_info(folded: &str) -> Option<WordInfo> {
    let v = words_map().get(folded)?;
    let field = |shift: u32, bits: u32| ((v >> shift) & ((1u64 << bits) - 1)) as u32;
    let mut shift = 0;
    let zipf_centi = field(shift, ZIPF_BITS);
    shift += ZIPF_BITS;
    let dictionary = field(shift, 1) == 1;
    shift += 1;
    let given_rank = field(shift, RANK_BITS);
    shift += RANK_BITS;
    let surname_rank = field(shift, RANK_BITS);
    shift += RANK_BITS;
    let demonym = field(shift, DEMONYM_BITS);
    Some(WordInfo {
        zipf: zipf_centi as f32 / 100.0,
        dictionary,
        given_rank,
        surname_rank,
        demonym,
    })
}

/// The records stored under one folded key, best first.
#[derive(Debug, Clone)]
pub struct PlaceIter {
    ids: std::ops::Range<usize>,
    ambiguous: bool,
}

impl Iterator for PlaceIter {
    type Item = Place;

    fn next(&mut self) -> Option<Place> {
        let i = self.ids.next()?;
        let id = read_u32(POSTINGS, i * 4)?;
        record(id as usize, self.ambiguous)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ids.size_hint()
    }
}

pub(super) fn places_folded(folded: &str) -> PlaceIter {
    let (ids, ambiguous) = match places_map().get(folded) {
        Some(v) => {
            let start = (v & 0xFFFF_FFFF) as usize;
            let count = ((v >> 32) & 0xFFFF) as usize;
            (start..start + count, (v >> 48) & 1 == 1)
        }
        None => (0..0, false),
    };
    PlaceIter { ids, ambiguous }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn read_f32(bytes: &[u8], at: usize) -> Option<f32> {
    read_u32(bytes, at).map(f32::from_bits)
}

fn record(id: usize, ambiguous: bool) -> Option<Place> {
    let r = RECORDS.get(id * RECORD_SIZE..(id + 1) * RECORD_SIZE)?;
    let name_off = read_u32(r, 0)? as usize;
    let name_len = u16::from_le_bytes([r[4], r[5]]) as usize;
    let kind = match r[6] {
        0 => PlaceKind::Continent,
        1 => PlaceKind::Country,
        2 => PlaceKind::Region,
        _ => PlaceKind::City,
    };
    // A slice of the static table itself: continents have no country (zeros).
    let country: &'static str = match &r[8..10] {
        [0, 0] => "",
        code => std::str::from_utf8(code).unwrap_or(""),
    };
    Some(Place {
        name: NAMES.get(name_off..name_off + name_len).unwrap_or(""),
        kind,
        country,
        lat: read_f32(r, 12)?,
        lon: read_f32(r, 16)?,
        population: read_u32(r, 20)?,
        capital: r[7] == 1,
        ambiguous,
    })
}

/// Whether some place key equals `folded` (`exact`) or starts with `folded`
/// followed by a space (`extends`): the walk of the `fst` automaton only, no
/// value decoding.
pub(super) fn key_status(folded: &str) -> (bool, bool) {
    let fst: &Fst<&'static [u8]> = places_map().as_fst();
    let mut node: Node<'_> = fst.root();
    for &b in folded.as_bytes() {
        match node.find_input(b) {
            Some(t) => node = fst.node(node.transition_addr(t)),
            None => return (false, false),
        }
    }
    (node.is_final(), node.find_input(b' ').is_some())
}

/// Numbers of records per kind, for reports.
pub(super) fn record_kinds() -> [usize; 4] {
    let mut n = [0; 4];
    for r in RECORDS.chunks_exact(RECORD_SIZE) {
        n[usize::from(r[6].min(3))] += 1;
    }
    n
}
