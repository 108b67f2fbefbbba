//! A page's bytes to text: the encoding from the byte order mark, the
//! transport's charset, the page's own `<meta charset>` or
//! `<meta http-equiv>`, else UTF-8 with a fallback to Windows-1252
//! (`encoding_rs`, the WHATWG encodings a browser knows).
//!
//! A declaration may lie: a page that declares a single-byte encoding but
//! is valid UTF-8 with multi-byte characters in it is read as UTF-8, and
//! one that declares UTF-8 but is plainly Latin-1 is read as Windows-1252.
//! Every decoded character keeps its way back to the page's bytes through
//! the [`SourceMap`] (exact for UTF-8, per small chunk otherwise).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::document::Source;
use crate::document::SourceMap;
use crate::document::load;

/// How far into the page a `<meta charset>` is looked for (browsers read
/// 1024 bytes; pages put long scripts before it, so a little more).
const PRESCAN: usize = 8 * 1024;

/// Bytes decoded per map segment for encodings other than UTF-8.
const CHUNK: usize = 64;

/// Decodes a page. `charset` is the transport's (`Content-Type`), if any.
pub fn decode(name: &str, bytes: &[u8], charset: Option<&str>) -> Source {
    let (encoding, notices) = encoding(bytes, charset);
    if encoding == UTF_8 {
        let body = strip_bom(bytes);
        if let Ok(text) = std::str::from_utf8(body) {
            return utf8_source(name, text.to_string(), bytes.len() - body.len(), notices);
        }
    }
    decode_other(name, bytes, encoding, notices)
}

/// [`decode`], taking the bytes: a UTF-8 page (most are) becomes its own
/// text without a copy, so a large page is not held twice.
pub fn decode_owned(name: &str, mut bytes: Vec<u8>, charset: Option<&str>) -> Source {
    let (encoding, notices) = encoding(&bytes, charset);
    if encoding == UTF_8 {
        let bom = bytes.len() - strip_bom(&bytes).len();
        if std::str::from_utf8(&bytes[bom..]).is_ok() {
            bytes.drain(..bom);
            match String::from_utf8(bytes) {
                Ok(text) => return utf8_source(name, text, bom, notices),
                // Checked just above; kept only to give the bytes back.
                Err(e) => bytes = e.into_bytes(),
            }
        }
    }
    decode_other(name, &bytes, encoding, notices)
}

/// A UTF-8 page's text, `base` bytes (a BOM) after the file's start.
fn utf8_source(name: &str, text: String, base: usize, notices: Vec<String>) -> Source {
    let mut map = SourceMap::default();
    map.push(0..text.len(), base..base + text.len());
    Source {
        name: name.to_string(),
        text,
        map,
        notices,
    }
}

/// The encoding to read a page in, and what to tell the reader about it.
fn encoding(bytes: &[u8], charset: Option<&str>) -> (&'static Encoding, Vec<String>) {
    let mut notices = Vec::new();
    let bom = Encoding::for_bom(bytes).map(|(e, _)| e);
    // UTF-16 declared in the page itself means UTF-8 (the HTML standard):
    // a page that could be read far enough to find the tag is ASCII-based.
    let declared = charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| prescan(&bytes[..bytes.len().min(PRESCAN)]))
        .map(|e| e.output_encoding());
    let encoding = match bom.or(declared) {
        Some(e) if e == UTF_8 => {
            if std::str::from_utf8(strip_bom(bytes)).is_err() && is_latin1_text(bytes) {
                notices.push("declared UTF-8 but is not; read as Windows-1252".to_string());
                WINDOWS_1252
            } else {
                UTF_8
            }
        }
        Some(e) if bom.is_some() => e,
        Some(e) if e.is_single_byte() && has_utf8_multibyte(bytes) => {
            notices.push(format!("declared {} but is UTF-8; read as UTF-8", e.name()));
            UTF_8
        }
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() || !is_latin1_text(bytes) => UTF_8,
        None => {
            notices.push("not UTF-8; read as Windows-1252 (Latin-1)".to_string());
            WINDOWS_1252
        }
    };
    (encoding, notices)
}

/// Decodes a page that is not valid UTF-8 (or not UTF-8 at all).
fn decode_other(
    name: &str,
    bytes: &[u8],
    encoding: &'static Encoding,
    mut notices: Vec<String>,
) -> Source {
    let (text, map, invalid) = decode_chunked(encoding, bytes);
    if invalid {
        notices.push(format!(
            "invalid {} bytes shown as \u{FFFD}",
            encoding.name()
        ));
    }
    Source {
        name: name.to_string(),
        text,
        map,
        notices,
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)
}

/// Decodes in small pieces, mapping each piece of text to the bytes it
/// came from.
fn decode_chunked(encoding: &'static Encoding, bytes: &[u8]) -> (String, SourceMap, bool) {
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut map = SourceMap::default();
    let mut any_invalid = false;
    let mut at = 0;
    loop {
        let end = (at + CHUNK).min(bytes.len());
        let last = end == bytes.len();
        let chunk = &bytes[at..end];
        let need = decoder
            .max_utf8_buffer_length(chunk.len())
            .unwrap_or(chunk.len() * 3 + 16);
        text.reserve(need);
        let start = text.len();
        // Room for the whole chunk was reserved, so all of it is read.
        let (_, read, invalid) = decoder.decode_to_string(chunk, &mut text, last);
        any_invalid |= invalid;
        map.push(start..text.len(), at..at + read);
        at += read;
        if (last && at >= bytes.len()) || read == 0 {
            break;
        }
    }
    (text, map, any_invalid)
}

/// True for bytes that are not UTF-8 but read as a single-byte Latin
/// encoding (no valid multi-byte sequence, lone high bytes).
fn is_latin1_text(bytes: &[u8]) -> bool {
    !load::looks_binary(bytes) && !has_utf8_multibyte(bytes) && !bytes.is_ascii()
}

/// True when the bytes hold at least one valid UTF-8 multi-byte character
/// and few invalid bytes.
fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    let mut multi = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        invalid += chunk.invalid().len();
    }
    multi > 0 && invalid * 20 <= multi
}

/// The encoding a `<meta charset=...>` or `<meta http-equiv="Content-Type"
/// content="...; charset=...">` near the start names.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..label_end]) {
                    return Some(e);
                }
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_decides() {
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body>";
        let s = decode("p.html", page, None);
        assert!(s.text.contains("Привет"), "{}", s.text);
    }

    #[test]
    fn http_equiv_decides() {
        let page =
            b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'><p>\xb1";
        let s = decode("p.html", page, None);
        assert!(s.text.ends_with('ą'), "{}", s.text);
    }

    #[test]
    fn transport_charset_beats_meta() {
        let page = b"<meta charset=utf-8><p>caf\xe9";
        let s = decode("p.html", page, Some("iso-8859-1"));
        assert!(s.text.ends_with("café"));
    }

    #[test]
    fn lying_meta_utf8_wins() {
        let page = "<meta charset=iso-8859-1><p>naïve café</p>".as_bytes();
        let s = decode("p.html", page, None);
        assert!(s.text.contains("naïve café"));
        assert!(!s.notices.is_empty());
    }

    #[test]
    fn lying_meta_latin1_wins() {
        let page = b"<meta charset=utf-8><p>caf\xe9 cr\xe8me</p>";
        let s = decode("p.html", page, None);
        assert!(s.text.contains("café crème"), "{}", s.text);
    }

    #[test]
    fn no_declaration_latin1_fallback() {
        let s = decode("p.html", b"<p>caf\xe9</p>", None);
        assert!(s.text.contains("café"));
    }

    #[test]
    fn bom_decides_and_maps() {
        let page = b"\xEF\xBB\xBF<p>hi</p>";
        let s = decode("p.html", page, Some("windows-1252"));
        assert_eq!(s.text, "<p>hi</p>");
        assert_eq!(s.map.range_to_source(3..5), 6..8);
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let pages: [&[u8]; 4] = [
            b"\xEF\xBB\xBF<p>hi</p>",
            "<p>naïve</p>".as_bytes(),
            b"<meta charset=utf-8><p>caf\xe9",
            b"<meta charset=windows-1251><p>\xcf\xf0",
        ];
        for page in pages {
            let owned = decode_owned("p.html", page.to_vec(), None);
            let borrowed = decode("p.html", page, None);
            assert_eq!(owned.text, borrowed.text);
            assert_eq!(owned.map, borrowed.map);
            assert_eq!(owned.notices, borrowed.notices);
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut page = vec![0xFF, 0xFE];
        for c in "<p>hé</p>".encode_utf16() {
            page.extend_from_slice(&c.to_le_bytes());
        }
        let s = decode("p.html", &page, None);
        assert_eq!(s.text, "<p>hé</p>");
    }
}
