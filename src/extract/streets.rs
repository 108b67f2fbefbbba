//! Streets as addresses write them: a head word glued into one word in
//! the languages that compound (`Voskenslaan`, `Mehringdamm`,
//! `Korenmarkt`, `Strynø Brovej`), and an English street's abbreviated
//! head after a house number (`500 Bouthillier St`, `8700 W Chestnut Rd`).
//!
//! A guide's listing gives each business an address, and a text that
//! names no street any other way still names these: without them every
//! address of a guide is an unknown name, read as an actor when the text
//! is not taken for one about places. Streets whose head word stands
//! apart (`Dresdener Straße`, `Rue Lamartine`) are the place lexicon's.
//!
//! Reads tokens only.

use super::context::DocContext;
use super::gaz;
use super::lexicon::with_lower;
use super::token::{Tok, Token};

/// Heads of streets, squares, quays, markets, bridges and churches that
/// Dutch, German and the Nordic languages glue to the end of a name.
const COMPOUND_HEADS: &[&str] = &[
    "straße", "strasse", "straat", "gasse", "platz", "ufer", "allee", "damm", "plein", "laan",
    "gracht", "markt", "gade", "vej", "vejen", "torv", "plads", "gatan", "vägen", "torget", "katu",
    "steeg", "dreef", "brug", "brücke", "kerk", "kirche",
];

/// A word that is a street or square by the head glued to its end
/// (`Lindenstraße`, `Sint-Veerleplein`'s `Veerleplein`): a few letters
/// before the head, the last of them lowercase, and no English word
/// (`Brigade`, `Renegade`, `Arcade` end so too).
pub fn compound_street(word: &str) -> bool {
    if word.len() < 6 || !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // The glued head is in lowercase as written: no lowering for the test
    // every name's last word meets, only for the dictionary's.
    COMPOUND_HEADS.iter().any(|h| {
        word.len() >= h.len() + 3
            && word.ends_with(h)
            && word[..word.len() - h.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_lowercase)
    }) && with_lower(word, gaz::zipf) == 0.0
}

/// Abbreviated heads of English street names. `St` and `Dr` are also
/// Saint and Doctor, which open a name; these close one.
const ABBREVIATED_HEADS: &[&str] = &[
    "St", "Rd", "Dr", "Ln", "Hwy", "Pkwy", "Ct", "Pl", "Sq", "Cres", "Ste", "Blvd", "Ave",
];

/// `toks[k]` is a house number: digits, alone or with a letter glued to
/// them (`56A`), or the last part of a range (`9-14`, `1-6-18`).
pub fn house_number(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        matches!(t.kind(), Tok::Num | Tok::Word)
            && t.text(text)
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit())
    })
}

/// The name `toks[s..e]` ends in a street's abbreviated head and follows
/// a house number: `500 Bouthillier St`, `123 N Commerce St`.
pub fn numbered_street(cx: &DocContext, s: usize, e: usize) -> bool {
    e >= s + 2
        && s >= 1
        && house_number(cx.text, cx.toks, s - 1)
        && cx.toks[s].space()
        && ABBREVIATED_HEADS.contains(&cx.toks[e - 1].text(cx.text))
}

/// The street's abbreviated head at `toks[k]`, its dot at `k + 1`,
/// closes a name begun after a house number (`123 N Commerce St. The
/// market`, `900 Third St. A bed and breakfast`): the dot is no Saint's
/// before the next name. `start` is the name's first token. A place's
/// opening word before it keeps the Saint (`1980 Mount St. Helens`).
pub fn closes_address(text: &str, toks: &[Token], start: usize, k: usize) -> bool {
    k > start
        && start >= 1
        && house_number(text, toks, start - 1)
        && matches!(toks[k].text(text), "St" | "Rd" | "Dr" | "Ave" | "Blvd")
        && !toks[k - 1].in_lex(super::lexicon::PLACE)
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, extract_text};
    use super::compound_street;

    use EntityKind::Place;

    fn kinds(text: &str, span: &str) -> Vec<EntityKind> {
        extract_text(text)
            .mentions
            .iter()
            .filter(|m| &text[m.range()] == span)
            .map(|m| m.kind())
            .collect()
    }

    #[test]
    fn a_compound_names_a_street_by_its_last_part() {
        for w in [
            "Voskenslaan",
            "Lindenstraße",
            "Mehringdamm",
            "Maybachufer",
            "Korenmarkt",
            "Vestergade",
            "Bjerrebyvej",
            "Drottninggatan",
            "Zuivelbrug",
        ] {
            assert!(compound_street(w), "{w}");
        }
        for w in [
            "Brigade", "Renegade", "Arcade", "Decade", "Kinkade", "Platz", "Laan", "Mohammed",
            "Denmark",
        ] {
            assert!(!compound_street(w), "{w}");
        }
    }

    #[test]
    fn an_address_names_its_street() {
        let text = "Their offices are at Voskenslaan 27 and Mehringdamm 32, and the \
            club meets at 500 Bouthillier St on Fridays.\n\n\
            Otterbo Books, 123 N Commerce St. The shop opens at nine.\n";
        assert_eq!(kinds(text, "Voskenslaan"), [Place]);
        assert_eq!(kinds(text, "Mehringdamm"), [Place]);
        assert_eq!(kinds(text, "Bouthillier St"), [Place]);
        assert_eq!(kinds(text, "N Commerce St"), [Place]);
        let text = "He played Thomas Kinkade, and Anna Vestergade sang.\n";
        assert_eq!(kinds(text, "Thomas Kinkade"), [EntityKind::Actor]);
        assert_eq!(kinds(text, "Anna Vestergade"), [EntityKind::Actor]);
    }

    #[test]
    fn a_head_word_apart_names_a_street() {
        let text = "The bar is on Dresdener Straße, near Tempelhofer Ufer and the \
            Hackescher Markt.\n";
        assert_eq!(kinds(text, "Dresdener Straße"), [Place]);
        assert_eq!(kinds(text, "Tempelhofer Ufer"), [Place]);
        assert_eq!(kinds(text, "Hackescher Markt"), [Place]);
    }
}
