//! The compact entity index answers as the plain one did: a reference
//! build (one owned `String` label, sentence and mention list per entry,
//! stable sorts) is kept here and compared with [`EntityIndex`] entry by
//! entry, in both orders, under filters, and for the quotes' order.

use proptest::prelude::*;

use super::*;
use crate::document::Format;
use crate::extract::Entities;

/// An entry as the reference build keeps it.
#[derive(Debug, PartialEq)]
struct Plain {
    kind: EntityKind,
    entity: usize,
    label: String,
    context: Option<String>,
    mentions: Vec<usize>,
    first: usize,
}

fn plain_build(doc: &Document, found: &Entities) -> Vec<Plain> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for (i, e) in found.entities.iter().enumerate() {
        let ms: Vec<usize> = e
            .mentions
            .iter()
            .copied()
            .filter(|&m| m < found.mentions.len())
            .collect();
        if ms.is_empty() {
            continue;
        }
        let entry = |label: String, context: Option<String>, mentions: Vec<usize>| Plain {
            kind: e.kind,
            entity: i,
            label,
            context,
            first: found.mentions[mentions[0]].start(),
            mentions,
        };
        if e.kind != EntityKind::Number {
            out.push(entry(crate::sanitize::clean(&e.name).into(), None, ms));
            continue;
        }
        let mut groups: Vec<(String, Option<String>, Vec<usize>)> = Vec::new();
        for m in ms {
            let r = found.mentions[m].range();
            let (label, context) = match counts::counted(text, r.clone()) {
                Some(noun) => (format!("{} {}", &text[r.clone()], &text[noun]), None),
                None => {
                    let block = doc.blocks.at(doc.block_at(r.start));
                    let s = counts::sentence_around(text, r.clone(), block.range.clone());
                    (text[r].to_string(), Some(text[s].to_string()))
                }
            };
            let label: String = crate::sanitize::clean(&label).into();
            let context = context.map(|c| crate::sanitize::clean(&c).into_owned());
            if context.is_none()
                && let Some(g) = groups
                    .iter_mut()
                    .find(|g| g.1.is_none() && g.0.eq_ignore_ascii_case(&label))
            {
                g.2.push(m);
                continue;
            }
            groups.push((label, context, vec![m]));
        }
        for (label, context, ms) in groups {
            out.push(entry(label, context, ms));
        }
    }
    out
}

fn plain_visible(entries: &[Plain], order: Order, filter: &str) -> Vec<usize> {
    let mut out: Vec<usize> = (0..entries.len()).collect();
    out.sort_by_key(|&i| {
        let e = &entries[i];
        let count = match order {
            Order::Count => usize::MAX - e.mentions.len(),
            Order::FirstSeen => 0,
        };
        (e.kind, count, e.first)
    });
    if filter.trim().is_empty() {
        return out;
    }
    let filter = fold(filter);
    out.retain(|&i| subsequence(&filter, &fold(&entries[i].label)));
    out
}

fn plain_by_speaker(quotes: &[Quote]) -> Vec<usize> {
    let mut first: Vec<usize> = Vec::new();
    for q in quotes {
        if let Some(s) = q.speaker
            && !first.contains(&s)
        {
            first.push(s);
        }
    }
    let rank = |q: &Quote| {
        q.speaker
            .and_then(|s| first.iter().position(|&f| f == s))
            .unwrap_or(usize::MAX)
    };
    let mut out: Vec<usize> = (0..quotes.len()).collect();
    out.sort_by_key(|&i| (rank(&quotes[i]), quotes[i].range.start));
    out
}

fn paragraphs(doc: &Document) -> Vec<std::ops::Range<usize>> {
    doc.prose_blocks()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }))
        .map(|b| b.range.clone())
        .collect()
}

fn assert_same(doc: &Document) {
    let found = crate::extract::extract(doc);
    let index = EntityIndex::build(doc, &found);
    let plain = plain_build(doc, &found);
    assert_eq!(index.len(), plain.len());
    for (i, want) in plain.iter().enumerate() {
        let got = index.entry(i).expect("entry");
        let got = Plain {
            kind: got.kind,
            entity: got.entity,
            label: got.label.to_string(),
            context: index.context(i, doc, &found),
            mentions: got.mentions.iter().map(|&m| m as usize).collect(),
            first: got.first,
        };
        assert_eq!(&got, want, "entry {i}");
    }
    for order in [Order::Count, Order::FirstSeen] {
        for filter in ["", "a", "tw", "ci ", "zz", "Ç", "1"] {
            assert_eq!(
                index
                    .visible(order, filter)
                    .iter()
                    .map(|&i| i as usize)
                    .collect::<Vec<_>>(),
                plain_visible(&plain, order, filter),
                "{order:?} {filter:?}"
            );
        }
    }
    let quotes = index.quotes(doc, &found);
    assert_eq!(
        quotes,
        crate::extract::quotes::quotes(&doc.text, paragraphs(doc), &found)
    );
    assert_eq!(
        index.quotes_by_speaker(doc, &found),
        plain_by_speaker(quotes)
    );
}

#[test]
fn the_seed_indexes_as_before() {
    let doc = crate::cli::load_article(None).expect("seed");
    assert_same(&doc);
}

/// Sentences of news: counted and bare numbers, names, places, quotes.
fn sentence() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "Sergei Lavrov",
        "Lavrov",
        "Mevlüt Çavuşoğlu",
        "the United Nations",
        "Ankara",
        "Moscow",
        "he",
    ]);
    let numbers = prop::sample::select(vec![
        "two", "Two", "12", "three", "1,200", "40%", "six", "2019",
    ]);
    let nouns = prop::sample::select(vec![
        "civilians",
        "towns",
        "soldiers",
        "of them",
        "",
        "percent",
        "were",
    ]);
    let verbs = prop::sample::select(vec!["said", "told reporters", "visited", "met"]);
    (names.clone(), verbs, numbers, nouns, names, any::<bool>()).prop_map(
        |(who, verb, number, noun, whom, quoted)| {
            if quoted {
                format!("“{number} {noun} came,” {who} {verb}. ")
            } else {
                format!("{who} {verb} {whom} after {number} {noun} left. ")
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn generated_news_indexes_as_before(
        paragraphs in prop::collection::vec(prop::collection::vec(sentence(), 1..6), 1..6)
    ) {
        let text: String = paragraphs
            .iter()
            .map(|p| p.concat() + "\n\n")
            .collect();
        let doc = Document::from_bytes("news.txt", text.as_bytes(), Some(Format::Plain))
            .expect("text");
        assert_same(&doc);
    }
}

#[test]
fn groups_by_label_ignore_ascii_case_only() {
    // `Two towns` and `two towns` are one entry; the map that finds a
    // group must agree with the plain search it replaced.
    let text = "Two towns fell. Then two towns more. Ten towns stood.\n";
    let doc = Document::from_bytes("t.txt", text.as_bytes(), Some(Format::Plain)).expect("text");
    assert_same(&doc);
    let found = crate::extract::extract(&doc);
    let index = EntityIndex::build(&doc, &found);
    let towns: Vec<(&str, usize)> = index
        .entries()
        .filter(|e| e.label.ends_with("towns"))
        .map(|e| (e.label, e.mentions.len()))
        .collect();
    assert_eq!(towns, [("Two towns", 2), ("Ten towns", 1)]);
}

#[test]
fn labels_whose_hashes_collide_still_group_by_label() {
    let text = "Two towns fell. Then two towns more. Ten towns stood. \
                Six towns and six soldiers left. Ten towns rose.\n";
    let doc = Document::from_bytes("t.txt", text.as_bytes(), Some(Format::Plain)).expect("text");
    let found = crate::extract::extract(&doc);
    let index = EntityIndex::build(&doc, &found);
    let colliding = EntityIndex::build_keyed(&doc, &found, |_, _| 7);
    let entries = |index: &EntityIndex| -> Vec<(String, Vec<u32>)> {
        index
            .entries()
            .map(|e| (e.label.to_string(), e.mentions.to_vec()))
            .collect()
    };
    assert_eq!(entries(&colliding), entries(&index));
    let towns: Vec<(String, usize)> = entries(&colliding)
        .into_iter()
        .filter(|(l, _)| l.ends_with("towns"))
        .map(|(l, m)| (l, m.len()))
        .collect();
    assert_eq!(
        towns,
        [
            ("Two towns".to_string(), 2),
            ("Ten towns".to_string(), 2),
            ("Six towns".to_string(), 1)
        ]
    );
}
