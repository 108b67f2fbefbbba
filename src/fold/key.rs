//! Name keys: the normal form in which every gazetteer key is stored and
//! every query is looked up, made of the characters' lower-case fold
//! ([`super::fold_char`]) and rules for words.
//!
//! Pure string code: the build script compiles this very file (`#[path]`),
//! with the fold computed by the rules the tables are generated from, to
//! fold the asset names, so keys and run-time queries can never disagree.
//!
//! The key of a name:
//! - letters folded as search folds them, lower-cased (`Ḩamāh` -> `hamah`,
//!   `ß` -> `ss`, `ﬁ` -> `fi`);
//! - apostrophes, ʿayn/hamza marks and dots deleted (`Côte d'Ivoire` ->
//!   `cote divoire`, `U.S.` -> `us`), so transliterations with and without
//!   them meet;
//! - every other non-alphanumeric run (spaces, hyphens, commas, dashes) is one
//!   space; no leading or trailing space;
//! - a word-final `-ah` of four letters or more loses its `h`
//!   (`Hamah` -> `hama`, `Raqqah` -> `raqqa`; also `Sarah` -> `sara`);
//! - Arabic articles standing as their own word (`al`, `el`, `ash`, `an`,
//!   `ad`, ... written `al-X` or `al X`) dropped, unless they are the last
//!   word: `Jisr ash-Shughur` -> `jisr shughur`, `Al Qāmishlī` -> `qamishli`.
//!
//! Invariant: folding is idempotent (`fold(fold(s)) == fold(s)`).

/// Words dropped when they stand before another word: the Arabic definite
/// article in its usual romanisations, assimilated forms included.
const ARTICLES: &[&str] = &[
    "al", "el", "il", "ul", "ad", "adh", "ag", "aj", "an", "ar", "as", "ash", "at", "ath", "az",
    "ed", "en", "er", "es", "esh", "et", "ez",
];

/// Whether `word` (already folded) is an article that folding drops.
pub fn is_article(word: &str) -> bool {
    // Every article is 2-3 letters starting with a vowel: most words are
    // rejected before the list is scanned.
    matches!(word.len(), 2 | 3)
        && matches!(word.as_bytes()[0], b'a' | b'e' | b'i' | b'u')
        && ARTICLES.contains(&word)
}

/// The key of `s`, as a new string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// The key of `s` written into `out`, which is cleared first; allocates only when `out`
/// has too little capacity.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    // One ASCII word (the common case) is just lowercased.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push_str(s);
        out.make_ascii_lowercase();
        trim_final_h(out, 0);
        return;
    }
    // Where the word being written starts in `out`.
    let mut word_start = 0;
    // Start of the previous word if it was an article: it is removed once a
    // following word begins, and kept when it turns out to be the last word.
    let mut pending_article: Option<usize> = None;
    let mut in_word = false;

    for c in s.chars() {
        if c.is_ascii() {
            let b = c as u8;
            if b.is_ascii_alphanumeric() {
                start_word(out, &mut in_word, &mut word_start, &mut pending_article);
                out.push(b.to_ascii_lowercase() as char);
            } else if b == b'\'' || b == b'.' || b == b'`' {
                // Deleted: joins the letters on both sides.
            } else {
                end_word(out, &mut in_word, word_start, &mut pending_article);
            }
            continue;
        }
        if is_deleted_mark(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            end_word(out, &mut in_word, word_start, &mut pending_article);
            continue;
        }
        let mut letters = false;
        super::fold_char(c, true, &mut |f| letters |= is_key_letter(f));
        if !letters {
            // Folds to nothing (a combining sign): deleted, as a mark is.
            continue;
        }
        start_word(out, &mut in_word, &mut word_start, &mut pending_article);
        push_base(c, out);
    }
    end_word(out, &mut in_word, word_start, &mut pending_article);
}

fn start_word(
    out: &mut String,
    in_word: &mut bool,
    word_start: &mut usize,
    pending_article: &mut Option<usize>,
) {
    if *in_word {
        return;
    }
    if let Some(start) = pending_article.take() {
        out.truncate(start);
    }
    if !out.is_empty() {
        out.push(' ');
    }
    *word_start = out.len();
    *in_word = true;
}

fn end_word(
    out: &mut String,
    in_word: &mut bool,
    word_start: usize,
    pending_article: &mut Option<usize>,
) {
    if !*in_word {
        return;
    }
    *in_word = false;
    trim_final_h(out, word_start);
    if is_article(&out[word_start..]) {
        // Remove the separating space too; the very first word has none.
        *pending_article = Some(word_start.saturating_sub(1));
    }
}

/// The consonant skeleton of a folded name, for matching transliteration
/// variants loosely (`jisr shughur`, `jisr shaghour` -> `jsr sgr`;
/// `qamishli`, `kamishly` -> `kmsl`): each word keeps its first letter, then
/// drops vowels (and `w`, `y`), drops `h` after a consonant (`sh`, `kh`,
/// `gh`...), reads `q` as `k`, and collapses repeated letters. Writes into
/// `out`, which is cleared first.
pub fn skeleton_into(folded: &str, out: &mut String) {
    out.clear();
    for (i, word) in folded.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut last: Option<char> = None;
        for (j, c) in word.chars().enumerate() {
            let c = if c == 'q' { 'k' } else { c };
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y');
            let after_consonant = last.is_some_and(|l| !matches!(l, 'a' | 'e' | 'i' | 'o' | 'u'));
            let keep = j == 0 || !(vowel || (c == 'h' && after_consonant));
            if keep && last != Some(c) {
                out.push(c);
            }
            last = Some(c);
        }
    }
}

/// Whether a folded word ends in an `-ah` that folding shortens.
pub fn has_final_ah(word: &str) -> bool {
    word.len() >= 4 && word.ends_with("ah")
}

/// Drops the `h` of a word-final `-ah` (the Arabic tāʾ marbūṭa, written
/// with and without it: `Hamah`/`Hama`, `Raqqah`/`Raqqa`, `Fallujah`), in
/// words of four letters or more; the word starts at `word_start` and ends
/// `out`.
fn trim_final_h(out: &mut String, word_start: usize) {
    if has_final_ah(&out[word_start..]) {
        out.pop();
    }
}

/// Marks deleted rather than treated as word breaks: apostrophe-like
/// marks (`Ma‘arrat`, `Nu’man`, `ʿAyn`), combining marks left by decomposed
/// text, and invisible joiners and soft hyphens (`Id\u{200B}lib` is `idlib`).
fn is_deleted_mark(c: char) -> bool {
    matches!(
        c,
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '\u{02B9}'..='\u{02BF}'
            | '\u{02C8}' | '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}'
            | '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Pushes the key letters of one non-ASCII alphanumeric char: its
/// lower-case fold, without what is no letter or digit (`ŉ` -> `n`).
fn push_base(c: char, out: &mut String) {
    super::fold_char(c, true, &mut |f| {
        if is_key_letter(f) {
            out.push(f);
        }
    });
}

/// A character of a fold that a key keeps.
fn is_key_letter(f: char) -> bool {
    f.is_alphanumeric() && !is_deleted_mark(f)
}
