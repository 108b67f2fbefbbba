//! Fetches from a loopback server the test starts (127.0.0.1, a port the OS
//! picks): nothing leaves the machine.

use std::io::Write;
use std::time::Duration;

use super::*;

use crate::http_server::{Reply, Server};

fn fetcher() -> Fetcher {
    Fetcher::direct(Limits {
        connect_timeout: Duration::from_secs(5),
        timeout: Duration::from_secs(10),
        max_bytes: 64 * 1024,
    })
}

fn get(f: &Fetcher, url: &str) -> Result<Page, FetchError> {
    match f.fetch(url, &Validators::default(), &mut |_| true)? {
        Fetched::Page(p) => Ok(p),
        Fetched::NotModified => panic!("not asked to revalidate"),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("compress");
    enc.finish().expect("compress")
}

const PAGE: &str = "<html><body><p>Anna Lindqvist met Omar Haddad in Oslo.</p></body></html>";

#[test]
fn a_page_comes_with_its_type_charset_and_validators() {
    let server = Server::start(|_| {
        Reply::ok("text/html; charset=ISO-8859-1", PAGE)
            .header("ETag", "\"v1\"")
            .header("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")
    });
    let page = get(&fetcher(), &server.url("/a")).expect("fetched");
    assert_eq!(page.body, PAGE.as_bytes());
    assert_eq!(page.media_type.as_deref(), Some("text/html"));
    assert_eq!(page.charset.as_deref(), Some("ISO-8859-1"));
    assert_eq!(page.validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(page.url, server.url("/a"));
    let ua = server.requests()[0]
        .header("user-agent")
        .map(str::to_string);
    assert_eq!(ua.as_deref(), Some(USER_AGENT));
}

#[test]
fn redirects_are_followed_and_the_final_url_kept() {
    let server = Server::start(|req| match req.path.as_str() {
        "/old" => Reply::redirect("/middle"),
        "/middle" => Reply::redirect("/new"),
        "/new" => Reply::ok("text/html", PAGE),
        _ => Reply::status(404),
    });
    let page = get(&fetcher(), &server.url("/old")).expect("fetched");
    assert_eq!(page.url, server.url("/new"));
}

#[test]
fn a_redirect_loop_stops_with_a_clear_error() {
    let server = Server::start(|_| Reply::redirect("/loop"));
    let err = get(&fetcher(), &server.url("/loop")).expect_err("a loop");
    assert_eq!(err.problem, Problem::Redirects);
    assert!(err.to_string().starts_with(&server.url("/loop")), "{err}");
    assert!(server.requests().len() <= MAX_REDIRECTS as usize + 1);
}

#[test]
fn gzip_and_brotli_bodies_are_decoded() {
    let brotli = include_bytes!("../../tests/fixtures/web/page.html.br").to_vec();
    let server = Server::start(move |req| match req.path.as_str() {
        "/gz" => Reply::ok("text/html", gzip(PAGE.as_bytes())).header("Content-Encoding", "gzip"),
        "/br" => Reply::ok("text/html", brotli.clone()).header("Content-Encoding", "br"),
        _ => Reply::status(404),
    });
    let f = fetcher();
    assert_eq!(
        get(&f, &server.url("/gz")).expect("gzip").body,
        PAGE.as_bytes()
    );
    let br = get(&f, &server.url("/br")).expect("brotli").body;
    assert!(String::from_utf8_lossy(&br).contains("Omar Haddad in Oslo"));
    let asked = server.requests()[0]
        .header("accept-encoding")
        .unwrap_or_default()
        .to_string();
    assert!(asked.contains("gzip") && asked.contains("br"), "{asked}");
}

#[test]
fn http_errors_name_the_status() {
    let server = Server::start(|req| match req.path.as_str() {
        "/gone" => Reply::status(404),
        _ => Reply::status(500),
    });
    let err = get(&fetcher(), &server.url("/gone")).expect_err("404");
    assert_eq!(err.problem, Problem::Status("404 Not Found".into()));
    let err = get(&fetcher(), &server.url("/boom")).expect_err("500");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the server answered 500 Internal Server Error",
            server.url("/boom")
        )
    );
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start(|_| Reply::ok("text/html", PAGE).delayed(Duration::from_secs(5)));
    let f = Fetcher::direct(Limits {
        timeout: Duration::from_millis(500),
        ..Limits::default()
    });
    let err = get(&f, &server.url("/slow")).expect_err("timeout");
    assert!(matches!(err.problem, Problem::Timeout(_)), "{err}");
}

#[test]
fn a_body_over_the_cap_is_refused_also_when_compressed() {
    let big = vec![b'a'; 200 * 1024];
    let packed = gzip(&big);
    assert!(
        packed.len() < 64 * 1024,
        "the compressed body is under the cap"
    );
    let server = Server::start(move |req| match req.path.as_str() {
        "/big" => Reply::ok("text/plain", big.clone()),
        _ => Reply::ok("text/plain", packed.clone()).header("Content-Encoding", "gzip"),
    });
    for path in ["/big", "/bomb"] {
        let err = get(&fetcher(), &server.url(path)).expect_err("over the cap");
        assert_eq!(err.problem, Problem::TooLarge(64 * 1024), "{path}");
    }
}

#[test]
fn what_is_not_a_page_text_or_feed_is_refused() {
    let server = Server::start(|_| Reply::ok("image/png", vec![0x89, b'P', b'N', b'G']));
    let err = get(&fetcher(), &server.url("/a.png")).expect_err("an image");
    assert_eq!(err.problem, Problem::NotReadable("image/png".into()));
}

#[test]
fn revalidation_sends_the_validators_and_takes_304() {
    let server = Server::start(|req| {
        if req.header("if-none-match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::ok("text/html", PAGE).header("ETag", "\"v1\"")
        }
    });
    let f = fetcher();
    let first = get(&f, &server.url("/a")).expect("fetched");
    let again = f
        .fetch(&server.url("/a"), &first.validators, &mut |_| true)
        .expect("revalidated");
    assert_eq!(again, Fetched::NotModified);
}

#[test]
fn a_refused_connection_and_a_missing_host_say_so() {
    // A port just freed: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let err = get(&fetcher(), &format!("http://127.0.0.1:{port}/")).expect_err("refused");
    assert!(
        matches!(err.problem, Problem::Refused | Problem::Connect(_)),
        "{err}"
    );
    // `.invalid` never resolves (RFC 6761); the resolver answers locally.
    let err = get(&fetcher(), "http://no-such-host.invalid/").expect_err("no host");
    assert!(
        matches!(
            err.problem,
            Problem::NoSuchHost | Problem::Connect(_) | Problem::Other(_)
        ),
        "{err}"
    );
}

#[test]
fn progress_can_cancel() {
    let server = Server::start(|_| Reply::ok("text/plain", vec![b'x'; 60 * 1024]));
    let err = fetcher()
        .fetch(&server.url("/"), &Validators::default(), &mut |_| false)
        .expect_err("cancelled");
    assert_eq!(err.problem, Problem::Cancelled);
}

#[test]
fn only_http_and_https_urls() {
    assert!(is_url("https://example.org/a"));
    assert!(is_url("HTTP://example.org"));
    assert!(!is_url("example.org"));
    assert!(!is_url("./http://x"));
    assert_eq!(
        check_url("ftp://example.org/x").map_err(|e| e.problem),
        Err(Problem::Scheme("ftp".into()))
    );
    assert!(matches!(
        check_url("http://").map_err(|e| e.problem),
        Err(Problem::BadUrl(_))
    ));
    assert_eq!(
        check_url("HTTP://Example.ORG").as_deref(),
        Ok("http://example.org/")
    );
}

#[test]
fn content_types_split() {
    assert_eq!(
        split_content_type(Some("Text/HTML; Charset=\"utf-8\"")),
        (Some("text/html".into()), Some("utf-8".into()))
    );
    assert_eq!(
        split_content_type(Some("text/plain")),
        (Some("text/plain".into()), None)
    );
    assert_eq!(split_content_type(None), (None, None));
}
