//! Several articles in one session (`lede a.md b.txt`): each is a reader
//! of its own, with its own place, search, marks and entity selection;
//! `NextFile` / `PrevFile` show another.

use super::*;
use crate::extract::Entities;

fn doc(name: &str, text: &str) -> Document {
    Document::from_bytes(name, text.as_bytes(), None).expect("text")
}

fn app(name: &str, text: &str) -> App {
    let doc = doc(name, text);
    let entities = crate::extract::extract(&doc);
    App::new(doc, entities, Keymap::default())
}

#[test]
fn each_article_keeps_its_own_place() {
    let long = |t: &str| {
        let mut s = format!("{t}\n\n");
        for i in 0..60 {
            s.push_str(&format!("Paragraph {i} of {t}.\n\n"));
        }
        s
    };
    let mut reader = app("a.txt", &long("First"));
    reader.add_article(doc("b.txt", &long("Second")), Some(Entities::default()));
    reader.add_article(doc("c.txt", &long("Third")), Some(Entities::default()));
    reader.update(Action::Resize(80, 24));
    assert_eq!(reader.readers().len(), 3);
    reader.update(Action::Scroll(10));
    reader.update(Action::NextFile);
    assert_eq!(reader.doc.name, "b.txt");
    assert_eq!(reader.top(), 0);
    assert!(!reader.cache().is_empty(), "wrapped when shown");
    reader.update(Action::Scroll(3));
    reader.update(Action::PrevFile);
    assert_eq!((reader.doc.name.as_str(), reader.top()), ("a.txt", 10));
    reader.update(Action::PrevFile);
    assert_eq!((reader.doc.name.as_str(), reader.top()), ("c.txt", 0));
    reader.update(Action::NextFile);
    reader.update(Action::NextFile);
    assert_eq!((reader.doc.name.as_str(), reader.top()), ("b.txt", 3));
    let names: Vec<&str> = reader
        .readers()
        .iter()
        .map(|r| r.doc.name.as_str())
        .collect();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);
    assert_eq!(reader.current_file(), 1);
}

#[test]
fn each_article_keeps_its_own_search() {
    let mut reader = app(
        "a.txt",
        "Alpha\n\nThe word needle is here, and a needle again.",
    );
    reader.add_article(
        doc("b.txt", "Beta\n\nNothing to find in this one."),
        Some(Entities::default()),
    );
    reader.update(Action::Resize(80, 24));
    reader.update(Action::SearchForward);
    for c in "needle".chars() {
        reader.update(Action::PromptInput(c));
    }
    reader.update(Action::PromptAccept);
    assert_eq!(reader.search.label().as_deref(), Some("1/2"));
    reader.update(Action::NextFile);
    assert_eq!(
        reader.search.label(),
        None,
        "the other article has no search"
    );
    reader.update(Action::NextFile);
    assert_eq!(reader.search.label().as_deref(), Some("1/2"));
}

#[test]
fn a_resize_while_parked_is_caught_up() {
    let mut reader = app("a.txt", "A\n\nShort text here.");
    reader.add_article(
        doc("b.txt", "B\n\nAnother short text."),
        Some(Entities::default()),
    );
    reader.update(Action::Resize(80, 24));
    reader.update(Action::NextFile);
    reader.update(Action::Resize(40, 15));
    reader.update(Action::NextFile);
    assert_eq!(reader.view.size, (40, 15));
    assert_eq!(reader.cache().width(), reader.panes().text.width);
}

#[test]
fn one_article_has_nothing_to_switch_to() {
    let mut reader = app("a.txt", "A\n\nText.");
    reader.update(Action::NextFile);
    assert_eq!(reader.doc.name, "a.txt");
    assert!(reader.view.message.is_some());
}
