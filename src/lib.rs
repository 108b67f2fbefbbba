//! lede: a terminal reader for news articles.
//!
//! The crate is one library with a thin binary (`src/main.rs`) wired onto it,
//! so every layer is reachable from tests and benches. Model layers
//! (`document`, `extract`, `gazetteer`, `search`, `sanitize`) never import
//! ratatui or crossterm; they speak in byte ranges into one owned text.

pub mod cli;
pub mod document;
pub mod extract;
pub mod gazetteer;
pub mod sanitize;
