//! Page furniture: the comment forms, share buttons and navigation that
//! scraped articles drag along. Recognised by the phrases sites use for them,
//! only in runs at the very start or end of the article, so a sentence in the
//! body that happens to say "subscribe" is never hidden.

use std::sync::LazyLock;

use regex::Regex;

use super::{Block, BlockKind};

/// Phrases that open a furniture block, matched case-insensitively at the
/// block's start.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            add\ a\ comment | leave\ a\ (?:reply|comment) | post\ a\ comment | \d*\s*comments?$
          | your\ email\ address\ will\ not\ be\ published | required\ fields\ are\ marked
          | share\ (?:this|on|via)\b | share$ | tweet$ | email$ | print$
          | skip\ to\ (?:main\ )?content | jump\ to\ (?:main\ )?content | menu$ | search$ | close$
          | sign\ up\b | subscribe\b | newsletter | follow\ us\b | join\ (?:us|our)\b
          | related\ (?:articles|stories|news|posts|topics|coverage)? | read\ more\b | more\ from\b
          | recommended\b | most\ (?:read|popular|viewed)\b | you\ may\ also\ like | trending\b
          | advertisement$ | sponsored\b | (?:©|copyright\b|\(c\)\ ) | all\ rights\ reserved
          | click\ here\b | posted\ in\b | tags?: | filed\ under\b | topics?:
          | cookies?\b.*\b(?:policy|consent|settings|accept) | we\ use\ cookies | accept\ (?:all\ )?cookies
          | privacy\ policy | terms\ (?:of\ (?:use|service)|and\ conditions)
          | source:\ | sources?:\s*$ | (?:photo|image|video)\s*(?:credit)?:\ .{0,80}$
          | back\ to\ top | next\ article | previous\ article | continue\ reading
          | log\ ?in\b | sign\ in\b | register$ | download\ (?:our|the)\ app
        )",
    )
    .expect("furniture pattern is valid")
});

/// True when a block of text reads as page furniture.
pub fn is_furniture(text: &str) -> bool {
    let text = text.trim();
    // Furniture is short; a long paragraph that starts with "Read more" is
    // still prose.
    text.chars().count() <= 240 && FURNITURE.is_match(text)
}

/// Given each block's text, how many blocks at the start and at the end are
/// furniture. The leading run stops at the first block that is not; so does
/// the trailing run.
pub fn furniture_runs<'a>(
    blocks: impl DoubleEndedIterator<Item = &'a str> + Clone,
) -> (usize, usize) {
    let total = blocks.clone().count();
    let lead = blocks.clone().take_while(|t| is_furniture(t)).count();
    if lead == total {
        return (lead, 0);
    }
    let trail = blocks.rev().take_while(|t| is_furniture(t)).count();
    (lead, trail)
}

/// Marks the leading and trailing furniture runs of prose blocks as
/// [`BlockKind::Boilerplate`]; returns the range of blocks between them.
pub(super) fn mark(text: &str, blocks: &mut [Block]) -> std::ops::Range<usize> {
    let (lead, trail) = furniture_runs(blocks.iter().map(|b| &text[b.range.clone()]));
    let body_end = blocks.len() - trail;
    let len = blocks.len();
    for (i, block) in blocks.iter_mut().enumerate() {
        let outside = i < lead || i >= body_end.min(len);
        if outside
            && matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::ListItem { .. }
            )
        {
            block.kind = BlockKind::Boilerplate;
        }
    }
    lead..body_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_furniture() {
        for text in [
            "Add a Comment",
            "Your email address will not be published. Required fields are marked *",
            "Share this article",
            "Leave a Reply",
            "Skip to main content",
            "Related Articles",
            "© 2024 Example News. All rights reserved.",
            "Sign up for our newsletter",
            "12 Comments",
        ] {
            assert!(is_furniture(text), "{text}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for text in [
            "Shares in the company fell 4% on Monday.",
            "Related talks in Geneva ended without agreement, officials said on Friday after a long week of negotiations that went nowhere at all, according to several diplomats who attended them and spoke on condition of anonymity because they were not authorised to speak to the press about the matter.",
            "Commentators said the vote was close.",
        ] {
            assert!(!is_furniture(text), "{text}");
        }
    }

    #[test]
    fn only_runs_at_the_ends_count() {
        let blocks = [
            "Skip to content",
            "Title",
            "Share this",
            "Body",
            "Add a Comment",
            "Leave a Reply",
        ];
        assert_eq!(furniture_runs(blocks.iter().copied()), (1, 2));
    }
}
