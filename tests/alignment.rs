//! Alignment: `/alignment/` shows, for each pair of actors, on how many of the topics both
//! have a clear position they take the same one (each actor's latest stance; `unclear` and
//! drafts left out), ordered so that a bloc sits together; `/alignment/<YYYY-MM>/` the same
//! at the end of a month; `/compare/<a>/<b>/` two actors topic by topic, and since when.
//! The expected numbers are worked out by hand in the comments.

mod common;
use common::*;

/// Four actors, four topics. Latest clear positions (t = topic):
///
/// | actor | t1 | t2 | t3 | t4 |
/// |---|---|---|---|---|
/// | Alba | supports | supports | opposes | supports |
/// | Brava | supports | supports | supports (opposes until 20 Feb 2025) | — |
/// | Cora | opposes | — | — | supports |
/// | Dax | (draft: supports) | unclear | — | supports |
///
/// Alba–Brava share t1 t2 t3, agree on t1 t2: 2 of 3 (66 %). Alba–Cora share t1 t4, agree
/// on t4: 1 of 2 (50 %). Alba–Dax share t4: 1 of 1. Brava–Cora share t1: 0 of 1. Brava–Dax
/// share nothing (Dax's t2 is unclear, its t1 a draft's): blank. Cora–Dax share t4: 1 of 1.
///
/// Clustering (distance 1 − share, 0.5 for none): Alba–Dax and Cora–Dax are both at 0; the
/// tie goes to the smaller ids (Alba, Dax). Then {Alba, Dax}–Cora is (0.5 + 0) / 2 = 0.25,
/// {Alba, Dax}–Brava (1/3 + 0.5) / 2 ≈ 0.42: Cora joins, Brava last. Order: Alba, Dax,
/// Cora, Brava — the bloc agreeing on t4 together, Brava apart.
fn site() -> TestSite {
    let site = TestSite::new(&[]);
    for (id, name) in [
        ("alba", "Alba"),
        ("brava", "Brava"),
        ("cora", "Cora"),
        ("dax", "Dax"),
    ] {
        site.write(
            &format!("content/actors/{id}.md"),
            &format!("---\nname: {name}\n---\n"),
        );
    }
    for t in 1..=4 {
        site.write(
            &format!("content/topics/t{t}.md"),
            &format!("---\ntitle: Topic {t}\n---\n"),
        );
    }
    let briefing = |slug: &str, date: &str, stances: &[(&str, &str, &str)], extra: &str| {
        let mut text = format!("---\ntitle: Briefing {slug}\ndate: {date}\n{extra}stances:\n");
        for (a, t, p) in stances {
            text.push_str(&format!("  - actor: {a}\n    on: {t}\n    position: {p}\n"));
        }
        text.push_str("---\nText.\n");
        site.write(&format!("content/briefings/{slug}.md"), &text);
    };
    briefing(
        "first-round",
        "2024-12-10",
        &[
            ("alba", "t1", "supports"),
            ("brava", "t1", "supports"),
            ("brava", "t3", "opposes"),
            ("alba", "t3", "opposes"),
        ],
        "",
    );
    briefing(
        "second-round",
        "2025-01-15",
        &[
            ("alba", "t2", "supports"),
            ("brava", "t2", "supports"),
            ("cora", "t1", "opposes"),
            ("dax", "t2", "unclear"),
        ],
        "",
    );
    briefing(
        "brava-turns",
        "2025-02-20",
        &[("brava", "t3", "supports")],
        "",
    );
    briefing(
        "fourth-round",
        "2025-03-05",
        &[
            ("alba", "t4", "supports"),
            ("cora", "t4", "supports"),
            ("dax", "t4", "supports"),
        ],
        "",
    );
    briefing(
        "dax-draft",
        "2025-03-06",
        &[("dax", "t1", "supports")],
        "draft: true\n",
    );
    site
}

/// Every agreement cell, in document order: what it says with the names of its row and
/// column, as `Row and Column agree on …`.
fn cells(html: &str) -> Vec<String> {
    let (rows, columns) = (rows(html), columns(html));
    let table = &html[html.find("<tbody>").expect("a matrix")..];
    let table = &table[..table.find("</table>").expect("table ends")];
    let mut out = Vec::new();
    for (r, row) in table.split("<tr>").skip(1).enumerate() {
        let titles = row.split("<td").skip(1).filter_map(|c| {
            let from = c.find("title=\"")? + "title=\"".len();
            let end = c[from..].find('"')?;
            Some(c[from..from + end].to_string())
        });
        for (c, title) in titles.enumerate() {
            out.push(format!("{} and {} {title}", rows[r], columns[c]));
        }
    }
    out
}

/// The row headers of the matrix, in order.
fn rows(html: &str) -> Vec<String> {
    let table = &html[html.find("<tbody>").expect("a body")..];
    table
        .split("<th scope=\"row\">")
        .skip(1)
        .map(|r| {
            let from = r.find("\">").expect("a link") + 2;
            r[from..from + r[from..].find("</a>").expect("link ends")].to_string()
        })
        .collect()
}

/// The column headers of the matrix, in order.
fn columns(html: &str) -> Vec<String> {
    let head = &html[html.find("<thead>").expect("a head")..];
    let head = &head[..head.find("</thead>").expect("head ends")];
    head.split("<th scope=\"col\"><span>")
        .skip(1)
        .map(|c| c[..c.find("</span>").expect("span ends")].to_string())
        .collect()
}

#[test]
fn the_matrix_equals_the_hand_computation() {
    let site = site();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("alignment/index.html");
    // The bloc (Alba, Dax, Cora) together, Brava last; each pair once.
    assert_eq!(columns(&page), ["Alba", "Dax", "Cora"]);
    assert_eq!(rows(&page), ["Dax", "Cora", "Brava"]);
    assert_eq!(
        cells(&page),
        [
            "Dax and Alba agree on 1 of 1 topic (100%)",
            "Cora and Alba agree on 1 of 2 topics (50%)",
            "Cora and Dax agree on 1 of 1 topic (100%)",
            "Brava and Alba agree on 2 of 3 topics (66%)",
            "Brava and Dax share no topic",
            "Brava and Cora agree on 0 of 1 topic (0%)",
        ]
    );
    // The numbers in the cells, with their colour steps; the blank one is empty, not 0.
    for cell in [
        "<td class=\"ag4\" title=\"agree on 1 of 1 topic (100%)\"><a href=\"../compare/alba/dax/index.html\">100<span class=\"visually-hidden\">: Dax and Alba agree on 1 of 1 topic (100%)</span></a></td>",
        "<td class=\"ag2\" title=\"agree on 1 of 2 topics (50%)\"><a href=\"../compare/alba/cora/index.html\">50<span class=\"visually-hidden\">: Cora and Alba agree on 1 of 2 topics (50%)</span></a></td>",
        "<td class=\"ag3\" title=\"agree on 2 of 3 topics (66%)\"><a href=\"../compare/alba/brava/index.html\">66<span class=\"visually-hidden\">: Brava and Alba agree on 2 of 3 topics (66%)</span></a></td>",
        "<td title=\"share no topic\"></td>",
        "<td class=\"ag0\" title=\"agree on 0 of 1 topic (0%)\"><a href=\"../compare/brava/cora/index.html\">0<span class=\"visually-hidden\">: Brava and Cora agree on 0 of 1 topic (0%)</span></a></td>",
    ] {
        assert!(page.contains(cell), "{cell}\n{page}");
    }
    // Brava and Dax share no topic: no comparison page.
    assert!(!site.out().join("compare/brava/dax").exists());
    // Four months with stances (the draft's is March too), newest first, each linked.
    for (month, name) in [
        ("2025-03", "March 2025"),
        ("2025-02", "February 2025"),
        ("2025-01", "January 2025"),
        ("2024-12", "December 2024"),
    ] {
        let link = format!("<li><a href=\"../alignment/{month}/index.html\">{name}</a></li>");
        assert!(page.contains(&link), "{link}");
    }
    assert!(
        page.contains("<a rel=\"prev\" href=\"../alignment/2025-03/index.html\"><span class=\"arrow\" aria-hidden=\"true\">←</span> March 2025</a>")
    );
    // Linked from every page's footer and from the actor pages.
    let home = site.page("index.html");
    assert!(home.contains("<a href=\"alignment/index.html\">Who agrees with whom</a>"));
    let alba = site.page("actors/alba/index.html");
    assert!(alba.contains("<h2>Compare with</h2>"), "{alba}");
    for other in ["brava", "cora", "dax"] {
        let link = format!("href=\"../../compare/alba/{other}/index.html\"");
        assert!(alba.contains(&link), "{link}");
    }
    let broken = broken_links(&site.out(), "/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    let sitemap = site.page("sitemap.xml");
    for url in ["alignment/", "alignment/2024-12/", "compare/alba/brava/"] {
        assert!(
            sitemap.contains(&format!("<loc>https://example.org/{url}</loc>")),
            "{url}"
        );
    }
}

#[test]
fn a_month_snapshot_counts_the_stances_up_to_its_end() {
    let site = site();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    // End of January 2025: Brava still opposed t3, as Alba did; Cora has t1 only, Dax
    // nothing clear. Alba–Brava 3 of 3; Alba–Cora and Brava–Cora 0 of 1.
    let jan = site.page("alignment/2025-01/index.html");
    assert!(
        jan.contains("<h1>Who agreed with whom, January 2025</h1>"),
        "{jan}"
    );
    assert_eq!(columns(&jan), ["Alba", "Brava"]);
    assert_eq!(
        cells(&jan),
        [
            "Brava and Alba agree on 3 of 3 topics (100%)",
            "Cora and Alba agree on 0 of 1 topic (0%)",
            "Cora and Brava agree on 0 of 1 topic (0%)",
        ]
    );
    assert!(jan.contains(
        "<a rel=\"prev\" href=\"../../alignment/2024-12/index.html\"><span class=\"arrow\" aria-hidden=\"true\">←</span> December 2024</a>"
    ));
    assert!(jan.contains(
        "<a rel=\"next\" href=\"../../alignment/2025-02/index.html\">February 2025 <span class=\"arrow\" aria-hidden=\"true\">→</span></a>"
    ));
    assert!(jan.contains("<span aria-current=\"page\">January 2025</span>"));
    // After Brava's change: 2 of 3.
    let feb = site.page("alignment/2025-02/index.html");
    assert!(cells(&feb).contains(&"Brava and Alba agree on 2 of 3 topics (66%)".to_string()));
    // The latest snapshot's next is now.
    let mar = site.page("alignment/2025-03/index.html");
    assert!(mar.contains("<a rel=\"next\" href=\"../../alignment/index.html\">Now <span class=\"arrow\" aria-hidden=\"true\">→</span></a>"));
    // Before Cora or Dax: December has Alba and Brava alone, on t1 and t3.
    let dec = site.page("alignment/2024-12/index.html");
    assert_eq!(
        cells(&dec),
        ["Brava and Alba agree on 2 of 2 topics (100%)"]
    );
    assert!(dec.contains("<span>First snapshot</span>"));
}

#[test]
fn a_comparison_lists_each_topic_and_since_when() {
    let site = site();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("compare/alba/brava/index.html");
    let main = main_of(&page);
    assert!(
        main.contains("They agree on <strong>2 of 3</strong> shared topics (66%)"),
        "{main}"
    );
    assert!(main.contains("Named together in 2 briefings."), "{main}");
    let section = |title: &str| {
        let from = (main.find(&format!("<section aria-label=\"{title}\">")))
            .unwrap_or_else(|| panic!("{title}"));
        let rest = &main[from..];
        rest[..rest.find("</section>").expect("section ends")].to_string()
    };
    // t3: differ since Brava turned on 20 Feb 2025, the briefing linked.
    let differ = section("Where they differ");
    assert!(
        differ.contains("Topic 3") && !differ.contains("Topic 1"),
        "{differ}"
    );
    assert!(differ.contains("<td data-label=\"Since\"><a href=\"../../../briefings/brava-turns/index.html#stance-1\"><time datetime=\"2025-02-20\">20 Feb 2025</time></a> <span class=\"by\">Briefing brava-turns</span></td>"), "{differ}");
    // Brava's position is its latest.
    assert!(differ.contains("<span class=\"badge glyph pos-supports\">supports</span>"));
    // t1 agreed since the first round; t2 since the second, where both said so.
    let agree = section("Where they agree");
    let t1 = &agree[agree.find("Topic 1").expect("t1")..];
    assert!(t1[..t1.find("</tr>").expect("row")].contains("<time datetime=\"2024-12-10\">10 Dec 2024</time></a> <span class=\"by\">Briefing first-round</span>"), "{agree}");
    let t2 = &agree[agree.find("Topic 2").expect("t2")..];
    assert!(t2[..t2.find("</tr>").expect("row")].contains("<time datetime=\"2025-01-15\">15 Jan 2025</time></a> <span class=\"by\">Briefing second-round</span>"), "{agree}");
    // t4: Alba alone.
    let one = section("Only one has a clear position");
    assert!(one.contains("Topic 4") && one.contains("<span class=\"note\">no stance</span>"));
    assert!(
        !one.contains(">Since<"),
        "no since column where there is no since: {one}"
    );
    // Dax's unclear t2 is listed beside Alba's clear one, as one-sided, without a date
    // since; its draft stance on t1 is nowhere.
    let dax = site.page("compare/alba/dax/index.html");
    assert!(main_of(&dax).contains("They agree on <strong>1 of 1</strong> shared topic (100%)"));
    assert!(dax.contains("pos-unclear") && !dax.contains("dax-draft"));
    let broken = broken_links(&site.out(), "/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_site_where_no_two_actors_share_a_topic_has_no_alignment_pages() {
    let site = TestSite::new(&[(
        "content/briefings/one.md",
        "---\ntitle: One\ndate: 2025-01-01\nstances:\n  - actor: alba\n    on: t1\n    position: supports\n  - actor: brava\n    on: t2\n    position: supports\n  - actor: cora\n    on: t1\n    position: unclear\n---\nText.\n",
    )]);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.out().join("alignment").exists());
    assert!(!site.out().join("compare").exists());
    assert!(!site.page("index.html").contains("alignment/"));
    assert!(!site.page("sitemap.xml").contains("alignment/"));
}

/// A hundred actors with hostile names, all on one topic and named together: the matrix
/// shows 40 (39 rows, 39 columns), the comparisons are 50, names stay text, and the page
/// stays under the page budget.
#[test]
fn a_hundred_actors_on_one_topic_stay_within_the_caps() {
    let site = TestSite::new(&[]);
    let positions = ["supports", "opposes", "mixed", "neutral"];
    let mut text = String::from("---\ntitle: Everyone\ndate: 2025-01-01\nactors: [");
    let ids: Vec<String> = (0..100).map(|i| format!("actor-{i:03}")).collect();
    text.push_str(&ids.join(", "));
    text.push_str("]\nstances:\n");
    for (i, id) in ids.iter().enumerate() {
        site.write(
            &format!("content/actors/{id}.md"),
            &format!(
                "---\nname: \"<script>alert({i})</script> Long Name of Actor {i:03} & Co\"\n---\n"
            ),
        );
        text.push_str(&format!(
            "  - actor: {id}\n    on: hub\n    position: {}\n",
            positions[i % 4]
        ));
    }
    text.push_str("---\nText.\n");
    site.write("content/briefings/everyone.md", &text);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("alignment/index.html");
    assert!(page.len() < 150_000, "{} bytes", page.len());
    assert_eq!(columns(&page).len(), 39);
    assert_eq!(rows(&page).len(), 39);
    assert_eq!(cells(&page).len(), 39 * 40 / 2);
    assert!(page.contains(
        "The 40 actors with a position on the most topics, of 100 who share a topic with another."
    ));
    assert!(!page.contains("<script>"), "a name leaked as markup");
    assert!(page.contains("&lt;script&gt;alert("));
    let compared = std::fs::read_dir(site.out().join("compare"))
        .expect("compare/")
        .map(|d| {
            std::fs::read_dir(d.expect("entry").path())
                .expect("dir")
                .count()
        })
        .sum::<usize>();
    assert_eq!(compared, 50);
    // Each pair shares the one topic: agreement is 1 or 0 by position.
    assert!(
        page.contains("agree on 1 of 1 topic (100%)")
            && page.contains("agree on 0 of 1 topic (0%)")
    );
    let broken = broken_links(&site.out(), "/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// `serve`'s incremental rebuilds after stance edits: one gives two actors their first
/// shared topic (a comparison page appears) and turns another pair from differing to
/// agreeing; the next makes a position unclear on the same day, so that no entity gains or
/// loses an as-of page but two comparison pages go. Each leaves the same files as a clean
/// build.
#[test]
fn incremental_rebuilds_after_stance_edits_equal_a_clean_build() {
    use dossier::incremental::{Changes, Engine};
    use dossier::pipeline;
    let site = site();
    let root = site.root().to_path_buf();
    let live = root.join("live");
    let mut engine = Engine::new(&options(&root, None), &live).expect("engine");
    let first = engine.build_all().expect("build");
    assert_eq!(first.errors, 0, "{:?}", first.diagnostics);
    assert!(!live.join("compare/brava/dax/index.html").exists());
    let edits = [
        (
            "brava-turns",
            "---\ntitle: Briefing brava-turns\ndate: 2025-02-20\nstances:\n  - actor: brava\n    on: t3\n    position: opposes\n  - actor: dax\n    on: t3\n    position: opposes\n---\nText.\n",
        ),
        (
            "fourth-round",
            "---\ntitle: Briefing fourth-round\ndate: 2025-03-05\nstances:\n  - actor: alba\n    on: t4\n    position: supports\n  - actor: cora\n    on: t4\n    position: supports\n  - actor: dax\n    on: t4\n    position: unclear\n---\nText.\n",
        ),
    ];
    for (step, (slug, text)) in edits.iter().enumerate() {
        let p = root.join(format!("content/briefings/{slug}.md"));
        std::fs::write(&p, text).expect("write");
        let out = engine
            .rebuild(&Changes {
                paths: [p].into_iter().collect(),
                rescan: false,
            })
            .expect("rebuild");
        assert_eq!(out.errors, 0, "{:?}", out.diagnostics);
        let clean_dir = root.join(format!("clean-{step}"));
        let clean = pipeline::build(&options(&root, Some(clean_dir.clone()))).expect("clean");
        assert_eq!(clean.errors, 0);
        let (a, b) = (snapshot(&live), snapshot(&clean_dir));
        let differ: Vec<&String> = (a.keys().chain(b.keys()))
            .filter(|k| a.get(*k) != b.get(*k))
            .collect();
        assert!(differ.is_empty(), "step {step}: files differ: {differ:?}");
        let page = |rel: &str| std::fs::read_to_string(live.join(rel)).ok();
        match step {
            0 => {
                let new = page("compare/brava/dax/index.html").expect("a new comparison");
                assert!(new.contains("They agree on <strong>1 of 1</strong> shared topic (100%)"));
                let matrix = page("alignment/index.html").expect("matrix");
                assert!(
                    matrix.contains("Brava and Alba agree on 3 of 3 topics (100%)"),
                    "{matrix}"
                );
            }
            _ => {
                // Dax keeps t3 with Alba and Brava; with Cora it shares nothing now.
                assert!(page("compare/cora/dax/index.html").is_none());
                assert!(page("compare/alba/dax/index.html").is_some());
            }
        }
    }
}

/// The sample site shows the feature: the European side and Ukraine against the United
/// States and Russia on territorial concessions, and a comparison of Kyiv and Washington.
#[test]
fn the_sample_site_shows_who_agrees_with_whom() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("site");
    let run = build_sample(&out, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).expect(rel);
    let page = read("alignment/index.html");
    assert!(
        page.contains("United States and Russia agree on 1 of 1 topic (100%)"),
        "{page}"
    );
    assert!(rows(&page).len() >= 4, "{:?}", rows(&page));
    let compare = read("compare/ukraine/united-states/index.html");
    assert!(main_of(&compare).contains("They agree on <strong>0 of 2</strong> shared topics"));
    assert!(read("actors/ukraine/index.html").contains("<h2>Compare with</h2>"));
}
