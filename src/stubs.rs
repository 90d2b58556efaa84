//! The stubs a site accepts: names listed under site.yaml `stubs:` that match no profile
//! on purpose, so they neither warn on every build nor count as typos of a near name.

use crate::diagnostic::{Code, Diagnostics};
use crate::front_matter::{Node, Yaml};
use crate::model::Kind;
use crate::slug::match_key;
use std::collections::BTreeSet;

/// `name` as an item of a YAML flow list (`[a, b]`), double-quoted when YAML would read
/// it otherwise (a comma, a colon, a bracket, a leading quote…), for help lines to copy.
pub fn flow_item(name: &str) -> String {
    let plain = !name.is_empty()
        && name.trim() == name
        && !name.starts_with(['-', '?', '\'', '"', '!', '&', '*', '|', '>', '%', '@', '`'])
        && !name.contains([',', '[', ']', '{', '}', '#', ':', '\\'])
        && !matches!(
            name.to_ascii_lowercase().as_str(),
            "null" | "true" | "false" | "yes" | "no" | "~"
        );
    if plain {
        return name.to_string();
    }
    let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// Names accepted as stubs, by kind, compared as references match (case, diacritics and
/// spacing ignored).
#[derive(Debug, Clone, Default, Hash, PartialEq, Eq)]
pub struct AcceptedStubs {
    keys: BTreeSet<(Kind, String)>,
}

impl AcceptedStubs {
    /// Whether `name` of `kind` is listed.
    pub fn accepts(&self, kind: Kind, name: &str) -> bool {
        self.keys.contains(&(kind, match_key(name)))
    }

    /// Reads `stubs: {actors: [..], places: [..], topics: [..]}` of the file at `path`;
    /// `None` once a wrong shape is reported (an error: the run fails).
    pub fn parse(node: &Node, path: &str, diags: &mut Diagnostics) -> Option<AcceptedStubs> {
        let dirs = Kind::ALL.map(Kind::dir);
        let shape = format!(
            "`stubs` lists names by kind: stubs: {{{}}}",
            dirs.map(|d| format!("{d}: [..]")).join(", ")
        );
        let entries = match &node.value {
            Yaml::Map(entries) => entries,
            Yaml::Null => return Some(AcceptedStubs::default()),
            other => {
                diags.error(
                    Code::WrongType,
                    path,
                    node.span,
                    format!("{shape}, not {}", other.describe()),
                );
                return None;
            }
        };
        let mut stubs = AcceptedStubs::default();
        let mut ok = true;
        for (key, key_span, list) in entries {
            let Some(kind) = Kind::from_dir(key) else {
                let d = diags.error(
                    Code::UnknownKey,
                    path,
                    *key_span,
                    format!(
                        "unknown kind `{key}` under `stubs` (known: {})",
                        dirs.join(", ")
                    ),
                );
                if let Some(h) = crate::suggest::did_you_mean(key, dirs) {
                    d.with_help(h);
                }
                ok = false;
                continue;
            };
            let items: &[Node] = match &list.value {
                Yaml::Seq(items) => items,
                Yaml::Null => &[],
                other => {
                    diags.error(
                        Code::WrongType,
                        path,
                        list.span,
                        format!(
                            "`stubs: {key}` must be a list of names, not {}",
                            other.describe()
                        ),
                    );
                    ok = false;
                    continue;
                }
            };
            for item in items {
                match &item.value {
                    Yaml::String(s) | Yaml::Number(s) if !match_key(s).is_empty() => {
                        stubs.keys.insert((kind, match_key(s)));
                    }
                    other => {
                        diags.error(
                            Code::WrongType,
                            path,
                            item.span,
                            format!(
                                "`stubs: {key}` lists names: this is {}",
                                match other {
                                    Yaml::String(_) | Yaml::Number(_) =>
                                        "text without letters or digits",
                                    other => other.describe(),
                                }
                            ),
                        );
                        ok = false;
                    }
                }
            }
        }
        ok.then_some(stubs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> (Option<AcceptedStubs>, Vec<String>) {
        let node = crate::front_matter::parse_document(yaml).expect("valid YAML");
        let Yaml::Map(entries) = node.value else {
            panic!("a mapping")
        };
        let mut diags = Diagnostics::new();
        let stubs = AcceptedStubs::parse(&entries[0].2, "site.yaml", &mut diags);
        let found = diags
            .iter()
            .map(|d| format!("{}: {}", d.span.line, d.message))
            .collect();
        (stubs, found)
    }

    #[test]
    fn listed_names_are_accepted_by_kind_as_references_match() {
        let (stubs, diags) = parse("stubs:\n  actors: [Andriy Yermak, 1984]\n  places:\n");
        assert!(diags.is_empty(), "{diags:?}");
        let stubs = stubs.expect("valid");
        assert!(stubs.accepts(Kind::Actor, "andriy  YERMAK"));
        assert!(stubs.accepts(Kind::Actor, "1984"));
        assert!(!stubs.accepts(Kind::Place, "Andriy Yermak"));
    }

    #[test]
    fn a_wrong_shape_is_an_error_at_its_line() {
        let (stubs, diags) = parse("stubs:\n  actor: [Andriy Yermak]\n  places: Kyiv\n");
        assert!(stubs.is_none());
        assert_eq!(
            diags,
            [
                "2: unknown kind `actor` under `stubs` (known: actors, places, topics, authors)",
                "3: `stubs: places` must be a list of names, not a string",
            ]
        );
        let (stubs, diags) = parse("stubs: [Andriy Yermak]\n");
        assert!(stubs.is_none());
        assert_eq!(
            diags,
            [
                "1: `stubs` lists names by kind: stubs: {actors: [..], places: [..], topics: [..], authors: [..]}, not a list"
            ]
        );
    }

    #[test]
    fn help_lines_quote_names_yaml_would_misread() {
        assert_eq!(flow_item("Andriy Yermak"), "Andriy Yermak");
        assert_eq!(flow_item("Smith, J."), "\"Smith, J.\"");
        assert_eq!(flow_item("Dr: \"X\""), "\"Dr: \\\"X\\\"\"");
        assert_eq!(flow_item("No"), "\"No\"");
    }
}
