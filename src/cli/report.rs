//! Printing diagnostics: rustc-style for people (source line, caret, help, code), JSON
//! lines for editors, GitHub Actions annotations for CI.

use super::Format;
use crate::diagnostic::{Diagnostic, Severity, Span};
use anstyle::{AnsiColor, Style};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();
const HELP: Style = AnsiColor::Cyan.on_default().bold();

/// Prints every diagnostic in `format`: human ones on stderr, machine ones on stdout.
/// `root` is where the files named by diagnostics are read from (for source lines) and,
/// for GitHub, the prefix of their paths.
pub fn print(diags: &[Diagnostic], format: Format, root: &Path) {
    match format {
        Format::Human => {
            let mut text = String::new();
            let mut sources = Sources::default();
            for d in diags {
                human(d, sources.line(root, &d.path, d.span), &mut text);
            }
            // anstream drops the colours when stderr is not a terminal or NO_COLOR is set.
            let _ = anstream::stderr().write_all(text.as_bytes());
        }
        Format::Json => {
            let mut out = String::new();
            for d in diags {
                out.push_str(&json(d));
                out.push('\n');
            }
            let _ = std::io::stdout().write_all(out.as_bytes());
        }
        Format::Github => {
            let mut out = String::new();
            for d in diags {
                out.push_str(&github(d, root));
                out.push('\n');
            }
            let _ = std::io::stdout().write_all(out.as_bytes());
        }
    }
}

/// The lines of the last file read, since diagnostics come sorted by path.
#[derive(Default)]
struct Sources {
    path: String,
    lines: Vec<String>,
}

impl Sources {
    /// Line `span.line` of `path`, or `None` for whole-file problems and unreadable files.
    fn line(&mut self, root: &Path, path: &str, span: Span) -> Option<&str> {
        if span == Span::FILE {
            return None;
        }
        if self.path != path {
            self.path = path.to_string();
            // Lossy: a file that is not UTF-8 still shows the line up to the bad byte.
            self.lines = std::fs::read(root.join(path))
                .map(|b| {
                    // Columns are counted without the BOM, as the pipeline reads the file.
                    String::from_utf8_lossy(&b)
                        .trim_start_matches('\u{feff}')
                        .lines()
                        .map(|l| l.trim_end_matches('\r').to_string())
                        .collect()
                })
                .unwrap_or_default();
        }
        self.lines
            .get((span.line as usize).checked_sub(1)?)
            .map(String::as_str)
    }
}

/// The first line exactly as the contract has it, never coloured (tools read it even from
/// a terminal), then indented lines (rustc's layout) that no parser of `path:line:col:`
/// lines can mistake for a diagnostic.
fn human(d: &Diagnostic, source: Option<&str>, out: &mut String) {
    let style = match d.severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
    };
    out.push_str(&format!("{d}\n"));
    let number = d.span.line.to_string();
    let pad = " ".repeat(number.len() + 2);
    if let Some(line) = source {
        // Tabs shown as one space keep the caret under its character.
        let shown: String = line
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let col = (d.span.col as usize).saturating_sub(1);
        let width = underline_width(&shown, col);
        out.push_str(&format!("{GUTTER}{pad}|{GUTTER:#}\n"));
        out.push_str(&format!("{GUTTER} {number} |{GUTTER:#} {shown}\n"));
        out.push_str(&format!(
            "{GUTTER}{pad}|{GUTTER:#} {}{style}{}{style:#}\n",
            " ".repeat(col),
            "^".repeat(width)
        ));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("{pad}{HELP}= help{HELP:#}: {help}\n"));
    }
    out.push_str(&format!(
        "{pad}= code: {} (dossier explain {})\n",
        d.code, d.code
    ));
}

/// How many characters from `col` the caret underlines: a `[[wiki]]` or `[text](link)`
/// link, a quoted value, or a plain value up to the next YAML separator.
fn underline_width(line: &str, col: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(col).collect();
    if rest.is_empty() {
        return 1;
    }
    let until = |end: &str| {
        let s: String = rest.iter().collect();
        s.find(end)
            .map(|i| s[..i].chars().count() + end.chars().count())
    };
    let n = match rest[0] {
        // A byte that is not UTF-8, shown as U+FFFD.
        '\u{fffd}' => Some(1),
        '[' if rest.get(1) == Some(&'[') => until("]]"),
        // A Markdown link `[text](dest)`, or a YAML flow list `[a, b]`.
        '[' => until("](").and(until(")")).or_else(|| until("]")),
        q @ ('"' | '\'') => rest.iter().skip(1).position(|&c| c == q).map(|i| i + 2),
        _ => None,
    };
    n.unwrap_or_else(|| {
        let s: String = rest.iter().collect();
        let end = [", ", ",", "]", "}", ": ", " #"]
            .iter()
            .filter_map(|sep| s.find(sep))
            .min()
            .unwrap_or(s.len());
        s[..end].trim_end().chars().count()
    })
    .max(1)
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    line: u32,
    col: u32,
    severity: &'a str,
    code: &'a str,
    message: &'a str,
    help: Option<&'a str>,
}

/// One diagnostic as a JSON object on one line.
fn json(d: &Diagnostic) -> String {
    let j = JsonDiagnostic {
        file: &d.path,
        line: d.span.line,
        col: d.span.col,
        severity: d.severity_word(),
        code: d.code.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
    };
    serde_json::to_string(&j).unwrap_or_default()
}

/// One diagnostic as a GitHub Actions workflow command. The file is the path from the
/// folder the command runs in (the repository root in a workflow), so `--root site`
/// gives `site/content/…`.
fn github(d: &Diagnostic, root: &Path) -> String {
    let file = root.join(&d.path).to_string_lossy().replace('\\', "/");
    let file = file.strip_prefix("./").unwrap_or(&file);
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    format!(
        "::{} file={},line={},col={},title={}::{}",
        d.severity_word(),
        property(file),
        d.span.line,
        d.span.col,
        d.code,
        data(&message)
    )
}

/// Escapes a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    fn diag(help: Option<&str>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            path: "content/a.md".into(),
            span: Span::new(3, 10),
            code: Code::Stub,
            message: "no actor profile matches `Zelenskky`".into(),
            help: help.map(str::to_string),
        }
    }

    #[test]
    fn human_output_keeps_the_contract_line_first_and_indents_the_rest() {
        let mut out = String::new();
        human(
            &diag(Some("did you mean `Zelenskyy`?")),
            Some("actors: [Zelenskky, Trump]"),
            &mut out,
        );
        let plain = anstream::adapter::strip_str(&out).to_string();
        assert_eq!(
            plain,
            "content/a.md:3:10: warning: no actor profile matches `Zelenskky`\n   |\n 3 | actors: [Zelenskky, Trump]\n   |          ^^^^^^^^^\n   = help: did you mean `Zelenskyy`?\n   = code: D015 (dossier explain D015)\n"
        );
    }

    #[test]
    fn carets_cover_the_offending_value() {
        assert_eq!(underline_width("x: [[Ghost]] here", 3), 9);
        assert_eq!(underline_width("see [a](b.md) now", 4), 9);
        assert_eq!(underline_width("title: [a, b] # c", 7), 6);
        assert_eq!(underline_width("title: \"a, b\"", 7), 6);
        assert_eq!(underline_width("titel: Hello", 0), 5);
        assert_eq!(underline_width("short", 9), 1);
    }

    #[test]
    fn github_annotations_escape_their_fields() {
        let mut d = diag(Some("did you mean `Zelenskyy`?"));
        d.path = "content/a,b.md".into();
        assert_eq!(
            github(&d, Path::new(".")),
            "::warning file=content/a%2Cb.md,line=3,col=10,title=D015::no actor profile matches `Zelenskky`%0Ahelp: did you mean `Zelenskyy`?"
        );
        assert_eq!(
            github(&d, Path::new("site")).split(',').next(),
            Some("::warning file=site/content/a%2Cb.md")
        );
    }

    #[test]
    fn json_has_every_field_and_null_help() {
        let v: serde_json::Value = serde_json::from_str(&json(&diag(None))).unwrap();
        assert_eq!(v["file"], "content/a.md");
        assert_eq!(v["line"], 3);
        assert_eq!(v["col"], 10);
        assert_eq!(v["severity"], "warning");
        assert_eq!(v["code"], "D015");
        assert!(v["help"].is_null());
    }
}
