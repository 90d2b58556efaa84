//! Typed template contexts: one `Serialize` struct per page kind. These structs are the
//! theme's documentation of what each template may use (see docs/themes.md).

use super::charts::{Sparkline, StanceChart};
use super::network::Drawing;
use crate::model::PerKind;
use serde::Serialize;
use std::sync::Arc;

/// The site as every template sees it, under `site`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: Option<String>,
    pub language: String,
    /// `ltr`, or `rtl` for a language written right to left (`ar`, `he`, `fa`, …).
    pub dir: &'static str,
    /// Absolute, ending in `/`.
    pub base_url: String,
    /// The path part of base_url, `/` or `/desk/`.
    pub base_path: String,
    /// Whether the site has a track record page (`track-record/`): a judgment is scored.
    pub track_record: bool,
    /// Whether the site has `alignment/` (two actors share a topic).
    pub alignment: bool,
}

/// What every page knows about itself, under `page`.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    /// The `<title>` text (without the site title).
    pub title: String,
    pub description: String,
    /// Absolute canonical URL.
    pub canonical: String,
    /// Relative prefix back to the output root (`../../`), or base_path on the 404 page.
    /// Every `url` in a context is relative to the root: write `{{ page.root }}{{ x.url }}`.
    pub root: String,
    /// The page's Atom feed, relative to the root, if it has one.
    pub feed: Option<String>,
    /// The same feed as JSON Feed 1.1 (`feed.json` beside `atom.xml`), relative to the root.
    pub json_feed: Option<String>,
    /// On a topic's or actor's pages with stances: its feed of position changes
    /// (`changes.xml`, and `changes.json` beside it), relative to the root.
    pub changes_feed: Option<String>,
    pub changes_json: Option<String>,
    /// Which navigation section the page belongs to.
    pub section: &'static str,
    /// The breadcrumb trail between Home and this page, outermost first.
    pub crumbs: Vec<Crumb>,
    /// Where the page stands in its list, on paginated lists; `None` on other pages.
    pub pager: Option<Pager>,
    /// Its social card (`og:image`): the page's own picture when it has one (`image:`),
    /// else the card drawn for it; `None` when it has no picture and site.yaml turns cards
    /// off.
    pub card: Option<CardView>,
}

/// A social card as pages name it (under `page.card`).
#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    /// The picture's URL, absolute when base_url is (`cards/<hash>.png` or
    /// `images/<hash>-1200x630.jpg` under it, or a picture's address elsewhere).
    pub url: String,
    /// Its size and media type (`image/png`); `None` for a picture elsewhere, which is not
    /// read.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub media_type: Option<&'static str>,
    /// What the picture shows, for `og:image:alt` and `twitter:image:alt`.
    pub alt: String,
}

/// A briefing's or profile's own picture (`image:`), as its page shows it (under
/// `briefing.image`, `entity.image`).
#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    /// The file `src` names: relative to the root like every `url`, or, when `remote`, an
    /// address elsewhere to write as it is.
    pub url: String,
    pub remote: bool,
    /// Width and height of `url`'s file; `None` for a picture elsewhere.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Every width made, narrowest first, for `srcset` (`{{ page.root }}{{ s.url }}
    /// {{ s.width }}w`); empty for a picture elsewhere.
    pub srcset: Vec<ImageSize>,
    /// What it shows (`alt:`); empty for a picture that only decorates.
    pub alt: String,
}

/// One size of a picture, under [`ImageView::srcset`].
#[derive(Debug, Clone, Serialize)]
pub struct ImageSize {
    /// Relative to the root.
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// The page of a paginated list, and links to the others (under `page.pager`).
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    /// This page's number, from 1.
    pub number: u32,
    /// How many pages the list has (at least 1).
    pub count: u32,
    /// How many items the list has on all its pages.
    pub items: usize,
    /// The first and last item on this page, counted from 1 over the whole list.
    pub first_item: usize,
    pub last_item: usize,
    /// Links to page 1, the previous, the next and the last page, when there is such a page
    /// other than this one; relative to the root, like every `url`.
    pub first: Option<String>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub last: Option<String>,
    /// Numbered links: the first and last page and two either side of this one, with gaps
    /// standing for the pages left out (`1 … 4 5 [6] 7 8 … 20`).
    pub links: Vec<PagerLink>,
}

/// One entry of a pager's numbered links.
#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    /// The page number (0 on a gap).
    pub number: u32,
    /// Relative to the root (empty on a gap).
    pub url: String,
    /// True on the page being shown.
    pub current: bool,
    /// True for an ellipsis standing for pages left out.
    pub gap: bool,
}

/// One step of a breadcrumb trail.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub name: String,
    /// Relative to the root, like every `url`.
    pub url: String,
}

/// A link to an actor, place or topic. Cheap to clone: every list naming the entity
/// shares one per build (see [`Memo`]).
#[derive(Debug, Clone)]
pub struct EntityLink {
    fields: Arc<Memo<EntityFields>>,
    /// The element id of its preview on this page (`preview-3`), where the link has one.
    pub preview: Option<String>,
}

/// What an [`EntityLink`] shows, whatever the page.
#[derive(Debug)]
pub struct EntityFields {
    pub id: String,
    pub name: String,
    /// `actor`, `place` or `topic`.
    pub kind: &'static str,
    pub url: String,
    /// True when the entity has no profile.
    pub stub: bool,
}

impl EntityLink {
    /// A link with no preview on the page.
    pub fn new(fields: EntityFields) -> EntityLink {
        let value = template_value(&EntityLinkOf(&fields, &None));
        EntityLink {
            fields: Arc::new(Memo { fields, value }),
            preview: None,
        }
    }

    /// The same link, pointing at its preview on this page (if any).
    pub fn with_preview(self, preview: Option<String>) -> EntityLink {
        EntityLink { preview, ..self }
    }
}

impl std::ops::Deref for EntityLink {
    type Target = EntityFields;
    fn deref(&self) -> &EntityFields {
        &self.fields.fields
    }
}

impl Serialize for EntityLink {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.preview {
            None => self.fields.value.serialize(s),
            Some(_) => EntityLinkOf(&self.fields.fields, &self.preview).serialize(s),
        }
    }
}

/// An entity link as templates see it.
struct EntityLinkOf<'a>(&'a EntityFields, &'a Option<String>);

impl Serialize for EntityLinkOf<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (l, preview) = (self.0, self.1);
        let mut st = s.serialize_struct("EntityLink", 6)?;
        st.serialize_field("id", &l.id)?;
        st.serialize_field("name", &l.name)?;
        st.serialize_field("kind", &l.kind)?;
        st.serialize_field("url", &l.url)?;
        st.serialize_field("stub", &l.stub)?;
        st.serialize_field("preview", preview)?;
        st.end()
    }
}

/// A link's fields with their template value, made once per build: a page's context then
/// takes the value as it is (Tera passes a `tera::Value` through without serializing it
/// again) instead of copying each string of each link of each list. Measured at 5% of a
/// 10,000-briefing build's CPU.
#[derive(Debug)]
struct Memo<T> {
    fields: T,
    value: tera::Value,
}

/// `view` as a template value; a view that cannot be one (none of these) is `none`, which
/// the page's own serialization would then report.
fn template_value<T: Serialize>(view: &T) -> tera::Value {
    tera::Value::try_from_serializable(view).unwrap_or_else(|_| tera::Value::none())
}

/// An entity link with a count (mentions, co-occurrences).
#[derive(Debug, Clone, Serialize)]
pub struct CountedLink {
    #[serde(flatten)]
    pub entity: EntityLink,
    pub count: u32,
}

/// A briefing in a list: title, date and summary, never the body. Cheap to clone: every
/// list showing the briefing shares one per build (see [`Memo`]).
#[derive(Debug, Clone)]
pub struct BriefingLink {
    fields: Arc<Memo<BriefingFields>>,
    /// The element id of its preview on this page (`preview-3`), where the link has one.
    pub preview: Option<String>,
}

/// What a [`BriefingLink`] shows, whatever the page.
#[derive(Debug)]
pub struct BriefingFields {
    pub slug: String,
    pub title: String,
    pub url: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `20 Nov 2025`.
    pub date_display: String,
    pub summary: Option<String>,
    pub confidence: Option<&'static str>,
}

impl BriefingLink {
    /// A link with no preview on the page.
    pub fn new(fields: BriefingFields) -> BriefingLink {
        let value = template_value(&BriefingLinkOf(&fields, &None));
        BriefingLink {
            fields: Arc::new(Memo { fields, value }),
            preview: None,
        }
    }

    /// The same link, pointing at its preview on this page (if any).
    pub fn with_preview(self, preview: Option<String>) -> BriefingLink {
        BriefingLink { preview, ..self }
    }
}

impl std::ops::Deref for BriefingLink {
    type Target = BriefingFields;
    fn deref(&self) -> &BriefingFields {
        &self.fields.fields
    }
}

impl Serialize for BriefingLink {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.preview {
            None => self.fields.value.serialize(s),
            Some(_) => BriefingLinkOf(&self.fields.fields, &self.preview).serialize(s),
        }
    }
}

/// A briefing link as templates see it.
struct BriefingLinkOf<'a>(&'a BriefingFields, &'a Option<String>);

impl Serialize for BriefingLinkOf<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (l, preview) = (self.0, self.1);
        let mut st = s.serialize_struct("BriefingLink", 8)?;
        st.serialize_field("slug", &l.slug)?;
        st.serialize_field("title", &l.title)?;
        st.serialize_field("url", &l.url)?;
        st.serialize_field("date", &l.date)?;
        st.serialize_field("date_display", &l.date_display)?;
        st.serialize_field("summary", &l.summary)?;
        st.serialize_field("confidence", &l.confidence)?;
        st.serialize_field("preview", preview)?;
        st.end()
    }
}

/// A tag as a briefing names it. No count of briefings: it changes with nearly every
/// briefing added, and would make every page of a briefing with the tag render again.
#[derive(Debug, Clone, Serialize)]
pub struct TagName {
    pub slug: String,
    pub name: String,
    pub url: String,
}

/// A tag link.
#[derive(Debug, Clone, Serialize)]
pub struct TagLink {
    pub slug: String,
    pub name: String,
    pub url: String,
    pub count: usize,
}

/// One stance in a history strip.
#[derive(Debug, Clone, Serialize)]
pub struct StanceMark {
    pub position: &'static str,
    pub date: String,
    pub briefing: BriefingLink,
    pub quote: Option<String>,
    /// Where the stance sits on its briefing page.
    pub anchor: String,
    /// What it rests on: its source's grade, how well supported it is.
    pub evidence: StanceEvidence,
    /// On a topic's or actor's matrix: its as-of page showing the matrix as it stood on
    /// the stance's day (the page of the latest change on or before it), if there is one.
    pub as_of: Option<String>,
    /// In a matrix's history strip: the mark's tooltip in the site's language (date,
    /// position, title, grade, retraction); empty elsewhere.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// In a history strip: the mark's words for screen readers; empty elsewhere.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// What a stance rests on, as its marks show it. Cheap to clone: every stance resting on
/// the same shares one per build (see [`Memo`], [`Interned`]), as pages show a stance many
/// times over.
#[derive(Debug, Clone)]
pub struct StanceEvidence(Arc<Memo<EvidenceFields>>);

impl StanceEvidence {
    /// `fields` with their template value.
    pub fn new(fields: EvidenceFields) -> StanceEvidence {
        let value = template_value(&fields);
        StanceEvidence(Arc::new(Memo { fields, value }))
    }
}

impl Default for StanceEvidence {
    fn default() -> StanceEvidence {
        StanceEvidence::new(EvidenceFields::default())
    }
}

impl std::ops::Deref for StanceEvidence {
    type Target = EvidenceFields;
    fn deref(&self) -> &EvidenceFields {
        &self.0.fields
    }
}

impl Serialize for StanceEvidence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.value.serialize(s)
    }
}

/// Every different [`StanceEvidence`] made, each made once.
#[derive(Default)]
pub struct Interned(std::sync::Mutex<crate::hash::Map<EvidenceFields, StanceEvidence>>);

impl Interned {
    /// The evidence showing `fields`: the one made before when there is one.
    pub fn one(&self, fields: EvidenceFields) -> StanceEvidence {
        let mut seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        (seen.entry(fields))
            .or_insert_with_key(|f| StanceEvidence::new(f.clone()))
            .clone()
    }
}

/// What a [`StanceEvidence`] shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct EvidenceFields {
    /// Its source's grade on the site's scale, `B2`; `None` when ungraded or unsourced.
    pub grade: Option<String>,
    /// The grade in words: `Usually reliable; probably true`.
    pub grade_label: Option<String>,
    /// It names no source.
    pub unsourced: bool,
    /// One source only backs its position across the site (retracted ones aside).
    pub single_source: bool,
    /// It has no quote, or only one marked `(paraphrase)`.
    pub paraphrase: bool,
    /// Its source is retracted: since when (`YYYY-MM-DD`).
    pub retracted: Option<String>,
    /// The retraction's note.
    pub retraction_note: Option<String>,
}

/// An actor's position on a topic and how it got there.
#[derive(Debug, Clone, Serialize)]
pub struct PositionRow {
    /// The topic (on actor pages) or the actor (on topic pages).
    pub entity: EntityLink,
    /// The latest position.
    pub position: &'static str,
    /// The latest stances (at most six), oldest first.
    pub history: Vec<StanceMark>,
    /// How many stances came before those of `history`.
    pub earlier: usize,
    /// The date of the latest change of position (`YYYY-MM-DD`), if it ever changed.
    pub changed_on: Option<String>,
    /// The same date as `20 Nov 2025`.
    pub changed_display: Option<String>,
    /// The position before that change.
    pub previous: Option<&'static str>,
    /// The latest position as its badge shows it, in the site's language.
    pub label: String,
    /// `was opposes`: the position before the latest change, in the site's language.
    pub was: Option<String>,
    /// `changed on 20 Nov 2025`, markup (the date in a `<time>`), in the site's language.
    pub changed: Option<String>,
    /// What the latest stance rests on (its retraction only if made by the day shown).
    pub evidence: StanceEvidence,
}

/// A stance row of a briefing page.
#[derive(Debug, Clone, Serialize)]
pub struct StanceRow {
    pub anchor: String,
    pub actor: EntityLink,
    pub topic: EntityLink,
    pub position: &'static str,
    pub quote: Option<String>,
    pub by: Option<EntityLink>,
    /// 1-based number of the source in the briefing's source list.
    pub source: Option<usize>,
    /// The element id of the source's preview on this page, where the marker has one.
    pub source_preview: Option<String>,
    /// The same actor's stance on the same topic just before this one, when its position
    /// was another: the row is a change ("was opposes").
    pub was: Option<StanceMark>,
    /// What it rests on.
    pub evidence: StanceEvidence,
}

/// A stance an actor voiced for another actor (`by:`), on the voice's page.
#[derive(Debug, Clone, Serialize)]
pub struct VoicedRow {
    /// The actor whose stance it is.
    pub actor: EntityLink,
    pub topic: EntityLink,
    #[serde(flatten)]
    pub stance: StanceMark,
}

/// How many rows of a positions table hold each position, most first (ties in the
/// legend's order).
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    pub position: &'static str,
    pub count: usize,
    /// The position as a verb agreeing with the count, in the site's language: `1 opposes`,
    /// `3 support`.
    pub label: String,
}

/// A briefing in the one list a briefing page ends with, and why it is there. Serialized
/// as the link's fields beside its own (by hand: `serde(flatten)` goes through a map, which
/// costs the template engine an index map per entry on every briefing page).
#[derive(Debug, Clone)]
pub struct SeeAlso {
    pub link: BriefingLink,
    /// Its body links to this briefing.
    pub links_here: bool,
    /// Entities both briefings name: the first few.
    pub shares: Vec<EntityLink>,
    /// How many more entities both name.
    pub shares_more: usize,
    /// Why it is listed, in the site's language: `links here · shares Kyiv, Odesa and 2 more`.
    pub why: String,
}

/// A link preview: a popover written into the page, shown on hover and focus of the
/// links naming it in `aria-describedby`.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Preview {
    /// `preview-1`, `preview-2`…: the element id.
    pub id: String,
    /// `actor`, `place`, `topic`, `briefing` or `source`.
    pub kind: &'static str,
    /// A name or title.
    pub title: String,
    /// Short facts, shown in a row: kind, profile kind and role; a date; publisher, date
    /// and host.
    pub meta: Vec<String>,
    /// A sentence: a profile's first, a topic's question, a briefing's summary.
    pub text: Option<String>,
}

/// A section of a body in its table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// The heading's element id.
    pub id: String,
    /// The heading's text.
    pub text: String,
    /// The `<h3>` sections under an `<h2>`.
    pub sub: Vec<TocEntry>,
}

impl Serialize for SeeAlso {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let l = &self.link;
        let mut st = s.serialize_struct("SeeAlso", 12)?;
        st.serialize_field("slug", &l.slug)?;
        st.serialize_field("title", &l.title)?;
        st.serialize_field("url", &l.url)?;
        st.serialize_field("date", &l.date)?;
        st.serialize_field("date_display", &l.date_display)?;
        st.serialize_field("summary", &l.summary)?;
        st.serialize_field("confidence", &l.confidence)?;
        st.serialize_field("preview", &l.preview)?;
        st.serialize_field("links_here", &self.links_here)?;
        st.serialize_field("shares", &self.shares)?;
        st.serialize_field("shares_more", &self.shares_more)?;
        st.serialize_field("why", &self.why)?;
        st.end()
    }
}

/// A cited source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub number: usize,
    pub title: String,
    pub url: Option<String>,
    pub publisher: Option<String>,
    /// As written in the front matter.
    pub date: Option<String>,
    /// `20 Nov 2025` when `date` is a date, else `date` as written.
    pub date_display: Option<String>,
    /// Its grade, `B2`, and in words.
    pub grade: Option<String>,
    pub grade_label: Option<String>,
    /// The id of the source of `content/sources/` it cites.
    pub registry_id: Option<String>,
    /// Since when it is retracted (`YYYY-MM-DD`), and why.
    pub retracted: Option<String>,
    pub retracted_display: Option<String>,
    pub retraction_note: Option<String>,
}

/// Everything about one briefing.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingView {
    #[serde(flatten)]
    pub link: BriefingLink,
    /// RFC 3339.
    pub published: String,
    pub updated: Option<String>,
    pub updated_display: Option<String>,
    /// The entities it names, a list per kind under the kind's folder (`briefing.actors`).
    #[serde(flatten)]
    pub named: PerKind<Vec<EntityLink>>,
    /// Who reviewed it (`reviewed_by:`), for the byline after `authors`.
    pub reviewers: Vec<EntityLink>,
    pub stances: Vec<StanceRow>,
    pub tags: Vec<TagName>,
    pub sources: Vec<SourceView>,
    /// Its key judgments (`judgments:`), for the box at the top of the page.
    pub judgments: Vec<JudgmentView>,
    /// The rendered Markdown body (HTML).
    pub body: String,
    /// The body's sections, when it has three or more `<h2>`; else empty.
    pub toc: Vec<TocEntry>,
    pub draft: bool,
    /// `2026-12-05 09:00 +01:00` when the build shows it before its `publish_at`
    /// (`--future`, `serve`): the page says it is embargoed until then.
    pub embargoed_until: Option<String>,
    /// When the build shows it after its `expires` (`--expired`, `serve`): since when.
    pub expired_on: Option<String>,
    /// Its corrections and updates, newest first.
    pub corrections: Vec<CorrectionView>,
    /// Its picture (`image:`), shown at the top of the page.
    pub image: Option<ImageView>,
    /// Roles and former names of what it names, as they were on its date.
    pub on_the_day: OnTheDay,
    pub extra: serde_json::Value,
}

/// One entry of a briefing's corrections log.
#[derive(Debug, Clone, Serialize)]
pub struct CorrectionView {
    /// RFC 3339.
    pub date: String,
    /// `20 Nov 2025`.
    pub date_display: String,
    /// Plain text (escaped by the template).
    pub text: String,
}

/// `briefing.html`: one briefing.
#[derive(Debug, Serialize)]
pub struct BriefingPage {
    pub page: PageMeta,
    pub briefing: BriefingView,
    pub related: Vec<BriefingLink>,
    /// Briefings whose bodies link here.
    pub backlinks: Vec<BriefingLink>,
    /// Both lists as one, each briefing once with why it is listed: those linking here
    /// (newest first), then the related ones (best first).
    pub see_also: Vec<SeeAlso>,
    /// schema.org JSON-LD, ready for a `<script type="application/ld+json">` (mark it safe).
    pub json_ld: String,
    /// The popovers of the page's link previews.
    pub previews: Vec<Preview>,
}

/// A role or name with the days it held (`roles:`, `names:` of a profile).
#[derive(Debug, Clone, Serialize)]
pub struct DatedText {
    pub text: String,
    /// The first day, `YYYY-MM-DD`; `None` when open.
    pub from: Option<String>,
    /// The last day, `YYYY-MM-DD`; `None` when it still holds.
    pub to: Option<String>,
    /// The days as read: `5 Aug 2019 – 7 Feb 2024`, `since 8 Feb 2024`, `until 11 May 2016`.
    pub period: String,
}

/// An actor with the days an affiliation to it held (`affiliations:`).
#[derive(Debug, Clone, Serialize)]
pub struct DatedLink {
    pub actor: EntityLink,
    pub from: Option<String>,
    pub to: Option<String>,
    pub period: String,
}

/// What a briefing page shows of its entities as they were on its date: each actor's role
/// (those whose profile lists `roles:`) and the name a renamed entity had then.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OnTheDay {
    /// Actor id → its role on the briefing's date.
    pub roles: std::collections::BTreeMap<String, String>,
    /// Per kind, entity id → the name it had on the briefing's date, where that was another.
    pub then: PerKind<std::collections::BTreeMap<String, String>>,
}

/// The profile part of an entity page.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView {
    #[serde(flatten)]
    pub link: EntityLink,
    /// Other spellings (`aliases:`), names of `names:` aside.
    pub aliases: Vec<String>,
    /// The names it went by, with their days (`names:`), earliest first.
    pub names: Vec<DatedText>,
    /// The profile's `kind:` (person, country, …).
    pub subkind: Option<String>,
    /// The rendered profile (HTML); empty for a stub.
    pub body: String,
    /// The profile's sections, when it has three or more `<h2>`; else empty.
    pub toc: Vec<TocEntry>,
    /// Its profile's picture (`image:`), on page 1.
    pub image: Option<ImageView>,
    pub extra: serde_json::Value,
    /// How many briefings name it.
    pub count: usize,
}

/// `actor.html`: an actor's profile, positions and briefings. Page 1 has it all; later
/// pages (`page.pager.number` > 1) have the lists alone, every other list empty, the
/// profile's `body` empty and `activity` and `json_ld` unset.
#[derive(Debug, Serialize)]
pub struct ActorPage {
    pub page: PageMeta,
    pub entity: EntityView,
    /// Its role now: the undated `role:`, else the dated roles it still holds.
    pub role: Option<String>,
    pub affiliation: Option<EntityLink>,
    /// The offices it held, with their days (`roles:`), earliest first.
    pub roles: Vec<DatedText>,
    /// The actors it belonged to, with their days (`affiliations:`), earliest first.
    pub affiliations: Vec<DatedLink>,
    /// Actors whose affiliation is this actor.
    pub members: Vec<EntityLink>,
    /// Positions by topic, topics by id: the 24 topics with the most stances.
    pub positions: Vec<PositionRow>,
    /// How many topics it took a stance on.
    pub positions_total: usize,
    /// Its positions on every topic, counted by position.
    pub tally: Vec<Tally>,
    /// The latest stances it voiced for other actors (`by:`), newest first.
    pub voiced: Vec<VoicedRow>,
    /// How many stances it voiced for others in all.
    pub voiced_total: usize,
    /// This page's briefings that name it, newest first.
    pub briefings: Vec<BriefingLink>,
    /// This page's briefings whose bodies link to it and do not name it, newest first.
    pub backlinks: Vec<BriefingLink>,
    pub co_actors: Vec<CountedLink>,
    /// schema.org JSON-LD, ready for a `<script type="application/ld+json">` (mark it safe).
    pub json_ld: String,
    /// Briefings naming it over the site's whole period (per month, or per day on short sites).
    pub activity: Option<Sparkline>,
    /// The popovers of the profile's link previews (page 1).
    pub previews: Vec<Preview>,
    /// It and the actors most often named with it, drawn (page 1, named with somebody).
    pub network: Option<Drawing>,
    /// Its comparison pages with other actors (page 1), most named together first.
    pub compare: Vec<CompareLink>,
}

/// `place.html`: a place's profile, parent and sub-places, briefings and actors. Later
/// pages have the lists alone, as on [`ActorPage`].
#[derive(Debug, Serialize)]
pub struct PlacePage {
    pub page: PageMeta,
    pub entity: EntityView,
    /// Enclosing places, outermost first.
    pub parents: Vec<EntityLink>,
    pub parent: Option<EntityLink>,
    pub sub_places: Vec<EntityLink>,
    /// `[lat, lon]`.
    pub coords: Option<[f64; 2]>,
    /// `48.2830° N, 37.1760° E`.
    pub coords_text: Option<String>,
    pub map_url: Option<String>,
    /// This page's briefings that name it, newest first.
    pub briefings: Vec<BriefingLink>,
    /// This page's briefings whose bodies link to it and do not name it, newest first.
    pub backlinks: Vec<BriefingLink>,
    pub actors: Vec<CountedLink>,
    /// schema.org JSON-LD, ready for a `<script type="application/ld+json">` (mark it safe).
    pub json_ld: String,
    /// Briefings naming it over the site's whole period (per month, or per day on short sites).
    pub activity: Option<Sparkline>,
    /// The popovers of the profile's link previews (page 1).
    pub previews: Vec<Preview>,
    /// A map around it, on page 1, when it or an enclosing place has coordinates.
    pub map: Option<Box<LocatorMap>>,
}

/// A locator map, drawn at build time: the land around a place, and a marker on it. Every
/// number is in SVG units of the drawing's `viewBox`; every path is SVG path data.
#[derive(Debug, Serialize)]
pub struct LocatorMap {
    pub width: f64,
    pub height: f64,
    /// The drawing's outline (the sea behind the land).
    pub frame: String,
    pub land: String,
    /// Borders between countries.
    pub borders: String,
    /// Where the place is marked.
    pub x: f64,
    pub y: f64,
    /// Places within it that have coordinates, as small dots.
    pub dots: Vec<MapDot>,
    /// The enclosing place whose coordinates the map shows, when the place has none.
    pub shown_at: Option<EntityLink>,
    /// One sentence describing the map, for `aria-label`.
    pub summary: String,
}

/// A point on a map.
#[derive(Debug, Serialize)]
pub struct MapDot {
    pub x: f64,
    pub y: f64,
}

/// The world map of the places index: a marker per place, its area proportional to the
/// briefings naming it.
#[derive(Debug, Serialize)]
pub struct WorldMap {
    pub width: f64,
    pub height: f64,
    /// The outline of the globe (the sea behind the land).
    pub frame: String,
    pub land: String,
    /// Borders between countries.
    pub borders: String,
    /// The most-named places, most-named first (so smaller markers are drawn on top).
    pub markers: Vec<MapMarker>,
    /// Names written beside the largest markers, where they do not overlap.
    pub labels: Vec<MapLabel>,
    /// How many places have a location (their own coordinates or an enclosing place's).
    pub total: usize,
    /// One sentence describing the map, for `aria-label`.
    pub summary: String,
}

/// A place on the world map.
#[derive(Debug, Serialize)]
pub struct MapMarker {
    #[serde(flatten)]
    pub entity: EntityLink,
    /// Briefings naming it.
    pub count: usize,
    pub x: f64,
    pub y: f64,
    /// The marker's radius.
    pub r: f64,
    /// The name of the enclosing place whose coordinates it takes, when it has none.
    pub shown_at: Option<String>,
}

/// A name written on a map.
#[derive(Debug, Serialize)]
pub struct MapLabel {
    pub x: f64,
    pub y: f64,
    pub text: String,
    /// Whether the text ends at `x` (left of its marker) instead of starting there.
    pub end: bool,
    /// Its `text-anchor` for text running `dir` (maps are geography: never mirrored, so a
    /// right-to-left name left of its marker is anchored at its `start`).
    pub anchor: &'static str,
    /// The way the name runs (`ltr`, `rtl`), by its first letter.
    pub dir: &'static str,
}

/// `topic.html`: the question, the stance matrix and the briefings. Later pages have the
/// lists alone, as on [`ActorPage`].
#[derive(Debug, Serialize)]
pub struct TopicPage {
    pub page: PageMeta,
    pub entity: EntityView,
    pub question: Option<String>,
    /// One row per actor, by actor id: the 16 actors with the most stances on it.
    pub matrix: Vec<PositionRow>,
    /// How many actors took a stance on it.
    pub matrix_total: usize,
    /// Every actor's position on it, counted by position.
    pub tally: Vec<Tally>,
    /// The five positions, for a legend.
    pub positions: Vec<&'static str>,
    /// The matrix's stances drawn over time; `None` without stances.
    pub chart: Option<StanceChart>,
    /// The same chart drawn for a phone's width (fewer, wider time steps).
    pub chart_narrow: Option<StanceChart>,
    /// This page's briefings that name it, newest first.
    pub briefings: Vec<BriefingLink>,
    /// This page's briefings whose bodies link to it and do not name it, newest first.
    pub backlinks: Vec<BriefingLink>,
    /// The popovers of the profile's link previews (page 1).
    pub previews: Vec<Preview>,
    /// When it has stances and no briefing for longer than site.yaml's `stale_after_days`.
    pub stale: Option<Stale>,
    /// How its question was settled (`resolved:`) and how judgments on it fared (page 1).
    pub resolution: Option<ResolutionView>,
}

/// A topic left without a briefing: since when, and after how many days that counts.
#[derive(Debug, Serialize)]
pub struct Stale {
    /// The day of its latest briefing, `YYYY-MM-DD`.
    pub since: String,
    /// The same day as `20 Nov 2025`.
    pub since_display: String,
    /// site.yaml's `stale_after_days`.
    pub after_days: u32,
}

/// `author.html`: an author's profile, the briefings they wrote and those they reviewed.
/// Later pages have the lists alone, as on [`ActorPage`].
#[derive(Debug, Serialize)]
pub struct AuthorPage {
    pub page: PageMeta,
    pub entity: EntityView,
    pub role: Option<String>,
    /// The profile's `bio:`, one line.
    pub bio: Option<String>,
    /// The profile's `links:` (http and https URLs), as written.
    pub links: Vec<String>,
    /// The profile's `email:`, for a `mailto:` link.
    pub email: Option<String>,
    /// This page's briefings they wrote (their byline names them), newest first.
    pub briefings: Vec<BriefingLink>,
    /// This page's briefings they reviewed (`reviewed_by:`), newest first.
    pub reviewed: Vec<BriefingLink>,
    /// How many briefings they reviewed in all.
    pub reviewed_total: usize,
    /// This page's briefings whose bodies link to them and do not name them, newest first.
    pub backlinks: Vec<BriefingLink>,
    /// schema.org JSON-LD (a `Person`), ready for a `<script type="application/ld+json">`.
    pub json_ld: String,
    /// The popovers of the profile's link previews (page 1).
    pub previews: Vec<Preview>,
}

/// The page of an entity: the view of its kind, serialized as that view alone.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum EntityPage {
    Actor(ActorPage),
    Place(PlacePage),
    Topic(TopicPage),
    Author(AuthorPage),
}

/// An entity in an index, with its kind-specific line.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    #[serde(flatten)]
    pub entity: EntityLink,
    pub count: usize,
    pub subkind: Option<String>,
    /// Role (actors) or question (topics).
    pub note: Option<String>,
}

/// `entities.html`: one page of the index of one kind (actors, places or topics).
#[derive(Debug, Serialize)]
pub struct EntitiesPage {
    pub page: PageMeta,
    /// `actor`, `place` or `topic`.
    pub kind: &'static str,
    /// `Actors`, `Places` or `Topics`, in the site's language.
    pub heading: String,
    /// This page's entities, by id.
    pub entities: Vec<IndexEntry>,
    /// The map of every place, on page 1 of `/places/` when a place has a location.
    pub map: Option<WorldMap>,
}

/// One correction on the site-wide corrections page.
#[derive(Debug, Serialize)]
pub struct CorrectionRow {
    pub briefing: BriefingLink,
    #[serde(flatten)]
    pub correction: CorrectionView,
}

/// `corrections.html`: the latest corrections and updates of the whole site.
#[derive(Debug, Serialize)]
pub struct CorrectionsPage {
    pub page: PageMeta,
    /// Newest first, at most the latest 100 (each briefing's page has its whole log).
    pub corrections: Vec<CorrectionRow>,
}

/// `tags.html`: one page of every tag.
#[derive(Debug, Serialize)]
pub struct TagsPage {
    pub page: PageMeta,
    /// This page's tags, by slug.
    pub tags: Vec<TagLink>,
}

/// `tag.html`: one page of the briefings with one tag.
#[derive(Debug, Serialize)]
pub struct TagPage {
    pub page: PageMeta,
    pub tag: TagLink,
    /// This page's briefings, newest first.
    pub briefings: Vec<BriefingLink>,
}

/// A month of a timeline page.
#[derive(Debug, Serialize)]
pub struct Month {
    /// `2025-11`, also the element id.
    pub id: String,
    /// `November 2025`.
    pub label: String,
    /// The month's briefings on this page.
    pub briefings: Vec<BriefingLink>,
    /// How many briefings the month has on all pages.
    pub count: usize,
    /// True when the month began on the page before (its newest briefings are there).
    pub continued: bool,
    /// The same briefings by day, newest first, with the positions that changed that day.
    pub days: Vec<Day>,
}

/// A day of a timeline page: its briefings and the positions they changed.
#[derive(Debug, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `20 Nov 2025`.
    pub date_display: String,
    pub briefings: Vec<BriefingLink>,
    /// Stances of that day's briefings that changed an actor's position on a topic.
    pub changes: Vec<ActorChange>,
    /// How many more changes that day has than `changes` shows.
    pub changes_more: usize,
}

/// One actor's change of position on a topic.
#[derive(Debug, Serialize)]
pub struct ActorChange {
    pub actor: EntityLink,
    pub topic: EntityLink,
    pub from: &'static str,
    pub to: &'static str,
    /// `YYYY-MM-DD` and `20 Nov 2025`.
    pub changed_on: String,
    pub changed_display: String,
    /// The stance that changed it, on its briefing page (relative to the root).
    pub url: String,
}

/// A year of the timeline, for jump links.
#[derive(Debug, Serialize)]
pub struct Year {
    pub year: i16,
    /// Id of the year's newest month.
    pub anchor: String,
    /// The timeline page where the year starts, with `#anchor`; relative to the root.
    pub url: String,
    pub count: usize,
}

/// `timeline.html`: one page of every briefing by month, newest first.
#[derive(Debug, Serialize)]
pub struct TimelinePage {
    pub page: PageMeta,
    /// Every year of the site, on every page.
    pub years: Vec<Year>,
    /// The months of this page's briefings.
    pub months: Vec<Month>,
}

/// `briefings.html`: one page of every briefing, newest first.
#[derive(Debug, Serialize)]
pub struct BriefingsPage {
    pub page: PageMeta,
    /// This page's briefings.
    pub briefings: Vec<BriefingLink>,
    /// How many briefings the site has.
    pub total: usize,
}

/// A topic whose stances recently changed.
#[derive(Debug, Serialize)]
pub struct TopicChange {
    pub topic: EntityLink,
    pub question: Option<String>,
    /// The latest change of any actor's position on it (`YYYY-MM-DD`).
    pub changed_on: String,
    /// The same date as `20 Nov 2025`.
    pub changed_display: String,
    pub actor: EntityLink,
    pub from: &'static str,
    pub to: &'static str,
    /// Every actor's latest change on it, newest first: the first few.
    pub changes: Vec<ActorChange>,
    /// How many more actors changed position on it.
    pub more: usize,
}

/// `index.html`: the home page.
#[derive(Debug, Serialize)]
pub struct HomePage {
    pub page: PageMeta,
    pub latest: Vec<BriefingLink>,
    pub total: usize,
    pub top_actors: Vec<CountedLink>,
    pub top_places: Vec<CountedLink>,
    pub changing_topics: Vec<TopicChange>,
    /// Every topic, with its question (`note`), most-named first.
    pub topics: Vec<IndexEntry>,
}

/// Two actors and the briefings naming both.
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    pub a: EntityLink,
    pub b: EntityLink,
    pub count: u32,
}

/// `network.html`: the site's most-named actors and who is named with whom among them.
#[derive(Debug, Serialize)]
pub struct NetworkPage {
    pub page: PageMeta,
    /// The drawing; `None` when no briefing names an actor.
    pub drawing: Option<Drawing>,
    /// The actors drawn, most-named first, with the briefings naming each.
    pub actors: Vec<CountedLink>,
    /// The pairs drawn, most often named together first.
    pub pairs: Vec<Pair>,
    /// How many actors the site has.
    pub total: usize,
}

/// `search.html`: the search page; its script reads the split index under `search/`.
#[derive(Debug, Serialize)]
pub struct SearchPage {
    pub page: PageMeta,
    /// The folder of the split search index (`search/`), relative to the root.
    pub index: &'static str,
}

/// `404.html`: the not-found page; `page.root` is the base path.
#[derive(Debug, Serialize)]
pub struct NotFoundPage {
    pub page: PageMeta,
}

/// An entry of an Atom feed; every URL absolute.
#[derive(Debug, Serialize)]
pub struct FeedEntry {
    /// The entry's Atom id: its absolute URL, or a `urn:dossier:` name when base_url is a path.
    pub id: String,
    pub title: String,
    pub url: String,
    pub published: String,
    pub updated: String,
    pub summary: Option<String>,
    /// Its authors (Atom `<author>`): those its byline names, or the site's default.
    pub authors: Vec<FeedAuthor>,
}

/// An author of a feed entry; the URL is absolute.
#[derive(Debug, Serialize)]
pub struct FeedAuthor {
    pub name: String,
    /// The author's page.
    pub url: String,
}

/// `atom.xml` (and `feed.json`): the site feed, one per entity and one per tag.
#[derive(Debug, Serialize)]
pub struct FeedPage {
    pub title: String,
    /// The page the feed is about (absolute).
    pub url: String,
    /// The feed's own URL.
    pub self_url: String,
    /// The feed's Atom id: `self_url`, or a `urn:dossier:` name when base_url is a path.
    pub id: String,
    pub updated: String,
    pub entries: Vec<FeedEntry>,
}

/// A link to one as-of page of a topic or actor.
#[derive(Debug, Clone, Serialize)]
pub struct AsOfLink {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The same day as `20 Nov 2025`.
    pub date_display: String,
    /// The page, relative to the site root: `topics/<id>/as-of/<date>/`.
    pub url: String,
}

/// One change of position on an as-of page's day.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    /// The actor on a topic's page, the topic on an actor's.
    pub entity: EntityLink,
    /// The position before, `None` for a first stance.
    pub from: Option<&'static str>,
    pub to: &'static str,
    /// The stance, with its briefing.
    pub stance: StanceMark,
}

/// `as_of.html`: a topic's stance matrix or an actor's positions as they stood at the end
/// of one day on which one of its positions changed, at `<kind>/<id>/as-of/<date>/`.
#[derive(Debug, Serialize)]
pub struct AsOfPage {
    pub page: PageMeta,
    /// The topic or actor.
    pub entity: EntityLink,
    /// The topic's question (topics only).
    pub question: Option<String>,
    /// The day shown.
    pub as_of: AsOfLink,
    /// `Actor` on a topic's page, `Topic` on an actor's: the matrix's first column.
    pub heading: &'static str,
    /// The matrix at the end of the day, built as the live page builds it from the
    /// stances of briefings dated on or before the day (without history strips: each
    /// row's `history` is empty and `earlier` counts its stances).
    pub rows: Vec<PositionRow>,
    /// How many actors (topics) had a stance by then.
    pub total: usize,
    /// Their positions then, counted by position.
    pub tally: Vec<Tally>,
    /// The five positions, for a legend.
    pub positions: Vec<&'static str>,
    /// The changes of that day.
    pub changes: Vec<ChangeRow>,
    /// The as-of page of the change before, and after.
    pub previous: Option<AsOfLink>,
    pub next: Option<AsOfLink>,
    /// How many as-of pages the topic or actor has, and which one this is (from 1).
    pub count: usize,
    pub number: usize,
    /// How many earlier change days have no page (only the latest have one).
    pub unpaged: usize,
}

/// `sources.html`: how the site's stances are sourced, and every source of
/// `content/sources/`.
#[derive(Debug, Serialize)]
pub struct SourcesPage {
    pub page: PageMeta,
    /// Every stance of the site.
    pub stances: usize,
    /// Stances by their source's reliability, in scale order, then those whose source has
    /// none (`ungraded`); unsourced stances are not in it.
    pub by_reliability: Vec<GradeCount>,
    /// Stances naming no source.
    pub unsourced: usize,
    /// Stances whose position one source alone backs across the site.
    pub single_source: usize,
    /// Stances with no quote, or one marked `(paraphrase)`.
    pub paraphrase_only: usize,
    /// Stances resting on a retracted source.
    pub retracted: usize,
    /// The sources of `content/sources/`, by id.
    pub sources: Vec<RegistryRow>,
}

/// How many stances rest on sources of one reliability level.
#[derive(Debug, Serialize)]
pub struct GradeCount {
    /// `A` (or `ungraded`).
    pub code: String,
    /// `Completely reliable`.
    pub label: String,
    pub count: usize,
}

/// A source of `content/sources/` in the list of `sources.html`.
#[derive(Debug, Serialize)]
pub struct RegistryRow {
    pub id: String,
    /// Its page, relative to the root.
    pub url: String,
    pub title: String,
    pub publisher: Option<String>,
    pub grade: Option<String>,
    pub grade_label: Option<String>,
    /// Briefings citing it, and stances resting on it.
    pub briefings: usize,
    pub stances: usize,
    pub retracted: Option<String>,
    pub retracted_display: Option<String>,
}

/// `source.html`: one source of `content/sources/`, who cites it, what rests on it.
#[derive(Debug, Serialize)]
pub struct SourcePage {
    pub page: PageMeta,
    pub source: RegistrySourceView,
    /// The latest 100 briefings citing it, newest first, of `briefing_count`.
    pub briefings: Vec<BriefingLink>,
    pub briefing_count: usize,
    /// The latest 100 stances resting on it, newest first, of `stance_count`.
    pub stances: Vec<SourcedStance>,
    pub stance_count: usize,
}

/// A source of `content/sources/` as its page shows it: what a citation of it shows, its
/// id and what its file says of it.
#[derive(Debug, Serialize)]
pub struct RegistrySourceView {
    #[serde(flatten)]
    pub source: SourceView,
    pub id: String,
    /// The paragraphs of its file's body, as plain text.
    pub description: Vec<String>,
}

/// A stance resting on a source: whose position on what, and the stance.
#[derive(Debug, Serialize)]
pub struct SourcedStance {
    pub actor: EntityLink,
    pub topic: EntityLink,
    pub mark: StanceMark,
}

/// One key judgment in a briefing's box (under `briefing.judgments`).
#[derive(Debug, Clone, Serialize)]
pub struct JudgmentView {
    /// Plain text (escaped by the template).
    pub statement: String,
    /// The level's standard word in the site's language (`very likely`), whatever variant
    /// was written.
    pub likelihood: String,
    /// The level's band, `80–95%`.
    pub band: String,
    /// The percentage written (`70%`), when it was written as one.
    pub percent: Option<String>,
    /// `low`, `moderate` or `high`: its own, else the briefing's; `None` when neither says.
    pub confidence: Option<&'static str>,
    /// The topic whose question it answers (`on:`).
    pub topic: Option<EntityLink>,
    /// `yes` or `no`: the answer to the topic's question it amounts to.
    pub answer: &'static str,
}

/// A judgment on a resolved topic, scored (on topic pages and the track record).
#[derive(Debug, Clone, Serialize)]
pub struct ScoredRow {
    pub briefing: BriefingLink,
    pub topic: EntityLink,
    pub statement: String,
    /// The level's standard word, in the site's language.
    pub likelihood: String,
    /// The probability it gave its answer, `87.5%` (its level's middle unless written).
    pub stated: String,
    /// `yes` or `no` in the site's language: the answer it gave.
    pub answer: String,
    /// Whether the question was settled that way.
    pub happened: bool,
    /// Its Brier score, `0.016`; `None` when it is not counted.
    pub brier: Option<String>,
    /// False when its briefing is dated after the question was settled.
    pub counted: bool,
}

/// How a topic's question was settled and how the desk's judgments on it fared (under
/// `resolution` of [`TopicPage`]).
#[derive(Debug, Clone, Serialize)]
pub struct ResolutionView {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `20 Nov 2025`.
    pub date_display: String,
    /// `yes` or `no`, in the site's language.
    pub outcome: String,
    pub note: Option<String>,
    /// The judgments on it, oldest first: at most the latest 100.
    pub judgments: Vec<ScoredRow>,
    /// How many judgments it has in all, how many are scored, and those dated after it
    /// was settled (listed, not scored).
    pub total: usize,
    pub counted: usize,
    pub later: usize,
    /// The mean Brier score of the scored ones, `0.106`.
    pub brier: Option<String>,
    /// Whether the site has a track record page to link to.
    pub track_record: bool,
}

/// A Brier score over some judgments (the desk's, an author's).
#[derive(Debug, Clone, Serialize)]
pub struct ScoreView {
    /// How many judgments it averages.
    pub count: usize,
    /// The mean Brier score, `0.106` (0 is perfect, 0.25 what always saying 50% earns).
    pub brier: String,
}

/// One author's line of the track record.
#[derive(Debug, Clone, Serialize)]
pub struct AuthorScore {
    pub author: EntityLink,
    #[serde(flatten)]
    pub score: ScoreView,
}

/// One level of likelihood in the calibration table.
#[derive(Debug, Clone, Serialize)]
pub struct LevelRow {
    /// The standard word in the site's language, `very likely`, and its band, `80–95%`.
    pub likelihood: String,
    pub band: String,
    /// How many scored judgments used it, and how many of those came true.
    pub count: usize,
    pub happened: usize,
    /// The mean probability they stated, `87.5%`; `None` when `count` is 0.
    pub stated: Option<String>,
    /// How often they came true, `75%`; `None` when `count` is 0.
    pub observed: Option<String>,
}

/// The calibration chart of the track record: stated probability (x) against how often
/// judgments came true (y), one point per level used, the diagonal as perfect calibration.
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationChart {
    pub width: f64,
    pub height: f64,
    /// The plot area's edges: `left` is the x of 0% and `right` of 100%, which a
    /// right-to-left site draws mirrored (`left` greater than `right`).
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Where the vertical axis's labels end: left of the plot, or right of it mirrored.
    pub y_labels_x: f64,
    /// Ticks of both axes (0%, 25%, … 100%).
    pub ticks: Vec<CalibrationTick>,
    pub points: Vec<CalibrationPoint>,
    /// A sentence describing the chart, for `aria-label`.
    pub summary: String,
}

/// A tick of both axes of a [`CalibrationChart`]: its label and where it sits on each.
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationTick {
    pub label: String,
    pub x: f64,
    pub y: f64,
}

/// One level's point on a [`CalibrationChart`].
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationPoint {
    pub x: f64,
    pub y: f64,
    /// Its radius, larger for more judgments.
    pub r: f64,
    /// Where its count is written.
    pub label_x: f64,
    pub label_y: f64,
    pub count: usize,
    /// `very likely: 3 judgments, 67% came true`, for its `<desc>`.
    pub title: String,
}

/// `track_record.html`: how the desk's judgments on resolved questions fared.
#[derive(Debug, Serialize)]
pub struct TrackRecordPage {
    pub page: PageMeta,
    /// Every scored judgment.
    pub desk: ScoreView,
    /// Each author with a scored judgment, by id.
    pub authors: Vec<AuthorScore>,
    /// The seven levels, least likely first.
    pub levels: Vec<LevelRow>,
    pub chart: CalibrationChart,
    /// Scored judgments, newest first: at most the latest 200.
    pub judgments: Vec<ScoredRow>,
    /// How many judgments are scored in all, and how many were left out for being dated
    /// after their question was settled.
    pub total: usize,
    pub later: usize,
}

/// A comparison page, as a list of them links it.
#[derive(Debug, Clone, Serialize)]
pub struct CompareLink {
    /// The other actor (on an actor page) or the first (on `alignment/`).
    pub actor: EntityLink,
    /// The second actor (on `alignment/`; the actor itself on an actor page).
    pub other: EntityLink,
    /// `compare/<a>/<b>/`, relative to the root.
    pub url: String,
}

/// A snapshot month of `alignment/`.
#[derive(Debug, Clone, Serialize)]
pub struct MonthLink {
    /// `YYYY-MM`.
    pub month: String,
    /// The same as `November 2025`.
    pub display: String,
    /// Its last day, `YYYY-MM-DD`: the snapshot counts stances dated on or before it.
    pub last_day: String,
    /// `alignment/<YYYY-MM>/`, relative to the root.
    pub url: String,
}

/// One cell of the agreement matrix: a pair of actors.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementCell {
    /// Topics both have a clear position on (0: the cell is blank) and how many of them
    /// they take the same position on.
    pub shared: u32,
    pub agree: u32,
    /// `agree / shared` as a whole percent, rounded down.
    pub percent: u32,
    /// The colour step, 0 (0–19 %) to 4 (80–100 %).
    pub step: u32,
    /// `A and B agree on 3 of 4 topics (75%)`, or `A and B share no topic`.
    pub label: String,
    /// The same without the names, which the row and column give: `agree on 3 of 4
    /// topics (75%)` (a page of 40 long names would be too heavy with them in every cell).
    pub title: String,
    /// Their comparison page, relative to the root, if they have one.
    pub url: Option<String>,
}

/// One row of the agreement matrix: an actor and its cells with the actors before it.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementRow {
    pub actor: EntityLink,
    /// One cell per column before this row's actor (the matrix is a triangle: each pair
    /// once).
    pub cells: Vec<AgreementCell>,
    /// How many columns after the cells are empty (the triangle's blank part).
    pub blank: usize,
}

/// `alignment.html`: the agreement matrix now (`alignment/`) or at the end of a month
/// (`alignment/<YYYY-MM>/`).
#[derive(Debug, Serialize)]
pub struct AlignmentPage {
    pub page: PageMeta,
    /// The month shown; `None` on the page of now.
    pub month: Option<MonthLink>,
    /// The actors of the columns, in the clustering's order (all but the last shown).
    pub columns: Vec<EntityLink>,
    /// The rows (all actors shown but the first), in the same order.
    pub rows: Vec<AgreementRow>,
    /// How many actors are shown, and how many share a topic with another.
    pub shown: usize,
    pub total: usize,
    /// Every snapshot month, newest first.
    pub months: Vec<MonthLink>,
    /// The snapshot before and after this one (the latest's next is now: `None`).
    pub previous: Option<MonthLink>,
    pub next: Option<MonthLink>,
    /// Every comparison page, most named together first (on the page of now; empty on a
    /// snapshot).
    pub pairs: Vec<CompareLink>,
}

/// One topic of a comparison page.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    pub topic: EntityLink,
    /// Each actor's latest stance on it, if any.
    pub a: Option<StanceMark>,
    pub b: Option<StanceMark>,
    /// `agree`, `differ` or `one-sided` (at most one has a clear position).
    pub state: &'static str,
    /// For `agree` and `differ`: the stance from which it holds, with its briefing.
    pub since: Option<StanceMark>,
}

/// `compare.html`: two actors topic by topic, at `compare/<a>/<b>/`.
#[derive(Debug, Serialize)]
pub struct ComparePage {
    pub page: PageMeta,
    pub a: EntityLink,
    pub b: EntityLink,
    /// Topics both have a clear position on, and how many of them they agree on.
    pub shared: usize,
    pub agree: usize,
    /// `agree / shared` as a whole percent, rounded down.
    pub percent: u32,
    /// Briefings naming both.
    pub together: u32,
    /// Where they differ, agree, and where only one (or neither) has a clear position,
    /// each by topic id; at most 60 topics in all, in that order.
    pub differ: Vec<CompareRow>,
    pub agreed: Vec<CompareRow>,
    pub one_sided: Vec<CompareRow>,
    /// How many topics either took a stance on, and how many of them are listed.
    pub topics: usize,
    pub listed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stances_resting_on_the_same_evidence_share_one_and_others_do_not() {
        let seen = Interned::default();
        let graded = |grade: &str| EvidenceFields {
            grade: Some(grade.to_string()),
            grade_label: Some("Usually reliable".to_string()),
            ..EvidenceFields::default()
        };
        let a = seen.one(graded("B2"));
        let b = seen.one(graded("B2"));
        assert!(Arc::ptr_eq(&a.0, &b.0), "one evidence made twice");
        let c = seen.one(graded("C3"));
        assert_eq!(c.grade.as_deref(), Some("C3"));
        let retracted = seen.one(EvidenceFields {
            retracted: Some("2025-01-02".to_string()),
            ..graded("B2")
        });
        assert!(!Arc::ptr_eq(&a.0, &retracted.0));
        assert_eq!(retracted.retracted.as_deref(), Some("2025-01-02"));
        assert_eq!(a.retracted, None);
    }
}
