//! Place cues: where a name is a location because of the words around it,
//! not because a list knows it. `the town of X`, `X province`, `X and Y
//! provinces`, `City, Region`, `in X`, `Washington D.C.`; and the group-noun
//! extension that turns a proper adjective into a collective actor
//! (`Kurdish security forces`).
//!
//! Reads tokens, lexicons and the gazetteer view; used by `classify`.

use super::EntityKind;
use super::classify::{Cand, Evidence, word_at};
use super::context::DocContext;
use super::gaz::{self, PlaceClass, PlaceHit};
use super::lexicon::{COMMON, CUE_PLACE, GROUP, GROUP_NOUN, MODIFIER, PLACE, TITLE};
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

/// Place words that, lowercase after a name, make it a place (`Idlib
/// province`, `the Hudson river`, `the Idlib area`).
const GEOGRAPHY: &[&str] = &[
    "province",
    "provinces",
    "village",
    "villages",
    "town",
    "towns",
    "city",
    "cities",
    "district",
    "districts",
    "region",
    "regions",
    "county",
    "counties",
    "governorate",
    "prefecture",
    "municipality",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "camp",
    "valley",
    "river",
    "sea",
    "ocean",
    "lake",
    "mountain",
    "mountains",
    "island",
    "islands",
    "bay",
    "gulf",
    "strait",
    "peninsula",
    "desert",
    "coast",
    "canal",
    "crossing",
    "oblast",
    "territory",
    "territories",
    "area",
    "plateau",
    "plains",
    "creek",
    "canyon",
    "reef",
    "lagoon",
    "marsh",
    "woods",
    "wetlands",
    "forest",
    "hills",
    "heights",
    "springs",
    "falls",
    "beach",
    "harbour",
    "harbor",
    "port",
    "airport",
    "airbase",
    "street",
    "avenue",
    "road",
    "square",
    "bridge",
    "highway",
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
    // Four names back at most: `lists` carries a cue along a longer list.
    for _ in 0..4 {
        // `Residents of X`: the cue word may open the sentence.
        if b >= 2
            && word_at(cx, b - 1) == "of"
            && toks[b - 2].is_word()
            && (!toks[b - 2].cap() || (toks[b - 2].initial() && !toks[b - 2].upper()))
        {
            if toks[b - 2].in_lex(CUE_PLACE) {
                return true;
            }
            break;
        }
        // `the islands La Desirade, Petite Terre`, `the city Tbilisi`: the
        // place word in apposition.
        if b >= 2
            && toks[b - 1].is_word()
            && !toks[b - 1].cap()
            && toks[b - 1].in_lex(CUE_PLACE)
            && toks[b - 2].is(cx.text, "the")
        {
            return true;
        }
        if b >= 2 && matches!(word_at(cx, b - 1), "and" | "or" | ",") {
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
            // Lowercase after a name, a facility or a road is often an
            // organisation's or a person's (`a Hamas tunnel`, `the Apple
            // campus`): only the words of geography mark a place.
            return GEOGRAPHY.contains(&w);
        }
        // `the Salt and Verde Rivers`: a plural head word after the second
        // name is both names'.
        if k > e && t.cap() && t.in_lex(PLACE) && w.ends_with('s') && word_at(cx, e) == "and" {
            return true;
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

/// Verbs and nouns of going: after them `to`, `from` and `into` lead to a
/// place (`moved to Basel`, `flights from Coron`, `fled into Chad`).
const MOTION: &[&str] = &[
    "travel",
    "travels",
    "travelled",
    "traveled",
    "travelling",
    "traveling",
    "go",
    "goes",
    "went",
    "gone",
    "going",
    "move",
    "moves",
    "moved",
    "moving",
    "fly",
    "flies",
    "flew",
    "flown",
    "flying",
    "flight",
    "flights",
    "return",
    "returns",
    "returned",
    "returning",
    "head",
    "heads",
    "headed",
    "heading",
    "arrive",
    "arrives",
    "arrived",
    "arriving",
    "came",
    "flee",
    "flees",
    "fled",
    "fleeing",
    "spread",
    "spreads",
    "spreading",
    "extended",
    "emigrated",
    "immigrated",
    "migrated",
    "relocated",
    "deported",
    "evacuated",
    "exiled",
    "sail",
    "sails",
    "sailed",
    "drove",
    "walked",
    "trip",
    "trips",
    "journey",
    "route",
    "routes",
    "road",
    "way",
    "ferry",
    "ferries",
    "bus",
    "buses",
    "train",
    "trains",
    "drive",
    "back",
    "visitors",
    "tourists",
    "refugees",
    "migrants",
    "crossed",
    "crossing",
    "transferred",
    "expelled",
    "smuggled",
    "shipped",
    "exported",
    "imported",
];

/// Prepositions that confirm a place the gazetteer knows but would not
/// take on its own (`studied at Basel`, `from Cleveland`, `to Boston`).
const CONFIRMING: &[&str] = &["at", "from", "to", "into", "via", "around", "along"];

/// `in Mosul`, `moved to Basel`; and for a name the gazetteer knows
/// (`known`), `at`, `from`, `to` too. Not `in Smith's house`.
pub fn locative(cx: &DocContext, s: usize, e: usize, known: bool) -> bool {
    let owner = cx
        .toks
        .get(e)
        .and_then(|t| t.punct())
        .is_some_and(|c| matches!(c, '\'' | '\u{2019}' | ':'));
    if owner || s == 0 || !cx.toks[s - 1].is_word() {
        return false;
    }
    // `in the Chathams`: one article between, and then the name is not a
    // modifier of a noun after it (`in the Bernoulli family`).
    let mut p = s - 1;
    if word_at(cx, p) == "the" && p >= 1 && cx.toks[p - 1].is_word() {
        let modifier = cx.toks.get(e).is_some_and(|t| {
            t.is_word() && !t.cap() && (!t.in_lex(PLACE | COMMON) || t.is(cx.text, "of"))
        });
        if modifier {
            return false;
        }
        p -= 1;
    }
    let t = &cx.toks[p];
    if t.cap() || t.end - t.start > 10 {
        return false;
    }
    let prep = word_at(cx, p);
    if LOCATIVE.contains(&prep) || (known && CONFIRMING.contains(&prep)) {
        return true;
    }
    if from_to(cx, p, e) {
        return true;
    }
    if prep == "at" && venue(cx, p) {
        return true;
    }
    // `born at Stridon`, `buried at X`: where a life happened.
    if prep == "at"
        && p >= 1
        && matches!(
            word_at(cx, p - 1),
            "born" | "died" | "buried" | "baptised" | "baptized" | "raised" | "settled"
        )
    {
        return true;
    }
    if !matches!(prep, "to" | "from" | "into" | "through") {
        return false;
    }
    // The verb of going right before, or a few words back in the same
    // clause (`travelled with Bonosus to Gaul`, `a journey through Thrace`).
    let motion = |k: usize| {
        let t = &cx.toks[k];
        t.is_word() && super::lexicon::with_lower(t.text(cx.text), |w| MOTION.contains(&w))
    };
    (1..=4)
        .take_while(|&back| back <= p && cx.toks[p - back].is_word())
        .any(|back| motion(p - back))
}

/// What a match report says before its ground: a result, a score, the
/// match itself (`won 2-0 at Anfield`, `the derby at Goodison`).
const MATCH_WORDS: &[&str] = &[
    "won",
    "lost",
    "drew",
    "beat",
    "played",
    "draw",
    "defeat",
    "win",
    "victory",
    "match",
    "game",
    "final",
    "fixture",
    "derby",
    "clash",
    "tie",
    "semi-final",
    "home",
    "away",
];

/// `at` at `p` closes a few words about a match (`Liverpool won 2-0 at
/// Anfield`, `the derby at Goodison`): what follows is its ground, a place
/// the gazetteer has no reason to know (a name after `at` is as often a
/// company's: `works at Google`).
fn venue(cx: &DocContext, p: usize) -> bool {
    let toks = cx.toks;
    (1..=5)
        .take_while(|&back| back <= p && !toks[p + 1 - back].sent())
        .any(|back| {
            let k = p - back;
            let t = &toks[k];
            let score = t.kind() == super::token::Tok::Num
                && toks
                    .get(k + 1)
                    .is_some_and(|d| d.punct() == Some('-') && !d.space())
                && toks
                    .get(k + 2)
                    .is_some_and(|n| n.kind() == super::token::Tok::Num && !n.space());
            score || (t.is_word() && !t.cap() && MATCH_WORDS.contains(&t.text(cx.text)))
        })
}

/// A route: `from X to Y`, `from X via Y`; the preposition before the
/// name is at `p`, the name ends at `e`.
fn from_to(cx: &DocContext, p: usize, e: usize) -> bool {
    let toks = cx.toks;
    let name_at = |k: usize| toks.get(k).is_some_and(|t| t.is_word() && t.cap());
    match word_at(cx, p) {
        "from" => {
            let k = e;
            toks.get(k)
                .is_some_and(|t| t.is(cx.text, "to") || t.is(cx.text, "via"))
                && (name_at(k + 1)
                    || (toks.get(k + 1).is_some_and(|t| t.is(cx.text, "the")) && name_at(k + 2)))
        }
        "to" | "via" => {
            // Back over the names before: `from Sana'a via`, `from
            // Singapore and India to`.
            let mut k = p;
            while k > 0
                && (toks[k - 1].cap()
                    || (!toks[k - 1].is_word()
                        && !toks[k - 1].space()
                        && k >= 2
                        && toks[k - 2].cap())
                    || (k >= 2
                        && toks[k - 2].cap()
                        && k < p
                        && (toks[k - 1].is(cx.text, "and") || toks[k - 1].punct() == Some(','))))
                && p - k < 8
            {
                k -= 1;
            }
            k < p && k >= 1 && toks[k - 1].is(cx.text, "from")
                || (k < p
                    && k >= 2
                    && toks[k - 1].is(cx.text, "the")
                    && toks[k - 2].is(cx.text, "from"))
        }
        _ => false,
    }
}

/// `Coron is a town`, `Basel is the third largest city`, `X lies on the
/// coast`: a name defined as a place by the sentence it opens.
pub fn defined_as_place(cx: &DocContext, e: usize) -> bool {
    let toks = cx.toks;
    let Some(verb) = toks
        .get(e)
        .filter(|t| t.is_word() && !t.cap() && (2..=5).contains(&(t.end - t.start)))
    else {
        return false;
    };
    let v = verb.text(cx.text);
    if matches!(v, "lies" | "lay")
        || (matches!(v, "is" | "was") && {
            toks.get(e + 1)
                .is_some_and(|t| matches!(t.text(cx.text), "located" | "situated"))
        })
    {
        return true;
    }
    if !matches!(v, "is" | "was" | "are" | "were") {
        return false;
    }
    let Some(det) = toks.get(e + 1).filter(|t| t.is_word()) else {
        return false;
    };
    if !matches!(det.text(cx.text), "a" | "an" | "the") {
        return false;
    }
    // Up to four lowercase words, the last a place word (`a culturally
    // diverse city`); never past `of` (`the capital of X` names X).
    for k in e + 2..(e + 6).min(toks.len()) {
        let t = &toks[k];
        if !t.is_word() || t.cap() {
            return false;
        }
        let w = t.text(cx.text);
        if w == "of" {
            return false;
        }
        if t.in_lex(CUE_PLACE) {
            return toks.get(k + 1).is_none_or(|n| !n.is(cx.text, "of"));
        }
    }
    false
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

/// Names listed together are alike: in a list (`X, Y and Z`, `X or Y`,
/// `X & Y`) holding a town or region, or a name the text puts somewhere,
/// and no person or organisation, a name with nothing else to go on is a
/// place too (`in Svendborg or Faaborg`, `Tempe & Mesa`). A state in the
/// list says nothing: states are listed with organisations (`Hamas, Fatah
/// and Jordan`).
pub fn lists(cx: &DocContext, cands: &mut [Cand]) {
    let mut start = 0;
    while start < cands.len() {
        let mut end = start + 1;
        while end < cands.len()
            && listed(cx, cands[end - 1].toks.end, cands[end].toks.start)
            && !apposition(cx, &cands[end - 1], &cands[end])
        {
            end += 1;
        }
        let list = &cands[start..end];
        let place = |c: &Cand| {
            c.kind == EntityKind::Place
                && (c.cued
                    || c.place
                        .is_some_and(|p| matches!(p.class, PlaceClass::City | PlaceClass::Region)))
        };
        // A lone given name among places is a town that shares it
        // (`Chandler, and Gilbert`), when two others at least are places
        // and nothing titles it (`Mr`, `President`).
        let places = list.iter().filter(|c| place(c)).count();
        let lone_given = |c: &Cand| {
            places >= 2
                && c.toks.len() == 1
                && c.evidence <= Evidence::Weak
                && gaz::given_name(word_at(cx, c.toks.start))
                && c.toks.start >= 1
                && !cx.toks[c.toks.start - 1].in_lex(TITLE)
        };
        let decided_actor = |c: &Cand| {
            c.kind == EntityKind::Actor
                && (c.person || c.agent || c.evidence > Evidence::Default)
                && !lone_given(c)
        };
        if end - start >= 2 && places > 0 && !list.iter().any(decided_actor) {
            for c in &mut cands[start..end] {
                // Only this mention: a list is weaker evidence than a
                // preposition, and casts no vote for the name elsewhere.
                // A name owning what follows (`Texas A&M's department`)
                // heads a phrase of its own.
                let owner = cx
                    .toks
                    .get(c.toks.end)
                    .and_then(Token::punct)
                    .is_some_and(|p| p == '\'' || p == '\u{2019}');
                let lone = lone_given(c);
                if c.kind == EntityKind::Actor
                    && (lone
                        || (c.evidence == Evidence::Default
                            && !c.person
                            && !gaz::given_name(word_at(cx, c.toks.start))))
                    && !owner
                {
                    c.kind = EntityKind::Place;
                    c.evidence = Evidence::Weak;
                    c.person = false;
                }
            }
        }
        start = end;
    }
}

/// `Jürgen Klopp, Liverpool's manager`: after a comma alone, a name that
/// owns what follows says who the one before is, no second member.
fn apposition(cx: &DocContext, a: &Cand, b: &Cand) -> bool {
    let comma = b.toks.start == a.toks.end + 1 && cx.toks[a.toks.end].punct() == Some(',');
    comma
        && cx
            .toks
            .get(b.toks.end)
            .and_then(Token::punct)
            .is_some_and(|p| p == '\'' || p == '\u{2019}')
}

/// Only a list's glue between two names: `,`, `and`, `or`, `&`, `, and`.
fn listed(cx: &DocContext, a_end: usize, b_start: usize) -> bool {
    let between = cx.toks.get(a_end..b_start).unwrap_or(&[]);
    let glue = |t: &Token| {
        t.punct().is_some_and(|c| c == ',' || c == '&')
            || (t.is_word() && matches!(t.text(cx.text), "and" | "or"))
    };
    !between.is_empty() && between.len() <= 2 && between.iter().all(glue)
}

/// Third-person personal pronouns: a text about people uses them often.
fn personal_pronoun(cx: &DocContext, t: &Token) -> bool {
    t.is_word()
        && (2..=3).contains(&(t.end - t.start))
        && matches!(
            word_at_tok(cx, t),
            "he" | "she" | "his" | "her" | "him" | "He" | "She" | "His" | "Her"
        )
}

fn word_at_tok<'t>(cx: &DocContext<'t>, t: &Token) -> &'t str {
    t.text(cx.text)
}

/// A text about places rather than people (a travel guide, a geography):
/// its names the gazetteer or the words around type are mostly places, and
/// it seldom says he or she. There, a name with nothing else to go on is
/// more likely a place than an actor.
fn about_places(cx: &DocContext, cands: &[Cand]) -> bool {
    let (mut places, mut actors) = (0usize, 0usize);
    for c in cands {
        match c.kind {
            EntityKind::Place if c.evidence > Evidence::Default => places += 1,
            // A people named by one word (`the Maya`, `Viking trade`) is
            // what a guide's history tells of, not someone it is about.
            // Nor is a business a listing names (`Blue Bike, Korenmarkt 10,
            // +32 9 241 22 24`): a guide lists many, and stays a guide.
            EntityKind::Actor
                if (c.person || c.agent || c.evidence > Evidence::Default)
                    && !(c.toks.len() == 1 && cx.toks[c.toks.start].in_lex(GROUP))
                    && !(c.agent && super::business::listing(cx, c.toks.start, c.toks.end)) =>
            {
                actors += 1
            }
            _ => {}
        }
    }
    // A guide says so by its headings (`Get in`, `Eat`, `Go next`),
    // however many carriers and firms it names.
    if places < 8 || (places < actors * 5 / 2 && !super::business::guide_headings(cx)) {
        return false;
    }
    let mut words = 0usize;
    let mut pronouns = 0usize;
    let mut reported = 0usize;
    for t in cx.toks {
        if t.is_word() {
            words += 1;
            if personal_pronoun(cx, t) {
                pronouns += 1;
            } else if !t.cap() && super::classify::ATTRIBUTION.contains(&word_at_tok(cx, t)) {
                reported += 1;
            }
        }
    }
    // Reported speech (`said`, `told`: three in a thousand words and more)
    // is news about people, however many places it names; a guide seldom
    // says anyone said anything.
    let reports = reported >= 2 && reported * 1000 >= words * 3;
    pronouns * 100 < words && !reports
}

/// In a text about places, a name with nothing to go on (no cue, no head
/// word, no given name, not an acronym) is a place: `Hadibo`, `Rekohu`,
/// the towns and islands a guide names without saying what they are.
pub fn places_by_default(cx: &DocContext, cands: &mut [Cand]) {
    if !about_places(cx, cands) {
        return;
    }
    for c in cands.iter_mut() {
        let first = &cx.toks[c.toks.start];
        if c.kind == EntityKind::Actor
            && c.evidence == Evidence::Default
            && !c.person
            && !c.agent
            && !first.upper()
            && c.country.is_none()
            && !gaz::given_name(word_at(cx, c.toks.start))
            && !(c.place.is_none() && peoples_plural(word_at(cx, c.toks.end - 1)))
        {
            c.kind = EntityKind::Place;
            c.evidence = Evidence::Weak;
        }
    }
}

/// `Gozitans`, `Phoenicians`, `Safavids`, `Israelites`: the endings
/// English names peoples and dynasties with. A guide's history tells what
/// they did; few towns or islands the gazetteer does not know end so.
/// (Not `-ers`: `Gent-Sint-Pieters` is a station, `Flanders` a region.)
fn peoples_plural(w: &str) -> bool {
    w.len() > 5
        && ["ans", "ids", "ites"].iter().any(|end| {
            w.strip_suffix(end)
                .and_then(|stem| stem.chars().next_back())
                .is_some_and(char::is_lowercase)
        })
}
