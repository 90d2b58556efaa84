//! Between Dossier's positions (1-based lines, columns in characters, paths relative to the
//! site root) and the protocol's (0-based lines, columns in UTF-16 code units, `file:` URIs).

use crate::diagnostic::{Diagnostic, Severity, Span};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range,
    Uri,
};
use std::path::Path;
use std::str::FromStr;

/// The `file:` URI of `rel` (a path relative to `root`).
pub fn uri_of(root: &Path, rel: &str) -> Option<Uri> {
    let url = url::Url::from_file_path(root.join(rel)).ok()?;
    Uri::from_str(url.as_str()).ok()
}

/// The path relative to `root` (`/`-separated) of a `file:` URI inside it.
pub fn rel_of(root: &Path, uri: &Uri) -> Option<String> {
    let path = url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()?;
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// The text of 0-based line `n` of `text`, without its line break.
pub fn line_of(text: &str, n: u32) -> &str {
    text.split('\n')
        .nth(n as usize)
        .map_or("", |l| l.strip_suffix('\r').unwrap_or(l))
}

/// The UTF-16 column of the character column `chars` (0-based) of `line`.
pub fn utf16_col(line: &str, chars: usize) -> u32 {
    line.chars().take(chars).map(char::len_utf16).sum::<usize>() as u32
}

/// The character column (0-based) of the UTF-16 column `col` of `line`.
pub fn char_col(line: &str, col: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in line.chars().enumerate() {
        if units >= col {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    line.chars().count()
}

/// The range a diagnostic at `span` underlines: the value, key or link there, as
/// `dossier check` underlines it.
pub fn token_range(text: &str, span: Span) -> Range {
    let line_no = span.line.saturating_sub(1);
    let line = line_of(text, line_no);
    let col = span.col.saturating_sub(1) as usize;
    let width = crate::report::underline_width(line, col);
    Range::new(
        Position::new(line_no, utf16_col(line, col)),
        Position::new(line_no, utf16_col(line, col + width)),
    )
}

/// The range from `span` to the end of its line, trailing spaces left out.
pub fn to_line_end(text: &str, span: Span) -> Range {
    let line_no = span.line.saturating_sub(1);
    let line = line_of(text, line_no);
    let col = span.col.saturating_sub(1) as usize;
    let end = line.trim_end().chars().count().max(col);
    Range::new(
        Position::new(line_no, utf16_col(line, col)),
        Position::new(line_no, utf16_col(line, end)),
    )
}

/// The protocol diagnostic of `d`, in the file whose text is `text` at `uri`: its code,
/// its range, and its notes (the other places it involves, in files under `root` whose text
/// `text_of` gives) and help as related information.
pub fn diagnostic(
    d: &Diagnostic,
    text: &str,
    uri: &Uri,
    root: &Path,
    text_of: &dyn Fn(&str) -> Option<String>,
) -> lsp_types::Diagnostic {
    let range = token_range(text, d.span);
    let mut related: Vec<DiagnosticRelatedInformation> = (d.notes.iter())
        .filter_map(|n| {
            let (note_uri, note_range) = if n.path == d.path {
                (uri.clone(), token_range(text, n.span))
            } else {
                let other = text_of(&n.path).unwrap_or_default();
                (uri_of(root, &n.path)?, token_range(&other, n.span))
            };
            Some(DiagnosticRelatedInformation {
                location: Location::new(note_uri, note_range),
                message: n.message.clone(),
            })
        })
        .collect();
    related.extend(d.help.as_ref().map(|h| DiagnosticRelatedInformation {
        location: Location::new(uri.clone(), range),
        message: format!("help: {h}"),
    }));
    let related = (!related.is_empty()).then_some(related);
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Hint => DiagnosticSeverity::HINT,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        code_description: None,
        source: Some("dossier".to_string()),
        message: d.message.clone(),
        related_information: related,
        tags: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_both_ways() {
        let line = "actors: [Zelenskyy, 𝔸b]";
        assert_eq!(utf16_col(line, 20), 20);
        assert_eq!(utf16_col(line, 21), 22);
        assert_eq!(char_col(line, 22), 21);
        assert_eq!(char_col(line, 99), line.chars().count());
    }

    #[test]
    fn token_ranges_cover_the_value_check_underlines() {
        let text = "---\nactors: [Zelenskky, Trump]\n";
        let r = token_range(text, Span::new(2, 10));
        assert_eq!((r.start.line, r.start.character), (1, 9));
        assert_eq!(r.end.character, 18);
        let r = token_range("stances:\n", Span::new(1, 1));
        assert_eq!(r.end.character, 7);
    }

    #[test]
    fn paths_and_uris_round_trip_with_spaces_and_accents() {
        let root = Path::new("/tmp/my desk");
        let uri = uri_of(root, "content/briefings/été 1.md").unwrap();
        assert!(
            uri.as_str().starts_with("file:///tmp/my%20desk/"),
            "{uri:?}"
        );
        assert_eq!(
            rel_of(root, &uri).as_deref(),
            Some("content/briefings/été 1.md")
        );
        let outside = uri_of(Path::new("/tmp"), "x.md").unwrap();
        assert_eq!(rel_of(root, &outside), None);
    }
}
