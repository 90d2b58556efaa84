//! YAML syntax errors in plain words, each with the fix for the line it points at.
//!
//! libyaml's own wording ("mapping values are not allowed in this context") names the
//! parser's states, not the writer's mistake. The few mistakes writers make — a `: ` or a
//! quote inside an unquoted value, a list never closed, a tab — are recognized from the
//! problem and the line, and explained; anything else gets a general hint. No message
//! quotes the parser.

use super::events::{Mark, Syntax};
use super::tree::{FrontMatterError, err};
use crate::diagnostic::Code;

/// The error for a libyaml syntax error in `yaml` (whose first line is file line
/// `first_line`).
pub(super) fn explain(yaml: &str, first_line: u32, s: &Syntax) -> FrontMatterError {
    let at = |m: Mark| (first_line + m.line as u32, m.column as u32 + 1);
    let line_of = |m: Mark| yaml.split('\n').nth(m.line).unwrap_or("");
    let context = s.context.as_ref().map(|(c, m)| (c.as_str(), *m));
    let problem = s.problem.as_str();
    let here = line_of(s.at);
    // Every message starts as D005's always have, so a reader (and the overlay of `serve`)
    // knows the kind of problem at a glance.
    let fail = |m: Mark, message: String, help: String| {
        let (line, col) = at(m);
        err(
            Code::InvalidYaml,
            line,
            col,
            format!("invalid YAML: {message}"),
        )
        .with_help(help)
    };
    // An unclosed `[` or `{`: libyaml notices only at the next line, where the list
    // would have to go on; the line that opened it is the one to fix.
    if let Some((c, open)) = context
        && (c.contains("flow sequence") || c.contains("flow mapping"))
        && problem.starts_with("did not find expected ',' or")
    {
        let (bracket, close) = if c.contains("sequence") {
            ('[', ']')
        } else {
            ('{', '}')
        };
        let opened = line_of(open).trim_end();
        let fixed = if opened.contains(close) {
            format!("close it with `{close}`")
        } else {
            format!("close it on the same line: {opened}{close}")
        };
        let what = if bracket == '[' { "list" } else { "mapping" };
        return fail(
            open,
            format!("the {what} opened with `{bracket}` here is never closed"),
            fixed,
        );
    }
    if let Some((c, open)) = context
        && c.contains("quoted scalar")
        && problem.contains("end of stream")
    {
        let quote = line_of(open)[..].chars().nth(open.column).unwrap_or('"');
        return fail(
            open,
            format!("the quote `{quote}` opened here is never closed"),
            format!("end the value with a matching `{quote}` on the same line"),
        );
    }
    let entry = Entry::read(here);
    if problem.starts_with("mapping values are not allowed")
        && let Some(e) = entry.filter(|e| s.at.index > e.value_at(yaml, s.at))
    {
        return fail(
            s.at,
            format!(
                "`: ` inside the value of `{}` starts another key: YAML allows one per line",
                e.key
            ),
            format!("quote the value: {}: {}", e.key, quoted(e.value)),
        );
    }
    if problem.starts_with("did not find expected key")
        && let Some(e) = entry.filter(|e| e.value.starts_with(['"', '\'']))
        && let Some(close) = e.value[1..].find(e.value[..1].chars().next().unwrap_or('"'))
        && !e.value[close + 2..].trim().is_empty()
    {
        return fail(
            s.at,
            format!(
                "the value of `{}` ends at its closing quote: `{}` after it is not YAML",
                e.key,
                e.value[close + 2..].trim()
            ),
            format!("quote the whole value: {}: {}", e.key, quoted(e.value)),
        );
    }
    let in_line = s.at.index.saturating_sub(line_start(yaml, s.at));
    if problem.contains("tab") || here.get(in_line..).is_some_and(|r| r.starts_with('\t')) {
        return fail(
            s.at,
            "a tab where YAML expects spaces".to_string(),
            "replace the tab with spaces".to_string(),
        );
    }
    if problem.contains("cannot start any token")
        && let Some(e) = entry
    {
        let first = e.value.chars().next().unwrap_or('@');
        return fail(
            s.at,
            format!("a value cannot start with \"{first}\" unless it is quoted"),
            format!("quote the value: {}: {}", e.key, quoted(e.value)),
        );
    }
    fail(
        s.at,
        "this line cannot be read".to_string(),
        "check the quotes, brackets and indentation here; a value holding `: ` or ` #`, or starting with a quote, `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or `%`, needs quotes around all of it".to_string(),
    )
}

/// The byte offset where the line holding `m` starts.
fn line_start(yaml: &str, m: Mark) -> usize {
    yaml.get(..m.index.min(yaml.len()))
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// One `key: value` line (after its indentation and an optional `- `).
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    key: &'a str,
    value: &'a str,
    /// Byte offset of the value in its line.
    value_col: usize,
}

impl<'a> Entry<'a> {
    fn read(line: &'a str) -> Option<Entry<'a>> {
        let body = line.trim_start_matches(' ');
        let body = body.strip_prefix("- ").unwrap_or(body);
        let (key, _) = body.split_once(": ")?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        {
            return None;
        }
        let key_at = line.len() - body.len();
        let value_raw = &body[key.len() + 2..];
        let value = value_raw.trim();
        if value.is_empty() {
            return None;
        }
        let value_col = key_at + key.len() + 2 + (value_raw.len() - value_raw.trim_start().len());
        Some(Entry {
            key,
            value,
            value_col,
        })
    }

    /// The byte offset in `yaml` of the value, on the line of `m`.
    fn value_at(&self, yaml: &str, m: Mark) -> usize {
        line_start(yaml, m) + self.value_col
    }
}

/// `value` in quotes YAML reads back as the same text: double quotes, or single quotes when
/// the value holds a `"` or a `\`, or double quotes with escapes when it holds both kinds.
pub(crate) fn quoted(value: &str) -> String {
    if !value.contains(['"', '\\']) {
        format!("\"{value}\"")
    } else if !value.contains('\'') {
        format!("'{value}'")
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    fn first(yaml: &str) -> (u32, u32, String, String) {
        let e = parse(yaml, 2).unwrap_err();
        (
            e.span.line,
            e.span.col,
            e.message,
            e.help.unwrap_or_default(),
        )
    }

    #[test]
    fn a_colon_in_a_value_says_to_quote_it() {
        let (line, col, msg, help) = first("date: 2026-11-20\ntitle: Habeck: Berlin resists\n");
        assert_eq!((line, col), (3, 14));
        assert_eq!(
            msg,
            "invalid YAML: `: ` inside the value of `title` starts another key: YAML allows one per line"
        );
        assert_eq!(help, "quote the value: title: \"Habeck: Berlin resists\"");
    }

    #[test]
    fn text_after_a_closing_quote_says_to_quote_the_whole() {
        let (line, _, msg, help) = first("title: \"Habeck\" says no\n");
        assert_eq!(line, 2);
        assert_eq!(
            msg,
            "invalid YAML: the value of `title` ends at its closing quote: `says no` after it is not YAML"
        );
        assert_eq!(help, "quote the whole value: title: '\"Habeck\" says no'");
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opened() {
        let (line, col, msg, help) = first("title: X\nactors: [Alpha, Beta\nplaces: [Kyiv]\n");
        assert_eq!((line, col), (3, 9));
        assert_eq!(
            msg,
            "invalid YAML: the list opened with `[` here is never closed"
        );
        assert_eq!(help, "close it on the same line: actors: [Alpha, Beta]");
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opened() {
        let (line, col, msg, _) = first("title: \"Berlin\nsummary: x\n");
        assert_eq!((line, col), (2, 8));
        assert!(msg.contains("never closed"), "{msg}");
    }

    #[test]
    fn no_message_quotes_the_parser() {
        for yaml in [
            "title: Habeck: x\n",
            "title: \"a\" b\n",
            "a: [b\nc: d\n",
            "a: {b: c\nd: e\n",
            "title: @home\n",
            "- a\nb: c\n",
            "a:\n\t- b\n",
            "a: b\n\tc: d\n",
            "title: `x`\n",
            "a: 'b\n",
            "a: !<x y\n",
            "a: &\n",
        ] {
            let e = parse(yaml, 2).unwrap_err();
            for internal in [
                "mapping values",
                "did not find",
                "while parsing",
                "line 1",
                "scalar",
                "token",
            ] {
                assert!(!e.message.contains(internal), "{yaml:?}: {}", e.message);
            }
            assert!(e.help.is_some(), "{yaml:?}: {e:?}");
        }
    }

    #[test]
    fn quoting_keeps_the_text() {
        assert_eq!(super::quoted("a: b"), "\"a: b\"");
        assert_eq!(super::quoted("\"a\" b"), "'\"a\" b'");
        assert_eq!(super::quoted("\"a\" b's"), "\"\\\"a\\\" b's\"");
    }
}
