//! The checker for bytes written to a terminal: what lede draws with
//! (text, SGR with allowed attributes, absolute cursor moves, clear, the
//! private modes it sets and resets) passes; every other escape sequence,
//! control byte, C1 character, bidi control, stray tag character, line
//! separator and invalid UTF-8 is named.

/// Private modes lede sets and resets: the alternate screen, the cursor,
/// mouse reporting (1000, 1002, 1003, 1015, 1006), bracketed paste.
const MODES: [&str; 8] = ["1049", "25", "1000", "1002", "1003", "1015", "1006", "2004"];

/// SGR codes lede may draw with. Conceal (8) and blink (5, 6) are not
/// among them: text hidden or blinking is never lede's.
fn sgr_allowed(params: &str) -> bool {
    let codes: Vec<&str> = params.split(';').collect();
    let mut i = 0;
    while i < codes.len() {
        let Ok(code) = (if codes[i].is_empty() {
            Ok(0)
        } else {
            codes[i].parse::<u32>()
        }) else {
            return false;
        };
        match code {
            38 | 48 | 58 => {
                let take = match codes.get(i + 1) {
                    Some(&"5") => 2,
                    Some(&"2") => 4,
                    _ => return false,
                };
                let ok = (i + 2..=i + take).all(|j| {
                    codes
                        .get(j)
                        .and_then(|c| c.parse::<u32>().ok())
                        .is_some_and(|v| v < 256)
                });
                if !ok {
                    return false;
                }
                i += take + 1;
                continue;
            }
            0..=4 | 7 | 9 | 21..=24 | 27 | 29 | 30..=37 | 39 | 40..=47 | 49 | 59 => {}
            90..=97 | 100..=107 => {}
            _ => return false,
        }
        i += 1;
    }
    true
}

/// Whether a CSI sequence (parameters, final byte) is one lede draws with.
fn csi_allowed(params: &str, fin: u8) -> bool {
    let numbers = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match fin {
        b'm' => !params.starts_with(['?', '>', '<', '=']) && sgr_allowed(params),
        // Absolute moves only, both coordinates given: a bare `ESC [H` or
        // a relative move is an article's, not lede's.
        b'H' => params
            .split_once(';')
            .is_some_and(|(r, c)| numbers(r) && numbers(c)),
        b'J' => params == "2",
        b'h' | b'l' => params.strip_prefix('?').is_some_and(|m| MODES.contains(&m)),
        _ => false,
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Everything in `bytes` that lede must never write. `bytes` is what the
/// pane received while lede ran; `\r\n` is allowed outside the alternate
/// screen (an error message), no other control byte anywhere.
pub fn problems(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut alt = false;
    let mut i = 0;
    let context = |at: usize| {
        String::from_utf8_lossy(&bytes[at.saturating_sub(12)..(at + 24).min(bytes.len())])
            .escape_debug()
            .to_string()
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0x1b {
            let Some(&kind) = bytes.get(i + 1) else {
                found.push(format!("a lone ESC at the end: {}", context(i)));
                break;
            };
            if kind != b'[' {
                let name = match kind {
                    b']' => "OSC",
                    b'P' => "DCS",
                    b'_' => "APC",
                    b'^' => "PM",
                    b'X' => "SOS",
                    _ => "ESC",
                };
                found.push(format!("{name} sequence: {}", context(i)));
                i += 2;
                continue;
            }
            let start = i + 2;
            let mut j = start;
            while j < bytes.len() && (0x20..0x40).contains(&bytes[j]) {
                j += 1;
            }
            let Some(&fin) = bytes.get(j) else {
                found.push(format!("an unterminated CSI: {}", context(i)));
                break;
            };
            let params = String::from_utf8_lossy(&bytes[start..j]);
            if !(0x40..0x7f).contains(&fin) || !csi_allowed(&params, fin) {
                found.push(format!("CSI not lede's own: {}", context(i)));
            }
            match (params.as_ref(), fin) {
                ("?1049", b'h') => alt = true,
                ("?1049", b'l') => alt = false,
                _ => {}
            }
            i = j + 1;
            continue;
        }
        if b < 0x20 || b == 0x7f {
            let line_end = !alt && (b == b'\n' || (b == b'\r' && bytes.get(i + 1) == Some(&b'\n')));
            if !line_end {
                found.push(format!("control byte {b:#04x}: {}", context(i)));
            }
            i += 1;
            continue;
        }
        if b < 0x80 {
            i += 1;
            continue;
        }
        let len = match b {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 0,
        };
        let Some(c) = bytes
            .get(i..i + len.max(1))
            .and_then(|s| std::str::from_utf8(s).ok())
            .and_then(|s| s.chars().next())
        else {
            found.push(format!("invalid UTF-8: {}", context(i)));
            i += 1;
            continue;
        };
        if c == '\u{1F3F4}' {
            // A subdivision flag keeps its tag letters; anything longer is
            // a hidden message.
            let rest = std::str::from_utf8(&bytes[i + len..]).unwrap_or_else(|e| {
                std::str::from_utf8(&bytes[i + len..i + len + e.valid_up_to()]).unwrap_or("")
            });
            let tags = rest
                .chars()
                .take_while(|c| ('\u{E0020}'..='\u{E007E}').contains(c))
                .count();
            let cancel = rest.chars().nth(tags) == Some('\u{E007F}');
            if (2..=6).contains(&tags) && cancel {
                i += len + (tags + 1) * 4;
                continue;
            }
        }
        if ('\u{80}'..='\u{9f}').contains(&c) {
            found.push(format!("C1 character {:#06x}: {}", c as u32, context(i)));
        } else if is_bidi_control(c) {
            found.push(format!("bidi control {:#06x}: {}", c as u32, context(i)));
        } else if ('\u{E0000}'..='\u{E007F}').contains(&c) {
            found.push(format!("tag character {:#07x}: {}", c as u32, context(i)));
        } else if matches!(c, '\u{2028}' | '\u{2029}') {
            found.push(format!("line separator {:#06x}: {}", c as u32, context(i)));
        }
        i += len;
    }
    found
}
