//! Name candidates: runs of capitalised words, joined by name particles
//! (`al-`, `Abu`, `bin`, `van`, `de`, `la`), hyphens (`Kim Shin-Wook`), and
//! `of`/`for`/`and` where a head word asks for them (`Bank of Japan`,
//! `Observatory for Human Rights`, `Museum and Art Gallery`).
//!
//! A run never crosses punctuation, a line break, a number or a sentence
//! start. Titles are cut off later (`classify`), not here.
//!
//! Reads tokens and lexicons only. Invariant: runs are sorted, disjoint, and
//! start and end on word tokens.

use std::ops::Range;

use super::lexicon::{COMMON, EVENT, ORG, PLACE, TITLE};
use super::token::{Tok, Token, Tokens};

/// Lowercase words that belong inside a name when a capitalised word follows
/// (`Abd al-Kareem`, `Vincent van Gogh`, `Charles de Gaulle`): one `match`
/// on the bytes, which compiles to a switch on the length.
fn is_particle_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"al"
            | b"el"
            | b"ez"
            | b"es"
            | b"ed"
            | b"ash"
            | b"ad"
            | b"as"
            | b"bin"
            | b"ibn"
            | b"bint"
            | b"van"
            | b"von"
            | b"de"
            | b"da"
            | b"di"
            | b"du"
            | b"del"
            | b"della"
            | b"der"
            | b"den"
            | b"la"
            | b"le"
            | b"lil"
            | b"do"
            | b"dos"
            | b"das"
            | b"ter"
            | b"ul"
            | b"ur"
    )
}

/// Abbreviations written with a dot inside names (`St. Louis`, `Mt. Kenya`,
/// `Dr. Diallo`).
const DOTTED: &[&str] = &[
    "St", "Mt", "Ft", "Pt", "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Capt",
    "Lt", "Col", "Sgt", "Rev",
];

pub fn is_particle(text: &str, t: &Token) -> bool {
    // The particles are two to five bytes long: most words are ruled out
    // by their length.
    t.is_word()
        && !t.cap()
        && (2..=5).contains(&(t.end - t.start))
        && is_particle_word(&text.as_bytes()[t.start as usize..t.end as usize])
}

/// A word that can be part of a name: capitalised, not a number.
fn name_word(t: &Token, used: &[bool], k: usize) -> bool {
    t.is_word() && (t.cap() || t.upper()) && !used[k]
}

/// Capitalised head words that take `of`/`for` (`University of`, `State of`,
/// `Centre for`).
fn takes_of(text: &str, t: &Token) -> bool {
    let _ = text;
    t.in_lex(ORG | PLACE | EVENT)
}

/// Finds name runs; `used` marks tokens already taken by numbers.
///
/// A run starts at a name word or at a particle hyphenated to one
/// (`al-Assad`), so only the capitalised words the tokenizer noted and the
/// tokens two before them are looked at, in text order (a particle two
/// before one name word is never after the next one: the token between
/// is its hyphen).
pub fn runs(text: &str, all: &Tokens, used: &[bool]) -> Vec<Range<usize>> {
    let toks = &all.toks[..];
    // At most one run per capitalised word: one allocation.
    let mut out = Vec::with_capacity(all.named.len());
    let n = toks.len();
    // The first token not in a run yet.
    let mut next = 0;
    let starts = all
        .named
        .iter()
        .flat_map(|&j| [(j as usize).checked_sub(2), Some(j as usize)])
        .flatten();
    for i in starts {
        if i < next {
            continue;
        }
        let t = &toks[i];
        // The hyphen test first: it rules out almost every lowercase word
        // without scanning the particle list.
        let starts =
            name_word(t, used, i) || (hyphen_to_name(toks, used, i) && is_particle(text, t));
        if !starts {
            continue;
        }
        let mut last = i;
        let mut k = i + 1;
        while k < n {
            let nt = &toks[k];
            if nt.brk() || nt.sent() {
                break;
            }
            // `in Washington D.C. Image: ...`: a common word after an
            // abbreviation's dot starts anew.
            if nt.is_word() && nt.in_lex(COMMON) && toks[last].last_byte(text) == b'.' {
                break;
            }
            // `St. Petersburg`, `Mr. Blume`: a short title or place
            // abbreviation, its dot, and the name it belongs to.
            if nt.punct() == Some('.')
                && !nt.space()
                && k == last + 1
                && DOTTED.contains(&toks[last].text(text))
                && next_is_name(toks, used, k)
                && !super::streets::closes_address(text, toks, i, last)
            {
                last = k + 1;
                k += 2;
                continue;
            }
            if name_word(nt, used, k) && nt.space() {
                last = k;
                k += 1;
            } else if hyphen_glue(text, toks, used, last, k) {
                last = k + 1;
                k += 2;
            } else if last > i && syllable_glue(text, toks, last, k) {
                // `Kim Jong-un`, `Lee Cheuk-yan`: a given name of two
                // syllables, the second in lowercase.
                last = k + 1;
                k += 2;
            } else if nt.kind() == Tok::Punct && nt.punct() == Some('&') {
                match amp_glue(text, toks, used, k) {
                    Some(end) => {
                        last = end;
                        k = end + 1;
                    }
                    None if firm_amp(text, toks, used, i, last, k) => {
                        last = k + 1;
                        k += 2;
                    }
                    None => break,
                }
            } else if is_particle(text, nt) && hyphen_to_name(toks, used, k) {
                last = k + 2;
                k += 3;
            } else if next_is_name(toks, used, k) && is_particle(text, nt) && !nt.is(text, "as") {
                // `as` joins only with its hyphen (`as-Sadr`): standing
                // alone it is the English word (`Geneva as Russia`).
                k += 1;
            } else if digit_inside(toks, used, last, k) {
                // `Movimento 5 Stelle`, `Channel 4 News`.
                last = k + 1;
                k += 2;
            } else if let Some(after) = founder_possessive(text, toks, used, last, k) {
                // `Guy's Hospital`, `King's College`.
                last = after;
                k = after + 1;
            } else if let Some(after) = office_possessive(text, toks, used, i, last, k) {
                // `Federal Prosecutor's Office`, `Attorney General's Office`.
                last = after;
                k = after + 1;
            } else if let Some(after) = collective_possessive(text, toks, used, last, k) {
                // `Korean People's Army`, `Workers' Party`.
                last = after;
                k = after + 1;
            } else if let Some(after) = common_possessive(text, toks, used, i, last, k) {
                // `Hell's Angels`, `Devil's Island`.
                last = after;
                k = after + 1;
            } else if nt.is_word() && connector_ok(text, toks, used, i, last, k) {
                // `of` / `for` (+ `the`), or `and` between two heads.
                k += 1;
                if toks[k].is(text, "the") {
                    k += 1;
                }
            } else {
                break;
            }
        }
        out.push(i..last + 1);
        next = last + 1;
    }
    out
}

fn next_is_name(toks: &[Token], used: &[bool], k: usize) -> bool {
    toks.get(k + 1)
        .is_some_and(|t| t.space() && !t.sent() && name_word(t, used, k + 1))
}

/// `al-Rahmoun`: particle, attached hyphen, attached capitalised word.
fn hyphen_to_name(toks: &[Token], used: &[bool], k: usize) -> bool {
    k + 2 < toks.len()
        && toks[k + 1].punct() == Some('-')
        && !toks[k + 1].space()
        && !toks[k + 2].space()
        && name_word(&toks[k + 2], used, k + 2)
}

/// A hyphen at `k` joining the name so far to a capitalised word or a
/// particle (`Shin-Wook`, `Sea-Air-Space`, `al-Jabha`).
fn hyphen_glue(text: &str, toks: &[Token], used: &[bool], last: usize, k: usize) -> bool {
    if k != last + 1 || toks[k].punct() != Some('-') || toks[k].space() {
        return false;
    }
    let Some(next) = toks.get(k + 1) else {
        return false;
    };
    if next.space() {
        return false;
    }
    name_word(next, used, k + 1)
        || (is_particle(text, next) && hyphen_to_name(toks, used, k + 1))
        || linking_word(toks, used, k + 1)
}

/// `Aix-en-Provence`, `Stratford-upon-Avon`, `Frankfurt-am-Main`: a short
/// lowercase word hyphened between two names, written with no space.
fn linking_word(toks: &[Token], used: &[bool], k: usize) -> bool {
    let t = &toks[k];
    t.is_word()
        && !t.cap()
        && !t.upper()
        && t.end - t.start <= 5
        && toks
            .get(k + 1)
            .is_some_and(|h| h.punct() == Some('-') && !h.space())
        && toks
            .get(k + 2)
            .is_some_and(|n| !n.space() && name_word(n, used, k + 2))
}

/// Second parts of English compounds after a name (`Hong Kong-based`,
/// `Trump-era`, `New York-born`): an adjective, not a syllable of the name.
const COMPOUND_TAILS: &[&str] = &[
    "based", "led", "backed", "born", "owned", "run", "made", "held", "style", "like", "era",
    "type", "class", "wide", "free", "bound", "area", "level", "size", "sized", "speaking",
    "centric", "friendly", "related", "only", "plus", "proof", "esque", "ish", "ist", "ian", "ism",
    "ite", "ites", "ists", "ians", "day", "year", "week", "time", "age", "old",
];

/// A hyphen at `k` joining the short capitalised word before it (the last
/// of a name of two words or more) to a short lowercase syllable glued
/// after it: the second syllable of an East Asian given name (`Kim
/// Jong-un`, `Moon Jae-in`, `Wong Kwok-kin`), not a compound adjective.
fn syllable_glue(text: &str, toks: &[Token], last: usize, k: usize) -> bool {
    if k != last + 1 || toks[k].punct() != Some('-') || toks[k].space() {
        return false;
    }
    let (before, Some(next)) = (&toks[last], toks.get(k + 1)) else {
        return false;
    };
    let syllable = next.text(text);
    let glued_on = toks
        .get(k + 2)
        .is_some_and(|t| !t.space() && t.punct() == Some('-'));
    before.is_word()
        && before.cap()
        && !before.upper()
        && before.end - before.start <= 7
        && next.is_word()
        && !next.space()
        && !glued_on
        && (1..=5).contains(&syllable.len())
        && syllable.bytes().all(|b| b.is_ascii_lowercase())
        && !(syllable.len() >= 4 && syllable.ends_with("ed"))
        && !(syllable.len() >= 5 && syllable.ends_with("ing"))
        && !COMPOUND_TAILS.contains(&syllable)
}

/// `&` inside a name: `A&M` glued, or `Mary & Leigh Block Museum` when the
/// run after it ends in an organisation or place head word. Returns the last
/// token of the run after.
fn amp_glue(text: &str, toks: &[Token], used: &[bool], k: usize) -> Option<usize> {
    let next = toks.get(k + 1)?;
    if !name_word(next, used, k + 1) {
        return None;
    }
    let glued = !toks[k].space() && !next.space();
    let mut end = k + 1;
    while end + 1 < toks.len() && toks[end + 1].space() && name_word(&toks[end + 1], used, end + 1)
    {
        end += 1;
    }
    if glued {
        return Some(k + 1);
    }
    takes_of(text, &toks[end]).then_some(end)
}

/// `Ernst & Young`, `Marks & Spencer`: one word, a spaced `&` and one word
/// after it. Prose joins two names with `and`; an ampersand between two
/// single words is a firm's name (`Procter & Gamble`).
fn firm_amp(
    text: &str,
    toks: &[Token],
    used: &[bool],
    first: usize,
    last: usize,
    k: usize,
) -> bool {
    let after_one = |j: usize| {
        toks.get(j)
            .is_none_or(|t| !t.space() || t.brk() || !name_word(t, used, j))
    };
    // Each word one the word table knows (a surname, a given name, a
    // dictionary word: `Procter`, `Gamble`), not a place (`Tempe & Mesa`,
    // a street corner `Priest & Washington`) nor an abbreviation.
    let firm_word = |j: usize| {
        let w = toks[j].text(text);
        w.len() >= 3
            && super::gaz::place(w).is_none()
            && (super::gaz::surname(w) || super::gaz::given_name(w) || super::gaz::zipf(w) > 0.0)
    };
    first == last
        && k == last + 1
        && toks[k].space()
        && toks
            .get(k + 1)
            .is_some_and(|t| t.space() && !t.brk() && !t.sent() && name_word(t, used, k + 1))
        && after_one(k + 2)
        && firm_word(first)
        && firm_word(k + 1)
}

/// One digit at `k` between two words of a name (`Movimento 5 Stelle`),
/// not a score between two names (`Arsenal 3 Chelsea 1`) nor after a
/// common word (`January 5 Obama`).
fn digit_inside(toks: &[Token], used: &[bool], last: usize, k: usize) -> bool {
    let (d, before) = (&toks[k], &toks[last]);
    k == last + 1
        && d.kind() == Tok::Num
        && d.space()
        && d.end - d.start == 1
        && before.is_word()
        && !before.in_lex(COMMON)
        && toks
            .get(k + 1)
            .is_some_and(|n| n.space() && !n.in_lex(COMMON) && name_word(n, used, k + 1))
        && !toks.get(k + 2).is_some_and(|n| n.kind() == Tok::Num)
}

/// Collective nouns whose possessive is inside a name (`People's
/// Republic`, `Workers' Party`, `Children's Hospital`).
const COLLECTIVES: &[&str] = &[
    "People",
    "Peoples",
    "Workers",
    "Women",
    "Children",
    "Men",
    "Veterans",
    "Farmers",
    "Citizens",
    "Teachers",
    "Nurses",
    "Writers",
    "Journalists",
    "Doctors",
    "Soldiers",
    "Students",
    "Nations",
    "Martyrs",
    "Mothers",
    "Fathers",
];

/// A possessive glued to the word before it (`'s`, and with `bare` a lone
/// apostrophe too, as after a plural: `Fathers'`).
fn possessive_mark(text: &str, mark: &Token, bare: bool) -> bool {
    !mark.space()
        && mark.kind() == Tok::Punct
        && match mark.text(text) {
            "'s" | "\u{2019}s" => true,
            "'" | "\u{2019}" => bare,
            _ => false,
        }
}

/// A possessive at `k` after a collective noun at `last`, and a name word
/// glued on after it: the index of that word.
fn collective_possessive(
    text: &str,
    toks: &[Token],
    used: &[bool],
    last: usize,
    k: usize,
) -> Option<usize> {
    let mark = &toks[k];
    let is_possessive = k == last + 1 && possessive_mark(text, mark, true);
    let after = k + 1;
    (is_possessive
        && COLLECTIVES.contains(&toks[last].text(text))
        && toks.get(after).is_some_and(|t| t.space() && !t.brk())
        && name_word(&toks[after], used, after))
    .then_some(after)
}

/// A possessive at `k` after a title at `last` that a word before it in
/// the run qualifies, and an organisation's head word after it (`Federal
/// Prosecutor's Office`, `Attorney General's Office`): the office is named
/// for the post, one body. A bare title owns what follows (`President's
/// Office`, see [`common_possessive`]).
fn office_possessive(
    text: &str,
    toks: &[Token],
    used: &[bool],
    first: usize,
    last: usize,
    k: usize,
) -> Option<usize> {
    let mark = &toks[k];
    let after = k + 1;
    (k == last + 1
        && last > first
        // A sentence's first word (`The President's Office`) qualifies
        // nothing.
        && !toks[last - 1].initial()
        && possessive_mark(text, mark, false)
        && toks[last].in_lex(TITLE)
        && toks.get(after).is_some_and(|t| {
            t.space() && !t.brk() && t.cap() && !t.upper() && t.in_lex(ORG)
        })
        && name_word(&toks[after], used, after))
    .then_some(after)
}

/// A possessive at `k` after a given name or a royal title at `last`, and
/// a place's or an organisation's head word after it (`Guy's Hospital`,
/// `St Mary's Church`, `King's College`): a place or a body named for its
/// founder or patron saint is one name. Not after a surname or a state
/// (`Obama's Cabinet`, `Britain's Royal Navy`): those own the body.
fn founder_possessive(
    text: &str,
    toks: &[Token],
    used: &[bool],
    last: usize,
    k: usize,
) -> Option<usize> {
    let mark = &toks[k];
    let after = k + 1;
    let founder = |w: &str| {
        matches!(w, "King" | "Queen" | "Prince" | "Princess") || super::gaz::given_name(w)
    };
    (k == last + 1
        && possessive_mark(text, mark, true)
        && toks.get(after).is_some_and(|t| {
            t.space() && !t.brk() && t.cap() && !t.upper() && t.in_lex(ORG | PLACE)
        })
        && name_word(&toks[after], used, after)
        && founder(toks[last].text(text)))
    .then_some(after)
}

/// A possessive at `k` after a one-word run that is a common English word
/// (`Hell`, `Devil`, `Land`), and a name word glued on after it: a name
/// made of a phrase (`Hell's Angels`, `Devil's Island`, `Land's End`). A
/// person, a place or a state owns what follows (`Obama's Cabinet`,
/// `Britain's Royal Navy`), and so does a day or a title (`Monday's
/// Budget`, `President's Office`).
fn common_possessive(
    text: &str,
    toks: &[Token],
    used: &[bool],
    first: usize,
    last: usize,
    k: usize,
) -> Option<usize> {
    let mark = &toks[k];
    let after = k + 1;
    let owner = &toks[last];
    let w = owner.text(text);
    (first == last
        && k == last + 1
        && possessive_mark(text, mark, false)
        && owner.cap()
        && !owner.upper()
        && !w.ends_with('s')
        && !owner.in_lex(COMMON | TITLE | ORG | PLACE)
        && toks.get(after).is_some_and(|t| t.space() && !t.brk())
        && name_word(&toks[after], used, after)
        // One word after it, and no person's (`National's Sam Uffindell`:
        // a party's member).
        && !toks
            .get(after + 1)
            .is_some_and(|t| t.space() && !t.brk() && name_word(t, used, after + 1))
        && !super::gaz::given_name(toks[after].text(text))
        && super::gaz::zipf(w) >= 3.0
        && super::gaz::place(w).is_none()
        && super::gaz::demonym(w).is_none()
        && !super::gaz::common_surname(w))
    .then_some(after)
}

/// Bodies named for their subject with `on` (`Council on Foreign
/// Relations`, `Commission on Human Rights`).
const ON_HEADS: &[&str] = &[
    "Council",
    "Committee",
    "Subcommittee",
    "Commission",
    "Conference",
    "Convention",
    "Panel",
    "Forum",
    "Summit",
    "Institute",
    "Centre",
    "Center",
    "Board",
    "Treaty",
];

/// `of`/`for` (and `on` after a body) after a head word, `and` between two
/// head-word names.
fn connector_ok(
    text: &str,
    toks: &[Token],
    used: &[bool],
    first: usize,
    last: usize,
    k: usize,
) -> bool {
    if k != last + 1 || !toks[k].space() {
        return false;
    }
    let t = &toks[k];
    // `Council on Foreign Relations`: a body named for its subject.
    let on = t.is(text, "on") && ON_HEADS.contains(&toks[last].text(text));
    let (of, and) = (
        t.is(text, "of") || t.is(text, "for") || on,
        t.is(text, "and"),
    );
    if !of && !and {
        return false;
    }
    let mut after = k + 1;
    if of && toks.get(after).is_some_and(|t| t.is(text, "the")) {
        after += 1;
    }
    let Some(next) = toks.get(after) else {
        return false;
    };
    if !name_word(next, used, after) || !next.space() {
        return false;
    }
    // `the Committee on Monday`: a date, not the body's subject.
    if on && next.in_lex(COMMON) {
        return false;
    }
    if of {
        // `Horn of Africa`, `Isle of Man`: a place known by the whole
        // (`The Pacific Ring of Fire` opening a sentence: without `The`).
        let from = if toks[first].is(text, "The") && first < last {
            first + 1
        } else {
            first
        };
        let known = (after..toks.len().min(after + 3)).any(|j| {
            toks[j].is_word()
                && toks[j].cap()
                && super::gaz::place(&text[toks[from].start as usize..toks[j].end as usize])
                    .is_some()
        });
        if known {
            return true;
        }
        // `the Kitakami Mountains of Iwate Prefecture`: two places, each
        // closed by its own head word (`Bay of Islands` is one).
        let mut end = after;
        while end + 1 < toks.len()
            && toks[end + 1].space()
            && name_word(&toks[end + 1], used, end + 1)
        {
            end += 1;
        }
        if end > after && toks[last].in_lex(PLACE) && toks[end].in_lex(PLACE) {
            return false;
        }
        // `Bank of Japan`, and a title's complement (`Minister of
        // Education`, `Governor of Ohio`).
        let title = toks[last].cap() && !toks[last].upper() && toks[last].in_lex(TITLE);
        return title
            || on
            || (first..=last)
                .any(|j| toks[j].is_word() && toks[j].cap() && takes_of(text, &toks[j]));
    }
    let mut end = after;
    while end + 1 < toks.len() && toks[end + 1].space() && name_word(&toks[end + 1], used, end + 1)
    {
        end += 1;
    }
    if end == after && subject_pair(text, toks, first, last, after) {
        return true;
    }
    // `told The Globe and Mail`: a title opened by a capital `The` inside
    // a sentence, one word on each side.
    let the_title =
        last == first + 1 && toks[first].is(text, "The") && !toks[first].initial() && end == after;
    if the_title {
        return true;
    }
    // `American Airlines and Southwest Airlines`: two names of one kind,
    // each with its own head word (`Air and Space Museum` is one).
    if toks[end].text(text) == toks[last].text(text) && end > after {
        return false;
    }
    // `the Salt and Verde Rivers`: a plural head shared by two names.
    let plural_head = toks[end].in_lex(PLACE) && toks[end].text(text).ends_with('s');
    if plural_head && end > after && !(first..=last).any(|j| takes_of(text, &toks[j])) {
        return false;
    }
    // `the United Nations and United States`: after a name of two words or
    // more, a place's own name after `and` is a second name, not the end
    // of the first (`Air and Space Museum` is one).
    let whole = &text[toks[after].start as usize..toks[end].end as usize];
    (after..=end).any(|j| takes_of(text, &toks[j]))
        && (last == first || super::gaz::place(whole).is_none())
        && !two_names(text, toks, first, last, after, end)
}

/// `Ministry of Food and Agriculture`, `Department of Trade and Industry`:
/// a body named `X of Y` for a subject of two dictionary words joined by
/// `and` at `last` and `after`; a name (`Bank of Japan and Goldman`) or a
/// place is no subject, whose dictionary frequency is nil.
fn subject_pair(text: &str, toks: &[Token], first: usize, last: usize, after: usize) -> bool {
    let Some(of) = (first + 1..last).find(|&j| toks[j].is(text, "of")) else {
        return false;
    };
    let subject = |t: &Token| t.cap() && !t.upper() && super::gaz::zipf(t.text(text)) >= 3.0;
    of + 1 == last
        && (first..of).any(|j| toks[j].is_word() && takes_of(text, &toks[j]))
        && subject(&toks[last])
        && subject(&toks[after])
}

/// `Microsoft and Amazon Web Services`, `Lambeth and Tower Hamlets`: a
/// lone word no dictionary knows before `and` is a name of its own, and a
/// second name follows; words of a body's subject are common words (`Air
/// and Space Museum`, `Fish and Wildlife Service`). Not a place known
/// whole (`Trinidad and Tobago Police Service`).
fn two_names(
    text: &str,
    toks: &[Token],
    first: usize,
    last: usize,
    after: usize,
    end: usize,
) -> bool {
    let t = &toks[first];
    last == first
        && t.is_word()
        && !t.upper()
        && !t.in_lex(ORG | PLACE)
        && super::gaz::zipf(t.text(text)) == 0.0
        && (after..=end.min(after + 2))
            .all(|j| super::gaz::place(&text[t.start as usize..toks[j].end as usize]).is_none())
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn names(s: &str) -> Vec<&str> {
        let mut all = Tokens::default();
        tokenize(s, 0..s.len(), true, &mut all);
        let toks = &all.toks;
        let used = vec![false; toks.len()];
        runs(s, &all, &used)
            .into_iter()
            .map(|r| &s[toks[r.start].start as usize..toks[r.end - 1].end as usize])
            .collect()
    }

    #[test]
    fn joins_name_words() {
        let cases: &[(&str, &[&str])] = &[
            ("met Abd al-Aziz al-Hakim there", &["Abd al-Aziz al-Hakim"]),
            ("by Vincent van Gogh and", &["Vincent van Gogh"]),
            ("met in Geneva as Russia spoke", &["Geneva", "Russia"]),
            ("a cleric, Muqtada as-Sadr, said", &["Muqtada as-Sadr"]),
            ("the Bank of England said", &["Bank of England"]),
            (
                "the Centre for Policy Studies",
                &["Centre for Policy Studies"],
            ),
            ("Kenya and Uganda agreed", &["Kenya", "Uganda"]),
            (
                "the Council on Foreign Relations said",
                &["Council on Foreign Relations"],
            ),
            ("the Committee on Monday voted", &["Committee", "Monday"]),
            ("fighting in Deir ez-Zor went on", &["Deir ez-Zor"]),
            ("the Air and Space Museum", &["Air and Space Museum"]),
            (
                "the Salt and Verde Rivers fed farms",
                &["Salt", "Verde Rivers"],
            ),
            (
                "a hub for American Airlines and Southwest Airlines",
                &["American Airlines", "Southwest Airlines"],
            ),
            (
                "the Science Museum and Art Gallery opened",
                &["Science Museum and Art Gallery"],
            ),
            ("striker Son Heung-min", &["Son Heung-min"]),
            ("leader Kim Jong-un said", &["Kim Jong-un"]),
            (
                "Lee Cheuk-yan and Wong Kwok-kin",
                &["Lee Cheuk-yan", "Wong Kwok-kin"],
            ),
            ("the Hong Kong-based group", &["Hong Kong"]),
            ("a New York-born artist", &["New York"]),
            ("the Kurdish-majority city", &["Kurdish"]),
            (
                "the Korean People's Army and Workers' Party",
                &["Korean People's Army", "Workers' Party"],
            ),
            ("she told The Globe and Mail that", &["The Globe and Mail"]),
            ("votes for Movimento 5 Stelle rose", &["Movimento 5 Stelle"]),
            (
                "Arsenal 3 Chelsea 1 on Sunday",
                &["Arsenal", "Chelsea", "Sunday"],
            ),
            (
                "the United Nations and United States",
                &["United Nations", "United States"],
            ),
            ("striker Lee Chung-Yong scored", &["Lee Chung-Yong"]),
            ("Texas A&M won", &["Texas A&M"]),
            ("in St. Louis today", &["St. Louis"]),
            ("Hamas, Fatah and Jordan", &["Hamas", "Fatah", "Jordan"]),
            ("the US-based group", &["US"]),
            ("the de facto ruler", &[]),
            ("In Lagos. The governor", &["In Lagos", "The"]),
        ];
        for (input, want) in cases {
            assert_eq!(&names(input), want, "{input}");
        }
    }
}
