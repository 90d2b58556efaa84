//! The whole pipeline on a one-file site whose only Markdown file is the fuzz input (a
//! briefing, or a profile when the first byte says so), rendered into memory. Nothing may
//! panic; a build without errors writes feeds and a sitemap that parse as XML and JSON
//! files that parse as JSON.
#![no_main]

use dossier::config::Config;
use dossier::diagnostic::Diagnostics;
use dossier::pipeline;
use dossier::render::{self, Sink, theme};
use dossier::source::{self, Sources};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

/// Rendered files by output path.
#[derive(Default)]
struct Memory(Mutex<BTreeMap<String, Vec<u8>>>);

impl Sink for Memory {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let mut files = self
            .0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?;
        files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

const PATHS: &[&str] = &[
    "content/briefings/2025-11-20-x.md",
    "content/x.md",
    "content/actors/x.md",
    "content/places/x.md",
    "content/topics/x.md",
];

fn theme() -> &'static theme::Theme {
    static THEME: OnceLock<theme::Theme> = OnceLock::new();
    THEME.get_or_init(|| {
        let mut diags = Diagnostics::new();
        theme::load(std::path::Path::new("."), None, &mut diags).expect("the default theme loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // Briefings most of the time: they reach the most code.
    let path = PATHS
        .get(usize::from(first).saturating_sub(250))
        .unwrap_or(&PATHS[0]);
    let bytes = if first >= 250 { rest } else { data };
    let mut diags = Diagnostics::new();
    let markdown = source::from_bytes(path, bytes.to_vec(), &mut diags)
        .into_iter()
        .collect();
    let config = Config {
        base_url: "https://example.org/desk/".into(),
        base_path: "/desk/".into(),
        ..Config::fallback()
    };
    let sources = Sources {
        markdown,
        ..Sources::default()
    };
    let site = pipeline::load_sources(config, sources, false, &mut diags, &pipeline::Silent);
    let out = Memory::default();
    render::render_site(&site, theme(), &out, &mut diags);
    if diags.has_errors() {
        return;
    }
    let files = out.0.into_inner().expect("no writer panicked");
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
