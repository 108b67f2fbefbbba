//! What a number counts: `six civilians`, `150 shells`, `three million
//! people`.
//!
//! [`counted`] reads the words after a number mention and returns the noun
//! phrase it counts, skipping qualifiers (`six more civilians` counts
//! `civilians`) and stopping at prepositions, verbs, conjunctions and
//! punctuation. When nothing nameable follows, [`sentence_around`] gives the
//! sentence the number stands in, for the reader to see it in context.
//!
//! A model layer: plain text and byte ranges in, byte ranges out; no
//! ratatui, no crossterm. Ranges returned lie on char boundaries inside the
//! text and never before the number's end.

use std::ops::Range;

/// Words that only qualify the noun after them: skipped, not shown.
const QUALIFIERS: &[&str] = &[
    "more",
    "other",
    "additional",
    "further",
    "extra",
    "fewer",
    "less",
    "new",
    "separate",
    "different",
    "whole",
    "entire",
    "full",
    "own",
    "such",
];

/// Words a counted noun phrase never runs into: prepositions, determiners,
/// conjunctions, auxiliaries and reporting verbs.
const STOPS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "since",
    "during",
    "near",
    "across",
    "against",
    "between",
    "among",
    "per",
    "about",
    "around",
    "than",
    "as",
    "including",
    "within",
    "without",
    "through",
    "toward",
    "towards",
    "inside",
    "outside",
    "along",
    "amid",
    "despite",
    "and",
    "or",
    "but",
    "nor",
    "the",
    "a",
    "an",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "did",
    "do",
    "does",
    "said",
    "says",
    "say",
    "told",
    "ago",
    "later",
    "earlier",
    "each",
    "apiece",
    "so",
    "too",
    "also",
    "still",
    "not",
    "no",
    "if",
    "when",
    "while",
    "where",
    "then",
    "there",
    "here",
    "only",
    "just",
    "all",
    "both",
    "either",
    "any",
    "some",
    "most",
    "many",
    "much",
    "few",
    "several",
    "times",
    "percent",
];

/// Nouns of time and measure that end in `-ed` or `-ing` look like verbs
/// otherwise; a counted word ending so is taken for a participle
/// (`10 killed`) unless listed here.
const ED_ING_NOUNS: &[&str] = &[
    "hundred",
    "buildings",
    "building",
    "beings",
    "dwellings",
    "offspring",
    "siblings",
    "seedlings",
    "kidnappings",
    "killings",
    "bombings",
    "shootings",
    "meetings",
    "readings",
    "sightings",
    "wounded",
    "injured",
    "dead",
];

/// Most words a counted phrase keeps.
const MAX_WORDS: usize = 3;

/// The noun phrase a number counts, as a byte range of `text` after
/// `number`, or `None` when the next words name nothing countable.
pub fn counted(text: &str, number: Range<usize>) -> Option<Range<usize>> {
    let mut at = number.end.min(text.len());
    if !text.is_char_boundary(at) {
        return None;
    }
    let mut start = None;
    let mut end = at;
    let mut words = 0;
    loop {
        // Only spaces (or a hyphen glued to the number: `150-strong`) may
        // separate the words of the phrase.
        let rest = &text[at..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if gap == 0 && start.is_some() {
            break;
        }
        let word_start = at + gap;
        let word_len = text[word_start..]
            .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
            .unwrap_or(text.len() - word_start);
        let word = text[word_start..word_start + word_len].trim_end_matches(['-', '\'']);
        if word.is_empty() || word.starts_with('-') {
            break;
        }
        let lower = word.to_lowercase();
        if STOPS.contains(&lower.as_str()) || lower.ends_with("ly") {
            break;
        }
        let word_end = word_start + word.len();
        at = word_end;
        if start.is_none() && QUALIFIERS.contains(&lower.as_str()) {
            continue;
        }
        start.get_or_insert(word_start);
        end = word_end;
        words += 1;
        // A plural noun heads the phrase: `200 rockets overnight` counts
        // rockets.
        if words == MAX_WORDS || plural(&lower) {
            break;
        }
    }
    let start = start?;
    let phrase = &text[start..end];
    let last = phrase.rsplit(' ').next().unwrap_or(phrase).to_lowercase();
    if (last.ends_with("ed") || last.ends_with("ing")) && !ED_ING_NOUNS.contains(&last.as_str()) {
        // `10 killed`, `five fleeing`: a verb, not a noun; keep what came
        // before it if anything did.
        let cut = phrase.rfind(' ')?;
        return Some(start..start + cut);
    }
    Some(start..end)
}

/// A plural noun: `-s` but not `-ss`/`-us`/`-is`, or a common irregular
/// plural.
fn plural(lower: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "people",
        "children",
        "men",
        "women",
        "police",
        "troops",
        "feet",
        "teeth",
        "mice",
        "geese",
        "personnel",
        "cattle",
    ];
    IRREGULAR.contains(&lower)
        || (lower.len() > 3
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && !lower.ends_with("us")
            && !lower.ends_with("is"))
}

/// The sentence around a range: from the previous sentence end (or the
/// start of `within`) to the next one, trimmed.
pub fn sentence_around(text: &str, range: Range<usize>, within: Range<usize>) -> Range<usize> {
    let within = within.start.min(text.len())..within.end.min(text.len());
    let before = &text[within.start..range.start.clamp(within.start, within.end)];
    let start = before
        .rfind(['.', '!', '?', '\n'])
        .map_or(within.start, |i| within.start + i + 1);
    let from = range.end.clamp(within.start, within.end);
    let end = text[from..within.end]
        .find(['.', '!', '?', '\n'])
        .map_or(within.end, |i| from + i + 1);
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    if lead == s.len() {
        // Only white space: an empty range where it starts.
        return start..start;
    }
    let trail = s.len() - s.trim_end().len();
    start + lead..end - trail
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds `number` in `sentence` and returns what it counts.
    fn count(sentence: &str, number: &str) -> Option<String> {
        let at = sentence.find(number).expect("number in sentence");
        counted(sentence, at..at + number.len()).map(|r| sentence[r].to_string())
    }

    #[test]
    fn numbers_count_the_noun_after_them() {
        let cases = [
            ("Floods left four farmers missing.", "four", Some("farmers")),
            (
                "The army fired 200 rockets overnight.",
                "200",
                Some("rockets"),
            ),
            (
                "Some two million voters stayed home.",
                "two million",
                Some("voters"),
            ),
            (
                "Police said 12 more protesters were held.",
                "12",
                Some("protesters"),
            ),
            (
                "She hired seven other lawyers to help.",
                "seven",
                Some("lawyers"),
            ),
            (
                "Nine Kenyan runners finished the race.",
                "Nine",
                Some("Kenyan runners"),
            ),
            (
                "The plant employs 3,400 workers in total.",
                "3,400",
                Some("workers"),
            ),
            (
                "At least 40 schoolchildren, most of them girls, fled.",
                "40",
                Some("schoolchildren"),
            ),
            (
                "Around 15 aid trucks crossed the border.",
                "15",
                Some("aid trucks"),
            ),
            (
                "The storm destroyed 80 buildings on the coast.",
                "80",
                Some("buildings"),
            ),
        ];
        for (sentence, number, want) in cases {
            assert_eq!(count(sentence, number).as_deref(), want, "{sentence}");
        }
    }

    #[test]
    fn numbers_that_count_nothing_nameable_give_none() {
        let cases = [
            ("The talks began in 2019.", "2019"),
            ("Turnout rose to 64 percent of voters.", "64"),
            ("One of the guards escaped.", "One"),
            ("At least 10 killed in the blast.", "10"),
            ("Half of the village has left.", "Half"),
            ("The vote was 51 to 49.", "51"),
            ("Prices rose 7 times faster.", "7"),
        ];
        for (sentence, number) in cases {
            assert_eq!(count(sentence, number), None, "{sentence}");
        }
    }

    #[test]
    fn the_phrase_stops_at_three_words_and_at_punctuation() {
        assert_eq!(
            count("They found 30 rusted oil drums buried there.", "30").as_deref(),
            Some("rusted oil drums")
        );
        assert_eq!(
            count("It cost 12 dollars, he said.", "12").as_deref(),
            Some("dollars")
        );
    }

    #[test]
    fn sentence_context_is_the_sentence() {
        let text = "First one. The vote was 51 to 49. Last one.";
        let at = text.find("51").expect("51");
        let r = sentence_around(text, at..at + 2, 0..text.len());
        assert_eq!(&text[r], "The vote was 51 to 49.");
    }

    proptest::proptest! {
        #[test]
        fn counted_phrases_follow_the_number_on_char_boundaries(
            text in "[a-zA-Z0-9 ,.é“”-]{0,60}",
            start in 0usize..70,
            len in 0usize..8,
        ) {
            let number = start..start + len;
            if let Some(r) = counted(&text, number.clone()) {
                proptest::prop_assert!(r.start >= number.end && r.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                proptest::prop_assert!(!text[r].trim().is_empty());
            }
            if text.is_char_boundary(start.min(text.len())) && text.is_char_boundary((start + len).min(text.len())) {
                let a = start.min(text.len());
                let b = (start + len).min(text.len());
                let s = sentence_around(&text, a..b, 0..text.len());
                proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
            }
        }
    }

    #[test]
    fn odd_ranges_do_not_panic() {
        let text = "é 5";
        assert_eq!(counted(text, 0..1), None);
        assert_eq!(counted(text, 0..99), None);
        let r = sentence_around(text, 3..4, 0..99);
        assert_eq!(&text[r], "é 5");
    }
}
