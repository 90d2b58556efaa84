//! The whole pipeline on a one-file site whose only Markdown file is the fuzz input (a
//! briefing, or a profile when the first byte says so), rendered into memory. Nothing may
//! panic; a build without errors writes feeds and a sitemap that parse as XML and JSON
//! files that parse as JSON.
#![no_main]

use dossier::config::Config;
use libfuzzer_sys::fuzz_target;

// The in-memory build of the property tests, shared rather than written again.
#[path = "../../tests/memory/mod.rs"]
mod memory;

const PATHS: &[&str] = &[
    "content/briefings/2025-11-20-x.md",
    "content/x.md",
    "content/actors/x.md",
    "content/places/x.md",
    "content/topics/x.md",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // Briefings most of the time: they reach the most code.
    let path = PATHS
        .get(usize::from(first).saturating_sub(250))
        .unwrap_or(&PATHS[0]);
    let bytes = if first >= 250 { rest } else { data };
    let config = Config {
        base_url: "https://example.org/desk/".into(),
        base_path: "/desk/".into(),
        ..Config::fallback()
    };
    let built = memory::build(config, &[(path.to_string(), bytes.to_vec())]);
    if built.errors {
        return;
    }
    let files = built.files;
    for (path, bytes) in &files {
        if path.ends_with(".xml") {
            let text = std::str::from_utf8(bytes).expect("feeds are UTF-8");
            if let Err(e) = roxmltree::Document::parse(text) {
                panic!("{path} is not XML: {e}\n{text}");
            }
        } else if path.ends_with(".json")
            && let Err(e) = serde_json::from_slice::<serde_json::Value>(bytes)
        {
            panic!("{path} is not JSON: {e}");
        }
    }
});
