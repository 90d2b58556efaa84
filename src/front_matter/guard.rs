//! Guards on front matter: size, tabs, nesting depth, alias budget.
//!
//! Every alias becomes a full copy of its anchored node, so a few hundred bytes of aliases
//! can ask for gigabytes. The depth and alias limits are counted on libyaml's own events
//! (`events.rs`), the very events the tree is built from in the same pass (`locate.rs`),
//! so that no spelling can look like one thing to the guard and another to the builder.

use super::events::{Event, Kind, Mark, Outcome, Style, for_each_event};
use super::locate::{Builder, Removed};
use super::syntax;
use super::tree::{ALIAS_BUDGET, FrontMatterError, MAX_DEPTH, MAX_FRONT_MATTER, Node, err};
use crate::diagnostic::Code;
use std::collections::HashMap;
use std::ops::ControlFlow;

/// Refuses input that would make the YAML parser slow, deep or huge, and explains syntax
/// errors. Otherwise gives the document's tree, built from the same events as they are
/// counted (`locate.rs`), and the first value that lost forbidden characters.
pub(super) fn guard(
    yaml: &str,
    first_line: u32,
) -> Result<(Node, Option<Removed>), FrontMatterError> {
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
    let mut count = Count::default();
    let mut tree = Builder::new(yaml, first_line);
    let outcome = for_each_event(yaml, |e| {
        // Counted first: a node past a limit is never built.
        count.event(e)?;
        tree.event(e);
        std::ops::ControlFlow::Continue(())
    });
    // A tab in indentation is reported before anything found after it, as one reading of
    // the file from the top would.
    let stop = match &outcome {
        Outcome::Done => None,
        Outcome::Stopped((mark, _)) => Some(mark.line),
        Outcome::SyntaxError(s) => Some(s.at.line),
    };
    if let Some(line) = tab_line(yaml, &count.inside_scalars, stop) {
        let indent = yaml
            .split('\n')
            .nth(line)
            .map_or(0, |l| l.len() - l.trim_start_matches(' ').len());
        return Err(err(
            Code::InvalidYaml,
            first_line + line as u32,
            indent as u32 + 1,
            "tab character in indentation: YAML indents with spaces",
        )
        .with_help("replace the tab with spaces (two per level, as the lines around it)"));
    }
    match outcome {
        Outcome::Stopped((mark, limit)) => Err(err(
            Code::FrontMatterLimit,
            first_line + mark.line as u32,
            1,
            match limit {
                Limit::Depth => format!("front matter nests deeper than {MAX_DEPTH} levels"),
                Limit::Aliases => format!(
                    "YAML aliases would expand past {ALIAS_BUDGET} nodes; write the values out instead"
                ),
            },
        )),
        Outcome::Done => tree.finish(),
        // serde_yaml would stop at the same error; it is explained here, in plain words.
        Outcome::SyntaxError(s) => Err(syntax::explain(yaml, first_line, &s)),
    }
}

/// Which limit an event crossed.
#[derive(Debug, PartialEq, Eq)]
enum Limit {
    Depth,
    Aliases,
}

/// A collection still open: its anchor, and the node count when it opened.
struct Open {
    anchor: Option<usize>,
    nodes_before: u64,
}

/// The running counts of one pass over the events.
#[derive(Default)]
struct Count {
    /// Collections open around the current event.
    open: Vec<Open>,
    /// Nodes serde_yaml will have built so far, with every alias expanded.
    nodes: u64,
    /// Nodes added by alias expansion so far.
    expanded: u64,
    /// Each anchor name's latest node (serde_yaml lets a later anchor replace an earlier).
    anchors: HashMap<Vec<u8>, usize>,
    /// Each anchored node's size, once it is closed.
    sizes: Vec<Option<u64>>,
    /// Lines (0-based, inclusive) inside multi-line quoted or block scalars.
    inside_scalars: Vec<(usize, usize)>,
}

impl Count {
    fn event(&mut self, e: &Event<'_>) -> ControlFlow<(Mark, Limit)> {
        match e.kind {
            Kind::SequenceStart | Kind::MappingStart => {
                // The top-level mapping is depth 0: `a: [[x]]` nests two deep.
                if self.open.len() > MAX_DEPTH {
                    return ControlFlow::Break((e.start, Limit::Depth));
                }
                let anchor = self.anchor(e.anchor);
                self.open.push(Open {
                    anchor,
                    nodes_before: self.nodes,
                });
                self.nodes += 1;
            }
            Kind::SequenceEnd | Kind::MappingEnd => {
                if let Some(done) = self.open.pop()
                    && let Some(a) = done.anchor
                {
                    self.sizes[a] = Some(self.nodes - done.nodes_before);
                }
            }
            Kind::Scalar(_, style) => {
                if let Some(a) = self.anchor(e.anchor) {
                    self.sizes[a] = Some(1);
                }
                self.nodes += 1;
                // A block scalar can end at the start of the next line: not its own.
                let last = e.end.line.saturating_sub(usize::from(e.end.column == 0));
                if style != Style::Plain && last > e.start.line {
                    self.inside_scalars.push((e.start.line + 1, last));
                }
            }
            Kind::Alias(name) => {
                // An alias inside the node it names (`&a [*a]`) expands without end; one
                // to no anchor at all is serde_yaml's error to report, and costs nothing.
                let size = match self.anchors.get(name) {
                    Some(&a) => self.sizes[a].unwrap_or(u64::MAX),
                    None => 1,
                };
                self.expanded = self.expanded.saturating_add(size);
                if self.expanded > ALIAS_BUDGET {
                    return ControlFlow::Break((e.start, Limit::Aliases));
                }
                self.nodes += size;
            }
            Kind::DocumentStart | Kind::Other => {}
        }
        ControlFlow::Continue(())
    }

    /// Registers a node's anchor, if it has one; its size is known when it closes.
    fn anchor(&mut self, name: Option<&[u8]>) -> Option<usize> {
        let name = name?;
        let id = self.sizes.len();
        self.sizes.push(None);
        self.anchors.insert(name.to_vec(), id);
        Some(id)
    }
}

/// The first line (0-based) indented with a tab, outside multi-line quoted and block
/// scalars (given in order), and not past `stop` (where reading the events ended early).
fn tab_line(yaml: &str, inside_scalars: &[(usize, usize)], stop: Option<usize>) -> Option<usize> {
    let mut scalars = inside_scalars.iter().peekable();
    yaml.split('\n')
        .enumerate()
        .take_while(|(i, _)| stop.is_none_or(|s| *i <= s))
        .find(|(i, l)| {
            while scalars.next_if(|&&(_, last)| last < *i).is_some() {}
            l.trim_start_matches(' ').starts_with('\t')
                && scalars.peek().is_none_or(|&&(first, _)| first > *i)
        })
        .map(|(i, _)| i)
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
        let deep = format!("extra:\n{}{}", " [\n".repeat(100), " ]\n".repeat(100));
        let e = guard(&deep, 2).unwrap_err();
        assert!(e.message.contains("deeper"), "{e:?}");
        // The 65th bracket opens the 66th collection, counting the top-level mapping.
        assert_eq!(e.span.line, 2 + 65);
        // Flow brackets at column 0 under a key are a syntax error, found before the depth.
        let col0 = format!("extra:\n{}{}", "[\n".repeat(100), "]\n".repeat(100));
        let e = guard(&col0, 2).unwrap_err();
        assert!(!e.message.contains("deeper"), "{e:?}");
        let text = format!(
            "summary: |\n  {}\ntitle: \"{}\"\nnote: a [b] *c &d\n",
            "[".repeat(100),
            "{".repeat(100)
        );
        assert!(guard(&text, 2).is_ok());
    }
}
