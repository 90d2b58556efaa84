//! Roles, affiliations and names with dates (`roles:`, `affiliations:`, `names:` on
//! profiles): what briefing pages show of them on their dates, the actor's dated lists, the
//! warning for a voice not affiliated with its actor, former names resolving, and the
//! errors of bad entries.

mod common;

use common::{TestSite, options, snapshot};
use dossier::incremental::{Changes, Engine};
use dossier::pipeline;
use std::time::{Duration, Instant};

const ADA: &str = "---
name: Ada Vance
kind: person
role: Diplomat
roles:
  - {role: Deputy Minister, from: 2019-01-01, to: 2021-06-30}
  - {role: Foreign Minister, from: 2021-07-01}
affiliations:
  - {actor: Northland, from: 2019-01-01}
---
Ada Vance runs Northland's diplomacy.
";

fn site(extra: &[(&'static str, &'static str)]) -> TestSite {
    let mut files: Vec<(&str, &str)> = vec![
        ("content/actors/ada-vance.md", ADA),
        (
            "content/actors/northland.md",
            "---\nname: Northland\nkind: state\n---\nA state.\n",
        ),
        (
            "content/actors/bo-quill.md",
            "---\nname: Bo Quill\nkind: person\n---\nA commentator.\n",
        ),
        (
            "content/topics/talks.md",
            "---\ntitle: Talks\nquestion: Should talks go ahead?\n---\nThe talks.\n",
        ),
        (
            "content/places/pokrovsk.md",
            "---\nname: Pokrovsk\nkind: city\nnames:\n  - {name: Krasnoarmiisk, to: 2016-05-11}\n---\nA city in Donetsk Oblast.\n",
        ),
        (
            "content/briefings/2015-06-01-old.md",
            "---\ntitle: Before the renaming\ndate: 2015-06-01\nactors: [Northland]\nplaces: [Krasnoarmiisk]\nstances:\n  - actor: Northland\n    on: talks\n    position: supports\n    by: Ada Vance\n  - actor: Northland\n    on: talks\n    position: supports\n    by: Bo Quill\n---\nFighting near [[Krasnoarmiisk]].\n",
        ),
        (
            "content/briefings/2020-03-01-deputy.md",
            "---\ntitle: A deputy speaks\ndate: 2020-03-01\nactors: [Ada Vance, Northland]\nplaces: [Pokrovsk]\nstances:\n  - actor: Northland\n    on: talks\n    position: opposes\n    by: Ada Vance\n---\nBody.\n",
        ),
        (
            "content/briefings/2022-03-01-minister.md",
            "---\ntitle: The minister speaks\ndate: 2022-03-01\nactors: [Ada Vance, Northland]\nplaces: [Pokrovsk]\n---\nBody.\n",
        ),
    ];
    files.extend_from_slice(extra);
    TestSite::new(&files)
}

/// The "At a glance" box of a briefing page.
fn facts(html: &str) -> &str {
    let start = html.find("<aside class=\"facts\"").expect("facts");
    let end = html[start..].find("</aside>").expect("closed") + start;
    &html[start..end]
}

#[test]
fn each_briefing_shows_the_role_held_on_its_date() {
    let s = site(&[]);
    let r = s.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = s.page("briefings/deputy/index.html");
    let after = s.page("briefings/minister/index.html");
    assert!(
        facts(&before).contains("Ada Vance</a> <span class=\"role\">Deputy Minister</span>"),
        "{}",
        facts(&before)
    );
    assert!(
        facts(&after).contains("Ada Vance</a> <span class=\"role\">Foreign Minister</span>"),
        "{}",
        facts(&after)
    );
    // The stance table's voice, on the same date.
    assert!(
        before.contains("voiced by <a href=\"../../actors/ada-vance/index.html\">Ada Vance</a>, <span class=\"role\">Deputy Minister</span>"),
        "{before}"
    );
    // The undated `role:` stands for days the list does not cover (2015): and an actor
    // without `roles:` shows none in the chips.
    let old = s.page("briefings/old/index.html");
    assert!(
        old.contains("<span class=\"role\">Diplomat</span>"),
        "{old}"
    );
    assert!(!facts(&after).contains("Northland</a> <span class=\"role\""));
}

#[test]
fn the_actor_page_lists_offices_and_affiliations_with_their_days() {
    let s = site(&[]);
    assert_eq!(s.build().code, 0);
    let page = s.page("actors/ada-vance/index.html");
    let roles = [
        "<li>Deputy Minister <span class=\"period\">1 Jan 2019 – 30 Jun 2021</span></li>",
        "<li>Foreign Minister <span class=\"period\">since 1 Jul 2021</span></li>",
    ];
    let at: Vec<usize> = roles
        .iter()
        .map(|r| page.find(r).unwrap_or_else(|| panic!("{r} in {page}")))
        .collect();
    assert!(at[0] < at[1], "earliest first");
    assert!(
        page.contains("<a href=\"../../actors/northland/index.html\">Northland</a> <span class=\"period\">since 1 Jan 2019</span>"),
        "{page}"
    );
    // The heading keeps the undated role, the one the profile gives for today.
    assert!(page.contains("</span> Diplomat</p>"), "{page}");
}

#[test]
fn a_voice_not_affiliated_with_the_actor_on_the_day_is_warned_about_at_by() {
    let s = site(&[]);
    let r = s.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content/briefings/2015-06-01-old.md:10:9: warning: `Ada Vance` voices a stance of Northland but was not affiliated with it on 2015-06-01"
        ],
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("help: on 2015-06-01 Ada Vance had no affiliation; add an entry to their profile's `affiliations:`, or check `by:`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("code: D099"), "{}", r.stderr);
    // Bo Quill has no affiliation at all: nothing is said of him. Ada on 2020-03-01 was
    // Northland's: nothing either.
}

#[test]
fn the_help_names_the_affiliations_held_that_day() {
    let s = site(&[
        (
            "content/actors/southland.md",
            "---\nname: Southland\nkind: state\n---\nAnother state.\n",
        ),
        (
            "content/actors/cy-undated.md",
            "---\nname: Cy Undated\naffiliation: Northland\n---\nBelongs to Northland, no dates.\n",
        ),
        (
            "content/briefings/2023-01-01-south.md",
            "---\ntitle: For the south\ndate: 2023-01-01\nstances:\n  - {actor: Southland, on: talks, position: mixed, by: Ada Vance}\n  - {actor: Southland, on: talks, position: mixed, by: Cy Undated}\n---\nBody.\n",
        ),
    ]);
    let r = s.build();
    // Cy has only an undated `affiliation:`: not judged.
    assert!(!r.stderr.contains("`Cy Undated` voices"), "{}", r.stderr);
    assert!(
        r.stderr.contains("content/briefings/2023-01-01-south.md:5:56: warning: `Ada Vance` voices a stance of Southland"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("help: on 2023-01-01 Ada Vance was affiliated with Northland;"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_former_name_resolves_to_the_entity_and_is_shown_on_pages_of_its_days() {
    let s = site(&[]);
    assert_eq!(s.build().code, 0);
    let old = s.page("briefings/old/index.html");
    assert!(
        facts(&old).contains("Pokrovsk</a> <span class=\"then\">(then Krasnoarmiisk)</span>"),
        "{}",
        facts(&old)
    );
    // The body's [[Krasnoarmiisk]] links to Pokrovsk's page.
    assert!(
        old.contains("<a href=\"../../places/pokrovsk/index.html\" aria-describedby=\"preview-1\">Krasnoarmiisk</a>"),
        "{old}"
    );
    let later = s.page("briefings/deputy/index.html");
    assert!(!later.contains("(then "), "{later}");
    // The place page lists the name with its days, not among "Also written".
    let place = s.page("places/pokrovsk/index.html");
    assert!(
        place.contains("<li>Krasnoarmiisk <span class=\"period\">until 11 May 2016</span></li>"),
        "{place}"
    );
    assert!(!place.contains("class=\"aliases\""), "{place}");
    // Search finds Pokrovsk by its former name.
    let meta = s.page("search/meta.js");
    assert!(meta.contains("\"Krasnoarmiisk\""), "{meta}");
    // entities.json has the dated lists.
    let json: serde_json::Value =
        serde_json::from_str(&s.page("data/entities.json")).expect("json");
    let pokrovsk = &json["places"][0];
    assert_eq!(
        pokrovsk["names"],
        serde_json::json!([{"name": "Krasnoarmiisk", "from": null, "to": "2016-05-11"}])
    );
    let ada = (json["actors"].as_array().expect("actors").iter())
        .find(|a| a["id"] == "ada-vance")
        .expect("ada");
    assert_eq!(
        ada["roles"][1],
        serde_json::json!({"role": "Foreign Minister", "from": "2021-07-01", "to": null})
    );
    assert_eq!(
        ada["affiliations"],
        serde_json::json!([{"actor": "northland", "from": "2019-01-01", "to": null}])
    );
}

#[test]
fn two_entities_claiming_one_former_name_is_the_ambiguity_error() {
    let s = site(&[(
        "content/places/other.md",
        "---\nname: Other Town\naliases: [KRASNOARMIÏSK]\n---\nElsewhere.\n",
    )]);
    let r = s.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "content/briefings/2015-06-01-old.md:5:10: error: `Krasnoarmiisk` is ambiguous"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_entries_are_errors_at_their_place_and_nothing_is_written() {
    let s = site(&[]);
    assert_eq!(s.build().code, 0);
    let before = snapshot(&s.out());
    s.write(
        "content/actors/ada-vance.md",
        "---
name: Ada Vance
roles:
  - {role: Deputy Minister, from: 2021-02-30}
  - {role: Envoy, from: 2022-01-01, to: 2021-01-01}
  - {from: 2019-01-01}
  - Minister
affiliations:
  - {actor: Northland, from: 24/11/2026}
---
Text.
",
    );
    s.write(
        "content/places/pokrovsk.md",
        "---
name: Pokrovsk
names:
  - {name: Krasnoarmiisk, to: 2016-05-11}
  - {name: Red Town, from: 2010-01-01, to: 2012-01-01}
---
Text.
",
    );
    let r = s.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    let d = r.diagnostics();
    for want in [
        "content/actors/ada-vance.md:4:35: error: `from` of an entry of `roles`: `2021-02-30` is not a date: February 2021 has 28 days",
        "content/actors/ada-vance.md:5:41: error: `to: 2021-01-01` is before `from: 2022-01-01`",
        "content/actors/ada-vance.md:6:5: error: an entry of `roles` needs a `role`",
        "content/actors/ada-vance.md:7:5: error: each entry of `roles` must be a mapping",
        "content/actors/ada-vance.md:9:30: error: `from` of an entry of `affiliations`: `24/11/2026` is not written year-month-day: write 2026-11-24",
        "content/places/pokrovsk.md:5:12: error: `Red Town` (2010-01-01 to 2012-01-01) shares days with `Krasnoarmiisk` (until 2016-05-11): one name at a time",
    ] {
        assert!(
            d.iter().any(|l| l.starts_with(want)),
            "{want}\n{}",
            r.stderr
        );
    }
    for code in ["D095", "D096", "D097", "D098"] {
        assert!(r.stderr.contains(&format!("code: {code}")), "{code}");
    }
    assert!(snapshot(&s.out()) == before, "output changed on error");
}

#[test]
fn thousands_of_entries_stay_fast_and_past_the_limit_are_refused() {
    // Within the 64 KiB front matter limit: 1,700 roles, 2,500 names.
    let mut roles = String::from("---\nname: Many Hats\nroles:\n");
    for i in 0..1_700 {
        roles.push_str(&format!("  - {{role: R{i}, from: 2020-01-01}}\n"));
    }
    roles.push_str("---\nText.\n");
    assert!(roles.len() < 64 * 1024, "{}", roles.len());
    let mut names = String::from("---\nname: Many Names\nnames:\n");
    for i in 0..2_500 {
        names.push_str(&format!("  - {{name: N{i}}}\n"));
    }
    names.push_str("---\nText.\n");
    assert!(names.len() < 64 * 1024, "{}", names.len());
    let s = TestSite::new(&[
        ("content/actors/many-hats.md", &roles),
        ("content/places/many-names.md", &names),
    ]);
    let start = Instant::now();
    let r = s.build();
    let took = start.elapsed();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(took < Duration::from_secs(10), "{took:?}");
    assert!(
        r.stderr.contains("content/actors/many-hats.md:204:5: error: 1700 entries in `roles`: a profile may list at most 200"),
        "{}",
        &r.stderr[..r.stderr.len().min(3000)]
    );
    assert!(r.stderr.contains("2500 entries in `names`"));
    // Up to the limit, every name shares days with the others: one error each, no more.
    let overlaps = r.stderr.matches("one name at a time").count();
    assert_eq!(overlaps, 199);
}

#[test]
fn serve_after_editing_dated_roles_equals_a_clean_build() {
    let s = site(&[]);
    let root = s.root().to_path_buf();
    let live = root.join("live");
    let mut engine = Engine::new(&options(&root, None), &live).expect("engine");
    let first = engine.build_all().expect("first build");
    assert_eq!(first.errors, 0, "{:?}", first.diagnostics);
    // Ada's promotion moves back a year: the 2020 briefing now shows her as minister. Then
    // her affiliation goes, and comes back; then a briefing edit makes her voice another
    // actor's stance (a D099 warning, which serve reports as a clean build does).
    let ada = "content/actors/ada-vance.md";
    let deputy = "content/briefings/2020-03-01-deputy.md";
    let deputy_text = std::fs::read_to_string(root.join(deputy)).expect("read");
    let edits = [
        (
            ada,
            ADA.replace("to: 2021-06-30", "to: 2019-12-31")
                .replace("from: 2021-07-01", "from: 2020-01-01"),
        ),
        (
            ada,
            ADA.replace(
                "affiliations:\n  - {actor: Northland, from: 2019-01-01}\n",
                "",
            ),
        ),
        (ada, ADA.to_string()),
        (
            deputy,
            deputy_text.replace("  - actor: Northland\n", "  - actor: Bo Quill\n"),
        ),
    ];
    for (step, (file, text)) in edits.iter().enumerate() {
        let p = root.join(file);
        std::fs::write(&p, text).expect("write");
        let out = engine
            .rebuild(&Changes {
                paths: [p].into_iter().collect(),
                rescan: false,
            })
            .expect("rebuild");
        let clean_dir = root.join(format!("clean-{step}"));
        let clean = pipeline::build(&options(&root, Some(clean_dir.clone()))).expect("clean");
        assert_eq!(out.diagnostics, clean.diagnostics, "step {step}");
        let (a, b) = (snapshot(&live), snapshot(&clean_dir));
        let differ: Vec<&String> = (a.keys().chain(b.keys()))
            .filter(|k| a.get(*k) != b.get(*k))
            .collect();
        assert!(differ.is_empty(), "step {step}: files differ: {differ:?}");
        if step == 0 {
            let page =
                std::fs::read_to_string(live.join("briefings/deputy/index.html")).expect("page");
            assert!(
                page.contains("Ada Vance</a> <span class=\"role\">Foreign Minister</span>"),
                "{page}"
            );
        }
        if step == 3 {
            assert!(
                (out.diagnostics.iter())
                    .any(|d| d.to_string().contains("voices a stance of Bo Quill")),
                "{:?}",
                out.diagnostics
            );
        }
    }
}

#[test]
fn the_sample_site_has_a_renamed_place_and_a_role_change() {
    let out = tempfile::tempdir().expect("temp");
    let r = common::build_sample(out.path(), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let read = |p: &str| std::fs::read_to_string(out.path().join(p)).expect(p);
    let place = read("places/pokrovsk/index.html");
    assert!(
        place.contains("<li>Krasnoarmiisk <span class=\"period\">until 11 May 2016</span></li>"),
        "{place}"
    );
    let syrskyi = read("actors/oleksandr-syrskyi/index.html");
    assert!(
        syrskyi.contains("<li>Commander of the Ground Forces of Ukraine <span class=\"period\">5 Aug 2019 – 7 Feb 2024</span></li>"),
        "{syrskyi}"
    );
    let briefing = read("briefings/us-military-delegation/index.html");
    assert!(
        briefing.contains("Syrskyi</a>, <span class=\"role\">Commander-in-Chief of the Armed Forces of Ukraine</span>"),
        "{briefing}"
    );
}
