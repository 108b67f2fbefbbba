//! CPU time of reading the article out of web pages, for
//! `scripts/bench-web.sh` to set beside trafilatura's on the same pages.
//!
//!     cargo run --release --example web_speed -- PAGE.html...
//!
//! Reads every page (decode, parse, metadata, article, document model) as
//! `Document::from_html` does, `LEDE_REPEAT` times (default 5), and prints
//! `lede: <pages> pages, <MB> MB, cpu <s> s, <MB/s> MB/s, <ms> ms a page`,
//! timed by the process's own CPU clock (not wall time, which other work on
//! the machine would inflate).

fn cpu_seconds() -> f64 {
    // utime and stime, fields 14 and 15 of /proc/self/stat, in clock ticks
    // (100 a second on Linux).
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (tick(11) + tick(12)) / 100.0
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let pages: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    if pages.is_empty() {
        eprintln!("usage: web_speed PAGE.html...");
        std::process::exit(2);
    }
    let repeat: usize = std::env::var("LEDE_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let bytes: usize = pages.iter().map(Vec::len).sum::<usize>() * repeat;
    let start = cpu_seconds();
    for _ in 0..repeat {
        for page in &pages {
            std::hint::black_box(lede::document::Document::from_html(
                "page.html",
                page,
                None,
                None,
            ));
        }
    }
    let cpu = cpu_seconds() - start;
    let mb = bytes as f64 / 1e6;
    println!(
        "lede: {} pages, {:.1} MB, cpu {:.2} s, {:.1} MB/s, {:.2} ms a page",
        pages.len() * repeat,
        mb,
        cpu,
        mb / cpu.max(1e-9),
        cpu * 1000.0 / (pages.len() * repeat) as f64
    );
}
