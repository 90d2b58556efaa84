//! Builds the tree of front matter values from libyaml's events, each value with the file
//! position libyaml saw it at.
//!
//! The guard reads the same events (`guard.rs`), so one pass over the text both bounds the
//! input and builds it: no second parser that could read it differently, and no search of
//! the text for a value's spelling (escapes, `''`, block scalars). Scalars are typed as
//! serde_yaml types them (the YAML 1.2 core schema: `yes` and `on` stay text), numbers by
//! serde_yaml's own parser; what serde_yaml refuses past libyaml's syntax (a key set twice,
//! an alias to no anchor, a second document, an integer too large) is refused here too, at
//! the position of what caused it.

use super::events::{Event, Kind, Mark, Style};
use super::tree::{Cut, FrontMatterError, Node, Yaml, err};
use crate::diagnostic::{Code, Span};
use std::collections::{HashMap, HashSet};

/// A value written where forbidden characters were removed from it (`"\0"`, `"\u202E"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Removed {
    pub(super) span: Span,
    /// The first character removed.
    pub(super) first: char,
}

/// The tags of the core schema that type a scalar (`!!int 12`); any other tag leaves
/// quoted text text and plain text typed as if untagged, as serde_yaml does.
const CORE_TAGS: [&[u8]; 4] = [
    b"tag:yaml.org,2002:null",
    b"tag:yaml.org,2002:bool",
    b"tag:yaml.org,2002:int",
    b"tag:yaml.org,2002:float",
];

/// Past this many keys a mapping looks its keys up in a set rather than one by one.
const LINEAR_KEYS: usize = 16;

/// A collection being read.
struct Open {
    span: Span,
    anchor: Option<Vec<u8>>,
    items: Items,
}

enum Items {
    Seq(Vec<Node>),
    Map {
        entries: Vec<(String, Span, Node)>,
        /// Each key's identity (see [`identity`]), for a key set twice.
        seen: Vec<String>,
        /// The same, once the mapping has more than [`LINEAR_KEYS`] keys.
        set: HashSet<String>,
        /// A key read, waiting for its value: its text, position and identity.
        key: Option<(String, Span, String)>,
    },
}

/// Builds the document's tree from its events, in order.
pub(super) struct Builder<'a> {
    yaml: &'a str,
    first_line: u32,
    open: Vec<Open>,
    root: Option<Node>,
    /// Each anchor's latest node (a later anchor of the same name replaces it).
    anchors: HashMap<Vec<u8>, Node>,
    documents: u32,
    /// The first string that lost forbidden characters.
    removed: Option<Removed>,
    /// The first problem found; nothing is built after it.
    error: Option<FrontMatterError>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(yaml: &'a str, first_line: u32) -> Self {
        Builder {
            yaml,
            first_line,
            open: Vec::new(),
            root: None,
            anchors: HashMap::new(),
            documents: 0,
            removed: None,
            error: None,
        }
    }

    /// The document (`Null` when it holds nothing) and the first value that lost forbidden
    /// characters, or the first problem found.
    pub(super) fn finish(self) -> Result<(Node, Option<Removed>), FrontMatterError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let root =
            (self.root).unwrap_or_else(|| Node::new(Yaml::Null, Span::new(self.first_line, 1)));
        Ok((root, self.removed))
    }

    /// Takes in the next event.
    pub(super) fn event(&mut self, e: &Event<'_>) {
        if self.error.is_some() {
            return;
        }
        match e.kind {
            Kind::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    self.fail(
                        err(
                            Code::InvalidYaml,
                            self.line(e.start),
                            1,
                            "invalid YAML: a `---` line starts a second document",
                        )
                        .with_help("remove the `---` line: the file holds one YAML mapping"),
                    );
                }
            }
            Kind::Scalar(bytes, style) => self.scalar(e, bytes, style),
            Kind::SequenceStart | Kind::MappingStart => {
                let items = match e.kind {
                    Kind::SequenceStart => Items::Seq(Vec::new()),
                    _ => Items::Map {
                        entries: Vec::new(),
                        seen: Vec::new(),
                        set: HashSet::new(),
                        key: None,
                    },
                };
                self.open.push(Open {
                    span: self.span(e.start),
                    anchor: e.anchor.map(<[u8]>::to_vec),
                    items,
                });
            }
            Kind::SequenceEnd | Kind::MappingEnd => {
                let Some(open) = self.open.pop() else {
                    return;
                };
                let value = match open.items {
                    Items::Seq(items) => Yaml::Seq(items),
                    Items::Map { entries, .. } => Yaml::Map(entries),
                };
                self.done(Node::new(value, open.span), open.anchor.as_deref(), None);
            }
            Kind::Alias(name) => {
                let span = self.span(e.start);
                match self.anchors.get(name) {
                    Some(node) => {
                        // A copy of an earlier value, every part of it shown where the
                        // alias was written.
                        let mut copy = node.clone();
                        respan(&mut copy, span);
                        self.done(copy, None, None);
                    }
                    None => self.fail(
                        err(
                            Code::InvalidYaml,
                            self.line(e.start),
                            e.start.column as u32 + 1,
                            "invalid YAML: `*` refers to no `&` anchor above it",
                        )
                        .with_help(
                            "quote the value if the `*` is part of the text: \"*like this*\"",
                        ),
                    ),
                }
            }
            Kind::Other => {}
        }
    }

    fn scalar(&mut self, e: &Event<'_>, bytes: &[u8], style: Style) {
        let span = self.span(e.start);
        let at = (self.line(e.start), e.start.column as u32 + 1);
        // libyaml decodes UTF-8 input to UTF-8, escapes included.
        let Ok(text) = std::str::from_utf8(bytes) else {
            return self.fail(cannot_read(at));
        };
        let value = match typed(text, style, e.tag) {
            Ok(Typed::String) => Yaml::String(self.clean(text, span)),
            Ok(Typed::Other(v)) => v,
            Err(TooLarge) => {
                return self.fail(
                    err(
                        Code::InvalidYaml,
                        at.0,
                        at.1,
                        "invalid YAML: this number is too large to read",
                    )
                    .with_help("quote it if it is text: \"12345678901234567890123\""),
                );
            }
            Err(NotOfItsTag) => return self.fail(cannot_read(at)),
        };
        // A text key keeps its characters as written; a text value is what pages show.
        let raw_key =
            (matches!(value, Yaml::String(_)) && self.wants_key()).then(|| text.to_string());
        let mut node = Node::new(value, span);
        if style == Style::Plain && !bytes.is_empty() {
            node.cut = self.cut(e.end).map(Box::new);
        }
        self.done(node, e.anchor, raw_key);
    }

    /// Whether the next node completed is a key.
    fn wants_key(&self) -> bool {
        matches!(
            self.open.last(),
            Some(Open {
                items: Items::Map { key: None, .. },
                ..
            })
        )
    }

    /// Places a completed node: in its collection, or as the document.
    fn done(&mut self, node: Node, anchor: Option<&[u8]>, raw_key: Option<String>) {
        if let Some(name) = anchor {
            self.anchors.insert(name.to_vec(), node.clone());
        }
        let Some(open) = self.open.last_mut() else {
            self.root = Some(node);
            return;
        };
        match &mut open.items {
            Items::Seq(items) => items.push(node),
            Items::Map {
                entries,
                seen,
                set,
                key,
            } => match key.take() {
                None => {
                    let text = raw_key.unwrap_or_else(|| key_text(&node.value));
                    let mut id = String::new();
                    identity(&node.value, &mut id);
                    *key = Some((text, node.span, id));
                }
                Some((text, span, id)) => {
                    let twice = if seen.len() < LINEAR_KEYS {
                        seen.contains(&id)
                    } else {
                        if set.is_empty() {
                            set.extend(seen.iter().cloned());
                        }
                        set.contains(&id)
                    };
                    if twice {
                        let message = match node_is_scalar_key(&id) {
                            true => format!("invalid YAML: `{text}` is set twice"),
                            false => "invalid YAML: a key is set twice".to_string(),
                        };
                        let e = err(Code::InvalidYaml, span.line, span.col, message)
                            .with_help("keep one of the two");
                        return self.fail(e);
                    }
                    if seen.len() >= LINEAR_KEYS {
                        set.insert(id.clone());
                    }
                    seen.push(id);
                    entries.push((text, span, node));
                }
            },
        }
    }

    fn fail(&mut self, e: FrontMatterError) {
        self.error.get_or_insert(e);
    }

    fn line(&self, m: Mark) -> u32 {
        self.first_line + m.line as u32
    }

    /// The span of a node starting at `m`, past its anchor and tag (`&a !t value`), so
    /// that it points at the value itself.
    fn span(&self, m: Mark) -> Span {
        let mut col = m.column;
        // The mark's byte offset, not its column, so that a long line costs no rescans.
        // Only the anchor and tag are read, never the rest of the line: a flow list of
        // thousands of items on one line costs the line once.
        let mut rest = self.yaml.get(m.index..).unwrap_or("");
        while rest.starts_with(['&', '!']) {
            let token = rest.find([' ', '\t', '\n']).unwrap_or(rest.len());
            let after = rest[token..].trim_start_matches([' ', '\t']);
            if after.is_empty() || after.starts_with('\n') {
                // The value is on a later line (`key: &a` then an indented block).
                break;
            }
            let blanks = rest[token..].len() - after.len();
            col += rest[..token + blanks].chars().count();
            rest = after;
        }
        Span::new(self.line(m), col as u32 + 1)
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
                self.line(end),
                (end.column + rest[..blanks].chars().count()) as u32 + 1,
            ),
            dropped: rest.trim_end().to_string(),
        })
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

/// A scalar's type: text, or a value of another kind.
enum Typed {
    String,
    Other(Yaml),
}

/// Why a scalar has no value.
enum Untyped {
    /// An integer serde_yaml reads (up to 128 bits) but cannot hold.
    TooLarge,
    /// A scalar its core tag does not fit (`!!int abc`).
    NotOfItsTag,
}
use Untyped::{NotOfItsTag, TooLarge};

/// The type serde_yaml gives a scalar of this text, style and tag.
fn typed(text: &str, style: Style, tag: Option<&[u8]>) -> Result<Typed, Untyped> {
    match tag {
        Some(t) if !t.starts_with(b"!") && CORE_TAGS.contains(&t) => core_tagged(t, text),
        Some(t) if !t.starts_with(b"!") => Ok(Typed::String),
        // Untagged, or a local tag (`!note`), which serde_yaml keeps beside the value.
        _ if style == Style::Plain => untagged(text),
        _ => Ok(Typed::String),
    }
}

/// An unquoted, untagged scalar: null, a boolean, a number, or text.
fn untagged(text: &str) -> Result<Typed, Untyped> {
    Ok(Typed::Other(match text {
        "" | "~" | "null" | "Null" | "NULL" => Yaml::Null,
        "true" | "True" | "TRUE" => Yaml::Bool(true),
        "false" | "False" | "FALSE" => Yaml::Bool(false),
        // Every number serde_yaml reads starts so (`.inf` included); nothing else is one.
        _ if text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) => {
            match text.parse::<serde_yaml::Number>() {
                Ok(n) => Yaml::Number(n.to_string()),
                // Its integer parser reads 128 bits, which its values cannot hold.
                Err(e) if e.to_string().contains("integer `") => return Err(TooLarge),
                Err(_) => return Ok(Typed::String),
            }
        }
        _ => return Ok(Typed::String),
    }))
}

/// A scalar with a core tag, typed by serde_yaml itself: such tags are rare enough in
/// front matter that a one-value document for each costs nothing.
fn core_tagged(tag: &[u8], text: &str) -> Result<Typed, Untyped> {
    let name = tag.rsplit(|&b| b == b':').next().unwrap_or_default();
    let quoted = serde_json::to_string(text).map_err(|_| NotOfItsTag)?;
    let doc = format!("!!{} {quoted}", String::from_utf8_lossy(name));
    match serde_yaml::from_str::<serde_yaml::Value>(&doc) {
        Ok(serde_yaml::Value::Null) => Ok(Typed::Other(Yaml::Null)),
        Ok(serde_yaml::Value::Bool(b)) => Ok(Typed::Other(Yaml::Bool(b))),
        Ok(serde_yaml::Value::Number(n)) => Ok(Typed::Other(Yaml::Number(n.to_string()))),
        Ok(_) => Err(NotOfItsTag),
        Err(e) if e.to_string().contains("integer `") => Err(TooLarge),
        Err(_) => Err(NotOfItsTag),
    }
}

fn cannot_read((line, col): (u32, u32)) -> FrontMatterError {
    err(
        Code::InvalidYaml,
        line,
        col,
        "invalid YAML: this value cannot be read",
    )
    .with_help("check the quotes, brackets and indentation of this line")
}

/// A key as the pages see it: text as written, `true`, a number as written, `null`; a
/// list or mapping used as a key has no name (`?`).
fn key_text(v: &Yaml) -> String {
    match v {
        Yaml::String(s) => s.clone(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Number(n) => n.clone(),
        Yaml::Null => "null".to_string(),
        Yaml::Seq(_) | Yaml::Map(_) => "?".to_string(),
    }
}

/// What makes two keys the same key: their kind and value (`"1"` and `1` differ, as do
/// `"true"` and `true`), whatever their positions.
fn identity(v: &Yaml, out: &mut String) {
    use std::fmt::Write;
    match v {
        Yaml::Null => out.push('~'),
        Yaml::Bool(b) => out.push(if *b { 'T' } else { 'F' }),
        Yaml::Number(n) => {
            let _ = write!(out, "n{}:{n}", n.len());
        }
        Yaml::String(s) => {
            let _ = write!(out, "s{}:{s}", s.len());
        }
        Yaml::Seq(items) => {
            out.push('[');
            items.iter().for_each(|i| identity(&i.value, out));
            out.push(']');
        }
        Yaml::Map(entries) => {
            out.push('{');
            for (k, _, v) in entries {
                let _ = write!(out, "k{}:{k}", k.len());
                identity(&v.value, out);
            }
            out.push('}');
        }
    }
}

/// Whether a key's identity is that of a scalar, which can be named in a message.
fn node_is_scalar_key(id: &str) -> bool {
    !id.starts_with(['[', '{'])
}

/// Moves a node and everything in it to `span`, with no comment after it.
fn respan(node: &mut Node, span: Span) {
    node.span = span;
    node.cut = None;
    match &mut node.value {
        Yaml::Seq(items) => items.iter_mut().for_each(|i| respan(i, span)),
        Yaml::Map(entries) => {
            for (_, at, v) in entries {
                *at = span;
                respan(v, span);
            }
        }
        _ => {}
    }
}
