//! The embedded tables that `build.rs` wrote into `OUT_DIR`: the place-name
//! `fst` maps (exact and skeleton keys), the postings and packed place
//! records, and the token hash table of single words; and their decoding.
//!
//! Owns the binary layouts (which `build.rs` writes; the two change
//! together) and nothing else: no folding, no policy. Nothing here allocates
//! or parses at start-up beyond reading the `fst` headers; records are
//! decoded field by field when a lookup returns them.

use std::sync::OnceLock;

use fst::Map;
use fst::raw::{Fst, Node, Output};

use super::hash::{SLOT_INDEX_BITS, token_hash};
use super::{Demonym, Place, PlaceKind};

static PLACES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.fst"));
static LOOSE_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places_loose.fst"));
static TOKEN_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/token_slots.bin"));
static TOKEN_ENTRIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/token_entries.bin"));
static TOKEN_KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/token_keys.txt"));
static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/place_records.bin"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/place_postings.bin"));
static NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/place_names.txt"));
include!(concat!(env!("OUT_DIR"), "/demonyms.rs"));
include!(concat!(env!("OUT_DIR"), "/countries.rs"));

const RECORD_SIZE: usize = 16;
/// Set on a record id when the key is only an alternate name of the record.
const ALTERNATE_BIT: u32 = 1 << 31;
const ZIPF_BITS: u32 = 10;
const RANK_BITS: u32 = 17;
const DEMONYM_BITS: u32 = 10;

fn places_map() -> &'static Map<&'static [u8]> {
    static MAP: OnceLock<Map<&'static [u8]>> = OnceLock::new();
    MAP.get_or_init(|| Map::new(PLACES_FST).expect("places.fst is written by build.rs"))
}

fn loose_map() -> &'static Map<&'static [u8]> {
    static MAP: OnceLock<Map<&'static [u8]>> = OnceLock::new();
    MAP.get_or_init(|| Map::new(LOOSE_FST).expect("places_loose.fst is written by build.rs"))
}

/// Opens the places map afresh, bypassing the cache: the work the first lookup
/// of a process does, for the start-up benchmark.
pub(super) fn open_uncached() -> usize {
    Map::new(PLACES_FST).map_or(0, |m| m.len())
}

/// Forces the places map to be opened (the only start-up work: the token
/// table needs none).
pub(super) fn warm_up() {
    let _ = places_map().len();
}

/// What the token table knows about one folded word.
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
    /// Some place name is this one word.
    pub place: bool,
    /// Some place name of several words starts with this word.
    pub place_prefix: bool,
    // Both place bits are exact for the words in this table; a token that is
    // only a place has no `WordInfo` (see `could_start_place`).
    pub(super) demonym: u32,
}

impl WordInfo {
    /// The demonym this word is, if any.
    pub fn demonym(&self) -> Option<Demonym> {
        let i = self.demonym.checked_sub(1)?;
        DEMONYMS.get(i as usize).copied()
    }
}

/// Probes the token table: one hash, usually one slot, one key compare.
fn token_value(folded: &str) -> Option<u64> {
    let key = folded.as_bytes();
    let slots = TOKEN_SLOTS.len() / 4;
    if slots == 0 {
        return None;
    }
    let h = token_hash(key);
    let tag = (h >> (64 - (32 - SLOT_INDEX_BITS))) as u32;
    let mut at = (h as usize) & (slots - 1);
    loop {
        let slot = read_u32(TOKEN_SLOTS, at * 4)?;
        if slot == 0 {
            return None;
        }
        if slot >> SLOT_INDEX_BITS == tag {
            let index = (slot & ((1 << SLOT_INDEX_BITS) - 1)) as usize - 1;
            let e = TOKEN_ENTRIES.get(index * 12..index * 12 + 12)?;
            let key_ref = read_u32(e, 0)?;
            let off = (key_ref & 0x00FF_FFFF) as usize;
            let len = (key_ref >> 24) as usize;
            if TOKEN_KEYS.as_bytes().get(off..off + len) == Some(key) {
                let mut v = [0u8; 8];
                v.copy_from_slice(&e[4..12]);
                return Some(u64::from_le_bytes(v));
            }
        }
        at = (at + 1) & (slots - 1);
    }
}

pub(super) fn word_info(folded: &str) -> Option<WordInfo> {
    let v = token_value(folded)?;
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
    shift += DEMONYM_BITS;
    Some(WordInfo {
        zipf: zipf_centi as f32 / 100.0,
        dictionary,
        given_rank,
        surname_rank,
        place: field(shift, 1) == 1,
        place_prefix: field(shift + 1, 1) == 1,
        demonym,
    })
}

/// The records stored under one folded key, best first.
#[derive(Debug, Clone)]
pub struct PlaceIter {
    /// The only record of a key that has one (stored in the map value).
    single: Option<u32>,
    /// Positions in the postings of a key with several records.
    ids: std::ops::Range<usize>,
    ambiguous: bool,
}

impl Iterator for PlaceIter {
    type Item = Place;

    fn next(&mut self) -> Option<Place> {
        let id = match self.single.take() {
            Some(id) => id,
            None => read_u32(POSTINGS, self.ids.next()? * 4)?,
        };
        let mut place = record((id & !ALTERNATE_BIT) as usize, self.ambiguous)?;
        place.alternate = id & ALTERNATE_BIT != 0;
        Some(place)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.ids.len() + usize::from(self.single.is_some());
        (n, Some(n))
    }
}

pub(super) fn places_folded(folded: &str) -> PlaceIter {
    // A single known word that names no place needs no walk of the map: the
    // token table's place bit is exact for the words it holds.
    if !folded.contains(' ')
        && let Some(info) = word_info(folded)
        && !info.place
    {
        return postings(None);
    }
    postings(places_map().get(folded))
}

pub(super) fn places_skeleton(skeleton: &str) -> PlaceIter {
    postings(loose_map().get(skeleton))
}

impl ExactSizeIterator for PlaceIter {}

impl std::iter::FusedIterator for PlaceIter {}

/// Decodes a map value: bits 0-31 the record (one record) or the postings
/// start (several), 32-47 the count, 48 ambiguous (layout of build.rs).
fn postings(value: Option<u64>) -> PlaceIter {
    let Some(v) = value else {
        return PlaceIter {
            single: None,
            ids: 0..0,
            ambiguous: false,
        };
    };
    let low = (v & 0xFFFF_FFFF) as u32;
    let count = ((v >> 32) & 0xFFFF) as usize;
    let ambiguous = (v >> 48) & 1 == 1;
    if count == 1 {
        PlaceIter {
            single: Some(low),
            ids: 0..0,
            ambiguous,
        }
    } else {
        let start = low as usize;
        PlaceIter {
            single: None,
            ids: start..start + count,
            ambiguous,
        }
    }
}

/// The country record of an ISO 3166 alpha-2 code (any case).
pub(super) fn country(code: &str) -> Option<Place> {
    let &[a, b] = code.as_bytes() else {
        return None;
    };
    let upper = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
    let i = COUNTRY_RECORDS
        .binary_search_by(|(c, _)| c.as_bytes().cmp(&upper[..]))
        .ok()?;
    let (_, id) = COUNTRY_RECORDS.get(i)?;
    record(*id as usize, false)
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn record(id: usize, ambiguous: bool) -> Option<Place> {
    let r = RECORDS.get(id * RECORD_SIZE..(id + 1) * RECORD_SIZE)?;
    let name_off = read_u32(r, 0)? as usize;
    let name_len = usize::from(r[4]);
    let kind = match r[5] & 0x0F {
        0 => PlaceKind::Continent,
        1 => PlaceKind::Country,
        2 => PlaceKind::Region,
        _ => PlaceKind::City,
    };
    // A slice of the static table itself: continents have no country (zeros).
    let country: &'static str = match &r[6..8] {
        [0, 0] => "",
        code => std::str::from_utf8(code).unwrap_or(""),
    };
    let degrees = |at: usize| f32::from(i16::from_le_bytes([r[at], r[at + 1]])) / 100.0;
    Some(Place {
        name: NAMES.get(name_off..name_off + name_len).unwrap_or(""),
        kind,
        country,
        lat: degrees(8),
        lon: degrees(10),
        population: read_u32(r, 12)?,
        capital: r[5] >> 4 == 1,
        ambiguous,
        alternate: false,
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

/// A walk through the place-name map, one folded word at a time: the
/// incremental form of [`key_status`] for [`super::longest_place`].
pub(super) struct KeyWalk {
    node: Node<'static>,
    output: Output,
    words: usize,
}

impl KeyWalk {
    pub(super) fn new() -> Self {
        KeyWalk {
            node: places_map().as_fst().root(),
            output: Output::zero(),
            words: 0,
        }
    }

    /// Appends one folded word (preceded by a space after the first); false
    /// when no place name continues this way, leaving the walk unusable.
    pub(super) fn push_word(&mut self, word: &str) -> bool {
        let fst: &'static Fst<&'static [u8]> = places_map().as_fst();
        let space = (self.words > 0).then_some(b' ');
        for b in space.into_iter().chain(word.bytes()) {
            let Some(i) = self.node.find_input(b) else {
                return false;
            };
            let t = self.node.transition(i);
            self.output = self.output.cat(t.out);
            self.node = fst.node(t.addr);
        }
        self.words += 1;
        true
    }

    /// The records of the words pushed so far, if they are a place name.
    pub(super) fn places(&self) -> Option<PlaceIter> {
        self.node
            .is_final()
            .then(|| postings(Some(self.output.cat(self.node.final_output()).value())))
    }

    /// Whether a longer place name continues with a space.
    pub(super) fn extends(&self) -> bool {
        self.node.find_input(b' ').is_some()
    }
}

/// Numbers of records per kind, for reports.
#[cfg(test)]
pub(super) fn record_kinds() -> [usize; 4] {
    let mut n = [0; 4];
    for r in RECORDS.chunks_exact(RECORD_SIZE) {
        n[usize::from((r[5] & 0x0F).min(3))] += 1;
    }
    n
}

/// Every single-word place key (for the consistency test of the token
/// table's place bits).
#[cfg(test)]
pub(super) fn single_word_place_keys() -> Vec<String> {
    use fst::Streamer;
    let mut out = Vec::new();
    let mut stream = places_map().stream();
    while let Some((k, _)) = stream.next() {
        if !k.contains(&b' ') {
            out.push(String::from_utf8_lossy(k).into_owned());
        }
    }
    out
}
