use super::*;

#[test]
fn folding_table() {
    let cases = [
        ("Jisr ash Shughūr", "jisr shughur"),
        ("Jisr ash-Shughur", "jisr shughur"),
        ("Jisr al-Shughour", "jisr shughour"),
        ("Al Qāmishlī", "qamishli"),
        ("al-Qamishli", "qamishli"),
        ("Ḩamāh", "hama"),
        ("Ar-Raqqah province", "raqqa province"),
        ("Utah", "uta"),
        ("Bah", "bah"),
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
        ("İstanbul", "istanbul"),
        ("\u{212B}land", "aland"),
        ("ŞANLIURFA", "sanliurfa"),
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
    for name in [
        "Of", "Along", "Mobile", "Victoria", "Reading", "Ali", "Johnson", "Hope",
    ] {
        let p = place(name).unwrap_or_else(|| panic!("{name} not found"));
        assert!(p.ambiguous, "{name} should be ambiguous: {p:?}");
    }
    for name in [
        "Idlib", "London", "Paris", "Turkey", "Aleppo", "Homs", "Tripoli", "Sydney",
    ] {
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
    // Names of other languages, known without a census rank; folded.
    for name in ["Mevlut", "Mevlüt", "Tayyip", "Bashar"] {
        assert!(given_name(name).is_some_and(|r| r > 5000), "{name}");
    }
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

#[test]
fn tokens_know_place_names() {
    let idlib = word_info("Idlib").expect("Idlib");
    assert!(idlib.place);
    let new = word_info("New").expect("new");
    assert!(new.place_prefix && new.dictionary);
    assert!(
        could_start_place("Jisr"),
        "only a place word: no WordInfo needed"
    );
    assert!(could_start_place("Idlib") && could_start_place("New"));
    assert!(word_info("Qqqxz").is_none());
    // The fast path (plain ASCII) and the general one agree.
    assert_eq!(word_info("IDLIB"), word_info("idlib"));
    assert_eq!(word_info("Idlib\u{200B}"), word_info("idlib"));
    assert_eq!(word_info("YEAH"), word_info("yeah"));
    assert_eq!(word_info("yeah"), word_info_folded(&fold("yeah")));
}

#[test]
fn zero_width_and_soft_hyphens_vanish() {
    assert_eq!(fold("Id\u{200B}lib"), "idlib");
    assert_eq!(fold("Alep\u{00AD}po"), "aleppo");
    assert_eq!(fold("Hama\u{0301}"), "hama");
}

proptest::proptest! {
    #[test]
    fn folding_is_idempotent_and_tidy(s in "\\PC{0,40}") {
        let once = fold(&s);
        proptest::prop_assert_eq!(fold(&once), once.clone());
        proptest::prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
        proptest::prop_assert!(!once.contains("  "));
        proptest::prop_assert!(once.chars().all(|c| c == ' ' || c.is_alphanumeric()));
    }

    #[test]
    fn lookups_never_panic(s in "\\PC{0,40}") {
        let _ = place(&s);
        let _ = places(&s).count();
        let _ = places_loose(&s).count();
        let _ = longest_place(&s.split_whitespace().collect::<Vec<_>>());
        let _ = word_info(&s);
        let _ = demonym(&s);
        let _ = place_key_status(&fold(&s));
    }
}

#[test]
fn skeletons() {
    let cases = [
        ("jisr shughur", "jsr sgr"),
        ("jisr shaghour", "jsr sgr"),
        ("qamishli", "kmsl"),
        ("kamishly", "kmsl"),
        ("maarrat numan", "mrt nmn"),
        ("raqqa", "rk"),
        ("ariha", "arh"),
        ("", ""),
    ];
    let mut out = String::from("junk");
    for (folded, want) in cases {
        skeleton_into(folded, &mut out);
        assert_eq!(out, want, "skeleton({folded:?})");
    }
}

#[test]
fn loose_matches_find_transliteration_variants() {
    let cases = [
        ("Jisr al-Shaghour", "SY"),
        ("Kamishly", "SY"),
        ("Deir al-Zour", "SY"),
    ];
    for (name, country) in cases {
        assert!(
            places_loose(name).any(|p| p.country == country),
            "{name}: {:?}",
            places_loose(name).take(5).collect::<Vec<_>>()
        );
    }
    assert_eq!(
        places_loose("Hama").count(),
        0,
        "too short to match loosely"
    );
}

#[test]
fn countries_by_code() {
    let syria = country("SY").expect("SY");
    assert_eq!((syria.name, syria.kind), ("Syria", PlaceKind::Country));
    assert_eq!(country("gb").map(|p| p.name), Some("United Kingdom"));
    assert_eq!(country("ZZ"), None);
    assert_eq!(country(""), None);
    // A demonym names the same country as the place lookup.
    let d = demonym("Syrians").expect("Syrians");
    assert_eq!(place(d.country).map(|p| p.country), Some("SY"));
}

#[test]
fn longest_place_spans() {
    type Case<'a> = (&'a [&'a str], Option<(usize, &'a str)>);
    let cases: [Case; 7] = [
        (&["New", "York", "City", "said"], Some((3, "US"))),
        (&["Jisr", "ash", "Shughur", "town"], Some((3, "SY"))),
        (&["Al", "Qamishli", "in"], Some((2, "SY"))),
        (&["Idlib", "province"], Some((1, "SY"))),
        (&["Syria", "Syria"], Some((1, "SY"))),
        (&["However", "Idlib"], None),
        (&[], None),
    ];
    for (words, want) in cases {
        let got = longest_place(words).map(|(n, p)| (n, p.country));
        assert_eq!(got, want, "{words:?}");
    }
}

#[test]
fn alternate_names_are_marked() {
    let own = place("Damascus").expect("Damascus");
    assert!(!own.alternate);
    let hama = places("Hama")
        .find(|p| p.kind == PlaceKind::City)
        .expect("Hama city");
    assert_eq!(hama.name, "Ḩamāh");
    assert!(!hama.alternate, "folds to the record's own name (-ah)");
    let region = places("Hama")
        .find(|p| p.kind == PlaceKind::Region)
        .expect("Hama region");
    assert!(!region.alternate, "and the region's own name");
    let kamishli = places("Kamishli").next().expect("Kamishli");
    assert!(kamishli.alternate, "an alternate spelling: {kamishli:?}");
    assert!(!place("the UK").expect("UK").ambiguous);
    assert!(!country("SY").expect("SY").alternate);
}

#[test]
fn token_place_bits_agree_with_the_place_map() {
    let keys = tables::single_word_place_keys();
    assert!(keys.len() > 50_000, "{}", keys.len());
    for k in &keys {
        if let Some(info) = word_info_folded(k) {
            assert!(info.place, "{k} is a place key but its token says no");
        }
        assert!(places_folded(k).next().is_some(), "{k}");
    }
    for w in ["however", "officials", "said", "the"] {
        let info = word_info(w).expect(w);
        assert_eq!(info.place, keys.binary_search(&w.to_owned()).is_ok(), "{w}");
    }
}

const SPAN_WORDS: &[&str] = &[
    "New", "York", "City", "Jisr", "ash", "al-", "Shughur", "Al", "Qamishli", "Idlib", "the",
    "United", "States", "of", "America", "Deir", "ez-Zor", "Hama", "said", "-", "São", "Paulo",
];

proptest::proptest! {
    #[test]
    fn longest_place_agrees_with_place(picks in proptest::collection::vec(0..SPAN_WORDS.len(), 0..6)) {
        let words: Vec<&str> = picks.iter().map(|&i| SPAN_WORDS[i]).collect();
        if let Some((n, p)) = longest_place(&words) {
            proptest::prop_assert!(n >= 1 && n <= words.len());
            proptest::prop_assert_eq!(place(&words[..n].join(" ")), Some(p));
        }
    }
}

proptest::proptest! {
    #[test]
    fn fast_paths_agree_with_fold(w in "[A-Za-z0-9]{1,12}(ah|AH|Ah)?") {
        proptest::prop_assert_eq!(word_info(&w), word_info_folded(&fold(&w)));
        proptest::prop_assert_eq!(place(&w), places_folded(&fold(&w)).next());
        let mut buf = String::new();
        fold_into(&w, &mut buf);
        proptest::prop_assert_eq!(buf, fold(&w));
    }
}
