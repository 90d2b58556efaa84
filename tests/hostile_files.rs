//! Hostile file systems: symlinks out of the site, files changing during a build, and an
//! output location that is read-only or full. Each build either succeeds with a whole,
//! consistent site or fails with a clear error and the previous output byte-identical.

mod common;
use common::mount::Mount;
use common::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn good_site() -> TestSite {
    TestSite::new(&[
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: Stable\nactors: [Someone]\n---\nText.\n",
        ),
        ("static/keep.txt", "static file"),
    ])
}

#[cfg(unix)]
#[test]
fn symlinked_files_and_output_folders_never_reach_outside_the_site() {
    let site = good_site();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    std::fs::write(&secret, "---\ntitle: Outside secret\n---\n").unwrap();
    std::fs::write(outside.path().join("secret.txt"), "outside bytes").unwrap();
    let link = |target: &Path, at: &str| {
        std::os::unix::fs::symlink(target, site.root().join(at)).unwrap();
    };
    // A file link in content/, a file and a folder link in static/, an absolute system file.
    link(&secret, "content/briefings/2025-11-21-secret.md");
    link(&outside.path().join("secret.txt"), "static/secret.txt");
    link(outside.path(), "static/outside");
    link(Path::new("/etc/passwd"), "static/passwd");
    // A link that stays inside the site is followed.
    site.write(
        "shared/someone.md",
        "---\nname: Someone\n---\nShared profile.\n",
    );
    std::fs::create_dir_all(site.root().join("content/actors")).unwrap();
    link(
        &site.root().join("shared/someone.md"),
        "content/actors/someone.md",
    );
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    for path in [
        "content/briefings/2025-11-21-secret.md",
        "static/secret.txt",
        "static/outside",
        "static/passwd",
    ] {
        assert!(
            r.diagnostics().iter().any(|d| d
                == &format!("{path}:1:1: warning: symlink points outside the site: not followed")),
            "{path}: {}",
            r.stderr
        );
    }
    assert!(
        site.page("actors/someone/index.html")
            .contains("Shared profile.")
    );
    let out = snapshot(&site.out());
    assert!(
        !out.keys()
            .any(|k| k.contains("secret") || k.contains("passwd") || k.starts_with("outside")),
        "{:?}",
        out.keys()
    );
    assert!(
        !out.values()
            .any(|b| String::from_utf8_lossy(b).contains("Outside secret")
                || String::from_utf8_lossy(b).contains("outside bytes")
                || String::from_utf8_lossy(b).contains("root:"))
    );

    // An output folder that is a symlink to a folder elsewhere: that folder is never
    // emptied or written into; the link itself is replaced by the new output.
    let target = tempfile::tempdir().unwrap();
    std::fs::write(target.path().join(".dossier-output"), "").unwrap();
    std::fs::write(target.path().join("precious.txt"), "mine").unwrap();
    std::fs::remove_dir_all(site.out()).unwrap();
    std::os::unix::fs::symlink(target.path(), site.out()).unwrap();
    let before = snapshot(target.path());
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(snapshot(target.path()), before, "the link's target changed");
    assert!(site.out().join("briefings/a/index.html").is_file());
}

/// Rewrites, removes and recreates files of `root` until `stop` is set. `torn`: files
/// are rewritten in place, so a reader can see one half-written; otherwise each new
/// version is written beside and renamed over, as editors save.
fn churn(root: PathBuf, stop: Arc<AtomicBool>, torn: bool) -> usize {
    let save = |path: &Path, text: String| {
        if torn {
            let _ = std::fs::write(path, text);
        } else {
            // A dotfile, which discovery never reads.
            let tmp = path.with_file_name(".saving.tmp");
            let _ = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
        }
    };
    let mut edits = 0;
    let changing = root.join("content/briefings/2025-11-21-b.md");
    let coming = root.join("content/briefings/2025-11-22-c.md");
    let profile = root.join("content/actors/someone.md");
    while !stop.load(Ordering::Relaxed) {
        let title = if edits % 2 == 0 { "Old B" } else { "New B" };
        save(
            &changing,
            format!("---\ntitle: {title}\nactors: [Someone]\n---\n[[Someone]] {edits}\n"),
        );
        match edits % 4 {
            1 => save(
                &coming,
                "---\ntitle: Coming C\n---\n[Stable](2025-11-20-a.md)\n".to_string(),
            ),
            3 => {
                let _ = std::fs::remove_file(&coming);
            }
            _ => {}
        }
        save(
            &profile,
            format!("---\nname: Someone\naliases: [S{edits}]\n---\nProfile.\n"),
        );
        edits += 1;
    }
    edits
}

#[test]
fn files_changing_during_builds_give_a_whole_site_or_a_clear_error() {
    let site = good_site();
    site.write("content/actors/someone.md", "---\nname: Someone\n---\n");
    site.write(
        "content/briefings/2025-11-21-b.md",
        "---\ntitle: Old B\n---\nText.\n",
    );
    assert_eq!(site.build().code, 0);
    let (mut ok, mut failed, mut edits) = (0, 0, 0);
    // Ten builds while files are saved whole, then ten while they are written in place.
    for round in 0..20 {
        let torn = round >= 10;
        let before = snapshot(&site.out());
        let stop = Arc::new(AtomicBool::new(false));
        let writer = {
            let (root, stop) = (site.root().to_path_buf(), stop.clone());
            std::thread::spawn(move || churn(root, stop, torn))
        };
        let r = site.build();
        stop.store(true, Ordering::Relaxed);
        edits += writer.join().expect("writer");
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        // Whole files, added, replaced or removed: every build sees some state of the site.
        if !torn {
            assert_eq!(r.code, 0, "{}", r.stderr);
        }
        if r.code == 0 {
            ok += 1;
            let broken = broken_links(&site.out(), "/");
            assert!(broken.is_empty(), "half a site: {broken:?}");
            let b = site.page("briefings/b/index.html");
            assert!(b.contains("<h1>Old B</h1>") || b.contains("<h1>New B</h1>"));
            assert!(site.page("timeline/index.html").contains("Stable"));
        } else {
            failed += 1;
            assert_eq!(r.code, 1, "{}", r.stderr);
            assert!(
                r.diagnostics()
                    .iter()
                    .any(|d| d.starts_with("content/") && d.contains(": error: ")),
                "an error names the file: {}",
                r.stderr
            );
            assert_eq!(
                snapshot(&site.out()),
                before,
                "a failed build changed the output"
            );
        }
    }
    println!("{ok} whole builds, {failed} clear errors, {edits} edits during builds");
    assert!(edits > 0);
}

/// A write error of the output location: exit 2 (not content errors) and one line naming
/// the output folder and the system's reason, not one error per file at output paths.
fn assert_write_error(r: &Run, out: &Path, reason: &str) {
    assert_eq!(r.code, 2, "{}", r.stderr);
    let errors: Vec<&str> = r.stderr.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(errors.len(), 1, "one error: {}", r.stderr);
    let folder = format!("{}:", out.display());
    assert!(
        errors[0].contains(&folder) && errors[0].contains(reason),
        "names {folder} and says `{reason}`: {}",
        r.stderr
    );
    assert!(
        r.diagnostics().is_empty(),
        "no per-file diagnostics: {}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

/// Builds `site` into `out`.
fn build_into(site: &TestSite, out: &Path) -> Run {
    site.run(&["build", "--output", &out.to_string_lossy()])
}

#[test]
fn a_read_only_output_location_is_a_clear_error_and_keeps_the_output() {
    let Some(mount) = Mount::tmpfs("4m") else {
        return;
    };
    let site = good_site();
    let out = mount.path().join("public");
    assert_eq!(build_into(&site, &out).code, 0);
    let before = snapshot(&out);
    mount.remount("ro");
    site.write(
        "content/briefings/2025-11-22-new.md",
        "---\ntitle: New\n---\n",
    );
    let r = build_into(&site, &out);
    assert_write_error(&r, &out, "Read-only file system");
    assert_eq!(snapshot(&out), before);
    mount.remount("rw");
    assert_eq!(build_into(&site, &out).code, 0, "writable again, it builds");
    assert!(out.join("briefings/new/index.html").is_file());
}

#[test]
fn a_full_output_location_is_a_clear_error_and_keeps_the_output() {
    let Some(mount) = Mount::tmpfs("1m") else {
        return;
    };
    let site = good_site();
    let out = mount.path().join("public");
    assert_eq!(build_into(&site, &out).code, 0);
    let before = snapshot(&out);
    // A static file larger than what is left: the staged copy cannot be written.
    site.write("static/big.bin", &"x".repeat(2 * 1024 * 1024));
    let r = build_into(&site, &out);
    assert_write_error(&r, &out, "No space left on device");
    assert_eq!(snapshot(&out), before);
    // `build --watch` makes its first build the same way, and stops the same way.
    let r = site.run(&["build", "--watch", "--output", &out.to_string_lossy()]);
    assert_write_error(&r, &out, "No space left on device");
    assert_eq!(snapshot(&out), before);
    let left: Vec<String> = std::fs::read_dir(mount.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(left, ["public"], "the staging folder is removed");
}
