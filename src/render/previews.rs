//! Link previews: what a page shows when a reader hovers or focuses a link to an entity, a
//! briefing or a source, written into the page at build time as popovers, one per page
//! linked (`preview-1`, `preview-2`…), and the table of contents of a long body.

use super::views::{Preview, TocEntry};
use crate::i18n::Catalog;
use crate::id_vec::IdVec;
use crate::markdown::{Outline, Target, preview_id};
use crate::model::{BriefingIdx, EntityIdx, Kind};
use crate::site::Site;
use std::sync::OnceLock;

/// How many link previews (popovers) a page carries at most: the pages its body links to
/// first (`markdown::BODY_PREVIEWS` of them), then a briefing's source markers and related
/// briefings (its At-a-glance chips reuse the body's). Each is a few hundred bytes.
pub const PREVIEWS: usize = 20;

/// What one preview is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// An entity's or a briefing's page.
    Page(Target),
    /// Source `n` (from 1) of the page's own briefing.
    Source(usize),
}

/// The previews of one page, numbered from 1 in the order they were asked for: the
/// body's first (its links already name them), then those of the page's own links.
pub struct PagePreviews {
    subjects: Vec<Subject>,
}

impl PagePreviews {
    /// The previews a body's links name, numbered as the body numbered them.
    pub fn of_body(outline: &Outline) -> PagePreviews {
        PagePreviews {
            subjects: outline.previews.iter().map(|&t| Subject::Page(t)).collect(),
        }
    }

    /// The id of the preview of `s`, given one if there is room ([`PREVIEWS`] a page).
    pub fn id(&mut self, s: Subject) -> Option<String> {
        let n = match self.subjects.iter().position(|&x| x == s) {
            Some(i) => i + 1,
            None if self.subjects.len() < PREVIEWS => {
                self.subjects.push(s);
                self.subjects.len()
            }
            None => return None,
        };
        Some(preview_id(n))
    }

    /// The id of entity `e`'s preview if the page already has one, without adding one: the
    /// At-a-glance chips share the body's previews but add none (a briefing names a dozen
    /// entities or more, and a popover each weighs on every briefing page's size and build).
    pub fn existing_entity(&self, e: EntityIdx) -> Option<String> {
        let s = Subject::Page(Target::Entity(e));
        let i = self.subjects.iter().position(|&x| x == s)?;
        Some(preview_id(i + 1))
    }

    /// The id of entity `e`'s preview.
    pub fn entity(&mut self, e: EntityIdx) -> Option<String> {
        self.id(Subject::Page(Target::Entity(e)))
    }

    /// The id of briefing `b`'s preview.
    pub fn briefing(&mut self, b: BriefingIdx) -> Option<String> {
        self.id(Subject::Page(Target::Briefing(b)))
    }

    /// The popovers, in order, of a page whose own briefing (for sources) is `own`, in the
    /// words of `i18n`; `day` gives a briefing's date as shown (made once per build by the
    /// caller: a page previews up to 20 briefings).
    pub fn views(
        self,
        site: &Site,
        i18n: &Catalog,
        sentences: &Sentences,
        day: &dyn Fn(BriefingIdx) -> String,
        own: Option<BriefingIdx>,
    ) -> Vec<Preview> {
        (self.subjects.into_iter().enumerate())
            .filter_map(|(i, s)| {
                let id = preview_id(i + 1);
                match s {
                    Subject::Page(Target::Entity(e)) => Some(entity_preview(
                        site,
                        i18n,
                        e,
                        id,
                        own.map(|b| site.resolved.briefing(b).date.date),
                        || sentences.of(site, e),
                    )),
                    Subject::Page(Target::Briefing(b)) => {
                        Some(briefing_preview(site, b, id, day(b)))
                    }
                    Subject::Source(n) => own.and_then(|b| source_preview(site, i18n, b, n, id)),
                }
            })
            .collect()
    }
}

/// Each profile's first sentence, found once per build however many pages preview it.
pub struct Sentences(IdVec<EntityIdx, OnceLock<Option<String>>>);

impl Sentences {
    /// An empty cache for the entities of `site`.
    pub fn new(site: &Site) -> Sentences {
        Sentences(
            (0..site.resolved.entities.len())
                .map(|_| OnceLock::new())
                .collect(),
        )
    }

    /// The first sentence of entity `e`'s profile.
    pub fn of(&self, site: &Site, e: EntityIdx) -> Option<String> {
        self.0[e]
            .get_or_init(|| first_sentence(&site.profile_bodies[e]))
            .clone()
    }
}

/// How long a preview's sentence may be, in characters: a preview is read at a glance.
const SENTENCE: usize = 200;

/// The preview of the page of `t`, with element id `id`.
pub fn preview(site: &Site, i18n: &Catalog, t: Target, id: String) -> Preview {
    match t {
        Target::Entity(e) => entity_preview(site, i18n, e, id, None, || {
            first_sentence(&site.profile_bodies[e])
        }),
        Target::Briefing(b) => briefing_preview(
            site,
            b,
            id,
            i18n.locale.date(site.resolved.briefing(b).date.date),
        ),
    }
}

/// An entity's name, kind, its profile's kind and role (on `date`, the date of the
/// briefing whose page shows it, when there is one), and its profile's first sentence (a
/// topic: its question). No count of briefings: it changes with nearly every briefing
/// added, and would make every page previewing the entity render again.
pub fn entity_preview(
    site: &Site,
    i18n: &Catalog,
    e: EntityIdx,
    id: String,
    date: Option<jiff::civil::Date>,
    sentence: impl FnOnce() -> Option<String>,
) -> Preview {
    let en = site.resolved.entity(e);
    let p = en.profile.as_ref();
    let mut meta = vec![super::words::kind_name(i18n, en.id.kind).to_string()];
    meta.extend(p.and_then(|p| p.subkind.clone()));
    meta.extend(match date {
        Some(d) => crate::dated::role_on(en, d),
        None => crate::dated::current_role(en),
    });
    let question = p.and_then(|p| p.question.clone());
    let text = match en.id.kind {
        Kind::Topic => question,
        _ => None,
    }
    .or_else(sentence);
    Preview {
        id,
        kind: en.id.kind.word(),
        title: en.name.clone(),
        meta,
        text,
    }
}

/// A briefing's title, date (`day`, as shown) and summary.
pub fn briefing_preview(site: &Site, b: BriefingIdx, id: String, day: String) -> Preview {
    let br = site.resolved.briefing(b);
    Preview {
        id,
        kind: "briefing",
        title: br.title.clone(),
        meta: vec![day],
        text: br.summary.as_ref().map(|s| shortened(s, SENTENCE)),
    }
}

/// Source `n` (from 1) of briefing `b`: title, publisher, date and the host it is on.
pub fn source_preview(
    site: &Site,
    i18n: &Catalog,
    b: BriefingIdx,
    n: usize,
    id: String,
) -> Option<Preview> {
    let s = site.resolved.briefing(b).sources.get(n.checked_sub(1)?)?;
    let mut meta = Vec::new();
    meta.extend(s.publisher.clone());
    meta.extend(s.date.as_ref().map(|d| {
        (d.get(..10)
            .and_then(|ymd| ymd.parse::<jiff::civil::Date>().ok()))
        .map_or_else(|| d.clone(), |d| i18n.locale.date(d))
    }));
    meta.extend(s.url.as_deref().and_then(host));
    Some(Preview {
        id,
        kind: "source",
        title: s.title.clone(),
        meta,
        text: None,
    })
}

/// The table of contents of a body with at least three `<h2>` sections: each with its
/// `<h3>` sections under it; empty otherwise.
pub fn toc(outline: &Outline) -> Vec<TocEntry> {
    let sections = outline.headings.iter().filter(|h| h.level == 2).count();
    if sections < 3 {
        return Vec::new();
    }
    let mut out: Vec<TocEntry> = Vec::new();
    for h in &outline.headings {
        let entry = TocEntry {
            id: h.id.clone(),
            text: h.text.clone(),
            sub: Vec::new(),
        };
        match out.last_mut() {
            Some(parent) if h.level == 3 => parent.sub.push(entry),
            _ => out.push(entry),
        }
    }
    out
}

/// The host of an absolute http(s) URL, without `www.`.
fn host(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The first sentence of the first paragraph of a rendered profile, as plain text.
fn first_sentence(html: &str) -> Option<String> {
    let start = html.find("<p>")?;
    let para = &html[start..];
    let para = &para[..para.find("</p>").unwrap_or(para.len())];
    // The search excerpt: the paragraph's first words as text, references decoded.
    let text = super::search::excerpt(para);
    let cut = sentence_end(&text).unwrap_or(text.len());
    let sentence = shortened(&text[..cut], SENTENCE);
    (!sentence.is_empty()).then_some(sentence)
}

/// Where the first sentence of `text` ends: after a `.`, `!` or `?` followed by a space and
/// a capital, past the first 40 characters (so that `U.S.` or `Dr.` does not end it early).
fn sentence_end(text: &str) -> Option<usize> {
    for (seen, (i, c)) in text.char_indices().enumerate() {
        if matches!(c, '.' | '!' | '?') && seen >= 40 {
            let mut after = text[i + 1..].chars();
            if after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase) {
                return Some(i + 1);
            }
        }
    }
    None
}

/// `s` cut to at most `max` characters at a word's end, with `…` when cut.
fn shortened(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let end = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let cut = s[..end].rfind(' ').filter(|&i| i > 0).unwrap_or(end);
    format!("{}…", s[..cut].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_of_the_first_paragraph_as_text() {
        let html = "<h2 id=\"x\">Background</h2>\n<p>The U.S. envoy to the talks, since 2024, &amp; a <em>veteran</em> negotiator. He said more.</p><p>Later.</p>";
        assert_eq!(
            first_sentence(html).as_deref(),
            Some("The U.S. envoy to the talks, since 2024, & a veteran negotiator.")
        );
        assert_eq!(first_sentence(""), None);
        assert_eq!(first_sentence("<ul><li>x</li></ul>"), None);
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        let long = "word ".repeat(100);
        let s = shortened(&long, 20);
        assert_eq!(s, "word word word word…");
        assert_eq!(shortened("short", 20), "short");
    }

    #[test]
    fn hosts_of_web_urls_only() {
        assert_eq!(
            host("https://www.Example.com/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            host("http://u@news.example.org").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(host("mailto:a@b.c"), None);
        assert_eq!(host("../x/"), None);
    }
}
