//! The command line: what `lede` accepts, and the commands that do not open
//! the reader. `src/main.rs` only parses and dispatches.
//!
//! Exit codes: 0 ok, 1 an internal error (an I/O failure writing output),
//! 2 bad usage or input lede cannot read (a missing file, a bad config).
//! Every error is one line naming the file it is about.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::app::{App, Msg};
use crate::document::start::{self, Rest};
use crate::document::{Document, Format, LoadError};
use crate::event_loop::{LoopOptions, Outcome};

use crate::{extract, print, sanitize, term};

pub mod web;

/// The seed article, shown when no file is given.
/// How the built-in sample is named on screen and in output: a reader
/// who starts `lede` with no file sees what it is, not a corpus file name.
pub const SEED_NAME: &str = "sample article";
pub const SEED: &[u8] = include_bytes!("../seeds/000_a8106be745b31416.txt");

const EXAMPLES: &str = "\
Examples:
  lede                          open the bundled sample article
  lede article.txt notes.md     read two articles (Ctrl-n / Ctrl-p switch)
  lede https://example.org/a    fetch a web page and read its article
  lede https://example.org/feed read a feed: its items in a list (Enter opens one)
  lede feeds                    the feeds of the config ([[feed]]) in one list
  lede --import-opml subs.opml  add a feed reader's export to the config
  lede --offline URL            read a page or feed from the cache only
  curl -s URL | lede            read an article from a pipe (keys come from the terminal)
  lede -p article.txt | less -R print it wrapped, with highlights as ANSI styles
  lede --json article.txt | jq  the document model as JSON
  lede entities --json a.txt    list its actors, places and numbers as JSON
  lede completions bash         a completion script for bash (zsh, fish, ...)
  lede man > lede.1             the manual page

Place names and coordinates: GeoNames (geonames.org), CC BY 4.0.
Word frequencies: wordfreq, CC BY-SA 4.0. See assets/README.md.";

#[derive(Debug, Parser)]
#[command(
    name = "lede",
    version,
    about = "A terminal reader for news articles",
    args_conflicts_with_subcommands = true,
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to read (plain text, Markdown, HTML), feeds (RSS, Atom,
    /// JSON Feed), or web addresses (http, https) of either; `-` reads
    /// standard input, as does a pipe when no file is named.
    pub files: Vec<PathBuf>,

    /// Print the article instead of opening the reader (the default when
    /// standard output is not a terminal).
    #[arg(short, long, global = true)]
    pub print: bool,

    /// Print the document model as JSON (one object per article and line).
    #[arg(long, conflicts_with = "print")]
    pub json: bool,

    /// Columns to wrap printed output to [default: the terminal's, else 80].
    #[arg(short, long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub width: Option<u16>,

    /// When printed output gets ANSI styles.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Colour theme [default: from the config, else detected, else dark].
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<crate::ui::theme::ThemeName>,

    /// Read this config file instead of `$XDG_CONFIG_HOME/lede/config.toml`.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print the default config file (commented) and exit.
    #[arg(long)]
    pub print_config: bool,

    /// List the actions keys can be bound to in the config, with what each
    /// does, and exit.
    #[arg(long)]
    pub list_actions: bool,

    /// Neither restore nor save the reading position.
    #[arg(long)]
    pub no_remember: bool,

    /// Reveal mode: show every invisible character (tabs, zero-width,
    /// bidi and tag characters) as a marker, in the reader and in print.
    #[arg(long)]
    pub reveal: bool,

    /// Read pages and feeds from the cache only ($XDG_CACHE_HOME/lede);
    /// what it lacks is an error naming it.
    #[arg(long, global = true)]
    pub offline: bool,

    /// Add the feeds an OPML file (a feed reader's export) lists to the
    /// config's [[feed]] entries, and exit.
    #[arg(long, value_name = "FILE")]
    pub import_opml: Option<PathBuf>,
}

/// When printed output is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Styles when standard output is a terminal; colours unless `NO_COLOR`.
    Auto,
    /// Always styles and colours (overrides `NO_COLOR`).
    Always,
    /// Never any escape sequence.
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the actors, places and numbers of articles.
    Entities {
        /// Print `{"file", "mentions": [{start, end, text, type}]}` with byte
        /// offsets into the file, one object per article and line.
        #[arg(long)]
        json: bool,
        /// The articles; `-` reads standard input, as does a pipe when no
        /// file is named (default: the bundled sample).
        files: Vec<PathBuf>,
    },
    /// Read the feeds of the config ([[feed]] entries) in one list.
    Feeds,
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
}

/// An error for the user: one line, the file named, and an exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{}: {source}", sanitize::clean(name))]
    Load { name: String, source: LoadError },
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("{0}")]
    Usage(String),
    /// A web address or a feed that could not be read (the message names
    /// it).
    #[error("{0}")]
    Web(String),
    /// Output could not be written (a full disk, a closed terminal).
    #[error("standard output: {0}")]
    Output(io::Error),
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl CliError {
    /// 2 for what the user can fix (bad usage, unreadable input), 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Load { .. } | CliError::Config(_) | CliError::Usage(_) | CliError::Web(_) => {
                2
            }
            CliError::Output(_) | CliError::Io(_) => 1,
        }
    }
}

/// Parses the command line. Help and version are printed here (exit 0); a
/// usage error becomes one line (exit 2).
pub fn parse() -> Result<Cli, CliError> {
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(err) => match err.kind() {
            clap::error::ErrorKind::DisplayHelp
            | clap::error::ErrorKind::DisplayVersion
            | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => err.exit(),
            _ => Err(CliError::Usage(usage_line(&err))),
        },
    }
}

/// clap's message (the part before its usage block, whose lines name what
/// is missing) on one line, with a pointer to `--help`.
fn usage_line(err: &clap::Error) -> String {
    let text = err.render().to_string();
    let words: Vec<&str> = text
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !l.starts_with("Usage:"))
        .collect();
    let message = words.join(" ");
    let message = message.trim_start_matches("error: ").trim();
    let message = if message.is_empty() {
        "bad usage"
    } else {
        message
    };
    format!("{} (see lede --help)", sanitize::clean(message))
}

/// Runs what the command line asks for; returns the exit status.
pub fn run(cli: Cli) -> Result<u8, CliError> {
    let stdout = io::stdout();
    if let Some(opml) = &cli.import_opml {
        let said = web::import_opml(opml, cli.config.as_deref())?;
        println!("{said}");
        return Ok(0);
    }
    match &cli.command {
        Some(Command::Entities { json, files }) => {
            let config = crate::config::Config::load(cli.config.as_deref())?;
            let web = web::web(&config, cli.offline);
            return entities(files, *json, &web, &mut stdout.lock()).map(|()| 0);
        }
        Some(Command::Feeds) => {
            let config = crate::config::Config::load(cli.config.as_deref())?;
            return feeds(&cli, &config);
        }
        Some(Command::Completions { shell }) => {
            let mut out = stdout.lock();
            clap_complete::generate(*shell, &mut Cli::command(), "lede", &mut out);
            return ignore_broken_pipe(out.flush()).map(|()| 0);
        }
        Some(Command::Man) => {
            let mut out = stdout.lock();
            let written = clap_mangen::Man::new(Cli::command()).render(&mut out);
            return ignore_broken_pipe(written.and_then(|()| out.flush())).map(|()| 0);
        }
        None => {}
    }
    if cli.print_config {
        let mut out = stdout.lock();
        let written = out.write_all(crate::config::DEFAULT.as_bytes());
        return ignore_broken_pipe(written.and_then(|()| out.flush())).map(|()| 0);
    }
    if cli.list_actions {
        let mut out = stdout.lock();
        let written = list_actions(&mut out);
        return ignore_broken_pipe(written.and_then(|()| out.flush())).map(|()| 0);
    }
    let config = crate::config::Config::load(cli.config.as_deref())?;
    let terminal = stdout.is_terminal();
    let theme_name = cli.theme.or(config.theme);
    let theme = crate::ui::theme::Theme::choose(theme_name, crate::ui::theme::color_enabled());
    let net = web::web(&config, cli.offline);
    if !cli.json && !cli.print && terminal {
        if web::needs_web(&cli.files) {
            return web::read(&cli.files, Vec::new(), &config, theme, net, cli.reveal);
        }
        let (docs, rest) = load_for_reading(&cli.files)?;
        let reading = Reading {
            theme,
            remember: !cli.no_remember,
            reveal: cli.reveal,
            web: net,
        };
        return read(docs, rest, &config, reading);
    }
    if cli.json {
        let inputs = load_inputs(&cli.files, &net)?;
        let mut out = stdout.lock();
        for input in &inputs {
            let written = match input {
                web::Input::Article(doc) => {
                    let found = extract::extract(doc);
                    crate::json::write(doc, &found, &mut out)
                }
                web::Input::Feed(feed) => web::write_feed_json(feed, &mut out),
            };
            ignore_broken_pipe(written)?;
        }
        return Ok(0);
    }
    if cli.print || !terminal {
        let width = cli.width.unwrap_or_else(|| {
            if terminal {
                crossterm::terminal::size().map_or(80, |(w, _)| w.max(1))
            } else {
                80
            }
        });
        let styled = match cli.color {
            ColorChoice::Never => None,
            // An explicit request beats NO_COLOR, not a monochrome theme.
            ColorChoice::Always => Some(crate::ui::theme::Theme::choose(theme_name, true)),
            ColorChoice::Auto if terminal => Some(theme),
            ColorChoice::Auto => None,
        };
        let options = print::PrintOptions {
            width,
            theme: styled,
            highlight: config.highlight_flags(),
            level: config.level,
            show_furniture: config.panes.furniture,
            reveal: cli.reveal,
        };
        // Every argument is read (and refused) before anything is printed.
        let inputs = load_printables(&cli.files, &net)?;
        let mut out = stdout.lock();
        let several = inputs.len() > 1;
        for (i, input) in inputs.into_iter().enumerate() {
            let doc = match input {
                web::Printable::Text(source, format) => {
                    if several {
                        ignore_broken_pipe(named_separator(&source.name, i, &mut out))?;
                    }
                    printed(print::write_source(source, format, &options, &mut out))?;
                    continue;
                }
                web::Printable::Input(web::Input::Article(doc)) => doc,
                web::Printable::Input(web::Input::Feed(feed)) => {
                    if several {
                        ignore_broken_pipe(named_separator(&feed.source, i, &mut out))?;
                    }
                    ignore_broken_pipe(web::print_feed(&feed, width, &mut out))?;
                    continue;
                }
            };
            if several {
                ignore_broken_pipe(separator(&doc, i, &mut out))?;
            }
            ignore_broken_pipe(print::write(doc, &options, &mut out))?;
        }
        return Ok(0);
    }
    Ok(0)
}

/// A closed pipe (`lede -p a.txt | head`) is a normal end; any other
/// failure to write is an error about standard output.
fn ignore_broken_pipe(result: io::Result<()>) -> Result<(), CliError> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::Output),
    }
}

/// [`ignore_broken_pipe`] for an article printed as it is parsed: a parse
/// that failed part way is said as such, not as a failure to write.
fn printed(result: io::Result<()>) -> Result<(), CliError> {
    match result {
        Err(e)
            if e.get_ref()
                .is_some_and(|inner| inner.is::<crate::document::stream::Failed>()) =>
        {
            Err(CliError::Io(e))
        }
        other => ignore_broken_pipe(other),
    }
}

/// True when standard input is a pipe or a file, not a terminal or
/// `/dev/null`: then it holds an article.
fn stdin_has_article() -> bool {
    use std::os::unix::fs::FileTypeExt;
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    let Ok(meta) = std::fs::metadata("/dev/stdin") else {
        return false;
    };
    let kind = meta.file_type();
    kind.is_fifo() || kind.is_file() || kind.is_socket()
}

/// Reads every article, feed and web address named on the command line;
/// with none, standard input when it is a pipe, else the bundled seed.
pub fn load_inputs(files: &[PathBuf], net: &crate::web::Web) -> Result<Vec<web::Input>, CliError> {
    if files.is_empty() {
        if stdin_has_article() {
            return Ok(vec![web::load_input(Path::new("-"), net)?]);
        }
        return Ok(vec![web::Input::Article(load_article(None)?)]);
    }
    stdin_at_most_once(files)?;
    files.iter().map(|p| web::load_input(p, net)).collect()
}

/// [`load_inputs`] for print mode: articles of text are left unparsed.
fn load_printables(
    files: &[PathBuf],
    net: &crate::web::Web,
) -> Result<Vec<web::Printable>, CliError> {
    if files.is_empty() {
        if stdin_has_article() {
            return Ok(vec![web::load_printable(Path::new("-"), net)?]);
        }
        let seed = web::Input::Article(load_article(None)?);
        return Ok(vec![web::Printable::Input(seed)]);
    }
    stdin_at_most_once(files)?;
    files.iter().map(|p| web::load_printable(p, net)).collect()
}

/// `lede feeds`: the config's feeds in the feed view (printed as lists when
/// standard output is not a terminal).
fn feeds(cli: &Cli, config: &crate::config::Config) -> Result<u8, CliError> {
    if config.feeds.is_empty() {
        let path = cli
            .config
            .clone()
            .or_else(crate::config::default_path)
            .map_or_else(|| "the config".to_string(), |p| p.display().to_string());
        return Err(CliError::Usage(format!(
            "no feeds in {}: add [[feed]] entries (url, name) or run lede --import-opml FILE",
            sanitize::clean(&path)
        )));
    }
    let net = web::web(config, cli.offline);
    let sources: Vec<(String, Option<String>)> = config
        .feeds
        .iter()
        .map(|f| (f.url.clone(), f.name.clone()))
        .collect();
    let theme_name = cli.theme.or(config.theme);
    let theme = crate::ui::theme::Theme::choose(theme_name, crate::ui::theme::color_enabled());
    if io::stdout().is_terminal() && !cli.print && !cli.json {
        return web::read(&[], sources, config, theme, net, cli.reveal);
    }
    let mut out = io::stdout().lock();
    for (i, (url, name)) in sources.iter().enumerate() {
        let input = web::load_input(Path::new(url), &net)?;
        let web::Input::Feed(mut feed) = input else {
            return Err(CliError::Web(format!(
                "{}: a page, not a feed",
                sanitize::clean(url)
            )));
        };
        if let Some(name) = name {
            feed.title = name.clone();
        }
        let written = if cli.json {
            web::write_feed_json(&feed, &mut out)
        } else {
            named_separator(&feed.title, i, &mut out)
                .and_then(|()| web::print_feed(&feed, cli.width.unwrap_or(80), &mut out))
        };
        ignore_broken_pipe(written)?;
    }
    Ok(0)
}

/// Loads every article named on the command line; with none, standard input
/// when it is a pipe, else the bundled seed.
pub fn load_articles(files: &[PathBuf]) -> Result<Vec<Document>, CliError> {
    if files.is_empty() {
        let stdin = Path::new("-");
        return Ok(vec![load_article(stdin_has_article().then_some(stdin))?]);
    }
    stdin_at_most_once(files)?;
    files
        .iter()
        .map(|p| load_article(Some(p.as_path())))
        .collect()
}

/// Standard input can be named once: it is read only once.
fn stdin_at_most_once(files: &[PathBuf]) -> Result<(), CliError> {
    let stdin = files.iter().filter(|p| p.as_path() == Path::new("-"));
    if stdin.count() > 1 {
        return Err(CliError::Usage(
            "standard input (-) can be read only once".into(),
        ));
    }
    Ok(())
}

/// Loads the articles for the reader: as [`load_articles`], but a long
/// first file, or standard input, is loaded from its start
/// (`document::start`), its whole to be read once the first frame is
/// drawn. The seed and the other files are read whole.
pub fn load_for_reading(files: &[PathBuf]) -> Result<(Vec<Document>, Option<Rest>), CliError> {
    stdin_at_most_once(files)?;
    let stdin = Path::new("-");
    let first = match files.first() {
        Some(first) => first.as_path(),
        None if stdin_has_article() => stdin,
        None => return Ok((load_articles(files)?, None)),
    };
    let opening = if first == stdin {
        start::open_stream("stdin", Box::new(io::stdin()))
    } else {
        start::open(first)
    };
    let name = if first == stdin {
        "stdin".to_string()
    } else {
        first.display().to_string()
    };
    let opening = opening.map_err(|source| CliError::Load { name, source })?;
    let (doc, rest) = match opening {
        start::Opening::Whole(doc) => (doc, None),
        start::Opening::Start(doc, rest) => (doc, Some(rest)),
    };
    let mut docs = vec![doc];
    for path in files.iter().skip(1) {
        docs.push(load_article(Some(path.as_path()))?);
    }
    Ok((docs, rest))
}

/// Loads the article named on the command line: a path, `-` for standard
/// input, or the bundled seed when none is given.
pub fn load_article(path: Option<&Path>) -> Result<Document, CliError> {
    let Some(path) = path else {
        return Document::from_bytes(SEED_NAME, SEED, Some(Format::Plain)).map_err(|source| {
            CliError::Load {
                name: SEED_NAME.into(),
                source,
            }
        });
    };
    if path == Path::new("-") {
        // The cap and the early binary check a file gets.
        let loaded = crate::document::load::read_capped(io::stdin().lock())
            .and_then(|bytes| Document::from_vec("stdin", bytes, None));
        return loaded.map_err(|source| CliError::Load {
            name: "stdin".into(),
            source,
        });
    }
    Document::open(path).map_err(|source| CliError::Load {
        name: path.display().to_string(),
        source,
    })
}

/// How the reader is to look and behave, as the command line and config
/// say.
pub struct Reading {
    pub theme: crate::ui::theme::Theme,
    /// Remember where each article was left.
    pub remember: bool,
    pub reveal: bool,
    /// Where followed links are fetched from.
    pub web: crate::web::Web,
}

/// Opens the reader on the articles; returns the exit status.
///
/// Environment: `NO_COLOR` (set and not empty) turns colours off;
/// `LEDE_TEST_PANIC=1` panics after the first frame, a hook for the
/// end-to-end tests that check the terminal survives a panic.
pub fn read(
    docs: Vec<Document>,
    rest: Option<Rest>,
    config: &crate::config::Config,
    reading: Reading,
) -> Result<u8, CliError> {
    let Reading {
        theme,
        remember,
        reveal,
        web,
    } = reading;
    let mut docs = docs.into_iter().map(Arc::new);
    let Some(first) = docs.next() else {
        return Ok(0);
    };
    let mut jobs = Vec::new();
    let mut app = match &rest {
        Some(rest) => App::loading(first, config.keymap.clone(), rest.file_len, 0),
        None => App::open(
            Arc::clone(&first),
            entities_first(&first, 0, &mut jobs),
            config.keymap.clone(),
        ),
    }
    .with_theme(theme)
    .with_prefs(config.prefs(reveal));
    for (i, doc) in docs.enumerate() {
        let entities = entities_first(&doc, i + 1, &mut jobs);
        app.add_article(doc, entities);
    }
    let mut places = crate::app::places::Places::open(remember);
    places.restore(&mut app);
    if let Some(warning) = places.warning() {
        // Sized now, so the first frame's resize does not clear the note
        // (a resize clears the status line's message).
        if let Ok((w, h)) = crossterm::terminal::size() {
            app.update(crate::app::Action::Resize(w, h));
        }
        app.update(Msg::Notice(warning));
    }
    let options = LoopOptions {
        panic_after_first_frame: std::env::var_os("LEDE_TEST_PANIC").is_some_and(|v| v == "1"),
    };
    // The network and cache, for the links followed from the articles.
    let outcome = term::run(&mut app, options, jobs, rest.map(|r| (0, r)), Some(web));
    // Saved on every way out the loop returns from: quit, end of input,
    // SIGTERM, SIGHUP, SIGINT.
    if let Err(e) = places.save_all(&app) {
        eprintln!("lede: {}", sanitize::clean(&e.to_string()));
    }
    // `H` chose another highlight level: the next start reads at it.
    if app.level() != config.level
        && let Some(path) = &config.path
        && let Err(e) = crate::config::remember_level(path, app.level())
    {
        eprintln!(
            "lede: {}: the highlight level was not remembered: {}",
            sanitize::clean(&path.display().to_string()),
            sanitize::clean(&e)
        );
    }
    Ok(match outcome? {
        Outcome::Quit | Outcome::EndOfInput => 0,
        Outcome::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
    })
}

/// Articles up to this size have their entities found before the first
/// frame: for a news article that costs about a millisecond (the 5 KB seed:
/// 3.6 M instructions to extract and index, a fifth of its whole start), less
/// than a second frame would, and spares the reader a screen that lights up
/// a moment after it appears. Past it the cost grows with the text (64 KB:
/// 42 M, more than wrapping and drawing its first screen), so longer ones
/// open at once and are highlighted when the background thread is done.
pub const FIND_FIRST_BYTES: usize = 16 * 1024;

/// The entities of article number `file` when it is short; else `None`,
/// its job queued in `jobs` to find them in the background.
fn entities_first(
    doc: &Arc<Document>,
    file: usize,
    jobs: &mut crate::app::arrival::Jobs,
) -> Option<extract::Entities> {
    if doc.text.len() <= FIND_FIRST_BYTES {
        return Some(extract::extract(doc));
    }
    jobs.push((file, Arc::clone(doc)));
    None
}

/// Written before each article when several are printed one after the
/// other (`lede a.txt b.md | less`): a blank line after the one before, then
/// `==> name <==`, as `head` and `tail` name their files.
fn separator(doc: &Document, index: usize, out: &mut dyn Write) -> io::Result<()> {
    named_separator(&doc.name, index, out)
}

fn named_separator(name: &str, index: usize, out: &mut dyn Write) -> io::Result<()> {
    if index > 0 {
        writeln!(out)?;
    }
    writeln!(out, "==> {} <==", sanitize::clean(name))
}

/// `lede entities [--json] [FILE]...`: the articles as the reader takes
/// them (standard input when it is a pipe and no file is named, else the
/// sample), each named by a separator when there are several; as JSON, one
/// object per article and line.
pub fn entities(
    files: &[PathBuf],
    json: bool,
    net: &crate::web::Web,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let inputs = load_inputs(files, net)?;
    let several = inputs.len() > 1;
    for (i, input) in inputs.iter().enumerate() {
        let doc = match input {
            web::Input::Article(doc) => doc,
            web::Input::Feed(feed) => {
                if several && !json {
                    ignore_broken_pipe(named_separator(&feed.source, i, out))?;
                }
                ignore_broken_pipe(web::write_feed_entities(feed, json, out))?;
                continue;
            }
        };
        let found = extract::extract(doc);
        let result = if json {
            extract::report::write_json(doc, &found, out)
        } else if several {
            separator(doc, i, out).and_then(|()| extract::report::write_text(doc, &found, out))
        } else {
            extract::report::write_text(doc, &found, out)
        };
        ignore_broken_pipe(result)?;
    }
    Ok(())
}

/// `lede --list-actions`: every action a key can be bound to in the config
/// (`action = "..."`), with what it does.
fn list_actions(out: &mut dyn Write) -> io::Result<()> {
    use crate::app::{SECTION_N_ACTION, action_names};
    let rows: Vec<(&str, &str)> = action_names()
        .map(|(name, _, what)| (name, what))
        .chain([SECTION_N_ACTION])
        .collect();
    let width = rows.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    for (name, what) in rows {
        writeln!(out, "{name:width$}  {what}")?;
    }
    Ok(())
}
