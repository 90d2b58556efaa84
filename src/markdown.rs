//! Markdown bodies to HTML: CommonMark plus tables, footnotes, strikethrough, task lists and
//! heading ids; `[[wiki]]` and `.md` links rewritten to page URLs.

use crate::diagnostic::{Code, Diagnostics, LineIndex, Span};
use crate::model::{BriefingIdx, EntityIdx, Kind};
use crate::names::{NameMatch, Names};
use crate::resolve::Resolved;
use crate::sections::is_reserved as is_theme_id;
use crate::urls;
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// Where a body link points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Briefing(BriefingIdx),
    Entity(EntityIdx),
}

/// A rendered body and the pages it links to.
#[derive(Debug, Default, Clone)]
pub struct Body {
    pub html: String,
    /// Sorted, without repeats.
    pub links: Vec<Target>,
    /// Element ids the body defines (headings, footnotes, raw HTML).
    pub ids: Vec<String>,
    /// `#fragment` links: the page (`None` for this one), the fragment and where.
    pub fragments: Vec<(Option<Target>, String, Span)>,
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
        }
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

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
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
    let lines = LineIndex::new(text);
    let root = "../".repeat(depth);
    let dir = content_path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut links: HashSet<Target> = HashSet::new();
    let mut events: Vec<Event<'_>> = Vec::new();
    // For each open link: whether its start was dropped (rendered as plain text).
    let mut dropped: Vec<bool> = Vec::new();
    // The same for each open image.
    let mut images: Vec<bool> = Vec::new();
    let mut heading: Option<usize> = None;
    // A prefixed wiki link without a label (`[[topic:x]]`) shows its target's name.
    let mut label: Option<String> = None;
    let mut empty_label: Option<(usize, String)> = None;
    let mut used_ids = UsedIds::default();
    let mut ids: Vec<String> = Vec::new();
    let mut fragments: Vec<(Option<Target>, String, Span)> = Vec::new();
    let mut has_h1 = false;

    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let span = lines.span(range.start, first_line);
                let resolved = match link_type {
                    LinkType::WikiLink { .. } => wiki(&dest_url, cx, path, span, diags),
                    _ => href(&dest_url, dir, cx, path, span, diags),
                };
                if let Rewrite::To(target, fragment) = &resolved {
                    links.insert(*target);
                    if let Some(frag) = fragment.strip_prefix('#') {
                        fragments.push((Some(*target), frag.to_string(), span));
                    }
                    if let LinkType::WikiLink { has_pothole } = link_type {
                        if has_pothole {
                            // `[[Kyiv|]]`: an empty label falls back to the entity's name.
                            empty_label = Some((events.len() + 1, cx.name(*target)));
                        } else if dest_url.contains(':') {
                            label = Some(cx.name(*target));
                        } else if let Some((written, _)) = dest_url.split_once('#') {
                            label = Some(written.trim().to_string());
                        }
                    }
                }
                if matches!(resolved, Rewrite::Text) {
                    dropped.push(true);
                    continue;
                }
                if matches!(resolved, Rewrite::Keep)
                    && let Some(frag) = dest_url.strip_prefix('#')
                {
                    fragments.push((None, frag.to_string(), span));
                }
                dropped.push(false);
                let dest_url = resolved.url(&root, cx).map_or(dest_url, Into::into);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Text(_) | Event::Code(_) if label.is_some() => {}
            Event::End(TagEnd::Link) => {
                if let Some(name) = label.take() {
                    events.push(Event::Text(name.into()));
                } else if let Some((start, name)) = empty_label.take()
                    && events[start.min(events.len())..]
                        .iter()
                        .all(|e| matches!(e, Event::Text(t) if t.trim().is_empty()))
                {
                    events.push(Event::Text(name.into()));
                }
                if !dropped.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let span = lines.span(range.start, first_line);
                let resolved = href(&dest_url, dir, cx, path, span, diags);
                // An image that cannot be shown leaves its alt text, as a browser would.
                images.push(matches!(resolved, Rewrite::Text));
                if matches!(resolved, Rewrite::Text) {
                    continue;
                }
                let dest_url = resolved.url(&root, cx).map_or(dest_url, Into::into);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                if !images.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Image));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                has_h1 |= level == HeadingLevel::H1;
                heading = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading.take()
                    && let Event::Start(Tag::Heading {
                        id, classes, attrs, ..
                    }) = &events[start]
                {
                    let id = match id {
                        Some(id) => used_ids.unique(id.to_string()),
                        None => {
                            let text: String = events[start + 1..]
                                .iter()
                                .filter_map(|e| match e {
                                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                                    _ => None,
                                })
                                .collect();
                            let base = crate::slug::slugify(&text);
                            let base = if base.is_empty() {
                                "section".to_string()
                            } else {
                                base
                            };
                            used_ids.unique(base)
                        }
                    };
                    ids.push(id.clone());
                    events[start] = Event::Start(Tag::Heading {
                        level,
                        id: Some(id.into()),
                        classes: classes.clone(),
                        attrs: attrs.clone(),
                    });
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Html(ref raw) | Event::InlineHtml(ref raw) => {
                ids.extend(html_ids(raw));
                events.push(event);
            }
            // A bare checkbox has no accessible name: screen readers would say "checkbox".
            Event::TaskListMarker(done) => events.push(Event::InlineHtml(
                if done {
                    "<input type=\"checkbox\" disabled checked aria-label=\"done\"> "
                } else {
                    "<input type=\"checkbox\" disabled aria-label=\"not done\"> "
                }
                .into(),
            )),
            other => events.push(other),
        }
    }
    if has_h1 {
        // The page's title is its only <h1>: the body's headings move one level down.
        for e in events.iter_mut() {
            match e {
                Event::Start(Tag::Heading { level, .. }) | Event::End(TagEnd::Heading(level)) => {
                    *level = demote(*level);
                }
                _ => {}
            }
        }
    }
    footnotes(&mut events, &mut ids);
    let mut html = String::with_capacity(text.len() + text.len() / 4);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if cx.safe_html {
        html = crate::sanitize::body(&html);
        // An id on an element the sanitizer dropped (`<form id=x>`) is no target any more.
        // One pass over the HTML, not one search per id: a body may have 20,000 headings.
        let kept: HashSet<&str> = html
            .match_indices("id=\"")
            .filter_map(|(at, _)| {
                let value = &html[at + 4..];
                value.find('"').map(|end| &value[..end])
            })
            .collect();
        ids.retain(|id| {
            let attr = id.replace('&', "&amp;").replace('"', "&quot;");
            kept.contains(attr.as_str())
        });
    }
    let mut links: Vec<Target> = links.into_iter().collect();
    links.sort();
    Body {
        html,
        links,
        ids,
        fragments,
    }
}

/// Renders footnotes with ids that are valid and cannot collide with headings
/// (`fn-<label>`, `fnref-<label>`), numbered in order of first reference, each definition
/// linking back to its first reference.
fn footnotes(events: &mut [Event<'_>], ids: &mut Vec<String>) {
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut referenced: HashSet<String> = HashSet::new();
    let id = |label: &str| {
        let slug = crate::slug::slugify(label);
        if slug.is_empty() {
            "note".to_string()
        } else {
            slug
        }
    };
    for e in events.iter() {
        if let Event::FootnoteReference(label) = e {
            let n = numbers.len() + 1;
            numbers.entry(id(label)).or_insert(n);
        }
    }
    for e in events.iter() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = e {
            let n = numbers.len() + 1;
            numbers.entry(id(label)).or_insert(n);
        }
    }
    let mut open: Vec<String> = Vec::new();
    for e in events.iter_mut() {
        let html = match e {
            Event::FootnoteReference(label) => {
                let slug = id(label);
                let n = numbers.get(&slug).copied().unwrap_or(0);
                // Only the first reference carries the id the back link points to.
                let anchor = if referenced.insert(slug.clone()) {
                    ids.push(format!("fnref-{slug}"));
                    format!(" id=\"fnref-{slug}\"")
                } else {
                    String::new()
                };
                format!(
                    "<sup class=\"footnote-reference\"{anchor}><a href=\"#fn-{slug}\">{n}</a></sup>"
                )
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let slug = id(label);
                let n = numbers.get(&slug).copied().unwrap_or(0);
                ids.push(format!("fn-{slug}"));
                open.push(slug.clone());
                format!(
                    "<div class=\"footnote-definition\" id=\"fn-{slug}\"><sup class=\"footnote-definition-label\">{n}</sup>"
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let slug = open.pop().unwrap_or_default();
                if referenced.contains(&slug) {
                    format!(
                        "<a class=\"footnote-backref\" href=\"#fnref-{slug}\" aria-label=\"Back to the text\">↩</a></div>\n"
                    )
                } else {
                    "</div>\n".to_string()
                }
            }
            _ => continue,
        };
        *e = Event::Html(html.into());
    }
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Values of ` id="…"` attributes in a piece of raw HTML.
fn html_ids(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find("id=") {
        let before = rest[..i].chars().last();
        let after = &rest[i + 3..];
        rest = after;
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = after[1..].find(q) {
            out.push(after[1..1 + end].to_string());
        }
    }
    out
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

/// Ids given on one page so far, and per base the next suffix to try, so that many
/// headings with one text cost one step each rather than a rescan of `base-1`, `base-2`….
#[derive(Default)]
struct UsedIds {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl UsedIds {
    /// `base`, or `base-1`, `base-2`… : never an id already on the page or one the theme uses.
    fn unique(&mut self, base: String) -> String {
        let mut n = self.next.get(&base).copied().unwrap_or(0);
        let name = |n: usize| {
            if n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        };
        let mut candidate = name(n);
        while self.used.contains(&candidate) || is_theme_id(&candidate) {
            #[cfg(test)]
            PROBES.with(|p| p.set(p.get() + 1));
            n += 1;
            candidate = name(n);
        }
        self.used.insert(candidate.clone());
        self.next.insert(base, n + 1);
        candidate
    }
}

enum Rewrite {
    Keep,
    To(Target, String),
    /// A file copied from `content/`, by its output path (with any fragment).
    Asset(String),
    Text,
}

impl Rewrite {
    /// The new URL, from a page `root` (`../../`) back to the output root; `None` keeps the
    /// link as written.
    fn url(&self, root: &str, cx: &LinkContext<'_>) -> Option<String> {
        match self {
            Rewrite::To(t, fragment) => {
                Some(format!("{}{fragment}", urls::href(root, &cx.url(*t))))
            }
            Rewrite::Asset(out) => Some(format!("{root}{out}")),
            Rewrite::Keep | Rewrite::Text => None,
        }
    }
}

/// A relative link to a file that is not Markdown: it must be one of the files beside the
/// content, which are copied to the same place in the output.
#[allow(clippy::too_many_arguments)]
fn asset(
    dest: &str,
    file: &str,
    fragment: &str,
    dir: &str,
    cx: &LinkContext<'_>,
    path: &str,
    span: crate::diagnostic::Span,
    diags: &mut Diagnostics,
) -> Rewrite {
    let decoded = percent_decode(file);
    match join(dir, &decoded) {
        Some(target) if cx.assets.contains(&target) => {
            Rewrite::Asset(format!("{target}{fragment}"))
        }
        Some(target) => {
            diags.error(Code::BrokenLink,
                path,
                span,
                format!(
                    "link `{dest}` matches no file (looked for content/{target}); link pages with .md paths or root-relative URLs (/tags/x/)"
                ),
            );
            Rewrite::Text
        }
        None => {
            diags.error(
                Code::OutsideContent,
                path,
                span,
                format!("link `{dest}` points outside content/"),
            );
            Rewrite::Text
        }
    }
}

fn wiki(
    dest: &str,
    cx: &LinkContext<'_>,
    path: &str,
    span: crate::diagnostic::Span,
    diags: &mut Diagnostics,
) -> Rewrite {
    // `[[Zelensky#background]]` links to a section of the page.
    let (dest, fragment) = match dest.split_once('#') {
        Some((d, f)) => (d, format!("#{f}")),
        None => (dest, String::new()),
    };
    let lower = |p: &str| p.trim().to_ascii_lowercase();
    let (prefix, name) = match dest.split_once(':') {
        Some((p, n)) if ["actor", "place", "topic", "briefing"].contains(&lower(p).as_str()) => {
            (Some(lower(p)), n.trim())
        }
        _ => (None, dest.trim()),
    };
    let prefix = prefix.as_deref();
    if prefix == Some("briefing") {
        if let Some(b) = cx.names.briefing(name) {
            return Rewrite::To(Target::Briefing(b), fragment);
        }
        if cx
            .site
            .drafts
            .values()
            .any(|s| Some(s) == crate::model::Slug::new(name).as_ref())
        {
            diags.warning(
                Code::LinkToDraft,
                path,
                span,
                format!("[[briefing:{name}]] links to a draft: rendered as text"),
            );
            return Rewrite::Text;
        }
        let d = diags.error(
            Code::BrokenLink,
            path,
            span,
            format!("[[briefing:{name}]] matches no briefing slug"),
        );
        let slugs = cx.site.briefings.iter().map(|b| b.slug.as_str());
        if let Some(h) = crate::suggest::did_you_mean(name, slugs) {
            d.with_help(h);
        }
        return Rewrite::Text;
    }
    let kind = prefix.and_then(|p| Kind::ALL.into_iter().find(|k| k.word() == p));
    match cx.names.find(name, kind) {
        NameMatch::One(e) => Rewrite::To(Target::Entity(e), fragment),
        NameMatch::Many(found) => {
            let kinds: Vec<Kind> = found.iter().map(|e| cx.site.entity(*e).id.kind).collect();
            let mut distinct = kinds.clone();
            distinct.dedup();
            let (code, msg) = if distinct.len() > 1 {
                let hints: Vec<String> = distinct
                    .iter()
                    .map(|k| format!("[[{}:{}]]", k.word(), name))
                    .collect();
                let msg = format!(
                    "[[{name}]] names more than one kind of entity: write {}",
                    hints.join(" or ")
                );
                (Code::WikiTwoKinds, msg)
            } else {
                let ids: Vec<String> = found
                    .iter()
                    .map(|e| cx.site.entity(*e).id.slug.to_string())
                    .collect();
                let msg = format!(
                    "[[{name}]] is ambiguous: it matches {}; use an id",
                    ids.join(" and ")
                );
                (Code::AmbiguousName, msg)
            };
            diags.error(code, path, span, msg);
            Rewrite::Text
        }
        NameMatch::None => {
            let what = kind.map_or("actor, place or topic", Kind::word);
            let d = diags.error(
                Code::BrokenLink,
                path,
                span,
                format!("[[{dest}]] matches no {what} (by id, name or alias)"),
            );
            let known = cx
                .site
                .entities
                .iter()
                .filter(|e| kind.is_none_or(|k| k == e.id.kind))
                .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
                .map(String::as_str);
            if let Some(h) = crate::suggest::did_you_mean(name, known) {
                d.with_help(h);
            }
            Rewrite::Text
        }
    }
}

fn href(
    dest: &str,
    dir: &str,
    cx: &LinkContext<'_>,
    path: &str,
    span: crate::diagnostic::Span,
    diags: &mut Diagnostics,
) -> Rewrite {
    if let Some(scheme) = urls::script_scheme(dest) {
        diags.warning(
            Code::ScriptUrl,
            path,
            span,
            format!(
                "`{scheme}:` URL not linked (it could run script in a reader's browser): rendered as text"
            ),
        );
        return Rewrite::Text;
    }
    // Root-relative URLs are moved under the base path with the rest of the page.
    let is_external = dest.starts_with('/')
        || dest.contains("://")
        || dest.starts_with("//")
        || dest.starts_with('#')
        || dest.split_once(':').is_some_and(|(s, _)| !s.contains('/'));
    if is_external {
        return Rewrite::Keep;
    }
    let (file, fragment) = match dest.split_once('#') {
        Some((f, frag)) => (f, format!("#{frag}")),
        None => (dest, String::new()),
    };
    // A query string means nothing to a static page: resolve the file without it.
    let file = file.split_once('?').map_or(file, |(f, _)| f);
    if file.is_empty() {
        return Rewrite::Keep;
    }
    if !file.to_ascii_lowercase().ends_with(".md") {
        return asset(dest, file, &fragment, dir, cx, path, span, diags);
    }
    let file = percent_decode(file);
    let Some(target_path) = join(dir, &file) else {
        diags.error(
            Code::OutsideContent,
            path,
            span,
            format!("link `{dest}` points outside content/"),
        );
        return Rewrite::Text;
    };
    if let Some(t) = cx.paths.get(&target_path) {
        return Rewrite::To(*t, fragment);
    }
    if cx.site.drafts.contains_key(&target_path) {
        diags.warning(
            Code::LinkToDraft,
            path,
            span,
            format!("link `{dest}` goes to a draft: rendered as text"),
        );
        return Rewrite::Text;
    }
    let d = diags.error(
        Code::BrokenLink,
        path,
        span,
        format!("link `{dest}` matches no file (looked for content/{target_path})"),
    );
    // Suggest a page in the same folder, written the way the link was.
    let (target_dir, name) = target_path.rsplit_once('/').unwrap_or(("", &target_path));
    let siblings = cx.paths.keys().filter_map(|p| {
        let (pd, pn) = p.rsplit_once('/').unwrap_or(("", p));
        (pd == target_dir).then_some(pn)
    });
    if let Some(best) = crate::suggest::closest(name, siblings) {
        let shown = match file.rsplit_once('/') {
            Some((written_dir, _)) => format!("{written_dir}/{best}"),
            None => best.to_string(),
        };
        d.with_help(format!("did you mean `{shown}`?"));
    }
    Rewrite::Text
}

/// Joins a relative link to the folder of the linking file; `None` if it leaves content/.
fn join(dir: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
thread_local! {
    /// Ids tried and found taken by `unique_id`, on this thread.
    static PROBES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_headings_get_numbered_ids_without_rescanning() {
        let mut used = UsedIds::default();
        PROBES.with(|p| p.set(0));
        let ids: Vec<String> = (0..2_000)
            .map(|_| used.unique("same".to_string()))
            .collect();
        assert_eq!(ids[0], "same");
        assert_eq!(ids[1], "same-1");
        assert_eq!(ids[1_999], "same-1999");
        // `same-1` written out as a heading's own id, then taken by no later `same`.
        let mut used = UsedIds::default();
        let a = used.unique("same-1".to_string());
        let b = used.unique("same".to_string());
        let c = used.unique("same".to_string());
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            ("same-1", "same", "same-2")
        );
        // A theme id is never given: `related` becomes `related-1`.
        assert_eq!(used.unique("related".to_string()), "related-1");
        let probes = PROBES.with(std::cell::Cell::get);
        assert!(probes <= 4_100, "{probes} ids tried for 2,003 headings");
    }
}
