//! The second analyst: contradictions between briefings and topics left alone.
//!
//! Every warning fixture (tests/fixtures/warnings/<case>/): `check` exits 0 and prints
//! exactly the expected diagnostics (errors and warnings on stderr, hints on stdout), each
//! with the note and help lines given under it in expected.txt; `build` prints the same but
//! the hints, and succeeds.
//! The build's day is fixed (`DOSSIER_NOW`), as staleness counts from it.

mod common;
use common::*;

const NOW: &str = "2025-12-01T00:00:00Z";

fn run_at(site: &TestSite, now: &str, args: &[&str]) -> Run {
    let root = site.root().to_string_lossy().to_string();
    let out = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .args(args)
        .args(["--root", &root])
        .env("DOSSIER_NOW", now)
        .env("NO_COLOR", "1")
        .current_dir(site.root())
        .output()
        .expect("run");
    Run::from(out)
}

fn cases() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixtures().join("warnings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

fn is_diagnostic(l: &str) -> bool {
    !l.starts_with(' ')
        && (l.contains(": error: ") || l.contains(": warning: ") || l.contains(": hint: "))
}

/// Each diagnostic line of `text` with the indented lines under it.
fn blocks(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if is_diagnostic(line) {
            out.push((line.to_string(), Vec::new()));
        } else if line.starts_with(' ')
            && let Some(last) = out.last_mut()
        {
            last.1.push(line.to_string());
        }
    }
    out
}

#[test]
fn every_warning_fixture_prints_exactly_its_diagnostics_with_notes() {
    let all = cases();
    assert!(all.len() >= 6, "{all:?}");
    for case in all {
        let site = TestSite::fixture(&format!("warnings/{case}"));
        let want =
            std::fs::read_to_string(fixtures().join("warnings").join(&case).join("expected.txt"))
                .unwrap();
        let r = run_at(&site, NOW, &["check"]);
        assert_eq!(r.code, 0, "{case}: exit {}\n{}", r.code, r.stderr);
        // Hints are advice: on stdout, so that stderr holds only the problems.
        assert!(!r.stderr.contains(": hint: "), "{case}: {}", r.stderr);
        let mut got = blocks(&r.stderr);
        got.extend(blocks(&r.stdout));
        got.sort_by(|a, b| a.0.cmp(&b.0));
        let mut want = blocks(&want);
        want.sort_by(|a, b| a.0.cmp(&b.0));
        let lines = |b: &[(String, Vec<String>)]| b.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
        assert_eq!(lines(&got), lines(&want), "{case}: stderr\n{}", r.stderr);
        for ((line, under), (_, expected_under)) in got.iter().zip(&want) {
            // The expected lines appear under their diagnostic, in order.
            let mut rest = under.iter();
            for e in expected_under {
                assert!(
                    rest.any(|u| u == e),
                    "{case}: `{e}` is not under `{line}`:\n{}",
                    under.join("\n")
                );
            }
        }
        // A build prints the same but the hints, and succeeds.
        let b = run_at(&site, NOW, &["build"]);
        assert_eq!(b.code, 0, "{case}: build\n{}", b.stderr);
        let mut built: Vec<String> = (blocks(&b.stderr).into_iter())
            .chain(blocks(&b.stdout))
            .map(|x| x.0)
            .collect();
        built.sort();
        let expected: Vec<String> = (lines(&want).into_iter())
            .filter(|l| !l.contains(": hint: "))
            .collect();
        assert_eq!(built, expected, "{case}: build\n{}", b.stderr);
    }
}

#[test]
fn check_prints_hints_and_build_leaves_them_out() {
    let site = TestSite::fixture("warnings/unmarked-change");
    let b = run_at(&site, NOW, &["build"]);
    assert_eq!(b.stdout.lines().count(), 1, "{}", b.stdout);
    assert!(!b.stdout.contains("hint") && !b.stderr.contains("hint"));
    let c = run_at(&site, NOW, &["check"]);
    assert!(
        c.stdout.contains("with 0 warnings in")
            && c.stdout
                .contains("1 hint on how the briefings hang together (above)"),
        "{}",
        c.stdout
    );
    // JSON lines carry hints with their severity.
    let j = run_at(&site, NOW, &["check", "--format", "json"]);
    assert!(j.stdout.contains(r#""severity":"hint""#), "{}", j.stdout);
}

#[test]
fn json_diagnostics_carry_their_notes() {
    let site = TestSite::fixture("warnings/same-day-positions");
    let r = run_at(&site, NOW, &["check", "--format", "json"]);
    let d: serde_json::Value = (r.stdout.lines())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["code"] == "D100")
        .expect("a D100 line");
    assert_eq!(d["file"], "content/briefings/2025-11-20-morning.md");
    assert_eq!((d["line"].as_u64(), d["col"].as_u64()), (Some(7), Some(15)));
    let note = &d["notes"][0];
    assert_eq!(note["file"], "content/briefings/2025-11-20-evening.md");
    assert_eq!(
        (note["line"].as_u64(), note["col"].as_u64()),
        (Some(7), Some(15))
    );
    assert!(note["message"].as_str().unwrap().contains("opposes"));
}

#[test]
fn stale_topics_get_a_badge_until_a_briefing_comes_back_to_them() {
    let site = TestSite::fixture("warnings/stale-topic");
    let r = run_at(&site, NOW, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let stale = site.page("topics/ceasefire/index.html");
    assert!(
        stale.contains(r#"<span class="badge">Stale</span> No briefing since <time datetime="2025-06-01">1 Jun 2025</time>"#),
        "{stale}"
    );
    assert!(stale.contains("stale after 90 days"));
    let fresh = site.page("topics/prisoner-exchange/index.html");
    assert!(!fresh.contains("stale-badge"), "{fresh}");
    // A topic without stances is never stale, however old.
    let stub = site.page("topics/grain-corridor/index.html");
    assert!(!stub.contains("stale-badge"));

    // Staleness counts from the build's day, and the setting moves or ends it.
    let r = run_at(&site, NOW, &["check"]);
    assert!(r.stdout.contains("D105"), "{}", r.stdout);
    let r = run_at(&site, "2025-08-01T00:00:00Z", &["check"]);
    assert!(!r.stdout.contains("D105"), "{}", r.stdout);
    // A resolved question is settled, not stale.
    site.write(
        "content/topics/ceasefire.md",
        "---\ntitle: Ceasefire terms\nresolved: {date: 2025-07-01, outcome: no}\n---\n",
    );
    let r = run_at(&site, NOW, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !site
            .page("topics/ceasefire/index.html")
            .contains("stale-badge")
    );
    let r = run_at(&site, NOW, &["check"]);
    assert!(!r.stdout.contains("D105"), "{}", r.stdout);
    site.write(
        "content/topics/ceasefire.md",
        "---\ntitle: Ceasefire terms\n---\n",
    );
    site.write(
        "site.yaml",
        "title: Consistency Desk\nbase_url: https://example.org/\nstale_after_days: 200\n",
    );
    let r = run_at(&site, NOW, &["check"]);
    assert!(!r.stdout.contains("D105"), "{}", r.stdout);
    site.write(
        "site.yaml",
        "title: Consistency Desk\nbase_url: https://example.org/\nstale_after_days: 0\n",
    );
    let r = run_at(&site, "2030-01-01T00:00:00Z", &["build"]);
    assert_eq!(r.code, 0);
    assert!(
        !site
            .page("topics/prisoner-exchange/index.html")
            .contains("stale-badge")
    );
    site.write(
        "site.yaml",
        "title: Consistency Desk\nbase_url: https://example.org/\nstale_after_days: -3\n",
    );
    let r = run_at(&site, NOW, &["check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "site.yaml:3:19: error: `stale_after_days: -3` must be a whole number of days"
        ),
        "{}",
        r.stderr
    );
}

/// A site where one quote is written by every briefing, each giving another actor: one
/// warning per later briefing, each pointing back at the first, found in linear time.
#[test]
fn a_quote_repeated_across_many_briefings_is_checked_once_each() {
    const N: usize = 2_000;
    let site = TestSite::new(&[]);
    for i in 0..N {
        site.write(
            &format!("content/briefings/b{i:04}.md"),
            &format!(
                "---\ntitle: B {i}\ndate: 2025-11-20\nstances:\n  - actor: Actor {}\n    on: Topic\n    position: supports\n    quote: \"<script>alert(1)</script> the very same words\"\n---\n",
                i % 2
            ),
        );
    }
    site.write(
        "site.yaml",
        "title: T\nbase_url: https://example.org/\nstubs: {actors: [Actor 0, Actor 1], topics: [Topic]}\n",
    );
    let r = run_at(&site, NOW, &["check", "--format", "json"]);
    let d101: Vec<serde_json::Value> = (r.stdout.lines())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["code"] == "D101")
        .collect();
    assert_eq!(
        d101.len(),
        N / 2,
        "every briefing of Actor 1 contradicts the first"
    );
    assert!(
        d101.iter()
            .all(|d| d["notes"][0]["file"] == "content/briefings/b0000.md")
    );
}

/// Two briefings of one day that both give their time say the position moved that day; a
/// day without a time cannot say which came first.
#[test]
fn positions_of_one_day_at_two_given_times_are_a_change_not_a_contradiction() {
    let site = TestSite::fixture("warnings/same-day-positions");
    let set = |path: &str, date: &str| {
        let p = site.root().join(path);
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(
            &p,
            text.replacen("---\ntitle:", &format!("---\ndate: {date}\ntitle:"), 1),
        )
        .unwrap();
    };
    set(
        "content/briefings/2025-11-20-morning.md",
        "2025-11-20T09:00:00Z",
    );
    set(
        "content/briefings/2025-11-20-evening.md",
        "2025-11-20T18:00:00Z",
    );
    let r = run_at(&site, NOW, &["check"]);
    assert!(!r.stderr.contains("D100"), "{}", r.stderr);
    let evening = site.root().join("content/briefings/2025-11-20-evening.md");
    let text = std::fs::read_to_string(&evening).unwrap();
    std::fs::write(
        &evening,
        text.replace("date: 2025-11-20T18:00:00Z", "date: 2025-11-20"),
    )
    .unwrap();
    let r = run_at(&site, NOW, &["check"]);
    assert!(r.stderr.contains("D100"), "{}", r.stderr);
}

/// In serve, the hint of an unmarked change comes and goes with edits of the later body
/// (a word, a link to the earlier briefing) and of its stance, as a clean check sees it.
#[test]
fn serve_finds_an_unmarked_change_again_after_body_and_stance_edits() {
    use dossier::incremental::{Changes, Engine};
    let site = TestSite::fixture("warnings/unmarked-change");
    let rel = "content/briefings/2025-11-20-silent.md";
    let path = site.root().join(rel);
    let mut opts = options(site.root(), None);
    opts.schedule = dossier::schedule::Schedule::at("2025-12-01T00:00:00Z".parse().unwrap());
    let mut engine = Engine::new(&opts, &site.root().join("live")).expect("engine");
    let hints = |d: &[dossier::diagnostic::Diagnostic]| {
        d.iter()
            .filter(|x| x.code.as_str() == "D102")
            .map(|x| format!("{}:{}:{}", x.path, x.span.line, x.span.col))
            .collect::<Vec<_>>()
    };
    let first = engine.build_all().expect("build");
    assert_eq!(hints(&first.diagnostics), [format!("{rel}:7:15")]);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut edit = |new: String, want: &[String]| {
        std::fs::write(&path, &new).unwrap();
        let changed = Changes {
            paths: [path.clone()].into_iter().collect(),
            rescan: false,
        };
        let out = engine.rebuild(&changed).expect("rebuild");
        assert_eq!(hints(&out.diagnostics), want, "after\n{new}");
        let clean = run_at(&site, NOW, &["check"]);
        let clean_hints: Vec<&str> = (clean.stdout.lines())
            .filter(|l| l.contains(": hint: ") && l.contains(rel))
            .collect();
        assert_eq!(clean_hints.len(), want.len(), "{}", clean.stdout);
    };
    // Front matter edited in place (a new title, a summary), the body read before kept:
    // the hint stays, on the line the stance has moved to.
    edit(
        text.replace(
            "title: Kyiv backs the draft",
            "title: Kyiv now backs the draft",
        ),
        &[format!("{rel}:7:15")],
    );
    edit(
        text.replace(
            "topics: [ceasefire]",
            "topics: [ceasefire]\nsummary: Kyiv backs it.",
        ),
        &[format!("{rel}:8:15")],
    );
    // The body says it changed: no hint.
    edit(
        text.replace("now backs", "has reversed itself and backs"),
        &[],
    );
    // Silent again, then said in the title alone (a title is no body): the hint stays.
    edit(text.clone(), &[format!("{rel}:7:15")]);
    edit(
        text.replace(
            "title: Kyiv backs the draft",
            "title: Kyiv reversed, backs the draft",
        ),
        &[format!("{rel}:7:15")],
    );
    // Back to silence, then a link to the earlier briefing.
    edit(text.clone(), &[format!("{rel}:7:15")]);
    edit(
        text.replace("said.", "said, unlike [before](2025-11-18-opening.md)."),
        &[],
    );
    // The stance itself moves back to the earlier position: nothing changed.
    edit(
        text.replace(
            "    position: supports\n  - actor: Berlin",
            "    position: opposes\n  - actor: Berlin",
        ),
        &[],
    );
}

/// In serve, retitling a briefing changes the hint that offers a link to it as the earlier
/// one (the link shows its title), and retitling one no hint names leaves every finding as
/// a clean check finds it; both are taken in place.
#[test]
fn serve_shows_the_new_title_in_the_hint_linking_the_earlier_briefing() {
    use dossier::incremental::{Changes, Engine, FileChange, Rebuilt};
    let site = TestSite::fixture("warnings/unmarked-change");
    let mut opts = options(site.root(), None);
    opts.schedule = dossier::schedule::Schedule::at(NOW.parse().unwrap());
    let mut engine = Engine::new(&opts, &site.root().join("live")).expect("engine");
    let helps = |d: &[dossier::diagnostic::Diagnostic]| {
        d.iter()
            .filter(|x| x.code.as_str() == "D102")
            .map(|x| x.help.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let first = engine.build_all().expect("build");
    assert_eq!(
        helps(&first.diagnostics),
        [
            "say that the position changed, or link the earlier briefing: [Opening positions](2025-11-18-opening.md)"
        ]
    );
    let mut retitle = |rel: &str, from: &str, to: &str| {
        let path = site.root().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace(from, to)).unwrap();
        let changed = Changes {
            paths: [path].into_iter().collect(),
            rescan: false,
        };
        let out = engine.rebuild(&changed).expect("rebuild");
        assert!(
            matches!(
                out.what,
                Rebuilt::File(_, FileChange::FrontMatter { in_place: true })
            ),
            "{:?}",
            out.what
        );
        out.diagnostics
    };
    let after = retitle(
        "content/briefings/2025-11-18-opening.md",
        "title: Opening positions",
        "title: Where both [began]",
    );
    assert_eq!(
        helps(&after),
        [
            "say that the position changed, or link the earlier briefing: [Where both began](2025-11-18-opening.md)"
        ]
    );
    let after = retitle(
        "content/briefings/2025-11-22-said.md",
        "title: Kyiv reverses again",
        "title: Kyiv turns once more",
    );
    assert_eq!(
        helps(&after),
        helps(&first.diagnostics)
            .iter()
            .map(|h| h.replace("Opening positions", "Where both began"))
            .collect::<Vec<_>>()
    );
    let clean = run_at(&site, NOW, &["check"]);
    assert!(
        clean
            .stdout
            .contains("[Where both began](2025-11-18-opening.md)"),
        "{}",
        clean.stdout
    );
    let hints = |s: &str| s.lines().filter(|l| l.contains(": hint: ")).count();
    assert_eq!(
        hints(&clean.stdout),
        after.iter().filter(|d| d.code.as_str() == "D102").count()
    );
}

/// In serve, retitling a briefing that the later side of a change links to by slug (the
/// link shows its title) checks the change again: a title that says the position changed
/// clears the hint, as a clean check finds.
#[test]
fn serve_reads_a_title_shown_in_a_linking_body_when_it_says_the_change() {
    use dossier::incremental::{Changes, Engine};
    let site = TestSite::fixture("warnings/unmarked-change");
    let root = site.root().to_path_buf();
    std::fs::write(
        root.join("content/briefings/2025-11-19-talks.md"),
        "---\ntitle: Talks in Geneva\n---\nDelegations met.\n",
    )
    .unwrap();
    let silent = root.join("content/briefings/2025-11-20-silent.md");
    let text = std::fs::read_to_string(&silent).unwrap();
    std::fs::write(
        &silent,
        text.replace("said.", "said after [[briefing:talks]]."),
    )
    .unwrap();
    let mut opts = options(&root, None);
    opts.schedule = dossier::schedule::Schedule::at(NOW.parse().unwrap());
    let mut engine = Engine::new(&opts, &root.join("live")).expect("engine");
    let hints = |d: &[dossier::diagnostic::Diagnostic]| {
        d.iter().filter(|x| x.code.as_str() == "D102").count()
    };
    let first = engine.build_all().expect("build");
    assert_eq!(hints(&first.diagnostics), 1, "{:?}", first.diagnostics);
    let talks = root.join("content/briefings/2025-11-19-talks.md");
    let mut retitle = |title: &str| {
        let text = std::fs::read_to_string(&talks).unwrap();
        let old = text.lines().nth(1).unwrap().to_string();
        std::fs::write(&talks, text.replace(&old, &format!("title: {title}"))).unwrap();
        let changed = Changes {
            paths: [talks.clone()].into_iter().collect(),
            rescan: false,
        };
        engine.rebuild(&changed).expect("rebuild").diagnostics
    };
    let after = retitle("Kyiv no longer opposes the draft");
    assert_eq!(hints(&after), 0, "{after:?}");
    let clean = run_at(&site, NOW, &["check"]);
    assert!(!clean.stdout.contains(": hint: "), "{}", clean.stdout);
    let after = retitle("Talks in Geneva");
    assert_eq!(hints(&after), 1, "{after:?}");
}
