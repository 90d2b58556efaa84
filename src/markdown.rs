//! Markdown bodies to HTML: CommonMark plus tables, footnotes, strikethrough, task lists and
//! heading ids; `[[wiki]]` and `.md` links rewritten to page URLs.

mod footnotes;
mod ids;
mod links;
pub(crate) use links::relative;
mod renderer;

use crate::diagnostic::{Code, Diagnostics, Span};
use crate::model::{BriefingIdx, EntityIdx};
use crate::names::Names;
use crate::resolve::Resolved;
use crate::sections::is_reserved as is_theme_id;
use crate::urls;
use links::LinkResolver;
use pulldown_cmark::{Options, Parser};
use renderer::Renderer;
use std::collections::{HashMap, HashSet};

/// Where a body link points.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Target {
    Briefing(BriefingIdx),
    Entity(EntityIdx),
}

/// A rendered body and the pages it links to.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Body {
    /// Kept apart from the rest when stored, as written (`pipeline::stored`).
    #[serde(skip)]
    pub html: String,
    /// Sorted, without repeats.
    pub links: Vec<Target>,
    /// Element ids the body defines (headings, footnotes, raw HTML).
    pub ids: Vec<String>,
    /// `#fragment` links: the page (`None` for this one), the fragment and where.
    pub fragments: Vec<(Option<Target>, String, Span)>,
    /// The files beside the content it links to or shows (output paths), sorted, once each.
    pub files: Vec<String>,
    /// Its section headings and the pages its links preview.
    pub outline: Outline,
    /// The links and images that found an entity, each once: a body kept from an earlier
    /// rebuild stays good while each finds the same entity again.
    pub found: Vec<Found>,
    /// The pages its images point at (an image whose address is a `.md` file), sorted,
    /// once each: not links, but written with the page's address.
    pub pictured: Vec<Target>,
}

impl Body {
    /// Every page the body names: its links, the pages of its fragment links, the pages
    /// it previews and those its images point at.
    pub fn targets(&self) -> impl Iterator<Item = &Target> {
        (self.links.iter())
            .chain(self.fragments.iter().filter_map(|(t, ..)| t.as_ref()))
            .chain(&self.outline.previews)
            .chain(&self.pictured)
    }

    /// Gives every page of [`Body::targets`] its number by `to`, keeping the lists sorted.
    pub fn renumber_targets(&mut self, to: impl Fn(&mut Target)) {
        self.links.iter_mut().for_each(&to);
        self.links.sort();
        (self.fragments.iter_mut()).for_each(|(t, ..)| t.iter_mut().for_each(&to));
        self.outline.previews.iter_mut().for_each(&to);
        self.pictured.iter_mut().for_each(&to);
        self.pictured.sort();
    }
}

/// A link or image of a body that found an entity: `[[dest]]` or a path to its profile.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Found {
    /// Whether it is a `[[wiki]]` link (else a path).
    pub wiki: bool,
    /// Its destination, as the Markdown parser gives it (a reference link's resolved).
    pub dest: Box<str>,
    /// The entity it found.
    pub entity: EntityIdx,
}

/// Whether each of `found`, links of the body of the file at `content_path` rendered
/// `depth` folders down, finds in `cx` the entity `to` gives for the one it found (`None`
/// for one that is gone).
pub fn finds_again(
    cx: &LinkContext<'_>,
    content_path: &str,
    depth: usize,
    found: &[Found],
    to: impl Fn(EntityIdx) -> Option<EntityIdx>,
) -> bool {
    let links = LinkResolver::new(cx, content_path, depth);
    found.iter().all(|f| {
        let target = match f.wiki {
            true => links.resolve_wiki(&f.dest).map(|p| p.target).ok(),
            false => match links.resolve_href(&f.dest) {
                Ok(links::Dest::Page(p)) => Some(p.target),
                _ => None,
            },
        };
        target.is_some() && target == to(f.entity).map(Target::Entity)
    })
}

/// How many pages one body's links preview at most: the first it links to, in order. A
/// page adds previews of its own links (`render::pages::PREVIEWS` in all), each a few
/// hundred bytes, so that a page stays within its budget however many links it has.
pub const BODY_PREVIEWS: usize = 12;

/// How many headings an [`Outline`] keeps: a table of contents is for finding a section,
/// and a longer one would only repeat the body.
pub const OUTLINE_HEADINGS: usize = 60;

/// What the page around a body needs of it besides its HTML: a table of contents and the
/// pages its links preview.
#[derive(Debug, Default, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Outline {
    /// Its `<h2>` and `<h3>` headings in order (as the page shows them, after an `<h1>` in
    /// the body moved every heading down), the first [`OUTLINE_HEADINGS`].
    pub headings: Vec<Heading>,
    /// The pages whose links carry `aria-describedby="preview-N"`, N being the place in
    /// this list counted from 1: the first [`BODY_PREVIEWS`] pages linked, in order.
    pub previews: Vec<Target>,
}

/// A section heading of a body.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    /// 2 or 3.
    pub level: u8,
    /// Its element id.
    pub id: String,
    /// Its text, without markup.
    pub text: String,
}

/// The element id of preview `n` (from 1) of a page; a body heading never takes one.
pub fn preview_id(n: usize) -> String {
    format!("{}{n}", crate::sections::PREVIEW_PREFIX)
}

/// What body links are resolved against.
pub struct LinkContext<'a> {
    pub site: &'a Resolved,
    pub names: &'a Names,
    /// Content path (`briefings/x.md`) → page.
    pub paths: HashMap<String, Target>,
    /// Content paths of the other files under `content/`, copied to the same output path.
    pub assets: HashSet<String>,
    /// Raw HTML in bodies is sanitized (site.yaml `safe_html: true`).
    pub safe_html: bool,
    /// Width and height of the pictures among `assets`, which their `<img>` carry.
    pub sizes: HashMap<String, (u32, u32)>,
    /// The words bodies write of their own, in the pages' language.
    pub words: BodyWords,
}

/// The few words a rendered body writes of its own (labels read to screen readers), in the
/// pages' language; escaped for an attribute.
#[derive(Debug, Clone, Hash)]
pub struct BodyWords {
    /// A footnote's link back to where it is called.
    pub back: String,
    /// A task list's checkbox, ticked and not.
    pub done: String,
    pub not_done: String,
}

impl Default for BodyWords {
    fn default() -> Self {
        BodyWords {
            back: "Back to the text".into(),
            done: "done".into(),
            not_done: "not done".into(),
        }
    }
}

impl BodyWords {
    /// The words as given, escaped for an HTML attribute.
    pub fn new(back: &str, done: &str, not_done: &str) -> Self {
        // The escaper the renderer writes image alt texts with.
        let esc = |s: &str| {
            let mut out = String::with_capacity(s.len());
            let _ = pulldown_cmark_escape::escape_html(&mut out, s);
            out
        };
        BodyWords {
            back: esc(back),
            done: esc(done),
            not_done: esc(not_done),
        }
    }
}

impl<'a> LinkContext<'a> {
    /// Indexes the content paths of every briefing and profile.
    pub fn new(
        site: &'a Resolved,
        names: &'a Names,
        assets: HashSet<String>,
        safe_html: bool,
    ) -> Self {
        let mut paths = HashMap::new();
        for (i, b) in site.briefings.iter().enumerate() {
            paths.insert(
                b.content_path.clone(),
                Target::Briefing(BriefingIdx(i as u32)),
            );
        }
        for (i, e) in site.entities.iter().enumerate() {
            if let Some(p) = &e.profile {
                paths.insert(p.content_path.clone(), Target::Entity(EntityIdx(i as u32)));
            }
        }
        LinkContext {
            site,
            names,
            paths,
            assets,
            safe_html,
            sizes: HashMap::new(),
            words: BodyWords::default(),
        }
    }

    /// The same, images of `sizes` (by content path) given their width and height.
    pub fn with_sizes(self, sizes: HashMap<String, (u32, u32)>) -> Self {
        LinkContext { sizes, ..self }
    }

    /// The same context, bodies writing `words`.
    pub fn with_words(self, words: BodyWords) -> Self {
        LinkContext { words, ..self }
    }

    fn name(&self, t: Target) -> String {
        match t {
            Target::Briefing(b) => self.site.briefing(b).title.clone(),
            Target::Entity(e) => self.site.entity(e).name.clone(),
        }
    }

    fn url(&self, t: Target) -> String {
        match t {
            Target::Briefing(b) => urls::briefing(&self.site.briefing(b).slug),
            Target::Entity(e) => urls::entity(&self.site.entity(e).id),
        }
    }
}

/// The files beside the content (output paths) that the Markdown `body` of the page at
/// `content_path` links to or shows, without rendering it: what a briefing left out of the
/// build would take with it.
pub fn files_linked(body: &str, content_path: &str) -> Vec<String> {
    use pulldown_cmark::{Event, LinkType, Tag};
    let dir = content_path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut files: Vec<String> = Parser::new_ext(body, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if !matches!(link_type, LinkType::WikiLink { .. }) => links::file_of(dir, &dest_url),
            Event::Start(Tag::Image { dest_url, .. }) => links::file_of(dir, &dest_url),
            _ => None,
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

/// The Markdown extensions bodies are read with.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
        // Curly quotes, apostrophes, en and em dashes and ellipses, as a copy desk sets them.
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Lines and Markdown marks a body may hold. pulldown-cmark keeps a tree node for nearly
/// every mark and line of a document at once, and the rewriting below an event or more
/// each (together 300-900 bytes a mark: a cell of `|a|`, a level of `- - - a` nesting),
/// so a 16 MiB file of such marks would need gigabytes; 600,000 keep any body under about
/// 600 MiB, while prose of 16 MiB (a line break and a mark or two a line) passes.
pub const MAX_MARKS: usize = 600_000;

/// The characters that open Markdown structure (emphasis, code, links, images, tables,
/// HTML, entities, strikethrough, escapes, headings, quotes), besides line breaks and
/// list markers.
const MARKS: &[u8] = b"*_`[]|<>&!~\\#";

/// The line of `text` on which its marks pass [`MAX_MARKS`] (0-based), if they do. List
/// markers count as marks: `-` or `+` before a space, tab or line break, and `.` or `)`
/// after a digit.
fn too_dense(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut marks = 0;
    let mut line = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let mark = match b {
            b'\n' => true,
            b'-' | b'+' => matches!(bytes.get(i + 1), Some(b' ' | b'\t' | b'\n') | None),
            b'.' | b')' => i > 0 && bytes[i - 1].is_ascii_digit(),
            _ => MARKS.contains(&b),
        };
        if mark {
            marks += 1;
            if marks > MAX_MARKS {
                return Some(line);
            }
        }
        if b == b'\n' {
            line += 1;
        }
    }
    None
}

/// Renders the body of the file at `path` (`content_path` inside `content/`), whose first
/// line is file line `first_line`, for a page `depth` folders below the output root.
pub fn render(
    text: &str,
    first_line: u32,
    path: &str,
    content_path: &str,
    depth: usize,
    cx: &LinkContext<'_>,
    diags: &mut Diagnostics,
) -> Body {
    if let Some(line) = too_dense(text) {
        diags.error(
            Code::BodyLimit,
            path,
            Span::new(first_line + line as u32, 1),
            format!(
                "the body has more than {MAX_MARKS} Markdown marks (line breaks, list markers, and the characters * _ ` [ ] | < > & ! ~ \\ #): split it into several files"
            ),
        );
        return Body::default();
    }
    render_with(
        options(),
        text,
        first_line,
        path,
        content_path,
        depth,
        cx,
        diags,
    )
}

/// [`render`] with the Markdown extensions `options` (the CommonMark spec test renders
/// with none).
#[allow(clippy::too_many_arguments)]
fn render_with(
    options: Options,
    text: &str,
    first_line: u32,
    path: &str,
    content_path: &str,
    depth: usize,
    cx: &LinkContext<'_>,
    diags: &mut Diagnostics,
) -> Body {
    let links = LinkResolver::new(cx, content_path, depth);
    let mut renderer = Renderer::new(text, first_line, path, links, diags);
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        renderer.event(event, range.start);
    }
    renderer.finish()
}

/// Warns about `#fragment` links to ids their page lacks; `has(page, id)` knows each page's
/// ids (this body's own included, under `this`).
pub fn check_fragments(
    body: &Body,
    this: Target,
    path: &str,
    has: impl Fn(Target, &str) -> bool,
    diags: &mut Diagnostics,
) {
    for (target, frag, span) in &body.fragments {
        if frag.is_empty() {
            continue;
        }
        let found = has(target.unwrap_or(this), frag);
        if !found {
            diags.warning(
                Code::MissingFragment,
                path,
                *span,
                format!("link to `#{frag}`: the target page has no element with that id"),
            );
        }
    }
}

#[cfg(test)]
mod commonmark_spec;
#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Parsed, parse_file};

    /// A small site to resolve links against: a briefing and a draft, an actor with an
    /// alias, `Mali` as an actor and as a place, two actors sharing an alias, a topic.
    pub(super) struct Fixture {
        resolved: Resolved,
        names: Names,
    }

    const FILES: &[(&str, &str)] = &[
        (
            "content/briefings/2025-11-20-plan.md",
            "---\ntitle: Plan\nactors: [Volodymyr Zelenskiy]\n---\n## Background\nText.\n",
        ),
        (
            "content/briefings/2025-11-21-talks.md",
            "---\ntitle: Talks\ndraft: true\n---\nDraft.\n",
        ),
        (
            "content/actors/volodymyr-zelenskiy.md",
            "---\nname: Volodymyr Zelenskiy\naliases: [Zelensky]\n---\n",
        ),
        ("content/actors/mali.md", "---\nname: Mali\n---\n"),
        ("content/places/mali.md", "---\nname: Mali\n---\n"),
        (
            "content/actors/alexander-stubb.md",
            "---\nname: Alexander Stubb\naliases: [AS]\n---\n",
        ),
        (
            "content/actors/andrii-sybiha.md",
            "---\nname: Andrii Sybiha\naliases: [AS]\n---\n",
        ),
        (
            "content/topics/us-peace-plan.md",
            "---\ntitle: US peace plan\n---\n",
        ),
    ];

    impl Fixture {
        pub(super) fn new() -> Fixture {
            let mut diags = Diagnostics::new();
            let (mut briefings, mut profiles) = (Vec::new(), Vec::new());
            for (path, text) in FILES {
                let file = crate::source::from_bytes(path, text.as_bytes().to_vec(), &mut diags)
                    .expect("the fixture is UTF-8");
                match parse_file(&file, &mut diags) {
                    Some(Parsed::Briefing(b)) => briefings.push(*b),
                    Some(Parsed::Profile(p)) => profiles.push(*p),
                    Some(Parsed::Source(_)) | None => {
                        panic!("{path} does not parse: {:?}", diags.sorted())
                    }
                }
            }
            let resolved = crate::resolve::resolve(briefings, profiles, false, &mut diags);
            let names = resolved.link_names();
            Fixture { resolved, names }
        }

        /// The links context, with `briefings/map.png` copied beside the content.
        pub(super) fn cx(&self) -> LinkContext<'_> {
            self.cx_with(&["briefings/map.png"])
        }

        /// The links context, with `assets` (content paths) copied beside the content.
        pub(super) fn cx_with(&self, assets: &[&str]) -> LinkContext<'_> {
            let assets = assets.iter().map(|a| a.to_string()).collect();
            LinkContext::new(&self.resolved, &self.names, assets, false)
        }

        /// The page of the entity with `id` of `kind`.
        pub(super) fn entity(&self, kind: crate::model::Kind, id: &str) -> Target {
            let i = self
                .resolved
                .entities
                .iter()
                .position(|e| e.id.kind == kind && e.id.slug.as_str() == id)
                .unwrap_or_else(|| panic!("no {id} in the fixture"));
            Target::Entity(EntityIdx(i as u32))
        }

        /// The page of the briefing with `slug`.
        pub(super) fn briefing(&self, slug: &str) -> Target {
            let i = self
                .resolved
                .briefings
                .iter()
                .position(|b| b.slug.as_str() == slug)
                .unwrap_or_else(|| panic!("no {slug} in the fixture"));
            Target::Briefing(BriefingIdx(i as u32))
        }
    }

    #[test]
    fn a_body_past_the_mark_limit_is_refused_at_its_line() {
        let fixture = Fixture::new();
        let cx = fixture.cx();
        let mut diags = Diagnostics::new();
        let text = format!("Intro.\n{}", "*".repeat(MAX_MARKS + 1));
        let body = render(&text, 4, "content/x.md", "x.md", 0, &cx, &mut diags);
        assert!(body.html.is_empty());
        let d: Vec<_> = diags.iter().collect();
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].code, d[0].span), (Code::BodyLimit, Span::new(5, 1)));
    }
}
