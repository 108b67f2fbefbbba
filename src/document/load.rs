//! Reading an article: bytes in, normalised text and a source map out.
//!
//! Owns decoding (UTF-8, UTF-16 with a BOM), line-ending normalisation and the
//! refusal of what is not text. It keeps control characters as they are: the
//! sanitiser at the output sink makes them visible, so search and extraction
//! see the article's real characters.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::SourceMap;

/// Largest article lede opens; past it the user gets a message, not an OOM.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// How the article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Plain,
    Markdown,
}

impl Format {
    /// Guess from a file name; `None` when the name says nothing.
    pub fn from_name(name: &str) -> Option<Self> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Some(Self::Markdown),
            "txt" | "text" => Some(Self::Plain),
            _ => None,
        }
    }

    /// Guess from the text: Markdown when it uses block syntax that plain news
    /// text does not (ATX headings, fences, link definitions).
    pub fn sniff(text: &str) -> Self {
        let markdown_lines = text
            .lines()
            .take(400)
            .filter(|line| {
                let hashes = line.bytes().take_while(|&b| b == b'#').count();
                (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
                    || line.starts_with("```")
                    || line.starts_with("~~~")
                    || (line.starts_with('[') && line.contains("]: "))
            })
            .count();
        if markdown_lines > 0 {
            Self::Markdown
        } else {
            Self::Plain
        }
    }
}

/// Why an article could not be opened. Each message names what the user can
/// fix; the binary prefixes the file name.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no such file")]
    NotFound,
    #[error("is a directory, not an article")]
    IsDirectory,
    #[error("permission denied")]
    PermissionDenied,
    #[error("too large ({size} bytes; lede opens up to {max} bytes)")]
    TooLarge { size: u64, max: u64 },
    #[error("looks like a binary file, not an article")]
    Binary,
    #[error("{0}")]
    Io(String),
}

impl LoadError {
    fn from_io(err: &std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound,
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied,
            std::io::ErrorKind::IsADirectory => Self::IsDirectory,
            _ => Self::Io(err.to_string()),
        }
    }
}

/// An article's text, decoded and normalised, with its way back to the file.
#[derive(Debug, Clone)]
pub struct Source {
    /// What to call the article (file name, or `stdin`).
    pub name: String,
    pub text: String,
    pub map: SourceMap,
    /// Things the reader should be told (invalid UTF-8 replaced, ...).
    pub notices: Vec<String>,
}

/// Reads a file read-only, refusing directories and files over [`MAX_BYTES`].
pub fn read_path(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::from_io(&e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory);
    }
    if meta.len() > MAX_BYTES {
        return Err(LoadError::TooLarge {
            size: meta.len(),
            max: MAX_BYTES,
        });
    }
    let file = File::open(path).map_err(|e| LoadError::from_io(&e))?;
    read_capped(file)
}

/// Reads a stream (stdin) up to [`MAX_BYTES`].
pub fn read_capped(reader: impl Read) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::from_io(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
            max: MAX_BYTES,
        });
    }
    Ok(bytes)
}

/// True when the bytes look like a binary file: NUL bytes or many control
/// bytes near the start. A text file with a stray NUL stays text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    let nul = head.iter().filter(|&&b| b == 0).count();
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    (nul >= 4 && nul * 100 > head.len()) || control * 10 > head.len()
}

/// Decodes and normalises an article's bytes.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Source, LoadError> {
    if looks_binary(bytes) {
        return Err(LoadError::Binary);
    }
    let mut notices = Vec::new();
    let (units, offset) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (Units::Utf8(rest), 3)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (
            Units::Utf16 {
                bytes: rest,
                little: true,
            },
            2,
        )
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (
            Units::Utf16 {
                bytes: rest,
                little: false,
            },
            2,
        )
    } else {
        (Units::Utf8(bytes), 0)
    };
    let (chars, invalid) = units.decode(offset);
    if invalid > 0 {
        notices.push(format!(
            "{invalid} invalid byte{} shown as \u{FFFD}",
            if invalid == 1 { "" } else { "s" }
        ));
    }
    let (text, map) = normalise_lines(&chars);
    Ok(Source {
        name: name.to_string(),
        text,
        map,
        notices,
    })
}

enum Units<'a> {
    Utf8(&'a [u8]),
    Utf16 { bytes: &'a [u8], little: bool },
}

/// A decoded character and the source bytes it came from.
type Decoded = (char, std::ops::Range<usize>);

impl Units<'_> {
    fn decode(&self, base: usize) -> (Vec<Decoded>, usize) {
        let mut out = Vec::new();
        let mut invalid = 0;
        match *self {
            Units::Utf8(bytes) => {
                let mut pos = 0;
                for chunk in bytes.utf8_chunks() {
                    for (i, c) in chunk.valid().char_indices() {
                        let start = base + pos + i;
                        out.push((c, start..start + c.len_utf8()));
                    }
                    pos += chunk.valid().len();
                    let bad = chunk.invalid().len();
                    if bad > 0 {
                        invalid += bad;
                        out.push(('\u{FFFD}', base + pos..base + pos + bad));
                        pos += bad;
                    }
                }
            }
            Units::Utf16 { bytes, little } => {
                let units = bytes.chunks(2).map(|pair| {
                    let pair = [pair[0], *pair.get(1).unwrap_or(&0)];
                    if little {
                        u16::from_le_bytes(pair)
                    } else {
                        u16::from_be_bytes(pair)
                    }
                });
                let mut pos = base;
                for c in char::decode_utf16(units) {
                    let (c, len) = match c {
                        Ok(c) => (c, c.len_utf16() * 2),
                        Err(_) => {
                            invalid += 2;
                            ('\u{FFFD}', 2)
                        }
                    };
                    out.push((c, pos..pos + len));
                    pos += len;
                }
            }
        }
        (out, invalid)
    }
}

/// CRLF becomes LF; a file that uses only CR for line ends gets LF; a lone CR
/// in a LF file stays (the sanitiser shows it as `^M`). U+2028/U+2029/NEL
/// become line breaks so columns never drift.
fn normalise_lines(chars: &[Decoded]) -> (String, SourceMap) {
    let has_lf = chars.iter().any(|(c, _)| *c == '\n');
    let cr_only = !has_lf && chars.iter().any(|(c, _)| *c == '\r');
    let mut text = String::with_capacity(chars.len());
    let mut map = SourceMap::default();
    let mut i = 0;
    while i < chars.len() {
        let (c, ref src) = chars[i];
        let start = text.len();
        match c {
            '\r' if chars.get(i + 1).is_some_and(|(n, _)| *n == '\n') => {
                text.push('\n');
                map.push(start..start + 1, src.start..chars[i + 1].1.end);
                i += 2;
                continue;
            }
            '\r' if cr_only => text.push('\n'),
            '\u{2028}' | '\u{0085}' => text.push('\n'),
            '\u{2029}' => text.push_str("\n\n"),
            c => text.push(c),
        }
        map.push(start..text.len(), src.clone());
        i += 1;
    }
    (text, map)
}

#[cfg(test)]
mod tests {
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
        for u in "hé".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let src = decode("a", &bytes).expect("text");
        assert_eq!(src.text, "hé");
        assert_eq!(src.map.range_to_source(1..3), 4..6);
    }

    #[test]
    fn invalid_utf8_is_replaced_visibly_with_a_notice() {
        let src = decode("a", b"ok \xFF\xFE done").expect("text");
        assert_eq!(src.text, "ok \u{FFFD}\u{FFFD} done");
        assert_eq!(src.notices, ["2 invalid bytes shown as \u{FFFD}"]);
        assert_eq!(src.map.range_to_source(10..14), 6..10);
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
}
