//! Every limit of docs/limits.md gives the error it documents, fails fast, and leaves the
//! previous output as it was. Big inputs are generated here, never committed.

mod common;
use common::*;

const GOOD: &str = "---\ntitle: Good\n---\nText.\n";

/// A site that built once, so that every failure below can be checked to keep its output.
fn site_with_output(
    files: &[(&str, &str)],
) -> (TestSite, std::collections::BTreeMap<String, Vec<u8>>) {
    let site = TestSite::new(&[("content/briefings/2025-11-20-good.md", GOOD)]);
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.out());
    for (p, text) in files {
        site.write(p, text);
    }
    (site, before)
}

/// Builds, expects exit 1 with a diagnostic line starting with `at` and containing
/// `message`, and the previous output untouched.
fn fails_with(files: &[(&str, &str)], at: &str, message: &str) {
    let (site, before) = site_with_output(files);
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.diagnostics()
            .iter()
            .any(|d| d.starts_with(at) && d.contains(message)),
        "no `{at}…{message}` in:\n{}",
        r.stderr
    );
    assert_eq!(snapshot(&site.out()), before, "the previous output changed");
}

#[test]
fn front_matter_over_64_kib_even_on_one_line() {
    let value = "x".repeat(1024 * 1024);
    fails_with(
        &[(
            "content/briefings/2025-11-21-big.md",
            &format!("---\ntitle: Big\nsummary: {value}\n---\n"),
        )],
        "content/briefings/2025-11-21-big.md:2:1: error: ",
        "front matter is 1048597 bytes; the limit is 65536 (64 KiB)",
    );
    fails_with(
        &[("site.yaml", &format!("title: T\ndescription: {value}\n"))],
        "site.yaml:1:1: error: ",
        "file is larger than 64 KiB",
    );
}

#[test]
fn files_over_16_mib() {
    let body = "word ".repeat(16 * 1024 * 1024 / 5 + 1);
    fails_with(
        &[(
            "content/briefings/2025-11-21-huge.md",
            &format!("---\ntitle: Huge\n---\n{body}"),
        )],
        "content/briefings/2025-11-21-huge.md:1:1: error: ",
        "; the limit is 16777216 (16 MiB)",
    );
}

#[test]
fn nesting_past_64_levels_and_alias_bombs() {
    let deep = format!(
        "---\ntitle: Deep\nextra: {}{}\n---\n",
        "[".repeat(70),
        "]".repeat(70)
    );
    fails_with(
        &[("content/briefings/2025-11-21-deep.md", &deep)],
        "content/briefings/2025-11-21-deep.md:3:1: error: ",
        "front matter nests deeper than 64 levels",
    );
    let mut bomb =
        String::from("---\ntitle: Bomb\nextra:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (i, prev) in ["a", "b", "c", "d", "e"].iter().enumerate() {
        let name = (b'b' + i as u8) as char;
        bomb.push_str(&format!(
            "  {name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
    }
    bomb.push_str("---\n");
    fails_with(
        &[("content/briefings/2025-11-21-bomb.md", &bomb)],
        "content/briefings/2025-11-21-bomb.md:",
        "error: YAML aliases would expand past 10000 nodes; write the values out instead",
    );
}

#[test]
fn a_body_past_the_markdown_marks_limit() {
    // 20 cells a row, 50,001 rows: over a million cell pipes. Parsed, such a body
    // takes hundreds of bytes a mark; refused, it takes nothing.
    let row = format!("{}|\n", "|a".repeat(20));
    let body = format!("{row}{}|\n{}", "|-".repeat(20), row.repeat(50_001));
    fails_with(
        &[(
            "content/briefings/2025-11-21-dense.md",
            &format!("---\ntitle: Dense\n---\n{body}"),
        )],
        // Line 4 is the body's first; with 22 marks a row (21 pipes and the line break),
        // the mark past 600,000 falls on its 27,273rd line.
        "content/briefings/2025-11-21-dense.md:27276:1: error: ",
        "the body has more than 600000 Markdown marks",
    );
    // List markers nest without any of the other marks: eight levels a line cost a
    // kilobyte a line (16 MiB of them took 5.5 GB). They count too.
    for marker in ["- ", "+ ", "1. ", "2) "] {
        let body = format!("{}a\n", marker.repeat(8)).repeat(70_000);
        fails_with(
            &[(
                "content/briefings/2025-11-21-nested.md",
                &format!("---\ntitle: Nested\n---\n{body}"),
            )],
            "content/briefings/2025-11-21-nested.md:",
            "Markdown marks",
        );
    }
    // Prose of the same size is far under it: a mark per line.
    let prose = "Plain words of a briefing body, as prose goes on.\n".repeat(50_000);
    let site = TestSite::new(&[(
        "content/briefings/2025-11-21-prose.md",
        &format!("---\ntitle: Prose\n---\n{prose}"),
    )]);
    assert_eq!(site.build().code, 0);
}

#[test]
fn co_occurrence_counts_the_first_100_names_of_each_list() {
    // 300 actors and 3 places in one briefing: 44,850 actor pairs uncapped.
    let names: Vec<String> = (0..300).map(|i| format!("a{i}")).collect();
    let mut files: Vec<(String, String)> = names
        .iter()
        .map(|n| {
            (
                format!("content/actors/{n}.md"),
                format!("---\nname: {n}\n---\n"),
            )
        })
        .collect();
    files.push((
        "content/briefings/2025-11-21-roster.md".into(),
        format!(
            "---\ntitle: Roster\nactors: [{}]\nplaces: [Kyiv, Lviv, Odesa]\n---\nText.\n",
            names.join(", ")
        ),
    ));
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = TestSite::new(&files);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.diagnostics().contains(
            &"content/briefings/2025-11-21-roster.md:3:500: warning: 300 actors: co-occurrence (co-actors, place actors, data/graph.json) counts the first 100"
        ),
        "{}",
        r.stderr
    );
    let graph: serde_json::Value =
        serde_json::from_str(&site.page("data/graph.json")).expect("graph.json");
    let edges = graph["edges"].as_array().expect("edges");
    // Pairs among the first 100 actors and the 3 places, none with a later actor.
    assert_eq!(edges.len(), 103 * 102 / 2);
    assert!(
        !edges
            .iter()
            .any(|e| e["source"] == "actor:a200" || e["target"] == "actor:a200")
    );
    // Every actor still has its page and names the briefing.
    assert!(site.page("actors/a299/index.html").contains("Roster"));
}

fn aliases(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn a_profile_with_too_many_aliases() {
    fails_with(
        &[(
            "content/actors/many.md",
            &format!("---\nname: Many\naliases: [{}]\n---\n", aliases("a", 1001)),
        )],
        "content/actors/many.md:3:10: error: ",
        "1001 aliases: a profile may have at most 1000",
    );
    // 100,000 aliases in one profile are over the front-matter limit: refused at once.
    fails_with(
        &[(
            "content/actors/all.md",
            &format!(
                "---\nname: All\naliases: [{}]\n---\n",
                aliases("a", 100_000)
            ),
        )],
        "content/actors/all.md:2:1: error: ",
        "the limit is 65536 (64 KiB)",
    );
}

#[test]
fn a_hundred_thousand_aliases_spread_over_profiles_build() {
    let profiles: Vec<(String, String)> = (0..100)
        .map(|p| {
            (
                format!("content/actors/p{p}.md"),
                format!(
                    "---\nname: Person {p}\naliases: [{}]\n---\n",
                    aliases(&format!("P{p}x"), 1000)
                ),
            )
        })
        .collect();
    let mut files: Vec<(&str, &str)> = profiles
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let briefing = "---\ntitle: Who\nactors: [P7x999, p42x0]\n---\n[[P99x500]] spoke.\n";
    files.push(("content/briefings/2025-11-20-who.md", briefing));
    let site = TestSite::new(&files);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.diagnostics().is_empty(), "{}", r.stderr);
    let page = site.page("briefings/who/index.html");
    for id in ["p7", "p42", "p99"] {
        assert!(page.contains(&format!("actors/{id}/index.html")), "{id}");
    }
}

#[test]
fn too_many_files_under_content() {
    // 200,001 files: in memory where the system offers it (a disk takes a minute or more).
    let shm = std::path::Path::new("/dev/shm");
    let site = match tempfile::tempdir_in(shm) {
        Ok(dir) if shm.is_dir() => TestSite { dir },
        _ => TestSite::new(&[]),
    };
    if !site.root().join("site.yaml").exists() {
        site.write("site.yaml", "title: Test Desk\n");
    }
    site.write("content/briefings/2025-11-20-good.md", GOOD);
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.out());
    let dir = site.root().join("content/dump");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..=dossier::source::MAX_FILES {
        std::fs::File::create(dir.join(i.to_string())).unwrap();
    }
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content:1:1: error: content/ holds more than 200000 files, the limit: nothing under it was read; move archives or generated files out of it"
        ]
    );
    assert_eq!(snapshot(&site.out()), before);
}

#[test]
fn over_long_slugs_are_cut_to_200_characters_at_a_word() {
    let title = "Talks ".repeat(60);
    let name = "名".repeat(200);
    let site = TestSite::new(&[(
        "content/briefings/2025-11-21-long.md",
        &format!("---\ntitle: {title}\nslug: {title}\nactors: [{name}]\ntags: [{title}]\n---\n"),
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let slug = ["talks"; 33].join("-");
    assert_eq!(slug.len(), 197);
    assert!(
        site.out()
            .join(format!("briefings/{slug}/index.html"))
            .is_file()
    );
    assert!(site.out().join(format!("tags/{slug}/index.html")).is_file());
    let actors: Vec<String> = std::fs::read_dir(site.out().join("actors"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(actors.iter().all(|a| a.len() <= 200), "{actors:?}");
}

// ---------------------------------------------------------------------------------------
// Adversarial inputs: each case builds a small site around one hostile file and records the
// exit code, wall time and peak resident memory of `dossier build`. `cargo test --test
// limits` runs them at reduced sizes; the full sizes (the 1 GiB budget of docs/limits.md)
// run with `cargo test --release --test limits -- --ignored --nocapture`.

/// One hostile input of the table.
struct Case {
    name: &'static str,
    /// The site's files (besides site.yaml) at a size: a count or a byte length.
    make: fn(usize) -> Vec<(String, String)>,
    full_size: usize,
    /// `None`: only in the full-size table.
    reduced_size: Option<usize>,
    /// The exit code `dossier build` must give at the reduced size, then at full size.
    code: i32,
    full_code: i32,
    /// Bytes of diagnostics each unit of size may add (a problem each: broken links).
    stderr_per_unit: u64,
}

/// Peak resident memory the full-size cases must stay under.
const BUDGET: u64 = 1024 * 1024 * 1024;

fn briefing(slug: &str, front: &str, body: &str) -> (String, String) {
    (
        format!("content/briefings/2025-01-01-{slug}.md"),
        format!("---\ntitle: {slug}\n{front}---\n{body}"),
    )
}

fn headings(n: usize) -> Vec<(String, String)> {
    vec![briefing("h", "", &"## Same\n\n".repeat(n))]
}

fn links_on_one_line(n: usize) -> Vec<(String, String)> {
    let line = vec!["[x](https://example.org/a) [[Big]]"; n].join(" ");
    vec![
        briefing("l", "", &format!("{line}\n")),
        (
            "content/actors/big.md".into(),
            "---\nname: Big\n---\n".into(),
        ),
    ]
}

/// A table of one-letter cells, `bytes` long: the densest table Markdown allows.
fn table(bytes: usize) -> Vec<(String, String)> {
    let row = format!("{}|\n", "|a".repeat(20));
    let mut body = format!("{row}{}|\n", "|-".repeat(20));
    body.push_str(&row.repeat(bytes / row.len()));
    vec![briefing("t", "", &body)]
}

/// One briefing naming `n` actors, each with a profile (stubs would add a warning each).
fn actors(n: usize) -> Vec<(String, String)> {
    let names: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    let mut files = vec![briefing(
        "a",
        &format!("actors: [{}]\n", names.join(", ")),
        "Text.\n",
    )];
    for name in &names {
        files.push((
            format!("content/actors/{name}.md"),
            format!("---\nname: {name}\n---\n"),
        ));
    }
    files
}

fn one_actor_everywhere(n: usize) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = (0..n)
        .map(|i| briefing(&format!("r{i}"), "actors: [Big]\n", "Text.\n"))
        .collect();
    files.push((
        "content/actors/big.md".into(),
        "---\nname: Big\n---\n".into(),
    ));
    files
}

fn plain_text(bytes: usize) -> Vec<(String, String)> {
    let line = "Plain words of a briefing body that go on for a while, as prose does.\n";
    vec![briefing("p", "", &line.repeat(bytes / line.len()))]
}

/// A body of `bytes` in which no word repeats: the search index's vocabulary at its largest.
fn distinct_words(bytes: usize) -> Vec<(String, String)> {
    let mut body = String::with_capacity(bytes + 16);
    let mut i: u64 = 0;
    while body.len() < bytes {
        // Bijective base 26: every word is new, letters only.
        let mut n = i + 1;
        while n > 0 {
            n -= 1;
            body.push((b'a' + (n % 26) as u8) as char);
            n /= 26;
        }
        body.push(if i % 12 == 11 { '\n' } else { ' ' });
        i += 1;
    }
    vec![briefing("words", "", &body)]
}

/// Aliases that expand a thousandfold, `bytes` long, behind a quote the guard may misread.
fn alias_bomb(bytes: usize) -> Vec<(String, String)> {
    let mut front =
        String::from("title: x, \"y\nextra:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    let mut i = 1;
    while front.len() < bytes {
        front.push_str(&format!(
            "  a{i}: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
        i += 1;
    }
    vec![(
        "content/briefings/2025-01-01-bomb.md".into(),
        format!("---\n{front}---\n"),
    )]
}

/// `n` broken wiki links on one line.
fn broken_links(n: usize) -> Vec<(String, String)> {
    let line = vec!["[[nobody]]"; n].join(" ");
    vec![briefing("b", "", &format!("{line}\n"))]
}

const CASES: &[Case] = &[
    Case {
        name: "20,000 identical headings",
        make: headings,
        full_size: 20_000,
        reduced_size: Some(2_000),
        code: 0,
        full_code: 0,
        stderr_per_unit: 0,
    },
    Case {
        name: "20,000 links on one line",
        make: links_on_one_line,
        full_size: 20_000,
        reduced_size: Some(2_000),
        code: 0,
        full_code: 0,
        stderr_per_unit: 0,
    },
    Case {
        // Refused at full size: 7.5 million cells are past the Markdown marks limit (D033).
        name: "a 15 MB table of 1-letter cells",
        make: table,
        full_size: 15_000_000,
        reduced_size: Some(300_000),
        code: 0,
        full_code: 1,
        stderr_per_unit: 0,
    },
    Case {
        // 22 marks a 42-byte row: 597,000 marks, just under the limit, in the densest form.
        name: "a 1.1 MB table just under the marks limit",
        make: table,
        full_size: 1_140_000,
        reduced_size: Some(100_000),
        code: 0,
        full_code: 0,
        stderr_per_unit: 0,
    },
    Case {
        name: "8,000 actors in one briefing",
        make: actors,
        full_size: 8_000,
        reduced_size: Some(500),
        code: 0,
        full_code: 0,
        stderr_per_unit: 0,
    },
    Case {
        name: "one actor named by 10,000 briefings",
        make: one_actor_everywhere,
        full_size: 10_000,
        reduced_size: Some(300),
        code: 0,
        full_code: 0,
        stderr_per_unit: 0,
    },
    Case {
        name: "a 15 MB body of plain text",
        make: plain_text,
        full_size: 15_000_000,
        reduced_size: Some(1_000_000),
        code: 0,
        full_code: 0,
        stderr_per_unit: 0,
    },
    Case {
        name: "a 15 MB body in which no word repeats",
        make: distinct_words,
        full_size: 15_000_000,
        reduced_size: Some(1_000_000),
        code: 0,
        full_code: 0,
        stderr_per_unit: 0,
    },
    Case {
        name: "a 16 KB alias bomb behind `title: x, \"y`",
        make: alias_bomb,
        full_size: 16_000,
        reduced_size: Some(4_000),
        code: 1,
        full_code: 1,
        stderr_per_unit: 0,
    },
    Case {
        name: "2,000 broken links on one 22 KB line",
        make: broken_links,
        full_size: 2_000,
        reduced_size: Some(2_000),
        code: 1,
        full_code: 1,
        stderr_per_unit: 256,
    },
    Case {
        name: "20,000 broken links on one 220 KB line",
        make: broken_links,
        full_size: 20_000,
        reduced_size: Some(5_000),
        code: 1,
        full_code: 1,
        stderr_per_unit: 256,
    },
];

/// What one build of a case did.
struct Measured {
    code: i32,
    seconds: f64,
    peak_rss: u64,
    stderr_bytes: u64,
    output_bytes: u64,
}

/// Runs `binary build` on a fresh site of `case` at `size`, measuring the child alone.
#[cfg(unix)]
fn measure(binary: &std::path::Path, case: &Case, size: usize) -> Measured {
    measure_files(binary, &(case.make)(size), &[])
}

/// Runs `binary build` on a fresh site of `files`, with `env` set, measuring the child alone.
#[cfg(unix)]
fn measure_files(
    binary: &std::path::Path,
    files: &[(String, String)],
    env: &[(&str, &str)],
) -> Measured {
    let site = TestSite::new(&[]);
    for (path, text) in files {
        site.write(path, text);
    }
    let stderr_path = site.root().join("stderr.txt");
    let start = std::time::Instant::now();
    // Reaped by wait4 below, which std's `wait` cannot replace: it drops the rusage.
    #[allow(clippy::zombie_processes)]
    let child = std::process::Command::new(binary)
        .envs(env.iter().copied())
        .args(["build", "-q", "--root"])
        .arg(site.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .expect("spawn dossier");
    // wait4 reaps the child and reports its own peak memory (ru_maxrss, KiB on Linux), not
    // that of other tests' children.
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid, and wait4 writes only into `status` and `usage`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    let seconds = start.elapsed().as_secs_f64();
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let output_bytes = snapshot(&site.out()).values().map(|b| b.len() as u64).sum();
    Measured {
        code,
        seconds,
        peak_rss: usage.ru_maxrss as u64 * 1024,
        stderr_bytes: std::fs::metadata(&stderr_path).map_or(0, |m| m.len()),
        output_bytes,
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Runs every case at the size `size` picks, prints the table and returns the rows.
#[cfg(unix)]
fn table_of(
    binary: &std::path::Path,
    size: impl Fn(&Case) -> Option<usize>,
) -> Vec<(&'static Case, usize, Measured)> {
    println!("| input | size | exit | wall | peak RSS | stderr | output |");
    println!("|---|---|---|---|---|---|---|");
    let mut rows = Vec::new();
    for case in CASES {
        let Some(n) = size(case) else { continue };
        let m = measure(binary, case, n);
        println!(
            "| {} | {n} | {} | {:.2} s | {} | {} B | {} |",
            case.name,
            m.code,
            m.seconds,
            mib(m.peak_rss),
            m.stderr_bytes,
            mib(m.output_bytes)
        );
        rows.push((case, n, m));
    }
    rows
}

#[cfg(unix)]
#[test]
fn adversarial_inputs_at_reduced_size() {
    let binary = assert_cmd::cargo::cargo_bin("dossier");
    for (case, n, m) in table_of(&binary, |c| c.reduced_size) {
        assert_eq!(m.code, case.code, "{} at {n}: exit code", case.name);
        // Generous: the debug binary at these sizes needs a fraction of it.
        assert!(
            m.peak_rss < 512 * 1024 * 1024,
            "{} at {n}: peak RSS {}",
            case.name,
            mib(m.peak_rss)
        );
        // Diagnostics grow with the problems, not with the input's size squared.
        assert!(
            m.stderr_bytes < 64 * 1024 + case.stderr_per_unit * n as u64,
            "{} at {n}: {} bytes of diagnostics",
            case.name,
            m.stderr_bytes
        );
        // What is written grows with the input: a few bytes of output per byte of input.
        let input: usize = (case.make)(n).iter().map(|(_, t)| t.len()).sum();
        assert!(
            m.output_bytes < 64 * 1024 * 1024 + 40 * input as u64,
            "{} at {n}: {} written",
            case.name,
            mib(m.output_bytes)
        );
    }
}

/// The full-size table, with the release binary: every row under the 1 GiB budget. Time is
/// printed, never asserted.
#[cfg(unix)]
#[test]
#[ignore = "full size: minutes and gigabytes; run with --release -- --ignored --nocapture"]
fn adversarial_inputs_at_full_size() {
    let status = std::process::Command::new(env!("CARGO"))
        .args(["build", "--release", "--bin", "dossier"])
        .current_dir(repo())
        .status()
        .expect("cargo build --release");
    assert!(status.success());
    let binary = repo().join("target/release/dossier");
    let rows = table_of(&binary, |c| Some(c.full_size));
    let over: Vec<String> = rows
        .iter()
        .filter(|(_, _, m)| m.peak_rss >= BUDGET)
        .map(|(c, n, m)| format!("{} at {n}: {}", c.name, mib(m.peak_rss)))
        .collect();
    assert!(over.is_empty(), "over the 1 GiB budget: {over:?}");
    for (case, n, m) in &rows {
        assert_eq!(m.code, case.full_code, "{} at {n}: exit code", case.name);
    }
}

/// Big bodies are rendered one at a time: four dense tables on four threads take about the
/// memory of one, not four times it.
#[cfg(unix)]
#[test]
fn big_bodies_do_not_render_all_at_once() {
    let binary = assert_cmd::cargo::cargo_bin("dossier");
    let dense = |i: usize| {
        let mut files = table(600_000);
        files[0].0 = format!("content/briefings/2025-01-0{}-t{i}.md", i + 1);
        files.remove(0)
    };
    let four: Vec<(String, String)> = (0..4).map(dense).collect();
    let threads = [("RAYON_NUM_THREADS", "4")];
    let one = measure_files(&binary, &four[..1], &threads);
    let all = measure_files(&binary, &four, &threads);
    assert_eq!((one.code, all.code), (0, 0));
    println!(
        "one big body: {}; four: {}",
        mib(one.peak_rss),
        mib(all.peak_rss)
    );
    assert!(
        all.peak_rss < one.peak_rss * 3 / 2,
        "four big bodies peaked at {}, one at {}",
        mib(all.peak_rss),
        mib(one.peak_rss)
    );
}
