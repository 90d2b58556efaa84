//! docs/themes.md documents every template, every field a template can use, every block and
//! every section id: a field added to a view struct, a block added to a template or a row
//! added to the table of sections without a line in the docs fails here.

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
    for file in [
        "src/render/views.rs",
        "src/render/charts.rs",
        "src/render/network/mod.rs",
    ] {
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

/// The rows of the first table in `text`, as written.
fn table_rows(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with("| `")).collect()
}

/// The names in backquotes of a table row, after its first cell.
fn quoted_after_first_cell(row: &str) -> Vec<String> {
    let rest = row.splitn(3, '|').nth(2).unwrap_or("");
    rest.split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

/// The names of the blocks a template defines, in order.
fn blocks(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in template.split("{%").skip(1) {
        let inner = tag.split("%}").next().unwrap_or("");
        let mut words = inner
            .trim_matches(|c: char| c == '-' || c.is_whitespace())
            .split_whitespace();
        if words.next() == Some("block") {
            out.extend(words.next().map(String::from));
        }
    }
    out
}

#[test]
fn the_section_ids_in_the_theme_docs_are_the_table() {
    use dossier::sections::{Rows, TABLE};
    let doc = std::fs::read_to_string(repo().join("docs/themes.md")).unwrap();
    let docs = sections(&doc);
    let rows = table_rows(&docs["Section ids"]);
    let mut missing = Vec::new();
    for row in TABLE {
        let line = format!(
            "| `{}` | {} | {} |",
            row.section.id(),
            row.page.name(),
            row.when.doc()
        );
        if !rows.contains(&line.as_str()) {
            missing.push(line);
        }
    }
    for r in Rows::ALL {
        let line = format!(
            "| `{p}1`, `{p}2`… | briefing | one per {what}, in the `{s}` section |",
            p = r.prefix(),
            what = r.prefix().trim_end_matches('-'),
            s = r.section().id()
        );
        if !rows.contains(&line.as_str()) {
            missing.push(line);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/themes.md lacks:\n{}",
        missing.join("\n")
    );
    assert_eq!(
        rows.len(),
        TABLE.len() + Rows::ALL.len(),
        "docs/themes.md has rows the table has not: {rows:#?}"
    );
}

#[test]
fn the_blocks_in_the_theme_docs_are_the_templates_blocks() {
    let doc = std::fs::read_to_string(repo().join("docs/themes.md")).unwrap();
    let docs = sections(&doc);
    let rows = table_rows(&docs["Blocks"]);
    let dir = repo().join("themes/default/templates");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let found = blocks(&std::fs::read_to_string(&path).unwrap());
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("| `{name}` |")));
        match row {
            Some(row) => {
                assert_eq!(quoted_after_first_cell(row), found, "{name}");
                seen += 1;
            }
            None => assert!(
                found.is_empty(),
                "{name} has blocks {found:?}, undocumented"
            ),
        }
    }
    assert_eq!(
        seen,
        rows.len(),
        "rows for templates that do not exist: {rows:#?}"
    );
    assert!(seen >= 12);
}

#[test]
fn the_block_reader_finds_nested_and_trimmed_blocks() {
    let t = "{% extends \"base.html\" %}{% block content -%}\n{%   block a -%}x{%- endblock a %}{%- block b %}{% endblock %}{% endblock content %}";
    assert_eq!(blocks(t), ["content", "a", "b"]);
    assert_eq!(
        quoted_after_first_cell("| `x.html` | `content` (`a`, `b`) |"),
        ["content", "a", "b"]
    );
}

#[test]
fn every_kind_of_entity_is_in_the_theme_docs_and_the_default_templates() {
    use dossier::model::Kind;
    let doc = std::fs::read_to_string(repo().join("docs/themes.md")).unwrap();
    let docs = sections(&doc);
    let template = |name: &str| {
        std::fs::read_to_string(repo().join("themes/default/templates").join(name)).unwrap()
    };
    let (base, briefing) = (template("base.html"), template("briefing.html"));
    let mut missing = Vec::new();
    for kind in Kind::ALL {
        let dir = kind.dir();
        if !docs["BriefingView"].contains(&format!("| `{dir}` |")) {
            missing.push(format!("docs/themes.md: BriefingView.{dir}"));
        }
        if !doc.contains(&format!("| `{}` |", kind.template())) {
            missing.push(format!("docs/themes.md: {}", kind.template()));
        }
        if !base.contains(&format!("{{{{ page.root }}}}{dir}/index.html")) {
            missing.push(format!("base.html: a link to {dir}/"));
        }
        if !briefing.contains(&format!("briefing.{dir}")) {
            missing.push(format!("briefing.html: briefing.{dir}"));
        }
    }
    assert!(missing.is_empty(), "missing: {missing:#?}");
}
