//! Arbitrary bytes as a briefing and as each kind of profile: the front matter is split and
//! parsed, then typed. Nothing may panic, and every diagnostic points inside the file.
#![no_main]

use dossier::diagnostic::Diagnostics;
use dossier::{front_matter, parse, source};
use libfuzzer_sys::fuzz_target;

const PATHS: &[&str] = &[
    "content/briefings/2025-11-20-x.md",
    "content/actors/x.md",
    "content/places/x.md",
    "content/topics/x.md",
];

fuzz_target!(|data: &[u8]| {
    for path in PATHS {
        let mut diags = Diagnostics::new();
        let Some(file) = source::from_bytes(path, data.to_vec(), &mut diags) else {
            continue;
        };
        if let Ok(split) = front_matter::split(&file.text) {
            let _ = front_matter::parse(split.yaml, split.yaml_line);
        }
        let _ = parse::parse_file(&file, &mut diags);
        let lines = file.text.split('\n').count() as u32;
        for d in diags.iter() {
            assert!(
                d.span.line >= 1 && d.span.line <= lines && d.span.col >= 1,
                "{}:{}:{}: {} (the file has {lines} lines)",
                d.path,
                d.span.line,
                d.span.col,
                d.message
            );
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = front_matter::parse_document(text);
    }
});
