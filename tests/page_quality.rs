//! Page quality of the sample site: the Nu HTML Checker (vnu) reports no error on any page,
//! and axe-core in headless Chromium no violation on one page of each kind, in light and
//! dark mode. The Arabic demo site (tests/fixtures/arabic) passes both, right to left. Two more tests prove, on a page made to fail, that the checkers see errors.
//!
//! The tools live outside cargo: Java 17+ and Chromium (Debian packages), Node.js and the
//! npm packages of `tests/browser` (`npm ci --prefix tests/browser --ignore-scripts`).
//! So these tests are `#[ignore]`d with that reason: `cargo test` counts them as ignored,
//! and `.ci/run` installs the tools and runs them with `--ignored`. Run where a tool is
//! missing, a test fails naming what to install.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Something a check needs that this machine lacks, and how to get it.
struct Missing {
    what: String,
    install: &'static str,
}

fn browser_dir() -> PathBuf {
    repo().join("tests/browser")
}

fn vnu_jar() -> PathBuf {
    browser_dir().join("node_modules/vnu-jar/build/dist/vnu.jar")
}

const NPM_CI_HINT: &str = "install with `npm ci --prefix tests/browser --ignore-scripts`";

/// Java 17 or later on PATH (vnu needs it), and the vnu jar.
fn vnu_tools() -> Vec<Missing> {
    let mut missing = Vec::new();
    let install = "install with `apt-get install -y default-jre-headless`";
    match Command::new("java").arg("-version").output() {
        Ok(out) if out.status.success() => {
            // `openjdk version "17.0.15" …` (on stderr); "1.8.0" is Java 8.
            let text = String::from_utf8_lossy(&out.stderr);
            let version = text.split('"').nth(1).unwrap_or("");
            let major: u32 = match version.split('.').next() {
                Some("1") => version.split('.').nth(1),
                first => first,
            }
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
            if major < 17 {
                missing.push(Missing {
                    what: format!("Java 17 or later (found {version:?})"),
                    install,
                });
            }
        }
        _ => missing.push(Missing {
            what: "Java 17 or later (`java` on PATH)".into(),
            install,
        }),
    }
    if !vnu_jar().is_file() {
        missing.push(Missing {
            what: "the vnu-jar npm package (tests/browser/node_modules)".into(),
            install: NPM_CI_HINT,
        });
    }
    missing
}

/// The Chromium axe.mjs will drive: $CHROMIUM, else Debian's (the same rule as lib.mjs).
fn chromium() -> Option<PathBuf> {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from))
        .find(|p| p.is_file())
}

/// Node.js, the npm packages and Chromium.
fn axe_tools() -> Vec<Missing> {
    let mut missing = Vec::new();
    if !Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        missing.push(Missing {
            what: "Node.js 20 or later (`node` on PATH)".into(),
            install: "install Node.js 20 or later, with npm",
        });
    }
    for package in ["axe-core", "playwright-core"] {
        if !browser_dir()
            .join("node_modules")
            .join(package)
            .join("package.json")
            .is_file()
        {
            missing.push(Missing {
                what: format!("the {package} npm package (tests/browser/node_modules)"),
                install: NPM_CI_HINT,
            });
        }
    }
    if chromium().is_none() {
        missing.push(Missing {
            what: "Chromium (/usr/bin/chromium or $CHROMIUM)".into(),
            install: "install with `apt-get install -y chromium`",
        });
    }
    missing
}

/// Fails the test, naming what to install, when a tool it needs is missing.
fn require(test: &str, missing: &[Missing]) {
    if missing.is_empty() {
        return;
    }
    let mut lines: Vec<String> = missing
        .iter()
        .map(|m| format!("{} ({})", m.what, m.install))
        .collect();
    lines.dedup();
    panic!("{test}: missing {}; see .ci/run", lines.join(", "));
}

/// Builds the sample site with its lists in pages of two into `dir/site`, so that every
/// paginated page has a page 2 with its pager; returns the output folder.
fn build_paged_sample(dir: &Path) -> PathBuf {
    let root = dir.join("paged");
    copy_dir(&repo().join("content"), &root.join("content"));
    let yaml = std::fs::read_to_string(repo().join("site.yaml")).expect("site.yaml");
    std::fs::write(root.join("site.yaml"), format!("{yaml}page_size: 2\n")).expect("write");
    let out = dir.join("paged-site");
    let (root_arg, out_arg) = (root.to_string_lossy(), out.to_string_lossy());
    let r = run(&["build", "--root", &root_arg, "--output", &out_arg], &root);
    assert_eq!(
        r.code, 0,
        "the paged sample site does not build:\n{}",
        r.stderr
    );
    out
}

/// Later pages of lists in [`build_paged_sample`]'s output, one of each kind.
const LATER_PAGES: [&str; 7] = [
    "timeline/page/2/index.html",
    "briefings/page/2/index.html",
    "actors/ukraine/page/2/index.html",
    "topics/us-peace-plan/page/2/index.html",
    "actors/page/2/index.html",
    "tags/page/2/index.html",
    "tags/diplomacy/page/2/index.html",
];

/// Every `.html` file under `dir`, sorted.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk").into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    files
}

/// Runs vnu once over every `.html` file under `dir`: its errors as
/// `page:line:col: message` lines (with the offending source below), and the page count.
fn vnu_errors(dir: &Path) -> (Vec<String>, usize) {
    let files = html_files(dir);
    assert!(!files.is_empty(), "no .html file in {}", dir.display());
    let out = Command::new("java")
        .arg("-jar")
        .arg(vnu_jar())
        .args(["--errors-only", "--format", "json", "--stdout"])
        .args(&files)
        .output()
        .expect("run java");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "vnu did not run ({e}; exit {:?}):\n{stdout}\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let prefix = format!("file:{}/", dir.display());
    let mut errors = Vec::new();
    for m in report["messages"].as_array().expect("messages") {
        let url = m["url"].as_str().unwrap_or("?");
        let page = url.strip_prefix(&prefix).unwrap_or(url);
        let line = m["lastLine"].as_u64().or(m["firstLine"].as_u64());
        let col = m["firstColumn"].as_u64().or(m["lastColumn"].as_u64());
        let at = match (line, col) {
            (Some(l), Some(c)) => format!("{page}:{l}:{c}"),
            (Some(l), None) => format!("{page}:{l}"),
            _ => page.to_string(),
        };
        let kind = m["type"].as_str().unwrap_or("error");
        let message = m["message"].as_str().unwrap_or("");
        let mut text = format!("{at}: {kind}: {message}");
        if let Some(extract) = m["extract"].as_str() {
            text.push_str(&format!("\n    {}", extract.replace('\n', "⏎")));
        }
        errors.push(text);
    }
    assert!(
        out.status.code() == Some(0) || !errors.is_empty(),
        "vnu failed without a message (exit {:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    (errors, files.len())
}

/// Runs `node tests/browser/SCRIPT DIR ARGS` with the Chromium to drive.
fn browser_script(script: &str, dir: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new("node");
    cmd.arg(browser_dir().join(script)).arg(dir).args(args);
    if let Some(chromium) = chromium() {
        cmd.env("CHROMIUM", chromium);
    }
    cmd.output().expect("run node")
}

/// Runs `node tests/browser/axe.mjs DIR ARGS`: passed (exit 0) or not, and what it printed.
fn axe(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = browser_script("axe.mjs", dir, args);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => (true, stdout),
        Some(1) => (false, stdout),
        code => panic!("axe.mjs could not run (exit {code:?}):\n{stdout}\n{stderr}"),
    }
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn every_page_of_the_sample_site_passes_the_nu_html_checker() {
    require("the Nu HTML Checker", &vnu_tools());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "the sample site does not build:\n{}", r.stderr);
    let (errors, pages) = vnu_errors(&out);
    assert!(
        errors.is_empty(),
        "the Nu HTML Checker found {} error(s) in {pages} pages:\n{}",
        errors.len(),
        errors.join("\n")
    );
    eprintln!("vnu: {pages} pages, no error");
    // And every page of every list cut in pages of two: pagers, later pages' short heads.
    let paged = build_paged_sample(tmp.path());
    for page in LATER_PAGES {
        assert!(paged.join(page).is_file(), "{page}");
    }
    let (errors, pages) = vnu_errors(&paged);
    assert!(
        errors.is_empty(),
        "the Nu HTML Checker found {} error(s) in {pages} pages of lists in pages of two:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn every_page_has_no_axe_violations_in_light_and_dark_mode() {
    require("axe-core in Chromium", &axe_tools());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "the sample site does not build:\n{}", r.stderr);
    // Every page, not one of each kind: Markdown bodies differ from page to page.
    let (passed, report) = axe(&out, &["--all"]);
    assert!(passed, "axe-core found violations:\n{report}");
    eprint!("{report}");
    // And one page of each kind on a phone, where tables scroll and columns stack.
    let (passed, report) = axe(&out, &["--width", "390"]);
    assert!(passed, "axe-core found violations at 390 px:\n{report}");
    eprint!("{report}");
    // And later pages of lists, with their pagers.
    let paged = build_paged_sample(tmp.path());
    let args: Vec<&str> = LATER_PAGES.iter().flat_map(|p| ["--page", *p]).collect();
    let (passed, report) = axe(&paged, &args);
    assert!(
        passed,
        "axe-core found violations on later pages:\n{report}"
    );
    eprint!("{report}");
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn the_arabic_demo_site_passes_the_nu_html_checker_and_axe_right_to_left() {
    require("the Nu HTML Checker", &vnu_tools());
    require("axe-core in Chromium", &axe_tools());
    let tmp = tempfile::tempdir().unwrap();
    let (root, out) = (fixtures().join("arabic"), tmp.path().join("site"));
    let (root_arg, out_arg) = (root.to_string_lossy(), out.to_string_lossy());
    let r = run(&["build", "--root", &root_arg, "--output", &out_arg], &root);
    assert_eq!(
        r.code, 0,
        "the Arabic demo site does not build:\n{}",
        r.stderr
    );
    let (errors, pages) = vnu_errors(&out);
    assert!(
        errors.is_empty(),
        "the Nu HTML Checker found {} error(s) in {pages} pages of the Arabic site:\n{}",
        errors.len(),
        errors.join("\n")
    );
    // Its base_url has the path /ar/, where the pages' links start.
    let (passed, report) = axe(&out, &["--all", "--base", "/ar/"]);
    assert!(
        passed,
        "axe-core found violations on the Arabic site:\n{report}"
    );
    eprint!("{report}");
    let (passed, report) = axe(&out, &["--all", "--width", "390", "--base", "/ar/"]);
    assert!(
        passed,
        "axe-core found violations on the Arabic site at 390 px:\n{report}"
    );
    eprint!("{report}");
    // On a phone its chart runs right to left with the latest mark in view, and no page is
    // wider than the screen (overflow would run off to the left).
    let topic = "topics/ceasefire/index.html";
    let run = browser_script(
        "phone.mjs",
        &out,
        &["--topic", topic, "--base", "/ar/", "--all"],
    );
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.status.success(), "phone checks failed:\n{report}");
    for want in [
        "light: the latest stance mark is in view without scrolling (its left edge",
        "dark: every actor name of the chart is in view",
        "briefings/talks-open/index.html: the page is no wider than the screen",
    ] {
        assert!(report.contains(want), "no {want:?} in:\n{report}");
    }
}

/// A page with an image without `alt`, and text that is readable in light mode but not in
/// dark mode.
fn bad_page() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.html"),
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bad</title>
<style>
p { color: #222; background: #fff; }
@media (prefers-color-scheme: dark) { p { color: #555; background: #444; } }
</style></head>
<body><main><h1>Bad</h1><p>Grey on grey in the dark.</p><img src="bad.html"></main></body></html>
"#,
    )
    .unwrap();
    dir
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn the_nu_html_checker_reports_a_bad_page() {
    require("the Nu HTML Checker", &vnu_tools());
    let dir = bad_page();
    let (errors, _) = vnu_errors(dir.path());
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("bad.html:7:") && errors[0].contains("“alt” attribute"),
        "{}",
        errors[0]
    );
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn axe_reports_a_bad_page_in_the_scheme_it_fails() {
    require("axe-core in Chromium", &axe_tools());
    let dir = bad_page();
    let (passed, report) = axe(dir.path(), &["--page", "bad.html"]);
    assert!(!passed, "{report}");
    for want in [
        "bad.html [light] image-alt (critical)",
        "bad.html [dark] image-alt (critical)",
        "bad.html [dark] color-contrast (serious)",
        "    p: Element has insufficient color contrast",
        "    img: Element does not have an alt attribute",
    ] {
        assert!(report.contains(want), "no {want:?} in:\n{report}");
    }
    assert!(
        !report.contains("[light] color-contrast"),
        "light mode is readable:\n{report}"
    );
}

/// Runs `node tests/browser/search.mjs DIR ARGS`: passed or not, and what it printed.
fn search_scenario(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = browser_script("search.mjs", dir, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn search_finds_ranks_and_filters_at_the_root_under_a_sub_path_and_from_the_folder() {
    require("search in Chromium", &axe_tools());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "the sample site does not build:\n{}", r.stderr);
    let (passed, report) = search_scenario(&out, &[]);
    assert!(passed, "search at / failed:\n{report}");
    assert!(report.matches("\nok ").count() >= 18, "{report}");
    for want in [
        "ok   /: the excerpt marks the phrase",
        "ok   /: \"one party\" in quotes finds 1 briefing",
        "ok   /: typing the alias \"Зеленськ\" offers Volodymyr Zelenskiy's page first",
    ] {
        assert!(report.contains(want), "no {want:?} in:\n{report}");
    }

    // Opened from the folder, with no server: the index loads as scripts.
    let (passed, report) = search_scenario(&out, &["--file"]);
    assert!(passed, "search from file:// failed:\n{report}");
    assert!(report.matches("\nok ").count() >= 18, "{report}");

    let desk = tmp.path().join("desk");
    let r = build_sample(&desk, &["--base-url", "https://example.org/desk/"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (passed, report) = search_scenario(&desk, &["--base", "/desk/"]);
    assert!(passed, "search under /desk/ failed:\n{report}");
    assert!(
        report.contains("ok   /desk/: the result links to its briefing"),
        "{report}"
    );
}

#[test]
#[ignore = "needs Node.js 20 or later (.ci/run installs it and runs this with --ignored)"]
fn search_js_cuts_and_folds_the_shared_cases_as_the_index_does() {
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        require(
            "search.js's folding",
            &[Missing {
                what: "Node.js 20 or later (`node` on PATH)".into(),
                install: "install Node.js 20 or later, with npm",
            }],
        );
    }
    let out = Command::new("node")
        .arg(browser_dir().join("folding.mjs"))
        .output()
        .expect("run node");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "search.js folds otherwise:\n{report}");
    assert!(report.contains("cases of search-folding.txt"), "{report}");
    assert!(report.contains("100,000 tatweels: "), "{report}");
}

/// What the search page showed for each query (`tests/browser/search-query.mjs`), by query.
fn search_queries(dir: &Path, queries: &[&str]) -> Vec<serde_json::Value> {
    let out = browser_script("search-query.mjs", dir, queries);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "search-query.mjs failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown: Vec<serde_json::Value> = (stdout.lines())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(shown.len(), queries.len(), "{stdout}");
    shown
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn an_index_in_another_format_asks_the_reader_to_reload_instead_of_searching_it() {
    require("search in Chromium", &axe_tools());
    let site = TestSite::fixture("search-languages");
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The index of another build, as a cache may hand it to the page's script.
    let meta = site.out().join("search/meta.js");
    let text = std::fs::read_to_string(&meta).expect("meta.js");
    let now = format!("\"v\":{},", dossier::render::search::FORMAT);
    assert!(text.contains(&now), "{text}");
    std::fs::write(&meta, text.replacen(&now, "\"v\":5,", 1)).expect("write");
    let shown = &search_queries(&site.out(), &["budget"])[0];
    assert_eq!(
        shown["status"],
        "The search index has changed since this page was loaded: reload the page to search.",
        "{shown}"
    );
    assert_eq!(shown["results"], serde_json::json!([]), "{shown}");
    assert_eq!(shown["errors"], serde_json::json!([]), "{shown}");
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn a_query_in_another_script_finds_the_briefings_through_an_alias() {
    require("search in Chromium", &axe_tools());
    // Kyiv, aliases Київ and كييف; one briefing names it, one only says "Kyiv" in its text.
    let site = TestSite::fixture("search-languages");
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let queries = ["київ", "КИЇВ", "كييف", "كِيِيف", "kyiv"];
    for shown in search_queries(&site.out(), &queries) {
        let q = &shown["query"];
        assert_eq!(
            shown["results"],
            serde_json::json!(["Talks resume", "A note on supply lines"]),
            "{q}: {shown}"
        );
        assert_eq!(shown["status"], "2 briefings found.", "{q}: {shown}");
        assert_eq!(
            shown["entities"][0],
            serde_json::json!(["Kyiv", "../actors/kyiv/index.html", "actor", "1 briefing"]),
            "{q}: {shown}"
        );
        // The excerpts mark the name as the text writes it.
        assert_eq!(
            shown["marked"],
            serde_json::json!(["Kyiv", "Kyiv"]),
            "{q}: {shown}"
        );
        assert_eq!(shown["errors"], serde_json::json!([]), "{q}: {shown}");
    }
    // An apostrophe inside a Ukrainian word, typed or not; Arabic with a hamza carrier and
    // tanwin, typed without; Arabic-Indic digits.
    let shown = search_queries(
        &site.out(),
        &["мясо", "М’ЯСО", "موتمر", "٢٠٢٥", "2025", "budget"],
    );
    let titles: Vec<&serde_json::Value> = shown.iter().map(|s| &s["results"]).collect();
    assert_eq!(
        titles,
        [
            &serde_json::json!(["Ціни на м’ясо зростають"]),
            &serde_json::json!(["Ціни на м’ясо зростають"]),
            &serde_json::json!(["مؤتمر الطاقة"]),
            &serde_json::json!(["مؤتمر الطاقة"]),
            &serde_json::json!(["مؤتمر الطاقة"]),
            &serde_json::json!(["Budget talks in Brussels"]),
        ],
        "{shown:#?}"
    );
    assert_eq!(shown[0]["marked"], serde_json::json!(["м’ясо", "м’ясо"]));
    assert_eq!(shown[2]["marked"], serde_json::json!(["مؤتمر", "مؤتمرٍ"]));
    assert_eq!(shown[0]["status"], "1 briefing found.");

    // The page's words in the site's language, counts in its plural forms: Ukrainian's
    // `few` for 2, Arabic's dual; an exact `[0]` for nothing found.
    for (lang, two, one, kind, none) in [
        (
            "uk",
            "Знайдено 2 огляди.",
            "1 огляд",
            "учасник",
            "Нічого не знайдено.",
        ),
        (
            "ar",
            "عُثر على إحاطتين.",
            "إحاطة واحدة",
            "فاعل",
            "لم يُعثر على أي إحاطة.",
        ),
        (
            "en",
            "2 briefings found.",
            "1 briefing",
            "actor",
            "No briefing found.",
        ),
    ] {
        site.write(
            "site.yaml",
            &format!("title: Languages Desk\nbase_url: https://example.org/\nlanguage: {lang}\n"),
        );
        let r = site.build();
        assert_eq!(r.code, 0, "{}", r.stderr);
        let shown = search_queries(&site.out(), &["київ", "zzzz"]);
        assert_eq!(shown[0]["lang"], lang);
        assert_eq!(shown[0]["status"], two, "{lang}");
        assert_eq!(shown[0]["entities"][0][2], kind, "{lang}");
        assert_eq!(shown[0]["entities"][0][3], one, "{lang}");
        assert_eq!(shown[1]["status"], none, "{lang}");
    }
}

/// Runs `node tests/browser/previews.mjs DIR ARGS`: passed or not, and what it printed.
fn previews_scenario(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = browser_script("previews.mjs", dir, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
#[ignore = "needs Java 17+, Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn hovering_or_focusing_an_entity_link_shows_its_preview_and_escape_hides_it() {
    require("link previews in Chromium", &axe_tools());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "the sample site does not build:\n{}", r.stderr);
    for args in [&[][..], &["--file"][..]] {
        let (passed, report) = previews_scenario(&out, args);
        assert!(passed, "previews {args:?} failed:\n{report}");
        for want in [
            ": hovering the link shows its preview",
            ": focusing the link with the keyboard shows its preview",
            ": Escape hides it",
            ": hovering a source marker shows the source",
            ": a tap follows the link",
        ] {
            assert!(report.contains(want), "no {want:?} in:\n{report}");
        }
        assert!(!report.contains("FAIL"), "{report}");
    }
}

#[test]
#[ignore = "needs Chromium and the npm packages of tests/browser (.ci/run installs them and runs it with --ignored)"]
fn on_a_phone_the_latest_stance_mark_and_every_name_are_in_view_and_no_page_is_wider() {
    require("phone-width checks in Chromium", &axe_tools());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "the sample site does not build:\n{}", r.stderr);
    let run = browser_script("phone.mjs", &out, &[]);
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.status.success(), "phone checks failed:\n{report}");
    for want in [
        "light: the latest stance mark is in view without scrolling",
        "dark: every actor name of the chart is in view",
        "network: the navigation is one line",
        "briefing: the page is no wider than the screen",
    ] {
        assert!(report.contains(want), "no {want:?} in:\n{report}");
    }
}
