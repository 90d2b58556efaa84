//! Nothing lost: refused output folders stay untouched (exit 2), a failed build leaves the
//! previous output byte-identical, and nothing is written outside the output folder.

mod common;
use common::mount::Mount;
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
        // `.dossier/` is the card cache, kept between builds on purpose.
        .filter(|n| n.contains("dossier") && n != ".dossier")
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
    let (a, b, c, d) = (dead(), dead(), dead(), dead());
    // A build killed after moving the old output aside, and another killed mid-write.
    let tmp = site.root().join(format!(".output.dossier-tmp-{b}"));
    // One killed between creating its staging folder and marking it as ours: empty.
    std::fs::create_dir(site.root().join(format!(".output.dossier-tmp-{c}"))).unwrap();
    // A folder that only looks like ours (no marker, not empty) is never touched.
    let foreign = format!(".output.dossier-tmp-{d}");
    site.write(&format!("{foreign}/notes.txt"), "mine");
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
        .filter(|n| n.contains("dossier-"))
        .collect();
    assert_eq!(names, std::slice::from_ref(&foreign));
    assert_eq!(
        std::fs::read_to_string(site.root().join(foreign).join("notes.txt")).unwrap(),
        "mine"
    );
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

/// A site big enough that a build takes a while: `n` short briefings naming a few profiles.
fn big_site(n: usize) -> TestSite {
    let site = TestSite::new(&[]);
    for i in 0..40 {
        site.write(
            &format!("content/actors/actor-{i}.md"),
            &format!("---\nname: Actor {i}\n---\nProfile {i}.\n"),
        );
    }
    for i in 0..n {
        site.write(
            &format!(
                "content/briefings/2025-{:02}-{:02}-b{i:04}.md",
                1 + i % 12,
                1 + i % 28
            ),
            &format!(
                "---\ntitle: Briefing {i}\nactors: [Actor {}, Actor {}]\ntags: [t{}]\n---\nBody {i} names [[Actor {}]].\n",
                i % 40,
                (i * 7) % 40,
                i % 20,
                i % 40
            ),
        );
    }
    site
}

/// A hash of every file under `dir`, by relative path (whole trees of bytes would not fit
/// comfortably in memory five times over).
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, u64> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    snapshot(dir)
        .into_iter()
        .map(|(p, bytes)| {
            let mut h = DefaultHasher::new();
            bytes.hash(&mut h);
            (p, h.finish())
        })
        .collect()
}

/// Where a build is killed: on what the test sees of its progress, or after a delay.
#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// The staging folder exists.
    Staging,
    /// The staging folder holds this many files.
    Filled(usize),
    /// `output/` shows the new build: the swap is done, the old output is being removed.
    Swapped,
    /// This many milliseconds after the start.
    After(u64),
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_point_keeps_the_previous_output_and_the_next_build_is_clean() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let site = big_site(250);
    let root = site.root().to_path_buf();
    let variant = |title: &str| site.write("site.yaml", &format!("title: {title}\n"));
    let listing = || -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names
    };
    let sources = || {
        let mut t = tree(&root);
        // The card cache (`.dossier/`) is the build's to write, not a source.
        t.retain(|p, _| {
            !p.starts_with("output/") && !p.starts_with(".output.") && !p.starts_with(".dossier/")
        });
        t
    };
    // Two clean builds, whose output differs on every page (the site title is on each).
    let titles = ["Desk B", "Desk A"];
    let mut reference = Vec::new();
    for title in titles {
        variant(title);
        let r = site.build();
        assert_eq!(r.code, 0, "{}", r.stderr);
        reference.push(tree(&site.out()));
    }
    let total = reference[0].len();
    assert_ne!(reference[0], reference[1]);
    // Kill points from a fixed seed, so every run tries the same ones.
    let mut seed: u64 = 0x5eed_cafe;
    let mut next = |below: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % below.max(1)
    };
    let points = [
        KillAt::Staging,
        KillAt::Filled(1 + next(total as u64 / 2) as usize),
        KillAt::Filled(total / 2 + next(total as u64 / 2) as usize),
        KillAt::Swapped,
        KillAt::After(next(400)),
    ];
    let mut previous = 1; // output/ holds "Desk A"
    for (i, point) in points.into_iter().enumerate() {
        let target = i % 2;
        variant(titles[target]);
        let before = sources();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["build", "-q", "--root"])
            .arg(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let pid = child.id();
        let staging = root.join(format!(".output.dossier-tmp-{pid}"));
        let start = Instant::now();
        let mut killed = false;
        while child.try_wait().unwrap().is_none() {
            let now = match point {
                KillAt::Staging => staging.exists(),
                KillAt::Filled(n) => {
                    walkdir::WalkDir::new(&staging)
                        .into_iter()
                        .filter_map(Result::ok)
                        .filter(|e| e.file_type().is_file())
                        .count()
                        >= n
                }
                KillAt::Swapped => std::fs::read_to_string(site.out().join("index.html"))
                    .is_ok_and(|p| p.contains(titles[target])),
                KillAt::After(ms) => start.elapsed() >= Duration::from_millis(ms),
            };
            if now {
                killed = child.kill().is_ok();
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        child.wait().unwrap();

        // Only the documented temporary names of the killed build appear beside the output,
        // the sources are untouched, and the output is one whole build: the previous one, or
        // the new one once the swap happened; never a mix.
        let allowed = [
            format!(".output.dossier-old-{pid}"),
            format!(".output.dossier-tmp-{pid}"),
            "content".to_string(),
            "output".to_string(),
            "site.yaml".to_string(),
            // The card cache: cards are kept as soon as they are drawn.
            ".dossier".to_string(),
        ];
        let names = listing();
        assert!(
            names.iter().all(|n| allowed.contains(n)),
            "{point:?}: {names:?}"
        );
        assert_eq!(sources(), before, "{point:?}: sources changed");
        let out = if site.out().exists() {
            site.out()
        } else {
            // Only where the folders cannot trade places in one step: moved aside, whole.
            root.join(format!(".output.dossier-old-{pid}"))
        };
        let now = tree(&out);
        let which = reference.iter().position(|r| *r == now);
        eprintln!(
            "{point:?}: killed {killed} after {:?}; output is the {} build; {} leftover(s)",
            start.elapsed(),
            if which == Some(target) {
                "new"
            } else {
                "previous"
            },
            names.len() - 4
        );
        assert!(
            which == Some(previous) || which == Some(target),
            "{point:?}: the output is neither the previous build nor the new one ({} files)",
            now.len()
        );
        // The next build cleans up and matches a clean build of the same sources.
        let r = site.build();
        assert_eq!(r.code, 0, "{point:?}: {}", r.stderr);
        assert!(
            tree(&site.out()) == reference[target],
            "{point:?}: the build after the kill differs from a clean build"
        );
        // The card cache stays, as it should.
        assert_eq!(
            listing(),
            [".dossier", "content", "output", "site.yaml"],
            "{point:?}: leftovers"
        );
        previous = target;
    }
}

#[cfg(unix)]
#[test]
fn an_output_symlink_is_replaced_and_its_target_left_alone() {
    let site = good_site();
    let target = tempfile::tempdir().unwrap();
    std::fs::write(target.path().join("keep.txt"), "mine").unwrap();
    std::os::unix::fs::symlink(target.path(), site.out()).unwrap();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.out().join("briefings/a/index.html").is_file());
    assert!(!site.out().is_symlink());
    let left: Vec<_> = snapshot(target.path()).into_keys().collect();
    assert_eq!(left, ["keep.txt"]);
}

/// Names beside `dir` that a build would leave there (staging or moved-aside folders).
#[cfg(unix)]
fn leftovers_beside(dir: &std::path::Path) -> Vec<String> {
    let Some(parent) = dir.parent() else {
        return Vec::new();
    };
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".dossier-"))
        .collect()
}

/// What a node is, without following it: its type and, for a symlink, its target.
#[cfg(unix)]
fn identity(p: &std::path::Path) -> (String, Option<std::path::PathBuf>, Option<String>) {
    use std::os::unix::fs::FileTypeExt;
    let kind = |p: &std::path::Path, follow: bool| {
        let m = if follow {
            std::fs::metadata(p)
        } else {
            std::fs::symlink_metadata(p)
        };
        m.map(|m| {
            let t = m.file_type();
            if t.is_symlink() {
                "symlink"
            } else if t.is_dir() {
                "dir"
            } else if t.is_file() {
                "file"
            } else if t.is_fifo() {
                "fifo"
            } else if t.is_socket() {
                "socket"
            } else if t.is_char_device() {
                "char"
            } else if t.is_block_device() {
                "block"
            } else {
                "other"
            }
            .to_string()
        })
        .ok()
    };
    (
        kind(p, false).unwrap_or_else(|| "missing".into()),
        std::fs::read_link(p).ok(),
        kind(p, true),
    )
}

/// Builds with each of `cases` (a node in `nodes`, what the refusal calls it) as `--output`:
/// refused with exit 2, by `build` and `build --watch`, the node as it was, nothing beside it.
#[cfg(unix)]
fn refuses_each(site: &TestSite, nodes: &std::path::Path, cases: &[(&str, &str)]) {
    let at = |n: &str| nodes.join(n);
    for &(name, what) in cases {
        let node = at(name);
        let before = identity(&node);
        let r = site.run(&["build", "--output", &node.to_string_lossy()]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains("refusing")
                && r.stderr.contains(&*node.to_string_lossy())
                && r.stderr.contains(what),
            "{name}: expected `{what}`: {}",
            r.stderr
        );
        assert_eq!(identity(&node), before, "{name}: the node changed");
        assert!(
            leftovers_beside(&node).is_empty(),
            "{name}: {:?}",
            leftovers_beside(&node)
        );
        // `build --watch` shares the refusal, before it writes anything.
        let r = site.run(&["build", "--watch", "--output", &node.to_string_lossy()]);
        assert_eq!(r.code, 2, "{name} --watch: {}", r.stderr);
        assert!(r.stderr.contains(what), "{name} --watch: {}", r.stderr);
        assert_eq!(identity(&node), before, "{name} --watch: the node changed");
    }
}

#[cfg(unix)]
#[test]
fn an_output_that_exists_and_is_not_a_folder_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::symlink;
    use std::process::Command;
    let site = good_site();
    let nodes = tempfile::tempdir().unwrap();
    let at = |n: &str| nodes.path().join(n);
    std::fs::write(at("file"), "a file").unwrap();
    let fifo = Command::new("mkfifo").arg(at("fifo")).status().unwrap();
    assert!(fifo.success());
    let _socket = std::os::unix::net::UnixListener::bind(at("socket")).unwrap();
    symlink(at("file"), at("link-to-file")).unwrap();
    symlink(at("fifo"), at("link-to-fifo")).unwrap();
    symlink(at("socket"), at("link-to-socket")).unwrap();
    symlink(at("link-to-fifo"), at("link-to-link-to-fifo")).unwrap();
    symlink(at("no-such-thing"), at("dangling")).unwrap();
    refuses_each(
        &site,
        nodes.path(),
        &[
            ("file", "a file"),
            ("fifo", "a FIFO"),
            ("socket", "a socket"),
            ("link-to-file", "a symlink to a file"),
            ("link-to-fifo", "a symlink to a FIFO"),
            ("link-to-socket", "a symlink to a socket"),
            ("link-to-link-to-fifo", "a symlink to a FIFO"),
            ("dangling", "a symlink to nothing"),
        ],
    );
    assert_eq!(std::fs::read_to_string(at("file")).unwrap(), "a file");
}

#[cfg(unix)]
#[test]
#[ignore = "makes a character device with mknod: needs root (.ci/run runs it with --ignored)"]
fn a_character_device_as_the_output_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::symlink;
    use std::process::Command;
    let site = good_site();
    let nodes = tempfile::tempdir().unwrap();
    let at = |n: &str| nodes.path().join(n);
    // A character device like /dev/null (1, 3), made inside the temp folder.
    let chr = Command::new("mknod")
        .arg(at("chr"))
        .args(["c", "1", "3"])
        .output()
        .unwrap();
    assert!(
        chr.status.success(),
        "mknod: {}",
        String::from_utf8_lossy(&chr.stderr)
    );
    symlink(at("chr"), at("link-to-chr")).unwrap();
    refuses_each(
        &site,
        nodes.path(),
        &[
            ("chr", "a character device"),
            ("link-to-chr", "a symlink to a character device"),
        ],
    );
}

/// Every way a source folder of the site and the output folder can be one folder, or one
/// inside the other, through links: refused with exit 2 before anything is touched.
#[cfg(unix)]
#[test]
fn sources_and_output_that_meet_through_links_are_refused() {
    use std::os::unix::fs::symlink;
    struct Case {
        name: &'static str,
        /// Sets up the site in `root` with helper folders in `elsewhere`; returns `--output`.
        setup: fn(&std::path::Path, &std::path::Path) -> std::path::PathBuf,
        what: &'static str,
    }
    fn moved(root: &std::path::Path, dir: &str, to: &std::path::Path) {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::rename(root.join(dir), to).unwrap();
        symlink(to, root.join(dir)).unwrap();
    }
    fn marked(dir: &std::path::Path) {
        std::fs::write(dir.join(".dossier-output"), "").unwrap();
    }
    let cases = [
        Case {
            name: "content is a link to the site's own output folder",
            setup: |root, _| {
                moved(root, "content", &root.join("output"));
                root.join("output")
            },
            what: "the content folder",
        },
        Case {
            name: "content is a link to the --output folder",
            setup: |root, e| {
                moved(root, "content", &e.join("pub"));
                marked(&e.join("pub"));
                e.join("pub")
            },
            what: "the content folder",
        },
        Case {
            name: "static is a link to the default output folder",
            setup: |root, _| {
                std::fs::rename(root.join("static"), root.join("output")).unwrap();
                marked(&root.join("output"));
                symlink("output", root.join("static")).unwrap();
                root.join("output")
            },
            what: "the static folder",
        },
        Case {
            name: "themes is a link to the --output folder",
            setup: |root, e| {
                moved(root, "themes", &e.join("pub"));
                marked(&e.join("pub"));
                e.join("pub")
            },
            what: "the themes folder",
        },
        Case {
            name: "themes/t is a link into the --output folder",
            setup: |root, e| {
                std::fs::create_dir_all(e.join("pub")).unwrap();
                marked(&e.join("pub"));
                std::fs::rename(root.join("themes/t"), e.join("pub/t")).unwrap();
                symlink(e.join("pub/t"), root.join("themes/t")).unwrap();
                e.join("pub")
            },
            what: "the themes folder",
        },
        Case {
            name: "--output is inside the content folder's target",
            setup: |root, e| {
                moved(root, "content", &e.join("data/content"));
                e.join("data/content/public")
            },
            what: "the content folder",
        },
        Case {
            name: "--output is an ancestor of the static folder's target",
            setup: |root, e| {
                moved(root, "static", &e.join("data/static"));
                marked(&e.join("data"));
                e.join("data")
            },
            what: "the static folder",
        },
        Case {
            name: "--output is a chain of links to the content folder",
            setup: |root, e| {
                symlink(root.join("content"), e.join("one")).unwrap();
                symlink(e.join("one"), e.join("two")).unwrap();
                e.join("two")
            },
            what: "the content folder",
        },
        Case {
            name: "--output is inside a link to the themes folder",
            setup: |root, e| {
                symlink(root.join("themes"), e.join("one")).unwrap();
                e.join("one/built")
            },
            what: "the themes folder",
        },
    ];
    for case in cases {
        let site = good_site();
        let elsewhere = tempfile::tempdir().unwrap();
        let output = (case.setup)(site.root(), elsewhere.path());
        let before = (snapshot(site.root()), snapshot(elsewhere.path()));
        let r = site.run(&["build", "--output", &output.to_string_lossy()]);
        assert_eq!(r.code, 2, "{}: {}", case.name, r.stderr);
        assert!(
            r.stderr.contains("refusing") && r.stderr.contains(case.what),
            "{}: expected `{}`: {}",
            case.name,
            case.what,
            r.stderr
        );
        assert_eq!(
            (snapshot(site.root()), snapshot(elsewhere.path())),
            before,
            "{}: files changed",
            case.name
        );
        assert!(leftovers_beside(&output).is_empty(), "{}", case.name);
    }
}

/// A mount point (a Docker volume, say) cannot be renamed, so it cannot be swapped for a new
/// build: it is refused before anything is written, and a subfolder of it works.
#[cfg(unix)]
#[test]
#[ignore = "mounts a tmpfs or a bind mount: needs root (.ci/run runs it with --ignored)"]
fn a_mount_point_as_the_output_folder_is_refused_before_anything_is_written() {
    let site = good_site();
    let volume = Mount::tmpfs("4m");
    let vol = volume.path();
    // Once empty, once holding what looks like a build of Dossier's own.
    for round in 0..2 {
        if round == 1 {
            std::fs::write(vol.join(".dossier-output"), "").unwrap();
            std::fs::write(vol.join("index.html"), "the previous build").unwrap();
        }
        let before = snapshot(vol);
        let r = site.run(&["build", "--output", &vol.to_string_lossy()]);
        assert_eq!(r.code, 2, "round {round}: {}", r.stderr);
        assert!(
            r.stderr.contains("refusing")
                && r.stderr.contains(&*vol.to_string_lossy())
                && r.stderr.contains("a mount point")
                && r.stderr.contains("subfolder"),
            "round {round}: {}",
            r.stderr
        );
        assert_eq!(snapshot(vol), before, "round {round}: written into");
        assert!(leftovers_beside(vol).is_empty(), "round {round}");
        let r = site.run(&["build", "--watch", "--output", &vol.to_string_lossy()]);
        assert_eq!(r.code, 2, "round {round} --watch: {}", r.stderr);
        assert_eq!(snapshot(vol), before, "round {round} --watch: written into");
    }
    // A subfolder of the volume is an ordinary output folder.
    let sub = vol.join("site");
    let r = site.run(&["build", "--output", &sub.to_string_lossy()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(sub.join("briefings/a/index.html").is_file());

    // The site's own output/ as a volume, and a folder bind-mounted on itself (same device).
    std::fs::create_dir(site.out()).unwrap();
    let own = Mount::tmpfs_at("4m", &site.out());
    std::fs::write(site.out().join("kept.txt"), "on the volume").unwrap();
    let r = site.build();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("a mount point"), "{}", r.stderr);
    assert_eq!(snapshot(&site.out()).len(), 1);
    drop(own);
    let elsewhere = tempfile::tempdir().unwrap();
    let (from, at) = (elsewhere.path().join("a"), elsewhere.path().join("b"));
    std::fs::create_dir(&from).unwrap();
    std::fs::create_dir(&at).unwrap();
    let _bound = Mount::bind(&from, &at);
    let r = site.run(&["build", "--output", &at.to_string_lossy()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("a mount point"), "{}", r.stderr);
    assert!(snapshot(&from).is_empty());
}

/// A bind mount shows one folder at a second path that no link resolution sees through:
/// the output folder is compared with the sources by identity, not by name.
#[cfg(unix)]
#[test]
#[ignore = "mounts a bind mount: needs root (.ci/run runs it with --ignored)"]
fn a_bind_mounted_alias_of_a_source_folder_is_refused_as_the_output() {
    let site = good_site();
    let elsewhere = tempfile::tempdir().unwrap();
    for (source, what) in [
        ("content", "the content folder"),
        ("static", "the static folder"),
        ("", "the site root"),
    ] {
        let alias = elsewhere.path().join(format!("alias-{source}"));
        std::fs::create_dir(&alias).unwrap();
        let _m = Mount::bind(&site.root().join(source), &alias);
        let before = snapshot(site.root());
        for output in [alias.clone(), alias.join("built")] {
            if source.is_empty() && output != alias {
                continue; // a folder inside the site root is an ordinary output
            }
            let r = site.run(&["build", "--output", &output.to_string_lossy()]);
            assert_eq!(r.code, 2, "{}: {}", output.display(), r.stderr);
            assert!(
                r.stderr.contains("refusing") && r.stderr.contains(what),
                "{}: expected `{what}`: {}",
                output.display(),
                r.stderr
            );
            assert_eq!(snapshot(site.root()), before, "{}", output.display());
        }
    }
}
