use super::*;

#[test]
fn crlf_becomes_lf_and_maps_back() {
    let src = decode("a", b"ab\r\ncd").expect("text");
    assert_eq!(src.text, "ab\ncd");
    assert_eq!(src.map.range_to_source(3..5), 4..6);
}

#[test]
fn cr_only_files_get_line_breaks_but_lone_cr_stays() {
    assert_eq!(decode("a", b"a\rb").expect("text").text, "a\nb");
    assert_eq!(decode("a", b"a\rb\nc").expect("text").text, "a\rb\nc");
}

#[test]
fn utf8_bom_is_dropped_and_offsets_still_point_into_the_file() {
    let src = decode("a", b"\xEF\xBB\xBFhello").expect("text");
    assert_eq!(src.text, "hello");
    assert_eq!(src.map.range_to_source(0..5), 3..8);
}

#[test]
fn utf16_with_bom_is_transcoded() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "hé, Zoë".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let src = decode("a", &bytes).expect("text");
    assert_eq!(src.text, "hé, Zoë");
    // Words map exactly (the map is kept per word, not per character).
    assert_eq!(src.map.range_to_source(0..3), 2..6);
    assert_eq!(src.map.range_to_source(3..4), 6..8);
    assert_eq!(src.map.range_to_source(5..9), 10..16);
}

#[test]
fn invalid_utf8_is_replaced_visibly_with_a_notice() {
    // UTF-8 (it has an em dash) with two broken bytes.
    let src = decode("a", b"\xE2\x80\x94ok \xFF\xFE done").expect("text");
    assert_eq!(src.text, "\u{2014}ok \u{FFFD}\u{FFFD} done");
    assert_eq!(src.notices, ["2 invalid bytes shown as \u{FFFD}"]);
    assert_eq!(src.map.range_to_source(13..17), 9..13);
}

#[test]
fn binary_is_refused() {
    let mut bytes = b"\x7fELF\x02\x01\x01".to_vec();
    bytes.extend([0u8; 64]);
    assert!(matches!(decode("a", &bytes), Err(LoadError::Binary)));
    assert!(decode("a", b"one stray \x00 NUL in a long enough line of text, which is fine to read as text really").is_ok());
}

#[test]
fn format_from_name_and_sniff() {
    assert_eq!(Format::from_name("a.md"), Some(Format::Markdown));
    assert_eq!(Format::from_name("a.TXT"), Some(Format::Plain));
    assert_eq!(Format::from_name("a"), None);
    assert_eq!(Format::sniff("# Title\n\ntext"), Format::Markdown);
    assert_eq!(Format::sniff("Title\n\n#hashtag text"), Format::Plain);
}

fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend(if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
    }
    for u in text.encode_utf16() {
        bytes.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_without_bom_is_recognised_not_refused_as_binary() {
    for little in [true, false] {
        let src = decode(
            "a",
            &utf16("Plain news text, in UTF-16.\r\nSecond line.", little, false),
        )
        .expect("text");
        assert_eq!(src.text, "Plain news text, in UTF-16.\nSecond line.");
        assert!(src.notices[0].contains("UTF-16"), "{:?}", src.notices);
    }
}

#[test]
fn utf16_odd_trailing_byte_and_lone_surrogate_become_replacements() {
    let mut bytes = utf16("ab", true, true);
    bytes.extend([0x00, 0xD8]); // a lone high surrogate
    bytes.extend(utf16("c", true, false));
    bytes.push(0x41); // half a unit at EOF
    let src = decode("a", &bytes).expect("text");
    assert_eq!(src.text, "ab\u{FFFD}c\u{FFFD}");
    assert_eq!(src.notices, ["3 invalid bytes shown as \u{FFFD}"]);
    assert_eq!(
        src.map.range_to_source(src.text.len() - 3..src.text.len()),
        10..11
    );
}

#[test]
fn utf32_with_bom_is_transcoded() {
    for little in [true, false] {
        let mut bytes: Vec<u8> = if little {
            vec![0xFF, 0xFE, 0, 0]
        } else {
            vec![0, 0, 0xFE, 0xFF]
        };
        for c in "hé😀\n".chars() {
            let u = c as u32;
            bytes.extend(if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            });
        }
        let src = decode("a", &bytes).expect("text");
        assert_eq!(src.text, "hé😀\n");
        assert_eq!(src.map.range_to_source(0..3), 4..12);
        assert_eq!(src.map.range_to_source(3..7), 12..16);
    }
}

#[test]
fn latin1_and_windows_1252_are_read_as_such() {
    let src = decode("a", b"caf\xe9 \x93quoted\x94 na\xefve\r\n").expect("text");
    assert_eq!(src.text, "café “quoted” naïve\n");
    assert!(src.notices[0].contains("Windows-1252"));
    assert_eq!(src.map.range_to_source(3..5), 3..4);
    // A UTF-8 file with one broken byte stays UTF-8.
    let src = decode(
        "a",
        "naïve \u{2014} "
            .as_bytes()
            .iter()
            .copied()
            .chain([0xFF])
            .collect::<Vec<_>>()
            .as_slice(),
    )
    .expect("text");
    assert!(src.text.ends_with('\u{FFFD}'));
}

#[test]
fn every_kind_of_invalid_utf8_is_replaced_never_panics() {
    let cases: [&[u8]; 6] = [
        b"\xe2\x80\x94 lone continuation \x80",
        b"\xe2\x80\x94 overlong \xc0\xaf",
        b"\xe2\x80\x94 surrogate \xed\xa0\x80",
        b"\xe2\x80\x94 truncated at EOF \xe2\x80",
        b"\xe2\x80\x94 five-byte \xf8\x88\x80\x80\x80",
        b"\xe2\x80\x94 above U+10FFFF \xf4\x90\x80\x80",
    ];
    for bytes in cases {
        let src = decode("a", bytes).expect("text");
        assert!(src.text.contains('\u{FFFD}'), "{bytes:?}");
        assert!(src.notices[0].contains("invalid byte"), "{bytes:?}");
        assert_eq!(src.map.to_source(src.text.len()), bytes.len());
    }
}

#[test]
fn line_separators_become_line_breaks() {
    let src = decode("a", "a\u{2028}b\u{2029}c\u{85}d".as_bytes()).expect("text");
    assert_eq!(src.text, "a\nb\n\nc\nd");
    assert_eq!(src.map.range_to_source(2..3), 4..5);
}

#[test]
fn devices_are_refused_before_reading() {
    if Path::new("/dev/zero").exists() {
        assert!(matches!(
            read_path(Path::new("/dev/zero")),
            Err(LoadError::NotAFile)
        ));
    }
    assert!(matches!(
        read_path(Path::new("/")),
        Err(LoadError::IsDirectory)
    ));
}

#[test]
fn a_binary_stream_is_refused_after_its_first_block() {
    // An endless stream of NULs: refused without reading it all.
    let endless = std::io::repeat(0);
    assert!(matches!(read_capped(endless), Err(LoadError::Binary)));
}

#[test]
fn a_stream_over_the_cap_is_refused() {
    let endless = std::io::repeat(b'a');
    assert!(matches!(
        read_capped(endless),
        Err(LoadError::TooLong { .. })
    ));
}

#[test]
fn the_cap_counts_the_bytes_already_read() {
    let head = vec![b'a'; 1024];
    let rest = std::io::repeat(b'a').take(MAX_BYTES - 1024);
    let bytes = read_capped_into(rest, head, |_| {}).expect("exactly the cap");
    assert_eq!(bytes.len() as u64, MAX_BYTES);
    let rest = std::io::repeat(b'a').take(MAX_BYTES);
    let over = read_capped_into(rest, vec![b'a'; 1], |_| {});
    assert!(matches!(over, Err(LoadError::TooLong { .. })));
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("f");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(read_path(&fifo).map_err(|e| e.to_string()));
    });
    let read = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("returned, not blocked in open");
    assert_eq!(read, Err(LoadError::NoWriter.to_string()));
}

/// What `decode` gives, in a comparable form.
fn decoded(result: Result<Source, LoadError>) -> Result<(String, SourceMap, Vec<String>), String> {
    result
        .map(|s| (s.text, s.map, s.notices))
        .map_err(|e| e.to_string())
}

#[test]
fn taking_the_bytes_decodes_as_borrowing_them() {
    let cases: [&[u8]; 9] = [
        b"",
        b"plain text\n\nand more",
        b"crlf\r\nline",
        b"\xEF\xBB\xBFbom",
        "sep\u{2028}line".as_bytes(),
        b"bad \xff byte",
        b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10",
        b"\xff\xfet\x00e\x00x\x00t\x00",
        "caf\u{e9} \u{201c}quoted\u{201d}".as_bytes(),
    ];
    for bytes in cases {
        assert_eq!(
            decoded(decode_owned("a.txt", bytes.to_vec())),
            decoded(decode("a.txt", bytes)),
            "{bytes:?}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn taking_the_bytes_never_changes_the_text(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
        text in "[a-z \n\r\u{e9}\u{2028}]{0,80}",
    ) {
        for bytes in [bytes, text.into_bytes()] {
            proptest::prop_assert_eq!(
                decoded(decode_owned("a.txt", bytes.clone())),
                decoded(decode("a.txt", &bytes))
            );
        }
    }
}
