//! Graded sources, the source registry (`content/sources/`) and retractions: what the
//! pages show, what `check` says, and that `serve` follows an edit of a source file.

mod common;

use common::{TestSite, options, snapshot};
use dossier::incremental::{Changes, Engine};

const TOPIC: &str = "---\ntitle: The plan\nquestion: Should it pass?\n---\n";

fn briefing(sources: &str, stances: &str) -> String {
    format!(
        "---\ntitle: Talks\ndate: 2025-11-20\ntopics: [plan]\nstances:\n{stances}sources:\n{sources}---\nBody.\n"
    )
}

const WIRE: &str = "---\ntitle: Envoy speaks\npublisher: Example Wire\nurl: https://example.com/a\nreliability: B\ncredibility: 2\n---\nA wire report.\n";
const RETRACTED: &str = "---\ntitle: Leaked readout\npublisher: Example News\nurl: https://example.com/b\nreliability: C\ncredibility: 3\nretracted: 2025-11-24\nretraction_note: The outlet withdrew the story.\n---\n";

fn site(sources: &str, stances: &str) -> TestSite {
    TestSite::new(&[
        ("content/topics/plan.md", TOPIC),
        ("content/sources/example-wire-envoy.md", WIRE),
        ("content/sources/example-news-readout.md", RETRACTED),
        (
            "content/briefings/2025-11-20-talks.md",
            &briefing(sources, stances),
        ),
    ])
}

#[test]
fn a_registry_citation_shows_its_grade_on_the_briefing_and_the_topic() {
    let s = site(
        "  - example-wire-envoy\n",
        "  - {actor: Kyiv, on: plan, position: supports, source: 1}\n",
    );
    let run = s.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = s.page("briefings/talks/index.html");
    assert!(
        page.contains(">Envoy speaks</a>"),
        "title from the registry"
    );
    assert!(page.contains("Example Wire"));
    assert!(page.contains("title=\"Graded B2: Usually reliable; probably true\">B2</abbr>"));
    assert!(
        page.contains(">single source</span>"),
        "one source backs it"
    );
    assert!(page.contains(">paraphrase only</span>"), "no quote");
    let topic = s.page("topics/plan/index.html");
    assert!(topic.contains(">B2</abbr>"), "the matrix shows the grade");
    assert!(
        topic.contains("source graded B2"),
        "the history strip says it"
    );
}

#[test]
fn a_grade_off_the_scale_is_an_error_at_its_value() {
    let s = site(
        "  - {title: Notes, reliability: G, credibility: 2}\n",
        "  - {actor: Kyiv, on: plan, position: supports, source: 1}\n",
    );
    let run = s.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/briefings/2025-11-20-talks.md:8:33: error: `reliability: G` is not on the site's scale: use A, B, C, D, E, F"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("D090"), "{}", run.stderr);
    assert!(!s.out().exists(), "nothing written");
}

#[test]
fn a_site_scale_replaces_the_admiralty_code() {
    let s = site(
        "  - {title: Notes, reliability: high}\n",
        "  - {actor: Kyiv, on: plan, position: supports, source: 1}\n",
    );
    s.write(
        "site.yaml",
        "title: T\nsource_grades:\n  reliability: [{code: high, label: Trusted}, {code: low, label: Doubted}]\n  credibility: [\"1\", \"2\"]\n",
    );
    // The registry files grade on the old scale: errors in their own files.
    let run = s.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("content/sources/example-wire-envoy.md:5:14: error: `reliability: B` is not on the site's scale: use high, low"),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(s.root().join("content/sources")).expect("rm");
    let run = s.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        s.page("briefings/talks/index.html")
            .contains("Graded high?: Trusted; credibility not graded")
    );
}

#[test]
fn an_unknown_source_id_is_an_error_with_the_nearest_id() {
    let s = site("  - example-wire-envy\n", "");
    let run = s.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/briefings/2025-11-20-talks.md:7:5: error: no source `example-wire-envy` in content/sources/"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `example-wire-envoy`?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("D091"));
}

#[test]
fn a_retracted_source_gives_a_notice_a_struck_stance_and_a_check_warning() {
    let s = site(
        "  - {source: example-news-readout, date: 2025-11-21}\n",
        "  - {actor: Kyiv, on: plan, position: opposes, quote: \"No.\", source: 1}\n",
    );
    let check = s.run(&["check"]);
    assert_eq!(check.code, 0, "a warning, not an error: {}", check.stderr);
    assert!(
        check.stderr.contains(
            "content/briefings/2025-11-20-talks.md:6:13: warning: this stance rests only on `Leaked readout`, retracted on 2025-11-24"
        ),
        "{}",
        check.stderr
    );
    assert!(check.stderr.contains("D092"));
    assert_eq!(s.build().code, 0);
    let page = s.page("briefings/talks/index.html");
    assert!(page.contains("<strong>Retracted source</strong>: Leaked readout (Example News) was retracted on <time datetime=\"2025-11-24\">24 Nov 2025</time>: The outlet withdrew the story."), "{page}");
    assert!(
        page.contains("<del><span class=\"badge"),
        "the position is struck: {page}"
    );
    assert!(page.contains("source retracted 2025-11-24"));
    let topic = s.page("topics/plan/index.html");
    assert!(topic.contains("<li class=\"retracted\"><del>"), "{topic}");
    assert!(topic.contains(", source retracted</span>"));
}

#[test]
fn a_plain_title_on_a_site_without_a_registry_stays_a_title() {
    let s = TestSite::new(&[
        ("content/topics/plan.md", TOPIC),
        (
            "content/briefings/2025-11-20-talks.md",
            &briefing("  - reuters\n", ""),
        ),
    ]);
    let run = s.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        s.page("briefings/talks/index.html")
            .contains("<li id=\"source-1\">reuters")
    );
}

#[test]
fn a_source_file_is_neither_a_briefing_nor_an_entity() {
    let s = site("  - example-wire-envoy\n", "");
    assert_eq!(s.build().code, 0);
    assert!(!s.out().join("briefings/example-wire-envoy").exists());
    let timeline = s.page("timeline/index.html");
    assert!(
        !timeline.contains("Envoy speaks"),
        "not listed as a briefing"
    );
}

#[test]
fn hostile_source_files_are_refused_or_bounded() {
    let s = site("  - example-wire-envoy\n", "");
    // A name that is no id, a body of a million characters, a grade of ten thousand
    // characters: errors at a place, no time or memory past linear.
    s.write("content/sources/Bad Name.md", WIRE);
    let long = "x".repeat(10_000);
    s.write(
        "content/sources/huge.md",
        &format!(
            "---\ntitle: Huge\nreliability: {long}\n---\n{}\n",
            "y".repeat(1_000_000)
        ),
    );
    let run = s.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "content/sources/Bad Name.md:1:1: error: source file name `Bad Name` is not an id"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/sources/huge.md:3:14: error: `reliability: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…` is not on"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_site_under_content_sources_is_not_read() {
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: SECRET TITLE\n---\n",
    )
    .expect("w");
    let s = site("  - example-wire-envoy\n", "");
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        s.root().join("content/sources/secret.md"),
    )
    .expect("link");
    let run = s.build();
    assert!(
        run.stderr.contains("content/sources/secret.md"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("symlink"), "{}", run.stderr);
    let all = snapshot(&s.out());
    assert!(
        all.values()
            .all(|b| !String::from_utf8_lossy(b).contains("SECRET TITLE"))
    );
}

#[test]
fn serve_follows_an_edit_of_a_source_file_as_a_clean_build_does() {
    let s = site(
        "  - example-wire-envoy\n",
        "  - {actor: Kyiv, on: plan, position: supports, source: 1}\n",
    );
    let root = s.root().to_path_buf();
    let live = root.join("live");
    let mut engine = Engine::new(&options(&root, None), &live).expect("engine");
    engine.build_all().expect("build");
    let p = root.join("content/sources/example-wire-envoy.md");
    std::fs::write(
        &p,
        WIRE.replace("credibility: 2", "credibility: 5\nretracted: 2025-11-22"),
    )
    .expect("write");
    let out = engine
        .rebuild(&Changes {
            paths: [p].into_iter().collect(),
            rescan: false,
        })
        .expect("rebuild");
    assert_eq!(out.errors, 0, "{:?}", out.diagnostics);
    let clean = root.join("clean");
    dossier::pipeline::build(&options(&root, Some(clean.clone()))).expect("clean build");
    assert_eq!(snapshot(&live), snapshot(&clean));
    let page = std::fs::read_to_string(live.join("briefings/talks/index.html")).expect("read");
    assert!(
        page.contains(">B5</abbr>") && page.contains("Retracted source"),
        "{page}"
    );
}

#[test]
fn stats_and_stances_csv_report_how_stances_are_sourced() {
    let s = site(
        "  - example-wire-envoy\n  - example-news-readout\n",
        "  - {actor: Kyiv, on: plan, position: supports, quote: \"Yes.\", source: 1}\n  - {actor: Paris, on: plan, position: opposes, source: 2}\n  - {actor: Rome, on: plan, position: neutral}\n",
    );
    let run = s.run(&["stats"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "sources:        2 in content/sources/ (1 retracted)",
        "by reliability: B 1 (33%), C 1 (33%)",
        "unsourced:      1 (33%)",
        "single source:  2 (67%)",
        "paraphrase:     2 (67%)",
        "retracted:      1 (33%)",
    ] {
        assert!(run.stdout.contains(line), "{line}\n{}", run.stdout);
    }
    assert_eq!(s.build().code, 0);
    let csv = s.page("data/stances.csv");
    let header = csv.lines().next().unwrap_or_default();
    assert!(header.ends_with(
        ",source_id,source_reliability,source_credibility,source_retracted,retraction_note"
    ));
    assert!(csv.contains(",example-wire-envoy,B,2,,\r\n"), "{csv}");
    assert!(
        csv.contains(",example-news-readout,C,3,2025-11-24,The outlet withdrew the story.\r\n"),
        "{csv}"
    );
}

#[test]
fn entities_json_lists_the_registry_with_what_cites_it() {
    let s = site(
        "  - example-wire-envoy\n",
        "  - {actor: Kyiv, on: plan, position: supports, source: 1}\n",
    );
    assert_eq!(s.build().code, 0);
    let json: serde_json::Value =
        serde_json::from_str(&s.page("data/entities.json")).expect("json");
    let sources = json["sources"].as_array().expect("a sources list");
    assert_eq!(sources.len(), 2);
    let wire = &sources[1];
    assert_eq!(wire["id"], "example-wire-envoy");
    assert_eq!(wire["reliability"], "B");
    assert_eq!(
        (wire["briefings"].as_u64(), wire["stances"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(sources[0]["retracted"], "2025-11-24");
}

#[test]
fn the_sources_page_reports_how_stances_are_sourced_and_lists_the_registry() {
    let s = site(
        "  - example-wire-envoy\n  - {source: example-news-readout}\n",
        "  - {actor: Kyiv, on: plan, position: supports, quote: \"Yes.\", source: 1}\n  - {actor: Moscow, on: plan, position: opposes, source: 2}\n  - {actor: Paris, on: plan, position: neutral}\n",
    );
    let run = s.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = s.page("sources/index.html");
    assert!(
        page.contains("How the 3 stances recorded on this site are sourced."),
        "{page}"
    );
    // One stance per graded level it uses, the unsourced one apart.
    assert!(page.contains("<abbr class=\"grade\" title=\"Usually reliable\">B</abbr> Usually reliable</th><td>1</td>"), "{page}");
    assert!(page.contains(
        "<abbr class=\"grade\" title=\"Fairly reliable\">C</abbr> Fairly reliable</th><td>1</td>"
    ));
    assert!(page.contains("<th scope=\"row\">No source</th><td>1</td>"));
    assert!(page.contains("<strong>1</strong> rests on a retracted source"));
    assert!(
        page.contains("<strong>2</strong> have no direct quote"),
        "{page}"
    );
    // Every registry source, linked to its page, with what cites it.
    let wire = "<a href=\"../sources/example-wire-envoy/index.html\">Envoy speaks</a> <span class=\"publisher\">Example Wire</span></th>\n<td><abbr class=\"grade\" title=\"Usually reliable; probably true\">B2</abbr></td>\n<td>1</td>\n<td>1</td>";
    assert!(page.contains(wire), "{page}");
    assert!(page.contains("<tr class=\"retracted\">"));
    assert!(page.contains("retracted <time datetime=\"2025-11-24\">24 Nov 2025</time>"));
    // Linked from every page's footer and from the citation on the briefing.
    let briefing = s.page("briefings/talks/index.html");
    assert!(briefing.contains("href=\"../../sources/index.html\">Sources</a>"));
    assert!(briefing.contains(
        "<a class=\"source-page\" href=\"../../sources/example-wire-envoy/index.html\">about this source</a>"
    ));
    let sitemap = s.page("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/sources/</loc>"),
        "{sitemap}"
    );
    assert!(sitemap.contains("<loc>https://example.org/sources/example-news-readout/</loc>"));
}

#[test]
fn a_source_page_shows_its_grade_retraction_and_what_rests_on_it() {
    let s = site(
        "  - {source: example-news-readout}\n",
        "  - {actor: Kyiv, on: plan, position: opposes, quote: \"No.\", source: 1}\n",
    );
    assert_eq!(s.build().code, 0);
    let page = s.page("sources/example-news-readout/index.html");
    assert!(page.contains("<h1>Leaked readout</h1>"), "{page}");
    assert!(page.contains(
        "Graded <abbr class=\"grade\" title=\"Fairly reliable; possibly true\">C3</abbr>"
    ));
    assert!(page.contains("<strong>Retracted</strong> on <time datetime=\"2025-11-24\">24 Nov 2025</time>: The outlet withdrew the story."), "{page}");
    // The stance resting on it, struck through, linked to where it was recorded.
    assert!(page.contains("<li><del><a href=\"../../actors/kyiv/index.html\">Kyiv</a> <span class=\"badge glyph pos-opposes\">opposes</span>"), "{page}");
    assert!(page.contains("on <a href=\"../../topics/plan/index.html\">The plan</a></del>: “No.” <a href=\"../../briefings/talks/index.html#stance-1\">"));
    assert!(page.contains("<a href=\"../../briefings/talks/index.html\">Talks</a>"));
    assert!(
        page.contains("<a href=\"../../index.html\">Home</a>"),
        "breadcrumbs"
    );
    // A source nobody cites says so rather than showing empty lists.
    let wire = s.page("sources/example-wire-envoy/index.html");
    assert_eq!(wire.matches("<p>None.</p>").count(), 2, "{wire}");
    assert!(wire.contains("<p>A wire report.</p>"), "its description");
}

#[test]
fn an_as_of_page_strikes_a_stance_only_from_its_retraction_on() {
    let later = "---\ntitle: Later\ndate: 2025-11-25\ntopics: [plan]\nstances:\n  - {actor: Moscow, on: plan, position: supports}\n---\nBody.\n";
    let s = TestSite::new(&[
        ("content/topics/plan.md", TOPIC),
        ("content/sources/example-news-readout.md", RETRACTED),
        (
            "content/briefings/2025-11-20-talks.md",
            &briefing(
                "  - example-news-readout\n",
                "  - {actor: Kyiv, on: plan, position: opposes, source: 1}\n",
            ),
        ),
        ("content/briefings/2025-11-25-later.md", later),
    ]);
    let run = s.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let kyiv_row = |page: &str| -> String {
        let at = page.find(">Kyiv</a></th>").expect("Kyiv's row");
        page[at..at + page[at..].find("</tr>").expect("row end")].to_string()
    };
    // Before the retraction (24 Nov) the row stands whole; on 25 Nov it is struck.
    let before = kyiv_row(&s.page("topics/plan/as-of/2025-11-20/index.html"));
    assert!(
        !before.contains("<del>") && !before.contains("retracted"),
        "{before}"
    );
    let after = kyiv_row(&s.page("topics/plan/as-of/2025-11-25/index.html"));
    assert!(
        after.contains("<del><span class=\"badge glyph pos-opposes\">"),
        "{after}"
    );
    assert!(after.contains("source retracted 2025-11-24"), "{after}");
    let now = kyiv_row(&s.page("topics/plan/index.html"));
    assert!(now.contains("<li class=\"retracted\"><del>"), "{now}");
    // The digest of a window holding the retraction names it, and no other window does.
    let digest = s.run(&["digest", "--since", "2025-11-24"]);
    assert_eq!(digest.code, 0, "{}", digest.stderr);
    assert!(digest.stdout.contains("## Retracted sources (1)\n\n- Leaked readout (Example News), retracted 24 Nov 2025: The outlet withdrew the story; 1 stance rested on it — [Leaked readout](<https://example.org/sources/example-news-readout/>)"), "{}", digest.stdout);
    let none = s.run(&["digest", "--since", "2025-11-25"]);
    assert!(!none.stdout.contains("Leaked readout"), "{}", none.stdout);
}
