//! `dossier new briefing` leaves no trap: a draft that says so, commented examples that
//! build once uncommented, and a unique slug for a title used again on another day.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn dossier(args: &[&str], cwd: &Path) -> Run {
    run(args, cwd)
}

fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("desk");
    let r = dossier(&["init", "desk"], tmp.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    (tmp, root)
}

/// Removes the leading `# ` of every front-matter line, as a writer would.
fn uncomment(text: &str) -> String {
    let mut fences = 0;
    text.lines()
        .map(|l| {
            if l == "---" {
                fences += 1;
            }
            let l = if fences == 1 {
                l.strip_prefix("# ").unwrap_or(l)
            } else {
                l
            };
            format!("{l}\n")
        })
        .collect()
}

#[test]
fn a_new_briefing_is_a_draft_and_says_so() {
    let (_tmp, root) = site();
    let r = dossier(&["new", "briefing", "Title", "--date", "2026-12-02"], &root);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "created content/briefings/2026-12-02-title.md (a draft: remove `draft: true` to publish)\n"
    );
    let text = std::fs::read_to_string(root.join("content/briefings/2026-12-02-title.md")).unwrap();
    assert!(text.contains("\ndraft: true "), "{text}");
    assert_eq!(dossier(&["build"], &root).code, 0);
    assert!(
        !root.join("output/briefings/title").exists(),
        "a draft is not published"
    );
    assert_eq!(dossier(&["build", "--drafts"], &root).code, 0);
    assert!(root.join("output/briefings/title/index.html").is_file());
}

#[test]
fn its_commented_examples_uncomment_into_a_briefing_that_builds() {
    let (_tmp, root) = site();
    for (args, rel) in [
        (
            vec!["new", "briefing", "Bare", "--date", "2026-12-02"],
            "content/briefings/2026-12-02-bare.md",
        ),
        (
            vec![
                "new",
                "briefing",
                "Named",
                "--date",
                "2026-12-02",
                "--actor",
                "Commission",
                "--topic",
                "energy-prices",
            ],
            "content/briefings/2026-12-02-named.md",
        ),
    ] {
        assert_eq!(dossier(&args, &root).code, 0);
        let path = root.join(rel);
        let text = uncomment(&std::fs::read_to_string(&path).unwrap());
        for key in [
            "\nsummary: ",
            "\nstances:",
            "\n  - {actor: ",
            "\nsources:",
            "\nconfidence: ",
        ] {
            assert!(text.contains(key), "{key} in {text}");
        }
        std::fs::write(&path, text).unwrap();
    }
    // Published (draft: true stays), so with --drafts; the bare one names placeholders.
    let r = dossier(&["build", "--drafts"], &root);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !r.stderr.contains("error"),
        "uncommented examples are valid: {}",
        r.stderr
    );
    let named = std::fs::read_to_string(root.join("output/briefings/named/index.html")).unwrap();
    assert!(named.contains("supports"), "the stance is shown");
    // The stance of the named briefing uses the names given, so it warns of nothing.
    assert!(!r.stderr.contains("2026-12-02-named.md"), "{}", r.stderr);
}

#[test]
fn the_same_title_on_another_day_gets_a_slug_of_its_own() {
    let (_tmp, root) = site();
    let first = dossier(
        &[
            "new",
            "briefing",
            "Morning briefing",
            "--date",
            "2026-12-02",
        ],
        &root,
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    let r = dossier(
        &[
            "new",
            "briefing",
            "Morning briefing",
            "--date",
            "2026-12-03",
        ],
        &root,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "created content/briefings/2026-12-03-morning-briefing.md (a draft: remove `draft: true` to publish)\n\
         its slug is `morning-briefing-2026-12-03`: another briefing already has `morning-briefing` (set in its `slug:` line)\n"
    );
    let text =
        std::fs::read_to_string(root.join("content/briefings/2026-12-03-morning-briefing.md"))
            .unwrap();
    assert!(
        text.contains("\nslug: morning-briefing-2026-12-03\n"),
        "{text}"
    );
    let r = dossier(&["build", "--drafts"], &root);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    for slug in ["morning-briefing", "morning-briefing-2026-12-03"] {
        assert!(
            root.join(format!("output/briefings/{slug}/index.html"))
                .is_file()
        );
    }
}

#[test]
fn a_slug_taken_in_any_folder_of_content_counts_but_profiles_do_not() {
    let (_tmp, root) = site();
    // A briefing written by hand in a sub-folder, without a date prefix.
    std::fs::create_dir_all(root.join("content/notes")).unwrap();
    std::fs::write(
        root.join("content/notes/weekly.MD"),
        "---\ntitle: Old weekly\ndate: 2026-01-01\n---\n",
    )
    .unwrap();
    let r = dossier(
        &["new", "briefing", "Weekly", "--date", "2026-12-03"],
        &root,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("its slug is `weekly-2026-12-03`"),
        "{}",
        r.stdout
    );
    // The dated form taken too: a number follows.
    std::fs::write(
        root.join("content/notes/weekly-2026-12-04.md"),
        "---\ntitle: Odd one\ndate: 2026-01-02\n---\n",
    )
    .unwrap();
    let r = dossier(
        &["new", "briefing", "Weekly", "--date", "2026-12-04"],
        &root,
    );
    assert!(
        r.stdout.contains("its slug is `weekly-2026-12-04-2`"),
        "{}",
        r.stdout
    );
    // An actor's file name is its id, not a briefing slug.
    let r = dossier(
        &["new", "briefing", "Brussels", "--date", "2026-12-03"],
        &root,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("its slug"), "{}", r.stdout);
}
