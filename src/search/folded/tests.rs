use super::*;
use crate::fold::{fold, fold_eq};

#[test]
fn folds_accents_typography_and_invisibles() {
    let cases = [
        ("Çavuşoğlu", "cavusoglu"),
        ("don’t", "don't"),
        ("‘quoted’ “twice”", "'quoted' \"twice\""),
        ("«Non»", "\"non\""),
        ("2010–2012", "2010-2012"),
        ("yes—no", "yes-no"),
        ("−5", "-5"),
        ("pay\u{200B}pal", "paypal"),
        ("soft\u{00AD}hyphen", "softhyphen"),
        ("\u{FEFF}bom", "bom"),
        ("İstanbul", "istanbul"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Ærøskøbing", "aeroskobing"),
        ("ﬁnance", "finance"),
        ("non\u{00A0}breaking", "non breaking"),
        ("line\nbreak\ttab", "line break tab"),
        ("cafe\u{0301}", "cafe"),
        ("Nguyễn Tấn Dũng", "nguyen tan dung"),
        ("Москва", "москва"),
        ("東京", "東京"),
        ("x²", "x2"),
        ("don´t", "don't"),
        ("ØRSTED", "orsted"),
        ("…", "..."),
    ];
    for (text, want) in cases {
        assert_eq!(fold(text, true), want, "fold of {text:?}");
    }
}

#[test]
fn case_kept_fold_keeps_capitals() {
    assert_eq!(fold("Çavuşoğlu", false), "Cavusoglu");
    assert_eq!(
        fold("İstanbul STRASSE Straße", false),
        "Istanbul STRASSE Strasse"
    );
    assert!(fold_eq("Çavuşoğlu", "Cavusoglu"));
    assert!(!fold_eq("çavuşoğlu", "Cavusoglu"));
    assert!(fold_eq("Don’t", "Don't"));
    assert!(!fold_eq("Don’t", "Don't!"));
    assert!(fold_eq("a\nb", "a b"));
}

fn map_all<'t>(text: &'t str, needle: &str) -> Vec<&'t str> {
    let index = FoldedText::build(text);
    let mut mapper = index.mapper();
    let folded = index.copy().expect("kept");
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(off) = folded[pos..].find(needle) {
        let start = pos + off;
        match mapper.map(start, start + needle.len()) {
            Some(r) => {
                out.push(&text[r]);
                pos = start + needle.len();
            }
            None => pos = start + 1,
        }
    }
    out
}

#[test]
fn maps_back_to_whole_characters() {
    assert_eq!(
        map_all("Çavuşoğlu, ÇAVUŞOĞLU", "cavusoglu"),
        ["Çavuşoğlu", "ÇAVUŞOĞLU"]
    );
    assert_eq!(map_all("pay\u{200B}pal", "paypal"), ["pay\u{200B}pal"]);
    assert_eq!(map_all("\u{200B}pal\u{200B}", "pal"), ["pal"]);
    assert_eq!(map_all("Straße", "s"), ["S"]);
    assert_eq!(map_all("Straße", "ss"), ["ß"]);
    assert_eq!(map_all("ﬁ fi", "f"), ["f"]);
    assert_eq!(map_all("don’t don't", "n't"), ["n’t", "n't"]);
    assert_eq!(map_all("a–b—c", "-"), ["–", "—"]);
}

#[test]
fn sparse_hits_over_a_dense_map() {
    // Thousands of folds between hits: the mapper gallops, and must land
    // exactly where a plain scan of the text does.
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(&"é’".repeat(i * 7 % 97));
        text.push_str(" x ");
    }
    let want: Vec<usize> = text.match_indices('x').map(|(i, _)| i).collect();
    let index = FoldedText::build(&text);
    let mut mapper = index.mapper();
    let got: Vec<usize> = index
        .copy()
        .expect("kept")
        .match_indices('x')
        .filter_map(|(i, _)| mapper.map(i, i + 1))
        .map(|r| r.start)
        .collect();
    assert_eq!(got, want);
}

#[test]
fn case_kept_copy_shares_offsets_or_is_refused() {
    let text = "Çavuşoğlu said “Don’t” in İstanbul – STRASSE Straße";
    let index = FoldedText::build(text);
    let kept = index.case_kept(text).expect("same shape");
    assert_eq!(kept, fold(text, false));
    assert_eq!(kept.len(), index.copy().expect("kept").len());
    assert_eq!(kept.to_lowercase(), index.copy().expect("kept"));
    // `Ⱥ` is 2 bytes, its lower case `ⱥ` 3: no shared offsets.
    let odd = "a Ⱥ b";
    assert_eq!(FoldedText::build(odd).case_kept(odd), None);
}

#[test]
fn plain_ascii_needs_no_map() {
    let index = FoldedText::build("Plain ASCII text\nover lines");
    assert_eq!(index.copy().expect("kept"), "plain ascii text over lines");
    assert_eq!(index.map_bytes(), 0);
}

#[test]
fn a_windowed_index_keeps_no_copy_and_folds_any_window_alike() {
    let text = "Çavuşoğlu said “Don’t” in İstanbul – STRASSE Straße ﬁnance pay\u{200B}pal";
    let whole = FoldedText::build(text);
    let copy = whole.copy().expect("kept").as_bytes();
    let windowed = FoldedText::build_with(text, Some(4));
    assert_eq!(windowed.copy(), None);
    assert_eq!(windowed.len(), copy.len());
    let mut buf = Vec::new();
    for from in 0..copy.len() {
        for len in [1, 3, 8, 200] {
            let (bytes, base) = windowed.window(text, from, len, &mut buf);
            assert!(base <= from, "{from}: window from {base}");
            let want = (from + len).min(copy.len());
            assert!(
                base + bytes.len() >= want,
                "{from}+{len}: to {}",
                base + bytes.len()
            );
            assert_eq!(bytes, &copy[base..base + bytes.len()], "{from}+{len}");
        }
    }
}
