//! What analysts and machines read: `data/stances.csv` matches the stance tables on the
//! pages, JSON-LD names every entity a page shows, and Atom feeds follow the Atom rules.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The text between the first `start` after `from` and the next `end`.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(&s[i..j])
}

/// The id in the first `href="…/<kind>/<id>/index.html"` of `html`.
fn linked_id<'a>(html: &'a str, kind: &str) -> &'a str {
    let pat = format!("{kind}/");
    let at = html
        .find(&pat)
        .unwrap_or_else(|| panic!("no {kind} link in {html}"));
    let rest = &html[at + pat.len()..];
    &rest[..rest.find('/').unwrap()]
}

/// (briefing slug, actor id, topic id, position) of every stance row on the briefing pages.
fn stance_rows_on_pages(out: &Path) -> Vec<[String; 4]> {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(out.join("briefings")).unwrap() {
        let dir = entry.unwrap().path();
        // `briefings/` also holds the list of every briefing (`index.html`, `page/N/`).
        let Ok(html) = std::fs::read_to_string(dir.join("index.html")) else {
            continue;
        };
        let slug = dir.file_name().unwrap().to_string_lossy().to_string();
        let Some(table) = between(&html, "<table class=\"stances\">", "</table>") else {
            continue;
        };
        for tr in table.split("<tr id=\"stance-").skip(1) {
            let cells: Vec<&str> = tr.split("<td").collect();
            let position = between(tr, "badge glyph pos-", "\"").unwrap();
            rows.push([
                slug.clone(),
                linked_id(cells[0], "actors").to_string(),
                linked_id(cells[1], "topics").to_string(),
                position.to_string(),
            ]);
        }
    }
    rows.sort();
    rows
}

#[test]
fn stances_csv_has_exactly_the_rows_the_briefing_pages_show() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    let mut reader = csv::Reader::from_path(out.join("data/stances.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (slug, actor, topic, position, url, quote) = (
        col("briefing_slug"),
        col("actor_id"),
        col("topic_id"),
        col("position"),
        col("briefing_url"),
        col("quote"),
    );
    let mut from_csv = Vec::new();
    let mut quotes = 0;
    for record in reader.records() {
        let r = record.unwrap();
        assert_eq!(r.len(), headers.len(), "{r:?}");
        assert!(
            r[url].starts_with("https://example.org/briefings/"),
            "{r:?}"
        );
        assert!(r[url].ends_with(&format!("/{}/", &r[slug])), "{r:?}");
        quotes += usize::from(!r[quote].is_empty());
        from_csv.push([
            r[slug].to_string(),
            r[actor].to_string(),
            r[topic].to_string(),
            r[position].to_string(),
        ]);
    }
    from_csv.sort();
    // The CSV holds each value as a spreadsheet must not run it (see `neutralised`).
    let mut on_pages: Vec<[String; 4]> = stance_rows_on_pages(&out)
        .into_iter()
        .map(|row| row.map(|v| neutralised(&v)))
        .collect();
    on_pages.sort();
    assert!(on_pages.len() >= 10, "{on_pages:?}");
    assert!(quotes >= 5);
    assert_eq!(from_csv, on_pages);
    // Linked from every topic and actor page.
    let topic = std::fs::read_to_string(out.join("topics/us-peace-plan/index.html")).unwrap();
    assert!(topic.contains("href=\"../../data/stances.csv\""));
    let actor = std::fs::read_to_string(out.join("actors/ukraine/index.html")).unwrap();
    assert!(actor.contains("href=\"../../data/graph.json\""));
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks_per_rfc_4180() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\nstances:\n  - actor: Kyiv, the government\n    on: plan\n    position: mixed\n    quote: \"He said \\\"no, never\\\",\\nthen left.\"\n---\n",
    )]);
    assert_eq!(site.build().code, 0);
    let bytes = std::fs::read(site.out().join("data/stances.csv")).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains("\"He said \"\"no, never\"\",\nthen left.\""),
        "{text}"
    );
    assert!(text.contains("\r\n"));
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let r = reader.records().next().unwrap().unwrap();
    assert_eq!(&r[4], "Kyiv, the government");
    assert_eq!(&r[8], "He said \"no, never\",\nthen left.");
}

#[test]
fn entities_and_graph_json_describe_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    let read = |p: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(out.join(p)).unwrap()).unwrap()
    };
    let entities = read("data/entities.json");
    let actors = entities["actors"].as_array().unwrap();
    let z = actors
        .iter()
        .find(|a| a["id"] == "volodymyr-zelenskiy")
        .unwrap();
    assert!(
        z["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Zelenskyy")
    );
    assert_eq!(z["kind"], "person");
    assert_eq!(z["url"], "https://example.org/actors/volodymyr-zelenskiy/");
    assert_eq!(z["briefings"], 5);
    assert!(actors.iter().any(|a| a["stub"] == true));
    let pokrovsk = entities["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "pokrovsk")
        .unwrap();
    assert!(pokrovsk["coords"].is_array());
    assert!(
        entities["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["question"].is_string())
    );

    let graph = read("data/graph.json");
    let nodes: Vec<&str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let edges = graph["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        assert!(nodes.contains(&e["source"].as_str().unwrap()), "{e}");
        assert!(nodes.contains(&e["target"].as_str().unwrap()), "{e}");
        assert!(e["weight"].as_u64().unwrap() >= 1);
    }
    let weight = |a: &str, b: &str| {
        edges
            .iter()
            .find(|e| {
                (e["source"] == a && e["target"] == b) || (e["source"] == b && e["target"] == a)
            })
            .map(|e| e["weight"].as_u64().unwrap())
    };
    // Named together in four briefings (the actor page's "Named alongside" says 4).
    assert_eq!(
        weight("actor:volodymyr-zelenskiy", "actor:united-states"),
        Some(4)
    );
}

/// The child elements of `n` named `name`.
fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    n.children()
        .filter(|c| c.tag_name().name() == name)
        .collect()
}

fn json_ld(html: &str) -> Option<serde_json::Value> {
    let text = between(html, "<script type=\"application/ld+json\">", "</script>")?;
    Some(serde_json::from_str(text).unwrap_or_else(|e| panic!("bad JSON-LD {e}: {text}")))
}

#[test]
fn json_ld_of_every_page_parses_and_names_each_entity_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    // The sample publishes in English (at the root) and French (under fr/): each tree's
    // pages name its own addresses and its own title.
    let mut checked = BTreeMap::new();
    let mut checked_fr = BTreeMap::new();
    let mut cited_urls = 0;
    for (full, bytes) in snapshot(&out) {
        if !full.ends_with(".html") {
            continue;
        }
        let (rel, base, publisher, checked) = match full.strip_prefix("fr/") {
            Some(rel) => (
                rel.to_string(),
                "https://example.org/fr/",
                "Bureau de veille Dossier",
                &mut checked_fr,
            ),
            None => (
                full.clone(),
                "https://example.org/",
                "Dossier Sample Desk",
                &mut checked,
            ),
        };
        let html = String::from_utf8(bytes).unwrap();
        let Some(ld) = json_ld(&html) else {
            continue;
        };
        assert_eq!(ld["@context"], "https://schema.org", "{full}");
        let kind = rel.split('/').next().unwrap().to_string();
        *checked.entry(kind.clone()).or_insert(0) += 1;
        match kind.as_str() {
            "briefings" => {
                assert_eq!(ld["@type"], "AnalysisNewsArticle", "{full}");
                assert!(ld["headline"].is_string() && ld["datePublished"].is_string());
                assert!(ld["dateModified"].is_string());
                assert_eq!(ld["publisher"]["name"], publisher, "{full}");
                // Every briefing has an author (the sample sets `default_author`): each one the
                // byline links to, as a Person with the author page's URL.
                let authors: Vec<String> = (ld["author"].as_array().into_iter().flatten())
                    .inspect(|a| assert_eq!(a["@type"], "Person", "{rel}: {a}"))
                    .map(|a| a["url"].as_str().unwrap().to_string())
                    .collect();
                let byline = between(&html, "<p class=\"byline\">", "</p>").unwrap();
                let byline = byline.split("<span class=\"reviewed-by\">").next().unwrap();
                let shown: Vec<String> = (links(byline).into_iter())
                    .map(|h| {
                        let path = h.trim_start_matches("../").trim_end_matches("index.html");
                        format!("{base}{path}")
                    })
                    .collect();
                assert!(!shown.is_empty(), "{full}: no byline");
                assert_eq!(authors, shown, "{full}");
                let url = format!("{base}{}", rel.trim_end_matches("index.html"));
                assert_eq!(ld["url"], url, "{full}");
                // Sources stay citations with their titles and URLs, tags keywords; what the
                // <head> already says (meta description, lang, the URL again) is not repeated.
                for c in ld["citation"].as_array().into_iter().flatten() {
                    assert!(c["name"].is_string(), "{rel}: {c}");
                    cited_urls += usize::from(c["url"].is_string());
                }
                assert!(ld["keywords"].is_array(), "{rel}");
                for gone in ["description", "inLanguage", "mainEntityOfPage"] {
                    assert!(ld.get(gone).is_none(), "{rel}: {gone}");
                }
                let named: Vec<String> = ld["mentions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .chain(ld["about"].as_array().into_iter().flatten())
                    .map(|m| m["url"].as_str().unwrap().to_string())
                    .collect();
                // Every actor, place and topic chip of the page is in the JSON-LD.
                let glance = between(&html, "<aside class=\"facts\"", "</aside>").unwrap_or("");
                for href in links(glance) {
                    if href.contains("/tags/") {
                        continue;
                    }
                    let path = href
                        .trim_start_matches("../")
                        .trim_end_matches("index.html");
                    let url = format!("{base}{path}");
                    assert!(named.contains(&url), "{full}: {url} not in {named:?}");
                }
                for m in ld["mentions"].as_array().unwrap() {
                    let t = m["@type"].as_str().unwrap();
                    assert!(
                        ["Person", "Organization", "Place", "Thing"].contains(&t),
                        "{t}"
                    );
                }
            }
            "actors" => {
                let t = ld["@type"].as_str().unwrap();
                assert!(
                    ["Person", "Organization", "Thing"].contains(&t),
                    "{rel}: {t}"
                );
                let h1 = between(&html, "<h1>", "</h1>").unwrap();
                assert_eq!(ld["name"], h1, "{rel}");
            }
            "places" => {
                assert_eq!(ld["@type"], "Place", "{rel}");
            }
            "authors" => {
                assert_eq!(ld["@type"], "Person", "{rel}");
                let h1 = between(&html, "<h1>", "</h1>").unwrap();
                assert_eq!(ld["name"], h1, "{rel}");
            }
            other => panic!("unexpected JSON-LD on {other}: {full}"),
        }
    }
    assert_eq!(checked.get("briefings"), Some(&11), "{checked:?}");
    // The four translated briefings; every profile has a page in every tree (stubs only in
    // the tree whose briefings name them).
    assert_eq!(checked_fr.get("briefings"), Some(&4), "{checked_fr:?}");
    for kind in ["actors", "places"] {
        let profiles = std::fs::read_dir(repo().join("content").join(kind))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|f| f.ends_with(".md") && !f.ends_with(".fr.md"))
            .count();
        assert_eq!(checked_fr.get(kind), Some(&profiles), "{kind}");
    }
    assert!(cited_urls > 8, "only {cited_urls} citations with a URL");
    assert!(
        checked["actors"] >= 12 && checked["places"] >= 8,
        "{checked:?}"
    );
    let pokrovsk =
        json_ld(&std::fs::read_to_string(out.join("places/pokrovsk/index.html")).unwrap()).unwrap();
    assert_eq!(pokrovsk["geo"]["@type"], "GeoCoordinates");
    assert!(pokrovsk["geo"]["latitude"].is_f64());
    let z = json_ld(
        &std::fs::read_to_string(out.join("actors/volodymyr-zelenskiy/index.html")).unwrap(),
    )
    .unwrap();
    assert_eq!(z["@type"], "Person");
    assert_eq!(z["jobTitle"], "President of Ukraine");
}

#[test]
fn json_ld_cannot_be_closed_by_front_matter() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: \"</script><script>alert(1)</script>\"\nactors: [\"A </script> B\"]\n---\n",
    )]);
    assert_eq!(site.build().code, 0);
    let page = site.page("briefings/x/index.html");
    assert!(!page.contains("<script>alert"), "{page}");
    let ld = json_ld(&page).unwrap();
    assert_eq!(ld["headline"], "</script><script>alert(1)</script>");
}

#[test]
fn atom_feeds_follow_the_atom_rules() {
    let site = TestSite::new(&[
        (
            "site.yaml",
            "title: Desk & Co\nbase_url: https://example.org/desk/\n",
        ),
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: \"<b>AT&T</b> says \\\"no\\\"\"\nsummary: \"5 < 6 & 7 > 3\"\nactors: [Kyiv]\n---\n",
        ),
        (
            "content/briefings/2025-11-21-b.md",
            "---\ntitle: B\nupdated: 2025-11-22T08:00:00Z\nactors: [Kyiv]\n---\n",
        ),
    ]);
    assert_eq!(site.build().code, 0);
    let mut feeds = 0;
    for (rel, bytes) in snapshot(&site.out()) {
        if !rel.ends_with("atom.xml") {
            continue;
        }
        feeds += 1;
        let text = String::from_utf8(bytes).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().name(), "feed");
        assert_eq!(
            feed.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        for required in ["id", "title", "updated", "author"] {
            assert_eq!(child(feed, required).len(), 1, "{rel}: feed {required}");
        }
        let absolute = |u: &str| u.starts_with("https://example.org/desk/");
        for link in child(feed, "link") {
            assert!(absolute(link.attribute("href").unwrap()), "{rel}");
        }
        assert!(
            child(feed, "link")
                .iter()
                .any(|l| l.attribute("rel") == Some("self"))
        );
        let mut ids = std::collections::HashSet::new();
        for entry in child(feed, "entry") {
            for required in ["id", "title", "updated"] {
                assert_eq!(child(entry, required).len(), 1, "{rel}: entry {required}");
            }
            let id = child(entry, "id")[0].text().unwrap();
            assert!(absolute(id), "{rel}: {id}");
            assert!(ids.insert(id.to_string()), "{rel}: duplicate id {id}");
            for link in child(entry, "link") {
                assert!(absolute(link.attribute("href").unwrap()));
            }
            let updated = child(entry, "updated")[0].text().unwrap();
            assert!(updated.parse::<jiff::Timestamp>().is_ok(), "{updated}");
        }
        if rel == "atom.xml" {
            let titles: Vec<&str> = child(feed, "entry")
                .iter()
                .map(|e| child(*e, "title")[0].text().unwrap())
                .collect();
            assert!(titles.contains(&"<b>AT&T</b> says \"no\""), "{titles:?}");
            assert_eq!(child(feed, "title")[0].text(), Some("Desk & Co"));
            assert_eq!(
                child(feed, "updated")[0].text(),
                Some("2025-11-22T08:00:00Z")
            );
        }
    }
    assert!(feeds >= 2, "site feed and the actor's feed");
}

#[test]
fn feeds_of_a_site_without_a_host_still_have_absolute_ids() {
    let site = TestSite::new(&[
        ("site.yaml", "title: Desk\nbase_url: /desk/\n"),
        ("content/briefings/2025-11-20-a.md", "---\ntitle: A\n---\n"),
    ]);
    assert_eq!(site.build().code, 0);
    let text = site.page("atom.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let feed = doc.root_element();
    assert_eq!(
        child(feed, "id")[0].text(),
        Some("urn:dossier:desk:desk/atom.xml")
    );
    let entry = child(feed, "entry")[0];
    assert_eq!(
        child(entry, "id")[0].text(),
        Some("urn:dossier:desk:desk/briefings/a/")
    );
}

/// A cell as stances.csv writes it: an apostrophe before a value that a spreadsheet would
/// read as a formula (or that starts with an apostrophe itself).
fn neutralised(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

#[test]
fn csv_cells_that_spreadsheets_read_as_formulas_start_with_an_apostrophe() {
    let starts = ["=", "+", "-", "@", "\\t", "\\r"];
    let stances: String = starts
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "  - actor: \"{s}Actor{i}\"\n    on: \"{s}topic {i}\"\n    position: mixed\n    quote: \"{s}HYPERLINK(\\\"http://evil.example/\\\",\\\"x{i}\\\")\"\n    by: \"{s}Voice{i}\"\n    source: {}\n",
                i + 1
            )
        })
        .collect();
    let sources: String = starts
        .iter()
        .map(|s| format!("  - title: \"{s}cmd|' /C calc'!A0\"\n    url: https://example.org/\n"))
        .collect();
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        &format!("---\ntitle: X\nstances:\n{stances}sources:\n{sources}---\n"),
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(site.out().join("data/stances.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let mut neutralised_cells = 0;
    for row in &rows {
        for (name, cell) in headers.iter().zip(row.iter()) {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{name}: {cell:?} would be a formula"
            );
            neutralised_cells += usize::from(cell.starts_with('\''));
        }
    }
    // Names are trimmed (a leading tab or carriage return goes) and a carriage return is
    // dropped from every value, so: five quotes, voices and source titles, four actor and
    // topic names.
    assert!(neutralised_cells >= 5 * 3 + 4 * 2, "{neutralised_cells}");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    for (i, s) in ["=", "+", "-", "@", "\t", "\r"].iter().enumerate() {
        let quote = format!("{s}HYPERLINK(\"http://evil.example/\",\"x{i}\")");
        assert!(
            rows.iter().any(|r| r[col("quote")] == neutralised(&quote)
                || r[col("quote")] == neutralised(quote.trim_start_matches('\r'))),
            "{quote:?} not in {rows:?}"
        );
    }
}
