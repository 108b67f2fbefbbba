//! The real terminal: taking it, giving it back on every way out, and the
//! threads that turn key presses and signals into the loop's input.
//!
//! Taking the terminal means raw mode, the alternate screen and mouse
//! capture; giving it back undoes all three and shows the cursor. It is
//! given back on quit, on error, on panic (a hook installed before the
//! terminal is taken restores first, then reports, so the message is
//! readable), on SIGTERM, SIGINT and SIGHUP (routed into the loop by
//! `signal-hook`), and around Ctrl-Z or an outside SIGTSTP (restore, stop,
//! and on SIGCONT take it again and redraw in full).
//!
//! Keys come from crossterm, which reads `/dev/tty` when standard input is
//! a pipe, so `cat article | lede -` works.

use std::io::{self, Write};
use std::sync::Once;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;
use std::time::Duration;

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::{App, arrival, loading};
use crate::document::start::Rest;
use crate::event_loop::{self, EventSource, Input, Lifecycle, LoopOptions, Outcome, Signal};

/// Takes the terminal: raw mode, alternate screen, mouse capture, bracketed
/// paste (a paste arrives as one piece of data, never as keys).
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Gives the terminal back. Every step is tried even if one fails (the
/// terminal may be gone); the first error is returned.
pub fn leave() -> io::Result<()> {
    let mut out = io::stdout();
    let steps = [
        execute!(out, DisableBracketedPaste),
        execute!(out, DisableMouseCapture),
        execute!(out, LeaveAlternateScreen),
        execute!(out, Show),
        disable_raw_mode(),
        out.flush(),
    ];
    steps
        .into_iter()
        .collect::<io::Result<Vec<()>>>()
        .map(|_| ())
}

/// Installs, once, a panic hook that gives the terminal back before the
/// usual report is printed.
pub fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = leave();
            previous(info);
        }));
    });
}

/// The real terminal's suspend and resume.
struct Tty;

impl Lifecycle for Tty {
    fn suspend(&mut self) -> io::Result<()> {
        leave()?;
        // SIGTSTP is routed to the loop, so raising it would only come back
        // here; the default action of a stop signal is SIGSTOP.
        signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
        enter()
    }

    fn resume(&mut self) -> io::Result<()> {
        enter()
    }
}

/// Key presses, signals, entities found in the background and the whole of
/// an article shown from its start, each on its own thread, merged into
/// one channel the loop blocks on.
struct TtyEvents {
    rx: Receiver<io::Result<Input>>,
    /// Articles whose entities are to be found, and where to send them:
    /// started when the loop first asks for input, that is once the first
    /// frame is drawn, so that frame has both cores to itself.
    pending: Option<(arrival::Jobs, Sender<io::Result<Input>>)>,
    /// The article (by number) whose whole is to be read, started with
    /// the entity jobs.
    load: Option<(usize, Rest)>,
}

impl TtyEvents {
    fn start(jobs: arrival::Jobs, load: Option<(usize, Rest)>) -> io::Result<TtyEvents> {
        let (tx, rx) = mpsc::channel();
        let pending = Some((jobs, tx.clone()));
        let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT])?;
        let signal_tx = tx.clone();
        // crossterm starts listening for SIGWINCH when its event source is
        // first used. Left to the input thread, that can come after the
        // first frame, and a resize in between would be lost: the reader
        // would stay drawn for a size the terminal no longer has.
        crossterm::event::poll(Duration::ZERO)?;
        thread::Builder::new()
            .name("lede-signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    let input = match signal {
                        SIGHUP => Signal::Hangup,
                        SIGTSTP => Signal::Stop,
                        SIGCONT => Signal::Continue,
                        n => Signal::Terminate(n),
                    };
                    if signal_tx.send(Ok(Input::Signal(input))).is_err() {
                        break;
                    }
                }
            })?;
        thread::Builder::new()
            .name("lede-input".into())
            .spawn(move || {
                loop {
                    match crossterm::event::read() {
                        Ok(event) => {
                            if let Some(input) = Input::from_event(event)
                                && tx.send(Ok(input)).is_err()
                            {
                                break;
                            }
                        }
                        Err(err) => {
                            let _ = tx.send(Err(err));
                            break;
                        }
                    }
                }
            })?;
        Ok(TtyEvents { rx, pending, load })
    }

    fn start_finding(&mut self) -> io::Result<()> {
        if let Some((jobs, tx)) = self.pending.take() {
            if let Some((file, rest)) = self.load.take() {
                let tx = tx.clone();
                loading::load_in_background(file, rest, move |arrival| {
                    tx.send(Ok(Input::Arrival(Box::new(arrival)))).is_ok()
                })?;
            }
            arrival::find_in_background(jobs, move |found| {
                tx.send(Ok(Input::Entities(Box::new(found)))).is_ok()
            })?;
        }
        Ok(())
    }
}

impl EventSource for TtyEvents {
    fn next(&mut self) -> io::Result<Option<Input>> {
        self.start_finding()?;
        self.rx.recv().map_or(Ok(None), |r| r.map(Some))
    }

    fn try_next(&mut self) -> io::Result<Option<Input>> {
        self.start_finding()?;
        match self.rx.try_recv() {
            Ok(r) => r.map(Some),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => Ok(None),
        }
    }
}

/// Runs the reader on the terminal and gives the terminal back on every
/// way out of it.
///
/// `jobs` are the open articles (by number) whose entities are still to be
/// found; they are found on a thread of their own, started after the first
/// frame, and arrive as input. `load` is the article (by number) shown
/// from its start, whose whole is read on another thread started then too.
pub fn run(
    app: &mut App,
    options: LoopOptions,
    jobs: arrival::Jobs,
    load: Option<(usize, Rest)>,
) -> io::Result<Outcome> {
    install_panic_hook();
    // Signals are routed before the terminal is taken, so a SIGTERM that
    // arrives during start-up still finds the restore path.
    let mut events = TtyEvents::start(jobs, load)?;
    if let Err(err) = enter() {
        let _ = leave();
        return Err(err);
    }
    let result = Terminal::new(CrosstermBackend::new(io::stdout())).and_then(|mut terminal| {
        event_loop::run(&mut terminal, app, &mut events, &mut Tty, options)
    });
    let restored = leave();
    match (result, restored) {
        // After SIGHUP the terminal is gone and restoring it fails: that is
        // expected, not worth a message.
        (Ok(Outcome::Signal(n)), _) => Ok(Outcome::Signal(n)),
        (Ok(outcome), Ok(())) => Ok(outcome),
        (Ok(_), Err(err)) | (Err(err), _) => Err(err),
    }
}
