//! What front matter parses into (a tree of values with their positions), the error it
//! reports, and the limits the guard enforces before parsing.

use crate::diagnostic::{Code, Span};

/// Front matter larger than this is refused before parsing.
pub const MAX_FRONT_MATTER: usize = 64 * 1024;
/// Deeper nesting than this is refused before parsing.
pub const MAX_DEPTH: usize = 64;
/// How many nodes alias expansion may produce in one document.
pub const ALIAS_BUDGET: u64 = 10_000;

/// A YAML value with the position of its text in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Yaml,
    pub span: Span,
    /// A comment on the same line after this unquoted value, which YAML drops from it.
    pub cut: Option<Box<Cut>>,
}

/// A YAML comment right after an unquoted value: ` #1 worry` after `Habeck's`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// Where its `#` is.
    pub hash: Span,
    /// The rest of the line from the end of the value, blanks before the `#` included.
    pub dropped: String,
}

impl Node {
    /// A value at `span`, with no comment after it.
    pub fn new(value: Yaml, span: Span) -> Self {
        Node {
            value,
            span,
            cut: None,
        }
    }
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
    pub code: Code,
    pub message: String,
    /// How to fix it, when there is more to say than the message does.
    pub help: Option<String>,
}

impl FrontMatterError {
    /// Adds a help line.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

pub(crate) fn err(code: Code, line: u32, col: u32, message: impl Into<String>) -> FrontMatterError {
    FrontMatterError {
        span: Span::new(line, col),
        code,
        message: message.into(),
        help: None,
    }
}
