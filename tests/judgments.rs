//! Key judgments (`judgments:`), the estimative-language check against `confidence:`,
//! questions that resolve (`resolved:` on topics) and the track record page.

mod common;

use common::{TestSite, options};
use dossier::incremental::{Changes, Engine};

const TOPIC: &str = "---
title: Deadline
question: Will the deal be signed by 1 December?
resolved: {date: 2025-12-01, outcome: no, note: Nothing was signed <b>at all</b>.}
---
The deadline.
";

/// A desk of two authors: Ada's briefing judges the deal unlikely (32.5%, answer yes), Bo's
/// gives 90% that it is not signed (answer no), and a briefing dated after the deadline
/// judges it almost certain (not scored).
fn desk() -> TestSite {
    TestSite::new(&[
        ("content/topics/deadline.md", TOPIC),
        (
            "content/authors/ada.md",
            "---\nname: Ada Vance\n---\nAda.\n",
        ),
        ("content/authors/bo.md", "---\nname: Bo Quill\n---\nBo.\n"),
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: First look\nauthors: [Ada Vance]\nconfidence: moderate\njudgments:\n  - statement: The deal is signed by 1 December.\n    likelihood: unlikely\n    on: deadline\n  - statement: Talks go on.\n    likelihood: very likely\n---\nText.\n",
        ),
        (
            "content/briefings/2025-11-25-b.md",
            "---\ntitle: Second look\nauthors: [Ada Vance, Bo Quill]\nconfidence: high\njudgments:\n  - statement: No deal by the deadline.\n    likelihood: 90%\n    on: deadline\n    answer: no\n---\nText.\n",
        ),
        (
            "content/briefings/2025-12-02-c.md",
            "---\ntitle: Afterwards\nauthors: [Bo Quill]\njudgments:\n  - {statement: It was never signed., likelihood: almost certain, on: deadline, answer: no}\n---\nText.\n",
        ),
    ])
}

#[test]
fn the_box_shows_each_judgment_with_its_level_band_confidence_and_topic() {
    let site = desk();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("briefings/a/index.html");
    let boxed = &page[page
        .find("<section class=\"key-judgments\"")
        .expect("a box")..];
    let boxed = &boxed[..boxed.find("</section>").expect("closed")];
    assert!(boxed.contains("<p class=\"statement\">The deal is signed by 1 December.</p>"));
    assert!(boxed.contains("<strong class=\"likelihood\">unlikely</strong> <span class=\"band\">(20–45%)</span> · moderate confidence · on <a href=\"../../topics/deadline/index.html\">Deadline</a>"), "{boxed}");
    assert!(boxed.contains("<strong class=\"likelihood\">very likely</strong> <span class=\"band\">(80–95%)</span> · moderate confidence</p>"));
    // Above the body.
    assert!(page.find("key-judgments") < page.find("<div class=\"body\">"));
    let b = site.page("briefings/b/index.html");
    assert!(
        b.contains("<strong class=\"likelihood\">90%, very likely</strong>"),
        "{b}"
    );
    assert!(b.contains("(the answer is no)"));
    // A briefing without judgments has no box.
    assert!(
        !site
            .page("topics/deadline/index.html")
            .contains("key-judgments")
    );
}

#[test]
fn brier_scores_and_calibration_match_a_hand_computation() {
    let site = desk();
    assert_eq!(site.build().code, 0);
    // a: p = 0.325 for yes, outcome no: (0.325 − 0)² = 0.105625.
    // b: p = 0.9 for no, outcome no: (0.9 − 1)² = 0.01.
    // c: after the resolution, not scored.
    // Desk: (0.105625 + 0.01) / 2 = 0.0578125 → 0.058. Ada: both → 0.058; Bo: b → 0.010.
    let tr = site.page("track-record/index.html");
    assert!(tr.contains("The desk: <strong>0.058</strong> over 2 judgments; 1 made after their question was settled is not scored."), "{tr}");
    assert!(
        tr.contains("Ada Vance</a></th><td>2</td><td>0.058</td>"),
        "{tr}"
    );
    assert!(
        tr.contains("Bo Quill</a></th><td>1</td><td>0.010</td>"),
        "{tr}"
    );
    // Calibration: one unlikely (stated 32.5%, none came true), one very likely (90%,
    // came true).
    assert!(tr.contains("<tr><th scope=\"row\">unlikely</th><td>20–45%</td><td>1</td><td>0</td><td>32.5%</td><td>0%</td></tr>"));
    assert!(tr.contains("<tr><th scope=\"row\">very likely</th><td>80–95%</td><td>1</td><td>1</td><td>90%</td><td>100%</td></tr>"));
    assert!(tr.contains("<tr><th scope=\"row\">likely</th><td>55–80%</td><td>0</td><td>0</td><td>–</td><td>–</td></tr>"));
    // The chart: the diagonal, and a point per level used.
    assert!(tr.contains("<line class=\"diagonal\""));
    assert_eq!(tr.matches("<g class=\"point\">").count(), 2);
    assert!(tr.contains("<desc>very likely: 1 judgment, 100% came true</desc>"));
    // Linked from every page's footer and in the sitemap.
    assert!(
        site.page("index.html")
            .contains("<a href=\"track-record/index.html\">Track record</a>")
    );
    assert!(
        site.page("sitemap.xml")
            .contains("https://example.org/track-record/")
    );
}

#[test]
fn a_resolved_topic_says_how_the_judgments_on_it_fared() {
    let site = desk();
    assert_eq!(site.build().code, 0);
    let page = site.page("topics/deadline/index.html");
    assert!(page.contains("Resolved on <time datetime=\"2025-12-01\">1 Dec 2025</time>: no</strong>. Nothing was signed &lt;b&gt;at all&lt;/b&gt;."), "{page}");
    assert!(page.contains("2 judgments scored, with a mean Brier score of 0.058"));
    assert!(page.contains("Judgments made after the question was settled are listed, not scored."));
    assert!(page.contains("not scored: made after the question was settled"));
    assert!(page.contains("<td>unlikely <span class=\"band\">(32.5%)</span></td>"));
    assert!(page.contains("<td>0.106</td>") && page.contains("<td>0.010</td>"));
    assert!(
        page.contains("<a href=\"../../track-record/index.html\">The desk&#x27;s track record</a>")
            || page.contains(
                "<a href=\"../../track-record/index.html\">The desk&#39;s track record</a>"
            )
    );
}

#[test]
fn without_a_resolved_question_there_is_no_track_record() {
    let site = desk();
    site.write(
        "content/topics/deadline.md",
        "---\ntitle: Deadline\n---\nOpen.\n",
    );
    assert_eq!(site.build().code, 0);
    assert!(!site.out().join("track-record").exists());
    assert!(!site.page("index.html").contains("track-record"));
    assert!(!site.page("sitemap.xml").contains("track-record"));
}

#[test]
fn hostile_statements_are_escaped_everywhere() {
    let site = desk();
    site.write(
        "content/briefings/2025-11-21-x.md",
        "---\ntitle: X\njudgments:\n  - statement: \"<script>alert(1)</script>\"\n    likelihood: likely\n    on: deadline\n---\nText.\n",
    );
    assert_eq!(site.build().code, 0);
    for page in [
        "briefings/x/index.html",
        "topics/deadline/index.html",
        "track-record/index.html",
    ] {
        let html = site.page(page);
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}"
        );
    }
}

const LOW: &str = "---
title: Talks
confidence: low
judgments:
  - statement: A deal comes.
    likelihood: almost certain
  - statement: It holds.
    likelihood: remote
    confidence: high
  - statement: It is signed soon.
    likelihood: very likely
---
The deal is Almost
certainly done. `almost certain` in code is not prose,
nor is [a link](https://example.org/almost-certain). There is
almost no chance of a walkout, and it is very likely to hold.
";

#[test]
fn words_of_near_certainty_under_low_confidence_are_warned_about_where_they_are() {
    let site = TestSite::new(&[("content/briefings/2025-11-20-talks.md", LOW)]);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.diagnostics(),
        [
            "content/briefings/2025-11-20-talks.md:6:17: warning: judgment `likelihood` says almost certain (95–99%), but the briefing's confidence is low",
            "content/briefings/2025-11-20-talks.md:13:13: warning: `Almost certainly` says almost certain (95–99%), but the briefing's confidence is low",
            "content/briefings/2025-11-20-talks.md:16:1: warning: `almost no chance` says almost no chance (1–5%), but the briefing's confidence is low",
        ]
    );
    assert!(
        run.stderr
            .contains("help: say it as low confidence allows (likely, very likely)")
    );
    // Moderate confidence: nothing to say.
    site.write(
        "content/briefings/2025-11-20-talks.md",
        &LOW.replace("confidence: low", "confidence: moderate"),
    );
    assert!(site.run(&["check"]).diagnostics().is_empty());
    // Turned off in site.yaml.
    site.write("content/briefings/2025-11-20-talks.md", LOW);
    site.write(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\nestimative: false\n",
    );
    assert!(site.run(&["check"]).diagnostics().is_empty());
    // A language without words is not checked; words given for it are.
    site.write(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\nlanguage: fr\n",
    );
    let fr = site.run(&["check"]);
    assert_eq!(fr.diagnostics().len(), 1, "{}", fr.stderr);
    site.write(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\nlanguage: fr\nestimative:\n  words:\n    fr: {almost_certain: [quasi certain, done]}\n",
    );
    let fr = site.run(&["check"]);
    assert!(
        fr.diagnostics().contains(&"content/briefings/2025-11-20-talks.md:14:11: warning: `done` says almost certain (95–99%), but the briefing's confidence is low"),
        "{}",
        fr.stderr
    );
}

#[test]
fn bad_judgments_are_errors_at_their_values() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\njudgments:\n  - statement: A.\n    likelihood: very likley\n  - likelihood: likely\n  - statement: B.\n    likelihood: 70\n  - statement: C.\n    likelihood: 120%\n  - oops\n---\nText.\n",
    )]);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    let d = run.diagnostics();
    assert_eq!(d.len(), 5, "{}", run.stderr);
    assert!(d[0].starts_with(
        "content/briefings/2025-11-20-x.md:5:17: error: unknown likelihood `very likley`"
    ));
    assert!(run.stderr.contains("did you mean `very likely`?"));
    assert!(d[1].starts_with(
        "content/briefings/2025-11-20-x.md:6:5: error: a judgment needs a `statement`"
    ));
    assert!(d[2].starts_with(
        "content/briefings/2025-11-20-x.md:8:17: error: `likelihood: 70` is a bare number"
    ));
    assert!(d[3].starts_with(
        "content/briefings/2025-11-20-x.md:10:17: error: `likelihood: 120%` is no percentage"
    ));
    assert!(d[4].starts_with(
        "content/briefings/2025-11-20-x.md:11:5: error: a judgment must be a mapping"
    ));
}

#[test]
fn past_twenty_judgments_the_rest_are_left_out_with_a_warning() {
    let mut text = String::from("---\ntitle: Many\njudgments:\n");
    for i in 0..25 {
        text.push_str(&format!(
            "  - {{statement: Judgment {i}., likelihood: likely}}\n"
        ));
    }
    text.push_str("---\nText.\n");
    let site = TestSite::new(&[("content/briefings/2025-11-20-many.md", &text)]);
    let run = site.build();
    assert_eq!(run.code, 0);
    assert_eq!(
        run.diagnostics(),
        [
            "content/briefings/2025-11-20-many.md:24:5: warning: 25 judgments: a briefing may list at most 20; the rest are left out"
        ]
    );
    let page = site.page("briefings/many/index.html");
    assert!(page.contains("Judgment 19."));
    assert!(!page.contains("Judgment 20."));
}

#[test]
fn serve_updates_the_warning_on_a_body_edit_and_a_confidence_edit() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-talks.md",
        "---\ntitle: Talks\nconfidence: low\n---\nA calm paragraph.\n",
    )]);
    let path = site.root().join("content/briefings/2025-11-20-talks.md");
    let mut engine =
        Engine::new(&options(site.root(), None), &site.root().join("live")).expect("engine");
    let first = engine.build_all().expect("build");
    assert!(first.diagnostics.is_empty(), "{:?}", first.diagnostics);
    let changed = || Changes {
        paths: [path.clone()].into_iter().collect(),
        rescan: false,
    };
    let warned = |d: &[dossier::diagnostic::Diagnostic]| {
        d.iter()
            .map(|x| format!("{}:{}:{}", x.path, x.span.line, x.span.col))
            .collect::<Vec<_>>()
    };
    std::fs::write(
        &path,
        "---\ntitle: Talks\nconfidence: low\n---\nA calm paragraph.\nA deal is almost certain.\n",
    )
    .expect("write");
    let out = engine.rebuild(&changed()).expect("body edit");
    assert_eq!(
        warned(&out.diagnostics),
        ["content/briefings/2025-11-20-talks.md:6:11"]
    );
    std::fs::write(
        &path,
        "---\ntitle: Talks\nconfidence: high\n---\nA calm paragraph.\nA deal is almost certain.\n",
    )
    .expect("write");
    let out = engine.rebuild(&changed()).expect("confidence edit");
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    std::fs::write(
        &path,
        "---\ntitle: Talks\nconfidence: low\n---\nA calm paragraph.\nA deal is almost certain.\n",
    )
    .expect("write");
    let out = engine.rebuild(&changed()).expect("confidence edit back");
    assert_eq!(
        warned(&out.diagnostics),
        ["content/briefings/2025-11-20-talks.md:6:11"]
    );
    // As a clean check sees it.
    let clean = site.run(&["check"]);
    assert_eq!(
        clean.diagnostics(),
        [
            "content/briefings/2025-11-20-talks.md:6:11: warning: `almost certain` says almost certain (95–99%), but the briefing's confidence is low"
        ]
    );
}
