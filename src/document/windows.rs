//! Markdown parsed in bounded windows: the events of one pulldown-cmark
//! parse of the whole text, made without ever holding the parser's tree
//! for more than a window of it.
//!
//! pulldown-cmark builds a tree of the whole input before its first event,
//! about 48 bytes a node: 99 MB of `x\n\n` asked for 4.7 GB. Here the text
//! is parsed a window ([`WINDOW_BYTES`]) at a time, each cut at a top-level
//! boundary: a block the parser reports with nothing open (no list, quote,
//! fence, HTML block or note) that starts a line after a blank one. Which
//! blocks are open before a line depends only on the lines before it, so
//! from such a line on the text parses as it does on its own, and the
//! blocks before it are closed, their kinds settled by the lines before it.
//!
//! Two things reach across a boundary, and both are carried over:
//! - Link reference definitions: a label may be defined anywhere, the first
//!   definition wins. When the text holds one (`]:` appears), a first pass
//!   collects every definition and footnote label, window by window; the
//!   second resolves references through pulldown-cmark's broken-link
//!   callback from that table, and a reference a window resolves itself
//!   takes the table's (first) definition.
//! - Footnotes: a reference is one only where its note exists somewhere. A
//!   window whose `[^label]` names a note defined elsewhere is parsed with a
//!   stand-in note appended after it, whose events are dropped.
//!
//! pulldown-cmark stops expanding references once their targets and titles
//! pass the text's length (at least 100,000 bytes). A window has its own
//! allowance; when either that of a window or the whole's would have run
//! out, [`for_each_event`] says so and the caller parses whole (only a
//! reference-expansion bomb does that). So does a stand-in note that does
//! not land at the top level (a last window ending inside an open fence).
//!
//! The promise (a property test checks it): the events, offsets included,
//! are those of `Parser::new_ext(md, options).into_offset_iter()`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag};
use unicase::UniCase;

/// Bytes of Markdown parsed at a time: its tree costs at most about 25 MB
/// (a block every three bytes), and a window parses in milliseconds.
pub const WINDOW_BYTES: usize = 512 * 1024;

/// pulldown-cmark's floor for how much reference expansion a text may do.
const MIN_EXPANSION: usize = 100_000;

/// The windows cannot give the whole's events (see the module docs): parse
/// whole instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseWhole;

/// A definition's target and title, as the whole's parse would copy them.
type Definitions = HashMap<UniCase<String>, (String, String)>;

/// Where each note is defined (one label may be defined more than once).
/// How wide a window may grow around one big block before the rest is
/// parsed whole: held-back events of one block cost several times its text.
const WIDEST: usize = 2 * 1024 * 1024;

type Notes = HashMap<UniCase<String>, Vec<usize>>;

/// What the first pass learns of the whole text.
struct Labels {
    /// Where each window but the first starts.
    cuts: Vec<usize>,
    definitions: Definitions,
    notes: Notes,
}

/// Calls `sink` with every event of `md` and its range in `md`, window by
/// window of about `window` bytes; `Err` when they could not be the
/// whole's (some of them may have been given already).
pub fn for_each_event(
    md: &str,
    options: Options,
    window: usize,
    sink: &mut dyn FnMut(Event<'_>, Range<usize>),
) -> Result<(), ParseWhole> {
    let window = window.max(1);
    if memchr::memmem::find(md.as_bytes(), b"]:").is_none() {
        // No definition and no note anywhere: one pass, nothing to carry.
        walk(
            md,
            options,
            window,
            &mut |event, range| sink(event, range),
            |_, _| {},
        );
        return Ok(());
    }
    let mut notes = Notes::new();
    let mut first_pass = |event: Event<'_>, range: Range<usize>| {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            notes
                .entry(UniCase::new(label.into_string()))
                .or_default()
                .push(range.start);
        }
    };
    let mut definitions = Definitions::new();
    let cuts = walk(md, options, window, &mut first_pass, |defs, kept| {
        for (label, def) in defs.iter() {
            if def.span.start < kept {
                definitions
                    .entry(UniCase::new(label.to_string()))
                    .or_insert_with(|| {
                        let title = def.title.as_deref().unwrap_or("");
                        (def.dest.to_string(), title.to_string())
                    });
            }
        }
    });
    let labels = Labels {
        cuts,
        definitions,
        notes,
    };
    resolved(md, options, &labels, sink)
}

/// Walks `md` window by window, giving `keep` the events before each
/// window's last top-level boundary (all of them in the last window) and
/// `defined` each window's definitions and how many of its bytes were
/// kept. Returns where each window but the first starts.
fn walk<'a>(
    md: &'a str,
    options: Options,
    window: usize,
    keep: &mut dyn FnMut(Event<'a>, Range<usize>),
    mut defined: impl FnMut(&pulldown_cmark::RefDefs<'_>, usize),
) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut from = 0;
    let mut size = window;
    while from < md.len() {
        let end = window_end(md, from, size);
        if end == md.len() {
            // The last window: every event is kept, so each goes as it
            // comes (a list of ten megabytes is one block: held back, its
            // events cost several times its text).
            let mut events = Parser::new_ext(&md[from..], options).into_offset_iter();
            for (event, range) in &mut events {
                keep(event, range.start + from..range.end + from);
            }
            defined(events.reference_definitions(), end - from);
            break;
        }
        let mut events = Parser::new_ext(&md[from..end], options).into_offset_iter();
        // The events since the last boundary: one top-level block's.
        let mut pending: Vec<(Event<'a>, Range<usize>)> = Vec::new();
        let mut boundary = from;
        let mut depth = 0usize;
        // A boundary counts only before the window's last blank line: a
        // link definition cut by the window's end reads as a paragraph,
        // where the whole has none, and the whole stretches the block
        // before it over the definition.
        let settled = memchr::memmem::rfind(&md.as_bytes()[from..end], b"\n\n")
            .map_or(from, |i| from + i + 1);
        for (event, range) in &mut events {
            let range = range.start + from..range.end + from;
            if depth == 0
                && matches!(event, Event::Start(_) | Event::Rule)
                && range.start > from
                && (range.start < settled || end == md.len())
                && md[..range.start].ends_with("\n\n")
            {
                for (event, range) in pending.drain(..) {
                    keep(event, range);
                }
                boundary = range.start;
            }
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            pending.push((event, range));
        }
        if boundary == from {
            // One block fills the window: try a wider one, and past a few
            // the rest whole, streamed, rather than hold back ever more
            // of one block's events.
            size = if size >= WIDEST {
                md.len()
            } else {
                size.saturating_mul(2)
            };
            continue;
        }
        defined(events.reference_definitions(), boundary - from);
        cuts.push(boundary);
        from = boundary;
        size = window;
    }
    cuts
}

/// Where a window from `from` of about `size` bytes ends: after a line
/// feed, so no line is cut, or at the end of the text.
fn window_end(md: &str, from: usize, size: usize) -> usize {
    let want = from.saturating_add(size);
    if want >= md.len() {
        return md.len();
    }
    memchr::memchr(b'\n', &md.as_bytes()[want..]).map_or(md.len(), |i| want + i + 1)
}

/// The second pass: each window between the cuts parsed with the whole's
/// definitions and notes.
fn resolved(
    md: &str,
    options: Options,
    labels: &Labels,
    sink: &mut dyn FnMut(Event<'_>, Range<usize>),
) -> Result<(), ParseWhole> {
    let whole_allowance = md.len().max(MIN_EXPANSION);
    let mut whole_used = 0usize;
    let starts = std::iter::once(0).chain(labels.cuts.iter().copied());
    let ends = labels.cuts.iter().copied().chain(std::iter::once(md.len()));
    for (from, to) in starts.zip(ends) {
        let own = &md[from..to];
        let notes = stand_in_notes(own, from..to, &labels.notes);
        if !notes.is_empty() && !own.ends_with('\n') {
            // The stand-ins would end the last line, and change its text.
            return Err(ParseWhole);
        }
        let text: CowStr<'_> = if notes.is_empty() {
            own.into()
        } else {
            format!("{own}\n\n{notes}").into()
        };
        let callback = |link: BrokenLink<'_>| {
            let (dest, title) = labels
                .definitions
                .get(&UniCase::new(link.reference.to_string()))?;
            Some((dest.clone().into(), title.clone().into()))
        };
        let allowance = text.len().max(MIN_EXPANSION);
        let mut used = 0usize;
        // Once past the window's own text, only stand-in notes follow:
        // the first thing there must be one, at the top level.
        let mut past_own = false;
        let mut depth = 0usize;
        let parser = Parser::new_with_broken_link_callback(&text, options, Some(callback));
        for (event, range) in parser.into_offset_iter() {
            let at_top = depth == 0;
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            if range.start >= own.len() {
                if !(past_own || at_top && matches!(event, Event::Start(_))) {
                    return Err(ParseWhole);
                }
                past_own = true;
                continue;
            }
            let event = match event {
                Event::Start(tag) => {
                    let (tag, native, whole) = as_whole(tag, &labels.definitions);
                    used += native;
                    whole_used += whole;
                    Event::Start(tag)
                }
                other => other,
            };
            let end = range.end.min(own.len());
            sink(event, range.start + from..end + from);
        }
        if !notes.is_empty() && !past_own {
            return Err(ParseWhole);
        }
        if used >= allowance || whole_used >= whole_allowance {
            return Err(ParseWhole);
        }
    }
    Ok(())
}

/// A link or image as the whole's parse gives it: a reference takes the
/// first definition of its label, and one the callback resolved its known
/// link type. Also the expansion it cost this window and would cost the
/// whole.
fn as_whole<'e>(tag: Tag<'e>, definitions: &Definitions) -> (Tag<'e>, usize, usize) {
    let (Tag::Link {
        link_type,
        dest_url,
        title,
        id,
    }
    | Tag::Image {
        link_type,
        dest_url,
        title,
        id,
    }) = &tag
    else {
        return (tag, 0, 0);
    };
    let known = match link_type {
        LinkType::Reference | LinkType::ReferenceUnknown => LinkType::Reference,
        LinkType::Collapsed | LinkType::CollapsedUnknown => LinkType::Collapsed,
        LinkType::Shortcut | LinkType::ShortcutUnknown => LinkType::Shortcut,
        _ => return (tag, 0, 0),
    };
    let native = dest_url.len() + title.len();
    let (dest_url, title) = match definitions.get(&UniCase::new(id.to_string())) {
        Some((dest, title)) => (CowStr::from(dest.clone()), CowStr::from(title.clone())),
        None => (dest_url.clone(), title.clone()),
    };
    let whole = dest_url.len() + title.len();
    let id = id.clone();
    let tag = match tag {
        Tag::Image { .. } => Tag::Image {
            link_type: known,
            dest_url,
            title,
            id,
        },
        _ => Tag::Link {
            link_type: known,
            dest_url,
            title,
            id,
        },
    };
    (tag, native, whole)
}

/// Stand-in definitions for the notes a window (`own`, at `window` in the
/// text) refers to (`[^label]`) that are defined elsewhere in the text and
/// not in it: one per label, each a paragraph of its own.
fn stand_in_notes(own: &str, window: Range<usize>, notes: &Notes) -> String {
    let mut out = String::new();
    if notes.is_empty() {
        return out;
    }
    let mut seen = HashSet::new();
    for at in memchr::memmem::find_iter(own.as_bytes(), b"[^") {
        let rest = &own[at + 2..];
        let Some(len) = rest.find(']') else { continue };
        let raw = &rest[..len];
        if raw.is_empty() || raw.contains(['[', '\n', '\r']) || raw.chars().count() > 1000 {
            continue;
        }
        // pulldown-cmark folds runs of whitespace in a label to one space.
        let label = raw.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        let key = UniCase::new(label);
        let elsewhere = notes
            .get(&key)
            .is_some_and(|defs| !defs.iter().any(|d| window.contains(d)));
        if elsewhere && seen.insert(raw) {
            out.push_str("[^");
            out.push_str(raw);
            out.push_str("]: x\n\n");
        }
    }
    out
}

#[cfg(test)]
mod tests;
