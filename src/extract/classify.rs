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
use super::animate;
use super::context::DocContext;
use super::gaz::{self, PlaceClass, PlaceHit};
use super::lexicon::{
    ABSTRACT, COMMON, EVENT, GROUP, GROUP_ADJ, GROUP_NOUN, LEX, ORG, PLACE, PORTFOLIO, TITLE,
    with_lower,
};
use super::places::{
    abbreviated_place, before_region, defined_as_place, group_extension, locative, place_cue,
};
use super::streets;
use super::token::{Tok, Token};

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
    /// A place because of the words around it (`in X`, `the town of X`),
    /// not only because a list knows the name.
    pub cued: bool,
    /// Acts or speaks by name (`X said`, `members of X`).
    pub agent: bool,
}

impl Cand {
    /// A road found by its network and number (`US 169`): a place.
    pub fn road(cx: &DocContext, toks: Range<usize>) -> Cand {
        Cand {
            range: cx.toks[toks.start].start as usize..cx.toks[toks.end - 1].end as usize,
            toks,
            kind: EntityKind::Place,
            evidence: Evidence::Strong,
            person: false,
            place: None,
            country: None,
            dropped: false,
            cued: true,
            agent: false,
        }
    }
}

/// Verbs of attribution: the capitalised word before them speaks, so it is
/// a name even at a sentence start (`Amnesty said`, `Apple announced`).
pub const ATTRIBUTION: &[&str] = &[
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

/// Past tenses of what people and the states they run do, and places do
/// not: the name before them acts (`Theseus unified`, `Solon reformed`).
/// Weaker than a verb of speech: it only keeps a name an actor where the
/// text would otherwise take it for a place.
const DEEDS: &[&str] = &[
    "founded",
    "built",
    "wrote",
    "ruled",
    "reigned",
    "conquered",
    "unified",
    "united",
    "married",
    "painted",
    "designed",
    "composed",
    "directed",
    "invented",
    "discovered",
    "defeated",
    "invaded",
    "appointed",
    "signed",
    "fought",
    "died",
    "published",
    "reformed",
    "established",
    "abdicated",
    "commissioned",
    "sculpted",
    "starred",
];

/// Deeds after the name at `end` (`Draco drafted`, `Solon reformed`).
fn acts(cx: &DocContext, end: usize) -> bool {
    cx.toks
        .get(end)
        .is_some_and(|t| t.is_word() && t.space() && !t.cap() && DEEDS.contains(&t.text(cx.text)))
}

/// `painted by X`, `founded by X`: the maker of a thing, named after `by`.
fn made_by(cx: &DocContext, s: usize) -> bool {
    let toks = cx.toks;
    // `captured by the Vikings`: a people after `the`.
    let s = animate::article_start(cx, s);
    s >= 2
        && toks[s - 1].is(cx.text, "by")
        && toks[s - 2].is_word()
        && !toks[s - 2].cap()
        && (DEEDS.contains(&word_at(cx, s - 2))
            || matches!(
                word_at(cx, s - 2),
                "paintings"
                    | "works"
                    | "novel"
                    | "film"
                    | "book"
                    | "written"
                    | "led"
                    | "drawn"
                    // Passives of conquest and settling: `captured by the X`.
                    | "captured"
                    | "occupied"
                    | "sacked"
                    | "besieged"
                    | "destroyed"
                    | "colonised"
                    | "colonized"
                    | "settled"
                    | "inhabited"
                    | "annexed"
                    | "raided"
            ))
}

/// A group named by a common noun (`Police said`, `Officials told`): it
/// speaks, but bare common nouns are not names, so attribution does not
/// make one. A plural counts when its singular is a frequent word
/// (`officials`, `analysts`), so `Reuters` or `Amnesty` stay names; so
/// does the plural of a doer's noun in the dictionary, however rare
/// (`Organisers`, `Campaigners`, `Researchers`, `Fishermen`).
fn common_group(t: &Token, w: &str) -> bool {
    t.in_lex(GROUP_NOUN)
        || with_lower(w, |lower| {
            // `Gunmen said`, `Fishermen told`: the plural of a -man noun.
            if lower.len() > 5 && lower.ends_with("men") {
                return gaz::zipf(lower) >= 3.0;
            }
            let Some(singular) = lower.strip_suffix('s') else {
                return false;
            };
            let doer = singular.ends_with("er") || singular.ends_with("or");
            lower.len() > 4
                && !["ss", "us", "is"].iter().any(|e| lower.ends_with(e))
                && gaz::zipf(singular) >= if doer { 3.0 } else { 4.0 }
        })
}

fn attributed(cx: &DocContext, end: usize) -> bool {
    cx.toks.get(end).is_some_and(|t| {
        t.is_word()
            && t.space()
            && !t.cap()
            && (4..=9).contains(&(t.end - t.start))
            && ATTRIBUTION.contains(&t.text(cx.text))
    })
}

/// The days of the week: dates in prose, so common words, but they open
/// a few places' names (`Thursday Island`, `Friday Harbor`).
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `Thursday Island`, `Friday Harbor`: a weekday right before a place's
/// head word is that place's first word. A date is never followed by a
/// capitalised `Island` or `Harbor` in the same run (`on Thursday, Island
/// officials` has its comma).
fn weekday_place(cx: &DocContext, s: usize, e: usize) -> bool {
    e - s == 2
        && cx.toks[s + 1].is_word()
        && cx.toks[s + 1].in_lex(PLACE)
        && super::codes::one_of(WEEKDAYS, word_at(cx, s))
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
            // `Rally in Des Moines`: a word opening a place the gazetteer
            // knows whole is no common word, whatever else it spells (but
            // the list of common words is: `Towns As Kenya Army`).
            if common && (common_word(cx, t, w) || !place_prefix(cx, k, run.end)) {
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
        let head = !single
            && (is_head(cx, start)
                || (is_head(cx, end - 1) && ordinal())
                || airline(cx, start, end, end - 1));
        // A title opening a longer run is cut off with its complement
        // (`Minister of Education Ana Roe`), not as a common word.
        let title = !single && is_title(cx, start);
        // `Vinita, OK`: a state's postal code after a town, whatever else
        // the letters spell.
        let state = single && state_after_town(cx, start);
        let drop = (common_word(cx, t, w) && !head && !state && !weekday_place(cx, start, end))
            || (single && field_start(cx, start) && label(cx, end) && common_label(t, w))
            || (t.initial()
                && !head
                && !title
                && !affiliation(cx, start, end)
                && !t.upper()
                && (!t.in_lex(GROUP) || cx.lower_seen(t))
                && (!single || !attributed(cx, end) || common_group(t, w))
                && cx.common_initial(t, single)
                && !place_prefix(cx, start, end)
                && !owner_listed(cx, start, end)
                && !org_named(cx, start, end)
                && !head_after(cx, start, end))
            || (single && t.initial() && adjective_opener(cx, start))
            || (t.initial() && !head && !title && opener_before_place(cx, start, end));
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

/// `Babe's 185 Bridge Plaza North, tel: ...`: a word owning a listing's
/// line is a business's name, however common the word (a line opening
/// with a common word, `Reception, tel: ...`, owns nothing).
fn owner_listed(cx: &DocContext, s: usize, e: usize) -> bool {
    e == s + 1
        && cx
            .toks
            .get(e)
            .is_some_and(|t| t.punct().is_some() && matches!(t.text(cx.text), "'s" | "\u{2019}s"))
        && super::business::listing(cx, s, e)
}

/// `Energy Transfer Partners said`: a sentence-initial word before two
/// capitalised words or more that end in an organisation's head word is
/// the first word of its name, however common (`energy`).
fn org_named(cx: &DocContext, start: usize, end: usize) -> bool {
    let toks = cx.toks;
    end - start >= 3
        && toks[start..end]
            .iter()
            .all(|t| t.is_word() && t.cap() && !t.upper())
        && toks[end - 1].in_lex(ORG)
}

/// `Wall Street fell`, `Downing Street said`: a sentence-initial word
/// before a place's or an organisation's head word names it with the head;
/// the head word alone would be no name.
fn head_after(cx: &DocContext, start: usize, end: usize) -> bool {
    let t = &cx.toks[end - 1];
    end - start == 2 && t.is_word() && t.cap() && !t.upper() && t.in_lex(ORG | PLACE)
}

/// `Neighbouring Santa Catarina reported`: a sentence's first word, a
/// dictionary word the article never capitalises elsewhere, before a place
/// the gazetteer knows whole is the sentence's, not the place's.
fn opener_before_place(cx: &DocContext, start: usize, end: usize) -> bool {
    let t = &cx.toks[start];
    let w = t.text(cx.text);
    // The cheap tests first: this is asked of most sentences' first words.
    end - start >= 2
        && !t.upper()
        && !cx.word_capitalised_alone(t)
        // The dictionary spells the American way: a British participle
        // (`Neighbouring`) counts by its shape.
        && ((w.len() > 6 && (w.ends_with("ing") || w.ends_with("ed")))
            || with_lower(w, gaz::zipf) >= 3.0)
        && !gaz::given_name(w)
        && gaz::place(w).is_none()
        && gaz::place(cx.span_text(start + 1..end)).is_some()
}

/// `Federal prosecutors said`, `Municipal workers struck`: a sentence's
/// first word shaped like an adjective (`-al`, `-ic`, `-ary`), a frequent
/// English word, before a lowercase plural noun, describes the noun; the
/// capital is the sentence's, whatever names the article writes with it
/// (`the Federal Court`).
fn adjective_opener(cx: &DocContext, k: usize) -> bool {
    let w = word_at(cx, k);
    let shaped = w.len() >= 5 && (w.ends_with("al") || w.ends_with("ic") || w.ends_with("ary"));
    if !shaped || cx.toks[k].upper() {
        return false;
    }
    let Some(n) = cx
        .toks
        .get(k + 1)
        .filter(|n| n.is_word() && n.space() && !n.cap())
    else {
        return false;
    };
    let noun = n.text(cx.text);
    noun.len() > 4
        && noun.ends_with('s')
        && !noun.ends_with("ss")
        && !ATTRIBUTION.contains(&noun)
        && gaz::demonym(w).is_none()
        && gaz::place(w).is_none()
        && !gaz::given_name(w)
        && with_lower(w, gaz::zipf) >= 3.0
}

/// Words that modify a title rather than name whom it serves (`Former
/// President`, `Acting CEO`).
const BEFORE_TITLE: &[&str] = &[
    "former", "then", "acting", "outgoing", "incoming", "interim", "senior", "junior", "top",
    "new", "retired", "late", "current", "ex", "the", "a", "an", "our", "their", "his", "her",
    "its",
];

/// A sentence-initial word right before a title names the body it serves
/// (`Apple CEO Tim Cook`, `Labour MP Diane Abbott`): a name, however
/// common the word.
fn affiliation(cx: &DocContext, k: usize, end: usize) -> bool {
    k + 1 < end && is_title(cx, k + 1) && !super::codes::one_of(BEFORE_TITLE, word_at(cx, k))
}

/// A field label's end: a colon right after the word and a value after
/// it (`Depth:2m`, `Speed: 3 knots`), or a price (`Entrance € 5`). Listings
/// capitalise a label as a sentence capitalises its first word, so a
/// common word there is no more a name than at a sentence start.
fn label(cx: &DocContext, next: usize) -> bool {
    cx.toks.get(next).is_some_and(|n| match n.punct() {
        // A value follows, not a subtitle (`Batman: The Animated Series`).
        Some(':') => {
            !n.space()
                && cx.toks.get(next + 1).is_some_and(|v| {
                    !v.brk() && (v.kind() == Tok::Num || v.digit() || (v.is_word() && !v.cap()))
                })
        }
        Some('€' | '$' | '£' | '¥') => true,
        _ => false,
    })
}

/// Where a listing's field starts: at a line, or after a separator
/// (`; Depth:2m`, `(Entrance € 5, Drinks € 3)`), not inside a phrase
/// (`Life with Chaos: the autobiography`).
fn field_start(cx: &DocContext, k: usize) -> bool {
    let t = &cx.toks[k];
    t.brk()
        || k == 0
        || cx.toks[k - 1]
            .punct()
            .is_some_and(|p| matches!(p, ';' | ',' | '(' | '[' | '.' | '|' | '·' | '•'))
}

/// A label a listing might use: a frequent dictionary word that is not a
/// given name or a place the gazetteer knows. Asked of every such word,
/// capitalised where it stands, so [`DocContext::common_initial`]'s test
/// (the word seen capitalised mid-sentence) would keep every one.
fn common_label(t: &Token, w: &str) -> bool {
    !t.upper() && !gaz::given_name(w) && gaz::place(w).is_none() && with_lower(w, gaz::zipf) >= 3.0
}

/// A word from the common list (`The`, `However`, `CEO`), or a pronoun
/// with a contraction (`I'm`). An acronym the article defines is a name even
/// when it spells a common word (`WHO`).
fn common_word(cx: &DocContext, t: &Token, w: &str) -> bool {
    if t.upper() && cx.defined(t) {
        return false;
    }
    if t.in_lex(COMMON) || (t.upper() && roman_numeral(w)) {
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

/// A Roman numeral with an I, V or X in it (`XVII`, `II`; not `DC` or
/// `CD`): a regnal or sequence number, not a name of its own.
fn roman_numeral(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() > 8 || !b.iter().any(|c| matches!(c, b'I' | b'V' | b'X')) {
        return false;
    }
    // Thousands, hundreds, tens, units: each a run of one, five and ten.
    let mut rest = b;
    rest = strip_run(rest, b'M', 3);
    for (one, five, ten) in [(b'C', b'D', b'M'), (b'X', b'L', b'C'), (b'I', b'V', b'X')] {
        rest = roman_digit(rest, one, five, ten);
    }
    rest.is_empty()
}

fn strip_run(b: &[u8], c: u8, max: usize) -> &[u8] {
    let n = b.iter().take(max).take_while(|&&x| x == c).count();
    &b[n..]
}

/// One decimal digit in Roman numerals: `9` is one-ten, `4` one-five,
/// else an optional five and up to three ones.
fn roman_digit(b: &[u8], one: u8, five: u8, ten: u8) -> &[u8] {
    match b {
        [x, y, rest @ ..] if *x == one && (*y == ten || *y == five) => rest,
        [x, rest @ ..] if *x == five => strip_run(rest, one, 3),
        _ => strip_run(b, one, 3),
    }
}

/// A word for a belief system or ideology by its ending (`Buddhism`,
/// `Marxism`, `Zionists` is not: only the `-ism` itself).
fn ism(w: &str) -> bool {
    w.len() > 5 && (w.ends_with("ism") || w.ends_with("isms"))
}

/// The head of `toks[s..e]` (see [`head_index`]) names an event, a law or
/// an award (`World War II`, `Olympic Games`, `Battle of Hastings`).
fn event_name(cx: &DocContext, s: usize, e: usize) -> bool {
    // A storm by its given name (`Cyclone Idai`, `Hurricane Katrina`).
    if e - s >= 2
        && matches!(
            word_at(cx, s),
            "Hurricane" | "Cyclone" | "Typhoon" | "Storm"
        )
        && cx.toks[s + 1].cap()
    {
        return true;
    }
    if e - s < 2 || !cx.toks[s..e].iter().any(|t| t.in_lex(EVENT)) {
        return false;
    }
    let mut end = e;
    // A trailing numeral or year is part of the event's name.
    while end > s + 1 && {
        let t = &cx.toks[end - 1];
        !t.is_word() || (t.upper() && roman_numeral(t.text(cx.text)))
    } {
        end -= 1;
    }
    end - s >= 2 && cx.toks[head_index(cx, s, end)].in_lex(EVENT)
}

/// Drops trailing particles, connectors and postnominals (`CEO`, `QC`).
fn trim_end(cx: &DocContext, start: usize, mut end: usize) -> usize {
    while end > start {
        let t = &cx.toks[end - 1];
        if t.is_word()
            && (t.cap() || t.upper())
            && (!common_word(cx, t, t.text(cx.text)) || state_after_town(cx, end - 1))
        {
            break;
        }
        // `Kim Jong-un`: a syllable glued on by a hyphen stays.
        if t.is_word() && !t.space() && end >= start + 3 && cx.toks[end - 2].punct() == Some('-') {
            break;
        }
        end -= 1;
    }
    end
}

/// The run starts with a multi-word place the gazetteer knows (`New York`),
/// or the name of its people (`New Zealanders`).
fn place_prefix(cx: &DocContext, start: usize, end: usize) -> bool {
    (start + 2..=end.min(start + 4)).any(|e| {
        let span = cx.span_text(start..e);
        gaz::place(span).is_some() || gaz::demonym(span).is_some()
    })
}

pub(super) fn word_at<'t>(cx: &DocContext<'t>, k: usize) -> &'t str {
    cx.toks[k].text(cx.text)
}

fn is_head(cx: &DocContext, k: usize) -> bool {
    cx.toks[k].in_lex(ORG | PLACE)
}

/// `Roman Britain`, `Anglo-Saxon England`, `Victorian London`: a country
/// or a region in an age, named by a proper adjective and the place.
fn era_place(cx: &DocContext, s: usize, e: usize) -> Option<PlaceHit> {
    // Two words, no allocation: this runs for most names of two words.
    let mut words = (s..e).filter(|&k| cx.toks[k].is_word());
    let (Some(adj), Some(place), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    let adjective = cx.toks[adj].text(cx.text);
    let era = matches!(
        adjective,
        "Roman"
            | "Byzantine"
            | "Ottoman"
            | "Victorian"
            | "Edwardian"
            | "Georgian"
            | "Norman"
            | "Saxon"
            | "Anglo-Saxon"
            | "Viking"
            | "Tudor"
            | "Elizabethan"
            | "Soviet"
            | "Tsarist"
            | "Nazi"
            | "Imperial"
            | "Colonial"
            | "Moorish"
            | "Medieval"
            | "Ancient"
            | "Classical"
            | "Prehistoric"
            | "Celtic"
            | "Mughal"
            | "Habsburg"
            | "Napoleonic"
            | "Hellenistic"
            | "Carolingian"
    );
    if !era && gaz::demonym(adjective).is_none_or(|(_, plural)| plural) {
        return None;
    }
    gaz::place_in_context(cx.toks[place].text(cx.text)).filter(|hit| {
        matches!(
            hit.class,
            PlaceClass::Country | PlaceClass::Region | PlaceClass::Continent
        )
    })
}

/// `Greater Belo Horizonte`, `Greater Manchester`: a city with its
/// suburbs.
fn greater_place(cx: &DocContext, s: usize, e: usize) -> Option<PlaceHit> {
    if e - s < 2 || !cx.toks[s].is(cx.text, "Greater") {
        return None;
    }
    gaz::place(cx.span_text(s..e)).or_else(|| gaz::place(cx.span_text(s + 1..e)))
}

/// `Liverpool F.C.`: a club's initials written with dots close its name as
/// `FC` does.
fn dotted_club(name: &str) -> bool {
    [" F.C.", " A.F.C.", " S.C.", " C.F."]
        .iter()
        .any(|suffix| name.ends_with(suffix) && name.len() > suffix.len())
}

/// `Air Canada`, `Air Chathams`: `Air` opening a name of two words or more
/// names a carrier, unless a place's head word closes it (`Air Force Base`).
fn airline(cx: &DocContext, s: usize, e: usize, head: usize) -> bool {
    e - s >= 2 && cx.toks[s].is(cx.text, "Air") && !cx.toks[head].in_lex(PLACE)
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
    // Short titles are written in capitals (`MP`, `CEO`); a longer word
    // in capitals is a headline's or an acronym.
    t.is_word() && t.cap() && (!t.upper() || t.end - t.start <= 3) && t.in_lex(TITLE)
}

/// Titles of members rather than office holders (`Labour MP`).
const MEMBER_ROLES: &[&str] = &[
    "mp",
    "mps",
    "mep",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "activist",
    "activists",
    "campaigner",
];

/// A title at `k`, or portfolio words leading to one (`Home Secretary`,
/// `Shadow Foreign Secretary`, `High Commissioner`) before `end`.
fn title_at(cx: &DocContext, k: usize, end: usize) -> bool {
    let mut j = k;
    while j < end {
        let t = &cx.toks[j];
        if is_title(cx, j) {
            // A member holds no portfolio: before `MP` or `activist` the
            // word is the party or cause (`Labour MP`), a name.
            return j == k || !super::codes::one_of(MEMBER_ROLES, word_at(cx, j));
        }
        if !(t.is_word() && t.cap() && !t.upper() && t.in_lex(PORTFOLIO)) {
            return false;
        }
        j += 1;
    }
    false
}

/// Cuts titles out: `Turkish President Ana Roe` -> `Turkish` + `Ana Roe`;
/// `NASA Administrator` -> `NASA`. A run ending in a head word is an
/// organisation or a place and keeps its title-like words (`General
/// Assembly`).
fn split_titles(cx: &DocContext, start: usize, end: usize, out: &mut Vec<Cand>) {
    // One word (most names): a title alone is no name, nothing to split.
    if end - start == 1 {
        if !is_title(cx, start) {
            part(cx, start..end, false, out);
        }
        return;
    }
    let has_of = (start..end).any(|k| {
        let t = &cx.toks[k];
        t.is(cx.text, "of")
            || t.is(cx.text, "for")
            || t.is(cx.text, "on")
            || t.is(cx.text, "&")
            || t.is(cx.text, "and")
    });
    // `Minister of Education Ana Roe`, `Governor of Ohio Jane Roe`: a
    // title, its complement (a name only when it is one: `Ohio`, not
    // `Education`), and a person.
    if let Some(p) = (start..end.min(start + 3)).find(|&k| title_at(cx, k, end))
        && let Some(of) = (p + 1..end).find(|&k| {
            let t = &cx.toks[k];
            t.is(cx.text, "of") || t.is(cx.text, "for")
        })
        && (p..of).all(|k| title_at(cx, k, of) || !cx.toks[k].is_word())
    {
        let tail = person_tail(cx, p, end, true);
        let mut c = of + 1;
        let the = c < end && cx.toks[c].is(cx.text, "the");
        if the {
            c += 1;
        }
        let c_end = trim_end(cx, c, tail.unwrap_or(end));
        if p > start {
            let left_end = trim_end(cx, start, p);
            if left_end > start {
                part(cx, start..left_end, false, out);
            }
        }
        // `Secretary-General of the United Nations`: two words after `the`
        // name a body (`Minister of the Interior` has one).
        let body = the && (c..c_end).filter(|&k| cx.toks[k].is_word()).count() >= 2;
        if c < c_end && (body || !portfolio_words(cx, c, c_end)) {
            split_titles(cx, c, c_end, out);
        }
        if let Some(e) = tail {
            part(cx, e..end, true, out);
        }
        return;
    }
    // `Professor Marc Lamont Hill`: titles before a given name go, even
    // when the name ends like a place's.
    if title_at(cx, start, end)
        && let Some(q) = (start..end).find(|&k| !title_at(cx, k, end) && cx.toks[k].is_word())
        && q > start
        && gaz::given_name(word_at(cx, q))
        && end - q >= 2
    {
        part(cx, q..end, true, out);
        return;
    }
    // `University of Texas Arlington Ana Roe`: a name glued before a
    // person's.
    if let Some(e) = person_tail(cx, start, end, false) {
        let left_end = trim_end(cx, start, e);
        if left_end > start {
            split_titles(cx, start, left_end, out);
        }
        part(cx, e..end, true, out);
        return;
    }
    if !is_head(cx, head_index(cx, start, end)) && !has_of {
        if let Some(p) = (start..end).find(|&k| title_at(cx, k, end)) {
            let mut q = p;
            while q < end && (title_at(cx, q, end) || !cx.toks[q].is_word()) {
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
        // `Ohio Jane Roe`: a place glued before a two-word person; not a
        // place known by the whole (`Papua New Guinea`).
        let words = (start..end).filter(|&k| cx.toks[k].is_word()).count();
        if words >= 3 && gaz::place(cx.span_text(start..end)).is_none() {
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

/// A role's complement made of common words (`Education`, `Foreign
/// Affairs`, `State`): part of the role, no name.
fn portfolio_words(cx: &DocContext, s: usize, e: usize) -> bool {
    (s..e).all(|k| {
        let t = &cx.toks[k];
        !t.is_word()
            || t.in_lex(PORTFOLIO | COMMON)
            || (!t.upper() && !t.in_lex(ORG) && gaz::zipf(t.text(cx.text)) >= 3.0)
    }) && gaz::place(cx.span_text(s..e)).is_none()
}

/// Where a person's name of two or three words ends the run
/// `toks[s..end]` after another name of two words or more (or after a
/// role and its complement, when `role`): a known given name opening it
/// (the earliest of a row of them: `Ana Maria Roe` is one name), or two
/// words that are no English words after a name with an organisation's
/// head word or `of`. Never a place's name, never ending in a head word.
fn person_tail(cx: &DocContext, s: usize, end: usize, role: bool) -> Option<usize> {
    let toks = cx.toks;
    // Most runs are a word or two, or end in a head word: ruled out before
    // anything is counted or looked up.
    let min = if role { 3 } else { 4 };
    let last = toks[end - 1];
    if end - s < min
        || !last.space()
        || last.upper()
        || !last.cap()
        || last.in_lex(ORG | PLACE | TITLE)
        || toks[s..end].iter().filter(|t| t.is_word()).count() < min
    {
        return None;
    }
    let words: Vec<usize> = (s..end).filter(|&k| toks[k].is_word()).collect();
    let word = |k: usize| toks[k].text(cx.text);
    let given = |k: usize| gaz::given_name(word(k));
    let tail_ok = |e: usize| {
        let t = &toks[e];
        t.is_word()
            && t.space()
            && t.cap()
            && !t.upper()
            && !t.in_lex(ORG | PLACE | TITLE | PORTFOLIO | COMMON)
            && toks[e..end]
                .iter()
                .all(|t| !t.is_word() || t.cap() || super::names::is_particle(cx.text, t))
            && gaz::place(cx.span_text(e..end)).is_none()
            && {
                // The name before keeps two words (or a role and its
                // complement) and ends in a capitalised word.
                let before = &toks[e - 1];
                before.is_word() && before.cap() && !given(e - 1)
            }
    };
    // Unless after a role, the name before is an organisation's or a
    // place's (not the first names of a long personal name).
    let name_before = |e: usize| {
        role || (s..e).any(|k| {
            toks[k].in_lex(ORG | PLACE) || toks[k].is(cx.text, "of") || toks[k].is(cx.text, "for")
        }) || gaz::place(cx.span_text(s..e)).is_some()
    };
    let n = words.len();
    for tail in [3, 2] {
        if n < tail + 2 {
            continue;
        }
        let e = words[n - tail];
        if given(e) && tail_ok(e) && name_before(e) {
            return Some(e);
        }
    }
    // Two words no dictionary knows, after an organisation's name.
    let e = words[n - 2];
    let unknown = |k: usize| gaz::zipf(word(k)) == 0.0 && !given(k);
    (!role && unknown(e) && unknown(words[n - 1]) && tail_ok(e) && name_before(e)).then_some(e)
}

/// The head word of a name: the word before its first `of`/`for`/`on`
/// (`Bank of Japan`, `Museum of Flight`, `Council on Foreign Relations`),
/// else its last word.
fn head_index(cx: &DocContext, s: usize, e: usize) -> usize {
    (s + 1..e)
        .find(|&k| {
            let t = &cx.toks[k];
            t.is(cx.text, "of") || t.is(cx.text, "for") || t.is(cx.text, "on")
        })
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
        cued: false,
        agent: false,
    };
    // `I-95`, `US-412`: a highway by its number.
    if words == 1 && (first.upper() || first.end - first.start == 1) && road_number(cx, s, e) {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Strong;
        cand.range.end = cx.toks[e + 1].end as usize;
        out.push(cand);
        return;
    }
    // `Tulsa, OK`, `Fort Lee, NJ`: a state's postal code after a town.
    if words == 1 && first.upper() && town_comma(cx, s) && gaz::us_state_code(first.text(text)) {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Strong;
        cand.cued = true;
        out.push(cand);
        return;
    }
    // `Washington, D.C.`: the district's code written with dots.
    if words <= 2 && town_comma(cx, s) && name.len() <= 5 && name.replace('.', "") == "DC" {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Strong;
        cand.cued = true;
        out.push(cand);
        return;
    }
    // `Week 13`, `Round 2`, `Chapter 7`: a unit of time or of a text
    // counted, no name.
    if words == 1
        && cx
            .toks
            .get(e)
            .is_some_and(|t| t.kind() == Tok::Num && t.space())
        && matches!(
            first.text(text),
            "Week"
                | "Day"
                | "Round"
                | "Game"
                | "Stage"
                | "Chapter"
                | "Part"
                | "Season"
                | "Episode"
                | "Phase"
                | "Level"
                | "Page"
                | "Volume"
                | "Step"
                | "Lap"
                | "Leg"
                | "Grade"
                | "Year"
        )
    {
        return;
    }
    // `minus 8 degrees Celsius`: the scale of a temperature, no name.
    if words == 1
        && matches!(name, "Celsius" | "Fahrenheit" | "Kelvin")
        && s >= 1
        && (matches!(word_at(cx, s - 1), "degrees" | "degree")
            || cx.toks[s - 1].punct() == Some('°'))
    {
        return;
    }
    // `The Group said`, `the Company's shares`: a firm's generic head word
    // alone after `the` is the defined term a report uses for a company
    // named before, a common noun like `the government`.
    if words == 1
        && s >= 1
        && matches!(word_at(cx, s - 1), "the" | "The")
        && matches!(
            name,
            "Group" | "Company" | "Firm" | "Corporation" | "Partnership"
        )
    {
        return;
    }
    // A greeting in another language, a sentence of its own (`Talofa!`).
    if words == 1
        && !first.upper()
        && first.lex() == 0
        && exclamation(cx, s..e)
        && gaz::place_in_context(name).is_none()
        && !gaz::given_name(name)
    {
        return;
    }
    // The epithet of `Constantine the Great` is part of who he is, no name
    // of its own.
    if words == 1 && s >= 2 && cx.toks[s - 2].cap() && animate::epithet_after(cx, s - 1) {
        return;
    }
    // An ordinal alone stands for a unit named before (`the Ninth Legion
    // and later the Sixth`, `the Fifth Fleet ... the Fifth`): who, never
    // where, whatever preposition comes before.
    if words == 1 && ORDINALS.contains(&name) {
        cand.evidence = Evidence::Strong;
        out.push(cand);
        return;
    }
    // Codes and postnominals are no names (`COVID-19`, `QC`).
    if words == 1 && (code_word(first.text(text)) || name_in_lex(cx, s, e, COMMON)) {
        return;
    }
    if words == 1 && (code_suffix(cx, e) || currency_code(cx, e)) {
        return;
    }
    // A letter alone is a label (`Gates C & D`, `54º N`), an initial alone
    // no name, nor a suffix (`Jones, Jr.`) or a degree (`Ph.D.`), and a
    // currency's short name follows an amount (`150 Kr`); each unless it
    // speaks.
    if words == 1
        && (name.len() == 1
            || (name.len() == 2 && name.ends_with('.'))
            || matches!(name, "Jr" | "Sr")
            || amount_unit(cx, s, name)
            || (name == "Ph"
                && cx
                    .span_text(s..(s + 3).min(cx.toks.len()))
                    .starts_with("Ph.D")))
        && !attributed(cx, e)
    {
        return;
    }
    // `(IATA: PHX)`: an airport by its code.
    if words == 1 && first.upper() && airport_code(cx, s) {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Strong;
        cand.cued = true;
        out.push(cand);
        return;
    }
    // `God bless you, God bless Iowa`: a deity is someone, never one of a
    // list's places.
    if words == 1 && matches!(name, "God" | "Allah") {
        cand.person = true;
        cand.evidence = Evidence::Strong;
        out.push(cand);
        return;
    }
    // Religions, festivals, events, laws: neither who nor where; but who
    // or where an event is of stays (`Siege of Savannah`, `Award of the
    // Association for Computational Linguistics`).
    if words == 1 && (name_in_lex(cx, s, e, ABSTRACT) || ism(name)) {
        return;
    }
    if event_name(cx, s, e) {
        if let Some(of) = (s + 1..e).find(|&k| cx.toks[k].is(text, "of")) {
            let mut c = of + 1;
            if c < e && cx.toks[c].is(text, "the") {
                c += 1;
            }
            if c < e {
                split_titles(cx, c, e, out);
            }
        }
        return;
    }
    // `Kurdish-majority`, `Warhol-like`: a word glued to a lowercase word is
    // an adjective; only a name the article uses elsewhere survives it.
    // `a Basel-based firm`: where it is based is a place.
    if words == 1 && adjectival(cx, e) && word_at(cx, e + 1) == "based" {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Strong;
        cand.cued = true;
        cand.place = gaz::place_in_context(name);
        out.push(cand);
        return;
    }
    // `Michelin-rated`, `Disney-owned`: a business rates or owns; not a
    // people's or a place's adjective (`Russian-backed`, `Texas-owned`).
    if words == 1
        && adjectival(cx, e)
        && super::business::rated(cx, e)
        && gaz::demonym(name).is_none()
        && !name_in_lex(cx, s, e, GROUP_ADJ | GROUP)
        && gaz::place_in_context(name).is_none()
    {
        cand.agent = true;
        out.push(cand);
        return;
    }
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
    // `Voskenslaan 27`, `Sint-Veerleplein`, `500 Bouthillier St`: a
    // street by the head glued to its last word or abbreviated after a
    // house number.
    // A surname that ends so (`Thomas Kinkade`) keeps its given name.
    if (streets::compound_street(last.text(text))
        && !gaz::given_name(first.text(text))
        && !gaz::common_surname(last.text(text)))
        || streets::numbered_street(cx, s, e)
    {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Strong;
        cand.cued = true;
        out.push(cand);
        return;
    }
    let has_for = (s..e).any(|k| cx.toks[k].is(cx.text, "for"));
    // In `X of Y` the head is X: `State of Ohio` is a place, `Bank of Ohio`
    // an organisation.
    let head = head_index(cx, s, e);
    if titled
        || cx.toks[head].in_lex(ORG)
        || has_for
        || airline(cx, s, e, head)
        || dotted_club(name)
    {
        cand.evidence = Evidence::Strong;
    } else if animate::epithet_after(cx, e) {
        cand.person = true;
        cand.evidence = Evidence::Strong;
    } else if animate::governs(cx, e) {
        // `the Obama administration`, `the Assad regime`: whoever it is
        // named for acts, whatever town shares the name.
        cand.evidence = Evidence::Strong;
    } else if let Some(hit) = greater_place(cx, s, e) {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Strong;
        cand.place = Some(hit);
    } else if words > 1
        && (cx.toks[head].in_lex(PLACE)
            || (first.in_lex(PLACE)
                && first.cap()
                && !first.upper()
                && !gaz::common_surname(first.text(text))))
    {
        // A place's head word closes it (`Henga Scenic Reserve`) or opens
        // it (`Lake Erie`, `Fort Lee`, `Port Hutt`).
        if named_like_place(cx, s, e, head) {
            cand.person = true;
            cand.evidence = Evidence::Weak;
        } else {
            cand.kind = EntityKind::Place;
            cand.evidence = Evidence::Strong;
            // `the United States`: a state by its head word is still one
            // that can act.
            cand.place = gaz::place_in_context(name);
        }
    } else if let Some(hit) = era_place(cx, s, e) {
        cand.kind = EntityKind::Place;
        cand.evidence = Evidence::Weak;
        cand.place = Some(hit);
    } else if let Some(hit) = gaz::place_in_context(name).or_else(|| abbreviated_place(cx, s, e)) {
        // A person whose surname is also a town (`Nick Rhodes`) reads as a
        // person when the first word is a given name.
        if words > 1
            && hit.class == PlaceClass::City
            && gaz::given_name(first.text(text))
            && !arabic_article(cx, s, e)
        {
            cand.person = true;
        } else if hit.needs_cue {
            // `Boston`, `Cleveland`: a place where the text says so (below).
            cand.place = Some(hit);
        } else {
            cand.kind = EntityKind::Place;
            cand.evidence = Evidence::Weak;
            cand.place = Some(hit);
        }
    } else if words == 1 && first.in_lex(PLACE) && !first.initial() && !first.upper() {
        // `Downtown`, `the Southwest`, `the Square`: a place word used as a
        // name, unless it is a common surname too (`Hall said`).
        if !gaz::common_surname(name) {
            cand.kind = EntityKind::Place;
            cand.evidence = Evidence::Weak;
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
                } else if name_in_lex(cx, s, e, GROUP) {
                    // A people named by the same word as its adjective
                    // (`the Rohingya fled`).
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
    } else if gaz::given_name(first.text(text)) && !arabic_article(cx, s, e) {
        cand.person = true;
        cand.evidence = Evidence::Weak;
    }
    // Someone by the words around: a role before (`the Nobel laureate X`),
    // a work after (`X's movie`). Only names shaped like a person's: each
    // word capitalised, no acronym.
    if cand.kind == EntityKind::Actor
        && cand.evidence < Evidence::Strong
        && !cand.person
        && words <= 4
        && (s..e).all(|k| {
            let t = &cx.toks[k];
            !t.is_word() || (t.cap() && !t.upper()) || super::names::is_particle(text, t)
        })
        && (animate::role_before(cx, s)
            || animate::work_after(cx, e)
            || animate::taken_up_by_pronoun(cx, s, e))
    {
        cand.person = true;
        cand.evidence = cand.evidence.max(Evidence::Weak);
    }
    if cand.kind == EntityKind::Actor && cand.evidence < Evidence::Strong {
        // In a dateline every name is a place but the agency in parentheses.
        let agency = s > 0 && cx.toks[s - 1].punct() == Some('(');
        let dateline = cx.in_dateline(first.start as usize) && !agency;
        // An explicit cue (`the city of Santa Maria`) outweighs a name that
        // only looks like a person's because it opens with a given name.
        let known = cand.place.is_some();
        if place_cue(cx, s, e)
            || (!cand.person && (before_region(cx, e) || dateline || defined_as_place(cx, e)))
        {
            cand.kind = EntityKind::Place;
            cand.evidence = Evidence::Strong;
            cand.person = false;
            cand.cued = true;
        } else if !cand.person && cand.evidence == Evidence::Default && locative(cx, s, e, known) {
            cand.kind = EntityKind::Place;
            cand.evidence = Evidence::Weak;
            cand.cued = true;
        }
    }
    // A person needs no vote; other names tell by acting (`X said`).
    if cand.kind == EntityKind::Actor
        && !cand.person
        && cand.evidence < Evidence::Strong
        && (attributed(cx, e)
            || org_cue(cx, s)
            || acts(cx, e)
            || made_by(cx, s)
            || animate::relative_who(cx, s, e)
            || animate::acted_on(cx, s)
            || animate::ruling_age(cx, e)
            || (cand.place.is_none()
                && (super::business::named(cx, s, e)
                    || (words == 1 && super::business::brand_case(name)))))
    {
        cand.agent = true;
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

/// Nouns whose `of`/`for` names an organisation (`members of X`, `a
/// spokesman for X`): the mirror of `the town of X`.
const ORG_CUES: &[&str] = &[
    "member",
    "members",
    "leader",
    "leaders",
    "leadership",
    "head",
    "founder",
    "founders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "directors",
    "employees",
    "employee",
    "staff",
    "supporters",
    "lawmakers",
    "candidate",
    "candidates",
    "officials",
    "executives",
    "shareholders",
    "board",
];

/// `members of X`, `a spokesman for the X`.
fn org_cue(cx: &DocContext, s: usize) -> bool {
    let p = animate::article_start(cx, s);
    p >= 2
        && matches!(word_at(cx, p - 1), "of" | "for")
        && cx.toks[p - 2].is_word()
        && !cx.toks[p - 2].cap()
        && ORG_CUES.contains(&word_at(cx, p - 2))
}

/// `Marc Lamont Hill`, `Anita Hill said`: a given name, and a place's
/// head word that is also a common surname, in a name of three words or
/// one that speaks, is a person's name.
fn named_like_place(cx: &DocContext, s: usize, e: usize, head: usize) -> bool {
    let words = (s..e).filter(|&k| cx.toks[k].is_word()).count();
    head == e - 1
        && gaz::given_name(word_at(cx, s))
        && !cx.toks[s].in_lex(PLACE)
        && gaz::common_surname(word_at(cx, head))
        && (words >= 3 || attributed(cx, e))
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

/// A word with digits that is a code, not a name: short (`G20`, `F16`)
/// or with three digits or more (`A380`, `IRR200`).
fn code_word(w: &str) -> bool {
    let digits = w.bytes().filter(u8::is_ascii_digit).count();
    digits > 0 && (w.len() <= 4 || digits >= 3)
}

/// `I-95`, `US-412`, `SR-51`: a highway's number, hyphenated to the
/// letters of its network.
fn road_number(cx: &DocContext, s: usize, e: usize) -> bool {
    let toks = cx.toks;
    matches!(word_at(cx, s), "I" | "US" | "SR" | "SH" | "CR" | "NH")
        && toks
            .get(e)
            .is_some_and(|t| t.punct() == Some('-') && !t.space())
        && toks
            .get(e + 1)
            .is_some_and(|t| t.kind() == super::token::Tok::Num && !t.space())
}

/// A capitalised word and a comma right before token `s`, on one line, the
/// code after them ending its phrase (`Tulsa, OK is`, `Leonia, NJ.`).
fn town_comma(cx: &DocContext, s: usize) -> bool {
    let toks = cx.toks;
    s >= 2
        && toks[s - 1].punct() == Some(',')
        && !toks[s - 1].space()
        && toks[s - 2].is_word()
        && toks[s - 2].cap()
        && !toks[s].brk()
        && toks
            .get(s + 1)
            .is_none_or(|t| !t.is_word() || !t.cap() || t.brk())
}

/// A US state's postal code after a town and a comma (`Vinita, OK`),
/// whatever English word its letters spell.
fn state_after_town(cx: &DocContext, k: usize) -> bool {
    let t = &cx.toks[k];
    t.upper()
        && gaz::us_state_code(t.text(cx.text))
        && town_comma(cx, k)
        && {
            // Not `Sure, OK`: the town is no common word opening a sentence.
            let town = &cx.toks[k - 2];
            let w = town.text(cx.text);
            let opener = town.initial() && with_lower(w, gaz::zipf) >= 3.5;
            !(common_word(cx, town, w) || opener)
        }
        // Not `Tom Molomby, SC`: a person's postnominal.
        && !(k >= 3 && cx.toks[k - 3].cap() && gaz::given_name(word_at(cx, k - 3)))
}

/// `Al Mukalla`, `El Fasher`: the Arabic article opening a name, not the
/// given name `Al` (`Al Gore`), which a surname follows.
fn arabic_article(cx: &DocContext, s: usize, e: usize) -> bool {
    matches!(word_at(cx, s), "Al" | "El")
        && e - s >= 2
        && cx.toks[s + 1].is_word()
        && !gaz::surname(word_at(cx, s + 1))
}

/// `US$`, `HK$`: a state's code glued to its currency's sign.
fn currency_code(cx: &DocContext, e: usize) -> bool {
    cx.toks.get(e).is_some_and(|t| {
        !t.space()
            && t.punct()
                .is_some_and(|c| matches!(c, '$' | '£' | '€' | '¥' | '₹'))
    })
}

/// Currencies written by a short name after the amount (`150 Kr`,
/// `2,000 Rs`).
fn amount_unit(cx: &DocContext, s: usize, name: &str) -> bool {
    s >= 1
        && cx.toks[s - 1].kind() == super::token::Tok::Num
        && (matches!(
            name,
            "Kr" | "Rs" | "Ft" | "Dh" | "Dhs" | "Tk" | "Kč" | "Lei"
        ) || metric_unit(name))
}

/// A unit with a metric prefix, written in mixed case (`MeV`, `kWh`,
/// `GHz`, `mAh`): a capital after a lowercase letter in a short word.
fn metric_unit(name: &str) -> bool {
    let b = name.as_bytes();
    (2..=4).contains(&b.len())
        && b.iter().all(u8::is_ascii_alphabetic)
        && b.windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// An airport's code after `IATA` or `ICAO` (`IATA: PHX`).
fn airport_code(cx: &DocContext, s: usize) -> bool {
    let mut k = s;
    if k >= 1 && cx.toks[k - 1].punct() == Some(':') {
        k -= 1;
    }
    k >= 1 && matches!(word_at(cx, k - 1), "IATA" | "ICAO")
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

/// `Talofa!`, `Fakafetai lasi.`: a greeting or thanks in another language,
/// a sentence of its own that no English word stands in, is no place.
fn exclamation(cx: &DocContext, name: Range<usize>) -> bool {
    // A sentence of its own: not after a colon (`Image: Jambula.` credits
    // someone).
    let after_stop = name.start == 0
        || cx.toks[name.start].brk()
        || matches!(cx.toks[name.start - 1].punct(), Some('.' | '!' | '?'));
    if !cx.toks[name.start].initial() || !after_stop {
        return false;
    }
    let mut k = name.end;
    for _ in 0..3 {
        let Some(t) = cx.toks.get(k) else {
            return false;
        };
        match t.punct() {
            // A paragraph of one name and a full stop is a listing's title
            // (`Pangaimotu.`): a greeting stands among other sentences.
            Some('!' | '.') => {
                let alone = cx.toks[name.start].brk() && cx.toks.get(k + 1).is_none_or(Token::brk);
                return !alone;
            }
            Some(_) => return false,
            None if t.is_word() && !t.cap() && gaz::zipf(t.text(cx.text)) < 3.0 => k += 1,
            None => return false,
        }
    }
    false
}
