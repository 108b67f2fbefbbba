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
    (listing(cx, s, e) && listed_business(cx, s, e))
        || trade_before(cx, s)
        || staff_after(cx, e)
        || trade_after(cx, e)
        || run_by(cx, s)
        || trade_apposition(cx, e)
}

/// What a guide's section says of the listings under it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Section {
    /// `Get in`, `Get around`, `By bus`: carriers, taxis, rentals.
    Transport,
    /// `See`, `Eat`, `Drink`, `Sleep`, `Buy`: sights, restaurants, bars,
    /// hotels and shops, places one goes to.
    Venues,
    /// `Do`: the tour operators, and the sights and parks one goes to.
    Activities,
}

/// A Wikivoyage-style heading's kind, from its first word (`Get in`,
/// `By plane`, `Eat`, `Stay safe` is none of them).
fn heading_kind(cx: &DocContext, first: usize, words: usize) -> Option<Section> {
    let w = cx.toks[first].text(cx.text);
    let second = || {
        cx.toks
            .get(first + 1)
            .map(|t| t.text(cx.text))
            .unwrap_or("")
    };
    match w {
        "Get" if matches!(second(), "in" | "around") => Some(Section::Transport),
        "By" => Some(Section::Transport),
        "See" | "Eat" | "Drink" | "Sleep" | "Buy" | "Shop" | "Shopping" | "Nightlife"
            if words == 1 =>
        {
            Some(Section::Venues)
        }
        "Do" if words == 1 => Some(Section::Activities),
        _ => None,
    }
}

/// The text is a travel guide by its headings: three lines or more that
/// are a guide's section headings (`Understand`, `Get in`, `See`, `Eat`,
/// `Stay safe`, `Go next`).
pub fn guide_headings(cx: &DocContext) -> bool {
    let toks = cx.toks;
    let mut found = 0;
    let mut k = 0;
    while k < toks.len() {
        // The line opening at `k`: its length in tokens.
        let n = toks[k + 1..]
            .iter()
            .position(Token::brk)
            .map_or(toks.len() - k, |p| p + 1);
        let line = &toks[k..k + n];
        if (1..=3).contains(&n)
            && line.iter().all(Token::is_word)
            && (heading_kind(cx, k, n).is_some()
                || matches!(
                    (line[0].text(cx.text), line.get(1).map(|t| t.text(cx.text))),
                    ("Understand" | "Respect" | "Connect" | "Cope" | "Talk", None)
                        | ("Stay", Some("safe" | "healthy"))
                        | ("Go", Some("next"))
                ))
        {
            found += 1;
            if found >= 3 {
                return true;
            }
        }
        k += n;
    }
    false
}

/// Tokens looked back over for the heading a listing sits under.
const SECTION_REACH: usize = 1500;

/// The section of a guide that the token `s` sits in: the nearest line
/// above it that is a heading of a kind [`heading_kind`] knows. A heading
/// is a line of one to three words with no punctuation. Sub-headings of
/// other kinds (`Budget`, `Splurge`) are passed over.
fn section(cx: &DocContext, s: usize) -> Option<Section> {
    let floor = s.saturating_sub(SECTION_REACH);
    let mut end = s;
    let mut k = s;
    while k > floor {
        k -= 1;
        if !cx.toks[k].brk() {
            continue;
        }
        // The line `toks[k..end]`.
        let line = &cx.toks[k..end];
        if (1..=3).contains(&line.len())
            && line.iter().all(|t| t.is_word())
            && let Some(kind) = heading_kind(cx, k, line.len())
        {
            return Some(kind);
        }
        end = k;
    }
    None
}

/// A listing's name is a business's under a heading of carriers, or with
/// a description that opens with what it does (`Operates boat trips`,
/// `Rents bikes`) under any heading; under a heading of sights, meals and
/// beds it is a place one goes to, and outside any heading a guide names
/// the trades it lists.
fn listed_business(cx: &DocContext, s: usize, e: usize) -> bool {
    match section(cx, s) {
        Some(Section::Transport) | None => true,
        Some(Section::Venues | Section::Activities) => described_trade(cx, e),
    }
}

/// What a business does, opening a sentence with the subject left out as
/// a listing's description does (`Operates 40-minute boat trips`).
fn trade_verb(w: &str) -> bool {
    matches!(
        w,
        "operates"
            | "rents"
            | "runs"
            | "leads"
            | "organises"
            | "organizes"
            | "charters"
            | "hires"
            | "arranges"
            | "offers"
            | "flies"
    )
}

/// The first sentence after a listing's name, on its line, opens with a
/// trade's verb.
fn described_trade(cx: &DocContext, e: usize) -> bool {
    for k in e..cx.toks.len() {
        let t = &cx.toks[k];
        if k > e && t.brk() {
            return false;
        }
        if k > e && t.sent() && t.is_word() {
            return super::lexicon::with_lower(t.text(cx.text), trade_verb);
        }
    }
    false
}

/// `Peach, a low-cost airline`, `Ichiran, a ramen chain from Fukuoka`:
/// an apposition after a comma whose head is a trade noun.
fn trade_apposition(cx: &DocContext, e: usize) -> bool {
    let toks = cx.toks;
    if toks.get(e).and_then(Token::punct) != Some(',')
        || !lower(cx, e + 1).is_some_and(|w| matches!(w, "a" | "an" | "the"))
    {
        return false;
    }
    for (k, t) in toks.iter().enumerate().take(e + 6).skip(e + 2) {
        match lower(cx, k) {
            Some(w) if trade(w) => return true,
            Some(_) => {}
            // A hyphen inside a modifier (`low-cost`) goes on; any other
            // mark or a capitalised word ends the noun phrase.
            None if t.punct() == Some('-') => {}
            None => return false,
        }
    }
    false
}

/// What a business does, right after its name (`X operates flights`,
/// `X rents kayaks`). Not `offers` or `runs`: a town offers museums, a
/// river runs to the sea.
fn trade_after(cx: &DocContext, e: usize) -> bool {
    let e = past_conjunct(cx, e);
    cx.toks.get(e).is_some_and(Token::space)
        && lower(cx, e).is_some_and(|w| {
            matches!(
                w,
                "operates"
                    | "operate"
                    | "sells"
                    | "rents"
                    | "charters"
                    | "employs"
                    | "flies"
                    | "fly"
                    | "stocks"
                    // `the Hanshin Tigers play baseball`: a team.
                    | "play"
            ) || (matches!(w, "runs" | "run" | "offers" | "offer" | "provides")
                && service_object(cx, e + 1))
        })
}

/// Services a carrier or an operator runs (`runs trains`, `offers one
/// flight per week`): a town offers museums, a river runs to the sea.
fn service_object(cx: &DocContext, k: usize) -> bool {
    (k..(k + 4).min(cx.toks.len())).any(|j| {
        lower(cx, j).is_some_and(|w| {
            matches!(
                w.strip_suffix('s').unwrap_or(w),
                "train"
                    | "buse"
                    | "bus"
                    | "ferrie"
                    | "ferry"
                    | "flight"
                    | "tour"
                    | "trip"
                    | "cruise"
                    | "shuttle"
                    | "coache"
                    | "coach"
                    | "boat"
                    | "transfer"
                    | "excursion"
                    | "safari"
                    | "line"
            )
        })
    })
}

/// The token after a name and the names listed after it (`Ryanair and
/// Wizz Air fly`, `Albatross, Brent and Curlew run buses`): the verb they
/// share.
fn past_conjunct(cx: &DocContext, e: usize) -> usize {
    let toks = cx.toks;
    let glue = |t: &Token| t.punct() == Some(',') || t.is(cx.text, "and") || t.is(cx.text, "or");
    let mut end = e;
    let mut k = e;
    // At most a few members, each after its glue (`, and` counts as one).
    for _ in 0..8 {
        let mut j = k;
        while j < k + 2 && toks.get(j).is_some_and(glue) {
            j += 1;
        }
        if j == k {
            break;
        }
        let first = j;
        while toks
            .get(j)
            .is_some_and(|t| t.is_word() && t.cap() && !t.sent() && !t.brk())
        {
            j += 1;
        }
        if j == first {
            break;
        }
        end = j;
        k = j;
    }
    end
}

/// `run by X`, `operated by the X`: who runs a thing, named after `by`.
fn run_by(cx: &DocContext, s: usize) -> bool {
    let k = super::animate::article_start(cx, list_start(cx, s));
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
                    | "served"
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
    // After a bullet, and the marks of bold type a plain text keeps
    // (`* **Name**, ...`).
    let bullet = |k: usize| {
        toks[k]
            .punct()
            .is_some_and(|c| matches!(c, '*' | '•' | '-' | '_'))
    };
    let mut b = s;
    while b > 0 && s - b < 3 && bullet(b - 1) && !toks[b].brk() {
        b -= 1;
    }
    let opens_line = s == 0 || toks[s].brk() || (b < s && toks[b].brk());
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
            | "landlord"
    )
}

/// `stores such as X`, `shops like X and Y`, `a bar named X`: a trade
/// noun before the name, or before the list it is the last of.
/// The first of the names listed before the one at `s` (`such as X, Y
/// and Z`, `served by X, Y and Z`), or `s`.
fn list_start(cx: &DocContext, s: usize) -> usize {
    let toks = cx.toks;
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
    b
}

/// `stores such as X`, `shops like X and Y`, `a bar named X`: a trade
/// noun before the name, or before the list it is the last of.
pub fn trade_before(cx: &DocContext, s: usize) -> bool {
    let toks = cx.toks;
    let b = list_start(cx, s);
    let before = |n: usize| b.checked_sub(n).and_then(|k| lower(cx, k));
    // The trade noun may open the sentence (`Stores such as X`).
    let trade_at = |n: usize| {
        b.checked_sub(n).is_some_and(|k| {
            let t = &toks[k];
            t.is_word()
                && (!t.cap() || (t.sent() && !t.upper()))
                && super::lexicon::with_lower(t.text(cx.text), trade)
        })
    };
    match before(1) {
        Some("as") => before(2) == Some("such") && trade_at(3),
        Some("like" | "including") => trade_at(2),
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
    fn the_peoples_and_houses_of_a_guides_history_act() {
        let text = "The Skarians and the Vellites fought over the island until the \
            Orrids took it, and the Hasegara clan held it after them. The Tarrow \
            Gulls play football at the harbour.\n";
        for name in ["Skarians", "Vellites", "Orrids", "Hasegara", "Tarrow Gulls"] {
            assert_eq!(kinds(text, name), [Actor], "{name}");
        }
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

    /// A guide laid out under Wikivoyage's headings, with listings in
    /// Markdown's bold kept as plain text.
    const SECTIONED: &str = "Tranby\n\nTranby is a town on the island of Skarø.\n\n\
        Get in\n\nThe ferry calls at Tranby Harbour. Kestrel and Blue Swift fly from \
        Faaborg, which is served by Kittiwake, Gannet and Fulmar. Shops such as Larkin \
        sell bread. Stores such as Pennyworth and Quorrin sell fish. Skyvola, a small \
        airline, flies there too. Petrel runs buses to the harbour.\n\n\
        Get around\n\n* **Otterbo**, Vestergade 12, +45 6261 7788. Bikes by the day.\n\n\
        See\n\n* **Ravnholt**, Havnegade 2, +45 6253 1234. A manor with a garden.\n\n\
        Do\n\n* **Tern Hollow**, Strandvej 4, +45 6253 9999. Operates boat trips to the \
        islands.\n* **Hjortø Bad**, Strandvej 9, +45 6253 8888. A pool by the sea.\n\n\
        Eat\n\n* **Skipperkroen**, Havnegade 7, +45 6253 0101. Fish and chips.\n\n\
        Go next\n\nFaaborg is an hour away by ferry.\n";

    fn sectioned(span: &str) -> Vec<EntityKind> {
        extract_text(SECTIONED)
            .mentions
            .iter()
            .filter(|m| &SECTIONED[m.range()] == span)
            .map(|m| m.kind())
            .collect()
    }

    #[test]
    fn a_listing_under_sights_meals_or_beds_is_a_place() {
        assert_eq!(sectioned("Ravnholt"), [Place]);
        assert_eq!(sectioned("Skipperkroen"), [Place]);
        assert_eq!(sectioned("Hjortø Bad"), [Place]);
    }

    #[test]
    fn a_listing_of_a_carrier_or_an_operator_is_a_business() {
        assert_eq!(sectioned("Otterbo"), [Actor]);
        assert_eq!(sectioned("Tern Hollow"), [Actor]);
    }

    #[test]
    fn carriers_named_in_a_guide_act() {
        for name in [
            "Kestrel",
            "Blue Swift",
            "Kittiwake",
            "Gannet",
            "Fulmar",
            "Pennyworth",
            "Quorrin",
            "Skyvola",
            "Petrel",
        ] {
            assert_eq!(sectioned(name), [Actor], "{name}");
        }
    }

    #[test]
    fn a_guide_with_many_businesses_is_still_about_places() {
        // More actors than a text about places names, but a guide's
        // headings: the unknown streets of its addresses stay places.
        let text = format!(
            "{SECTIONED}\nBy bus\n\nAlbatross, Brent, Curlew, Dunlin, Eider and Fulmar run \
            buses. Albatross operates ten, Brent operates four. Skoll Metro runs two \
            lines. Rodda Homes, the largest \
            landlord, owns the quay.\n\n\
            Stay safe\n\nWalk along Nørrebakken at night.\n"
        );
        let kinds: Vec<_> = extract_text(&text)
            .mentions
            .iter()
            .filter(|m| &text[m.range()] == "Nørrebakken")
            .map(|m| m.kind())
            .collect();
        assert_eq!(kinds, [Place]);
        let found = extract_text(&text);
        for name in ["Skoll Metro", "Rodda Homes", "Curlew", "Dunlin", "Eider"] {
            let kinds: Vec<_> = found
                .mentions
                .iter()
                .filter(|m| &text[m.range()] == name)
                .map(|m| m.kind())
                .collect();
            assert_eq!(kinds, [Actor], "{name}");
        }
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
