//! A state or capital as actor when it acts, as place when it is where.
//!
//! `Russia rejected`, `Moscow has retained`, `Turkey – which backs`,
//! `accused Russia of`, `Russia's proposal` make actors; `in Syria`,
//! `Syria's Idlib province`, `Antakya, Turkey` stay places. Coordinated
//! names share the role (`Assad allies Russia and Iran`). Only states,
//! capitals and continents the gazetteer knows are touched.
//!
//! Depends on tokens, lexicons, the gazetteer view and candidates.

use std::sync::LazyLock;

use super::EntityKind;
use super::classify::Cand;
use super::context::DocContext;
use super::gaz::PlaceClass;
use super::lexicon::{FastSet, PLACE, with_lower};

struct Cues {
    after: FastSet<&'static str>,
    before: FastSet<&'static str>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut cues = Cues {
        after: FastSet::default(),
        before: FastSet::default(),
    };
    for line in include_str!("../../assets/lexicon/agent_cues.txt").lines() {
        if let Some(w) = line.strip_prefix("after:") {
            cues.after.insert(w.trim());
        } else if let Some(w) = line.strip_prefix("before:") {
            cues.before.insert(w.trim());
        }
    }
    cues
});

/// Adverbs that may stand between a subject and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "currently",
    "still",
    "now",
    "already",
    "reportedly",
    "recently",
    "then",
    "later",
    "never",
    "always",
    "again",
    "has",
    "have",
    "had",
    "not",
];

/// Parts of a state after a possessive: `Syria's north` is a place.
const AREAS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "interior",
    "outskirts",
    "capital",
    "coast",
    "coastline",
    "borders",
    "heartland",
    "countryside",
    "territory",
    "airspace",
    "waters",
];

/// What a place has rather than does, after a possessive: `Cuba's
/// economy`, `Athens' history` keep the place a place.
const ATTRIBUTES: &[&str] = &[
    "economy",
    "history",
    "population",
    "climate",
    "landscape",
    "landscapes",
    "culture",
    "geography",
    "architecture",
    "heritage",
    "cuisine",
    "tourism",
    "infrastructure",
    "cities",
    "towns",
    "villages",
    "streets",
    "roads",
    "beaches",
    "islands",
    "mountains",
    "rivers",
    "lakes",
    "parks",
    "museums",
    "people",
    "residents",
    "inhabitants",
    "citizens",
    "skyline",
    "suburbs",
    "neighbourhoods",
    "neighborhoods",
    "hospitals",
    "schools",
];

/// `Europe's largest`, `Syria's first`: a rank among places, not an act.
fn superlative(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("est"))
        || matches!(w, "first" | "second" | "third" | "last" | "most" | "only")
}

fn can_act(c: &Cand) -> bool {
    c.place.is_some_and(|p| {
        matches!(p.class, PlaceClass::Country | PlaceClass::Continent) || p.capital
    })
}

/// Turns acting states into actors.
pub fn assign(cx: &DocContext, cands: &mut [Cand]) {
    for i in 0..cands.len() {
        if i > 0 && hometown(cx, &cands[i - 1], &cands[i]) {
            // `Anna Roe of Denver said`: the person speaks, the town is
            // where she is from.
            let c = &mut cands[i];
            c.kind = EntityKind::Place;
            c.cued = true;
            continue;
        }
        let c = &mut cands[i];
        if c.kind == EntityKind::Place && ((can_act(c) && acts(cx, c)) || plays(cx, c)) {
            c.kind = EntityKind::Actor;
        }
    }
    // Coordination shares the role: `X and Y`, `X or Y`, `X, Y and Z`.
    for _ in 0..3 {
        let mut changed = false;
        for i in 0..cands.len().saturating_sub(1) {
            let (a, b) = (&cands[i], &cands[i + 1]);
            let mixed = (a.kind == EntityKind::Actor) != (b.kind == EntityKind::Actor);
            // `China, India and the United States`: a comma joins a list
            // that an `and` ends right after.
            let listed = || {
                comma_only(cx, a.range.end, b.toks.start)
                    && cands
                        .get(i + 2)
                        .is_some_and(|c| coordinated(cx, b.range.end, c.toks.start))
            };
            if !mixed || !(coordinated(cx, a.range.end, b.toks.start) || listed()) {
                continue;
            }
            if a.kind == EntityKind::Actor && b.kind == EntityKind::Place && can_act(b) {
                cands[i + 1].kind = EntityKind::Actor;
                changed = true;
            } else if b.kind == EntityKind::Actor && a.kind == EntityKind::Place && can_act(a) {
                cands[i].kind = EntityKind::Actor;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// `Anna Roe of Denver`, `Carlo Benedetti, of Italy,`: a place the
/// gazetteer knows right after a person's name and `of` is where the person
/// is from (a name it does not know may be a body: `Nick Rhodes of Duran
/// Duran`).
fn hometown(cx: &DocContext, person: &Cand, c: &Cand) -> bool {
    if c.place.is_none() || person.kind != EntityKind::Actor {
        return false;
    }
    let words = (person.toks.start..person.toks.end)
        .filter(|&k| cx.toks[k].is_word())
        .count();
    let shaped = person.person
        || (words >= 2 && super::gaz::given_name(cx.toks[person.toks.start].text(cx.text)));
    if !shaped || c.toks.start < person.toks.end + 1 {
        return false;
    }
    let between = &cx.toks[person.toks.end..c.toks.start];
    match between {
        [of] => of.is(cx.text, "of"),
        [comma, of] => comma.punct() == Some(',') && of.is(cx.text, "of"),
        _ => false,
    }
}

/// What a team does in a match report, after its name: a club named by
/// its town (`Liverpool beat Real Madrid`, `Manchester City won 3-0`,
/// `Liverpool have won it six times`) plays, where a town would not. Not
/// `draws` or `faces`: a town draws visitors and faces floods.
const MATCH_VERBS: &[&str] = &[
    "beat",
    "beats",
    "won",
    "win",
    "wins",
    "lost",
    "lose",
    "loses",
    "defeated",
    "thrashed",
    "edged",
    "trailed",
    "equalised",
    "equalized",
    "scored",
    "conceded",
    "clinched",
];

/// The words before a team's name in a match report (`beat Liverpool`,
/// `against Manchester City`). Not `face`: rooms face a lake.
const MATCH_OBJECTS: &[&str] = &[
    "beat",
    "beating",
    "defeated",
    "defeating",
    "thrashed",
    "edged",
    "against",
    "versus",
    "vs",
];

/// Who a club has and who follow it, after its name (`a Liverpool player`,
/// `Liverpool manager Arne Slot`, `Liverpool supporters`): the name is the
/// club's, not the town's.
const SQUAD: &[&str] = &[
    "player",
    "players",
    "manager",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "captain",
    "squad",
    "fans",
    "supporters",
    "boss",
];

/// A place's name used for the club that plays for it: a match verb after
/// it (past the adverbs of [`ADVERBS`]), a verb of playing against it
/// before it, or one of its squad after it. By the guideline a team that
/// plays is an actor (`Sweden faced South Korea`); any place's name may
/// be a club's, so the gazetteer's class does not matter.
fn plays(cx: &DocContext, c: &Cand) -> bool {
    let toks = cx.toks;
    let text = cx.text;
    if c.toks.start > 0 {
        let p = &toks[c.toks.start - 1];
        if p.is_word() && !p.cap() && MATCH_OBJECTS.contains(&p.text(text)) {
            return true;
        }
    }
    if plays_for(cx, c.toks.start) {
        return true;
    }
    let start = c.toks.end;
    after_adverbs(cx, start, |k, w| {
        (MATCH_VERBS.contains(&w) || (k == start && SQUAD.contains(&w)) || score_at(cx, k + 1))
            .then_some(true)
    })
}

/// What a player does for a club (`scored for Madrid`, `signed for
/// Chelsea`): the name after `for` is the club's, not the town's.
const PLAYED_FOR: &[&str] = &[
    "scored",
    "scores",
    "equalised",
    "equalized",
    "played",
    "plays",
    "playing",
    "signed",
    "netted",
    "starred",
    "debuted",
    "appeared",
];

/// `equalised for Madrid`, `played for the Lions`: a player's verb and
/// `for` (and `the`) before the name at `s`.
fn plays_for(cx: &DocContext, s: usize) -> bool {
    let toks = cx.toks;
    let mut k = s;
    if k >= 1 && toks[k - 1].is(cx.text, "the") {
        k -= 1;
    }
    k >= 2
        && toks[k - 1].is(cx.text, "for")
        && toks[k - 2].is_word()
        && PLAYED_FOR.contains(&toks[k - 2].text(cx.text))
}

/// A score starts at `k` (`2-0`, `1-1`): after a name and its verb
/// (`Liverpool drew 1-1`), the name is a team's.
fn score_at(cx: &DocContext, k: usize) -> bool {
    let toks = cx.toks;
    let num = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.kind() == super::token::Tok::Num && t.end - t.start <= 2)
    };
    num(k)
        && toks[k].space()
        && toks
            .get(k + 1)
            .is_some_and(|d| matches!(d.punct(), Some('-' | '\u{2013}')) && !d.space())
        && num(k + 2)
        && !toks[k + 2].space()
}

/// Reads the lowercase words from `k` on, past up to two of [`ADVERBS`]:
/// `test` gives the verdict on a word (`None` reads on when the word is an
/// adverb); a capital, punctuation or a third adverb ends it `false`.
fn after_adverbs(
    cx: &DocContext,
    mut k: usize,
    mut test: impl FnMut(usize, &str) -> Option<bool>,
) -> bool {
    let mut skipped = 0;
    while let Some(t) = cx.toks.get(k) {
        if !t.is_word() || t.cap() {
            return false;
        }
        let w = t.text(cx.text);
        if let Some(verdict) = test(k, w) {
            return verdict;
        }
        if skipped < 2 && ADVERBS.contains(&w) {
            skipped += 1;
            k += 1;
            continue;
        }
        return false;
    }
    false
}

/// Only `and`/`or` between them (`X, Y` is too often `City, Country`).
fn coordinated(cx: &DocContext, a_end: usize, b_start: usize) -> bool {
    let mut from = b_start;
    while from > 0 && from + 3 > b_start && cx.toks[from - 1].start as usize >= a_end {
        from -= 1;
    }
    let mut between = &cx.toks[from..b_start];
    // `Russia and the United States`.
    if let [rest @ .., the] = between
        && !rest.is_empty()
        && the.is(cx.text, "the")
    {
        between = rest;
    }
    match between {
        [t] => {
            let w = t.text(cx.text);
            matches!(w, "and" | "or")
        }
        [c, t] => c.punct() == Some(',') && matches!(t.text(cx.text), "and" | "or"),
        _ => false,
    }
}

/// Only a comma between two names (`China, India`).
fn comma_only(cx: &DocContext, a_end: usize, b_start: usize) -> bool {
    match cx.toks.get(b_start.wrapping_sub(1)) {
        Some(c) if b_start >= 1 => {
            c.punct() == Some(',') && c.start as usize >= a_end && {
                let before = b_start - 1;
                before == 0 || (cx.toks[before - 1].end as usize) <= a_end
            }
        }
        _ => false,
    }
}

fn acts(cx: &DocContext, c: &Cand) -> bool {
    let toks = cx.toks;
    let text = cx.text;
    // The word before: `accused Russia`, `allies Russia`.
    if c.toks.start > 0 {
        let p = &toks[c.toks.start - 1];
        if p.is_word() && with_lower(p.text(text), |w| CUES.before.contains(w)) {
            return true;
        }
        // `I call on China to do its part`, `called on Russia`.
        if p.is(text, "on")
            && c.toks.start >= 2
            && matches!(
                toks[c.toks.start - 2].text(text),
                "call" | "calls" | "called" | "calling"
            )
        {
            return true;
        }
    }
    let k = c.toks.end;
    let Some(next) = toks.get(k) else {
        return false;
    };
    // `Russia's proposal` acts; `Syria's Idlib province` is a place.
    if matches!(next.punct(), Some('\'' | '\u{2019}')) {
        let after = toks.get(k + 1);
        return after.is_some_and(|a| {
            let w = a.text(text);
            a.is_word()
                && !a.cap()
                && !a.in_lex(PLACE)
                && !AREAS.contains(&w)
                && !ATTRIBUTES.contains(&w)
                && !superlative(w)
        });
    }
    // `Turkey – which backs`, `Turkey, which`.
    if matches!(next.punct(), Some('\u{2013}' | '\u{2014}' | ',')) {
        return toks
            .get(k + 1)
            .is_some_and(|a| matches!(a.text(text), "which" | "who"));
    }
    // `Officials in Moscow said`: a name after a preposition of place is
    // where the subject is, not the subject of the verb after it.
    if c.toks.start > 0
        && matches!(
            toks[c.toks.start - 1].text(text),
            "in" | "at" | "from" | "near" | "inside" | "outside"
        )
    {
        return false;
    }
    after_adverbs(cx, k, |k, w| {
        // `Kenya is home to`, `X was part of`: a copula that says where or
        // what a place is, not what a state does.
        if matches!(w, "is" | "was")
            && toks.get(k + 1).is_some_and(|n| {
                matches!(
                    n.text(text),
                    "home"
                        | "located"
                        | "situated"
                        | "bordered"
                        | "surrounded"
                        | "landlocked"
                        | "mountainous"
                        | "part"
                        | "famous"
                        | "known"
                        | "rich"
                )
            })
        {
            return Some(false);
        }
        (CUES.after.contains(w) || (w.len() > 4 && w.ends_with("ed"))).then_some(true)
    })
}
