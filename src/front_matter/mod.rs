//! Splits a Markdown file into YAML front matter and body, guards the YAML against hostile
//! input, and parses it. The only module that knows serde_yaml, so it can be swapped.

mod events;
mod guard;
mod locate;
mod syntax;
mod tree;

use crate::diagnostic::{Code, Span};
use guard::guard;
use locate::Locator;
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
    let starts = guard(yaml, first_line)?;
    let value: serde_yaml::Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(e) => return Err(yaml_error(&e, yaml, first_line)),
    };
    let mut locator = Locator::new(yaml, first_line, &starts);
    let node = locator.convert(&value);
    let warnings = locator
        .removed
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

/// An error serde_yaml found past libyaml's syntax (which `syntax.rs` explains), in plain
/// words at its file position: a key set twice, an alias to no anchor, two documents.
fn yaml_error(e: &serde_yaml::Error, yaml: &str, first_line: u32) -> FrontMatterError {
    let (mut line, mut col) = e.location().map_or((first_line, 1), |l| {
        (first_line + l.line() as u32 - 1, l.column() as u32)
    });
    let raw = e.to_string();
    let (message, help) = if let Some(key) = raw
        .strip_prefix("duplicate entry with key \"")
        .and_then(|k| k.split('"').next())
    {
        // Point at the second occurrence of the key, not at the mapping.
        let hits: Vec<(usize, usize)> = yaml
            .lines()
            .enumerate()
            .filter_map(|(i, l)| {
                let t = l.trim_start();
                (t.strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with(':')))
                .then_some((i, l.len() - t.len()))
            })
            .collect();
        if let Some(&(i, indent)) = hits.get(1) {
            line = first_line + i as u32;
            col = indent as u32 + 1;
        }
        (
            format!("invalid YAML: `{key}` is set twice"),
            "keep one of the two".to_string(),
        )
    } else if raw.starts_with("unknown anchor") {
        (
            "invalid YAML: `*` refers to no `&` anchor above it".to_string(),
            "quote the value if the `*` is part of the text: \"*like this*\"".to_string(),
        )
    } else if raw.contains("integer `") {
        (
            "invalid YAML: this number is too large to read".to_string(),
            "quote it if it is text: \"12345678901234567890123\"".to_string(),
        )
    } else if raw.contains("more than one document") {
        (
            "invalid YAML: a `---` line starts a second document".to_string(),
            "remove the `---` line: the file holds one YAML mapping".to_string(),
        )
    } else {
        (
            "invalid YAML: this value cannot be read".to_string(),
            "check the quotes, brackets and indentation of this line".to_string(),
        )
    };
    err(Code::InvalidYaml, line, col.max(1), message).with_help(help)
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
}
