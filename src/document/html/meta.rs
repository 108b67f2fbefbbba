//! What a page says about its article beyond the body: headline, authors,
//! dates, site, section, language, canonical URL, description, read from
//! JSON-LD (`NewsArticle` and kin), Open Graph and `<meta>` tags, and the
//! `<title>`.

use html5ever::local_name;
use serde_json::Value;

use super::tree::{NONE, NodeId, ROOT, Tree};
use crate::document::Meta;

/// What the page's head and structured data hold.
#[derive(Debug, Default)]
pub struct Found {
    pub meta: Meta,
    /// Headline candidates, best first.
    pub og_title: Option<String>,
    pub ld_headline: Option<String>,
    pub title_tag: Option<String>,
    /// JSON-LD `articleBody`.
    pub ld_body: Option<String>,
}

/// Folds runs of whitespace to one space and trims.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn set(slot: &mut Option<String>, value: &str) {
    let v = squash(value);
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v);
    }
}

/// Reads the page's metadata.
pub fn read(tree: &Tree) -> Found {
    let mut found = Found::default();
    let mut authors_meta: Vec<String> = Vec::new();
    let mut id: NodeId = ROOT;
    while id != NONE {
        let node = tree.node(id);
        if let Some(tag) = node.tag() {
            match *tag {
                local_name!("html") => {
                    if let Some(lang) = node.attr("lang").or_else(|| node.attr("xml:lang")) {
                        set(&mut found.meta.language, lang);
                    }
                }
                local_name!("title") if found.title_tag.is_none() => {
                    let text: String = tree.children(id).filter_map(|c| tree.text(c)).collect();
                    set(&mut found.title_tag, &text);
                }
                local_name!("link") => {
                    let rel = node.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical")
                        && let Some(href) = node.attr("href")
                    {
                        set(&mut found.meta.canonical_url, href);
                    }
                }
                local_name!("meta") => meta_tag(node, &mut found, &mut authors_meta),
                local_name!("script") => {
                    let ld = node
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if ld {
                        let text: String = tree.children(id).filter_map(|c| tree.text(c)).collect();
                        if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
                            json_ld(&value, &mut found, 0);
                        }
                    }
                }
                _ => {}
            }
        }
        // Scripts and titles hold text, not elements: no need to enter.
        let descend = !matches!(
            node.tag().map(|t| &**t),
            Some("script" | "style" | "title" | "template")
        );
        id = tree.next_in(id, ROOT, descend && !node.is_text());
    }
    if found.meta.authors.is_empty() {
        found.meta.authors = authors_meta;
    }
    found
}

fn meta_tag(node: super::tree::NodeRef<'_>, found: &mut Found, authors: &mut Vec<String>) {
    let key = node
        .attr("property")
        .or_else(|| node.attr("name"))
        .or_else(|| node.attr("itemprop"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some(content) = node.attr("content") else {
        if let Some(charset) = node.attr("charset") {
            let _ = charset;
        }
        return;
    };
    let m = &mut found.meta;
    match key.as_str() {
        "og:title" | "twitter:title" => set(&mut found.og_title, content),
        "og:site_name" | "application-name" => set(&mut m.site_name, content),
        "og:description" | "description" | "twitter:description" => {
            set(&mut m.description, content)
        }
        "og:url" => set(&mut m.canonical_url, content),
        "article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "sailthru.date"
        | "parsely-pub-date"
        | "og:published_time" => set(&mut m.published, content),
        "article:modified_time"
        | "datemodified"
        | "og:updated_time"
        | "dcterms.modified"
        | "last-modified" => set(&mut m.updated, content),
        "article:section" | "section" | "parsely-section" => set(&mut m.section, content),
        "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author" => {
            let v = squash(content);
            // Profile URLs name no one a reader knows.
            if !v.is_empty() && !v.contains("://") && !authors.contains(&v) {
                authors.push(v);
            }
        }
        "og:locale" | "language" | "content-language" | "dc.language" => {
            set(&mut m.language, content)
        }
        _ => {}
    }
}

/// True for a schema.org type that is an article.
fn is_article_type(value: &Value) -> bool {
    let is = |t: &str| {
        t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t.ends_with("Posting")
    };
    match value {
        Value::String(t) => is(t),
        Value::Array(ts) => ts.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// Names in a schema.org `author`: a string, a Person or Organization, or
/// a list of them.
fn names(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => {
            let s = squash(s);
            if !s.is_empty() && !s.contains("://") && !out.contains(&s) {
                out.push(s);
            }
        }
        Value::Object(o) => {
            if let Some(n) = o.get("name") {
                names(n, out);
            }
        }
        Value::Array(items) => items.iter().take(20).for_each(|v| names(v, out)),
        _ => {}
    }
}

fn string(value: Option<&Value>) -> Option<&str> {
    match value? {
        Value::String(s) => Some(s),
        Value::Array(items) => items.first().and_then(|v| v.as_str()),
        Value::Object(o) => o.get("name").and_then(|v| v.as_str()),
        _ => None,
    }
}

fn json_ld(value: &Value, found: &mut Found, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld(v, found, depth + 1)),
        Value::Object(o) => {
            if let Some(graph) = o.get("@graph") {
                json_ld(graph, found, depth + 1);
            }
            if !o.get("@type").is_some_and(is_article_type) {
                return;
            }
            if let Some(h) = string(o.get("headline")).or_else(|| string(o.get("name"))) {
                set(&mut found.ld_headline, h);
            }
            if let Some(b) = string(o.get("articleBody")) {
                set(&mut found.ld_body, b);
            }
            let m = &mut found.meta;
            if m.authors.is_empty()
                && let Some(a) = o.get("author")
            {
                names(a, &mut m.authors);
            }
            if let Some(d) = string(o.get("datePublished")) {
                set(&mut m.published, d);
            }
            if let Some(d) = string(o.get("dateModified")) {
                set(&mut m.updated, d);
            }
            if let Some(s) = string(o.get("articleSection")) {
                set(&mut m.section, s);
            }
            if let Some(p) = o.get("publisher").and_then(|p| string(Some(p))) {
                set(&mut m.site_name, p);
            }
            if let Some(l) = string(o.get("inLanguage")) {
                set(&mut m.language, l);
            }
            if let Some(d) = string(o.get("description")) {
                set(&mut m.description, d);
            }
        }
        _ => {}
    }
}

/// Longest first line of an article taken as its headline.
const FIRST_LINE_CHARS: usize = 200;

/// The headline: the page's `<h1>` when it agrees with what the head says
/// (and is not the site's name, a theme's masthead); else the article's
/// first line when it is one part of a title (`Headline | Site` on a page
/// with no `<h1>`); else Open Graph's title, JSON-LD's headline, or the
/// `<title>` with the site's name cut off.
pub fn headline(found: &Found, h1: Option<&str>, first_line: Option<&str>) -> Option<String> {
    let candidates = [
        found.og_title.as_deref(),
        found.ld_headline.as_deref(),
        found.title_tag.as_deref(),
    ];
    let site = found.meta.site_name.as_deref().map(fold);
    if let Some(h1) = h1.map(squash).filter(|h| !h.is_empty()) {
        let key = fold(&h1);
        if site.as_ref() != Some(&key)
            && candidates.iter().flatten().any(|c| {
                let c = fold(c);
                !key.is_empty() && (c.contains(&key) || key.contains(&c))
            })
        {
            return Some(h1);
        }
    }
    if let Some(line) = first_line.map(squash)
        && line.chars().count() <= FIRST_LINE_CHARS
    {
        let key = fold(&line);
        let is_part = |title: &&str| {
            fold(title) == key
                || TITLE_SEPARATORS
                    .iter()
                    .any(|sep| title.split(sep).any(|part| fold(part) == key))
        };
        if !key.is_empty()
            && site.as_ref() != Some(&key)
            && candidates.iter().flatten().any(is_part)
        {
            return Some(line);
        }
    }
    if let Some(t) = found.og_title.as_deref().or(found.ld_headline.as_deref()) {
        return Some(cut_site(t, found.meta.site_name.as_deref()));
    }
    found
        .title_tag
        .as_deref()
        .map(|t| cut_site(t, found.meta.site_name.as_deref()))
}

/// Letters and digits only, lower case: how titles are compared.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What parts a page's title into its headline and the site's name.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// A title without the site's name: `Headline | Site`, `Site - Headline`.
fn cut_site(title: &str, site: Option<&str>) -> String {
    let title = squash(title);
    for sep in TITLE_SEPARATORS {
        let parts: Vec<&str> = title.split(sep).collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(site) = site.map(fold) {
            let kept: Vec<&str> = parts.iter().copied().filter(|p| fold(p) != site).collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return kept.join(sep);
            }
        }
        // The longest part is the headline; the site's name is short.
        let (first, last) = (parts[0], parts[parts.len() - 1]);
        if last.chars().count() * 2 < first.chars().count() {
            return parts[..parts.len() - 1].join(sep);
        }
        if first.chars().count() * 2 < last.chars().count() {
            return parts[1..].join(sep);
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(html: &str) -> Found {
        read(&Tree::parse(html))
    }

    #[test]
    fn json_ld_article_fields() {
        let f = found(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Big news","author":[{"@type":"Person","name":"Ana Li"},{"name":"Bo Ek"}],"datePublished":"2024-03-01T10:00:00Z","articleSection":["World"],"publisher":{"name":"The Daily"},"articleBody":"Body text."}]}</script>"#,
        );
        assert_eq!(f.ld_headline.as_deref(), Some("Big news"));
        assert_eq!(f.meta.authors, ["Ana Li", "Bo Ek"]);
        assert_eq!(f.meta.published.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(f.meta.section.as_deref(), Some("World"));
        assert_eq!(f.meta.site_name.as_deref(), Some("The Daily"));
        assert_eq!(f.ld_body.as_deref(), Some("Body text."));
    }

    #[test]
    fn meta_tags_and_canonical() {
        let f = found(
            r#"<html lang="de"><head><title>Schlagzeile | Zeitung</title><meta property="og:site_name" content="Zeitung"><meta name="author" content="Eva Roth"><meta property="article:published_time" content="2020-01-02"><link rel="canonical" href="https://example.org/a"></head></html>"#,
        );
        assert_eq!(f.meta.language.as_deref(), Some("de"));
        assert_eq!(f.meta.authors, ["Eva Roth"]);
        assert_eq!(
            f.meta.canonical_url.as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(headline(&f, None, None).as_deref(), Some("Schlagzeile"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let f = found(r#"<script type="application/ld+json">{"@type": "NewsArticle", </script>"#);
        assert!(f.ld_headline.is_none());
    }

    #[test]
    fn h1_wins_when_it_agrees() {
        let f = found("<title>A long headline here - Site</title>");
        assert_eq!(
            headline(&f, Some("A long headline here"), None).as_deref(),
            Some("A long headline here")
        );
        assert_eq!(
            headline(&f, Some("Menu"), None).as_deref(),
            Some("A long headline here")
        );
    }

    #[test]
    fn the_site_name_as_h1_is_not_the_headline() {
        let f = found(
            r#"<title>Two mosques reopen | News of the Faith</title><meta property="og:site_name" content="News of the Faith">"#,
        );
        assert_eq!(
            headline(&f, Some("News of the Faith"), None).as_deref(),
            Some("Two mosques reopen")
        );
    }

    #[test]
    fn with_no_h1_a_first_line_that_is_a_part_of_the_title_is_the_headline() {
        // Neither part is twice the other, so the title alone cannot
        // tell the headline from the site's name.
        let f = found("<title>We open on Monday | Harbour Bakery</title>");
        assert_eq!(
            headline(&f, None, Some("We open on Monday")).as_deref(),
            Some("We open on Monday")
        );
        let f = found("<title>Valley Orchid Society - Spring Show 2025</title>");
        assert_eq!(
            headline(&f, None, Some("Spring Show 2025")).as_deref(),
            Some("Spring Show 2025")
        );
        // A first line that is not a part of the title is body.
        assert_eq!(
            headline(&f, None, Some("Spring Show")).as_deref(),
            Some("Valley Orchid Society - Spring Show 2025")
        );
    }
}
