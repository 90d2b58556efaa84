//! Diagnostics point at the column an editor shows, however the YAML before or around the
//! value was spelled: escapes (`\"`, `\u00e9`), `''` in single quotes, block scalars, and
//! control characters that Dossier removes from the text.

mod common;
use common::*;

const PATH: &str = "content/briefings/2025-11-20-x.md";

/// The `line:col` of each diagnostic of the briefing whose message contains `needle`.
fn positions(front_matter: &str, needle: &str) -> Vec<String> {
    let site = TestSite::new(&[(PATH, &format!("---\n{front_matter}---\nBody\n"))]);
    positions_in(&site.run(&["check"]), needle)
}

/// The `line:col` of each diagnostic of `r` on the briefing whose message contains `needle`.
fn positions_in(r: &Run, needle: &str) -> Vec<String> {
    r.diagnostics()
        .iter()
        .filter(|d| d.contains(needle))
        .filter_map(|d| d.strip_prefix(&format!("{PATH}:")))
        .map(|d| d.split(": ").next().unwrap_or("").to_string())
        .collect()
}

/// Stub warnings name the actor: each value is found where it was written.
#[test]
fn names_after_escaped_strings_point_at_themselves() {
    let cases: &[(&str, &str, &str)] = &[
        // (the actors line, the name looked for, its column in the file)
        (r#"actors: ["Bo\"b", Bo]"#, "`Bo`", "3:19"),
        (r#"actors: ["Bo\\", Bo]"#, "`Bo`", "3:18"),
        (r#"actors: ["\u00e9mile", mile]"#, "`mile`", "3:24"),
        (r#"actors: ["\x41nne", nne]"#, "`nne`", "3:21"),
        (r#"actors: ['it''s', s]"#, "`s`", "3:19"),
        (r#"actors: ['a''b', "a'b", b]"#, "`b`", "3:25"),
        (r#"actors: ["Ann\tLee", Lee]"#, "`Lee`", "3:22"),
        (r#"actors: ["x", "\"x\"", x]"#, "`x`", "3:10"),
    ];
    for (line, name, at) in cases {
        let got = positions(&format!("title: T\n{line}\n"), name);
        assert!(
            got.iter().any(|p| p == at),
            "{line}: {name} at {got:?}, want {at}"
        );
    }
}

#[test]
fn a_value_that_is_an_escaped_string_points_at_its_quote() {
    let got = positions(
        "title: T\nactors: [\"\\u00c9lise \\\"E\\\"\", 'O''Brien']\n",
        "no actor profile",
    );
    assert_eq!(got, ["3:10", "3:30"]);
}

#[test]
fn values_after_a_multi_line_string_point_at_themselves() {
    let got = positions(
        "title: T\nsummary: \"one\n  two\"\nactors: [two]\n",
        "`two`",
    );
    assert_eq!(got, ["5:10"]);
    let got = positions("title: T\nsummary: |\n  actors: [x]\nactors: [x]\n", "`x`");
    assert_eq!(got, ["5:10"]);
}

#[test]
fn columns_count_the_control_characters_removed_before_them() {
    // U+0001 before the name: the file has it, so the editor's column counts it.
    let got = positions("title: T\nactors: [A\u{1}l, Bob]\n", "`Bob`");
    assert_eq!(got, ["3:15"]);
    // Three removed before it, the last just before it: the column of its `B`.
    let got = positions("title: T\nactors: [\u{1}\u{7f}Al, \u{202e}Bob]\n", "`Bob`");
    assert_eq!(got, ["3:17"]);
    // Lines after it are not moved.
    let got = positions("title: T\u{1}\nactors: [Bob]\n", "`Bob`");
    assert_eq!(got, ["3:10"]);
}

#[test]
fn control_characters_written_as_escapes_are_removed_with_a_warning() {
    let site = TestSite::new(&[(
        PATH,
        "---\ntitle: T\nsummary: \"a\\0b \\u202Ec\"\n---\nBody\n",
    )]);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.diagnostics().iter().any(|d| d.starts_with(&format!(
            "{PATH}:3:10: warning: control character U+0000 removed"
        ))),
        "{}",
        r.stderr
    );
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pages = snapshot(&site.out());
    let with_summary: Vec<&String> = pages
        .iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains("ab c"))
        .map(|(path, _)| path)
        .collect();
    assert!(!with_summary.is_empty(), "the summary is on no page");
    // Social cards are pictures, not text: their bytes hold anything.
    for (_, bytes) in pages.iter().filter(|(p, _)| !p.ends_with(".png")) {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains('\u{0}') && !text.contains('\u{202e}'));
    }
}

/// In the body too: a broken link after removed control characters, and a `#fragment`
/// link checked once every page is known, point at the column the file shows.
#[test]
fn body_diagnostics_count_the_control_characters_removed_before_them() {
    let body = "A\u{1}\u{7}b [x](nowhere.md) and [y](#missing)\nNext [z](gone.md)\n";
    let site = TestSite::new(&[(PATH, &format!("---\ntitle: T\n---\n{body}"))]);
    let r = site.run(&["check"]);
    let at = |needle: &str| positions_in(&r, needle);
    // `[x]` is the 6th character of the file's line 4 (after `A`, two removed, `b `).
    assert_eq!(at("nowhere.md"), ["4:6"], "{}", r.stderr);
    assert_eq!(at("#missing"), ["4:26"], "{}", r.stderr);
    // The next line had nothing removed.
    assert_eq!(at("gone.md"), ["5:6"], "{}", r.stderr);
}
