//! Helpers for integration tests: tiny sites in temp folders, the binary, link checks.
#![allow(dead_code)]

pub mod markup;
pub mod mount;
pub mod serve;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A site written into a fresh temp folder.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A site with `site.yaml` (title only unless given) and the given files.
    pub fn new(files: &[(&str, &str)]) -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = TestSite { dir };
        if !files.iter().any(|(p, _)| *p == "site.yaml") {
            site.write(
                "site.yaml",
                "title: Test Desk\nbase_url: https://example.org/\n",
            );
        }
        for (p, text) in files {
            site.write(p, text);
        }
        site
    }

    /// Copies a fixture folder from tests/fixtures.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixtures().join(name), dir.path());
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("output")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    /// Runs `dossier ARGS --root ROOT`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        let root = self.root().to_string_lossy().to_string();
        all.push("--root");
        all.push(&root);
        run(&all, self.root())
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Reads an output file.
    pub fn page(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// What a run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The contract's `path:line:col: severity: message` lines of stderr, without the
    /// indented source, caret, help and code lines that follow each.
    pub fn diagnostics(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| {
                !l.starts_with(' ') && (l.contains(": error: ") || l.contains(": warning: "))
            })
            .collect()
    }
}

pub fn run(args: &[&str], cwd: &Path) -> Run {
    let out = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .env("DOSSIER_NOW", NOW)
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run");
    Run::from(out)
}

impl From<std::process::Output> for Run {
    /// A finished process: its exit code (-1 when killed by a signal) and its output.
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        }
    }
}

/// Builds the sample site at the repository root into `out`, with `extra` arguments.
pub fn build_sample(out: &Path, extra: &[&str]) -> Run {
    let root = repo();
    let (root_arg, out_arg) = (root.to_string_lossy(), out.to_string_lossy());
    let mut args = vec!["build", "--root", &root_arg, "--output", &out_arg];
    args.extend_from_slice(extra);
    run(&args, &root)
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// A fresh folder named `prefix…`, in memory (`/dev/shm`) where the machine has one and
/// TMPDIR does not say otherwise: tests that write and compare thousands of files run in
/// seconds there rather than minutes on a loaded disk.
pub fn scratch(prefix: &str) -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let base = if std::env::var_os("TMPDIR").is_none() && shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    (tempfile::Builder::new().prefix(prefix))
        .tempdir_in(base)
        .or_else(|_| tempfile::tempdir())
        .expect("temp dir")
}

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .to_string();
            out.insert(rel, std::fs::read(entry.path()).expect("read"));
        }
    }
    out
}

/// Every `href`/`src` value in an HTML text (attribute values, entities decoded for `&amp;`).
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            let after = &rest[i + attr.len()..];
            let end = after.find('"').unwrap_or(after.len());
            // Only real attributes: preceded by whitespace.
            let before = rest[..i].chars().last();
            if before.is_some_and(char::is_whitespace) {
                out.push(after[..end].replace("&amp;", "&"));
            }
            rest = &after[end..];
        }
    }
    out
}

/// Every `id="…"` in an HTML text.
pub fn ids(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=\"") {
        let after = &rest[i + 5..];
        let end = after.find('"').unwrap_or(after.len());
        out.push(after[..end].to_string());
        rest = &after[end..];
    }
    out
}

/// Checks that every internal link of every HTML page under `out` resolves to a file, and
/// every fragment to an id. `base_path` is the path root-relative links start with.
pub fn broken_links(out: &Path, base_path: &str) -> Vec<String> {
    let mut broken = Vec::new();
    for (rel, bytes) in snapshot(out) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf-8 page");
        let page_dir = Path::new(&rel)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for link in links(&html) {
            if link.contains("://") || link.starts_with("mailto:") || link.starts_with("//") {
                continue;
            }
            let (path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p.to_string(), Some(f.to_string())),
                None => (link.clone(), None),
            };
            let target = if path.is_empty() {
                out.join(&rel)
            } else if let Some(abs) = path.strip_prefix(base_path) {
                out.join(abs)
            } else if path.starts_with('/') {
                broken.push(format!("{rel}: {link} (outside base path)"));
                continue;
            } else {
                out.join(&page_dir).join(&path)
            };
            let mut target = normalize(&target);
            if target.is_dir() {
                target = target.join("index.html");
            }
            if !target.is_file() {
                broken.push(format!("{rel}: {link}"));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                let text = std::fs::read_to_string(&target).unwrap_or_default();
                if !ids(&text).contains(&f) {
                    broken.push(format!("{rel}: {link} (no id {f})"));
                }
            }
        }
    }
    broken
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The `<main>` element of a page.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").map_or(html.len(), |e| e + 7);
    &html[start..end]
}

/// The moment every build a test makes is made at, in process ([`schedule`]) or as a child
/// process (`DOSSIER_NOW`, set by [`run`] and the serve helpers unless a test sets its own).
/// A fixed one, not the clock's: a live preview started before the site's midnight and a
/// clean build made after it would count a stale topic's days differently (D105 hints name
/// them), and a comparison of the two would fail once a day at that minute.
pub const NOW: &str = "2026-12-06T12:00:00Z";

/// The schedule of [`NOW`]: what was published by then, nothing past its window.
pub fn schedule() -> dossier::schedule::Schedule {
    dossier::schedule::Schedule::at(NOW.parse().expect("NOW is RFC 3339"))
}

/// Build options for the site at `root` writing to `output` (`<root>/output` without one),
/// as `dossier build` takes them by default at [`NOW`]: what a live preview compares with.
pub fn options(root: &Path, output: Option<PathBuf>) -> dossier::pipeline::Options {
    dossier::pipeline::Options {
        root: root.to_path_buf(),
        output,
        base_url: None,
        drafts: false,
        schedule: schedule(),
    }
}
