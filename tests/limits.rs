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
