//! The links of an article and following them: the numbered list the link
//! view shows (`L`), where a link leads (resolved against the article's
//! address: a web address, or the folder of the file it was read from),
//! and what the reader asks the session for (open a link, go back).
//!
//! Only `http`, `https` and local files are followed; `javascript:`,
//! `data:`, `mailto:` and every other scheme are listed but never opened.
//! No I/O here: the session turns a followed link into a fetch request.

use std::path::Path;

use crate::document::{Document, InlineKind};
use crate::fetch;

/// How many articles `Backspace` can go back through; older ones are
/// dropped (each holds its whole document).
pub const BACK_DEPTH: usize = 32;

/// One link of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Its text, on one line (an image link's alt text, or its target).
    pub text: String,
    /// Where it points, as the article gives it.
    pub target: String,
    /// Where its text starts in the article.
    pub at: usize,
}

/// What the reader asks the session to do about links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkAsk {
    /// Open this link (resolved: a web address or a path) as a new
    /// article; `text` names it while it comes.
    Open { to: String, text: String },
    /// Back to the article the shown one was opened from.
    Back,
}

/// The article's links in reading order, without links to a place in the
/// article itself (`#notes`).
pub fn links(doc: &Document) -> Vec<Link> {
    let mut out = Vec::new();
    for block in doc.blocks.iter() {
        for inline in doc.inlines(&block) {
            let InlineKind::Link { target } = &inline.kind else {
                continue;
            };
            let target = target.trim();
            if target.is_empty() || target.starts_with('#') {
                continue;
            }
            let text = doc
                .text
                .get(inline.range.clone())
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Link {
                text: if text.is_empty() {
                    target.to_string()
                } else {
                    text
                },
                target: target.to_string(),
                at: inline.range.start,
            });
        }
    }
    out
}

/// The first link at or after text offset `at` (the cursor line's), else
/// the last one before it.
pub fn first_from(links: &[Link], at: usize) -> usize {
    links
        .iter()
        .position(|l| l.at >= at)
        .unwrap_or(links.len().saturating_sub(1))
}

/// Where `target`, a link in the article named `base` (its address or its
/// file's path), leads: a web address or a local path, or why it is not
/// followed.
pub fn resolve(target: &str, base: &str) -> Result<String, String> {
    let target = target.trim();
    if target.is_empty() || target.starts_with('#') {
        return Err(format!("{target}: a place in this article"));
    }
    let scheme = scheme_of(target);
    match scheme.as_deref() {
        Some("http" | "https") => return fetch::check_url(target).map_err(|e| e.to_string()),
        Some("file") => {
            return url::Url::parse(target)
                .ok()
                .and_then(|u| u.to_file_path().ok())
                .map(|p| p.display().to_string())
                .ok_or_else(|| format!("{target}: not a local file"));
        }
        Some(other) => return Err(format!("{other}: links are not followed")),
        None => {}
    }
    if fetch::is_url(base) {
        let joined = url::Url::parse(base)
            .and_then(|b| b.join(target))
            .map_err(|e| format!("{target}: {e}"))?;
        return resolve(joined.as_str(), "");
    }
    // A file's link: relative to its folder, without a place in it.
    let path = target.split(['#', '?']).next().unwrap_or(target);
    if path.is_empty() {
        return Err(format!("{target}: a place in this article"));
    }
    let path = percent_decoded(path);
    let folder = Path::new(base).parent().unwrap_or(Path::new(""));
    Ok(folder.join(path).display().to_string())
}

/// The scheme of an absolute reference, lower case (`https`, `mailto`).
fn scheme_of(target: &str) -> Option<String> {
    let colon = target.find(':')?;
    let scheme = &target[..colon];
    // `C:\x` and `./a:b` are paths, not schemes.
    let valid = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// `a%20b.md` as `a b.md` (a relative link's path is URL-encoded); bytes
/// that do not decode to UTF-8 leave it as written.
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn links_are_listed_in_reading_order_without_in_page_ones() {
        let doc = Document::from_bytes(
            "notes.md",
            b"# Harbour\n\nSee [the port's notice](https://port.example/notice) and\n[the  old\nreport](old/report.md).\n\n[Back to top](#harbour) ![map](map.png)\n",
            Some(Format::Markdown),
        )
        .expect("parsed");
        let got = links(&doc);
        let shown: Vec<(&str, &str)> = got
            .iter()
            .map(|l| (l.text.as_str(), l.target.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("the port's notice", "https://port.example/notice"),
                ("the old report", "old/report.md"),
            ]
        );
        assert!(got[0].at < got[1].at);
        assert_eq!(first_from(&got, got[0].at + 1), 1);
        assert_eq!(first_from(&got, usize::MAX), 1);
        assert_eq!(first_from(&[], 0), 0);
    }

    #[test]
    fn links_resolve_against_the_article_address_or_its_folder() {
        let page = "https://news.example/world/story.html";
        let cases = [
            ("https://a.example/x", page, Ok("https://a.example/x")),
            (
                "other.html",
                page,
                Ok("https://news.example/world/other.html"),
            ),
            (
                "/top.html#part",
                page,
                Ok("https://news.example/top.html#part"),
            ),
            ("//cdn.example/p", page, Ok("https://cdn.example/p")),
            (
                "old/report.md",
                "/home/ana/notes/harbour.md",
                Ok("/home/ana/notes/old/report.md"),
            ),
            ("a%20b.md#x", "notes/harbour.md", Ok("notes/a b.md")),
            ("report.md", "harbour.md", Ok("report.md")),
            ("file:///tmp/x.md", "harbour.md", Ok("/tmp/x.md")),
        ];
        for (target, base, want) in cases {
            assert_eq!(
                resolve(target, base).as_deref(),
                want.map_err(|_: ()| String::new()).as_deref(),
                "{target} on {base}"
            );
        }
    }

    #[test]
    fn script_data_and_mail_links_are_never_followed() {
        for target in [
            "javascript:alert(1)",
            "JavaScript:void(0)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "mailto:desk@news.example",
            "ftp://files.example/x",
            "#notes",
        ] {
            for base in ["https://news.example/a.html", "notes/harbour.md"] {
                let got = resolve(target, base);
                assert!(got.is_err(), "{target} on {base}: {got:?}");
            }
        }
    }
}
