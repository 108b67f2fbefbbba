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
//! One block larger than a window would still be parsed whole, so two
//! kinds of block are also cut inside:
//! - A top-level list, before one of its items that starts a line, once
//!   the whole list is known tight or loose (see [`Proofs::loose`]):
//!   tight or loose is a property of the whole list, which a window cannot
//!   see. The next window parses from the item as a list of its own; its
//!   opening event is dropped, so the whole's list goes on (and its
//!   numbering with it), and when the whole is loose, the items' bare
//!   paragraphs a window read as tight are given their paragraph events
//!   ([`Loosen`]): looseness changes nothing else in the events.
//! - A top-level paragraph, after a single space with plain bytes around
//!   it, where the paragraph's text so far holds no markup character left
//!   as text (an emphasis, code span, link or autolink opener that found
//!   no close yet might find it past the cut) and the paragraph's later
//!   lines all start with a letter (so no setext underline or table row
//!   turns the whole into something else). The pieces' text runs join
//!   into the one paragraph.
//!
//! A list's or a paragraph's start and end events then carry ranges as
//! the window that opened or closed them saw them; nothing reads those.
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
//! not land at the top level (a last window ending inside an open fence),
//! or whose blank lines a text before it takes in (a fence in a list item
//! that the item's end closes).
//!
//! The promise (property tests check it): the events, offsets included,
//! are those of `Parser::new_ext(md, options).into_offset_iter()`, but
//! for the ranges of lists, items and paragraphs, and text runs given in
//! more pieces.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
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

/// Events a window holds past its last cut before it ends there (see
/// [`walk`]): about 6 MB of them.
const HELD_EVENTS: usize = 64 * 1024;

/// What the first pass learns of the whole text.
struct Labels {
    /// Where each window but the first starts.
    cuts: Vec<Cut>,
    definitions: Definitions,
    notes: Notes,
}

/// What a window goes on with from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Goes {
    /// Nothing: the window starts at a top-level boundary.
    On,
    /// The top-level list: the window starts at one of its items.
    List,
    /// The top-level paragraph: the window starts after a space in it.
    Paragraph,
}

/// Where a window starts, and what of the window before it goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cut {
    at: usize,
    goes: Goes,
    /// Whether the list a window goes on with is loose (the whole's).
    loose: bool,
    /// Where that list starts.
    list: usize,
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
        )?;
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
    })?;
    let labels = Labels {
        cuts,
        definitions,
        notes,
    };
    resolved(md, options, &labels, sink)
}

/// The top-level block open in a window being walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Top {
    /// A list, and where it starts.
    List(usize),
    /// A paragraph, and whether its text so far holds no markup character
    /// left as text (an opener that found no closer yet).
    Paragraph {
        clean: bool,
    },
    Other,
}

/// Walks `md` window by window, giving `keep` the events before each
/// window's last cut (all of them in the last window) and `defined` each
/// window's definitions and how many of its bytes were kept. Returns the
/// cuts: where each window but the first starts.
fn walk<'a>(
    md: &'a str,
    options: Options,
    window: usize,
    keep: &mut dyn FnMut(Event<'a>, Range<usize>),
    mut defined: impl FnMut(&pulldown_cmark::RefDefs<'_>, usize),
) -> Result<Vec<Cut>, ParseWhole> {
    let mut cuts = Vec::new();
    let mut from = 0;
    let mut size = window;
    let mut goes = Goes::On;
    // The block a window goes on with, as it was open in the window before.
    let mut carried = Top::Other;
    let mut carried_loose = false;
    let mut proofs = Proofs::default();
    while from < md.len() {
        let end = window_end(md, from, size);
        let mut events = Parser::new_ext(&md[from..end], options).into_offset_iter();
        let mut opening = Opening::new(goes);
        // The list this window goes on with is read as the whole reads it;
        // one that goes on past the window's cut is read here with items
        // after the cut, which were enough to find it loose.
        let carries = (goes == Goes::List).then_some(carried_loose);
        let mut stream = Loosen::new(&mut events, &md[from..end], carries, None);
        if end == md.len() {
            // The last window: every event is kept, so each goes as it
            // comes (a list of ten megabytes is one block: held back, its
            // events cost several times its text).
            for (event, range) in &mut stream {
                if opening.drops(&event, &range)? {
                    continue;
                }
                keep(event, range.start + from..range.end + from);
            }
            stream.agrees()?;
            defined(events.reference_definitions(), end - from);
            break;
        }
        // The events since the last cut.
        let mut pending: Vec<(Event<'a>, Range<usize>)> = Vec::new();
        let mut boundary = from;
        let mut boundary_goes = Goes::On;
        let mut boundary_top = Top::Other;
        let mut boundary_loose = false;
        let mut boundary_list = 0;
        // Whether an item of the top-level list showed a paragraph of its
        // own: the list is loose.
        let mut shows_loose = false;
        let (mut depth, mut top) = match goes {
            Goes::On => (0usize, Top::Other),
            _ => (1, carried),
        };
        // A boundary counts only before the window's last blank line: a
        // link definition cut by the window's end reads as a paragraph,
        // where the whole has none, and the whole stretches the block
        // before it over the definition.
        let settled = memchr::memmem::rfind(&md.as_bytes()[from..end], b"\n\n")
            .map_or(from, |i| from + i + 1);
        // An item starts a line the window holds whole.
        let last_line = if md[..end].ends_with('\n') {
            end
        } else {
            memchr::memrchr(b'\n', &md.as_bytes()[from..end]).map_or(from, |i| from + i + 1)
        };
        for (event, range) in &mut stream {
            if opening.drops(&event, &range)? {
                continue;
            }
            let range = range.start + from..range.end + from;
            let mut cut = None;
            let (mut loose, mut cut_list) = (false, 0);
            if depth == 0
                && matches!(event, Event::Start(_) | Event::Rule)
                && range.start > from
                && (range.start < settled || end == md.len())
                && md[..range.start].ends_with("\n\n")
            {
                cut = Some((range.start, Goes::On));
            }
            // Inside a block only while the window has found no
            // top-level boundary: where one is found, the cuts are where
            // they would be without these.
            let inner = boundary == from || boundary_goes != Goes::On;
            if inner
                && depth == 1
                && let Top::List(list) = top
                && matches!(event, Event::Start(Tag::Item))
                && range.start > from.max(list)
                && range.start < last_line
                && md[..range.start].ends_with('\n')
                && let Some(known) = proofs.loose(md, list, shows_loose)
            {
                cut = Some((range.start, Goes::List));
                (loose, cut_list) = (known, list);
            }
            if let Some((at, kind)) = cut {
                for (event, range) in pending.drain(..) {
                    keep(event, range);
                }
                boundary = at;
                boundary_goes = kind;
                boundary_top = top;
                boundary_loose = loose;
                boundary_list = cut_list;
            }
            if let (Top::Paragraph { clean }, Event::Text(text)) = (&mut top, &event) {
                let was_clean = *clean;
                let markup = first_markup(text.as_bytes());
                *clean &= markup.is_none();
                let verbatim = md.get(range.clone()) == Some(text.as_ref());
                if inner && was_clean && depth == 1 && verbatim {
                    let upto = markup.map_or(range.end, |m| range.start + m);
                    if let Some(at) = space_cut(md, range.start..upto, from)
                        .filter(|&at| proofs.tail_is_prose(md, at))
                    {
                        for (event, range) in pending.drain(..) {
                            keep(event, range);
                        }
                        keep(Event::Text(md[range.start..at].into()), range.start..at);
                        boundary = at;
                        boundary_goes = Goes::Paragraph;
                        boundary_top = Top::Paragraph { clean: true };
                        if at < range.end {
                            pending.push((Event::Text(md[at..range.end].into()), at..range.end));
                        }
                        continue;
                    }
                }
            }
            match &event {
                Event::Start(tag) => {
                    if depth == 0 {
                        top = match tag {
                            Tag::List(_) => Top::List(range.start),
                            Tag::Paragraph => Top::Paragraph { clean: true },
                            _ => Top::Other,
                        };
                        shows_loose = false;
                    }
                    if depth == 2 && matches!(top, Top::List(_)) && *tag == Tag::Paragraph {
                        shows_loose = true;
                    }
                    depth += 1;
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            pending.push((event, range));
            if boundary > from && pending.len() >= HELD_EVENTS {
                // The next window parses again from the last cut: what
                // follows it here need not be held (a big list after a
                // heading, past a cut at its start, held a window's
                // events, 50 MB for 512 KB of a loose list).
                break;
            }
        }
        stream.agrees()?;
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
        cuts.push(Cut {
            at: boundary,
            goes: boundary_goes,
            loose: boundary_loose,
            list: boundary_list,
        });
        from = boundary;
        goes = boundary_goes;
        carried = boundary_top;
        carried_loose = boundary_loose;
        size = window;
    }
    Ok(cuts)
}

/// The event that opens a window going on with a block of the window
/// before: the whole opened that block there, so it is dropped.
struct Opening {
    goes: Goes,
    seen: bool,
}

impl Opening {
    fn new(goes: Goes) -> Self {
        Opening {
            goes,
            seen: goes == Goes::On,
        }
    }

    /// True for the event to drop; `Err` when the window does not open
    /// with the block it goes on with (its first line would have to read
    /// otherwise alone than after the lines before it).
    fn drops(&mut self, event: &Event<'_>, range: &Range<usize>) -> Result<bool, ParseWhole> {
        if self.seen {
            return Ok(false);
        }
        self.seen = true;
        let opens = match self.goes {
            Goes::On => return Ok(false),
            Goes::List => matches!(event, Event::Start(Tag::List(_))),
            Goes::Paragraph => matches!(event, Event::Start(Tag::Paragraph)),
        };
        if opens && range.start == 0 {
            Ok(true)
        } else {
            Err(ParseWhole)
        }
    }
}

/// A window's events of a top-level list cut across windows, as the
/// whole gives them: a window parses the items it holds as a list of their
/// own, tight or loose by those items alone, where the whole's list may be
/// loose. pulldown-cmark's only difference between the two is that a
/// tight list's items leave out the start and end of their paragraphs
/// (their inline events stand in the item), so in a loose whole the
/// events of an item's bare paragraph are given those. A window that reads
/// a paragraph where the whole is tight cannot be the whole's: see
/// [`Loosen::agrees`].
struct Loosen<'t, 'e, I> {
    events: I,
    /// The window's text (the events' ranges are in it).
    text: &'t str,
    /// The looseness of the list the window opens going on with, if any.
    carries: Option<bool>,
    /// Where the list the window ends going on with starts (in the
    /// window), and its looseness, when known.
    goes_on: Option<(usize, bool)>,
    /// Whether the window is in a cut list, and that list's looseness.
    list: Option<bool>,
    /// Tags open in the window.
    depth: usize,
    /// Where the bare paragraph being given its events starts, and where
    /// its inline events so far end.
    open: Option<Range<usize>>,
    /// An event held back behind the paragraph event given before it.
    queued: Option<(Event<'e>, Range<usize>)>,
    /// A paragraph of an item showed where the whole is tight.
    disagrees: bool,
}

impl<'t, 'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Loosen<'t, 'e, I> {
    fn new(
        events: I,
        text: &'t str,
        carries: Option<bool>,
        goes_on: Option<(usize, bool)>,
    ) -> Self {
        Loosen {
            events,
            text,
            carries,
            goes_on,
            list: None,
            depth: 0,
            open: None,
            queued: None,
            disagrees: false,
        }
    }

    /// `Err` when the window read its part of a tight list as loose.
    fn agrees(&self) -> Result<(), ParseWhole> {
        if self.disagrees {
            Err(ParseWhole)
        } else {
            Ok(())
        }
    }

    /// Where the whole's paragraph starts whose first inline event starts
    /// at `at`: before the backslash of an escape the event leaves out.
    fn paragraph_start(&self, at: usize) -> usize {
        if at > 0 && self.text.as_bytes().get(at - 1) == Some(&b'\\') {
            at - 1
        } else {
            at
        }
    }
}

/// Whether a tag opens an inline run (emphasis, a link) rather than a
/// block.
pub(super) fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Whether an event is part of a paragraph's text (rather than a block).
fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => is_inline_tag(tag),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Html(_) | Event::Rule => false,
    }
}

impl<'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Iterator for Loosen<'_, 'e, I> {
    type Item = (Event<'e>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(queued) = self.queued.take() {
            return Some(queued);
        }
        let (event, range) = self.events.next()?;
        // How deep the event stands: a top-level list's own start and end
        // 0, its items' 1, an item's blocks (and bare paragraphs' text) 2.
        let level = match event {
            Event::Start(_) => {
                self.depth += 1;
                self.depth - 1
            }
            Event::End(_) => {
                self.depth = self.depth.saturating_sub(1);
                self.depth
            }
            _ => self.depth,
        };
        if level == 0 {
            self.list = match (&event, self.carries.take()) {
                (Event::Start(Tag::List(_)), Some(loose)) => Some(loose),
                (Event::Start(Tag::List(_)), None) => self
                    .goes_on
                    .filter(|&(at, _)| at == range.start)
                    .map(|(_, loose)| loose),
                // The list's end, or a window that opens with no list.
                _ => None,
            };
            return Some((event, range));
        }
        let Some(loose) = self.list else {
            return Some((event, range));
        };
        let inline = is_inline(&event);
        if !loose {
            self.disagrees |= level == 2 && event == Event::Start(Tag::Paragraph);
            return Some((event, range));
        }
        match self.open.take() {
            None if level == 2 && inline => {
                let start = self.paragraph_start(range.start);
                self.open = Some(start..range.end);
                self.queued = Some((event, range));
                Some((Event::Start(Tag::Paragraph), start..start))
            }
            Some(paragraph) if level < 2 || level == 2 && !inline => {
                self.queued = Some((event, range));
                Some((Event::End(TagEnd::Paragraph), paragraph))
            }
            Some(paragraph) => {
                self.open = Some(paragraph.start..paragraph.end.max(range.end));
                Some((event, range))
            }
            None => Some((event, range)),
        }
    }
}

/// What the text proves of blocks cut across, each found once.
#[derive(Default)]
struct Proofs {
    /// A list's start, whether it is surely tight by its text (see
    /// [`list_is_tight`]) and whether a window showed it loose.
    list: Option<ListProof>,
    /// A stretch of a paragraph's last lines that goes on to the
    /// paragraph's end as prose, and one that does not (up to the line
    /// that is not): asked of every line of a long paragraph, each answer
    /// is found by one look through the lines after it.
    tail: Option<Range<usize>>,
    not_prose: Option<Range<usize>>,
}

/// What is known of the looseness of the top-level list at `start`.
#[derive(Debug, Clone, Copy)]
struct ListProof {
    start: usize,
    tight: bool,
    loose: bool,
}

impl Proofs {
    /// Whether the top-level list starting at `start` is loose, when that
    /// is known of the whole list (`None` when not yet). Tight or loose is
    /// a property of the whole list (a blank line between two of its items,
    /// or between two blocks of one, makes every item's paragraphs show),
    /// decided once for it:
    /// - Tight when it has no blank line at all (see [`list_is_tight`]).
    /// - Loose once a window's parse of some of its items showed an
    ///   item's paragraph (`shows_loose`): those items are the whole's,
    ///   and a blank line that separates two of them, or two blocks of
    ///   one, does so in the whole too. Asked of the parse rather than of
    ///   the bytes, as a blank line in a fenced code block or an HTML
    ///   block of an item separates nothing.
    ///
    /// A list with a blank line that no window has shown to make it loose
    /// (all its items before the blank line bare, or the blank line
    /// ending the list) stays unknown and is not cut.
    fn loose(&mut self, md: &str, start: usize, shows_loose: bool) -> Option<bool> {
        let proof = match self.list {
            Some(proof) if proof.start == start => proof,
            _ => ListProof {
                start,
                tight: list_is_tight(md, start),
                loose: false,
            },
        };
        let proof = ListProof {
            loose: proof.loose || shows_loose,
            ..proof
        };
        self.list = Some(proof);
        match (proof.tight, proof.loose) {
            (true, false) => Some(false),
            (false, true) => Some(true),
            // Both can only be a mistake of the text's reading: no cut.
            _ => None,
        }
    }

    /// Whether the paragraph holding `at` goes on from the line of `at`
    /// to its end in lines that start with a letter, so that no later
    /// line makes it something else (a setext heading's underline, a table's
    /// delimiter row) or ends it with a block it could not end with alone.
    fn tail_is_prose(&mut self, md: &str, at: usize) -> bool {
        if self.tail.as_ref().is_some_and(|t| t.contains(&at)) {
            return true;
        }
        if self.not_prose.as_ref().is_some_and(|t| t.contains(&at)) {
            return false;
        }
        let bytes = md.as_bytes();
        let mut line = match memchr::memchr(b'\n', &bytes[at..]) {
            Some(i) => at + i + 1,
            None => bytes.len(),
        };
        loop {
            let next = memchr::memchr(b'\n', &bytes[line..]).map_or(bytes.len(), |i| line + i + 1);
            let text = &bytes[line..next];
            if text.iter().all(u8::is_ascii_whitespace) {
                self.tail = Some(at..line);
                return true;
            }
            if !text[0].is_ascii_alphabetic() {
                self.not_prose = Some(at..line);
                return false;
            }
            line = next;
        }
    }
}

/// Whether the top-level list starting at `start` surely has no blank
/// line between two of its items or two blocks of one: when the first
/// line at or after `start` that is blank (spaces, tabs and quote markers
/// only) is followed by one no list goes on with, neither indented nor a
/// list marker.
fn list_is_tight(md: &str, start: usize) -> bool {
    let bytes = md.as_bytes();
    let blank = |line: &[u8]| {
        line.iter()
            .all(|&b| b == b' ' || b == b'\t' || b == b'\r' || b == b'\n' || b == b'>')
    };
    let mut at = start;
    let mut seen_blank = false;
    while at < bytes.len() {
        let next = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
        let line = &bytes[at..next];
        if blank(line) {
            seen_blank = true;
        } else if seen_blank {
            return !matches!(line[0], b' ' | b'\t' | b'-' | b'*' | b'+' | b'0'..=b'9');
        }
        at = next;
    }
    true
}

/// Bytes kept plain on each side of a cut in a paragraph.
const PLAIN_AROUND: usize = 8;

/// How far back from its end a text run is searched for a place to cut.
const CUT_SEARCH: usize = 4096;

/// Where a markup character first stands in a paragraph's text: one that
/// may open an inline construct (emphasis, code, a link, an autolink or
/// HTML) that has not found its close yet, and may find it in a later
/// window.
pub(super) fn first_markup(text: &[u8]) -> Option<usize> {
    text.iter()
        .position(|b| matches!(b, b'*' | b'_' | b'~' | b'`' | b'[' | b'<' | b'\\' | b'&'))
}

/// The last place in `run` (verbatim paragraph text, all of it plain
/// before its end) to cut the paragraph at: after a single space, before
/// a letter or digit, with only plain characters around (letters, digits,
/// spaces and punctuation that opens nothing), so that neither side reads
/// otherwise alone. Never at or before `from`.
pub(super) fn space_cut(md: &str, run: Range<usize>, from: usize) -> Option<usize> {
    let bytes = md.as_bytes();
    let plain = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80 || b" ,.;:'\"?!()/-".contains(&b);
    let lo = run.start.max(from) + PLAIN_AROUND;
    let hi = run.end.checked_sub(PLAIN_AROUND)?;
    if lo > hi {
        return None;
    }
    (lo.max(hi.saturating_sub(CUT_SEARCH))..=hi)
        .rev()
        .find(|&at| {
            bytes[at - 1] == b' '
                && bytes[at - 2] != b' '
                && bytes[at].is_ascii_alphanumeric()
                && bytes[at - PLAIN_AROUND..at + PLAIN_AROUND]
                    .iter()
                    .all(|&b| plain(b))
        })
}

/// Where a window from `from` of about `size` bytes ends: after a line
/// feed, so no line is cut, or at the end of the text; in a line longer
/// than the window, after a space, where a paragraph may be cut.
fn window_end(md: &str, from: usize, size: usize) -> usize {
    let want = from.saturating_add(size);
    if want >= md.len() {
        return md.len();
    }
    let rest = &md.as_bytes()[want..];
    let near = &rest[..rest.len().min(size)];
    if let Some(i) = memchr::memchr(b'\n', near).or_else(|| memchr::memchr(b' ', near)) {
        return want + i + 1;
    }
    memchr::memchr(b'\n', rest).map_or(md.len(), |i| want + i + 1)
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
    let first = Cut {
        at: 0,
        goes: Goes::On,
        loose: false,
        list: 0,
    };
    let last = Cut {
        at: md.len(),
        goes: Goes::On,
        loose: false,
        list: 0,
    };
    let starts = std::iter::once(first).chain(labels.cuts.iter().copied());
    let ends = labels.cuts.iter().copied().chain(std::iter::once(last));
    for (cut_in, cut_out) in starts.zip(ends) {
        let (from, to) = (cut_in.at, cut_out.at);
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
        let mut depth = usize::from(cut_in.goes != Goes::On);
        let mut opening = Opening::new(cut_in.goes);
        // The end of a top-level block, held until it is known whether
        // the block goes on in the next window; and where text last ended.
        let mut held: Option<(Event<'_>, Range<usize>)> = None;
        let mut text_end = 0;
        let parser = Parser::new_with_broken_link_callback(&text, options, Some(callback));
        // Here a window is parsed only up to its cut, so a list that goes
        // on past it may read as tight where the whole is loose.
        let carries = (cut_in.goes == Goes::List).then_some(cut_in.loose);
        let goes_on = (cut_out.goes == Goes::List && cut_out.list >= from)
            .then(|| (cut_out.list - from, cut_out.loose));
        let mut stream = Loosen::new(parser.into_offset_iter(), &text, carries, goes_on);
        for (event, range) in &mut stream {
            if opening.drops(&event, &range)? {
                continue;
            }
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
            // A text that runs on past the window's own bytes took in the
            // blank lines before the stand-ins (a fence left open in a
            // list item keeps them): the whole's text ends at the window.
            if range.end > own.len()
                && matches!(
                    event,
                    Event::Text(_) | Event::Code(_) | Event::Html(_) | Event::InlineHtml(_)
                )
            {
                return Err(ParseWhole);
            }
            if let Some((event, range)) = held.take() {
                sink(event, range);
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
            if matches!(event, Event::Text(_)) {
                text_end = range.end;
            }
            let end = range.end.min(own.len());
            let range = range.start + from..end + from;
            if depth == 0 && matches!(event, Event::End(_)) {
                held = Some((event, range));
            } else {
                sink(event, range);
            }
        }
        if let Some((event, range)) = held {
            match (cut_out.goes, &event) {
                (Goes::On, _) => sink(event, range),
                (Goes::List, Event::End(TagEnd::List(_))) => {}
                (Goes::Paragraph, Event::End(TagEnd::Paragraph)) => {
                    // The space the cut follows, which ended this
                    // window's paragraph and so was left out of its text.
                    let space = own.get(text_end..).unwrap_or("");
                    if !space.trim().is_empty() {
                        return Err(ParseWhole);
                    }
                    if !space.is_empty() {
                        sink(Event::Text(space.into()), from + text_end..to);
                    }
                }
                _ => return Err(ParseWhole),
            }
        } else if cut_out.goes != Goes::On {
            return Err(ParseWhole);
        }
        stream.agrees()?;
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
