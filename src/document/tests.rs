use proptest::prelude::*;

use super::*;

const SEED: &str = include_str!("../../seeds/000_a8106be745b31416.txt");

fn plain(text: &str) -> Document {
    Document::from_bytes("a.txt", text.as_bytes(), Some(Format::Plain)).expect("text")
}

fn markdown(text: &str) -> Document {
    Document::from_bytes("a.md", text.as_bytes(), Some(Format::Markdown)).expect("text")
}

fn kinds(doc: &Document) -> Vec<BlockKind> {
    doc.blocks.iter().map(|b| b.kind).collect()
}

#[test]
fn seed_has_title_lead_subheading_and_furniture() {
    let doc = plain(SEED);
    let titles: Vec<_> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "After Tehran talks, Syria and Russia forces step up Idlib attacks",
            "What next after Tehran summit?",
            "Add a Comment",
        ]
    );
    assert_eq!(
        doc.sections
            .iter()
            .map(|s| s.boilerplate)
            .collect::<Vec<_>>(),
        [false, false, true]
    );
    assert_eq!(
        doc.slice(doc.dateline.as_ref().expect("dateline")),
        "Antakya, Turkey"
    );
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    assert_eq!(paragraphs, 26);
    assert_eq!(doc.blocks.len(), 30);
    assert_eq!(doc.blocks.at(0).kind, BlockKind::Title);
    assert_eq!(doc.title, Some(0));
    let furniture: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Boilerplate)
        .collect();
    assert_eq!(furniture.len(), 2);
}

#[test]
fn lead_dateline_agency_is_short() {
    let doc = plain("A title here\n\nNAIROBI, Kenya (Reuters) – Rain fell. It went on.\n");
    assert_eq!(
        doc.slice(doc.dateline.as_ref().expect("dateline")),
        "NAIROBI, Kenya (Reuters)"
    );
    let long = "A title here\n\nNAIROBI (An Agency Name Far Longer Than Thirty) – Rain fell.\n";
    assert_eq!(plain(long).dateline, None);
}

#[test]
fn a_first_line_opening_with_a_dateline_is_the_lead_not_a_title() {
    let doc =
        plain("KANO, Nigeria (Reuters) - Floods hit the city on Tuesday.\n\nMore rain fell.\n");
    assert_eq!(kinds(&doc), [BlockKind::Paragraph, BlockKind::Paragraph]);
    assert_eq!(
        doc.slice(doc.dateline.as_ref().expect("dateline")),
        "KANO, Nigeria (Reuters)"
    );
    let found = crate::extract::extract(&doc);
    let names: Vec<&str> = found
        .mentions
        .iter()
        .map(|m| doc.slice(&m.range()))
        .collect();
    assert!(!names.contains(&"Floods"), "{names:?}");
}

#[test]
fn wikinews_layout_has_a_date_block() {
    let doc = plain("A title here\n\nWednesday, April 13, 2011\n\nThe body starts. It goes on.\n");
    assert_eq!(
        kinds(&doc),
        [BlockKind::Title, BlockKind::Dateline, BlockKind::Paragraph]
    );
    assert_eq!(
        doc.slice(doc.dateline.as_ref().expect("dateline")),
        "Wednesday, April 13, 2011"
    );
}

#[test]
fn plain_text_without_a_title_line() {
    let doc = plain("This first paragraph runs over\ntwo lines.\n\nAnd a second.\n");
    assert_eq!(kinds(&doc), [BlockKind::Paragraph, BlockKind::Paragraph]);
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].heading, None);
}

#[test]
fn empty_and_blank_files_say_so() {
    let doc = plain("");
    assert!(doc.blocks.is_empty() && doc.sections.is_empty());
    assert_eq!(doc.notices, ["the file is empty"]);
    let doc = plain("\n  \n\t\n");
    assert_eq!(doc.notices, ["the file holds only blank lines"]);
}

#[test]
fn markdown_nested_headings_make_sections() {
    let doc = markdown(
        "# Title\n\nLead *text* here.\n\n## Part one\n\nBody.\n\n### Detail\n\nMore.\n\n## Part two\n\nEnd.\n",
    );
    let outline: Vec<_> = doc
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_str()))
        .collect();
    assert_eq!(
        outline,
        [
            (1, "Title"),
            (2, "Part one"),
            (3, "Detail"),
            (2, "Part two")
        ]
    );
    assert_eq!(doc.title, Some(0));
    assert_eq!(
        doc.text,
        "Title\n\nLead text here.\n\nPart one\n\nBody.\n\nDetail\n\nMore.\n\nPart two\n\nEnd."
    );
    let lead = &doc.blocks.at(1);
    let inlines: Vec<_> = doc.inlines(lead).collect();
    assert_eq!(inlines.len(), 1);
    assert_eq!(doc.slice(&inlines[0].range), "text");
    assert_eq!(inlines[0].kind, InlineKind::Emphasis);
}

#[test]
fn markdown_without_headings_is_one_section() {
    let doc = markdown("Just a paragraph.\n\nAnd another.\n");
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.title, None);
}

#[test]
fn markdown_lists_quotes_and_code() {
    let doc = markdown(
        "- one\n- two\n  - nested\n\n3. three\n4. four\n\n> quoted\n> > deeper\n\n```\ncode  line\n  kept\n```\n",
    );
    let got: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (doc.slice(&b.range), b.kind, b.list_depth, b.quote_depth))
        .collect();
    assert_eq!(
        got,
        [
            ("one", BlockKind::ListItem { ordinal: None }, 1, 0),
            ("two", BlockKind::ListItem { ordinal: None }, 1, 0),
            ("nested", BlockKind::ListItem { ordinal: None }, 2, 0),
            ("three", BlockKind::ListItem { ordinal: Some(3) }, 1, 0),
            ("four", BlockKind::ListItem { ordinal: Some(4) }, 1, 0),
            ("quoted", BlockKind::Paragraph, 0, 1),
            ("deeper", BlockKind::Paragraph, 0, 2),
            ("code  line\n  kept", BlockKind::Code, 0, 0),
        ]
    );
}

#[test]
fn markdown_links_keep_their_target_and_map_to_source() {
    let src = "Read [the report](https://example.org/r) &amp; weep.";
    let doc = markdown(src);
    assert_eq!(doc.text, "Read the report & weep.");
    let link = &doc.inlines(&doc.blocks.at(0)).collect::<Vec<_>>()[0];
    assert_eq!(
        link.kind,
        InlineKind::Link {
            target: "https://example.org/r".into()
        }
    );
    assert_eq!(doc.slice(&link.range), "the report");
    let back = doc.source_map.range_to_source(link.range.clone());
    assert_eq!(&src[back], "the report");
    let amp = doc.text.find('&').expect("amp");
    assert_eq!(&src[doc.source_map.range_to_source(amp..amp + 1)], "&amp;");
    let weep = doc.text.find("weep").expect("weep");
    assert_eq!(&src[doc.source_map.range_to_source(weep..weep + 4)], "weep");
}

#[test]
fn markdown_with_bom_and_crlf_still_sees_the_heading() {
    let src = "\u{FEFF}# Title\r\n\r\nBody text.\r\n";
    let doc = markdown(src);
    assert_eq!(doc.sections[0].title, "Title");
    assert_eq!(doc.blocks.at(0).kind, BlockKind::Heading { level: 1 });
    let body = doc.text.find("Body").expect("body");
    assert_eq!(&src[doc.source_map.range_to_source(body..body + 4)], "Body");
}

#[test]
fn tiny_markdown_paragraphs_and_the_blank_lines_between_map_as_one_run() {
    let src = format!("# T\n\n{}", "x\n\n".repeat(1000));
    let doc = markdown(&src);
    assert_eq!(doc.blocks.len(), 1001);
    assert_eq!(doc.source_map.runs(), 1);
    let (a, b) = (doc.blocks.at(1).range, doc.blocks.at(2).range);
    assert_eq!(&src[doc.source_map.range_to_source(a.end..b.start)], "\n\n");
    assert_eq!(&src[doc.source_map.range_to_source(b)], "x");
    // Where the blank line is not the separator's text (CRLF, a list
    // marker, a second blank line) the separator still maps to no bytes.
    for src in ["a\r\n\r\nb\r\n", "a\n\n- b\n", "a\n\n\nb\n"] {
        let doc = markdown(src);
        let (a, b) = (doc.blocks.at(0).range, doc.blocks.at(1).range);
        assert!(doc.source_map.range_to_source(a.end..b.start).is_empty());
        assert_eq!(doc.slice(&b), "b");
        assert_eq!(&src[doc.source_map.range_to_source(b)], "b");
    }
}

#[test]
fn markdown_deep_nesting_is_clamped() {
    let src = format!("{}deep\n", ">".repeat(5000));
    let doc = markdown(&src);
    assert_eq!(doc.blocks.len(), 1);
    assert_eq!(doc.blocks.at(0).quote_depth, MAX_DEPTH);
}

#[test]
fn markdown_furniture_at_the_end() {
    let doc = markdown("# T\n\nBody.\n\nShare this article\n\nLeave a Reply\n");
    assert_eq!(doc.sections.last().map(|s| s.boilerplate), Some(true));
}

#[test]
fn plain_source_offsets_are_file_offsets() {
    let src = "\u{FEFF}Title\r\n\r\nBody with Idlib.\r\n";
    let doc = plain(src);
    let at = doc.text.find("Idlib").expect("idlib");
    assert_eq!(&src[doc.source_map.range_to_source(at..at + 5)], "Idlib");
}

fn check_invariants(doc: &Document) {
    let text = &doc.text;
    let mut last_end = 0;
    let mut covered = String::new();
    for b in &doc.blocks {
        assert!(b.range.start >= last_end, "blocks overlap or are unsorted");
        assert!(text.is_char_boundary(b.range.start) && text.is_char_boundary(b.range.end));
        assert!(
            text[last_end..b.range.start].trim().is_empty(),
            "text lost between blocks"
        );
        covered.push_str(&text[b.range.clone()]);
        last_end = b.range.end;
        let mut last_cell = None;
        for i in &doc.inlines(&b).collect::<Vec<_>>() {
            assert!(i.range.start >= b.range.start && i.range.end <= b.range.end);
            assert!(text.is_char_boundary(i.range.start) && text.is_char_boundary(i.range.end));
            if let InlineKind::TableCell { row, column, .. } = i.kind {
                assert_eq!(b.kind, BlockKind::Table, "cells only in tables");
                assert!(last_cell < Some((row, column)), "cells in row order");
                last_cell = Some((row, column));
            }
        }
    }
    assert!(
        text[last_end..].trim().is_empty(),
        "text lost after the last block"
    );
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(
        strip(&covered),
        strip(text),
        "every visible character in exactly one block"
    );
    let mut next = 0;
    for s in &doc.sections {
        if let Some(h) = s.heading {
            assert_ne!(
                doc.blocks.at(h).kind,
                BlockKind::Caption,
                "a caption heads no section"
            );
        }
        assert_eq!(s.blocks.start, next, "sections tile the blocks");
        assert!(s.blocks.end > s.blocks.start);
        next = s.blocks.end;
    }
    assert_eq!(next, doc.blocks.len());
    assert_eq!(doc.source_map.text_len(), text.len());
}

#[test]
fn seed_keeps_the_invariants() {
    check_invariants(&plain(SEED));
}

proptest! {
    #[test]
    fn plain_parse_never_panics_and_tiles(text in "(?s)[a-zA-Z .,?\n\r\t–#*>-]{0,400}") {
        check_invariants(&plain(&text));
    }

    #[test]
    fn markdown_parse_never_panics_and_keeps_invariants(text in "(?s)[a-zA-Z .,?\n\t#*>\\[\\]()`_~!&;|:-]{0,400}") {
        check_invariants(&markdown(&text));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(doc) = Document::from_bytes("x", &bytes, Some(Format::Markdown)) {
            check_invariants(&doc);
        }
        if let Ok(doc) = Document::from_bytes("x", &bytes, Some(Format::Plain)) {
            check_invariants(&doc);
        }
    }

    #[test]
    fn plain_source_map_round_trips(text in "[a-z \n\r]{0,200}") {
        let doc = plain(&text);
        for b in &doc.blocks {
            let src = doc.source_map.range_to_source(b.range.clone());
            let mut mapped = text[src].replace("\r\n", "\n");
            if !text.contains('\n') {
                mapped = mapped.replace('\r', "\n");
            }
            prop_assert_eq!(mapped, doc.slice(&b.range).to_string());
        }
    }
}

/// pulldown-cmark#1110: panics in 0.13.6 with definition lists and heading
/// attributes both on. lede leaves them off; the guard must still catch it.
const PANIC_1110: &str = "\u{FFFD}\u{FFFD}  2\n:<\n  {}\n -\n";

#[test]
fn a_markdown_parser_panic_falls_back_to_plain_text() {
    let source = load::decode("a.md", PANIC_1110.as_bytes()).expect("text");
    let panicking = pulldown_cmark::Options::ENABLE_DEFINITION_LIST
        | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES;
    let doc = parse_guarded(source, |s| markdown::parse_with(s, panicking, true));
    assert_eq!(doc.format, Format::Plain);
    assert!(
        doc.notices
            .iter()
            .any(|n| n.contains("shown as plain text"))
    );
    assert!(doc.text.contains("2\n:<"));
    // With lede's own options the same input parses as Markdown.
    let doc = markdown(PANIC_1110);
    assert_eq!(doc.format, Format::Markdown);
}

#[test]
fn entities_decode_once_to_real_controls_that_stay_in_the_text() {
    let doc = markdown("# h &#x202E; x\n\na &#27;[31m b &amp;#27; c\n");
    assert!(doc.text.contains("h \u{202E} x"));
    assert!(doc.text.contains("a \u{1b}[31m b &#27; c"));
    assert_eq!(doc.sections[0].title, "h ⟨RLO⟩ x");
}

#[test]
fn link_and_image_targets_are_percent_encoded() {
    let doc = markdown("[x](https://a&#7;b) ![i](u&#27;]52) [r]\n\n[r]: /p&#x9B;q\n");
    let targets: Vec<_> = doc
        .inlines(&doc.blocks.at(0))
        .filter_map(|i| match i.kind {
            InlineKind::Link { target } | InlineKind::Image { target } => Some(target),
            _ => None,
        })
        .collect();
    assert_eq!(targets, ["https://a%07b", "u%1B]52", "/p%C2%9Bq"]);
}

#[test]
fn a_leading_bom_does_not_hide_the_title() {
    let doc = Document::from_bytes("a.md", b"\xEF\xBB\xBF# Title\n\nBody.\n", None).expect("text");
    assert_eq!(doc.title, Some(0));
    assert_eq!(doc.slice(&doc.blocks.at(0).range), "Title");
}

#[test]
fn an_outline_entry_reads_only_the_start_of_a_huge_line() {
    let words = "word ".repeat(200_000);
    let title = outline_title(&words);
    assert!(title.ends_with('…'), "{title}");
    assert!(title.chars().count() <= 81);
    assert_eq!(
        outline_title("A short heading\nsecond line"),
        "A short heading"
    );
    assert_eq!(
        outline_title("Tab\x1b[2Jbed"),
        crate::sanitize::clean("Tab\x1b[2Jbed")
    );
}

#[test]
fn a_parsed_model_keeps_no_spare_room() {
    let mut md = String::from("# Title\n\nLead.\n\n");
    for i in 0..300 {
        md.push_str(&format!("## Part {i}\n\nText of part {i} &amp; more.\n\n"));
    }
    for doc in [markdown(&md), plain(&md.replace('#', ""))] {
        assert_eq!(doc.text.capacity(), doc.text.len());
        assert!(doc.blocks.is_tight());
        assert_eq!(doc.sections.capacity(), doc.sections.len());
    }
}

/// The cells of a table block: (row, column, header, text).
fn cells(doc: &Document, block: &Block) -> Vec<(u32, u32, bool, String)> {
    doc.inlines(block)
        .filter_map(|i| match i.kind {
            InlineKind::TableCell {
                row,
                column,
                header,
            } => Some((row, column, header, doc.slice(&i.range).to_string())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_markdown_table_is_one_block_of_cells() {
    let src =
        "Before.\n\n| Party | Votes |\n|---|--:|\n| *Civic* Party | 1,234 |\n|  | 7 |\n\nAfter.\n";
    let doc = markdown(src);
    assert_eq!(
        kinds(&doc),
        [BlockKind::Paragraph, BlockKind::Table, BlockKind::Paragraph]
    );
    let table = &doc.blocks.at(1);
    // Cells are separated by a tab, rows by a line break.
    assert_eq!(
        doc.slice(&table.range),
        "Party\tVotes\nCivic Party\t1,234\n\t7"
    );
    let s = |x: &str| x.to_string();
    assert_eq!(
        cells(&doc, table),
        [
            (0, 0, true, s("Party")),
            (0, 1, true, s("Votes")),
            (1, 0, false, s("Civic Party")),
            (1, 1, false, s("1,234")),
            (2, 1, false, s("7")),
        ]
    );
    // Inline runs inside a cell are kept, and cells map back to the file.
    assert!(
        doc.inlines(table)
            .any(|i| i.kind == InlineKind::Emphasis && doc.slice(&i.range) == "Civic")
    );
    let at = doc.text.find("1,234").expect("cell");
    assert_eq!(&src[doc.source_map.range_to_source(at..at + 5)], "1,234");
    check_invariants(&doc);
}

#[test]
fn an_image_alone_is_a_caption_that_never_names_a_section() {
    let doc = markdown(
        "![Crowds outside the station](a.jpg)\n\nThe lead paragraph.\n\nText with ![an icon](i.png) inside.\n",
    );
    assert_eq!(
        kinds(&doc),
        [
            BlockKind::Caption,
            BlockKind::Paragraph,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(
        doc.slice(&doc.blocks.at(0).range),
        "Crowds outside the station"
    );
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].title, "The lead paragraph.");
    assert_eq!(doc.sections[0].heading, None);
}

#[test]
fn table_cells_lie_in_their_block_in_row_order() {
    let doc = markdown("| a | b | c |\n|---|---|---|\n| 1 | 2 |\n| x | y | z | w |\n");
    let table = &doc.blocks.at(0);
    assert_eq!(table.kind, BlockKind::Table);
    let got: Vec<_> = cells(&doc, table)
        .into_iter()
        .map(|(r, c, _, t)| (r, c, t))
        .collect();
    // A short row has fewer cells; extra cells past the header are dropped
    // by the Markdown table rules.
    assert_eq!(
        got.iter().map(|(r, c, _)| (*r, *c)).collect::<Vec<_>>(),
        [
            (0, 0),
            (0, 1),
            (0, 2),
            (1, 0),
            (1, 1),
            (2, 0),
            (2, 1),
            (2, 2)
        ]
    );
}

/// A Markdown table from rows of cell texts.
pub(crate) fn markdown_table(rows: &[Vec<String>]) -> String {
    let mut md = String::new();
    for (i, row) in rows.iter().enumerate() {
        md.push('|');
        for cell in row {
            md.push_str(&format!(" {cell} |"));
        }
        md.push('\n');
        if i == 0 {
            md.push_str(&"|---".repeat(row.len().max(1)));
            md.push_str("|\n");
        }
    }
    md
}

proptest! {
    #[test]
    fn generated_tables_keep_the_invariants(
        rows in prop::collection::vec(prop::collection::vec("[a-zA-Z *`\\\\|<>!\\[\\]()]{0,10}", 1..5), 1..6),
    ) {
        let doc = markdown(&format!("Lead.\n\n{}\nAfter.\n", markdown_table(&rows)));
        check_invariants(&doc);
    }
}

/// The outline's titles.
fn outline(doc: &Document) -> Vec<&str> {
    doc.sections.iter().map(|s| s.title.as_str()).collect()
}

#[test]
fn image_captions_in_plain_text_are_never_sections() {
    // Wikinews as text: title, date, a lead image's captions, the lead,
    // a subheading, and a credited caption in the body.
    let doc = plain(
        "Candidates make their case before the vote\n\n\
         Sunday, September 4, 2016\n\n\
         Michael Tien of NPP\n\n\
         Alvin Yeung of Civic Party\n\n\
         HONG KONG – Voters went to the polls on Sunday. Turnout was high.\n\n\
         More text about the vote follows here, at some length.\n\n\
         Results by district\n\n\
         The count went on through the night, officials said.\n\n\
         Supporters cheer the result. Image: Jane Doe.\n\n\
         The last paragraph of the report.\n",
    );
    assert_eq!(
        outline(&doc),
        [
            "Candidates make their case before the vote",
            "Results by district"
        ]
    );
    let captions: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Caption)
        .map(|b| doc.slice(&b.range))
        .collect();
    assert_eq!(
        captions,
        [
            "Michael Tien of NPP",
            "Alvin Yeung of Civic Party",
            "Supporters cheer the result. Image: Jane Doe."
        ]
    );
    // The lead's dateline is found past the captions.
    assert_eq!(
        doc.slice(doc.dateline.as_ref().expect("dateline")),
        "HONG KONG"
    );
    check_invariants(&doc);
}

#[test]
fn an_excerpt_without_a_date_may_open_with_a_subheading() {
    let doc = plain(
        "Daniel Bernoulli\n\nEarly life\n\nBernoulli was born in Groningen. He studied.\n\nMore.\n",
    );
    assert_eq!(outline(&doc), ["Daniel Bernoulli", "Early life"]);
}

#[test]
fn subheadings_with_captions_under_them_stay_subheadings() {
    // A gallery: each subheading has one credited image under it.
    let doc = plain(
        "Pop culture at the fair\n\nThe fair opened on Friday. It was busy.\n\n\
         Disney\n\nBelle Image: Nick Moreau.\n\n\
         Superheroes\n\nBlack Widow and Captain America Image: Nick Moreau.\n\n\
         The fair closes on Monday.\n",
    );
    assert_eq!(
        outline(&doc),
        ["Pop culture at the fair", "Disney", "Superheroes"]
    );
}

#[test]
fn end_matter_after_a_closing_heading_is_furniture() {
    let body = "The count went on through the night, and the result was announced at dawn by the returning officer, who said that turnout had been the highest in the history of the district and thanked the staff who had worked through the night to count.";
    let text = format!(
        "Voters choose a new council\n\nSunday, September 4, 2016\n\n{body}\n\nThe last paragraph of the report.\n\n\
         Related news\n\n\"Earlier vote delayed\" — Wikinews, March 3, 2016\n\n\
         Sources\n\nJane Doe. \"Polls open\" — The Daily, September 4, 2016\n\n\
         Categories: Politics and conflicts | Hong Kong\n"
    );
    let doc = plain(&text);
    let furniture: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Boilerplate)
        .map(|b| doc.slice(&b.range))
        .collect();
    assert_eq!(furniture.len(), 5, "{furniture:?}");
    assert_eq!(furniture[0], "Related news");
    assert_eq!(doc.sections.last().map(|s| s.boilerplate), Some(true));
    // In Markdown the closing headings go too.
    let md = format!(
        "# Voters choose\n\n{body}\n\nThe last paragraph.\n\n## Sources\n\n- Jane Doe. \"Polls open\" — The Daily\n\n## External links\n\n- [Site](http://x)\n"
    );
    let doc = markdown(&md);
    let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds[3..], [BlockKind::Boilerplate; 4]);
    check_invariants(&doc);
}

#[test]
fn markdown_footnotes_show_the_reference_and_the_note() {
    let md = "# Count\n\nTurnout rose by a third.[^1] Officials agreed.[^src]\n\n\
              [^1]: Against the 2012 vote.\n\n[^src]: The returning officer.\n";
    let doc = markdown(md);
    assert!(!doc.text.contains("[^"), "{:?}", doc.text);
    let lead = doc.slice(&doc.blocks.at(1).range);
    assert_eq!(lead, "Turnout rose by a third.[1] Officials agreed.[src]");
    let notes: Vec<_> = doc
        .blocks
        .iter()
        .skip(2)
        .map(|b| doc.slice(&b.range))
        .collect();
    assert_eq!(
        notes,
        ["[1] Against the 2012 vote.", "[src] The returning officer."]
    );
    check_invariants(&doc);
}

#[test]
fn markdown_raw_html_blocks_show_their_text_not_their_tags() {
    let md = "# Count\n\nLead.\n\n<details>\n<summary>How votes are counted</summary>\n\n\
              Twice, by hand.\n\n</details>\n\n<div class=\"note\">Polls close at <b>ten</b> &amp; \
              results follow.</div>\n\nEnd, with a<br>break and <span>a span</span>.\n";
    let doc = markdown(md);
    let shown: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, doc.slice(&b.range)))
        .collect();
    assert_eq!(
        shown,
        [
            (BlockKind::Heading { level: 1 }, "Count"),
            (BlockKind::Paragraph, "Lead."),
            (BlockKind::Paragraph, "How votes are counted"),
            (BlockKind::Paragraph, "Twice, by hand."),
            (BlockKind::Paragraph, "Polls close at ten & results follow."),
            (BlockKind::Paragraph, "End, with a\nbreak and a span."),
        ]
    );
    check_invariants(&doc);
}

/// Blocks of these kinds, each one word long.
fn blocks_of(kinds: &[BlockKind]) -> (String, Blocks) {
    let mut text = String::new();
    let mut blocks = Blocks::default();
    for kind in kinds {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str("word");
        blocks.push(&Block::new(start..text.len(), *kind));
    }
    (text, blocks)
}

/// What [`SectionStarts`] tells of each block, in order.
fn told_starts(kinds: &[BlockKind]) -> Vec<bool> {
    let mut starts = SectionStarts::default();
    let mut told = Vec::new();
    for kind in kinds {
        starts.push(*kind, &mut |s| told.push(s));
    }
    starts.finish(&mut |s| told.push(s));
    told
}

fn built_starts(kinds: &[BlockKind]) -> Vec<bool> {
    let (text, blocks) = blocks_of(kinds);
    let mut starts = vec![false; kinds.len()];
    for s in build_sections(&text, &blocks) {
        starts[s.blocks.start] = true;
    }
    starts
}

#[test]
fn section_starts_told_as_blocks_come_are_the_whole_s() {
    use BlockKind::{Boilerplate as B, Caption as C, Paragraph as P};
    let h = BlockKind::Heading { level: 2 };
    let cases: [&[BlockKind]; 7] = [
        &[B, B, h, P, P, B, B],
        // Furniture inside the body (a furniture run holding a heading).
        &[B, h, B, P, B, C, P],
        // Furniture, then a caption, at the end.
        &[P, B, C, B],
        &[P, B, C, P],
        &[C, B, P, B, C],
        &[],
        &[B],
    ];
    for kinds in cases {
        assert_eq!(told_starts(kinds), built_starts(kinds), "{kinds:?}");
    }
}

proptest::proptest! {
    #[test]
    fn section_starts_agree_for_any_kinds(picks in proptest::collection::vec(0usize..7, 0..40)) {
        let all = [
            BlockKind::Boilerplate,
            BlockKind::Paragraph,
            BlockKind::Heading { level: 2 },
            BlockKind::Title,
            BlockKind::Caption,
            BlockKind::Byline,
            BlockKind::Code,
        ];
        let kinds: Vec<BlockKind> = picks.iter().map(|&k| all[k]).collect();
        proptest::prop_assert_eq!(told_starts(&kinds), built_starts(&kinds));
    }
}
