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
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::sync::{Arc, Mutex, Once};
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

/// Standard output for frames: a frame is gathered whole and written with
/// one call when ratatui flushes it, not in the 1 KB pieces of the standard
/// line buffer (twenty writes, and twenty wake-ups of the terminal, for a
/// 200x60 frame). What is unflushed when the writer is dropped (a panic in
/// the middle of a frame) is thrown away: after the terminal is given back,
/// half a frame must not be printed on the user's screen.
struct FrameWriter<W: Write> {
    out: W,
    frame: Vec<u8>,
}

impl<W: Write> FrameWriter<W> {
    fn new(out: W) -> Self {
        Self {
            out,
            frame: Vec::with_capacity(1 << 16),
        }
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let written = self.out.write_all(&self.frame);
        self.frame.clear();
        written.and_then(|()| self.out.flush())
    }
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

/// How long background work waits after the first frame is written: the
/// terminal still has to read, parse and paint that frame, and on a
/// machine of two cores a thread reading a long article (and the loop
/// wrapping ahead) would take the time it needs. Measured through a
/// pseudo-terminal on 5 MB of Markdown: the frame was seen 1.8-2.4 ms
/// after it was written with the work started at once, 0.1 ms with it
/// started after this pause. An input ends the pause: it is handled at
/// once, and what it asks may need the whole article.
const FIRST_FRAME_SETTLE: Duration = Duration::from_millis(10);

/// Key presses, signals, entities found in the background and the whole of
/// an article shown from its start, each on its own thread, merged into
/// one channel the loop blocks on.
struct TtyEvents {
    rx: Receiver<io::Result<Input>>,
    /// Articles whose entities are to be found, and where to send them:
    /// started once the first frame is drawn and the terminal has had
    /// [`FIRST_FRAME_SETTLE`] to show it, so that frame has the machine
    /// to itself.
    pending: Option<(arrival::Jobs, Sender<io::Result<Input>>)>,
    /// The article (by number) whose whole is to be read, started with
    /// the entity jobs.
    load: Option<(usize, Rest)>,
    /// Fetches and feed-wide work the app asks for (none without `Web`).
    fetches: Option<crate::jobs::Jobs>,
}

impl TtyEvents {
    fn start(
        jobs: arrival::Jobs,
        load: Option<(usize, Rest)>,
        web: Option<crate::web::Web>,
    ) -> io::Result<TtyEvents> {
        let (tx, rx) = mpsc::channel();
        let pending = Some((jobs, tx.clone()));
        let fetches = web.map(|web| {
            let tx = Mutex::new(tx.clone());
            let deliver: crate::jobs::Deliver = Arc::new(move |fetched| {
                tx.lock()
                    .is_ok_and(|tx| tx.send(Ok(Input::Fetched(Box::new(fetched)))).is_ok())
            });
            crate::jobs::Jobs::new(web, deliver)
        });
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
        Ok(TtyEvents {
            rx,
            pending,
            load,
            fetches,
        })
    }

    /// Called first right after the first frame: waits for the frame to
    /// settle (or for an input, returned), then starts the background
    /// work, once.
    fn settle(&mut self) -> io::Result<Option<Input>> {
        let Some((jobs, _)) = &self.pending else {
            return Ok(None);
        };
        let mut first = None;
        if !jobs.is_empty() || self.load.is_some() {
            match self.rx.recv_timeout(FIRST_FRAME_SETTLE) {
                Ok(input) => first = Some(input),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
            }
        }
        self.start_finding()?;
        first.transpose()
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
        if let Some(input) = self.settle()? {
            return Ok(Some(input));
        }
        self.rx.recv().map_or(Ok(None), |r| r.map(Some))
    }

    fn try_next(&mut self) -> io::Result<Option<Input>> {
        if let Some(input) = self.settle()? {
            return Ok(Some(input));
        }
        match self.rx.try_recv() {
            Ok(r) => r.map(Some),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => Ok(None),
        }
    }

    fn request(&mut self, request: crate::app::Request) {
        if let Some(fetches) = self.fetches.as_mut() {
            fetches.push(request);
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
    web: Option<crate::web::Web>,
) -> io::Result<Outcome> {
    install_panic_hook();
    // Signals are routed before the terminal is taken, so a SIGTERM that
    // arrives during start-up still finds the restore path.
    let mut events = TtyEvents::start(jobs, load, web)?;
    if let Err(err) = enter() {
        let _ = leave();
        return Err(err);
    }
    let frames = FrameWriter::new(io::stdout());
    let result = Terminal::new(CrosstermBackend::new(frames)).and_then(|mut terminal| {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Records each call the frame writer makes on what it wraps.
    #[derive(Default)]
    struct Calls {
        writes: Vec<Vec<u8>>,
        flushes: usize,
    }

    impl Write for &mut Calls {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.writes.push(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            self.flushes += 1;
            Ok(())
        }
    }

    fn events(jobs: arrival::Jobs) -> (TtyEvents, Sender<io::Result<Input>>) {
        let (tx, rx) = mpsc::channel();
        let events = TtyEvents {
            rx,
            pending: Some((jobs, tx.clone())),
            load: None,
            fetches: None,
        };
        (events, tx)
    }

    fn key() -> Input {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        Input::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE))
    }

    fn seed_job() -> arrival::Jobs {
        let doc = std::sync::Arc::new(crate::cli::load_article(None).expect("seed"));
        vec![(0, doc)]
    }

    #[test]
    fn the_work_starts_once_the_first_frame_has_settled() {
        let (mut events, tx) = events(seed_job());
        assert!(events.try_next().expect("read").is_none());
        assert!(events.pending.is_none(), "started");
        drop(tx);
        let found = events.next().expect("read");
        assert!(matches!(found, Some(Input::Entities(_))), "{found:?}");
    }

    #[test]
    fn a_key_pressed_while_the_first_frame_settles_comes_first_and_starts_the_work() {
        let (mut events, tx) = events(seed_job());
        tx.send(Ok(key())).expect("sent");
        let first = events.try_next().expect("read");
        assert!(matches!(first, Some(Input::Key(_))), "{first:?}");
        assert!(events.pending.is_none(), "started");
        drop(tx);
        let found = events.next().expect("read");
        assert!(matches!(found, Some(Input::Entities(_))), "{found:?}");
    }

    #[test]
    fn a_frame_is_written_in_one_piece_when_flushed() {
        let mut calls = Calls::default();
        let mut frames = FrameWriter::new(&mut calls);
        for row in 0..60 {
            write!(frames, "\x1b[{row};1H{}", "x".repeat(200)).expect("buffered");
        }
        frames.flush().expect("flushed");
        write!(frames, "\x1b[1;1Hy").expect("buffered");
        frames.flush().expect("flushed");
        drop(frames);
        assert_eq!(calls.writes.len(), 2, "one write per frame");
        assert!(calls.writes[0].len() > 60 * 200);
        assert_eq!(calls.writes[1], b"\x1b[1;1Hy");
        assert_eq!(calls.flushes, 2);
    }

    #[test]
    fn an_unfinished_frame_is_never_written() {
        let mut calls = Calls::default();
        let mut frames = FrameWriter::new(&mut calls);
        write!(frames, "half a frame").expect("buffered");
        drop(frames);
        assert!(calls.writes.is_empty());
    }
}
