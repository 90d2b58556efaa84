//! Text a YAML comment cut short: in `title: Habeck's #1 worry` everything from ` #` on is
//! a comment, and the page would say "Habeck's". Each text field written unquoted with a
//! comment after it on its line gets a warning (D040) with the quoted fix.

use crate::diagnostic::{Code, Diagnostics, Edit};
use crate::front_matter::{Node, Yaml};

/// Which fields of a mapping hold text a reader sees.
#[derive(Debug, Clone, Copy)]
pub enum Fields {
    Briefing,
    Profile,
    Site,
}

/// Keys whose value is one piece of text.
fn text_keys(of: Fields) -> &'static [&'static str] {
    match of {
        Fields::Briefing => &["title", "summary"],
        Fields::Profile => &["name", "title", "role", "question", "affiliation", "within"],
        Fields::Site => &["title", "description"],
    }
}

/// Keys whose value is a list of names (or one name).
fn name_lists(of: Fields) -> &'static [&'static str] {
    match of {
        Fields::Briefing => &["actors", "places", "topics"],
        Fields::Profile => &["aliases"],
        Fields::Site => &[],
    }
}

const STANCE_TEXT: &[&str] = &["actor", "on", "by", "quote"];
const SOURCE_TEXT: &[&str] = &["title", "publisher"];

/// Warns for every text field of `entries` (a file's top mapping) that a comment cut short.
pub fn warn(
    entries: &[(String, crate::diagnostic::Span, Node)],
    of: Fields,
    path: &str,
    diags: &mut Diagnostics,
) {
    for (key, _, node) in entries {
        let key = key.as_str();
        if text_keys(of).contains(&key) {
            check(node, Label::Key(key), path, diags);
        } else if name_lists(of).contains(&key) {
            match &node.value {
                Yaml::Seq(items) => items
                    .iter()
                    .for_each(|i| check(i, Label::Entry("name"), path, diags)),
                _ => check(node, Label::Key(key), path, diags),
            }
        } else if let (Fields::Briefing, "stances" | "sources", Yaml::Seq(items)) =
            (of, key, &node.value)
        {
            let inner = if key == "stances" {
                STANCE_TEXT
            } else {
                SOURCE_TEXT
            };
            for item in items {
                match &item.value {
                    Yaml::Map(fields) => {
                        for (k, _, v) in fields {
                            if inner.contains(&k.as_str()) {
                                check(v, Label::Key(k), path, diags);
                            }
                        }
                    }
                    // A source written as one line of text is its title.
                    _ if key == "sources" => check(item, Label::Entry("source"), path, diags),
                    _ => {}
                }
            }
        }
    }
}

/// The longest comment text a message shows; the help always gives the whole fix.
const SHOWN: usize = 80;

/// What a checked value is called in the warning.
#[derive(Debug, Clone, Copy)]
enum Label<'a> {
    /// The value of this key.
    Key(&'a str),
    /// An entry of a list: what the entry is (`name`).
    Entry(&'static str),
}

/// Warns when `node` is a scalar with a comment after it.
fn check(node: &Node, key: Label<'_>, path: &str, diags: &mut Diagnostics) {
    let Some(cut) = &node.cut else {
        return;
    };
    let kept = match &node.value {
        Yaml::String(s) | Yaml::Number(s) => s.clone(),
        Yaml::Bool(b) => b.to_string(),
        _ => return,
    };
    let last = kept.rsplit(' ').next().unwrap_or(&kept);
    let mut shown: String = cut.dropped.chars().take(SHOWN).collect();
    if shown.len() < cut.dropped.len() {
        shown.push('…');
    }
    let whole = format!("{kept}{}", cut.dropped);
    let fixed = crate::front_matter::quoted(&whole);
    let (what, help) = match key {
        Label::Key(k) => (
            format!("the {k}"),
            format!("quote the whole value: {k}: {fixed}"),
        ),
        Label::Entry(entry) => (
            format!("the {entry}"),
            format!("quote the whole {entry}: {fixed}"),
        ),
    };
    diags
        .warning(
            Code::TextCutByComment,
            path,
            cut.hash,
            format!("{what} stops at \"{last}\": \"{shown}\" is a YAML comment"),
        )
        .with_help(help)
        .with_fix(
            "Quote the whole value",
            Edit::Replace {
                at: node.span,
                to_line_end: true,
                text: fixed,
            },
        );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse;

    fn warnings(yaml: &str, of: Fields) -> Vec<String> {
        let node = parse(yaml, 2).unwrap();
        let Yaml::Map(entries) = node.value else {
            panic!()
        };
        let mut diags = Diagnostics::new();
        warn(&entries, of, "a.md", &mut diags);
        diags
            .sorted()
            .into_iter()
            .map(|d| format!("{d} | {}", d.help.clone().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_comment_after_an_unquoted_title_is_shown_with_the_fix() {
        assert_eq!(
            warnings(
                "title: Berlin resists a hard cap, Habeck's #1 worry\n",
                Fields::Briefing
            ),
            [
                "a.md:2:44: warning: the title stops at \"Habeck's\": \" #1 worry\" is a YAML comment | quote the whole value: title: \"Berlin resists a hard cap, Habeck's #1 worry\""
            ]
        );
    }

    #[test]
    fn names_stances_sources_and_site_text_are_checked() {
        let w = warnings(
            "title: T\nactors:\n  - EU #27\nstances:\n  - actor: EU\n    on: Tax\n    quote: We say no #never\nsources:\n  - title: Report #4\n    url: https://x.org/#a\n  - A wire #5\n",
            Fields::Briefing,
        );
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(
            w[0].starts_with("a.md:4:8: warning: the name stops at \"EU\""),
            "{w:?}"
        );
        assert!(w[1].contains("quote: \"We say no #never\""), "{w:?}");
        assert!(w[2].contains("title: \"Report #4\""), "{w:?}");
        assert!(
            w[3].contains("quote the whole source: \"A wire #5\""),
            "{w:?}"
        );
        let site = warnings("title: Desk #2\nlanguage: en # English\n", Fields::Site);
        assert_eq!(site.len(), 1, "{site:?}");
        let profile = warnings(
            "name: A #1\naliases:\n  - B #2\nkind: person # x\n",
            Fields::Profile,
        );
        assert_eq!(profile.len(), 2, "{profile:?}");
    }

    #[test]
    fn quoted_values_other_fields_and_comment_lines_are_left_alone() {
        for yaml in [
            "title: \"Habeck's #1 worry\" # a note\n",
            "title: 'x' # note\n",
            "# a note\ntitle: x\n",
            "title: x#1\n",
            "title: x\ndate: 2026-11-20 # Friday\ndraft: true # for now\nconfidence: high # sure\n",
            "title: |\n  x # kept\n",
            "title: # nothing\n",
            "extra:\n  title: x # custom\n",
        ] {
            assert_eq!(
                warnings(yaml, Fields::Briefing),
                Vec::<String>::new(),
                "{yaml:?}"
            );
        }
    }
}
