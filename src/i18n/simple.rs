//! Messages that are only text and variables (`{ $date }: { $position } — { $title }`),
//! filled by putting the arguments in.
//!
//! Pages say some of them once per item with a different name or title in each: a
//! history mark, a chart's mark. Fluent resolves a message through its general machinery
//! every time (argument maps, scopes, plural memoizers); for a message with nothing to
//! choose, the result is its text with the arguments put in, which costs a few copies.
//! Which messages are simple is read from Fluent's syntax tree (no selector, no function,
//! no reference); their pieces come from Fluent's own output, so a fill is what Fluent
//! would have written.

use super::pattern::{Pattern, markers};
use fluent_bundle::FluentArgs;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use fluent_syntax::ast;
use std::borrow::Cow;
use std::collections::HashMap;

/// How many variables a simple message may have.
const MAX_VARS: usize = 32;

/// A message's pieces, and the names of its variables in the order of the pattern's
/// arguments.
#[derive(Debug, Clone)]
pub(crate) struct Simple {
    pattern: Pattern,
    pub(crate) vars: Vec<String>,
}

impl Simple {
    /// `put` applied to the pattern and each variable's value from `arg`; `None` when `arg`
    /// has none for one.
    fn with_args<'a>(
        &'a self,
        arg: impl Fn(&'a str) -> Option<Cow<'a, str>>,
        put: fn(&Pattern, &[&str]) -> String,
    ) -> Option<String> {
        let args: Vec<Cow<'a, str>> = self.vars.iter().map(|v| arg(v)).collect::<Option<_>>()?;
        let refs: Vec<&str> = args.iter().map(|a| a.as_ref()).collect();
        Some(put(&self.pattern, &refs))
    }

    /// The message with `arg(name)` for each variable; `None` when `arg` has none for one.
    pub(crate) fn fill<'a>(
        &'a self,
        arg: impl Fn(&'a str) -> Option<Cow<'a, str>>,
    ) -> Option<String> {
        self.with_args(arg, Pattern::fill)
    }

    /// [`Simple::fill`] for HTML: the message's text escaped, `arg`'s values (markup or
    /// escaped already) put in as they are.
    pub(crate) fn fill_markup<'a>(
        &'a self,
        arg: impl Fn(&'a str) -> Option<Cow<'a, str>>,
    ) -> Option<String> {
        self.with_args(arg, Pattern::fill_markup)
    }
}

/// The simple messages among `ids` in `bundle`.
pub(crate) fn find<'a>(
    bundle: &FluentBundle<FluentResource>,
    ids: impl IntoIterator<Item = &'a String>,
) -> HashMap<String, Simple> {
    let mut out = HashMap::new();
    for id in ids {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let Some(vars) = variables(pattern) else {
            continue;
        };
        if vars.is_empty() || vars.len() > MAX_VARS {
            continue;
        }
        let mut args = FluentArgs::new();
        let marks = markers(vars.len());
        for (name, mark) in vars.iter().zip(&marks) {
            args.set(*name, FluentValue::from(mark.as_str()));
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if !errors.is_empty() {
            continue;
        }
        let simple = Simple {
            pattern: Pattern::parse(&text, vars.len()),
            vars: vars.iter().map(|v| v.to_string()).collect(),
        };
        out.insert(id.clone(), simple);
    }
    out
}

/// The variables of a pattern made of text and variables only; `None` for any other.
fn variables<'s>(pattern: &ast::Pattern<&'s str>) -> Option<Vec<&'s str>> {
    let mut vars = Vec::new();
    for e in &pattern.elements {
        match e {
            ast::PatternElement::TextElement { .. } => {}
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => {
                if !vars.contains(&id.name) {
                    vars.push(id.name);
                }
            }
            _ => return None,
        }
    }
    Some(vars)
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Arg, Catalog};

    #[test]
    fn a_simple_message_fills_as_fluent_formats_it() {
        let en = Catalog::builtin("en");
        let args = [
            ("date", Arg::Text("20 Nov 2025")),
            ("position", Arg::Text("supports")),
            ("title", Arg::Text("Talks { $x } & <b>")),
        ];
        assert!(en.simple.contains_key("history_mark_title"));
        assert_eq!(
            en.format("history_mark_title", &args),
            en.format_again("history_mark_title", &args)
        );
        assert_eq!(
            en.format("history_mark_title", &args).as_deref(),
            Some("20 Nov 2025: supports — Talks { $x } & <b>")
        );
        // A number is written as Fluent writes it, grouped.
        let more = [("names", Arg::Text("Kyiv")), ("n", Arg::Number(12345))];
        assert_eq!(
            en.format("related_shares_more", &more),
            en.format_again("related_shares_more", &more)
        );
        assert_eq!(
            en.format("related_shares_more", &more).as_deref(),
            Some("shares Kyiv and 12,345 more")
        );
        let huge = [("names", Arg::Text("Kyiv")), ("n", Arg::Number(i64::MAX))];
        assert_eq!(
            en.format("related_shares_more", &huge),
            en.format_again("related_shares_more", &huge)
        );
        // A message that chooses by its argument is never simple.
        assert!(!en.simple.contains_key("tally_count_supports"));
        // A missing argument is Fluent's error: no text.
        assert_eq!(en.format("history_mark_title", &args[..2]), None);
    }

    #[test]
    fn every_shipped_simple_message_fills_as_fluent_formats_it() {
        for lang in crate::i18n::shipped() {
            let c = Catalog::builtin(lang);
            for (id, simple) in &c.simple {
                let names: Vec<&str> = simple.vars.iter().map(String::as_str).collect();
                let values: Vec<String> = names.iter().map(|n| format!("«{n}» 1,5")).collect();
                let args: Vec<(&str, Arg<'_>)> = names
                    .iter()
                    .zip(&values)
                    .map(|(n, v)| (*n, Arg::Text(v)))
                    .collect();
                assert_eq!(
                    c.format(id, &args),
                    c.format_again(id, &args),
                    "{lang} {id}"
                );
                for n in [0, 1, 21, 1234567, -5] {
                    let args: Vec<(&str, Arg<'_>)> =
                        names.iter().map(|name| (*name, Arg::Number(n))).collect();
                    assert_eq!(
                        c.format(id, &args),
                        c.format_again(id, &args),
                        "{lang} {id} {n}"
                    );
                }
            }
        }
    }
}
