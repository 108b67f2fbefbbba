use proptest::prelude::*;

use super::super::tests::{query_strategy, text_strategy};
use super::*;
use crate::extract::Entities;
use crate::search::folded::{FoldBuilder, KeptBuilder};
use crate::search::{Direction, Query, Search, SearchIndex, find};

/// Regular expressions whose hits straddle any split and run into each
/// other, so the two passes must meet up right.
fn regex_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\\v\\w+"),
        Just("\\v.{1,3}"),
        Just("\\v[^ ]+ ?"),
        Just("\\va|ab|b"),
        Just("\\v(ab|b)+"),
        Just("\\v\\s*"),
        Just("\\v\\b"),
        Just("\\v^.?"),
        Just("\\v.$"),
        Just("\\v(?s)..."),
        Just("\\vS+"),
    ]
    .prop_map(str::to_string)
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Runs a search in steps of about `chunk` bytes from a first pass at
/// `split`, to the end; the steps taken.
fn in_steps(
    prompt: &str,
    direction: Direction,
    origin: usize,
    split: usize,
    text: &str,
    chunk: usize,
) -> (Search, usize) {
    let index = SearchIndex::new();
    let none = Entities::default();
    let (mut s, _) = Search::start(
        prompt,
        direction,
        origin,
        split,
        text,
        &index,
        &none,
        Budget::bytes(chunk),
    );
    let mut steps = 1;
    while !s.is_complete() {
        s.advance(text, &index, Budget::bytes(chunk));
        steps += 1;
        assert!(steps < 10 * (text.len() + 2), "a scan always moves on");
    }
    (s, steps)
}

proptest! {
    #[test]
    fn a_search_in_steps_finds_what_one_pass_finds(
        text in text_strategy(),
        query in prop_oneof![query_strategy(), regex_strategy()],
        split in 0usize..200,
        origin in 0usize..200,
        chunk in 1usize..6,
        backward in any::<bool>(),
    ) {
        let Ok(q) = Query::parse(&query) else { return Ok(()); };
        let direction = if backward { Direction::Backward } else { Direction::Forward };
        let split = boundary(&text, split);
        let origin = boundary(&text, origin);
        let want = find(&q, &text, &SearchIndex::new(), &Entities::default());
        let (s, _) = in_steps(&query, direction, origin, split, &text, chunk);
        prop_assert_eq!(&s.hits, &want, "{:?} in {:?} from {}", query, text, split);
        prop_assert_eq!(s.current, want.nearest(origin, direction).map(|s| s.index));
    }

    #[test]
    fn a_scan_without_a_folded_copy_finds_what_one_with_finds(
        text in text_strategy(),
        query in query_strategy(),
        from_text in proptest::option::of((0usize..40, 1usize..5)),
        split in 0usize..200,
        window in 1usize..12,
        chunk in 1usize..6,
    ) {
        // Half the queries are taken from the text, so they have hits.
        let query = match from_text {
            Some((skip, take)) => text.chars().skip(skip).take(take).collect(),
            None => query,
        };
        let Ok(q) = Query::parse(&query) else { return Ok(()); };
        let split = boundary(&text, split);
        let none = Entities::default();
        let want = find(&q, &text, &SearchIndex::new(), &none);
        let windowed = SearchIndex::windowed(window);
        prop_assert_eq!(&find(&q, &text, &windowed, &none), &want, "{:?} in {:?}", query, text);
        let (mut s, _) = Search::start(
            &query,
            Direction::Forward,
            split,
            split,
            &text,
            &windowed,
            &none,
            Budget::bytes(chunk),
        );
        let mut steps = 0;
        while !s.is_complete() {
            s.advance(&text, &windowed, Budget::bytes(chunk));
            steps += 1;
            prop_assert!(steps < 10 * (text.len() + 2), "a scan always moves on");
        }
        prop_assert_eq!(&s.hits, &want, "{:?} in {:?} from {} in steps", query, text, split);
    }

    #[test]
    fn the_index_built_in_steps_is_the_index_built_at_once(
        text in text_strategy(),
        chunk in 1usize..8,
    ) {
        let whole = FoldedText::build(&text);
        let mut lower = FoldBuilder::new(&text);
        while !lower.step(&text, chunk) {}
        let stepped = lower.finish(&text);
        prop_assert_eq!(stepped.copy(), whole.copy());
        let mut kept = KeptBuilder::new(&text);
        while !kept.step(&text, chunk) {}
        let kept = kept.finish(&text);
        prop_assert_eq!(kept.as_deref(), whole.case_kept(&text));
        // Offsets go both ways through the map.
        for (i, c) in text.char_indices() {
            if !fold::fold(&c.to_string(), true).is_empty() {
                prop_assert_eq!(whole.text_offset(whole.folded_offset(i)), i);
            }
        }
    }
}

#[test]
fn a_dense_pattern_is_found_a_step_at_a_time() {
    let text = "12 ab 345 cd 6 ".repeat(40);
    let split = text.len() / 2;
    let (s, steps) = in_steps("\\v\\d", Direction::Forward, split, split, &text, 16);
    assert!(steps > 10, "{steps} steps");
    assert_eq!(s.hits.len(), 6 * 40);
    assert_eq!(s.status(), format!("{}/240", 6 * 20 + 1));
}

#[test]
fn under_way_the_view_gets_its_hits_and_the_count_says_so() {
    let text = "x 1 ".repeat(200);
    let split = text.len() / 2;
    let index = SearchIndex::new();
    let none = Entities::default();
    let start = |direction| {
        Search::start(
            "\\v\\d",
            direction,
            split,
            split,
            &text,
            &index,
            &none,
            Budget::bytes(40),
        )
    };
    let (s, step) = start(Direction::Forward);
    assert!(!s.is_complete());
    // The first pass starts at the view: its first hit is the current one.
    let hit = step.and_then(|st| s.hits.get(st.index)).expect("a hit");
    assert_eq!(hit.start, split + 2);
    assert!(
        s.label()
            .is_some_and(|l| l.starts_with("…/") && l.ends_with('+'))
    );
    // Backward, the nearest hit is before the view: not known yet.
    let (s, step) = start(Direction::Backward);
    assert_eq!(step, None);
    assert_eq!(s.current, None);
}

#[test]
fn a_long_first_pass_stops_at_the_limit() {
    // Stops at MAX_HITS like one pass would: the count says `+`.
    let text = "a".repeat(MAX_HITS + 10);
    let (s, _) = in_steps("a", Direction::Forward, 0, 0, &text, usize::MAX);
    assert_eq!(s.hits.len(), MAX_HITS);
    assert!(s.hits.truncated());
    let (s, _) = in_steps("a", Direction::Forward, 5, 5, &text, usize::MAX);
    assert_eq!(s.hits.len(), MAX_HITS);
    assert!(s.hits.truncated());
    assert_eq!(s.hits.get(0), Some(0..1));
}

#[test]
fn hits_past_u32_are_not_kept() {
    let big = u32::MAX as usize;
    let hits = Hits::new(vec![0..1, big..big + 2], false);
    assert_eq!(hits.len(), 1);
    assert!(hits.truncated());
}
#[test]
fn a_windowed_scan_finds_hits_across_every_window_edge() {
    let none = Entities::default();
    let cases = [
        ("abababababababababab", "ba"),
        ("abababababababababab", "a"),
        ("ÉaÉaÉaÉaÉaÉaÉaÉa", "éa"),
        ("Straße strasse STRASSE Straße", "ss"),
        ("don’t don't don’t don't", "n't"),
        ("x\u{200B}yx\u{200B}yx\u{200B}y", "xy"),
    ];
    for (text, query) in cases {
        let q = Query::parse(query).expect("a plain query");
        let want = find(&q, text, &SearchIndex::new(), &none);
        assert!(!want.is_empty(), "{query} in {text}");
        for window in 1..12 {
            let got = find(&q, text, &SearchIndex::windowed(window), &none);
            assert_eq!(got, want, "{query} in {text}, windows of {window}");
        }
    }
}
