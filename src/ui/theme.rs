//! The reader's styles, in one place. Meanings (a heading, an actor) come in;
//! ratatui styles go out.
//!
//! Every entity kind has a colour and a modifier, so highlights still read
//! in monochrome, under `NO_COLOR` and for colour-blind readers. Chrome (the
//! status line) is reverse video, which article text never gets, so content
//! cannot pass itself off as the reader's own interface.
//!
//! Built in: dark (the default), light and monochrome, each in 16 colours or
//! (when `COLORTERM`/`TERM` say the terminal has them) 256. `auto` picks
//! light or dark from `COLORFGBG` when the terminal sets it; lede never sends
//! a query (OSC 11) to the terminal, whose reply could land in the input, so
//! without `COLORFGBG` it says dark. The same styles draw the screen and the
//! ANSI output of print mode.

use ratatui::style::{Color, Modifier, Style};

use crate::document::{BlockKind, InlineKind};
use crate::extract::EntityKind;

/// A theme as the command line and the config name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Light or dark from `COLORFGBG`, else dark.
    Auto,
    Dark,
    Light,
    /// No colours; bold, italic, underline and dim carry the meaning.
    Mono,
}

/// Background the colours are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Dark,
    Light,
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// The 16 named ANSI colours, which follow the terminal's own palette.
    Ansi16,
    /// The 256-colour palette (also used on true-colour terminals).
    Ansi256,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    background: Background,
    depth: Depth,
}

impl Theme {
    /// The dark theme in 16 colours (or none).
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            background: Background::Dark,
            depth: Depth::Ansi16,
        }
    }

    /// The theme for a name, the environment deciding what `auto` and the
    /// colour depth mean. `color` is false under `NO_COLOR` and `TERM=dumb`.
    pub fn choose(name: Option<ThemeName>, color: bool) -> Theme {
        let env = |k: &str| std::env::var(k).ok();
        Theme::from_env(name, color, env("COLORFGBG"), env("COLORTERM"), env("TERM"))
    }

    /// `choose` with the environment passed in (testable).
    pub fn from_env(
        name: Option<ThemeName>,
        color: bool,
        colorfgbg: Option<String>,
        colorterm: Option<String>,
        term: Option<String>,
    ) -> Theme {
        let background = match name.unwrap_or(ThemeName::Auto) {
            ThemeName::Light => Background::Light,
            ThemeName::Dark | ThemeName::Mono => Background::Dark,
            ThemeName::Auto => background_from_colorfgbg(colorfgbg.as_deref()),
        };
        let deep = colorterm.is_some_and(|c| c == "truecolor" || c == "24bit")
            || term.as_deref().is_some_and(|t| t.contains("256color"));
        let dumb = term.as_deref() == Some("dumb");
        Theme {
            color: color && !dumb && name != Some(ThemeName::Mono),
            background,
            depth: if deep { Depth::Ansi256 } else { Depth::Ansi16 },
        }
    }

    /// The same theme with colours on or off.
    #[cfg(test)]
    pub fn with_color(self, color: bool) -> Theme {
        Theme { color, ..self }
    }

    pub fn has_color(&self) -> bool {
        self.color
    }

    pub fn background(&self) -> Background {
        self.background
    }

    pub fn depth(&self) -> Depth {
        self.depth
    }

    /// A colour by role, for this background and depth.
    fn pick(&self, role: Role) -> Color {
        use Background::{Dark, Light};
        use Depth::{Ansi16, Ansi256};
        match (role, self.background, self.depth) {
            (Role::Heading, Dark, Ansi16) => Color::Blue,
            (Role::Heading, Dark, Ansi256) => Color::Indexed(75),
            (Role::Heading, Light, Ansi16) => Color::Blue,
            (Role::Heading, Light, Ansi256) => Color::Indexed(25),
            (Role::Soft, Dark, Ansi16) => Color::Gray,
            (Role::Soft, Dark, Ansi256) => Color::Indexed(250),
            (Role::Soft, Light, Ansi16) => Color::DarkGray,
            (Role::Soft, Light, Ansi256) => Color::Indexed(240),
            (Role::Faint, Dark, Ansi16) => Color::DarkGray,
            (Role::Faint, Dark, Ansi256) => Color::Indexed(242),
            (Role::Faint, Light, Ansi16) => Color::Gray,
            (Role::Faint, Light, Ansi256) => Color::Indexed(248),
            (Role::Actor, Dark, Ansi16) => Color::Cyan,
            (Role::Actor, Dark, Ansi256) => Color::Indexed(80),
            (Role::Actor, Light, Ansi16) => Color::Blue,
            (Role::Actor, Light, Ansi256) => Color::Indexed(24),
            (Role::Place, Dark, Ansi16) => Color::Green,
            (Role::Place, Dark, Ansi256) => Color::Indexed(114),
            (Role::Place, Light, Ansi16) => Color::Green,
            (Role::Place, Light, Ansi256) => Color::Indexed(28),
            (Role::Number, Dark, Ansi16) => Color::Yellow,
            (Role::Number, Dark, Ansi256) => Color::Indexed(179),
            (Role::Number, Light, Ansi16) => Color::Magenta,
            (Role::Number, Light, Ansi256) => Color::Indexed(130),
            (Role::Alert, _, Ansi16) => Color::Red,
            (Role::Alert, Dark, Ansi256) => Color::Indexed(203),
            (Role::Alert, Light, Ansi256) => Color::Indexed(160),
            (Role::Note, Dark, Ansi16) => Color::Yellow,
            (Role::Note, Dark, Ansi256) => Color::Indexed(179),
            (Role::Note, Light, Ansi16) => Color::Magenta,
            (Role::Note, Light, Ansi256) => Color::Indexed(130),
        }
    }

    /// Drops the colours of a style when colour is off.
    fn c(&self, style: Style) -> Style {
        if self.color {
            style
        } else {
            Style {
                fg: None,
                bg: None,
                ..style
            }
        }
    }

    pub fn block(&self, kind: BlockKind) -> Style {
        let s = Style::new();
        self.c(match kind {
            BlockKind::Title => s.add_modifier(Modifier::BOLD),
            BlockKind::Heading { .. } => {
                s.fg(self.pick(Role::Heading)).add_modifier(Modifier::BOLD)
            }
            BlockKind::Dateline => s.fg(self.pick(Role::Soft)).add_modifier(Modifier::ITALIC),
            BlockKind::Code => s.fg(self.pick(Role::Soft)),
            BlockKind::Rule => s.fg(self.pick(Role::Faint)),
            BlockKind::Boilerplate => s.add_modifier(Modifier::DIM),
            BlockKind::Byline => s.fg(self.pick(Role::Soft)),
            BlockKind::Caption => s.add_modifier(Modifier::DIM | Modifier::ITALIC),
            BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Table => s,
        })
    }

    pub fn inline(&self, kind: &InlineKind) -> Style {
        let s = Style::new();
        self.c(match kind {
            InlineKind::Emphasis => s.add_modifier(Modifier::ITALIC),
            InlineKind::Strong => s.add_modifier(Modifier::BOLD),
            InlineKind::Strikethrough => s.add_modifier(Modifier::CROSSED_OUT),
            InlineKind::Code => s.fg(self.pick(Role::Soft)),
            InlineKind::Link { .. } | InlineKind::Image { .. } => s
                .fg(self.pick(Role::Heading))
                .add_modifier(Modifier::UNDERLINED),
            InlineKind::Dateline => s.fg(self.pick(Role::Soft)).add_modifier(Modifier::BOLD),
            InlineKind::HardBreak => s,
            InlineKind::TableCell { header, .. } if *header => s.add_modifier(Modifier::BOLD),
            InlineKind::TableCell { .. } => s,
        })
    }

    /// Calm foreground colours plus a modifier each: bold actors, italic
    /// places, underlined numbers.
    pub fn entity(&self, kind: EntityKind) -> Style {
        let s = Style::new();
        self.c(match kind {
            EntityKind::Actor => s.fg(self.pick(Role::Actor)).add_modifier(Modifier::BOLD),
            EntityKind::Place => s.fg(self.pick(Role::Place)).add_modifier(Modifier::ITALIC),
            EntityKind::Number => s
                .fg(self.pick(Role::Number))
                .add_modifier(Modifier::UNDERLINED),
        })
    }

    /// A search hit: a background, over any entity style; reverse video
    /// without colour.
    pub fn search_hit(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The current search hit, set apart from the others by colour and by
    /// bold underline (which also carries it without colour).
    pub fn search_current(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color {
            s.fg(Color::Black).bg(Color::LightMagenta)
        } else {
            s.add_modifier(Modifier::REVERSED)
        }
    }

    /// Markers standing for control and invisible characters.
    pub fn marker(&self) -> Style {
        self.c(Style::new()
            .fg(self.pick(Role::Alert))
            .add_modifier(Modifier::DIM))
    }

    /// Quote bars and list bullets.
    pub fn prefix(&self) -> Style {
        self.c(Style::new().fg(self.pick(Role::Faint)))
    }

    /// The scrollbar's thumb, brighter than its track.
    pub fn thumb(&self) -> Style {
        self.c(Style::new().fg(self.pick(Role::Soft)))
    }

    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn status_key(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.c(Style::new().fg(self.pick(Role::Heading)))
        } else {
            self.c(Style::new().fg(self.pick(Role::Faint)))
        }
    }

    pub fn muted(&self) -> Style {
        self.c(Style::new().fg(self.pick(Role::Faint)))
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn current(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn note(&self) -> Style {
        self.c(Style::new().fg(self.pick(Role::Note)))
    }
}

// Entity views.
impl Theme {
    /// A mention of the selected entity: its kind's style in reverse video,
    /// stronger than any plain highlight (and still visible in monochrome).
    pub fn chosen(&self, kind: EntityKind) -> Style {
        self.entity(kind)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
            .remove_modifier(Modifier::ITALIC)
    }

    /// The selected entity's mention the reader is on.
    pub fn chosen_current(&self, kind: EntityKind) -> Style {
        self.chosen(kind).add_modifier(Modifier::UNDERLINED)
    }

    /// Paragraphs out of focus: dimmed and grey, entity colours dropped.
    pub fn unfocused(&self) -> Style {
        self.c(Style::new().fg(Color::DarkGray))
            .add_modifier(Modifier::DIM)
    }
}

/// The plural name of a kind, for legends.
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Actor => "actors",
        EntityKind::Place => "places",
        EntityKind::Number => "numbers",
    }
}

/// What a colour is for; each theme maps roles to colours.
#[derive(Debug, Clone, Copy)]
enum Role {
    Heading,
    /// Secondary text: dateline, code.
    Soft,
    /// Chrome that should recede: rules, borders, the scrollbar track.
    Faint,
    Actor,
    Place,
    Number,
    Alert,
    Note,
}

/// `COLORFGBG` is `fg;bg` (sometimes `fg;default;bg`) in ANSI colour
/// numbers; 7 and 9-15 are light backgrounds. Anything else means dark.
pub fn background_from_colorfgbg(value: Option<&str>) -> Background {
    let bg = value
        .and_then(|v| v.rsplit(';').next())
        .and_then(|b| b.trim().parse::<u8>().ok());
    match bg {
        Some(7 | 9..=15) => Background::Light,
        _ => Background::Dark,
    }
}

/// True unless `NO_COLOR` is set to something.
pub fn color_enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_tells_light_from_dark() {
        let cases = [
            (Some("15;0"), Background::Dark),
            (Some("0;15"), Background::Light),
            (Some("0;default;7"), Background::Light),
            (Some("12;8"), Background::Dark),
            (Some("garbage"), Background::Dark),
            (None, Background::Dark),
        ];
        for (value, want) in cases {
            assert_eq!(background_from_colorfgbg(value), want, "{value:?}");
        }
    }

    #[test]
    fn the_environment_picks_depth_and_colour() {
        let s = |v: &str| Some(v.to_string());
        let t = Theme::from_env(None, true, None, None, s("xterm-256color"));
        assert_eq!(
            (t.depth(), t.background()),
            (Depth::Ansi256, Background::Dark)
        );
        let t = Theme::from_env(None, true, s("0;15"), s("truecolor"), s("xterm"));
        assert_eq!(
            (t.depth(), t.background()),
            (Depth::Ansi256, Background::Light)
        );
        let t = Theme::from_env(None, true, None, None, s("xterm"));
        assert_eq!(t.depth(), Depth::Ansi16);
        assert!(!Theme::from_env(None, true, None, None, s("dumb")).has_color());
        assert!(!Theme::from_env(Some(ThemeName::Mono), true, None, None, None).has_color());
        assert!(!Theme::from_env(Some(ThemeName::Dark), false, None, None, None).has_color());
        let light = Theme::from_env(Some(ThemeName::Light), true, s("15;0"), None, None);
        assert_eq!(light.background(), Background::Light);
    }

    #[test]
    fn without_colour_every_kind_still_differs() {
        for theme in [
            Theme::new(false),
            Theme::from_env(Some(ThemeName::Mono), true, None, None, None),
        ] {
            let styles: Vec<Style> = EntityKind::ALL.iter().map(|&k| theme.entity(k)).collect();
            for (i, a) in styles.iter().enumerate() {
                assert_eq!((a.fg, a.bg), (None, None));
                assert!(!a.add_modifier.is_empty());
                for b in &styles[i + 1..] {
                    assert_ne!(a.add_modifier, b.add_modifier);
                }
            }
        }
    }

    #[test]
    fn every_theme_gives_the_kinds_distinct_colours() {
        for bg in [Background::Dark, Background::Light] {
            for depth in [Depth::Ansi16, Depth::Ansi256] {
                let theme = Theme {
                    color: true,
                    background: bg,
                    depth,
                };
                let fgs: Vec<_> = EntityKind::ALL
                    .iter()
                    .map(|&k| theme.entity(k).fg)
                    .collect();
                assert!(fgs[0] != fgs[1] && fgs[1] != fgs[2] && fgs[0] != fgs[2]);
            }
        }
    }
}
