//! Print mode: the article wrapped to a width, for `lede -p` and for when
//! standard output is not a terminal (`lede article | less`, `> file`).
//!
//! Plain text, or with ANSI styles (`--color`): then the reader's own body
//! pane draws the lines into a buffer and `ui::ansi` turns its cells into
//! escape sequences, so the screen and the printout share one set of styles.
//! Both go through the same wrap cache the reader uses, so the output is
//! sanitised the same way: markers stand for control characters and nothing
//! raw gets through. A closed pipe is a normal end, not an error.

use std::io::{self, Write};
use std::ops::Range;

use crate::app::Level;
use crate::document::{Block, Document, Format, Source};
use crate::extract::Entities;
use crate::extract::calm::Quiet;
use crate::layout::{WrapCache, Wrapped};
use crate::ui::theme::Theme;

mod styled;

/// How to print.
#[derive(Debug, Clone, Copy)]
pub struct PrintOptions {
    /// Columns, prefixes included.
    pub width: u16,
    /// ANSI styles from this theme; `None` for plain text.
    pub theme: Option<Theme>,
    /// Highlighting per entity kind (actor, place, number).
    pub highlight: [bool; 3],
    /// How much is lit: the reader's level (`[highlight] level`, which `H`
    /// remembers), so a printout reads as the screen does. Nothing is
    /// selected in print, so `Selected` lights nothing.
    pub level: Level,
    pub show_furniture: bool,
    /// Reveal mode: every invisible character printed as a marker.
    pub reveal: bool,
}

/// What print mode gathers before it writes: standard output flushes at
/// every line feed, a system call a line (3.5 million for 10 MB of
/// `x\n\n`: 1.2 s of system time).
const PRINT_BUFFER: usize = 64 * 1024;

/// `print` through a buffer, flushed at the end; a closed pipe is a
/// normal end.
fn buffered(
    out: &mut dyn Write,
    print: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(PRINT_BUFFER, out);
    match print(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Prints an article as the options say.
pub fn write(doc: Document, options: &PrintOptions, out: &mut dyn Write) -> io::Result<()> {
    buffered(out, |out| write_unbuffered(doc, options, out))
}

fn write_unbuffered(doc: Document, options: &PrintOptions, out: &mut dyn Write) -> io::Result<()> {
    let Some(theme) = options.theme else {
        return write_lines(&doc, options, out);
    };
    let entities = crate::extract::extract(&doc);
    write_styled(doc, entities, theme, options, out)
}

/// Prints an article with styles, these entities highlighted.
pub fn write_styled(
    doc: Document,
    entities: Entities,
    theme: Theme,
    options: &PrintOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Every line is printed, so every count is made exact.
    let cache = WrapCache::build_revealing(
        &doc,
        options.width.max(1),
        options.show_furniture,
        options.reveal,
    );
    cache.measure(&doc, usize::MAX);
    let wrapped = Wrapped {
        cache: &cache,
        doc: &doc,
    };
    let quiet = (options.level == Level::First).then(|| Quiet::of(&doc, &entities));
    let lit = crate::ui::ansi::Lit {
        highlight: options.highlight,
        level: options.level,
        quiet: quiet.as_ref(),
    };
    let result = crate::ui::ansi::write_body(wrapped, &entities, lit, theme, out);
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes the article, page furniture included, wrapped to `width`.
#[cfg(test)]
pub fn write_plain(doc: &Document, width: u16, out: &mut dyn Write) -> io::Result<()> {
    let options = PrintOptions {
        width,
        theme: None,
        highlight: [false; 3],
        level: Level::All,
        show_furniture: true,
        reveal: false,
    };
    write_lines(doc, &options, out)
}

/// Prints an article from its decoded text: it is parsed a piece at a
/// time and each piece printed and let go (`document::stream`), so a long
/// article is never held whole; with styles, once the windows extraction
/// reads are in (`styled`). An HTML page is parsed whole. The output is
/// [`write`]'s of the parsed document.
pub fn write_source(
    source: Source,
    format: Format,
    options: &PrintOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    buffered(out, |out| {
        write_source_unbuffered(source, format, options, out)
    })
}

fn write_source_unbuffered(
    source: Source,
    format: Format,
    options: &PrintOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    if let Some(theme) = options.theme {
        if format == Format::Html {
            return write_unbuffered(Document::parse(source, format), options, out);
        }
        let mut styled = Some(styled::Styled::new(
            format,
            &source.text,
            options,
            theme,
            out,
        ));
        let parsed = crate::document::stream::pieces(&source, format, &mut |piece, blocks, at| {
            if let Some(styled) = styled.as_mut() {
                styled.piece(piece, blocks, at);
            }
        });
        let result = match styled.take() {
            Some(styled) => styled.finish(),
            None => Ok(()),
        }
        .and_then(|()| parsed.map_err(io::Error::other));
        return match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        };
    }
    let mut written = Ok(());
    let mut before = None;
    let mut line_out = String::new();
    let parsed = crate::document::stream::pieces(&source, format, &mut |piece, blocks, _| {
        if written.is_ok() {
            written = write_blocks(&piece, blocks, &mut before, options, &mut line_out, out);
        }
    });
    let result = written
        .and_then(|()| out.flush())
        .and_then(|()| parsed.map_err(io::Error::other));
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn write_lines(doc: &Document, options: &PrintOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut line_out = String::new();
    let all = 0..doc.blocks.len();
    let result =
        write_blocks(doc, all, &mut None, options, &mut line_out, out).and_then(|()| out.flush());
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes the lines of `blocks` of `doc`, after the block `before` (then
/// set to the last block shown), each line built in `line_out`.
fn write_blocks(
    doc: &Document,
    blocks: Range<usize>,
    before: &mut Option<Block>,
    options: &PrintOptions,
    line_out: &mut String,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = options.width.max(1);
    let shown = blocks.clone().rev().find(|&i| {
        options.show_furniture || doc.blocks.kind(i) != crate::document::BlockKind::Boilerplate
    });
    let lines = crate::layout::stream_lines_after(
        doc,
        blocks,
        before.clone(),
        width,
        options.show_furniture,
        options.reveal,
    );
    for line in lines {
        line_out.clear();
        line_out.push_str(&line.prefix);
        for part in line.parts() {
            if part.space_before {
                line_out.push(' ');
            }
            line_out.push_str(part.content(&doc.text));
        }
        writeln!(out, "{}", line_out.trim_end())?;
    }
    if let Some(i) = shown {
        *before = Some(doc.blocks.at(i));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{EntityKind, Mention};

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
    fn many_short_lines_reach_the_output_in_few_writes() {
        // Standard output flushes at each line feed: print mode hands it
        // whole buffers, not a line (or a piece of one) at a time.
        struct Counted(Vec<u8>, usize);
        impl Write for Counted {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.1 += 1;
                self.0.extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let text = format!("Title\n\n{}", "x\n\n".repeat(20_000));
        for color in [false, true] {
            let options = PrintOptions {
                width: 80,
                theme: color.then(|| crate::ui::theme::Theme::choose(None, true)),
                highlight: [true; 3],
                level: Level::All,
                show_furniture: true,
                reveal: false,
            };
            let source = crate::document::load::decode("x", text.as_bytes()).expect("text");
            let mut out = Counted(Vec::new(), 0);
            write_source(source.clone(), Format::Plain, &options, &mut out).expect("written");
            let lines = out.0.iter().filter(|&&b| b == b'\n').count();
            assert!(lines > 40_000, "{lines} lines");
            assert!(out.1 < 20, "{} writes for {lines} lines", out.1);
            let mut whole = Counted(Vec::new(), 0);
            write(Document::parse(source, Format::Plain), &options, &mut whole).expect("written");
            assert_eq!(whole.0, out.0);
            assert!(whole.1 < 20, "{} writes for {lines} lines", whole.1);
        }
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

    /// Prints `text` from its source, as `lede -p` does, and from its
    /// parsed document.
    fn both_ways(text: &str, format: Format, options: &PrintOptions) -> (String, String) {
        let source = crate::document::load::decode("x", text.as_bytes()).expect("text");
        let mut streamed = Vec::new();
        write_source(source.clone(), format, options, &mut streamed).expect("written");
        let mut whole = Vec::new();
        write(Document::parse(source, format), options, &mut whole).expect("written");
        let utf8 = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
        (utf8(streamed), utf8(whole))
    }

    fn plain_options(width: u16, show_furniture: bool) -> PrintOptions {
        PrintOptions {
            width,
            theme: None,
            highlight: [false; 3],
            level: Level::All,
            show_furniture,
            reveal: false,
        }
    }

    #[test]
    fn printing_from_the_source_is_printing_the_parsed_document() {
        let seed = std::str::from_utf8(crate::cli::SEED).expect("utf-8");
        let long = format!(
            "# Title\n\nShare\n\n{}\n\n> a quote\n> - in a list\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Sources\n\n- a source\n\nAdd a Comment\n",
            "- item\n\n  more of it\n".repeat(15_000)
        );
        for text in [seed, long.as_str(), "", "x\n\n\n"] {
            for format in [Format::Plain, Format::Markdown] {
                for options in [plain_options(72, true), plain_options(30, false)] {
                    let (streamed, whole) = both_ways(text, format, &options);
                    assert_eq!(streamed, whole, "{format:?}");
                }
            }
        }
    }

    /// An article of over a megabyte, longer than a window of extraction:
    /// sections whose names come back (the calm level), datelines, dates,
    /// furniture at both ends and one paragraph of 300 KB (cut inside).
    fn long_article(markdown: bool) -> String {
        let head = if markdown { "# " } else { "" };
        let sub = if markdown { "## " } else { "" };
        let mut text = format!(
            "Share\n\n{head}Talks in Geneva go on\n\nGENEVA (Reuters) - Anna Berg met Olaf Lind in Geneva on June 3, 2011.\n\n"
        );
        for i in 0..7000 {
            if i % 40 == 0 {
                text.push_str(&format!("{sub}Day {i} of the talks\n\n"));
            }
            text.push_str(&format!(
                "Anna Berg said in Geneva that {i} delegates from Oslo and the Red Cross met *again* \
                 in 2011, and Lind of [Norway](http://example.org/{i}) agreed on March {d}.\n\n",
                d = i % 28 + 1
            ));
            if i == 3500 {
                text.push_str(&"Berg and Lind met in Bergen, and talks went on. ".repeat(6000));
                text.push_str("\n\n");
            }
        }
        text.push_str("Share this\n\nAdd a Comment\n");
        text
    }

    #[test]
    fn styled_print_in_pieces_is_the_whole_s() {
        let seed = std::str::from_utf8(crate::cli::SEED).expect("utf-8");
        let styled = |level, width| PrintOptions {
            theme: Some(Theme::new(true)),
            highlight: [true; 3],
            level,
            ..plain_options(width, true)
        };
        for (text, format) in [
            (seed.to_string(), Format::Plain),
            (seed.to_string(), Format::Markdown),
            (long_article(false), Format::Plain),
            (long_article(true), Format::Markdown),
            (String::new(), Format::Plain),
            ("\n\n".to_string(), Format::Markdown),
        ] {
            for options in [styled(Level::First, 72), styled(Level::All, 40)] {
                let (streamed, whole) = both_ways(&text, format, &options);
                assert!(streamed == whole, "{format:?} {:?}", options.level);
            }
        }
        let long = long_article(false);
        let (streamed, _) = both_ways(&long, Format::Plain, &styled(Level::First, 72));
        assert!(long.len() > 1 << 20 && streamed.contains(";32mGeneva"));
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
        let options = PrintOptions {
            width: 80,
            theme: Some(Theme::new(true)),
            highlight: [true; 3],
            level: Level::All,
            show_furniture: true,
            reveal: false,
        };
        assert!(write(doc, &options, &mut ClosedPipe).is_ok());
        let source = crate::document::load::decode("x", crate::cli::SEED).expect("text");
        let plain = plain_options(80, true);
        assert!(write_source(source, Format::Markdown, &plain, &mut ClosedPipe).is_ok());
    }

    /// Prints with styles, marking the first occurrence of each word given
    /// as a mention of its kind.
    fn styled(text: &str, theme: Theme, width: u16, marks: &[(&str, EntityKind)]) -> String {
        let doc = Document::from_bytes("x.txt", text.as_bytes(), None).expect("text");
        let mut entities = Entities::default();
        for (word, kind) in marks {
            let start = doc.text.find(word).expect("word in text");
            entities
                .mentions
                .push(Mention::new(start..start + word.len(), *kind, 0));
        }
        entities.mentions.sort_by_key(|m| m.start());
        let options = PrintOptions {
            width,
            theme: Some(theme),
            highlight: [true; 3],
            level: Level::All,
            show_furniture: true,
            reveal: false,
        };
        let mut out = Vec::new();
        write_styled(doc, entities, theme, &options, &mut out).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    /// Prints `text` with its own entities found, at `level`.
    fn at_level(text: &str, level: Level) -> String {
        let doc = Document::from_bytes("x.txt", text.as_bytes(), None).expect("text");
        let options = PrintOptions {
            width: 72,
            theme: Some(Theme::new(true)),
            highlight: [true; 3],
            level,
            show_furniture: true,
            reveal: false,
        };
        let mut out = Vec::new();
        write(doc, &options, &mut out).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn print_lights_as_the_reader_level_says() {
        let text = "Talks in Geneva\n\nDiplomats met in Geneva on Monday. \
                    Geneva hosted them again later.\n";
        // Green (a place) right before the name.
        let lit = |out: &str| out.matches(";32mGeneva").count();
        let all = at_level(text, Level::All);
        let first = at_level(text, Level::First);
        let selected = at_level(text, Level::Selected);
        assert_eq!(strip(&all), strip(&first));
        assert_eq!(lit(&all), 3, "{all:?}");
        // At the calm level, a name once per section: the title's, which
        // opens the section the two others are in.
        assert_eq!(lit(&first), 1, "{first:?}");
        // Nothing is selected in print.
        assert_eq!(lit(&selected), 0, "{selected:?}");
    }

    /// The text with SGR sequences taken out.
    fn strip(s: &str) -> String {
        regex::Regex::new("\x1b\\[[0-9;]*m")
            .expect("regex")
            .replace_all(s, "")
            .into_owned()
    }

    #[test]
    fn styled_output_is_the_plain_text_plus_styles() {
        let doc = crate::cli::load_article(None).expect("seed");
        let mut plain = Vec::new();
        write_plain(&doc, 72, &mut plain).expect("written");
        let plain = String::from_utf8(plain).expect("utf-8");
        let text = std::str::from_utf8(crate::cli::SEED).expect("utf-8");
        let marks = [
            ("Russian", EntityKind::Actor),
            ("Idlib province", EntityKind::Place),
            ("150", EntityKind::Number),
        ];
        let colour = styled(text, Theme::new(true), 72, &marks);
        assert_eq!(strip(&colour), plain);
        // Title bold; an actor, a place and a number in their colours.
        assert!(colour.starts_with("\x1b[0;1mAfter Tehran"), "{colour:.40?}");
        assert!(colour.contains(";36m"), "cyan actors");
        assert!(colour.contains(";32m"), "green places");
        assert!(colour.contains(";33m"), "yellow numbers");
        let mono = styled(text, Theme::new(false), 72, &marks);
        assert_eq!(strip(&mono), plain);
        assert!(!mono.contains(";36m") && !mono.contains(";32m"));
        assert!(
            mono.contains("\x1b[0;1mRussian"),
            "bold actors without colour"
        );
        assert!(
            mono.contains("\x1b[0;3mIdlib"),
            "italic places without colour"
        );
        assert!(
            mono.contains("\x1b[0;4m150"),
            "underlined numbers without colour"
        );
    }

    #[test]
    fn styled_output_never_lets_article_escapes_through() {
        let out = styled(
            "Title\n\nEvil \x1b]0;pwned\x07 text \u{202e}x",
            Theme::new(true),
            40,
            &[],
        );
        let stripped = strip(&out);
        assert!(!stripped.contains('\x1b') && !stripped.contains('\x07'));
        assert!(!stripped.contains('\u{202e}'));
        assert!(stripped.contains("Evil ^[]0;pwned^G text"));
    }
}
