//! Link targets: relative links resolved against the page's URL (its
//! `<base href>`, or the URL it was fetched from), and targets that are
//! not places to go (`javascript:`, `data:`) kept as text (the reader
//! opens only http, https and mailto), a long `data:` URL shortened.

/// Longest `data:` target kept whole; past it, its start and an ellipsis.
const DATA_SHOWN: usize = 48;

/// The target a link shows for `href` on a page at `base`, made safe to
/// show and hand on (`sanitize::link_target`: printable ASCII only).
pub fn target(href: &str, base: Option<&str>) -> String {
    let href = href.trim();
    let lower = href.get(..11).unwrap_or(href).to_ascii_lowercase();
    let resolved =
        if lower.starts_with("data:") || lower.starts_with("javascript:") || has_scheme(href) {
            href.to_string()
        } else {
            match base {
                Some(base) if has_scheme(base) => resolve(href, base),
                _ => href.to_string(),
            }
        };
    let mut shown = crate::sanitize::link_target(&resolved);
    if lower.starts_with("data:") && shown.len() > DATA_SHOWN {
        // Printable ASCII: any byte is a character boundary.
        shown.truncate(DATA_SHOWN);
        shown.push_str("...");
    }
    shown
}

/// True when a URL starts with a scheme (`https:`, `mailto:`).
fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) if i > 0 => {
            let scheme = &url[..i];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        _ => false,
    }
}

/// Resolves a relative reference against an absolute base (RFC 3986, the
/// cases pages use: `//host/x`, `/x`, `x`, `../x`, `?q`, `#f`).
pub fn resolve(href: &str, base: &str) -> String {
    let base = base.split('#').next().unwrap_or(base);
    let scheme_end = base.find(':').map_or(0, |i| i + 1);
    let scheme = &base[..scheme_end];
    if href.starts_with("//") {
        return format!("{scheme}{href}");
    }
    let after_scheme = &base[scheme_end..];
    let (authority, path_and_query) = match after_scheme.strip_prefix("//") {
        Some(rest) => {
            let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            (&after_scheme[..end + 2], &rest[end..])
        }
        None => ("", after_scheme),
    };
    let origin = format!("{scheme}{authority}");
    if href.is_empty() {
        return base.to_string();
    }
    if href.starts_with('#') {
        return format!("{base}{href}");
    }
    let path = path_and_query.split('?').next().unwrap_or("");
    if href.starts_with('?') {
        return format!("{origin}{path}{href}");
    }
    let joined = if href.starts_with('/') {
        href.to_string()
    } else {
        let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!("{dir}{href}")
    };
    let (joined_path, rest) = match joined.find(['?', '#']) {
        Some(i) => (&joined[..i], &joined[i..]),
        None => (joined.as_str(), ""),
    };
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = joined_path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    parts.push("");
                }
            }
            ".." => {
                if parts.len() > 1 {
                    parts.pop();
                }
                if last {
                    parts.push("");
                }
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    format!("{origin}{path}{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve() {
        let base = "https://news.example/world/2024/story.html?x=1";
        assert_eq!(
            target("a.html", Some(base)),
            "https://news.example/world/2024/a.html"
        );
        assert_eq!(target("../b", Some(base)), "https://news.example/world/b");
        assert_eq!(target("/c", Some(base)), "https://news.example/c");
        assert_eq!(
            target("//cdn.example/d", Some(base)),
            "https://cdn.example/d"
        );
        assert_eq!(target("#top", Some(base)), format!("{base}#top"));
        assert_eq!(
            target("?p=2", Some(base)),
            "https://news.example/world/2024/story.html?p=2"
        );
        assert_eq!(
            target("https://o.example/", Some(base)),
            "https://o.example/"
        );
        assert_eq!(target("a.html", None), "a.html");
    }

    #[test]
    fn script_and_data_targets_stay_text() {
        assert_eq!(
            target("javascript:alert(1)", Some("https://x.example/")),
            "javascript:alert(1)"
        );
        let long = format!("data:image/png;base64,{}", "A".repeat(500));
        let shown = target(&long, None);
        assert!(shown.ends_with("...") && shown.len() == DATA_SHOWN + 3);
        assert_eq!(target("a b\u{1b}", None), "a%20b%1B");
    }
}
