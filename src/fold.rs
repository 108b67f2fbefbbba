//! Folding: the one way lede makes text comparable, with accents,
//! typography, case and invisible characters taken out. Search folds the
//! article and the query with it, the gazetteer its keys and the names it
//! looks up ([`key`], words on top of the same characters), the entity
//! pane its filter and labels.
//!
//! Folding is per character and context-free: the fold of a string is the
//! concatenation of the folds of its characters. What a character folds to
//! is said once, as rules (`fold/rules.rs`: compatibility decomposition,
//! combining marks dropped, lower-casing, a short table of letters that do
//! not decompose and of typography); the build script runs the rules over
//! every character and writes the tables this module reads, so no table is
//! typed by hand and a lookup is an index or a binary search, not a
//! decomposition. A test checks every character against the rules.
//!
//! Pure string code with no dependency on the rest of lede.

pub mod key;
#[cfg(test)]
#[allow(dead_code)]
mod rules;

include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));

/// A fold reference of the tables for a character that folds to itself.
const SAME: u32 = u32::MAX;

/// The first code points of the dense tables (`rules::DENSE`).
const DENSE_0_START: u32 = 0x80;
const DENSE_1_START: u32 = 0x1E00;

/// The fold of an ASCII byte: line breaks and tabs are a space.
#[inline(always)]
pub fn fold_ascii(b: u8, lower: bool) -> u8 {
    match b {
        b'\n' | b'\r' | b'\t' | b'\x0B' | b'\x0C' => b' ',
        _ if lower => b.to_ascii_lowercase(),
        _ => b,
    }
}

/// What a non-ASCII character folds to (lower-cased when `lower`); `None`
/// when it folds to itself.
#[inline]
pub fn folded(c: char, lower: bool) -> Option<&'static str> {
    let cp = u32::from(c);
    let entry = if let Some(e) = DENSE_0.get(cp.wrapping_sub(DENSE_0_START) as usize) {
        e
    } else if let Some(e) = DENSE_1.get(cp.wrapping_sub(DENSE_1_START) as usize) {
        e
    } else {
        let i = SPARSE.binary_search_by_key(&cp, |&(k, _)| k).ok()?;
        &SPARSE[i].1
    };
    let r = entry[usize::from(lower)];
    if r == SAME {
        return None;
    }
    let (at, len) = ((r >> 6) as usize, (r & 63) as usize);
    ARENA.get(at..at + len)
}

/// Feeds the fold of one character to `out`: lower-cased when `lower`.
#[inline]
pub fn fold_char(c: char, lower: bool, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(char::from(fold_ascii(c as u8, lower)));
        return;
    }
    match folded(c, lower) {
        None if ('\u{AC00}'..='\u{D7A3}').contains(&c) => hangul(c, out),
        None => out(c),
        Some(s) => s.chars().for_each(out),
    }
}

/// The jamo of a precomposed Hangul syllable, as the Unicode standard
/// computes them (the tables leave the syllables out).
fn hangul(c: char, out: &mut impl FnMut(char)) {
    const T_COUNT: u32 = 28;
    const N_COUNT: u32 = 21 * T_COUNT;
    let s = u32::from(c) - 0xAC00;
    let jamo = [
        0x1100 + s / N_COUNT,
        0x1161 + (s % N_COUNT) / T_COUNT,
        0x11A7 + s % T_COUNT,
    ];
    let n = if s % T_COUNT == 0 { 2 } else { 3 };
    for j in jamo.into_iter().take(n).filter_map(char::from_u32) {
        out(j);
    }
}

/// The fold of a string.
pub fn fold(s: &str, lower: bool) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, lower, &mut out);
    out
}

/// The fold of a string written into `out`, which is cleared first.
pub fn fold_into(s: &str, lower: bool, out: &mut String) {
    out.clear();
    for c in s.chars() {
        fold_char(c, lower, &mut |f| out.push(f));
    }
}

/// True when the case-kept fold of `s` is exactly `folded` (itself a
/// case-kept fold); no allocation, since it runs once per candidate.
pub fn fold_eq(s: &str, folded: &str) -> bool {
    if s.is_ascii() {
        return s.len() == folded.len()
            && s.bytes()
                .zip(folded.bytes())
                .all(|(a, b)| fold_ascii(a, false) == b);
    }
    let mut want = folded.chars();
    let mut same = true;
    for c in s.chars() {
        fold_char(c, false, &mut |f| same &= want.next() == Some(f));
        if !same {
            return false;
        }
    }
    want.next().is_none()
}

/// The lowercase of a Latin-1 or Latin Extended-A letter (the accents of
/// names in English news: `Zürich`, `Gdańsk`), without the table search of
/// `char::to_lowercase`; `None` for any other character.
#[inline]
pub fn latin_lower(c: char) -> Option<char> {
    let u = u32::from(c);
    let l = match u {
        0xc0..=0xde if u != 0xd7 => u + 0x20,
        0xd7..=0xff => u,
        // `İ` lowercases to two chars; `Ÿ` to `ÿ`, out of its block.
        0x130 => return None,
        0x178 => 0xff,
        0x100..=0x137 | 0x14a..=0x177 => u | 1,
        0x139..=0x148 | 0x179..=0x17e => u + (u & 1),
        0x138 | 0x149 | 0x17f => u,
        _ => return None,
    };
    char::from_u32(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_folds_as_the_rules_say() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for lower in [false, true] {
                let mut got = String::new();
                fold_char(c, lower, &mut |f| got.push(f));
                assert_eq!(got, rules::fold_by_rules(c, lower), "{c:?} lower {lower}");
            }
        }
    }

    #[test]
    fn the_dense_tables_start_where_the_rules_say() {
        assert_eq!(
            [DENSE_0_START, DENSE_1_START],
            rules::DENSE.map(|(start, _)| start)
        );
        assert_eq!(
            [DENSE_0.len(), DENSE_1.len()],
            rules::DENSE.map(|(_, len)| len as usize)
        );
    }

    #[test]
    fn accents_typography_and_invisibles_fold() {
        let cases = [
            ("Çavuşoğlu", true, "cavusoglu"),
            ("Çavuşoğlu", false, "Cavusoglu"),
            ("don’t", true, "don't"),
            ("“Łódź” – ﬁne", true, "\"lodz\" - fine"),
            ("Id\u{200B}lib", true, "idlib"),
            ("Straße", false, "Strasse"),
            ("a\tb\nc", false, "a b c"),
        ];
        for (s, lower, want) in cases {
            assert_eq!(fold(s, lower), want, "{s:?}");
        }
        assert!(fold_eq("Çavuşoğlu", "Cavusoglu"));
        assert!(!fold_eq("Çavuşoğlu", "cavusoglu"));
    }

    #[test]
    fn latin_lowercase_agrees_with_std() {
        for c in (0x80..0x180).filter_map(char::from_u32) {
            if let Some(l) = latin_lower(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c}");
            }
        }
    }
}
