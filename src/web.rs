//! Reading what a web address names: the network ([`fetch`]) and the page
//! cache ([`cache`]) together, then the bytes read as an article or a feed.
//!
//! Policy: online, a kept copy is sent its validators and a 304 serves it;
//! a page (not a feed) fetched less than [`PAGE_FRESH`] ago is served from
//! the cache without asking; when the network fails (no host, refused,
//! timeout, TLS) a kept copy is served with a note saying so. Offline
//! (`--offline`) only the cache is read, and a missing copy is an error
//! that says so. What comes back is read by the same adapters as a file:
//! HTML through the page adapter (`Document::from_html`, with the charset
//! from `Content-Type` and the final URL for relative links), a feed
//! through `feed`, anything else as text. No terminal here.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::cache::Cache;
use crate::document::{Document, LoadError};
use crate::feed::{self, Feed, FeedError, Item};
use crate::fetch::{self, FetchError, Fetched, Fetcher, Page, Problem, Validators};

/// A page fetched this recently is read from the cache without asking the
/// server: articles rarely change, and reopening one should be instant.
pub const PAGE_FRESH: Duration = Duration::from_secs(6 * 3600);

/// The network and the cache, as the command line set them.
#[derive(Debug, Clone)]
pub struct Web {
    pub fetcher: Fetcher,
    pub cache: Cache,
    /// `--offline`: the cache only.
    pub offline: bool,
}

/// A page got, and how.
#[derive(Debug, Clone)]
pub struct Got {
    pub page: Page,
    /// Said when the page is a kept copy served instead of a fresh one
    /// (offline, or the network failed).
    pub note: Option<String>,
}

/// What a page turned out to be.
#[derive(Debug, Clone)]
#[expect(
    clippy::large_enum_variant,
    reason = "one per argument or fetch, moved once; boxing buys nothing"
)]
pub enum Content {
    Article(Document),
    Feed(Feed),
}

/// Why a web address could not be read: one line naming it.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WebError {
    #[error("{0}")]
    Fetch(#[from] FetchError),
    #[error("{url}: {source}")]
    Feed { url: String, source: FeedError },
    #[error("{url}: {source}")]
    Load { url: String, source: LoadError },
}

/// How fresh a copy must be to be used without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// An article: a recent copy will do.
    Page,
    /// A feed (or a reload): always ask the server.
    Fresh,
}

impl Web {
    /// Gets `url` by the policy above; `progress` hears the bytes read and
    /// cancels by returning false.
    pub fn get(
        &self,
        url: &str,
        want: Want,
        progress: &mut dyn FnMut(u64) -> bool,
    ) -> Result<Got, FetchError> {
        let url = fetch::check_url(url)?;
        let kept = self.cache.get(&url);
        if self.offline {
            return match kept {
                Some(c) => Ok(Got {
                    page: c.page,
                    note: Some(format!("offline: the copy kept {}", age(c.fetched_at))),
                }),
                None => Err(FetchError {
                    url,
                    problem: Problem::Other("not in the cache (--offline)".into()),
                }),
            };
        }
        if want == Want::Page
            && let Some(c) = &kept
            && now().saturating_sub(c.fetched_at) < PAGE_FRESH.as_secs()
        {
            return Ok(Got {
                page: c.page.clone(),
                note: None,
            });
        }
        let validators = kept
            .as_ref()
            .map(|c| c.page.validators.clone())
            .unwrap_or_default();
        match self.fetcher.fetch(&url, &validators, progress) {
            Ok(Fetched::Page(page)) => {
                // A copy that cannot be kept is still read.
                let _ = self.cache.put(&url, &page);
                Ok(Got { page, note: None })
            }
            Ok(Fetched::NotModified) => match kept {
                Some(c) => {
                    self.cache.revalidated(&url);
                    Ok(Got {
                        page: c.page,
                        note: None,
                    })
                }
                // A 304 to a request with no validators: ask again whole.
                None => match self.fetcher.fetch(&url, &Validators::default(), progress)? {
                    Fetched::Page(page) => {
                        let _ = self.cache.put(&url, &page);
                        Ok(Got { page, note: None })
                    }
                    Fetched::NotModified => Err(FetchError {
                        url,
                        problem: Problem::Status("304 with nothing cached".into()),
                    }),
                },
            },
            Err(e) if network_failed(&e.problem) && kept.is_some() => {
                let c = kept.expect("checked just above");
                Ok(Got {
                    page: c.page,
                    note: Some(format!(
                        "{}; showing the copy kept {}",
                        e.problem,
                        age(c.fetched_at)
                    )),
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Gets `url` and reads it.
    pub fn open(
        &self,
        url: &str,
        want: Want,
        progress: &mut dyn FnMut(u64) -> bool,
    ) -> Result<(Content, Option<String>), WebError> {
        let got = self.get(url, want, progress)?;
        let mut content = read_page(&got.page)?;
        if let (Some(note), Content::Article(doc)) = (&got.note, &mut content) {
            doc.notices.insert(0, note.clone());
        }
        if let (Some(note), Content::Feed(f)) = (&got.note, &mut content) {
            f.notices.insert(0, note.clone());
        }
        Ok((content, got.note))
    }
}

/// Problems where a kept copy is better than nothing.
fn network_failed(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::NoSuchHost
            | Problem::Refused
            | Problem::Connect(_)
            | Problem::Tls(_)
            | Problem::Timeout(_)
    )
}

/// Reads a local file as a fetched page is read (a page, a feed or text):
/// a link in a saved page or a Markdown file to another file.
pub fn open_path(path: &str) -> Result<Content, WebError> {
    let body = crate::document::load::read_path(std::path::Path::new(path)).map_err(|source| {
        WebError::Load {
            url: path.to_string(),
            source,
        }
    })?;
    read_page(&Page {
        url: path.to_string(),
        media_type: None,
        charset: None,
        validators: Validators::default(),
        body,
    })
}

/// Reads fetched bytes as a feed, a web page or text, by the media type and
/// then the bytes themselves.
pub fn read_page(page: &Page) -> Result<Content, WebError> {
    let media = page.media_type.as_deref().unwrap_or("");
    let feedish = matches!(
        media,
        "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/feed+json"
    );
    // JSON keys come in any order: a JSON Feed's `version` may follow its
    // items, past what a sniff reads, so JSON is looked through whole.
    let json_feed = (media == "application/json" || media.ends_with("+json"))
        && memchr::memmem::find(&page.body, b"jsonfeed.org/version").is_some();
    if feedish || json_feed || (!media.contains("html") && feed::sniff(&page.body)) {
        return feed::parse(&page.body, &page.url, None)
            .map(Content::Feed)
            .map_err(|source| WebError::Feed {
                url: page.url.clone(),
                source,
            });
    }
    let html = media.contains("html") || crate::document::html::sniff(&page.body);
    if html {
        return Ok(Content::Article(Document::from_html(
            &page.url,
            &page.body,
            page.charset.as_deref(),
            Some(&page.url),
        )));
    }
    Document::from_bytes(&page.url, &page.body, None)
        .map(Content::Article)
        .map_err(|source| WebError::Load {
            url: page.url.clone(),
            source,
        })
}

/// An item as an article: its content when the feed carries it (HTML read
/// by the page adapter, with the item's link for relative links), `None`
/// when only its page can give it. The item's authors and date head it as
/// a saved page's would, so the reader shows who wrote it and when.
pub fn item_document(item: &Item) -> Option<Document> {
    let content = item.content.as_ref()?;
    let name = item.link.clone().unwrap_or_else(|| item.title.clone());
    // A fragment has no <title>: the item's title heads it.
    let mut head = format!("<title>{}</title>", escape(&item.title));
    for author in &item.authors {
        head.push_str(&format!(
            "<meta name=\"author\" content=\"{}\">",
            escape(author)
        ));
    }
    if let Some(date) = item
        .date
        .and_then(|d| chrono::DateTime::from_timestamp(d, 0))
    {
        head.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{}\">",
            date.format("%Y-%m-%dT%H:%M:%SZ")
        ));
    }
    let body = if content.html {
        content.body.clone()
    } else {
        text_as_html(&content.body)
    };
    let html = format!("<html><head>{head}</head><body><article>{body}</article></body></html>");
    let mut doc = Document::from_html(&name, html.as_bytes(), Some("utf-8"), item.link.as_deref());
    doc.name = name;
    Some(doc)
}

/// Plain text content as HTML: a paragraph per blank-line-separated block,
/// its single line breaks kept.
fn text_as_html(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str("<p>");
        out.push_str(&escape(para).replace('\n', "<br>"));
        out.push_str("</p>");
    }
    out
}

/// Text made safe inside HTML, in text and in a quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// When a copy was kept, in words.
fn age(fetched_at: u64) -> String {
    let secs = now().saturating_sub(fetched_at);
    match secs {
        0..120 => "just now".to_string(),
        120..7200 => format!("{} minutes ago", secs / 60),
        7200..172_800 => format!("{} hours ago", secs / 3600),
        _ => format!("{} days ago", secs / 86_400),
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests;
