//! Guards run before the YAML parser sees input: size, tabs, nesting depth, alias budget.
//!
//! serde_yaml expands every alias into a full copy of its anchored node, so a few hundred
//! bytes of aliases can ask for gigabytes. This module scans the text (not a full YAML
//! parser: an over-estimate is what a budget wants) for anchors, aliases and nesting.

use super::{ALIAS_BUDGET, FrontMatterError, MAX_DEPTH, MAX_FRONT_MATTER, err};
use crate::diagnostic::Code;

/// A position in the text: line index and byte in that line.
type Pos = (usize, usize);

#[derive(Debug)]
enum Tok {
    Anchor(String),
    Alias(String),
    Open,
    Close,
    Comma,
}

/// Refuses input that would make the YAML parser slow, deep or huge.
pub(super) fn guard(yaml: &str, first_line: u32) -> Result<(), FrontMatterError> {
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(err(
            Code::FrontMatterLimit,
            first_line,
            1,
            format!(
                "front matter is {} bytes; the limit is {} (64 KiB)",
                yaml.len(),
                MAX_FRONT_MATTER
            ),
        ));
    }
    let lines: Vec<&str> = yaml.split('\n').collect();
    let toks = scan(&lines, first_line)?;
    check_aliases(&lines, &toks, first_line)
}

/// Tokenizes outside quotes, comments and block scalars, checking tabs and depth as it goes.
fn scan(lines: &[&str], first_line: u32) -> Result<Vec<(Pos, Tok)>, FrontMatterError> {
    let mut toks = Vec::new();
    let mut flow = 0usize;
    let mut quote: Option<char> = None;
    let mut block_scalar: Option<usize> = None;
    let mut indents: Vec<usize> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let lno = first_line + li as u32;
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if let Some(owner) = block_scalar {
            if content.trim().is_empty() || indent > owner {
                continue;
            }
            block_scalar = None;
        }
        if quote.is_none() && content.starts_with('\t') {
            return Err(err(
                Code::InvalidYaml,
                lno,
                indent as u32 + 1,
                "tab character in indentation: YAML indents with spaces",
            ));
        }
        if quote.is_none() && (content.is_empty() || content.starts_with('#')) {
            continue;
        }
        if quote.is_none() && flow == 0 {
            // Block nesting: one level per deeper indent, plus one per `- ` opening the line.
            while indents.last().is_some_and(|&top| top >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        let dashes = content.split("- ").take_while(|s| s.is_empty()).count();
        let mut max_flow = flow;
        let mut prev: Option<char> = None;
        let mut prev_sig: Option<char> = None;
        let mut chars = line.char_indices().skip(indent).peekable();
        let mut last_token_end = indent;
        while let Some((b, c)) = chars.next() {
            if let Some(q) = quote {
                if q == '"' && c == '\\' {
                    chars.next();
                } else if c == q {
                    // `''` inside single quotes is an escaped quote.
                    if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                }
                prev = Some(c);
                continue;
            }
            let at_value = prev.is_none_or(|p| p.is_whitespace() || "[{,".contains(p))
                && prev_sig.is_none_or(|p| ":-[{,?".contains(p));
            match c {
                '#' if prev.is_none_or(char::is_whitespace) => break,
                '"' | '\'' if at_value => quote = Some(c),
                '[' | '{' if flow > 0 || at_value => {
                    flow += 1;
                    max_flow = max_flow.max(flow);
                    toks.push(((li, b), Tok::Open));
                }
                ']' | '}' if flow > 0 => {
                    flow -= 1;
                    toks.push(((li, b), Tok::Close));
                }
                ',' if flow > 0 => toks.push(((li, b), Tok::Comma)),
                '&' | '*' if at_value => {
                    let name: String = line[b + 1..]
                        .chars()
                        .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
                        .collect();
                    if !name.is_empty() {
                        toks.push((
                            (li, b),
                            if c == '&' {
                                Tok::Anchor(name)
                            } else {
                                Tok::Alias(name)
                            },
                        ));
                    }
                }
                _ => {}
            }
            if !c.is_whitespace() {
                prev_sig = Some(c);
                last_token_end = b + c.len_utf8();
            }
            prev = Some(c);
        }
        // The top-level mapping is depth 0: `a: [[x]]` nests two deep.
        let depth = indents.len().saturating_sub(1) + dashes + max_flow;
        if depth > MAX_DEPTH {
            return Err(err(
                Code::FrontMatterLimit,
                lno,
                1,
                format!("front matter nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        if quote.is_none() && flow == 0 && opens_block_scalar(&line[..last_token_end]) {
            block_scalar = Some(indent);
        }
    }
    Ok(toks)
}

/// True when a line ends with a block scalar indicator (`key: |`, `- >-`, `key: |2`).
fn opens_block_scalar(line: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or("");
    let mut chars = last.chars();
    matches!(chars.next(), Some('|' | '>')) && chars.all(|c| "-+0123456789".contains(c))
}

/// Estimates how many nodes alias expansion produces and refuses more than the budget.
fn check_aliases(
    lines: &[&str],
    toks: &[(Pos, Tok)],
    first_line: u32,
) -> Result<(), FrontMatterError> {
    if !toks.iter().any(|(_, t)| matches!(t, Tok::Alias(_))) {
        return Ok(());
    }
    // Each anchor's node: where it ends, and how many nodes it has before expansion.
    let mut anchors: Vec<(usize, Pos, u64)> = Vec::new(); // (token index, end, own size)
    for (i, (pos, t)) in toks.iter().enumerate() {
        if let Tok::Anchor(_) = t {
            let (end, own) = node_extent(lines, toks, i, *pos);
            anchors.push((i, end, own));
        }
    }
    // Sizes in order of where nodes end: an alias inside a node refers to a node that
    // ended before it (YAML allows no forward or self references).
    let mut order: Vec<usize> = (0..anchors.len()).collect();
    order.sort_by_key(|&a| anchors[a].1);
    let mut size: Vec<Option<u64>> = vec![None; anchors.len()];
    let target = |alias_tok: usize, name: &str, size: &[Option<u64>]| -> u64 {
        anchors
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, (ti, _, _))| *ti < alias_tok)
            .find(|(_, (ti, _, _))| matches!(&toks[*ti].1, Tok::Anchor(n) if n == name))
            .and_then(|(a, _)| size[a])
            .unwrap_or(1)
    };
    for &a in &order {
        let (ti, end, own) = anchors[a];
        let mut total = own;
        for (j, (pos, t)) in toks.iter().enumerate().skip(ti + 1) {
            if *pos > end {
                break;
            }
            if let Tok::Alias(name) = t {
                total = total.saturating_add(target(j, name, &size));
            }
        }
        size[a] = Some(total.min(u64::MAX / 4));
    }
    let mut total: u64 = 0;
    for (j, ((line, _), t)) in toks.iter().enumerate() {
        if let Tok::Alias(name) = t {
            total = total.saturating_add(target(j, name, &size));
            if total > ALIAS_BUDGET {
                return Err(err(
                    Code::FrontMatterLimit,
                    first_line + *line as u32,
                    1,
                    format!(
                        "YAML aliases would expand past {ALIAS_BUDGET} nodes; write the values out instead"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Where the node anchored by token `ti` ends, and its size without alias expansion.
fn node_extent(lines: &[&str], toks: &[(Pos, Tok)], ti: usize, (line, byte): Pos) -> (Pos, u64) {
    let text = lines[line];
    let name_len = match &toks[ti].1 {
        Tok::Anchor(n) => n.len(),
        _ => 0,
    };
    let rest = text.get(byte + 1 + name_len..).unwrap_or("").trim_start();
    let rest = rest.split(" #").next().unwrap_or("").trim_end();
    if rest.starts_with('[') || rest.starts_with('{') {
        // A flow collection: up to its matching bracket.
        let mut depth = 0usize;
        let mut size = 1u64;
        for (pos, t) in &toks[ti + 1..] {
            match t {
                Tok::Open => {
                    depth += 1;
                    size += 1;
                }
                Tok::Close => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return (*pos, size);
                    }
                }
                Tok::Comma => size += 1,
                _ => {}
            }
        }
        return ((lines.len(), 0), size);
    }
    if !rest.is_empty() {
        return ((line, text.len()), 1);
    }
    // A block node: the lines indented deeper than the line holding the anchor (and, under
    // a key, `- ` items at the key's own indent).
    let owner = text.len() - text.trim_start().len();
    let owner_is_item = text.trim_start().starts_with('-');
    let mut end = (line, text.len());
    let mut size = 1u64;
    for (li, l) in lines.iter().enumerate().skip(line + 1) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let indent = l.len() - t.len();
        let item_under_key = indent == owner && !owner_is_item && t.starts_with('-');
        if indent <= owner && !item_under_key {
            break;
        }
        end = (li, l.len());
        size += 1;
    }
    let commas = toks
        .iter()
        .skip(ti + 1)
        .take_while(|(pos, _)| *pos <= end)
        .filter(|(_, t)| matches!(t, Tok::Comma | Tok::Open))
        .count() as u64;
    (end, size + commas)
}

#[cfg(test)]
mod tests {
    use super::guard;

    #[test]
    fn a_few_aliases_of_small_nodes_pass() {
        let mut y = String::from("who: &w Jean\nlist: &l [a, b, c]\n");
        for i in 0..100 {
            y.push_str(&format!("k{i}: *w\n"));
        }
        y.push_str("again: [*l, *l, *l]\n");
        assert!(guard(&y, 2).is_ok(), "{:?}", guard(&y, 2));
    }

    #[test]
    fn wide_and_deep_bombs_are_refused() {
        let wide = format!(
            "a: &a [{}]\nb: [&z y, {}]\n",
            vec!["x"; 5000].join(","),
            vec!["*a"; 4000].join(",")
        );
        assert!(guard(&wide, 2).unwrap_err().message.contains("aliases"));
        let mut deep = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (p, c) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            deep.push_str(&format!(
                "{c}: &{c} [{}]\n",
                vec![format!("*{p}"); 9].join(", ")
            ));
        }
        assert!(guard(&deep, 2).unwrap_err().message.contains("aliases"));
        let block = "a: &a\n  - x\n  - x\n  - x\nb: &b\n  - *a\n  - *a\n  - *a\nc: &c\n  - *b\n  - *b\n  - *b\nd: &d\n  - *c\n  - *c\n  - *c\n";
        let mut big = block.to_string();
        for i in 0..40 {
            big.push_str(&format!("e{i}: [*d, *d, *d, *d, *d, *d]\n"));
        }
        assert!(guard(&big, 2).unwrap_err().message.contains("aliases"));
    }

    #[test]
    fn nesting_counts_across_lines_and_ignores_text() {
        let deep = format!("extra:\n{}{}", "[\n".repeat(100), "]\n".repeat(100));
        assert!(guard(&deep, 2).unwrap_err().message.contains("deeper"));
        let text = format!(
            "summary: |\n  {}\ntitle: \"{}\"\nnote: a [b] *c &d\n",
            "[".repeat(100),
            "{".repeat(100)
        );
        assert!(guard(&text, 2).is_ok());
    }
}
