//! From a run of capitalised words to typed candidates: cut sentence-initial
//! common words and titles off, split a place from a person glued to it
//! (`Governor of Ohio Jane Roe` reads `Ohio` + `Jane Roe`), then type each
//! part by its head word, the gazetteer, demonyms and the words around it.
//!
//! Reads tokens, lexicons, the gazetteer view and the document context (which
//! words the article also writes in lowercase, which capitalised words it
//! uses mid-sentence). Knows nothing of entities: `coref` groups candidates.

use std::ops::Range;

use super::EntityKind;
use super::context::DocContext;
use super::gaz::{self, PlaceClass, PlaceHit};
use super::lexicon::{COMMON, GROUP, GROUP_ADJ, GROUP_NOUN, LEX, ORG, PLACE, TITLE, with_lower};
use super::places::{abbreviated_place, before_region, group_extension, locative, place_cue};
use super::token::Token;

/// How sure a candidate's kind is: cues beat defaults across the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Nothing but a capital letter: an actor by default.
    Default,
    /// The gazetteer or a weak cue (`in X`).
    Weak,
    /// A head word, a title, a place cue (`the town of X`, `X province`).
    Strong,
}

/// A typed name candidate.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Byte range of the mention.
    pub range: Range<usize>,
    /// Token range of the name itself (without an extension such as the
    /// group noun in `Syrian government forces`).
    pub toks: Range<usize>,
    pub kind: EntityKind,
    pub evidence: Evidence,
    /// Shaped like a person's name (after a title, given name first).
    pub person: bool,
    /// What the gazetteer says, for places.
    pub place: Option<PlaceHit>,
    /// The country a demonym or a group of its people stands for.
    pub country: Option<&'static str>,
    /// Found to be no name after all (document-level evidence).
    pub dropped: bool,
}

/// Verbs of attribution: the capitalised word before them speaks, so it is
/// a name even at a sentence start (`Amnesty said`, `Apple announced`).
const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "announced",
    "reported",
    "stated",
    "claimed",
    "warned",
    "confirmed",
    "denied",
];

/// A group named by a common noun (`Police said`, `Officials told`): it
/// speaks, but bare common nouns are not names, so attribution does not
/// make one. A plural counts when its singular is a frequent word
/// (`officials`, `analysts`), so `Reuters` or `Amnesty` stay names.
fn common_group(t: &Token, w: &str) -> bool {
    t.in_lex(GROUP_NOUN)
        || with_lower(w, |lower| {
            lower.len() > 4
                && lower.ends_with('s')
                && !["ss", "us", "is"].iter().any(|e| lower.ends_with(e))
                && gaz::zipf(&lower[..lower.len() - 1]) >= 4.0
        })
}

fn attributed(cx: &DocContext, end: usize) -> bool {
    cx.toks
        .get(end)
        .is_some_and(|t| t.is_word() && t.space() && ATTRIBUTION.contains(&t.text(cx.text)))
}

/// Ordinals that open unit and organisation names.
const ORDINALS: &[&str] = &[
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
];

/// Classifies one run of name tokens.
pub fn classify(cx: &DocContext, run: Range<usize>, out: &mut Vec<Cand>) {
    // In a Title Case headline every word is capitalised: a run breaks at
    // each common word (`Russia Rejects Turkish Call` -> `Russia`,
    // `Turkish`), but not at head words (`Korea Republic`, `Group C`).
    let toks = cx.toks;
    let words = || (run.start..run.end).filter(|&k| toks[k].is_word());
    // The all-initial test first: it stops at the first word of most runs,
    // where counting the words walks the whole run.
    if words().all(|k| toks[k].initial()) && words().nth(1).is_some() {
        let mut s = run.start;
        for k in words() {
            let t = &toks[k];
            let w = t.text(cx.text);
            let common = common_word(cx, t, w)
                || (!t.upper() && !is_head(cx, k) && cx.common_initial(t, true));
            if common {
                if s < k {
                    classify_run(cx, s..k, out);
                }
                s = k + 1;
            }
        }
        if s < run.end {
            classify_run(cx, s..run.end, out);
        }
        return;
    }
    classify_run(cx, run, out);
}

fn classify_run(cx: &DocContext, run: Range<usize>, out: &mut Vec<Cand>) {
    let text = cx.text;
    let toks = cx.toks;
    let mut start = run.start;
    let end = run.end;
    // Leading function words and sentence-initial common words.
    while start < end {
        let t = &toks[start];
        if !t.is_word() {
            start += 1;
            continue;
        }
        let w = t.text(text);
        let single = end - start == 1;
        // A head word opening a name keeps it (`Group C`, `University of X`),
        // and so does an ordinal naming a unit (`First Coastal Division`).
        let ordinal = || ORDINALS.iter().any(|o| o.eq_ignore_ascii_case(w));
        let head = !single && (is_head(cx, start) || (is_head(cx, end - 1) && ordinal()));
        let drop = (common_word(cx, t, w) && !head)
            || (t.initial()
                && !head
                && !t.upper()
                && (!single || !attributed(cx, end) || common_group(t, w))
                && cx.common_initial(t, single)
                && !place_prefix(cx, start, end));
        if !drop {
            break;
        }
        start += 1;
    }
    let end = trim_end(cx, start, end);
    if start >= end {
        return;
    }
    split_titles(cx, start, end, out);
}

/// A word from the common list (`The`, `However`, `CEO`), or a pronoun
/// with a contraction (`I'm`). An acronym the article defines is a name even
/// when it spells a common word (`WHO`).
fn common_word(cx: &DocContext, t: &Token, w: &str) -> bool {
    if t.upper() && cx.defined(t) {
        return false;
    }
    if t.in_lex(COMMON) {
        return true;
    }
    // Only a word with an apostrophe has a stem to look up; the tokenizer
    // noted which words may hold one.
    if !t.apos() {
        return false;
    }
    let stem = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
    stem.len() < w.len() && LEX.has(COMMON, stem)
}

/// Drops trailing particles, connectors and postnominals (`CEO`, `QC`).
fn trim_end(cx: &DocContext, start: usize, mut end: usize) -> usize {
    while end > start {
        let t = &cx.toks[end - 1];
        if t.is_word() && (t.cap() || t.upper()) && !common_word(cx, t, t.text(cx.text)) {
            break;
        }
        end -= 1;
    }
    end
}

/// The run starts with a multi-word place the gazetteer knows (`New York`).
fn place_prefix(cx: &DocContext, start: usize, end: usize) -> bool {
    (start + 2..=end.min(start + 4)).any(|e| gaz::place(cx.span_text(start..e)).is_some())
}

pub(super) fn word_at<'t>(cx: &DocContext<'t>, k: usize) -> &'t str {
    cx.toks[k].text(cx.text)
}

fn is_head(cx: &DocContext, k: usize) -> bool {
    cx.toks[k].in_lex(ORG | PLACE)
}

/// The name `toks[s..e]` is in one of the lexicons of `mask`.
fn name_in_lex(cx: &DocContext, s: usize, e: usize, mask: u16) -> bool {
    if e - s == 1 {
        cx.toks[s].in_lex(mask)
    } else {
        LEX.has(mask, cx.span_text(s..e))
    }
}

fn is_title(cx: &DocContext, k: usize) -> bool {
    let t = &cx.toks[k];
    t.is_word() && t.cap() && !t.upper() && t.in_lex(TITLE)
}

/// Cuts titles out: `Turkish President Ana Roe` -> `Turkish` + `Ana Roe`;
/// `NASA Administrator` -> `NASA`. A run ending in a head word is an
/// organisation or a place and keeps its title-like words (`General
/// Assembly`).
fn split_titles(cx: &DocContext, start: usize, end: usize, out: &mut Vec<Cand>) {
    let has_of = (start..end).any(|k| {
        let t = &cx.toks[k];
        t.is(cx.text, "of") || t.is(cx.text, "for") || t.is(cx.text, "&") || t.is(cx.text, "and")
    });
    if !is_head(cx, head_index(cx, start, end)) && !has_of {
        if let Some(p) = (start..end).find(|&k| is_title(cx, k)) {
            let mut q = p;
            while q < end && (is_title(cx, q) || !cx.toks[q].is_word()) {
                q += 1;
            }
            if p > start {
                let left_end = trim_end(cx, start, p);
                if left_end > start {
                    part(cx, start..left_end, false, out);
                }
            }
            if q < end {
                part(cx, q..end, true, out);
            }
            return;
        }
        // `Ohio Jane Roe`: a place glued before a two-word person.
        let words = (start..end).filter(|&k| cx.toks[k].is_word()).count();
        if words >= 3 {
            for e in (start + 1..=(start + 3).min(end - 2)).rev() {
                if cx.toks[e - 1].is_word()
                    && person_shaped(cx, e, end)
                    && gaz::place(cx.span_text(start..e)).is_some()
                {
                    part(cx, start..e, false, out);
                    part(cx, e..end, true, out);
                    return;
                }
            }
        }
    }
    part(cx, start..end, false, out);
}

/// The head word of a name: the word before its first `of`/`for` (`Bank of
/// Japan`, `Museum of Flight`), else its last word.
fn head_index(cx: &DocContext, s: usize, e: usize) -> usize {
    (s + 1..e)
        .find(|&k| cx.toks[k].is(cx.text, "of") || cx.toks[k].is(cx.text, "for"))
        .map_or(e - 1, |k| k - 1)
}

/// Two or more words that read as a person's name: a known given name
/// first, or capitalised words of three letters or more (`Ana Roe`, not
/// `A&M`).
fn person_shaped(cx: &DocContext, s: usize, e: usize) -> bool {
    let words: Vec<&Token> = cx.toks[s..e].iter().filter(|t| t.is_word()).collect();
    if words.len() < 2 || !cx.toks[s].space() || !cx.toks[s].is_word() {
        return false;
    }
    if gaz::given_name(cx.toks[s].text(cx.text)) {
        return true;
    }
    words.iter().all(|t| {
        let w = t.text(cx.text);
        t.cap() && !t.upper() && w.len() >= 3 && !t.in_lex(ORG | PLACE)
    })
}

/// Types one part of a run.
fn part(cx: &DocContext, toks: Range<usize>, titled: bool, out: &mut Vec<Cand>) {
    let text = cx.text;
    let (s, e) = (toks.start, toks.end);
    let first = &cx.toks[s];
    let last = &cx.toks[e - 1];
    let name = cx.span_text(toks.clone());
    let words = (s..e).filter(|&k| cx.toks[k].is_word()).count();
    let mut cand = Cand {
        range: first.start as usize..last.end as usize,
        toks: toks.clone(),
        kind: EntityKind::Actor,
        evidence: Evidence::Default,
        person: titled,
        place: None,
        country: None,
        dropped: false,
    };
    // Codes and postnominals are no names (`COVID-19`, `QC`).
    if words == 1 && (first.digit() && first.text(text).len() <= 4 || name_in_lex(cx, s, e, COMMON))
    {
        return;
    }
    if words == 1 && code_suffix(cx, e) {
        return;
    }
    // `Kurdish-majority`, `Warhol-like`: a word glued to a lowercase word is
    // an adjective; only a name the article uses elsewhere survives it.
    if words == 1
        && adjectival(cx, e)
        && (gaz::demonym(name).is_some()
            || name_in_lex(cx, s, e, GROUP_ADJ)
            || !(if e - s == 1 {
                cx.word_capitalised_alone(first)
            } else {
                cx.capitalised_alone(name)
            }))
    {
        return;
    }
    let has_for = (s..e).any(|k| cx.toks[k].is(cx.text, "for"));
    // In `X of Y` the head is X: `State of Ohio` is a place, `Bank of Ohio`
    // an organisation.
    let head = head_index(cx, s, e);
    if titled || cx.toks[head].in_lex(ORG) || has_for {
        cand.evidence = Evidence::Strong;
    } else if cx.toks[head].in_lex(PLACE) && words > 1 {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Strong;
    } else if let Some(hit) = gaz::place(name).or_else(|| abbreviated_place(cx, s, e)) {
        // A person whose surname is also a town (`Nick Rhodes`) reads as a
        // person when the first word is a given name.
        if words > 1 && hit.class == PlaceClass::City && gaz::given_name(first.text(text)) {
            cand.person = true;
        } else {
            cand.kind = EntityKind::Place;
            cand.evidence = Evidence::Weak;
            cand.place = Some(hit);
        }
    } else if words == 1 {
        let adjective =
            gaz::demonym(name).or_else(|| name_in_lex(cx, s, e, GROUP_ADJ).then_some(("", false)));
        if let Some((country, plural)) = adjective {
            let country = (!country.is_empty()).then_some(country);
            if plural {
                cand.country = country;
                cand.evidence = Evidence::Strong;
            } else {
                // A proper adjective is a name only with a group noun after
                // it (`Kurdish security forces`).
                if let Some(ext) = group_extension(cx, e - 1) {
                    cand.range.end = cx.toks[ext].end as usize;
                    cand.country = country;
                    cand.evidence = Evidence::Strong;
                    out.push(cand);
                }
                return;
            }
        } else if name_in_lex(cx, s, e, GROUP) {
            cand.evidence = Evidence::Strong;
        } else if first.upper() {
            cand.evidence = Evidence::Weak;
        }
    } else if gaz::given_name(first.text(text)) {
        cand.person = true;
        cand.evidence = Evidence::Weak;
    }
    if cand.kind == EntityKind::Actor && cand.evidence < Evidence::Strong {
        // In a dateline every name is a place but the agency in parentheses.
        let agency = s > 0 && cx.toks[s - 1].punct() == Some('(');
        let dateline = cx.in_dateline(first.start as usize) && !agency;
        // An explicit cue (`the city of Santa Maria`) outweighs a name that
        // only looks like a person's because it opens with a given name.
        if place_cue(cx, s, e) || (!cand.person && (before_region(cx, e) || dateline)) {
            cand.kind = EntityKind::Place;
            cand.evidence = Evidence::Strong;
            cand.person = false;
        } else if !cand.person && cand.evidence == Evidence::Default && locative(cx, s, e) {
            cand.kind = EntityKind::Place;
            cand.evidence = Evidence::Weak;
        }
    }
    // A state named as the owner of forces: `Russia forces`, `US troops`.
    if cand.place.is_some_and(|p| p.class == PlaceClass::Country)
        && let Some(ext) = group_extension(cx, e - 1)
    {
        cand.range.end = cx.toks[ext].end as usize;
        cand.kind = EntityKind::Actor;
        cand.evidence = Evidence::Strong;
    }
    out.push(cand);
}

/// `STS-133`, `F-16`: a word with a number hyphenated to it.
fn code_suffix(cx: &DocContext, e: usize) -> bool {
    let toks = cx.toks;
    e + 1 < toks.len()
        && toks[e].punct() == Some('-')
        && !toks[e].space()
        && !toks[e + 1].space()
        && (toks[e + 1].kind() == super::token::Tok::Num || toks[e + 1].digit())
}

fn adjectival(cx: &DocContext, e: usize) -> bool {
    let toks = cx.toks;
    e + 1 < toks.len()
        && toks[e].punct() == Some('-')
        && !toks[e].space()
        && !toks[e + 1].space()
        && toks[e + 1].is_word()
        && !toks[e + 1].cap()
}
