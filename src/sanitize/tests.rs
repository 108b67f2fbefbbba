use proptest::prelude::*;

use super::*;

fn shown(s: &str, reveal: bool) -> String {
    pieces(s, reveal).iter().map(|(_, p)| p.as_str()).collect()
}

/// Rebuilds the input from the visible pieces alone (reveal mode).
fn unmarked(s: &str) -> Option<String> {
    pieces(s, true)
        .iter()
        .map(|(_, p)| match p {
            Piece::Text(t) => Some(t.to_string()),
            Piece::Marker(m) => unmark(m).map(String::from),
        })
        .collect()
}

#[test]
fn escape_sequences_become_visible() {
    let cases = [
        // A1 both terminators; A2; A3; A4; A5; A6
        ("\x1b]0;evil\x07", "^[]0;evil^G"),
        ("\x1b]2;evil\x1b\\", "^[]2;evil^[\\"),
        ("\x1b]52;c;aGk=\x07", "^[]52;c;aGk=^G"),
        (
            "\x1b]8;;https://e\x1b\\x\x1b]8;;\x1b\\",
            "^[]8;;https://e^[\\x^[]8;;^[\\",
        ),
        ("\x1b[1A\x1b[2K\r[OK]", "^[[1A^[[2K^M[OK]"),
        ("\x1b[8m\x1b[30;40m\x1b[?25l", "^[[8m^[[30;40m^[[?25l"),
        ("\x1b[c\x1b[>0q\x1b[6n\x05", "^[[c^[[>0q^[[6n^E"),
        // A7: 8-bit introducers
        ("a\u{9b}31mb", "a<U+009B>31mb"),
        (
            "\u{9d}0;t\u{9c}\u{90}q\u{9e}\u{9f}\u{98}",
            "<U+009D>0;t<U+009C><U+0090>q<U+009E><U+009F><U+0098>",
        ),
        // A8: string bodies stay as visible text, introducer marked
        ("\x1bPq#0;2;0;0;0\x1b\\", "^[Pq#0;2;0;0;0^[\\"),
        ("\x1b_Gf=100;AAAA\x1b\\", "^[_Gf=100;AAAA^[\\"),
        // A11, A13
        ("real\rfake", "real^Mfake"),
        ("a\u{8}A", "a^HA"),
        ("\x0e\x0f\x0b\x0c", "^N^O^K^L"),
        ("x\u{0}y\u{7f}", "x^@y^?"),
        // B1, B3, B6
        ("\u{202E}txt\u{2066}", "⟨RLO⟩txt⟨LRI⟩"),
        ("hid\u{E0041}den", "hid<U+E0041>den"),
        ("a\u{2028}b\u{2029}c\u{85}", "a<U+2028>b<U+2029>c<U+0085>"),
        ("bad \u{FFFD} byte", "bad \u{FFFD} byte"),
    ];
    for (input, want) in cases {
        assert_eq!(shown(input, false), want, "{input:?}");
        for (_, p) in pieces(input, false) {
            assert!(is_safe(p.as_str()), "{input:?} -> {p:?}");
        }
    }
}

#[test]
fn markers_are_styled_pieces_of_their_own() {
    let got = pieces("a\x1b[2Jb", false);
    assert_eq!(
        got,
        [
            (0..1, Piece::Text("a")),
            (1..2, Piece::Marker(Cow::Borrowed("^["))),
            (2..6, Piece::Text("[2Jb")),
        ]
    );
    assert!(got[1].1.is_marker() && !got[0].1.is_marker());
}

#[test]
fn zero_width_characters_hide_unless_revealed() {
    let cases = [
        ("pay\u{200B}pal", "paypal", "pay⟨ZWSP⟩pal"),
        ("soft\u{AD}hyphen", "softhyphen", "soft⟨SHY⟩hyphen"),
        ("mid\u{FEFF}bom", "midbom", "mid⟨BOM⟩bom"),
        ("x\u{3164}y", "xy", "x<U+3164>y"),
        ("a\u{200D}b", "ab", "a⟨ZWJ⟩b"),
        ("f\u{2061}x", "fx", "f<U+2061>x"),
    ];
    for (input, normal, revealed) in cases {
        assert_eq!(shown(input, false), normal, "{input:?}");
        assert_eq!(shown(input, true), revealed, "{input:?}");
    }
}

#[test]
fn implicit_bidi_marks_are_marked_even_in_normal_mode() {
    let marked = "a⟨LRM⟩b⟨RLM⟩c⟨ALM⟩";
    let input = "a\u{200E}b\u{200F}c\u{061C}";
    assert_eq!(shown(input, false), marked);
    assert_eq!(shown(input, true), marked);
}

#[test]
fn emoji_sequences_and_flags_stay_whole() {
    let kept = [
        "👨\u{200D}👩\u{200D}👧",
        "🏳\u{FE0F}\u{200D}🌈",
        "👍🏽",
        "1\u{FE0F}\u{20E3}",
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        "é",
        "한국어",
    ];
    for s in kept {
        assert_eq!(pieces(s, false), [(0..s.len(), Piece::Text(s))], "{s:?}");
        assert!(is_safe(s), "{s:?}");
    }
    // Reveal mode shows the joiners and tags.
    assert_eq!(shown("👨\u{200D}👩", true), "👨⟨ZWJ⟩👩");
    assert!(
        shown(
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
            true
        )
        .contains("<U+E0067>")
    );
}

#[test]
fn tag_runs_that_are_not_flags_are_marked() {
    // A hidden sentence riding on a flag, and tags on plain letters.
    let smuggled: String = std::iter::once('🏴')
        .chain(
            "ignoreprevious"
                .chars()
                .map(|c| char::from_u32(0xE0000 + c as u32).unwrap_or('?')),
        )
        .chain(std::iter::once('\u{E007F}'))
        .collect();
    let out = shown(&smuggled, false);
    assert!(
        out.contains("<U+E0069>") && out.contains("<U+E007F>"),
        "{out}"
    );
    assert!(!is_safe(&smuggled));
    assert!(!is_safe("x\u{E0041}"));
}

#[test]
fn variation_selector_runs_are_marked() {
    // One selector after a base is presentation; a run of them is data.
    assert_eq!(shown("☺\u{FE0F}", false), "☺\u{FE0F}");
    assert_eq!(shown("☺\u{FE0F}\u{FE0E}", false), "☺\u{FE0F}<U+FE0E>");
    assert_eq!(shown("😀\u{E0100}\u{E0101}", false), "😀<U+E0100><U+E0101>");
    // An ideographic variation sequence drops only the variant.
    assert_eq!(shown("葛\u{E0100}", false), "葛");
    assert_eq!(shown("葛\u{E0100}", true), "葛<U+E0100>");
}

#[test]
fn lone_combining_marks_are_marked() {
    assert_eq!(shown("\u{301}a", false), "<U+0301>a");
    assert_eq!(shown("\x1b\u{301}", false), "^[<U+0301>");
    // Found by the properties: a mark after a marker, or after a marked
    // selector, has no glyph of its own piece to sit on.
    assert_eq!(shown("\u{FFFD}\u{1E944}", false), "\u{FFFD}<U+1E944>");
    assert_eq!(shown("a\u{E0100}\u{610}", false), "a<U+E0100><U+0610>");
}

#[test]
fn zalgo_is_capped() {
    let zalgo = format!("a{}b", "\u{301}".repeat(100));
    let got = pieces(&zalgo, false);
    let out: String = got.iter().map(|(_, p)| p.as_str()).collect();
    assert_eq!(
        out.chars().filter(|&c| c == '\u{301}').count(),
        MAX_COMBINING
    );
    assert!(out.ends_with("…b"));
    // The cut marker stands for the whole rest of the cluster.
    let cut = got
        .iter()
        .find(|(_, p)| p.as_str() == CUT)
        .expect("cut marker");
    assert_eq!(cut.0, 1 + 2 * MAX_COMBINING..1 + 200);
    // Other scripts' marks count too.
    let hebrew = format!("א{}", "\u{5B4}".repeat(40));
    assert!(shown(&hebrew, false).ends_with(CUT));
}

#[test]
fn pieces_cover_the_text_in_order() {
    let text = "a\x1bb\u{200B}c";
    let ranges: Vec<_> = pieces(text, false).into_iter().map(|(r, _)| r).collect();
    assert_eq!(ranges, [0..1, 1..2, 2..3, 6..7]);
    assert!(pieces("", false).is_empty());
}

#[test]
fn tabs_are_blank_in_normal_mode_and_marked_in_reveal() {
    let got = pieces("a\tb", false);
    assert!(got[1].1.is_tab());
    assert_eq!(got[1].1.as_str().len(), TAB_WIDTH);
    assert_eq!(shown("a\tb", true), "a^Ib");
}

#[test]
fn markers_decode_to_their_characters() {
    let cases = [
        ("^[", Some('\x1b')),
        ("^@", Some('\0')),
        ("^?", Some('\x7f')),
        ("^I", Some('\t')),
        ("    ", Some('\t')),
        ("<U+009B>", Some('\u{9b}')),
        ("<U+E0041>", Some('\u{E0041}')),
        ("⟨RLO⟩", Some('\u{202E}')),
        ("⟨ZWJ⟩", Some('\u{200D}')),
        ("\u{FFFD}", Some('\u{FFFD}')),
        ("…", None),
        ("^[[", None),
        ("<U+D800>", None),
    ];
    for (marker, want) in cases {
        assert_eq!(unmark(marker), want, "{marker:?}");
    }
}

#[test]
fn clean_makes_one_safe_line() {
    assert!(matches!(clean("plain.txt"), Cow::Borrowed("plain.txt")));
    assert_eq!(clean("bad\x1b[2J\n.txt"), "bad^[[2J⏎.txt");
    assert_eq!(clean("pay\u{200B}pal"), "paypal");
    assert_eq!(clean("\u{202E}fdp.exe"), "⟨RLO⟩fdp.exe");
    assert_eq!(clean(""), "");
}

#[test]
fn prompt_input_is_data_only() {
    assert_eq!(
        prompt_input("syria\x1b[201~\x1b[2J:q!\n"),
        "syria[201~[2J:q! "
    );
    assert_eq!(prompt_input("a\u{202E}b\u{9b}c\u{E0041}\td"), "abc d");
    assert_eq!(
        prompt_input("Zoë 日本 👨\u{200D}👩"),
        "Zoë 日本 👨\u{200D}👩"
    );
}

#[test]
fn tabs_expand_to_stops() {
    let widths: Vec<_> = (0..6).map(tab_width_at).collect();
    assert_eq!(widths, [4, 3, 2, 1, 4, 3]);
}

#[test]
fn is_safe_rejects_what_the_terminal_would_act_on() {
    for bad in [
        "\x1b",
        "a\nb",
        "\t",
        "\u{9b}",
        "\u{202E}",
        "\u{200F}",
        "\u{2028}",
        "\u{E0041}",
        "\u{E0100}",
    ] {
        assert!(!is_safe(bad), "{bad:?}");
    }
    for good in ["plain", "^[", "<U+009B>", "⟨RLO⟩", "日本", "é", ""] {
        assert!(is_safe(good), "{good:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_piece_is_safe(s in any::<String>(), reveal in any::<bool>()) {
        for (range, piece) in pieces(&s, reveal) {
            prop_assert!(piece.as_str().split('\n').all(is_safe), "{range:?} {piece:?}");
            if let Piece::Text(t) = piece {
                prop_assert_eq!(t, &s[range]);
            }
        }
    }

    #[test]
    fn controls_and_invisibles_are_never_lost_in_reveal_mode(
        s in "([a-z \n]|[\\x00-\\x1f\\x7f-\\x9f]|[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2060}-\u{2069}\u{FEFF}\u{E0000}-\u{E007F}\u{FE00}-\u{FE0F}\u{0300}-\u{036F}]|👨|🏴){0,60}"
    ) {
        prop_assert_eq!(unmarked(&s), Some(s.clone()));
    }

    #[test]
    fn reveal_mode_round_trips_any_string(s in any::<String>()) {
        prop_assert_eq!(unmarked(&s), Some(s.clone()));
    }

    #[test]
    fn pieces_are_ordered_and_disjoint(s in any::<String>(), reveal in any::<bool>()) {
        let mut end = 0;
        for (range, _) in pieces(&s, reveal) {
            prop_assert!(range.start >= end && range.end > range.start);
            prop_assert!(s.is_char_boundary(range.start) && s.is_char_boundary(range.end));
            end = range.end;
        }
        prop_assert!(end <= s.len());
    }

    #[test]
    fn clean_is_one_safe_line(s in any::<String>()) {
        let out = clean(&s);
        prop_assert!(!out.contains('\n'));
        prop_assert!(is_safe(&out), "{out:?}");
    }

    #[test]
    fn no_invisible_cluster_is_drawn(s in any::<String>()) {
        // Every drawn text cluster has a width, or is a line break, or is a
        // kept emoji joiner/selector riding on a visible base.
        for (_, piece) in pieces(&s, false) {
            if let Piece::Text(t) = piece {
                for g in t.graphemes(true) {
                    let w = unicode_width::UnicodeWidthStr::width(g);
                    prop_assert!(w > 0 || g == "\n", "{g:?}");
                }
            }
        }
    }
}

proptest::proptest! {
    /// The printable-ASCII shortcut of `clean` says what the sanitiser
    /// would have said.
    #[test]
    fn clean_skips_only_what_pieces_would_keep(text in "[ -~]{0,60}") {
        let pieces = pieces(&text, false);
        let joined: String = pieces.iter().map(|(_, p)| p.as_str()).collect();
        proptest::prop_assert_eq!(&joined, &text);
        proptest::prop_assert!(matches!(clean(&text), Cow::Borrowed(_)));
    }
}

proptest::proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Skipping the printable ASCII between other characters changes no
    /// piece: ASCII mixed with marks, joiners, prepended signs, CR LF,
    /// controls, bidi and emoji, where clusters start and end.
    #[test]
    fn skipping_ascii_gives_the_pieces_of_the_whole_walk(
        s in "([a-z ,.\n\r\t]|[\\x00-\\x1f\\x7f-\\x9f]|[\u{0300}-\u{036F}\u{0600}-\u{0605}\u{0903}\u{093E}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2060}-\u{2069}\u{FE00}-\u{FE0F}\u{E0000}-\u{E007F}]|é|“|—|👨|🏴|\u{1F1E6}){0,80}",
        reveal in any::<bool>(),
    ) {
        prop_assert_eq!(pieces(&s, reveal), pieces_walking_every_cluster(&s, reveal));
    }

    #[test]
    fn skipping_ascii_gives_the_pieces_of_the_whole_walk_for_any_string(
        s in any::<String>(),
        reveal in any::<bool>(),
    ) {
        prop_assert_eq!(pieces(&s, reveal), pieces_walking_every_cluster(&s, reveal));
    }
}
