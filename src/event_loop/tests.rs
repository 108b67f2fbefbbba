use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::backend::TestBackend;

use super::*;
use crate::extract::Entities;
use crate::keymap::Keymap;

fn app() -> App {
    let doc = crate::cli::load_article(None).expect("seed");
    App::new(doc, Entities::default(), Keymap::default())
}

fn key(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    buf.content()
        .chunks(usize::from(buf.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn drive(inputs: Vec<Input>) -> (Terminal<TestBackend>, App, NoLifecycle, Outcome) {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let mut app = app();
    let mut life = NoLifecycle::default();
    let outcome = feed(&mut terminal, &mut app, &mut life, inputs);
    (terminal, app, life, outcome)
}

/// Runs the loop over `inputs` until they end.
fn feed(
    terminal: &mut Terminal<TestBackend>,
    app: &mut App,
    life: &mut NoLifecycle,
    inputs: Vec<Input>,
) -> Outcome {
    let mut events: VecDeque<Input> = inputs.into();
    run(terminal, app, &mut events, life, LoopOptions::default()).expect("loop")
}

#[test]
fn keys_drive_the_real_loop_and_q_quits() {
    let (terminal, app, _, outcome) = drive(vec![key(']')]);
    assert_eq!(outcome, Outcome::EndOfInput);
    assert_eq!(app.current_section(), 1);
    let shown = screen(&terminal);
    let first_text_row = shown.lines().nth(1).expect("rows");
    assert!(
        first_text_row.contains("What next after Tehran summit?"),
        "{shown}"
    );
    // Inputs waiting together are applied together; `q` ends the loop
    // before the `j` after it.
    let (_, app, _, outcome) = drive(vec![key(']'), key('q'), key('j')]);
    assert_eq!(outcome, Outcome::Quit);
    assert_eq!(app.top(), app.cache().section_line(1).expect("shown"));
}

#[test]
fn a_paste_is_typed_into_the_prompt_never_run_as_keys() {
    let (_, app, _, outcome) = drive(vec![Input::Paste("q".into())]);
    assert_eq!(outcome, Outcome::EndOfInput, "q pasted is not quit");
    assert!(app.search.prompt.is_none());
    let (terminal, app, _, _) = drive(vec![key('/'), Input::Paste("Cavu\x1b[2Jsoglu\n".into())]);
    let prompt = app.search.prompt.as_ref().expect("open");
    assert_eq!(prompt.input, "Cavu[2Jsoglu ");
    let shown = screen(&terminal);
    assert!(
        shown
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("/Cavu[2Jsoglu")),
        "{shown}"
    );
    // Typed keys in the prompt are text too: q does not quit.
    let (_, app, _, outcome) = drive(vec![key('/'), key('q'), key('n')]);
    assert_eq!(outcome, Outcome::EndOfInput);
    assert_eq!(
        app.search.prompt.as_ref().map(|p| p.input.as_str()),
        Some("qn")
    );
}

#[test]
fn keys_typed_ahead_into_the_prompt_run_one_search() {
    let burst = vec![key('/'), key('t'), key('h'), key('e'), key('y')];
    let (_, app, _, _) = drive(burst.clone());
    assert_eq!(app.search.started, 1, "one search for the burst's text");
    assert_eq!(
        app.search.prompt.as_ref().map(|p| p.input.as_str()),
        Some("they")
    );
    // The same keys one at a time (a loop run per key, as a reader
    // types them) search at each: the burst's result is theirs.
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let doc = crate::cli::load_article(None).expect("seed");
    let entities = crate::extract::extract(&doc);
    let mut typed = App::new(doc, entities, Keymap::default());
    for k in burst {
        feed(
            &mut terminal,
            &mut typed,
            &mut NoLifecycle::default(),
            vec![k],
        );
    }
    assert_eq!(typed.search.started, 4);
    assert_eq!(typed.top(), app.top());
    assert_eq!(typed.search.label(), app.search.label());
    assert!(app.search.label().is_some(), "the burst found its hits");
}

#[test]
fn the_end_of_input_ends_the_loop() {
    let (_, app, _, outcome) = drive(vec![key('j')]);
    assert_eq!(outcome, Outcome::EndOfInput);
    assert_eq!(app.top(), 1);
}

#[test]
fn signals_end_the_loop_or_redraw() {
    let (_, _, life, outcome) = drive(vec![
        Input::Signal(Signal::Stop),
        Input::Signal(Signal::Continue),
        Input::Signal(Signal::Terminate(15)),
    ]);
    assert_eq!(outcome, Outcome::Signal(15));
    assert_eq!((life.suspends, life.resumes), (1, 1));
    let (_, _, _, outcome) = drive(vec![Input::Signal(Signal::Hangup)]);
    assert_eq!(outcome, Outcome::Signal(1));
}

#[test]
fn ctrl_z_suspends_through_the_lifecycle() {
    let ctrl_z = Input::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    let (_, _, life, _) = drive(vec![ctrl_z]);
    assert_eq!(life.suspends, 1);
}

#[test]
fn entities_arriving_after_the_first_frame_are_drawn() {
    let doc = crate::cli::load_article(None).expect("seed");
    let found = Found::compute(0, &doc);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let mut app = App::awaiting_entities(doc, Keymap::default());
    let mut life = NoLifecycle::default();
    // The first frame, drawn before any input, says they are coming.
    feed(&mut terminal, &mut app, &mut life, vec![key('}')]);
    let waiting = screen(&terminal);
    assert!(waiting.contains("finding names"), "{waiting}");
    assert!(!app.entities_ready());
    feed(
        &mut terminal,
        &mut app,
        &mut life,
        vec![Input::Entities(Box::new(found)), key('}')],
    );
    assert!(app.entities_ready());
    assert!(!screen(&terminal).contains("finding names"));
    assert!(
        app.search
            .active
            .as_ref()
            .is_some_and(|s| !s.hits.is_empty()),
        "the mention key works once they are there"
    );
}

#[test]
fn the_search_index_is_built_ahead_only_once_the_entities_are_in() {
    let doc = crate::cli::load_article(None).expect("seed");
    let found = Found::compute(0, &doc);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let mut app = App::awaiting_entities(doc, Keymap::default());
    let mut idle = |app: &mut App, inputs: Vec<Input>| {
        feed(&mut terminal, app, &mut NoLifecycle::default(), inputs);
    };
    idle(&mut app, vec![key('j')]);
    assert!(app.search.busy(), "nothing built ahead while finding");
    idle(&mut app, vec![Input::Entities(Box::new(found))]);
    assert!(!app.search.busy(), "built ahead once they are in");
    // A search typed meanwhile is never held back.
    let mut app = App::awaiting_entities(
        crate::cli::load_article(None).expect("seed"),
        Keymap::default(),
    );
    idle(&mut app, vec![key('/'), key('t'), key('h'), key('e')]);
    assert!(app.search.active.as_ref().is_some_and(|s| s.is_complete()));
}

#[test]
fn keys_pressed_while_reading_apply_once_the_whole_is_in() {
    use crate::app::loading::Arrival;
    use crate::document::{Document, Format, load};
    let mut text = String::from("A long report\n\n");
    for i in 0..400 {
        text.push_str(&format!(
            "Paragraph {i} says the council met on Monday.\n\n"
        ));
    }
    let whole = Document::from_bytes("a.txt", text.as_bytes(), None).expect("text");
    let cut = whole.blocks.at(60).range.start;
    let source = load::decode("a.txt", &text.as_bytes()[..cut]).expect("text");
    let start = Document::parse_start(source, Format::Plain);
    let mut app = App::loading(start, Keymap::default(), Some(text.len() as u64), 0);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let whole = Input::Arrival(Box::new(Arrival::Document(Ok(std::sync::Arc::new(whole)))));
    feed(
        &mut terminal,
        &mut app,
        &mut NoLifecycle::default(),
        vec![key('G'), whole],
    );
    assert!(!app.is_loading());
    let shown = screen(&terminal);
    assert!(shown.contains("Paragraph 399 says"), "{shown}");
    assert!(
        shown.lines().last().is_some_and(|l| l.contains("100%")),
        "{shown}"
    );
}

/// Inputs from a channel, as the terminal's threads send them.
struct Channel(std::sync::mpsc::Receiver<Input>);

impl EventSource for Channel {
    fn next(&mut self) -> io::Result<Option<Input>> {
        Ok(self.0.recv().ok())
    }
    fn try_next(&mut self) -> io::Result<Option<Input>> {
        Ok(self.0.try_recv().ok())
    }
}

#[test]
fn the_loop_wakes_for_entities_from_the_background_thread() {
    let doc = std::sync::Arc::new(crate::cli::load_article(None).expect("seed"));
    let mut app = App::awaiting_entities(doc.clone(), Keymap::default());
    let (tx, rx) = std::sync::mpsc::channel();
    crate::app::arrival::find_in_background(vec![(0, doc)], move |found| {
        tx.send(Input::Entities(Box::new(found))).is_ok()
    })
    .expect("spawned");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    // The channel closes when the thread is done: the loop ends then.
    let outcome = run(
        &mut terminal,
        &mut app,
        &mut Channel(rx),
        &mut NoLifecycle::default(),
        LoopOptions::default(),
    )
    .expect("loop");
    assert_eq!(outcome, Outcome::EndOfInput);
    assert!(app.entities_ready());
    assert!(!app.entities.mentions.is_empty());
    // Numbers are underlined once found; nothing was before.
    let underlined = |terminal: &Terminal<TestBackend>| {
        let buf = terminal.backend().buffer();
        buf.content()
            .iter()
            .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
            .count()
    };
    let mut before = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let doc = crate::cli::load_article(None).expect("seed");
    let mut waiting = App::awaiting_entities(doc, Keymap::default());
    draw(&mut before, &mut waiting).expect("drawn");
    assert!(underlined(&terminal) > underlined(&before));
}

#[test]
fn mouse_and_resize_inputs_become_actions() {
    let wheel = |kind| {
        Input::Mouse(MouseEvent {
            kind,
            column: 60,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    let (_, app, _, _) = drive(vec![
        wheel(MouseEventKind::ScrollDown),
        wheel(MouseEventKind::ScrollDown),
        wheel(MouseEventKind::ScrollUp),
        wheel(MouseEventKind::Moved),
    ]);
    assert_eq!(app.top(), 3);
    // A resize redraws at the backend's own size, whatever the event
    // said (it may be stale by the time it is read).
    let (_, app, _, _) = drive(vec![Input::Resize(40, 10), Input::Resize(41, 11)]);
    assert_eq!(app.view.size, (100, 30));
}
