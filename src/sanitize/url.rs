//! Link and image targets: the form lede shows and would hand to an opener.
//!
//! A target is made pure printable ASCII by percent-encoding every other byte
//! (controls, spaces, bidi and invisible characters, and non-ASCII letters,
//! so a Cyrillic look-alike host shows as `%D1%80...`, not as `p`). Existing
//! `%XX` escapes are left alone: the target is encoded once, never decoded.
//! Only http, https and mailto targets may be opened.

/// The target with every byte outside printable ASCII percent-encoded.
pub fn link_target(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    for c in target.chars() {
        if c.is_ascii_graphic() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// True when a target may be opened: an absolute http, https or mailto URL
/// with nothing to encode. A target starting with `-` has no scheme and is
/// refused, so it can never be taken for an opener's option.
pub fn link_scheme_allowed(target: &str) -> bool {
    let Some((scheme, rest)) = target.split_once(':') else {
        return false;
    };
    let valid_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid_scheme
        && !rest.is_empty()
        && target.chars().all(|c| c.is_ascii_graphic())
        && matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_become_printable_ascii() {
        let cases = [
            ("https://example.com/a?b=c", "https://example.com/a?b=c"),
            ("https://a\u{7}b", "https://a%07b"),
            ("https://a\x1b]52;c;?\x07", "https://a%1B]52;c;?%07"),
            ("https://a b", "https://a%20b"),
            ("https://\u{202E}moc.live", "https://%E2%80%AEmoc.live"),
            ("https://раypal.com", "https://%D1%80%D0%B0ypal.com"),
            ("https://a/%41", "https://a/%41"),
        ];
        for (input, want) in cases {
            assert_eq!(link_target(input), want, "{input:?}");
            assert!(crate::sanitize::is_safe(&link_target(input)));
        }
    }

    #[test]
    fn only_web_and_mail_schemes_open() {
        let cases = [
            ("https://example.com", true),
            ("HTTP://example.com", true),
            ("mailto:desk@example.com", true),
            ("javascript:alert(1)", false),
            ("file:///etc/passwd", false),
            ("data:text/html;base64,PHNjcmlwdD4=", false),
            ("ssh://host", false),
            ("-oProxyCommand=evil", false),
            ("--help", false),
            ("relative/path", false),
            ("https:", false),
            ("https://a\u{7}b", false),
            ("https://a b", false),
        ];
        for (target, want) in cases {
            assert_eq!(link_scheme_allowed(target), want, "{target:?}");
        }
    }
}
