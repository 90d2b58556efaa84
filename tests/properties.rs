//! Properties that hold for any input: slugs stay URL-safe, parsing never panics.

use dossier::front_matter;
use dossier::slug::{match_key, slugify};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn slugs_are_url_safe_and_idempotent(s in "\\PC{0,40}") {
        let slug = slugify(&s);
        prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{slug}");
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{slug}");
        prop_assert_eq!(slugify(&slug), slug.clone());
    }

    #[test]
    fn matching_ignores_case(s in "[a-zA-Z ]{0,30}") {
        prop_assert_eq!(match_key(&s.to_uppercase()), match_key(&s.to_lowercase()));
    }

    #[test]
    fn front_matter_never_panics(body in "(---\n)?[a-z:\\[\\]{}&*|>#'\" \n\t-]{0,200}(\n---\n)?") {
        if let Ok(split) = front_matter::split(&body) {
            let _ = front_matter::parse(split.yaml, split.yaml_line);
        }
    }

    #[test]
    fn yaml_positions_are_inside_the_text(keys in proptest::collection::vec("[a-z]{1,8}", 1..8), vals in proptest::collection::vec("[A-Za-z]{1,12}", 1..8)) {
        let yaml: String = keys.iter().zip(&vals).map(|(k, v)| format!("{k}: {v}\n")).collect();
        if let Ok(node) = front_matter::parse(&yaml, 2)
            && let front_matter::Yaml::Map(entries) = node.value
        {
            for (_, key_span, value) in entries {
                prop_assert!(key_span.line >= 2 && (key_span.line as usize) < 2 + keys.len());
                prop_assert!(value.span.line == key_span.line, "{:?} {:?}", key_span, value.span);
            }
        }
    }
}
