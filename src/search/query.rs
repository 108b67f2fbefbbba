//! Parsing prompt text into a [`Query`]: prefixes, smart case, folding of
//! the needle, compiling regular expressions within a size limit.
//!
//! The grammar is in the parent module's docs. Parsing never panics and the
//! only error is a regular expression that does not compile, reported in one
//! line with its column in the prompt.

use regex::{Regex, RegexBuilder};
use regex_syntax::ast::{self, Ast, ClassSetItem};

use crate::fold::fold;

/// Largest compiled regular expression: a pattern typed into a prompt never
/// needs more, and `\w{1000}{1000}` must fail fast, not eat memory.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A prompt text that is not a valid query.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("bad pattern at column {column}: {reason}")]
    Pattern { column: usize, reason: String },
    #[error("pattern too big (over {limit} bytes compiled): try a simpler one")]
    TooBig { limit: usize },
}

/// A plain-text query, folded and ready to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextQuery {
    /// The lower-case fold of the needle: what the folded index is searched for.
    pub folded: String,
    /// The case-kept fold when case matters: each hit's text must fold to it.
    pub exact: Option<String>,
    /// `\<`: the hit must not follow a word character.
    pub word_start: bool,
    /// `\>`: the hit must not precede a word character.
    pub word_end: bool,
}

/// What a prompt asks for.
#[derive(Debug, Clone, Default)]
pub enum Query {
    /// Nothing to find (empty prompt, or only prefixes or invisible text).
    #[default]
    Empty,
    Text(TextQuery),
    Regex(Regex),
    /// `@name`: the name as typed, resolved against the entities.
    Entity(String),
}

impl Query {
    /// Parses prompt text; see the module docs of `search` for the grammar.
    pub fn parse(prompt: &str) -> Result<Self, SearchError> {
        let mut rest = prompt;
        let mut case: Option<bool> = None;
        let mut regex = false;
        loop {
            if let Some(r) = rest.strip_prefix("\\c") {
                case = Some(false);
                rest = r;
            } else if let Some(r) = rest.strip_prefix("\\C") {
                case = Some(true);
                rest = r;
            } else if let Some(r) = rest.strip_prefix("\\v") {
                regex = true;
                rest = r;
            } else {
                break;
            }
        }
        if regex {
            let column = prompt[..prompt.len() - rest.len()].chars().count();
            return compile(rest, case, column);
        }
        if let Some(name) = rest.strip_prefix('@') {
            return Ok(Self::Entity(name.to_string()));
        }
        let mut word_start = false;
        let mut word_end = false;
        if rest.starts_with("\\@") || rest.starts_with("\\\\") {
            // Drop the backslash, keep the escaped character.
            rest = &rest[1..];
        } else if let Some(r) = rest.strip_prefix("\\<") {
            word_start = true;
            rest = r;
        }
        if let Some(r) = rest.strip_suffix("\\>") {
            word_end = true;
            rest = r;
        }
        let folded = fold(rest, true);
        if folded.is_empty() {
            return Ok(Self::Empty);
        }
        let exact = case.unwrap_or_else(|| rest.chars().any(char::is_uppercase));
        Ok(Self::Text(TextQuery {
            folded,
            exact: exact.then(|| fold(rest, false)),
            word_start,
            word_end,
        }))
    }

    /// True when hits must match case exactly (for display: `[Aa]` toggles).
    pub fn is_case_sensitive(&self) -> bool {
        match self {
            Query::Text(q) => q.exact.is_some(),
            Query::Regex(re) => !re.as_str().starts_with("(?i)"),
            Query::Empty | Query::Entity(_) => false,
        }
    }
}

fn compile(pattern: &str, case: Option<bool>, column: usize) -> Result<Query, SearchError> {
    if pattern.is_empty() {
        return Ok(Query::Empty);
    }
    let ast = ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| SearchError::Pattern {
            column: column + e.span().start.column,
            reason: e.kind().to_string(),
        })?;
    let exact = case.unwrap_or_else(|| has_uppercase_literal(&ast));
    // The flag is written into the pattern so `is_case_sensitive` can tell.
    let source = if exact {
        pattern.to_string()
    } else {
        format!("(?i){pattern}")
    };
    RegexBuilder::new(&source)
        .multi_line(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map(Query::Regex)
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => SearchError::TooBig { limit },
            other => SearchError::Pattern {
                column: column + 1,
                reason: last_line(&other.to_string()),
            },
        })
}

/// The `error: ...` line of the regex crate's multi-line message.
fn last_line(message: &str) -> String {
    let line = message.lines().last().unwrap_or(message).trim();
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

/// ripgrep's smart-case rule: a capital among the pattern's literal
/// characters (in classes too), not in escapes like `\W` or `\p{Lu}`.
fn has_uppercase_literal(ast: &Ast) -> bool {
    struct Upper(bool);
    impl ast::Visitor for Upper {
        type Output = bool;
        type Err = ();
        fn finish(self) -> Result<bool, ()> {
            Ok(self.0)
        }
        fn visit_pre(&mut self, ast: &Ast) -> Result<(), ()> {
            if let Ast::Literal(lit) = ast {
                self.0 |= lit.c.is_uppercase();
            }
            Ok(())
        }
        fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), ()> {
            match item {
                ClassSetItem::Literal(lit) => self.0 |= lit.c.is_uppercase(),
                ClassSetItem::Range(r) => {
                    self.0 |= r.start.c.is_uppercase() || r.end.c.is_uppercase()
                }
                _ => {}
            }
            Ok(())
        }
    }
    ast::visit(ast, Upper(false)).unwrap_or(false)
}
