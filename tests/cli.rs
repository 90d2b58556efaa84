//! The command line as a newcomer meets it: help, version, init, new, check and build in
//! every format, quiet and verbose, stats, explain, completions, and exit codes.

mod common;
use common::*;
use std::path::Path;

fn dossier(args: &[&str], cwd: &Path) -> Run {
    run(args, cwd)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A fresh site made by `dossier init`, in `<tmp>/desk`.
fn init_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let r = dossier(&["init", "desk"], tmp.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let root = tmp.path().join("desk");
    (tmp, root)
}

#[test]
fn version_and_help_with_examples_for_every_command() {
    let here = repo();
    let r = dossier(&["--version"], &here);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout.trim(),
        format!("dossier {}", env!("CARGO_PKG_VERSION"))
    );
    let r = dossier(&["--help"], &here);
    assert_eq!(r.code, 0);
    for word in [
        "init",
        "new",
        "build",
        "check",
        "stats",
        "explain",
        "completions",
        "--quiet",
        "--verbose",
    ] {
        assert!(
            r.stdout.contains(word),
            "--help lacks {word}:\n{}",
            r.stdout
        );
    }
    for cmd in [
        &["build", "--help"][..],
        &["check", "--help"],
        &["init", "--help"],
        &["new", "briefing", "--help"],
        &["new", "actor", "--help"],
        &["new", "place", "--help"],
        &["new", "topic", "--help"],
        &["stats", "--help"],
        &["explain", "--help"],
        &["completions", "--help"],
    ] {
        let r = dossier(cmd, &here);
        assert_eq!(r.code, 0, "{cmd:?}");
        assert!(
            r.stdout.contains("Example") && r.stdout.contains("dossier "),
            "{cmd:?} has no example:\n{}",
            r.stdout
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let here = repo();
    assert_eq!(dossier(&["build", "--no-such-flag"], &here).code, 2);
    assert_eq!(dossier(&["frobnicate"], &here).code, 2);
    assert_eq!(dossier(&["check", "--format", "xml"], &here).code, 2);
    assert_eq!(dossier(&["completions", "powershell-ish"], &here).code, 2);
    let tmp = tempfile::tempdir().unwrap();
    let r = dossier(&["check"], tmp.path());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no site.yaml"), "{}", r.stderr);
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let here = repo();
    for (shell, marker) in [
        ("bash", "complete -F _dossier"),
        ("zsh", "#compdef dossier"),
        ("fish", "complete -c dossier"),
    ] {
        let r = dossier(&["completions", shell], &here);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(marker), "{shell}:\n{}", r.stdout);
        assert!(
            r.stdout.contains("briefing"),
            "{shell} completes `new briefing`"
        );
    }
}

#[test]
fn init_makes_a_site_that_builds_without_a_warning() {
    let (_tmp, root) = init_site();
    for f in [
        "site.yaml",
        "README.md",
        ".gitignore",
        "content/actors/european-commission.md",
        "content/places/brussels.md",
        "content/topics/energy-prices.md",
    ] {
        assert!(root.join(f).is_file(), "{f}");
    }
    let briefings: Vec<_> = std::fs::read_dir(root.join("content/briefings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(briefings.len(), 1, "{briefings:?}");
    assert!(briefings[0].ends_with("-welcome.md") && briefings[0].as_bytes()[4] == b'-');
    assert!(read(&root.join("README.md")).contains("dossier build"));
    let r = dossier(&["build"], &root);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "a new site builds without a warning");
    assert!(
        r.stdout.starts_with("built ") && r.stdout.contains("0 warnings"),
        "{}",
        r.stdout
    );
    let page = read(&root.join("output/topics/energy-prices/index.html"));
    assert!(
        page.contains("European Commission"),
        "the stance reaches the topic page"
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let r = dossier(&["init", "."], tmp.path());
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains("not empty") && r.stderr.contains("--force"),
        "{}",
        r.stderr
    );
    assert!(!tmp.path().join("site.yaml").exists(), "nothing written");
    let abs = tmp.path().to_string_lossy().to_string();
    let r = dossier(&["init", &abs, "--force"], Path::new("/"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(&format!("created {abs}/site.yaml\n")),
        "{}",
        r.stdout
    );
    assert!(tmp.path().join("site.yaml").is_file());
    assert_eq!(read(&tmp.path().join("notes.txt")), "mine");
}

#[test]
fn new_briefing_fills_in_front_matter_and_never_overwrites() {
    let (_tmp, root) = init_site();
    let root_s = root.to_string_lossy().to_string();
    let r = dossier(
        &[
            "new",
            "briefing",
            "Talks resume: Geneva #2",
            "--date",
            "2025-11-20",
            "--actor",
            "Commission",
            "--actor",
            "EC",
            "--place",
            "Brussels",
            "--topic",
            "energy-prices",
            "--root",
            &root_s,
        ],
        Path::new("/"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rel = "content/briefings/2025-11-20-talks-resume-geneva-2.md";
    assert_eq!(
        r.stdout.trim(),
        format!("created {rel} (a draft: remove `draft: true` to publish)")
    );
    let text = read(&root.join(rel));
    assert!(
        text.starts_with("---\ntitle: \"Talks resume: Geneva #2\"\ndate: 2025-11-20\n"),
        "{text}"
    );
    assert!(text.contains("actors: [\"Commission\", \"EC\"]"), "{text}");
    assert!(
        text.contains("places: [\"Brussels\"]") && text.contains("topics: [\"energy-prices\"]")
    );
    let r = dossier(&["build", "--root", &root_s], Path::new("/"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !root
            .join("output/briefings/talks-resume-geneva-2/index.html")
            .exists(),
        "a draft is left out of a build without --drafts"
    );
    let r = dossier(&["build", "--drafts", "--root", &root_s], Path::new("/"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr, "",
        "names resolve, the template body links nothing"
    );
    let page = read(&root.join("output/briefings/talks-resume-geneva-2/index.html"));
    assert!(page.contains("Talks resume: Geneva #2"));

    std::fs::write(root.join(rel), "mine").unwrap();
    let r = dossier(
        &[
            "new",
            "briefing",
            "Talks resume: Geneva #2",
            "--date",
            "2025-11-20",
            "--root",
            &root_s,
        ],
        Path::new("/"),
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(rel) && r.stderr.contains("already exists"),
        "{}",
        r.stderr
    );
    assert_eq!(read(&root.join(rel)), "mine");
}

#[test]
fn new_briefing_without_a_date_is_dated_today() {
    let (_tmp, root) = init_site();
    let r = dossier(&["new", "briefing", "Today"], &root);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let name = r
        .stdout
        .trim()
        .trim_start_matches("created content/briefings/")
        .trim_end_matches(" (a draft: remove `draft: true` to publish)")
        .to_string();
    assert!(
        name.ends_with("-today.md") && name.len() == "YYYY-MM-DD-today.md".len(),
        "{name}"
    );
}

#[test]
fn new_refuses_bad_dates_empty_names_and_folders_without_a_site() {
    let (tmp, root) = init_site();
    let r = dossier(&["new", "briefing", "X", "--date", "20/11/2025"], &root);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("YYYY-MM-DD"), "{}", r.stderr);
    let r = dossier(&["new", "actor", "!!!"], &root);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no letters or digits"), "{}", r.stderr);
    // Beside a site, that site is named; far from any, `dossier init` is.
    let r = dossier(&["new", "actor", "Someone"], tmp.path());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("run with `--root desk`"), "{}", r.stderr);
    let empty = tempfile::tempdir().expect("temp dir");
    let r = dossier(&["new", "actor", "Someone"], empty.path());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("dossier init"), "{}", r.stderr);
}

#[test]
fn new_profiles_land_in_their_folders_and_resolve() {
    let (_tmp, root) = init_site();
    for (kind, name, rel) in [
        (
            "actor",
            "Jean-Noël Barrot",
            "content/actors/jean-noel-barrot.md",
        ),
        ("place", "Pokrovsk", "content/places/pokrovsk.md"),
        ("topic", "US peace plan", "content/topics/us-peace-plan.md"),
    ] {
        let r = dossier(&["new", kind, name], &root);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout.trim(), format!("created {rel}"));
        assert!(read(&root.join(rel)).contains(name));
        let again = dossier(&["new", kind, name], &root);
        assert_eq!(again.code, 2, "{kind} overwritten");
    }
    dossier(
        &[
            "new",
            "briefing",
            "Call",
            "--date",
            "2025-11-20",
            "--actor",
            "jean-noel barrot",
            "--place",
            "Pokrovsk",
            "--topic",
            "US peace plan",
        ],
        &root,
    );
    let r = dossier(&["check", "--drafts"], &root);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "every name resolves to the new profiles");
}

/// The first ten minutes: init, new briefing, build, a typo, check, fix, build.
#[test]
fn a_newcomer_fixes_a_typo_from_the_suggestion() {
    let (_tmp, root) = init_site();
    let r = dossier(
        &[
            "new",
            "briefing",
            "Gas cap talks",
            "--date",
            "2025-11-20",
            "--actor",
            "European Commission",
        ],
        &root,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = root.join("content/briefings/2025-11-20-gas-cap-talks.md");
    // As `new` says: a draft until its `draft: true` line goes.
    let drafted = read(&path);
    assert!(drafted.contains("\ndraft: true "), "{drafted}");
    let text: String = drafted
        .lines()
        .filter(|l| !l.starts_with("draft: true"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, &text).unwrap();
    assert_eq!(dossier(&["build"], &root).code, 0);
    assert!(
        root.join("output/briefings/gas-cap-talks/index.html")
            .is_file()
    );
    std::fs::write(
        &path,
        text.replace("European Commission", "European Comission"),
    )
    .unwrap();
    let r = dossier(&["check"], &root);
    assert_eq!(r.code, 1, "a near miss of a name is an error: {}", r.stderr);
    let expected = "content/briefings/2025-11-20-gas-cap-talks.md:5:10: error: no actor profile matches `European Comission`, a near miss of `European Commission`
   |
 5 | actors: [\"European Comission\"]            # ids, names or aliases
   |          ^^^^^^^^^^^^^^^^^^^^
   = help: did you mean `European Commission`? If not, add content/actors/european-comission.md, or accept the stub in site.yaml: stubs: {actors: [European Comission]}
   = code: D050 (dossier explain D050)
check failed: 1 error, 0 warnings; nothing written
";
    assert_eq!(r.stderr, expected);
    std::fs::write(&path, text).unwrap();
    let r = dossier(&["build"], &root);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert!(r.stdout.contains("0 warnings"));
}

fn broken_site() -> TestSite {
    TestSite::new(&[
        (
            "content/actors/volodymyr-zelenskiy.md",
            "---\nname: Volodymyr Zelenskiy\naliases: [Zelenskyy]\n---\n",
        ),
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: A\nactors: [Andriy Yermak]\n---\nSee [[Zelenksyy]].\n",
        ),
    ])
}

#[test]
fn json_format_prints_one_object_per_diagnostic_on_stdout() {
    let site = broken_site();
    for cmd in ["check", "build"] {
        let r = site.run(&[cmd, "--format", "json"]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        let objects: Vec<serde_json::Value> = r
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
            .collect();
        assert_eq!(objects.len(), 2, "{}", r.stdout);
        let w = &objects[0];
        assert_eq!(w["file"], "content/briefings/2025-11-20-a.md");
        assert_eq!((w["line"].as_u64(), w["col"].as_u64()), (Some(3), Some(10)));
        assert_eq!(w["severity"], "warning");
        assert_eq!(w["code"], "D015");
        assert_eq!(
            w["help"],
            "if it is meant to have no profile, list it in site.yaml (stubs: {actors: [Andriy Yermak]}) and this warning goes"
        );
        assert!(w["message"].as_str().unwrap().contains("`Andriy Yermak`"));
        let e = &objects[1];
        assert_eq!(
            (e["severity"].as_str(), e["code"].as_str()),
            (Some("error"), Some("D018"))
        );
        assert_eq!((e["line"].as_u64(), e["col"].as_u64()), (Some(5), Some(5)));
        assert!(
            !r.stderr.contains("content/briefings/2025-11-20-a.md:"),
            "{}",
            r.stderr
        );
    }
    assert!(!site.out().exists());
    // A clean run prints no object; its summary goes to stderr, keeping stdout JSON only.
    site.write(
        "content/briefings/2025-11-20-a.md",
        "---\ntitle: A\nactors: [Zelenskyy]\n---\n",
    );
    let r = site.run(&["build", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.starts_with("built "), "{}", r.stderr);
}

#[test]
fn github_format_prints_workflow_annotations() {
    let site = broken_site();
    let r = site.run(&["check", "--format", "github"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let root = site.root().to_string_lossy().to_string();
    assert_eq!(
        lines,
        [
            format!("::warning file={root}/content/briefings/2025-11-20-a.md,line=3,col=10,title=D015::no actor profile matches `Andriy Yermak`: created a stub `actors/andriy-yermak` (add content/actors/andriy-yermak.md to give it a profile)%0Ahelp: if it is meant to have no profile, list it in site.yaml (stubs: {{actors: [Andriy Yermak]}}) and this warning goes").as_str(),
            format!("::error file={root}/content/briefings/2025-11-20-a.md,line=5,col=5,title=D018::[[Zelenksyy]] matches no actor, place, topic or author (by id, name or alias)%0Ahelp: did you mean `Zelenskyy`?").as_str(),
        ]
    );
    // Run from the site's folder, the file is the path in the repository.
    let r = dossier(&["check", "--format", "github"], site.root());
    assert!(
        r.stdout.starts_with(
            "::warning file=content/briefings/2025-11-20-a.md,line=3,col=10,title=D015::"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn quiet_drops_the_summary_but_never_a_diagnostic() {
    let site = broken_site();
    let r = site.run(&["check", "-q"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.diagnostics().len(), 2, "{}", r.stderr);
    assert!(!r.stderr.contains("check failed"), "{}", r.stderr);
    site.write(
        "content/briefings/2025-11-20-a.md",
        "---\ntitle: A\nactors: [Andriy Yermak]\n---\n",
    );
    let r = site.run(&["build", "--quiet"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, "", "no summary line");
    assert_eq!(r.diagnostics().len(), 1, "the warning stays: {}", r.stderr);
    let r = site.run(&["build"]);
    assert!(
        r.stdout.starts_with("built "),
        "the summary line without -q"
    );
}

#[test]
fn verbose_times_each_stage_on_indented_lines() {
    let site = broken_site();
    let r = site.run(&["check", "-v"]);
    assert_eq!(r.code, 1);
    for stage in ["parsing", "resolving", "rendering Markdown", "indexing"] {
        assert!(
            r.stderr
                .lines()
                .any(|l| l.starts_with("  ") && l.contains(stage) && l.ends_with(" s")),
            "{stage}: {}",
            r.stderr
        );
    }
    assert_eq!(r.diagnostics().len(), 2, "{}", r.stderr);
}

#[test]
fn piped_output_has_no_colour_or_progress_escapes() {
    let site = broken_site();
    for args in [&["check"][..], &["build"], &["build", "-v"]] {
        let r = site.run(args);
        for (name, text) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\r'),
                "{args:?} {name} has escapes: {text:?}"
            );
        }
    }
}

#[test]
fn colour_only_when_allowed_and_never_on_the_contract_line() {
    let site = broken_site();
    let coloured = assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .args(["check", "--root"])
        .arg(site.root())
        .env("CLICOLOR_FORCE", "1")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&coloured.stderr).to_string();
    assert!(
        stderr.contains('\u{1b}'),
        "CLICOLOR_FORCE colours: {stderr:?}"
    );
    let firsts: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('\u{1b}'))
        .collect();
    assert!(
        firsts
            .iter()
            .take(2)
            .all(|l| l.starts_with("content/briefings/2025-11-20-a.md:") && !l.contains('\u{1b}')),
        "{firsts:?}"
    );
    let plain = assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .args(["check", "--root"])
        .arg(site.root())
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!plain.stderr.contains(&0x1b), "NO_COLOR wins");
}

#[test]
fn carets_line_up_in_files_with_a_bom_and_crlf() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-a.md",
        "\u{feff}---\r\nactors: [Ghost]\r\ntitle: A\r\n---\r\n",
    )]);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("2025-11-20-a.md:2:10: warning: ")
            && r.stderr
                .contains("\n 2 | actors: [Ghost]\n   |          ^^^^^\n"),
        "{:?}",
        r.stderr
    );
}

#[test]
fn check_writes_nothing() {
    let site = broken_site();
    site.write("content/briefings/2025-11-20-a.md", "---\ntitle: A\n---\n");
    let before = snapshot(site.root());
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("checked "), "{}", r.stdout);
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn stats_counts_briefings_drafts_entities_stances_and_changes() {
    let site = TestSite::new(&[
        (
            "content/actors/eu.md",
            "---\nname: European Union\naliases: [EU]\n---\n",
        ),
        ("content/topics/plan.md", "---\ntitle: Plan\n---\n"),
        ("content/places/kyiv.md", "---\nname: Kyiv\n---\n"),
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: A\nactors: [EU, Ghost]\nplaces: [Kyiv]\ntags: [x, y]\nstances:\n  - {actor: EU, on: plan, position: supports}\n---\n",
        ),
        (
            "content/briefings/2025-11-21-b.md",
            "---\ntitle: B\nactors: [EU]\nplaces: [Kyiv, Lviv]\ntags: [x]\nstances:\n  - {actor: EU, on: plan, position: opposes}\n---\n",
        ),
        (
            "content/briefings/2025-11-22-c.md",
            "---\ntitle: C\nactors: [EU]\nstances:\n  - {actor: EU, on: plan, position: opposes}\n---\n",
        ),
        (
            "content/briefings/2025-11-23-d.md",
            "---\ntitle: D\ndraft: true\nactors: [Draftee]\n---\n",
        ),
    ]);
    let r = site.run(&["stats", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(s["briefings"], 3);
    assert_eq!(s["drafts"], 1);
    assert_eq!(
        s["actors"],
        serde_json::json!({"total": 2, "profiles": 1, "stubs": 1})
    );
    assert_eq!(
        s["places"],
        serde_json::json!({"total": 2, "profiles": 1, "stubs": 1})
    );
    assert_eq!(s["stubs"], 2);
    assert_eq!(s["stances"], 3);
    assert_eq!(s["stance_changes"], 1, "supports -> opposes -> opposes");
    assert_eq!(s["tags"], 2);
    assert_eq!(
        s["top_actors"][0],
        serde_json::json!({"id": "eu", "name": "European Union", "briefings": 3})
    );
    assert_eq!(s["top_places"][0]["id"], "kyiv");
    let r = site.run(&["stats"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("briefings:      3\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("top actors:     European Union (3), Ghost (1)"),
        "{}",
        r.stdout
    );
    let r = site.run(&["stats", "--drafts", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(
        (s["briefings"].as_u64(), s["drafts"].as_u64()),
        (Some(4), Some(0))
    );
    assert!(!site.out().exists(), "stats writes nothing");
}

#[test]
fn stats_of_a_broken_site_fails_with_its_errors() {
    let site = broken_site();
    let r = site.run(&["stats"]);
    assert_eq!(r.code, 1);
    assert!(
        r.diagnostics()
            .iter()
            .any(|l| l.contains(": error: [[Zelenksyy]]")),
        "{}",
        r.stderr
    );
}

#[test]
fn explain_prints_a_codes_section_of_docs_errors_md() {
    let here = repo();
    let r = dossier(&["explain", "D015"], &here);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("## D015: "), "{}", r.stdout);
    assert!(
        r.stdout.contains("Fix:") && !r.stdout.contains("## D016"),
        "{}",
        r.stdout
    );
    assert_eq!(dossier(&["explain", "d15"], &here).stdout, r.stdout);
    let r = dossier(&["explain", "D999"], &here);
    assert_eq!(r.code, 2);
    let last = dossier::diagnostic::Code::ALL[dossier::diagnostic::Code::ALL.len() - 1];
    assert!(
        r.stderr.contains("D001") && r.stderr.contains(last.as_str()),
        "{}",
        r.stderr
    );
}

#[test]
fn timings_show_each_stage_with_its_time_and_counts() {
    let (_tmp, site) = init_site();
    let r = dossier(&["build", "--timings"], &site);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("built "), "{}", r.stdout);
    let table: Vec<&str> = r.stderr.lines().collect();
    assert!(table[0].starts_with("stage"), "{}", r.stderr);
    for stage in [
        "reading",
        "parsing",
        "resolving",
        "rendering Markdown",
        "indexing",
        "rendering and writing",
        "committing",
        "total",
    ] {
        let line = table
            .iter()
            .find(|l| l.starts_with(stage))
            .unwrap_or_else(|| panic!("no {stage} in {}", r.stderr));
        assert!(line.contains(" s"), "{line}");
    }
    let parsing = table.iter().find(|l| l.starts_with("parsing")).unwrap();
    let columns: Vec<&str> = parsing.split_whitespace().collect();
    assert_eq!(columns.get(3), Some(&"4"), "four Markdown files: {parsing}");
    if cfg!(target_os = "linux") {
        // The memory resident when each stage ended, and the run's peak.
        let mib = |l: &str| -> u64 {
            let c: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(c.last(), Some(&"MiB"), "{l}");
            c[c.len() - 2].parse().unwrap_or_else(|_| panic!("{l}"))
        };
        assert!(table[0].ends_with("memory"), "{}", table[0]);
        let total = table.iter().find(|l| l.starts_with("total")).unwrap();
        assert!(total.contains(" peak "), "{total}");
        assert!(
            mib(parsing) > 0 && mib(total) >= mib(parsing),
            "{}",
            r.stderr
        );
    }
    assert!(
        table.last().unwrap().starts_with("wrote ") && table.last().unwrap().contains(" MB"),
        "{}",
        r.stderr
    );
    let check = dossier(&["check", "--timings"], &site);
    assert_eq!(check.code, 0);
    assert!(check.stderr.contains("\nrendering "), "{}", check.stderr);
    assert!(!check.stderr.contains("wrote "), "check writes nothing");
}

#[test]
fn long_lines_show_a_window_with_the_caret_under_wide_characters() {
    // Terminal columns of the test's own characters: CJK ideographs take two.
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| {
                if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                    2
                } else {
                    1
                }
            })
            .sum()
    };
    let long = format!("{} [[Ghost]] {}", "中".repeat(200), "x".repeat(300));
    let site = TestSite::new(&[
        (
            "content/briefings/2025-11-20-a.md",
            &format!("---\ntitle: A\n---\n{long}\n"),
        ),
        (
            "content/briefings/2025-11-21-b.md",
            "---\ntitle: B\n---\n中文 [[Ghost]] here\n",
        ),
    ]);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    let excerpts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with(" 4 | "))
        .collect();
    assert_eq!(excerpts.len(), 2, "{}", r.stderr);
    for (n, &i) in excerpts.iter().enumerate() {
        let (source, carets) = (lines[i], lines[i + 1]);
        assert!(width(source) <= 130, "{} columns: {source}", width(source));
        if n == 0 {
            assert!(
                source.starts_with(" 4 | …中") && source.ends_with("xx…"),
                "{source}"
            );
        }
        let link = width(&source[..source.find("[[Ghost]]").expect("the link is shown")]);
        let caret = width(&carets[..carets.find('^').expect("a caret")]);
        assert_eq!(caret, link, "\n{source}\n{carets}");
        assert!(carets.ends_with(" ^^^^^^^^^"), "{carets}");
    }
}

#[test]
fn stats_shows_names_with_control_characters_escaped() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-a.md",
        "---\ntitle: A\nactors: [\"Gh\\nbriefings:      999\\u2028x\"]\n---\n",
    )]);
    let r = site.run(&["stats"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Gh\\nbriefings:      999\\u{2028}x (1)"),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stdout
            .lines()
            .filter(|l| l.starts_with("briefings"))
            .count(),
        1,
        "{}",
        r.stdout
    );
}

#[test]
fn every_command_run_from_a_sub_folder_finds_the_site_above_it() {
    let (tmp, root) = init_site();
    let sub = root.join("content/briefings");
    // A relative --output stays relative to the folder the command runs in.
    let notes = root.join("notes");
    std::fs::create_dir(&notes).expect("notes/");
    let r = dossier(&["build", "--output", "out"], &notes);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(notes.join("out/index.html").is_file(), "{}", r.stderr);
    assert!(!root.join("output").exists());
    let r = dossier(&["build"], &sub);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(root.join("output/index.html").is_file());
    assert!(!sub.join("output").exists());
    for args in [&["check"][..], &["stats"]] {
        let r = dossier(args, &sub);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    }
    let r = dossier(&["new", "actor", "Andriy Yermak"], &sub);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(root.join("content/actors/andriy-yermak.md").is_file());
    // --root, when given, is taken as it is.
    let r = dossier(&["check", "--root", "."], &sub);
    assert_eq!(r.code, 2, "{}", r.stderr);
    drop(tmp);
}

#[test]
fn outside_any_site_a_site_one_folder_down_is_suggested() {
    let (tmp, _root) = init_site();
    let r = dossier(&["build"], tmp.path());
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr.lines().take(2).collect::<Vec<_>>(),
        [
            "error: no site.yaml in this folder or any folder above it",
            "   = help: desk/site.yaml exists: run with `--root desk`",
        ]
    );
    assert!(!tmp.path().join("output").exists());
}
