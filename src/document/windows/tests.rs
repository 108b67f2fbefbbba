use proptest::prelude::*;

use super::*;
use crate::document::{Document, Format, Source, load, markdown};

/// Cases to run: `PROPTEST_CASES` when set (a longer run), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

type Owned = Vec<(Event<'static>, Range<usize>)>;

fn whole_events(md: &str) -> Owned {
    Parser::new_ext(md, crate::document::markdown_options())
        .into_offset_iter()
        .map(|(e, r)| (e.into_static(), r))
        .collect()
}

fn windowed_events(md: &str, window: usize) -> Result<Owned, ParseWhole> {
    let mut out = Vec::new();
    for_each_event(
        md,
        crate::document::markdown_options(),
        window,
        &mut |e, r| out.push((e.into_static(), r)),
    )?;
    Ok(out)
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "Anna",
            "met",
            "the",
            "council",
            "in",
            "Oslo.",
            "*said*",
            "`code`",
            "[link](http://x)",
            "[ref]",
            "[Ref][]",
            "[text][late]",
            "[undefined]",
            "![img][ref]",
            "[^n]",
            "[^late note]",
            "[^nowhere]",
            "&amp;",
            "Zoë",
            "__b__",
        ]),
        1..10,
    )
    .prop_map(|w| w.join(" "))
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => words().prop_map(|w| format!("{w}.")),
        2 => words().prop_map(|w| format!("## {w}")),
        1 => words().prop_map(|w| format!("# {w}")),
        1 => (words(), words()).prop_map(|(a, b)| format!("{a}\n{b}")),
        2 => (words(), words()).prop_map(|(a, b)| format!("- {a}\n- {b}\n\n  {a}")),
        1 => words().prop_map(|w| format!("- {w}\n\n- {w}")),
        1 => words().prop_map(|w| format!("1. {w}\n2. {w}")),
        1 => words().prop_map(|w| format!("```\n{w}\n\n# not a heading\n```")),
        1 => words().prop_map(|w| format!("~~~\n{w}\n\n# still code")),
        1 => words().prop_map(|w| format!("> {w}\n>\n> # quoted\n\n> {w}")),
        1 => words().prop_map(|w| format!("> {w}\nlazy {w}")),
        1 => words().prop_map(|w| format!("<div>\n{w}\n\n# html?\n</div>")),
        1 => words().prop_map(|w| format!("<!--\n{w}\n\n# commented\n-->")),
        1 => words().prop_map(|w| format!("| a | b |\n|---|---|\n| {w} | x |")),
        1 => words().prop_map(|w| format!("    indented {w}\n\n    # code")),
        1 => words().prop_map(|w| format!("{w}\n===")),
        1 => words().prop_map(|w| format!("{w}\n---")),
        1 => Just("[ref]: http://example.org/ref".to_string()),
        1 => Just("[REF]: http://example.org/second \"Title\"".to_string()),
        1 => Just("[late]:\n  http://example.org/late\n  'a title'".to_string()),
        1 => Just("***".to_string()),
        1 => words().prop_map(|w| format!("[^n]: A note on {w}.\n\n    More of it.")),
        1 => words().prop_map(|w| format!("[^late  note]: Late, {w}.")),
        1 => words().prop_map(|w| format!("- [^n]: in a list {w}")),
    ]
}

fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(block(), 1..30),
        prop::collection::vec(
            prop::sample::select(vec!["\n\n", "\n", "\n\n\n", "\n \n"]),
            30,
        ),
    )
        .prop_map(|(blocks, seps)| {
            let mut text = String::new();
            for (i, b) in blocks.iter().enumerate() {
                if i > 0 {
                    text.push_str(seps[i % seps.len()]);
                }
                text.push_str(b);
            }
            text
        })
}

fn markdown(md: &str) -> Source {
    load::decode("a.md", md.as_bytes()).expect("text")
}

/// The parts of a document its parse makes.
fn assert_same(windowed: &Document, whole: &Document) {
    assert_eq!(windowed.text, whole.text);
    assert_eq!(windowed.blocks, whole.blocks);
    assert_eq!(windowed.sections, whole.sections);
    assert_eq!(windowed.source_map, whole.source_map);
    assert_eq!(windowed.title, whole.title);
    assert_eq!(windowed.dateline, whole.dateline);
    assert_eq!(windowed.notices, whole.notices);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn windows_give_the_whole_parse_s_events(md in article(), window in 1usize..400) {
        let whole = whole_events(&md);
        if let Ok(windowed) = windowed_events(&md, window) {
            prop_assert_eq!(windowed, whole);
        }
    }

    #[test]
    fn a_document_parsed_in_windows_is_the_whole_s(md in article(), window in 1usize..400) {
        let source = markdown(&md);
        let whole = markdown::parse_in(source.clone(), markdown::options(), true, usize::MAX);
        let windowed = markdown::parse_windowed(source, window);
        assert_same(&windowed, &whole);
    }
}

#[test]
fn a_reference_defined_in_a_later_window_resolves() {
    let md = "See [the report][r].\n\nMore.\n\nText [^1].\n\n[r]: http://example.org \"T\"\n\n[^1]: A note.\n";
    let windowed = windowed_events(md, 1).expect("windows");
    assert_eq!(windowed, whole_events(md));
    assert!(windowed.iter().any(|(e, _)| matches!(
        e,
        Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "http://example.org"
    )));
    assert!(
        windowed
            .iter()
            .any(|(e, _)| matches!(e, Event::FootnoteReference(l) if l.as_ref() == "1"))
    );
}

#[test]
fn the_first_definition_of_a_label_wins_across_windows() {
    let md = "[a]: http://first\n\nx [a] y\n\n[A]: http://second\n\nz [a]\n";
    assert_eq!(windowed_events(md, 1).expect("windows"), whole_events(md));
}

#[test]
fn a_stand_in_note_that_would_land_in_an_open_fence_parses_whole() {
    let md = "[^1]: note\n\ntext\n\nmore\n\n```\n[^1] in a fence\n\nstill code\n";
    assert_eq!(windowed_events(md, 1), Err(ParseWhole));
    let doc = markdown::parse_windowed(markdown(md), 1);
    let whole = markdown::parse_in(markdown(md), markdown::options(), true, usize::MAX);
    assert_same(&doc, &whole);
}

#[test]
fn a_reference_expansion_past_the_allowance_parses_whole() {
    let mut md = format!("[a]: http://{}\n\n", "x".repeat(1000));
    for _ in 0..200 {
        md.push_str("[a] [a] [a]\n\n");
    }
    assert_eq!(windowed_events(&md, 64), Err(ParseWhole));
    let doc = markdown::parse_windowed(markdown(&md), 64);
    let whole = markdown::parse_in(markdown(&md), markdown::options(), true, usize::MAX);
    assert_same(&doc, &whole);
}

#[test]
fn one_block_wider_than_the_window_is_parsed_in_a_wider_one() {
    let md = format!("a\n\n```\n{}```\n\nb\n", "code\n\n".repeat(100));
    assert_eq!(windowed_events(&md, 8).expect("windows"), whole_events(&md));
}

#[test]
fn a_document_of_tiny_blocks_is_the_whole_s() {
    let md = "x\n\n".repeat(1000);
    let doc = Document::parse(markdown(&md), Format::Markdown);
    assert_eq!(doc.blocks.len(), 1000);
    assert_same(&markdown::parse_windowed(markdown(&md), 10), &doc);
}

#[test]
fn a_block_wider_than_the_widest_window_is_read_with_the_rest_whole() {
    // One list of 2.5 MB, then paragraphs: windows widen up to `WIDEST`,
    // then the rest is parsed whole; the events are the whole's.
    let mut md = String::from("Intro.\n\n");
    while md.len() < super::WIDEST + 500_000 {
        md.push_str("- item\n");
    }
    md.push_str("\nAfter the list.\n\nThe end.\n");
    assert_eq!(
        windowed_events(&md, 4096).expect("windows"),
        whole_events(&md)
    );
}
