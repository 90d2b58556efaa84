//! Look-alike names: two profiles of one kind whose names or aliases match (case,
//! diacritics, script and invisible characters ignored) but are written with different
//! letters, such as a Cyrillic `а` for a Latin `a` or a hidden zero-width space.

use crate::diagnostic::{Code, Diagnostics, Span};
use crate::model::Profile;
use crate::names::NameTable;
use crate::slug::is_invisible;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A spelling as a reader compares it: lower-cased, diacritics and repeated spaces dropped,
/// but script and invisible characters kept, so `Аlice` (Cyrillic) is not `alice`.
fn written_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase),
        );
    }
    out
}

/// The first character of `s` that a reader could take for another: invisible, or a letter
/// outside ASCII whose transliteration is ASCII.
fn odd_char(s: &str) -> Option<char> {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .find(|&c| is_invisible(c) || !c.is_ascii())
}

/// One name or alias of a profile.
struct Spelling<'a> {
    profile: usize,
    text: &'a str,
    span: Span,
    what: &'static str,
    /// `written_key(text)`, made once.
    written: String,
}

/// Warns about every name or alias that matches another profile's name, alias or id only
/// once look-alike letters and invisible characters are set aside. Such a name is
/// ambiguous wherever it is used, and readers cannot tell the two apart.
pub fn check(profiles: &[Profile], diags: &mut Diagnostics) {
    // Grouped by the key references are matched by: what it cannot tell apart.
    let mut table: NameTable<usize> = NameTable::new();
    let mut spellings: Vec<Spelling<'_>> = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        let written = std::iter::once((p.name.as_str(), p.name_span, "name"))
            .chain(
                p.aliases
                    .iter()
                    .zip(&p.alias_spans)
                    .map(|(a, s)| (a.as_str(), *s, "alias")),
            )
            .chain(std::iter::once((p.id.as_str(), Span::FILE, "id")));
        for (text, span, what) in written {
            table.add_key(p.kind, text, spellings.len());
            spellings.push(Spelling {
                profile: i,
                text,
                span,
                what,
                written: written_key(text),
            });
        }
    }
    let mut reported: std::collections::HashSet<(usize, usize, &str)> = Default::default();
    for group in table.groups() {
        let first = spellings[group[0]].profile;
        if group.iter().all(|&s| spellings[s].profile == first) {
            continue;
        }
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                let (a, b) = (&spellings[a], &spellings[b]);
                if a.profile == b.profile || a.written == b.written {
                    continue;
                }
                // The odd one is the spelling with the unexpected character; with two,
                // the one in the later file.
                let (odd, plain) = match (odd_char(a.text), odd_char(b.text)) {
                    (Some(_), None) => (a, b),
                    (None, Some(_)) => (b, a),
                    _ if a.profile > b.profile => (a, b),
                    _ => (b, a),
                };
                if !reported.insert((odd.profile, plain.profile, odd.written.as_str())) {
                    continue;
                }
                let (p, q) = (&profiles[odd.profile], &profiles[plain.profile]);
                let shown = odd_char(odd.text).map_or(String::new(), |c| {
                    format!(
                        " (it holds U+{:04X}, which `{}` does not)",
                        c as u32, plain.text
                    )
                });
                let d = diags.warning(
                    Code::ConfusableName,
                    &p.path,
                    odd.span,
                    format!(
                        "{} `{}` looks like the {} `{}` of {} but is written with other characters{}: readers cannot tell the two {}s apart",
                        odd.what,
                        odd.text,
                        plain.what,
                        plain.text,
                        q.path,
                        shown,
                        p.kind.word()
                    ),
                );
                d.with_help(format!(
                    "write it with the same letters as `{}`, or drop it; a reference to either spelling is ambiguous",
                    plain.text
                ));
            }
        }
    }
}
