use super::*;
use crate::app::{App, Msg};
use crate::document::{Format, load};
use crate::keymap::Keymap;
use crate::state::{Fingerprint, Store};

/// A news-like plain text of `sections` sections, each a subheading and
/// a few paragraphs naming a word only it holds (`marker{i}`).
fn article(sections: usize) -> String {
    let mut text = String::from("A long report on the council\n\n");
    for i in 0..sections {
        text.push_str(&format!("Part {i} of the story\n\n"));
        for p in 0..4 {
            text.push_str(&format!(
                "The council met on Monday in Oslo, paragraph {p} of part {i}, and \
                 agreed on the budget after a long night of talks. Anna Berg said \
                 the vote marker{i} was close.\n\n"
            ));
        }
    }
    text
}

/// The start of `text`: its first `blocks` blocks, parsed as a start.
fn start_of(text: &str, blocks: usize) -> Document {
    let whole = Document::from_bytes("a.txt", text.as_bytes(), None).expect("text");
    let cut = whole.blocks.at(blocks).range.start;
    let source = load::decode("a.txt", &text.as_bytes()[..cut]).expect("text");
    Document::parse_start(source, Format::Plain)
}

fn whole(text: &str) -> Arc<Document> {
    Arc::new(Document::from_bytes("a.txt", text.as_bytes(), None).expect("text"))
}

fn loading_app(text: &str) -> App {
    let start = start_of(text, 40);
    let mut app = App::loading(start, Keymap::default(), Some(text.len() as u64), 0);
    app.update(Action::Resize(100, 30));
    app
}

#[test]
fn the_start_is_marked_and_never_claims_the_end() {
    let text = article(60);
    let mut app = loading_app(&text);
    assert!(app.is_loading());
    assert_eq!(app.reading_label().as_deref(), Some("reading… 0%"));
    app.update(Msg::Arrival(Box::new(Arrival::Read(text.len() / 2))));
    assert!(app.reading_label().is_some_and(|l| l.ends_with("50%")));
    app.update(Msg::Arrival(Box::new(Arrival::Read(text.len()))));
    assert_eq!(app.reading_label().as_deref(), Some(PARSING));
    // Scrolled to the end of what is read: the percentage stays low and
    // the scrollbar's length is the whole file's.
    for _ in 0..200 {
        app.update(Action::Page(1));
    }
    assert!(app.percent() < 100, "{}", app.percent());
    assert!(app.scroll_total() > app.cache.len());
}

#[test]
fn the_swap_keeps_the_text_on_top() {
    let text = article(60);
    let mut app = loading_app(&text);
    app.update(Action::Scroll(17));
    let top = app.top_text();
    assert!(top > 0);
    let section = app.current_section();
    app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(&text))))));
    assert!(!app.is_loading());
    assert_eq!(app.top_text(), top);
    assert_eq!(app.current_section(), section);
    assert_eq!(app.doc.text, text.trim_end().to_string() + "\n\n");
}

#[test]
fn keys_that_need_the_whole_wait_and_apply_after() {
    let text = article(60);
    let mut app = loading_app(&text);
    let top = app.top();
    app.update(Action::Bottom);
    assert_eq!(app.top(), top, "G does not go to a false end");
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("waits")),
        "{:?}",
        app.view.message
    );
    // A section not read yet waits too; one read is gone to at once.
    app.update(Action::Section(2));
    let at_two = app.top();
    assert!(at_two > top);
    app.update(Action::Section(50));
    assert_eq!(app.top(), at_two);
    app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(&text))))));
    // Applied in order: G, then section 51.
    assert_eq!(app.current_section(), 50);
    let mut end = loading_app(&text);
    end.update(Action::Bottom);
    end.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(&text))))));
    assert_eq!(end.top(), end.max_top());
    assert_eq!(end.percent(), 100);
}

#[test]
fn a_search_accepted_while_reading_counts_the_whole() {
    let text = article(60);
    let mut app = loading_app(&text);
    app.update(Action::SearchForward);
    for c in "marker5 was".chars() {
        app.update(Action::PromptInput(c));
    }
    // Found in what is read, lit at once...
    assert!(
        app.search
            .active
            .as_ref()
            .is_some_and(|s| !s.hits.is_empty())
    );
    app.update(Action::PromptAccept);
    assert!(app.search.prompt.is_none());
    // ...and counted once the whole is in, not before.
    assert!(app.search.kept.is_none());
    app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(&text))))));
    assert_eq!(app.search.kept.as_deref(), Some("marker5 was"));
    assert_eq!(app.search.label().as_deref(), Some("1/4"));
    // A word only further on is found there, not "no match".
    let mut app = loading_app(&text);
    app.update(Action::SearchForward);
    for c in "marker55 was".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::PromptAccept);
    app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(&text))))));
    assert_eq!(app.search.label().as_deref(), Some("1/4"));
    let hit = app.search.current_start().expect("a hit");
    assert!(app.cache().line_at(hit) >= app.top());
    assert!(hit > app.top_text());
}

/// The text of the first line with text at or below the top.
fn first_text_on_top(app: &App) -> String {
    (app.top()..)
        .map_while(|l| app.cache().line(l))
        .map(|l| app.doc.text[l.range.clone()].to_string())
        .find(|t| !t.is_empty())
        .expect("text in view")
}

#[test]
fn a_file_changed_while_read_shows_the_same_text_or_the_top() {
    let text = article(60);
    for scroll in [24, 25] {
        let mut app = loading_app(&text);
        app.update(Action::Scroll(scroll));
        let line = first_text_on_top(&app);
        let changed = format!("A new first paragraph.\n\n{text}");
        app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(
            &changed,
        ))))));
        assert_eq!(first_text_on_top(&app), line);
        // Text no longer there: the top, never a wrong place.
        let mut app = loading_app(&text);
        app.update(Action::Scroll(scroll));
        app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(
            "Another article\n\nAll new.\n",
        ))))));
        assert_eq!(app.top(), 0);
    }
}

#[test]
fn a_late_error_keeps_the_start_and_says_so() {
    let text = article(60);
    let mut app = loading_app(&text);
    app.update(Action::Bottom);
    app.update(Msg::Arrival(Box::new(Arrival::Document(Err(
        LoadError::Binary,
    )))));
    assert!(app.is_loading());
    let label = app.reading_label().expect("marked");
    assert!(label.starts_with("only the start could be read"), "{label}");
    // Keys work on what is there; nothing waits for what never comes.
    app.update(Action::Bottom);
    assert_eq!(app.top(), app.max_top());
    assert!(app.percent() < 100);
}

#[test]
fn a_remembered_place_past_the_start_is_honoured_after_the_swap() {
    let text = article(60);
    let full = whole(&text);
    let offset = full.blocks.at(200).range.start;
    let mut store = Store::in_memory();
    store
        .remember(
            Fingerprint::of(&full.text),
            Place {
                offset,
                search: None,
                entity: None,
                saved_at: 0,
            },
        )
        .expect("kept");
    let mut places = super::super::places::Places::with_store(store);
    let mut app = loading_app(&text);
    places.restore(&mut app);
    assert!(offset > app.doc.text.len(), "past the start");
    app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(full)))));
    assert_eq!(app.top_text(), offset);
    // A reader that quits while reading does not save the start's place.
    let mut app = loading_app(&text);
    places.save_all(&app).expect("saved");
    app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(&text))))));
    places.restore(&mut app);
}

#[test]
fn the_background_thread_hands_over_the_whole_then_its_entities() {
    let dir = std::env::temp_dir().join(format!("lede-loading-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("long.txt");
    let text = article(3000);
    assert!(text.len() as u64 > crate::document::start::START_MIN_BYTES);
    std::fs::write(&path, &text).expect("written");
    let crate::document::start::Opening::Start(start, rest) =
        crate::document::start::open(&path).expect("opens")
    else {
        panic!("a long file opens from its start");
    };
    assert!(start.text.len() < text.len());
    let (tx, rx) = std::sync::mpsc::channel();
    load_in_background(0, rest, move |a| tx.send(a).is_ok()).expect("spawned");
    let arrivals: Vec<Arrival> = rx.iter().collect();
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = App::loading(start, Keymap::default(), Some(text.len() as u64), 0);
    app.update(Action::Resize(100, 30));
    let kinds: Vec<&str> = arrivals
        .iter()
        .map(|a| match a {
            Arrival::Read(_) => "read",
            Arrival::Document(_) => "document",
            Arrival::Entities(_) => "entities",
        })
        .filter(|k| *k != "read")
        .collect();
    assert_eq!(kinds, ["document", "entities"]);
    for a in arrivals {
        app.update(Msg::Arrival(Box::new(a)));
    }
    assert!(!app.is_loading());
    assert!(app.entities_ready());
    assert_eq!(app.doc.text.len(), text.len());
}

#[test]
fn a_late_byte_that_changes_the_encoding_is_the_wholes_to_decide() {
    // A start of plain ASCII reads the same as UTF-8 or Windows-1252; a
    // byte far on decides, and the whole says so.
    let dir = std::env::temp_dir().join(format!("lede-latin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("latin.txt");
    let mut bytes = article(3000).into_bytes();
    bytes.extend_from_slice(b"The caf\xe9 closed.\n");
    std::fs::write(&path, &bytes).expect("written");
    let crate::document::start::Opening::Start(start, rest) =
        crate::document::start::open(&path).expect("opens")
    else {
        panic!("a long file opens from its start");
    };
    let mut app = App::loading(start, Keymap::default(), Some(bytes.len() as u64), 0);
    app.update(Action::Resize(100, 30));
    app.update(Action::Scroll(40));
    let top = app.top_text();
    let whole = rest.load(|_| {}).map(Arc::new);
    let _ = std::fs::remove_dir_all(&dir);
    app.update(Msg::Arrival(Box::new(Arrival::Document(whole))));
    assert!(!app.is_loading());
    assert_eq!(app.top_text(), top);
    assert!(app.doc.text.ends_with("The café closed.\n"));
    assert!(
        app.view
            .message
            .as_deref()
            .is_some_and(|m| m.contains("Windows-1252")),
        "{:?}",
        app.view.message
    );
}

#[test]
fn a_whole_that_arrives_before_the_first_frame_is_laid_out_at_it() {
    let text = article(60);
    let mut app = App::loading(
        start_of(&text, 40),
        Keymap::default(),
        Some(text.len() as u64),
        0,
    );
    app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(whole(&text))))));
    app.update(Action::Resize(100, 30));
    app.update(Action::Bottom);
    assert_eq!(app.top(), app.max_top());
    assert!(app.cache().line(app.top()).is_some());
}

#[test]
fn a_piped_start_read_as_plain_text_swaps_to_a_markdown_whole_at_its_text() {
    // One long line with no Markdown in it, piped: its start opens as
    // plain text; a heading far on makes the whole Markdown, parsed as
    // such once it is in, with the view on the same words.
    let words: String = (0..60_000).map(|i| format!("w{i} ")).collect();
    let text =
        format!("Title of a long line\n\n{words}end\n\n## A later heading\n\nA *short* one.\n");
    let stream = Box::new(std::io::Cursor::new(text.clone().into_bytes()));
    let crate::document::start::Opening::Start(start, rest) =
        crate::document::start::open_stream("stdin", stream).expect("opens")
    else {
        panic!("a long piped line opens from its start");
    };
    assert_eq!(start.format, Format::Plain);
    let mut app = App::loading(start, Keymap::default(), None, 0);
    app.update(Action::Resize(100, 30));
    app.update(Action::Scroll(40));
    let top = app.top_text();
    let words_on_top = app.doc.text[top..top + 40].to_string();
    let whole = rest.load(|_| {}).map(Arc::new);
    app.update(Msg::Arrival(Box::new(Arrival::Document(whole))));
    assert!(!app.is_loading());
    assert_eq!(app.doc.format, Format::Markdown);
    let read_whole = Document::from_bytes("stdin", text.as_bytes(), None).expect("whole");
    assert_eq!(app.doc.text, read_whole.text);
    let top = app.top_text();
    assert_eq!(app.doc.text[top..top + 40], words_on_top);
}

#[test]
fn a_piped_marked_up_start_read_as_plain_text_swaps_to_markdown_at_the_same_bytes() {
    // Emphasis on one long line, piped: the start shows it as typed; a
    // heading far on makes the whole Markdown, and the view stays on the
    // same words, their markup gone.
    let words: String = (0..40_000).map(|i| format!("w{i} *e{i}* ")).collect();
    let text = format!("Title of a long line\n\n{words}end\n\n## A later heading\n\nMore.\n");
    let stream = Box::new(std::io::Cursor::new(text.clone().into_bytes()));
    let crate::document::start::Opening::Start(start, rest) =
        crate::document::start::open_stream("stdin", stream).expect("opens")
    else {
        panic!("a long piped line opens from its start");
    };
    assert_eq!(start.format, Format::Plain);
    let mut app = App::loading(start, Keymap::default(), None, 0);
    app.update(Action::Resize(100, 30));
    app.update(Action::Scroll(40));
    let top = app.top_text();
    let first_word = |text: &str| {
        text.split_whitespace()
            .next()
            .expect("a word")
            .trim_matches('*')
            .to_string()
    };
    let word = first_word(&app.doc.text[top..]);
    assert!(top > 1000);
    let whole = rest.load(|_| {}).map(Arc::new);
    app.update(Msg::Arrival(Box::new(Arrival::Document(whole))));
    assert_eq!(app.doc.format, Format::Markdown);
    let top = app.top_text();
    assert!(
        app.doc.text[top..top + 40].contains(&word),
        "{word} in {:?}",
        &app.doc.text[top..top + 40]
    );
}

#[test]
fn a_piped_paragraph_turned_heading_past_the_head_swaps_at_the_same_bytes() {
    // A stream's start cut inside a paragraph that goes on past its head,
    // taken to go on as prose; a setext underline far on makes it a
    // heading in the whole. The view stays on the same words.
    let line = "word ".repeat(16) + "and";
    let lines: String = (0..12_000).map(|i| format!("{line} w{i}\n")).collect();
    let text = format!("# A piped title\n\n{lines}===\n\nThe end.\n");
    let stream = Box::new(std::io::Cursor::new(text.clone().into_bytes()));
    let crate::document::start::Opening::Start(start, rest) =
        crate::document::start::open_stream("stdin", stream).expect("opens")
    else {
        panic!("a long piped paragraph opens from its start");
    };
    assert_eq!(start.format, Format::Markdown);
    let mut app = App::loading(start, Keymap::default(), None, 0);
    app.update(Action::Resize(100, 30));
    app.update(Action::Scroll(400));
    let top = app.top_text();
    let word = |text: &str| {
        text.split_whitespace()
            .find(|w| w.starts_with('w') && w != &"word")
            .expect("a numbered word")
            .to_string()
    };
    let numbered = word(&app.doc.text[top..]);
    assert!(top > 10_000);
    let whole = rest.load(|_| {}).map(Arc::new);
    app.update(Msg::Arrival(Box::new(Arrival::Document(whole))));
    assert!(!app.is_loading());
    let read_whole = Document::from_bytes("stdin", text.as_bytes(), None).expect("whole");
    assert_eq!(app.doc.blocks, read_whole.blocks);
    let top = app.top_text();
    assert_eq!(word(&app.doc.text[top..]), numbered);
}

#[test]
fn a_file_paragraph_turned_heading_past_the_look_ahead_swaps_at_the_same_words() {
    // A file's start cut inside a paragraph read on only so far for a
    // line that turns it (`document::start`); a setext underline further
    // on makes it a heading in the whole. The view stays on the same words.
    let line = "word ".repeat(16) + "and";
    let lines: String = (0..14_000).map(|i| format!("{line} w{i}\n")).collect();
    let text = format!("# A long title\n\n{lines}===\n\nThe end.\n");
    let dir = std::env::temp_dir().join(format!("lede-turned-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("turned.md");
    std::fs::write(&path, &text).expect("written");
    let opened = crate::document::start::open(&path).expect("opens");
    let _ = std::fs::remove_dir_all(&dir);
    let crate::document::start::Opening::Start(start, _) = opened else {
        panic!("a long paragraph opens from its start");
    };
    let mut app = App::loading(start, Keymap::default(), Some(text.len() as u64), 0);
    app.update(Action::Resize(100, 30));
    app.update(Action::Scroll(400));
    let top = app.top_text();
    let word = |text: &str| {
        text.split_whitespace()
            .find(|w| w.starts_with('w') && w != &"word")
            .expect("a numbered word")
            .to_string()
    };
    let numbered = word(&app.doc.text[top..]);
    assert!(top > 10_000);
    let whole = Document::from_bytes("turned.md", text.as_bytes(), None).expect("whole");
    assert!(matches!(
        whole.blocks.at(1).kind,
        crate::document::BlockKind::Heading { .. }
    ));
    app.update(Msg::Arrival(Box::new(Arrival::Document(Ok(Arc::new(
        whole,
    ))))));
    assert!(!app.is_loading());
    let top = app.top_text();
    assert_eq!(word(&app.doc.text[top..]), numbered);
}
