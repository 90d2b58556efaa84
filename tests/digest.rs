//! `dossier digest`: what moved in a window of days, printed exactly; usage errors exit 2,
//! content errors 1; the HTML form escapes every text of the site.

mod common;
use common::*;

/// The sample site's digest of 21–24 November 2025, as a reader receives it.
const SAMPLE_21_24: &str = r#"# Dossier Sample Desk: what moved from 21 Nov 2025 to 24 Nov 2025

## New positions (2)

- Armed Forces of Ukraine: takes position: opposes on Limits on Ukraine's armed forces, 22 Nov 2025, per Oleksandr Syrskyi \[US Army delegation holds talks in Kyiv\] — [US Army leaders meet Zelenskiy and Ukraine's top commander](<https://example.org/briefings/us-military-delegation/>)
- Ukraine: takes position: opposes on Territorial concessions, 24 Nov 2025, per Volodymyr Zelenskiy \[Kyiv says US plan will be revised after talks\] — [Kyiv and Washington agree to rework the draft](<https://example.org/briefings/refining-the-plan/>)

## Changes of position (1)

- Ukraine: unclear → mixed on US peace framework, 21 Nov 2025, per Volodymyr Zelenskiy \[Zelenskiy's office statement on the US proposal\] — [Zelenskiy's office signals openness and prepares for talks with Trump](<https://example.org/briefings/zelenskiy-trump-talks/>)

## Retracted sources (1)

- Berlin says Washington promised to keep Europe informed (Example News), retracted 24 Nov 2025: Example News withdrew the report after the German foreign office said the readout it quoted was a draft, not the minister's words; 1 stance rested on it — [Berlin says Washington promised to keep Europe informed](<https://example.org/sources/example-news-berlin-readout/>)

## New entities (10)

- Oleksandr Syrskyi (actor), first named 21 Nov 2025 — [Pokrovsk on the brink as winter nears](<https://example.org/briefings/pokrovsk-fighting/>)
- Russian Armed Forces (actor), first named 21 Nov 2025 — [Pokrovsk on the brink as winter nears](<https://example.org/briefings/pokrovsk-fighting/>)
- Armed Forces of Ukraine (actor), first named 21 Nov 2025 — [Pokrovsk on the brink as winter nears](<https://example.org/briefings/pokrovsk-fighting/>)
- Donetsk Oblast (place), first named 21 Nov 2025 — [Pokrovsk on the brink as winter nears](<https://example.org/briefings/pokrovsk-fighting/>)
- Myrnohrad (place), first named 21 Nov 2025 — [Pokrovsk on the brink as winter nears](<https://example.org/briefings/pokrovsk-fighting/>)
- Pokrovsk (place), first named 21 Nov 2025 — [Pokrovsk on the brink as winter nears](<https://example.org/briefings/pokrovsk-fighting/>)
- Andriy Yermak (actor), first named 21 Nov 2025 — [Zelenskiy's office signals openness and prepares for talks with Trump](<https://example.org/briefings/zelenskiy-trump-talks/>)
- White House (place), first named 21 Nov 2025 — [Zelenskiy's office signals openness and prepares for talks with Trump](<https://example.org/briefings/zelenskiy-trump-talks/>)
- Dan Driscoll (actor), first named 22 Nov 2025 — [US Army leaders meet Zelenskiy and Ukraine's top commander](<https://example.org/briefings/us-military-delegation/>)
- Randy George (actor), first named 22 Nov 2025 — [US Army leaders meet Zelenskiy and Ukraine's top commander](<https://example.org/briefings/us-military-delegation/>)

## Busiest topics (4)

- US peace framework: 4 briefings — [US peace framework](<https://example.org/topics/us-peace-plan/>)
- Limits on Ukraine's armed forces: 1 briefing — [Limits on Ukraine's armed forces](<https://example.org/topics/military-limits/>)
- Thanksgiving signing deadline: 1 briefing — [Thanksgiving signing deadline](<https://example.org/topics/signing-deadline/>)
- Territorial concessions: 1 briefing — [Territorial concessions](<https://example.org/topics/territorial-concessions/>)
"#;

#[test]
fn the_sample_sites_digest_of_a_window_is_exactly_what_moved() {
    let root = repo();
    let root = root.to_string_lossy();
    let r = run(
        &[
            "digest",
            "--since",
            "2025-11-21",
            "--until",
            "2025-11-24",
            "--root",
            &root,
        ],
        &repo(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, SAMPLE_21_24);
}

#[test]
fn a_window_without_an_end_runs_to_the_last_briefing() {
    let root = repo();
    let root = root.to_string_lossy();
    let r = run(
        &["digest", "--since", "2025-11-28", "--root", &root],
        &repo(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("# Dossier Sample Desk: what moved since 28 Nov 2025\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("## New positions (0)\n\nNone.\n"),
        "{}",
        r.stdout
    );
}

fn hostile() -> TestSite {
    TestSite::new(&[
        (
            "content/actors/a.md",
            "---\nname: \"<script>alert(1)</script> & *Co*\"\n---\nA.\n",
        ),
        (
            "content/topics/t.md",
            "---\nname: \"[x](javascript:alert(1))\"\n---\nT.\n",
        ),
        (
            "content/briefings/one.md",
            "---\ntitle: \"<img src=x onerror=alert(1)>\"\ndate: 2025-11-20\nstances:\n  - {actor: a, on: t, position: supports}\n---\nText.\n",
        ),
    ])
}

#[test]
fn html_and_markdown_keep_the_sites_text_as_text() {
    let site = hostile();
    let html = site.run(&["digest", "--since", "2025-11-01", "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(
        html.stdout.starts_with(
            "<article class=\"digest\">\n<h1>Test Desk: what moved since 1 Nov 2025</h1>"
        ),
        "{}",
        html.stdout
    );
    assert!(
        !html.stdout.contains("<script") && !html.stdout.contains("<img"),
        "{}",
        html.stdout
    );
    assert!(html.stdout.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Co*: takes position: supports on [x](javascript:alert(1)), 20 Nov 2025 — <a href=\"https://example.org/briefings/one/\">&lt;img src=x onerror=alert(1)&gt;</a></li>"), "{}", html.stdout);
    let md = site.run(&["digest", "--since", "2025-11-01"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(md.stdout.contains("- \\<script\\>alert(1)\\</script\\> \\& \\*Co\\*: takes position: supports on \\[x\\](javascript:alert(1)), 20 Nov 2025 — [\\<img src=x onerror=alert(1)\\>](<https://example.org/briefings/one/>)"), "{}", md.stdout);
}

#[test]
fn bad_days_are_usage_errors_and_bad_content_is_a_content_error() {
    let site = hostile();
    for (args, why) in [
        (
            &["digest", "--since", "2025-11-1"][..],
            "--since: `2025-11-1` is not a day written YYYY-MM-DD",
        ),
        (
            &["digest", "--since", "2025-02-30"][..],
            "--since: `2025-02-30` is not a day written YYYY-MM-DD",
        ),
        (
            &["digest", "--since", "2025-11-20", "--until", "2025-11-19"][..],
            "--until is before --since",
        ),
        (
            &["digest", "--since", "2025-11-20", "--format", "pdf"][..],
            "pdf",
        ),
    ] {
        let r = site.run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(why), "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}");
    }
    site.write(
        "content/briefings/bad.md",
        "---\ntitle: Bad\ndate: 2025-13-01\n---\nText.\n",
    );
    let r = site.run(&["digest", "--since", "2025-11-01"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("bad.md:3:"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}
