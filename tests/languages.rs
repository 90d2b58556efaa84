//! Multilingual sites: `languages:` in site.yaml, `lang:` and `translation_of:` on briefings
//! and profiles. Each language gets its own tree, pages link their versions both ways, and
//! every language's names resolve everywhere.

mod common;
use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const SITE: &str = "title: Desk\nbase_url: https://example.org/\nlanguage: en\nlanguages:\n  en: {}\n  fr: {title: Bureau, description: Notes en français}\n";

fn site() -> TestSite {
    TestSite::new(&[
        ("site.yaml", SITE),
        (
            "content/actors/ukraine.md",
            "---\nname: Ukraine\naliases: [Ukrainian government]\nrole: State at war\n---\nA country at war.\n",
        ),
        (
            "content/actors/ukraine.fr.md",
            "---\nname: Ukraine\nlang: fr\ntranslation_of: ukraine\naliases: [gouvernement ukrainien]\nrole: État en guerre\n---\nUn pays en guerre.\n",
        ),
        (
            "content/actors/united-states.md",
            "---\nname: United States\naliases: [US]\n---\nA country.\n",
        ),
        (
            "content/actors/united-states.fr.md",
            "---\nname: États-Unis\nlang: fr\ntranslation_of: united-states\n---\nUn pays.\n",
        ),
        ("content/topics/ceasefire.md", "---\nname: Ceasefire\n---\n"),
        (
            "content/briefings/2025-11-20-talks.md",
            "---\ntitle: Talks open\ndate: 2025-11-20\nsummary: Talks opened.\nactors: [Ukraine, United States]\ntopics: [ceasefire]\nstances:\n  - actor: US\n    on: ceasefire\n    position: supports\ntags: [diplomacy]\n---\nThe talks opened.\n",
        ),
        (
            "content/briefings/2025-11-20-pourparlers.md",
            // Names in French and in English both resolve in the French tree.
            "---\ntitle: Ouverture des pourparlers\ndate: 2025-11-20\nlang: fr\ntranslation_of: 2025-11-20-talks\nsummary: Les pourparlers ont commencé.\nactors: [gouvernement ukrainien, États-Unis]\ntopics: [ceasefire]\nstances:\n  - actor: États-Unis\n    on: ceasefire\n    position: supports\ntags: [diplomatie]\n---\nLes pourparlers ont commencé.\n",
        ),
        (
            "content/briefings/2025-11-21-only-english.md",
            "---\ntitle: Only in English\ndate: 2025-11-21\nactors: [États-Unis]\n---\nText.\n",
        ),
    ])
}

/// Every `<link rel="alternate" hreflang>` of each HTML page of `out`: (page URL, hreflang) →
/// target URL, with page URLs made absolute from the page's path.
fn alternates(out: &Path) -> BTreeMap<(String, String), String> {
    let mut found = BTreeMap::new();
    for e in walkdir::WalkDir::new(out) {
        let e = e.expect("walk");
        let p = e.path();
        if p.extension().is_none_or(|x| x != "html") {
            continue;
        }
        let rel = p
            .strip_prefix(out)
            .expect("under out")
            .to_string_lossy()
            .replace('\\', "/");
        let me = format!(
            "https://example.org/{}",
            rel.strip_suffix("index.html").unwrap_or(&rel)
        );
        let html = std::fs::read_to_string(p).expect("read");
        for tag in html.split("<link rel=\"alternate\" hreflang=\"").skip(1) {
            let lang = tag.split('"').next().expect("lang").to_string();
            let href = tag
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
                .expect("href")
                .to_string();
            found.insert((me.clone(), lang), href);
        }
    }
    found
}

#[test]
fn each_language_has_its_own_tree_and_words() {
    let s = site();
    let run = s.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    // English at the root, French under /fr/, each with its own lists, feeds, sitemap
    // and search index.
    for f in [
        "fr/index.html",
        "fr/briefings/index.html",
        "fr/atom.xml",
        "fr/sitemap.xml",
        "fr/search/index.html",
        "fr/style.css",
    ] {
        assert!(s.out().join(f).is_file(), "{f} missing");
    }
    let fr_home = s.page("fr/index.html");
    assert!(fr_home.contains("<html lang=\"fr\""), "{fr_home}");
    assert!(
        fr_home.contains("<title>Bureau</title>"),
        "the tree's own title"
    );
    let fr_list = s.page("fr/briefings/index.html");
    assert!(fr_list.contains("Ouverture des pourparlers"));
    assert!(
        !fr_list.contains("Talks open"),
        "an English briefing in the French list"
    );
    let en_list = s.page("briefings/index.html");
    assert!(en_list.contains("Talks open") && !en_list.contains("Ouverture"));
    // The French tree shows the entity under its French name and profile.
    let us = s.page("fr/actors/united-states/index.html");
    assert!(us.contains("<h1>États-Unis"), "{}", main_of(&us));
    assert!(us.contains("Un pays."));
    assert!(us.contains("Ouverture des pourparlers"));
    let feed = s.page("fr/atom.xml");
    assert!(
        feed.contains("https://example.org/fr/briefings/pourparlers/"),
        "{feed}"
    );
    assert!(!feed.contains("Talks open"));
    let sitemap = s.page("fr/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/fr/briefings/pourparlers/</loc>"));
    // Hosts read these at the root only.
    assert!(!s.out().join("fr/robots.txt").exists());
    assert!(
        s.page("robots.txt")
            .contains("https://example.org/fr/sitemap.xml")
    );
    assert!(
        broken_links(&s.out(), "/").is_empty(),
        "{:?}",
        broken_links(&s.out(), "/")
    );
}

#[test]
fn hreflang_pairs_are_symmetric_and_name_the_versions() {
    let s = site();
    assert_eq!(s.build().code, 0);
    let alt = alternates(&s.out());
    let en = "https://example.org/briefings/talks/".to_string();
    let fr = "https://example.org/fr/briefings/pourparlers/".to_string();
    assert_eq!(alt.get(&(en.clone(), "fr".into())), Some(&fr));
    assert_eq!(alt.get(&(fr.clone(), "en".into())), Some(&en));
    assert_eq!(
        alt.get(&(fr.clone(), "fr".into())),
        Some(&fr),
        "a page names itself too"
    );
    assert_eq!(alt.get(&(fr.clone(), "x-default".into())), Some(&en));
    // A briefing with no version elsewhere links none.
    let alone = "https://example.org/briefings/only-english/".to_string();
    assert!(!alt.keys().any(|(p, _)| *p == alone));
    // Every pair is returned, and every target exists.
    let mut checked = 0;
    for ((page, lang), target) in &alt {
        if lang == "x-default" {
            continue;
        }
        let back = alt
            .iter()
            .find(|((p, _), t)| p == target && *t == page)
            .map(|((_, l), _)| l.clone());
        assert!(back.is_some(), "{page} → {lang} {target} has no link back");
        let rel = target.trim_start_matches("https://example.org/");
        assert!(s.out().join(rel).join("index.html").is_file(), "{target}");
        checked += 1;
    }
    assert!(checked > 20, "only {checked} hreflang links");
    // The switcher links the other version, relative, in its own language.
    let page = s.page("fr/briefings/pourparlers/index.html");
    assert!(
        page.contains("<a href=\"../../../briefings/talks/\" lang=\"en\" hreflang=\"en\""),
        "{page}"
    );
    assert!(page.contains(">English</a>") && page.contains(">Français</a>"));
}

#[test]
fn mistakes_in_languages_are_named_with_their_place() {
    let s = TestSite::new(&[
        ("site.yaml", SITE),
        ("content/actors/kyiv.md", "---\nname: Kyiv\n---\n"),
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: A\ndate: 2025-11-20\n---\nA.\n",
        ),
        (
            "content/briefings/2025-11-20-b.md",
            "---\ntitle: B\ndate: 2025-11-20\nlang: fi\n---\nB.\n",
        ),
        (
            "content/briefings/2025-11-20-c.md",
            "---\ntitle: C\ndate: 2025-11-20\nlang: fr\ntranslation_of: 2025-11-20-aa\n---\nC.\n",
        ),
        (
            "content/briefings/2025-11-20-d.md",
            "---\ntitle: D\ndate: 2025-11-20\nlang: fr\ntranslation_of: 2025-11-20-a\n---\nD.\n",
        ),
        (
            "content/briefings/2025-11-20-e.md",
            "---\ntitle: E\ndate: 2025-11-20\nlang: fr\ntranslation_of: 2025-11-20-a\n---\nE.\n",
        ),
        (
            "content/actors/kyiv.fr.md",
            "---\nname: Kiev\nlang: fr\ntranslation_of: kiyv\n---\n",
        ),
    ]);
    let run = s.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let d: BTreeSet<&str> = run.diagnostics().into_iter().collect();
    let expected = [
        "content/briefings/2025-11-20-b.md:4:7: error: `lang: fi` is not one of the site's languages (en, fr)",
        "content/briefings/2025-11-20-c.md:5:17: error: `translation_of: 2025-11-20-aa` names no briefing",
        "content/briefings/2025-11-20-e.md:5:17: error: a second `fr` version of one briefing: content/briefings/2025-11-20-d.md is one already",
        "content/actors/kyiv.fr.md:4:17: error: `translation_of: kiyv` names no actor profile",
    ];
    for e in expected {
        assert!(d.contains(e), "missing {e}\nin {d:#?}");
    }
    assert!(
        run.stderr.contains("did you mean `kyiv`?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `a`?") || run.stderr.contains("did you mean"));
}

#[test]
fn a_lang_on_a_site_in_one_language_is_an_error() {
    let s = TestSite::new(&[(
        "content/briefings/2025-11-20-a.md",
        "---\ntitle: A\ndate: 2025-11-20\nlang: fr\n---\nA.\n",
    )]);
    let run = s.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.diagnostics()
            .contains(&"content/briefings/2025-11-20-a.md:4:7: error: `lang: fr` is not one of the site's languages (en)"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_language_settings_are_refused() {
    for (yaml, says) in [
        (
            "languages: [en, fr, fr]",
            "`languages`: `fr` is listed twice",
        ),
        (
            "languages: [en, \"../x\"]",
            "`languages`: `../x` is not a language tag",
        ),
        (
            "languages: 3",
            "`languages` must be a list of language tags",
        ),
    ] {
        let s = TestSite::new(&[(
            "site.yaml",
            &format!("title: Desk\nlanguage: en\n{yaml}\n") as &str,
        )]);
        let run = s.run(&["check"]);
        assert_eq!(run.code, 1, "{yaml}");
        assert!(run.stderr.contains(says), "{yaml}: {}", run.stderr);
    }
    // More languages than a site may have: refused, not 1,000 trees.
    let many: Vec<String> = (0..30)
        .map(|i| format!("x{}", (b'a' + i as u8 % 26) as char))
        .collect();
    let s = TestSite::new(&[(
        "site.yaml",
        &format!(
            "title: Desk\nlanguage: en\nlanguages: [{}]\n",
            many.join(", ")
        ) as &str,
    )]);
    let run = s.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("at most 20"), "{}", run.stderr);
}

#[test]
fn two_builds_of_a_multilingual_site_are_identical() {
    let s = site();
    assert_eq!(s.build().code, 0);
    let first = snapshot(&s.out());
    assert_eq!(s.build().code, 0);
    assert_eq!(first, snapshot(&s.out()));
}

/// serve's rebuilds of a multilingual site: after each edit, in either language, the
/// preview equals a clean build.
#[test]
fn serve_output_equals_a_clean_build_after_edits_in_every_language() {
    use dossier::incremental::{Changes, Engine};
    let s = site();
    let root = s.root().to_path_buf();
    let live = root.join("live");
    let mut engine = Engine::new(&options(&root, None), &live).expect("engine");
    let first = engine.build_all().expect("first build");
    assert_eq!(first.errors, 0, "{:?}", first.diagnostics);
    let fr = root.join("content/briefings/2025-11-20-pourparlers.md");
    let en = root.join("content/briefings/2025-11-20-talks.md");
    let us_fr = root.join("content/actors/united-states.fr.md");
    let fr2 = root.join("content/briefings/2025-11-22-suite.md");
    let read = |p: &Path| std::fs::read_to_string(p).expect("read");
    type Edit<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let edits: Vec<Edit> = vec![
        (
            "French title",
            Box::new(|| {
                std::fs::write(&fr, read(&fr).replace("Ouverture des", "Reprise des")).expect("w")
            }),
        ),
        (
            "English body",
            Box::new(|| std::fs::write(&en, format!("{}\nMore.\n", read(&en))).expect("w")),
        ),
        (
            "French profile name",
            Box::new(|| {
                std::fs::write(&us_fr, read(&us_fr).replace("États-Unis", "USA")).expect("w")
            }),
        ),
        (
            "a new French briefing",
            Box::new(|| {
                std::fs::write(
                    &fr2,
                    "---\ntitle: La suite\ndate: 2025-11-22\nlang: fr\nactors: [USA]\n---\nSuite.\n",
                )
                .expect("w")
            }),
        ),
        (
            "the French briefing removed",
            Box::new(|| std::fs::remove_file(&fr2).expect("rm")),
        ),
    ];
    let paths = [
        fr.clone(),
        en.clone(),
        us_fr.clone(),
        fr2.clone(),
        fr2.clone(),
    ];
    for (step, ((what, edit), path)) in edits.iter().zip(paths).enumerate() {
        edit();
        let out = engine
            .rebuild(&Changes {
                paths: [path].into_iter().collect(),
                rescan: false,
            })
            .expect("rebuild");
        assert_eq!(out.errors, 0, "{what}: {:?}", out.diagnostics);
        let clean_dir = root.join(format!("clean-{step}"));
        let clean = dossier::pipeline::build(&options(&root, Some(clean_dir.clone())))
            .expect("clean build");
        assert_eq!(clean.errors, 0);
        let (a, b) = (snapshot(&live), snapshot(&clean_dir));
        let differ: Vec<&String> = a
            .keys()
            .chain(b.keys())
            .filter(|k| a.get(*k) != b.get(*k))
            .collect();
        assert!(differ.is_empty(), "{what}: files differ: {differ:?}");
        std::fs::remove_dir_all(&clean_dir).expect("rm clean");
    }
    let page =
        std::fs::read_to_string(live.join("fr/briefings/pourparlers/index.html")).expect("page");
    assert!(page.contains("Reprise des pourparlers"));
}
