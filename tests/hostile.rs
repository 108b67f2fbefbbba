//! Hostile and broken input: one fixture per case of the reliability
//! catalogue (`tests/fixtures/hostile/<case id>-<name>`), each loaded,
//! parsed as plain text and as Markdown, and every string the reader can draw
//! run through the sanitiser.
//!
//! Every fixture must satisfy the same invariants (nothing unsafe in any
//! piece, no invisible cluster drawn, no cluster past the mark cap, nothing
//! panics); each case adds the markers and text it must produce.

use std::path::Path;

use lede::document::{Document, Format, InlineKind, LoadError, load};
use lede::sanitize::{self, MAX_COMBINING, Piece};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");

/// What a fixture must produce, in the format its name gives.
#[derive(Default)]
struct Expect {
    /// Refused as binary instead of opened.
    binary: bool,
    /// Substrings of the drawn text in normal mode.
    shown: &'static [&'static str],
    /// Substrings of the drawn text in reveal mode.
    revealed: &'static [&'static str],
    /// Must not appear in the drawn text in normal mode.
    absent: &'static [&'static str],
    /// Whole lines of the drawn text in normal mode.
    lines: &'static [&'static str],
    /// Substrings of the document text (what search and extraction see).
    text: &'static [&'static str],
    /// Link and image targets, in order.
    targets: &'static [&'static str],
    /// A substring of one of the notices.
    notice: Option<&'static str>,
    /// The title block's text.
    title: Option<&'static str>,
}

/// The drawn form of a text: pieces joined, markers inline.
fn drawn(text: &str, reveal: bool) -> String {
    sanitize::pieces(text, reveal)
        .iter()
        .map(|(_, p)| p.as_str())
        .collect()
}

/// The invariants every string the reader draws must keep.
fn check_drawable(what: &str, text: &str) {
    for reveal in [false, true] {
        for (range, piece) in sanitize::pieces(text, reveal) {
            for line in piece.as_str().split('\n') {
                assert!(
                    sanitize::is_safe(line),
                    "{what}: unsafe piece {piece:?} at {range:?}"
                );
            }
            if let Piece::Text(t) = piece {
                assert_eq!(t, &text[range.clone()], "{what}: text piece off its range");
                for g in t.graphemes(true).filter(|g| *g != "\n") {
                    assert!(g.width() > 0, "{what}: invisible cluster {g:?} drawn");
                    assert!(
                        g.chars().count() <= MAX_COMBINING + 1,
                        "{what}: cluster of {} chars drawn",
                        g.chars().count()
                    );
                }
            }
        }
    }
    let one_line = sanitize::clean(text);
    assert!(
        sanitize::is_safe(&one_line),
        "{what}: clean() left {one_line:?}"
    );
}

/// Runs every drawable string of a document through the sink.
fn check_document(doc: &Document) {
    check_drawable("name", &doc.name);
    for notice in &doc.notices {
        check_drawable("notice", notice);
    }
    for section in &doc.sections {
        check_drawable("section title", &section.title);
        assert!(sanitize::is_safe(&section.title), "{:?}", section.title);
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        check_drawable(&format!("block {i}"), doc.slice(&block.range));
        for inline in doc.inlines(&block) {
            check_drawable(&format!("inline in block {i}"), doc.slice(&inline.range));
            if let InlineKind::Link { target } | InlineKind::Image { target } = &inline.kind {
                assert!(sanitize::is_safe(target), "target {target:?}");
                check_drawable("target", target);
            }
        }
    }
}

fn targets(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .flat_map(|b| doc.inlines(&b).collect::<Vec<_>>())
        .filter_map(|i| match i.kind {
            InlineKind::Link { target } | InlineKind::Image { target } => Some(target),
            _ => None,
        })
        .collect()
}

fn run(file: &str, expect: Expect) {
    let path = Path::new(DIR).join(file);
    let bytes = std::fs::read(&path).expect("fixture exists");
    let source = match load::decode(file, &bytes) {
        Err(LoadError::Binary) if expect.binary => return,
        Err(e) => panic!("{file}: {e}"),
        Ok(_) if expect.binary => panic!("{file}: opened a binary file"),
        Ok(source) => source,
    };
    // Both parsers must survive every fixture.
    for format in [Format::Plain, Format::Markdown] {
        check_document(&Document::parse(source.clone(), format));
    }
    let doc = Document::open(&path).expect("opens");
    check_document(&doc);
    if file.ends_with(".md") {
        assert_eq!(doc.format, Format::Markdown, "{file}: {:?}", doc.notices);
    }
    let normal = drawn(&doc.text, false);
    let revealed = drawn(&doc.text, true);
    for want in expect.shown {
        assert!(normal.contains(want), "{file}: {want:?} not in {normal:?}");
    }
    for want in expect.revealed {
        assert!(
            revealed.contains(want),
            "{file}: {want:?} not in {revealed:?}"
        );
    }
    for unwanted in expect.absent {
        assert!(!normal.contains(unwanted), "{file}: {unwanted:?} shown");
    }
    for line in expect.lines {
        assert!(
            normal.lines().any(|l| l == *line),
            "{file}: no line {line:?} in {normal:?}"
        );
    }
    for want in expect.text {
        assert!(doc.text.contains(want), "{file}: {want:?} not in text");
    }
    if !expect.targets.is_empty() {
        assert_eq!(targets(&doc), expect.targets, "{file}");
    }
    if let Some(want) = expect.notice {
        assert!(
            doc.notices.iter().any(|n| n.contains(want)),
            "{file}: {:?}",
            doc.notices
        );
    }
    if let Some(want) = expect.title {
        let title = doc.title.map(|t| doc.slice(&doc.blocks.at(t).range));
        assert_eq!(title, Some(want), "{file}");
    }
}

macro_rules! cases {
    ($($test:ident: $file:literal => { $($field:ident: $value:expr),* $(,)? }),* $(,)?) => {
        const FILES: &[&str] = &[$($file),*];
        $(
            #[test]
            fn $test() {
                run($file, Expect { $($field: $value,)* ..Expect::default() });
            }
        )*
    };
}

cases! {
    a1_osc_title: "A1-osc-title.txt" => {
        shown: &["Before ^[]0;evil title^G and ^[]2;evil title^[\\ after."],
    },
    a2_osc52_clipboard: "A2-osc52-clipboard.txt" => {
        shown: &["^[]52;c;cm0gLXJmIH4K^G", "^[]52;c;?^G"],
    },
    a3_osc8_hyperlink: "A3-osc8-hyperlink.txt" => {
        shown: &["^[]8;;https://evil.example/^[\\click your bank^[]8;;^[\\"],
    },
    a4_csi_cursor_erase: "A4-csi-cursor-erase.txt" => {
        shown: &["^[[1A^[[2K^M[OK] Authentication success", "^[[2J^[[H"],
        lines: &["[FAIL] Authentication failure", "^[[1A^[[2K^M[OK] Authentication success"],
    },
    a5_sgr_conceal: "A5-sgr-conceal.txt" => {
        shown: &["^[[8mconcealed^[[0m", "^[[30;40mblack on black", "^[[5mblink", "^[[?25l"],
    },
    a6_query_answerback: "A6-query-answerback.txt" => {
        shown: &["DA ^[[c", "^[[>0q", "^[P$qm^[\\", "^[[6n", "ENQ ^E end"],
    },
    a7_c1_introducers: "A7-c1-introducers.txt" => {
        shown: &["CSI <U+009B>31m", "<U+009D>0;title<U+009C>", "DCS <U+0090>q", "PM <U+009E>", "SOS <U+0098>", "APC <U+009F>"],
    },
    a8_string_bodies: "A8-string-bodies.txt" => {
        shown: &["DCS ^[Pq#0;2", "APC ^[_Gf=100,a=T;", "PM ^[^private^[\\", "SOS ^[Xstart^[\\"],
    },
    a9_unterminated: "A9-unterminated.txt" => {
        shown: &["Open ^[]8;;https://evil.example", "^[P1;2q unterminated"],
        lines: &["The next line is clean."],
    },
    a10_split_sequence: "A10-split-sequence.md" => {
        shown: &["Emphasis ^[[3", "^[[3\n1m across", "^[]0;code^G"],
    },
    a11_overstrike_controls: "A11-overstrike-controls.txt" => {
        shown: &["real^Mfake line", "bold a^HA", "shift ^Nout^O in", "vertical ^K tab and ^L feed"],
    },
    a12_metadata_controls: "A12-metadata-controls.md" => {
        shown: &["title: ^[[2J^G evil", "Head ^[]0;pwned^G line"],
    },
    a13_nul_del_code: "A13-nul-del-code.md" => {
        shown: &["Head^@ing^?", "a^@b^?", "fenced ^@ and ^? and ^A", "indented ^@ code"],
    },
    b1_bidi_overrides: "B1-bidi-overrides.txt" => {
        shown: &["Access ⟨RLO⟩⟨LRI⟩// check admin⟨PDI⟩ ⟨LRI⟩if (isAdmin)⟨PDI⟩", "⟨LRE⟩⟨RLE⟩⟨PDF⟩⟨LRO⟩", "⟨RLI⟩⟨FSI⟩", "marks ⟨LRM⟩⟨RLM⟩⟨ALM⟩ end"],
        revealed: &["marks ⟨LRM⟩⟨RLM⟩⟨ALM⟩ end"],
    },
    b2_zero_width: "B2-zero-width.txt" => {
        shown: &["paypal, zwnj, zwj, wordjoiner, midbom."],
        revealed: &["pay⟨ZWSP⟩pal, zw⟨ZWNJ⟩nj, zw⟨ZWJ⟩j, word⟨WJ⟩joiner, mid⟨BOM⟩bom."],
        text: &["pay\u{200B}pal"],
    },
    b3_tag_smuggling: "B3-tag-smuggling.txt" => {
        shown: &[
            "Hello<U+E0069><U+E0067><U+E006E>",
            "Flag \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} kept",
            "\u{1F600}<U+E0100><U+E0101>",
        ],
        revealed: &["Flag \u{1F3F4}<U+E0067>"],
    },
    b4_zalgo: "B4-zalgo.txt" => {
        shown: &["…algo text."],
    },
    b5_invisible_fillers: "B5-invisible-fillers.txt" => {
        shown: &["name[] mvs ops softhyphen."],
        revealed: &["name[<U+115F><U+1160><U+3164><U+FFA0>]", "mvs⟨MVS⟩", "ops<U+2061><U+2062><U+2063><U+2064>", "soft⟨SHY⟩hyphen"],
    },
    b6_line_separators: "B6-line-separators.txt" => {
        text: &["one\ntwo\n\nthree\nfour."],
        absent: &["<U+2028>", "<U+2029>", "<U+0085>"],
    },
    b7_homoglyph_link: "B7-homoglyph-link.md" => {
        targets: &["https://evil.example/login", "https://%D1%80%D0%B0ypal.com/"],
    },
    c1_entity_controls: "C1-entity-controls.md" => {
        shown: &["Entities ^[[2J", "ESC ^[[31m", "hex ^[]0;t^G", "CSI <U+009B>", "RLO ⟨RLO⟩", "tag <U+E0041>", "NUL \u{FFFD} end"],
        text: &["\u{1b}[31m"],
        title: Some("Entities \u{1b}[2J"),
    },
    c2_double_decode: "C2-double-decode.md" => {
        text: &["Once only: &#27;[2J and &amp; stay text."],
        absent: &["^["],
    },
    c3_link_targets: "C3-link-targets.md" => {
        shown: &["bel esc js file data dash"],
    },
    c4_deep_nesting: "C4-deep-nesting.md" => { text: &["deep quote", "item"] },
    c5_superlinear: "C5-superlinear.md" => {},
    c6_1110_deflist_heading_attrs: "C6-1110-deflist-heading-attrs.md" => { text: &["2\n:<"] },
    // A bogus comment: raw HTML shows its text, and this has none.
    c6_1112_html_cr: "C6-1112-html-cr.md" => {},
    c6_521_bad_slice: "C6-521-bad-slice.md" => { text: &["N"] },
    c6_973_nested_deflist: "C6-973-nested-deflist.md" => { text: &["inner def"] },
    c6_fuzz_history: "C6-fuzz-history.md" => {},
    c7_bom_crlf_heading: "C7-bom-crlf-heading.md" => {
        title: Some("Title"),
        // CommonMark reads a lone CR as a line end; in a code span it is a space.
        text: &["stray\nCR", "code span"],
        absent: &["⟨BOM⟩", "^M"],
    },
    c7_cr_only: "C7-cr-only.txt" => {
        text: &["Title line\n\nFirst paragraph here.\nSecond line.\n\nAnother paragraph."],
        title: Some("Title line"),
        absent: &["^M"],
    },
    c7_front_matter: "C7-front-matter.md" => { text: &["title: Front matter", "Real heading"] },
    c8_wide_table: "C8-wide-table.md" => { text: &["c\tc\tc", "codecode"] },
    // Raw HTML shows its text: scripts, styles and tags are dropped.
    c9_raw_html: "C9-raw-html.md" => {
        text: &["Inline", "image and"],
        absent: &["alert(1)", "display:none", "tracker.example", "<img", "<iframe"],
    },
    c10_chrome_mimic: "C10-chrome-mimic.txt" => { text: &["-- READER: file verified --"] },
    d1_invalid_utf8: "D1-invalid-utf8.txt" => {
        shown: &["lone \u{FFFD} cont", "truncated \u{FFFD}"],
        notice: Some("invalid bytes shown as"),
    },
    d2_binary_elf: "D2-binary-elf.bin" => { binary: true },
    d2_binary_png: "D2-binary-png.bin" => { binary: true },
    d3_latin1: "D3-latin1.txt" => {
        text: &["Naïve “quotes” — Größe."],
        title: Some("Café title"),
        notice: Some("Windows-1252"),
    },
    d3_utf16be_bom: "D3-utf16be-bom.txt" => {
        text: &["Café news 日本 😀."],
        title: Some("UTF-16 title"),
    },
    d3_utf16le_bom: "D3-utf16le-bom.txt" => {
        text: &["Café news 日本 😀."],
        title: Some("UTF-16 title"),
    },
    d3_utf16le_nobom: "D3-utf16le-nobom.txt" => {
        text: &["Café news 日本 😀."],
        notice: Some("read as UTF-16"),
    },
    d3_utf32le_bom: "D3-utf32le-bom.txt" => {
        text: &["Café news 日本 😀."],
        title: Some("UTF-16 title"),
    },
    d6_empty: "D6-empty.txt" => { notice: Some("the file is empty") },
    d6_only_newlines: "D6-only-newlines.txt" => { notice: Some("only blank lines") },
    d6_no_trailing_newline: "D6-no-trailing-newline.txt" => { lines: &["Last line without newline"] },
    d7_tabs: "D7-tabs.txt" => {
        shown: &["    lead tab", "mid    tab    wide日    x"],
        revealed: &["^Ilead tab"],
    },
    d8_wide_emoji: "D8-wide-emoji.txt" => {
        shown: &[
            "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
            "VS15 \u{263A}\u{FE0E} VS16 \u{263A}\u{FE0F}",
            "\u{1F44D}\u{1F3FD}",
            "1\u{FE0F}\u{20E3}",
            "\u{1F1EB}\u{1F1F7}",
        ],
        revealed: &["\u{1F468}⟨ZWJ⟩\u{1F469}"],
    },
    d9_long_word: "D9-long-word.txt" => { text: &["xxxxxxxxxx"] },
}

#[test]
fn every_fixture_has_a_case_and_every_case_a_fixture() {
    let mut on_disk: Vec<String> = std::fs::read_dir(DIR)
        .expect("fixture folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FILES.iter().map(|f| f.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn a12_file_names_and_errors_are_cleaned() {
    let name = "evil\x1b[2J\x07\u{202E}fdp.md";
    let doc = Document::from_bytes(name, b"# T\n\nBody.\n", None).expect("text");
    assert_eq!(sanitize::clean(&doc.name), "evil^[[2J^G⟨RLO⟩fdp.md");
    let missing = std::env::temp_dir().join("lede-missing-\x1b]0;x\x07.txt");
    let err = Document::open(&missing).expect_err("missing");
    let message = format!("{}: {err}", sanitize::clean(&missing.display().to_string()));
    assert!(sanitize::is_safe(&message), "{message:?}");
}

#[test]
fn c3_only_web_and_mail_targets_may_be_opened() {
    let doc = Document::open(&Path::new(DIR).join("C3-link-targets.md")).expect("opens");
    let verdicts: Vec<(String, bool)> = targets(&doc)
        .into_iter()
        .map(|t| {
            (
                t.chars().take(24).collect(),
                sanitize::link_scheme_allowed(&t),
            )
        })
        .collect();
    let want = [
        ("https://a%07b", true),
        ("https://a%1B]52;c;?%07", true),
        ("javascript:alert(1)", false),
        ("file:///etc/passwd", false),
        ("data:text/html;base64,PH", false),
        ("-oProxyCommand=evil", false),
        ("http://e.example/x.png%1", true),
        ("https://example.com/aaaa", true),
    ];
    let want: Vec<(String, bool)> = want.iter().map(|(t, v)| (t.to_string(), *v)).collect();
    assert_eq!(verdicts, want);
    // The controls are percent-encoded: an opener gets them as `%07`, inert.
    assert!(targets(&doc).iter().all(|t| t.is_ascii()));
}

#[test]
fn d5_devices_are_refused_not_read() {
    for dev in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        if Path::new(dev).exists() {
            assert!(
                matches!(Document::open(Path::new(dev)), Err(LoadError::NotAFile)),
                "{dev}"
            );
        }
    }
}

#[test]
fn d10_missing_directory_and_symlink_loop_give_clear_errors() {
    let dir = std::env::temp_dir().join(format!("lede-d10-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    assert!(matches!(Document::open(&dir), Err(LoadError::IsDirectory)));
    assert!(matches!(
        Document::open(&dir.join("absent.txt")),
        Err(LoadError::NotFound)
    ));
    #[cfg(unix)]
    {
        let a = dir.join("loop-a");
        let b = dir.join("loop-b");
        let _ = std::fs::remove_file(&a);
        let _ = std::fs::remove_file(&b);
        std::os::unix::fs::symlink(&b, &a).expect("symlink");
        std::os::unix::fs::symlink(&a, &b).expect("symlink");
        let err = Document::open(&a).expect_err("loop");
        assert!(sanitize::is_safe(&err.to_string()), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn g12_directives_in_the_article_change_no_setting() {
    let directives = "---\ntheme: light\nwidth: 20\nfurniture: false\nreveal: true\n---\n\n\
        # Title\n\n<!-- vim: set ft=sh: -->\n<!-- lede: theme=light outline=off -->\n\
        vi: set noro :\n\n<img src=\"http://tracker.example/p.gif\">\n\nBody text.\n";
    let plain = "# Title\n\nBody text.\n";
    let view = |text: &str| {
        let doc = Document::from_bytes("a.md", text.as_bytes(), None).expect("text");
        let config = lede::config::Config::default();
        let mut app = lede::app::App::new(
            doc,
            lede::extract::Entities::default(),
            config.keymap.clone(),
        )
        .with_prefs(config.prefs(false));
        app.update(lede::app::Action::Resize(100, 30));
        let v = &app.view;
        (
            v.outline_shown,
            v.show_furniture,
            v.reveal,
            v.highlight,
            v.reading_width,
            app.theme().has_color(),
            app.theme(),
            app.keymap()
                .key_for(lede::app::Action::Quit)
                .map(str::to_string),
        )
    };
    assert_eq!(view(directives), view(plain));
}
