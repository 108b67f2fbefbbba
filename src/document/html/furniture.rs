//! What a part of the page set apart from the article is, for the
//! outline: "Navigation", "Comments", "Related" rather than its first
//! words ("Skip to main content"). Read from how pages are built, as
//! [`classify`](super::classify) reads roles: the tag, the ARIA role and
//! the generic words of `class` and `id`; else the part's own heading;
//! else where it stands (above or below the article).

use html5ever::{LocalName, local_name};

use super::classify::words;
use super::page::Page;
use super::tree::{NONE, NodeId, NodeRef};

/// Kinds of page furniture a reader recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    Navigation,
    Header,
    Footer,
    Sidebar,
    Share,
    Related,
    Comments,
    Newsletter,
    Ads,
    Cookies,
    Popup,
    Author,
    Tags,
    Search,
    Byline,
}

impl Furniture {
    /// The name the outline shows.
    pub fn name(self) -> &'static str {
        match self {
            Furniture::Navigation => "Navigation",
            Furniture::Header => "Page header",
            Furniture::Footer => "Page footer",
            Furniture::Sidebar => "Sidebar",
            Furniture::Share => "Share",
            Furniture::Related => "Related",
            Furniture::Comments => "Comments",
            Furniture::Newsletter => "Newsletter and sign-up",
            Furniture::Ads => "Ads",
            Furniture::Cookies => "Cookie notice",
            Furniture::Popup => "Pop-up",
            Furniture::Author => "About the author",
            Furniture::Tags => "Tags",
            Furniture::Search => "Search",
            Furniture::Byline => "Byline and date",
        }
    }
}

/// Class and id words, most telling first: a `comments-footer` is
/// comments, a `related-nav` related links.
const WORDS: &[(Furniture, &[&str])] = &[
    (
        Furniture::Comments,
        &[
            "comment",
            "comments",
            "commenting",
            "disqus",
            "respond",
            "replies",
            "kommentar",
            "kommentare",
            "comentarios",
            "commentaires",
            "commenti",
        ],
    ),
    (
        Furniture::Cookies,
        &["cookie", "cookies", "consent", "gdpr"],
    ),
    (
        Furniture::Newsletter,
        &[
            "newsletter",
            "newsletters",
            "subscribe",
            "subscription",
            "signup",
            "paywall",
            "login",
            "signin",
            "register",
        ],
    ),
    (
        Furniture::Related,
        &[
            "related",
            "recommended",
            "recommendations",
            "recommendation",
            "recirc",
            "recirculation",
            "popular",
            "trending",
            "mostread",
            "mostpopular",
            "readmore",
            "readnext",
            "upnext",
            "outbrain",
            "taboola",
            "teasers",
            "more",
        ],
    ),
    (
        Furniture::Share,
        &[
            "share",
            "shares",
            "sharing",
            "social",
            "socials",
            "sociallinks",
            "follow",
            "compartir",
            "compartilhar",
            "teilen",
            "partager",
            "condividi",
        ],
    ),
    (
        Furniture::Ads,
        &[
            "ad",
            "ads",
            "advert",
            "adverts",
            "advertisement",
            "advertising",
            "adslot",
            "adunit",
            "dfp",
            "gpt",
            "sponsor",
            "sponsored",
            "promo",
            "promos",
            "promotion",
            "publicidad",
            "publicidade",
            "anuncio",
            "anuncios",
            "werbung",
            "anzeige",
            "publicite",
            "pubblicita",
            "reklama",
            "reklame",
        ],
    ),
    (
        Furniture::Author,
        &["author", "authors", "bio", "contributor"],
    ),
    (Furniture::Tags, &["tags", "tag", "topics", "keywords"]),
    (
        Furniture::Byline,
        &[
            "byline",
            "bylines",
            "writer",
            "dateline",
            "timestamp",
            "date",
            "time",
            "published",
            "updated",
            "pubdate",
            "posted",
        ],
    ),
    (Furniture::Search, &["search", "searchbox", "searchform"]),
    (Furniture::Popup, &["modal", "popup", "overlay", "dialog"]),
    (
        Furniture::Navigation,
        &[
            "nav",
            "navbar",
            "navigation",
            "menu",
            "menus",
            "breadcrumb",
            "breadcrumbs",
            "skip",
            "skiplink",
            "jumplink",
            "pagination",
            "pager",
            "toolbar",
        ],
    ),
    (
        Furniture::Sidebar,
        &["sidebar", "aside", "rail", "widget", "widgets"],
    ),
    (
        Furniture::Header,
        &["header", "masthead", "topbar", "banner"],
    ),
    (Furniture::Footer, &["footer", "bottombar", "colophon"]),
];

/// What an element's own markup names it, if it names furniture.
pub fn kind(node: NodeRef<'_>, tag: &LocalName, scratch: &mut Vec<String>) -> Option<Furniture> {
    scratch.clear();
    if let Some(class) = node.attr("class") {
        words(class, scratch);
    }
    if let Some(id) = node.attr("id") {
        words(id, scratch);
    }
    // A custom element is named as a class is (`amp-social-share`).
    if tag.contains('-') {
        words(tag, scratch);
    }
    // The words say more than the tag: a `<footer class="comments">`.
    for (kind, list) in WORDS {
        if scratch.iter().any(|w| list.contains(&w.as_str())) {
            return Some(*kind);
        }
    }
    if let Some(aria) = node.attr("role") {
        let kind = match aria.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "toolbar" | "tablist" => Furniture::Navigation,
            "banner" => Furniture::Header,
            "contentinfo" => Furniture::Footer,
            "complementary" => Furniture::Sidebar,
            "search" => Furniture::Search,
            "dialog" | "alertdialog" => Furniture::Popup,
            _ => return tag_kind(tag),
        };
        return Some(kind);
    }
    tag_kind(tag)
}

fn tag_kind(tag: &LocalName) -> Option<Furniture> {
    Some(match *tag {
        local_name!("nav") => Furniture::Navigation,
        local_name!("header") => Furniture::Header,
        local_name!("footer") => Furniture::Footer,
        local_name!("aside") => Furniture::Sidebar,
        local_name!("address") | local_name!("time") => Furniture::Byline,
        _ => return None,
    })
}

/// Elements looked at inside a part for a name.
const SCAN: usize = 4096;

/// Longest heading taken as a part's name.
const HEADING_CHARS: usize = 60;

/// Where a set-apart part stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Above,
    Inside,
    Below,
}

/// A set-apart part's name: its own kind; else the kind of the element
/// inside it that holds most of its text; else its own heading (or itself,
/// a heading); else where it stands.
pub fn name(page: &Page, region: NodeId, place: Place) -> String {
    let mut scratch = Vec::new();
    let node = page.tree.node(region);
    // An `<h1>` is set apart only when it repeats the headline.
    if node.tag() == Some(&local_name!("h1")) {
        return "Headline".to_string();
    }
    if let Some(k) = node.tag().and_then(|t| kind(node, t, &mut scratch)) {
        return k.name().to_string();
    }
    if page.threads.binary_search(&region).is_ok() {
        return Furniture::Comments.name().to_string();
    }
    let total = page.chars[region as usize];
    let mut best: Option<(u32, Furniture)> = None;
    let mut heading: Option<NodeId> = None;
    let mut id = region;
    let mut seen = 0;
    while id != NONE && seen < SCAN {
        seen += 1;
        let node = page.tree.node(id);
        let shown = page.visible[id as usize];
        if shown && let Some(tag) = node.tag() {
            if heading.is_none()
                && matches!(
                    *tag,
                    local_name!("h1")
                        | local_name!("h2")
                        | local_name!("h3")
                        | local_name!("h4")
                        | local_name!("h5")
                        | local_name!("h6")
                )
            {
                heading = Some(id);
            }
            let chars = page.chars[id as usize];
            if id != region
                && best.is_none_or(|(c, _)| chars > c)
                && let Some(k) = kind(node, tag, &mut scratch)
            {
                best = Some((chars, k));
            }
        }
        id = page.tree.next_in(id, region, shown);
    }
    if let Some((chars, k)) = best
        && chars * 2 >= total
    {
        return k.name().to_string();
    }
    if let Some(h) = heading {
        let text = super::text_of(page, h);
        if !text.is_empty() && text.chars().count() <= HEADING_CHARS {
            return text;
        }
    }
    match place {
        Place::Above => "Above the article",
        Place::Inside => "Set apart from the article",
        Place::Below => "Below the article",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::html::tree::Tree;

    fn first(html: &str, tag: LocalName) -> (Page, NodeId) {
        let page = Page::new(Tree::parse(html));
        let id = page.tree.find(&tag).expect("element");
        (page, id)
    }

    #[test]
    fn a_part_is_named_by_its_tag_role_or_words() {
        for (html, tag, want) in [
            (
                "<nav><a href=/>Skip to main content</a></nav>",
                local_name!("nav"),
                "Navigation",
            ),
            (
                "<div role=contentinfo>© 2024</div>",
                local_name!("div"),
                "Page footer",
            ),
            (
                "<footer class='comment-list'><p>First!</p></footer>",
                local_name!("footer"),
                "Comments",
            ),
            (
                "<section id=mostRead><a href=/a>One</a></section>",
                local_name!("section"),
                "Related",
            ),
            (
                "<div class='share-bar'>Tweet</div>",
                local_name!("div"),
                "Share",
            ),
        ] {
            let (page, id) = first(html, tag);
            assert_eq!(name(&page, id, Place::Below), want, "{html}");
        }
    }

    #[test]
    fn an_unnamed_part_takes_what_fills_it_then_its_heading_then_its_place() {
        let (page, id) = first(
            "<div><ul class=menu><li><a href=/>Home</a><li><a href=/w>World news</a></ul></div>",
            local_name!("div"),
        );
        assert_eq!(name(&page, id, Place::Above), "Navigation");
        let (page, id) = first(
            "<div><h3>Elsewhere today</h3><p>Three stories</p></div>",
            local_name!("div"),
        );
        assert_eq!(name(&page, id, Place::Below), "Elsewhere today");
        let (page, id) = first("<div><p>Skip to main content</p></div>", local_name!("div"));
        assert_eq!(name(&page, id, Place::Above), "Above the article");
        assert_eq!(name(&page, id, Place::Inside), "Set apart from the article");
        let (page, id) = first("<div><h2>Related coverage</h2></div>", local_name!("h2"));
        assert_eq!(name(&page, id, Place::Inside), "Related coverage");
    }
}
