//! Content diagnostics: `path:line:col: severity: message`, collected and printed at once.

use std::fmt;
use std::path::Path;

/// How bad a diagnostic is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column (columns in characters) in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Span {
    pub line: u32,
    pub col: u32,
}

impl Span {
    /// The position used for problems with a file as a whole.
    pub const FILE: Span = Span { line: 1, col: 1 };

    /// A span at the given 1-based line and column.
    pub fn new(line: u32, col: u32) -> Self {
        Span { line, col }
    }
}

/// One problem found in the site's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    pub span: Span,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path, self.span.line, self.span.col, sev, self.message
        )
    }
}

/// The diagnostics of one run, in the order they were found until `sorted` is called.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error at `span` of `path`.
    pub fn error(&mut self, path: &str, span: Span, message: impl Into<String>) {
        self.push(Severity::Error, path, span, message.into());
    }

    /// Records a warning at `span` of `path`.
    pub fn warning(&mut self, path: &str, span: Span, message: impl Into<String>) {
        self.push(Severity::Warning, path, span, message.into());
    }

    fn push(&mut self, severity: Severity, path: &str, span: Span, message: String) {
        self.items.push(Diagnostic {
            severity,
            path: path.to_string(),
            span,
            message,
        });
    }

    /// Moves every diagnostic of `other` into this list.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when at least one error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// All diagnostics in the stable printing order: path, line, column, then message.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.path, a.span, a.severity, &a.message)
                .cmp(&(&b.path, b.span, b.severity, &b.message))
        });
        self.items.dedup();
        self.items
    }

    /// The diagnostics recorded so far, unsorted.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// Maps byte offsets of a text to 1-based line and character columns.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The line and column of byte `offset`, with `first_line` added to lines.
    pub fn span(&self, offset: usize, first_line: u32) -> Span {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        Span::new(first_line + line as u32, col as u32 + 1)
    }
}

/// Writes a path relative to the site root with `/` separators.
pub fn display_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
