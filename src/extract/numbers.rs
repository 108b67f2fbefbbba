//! Numbers: how many, how much, and years, in digits or in words.
//!
//! Digits with separators and decimals (`5,400`, `2.5`), with an attached
//! currency sign or per cent sign (`$3bn`, `12%`), and a following scale word
//! (`3 million`); number words and their compounds (`twenty-five`, `three
//! million`, `half`, `a dozen`, `thousands`). Not numbers: ordinals (`22nd`,
//! `first`), digits inside names (`G20`, `COVID-19`, `Boeing-737`), a
//! capitalised number word inside a name (`Big Three`), the pronoun `one`
//! (`no one`, `one another`).
//!
//! Reads tokens only; depends on the lexicons. Invariant: spans are sorted,
//! disjoint, and cover whole tokens.

use std::ops::Range;

use super::codes::Codes;
use super::lexicon::{NumClass, number_class};
use super::token::{Tok, Token, Tokens};

/// A number found: its byte span and the tokens it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberSpan {
    pub range: Range<usize>,
    pub toks: Range<usize>,
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹')
}

/// Words before `one` that make it a pronoun rather than a count.
const PRONOUN_ONE_BEFORE: &[&str] = &[
    "no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone",
];

/// Finds numbers in `all` (tokens of `text`). Only the tokens the
/// tokenizer noted as numeric (digits, words with digits, number words)
/// can open one.
/// Digits of a road (`codes`) are none; a telephone number's are one
/// number per group written apart.
pub fn find(text: &str, all: &Tokens, codes: &Codes) -> Vec<NumberSpan> {
    let toks = &all.toks[..];
    // At most one number per numeric token: one allocation.
    let mut out = Vec::with_capacity(all.numeric.len());
    // The first token not in a number yet.
    let mut next = 0;
    let mut cursor = 0;
    for &i in &all.numeric {
        let i = i as usize;
        if i < next {
            continue;
        }
        // A telephone number: a number per group written apart, groups
        // joined by a hyphen or a dot one (`1 201 461-1776`: three).
        if let Some(phone) = codes.phone_at(i) {
            next = phone.end;
            let mut k = phone.start;
            while k < phone.end {
                if toks[k].kind() != Tok::Num {
                    k += 1;
                    continue;
                }
                let first = k;
                while k + 2 < phone.end
                    && toks[k + 2].kind() == Tok::Num
                    && !toks[k + 1].space()
                    && !toks[k + 2].space()
                {
                    k += 2;
                }
                out.push(NumberSpan {
                    range: toks[first].start as usize..toks[k].end as usize,
                    toks: first..k + 1,
                });
                k += 1;
            }
            continue;
        }
        if codes.on_road(i, &mut cursor) {
            continue;
        }
        let t = toks[i];
        let found = match t.kind() {
            Tok::Num => digits(text, toks, i),
            Tok::Word if t.digit() => abbreviated_amount(text, toks, i),
            Tok::Word => words(text, toks, i),
            Tok::Punct => None,
        };
        if let Some(span) = found {
            next = span.toks.end;
            out.push(span);
        }
    }
    out
}

fn attached(toks: &[Token], i: usize) -> bool {
    i < toks.len() && !toks[i].space()
}

/// Extends a number over a currency sign before it and a scale word or per
/// cent sign after it.
fn finish(toks: &[Token], first: usize, mut last: usize) -> NumberSpan {
    let mut start_tok = first;
    // `$3bn`, and the state a dollar belongs to glued to its
    // sign (`US$ 20,000`, `HK$5`): the code is the unit's, not a place.
    if first > 0 && attached(toks, first) && toks[first - 1].punct().is_some_and(is_currency) {
        start_tok = first - 1;
        let sign = toks[start_tok];
        if start_tok > 0 && !sign.space() && {
            let code = toks[start_tok - 1];
            code.is_word() && code.upper() && code.end - code.start <= 3
        } {
            start_tok -= 1;
        }
    }
    // A time of day (`15:11`) is one number, not two.
    if attached(toks, last + 1)
        && toks[last + 1].punct() == Some(':')
        && attached(toks, last + 2)
        && toks[last + 2].kind() == Tok::Num
        && toks[last + 2].end - toks[last + 2].start == 2
    {
        last += 2;
    }
    if attached(toks, last + 1) && toks[last + 1].punct() == Some('%') {
        last += 1;
    }
    while last + 1 < toks.len()
        && toks[last + 1].is_word()
        && !toks[last + 1].cap()
        && number_class(toks[last + 1].lex()) == Some(NumClass::Scale)
    {
        last += 1;
    }
    NumberSpan {
        range: toks[start_tok].start as usize..toks[last].end as usize,
        toks: start_tok..last + 1,
    }
}

/// Digits: not when they hang off a name by a hyphen (`STS-133`).
fn digits(text: &str, toks: &[Token], i: usize) -> Option<NumberSpan> {
    if i >= 2 && attached(toks, i) && toks[i - 1].punct() == Some('-') {
        let before = toks[i - 2];
        if before.is_word() && (before.cap() || before.upper()) && attached(toks, i - 1) {
            return None;
        }
    }
    // A number glued to a name before it (`Launch Pad 39A` is a word; but
    // `F-16` above) is handled; one glued by a slash or dot to letters is a
    // code, not a quantity.
    if i >= 1 && attached(toks, i) && toks[i - 1].is_word() {
        return None;
    }
    if i >= 1 && labelled(text, toks, i) {
        return None;
    }
    Some(finish(toks, i, i))
}

/// Capitalised labels whose number names one of a kind rather than counting
/// (`Terminal 2`, `Gates 10 & 11`, `Platform 9`): the number is part of a
/// name, as in `G20`.
const LABELS: &[&str] = &[
    "Terminal",
    "Terminals",
    "Gate",
    "Gates",
    "Platform",
    "Platforms",
    "Pier",
    "Berth",
    "Hangar",
    "Concourse",
    "Track",
    "Room",
    "Suite",
];

/// `Terminal 2`, and the second of `Gates 10 & 11`.
fn labelled(text: &str, toks: &[Token], i: usize) -> bool {
    let label =
        |k: usize| toks[k].is_word() && toks[k].cap() && LABELS.contains(&toks[k].text(text));
    if !toks[i].text(text).bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    // `Gates 10 & 11`, `Gates 10, 11`, `Gates 10 and 11`.
    let joined = |c: &Token| c.punct().is_some_and(|p| matches!(p, '&' | ',')) || c.is(text, "and");
    label(i - 1)
        || (i >= 3 && toks[i - 2].kind() == Tok::Num && joined(&toks[i - 1]) && label(i - 3))
}

/// `3bn`, `40m`, `2.5tn`: digits with a scale abbreviation.
fn abbreviated_amount(text: &str, toks: &[Token], i: usize) -> Option<NumberSpan> {
    let word = toks[i].text(text);
    let split = word.find(|c: char| c.is_alphabetic())?;
    let (num, suffix) = word.split_at(split);
    let digits_ok = num
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && num.bytes().last().is_some_and(|b| b.is_ascii_digit());
    let suffix_ok = matches!(
        suffix,
        "bn" | "m" | "mn" | "k" | "tn" | "b" | "K" | "M" | "B"
    );
    (digits_ok && suffix_ok).then(|| finish(toks, i, i))
}

/// Number words and their compounds.
fn words(text: &str, toks: &[Token], i: usize) -> Option<NumberSpan> {
    let t = &toks[i];
    let class = number_class(t.lex())?;
    let word = t.text(text);
    // Capitalised inside a sentence: part of a name (`the Big Three`).
    if t.cap() && !t.initial() {
        return None;
    }
    // The tail of a hyphenated word: `high-five`.
    if i >= 2
        && !t.space()
        && toks[i - 1].punct() == Some('-')
        && toks[i - 2].is_word()
        && number_class(toks[i - 2].lex()).is_none()
    {
        return None;
    }
    // Part of a hyphenated word whose first part is not a number: `half-brother`.
    let next_hyphen = attached(toks, i + 1) && toks[i + 1].punct() == Some('-');
    match class {
        NumClass::Quantity => {
            if next_hyphen {
                return None;
            }
            Some(finish(toks, i, i))
        }
        NumClass::Unit | NumClass::Tens | NumClass::Scale => {
            if word.eq_ignore_ascii_case("one") && pronoun_one(text, toks, i) {
                return None;
            }
            let mut last = i;
            // `twenty-five`
            if class == NumClass::Tens
                && next_hyphen
                && attached(toks, i + 2)
                && toks
                    .get(i + 2)
                    .is_some_and(|n| number_class(n.lex()) == Some(NumClass::Unit))
            {
                last = i + 2;
            }
            Some(finish(toks, i, last))
        }
    }
}

fn pronoun_one(text: &str, toks: &[Token], i: usize) -> bool {
    let prev = i
        .checked_sub(1)
        .map(|p| toks[p])
        .filter(|p| p.is_word())
        .map(|p| p.text(text).to_ascii_lowercase());
    if prev.is_some_and(|p| PRONOUN_ONE_BEFORE.contains(&p.as_str())) {
        return true;
    }
    // `a very serious one.`: an article shortly before and nothing after.
    let ends = toks
        .get(i + 1)
        .is_none_or(|n| n.kind() == Tok::Punct && n.punct().is_some_and(|c| ".,;:!?".contains(c)));
    let article = (i.saturating_sub(3)..i)
        .any(|k| toks[k].is_word() && matches!(toks[k].text(text), "a" | "an"));
    if ends && article {
        return true;
    }
    toks.get(i + 1)
        .is_some_and(|n| n.is_word() && n.text(text).eq_ignore_ascii_case("another"))
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn numbers(s: &str) -> Vec<&str> {
        let mut all = Tokens::default();
        tokenize(s, 0..s.len(), true, &mut all);
        find(s, &all, &Codes::default())
            .into_iter()
            .map(|n| &s[n.range])
            .collect()
    }

    #[test]
    fn finds_numbers() {
        let cases: &[(&str, &[&str])] = &[
            ("at least 14 people died", &["14"]),
            ("a budget of $4.2bn this year", &["$4.2bn"]),
            ("inflation hit 7.5% in May", &["7.5%"]),
            ("some 12,500 troops", &["12,500"]),
            ("about four million refugees", &["four million"]),
            ("twenty-three miners", &["twenty-three"]),
            ("Eleven schools closed", &["Eleven"]),
            ("half of the votes", &["half"]),
            ("more than a dozen homes", &["dozen"]),
            ("thousands of protesters", &["thousands"]),
            ("the 3rd round and the first goal", &[]),
            ("the G7 summit and COVID-19 rules", &[]),
            ("a seven-year-old boy", &["seven"]),
            ("no one came; they helped one another", &[]),
            ("scores ended 2 – 1 in 1998", &["2", "1", "1998"]),
            ("aged 6–9 years", &["6", "9"]),
            ("the Big Three met", &[]),
            ("a 40m loan", &["40m"]),
            ("a half-brother", &[]),
            ("they high-five", &[]),
            ("it is a very serious one.", &[]),
            ("only one.", &["one"]),
            ("a grant of US$20,000 and HK$5", &["US$20,000", "HK$5"]),
            ("won $ 50,000 in", &["50,000"]),
            ("at 15:11 GMT on 3 May", &["15:11", "3"]),
            ("from Terminal 2 (Gates 10 & 11), 4 gates", &["4"]),
        ];
        for (input, want) in cases {
            assert_eq!(&numbers(input), want, "{input}");
        }
    }
}
