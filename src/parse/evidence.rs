//! What a source says of its own worth, in a briefing's `sources:` or a file of
//! `content/sources/`: its grade as written and its retraction; and the files of
//! `content/sources/` themselves.

use super::{Fields, REGISTRY_KEYS, file_stem};
use crate::diagnostic::{Code, Span};
use crate::model::{RegistrySource, Retraction, Slug, WrittenGrade};
use crate::source::SourceFile;

/// The longest source id: a file name, not a sentence.
pub const MAX_ID_CHARS: usize = 100;

/// The folder of `content/` whose files are sources, not briefings.
pub const SOURCES_DIR: &str = "sources";

/// Whether a plain-text entry of `sources:` reads as the id of a source file
/// (`reuters-2025-11-20`): lowercase letters, digits and `-` only, starting with a letter
/// or digit. Titles (spaces, capitals) and addresses (`:`, `/`, `.`) never do.
pub fn is_source_id(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= MAX_ID_CHARS
        && t.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether a file at `content_path` (relative to `content/`) is a source of the registry.
pub fn is_registry_path(content_path: &str) -> bool {
    content_path
        .split_once('/')
        .is_some_and(|(dir, _)| dir == SOURCES_DIR)
}

impl Fields<'_> {
    /// `reliability:`, `credibility:`, `retracted:` and `retraction_note:`. Grades are
    /// checked against the site's scale once it is known (`evidence::apply`).
    pub(super) fn grading(&mut self) -> (WrittenGrade, Option<Retraction>) {
        let written = WrittenGrade {
            reliability: self
                .text("reliability")
                .filter(|t| !t.value.trim().is_empty()),
            credibility: self
                .text("credibility")
                .filter(|t| !t.value.trim().is_empty()),
        };
        let retracted = self.when("retracted");
        let note = self
            .text("retraction_note")
            .filter(|n| !n.value.trim().is_empty());
        if let (None, Some(n)) = (&retracted, &note)
            && self.get("retracted").is_none()
            && !self.slipped("retracted")
        {
            self.diags.warning(
                Code::NoteWithoutRetraction,
                self.path,
                n.span,
                "`retraction_note:` without `retracted:`: the source is not marked retracted; add `retracted: YYYY-MM-DD`",
            );
        }
        let retracted = retracted.map(|w| Retraction {
            date: w.date,
            note: note.map(|n| n.value.trim().to_string()),
        });
        (written, retracted)
    }

    /// A file of `content/sources/`: a source defined once, cited by its id.
    pub(super) fn registry_source(
        &mut self,
        file: &SourceFile,
        body: &str,
    ) -> Option<RegistrySource> {
        self.warn_unknown(REGISTRY_KEYS, "source file");
        let stem = file_stem(&file.content_path);
        let Some(id) = Slug::new(stem).filter(|s| is_source_id(s.as_str()) && s.as_str() == stem)
        else {
            self.error(
                Code::SourceFile,
                Span::FILE,
                format!(
                    "source file name `{stem}` is not an id: use lowercase letters, digits and `-` (at most {MAX_ID_CHARS} characters), as briefings cite it"
                ),
            );
            return None;
        };
        let source = self.source_fields(Span::FILE, false);
        Some(RegistrySource {
            path: file.path.clone(),
            id,
            source,
            description: body.trim().to_string(),
        })
    }
}
