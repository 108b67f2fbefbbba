//! Who said what: direct quotes and reported speech, attributed to their
//! speaker.
//!
//! [`quotes`] walks the paragraphs, finds direct quotes (`“…”`, `"…"`) and
//! sentences of reported speech (`X said`, `said X`, `X told Y`, `according
//! to X`), and names the speaker from the actor mentions the extractor found:
//! the actor just before the reporting verb (through an apposition: `X, a
//! doctor, said`), the one just after `said`/`according to`, or, for `he` and
//! `she`, the most recent person actor. A quote with no attribution of its own
//! continues the previous speaker when it follows straight on (the next
//! sentence or paragraph).
//!
//! A model layer: text, paragraph ranges and mentions in; byte ranges and
//! entity indexes out. No ratatui, no crossterm. Quotes come out in text
//! order and never overlap.

use std::ops::Range;

use super::{Entities, EntityKind};

/// Verbs that report speech, in the forms news uses.
const VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "explained",
    "noted",
    "warned",
    "claimed",
    "insisted",
    "announced",
    "asked",
    "wrote",
    "stressed",
    "argued",
    "recalled",
    "confirmed",
    "denied",
    "reported",
];

/// Sentences longer than this are not searched for their speaker: no
/// sentence of news comes near it, and the search holds every word of the
/// sentence (32 bytes a word: a 10 MB line with no full stop asked for
/// 64 MB) and looks back through the sentence at each reporting verb.
const MAX_ATTRIBUTED_BYTES: usize = 64 * 1024;

/// What kind of statement a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words in quotation marks.
    Direct,
    /// A sentence reporting what someone said.
    Reported,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words (inside the marks) or the reporting sentence.
    pub range: Range<usize>,
    pub kind: QuoteKind,
    /// The speaker, an index into `Entities::entities`.
    pub speaker: Option<usize>,
}

/// The quotes of a text whose paragraphs are `paragraphs`, in text order.
/// The paragraphs are taken one by one, never gathered: a file of tiny
/// blocks has millions.
pub fn quotes(
    text: &str,
    paragraphs: impl IntoIterator<Item = Range<usize>>,
    found: &Entities,
) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // The speaker of the last attributed statement and where it ended, for
    // quotes that run on without a tag of their own.
    let mut last: Option<(usize, usize)> = None;
    let mut last_person: Option<usize> = None;
    // Asked for every mention of every sentence: decide once per entity.
    let persons: Vec<bool> = (0..found.entities.len())
        .map(|e| is_person(found, e))
        .collect();
    // Sentences come in text order: the mentions of each are found by
    // walking on from the last, not by a binary search over all of them.
    let mut cursor = 0;
    for para in paragraphs {
        let para = para.start.min(text.len())..para.end.min(text.len());
        if !text.is_char_boundary(para.start) || !text.is_char_boundary(para.end) {
            continue;
        }
        let marks = direct_quotes(text, para.clone());
        for sentence in sentences(text, para.clone(), &marks) {
            let in_sentence: Vec<&Range<usize>> = marks
                .iter()
                .filter(|q| q.start >= sentence.start && q.end <= sentence.end)
                .collect();
            let outside = |at: usize| !in_sentence.iter().any(|q| q.start <= at && at < q.end);
            let mentions = mentions_in(found, sentence.clone(), &mut cursor);
            let mut speaker = attribution(
                text,
                sentence.clone(),
                mentions,
                &persons,
                &outside,
                last_person,
            );
            // A quote running on opens its sentence; one inside a sentence
            // (`by “lying”`) is a scare quote, not a statement.
            if speaker.is_none()
                && in_sentence
                    .first()
                    .is_some_and(|q| text[sentence.start..q.start].chars().count() <= 1)
                && let Some((who, end)) = last
                && follows(text, end, sentence.start)
            {
                speaker = Some(who);
            }
            let tagged = speaker.is_some();
            if in_sentence.is_empty() {
                if tagged && has_verb(text, sentence.clone(), &outside) {
                    out.push(Quote {
                        range: sentence.clone(),
                        kind: QuoteKind::Reported,
                        speaker,
                    });
                }
            } else {
                for q in in_sentence {
                    out.push(Quote {
                        range: q.clone(),
                        kind: QuoteKind::Direct,
                        speaker,
                    });
                }
            }
            if let Some(who) = speaker {
                last = Some((who, sentence.end));
            }
            for m in mentions {
                if m.kind() == EntityKind::Actor
                    && persons.get(m.entity()).copied().unwrap_or(false)
                {
                    last_person = Some(m.entity());
                }
            }
        }
    }
    out
}

/// The mentions overlapping `range` (as `Entities::in_range`), walking on
/// from `cursor` when the ranges come in text order.
fn mentions_in<'a>(
    found: &'a Entities,
    range: Range<usize>,
    cursor: &mut usize,
) -> &'a [super::Mention] {
    let all = &found.mentions;
    let behind = *cursor > 0 && all.get(*cursor - 1).is_none_or(|m| m.end() > range.start);
    if behind {
        *cursor = all.partition_point(|m| m.end() <= range.start);
    }
    while all.get(*cursor).is_some_and(|m| m.end() <= range.start) {
        *cursor += 1;
    }
    let mut end = *cursor;
    while all.get(end).is_some_and(|m| m.start() < range.end) {
        end += 1;
    }
    &all[*cursor..end]
}

/// Only white space (and paragraph breaks) between `end` and `start`.
fn follows(text: &str, end: usize, start: usize) -> bool {
    end <= start && text[end..start].trim().is_empty()
}

/// The ranges inside quotation marks in a paragraph. Straight quotes pair
/// up in order; a quote left open runs to the paragraph's end, as news
/// style does for a quote continued in the next paragraph.
fn direct_quotes(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text[para.clone()].char_indices() {
        let at = para.start + i;
        match (open, c) {
            (None, '“') | (None, '"') => open = Some((at + c.len_utf8(), c)),
            (Some((start, '“')), '”') | (Some((start, '"')), '"') => {
                if at > start {
                    out.push(start..at);
                }
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, _)) = open
        && para.end > start
    {
        out.push(start..para.end);
    }
    out
}

/// Sentence ranges of a paragraph, never cutting inside a direct quote.
fn sentences(text: &str, para: Range<usize>, quotes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = para.start;
    let bytes = text.as_bytes();
    for (i, c) in text[para.clone()].char_indices() {
        let at = para.start + i;
        if !matches!(c, '.' | '!' | '?') || quotes.iter().any(|q| q.start <= at && at < q.end) {
            continue;
        }
        let next = at + 1;
        // A full stop ends a sentence before white space (or a closing
        // quote) and a capital; `U.S.` and `3.5` do not end one.
        let after = text[next..para.end].trim_start_matches(['”', '"', '’', '\'']);
        let after_trim = after.trim_start();
        let spaced = after.len() != after_trim.len();
        let capital = after_trim
            .chars()
            .next()
            .is_none_or(|ch| ch.is_uppercase() || ch == '“' || ch == '"');
        let short_word = c == '.'
            && at >= 2
            && bytes[at - 2] == b'.'
            && bytes.get(at - 1).is_some_and(u8::is_ascii_uppercase);
        if (spaced && capital && !short_word) || after_trim.is_empty() {
            // The sentence keeps the closing marks right after its stop.
            let end = para.end - after.len();
            out.push(start..end);
            start = end;
        }
    }
    if start < para.end && !text[start..para.end].trim().is_empty() {
        out.push(start..para.end);
    }
    out.into_iter()
        .map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            r.start + lead..r.end - trail
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// A reporting verb (or `according to`) outside the quotes of a sentence.
fn has_verb(text: &str, sentence: Range<usize>, outside: &dyn Fn(usize) -> bool) -> bool {
    words(text, sentence).any(|(r, w)| {
        let w = lower(w);
        outside(r.start) && (VERBS.contains(&&*w) || w == "according")
    })
}

/// `w` in lower case, copied only when it has capitals or is not ASCII
/// (most words of prose are neither: no allocation per word).
fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

/// The words of a range with their byte ranges: runs of letters, digits,
/// hyphens and apostrophes.
fn words(text: &str, range: Range<usize>) -> impl Iterator<Item = (Range<usize>, &str)> {
    let s = &text[range.clone()];
    let mut chars = s.char_indices().chain(std::iter::once((s.len(), ' ')));
    let mut start = None;
    // Found as they are asked for, not gathered first: a sentence may be
    // a whole long line.
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            let inner = c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
            match (start, inner) {
                (None, true) => start = Some(i),
                (Some(b), false) => {
                    start = None;
                    return Some((range.start + b..range.start + i, &s[b..i]));
                }
                _ => {}
            }
        }
        None
    })
}

/// The speaker a sentence names, if any.
fn attribution(
    text: &str,
    sentence: Range<usize>,
    mentions: &[super::Mention],
    persons: &[bool],
    outside: &dyn Fn(usize) -> bool,
    last_person: Option<usize>,
) -> Option<usize> {
    if sentence.len() > MAX_ATTRIBUTED_BYTES {
        return None;
    }
    let ws: Vec<(Range<usize>, &str)> = words(text, sentence.clone())
        .filter(|(r, _)| outside(r.start))
        .collect();
    let actors: Vec<&super::Mention> = mentions
        .iter()
        .filter(|m| {
            m.kind() == EntityKind::Actor
                && m.start() >= sentence.start
                && m.end() <= sentence.end
                && outside(m.start())
        })
        .collect();
    // `X, a spokesperson for Y, told …`: a person opening the sentence with
    // an apposition is the subject, whatever the apposition names.
    let opener = actors.first().filter(|m| {
        text[sentence.start..m.start()]
            .trim_matches(|c: char| c.is_whitespace() || "“”\"".contains(c))
            .is_empty()
            && text[m.end()..].starts_with(',')
            && persons.get(m.entity()).copied().unwrap_or(false)
    });
    for (i, (r, w)) in ws.iter().enumerate() {
        let word = lower(w);
        if word == "according" && ws.get(i + 1).is_some_and(|(_, n)| *n == "to") {
            let after = ws.get(i + 2).map_or(r.end, |(n, _)| n.start);
            if let Some(m) = actors.iter().find(|m| m.start() >= after) {
                return Some(m.entity());
            }
            continue;
        }
        if !VERBS.contains(&&*word) {
            continue;
        }
        // `…, he said` / `she told`: a pronoun right before the verb.
        if let Some((_, prev)) = i.checked_sub(1).and_then(|p| ws.get(p))
            && matches!(&*lower(prev), "he" | "she")
            && last_person.is_some()
        {
            return last_person;
        }
        // `said X`: an actor straight after the verb (not `told X`, whose
        // object is the listener).
        if matches!(&*word, "said" | "says" | "added")
            && let Some(m) = actors.iter().find(|m| m.start() >= r.end)
            && text[r.end..m.start()].trim().is_empty()
        {
            return Some(m.entity());
        }
        if let Some(m) = opener
            && m.end() < r.start
        {
            return Some(m.entity());
        }
        // `X said`, `X, a spokesman for Y, said`: the nearest actor before
        // the verb in its own clause or the clause before an apposition.
        if let Some(m) = subject_before(text, sentence.start, r.start, &actors) {
            return Some(m);
        }
    }
    None
}

/// The actor that is the subject of a verb at `verb`: the last actor of the
/// clause right before it, or, when that clause is an apposition holding
/// none, of the clause before that.
fn subject_before(
    text: &str,
    floor: usize,
    verb: usize,
    actors: &[&super::Mention],
) -> Option<usize> {
    let mut end = verb;
    for _ in 0..3 {
        let clause = text[floor..end]
            .rfind([',', '“', '”', '"', ';', ':', '('])
            .map_or(floor, |i| floor + i + 1);
        if let Some(m) = actors
            .iter()
            .rev()
            .find(|m| m.start() >= clause && m.end() <= end)
        {
            return Some(m.entity());
        }
        if clause == floor {
            break;
        }
        end = clause - 1;
        // Only a comma opens an apposition worth looking through.
        if !text[end..].starts_with(',') {
            break;
        }
    }
    None
}

/// A person rather than an organisation or a state: a name of two words or
/// more, each capitalised (or a name particle), none of them a common
/// English word unless it is a known given name (first) or surname (after
/// a given name). `Maria Lopez` is a person; `Red Cross`, `Coastal
/// Division` and `Al Jazeera` are not.
pub fn is_person(found: &Entities, entity: usize) -> bool {
    use crate::gazetteer::{given_name, surname, word_frequency};
    const PARTICLES: &[&str] = &[
        "al", "el", "bin", "ibn", "abu", "abd", "van", "von", "de", "da", "la", "le", "du", "haj",
    ];
    let Some(e) = found.entities.get(entity) else {
        return false;
    };
    let parts: Vec<&str> = e.name.split_whitespace().collect();
    if parts.len() < 2 || e.kind != EntityKind::Actor {
        return false;
    }
    let rare = |w: &str| word_frequency(&w.to_lowercase()).is_none_or(|z| z < 4.5);
    let first = parts[0];
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if PARTICLES.contains(&first.to_lowercase().as_str()) && first != "Abd" && first != "Abu" {
        return false;
    }
    // Every word an everyday one (`Red Cross`, `White House`): a body,
    // even when the first could be a given name.
    let everyday = |w: &str| word_frequency(&w.to_lowercase()).is_some_and(|z| z >= 5.0);
    if parts.iter().all(|p| everyday(p)) {
        return false;
    }
    let first_given = given_name(first).is_some();
    if !(first_given || rare(first)) {
        return false;
    }
    parts[1..].iter().all(|p| {
        let bare = p.split('-').next_back().unwrap_or(p);
        let lower = p.to_lowercase();
        let particle = PARTICLES.contains(&lower.as_str());
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        particle || (capital && (rare(bare) || (first_given && surname(bare).is_some())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Mention};

    /// Actors at every place each name occurs, as the extractor would give.
    fn actors(text: &str, names: &[&str]) -> Entities {
        let mut mentions = Vec::new();
        let mut entities = Vec::new();
        for (i, name) in names.iter().enumerate() {
            for (at, _) in text.match_indices(name) {
                mentions.push(Mention::new(at..at + name.len(), EntityKind::Actor, i));
            }
            entities.push(Entity {
                name: name.to_string(),
                kind: EntityKind::Actor,
                mentions: Vec::new(),
                coords: None,
            });
        }
        mentions.sort_by_key(|m| m.start());
        for (i, m) in mentions.iter().enumerate() {
            entities[m.entity()].mentions.push(i);
        }
        Entities { mentions, entities }
    }

    /// (quoted or reported text, speaker name) for each statement.
    fn run(text: &str, names: &[&str]) -> Vec<(String, Option<String>)> {
        let found = actors(text, names);
        let paras: Vec<Range<usize>> = text
            .split("\n\n")
            .scan(0, |at, p| {
                let r = *at..*at + p.len();
                *at += p.len() + 2;
                Some(r)
            })
            .collect();
        quotes(text, paras, &found)
            .into_iter()
            .map(|q| {
                (
                    text[q.range].to_string(),
                    q.speaker.map(|s| found.entities[s].name.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn a_sentence_past_the_limit_names_no_speaker() {
        let sentence =
            |words: usize| format!("Anna Berg said the talks{}.", " went on".repeat(words));
        let short = sentence(10);
        assert_eq!(
            run(&short, &["Anna Berg"])[0].1.as_deref(),
            Some("Anna Berg")
        );
        let long = sentence(MAX_ATTRIBUTED_BYTES / 8 + 1);
        assert!(long.len() > MAX_ATTRIBUTED_BYTES);
        assert!(run(&long, &["Anna Berg"]).is_empty());
        // Its quotes are still found, with no speaker.
        let quoted = format!("“{}” said Anna Berg.", long.trim_end_matches('.'));
        assert_eq!(run(&quoted, &["Anna Berg"]).len(), 1);
    }

    #[test]
    fn speakers_are_found_by_each_pattern() {
        let cases: &[(&str, &[&str], &str, &str)] = &[
            (
                "“We will rebuild,” said Maria Lopez.",
                &["Maria Lopez"],
                "We will rebuild,",
                "Maria Lopez",
            ),
            (
                "Tom Becker said: \"The bridge is closed.\"",
                &["Tom Becker"],
                "The bridge is closed.",
                "Tom Becker",
            ),
            (
                "“Nobody warned us,” Anna Kowalski, a nurse at the clinic, told Reuters.",
                &["Anna Kowalski", "Reuters"],
                "Nobody warned us,",
                "Anna Kowalski",
            ),
            (
                "The dam could fail within days, according to the Water Authority.",
                &["Water Authority"],
                "The dam could fail within days, according to the Water Authority.",
                "Water Authority",
            ),
            (
                "The ministry said the roads would reopen on Monday.",
                &["ministry"],
                "The ministry said the roads would reopen on Monday.",
                "ministry",
            ),
        ];
        for (text, names, quote, speaker) in cases {
            let got = run(text, names);
            assert!(
                got.contains(&(quote.to_string(), Some(speaker.to_string()))),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn he_and_she_resolve_to_the_last_person() {
        let text = "Maria Lopez runs the shelter. The Red Cross sent blankets.\n\n“It is not enough,” she said.";
        let got = run(text, &["Maria Lopez", "Red Cross"]);
        assert_eq!(
            got,
            vec![("It is not enough,".into(), Some("Maria Lopez".into()))]
        );
    }

    #[test]
    fn a_quote_running_on_keeps_its_speaker() {
        let text = "“The water came at night,” said Tom Becker.\n\n“We lost everything.”";
        let got = run(text, &["Tom Becker"]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[1],
            ("We lost everything.".into(), Some("Tom Becker".into()))
        );
    }

    #[test]
    fn scare_quotes_do_not_run_on() {
        let text =
            "“Stop the works,” said Tom Becker.\n\nThe plan was called “reckless” by critics.";
        let got = run(text, &["Tom Becker"]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], ("reckless".into(), None));
    }

    #[test]
    fn told_names_the_listener_not_the_speaker() {
        let text = "The mayor told Reuters the water was safe.";
        let got = run(text, &["Reuters"]);
        assert!(
            got.iter().all(|(_, s)| s.as_deref() != Some("Reuters")),
            "{got:?}"
        );
    }

    #[test]
    fn sentences_without_speech_are_not_quotes() {
        let text = "Maria Lopez opened the shelter in May. It holds 40 beds.";
        assert!(run(text, &["Maria Lopez"]).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn walking_cursor_finds_what_in_range_finds(
            spans in proptest::collection::vec((0usize..6, 1usize..5), 0..40),
            queries in proptest::collection::vec((0usize..200, 0usize..30), 0..30),
            sorted in proptest::bool::ANY,
        ) {
            let mut at = 0;
            let mentions: Vec<Mention> = spans
                .iter()
                .map(|&(gap, len)| {
                    at += gap;
                    let m = Mention::new(at..at + len, EntityKind::Actor, 0);
                    at += len;
                    m
                })
                .collect();
            let found = Entities { mentions, entities: Vec::new() };
            let mut queries: Vec<Range<usize>> =
                queries.iter().map(|&(s, len)| s..s + len).collect();
            if sorted {
                queries.sort_by_key(|r| r.start);
            }
            let mut cursor = 0;
            for q in queries {
                proptest::prop_assert_eq!(
                    mentions_in(&found, q.clone(), &mut cursor),
                    found.in_range(q)
                );
            }
        }

        #[test]
        fn quotes_are_in_order_inside_the_text(text in "[A-Za-z .,“”\"\n]{0,120}") {
            let got = run(&text, &["Tom Becker", "He"]);
            let _ = got;
            let found = actors(&text, &["Ann Lee"]);
            let whole = vec![0..text.len(); 1];
            let qs = quotes(&text, whole, &found);
            for w in qs.windows(2) {
                proptest::prop_assert!(w[0].range.start <= w[1].range.start);
            }
            for q in &qs {
                proptest::prop_assert!(q.range.end <= text.len() && q.range.start <= q.range.end);
            }
        }
    }

    #[test]
    fn unbalanced_marks_and_odd_ranges_do_not_panic() {
        let text = "“Open quote with no end, said Tom Becker";
        let got = run(text, &["Tom Becker"]);
        assert_eq!(got.len(), 1);
        let found = actors(text, &[]);
        assert!(quotes(text, [0..9999, 1..2], &found).len() <= 1);
    }
}
