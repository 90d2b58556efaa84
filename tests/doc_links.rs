//! The documentation reads well on any forge: every relative link in README.md,
//! CONTRIBUTING.md and docs/*.md points to a file of the repository and, with a `#anchor`,
//! to a heading of it (GitHub's heading ids); docs/README.md links every page of docs/;
//! nothing points to a document outside the repository.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn documents() -> Vec<PathBuf> {
    let mut docs = vec![repo().join("README.md"), repo().join("CONTRIBUTING.md")];
    let mut pages: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .expect("docs/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    docs.extend(pages);
    docs
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// The link destinations of a Markdown text, in order.
fn links(text: &str) -> Vec<String> {
    Parser::new_ext(text, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// GitHub's id for a heading: lower case, characters other than letters, digits, spaces,
/// `-` and `_` dropped, spaces made `-`; a repeated id gets `-1`, `-2`…
fn github_id(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The ids of every heading of a Markdown text, as GitHub gives them.
fn anchors(text: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut current: Option<String> = None;
    for e in Parser::new_ext(text, options()) {
        match e {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = github_id(&current.take().unwrap_or_default());
                let mut id = base.clone();
                let mut n = 0;
                while ids.contains(&id) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                ids.insert(id);
            }
            _ => {}
        }
    }
    ids
}

fn is_external(url: &str) -> bool {
    url.contains("://") || url.starts_with("mailto:")
}

#[test]
fn github_ids_are_made_as_github_makes_them() {
    assert_eq!(github_id("site.yaml"), "siteyaml");
    assert_eq!(
        github_id("Profiles: actors, places and topics"),
        "profiles-actors-places-and-topics"
    );
    assert_eq!(
        github_id("D015: a name matches no profile: stub created"),
        "d015-a-name-matches-no-profile-stub-created"
    );
    let ids = anchors("# A\n## Install\n## Install\n### `serve` and watch\n");
    for id in ["a", "install", "install-1", "serve-and-watch"] {
        assert!(ids.contains(id), "{id} in {ids:?}");
    }
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).expect("read");
        let dir = doc.parent().expect("a folder");
        let shown = doc
            .strip_prefix(repo())
            .unwrap_or(&doc)
            .display()
            .to_string();
        for url in links(&text) {
            if is_external(&url) {
                continue;
            }
            checked += 1;
            let (path, anchor) = match url.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (url.as_str(), None),
            };
            let target = if path.is_empty() {
                doc.clone()
            } else {
                dir.join(path)
            };
            if !target.exists() {
                broken.push(format!("{shown}: {url}: no file {}", target.display()));
                continue;
            }
            if !target.starts_with(repo()) || !inside_repo(&target) {
                broken.push(format!("{shown}: {url}: outside the repository"));
            }
            if let Some(anchor) = anchor {
                let Ok(linked) = std::fs::read_to_string(&target) else {
                    broken.push(format!("{shown}: {url}: an anchor into a folder"));
                    continue;
                };
                if !anchors(&linked).contains(anchor) {
                    broken.push(format!("{shown}: {url}: no heading #{anchor}"));
                }
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} links found: is the parser reading them?"
    );
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

fn inside_repo(p: &Path) -> bool {
    match (p.canonicalize(), repo().canonicalize()) {
        (Ok(p), Ok(r)) => p.starts_with(r),
        _ => false,
    }
}

#[test]
fn the_docs_index_links_every_page_of_docs() {
    let index = std::fs::read_to_string(repo().join("docs/README.md")).expect("docs/README.md");
    let linked: HashSet<String> = links(&index).into_iter().collect();
    let missing: Vec<String> = documents()
        .iter()
        .filter(|p| p.parent() == Some(&repo().join("docs")))
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .filter(|n| n != "README.md" && !linked.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/README.md does not link: {missing:?}"
    );
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    assert!(links(&readme).iter().any(|l| l == "docs/README.md"));
    assert!(links(&readme).iter().any(|l| l == "docs/content-model.md"));
}

#[test]
fn no_document_points_outside_the_repository() {
    let mut found = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).expect("read");
        for (i, line) in text.lines().enumerate() {
            // A path to a file of no one's checkout, or the contract's own name.
            if line.contains("/work/") || line.contains("shared/content-model") {
                found.push(format!("{}:{}: {line}", doc.display(), i + 1));
            }
        }
        for url in links(&text) {
            // The one content model is docs/content-model.md, linked relatively.
            let ours = ["content-model.md", "docs/content-model.md"]
                .iter()
                .any(|own| url.split('#').next() == Some(own));
            if url.contains("content-model") && !ours {
                found.push(format!("{}: {url}", doc.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn explain_points_to_the_content_model_at_a_heading_it_has() {
    let model = std::fs::read_to_string(repo().join("docs/content-model.md")).expect("read");
    let ids = anchors(&model);
    let mut pointed = 0;
    for code in dossier::diagnostic::Code::ALL {
        let out = assert_cmd::Command::cargo_bin("dossier")
            .expect("binary")
            .args(["explain", code.as_str()])
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        if let Some(at) = text.find("docs/content-model.md#") {
            let anchor = text[at + "docs/content-model.md#".len()..].trim_end();
            assert!(ids.contains(anchor), "{code}: no heading #{anchor}");
            pointed += 1;
        }
    }
    assert!(
        pointed >= 25,
        "only {pointed} codes point to the content model"
    );
    let out = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .args(["explain", "D015"])
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .ends_with("\n\nThe rules it checks: docs/content-model.md#stubs\n")
    );
}
