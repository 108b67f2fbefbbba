//! A cap on how deep a page nests, applied before html5ever sees it.
//!
//! The HTML5 tree builder looks down its stack of open elements for many
//! start tags (is a `<p>` open in button scope?), so a page of 100,000
//! nested `<div>` costs it minutes. Browsers cap the tree's depth (512 in
//! Chromium); lede does the same with a quick scan of the tags: past the
//! cap, a start tag and its matching end tag are dropped, and their text
//! stays in the element above. A page that never nests that deep (every
//! real one) goes through untouched.

/// Deepest nesting kept.
pub const MAX_DEPTH: usize = 512;

/// Elements whose end tag may be left out: they close themselves and never
/// nest deep in the tree, so they are not counted.
fn self_closing_by_rule(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"option"
            | b"optgroup"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"html"
            | b"head"
            | b"body"
    )
}

fn void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"param"
            | b"keygen"
            | b"frame"
    )
}

/// Elements whose content is text up to their end tag.
fn raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"textarea"
            | b"title"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"noscript"
            | b"plaintext"
    )
}

/// The page with nesting past [`MAX_DEPTH`] flattened, or `None` when it
/// never nests that deep.
pub fn flatten(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    scan(bytes, |event| match event {
        Tag::Open => {
            depth += 1;
            deepest = deepest.max(depth);
            true
        }
        Tag::Close => {
            depth = depth.saturating_sub(1);
            true
        }
    });
    if deepest <= MAX_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    // How many start tags were dropped, so as many end tags are.
    let mut dropped = 0usize;
    let mut last = 0;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    scan_spans(bytes, |event, span| {
        match event {
            Tag::Open => {
                depth += 1;
                if depth > MAX_DEPTH {
                    dropped += 1;
                    cuts.push(span);
                }
            }
            Tag::Close => {
                if dropped > 0 && depth > MAX_DEPTH {
                    dropped -= 1;
                    cuts.push(span);
                }
                depth = depth.saturating_sub(1);
            }
        }
        true
    });
    for (start, end) in cuts {
        out.push_str(&html[last..start]);
        // A dropped tag leaves a space, so words either side stay apart.
        out.push(' ');
        last = end;
    }
    out.push_str(&html[last..]);
    Some(out)
}

#[derive(Clone, Copy)]
enum Tag {
    Open,
    Close,
}

fn scan(bytes: &[u8], mut on: impl FnMut(Tag) -> bool) {
    scan_spans(bytes, |t, _| on(t));
}

/// Longer than any tag name the scan looks for.
const NAME_MAX: usize = 16;

/// Calls `on` for each counted start and end tag with its byte span.
fn scan_spans(bytes: &[u8], mut on: impl FnMut(Tag, (usize, usize)) -> bool) {
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + lt;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at =
                memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        let close = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(close);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            at = start + 1;
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &bytes[name_start..]) else {
            break;
        };
        let end = name_start + gt + 1;
        // Lower-cased on the stack, not in an allocation a tag: a name
        // longer than the buffer is none of the names looked for (the
        // longest is nine bytes), so it is taken as the empty one.
        let mut lower = [0u8; NAME_MAX];
        let name: &[u8] = if name_len > NAME_MAX {
            b""
        } else {
            for (l, b) in lower
                .iter_mut()
                .zip(&bytes[name_start..name_start + name_len])
            {
                *l = b.to_ascii_lowercase();
            }
            &lower[..name_len]
        };
        at = end;
        if !close && raw_text(name) {
            // Skip to the matching end tag.
            let mut closing = b"</".to_vec();
            closing.extend_from_slice(name);
            at = find_ci(&bytes[end..], &closing).map_or(bytes.len(), |i| end + i);
            continue;
        }
        let self_closed = bytes[end - 2] == b'/';
        if void(name) || self_closing_by_rule(name) || (self_closed && !close) {
            continue;
        }
        let go_on = on(if close { Tag::Close } else { Tag::Open }, (start, end));
        if !go_on {
            break;
        }
    }
}

/// Finds `needle` (lower case) in `hay`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut from = 0;
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[from..]) {
        let at = from + i;
        if hay.len() >= at + needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_untouched() {
        assert!(flatten("<div><p>a<p>b<ul><li>c<li>d</ul></div>").is_none());
        let many_paragraphs = "<p>x".repeat(5000);
        assert!(flatten(&many_paragraphs).is_none());
        let script = format!("<script>{}</script>", "<div>".repeat(5000));
        assert!(flatten(&script).is_none());
    }

    #[test]
    fn deep_nesting_is_capped() {
        let deep = "<div>".repeat(2000) + "text" + &"</div>".repeat(2000);
        let flat = flatten(&deep).expect("too deep");
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("text"));
    }
}
