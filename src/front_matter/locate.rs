//! Gives every parsed YAML value the file position libyaml saw it at.
//!
//! serde_yaml keeps no positions, but it builds its values from libyaml's events in order,
//! and the guard has just read the same events (`guard.rs`). Walking a value and those
//! events side by side pairs each value with where it was written, however it was spelled
//! (escapes, `''`, block scalars) — no search of the text for a value's spelling.

use super::events::Mark;
use super::tree::{Cut, Node, Yaml};
use crate::diagnostic::Span;

/// What kind of node an event starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NodeKind {
    Scalar,
    Sequence,
    Mapping,
    /// `*name`: serde_yaml puts a copy of the anchored value here.
    Alias,
}

/// Where one node of the document starts, in event order.
#[derive(Debug, Clone, Copy)]
pub(super) struct NodeAt {
    pub(super) kind: NodeKind,
    pub(super) start: Mark,
    /// Where a plain (unquoted), non-empty scalar ends; `None` for every other node.
    pub(super) plain_end: Option<Mark>,
}

/// A value written where forbidden characters were removed from it (`"\0"`, `"\u202E"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Removed {
    pub(super) span: Span,
    /// The first character removed.
    pub(super) first: char,
}

/// Pairs serde_yaml values with the positions of their events.
pub(super) struct Locator<'a> {
    yaml: &'a str,
    first_line: u32,
    nodes: &'a [NodeAt],
    next: usize,
    /// The first string that lost forbidden characters.
    pub(super) removed: Option<Removed>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(yaml: &'a str, first_line: u32, nodes: &'a [NodeAt]) -> Self {
        Locator {
            yaml,
            first_line,
            nodes,
            next: 0,
            removed: None,
        }
    }

    /// The span of a node starting at `m`, past its anchor and tag (`&a !t value`), so
    /// that it points at the value itself.
    fn span(&self, m: Mark) -> Span {
        let mut col = m.column;
        // The mark's byte offset, not its column, so that a long line costs no rescans.
        let rest = self.yaml.get(m.index..).unwrap_or("");
        let mut rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
        while rest.starts_with(['&', '!']) {
            let token = rest.find([' ', '\t']).unwrap_or(rest.len());
            let blanks = rest[token..].len() - rest[token..].trim_start_matches([' ', '\t']).len();
            if token + blanks == rest.len() {
                // The value is on a later line (`key: &a` then an indented block).
                break;
            }
            col += rest[..token + blanks].chars().count();
            rest = &rest[token + blanks..];
        }
        Span::new(self.first_line + m.line as u32, col as u32 + 1)
    }

    /// The next node's position, checked against the kind of value serde_yaml built.
    /// `None` when the two disagree, which they should not: positions then fall back to
    /// the start of the front matter rather than point at the wrong value.
    fn take(&mut self, v: &serde_yaml::Value) -> Option<NodeAt> {
        let at = *self.nodes.get(self.next)?;
        if at.kind != NodeKind::Alias && at.kind != kind_of(v) {
            self.next = self.nodes.len();
            return None;
        }
        self.next += 1;
        Some(at)
    }

    /// Converts a serde_yaml value, consuming the events it was built from.
    pub(super) fn convert(&mut self, v: &serde_yaml::Value) -> Node {
        let at = self.take(v);
        let span = at.map_or(Span::new(self.first_line, 1), |a| self.span(a.start));
        if at.is_some_and(|a| a.kind == NodeKind::Alias) {
            // A copy of an earlier value: it has no events of its own, and every part of
            // it is shown where the alias was written.
            return self.copy(v, span);
        }
        let mut node = self.build(v, span, true);
        node.cut = at
            .and_then(|a| a.plain_end)
            .and_then(|end| self.cut(end))
            .map(Box::new);
        node
    }

    /// The comment after a plain scalar ending at `end`, when its line goes on with blanks
    /// and a `#` (a plain scalar cannot hold ` #`, so that is where YAML cut it).
    fn cut(&self, end: Mark) -> Option<Cut> {
        let rest = self.yaml.get(end.index..)?;
        // Only the blanks right after the value are read before the `#` is seen: each run
        // of blanks follows one value, and a line has one comment, so thousands of values
        // on one long line cost the line once.
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if blanks == 0 || !rest[blanks..].starts_with('#') {
            return None;
        }
        let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
        Some(Cut {
            hash: Span::new(
                self.first_line + end.line as u32,
                (end.column + rest[..blanks].chars().count()) as u32 + 1,
            ),
            dropped: rest.trim_end().to_string(),
        })
    }

    /// An alias's copy: every part at the alias.
    fn copy(&mut self, v: &serde_yaml::Value, span: Span) -> Node {
        self.build(v, span, false)
    }

    fn build(&mut self, v: &serde_yaml::Value, span: Span, walk: bool) -> Node {
        use serde_yaml::Value as V;
        let child = |me: &mut Self, v: &serde_yaml::Value| {
            if walk {
                me.convert(v)
            } else {
                me.copy(v, span)
            }
        };
        let value = match v {
            V::Null => Yaml::Null,
            V::Bool(b) => Yaml::Bool(*b),
            V::Number(n) => Yaml::Number(n.to_string()),
            V::String(s) => Yaml::String(self.clean(s, span)),
            V::Sequence(items) => Yaml::Seq(items.iter().map(|i| child(self, i)).collect()),
            V::Mapping(m) => Yaml::Map(
                m.iter()
                    .map(|(k, v)| {
                        let key = child(self, k);
                        let value = child(self, v);
                        (yaml_key(k), key.span, value)
                    })
                    .collect(),
            ),
            V::Tagged(t) => return self.build(&t.value, span, walk),
        };
        Node::new(value, span)
    }

    /// A string without the characters no page or feed may hold, which escapes such as
    /// `"\a"` can write; the first such string is remembered for a warning.
    fn clean(&mut self, s: &str, span: Span) -> String {
        let Some(first) = s.chars().find(|&c| crate::source::is_forbidden_char(c)) else {
            return s.to_string();
        };
        if self.removed.is_none() {
            self.removed = Some(Removed { span, first });
        }
        s.replace(crate::source::is_forbidden_char, "")
    }
}

/// The kind of event a value is built from.
fn kind_of(v: &serde_yaml::Value) -> NodeKind {
    match v {
        serde_yaml::Value::Sequence(_) => NodeKind::Sequence,
        serde_yaml::Value::Mapping(_) => NodeKind::Mapping,
        serde_yaml::Value::Tagged(t) => kind_of(&t.value),
        _ => NodeKind::Scalar,
    }
}

fn yaml_key(k: &serde_yaml::Value) -> String {
    match k {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Null => "null".to_string(),
        serde_yaml::Value::Tagged(t) => yaml_key(&t.value),
        _ => "?".to_string(),
    }
}
