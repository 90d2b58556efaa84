//! Content diagnostics: `path:line:col: severity: message`, collected and printed at once.
//! Each carries a stable code (`D001`…, documented in docs/errors.md) and may carry a help.

use crate::printable;
use std::fmt;
use std::path::Path;

/// How bad a diagnostic is: errors fail the build, warnings do not, and hints (things an
/// editor may want to look at, not mistakes) are printed by `check` only.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

/// The kind of a problem, printed as a stable code (`D001`…) that docs/errors.md explains.
/// Codes are never renumbered: a new kind of problem gets the next free number.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Code {
    /// a file cannot be read: I/O error, not UTF-8, or over 16 MiB
    FileUnreadable,
    /// a symlink is not followed: a loop, or a target outside the site
    SymlinkSkipped,
    /// a control character was removed from a file
    ControlCharacter,
    /// a Markdown file has no front matter, or never closes it
    NoFrontMatter,
    /// front matter or site.yaml is not valid YAML
    InvalidYaml,
    /// front matter past a limit: size, nesting or alias expansion
    FrontMatterLimit,
    /// a key Dossier does not know
    UnknownKey,
    /// a value of the wrong type or shape
    WrongType,
    /// a required field is missing or empty
    MissingField,
    /// a date that cannot be read
    InvalidDate,
    /// a value outside its field's fixed set (confidence, position, kind)
    UnknownValue,
    /// a slug, id, tag or name without letters or digits
    NoLetters,
    /// a stance's `source` does not point into `sources`
    SourceIndex,
    /// a source URL with a scheme that is not linked
    UnlinkedUrl,
    /// a name matches no profile, so a stub entity was made
    Stub,
    /// a name matches two profiles of its kind
    AmbiguousName,
    /// two briefings with one slug, or two profiles of one kind with one id
    Duplicate,
    /// a body link that resolves to nothing
    BrokenLink,
    /// a `[[wiki]]` link whose name is of two kinds
    WikiTwoKinds,
    /// a body link that points outside content/
    OutsideContent,
    /// a body link to a draft, in a build without --drafts
    LinkToDraft,
    /// a `#fragment` the target page does not have
    MissingFragment,
    /// a site.yaml value that cannot be used (base_url, theme)
    SiteSetting,
    /// site.yaml names a theme with no folder
    ThemeNotFound,
    /// a template that does not parse or render
    Template,
    /// a file of the output that cannot be read or written
    Output,
    /// a body link or image whose URL would run script (`javascript:`, `data:` …)
    ScriptUrl,
    /// a name or alias that looks like another entity's but is spelled differently
    ConfusableName,
    /// a site past a limit on files or aliases
    SiteLimit,
    /// a Markdown file under another extension than `.md` (`x.markdown`)
    MarkdownExtension,
    /// an editor or merge leftover of a Markdown file (`x.md.orig`)
    Leftover,
    /// a file or folder name that is not UTF-8
    FileName,
    /// a Markdown body denser than the parser can hold in bounded memory
    BodyLimit,
    /// a briefing naming more entities than co-occurrence counts
    CoOccurrenceLimit,
    /// an unquoted text value cut short by a YAML comment (` #`)
    TextCutByComment,
    /// a key one slip away from a known key (`actor:` for `actors:`)
    MisspelledKey,
    /// a source URL without `https://` that would link inside the site
    UrlWithoutScheme,
    /// a name that matches no profile but nearly matches one: a typo, not a stub
    NearMissStub,
    /// site.yaml's `default_author` names no author profile, or several
    DefaultAuthor,
    /// an author's `email` is not an email address
    InvalidEmail,
    /// a body link to a briefing still under embargo (it would leak it)
    LinkToEmbargoed,
    /// a body link to a briefing whose `expires` has passed
    LinkToExpired,
    /// a `moved_from` path that is the path of a page the site has, or of another redirect
    RedirectCollision,
    /// redirects that lead back to where they start
    RedirectLoop,
    /// a `moved_from` value that is no path inside the site
    BadRedirect,
    /// a social card that resvg could not draw (a bug of Dossier's, never of the content)
    CardNotDrawn,
    /// `image:` names no file of the site (or no http(s) address)
    ImageNotFound,
    /// `image:` names a file that is not a PNG, JPEG or WebP image, or does not decode
    ImageUnreadable,
    /// `image:` names a picture past a limit: file size, width, height or pixels
    ImageLimit,
    /// `image:` without `alt:`
    ImageWithoutAlt,
    /// `alt:` without `image:`
    AltWithoutImage,
    /// a source's `reliability:` or `credibility:` that is not on the site's grading scale
    BadGrade,
    /// a citation of a source id that no file of `content/sources/` defines
    UnknownSource,
    /// a stance whose only support is a retracted source
    RetractedSupport,
    /// a file of `content/sources/` past its limits, or a source file that is no source
    SourceFile,
    /// `retraction_note:` without `retracted:`
    NoteWithoutRetraction,
    /// an entry of `roles:`, `affiliations:` or `names:` that is not a mapping or lacks its
    /// role, actor or name
    DatedEntry,
    /// `from:` or `to:` of a dated entry that is not a date
    DatedDate,
    /// a dated entry whose `to:` is before its `from:`
    DatedOrder,
    /// two `names:` of one profile that share a day
    DatedOverlap,
    /// a stance voiced (`by:`) by a person not affiliated with its actor on its date
    VoiceNotAffiliated,
    /// one actor given two positions on one topic on one day, by two briefings
    SameDayPositions,
    /// one quote attributed to different actors, voices or sources
    QuoteAttribution,
    /// a change of position whose briefing does not say that it is one (a hint)
    UnmarkedChange,
    /// a briefing whose `updated:` is before its `date:`
    UpdatedBeforeDate,
    /// a source dated after the briefing that cites it
    SourceAfterBriefing,
    /// a topic with stances and no briefing for longer than `stale_after_days` (a hint)
    StaleTopic,
    /// words of near-certainty (almost certain, almost no chance) under `confidence: low`
    EstimativeLanguage,
    /// a briefing with more key judgments than it may list
    JudgmentLimit,
    /// interface messages English has and the site's language lacks
    MissingTranslation,
    /// a site translation file (`i18n/<lang>.ftl`) that is not valid Fluent
    TranslationSyntax,
    /// a `lang:` the site's `languages:` does not list
    UnknownLanguage,
    /// a `translation_of:` naming no briefing or profile
    TranslationNotFound,
    /// two translations of one page into the same language
    DuplicateTranslation,
}

impl Code {
    /// Every code, in number order.
    pub const ALL: [Code; 74] = [
        Code::FileUnreadable,
        Code::SymlinkSkipped,
        Code::ControlCharacter,
        Code::NoFrontMatter,
        Code::InvalidYaml,
        Code::FrontMatterLimit,
        Code::UnknownKey,
        Code::WrongType,
        Code::MissingField,
        Code::InvalidDate,
        Code::UnknownValue,
        Code::NoLetters,
        Code::SourceIndex,
        Code::UnlinkedUrl,
        Code::Stub,
        Code::AmbiguousName,
        Code::Duplicate,
        Code::BrokenLink,
        Code::WikiTwoKinds,
        Code::OutsideContent,
        Code::LinkToDraft,
        Code::MissingFragment,
        Code::SiteSetting,
        Code::ThemeNotFound,
        Code::Template,
        Code::Output,
        Code::ScriptUrl,
        Code::ConfusableName,
        Code::SiteLimit,
        Code::MarkdownExtension,
        Code::Leftover,
        Code::FileName,
        Code::BodyLimit,
        Code::CoOccurrenceLimit,
        Code::TextCutByComment,
        Code::MisspelledKey,
        Code::UrlWithoutScheme,
        Code::NearMissStub,
        Code::DefaultAuthor,
        Code::InvalidEmail,
        Code::LinkToEmbargoed,
        Code::LinkToExpired,
        Code::RedirectCollision,
        Code::RedirectLoop,
        Code::BadRedirect,
        Code::CardNotDrawn,
        Code::ImageNotFound,
        Code::ImageUnreadable,
        Code::ImageLimit,
        Code::ImageWithoutAlt,
        Code::AltWithoutImage,
        Code::BadGrade,
        Code::UnknownSource,
        Code::RetractedSupport,
        Code::SourceFile,
        Code::NoteWithoutRetraction,
        Code::DatedEntry,
        Code::DatedDate,
        Code::DatedOrder,
        Code::DatedOverlap,
        Code::VoiceNotAffiliated,
        Code::SameDayPositions,
        Code::QuoteAttribution,
        Code::UnmarkedChange,
        Code::UpdatedBeforeDate,
        Code::SourceAfterBriefing,
        Code::StaleTopic,
        Code::EstimativeLanguage,
        Code::JudgmentLimit,
        Code::MissingTranslation,
        Code::TranslationSyntax,
        Code::UnknownLanguage,
        Code::TranslationNotFound,
        Code::DuplicateTranslation,
    ];

    /// The code as printed: `D001`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::FileUnreadable => "D001",
            Code::SymlinkSkipped => "D002",
            Code::ControlCharacter => "D003",
            Code::NoFrontMatter => "D004",
            Code::InvalidYaml => "D005",
            Code::FrontMatterLimit => "D006",
            Code::UnknownKey => "D007",
            Code::WrongType => "D008",
            Code::MissingField => "D009",
            Code::InvalidDate => "D010",
            Code::UnknownValue => "D011",
            Code::NoLetters => "D012",
            Code::SourceIndex => "D013",
            Code::UnlinkedUrl => "D014",
            Code::Stub => "D015",
            Code::AmbiguousName => "D016",
            Code::Duplicate => "D017",
            Code::BrokenLink => "D018",
            Code::WikiTwoKinds => "D019",
            Code::OutsideContent => "D020",
            Code::LinkToDraft => "D021",
            Code::MissingFragment => "D022",
            Code::SiteSetting => "D023",
            Code::ThemeNotFound => "D024",
            Code::Template => "D025",
            Code::Output => "D026",
            Code::ScriptUrl => "D027",
            Code::ConfusableName => "D028",
            Code::SiteLimit => "D029",
            Code::MarkdownExtension => "D030",
            Code::Leftover => "D031",
            Code::FileName => "D032",
            Code::BodyLimit => "D033",
            Code::CoOccurrenceLimit => "D034",
            Code::TextCutByComment => "D040",
            Code::MisspelledKey => "D041",
            Code::UrlWithoutScheme => "D042",
            Code::NearMissStub => "D050",
            Code::DefaultAuthor => "D060",
            Code::InvalidEmail => "D061",
            Code::LinkToEmbargoed => "D070",
            Code::LinkToExpired => "D071",
            Code::RedirectCollision => "D072",
            Code::RedirectLoop => "D073",
            Code::BadRedirect => "D074",
            Code::CardNotDrawn => "D080",
            Code::ImageNotFound => "D081",
            Code::ImageUnreadable => "D082",
            Code::ImageLimit => "D083",
            Code::ImageWithoutAlt => "D084",
            Code::AltWithoutImage => "D085",
            Code::BadGrade => "D090",
            Code::UnknownSource => "D091",
            Code::RetractedSupport => "D092",
            Code::SourceFile => "D093",
            Code::NoteWithoutRetraction => "D094",
            Code::DatedEntry => "D095",
            Code::DatedDate => "D096",
            Code::DatedOrder => "D097",
            Code::DatedOverlap => "D098",
            Code::VoiceNotAffiliated => "D099",
            Code::SameDayPositions => "D100",
            Code::QuoteAttribution => "D101",
            Code::UnmarkedChange => "D102",
            Code::UpdatedBeforeDate => "D103",
            Code::SourceAfterBriefing => "D104",
            Code::StaleTopic => "D105",
            Code::EstimativeLanguage => "D110",
            Code::JudgmentLimit => "D111",
            Code::MissingTranslation => "D120",
            Code::TranslationSyntax => "D121",
            Code::UnknownLanguage => "D122",
            Code::TranslationNotFound => "D123",
            Code::DuplicateTranslation => "D124",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 1-based line and column (columns in characters) in a file.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    pub span: Span,
    pub code: Code,
    pub message: String,
    /// How to fix it, when there is more to say than the message does.
    pub help: Option<String>,
    /// Edits that fix it, offered by editors as quick fixes (`dossier lsp`).
    pub fixes: Vec<Fix>,
    /// Other places the problem involves (the other side of a contradiction).
    pub notes: Vec<Note>,
}

/// A second place a diagnostic points at, with what is there.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    pub span: Span,
    pub message: String,
}

/// An edit that fixes a diagnostic, for an editor to offer as a quick fix.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fix {
    /// What the editor's menu says (`Replace with "Volodymyr Zelenskiy"`).
    pub title: String,
    pub edit: Edit,
}

/// The change a [`Fix`] makes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    /// Replaces the value or key at `at` (a quoted value with its quotes; to the end of its
    /// line when `to_line_end`) with `text`.
    Replace {
        at: Span,
        to_line_end: bool,
        text: String,
    },
    /// Inserts `text` at the start of the value at `at` (inside its quotes).
    Prefix { at: Span, text: String },
    /// Replaces where the link at `at` points with `text`: the name of a `[[kind:name#x|label]]`
    /// link (its prefix, fragment and label kept), the path of a `[label](path "title")`.
    LinkTarget { at: Span, text: String },
    /// Creates the file at `path` (relative to the site root) holding `text`.
    CreateFile { path: String, text: String },
}

impl Diagnostic {
    /// Adds a help line (`= help: …` when printed).
    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a quick fix.
    pub fn with_fix(&mut self, title: impl Into<String>, edit: Edit) -> &mut Self {
        self.fixes.push(Fix {
            title: title.into(),
            edit,
        });
        self
    }

    /// Adds a note pointing at another place the problem involves.
    pub fn with_note(
        &mut self,
        path: impl Into<String>,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Self {
        self.notes.push(Note {
            path: path.into(),
            span,
            message: message.into(),
        });
        self
    }

    /// `error`, `warning` or `hint`.
    pub fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

/// The contract line `path:line:col: severity: message`, for people: control characters
/// of the path and message are escaped (`\n`, `\u{1b}`), so that no file name or value
/// can drive the terminal or forge a line for another file.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        printable::write_escaped(f, &self.path)?;
        write!(
            f,
            ":{}:{}: {}: ",
            self.span.line,
            self.span.col,
            self.severity_word(),
        )?;
        printable::write_escaped(f, &self.message)
    }
}

/// The diagnostics of one run, in the order they were found until `sorted` is called.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves every position to the column the file shows, given where control characters
    /// were removed from the text they were found in (see `SourceFile::removed`).
    pub fn to_file_columns(&mut self, removed: &[(u32, u32)]) {
        for d in &mut self.items {
            d.span = crate::diagnostic::in_file(removed, d.span);
        }
    }

    /// Records a diagnostic made elsewhere (an incremental rebuild keeps some across runs).
    pub fn add(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Records an error of kind `code` at `span` of `path`; returns it to add a help.
    pub fn error(
        &mut self,
        code: Code,
        path: &str,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Error, code, path, span, message.into())
    }

    /// Records a hint of kind `code` at `span` of `path`; returns it to add a help.
    pub fn hint(
        &mut self,
        code: Code,
        path: &str,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Hint, code, path, span, message.into())
    }

    /// Records a warning of kind `code` at `span` of `path`; returns it to add a help.
    pub fn warning(
        &mut self,
        code: Code,
        path: &str,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Warning, code, path, span, message.into())
    }

    fn push(
        &mut self,
        severity: Severity,
        code: Code,
        path: &str,
        span: Span,
        message: String,
    ) -> &mut Diagnostic {
        self.items.push(Diagnostic {
            severity,
            path: path.to_string(),
            span,
            code,
            message,
            help: None,
            fixes: Vec::new(),
            notes: Vec::new(),
        });
        let last = self.items.len() - 1;
        &mut self.items[last]
    }

    /// Moves every diagnostic of `other` into this list.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Keeps only the diagnostics `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.items.retain(keep);
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
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
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
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

/// `span` of a cleaned text as an editor shows the file, given where characters were
/// removed (see [`SourceFile::removed`]).
pub fn in_file(removed: &[(u32, u32)], span: Span) -> Span {
    // `removed` is in file order: two binary searches keep a file with millions of removed
    // characters and thousands of diagnostics linear, not their product.
    let line_start = removed.partition_point(|&(l, _)| l < span.line);
    let upto = removed.partition_point(|&p| p <= (span.line, span.col));
    let before = upto.saturating_sub(line_start);
    Span::new(span.line, span.col + before as u32)
}

/// Maps byte offsets of a text to 1-based line and character columns.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last offset answered and its column (0-based): columns are counted on from it,
    /// so that many positions on one long line cost the line once, not once each.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new((0, 0)),
        }
    }

    /// The line and column of byte `offset`, with `first_line` added to lines.
    pub fn span(&self, offset: usize, first_line: u32) -> Span {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let end = self.starts.get(line + 1).copied().unwrap_or(usize::MAX);
        let (last, last_col) = self.last.get();
        let chars = |from: usize, to: usize| {
            self.text.get(from..to).map(|s| {
                #[cfg(test)]
                SCANNED.with(|n| n.set(n.get() + s.len() as u64));
                s.chars().count()
            })
        };
        let on_line = (start..end).contains(&last);
        let col = if on_line && last <= offset {
            chars(last, offset).map(|n| last_col + n)
        } else if on_line && last > offset && last - offset < offset - start {
            chars(offset, last).map(|n| last_col - n)
        } else {
            chars(start, offset)
        };
        let col = match col {
            Some(col) => {
                self.last.set((offset, col));
                col
            }
            None => 0,
        };
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

#[cfg(test)]
thread_local! {
    /// Bytes `LineIndex::span` has counted characters over, on this thread.
    static SCANNED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_of_many_links_on_one_line_cost_the_line_once() {
        // 20,000 links on one line: each column counted from the line start would scan
        // 20,000 × half the line.
        let line = "é [x](https://example.org/) ".repeat(20_000);
        let text = format!("first\n{line}\nlast\n");
        let index = LineIndex::new(&text);
        let starts: Vec<usize> = text.match_indices('[').map(|(i, _)| i).collect();
        SCANNED.with(|n| n.set(0));
        for (k, &at) in starts.iter().enumerate() {
            let span = index.span(at, 1);
            assert_eq!((span.line, span.col), (2, 3 + 28 * k as u32));
        }
        let scanned = SCANNED.with(std::cell::Cell::get);
        assert!(
            scanned <= 2 * text.len() as u64,
            "{scanned} bytes scanned for a {} byte text",
            text.len()
        );
        // Out of order, and on other lines, columns are still right.
        assert_eq!(index.span(starts[5], 1).col, 3 + 28 * 5);
        assert_eq!(index.span(text.len() - 2, 10).line, 12);
        assert_eq!(index.span(3, 1).col, 4);
    }

    #[test]
    fn every_code_is_documented_in_docs_errors_md() {
        let docs = include_str!("../docs/errors.md");
        // The codes the source can print are the string arms of `Code::as_str`.
        let src = include_str!("diagnostic.rs");
        let printed: Vec<&str> = src
            .match_indices("=> \"D")
            .map(|(i, _)| &src[i + 4..i + 8])
            .collect();
        let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(printed, all, "Code::ALL lists every code, in order");
        let numbers: Vec<u32> = all.iter().filter_map(|c| c[1..].parse().ok()).collect();
        assert_eq!(numbers.len(), all.len(), "codes are D and three digits");
        // Numbers are handed out in ranges to work on in parallel, so a range may be used
        // only in part: codes rise from D001, never reused or out of order.
        assert_eq!(numbers.first(), Some(&1), "codes start at D001: {all:?}");
        assert!(
            numbers.windows(2).all(|w| w[0] < w[1]),
            "codes rise in Code::ALL: {all:?}"
        );
        for code in &all {
            assert!(
                docs.contains(&format!("\n## {code}: ")),
                "{code} is not documented in docs/errors.md"
            );
        }
        let documented: Vec<&str> = docs
            .match_indices("\n## D")
            .map(|(i, _)| &docs[i + 4..i + 8])
            .collect();
        assert_eq!(documented, all, "docs/errors.md documents no other code");
    }

    #[test]
    fn help_is_kept_with_its_diagnostic() {
        let mut d = Diagnostics::new();
        d.warning(Code::Stub, "a.md", Span::new(2, 3), "m")
            .with_help("did you mean `x`?");
        let all = d.sorted();
        assert_eq!(all[0].help.as_deref(), Some("did you mean `x`?"));
        assert_eq!(all[0].to_string(), "a.md:2:3: warning: m");
    }

    #[test]
    fn the_contract_line_escapes_control_characters_of_path_and_message() {
        let mut d = Diagnostics::new();
        d.error(
            Code::Stub,
            "x\nb.md:1:1: error: forged\u{1b}[2J/a.md",
            Span::new(2, 3),
            "no actor `Eve\r\u{202e}\nc.md:9:9: error: forged`",
        );
        assert_eq!(
            d.sorted()[0].to_string(),
            "x\\nb.md:1:1: error: forged\\u{1b}[2J/a.md:2:3: error: no actor `Eve\\r\\u{202e}\\nc.md:9:9: error: forged`"
        );
    }
}
