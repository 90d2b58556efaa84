//! Every error fixture (tests/fixtures/errors/<case>/): `check` and `build` exit 1, print
//! each expected `path:line:col: severity: message` line, and `build` writes nothing.
//! Indented lines under a diagnostic in expected.txt (source line, caret, help, code) must
//! follow that diagnostic's line in stderr exactly.

mod common;
use common::*;

fn cases() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixtures().join("errors"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

fn expected(case: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fixtures().join("errors").join(case).join("expected.txt"))
        .unwrap_or_else(|_| panic!("{case}/expected.txt"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// Each diagnostic line of `want` with the indented lines after it, when it has some.
fn blocks(want: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in want {
        if line.starts_with(' ') {
            if let Some(c) = current.as_mut() {
                c.push('\n');
                c.push_str(line);
            }
        } else {
            out.extend(current.take().filter(|c| c.contains('\n')));
            current = Some(line.clone());
        }
    }
    out.extend(current.filter(|c| c.contains('\n')));
    out.into_iter().map(|b| format!("{b}\n")).collect()
}

#[test]
fn every_error_fixture_fails_check_with_file_line_and_column() {
    let all = cases();
    assert!(all.len() >= 20, "{all:?}");
    for case in all {
        let site = TestSite::fixture(&format!("errors/{case}"));
        let r = site.run(&["check"]);
        assert_eq!(r.code, 1, "{case}: exit {}\n{}", r.code, r.stderr);
        let want = expected(&case);
        assert!(
            want.iter().any(|l| l.contains(": error: ")),
            "{case} expects no error"
        );
        for line in &want {
            assert!(
                r.stderr.lines().any(|l| l == line),
                "{case}: missing\n  {line}\nin\n{}",
                r.stderr
            );
        }
        for block in blocks(&want) {
            assert!(
                r.stderr.contains(&block),
                "{case}: missing the block\n{block}\nin\n{}",
                r.stderr
            );
        }
        // Every diagnostic has the contracted shape; every other line is indented.
        for l in r.stderr.lines() {
            if l.starts_with(' ') || l.starts_with("check failed: ") {
                continue;
            }
            let parts: Vec<&str> = l.splitn(4, ':').collect();
            assert!(
                parts.len() == 4
                    && parts[1].parse::<u32>().is_ok()
                    && parts[2].parse::<u32>().is_ok()
                    && (parts[3].starts_with(" error: ") || parts[3].starts_with(" warning: ")),
                "{case}: {l}"
            );
        }
        assert!(!site.out().exists(), "{case}: check wrote output");
    }
}

#[test]
fn build_fails_the_same_way_and_writes_nothing() {
    for case in cases() {
        let site = TestSite::fixture(&format!("errors/{case}"));
        let r = site.build();
        assert_eq!(r.code, 1, "{case}: {}", r.stderr);
        for line in expected(&case) {
            assert!(r.stderr.contains(&line), "{case}: missing {line}");
        }
        assert!(!site.out().exists(), "{case}: build wrote output");
        let leftovers: Vec<_> = std::fs::read_dir(site.root())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("dossier-"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "{case}: temporary folders left behind"
        );
    }
}

#[test]
fn diagnostics_come_in_a_stable_order() {
    let site = TestSite::fixture("errors/several-errors");
    let a = site.run(&["check"]).stderr;
    let b = site.run(&["check"]).stderr;
    assert_eq!(a, b);
    let lines: Vec<&str> = a.lines().filter(|l| l.contains(": error: ")).collect();
    let mut sorted = lines.clone();
    sorted.sort_by_key(|l| {
        let p: Vec<&str> = l.splitn(4, ':').collect();
        (
            p[0].to_string(),
            p[1].parse::<u32>().unwrap(),
            p[2].parse::<u32>().unwrap(),
        )
    });
    assert_eq!(lines, sorted);
    assert_eq!(lines.len(), 3, "all errors of the run at once: {a}");
}

#[test]
fn hostile_inputs_end_in_errors_not_hangs_or_crashes() {
    // 2,000-deep lists and blockquotes and a 5 MB body build; a YAML alias bomb is refused.
    let deep_list: String = (0..2000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    let deep_quote = format!("{} deep\n", ">".repeat(2000));
    let big: String = "A paragraph of text that repeats.\n\n".repeat(5 * 1024 * 1024 / 35);
    let site = TestSite::new(&[
        (
            "content/briefings/2025-01-01-list.md",
            &format!("---\ntitle: List\n---\n{deep_list}"),
        ),
        (
            "content/briefings/2025-01-02-quote.md",
            &format!("---\ntitle: Quote\n---\n{deep_quote}"),
        ),
        (
            "content/briefings/2025-01-03-big.md",
            &format!("---\ntitle: Big\n---\n{big}"),
        ),
        (
            "content/briefings/2025-01-04-nested.md",
            &format!(
                "---\ntitle: Nested\nextra:\n{}\n---\n",
                (0..200)
                    .map(|i| format!("{}k{i}:\n", " ".repeat(i * 2)))
                    .collect::<String>()
            ),
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("2025-01-04-nested.md") && r.stderr.contains("deeper than 64"),
        "{}",
        r.stderr
    );
    std::fs::remove_file(site.root().join("content/briefings/2025-01-04-nested.md")).unwrap();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.page("briefings/big/index.html").len() > 5_000_000);
}
