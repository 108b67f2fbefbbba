//! Digits that name or reach rather than count: roads (`I-44`, `US 169`,
//! `Route 66`, `the A64 eastbound`) and telephone numbers (`tel: 1 201
//! 461-1776`, `+44 20 7946 0958`, `(212) 555-0143`).
//!
//! A road is a place, and its digits no quantity. A telephone number's
//! groups are one number, not one per group. Found from how English writes them (a network's letters before
//! the number, a cue word or `+` before a phone, the 3-3-4 grouping of
//! North American numbers), not from a list of roads.
//!
//! Reads tokens only. Invariant: both lists are sorted token ranges that
//! never overlap.

use std::ops::Range;

use super::token::{Tok, Token, Tokens};

/// What [`find`] found, as token ranges.
#[derive(Debug, Default)]
pub struct Codes {
    /// A road's whole name: its network and number (`US 169`).
    pub roads: Vec<Range<usize>>,
    /// A telephone number: its digit groups (and extension).
    pub phones: Vec<Range<usize>>,
}

impl Codes {
    /// Whether token `i` lies in a road; `cursor` walks the list once when
    /// asked in increasing order of `i`.
    pub fn on_road(&self, i: usize, cursor: &mut usize) -> bool {
        while *cursor < self.roads.len() && self.roads[*cursor].end <= i {
            *cursor += 1;
        }
        self.roads.get(*cursor).is_some_and(|r| r.contains(&i))
    }

    /// The telephone number starting at token `i`.
    pub fn phone_at(&self, i: usize) -> Option<Range<usize>> {
        self.phones
            .binary_search_by_key(&i, |r| r.start)
            .ok()
            .map(|k| self.phones[k].clone())
    }
}

/// Networks written with a hyphen before the number (`I-44`, `SR-51`).
const HYPHENED: &[&str] = &["I", "US", "SR", "SH", "CR", "NH", "FM"];

/// Networks written before the number with a space (`Route 66`).
const SPACED: &[&str] = &[
    "Route",
    "Highway",
    "Hwy",
    "Interstate",
    "Autobahn",
    "Motorway",
    "Freeway",
    "US",
    "SR",
];

/// Words that make the network before them a state's or county's
/// (`State Route 1`, `County Road 12`).
const OWNERS: &[&str] = &["State", "County", "National", "Provincial", "Federal"];

/// Words after a British road's code that say it is a road (`the A64
/// eastbound`, `the M25 motorway`).
const ROAD_AFTER: &[&str] = &[
    "northbound",
    "southbound",
    "eastbound",
    "westbound",
    "motorway",
    "road",
    "junction",
    "carriageway",
    "bypass",
    "interchange",
];

/// Words before `the` and a British road's code that say one travels on
/// it (`take the M1`, `along the A1`).
const ROAD_BEFORE: &[&str] = &[
    "on",
    "onto",
    "off",
    "along",
    "via",
    "take",
    "took",
    "taking",
    "join",
    "joins",
    "joined",
    "joining",
    "leave",
    "leaving",
    "exit",
    "follow",
    "following",
    "use",
    "using",
];

/// Words whose digits after them are a telephone number.
pub(super) const PHONE_CUES: &[&str] = &[
    "tel",
    "telephone",
    "phone",
    "ph",
    "fax",
    "mobile",
    "cell",
    "hotline",
    "whatsapp",
];

/// Finds roads and telephone numbers among `all`'s numeric tokens.
pub fn find(text: &str, all: &Tokens) -> Codes {
    let toks = &all.toks[..];
    let mut codes = Codes::default();
    let mut next = 0;
    for &i in &all.numeric {
        let i = i as usize;
        if i < next {
            continue;
        }
        let t = toks[i];
        let found = match t.kind() {
            Tok::Num => phone(text, toks, i)
                .map(|r| (r, false))
                .or_else(|| road(text, toks, i).map(|r| (r, true))),
            Tok::Word if t.digit() && t.cap() => {
                british_road(text, toks, i, &codes.roads).map(|r| (r, true))
            }
            _ => None,
        };
        if let Some((range, is_road)) = found {
            // A road's network may start before the last code found ends
            // only if it is that code; keep the lists disjoint.
            if codes
                .roads
                .last()
                .into_iter()
                .chain(codes.phones.last())
                .any(|r| r.end > range.start)
            {
                continue;
            }
            let mut range = range;
            // `I-44 West`, `US-75 South`: the direction is part of the
            // road's name, as a sign writes it.
            if is_road
                && toks.get(range.end).is_some_and(|t| {
                    t.space()
                        && !t.brk()
                        && matches!(t.text(text), "North" | "South" | "East" | "West")
                })
            {
                range.end += 1;
            }
            next = range.end;
            if is_road {
                codes.roads.push(range);
            } else {
                codes.phones.push(range);
            }
        }
    }
    more_british_roads(text, all, &mut codes);
    codes
}

/// `word` is in `list` (lowercase), whatever its case; no allocation, as
/// this is asked before every number.
pub(super) fn one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn word<'t>(text: &'t str, toks: &[Token], k: usize) -> Option<&'t str> {
    toks.get(k).filter(|t| t.is_word()).map(|t| t.text(text))
}

fn digit_count(text: &str, t: &Token) -> usize {
    t.text(text).bytes().filter(u8::is_ascii_digit).count()
}

/// `I-44`, `US 169`, `Route 66`, `State Route 1`: the token range of the
/// road's name, the number at `i`.
fn road(text: &str, toks: &[Token], i: usize) -> Option<Range<usize>> {
    let n = &toks[i];
    let digits = digit_count(text, n);
    // Only a plain whole number, not one glued to more digits or letters.
    if digits != n.text(text).len() || digits > 4 || !n.space() && !hyphened(text, toks, i) {
        return None;
    }
    if hyphened(text, toks, i) {
        return Some(i - 2..i + 1);
    }
    let net = word(text, toks, i.checked_sub(1)?)?;
    if !SPACED.contains(&net) {
        return None;
    }
    // `the US 2020 election`: a year after a state's code is no road.
    if matches!(net, "US" | "SR") && digits > 3 {
        return None;
    }
    let mut start = i - 1;
    if start >= 1 && word(text, toks, start - 1).is_some_and(|w| OWNERS.contains(&w)) {
        start -= 1;
    }
    Some(start..i + 1)
}

/// `I-44`: the number at `i` hyphenated to a network's letters.
fn hyphened(text: &str, toks: &[Token], i: usize) -> bool {
    i >= 2
        && !toks[i].space()
        && toks[i - 1].punct() == Some('-')
        && !toks[i - 1].space()
        && word(text, toks, i - 2).is_some_and(|w| HYPHENED.contains(&w))
}

/// `the M1`, `the A64 eastbound`, `the A1(M)`: a British road's code, one
/// letter and one to four digits, after `the` where the words around say
/// it is a road (a road word after it, a verb of travel before it, or
/// another road just before it in a list). `the A380` alone stays a code.
fn british_road(
    text: &str,
    toks: &[Token],
    i: usize,
    found: &[Range<usize>],
) -> Option<Range<usize>> {
    if !british_shaped(toks[i].text(text)) || word(text, toks, i.checked_sub(1)?) != Some("the") {
        return None;
    }
    let mut end = i + 1;
    // `A1(M)`: the motorway stretch of a road.
    if toks
        .get(i + 1)
        .is_some_and(|t| t.punct() == Some('(') && !t.space())
        && word(text, toks, i + 2) == Some("M")
        && toks.get(i + 3).is_some_and(|t| t.punct() == Some(')'))
    {
        end = i + 4;
    }
    let after = word(text, toks, end).is_some_and(|a| ROAD_AFTER.contains(&a));
    let before = i >= 2 && word(text, toks, i - 2).is_some_and(|b| one_of(ROAD_BEFORE, b));
    // `the M1 all the way to the A64`, `the A59 and the M62`.
    let listed = found.last().is_some_and(|r| r.end <= i && i - r.end <= 8);
    (after || before || listed).then_some(i..end)
}

/// `A64`, `M1`, `A1M`: a letter of the network and a road's number.
fn british_shaped(w: &str) -> bool {
    let w = w.as_bytes();
    let digits = w.strip_suffix(b"M").unwrap_or(w);
    w.len() >= 2
        && w.len() <= 6
        && digits.len() >= 2
        && matches!(w[0], b'A' | b'M')
        && digits[1..].iter().all(u8::is_ascii_digit)
        && w[1] != b'0'
}

/// Once a text has named one British road by its code, the same codes
/// after `the` or in parentheses are roads too (`the A59 and the M62
/// provide`, `the Ring Road (A1237)`): a guide's or a traffic report's
/// roads, where the first one showed what its codes are.
fn more_british_roads(text: &str, all: &Tokens, codes: &mut Codes) {
    let toks = &all.toks[..];
    let british = |r: &Range<usize>| british_shaped(toks[r.start].text(text));
    if !codes.roads.iter().any(british) {
        return;
    }
    let mut more = Vec::new();
    let mut cursor = 0;
    for &i in &all.numeric {
        let i = i as usize;
        let t = toks[i];
        if t.kind() != Tok::Word || !t.digit() || !t.cap() || !british_shaped(t.text(text)) {
            continue;
        }
        let after_the = i >= 1 && word(text, toks, i - 1) == Some("the");
        let bracketed = i >= 1
            && toks[i - 1].punct() == Some('(')
            && toks.get(i + 1).and_then(Token::punct) == Some(')');
        if (after_the || bracketed) && !codes.on_road(i, &mut cursor) {
            more.push(i..i + 1);
        }
    }
    if !more.is_empty() {
        codes.roads.extend(more);
        codes.roads.sort_by_key(|r| r.start);
    }
}

/// A telephone number whose first digits are at `i`: after a cue (`tel:`,
/// `Phone`, `☎`, a `+`), or in the 3-3-4 groups of a North American
/// number (`201-592-4699`, `(212) 555-0143`). The range runs over the
/// digit groups and an extension (`x 80119`).
fn phone(text: &str, toks: &[Token], i: usize) -> Option<Range<usize>> {
    let cue = phone_cue(text, toks, i);
    let mut lens: [usize; 8] = [0; 8];
    let mut groups = 0;
    let mut joined = true;
    let mut j = i;
    let mut end = i;
    while j < toks.len() && groups < lens.len() {
        let t = &toks[j];
        if t.kind() != Tok::Num {
            break;
        }
        // Groups apart by a space belong together only after a cue.
        if groups > 0 && t.space() && toks[j - 1].kind() == Tok::Num {
            // A North American number's country code: `1 201-592-4699`.
            let country = groups == 1 && lens[0] == 1;
            if !cue && !country {
                break;
            }
            joined &= country;
        }
        lens[groups] = digit_count(text, t);
        groups += 1;
        end = j + 1;
        // A separator between two groups: `-`, `.`, `)` or `/`.
        match toks.get(j + 1).and_then(Token::punct) {
            Some('-' | '.' | '/' | ')')
                if toks.get(j + 2).is_some_and(|n| n.kind() == Tok::Num)
                    && !(toks[j + 1].punct() == Some('.') && toks[j + 2].space()) =>
            {
                j += 2;
            }
            _ => j += 1,
        }
    }
    let digits: usize = lens[..groups].iter().sum();
    let north_american = groups >= 3
        && joined
        && lens[groups - 3..groups] == [3, 3, 4]
        && (groups == 3 || lens[groups - 4] == 1);
    let parenthesised =
        groups == 3 && lens[..3] == [3, 3, 4] && i >= 1 && toks[i - 1].punct() == Some('(');
    if !((cue && (7..=15).contains(&digits)) || north_american || parenthesised) {
        return None;
    }
    // `x 80119`, `ext. 12`: an extension.
    if word(text, toks, end).is_some_and(|w| matches!(w, "x" | "ext" | "Ext")) {
        let mut k = end + 1;
        if toks.get(k).is_some_and(|t| t.punct() == Some('.')) {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| t.kind() == Tok::Num) {
            end = k + 1;
        }
    }
    Some(i..end)
}

/// A cue within the few tokens before `i`: `tel:`, `Phone`, `☎`, or a
/// `+` right before the digits.
fn phone_cue(text: &str, toks: &[Token], i: usize) -> bool {
    let mut k = i;
    for _ in 0..3 {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        k = p;
        let t = &toks[k];
        match t.punct() {
            Some('+' | '☎' | '☏' | '📞') => return true,
            Some(':' | '.' | '(' | '#') => continue,
            Some(_) => return false,
            None => {}
        }
        return t.is_word() && one_of(PHONE_CUES, t.text(text));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn codes(s: &str) -> (Vec<&str>, Vec<&str>) {
        let mut all = Tokens::default();
        tokenize(s, 0..s.len(), true, &mut all);
        let c = find(s, &all);
        let span = |r: &Range<usize>| {
            &s[all.toks[r.start].start as usize..all.toks[r.end - 1].end as usize]
        };
        (
            c.roads.iter().map(span).collect(),
            c.phones.iter().map(span).collect(),
        )
    }

    #[test]
    fn roads_by_their_network() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Drivers on I-44 and US 169 or Hwy 51 should use Route 66.",
                &["I-44", "US 169", "Hwy 51", "Route 66"],
            ),
            (
                "Take State Route 1 north; Interstate 95 was closed.",
                &["State Route 1", "Interstate 95"],
            ),
            (
                "Take the M1 northbound to junction 32, then the A64 eastbound.",
                &["M1", "A64"],
            ),
            (
                "take the M1 all the way to the A64, or the A1(M).",
                &["M1", "A64", "A1(M)"],
            ),
            ("A crash on the M25 near junction 10.", &["M25"]),
            (
                "Take the A64 eastbound to the Ring Road (A1237). From the west, the A59 \
                 and the M62 link York; the A1M runs north.",
                &["A64", "A1237", "A59", "M62", "A1M"],
            ),
            (
                "Take I-44 West, or US-412 East to Main.",
                &["I-44 West", "US-412 East"],
            ),
            // Codes that are no roads.
            ("Airbus delivered the A380 to Dubai; the A320 flew.", &[]),
            ("the US 2020 election and the G20 summit", &[]),
            ("flight M12 and a 12-3 win", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(&codes(input).0, want, "{input}");
        }
    }

    #[test]
    fn phones_by_cue_or_shape() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Park, tel: 1 201 461-1776. Open daily.",
                &["1 201 461-1776"],
            ),
            (
                "Call (212) 555-0143 or +44 20 7946 0958.",
                &["212) 555-0143", "44 20 7946 0958"],
            ),
            (
                "Phone: 020 7946 0958, fax 020 7946 0959",
                &["020 7946 0958", "020 7946 0959"],
            ),
            ("the airport +1602275-4958 is", &["1602275-4958"]),
            (
                "office ☎ + 529999420000 x 80119. Daily",
                &["529999420000 x 80119"],
            ),
            (
                "1 201-592-4699 and 201-224-7900",
                &["1 201-592-4699", "201-224-7900"],
            ),
            // Quantities and dates stay numbers.
            ("from 1990-1995, 3 000 people and 12-3 and 555-0143", &[]),
            ("Call 999 now; phone 2 people", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(&codes(input).1, want, "{input}");
        }
    }
}
