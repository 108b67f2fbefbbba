//! Cues that a name is a business or a service rather than a place, read
//! from how guides and English write them: a listing (a name opening its
//! line, an address and a telephone after it: `Travel Heels, Vindebyørevej
//! 42 (Taasinge), ☏ +4588304520`), a trade noun before it (`stores such as
//! X`, `a bar named X`), its staff after it (`X staff`), a rating glued to
//! it (`Michelin-rated`), a brand's inner capital (`VisaCuba`), what it
//! does after it (`X operates flights`) and who runs a thing (`run by X`).
//!
//! A text about places reads a name with nothing else to go on as a place
//! (`places::places_by_default`); these keep the businesses it lists
//! actors, as the guideline's organisations and companies are. A named
//! facility keeps its head word's kind (`Fort Lee Historic Park, Hudson
//! Terrace, tel: ...` is a place): `classify` asks only of names no head
//! word, gazetteer or place cue has typed.
//!
//! Reads tokens only.

use super::context::DocContext;
use super::token::{Tok, Token};

fn lower<'t>(cx: &DocContext<'t>, k: usize) -> Option<&'t str> {
    cx.toks
        .get(k)
        .filter(|t| t.is_word() && !t.cap())
        .map(|t| t.text(cx.text))
}

/// The name `toks[s..e]` is a business by the words around it.
pub fn named(cx: &DocContext, s: usize, e: usize) -> bool {
    listing(cx, s, e)
        || trade_before(cx, s)
        || staff_after(cx, e)
        || trade_after(cx, e)
        || run_by(cx, s)
}

/// What a business does, right after its name (`X operates flights`,
/// `X rents kayaks`). Not `offers` or `runs`: a town offers museums, a
/// river runs to the sea.
fn trade_after(cx: &DocContext, e: usize) -> bool {
    cx.toks.get(e).is_some_and(Token::space)
        && lower(cx, e).is_some_and(|w| {
            matches!(
                w,
                "operates" | "sells" | "rents" | "charters" | "employs" | "flies" | "stocks"
            )
        })
}

/// `run by X`, `operated by the X`: who runs a thing, named after `by`.
fn run_by(cx: &DocContext, s: usize) -> bool {
    let k = super::animate::article_start(cx, s);
    k >= 2
        && cx.toks[k - 1].is(cx.text, "by")
        && lower(cx, k - 2).is_some_and(|w| {
            matches!(
                w,
                "run"
                    | "operated"
                    | "owned"
                    | "managed"
                    | "organised"
                    | "organized"
                    | "franchised"
                    | "chartered"
            )
        })
}

/// Marks that open a listing's contact fields.
fn contact_mark(c: char) -> bool {
    matches!(c, '☏' | '✆' | '📞' | '☎' | '✉' | '@')
}

/// A telephone, fax or e-mail at token `k`: a cue word (`tel`, `phone`),
/// a contact mark (`☏`, `✉`), a `+` glued to digits, or a number of seven
/// digits or more written as one (`0590854950`).
fn contact_at(cx: &DocContext, k: usize) -> bool {
    let t = &cx.toks[k];
    match t.kind() {
        Tok::Punct => t.punct().is_some_and(|c| {
            contact_mark(c)
                || (c == '+'
                    && cx
                        .toks
                        .get(k + 1)
                        .is_some_and(|n| n.kind() == Tok::Num && !n.space()))
        }),
        Tok::Num => t.text(cx.text).bytes().filter(u8::is_ascii_digit).count() >= 7,
        Tok::Word => {
            super::lexicon::with_lower(t.text(cx.text), |w| super::codes::PHONE_CUES.contains(&w))
        }
    }
}

/// Tokens after a listing's name within which its contact fields start:
/// an address of a few words comes first (`Strynø Brovej 12 (Strynø),`).
const CONTACT_REACH: usize = 16;

/// A guide's listing: the name opens its line (or follows a bullet), and
/// a telephone or e-mail follows it in the same sentence (`A-1 2470
/// Lemoine Avenue, tel: ...`); or, inside a sentence, a comma and a
/// telephone number follow the name at once (`try Club Med, 0590854950`).
pub fn listing(cx: &DocContext, s: usize, e: usize) -> bool {
    let toks = cx.toks;
    let opens_line = s == 0
        || toks[s].brk()
        || (toks[s - 1].brk()
            && toks[s - 1]
                .punct()
                .is_some_and(|c| matches!(c, '*' | '•' | '-')));
    if opens_line {
        let reach = (e + CONTACT_REACH).min(toks.len());
        for (k, t) in toks.iter().enumerate().take(reach).skip(e) {
            if t.brk() || (k > e && t.sent()) {
                return false;
            }
            if contact_at(cx, k) {
                return true;
            }
        }
        return false;
    }
    // An address comes between a listing's name and its telephone: a
    // name after a comma or a street's word is that address (`L'Americano,
    // bd Georges Mandel, 0590883899`).
    let address = toks[s - 1].punct() == Some(',')
        || lower(cx, s - 1).is_some_and(|w| {
            toks[s - 1].in_lex(super::lexicon::PLACE)
                || matches!(
                    w,
                    "bd" | "rue" | "av" | "calle" | "rua" | "via" | "jl" | "ul"
                )
        });
    !address
        && toks.get(e).and_then(Token::punct) == Some(',')
        && toks.get(e + 1).is_some_and(|t| !t.brk())
        && contact_at(cx, e + 1)
}

/// Trades and shops, singular and plural: the nouns a guide names
/// businesses after (`stores such as X`, `a bar named X`).
fn trade(w: &str) -> bool {
    let stem = w
        .strip_suffix("ies")
        .map(|_| &w[..w.len() - 1])
        .or_else(|| w.strip_suffix('s'))
        .unwrap_or(w);
    matches!(
        stem,
        "store"
            | "shop"
            | "retailer"
            | "chain"
            | "supermarket"
            | "boutique"
            | "outlet"
            | "brand"
            | "restaurant"
            | "cafe"
            | "café"
            | "bar"
            | "pub"
            | "nightclub"
            | "bakerie"
            | "brewerie"
            | "winerie"
            | "companie"
            | "company"
            | "firm"
            | "operator"
            | "outfitter"
            | "airline"
            | "carrier"
            | "agencie"
            | "agency"
            | "franchise"
            | "dealer"
            | "manufacturer"
            | "publisher"
    )
}

/// `stores such as X`, `shops like X and Y`, `a bar named X`: a trade
/// noun before the name, or before the list it is the last of.
pub fn trade_before(cx: &DocContext, s: usize) -> bool {
    let toks = cx.toks;
    // Back over the names listed before this one (`such as X, Y and Z`).
    let mut b = s;
    for _ in 0..4 {
        if b >= 2 && matches!(toks[b - 1].text(cx.text), "and" | "or" | ",") {
            let mut k = b - 1;
            while k > 0 && toks[k - 1].is_word() && toks[k - 1].cap() {
                k -= 1;
            }
            if k == b - 1 {
                break;
            }
            b = k;
        } else {
            break;
        }
    }
    let before = |n: usize| b.checked_sub(n).and_then(|k| lower(cx, k));
    match before(1) {
        Some("as") => before(2) == Some("such") && before(3).is_some_and(trade),
        Some("like" | "including") => before(2).is_some_and(trade),
        Some("named" | "called") => {
            before(2).is_some_and(trade)
                // `a bar / nightclub named X`
                || (b >= 3
                    && toks[b - 2].punct() == Some('/')
                    && before(3).is_some_and(trade))
        }
        _ => false,
    }
}

/// Who works for a business, right after its name (`X staff`).
pub fn staff_after(cx: &DocContext, e: usize) -> bool {
    cx.toks.get(e).is_some_and(Token::space)
        && lower(cx, e).is_some_and(|w| {
            matches!(
                w,
                "staff"
                    | "employees"
                    | "employee"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "executives"
                    | "shareholders"
                    | "customers"
            )
        })
}

/// `Michelin-rated`, `Disney-owned`: a rating or an owner glued to a
/// lowercase participle by a hyphen. The token at `e` is the hyphen.
pub fn rated(cx: &DocContext, e: usize) -> bool {
    lower(cx, e + 1).is_some_and(|w| {
        matches!(
            w,
            "rated"
                | "starred"
                | "owned"
                | "operated"
                | "run"
                | "funded"
                | "sponsored"
                | "branded"
                | "approved"
                | "certified"
        )
    })
}

/// A brand written with a capital inside it after two lowercase letters
/// or more (`VisaCuba`, `PayPal`, `JetBlue`): names of places and people
/// do not join words so (`McAllen`, `DeKalb`, `MacArthur`, `KwaZulu` open with
/// a particle, caught by the letters before the capital).
pub fn brand_case(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 5 || !b[0].is_ascii_uppercase() || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let inner =
        (3..b.len() - 1).find(|&i| b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase());
    inner.is_some_and(|i| {
        let prefix = &w[..i];
        !matches!(
            prefix,
            "Mac" | "Van" | "Von" | "Del" | "Della" | "Fitz" | "Vander" | "Kwa"
        ) && b[1..i].iter().all(u8::is_ascii_lowercase)
    })
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, extract_text};
    use super::brand_case;

    use EntityKind::{Actor, Place};

    /// A guide's opening: enough places named as places that a name with
    /// nothing else to go on is read as one.
    const GUIDE: &str = "Get around\n\nThe ferry from the town of Marstal calls at the village \
        of Skarø, the village of Drejø, the town of Rudkøbing, the village of Hjortø and the \
        town of Faaborg. Buses go to the town of Ærøskøbing, the village of Søby and the \
        village of Bregninge.\n\n";

    fn kinds(extra: &str, span: &str) -> Vec<EntityKind> {
        let text = format!("{GUIDE}{extra}");
        extract_text(&text)
            .mentions
            .iter()
            .filter(|m| &text[m.range()] == span)
            .map(|m| m.kind())
            .collect()
    }

    #[test]
    fn the_guide_reads_unknown_names_as_places() {
        assert_eq!(kinds("Walk on to Tranby from there.\n", "Tranby"), [Place]);
    }

    #[test]
    fn a_listing_names_a_business() {
        let listings = "Book walks with Blue Wren in Faaborg.\n\n\
            Blue Wren, Vestergade 12 (Faaborg), ☏ +4562617788, ✉ info@bluewren.dk. Guided walks.\n\n\
            Otterbo 2470 Lemoine Avenue, tel: 1 201 944-3737.\n\n\
            Tinker's 185 Harbour Road, tel: 1 201 944-6800.\n\n\
            You can try Sandpiper, 0590854950 for a day on the water.\n";
        assert_eq!(kinds(listings, "Blue Wren"), [Actor, Actor]);
        assert_eq!(kinds(listings, "Otterbo"), [Actor]);
        assert_eq!(kinds(listings, "Tinker"), [Actor]);
        assert_eq!(kinds(listings, "Sandpiper"), [Actor]);
    }

    #[test]
    fn a_listed_facility_and_an_address_stay_places() {
        let listings = "Skarø Harbour Museum, Havnegade 2, ☏ +4562531234. Open daily.\n\n\
            Le Phare, rue Lamartine, 0590883899: bar and restaurant.\n";
        assert_eq!(kinds(listings, "Skarø Harbour Museum"), [Place]);
        assert_eq!(kinds(listings, "Lamartine"), [Place]);
    }

    #[test]
    fn trades_staff_and_ratings_name_businesses() {
        let text = "Shops such as Pennyworth and Larkin line the quay. Larkspur staff at the \
            pier sell tickets. The island's one Michelin-rated kitchen is at the inn, and \
            a bar named Tern Hollow stays open late. Tickets are sold through FerryHop.\n";
        assert_eq!(kinds(text, "Pennyworth"), [Actor]);
        assert_eq!(kinds(text, "Larkin"), [Actor]);
        assert_eq!(kinds(text, "Larkspur"), [Actor]);
        assert_eq!(kinds(text, "Michelin"), [Actor]);
        assert_eq!(kinds(text, "Tern Hollow"), [Actor]);
        assert_eq!(kinds(text, "FerryHop"), [Actor]);
        let text = "The hostel is run by Wayfarer. Kittiwake operates two boats and \
            Gannet rents kayaks.\n";
        assert_eq!(kinds(text, "Wayfarer"), [Actor]);
        assert_eq!(kinds(text, "Kittiwake"), [Actor]);
        assert_eq!(kinds(text, "Gannet"), [Actor]);
    }

    #[test]
    fn a_consulate_acts() {
        let text = "Visas are issued by the Latvian Consulate, and the Latvian Embassy \
            answers questions.\n";
        assert_eq!(kinds(text, "Latvian Consulate"), [Actor]);
        assert_eq!(kinds(text, "Latvian Embassy"), [Actor]);
    }

    #[test]
    fn a_brand_joins_words_a_place_does_not() {
        for w in ["VisaCuba", "PayPal", "JetBlue", "YouTube"] {
            assert!(brand_case(w), "{w}");
        }
        for w in [
            "McAllen",
            "DeKalb",
            "MacArthur",
            "KwaZulu",
            "LaGrange",
            "Faaborg",
            "NATO",
        ] {
            assert!(!brand_case(w), "{w}");
        }
    }
}
