//! Splits a Markdown file into YAML front matter and body, guards the YAML against hostile
//! input, and parses it in the same pass over libyaml's events. The only module that knows
//! the YAML crates (unsafe-libyaml's events, serde_yaml's typing of numbers), so they can
//! be swapped.

mod events;
mod guard;
mod locate;
mod syntax;
mod tree;

use crate::diagnostic::{Code, Span};
use guard::guard;
pub(crate) use syntax::quoted;
use tree::err;
pub use tree::{ALIAS_BUDGET, Cut, FrontMatterError, MAX_DEPTH, MAX_FRONT_MATTER, Node, Yaml};

/// A file split at its front matter fences.
#[derive(Debug)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// The file line (1-based) of the first YAML line.
    pub yaml_line: u32,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// The file line (1-based) of the first body line.
    pub body_line: u32,
}

/// Splits `text` (BOM already removed, `\n` line ends) into front matter and body.
pub fn split(text: &str) -> Result<Split<'_>, FrontMatterError> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(err(
            Code::NoFrontMatter,
            1,
            1,
            "no front matter: a Dossier file starts with a `---` line, YAML, and a closing `---` line",
        ));
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    let mut line = 2u32;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let l = text[offset..end].trim_end();
        if l == "---" || l == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset = end + 1;
        line += 1;
    }
    Err(err(
        Code::NoFrontMatter,
        1,
        1,
        "front matter is never closed: add a `---` line after the YAML",
    ))
}

/// Parses front matter YAML into a mapping, after the size, tab, depth and alias guards.
/// `first_line` is the file line of the first YAML line, so positions are file positions.
pub fn parse(yaml: &str, first_line: u32) -> Result<Node, FrontMatterError> {
    parse_with_warnings(yaml, first_line).map(|(node, _)| node)
}

/// `parse`, with the warnings about what was dropped from the values: the first string
/// whose escapes wrote characters no page may hold (`"\0"`), which are removed (D003).
pub fn parse_with_warnings(
    yaml: &str,
    first_line: u32,
) -> Result<(Node, Vec<FrontMatterError>), FrontMatterError> {
    let (node, removed) = guard(yaml, first_line)?;
    let warnings = removed
        .map(|r| FrontMatterError {
            span: r.span,
            code: Code::ControlCharacter,
            message: crate::source::removed_message(r.first),
            help: None,
        })
        .into_iter()
        .collect();
    let node = match node.value {
        Yaml::Map(_) => node,
        Yaml::Null => Node::new(Yaml::Map(Vec::new()), Span::new(first_line, 1)),
        other => {
            return Err(err(
                Code::InvalidYaml,
                first_line,
                1,
                format!(
                    "front matter must be a mapping of keys to values, not {}",
                    other.describe()
                ),
            ));
        }
    };
    Ok((node, warnings))
}

/// Parses a whole YAML file (such as site.yaml) with the same guards.
pub fn parse_document(yaml: &str) -> Result<Node, FrontMatterError> {
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(err(
            Code::FrontMatterLimit,
            1,
            1,
            "file is larger than 64 KiB",
        ));
    }
    parse(yaml, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &Vec<(String, Span, Node)> {
        match &node.value {
            Yaml::Map(m) => m,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn split_finds_fences_and_lines() {
        let s = split("---\ntitle: x\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 4);
        assert!(split("title: x\n").is_err());
        assert!(split("---\ntitle: x\n").is_err());
    }

    #[test]
    fn values_carry_file_positions() {
        let yaml = "title: Hello\nactors: [Alpha, Beta]\nstances:\n  - actor: Gamma\n    on: topic-a\n    position: maybe\n";
        let node = parse(yaml, 2).unwrap();
        let m = map(&node);
        assert_eq!(m[0].1, Span::new(2, 1));
        assert_eq!(m[0].2.span, Span::new(2, 8));
        let Yaml::Seq(actors) = &m[1].2.value else {
            panic!()
        };
        assert_eq!(actors[1].span, Span::new(3, 17));
        let Yaml::Seq(stances) = &m[2].2.value else {
            panic!()
        };
        let st = map(&stances[0]);
        assert_eq!(st[2].2.span, Span::new(7, 15));
    }

    #[test]
    fn flow_mapping_values_have_their_own_columns() {
        let yaml = "stances:\n  - {actor: opposers, on: t, position: oppose, source: 2}\n";
        let node = parse(yaml, 2).unwrap();
        let Yaml::Seq(items) = &map(&node)[0].2.value else {
            panic!()
        };
        let st = map(&items[0]);
        let at = |k: &str| st.iter().find(|(key, _, _)| key == k).unwrap().2.span;
        assert_eq!(at("actor"), Span::new(3, 13));
        assert_eq!(at("position"), Span::new(3, 40));
        assert_eq!(at("source"), Span::new(3, 56));
    }

    #[test]
    fn an_anchored_or_tagged_value_is_placed_past_its_anchor_and_tag() {
        let yaml = "a: &x !!str 5\nb: [&y one, !!str  two, three]\nc: &z\n  d: 1\n";
        let node = parse(yaml, 2).unwrap();
        let m = map(&node);
        assert_eq!(m[0].2.span, Span::new(2, 13));
        let Yaml::Seq(items) = &m[1].2.value else {
            panic!()
        };
        let at: Vec<Span> = items.iter().map(|i| i.span).collect();
        assert_eq!(at, [Span::new(3, 8), Span::new(3, 20), Span::new(3, 25)]);
        // The anchor ends its line: the mapping is on the next one.
        assert_eq!(m[2].2.span.line, 4);
    }

    #[test]
    fn yaml_1_2_keeps_on_and_yes_as_strings() {
        let node = parse("on: yes\nx: no\n", 2).unwrap();
        let m = map(&node);
        assert_eq!(m[0].0, "on");
        assert_eq!(m[0].2.value, Yaml::String("yes".into()));
    }

    #[test]
    fn guards_refuse_hostile_yaml() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
        assert!(parse(bomb, 2).unwrap_err().message.contains("aliases"));
        let deep = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(parse(&deep, 2).unwrap_err().message.contains("deeper"));
        let at_limit = format!("a: {}{}\n", "[".repeat(64), "]".repeat(64));
        assert!(parse(&at_limit, 2).is_ok());
        let past = format!("a: {}{}\n", "[".repeat(65), "]".repeat(65));
        assert!(parse(&past, 2).is_err());
        let block: String = (0..70)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        assert!(parse(&block, 2).unwrap_err().message.contains("deeper"));
        let tab = "title: x\n\tbad: y\n";
        assert_eq!(parse(tab, 2).unwrap_err().span, Span::new(3, 1));
        let big = format!("title: {}\n", "x".repeat(70 * 1024));
        assert!(parse(&big, 2).unwrap_err().message.contains("64 KiB"));
    }

    #[test]
    fn syntax_errors_have_file_lines() {
        let e = parse("title: x\nactors: [a, b\n", 2).unwrap_err();
        assert!(e.span.line >= 3, "{e:?}");
    }

    /// What serde_yaml itself reads from `yaml`, as positionless values: the oracle the
    /// single pass over libyaml's events must agree with.
    fn serde_reads(yaml: &str) -> Result<Yaml, String> {
        fn conv(v: &serde_yaml::Value) -> Yaml {
            use serde_yaml::Value as V;
            let at = Span::new(0, 0);
            match v {
                V::Null => Yaml::Null,
                V::Bool(b) => Yaml::Bool(*b),
                V::Number(n) => Yaml::Number(n.to_string()),
                V::String(s) => Yaml::String(s.replace(crate::source::is_forbidden_char, "")),
                V::Sequence(items) => {
                    Yaml::Seq(items.iter().map(|i| Node::new(conv(i), at)).collect())
                }
                V::Mapping(m) => Yaml::Map(
                    m.iter()
                        .map(|(k, v)| (key(k), at, Node::new(conv(v), at)))
                        .collect(),
                ),
                V::Tagged(t) => conv(&t.value),
            }
        }
        fn key(k: &serde_yaml::Value) -> String {
            match k {
                serde_yaml::Value::String(s) => s.clone(),
                serde_yaml::Value::Bool(b) => b.to_string(),
                serde_yaml::Value::Number(n) => n.to_string(),
                serde_yaml::Value::Null => "null".to_string(),
                serde_yaml::Value::Tagged(t) => key(&t.value),
                _ => "?".to_string(),
            }
        }
        serde_yaml::from_str::<serde_yaml::Value>(yaml)
            .map(|v| conv(&v))
            .map_err(|e| e.to_string())
    }

    /// The value parsed, with every position, comment and key position dropped.
    fn bare(y: &Yaml) -> Yaml {
        let at = Span::new(0, 0);
        match y {
            Yaml::Seq(items) => Yaml::Seq(
                items
                    .iter()
                    .map(|i| Node::new(bare(&i.value), at))
                    .collect(),
            ),
            Yaml::Map(m) => Yaml::Map(
                m.iter()
                    .map(|(k, _, v)| (k.clone(), at, Node::new(bare(&v.value), at)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// Parses `yaml` both ways: the same value, or an error both ways (the guard's limits
    /// aside, which refuse what serde_yaml would take seconds over).
    fn agrees(yaml: &str) -> Result<(), String> {
        let ours = guard(yaml, 1).map(|(n, _)| bare(&n.value));
        let theirs = serde_reads(yaml);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) if a == b => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            (Err(e), Ok(_)) if e.code == Code::FrontMatterLimit => Ok(()),
            _ => Err(format!("{yaml:?}\n ours:   {ours:?}\n serde:  {theirs:?}")),
        }
    }

    #[test]
    fn scalars_keys_tags_and_anchors_read_as_serde_yaml_reads_them() {
        let scalars = [
            "1",
            "-1",
            "+1",
            "0x1F",
            "0o17",
            "0b101",
            "-0x10",
            "-0o7",
            "012",
            "-012",
            "1.5",
            "1e3",
            "1E3",
            ".5",
            "1.",
            "-.5",
            ".inf",
            "-.inf",
            "+.inf",
            ".Inf",
            ".NaN",
            ".nan",
            "1_000",
            "99999999999999999999",
            "-99999999999999999999",
            "1e400",
            "123456789012345678901234567890123456789012",
            "--5",
            "+-5",
            "++5",
            "0x",
            "0xZZ",
            "0x-1",
            "2025-11-20",
            "12:30",
            "1:20:30",
            "0.1.2",
            "1,000",
            "inf",
            "nan",
            "infinity",
            "-",
            "+",
            ".",
            "~",
            "null",
            "Null",
            "NULL",
            "nUll",
            "true",
            "True",
            "TRUE",
            "tRue",
            "false",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "n",
            "\"1\"",
            "'1'",
            "\"true\"",
            "\"\"",
            "''",
            "!!str 1",
            "!!int \"5\"",
            "!!int abc",
            "!!int 1.5",
            "!!float 5",
            "!!float abc",
            "!!bool yes",
            "!!bool true",
            "!!null \"\"",
            "!!null x",
            "!foo 5",
            "!foo \"5\"",
            "!foo [a, 1]",
            "!!seq [a]",
            "!!map {a: 1}",
            "!!binary abc",
            "! x",
            "!!int 99999999999999999999",
            "\"a\\0b\"",
            "0",
            "-0",
            "-0.0",
            "00",
            "0.0",
            "1e-7",
            "6.02e23",
            "1.0e+3",
        ];
        for s in scalars {
            agrees(&format!("v: {s}\n")).unwrap();
            agrees(&format!("v: [{s}]\n")).unwrap();
            agrees(&format!("{s}: x\n")).unwrap();
        }
        let docs = [
            "",
            "# only a comment\n",
            "?  #c",
            "a: 1\na: 2\n",
            "1: a\n\"1\": b\n",
            "true: a\n\"true\": b\n",
            "~: a\nnull: b\n",
            "0x1: a\n1: b\n",
            "? [a]\n: 1\n? [a]\n: 2\n",
            "? [a]\n: 1\n? [b]\n: 2\n",
            "? {a: 1}\n: x\n? {a: 1}\n: y\n",
            "a: &x [1, 2]\nb: *x\n",
            "a: &x 1\nc: &x 2\nb: *x\n",
            "a: &x {k: v}\nb: [*x, *x]\n",
            "b: *y\n",
            "a: 1\n--- \nb: 2\n",
            "a: 1\n...\n",
            "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n",
            "a: |\n  one\n  two\nb: >-\n  folded\n  text\n",
            "a: x #c\n",
            "- a\n- b\n",
            "just text\n",
            "k:\n  - {actor: A, on: t, position: supports}\n  - [1, 2, [3]]\n",
            &format!(
                "{}\n{}\n",
                (0..40)
                    .map(|i| format!("k{i}: {i}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                "k7: again"
            ),
            &(0..40).map(|i| format!("k{i}: {i}\n")).collect::<String>(),
        ];
        for d in docs {
            agrees(d).unwrap();
        }
    }

    /// What generated front matter is made of: scalars of each type, indicators, anchors,
    /// aliases, tags, comments, block scalars and document starts.
    const TOKENS: [&str; 26] = [
        "a", "b", "1", "-2.5", "0x1", "~", "true", "\"q\"", "'s'", ": ", "\n", "\n  ", "- ", "[",
        "]", "{", "}", ", ", "&x ", "*x", "!t ", "!!str ", " #c", "? ", "|\n  ", "---\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn any_front_matter_reads_as_serde_yaml_reads_it(
            parts in proptest::collection::vec(proptest::sample::select(&TOKENS[..]), 0..24)
        ) {
            let yaml: String = parts.concat();
            let agreed = agrees(&yaml);
            proptest::prop_assert!(agreed.is_ok(), "{}", agreed.unwrap_err());
        }
    }
}
