//! Place cues: where a name is a location because of the words around it,
//! not because a list knows it. `the town of X`, `X province`, `X and Y
//! provinces`, `City, Region`, `in X`, `Washington D.C.`; and the group-noun
//! extension that turns a proper adjective into a collective actor
//! (`Kurdish security forces`).
//!
//! Reads tokens, lexicons and the gazetteer view; used by `classify`.

use super::classify::word_at;
use super::context::DocContext;
use super::gaz::{self, PlaceClass, PlaceHit};
use super::lexicon::{CUE_PLACE, GROUP_NOUN, MODIFIER, PLACE};
use super::token::Token;

/// Prepositions that put a bare name in a location (`in Mosul`).
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "towards",
    "toward",
];

/// `Washington D.C.`: a place followed by an abbreviation of its region.
pub fn abbreviated_place(cx: &DocContext, s: usize, e: usize) -> Option<PlaceHit> {
    (e - s >= 2 && cx.toks[e - 1].upper() && word_at(cx, e - 1).ends_with('.'))
        .then(|| gaz::place(cx.span_text(s..e - 1)))
        .flatten()
}

/// `the town of X`, `X province`, `X and Y provinces`.
pub fn place_cue(cx: &DocContext, s: usize, e: usize) -> bool {
    let text = cx.text;
    let toks = cx.toks;
    // `the towns of Bichi and Danbatta`: walk back over coordinated names.
    let mut b = s;
    for _ in 0..4 {
        if b >= 2 && word_at(cx, b - 1) == "of" && toks[b - 2].is_word() && !toks[b - 2].cap() {
            if toks[b - 2].in_lex(CUE_PLACE) {
                return true;
            }
            break;
        }
        if b >= 2 && matches!(word_at(cx, b - 1), "and" | ",") {
            b -= 1;
            while b > 0 && toks[b - 1].is_word() && toks[b - 1].cap() {
                b -= 1;
            }
            continue;
        }
        break;
    }
    let mut k = e;
    // `Hama and Homs provinces`: look past a coordinated name.
    for _ in 0..3 {
        let Some(t) = toks.get(k) else {
            return false;
        };
        if !t.is_word() {
            return false;
        }
        let w = t.text(text);
        if !t.cap() && t.in_lex(PLACE) {
            return !matches!(
                w,
                "state" | "states" | "base" | "station" | "border" | "hall"
            );
        }
        if w == "and" || t.cap() {
            k += 1;
        } else {
            return false;
        }
    }
    false
}

/// `in Mosul`, but not `in Smith's house`.
/// `Evansville, Indiana`, `Hebron, West Bank`: a name before a comma and a
/// known state or region is a place in it.
pub fn before_region(cx: &DocContext, e: usize) -> bool {
    let toks = cx.toks;
    if e + 1 >= toks.len() || toks[e].punct() != Some(',') {
        return false;
    }
    let mut end = e + 1;
    while end < toks.len() && toks[end].is_word() && toks[end].cap() && end < e + 4 {
        end += 1;
        // The region closes the phrase (`Dayton, Ohio, said`), unlike a
        // role after a person (`Ana Roe, Panama coach`).
        let closed = toks.get(end).is_none_or(|t| {
            t.brk()
                || t.punct()
                    .is_some_and(|c| !matches!(c, '\'' | '\u{2019}' | '-'))
        });
        if closed
            && gaz::place(cx.span_text(e + 1..end)).is_some_and(|p| p.class != PlaceClass::City)
        {
            return true;
        }
    }
    false
}

pub fn locative(cx: &DocContext, s: usize, e: usize) -> bool {
    let owner = cx
        .toks
        .get(e)
        .and_then(|t| t.punct())
        .is_some_and(|c| matches!(c, '\'' | '\u{2019}' | ':'));
    !owner && s >= 1 && cx.toks[s - 1].is_word() && LOCATIVE.contains(&word_at(cx, s - 1))
}

/// After the word at `k`: optional modifiers then a group noun (`government
/// forces`). Returns the token index of the group noun.
pub fn group_extension(cx: &DocContext, k: usize) -> Option<usize> {
    let mut found = None;
    let mut j = k + 1;
    while j < cx.toks.len() && j <= k + 3 {
        let t: &Token = &cx.toks[j];
        if !t.is_word() || t.cap() || !t.space() {
            break;
        }
        if t.in_lex(GROUP_NOUN) {
            found = Some(j);
        } else if !t.in_lex(MODIFIER) {
            break;
        }
        j += 1;
    }
    found
}
