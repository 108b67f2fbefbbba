//! Render tests of the entity views on the seed with the real extractor:
//! insta snapshots at 160x48 and 100x30 (text, plus the styled buffer for
//! one size) and assertions on the styles that carry meaning.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use crate::app::{Action, App};
use crate::keymap::Keymap;

const SIZES: [(u16, u16); 2] = [(160, 48), (100, 30)];

fn seed_app(w: u16, h: u16) -> App {
    let doc = crate::cli::load_article(None).expect("seed");
    let found = crate::extract::extract(&doc);
    let mut app = App::new(doc, found, Keymap::default());
    app.update(Action::Resize(w, h));
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.view.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| super::draw(f, app)).expect("drawn");
    terminal
}

use super::test_rows as rows;

/// Selects the entry labelled `label` the way a reader does.
fn select(app: &mut App, label: &str) {
    if !app.entity.focused {
        app.update(Action::ToggleEntities);
    }
    let pos = app
        .visible_entries()
        .iter()
        .position(|&i| app.index.entry(i).expect("entry").label == label)
        .unwrap_or_else(|| panic!("{label} is not listed"));
    app.update(Action::EntityFirst);
    app.update(Action::EntityMove(pos as i32));
    app.update(Action::EntitySelect);
}

/// The cell position of the first occurrence of `needle`.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    rows(buf).iter().enumerate().find_map(|(y, row)| {
        let byte = row.find(needle)?;
        Some((row[..byte].chars().count() as u16, y as u16))
    })
}

#[test]
fn snapshots_entity_pane() {
    for (w, h) in SIZES {
        let mut app = seed_app(w, h);
        if !app.entity.shown {
            app.update(Action::ToggleEntities);
        }
        let t = draw(&app);
        insta::assert_snapshot!(format!("entity_pane_{w}x{h}"), t.backend());
        let screen = rows(t.backend().buffer()).join("\n");
        let groups: &[&str] = if h >= 48 {
            &["Actors (", "Places (", "Numbers ("]
        } else {
            &["Actors (", "Places ("]
        };
        for group in groups {
            assert!(screen.contains(group), "{group} at {w}x{h}");
        }
    }
}

#[test]
fn snapshots_selected_actor_and_focus_mode() {
    for (w, h) in SIZES {
        let mut app = seed_app(w, h);
        select(&mut app, "Naji Abu Hadhifa");
        app.update(Action::ToggleFocusMode);
        let t = draw(&app);
        insta::assert_snapshot!(format!("focus_mode_{w}x{h}"), t.backend());
        if (w, h) == (160, 48) {
            insta::assert_debug_snapshot!("focus_mode_160x48_styles", t.backend().buffer());
        }
    }
}

#[test]
fn chosen_mentions_are_stronger_and_other_paragraphs_dim() {
    let mut app = seed_app(160, 48);
    select(&mut app, "Naji Abu Hadhifa");
    let t = draw(&app);
    let buf = t.backend().buffer();
    let at = find(buf, "Naji Abu Hadhifa, a spokesperson").expect("on screen");
    let style = buf[at].style();
    assert!(
        style
            .add_modifier
            .contains(Modifier::REVERSED | Modifier::BOLD),
        "{style:?}"
    );
    // Another actor keeps the ordinary highlight: bold, not reversed.
    let other = find(buf, "Al Jazeera that nothing").expect("on screen");
    let s = buf[other].style();
    assert!(
        s.add_modifier.contains(Modifier::BOLD) && !s.add_modifier.contains(Modifier::REVERSED)
    );
    // The outline marks the section that mentions him.
    let mark = find(buf, "◆").expect("outline mark");
    assert!(mark.0 < 34);
    app.update(Action::ToggleFocusMode);
    let t = draw(&app);
    let buf = t.backend().buffer();
    let focused = find(buf, "Naji Abu Hadhifa, a spokesperson").expect("on screen");
    assert!(!buf[focused].style().add_modifier.contains(Modifier::DIM));
    let dimmed = find(buf, "Earlier on Saturday").expect("on screen");
    assert!(buf[dimmed].style().add_modifier.contains(Modifier::DIM));
}

#[test]
fn snapshots_quotes_view() {
    for (w, h) in SIZES {
        let mut app = seed_app(w, h);
        app.update(Action::Quotes);
        let t = draw(&app);
        insta::assert_snapshot!(format!("quotes_{w}x{h}"), t.backend());
        let buf = t.backend().buffer();
        let cursor = find(buf, "According to Abd al-Kareem").expect("first quote");
        assert!(
            buf[cursor]
                .style()
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        let screen = rows(buf).join("\n");
        for speaker in [
            "Mohamad Haj Ali (",
            "Naji Abu Hadhifa (",
            "Mevlut Cavusoglu (",
        ] {
            assert!(screen.contains(speaker), "{speaker} at {w}x{h}");
        }
    }
}

#[test]
fn snapshots_map() {
    for (w, h) in SIZES {
        let mut app = seed_app(w, h);
        app.update(Action::Map);
        let t = draw(&app);
        insta::assert_snapshot!(format!("map_{w}x{h}"), t.backend());
        let buf = t.backend().buffer();
        let dot = |name: &str| {
            let (x, y) = find(buf, &format!("{name} (")).expect("listed");
            let _ = (x, y);
            // The map's dot for a place: the label nearest a `●` on the map.
            find_label(buf, name)
        };
        let idlib = dot("Idlib").expect("Idlib on the map");
        let tehran = dot("Tehran").expect("Tehran on the map");
        let qamishli = dot("Qamishli").expect("Qamishli on the map");
        let latakia = dot("Latakia").expect("Latakia on the map");
        assert!(
            tehran.0 > qamishli.0 && qamishli.0 > idlib.0,
            "west to east"
        );
        assert!(latakia.0 < idlib.0 + 3, "Latakia west of Idlib");
        assert!(qamishli.1 <= idlib.1, "Qamishli north of Idlib");
        let screen = rows(buf).join("\n");
        assert!(screen.contains("not on the map:"));
    }
}

/// Where a place's label is drawn on the map (left of the list column).
fn find_label(buf: &Buffer, name: &str) -> Option<(u16, u16)> {
    let list_x = buf.area.width - 28;
    rows(buf).iter().enumerate().find_map(|(y, row)| {
        let cells: Vec<&str> = (0..buf.area.width)
            .map(|x| buf[(x, y as u16)].symbol())
            .collect();
        let line: String = cells[..usize::from(list_x)].concat();
        let _ = row;
        let byte = line.find(name)?;
        Some((line[..byte].chars().count() as u16, y as u16))
    })
}

#[test]
fn the_selected_place_is_highlighted_on_the_map() {
    let mut app = seed_app(160, 48);
    select(&mut app, "Hama");
    app.update(Action::Map);
    let t = draw(&app);
    let buf = t.backend().buffer();
    let at = find_label(buf, "Hama").expect("Hama on the map");
    assert!(buf[at].style().add_modifier.contains(Modifier::REVERSED));
}

#[test]
fn entity_views_draw_at_any_size() {
    let doc = crate::cli::load_article(None).expect("seed");
    let found = crate::extract::extract(&doc);
    let mut app = App::new(doc, found, Keymap::default());
    for action in [
        Action::ToggleEntities,
        Action::Quotes,
        Action::Quotes,
        Action::Map,
    ] {
        app.update(action);
        for w in (0..170).step_by(13) {
            for h in (0..50).step_by(7) {
                app.update(Action::Resize(w, h));
                let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
                t.draw(|f| super::draw(f, &app)).expect("drawn");
            }
        }
    }
}

/// The status line: the screen's last row.
fn status(app: &App) -> String {
    rows(draw(app).backend().buffer()).pop().unwrap_or_default()
}

#[test]
fn jumps_through_mentions_name_the_entity_and_keep_the_count() {
    let mut app = seed_app(160, 48);
    // `}`: the next mention of the first name below the top line.
    app.update(Action::NextMention);
    let name = match app.search.active.as_ref().map(|s| &s.query) {
        Some(crate::search::Query::Entity(name)) => name.clone(),
        other => panic!("an entity jump, not {other:?}"),
    };
    let line = status(&app);
    assert!(line.contains("match "), "{line}");
    assert!(line.contains(&format!(" · {name}")), "{line}");

    // `.` and `,` through the selected entity's mentions: named, counted,
    // and still counted when `,` wraps round to the last.
    let first = app.visible_entries()[0];
    let (label, n) = {
        let entry = app.index.entry(first).expect("an entry");
        (entry.label.to_string(), entry.mentions.len())
    };
    select(&mut app, &label);
    app.update(Action::PrevChosenMention);
    let line = status(&app);
    assert!(
        line.contains(&format!("{label} {n}/{n} · wrapped around")),
        "{line}"
    );
}

#[test]
fn focus_mode_and_a_pending_mark_show_on_the_status_line() {
    let mut app = seed_app(160, 48);
    let first = app.visible_entries()[0];
    let label = app.index.entry(first).expect("an entry").label.to_string();
    select(&mut app, &label);
    app.update(Action::ToggleFocusMode);
    assert!(status(&app).contains(&format!("focus: {label}")));
    app.update(Action::MarkPending);
    assert!(status(&app).contains("mark: a letter?"));
    app.update(Action::SetMark('a'));
    let line = status(&app);
    assert!(!line.contains("a letter?"), "{line}");
    app.update(Action::JumpMarkPending);
    assert!(status(&app).contains("go to mark: a letter?"));
    app.update(Action::ToggleFocusMode);
    app.update(Action::JumpToMark('a'));
    assert!(!status(&app).contains("focus:"));
}

#[test]
fn an_empty_article_lists_each_kind_with_none() {
    let doc = crate::document::Document::from_bytes("empty.txt", b"", None).expect("empty");
    let found = crate::extract::extract(&doc);
    let mut app = App::new(doc, found, Keymap::default());
    app.update(Action::Resize(160, 48));
    if !app.entity.shown {
        app.update(Action::ToggleEntities);
    }
    let screen = rows(draw(&app).backend().buffer()).join("\n");
    for heading in [
        "Actors (0)",
        "Places (0)",
        "Numbers (0)",
        "no entities found",
    ] {
        assert!(screen.contains(heading), "{heading}:\n{screen}");
    }
}

#[test]
fn a_map_with_no_room_says_it_is_too_small() {
    let mut app = seed_app(30, 8);
    app.update(Action::Map);
    let screen = rows(draw(&app).backend().buffer()).join("\n");
    assert!(screen.contains("too small"), "{screen}");
}

/// The app for an article given as text, with the real extractor.
fn text_app(text: &str, w: u16, h: u16) -> App {
    let doc = crate::document::Document::from_bytes("a.txt", text.as_bytes(), None).expect("doc");
    let found = crate::extract::extract(&doc);
    let mut app = App::new(doc, found, Keymap::default());
    app.update(Action::Resize(w, h));
    app
}

#[test]
fn a_place_far_from_the_article_region_is_listed_apart_not_drawn() {
    // `Paris` here is the Texas town; the gazetteer's Paris is in France,
    // which the article never names.
    let text = "Storms sweep across north Texas\n\nDALLAS - Severe storms moved \
        across north Texas on Monday, knocking out power in Dallas and Denton.\n\n\
        Crews from Houston and Austin were sent north. In Paris, the county seat, \
        hail broke windows along the main square.\n";
    let mut app = text_app(text, 160, 48);
    app.update(Action::Map);
    let buf = draw(&app).backend().buffer().clone();
    let screen = rows(&buf).join("\n");
    assert!(screen.contains("far from the others:"), "{screen}");
    assert!(screen.contains("? Paris (1)"), "{screen}");
    assert_eq!(find_label(&buf, "Paris"), None, "not drawn: {screen}");
    assert!(find_label(&buf, "Houston").is_some(), "{screen}");
}

#[test]
fn a_country_named_only_as_an_actor_is_drawn_quietly() {
    // Ukraine acts here (it is never a place), but it is where the towns are.
    let text = "Strikes hit eastern towns\n\nKharkiv and Poltava were shelled on \
        Monday, officials in Dnipro said. Ukraine said it shot down most of the \
        drones over Kharkiv. Ukraine asked for more air defence.\n";
    let mut app = text_app(text, 160, 48);
    let ukraine = app
        .index
        .entries()
        .find(|e| e.label == "Ukraine")
        .expect("Ukraine found");
    assert_eq!(ukraine.kind, crate::extract::EntityKind::Actor);
    app.update(Action::Map);
    let buf = draw(&app).backend().buffer().clone();
    let at = find_label(&buf, "Ukraine").expect("Ukraine on the map");
    assert!(buf[at].style().add_modifier.contains(Modifier::DIM));
}
