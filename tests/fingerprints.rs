//! Page fingerprints (`src/incremental/fingerprint.rs`) cover everything a page shows:
//! `serve` renders again only the pages whose fingerprint changed. A site with every kind of
//! page takes random edits (front matter of briefings and profiles, bodies, files added and
//! removed, site.yaml, templates, static files); after each one:
//!
//! - every page whose fingerprint did not change renders the same bytes in a clean build as
//!   before the edit;
//! - the incremental output equals a clean build.
//!
//! Two cases in three render each page's whole view instead of the default theme, so that
//! what a view holds but the default theme does not show is checked too.
//! 256 cases by default; `DOSSIER_FINGERPRINT_CASES=<n>` runs more (CONTRIBUTING.md).

mod common;

use dossier::diagnostic::{Diagnostic, Diagnostics};
use dossier::incremental::{Changes, Engine, write::Memory};
use dossier::output::Sink;
use dossier::pipeline::{self, Options};
use dossier::render::{self, theme};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Cases run by default: each is a fresh site and 1 to 8 edits.
const CASES: u32 = 256;

// ---------------------------------------------------------------------------------------
// The site, as data: edits change fields, and the files are written from it.

#[derive(Debug, Clone)]
struct Stance {
    actor: &'static str,
    on: &'static str,
    position: &'static str,
    quote: Option<&'static str>,
    by: Option<&'static str>,
    source: Option<usize>,
}

#[derive(Debug, Clone)]
struct Briefing {
    /// File name without `.md`, under `content/briefings/`.
    file: String,
    title: String,
    date: String,
    updated: Option<String>,
    summary: Option<String>,
    slug: Option<String>,
    actors: Vec<&'static str>,
    places: Vec<&'static str>,
    topics: Vec<&'static str>,
    authors: Vec<&'static str>,
    reviewed_by: Vec<&'static str>,
    tags: Vec<&'static str>,
    stances: Vec<Stance>,
    /// Title and URL.
    sources: Vec<(String, String)>,
    confidence: Option<&'static str>,
    draft: bool,
    /// Date and text of each correction.
    corrections: Vec<(&'static str, &'static str)>,
    /// `judgments:` as written (YAML flow list), if any.
    judgments: Option<&'static str>,
    body: String,
}

#[derive(Debug, Clone)]
struct Profile {
    /// `actors`, `places`, `topics` or `authors`.
    dir: &'static str,
    /// File name without `.md`: the id.
    file: String,
    name: String,
    aliases: Vec<String>,
    kind: Option<&'static str>,
    role: Option<&'static str>,
    affiliation: Option<&'static str>,
    within: Option<&'static str>,
    coords: Option<&'static str>,
    question: Option<&'static str>,
    /// `resolved:` as written (YAML flow mapping), if any.
    resolved: Option<&'static str>,
    body: String,
}

#[derive(Debug, Clone)]
struct Site {
    title: &'static str,
    description: Option<&'static str>,
    language: &'static str,
    base_url: &'static str,
    safe_html: bool,
    /// `default_author` in site.yaml.
    default_author: Option<&'static str>,
    /// `page_size` in site.yaml; `None` leaves it out (the default, 50).
    page_size: Option<u8>,
    briefings: Vec<Briefing>,
    profiles: Vec<Profile>,
    /// The site theme's templates (overrides of the default ones), by name.
    templates: BTreeMap<String, String>,
    /// Files under `static/`, by path below it.
    statics: BTreeMap<String, String>,
    /// Files of `content/sources/`, by id.
    registry: BTreeMap<String, String>,
}

/// `s` as a YAML double-quoted string.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| q(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

impl Briefing {
    fn text(&self) -> String {
        let mut t = format!("---\ntitle: {}\ndate: {}\n", q(&self.title), self.date);
        let mut opt = |key: &str, v: &Option<String>| {
            if let Some(v) = v {
                t.push_str(&format!("{key}: {}\n", q(v)));
            }
        };
        opt("updated", &self.updated);
        opt("summary", &self.summary);
        opt("slug", &self.slug);
        opt("confidence", &self.confidence.map(str::to_string));
        t.push_str(&format!("actors: {}\n", list(&self.actors)));
        t.push_str(&format!("places: {}\n", list(&self.places)));
        t.push_str(&format!("topics: {}\n", list(&self.topics)));
        t.push_str(&format!("authors: {}\n", list(&self.authors)));
        t.push_str(&format!("reviewed_by: {}\n", list(&self.reviewed_by)));
        t.push_str(&format!("tags: {}\n", list(&self.tags)));
        if !self.stances.is_empty() {
            t.push_str("stances:\n");
            for s in &self.stances {
                t.push_str(&format!(
                    "  - actor: {}\n    on: {}\n    position: {}\n",
                    q(s.actor),
                    s.on,
                    s.position
                ));
                if let Some(x) = s.quote {
                    t.push_str(&format!("    quote: {}\n", q(x)));
                }
                if let Some(x) = s.by {
                    t.push_str(&format!("    by: {}\n", q(x)));
                }
                if let Some(x) = s.source {
                    t.push_str(&format!("    source: {x}\n"));
                }
            }
        }
        if !self.sources.is_empty() {
            t.push_str("sources:\n");
            for (title, url) in &self.sources {
                match title.strip_prefix('@') {
                    // A registry source, by id.
                    Some(id) => t.push_str(&format!("  - {id}\n")),
                    None => t.push_str(&format!("  - title: {}\n    url: {url}\n", q(title))),
                }
            }
        }
        if self.draft {
            t.push_str("draft: true\n");
        }
        if let Some(j) = self.judgments {
            t.push_str(&format!("judgments: {j}\n"));
        }
        if !self.corrections.is_empty() {
            t.push_str("corrections:\n");
            for (date, text) in &self.corrections {
                t.push_str(&format!("  - date: {date}\n    text: {}\n", q(text)));
            }
        }
        t.push_str("---\n");
        t.push_str(&self.body);
        t
    }
}

impl Profile {
    fn text(&self) -> String {
        let key = if self.dir == "topics" {
            "title"
        } else {
            "name"
        };
        let mut t = format!("---\n{key}: {}\n", q(&self.name));
        if !self.aliases.is_empty() {
            t.push_str(&format!("aliases: {}\n", list(&self.aliases)));
        }
        for (key, v) in [
            ("kind", self.kind),
            ("role", self.role),
            ("affiliation", self.affiliation),
            ("within", self.within),
            ("question", self.question),
        ] {
            if let Some(v) = v {
                t.push_str(&format!("{key}: {}\n", q(v)));
            }
        }
        if let Some(c) = self.coords {
            t.push_str(&format!("coords: {c}\n"));
        }
        if let Some(r) = self.resolved {
            t.push_str(&format!("resolved: {r}\n"));
        }
        t.push_str("---\n");
        t.push_str(&self.body);
        t
    }
}

impl Site {
    /// Every file of the site (path under the root → text).
    fn files(&self) -> BTreeMap<String, String> {
        let mut f = BTreeMap::new();
        let mut yaml = format!(
            "title: {}\nbase_url: {}\nlanguage: {}\ntheme: house\n",
            q(self.title),
            self.base_url,
            self.language
        );
        if let Some(d) = self.description {
            yaml.push_str(&format!("description: {}\n", q(d)));
        }
        if self.safe_html {
            yaml.push_str("safe_html: true\n");
        }
        if let Some(n) = self.page_size {
            yaml.push_str(&format!("page_size: {n}\n"));
        }
        // Its briefings are a year old at the run's moment: a date edit moves a topic's
        // latest briefing across the line, and every page of the topic says so.
        yaml.push_str("stale_after_days: 400\n");
        if let Some(a) = self.default_author {
            yaml.push_str(&format!("default_author: {}\n", q(a)));
        }
        f.insert("site.yaml".to_string(), yaml);
        // The theme folder exists, with or without templates of its own.
        f.insert(
            "themes/house/static/house.txt".to_string(),
            "house theme\n".to_string(),
        );
        for (name, text) in &self.templates {
            f.insert(format!("themes/house/templates/{name}"), text.clone());
        }
        for (path, text) in &self.statics {
            f.insert(format!("static/{path}"), text.clone());
        }
        for (id, text) in &self.registry {
            f.insert(format!("content/sources/{id}.md"), text.clone());
        }
        for b in &self.briefings {
            f.insert(format!("content/briefings/{}.md", b.file), b.text());
        }
        for p in &self.profiles {
            f.insert(format!("content/{}/{}.md", p.dir, p.file), p.text());
        }
        f
    }
}

fn actor(file: &str, name: &str, aliases: &[&str], kind: &'static str) -> Profile {
    Profile {
        dir: "actors",
        file: file.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        kind: Some(kind),
        role: None,
        affiliation: None,
        within: None,
        coords: None,
        question: None,
        resolved: None,
        body: format!("{name} is named in the briefings.\n"),
    }
}

fn place(file: &str, name: &str, kind: &'static str, within: Option<&'static str>) -> Profile {
    Profile {
        dir: "places",
        kind: Some(kind),
        within,
        ..actor(file, name, &[], kind)
    }
}

fn topic(file: &str, name: &str, question: Option<&'static str>) -> Profile {
    Profile {
        dir: "topics",
        kind: None,
        question,
        ..actor(file, name, &[], "person")
    }
}

fn author(file: &str, name: &str, aliases: &[&str]) -> Profile {
    Profile {
        dir: "authors",
        kind: None,
        ..actor(file, name, aliases, "person")
    }
}

fn stance(actor: &'static str, on: &'static str, position: &'static str) -> Stance {
    Stance {
        actor,
        on,
        position,
        quote: None,
        by: None,
        source: None,
    }
}

fn briefing(file: &str, title: &str, date: &str) -> Briefing {
    Briefing {
        file: file.into(),
        title: title.into(),
        date: date.into(),
        updated: None,
        summary: None,
        slug: None,
        actors: Vec::new(),
        places: Vec::new(),
        topics: Vec::new(),
        authors: Vec::new(),
        reviewed_by: Vec::new(),
        tags: Vec::new(),
        stances: Vec::new(),
        sources: Vec::new(),
        confidence: None,
        draft: false,
        corrections: Vec::new(),
        judgments: None,
        body: "Text.\n".into(),
    }
}

/// The templates a case renders through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Look {
    /// The default theme: pages as readers get them.
    Default,
    /// Every page template replaced by the whole view as JSON: a page's bytes change with
    /// anything its view holds, whether the default theme shows it or not (a site's own
    /// theme may show anything of it).
    View,
}

/// Each variable of a page's context, in name order (the context itself is a map in no
/// fixed order).
const VIEW: &str = "{% set view = __tera_context %}{% for name in view | keys | sort %}{{ name }}: {{ view | get(key=name) | safe }}\n{% endfor %}";

/// Page template `name` under [`Look::View`]: the view, in the base template for pages
/// (whose changes then show too).
fn view_template(name: &str) -> String {
    match name.ends_with(".html") {
        true => format!(
            "{{% extends \"base.html\" %}}{{% block content %}}{VIEW}{{% endblock content %}}"
        ),
        false => VIEW.to_string(),
    }
}

/// Every kind of page: briefings with stances, sources and tags; actors with aliases and
/// affiliations, and two stubs; places nested four deep; topics with a stance history.
fn fixture(look: Look) -> Site {
    let profiles = vec![
        Profile {
            role: Some("Minister of Trade"),
            affiliation: Some("northland"),
            body: "Ana Ruiz leads the trade ministry of [[Northland]].\n".into(),
            ..actor("ana-ruiz", "Ana Ruiz", &["Ruiz", "A. Ruiz"], "person")
        },
        Profile {
            role: Some("Party to the talks"),
            ..actor("northland", "Northland", &[], "state")
        },
        actor("southland", "Southland", &["The South"], "state"),
        Profile {
            role: Some("Envoy"),
            affiliation: Some("southland"),
            ..actor("bo-chen", "Bo Chen", &["Chen"], "person")
        },
        Profile {
            affiliation: Some("northland"),
            ..actor("civic-union", "Civic Union", &[], "organization")
        },
        Profile {
            coords: Some("[50.1, 20.2]"),
            ..place("norda", "Norda", "country", None)
        },
        place("east-province", "East Province", "region", Some("norda")),
        Profile {
            aliases: vec!["The Port".into()],
            coords: Some("[50.5, 21.25]"),
            ..place("port-city", "Port City", "city", Some("east-province"))
        },
        place("old-town", "Old Town", "site", Some("port-city")),
        place("sudria", "Sudria", "country", None),
        Profile {
            aliases: vec!["Sudria City".into()],
            ..place("capital", "Capital", "city", Some("sudria"))
        },
        Profile {
            aliases: vec!["water accord".into()],
            body: "Who backs the deal. See [[topic:border-talks]].\n".into(),
            resolved: Some("{date: 2025-11-20, outcome: no, note: Not signed.}"),
            ..topic(
                "water-deal",
                "Water Deal",
                Some("Should the deal be signed?"),
            )
        },
        topic("border-talks", "Border Talks", None),
        Profile {
            role: Some("Desk editor"),
            ..author("mira-okafor", "Mira Okafor", &[])
        },
        author("tom-wren", "Tom Wren", &["T. Wren"]),
    ];
    let briefings = vec![
        Briefing {
            summary: Some("Delegations arrive.".into()),
            actors: vec!["Ana Ruiz", "Bo Chen", "Northland", "Southland"],
            places: vec!["Port City"],
            topics: vec!["water-deal"],
            tags: vec!["trade", "water"],
            stances: vec![
                // Said for Ana Ruiz by someone the briefing does not name otherwise.
                Stance {
                    quote: Some("We are ready."),
                    by: Some("Civic Union"),
                    source: Some(1),
                    ..stance("Ana Ruiz", "water-deal", "mixed")
                },
                Stance {
                    by: Some("Bo Chen"),
                    ..stance("Southland", "water-deal", "opposes")
                },
            ],
            sources: vec![("Port Herald report".into(), "https://example.com/a".into())],
            confidence: Some("moderate"),
            judgments: Some("[{statement: The deal is signed., likelihood: unlikely, on: water-deal}]"),
            authors: vec!["Mira Okafor"],
            reviewed_by: vec!["Tom Wren"],
            body: "Delegations from [[Northland]] and [[Southland]] met in [[Port City]].\n\n## Positions\n\nSee [[briefing:water-terms]].\n".into(),
            ..briefing("2025-11-02-opening", "Talks open in Port City", "2025-11-02")
        },
        Briefing {
            summary: Some("A first text.".into()),
            updated: Some("2025-11-06".into()),
            actors: vec!["Ruiz", "Civic Union", "Kit Moss"],
            places: vec!["Old Town", "Norda"],
            topics: vec!["water-deal", "Border Talks"],
            tags: vec!["water"],
            stances: vec![
                stance("Civic Union", "water-deal", "mixed"),
                stance("Ana Ruiz", "border-talks", "neutral"),
            ],
            authors: vec!["T. Wren", "mira-okafor"],
            body: "[[Kit Moss]] wrote the [opening](2025-11-02-opening.md) terms.\n".into(),
            ..briefing("2025-11-04-water-terms", "Water terms drafted", "2025-11-04")
        },
        Briefing {
            actors: vec!["Southland", "Bo Chen", "Lee Park"],
            places: vec!["Capital", "East Province"],
            topics: vec!["Border Talks"],
            tags: vec!["security"],
            stances: vec![Stance {
                source: Some(2),
                ..stance("Southland", "border-talks", "supports")
            }],
            sources: vec![
                ("Wire copy".into(), "https://example.com/b".into()),
                ("@capital-times".into(), String::new()),
            ],
            confidence: Some("low"),
            reviewed_by: vec!["Mira Okafor"],
            // Makes the site-wide corrections page and its feed.
            corrections: vec![("2025-11-08", "The first report placed the shots in Norda.")],
            body: "Shots were reported near [[Capital]].\n\n## Aftermath\n\n[[Lee Park]] spoke.\n"
                .into(),
            ..briefing("2025-11-07-border-incident", "Incident at the border", "2025-11-07")
        },
        Briefing {
            summary: Some("The week's moves.".into()),
            actors: vec!["Ana Ruiz", "Northland", "Southland", "Civic Union"],
            places: vec!["Norda", "Sudria"],
            topics: vec!["water-deal", "Border Talks"],
            tags: vec!["trade", "security"],
            stances: vec![
                stance("Northland", "border-talks", "opposes"),
                stance("Ana Ruiz", "water-deal", "supports"),
            ],
            authors: vec!["Mira Okafor"],
            body: "On [[topic:water-deal]], see [[place:old-town]] and [[briefing:border-incident]].\n"
                .into(),
            ..briefing("2025-11-10-weekly", "Week in review", "2025-11-10")
        },
        Briefing {
            actors: vec!["Southland", "Bo Chen"],
            places: vec!["Sudria"],
            tags: vec!["security", "trade"],
            body: "[[Chen]] answers.\n".into(),
            ..briefing("2025-11-12-sudria-responds", "Sudria responds", "2025-11-12")
        },
        Briefing {
            actors: vec!["Northland"],
            places: vec!["Old Town", "Sudria"],
            ..briefing("2025-10-28-background", "Background", "2025-10-28")
        },
    ];
    Site {
        title: "Fingerprint Desk",
        description: Some("Briefings on the water talks."),
        language: "en",
        base_url: "https://example.org/",
        safe_html: false,
        default_author: Some("tom-wren"),
        // Lists in pages of two: every paginated list has a page 2, and edits move
        // briefings, entities and tags across page breaks.
        page_size: Some(2),
        briefings,
        profiles,
        templates: match look {
            Look::Default => BTreeMap::new(),
            Look::View => (render::PAGE_TEMPLATES.iter())
                .map(|t| (t.to_string(), view_template(t)))
                .collect(),
        },
        statics: BTreeMap::new(),
        // A registry source, cited by id: makes `/sources/<id>/`.
        registry: [(
            "capital-times".to_string(),
            "---\ntitle: Capital Times\npublisher: Times Group\nreliability: B\ncredibility: 2\n---\nA daily of the capital.\n".to_string(),
        )]
        .into_iter()
        .collect(),
    }
}

// ---------------------------------------------------------------------------------------
// Edits.

#[derive(Debug, Clone, Copy)]
enum BriefingField {
    Title,
    Date,
    Updated,
    Summary,
    Slug,
    Actors,
    Places,
    Topics,
    Authors,
    Reviewers,
    Tags,
    Stances,
    Sources,
    Confidence,
    Draft,
    Body,
}

#[derive(Debug, Clone, Copy)]
enum ProfileField {
    Name,
    Aliases,
    Kind,
    Role,
    Affiliation,
    Within,
    Coords,
    Question,
    Body,
}

#[derive(Debug, Clone, Copy)]
enum ConfigField {
    Title,
    Description,
    Language,
    BaseUrl,
    SafeHtml,
    PageSize,
    DefaultAuthor,
}

/// One edit; the numbers pick a file and a value.
#[derive(Debug, Clone)]
enum Edit {
    Briefing(usize, BriefingField, u8),
    Profile(usize, ProfileField, u8),
    NewBriefing(u8),
    DeleteBriefing(usize),
    RenameBriefing(usize),
    NewProfile(u8),
    DeleteProfile(usize),
    Config(ConfigField, u8),
    /// A template of the site theme: written (a marker added to the default) or removed.
    Template(usize, u8),
    Static(u8),
}

const ACTORS: [&str; 8] = [
    "Ana Ruiz",
    "Ruiz",
    "Northland",
    "Southland",
    "Bo Chen",
    "Civic Union",
    "Kit Moss",
    "Lee Park",
];
const PLACES: [&str; 6] = [
    "Norda",
    "East Province",
    "Port City",
    "Old Town",
    "Sudria",
    "Capital",
];
const TOPICS: [&str; 2] = ["water-deal", "Border Talks"];
/// Authors by name, id and alias, and one with no profile (a stub).
const AUTHORS: [&str; 4] = ["Mira Okafor", "tom-wren", "T. Wren", "Guest Writer"];
const TAGS: [&str; 4] = ["trade", "security", "water", "fresh"];
const POSITIONS: [&str; 5] = ["supports", "opposes", "mixed", "neutral", "unclear"];
/// Templates every page includes, which an edit overrides besides the page templates.
const SHARED: [&str; 2] = ["_badge.html", "base.html"];

/// The `i`-th template an edit may override: a page template or a shared one.
fn template(i: usize) -> &'static str {
    let all = render::PAGE_TEMPLATES.len() + SHARED.len();
    let i = i % all;
    match render::PAGE_TEMPLATES.get(i) {
        Some(t) => t,
        None => SHARED[i - render::PAGE_TEMPLATES.len()],
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    use BriefingField as B;
    use ProfileField as P;
    // Stances (six kinds of change) and names (shown wherever an entity is linked) are
    // drawn more often than the rest.
    let bf = prop::sample::select(vec![
        B::Stances,
        B::Stances,
        B::Title,
        B::Date,
        B::Updated,
        B::Summary,
        B::Slug,
        B::Actors,
        B::Places,
        B::Topics,
        B::Authors,
        B::Reviewers,
        B::Tags,
        B::Stances,
        B::Sources,
        B::Confidence,
        B::Draft,
        B::Body,
    ]);
    let pf = prop::sample::select(vec![
        P::Name,
        P::Name,
        P::Aliases,
        P::Kind,
        P::Role,
        P::Affiliation,
        P::Within,
        P::Coords,
        P::Question,
        P::Body,
    ]);
    let cf = prop::sample::select(vec![
        ConfigField::Title,
        ConfigField::Description,
        ConfigField::Language,
        ConfigField::BaseUrl,
        ConfigField::SafeHtml,
        ConfigField::PageSize,
        ConfigField::DefaultAuthor,
    ]);
    prop_oneof![
        8 => (0..16usize, bf, any::<u8>()).prop_map(|(i, f, k)| Edit::Briefing(i, f, k)),
        5 => (0..16usize, pf, any::<u8>()).prop_map(|(i, f, k)| Edit::Profile(i, f, k)),
        1 => any::<u8>().prop_map(Edit::NewBriefing),
        1 => (0..16usize).prop_map(Edit::DeleteBriefing),
        1 => (0..16usize).prop_map(Edit::RenameBriefing),
        1 => any::<u8>().prop_map(Edit::NewProfile),
        1 => (0..16usize).prop_map(Edit::DeleteProfile),
        1 => (cf, any::<u8>()).prop_map(|(f, k)| Edit::Config(f, k)),
        1 => (0..render::PAGE_TEMPLATES.len() + SHARED.len(), any::<u8>())
            .prop_map(|(t, k)| Edit::Template(t, k)),
        1 => any::<u8>().prop_map(Edit::Static),
    ]
}

/// The items of `pool` whose bit is set in `bits`.
fn subset<T: Copy>(pool: &[T], bits: u8) -> Vec<T> {
    (pool.iter().enumerate())
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, x)| *x)
        .collect()
}

/// The item of `pool` that `k` picks.
fn pick<T: Copy>(pool: &[T], k: u8) -> T {
    pool[k as usize % pool.len()]
}

/// `text` with `marker` where it shows on the pages the template renders.
fn marked(text: &str, marker: &str) -> String {
    if text.contains("{% extends")
        && let Some(at) = text.find("{% block content %}")
    {
        let at = at + "{% block content %}".len();
        format!("{}{marker}{}", &text[..at], &text[at..])
    } else if text.starts_with("<?xml")
        && let Some(at) = text.find('\n')
    {
        format!("{}{marker}{}", &text[..=at], &text[at + 1..])
    } else {
        format!("{marker}{text}")
    }
}

impl Site {
    /// Applies `e`; returns what it did, for failure messages (`None`: nothing to do).
    fn apply(&mut self, e: &Edit) -> Option<String> {
        match *e {
            Edit::Briefing(i, field, k) => {
                let n = self.briefings.len();
                let b = self.briefings.get_mut(i % n.max(1))?;
                let what = apply_briefing(b, field, k);
                Some(format!("content/briefings/{}.md: {what}", b.file))
            }
            Edit::Profile(i, field, k) => {
                let dirs: &[&str] = match field {
                    ProfileField::Role => &["actors", "authors"],
                    ProfileField::Affiliation => &["actors"],
                    ProfileField::Within | ProfileField::Coords => &["places"],
                    ProfileField::Question => &["topics"],
                    _ => &["actors", "places", "topics", "authors"],
                };
                let mut of: Vec<&mut Profile> = (self.profiles.iter_mut())
                    .filter(|p| dirs.contains(&p.dir))
                    .collect();
                let n = of.len();
                let p = of.get_mut(i % n.max(1))?;
                let what = apply_profile(p, field, k);
                Some(format!("content/{}/{}.md: {what}", p.dir, p.file))
            }
            Edit::NewBriefing(k) => {
                let file = format!("2025-11-{:02}-new-{}", k % 28 + 1, k % 3);
                self.briefings.retain(|b| b.file != file);
                self.briefings.push(Briefing {
                    actors: subset(&ACTORS, k.rotate_left(3)),
                    places: subset(&PLACES, k),
                    tags: subset(&TAGS, k >> 4),
                    body: format!("New text {k}, on [[Port City]].\n"),
                    ..briefing(
                        &file,
                        &format!("New briefing {k}"),
                        &format!("2025-11-{:02}", k % 28 + 1),
                    )
                });
                Some(format!("content/briefings/{file}.md added"))
            }
            Edit::DeleteBriefing(i) => {
                let n = self.briefings.len();
                (n > 2).then_some(())?;
                let b = self.briefings.remove(i % n);
                Some(format!("content/briefings/{}.md removed", b.file))
            }
            Edit::RenameBriefing(i) => {
                let n = self.briefings.len();
                let b = self.briefings.get_mut(i % n.max(1))?;
                let from = b.file.clone();
                b.file = format!("{from}-moved");
                Some(format!(
                    "content/briefings/{from}.md renamed to {}.md",
                    b.file
                ))
            }
            Edit::NewProfile(k) => {
                let p = match k % 4 {
                    0 => actor("kit-moss", "Kit Moss", &["Moss"], "person"),
                    1 => Profile {
                        coords: Some("[50.6, 21.3]"),
                        ..place("harbour", "Harbour", "site", Some("port-city"))
                    },
                    2 => author("guest-writer", "Guest Writer", &[]),
                    _ => topic("fisheries", "Fisheries", Some("Who fishes where?")),
                };
                self.profiles
                    .retain(|x| (x.dir, &x.file) != (p.dir, &p.file));
                let what = format!("content/{}/{}.md added", p.dir, p.file);
                self.profiles.push(p);
                Some(what)
            }
            Edit::DeleteProfile(i) => {
                let n = self.profiles.len();
                let p = self.profiles.remove(i % n.max(1));
                Some(format!("content/{}/{}.md removed", p.dir, p.file))
            }
            Edit::Config(field, k) => {
                let what = match field {
                    ConfigField::Title => {
                        self.title = pick(&["Fingerprint Desk", "Another Desk"], k);
                        format!("title: {}", self.title)
                    }
                    ConfigField::Description => {
                        self.description = pick(&[None, Some("Water talks."), Some("Other.")], k);
                        format!("description: {:?}", self.description)
                    }
                    ConfigField::Language => {
                        self.language = pick(&["en", "fr"], k);
                        format!("language: {}", self.language)
                    }
                    ConfigField::BaseUrl => {
                        self.base_url =
                            pick(&["https://example.org/", "https://example.org/desk/"], k);
                        format!("base_url: {}", self.base_url)
                    }
                    ConfigField::SafeHtml => {
                        self.safe_html = k % 2 == 1;
                        format!("safe_html: {}", self.safe_html)
                    }
                    ConfigField::PageSize => {
                        self.page_size = pick(&[Some(2), Some(3), Some(1), None], k);
                        format!("page_size: {:?}", self.page_size)
                    }
                    ConfigField::DefaultAuthor => {
                        self.default_author =
                            pick(&[None, Some("Mira Okafor"), Some("tom-wren")], k);
                        format!("default_author: {:?}", self.default_author)
                    }
                };
                Some(format!("site.yaml: {what}"))
            }
            Edit::Template(t, k) => {
                let name = template(t);
                if k % 3 == 0 {
                    self.templates.remove(name)?;
                    return Some(format!("themes/house/templates/{name} removed"));
                }
                let default = std::fs::read_to_string(
                    common::repo().join("themes/default/templates").join(name),
                )
                .expect("default template");
                let marker = format!("<!-- house {k} -->");
                self.templates
                    .insert(name.to_string(), marked(&default, &marker));
                Some(format!("themes/house/templates/{name}: {marker}"))
            }
            Edit::Static(k) => match k % 3 {
                // A static file of a page's path stands in for the page.
                0 => {
                    self.statics.remove("404.html")?;
                    Some("static/404.html removed".into())
                }
                1 => {
                    let text = format!("<p>Our own page {k}.</p>\n");
                    self.statics.insert("404.html".into(), text);
                    Some("static/404.html written".into())
                }
                _ => {
                    self.statics
                        .insert("notes.txt".into(), format!("notes {k}\n"));
                    Some("static/notes.txt written".into())
                }
            },
        }
    }
}

fn apply_briefing(b: &mut Briefing, field: BriefingField, k: u8) -> String {
    use BriefingField as B;
    match field {
        B::Title => {
            b.title = pick(
                &["Talks open in Port City", "Retitled", "Week in review"],
                k,
            )
            .to_string();
            format!("title: {}", b.title)
        }
        B::Date => {
            b.date = format!("2025-{}-{:02}", 10 + k % 2, k % 28 + 1);
            format!("date: {}", b.date)
        }
        B::Updated => {
            b.updated =
                pick(&[None, Some("2025-11-15"), Some("2025-11-20")], k).map(str::to_string);
            format!("updated: {:?}", b.updated)
        }
        B::Summary => {
            b.summary =
                pick(&[None, Some("Summary one."), Some("Summary two.")], k).map(str::to_string);
            format!("summary: {:?}", b.summary)
        }
        B::Slug => {
            b.slug = (k % 2 == 1).then(|| format!("{}-x", &b.file[11..]));
            format!("slug: {:?}", b.slug)
        }
        B::Actors => {
            b.actors = subset(&ACTORS, k);
            format!("actors: {:?}", b.actors)
        }
        B::Places => {
            b.places = subset(&PLACES, k);
            format!("places: {:?}", b.places)
        }
        B::Topics => {
            b.topics = subset(&TOPICS, k);
            format!("topics: {:?}", b.topics)
        }
        B::Authors => {
            b.authors = subset(&AUTHORS, k);
            format!("authors: {:?}", b.authors)
        }
        B::Reviewers => {
            b.reviewed_by = subset(&AUTHORS, k >> 2);
            format!("reviewed_by: {:?}", b.reviewed_by)
        }
        B::Tags => {
            b.tags = subset(&TAGS, k);
            format!("tags: {:?}", b.tags)
        }
        B::Stances => {
            // One change to one stance: `k % 6` says which, `k / 6` picks the stance and
            // the value.
            let (op, v) = (k % 6, k / 6);
            if b.stances.is_empty() || op == 0 {
                let actors = ["Ana Ruiz", "Southland", "Civic Union", "Northland"];
                let topic = pick(&["water-deal", "border-talks"], v / 4);
                b.stances
                    .push(stance(pick(&actors, v), topic, pick(&POSITIONS, v / 8)));
                return format!("stances: added {:?}", b.stances.last());
            }
            let j = v as usize % b.stances.len();
            let has_sources = !b.sources.is_empty();
            let s = &mut b.stances[j];
            match op {
                1 => {
                    b.stances.remove(j);
                    return format!("stances: removed #{}", j + 1);
                }
                2 => s.position = pick(&POSITIONS, v),
                3 => s.quote = pick(&[None, Some("A quote."), Some("Another quote.")], v),
                4 => s.by = pick(&[None, Some("Bo Chen"), Some("Civic Union")], v),
                _ => s.source = (s.source.is_none() && has_sources).then_some(1),
            }
            format!("stance #{}: {s:?}", j + 1)
        }
        B::Sources => {
            b.sources = (0..k % 3)
                .map(|j| {
                    let title = pick(&["Port Herald report", "Wire copy", "Desk notes"], k + j);
                    (
                        title.to_string(),
                        format!("https://example.com/{}", k % 4 + j),
                    )
                })
                .collect();
            // A stance may cite only a source that is there.
            for s in &mut b.stances {
                s.source = s.source.filter(|&n| n <= b.sources.len());
            }
            format!("sources: {:?}", b.sources)
        }
        B::Confidence => {
            b.confidence = pick(&[None, Some("low"), Some("moderate"), Some("high")], k);
            format!("confidence: {:?}", b.confidence)
        }
        B::Draft => {
            b.draft = !b.draft;
            format!("draft: {}", b.draft)
        }
        B::Body => {
            let link = pick(
                &[
                    "[[Ana Ruiz]]",
                    "[[Chen]]",
                    "[[briefing:weekly]]",
                    "[[place:old-town]]",
                    "[the opening](2025-11-02-opening.md)",
                    "[[Kit Moss]]",
                    "no link",
                ],
                k,
            );
            b.body = match k % 4 {
                // The start of the body: the search index quotes it.
                0 => format!("First words {k}.\n\n{}", b.body),
                1 => format!("{}\n## Section {k}\n\nMore, {link}.\n", b.body),
                _ => format!("{}\nA new paragraph, {link}.\n", b.body),
            };
            format!("body: added {link}")
        }
    }
}

fn apply_profile(p: &mut Profile, field: ProfileField, k: u8) -> String {
    use ProfileField as P;
    match field {
        P::Name => {
            let base = p.name.split(" (").next().unwrap_or_default().to_string();
            p.name = match k % 3 {
                0 => base,
                n => format!("{base} ({n})"),
            };
            format!("name: {}", p.name)
        }
        P::Aliases => {
            let pool = ["Moss", "Lee Park", "Second Name", "The Port"];
            p.aliases = subset(&pool, k).into_iter().map(String::from).collect();
            format!("aliases: {:?}", p.aliases)
        }
        P::Kind => {
            p.kind = match p.dir {
                "actors" => pick(
                    &[
                        None,
                        Some("person"),
                        Some("organization"),
                        Some("state"),
                        Some("group"),
                    ],
                    k,
                ),
                "places" => pick(
                    &[
                        None,
                        Some("country"),
                        Some("region"),
                        Some("city"),
                        Some("site"),
                    ],
                    k,
                ),
                _ => None,
            };
            format!("kind: {:?}", p.kind)
        }
        P::Role => {
            p.role = pick(&[None, Some("Envoy"), Some("Minister")], k);
            format!("role: {:?}", p.role)
        }
        P::Affiliation => {
            p.affiliation = pick(
                &[
                    None,
                    Some("northland"),
                    Some("southland"),
                    Some("civic-union"),
                ],
                k,
            );
            format!("affiliation: {:?}", p.affiliation)
        }
        P::Within => {
            p.within = pick(
                &[
                    None,
                    Some("norda"),
                    Some("east-province"),
                    Some("port-city"),
                    Some("sudria"),
                ],
                k,
            );
            format!("within: {:?}", p.within)
        }
        P::Coords => {
            p.coords = pick(&[None, Some("[10.5, 20.25]"), Some("[-33.9, 151.2]")], k);
            format!("coords: {:?}", p.coords)
        }
        P::Question => {
            p.question = pick(&[None, Some("Will it hold?"), Some("Who gains?")], k);
            format!("question: {:?}", p.question)
        }
        P::Body => {
            let link = pick(&["[[Southland]]", "[[briefing:opening]]", "no link"], k);
            p.body = format!("{}\nMore about them, {link}.\n", p.body);
            format!("body: added {link}")
        }
    }
}

// ---------------------------------------------------------------------------------------
// Builds and checks.

fn opts(root: &Path) -> Options {
    Options {
        root: root.to_path_buf(),
        output: None,
        base_url: None,
        drafts: false,
        schedule: common::schedule(),
    }
}

/// A clean build of the site at `root`, in memory.
#[derive(Clone)]
struct Clean {
    diagnostics: Vec<Diagnostic>,
    /// Every page as its template renders it, by output path.
    pages: BTreeMap<String, Vec<u8>>,
    /// The output: the pages, and the files besides them (a site's own `static/404.html`
    /// stands in for the page).
    files: BTreeMap<String, Vec<u8>>,
}

/// What `dossier build` writes (`render::render_site`), the pages kept apart.
fn clean_build(root: &Path) -> Clean {
    let opts = opts(root);
    let mut diags = Diagnostics::new();
    let site = pipeline::load(&opts, &mut diags);
    let confine = pipeline::confine(&opts);
    let sink = Memory::default();
    let others = Memory::default();
    if let Some(theme) = theme::load_in(&confine, site.config.theme.as_deref(), &mut diags) {
        render::render_pages(&site, &theme, &render::plan(&site), &sink, &mut diags);
        render::hosting::write_files(&site, &theme, &others, &mut diags);
        // The pipeline writes the social cards itself, through its card cache; here one
        // cache serves every case, as cards repeat and drawing them is slow unoptimized.
        static DRAWN: OnceLock<std::sync::Mutex<BTreeMap<String, Vec<u8>>>> = OnceLock::new();
        let drawn = DRAWN.get_or_init(Default::default);
        let lock = || drawn.lock().unwrap_or_else(|e| e.into_inner());
        let (cards, _) = render::cards::files(&site, &|h| lock().get(h).cloned());
        for (path, png) in cards {
            let hash = path.trim_start_matches("cards/").trim_end_matches(".png");
            lock().insert(hash.to_string(), png.clone());
            others.write(&path, &png).expect("memory");
        }
    }
    let others: BTreeMap<String, Vec<u8>> = (others.files.into_inner())
        .expect("no writer panicked")
        .into_iter()
        .collect();
    let pages: BTreeMap<String, Vec<u8>> = (sink.files.into_inner())
        .expect("no writer panicked")
        .into_iter()
        .collect();
    let mut files = pages.clone();
    files.extend(others);
    Clean {
        diagnostics: diags.sorted(),
        pages,
        files,
    }
}

/// Templates of paginated lists, whose later pages (`page/N/`) count as a kind of their own.
const PAGED: [&str; 9] = [
    "briefings.html",
    "actor.html",
    "place.html",
    "topic.html",
    "author.html",
    "entities.html",
    "tags.html",
    "tag.html",
    "timeline.html",
];

/// Whether `path` is page N ≥ 2 of a list (`…/page/N/index.html`).
fn later_page(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    (parts.windows(2)).any(|w| w[0] == "page" && w[1].parse::<u32>().is_ok())
}

/// The kind of page a template renders, feeds and later pages of lists told apart.
fn kind(path: &str, template: &str) -> String {
    match (path, template) {
        ("atom.xml", _) => "site feed".into(),
        (_, "atom.xml") => "entity feed".into(),
        _ if later_page(path) && PAGED.contains(&template) => format!("{template} page N"),
        _ => template.into(),
    }
}

/// Every kind of page the self-check must have seen keep its fingerprint.
fn all_kinds() -> BTreeSet<String> {
    let mut kinds: BTreeSet<String> = render::PAGE_TEMPLATES
        .iter()
        .filter(|t| **t != "atom.xml")
        .map(|t| t.to_string())
        .collect();
    kinds.insert("site feed".into());
    kinds.insert("entity feed".into());
    kinds.extend(PAGED.iter().map(|t| format!("{t} page N")));
    kinds
}

/// Writes `now` over the files that were `before` under `root`; returns the paths changed.
fn sync(
    root: &Path,
    before: &BTreeMap<String, String>,
    now: &BTreeMap<String, String>,
) -> Vec<PathBuf> {
    let mut touched = Vec::new();
    for (path, text) in now {
        if before.get(path) != Some(text) {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, text).expect("write");
            touched.push(p);
        }
    }
    for path in before.keys().filter(|p| !now.contains_key(*p)) {
        let p = root.join(path);
        std::fs::remove_file(&p).expect("rm");
        touched.push(p);
    }
    touched
}

/// Where `a` and `b` first differ, with some text either side.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let show = |s: &[u8]| {
        let from = at.saturating_sub(80);
        let to = (at + 80).min(s.len());
        String::from_utf8_lossy(&s[from.min(to)..to]).replace('\n', "⏎")
    };
    format!(
        "first difference at byte {at} (of {} and {}):\n  before: …{}…\n  after:  …{}…",
        a.len(),
        b.len(),
        show(a),
        show(b)
    )
}

/// The state a step is compared with: the last good build.
struct Good {
    /// Output path → (kind, fingerprint).
    fingerprints: BTreeMap<String, (String, u64)>,
    clean: Clean,
    model: Site,
}

/// How often each kind of page kept its fingerprint across an edit, by look.
type Coverage = BTreeMap<(Look, String), usize>;

/// A fresh folder. Each case writes about 150 files and removes them: in memory where the
/// machine has a RAM disk, 256 cases take seconds rather than minutes.
fn scratch() -> tempfile::TempDir {
    common::scratch("dossier-fingerprints-")
}

/// A fresh folder holding the fixture site.
fn fixture_site(look: Look) -> tempfile::TempDir {
    let dir = scratch();
    sync(dir.path(), &BTreeMap::new(), &fixture(look).files());
    dir
}

/// The fixture's first clean build, made once per look.
fn first_clean(look: Look) -> &'static Clean {
    static FIRST: [OnceLock<Clean>; 2] = [OnceLock::new(), OnceLock::new()];
    FIRST[look as usize].get_or_init(|| clean_build(fixture_site(look).path()))
}

fn fingerprints_of(engine: &Engine) -> BTreeMap<String, (String, u64)> {
    let fps = engine
        .page_fingerprints()
        .expect("fingerprints after a good build");
    fps.into_iter()
        .map(|(path, template, fp)| {
            let k = kind(&path, template);
            (path, (k, fp))
        })
        .collect()
}

/// Runs `edits` on a fresh fixture through one engine, checking both properties after each.
fn check(look: Look, edits: &[Edit], coverage: &RefCell<Coverage>) -> Result<(), TestCaseError> {
    let site = fixture_site(look);
    let root = site.path().to_path_buf();
    let live_dir = scratch();
    let live = live_dir.path().join("out");
    let mut model = fixture(look);
    let mut files = model.files();
    let mut engine = Engine::new(&opts(&root), &live).expect("engine");
    let first = engine.build_all().expect("first build");
    let clean = first_clean(look);
    prop_assert_eq!(first.errors, 0, "{:?}", first.diagnostics);
    prop_assert_eq!(&first.diagnostics, &clean.diagnostics);
    let mut good = Good {
        fingerprints: fingerprints_of(&engine),
        clean: clean.clone(),
        model: model.clone(),
    };
    let mut done: Vec<String> = Vec::new();
    for (step, e) in edits.iter().enumerate() {
        let Some(what) = model.apply(e) else {
            continue;
        };
        done.push(what.clone());
        let next = model.files();
        let touched = sync(&root, &files, &next);
        files = next;
        let out = engine
            .rebuild(&Changes {
                paths: touched.into_iter().collect(),
                rescan: false,
            })
            .expect("rebuild");
        let clean = clean_build(&root);
        let context = format!("step {step}: {what}\n  (edits so far: {done:#?})");
        prop_assert_eq!(
            &out.diagnostics,
            &clean.diagnostics,
            "diagnostics differ from a clean build after {}",
            context
        );
        if out.errors > 0 {
            // Back to the last good site, which the next edit starts from.
            model = good.model.clone();
            let next = model.files();
            let touched = sync(&root, &files, &next);
            files = next;
            let out = engine
                .rebuild(&Changes {
                    paths: touched.into_iter().collect(),
                    rescan: false,
                })
                .expect("rebuild");
            prop_assert_eq!(out.errors, 0, "undoing {}: {:?}", context, out.diagnostics);
            done.push("(undone)".into());
            continue;
        }
        // A page whose fingerprint did not change has not changed.
        let fingerprints = fingerprints_of(&engine);
        for (path, (kind, fp)) in &fingerprints {
            if good.fingerprints.get(path).map(|(_, f)| f) != Some(fp) {
                continue;
            }
            let (before, after) = (&good.clean.pages[path], &clean.pages[path]);
            prop_assert!(
                before == after,
                "{path} ({kind}): fingerprint unchanged but bytes differ after {context}\n{}",
                first_difference(before, after)
            );
            *coverage
                .borrow_mut()
                .entry((look, kind.clone()))
                .or_default() += 1;
        }
        // The incremental output equals a clean build.
        let mut live_files = common::snapshot(&live);
        live_files.remove(dossier::output::MARKER);
        let differ: BTreeSet<&String> = (live_files.keys().chain(clean.files.keys()))
            .filter(|k| live_files.get(*k) != clean.files.get(*k))
            .collect();
        if let Some(first) = differ.first() {
            let (live, clean) = (&live_files.get(*first), &clean.files.get(*first));
            let diff = match (live, clean) {
                (Some(a), Some(b)) => first_difference(b, a),
                (Some(_), None) => "only in the incremental output".into(),
                _ => "missing from the incremental output".into(),
            };
            prop_assert!(
                false,
                "incremental output differs from a clean build after {context}\n{} files: {differ:?}\n{first} (before: clean build, after: incremental): {diff}",
                differ.len()
            );
        }
        good = Good {
            fingerprints,
            clean,
            model: model.clone(),
        };
    }
    Ok(())
}

#[test]
fn a_page_whose_fingerprint_did_not_change_renders_the_same_bytes() {
    let cases = std::env::var("DOSSIER_FINGERPRINT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES);
    let config = ProptestConfig {
        cases,
        source_file: Some(file!()),
        ..ProptestConfig::default()
    };
    let coverage = RefCell::new(Coverage::new());
    let mut runner = TestRunner::new(config);
    // The view shows more than the default theme does; the default theme's partials and
    // base are templates of their own.
    let looks = prop_oneof![1 => Just(Look::Default), 2 => Just(Look::View)];
    let result = runner.run(
        &(looks, prop::collection::vec(edit(), 1..9)),
        |(look, edits)| check(look, &edits, &coverage),
    );
    if let Err(e) = result {
        panic!("{e}\n{runner}");
    }
    // Not vacuous: every kind of page, in either look, kept its fingerprint across some
    // edit, and was compared.
    let coverage = coverage.into_inner();
    let missing: Vec<(Look, String)> = [Look::Default, Look::View]
        .into_iter()
        .flat_map(|look| all_kinds().into_iter().map(move |k| (look, k)))
        .filter(|k| !coverage.contains_key(k))
        .collect();
    assert!(
        missing.is_empty(),
        "never compared: {missing:?} ({coverage:?})"
    );
}

#[test]
fn the_fixture_has_every_kind_of_page_and_each_page_template_is_listed() {
    let site = fixture_site(Look::Default);
    let live = scratch();
    let mut engine = Engine::new(&opts(site.path()), &live.path().join("out")).expect("engine");
    let first = engine.build_all().expect("build");
    assert_eq!(first.errors, 0, "{:?}", first.diagnostics);
    let fps = engine.page_fingerprints().expect("fingerprints");
    let templates: BTreeSet<&str> = fps.iter().map(|(_, t, _)| *t).collect();
    let listed: BTreeSet<&str> = render::PAGE_TEMPLATES.iter().copied().collect();
    assert_eq!(templates, listed);
    let kinds: BTreeSet<String> = fps.iter().map(|(p, t, _)| kind(p, t)).collect();
    assert_eq!(kinds, all_kinds());
    // Places nested four deep, stubs among the actors.
    for page in [
        "places/old-town/index.html",
        "actors/kit-moss/index.html",
        "actors/kit-moss/atom.xml",
    ] {
        assert!(fps.iter().any(|(p, _, _)| p == page), "{page}");
    }
    let old_town =
        std::fs::read_to_string(live.path().join("out/places/old-town/index.html")).expect("read");
    for parent in ["Norda", "East Province", "Port City"] {
        assert!(old_town.contains(parent), "{parent}");
    }
}
