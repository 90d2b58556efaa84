//! `slugify` on arbitrary text: only `[a-z0-9-]`, no leading, trailing or doubled `-`,
//! idempotent; and a `slug:` that slugifies to nothing is an error, never a page.
#![no_main]

use dossier::diagnostic::Diagnostics;
use dossier::parse::{self, Parsed};
use dossier::slug::{match_key, slugify};
use dossier::source::{self, SourceFile};
use libfuzzer_sys::fuzz_target;

// `memory::quote` writes a YAML string, as the property tests do.
#[path = "../../tests/memory/mod.rs"]
mod memory;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let slug = slugify(s);
    assert!(
        slug.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{s:?} → {slug:?}"
    );
    assert!(
        !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
        "{s:?} → {slug:?}"
    );
    assert_eq!(slugify(&slug), slug, "not idempotent for {s:?}");
    let _ = match_key(s);

    let quoted = memory::quote(s);
    let file = SourceFile {
        path: "content/briefings/x.md".into(),
        content_path: "briefings/x.md".into(),
        text: format!("---\ntitle: T\ndate: 2025-01-01\nslug: {quoted}\n---\nBody.\n"),
        removed: Vec::new(),
    };
    let mut diags = Diagnostics::new();
    let parsed = parse::parse_file(&file, &mut diags);
    // Characters no page can hold are dropped from YAML values, escaped or not.
    let expected = slugify(&s.replace(source::is_forbidden_char, ""));
    if expected.is_empty() {
        assert!(
            diags.has_errors(),
            "slug {s:?} has no letters, yet no error"
        );
    } else if let Some(Parsed::Briefing(b)) = parsed {
        assert_eq!(b.slug.as_str(), expected, "slug: {quoted}");
    }
});
