//! A message's forms as a script in the page picks among them (the search page's counts):
//! the text of each variant of its select, with each `{ $var }` left as `{var}` for the
//! script to fill, so that translators write ordinary Fluent plurals and the browser picks
//! the form with `Intl.PluralRules`, as Fluent would have.

use super::Catalog;
use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use std::collections::BTreeMap;

impl Catalog {
    /// The forms of message `id`: when its value is one select (`{ $n -> [one] … *[other] …
    /// }`), each variant's text by its key (a plural category, or an exact number such as
    /// `0`), and the default variant's under `*`; otherwise its whole text under `*`.
    /// Variables are written `{n}`. `None` when there is no such message.
    pub fn forms(&self, id: &str) -> Option<BTreeMap<String, String>> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut names = Vec::new();
        variables(pattern, &mut names);
        let mut args = FluentArgs::new();
        for name in names {
            args.set(name, FluentValue::from(format!("{{{name}}}")));
        }
        let text = |p: &Pattern<&str>| {
            let mut errors = Vec::new();
            (self.bundle.format_pattern(p, Some(&args), &mut errors)).into_owned()
        };
        let mut out = BTreeMap::new();
        match pattern.elements.as_slice() {
            [
                PatternElement::Placeable {
                    expression: Expression::Select { variants, .. },
                },
            ] => {
                for v in variants {
                    let key = match &v.key {
                        VariantKey::Identifier { name } => name,
                        VariantKey::NumberLiteral { value } => value,
                    };
                    let form = text(&v.value);
                    if v.default {
                        out.insert("*".to_string(), form.clone());
                    }
                    out.insert(key.to_string(), form);
                }
            }
            _ => {
                out.insert("*".to_string(), text(pattern));
            }
        }
        Some(out)
    }
}

/// The names of the variables `pattern` uses, in selects' variants too. The catalog refuses
/// files nested past `MAX_NESTING`, so the recursion is shallow.
fn variables<'a>(pattern: &Pattern<&'a str>, out: &mut Vec<&'a str>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'a>(e: &Expression<&'a str>, out: &mut Vec<&'a str>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables<'a>(e: &InlineExpression<&'a str>, out: &mut Vec<&'a str>) {
    match e {
        InlineExpression::VariableReference { id } if !out.contains(&id.name) => out.push(id.name),
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::Catalog;

    #[test]
    fn a_plural_gives_a_form_per_variant_with_its_variables_left_to_fill() {
        let en = Catalog::builtin("en");
        let forms = en.forms("search_found").expect("search_found");
        assert_eq!(forms["one"], "{n} briefing found.");
        assert_eq!(forms["other"], "{n} briefings found.");
        assert_eq!(forms["*"], forms["other"]);
        assert_eq!(forms["0"], "No briefing found.");
        let uk = Catalog::builtin("uk");
        let forms = uk.forms("search_count").expect("search_count");
        let keys: Vec<&str> = forms.keys().map(String::as_str).collect();
        assert_eq!(keys, ["*", "few", "many", "one", "other"]);
        assert_eq!(forms["few"], "{n} огляди");
        let ar = Catalog::builtin("ar");
        let forms = ar.forms("search_count").expect("search_count");
        for key in ["zero", "one", "two", "few", "many", "other"] {
            assert!(forms.contains_key(key), "{key}: {forms:?}");
        }
        // A message without a select: its text, variables left as they are.
        let phrase = en.forms("search_phrase").expect("search_phrase");
        assert!(
            phrase["*"].starts_with("At least {found} found"),
            "{phrase:?}"
        );
        assert_eq!(en.forms("no_such_message"), None);
    }

    #[test]
    fn every_shipped_language_has_every_search_message_and_its_plural_categories() {
        let ids = |lang: &str| -> Vec<String> {
            let (_, _, text) = (super::super::builtin().iter())
                .find(|(l, path, _)| l == lang && path.ends_with("/search.ftl"))
                .unwrap_or_else(|| panic!("no {lang}/search.ftl"));
            let resource = fluent_bundle::FluentResource::try_new(text.to_string())
                .unwrap_or_else(|_| panic!("{lang}/search.ftl is not valid Fluent"));
            super::super::message_ids(&resource)
                .map(String::from)
                .collect()
        };
        let english = ids("en");
        assert!(english.len() >= 30, "{english:?}");
        // CLDR's cardinal categories for whole numbers (`other` also covers fractions).
        for (lang, categories) in [
            ("en", &["one", "other"][..]),
            ("de", &["one", "other"]),
            ("fr", &["one", "many", "other"]),
            ("es", &["one", "many", "other"]),
            ("uk", &["one", "few", "many", "other"]),
            ("ru", &["one", "few", "many", "other"]),
            ("ar", &["zero", "one", "two", "few", "many", "other"]),
        ] {
            assert_eq!(
                ids(lang),
                english,
                "{lang}: not the messages of en/search.ftl"
            );
            let catalog = Catalog::builtin(lang);
            for id in ["search_found", "search_count"] {
                let forms = catalog.forms(id).expect("a message");
                for c in categories {
                    assert!(forms.contains_key(*c), "{lang} {id}: no [{c}]");
                }
                assert!(
                    forms["*"] == forms["other"],
                    "{lang} {id}: `other` is the default"
                );
            }
            assert!(
                catalog
                    .forms("search_found")
                    .expect("found")
                    .contains_key("0")
            );
        }
    }
}
