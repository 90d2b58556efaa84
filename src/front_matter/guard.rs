//! Guards run before the YAML parser sees input: size, tabs, nesting depth, alias budget.

use super::{ALIAS_BUDGET, FrontMatterError, MAX_DEPTH, MAX_FRONT_MATTER, err};

/// Refuses input that would make the YAML parser slow, deep or huge.
pub(super) fn guard(yaml: &str, first_line: u32) -> Result<(), FrontMatterError> {
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(err(
            first_line,
            1,
            format!(
                "front matter is {} bytes; the limit is {} (64 KiB)",
                yaml.len(),
                MAX_FRONT_MATTER
            ),
        ));
    }
    let mut anchors: Vec<(String, u64)> = Vec::new();
    let mut total: u64 = 0;
    let mut indents: Vec<usize> = Vec::new();
    for (i, line) in yaml.split('\n').enumerate() {
        let lno = first_line + i as u32;
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if content.starts_with('\t') {
            return Err(err(
                lno,
                indent as u32 + 1,
                "tab character in indentation: YAML indents with spaces",
            ));
        }
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        // Block nesting: one level per deeper indent, plus one per `- ` that opens a line.
        while indents.last().is_some_and(|&top| top >= indent) {
            indents.pop();
        }
        indents.push(indent);
        let dashes = content.split("- ").take_while(|s| s.is_empty()).count();
        let (flow, aliases_here, anchors_here) = scan_line(content);
        // The top-level mapping is depth 0: `a: [[x]]` nests two deep.
        let depth = indents.len() - 1 + dashes + flow;
        if depth > MAX_DEPTH {
            return Err(err(
                lno,
                1,
                format!("front matter nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        // An anchor's weight is 1 plus the weight of every alias after it up to the next
        // anchor: an over-estimate of its expansion, which is what a budget wants.
        for name in anchors_here {
            anchors.push((name, 1));
        }
        for name in aliases_here {
            let weight = anchors
                .iter()
                .rev()
                .find(|(n, _)| *n == name)
                .map_or(1, |(_, w)| *w);
            total = total.saturating_add(weight);
            if let Some(last) = anchors.last_mut() {
                last.1 = last.1.saturating_add(weight);
            }
            if total > ALIAS_BUDGET {
                return Err(err(
                    lno,
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

/// Scans one line outside quotes and comments: maximum flow nesting, aliases and anchors.
fn scan_line(content: &str) -> (usize, Vec<String>, Vec<String>) {
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut aliases = Vec::new();
    let mut anchors = Vec::new();
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    let mut chars = content.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            prev = c;
            continue;
        }
        match c {
            '"' | '\'' if matches!(prev, ' ' | '[' | '{' | ',' | ':' | '-' | '?') => {
                quote = Some(c)
            }
            '#' if prev == ' ' => break,
            '[' | '{' => {
                depth += 1;
                max = max.max(depth);
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            '*' | '&' if matches!(prev, ' ' | '[' | '{' | ',' | ':' | '-' | '?') => {
                let name: String = content[i + 1..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
                    .collect();
                if !name.is_empty() {
                    if c == '*' {
                        aliases.push(name);
                    } else {
                        anchors.push(name);
                    }
                }
            }
            _ => {}
        }
        prev = c;
        let _ = chars.peek();
    }
    (max, aliases, anchors)
}
