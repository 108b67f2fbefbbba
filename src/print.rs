//! Print mode: the article as plain text, wrapped to 80 columns, for when
//! standard output is not a terminal (`lede article | less`, `> file`).
//!
//! The same wrap cache the reader uses, so the output is sanitised the same
//! way: markers stand for control characters and nothing raw gets through.
//! A closed pipe is a normal end, not an error.

use std::io::{self, Write};

use crate::document::Document;
use crate::layout::WrapCache;

/// Writes the article, page furniture included, wrapped to `width`.
pub fn write_plain(doc: &Document, width: u16, out: &mut dyn Write) -> io::Result<()> {
    let cache = WrapCache::build(doc, width.max(1), true);
    let mut line_out = String::new();
    let result = (|| {
        for line in cache.lines() {
            line_out.clear();
            line_out.push_str(&line.prefix);
            for part in cache.parts(line) {
                if part.space_before {
                    line_out.push(' ');
                }
                line_out.push_str(part.content(&doc.text));
            }
            writeln!(out, "{}", line_out.trim_end())?;
        }
        out.flush()
    })();
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_prints_wrapped_and_safe() {
        let doc = crate::cli::load_article(None).expect("seed");
        let mut out = Vec::new();
        write_plain(&doc, 80, &mut out).expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            text.starts_with(
                "After Tehran talks, Syria and Russia forces step up Idlib attacks\n\n"
            )
        );
        assert!(
            text.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
        );
        assert!(text.contains("\nWhat next after Tehran summit?\n"));
        assert!(text.contains("Add a Comment"));
    }

    #[test]
    fn control_characters_never_reach_the_output() {
        let doc = Document::from_bytes("x.txt", b"Title\n\nEvil \x1b]0;pwned\x07 text", None)
            .expect("text");
        let mut out = Vec::new();
        write_plain(&doc, 80, &mut out).expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(!text.contains('\x1b') && !text.contains('\x07'));
        assert!(text.contains("Evil ^[]0;pwned^G text"));
    }

    struct ClosedPipe;
    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_not_an_error() {
        let doc = crate::cli::load_article(None).expect("seed");
        assert!(write_plain(&doc, 80, &mut ClosedPipe).is_ok());
    }
}
