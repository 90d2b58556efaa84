//! The search index folds words per language as `search.js` folds a query (the shared cases
//! are in tests/fixtures/search-folding.txt; tests/page_quality.rs runs the queries in a
//! browser): a name's aliases in other scripts are terms of the briefings naming it, an
//! apostrophe inside a Ukrainian word stays in it, Arabic variants and digits meet. Hostile
//! names and bodies (runs of combining marks, tatweels, apostrophes) build in linear time.

mod common;
use common::*;

/// The entry of `word` in its file of `search/w/`: `[briefings, lists]`.
fn entry(site: &TestSite, key: &str, word: &str) -> serde_json::Value {
    let file = site.page(&format!("search/w/{key}.js"));
    let json = (file.strip_prefix(&format!("dossierSearch(\"w/{key}\",")))
        .and_then(|f| f.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("not a search script: {file}"));
    let words: serde_json::Value = serde_json::from_str(json).expect("json");
    words[word].clone()
}

#[test]
fn aliases_in_other_scripts_and_folded_words_are_terms_of_their_briefings() {
    let site = TestSite::fixture("search-languages");
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Briefings are numbered newest first: 0 names Kyiv, 3 is Ukrainian, 4 Arabic.
    // `Київ` folds to `киів` (ї loses its diaeresis), listed under names (the second list).
    assert_eq!(
        entry(&site, "_43a_438", "киів"),
        serde_json::json!([1, ["", "A", "", "", ""]])
    );
    assert_eq!(
        entry(&site, "_643_64a", "كييف"),
        serde_json::json!([1, ["", "A", "", "", ""]])
    );
    // `м’ясо` in the title and `м'ясо` in the body: one word, `мясо`, best in the title.
    let meat = entry(&site, "_43c_44f", "мясо");
    assert_eq!(meat[0], 1);
    assert_eq!(meat[1], serde_json::json!(["D", "", "", "", ""]));
    // `مؤتمر` (hamza on waw) is `موتمر`; `٢٠٢٥` is `2025`.
    assert_eq!(
        entry(&site, "_645_648", "موتمر")[1],
        serde_json::json!(["E", "", "", "", ""])
    );
    assert_eq!(
        entry(&site, "20", "2025")[1],
        serde_json::json!(["", "", "", "", "E"])
    );
    // The text of a token is the word as written, apostrophe and all.
    let text = site.page("search/t/0.js");
    assert!(text.contains("\"м’ясо\""), "{text}");
    assert!(!text.contains("\"ясо\""), "{text}");
}

#[test]
fn hostile_names_and_bodies_of_marks_tatweels_and_apostrophes_build_in_linear_time() {
    // A name of 10,000 combining marks, an alias of 10,000 tatweels, a body with a word of
    // 100,000 tatweels and one of 100,000 apostrophes between Cyrillic letters.
    let marks = "\u{301}\u{316}".repeat(5_000);
    let tatweels = "\u{640}".repeat(10_000);
    let body = format!(
        "Before ك{}ي and {}я after.\n",
        "\u{640}".repeat(100_000),
        "м’".repeat(100_000)
    );
    let site = TestSite::new(&[
        (
            "content/actors/odd.md",
            &format!("---\nname: Odd{marks}\naliases: [\"ك{tatweels}ي\"]\n---\n"),
        ),
        (
            "content/briefings/2025-11-20-odd.md",
            &format!("---\ntitle: Strange spellings\nactors: [odd]\n---\n{body}"),
        ),
    ]);
    let start = std::time::Instant::now();
    let r = site.build();
    let took = start.elapsed();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A quadratic pass over 100,000 characters would take minutes in a debug build.
    assert!(took.as_secs() < 30, "{took:?}");
    // The name folds to its letters; the alias and the stretched word to two letters each.
    assert_eq!(entry(&site, "od", "odd")[1][1], "A");
    assert_eq!(entry(&site, "_643_64a", "كي")[0], 1);
    let long = format!("{}я", "м".repeat(100_000));
    assert_eq!(entry(&site, "_43c_43c", &long)[1][4], "A");
}
