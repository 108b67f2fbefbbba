//! Whole-extractor behaviour: one row per tricky phrase (sentences written
//! for these tests, not taken from any evaluation article), and property
//! tests for the invariants every caller relies on.

use proptest::prelude::*;

use super::{EntityKind, extract_text};

fn found(text: &str) -> Vec<(String, EntityKind)> {
    let e = extract_text(text);
    e.mentions
        .iter()
        .map(|m| (text[m.range()].to_string(), m.kind()))
        .collect()
}

fn has(text: &str, span: &str, kind: EntityKind) -> bool {
    found(text).iter().any(|(s, k)| s == span && *k == kind)
}

use EntityKind::{Actor, Number, Place};

#[test]
fn rules_find_the_right_spans() {
    let cases: &[(&str, &str, EntityKind)] = &[
        // Titles are cut off; the demonym before them is not the person.
        (
            "Kenyan President Uhuru Kenyatta spoke on Monday.",
            "Uhuru Kenyatta",
            Actor,
        ),
        (
            "The statement came from Interior Minister Ana Lopez.",
            "Ana Lopez",
            Actor,
        ),
        // Name particles.
        (
            "Talks were led by Khalid bin Salman in Riyadh.",
            "Khalid bin Salman",
            Actor,
        ),
        (
            "The mayor, Ahmed al-Tayeb, resigned.",
            "Ahmed al-Tayeb",
            Actor,
        ),
        // Organisation head words, also with `of` and `for`.
        ("The Bank of Ghana raised rates.", "Bank of Ghana", Actor),
        (
            "A report by the Centre for Strategic Studies was cited.",
            "Centre for Strategic Studies",
            Actor,
        ),
        // Portuguese particles join a name.
        (
            "Heavy rain fell across Rio Grande do Sul on Monday.",
            "Rio Grande do Sul",
            Place,
        ),
        // An explicit place cue outweighs a name that opens with a given name.
        (
            "The minister visited the city of Santa Clara after the storm.",
            "Santa Clara",
            Place,
        ),
        // Place cues.
        (
            "Shells hit the village of Kafr Nabl overnight.",
            "Kafr Nabl",
            Place,
        ),
        (
            "Fighting spread across Daraa province on Sunday.",
            "Daraa",
            Place,
        ),
        (
            "Protesters gathered in Tegucigalpa and marched.",
            "Tegucigalpa",
            Place,
        ),
        (
            "Officials in Dayton, Ohio, confirmed the count.",
            "Dayton",
            Place,
        ),
        // States act or are places.
        // Attribution keeps a sentence-initial common-looking name.
        (
            "The court ruled. Amnesty said the ruling was unjust.",
            "Amnesty",
            Actor,
        ),
        ("Russia rejected the proposal.", "Russia", Actor),
        ("Aid reached northern Syria by truck.", "Syria", Place),
        ("Kenya's proposal was welcomed.", "Kenya", Actor),
        (
            "They crossed into Turkey's Hatay province.",
            "Turkey",
            Place,
        ),
        ("The deal was signed by Egypt and Sudan.", "Sudan", Actor),
        // Proper adjective + group noun; plural demonyms.
        (
            "Iraqi security forces entered the town.",
            "Iraqi security forces",
            Actor,
        ),
        ("The talks angered the Russians.", "Russians", Actor),
        // Numbers.
        (
            "At least 14 people died and twenty-three were hurt.",
            "twenty-three",
            Number,
        ),
        (
            "The plan costs $4.2bn over three million homes.",
            "three million",
            Number,
        ),
        (
            "The plan costs $4.2bn over three million homes.",
            "$4.2bn",
            Number,
        ),
    ];
    for (text, span, kind) in cases {
        assert!(
            has(text, span, *kind),
            "{text:?}: want {span:?} as {kind:?}, got {:?}",
            found(text)
        );
    }
}

#[test]
fn rules_leave_these_alone() {
    let cases: &[(&str, &str)] = &[
        // Sentence-initial common words are not names.
        ("However, the rebels advanced.", "However"),
        ("Citing security concerns, the army withdrew.", "Citing"),
        // A proper adjective alone is not an actor.
        ("A Kenyan court ruled on Friday.", "Kenyan"),
        // Ordinals and numbers inside names.
        ("The 3rd Armoured Division met at the G20.", "3rd"),
        ("New COVID-19 rules started.", "19"),
        // Weekdays and months.
        ("The vote is on Friday in March.", "Friday"),
        // Titles alone.
        ("The President said nothing.", "President"),
        // Postnominals.
        ("John Smith QC argued the case.", "QC"),
        // An ethnic adjective glued to a lowercase word.
        ("It is a Kurdish-majority town.", "Kurdish"),
        // A word the article also writes in lowercase.
        (
            "Prices of coal fell. If Coal stays cheap, plants stay open.",
            "Coal",
        ),
        // A pronoun `one`.
        ("It was a very serious one.", "one"),
        // A group named by a common noun speaks, but is no name.
        ("The river rose. Police said the road was shut.", "Police"),
        (
            "Officials said on Monday that talks had ended.",
            "Officials",
        ),
        (
            "The bank cut rates. Analysts told reporters so.",
            "Analysts",
        ),
    ];
    for (text, span) in cases {
        assert!(
            !found(text).iter().any(|(s, _)| s == span),
            "{text:?}: {span:?} should not be a mention, got {:?}",
            found(text)
        );
    }
}

#[test]
fn states_act_or_are_places() {
    // One row per cue of `roles`: the state is an actor when it acts.
    let cases: &[(&str, &str, EntityKind)] = &[
        ("Iran has denied the report.", "Iran", Actor),
        ("Peru, which hosts the summit, agreed.", "Peru", Actor),
        ("Critics accused Hungary of stalling.", "Hungary", Actor),
        ("Moscow also warned of reprisals.", "Moscow", Actor),
        (
            "Talks stalled. Beijing has warned Brussels.",
            "Beijing",
            Actor,
        ),
        ("The deal was backed by Qatar and Oman.", "Oman", Actor),
        ("Flights to Norway were full.", "Norway", Place),
        ("She was born in Portugal's north.", "Portugal", Place),
        ("Lima, Peru, was quiet.", "Peru", Place),
    ];
    for (text, span, kind) in cases {
        assert!(
            has(text, span, *kind),
            "{text:?}: want {span:?} as {kind:?}, got {:?}",
            found(text)
        );
    }
}

#[test]
fn names_are_cut_at_their_head_and_titles() {
    let cases: &[(&str, &str, EntityKind)] = &[
        // `X of Y`: the head is X.
        (
            "Rain closed the Museum of Modern Art on Sunday.",
            "Museum of Modern Art",
            Place,
        ),
        ("The Bank of Canada held rates.", "Bank of Canada", Actor),
        (
            "Troops of the Third Mountain Brigade withdrew.",
            "Third Mountain Brigade",
            Actor,
        ),
        (
            "Voters in the State of Ohio went to the polls.",
            "State of Ohio",
            Place,
        ),
        // A place glued before a person after a title.
        ("Governor of Ohio Jane Roe signed it.", "Jane Roe", Actor),
        // Ethnic and religious group adjectives behave like demonyms.
        (
            "Druze militia fighters held the ridge.",
            "Druze militia fighters",
            Actor,
        ),
        // Acronyms defined in parentheses survive as names even when they
        // spell a common word.
        (
            "The International Monetary Fund (IMF) said so. IMF staff left.",
            "IMF",
            Actor,
        ),
        (
            "The Arms Trade Organisation (ATO) met. ATO said no.",
            "ATO",
            Actor,
        ),
    ];
    for (text, span, kind) in cases {
        assert!(
            has(text, span, *kind),
            "{text:?}: want {span:?} as {kind:?}, got {:?}",
            found(text)
        );
    }
}

#[test]
fn title_case_headlines_split_at_common_words() {
    let text =
        "Storm Hits Coastal Towns As Kenya Army Moves In\n\nThe army said little. Towns flooded.\n";
    let doc =
        crate::document::Document::from_bytes("t.txt", text.as_bytes(), None).expect("text loads");
    let e = super::extract(&doc);
    let spans: Vec<&str> = e.mentions.iter().map(|m| doc.slice(&m.range())).collect();
    assert!(spans.contains(&"Kenya Army"), "{spans:?}");
    for common in ["Storm Hits", "Hits", "Towns", "Moves", "In"] {
        assert!(!spans.contains(&common), "{common:?} in {spans:?}");
    }
}

#[test]
fn a_block_in_capitals_holds_no_acronyms() {
    let text = "# Jam\n\n## WHAT YOU NEED TO MAKE JAM\n\nThe jam is made in Denver.\n\n\
                ## MAKING PEAR JAM IN PARIS\n\nNATO and the UN met. The FBI said so.\n";
    let doc =
        crate::document::Document::from_bytes("t.md", text.as_bytes(), None).expect("text loads");
    let e = super::extract(&doc);
    let spans: Vec<&str> = e.mentions.iter().map(|m| doc.slice(&m.range())).collect();
    for shout in ["NEED", "MAKE JAM", "MAKING PEAR JAM", "JAM", "MAKING"] {
        assert!(!spans.contains(&shout), "{shout:?} in {spans:?}");
    }
    // The lexicons still know a place in capitals, and acronyms in a
    // sentence of lowercase words stay names.
    for name in ["PARIS", "Denver", "NATO", "UN", "FBI"] {
        assert!(spans.contains(&name), "{name:?} not in {spans:?}");
    }
}

#[test]
fn surnames_and_acronyms_join_their_entity() {
    let text = "Finance Minister Amara Diallo met the Economic Community of West African States (ECOWAS). \
                Diallo said ECOWAS would decide.";
    let e = extract_text(text);
    let entity_of = |span: &str| {
        e.mentions
            .iter()
            .rev()
            .find(|m| &text[m.range()] == span)
            .map(|m| m.entity())
    };
    let diallo = entity_of("Diallo").expect("Diallo found");
    assert_eq!(e.entities[diallo].name, "Amara Diallo");
    let ecowas = entity_of("ECOWAS").expect("ECOWAS found");
    assert_eq!(
        e.entities[ecowas].name,
        "Economic Community of West African States"
    );
}

proptest! {
    #[test]
    fn mentions_are_sorted_disjoint_on_char_boundaries(text in "\\PC{0,300}") {
        let e = extract_text(&text);
        let mut last = 0;
        for m in &e.mentions {
            prop_assert!(m.start() >= last && m.start() < m.end());
            prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            prop_assert!(m.entity() < e.entities.len());
            last = m.end();
        }
        prop_assert_eq!(e, extract_text(&text));
    }

    #[test]
    fn news_like_text_keeps_invariants(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Russia"), Just("the"), Just("al-"), Just("President"), Just("said"),
                Just("(UN)"), Just("’s"), Just("3,000"), Just("twenty-"), Just("one"),
                Just("-"), Just("."), Just("\n"), Just("Mr."), Just("U.S."), Just("in"),
                Just("province"), Just("Kurdish"), Just("forces"), Just("é"), Just("$"),
            ],
            0..60,
        )
    ) {
        let text = words.join(" ");
        let e = extract_text(&text);
        let mut last = 0;
        for m in &e.mentions {
            prop_assert!(m.start() >= last && m.start() < m.end());
            prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            last = m.end();
        }
    }
}

/// A short article with names, an acronym, a surname and numbers.
const ARTICLE: &str = "# Floods Hit Kano\n\nThe Red Cross said 12 people died in the town of Bichi on Monday. \
The World Health Organization (WHO) sent three teams.\n\nGovernor Abba Yusuf visited Bichi. Yusuf said \
the WHO and Nigeria would rebuild 2,400 homes.\n\n";

fn doc_of(text: &str) -> crate::document::Document {
    crate::document::Document::from_bytes("t.md", text.as_bytes(), None).expect("text loads")
}

fn check_invariants(text: &str, e: &super::Entities) -> Result<(), TestCaseError> {
    let mut last = 0;
    for (i, m) in e.mentions.iter().enumerate() {
        prop_assert!(m.start() >= last && m.start() < m.end());
        prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
        prop_assert!(e.entities[m.entity()].mentions.contains(&i));
        last = m.end();
    }
    let listed: usize = e.entities.iter().map(|x| x.mentions.len()).sum();
    prop_assert_eq!(listed, e.mentions.len());
    Ok(())
}

#[test]
fn an_article_within_a_window_reads_as_one_piece() {
    let doc = doc_of(ARTICLE);
    let whole = super::extract_windowed(&doc, usize::MAX);
    assert!(whole.mentions.len() >= 8, "{whole:?}");
    assert_eq!(super::extract(&doc), whole);
    assert_eq!(super::extract_windowed(&doc, doc.text.len()), whole);
}

#[test]
fn windows_of_whole_articles_find_what_each_article_does() {
    let single = doc_of(ARTICLE);
    let one = super::extract(&single);
    let copies = 5;
    let doc = doc_of(&ARTICLE.repeat(copies));
    // Where each copy starts in the parsed text (Markdown marks are gone).
    let title = "Floods Hit Kano";
    let t0 = single.text.find(title).expect("title");
    let shifts: Vec<usize> = doc.text.match_indices(title).map(|(i, _)| i - t0).collect();
    assert_eq!(shifts.len(), copies);
    let stride = shifts[1];
    let windowed = super::extract_windowed(&doc, stride);
    let shifted: Vec<_> = (0..copies)
        .flat_map(|k| {
            one.mentions
                .iter()
                .map(|m| (m.start() + shifts[k], m.end() + shifts[k], m.kind()))
                .collect::<Vec<_>>()
        })
        .collect();
    let got: Vec<_> = windowed
        .mentions
        .iter()
        .map(|m| (m.start(), m.end(), m.kind()))
        .collect();
    assert_eq!(got, shifted);
    // Entities named in every window are joined, with the name in full.
    assert_eq!(windowed.entities.len(), one.entities.len());
    for (w, o) in windowed.entities.iter().zip(&one.entities) {
        assert_eq!((&w.name, w.kind), (&o.name, o.kind));
        assert_eq!(w.mentions.len(), o.mentions.len() * copies, "{}", w.name);
    }
}

proptest! {
    #[test]
    fn windowed_mentions_keep_invariants_across_seams(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("Russia"), Just("the"), Just("al-"), Just("President"), Just("said"),
                Just("(UN)"), Just("’s"), Just("3,000"), Just("twenty-"), Just("one"),
                Just("-"), Just("."), Just("\n\n# "), Just("\n\n"), Just("Mr."), Just("in"),
                Just("province"), Just("Kurdish"), Just("forces"), Just("é"), Just("Ünïcödé"),
                Just("United Nations"), Just("ÉTATS"),
            ],
            0..120,
        ),
        size in 1usize..200,
    ) {
        let text = parts.join(" ");
        let doc = doc_of(&text);
        let e = super::extract_windowed(&doc, size);
        check_invariants(&doc.text, &e)?;
        prop_assert_eq!(e, super::extract_windowed(&doc, size));
        let whole = super::extract_windowed(&doc, usize::MAX);
        check_invariants(&doc.text, &whole)?;
        prop_assert_eq!(super::extract_windowed(&doc, doc.text.len()), whole);
    }
}
