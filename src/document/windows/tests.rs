use proptest::prelude::*;
use pulldown_cmark::TagEnd;

use super::*;
use crate::document::{BlockKind, Document, Format, Source, load, markdown};

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

/// Events as the whole's and the windows' are compared: a list or a
/// paragraph cut across windows ends where the window that opened it saw
/// it end, and an empty item last in a window stretches over the blank
/// line after it (the builder reads no list's, item's or paragraph's
/// range, only where each starts matters here), and a
/// paragraph cut at a space has its text in more pieces, so adjacent text
/// runs are joined.
fn normal(events: Owned) -> Owned {
    let mut out: Owned = Vec::with_capacity(events.len());
    for (event, range) in events {
        let range = match event {
            Event::Start(Tag::List(_) | Tag::Paragraph | Tag::Item) => range.start..range.start,
            Event::End(TagEnd::List(_) | TagEnd::Paragraph | TagEnd::Item) => 0..0,
            _ => range,
        };
        if let (Event::Text(text), Some((Event::Text(last), last_range))) = (&event, out.last_mut())
            && last_range.end == range.start
        {
            *last = format!("{last}{text}").into();
            last_range.end = range.end;
            continue;
        }
        out.push((event, range));
    }
    out
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

/// Words of a long paragraph: mostly plain, some markup that may open
/// something a later window closes.
fn prose_words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "word",
            "word",
            "word",
            "Anna",
            "met",
            "the",
            "council",
            "in",
            "Oslo.",
            "Zoë",
            "(aside)",
            "it's",
            "2024",
            "*said*",
            "**so**",
            "`code`",
            "[link](http://x)",
            "[ref]",
            "x*y",
            "snake_case",
            "&amp;",
            "<b>",
            "*open",
            "close*",
            "[^n]",
        ]),
        1..120,
    )
    .prop_map(|w| w.join(" "))
}

/// A paragraph of one long line or several, sometimes closed in a way
/// that makes the whole something else (a setext heading, a table), or
/// followed by a block that interrupts it.
fn long_paragraph() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prose_words(), 1..4),
        prop::sample::select(vec!["\n", "\n", "\n   ", "  \n", " \n"]),
        prop::sample::select(vec![
            "",
            "",
            "",
            "\n===",
            "\n---",
            "\n|---|---|",
            "\n# h",
            "\n- item",
            "\n> q",
        ]),
    )
        .prop_map(|(lines, sep, close)| format!("{}{close}", lines.join(sep)))
}

/// A flat list: bullets or numbers, some items with more in them, tight
/// or (a blank line somewhere) loose.
fn long_list() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["-", "*", "+", "1.", "7)"]),
        prop::collection::vec(
            (
                0usize..8,
                prose_words(),
                prop::sample::select(vec!["\n", "\n", "\n", "\n", "\n", "\n", "\n\n"]),
            ),
            1..40,
        ),
    )
        .prop_map(|(marker, items)| {
            let mut out = String::new();
            for (i, (shape, words, sep)) in items.iter().enumerate() {
                let m = match marker {
                    "1." => format!("{}.", i + 1),
                    "7)" => format!("{})", i + 7),
                    m => m.to_string(),
                };
                let item = match shape {
                    0 => format!("{m} {words}\n  more {words}"),
                    1 => format!("{m} {words}\nlazy {words}"),
                    2 => format!("{m} {words}\n  - sub {words}\n  - sub"),
                    3 => format!("{m} {words}\n  ```\n  code\n  ```\n  after"),
                    4 => format!("{m} {words}\n  > quoted"),
                    5 if i > 0 => m.clone(),
                    _ => format!("{m} {words}"),
                };
                if i > 0 {
                    out.push_str(sep);
                }
                out.push_str(&item);
            }
            out
        })
}

/// A flat list, tight (no blank line), loose (a blank line after every
/// item) or mixed, whose items hold what looseness changes (paragraphs,
/// bare or shown, beginning with text, markup or an escape) and what a
/// blank line in it does not make loose (one in a fenced code block, one
/// after the last item).
fn any_list() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["-", "*", "1.", "3)"]),
        0usize..3,
        prop::collection::vec((0usize..12, prose_words(), any::<bool>()), 1..30),
        prop::sample::select(vec!["", "\n", "\n\n"]),
    )
        .prop_map(|(marker, looseness, items, after)| {
            let mut out = String::new();
            for (i, (shape, words, blank)) in items.iter().enumerate() {
                let m = match marker {
                    "1." => format!("{}.", i + 1),
                    "3)" => format!("{})", i + 3),
                    m => m.to_string(),
                };
                let pad = " ".repeat(m.len() + 1);
                let item = match shape {
                    0 => format!("{m} \\*{words}"),
                    1 => format!("{m} *{words}* after"),
                    2 => format!("{m} `code` {words}"),
                    3 => format!("{m} {words}\n\n{pad}second {words}"),
                    4 => format!(
                        "{m} {words}\n{pad}```\n{pad}code\n\n{pad}more\n{pad}```\n{pad}after"
                    ),
                    5 => format!("{m} {words}\n{pad}- sub {words}\n\n{pad}- sub"),
                    6 => format!("{m} {words}\n{pad}***\n{pad}after"),
                    7 => format!("{m} # heading {words}"),
                    8 => format!("{m} {words}\n{pad}> quoted\n\n{pad}after"),
                    9 if i > 0 => m.clone(),
                    10 => format!("{m} {words}\nlazy {words}"),
                    _ => format!("{m} {words}"),
                };
                if i > 0 {
                    let loose = match looseness {
                        0 => false,
                        1 => true,
                        _ => *blank,
                    };
                    out.push_str(if loose { "\n\n" } else { "\n" });
                }
                out.push_str(&item);
            }
            out.push_str(after);
            out
        })
}

fn lists_article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => any_list(),
            1 => long_paragraph(),
            1 => block(),
        ],
        1..5,
    )
    .prop_map(|blocks| blocks.join("\n\n"))
}

fn long_blocks_article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => long_list(),
            3 => long_paragraph(),
            2 => block(),
        ],
        1..6,
    )
    .prop_map(|blocks| blocks.join("\n\n"))
}

/// Windows of `window` bytes give the whole parse's events (when the
/// windowed parse succeeds at all).
fn same_events(md: &str, window: usize) -> Result<(), TestCaseError> {
    let whole = whole_events(md);
    if let Ok(windowed) = windowed_events(md, window) {
        prop_assert_eq!(normal(windowed), normal(whole));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn windows_give_the_whole_parse_s_events(md in article(), window in 1usize..400) {
        same_events(&md, window)?;
    }

    #[test]
    fn windows_cut_in_lists_and_paragraphs_give_the_whole_s_events(
        md in long_blocks_article(),
        window in 1usize..400,
    ) {
        same_events(&md, window)?;
    }

    #[test]
    fn a_document_cut_in_lists_and_paragraphs_is_the_whole_s(
        md in long_blocks_article(),
        window in 1usize..400,
    ) {
        let source = markdown(&md);
        let whole = markdown::parse_in(source.clone(), markdown::options(), true, usize::MAX);
        let windowed = markdown::parse_windowed(source, window);
        assert_same(&windowed, &whole);
    }

    #[test]
    fn a_document_with_definitions_cut_in_lists_and_paragraphs_is_the_whole_s(
        md in long_blocks_article(),
        window in 1usize..400,
    ) {
        // A definition anywhere makes the windows go twice over the text.
        let md = format!("{md}\n\n[ref]: http://example.org/ref\n\n[^n]: A note.\n");
        let source = markdown(&md);
        let whole = markdown::parse_in(source.clone(), markdown::options(), true, usize::MAX);
        let windowed = markdown::parse_windowed(source, window);
        assert_same(&windowed, &whole);
        if let Ok(windowed) = windowed_events(&md, window) {
            prop_assert_eq!(normal(windowed), normal(whole_events(&md)));
        }
    }

    #[test]
    fn tight_loose_and_mixed_lists_cut_in_windows_are_the_whole_s(
        md in lists_article(),
        window in 1usize..400,
    ) {
        let source = markdown(&md);
        let whole = markdown::parse_in(source.clone(), markdown::options(), true, usize::MAX);
        let windowed = markdown::parse_windowed(source, window);
        assert_same(&windowed, &whole);
        same_events(&md, window)?;
    }

    #[test]
    fn lists_with_definitions_cut_in_windows_are_the_whole_s(
        md in lists_article(),
        window in 1usize..400,
    ) {
        // The second pass parses each window again between its cuts.
        let md = format!("{md}\n\n[ref]: http://example.org/ref\n");
        let source = markdown(&md);
        let whole = markdown::parse_in(source.clone(), markdown::options(), true, usize::MAX);
        let windowed = markdown::parse_windowed(source, window);
        assert_same(&windowed, &whole);
        same_events(&md, window)?;
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
        normal(windowed_events(&md, 4096).expect("windows")),
        normal(whole_events(&md))
    );
}

/// The cuts the windows make in `md`.
fn cuts(md: &str, window: usize) -> Vec<Cut> {
    walk(
        md,
        crate::document::markdown_options(),
        window,
        &mut |_, _| {},
        |_, _| {},
    )
    .expect("windows")
}

fn assert_whole_s(md: &str, window: usize) -> Document {
    let whole = markdown::parse_in(markdown(md), markdown::options(), true, usize::MAX);
    let windowed = markdown::parse_windowed(markdown(md), window);
    assert_same(&windowed, &whole);
    assert_eq!(
        normal(windowed_events(md, window).expect("windows")),
        normal(whole_events(md))
    );
    windowed
}

#[test]
fn a_tight_list_is_cut_between_its_items() {
    let md = format!("Title\n\n{}\nAfter.\n", "- item\n".repeat(500));
    let cuts = cuts(&md, 256);
    assert!(cuts.len() > 5, "{cuts:?}");
    assert!(cuts.iter().all(|c| c.goes == Goes::List));
    assert!(cuts.iter().all(|c| md[c.at..].starts_with("- item\n")));
    let doc = assert_whole_s(&md, 256);
    assert_eq!(doc.blocks.len(), 502);
}

#[test]
fn an_ordered_list_cut_between_its_items_goes_on_counting() {
    let md: String = (7..400).map(|n| format!("{n}. item\n")).collect();
    assert!(cuts(&md, 128).iter().any(|c| c.goes == Goes::List));
    let doc = assert_whole_s(&md, 128);
    let ordinals: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::ListItem { ordinal } => ordinal,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ordinals, (7..400).map(Some).collect::<Vec<_>>());
}

#[test]
fn a_list_a_blank_line_may_make_loose_is_not_cut_between_its_items() {
    // Tight or loose is the whole list's: a blank line between two late
    // items makes every item's paragraph show, so no item is cut from it.
    let md = format!("{}\n- last\n", "- item\n".repeat(300));
    assert!(cuts(&md, 128).is_empty());
    assert_whole_s(&md, 128);
    // A blank line before an indented line may still be in the list.
    let md = format!("{}\n  more\n", "- item\n".repeat(300));
    assert!(cuts(&md, 128).is_empty());
    assert_whole_s(&md, 128);
    // A blank line before a line no list goes on with ends it tight.
    let md = format!("{}\nA paragraph.\n", "- item\n".repeat(300));
    assert!(!cuts(&md, 128).is_empty());
    assert_whole_s(&md, 128);
}

#[test]
fn a_loose_list_is_cut_between_its_items() {
    let md = format!("Title\n\n{}After.\n", "- item\n\n".repeat(500));
    let cuts = cuts(&md, 256);
    // The first before the list, at the top level; then between items.
    assert!(cuts.len() > 5, "{cuts:?}");
    assert!(cuts.iter().skip(1).all(|c| c.goes == Goes::List && c.loose));
    assert!(cuts.iter().all(|c| md[c.at..].starts_with("- item\n")));
    let doc = assert_whole_s(&md, 256);
    assert_eq!(doc.blocks.len(), 502);
}

#[test]
fn a_loose_ordered_list_cut_between_its_items_goes_on_counting() {
    let md: String = (7..400).map(|n| format!("{n}. item\n\n")).collect();
    assert!(
        cuts(&md, 128)
            .iter()
            .any(|c| c.goes == Goes::List && c.loose)
    );
    let doc = assert_whole_s(&md, 128);
    let ordinals: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::ListItem { ordinal } => ordinal,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ordinals, (7..400).map(Some).collect::<Vec<_>>());
}

#[test]
fn a_loose_list_s_items_a_window_reads_as_tight_show_their_paragraphs() {
    // One blank line, after the first item, makes the whole list loose;
    // the windows after it hold items with no blank line between them.
    let item = "- \\*escaped* `code` and *more*\n  ```\n  code\n  ```\n  after\n";
    let md = format!("- first\n\n{}", item.repeat(200));
    let cuts = cuts(&md, 256);
    assert!(cuts.len() > 5, "{cuts:?}");
    assert!(cuts.iter().all(|c| c.goes == Goes::List && c.loose));
    let windowed = windowed_events(&md, 256).expect("windows");
    let paragraphs = windowed
        .iter()
        .filter(|(e, _)| *e == Event::Start(Tag::Paragraph))
        .count();
    assert_eq!(paragraphs, 1 + 2 * 200);
    assert_eq!(normal(windowed), normal(whole_events(&md)));
    assert_whole_s(&md, 256);
    // The same with a definition: the second pass gives them too.
    let md = format!("{md}\n[ref]: http://example.org\n");
    assert_whole_s(&md, 256);
}

#[test]
fn a_blank_line_in_an_item_s_fenced_code_does_not_make_the_list_loose() {
    let item = "- item\n  ```\n  code\n\n  more\n  ```\n";
    let md = format!("{}\nAfter.\n", item.repeat(200));
    // Tight: the one paragraph is the one after the list.
    let paragraphs = whole_events(&md)
        .iter()
        .filter(|(e, _)| *e == Event::Start(Tag::Paragraph))
        .count();
    assert_eq!(paragraphs, 1);
    // No window shows it loose, so no cut takes it for loose.
    assert!(cuts(&md, 256).iter().all(|c| !c.loose));
    assert_whole_s(&md, 256);
}

#[test]
fn a_list_with_nested_blocks_and_lazy_lines_is_cut_as_the_whole_reads() {
    let item = "- item *one*\n  more of it\nlazy line\n  - nested\n  ```\n  code\n  ```\n";
    let md = format!("Intro.\n\n{}\nThe end.\n", item.repeat(100));
    assert!(cuts(&md, 200).iter().any(|c| c.goes == Goes::List));
    assert_whole_s(&md, 200);
}

#[test]
fn one_long_line_is_cut_at_spaces_into_one_paragraph() {
    let md = format!("Title\n\n{}end.\n", "word ".repeat(5000));
    let cuts = cuts(&md, 1024);
    assert!(cuts.len() > 10, "{}", cuts.len());
    assert!(cuts.iter().skip(1).all(|c| c.goes == Goes::Paragraph));
    let doc = assert_whole_s(&md, 1024);
    assert_eq!(doc.blocks.len(), 2);
    assert!(doc.source_map.runs() <= 2);
}

#[test]
fn a_paragraph_is_not_cut_where_an_open_construct_may_close_later() {
    // An emphasis opened early and closed at the end, a code span, a
    // link, an autolink.
    for open in ["*", "_", "`", "[", "<"] {
        let close = match open {
            "[" => "](http://x)",
            "<" => ">",
            o => o,
        };
        let md = format!("{open}{}end{close}\n", "word ".repeat(3000));
        assert!(cuts(&md, 512).is_empty(), "{open}");
        assert_whole_s(&md, 512);
    }
}

#[test]
fn a_paragraph_a_later_line_makes_a_heading_or_table_is_not_cut() {
    for close in ["===", "---", "|---|", "- item", "  indented"] {
        let md = format!(
            "{}\n{}\n{close}\n",
            "word ".repeat(3000),
            "word ".repeat(10)
        );
        assert!(
            cuts(&md, 512).iter().all(|c| c.goes != Goes::Paragraph),
            "{close}"
        );
        assert_whole_s(&md, 512);
    }
    // Lines that start with letters go on with the paragraph.
    let md = format!(
        "{}\n{}\n\nNext.\n",
        "word ".repeat(3000),
        "more ".repeat(3000)
    );
    assert!(cuts(&md, 512).iter().any(|c| c.goes == Goes::Paragraph));
    assert_whole_s(&md, 512);
}

#[test]
fn a_window_ended_early_at_its_cut_gives_the_whole_s_events() {
    // The heading's end is a cut; the loose list after it is more events
    // than a window holds past a cut, so the window ends there (its
    // events past the cut let go) and the next one cuts the list between
    // its items.
    let md = format!("# Title\n\n{}", "- item\n\n".repeat(100_000));
    let found = cuts(&md, 512 * 1024);
    assert_eq!(found.first().map(|c| (c.at, c.goes)), Some((9, Goes::On)));
    assert!(
        found.iter().skip(1).all(|c| c.goes == Goes::List),
        "{found:?}"
    );
    assert_whole_s(&md, 512 * 1024);
}

#[test]
fn a_fence_left_open_at_an_item_s_end_keeps_no_blank_line_of_a_stand_in_note() {
    // The item's fence is closed by the next item, not by a fence line: a
    // window ending there with a note defined in a later window is parsed
    // with a stand-in note after blank lines, which the open fence took in.
    let item = "- item [^n] word\n  ```\n  code\n  after\n";
    let md = format!("{}- [^n]: the note\n", item.repeat(60));
    assert!(cuts(&md, 128).iter().any(|c| c.goes == Goes::List));
    let whole = markdown::parse_in(markdown(&md), markdown::options(), true, usize::MAX);
    assert_same(&markdown::parse_windowed(markdown(&md), 128), &whole);
    if let Ok(windowed) = windowed_events(&md, 128) {
        assert_eq!(normal(windowed), normal(whole_events(&md)));
    }
}
