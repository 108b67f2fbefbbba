//! The command line: what `lede` accepts, and the commands that do not open
//! the reader. `src/main.rs` only parses and dispatches.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::app::App;
use crate::document::{Document, LoadError};
use crate::event_loop::{LoopOptions, Outcome};
use crate::keymap::Keymap;
use crate::{extract, print, sanitize, term};

/// The seed article, shown when no file is given.
pub const SEED_NAME: &str = "000_a8106be745b31416.txt";
pub const SEED: &[u8] = include_bytes!("../seeds/000_a8106be745b31416.txt");

#[derive(Debug, Parser)]
#[command(
    name = "lede",
    version,
    about = "A terminal reader for news articles",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  lede                      open the bundled sample article\n  lede article.txt          read an article\n  lede entities --json a.txt  list its actors, places and numbers as JSON"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to read (plain text or Markdown); `-` reads standard input.
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the actors, places and numbers of an article.
    Entities {
        /// Print `{"file", "mentions": [{start, end, text, type}]}` with byte
        /// offsets into the file.
        #[arg(long)]
        json: bool,
        /// The article (default: the bundled sample; `-` for standard input).
        file: Option<PathBuf>,
    },
}

/// An error for the user: one line, the file named, and an exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{}: {source}", sanitize::clean(name))]
    Load { name: String, source: LoadError },
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl CliError {
    /// 2 for what the user can fix (bad usage, unreadable input), 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Load { .. } => 2,
            CliError::Io(_) => 1,
        }
    }
}

/// Loads the article named on the command line: a path, `-` for standard
/// input, or the bundled seed when none is given.
pub fn load_article(path: Option<&Path>) -> Result<Document, CliError> {
    let Some(path) = path else {
        return Document::from_bytes(SEED_NAME, SEED, None).map_err(|source| CliError::Load {
            name: SEED_NAME.into(),
            source,
        });
    };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::Load {
                name: "stdin".into(),
                source: LoadError::Io(e.to_string()),
            })?;
        return Document::from_bytes("stdin", &bytes, None).map_err(|source| CliError::Load {
            name: "stdin".into(),
            source,
        });
    }
    Document::open(path).map_err(|source| CliError::Load {
        name: path.display().to_string(),
        source,
    })
}

/// Opens the reader on an article; returns the exit status. When standard
/// output is not a terminal, prints the plain article instead (no raw mode).
///
/// Environment: `NO_COLOR` (set and not empty) turns colours off;
/// `LEDE_TEST_PANIC=1` panics after the first frame, a hook for the
/// end-to-end tests that check the terminal survives a panic.
pub fn read(doc: Document) -> Result<u8, CliError> {
    if !io::stdout().is_terminal() {
        let stdout = io::stdout();
        print::write_plain(&doc, crate::layout::MAX_READING_WIDTH, &mut stdout.lock())?;
        return Ok(0);
    }
    let entities = extract::extract(&doc);
    let (keymap, note) = keymap();
    let mut app = App::new(doc, entities, keymap);
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    if note.is_some() {
        app.view.message = note;
    }
    let options = LoopOptions {
        panic_after_first_frame: std::env::var_os("LEDE_TEST_PANIC").is_some_and(|v| v == "1"),
    };
    Ok(match term::run(&mut app, options)? {
        Outcome::Quit | Outcome::EndOfInput => 0,
        Outcome::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
    })
}

/// The default keymap with the user's file (`$XDG_CONFIG_HOME/lede/keymap.toml`)
/// merged over it, and a note when that file could not be used.
fn keymap() -> (Keymap, Option<String>) {
    let mut keymap = Keymap::default();
    let Some(dirs) = directories::ProjectDirs::from("", "", "lede") else {
        return (keymap, None);
    };
    let path = dirs.config_dir().join("keymap.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (keymap, None),
        Err(e) => return (keymap, Some(format!("{}: {e}", path.display()))),
    };
    match Keymap::parse(&text) {
        Ok(user) => {
            keymap.merge(user);
            (keymap, None)
        }
        Err(e) => (
            keymap,
            Some(format!("{}: {e}; using the default keys", path.display())),
        ),
    }
}

/// `lede entities [--json] FILE`.
pub fn entities(file: Option<&Path>, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let doc = load_article(file)?;
    let found = extract::extract(&doc);
    let result = if json {
        extract::report::write_json(&doc, &found, out)
    } else {
        extract::report::write_text(&doc, &found, out)
    };
    match result {
        // A closed pipe (`lede entities f | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::from),
    }
}
