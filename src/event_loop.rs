//! The loop: block on input, drain what is already waiting, apply it, draw
//! once. While no input waits it does what is left in short steps, checking
//! for input between them so a key never waits for more than one step:
//! search work first (`App::search_work`: a search under way, the search
//! index built ahead), then wrapping the rest of the article
//! (`App::wrap_some`), drawing once when that is done so the percentage
//! and the scrollbar become exact.
//!
//! Generic over the ratatui backend, the source of input and the terminal's
//! lifecycle (suspend and resume), so tests drive this very loop with
//! `TestBackend` and a scripted list of inputs. The size drawn is always the
//! backend's own (`Terminal::size`), never a cached one, so a resize storm
//! cannot make a frame index outside its buffer.

use std::collections::VecDeque;
use std::io;

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::arrival::Found;
use crate::app::loading::Arrival;
use crate::app::{Action, App};
use crate::ui;

/// A signal, as the loop sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGTERM, SIGINT: restore and leave.
    Terminate(i32),
    /// SIGHUP: the terminal is gone; restore what can be, leave quietly.
    Hangup,
    /// SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl-Z does.
    Stop,
    /// SIGCONT: back from a stop; redraw everything.
    Continue,
}

/// One input.
#[derive(Debug, Clone)]
pub enum Input {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Pasted text (bracketed paste): data for the prompt, never keys.
    Paste(String),
    Signal(Signal),
    /// An article's entities, found in the background after the first
    /// frame (see `app::arrival`): one more input, so the loop that blocks
    /// on keys wakes for them too and draws them once.
    Entities(Box<Found>),
    /// What the thread reading a long article hands over (see
    /// `app::loading`): progress, the whole article, its entities.
    Arrival(Box<Arrival>),
}

impl Input {
    /// Converts a crossterm event; `None` for what lede does not use.
    pub fn from_event(event: Event) -> Option<Input> {
        match event {
            Event::Key(k) => Some(Input::Key(k)),
            Event::Mouse(m) => Some(Input::Mouse(m)),
            Event::Resize(w, h) => Some(Input::Resize(w, h)),
            Event::Paste(text) => Some(Input::Paste(text)),
            _ => None,
        }
    }
}

/// Where input comes from.
pub trait EventSource {
    /// Blocks until the next input; `None` when there will be no more.
    fn next(&mut self) -> io::Result<Option<Input>>;
    /// An input that is already waiting, without blocking.
    fn try_next(&mut self) -> io::Result<Option<Input>>;
}

/// A scripted source, for tests: the inputs, then the end.
impl EventSource for VecDeque<Input> {
    fn next(&mut self) -> io::Result<Option<Input>> {
        Ok(self.pop_front())
    }
    fn try_next(&mut self) -> io::Result<Option<Input>> {
        Ok(self.pop_front())
    }
}

/// What the loop needs from the terminal beyond drawing.
pub trait Lifecycle {
    /// Gives the terminal back to the shell, stops the process, and takes
    /// the terminal again once continued.
    fn suspend(&mut self) -> io::Result<()>;
    /// Takes the terminal again after an outside stop and continue.
    fn resume(&mut self) -> io::Result<()>;
}

/// A lifecycle that does nothing, for `TestBackend`; counts the calls.
#[derive(Debug, Default)]
pub struct NoLifecycle {
    pub suspends: usize,
    pub resumes: usize,
}

impl Lifecycle for NoLifecycle {
    fn suspend(&mut self) -> io::Result<()> {
        self.suspends += 1;
        Ok(())
    }
    fn resume(&mut self) -> io::Result<()> {
        self.resumes += 1;
        Ok(())
    }
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The reader quit.
    Quit,
    /// A signal ended it; the exit status is 128 + its number.
    Signal(i32),
    /// The input ran out (a script's end, or a closed terminal).
    EndOfInput,
}

/// Options of the loop.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoopOptions {
    /// Panic right after the first frame: lets end-to-end tests check that
    /// a panic restores the terminal (`LEDE_TEST_PANIC=1`).
    pub panic_after_first_frame: bool,
}

/// What one input asks of the loop.
enum Step {
    Nothing,
    Redraw,
    FullRedraw,
    Suspend,
    Exit(Outcome),
}

/// Runs the reader until it quits, a signal ends it or input runs out.
pub fn run<B, E, L>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut E,
    lifecycle: &mut L,
    options: LoopOptions,
) -> io::Result<Outcome>
where
    B: Backend,
    E: EventSource,
    L: Lifecycle,
{
    draw(terminal, app)?;
    if options.panic_after_first_frame {
        panic!("LEDE_TEST_PANIC is set: panicking after the first frame, as asked");
    }
    loop {
        let Some(first) = next_input(terminal, app, events)? else {
            return Ok(Outcome::EndOfInput);
        };
        let mut redraw = false;
        let mut full = false;
        let mut input = Some(first);
        while let Some(current) = input {
            // Asked before this input is handled: keys already waiting
            // behind it make a prompt edit wait for the last of them.
            let next = events.try_next()?;
            app.search.typeahead = next.is_some();
            match step(app, current) {
                Step::Nothing => {}
                Step::Redraw => redraw = true,
                Step::FullRedraw => {
                    lifecycle.resume()?;
                    full = true;
                }
                Step::Suspend => {
                    lifecycle.suspend()?;
                    full = true;
                }
                Step::Exit(outcome) => return Ok(outcome),
            }
            if app.view.quit {
                return Ok(Outcome::Quit);
            }
            input = next;
        }
        app.settle_typeahead();
        if full {
            // `Terminal::clear` asks the terminal where its cursor is, a
            // query whose answer the input thread would swallow; a resize
            // to the same area clears and forces a full redraw without it.
            let size = terminal.size().map_err(backend_error)?;
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
                .map_err(backend_error)?;
        }
        if redraw || full {
            draw(terminal, app)?;
        }
    }
}

/// The next input: wraps the article in small steps while none waits, then
/// blocks for one.
fn next_input<B: Backend, E: EventSource>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut E,
) -> io::Result<Option<Input>> {
    let mut wrapped = false;
    loop {
        if let Some(input) = events.try_next()? {
            return Ok(Some(input));
        }
        if app.search.busy() && search_work_due(app) {
            if app.search_work() {
                draw(terminal, app)?;
            }
            continue;
        }
        if !app.wrap_some() {
            break;
        }
        wrapped = true;
    }
    if wrapped {
        // The numbers the status line and scrollbar show are now exact.
        draw(terminal, app)?;
    }
    events.next()
}

/// True when the idle steps should do search work: always for a search
/// the reader is typing or running; the index built ahead (a folded copy
/// of the whole text) only once the entities are in, so that copy and
/// the background thread's working memory are never held at once (5 MB
/// of Markdown: 5 MB off the peak). A search started meanwhile builds
/// what it needs itself.
fn search_work_due(app: &App) -> bool {
    let searching =
        app.search.prompt.is_some() || app.search.active.as_ref().is_some_and(|s| !s.is_complete());
    searching || app.entities_ready()
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()> {
    let size = terminal.size().map_err(backend_error)?;
    if (size.width, size.height) != app.view.size {
        app.update(Action::Resize(size.width, size.height));
    }
    terminal
        .draw(|frame| ui::draw(frame, app))
        .map_err(backend_error)?;
    Ok(())
}

/// Backends have their own error types; the loop speaks `io::Error`.
fn backend_error<E: std::fmt::Display>(err: E) -> io::Error {
    io::Error::other(err.to_string())
}

fn step(app: &mut App, input: Input) -> Step {
    let action = match input {
        Input::Key(key) if key.kind == KeyEventKind::Release => None,
        Input::Key(key) => app.action_for_key(&key),
        Input::Paste(text) => {
            app.paste(&text);
            return Step::Redraw;
        }
        Input::Mouse(mouse) => mouse_action(&mouse),
        // The size is taken from the backend when the frame is drawn, so a
        // storm of resizes re-wraps once, for the size that stuck.
        Input::Resize(..) => return Step::Redraw,
        Input::Signal(Signal::Terminate(n)) => return Step::Exit(Outcome::Signal(n)),
        Input::Signal(Signal::Hangup) => return Step::Exit(Outcome::Signal(1)),
        Input::Signal(Signal::Stop) => return Step::Suspend,
        Input::Signal(Signal::Continue) => return Step::FullRedraw,
        Input::Entities(found) => {
            app.receive(*found);
            return Step::Redraw;
        }
        Input::Arrival(arrival) => {
            app.arrive(*arrival);
            return Step::Redraw;
        }
    };
    match action {
        None => Step::Nothing,
        Some(Action::Suspend) => Step::Suspend,
        Some(action) => {
            app.update(action);
            Step::Redraw
        }
    }
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::MouseScroll {
            column,
            row,
            lines: 1,
        }),
        MouseEventKind::ScrollUp => Some(Action::MouseScroll {
            column,
            row,
            lines: -1,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
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
        let mut events: VecDeque<Input> = inputs.into();
        let outcome = run(
            &mut terminal,
            &mut app,
            &mut events,
            &mut life,
            LoopOptions::default(),
        )
        .expect("loop");
        (terminal, app, life, outcome)
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
        assert_eq!(app.view.top, app.cache().section_line(1).expect("shown"));
    }

    #[test]
    fn a_paste_is_typed_into_the_prompt_never_run_as_keys() {
        let (_, app, _, outcome) = drive(vec![Input::Paste("q".into())]);
        assert_eq!(outcome, Outcome::EndOfInput, "q pasted is not quit");
        assert!(app.search.prompt.is_none());
        let (terminal, app, _, _) =
            drive(vec![key('/'), Input::Paste("Cavu\x1b[2Jsoglu\n".into())]);
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
            let mut events: VecDeque<Input> = vec![k].into();
            run(
                &mut terminal,
                &mut typed,
                &mut events,
                &mut NoLifecycle::default(),
                LoopOptions::default(),
            )
            .expect("loop");
        }
        assert_eq!(typed.search.started, 4);
        assert_eq!(typed.view.top, app.view.top);
        assert_eq!(typed.search.label(), app.search.label());
        assert!(app.search.label().is_some(), "the burst found its hits");
    }

    #[test]
    fn the_end_of_input_ends_the_loop() {
        let (_, app, _, outcome) = drive(vec![key('j')]);
        assert_eq!(outcome, Outcome::EndOfInput);
        assert_eq!(app.view.top, 1);
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
        let mut events: VecDeque<Input> = vec![key('}')].into();
        run(
            &mut terminal,
            &mut app,
            &mut events,
            &mut life,
            LoopOptions::default(),
        )
        .expect("loop");
        let waiting = screen(&terminal);
        assert!(waiting.contains("finding names"), "{waiting}");
        assert!(!app.entities_ready());
        let mut events: VecDeque<Input> = vec![Input::Entities(Box::new(found)), key('}')].into();
        run(
            &mut terminal,
            &mut app,
            &mut events,
            &mut life,
            LoopOptions::default(),
        )
        .expect("loop");
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
            let mut events: VecDeque<Input> = inputs.into();
            run(
                &mut terminal,
                app,
                &mut events,
                &mut NoLifecycle::default(),
                LoopOptions::default(),
            )
            .expect("loop");
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
        let cut = whole.blocks[60].range.start;
        let source = load::decode("a.txt", &text.as_bytes()[..cut]).expect("text");
        let start = Document::parse_start(source, Format::Plain);
        let mut app = App::loading(start, Keymap::default(), text.len() as u64, 0);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
        let whole = Input::Arrival(Box::new(Arrival::Document(Ok(std::sync::Arc::new(whole)))));
        let mut events: VecDeque<Input> = vec![key('G'), whole].into();
        run(
            &mut terminal,
            &mut app,
            &mut events,
            &mut NoLifecycle::default(),
            LoopOptions::default(),
        )
        .expect("loop");
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
        assert_eq!(app.view.top, 3);
        // A resize redraws at the backend's own size, whatever the event
        // said (it may be stale by the time it is read).
        let (_, app, _, _) = drive(vec![Input::Resize(40, 10), Input::Resize(41, 11)]);
        assert_eq!(app.view.size, (100, 30));
    }
}
