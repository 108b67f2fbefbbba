//! The command line's web and feeds: what an argument is (a web address, a
//! feed file, an article), `lede feeds`, `lede --import-opml FILE`, and the
//! reader opened on addresses and feeds. Printing a feed (`-p`, `--json`,
//! `lede entities`) is here too; articles print as they always have.
//!
//! A web address is fetched before printing, with its errors as one line
//! naming it (exit status 2). The reader instead opens at once: each
//! address is a placeholder article fetched in the background (progress in
//! the status line, `Esc` cancels), each feed a list in the feed view.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::CliError;
use crate::app::{App, Msg};
use crate::cache::Cache;
use crate::config::Config;
use crate::document::{Decoded, Document};
use crate::feed::{self, Feed};
use crate::fetch::{self, Fetcher};
use crate::sanitize::clean;
use crate::web::{Content, Want, Web};

/// What an argument turned out to be.
#[expect(
    clippy::large_enum_variant,
    reason = "one per argument or fetch, moved once; boxing buys nothing"
)]
pub enum Input {
    Article(Document),
    Feed(Feed),
}

/// The network and cache as the config and `--offline` set them.
pub fn web(config: &Config, offline: bool) -> Web {
    Web {
        fetcher: Fetcher::new(config.fetch),
        cache: Cache::open_default(config.cache_bytes),
        offline,
    }
}

/// True when an argument is a web address.
pub fn is_url(path: &Path) -> bool {
    path.to_str().is_some_and(fetch::is_url)
}

/// An error about a web address or a feed, for the user: one line.
fn web_error(message: impl std::fmt::Display) -> CliError {
    CliError::Web(clean(&message.to_string()).into_owned())
}

/// Reads one argument: a web address fetched (through the cache), a file
/// or standard input read; a feed is read as a feed.
pub fn load_input(path: &Path, web: &Web) -> Result<Input, CliError> {
    Ok(match load_printable(path, web)? {
        Printable::Input(input) => input,
        Printable::Text(source, format) => Input::Article(Document::parse(source, format)),
    })
}

/// What print mode takes from an argument (see [`load_printable`]).
#[expect(
    clippy::large_enum_variant,
    reason = "one per argument, moved once; boxing buys nothing"
)]
pub enum Printable {
    Input(Input),
    /// An article of plain text or Markdown, decoded and not yet parsed:
    /// print mode parses it as it prints.
    Text(crate::document::Source, crate::document::Format),
}

/// [`load_input`], short of parsing an article of text.
pub fn load_printable(path: &Path, web: &Web) -> Result<Printable, CliError> {
    if let Some(url) = path.to_str().filter(|p| fetch::is_url(p)) {
        let (content, _) = web
            .open(url, Want::Fresh, &mut |_| true)
            .map_err(web_error)?;
        return Ok(Printable::Input(match content {
            Content::Article(doc) => Input::Article(doc),
            Content::Feed(feed) => Input::Feed(feed),
        }));
    }
    let name = if path == Path::new("-") {
        "stdin".to_string()
    } else {
        path.display().to_string()
    };
    let bytes = if path == Path::new("-") {
        // The cap and the early binary check a file gets.
        crate::document::load::read_capped(io::stdin().lock())
    } else {
        crate::document::load::read_path(path)
    }
    .map_err(|source| CliError::Load {
        name: name.clone(),
        source,
    })?;
    if feed::sniff(&bytes) {
        return feed::parse(&bytes, &name, None)
            .map(|feed| Printable::Input(Input::Feed(feed)))
            .map_err(|e| web_error(format!("{name}: {e}")));
    }
    match Document::decode_vec(&name, bytes, None) {
        Ok(Decoded::Text(source, format)) => Ok(Printable::Text(source, format)),
        Ok(Decoded::Page(doc)) => Ok(Printable::Input(Input::Article(doc))),
        Err(source) => Err(CliError::Load { name, source }),
    }
}

/// True when the reader should take the web path: some argument is an
/// address or a feed file.
pub fn needs_web(files: &[PathBuf]) -> bool {
    files.iter().any(|p| {
        is_url(p)
            || (p.as_path() != Path::new("-")
                && std::fs::File::open(p).is_ok_and(|f| {
                    let mut head = Vec::with_capacity(feed::SNIFF_HEAD);
                    if f.take(feed::SNIFF_HEAD as u64)
                        .read_to_end(&mut head)
                        .is_err()
                    {
                        return false;
                    }
                    // A JSON Feed's version may come after its items:
                    // JSON is read whole (capped as any file) to know.
                    feed::sniff(&head)
                        || (head.len() == feed::SNIFF_HEAD
                            && head
                                .strip_prefix(b"\xEF\xBB\xBF")
                                .unwrap_or(&head)
                                .trim_ascii_start()
                                .starts_with(b"{")
                            && crate::document::load::read_path(p)
                                .is_ok_and(|bytes| feed::is_json_feed(&bytes)))
                }))
    })
}

/// Opens the reader on articles, addresses and feeds (`feeds`: the config's
/// `[[feed]]` list for `lede feeds`).
pub fn read(
    files: &[PathBuf],
    feeds: Vec<(String, Option<String>)>,
    config: &Config,
    theme: crate::ui::theme::Theme,
    web: Web,
    reveal: bool,
) -> Result<u8, CliError> {
    let mut articles: Vec<(Arc<Document>, Option<String>)> = Vec::new();
    let mut feed_files: Vec<Feed> = Vec::new();
    for path in files {
        if let Some(url) = path.to_str().filter(|p| fetch::is_url(p)) {
            let url = fetch::check_url(url).map_err(web_error)?;
            let doc = crate::app::fetching::placeholder(&url, &url, "fetching…");
            articles.push((Arc::new(doc), Some(url)));
            continue;
        }
        match load_input(path, &web)? {
            Input::Article(doc) => articles.push((Arc::new(doc), None)),
            Input::Feed(feed) => feed_files.push(feed),
        }
    }
    let start = match articles.first() {
        Some((doc, _)) => Arc::clone(doc),
        None => Arc::new(crate::app::fetching::placeholder("feeds", "Feeds", "")),
    };
    let marks = crate::read_marks::ReadMarks::open_default();
    let read_keys: rustc_hash::FxHashSet<String> = marks.keys().map(str::to_string).collect();
    let mut app = App::open(
        Arc::clone(&start),
        Some(crate::extract::extract(&start)),
        config.keymap.clone(),
    )
    .with_theme(theme)
    .with_prefs(config.prefs(reveal))
    .with_read_marks(read_keys);
    for (doc, _) in articles.iter().skip(1) {
        let entities = crate::extract::extract(doc);
        app.add_article(Arc::clone(doc), Some(entities));
    }
    for (file, (_, url)) in articles.iter().enumerate() {
        if let Some(url) = url {
            app.fetch_article(file, url);
        }
    }
    if articles.is_empty() {
        app.items_in_first();
    }
    let mut sources = feeds;
    if !feed_files.is_empty() || !sources.is_empty() {
        if let (1, true) = (feed_files.len(), sources.is_empty()) {
            app.show_feed(feed_files.remove(0));
        } else {
            // Feed files given with others are read again by the jobs.
            for f in &feed_files {
                sources.push((f.source.clone(), None));
            }
            app.open_feeds(sources);
        }
    }
    let mut marks = marks;
    if let Some(warning) = marks.warnings.first().cloned() {
        if let Ok((w, h)) = crossterm::terminal::size() {
            app.update(crate::app::Action::Resize(w, h));
        }
        app.update(Msg::Notice(warning));
    }
    let options = crate::event_loop::LoopOptions {
        panic_after_first_frame: std::env::var_os("LEDE_TEST_PANIC").is_some_and(|v| v == "1"),
    };
    let outcome = crate::term::run(&mut app, options, Vec::new(), None, Some(web));
    if let Some(view) = app.feed_view() {
        let (read, unread) = view.changes();
        if let Err(e) = marks.save(&read, &unread) {
            eprintln!(
                "lede: could not save the read marks: {}",
                clean(&e.to_string())
            );
        }
    }
    Ok(match outcome? {
        crate::event_loop::Outcome::Quit | crate::event_loop::Outcome::EndOfInput => 0,
        crate::event_loop::Outcome::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
    })
}

/// `lede --import-opml FILE`: adds the feeds an OPML export lists to the
/// config file (those not there already), as `[[feed]]` entries appended
/// at its end, written atomically. Returns what to tell the user.
pub fn import_opml(opml: &Path, config_path: Option<&Path>) -> Result<String, CliError> {
    let name = opml.display().to_string();
    let bytes = crate::document::load::read_path(opml).map_err(|source| CliError::Load {
        name: name.clone(),
        source,
    })?;
    let subs = feed::opml::parse(&bytes).map_err(|e| web_error(format!("{name}: {e}")))?;
    let path = match config_path {
        Some(p) => p.to_path_buf(),
        None => crate::config::default_path().ok_or_else(|| {
            CliError::Usage("no config folder ($HOME unset): use --config".into())
        })?,
    };
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(web_error(format!("{}: {e}", path.display()))),
    };
    // The file must parse before and after: an import never leaves a
    // broken config.
    let config = Config::parse(&existing)
        .map_err(|(line, reason)| web_error(format!("{}:{line}: {reason}", path.display())))?;
    let known: Vec<&str> = config.feeds.iter().map(|f| f.url.as_str()).collect();
    let mut added = String::new();
    let mut count = 0;
    for sub in &subs {
        if known.contains(&sub.url.as_str())
            || (fetch::is_url(&sub.url) && fetch::check_url(&sub.url).is_err())
        {
            continue;
        }
        added.push_str("\n[[feed]]\n");
        added.push_str(&format!("url = {}\n", toml_string(&sub.url)));
        if let Some(n) = &sub.name {
            added.push_str(&format!("name = {}\n", toml_string(n)));
        }
        count += 1;
    }
    if count > 0 {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&added);
        if let Err((line, reason)) = Config::parse(&text) {
            return Err(web_error(format!("{}:{line}: {reason}", path.display())));
        }
        crate::state::write_atomic(&path, |f| f.write_all(text.as_bytes()))
            .map_err(|e| web_error(format!("{}: {e}", path.display())))?;
    }
    Ok(format!(
        "{count} feed{} added to {} ({} listed, {} there already)",
        if count == 1 { "" } else { "s" },
        clean(&path.display().to_string()),
        subs.len(),
        subs.len() - count
    ))
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Prints a feed: its title, then each item (title, date and feed, link,
/// summary), wrapped to `width`; every string sanitised.
pub fn print_feed(feed: &Feed, width: u16, out: &mut dyn Write) -> io::Result<()> {
    let width = usize::from(width).max(20);
    writeln!(out, "{}", clean(&feed.title))?;
    for note in &feed.notices {
        writeln!(out, "({})", clean(note))?;
    }
    for item in &feed.items {
        writeln!(out)?;
        writeln!(out, "* {}", clean(&item.title))?;
        let mut facts = Vec::new();
        if let Some(d) = item
            .date
            .and_then(|d| chrono::DateTime::from_timestamp(d, 0))
        {
            facts.push(d.format("%Y-%m-%d %H:%M").to_string());
        }
        if !item.authors.is_empty() {
            facts.push(clean(&item.authors.join(", ")).into_owned());
        }
        if !facts.is_empty() {
            writeln!(out, "  {}", facts.join(" · "))?;
        }
        if let Some(link) = &item.link {
            writeln!(out, "  {}", clean(link))?;
        }
        let summary = feed::summary_text(item);
        for line in textwrap::wrap(&clean(&summary), width.saturating_sub(2)) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

/// A feed as one line of JSON: `{"schema", "kind": "feed", "title",
/// "source", "site", "items": [{"id", "title", "link", "date", "authors",
/// "summary", "content" (bool: the feed carries the article), "read"}],
/// "notices"}`.
pub fn write_feed_json(feed: &Feed, out: &mut dyn Write) -> io::Result<()> {
    let marks = crate::read_marks::ReadMarks::open_default();
    let items: Vec<serde_json::Value> = feed
        .items
        .iter()
        .map(|item| {
            let date = item
                .date
                .and_then(|d| chrono::DateTime::from_timestamp(d, 0))
                .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            serde_json::json!({
                "id": item.id,
                "title": item.title,
                "link": item.link,
                "date": date,
                "authors": item.authors,
                "summary": feed::summary_text(item),
                "content": item.content.is_some(),
                "read": marks.is_read(&crate::read_marks::key(&feed.source, &item.id)),
            })
        })
        .collect();
    let value = serde_json::json!({
        "schema": crate::json::SCHEMA,
        "kind": "feed",
        "title": feed.title,
        "source": feed.source,
        "site": feed.site,
        "items": items,
        "notices": feed.notices,
    });
    let text = serde_json::to_string(&value).map_err(io::Error::other)?;
    writeln!(out, "{}", crate::json::escape_unsafe(&text))
}

/// `lede entities` on a feed: the actors and places across its items, each
/// with how many items mention it.
pub fn write_feed_entities(feed: &Feed, json: bool, out: &mut dyn Write) -> io::Result<()> {
    let index = crate::app::cross::CrossIndex::compute(&feed.items);
    if json {
        let names: Vec<serde_json::Value> = index
            .entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "name": e.label,
                    "type": kind_name(e.kind),
                    "items": e.items.len(),
                })
            })
            .collect();
        let value = serde_json::json!({"feed": feed.source, "names": names});
        let text = serde_json::to_string(&value).map_err(io::Error::other)?;
        return writeln!(out, "{}", crate::json::escape_unsafe(&text));
    }
    for e in &index.entries {
        writeln!(
            out,
            "{:<7} {:>4}  {}",
            kind_name(e.kind),
            e.items.len(),
            clean(&e.label)
        )?;
    }
    Ok(())
}

fn kind_name(kind: crate::extract::EntityKind) -> &'static str {
    match kind {
        crate::extract::EntityKind::Actor => "actor",
        crate::extract::EntityKind::Place => "place",
        crate::extract::EntityKind::Number => "number",
    }
}
