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

/// Each of `paths` was warned about as a link out of the site, and not followed.
fn not_followed(r: &Run, paths: &[&str]) {
    for path in paths {
        assert!(
            r.diagnostics().iter().any(|d| d
                == &format!("{path}:1:1: warning: symlink points outside the site: not followed")),
            "{path}: {}",
            r.stderr
        );
    }
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
    not_followed(
        &r,
        &[
            "content/briefings/2025-11-21-secret.md",
            "static/secret.txt",
            "static/outside",
            "static/passwd",
        ],
    );
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
#[ignore = "mounts a tmpfs: needs root (.ci/run runs it with --ignored)"]
fn a_read_only_output_location_is_a_clear_error_and_keeps_the_output() {
    let mount = Mount::tmpfs("4m");
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
#[ignore = "mounts a tmpfs: needs root (.ci/run runs it with --ignored)"]
fn a_full_output_location_is_a_clear_error_and_keeps_the_output() {
    let mount = Mount::tmpfs("1m");
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

/// Runs `dossier ARGS --root ROOT` with `DOSSIER_CANARY` in its environment, so that a
/// build that publishes its environment (a template linked to `/proc/self/environ`) shows.
#[cfg(unix)]
fn run_with_canary(site: &TestSite, args: &[&str]) -> Run {
    let out = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .args(args)
        .arg("--root")
        .arg(site.root())
        .env("DOSSIER_CANARY", "canary-7c1e-secret")
        .current_dir(site.root())
        .output()
        .expect("run");
    Run::from(out)
}

/// Whether any file of `out` holds one of `needles`, or is named with one.
fn leaks(out: &Path, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    // Social cards are pictures, not text: their bytes hold anything.
    for (k, b) in snapshot(out)
        .into_iter()
        .filter(|(k, _)| !k.ends_with(".png"))
    {
        let text = String::from_utf8_lossy(&b);
        for n in needles {
            if text.contains(n) || k.contains(n) {
                found.push(format!("{k}: {n}"));
            }
        }
    }
    found
}

#[cfg(unix)]
#[test]
fn theme_files_linked_out_of_the_site_are_refused_with_a_warning() {
    let site = good_site();
    let outside = tempfile::tempdir().unwrap();
    let o = outside.path();
    std::fs::write(o.join("secret.html"), "OUTSIDE TEMPLATE SECRET").unwrap();
    std::fs::write(o.join("leak.txt"), "OUTSIDE STATIC SECRET").unwrap();
    std::fs::create_dir_all(o.join("theme/static")).unwrap();
    std::fs::create_dir_all(o.join("theme/templates")).unwrap();
    std::fs::write(o.join("theme/static/stolen.txt"), "OUTSIDE THEME SECRET").unwrap();
    std::fs::create_dir_all(o.join("css")).unwrap();
    std::fs::write(o.join("css/x.css"), "OUTSIDE CSS SECRET").unwrap();
    site.write("themes/mine/templates/tag.html", "{{ page.title }} mine");
    site.write("themes/mine/static/own.txt", "theme's own file");
    site.write(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\ntheme: mine\n",
    );
    let link = |target: &Path, at: &str| {
        std::os::unix::fs::symlink(target, site.root().join(at)).unwrap();
    };
    link(
        &o.join("secret.html"),
        "themes/mine/templates/briefing.html",
    );
    link(
        Path::new("/proc/self/environ"),
        "themes/mine/templates/404.html",
    );
    link(&o.join("leak.txt"), "themes/mine/static/leak.txt");
    link(&o.join("css"), "themes/mine/static/css");
    // A template any other can include, linked to a draft's Markdown.
    site.write(
        "content/briefings/2025-11-23-draft.md",
        "---\ntitle: Hidden\ndraft: true\n---\nDRAFT-IN-TEMPLATE\n",
    );
    link(
        &site.root().join("content/briefings/2025-11-23-draft.md"),
        "themes/mine/templates/notes.md",
    );
    let r = run_with_canary(&site, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.diagnostics().iter().any(|d| d.starts_with(
            "themes/mine/templates/notes.md:1:1: warning: symlink points to a Markdown file"
        )),
        "{}",
        r.stderr
    );
    not_followed(
        &r,
        &[
            "themes/mine/templates/briefing.html",
            "themes/mine/templates/404.html",
            "themes/mine/static/leak.txt",
            "themes/mine/static/css",
        ],
    );
    let secrets = [
        "OUTSIDE TEMPLATE SECRET",
        "OUTSIDE STATIC SECRET",
        "OUTSIDE CSS SECRET",
        "canary-7c1e-secret",
        "leak.txt",
        "DRAFT-IN-TEMPLATE",
    ];
    assert_eq!(leaks(&site.out(), &secrets), Vec::<String>::new());
    assert_eq!(
        std::fs::read_to_string(site.out().join("own.txt")).unwrap(),
        "theme's own file"
    );
    assert!(site.page("briefings/a/index.html").contains("Stable"));
    let before = snapshot(&site.out());

    // A theme folder that is itself a link out of the site is not used at all.
    link(&o.join("theme"), "themes/linked");
    site.write(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\ntheme: linked\n",
    );
    let r = run_with_canary(&site, &["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.diagnostics()
            .iter()
            .any(|d| d
                == &"themes/linked:1:1: warning: symlink points outside the site: not followed"),
        "{}",
        r.stderr
    );
    assert_eq!(
        snapshot(&site.out()),
        before,
        "a failed build changed the output"
    );
    assert_eq!(
        leaks(&site.out(), &["OUTSIDE THEME SECRET"]),
        Vec::<String>::new()
    );
}

#[cfg(unix)]
#[test]
fn links_to_vcs_folders_dotfiles_drafts_or_the_output_are_refused_with_a_warning() {
    let site = good_site();
    site.write(
        ".git/config",
        "[remote]\n  url = https://TOKEN-git-secret@example.org/x\n",
    );
    site.write(".hg/hgrc", "HG-SECRET");
    site.write(".env", "API_KEY=dotenv-secret");
    site.write("content/.secret", "content-dot-secret");
    site.write("private/.ssh/id", "ssh-dot-secret");
    site.write(
        "content/briefings/2025-11-23-draft.md",
        "---\ntitle: Hidden\ndraft: true\n---\nDRAFT-BODY-SECRET\n",
    );
    let link = |target: &str, at: &str| {
        std::os::unix::fs::symlink(target, site.root().join(at)).unwrap();
    };
    link("../.git/config", "static/gitconfig");
    link("../.git", "static/git");
    link("../.hg", "static/hg");
    link("../.env", "static/env");
    link("../content/.secret", "static/secret");
    link("../private", "static/private");
    link(
        "../content/briefings/2025-11-23-draft.md",
        "static/draft.md",
    );
    link("../content/briefings", "static/briefings");
    link("../output", "static/out");
    link("..", "static/all");
    // A chain: a link to a link to a dotfile.
    link("env", "static/env2");
    link("../../.env", "content/briefings/env.txt");
    link("../../.git/config", "content/briefings/2025-11-24-git.md");
    // A content asset that is a link to a draft would publish its raw text.
    link("2025-11-23-draft.md", "content/briefings/copy.txt");
    assert_eq!(site.build().code, 0);
    // Twice: a followed link to output/ would nest the first build in the second.
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let warned = |path: &str, why: &str| {
        assert!(
            r.diagnostics()
                .iter()
                .any(|d| d.starts_with(&format!("{path}:1:1: warning: "))
                    && d.contains("symlink")
                    && d.contains(why)
                    && d.ends_with(": not followed")),
            "{path} ({why}): {}",
            r.stderr
        );
    };
    warned("static/gitconfig", "version-control");
    warned("static/git", "version-control");
    warned("static/hg", "version-control");
    warned("static/env", "hidden");
    warned("static/env2", "hidden");
    warned("static/secret", "hidden");
    warned("static/draft.md", "Markdown");
    warned("static/out", "output");
    warned("static/all", "output");
    warned("content/briefings/env.txt", "hidden");
    warned("content/briefings/2025-11-24-git.md", "version-control");
    warned("content/briefings/copy.txt", "Markdown");
    // Under a followed link, dotfiles are refused as they are in content/.
    warned("static/private/.ssh", "hidden");
    let secrets = [
        "TOKEN-git-secret",
        "HG-SECRET",
        "dotenv-secret",
        "content-dot-secret",
        "ssh-dot-secret",
        "DRAFT-BODY-SECRET",
    ];
    assert_eq!(leaks(&site.out(), &secrets), Vec::<String>::new());
    let out = snapshot(&site.out());
    assert!(
        !out.keys()
            .any(|k| k.starts_with("out/") || k.starts_with("all/")),
        "the output nests itself: {:?}",
        out.keys().filter(|k| k.contains('/')).collect::<Vec<_>>()
    );

    // The output folder given with --output is known to discovery too.
    let public = site.root().join("public");
    link("../public", "static/pub");
    let arg = public.to_string_lossy().to_string();
    assert_eq!(site.run(&["build", "--output", &arg]).code, 0);
    let r = site.run(&["build", "--output", &arg]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.diagnostics().iter().any(
            |d| d.starts_with("static/pub:1:1: warning: symlink points ") && d.contains("output")
        ),
        "{}",
        r.stderr
    );
    assert!(!snapshot(&public).keys().any(|k| k.starts_with("pub/")));

    // static/ itself a link inside the site: its dotfiles are refused as under any link.
    site.write("assets/.env", "ASSETS-DOT-SECRET");
    site.write("assets/logo.txt", "logo");
    std::fs::rename(site.root().join("static"), site.root().join("old-static")).unwrap();
    link("assets", "static");
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.diagnostics()
            .iter()
            .any(|d| d.starts_with("static/.env:1:1: warning: ") && d.contains("hidden")),
        "{}",
        r.stderr
    );
    assert_eq!(site.page("logo.txt"), "logo");
    assert_eq!(
        leaks(&site.out(), &["ASSETS-DOT-SECRET"]),
        Vec::<String>::new()
    );
}

#[test]
fn markdown_in_any_case_is_a_page_and_leftovers_or_other_extensions_never_publish_text() {
    let draft = "---\ntitle: Secret plan\ndraft: true\n---\nDRAFT-TEXT-SECRET\n";
    let site = good_site();
    site.write(
        "content/briefings/2025-11-21-upper.MD",
        "---\ntitle: Upper case\n---\nShouting.\n",
    );
    site.write("content/briefings/2025-11-22-mixed.Md", draft);
    for leftover in [
        "2025-11-20-a.md.orig",
        "2025-11-20-a.md.bak",
        "2025-11-20-a.md.BAK",
        "2025-11-20-a.md.rej",
        "2025-11-20-a.md.dpkg-old",
        "2025-11-20-a.MD.Orig",
        "2025-11-20-a.md~",
        "#2025-11-20-a.md#",
        ".2025-11-20-a.md.swp",
        "2025-11-20-b.markdown",
        "2025-11-20-c.Markdown",
        "2025-11-20-d.mdown",
        "2025-11-20-e.MKD",
        "2025-11-20-f.markdown.bak",
    ] {
        site.write(&format!("content/briefings/{leftover}"), draft);
    }
    site.write("content/briefings/chart.png", "PNG bytes");
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        site.page("briefings/upper/index.html")
            .contains("Shouting.")
    );
    assert!(site.page("briefings/chart.png").contains("PNG bytes"));
    assert_eq!(
        leaks(
            &site.out(),
            &[
                "DRAFT-TEXT-SECRET",
                "Secret plan",
                ".md",
                ".MD",
                ".Md",
                "markdown",
                "mdown",
                ".MKD"
            ]
        ),
        Vec::<String>::new()
    );
    let d = r.diagnostics();
    for leftover in [
        "2025-11-20-a.md.orig",
        "2025-11-20-a.md.bak",
        "2025-11-20-a.md.BAK",
        "2025-11-20-a.md.rej",
        "2025-11-20-a.md.dpkg-old",
        "2025-11-20-a.MD.Orig",
        "2025-11-20-f.markdown.bak",
    ] {
        let path = format!("content/briefings/{leftover}:1:1: warning: ");
        assert!(
            d.iter().any(|l| l.starts_with(&path)
                && l.contains("leftover")
                && l.contains("not published")),
            "{leftover}: {}",
            r.stderr
        );
    }
    for other in [
        "2025-11-20-b.markdown",
        "2025-11-20-c.Markdown",
        "2025-11-20-d.mdown",
        "2025-11-20-e.MKD",
    ] {
        let path = format!("content/briefings/{other}:1:1: warning: ");
        assert!(
            d.iter()
                .any(|l| l.starts_with(&path) && l.contains("rename it to") && l.contains(".md")),
            "{other}: {}",
            r.stderr
        );
    }
    // With --drafts the draft in `.Md` is a page; its leftovers still are not published.
    let r = site.run(&["build", "--drafts"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        site.page("briefings/mixed/index.html")
            .contains("DRAFT-TEXT-SECRET")
    );
    let found = leaks(&site.out(), &["DRAFT-TEXT-SECRET", "2025-11-20-"]);
    assert!(
        found
            .iter()
            .all(|l| l.starts_with("briefings/mixed/") || l.starts_with("search")),
        "{found:?}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn static_file_names_that_are_not_utf8_are_refused_not_merged() {
    use std::os::unix::ffi::OsStrExt;
    let site = good_site();
    for (name, text) in [
        (&b"caf\xe9.txt"[..], "latin-1 name"),
        (&b"caf\xff.txt"[..], "other name"),
    ] {
        let p = site
            .root()
            .join("static")
            .join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(p, text).unwrap();
    }
    let dir = site
        .root()
        .join("static")
        .join(std::ffi::OsStr::from_bytes(b"d\xe9"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("inner.txt"), "inside a latin-1 folder").unwrap();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = r.diagnostics();
    for shown in [
        "static/caf\\xE9.txt",
        "static/caf\\xFF.txt",
        "static/d\\xE9",
    ] {
        assert!(
            d.iter()
                .any(|l| l.starts_with(&format!("{shown}:1:1: warning: "))
                    && l.contains("not UTF-8")
                    && l.contains("not copied")),
            "{shown}: {}",
            r.stderr
        );
    }
    assert_eq!(
        d.iter().filter(|l| l.contains("not UTF-8")).count(),
        3,
        "one warning per name: {}",
        r.stderr
    );
    assert_eq!(
        leaks(
            &site.out(),
            &[
                "latin-1 name",
                "other name",
                "inside a latin-1 folder",
                "\u{fffd}"
            ]
        ),
        Vec::<String>::new()
    );
    assert_eq!(site.page("keep.txt"), "static file");
}

#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_link_after_discovery_is_not_read_through_it() {
    use dossier::diagnostic::Diagnostics;
    use dossier::source::{self, Skip};
    let site = good_site();
    site.write("static/sub/inner.txt", "inner file");
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret");
    std::fs::write(&secret, "---\ntitle: SWAPPED-SECRET\n---\nSWAPPED-SECRET\n").unwrap();
    std::fs::create_dir(outside.path().join("sub")).unwrap();
    std::fs::write(outside.path().join("sub/inner.txt"), "SWAPPED-SECRET").unwrap();
    let swap = |at: &Path, to: &Path| {
        if at.is_dir() {
            std::fs::remove_dir_all(at).unwrap();
        } else {
            std::fs::remove_file(at).unwrap();
        }
        std::os::unix::fs::symlink(to, at).unwrap();
    };

    // A Markdown file listed, then replaced by a link before it is read.
    let confine = dossier::confine::Confine::new(site.root(), None);
    let mut diags = Diagnostics::new();
    let found = source::walk(
        &confine,
        &site.root().join("content"),
        Skip::Hidden,
        &mut diags,
    );
    assert_eq!(found.len(), 1);
    swap(&found[0].path, &secret);
    let read = source::load_markdown(site.root(), &found[0], &mut diags);
    assert!(read.is_none_or(|f| !f.text.contains("SWAPPED-SECRET")));
    let shown: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
    assert!(
        shown.iter().any(
            |d| d.starts_with("content/briefings/2025-11-20-a.md:1:1: error: ")
                && d.contains("symlink")
        ),
        "{shown:?}"
    );

    // Static files listed, then a file and a folder replaced by links before the copy.
    site.write(
        "content/briefings/2025-11-20-a.md",
        "---\ntitle: Stable\n---\n",
    );
    let opts = dossier::pipeline::Options {
        root: site.root().to_path_buf(),
        output: None,
        base_url: None,
        drafts: false,
        schedule: common::schedule(),
    };
    let mut diags = Diagnostics::new();
    let loaded = dossier::pipeline::load(&opts, &mut diags);
    let theme = dossier::render::theme::load(site.root(), None, &mut diags).unwrap();
    assert!(!diags.has_errors());
    swap(&site.root().join("static/keep.txt"), &secret);
    swap(&site.root().join("static/sub"), &outside.path().join("sub"));
    struct Collect(std::sync::Mutex<Vec<(String, Vec<u8>)>>);
    impl dossier::output::Sink for Collect {
        fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
            let mut files = self.0.lock().unwrap_or_else(|e| e.into_inner());
            files.push((path.to_string(), bytes.to_vec()));
            Ok(())
        }
    }
    let sink = Collect(Default::default());
    dossier::render::hosting::write_files(&loaded, &theme, &sink, &mut diags);
    let files = sink.0.into_inner().unwrap();
    let leaked: Vec<&String> = files
        .iter()
        .filter(|(_, b)| String::from_utf8_lossy(b).contains("SWAPPED-SECRET"))
        .map(|(k, _)| k)
        .collect();
    assert!(leaked.is_empty(), "{leaked:?}");
    let shown: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
    for name in ["keep.txt", "sub/inner.txt"] {
        assert!(
            shown.iter().any(
                |d| d.contains(&format!("static/{name}:1:1: error: ")) && d.contains("symlink")
            ),
            "{name}: {shown:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_site_yaml_linked_out_of_the_site_or_to_a_dotfile_is_not_read() {
    let site = good_site();
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.out());
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("site.yaml"), "title: OUTSIDE-TITLE\n").unwrap();
    site.write(".private/site.yaml", "title: HIDDEN-TITLE\n");
    site.write("config/site.yaml", "title: Linked Desk\n");
    for (target, why) in [
        (outside.path().join("site.yaml"), "outside the site"),
        (site.root().join(".private/site.yaml"), "hidden"),
        (PathBuf::from("/proc/self/environ"), "outside the site"),
    ] {
        std::fs::remove_file(site.root().join("site.yaml")).unwrap();
        std::os::unix::fs::symlink(&target, site.root().join("site.yaml")).unwrap();
        let r = site.build();
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(
            r.diagnostics()
                .iter()
                .any(|d| d.starts_with("site.yaml:1:1: error: symlink points ")
                    && d.contains(why)
                    && d.ends_with("not read")),
            "{target:?}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("OUTSIDE-TITLE") && !r.stderr.contains("HIDDEN-TITLE"));
        assert_eq!(snapshot(&site.out()), before);
    }
    // A link that stays in the site is read, with the root given as an absolute path or
    // as the working folder.
    std::fs::remove_file(site.root().join("site.yaml")).unwrap();
    std::os::unix::fs::symlink("config/site.yaml", site.root().join("site.yaml")).unwrap();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.page("index.html").contains("Linked Desk"));
    site.write("config/site.yaml", "title: Relative Desk\n");
    for args in [&["build", "--root", "."][..], &["build"][..]] {
        let r = run(args, site.root());
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(site.page("index.html").contains("Relative Desk"));
    }
}
