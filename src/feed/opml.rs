//! OPML, the file feed readers export their subscriptions as: every
//! `<outline>` with an `xmlUrl` is a feed (its `title`, else its `text`,
//! names it); nested outlines (folders) are read through. Read with
//! quick-xml's streaming reader, bounded like a feed (size, depth, no
//! entities), and writing them into the config is the caller's.

use quick_xml::events::{BytesStart, Event};

use super::{FeedError, MAX_BYTES, MAX_DEPTH};

/// A feed named in an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    pub name: Option<String>,
}

/// The feeds an OPML file lists, in order, each URL once.
pub fn parse(bytes: &[u8]) -> Result<Vec<Subscription>, FeedError> {
    if bytes.len() > MAX_BYTES {
        return Err(FeedError::TooLarge);
    }
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut found: Vec<Subscription> = Vec::new();
    let mut opml = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| FeedError::Parse(format!("not OPML: {e}")))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(FeedError::TooDeep);
                }
                opml |= e.local_name().into_inner().eq_ignore_ascii_case("opml");
                outline(&e, &mut found);
            }
            Event::Empty(e) => {
                opml |= e.local_name().into_inner().eq_ignore_ascii_case("opml");
                outline(&e, &mut found);
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::DocType(d) if d.contains("ENTITY") => {
                return Err(FeedError::Entities);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !opml {
        return Err(FeedError::Parse("not OPML: no <opml> element".into()));
    }
    let mut seen = rustc_hash::FxHashSet::default();
    found.retain(|s| seen.insert(s.url.clone()));
    Ok(found)
}

fn outline(e: &BytesStart<'_>, found: &mut Vec<Subscription>) {
    if !e.local_name().into_inner().eq_ignore_ascii_case("outline") {
        return;
    }
    let mut url = None;
    let mut title = None;
    let mut text = None;
    for attr in e.attributes().flatten() {
        let Ok(value) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) else {
            continue;
        };
        let value = value.trim().to_string();
        match attr.key.local_name().into_inner() {
            "xmlUrl" | "xmlurl" => url = Some(value),
            "title" => title = Some(value),
            "text" => text = Some(value),
            _ => {}
        }
    }
    if let Some(url) = url.filter(|u| !u.is_empty()) {
        let name = title
            .filter(|t| !t.is_empty())
            .or(text)
            .filter(|t| !t.is_empty());
        found.push(Subscription { url, name });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_read_through_folders_once_each() {
        let opml = br#"<?xml version="1.0"?>
<opml version="2.0"><head><title>Exported</title></head><body>
  <outline text="News">
    <outline type="rss" text="World" title="World &amp; Europe" xmlUrl="https://example.org/world.xml"/>
    <outline type="rss" text="Tech" xmlUrl="https://example.org/tech.xml"></outline>
  </outline>
  <outline type="rss" text="World again" xmlUrl="https://example.org/world.xml"/>
  <outline text="a folder with no feed"/>
</body></opml>"#;
        let subs = parse(opml).expect("parsed");
        assert_eq!(
            subs,
            vec![
                Subscription {
                    url: "https://example.org/world.xml".into(),
                    name: Some("World & Europe".into()),
                },
                Subscription {
                    url: "https://example.org/tech.xml".into(),
                    name: Some("Tech".into()),
                },
            ]
        );
    }

    #[test]
    fn what_is_not_opml_is_refused() {
        assert!(parse(b"<rss><channel/></rss>").is_err());
        assert!(parse(b"not xml at all <<<").is_err());
        let deep = format!(
            "<opml>{}{}</opml>",
            "<outline>".repeat(MAX_DEPTH + 5),
            "</outline>".repeat(MAX_DEPTH + 5)
        );
        assert_eq!(parse(deep.as_bytes()), Err(FeedError::TooDeep));
        let bomb = br#"<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><opml><body><outline xmlUrl="http://x/&b;"/></body></opml>"#;
        assert_eq!(parse(bomb), Err(FeedError::Entities));
    }
}
