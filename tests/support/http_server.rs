//! A loopback HTTP/1.1 server for tests: it listens on 127.0.0.1 at a port
//! the OS picks, answers each request with what a route function returns,
//! logs the requests, and stops when dropped. Nothing leaves the machine.
//! Bounded: at most `MAX_CONNECTIONS` connections, each read with a
//! timeout, and the accept loop ends at drop.
//!
//! Used by the unit tests (`src/fetch`, `src/web`) and the integration and
//! end-to-end tests (included by path).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

const MAX_CONNECTIONS: usize = 2000;

/// What the server answers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering (a slow server).
    pub delay: Duration,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: format!("status {status}").into_bytes(),
            delay: Duration::ZERO,
        }
    }

    pub fn redirect(to: &str) -> Reply {
        let mut reply = Reply::status(302);
        reply.headers.push(("Location".into(), to.into()));
        reply
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Route = dyn Fn(&Request) -> Reply + Send + Sync;

pub struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
    log: Arc<Mutex<Vec<Request>>>,
    accept: Option<thread::JoinHandle<()>>,
}

impl Server {
    /// Starts a server answering with `route`.
    pub fn start(route: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("address").port();
        let stop = Arc::new(AtomicBool::new(false));
        let log = Arc::new(Mutex::new(Vec::new()));
        let route: Arc<Route> = Arc::new(route);
        let accept = {
            let (stop, log) = (stop.clone(), log.clone());
            thread::spawn(move || {
                for stream in listener.incoming().take(MAX_CONNECTIONS) {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (route, log, stop) = (route.clone(), log.clone(), stop.clone());
                    thread::spawn(move || serve(stream, &*route, &log, &stop));
                }
            })
        };
        Server {
            port,
            stop,
            log,
            accept: Some(accept),
        }
    }

    /// A server that serves fixed bodies by path (404 for the rest).
    pub fn files(files: Vec<(&'static str, &'static str, Vec<u8>)>) -> Server {
        Server::start(move |req| {
            files
                .iter()
                .find(|(path, _, _)| *path == req.path)
                .map(|(_, kind, body)| Reply::ok(kind, body.clone()))
                .unwrap_or_else(|| Reply::status(404))
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The requests served so far.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(handle) = self.accept.take() {
            let _ = handle.join();
        }
    }
}

fn serve(stream: TcpStream, route: &Route, log: &Mutex<Vec<Request>>, stop: &AtomicBool) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let Ok(clone) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(clone);
    // Keep-alive: several requests on one connection, bounded.
    for _ in 0..100 {
        let mut line = String::new();
        match reader.by_ref().take(8192).read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut headers = Vec::new();
        for _ in 0..200 {
            let mut h = String::new();
            if reader.by_ref().take(8192).read_line(&mut h).is_err() {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let request = Request { path, headers };
        if let Ok(mut l) = log.lock() {
            l.push(request.clone());
        }
        let reply = route(&request);
        if !reply.delay.is_zero() {
            // Slept in short steps so a dropped server stops soon.
            let mut left = reply.delay;
            while !left.is_zero() && !stop.load(Ordering::SeqCst) {
                let step = left.min(Duration::from_millis(50));
                thread::sleep(step);
                left -= step;
            }
        }
        let mut head = format!("HTTP/1.1 {} X\r\n", reply.status);
        for (k, v) in &reply.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", reply.body.len()));
        let mut out = &stream;
        if out.write_all(head.as_bytes()).is_err() || out.write_all(&reply.body).is_err() {
            return;
        }
        let _ = out.flush();
    }
    let _ = stream.shutdown(Shutdown::Both);
}
