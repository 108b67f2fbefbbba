use proptest::prelude::*;

use super::*;
use crate::document::Document;
use crate::extract::{Entity, EntityKind, Mention};
use crate::fold;

const SEED: &str = include_str!("../../seeds/000_a8106be745b31416.txt");

fn texts<'t>(query: &str, text: &'t str) -> Vec<&'t str> {
    let q = Query::parse(query).expect("valid query");
    find(&q, text, &SearchIndex::new(), &Entities::default())
        .iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn smart_case() {
    // The same answers whether or not the text has a case-kept copy.
    assert_eq!(texts("Ab", "ab Ab AB Ⱥ"), ["Ab"]);
    assert_eq!(texts("Ⱥb", "Ⱥb ⱥb"), ["Ⱥb"]);
    assert_eq!(texts("ⱥb", "Ⱥb ⱥb"), ["Ⱥb", "ⱥb"]);
    let text = "Idlib, IDLIB and idlib; Çavuşoğlu and ÇAVUŞOĞLU";
    assert_eq!(texts("idlib", text), ["Idlib", "IDLIB", "idlib"]);
    assert_eq!(texts("Idlib", text), ["Idlib"]);
    assert_eq!(texts("IDLIB", text), ["IDLIB"]);
    assert_eq!(texts("cavusoglu", text), ["Çavuşoğlu", "ÇAVUŞOĞLU"]);
    assert_eq!(texts("Cavusoglu", text), ["Çavuşoğlu"]);
    assert_eq!(texts("\\cIdlib", text), ["Idlib", "IDLIB", "idlib"]);
    assert_eq!(texts("\\Cidlib", text), ["idlib"]);
}

#[test]
fn folding_in_queries_and_text() {
    let text = "We don’t pay\u{200B}pal; 2010–2012 or 2013—14, x-y.";
    assert_eq!(texts("don't", text), ["don’t"]);
    assert_eq!(texts("don’t", text), ["don’t"]);
    assert_eq!(texts("paypal", text), ["pay\u{200B}pal"]);
    assert_eq!(texts("-", text), ["–", "—", "-"]);
    assert_eq!(texts("2010-2012", text), ["2010–2012"]);
}

#[test]
fn matches_across_line_breaks() {
    assert_eq!(texts("new york", "in New\nYork today"), ["New\nYork"]);
}

#[test]
fn whole_word_with_vim_anchors() {
    let text = "cat concat cats cat_ cat.";
    assert_eq!(texts("\\<cat\\>", text), ["cat", "cat"]);
    assert_eq!(texts("\\<cat", text), ["cat", "cat", "cat", "cat"]);
    assert_eq!(texts("cat\\>", text), ["cat", "cat", "cat"]);
    assert_eq!(texts("\\<Çat\\>", "Çat çat"), ["Çat"]);
}

#[test]
fn escapes_and_empty_queries() {
    assert_eq!(texts("\\@home", "at @home now"), ["@home"]);
    assert_eq!(texts("\\\\n", "a \\n b"), ["\\n"]);
    for empty in ["", "\\c", "\\v", "\u{200B}", "\\<\\>"] {
        assert!(matches!(Query::parse(empty), Ok(Query::Empty)), "{empty:?}");
    }
}

#[test]
fn regex_mode_smart_case_and_lines() {
    let text = "Talks on 18 May.\nTALKS resumed 2019.\ntalks";
    assert_eq!(texts("\\v\\d+", text), ["18", "2019"]);
    assert_eq!(texts("\\vtalks?", text), ["Talks", "TALKS", "talks"]);
    assert_eq!(texts("\\vT[a-z]+", text), ["Talks"]);
    // Escapes are not literals: `\W` and `\p{Lu}` keep the query smart.
    assert_eq!(texts("\\vtalks\\W", text), ["Talks ", "TALKS "]);
    assert_eq!(texts("\\v^talks", text), ["Talks", "TALKS", "talks"]);
    assert_eq!(texts("\\v\\<\\d{2}\\>", text), ["18"]);
    assert!(!Query::parse("\\vtalks").expect("ok").is_case_sensitive());
    assert!(Query::parse("\\vTalks").expect("ok").is_case_sensitive());
    // Empty matches are no hits.
    assert!(texts("\\vx*", text).is_empty());
}

#[test]
fn bad_patterns_say_what_and_where() {
    let err = Query::parse("\\v(abc").expect_err("unclosed");
    assert_eq!(
        err,
        SearchError::Pattern {
            column: 3,
            reason: "unclosed group".to_string()
        }
    );
    assert_eq!(err.to_string(), "bad pattern at column 3: unclosed group");
    let err = Query::parse("\\vab[").expect_err("unclosed class");
    assert!(matches!(err, SearchError::Pattern { .. }), "{err:?}");
    let err = Query::parse("\\v\\p{Nope}").expect_err("unknown class");
    assert!(err.to_string().contains("Unicode"), "{err}");
    let err = Query::parse("\\v\\w{1000}{1000}").expect_err("too big");
    assert!(
        matches!(err, SearchError::TooBig { .. }) || err.to_string().contains("repetition"),
        "{err}"
    );
    assert!(!err.to_string().contains('\n'));
}

#[test]
fn entity_queries_resolve_through_find() {
    let text = "Lavrov met Cavusoglu. Then Mevlut Cavusoglu left.";
    let at = |s: &str| text.find(s).expect("in text");
    let first = text.rfind("Mevlut Cavusoglu").expect("in text");
    let mentions = vec![
        Mention::new(0..6, EntityKind::Actor, 0),
        Mention::new(at("Cavusoglu")..at("Cavusoglu") + 9, EntityKind::Actor, 1),
        Mention::new(first..first + 16, EntityKind::Actor, 1),
    ];
    let entities = Entities {
        mentions,
        entities: vec![
            Entity {
                name: "Lavrov".into(),
                kind: EntityKind::Actor,
                mentions: vec![0],
                coords: None,
            },
            Entity {
                name: "Mevlut Cavusoglu".into(),
                kind: EntityKind::Actor,
                mentions: vec![1, 2],
                coords: None,
            },
        ],
    };
    let q = Query::parse("@Çavuşoğlu").expect("entity");
    let hits = find(&q, text, &SearchIndex::new(), &entities);
    let found: Vec<_> = hits.iter().map(|r| &text[r]).collect();
    assert_eq!(found, ["Cavusoglu", "Mevlut Cavusoglu"]);
}

#[test]
fn search_state_runs_steps_and_reports() {
    let text = "one two one two one";
    let index = SearchIndex::new();
    let none = Entities::default();
    let (mut s, step) = Search::run("one", Direction::Forward, 5, text, &index, &none);
    assert_eq!(
        step,
        Some(Step {
            index: 1,
            wrapped: false
        })
    );
    assert_eq!(s.status(), "2/3");
    assert_eq!(
        s.step(false),
        Some(Step {
            index: 2,
            wrapped: false
        })
    );
    assert_eq!(
        s.step(false),
        Some(Step {
            index: 0,
            wrapped: true
        })
    );
    assert_eq!(
        s.step(true),
        Some(Step {
            index: 2,
            wrapped: true
        })
    );
    assert_eq!(s.current_range(), Some(16..19));
    let (s, _) = Search::run("one", Direction::Backward, 5, text, &index, &none);
    assert_eq!(s.status(), "1/3");
    let (s, _) = Search::run("three", Direction::Forward, 0, text, &index, &none);
    assert_eq!(s.status(), "no match");
    let (s, step) = Search::run("\\v(", Direction::Forward, 0, text, &index, &none);
    assert_eq!(step, None);
    assert!(s.status().starts_with("bad pattern"));
    assert_eq!(Search::default().status(), "");
}

#[test]
fn seed_article_counts_and_sections() {
    let doc = Document::from_bytes("seed.txt", SEED.as_bytes(), None).expect("seed");
    let index = SearchIndex::new();
    let none = Entities::default();
    let (mut s, _) = Search::run("Cavusoglu", Direction::Forward, 0, &doc.text, &index, &none);
    assert_eq!(s.status(), "1/3");
    assert_eq!(s.step(false).map(|s| s.index), Some(1));
    assert_eq!(s.step(false).map(|s| s.index), Some(2));
    assert_eq!(
        s.step(false),
        Some(Step {
            index: 0,
            wrapped: true
        })
    );
    let per = s.hits.per_section(&doc);
    assert_eq!(per.len(), doc.sections.len());
    assert_eq!(per.iter().sum::<usize>(), 3);
    // The article writes `Syria’s`; a reader types `syria's`.
    let (s, _) = Search::run("syria's", Direction::Forward, 0, &doc.text, &index, &none);
    assert!(!s.hits.is_empty());
    for r in s.hits.iter() {
        assert_eq!(doc.text[r].to_lowercase(), "syria’s");
    }
}

#[test]
fn index_is_built_once_and_lazily() {
    let index = SearchIndex::new();
    assert!(!index.is_built());
    let q = Query::parse("x").expect("text");
    find(&q, "x y x", &index, &Entities::default());
    assert!(index.is_built());
    // A text of another length is still searched right.
    let hits = find(&q, "yy x", &index, &Entities::default());
    assert_eq!(hits.get(0), Some(3..4));
    assert_eq!(hits.len(), 1);
}

/// Text drawn from characters that fold in every way: case, accents,
/// expansions, typography, invisibles, line breaks.
pub(super) fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("A"),
            Just("b"),
            Just("é"),
            Just("É"),
            Just("e\u{0301}"),
            Just("ß"),
            Just("ss"),
            Just("S"),
            Just("æ"),
            Just("İ"),
            Just("i"),
            Just("’"),
            Just("'"),
            Just("–"),
            Just("-"),
            Just("\u{200B}"),
            Just(" "),
            Just("\n"),
            Just("ﬁ"),
            Just("_"),
            // Its lower case is longer: exact queries fall back to checking.
            Just("Ⱥ"),
            Just("ⱥ"),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

pub(super) fn query_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        text_strategy().prop_map(|t| t.chars().take(4).collect::<String>()),
        text_strategy().prop_map(|t| format!("\\<{}", t.chars().take(3).collect::<String>())),
        text_strategy().prop_map(|t| format!("\\c{}", t.chars().take(3).collect::<String>())),
        ".{0,8}",
    ]
}

proptest! {
    #[test]
    fn hits_are_sorted_disjoint_and_match(text in text_strategy(), query in query_strategy()) {
        let Ok(q) = Query::parse(&query) else { return Ok(()); };
        let hits = find(&q, &text, &SearchIndex::new(), &Entities::default());
        let ranges: Vec<_> = hits.iter().collect();
        for w in ranges.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "{:?}", hits);
        }
        for r in ranges {
            prop_assert!(r.start < r.end);
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            if let Query::Text(tq) = &q {
                let hit = &text[r.clone()];
                prop_assert_eq!(fold::fold(hit, true), tq.folded.clone());
                if let Some(exact) = &tq.exact {
                    prop_assert_eq!(fold::fold(hit, false), exact.clone());
                }
            }
        }
    }

    #[test]
    fn next_undoes_prev(text in text_strategy(), pick in 0usize..64) {
        // Search for the text's own first character so there is a hit.
        let Some(first) = text.chars().find(|c| !fold::fold(&c.to_string(), true).is_empty()) else {
            return Ok(());
        };
        let q = Query::parse(&first.to_string()).expect("text");
        let hits = find(&q, &text, &SearchIndex::new(), &Entities::default());
        prop_assert!(!hits.is_empty());
        let i = pick % hits.len();
        let back = hits.prev(i).expect("non-empty").index;
        prop_assert_eq!(hits.next(back).expect("non-empty").index, i);
        let fwd = hits.next(i).expect("non-empty").index;
        prop_assert_eq!(hits.prev(fwd).expect("non-empty").index, i);
    }

    #[test]
    fn folded_search_finds_what_naive_folding_finds(text in text_strategy(), needle in "[abes' -]{1,3}") {
        // Every occurrence of an ASCII needle in the folded text that starts
        // and ends on whole characters is a hit: count them the slow way.
        let q = Query::parse(&needle).expect("text");
        let Query::Text(tq) = &q else { return Ok(()); };
        let hits = find(&q, &text, &SearchIndex::new(), &Entities::default());
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let folds = |r: std::ops::Range<usize>| fold::fold(&text[r], true);
        let mut expected = 0;
        let mut i = 0;
        while i + 1 < starts.len() {
            // A hit never starts on a character that folds to nothing.
            let visible = !folds(starts[i]..starts[i + 1]).is_empty();
            let end = starts[i + 1..].iter().position(|&e| folds(starts[i]..e) == tq.folded);
            match end {
                Some(j) if visible => {
                    expected += 1;
                    i += 1 + j;
                }
                _ => i += 1,
            }
        }
        prop_assert_eq!(hits.len(), expected, "{:?} in {:?}: {:?}", needle, text, hits);
    }

    #[test]
    fn arbitrary_input_never_panics(text in any::<String>(), query in any::<String>()) {
        if let Ok(q) = Query::parse(&query) {
            let hits = find(&q, &text, &SearchIndex::new(), &Entities::default());
            for r in hits.iter() {
                prop_assert!(text.get(r).is_some());
            }
        }
        let _ = Query::parse(&format!("\\v{query}"));
    }
}

#[test]
fn a_text_past_the_limit_gets_no_case_kept_copy_and_the_same_hits() {
    // Long enough that the hits stay under `MAX_HITS`.
    let unit =
        "Çavuşoğlu met ÇAVUŞOĞLU; Ab ab AB. Then the talks went on into the night, quietly. ";
    let text = unit.repeat(KEPT_MAX_BYTES / unit.len() + 1);
    let mut index = SearchIndex::new();
    while !index.warm(&text, true, &mut Budget::unlimited()) {}
    assert!(index.is_warm(true));
    assert!(!index.folded(&text).has_case_kept(), "no second copy");
    let count = |query: &str| {
        let q = Query::parse(query).expect("valid query");
        find(&q, &text, &index, &Entities::default()).len()
    };
    let units = text.len() / unit.len();
    assert_eq!(count("Ab"), units);
    assert_eq!(count("AB"), units);
    assert_eq!(count("ab"), 3 * units);
    assert_eq!(count("Cavusoglu"), units);
    assert!(!index.folded(&text).has_case_kept(), "nor after searches");
    // A short text keeps its copy.
    let mut small = SearchIndex::new();
    while !small.warm(unit, true, &mut Budget::unlimited()) {}
    assert!(small.folded(unit).has_case_kept());
}

/// Words to build texts longer than the preview from: accents, curly
/// quotes and capitals, so folding maps offsets.
fn long_text(words: &[usize]) -> String {
    const WORDS: &[&str] = &[
        "Çavuşoğlu",
        "cavusoglu",
        "met",
        "Lavrov",
        "don’t",
        "aa",
        "a",
        "Aa",
        "ſt",
        "ﬁne",
        "\n",
        "\u{200B}",
        "talks",
        "in",
        "Ankara",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() <= PREVIEW_BYTES + 4096 {
        text.push_str(WORDS[words[i % words.len()] % WORDS.len()]);
        text.push(' ');
        i += 1;
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn a_search_before_the_index_previews_true_hits_and_ends_with_the_same(
        words in prop::collection::vec(0usize..100, 1..40),
        query in prop::sample::select(vec!["cavusoglu", "Cavusoglu", "aa", "a", "dont", "don't", "st", "fine", "s", "\\<met\\>"]),
        view in 0usize..(PREVIEW_BYTES + 4096),
        chunk in 1usize..4,
        backward in any::<bool>(),
    ) {
        let text = long_text(&words);
        let mut view = view.min(text.len());
        while !text.is_char_boundary(view) {
            view -= 1;
        }
        let direction = if backward { Direction::Backward } else { Direction::Forward };
        let none = Entities::default();
        let want = find(&Query::parse(query).expect("valid"), &text, &SearchIndex::new(), &none);
        let mut index = SearchIndex::new();
        let (mut s, _) = Search::start(
            query, direction, view, view, &text, &index, &none, Budget::bytes(1 << 12),
        );
        prop_assert!(s.waits_for_index());
        let q = match Query::parse(query) {
            Ok(Query::Text(q)) => q,
            _ => unreachable!("plain queries"),
        };
        // What the preview shows is true: each hit matches, none before
        // the view, and the current one is the first from the view.
        for r in s.hits.iter() {
            prop_assert!(r.start >= view);
            prop_assert!(fold::fold(&text[r.clone()], true).contains(&q.folded));
        }
        let mut steps = 0;
        while !s.is_complete() {
            if s.waits_for_index() && !index.is_built() {
                index.warm(&text, false, &mut Budget::bytes(chunk << 16));
            }
            s.advance(&text, &index, Budget::bytes(chunk << 12));
            steps += 1;
            prop_assert!(steps < 100_000, "the search ends");
        }
        prop_assert_eq!(&s.hits, &want);
        prop_assert_eq!(s.current, want.nearest(view, direction).map(|s| s.index));
    }
}
