//! Generated news: Markdown or plain text of any size, for benchmarks and
//! large-input tests, so no large file is ever committed.
//!
//! The output is deterministic for a seed, a size and a format: a run of
//! wire-style articles, each a title, a dateline lead, and sections under
//! subheadings holding paragraphs with people, places, organisations,
//! figures, dates and quotations. Words come from small built-in lists of
//! invented people and real-world places; names carry accents and quotes are
//! typographic (`“…”`, `’`, `–`), so folding and the fold map are exercised
//! the way real news exercises them. Some articles are hard-wrapped at 72
//! columns, as pasted text often is.
//!
//! Not part of lede: benchmarks, examples and the library's tests include
//! this file (`#[path]`), each with lede's `document::Format` in scope as
//! `Format` where it includes it. No randomness crate: a SplitMix64
//! generator is all a reproducible text needs.

use super::Format;

pub(crate) const FIRST: &[&str] = &[
    "Amara", "Tomás", "Zoë", "Jürgen", "Mei", "Kwame", "Ingrid", "Rafael", "Leïla", "Dmitri",
    "Aoife", "Søren", "Priya", "Mateus", "Hanna", "Olu", "Élodie", "Kenji", "Nadia", "Bogdan",
    "Lucía", "Tariq", "Maren", "Ilse",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Dąbrowski",
    "Nguyễn",
    "Yılmaz",
    "Fernández",
    "Kowalczyk",
    "Haddad",
    "Moreau",
    "Takahashi",
    "Øvergaard",
    "Mensah",
    "Petrović",
    "O’Connell",
    "Schäfer",
    "Iyer",
    "Castillo",
    "Şahin",
    "Varga",
    "Novák",
    "Adeyemi",
    "Brennan",
    "Kaur",
    "Żuraw",
];
const PLACES: &[&str] = &[
    "Valparaíso",
    "Kraków",
    "Zürich",
    "São Paulo",
    "Montréal",
    "Lagos",
    "Osaka",
    "Tromsø",
    "Thessaloniki",
    "Mombasa",
    "Cartagena",
    "Gdańsk",
    "Hobart",
    "Tbilisi",
    "Marrakesh",
    "Reykjavík",
    "Chiang Mai",
    "Porto",
    "Kigali",
    "Antofagasta",
    "Bergen",
    "Ljubljana",
    "Córdoba",
    "Da Nang",
];
const ORGS: &[&str] = &[
    "the Ministry of Finance",
    "the central bank",
    "the port authority",
    "the regional council",
    "the electoral commission",
    "the national rail operator",
    "the health ministry",
    "the fishermen’s union",
    "the Supreme Court",
    "the city’s water utility",
    "the Red Cross",
    "the state prosecutor",
];
const TOPICS: &[&str] = &[
    "budget",
    "strike",
    "flood defences",
    "election",
    "harbour expansion",
    "drought",
    "rail line",
    "wage talks",
    "vaccine drive",
    "fishing quotas",
    "housing plan",
    "court ruling",
];
const VERBS: &[&str] = &[
    "rejected",
    "approved",
    "delayed",
    "questioned",
    "welcomed",
    "criticised",
    "defended",
    "announced",
    "suspended",
    "extended",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const HEADINGS: &[&str] = &[
    "What happens next",
    "Reaction in {place}",
    "A long dispute",
    "The numbers behind the {topic}",
    "Opposition from {org}",
    "How {place} compares",
    "Voices from the street",
    "The road to {month}",
];
const SENTENCES: &[&str] = &[
    "{org} {verb} the {topic} on {day}, a decision that affects about {count} people in {place}.",
    "“We will not accept a {topic} deal written without us,” said {person}, who leads {org} in {place}.",
    "According to {person}, the cost has risen by {pct} since {month} {year}.",
    "In {place}, {count} residents signed a petition against the {topic} – the largest since {year}.",
    "{person} told reporters that {org} had {verb} the plan twice before.",
    "The {topic} will cost ${money} over {small} years, {org} said in a statement.",
    "Officials in {place} and {place} have {verb} talks that began on {month} {date}.",
    "“It’s not over,” {person} said. “We’ll be back in {month}.”",
    "Turnout reached {pct}, up from {pct2} in {year}, the figures from {org} show.",
    "{person} and {person} met in {place} on {day} to discuss the {topic}.",
    "At least {small} people were injured and {count} were moved out of their homes near {place}.",
    "The vote passed {small} to {small2}; {person} called it “a first step — nothing more.”",
];

/// SplitMix64: small, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // The modulo bias over 64 bits is far below what a benchmark can see.
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Fills `{slot}`s of a template with fresh words.
fn fill(template: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let slot = &rest[open + 1..open + close];
        match slot {
            "person" => {
                out.push_str(rng.pick(FIRST));
                out.push(' ');
                out.push_str(rng.pick(LAST));
            }
            "place" => out.push_str(rng.pick(PLACES)),
            "org" => out.push_str(rng.pick(ORGS)),
            "topic" => out.push_str(rng.pick(TOPICS)),
            "verb" => out.push_str(rng.pick(VERBS)),
            "month" => out.push_str(rng.pick(MONTHS)),
            "day" => out.push_str(rng.pick(&[
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ])),
            "date" => out.push_str(&rng.range(1, 28).to_string()),
            "year" => out.push_str(&rng.range(1990, 2025).to_string()),
            "count" => out.push_str(&thousands(rng.range(120, 250_000))),
            "small" | "small2" => out.push_str(&rng.range(2, 60).to_string()),
            "money" => out.push_str(&format!("{}.{} billion", rng.range(1, 40), rng.range(0, 9))),
            "pct" | "pct2" => {
                out.push_str(&format!("{}.{} percent", rng.range(1, 80), rng.range(0, 9)))
            }
            _ => out.push_str(slot),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    if let Some(first) = out.chars().next().filter(|c| c.is_lowercase()) {
        out.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    out
}

/// Breaks a paragraph into lines of at most `width` bytes at spaces.
fn hard_wrap(paragraph: &str, width: usize) -> String {
    let mut out = String::with_capacity(paragraph.len() + paragraph.len() / width);
    let mut line = 0;
    for word in paragraph.split(' ') {
        if line > 0 && line + 1 + word.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out
}

fn paragraph(rng: &mut Rng) -> String {
    let sentences = rng.range(2, 5);
    (0..sentences)
        .map(|_| {
            let template = rng.pick(SENTENCES);
            fill(template, rng)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One article's blocks: title, dateline lead, sections under subheadings.
fn article(rng: &mut Rng, format: Format) -> Vec<String> {
    let wrap = rng.below(3) == 0;
    let title = fill(
        rng.pick(&[
            "{place} {verb} {topic} after weeks of talks",
            "{org} faces questions over {topic} in {place}",
            "{person} to lead {topic} review as {place} waits",
            "Thousands march in {place} over {topic}",
        ]),
        rng,
    );
    let mut parts: Vec<String> = Vec::new();
    parts.push(match format {
        Format::Markdown => format!("# {title}"),
        Format::Plain | Format::Html => title,
    });
    let place = rng.pick(PLACES).to_string();
    let lead = format!(
        "{place}, {} {} (Wire) – {}",
        rng.pick(MONTHS),
        rng.range(1, 28),
        paragraph(rng)
    );
    parts.push(lead);
    for _ in 0..rng.range(2, 5) {
        let heading = fill(rng.pick(HEADINGS), rng);
        parts.push(match format {
            Format::Markdown => format!("## {heading}"),
            Format::Plain | Format::Html => heading,
        });
        for _ in 0..rng.range(2, 6) {
            parts.push(paragraph(rng));
        }
    }
    if wrap {
        for p in parts.iter_mut().skip(1) {
            if p.len() > 72 && !p.starts_with('#') {
                *p = hard_wrap(p, 72);
            }
        }
    }
    parts
}

/// News-like text of about `bytes` bytes (never more), the same for the
/// same arguments.
pub fn generate(bytes: usize, format: Format, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes);
    // Block by block, so even a small request starts with a title.
    'articles: loop {
        for block in article(&mut rng, format) {
            let sep = if out.is_empty() { 0 } else { 2 };
            if out.len() + sep + block.len() + 1 > bytes {
                break 'articles;
            }
            if sep > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&block);
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}
