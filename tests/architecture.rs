//! The dependency arrows of `docs/architecture.md`, checked on the source: no module imports
//! one that imports it back, and the pipeline's spine points one way only.
//!
//! Imports are read from the text of `src/` (every `use` tree and every `crate::`/`super::`
//! path, with comments, string literals and `#[cfg(test)]` items left out), which is all a
//! module can reach another by. A path through a name a module binds with an item-level `use`
//! (`super::Rebuilt` where `incremental/mod.rs` has `pub use outcome::Rebuilt`; private ones
//! too, which its children see) is an import of the module the name comes from as well. A glob import of a module also reaches what that module
//! glob-imports; a single name a module has only through a glob is not followed. A folder
//! module (`render/mod.rs`) and its own children are one unit: a type whose methods are split
//! across files (`incremental::Engine`) refers both ways by nature. Siblings inside a folder
//! and top-level modules must form no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The spine, from the command line down to the content model: a module may import those
/// after it, never one before it (directly or through others).
const SPINE: &[&str] = &[
    "cli",
    "serve",
    "lsp",
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

/// Every module under `src` but the crate roots, with its code.
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
        out.insert(m.join("::"), code(&text));
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text with comments and the insides of string and char literals turned to spaces, so
/// that a `}` or a `crate::` in them counts for nothing.
fn blank(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank_to = |out: &mut String, from: &[char]| {
        out.extend(from.iter().map(|&c| if c == '\n' { '\n' } else { ' ' }));
    };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let after_ident = i > 0 && is_ident(b[i - 1]);
        if c == '/' && b.get(i + 1) == Some(&'/') {
            let end = (i..b.len()).find(|&j| b[j] == '\n').unwrap_or(b.len());
            blank_to(&mut out, &b[i..end]);
            i = end;
            continue;
        }
        if c == '/' && b.get(i + 1) == Some(&'*') {
            let (mut depth, mut j) = (0, i);
            while j < b.len() {
                if b[j] == '/' && b.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if b[j] == '*' && b.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            let end = j.min(b.len());
            blank_to(&mut out, &b[i..end]);
            i = end;
            continue;
        }
        let raw_from = match (c, b.get(i + 1)) {
            ('r', _) => Some(i + 1),
            ('b', Some('r')) => Some(i + 2),
            _ => None,
        };
        if let Some(from) = raw_from.filter(|_| !after_ident) {
            let hashes = b[from..].iter().take_while(|&&h| h == '#').count();
            if b.get(from + hashes) == Some(&'"') {
                let open = from + hashes + 1;
                let close = (open..b.len())
                    .find(|&j| {
                        b[j] == '"'
                            && b[j + 1..]
                                .iter()
                                .take(hashes)
                                .eq(b[from..from + hashes].iter())
                    })
                    .unwrap_or(b.len());
                out.extend(&b[i..open]);
                blank_to(&mut out, &b[open..close]);
                let end = (close + 1 + hashes).min(b.len());
                out.extend(&b[close.min(end)..end]);
                i = end;
                continue;
            }
        }
        if c == '"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != '"' {
                j += if b[j] == '\\' { 2 } else { 1 };
            }
            let end = j.min(b.len());
            out.push('"');
            blank_to(&mut out, &b[i + 1..end]);
            out.extend(b.get(end));
            i = end + 1;
            continue;
        }
        if c == '\'' {
            // `'x'` and `'\n'` are literals; `'a` is a lifetime.
            let close = match b.get(i + 1) {
                Some('\\') => (i + 3..b.len()).find(|&j| b[j] == '\''),
                Some(_) if b.get(i + 2) == Some(&'\'') => Some(i + 2),
                _ => None,
            };
            if let Some(close) = close {
                out.push('\'');
                blank_to(&mut out, &b[i + 1..close]);
                out.push('\'');
                i = close + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The code without the items under a `#[cfg(test)]` (or `#[cfg(all(test, …))]`): the
/// `mod tests { … }` block, matched by its braces, and any test-only statement or item.
fn without_tests(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(") {
        let Some(close) = rest[at..].find(']').map(|n| at + n) else {
            break;
        };
        let predicate = &rest[at + 6..close];
        let test_only =
            predicate.split(|c| !is_ident(c)).any(|w| w == "test") && !predicate.contains("not(");
        if !test_only {
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        }
        out.push_str(&rest[..at]);
        // The item ends at its first `;` outside brackets, or where its first block closes.
        let mut depth = 0i32;
        let mut end = rest.len();
        for (i, c) in rest[close + 1..].char_indices() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' => depth -= 1,
                '}' if depth <= 1 => {
                    end = close + 1 + i + usize::from(depth == 1);
                    break;
                }
                '}' => depth -= 1,
                ';' if depth == 0 => {
                    end = close + 1 + i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The source as the checker reads it: no comments, literals or unit tests.
fn code(text: &str) -> String {
    without_tests(&blank(text))
}

/// Every path of a `use` tree (`a::{b, c::{d}}` → `a::b`, `a::c::d`).
fn flatten(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{tree}"));
        return;
    };
    let Some(close) = tree.rfind('}') else {
        return;
    };
    let head = format!("{prefix}{}", tree[..open].trim());
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
    if !tree[start..close].trim().is_empty() {
        flatten(&head, &tree[start..close], out);
    }
}

/// One path a `use` names, with the name it binds (none for `_` and globs) and whether
/// the `use` is an item of the module itself (not inside a function or block).
struct Leaf {
    path: String,
    name: Option<String>,
    item: bool,
}

fn use_leaves(code: &str) -> Vec<Leaf> {
    let mut out = Vec::new();
    let mut depth = 0;
    for (i, c) in code.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        let before = code[..i].chars().next_back();
        if !code[i..].starts_with("use")
            || before.is_some_and(is_ident)
            || !code[i + 3..].starts_with(char::is_whitespace)
        {
            continue;
        }
        let Some(end) = code[i..].find(';') else {
            continue;
        };
        let tree: String = code[i + 3..i + end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut flat = Vec::new();
        flatten("", &tree, &mut flat);
        for leaf in flat {
            let leaf = leaf.replace(" :: ", "::");
            let (path, name) = match leaf.split_once(" as ") {
                Some((p, n)) => (p.trim().to_string(), Some(n.trim().to_string())),
                None => (leaf.clone(), leaf.rsplit("::").next().map(str::to_string)),
            };
            let (path, name) = match path.strip_suffix("::self") {
                Some(p) => {
                    let own = p.rsplit("::").next().map(str::to_string);
                    (p.to_string(), name.filter(|n| n != "self").or(own))
                }
                None => (path, name),
            };
            let name = name.filter(|n| n != "_" && n != "*");
            out.push(Leaf {
                path,
                name,
                item: depth == 0,
            });
        }
    }
    out
}

/// Every `crate::…` and `super::…` path written outside a `use`, macros included.
fn loose_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        for (i, _) in code.match_indices(start) {
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
                continue;
            }
            let end = code[i..]
                .find(|c: char| !(is_ident(c) || c == ':'))
                .map_or(code.len(), |n| i + n);
            out.push(code[i..end].to_string());
        }
    }
    out
}

/// The source as modules: their code, the names each binds with an item-level `use`
/// (name → absolute path), and the paths each glob-imports.
struct Modules {
    code: BTreeMap<String, String>,
    names: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    globs: BTreeMap<String, Vec<Vec<String>>>,
}

impl Modules {
    fn read(src: &Path) -> Modules {
        let code = modules(src);
        let mut names: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
        let mut globs: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
        for (me, text) in &code {
            for leaf in use_leaves(text).into_iter().filter(|l| l.item) {
                let Some(full) = absolute(me, &leaf.path, &code) else {
                    continue;
                };
                if full.last().is_some_and(|s| s == "*") {
                    let mut from = full;
                    from.pop();
                    globs.entry(me.clone()).or_default().push(from);
                } else if let Some(name) = leaf.name {
                    names.entry(me.clone()).or_default().insert(name, full);
                }
            }
        }
        Modules { code, names, globs }
    }

    /// The modules a path reaches: its longest module prefix, and, when the next segment
    /// is a name that module has by a `use`, what that `use` reaches (chains followed).
    fn targets(&self, full: &[String], out: &mut BTreeSet<String>, hops: usize) {
        let Some(n) = (1..=full.len())
            .rev()
            .find(|&n| self.code.contains_key(&full[..n].join("::")))
        else {
            return;
        };
        let module = full[..n].join("::");
        out.insert(module.clone());
        let Some(next) = full.get(n).filter(|_| hops < 16) else {
            return;
        };
        if next == "*" {
            for from in self.globs.get(&module).into_iter().flatten() {
                let via: Vec<String> = from.iter().cloned().chain(["*".to_string()]).collect();
                self.targets(&via, out, hops + 1);
            }
        } else if let Some(to) = self.names.get(&module).and_then(|m| m.get(next)) {
            let via: Vec<String> = to.iter().chain(&full[n + 1..]).cloned().collect();
            self.targets(&via, out, hops + 1);
        }
    }
}

/// A path written in module `me` as segments from the crate root, if it is in the crate.
fn absolute(me: &str, path: &str, code: &BTreeMap<String, String>) -> Option<Vec<String>> {
    let here: Vec<&str> = me.split("::").collect();
    let parts: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let full: Vec<&str> = match *parts.first()? {
        "crate" => parts[1..].to_vec(),
        "super" => {
            let ups = parts.iter().take_while(|s| **s == "super").count();
            let base = &here[..here.len().saturating_sub(ups)];
            base.iter().chain(&parts[ups..]).copied().collect()
        }
        "self" => here.iter().chain(&parts[1..]).copied().collect(),
        first if code.contains_key(&format!("{me}::{first}")) => {
            here.iter().chain(&parts).copied().collect()
        }
        _ => return None,
    };
    Some(full.into_iter().map(str::to_string).collect())
}

/// Module → the modules it imports, under the source folder `src`.
fn graph(src: &Path) -> Graph {
    let mods = Modules::read(src);
    let mut g = Graph::new();
    for (me, text) in &mods.code {
        let deps = g.entry(me.clone()).or_default();
        let leaves = use_leaves(text).into_iter().map(|l| l.path);
        for p in leaves.chain(loose_paths(text)) {
            if let Some(full) = absolute(me, &p, &mods.code) {
                mods.targets(&full, deps, 0);
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

/// A fake source folder: `(path under src/, text)`.
fn fake(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, text) in files {
        let file = dir.path().join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).expect("a folder in the temporary one");
        }
        std::fs::write(file, text).expect("a file in the temporary folder");
    }
    dir
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_cycle_through_a_folder_re_export_is_found() {
    // `a` takes `Thing` from its folder module, which has it from `b`, which has it from
    // `c`; `c` uses `a` back.
    let src = fake(&[
        ("inc/mod.rs", "mod a;\nmod b;\nmod c;\npub use b::Thing;\n"),
        ("inc/a.rs", "use super::Thing;\npub fn f() {}\n"),
        ("inc/b.rs", "pub use super::c::Thing;\n"),
        ("inc/c.rs", "pub struct Thing;\nfn g() { super::a::f() }\n"),
    ]);
    let g = graph(src.path());
    assert!(g["inc::a"].contains("inc::c"), "{g:?}");
    let found = cycles(&unit_edges(&g));
    assert!(
        found.contains(&"inc::a → inc::c → … → inc::a".to_string()),
        "{found:?}"
    );
}

#[test]
fn a_glob_import_reaches_what_its_module_glob_imports() {
    let src = fake(&[
        ("r/mod.rs", "mod a;\nmod b;\nmod c;\n"),
        ("r/a.rs", "use super::b::*;\n"),
        ("r/b.rs", "pub use super::c::*;\n"),
        ("r/c.rs", "pub struct C;\n"),
    ]);
    assert_eq!(graph(src.path())["r::a"], set(&["r::b", "r::c"]));
}

#[test]
fn a_use_after_the_test_module_is_seen() {
    let src = fake(&[
        (
            "x.rs",
            "pub fn f() {}\n#[cfg(test)]\nmod tests {\n    \
             fn t() { let _ = (\"}\", '}', r#\"}\"#); }\n    use crate::z;\n}\n\n\
             use crate::y::g;\n",
        ),
        ("y.rs", "pub fn g() {}\n"),
        ("z.rs", "pub fn h() {}\n"),
    ]);
    assert_eq!(graph(src.path())["x"], set(&["y"]));
}

#[test]
fn use_groups_and_paths_in_macros_are_imports() {
    let src = fake(&[
        (
            "x.rs",
            "use crate::{a, b::{c}};\n\
             // crate::e is only named in a comment\n\
             fn f() { println!(\"{} crate::e\", crate::d::f()); }\n",
        ),
        ("a.rs", ""),
        ("b/mod.rs", "mod c;\n"),
        ("b/c.rs", ""),
        ("d.rs", "pub fn f() -> u8 { 1 }\n"),
        ("e.rs", ""),
    ]);
    assert_eq!(graph(src.path())["x"], set(&["a", "b::c", "d"]));
}

#[test]
fn a_module_used_only_by_unit_tests_is_not_imported() {
    let src = fake(&[
        (
            "x.rs",
            "pub fn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::y::helper;\n}\n",
        ),
        ("y.rs", "use crate::x::f;\npub fn helper() { f() }\n"),
    ]);
    let g = graph(src.path());
    assert_eq!(g["x"], set(&[]));
    assert!(cycles(&unit_edges(&g)).is_empty());
}
