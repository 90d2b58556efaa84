//! `dossier init` and `dossier new`: a starter site, and briefings and profiles with their
//! front matter filled in. Never overwrites a file it was not told it may replace.

use crate::model::{Kind, PerKind};
use crate::slug::slugify;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be created.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{0} is not empty: choose a new folder, or pass --force to write into it")]
    NotEmpty(PathBuf),
    #[error("{0} already exists: not overwritten (edit it, or choose another title or name)")]
    Exists(PathBuf),
    #[error(
        "no site.yaml in {0}: run `dossier init {0}` first, or pass the site's folder with --root"
    )]
    NotASite(PathBuf),
    #[error("`{0}` has no letters or digits to make a file name from")]
    NoLetters(String),
    #[error("--date {0}: use YYYY-MM-DD, such as 2025-11-20")]
    BadDate(String),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The names a new briefing starts with, by kind.
pub type Names = PerKind<Vec<String>>;

/// Writes a starter site into `dir` (created if missing): site.yaml, a README, a
/// .gitignore, and one briefing naming one actor, place and topic. Returns the files
/// written, relative to `dir`.
pub fn init(
    dir: &Path,
    force: bool,
    today: jiff::civil::Date,
) -> Result<Vec<String>, ScaffoldError> {
    let io = |source| ScaffoldError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(io)?;
        if entries.next().is_some() && !force {
            return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
        }
    }
    let title = dir
        .canonicalize()
        .ok()
        .or_else(|| Some(dir.to_path_buf()))
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().to_string()))
        .map(|n| title_case(&n))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "My Briefings".to_string());
    let date = today.to_string();
    let files = starter_files(&title, &date);
    let mut written = Vec::new();
    for (rel, text) in &files {
        write(&dir.join(rel), text, force)?;
        written.push(rel.clone());
    }
    Ok(written)
}

/// A briefing `dossier new` wrote.
#[derive(Debug)]
pub struct NewBriefing {
    /// Its path in the site, such as `content/briefings/2025-11-20-talks.md`.
    pub path: PathBuf,
    /// The `slug:` written into it when the one its file name gives is taken by another
    /// briefing, with that taken slug: `(morning-briefing-2025-11-21, morning-briefing)`.
    pub slug: Option<(String, String)>,
}

/// Writes `content/briefings/YYYY-MM-DD-<slug>.md` into the site at `root`, as a draft.
/// When another briefing already has the slug the file name gives (`2025-11-20-talks.md`
/// and `2025-11-21-talks.md` are both `talks`), it writes `slug: talks-2025-11-21`, so
/// the next build does not stop at a duplicate slug.
pub fn new_briefing(
    root: &Path,
    title: &str,
    date: Option<&str>,
    today: jiff::civil::Date,
    names: &Names,
) -> Result<NewBriefing, ScaffoldError> {
    require_site(root)?;
    let date = match date {
        Some(d) => d
            .trim()
            .parse::<jiff::civil::Date>()
            .map_err(|_| ScaffoldError::BadDate(d.to_string()))?,
        None => today,
    };
    let base = slugify(title);
    if base.is_empty() {
        return Err(ScaffoldError::NoLetters(title.to_string()));
    }
    let rel = PathBuf::from(format!("content/briefings/{date}-{base}.md"));
    // The file itself is refused below if it exists; only other files' slugs matter.
    let taken = briefing_slugs(&root.join("content"));
    let slug = taken
        .contains(&base)
        .then(|| unique_slug(&base, &date.to_string(), &taken))
        .map(|s| (s, base.clone()));
    let own = slug.as_ref().map(|(s, _)| s.as_str());
    write(
        &root.join(&rel),
        &briefing_text(title, &date.to_string(), own, names),
        false,
    )
    .map_err(|e| shown_as(e, &rel))?;
    Ok(NewBriefing { path: rel, slug })
}

/// How many files `new` looks at for slugs already taken: far past any real archive, and
/// a bound on the time a hostile tree (millions of files, deep links) can take.
const MAX_SCANNED: usize = 2_000_000;

/// The slugs the briefings under `content` get from their file names (what a build would
/// give them unless their front matter sets `slug:`). Profiles' folders are skipped;
/// links are not followed, so nothing outside the site is listed.
fn briefing_slugs(content: &Path) -> std::collections::HashSet<String> {
    walkdir::WalkDir::new(content)
        .follow_links(false)
        .max_depth(64)
        .into_iter()
        .filter_entry(|e| {
            // `content/actors/` and its siblings hold profiles, not briefings.
            e.depth() != 1 || !e.file_type().is_dir() || {
                let name = e.file_name().to_string_lossy();
                Kind::from_dir(&name).is_none()
            }
        })
        .take(MAX_SCANNED)
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let name = e.file_name().to_str()?;
            // `.md` in any case, as the build reads them.
            let md = name.len() > 3
                && name.is_char_boundary(name.len() - 3)
                && name[name.len() - 3..].eq_ignore_ascii_case(".md");
            md.then_some(())?;
            crate::parse::slug_from_file_name(name).map(|s| s.as_str().to_string())
        })
        .collect()
}

/// `base-DATE`, or `base-DATE-2`, `-3`… when even that is taken.
fn unique_slug(base: &str, date: &str, taken: &std::collections::HashSet<String>) -> String {
    let dated = format!("{base}-{date}");
    // `taken` is finite, so one of its length + 1 candidates is free.
    std::iter::once(dated.clone())
        .chain((2..=taken.len() + 1).map(|n| format!("{dated}-{n}")))
        .find(|s| !taken.contains(s))
        .unwrap_or(dated)
}

/// Writes `content/<kind>s/<id>.md` into the site at `root`.
pub fn new_profile(root: &Path, kind: Kind, name: &str) -> Result<PathBuf, ScaffoldError> {
    require_site(root)?;
    let id = slugify(name);
    if id.is_empty() {
        return Err(ScaffoldError::NoLetters(name.to_string()));
    }
    let rel = PathBuf::from(format!("content/{}/{id}.md", kind.dir()));
    let text = crate::parse::starter_profile(kind, &quoted(name));
    write(&root.join(&rel), &text, false).map_err(|e| shown_as(e, &rel))?;
    Ok(rel)
}

/// Names an existing file by its path in the site, as the user knows it.
fn shown_as(e: ScaffoldError, rel: &Path) -> ScaffoldError {
    match e {
        ScaffoldError::Exists(_) => ScaffoldError::Exists(rel.to_path_buf()),
        other => other,
    }
}

fn require_site(root: &Path) -> Result<(), ScaffoldError> {
    if root.join("site.yaml").is_file() {
        Ok(())
    } else {
        Err(ScaffoldError::NotASite(root.to_path_buf()))
    }
}

/// Creates `path` with `text`; an existing file is replaced only when `replace` is set.
fn write(path: &Path, text: &str, replace: bool) -> Result<(), ScaffoldError> {
    let io = |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if replace {
        options.create(true).truncate(true);
    } else {
        // create_new: an existing file is refused by the system, with no race.
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            ScaffoldError::Exists(path.to_path_buf())
        } else {
            io(e)
        }
    })?;
    file.write_all(text.as_bytes()).map_err(io)
}

/// A YAML scalar that reads back as `s` whatever it holds (`:`, `#`, quotes): JSON strings
/// are YAML 1.2 double-quoted scalars.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.replace('"', "'")))
}

fn list(names: &[String]) -> String {
    let items: Vec<String> = names.iter().map(|n| quoted(n.trim())).collect();
    format!("[{}]", items.join(", "))
}

/// The text of a new briefing: a draft, with `slug:` when one is given. Its commented
/// lines (summary, stances, sources, confidence) become valid YAML when their leading
/// `# ` is removed; the stance names the first actor and topic given, if any.
pub fn briefing_text(title: &str, date: &str, slug: Option<&str>, names: &Names) -> String {
    let mut lists = String::new();
    for (i, (kind, given)) in names.iter().enumerate() {
        let note = if i == 0 {
            "            # ids, names or aliases"
        } else {
            ""
        };
        lists += &format!("{}: {}{note}\n", kind.dir(), list(given));
    }
    let first = |kind: Kind, placeholder: &str| {
        names[kind]
            .first()
            .map(|n| quoted(n.trim()))
            .unwrap_or_else(|| placeholder.to_string())
    };
    let slug = slug.map(|s| format!("slug: {s}\n")).unwrap_or_default();
    format!(
        "---
title: {title}
date: {date}
{slug}# summary: One sentence for lists, feeds and search.
{lists}# stances:                      # remove the leading \"# \" of a line to use it
#   - {{actor: {actor}, on: {topic}, position: supports, source: 1}}   # supports | opposes | mixed | neutral | unclear
# sources:                      # `source: 1` above is the first of these
#   - {{title: TITLE, url: \"https://example.com/\", publisher: PUBLISHER, date: {date}}}
tags: []
# confidence: moderate          # low | moderate | high
draft: true                     # remove this line to publish
---
Write the briefing here, in Markdown. Link an entity with `[[its name]]`, another
briefing with `[[briefing:its-slug]]`.
",
        title = quoted(title),
        actor = first(Kind::Actor, "ACTOR"),
        topic = first(Kind::Topic, "TOPIC"),
    )
}

/// `my-desk` → `My Desk`.
fn title_case(folder: &str) -> String {
    folder
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn starter_files(title: &str, date: &str) -> Vec<(String, String)> {
    vec![
        (
            "site.yaml".into(),
            format!(
                "title: {}
description: Briefings on who stands where.
language: en
base_url: /          # where the site is served, such as https://example.org/desk/
# page_size: 50      # items per page of the timeline, entity pages, tags and indexes (1 to 1000)
",
                quoted(title)
            ),
        ),
        (".gitignore".into(), "output/\n.dossier/\n".into()),
        ("README.md".into(), README.replace("{title}", title)),
        (
            format!("content/briefings/{date}-welcome.md"),
            format!(
                "---
title: Welcome to your briefings
date: {date}
summary: A first briefing that names an actor, a place and a topic.
actors: [European Commission]
places: [Brussels]
topics: [energy-prices]
stances:
  - {{actor: Commission, on: energy-prices, position: supports, source: 1}}
sources:
  - {{title: Example source, url: \"https://example.com/\", publisher: Example News, date: {date}}}
tags: [getting-started]
confidence: moderate
---
This briefing names [[European Commission]] (here by its alias [[Commission]]),
[[Brussels]] and the topic [[topic:energy-prices]]. Each gets a page that lists the
briefings naming it; the topic's page shows every actor's stance.

Write your own with `dossier new briefing \"A title\"`, then run `dossier build`.
"
            ),
        ),
        (
            "content/actors/european-commission.md".into(),
            "---
name: European Commission
aliases: [Commission, EC]
kind: organization
role: Executive of the European Union
---
The European Union's executive: it proposes laws and negotiates for the Union.
"
            .into(),
        ),
        (
            "content/places/brussels.md".into(),
            "---
name: Brussels
kind: city
coords: [50.85, 4.35]
---
Capital of Belgium, seat of the European Commission.
"
            .into(),
        ),
        (
            "content/topics/energy-prices.md".into(),
            "---
title: Energy prices
question: Should the EU cap wholesale gas prices?
---
Who supports a cap, who opposes it, and how positions move.
"
            .into(),
        ),
    ]
}

const README: &str = "# {title}

A Dossier site: briefings in Markdown with YAML front matter,
built into a cross-linked HTML site.

```sh
dossier build        # writes output/; open output/index.html
dossier check        # every problem at once, writes nothing
dossier new briefing \"Talks resume in Geneva\" --actor \"European Commission\"
dossier new actor \"Jean-Noël Barrot\"
```

| path | holds |
|---|---|
| `site.yaml` | the title, base_url, language, description, theme, safe_html (true: raw HTML in bodies is sanitized), page_size (items per page of long lists, 50 unless set) |
| `content/briefings/` | briefings (any `.md` outside the three folders below is one) |
| `content/actors/`, `content/places/`, `content/topics/` | one profile per file; the file name is its id |
| `static/` | files copied as they are |
| `output/` | the built site (generated: never edit it) |

A name that matches no profile still gets a page (a *stub*) and a warning; add a profile
to give it a text. `dossier explain D015` tells more about any code a warning shows.
Every key and value these files may hold is in docs/content-model.md of Dossier's
repository.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_yaml_syntax_are_quoted() {
        let t = briefing_text(
            "Kyiv: \"no\" # deal",
            "2025-11-20",
            None,
            &Default::default(),
        );
        assert!(t.contains(r#"title: "Kyiv: \"no\" # deal""#), "{t}");
        assert_eq!(title_case("my-desk_two"), "My Desk Two");
    }

    #[test]
    fn a_new_briefing_lists_the_names_of_every_kind_under_its_key() {
        let mut names = Names::default();
        names[Kind::Place] = vec!["Kyiv".into(), "Lviv: west".into()];
        let t = briefing_text("T", "2025-11-20", None, &names);
        assert!(
            t.contains("\nactors: []            # ids, names or aliases\nplaces: [\"Kyiv\", \"Lviv: west\"]\ntopics: []\nauthors: []\n# stances:"),
            "{t}"
        );
    }
}
