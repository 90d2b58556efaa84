//! A message formatted once and filled many times: pages repeat some sentences hundreds of
//! times with other names in them (a chart's marks, the cells of the agreement matrix), and
//! formatting each through Fluent would cost more than the rest of the page.

use super::{Arg, Catalog};

/// The first of the private-use characters standing for the arguments while the message is
/// formatted; argument `i` is this plus `i`.
const MARK: u32 = 0xE000;
/// How many arguments a pattern may have.
const MAX_ARGS: usize = 64;

#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Arg(usize),
}

/// A message with some text arguments left open: [`Pattern::fill`] puts them in.
#[derive(Debug, Clone)]
pub struct Pattern {
    pieces: Vec<Piece>,
    /// The bytes of its text, to size the result.
    len: usize,
}

impl Pattern {
    /// The message with `args` in the order of the names it was made with; a missing one
    /// is left empty.
    pub fn fill(&self, args: &[&str]) -> String {
        let mut out = String::with_capacity(self.len + args.iter().map(|a| a.len()).sum::<usize>());
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Arg(i) => out.push_str(args.get(*i).copied().unwrap_or("")),
            }
        }
        out
    }

    /// [`Pattern::fill`] for HTML: the message's own text escaped, the arguments, markup
    /// already, put in as they are.
    pub fn fill_markup(&self, args: &[&str]) -> String {
        let mut out: Vec<u8> =
            Vec::with_capacity(self.len + args.iter().map(|a| a.len()).sum::<usize>());
        for p in &self.pieces {
            match p {
                Piece::Text(t) => {
                    // Writing into a Vec cannot fail.
                    let _ = tera::escape_html(t, &mut out);
                }
                Piece::Arg(i) => {
                    out.extend_from_slice(args.get(*i).copied().unwrap_or("").as_bytes())
                }
            }
        }
        String::from_utf8(out).unwrap_or_default()
    }

    /// The pieces of `text`, where each marker stands for an argument.
    pub(super) fn parse(text: &str, names: usize) -> Pattern {
        let mut pieces = Vec::new();
        let mut run = String::new();
        for c in text.chars() {
            let i = (c as u32).wrapping_sub(MARK) as usize;
            if i < names {
                if !run.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut run)));
                }
                pieces.push(Piece::Arg(i));
            } else {
                run.push(c);
            }
        }
        if !run.is_empty() {
            pieces.push(Piece::Text(run));
        }
        let len = (pieces.iter())
            .map(|p| match p {
                Piece::Text(t) => t.len(),
                Piece::Arg(_) => 0,
            })
            .sum();
        Pattern { pieces, len }
    }
}

/// The markers standing for `n` arguments while a message is formatted, for
/// [`Pattern::parse`] to find in its text.
pub(super) fn markers(n: usize) -> Vec<String> {
    (0..n.min(MAX_ARGS))
        .map(|i| char::from_u32(MARK + i as u32).map_or_else(String::new, String::from))
        .collect()
}

impl Catalog {
    /// Message `id` with `fixed` given and the text arguments `open` left to
    /// [`Pattern::fill`]. Only for arguments the message shows as they are: one it selects
    /// a variant by must be in `fixed`. Without such a message, the pattern is its id.
    pub fn pattern(&self, id: &str, fixed: &[(&str, Arg<'_>)], open: &[&str]) -> Pattern {
        let open = &open[..open.len().min(MAX_ARGS)];
        let marks = markers(open.len());
        let mut args: Vec<(&str, Arg<'_>)> = fixed.to_vec();
        args.extend(open.iter().zip(&marks).map(|(n, m)| (*n, Arg::Text(m))));
        match self.format(id, &args) {
            Some(text) => Pattern::parse(&text, open.len()),
            None => Pattern::parse(id, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_fills_as_the_message_formats() {
        let en = Catalog::builtin("en");
        let p = en.pattern("chart_mark_title", &[], &["date", "position", "title"]);
        assert_eq!(
            p.fill(&["20 Nov", "supports", "<b>Talks</b>"]),
            en.fmt(
                "chart_mark_title",
                &[
                    ("date", Arg::Text("20 Nov")),
                    ("position", Arg::Text("supports")),
                    ("title", Arg::Text("<b>Talks</b>")),
                ]
            )
        );
        let cell = en.pattern(
            "alignment_cell",
            &[
                ("agree", Arg::Number(1)),
                ("shared", Arg::Number(1)),
                ("percent", Arg::Text("100%")),
            ],
            &[],
        );
        assert_eq!(cell.fill(&[]), "agree on 1 of 1 topic (100%)");
        assert_eq!(
            en.pattern("no_such_message", &[], &["x"]).fill(&["y"]),
            "no_such_message"
        );
    }
}
