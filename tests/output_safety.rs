//! Nothing lost: refused output folders stay untouched (exit 2), a failed build leaves the
//! previous output byte-identical, and nothing is written outside the output folder.

mod common;
use common::*;

fn good_site() -> TestSite {
    TestSite::new(&[
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: A\nactors: [Someone]\n---\nText.\n",
        ),
        ("static/keep.txt", "static file"),
        ("themes/t/templates/.keep", ""),
    ])
}

#[test]
fn refused_output_folders_exit_2_and_change_nothing() {
    let site = good_site();
    let before = snapshot(site.root());
    let parent = site.root().parent().unwrap().to_string_lossy().to_string();
    let root = site.root().to_string_lossy().to_string();
    for (output, why) in [
        (root.clone(), "the site root"),
        (format!("{root}/content"), "the content folder"),
        (format!("{root}/static"), "the static folder"),
        (format!("{root}/themes"), "the themes folder"),
        (format!("{root}/content/briefings"), "the content folder"),
        (parent.clone(), "an ancestor"),
        ("/".to_string(), "an ancestor"),
        (format!("{root}/."), "the site root"),
        (format!("{root}/content/.."), "the site root"),
    ] {
        let r = site.run(&["build", "--output", &output]);
        assert_eq!(r.code, 2, "{output}: {}", r.stderr);
        assert!(
            r.stderr.contains("refusing") && r.stderr.contains(why),
            "{output}: {}",
            r.stderr
        );
        assert_eq!(snapshot(site.root()), before, "{output} changed files");
    }
}

#[test]
fn a_foreign_folder_is_not_replaced() {
    let site = good_site();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("precious.txt"), "mine").unwrap();
    let r = site.run(&["build", "--output", &other.path().to_string_lossy()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(other.path().join("precious.txt")).unwrap(),
        "mine"
    );
    // An empty folder, or one Dossier wrote, is fine.
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        site.run(&["build", "--output", &empty.path().to_string_lossy()])
            .code,
        0
    );
    assert_eq!(
        site.run(&["build", "--output", &empty.path().to_string_lossy()])
            .code,
        0
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = good_site();
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.out());
    assert!(before.contains_key("briefings/a/index.html"));
    assert_eq!(
        before.get("keep.txt").map(|b| b.as_slice()),
        Some(&b"static file"[..])
    );
    site.write(
        "content/briefings/2025-11-21-b.md",
        "---\ntitle: [broken\n---\n",
    );
    let r = site.build();
    assert_eq!(r.code, 1);
    assert_eq!(snapshot(&site.out()), before);
    let stray: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("dossier"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn a_relative_output_is_relative_to_the_current_directory() {
    let site = good_site();
    let cwd = tempfile::tempdir().unwrap();
    let r = run(
        &[
            "build",
            "--root",
            &site.root().to_string_lossy(),
            "--output",
            "public",
        ],
        cwd.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(cwd.path().join("public/briefings/a/index.html").is_file());
    assert!(!site.out().exists());
}

#[test]
fn the_default_output_is_root_slash_output_and_a_rebuild_replaces_it() {
    let site = good_site();
    assert_eq!(site.build().code, 0);
    assert!(site.out().join("briefings/a/index.html").is_file());
    std::fs::remove_file(site.root().join("content/briefings/2025-11-20-a.md")).unwrap();
    site.write("content/briefings/2025-11-22-c.md", "---\ntitle: C\n---\n");
    assert_eq!(site.build().code, 0);
    assert!(
        !site.out().join("briefings/a").exists(),
        "stale pages are gone"
    );
    assert!(site.out().join("briefings/c/index.html").is_file());
}

#[test]
fn usage_errors_exit_2() {
    let site = good_site();
    assert_eq!(site.run(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(run(&["frobnicate"], site.root()).code, 2);
    let r = run(&["build", "--root", "/no/such/site"], site.root());
    assert_eq!(r.code, 2, "{}", r.stderr);
    let empty = tempfile::tempdir().unwrap();
    for cmd in ["build", "check"] {
        let r = run(
            &[cmd, "--root", &empty.path().to_string_lossy()],
            site.root(),
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("no site.yaml"), "{}", r.stderr);
    }
}

#[cfg(unix)]
#[test]
fn symlinks_never_lead_out_of_the_site_and_loops_do_not_hang() {
    let site = good_site();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: Outside secret\n---\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join("content/briefings/out")).unwrap();
    std::os::unix::fs::symlink(
        site.root().join("content"),
        site.root().join("content/briefings/loop"),
    )
    .unwrap();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("outside the site"), "{}", r.stderr);
    assert!(r.stderr.contains("loop"), "{}", r.stderr);
    assert!(!site.page("timeline/index.html").contains("Outside secret"));
}

#[test]
fn leftovers_of_a_killed_build_are_cleaned_up_or_restored() {
    let site = good_site();
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.out());
    // PIDs of processes that have ended, as a killed build's would be.
    let dead = || {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        child.wait().unwrap();
        child.id()
    };
    let (a, b) = (dead(), dead());
    // A build killed after moving the old output aside, and another killed mid-write.
    let tmp = site.root().join(format!(".output.dossier-tmp-{b}"));
    std::fs::rename(
        site.out(),
        site.root().join(format!(".output.dossier-old-{a}")),
    )
    .unwrap();
    std::fs::create_dir(&tmp).unwrap();
    std::fs::write(tmp.join(".dossier-output"), "").unwrap();
    std::fs::write(tmp.join("half.html"), "<p>half").unwrap();
    site.write("content/broken.md", "---\ntitle: [\n---\n");
    assert_eq!(site.build().code, 1);
    assert_eq!(
        snapshot(&site.out()),
        before,
        "the moved-aside output is back"
    );
    std::fs::remove_file(site.root().join("content/broken.md")).unwrap();
    assert_eq!(site.build().code, 0);
    assert_eq!(snapshot(&site.out()), before);
    let names: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(!names.iter().any(|n| n.contains("dossier-")), "{names:?}");
}

#[test]
fn the_sites_own_output_folder_is_always_replaced_and_kept_on_errors() {
    // output/ is generated by definition, even when something else put files there.
    let site = good_site();
    site.write("output/index.html", "old page");
    site.write("output/stale/index.html", "stale");
    site.write("content/broken.md", "---\ntitle: [\n---\n");
    let before = snapshot(&site.out());
    assert_eq!(site.build().code, 1, "a content error, not a refusal");
    assert_eq!(snapshot(&site.out()), before);
    std::fs::remove_file(site.root().join("content/broken.md")).unwrap();
    assert_eq!(site.build().code, 0);
    assert!(!site.out().join("stale").exists());
}
