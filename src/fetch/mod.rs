//! Fetching pages and feeds over HTTP: bytes, the final URL and the headers
//! that matter, or one clear error naming the URL.
//!
//! The only module that talks to the network. It knows nothing of documents,
//! feeds or the terminal: the caller decides what the bytes are (`web`) and
//! the model never does I/O. Built on ureq (blocking, rustls: nothing to
//! install), one [`Fetcher`] per process.
//!
//! What it promises: only `http` and `https`; at most [`MAX_REDIRECTS`]
//! redirects, the final URL reported; gzip, deflate and brotli bodies
//! decoded; a connect timeout and a whole-response timeout; a cap on the
//! decoded body, so a compressed bomb stops at the cap; a User-Agent naming
//! lede and its version; `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` honoured
//! (ureq reads them); a progress callback that can cancel the transfer.

use std::io::Read;
use std::time::Duration;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 10;

/// What lede says it is.
pub const USER_AGENT: &str = concat!("lede/", env!("CARGO_PKG_VERSION"));

/// Bytes read between two progress reports.
const CHUNK: usize = 64 * 1024;

/// Limits of one fetch (the config's `[fetch]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub connect_timeout: Duration,
    /// The whole response, redirects and body included.
    pub timeout: Duration,
    /// The largest body accepted, after decompression.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

/// What a cached copy says about itself, sent so the server can answer
/// "not modified".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A fetched body and what came with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Where the body came from after redirects.
    pub url: String,
    /// The media type, lower case, without parameters (`text/html`).
    pub media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, if any.
    pub charset: Option<String>,
    pub validators: Validators,
    pub body: Vec<u8>,
}

/// The answer to a fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Page(Page),
    /// The server says the copy sent validators for is current (304).
    NotModified,
}

/// Why a fetch failed, in the user's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("not a web address ({0})")]
    BadUrl(String),
    #[error("only http and https addresses can be fetched, not {0}")]
    Scheme(String),
    #[error("no such host")]
    NoSuchHost,
    #[error("connection refused")]
    Refused,
    #[error("could not connect ({0})")]
    Connect(String),
    #[error("secure connection failed ({0})")]
    Tls(String),
    #[error("timed out ({0})")]
    Timeout(String),
    #[error("the server answered {0}")]
    Status(String),
    #[error("more than {MAX_REDIRECTS} redirects (a redirect loop?)")]
    Redirects,
    #[error("larger than {} MB (the size cap; see [fetch] max_mb in the config)", .0 / (1024 * 1024))]
    TooLarge(u64),
    #[error("not a page, text or feed ({0})")]
    NotReadable(String),
    #[error("cancelled")]
    Cancelled,
    #[error("{0}")]
    Other(String),
}

/// A failed fetch: the URL and what happened. One line, sanitised where it
/// is shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {problem}")]
pub struct FetchError {
    pub url: String,
    pub problem: Problem,
}

/// True when a command-line argument names a web address rather than a
/// file: it starts with `http://` or `https://` (any case).
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Checks that a URL can be fetched: it parses and is `http` or `https`.
/// Returns it normalised (`HTTP://Example.org` is `http://example.org/`).
pub fn check_url(url: &str) -> Result<String, FetchError> {
    let fail = |problem| FetchError {
        url: url.to_string(),
        problem,
    };
    let parsed = url::Url::parse(url).map_err(|e| fail(Problem::BadUrl(e.to_string())))?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => return Err(fail(Problem::Scheme(other.to_string()))),
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(fail(Problem::BadUrl("no host".into())));
    }
    Ok(parsed.into())
}

/// The one HTTP client.
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    limits: Limits,
}

impl Fetcher {
    /// A client with these limits; proxies come from the environment.
    pub fn new(limits: Limits) -> Fetcher {
        Fetcher::build(limits, ureq::Proxy::try_from_env())
    }

    /// A client that never uses a proxy (tests talk to their own server).
    pub fn direct(limits: Limits) -> Fetcher {
        Fetcher::build(limits, None)
    }

    fn build(limits: Limits, proxy: Option<ureq::Proxy>) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .proxy(proxy)
            .max_redirects(MAX_REDIRECTS)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .accept("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5")
            .timeout_connect(Some(limits.connect_timeout))
            .timeout_global(Some(limits.timeout))
            .build();
        Fetcher {
            agent: config.new_agent(),
            limits,
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Fetches `url`. `validators` (a cached copy's) make the request
    /// conditional. `progress` hears the bytes read so far after each chunk
    /// and cancels the fetch by returning false.
    pub fn fetch(
        &self,
        url: &str,
        validators: &Validators,
        progress: &mut dyn FnMut(u64) -> bool,
    ) -> Result<Fetched, FetchError> {
        let url = check_url(url)?;
        let fail = |problem| FetchError {
            url: url.clone(),
            problem,
        };
        let mut request = self.agent.get(&url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let response = request.call().map_err(|e| fail(problem_of(e)))?;
        let status = response.status();
        if status.as_u16() == 304 {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            let text = format!("{} {reason}", status.as_u16());
            return Err(fail(Problem::Status(text.trim().to_string())));
        }
        let final_url = ureq::ResponseExt::get_uri(&response).to_string();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let (media_type, charset) = split_content_type(header("content-type").as_deref());
        if let Some(media) = &media_type
            && !readable(media)
        {
            return Err(fail(Problem::NotReadable(media.clone())));
        }
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let max = self.limits.max_bytes;
        if let Some(len) = header("content-length").and_then(|l| l.parse::<u64>().ok())
            && len > max
            && header("content-encoding").is_none()
        {
            return Err(fail(Problem::TooLarge(max)));
        }
        let mut reader = response.into_body().into_with_config().limit(max).reader();
        let mut body = Vec::new();
        let mut chunk = vec![0; CHUNK];
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(fail(problem_of_io(e, max))),
            };
            body.extend_from_slice(&chunk[..n]);
            if !progress(body.len() as u64) {
                return Err(fail(Problem::Cancelled));
            }
        }
        Ok(Fetched::Page(Page {
            url: final_url,
            media_type,
            charset,
            validators,
            body,
        }))
    }
}

/// `text/html; charset=ISO-8859-1` as (`text/html`, `ISO-8859-1`).
pub fn split_content_type(value: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(value) = value else {
        return (None, None);
    };
    let mut parts = value.split(';');
    let media = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
            .filter(|c| !c.is_empty())
    });
    (media, charset)
}

/// Media types lede can read: pages, text and feeds.
pub fn readable(media: &str) -> bool {
    media.starts_with("text/")
        || matches!(
            media,
            "application/xhtml+xml"
                | "application/xml"
                | "application/rss+xml"
                | "application/atom+xml"
                | "application/rdf+xml"
                | "application/feed+json"
                | "application/json"
                | "application/octet-stream"
        )
}

fn problem_of(err: ureq::Error) -> Problem {
    use ureq::Error as E;
    match err {
        E::HostNotFound => Problem::NoSuchHost,
        E::Timeout(t) => Problem::Timeout(timeout_name(t)),
        E::TooManyRedirects => Problem::Redirects,
        E::RedirectFailed => Problem::Other("a redirect could not be followed".into()),
        E::BadUri(u) => Problem::BadUrl(u),
        E::ConnectionFailed => Problem::Connect("no address answered".into()),
        E::Tls(t) => Problem::Tls(t.to_string()),
        E::Rustls(e) => Problem::Tls(e.to_string()),
        E::Pem(e) => Problem::Tls(e.to_string()),
        E::Io(e) => problem_of_io(e, 0),
        E::BodyExceedsLimit(n) => Problem::TooLarge(n),
        E::StatusCode(c) => Problem::Status(c.to_string()),
        other => Problem::Other(other.to_string()),
    }
}

fn problem_of_io(err: std::io::Error, max: u64) -> Problem {
    use std::io::ErrorKind as K;
    if let Some(inner) = err.get_ref().and_then(|e| e.downcast_ref::<ureq::Error>()) {
        return match inner {
            ureq::Error::BodyExceedsLimit(_) => Problem::TooLarge(max),
            ureq::Error::Timeout(t) => Problem::Timeout(timeout_name(*t)),
            other => Problem::Other(other.to_string()),
        };
    }
    match err.kind() {
        K::ConnectionRefused => Problem::Refused,
        K::TimedOut | K::WouldBlock => Problem::Timeout("no answer".into()),
        K::ConnectionReset | K::ConnectionAborted | K::UnexpectedEof => {
            Problem::Connect("the connection closed early".into())
        }
        _ => Problem::Other(err.to_string()),
    }
}

fn timeout_name(t: ureq::Timeout) -> String {
    use ureq::Timeout as T;
    match t {
        T::Connect | T::Resolve => "connecting".into(),
        T::Global => "the whole response took too long".into(),
        other => format!("{other:?}").to_lowercase(),
    }
}

#[cfg(test)]
mod tests;
