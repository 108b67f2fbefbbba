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

use crate::app::Level;
use crate::document::Document;
use crate::extract::Entities;
use crate::extract::calm::Quiet;
use crate::layout::{WrapCache, Wrapped};
use crate::ui::theme::Theme;

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

/// Prints an article as the options say.
pub fn write(doc: Document, options: &PrintOptions, out: &mut dyn Write) -> io::Result<()> {
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

fn write_lines(doc: &Document, options: &PrintOptions, out: &mut dyn Write) -> io::Result<()> {
    let width = options.width.max(1);
    let lines = crate::layout::stream_lines(doc, width, options.show_furniture, options.reveal);
    let mut line_out = String::new();
    let result = (|| {
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
        let options = PrintOptions {
            width: 80,
            theme: Some(Theme::new(true)),
            highlight: [true; 3],
            level: Level::All,
            show_furniture: true,
            reveal: false,
        };
        assert!(write(doc, &options, &mut ClosedPipe).is_ok());
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
