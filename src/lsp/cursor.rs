//! What the cursor is on in a file's text: a front-matter key or value (and under which
//! key), a `[[wiki]]` link or a Markdown link of the body. Read from the lines around the
//! cursor, so that half-written front matter that does not parse yet still completes.

/// The word or value the cursor is in, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The whole value, quotes taken off.
    pub text: String,
    /// The part before the cursor, quotes taken off: what completion filters by.
    pub typed: String,
    /// 0-based line.
    pub line: u32,
    /// Character columns (0-based) of the token as written, quotes included; `end` is
    /// exclusive.
    pub start: usize,
    pub end: usize,
    /// Whether the value sits in a flow list (`[a, b]`), where commas end it.
    pub in_flow: bool,
}

/// Where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A key of front matter, in the mapping under `parent` (`None`: the top level).
    Key {
        parent: Option<String>,
        token: Token,
    },
    /// The value (or an item of the list) of `key`, in the mapping under `parent`.
    Value {
        key: String,
        parent: Option<String>,
        token: Token,
    },
    /// The inside of a `[[…]]` link: its `kind:` prefix (`actor`, `briefing`) if written,
    /// and the name after it.
    Wiki {
        prefix: Option<String>,
        token: Token,
    },
    /// The destination of a Markdown link `[…](dest)`.
    Link {
        token: Token,
    },
    Elsewhere,
}

/// The 0-based line that closes the front matter of `lines` (`---` or `...`), if it opens
/// with `---`.
pub fn front_matter_end(lines: &[&str]) -> Option<usize> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    (1..lines.len()).find(|&i| matches!(lines[i].trim_end(), "---" | "..."))
}

/// The lines of `text`, without their line breaks.
pub fn lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// What is at character column `col` of 0-based line `line` of `text`.
pub fn place(text: &str, line: u32, col: usize) -> Place {
    let lines = lines(text);
    let Some(current) = lines.get(line as usize) else {
        return Place::Elsewhere;
    };
    match front_matter_end(&lines) {
        Some(end) if (line as usize) < end && line > 0 => yaml_place(&lines, line, col),
        // Front matter still being written: everything after `---` is YAML.
        None if lines.first().map(|l| l.trim_end()) == Some("---") && line > 0 => {
            yaml_place(&lines, line, col)
        }
        _ => body_place(current, line, col),
    }
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|&c| c == ' ').count()
}

/// A list item's text after `- `, with its column, if `content` (a line without its
/// indent, at column `at`) is one.
fn item(content: &str, at: usize) -> Option<(&str, usize)> {
    if content == "-" {
        return Some(("", at + 1));
    }
    let rest = content.strip_prefix("- ")?;
    let spaces = rest.chars().take_while(|&c| c == ' ').count();
    Some((&rest[spaces..], at + 2 + spaces))
}

/// The key a line (without its indent) starts with and where its colon is, in characters.
fn key_of(content: &str) -> Option<(&str, usize)> {
    let end = content.find(':')?;
    let key = &content[..end];
    let after = &content[end + 1..];
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && (after.is_empty() || after.starts_with(' '));
    ok.then(|| (key, key.chars().count()))
}

/// The key owning the mapping or list that line `line` (indented `ind`, a list item or
/// not) belongs to.
fn owner(lines: &[&str], line: usize, ind: usize, is_item: bool) -> Option<String> {
    let mut want = ind;
    let mut in_item = false;
    for j in (1..line).rev() {
        let l = lines[j];
        let content = l.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let i = indent(l);
        match item(content, i) {
            Some(_) if i < want || (i == want && !is_item && !in_item) => {
                // The item this line is a field of: its list's owner is the parent.
                want = i;
                in_item = true;
            }
            Some(_) => {}
            None => {
                let Some((k, _)) = key_of(content) else {
                    continue;
                };
                if i < want || (i == want && (is_item || in_item)) {
                    return Some(k.to_string());
                }
            }
        }
    }
    None
}

fn yaml_place(lines: &[&str], line: u32, col: usize) -> Place {
    let l = lines[line as usize];
    let ind = indent(l);
    let content = &l[ind..];
    let (content, at, is_item) = match item(content, ind) {
        Some((rest, at)) => (rest, at, true),
        None => (content, ind, false),
    };
    if col < at {
        return Place::Elsewhere;
    }
    match key_of(content) {
        Some((key, len)) if col <= at + len => {
            // A field of a list item belongs to the list's owner (`stances`); a top-level
            // key to none.
            let parent = if is_item {
                owner(lines, line as usize, ind, true)
            } else if ind == 0 {
                None
            } else {
                owner(lines, line as usize, ind, false)
            };
            Place::Key {
                parent,
                token: Token {
                    text: key.to_string(),
                    typed: key.chars().take(col - at).collect(),
                    line,
                    start: at,
                    end: at + len,
                    in_flow: false,
                },
            }
        }
        Some((key, len)) => {
            let parent = if is_item {
                owner(lines, line as usize, ind, true)
            } else if ind == 0 {
                None
            } else {
                owner(lines, line as usize, ind, false)
            };
            let value_at = at + len + 1;
            Place::Value {
                key: key.to_string(),
                parent,
                token: value_token(l, value_at, col, line),
            }
        }
        None if is_item => match owner(lines, line as usize, ind, true) {
            Some(key) => Place::Value {
                key,
                parent: None,
                token: value_token(l, at, col, line),
            },
            None => Place::Elsewhere,
        },
        None => Place::Key {
            parent: if ind == 0 {
                None
            } else {
                owner(lines, line as usize, ind, false)
            },
            token: Token {
                text: content.trim_end().to_string(),
                typed: content.chars().take(col - at).collect(),
                line,
                start: at,
                end: at + content.trim_end().chars().count(),
                in_flow: false,
            },
        },
    }
}

/// The value of `line` starting at character `from` (spaces first skipped) around `col`:
/// one item of a flow list, or the whole value.
fn value_token(line: &str, from: usize, col: usize, line_no: u32) -> Token {
    let chars: Vec<char> = line.chars().collect();
    let mut start = from;
    while start < chars.len() && chars[start] == ' ' {
        start += 1;
    }
    let in_flow = chars.get(start) == Some(&'[');
    let (start, end) = if in_flow {
        // The item between the separators around the cursor.
        let mut s = col.min(chars.len());
        while s > start + 1 && !matches!(chars[s - 1], ',' | '[') {
            s -= 1;
        }
        let s = s.max(start + 1);
        let mut e = col.min(chars.len()).max(s);
        while e < chars.len() && !matches!(chars[e], ',' | ']') {
            e += 1;
        }
        (s, e)
    } else {
        let rest: String = chars[start.min(chars.len())..].iter().collect();
        let cut = rest.find(" #").unwrap_or(rest.len());
        (start, start + rest[..cut].chars().count())
    };
    // Spaces around an item are not part of it.
    let mut s = start;
    while s < end && chars[s] == ' ' {
        s += 1;
    }
    let mut e = end;
    while e > s && chars[e - 1] == ' ' {
        e -= 1;
    }
    let written: String = chars[s..e].iter().collect();
    let upto: String = chars[s..col.clamp(s, e)].iter().collect();
    Token {
        text: unquote(&written),
        typed: unquote(&upto),
        line: line_no,
        start: s,
        end: e.max(s),
        in_flow,
    }
}

fn unquote(s: &str) -> String {
    let t = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = t.strip_prefix(q) {
            return inner.strip_suffix(q).unwrap_or(inner).to_string();
        }
    }
    t.to_string()
}

fn body_place(line: &str, line_no: u32, col: usize) -> Place {
    let chars: Vec<char> = line.chars().collect();
    let col = col.min(chars.len());
    let text: String = chars.iter().collect();
    // A `[[` before the cursor not closed before it.
    let before: String = chars[..col].iter().collect();
    if let Some(open) = before.rfind("[[")
        && !before[open..].contains("]]")
    {
        let open_chars = before[..open].chars().count() + 2;
        let mut end = open_chars;
        while end < chars.len() && !matches!(chars[end], ']' | '|' | '#') {
            end += 1;
        }
        let end = end.max(col);
        let inner: String = chars[open_chars..end].iter().collect();
        let typed: String = chars[open_chars..col].iter().collect();
        let (prefix, skip) = match inner.split_once(':') {
            Some((p, _))
                if ["actor", "place", "topic", "briefing"]
                    .iter()
                    .chain(crate::model::Kind::ALL.map(|k| k.word()).iter())
                    .any(|w| w.eq_ignore_ascii_case(p.trim())) =>
            {
                (Some(p.trim().to_ascii_lowercase()), p.chars().count() + 1)
            }
            _ => (None, 0),
        };
        return Place::Wiki {
            prefix,
            token: Token {
                text: inner
                    .chars()
                    .skip(skip)
                    .collect::<String>()
                    .trim()
                    .to_string(),
                typed: typed
                    .chars()
                    .skip(skip)
                    .collect::<String>()
                    .trim_start()
                    .to_string(),
                line: line_no,
                start: open_chars + skip,
                end,
                in_flow: false,
            },
        };
    }
    // A Markdown link's destination around the cursor: `](dest)`.
    let mut from = 0;
    while let Some(i) = text[from..].find("](") {
        let open = from + i + 2;
        let open_chars = text[..open].chars().count();
        let close = text[open..].find(')').map(|j| open + j);
        let close_chars = close.map_or(chars.len(), |c| text[..c].chars().count());
        if (open_chars..=close_chars).contains(&col) {
            let dest: String = chars[open_chars..close_chars].iter().collect();
            // A title after the destination (`(x.md "Title")`) is not part of it.
            let dest = dest.split(' ').next().unwrap_or("").to_string();
            return Place::Link {
                token: Token {
                    typed: dest.clone(),
                    end: open_chars + dest.chars().count(),
                    text: dest,
                    line: line_no,
                    start: open_chars,
                    in_flow: false,
                },
            };
        }
        from = close.unwrap_or(text.len()).max(open);
        if from >= text.len() {
            break;
        }
    }
    Place::Elsewhere
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRIEFING: &str = "---\ntitle: Talks\nactors: [Zelenskiy, Tru]\nplaces:\n  - Kyi\nstances:\n  - actor: Trump\n    on: US pl\n    position: sup\nconfidence: lo\n---\nSee [[actor:Zel]] and [[briefing:talks|the talks]], [x](other.md).\n";

    fn at(line: u32, col: usize) -> Place {
        place(BRIEFING, line, col)
    }

    fn value(p: Place) -> (String, Option<String>, String, String) {
        match p {
            Place::Value { key, parent, token } => (key, parent, token.text, token.typed),
            other => panic!("not a value: {other:?}"),
        }
    }

    #[test]
    fn values_know_their_key_and_its_parent() {
        assert_eq!(
            value(at(2, 23)),
            ("actors".into(), None, "Tru".into(), "Tru".into())
        );
        assert_eq!(
            value(at(2, 12)),
            ("actors".into(), None, "Zelenskiy".into(), "Zel".into())
        );
        assert_eq!(
            value(at(4, 7)),
            ("places".into(), None, "Kyi".into(), "Kyi".into())
        );
        assert_eq!(
            value(at(6, 14)),
            (
                "actor".into(),
                Some("stances".into()),
                "Trump".into(),
                "Tru".into()
            )
        );
        assert_eq!(value(at(7, 11)).1, Some("stances".into()));
        assert_eq!(value(at(7, 11)).0, "on");
        assert_eq!(value(at(8, 17)).0, "position");
        assert_eq!(value(at(9, 14)).0, "confidence");
    }

    #[test]
    fn keys_are_keys_at_any_level() {
        match at(7, 5) {
            Place::Key { parent, token } => {
                assert_eq!(parent.as_deref(), Some("stances"));
                assert_eq!(token.text, "on");
                assert_eq!(token.typed, "o");
            }
            other => panic!("{other:?}"),
        }
        match place("---\ntit\n", 1, 3) {
            Place::Key {
                parent: None,
                token,
            } => assert_eq!(token.typed, "tit"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wiki_links_give_their_prefix_and_name() {
        match at(11, 15) {
            Place::Wiki { prefix, token } => {
                assert_eq!(prefix.as_deref(), Some("actor"));
                assert_eq!((token.text.as_str(), token.typed.as_str()), ("Zel", "Zel"));
                assert_eq!((token.start, token.end), (12, 15));
            }
            other => panic!("{other:?}"),
        }
        match at(11, 35) {
            Place::Wiki { prefix, token } => {
                assert_eq!(prefix.as_deref(), Some("briefing"));
                assert_eq!(token.text, "talks");
            }
            other => panic!("{other:?}"),
        }
        match at(11, 58) {
            Place::Link { token } => assert_eq!(token.text, "other.md"),
            other => panic!("{other:?}"),
        }
        assert_eq!(at(11, 2), Place::Elsewhere);
    }

    #[test]
    fn an_unclosed_front_matter_is_still_yaml() {
        assert_eq!(
            value(place("---\nactors: [Zel", 1, 12)).2,
            "Zel".to_string()
        );
    }
}
