//! The loop: block on input, drain what is already waiting, hand each to
//! the app as a message (`App::update`), draw once. While no input waits it
//! sends `Msg::Idle`, one short step of what is left at a time (search
//! work, then wrapping the rest of the article), checking for input between
//! them so a key never waits for more than one step, and draws once the
//! wrapping is done so the percentage and the scrollbar become exact.
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
use crate::app::{Action, App, Effect, Fetched, Msg, Request};
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
    /// What a fetch or a feed-wide job brought back (see `app::fetching`).
    Fetched(Box<Fetched>),
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
    /// Work the app asks for (a fetch, the names across a feed): done
    /// elsewhere, its results come back as input. A scripted source drops
    /// it; tests that want it take it from the app.
    fn request(&mut self, _request: Request) {}
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
    hand_on_requests(app, events);
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
            app.update(Msg::KeysWaiting(next.is_some()));
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
            if app.quit_requested() {
                return Ok(Outcome::Quit);
            }
            input = next;
        }
        app.update(Msg::KeysDone);
        hand_on_requests(app, events);
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
        match app.update(Msg::Idle) {
            Effect::Redraw => draw(terminal, app)?,
            Effect::Nothing => {}
            Effect::Wrapped => wrapped = true,
            Effect::Idle => break,
        }
    }
    if wrapped {
        // The numbers the status line and scrollbar show are now exact.
        draw(terminal, app)?;
    }
    events.next()
}

/// Hands the work the app asked for to the event source.
fn hand_on_requests<E: EventSource>(app: &mut App, events: &mut E) {
    for request in app.take_requests() {
        events.request(request);
    }
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
            app.update(Msg::Paste(text));
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
            app.update(Msg::Entities(found));
            return Step::Redraw;
        }
        Input::Arrival(arrival) => {
            app.update(Msg::Arrival(arrival));
            return Step::Redraw;
        }
        Input::Fetched(fetched) => {
            app.update(Msg::Fetched(fetched));
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
mod tests;
