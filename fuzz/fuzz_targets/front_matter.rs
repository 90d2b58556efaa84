//! Arbitrary bytes as a briefing and as each kind of profile: the front matter is split and
//! parsed, then typed. Nothing may panic, and every diagnostic points at a line and column
//! inside the file.
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
        // Positions as an editor shows the file: a BOM is no character, CRLF one break.
        let text = String::from_utf8_lossy(data);
        let text = text
            .strip_prefix('\u{feff}')
            .unwrap_or(&text)
            .replace("\r\n", "\n");
        let lines: Vec<&str> = text.split('\n').collect();
        for d in diags.iter() {
            let width = (d.span.line as usize)
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .map(|l| l.chars().count());
            assert!(
                width.is_some_and(|w| d.span.col >= 1 && d.span.col as usize <= w + 1),
                "{}:{}:{}: {} (the file has {} lines; that one {width:?} characters)",
                d.path,
                d.span.line,
                d.span.col,
                d.message,
                lines.len()
            );
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = front_matter::parse_document(text);
    }
});
