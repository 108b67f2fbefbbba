//! The HTML adapter on pages written for each structure it must keep or
//! set apart (none is a copy of an evaluation page).

use super::*;
use crate::document::{Block, Inline, InlineKind};

const ARTICLE: &[u8] = include_bytes!("../../../tests/fixtures/html/article.html");

fn page(html: &str) -> Document {
    parse("p.html", html.as_bytes(), None, None)
}

/// The text of the blocks a reader reads as the article's body.
fn body(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            !doc.sections[doc.section_of_block(*i)].boilerplate
                && !matches!(
                    b.kind,
                    BlockKind::Title | BlockKind::Byline | BlockKind::Boilerplate
                )
        })
        .map(|(_, b)| (b.kind, doc.slice(&b.range)))
        .collect()
}

fn body_text(doc: &Document) -> String {
    body(doc)
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n")
}

fn furniture_text(doc: &Document) -> String {
    doc.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Boilerplate)
        .map(|b| doc.slice(&b.range))
        .collect::<Vec<_>>()
        .join("\n")
}

fn block_with(doc: &Document, needle: &str) -> Block {
    doc.blocks
        .iter()
        .find(|b| doc.slice(&b.range).contains(needle))
        .unwrap_or_else(|| panic!("no block holds {needle:?}"))
}

/// A page long enough to be an article around `inner`.
fn article_around(inner: &str) -> String {
    format!(
        "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav><article>\
         <p>The council met on Monday evening to decide the budget for the coming year, and the vote was close.</p>\
         {inner}\
         <p>Members said they would meet again in spring, when the first figures of the year are known to all.</p>\
         <p>The mayor thanked the staff for a long year of work on the plan, which now goes to the region for approval.</p>\
         </article><footer>Contact us</footer></body></html>"
    )
}

#[test]
fn the_fixture_reads_as_its_article() {
    let doc = parse("article.html", ARTICLE, None, None);
    assert_eq!(doc.format, Format::Html);
    assert_eq!(
        doc.title.map(|t| doc.slice(&doc.blocks.at(t).range)),
        Some("Harbour bridge reopens after two-year repair")
    );
    let body = body_text(&doc);
    assert!(body.starts_with("The old swing bridge"), "{body}");
    assert!(body.contains("Ferries will keep their timetable"));
    for never in [
        "DOCTYPE",
        "Georgia",
        "tracking",
        "hidden paragraph",
        "Nor does this one",
        "Decorative text",
        "Enable JavaScript",
        "Template text",
    ] {
        assert!(!doc.text.contains(never), "{never:?} must never appear");
    }
    // Furniture is set apart after the body, not lost and not interleaved.
    let furniture = furniture_text(&doc);
    for kept in [
        "Home City Sport",
        "cookies",
        "Share",
        "Ferry strike ends",
        "First!",
        "All rights reserved",
    ] {
        assert!(furniture.contains(kept), "{kept:?} set apart: {furniture}");
        assert!(!body.contains(kept), "{kept:?} not in the body");
    }
    let first_furniture = doc
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Boilerplate);
    let last_body = doc
        .blocks
        .iter()
        .rposition(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }));
    assert!(first_furniture > last_body);
}

#[test]
fn metadata_fills_the_meta_and_the_header_line() {
    let doc = parse("article.html", ARTICLE, None, None);
    let m = &doc.meta;
    assert_eq!(m.authors, ["Mara Quint", "Olu Bede"]);
    assert_eq!(m.published.as_deref(), Some("2024-05-02T08:30:00Z"));
    assert_eq!(m.updated.as_deref(), Some("2024-05-02T12:00:00Z"));
    assert_eq!(m.site_name.as_deref(), Some("The Coastal Post"));
    assert_eq!(m.section.as_deref(), Some("City"));
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://post.example/city/2024/bridge-reopens")
    );
    let byline = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Byline)
        .expect("byline");
    assert_eq!(
        doc.slice(&byline.range),
        "By Mara Quint and Olu Bede · 2024-05-02 08:30 · updated 2024-05-02 12:00 · The Coastal Post · City"
    );
    assert!(!doc.prose_blocks().any(|b| b.kind == BlockKind::Byline));
}

#[test]
fn structure_is_kept() {
    let doc = parse("article.html", ARTICLE, None, None);
    let kinds = body(&doc);
    assert!(kinds.contains(&(BlockKind::Heading { level: 2 }, "What the repair cost")));
    assert!(kinds.contains(&(BlockKind::Heading { level: 3 }, "Traffic")));
    assert!(kinds.contains(&(
        BlockKind::ListItem { ordinal: Some(1) },
        "Girders replaced: 14"
    )));
    assert!(kinds.contains(&(
        BlockKind::ListItem { ordinal: Some(2) },
        "Rivets renewed: 22,000"
    )));
    assert!(kinds.contains(&(BlockKind::Code, "span  = 96 m\nclear = 12 m")));
    assert!(kinds.contains(&(BlockKind::Table, "Hour\tVehicles\n07:00\t850\n08:00\t1,200")));
    let table = block_with(&doc, "Vehicles");
    let inlines: Vec<_> = doc.inlines(&table).collect();
    let cells: Vec<(&str, &InlineKind)> = inlines
        .iter()
        .map(|i| (doc.slice(&i.range), &i.kind))
        .collect();
    assert!(cells.contains(&(
        "Hour",
        &InlineKind::TableCell {
            row: 0,
            column: 0,
            header: true
        }
    )));
    assert!(cells.contains(&(
        "1,200",
        &InlineKind::TableCell {
            row: 2,
            column: 1,
            header: false
        }
    )));
    let quote = block_with(&doc, "another hundred years");
    assert_eq!(quote.quote_depth, 1);
    // Subheadings are sections in the outline; furniture sections follow.
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains(&"What the repair cost") && titles.contains(&"Traffic"));
    assert!(doc.sections.last().is_some_and(|s| s.boilerplate));
}

#[test]
fn inline_runs_keep_emphasis_and_link_targets() {
    let doc = parse(
        "article.html",
        ARTICLE,
        None,
        Some("https://post.example/city/2024/bridge-reopens"),
    );
    let p = block_with(&doc, "Crowds lined");
    let inlines: Vec<_> = doc.inlines(&p).collect();
    let kinds: Vec<(&str, &InlineKind)> = inlines
        .iter()
        .map(|i| (doc.slice(&i.range), &i.kind))
        .collect();
    assert!(kinds.contains(&("exactly", &InlineKind::Emphasis)));
    assert!(kinds.contains(&("a new start", &InlineKind::Strong)));
    assert!(kinds.contains(&(
        "engineers’ report",
        &InlineKind::Link {
            target: "https://post.example/city/reports/bridge.pdf".to_string()
        }
    )));
    let unsafe_links = block_with(&doc, "Click me");
    let inlines: Vec<_> = doc.inlines(&unsafe_links).collect();
    let targets: Vec<&str> = inlines
        .iter()
        .filter_map(|i| match &i.kind {
            InlineKind::Link { target } => Some(target.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(targets[0], "javascript:alert(1)");
    assert!(targets[1].starts_with("data:text/plain") && targets[1].ends_with("..."));
}

#[test]
fn whitespace_folds_as_a_browser_folds_it() {
    let doc = parse("article.html", ARTICLE, None, None);
    let cost = block_with(&doc, "41");
    let text = doc.slice(&cost.range);
    assert!(text.contains("41 million euros"), "{text:?}");
    assert!(
        text.contains("abroad.\nThree firms"),
        "a <br> is a line break: {text:?}"
    );
    assert!(doc.inlines(&cost).any(|i| i.kind == InlineKind::HardBreak));
    // A soft hyphen vanishes; inline elements without space join.
    assert!(body_text(&doc).contains("Signals on the swingspan"));
    assert!(body_text(&doc).contains("eight o’clock"));
}

#[test]
fn figure_captions_and_alt_text_are_captions() {
    let doc = parse("article.html", ARTICLE, None, None);
    let caption = block_with(&doc, "repaired bridge at dawn");
    assert_eq!(caption.kind, BlockKind::Caption);
    // The figure's caption says it; the image's alt text is not repeated.
    assert!(!doc.text.contains("The bridge at dawn"));
    let doc = page(&article_around(
        "<p><img src='a.jpg' alt='Council members voting on the budget'></p>",
    ));
    assert_eq!(
        block_with(&doc, "Council members voting").kind,
        BlockKind::Caption
    );
    let doc = page(&article_around("<img src='a.jpg' alt='logo'>"));
    assert!(!doc.text.contains("logo"));
}

#[test]
fn captions_without_a_caption_tag_are_captions() {
    // A caption in an inline element named for it, a credit in a figure
    // beside its `<figcaption>`, a line in italics under an image, and a
    // line repeating the image's alt text: none is body.
    let doc = page(&article_around(
        "<p><span class='wf_caption'><img src='a.jpg' alt=''>\
         <span>The new map of the harbour floor. (Port Authority)</span></span></p>\
         <figure><img src='b.jpg' alt=''><figcaption>The quay at low tide.</figcaption>\
         <cite>Jane Roe/Harbour Photos</cite></figure>\
         <p><img src='c.jpg' alt=''></p><p> </p><p><em>Cranes on the east quay, photo by John Doe</em></p>\
         <div><img src='d.jpg' alt='The old lighthouse at dusk'>\
         <span class='small gray'>The old lighthouse at dusk</span></div>\
         <p><em>An aside in italics, with no image before it, stays in the article.</em></p>",
    ));
    let body = body(&doc);
    for caption in [
        "map of the harbour floor",
        "Jane Roe",
        "Cranes on the east quay",
        "lighthouse at dusk",
    ] {
        let kinds: Vec<BlockKind> = body
            .iter()
            .filter(|(_, t)| t.contains(caption))
            .map(|&(k, _)| k)
            .collect();
        assert!(!kinds.is_empty(), "{caption}: {body:?}");
        assert!(
            kinds.iter().all(|&k| k == BlockKind::Caption),
            "{caption}: {body:?}"
        );
    }
    assert_eq!(
        block_with(&doc, "An aside in italics").kind,
        BlockKind::Paragraph
    );
}

#[test]
fn a_box_of_an_image_and_a_line_is_a_figure_and_its_caption() {
    let doc = page(&article_around(
        "<div class='photo'><img src='a.jpg' alt=''><p class='setsumei'>The quay at low tide (Monday, in the harbour)</p></div>\
         <div class='box'><p>A box of text with no image in it stays in the article as it was.</p></div>",
    ));
    assert_eq!(
        block_with(&doc, "quay at low tide").kind,
        BlockKind::Caption
    );
    assert_eq!(
        block_with(&doc, "no image in it").kind,
        BlockKind::Paragraph
    );
}

#[test]
fn a_date_line_before_the_first_paragraph_and_a_sign_off_after_the_last_are_bylines() {
    let doc = page(
        "<html><body><div class='story'><h1>Cold homes</h1>\
         <div class='by'>By Ola Nowak, 3 December 2025</div>\
         <p>When the heating fails in a rented home, the landlord must repair it within a reasonable time.</p>\
         <p>Report the fault in writing, by email or text, and keep a copy of what you sent and when.</p>\
         <div>On 4 May 2025 the rules changed</div>\
         <p>If nothing happens within a week, contact the council's environmental health team.</p>\
         <div class='end'>&mdash; Staff writer</div></div></body></html>",
    );
    assert_eq!(block_with(&doc, "Ola Nowak").kind, BlockKind::Byline);
    assert_eq!(block_with(&doc, "Staff writer").kind, BlockKind::Byline);
    // A line with a date after the article has begun is the article's.
    assert_eq!(
        block_with(&doc, "the rules changed").kind,
        BlockKind::Paragraph
    );
    // A line naming a year alone is no date line.
    let doc = page(
        "<html><body><div class='story'><h1>Festival</h1><div>The Palace Tale 2018 Festival Performance</div>\
         <p>When the heating fails in a rented home, the landlord must repair it within a reasonable time.</p>\
         <p>Report the fault in writing, by email or text, and keep a copy of what you sent and when.</p>\
         <p>If nothing happens within a week, contact the council's environmental health team.</p></div></body></html>",
    );
    assert_eq!(block_with(&doc, "Palace Tale").kind, BlockKind::Paragraph);
}

#[test]
fn a_heading_over_pictures_alone_at_the_end_is_not_a_section() {
    // Teasers as images with their titles in alt text: the heading over
    // them heads no text of the article.
    let doc = page(
        "<html><body><article>\
         <p>The council met on Monday evening to decide the budget for the coming year, and the vote was close.</p>\
         <p>Members said they would meet again in spring, when the first figures of the year are known to all.</p>\
         <p>The mayor thanked the staff for a long year of work on the plan, which now goes to the region for approval.</p>\
         <h3>You may also like:</h3>\
         <p><a href='/a'><img src='a.jpg' alt='Pickled sprouts for the winter months'></a>\
         <a href='/b'><img src='b.jpg' alt='A pear pie to welcome the autumn'></a></p>\
         </article></body></html>",
    );
    let heading = block_with(&doc, "You may also like");
    assert_eq!(heading.kind, BlockKind::Boilerplate);
    // A heading over text keeps its section.
    let doc = page(&article_around(
        "<h3>What comes next</h3><p>The budget goes to the region for approval in the spring.</p>",
    ));
    assert!(matches!(
        block_with(&doc, "What comes next").kind,
        BlockKind::Heading { .. }
    ));
}

#[test]
fn a_figure_of_a_quote_is_read_as_its_quote() {
    let doc = page(&article_around(
        "<figure><blockquote><p>We will not close the bridge again, whatever it costs.</p></blockquote>\
         <figcaption>The mayor, in March</figcaption></figure>",
    ));
    assert!(body_text(&doc).contains("We will not close the bridge"));
}

#[test]
fn a_layout_table_reads_as_its_blocks() {
    let doc = page(&article_around(
        "<table><tr><td><p>A paragraph laid out in a table cell, as old pages do, long enough to read.</p><p>And a second one in the same cell.</p></td></tr></table>",
    ));
    assert_eq!(
        block_with(&doc, "laid out in a table").kind,
        BlockKind::Paragraph
    );
    assert_eq!(block_with(&doc, "second one").kind, BlockKind::Paragraph);
}

#[test]
fn the_source_map_points_at_the_page_bytes() {
    let doc = parse("article.html", ARTICLE, None, None);
    for needle in [
        "The old swing bridge over the harbour",
        "Officials expect about 9,000",
    ] {
        let b = block_with(&doc, needle);
        let at = doc.slice(&b.range).find(needle).expect("in block") + b.range.start;
        let src = doc.source_map.range_to_source(at..at + needle.len());
        assert_eq!(&ARTICLE[src], needle.as_bytes());
    }
    // A decoded reference maps to the whole of it.
    let b = block_with(&doc, "o’clock");
    let at = doc.slice(&b.range).find('’').expect("in block") + b.range.start;
    let src = doc.source_map.range_to_source(at..at + '’'.len_utf8());
    assert!(
        std::str::from_utf8(&ARTICLE[src.clone()]).is_ok_and(|s| s.contains("rsquo")),
        "{src:?}"
    );
}

#[test]
fn each_character_reference_maps_to_itself() {
    // The text is found by its start (up to the first reference); the
    // words between references map to their own bytes, each reference to
    // the whole of it, a CR LF to both bytes.
    let html = "<html><body><article><h1>Prices</h1><p>Shares of AT&amp;T and the caf&eacute; at \
                the corner said prices rose &#8220;a little&#x201D; this week,\r\n\
                and by 5&nbsp;pm the queue was gone.</p></article></body></html>";
    let doc = page(html);
    let b = block_with(&doc, "Shares of AT&T");
    let block = doc.slice(&b.range);
    let mapped = |needle: &str| {
        let at = block.find(needle).expect("in block") + b.range.start;
        let src = doc.source_map.range_to_source(at..at + needle.len());
        &html[src]
    };
    for (text, source) in [
        ("Shares of AT", "Shares of AT"),
        ("&", "&amp;"),
        ("T and the caf", "T and the caf"),
        ("é", "&eacute;"),
        ("prices rose ", "prices rose "),
        ("“", "&#8220;"),
        ("a little", "a little"),
        ("”", "&#x201D;"),
        ("this week, and by 5", "this week,\r\nand by 5"),
        ("pm the queue", "pm the queue"),
    ] {
        assert_eq!(mapped(text), source, "{text}");
    }
}

#[test]
fn a_text_found_by_a_word_maps_from_that_word_on() {
    // Its start holds a reference within four bytes, so it is found by
    // its first word of three letters; from there on it maps exactly.
    let html = "<html><body><article><h1>Deal</h1><p>AT&amp;T and the caf&eacute; \
                agreed to a deal worth &pound;5 million on Monday.</p></article></body></html>";
    let doc = page(html);
    let b = block_with(&doc, "AT&T and");
    let block = doc.slice(&b.range);
    for (text, source) in [
        ("and the caf", "and the caf"),
        ("é", "&eacute;"),
        ("£", "&pound;"),
        ("5 million on Monday.", "5 million on Monday."),
    ] {
        let at = block.find(text).expect("in block") + b.range.start;
        let src = doc.source_map.range_to_source(at..at + text.len());
        assert_eq!(&html[src], source, "{text}");
    }
}

#[test]
fn texts_with_references_far_into_a_page_map_to_their_own_bytes() {
    // Each text is looked for only up to where the parser had been fed
    // when it came; across many feeds every one is still found.
    let mut html = String::from("<html><body><article><h1>Many</h1>");
    for i in 0..600 {
        html.push_str(&format!(
            "<p>Item {i}: the caf&eacute; on street {i} said trade rose &ndash; slowly.</p>\n"
        ));
    }
    html.push_str("</article></body></html>");
    let doc = page(&html);
    for i in [0, 1, 299, 599] {
        let b = block_with(&doc, &format!("Item {i}: "));
        let block = doc.slice(&b.range);
        for (text, source) in [
            (format!("Item {i}: the caf"), format!("Item {i}: the caf")),
            ("é".to_string(), "&eacute;".to_string()),
            ("–".to_string(), "&ndash;".to_string()),
            (
                format!(" on street {i} said trade rose "),
                format!(" on street {i} said trade rose "),
            ),
        ] {
            let at = block.find(&text).expect("in block") + b.range.start;
            let src = doc.source_map.range_to_source(at..at + text.len());
            assert_eq!(html[src].to_string(), source, "{text}");
        }
    }
}

#[test]
fn a_flattened_page_still_maps_to_its_bytes() {
    // Too deep: the tree is parsed from a rewrite of the page, so where
    // the parser was fed bounds nothing, and a text is found by its start
    // as before (not only from its first long word on).
    let html = format!(
        "<html><body>{}<article><p>An ox &amp; the caf&eacute; near the deep end reopened on Monday.</p></article></body></html>",
        "<div>".repeat(600)
    );
    let doc = page(&html);
    let b = block_with(&doc, "near the deep end");
    for needle in ["An ox ", "near the deep end"] {
        let at = doc.slice(&b.range).find(needle).expect("in block") + b.range.start;
        let src = doc.source_map.range_to_source(at..at + needle.len());
        assert_eq!(&html[src], needle);
    }
}

#[test]
fn bold_only_line_is_a_subheading() {
    let doc = page(&article_around(
        "<p><strong>The vote</strong></p><p>Seven members voted for the plan and six against it, after a debate of three hours.</p>",
    ));
    assert_eq!(
        block_with(&doc, "The vote").kind,
        BlockKind::Heading { level: 3 }
    );
}

#[test]
fn link_lists_inside_the_article_are_set_apart() {
    let doc = page(&article_around(
        "<div><a href='/1'>One story</a> <a href='/2'>Another story</a> <a href='/3'>A third</a></div>",
    ));
    assert!(!body_text(&doc).contains("One story"));
    assert!(furniture_text(&doc).contains("One story"));
}

#[test]
fn a_heading_left_without_body_is_furniture() {
    let doc = page(&article_around("").replace(
        "</article>",
        "<h2>More from us</h2><ul class='x'><li><a href='/1'>One story</a></li><li><a href='/2'>Two</a></li></ul></article>",
    ));
    assert!(
        !body_text(&doc).contains("More from us"),
        "{}",
        body_text(&doc)
    );
}

#[test]
fn a_page_without_an_article_says_so() {
    let doc = page(
        "<html><body><ul><li><a href='/a'>Sport</a></li><li><a href='/b'>News</a></li></ul><p>Welcome!</p></body></html>",
    );
    assert!(
        doc.notices.iter().any(|n| n.contains("no article")),
        "{:?}",
        doc.notices
    );
    assert!(doc.text.contains("Welcome!"));
}

#[test]
fn the_title_drops_the_site_name_and_is_not_repeated() {
    let doc = page(&format!(
        "<title>Council passes budget - Town Herald</title>{}",
        article_around("").replace("<article>", "<article><h1>Council passes budget</h1>")
    ));
    assert_eq!(doc.meta.title.as_deref(), Some("Council passes budget"));
    assert!(!body_text(&doc).contains("Council passes budget"));
}

#[test]
fn structured_data_names_the_body() {
    let html = article_around("").replace(
        "<article>",
        "<div class='teaser'><p>A teaser paragraph about something else entirely, long enough to count as one.</p><p>And a second teaser paragraph, also long enough to be counted by the scorer.</p></div><article itemprop='articleBody'>",
    );
    let doc = page(&html);
    assert!(!body_text(&doc).contains("teaser paragraph"));
    assert!(body_text(&doc).contains("council met"));
}

#[test]
fn deep_nesting_and_broken_markup_never_panic() {
    let deep = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(10);
    let doc = page(&deep);
    assert!(doc.text.contains("deep text"));
    let inline = "<b><i>".repeat(50_000) + "bold text";
    let doc = page(&inline);
    assert!(doc.text.contains("bold text"));
    for broken in [
        "<p>unclosed <b>bold <i>both",
        "<table><td>cell<p>para",
        "</p></div><<>>&#xFFFFFF;&bogus;",
    ] {
        let doc = page(broken);
        for b in &doc.blocks {
            assert!(doc.text.is_char_boundary(b.range.start) && b.range.end <= doc.text.len());
        }
    }
}

#[test]
fn long_text_is_cut_into_blocks() {
    let long = format!("<article><p>{}</p></article>", "word ".repeat(40_000));
    let doc = page(&long);
    assert!(doc.blocks.iter().all(|b| b.range.len() <= emit_limit() + 8));
    assert!(doc.blocks.len() > 3);
}

fn emit_limit() -> usize {
    32 * 1024
}

#[test]
fn sniffing_tells_pages_from_text() {
    assert!(sniff(b"<!DOCTYPE html><html>"));
    assert!(sniff(b"\xEF\xBB\xBF  <!-- saved --> <HTML lang=en>"));
    assert!(sniff(b"\n<head><title>x</title>"));
    assert!(sniff(b"<article><p>x"));
    assert!(!sniff(b"# Markdown title\n\n<b>inline html</b>"));
    assert!(!sniff(b"Plain text that mentions <html> later"));
    assert!(!sniff(b""));
}

#[test]
fn a_page_reaches_the_document_from_bytes_by_name_or_by_sniffing() {
    let doc = Document::from_bytes("saved", ARTICLE, None).expect("loads");
    assert_eq!(doc.format, Format::Html);
    let doc = Document::from_bytes("page.htm", b"<p>Just a paragraph.</p>", None).expect("loads");
    assert_eq!(doc.format, Format::Html);
    assert_eq!(body_text(&doc), "Just a paragraph.");
}

#[test]
fn control_characters_stay_in_the_text_for_the_sanitiser() {
    // The model keeps the page's characters; every sink sanitises them.
    let doc = page(&article_around(
        "<p>Evil \u{1b}]0;title\u{7} and \u{202e}reversed text in a paragraph of some length.</p>",
    ));
    let shown = crate::sanitize::clean(&doc.text);
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202e}'));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of pages: tags of every kind, references, furniture, bad bytes.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<div class='nav'>".to_string()),
            Just("<div class='story-body'>".to_string()),
            Just("</div>".to_string()),
            Just("<article>".to_string()),
            Just("<ul><li>".to_string()),
            Just("<ol start=3><li>".to_string()),
            Just("<blockquote>".to_string()),
            Just("<pre>".to_string()),
            Just("<table><tr><td>".to_string()),
            Just("<h2>".to_string()),
            Just("<a href='/x'>".to_string()),
            Just("</a>".to_string()),
            Just("<b>".to_string()),
            Just("<br>".to_string()),
            Just("<script>x<p>".to_string()),
            Just("&amp;&#27;&nbsp;&shy;".to_string()),
            Just("\u{202e}\u{1b}[2J".to_string()),
            "[a-zA-Z ,.]{1,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_page_gives_a_well_formed_document(parts in prop::collection::vec(piece(), 0..80)) {
            let doc = page(&parts.concat());
            let mut last_end = 0;
            for b in &doc.blocks {
                prop_assert!(b.range.start >= last_end && b.range.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(b.range.start) && doc.text.is_char_boundary(b.range.end));
                prop_assert!(!doc.slice(&b.range).is_empty());
                last_end = b.range.end;
            }
            // Sections tile the blocks in order.
            let mut next = 0;
            for s in &doc.sections {
                prop_assert_eq!(s.blocks.start, next);
                next = s.blocks.end;
            }
            prop_assert_eq!(next, doc.blocks.len());
            // The map covers the text.
            prop_assert_eq!(doc.source_map.text_len(), doc.text.len());
        }

        #[test]
        fn any_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..600)) {
            let doc = parse("b.html", &data, None, None);
            for b in &doc.blocks {
                prop_assert!(b.range.end <= doc.text.len());
            }
        }
    }
}

#[test]
fn boilerplate_sections_are_named_for_what_they_are_one_a_kind() {
    let html = article_around(
        "<div class='share-tools'><a href='/s'>Share on Social</a></div>\
         <p>The budget grows by two per cent, most of it for schools and roads in the north of the town.</p>",
    )
    .replace(
        "<body>",
        "<body><a class='skip-link' href='#main'>Skip to main content</a>",
    )
    .replace(
        "<footer>",
        "<section id='comments'><p>Great news for the town.</p></section>\
         <nav class='pages'><a href='/n'>Next</a></nav><footer>",
    );
    let doc = page(&html);
    let furniture: Vec<&str> = doc
        .sections
        .iter()
        .filter(|s| s.boilerplate)
        .map(|s| s.title.as_str())
        .collect();
    // The skip link and the two navigation bars are one section; nothing
    // is named after its first words.
    assert_eq!(
        furniture,
        ["Navigation", "Share", "Comments", "Page footer"],
        "{:?}",
        doc.sections
    );
    // Each part's text is still there, and maps to the page's bytes
    // though the parts are regrouped.
    for needle in ["Skip to main content", "Great news for the town.", "Next"] {
        let b = block_with(&doc, needle);
        assert_eq!(b.kind, BlockKind::Boilerplate);
        let at = doc.slice(&b.range).find(needle).expect("in block") + b.range.start;
        let src = doc.source_map.range_to_source(at..at + needle.len());
        assert_eq!(&html.as_bytes()[src], needle.as_bytes());
    }
}

#[test]
fn a_web_page_is_called_by_its_title() {
    let doc = parse("5f0c1a9e.html", ARTICLE, None, None);
    assert_eq!(
        doc.short_name(),
        "Harbour bridge reopens after two-year repair"
    );
    let text = Document::from_bytes("/tmp/notes/a.txt", b"Hello\n\nWorld.", None).expect("text");
    assert_eq!(text.short_name(), "a.txt");
}

#[test]
fn a_date_with_a_letter_inside_is_shown_as_given() {
    // Found by the fuzzer: the cut at byte 10 fell inside `ß`.
    assert_eq!(short_date("2024-05-0ß2T08:30:00Z"), "2024-05-0ß2T08:30:00Z");
    assert_eq!(short_date("2024-05-02T08:30:00Z"), "2024-05-02 08:30");
    assert_eq!(short_date("2024-05-02"), "2024-05-02");
    let doc = page(
        "<html><head><meta property='article:published_time' content='2024-05-0ß2T08:30:00Z'>\
         </head><body><article><h1>Dates</h1><p>A paragraph long enough to be the article body of this page.</p></article></body></html>",
    );
    // Read as a page, not fallen back to plain text.
    assert_eq!(doc.format, Format::Html);
    assert!(
        !doc.notices.iter().any(|n| n.contains("failed")),
        "{:?}",
        doc.notices
    );
    assert!(doc.text.contains("2024-05-0ß2"), "{}", doc.text);
}

/// The start of a page's document (`first` bytes of text and on to the
/// end of a body block), checked against the whole: the start's text a
/// prefix of the whole's, its blocks and their runs the whole's first,
/// its sections the whole's but for the last one's extent. Says whether
/// the document stopped short of the whole.
fn check_start(html: &str, first: usize) -> bool {
    let source = decode("p.html", html.as_bytes(), None);
    let prepared = prepare(&source, None);
    let whole = match prepared.emit(&source, None) {
        Emitted::Whole(doc) => doc,
        Emitted::Start(_) => panic!("no limit, yet a start"),
    };
    let start = match prepared.emit(&source, Some(first)) {
        Emitted::Whole(doc) => {
            assert_eq!(doc.text, whole.text);
            return false;
        }
        Emitted::Start(doc) => doc,
    };
    assert!(whole.text.starts_with(&start.text));
    assert!(start.text.len() >= first.min(whole.text.len()));
    assert!(start.blocks.len() < whole.blocks.len());
    for (i, block) in start.blocks.iter().enumerate() {
        assert_eq!(block, whole.blocks.at(i));
        let runs: Vec<Inline> = start.blocks.inlines(&block.range).collect();
        let whole_runs: Vec<Inline> = whole.blocks.inlines(&block.range).collect();
        assert_eq!(runs, whole_runs);
    }
    let last = start.sections.len() - 1;
    assert_eq!(start.sections[..last], whole.sections[..last]);
    assert_eq!(start.sections[last].heading, whole.sections[last].heading);
    assert_eq!(start.sections[last].title, whole.sections[last].title);
    assert_eq!(start.title, whole.title);
    assert_eq!(start.meta, whole.meta);
    assert_eq!(start.notices, whole.notices);
    true
}

#[test]
fn the_start_of_a_page_is_the_whole_documents_start() {
    let html = String::from_utf8_lossy(ARTICLE);
    let mut stopped = 0;
    for first in [0, 1, 200, 800, 2000, 5000] {
        stopped += usize::from(check_start(&html, first));
    }
    assert!(stopped >= 3, "stopped {stopped} times");
}

#[test]
fn a_start_ends_on_body_text_never_on_a_heading() {
    // Whether a heading is furniture ("Related" with its list set apart)
    // is known only from what follows it: a start that ended on "Part"
    // would take it for furniture, the whole for a heading.
    let mut html = String::from("<html><body><article><h1>T</h1>");
    for i in 0..40 {
        html.push_str(&format!(
            "<p>Paragraph {i} says enough, a sentence, and then another one.</p>"
        ));
        if i % 5 == 4 {
            html.push_str(&format!("<h2>Related {i}</h2><h2>Part {i}</h2>"));
        }
    }
    html.push_str("</article></body></html>");
    let source = decode("p.html", html.as_bytes(), None);
    let prepared = prepare(&source, None);
    let mut stopped = 0;
    for first in (0..3000).step_by(37) {
        if check_start(&html, first) {
            stopped += 1;
            let Emitted::Start(doc) = prepared.emit(&source, Some(first)) else {
                unreachable!("stopped above");
            };
            let last = doc.blocks.last().map(|b| b.kind);
            assert_eq!(last, Some(BlockKind::Paragraph), "at {first}");
        }
    }
    assert!(stopped > 50, "stopped {stopped} times");
}

#[test]
fn a_space_the_page_has_after_a_copied_word_maps_to_itself() {
    let html = "<html><body><article><p>One <a href=\"/a\">two</a> three \
                <em>four</em> five.</p></article></body></html>";
    let doc = page(html);
    let at = doc.text.find("One two three four five.").expect("the text");
    for word in ["One", "two", "three", "four", "five."] {
        let w = at + doc.text[at..].find(word).expect("the word");
        let source = doc.source_map.range_to_source(w..w + word.len());
        assert_eq!(&html[source], word);
    }
    // The spaces after "One" and "three" are the page's own, before a
    // tag: part of the word's run, not mapped to the next word.
    for (after, space) in [("One", "One "), ("three", "three ")] {
        let s = at + doc.text[at..].find(after).expect("the word") + after.len();
        let page_space = html.find(space).expect("in the page") + after.len();
        assert_eq!(
            doc.source_map.range_to_source(s..s + 1),
            page_space..page_space + 1
        );
    }
}

/// Pages written in the manner of common publishing systems and layouts
/// (`tests/fixtures/html/styles/`: a WordPress theme, a Next.js site with
/// hashed classes, a newsletter post, a wire story, a live blog, a story
/// split by ads and teasers, a German page with German class names, a
/// post under a longer thread of replies, an AMP page, a table layout
/// without `<p>`, a page of `<div>`s; a Drupal page of `field--name-*`
/// wrappers, a magazine long read with a drop cap, a pull quote and
/// figures, a listicle of numbered `<h2>`s and images, a press release
/// with contact boxes, a blog whose sidebar says more than its post, a
/// post over a thread under a plain `<h2>Comments</h2>`, a Japanese news
/// page, an article in sibling `<section>`s over an author box and a
/// footer sitemap), each beside the body a person would mark
/// (`NAME.txt`, paragraphs parted by blank lines). The body read must
/// hold the same words in the same order.
#[test]
fn pages_in_the_styles_of_publishing_systems_read_as_their_article() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html/styles");
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut failed = Vec::new();
    let mut seen = 0;
    for name in [
        "wordpress",
        "nextjs",
        "substack",
        "wire",
        "liveblog",
        "adsplit",
        "german",
        "comments",
        "tables",
        "divs",
        "drupal",
        "magazine",
        "listicle",
        "press",
        "blog",
        "thread",
        "japanese",
        "sections",
    ] {
        let html = std::fs::read(format!("{dir}/{name}.html")).expect("fixture page");
        let want = std::fs::read_to_string(format!("{dir}/{name}.txt")).expect("fixture body");
        let doc = parse(&format!("{name}.html"), &html, None, None);
        // Captions are not body (nor in what a person marks).
        let got = body(&doc)
            .iter()
            .filter(|(k, _)| *k != BlockKind::Caption)
            .map(|(_, t)| *t)
            .collect::<Vec<_>>()
            .join("\n");
        seen += 1;
        if words(&got) != words(&want) {
            failed.push(format!("{name}:\n--- read\n{got}\n--- marked\n{want}"));
        }
    }
    assert_eq!(seen, 18);
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

#[test]
fn a_subheading_whose_class_says_title_stays_in_the_article() {
    // A live blog's entries: `<h2 class="block-title">` is each one's
    // heading, not a header box to set apart.
    let doc = page(&article_around(
        "<h2 class='block-title'>Polls close in the east</h2>\
         <p>Voting has ended in the eastern provinces, where turnout was high all day.</p>\
         <div class='related-title'><h2 class='card-title'><a href='/x'>Another story entirely</a></h2></div>",
    ));
    let body = body(&doc);
    assert!(
        body.iter()
            .any(|&(k, t)| matches!(k, BlockKind::Heading { .. }) && t == "Polls close in the east"),
        "{body:?}"
    );
    assert!(!body_text(&doc).contains("Another story"));
}

#[test]
fn a_label_and_a_link_alone_are_a_teaser_but_a_sentence_around_a_link_is_not() {
    let doc = page(&article_around(
        "<p><strong>READ MORE:</strong> <a href='/t'>Tram extension gets green light</a></p>\
         <p>Our Standards: <a href='/p'>The Example Wire Trust Principles.</a></p>\
         <p><strong>Pro tip:</strong> <a href='/m'>Get more meal ideas here</a>!</p>\
         <p>Siehe auch: <a href='/s'>Strompreise steigen im Winter deutlich</a></p>",
    ));
    let body = body_text(&doc);
    assert!(!body.contains("Tram extension"), "{body}");
    assert!(!body.contains("Trust Principles"), "{body}");
    assert!(!body.contains("Strompreise"), "{body}");
    assert!(body.contains("Get more meal ideas here"), "{body}");
    assert!(furniture_text(&doc).contains("Tram extension"));
}

#[test]
fn a_byline_named_for_the_article_is_a_byline() {
    // `article-byline` is a byline of the article; `story-body updated`
    // is a body that was updated.
    let doc = page(&article_around(
        "<div class='article-byline'>By Priya Raman | November 21, 2024</div>",
    ));
    assert!(!body_text(&doc).contains("Priya Raman"));
    let doc = page(
        "<html><body><div class='story-body updated'>\
         <p>The council met on Monday evening to decide the budget for the coming year, and the vote was close.</p>\
         <p>Members said they would meet again in spring, when the first figures of the year are known to all.</p>\
         <p>The mayor thanked the staff for a long year of work on the plan, which now goes to the region for approval.</p>\
         <p>The budget itself will be published on the council's website next week, with a summary for each district.</p>\
         </div></body></html>",
    );
    assert!(body_text(&doc).contains("The mayor thanked"), "{doc:?}");
    assert!(doc.notices.is_empty(), "{:?}", doc.notices);
}

#[test]
fn custom_elements_are_named_by_their_tag_as_by_a_class() {
    // AMP's `<amp-ad>` holds its fallback text; `<amp-social-share>` its
    // buttons.
    let doc = page(&article_around(
        "<amp-ad width=300 height=250 type=doubleclick><div placeholder>Loading ad</div>\
         <div fallback>Advertisement</div></amp-ad>",
    ));
    let body = body_text(&doc);
    assert!(!body.contains("Loading ad"), "{body}");
    assert!(!body.contains("Advertisement"), "{body}");
}

#[test]
fn two_line_breaks_part_paragraphs() {
    let doc = page(
        "<html><body><div><a href='/'>Home</a><br><a href='/m'>Meetings</a></div><div>\
         <font face=Arial>The annual spring show of the society will be held at the hall on Saturday, from ten until four.<br><br>\
         Members will show more than three hundred plants this year, including native orchids.<br> <br>\
         Our guest speaker at two o'clock will talk about growing orchids on a windowsill.<br>Please come early.\
         </font></div></body></html>",
    );
    let body = body(&doc);
    assert_eq!(body.len(), 3, "{body:?}");
    assert!(body[0].1.starts_with("The annual"), "{body:?}");
    assert!(body[1].1.starts_with("Members will"), "{body:?}");
    // One break is a line break inside the paragraph.
    assert!(
        body[2].1.ends_with("windowsill.\nPlease come early."),
        "{body:?}"
    );
}

#[test]
fn a_thread_of_replies_is_told_by_its_reply_box_not_its_name() {
    // Replies longer than the post, in a box named for nothing the
    // furniture words know.
    let reply = |who: &str, text: &str| {
        format!(
            "<div class='response'><div class='response-head'><a href='/u/{who}'>{who}</a> \
             <span>3 days ago</span></div><div class='response-text'><p>{text}</p></div>\
             <div><a href='#'>Reply</a></div></div>"
        )
    };
    let replies: String = (0..6)
        .map(|i| {
            reply(
                &format!("user{i}"),
                &format!(
                    "Reply number {i} says at some length that the post was right, that the same \
                     thing happened to them, and that they fixed it the same way in the end."
                ),
            )
        })
        .collect();
    let doc = page(&format!(
        "<html><body><div class='post-page'><h1>Twelve years and one hinge</h1>\
         <div class='post-text'>\
         <p>I have been running the same laptop as my main machine for twelve years. Last month the hinge finally cracked, and I had to decide whether to fix it.</p>\
         <p>A replacement hinge cost eleven pounds. Fitting it took an evening and a lot of patience with two clips that did not want to come apart.</p>\
         <p>I am writing this because the repair guide I followed was written by a stranger, and it was perfect.</p>\
         </div><div class='responses'><h3>6 responses</h3>{replies}\
         <form><textarea name=reply></textarea><button>Post</button></form></div></div></body></html>"
    ));
    let body = body_text(&doc);
    assert!(body.contains("the repair guide"), "{body}");
    assert!(!body.contains("Reply number"), "{body}");
    assert!(
        doc.sections
            .iter()
            .any(|s| s.boilerplate && s.title == "Comments")
    );
}

#[test]
fn a_headline_set_in_a_div_on_a_page_with_no_h1_is_the_title_not_body() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html/styles");
    let html = std::fs::read(format!("{dir}/divs.html")).expect("fixture page");
    let doc = parse("divs.html", &html, None, None);
    assert_eq!(
        doc.title.map(|t| doc.slice(&doc.blocks.at(t).range)),
        Some("We open on Monday")
    );
    let body = body_text(&doc);
    // The date line under it is a byline, not the article's first line.
    assert!(body.starts_with("Our new bakery"), "{body}");
    assert_eq!(block_with(&doc, "14 March 2025").kind, BlockKind::Byline);
}

#[test]
fn furniture_named_in_other_languages_is_set_apart() {
    let doc = page(&article_around(
        "<div class='publicidad'><span>Publicidad</span><div id='slot-2'></div></div>\
         <div class='teilen'><a href='https://example.org/share'>Facebook</a> <a href='mailto:?'>E-Mail</a></div>",
    ));
    let body = body_text(&doc);
    assert!(!body.contains("Publicidad"), "{body}");
    assert!(!body.contains("Facebook"), "{body}");
    // Comments named in German are comments, whatever prose they hold.
    let doc = page(&format!(
        "<html><body><article><h1>Bund fördert Ladesäulen auf dem Land</h1><div class='artikel-text'>\
         <p>Die Bundesregierung will den Ausbau der Ladeinfrastruktur in ländlichen Regionen fördern.</p>\
         <p>Gemeinden sollen bis zu 80 Prozent der Kosten für öffentliche Ladesäulen erstattet bekommen.</p>\
         <p>Das Programm soll Anfang des kommenden Jahres starten und bis Ende 2027 laufen.</p></div>\
         <div class='kommentare'>{}</div></article></body></html>",
        "<p>Endlich! In unserem Dorf gibt es genau eine Ladesäule, und die ist seit Monaten kaputt.</p>"
            .repeat(6)
    ));
    assert!(!body_text(&doc).contains("Endlich"));
    assert!(
        doc.sections
            .iter()
            .any(|s| s.boilerplate && s.title == "Comments")
    );
}

#[test]
fn a_time_standing_alone_under_the_headline_is_a_date_line_but_not_in_a_sentence() {
    let doc = page(&article_around(
        "<time datetime='2024-12-01T10:00'>2024年12月1日 10時00分</time>\
         <p>The vote was moved to <time datetime='2024-12-02'>Monday</time> after a long debate.</p>",
    ));
    let body = body_text(&doc);
    assert!(!body.contains("2024年12月1日"), "{body}");
    assert!(body.contains("moved to Monday after"), "{body}");
}
