//! Splits a Markdown file into YAML front matter and body, guards the YAML against hostile
//! input, and parses it. The only module that knows serde_yaml, so it can be swapped.

use crate::diagnostic::Span;

/// Front matter larger than this is refused before parsing.
pub const MAX_FRONT_MATTER: usize = 64 * 1024;
/// Deeper nesting than this is refused before parsing.
pub const MAX_DEPTH: usize = 64;
/// How many nodes alias expansion may produce in one document.
pub const ALIAS_BUDGET: u64 = 4096;

/// A YAML value with the position of its text in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Yaml,
    pub span: Span,
}

/// A parsed YAML value, independent of the parser that produced it.
#[derive(Debug, Clone, PartialEq)]
pub enum Yaml {
    Null,
    Bool(bool),
    /// A number, as written.
    Number(String),
    String(String),
    Seq(Vec<Node>),
    /// Keys with their position, in document order.
    Map(Vec<(String, Span, Node)>),
}

impl Yaml {
    /// What kind of value this is, for error messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Yaml::Null => "nothing",
            Yaml::Bool(_) => "a boolean",
            Yaml::Number(_) => "a number",
            Yaml::String(_) => "a string",
            Yaml::Seq(_) => "a list",
            Yaml::Map(_) => "a mapping",
        }
    }

    /// Converts to JSON for template contexts.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Yaml::Null => Value::Null,
            Yaml::Bool(b) => Value::Bool(*b),
            Yaml::Number(n) => serde_json::from_str(n).unwrap_or_else(|_| Value::String(n.clone())),
            Yaml::String(s) => Value::String(s.clone()),
            Yaml::Seq(items) => Value::Array(items.iter().map(|n| n.value.to_json()).collect()),
            Yaml::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, _, v)| (k.clone(), v.value.to_json()))
                    .collect(),
            ),
        }
    }
}

/// A problem with the front matter, at a position in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub span: Span,
    pub message: String,
}

fn err(line: u32, col: u32, message: impl Into<String>) -> FrontMatterError {
    FrontMatterError {
        span: Span::new(line, col),
        message: message.into(),
    }
}

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
        1,
        1,
        "front matter is never closed: add a `---` line after the YAML",
    ))
}

/// Parses front matter YAML into a mapping, after the size, tab, depth and alias guards.
/// `first_line` is the file line of the first YAML line, so positions are file positions.
pub fn parse(yaml: &str, first_line: u32) -> Result<Node, FrontMatterError> {
    guard(yaml, first_line)?;
    let value: serde_yaml::Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(e) => {
            let (line, col) = e.location().map_or((first_line, 1), |l| {
                (first_line + l.line() as u32 - 1, l.column() as u32)
            });
            let msg = e.to_string();
            // serde_yaml appends " at line X column Y" in the wrong coordinates: drop it.
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            return Err(err(line, col.max(1), format!("invalid YAML: {msg}")));
        }
    };
    let locator = Locator::new(yaml, first_line);
    let whole = 0..locator.lines.len();
    let node = locator.convert(&value, whole, None);
    match node.value {
        Yaml::Map(_) => Ok(node),
        Yaml::Null => Ok(Node {
            value: Yaml::Map(Vec::new()),
            span: Span::new(first_line, 1),
        }),
        other => Err(err(
            first_line,
            1,
            format!(
                "front matter must be a mapping of keys to values, not {}",
                other.describe()
            ),
        )),
    }
}

/// Parses a whole YAML file (such as site.yaml) with the same guards.
pub fn parse_document(yaml: &str) -> Result<Node, FrontMatterError> {
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(err(1, 1, "file is larger than 64 KiB"));
    }
    parse(yaml, 1)
}

/// Refuses input that would make the YAML parser slow, deep or huge.
fn guard(yaml: &str, first_line: u32) -> Result<(), FrontMatterError> {
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(err(
            first_line,
            1,
            format!(
                "front matter is {} bytes; the limit is {} (64 KiB)",
                yaml.len(),
                MAX_FRONT_MATTER
            ),
        ));
    }
    let mut anchors: Vec<(String, u64)> = Vec::new();
    let mut total: u64 = 0;
    let mut indents: Vec<usize> = Vec::new();
    for (i, line) in yaml.split('\n').enumerate() {
        let lno = first_line + i as u32;
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if content.starts_with('\t') {
            return Err(err(
                lno,
                indent as u32 + 1,
                "tab character in indentation: YAML indents with spaces",
            ));
        }
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        // Block nesting: one level per deeper indent, plus one per `- ` that opens a line.
        while indents.last().is_some_and(|&top| top >= indent) {
            indents.pop();
        }
        indents.push(indent);
        let dashes = content.split("- ").take_while(|s| s.is_empty()).count();
        let (flow, aliases_here, anchors_here) = scan_line(content);
        let depth = indents.len() + dashes + flow;
        if depth > MAX_DEPTH {
            return Err(err(
                lno,
                1,
                format!("front matter nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        // An anchor's weight is 1 plus the weight of every alias after it up to the next
        // anchor: an over-estimate of its expansion, which is what a budget wants.
        for name in anchors_here {
            anchors.push((name, 1));
        }
        for name in aliases_here {
            let weight = anchors
                .iter()
                .rev()
                .find(|(n, _)| *n == name)
                .map_or(1, |(_, w)| *w);
            total = total.saturating_add(weight);
            if let Some(last) = anchors.last_mut() {
                last.1 = last.1.saturating_add(weight);
            }
            if total > ALIAS_BUDGET {
                return Err(err(
                    lno,
                    1,
                    format!(
                        "YAML aliases would expand past {ALIAS_BUDGET} nodes; write the values out instead"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Scans one line outside quotes and comments: maximum flow nesting, aliases and anchors.
fn scan_line(content: &str) -> (usize, Vec<String>, Vec<String>) {
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut aliases = Vec::new();
    let mut anchors = Vec::new();
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    let mut chars = content.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            prev = c;
            continue;
        }
        match c {
            '"' | '\'' if matches!(prev, ' ' | '[' | '{' | ',' | ':' | '-' | '?') => {
                quote = Some(c)
            }
            '#' if prev == ' ' => break,
            '[' | '{' => {
                depth += 1;
                max = max.max(depth);
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            '*' | '&' if matches!(prev, ' ' | '[' | '{' | ',' | ':' | '-' | '?') => {
                let name: String = content[i + 1..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
                    .collect();
                if !name.is_empty() {
                    if c == '*' {
                        aliases.push(name);
                    } else {
                        anchors.push(name);
                    }
                }
            }
            _ => {}
        }
        prev = c;
        let _ = chars.peek();
    }
    (max, aliases, anchors)
}

/// Finds where values were written, so diagnostics can point at them. serde_yaml keeps no
/// positions, so this searches the text: keys by indentation, scalars by their spelling.
struct Locator<'a> {
    lines: Vec<&'a str>,
    first_line: u32,
}

impl<'a> Locator<'a> {
    fn new(yaml: &'a str, first_line: u32) -> Self {
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
    fn convert(
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
                return Node {
                    value: Yaml::String(s.clone()),
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
            if let Some(after) = after {
                let trimmed = after.trim_start();
                if let Some(value) = trimmed.strip_prefix(':')
                    && (value.is_empty() || value.starts_with(' '))
                {
                    let vb = t.len() - value.trim_start().len();
                    if best.is_none_or(|b| start < b.3) {
                        best = Some((l, start, vb, start));
                    }
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
