//! The command line on web addresses and feeds, against a loopback server
//! the test starts (127.0.0.1, a port the OS picks): print mode, JSON and
//! `lede entities` on a page and a feed, errors as one line naming the URL
//! with exit status 2, `--offline`, `--import-opml` and `lede feeds`.
//! Every run has its own XDG folders; nothing leaves the machine.

#[path = "support/http_server.rs"]
mod http_server;

use assert_cmd::Command;
use http_server::{Reply, Server};

const PAGE: &str = "<!doctype html><html><head><title>Oslo tram line approved</title></head><body>\
<article><h1>Oslo tram line approved</h1><p>OSLO – The city council voted 35 to 24 on Tuesday to build a tram line to Fornebu, mayor Anne Lindboe said.</p>\
<p>Construction starts in 2027, the council said in a statement.</p></article></body></html>";
const RSS: &str = include_str!("fixtures/feeds/rss2.xml");

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp"),
        }
    }

    fn lede(&self) -> Command {
        let mut cmd = Command::cargo_bin("lede").expect("binary");
        let d = self.dir.path();
        cmd.env("XDG_CACHE_HOME", d.join("cache"))
            .env("XDG_STATE_HOME", d.join("state"))
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("ALL_PROXY")
            .env_remove("http_proxy")
            .env_remove("https_proxy")
            .env_remove("all_proxy");
        cmd
    }
}

fn server() -> Server {
    Server::start(|req| match req.path.as_str() {
        "/oslo.html" => Reply::ok("text/html; charset=utf-8", PAGE),
        "/feed.xml" => Reply::ok("application/rss+xml", RSS),
        "/moved" => Reply::redirect("/oslo.html"),
        "/boom" => Reply::status(500),
        _ => Reply::status(404),
    })
}

#[test]
fn a_page_prints_as_its_article() {
    let (env, s) = (Env::new(), server());
    let out = env
        .lede()
        .args(["-p", &s.url("/moved")])
        .output()
        .expect("ran");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Oslo tram line approved"), "{text}");
    assert!(text.contains("mayor Anne Lindboe"));
    assert!(!text.contains("<p>"));
}

#[test]
fn json_and_entities_of_a_page_name_its_final_url() {
    let (env, s) = (Env::new(), server());
    let out = env
        .lede()
        .args(["--json", &s.url("/moved")])
        .output()
        .expect("ran");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["name"], s.url("/oslo.html"));
    assert_eq!(v["format"], "html");
    let out = env
        .lede()
        .args(["entities", &s.url("/oslo.html")])
        .output()
        .expect("ran");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Anne Lindboe"), "{text}");
}

#[test]
fn a_feed_prints_as_its_items_and_as_json() {
    let (env, s) = (Env::new(), server());
    let out = env
        .lede()
        .args(["-p", &s.url("/feed.xml")])
        .output()
        .expect("ran");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("The Harbour Gazette & Courier\n"),
        "{text}"
    );
    assert!(text.contains(&format!("  {}", s.url("/news/tallinn-strike.html"))));
    // The title's escape sequences are markers, never bytes.
    assert!(!out.stdout.contains(&0x1b) && text.contains("Breaking^[]0;pwned^G"));
    let out = env
        .lede()
        .args(["--json", &s.url("/feed.xml")])
        .output()
        .expect("ran");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["kind"], "feed");
    assert_eq!(v["items"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["items"][0]["content"], true);
    assert_eq!(v["items"][0]["read"], false);
    let out = env
        .lede()
        .args(["entities", "--json", &s.url("/feed.xml")])
        .output()
        .expect("ran");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["names"].as_array().is_some_and(|n| !n.is_empty()), "{v}");
}

#[test]
fn errors_are_one_line_naming_the_url_with_status_2() {
    let (env, s) = (Env::new(), server());
    let refused = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!(
            "http://127.0.0.1:{}/x",
            l.local_addr().expect("addr").port()
        )
    };
    for (url, says) in [
        (
            s.url("/gone"),
            "the server answered 404 Not Found".to_string(),
        ),
        (
            s.url("/boom"),
            "the server answered 500 Internal Server Error".to_string(),
        ),
        (refused.clone(), "refused".to_string()),
    ] {
        let out = env.lede().args(["-p", &url]).output().expect("ran");
        assert_eq!(out.status.code(), Some(2), "{url}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with(&format!("lede: {url}: ")), "{err}");
        assert!(err.contains(&says), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let out = env
        .lede()
        .args(["-p", "ftp://example.org/x"])
        .output()
        .expect("ran");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn offline_reads_what_was_fetched_and_says_what_it_lacks() {
    let env = Env::new();
    let s = server();
    let url = s.url("/oslo.html");
    env.lede().args(["-p", &url]).assert().success();
    drop(s);
    let out = env
        .lede()
        .args(["--offline", "-p", &url])
        .output()
        .expect("ran");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Anne Lindboe"));
    let out = env
        .lede()
        .args(["--offline", "-p", "http://127.0.0.1:9/never.html"])
        .output()
        .expect("ran");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "lede: http://127.0.0.1:9/never.html: not in the cache (--offline)\n"
    );
}

#[test]
fn opml_is_imported_into_the_config_and_lede_feeds_prints_them() {
    let (env, s) = (Env::new(), server());
    let none = env.lede().args(["feeds", "-p"]).output().expect("ran");
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("--import-opml"));
    let opml = env.dir.path().join("subs.opml");
    std::fs::write(
        &opml,
        format!(
            "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"News\">\
             <outline type=\"rss\" text=\"Gazette\" xmlUrl=\"{}\"/></outline></body></opml>",
            s.url("/feed.xml")
        ),
    )
    .expect("written");
    let out = env
        .lede()
        .arg("--import-opml")
        .arg(&opml)
        .output()
        .expect("ran");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 feed added to "));
    // Again: nothing new.
    let again = env
        .lede()
        .arg("--import-opml")
        .arg(&opml)
        .output()
        .expect("ran");
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("0 feeds added"));
    let config = std::fs::read_to_string(env.dir.path().join("config/lede/config.toml"))
        .expect("config written");
    assert!(config.contains("name = \"Gazette\""), "{config}");
    let out = env.lede().args(["feeds", "-p"]).output().expect("ran");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("==> Gazette <==\n"), "{text}");
    assert!(text.contains("Ferry to Helsinki delayed by ice"));
}

#[test]
fn a_local_json_feed_whose_version_comes_after_its_items_is_a_feed() {
    let env = Env::new();
    let items: Vec<String> = (0..60)
        .map(|i| {
            format!(
                r#"{{"id": "j{i}", "title": "Harbour report {i}", "content_text": "The harbour in Bergen reopened on Wednesday, report {i} said."}}"#
            )
        })
        .collect();
    let body = format!(
        r#"{{"title": "Fjord JSON", "items": [{}], "version": "https://jsonfeed.org/version/1.1"}}"#,
        items.join(",")
    );
    assert!(body.find("jsonfeed.org").is_some_and(|at| at > 4096));
    let path = env.dir.path().join("late.json");
    std::fs::write(&path, &body).expect("written");
    let path = path.to_str().expect("utf-8");
    let out = env.lede().args(["--json", path]).output().expect("ran");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["kind"], "feed", "{v}");
    assert_eq!(v["items"].as_array().map(Vec::len), Some(60));
    let out = env.lede().args(["-p", path]).output().expect("ran");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Fjord JSON\n"), "{text}");
    // The same JSON without a JSON Feed version is text, shown as it is.
    let other = env.dir.path().join("other.json");
    std::fs::write(&other, body.replace("jsonfeed.org", "example.org")).expect("written");
    let out = env
        .lede()
        .args(["--json", other.to_str().expect("utf-8")])
        .output()
        .expect("ran");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_ne!(v["kind"], "feed", "{v}");
}

#[test]
fn a_local_xml_bomb_and_deep_nesting_say_why_in_one_line() {
    let env = Env::new();
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<rss version="2.0"><channel><title>&c;</title></channel></rss>"#;
    let deep = format!(
        "<rss version=\"2.0\"><channel>{}{}</channel></rss>",
        "<x>".repeat(100_000),
        "</x>".repeat(100_000)
    );
    for (name, body, why) in [
        ("bomb.xml", bomb.to_string(), "declares XML entities"),
        ("deep.xml", deep, "nests deeper than"),
    ] {
        let path = env.dir.path().join(name);
        std::fs::write(&path, body).expect("written");
        let out = env
            .lede()
            .args(["-p", path.to_str().expect("utf-8")])
            .output()
            .expect("ran");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(name) && err.contains(why), "{err}");
        assert!(out.stdout.is_empty());
    }
}
