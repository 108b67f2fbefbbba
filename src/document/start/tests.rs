use std::io::{Cursor, Read};

use proptest::prelude::*;

use super::*;

/// Cases to run: `PROPTEST_CASES` when set (a longer run), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Opens `text` named `name` as if its first `head` bytes were the start
/// read: the start and the whole, or `None` when it is read whole.
fn open_text(name: &str, text: &str, head: usize) -> Option<(Document, Rest)> {
    let bytes = text.as_bytes();
    let head = head.min(bytes.len());
    let mut file = Cursor::new(&bytes[head..]);
    let before = bytes[..head].last().copied();
    let more = || definition_in(before, &mut file);
    let tail = |tail| prose_ahead(tail, &mut Cursor::new(&bytes[head..]));
    let start =
        start_of(name, &bytes[..head], more, tail, MARKDOWN_WIDE_BYTES).expect("text opens")?;
    Some((start, Rest::file(Path::new(name), bytes.len() as u64)))
}

/// The promise: the start's text is a prefix of the whole's, its blocks
/// are the whole's first blocks (the last one cut short when the start is
/// cut inside it), its sections the whole's first (the last one only cut
/// short).
fn assert_start_of(start: &Document, whole: &Document) {
    assert!(whole.text.starts_with(&start.text), "text is a prefix");
    let n = start.blocks.len();
    assert!(n > 0);
    let blocks: Vec<_> = start.blocks.iter().collect();
    let same: Vec<_> = whole.blocks.iter().take(n).collect();
    let (last, whole_last) = (&blocks[n - 1], &same[n - 1]);
    if last.range.end < whole_last.range.end {
        // Cut inside its last block: the same block, shorter.
        assert_eq!(last.range.start, whole_last.range.start);
        assert_eq!(
            (&last.kind, last.quote_depth, last.list_depth),
            (
                &whole_last.kind,
                whole_last.quote_depth,
                whole_last.list_depth
            )
        );
        assert_eq!(blocks[..n - 1], same[..n - 1]);
    } else {
        assert!(n < whole.blocks.len(), "the start holds fewer blocks");
        assert_eq!(blocks, same);
    }
    assert_eq!(start.title, whole.title);
    assert_eq!(start.dateline, whole.dateline);
    let s = start.sections.len();
    assert_eq!(start.sections[..s - 1], whole.sections[..s - 1]);
    let (last, same) = (&start.sections[s - 1], &whole.sections[s - 1]);
    assert_eq!(
        (
            &last.heading,
            &last.title,
            last.level,
            last.boilerplate,
            last.blocks.start
        ),
        (
            &same.heading,
            &same.title,
            same.level,
            same.boilerplate,
            same.blocks.start
        )
    );
    assert_eq!(last.blocks.end, n);
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "Anna",
            "met",
            "the",
            "council",
            "in",
            "Oslo",
            "on",
            "Monday.",
            "“It",
            "is",
            "over,”",
            "42",
            "percent",
            "*said*",
            "`code`",
            "[link](http://x)",
            "[ref]",
            "Zoë",
            "—",
            "__b__",
        ]),
        1..14,
    )
    .prop_map(|w| w.join(" "))
}

fn plain_block() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => words().prop_map(|w| format!("{w}.")),
        2 => (words(), words()).prop_map(|(a, b)| format!("{a}\n{b}.")),
        1 => words(),
        1 => prop::sample::select(vec!["Share", "Add a comment", "Read more", "Related stories", "Sources"])
            .prop_map(str::to_string),
        1 => prop::sample::select(vec!["Monday, March 4, 2024", "Reaction", "What next?"])
            .prop_map(str::to_string),
    ]
}

/// Blocks joined by the separators in turn, ending in a line feed.
fn joined(blocks: &[String], seps: &[&str]) -> String {
    let mut text = String::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            text.push_str(seps[i % seps.len()]);
        }
        text.push_str(b);
    }
    text.push('\n');
    text
}

fn plain_article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(plain_block(), 4..40),
        prop::collection::vec(
            prop::sample::select(vec!["\n\n", "\n \n", "\n\n\n", "\r\n\r\n"]),
            40,
        ),
    )
        .prop_map(|(blocks, seps)| joined(&blocks, &seps))
}

fn markdown_block() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => words().prop_map(|w| format!("{w}.")),
        2 => words().prop_map(|w| format!("## {w}")),
        1 => words().prop_map(|w| format!("# {w}")),
        1 => words().prop_map(|w| format!("### {w}\n{w}")),
        2 => (words(), words()).prop_map(|(a, b)| format!("- {a}\n- {b}\n\n  # {a}")),
        1 => words().prop_map(|w| format!("1. {w}\n2. {w}\n\n# in the list?")),
        1 => words().prop_map(|w| format!("```\n{w}\n\n# not a heading\n```")),
        1 => words().prop_map(|w| format!("~~~\n{w}\n\n# still code")),
        1 => words().prop_map(|w| format!("> {w}\n>\n> # quoted\n\n> {w}")),
        1 => words().prop_map(|w| format!("<div>\n{w}\n\n# html?\n</div>")),
        1 => words().prop_map(|w| format!("<!--\n{w}\n\n# commented\n-->")),
        1 => words().prop_map(|w| format!("| a | b |\n|---|---|\n| {w} | x |")),
        1 => words().prop_map(|w| format!("    indented {w}\n\n    # code")),
        1 => words().prop_map(|w| format!("{w}\n===")),
        1 => Just("[ref]: http://example.org/ref".to_string()),
        1 => Just("***".to_string()),
        1 => Just("Share".to_string()),
        1 => Just("## Sources".to_string()),
        1 => words().prop_map(|w| format!("{w} [^n] and [^{w}].")),
        1 => words().prop_map(|w| format!("[^n]: A note on {w}.\n\n    More of it.")),
        1 => words().prop_map(|w| format!("<details>\n<summary>{w}</summary>\n\n{w}.\n\n</details>")),
        2 => (words(), 2usize..30).prop_map(|(w, n)| format!("- {w}\n").repeat(n).trim_end().to_string()),
        1 => (words(), 2usize..30).prop_map(|(w, n)| (1..n).map(|i| format!("{i}. {w}\n")).collect::<String>().trim_end().to_string()),
        // Loose only by a blank line late in it, and items with blocks
        // and text after them, which tight and loose lists read apart.
        1 => (words(), 2usize..30).prop_map(|(w, n)| format!("{}\n- {w}", format!("- {w}\n").repeat(n))),
        1 => (words(), 2usize..10).prop_map(|(w, n)| format!("{}\n- {w}", format!("- {w}\n  ```\n  code\n  ```\n  after {w}\n").repeat(n))),
        1 => (words(), 2usize..10).prop_map(|(w, n)| format!("- {w}\n  - nested\n  after\n{}", format!("- {w}\nlazy {w}\n").repeat(n)).trim_end().to_string()),
    ]
}

fn markdown_article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(markdown_block(), 4..40),
        prop::collection::vec(prop::sample::select(vec!["\n\n", "\n", "\n\n\n"]), 40),
    )
        .prop_map(|(blocks, seps)| joined(&blocks, &seps))
}

/// Tiny paragraphs of every kind the front and the end of an article
/// tell apart: lower-case fragments (a caption before a dated lead),
/// short capitalised lines (subheadings), date lines, furniture and
/// closing headings.
fn tiny_block() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "x",
        "x",
        "x",
        "X",
        "a b",
        "Reaction",
        "Done.",
        "Oslo, Norway — x",
        "Monday, March 4, 2024",
        "Share",
        "Sources",
        "x Image: AP.",
    ])
    .prop_map(str::to_string)
}

fn tiny_article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(tiny_block(), 4..400),
        prop::collection::vec(prop::sample::select(vec!["\n\n", "\n \n", "\n\n\n"]), 40),
    )
        .prop_map(|(blocks, seps)| joined(&blocks, &seps))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn a_start_of_tiny_paragraphs_parses_as_the_whole_does(
        title in prop::sample::select(vec!["Title", "x", "Share"]),
        text in tiny_article(),
        head in 0usize..4000,
    ) {
        let text = format!("{title}\n\n{text}");
        let whole = Document::from_bytes("a.txt", text.as_bytes(), None).expect("text");
        if let Some((start, _)) = open_text("a.txt", &text, head) {
            assert_start_of(&start, &whole);
        }
    }

    #[test]
    fn a_plain_start_parses_as_the_whole_does(text in plain_article(), head in 0usize..4000) {
        let whole = Document::from_bytes("a.txt", text.as_bytes(), None).expect("text");
        if let Some((start, _)) = open_text("a.txt", &text, head) {
            assert_start_of(&start, &whole);
        }
    }

    #[test]
    fn a_markdown_start_parses_as_the_whole_does(text in markdown_article(), head in 0usize..4000) {
        let whole = Document::from_bytes("a.md", text.as_bytes(), None).expect("text");
        if let Some((start, rest)) = open_text("a.md", &text, head) {
            assert_start_of(&start, &whole);
            prop_assert_eq!(rest.file_len, Some(text.len() as u64));
        }
    }
}

#[test]
fn plain_text_is_cut_before_a_paragraph_after_prose() {
    let text =
        "Title\n\nLead.\n\nSecond\nparagraph.\n\nThird.\n\nA short line\n\nShare\n\nLast par";
    let (start, rest) = open_text("a.txt", &format!("{text}agraph.\n"), text.len()).expect("cut");
    // A cut comes before a paragraph the head holds whole ("Last par"
    // goes on) that is not furniture ("Share" could open the whole's
    // trailing furniture, after which the short line would be its last
    // block, so no subheading).
    assert_eq!(
        start.text,
        "Title\n\nLead.\n\nSecond\nparagraph.\n\nThird.\n\n"
    );
    assert_eq!(start.blocks.len(), 4);
    assert_eq!(rest.file_len, Some(text.len() as u64 + 8));
}

#[test]
fn a_head_of_tiny_paragraphs_is_cut_after_a_bounded_number_of_blocks() {
    // `x` reads as a caption before a dated lead and `X` as a subheading:
    // neither is a reason to wait for the whole when prose follows.
    for (name, unit) in [
        ("a.txt", "x\n\n"),
        ("a.txt", "X\n\n"),
        ("a.txt", "x\n\nX\n\n"),
        ("a.md", "x\n\n"),
    ] {
        let text = format!("Title\n\n{}", unit.repeat(START_BYTES / unit.len() * 2));
        let (start, _) = open_text(name, &text, START_BYTES).expect("cut");
        let n = start.blocks.len();
        assert!(
            (START_MAX_BLOCKS - 2..=START_MAX_BLOCKS).contains(&n),
            "{name} {unit:?}: {n}"
        );
        let whole = Document::from_bytes(name, text.as_bytes(), None).expect("whole");
        assert_start_of(&start, &whole);
    }
    // A dated report whose head is all captions has no lead in it: read
    // whole.
    let text = format!(
        "Title\n\nMonday, March 4, 2024\n\n{}Oslo, Norway — The lead.\n",
        "x\n\n".repeat(START_BYTES / 3)
    );
    assert!(open_text("a.txt", &text, START_BYTES).is_none());
}

#[test]
fn a_start_is_never_cut_inside_what_could_be_end_matter() {
    // Past "Sources", every block is short: in the whole they are end
    // matter, so the start ends before the heading.
    let text = "Title\n\nLead.\n\nSecond.\n\nThird.\n\nSources\n\nA source.\n\nAnother.\n\nLast ";
    let (start, _) = open_text("a.txt", &format!("{text}one.\n"), text.len()).expect("cut");
    assert_eq!(start.text, "Title\n\nLead.\n\nSecond.\n\nThird.\n\n");
    let md = "# Title\n\nLead.\n\nMore.\n\nText.\n\n## Sources\n\nA source.\n\n## Next\n\nShort.\n\n## End\n\nx";
    let (start, _) = open_text("a.md", &format!("{md}y.\n"), md.len()).expect("cut");
    assert!(start.text.ends_with("Text."), "{:?}", start.text);
}

#[test]
fn markdown_is_cut_before_a_top_level_block_only() {
    let md = "# Title\n\nLead.\n\nMore.\n\n- item\n\n  # in the item\n\n```\n\n# in code\n```\n\n## Next\n\nText.\n\n> quote\n>\n> # quoted\n\nEnd.\n\nMore text.\n";
    let head = md.len() - 3;
    let (start, _) = open_text("a.md", md, head).expect("cut");
    // Not in the item, the fence or the quote: before `End.`.
    assert!(start.text.ends_with("quoted"), "{:?}", start.text);
    let whole = Document::from_bytes("a.md", md.as_bytes(), None).expect("md");
    assert_start_of(&start, &whole);
}

#[test]
fn a_later_definition_or_a_short_unsniffable_start_reads_whole() {
    let md = "# Title\n\nSee [the report][r].\n\n## More\n\nText.\n\n[r]: http://example.org\n";
    assert!(open_text("a.md", md, 30).is_none());
    // Without a name that says so, a start with few lines could be
    // Markdown further on.
    let text = "Title\n\nLead.\n\nMore.\n\n# Heading\n";
    assert!(open_text("article", text, 20).is_none());
    // UTF-16 is read whole.
    let wide: Vec<u8> = "\u{feff}Title\n\nLead.\n\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let opening = start_of(
        "a.txt",
        &wide,
        || Ok(false),
        |_| Ok(false),
        MARKDOWN_WIDE_BYTES,
    )
    .expect("opens");
    assert!(opening.is_none());
}

#[test]
fn a_start_of_furniture_only_reads_whole() {
    let text = "Share\n\nAdd a comment\n\nSkip to content\n\nThe article.\n";
    assert!(open_text("a.txt", text, 40).is_none());
}

#[test]
fn a_file_of_one_long_line_is_cut_between_its_pieces() {
    let sentence = "Officials said the talks would go on, and 120 people waited outside. ";
    let text = sentence.repeat(START_BYTES * 3 / sentence.len());
    let (start, _) = open_text("line.txt", &text, START_BYTES).expect("cut at a space");
    let whole = Document::from_bytes("line.txt", text.as_bytes(), None).expect("whole");
    assert!(start.blocks.len() > MIN_BLOCKS);
    assert!(start.text.len() <= START_BYTES);
    assert_start_of(&start, &whole);
}

/// A title and a paragraph of one long line, then `after`.
fn long_line(after: &str) -> String {
    let mut text = String::from("# A title\n\n");
    let words = [
        "The", "council", "met", "in", "Oslo,", "and", "Anna", "Berg", "said", "so.",
    ];
    let mut i = 0;
    while text.len() < 4 * MARKDOWN_START_BYTES {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i += 1;
    }
    text.push_str("end");
    text.push_str(after);
    text
}

#[test]
fn markdown_of_one_long_line_is_cut_inside_its_paragraph() {
    for after in ["", "\n", "\n\n# More\n\nText.\n", "\nand a second line\n"] {
        let text = long_line(after);
        let (start, _) =
            open_text("line.md", &text, MARKDOWN_START_BYTES).expect("cut inside the paragraph");
        let whole = Document::from_bytes("line.md", text.as_bytes(), None).expect("whole");
        assert_eq!(start.blocks.len(), 2);
        assert!(start.text.len() > MIN_PARAGRAPH_CUT);
        assert!(start.text.len() < MARKDOWN_START_BYTES);
        assert_start_of(&start, &whole);
    }
}

#[test]
fn a_long_paragraph_a_later_line_may_turn_is_read_whole() {
    // A setext underline makes the paragraph a heading, a delimiter row
    // a table, a line starting otherwise than with a letter may too.
    for after in [
        "\n===\n",
        "\n---\n",
        "\n| - |\n",
        "\n  indented\n",
        "\nok\n- item\n",
    ] {
        let text = long_line(after);
        assert!(
            open_text("line.md", &text, MARKDOWN_START_BYTES).is_none(),
            "{after:?}"
        );
    }
    // Markup left open before the cut may close after it.
    let text = long_line("").replacen("council", "*council", 1);
    assert!(open_text("line.md", &text, MARKDOWN_START_BYTES).is_none());
    // A stream's head that shows the turn: its paragraph is not cut.
    for after in ["\n===\n", "\n| - |\n"] {
        let text = format!(
            "# A title\n\n{}end{after}{}",
            "word ".repeat(START_BYTES / 6),
            "\nmore".repeat(START_BYTES / 5)
        );
        assert!(
            matches!(
                open_stream("stdin.md", stream(text.into_bytes())).expect("opens"),
                Opening::Whole(_)
            ),
            "{after:?}"
        );
    }
}

/// A Markdown title, then one paragraph of lines `line_bytes` long (one
/// line when longer than the whole) running past a stream's head, then
/// `after`.
fn piped_paragraph(line_bytes: usize, after: &str) -> String {
    let line = "word ".repeat(line_bytes / 5) + "and";
    let mut text = String::from("# A piped title\n\n");
    while text.len() < 3 * START_BYTES {
        text.push_str(&line);
        text.push('\n');
    }
    text.pop();
    text + after
}

#[test]
fn a_piped_paragraph_past_the_head_opens_from_a_prefix() {
    // The rest of a stream cannot be read through for the paragraph's
    // end without reading the whole: it is taken to go on as prose.
    for (line_bytes, after) in [
        (4 * START_BYTES, ""),
        (4 * START_BYTES, "\n\n## More\n\nText.\n"),
        (80, "\n"),
        (80, "\n\nThe end.\n"),
    ] {
        let text = piped_paragraph(line_bytes, after);
        for name in ["stdin", "stdin.md"] {
            let Opening::Start(start, rest) =
                open_stream(name, stream(text.clone().into_bytes())).expect("opens")
            else {
                panic!("read whole: {line_bytes} {after:?} {name}");
            };
            assert_eq!(start.format, Format::Markdown);
            assert!(start.text.len() < START_BYTES);
            assert_eq!(start.blocks.len(), 2, "cut inside the paragraph");
            let whole = rest.load(|_| {}).expect("the rest");
            let read_whole = Document::from_bytes(name, text.as_bytes(), None).expect("whole");
            assert_eq!(whole.text, read_whole.text);
            assert_eq!(whole.blocks, read_whole.blocks);
            assert_start_of(&start, &whole);
        }
    }
}

#[test]
fn a_piped_paragraph_a_line_past_the_head_turns_keeps_the_text() {
    // The guess a stream's start is made on, not borne out: a setext
    // underline past the head makes the paragraph a heading. The start's
    // text is still the whole's first, so the swap keeps the view on it
    // (`app::loading`).
    let text = piped_paragraph(80, "\n===\n\nThe end.\n");
    let Opening::Start(start, rest) =
        open_stream("stdin", stream(text.clone().into_bytes())).expect("opens")
    else {
        panic!("read whole");
    };
    let whole = rest.load(|_| {}).expect("the rest");
    assert!(matches!(
        whole.blocks.at(1).kind,
        super::super::BlockKind::Heading { .. }
    ));
    assert_eq!(start.blocks.at(1).kind, super::super::BlockKind::Paragraph);
    let at = start.blocks.at(1).range.start;
    assert_eq!(
        start.source_map.to_source(at + 100),
        whole
            .source_map
            .to_source(whole.blocks.at(1).range.start + 100),
        "the same bytes of the stream"
    );
}

#[test]
fn the_tail_of_a_paragraph_is_told_across_reads() {
    let tell = |parts: &[&str]| {
        let mut tail = ProseTail::default();
        for part in parts {
            if let Some(prose) = tail.feed(part.as_bytes()) {
                return Some(prose);
            }
        }
        None
    };
    assert_eq!(
        tell(&["cut's line", " goes on\n", "next\n", "\n"]),
        Some(true)
    );
    assert_eq!(tell(&["line\n", " \t", "\n"]), Some(true));
    assert_eq!(tell(&["line\n", "  x"]), Some(false));
    assert_eq!(tell(&["line\nword\n=", "=="]), Some(false));
    assert_eq!(tell(&["line", "\nword"]), None);
    let prose = |text: &str| prose_in(ProseTail::default(), &mut Cursor::new(text)).expect("reads");
    assert!(prose("line\nword"), "the end of the input ends it");
    assert!(!prose("line\n1. item"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    /// Whatever follows a long paragraph, a start cut inside it parses as
    /// the whole does.
    #[test]
    fn a_start_cut_inside_a_paragraph_parses_as_the_whole_does(
        lines in prop::collection::vec(prop::sample::select(vec![
            "\n", "\nword", "\nword *open", "\n===", "\n- item", "\n\n# Heading", "\n\ntext",
            "\n> quote", "\n| a | b |\n|---|---|", "\n    code", "\n[x]: /y", " [x]",
            " `code`", " *emph*", "\n1. one",
        ]), 0..6),
        head in MARKDOWN_START_BYTES / 2..MARKDOWN_START_BYTES * 2,
    ) {
        let text = long_line(&lines.concat());
        let whole = Document::from_bytes("a.md", text.as_bytes(), None).expect("text");
        if let Some((start, _)) = open_text("a.md", &text, head) {
            assert_start_of(&start, &whole);
        }
    }
}

/// A title of one long line of `words` (an ATX heading of `hashes`),
/// then `after`.
fn long_heading(hashes: &str, after: &str) -> String {
    let mut text = format!("{hashes} ");
    let words = [
        "The", "council", "met", "in", "Oslo,", "and", "Anna", "Berg", "said", "so.",
    ];
    let mut i = 0;
    while text.len() < 4 * MARKDOWN_START_BYTES {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i += 1;
    }
    text.push_str("end");
    text.push_str(after);
    text
}

#[test]
fn markdown_of_one_long_heading_is_cut_inside_it() {
    // Whatever follows the heading's line: it ends with it.
    for after in [
        "",
        "\n",
        " ##\n",
        "\n===\n",
        "\n| - |\n",
        "\n  indented\n",
        "\n\nA paragraph.\n",
    ] {
        for hashes in ["#", "##", "   ######"] {
            let text = long_heading(hashes, after);
            let (start, _) = open_text("heading.md", &text, MARKDOWN_START_BYTES)
                .expect("cut inside the heading");
            let whole = Document::from_bytes("heading.md", text.as_bytes(), None).expect("whole");
            assert_eq!(start.blocks.len(), 1);
            assert!(matches!(
                start.blocks.at(0).kind,
                super::super::BlockKind::Heading { .. }
            ));
            assert!(start.text.len() > MIN_PARAGRAPH_CUT);
            assert!(start.text.len() < MARKDOWN_START_BYTES);
            assert_start_of(&start, &whole);
        }
    }
    // A heading and then one long paragraph line: cut in the heading.
    let text = long_heading("#", &format!("\n\n{}", long_line("")));
    let (start, _) = open_text("heading.md", &text, MARKDOWN_START_BYTES).expect("cut");
    let whole = Document::from_bytes("heading.md", text.as_bytes(), None).expect("whole");
    assert_eq!(start.blocks.len(), 1);
    assert_start_of(&start, &whole);
}

#[test]
fn a_long_heading_with_markup_open_before_the_cut_is_read_whole() {
    let text = long_heading("#", "").replacen("council", "*council", 1);
    assert!(open_text("heading.md", &text, MARKDOWN_START_BYTES).is_none());
    // Not a heading: seven `#`, or none before a space.
    for hashes in ["#######", "#hash"] {
        let text = long_heading(hashes, "");
        if let Some((start, _)) = open_text("heading.md", &text, MARKDOWN_START_BYTES) {
            assert!(!matches!(
                start.blocks.at(0).kind,
                super::super::BlockKind::Heading { .. }
            ));
        }
    }
}

#[test]
fn atx_heading_lines_are_told() {
    for atx in ["# a", "###### a", "   # a", "#\ta", "#", "##\n", "# "] {
        assert!(is_atx_line(atx), "{atx:?}");
    }
    for not in ["#a", "####### a", "    # a", "a # b", "", "\\# a"] {
        assert!(!is_atx_line(not), "{not:?}");
    }
}

#[test]
fn a_piped_long_heading_opens_from_a_prefix() {
    for after in ["\n", &format!("\n\n{}\n", "word ".repeat(START_BYTES))] {
        let text = long_heading("#", after) + &"more ".repeat(START_BYTES / 5);
        let Opening::Start(start, rest) =
            open_stream("stdin", stream(text.clone().into_bytes())).expect("opens")
        else {
            panic!("read whole");
        };
        assert_eq!(start.format, Format::Markdown);
        assert!(start.text.len() < START_BYTES);
        let whole = rest.load(|_| {}).expect("the rest");
        let read_whole = Document::from_bytes("stdin", text.as_bytes(), None).expect("whole");
        assert_eq!(whole.text, read_whole.text);
        assert_eq!(whole.blocks, read_whole.blocks);
        assert_start_of(&start, &whole);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    /// Whatever a long heading holds and whatever follows it, a start cut
    /// inside it parses as the whole does.
    #[test]
    fn a_start_cut_inside_a_heading_parses_as_the_whole_does(
        hashes in prop::sample::select(vec!["#", "##", "  ###", "#######", "#x"]),
        inside in prop::collection::vec(prop::sample::select(vec![
            "", " #", " ##", " \\#", " *emph*", " *open", " `code`", " [x]", " [x](/y)",
            " <b>", " &amp;", " {#id}", " x_y",
        ]), 0..4),
        lines in prop::collection::vec(prop::sample::select(vec![
            "\n", "\nword", "\n===", "\n- item", "\n\n# Heading", "\n\ntext", " #",
            " ## ", "\n[x]: /y", "\n| a | b |\n|---|---|", "\n    code",
        ]), 0..6),
        at in 0usize..3 * MARKDOWN_START_BYTES,
        head in MARKDOWN_START_BYTES / 2..MARKDOWN_START_BYTES * 2,
    ) {
        let mut text = long_heading(hashes, &lines.concat());
        // The heading's markup somewhere on its line (on a space).
        let at = text[..at.min(text.len())].rfind(' ').unwrap_or(0);
        text.insert_str(at, &inside.concat());
        let whole = Document::from_bytes("a.md", text.as_bytes(), None).expect("text");
        if let Some((start, _)) = open_text("a.md", &text, head) {
            assert_start_of(&start, &whole);
        }
    }
}

#[test]
fn a_definition_split_between_two_reads_is_found() {
    let split = |a: &'static [u8], b: &'static [u8]| {
        let mut file = Cursor::new(a).chain(Cursor::new(b));
        definition_in(None, &mut file).expect("reads")
    };
    assert!(split(b"text [x]", b": /url\n"));
    assert!(split(b"[x]: /url", b""));
    assert!(!split(b"text ]", b" : no"));
    assert!(!split(b"", b""));
    let mut rest = Cursor::new(&b": /url"[..]);
    assert!(
        definition_in(Some(b']'), &mut rest).expect("reads"),
        "after the head's last byte"
    );
}

/// A reader that fails the test if the rest of the file is read.
struct Unread;

impl Read for Unread {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        panic!("the rest of the file was read");
    }
}

#[test]
fn a_later_definition_cuts_before_the_first_unresolved_reference() {
    let head = "# Title\n\nLead.\n\nMore.\n\nAnd more.\n\n## A\n\nSee [the report][r].\n\n## B\n\nText.\n\n";
    let md = format!("{head}## C\n\n[r]: http://example.org\n");
    let (start, _) = open_text("a.md", &md, head.len()).expect("cut");
    assert!(start.text.ends_with("And more.\n\nA"), "{:?}", start.text);
    let whole = Document::from_bytes("a.md", md.as_bytes(), None).expect("md");
    assert_start_of(&start, &whole);
    assert!(
        whole
            .blocks
            .iter()
            .any(|b| whole.inlines(&b).next().is_some()),
        "the reference is a link in the whole"
    );
    // With no definition further on, the reference stays text: the cut
    // may come after it.
    let md = format!("{head}## C\n\nThe end.\n");
    let (start, _) = open_text("a.md", &md, head.len()).expect("cut");
    assert!(start.text.contains("[the report][r]."), "{:?}", start.text);
    let whole = Document::from_bytes("a.md", md.as_bytes(), None).expect("md");
    assert_start_of(&start, &whole);
}

#[test]
fn the_rest_is_not_read_when_every_reference_of_the_start_resolves() {
    let md = "# Title\n\nLead [with a link](http://x).\n\nSee [r].\n\n[r]: http://example.org\n\nMore.\n\n## A\n\nText.\n\n## B\n\nEnd.\n";
    let more = || definition_in(None, &mut Unread);
    let opening = start_of(
        "a.md",
        md.as_bytes(),
        more,
        |_| Ok(false),
        MARKDOWN_WIDE_BYTES,
    )
    .expect("opens");
    let Some(start) = opening else {
        panic!("no start");
    };
    let whole =
        Document::from_bytes("a.md", format!("{md}\nMore text.\n").as_bytes(), None).expect("md");
    assert_start_of(&start, &whole);
}

#[test]
fn a_head_expanding_many_references_is_read_whole() {
    let url = format!("http://example.org/{}", "x".repeat(1000));
    let mut md = format!("# Title\n\n[r]: {url}\n\nLead.\n\nMore.\n\n");
    for i in 0..60 {
        md.push_str(&format!("## Part {i}\n\nSee [r] and [r].\n\n"));
    }
    assert!(markdown_cuts(&md).is_none());
    assert!(open_text("a.md", &md, md.len()).is_none());
}

/// A Markdown article of `sections` sections of `paragraphs` paragraphs.
fn long_markdown(sections: usize, paragraphs: usize) -> String {
    let mut md = String::from("# A long report\n\n");
    for s in 0..sections {
        md.push_str(&format!("## Part {s}\n\n"));
        for p in 0..paragraphs {
            md.push_str(&format!(
                "Paragraph {p} of part {s}: the council met on Monday and 120 people waited.\n\n"
            ));
        }
    }
    md
}

/// Opens `md` written to a file named `a.md`.
fn open_file(md: &str) -> (Opening, Document) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.md");
    std::fs::write(&path, md).expect("written");
    let opening = open(&path).expect("opens");
    let whole = Document::open(&path).expect("whole");
    (opening, whole)
}

#[test]
fn a_long_markdown_file_opens_from_a_short_head() {
    let md = long_markdown(2000, 8);
    assert!(md.len() as u64 >= START_MIN_BYTES);
    let (opening, whole) = open_file(&md);
    let Opening::Start(start, rest) = opening else {
        panic!("read whole");
    };
    assert!(start.text.len() <= MARKDOWN_START_BYTES);
    assert_eq!(rest.file_len, Some(md.len() as u64));
    assert_start_of(&start, &whole);
}

#[test]
fn markdown_with_no_cut_in_its_short_head_is_tried_from_a_longer_one() {
    // A code block of about 100 KB after the title: one top-level block
    // never cut, so the first cut after enough blocks comes past the
    // short head. (A list of as much is cut between its items.)
    let mut md = String::from("# A long report\n\n```\n");
    for i in 0..1500 {
        md.push_str(&format!(
            "item {i}: the council met on Monday and 120 people waited.\n"
        ));
    }
    md.push_str("```\n\n");
    md.push_str(&long_markdown(20, 1000));
    assert!(md.len() as u64 >= START_MIN_BYTES);
    let (opening, whole) = open_file(&md);
    let Opening::Start(start, _) = opening else {
        panic!("read whole");
    };
    assert!(start.text.len() > MARKDOWN_START_BYTES);
    assert!(start.text.len() <= MARKDOWN_WIDE_BYTES);
    assert_start_of(&start, &whole);
}

/// A web page past [`PAGE_START_MIN_BYTES`]: an article of `paragraphs`
/// under subheadings, in the markup around it.
fn long_page(paragraphs: usize) -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Floods - The Paper</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Floods</h1>",
    );
    for i in 0..paragraphs {
        if i % 10 == 0 {
            html.push_str(&format!("<h2>Part {i}</h2>"));
        }
        html.push_str(&format!(
            "<p>The council met on <em>Monday</em> and {i} people waited outside, \
             <a href=\"/p/{i}\">the report</a> said, while the river rose.</p>\n"
        ));
    }
    html.push_str("</article><footer>About us</footer></body></html>");
    assert!(html.len() as u64 >= PAGE_START_MIN_BYTES);
    html
}

#[test]
fn a_long_page_opens_from_the_start_of_its_document() {
    let html = long_page(3000);
    for name in ["a.html", "saved-page"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(name);
        std::fs::write(&path, &html).expect("written");
        let Opening::Start(start, rest) = open(&path).expect("opens") else {
            panic!("{name} read whole");
        };
        assert_eq!(start.format, Format::Html);
        assert!(start.text.len() < html.len() / 4, "only the start is built");
        assert_eq!(rest.file_len, Some(html.len() as u64));
        let mut seen = 0;
        let whole = rest.load(|n| seen = n).expect("the rest");
        assert_eq!(seen, html.len(), "read already");
        let opened = Document::open(&path).expect("whole");
        assert_eq!(whole.text, opened.text);
        assert_eq!(whole.source_map, opened.source_map);
        assert_eq!(whole.sections, opened.sections);
        assert_start_of(&start, &whole);
    }
}

#[test]
fn a_long_page_on_a_stream_opens_from_its_start_and_a_short_one_whole() {
    let html = long_page(3000);
    let Opening::Start(start, rest) =
        open_stream("stdin", stream(html.clone().into_bytes())).expect("opens")
    else {
        panic!("read whole");
    };
    let whole = rest.load(|_| {}).expect("the rest");
    assert_eq!(
        whole.text,
        Document::from_bytes("stdin", html.as_bytes(), None)
            .expect("page")
            .text
    );
    assert_start_of(&start, &whole);
    let small = "<!DOCTYPE html><html><body><article><h1>T</h1><p>One.</p></article></body></html>";
    let opening = open_stream("stdin", stream(small.as_bytes().to_vec())).expect("opens");
    assert!(matches!(opening, Opening::Whole(d) if d.format == Format::Html));
}

/// A stream that gives its bytes in small pieces, as a pipe does.
struct Trickle(Cursor<Vec<u8>>);

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(1000);
        self.0.read(&mut buf[..n])
    }
}

fn stream(bytes: Vec<u8>) -> Box<dyn Read + Send> {
    Box::new(Trickle(Cursor::new(bytes)))
}

#[test]
fn a_long_stream_opens_from_its_start_and_its_rest_is_the_whole() {
    let md = long_markdown(2000, 8);
    let Opening::Start(start, rest) =
        open_stream("stdin", stream(md.clone().into_bytes())).expect("opens")
    else {
        panic!("read whole");
    };
    assert_eq!(rest.file_len, None, "a stream's length is not known");
    assert!(start.text.len() <= START_BYTES);
    let mut seen = 0;
    let whole = rest.load(|n| seen = n).expect("the rest");
    assert_eq!(seen, md.len());
    assert_eq!(
        whole.text,
        Document::from_bytes("stdin", md.as_bytes(), None)
            .expect("md")
            .text
    );
    assert_start_of(&start, &whole);
}

#[test]
fn a_short_stream_is_read_whole() {
    let text = "Title\n\nA lead.\n".to_string();
    let opening = open_stream("stdin", stream(text.into_bytes())).expect("opens");
    assert!(matches!(opening, Opening::Whole(d) if d.blocks.len() == 2));
}

#[test]
fn a_binary_stream_is_refused_from_its_first_bytes() {
    // An endless stream: refused from its head, never read on.
    let opening = open_stream("stdin", Box::new(std::io::repeat(0)));
    assert!(matches!(opening, Err(LoadError::Binary)), "{opening:?}");
}

#[test]
fn an_endless_stream_shows_its_start_and_stops_at_the_cap() {
    // `yes 'word word word word'`: an endless pipe.
    let words = b"word word word word\n".iter().copied().cycle();
    struct Cycle<I>(I);
    impl<I: Iterator<Item = u8>> Read for Cycle<I> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            for b in buf.iter_mut() {
                *b = self.0.next().unwrap_or(b'\n');
            }
            Ok(buf.len())
        }
    }
    let Opening::Start(start, rest) = open_stream("stdin", Box::new(Cycle(words))).expect("opens")
    else {
        panic!("read whole");
    };
    assert!(!start.blocks.is_empty());
    let whole = rest.load(|_| {});
    assert!(matches!(whole, Err(LoadError::TooLong { .. })), "{whole:?}");
}

#[test]
fn a_long_flat_list_opens_from_a_cut_between_its_items() {
    let md = format!("Title\n\n{}\nThe end.\n", "- item\n".repeat(300_000));
    let (opening, whole) = open_file(&md);
    let Opening::Start(start, _) = opening else {
        panic!("read whole");
    };
    assert!(start.text.len() <= MARKDOWN_START_BYTES);
    assert!(start.blocks.len() > MIN_BLOCKS);
    assert_start_of(&start, &whole);
}

#[test]
fn a_list_whose_items_hold_blocks_is_not_cut_between_them() {
    // Text after a block in an item is a list item in a tight list and a
    // paragraph in a loose one: the blank line at the end may make it so.
    let item = "- item\n  ```\n  code\n  ```\n  after\n";
    let md = format!("Title\n\n{}\n- loose\n", item.repeat(40_000));
    let (opening, _) = open_file(&md);
    assert!(matches!(opening, Opening::Whole(_)));
}

/// A title and one long line of `word`s, piped: about three heads long.
fn piped_line(after: &str) -> String {
    let words = "word ".repeat(START_BYTES * 3 / 5);
    format!("Title of a long line\n\n{words}THE END{after}\n")
}

#[test]
fn a_piped_long_line_without_markup_opens_from_a_prefix() {
    // Fewer lines than the sniff reads, but no Markdown syntax in them:
    // opened as plain text from the head, not read whole.
    let text = piped_line("");
    let Opening::Start(start, rest) =
        open_stream("stdin", stream(text.clone().into_bytes())).expect("opens")
    else {
        panic!("read whole");
    };
    assert_eq!(start.format, Format::Plain);
    assert!(start.text.len() <= START_BYTES);
    let whole = rest.load(|_| {}).expect("the rest");
    let read_whole = Document::from_bytes("stdin", text.as_bytes(), None).expect("whole");
    assert_eq!(whole.format, Format::Plain);
    assert_eq!(whole.text, read_whole.text);
    assert_eq!(whole.blocks, read_whole.blocks);
    assert_start_of(&start, &whole);
}

#[test]
fn a_piped_line_whose_later_part_holds_markdown_ends_up_markdown() {
    // The head shows no Markdown; a heading after it makes the whole so.
    let text = piped_line("\n\n## A later heading\n\nA *short* paragraph.");
    let Opening::Start(start, rest) =
        open_stream("stdin", stream(text.clone().into_bytes())).expect("opens")
    else {
        panic!("read whole");
    };
    assert_eq!(start.format, Format::Plain);
    let whole = rest.load(|_| {}).expect("the rest");
    let read_whole = Document::from_bytes("stdin", text.as_bytes(), None).expect("whole");
    assert_eq!(whole.format, Format::Markdown);
    assert_eq!(whole.text, read_whole.text);
    assert_eq!(whole.blocks, read_whole.blocks);
    assert_eq!(whole.sections, read_whole.sections);
    assert!(
        whole
            .blocks
            .iter()
            .any(|b| matches!(b.kind, super::super::BlockKind::Heading { level: 2 })),
        "the heading is a Markdown heading"
    );
    assert!(!whole.text.contains("*short*"), "emphasis is markup");
}

/// A title, then `lines` lines of emphasis and links, each about
/// `line_bytes` long: few lines for the head, with Markdown syntax.
fn piped_markup(lines: usize, line_bytes: usize) -> String {
    let unit = "A *short* phrase with **strong** words and a [link](http://example.org/) in it. ";
    let line = unit.repeat(line_bytes / unit.len() + 1);
    format!(
        "Title of a marked-up stream\n\n{}THE END\n",
        (line + "\n").repeat(lines)
    )
}

#[test]
fn a_piped_head_with_markdown_syntax_and_few_lines_opens_from_a_prefix() {
    // One long line, and ten long lines: the head holds Markdown syntax
    // in fewer lines than the sniff reads. Opened as plain text, and the
    // whole is plain too (no heading line).
    for text in [
        piped_markup(1, 3 * START_BYTES),
        piped_markup(10, START_BYTES / 2),
        format!("Title\n\n- an item\n    code\n{}", piped_line("")),
    ] {
        let Opening::Start(start, rest) =
            open_stream("stdin", stream(text.clone().into_bytes())).expect("opens")
        else {
            panic!("read whole");
        };
        assert_eq!(start.format, Format::Plain);
        assert!(start.text.len() <= START_BYTES);
        let whole = rest.load(|_| {}).expect("the rest");
        let read_whole = Document::from_bytes("stdin", text.as_bytes(), None).expect("whole");
        assert_eq!(whole.format, Format::Plain);
        assert_eq!(whole.text, read_whole.text);
        assert_eq!(whole.blocks, read_whole.blocks);
        assert_start_of(&start, &whole);
    }
}

#[test]
fn a_piped_marked_up_head_whose_whole_is_markdown_ends_up_markdown() {
    // A heading after the head makes the whole Markdown: the start shows
    // the markup as typed, the whole as the whole read at once does.
    let text = piped_markup(2, START_BYTES) + "\n## A later heading\n\nMore.\n";
    let Opening::Start(start, rest) =
        open_stream("stdin", stream(text.clone().into_bytes())).expect("opens")
    else {
        panic!("read whole");
    };
    assert_eq!(start.format, Format::Plain);
    assert!(start.text.contains("*short*"));
    let whole = rest.load(|_| {}).expect("the rest");
    let read_whole = Document::from_bytes("stdin", text.as_bytes(), None).expect("whole");
    assert_eq!(whole.format, Format::Markdown);
    assert_eq!(whole.text, read_whole.text);
    assert_eq!(whole.blocks, read_whole.blocks);
    assert_eq!(whole.sections, read_whole.sections);
}

/// A Markdown title, then one paragraph of one line of `line_bytes`,
/// turned into a heading by a setext underline, then more paragraphs up
/// to a megabyte and a half.
fn underlined_line(line_bytes: usize) -> String {
    let mut md = format!(
        "# A title\n\n{}end\n===\n\n",
        "word ".repeat(line_bytes / 5)
    );
    while md.len() < 3 * START_MIN_BYTES as usize / 2 {
        md.push_str("The council met on Monday and 120 people waited.\n\n");
    }
    md
}

#[test]
fn a_file_paragraph_is_read_on_for_a_turn_only_so_far() {
    // A turn close enough past the head is seen: read whole.
    let (opening, _) = open_file(&underlined_line(MARKDOWN_START_BYTES * 2));
    assert!(matches!(opening, Opening::Whole(_)));
    // One past the look-ahead is not: the paragraph is taken to go on as
    // prose, as a stream's past its head, and the start is cut inside it
    // (the first screen no longer reads to the paragraph's end).
    let line_bytes = START_BYTES + PROSE_AHEAD_BYTES as usize + 1024;
    let (opening, whole) = open_file(&underlined_line(line_bytes));
    let Opening::Start(start, _) = opening else {
        panic!("read whole");
    };
    assert_eq!(start.blocks.len(), 2, "cut inside the paragraph");
    assert_eq!(start.blocks.at(1).kind, super::super::BlockKind::Paragraph);
    assert!(matches!(
        whole.blocks.at(1).kind,
        super::super::BlockKind::Heading { .. }
    ));
    // The guess broke the promise; the same bytes of the file still hold
    // the same words, which the swap keeps on screen (`app::loading`).
    let at = start.blocks.at(1).range.start + 100;
    let source = start.source_map.to_source(at);
    let in_whole = whole.source_map.to_text(source);
    assert_eq!(start.text[at..at + 40], whole.text[in_whole..in_whole + 40]);
}
