//! Finds the file position of every parsed YAML value.

use super::{Node, Yaml};
use crate::diagnostic::Span;

/// Finds where values were written, so diagnostics can point at them. serde_yaml keeps no
/// positions, so this searches the text: keys by indentation, scalars by their spelling.
pub(super) struct Locator<'a> {
    pub(super) lines: Vec<&'a str>,
    first_line: u32,
}

impl<'a> Locator<'a> {
    pub(super) fn new(yaml: &'a str, first_line: u32) -> Self {
        Locator {
            lines: yaml.split('\n').collect(),
            first_line,
        }
    }

    fn span_at(&self, line: usize, byte: usize) -> Span {
        let text = self.lines.get(line).copied().unwrap_or("");
        let col = text
            .get(..byte.min(text.len()))
            .map_or(0, |s| s.chars().count());
        Span::new(self.first_line + line as u32, col as u32 + 1)
    }

    /// Start of the first non-blank line in `range`, or of the range.
    fn region_start(&self, range: &std::ops::Range<usize>, hint: Option<(usize, usize)>) -> Span {
        if let Some((l, b)) = hint {
            return self.span_at(l, b);
        }
        for l in range.clone() {
            let t = self.lines[l];
            let trimmed = t.trim_start();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return self.span_at(l, t.len() - trimmed.len());
            }
        }
        self.span_at(range.start, 0)
    }

    /// Converts a serde_yaml value found within `range` of lines. `hint` is where the
    /// value starts when the caller knows (just after `key:`).
    pub(super) fn convert(
        &self,
        v: &serde_yaml::Value,
        range: std::ops::Range<usize>,
        hint: Option<(usize, usize)>,
    ) -> Node {
        use serde_yaml::Value as V;
        let span = self.region_start(&range, hint);
        let value = match v {
            V::Null => Yaml::Null,
            V::Bool(b) => Yaml::Bool(*b),
            V::Number(n) => Yaml::Number(n.to_string()),
            V::String(s) => {
                let span = self.find_text(s, &range, hint).unwrap_or(span);
                // Escapes such as "\a" make characters no page or feed may hold.
                let value = if s.contains(crate::source::is_forbidden_char) {
                    s.replace(crate::source::is_forbidden_char, "")
                } else {
                    s.clone()
                };
                return Node {
                    value: Yaml::String(value),
                    span,
                };
            }
            V::Sequence(items) => Yaml::Seq(self.convert_seq(items, range.clone(), hint)),
            V::Mapping(m) => Yaml::Map(self.convert_map(m, range.clone())),
            V::Tagged(t) => return self.convert(&t.value, range, hint),
        };
        Node { value, span }
    }

    fn convert_seq(
        &self,
        items: &[serde_yaml::Value],
        range: std::ops::Range<usize>,
        hint: Option<(usize, usize)>,
    ) -> Vec<Node> {
        let starts = self.item_lines(&range);
        if starts.len() == items.len() {
            return items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let start = starts[i];
                    let end = starts.get(i + 1).copied().unwrap_or(range.end);
                    let t = self.lines[start];
                    let dash = t.find('-').unwrap_or(0);
                    let rest = &t[dash + 1..];
                    let after = dash + 1 + (rest.len() - rest.trim_start().len());
                    let hint = if t[after..].trim().is_empty() {
                        None
                    } else {
                        Some((start, after))
                    };
                    self.convert(v, start..end, hint)
                })
                .collect();
        }
        // A flow sequence: find each scalar in turn after the previous one.
        let mut cursor = hint.unwrap_or((range.start, 0));
        items
            .iter()
            .map(|v| {
                let here = (cursor.0..range.end, Some(cursor));
                let node = self.convert(v, here.0, here.1);
                if let Yaml::String(s) = &node.value
                    && let Some((l, b)) = self.find_offset(s, &(cursor.0..range.end), Some(cursor))
                {
                    cursor = (l, b + s.len());
                }
                node
            })
            .collect()
    }

    fn convert_map(
        &self,
        m: &serde_yaml::Mapping,
        range: std::ops::Range<usize>,
    ) -> Vec<(String, Span, Node)> {
        /// Line, key byte and value byte of a key, where found.
        type KeyAt = Option<(usize, usize, usize)>;
        let mut found: Vec<(String, KeyAt, &serde_yaml::Value)> = m
            .iter()
            .map(|(k, v)| {
                let key = yaml_key(k);
                let at = self.find_key(&key, &range);
                (key, at, v)
            })
            .collect();
        let mut lines: Vec<usize> = found.iter().filter_map(|f| f.1.map(|x| x.0)).collect();
        lines.sort_unstable();
        found
            .drain(..)
            .map(|(key, at, v)| match at {
                Some((line, key_byte, value_byte)) => {
                    let end = lines
                        .iter()
                        .copied()
                        .find(|&l| l > line)
                        .unwrap_or(range.end);
                    let hint = if self.lines[line][value_byte..].trim().is_empty() {
                        None
                    } else {
                        Some((line, value_byte))
                    };
                    let inner = if hint.is_some() {
                        line..end
                    } else {
                        line + 1..end
                    };
                    let node = self.convert(v, inner, hint);
                    (key, self.span_at(line, key_byte), node)
                }
                None => {
                    let node = self.convert(v, range.clone(), None);
                    (key, node.span, node)
                }
            })
            .collect()
    }

    /// Lines in `range` that open a block sequence item at the shallowest indent.
    fn item_lines(&self, range: &std::ops::Range<usize>) -> Vec<usize> {
        let mut min_indent = usize::MAX;
        let mut out = Vec::new();
        for l in range.clone() {
            let t = self.lines[l];
            let trimmed = t.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = t.len() - trimmed.len();
            if trimmed == "-" || trimmed.starts_with("- ") {
                if indent < min_indent {
                    min_indent = indent;
                    out.clear();
                }
                if indent == min_indent {
                    out.push(l);
                }
            }
        }
        out
    }

    /// The line, key byte and value byte of `key:` at the shallowest indent in `range`.
    fn find_key(&self, key: &str, range: &std::ops::Range<usize>) -> Option<(usize, usize, usize)> {
        let mut best: Option<(usize, usize, usize, usize)> = None;
        for l in range.clone() {
            let t = self.lines[l];
            let mut start = t.len() - t.trim_start().len();
            while t[start..].starts_with("- ") {
                start += 2;
                start += t[start..].len() - t[start..].trim_start().len();
            }
            // Where a key may begin: the line's content, or just inside a flow mapping
            // (`- {actor: X, on: y}`), after `{` or `,`.
            let mut starts = vec![start];
            let flow = if t.contains('{') { t } else { "" };
            for (i, c) in flow.char_indices().skip(start) {
                if c == '{' || c == ',' {
                    let after = i + 1;
                    starts.push(after + t[after..].len() - t[after..].trim_start().len());
                }
            }
            for start in starts {
                let rest = &t[start..];
                let after = if let Some(r) = rest.strip_prefix(key) {
                    Some(r)
                } else {
                    ['"', '\''].iter().find_map(|q| {
                        rest.strip_prefix(*q)
                            .and_then(|r| r.strip_prefix(key))
                            .and_then(|r| r.strip_prefix(*q))
                    })
                };
                let Some(after) = after else { continue };
                if let Some(value) = after.trim_start().strip_prefix(':')
                    && (value.is_empty() || value.starts_with(' '))
                {
                    let vb = t.len() - value.trim_start().len();
                    if best.is_none_or(|b| start < b.3) {
                        best = Some((l, start, vb, start));
                    }
                    break;
                }
            }
        }
        best.map(|(l, k, v, _)| (l, k, v))
    }

    fn find_offset(
        &self,
        s: &str,
        range: &std::ops::Range<usize>,
        hint: Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        if s.is_empty() {
            return None;
        }
        let (first, from) = hint.unwrap_or((range.start, 0));
        for l in first..range.end.max(first + 1).min(self.lines.len()) {
            let t = self.lines[l];
            let from = if l == first { from.min(t.len()) } else { 0 };
            if let Some(i) = t.get(from..).and_then(|rest| rest.find(s)) {
                return Some((l, from + i));
            }
        }
        None
    }

    fn find_text(
        &self,
        s: &str,
        range: &std::ops::Range<usize>,
        hint: Option<(usize, usize)>,
    ) -> Option<Span> {
        // Multi-line scalars are not found verbatim: point at the value's start instead.
        let first = s.lines().next().unwrap_or("");
        self.find_offset(first, range, hint)
            .map(|(l, b)| {
                // Point at the opening quote of a quoted scalar.
                let t = self.lines[l];
                let b = if b > 0 && matches!(t.as_bytes()[b - 1], b'"' | b'\'') {
                    b - 1
                } else {
                    b
                };
                self.span_at(l, b)
            })
            .or_else(|| hint.map(|(l, b)| self.span_at(l, b)))
    }
}

fn yaml_key(k: &serde_yaml::Value) -> String {
    match k {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Null => "null".to_string(),
        _ => "?".to_string(),
    }
}
