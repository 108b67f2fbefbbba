use proptest::prelude::*;

use std::ops::Range;

use super::*;
use crate::document::{BlockKind, Document, Format};
use crate::sanitize;

const SEED: &str = include_str!("../../seeds/000_a8106be745b31416.txt");

fn plain(text: &str) -> Document {
    Document::from_bytes("a.txt", text.as_bytes(), Some(Format::Plain)).expect("text")
}

fn markdown(text: &str) -> Document {
    Document::from_bytes("a.md", text.as_bytes(), Some(Format::Markdown)).expect("text")
}

/// The lines as drawn, prefix and spaces included.
fn shown(doc: &Document, cache: &WrapCache) -> Vec<String> {
    cache
        .iter(doc)
        .map(|l| {
            let mut s = l.prefix.clone();
            for p in l.parts() {
                if p.space_before {
                    s.push(' ');
                }
                s.push_str(p.content(&doc.text));
            }
            s
        })
        .collect()
}

/// Checks the invariants every cache must keep.
fn check(doc: &Document, cache: &WrapCache) {
    let width = usize::from(cache.width());
    let mut last_start = 0;
    let lines: Vec<Line> = cache.iter(doc).collect();
    assert_eq!(
        lines.len(),
        cache.len(),
        "counts are exact once all is wrapped"
    );
    for line in &lines {
        assert!(line_width(line) <= width, "{line:?} wider than {width}");
        assert!(line.range.start >= last_start, "lines go backwards");
        last_start = line.range.start;
        // A table row's later lines draw text its first line covers.
        let within = match line.block.map(|b| doc.blocks.at(b)) {
            Some(b) if b.kind == BlockKind::Table => b.range.clone(),
            _ => line.range.clone(),
        };
        assert_eq!(line.drawn().start.min(within.start), within.start);
        for p in line.parts() {
            assert!(sanitize::is_safe(p.content(&doc.text)), "{p:?}");
            // A marker cut across lines keeps its whole range on each piece.
            assert!(p.range.start >= within.start);
            assert!(p.marker.is_some() || p.range.end <= within.end);
        }
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        let ranges: Vec<_> = lines
            .iter()
            .filter(|l| l.block == Some(b))
            .map(|l| l.range.clone())
            .collect();
        if ranges.is_empty() {
            continue;
        }
        assert_eq!(ranges[0].start, block.range.start);
        assert_eq!(ranges[ranges.len() - 1].end, block.range.end);
        for pair in ranges.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "lines of block {b} leave a gap");
        }
    }
}

#[test]
fn seed_wraps_within_the_width_and_keeps_its_sections() {
    let doc = plain(SEED);
    for width in [20, 40, 60, 80] {
        let cache = WrapCache::build(&doc, width, true);
        check(&doc, &cache);
        let lines = shown(&doc, &cache);
        assert!(lines[0].starts_with("After Tehran talks"));
        let second = cache.section_line(&doc, 1).expect("second section shown");
        assert!(lines[second].starts_with("What next after"));
        assert!(cache.section_line(&doc, 2).is_some());
    }
}

#[test]
fn hidden_furniture_leaves_no_lines() {
    let doc = plain(SEED);
    let cache = WrapCache::build(&doc, 80, false);
    assert_eq!(cache.section_line(&doc, 2), None);
    assert!(
        cache
            .iter(&doc)
            .filter_map(|l| l.block)
            .all(|b| doc.blocks.at(b).kind != BlockKind::Boilerplate)
    );
    assert!(
        !shown(&doc, &cache)
            .iter()
            .any(|l| l.contains("Add a Comment"))
    );
}

#[test]
fn paragraphs_reflow_and_blocks_are_spaced() {
    let doc = plain("Title\n\none two\nthree four five six\n\nnext");
    let cache = WrapCache::build(&doc, 10, true);
    assert_eq!(
        shown(&doc, &cache),
        ["Title", "", "one two", "three four", "five six", "", "next"]
    );
}

#[test]
fn long_words_are_cut_at_grapheme_boundaries() {
    let doc = plain("Title\n\nhttps://example.com/a/very/long/path and 日本語日本語");
    let cache = WrapCache::build(&doc, 8, true);
    check(&doc, &cache);
    let lines = shown(&doc, &cache);
    assert_eq!(
        lines[2..],
        [
            "https://",
            "example.",
            "com/a/ve",
            "ry/long/",
            "path and",
            "日本語日",
            "本語"
        ]
    );
}

#[test]
fn control_characters_become_markers() {
    let doc = plain("Title\n\nbad\x1b[2Jthing \u{202E}here\tand");
    let cache = WrapCache::build(&doc, 40, true);
    check(&doc, &cache);
    assert_eq!(shown(&doc, &cache)[2], "bad^[[2Jthing ⟨RLO⟩here and");
    let markers: Vec<String> = cache
        .iter(&doc)
        .flat_map(|l| l.parts().to_vec())
        .filter_map(|p| p.marker.map(|m| m.into_owned()))
        .collect();
    assert_eq!(markers, ["^[", "⟨RLO⟩"]);
}

#[test]
fn markdown_lists_quotes_code_and_hard_breaks() {
    let doc = markdown(
        "# Head\n\n- one item that wraps\n- two\n\n> quoted text\n\n```\nlet x = 1;\n\n  y\n```\n\nline  \nbreak\n",
    );
    let cache = WrapCache::build(&doc, 12, true);
    check(&doc, &cache);
    assert_eq!(
        shown(&doc, &cache),
        [
            "Head",
            "",
            "• one item",
            "  that wraps",
            "• two",
            "",
            "│ quoted",
            "│ text",
            "",
            "  let x = 1;",
            "  ",
            "    y",
            "",
            "line",
            "break",
        ]
    );
}

#[test]
fn the_same_text_stays_on_top_across_widths() {
    let doc = plain(SEED);
    let wide = WrapCache::build(&doc, 80, true);
    let narrow = WrapCache::build(&doc, 30, true);
    for top in [0, 5, 17, 40] {
        let offset = wide.line(&doc, top).expect("line").range.start;
        let line = narrow
            .line(&doc, narrow.line_at(&doc, offset))
            .expect("line");
        assert!(line.range.start <= offset && (offset < line.range.end || line.range.is_empty()));
    }
}

#[test]
fn empty_documents_have_no_lines() {
    let doc = plain("");
    let cache = WrapCache::build(&doc, 40, true);
    assert!(cache.is_empty());
    assert_eq!(cache.line_at(&doc, 0), 0);
}

fn article() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zA-Z]{1,12}",
        "[a-z]{20,60}",
        "[\u{0}-\u{1f}\u{7f}-\u{9f}\u{200b}\u{202e}\u{e0041}]{1,3}",
        "[日本語한국어😀é\u{301}]{1,8}",
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\t".to_string()),
        Just("- ".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        Just("```\n".to_string()),
        Just("| ".to_string()),
        Just("|\n|---|--:|\n".to_string()),
        Just("![".to_string()),
        Just("](x)".to_string()),
    ];
    prop::collection::vec(word, 0..80).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn wrapping_fits_and_covers_every_byte(text in article(), width in 4u16..120, md in any::<bool>()) {
        let format = if md { Format::Markdown } else { Format::Plain };
        // Text the loader refuses (binary) has nothing to wrap.
        let Ok(doc) = Document::from_bytes("a", text.as_bytes(), Some(format)) else {
            return Ok(());
        };
        let cache = WrapCache::build(&doc, width, true);
        check(&doc, &cache);
    }
}

/// The lines of a cache wrapped whole, as (range, block, drawn text).
fn eager(
    doc: &Document,
    width: u16,
    furniture: bool,
) -> Vec<(Range<usize>, Option<usize>, String)> {
    let cache = WrapCache::unwrapped(doc, width, furniture);
    described(doc, cache.iter(doc))
}

fn described(
    doc: &Document,
    lines: impl Iterator<Item = Line>,
) -> Vec<(Range<usize>, Option<usize>, String)> {
    lines
        .map(|l| {
            let mut s = l.prefix.clone();
            for p in l.parts() {
                if p.space_before {
                    s.push(' ');
                }
                s.push_str(p.content(&doc.text));
            }
            (l.range.clone(), l.block, s)
        })
        .collect()
}

/// Lines read by number, from 0 until there are no more.
fn by_number(doc: &Document, cache: &WrapCache) -> Vec<Line> {
    (0..).map_while(|n| cache.line(doc, n)).collect()
}

/// Generated news long enough that most of it is not wrapped up front.
fn long_news() -> Document {
    let text = crate::sample::generate(120_000, Format::Markdown, 3);
    markdown(&text)
}

#[test]
fn a_long_article_is_wrapped_only_where_it_is_read() {
    let doc = long_news();
    let cache = WrapCache::build(&doc, 60, true);
    assert!(!cache.is_exact(), "only the first blocks are wrapped");
    let estimate = cache.len();
    // The last page, by walking back from the last line, is exactly the
    // article's end.
    let last = cache.last_pos(&doc).expect("lines");
    let top = cache.walk(&doc, last, -29);
    let lines: Vec<_> = (0..30)
        .map(|i| cache.line_of(&doc, cache.walk(&doc, top, i)).expect("line"))
        .collect();
    let want = eager(&doc, 60, true);
    assert_eq!(described(&doc, lines.into_iter()), want[want.len() - 30..]);
    assert!(!cache.is_exact());
    // Reading every line by number wraps the rest: the count becomes real.
    let all = by_number(&doc, &cache);
    assert_eq!(described(&doc, all.into_iter()), want);
    assert_eq!(cache.len(), want.len());
    assert!(
        estimate.abs_diff(want.len()) * 5 < want.len(),
        "estimate {estimate} vs {}",
        want.len()
    );
}

#[test]
fn jumps_to_text_and_sections_land_on_it_before_the_rest_is_wrapped() {
    let doc = long_news();
    let want = eager(&doc, 50, false);
    let sections = doc.sections.len();
    for (i, offset) in [doc.text.len() - 1, doc.text.len() / 2, 1234, 0]
        .into_iter()
        .enumerate()
    {
        let cache = WrapCache::unwrapped(&doc, 50, false);
        let n = cache.line_at(&doc, offset);
        let line = cache.line(&doc, n).expect("line");
        let expected = want
            .iter()
            .rposition(|(r, _, _)| r.start <= offset)
            .expect("a line");
        assert_eq!(
            described(&doc, [line].into_iter())[0],
            want[expected],
            "offset {offset}"
        );
        let s = sections * i / 4;
        let at = cache.section_line(&doc, s).expect("shown");
        let first_block = doc.sections[s].blocks.start;
        let line = cache.line(&doc, at).expect("line");
        assert_eq!(line.block, Some(first_block), "section {s}");
    }
}

proptest! {
    #[test]
    fn lazy_wrapping_in_any_order_meets_the_same_lines(
        text in article(),
        width in 4u16..60,
        md in any::<bool>(),
        furniture in any::<bool>(),
        probes in prop::collection::vec((0usize..400, -50isize..50), 0..6),
    ) {
        let format = if md { Format::Markdown } else { Format::Plain };
        let Ok(doc) = Document::from_bytes("a", text.as_bytes(), Some(format)) else {
            return Ok(());
        };
        let want = eager(&doc, width, furniture);
        let cache = WrapCache::unwrapped(&doc, width, furniture);
        // Look around first, in an order of the test's choosing.
        for &(at, by) in &probes {
            if let Some(pos) = cache.pos(&doc, at) {
                let moved = cache.walk(&doc, pos, by);
                let here = cache.global(pos);
                let there = cache.global(moved);
                let expect = here.saturating_add_signed(by).min(cache.len() - 1);
                prop_assert_eq!(there, expect, "walk {} from {}", by, here);
            }
            let offset = at * 7 % (doc.text.len() + 1);
            let n = cache.line_at(&doc, offset);
            if !want.is_empty() {
                let line = cache.line(&doc, n).expect("a line");
                let expected = want.iter().rposition(|(r, _, _)| r.start <= offset).unwrap_or(0);
                prop_assert_eq!(&described(&doc, [line].into_iter())[0], &want[expected]);
            }
        }
        let got = by_number(&doc, &cache);
        prop_assert_eq!(described(&doc, got.into_iter()), want.clone());
        prop_assert_eq!(cache.len(), want.len());
        let built = WrapCache::build(&doc, width, furniture);
        check(&doc, &built);
    }
}

const TABLE: &str = "Lead.\n\n| Party | Leader | Votes |\n|---|---|--:|\n| Civic Party | Alvin Yeung | 1,234,567 |\n| Independent candidates from several districts | various | 12 |\n";

#[test]
fn a_table_is_drawn_as_aligned_rows() {
    let doc = markdown(TABLE);
    let cache = WrapCache::build(&doc, 80, true);
    check(&doc, &cache);
    assert_eq!(
        shown(&doc, &cache)[2..],
        [
            "Party                                    │ Leader      │ Votes",
            "─────────────────────────────────────────┼─────────────┼──────────",
            "Civic Party                              │ Alvin Yeung │ 1,234,567",
            "Independent candidates from several      │ various     │ 12",
            "districts                                │             │ ",
        ]
    );
}

#[test]
fn a_long_cell_wraps_inside_its_column_and_highlights_find_it() {
    let doc = markdown(TABLE);
    let cache = WrapCache::build(&doc, 44, true);
    check(&doc, &cache);
    let lines: Vec<Line> = cache.iter(&doc).collect();
    let text = shown(&doc, &cache);
    assert_eq!(
        text[2..],
        [
            "Party              │ Leader      │ Votes",
            "───────────────────┼─────────────┼──────────",
            "Civic Party        │ Alvin Yeung │ 1,234,567",
            "Independent        │ various     │ 12",
            "candidates from    │             │ ",
            "several districts  │             │ ",
        ]
    );
    // The row's later lines draw text its first line covers: highlights
    // are looked up in what a line draws.
    let districts = doc.text.find("districts").expect("word");
    assert!(lines[7].drawn().contains(&districts));
    assert!(!lines[7].range.contains(&districts));
}

#[test]
fn a_table_too_wide_for_the_screen_reads_as_running_text() {
    let doc = markdown(TABLE);
    for width in [4, 10, 24] {
        let cache = WrapCache::build(&doc, width, true);
        check(&doc, &cache);
    }
    let cache = WrapCache::build(&doc, 24, true);
    assert_eq!(
        shown(&doc, &cache)[2..],
        [
            "Party │ Leader │ Votes",
            "Civic Party │ Alvin",
            "  Yeung │ 1,234,567",
            "Independent candidates",
            "  from several districts",
            "  │ various │ 12",
        ]
    );
}

proptest! {
    #[test]
    fn generated_tables_fit_any_width(
        rows in prop::collection::vec(prop::collection::vec("[a-zA-Z 日本\u{1}\u{200b}*`]{0,30}", 1..7), 1..6),
        width in 1u16..100,
    ) {
        let md = crate::document::tests::markdown_table(&rows);
        // Text the loader refuses (binary) has nothing to wrap.
        let Ok(doc) = Document::from_bytes("a.md", md.as_bytes(), Some(Format::Markdown)) else {
            return Ok(());
        };
        let cache = WrapCache::build(&doc, width, true);
        if width >= 4 {
            check(&doc, &cache);
        } else {
            let _ = cache.iter(&doc).count();
        }
    }
}

#[test]
fn streamed_lines_are_the_cache_lines() {
    let seed = crate::cli::load_article(None).expect("seed");
    let md = Document::from_bytes(
        "a.md",
        b"# T\n\nSome *text* here.\n\n- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        None,
    )
    .expect("md");
    for doc in [&seed, &md] {
        for width in [12, 40, 80] {
            for furniture in [true, false] {
                let cache = WrapCache::build(doc, width, furniture);
                let cached: Vec<(Option<usize>, std::ops::Range<usize>, String)> = cache
                    .iter(doc)
                    .map(|l| (l.block, l.range.clone(), l.prefix.clone()))
                    .collect();
                let streamed: Vec<_> = super::stream_lines(doc, width, furniture, false)
                    .map(|l| (l.block, l.range.clone(), l.prefix.clone()))
                    .collect();
                assert_eq!(streamed, cached, "width {width}, furniture {furniture}");
            }
        }
    }
}

#[test]
fn an_anchor_names_the_blank_line_before_a_block_and_a_table_row_s_later_lines() {
    let doc = markdown(TABLE);
    let cache = WrapCache::build(&doc, 44, true);
    for n in 0..cache.len() {
        let pos = cache.pos(&doc, n).expect("a line");
        let anchor = cache.anchor_of(&doc, pos);
        assert_eq!(cache.pos_of(&doc, anchor), pos, "line {n}: {anchor:?}");
        let line = cache.line_of(&doc, pos).expect("a line");
        assert_eq!(anchor.offset, line.range.start);
    }
    // The blank line before the table and the row's later lines share an
    // offset with another line: the lead tells them apart.
    let leads: Vec<usize> = (0..cache.len())
        .map(|n| {
            cache
                .anchor_of(&doc, cache.pos(&doc, n).expect("line"))
                .lead
        })
        .collect();
    assert!(leads.iter().any(|&l| l > 0), "{leads:?}");
    // Without the lead, the same text: what a re-wrap keeps.
    let anchor = Anchor { offset: 7, lead: 1 };
    assert_eq!(anchor.text(), Anchor::at(7));
}

proptest! {
    #[test]
    fn an_anchor_turns_back_into_its_line_at_one_width_and_its_text_at_another(
        text in article(),
        width in 4u16..60,
        other in 4u16..60,
        md in any::<bool>(),
        probes in prop::collection::vec(0usize..400, 1..6),
    ) {
        let format = if md { Format::Markdown } else { Format::Plain };
        let Ok(doc) = Document::from_bytes("a", text.as_bytes(), Some(format)) else {
            return Ok(());
        };
        let cache = WrapCache::unwrapped(&doc, width, true);
        let again = WrapCache::unwrapped(&doc, other, true);
        for &at in &probes {
            let Some(pos) = cache.pos(&doc, at % cache.len().max(1)) else {
                continue;
            };
            let anchor = cache.anchor_of(&doc, pos);
            prop_assert_eq!(cache.pos_of(&doc, anchor), pos);
            // At another width the line on top holds the same text.
            let moved = again.pos_of(&doc, anchor.text());
            let line = again.line_of(&doc, moved).expect("a line");
            prop_assert!(
                line.range.start <= anchor.offset && anchor.offset <= line.range.end,
                "{:?} does not hold {}", line.range, anchor.offset
            );
        }
    }
}
