//! Text from files made safe to print on a terminal: control characters (C0, DEL, C1), line
//! and paragraph separators and bidirectional controls are shown as escapes (`\n`,
//! `\u{1b}`), so that a file name or value can neither drive the terminal nor start a line
//! that reads as another file's diagnostic.

use std::borrow::Cow;

/// The escape `c` is shown as, or `None` when it prints as itself.
pub fn escape_char(c: char) -> Option<Cow<'static, str>> {
    Some(match c {
        '\n' => Cow::Borrowed("\\n"),
        '\r' => Cow::Borrowed("\\r"),
        '\t' => Cow::Borrowed("\\t"),
        c if needs_escape(c) => Cow::Owned(format!("\\u{{{:x}}}", c as u32)),
        _ => return None,
    })
}

/// Control characters, U+2028/U+2029 (line breaks to some terminals and editors) and the
/// bidirectional marks, embeddings, overrides and isolates that reorder what follows them.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every character [`escape_char`] names replaced by its escape; borrowed when
/// there is none (the usual case).
pub fn escape(s: &str) -> Cow<'_, str> {
    let Some(first) = s.find(|c: char| escape_char(c).is_some()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match escape_char(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Writes `s` escaped to a formatter, without building a string when nothing needs it.
pub fn write_escaped(f: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    f.write_str(&escape(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn controls_separators_and_bidi_marks_are_named() {
        assert_eq!(
            escape("a\nb\rc\td\u{1b}[2J\u{7f}\u{85}\u{9b}\u{2028}\u{2029}\u{202e}\u{2066}\u{200f}"),
            "a\\nb\\rc\\td\\u{1b}[2J\\u{7f}\\u{85}\\u{9b}\\u{2028}\\u{2029}\\u{202e}\\u{2066}\\u{200f}"
        );
        assert!(matches!(
            escape("Zelenskyy, Кличко, 習近平 é"),
            Cow::Borrowed(_)
        ));
        let mut s = String::new();
        write!(s, "x").unwrap();
        write_escaped(&mut s, "\u{0}").unwrap();
        assert_eq!(s, "x\\u{0}");
    }
}
