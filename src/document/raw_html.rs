//! The text of raw HTML written into a Markdown article (`<details>`,
//! `<div>`, `<p>`…): what a browser would show of it, not its tags. Tags and
//! comments are dropped, character references decoded (html5ever's
//! tokenizer), script and style left out, and a block-level tag starts a new
//! line.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Tags whose content is never text a reader sees.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript"];

/// Tags that end a line of text.
const LINE_BREAKING: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];

#[derive(Default)]
struct Sink {
    out: RefCell<String>,
    /// How many hidden elements are open.
    hidden: Cell<u32>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                if HIDDEN.contains(&name) {
                    let open = self.hidden.get();
                    self.hidden.set(match tag.kind {
                        TagKind::StartTag if !tag.self_closing => open.saturating_add(1),
                        TagKind::StartTag => open,
                        TagKind::EndTag => open.saturating_sub(1),
                    });
                } else if LINE_BREAKING.contains(&name) {
                    let mut out = self.out.borrow_mut();
                    let kept = out.trim_end_matches([' ', '\t']).len();
                    out.truncate(kept);
                    if !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                } else if &*tag.name == "td" || &*tag.name == "th" {
                    let mut out = self.out.borrow_mut();
                    if !out.is_empty() && !out.ends_with(['\n', ' ']) {
                        out.push(' ');
                    }
                }
            }
            Token::CharacterTokens(text) if self.hidden.get() == 0 => {
                let mut out = self.out.borrow_mut();
                // Whitespace runs in HTML show as one space; line breaks
                // come from the tags.
                for word in text.split_inclusive(char::is_whitespace) {
                    let trimmed = word.trim_end();
                    if !trimmed.is_empty() {
                        out.push_str(trimmed);
                    }
                    if trimmed.len() < word.len() && !out.is_empty() && !out.ends_with(['\n', ' '])
                    {
                        out.push(' ');
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The visible text of an HTML fragment: lines of words, no tags.
pub fn text(html: &str) -> String {
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let out = tokenizer.sink.out.take();
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn tags_go_and_text_stays() {
        assert_eq!(
            text("<details>\n<summary>More about it</summary>\n"),
            "More about it"
        );
        assert_eq!(
            text("<div class=\"note\">Fish &amp; chips &#8212; <b>hot</b></div>\n"),
            "Fish & chips \u{2014} hot"
        );
        assert_eq!(text("<p>One</p><p>Two<br>Three</p>"), "One\nTwo\nThree");
        assert_eq!(text("</details>\n"), "");
        assert_eq!(text("<!-- a note to the editor -->\n"), "");
        assert_eq!(
            text("<div><script>var x = '<b>';</script><style>p{}</style>Shown</div>"),
            "Shown"
        );
    }
}
