//! Cues that a name is someone, read from the words around it rather than
//! the name: a role noun before it (`the Nobel laureate X`, `conquistador
//! leader X`), a work of theirs after it (`X's movie`), a relative `who`
//! (`the X, who were descended`), a verb that acts on people before it
//! (`appointed X`, `enslaved the X`), an age named for its rulers (`the X
//! era`). A text about places reads a name with nothing else to go on as a
//! place; these keep the people in it people.
//!
//! Reads tokens only; `classify` asks, per candidate, at its two ends.

use super::context::DocContext;
use super::token::Token;

/// Where the name at `s` starts with a `the` before it taken in (`the X`
/// after a verb or a preposition).
pub fn article_start(cx: &DocContext, s: usize) -> usize {
    if s >= 1 && cx.toks[s - 1].is(cx.text, "the") {
        s - 1
    } else {
        s
    }
}

fn word<'t>(cx: &DocContext<'t>, k: usize) -> Option<&'t str> {
    cx.toks
        .get(k)
        .filter(|t| t.is_word() && !t.cap())
        .map(|t| t.text(cx.text))
}

/// Roles and trades written in lowercase right before a person's name
/// (`novelist`, `conquistador`, `laureate`). Capitalised titles (`President
/// X`) are cut from the name elsewhere; these stand outside it.
fn role_noun(w: &str) -> bool {
    matches!(
        w,
        "laureate"
            | "poet"
            | "novelist"
            | "writer"
            | "author"
            | "painter"
            | "artist"
            | "sculptor"
            | "composer"
            | "architect"
            | "conductor"
            | "singer"
            | "songwriter"
            | "rapper"
            | "actor"
            | "actress"
            | "comedian"
            | "musician"
            | "pianist"
            | "guitarist"
            | "violinist"
            | "philosopher"
            | "historian"
            | "scientist"
            | "physicist"
            | "chemist"
            | "biologist"
            | "mathematician"
            | "astronomer"
            | "inventor"
            | "explorer"
            | "navigator"
            | "conquistador"
            | "missionary"
            | "emperor"
            | "empress"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pharaoh"
            | "chieftain"
            | "warlord"
            | "leader"
            | "founder"
            | "filmmaker"
            | "playwright"
            | "photographer"
            | "businessman"
            | "businesswoman"
            | "entrepreneur"
            | "tycoon"
            | "philanthropist"
            | "journalist"
            | "columnist"
            | "broadcaster"
            | "footballer"
            | "boxer"
            | "lawyer"
            | "surgeon"
    )
}

/// A role noun right before the name at `s` (`the Nobel laureate X`).
pub fn role_before(cx: &DocContext, s: usize) -> bool {
    s >= 1 && cx.toks[s].space() && word(cx, s - 1).is_some_and(role_noun)
}

/// What people make and are known by: `X's movie`, `X's last novel`.
fn work_noun(w: &str) -> bool {
    matches!(
        w,
        "movie"
            | "movies"
            | "film"
            | "films"
            | "novel"
            | "novels"
            | "book"
            | "books"
            | "poem"
            | "poems"
            | "painting"
            | "paintings"
            | "song"
            | "songs"
            | "album"
            | "albums"
            | "opera"
            | "operas"
            | "symphony"
            | "memoir"
            | "memoirs"
            | "play"
            | "plays"
            | "sculpture"
            | "sculptures"
            | "masterpiece"
            | "essay"
            | "essays"
            | "diary"
            | "lyrics"
    )
}

fn possessive(t: &Token, text: &str) -> bool {
    t.punct().is_some() && matches!(t.text(text), "'s" | "\u{2019}s")
}

/// The name ending at `e` owns a work (`X's movie`, one word may stand
/// between: `X's last novel`).
pub fn work_after(cx: &DocContext, e: usize) -> bool {
    cx.toks.get(e).is_some_and(|t| possessive(t, cx.text))
        && (word(cx, e + 1).is_some_and(work_noun)
            || (word(cx, e + 1).is_some() && word(cx, e + 2).is_some_and(work_noun)))
}

/// Prepositions that put a name somewhere: a `who` after `in X, who` is
/// more likely the people there than the place.
fn locative_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "from"
            | "to"
            | "into"
            | "near"
            | "of"
            | "via"
            | "through"
            | "across"
            | "around"
            | "towards"
            | "toward"
    )
}

/// `the X, who were descended`: a relative `who` after a comma speaks of
/// someone. Not after a preposition of place (`tourists in X, who`).
pub fn relative_who(cx: &DocContext, s: usize, e: usize) -> bool {
    let comma = cx.toks.get(e).and_then(Token::punct) == Some(',');
    let who = cx
        .toks
        .get(e + 1)
        .is_some_and(|t| t.is(cx.text, "who") || t.is(cx.text, "whose"));
    if !(comma && who) {
        return false;
    }
    let k = article_start(cx, s);
    !(k >= 1 && word(cx, k - 1).is_some_and(locative_word))
}

/// Verbs whose object is a person or a people: `appointed X`, `enslaved
/// the X`, `the ancestors of X`.
fn acts_on_people(w: &str) -> bool {
    matches!(
        w,
        "appointed"
            | "elected"
            | "crowned"
            | "enslaved"
            | "massacred"
            | "married"
            | "hired"
            | "exiled"
            | "assassinated"
            | "murdered"
            | "executed"
            | "deposed"
            | "overthrew"
            | "banished"
            | "knighted"
            | "nominated"
            | "interviewed"
            | "succeeded"
    )
}

/// The name at `s` is acted on as someone (`appointed X`, `enslaved the
/// X`) or named as kin (`descendants of X`, `descended from the X`).
pub fn acted_on(cx: &DocContext, s: usize) -> bool {
    let k = article_start(cx, s);
    let Some(before) = k.checked_sub(1).and_then(|j| word(cx, j)) else {
        return false;
    };
    if acts_on_people(before) {
        return true;
    }
    let kin = |j: usize| {
        word(cx, j)
            .is_some_and(|w| matches!(w, "descendants" | "descendant" | "ancestors" | "forebears"))
    };
    match before {
        "of" => k >= 2 && kin(k - 2),
        "from" => k >= 2 && word(cx, k - 2).is_some_and(|w| w == "descended"),
        _ => false,
    }
}

/// `the X era`, `the X dynasty`: an age named for those who ruled it.
pub fn ruling_age(cx: &DocContext, e: usize) -> bool {
    word(cx, e)
        .is_some_and(|w| matches!(w, "era" | "period" | "dynasty" | "reign" | "rule" | "times"))
}

/// `Constantine the Great`, `John the Baptist`: a ruler or saint known by
/// an epithet after `the` is someone, whatever else the name spells (a
/// town in Algeria is called Constantine).
pub fn epithet_after(cx: &DocContext, e: usize) -> bool {
    let the = cx.toks.get(e).is_some_and(|t| t.is(cx.text, "the"));
    the && cx.toks.get(e + 1).is_some_and(|t| {
        t.cap()
            && !t.upper()
            && matches!(
                t.text(cx.text),
                "Great"
                    | "Elder"
                    | "Younger"
                    | "Conqueror"
                    | "Confessor"
                    | "Magnificent"
                    | "Bold"
                    | "Wise"
                    | "Pious"
                    | "Terrible"
                    | "Lionheart"
                    | "Fair"
                    | "Bald"
                    | "Just"
                    | "Navigator"
                    | "Venerable"
                    | "Baptist"
                    | "Evangelist"
                    | "Apostle"
                    | "Lawgiver"
                    | "Unready"
                    | "Hammer"
            )
    })
}

/// `the Obama administration`, `the Assad regime`: a government named for
/// the one who leads it; `the Toyotomi clan`, `the Safavid dynasty`, `the
/// Tokugawa shogunate`: a house that ruled, named for its founder.
pub fn governs(cx: &DocContext, e: usize) -> bool {
    word(cx, e).is_some_and(|w| {
        matches!(
            w,
            "administration"
                | "administrations"
                | "presidency"
                | "premiership"
                | "regime"
                | "clan"
                | "clans"
                | "dynasty"
                | "dynasties"
                | "shogunate"
        )
    })
}

/// Tokens read after a name for a pronoun that takes it up.
const PRONOUN_REACH: usize = 30;

/// `X was the last of his people, and he died in 1933`, `X came in 1642.
/// He stayed`: a name opening its sentence, taken up by `he` or `she` as
/// the subject of the clause after it or of the next sentence, is
/// someone's.
pub fn taken_up_by_pronoun(cx: &DocContext, s: usize, e: usize) -> bool {
    let toks = cx.toks;
    let opens = s == 0 || toks[s].sent() || toks[s].brk();
    if !opens {
        return false;
    }
    let subject = |t: &Token| t.is_word() && matches!(t.text(cx.text), "he" | "she" | "He" | "She");
    let end = (e + PRONOUN_REACH).min(toks.len());
    for k in e..end {
        let t = &toks[k];
        if t.brk() {
            return false;
        }
        if t.sent() {
            // The next sentence: its first word decides.
            return subject(t) && t.cap();
        }
        if subject(t)
            && !t.cap()
            && k >= 1
            && (toks[k - 1].is(cx.text, "and") || toks[k - 1].punct() == Some(','))
        {
            return true;
        }
    }
    false
}
#[cfg(test)]
mod tests {
    use super::super::{EntityKind, extract_text};

    /// A guide's opening, long enough that a pronoun or two leaves it a
    /// text about places, where a name with nothing else to go on is a
    /// place.
    const GUIDE: &str = "Get around\n\nThe ferry from the town of Marstal calls at the village \
        of Skarø, the village of Drejø, the town of Rudkøbing, the village of Hjortø and the \
        town of Faaborg. Buses go to the town of Ærøskøbing, the village of Søby and the \
        village of Bregninge.\n\n";

    fn kinds(extra: &str, span: &str) -> Vec<EntityKind> {
        let text = format!("{}{extra}", GUIDE.repeat(6));
        extract_text(&text)
            .mentions
            .iter()
            .filter(|m| &text[m.range()] == span)
            .map(|m| m.kind())
            .collect()
    }

    #[test]
    fn a_pronoun_taking_up_a_name_makes_someone() {
        let text = "Aperahama Tuku was the last keeper of the light, and he left in 1921. \
            Moana Rerekura came in 1930. She stayed for a year.\n";
        assert_eq!(kinds(text, "Aperahama Tuku"), [EntityKind::Actor]);
        assert_eq!(kinds(text, "Moana Rerekura"), [EntityKind::Actor]);
        // A place opening a sentence that goes on about someone else.
        let text = "Tarawhiti Reka is quiet in winter. The keeper left, and he never came back.\n";
        assert_eq!(kinds(text, "Tarawhiti Reka"), [EntityKind::Place]);
    }
}
