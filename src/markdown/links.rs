//! Where the links of one body go: `[[wiki]]` names to pages, relative `.md` paths to
//! pages, other relative paths to the files copied from `content/`; anything else is kept.

use super::{LinkContext, Target};
use crate::diagnostic::{Code, Diagnostics, Span};
use crate::model::{Kind, Slug, join_path as join};
use crate::names::NameMatch;
use crate::schedule::Window;
use crate::urls;
use std::fmt;

/// Where a link goes once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dest {
    /// Kept as written: another site, a root-relative URL, a fragment of this page.
    Keep,
    /// A page of the site.
    Page(Page),
    /// A file copied from `content/`, by its output path (with any fragment).
    Asset(String),
}

/// A page of the site and the fragment a link to it was written with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page.
    pub target: Target,
    /// `#section`, or empty.
    pub fragment: String,
}

/// Why a link cannot be followed: it is rendered as its text, and reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// A `javascript:` URL or the like.
    ScriptUrl { scheme: String },
    /// A relative path that climbs out of `content/`.
    OutsideContent { dest: String },
    /// A relative path to a file that is neither Markdown nor beside the content.
    NoFile { dest: String, looked_for: String },
    /// A `.md` path that is no page; the suggestion is written the way the link was.
    NoPage {
        dest: String,
        looked_for: String,
        suggestion: Option<String>,
    },
    /// A `.md` path to a draft left out of the build.
    DraftPage { dest: String },
    /// `[[briefing:slug]]` of a draft left out of the build.
    DraftBriefing { slug: String },
    /// A link (as written) to a briefing left out for its window: embargoed (an error: the
    /// link would leak it) or expired.
    Withheld {
        dest: String,
        window: Window,
        when: String,
    },
    /// `[[briefing:slug]]` of no briefing; `dated` when it was written with its file's
    /// date prefix (`2025-11-20-us-framework`), which slugs drop.
    NoBriefing {
        slug: String,
        suggestion: Option<String>,
        dated: bool,
    },
    /// A name shared by entities of several kinds (in the order found).
    TwoKinds { name: String, kinds: Vec<Kind> },
    /// A name shared by entities of one kind, by their ids.
    Ambiguous { name: String, ids: Vec<String> },
    /// No entity (of `kind`, if prefixed) has that id, name or alias.
    NoEntity {
        written: String,
        kind: Option<Kind>,
        suggestion: Option<String>,
    },
}

impl LinkError {
    /// The diagnostic code it is reported under.
    pub fn code(&self) -> Code {
        match self {
            LinkError::ScriptUrl { .. } => Code::ScriptUrl,
            LinkError::OutsideContent { .. } => Code::OutsideContent,
            LinkError::DraftPage { .. } | LinkError::DraftBriefing { .. } => Code::LinkToDraft,
            LinkError::Withheld {
                window: Window::Expired(_),
                ..
            } => Code::LinkToExpired,
            LinkError::Withheld { .. } => Code::LinkToEmbargoed,
            LinkError::TwoKinds { .. } => Code::WikiTwoKinds,
            LinkError::Ambiguous { .. } => Code::AmbiguousName,
            LinkError::NoFile { .. }
            | LinkError::NoPage { .. }
            | LinkError::NoBriefing { .. }
            | LinkError::NoEntity { .. } => Code::BrokenLink,
        }
    }

    /// Whether the build still passes: the text a script URL or a draft link leaves is
    /// what its author would want published.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            LinkError::ScriptUrl { .. }
                | LinkError::DraftPage { .. }
                | LinkError::DraftBriefing { .. }
                | LinkError::Withheld {
                    window: Window::Expired(_),
                    ..
                }
        )
    }

    /// The close spelling to offer, if one was found.
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            LinkError::NoPage { suggestion, .. }
            | LinkError::NoBriefing { suggestion, .. }
            | LinkError::NoEntity { suggestion, .. } => suggestion.as_deref(),
            _ => None,
        }
    }

    /// Records it as a diagnostic of the link at `span` of the file at `path`.
    pub fn report(&self, path: &str, span: Span, diags: &mut Diagnostics) {
        let d = if self.is_warning() {
            diags.warning(self.code(), path, span, self.to_string())
        } else {
            diags.error(self.code(), path, span, self.to_string())
        };
        if let Some(s) = self.suggestion() {
            d.with_fix(
                format!("Link to `{s}`"),
                crate::diagnostic::Edit::LinkTarget {
                    at: span,
                    text: s.to_string(),
                },
            );
        }
        match self {
            LinkError::NoBriefing {
                suggestion, dated, ..
            } => {
                let hint = suggestion
                    .as_ref()
                    .map(|s| format!("did you mean `[[briefing:{s}]]`?"));
                match (dated, hint) {
                    (true, Some(h)) => {
                        d.with_help(format!("briefing slugs drop the date prefix: {h}"));
                    }
                    (true, None) => {
                        d.with_help("briefing slugs drop the date prefix of the file name");
                    }
                    (false, Some(h)) => {
                        d.with_help(h);
                    }
                    (false, None) => {}
                }
            }
            _ => {
                if let Some(s) = self.suggestion() {
                    d.with_help(format!("did you mean `{s}`?"));
                }
            }
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::ScriptUrl { scheme } => write!(
                f,
                "`{scheme}:` URL not linked (it could run script in a reader's browser): rendered as text"
            ),
            LinkError::OutsideContent { dest } => {
                write!(f, "link `{dest}` points outside content/")
            }
            LinkError::NoFile { dest, looked_for } => write!(
                f,
                "link `{dest}` matches no file (looked for content/{looked_for}); link pages with .md paths or root-relative URLs (/tags/x/)"
            ),
            LinkError::NoPage {
                dest, looked_for, ..
            } => write!(
                f,
                "link `{dest}` matches no file (looked for content/{looked_for})"
            ),
            LinkError::DraftPage { dest } => {
                write!(f, "link `{dest}` goes to a draft: rendered as text")
            }
            LinkError::DraftBriefing { slug } => {
                write!(f, "[[briefing:{slug}]] links to a draft: rendered as text")
            }
            LinkError::Withheld {
                dest,
                window: Window::Embargoed(_),
                when,
            } => write!(
                f,
                "link `{dest}` goes to a briefing embargoed until {when}: publishing the link would leak it"
            ),
            LinkError::Withheld {
                dest,
                window: Window::Expired(_),
                when,
            } => write!(
                f,
                "link `{dest}` goes to a briefing that expired on {when}: rendered as text"
            ),
            LinkError::Withheld { dest, .. } => {
                write!(f, "link `{dest}` goes to a briefing left out")
            }
            LinkError::NoBriefing { slug, .. } => {
                write!(f, "[[briefing:{slug}]] matches no briefing slug")
            }
            LinkError::TwoKinds { name, kinds } => {
                let hints: Vec<String> = kinds
                    .iter()
                    .map(|k| format!("[[{}:{name}]]", k.word()))
                    .collect();
                write!(
                    f,
                    "[[{name}]] names more than one kind of entity: write {}",
                    hints.join(" or ")
                )
            }
            LinkError::Ambiguous { name, ids } => write!(
                f,
                "[[{name}]] is ambiguous: it matches {}; use an id",
                ids.join(" and ")
            ),
            LinkError::NoEntity { written, kind, .. } => {
                let what = kind.map_or("actor, place, topic or author", Kind::word);
                write!(f, "[[{written}]] matches no {what} (by id, name or alias)")
            }
        }
    }
}

/// Resolves the links of one body: relative paths from the folder of its file, URLs from
/// the folder of its page.
pub struct LinkResolver<'a> {
    cx: &'a LinkContext<'a>,
    /// The folder of the linking file inside `content/` (`""` at its top).
    dir: &'a str,
    /// From the page back to the output root (`../../`).
    root: String,
}

impl<'a> LinkResolver<'a> {
    /// A resolver for the file at `content_path`, rendered `depth` folders below the root.
    pub fn new(cx: &'a LinkContext<'a>, content_path: &'a str, depth: usize) -> Self {
        LinkResolver {
            cx,
            dir: content_path.rsplit_once('/').map_or("", |(d, _)| d),
            root: "../".repeat(depth),
        }
    }

    /// What the links are resolved against.
    pub fn context(&self) -> &'a LinkContext<'a> {
        self.cx
    }

    /// The name a page is shown by: a briefing's title, an entity's name.
    pub fn name(&self, t: Target) -> String {
        self.cx.name(t)
    }

    /// The URL a resolved link is written with; `None` keeps it as written.
    pub fn url(&self, dest: &Dest) -> Option<String> {
        match dest {
            Dest::Page(Page { target, fragment }) => Some(format!(
                "{}{fragment}",
                urls::href(&self.root, &self.cx.url(*target))
            )),
            Dest::Asset(out) => Some(format!("{}{out}", self.root)),
            Dest::Keep => None,
        }
    }

    /// The page of `[[dest]]`: an entity by id, name or alias (`[[topic:x]]` of one kind),
    /// or `[[briefing:slug]]`, with any `#fragment`.
    pub fn resolve_wiki(&self, dest: &str) -> Result<Page, LinkError> {
        let (dest, fragment) = match dest.split_once('#') {
            Some((d, f)) => (d, format!("#{f}")),
            None => (dest, String::new()),
        };
        let page = |target| Page {
            target,
            fragment: fragment.clone(),
        };
        let lower = |p: &str| p.trim().to_ascii_lowercase();
        let (prefix, name) = match dest.split_once(':') {
            Some((p, n)) if lower(p) == "briefing" || Kind::from_word(&lower(p)).is_some() => {
                (Some(lower(p)), n.trim())
            }
            _ => (None, dest.trim()),
        };
        let site = self.cx.site;
        if prefix.as_deref() == Some("briefing") {
            if let Some(b) = self.cx.names.briefing(name) {
                return Ok(page(Target::Briefing(b)));
            }
            // A file's name is dated, its slug is not: `2025-11-20-us-framework` is
            // looked for as `us-framework`.
            let (undated, dated) = match crate::parse::date_prefix(name) {
                Some((_, rest)) => (rest, true),
                None => (name, false),
            };
            let slug = Slug::new(undated);
            if site.drafts.values().any(|s| Some(s) == slug.as_ref()) {
                return Err(LinkError::DraftBriefing {
                    slug: name.to_string(),
                });
            }
            if let Some((_, w, when)) =
                (site.withheld.values()).find(|(s, ..)| Some(s) == slug.as_ref())
            {
                return Err(LinkError::Withheld {
                    dest: format!("[[briefing:{name}]]"),
                    window: *w,
                    when: when.clone(),
                });
            }
            let suggestion = match self.cx.names.briefing(undated) {
                Some(b) => Some(site.briefing(b).slug.to_string()),
                None => {
                    let slugs = site.briefings.iter().map(|b| b.slug.as_str());
                    crate::suggest::closest(undated, slugs).map(str::to_string)
                }
            };
            return Err(LinkError::NoBriefing {
                slug: name.to_string(),
                suggestion,
                dated,
            });
        }
        let kind = prefix.and_then(|p| Kind::ALL.into_iter().find(|k| k.word() == p));
        match self.cx.names.find(name, kind) {
            NameMatch::One(e) => Ok(page(Target::Entity(e))),
            NameMatch::Many(found) => {
                let mut kinds: Vec<Kind> = found.iter().map(|e| site.entity(*e).id.kind).collect();
                kinds.dedup();
                Err(if kinds.len() > 1 {
                    LinkError::TwoKinds {
                        name: name.to_string(),
                        kinds,
                    }
                } else {
                    LinkError::Ambiguous {
                        name: name.to_string(),
                        ids: found
                            .iter()
                            .map(|e| site.entity(*e).id.slug.to_string())
                            .collect(),
                    }
                })
            }
            NameMatch::None => {
                let known = site
                    .entities
                    .iter()
                    .filter(|e| kind.is_none_or(|k| k == e.id.kind))
                    .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
                    .map(String::as_str);
                Err(LinkError::NoEntity {
                    written: dest.to_string(),
                    kind,
                    suggestion: crate::suggest::closest(name, known).map(str::to_string),
                })
            }
        }
    }

    /// Where a Markdown link or image `dest` goes: a page for a relative `.md` path, a
    /// copied file for another relative path; other URLs are kept.
    pub fn resolve_href(&self, dest: &str) -> Result<Dest, LinkError> {
        if let Some(scheme) = urls::script_scheme(dest) {
            return Err(LinkError::ScriptUrl { scheme });
        }
        if is_external(dest) {
            return Ok(Dest::Keep);
        }
        let (file, fragment) = match dest.split_once('#') {
            Some((f, frag)) => (f, format!("#{frag}")),
            None => (dest, String::new()),
        };
        // A query string means nothing to a static page: resolve the file without it.
        let file = file.split_once('?').map_or(file, |(f, _)| f);
        if file.is_empty() {
            return Ok(Dest::Keep);
        }
        let outside = || LinkError::OutsideContent {
            dest: dest.to_string(),
        };
        if !file.to_ascii_lowercase().ends_with(".md") {
            // Not a page: it must be one of the files beside the content, which are copied
            // to the same place in the output.
            let target = join(self.dir, &percent_decode(file)).ok_or_else(outside)?;
            if self.cx.assets.contains(&target) {
                return Ok(Dest::Asset(format!("{target}{fragment}")));
            }
            return Err(LinkError::NoFile {
                dest: dest.to_string(),
                looked_for: target,
            });
        }
        let file = percent_decode(file);
        let target_path = join(self.dir, &file).ok_or_else(outside)?;
        if let Some(t) = self.cx.paths.get(&target_path) {
            return Ok(Dest::Page(Page {
                target: *t,
                fragment,
            }));
        }
        if self.cx.site.drafts.contains_key(&target_path) {
            return Err(LinkError::DraftPage {
                dest: dest.to_string(),
            });
        }
        if let Some((_, w, when)) = self.cx.site.withheld.get(&target_path) {
            return Err(LinkError::Withheld {
                dest: dest.to_string(),
                window: *w,
                when: when.clone(),
            });
        }
        // Suggest a page in the same folder, written the way the link was.
        let (target_dir, name) = target_path.rsplit_once('/').unwrap_or(("", &target_path));
        let siblings = self.cx.paths.keys().filter_map(|p| {
            let (pd, pn) = p.rsplit_once('/').unwrap_or(("", p));
            (pd == target_dir).then_some(pn)
        });
        let suggestion = crate::suggest::closest(name, siblings)
            .map(|best| match file.rsplit_once('/') {
                Some((written_dir, _)) => format!("{written_dir}/{best}"),
                None => best.to_string(),
            })
            .or_else(|| self.same_name_elsewhere(name));
        Err(LinkError::NoPage {
            dest: dest.to_string(),
            looked_for: target_path,
            suggestion,
        })
    }

    /// A page named `name` in another folder, or the briefing whose dated file name is
    /// `name` without its date (`us-framework.md` → `2025-11-20-us-framework.md`), as a
    /// path from the linking file's folder; the first such path in sorted order.
    fn same_name_elsewhere(&self, name: &str) -> Option<String> {
        let undated = |n: &str| -> String {
            let n = n.to_ascii_lowercase();
            match crate::parse::date_prefix(&n) {
                Some((_, rest)) => rest.to_string(),
                None => n,
            }
        };
        let want = undated(name);
        let found = (self.cx.paths.keys())
            .filter(|p| undated(p.rsplit_once('/').map_or(p.as_str(), |(_, n)| n)) == want)
            .min()?;
        Some(relative(self.dir, found))
    }
}

/// The path of `to` (inside `content/`) from the folder `from` (inside `content/`).
pub(crate) fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to_parts[common.min(to_parts.len())..].join("/"));
    out
}

/// Whether a Markdown link `dest` goes out of the site's content: a URL with a scheme, a
/// fragment of this page, or a root-relative path (moved under the base path with the rest
/// of the page).
fn is_external(dest: &str) -> bool {
    dest.starts_with('/')
        || dest.contains("://")
        || dest.starts_with("//")
        || dest.starts_with('#')
        || dest.split_once(':').is_some_and(|(s, _)| !s.contains('/'))
}

/// The file beside the content (its output path) that a Markdown link or image `dest`,
/// written in a page of folder `dir`, goes to; `None` for a page, a URL or a path out of
/// content/.
pub fn file_of(dir: &str, dest: &str) -> Option<String> {
    if urls::script_scheme(dest).is_some() || is_external(dest) {
        return None;
    }
    let file = dest.split_once('#').map_or(dest, |(f, _)| f);
    let file = file.split_once('?').map_or(file, |(f, _)| f);
    if file.is_empty() || file.to_ascii_lowercase().ends_with(".md") {
        return None;
    }
    join(dir, &percent_decode(file))
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
mod tests {
    use super::*;
    use crate::markdown::tests::Fixture;
    use crate::model::Kind::{Actor, Place, Topic};

    /// Resolves from a briefing, two folders below the output root.
    fn wiki(fixture: &Fixture, dest: &str) -> Result<Page, LinkError> {
        let cx = fixture.cx();
        LinkResolver::new(&cx, "briefings/2025-11-22-x.md", 2).resolve_wiki(dest)
    }

    fn href(fixture: &Fixture, dest: &str) -> Result<Dest, LinkError> {
        let cx = fixture.cx();
        LinkResolver::new(&cx, "briefings/2025-11-22-x.md", 2).resolve_href(dest)
    }

    fn page(target: Target, fragment: &str) -> Page {
        Page {
            target,
            fragment: fragment.to_string(),
        }
    }

    #[test]
    fn wiki_links_by_id_name_alias_and_kind_prefix() {
        let f = Fixture::new();
        let zelenskiy = f.entity(Actor, "volodymyr-zelenskiy");
        for written in [
            "volodymyr-zelenskiy",
            "Volodymyr Zelenskiy",
            " zelensky ",
            "actor:Zelensky",
        ] {
            assert_eq!(wiki(&f, written), Ok(page(zelenskiy, "")), "{written}");
        }
        assert_eq!(
            wiki(&f, "Zelensky#background"),
            Ok(page(zelenskiy, "#background"))
        );
        assert_eq!(
            wiki(&f, "place:Mali"),
            Ok(page(f.entity(Place, "mali"), ""))
        );
        assert_eq!(
            wiki(&f, "Actor: mali"),
            Ok(page(f.entity(Actor, "mali"), ""))
        );
        assert_eq!(
            wiki(&f, "topic:us-peace-plan"),
            Ok(page(f.entity(Topic, "us-peace-plan"), ""))
        );
        assert_eq!(
            wiki(&f, "briefing:plan#background"),
            Ok(page(f.briefing("plan"), "#background"))
        );
    }

    /// The help line `e` is reported with.
    fn help(e: &LinkError) -> Option<String> {
        let mut diags = Diagnostics::new();
        e.report("content/x.md", Span::new(1, 1), &mut diags);
        let helps: Vec<_> = diags.iter().map(|d| d.help.clone()).collect();
        helps.into_iter().next().flatten()
    }

    #[test]
    fn a_briefing_slug_written_with_its_date_says_slugs_drop_it() {
        let f = Fixture::new();
        let dated = wiki(&f, "briefing:2025-11-20-plan").unwrap_err();
        assert_eq!(
            dated.to_string(),
            "[[briefing:2025-11-20-plan]] matches no briefing slug"
        );
        assert_eq!(
            help(&dated).as_deref(),
            Some("briefing slugs drop the date prefix: did you mean `[[briefing:plan]]`?")
        );
        let dated_typo = wiki(&f, "briefing:2025-11-20-plna").unwrap_err();
        assert_eq!(
            help(&dated_typo).as_deref(),
            Some("briefing slugs drop the date prefix: did you mean `[[briefing:plan]]`?")
        );
        let dated_draft = wiki(&f, "briefing:2025-11-21-talks").unwrap_err();
        assert_eq!(dated_draft.code(), Code::LinkToDraft);
        let typo = wiki(&f, "briefing:plna").unwrap_err();
        assert_eq!(
            help(&typo).as_deref(),
            Some("did you mean `[[briefing:plan]]`?")
        );
        let nothing = wiki(&f, "briefing:2025-11-20-elsewhere").unwrap_err();
        assert_eq!(
            help(&nothing).as_deref(),
            Some("briefing slugs drop the date prefix of the file name")
        );
    }

    #[test]
    fn a_md_link_without_the_date_or_from_another_folder_finds_the_file() {
        let f = Fixture::new();
        let cx = f.cx();
        let from_topic = LinkResolver::new(&cx, "topics/x.md", 2);
        let suggest = |links: &LinkResolver, dest: &str| {
            links
                .resolve_href(dest)
                .unwrap_err()
                .suggestion()
                .map(str::to_string)
        };
        // Not a close spelling of a file in its folder: the same name in another one.
        assert_eq!(
            suggest(&from_topic, "2025-11-20-plan.md").as_deref(),
            Some("../briefings/2025-11-20-plan.md")
        );
        assert_eq!(
            suggest(&from_topic, "../briefings/plan.md").as_deref(),
            Some("../briefings/2025-11-20-plan.md")
        );
        let from_briefing = LinkResolver::new(&cx, "briefings/2025-11-22-x.md", 2);
        assert_eq!(
            suggest(&from_briefing, "plan.md").as_deref(),
            Some("2025-11-20-plan.md")
        );
        assert_eq!(suggest(&from_briefing, "nothing-like-it.md"), None);
    }

    #[test]
    fn a_name_of_several_entities_is_refused_with_a_way_out() {
        let f = Fixture::new();
        let two_kinds = wiki(&f, "Mali").unwrap_err();
        assert_eq!(
            two_kinds,
            LinkError::TwoKinds {
                name: "Mali".into(),
                kinds: vec![Actor, Place]
            }
        );
        assert_eq!(
            two_kinds.to_string(),
            "[[Mali]] names more than one kind of entity: write [[actor:Mali]] or [[place:Mali]]"
        );
        assert_eq!(two_kinds.code(), Code::WikiTwoKinds);
        let ambiguous = wiki(&f, "AS").unwrap_err();
        assert_eq!(
            ambiguous.to_string(),
            "[[AS]] is ambiguous: it matches alexander-stubb and andrii-sybiha; use an id"
        );
        assert_eq!(ambiguous.code(), Code::AmbiguousName);
        assert!(!ambiguous.is_warning());
    }

    #[test]
    fn an_unknown_name_suggests_a_close_one_of_its_kind() {
        let f = Fixture::new();
        let typo = wiki(&f, "Zelenskky#background").unwrap_err();
        assert_eq!(
            typo,
            LinkError::NoEntity {
                written: "Zelenskky".into(),
                kind: None,
                suggestion: Some("Zelensky".into())
            }
        );
        assert_eq!(
            typo.to_string(),
            "[[Zelenskky]] matches no actor, place, topic or author (by id, name or alias)"
        );
        // Only topics are offered for a topic.
        let topic = wiki(&f, "topic:Zelenskky").unwrap_err();
        assert_eq!(topic.suggestion(), None);
        assert_eq!(
            topic.to_string(),
            "[[topic:Zelenskky]] matches no topic (by id, name or alias)"
        );
        let briefing = wiki(&f, "briefing:plna").unwrap_err();
        assert_eq!(
            briefing.to_string(),
            "[[briefing:plna]] matches no briefing slug"
        );
        assert_eq!(briefing.suggestion(), Some("plan"));
        let draft = wiki(&f, "briefing:talks").unwrap_err();
        assert_eq!(
            draft,
            LinkError::DraftBriefing {
                slug: "talks".into()
            }
        );
        assert!(draft.is_warning());
    }

    #[test]
    fn md_links_to_pages_drafts_and_missing_files() {
        let f = Fixture::new();
        assert_eq!(
            href(&f, "2025-11-20-plan.md"),
            Ok(Dest::Page(page(f.briefing("plan"), "")))
        );
        assert_eq!(
            href(&f, "../actors/volodymyr%2Dzelenskiy.md?x=1#bio"),
            Ok(Dest::Page(page(
                f.entity(Actor, "volodymyr-zelenskiy"),
                "#bio"
            )))
        );
        let draft = href(&f, "./2025-11-21-talks.md").unwrap_err();
        assert_eq!(
            draft.to_string(),
            "link `./2025-11-21-talks.md` goes to a draft: rendered as text"
        );
        assert_eq!(draft.code(), Code::LinkToDraft);
        let missing = href(&f, "../briefings/2025-11-20-plam.md").unwrap_err();
        assert_eq!(
            missing,
            LinkError::NoPage {
                dest: "../briefings/2025-11-20-plam.md".into(),
                looked_for: "briefings/2025-11-20-plam.md".into(),
                // Written the way the link was, folder included.
                suggestion: Some("../briefings/2025-11-20-plan.md".into()),
            }
        );
        assert_eq!(
            href(&f, "../../up.md").unwrap_err().code(),
            Code::OutsideContent
        );
    }

    #[test]
    fn other_links_are_kept_copied_files_found_and_scripts_refused() {
        let f = Fixture::new();
        for kept in [
            "https://example.org/a.md",
            "/tags/x/",
            "#top",
            "mailto:a@b.c",
            "?q",
        ] {
            assert_eq!(href(&f, kept), Ok(Dest::Keep), "{kept}");
        }
        assert_eq!(
            href(&f, "map.png#zoom"),
            Ok(Dest::Asset("briefings/map.png#zoom".into()))
        );
        let missing = href(&f, "chart.png").unwrap_err();
        assert_eq!(missing.code(), Code::BrokenLink);
        assert!(
            missing
                .to_string()
                .contains("(looked for content/briefings/chart.png)")
        );
        assert_eq!(
            href(&f, "../../map.png").unwrap_err().code(),
            Code::OutsideContent
        );
        let script = href(&f, "JavaScript:alert(1)").unwrap_err();
        assert_eq!(
            (script.code(), script.is_warning()),
            (Code::ScriptUrl, true)
        );
    }

    #[test]
    fn urls_lead_from_the_page_back_to_the_root() {
        let f = Fixture::new();
        let cx = f.cx();
        let links = LinkResolver::new(&cx, "briefings/2025-11-22-x.md", 2);
        let mali = Dest::Page(page(f.entity(Place, "mali"), "#map"));
        assert_eq!(
            links.url(&mali).as_deref(),
            Some("../../places/mali/index.html#map")
        );
        let asset = Dest::Asset("briefings/map.png".into());
        assert_eq!(
            links.url(&asset).as_deref(),
            Some("../../briefings/map.png")
        );
        assert_eq!(links.url(&Dest::Keep), None);
    }
}
