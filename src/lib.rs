//! lede: a terminal reader for news articles.
//!
//! The crate is one library with a thin binary (`src/main.rs`) wired onto it,
//! so every layer is reachable from tests and benches. Model layers
//! (`document`, `extract`, `gazetteer`, `fold`, `search`, `sanitize`, `layout`) never
//! import ratatui or crossterm; they speak in byte ranges into one owned text.
//! On top of them: `app` (state and actions), `keymap` (keys as data), `ui`
//! (drawing), `event_loop` (the loop, generic over backend and input), `term`
//! (the real terminal), `print` (print mode, plain or with ANSI styles),
//! `json` (`--json`), `config` (the config file) and `state` (remembered
//! places).

pub mod app;
pub mod cache;
pub mod cli;
pub mod config;
pub mod document;
pub mod event_loop;
pub mod extract;
pub mod feed;
pub mod fetch;
pub mod fold;
pub mod gazetteer;
pub mod jobs;
pub mod json;
pub mod keymap;
pub mod layout;
pub mod print;
pub mod read_marks;
pub mod sanitize;
pub mod search;
pub mod state;
pub mod term;
pub mod ui;
pub mod web;

/// Generated news for the tests (benchmarks and examples include the same
/// file); it names formats `Format`.
/// A loopback HTTP server for the tests (the integration tests include the
/// same file).
#[cfg(test)]
#[path = "../tests/support/http_server.rs"]
mod http_server;
#[cfg(test)]
#[path = "../benches/support/sample.rs"]
mod sample;
#[cfg(test)]
use document::Format;
#[cfg(test)]
mod sample_tests;
