//! The work the session asks for (`app::Request`), done off the reader's
//! thread: a feed or a page fetched through `web` and read, the names
//! across a feed found. Each result, and the progress of a fetch, goes back
//! through a `deliver` function (the terminal layer points it at the loop's
//! input), so the reader keeps answering keys meanwhile.
//!
//! A few worker threads share one queue: a config with a hundred feeds
//! fetches [`WORKERS`] at a time, not a hundred at once. The workers end
//! when the queue is dropped or `deliver` says the reader has gone.

use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::app::arrival::Found;
use crate::app::cross::CrossIndex;
use crate::app::fetching::{Fetched, PageContent, Request, Target};
use crate::web::{Content, Want, Web};

/// Fetches at a time.
pub const WORKERS: usize = 4;

/// Where results go; false when the reader has gone.
pub type Deliver = Arc<dyn Fn(Fetched) -> bool + Send + Sync>;

/// The queue of requests and its workers.
pub struct Jobs {
    tx: Option<Sender<Request>>,
    rx: Arc<Mutex<Receiver<Request>>>,
    web: Arc<Web>,
    deliver: Deliver,
    started: usize,
}

impl Jobs {
    pub fn new(web: Web, deliver: Deliver) -> Jobs {
        let (tx, rx) = mpsc::channel();
        Jobs {
            tx: Some(tx),
            rx: Arc::new(Mutex::new(rx)),
            web: Arc::new(web),
            deliver,
            started: 0,
        }
    }

    /// Queues a request; a worker is started when fewer than [`WORKERS`]
    /// run.
    pub fn push(&mut self, request: Request) {
        let Some(tx) = &self.tx else { return };
        if tx.send(request).is_err() {
            return;
        }
        if self.started < WORKERS {
            let (rx, web, deliver) = (
                Arc::clone(&self.rx),
                Arc::clone(&self.web),
                Arc::clone(&self.deliver),
            );
            let spawned = std::thread::Builder::new()
                .name("lede-fetch".into())
                .spawn(move || worker(&rx, &web, &deliver));
            if spawned.is_ok() {
                self.started += 1;
            }
        }
    }
}

impl Drop for Jobs {
    fn drop(&mut self) {
        // The workers see the queue closed and end; none is waited for (a
        // fetch under way must not hold the reader's exit).
        self.tx = None;
    }
}

fn worker(rx: &Mutex<Receiver<Request>>, web: &Web, deliver: &Deliver) {
    loop {
        let request = {
            let Ok(rx) = rx.lock() else { return };
            match rx.recv() {
                Ok(r) => r,
                Err(_) => return,
            }
        };
        if !run(request, web, deliver.as_ref()) {
            return;
        }
    }
}

/// Does one request; false when the reader has gone.
pub fn run(request: Request, web: &Web, deliver: &dyn Fn(Fetched) -> bool) -> bool {
    match request {
        Request::Feed { feed, url } => {
            let result = open_feed(web, &url, Target::Feed(feed), deliver);
            deliver(Fetched::Feed { feed, result })
        }
        Request::Page { file, url, cancel } => {
            let start = Instant::now();
            let mut progress = |bytes: u64| {
                let millis = start.elapsed().as_millis() as u64;
                deliver(Fetched::Progress {
                    target: Target::Page(file),
                    bytes,
                    millis,
                }) && !cancel.load(Ordering::SeqCst)
            };
            // A link from a file may lead to another file.
            let opened = if crate::fetch::is_url(&url) {
                web.open(&url, Want::Page, &mut progress)
            } else {
                crate::web::open_path(&url).map(|c| (c, None))
            };
            let result = match opened {
                Ok((Content::Article(doc), _)) => {
                    let found = Found::compute(file, &doc);
                    Ok(PageContent::Article(Box::new((doc, found))))
                }
                Ok((Content::Feed(feed), _)) => Ok(PageContent::Feed(Box::new(feed))),
                Err(e) => Err(e.to_string()),
            };
            if cancel.load(Ordering::SeqCst) {
                return true;
            }
            deliver(Fetched::Page { file, result })
        }
        Request::Entities(items) => deliver(Fetched::Entities(CrossIndex::compute(&items))),
    }
}

/// Reads a feed from a URL or a file.
fn open_feed(
    web: &Web,
    source: &str,
    target: Target,
    deliver: &dyn Fn(Fetched) -> bool,
) -> Result<crate::feed::Feed, String> {
    if !crate::fetch::is_url(source) {
        let file = std::fs::File::open(source).map_err(|e| format!("{source}: {e}"))?;
        return crate::feed::read(file, source, None).map_err(|e| format!("{source}: {e}"));
    }
    let start = Instant::now();
    let mut progress = |bytes: u64| {
        deliver(Fetched::Progress {
            target,
            bytes,
            millis: start.elapsed().as_millis() as u64,
        })
    };
    match web.open(source, Want::Fresh, &mut progress) {
        Ok((Content::Feed(feed), _)) => Ok(feed),
        Ok((Content::Article(_), _)) => Err(format!("{source}: a page, not a feed")),
        Err(e) => Err(e.to_string()),
    }
}
