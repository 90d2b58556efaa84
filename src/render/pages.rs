//! Builds the view struct of each page from the site.

use super::charts::{self, Sparkline, StanceSeries};
use super::maps;
use super::network;
use super::paging::{self, PageNo};
use super::previews::{self, PagePreviews, Subject};
use super::structured;
use super::views::*;
use super::words;
use crate::i18n::{Arg, Catalog};
use crate::id_vec::{Id, IdVec};
use crate::index::StanceAt;
use crate::model::{BriefingIdx, Confidence, EntityIdx, Kind, PerKind, Position};
use crate::schedule::{self, Window};
use crate::site::Site;
use crate::urls;
use std::sync::{Arc, OnceLock};

/// How many briefings the home page and feeds list.
pub const LATEST: usize = 12;
/// How many entries an Atom feed has.
pub const FEED_ENTRIES: usize = 30;
/// How many entities the home page lists per kind.
pub const TOP: usize = 10;
/// How many co-occurring actors an actor or place page lists.
pub const COUNTED: usize = 24;
/// How many enclosing places a place page lists at most: a chain is cut there.
pub const PLACE_PARENTS: usize = 33;
/// How many stances a history strip shows: the latest; the earlier ones are counted.
pub const HISTORY: usize = 6;
/// How many topics an actor page's positions table shows: those with the most stances.
pub const POSITIONS: usize = 24;
/// How many actors a topic page's stance matrix and chart show: those with the most
/// stances on it.
pub const MATRIX: usize = 16;
/// How many shared entities a related briefing names as the reason it is listed.
pub const SHARED_SHOWN: usize = 3;
/// How many stances voiced for others an actor page lists: the latest.
pub const VOICED: usize = 12;
/// The five positions in the legend's order.
pub const POSITIONS_ORDER: [Position; 5] = [
    Position::Supports,
    Position::Opposes,
    Position::Mixed,
    Position::Neutral,
    Position::Unclear,
];
/// How many places within a place its locator map shows as dots: the first with
/// coordinates, in the order of the sub-places list.
pub const LOCATOR_DOTS: usize = 40;
/// How many places the world map of `/places/` marks: the most named, so that the page stays
/// light however many places an archive has (the list under it has them all).
pub const MAP_MARKERS: usize = 300;
/// How many of the world map's largest markers get their name written beside them.
pub const MAP_LABELS: usize = 8;

/// How many link previews (popovers) a page carries at most (defined beside them).
pub use super::previews::PREVIEWS;
/// How many co-occurring actors an actor page's drawing shows around it: its strongest ties.
pub const NEIGHBOURS: usize = 12;
/// How far down each neighbour's co-occurrence list (strongest first) an actor page looks
/// for the lines between neighbours: the drawing costs at most `NEIGHBOURS × NEIGHBOUR_SCAN`
/// steps however many actors a neighbour was named with.
pub const NEIGHBOUR_SCAN: usize = 256;
/// How many actors the site graph (`network/`) shows: the most-named.
pub const NETWORK_ACTORS: usize = 40;
/// How many pairs of them it draws and lists: those named together most often.
pub const NETWORK_PAIRS: usize = 80;

/// The neighbourhood an actor page draws (`None` for an actor named with nobody).
pub fn neighbourhood(site: &Site, e: EntityIdx) -> Option<network::Graph> {
    network::neighbourhood(&site.index, e, NEIGHBOURS, NEIGHBOUR_SCAN)
}

/// The graph of the site's most-named actors that `network/` draws.
pub fn top_actors(site: &Site) -> network::Graph {
    let actors = site.resolved.of_kind(Kind::Actor);
    network::top_actors(&site.index, actors, NETWORK_ACTORS, NETWORK_PAIRS)
}

/// One breadcrumb.
pub(super) fn crumb(name: &str, url: String) -> Crumb {
    Crumb {
        name: name.to_string(),
        url,
    }
}

/// A matrix: the rows shown, the entities they are for, and the tally of all of them.
#[derive(Default)]
pub struct Matrix {
    pub rows: Vec<PositionRow>,
    /// The entities of `rows`, in their order.
    pub shown: Vec<EntityIdx>,
    /// How many entities have a stance counted.
    pub total: usize,
    pub tally: Vec<Tally>,
}

/// Builds views for one site.
pub struct Views<'a> {
    pub site: &'a Site,
    /// The way the site's language runs: charts with a time axis mirror on `rtl`.
    pub dir: super::direction::Direction,
    /// The words and dates of the pages' language.
    pub i18n: Arc<Catalog>,
    /// What each source grade of the site reads as in that language, made once.
    pub(super) grades: words::GradeWords,
    /// The sentences of position rows, made once.
    pub(super) row_words: super::row_words::RowWords,
    /// Years and month sizes of the timeline, made once for all its pages.
    calendar: OnceLock<Calendar>,
    /// Per entity: [`crate::index::Index::linked_only`], made once for all its pages.
    linked_only: IdVec<EntityIdx, OnceLock<Vec<BriefingIdx>>>,
    /// Per kind (in [`Kind::ALL`]'s order): its entities by name, for its index pages.
    pub(super) by_name: [OnceLock<Vec<EntityIdx>>; Kind::COUNT],
    /// Each profile's first sentence, for link previews.
    sentences: previews::Sentences,
    /// The card of every page that has none of its own; `None` with cards off.
    site_card: Option<CardView>,
    /// Each briefing's and entity's link, made once: pages list the same ones thousands
    /// of times.
    briefing_links: IdVec<BriefingIdx, OnceLock<BriefingLink>>,
    entity_links: IdVec<EntityIdx, OnceLock<EntityLink>>,
    /// What the pages read of the whole site's stances and judgments, made once.
    pub(super) derived: Held<'a>,
    /// Per briefing: what each of its stances rests on, made once for every mark.
    pub(super) evidence: IdVec<BriefingIdx, OnceLock<Vec<super::views::StanceEvidence>>>,
    /// Each different evidence made, shared by every stance it describes: most stances
    /// of a site rest on the same few grades, and one copy per stance was the largest
    /// of the memos (a kilobyte a briefing).
    pub(super) evidence_seen: super::views::Interned,
    /// Who cites each source of `content/sources/`, made once for its pages.
    pub(super) source_uses: OnceLock<Vec<crate::index::SourceUse>>,
}

/// What pages read of the whole site's stances, sources and judgments, made before pages
/// render ([`Derived::fill`]) or on first use.
/// A live preview keeps it between rebuilds that change none of those (a body edit), and
/// keeps the parts a front-matter edit leaves ([`Derived::keeping`]), so that rendering one
/// page does not make it again.
#[derive(Default)]
pub struct Derived {
    /// How many sources back each position, for every stance mark.
    pub(super) support: OnceLock<crate::index::Support>,
    /// Every judgment on a resolved topic, scored, for the pages that show them.
    pub(super) record: OnceLock<crate::track_record::Record>,
    /// Which alignment pages the site has, for them and every actor page.
    pub(super) alignment: OnceLock<super::alignment::Overview>,
    /// Per topic and actor: its changes of position and the days they happened, for its
    /// as-of pages and feeds (and a live preview's fingerprints, at every edit).
    pub(super) changes: OnceLock<IdVec<EntityIdx, super::changes::OfEntity>>,
    /// The site's latest changes of position, for its change feed.
    pub(super) latest: OnceLock<Vec<super::changes::Change>>,
}

/// The value of `cell`, made by `make` when it is empty. Made outside the cell's
/// initialiser: the work runs on every core, and a thread waiting for it inside
/// `get_or_init` could be handed a page that asks for the same cell again (a reentrant
/// initialiser deadlocks). Two threads may both make it; the first kept is the answer.
fn filled<T>(cell: &OnceLock<T>, make: impl FnOnce() -> T) -> &T {
    if let Some(made) = cell.get() {
        return made;
    }
    let made = make();
    cell.get_or_init(|| made)
}

/// Each getter keeps its first answer: `site` must be the site the `Derived` was made for
/// (a live preview makes a new one, or keeps what an edit left, whenever front matter
/// changes).
impl Derived {
    /// How many sources back each position of `site`, counted once.
    pub fn support(&self, site: &Site) -> &crate::index::Support {
        filled(&self.support, || {
            crate::index::support(&site.resolved, &site.index)
        })
    }

    /// The track record of `site`, scored once.
    pub fn record(&self, site: &Site) -> &crate::track_record::Record {
        filled(&self.record, || {
            crate::track_record::Record::of(&site.resolved)
        })
    }

    /// Which alignment pages `site` has, worked out once.
    pub fn alignment(&self, site: &Site) -> &super::alignment::Overview {
        filled(&self.alignment, || super::alignment::overview(site))
    }

    /// The changes of position of every topic and actor of `site` (none for other
    /// entities), found once.
    pub fn changes(&self, site: &Site) -> &IdVec<EntityIdx, super::changes::OfEntity> {
        use rayon::prelude::*;
        filled(&self.changes, || {
            (0..site.resolved.entities.len())
                .into_par_iter()
                .map(|i| super::changes::OfEntity::new(site, EntityIdx::from_index(i)))
                .collect()
        })
    }

    /// The latest [`FEED_ENTRIES`] changes of position of `site`, oldest first, found once.
    pub fn latest(&self, site: &Site) -> &[super::changes::Change] {
        let changes = self.changes(site);
        let latest: &Vec<_> = filled(&self.latest, || {
            super::changes::latest_of(site, changes, FEED_ENTRIES)
        });
        latest
    }

    /// Works out each part (the support only when the site has stances), on every core,
    /// before any page renders: pages render on the same threads, and one that found a
    /// part itself would find it again on each thread that got there first.
    pub fn fill(&self, site: &Site) {
        rayon::join(
            || {
                self.latest(site);
            },
            || {
                rayon::join(|| self.record(site), || self.alignment(site));
                if !site.index.history.is_empty() {
                    self.support(site);
                }
            },
        );
    }

    /// A `Derived` for a site changed since this one was made, holding what `keep` says
    /// the change left as it was, and the support (the caller counts again the histories
    /// the change touched: [`Derived::restanced`]); the rest is worked out again on
    /// first use.
    pub fn keeping(mut self, keep: Keep) -> Derived {
        Derived {
            support: kept(true, &mut self.support),
            record: kept(keep.record, &mut self.record),
            alignment: kept(keep.alignment, &mut self.alignment),
            changes: kept(keep.changes, &mut self.changes),
            latest: kept(keep.changes, &mut self.latest),
        }
    }

    /// Works out again what the stance histories of `pairs` (actor, topic) of `site` give,
    /// where it was worked out: an edit of one briefing's stances, in place, changes those
    /// histories alone. Their support is counted again, and the changes of position of
    /// their actors and topics found again (each entity's changes are of its own
    /// histories); the site's latest changes are found again on first use.
    pub fn restanced(&mut self, site: &Site, pairs: &[(EntityIdx, EntityIdx)]) {
        if let Some(support) = self.support.get_mut() {
            crate::index::recount_support(&site.resolved, &site.index, support, pairs);
        }
        if let Some(changes) = self.changes.get_mut() {
            let mut touched: Vec<EntityIdx> = (pairs.iter()).flat_map(|&(a, t)| [a, t]).collect();
            touched.sort_unstable();
            touched.dedup();
            for e in touched {
                changes[e] = super::changes::OfEntity::new(site, e);
            }
            debug_assert!(
                (changes.iter_ids()).all(|(e, c)| *c == super::changes::OfEntity::new(site, e)),
                "the changes found again for the touched histories are the site's"
            );
        }
        self.latest = OnceLock::new();
    }
}

/// `cell`'s value in a new cell when `keep` holds, or an empty cell.
fn kept<T>(keep: bool, cell: &mut OnceLock<T>) -> OnceLock<T> {
    match cell.take().filter(|_| keep) {
        Some(v) => OnceLock::from(v),
        None => OnceLock::new(),
    }
}

/// Which parts of a [`Derived`] a change of the site leaves as they were.
#[derive(Clone, Copy, Debug, Default)]
pub struct Keep {
    /// No judgment, its topic or its briefing's date changed.
    pub record: bool,
    /// No stance, its date or the actors named together changed.
    pub alignment: bool,
    /// No briefing moved: the changes of position stand but those of the histories an
    /// edit of stances touched, found again ([`Derived::restanced`]).
    pub changes: bool,
}

/// The views' [`Derived`]: their own, or one lent for the rebuild.
pub(super) enum Held<'a> {
    Own(Box<Derived>),
    Lent(&'a Derived),
}

impl std::ops::Deref for Held<'_> {
    type Target = Derived;
    fn deref(&self) -> &Derived {
        match self {
            Held::Own(d) => d,
            Held::Lent(d) => d,
        }
    }
}

/// What every timeline page shows of the whole site: its years, and how many briefings
/// each month has.
pub(super) struct Calendar {
    /// Newest first: the year, the rank (from the newest briefing, from 0) of its newest
    /// briefing, and its count.
    pub years: Vec<(i16, usize, usize)>,
    /// (year, month) → briefings in it.
    pub months: std::collections::HashMap<(i16, i8), usize>,
}

fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::Low => "low",
        Confidence::Moderate => "moderate",
        Confidence::High => "high",
    }
}

impl<'a> Views<'a> {
    /// Views of `site`.
    pub fn new(site: &'a Site) -> Views<'a> {
        Views::with(site, Held::Own(Box::default()))
    }

    /// Views of `site` that read `derived`, made for the site as it now is.
    pub fn lent(site: &'a Site, derived: &'a Derived) -> Views<'a> {
        Views::with(site, Held::Lent(derived))
    }

    fn with(site: &'a Site, derived: Held<'a>) -> Views<'a> {
        let i18n = site.config.i18n.clone();
        Views {
            site,
            dir: super::direction::Direction::of_language(&site.config.language),
            grades: words::GradeWords::new(&site.config.grades, &i18n),
            row_words: super::row_words::RowWords::new(&i18n),
            i18n,
            calendar: OnceLock::new(),
            linked_only: (0..site.resolved.entities.len())
                .map(|_| OnceLock::new())
                .collect(),
            by_name: std::array::from_fn(|_| OnceLock::new()),
            sentences: previews::Sentences::new(site),
            site_card: (super::cards::enabled(site))
                .then(|| card_view(site, &super::cards::site_card(site))),
            briefing_links: (0..site.resolved.briefings.len())
                .map(|_| OnceLock::new())
                .collect(),
            entity_links: (0..site.resolved.entities.len())
                .map(|_| OnceLock::new())
                .collect(),
            derived,
            source_uses: OnceLock::new(),
            evidence: (0..site.resolved.briefings.len())
                .map(|_| OnceLock::new())
                .collect(),
            evidence_seen: Default::default(),
        }
    }

    /// The site's [`Calendar`], made on first use.
    pub(super) fn calendar(&self) -> &Calendar {
        self.calendar.get_or_init(|| {
            let r = &self.site.resolved;
            let mut years: Vec<(i16, usize, usize)> = Vec::new();
            let mut months = std::collections::HashMap::new();
            for (rank, b) in r.briefings.iter().rev().enumerate() {
                let d = b.date.date;
                *months.entry((d.year(), d.month())).or_insert(0) += 1;
                match years.last_mut() {
                    Some(y) if y.0 == d.year() => y.2 += 1,
                    _ => years.push((d.year(), rank, 1)),
                }
            }
            Calendar { years, months }
        })
    }

    /// The page size of every paginated list.
    pub(super) fn page_size(&self) -> u32 {
        self.site.config.page_size
    }

    /// `page`, made for page 1 of the list in `list_dir`, as page `n` of a list of `items`.
    pub(super) fn paginate(
        &self,
        mut page: PageMeta,
        list_dir: &str,
        n: PageNo,
        items: usize,
    ) -> PageMeta {
        let size = self.page_size();
        let pages = paging::count(items, size);
        if !n.is_first() {
            let dir = paging::dir(list_dir, n);
            page.title = self.i18n.fmt(
                "page_title_paged",
                &[
                    ("title", Arg::Text(&page.title)),
                    ("n", Arg::Number(i64::from(n.get()))),
                    ("count", Arg::Number(i64::from(pages))),
                ],
            );
            page.canonical = format!("{}{dir}", self.site.config.base_url);
            page.root = urls::root_of(&dir);
        }
        page.pager = Some(paging::pager(list_dir, n, pages, items, size));
        page
    }

    /// The timeline page holding briefing `b`, with the id of its month there.
    pub fn timeline_url(&self, b: BriefingIdx) -> String {
        let r = &self.site.resolved;
        let rank = r.briefings.len() - 1 - b.0 as usize;
        let d = r.briefing(b).date.date;
        let n = PageNo::of_rank(rank, self.page_size());
        format!(
            "{}#{:04}-{:02}",
            paging::url("timeline/", n),
            d.year(),
            d.month()
        )
    }

    pub(super) fn meta(
        &self,
        dir: &str,
        title: String,
        description: Option<String>,
        feed: Option<String>,
        section: &'static str,
    ) -> PageMeta {
        let cfg = &self.site.config;
        PageMeta {
            title,
            description: description
                .or_else(|| cfg.description.clone())
                .unwrap_or_else(|| cfg.title.clone()),
            canonical: format!("{}{}", cfg.base_url, dir),
            root: urls::root_of(dir),
            json_feed: feed.as_deref().map(super::json_twin),
            feed,
            changes_feed: None,
            changes_json: None,
            section,
            crumbs: Vec::new(),
            pager: None,
            card: self.site_card.clone(),
        }
    }

    /// A list entry for briefing `b`.
    pub fn briefing_link(&self, b: BriefingIdx) -> BriefingLink {
        self.briefing_links[b]
            .get_or_init(|| self.make_briefing_link(b))
            .clone()
    }

    fn make_briefing_link(&self, b: BriefingIdx) -> BriefingLink {
        let br = self.site.resolved.briefing(b);
        BriefingLink::new(BriefingFields {
            slug: br.slug.to_string(),
            title: br.title.clone(),
            url: urls::href("", &urls::briefing(&br.slug)),
            date: br.date.ymd(),
            date_display: self.i18n.locale.date(br.date.date),
            summary: br.summary.clone(),
            confidence: br.confidence.map(confidence),
        })
    }

    pub(super) fn briefing_links(
        &self,
        list: impl Iterator<Item = BriefingIdx>,
    ) -> Vec<BriefingLink> {
        list.map(|b| self.briefing_link(b)).collect()
    }

    /// A link to entity `e`.
    pub fn entity_link(&self, e: EntityIdx) -> EntityLink {
        self.entity_links[e]
            .get_or_init(|| self.make_entity_link(e))
            .clone()
    }

    fn make_entity_link(&self, e: EntityIdx) -> EntityLink {
        let en = self.site.resolved.entity(e);
        EntityLink::new(EntityFields {
            id: en.id.slug.to_string(),
            name: en.name.clone(),
            kind: en.id.kind.word(),
            url: urls::href("", &urls::entity(&en.id)),
            stub: en.profile.is_none(),
        })
    }

    /// Actor `e` as a drawing names it.
    pub(super) fn named(&self, e: EntityIdx) -> network::Named {
        let l = self.entity_link(e);
        network::Named {
            name: l.name.clone(),
            url: l.url.clone(),
        }
    }

    pub(super) fn counted(&self, list: &[(EntityIdx, u32)], limit: usize) -> Vec<CountedLink> {
        list.iter()
            .take(limit)
            .map(|&(e, count)| CountedLink {
                entity: self.entity_link(e),
                count,
            })
            .collect()
    }

    pub(super) fn stance_mark(&self, at: StanceAt) -> StanceMark {
        let refs = &self.site.resolved.refs[at.briefing];
        let s = &refs.stances[at.stance];
        let link = self.briefing_link(at.briefing);
        StanceMark {
            position: s.position.as_str(),
            date: link.date.clone(),
            quote: s.quote.clone(),
            anchor: format!("stance-{}", at.stance + 1),
            briefing: link,
            evidence: self.stance_evidence(at),
            as_of: None,
            title: String::new(),
            text: String::new(),
        }
    }

    /// The row of `entity` in `owner`'s matrix (an actor's on a topic page, a topic's on
    /// an actor page) from `history`, the stances it counts; `cutoff` is the day an as-of
    /// page shows (`None` on the live page).
    pub(super) fn position_row(
        &self,
        owner: EntityIdx,
        entity: EntityIdx,
        history: &[StanceAt],
        cutoff: Option<jiff::civil::Date>,
    ) -> PositionRow {
        let positions: Vec<Position> = history
            .iter()
            .map(|h| self.site.resolved.refs[h.briefing].stances[h.stance].position)
            .collect();
        let last_change = (1..positions.len())
            .rev()
            .find(|&i| positions[i] != positions[i - 1]);
        let changed = last_change.map(|i| self.briefing_link(history[i].briefing));
        // An as-of page shows no history strips: its previous and next links walk the
        // history, and without them it costs half as much to make. Its fingerprint counts
        // on it (`incremental::fingerprint`: a matrix links no briefing).
        let earlier = match cutoff {
            Some(_) => history.len(),
            None => history.len().saturating_sub(HISTORY),
        };
        let words = &self.row_words;
        let position = positions.last().map_or("unclear", |p| p.as_str());
        let previous = last_change.map(|i| positions[i - 1].as_str());
        PositionRow {
            entity: self.entity_link(entity),
            position,
            label: words.label(position),
            was: previous.map(|p| words.was(p)),
            changed: changed
                .as_ref()
                .map(|l| words.changed(&l.date, &l.date_display)),
            changed_on: changed.as_ref().map(|l| l.date.clone()),
            changed_display: changed.map(|l| l.date_display.clone()),
            previous,
            history: history[earlier..]
                .iter()
                .map(|&h| {
                    let mut mark = self.stance_mark(h);
                    mark.as_of = self.as_of_url(owner, super::changes::date_of(self.site, h));
                    self.retraction_by(&mut mark.evidence, h, cutoff);
                    (mark.title, mark.text) = words.mark(&mark);
                    mark
                })
                .collect(),
            earlier,
            evidence: history.last().map_or_else(Default::default, |&h| {
                let mut ev = self.stance_evidence(h);
                self.retraction_by(&mut ev, h, cutoff);
                ev
            }),
        }
    }

    /// `ev` (of stance `at`) without its retraction when a matrix as of `cutoff` predates it.
    fn retraction_by(
        &self,
        ev: &mut super::views::StanceEvidence,
        at: StanceAt,
        cutoff: Option<jiff::civil::Date>,
    ) {
        if ev.retracted.is_some() && !super::changes::retracted_on(self.site, at, cutoff) {
            *ev = super::views::StanceEvidence::new(super::views::EvidenceFields {
                retracted: None,
                retraction_note: None,
                ..(**ev).clone()
            });
        }
    }

    /// The latest positions of `histories`, counted by position, most first.
    pub(super) fn tally<'h>(&self, histories: impl Iterator<Item = &'h [StanceAt]>) -> Vec<Tally> {
        let mut counts = [0usize; POSITIONS_ORDER.len()];
        for h in histories {
            if let Some(last) = h.last() {
                let p = self.site.resolved.refs[last.briefing].stances[last.stance].position;
                if let Some(i) = POSITIONS_ORDER.iter().position(|&q| q == p) {
                    counts[i] += 1;
                }
            }
        }
        let mut tally: Vec<Tally> = (POSITIONS_ORDER.iter().zip(counts))
            .filter(|&(_, count)| count > 0)
            .map(|(&p, count)| Tally {
                position: p.as_str(),
                count,
                label: words::tally(&self.i18n, p, count),
            })
            .collect();
        // Stable: equal counts keep the legend's order.
        tally.sort_by_key(|t| std::cmp::Reverse(t.count));
        tally
    }

    pub(super) fn entity_view(&self, e: EntityIdx) -> EntityView {
        let en = self.site.resolved.entity(e);
        let p = en.profile.as_ref();
        let names = p.map_or(&[][..], |p| &p.names[..]);
        EntityView {
            link: self.entity_link(e),
            aliases: (en.aliases.iter())
                .filter(|a| !names.iter().any(|n| &n.value == *a))
                .cloned()
                .collect(),
            names: dated_texts(&self.i18n, names),
            subkind: p.and_then(|p| p.subkind.clone()),
            body: self.site.profile_bodies[e].clone(),
            toc: previews::toc(&self.site.profile_outlines[e]),
            image: self.site.images.entities[e]
                .as_ref()
                .map(super::pictures::image),
            extra: p.map_or_else(|| serde_json::json!({}), |p| p.extra.clone()),
            count: self.site.index.named_in[e].len(),
        }
    }

    /// The roles and former names of what briefing `b` names, on its date: only for
    /// entities whose profiles list `roles:` or `names:`, so that other pages are as they
    /// were.
    fn on_the_day(&self, b: BriefingIdx) -> OnTheDay {
        let r = &self.site.resolved;
        let date = r.briefing(b).date.date;
        let mut out = OnTheDay::default();
        for (kind, list) in r.refs[b].named.iter() {
            for &e in list {
                let en = r.entity(e);
                let Some(p) = &en.profile else { continue };
                if kind == Kind::Actor
                    && !p.roles.is_empty()
                    && let Some(role) = crate::dated::role_on(en, date)
                {
                    out.roles.insert(en.id.slug.to_string(), role);
                }
                if let Some(then) = crate::dated::former_name_on(en, date) {
                    out.then[kind].insert(en.id.slug.to_string(), then.to_string());
                }
            }
        }
        out
    }

    /// `briefings/<slug>/`.
    pub fn briefing_page(&self, b: BriefingIdx) -> BriefingPage {
        let br = self.site.resolved.briefing(b);
        let refs = &self.site.resolved.refs[b];
        let ix = &self.site.index;
        let dir = urls::briefing(&br.slug);
        let mut pv = PagePreviews::of_body(&self.site.outlines[b]);
        let links = |v: &[EntityIdx]| {
            (v.iter())
                .map(|&e| self.entity_link(e).with_preview(pv.existing_entity(e)))
                .collect::<Vec<_>>()
        };
        let named = PerKind::from_fn(|kind| links(&refs.named[kind]));
        let stances = refs
            .stances
            .iter()
            .enumerate()
            .map(|(i, s)| StanceRow {
                anchor: format!("stance-{}", i + 1),
                actor: self.entity_link(s.actor),
                topic: self.entity_link(s.topic),
                position: s.position.as_str(),
                quote: s.quote.clone(),
                by: s.by.map(|e| self.entity_link(e)),
                source: s.source.map(|i| i + 1),
                was: changed_from(
                    self.site,
                    StanceAt {
                        briefing: b,
                        stance: i,
                    },
                )
                .map(|at| self.stance_mark(at)),
                source_preview: (s.source)
                    .filter(|&i| i < br.sources.len())
                    .and_then(|i| pv.id(Subject::Source(i + 1))),
                evidence: self.stance_evidence(StanceAt {
                    briefing: b,
                    stance: i,
                }),
            })
            .collect();
        let tags = refs.tags.iter().map(|&t| self.tag_name(t)).collect();
        let sources = br
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| self.source_view(i, s))
            .collect();
        let mut page = self.meta(
            &dir,
            br.title.clone(),
            br.summary.clone(),
            None,
            "briefings",
        );
        let zone = self.site.config.zone();
        let window = schedule::window(br, self.site.config.schedule.now, &zone);
        let picture = self.site.images.briefings[b].as_ref();
        match picture {
            Some(p) => page.card = Some(super::pictures::card(self.site, p, &br.title)),
            None if page.card.is_some() => {
                page.card = Some(card_view(
                    self.site,
                    &super::cards::briefing_card(self.site, &self.i18n, b),
                ));
            }
            None => {}
        }
        let d = br.date.date;
        page.crumbs = vec![
            crumb(
                self.i18n.text("crumb_timeline"),
                "timeline/index.html".into(),
            ),
            crumb(
                &self.i18n.locale.month(d.year(), d.month()),
                self.timeline_url(b),
            ),
        ];
        BriefingPage {
            page,
            briefing: BriefingView {
                link: self.briefing_link(b),
                published: br.date.rfc3339.clone(),
                updated: br.updated.as_ref().map(|u| u.rfc3339.clone()),
                updated_display: (br.updated.as_ref()).map(|u| self.i18n.locale.date(u.date)),
                named,
                reviewers: (refs.reviewers.iter())
                    .map(|&e| self.entity_link(e))
                    .collect(),
                stances,
                tags,
                sources,
                judgments: self.judgment_views(b),
                body: self.site.bodies[b].clone(),
                toc: previews::toc(&self.site.outlines[b]),
                draft: br.draft,
                embargoed_until: match window {
                    Window::Embargoed(t) => Some(schedule::shown(t, &zone)),
                    _ => None,
                },
                expired_on: match window {
                    Window::Expired(t) => Some(schedule::shown(t, &zone)),
                    _ => None,
                },
                image: picture.map(super::pictures::image),
                on_the_day: self.on_the_day(b),
                corrections: (br.corrections.iter().rev())
                    .map(|c| CorrectionView {
                        date: c.date.rfc3339.clone(),
                        date_display: self.i18n.locale.date(c.date.date),
                        text: c.text.clone(),
                    })
                    .collect(),
                extra: br.extra.clone(),
            },
            related: (ix.related[b].iter())
                .map(|&r| self.briefing_link(r).with_preview(pv.briefing(r)))
                .collect(),
            backlinks: self.briefing_links(ix.briefing_backlinks[b].iter().rev().copied()),
            see_also: self.see_also(b, &mut pv),
            json_ld: structured::briefing(self.site, b),
            previews: pv.views(
                self.site,
                &self.i18n,
                &self.sentences,
                &|b| self.briefing_link(b).date_display.clone(),
                Some(b),
            ),
        }
    }

    /// The briefings a briefing page ends with: those linking to `b`, then the related
    /// ones, each once, with the entities it shares with `b`.
    fn see_also(&self, b: BriefingIdx, pv: &mut PagePreviews) -> Vec<SeeAlso> {
        let ix = &self.site.index;
        let linking = ix.briefing_backlinks[b].iter().rev().copied();
        let related =
            (ix.related[b].iter().copied()).filter(|o| !ix.briefing_backlinks[b].contains(o));
        linking
            .chain(related)
            .map(|o| {
                let shared = crate::index::shared_entities(&self.site.resolved, b, o);
                let links_here = ix.briefing_backlinks[b].binary_search(&o).is_ok();
                let shares_more = shared.len().saturating_sub(SHARED_SHOWN);
                let shares: Vec<EntityLink> = (shared.iter().take(SHARED_SHOWN))
                    .map(|&e| self.entity_link(e))
                    .collect();
                SeeAlso {
                    link: self.briefing_link(o).with_preview(pv.briefing(o)),
                    why: self.row_words.why(links_here, &shares, shares_more),
                    links_here,
                    shares_more,
                    shares,
                }
            })
            .collect()
    }

    fn tag_name(&self, t: usize) -> TagName {
        let tag = &self.site.resolved.tags[t];
        TagName {
            slug: tag.slug.to_string(),
            name: tag.name.clone(),
            url: urls::href("", &urls::tag(&tag.slug)),
        }
    }

    pub(super) fn tag_link(&self, t: usize) -> TagLink {
        let TagName { slug, name, url } = self.tag_name(t);
        TagLink {
            slug,
            name,
            url,
            count: self.site.index.tag_briefings[t].len(),
        }
    }

    /// Briefings of `list` (oldest first) on page `n`, newest first.
    pub(super) fn newest_on(&self, list: &[BriefingIdx], n: PageNo) -> Vec<BriefingLink> {
        let total = list.len();
        let ranks = paging::ranks(total, n, self.page_size());
        self.briefing_links(ranks.map(|r| list[total - 1 - r]))
    }

    /// The page's two lists: briefings naming `e` and briefings linking to it without
    /// naming it, each newest first, paginated together.
    pub(super) fn lists_of(
        &self,
        e: EntityIdx,
        n: PageNo,
    ) -> (Vec<BriefingLink>, Vec<BriefingLink>) {
        let ix = &self.site.index;
        let linked = self.linked_only[e].get_or_init(|| ix.linked_only(e).collect());
        (
            self.newest_on(&ix.named_in[e], n),
            self.newest_on(linked, n),
        )
    }

    pub(super) fn entity_meta(
        &self,
        e: EntityIdx,
        description: Option<String>,
        n: PageNo,
    ) -> PageMeta {
        let en = self.site.resolved.entity(e);
        let dir = urls::entity(&en.id);
        let feed = Some(format!("{dir}atom.xml"));
        let mut page = self.meta(&dir, en.name.clone(), description, feed, en.id.kind.dir());
        if let Some(p) = &self.site.images.entities[e] {
            page.card = Some(super::pictures::card(self.site, p, &en.name));
        }
        let index = urls::href("", &urls::kind_index(en.id.kind));
        page.crumbs = vec![crumb(words::kind_heading(&self.i18n, en.id.kind), index)];
        if !super::changes::histories(self.site, e).is_empty() {
            page.changes_feed = Some(format!("{dir}changes.xml"));
            page.changes_json = Some(format!("{dir}changes.json"));
        }
        self.paginate(page, &dir, n, entity_items(self.site, e))
    }

    /// Briefings per month naming `e`, over the period of the whole site.
    fn activity(&self, e: EntityIdx) -> Option<Sparkline> {
        let r = &self.site.resolved;
        let (first, last) = (r.briefings.first()?, r.briefings.last()?);
        let dates: Vec<_> = self.site.index.named_in[e]
            .iter()
            .map(|&b| r.briefing(b).date.date)
            .collect();
        charts::sparkline(
            &dates,
            first.date.date,
            last.date.date,
            self.dir,
            &self.i18n,
        )
    }

    /// Page `n` of entity `e`, the view its kind has.
    pub fn entity_page(&self, e: EntityIdx, n: PageNo) -> EntityPage {
        match self.site.resolved.entity(e).id.kind {
            Kind::Actor => EntityPage::Actor(self.actor_page(e, n)),
            Kind::Place => EntityPage::Place(self.place_page(e, n)),
            Kind::Topic => EntityPage::Topic(self.topic_page(e, n)),
            Kind::Author => EntityPage::Author(self.author_page(e, n)),
        }
    }

    /// The profile part of page `n`: the text on page 1 only.
    pub(super) fn entity_on(&self, e: EntityIdx, n: PageNo) -> EntityView {
        let mut v = self.entity_view(e);
        if !n.is_first() {
            v.body = String::new();
            v.toc = Vec::new();
            v.image = None;
        }
        v
    }

    /// The popovers of the links of `e`'s profile, on page 1 (where the profile is).
    pub(super) fn profile_previews(&self, e: EntityIdx, n: PageNo) -> Vec<Preview> {
        match n.is_first() {
            true => PagePreviews::of_body(&self.site.profile_outlines[e]).views(
                self.site,
                &self.i18n,
                &self.sentences,
                &|b| self.briefing_link(b).date_display.clone(),
                None,
            ),
            false => Vec::new(),
        }
    }

    /// `actors/<id>/`, and its later pages (`page/N/`) with the briefings alone.
    pub fn actor_page(&self, e: EntityIdx, n: PageNo) -> ActorPage {
        let en = self.site.resolved.entity(e);
        let ix = &self.site.index;
        let p = en.profile.as_ref();
        let head = n.is_first();
        let topics = &ix.actor_topics[e];
        let matrix = match head {
            true => self.matrix(e, None),
            false => Matrix::default(),
        };
        let members = match head {
            true => (self.site.resolved.of_kind(Kind::Actor))
                .filter(|&m| self.site.resolved.entity(m).affiliation == Some(e))
                .map(|m| self.entity_link(m))
                .collect(),
            false => Vec::new(),
        };
        let role = crate::dated::current_role(en);
        let description = (role.as_ref()).map(|r| words::role_description(&self.i18n, &en.name, r));
        let mut page = self.entity_meta(e, description, n);
        if let Some(a) = en.affiliation.filter(|&a| a != e) {
            let a = self.entity_link(a);
            page.crumbs.push(crumb(&a.name, a.url.clone()));
        }
        let (briefings, backlinks) = self.lists_of(e, n);
        let voiced = &ix.voiced[e];
        ActorPage {
            page,
            entity: self.entity_on(e, n),
            role,
            affiliation: en.affiliation.map(|a| self.entity_link(a)),
            roles: dated_texts(&self.i18n, p.map_or(&[][..], |p| &p.roles[..])),
            affiliations: {
                let mut list: Vec<&crate::dated::Dated<EntityIdx>> =
                    en.affiliations.iter().collect();
                list.sort_by_key(|a| (a.from, a.to.is_none(), a.to));
                (list.into_iter())
                    .map(|a| DatedLink {
                        actor: self.entity_link(a.value),
                        from: a.from.map(|d| d.to_string()),
                        to: a.to.map(|d| d.to_string()),
                        period: period(&self.i18n, a),
                    })
                    .collect()
            },
            members,
            positions: matrix.rows,
            positions_total: topics.len(),
            tally: matrix.tally,
            voiced: match head {
                true => (voiced.iter().rev().take(VOICED))
                    .map(|&at| {
                        let s = &self.site.resolved.refs[at.briefing].stances[at.stance];
                        VoicedRow {
                            actor: self.entity_link(s.actor),
                            topic: self.entity_link(s.topic),
                            stance: self.stance_mark(at),
                        }
                    })
                    .collect(),
                false => Vec::new(),
            },
            voiced_total: voiced.len(),
            briefings,
            backlinks,
            co_actors: match head {
                true => self.counted(&ix.co_actors[e], COUNTED),
                false => Vec::new(),
            },
            json_ld: match head {
                true => structured::entity(self.site, e),
                false => String::new(),
            },
            activity: self.activity(e).filter(|_| head),
            previews: self.profile_previews(e, n),
            network: match head {
                true => neighbourhood(self.site, e)
                    .and_then(|g| network::ego_drawing(&g, |a| self.named(a), &self.i18n)),
                false => None,
            },
            compare: match head {
                true => self.compare_links(e),
                false => Vec::new(),
            },
        }
    }

    /// `places/<id>/`, and its later pages (`page/N/`) with the briefings alone.
    pub fn place_page(&self, e: EntityIdx, n: PageNo) -> PlacePage {
        let en = self.site.resolved.entity(e);
        let ix = &self.site.index;
        let head = n.is_first();
        let mut parents = Vec::new();
        let mut cur = en.within;
        while let Some(p) = cur {
            if p == e
                || parents.len() >= PLACE_PARENTS
                || parents
                    .iter()
                    .any(|x: &EntityLink| x.id == self.site.resolved.entity(p).id.slug.as_str())
            {
                break;
            }
            parents.push(self.entity_link(p));
            cur = self.site.resolved.entity(p).within;
        }
        parents.reverse();
        let coords = en.profile.as_ref().and_then(|p| p.coords);
        let mut page = self.entity_meta(e, None, n);
        page.crumbs
            .extend(parents.iter().map(|p| crumb(&p.name, p.url.clone())));
        let (briefings, backlinks) = self.lists_of(e, n);
        PlacePage {
            page,
            entity: self.entity_on(e, n),
            parent: en.within.map(|p| self.entity_link(p)),
            parents,
            sub_places: match head {
                true => (ix.sub_places[e].iter())
                    .map(|&s| self.entity_link(s))
                    .collect(),
                false => Vec::new(),
            },
            coords: coords.map(|(a, b)| [a, b]),
            coords_text: coords.map(|(lat, lon)| words::coords(&self.i18n, lat, lon)),
            map_url: coords.map(|(lat, lon)| {
                format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=10/{lat}/{lon}")
            }),
            briefings,
            backlinks,
            actors: match head {
                true => self.counted(&ix.place_actors[e], COUNTED),
                false => Vec::new(),
            },
            json_ld: match head {
                true => structured::entity(self.site, e),
                false => String::new(),
            },
            activity: self.activity(e).filter(|_| head),
            map: match head {
                true => self.locator_map(e).map(Box::new),
                false => None,
            },
            previews: self.profile_previews(e, n),
        }
    }

    /// Where place `e` is: its own coordinates (lat, lon), else those of the nearest
    /// enclosing place that has them (which is returned too), walking at most
    /// [`PLACE_PARENTS`] places up.
    pub fn location(&self, e: EntityIdx) -> Option<((f64, f64), Option<EntityIdx>)> {
        let r = &self.site.resolved;
        let coords = |p: EntityIdx| r.entity(p).profile.as_ref().and_then(|p| p.coords);
        if let Some(c) = coords(e) {
            return Some((c, None));
        }
        let mut cur = r.entity(e).within;
        for _ in 0..PLACE_PARENTS {
            let p = cur.filter(|&p| p != e)?;
            if let Some(c) = coords(p) {
                return Some((c, Some(p)));
            }
            cur = r.entity(p).within;
        }
        None
    }

    /// The locator map of place `e`, if it or an enclosing place has coordinates.
    fn locator_map(&self, e: EntityIdx) -> Option<LocatorMap> {
        let r = &self.site.resolved;
        let ((lat, lon), from) = self.location(e)?;
        let shown = r.entity(from.unwrap_or(e));
        let subkind = shown.profile.as_ref().and_then(|p| p.subkind.as_deref());
        let dots: Vec<(f64, f64)> = (self.site.index.sub_places[e].iter())
            .filter_map(|&s| r.entity(s).profile.as_ref()?.coords)
            .take(LOCATOR_DOTS)
            .map(|(lat, lon)| (lon, lat))
            .collect();
        let d = maps::locator((lon, lat), locator_span(subkind), &dots)?;
        let (x, y) = d.point((lon, lat))?;
        let name = &r.entity(e).name;
        let summary = match from {
            None => (self.i18n).fmt("map_locator_summary", &[("name", Arg::Text(name))]),
            Some(_) => self.i18n.fmt(
                "map_locator_summary_parent",
                &[("name", Arg::Text(name)), ("shown", Arg::Text(&shown.name))],
            ),
        };
        Some(LocatorMap {
            width: d.width,
            height: d.height,
            dots: (dots.iter())
                .filter_map(|&p| d.point(p))
                .map(|(x, y)| MapDot {
                    x: tenths(x),
                    y: tenths(y),
                })
                .collect(),
            frame: d.frame,
            land: d.land,
            borders: d.borders,
            x: tenths(x),
            y: tenths(y),
            shown_at: from.map(|p| self.entity_link(p)),
            summary,
        })
    }

    /// `topics/<id>/`, and its later pages (`page/N/`) with the briefings alone.
    pub fn topic_page(&self, e: EntityIdx, n: PageNo) -> TopicPage {
        let en = self.site.resolved.entity(e);
        let ix = &self.site.index;
        let question = en.profile.as_ref().and_then(|p| p.question.clone());
        let all_actors = &ix.topic_actors[e];
        let matrix = match n.is_first() {
            true => self.matrix(e, None),
            false => Matrix::default(),
        };
        let actors = &matrix.shown;
        let r = &self.site.resolved;
        let series: Vec<StanceSeries<'_>> = actors
            .iter()
            .map(|&a| StanceSeries {
                name: &r.entity(a).name,
                stances: ix.history[&(a, e)]
                    .iter()
                    .map(|h| {
                        let b = r.briefing(h.briefing);
                        let s = &r.refs[h.briefing].stances[h.stance];
                        (b.date.date, s.position.as_str(), b.title.as_str())
                    })
                    .collect(),
            })
            .collect();
        let (briefings, backlinks) = self.lists_of(e, n);
        TopicPage {
            page: self.entity_meta(e, question.clone(), n),
            entity: self.entity_on(e, n),
            question,
            matrix: matrix.rows,
            matrix_total: all_actors.len(),
            tally: matrix.tally,
            positions: POSITIONS_ORDER.iter().map(|p| p.as_str()).collect(),
            chart: charts::stance_chart(&series, &charts::WIDE, self.dir, &self.i18n),
            chart_narrow: charts::stance_chart(&series, &charts::NARROW, self.dir, &self.i18n),
            briefings,
            backlinks,
            previews: self.profile_previews(e, n),
            stale: self.stale(e),
            resolution: n.is_first().then(|| self.resolution_view(e)).flatten(),
        }
    }

    /// Whether topic `e` is stale on the build's day, and since when.
    fn stale(&self, e: EntityIdx) -> Option<Stale> {
        let config = &self.site.config;
        let days = config.stale_after_days?;
        let today = crate::consistency::today(config);
        let r = &self.site.resolved;
        let since = crate::consistency::stale_since(r, &self.site.index, e, today, days)?;
        Some(Stale {
            since: since.to_string(),
            since_display: self.i18n.locale.date(since),
            after_days: days,
        })
    }
}

/// How tall (degrees of latitude) a locator map is at least, by the place's `kind:`: the
/// 1:110m outline is coarse, so even a site is shown with a city's worth of land around it.
fn locator_span(subkind: Option<&str>) -> f64 {
    match subkind {
        Some("country") => 24.0,
        Some("region") => 12.0,
        Some("city") | Some("site") => 8.0,
        _ => 16.0,
    }
}

/// `v` rounded to a tenth, as maps write their points.
pub(super) fn tenths(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// How many items the lists of entity `e`'s pages hold: its pages are as many as the
/// longest of its lists (named, linked, and an author's reviews) needs.
pub fn entity_items(site: &Site, e: EntityIdx) -> usize {
    let ix = &site.index;
    (ix.named_in[e].len())
        .max(ix.linked_only(e).count())
        .max(ix.reviewed[e].len())
}

/// The stance before `at` of the same actor on the same topic, when it took another
/// position: `at` is then a change.
pub fn changed_from(site: &Site, at: StanceAt) -> Option<StanceAt> {
    let r = &site.resolved;
    let before = site.index.previous(r, at)?;
    let position = |a: StanceAt| r.refs[a.briefing].stances[a.stance].position;
    (position(before) != position(at)).then_some(before)
}

/// The days of `d` as read: `5 Aug 2019 – 7 Feb 2024`, `since 8 Feb 2024`,
/// `until 11 May 2016`, or empty when open at both ends.
fn period<T>(i18n: &Catalog, d: &crate::dated::Dated<T>) -> String {
    let day = |x| i18n.locale.date(x);
    match (d.from, d.to) {
        (Some(f), Some(t)) => i18n.fmt(
            "period_range",
            &[("from", Arg::Text(&day(f))), ("to", Arg::Text(&day(t)))],
        ),
        (Some(f), None) => i18n.fmt("period_since", &[("from", Arg::Text(&day(f)))]),
        (None, Some(t)) => i18n.fmt("period_until", &[("to", Arg::Text(&day(t)))]),
        (None, None) => String::new(),
    }
}

/// Dated roles or names as shown, earliest first (an open start first of all).
fn dated_texts(i18n: &Catalog, list: &[crate::dated::Dated<String>]) -> Vec<DatedText> {
    let mut list: Vec<&crate::dated::Dated<String>> = list.iter().collect();
    list.sort_by_key(|d| (d.from, d.to.is_none(), d.to));
    (list.into_iter())
        .map(|d| DatedText {
            text: d.value.clone(),
            from: d.from.map(|x| x.to_string()),
            to: d.to.map(|x| x.to_string()),
            period: period(i18n, d),
        })
        .collect()
}

/// The `limit` entities of `list` (kept in its order) with the most stances, by `stances`;
/// ties go to the earlier in `list`.
pub(super) fn busiest(
    list: &[EntityIdx],
    limit: usize,
    stances: impl Fn(EntityIdx) -> usize,
) -> Vec<EntityIdx> {
    if list.len() <= limit {
        return list.to_vec();
    }
    let mut by_count: Vec<(usize, EntityIdx)> = list.iter().copied().enumerate().collect();
    by_count.sort_by_key(|&(i, x)| (std::cmp::Reverse(stances(x)), i));
    by_count.truncate(limit);
    by_count.sort_by_key(|&(i, _)| i);
    by_count.into_iter().map(|(_, x)| x).collect()
}

/// How pages name `card`: absolute under base_url, as Open Graph wants.
fn card_view(site: &Site, card: &super::cards::Card) -> CardView {
    CardView {
        url: format!("{}{}", site.config.base_url, card.path()),
        width: Some(super::cards::WIDTH),
        height: Some(super::cards::HEIGHT),
        media_type: Some("image/png"),
        alt: card.alt.clone(),
    }
}
