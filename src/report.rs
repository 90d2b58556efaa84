//! Printing diagnostics: rustc-style for people (a window of the source line, caret, help,
//! code), JSON lines for editors, GitHub Actions annotations for CI. Each diagnostic is
//! written as soon as it is formatted, to a locked and buffered stream, so that output
//! grows with the number of problems and never waits in one string.

use crate::diagnostic::{Code, Diagnostic, Severity, Span};
use crate::printable;
use anstyle::{AnsiColor, Style};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use unicode_width::UnicodeWidthChar;

/// How diagnostics are printed.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line:col: severity: message`, then the source line, a caret and a help
    Human,
    /// One JSON object per diagnostic and line on stdout (file, line, col, severity, code, message, help)
    Json,
    /// GitHub Actions annotations on stdout (`::error file=…,line=…,col=…,title=D00x::message`)
    Github,
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();
const HELP: Style = AnsiColor::Cyan.on_default().bold();
const HINT: Style = AnsiColor::Green.on_default().bold();

/// Terminal columns of source shown under a diagnostic; a longer line is cut to a window
/// around the caret, with `…` at each cut end (docs/limits.md).
pub const EXCERPT_COLUMNS: usize = 120;
/// Columns kept before the caret when a long line is cut.
const CONTEXT_COLUMNS: usize = 40;
/// Times one source line is shown; later problems on it print without it (docs/limits.md).
pub const EXCERPTS_PER_LINE: usize = 3;
/// Problems of one code in one file printed for people; the rest are counted in one note
/// (docs/limits.md). JSON and GitHub formats list every problem.
pub const SHOWN_PER_CODE_AND_FILE: usize = 1000;
/// Characters after the caret searched for the end of the value it underlines.
const UNDERLINE_SCAN: usize = 1024;

/// Prints every diagnostic in `format`: human ones on stderr, machine ones on stdout.
/// `root` is where the files named by diagnostics are read from (for source lines) and,
/// for GitHub, the prefix of their paths.
pub fn print(diags: &[Diagnostic], format: Format, root: &Path) {
    let written = match format {
        Format::Human => {
            // anstream drops the colours when stderr is not a terminal or NO_COLOR is set.
            let mut w = BufWriter::new(anstream::stderr().lock());
            write_human(diags, root, &mut w).and_then(|()| w.flush())
        }
        Format::Json => {
            let mut w = BufWriter::new(io::stdout().lock());
            diags
                .iter()
                .try_for_each(|d| writeln!(w, "{}", json(d)))
                .and_then(|()| w.flush())
        }
        Format::Github => {
            let mut w = BufWriter::new(io::stdout().lock());
            diags
                .iter()
                .try_for_each(|d| writeln!(w, "{}", github(d, root)))
                .and_then(|()| w.flush())
        }
    };
    // A closed pipe (`dossier check | head`) ends the listing, not the command.
    let _ = written;
}

/// Prints hints for people on stdout, with the run's summary: they are advice, not
/// problems, and stderr keeps the contract's errors and warnings alone.
pub fn print_hints(hints: &[Diagnostic], root: &Path) {
    let mut w = BufWriter::new(anstream::stdout().lock());
    let _ = write_human(hints, root, &mut w).and_then(|()| w.flush());
}

/// Writes `diags` (sorted by path and position) for people: each problem's contract line,
/// a window of its source line the first [`EXCERPTS_PER_LINE`] times that line comes up,
/// its help and code; after [`SHOWN_PER_CODE_AND_FILE`] problems of one code in a file,
/// one note for the rest.
fn write_human(diags: &[Diagnostic], root: &Path, w: &mut impl Write) -> io::Result<()> {
    human_blocks(diags, root, |block| w.write_all(block))
}

/// Formats `diags` as [`write_human`] prints them and hands each diagnostic's block (its
/// lines, with colour codes, and the notes after it) to `emit`, one at a time.
fn human_blocks(
    diags: &[Diagnostic],
    root: &Path,
    mut emit: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut block = Vec::new();
    let w = &mut block;
    let mut totals: HashMap<(&str, Code), usize> = HashMap::new();
    for d in diags {
        *totals.entry((d.path.as_str(), d.code)).or_default() += 1;
    }
    let mut printed: HashMap<(&str, Code), usize> = HashMap::new();
    let mut sources = Sources::default();
    // (path, line) of the last excerpt and how many times that line was shown.
    let mut line_shown: Option<(&str, u32, usize)> = None;
    for (i, d) in diags.iter().enumerate() {
        let n = printed.entry((d.path.as_str(), d.code)).or_default();
        *n += 1;
        if *n > SHOWN_PER_CODE_AND_FILE {
            continue;
        }
        w.clear();
        let times = match line_shown {
            Some((p, l, t)) if p == d.path && l == d.span.line => t,
            _ => 0,
        };
        let mut excerpt = None;
        let mut more_on_line = 0;
        if times < EXCERPTS_PER_LINE
            && let Some(line) = sources.line(root, &d.path, d.span)
        {
            excerpt = Some(Excerpt::new(line, (d.span.col as usize).saturating_sub(1)));
            line_shown = Some((d.path.as_str(), d.span.line, times + 1));
            if times + 1 == EXCERPTS_PER_LINE {
                more_on_line = diags[i + 1..]
                    .iter()
                    .take_while(|o| o.path == d.path && o.span.line == d.span.line)
                    .count();
            }
        }
        human(d, excerpt.as_ref(), w)?;
        let pad = " ".repeat(d.span.line.to_string().len() + 2);
        if more_on_line > 0 {
            let s = if more_on_line == 1 { "" } else { "s" };
            writeln!(
                w,
                "{pad}= note: {more_on_line} more problem{s} on this line"
            )?;
        }
        if *n == SHOWN_PER_CODE_AND_FILE {
            let rest = totals[&(d.path.as_str(), d.code)] - SHOWN_PER_CODE_AND_FILE;
            if rest > 0 {
                writeln!(w, "{pad}= note: {}", not_shown(rest, d))?;
            }
        }
        emit(w)?;
    }
    Ok(())
}

/// The note after the last problem of a code shown for a file.
fn not_shown(rest: usize, d: &Diagnostic) -> String {
    format!(
        "{rest} more {} problem{} in {} {} not shown (`--format json` lists every one)",
        d.code,
        if rest == 1 { "" } else { "s" },
        printable::escape(&d.path),
        if rest == 1 { "is" } else { "are" },
    )
}

/// The errors among `diags` (sorted) as the terminal shows them, one block each (the
/// contract line, the source line with its caret, the help and the code; no colour), for
/// the `serve` overlay. As many of one code per file as the terminal shows, the last
/// with a note counting the rest, so that the overlay added to every page stays small.
pub fn error_blocks(diags: &[Diagnostic], root: &Path) -> Vec<String> {
    let errors: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    let mut blocks = Vec::new();
    // Writing into memory cannot fail.
    let _ = human_blocks(&errors, root, |block| {
        let plain = anstream::adapter::strip_bytes(block).into_vec();
        blocks.push(String::from_utf8_lossy(&plain).trim_end().to_string());
        Ok(())
    });
    blocks
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
            self.lines = excerpt_source(&root.join(path))
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

/// What a source character looks like under a diagnostic, and its width in terminal
/// columns: a tab as one space (so that the caret stays under its character), control and
/// bidirectional characters as escapes, wide (CJK) characters two columns.
fn cell(c: char) -> (std::borrow::Cow<'static, str>, usize) {
    if c == '\t' {
        return (" ".into(), 1);
    }
    match printable::escape_char(c) {
        Some(e) => {
            let w = e.len();
            (e, w)
        }
        None => (c.to_string().into(), c.width().unwrap_or(0)),
    }
}

fn columns(s: &str) -> usize {
    s.chars().map(|c| cell(c).1).sum()
}

/// The part of a source line shown under a diagnostic: at most [`EXCERPT_COLUMNS`] columns
/// around the caret, escaped, and where the caret goes in it.
#[derive(Debug, PartialEq, Eq)]
struct Excerpt {
    text: String,
    /// Columns before the first caret.
    before: usize,
    /// Carets under the offending value (at least one).
    carets: usize,
}

impl Excerpt {
    /// The window of `line` around character `col` (0-based).
    fn new(line: &str, col: usize) -> Excerpt {
        // A column past the end of the line (a value missing at its end) puts the caret
        // after the last character; the gap is bounded like the rest of the window.
        let (at, gap) = match line.char_indices().nth(col) {
            Some((i, _)) => (i, 0),
            None => (
                line.len(),
                col.saturating_sub(line.chars().count())
                    .min(CONTEXT_COLUMNS),
            ),
        };
        let rest = &line[at..];
        let scan = rest
            .char_indices()
            .nth(UNDERLINE_SCAN)
            .map_or(rest, |(i, _)| &rest[..i]);
        let underlined = if gap > 0 { 0 } else { underline_width(scan, 0) };
        // Columns right of the caret, counted only as far as a window can show.
        let mut right = 0;
        for c in rest.chars() {
            right += cell(c).1;
            if right > EXCERPT_COLUMNS {
                break;
            }
        }
        let left_budget = if right + gap > EXCERPT_COLUMNS - CONTEXT_COLUMNS {
            CONTEXT_COLUMNS
        } else {
            EXCERPT_COLUMNS - right - gap
        };
        let (mut start, mut left) = (at, 0);
        for (i, c) in line[..at].char_indices().rev() {
            let w = cell(c).1;
            if left + w > left_budget {
                break;
            }
            left += w;
            start = i;
        }
        let right_budget = EXCERPT_COLUMNS.saturating_sub(left + gap);
        let (mut end, mut used, mut carets) = (at, 0, 0);
        for (n, (i, c)) in rest.char_indices().enumerate() {
            let w = cell(c).1;
            if used + w > right_budget {
                break;
            }
            used += w;
            end = at + i + c.len_utf8();
            if n < underlined {
                carets += w;
            }
        }
        let cut_left = start > 0;
        let cut_right = end < line.len();
        let mut text = String::new();
        if cut_left {
            text.push('…');
        }
        for c in line[start..end].chars() {
            text.push_str(&cell(c).0);
        }
        if cut_right {
            text.push('…');
        }
        Excerpt {
            before: usize::from(cut_left) + columns(&line[start..at]) + gap,
            carets: carets.max(1),
            text,
        }
    }
}

/// The first line exactly as the contract has it (control characters escaped), never
/// coloured (tools read it even from a terminal), then indented lines (rustc's layout)
/// that no parser of `path:line:col:` lines can mistake for a diagnostic.
fn human(d: &Diagnostic, excerpt: Option<&Excerpt>, out: &mut impl Write) -> io::Result<()> {
    let style = match d.severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
        Severity::Hint => HINT,
    };
    writeln!(out, "{d}")?;
    let number = d.span.line.to_string();
    let pad = " ".repeat(number.len() + 2);
    if let Some(e) = excerpt {
        writeln!(out, "{GUTTER}{pad}|{GUTTER:#}")?;
        writeln!(out, "{GUTTER} {number} |{GUTTER:#} {}", e.text)?;
        writeln!(
            out,
            "{GUTTER}{pad}|{GUTTER:#} {}{style}{}{style:#}",
            " ".repeat(e.before),
            "^".repeat(e.carets)
        )?;
    }
    for note in &d.notes {
        writeln!(
            out,
            "{pad}{HELP}= note{HELP:#}: {}:{}:{}: {}",
            printable::escape(&note.path),
            note.span.line,
            note.span.col,
            printable::escape(&note.message)
        )?;
    }
    if let Some(help) = &d.help {
        writeln!(
            out,
            "{pad}{HELP}= help{HELP:#}: {}",
            printable::escape(help)
        )?;
    }
    writeln!(out, "{pad}= code: {} (dossier explain {})", d.code, d.code)
}

/// How many characters from `col` (0-based) the caret underlines: a `[[wiki]]` or
/// `[text](link)` link, a quoted value, or a plain value or key up to the next YAML
/// separator. Editors get the same ranges (`dossier lsp`).
pub fn underline_width(line: &str, col: usize) -> usize {
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
        // A key alone on its line (`stances:`) ends before its colon.
        let token = s[..end].trim_end();
        token.strip_suffix(':').unwrap_or(token).chars().count()
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
    /// The other places the problem involves.
    notes: Vec<JsonNote<'a>>,
}

#[derive(Serialize)]
struct JsonNote<'a> {
    file: &'a str,
    line: u32,
    col: u32,
    message: &'a str,
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
        notes: (d.notes.iter())
            .map(|n| JsonNote {
                file: &n.path,
                line: n.span.line,
                col: n.span.col,
                message: &n.message,
            })
            .collect(),
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
    for n in &d.notes {
        let at = format!("\nnote: {}:{}:{}: ", n.path, n.span.line, n.span.col);
        message.push_str(&at);
        message.push_str(&n.message);
    }
    if let Some(h) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    // GitHub's annotation levels: a hint is a notice.
    let level = match d.severity {
        Severity::Hint => "notice",
        _ => d.severity_word(),
    };
    format!(
        "::{} file={},line={},col={},title={}::{}",
        level,
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

/// The bytes of a file to quote from: a regular file within the size limit only, so that a
/// file swapped for a device or a huge file after the build cannot stall the report.
fn excerpt_source(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() || meta.len() > crate::source::MAX_FILE_BYTES {
        return Err(std::io::Error::other("not a file within the size limit"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(crate::source::MAX_FILE_BYTES)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
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
            fixes: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn human_output_keeps_the_contract_line_first_and_indents_the_rest() {
        let mut out = Vec::new();
        human(
            &diag(Some("did you mean `Zelenskyy`?")),
            Some(&Excerpt::new("actors: [Zelenskky, Trump]", 9)),
            &mut out,
        )
        .unwrap();
        let plain = anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string();
        assert_eq!(
            plain,
            "content/a.md:3:10: warning: no actor profile matches `Zelenskky`\n   |\n 3 | actors: [Zelenskky, Trump]\n   |          ^^^^^^^^^\n   = help: did you mean `Zelenskyy`?\n   = code: D015 (dossier explain D015)\n"
        );
    }

    #[test]
    fn long_lines_show_a_window_around_the_caret() {
        let line = format!("{}[[Ghost]]{}", "a".repeat(300), "b".repeat(300));
        let e = Excerpt::new(&line, 300);
        let ctx = "a".repeat(CONTEXT_COLUMNS);
        let after = "b".repeat(EXCERPT_COLUMNS - CONTEXT_COLUMNS - 9);
        assert_eq!(e.text, format!("…{ctx}[[Ghost]]{after}…"));
        assert_eq!((e.before, e.carets), (1 + CONTEXT_COLUMNS, 9));
        // Near the end of the line, the window takes more of what comes before.
        let e = Excerpt::new(&line[..309], 300);
        let before = "a".repeat(EXCERPT_COLUMNS - 9);
        assert_eq!(e.text, format!("…{before}[[Ghost]]"));
        assert_eq!((e.before, e.carets), (EXCERPT_COLUMNS - 8, 9));
        // Near its start, the window starts with it.
        let e = Excerpt::new(&line[300..], 0);
        assert_eq!(e.text.chars().count(), EXCERPT_COLUMNS + 1);
        assert!(e.text.starts_with("[[Ghost]]b") && e.text.ends_with("b…"));
        assert_eq!((e.before, e.carets), (0, 9));
    }

    #[test]
    fn short_lines_show_whole_with_escapes_wide_characters_and_tabs() {
        let e = Excerpt::new("short", 9);
        assert_eq!((e.text.as_str(), e.before, e.carets), ("short", 9, 1));
        let e = Excerpt::new("\tx: 中文 \u{1b}[2J [[Ghost]]", 12);
        assert_eq!(e.text, " x: 中文 \\u{1b}[2J [[Ghost]]");
        assert_eq!((e.before, e.carets), (19, 9));
        // A caret on an escaped character covers its escape.
        let e = Excerpt::new("a\u{202e}b", 1);
        assert_eq!((e.text.as_str(), e.before), ("a\\u{202e}b", 1));
        assert!(e.carets >= 8, "{e:?}");
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
