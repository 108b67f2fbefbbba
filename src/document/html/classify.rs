//! What an element is for, from how pages are built: its tag, its ARIA
//! role, and the generic words in its `class` and `id` (nav, footer, share,
//! related, comment...). No site's own names: only words that pages of
//! every kind use for the same furniture.

use html5ever::{LocalName, local_name};

use super::tree::NodeRef;

/// What an element's markup says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    #[default]
    Neutral,
    /// Words or a role that name the article's body.
    Content,
    /// Furniture that might hold the article's parts (a header, a meta
    /// line): set apart unless it holds much of the text.
    Weak,
    /// Furniture (navigation, share buttons, comments, related lists).
    Furniture,
    /// A caption or credit of a figure.
    Caption,
    /// An author or date line.
    Byline,
}

/// Words in class and id that name page furniture whatever else they say.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menus",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "sidebar",
    "share",
    "shares",
    "sharing",
    "social",
    "socials",
    "sociallinks",
    "follow",
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
    "comment",
    "comments",
    "commenting",
    "disqus",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "promos",
    "promotion",
    "sponsored",
    "sponsor",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "adslot",
    "adunit",
    "dfp",
    "gpt",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "paywall",
    "modal",
    "popup",
    "overlay",
    "skip",
    "skiplink",
    "toolbar",
    "pagination",
    "pager",
    "login",
    "signin",
    "register",
    "outbrain",
    "taboola",
    "banner",
    "masthead",
    "topbar",
    "bottombar",
    "widget",
    "widgets",
    "rail",
    "jumplink",
    "readmore",
    "readnext",
    "upnext",
    "print",
    "tools",
    "sronly",
    "visuallyhidden",
    "offscreen",
    // The same furniture named in the languages of pages read most,
    // written as class names are (ASCII): ads, share, comments.
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
    "compartir",
    "compartilhar",
    "teilen",
    "partager",
    "condividi",
    "kommentar",
    "kommentare",
    "comentarios",
    "commentaires",
    "commenti",
];

/// Words that name furniture only when nothing names the content.
const WEAK: &[&str] = &[
    "header",
    "head",
    "meta",
    "tags",
    "tag",
    "topics",
    "keywords",
    "bio",
    "aside",
    "info",
    "details",
    "utility",
    "actions",
    "links",
    "extra",
    "secondary",
    "complementary",
    "teaser",
    "teasers",
    "card",
    "cards",
    "headline",
    "title",
    "kicker",
    "label",
    "dek",
    "subtitle",
    "standfirst",
];

/// Words that name an author or date line.
const BYLINE: &[&str] = &[
    "byline",
    "bylines",
    "author",
    "authors",
    "writer",
    "contributor",
    "dateline",
    "timestamp",
    "date",
    "time",
    "published",
    "updated",
    "pubdate",
    "posted",
];

/// Words that name a caption or credit.
const CAPTION: &[&str] = &[
    "caption",
    "captions",
    "figcaption",
    "credit",
    "credits",
    "photocredit",
    "imagecredit",
];

/// Words that name the article's body.
const CONTENT: &[&str] = &[
    "article",
    "articlebody",
    "content",
    "entry",
    "post",
    "story",
    "body",
    "text",
    "main",
    "prose",
    "blog",
    "richtext",
    "copy",
];

/// True when a class may hold a caption's word (`caption`, `credit` in
/// any case): a test cheap enough for every inline element of a page,
/// before its words are split.
pub fn may_name_caption(class: &str) -> bool {
    let b = class.as_bytes();
    b.windows(7).any(|w| w.eq_ignore_ascii_case(b"caption"))
        || b.windows(6).any(|w| w.eq_ignore_ascii_case(b"credit"))
}

/// True for an element whose class or id names comments.
pub fn is_comments(node: NodeRef<'_>) -> bool {
    let mut w = Vec::new();
    if let Some(class) = node.attr("class") {
        words(class, &mut w);
    }
    if let Some(id) = node.attr("id") {
        words(id, &mut w);
    }
    w.iter().any(|w| {
        matches!(
            w.as_str(),
            "comment"
                | "comments"
                | "commenting"
                | "disqus"
                | "respond"
                | "replies"
                | "kommentar"
                | "kommentare"
                | "comentarios"
                | "commentaires"
                | "commenti"
        )
    })
}

/// Splits `class` and `id` values into lower-case words: `article-body`,
/// `articleBody` and `article_body` give `article` and `body`, and the
/// joined form `articlebody` too.
pub fn words(value: &str, out: &mut Vec<String>) {
    for part in value.split(|c: char| !c.is_ascii_alphanumeric()) {
        if part.is_empty() {
            continue;
        }
        let mut word = String::new();
        let mut prev_lower = false;
        for c in part.chars() {
            if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            word.push(c.to_ascii_lowercase());
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    // `article-body` also as `articlebody`, `most-read` as `mostread`.
    let n = out.len();
    if n >= 2 {
        for i in 0..n - 1 {
            let joined = format!("{}{}", out[i], out[i + 1]);
            out.push(joined);
        }
    }
}

/// True when a class names an author or date line as its head word and
/// none names the body: `article-byline`, `post-date` and `entryAuthor`
/// are a byline of the article, post or entry, while `story-body
/// updated` is a body that was updated. A class names its thing last,
/// what it belongs to first.
fn byline_named(node: NodeRef<'_>) -> bool {
    let Some(class) = node.attr("class") else {
        return false;
    };
    let mut heads = Vec::new();
    let mut parts = Vec::new();
    for token in class.split_ascii_whitespace() {
        parts.clear();
        // The parts alone, not the joined pairs `words` adds after them.
        let mut split = token
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|p| !p.is_empty());
        let Some(last) = split.next_back() else {
            continue;
        };
        words(last, &mut parts);
        // `entryAuthor` splits into `entry`, `author` and the joined form.
        let n = parts.len();
        let head = if n >= 3 {
            &parts[(n - 1) / 2]
        } else {
            &parts[0]
        };
        heads.push(head.clone());
    }
    heads.iter().any(|h| BYLINE.contains(&h.as_str()))
        && !heads.iter().any(|h| CONTENT.contains(&h.as_str()))
}

/// The role of an element from its tag, ARIA role and class/id words.
pub fn role(node: NodeRef<'_>, tag: &LocalName, scratch: &mut Vec<String>) -> Role {
    match *tag {
        local_name!("nav") => return Role::Furniture,
        local_name!("footer") | local_name!("aside") => return Role::Furniture,
        local_name!("figcaption") => return Role::Caption,
        local_name!("header") => return Role::Weak,
        local_name!("address") => return Role::Byline,
        _ => {}
    }
    if let Some(aria) = node.attr("role") {
        match aria.trim().to_ascii_lowercase().as_str() {
            "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "menu"
            | "menubar" | "toolbar" | "dialog" | "alertdialog" | "tablist" => {
                return Role::Furniture;
            }
            "main" | "article" => return Role::Content,
            _ => {}
        }
    }
    if let Some(prop) = node.attr("itemprop") {
        let prop = prop.to_ascii_lowercase();
        if prop.contains("articlebody") || prop == "text" {
            return Role::Content;
        }
        if prop == "author" || prop == "datepublished" || prop == "datemodified" {
            return Role::Byline;
        }
        if prop == "caption" {
            return Role::Caption;
        }
    }
    scratch.clear();
    if let Some(class) = node.attr("class") {
        words(class, scratch);
    }
    if let Some(id) = node.attr("id") {
        words(id, scratch);
    }
    // A custom element's name is chosen as a class is (`amp-ad`,
    // `amp-social-share`, `ad-slot`): its words say what it is.
    if tag.contains('-') {
        words(tag, scratch);
    }
    if scratch.is_empty() {
        return Role::Neutral;
    }
    let has = |list: &[&str]| scratch.iter().any(|w| list.contains(&w.as_str()));
    let content = has(CONTENT);
    if has(FURNITURE) {
        return Role::Furniture;
    }
    if has(CAPTION) {
        return Role::Caption;
    }
    if has(BYLINE) && (!content || byline_named(node)) {
        return Role::Byline;
    }
    if content {
        return Role::Content;
    }
    // A paragraph's own class (`title`, `label`) says little.
    if has(WEAK) && !matches!(*tag, local_name!("p")) {
        return Role::Weak;
    }
    Role::Neutral
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        words(s, &mut out);
        out
    }

    #[test]
    fn words_split_on_case_and_punctuation() {
        assert_eq!(
            split("articleBody post_text-main"),
            [
                "article",
                "body",
                "post",
                "text",
                "main",
                "articlebody",
                "bodypost",
                "posttext",
                "textmain"
            ]
        );
        assert_eq!(split("most-read"), ["most", "read", "mostread"]);
        assert!(split("").is_empty());
    }
}
