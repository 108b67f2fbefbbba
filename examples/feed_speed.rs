//! How fast a feed opens, for the README's figures:
//!
//! ```text
//! cargo run --release --example feed_speed -- --write /tmp/feed500.xml
//! cargo run --release --example feed_speed -- /tmp/feed500.xml
//! ```
//!
//! `--write` writes a feed of 500 items, each carrying a generated news
//! article of about 4 KB as HTML (RSS 2.0, `content:encoded`). Given a feed
//! file, it reads the bytes once, then times (wall clock, best and median
//! of `LEDE_REPEAT` runs, default 15; and the process's CPU time, median,
//! which other work on a loaded machine disturbs less):
//! - list: the bytes parsed, the feed view built and a 160x48 frame drawn
//!   (what "the list on screen after the file is read" costs);
//! - names: the entity pane's names across every item found, on every
//!   core (as the reader does) and on one thread;
//! - open: the first item opened (its content read by the page adapter,
//!   its entities found) and drawn;
//! - cached page: a page read from the page cache (offline), parsed, its
//!   entities found and drawn.

#[path = "../benches/support/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::time::{Duration, Instant};

use lede::app::cross::CrossIndex;
use lede::app::fetching::placeholder;
use lede::app::{Action, App};
use lede::document::Format;
use lede::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, path] if flag == "--write" => write_feed(path),
        [path] => time(path),
        _ => {
            eprintln!("usage: feed_speed --write FILE | feed_speed FILE");
            std::process::exit(2);
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn write_feed(path: &str) {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Generated Wire</title><link>https://example.org/</link>\n",
    );
    for i in 0..500u64 {
        let text = sample::generate(4000, Format::Plain, 7 + i);
        let mut blocks = text.split("\n\n");
        let title = blocks.next().unwrap_or("Untitled").trim().to_string();
        let body: String = blocks
            .map(|p| format!("<p>{}</p>", escape(p.trim())))
            .collect();
        let day = 1 + (i % 28);
        xml.push_str(&format!(
            "<item><title>{}</title><link>https://example.org/news/{i}.html</link><guid>item-{i}</guid>\
             <pubDate>{:02} Feb 2026 {:02}:{:02}:00 +0000</pubDate><description>{}</description>\
             <content:encoded><![CDATA[{body}]]></content:encoded></item>\n",
            escape(&title),
            day,
            i % 24,
            i % 60,
            escape(&title),
        ));
    }
    xml.push_str("</channel></rss>\n");
    std::fs::write(path, xml).expect("written");
}

/// The process's CPU time so far (every thread's).
fn cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given, nothing else.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// A step's wall clock and CPU time.
#[derive(Default)]
struct Times {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

impl Times {
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let (t, c) = (Instant::now(), cpu());
        let out = f();
        self.wall.push(t.elapsed());
        self.cpu.push(cpu().saturating_sub(c));
        out
    }

    fn show(mut self) -> String {
        self.wall.sort();
        self.cpu.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        format!(
            "best {:.1} ms, median {:.1} ms; CPU median {:.1} ms",
            ms(self.wall[0]),
            ms(self.wall[self.wall.len() / 2]),
            ms(self.cpu[self.cpu.len() / 2])
        )
    }
}

fn frame(app: &App, w: u16, h: u16) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
    terminal.draw(|f| lede::ui::draw(f, app)).expect("drawn");
}

fn session(bytes: &[u8], path: &str) -> App {
    let feed = lede::feed::parse(bytes, path, None).expect("a feed");
    let start = placeholder("feeds", "Feeds", "");
    let mut app = App::open(start, Some(Default::default()), Keymap::default());
    app.items_in_first();
    app.show_feed(feed);
    app.update(Action::Resize(160, 48));
    app
}

fn time(path: &str) {
    let bytes = std::fs::read(path).expect("the feed file");
    let repeat: usize = std::env::var("LEDE_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    let mut list = Times::default();
    let mut names = Times::default();
    let mut names_one = Times::default();
    let mut open = Times::default();
    let mut cached = Times::default();
    let dir = std::env::temp_dir().join(format!("lede-feed-speed-{}", std::process::id()));
    let cache = lede::cache::Cache::in_folder(dir.clone(), 1 << 30);
    let page = format!(
        "<!doctype html><html><head><title>Cached</title></head><body><article>{}</article></body></html>",
        sample::generate(6000, Format::Plain, 99)
            .split("\n\n")
            .map(|p| format!("<p>{}</p>", escape(p)))
            .collect::<String>()
    );
    let url = "https://example.org/cached.html";
    cache
        .put(
            url,
            &lede::fetch::Page {
                url: url.into(),
                media_type: Some("text/html".into()),
                charset: Some("utf-8".into()),
                validators: Default::default(),
                body: page.into_bytes(),
            },
        )
        .expect("cached");
    let web = lede::web::Web {
        fetcher: lede::fetch::Fetcher::direct(Default::default()),
        cache,
        offline: true,
    };
    let mut items = 0;
    for _ in 0..repeat {
        let mut app = list.time(|| {
            let app = session(&bytes, path);
            frame(&app, 160, 48);
            app
        });
        let entries: Vec<_> = lede::feed::parse(&bytes, path, None).expect("feed").items;
        items = entries.len();
        let index = names.time(|| CrossIndex::compute(&entries));
        assert!(!index.entries.is_empty());
        let one = names_one.time(|| CrossIndex::compute_on(&entries, 1));
        assert_eq!(one, index);
        open.time(|| {
            app.update(Action::FeedOpen);
            frame(&app, 160, 48);
        });
        cached.time(|| {
            let (content, _) = web
                .open(url, lede::web::Want::Page, &mut |_| true)
                .expect("from the cache");
            let lede::web::Content::Article(doc) = content else {
                panic!("an article")
            };
            let entities = lede::extract::extract(&doc);
            let mut reader = App::new(doc, entities, Keymap::default());
            reader.update(Action::Resize(160, 48));
            frame(&reader, 160, 48);
        });
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "feed of {items} items, {:.1} MB, {repeat} runs",
        bytes.len() as f64 / 1e6
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (what, times) in [
        ("list on screen (parse + view + frame)".to_string(), list),
        (format!("names across the items ({cores} threads)"), names),
        ("names across the items (1 thread)".to_string(), names_one),
        ("open an item from the feed".to_string(), open),
        ("open a page from the cache".to_string(), cached),
    ] {
        println!("{what:<40} {}", times.show());
    }
}
