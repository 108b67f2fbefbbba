use super::*;

#[test]
fn folding_table() {
    let cases = [
        ("Jisr ash Shughūr", "jisr shughur"),
        ("Jisr ash-Shughur", "jisr shughur"),
        ("Jisr al-Shughour", "jisr shughour"),
        ("Al Qāmishlī", "qamishli"),
        ("al-Qamishli", "qamishli"),
        ("Ḩamāh", "hamah"),
        ("São Paulo", "sao paulo"),
        ("Côte d'Ivoire", "cote divoire"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Ma‘arrat an Nu‘mān", "maarrat numan"),
        ("Deir ez-Zor", "deir zor"),
        ("U.S.", "us"),
        ("  New   York ", "new york"),
        ("Stoke-on-Trent", "stoke on trent"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Al", "al"),
        ("Hama al", "hama al"),
        ("al al Bab", "bab"),
        ("Москва", "москва"),
        ("", ""),
        ("--", ""),
    ];
    for (input, want) in cases {
        assert_eq!(fold(input), want, "fold({input:?})");
    }
}

#[test]
fn fold_into_reuses_the_buffer() {
    let mut buf = String::from("left over");
    fold_into("Idlib", &mut buf);
    assert_eq!(buf, "idlib");
}

#[test]
fn countries_capitals_and_regions() {
    let cases = [
        ("Syria", PlaceKind::Country, "SY"),
        ("the UK", PlaceKind::Country, "GB"),
        ("U.S.", PlaceKind::Country, "US"),
        ("United States", PlaceKind::Country, "US"),
        ("Britain", PlaceKind::Country, "GB"),
        ("Côte d'Ivoire", PlaceKind::Country, "CI"),
        ("Africa", PlaceKind::Continent, ""),
        ("Idlib", PlaceKind::Region, "SY"),
        ("Hama", PlaceKind::Region, "SY"),
        ("Damascus", PlaceKind::City, "SY"),
        ("Jisr al-Shughur", PlaceKind::City, "SY"),
        ("Al-Qamishli", PlaceKind::City, "SY"),
        ("São Paulo", PlaceKind::Region, "BR"),
        ("Moscow", PlaceKind::City, "RU"),
    ];
    for (name, kind, country) in cases {
        let p = place(name).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!((p.kind, p.country), (kind, country), "{name}: {p:?}");
    }
    // A city holding most of its region's people ranks with the region.
    assert!(places("Latakia").any(|p| p.kind == PlaceKind::Region));
    assert!(places("Latakia").any(|p| p.kind == PlaceKind::City));
    let damascus = place("Damascus").expect("Damascus");
    assert!(damascus.capital);
    assert!((damascus.lat - 33.5).abs() < 0.2 && (damascus.lon - 36.3).abs() < 0.2);
    assert!(
        places("Damascus").count() >= 2,
        "Damascus, Syria and US towns"
    );
    assert!(places("Damascus").all(|p| p.name == "Damascus"));
    assert!(place("Nowhere-in-particular Qqq").is_none());
}

#[test]
fn ambiguous_names_are_flagged() {
    for name in ["Of", "Along", "Mobile", "Victoria", "Reading"] {
        let p = place(name).unwrap_or_else(|| panic!("{name} not found"));
        assert!(p.ambiguous, "{name} should be ambiguous: {p:?}");
    }
    for name in ["Idlib", "London", "Paris", "Turkey", "Aleppo", "Homs"] {
        let p = place(name).unwrap_or_else(|| panic!("{name} not found"));
        assert!(!p.ambiguous, "{name} should not be ambiguous: {p:?}");
    }
}

#[test]
fn demonyms() {
    let cases = [
        ("Syrian", "Syria", false),
        ("Syrians", "Syria", true),
        ("Turkish", "Turkey", false),
        ("Turks", "Turkey", true),
        ("Russians", "Russia", true),
        ("Afghan", "Afghanistan", false),
        ("Iranian", "Iran", false),
        ("British", "United Kingdom", false),
        ("French", "France", false),
        ("American", "United States", false),
    ];
    for (word, country, plural) in cases {
        assert_eq!(
            demonym(word),
            Some(Demonym { country, plural }),
            "demonym({word:?})"
        );
    }
    assert_eq!(demonym("Syria"), None);
    assert_eq!(demonym("However"), None);
}

#[test]
fn names_have_ranks() {
    let john = given_name("John").expect("John");
    assert!(john <= 5, "John is a top given name: {john}");
    assert!(given_name("Zebulon").is_none_or(|r| r > john));
    assert_eq!(given_name("Idlib"), None);
    let smith = surname("Smith").expect("Smith");
    assert_eq!(smith, 1);
    assert!(surname("Johnson").is_some_and(|r| r > smith));
    assert_eq!(surname("Qqqxz"), None);
}

#[test]
fn word_frequencies() {
    let the = word_frequency("the").expect("the");
    let however = word_frequency("however").expect("however");
    assert!(the > however && however > 4.0);
    assert!(word_frequency("officials").is_some_and(|z| z > 3.0));
    assert!(word_info("idlib").is_none_or(|i| !i.dictionary && i.zipf < 3.5));
    assert_eq!(word_frequency("qamishli"), None);
    assert_eq!(
        word_frequency("However"),
        Some(however),
        "queries are folded"
    );
    let london = word_info("London").expect("london is frequent");
    assert!(!london.dictionary, "a proper noun, not a dictionary word");
    assert!(word_info("officials").is_some_and(|i| i.dictionary));
}

#[test]
fn key_status_walks_prefixes() {
    let s = place_key_status("new");
    assert!(s.extends, "new york, new delhi...");
    let s = place_key_status("new york");
    assert!(s.exact);
    assert_eq!(place_key_status("qqqxz"), KeyStatus::default());
    assert!(could_start_place("Jisr"));
    assert!(!could_start_place("However"));
}

#[test]
fn counts_per_kind() {
    let [continents, countries, regions, cities] = record_counts();
    assert_eq!(continents, 7);
    assert!(countries >= 240, "{countries}");
    assert!(regions >= 3000, "{regions}");
    assert!(cities >= 60_000, "{cities}");
}
