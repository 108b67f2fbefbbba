//! Writes a generated web page to standard output, for measuring the HTML
//! reader's time and memory on pages of any size:
//!
//! ```text
//! cargo run --release --example gen_page -- --bytes 50000000 > page.html
//! ```
//!
//! The article's words come from `gen_news` (the same text for the same
//! seed); around and inside it is the mess of a real news site: a head
//! with inline scripts, styles and metadata, a header with navigation, a
//! share bar, ad slots holding scripts, "related" link lists, data tables,
//! figures, layout `<div>`s nested a few deep, character references
//! (named and numeric), a comment thread and a footer.

#[path = "../benches/support/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use lede::document::Format;

/// Generate a news web page of a given size, the same for the same seed.
#[derive(Debug, Parser)]
struct Args {
    /// Size in bytes (the output comes close to it).
    #[arg(long, default_value_t = 1_000_000)]
    bytes: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

const SCRIPT: &str = "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\
gtag('js',new Date());gtag('config','G-XXXX',{'anonymize_ip':true});if(a<b&&c>d){x='<div>'}</script>\n";

/// Escapes text for HTML, writing some characters as references the way
/// publishing systems do.
fn escape(text: &str, n: usize, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '’' if n.is_multiple_of(2) => out.push_str("&rsquo;"),
            '’' => out.push_str("&#8217;"),
            '“' => out.push_str("&ldquo;"),
            '”' => out.push_str("&#x201D;"),
            '–' => out.push_str("&ndash;"),
            '—' => out.push_str("&mdash;"),
            _ => out.push(c),
        }
    }
}

/// A paragraph with a few words made links or emphasis.
fn paragraph(text: &str, n: usize, out: &mut String) {
    out.push_str("<p class=\"article-body__paragraph\">");
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(if (n + i).is_multiple_of(23) {
                '\n'
            } else {
                ' '
            });
        }
        let mut w = String::new();
        escape(word, n + i, &mut w);
        match (n + i) % 17 {
            3 => {
                let _ = write!(
                    out,
                    "<a href=\"https://news.example.com/topic/{}?utm_source=article&amp;utm_medium=link\" data-track=\"inline-link\">{w}</a>",
                    (n + i) % 997
                );
            }
            9 => {
                let _ = write!(out, "<em>{w}</em>");
            }
            13 => {
                let _ = write!(out, "<span class=\"nowrap\">{w}</span>&nbsp;&#x200B;");
            }
            _ => out.push_str(&w),
        }
    }
    out.push_str("</p>\n");
}

fn nav(out: &mut String, class: &str, links: usize, n: usize) {
    let _ = write!(out, "<nav class=\"{class}\" aria-label=\"Sections\"><ul>");
    for i in 0..links {
        let _ = write!(
            out,
            "<li class=\"menu-item menu-item-{i}\"><a href=\"/section/{}/\" class=\"nav-link\">Section {}</a></li>",
            (n + i) % 50,
            (n + i) % 50
        );
    }
    out.push_str("</ul></nav>\n");
}

fn ad(out: &mut String, n: usize) {
    let _ = writeln!(
        out,
        "<div class=\"ad-slot ad-slot--inline\" id=\"ad-{n}\" data-ad-unit=\"/1234/news/article\"><div class=\"ad-label\">Advertisement</div>{SCRIPT}<noscript><img src=\"https://ads.example.com/px?{n}\" alt=\"\"></noscript></div>"
    );
}

fn related(out: &mut String, n: usize) {
    out.push_str("<aside class=\"related-stories\"><h3>Related stories</h3><ul>");
    for i in 0..5 {
        let _ = write!(
            out,
            "<li><a href=\"/news/{}\"><img src=\"/img/{}.jpg\" alt=\"Thumbnail\" loading=\"lazy\"><span>Story number {} &ndash; read more</span></a></li>",
            n * 5 + i,
            n * 5 + i,
            n * 5 + i
        );
    }
    out.push_str("</ul></aside>\n");
}

fn table(out: &mut String, n: usize) {
    out.push_str("<div class=\"table-wrap\"><table class=\"data\"><caption>Results by region</caption><thead><tr><th>Region</th><th>Votes</th><th>Share</th></tr></thead><tbody>");
    for i in 0..6 {
        let _ = write!(
            out,
            "<tr><td>Region {}</td><td>{}</td><td>{}.{}&#37;</td></tr>",
            (n + i) % 40,
            (n * 7919 + i * 104_729) % 90_000,
            (n + i) % 60,
            i
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn figure(out: &mut String, n: usize) {
    let _ = writeln!(
        out,
        "<figure class=\"image\"><picture><source srcset=\"/img/{n}.webp\" type=\"image/webp\"><img src=\"/img/{n}.jpg\" alt=\"Crowds gather in the square\" width=\"800\" height=\"450\"></picture><figcaption>Crowds gather in the square. <span class=\"credit\">Photo: Agency</span></figcaption></figure>"
    );
}

fn share(out: &mut String) {
    out.push_str("<div class=\"share-bar\" role=\"group\"><a href=\"https://twitter.com/intent/tweet\" class=\"share share--twitter\">Share on X</a><a href=\"https://facebook.com/sharer\" class=\"share share--facebook\">Share on Facebook</a><button class=\"share share--copy\">Copy link</button></div>\n");
}

fn page(bytes: usize, seed: u64) -> String {
    // The article's words are about half of a page's bytes on news sites.
    let text = sample::generate(bytes / 2, Format::Markdown, seed);
    let mut out = String::with_capacity(bytes + bytes / 8);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Generated news &ndash; The Example Times</title>\n");
    out.push_str("<meta property=\"og:title\" content=\"Generated news\"><meta name=\"author\" content=\"Amara Okafor\">\n<meta property=\"article:published_time\" content=\"2024-05-01T10:00:00Z\">\n");
    out.push_str("<style>.nav-link{color:#333}.ad-slot{min-height:250px}body{font-family:Georgia,serif}</style>\n");
    for _ in 0..20 {
        out.push_str(SCRIPT);
    }
    out.push_str("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Generated news\",\"author\":{\"@type\":\"Person\",\"name\":\"Amara Okafor\"}}</script>\n");
    out.push_str("</head>\n<body class=\"article-page\"><div id=\"app\"><header class=\"site-header\"><a href=\"/\" class=\"logo\">The Example Times</a>\n");
    nav(&mut out, "main-nav", 60, 0);
    out.push_str("<div class=\"cookie-banner\" role=\"dialog\">We use cookies. <a href=\"/privacy\">Privacy</a> <button>Accept</button></div></header>\n");
    out.push_str("<main><div class=\"layout\"><div class=\"layout__main\"><article class=\"article\" itemscope itemtype=\"https://schema.org/NewsArticle\">\n");
    let mut n = 0usize;
    let mut first = true;
    for block in text.split("\n\n") {
        n += 1;
        if let Some(h) = block.strip_prefix("# ") {
            if first {
                out.push_str("<header class=\"article__header\"><h1 itemprop=\"headline\">");
                escape(h, n, &mut out);
                out.push_str("</h1><div class=\"byline\">By <a rel=\"author\" href=\"/by/amara\">Amara Okafor</a> <time datetime=\"2024-05-01\">May 1</time></div></header>\n");
                share(&mut out);
                out.push_str("<div class=\"article__body\" itemprop=\"articleBody\">\n");
                first = false;
            } else {
                out.push_str("<h2 class=\"article__subhead\">");
                escape(h, n, &mut out);
                out.push_str("</h2>\n");
            }
        } else if let Some(h) = block.strip_prefix("## ") {
            out.push_str("<h3>");
            escape(h, n, &mut out);
            out.push_str("</h3>\n");
        } else {
            let deep = n.is_multiple_of(5);
            if deep {
                out.push_str(
                    "<div class=\"row\"><div class=\"col col--text\"><div class=\"text-block\">",
                );
            }
            paragraph(block.trim_end(), n, &mut out);
            if deep {
                out.push_str("</div></div></div>\n");
            }
        }
        match n % 29 {
            4 => ad(&mut out, n),
            11 => related(&mut out, n),
            17 => table(&mut out, n),
            23 => figure(&mut out, n),
            _ => {}
        }
        if out.len() >= bytes.saturating_sub(20_000) {
            break;
        }
    }
    if first {
        out.push_str("<div>\n");
    }
    out.push_str("</div>\n");
    share(&mut out);
    out.push_str("</article>\n<section class=\"comments\" id=\"comments\"><h2>Comments</h2>\n");
    for i in 0..20 {
        let _ = writeln!(
            out,
            "<div class=\"comment\"><span class=\"comment__author\">reader{i}</span><p>I don&#39;t agree with point {i}.</p><a href=\"#reply-{i}\">Reply</a></div>"
        );
    }
    out.push_str("</section></div><div class=\"layout__sidebar\"><div class=\"most-read\"><h2>Most read</h2>");
    for i in 0..10 {
        let _ = write!(out, "<a href=\"/popular/{i}\">Popular story {i}</a>");
    }
    out.push_str("</div></div></div></main>\n<footer class=\"site-footer\">");
    nav(&mut out, "footer-nav", 30, 7);
    out.push_str("<p>&copy; 2024 The Example Times</p></footer></div>\n");
    for _ in 0..5 {
        out.push_str(SCRIPT);
    }
    out.push_str("</body></html>\n");
    out
}

fn main() -> ExitCode {
    let args = Args::parse();
    let html = page(args.bytes, args.seed);
    let mut out = io::stdout().lock();
    match out.write_all(html.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_page: {e}");
            ExitCode::FAILURE
        }
    }
}
