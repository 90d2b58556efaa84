//! The dependency arrows of `docs/architecture.md`, checked on the source: no module imports
//! one that imports it back, and the pipeline's spine points one way only.
//!
//! Imports are read from the text of `src/` (every `use` tree and every `crate::`/`super::`
//! path outside `mod tests`), which is all a module can reach another by. A folder module
//! (`render/mod.rs`) and its own children are one unit: a type whose methods are split
//! across files (`incremental::Engine`) refers both ways by nature. Siblings inside a folder
//! and top-level modules must form no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The spine, from the command line down to the content model: a module may import those
/// after it, never one before it (directly or through others).
const SPINE: &[&str] = &[
    "cli",
    "serve",
    "incremental",
    "pipeline",
    "render",
    "site",
    "index",
    "markdown",
    "resolve",
    "parse",
    "model",
];

type Graph = BTreeMap<String, BTreeSet<String>>;

fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn modules(src: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(src) {
        let e = e.expect("src/ is readable");
        if e.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = e.path().strip_prefix(src).expect("under src/");
        let m = module_of(rel);
        if m == ["main"] || m == ["lib"] {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).expect("a source file is UTF-8");
        out.insert(m.join("::"), text);
    }
    out
}

/// The source without its unit tests and comments.
fn code(text: &str) -> String {
    let text = match text.find("\nmod tests {") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path of a `use` tree (`a::{b, c::{d}}` → `a::b`, `a::c::d`).
fn flatten(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{tree}"));
        return;
    };
    let Some(close) = tree.rfind('}') else {
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let (mut depth, mut start) = (0, open + 1);
    for (i, c) in tree.char_indices().take(close).skip(open + 1) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                flatten(&head, &tree[start..i], out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < close {
        flatten(&head, &tree[start..close], out);
    }
}

fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(end) = rest.find(';') {
            let tree: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
            flatten("", &tree, &mut out);
        }
    }
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        for (i, _) in code.match_indices(start) {
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
                continue;
            }
            let end = code[i..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |n| i + n);
            out.push(code[i..end].to_string());
        }
    }
    out
}

/// Module → the modules it imports (the longest module prefix of each path).
fn graph(src: &Path) -> Graph {
    let mods = modules(src);
    let mut g = Graph::new();
    for (me, text) in &mods {
        let here: Vec<&str> = me.split("::").collect();
        let children: BTreeSet<&str> = mods
            .keys()
            .filter_map(|k| k.strip_prefix(&format!("{me}::")))
            .filter(|k| !k.contains("::"))
            .collect();
        let deps = g.entry(me.clone()).or_default();
        for p in paths(&code(text)) {
            let parts: Vec<&str> = p.split("::").filter(|s| !s.is_empty()).collect();
            let full: Vec<&str> = match parts.first() {
                Some(&"crate") => parts[1..].to_vec(),
                Some(&"super") => {
                    let ups = parts.iter().take_while(|s| **s == "super").count();
                    let base = &here[..here.len().saturating_sub(ups)];
                    base.iter().chain(&parts[ups..]).copied().collect()
                }
                Some(&"self") => here.iter().chain(&parts[1..]).copied().collect(),
                Some(first) if children.contains(first) => {
                    here.iter().chain(&parts).copied().collect()
                }
                _ => continue,
            };
            let target = (1..=full.len())
                .rev()
                .map(|n| full[..n].join("::"))
                .find(|k| mods.contains_key(k));
            if let Some(t) = target {
                deps.insert(t);
            }
        }
    }
    g
}

/// The unit a module belongs to at a level of the tree: a folder module and its children
/// are one unit for modules outside it.
fn unit(module: &str, depth: usize) -> String {
    module
        .split("::")
        .take(depth)
        .collect::<Vec<_>>()
        .join("::")
}

/// Edges between distinct units that share a parent, at every depth of the tree.
fn unit_edges(g: &Graph) -> Graph {
    let mut out = Graph::new();
    for (from, tos) in g {
        for to in tos {
            let (a, b): (Vec<&str>, Vec<&str>) =
                (from.split("::").collect(), to.split("::").collect());
            let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            if common == a.len() || common == b.len() {
                continue; // a folder module and its own children
            }
            out.entry(unit(from, common + 1))
                .or_default()
                .insert(unit(to, common + 1));
        }
    }
    out
}

fn reaches(g: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(n) = stack.pop() {
        for m in g.get(&n).into_iter().flatten() {
            if seen.insert(m.clone()) {
                stack.push(m.clone());
            }
        }
    }
    seen
}

fn cycles(g: &Graph) -> Vec<String> {
    let mut out = Vec::new();
    for (a, tos) in g {
        for b in tos {
            if reaches(g, b).contains(a) {
                out.push(format!("{a} → {b} → … → {a}"));
            }
        }
    }
    out
}

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let units = unit_edges(&graph(&src()));
    let found = cycles(&units);
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn the_spine_points_one_way() {
    let units = unit_edges(&graph(&src()));
    let mut wrong = Vec::new();
    for (i, upper) in SPINE.iter().enumerate() {
        for lower in &SPINE[i + 1..] {
            if reaches(&units, lower).contains(*upper) {
                wrong.push(format!("{lower} reaches {upper}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows against the spine:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_a_cycle() {
    // The checker itself: two modules importing each other, through `use` and a path.
    let mut g = Graph::new();
    let code_a = code("use crate::b::Thing;\nfn f() {}\n");
    let code_b = code("fn g() { crate::a::f() }\n#[cfg(test)]\nmod tests {\n use crate::c; }\n");
    for (name, text) in [("a", code_a), ("b", code_b)] {
        let deps = g.entry(name.to_string()).or_default();
        for p in paths(&text) {
            if let Some(m) = p.strip_prefix("crate::").and_then(|r| r.split("::").next()) {
                deps.insert(m.to_string());
            }
        }
    }
    assert_eq!(
        g["b"],
        BTreeSet::from(["a".to_string()]),
        "unit tests are not imports"
    );
    assert_eq!(cycles(&unit_edges(&g)).len(), 2);
    let mut flat = Vec::new();
    flatten("", "crate::{a::{b,c},d}", &mut flat);
    assert_eq!(flat, ["crate::a::b", "crate::a::c", "crate::d"]);
}
