//! Page fingerprints: one hash per output page of everything its view reads. A page is
//! rendered again only when its fingerprint changes, so the hashes here must cover every
//! input of the matching builder in `render/pages.rs` and `render/lists.rs`; they may cover
//! more (a page rendered for nothing costs time, never correctness). `tests/fingerprints.rs`
//! checks it: after random edits, a page whose fingerprint did not change has the same
//! view and bytes as before.

use crate::id_vec::{Id, IdVec};
use crate::index::StanceAt;
use crate::markdown::Target;
use crate::model::{BriefingIdx, EntityIdx, Kind};
use crate::render::alignment::Month;
use crate::render::{
    self, Page, changes::Change, hosting::Generated, paging, paging::PageNo, theme::Theme,
};
use crate::site::Site;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// A page fingerprint that matches nothing: the page is rendered by the next pass.
pub const UNKNOWN: u64 = u64::MAX;

/// What fingerprints are computed from besides the site: the hash of each source file's
/// text and of each rendered body, by file path.
pub struct Sources<'a> {
    /// File path → hash of its text (front matter and body).
    pub text: &'a (dyn Fn(&str) -> u64 + Sync),
    /// File path → key of its rendered body (text, place and link environment).
    pub body: &'a (dyn Fn(&str) -> u64 + Sync),
}

/// Fingerprints of every page (by output path), of each generated file family, and one of
/// what copied files and every generated file depend on (configuration, theme).
pub struct Fingerprints {
    /// Per page of the [`Targets`] they were computed for, in order.
    pub pages: Vec<u64>,
    /// Per page, in the same order: what its bytes depend on besides its view (the
    /// configuration, the templates it renders through, its path), which `pages` covers.
    pub frames: Vec<u64>,
    pub generated: BTreeMap<Generated, u64>,
    /// Per briefing: what its entry in `search-index.json` shows.
    pub search_entries: Vec<u64>,
    /// Per briefing: what the full-text index reads of it (title, slug, summary, body, the
    /// entities it names and its tags, each by key with its names).
    pub search_texts: Vec<u64>,
    /// What the full-text index reads besides its briefings: the configuration and how
    /// many briefings there are.
    pub search_frame: u64,
    /// Per briefing: what its rows of `stances.csv` show (0 when it has no stance).
    pub stance_rows: Vec<u64>,
    /// Per briefing: what its social card draws (its name is the hash of that).
    pub cards: Vec<u64>,
    /// What copied files and every generated file read besides the site's briefings: the
    /// configuration, which files are copied, and where the theme's come from (no
    /// template).
    pub files: u64,
}

fn h<T: Hash + ?Sized>(v: &T) -> u64 {
    let mut s = crate::hash::hasher();
    v.hash(&mut s);
    s.finish()
}

struct Parts<'a> {
    site: &'a Site,
    /// Per briefing: the entities it is about, with what a link to each shows.
    about: IdVec<BriefingIdx, u64>,
    /// Per briefing: the hash of its card's name (0 when cards are off).
    cards: IdVec<BriefingIdx, u64>,
    /// Per briefing: what a link to it shows (title, dates, summary, slug, confidence).
    bl: IdVec<BriefingIdx, u64>,
    /// Per briefing: everything its page shows but its body, related and backlinks.
    bmeta: IdVec<BriefingIdx, u64>,
    /// Per briefing: the key of its rendered body ([`Sources::body`]).
    body: IdVec<BriefingIdx, u64>,
    /// Per entity: what a link to it shows.
    el: IdVec<EntityIdx, u64>,
    /// Per tag: what a link to it shows, its count included.
    tl: Vec<u64>,
    /// Per actor: its members (actors affiliated with it).
    members: IdVec<EntityIdx, Vec<EntityIdx>>,
    /// Per briefing, per stance: what a stance history shows of it.
    stances: IdVec<BriefingIdx, Vec<u64>>,
    /// Per entity: what its link preview shows (name, kinds, role, a sentence).
    ep: IdVec<EntityIdx, u64>,
    /// Every judgment on a resolved topic, scored.
    record: &'a crate::track_record::Record,
    /// Which alignment pages there are: the months and the compared pairs.
    alignment: &'a render::alignment::Overview,
}

impl Parts<'_> {
    /// What the link preview of the page of `t` shows: a briefing's is in its link.
    fn preview(&self, t: Target) -> u64 {
        match t {
            Target::Entity(e) => self.ep[e],
            Target::Briefing(b) => self.bl[b],
        }
    }

    fn stance(&self, at: &StanceAt) -> u64 {
        self.stances[at.briefing][at.stance]
    }

    /// Everything a change feed's entry shows of stance `at` besides its briefing's link
    /// and what a history shows: who voiced it, its actor and topic, its source.
    fn stance_detail(&self, at: &StanceAt, hs: &mut ahash::AHasher) {
        let r = &self.site.resolved;
        let b = r.briefing(at.briefing);
        let s = &r.refs[at.briefing].stances[at.stance];
        let source = s.source.and_then(|i| b.sources.get(i));
        (
            self.stance(at),
            self.el[s.actor],
            self.el[s.topic],
            s.by.map(|e| self.el[e]),
            source.map(|s| (&s.title, &s.url)),
        )
            .hash(hs);
        // A feed's sentence names them as they were named on the day (a profile's
        // `names:`), which their previews' hashes cover.
        (self.ep[s.actor], self.ep[s.topic], s.by.map(|e| self.ep[e])).hash(hs);
    }

    fn links(&self, list: &[BriefingIdx], hs: &mut ahash::AHasher) {
        list.len().hash(hs);
        for b in list {
            self.bl[*b].hash(hs);
        }
    }

    /// A drawn graph of actors: its numbers and what the links to its actors show.
    fn graph(&self, g: &render::network::Graph, hs: &mut ahash::AHasher) {
        // Actors by what their links show, not by number: an entity coming or going
        // renumbers those after it.
        g.nodes.len().hash(hs);
        for &(a, n) in &g.nodes {
            (self.el[a], n).hash(hs);
        }
        g.edges.hash(hs);
    }

    /// Everything the pages of entity `e` show, and what its later pages (2 and on) read
    /// besides the briefings each lists: the same, but with the briefings of its lists and
    /// stances by place, not by what their links show (a later page shows no stance, and
    /// the links of its own briefings only, hashed with it). One pass makes both.
    fn entity(&self, e: EntityIdx, src: &Sources<'_>) -> EntityParts {
        let (text, body) = (src.text, src.body);
        let r = &self.site.resolved;
        let ix = &self.site.index;
        let en = r.entity(e);
        // What both read, what the pages read of the lists' links, and what the later
        // pages read instead.
        let (mut hs, mut full, mut tail) = (
            crate::hash::hasher(),
            crate::hash::hasher(),
            crate::hash::hasher(),
        );
        self.el[e].hash(&mut hs);
        en.aliases.hash(&mut hs);
        self.site.images.entities[e].hash(&mut hs);
        if let Some(p) = &en.profile {
            (text(&p.path), body(&p.path)).hash(&mut hs);
        }
        en.affiliation.map(|a| self.el[a]).hash(&mut hs);
        for a in &en.affiliations {
            (self.el[a.value], a.from, a.to).hash(&mut hs);
        }
        // The chain of enclosing places, as the place page walks it, with their
        // coordinates: a place without its own is mapped at the nearest that has them
        // (`Views::location`), at that place's zoom (its `kind:`, in `el`).
        let coords = |p: EntityIdx| {
            (r.entity(p).profile.as_ref())
                .and_then(|p| p.coords)
                .map(|(a, b)| (a.to_bits(), b.to_bits()))
        };
        let mut cur = en.within;
        for _ in 0..render::pages::PLACE_PARENTS {
            let Some(p) = cur else { break };
            (self.el[p], coords(p)).hash(&mut hs);
            cur = r.entity(p).within;
        }
        for &m in &self.members[e] {
            self.el[m].hash(&mut hs);
        }
        // Sub-places with their coordinates: the dots of the locator map.
        for &s in &ix.sub_places[e] {
            (self.el[s], coords(s)).hash(&mut hs);
        }
        for list in [&ix.named_in[e], &ix.entity_backlinks[e], &ix.reviewed[e]] {
            self.links(list, &mut full);
            list.hash(&mut tail);
        }
        // Stances by place, with their positions and days. Not every briefing's day: a
        // briefing added elsewhere leaves the later pages as they were.
        let mut stance = |at: &StanceAt, full: &mut ahash::AHasher| {
            self.stance(at).hash(full);
            let s = &r.refs[at.briefing].stances[at.stance];
            let day = &r.briefings[at.briefing].date;
            (at.briefing, at.stance, s.position, day).hash(&mut tail);
        };
        // Each history's length with its topic (or actor): which stances are whose.
        for &t in &ix.actor_topics[e] {
            let history = ix.history.get(&(e, t)).map_or(&[][..], Vec::as_slice);
            (self.el[t], history.len()).hash(&mut hs);
            for at in history {
                stance(at, &mut full);
            }
        }
        for &a in &ix.topic_actors[e] {
            let history = ix.history.get(&(a, e)).map_or(&[][..], Vec::as_slice);
            (self.el[a], history.len()).hash(&mut hs);
            for at in history {
                stance(at, &mut full);
            }
        }
        // Stances it voiced for others.
        for at in &ix.voiced[e] {
            let s = &r.refs[at.briefing].stances[at.stance];
            (self.el[s.actor], self.el[s.topic]).hash(&mut hs);
            stance(at, &mut full);
        }
        for (list, tag) in [(&ix.co_actors[e], 1u8), (&ix.place_actors[e], 2)] {
            tag.hash(&mut hs);
            // The pages list the first few only.
            for &(o, n) in list.iter().take(render::pages::COUNTED) {
                (self.el[o], n).hash(&mut hs);
            }
        }
        // Its "Compare with" list.
        for o in self.alignment.partners(e) {
            self.el[o].hash(&mut hs);
        }
        // The drawing of its neighbourhood: who, how often named, how often together.
        if let Some(g) = render::pages::neighbourhood(self.site, e) {
            self.graph(&g, &mut hs);
        }
        // A resolved topic lists the judgments on it, with their briefings' links.
        for s in self.record.on_topic(e) {
            let j = &r.briefing(s.briefing).judgments[s.judgment];
            (scored(s), j).hash(&mut hs);
            self.bl[s.briefing].hash(&mut full);
        }
        // Activity sparklines span the whole site's period.
        r.briefings.first().map(|b| &b.date).hash(&mut hs);
        r.briefings.last().map(|b| &b.date).hash(&mut hs);
        // A topic's every page says since when it is stale: its latest briefing's day.
        (ix.named_in[e].last())
            .map(|&b| &r.briefings[b].date)
            .hash(&mut tail);
        let common = hs.finish();
        EntityParts {
            full: h(&(common, full.finish())),
            tail: h(&(common, tail.finish())),
        }
    }
}

/// What the pages of an entity read, in [`Parts::entity`]'s two hashes.
struct EntityParts {
    /// Everything its pages show.
    full: u64,
    /// What its later pages read besides the briefings each lists.
    tail: u64,
}

/// Every page of a site with its output path and template, in plan order. It changes only
/// when briefings, entities or tags come, go or move, so a rebuild that keeps them keeps it.
pub struct Targets {
    pub list: Vec<(Page, String, &'static str)>,
    /// Output path → position in `list`.
    pub index: crate::hash::Map<String, usize>,
    /// When it is another list with its tag pages made again ([`Targets::retagged`]): that
    /// list, and the paths of its pages this one no longer has.
    pub retagged_from: Option<(std::sync::Weak<Targets>, Vec<String>)>,
}

impl Targets {
    /// The pages of `site`.
    pub fn new(site: &Site) -> Targets {
        let list: Vec<(Page, String, &'static str)> = render::plan(site)
            .into_par_iter()
            .map(|page| {
                let (path, template) = render::target(site, page);
                (page, path, template)
            })
            .collect();
        let index = list
            .iter()
            .enumerate()
            .map(|(i, (_, p, _))| (p.clone(), i))
            .collect();
        Targets {
            list,
            index,
            retagged_from: None,
        }
    }

    /// The pages of `site`, which has the pages of `last` but its tags': those are made
    /// again (the end of the list), the rest kept. The caller knows that nothing but the
    /// tags changed which pages there are (a tags edit made in place, whose entity, as-of
    /// and alignment pages are checked apart). `None` when the index of tags has another
    /// number of pages (its pages are earlier in the list).
    pub fn retagged(last: &std::sync::Arc<Targets>, site: &Site) -> Option<Targets> {
        let tag_index = |l: &[(Page, String, &'static str)]| {
            l.iter()
                .filter(|(p, _, _)| matches!(p, Page::Tags(_)))
                .count()
        };
        let counts = render::PageCounts::of(site);
        if tag_index(&last.list) != render::paging::PageNo::all(counts.tags).count() {
            return None;
        }
        let start = (last.list.iter())
            .position(|(p, _, _)| p.is_of_tag())
            .unwrap_or(last.list.len());
        let mut list = last.list[..start].to_vec();
        let mut index = last.index.clone();
        let old = &last.list[start..];
        for (_, path, _) in old {
            index.remove(path);
        }
        for page in render::tag_section(site) {
            let (path, template) = render::target(site, page);
            index.insert(path.clone(), list.len());
            list.push((page, path, template));
        }
        let gone = (old.iter())
            .filter(|(_, p, _)| !index.contains_key(p))
            .map(|(_, p, _)| p.clone())
            .collect();
        let t = Targets {
            list,
            index,
            retagged_from: Some((std::sync::Arc::downgrade(last), gone)),
        };
        debug_assert!(
            {
                let anew = Targets::new(site);
                t.list == anew.list && t.index == anew.index
            },
            "a retagged page list is the one made anew"
        );
        Some(t)
    }

    /// The paths of `last`'s pages it no longer has, when it is `last` retagged.
    pub fn gone_since(&self, last: &std::sync::Arc<Targets>) -> Option<&[String]> {
        let (from, gone) = self.retagged_from.as_ref()?;
        let from = from.upgrade()?;
        std::sync::Arc::ptr_eq(&from, last).then_some(gone.as_slice())
    }
}

/// Computes the fingerprint of every page of `targets` (the pages of `site`) as rendered
/// through `theme`; `derived` is what the views read of the whole site, shared with them.
pub fn compute(
    site: &Site,
    theme: &Theme,
    targets: &Targets,
    src: &Sources<'_>,
    derived: &render::pages::Derived,
) -> Fingerprints {
    let r = &site.resolved;
    let ix = &site.index;
    let el: IdVec<EntityIdx, u64> = r
        .entities
        .iter()
        // The kind too: JSON-LD names an entity as Person, Organization or Place wherever it
        // is linked from.
        .map(|e| {
            h(&(
                &e.id,
                &e.name,
                e.profile.is_none(),
                e.profile.as_ref().and_then(|p| p.subkind.as_deref()),
            ))
        })
        .collect();
    // Each briefing's text and body keys, looked up by path once: a lookup hashes and
    // compares a long path, and the body key is read by its page and both search hashes.
    let (text_of, body_of): (Vec<u64>, Vec<u64>) = (r.briefings.par_iter())
        .map(|b| ((src.text)(&b.path), (src.body)(&b.path)))
        .unzip();
    let (text_of, body_of) = (
        IdVec::<BriefingIdx, _>::from_vec(text_of),
        IdVec::from_vec(body_of),
    );
    // A feed entry names the briefing's authors: counted in what a link to it shows.
    let bl: IdVec<BriefingIdx, u64> = r
        .briefings
        .par_iter()
        .zip(&r.refs)
        .map(|(b, refs)| {
            let authors: Vec<u64> = refs.named[Kind::Author].iter().map(|&a| el[a]).collect();
            h(&(
                &b.slug,
                &b.title,
                // The whole date: its instant's text is in UTC, and the day shown is
                // the day as written.
                &b.date,
                &b.updated,
                &b.summary,
                b.confidence.map(|c| c as u8),
                authors,
                // A renamed briefing's feed id is its first old address.
                b.moved_from.first().map(|m| &m.value),
            ))
        })
        .collect();
    let tl: Vec<u64> = r
        .tags
        .iter()
        .zip(&ix.tag_briefings)
        .map(|(t, list)| h(&(&t.slug, &t.name, list.len())))
        .collect();
    // Per tag: what a briefing shows of it, no count (`render::views::TagName`): a
    // briefing added with the tag changes no other briefing's page or text entry.
    let tn: Vec<u64> = r.tags.iter().map(|t| h(&(&t.slug, &t.name))).collect();
    // What a stance's marks show of its evidence: its source's grade and retraction,
    // whether its quote is a paraphrase, and whether one source alone backs its position
    // across the site (`render::evidence`), not how many: a briefing that backs it once
    // more changes no page whose marks said it was backed already. A stance's hash adds
    // its briefing's link, position and quote.
    let support = derived.support(site);
    let (evidence, stances): (Vec<Vec<u64>>, Vec<Vec<u64>>) = r
        .refs
        .par_iter()
        .zip(&bl)
        .enumerate()
        .map(|(bi, (refs, link))| {
            let b = BriefingIdx::from_index(bi);
            (refs.stances.iter().enumerate())
                .map(|(si, s)| {
                    let at = StanceAt {
                        briefing: b,
                        stance: si,
                    };
                    let source = crate::index::stance_source(r, at);
                    let evidence = h(&(
                        source.map(|x| (x.grade, &x.retracted)),
                        crate::index::support_of(r, support, at) <= 1,
                        crate::model::is_paraphrase(s.quote.as_deref()),
                    ));
                    (evidence, h(&(link, si, s.position, &s.quote, evidence)))
                })
                .unzip()
        })
        .unzip();
    let (evidence, stances): (IdVec<BriefingIdx, Vec<u64>>, IdVec<BriefingIdx, Vec<u64>>) =
        (IdVec::from_vec(evidence), IdVec::from_vec(stances));
    let bmeta: IdVec<BriefingIdx, u64> = r
        .briefings
        .par_iter()
        .zip(&r.refs)
        .zip(&bl)
        .zip(&stances)
        .zip(&text_of)
        .map(|((((b, refs), link), marks), text)| {
            let mut hs = crate::hash::hasher();
            (link, text).hash(&mut hs);
            // Citations of `content/sources/` show what the registry says; its stance
            // table, what each stance rests on. Sources that cite nothing are as the
            // file's text has them, hashed above.
            marks.hash(&mut hs);
            if b.sources.iter().any(|x| x.cites.is_some()) {
                b.sources.hash(&mut hs);
            }
            for e in refs.entities() {
                el[e].hash(&mut hs);
            }
            for &e in &refs.reviewers {
                el[e].hash(&mut hs);
            }
            for s in &refs.stances {
                let by = s.by.map(|b| el[b]);
                (el[s.actor], el[s.topic], by).hash(&mut hs);
            }
            for &t in &refs.tags {
                tn[t].hash(&mut hs);
            }
            hs.finish()
        })
        .collect();
    let mut members: IdVec<EntityIdx, Vec<EntityIdx>> = IdVec::filled(Vec::new(), r.entities.len());
    for (i, e) in r.entities.iter_ids() {
        if e.id.kind == Kind::Actor
            && let Some(a) = e.affiliation
        {
            members[a].push(i);
        }
    }
    let ep: IdVec<EntityIdx, u64> = (0..r.entities.len())
        .into_par_iter()
        .map(|i| {
            let e = EntityIdx::from_index(i);
            // A briefing page shows its entities as they were on its date (roles, former
            // names, the role in previews), and hashes this for every entity it names.
            h(&(
                render::previews::preview(
                    site,
                    &site.config.i18n,
                    Target::Entity(e),
                    String::new(),
                ),
                crate::dated::key(r.entity(e), |a| el[a]),
            ))
        })
        .collect();
    let record = derived.record(site);
    // Every page links the track record from its footer when the site has one.
    let track_record = record.has_scores();
    // Each briefing's card name, read by its page and by the card family. A card is named
    // by what it draws: its briefing's title and day, and each stance's actor, position
    // and topic (the site's name and words are in the configuration, hashed apart). Those
    // are hashed, not the card made, as `render::cards::briefing_card` would.
    let cards: IdVec<BriefingIdx, u64> = match render::cards::enabled(site) {
        true => (r.briefings.par_iter().zip(&r.refs))
            .map(|(b, refs)| {
                let mut hs = crate::hash::hasher();
                (&b.title, b.date.date).hash(&mut hs);
                for s in &refs.stances {
                    (el[s.actor], s.position, el[s.topic]).hash(&mut hs);
                }
                hs.finish()
            })
            .collect(),
        false => IdVec::filled(0, r.briefings.len()),
    };
    let about: IdVec<BriefingIdx, u64> = (r.refs.par_iter())
        .map(|refs| h(&refs.about().map(|e| el[e]).collect::<Vec<_>>()))
        .collect();
    let parts = Parts {
        site,
        about,
        cards,
        bl,
        bmeta,
        body: body_of,
        el,
        tl,
        members,
        stances,
        ep,
        record,
        alignment: derived.alignment(site),
    };
    let shared = h(&theme
        .hashes
        .iter()
        .filter(|(n, _)| !render::PAGE_TEMPLATES.contains(&n.as_str()))
        .collect::<Vec<_>>());
    let config = h(&(&site.config, site.trees.as_ref().map(|t| t.digest())));
    // A page template may extend or include another page template (`tag.html` extending
    // `tags.html`): a page depends on every template it renders through.
    let templates: BTreeMap<&str, u64> = (render::PAGE_TEMPLATES.iter())
        .map(|&t| {
            let reached: Vec<(&str, Option<&u64>)> = (theme.ids.reached(t).into_iter())
                .map(|n| (n, theme.hashes.get(n)))
                .collect();
            (t, h(&reached))
        })
        .collect();
    // What places briefings in the timeline's months and years, and on which page.
    let calendar = h(&r
        .briefings
        .iter()
        .map(|b| (b.date.epoch, b.date.date))
        .collect::<Vec<_>>());
    let entities: Vec<EntityParts> = (0..r.entities.len())
        .into_par_iter()
        .map(|i| parts.entity(EntityIdx::from_index(i), src))
        .collect();
    let entity_fp: IdVec<EntityIdx, u64> = entities.iter().map(|x| x.full).collect();
    let entity_tail: IdVec<EntityIdx, u64> = entities.iter().map(|x| x.tail).collect();
    // Per briefing, per stance: what a change feed and a source page show of it, hashed
    // once for the several pages that read it.
    let details: IdVec<BriefingIdx, Vec<u64>> = (0..r.briefings.len())
        .into_par_iter()
        .map(|i| {
            let b = BriefingIdx::from_index(i);
            (0..r.refs[b].stances.len())
                .map(|stance| {
                    let mut hs = crate::hash::hasher();
                    parts.stance_detail(
                        &StanceAt {
                            briefing: b,
                            stance,
                        },
                        &mut hs,
                    );
                    hs.finish()
                })
                .collect()
        })
        .collect();
    let sourced: Vec<u64> = (0..r.briefings.len())
        .into_par_iter()
        .map(|i| {
            let b = BriefingIdx::from_index(i);
            h(&(parts.bl[b], &r.briefings[b].sources, &details[b]))
        })
        .collect();
    let sourcing = h(&(&site.registry, sourced));
    // Per briefing: the stance before each of its own when that one took another position
    // (`render::pages::changed_from`), what makes a stance row a change. Found in one pass
    // over the histories, each in order, rather than a search per stance.
    let mut before: IdVec<BriefingIdx, Vec<Option<StanceAt>>> = (r.refs.iter())
        .map(|x| vec![None; x.stances.len()])
        .collect();
    let position_of = |at: StanceAt| render::alignment::position(site, at);
    for history in ix.history.values() {
        for pair in history.windows(2) {
            let (prev, at) = (pair[0], pair[1]);
            if position_of(prev) != position_of(at) {
                before[at.briefing][at.stance] = Some(prev);
            }
        }
    }
    let changed_from: IdVec<BriefingIdx, u64> = (before.as_slice().par_iter())
        .map(|list| {
            let mut hs = crate::hash::hasher();
            for at in list {
                at.map(|at| parts.stance(&at)).hash(&mut hs);
            }
            hs.finish()
        })
        .collect();
    // Per topic or actor: its changes of position, oldest first, as its change feed and
    // its as-of pages list them.
    let changes_of = derived.changes(site);
    // Per entity: what its as-of pages read besides the changes of their day. A matrix
    // shows positions, days and evidence, and links no briefing: the entity's link and
    // question, its days of change (a page's number, its neighbours, how many there are),
    // and each stance of its histories in order with its position, day and evidence. Not
    // by place: a briefing moved in date order renumbers others, which these pages do not
    // show.
    let as_of: IdVec<EntityIdx, AsOf> = (0..r.entities.len())
        .into_par_iter()
        .map(|i| {
            let e = EntityIdx::from_index(i);
            let mut hs = crate::hash::hasher();
            // Of the entity, its link and its question (in its profile): not what its own
            // pages show of it (its period, counts, neighbours).
            let profile = r.entity(e).profile.as_ref().map(|p| (src.text)(&p.path));
            (parts.el[e], profile, &changes_of[e].days).hash(&mut hs);
            let stance = |at: StanceAt| {
                let day = render::changes::date_of(site, at);
                (position_of(at), day, evidence[at.briefing][at.stance])
            };
            // Each history with the other entity its rows name (the first stance's).
            let histories = (render::changes::histories(site, e).into_iter()).map(|history| {
                let first = &r.refs[history[0].briefing].stances[history[0].stance];
                let other = match r.entity(e).id.kind {
                    Kind::Topic => first.actor,
                    _ => first.topic,
                };
                (parts.el[other], history)
            });
            if !r.days_in_order {
                // A history's stances up to a day are then not a start of it
                // (`render::changes::up_to`): every page reads every stance.
                for (other, history) in histories {
                    (other, history.len()).hash(&mut hs);
                    history.iter().for_each(|&at| stance(at).hash(&mut hs));
                }
                return AsOf {
                    common: hs.finish(),
                    chains: Vec::new(),
                };
            }
            // A matrix as of a day counts the stances of each history up to that day, a
            // start of it: each history is hashed as a chain, oldest first, and a page
            // reads the link of its day. A stance after a page's day leaves it as it was.
            let chains = histories
                .map(|(other, history)| {
                    let mut links = Vec::with_capacity(history.len() + 1);
                    links.push(h(&other));
                    for &at in history {
                        let last = links[links.len() - 1];
                        links.push(h(&(last, stance(at))));
                    }
                    let days = (history.iter())
                        .map(|&at| render::changes::date_of(site, at))
                        .collect();
                    (days, links)
                })
                .collect();
            AsOf {
                common: hs.finish(),
                chains,
            }
        })
        .collect();
    let latest = {
        let mut hs = crate::hash::hasher();
        for c in derived.latest(site) {
            change(&details, c, &mut hs);
        }
        hs.finish()
    };
    // What each agreement matrix reads: which pages there are, the names of every actor
    // and topic with a history, and the position each history's latest stance by the
    // page's day holds (`None`: now). A stance edit then renders the months it changed
    // the matrix of, not every month after it; the matrices link no briefing, so a title
    // or a quote edit leaves them as they are.
    let alignment: Vec<(Option<Month>, u64)> = {
        let mut hs = crate::hash::hasher();
        // Its pairs by what their links show, not by number (see `Parts::graph`).
        parts.alignment.months.hash(&mut hs);
        for &(a, b) in &parts.alignment.pairs {
            (parts.el[a], parts.el[b]).hash(&mut hs);
        }
        for &(a, t) in ix.history.keys() {
            (parts.el[a], parts.el[t]).hash(&mut hs);
        }
        let common = hs.finish();
        // Months oldest first, then now: one walk along each history passes them in order
        // when its days rise (else each is looked up as the matrix does).
        let pages: Vec<Option<Month>> = (parts.alignment.months.iter().copied().map(Some))
            .chain(std::iter::once(None))
            .collect();
        let cutoffs: Vec<_> = pages.iter().map(|m| m.map(Month::last_day)).collect();
        debug_assert!(parts.alignment.months.is_sorted(), "the walk goes forward");
        let mut hashers: Vec<ahash::AHasher> =
            pages.iter().map(|_| crate::hash::hasher()).collect();
        for (&(a, t), history) in &ix.history {
            let mut next = 0;
            for (&cutoff, hs) in cutoffs.iter().zip(&mut hashers) {
                let latest = match (r.days_in_order, cutoff) {
                    (true, Some(d)) => {
                        next += history[next..]
                            .iter()
                            .take_while(|&&at| render::changes::date_of(site, at) <= d)
                            .count();
                        next.checked_sub(1).map(|i| history[i])
                    }
                    _ => render::changes::up_to(site, history, cutoff)
                        .last()
                        .copied(),
                };
                if let Some(at) = latest {
                    (parts.el[a], parts.el[t], position_of(at)).hash(hs);
                }
            }
        }
        (pages.into_iter().zip(hashers))
            .map(|(m, mut hs)| {
                common.hash(&mut hs);
                (m, hs.finish())
            })
            .collect()
    };
    let linked: IdVec<EntityIdx, Vec<BriefingIdx>> = (0..r.entities.len())
        .into_par_iter()
        .map(|i| ix.linked_only(EntityIdx::from_index(i)).collect())
        .collect();
    let lists = Lists {
        entity_fp: &entity_fp,
        entity_tail: &entity_tail,
        linked: &linked,
        as_of: &as_of,
        changed_from: &changed_from,
        changes_of,
        latest,
        details: &details,
        calendar,
        sourcing,
        alignment,
    };
    // Every page's footer links `alignment/` when there is one.
    let linked = parts.alignment.exists();
    let (pages, frames): (Vec<u64>, Vec<u64>) = targets
        .list
        .par_iter()
        .map(|(page, path, template)| {
            let own = fingerprint(&parts, &lists, *page);
            let frame = h(&(
                config,
                shared,
                templates.get(*template),
                path,
                track_record,
                linked,
            ));
            (h(&(own, frame)), frame)
        })
        .unzip();
    let names: IdVec<EntityIdx, u64> = r
        .entities
        .iter()
        .zip(&parts.el)
        .map(|(e, el)| h(&(el, &e.aliases)))
        .collect();
    let search_entries: Vec<u64> = r
        .briefings
        .par_iter()
        .zip(&r.refs)
        .zip(&parts.bl)
        .zip(&parts.body)
        .map(|(((_, refs), link), body)| {
            let mut hs = crate::hash::hasher();
            (link, body).hash(&mut hs);
            for e in refs.entities() {
                names[e].hash(&mut hs);
            }
            for &t in &refs.tags {
                tn[t].hash(&mut hs);
            }
            hs.finish()
        })
        .collect();
    // The full-text index: every briefing's title, slug, summary, body, the entities it
    // names and the tags it has (each by key, with its names), in briefing order. Names
    // are in the entries of the briefings naming them, not in the frame: an entity or tag
    // that comes or goes changes those entries alone.
    let search_text: Vec<u64> = r
        .briefings
        .par_iter()
        .zip(&r.refs)
        .zip(&parts.body)
        .map(|((b, refs), body)| {
            let mut hs = crate::hash::hasher();
            (&b.title, &b.slug, &b.summary, body).hash(&mut hs);
            refs.entities().count().hash(&mut hs);
            for e in refs.entities() {
                names[e].hash(&mut hs);
            }
            refs.tags.len().hash(&mut hs);
            for &t in &refs.tags {
                (&r.tags[t].slug, &r.tags[t].name).hash(&mut hs);
            }
            hs.finish()
        })
        .collect();
    let search_frame = {
        let mut hs = crate::hash::hasher();
        (config, search_text.len()).hash(&mut hs);
        hs.finish()
    };
    // Of a briefing, the CSV rows show its slug (and address) and date only: a title or
    // summary edit leaves both files as they are. Its place is hashed by the order of the
    // list, which also covers the position before each change of `changes.csv`. Rows are
    // kept by these hashes: each covers the configuration (the base address, the grades).
    let stance_rows: Vec<u64> = (r.briefings.par_iter().zip(&r.refs))
        .map(|(b, refs)| {
            if refs.stances.is_empty() {
                return 0;
            }
            let mut hs = crate::hash::hasher();
            (config, &b.slug, &b.date).hash(&mut hs);
            for s in &refs.stances {
                let by = s.by.map(|b| parts.el[b]);
                let source = s.source.and_then(|i| b.sources.get(i));
                let source = source.map(|s| (&s.title, &s.url, &s.cites, s.grade, &s.retracted));
                let (a, t) = (parts.el[s.actor], parts.el[s.topic]);
                (a, t, s.position, &s.quote, by, source).hash(&mut hs);
            }
            hs.finish()
        })
        .collect();
    let generated = Generated::ALL
        .par_iter()
        .map(|&g| {
            let own = match g {
                Generated::SearchIndex => h(&search_entries),
                Generated::StancesCsv => h(&stance_rows),
                Generated::SearchText => h(&(search_frame, &search_text)),
                _ => generated(&parts, &entity_fp, g),
            };
            (g, h(&(config, own)))
        })
        .collect();
    Fingerprints {
        pages,
        frames,
        generated,
        search_entries,
        search_texts: search_text,
        search_frame,
        stance_rows,
        cards: parts.cards.iter().copied().collect(),
        // Generated files are made without templates: of the theme, only where its own
        // copied files come from (their stamps are hashed apart). Which files beside the
        // content are copied is the site's: one only a withheld briefing uses is left out.
        files: h(&(
            config,
            &theme.dir,
            (site.statics.iter().chain(&site.assets))
                .map(|f| &f.output_path)
                .collect::<Vec<_>>(),
        )),
    }
}

/// What generated file family `g` reads: front matter, names and (for the search excerpts)
/// bodies. Each may cover more than its family reads, never less.
fn generated(p: &Parts<'_>, entity_fp: &IdVec<EntityIdx, u64>, g: Generated) -> u64 {
    let r = &p.site.resolved;
    let mut hs = crate::hash::hasher();
    // Which entities each briefing names.
    let named = |hs: &mut ahash::AHasher| {
        for refs in &r.refs {
            refs.entities().count().hash(hs);
            for e in refs.entities() {
                e.hash(hs);
            }
        }
    };
    let names = |hs: &mut ahash::AHasher| {
        for (e, el) in r.entities.iter().zip(&p.el) {
            (el, &e.aliases).hash(hs);
        }
    };
    match g {
        // Of a briefing, its address and the day it last changed: a title or summary edit
        // leaves the sitemap as it is. Of the rest, which pages there are.
        Generated::Sitemap => {
            for b in &r.briefings {
                (&b.slug, b.updated.as_ref().unwrap_or(&b.date).date).hash(&mut hs);
            }
            p.site.registry.len().hash(&mut hs);
            for x in &p.site.registry {
                x.id.hash(&mut hs);
            }
            render::has_corrections(p.site).hash(&mut hs);
            (&p.el, &p.tl, p.record.has_scores(), &p.alignment).hash(&mut hs)
        }
        // Made from `Fingerprints::search_entries`.
        Generated::SearchIndex => {}
        // Of a briefing, its day (and place): the meta file lists no title or summary.
        Generated::SearchMeta => {
            for b in &r.briefings {
                b.date.date.hash(&mut hs);
            }
            (r.briefings.len(), &p.tl).hash(&mut hs);
            names(&mut hs);
            named(&mut hs);
            for refs in &r.refs {
                refs.tags.hash(&mut hs);
            }
        }
        // Hashed in `compute`, which has the bodies.
        Generated::SearchText => {}
        // Made from `Fingerprints::stance_rows`.
        Generated::StancesCsv => {}
        // Its `sources` list: the registry and which briefings and stances cite each.
        Generated::EntitiesJson => {
            entity_fp.hash(&mut hs);
            p.site.registry.hash(&mut hs);
            if !p.site.registry.is_empty() {
                for (b, refs) in r.briefings.iter().zip(&r.refs) {
                    b.sources.hash(&mut hs);
                    for s in &refs.stances {
                        s.source.hash(&mut hs);
                    }
                }
            }
        }
        // Cards are named by what they draw: their names are their inputs.
        Generated::Cards => {
            if render::cards::enabled(p.site) {
                // A briefing with a picture of its own has no card.
                for b in r.briefings.ids() {
                    let own = p.site.images.briefings[b].is_some();
                    (own, p.cards[b]).hash(&mut hs);
                }
            }
        }
        // Entities and who names them with whom: no tags.
        Generated::GraphJson => {
            p.el.hash(&mut hs);
            named(&mut hs);
        }
        Generated::Redirects => render::redirects::table(p.site).0.hash(&mut hs),
        // Pictures are named by their bytes: their names and sizes are their inputs.
        Generated::Images => p.site.images.locals().hash(&mut hs),
    }
    hs.finish()
}

/// What pages show of a scored judgment but its topic, which they hash by what shows it
/// (`el`), not by number: an entity coming or going renumbers those after it.
fn scored(s: &crate::track_record::Scored) -> impl Hash + '_ {
    (
        s.briefing, s.judgment, s.permille, s.level, s.happened, s.counted,
    )
}

/// What a page listing change `c` shows of it: the stance with its details (its position
/// among them), the position before and its day.
fn change(details: &IdVec<BriefingIdx, Vec<u64>>, c: &Change, hs: &mut ahash::AHasher) {
    // Not its briefing's place, which a briefing moved in date order shifts: its link,
    // in the details, says which briefing it is.
    let at = c.at;
    (at.stance, c.from, c.date).hash(hs);
    details[at.briefing][at.stance].hash(hs);
}

/// What pages read of the whole site besides [`Parts`].
struct Lists<'a> {
    /// Per entity: everything its pages show.
    entity_fp: &'a IdVec<EntityIdx, u64>,
    /// Per entity: what its later pages read besides the briefings each lists.
    entity_tail: &'a IdVec<EntityIdx, u64>,
    /// Per entity: [`crate::index::Index::linked_only`], read by each of its later pages.
    linked: &'a IdVec<EntityIdx, Vec<BriefingIdx>>,
    /// Per entity: what its as-of pages read besides the changes of their day.
    as_of: &'a IdVec<EntityIdx, AsOf>,
    /// Per briefing: the stances before its own that make them changes.
    changed_from: &'a IdVec<BriefingIdx, u64>,
    /// Per topic or actor: its changes, oldest first.
    changes_of: &'a IdVec<EntityIdx, render::changes::OfEntity>,
    /// The site's latest changes, as its change feed lists them.
    latest: u64,
    /// Per briefing, per stance: [`Parts::stance_detail`].
    details: &'a IdVec<BriefingIdx, Vec<u64>>,
    /// Every briefing's date, in order: the timeline's months and years, and which page
    /// of a list of every briefing holds which.
    calendar: u64,
    /// What the source pages read: the registry, every briefing's sources and link, and
    /// every stance with its evidence, actor and topic.
    sourcing: u64,
    /// What each agreement matrix reads, by its month (`None`: now).
    alignment: Vec<(Option<Month>, u64)>,
}

/// What the as-of pages of one entity read besides the changes of their day.
struct AsOf {
    /// What every one of them reads.
    common: u64,
    /// Per history of the entity (with each other entity), the days of its stances in
    /// order, and the hash of its first `n` stances at `n` (the other entity's link at 0).
    /// Empty when the site's days are not in briefing order: `common` then covers them.
    chains: Vec<(Vec<jiff::civil::Date>, Vec<u64>)>,
}

fn fingerprint(p: &Parts<'_>, lists: &Lists<'_>, page: Page) -> u64 {
    let r = &p.site.resolved;
    let ix = &p.site.index;
    let entity_fp = lists.entity_fp;
    let size = p.site.config.page_size;
    let mut hs = crate::hash::hasher();
    std::mem::discriminant(&page).hash(&mut hs);
    // The newest-first slice of every briefing on page `n`, as a list of them shows it.
    let newest = |n: PageNo, hs: &mut ahash::AHasher| {
        let total = r.briefings.len();
        for rank in paging::ranks(total, n, size) {
            p.bl[BriefingIdx((total - 1 - rank) as u32)].hash(hs);
        }
    };
    match page {
        Page::Briefing(b) => {
            (p.bmeta[b], p.body[b]).hash(&mut hs);
            p.links(&ix.related[b], &mut hs);
            p.links(&ix.briefing_backlinks[b], &mut hs);
            // Why each related or linking briefing is listed: the entities both name, of
            // which the entities each names is a cover.
            p.about[b].hash(&mut hs);
            for &o in ix.related[b].iter().chain(&ix.briefing_backlinks[b]) {
                p.about[o].hash(&mut hs);
            }
            lists.changed_from[b].hash(&mut hs);
            // Its card's name, in `og:image`, and its picture.
            p.cards[b].hash(&mut hs);
            p.site.images.briefings[b].hash(&mut hs);
            // JSON-LD mentions what the body links to by name and kind.
            for &e in &ix.body_entities[b] {
                p.el[e].hash(&mut hs);
            }
            // Link previews: of the pages its body links to first, of the entities it
            // names (the related briefings' are their links, hashed above; its sources'
            // are in its own text).
            for &t in &p.site.outlines[b].previews {
                p.preview(t).hash(&mut hs);
            }
            for e in r.refs[b].entities() {
                p.ep[e].hash(&mut hs);
            }
            // Its breadcrumb links to the timeline page holding it.
            let rank = r.briefings.len() - 1 - b.index();
            PageNo::of_rank(rank, size).hash(&mut hs);
        }
        // A later page lists its share of the entity's briefings (newest first) and shows
        // little else: a retitled briefing changes the page listing it, not every page.
        Page::Entity(e, n) if !n.is_first() => {
            lists.entity_tail[e].hash(&mut hs);
            for list in [&ix.named_in[e], &lists.linked[e], &ix.reviewed[e]] {
                let total = list.len();
                for rank in paging::ranks(total, n, size) {
                    p.bl[list[total - 1 - rank]].hash(&mut hs);
                }
            }
        }
        // The first page reads the whole entity.
        Page::Entity(e, n) => {
            entity_fp[e].hash(&mut hs);
            // Page 1 previews the pages its profile links to.
            if n.is_first() {
                for &t in &p.site.profile_outlines[e].previews {
                    p.preview(t).hash(&mut hs);
                }
            }
        }
        Page::EntityFeed(e) => {
            p.el[e].hash(&mut hs);
            let list = &ix.named_in[e];
            let from = list.len().saturating_sub(render::pages::FEED_ENTRIES);
            p.links(&list[from..], &mut hs);
        }
        // Every entry of every page, and, on the places index, the world map: each place's
        // location (its own coordinates, in its profile's text, or an enclosing place's,
        // with the chain in `entity_fp`) and count (its briefings, in `entity_fp`).
        Page::Entities(kind, _) => {
            kind.hash(&mut hs);
            for e in r.of_kind(kind) {
                entity_fp[e].hash(&mut hs);
            }
        }
        Page::Tags(_) => p.tl.hash(&mut hs),
        // The tag with its count, and the briefings on page `n` of its list, newest first.
        Page::Tag(t, n) => {
            p.tl[t].hash(&mut hs);
            let list = &ix.tag_briefings[t];
            let total = list.len();
            total.hash(&mut hs);
            for rank in paging::ranks(total, n, size) {
                p.bl[list[total - 1 - rank]].hash(&mut hs);
            }
        }
        Page::Timeline(n) => {
            lists.calendar.hash(&mut hs);
            newest(n, &mut hs);
            let total = r.briefings.len();
            for rank in paging::ranks(total, n, size) {
                let b = BriefingIdx((total - 1 - rank) as u32);
                p.bmeta[b].hash(&mut hs);
                lists.changed_from[b].hash(&mut hs);
            }
        }
        Page::Briefings(n) => {
            r.briefings.len().hash(&mut hs);
            newest(n, &mut hs);
        }
        Page::SiteFeed => p.bl.hash(&mut hs),
        Page::TagFeed(t) => {
            p.tl[t].hash(&mut hs);
            let list = &ix.tag_briefings[t];
            let from = list.len().saturating_sub(render::pages::FEED_ENTRIES);
            p.links(&list[from..], &mut hs);
        }
        // The same inputs as its Atom twin: the same view renders both.
        Page::JsonFeed(f) => return fingerprint(p, lists, f.atom()) ^ 0x9e37_79b9_7f4a_7c15,
        Page::Home => {
            // Latest briefings, counts, topics and every stance change: hash them all.
            p.bl.hash(&mut hs);
            entity_fp.hash(&mut hs);
        }
        Page::Network => {
            p.graph(&render::pages::top_actors(p.site), &mut hs);
            r.of_kind(Kind::Actor).count().hash(&mut hs);
        }
        // Every correction with its briefing's link (and order, which ties break by).
        Page::Corrections | Page::CorrectionsFeed => {
            for (b, br) in r.briefings.iter_ids() {
                if br.corrections.is_empty() {
                    continue;
                }
                (b.index(), p.bl[b]).hash(&mut hs);
                for c in &br.corrections {
                    (&c.date, &c.text).hash(&mut hs);
                }
            }
        }
        // An as-of page shows the matrix as it stood at the end of its day, which links no
        // briefing, and the changes of that day with their briefings' links: a retitled
        // briefing changes the pages of the days it changed a position on.
        Page::AsOf(e, day) => {
            let of = &lists.as_of[e];
            of.common.hash(&mut hs);
            for (days, links) in &of.chains {
                links[days.partition_point(|&d| d <= day)].hash(&mut hs);
            }
            let of = &lists.changes_of[e].changes;
            let from = of.partition_point(|c| c.date < day);
            for c in of[from..].iter().take_while(|c| c.date == day) {
                change(lists.details, c, &mut hs);
            }
        }
        // A change feed lists its latest changes, each with who voiced it and its source.
        Page::ChangesFeed(Some(e)) => {
            p.el[e].hash(&mut hs);
            let of = &lists.changes_of[e].changes;
            for c in &of[of.len().saturating_sub(render::pages::FEED_ENTRIES)..] {
                change(lists.details, c, &mut hs);
            }
        }
        Page::ChangesFeed(None) => lists.latest.hash(&mut hs),
        Page::Sources | Page::Source(_) => lists.sourcing.hash(&mut hs),
        // Every scored judgment with its briefing's link (authors and their names among
        // it), its topic's link, and the judgment as written.
        Page::TrackRecord => {
            for s in &p.record.entries {
                let j = &r.briefing(s.briefing).judgments[s.judgment];
                (scored(s), p.bl[s.briefing], p.el[s.topic], j).hash(&mut hs);
                for &a in &r.refs[s.briefing].named[Kind::Author] {
                    p.el[a].hash(&mut hs);
                }
            }
        }
        Page::Alignment(m) => {
            let found = lists.alignment.iter().find(|(x, _)| *x == m);
            found.map(|(_, fp)| fp).hash(&mut hs);
        }
        // Both actors' stances on every topic either took one on, with the topics' and
        // the actors' links, and how many briefings name both.
        Page::Compare(a, b) => {
            (p.el[a], p.el[b]).hash(&mut hs);
            for actor in [a, b] {
                for &t in &ix.actor_topics[actor] {
                    p.el[t].hash(&mut hs);
                    for at in ix.history.get(&(actor, t)).into_iter().flatten() {
                        (at.briefing, at.stance, p.stance(at)).hash(&mut hs);
                    }
                }
            }
            (ix.co_actors[a].iter().find(|&&(o, _)| o == b))
                .map(|&(_, n)| n)
                .hash(&mut hs);
        }
        Page::Search | Page::NotFound => {}
    }
    hs.finish()
}
