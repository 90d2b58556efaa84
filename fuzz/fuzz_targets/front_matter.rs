//! Arbitrary bytes as a briefing and as each kind of profile: the front matter is split and
//! parsed, then typed. Nothing may panic, every diagnostic points at a line and column
//! inside the file, and front matter the guards let through expands to no more nodes than
//! it writes plus the alias budget.
#![no_main]

use dossier::diagnostic::Diagnostics;
use dossier::front_matter::{ALIAS_BUDGET, Node, Yaml};
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
        if let Ok(split) = front_matter::split(&file.text)
            && let Ok(node) = front_matter::parse(split.yaml, split.yaml_line)
        {
            // A node takes at least half a byte to write (`? ` is a key and its value).
            let written = 2 * split.yaml.len() as u64 + 2;
            let built = nodes(&node);
            assert!(
                built <= written + ALIAS_BUDGET,
                "{built} nodes from {} bytes",
                split.yaml.len()
            );
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

/// Nodes in a parsed tree, keys included.
fn nodes(node: &Node) -> u64 {
    match &node.value {
        Yaml::Seq(items) => 1 + items.iter().map(nodes).sum::<u64>(),
        Yaml::Map(entries) => 1 + entries.iter().map(|(_, _, v)| 1 + nodes(v)).sum::<u64>(),
        _ => 1,
    }
}
