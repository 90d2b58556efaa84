//! docs/themes.md documents every template and every field a template can use: a field added
//! to a view struct without a line in the docs fails here.

use std::collections::BTreeMap;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Serialize structs of a Rust source file and their field names, by reading the text.
fn view_structs(src: &str) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let mut lines = src.lines().peekable();
    let mut serialize = false;
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.starts_with("#[derive(") {
            serialize = t.contains("Serialize");
            continue;
        }
        let Some(rest) = t.strip_prefix("pub struct ") else {
            continue;
        };
        if !serialize || !rest.ends_with('{') {
            continue;
        }
        let name = rest.trim_end_matches('{').trim().to_string();
        let mut fields = Vec::new();
        for l in lines.by_ref() {
            let l = l.trim();
            if l == "}" {
                break;
            }
            if let Some(f) = l.strip_prefix("pub ").and_then(|f| f.split_once(':')) {
                fields.push(f.0.to_string());
            }
        }
        out.insert(name, fields);
        serialize = false;
    }
    out
}

/// `### Name` sections of the docs, with their text.
fn sections(doc: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in doc.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            if let Some((n, t)) = current.take() {
                out.insert(n, t);
            }
            current = Some((h.trim().to_string(), String::new()));
        } else if line.starts_with("## ") {
            if let Some((n, t)) = current.take() {
                out.insert(n, t);
            }
        } else if let Some((_, t)) = current.as_mut() {
            t.push_str(line);
            t.push('\n');
        }
    }
    if let Some((n, t)) = current {
        out.insert(n, t);
    }
    out
}

#[test]
fn every_view_struct_field_is_in_the_theme_docs() {
    let doc = std::fs::read_to_string(repo().join("docs/themes.md")).unwrap();
    let docs = sections(&doc);
    let mut structs = BTreeMap::new();
    for file in ["src/render/views.rs", "src/render/charts.rs"] {
        structs.extend(view_structs(
            &std::fs::read_to_string(repo().join(file)).unwrap(),
        ));
    }
    assert!(structs.len() >= 30, "found only {structs:?}");
    assert!(structs["TopicPage"].contains(&"chart".to_string()));
    let mut missing = Vec::new();
    for (name, fields) in &structs {
        let Some(text) = docs.get(name) else {
            missing.push(format!("no `### {name}` section"));
            continue;
        };
        for f in fields {
            if !text.contains(&format!("| `{f}` |")) {
                missing.push(format!("{name}.{f}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/themes.md does not document: {missing:?}"
    );
}

#[test]
fn every_default_template_is_in_the_theme_docs() {
    let doc = std::fs::read_to_string(repo().join("docs/themes.md")).unwrap();
    let dir = repo().join("themes/default/templates");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 12, "{names:?}");
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| !doc.contains(&format!("| `{n}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "templates missing from docs/themes.md: {missing:?}"
    );
}

#[test]
fn the_docs_checker_notices_an_undocumented_field() {
    let src = "#[derive(Debug, Serialize)]\npub struct Demo {\n    pub shown: u8,\n    /// doc\n    pub hidden: u8,\n}\n";
    let structs = view_structs(src);
    assert_eq!(structs["Demo"], ["shown", "hidden"]);
    let docs = sections("### Demo\n\n| `shown` | number | x |\n");
    assert!(docs["Demo"].contains("| `shown` |"));
    assert!(!docs["Demo"].contains("| `hidden` |"));
}
