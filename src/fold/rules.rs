//! What folding does to one character, written as rules: the build script
//! compiles this file (`#[path]`) and runs the rules over every character
//! to write the tables [`crate::fold`] reads, so the rules and the tables
//! cannot disagree. The library compiles it only for the test that checks
//! that every character's table entry is what the rules say.
//!
//! A character folds by compatibility decomposition (NFKD: `ﬁ` -> `fi`,
//! `²` -> `2`, no-break space -> space), dropping combining marks (`ş` ->
//! `s`), lower-casing (for the case-insensitive fold), then the small table
//! below of letters that do not decompose (`ø`, `ł`, `ß`, `æ`...) and of
//! typography (curly quotes, dashes, guillemets). Invisible characters fold
//! to nothing; line breaks and tabs to a space.
//!
//! Depends on std and `unicode-normalization` only.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Letters that do not decompose, and typography: what they fold to, after
/// decomposition and (for the case-insensitive fold) lower-casing.
pub fn table(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
        | '\u{02BC}' | '\u{02B9}' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{2043}' => "-",
        '\u{2039}' => "<",
        '\u{203A}' => ">",
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'đ' | 'ð' => "d",
        'Đ' | 'Ð' => "D",
        'ħ' => "h",
        'Ħ' => "H",
        'ŧ' => "t",
        'Ŧ' => "T",
        'ı' => "i",
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'þ' => "th",
        'Þ' => "TH",
        // Letters with a stroke, bar or hook, which do not decompose.
        'ĸ' => "k",
        'ŋ' | 'ƞ' => "n",
        'Ŋ' | 'Ƞ' => "N",
        'ƀ' => "b",
        'Ɓ' | 'Ƀ' => "B",
        'ƈ' | 'ȼ' => "c",
        'Ƈ' | 'Ȼ' => "C",
        'ƒ' => "f",
        'Ƒ' => "F",
        'ƙ' => "k",
        'Ƙ' => "K",
        'ƚ' => "l",
        'Ƚ' => "L",
        'ƥ' => "p",
        'Ƥ' => "P",
        'ƭ' => "t",
        'Ƭ' => "T",
        'ƴ' | 'ɏ' => "y",
        'Ƴ' | 'Ɏ' => "Y",
        'ƶ' | 'ȥ' => "z",
        'Ƶ' | 'Ȥ' => "Z",
        'ǥ' => "g",
        'Ǥ' => "G",
        'ɇ' => "e",
        'Ɇ' => "E",
        'ɉ' => "j",
        'Ɉ' => "J",
        'ɍ' => "r",
        'Ɍ' => "R",
        _ => return None,
    })
}

/// Characters a reader cannot see and a query should not need: zero-width
/// spaces and joiners, the soft hyphen, word joiners, bidi controls, BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// The fold of an ASCII byte: line breaks and tabs are a space.
pub fn fold_ascii(b: u8, lower: bool) -> u8 {
    match b {
        b'\n' | b'\r' | b'\t' | b'\x0B' | b'\x0C' => b' ',
        _ if lower => b.to_ascii_lowercase(),
        _ => b,
    }
}

fn emit(c: char, out: &mut impl FnMut(char)) {
    match table(c) {
        Some(s) => s.chars().for_each(&mut *out),
        None => out(c),
    }
}

/// Feeds the fold of one character to `out`, by the rules: lower-cased
/// when `lower`.
pub fn fold_char_by_rules(c: char, lower: bool, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(char::from(fold_ascii(c as u8, lower)));
        return;
    }
    if is_invisible(c) {
        return;
    }
    // Before decomposition: NFKD would turn `´` into a space and a mark.
    if let Some(s) = table(c) {
        for t in s.chars() {
            out(if lower { t.to_ascii_lowercase() } else { t });
        }
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        if d.is_ascii() {
            out(char::from(fold_ascii(d as u8, lower)));
        } else if lower {
            for l in d.to_lowercase().filter(|&l| !is_combining_mark(l)) {
                emit(l, out);
            }
        } else {
            emit(d, out);
        }
    });
}

/// A fold as the tables store it: `offset << 6 | length` into the arena
/// of fold texts, or [`SAME`] for a character that folds to itself.
pub const SAME: u32 = u32::MAX;

/// The first character of the dense tables, and how many each holds:
/// Latin, IPA and the spacing modifiers; Latin Extended Additional, Greek
/// Extended and General Punctuation (curly quotes, dashes). Every other
/// character is looked up by binary search.
pub const DENSE: [(u32, u32); 2] = [(0x80, 0x300 - 0x80), (0x1E00, 0x2070 - 0x1E00)];

/// A precomposed Hangul syllable, which decomposes by arithmetic into its
/// jamo (the Unicode standard's algorithm, which NFKD also applies).
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The fold of `c` by the rules, as a string.
pub fn fold_by_rules(c: char, lower: bool) -> String {
    let mut s = String::new();
    fold_char_by_rules(c, lower, &mut |f| s.push(f));
    s
}

/// The Rust source of the fold tables (`OUT_DIR/fold_table.rs`): every
/// non-ASCII character whose fold is not itself, case kept and lower-cased,
/// with the fold texts in one arena.
pub fn table_source() -> String {
    use std::collections::HashMap;
    use std::fmt::Write;
    let mut arena = String::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut reference = |c: char, lower: bool| -> u32 {
        let s = fold_by_rules(c, lower);
        if s.len() == c.len_utf8() && s.starts_with(c) {
            return SAME;
        }
        if let Some(&r) = seen.get(&s) {
            return r;
        }
        assert!(s.len() < 64, "a fold of {c:?} is too long: {s:?}");
        let r = (u32::try_from(arena.len()).expect("a small arena") << 6) | s.len() as u32;
        arena.push_str(&s);
        seen.insert(s, r);
        r
    };
    let mut dense = vec![Vec::new(); DENSE.len()];
    let mut sparse = Vec::new();
    for cp in 0x80..=0x10FFFFu32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if is_hangul_syllable(c) {
            // Decomposed by arithmetic (`crate::fold::hangul`), not listed:
            // eleven thousand entries.
            continue;
        }
        let entry = [reference(c, false), reference(c, true)];
        match DENSE
            .iter()
            .position(|&(start, len)| (start..start + len).contains(&cp))
        {
            Some(d) => dense[d].push(entry),
            None if entry != [SAME, SAME] => sparse.push((cp, entry)),
            None => {}
        }
    }
    let mut src = String::new();
    let _ = writeln!(src, "/// Every fold text, one after another.");
    let _ = writeln!(src, "static ARENA: &str = {arena:?};");
    for (d, entries) in dense.iter().enumerate() {
        let _ = writeln!(
            src,
            "/// Folds of U+{:04X} on, `[case kept, lower]`.",
            DENSE[d].0
        );
        let _ = write!(src, "static DENSE_{d}: [[u32; 2]; {}] = [", entries.len());
        for e in entries {
            let _ = write!(src, "[{}, {}],", e[0], e[1]);
        }
        let _ = writeln!(src, "];");
    }
    let _ = writeln!(src, "/// The other characters that fold, by code point.");
    let _ = write!(
        src,
        "static SPARSE: [(u32, [u32; 2]); {}] = [",
        sparse.len()
    );
    for (cp, e) in &sparse {
        let _ = write!(src, "({cp}, [{}, {}]),", e[0], e[1]);
    }
    let _ = writeln!(src, "];");
    src
}
