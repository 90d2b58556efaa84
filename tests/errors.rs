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

/// Runs `dossier ARGS --root SITE` with its address space bounded to `kib` KiB (`ulimit -v`),
/// so that output built up in memory ends in an allocation failure instead of a swapping
/// machine.
#[cfg(unix)]
fn run_within(site: &TestSite, args: &[&str], kib: u64) -> Run {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kib} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .arg("--root")
        .arg(site.root())
        .output()
        .expect("run");
    Run::from(out)
}

/// A briefing whose body is one 240 KB line holding 20,000 broken `[[wiki]]` links.
pub fn long_line_site() -> TestSite {
    let line: String = (0..20_000).map(|i| format!("[[Gh{i:05}]] ")).collect();
    TestSite::new(&[(
        "content/briefings/2025-11-20-long.md",
        &format!("---\ntitle: Long\n---\n{line}\n"),
    )])
}

#[test]
#[cfg(unix)]
fn thousands_of_problems_on_one_long_line_print_in_proportion() {
    let site = long_line_site();
    // 1 GiB of address space: the whole line under each problem would need 7 GB.
    let r = run_within(&site, &["check"], 1 << 20);
    let tail: String = r.stderr.chars().rev().take(600).collect::<String>();
    assert_eq!(r.code, 1, "{}", tail.chars().rev().collect::<String>());
    assert!(r.stderr.contains("check failed: 20000 errors"), "{tail}");
    assert!(r.stderr.len() < 1_000_000, "{} bytes", r.stderr.len());
    // The source line is shown three times at most, each time as a window of it.
    let excerpts: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with(" 4 | "))
        .collect();
    assert_eq!(excerpts.len(), 3, "{excerpts:?}");
    for l in r.stderr.lines() {
        assert!(l.chars().count() <= 200, "a line of {} chars", l.len());
    }
    assert!(
        r.stderr
            .contains("   = note: 19997 more problems on this line\n"),
        "{}",
        &r.stderr[..3000]
    );
    // A thousand problems of one kind in one file, then one line for the rest.
    let shown = r.diagnostics();
    assert_eq!(shown.len(), 1000);
    assert!(
        shown[999].starts_with("content/briefings/2025-11-20-long.md:4:11989: error: [[Gh00999]]")
    );
    assert!(
        r.stderr.contains(
            "   = note: 19000 more D018 problems in content/briefings/2025-11-20-long.md are not shown (`--format json` lists every one)\n"
        ),
        "{tail}"
    );
    // JSON and GitHub give every problem, one line each, without the source line.
    for (format, bound) in [("json", 300), ("github", 300)] {
        let r = run_within(&site, &["check", "--format", format], 1 << 20);
        assert_eq!(r.code, 1, "{format}");
        assert_eq!(r.stdout.lines().count(), 20_000, "{format}");
        assert!(r.stdout.lines().all(|l| l.len() < bound), "{format}");
    }
}

/// A site whose file and values hold terminal escapes, bidi controls, carriage returns and
/// newlines that would forge diagnostics for other files.
fn hostile_names_site() -> TestSite {
    let dir =
        "content/briefings/x\ncontent/briefings/forged.md:1:1: error: forged\u{1b}[2J\u{202e}";
    TestSite::new(&[
        (
            &format!("{dir}/2025-11-20-a.md"),
            "---\ntitle: A\nactors: [\"Gh\\e[31most\\ncontent/briefings/b.md:2:2: error: forged\\r\\u2028\\u0085x\"]\n---\nRaw \u{1b}]0;title\u{7} and \u{9b}31m and \u{202e}and\u{2066} here, then [[No\u{1b}[2Jbody]].\n",
        ),
        (
            "content/actors/eve.md",
            "---\nname: \"Ev\\e[1me\\ncontent/actors/zed.md:1:1: warning: forged\"\n---\n",
        ),
        (
            "content/briefings/2025-11-21-b.md",
            "---\ntitle: B\nactors: [\"Ev\\e[1me\\ncontent/actors/zed.md:1:1: warning: forgd\"]\n---\n",
        ),
    ])
}

/// `text` without the colour sequences (`ESC [ … m`) Dossier writes itself.
fn without_own_colours(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let n = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[n..].starts_with('m') {
            rest = &after[n + 1..];
        } else {
            out.push('\u{1b}');
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
#[cfg(unix)]
fn control_characters_in_names_and_values_are_shown_escaped() {
    let site = hostile_names_site();
    for colour in ["1", "0"] {
        let out = assert_cmd::Command::cargo_bin("dossier")
            .unwrap()
            .args(["check", "--root"])
            .arg(site.root())
            .env("CLICOLOR_FORCE", colour)
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        let plain = without_own_colours(&stderr);
        let bad = |c: char| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        };
        assert!(
            !plain.chars().any(bad),
            "raw control characters in\n{plain:?}"
        );
        // No line pretends to be a diagnostic of a file that has none.
        for l in plain.lines() {
            assert!(
                !l.starts_with("content/briefings/forged.md")
                    && !l.starts_with("content/briefings/b.md")
                    && !l.starts_with("content/actors/zed.md"),
                "forged line {l:?} in\n{plain}"
            );
        }
        // The characters are named instead, on the line they belong to.
        assert!(
            plain.contains("content/briefings/x\\ncontent/briefings/forged.md:1:1: error: forged\\u{1b}[2J\\u{202e}/2025-11-20-a.md:"),
            "{plain}"
        );
        assert!(
            plain.contains(
                "`Gh[31most\\ncontent/briefings/b.md:2:2: error: forged\\u{2028}\\u{85}x`"
            ),
            "{plain}"
        );
        assert!(
            plain.contains(
                "Raw \\u{1b}]0;title\\u{7} and \\u{9b}31m and \\u{202e}and\\u{2066} here"
            ),
            "{plain}"
        );
        assert!(
            plain.contains("= help: did you mean `Ev[1me\\ncontent/actors/zed.md"),
            "{plain}"
        );
    }
}

#[test]
fn json_and_github_formats_keep_control_characters_inside_one_record() {
    let site = hostile_names_site();
    let human = site.run(&["check"]);
    let count = human
        .stderr
        .lines()
        .filter(|l| l.contains("= code: D"))
        .count();
    assert!(count >= 4, "{}", human.stderr);
    let json = site.run(&["check", "--format", "json"]);
    let records: Vec<serde_json::Value> = json
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}")))
        .collect();
    assert_eq!(records.len(), count, "{}", json.stdout);
    assert!(records.iter().any(|r| {
        r["file"]
            .as_str()
            .is_some_and(|f| f.starts_with("content/briefings/x\ncontent/briefings/forged.md:1:1"))
    }));
    assert!(records.iter().any(|r| {
        r["message"]
            .as_str()
            .is_some_and(|m| m.contains("Gh[31most\ncontent/briefings/b.md:2:2"))
    }));
    assert!(!json.stdout.contains('\u{1b}') && !json.stdout.contains('\r'));
    let github = site.run(&["check", "--format", "github"]);
    let lines: Vec<&str> = github.stdout.lines().collect();
    assert_eq!(lines.len(), count, "{}", github.stdout);
    for l in &lines {
        assert!(
            l.starts_with("::error file=") || l.starts_with("::warning file="),
            "{l:?}"
        );
        assert!(!l.contains('\r'), "{l:?}");
    }
    assert!(
        github.stdout.contains(
            "/content/briefings/x%0Acontent/briefings/forged.md%3A1%3A1%3A error%3A forged"
        ),
        "{}",
        github.stdout
    );
}

#[test]
fn text_cut_by_a_comment_warns_at_the_hash_with_the_quoted_fix() {
    let site = TestSite::new(&[
        (
            "site.yaml",
            "title: Desk\ndescription: Europe's #1 desk\nlanguage: en # English\n",
        ),
        (
            "content/briefings/2026-11-20-cap.md",
            "---\ntitle: Berlin resists a hard cap, Habeck's #1 worry\ndate: 2026-11-20 # a Friday\ndraft: false # ready\nsummary: \"Quoted #1\" # a real comment\n# a comment line\nactors:\n  - Robert Habeck #2\n---\nBody.\n",
        ),
        (
            "content/actors/robert-habeck.md",
            "---\nname: Robert Habeck\nrole: Minister #economy\n---\n",
        ),
    ]);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content/actors/robert-habeck.md:3:16: warning: the role stops at \"Minister\": \" #economy\" is a YAML comment",
            "content/briefings/2026-11-20-cap.md:2:44: warning: the title stops at \"Habeck's\": \" #1 worry\" is a YAML comment",
            "content/briefings/2026-11-20-cap.md:8:19: warning: the name stops at \"Habeck\": \" #2\" is a YAML comment",
            "site.yaml:2:23: warning: the description stops at \"Europe's\": \" #1 desk\" is a YAML comment",
        ],
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            " 2 | title: Berlin resists a hard cap, Habeck's #1 worry\n   |                                            ^^^^^^^^\n   = help: quote the whole value: title: \"Berlin resists a hard cap, Habeck's #1 worry\"\n   = code: D040"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("   = help: quote the whole name: \"Robert Habeck #2\"\n"),
        "{}",
        r.stderr
    );
    // Quoted as the help says, the text is whole and nothing is left to warn about.
    site.write(
        "content/briefings/2026-11-20-cap.md",
        "---\ntitle: \"Berlin resists a hard cap, Habeck's #1 worry\"\n---\nBody.\n",
    );
    site.write(
        "site.yaml",
        "title: Desk\ndescription: \"Europe's #1 desk\"\n",
    );
    site.write(
        "content/actors/robert-habeck.md",
        "---\nname: Robert Habeck\n---\n",
    );
    let r = site.build();
    assert_eq!((r.code, r.diagnostics().len()), (0, 0), "{}", r.stderr);
    assert!(site.page("briefings/cap/index.html").contains("#1 worry"));
}

#[test]
fn a_source_url_without_a_scheme_warns_and_suggests_https() {
    let site = TestSite::new(&[(
        "content/briefings/2026-11-20-x.md",
        "---\ntitle: X\nsources:\n  - title: Report\n    url: example.com/x\n  - title: Wire\n    url: www.example.org/a\n  - title: File\n    url: report.pdf\n  - title: Here\n    url: /about/\n  - title: Full\n    url: https://example.com/y\n---\nBody.\n",
    )]);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content/briefings/2026-11-20-x.md:5:10: warning: source URL `example.com/x` has no `https://`: it would link to a page of this site that does not exist",
            "content/briefings/2026-11-20-x.md:7:10: warning: source URL `www.example.org/a` has no `https://`: it would link to a page of this site that does not exist",
        ],
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("   = help: write it in full: https://example.com/x\n   = code: D042"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_misspelled_key_is_one_error_not_also_a_missing_field() {
    let site = TestSite::new(&[(
        "content/briefings/undated.md",
        "---\nTitle: Talks\nDate: 2026-11-20\nactor: [Alpha]\nstances:\n  - actor: Alpha\n    on: Tax\n    positon: opposes\nsources:\n  - titel: Report\n---\nBody.\n",
    )]);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content/briefings/undated.md:2:1: error: unknown key `Title`: did you mean `title`?",
            "content/briefings/undated.md:3:1: error: unknown key `Date`: did you mean `date`?",
            "content/briefings/undated.md:4:1: error: unknown key `actor`: did you mean `actors`?",
            "content/briefings/undated.md:8:5: error: unknown key `positon`: did you mean `position`?",
            "content/briefings/undated.md:10:5: error: unknown key `titel`: did you mean `title`?",
        ],
        "{}",
        r.stderr
    );
    // A key close to none stays a warning, and the briefing builds.
    site.write(
        "content/briefings/undated.md",
        "---\ntitle: Talks\ndate: 2026-11-20\ndesk: Berlin\n---\nBody.\n",
    );
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content/briefings/undated.md:4:1: warning: unknown key `desk` in briefing front matter (known keys: title, date, updated, summary, slug, actors, places, topics, authors, reviewed_by, stances, tags, sources, confidence, judgments, draft, publish_at, expires, corrections, moved_from, image, alt, lang, translation_of, translation_key, extra); put custom data under `extra:`"
        ],
        "{}",
        r.stderr
    );
}

/// Names listed under site.yaml `stubs:` make stubs without a word, near misses included;
/// an unlisted name that is no near miss keeps its warning.
#[test]
fn stubs_listed_in_site_yaml_build_without_a_warning() {
    let files = |stubs: &str| {
        TestSite::new(&[
            ("site.yaml", &format!("title: Desk\n{stubs}")),
            (
                "content/actors/volodymyr-zelenskiy.md",
                "---\nname: Volodymyr Zelenskiy\n---\n",
            ),
            (
                "content/briefings/2025-11-20-a.md",
                "---\ntitle: A\nactors: [Zelenskiy, andriy  YERMAK, Rustem Umerov]\n---\n",
            ),
        ])
    };
    let site = files("");
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content/briefings/2025-11-20-a.md:3:10: error: no actor profile matches `Zelenskiy`, a near miss of `Volodymyr Zelenskiy`",
            "content/briefings/2025-11-20-a.md:3:21: warning: no actor profile matches `andriy  YERMAK`: created a stub `actors/andriy-yermak` (add content/actors/andriy-yermak.md to give it a profile)",
            "content/briefings/2025-11-20-a.md:3:37: warning: no actor profile matches `Rustem Umerov`: created a stub `actors/rustem-umerov` (add content/actors/rustem-umerov.md to give it a profile)",
        ]
    );
    let site = files("stubs:\n  actors: [Zelenskiy, Andriy Yermak]\n");
    let r = site.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content/briefings/2025-11-20-a.md:3:37: warning: no actor profile matches `Rustem Umerov`: created a stub `actors/rustem-umerov` (add content/actors/rustem-umerov.md to give it a profile)"
        ]
    );
    assert!(site.out().join("actors/zelenskiy/index.html").is_file());
    let site = files("stubs:\n  actor: [Zelenskiy]\n");
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.diagnostics().contains(
            &"site.yaml:3:3: error: unknown kind `actor` under `stubs` (known: actors, places, topics, authors)"
        ),
        "{}",
        r.stderr
    );
}
