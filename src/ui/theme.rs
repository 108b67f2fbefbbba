//! The reader's styles, in one place. Meanings (a heading, an actor) come in;
//! ratatui styles go out.
//!
//! Every entity kind has a colour and a modifier, so highlights still read
//! in monochrome, under `NO_COLOR` and for colour-blind readers. Chrome (the
//! status line) is reverse video, which article text never gets, so content
//! cannot pass itself off as the reader's own interface.

use ratatui::style::{Color, Modifier, Style};

use crate::document::{BlockKind, InlineKind};
use crate::extract::EntityKind;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
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
            BlockKind::Heading { .. } => s.fg(Color::Blue).add_modifier(Modifier::BOLD),
            BlockKind::Dateline => s.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            BlockKind::Code => s.fg(Color::Gray),
            BlockKind::Rule => s.fg(Color::DarkGray),
            BlockKind::Boilerplate => s.add_modifier(Modifier::DIM),
            BlockKind::Paragraph | BlockKind::ListItem { .. } => s,
        })
    }

    pub fn inline(&self, kind: &InlineKind) -> Style {
        let s = Style::new();
        self.c(match kind {
            InlineKind::Emphasis => s.add_modifier(Modifier::ITALIC),
            InlineKind::Strong => s.add_modifier(Modifier::BOLD),
            InlineKind::Strikethrough => s.add_modifier(Modifier::CROSSED_OUT),
            InlineKind::Code => s.fg(Color::Gray),
            InlineKind::Link { .. } | InlineKind::Image { .. } => {
                s.fg(Color::Blue).add_modifier(Modifier::UNDERLINED)
            }
            InlineKind::Dateline => s.fg(Color::Gray).add_modifier(Modifier::BOLD),
            InlineKind::HardBreak => s,
        })
    }

    /// Calm foreground colours plus a modifier each: bold actors, italic
    /// places, underlined numbers.
    pub fn entity(&self, kind: EntityKind) -> Style {
        let s = Style::new();
        self.c(match kind {
            EntityKind::Actor => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            EntityKind::Place => s.fg(Color::Green).add_modifier(Modifier::ITALIC),
            EntityKind::Number => s.fg(Color::Yellow).add_modifier(Modifier::UNDERLINED),
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
        self.c(Style::new().fg(Color::Red).add_modifier(Modifier::DIM))
    }

    /// Quote bars and list bullets.
    pub fn prefix(&self) -> Style {
        self.c(Style::new().fg(Color::DarkGray))
    }

    /// The scrollbar's thumb, brighter than its track.
    pub fn thumb(&self) -> Style {
        self.c(Style::new().fg(Color::Gray))
    }

    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn status_key(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.c(Style::new().fg(Color::Blue))
        } else {
            self.c(Style::new().fg(Color::DarkGray))
        }
    }

    pub fn muted(&self) -> Style {
        self.c(Style::new().fg(Color::DarkGray))
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
        self.c(Style::new().fg(Color::Yellow))
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
