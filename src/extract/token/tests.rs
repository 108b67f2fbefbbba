//! The tokenizer's behaviour, table by table: token boundaries, flags
//! against their definitions, sentence starts, character classes.

use super::scan::*;
use super::*;
use crate::extract::lexicon::{LEX, fold_hash};

fn toks(s: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    tokenize_into(s, 0..s.len(), &mut out);
    out.iter()
        .map(|t| (t.text(s).to_string(), t.initial()))
        .collect()
}

#[test]
fn splits_words_numbers_and_possessives() {
    let cases: &[(&str, &[&str])] = &[
        ("Chile's army", &["Chile", "'s", "army"]),
        ("Kenya’s port", &["Kenya", "’s", "port"]),
        ("O'Neill won", &["O'Neill", "won"]),
        ("$4,500.75 in", &["$", "4,500.75", "in"]),
        ("the 3rd and G7", &["the", "3rd", "and", "G7"]),
        ("U.S. troops", &["U.S.", "troops"]),
        ("John F. Kennedy", &["John", "F.", "Kennedy"]),
        ("al-Bashir", &["al", "-", "Bashir"]),
        ("12.5%", &["12.5", "%"]),
    ];
    for (input, want) in cases {
        let got: Vec<String> = toks(input).into_iter().map(|t| t.0).collect();
        assert_eq!(&got, want, "{input}");
    }
}

#[test]
fn words_carry_their_hash_and_lexicon_flags() {
    for s in [
        "The Ministry of Défense said O'Neill’s UNITED Nations twenty-five U.S. 3bn",
        "ab",
        "Province",
        "Ḩamāh province, ÉTATS",
        "I'm there, we’re 3’d U.S.’s Ⅻ ℕumbers 22nd's",
    ] {
        let mut out = Vec::new();
        tokenize_into(s, 0..s.len(), &mut out);
        for t in &out {
            let w = t.text(s);
            if t.is_word() {
                assert_eq!(t.hash(), fold_hash(w), "{w}");
                assert_eq!(t.lex(), LEX.flags(w), "{w}");
                let scanned = w.bytes().any(|b| b == b'\'' || b == 0xe2);
                assert_eq!(t.apos(), scanned, "{w}");
            } else {
                assert_eq!(t.lex(), 0, "{w}");
                assert_eq!(t.punct().is_some(), t.kind() == Tok::Punct, "{w}");
            }
        }
    }
}

/// Every packed flag agrees with its definition read off the text,
/// and setting the sentence flags leaves the others alone.
#[test]
fn packed_flags_follow_their_definitions() {
    assert_eq!(std::mem::size_of::<Token>(), 20);
    for s in [
        "The U.S. and NATO said: \"G20 leaders met in Zürich\" (WHO) 3bn",
        "  Ḩamāh province\nKurds’ 22nd O'Neill's ÉTATS x\u{2003}Y",
        "a\tB.C. F. Kennedy $4,500.75 12% twenty-five\r\nEnd",
    ] {
        let mut out = Vec::new();
        tokenize_into(s, 0..s.len(), &mut out);
        for t in &out {
            let w = t.text(s);
            let before = &s[..t.start as usize];
            let gap = before.chars().next_back();
            assert_eq!(t.space(), gap.is_none_or(char::is_whitespace), "{w}");
            // A tab parts table cells as a line break parts lines.
            let line_start =
                before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\t');
            assert_eq!(
                t.brk(),
                line_start.is_empty() || line_start.ends_with(['\n', '\t']),
                "{w}"
            );
            let first = w.chars().next().expect("tokens are not empty");
            match t.kind() {
                Tok::Word => {
                    assert_eq!(t.cap(), first.is_uppercase(), "{w}");
                    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                    // An initial with its dot counts as capitals (`F.`).
                    let upper = (letters.len() >= 2 || w.ends_with('.'))
                        && letters.iter().all(|c| c.is_uppercase());
                    assert_eq!(t.upper(), upper, "{w}");
                    assert_eq!(t.digit(), w.bytes().any(|b| b.is_ascii_digit()), "{w}");
                    assert_eq!(t.hash(), fold_hash(w), "{w}");
                    assert_eq!(t.lex(), LEX.flags(w), "{w}");
                    assert_eq!(t.punct(), None, "{w}");
                }
                Tok::Num => {
                    assert!(
                        w.bytes()
                            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                    );
                    assert!(!t.cap() && !t.upper() && t.lex() == 0, "{w}");
                }
                Tok::Punct => {
                    assert_eq!(t.punct(), Some(first), "{w}");
                    assert!(!t.cap() && !t.upper() && !t.digit(), "{w}");
                    assert!(!t.initial() && !t.sent() && t.lex() == 0, "{w}");
                }
            }
            let mut m = *t;
            m.set_sentence_start();
            assert!(m.initial() && m.sent(), "{w}");
            m.set_initial(false);
            assert!(!m.initial() && m.sent(), "{w}");
            let same = |a: &Token, b: &Token| {
                (a.start, a.end, a.kind(), a.hash(), a.lex())
                    == (b.start, b.end, b.kind(), b.hash(), b.lex())
                    && (a.cap(), a.upper(), a.digit(), a.space(), a.brk(), a.apos())
                        == (b.cap(), b.upper(), b.digit(), b.space(), b.brk(), b.apos())
            };
            assert!(same(&m, t), "{w}");
        }
    }
}

#[test]
fn character_classes_agree_with_std() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        assert_eq!(alpha(c), c.is_alphabetic(), "{:x}", u32::from(c));
        assert_eq!(alnum(c), c.is_alphanumeric(), "{:x}", u32::from(c));
    }
}

#[test]
fn marks_sentence_starts() {
    let cases: &[(&str, &[&str])] = &[
        ("He left. Then she came.", &["He", "Then"]),
        ("Mr. Lopez spoke. Rain fell.", &["Mr", "Rain"]),
        ("They said: \"Come now\"", &["They", "Come"]),
        ("in Paris, Ky. The mayor", &["in", "The"]),
        ("to the U.S. The team", &["to", "The"]),
        ("Line one\nLine two", &["Line", "Line"]),
    ];
    for (input, want) in cases {
        let got: Vec<String> = toks(input)
            .into_iter()
            .filter(|t| t.1)
            .map(|t| t.0)
            .collect();
        assert_eq!(&got, want, "{input}");
    }
}
