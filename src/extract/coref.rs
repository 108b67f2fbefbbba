//! Document-level work: propagate kinds, bind acronyms and surnames, and
//! group mentions into entities.
//!
//! - A name typed by a strong cue once keeps that kind everywhere (`Hama
//!   province` makes every `Hama` a place).
//! - `Syrian Observatory for Human Rights (SOHR)`: the acronym takes the long
//!   form's kind and entity.
//! - `Mevlut Cavusoglu` then `Cavusoglu`: one entity, the fullest name.
//! - `the Russians` joins `Russia`.
//!
//! Depends on candidates and numbers; produces the public [`Entities`].

use std::ops::Range;

use super::classify::{Cand, Evidence};
use super::context::DocContext;
use super::hashed::HashIndex;
use super::lexicon::{FastMap, ORG, PLACE, fold_hash, fold_hash_ascii_at};
use super::numbers::NumberSpan;
use super::{Entities, Entity, EntityKind, Mention};

/// Binds acronyms, surnames and repeated names; `reps[i]` is the candidate
/// whose name stands for candidate `i`'s entity (itself when unbound).
pub fn resolve(cx: &DocContext, cands: &mut [Cand]) -> Vec<usize> {
    let text = cx.text;
    let mut keys: Vec<usize> = (0..cands.len()).collect();
    // Acronyms defined in parentheses right after their long form.
    let mut acronyms: FastMap<&str, usize> = FastMap::default();
    for i in 0..cands.len().saturating_sub(1) {
        let (a, b) = (&cands[i], &cands[i + 1]);
        let b_tok = &cx.toks[b.toks.start];
        if b.toks.len() == 1
            && b_tok.upper()
            && b.toks.start == a.toks.end + 1
            && cx.toks[a.toks.end].punct() == Some('(')
            && cx.toks.get(b.toks.end).and_then(|t| t.punct()) == Some(')')
            // `LIMA, Peru (AP) —`: after a dateline the parentheses hold
            // the agency that filed the story, not the place's acronym.
            && !cx.in_dateline(a.range.start)
        {
            acronyms.insert(b_tok.text(text), i);
        }
    }
    // Strongest kind per surface form: each name hashed once, its slot in
    // `best` remembered for the pass below.
    let mut slot_of: FastMap<&str, u32> = FastMap::with_capacity_and_hasher(
        cands.len().min(super::context::DISTINCT_CAP),
        Default::default(),
    );
    let mut best: Vec<(Evidence, EntityKind)> = Vec::with_capacity(cands.len());
    // A name the text puts somewhere (`in X`, `the town of X`) at least
    // once: a place, not a surname, wherever else it stands alone.
    let mut cued: Vec<bool> = Vec::with_capacity(cands.len());
    // Per name, how many of its mentions the words around put somewhere
    // and how many act by name (`X said`, `members of X`): the name's kind
    // from all its contexts, not its first.
    let mut votes: Vec<(u16, u16)> = Vec::with_capacity(cands.len());
    let mut slots: Vec<u32> = Vec::with_capacity(cands.len());
    for c in cands.iter() {
        let name = &text[c.range.clone()];
        let next = best.len() as u32;
        let slot = *slot_of.entry(name).or_insert(next);
        if slot == next {
            best.push((c.evidence, c.kind));
            cued.push(false);
            votes.push((0, 0));
        }
        let v = &mut votes[slot as usize];
        if c.cued && c.kind == EntityKind::Place {
            v.0 = v.0.saturating_add(1);
        } else if c.agent && c.kind == EntityKind::Actor {
            v.1 = v.1.saturating_add(1);
        }
        let e = &mut best[slot as usize];
        if c.evidence > e.0 {
            *e = (c.evidence, c.kind);
        }
        slots.push(slot);
    }
    drop(slot_of);
    for (slot, &(places, agents)) in votes.iter().enumerate() {
        cued[slot] = places > agents;
        // Cues outvote each other; a list's word or a default follows.
        let (ev, _) = best[slot];
        if ev < Evidence::Strong && places + agents > 0 {
            let kind = if places > agents {
                EntityKind::Place
            } else {
                EntityKind::Actor
            };
            best[slot] = (Evidence::Weak, kind);
        }
    }
    // Surnames of people named in full.
    let mut surnames: FastMap<&str, usize> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        let words = (c.toks.start..c.toks.end)
            .filter(|&k| cx.toks[k].is_word())
            .count();
        let last = &cx.toks[c.toks.end - 1];
        let head = last.in_lex(ORG | PLACE);
        if c.kind == EntityKind::Actor
            && (2..=4).contains(&words)
            && last.space()
            && !head
            && !last.upper()
            && c.country.is_none()
            && person_like(cx, c)
        {
            surnames.entry(last.text(text)).or_insert(i);
        }
    }
    // Companies named with their legal form (`Vale SA`, `Acme Ltd`): the
    // name without it is the same company (`Shares in Vale fell`).
    let mut companies: FastMap<&str, usize> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        let last = &cx.toks[c.toks.end - 1];
        if c.kind == EntityKind::Actor
            && c.toks.len() >= 2
            && LEGAL_FORMS.contains(&last.text(text))
            && let Some(stem_end) = (c.toks.start..c.toks.end - 1)
                .rev()
                .find(|&k| cx.toks[k].is_word())
        {
            let stem = &text[c.range.start..cx.toks[stem_end].end as usize];
            companies.entry(stem).or_insert(i);
        }
    }
    for i in 0..cands.len() {
        let name = &text[cands[i].range.clone()];
        if let Some(&j) = acronyms.get(name)
            && j != i
        {
            cands[i].kind = cands[j].kind;
            keys[i] = keys[j];
            continue;
        }
        if let Some(&j) = companies.get(name) {
            cands[i].kind = EntityKind::Actor;
            cands[i].place = None;
            keys[i] = keys[j];
            continue;
        }
        if cands[i].toks.len() == 1
            && let Some(&j) = surnames.get(name)
            && j != i
            && cands[i].evidence < Evidence::Strong
            && !cued[slots[i] as usize]
            && (cands[i].place.is_none() || cands[j].person)
        {
            cands[i].kind = EntityKind::Actor;
            cands[i].place = None;
            keys[i] = keys[j];
            continue;
        }
        // A lone capitalised word the article also writes in lowercase, with
        // nothing else marking it, is a common word (`If Iodine deficiency`).
        let t = &cx.toks[cands[i].toks.start];
        if cands[i].toks.len() == 1
            && cands[i].evidence == Evidence::Default
            && !t.upper()
            && cands[i].range.end == t.end as usize
            && cx.lower_seen(t)
        {
            cands[i].dropped = true;
        }
        let (ev, kind) = best[slots[i] as usize];
        let fixed_role = cands[i].place.is_some_and(|p| !p.needs_cue) && ev < Evidence::Strong;
        let outvoted =
            ev == Evidence::Weak && cands[i].evidence == Evidence::Weak && !cands[i].person;
        if (ev > cands[i].evidence || outvoted) && !fixed_role {
            cands[i].kind = kind;
        }
    }
    keys
}

/// Legal forms written after a company's name.
const LEGAL_FORMS: &[&str] = &[
    "SA", "S.A.", "AG", "GmbH", "NV", "N.V.", "BV", "SpA", "S.p.A.", "AB", "ASA", "Oyj", "SE",
    "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "Corp", "Corp.", "Co.", "Pty", "Bhd",
];

/// A name that can be a person's: capitalised words only (no acronym, no
/// `of`, no head word anywhere), not ending in a state or region.
fn person_like(cx: &DocContext, c: &Cand) -> bool {
    let text = cx.text;
    let words_ok = cx.toks[c.toks.clone()].iter().all(|t| {
        !t.is_word()
            || (t.cap() && !t.upper() && !t.in_lex(ORG | PLACE))
            || super::names::is_particle(text, t)
    });
    let last = cx.toks[c.toks.end - 1].text(text);
    words_ok && super::gaz::place(last).is_none_or(|p| p.class == super::gaz::PlaceClass::City)
}

/// Merges names and numbers into sorted, non-overlapping mentions and their
/// entities.
pub fn build(cx: &DocContext, cands: &[Cand], reps: &[usize], numbers: &[NumberSpan]) -> Entities {
    struct Raw<'a> {
        range: Range<usize>,
        kind: EntityKind,
        key: &'a str,
        /// `fold_hash(key)`, when a token already holds it.
        hash: Option<u64>,
        /// Where `key` starts in the text, when it is a piece of it (hashed
        /// in place there).
        at: Option<usize>,
        name: Option<&'a str>,
        coords: Option<(f32, f32)>,
    }
    let text = cx.text;
    let mut names: Vec<Raw> = Vec::with_capacity(cands.len());
    for (c, &rep) in cands.iter().zip(reps) {
        if c.dropped {
            continue;
        }
        let r = &cands[rep];
        // `Russia forces` is Russia acting: the state's entity, by its name.
        let owner = |c: &Cand| {
            c.place
                .is_some_and(|p| p.class == super::gaz::PlaceClass::Country)
                && c.range.end > cx.toks[c.toks.end - 1].end as usize
        };
        let state = owner(r).then(|| cx.span_text(r.toks.clone()));
        let key = r.country.or(state).unwrap_or(&text[r.range.clone()]);
        // A one-word name is keyed by its token's hash (the same value).
        let word = &cx.toks[r.toks.start];
        let hash = (r.country.is_none()
            && word.is_word()
            && word.start as usize == r.range.start
            && word.end as usize == r.range.end)
            .then_some(word.hash());
        names.push(Raw {
            range: c.range.clone(),
            kind: c.kind,
            key,
            hash,
            at: r.country.is_none().then_some(r.range.start),
            name: c
                .country
                .or_else(|| owner(c).then(|| cx.span_text(c.toks.clone()))),
            coords: c.place.map(|p| p.coords).filter(|c| c.0.is_finite()),
        });
    }
    let mut nums: Vec<Raw> = Vec::with_capacity(numbers.len());
    for n in numbers {
        let t = &text[n.range.clone()];
        nums.push(Raw {
            range: n.range.clone(),
            kind: EntityKind::Number,
            key: t,
            hash: None,
            at: Some(n.range.start),
            name: None,
            coords: None,
        });
    }
    // By start, the longer first; names before numbers on a tie. Both
    // lists come in text order: merged, not sorted (a stable sort of the
    // two together gives the same order).
    let order = |a: &Raw, b: &Raw| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
    };
    for list in [&mut names, &mut nums] {
        if !list.is_sorted_by(|a, b| order(a, b).is_le()) {
            list.sort_by(order);
        }
    }
    let total = names.len() + nums.len();
    // Names and numbers repeat: a few mentions per entity.
    let mut out = Entities {
        mentions: Vec::with_capacity(total),
        entities: Vec::with_capacity(total / 2),
    };
    // The fullest name of each entity so far, copied into it at the end:
    // one allocation per entity, however often a longer name comes.
    let mut fullest: Vec<&str> = Vec::with_capacity(total / 2);
    // Keys compare without case (`KANO` in a dateline is `Kano`): by
    // their fold hash, names in one index and numbers in another.
    let mut index = [
        HashIndex::with_capacity(names.len().min(super::context::DISTINCT_CAP)),
        HashIndex::with_capacity(nums.len().min(super::context::DISTINCT_CAP)),
    ];
    let mut folded: FastMap<&str, u64> = FastMap::default();
    let mut last_end = 0;
    // The two lists merged in place, by reference.
    let (mut a, mut b) = (0, 0);
    loop {
        let r = match (names.get(a), nums.get(b)) {
            (Some(x), Some(y)) if order(x, y).is_gt() => {
                b += 1;
                y
            }
            (Some(x), _) => {
                a += 1;
                x
            }
            (None, Some(y)) => {
                b += 1;
                y
            }
            (None, None) => break,
        };
        if r.range.start < last_end || r.range.is_empty() {
            continue;
        }
        last_end = r.range.end;
        let surface = &text[r.range.clone()];
        // Names group across actor and place (`Russia` acting and `Russia`
        // as a place are one entity, typed by its first mention).
        let group = usize::from(r.kind == EntityKind::Number);
        let next = out.entities.len();
        // Accented names are folded char by char: once per distinct key.
        let hash = r.hash.unwrap_or_else(|| {
            if r.key.is_ascii() {
                match r.at {
                    Some(at) => fold_hash_ascii_at(text.as_bytes(), at, at + r.key.len()),
                    None => fold_hash(r.key),
                }
            } else {
                *folded.entry(r.key).or_insert_with(|| fold_hash(r.key))
            }
        });
        let e = index[group].get_or_insert(hash, next as u32) as usize;
        if e == next {
            out.entities.push(Entity {
                name: String::new(),
                kind: r.kind,
                mentions: Vec::new(),
                coords: None,
            });
            fullest.push(r.name.unwrap_or(surface));
        }
        if r.name.is_none() && surface.len() > fullest[e].len() && r.kind != EntityKind::Number {
            fullest[e] = surface;
        }
        let entity = &mut out.entities[e];
        if entity.coords.is_none() && r.kind == EntityKind::Place {
            entity.coords = r.coords;
        }
        // Counted here, listed below: each list allocated once.
        out.mentions.push(Mention::new(r.range.clone(), r.kind, e));
    }
    // The reader keeps the result: no spare room left in it.
    out.entities.shrink_to_fit();
    let mut counts = vec![0usize; out.entities.len()];
    for m in &out.mentions {
        counts[m.entity()] += 1;
    }
    for ((entity, &n), name) in out.entities.iter_mut().zip(&counts).zip(fullest) {
        entity.mentions = Vec::with_capacity(n);
        entity.name = name.to_string();
    }
    for (i, m) in out.mentions.iter().enumerate() {
        out.entities[m.entity()].mentions.push(i);
    }
    type_by_majority(&mut out);
    out
}

/// A name met as actor and as place is typed by most of its mentions
/// (ties: actor, the role that says who did what).
pub(super) fn type_by_majority(out: &mut Entities) {
    for entity in &mut out.entities {
        if entity.kind == EntityKind::Number {
            continue;
        }
        let places = entity
            .mentions
            .iter()
            .filter(|&&m| out.mentions[m].kind() == EntityKind::Place)
            .count();
        entity.kind = if places * 2 > entity.mentions.len() {
            EntityKind::Place
        } else {
            EntityKind::Actor
        };
    }
}
