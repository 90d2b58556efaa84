//! The cross-reference graph: which briefings name or link to each entity and briefing,
//! stance histories, related briefings, co-occurring actors and sub-places.

use crate::id_vec::{Id, IdVec};
use crate::markdown::Target;
use crate::model::{BriefingIdx, EntityIdx, Kind, co_named};
use crate::resolve::{Refs, Resolved};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// How many related briefings a briefing page lists.
pub const RELATED: usize = 5;

/// An entity named by more briefings than this is not walked whole when counting related
/// briefings: such entities' briefings are walked together newest first, until nothing
/// older can win or this many steps per such entity (see `related_one`).
pub const RELATED_SCAN: usize = 5_000;

/// One stance in a history: the briefing and the stance's position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceAt {
    pub briefing: BriefingIdx,
    pub stance: usize,
}

/// Derived facts of a resolved site.
#[derive(Debug, Default)]
pub struct Index {
    /// Per entity: briefings whose front matter names it, oldest first.
    pub named_in: IdVec<EntityIdx, Vec<BriefingIdx>>,
    /// Per author: briefings whose `reviewed_by:` names it, oldest first.
    pub reviewed: IdVec<EntityIdx, Vec<BriefingIdx>>,
    /// Per entity: briefings whose bodies link to it, oldest first.
    pub entity_backlinks: IdVec<EntityIdx, Vec<BriefingIdx>>,
    /// Per briefing: briefings whose bodies link to it, oldest first.
    pub briefing_backlinks: IdVec<BriefingIdx, Vec<BriefingIdx>>,
    /// Per briefing: entities its body links to, by kind then id.
    pub body_entities: IdVec<BriefingIdx, Vec<EntityIdx>>,
    /// Per briefing: the most related briefings, best first.
    pub related: IdVec<BriefingIdx, Vec<BriefingIdx>>,
    /// (actor, topic) → every stance, oldest first.
    pub history: BTreeMap<(EntityIdx, EntityIdx), Vec<StanceAt>>,
    /// Per topic: actors with a stance on it, by id.
    pub topic_actors: IdVec<EntityIdx, Vec<EntityIdx>>,
    /// Per actor: topics it took a stance on, by id.
    pub actor_topics: IdVec<EntityIdx, Vec<EntityIdx>>,
    /// Per actor: stances it voiced for another (`by:`), oldest first.
    pub voiced: IdVec<EntityIdx, Vec<StanceAt>>,
    /// Per actor: other actors named in the same briefings, with counts, most first.
    pub co_actors: IdVec<EntityIdx, Vec<(EntityIdx, u32)>>,
    /// Per place: actors named in briefings that name the place, with counts, most first.
    pub place_actors: IdVec<EntityIdx, Vec<(EntityIdx, u32)>>,
    /// Per place: places `within` it, by id.
    pub sub_places: IdVec<EntityIdx, Vec<EntityIdx>>,
    /// Per tag: briefings with it, oldest first.
    pub tag_briefings: Vec<Vec<BriefingIdx>>,
    /// Briefings from newest to oldest, the order ties between related briefings go by.
    pub recency: Recency,
    /// Per entity named by more than `scan` briefings: those briefings, newest first.
    pub newest_first: BTreeMap<EntityIdx, Vec<BriefingIdx>>,
    /// Per entity of `newest_first`: a bit per briefing, set if it names the entity (a
    /// bit test where a binary search of a long list took most of the indexing time).
    pub big_members: BTreeMap<EntityIdx, Vec<u64>>,
    /// [`RELATED_SCAN`], or less in tests.
    pub scan: usize,
}

/// The source stance `at` rests on (its `source:`), if it names one.
pub fn stance_source(site: &Resolved, at: StanceAt) -> Option<&crate::model::Source> {
    let s = site.refs[at.briefing].stances.get(at.stance)?;
    site.briefings[at.briefing].sources.get(s.source?)
}

/// Whether stance `at` rests on a source retracted on `date` or before: what the as-of
/// pages strike through from the retraction's date on.
pub fn is_retracted_on(site: &Resolved, at: StanceAt, date: jiff::civil::Date) -> bool {
    stance_source(site, at).is_some_and(|s| s.is_retracted_on(date))
}

/// Whether stance `at` rests on a retracted source, whatever the date.
pub fn is_retracted(site: &Resolved, at: StanceAt) -> bool {
    stance_source(site, at).is_some_and(|s| s.retracted.is_some())
}

/// Per actor, topic and position: how many distinct sources, retracted ones aside, back it
/// across the site (a registry source by its id, another by its address or title). One
/// pass over every stance history: what "single source" marks read.
pub type Support = crate::hash::Map<(EntityIdx, EntityIdx, crate::model::Position), usize>;

/// Counts [`Support`] for the whole site.
pub fn support(site: &Resolved, ix: &Index) -> Support {
    // Each history is counted apart, on every core: the sources' keys are compared as
    // text, and a live preview counts them again at every front-matter edit.
    let counted: Vec<Vec<_>> = (ix.history)
        .par_iter()
        .map(|(&pair, history)| support_in(site, pair, history))
        .collect();
    counted.into_iter().flatten().collect()
}

/// The stance histories (actor, topic) that the stances of `before` and `now` are in,
/// sorted, each once: those an edit of one briefing's stances from `before` to `now` can
/// change.
pub fn histories_of(before: &Refs, now: &Refs) -> Vec<(EntityIdx, EntityIdx)> {
    let mut pairs: Vec<_> = (before.stances.iter().chain(&now.stances))
        .map(|s| (s.actor, s.topic))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// [`Support`] counted again for the histories of `pairs` (actor, topic) alone, the rest
/// kept: what an edit of one briefing's stances changes.
pub fn recount_support(
    site: &Resolved,
    ix: &Index,
    support: &mut Support,
    pairs: &[(EntityIdx, EntityIdx)],
) {
    support.retain(|&(actor, topic, _), _| !pairs.contains(&(actor, topic)));
    for &pair in pairs {
        if let Some(history) = ix.history.get(&pair) {
            support.extend(support_in(site, pair, history));
        }
    }
}

/// The [`Support`] entries of the history of `actor` on `topic`.
fn support_in(
    site: &Resolved,
    (actor, topic): (EntityIdx, EntityIdx),
    history: &[StanceAt],
) -> Vec<((EntityIdx, EntityIdx, crate::model::Position), usize)> {
    let mut keys: Vec<(crate::model::Position, &str)> = history
        .iter()
        .filter_map(|&h| {
            let x = stance_source(site, h).filter(|x| x.retracted.is_none())?;
            let key = match &x.cites {
                Some(id) => id.value.as_str(),
                None => x.url.as_deref().unwrap_or(&x.title),
            };
            Some((site.refs[h.briefing].stances[h.stance].position, key))
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut out: Vec<_> = Vec::new();
    for k in keys.chunk_by(|a, b| a.0 == b.0) {
        out.push(((actor, topic, k[0].0), k.len()));
    }
    out
}

/// How many sources back the position of stance `at` (see [`Support`]).
pub fn support_of(site: &Resolved, support: &Support, at: StanceAt) -> usize {
    let Some(s) = site.refs[at.briefing].stances.get(at.stance) else {
        return 0;
    };
    support
        .get(&(s.actor, s.topic, s.position))
        .copied()
        .unwrap_or(0)
}

impl Index {
    /// Briefings whose bodies link to `e` without their front matter naming it: what a
    /// "Linked from" list adds to the list of briefings naming `e`.
    pub fn linked_only(&self, e: EntityIdx) -> impl Iterator<Item = BriefingIdx> + '_ {
        let named = &self.named_in[e];
        (self.entity_backlinks[e].iter().copied()).filter(|b| named.binary_search(b).is_err())
    }

    /// The stance of the same actor on the same topic just before `at`, if any.
    pub fn previous(&self, site: &Resolved, at: StanceAt) -> Option<StanceAt> {
        let s = site.refs[at.briefing].stances.get(at.stance)?;
        let history = self.history.get(&(s.actor, s.topic))?;
        let i = history
            .binary_search_by_key(&(at.briefing, at.stance), |h| (h.briefing, h.stance))
            .ok()?;
        history.get(i.checked_sub(1)?).copied()
    }
}

/// The entities `links` (a body's, sorted without repeats) reach, by kind then id.
pub fn body_entities(links: &[Target]) -> Vec<EntityIdx> {
    (links.iter())
        .filter_map(|t| match *t {
            Target::Entity(e) => Some(e),
            Target::Briefing(_) => None,
        })
        .collect()
}

impl Index {
    /// The entities briefing `b`'s body links to that its front matter does not name.
    pub fn body_only<'a>(
        &'a self,
        site: &Resolved,
        b: BriefingIdx,
    ) -> impl Iterator<Item = EntityIdx> + 'a {
        let mut named: Vec<EntityIdx> = site.refs[b].entities().collect();
        named.sort_unstable();
        (self.body_entities[b].iter().copied()).filter(move |e| named.binary_search(e).is_err())
    }
}

/// Entities both briefings are about ([`Refs::about`]), in `a`'s order (kinds, then as
/// written).
pub fn shared_entities(site: &Resolved, a: BriefingIdx, b: BriefingIdx) -> Vec<EntityIdx> {
    let mut theirs: Vec<EntityIdx> = site.refs[b].about().collect();
    theirs.sort_unstable();
    // A briefing names each entity once (resolution merges repeats), so no dedup here.
    (site.refs[a].about())
        .filter(|e| theirs.binary_search(e).is_ok())
        .collect()
}

/// Rank 0 is the newest briefing; among one date, the smaller slug ranks first. Briefings
/// are sorted by date then slug, so the rank orders ties exactly as the contract asks.
#[derive(Debug, Default)]
pub struct Recency {
    /// Per briefing: its rank.
    rank: Vec<u32>,
    /// Per rank: the briefing.
    by_rank: Vec<u32>,
}

impl Recency {
    fn new(site: &Resolved) -> Recency {
        let n = site.briefings.len();
        let mut by_rank: Vec<u32> = (0..n as u32).collect();
        by_rank.sort_by_key(|&o| {
            (
                std::cmp::Reverse(site.briefings[BriefingIdx(o)].date.epoch),
                o,
            )
        });
        let mut rank = vec![0u32; n];
        for (r, &o) in by_rank.iter().enumerate() {
            rank[o as usize] = r as u32;
        }
        Recency { rank, by_rank }
    }

    /// The order of related briefings: most shared entities first, then the newest. The
    /// smallest key wins.
    fn key(&self, briefing: usize, shared: u32) -> u64 {
        Recency::key_at(self.rank[briefing], shared)
    }

    /// [`Recency::key`] of the briefing of rank `rank`.
    fn key_at(rank: u32, shared: u32) -> u64 {
        (u64::from(u32::MAX - shared) << 32) | u64::from(rank)
    }

    fn briefing(&self, key: u64) -> BriefingIdx {
        BriefingIdx(self.by_rank[(key & 0xffff_ffff) as usize])
    }
}

/// Builds the index from the resolved site and the links found in each briefing body.
pub fn build<L: AsRef<[Target]>>(site: &Resolved, body_links: &[L]) -> Index {
    build_scanning(site, body_links, RELATED_SCAN, None)
}

/// Related briefings as last found, and what each briefing they were found for was found
/// from: a later site reuses the lists of the briefings its changes cannot reach.
#[derive(Debug, Default)]
pub struct Related {
    /// The entities of the site they were found in, in order (their indices name them).
    entities: Vec<crate::model::EntityId>,
    /// The bound of the walk they were found with.
    scan: usize,
    /// Per briefing of that site, in order.
    briefings: Vec<RelatedOf>,
}

/// One briefing of a [`Related`]: what orders it and what it is about, and its list.
#[derive(Debug)]
struct RelatedOf {
    path: String,
    date: crate::model::When,
    slug: crate::model::Slug,
    about: Vec<EntityIdx>,
    related: Vec<BriefingIdx>,
}

impl Related {
    /// The related briefings of `ix`, found in `site`, kept for a later build to reuse.
    pub fn of(site: &Resolved, ix: &Index) -> Related {
        let briefings = (site.briefings.iter().zip(&site.refs))
            .zip(ix.related.iter())
            .map(|((b, refs), related)| RelatedOf {
                path: b.path.clone(),
                date: b.date.clone(),
                slug: b.slug.clone(),
                about: refs.about().collect(),
                related: related.clone(),
            })
            .collect();
        Related {
            entities: site.entities.iter().map(|e| e.id.clone()).collect(),
            scan: ix.scan,
            briefings,
        }
    }
}

/// [`build`], the related briefings of every briefing that `last` holds and no change
/// reaches taken from it: finding them is the longest part of indexing.
pub fn build_reusing<L: AsRef<[Target]>>(
    site: &Resolved,
    body_links: &[L],
    last: Option<Related>,
) -> Index {
    build_scanning(site, body_links, RELATED_SCAN, last)
}

/// [`build`], with related briefings looking at the newest `scan` of a big entity's.
fn build_scanning<L: AsRef<[Target]>>(
    site: &Resolved,
    body_links: &[L],
    scan: usize,
    last: Option<Related>,
) -> Index {
    let n_entities = site.entities.len();
    let n_briefings = site.briefings.len();
    let mut ix = Index {
        named_in: IdVec::filled(Vec::new(), n_entities),
        reviewed: IdVec::filled(Vec::new(), n_entities),
        entity_backlinks: IdVec::filled(Vec::new(), n_entities),
        briefing_backlinks: IdVec::filled(Vec::new(), n_briefings),
        body_entities: IdVec::filled(Vec::new(), n_briefings),
        topic_actors: IdVec::filled(Vec::new(), n_entities),
        actor_topics: IdVec::filled(Vec::new(), n_entities),
        voiced: IdVec::filled(Vec::new(), n_entities),
        sub_places: IdVec::filled(Vec::new(), n_entities),
        ..Index::default()
    };
    list_tags(&mut ix, site);
    let mut co: IdVec<EntityIdx, BTreeMap<EntityIdx, u32>> =
        IdVec::filled(BTreeMap::new(), n_entities);
    let mut at_place: IdVec<EntityIdx, BTreeMap<EntityIdx, u32>> =
        IdVec::filled(BTreeMap::new(), n_entities);

    for (bi, refs) in site.refs.iter().enumerate() {
        let b = BriefingIdx(bi as u32);
        for e in refs.entities() {
            ix.named_in[e].push(b);
        }
        for &e in &refs.reviewers {
            ix.reviewed[e].push(b);
        }
        let (actors, places) = (
            co_named(&refs.named[Kind::Actor]),
            co_named(&refs.named[Kind::Place]),
        );
        for &a in actors {
            for &other in actors {
                if other != a {
                    *co[a].entry(other).or_default() += 1;
                }
            }
        }
        for &p in places {
            for &a in actors {
                *at_place[p].entry(a).or_default() += 1;
            }
        }
        for (si, s) in refs.stances.iter().enumerate() {
            if let Some(by) = s.by.filter(|&by| by != s.actor) {
                ix.voiced[by].push(StanceAt {
                    briefing: b,
                    stance: si,
                });
            }
            ix.history
                .entry((s.actor, s.topic))
                .or_default()
                .push(StanceAt {
                    briefing: b,
                    stance: si,
                });
        }
        let links = body_links.get(bi).map(AsRef::as_ref).unwrap_or_default();
        ix.body_entities[b] = body_entities(links);
        for target in links {
            let list = match *target {
                Target::Briefing(t) if t != b => &mut ix.briefing_backlinks[t],
                Target::Entity(e) => &mut ix.entity_backlinks[e],
                Target::Briefing(_) => continue,
            };
            if list.last() != Some(&b) {
                list.push(b);
            }
        }
    }
    for &(actor, topic) in ix.history.keys() {
        ix.topic_actors[topic].push(actor);
        ix.actor_topics[actor].push(topic);
    }
    for list in ix.topic_actors.iter_mut() {
        list.sort();
    }
    ix.co_actors = co.into_iter().map(by_count).collect();
    ix.place_actors = at_place.into_iter().map(by_count).collect();
    for (i, e) in site.entities.iter().enumerate() {
        if e.id.kind == Kind::Place
            && let Some(parent) = e.within
        {
            ix.sub_places[parent].push(EntityIdx(i as u32));
        }
    }
    ix.recency = Recency::new(site);
    ix.scan = scan;
    for e in 0..n_entities {
        refresh_newest(&mut ix, EntityIdx(e as u32));
    }
    ix.related = IdVec::from_vec(related_reusing(site, &ix, last));
    ix
}

/// Every briefing's related list, those of `last` that no change reaches kept.
fn related_reusing(site: &Resolved, ix: &Index, last: Option<Related>) -> Vec<Vec<BriefingIdx>> {
    match last.and_then(|l| Reuse::of(site, ix, l)) {
        Some(reuse) => reuse.related(site, ix),
        None => related(site, ix),
    }
}

/// What a site can keep of the related briefings of an earlier one ([`Related`]).
///
/// A briefing's related list is read off the briefing lists of the entities it is about
/// and the order of the briefings in them. A briefing is *changed* when it is new, gone,
/// or has another date, slug or list of entities it is about (authors aside) than before;
/// a changed briefing *reaches* every entity it is about, before and after. The list of a
/// briefing that is not changed and is about no entity reached is the same as before, with
/// the briefings renumbered: its entities' lists hold the same briefings in the same order
/// (each unchanged, none changed), and a briefing it shares nothing with cannot enter its
/// list.
struct Reuse {
    last: Related,
    /// Per briefing of `site`: its index in `last`, if its list can be kept.
    kept: Vec<Option<usize>>,
    /// Per briefing of `last`: its index in `site`, if it is there unchanged.
    renumbered: Vec<Option<u32>>,
}

impl Reuse {
    /// `None` when nothing can be kept: another bound, or the unchanged briefings in
    /// another order.
    fn of(site: &Resolved, ix: &Index, mut last: Related) -> Option<Reuse> {
        if last.scan != ix.scan {
            return None;
        }
        let same = last.entities.len() == site.entities.len()
            && (last.entities.iter().zip(site.entities.iter())).all(|(a, b)| *a == b.id);
        if !same {
            // Entities came or went, which renumbers those after them: what each briefing
            // was about is renumbered by id. One about an entity gone changed, and is
            // found again: its path is cleared, so that no briefing is matched with it.
            let now: crate::hash::Map<&crate::model::EntityId, EntityIdx> =
                (site.entities.iter().enumerate())
                    .map(|(i, e)| (&e.id, EntityIdx::from_index(i)))
                    .collect();
            let to: Vec<Option<EntityIdx>> = (last.entities.iter())
                .map(|id| now.get(id).copied())
                .collect();
            for x in &mut last.briefings {
                let before = x.about.len();
                x.about = (x.about.iter()).filter_map(|e| to[e.index()]).collect();
                if x.about.len() != before {
                    x.path.clear();
                }
            }
            last.entities = site.entities.iter().map(|e| e.id.clone()).collect();
        }
        let at: crate::hash::Map<&str, usize> = (last.briefings.iter().enumerate())
            .map(|(i, b)| (b.path.as_str(), i))
            .collect();
        let mut reached = vec![false; site.entities.len()];
        let mut reach = |list: &[EntityIdx]| list.iter().for_each(|e| reached[e.index()] = true);
        let mut renumbered: Vec<Option<u32>> = vec![None; last.briefings.len()];
        let mut was: Vec<Option<usize>> = Vec::with_capacity(site.briefings.len());
        let mut about = Vec::new();
        let mut previous = None;
        // Briefings new or changed, by index in `site`.
        let mut changed = Vec::new();
        for (i, (b, refs)) in site.briefings.iter().zip(&site.refs).enumerate() {
            about.clear();
            about.extend(refs.about());
            let old = at.get(b.path.as_str()).copied().filter(|&o| {
                let x = &last.briefings[o];
                x.date == b.date && x.slug == b.slug && x.about == about
            });
            match old {
                Some(o) => {
                    // Unchanged briefings keep their order among themselves, or ties
                    // between them would go another way.
                    if previous.is_some_and(|p| p >= o) {
                        return None;
                    }
                    previous = Some(o);
                    renumbered[o] = Some(i as u32);
                }
                None => {
                    reach(&about);
                    changed.push(i);
                    if let Some(&o) = at.get(b.path.as_str()) {
                        reach(&last.briefings[o].about);
                    }
                }
            }
            was.push(old);
        }
        for (x, n) in last.briefings.iter().zip(&renumbered) {
            if n.is_none() {
                reach(&x.about);
            }
        }
        // An unchanged briefing is about what it was about before. One about an entity
        // reached keeps its list too when no changed briefing can enter it: the list is
        // full, and each shares fewer entities with it than its last (ties go by recency,
        // which the change may have moved). A list holding a briefing changed or gone is
        // found again by `related` (it cannot be renumbered). So is one that a walk within
        // its bound may have found (an entity of about `ix.scan` briefings): which
        // briefings the walk meets depends on their order.
        let went = renumbered.iter().filter(|n| n.is_none()).count();
        let near_big = |e: &EntityIdx| ix.named_in[*e].len() + changed.len() + went > ix.scan;
        let shared = |a: &[EntityIdx], b: &[EntityIdx]| a.iter().filter(|e| b.contains(e)).count();
        let changed_about: Vec<Vec<EntityIdx>> = (changed.iter())
            .map(|&c| site.refs[BriefingIdx::from_index(c)].about().collect())
            .collect();
        let keeps = |x: &RelatedOf| {
            if !x.about.iter().any(|e| reached[e.index()]) {
                return true;
            }
            let [.., least] = x.related[..] else {
                return false;
            };
            if x.related.len() < RELATED || x.about.iter().any(near_big) {
                return false;
            }
            let least = shared(&x.about, &last.briefings[least.index()].about);
            (changed_about.iter()).all(|about| shared(&x.about, about) < least)
        };
        let kept = (was.into_iter())
            .map(|old| old.filter(|&o| keeps(&last.briefings[o])))
            .collect();
        Some(Reuse {
            last,
            kept,
            renumbered,
        })
    }

    /// Every briefing's related list: kept and renumbered, or found again.
    fn related(mut self, site: &Resolved, ix: &Index) -> Vec<Vec<BriefingIdx>> {
        let n = site.briefings.len();
        let mut out: Vec<Vec<BriefingIdx>> = vec![Vec::new(); n];
        let mut again = Vec::new();
        for (i, kept) in self.kept.iter().enumerate() {
            let list = kept.map(|o| std::mem::take(&mut self.last.briefings[o].related));
            let renumbered: Option<Vec<BriefingIdx>> = list.and_then(|list| {
                (list.iter())
                    .map(|b| self.renumbered[b.index()].map(BriefingIdx))
                    .collect()
            });
            match renumbered {
                Some(list) => out[i] = list,
                None => again.push(i),
            }
        }
        for (&bi, list) in again.iter().zip(related_of(site, ix, &again)) {
            out[bi] = list;
        }
        out
    }
}

/// One briefing moved in date order (a new date or slug), from index `from` to `to`: the
/// briefings between move one place towards where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub from: usize,
    pub to: usize,
}

impl Move {
    /// The index now of the briefing at `old` before the move.
    pub fn index(&self, old: usize) -> usize {
        let (from, to) = (self.from, self.to);
        match old {
            o if o == from => to,
            o if from < to && o > from && o <= to => o - 1,
            o if to < from && o >= to && o < from => o + 1,
            o => o,
        }
    }

    /// [`Move::index`] of a briefing index.
    pub fn briefing(&self, b: BriefingIdx) -> BriefingIdx {
        BriefingIdx::from_index(self.index(b.index()))
    }

    /// Renumbers a link target.
    pub fn target(&self, t: &mut Target) {
        if let Target::Briefing(b) = t {
            *b = self.briefing(*b);
        }
    }

    /// Moves the item of `list` (one per briefing, in briefing order) with its briefing.
    pub fn apply<T>(&self, list: &mut [T]) {
        match self.from.cmp(&self.to) {
            std::cmp::Ordering::Less => list[self.from..=self.to].rotate_left(1),
            std::cmp::Ordering::Greater => list[self.to..=self.from].rotate_right(1),
            std::cmp::Ordering::Equal => {}
        }
    }
}

/// Renumbers the index after one briefing moved in date order (`site` as it is after the
/// move, its references the same as before it): every list of briefings is renumbered in
/// place, the briefings' ranks by recency found again, and related briefings kept from
/// `last` wherever the move cannot reach them (see [`Reuse`]). The result equals a fresh
/// [`build_reusing`] of the moved site; what no briefing index names (co-occurrence counts,
/// actor and topic lists, sub-places) stays as it is.
pub fn reorder(ix: &mut Index, site: &Resolved, moved: Move, last: Option<Related>) {
    let renumber = |list: &mut Vec<BriefingIdx>| {
        list.iter_mut().for_each(|b| *b = moved.briefing(*b));
        list.sort_unstable();
    };
    let renumber_at = |list: &mut Vec<StanceAt>| {
        list.iter_mut()
            .for_each(|at| at.briefing = moved.briefing(at.briefing));
        list.sort_unstable_by_key(|at| (at.briefing, at.stance));
    };
    (ix.named_in.iter_mut()).for_each(renumber);
    (ix.reviewed.iter_mut()).for_each(renumber);
    (ix.entity_backlinks.iter_mut()).for_each(renumber);
    (ix.tag_briefings.iter_mut()).for_each(renumber);
    moved.apply(ix.briefing_backlinks.as_mut_slice());
    (ix.briefing_backlinks.iter_mut()).for_each(renumber);
    moved.apply(ix.body_entities.as_mut_slice());
    (ix.history.values_mut()).for_each(renumber_at);
    (ix.voiced.iter_mut()).for_each(renumber_at);
    ix.recency = Recency::new(site);
    let big: Vec<EntityIdx> = ix.newest_first.keys().copied().collect();
    for e in big {
        refresh_newest(ix, e);
    }
    ix.related = IdVec::from_vec(related_reusing(site, ix, last));
}

/// Keeps `ix.newest_first` of entity `e` in step with its `named_in`.
fn refresh_newest(ix: &mut Index, e: EntityIdx) {
    let list = &ix.named_in[e];
    if list.len() <= ix.scan {
        ix.newest_first.remove(&e);
        ix.big_members.remove(&e);
        return;
    }
    let mut newest = list.clone();
    newest.sort_by_key(|b| ix.recency.rank[b.index()]);
    let mut bits = vec![0u64; ix.recency.rank.len().div_ceil(64)];
    for b in list {
        bits[b.index() / 64] |= 1 << (b.index() % 64);
    }
    ix.newest_first.insert(e, newest);
    ix.big_members.insert(e, bits);
}

fn by_count(m: BTreeMap<EntityIdx, u32>) -> Vec<(EntityIdx, u32)> {
    let mut v: Vec<(EntityIdx, u32)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// For each briefing, the others sharing the most entities; ties go to the newest, then
/// to the smaller slug. Counting walks each entity's briefings, but of those named by more
/// than `ix.scan` briefings only a bounded walk (see [`related_one`]): the cost of one
/// briefing is at most its small entities' briefings plus, for k big ones, about
/// `k × RELATED_SCAN` steps of k, not the square of the biggest entity's briefings.
fn related(site: &Resolved, ix: &Index) -> Vec<Vec<BriefingIdx>> {
    let ids: Vec<usize> = (0..site.briefings.len()).collect();
    related_of(site, ix, &ids)
}

/// The related briefings of each of `ids`, in their order, found on every core.
fn related_of(site: &Resolved, ix: &Index, ids: &[usize]) -> Vec<Vec<BriefingIdx>> {
    let n = site.briefings.len();
    // One scratch set per chunk of work rayon hands a thread, not per chunk of briefings:
    // zeroing a set per 256 briefings is quadratic in the site's size.
    let chunks: Vec<Vec<Vec<BriefingIdx>>> = ids
        .par_chunks(256)
        .map_init(
            || Shared::new(n),
            |scratch, chunk| {
                (chunk.iter())
                    .map(|&bi| related_one(site, ix, bi, scratch))
                    .collect()
            },
        )
        .collect();
    chunks.into_iter().flatten().collect()
}

/// Counts of entities shared with one briefing, by other briefing: a dense array that is
/// cleared by walking what was counted again (or, in [`update_briefing`], what was
/// touched, kept in `touched`). Counts are 16 bits (saturating; a briefing's 64 KiB
/// of front matter names far fewer entities) so that the array of a 10,000-briefing site
/// stays in the first-level cache while it is counted into at random.
struct Shared {
    counts: Vec<u16>,
    touched: Vec<u32>,
}

impl Shared {
    fn new(n: usize) -> Shared {
        Shared {
            counts: vec![0; n],
            touched: Vec::new(),
        }
    }

    /// Counts, for every other briefing, how many of `entities` name it too.
    fn count(
        &mut self,
        named_in: &IdVec<EntityIdx, Vec<BriefingIdx>>,
        entities: impl Iterator<Item = EntityIdx>,
        me: usize,
    ) {
        for e in entities {
            let list = &named_in[e];
            // Every briefing is written to `touched` and kept only if it was new: whether it
            // is new is a coin toss the branch predictor loses, which cost twice the counting.
            let mut len = self.touched.len();
            self.touched.resize(len + list.len(), 0);
            for &other in list {
                #[cfg(test)]
                EXAMINED.with(|n| n.set(n.get() + 1));
                let o = other.0 as usize;
                if o == me {
                    continue;
                }
                let c = &mut self.counts[o];
                self.touched[len] = other.0;
                len += usize::from(*c == 0);
                *c = c.saturating_add(1);
            }
            self.touched.truncate(len);
        }
    }

    /// Every briefing counted, with its count; the counts are reset.
    fn drain(&mut self) -> impl Iterator<Item = (usize, u32)> + '_ {
        let counts = &mut self.counts;
        self.touched.drain(..).map(move |o| {
            let c = std::mem::take(&mut counts[o as usize]);
            (o as usize, u32::from(c))
        })
    }
}

/// A count in [`Shared::counts`] that marks a briefing already offered. No real count
/// comes near it: each entity counted is a name in the briefing's front matter, and
/// front matter is at most 64 KiB.
const OFFERED: u16 = u16::MAX;

/// The related briefings of briefing `bi`, exact while the walk below stays within its
/// bound.
///
/// Entities named by at most `ix.scan` briefings are counted in full. A count only adds,
/// with nothing carried from one step to the next, so the processor overlaps its loads
/// (keeping a list of the briefings touched while counting chained every step to the load
/// before it, and took most of the indexing time of a 50,000-briefing site); a second walk
/// of the same lists offers each counted briefing once, with its share of the bigger
/// entities added by a bit test.
///
/// The briefings that only bigger entities bring in are met newest first, merging those
/// entities' newest-first lists, each counted by a bit test of every bigger entity. A
/// briefing met now must share at least as many as the fifth best found so far to enter
/// (one more when it is older), and a briefing in c of k lists is in at least one of any
/// k - c + 1 of them: so only the shortest k - c + 1 lists are walked, fewer as the best
/// five fill, and the walk stops as soon as nothing older can win. It also stops after
/// `max(ix.scan, RELATED_SCAN)` steps per bigger entity, which bounds its cost; then each
/// list is scanned as far as its newest `ix.scan`, and the result may be short of exact.
fn related_one(site: &Resolved, ix: &Index, bi: usize, scratch: &mut Shared) -> Vec<BriefingIdx> {
    let (big, small): (Vec<EntityIdx>, Vec<EntityIdx>) = site.refs[BriefingIdx::from_index(bi)]
        .about()
        .partition(|e| ix.newest_first.contains_key(e));
    let counts = &mut scratch.counts;
    let lists = || small.iter().map(|&e| ix.named_in[e].as_slice());
    for list in lists() {
        for &other in list {
            #[cfg(test)]
            EXAMINED.with(|n| n.set(n.get() + 1));
            let c = &mut counts[other.0 as usize];
            *c = c.saturating_add(1);
        }
    }
    // The briefing names every entity it is about: it is not related to itself.
    if let Some(c) = counts.get_mut(bi) {
        *c = 0;
    }
    let mut top = Top::new();
    if big.is_empty() {
        // Most counts cannot enter the best found so far: they are passed over without
        // looking up their briefing's rank.
        let mut least = 1;
        for list in lists() {
            for &other in list {
                let c = std::mem::take(&mut counts[other.0 as usize]);
                if c >= least {
                    top.offer(ix.recency.key(other.0 as usize, u32::from(c)));
                    least = top.least_to_enter();
                }
            }
        }
        return top.briefings(&ix.recency);
    }
    let sets: Vec<&[u64]> = big.iter().map(|e| &ix.big_members[e][..]).collect();
    let names = |o: u32| {
        let (word, bit) = (o as usize / 64, o % 64);
        (sets.iter())
            .filter(|set| set.get(word).is_some_and(|w| w >> bit & 1 == 1))
            .count() as u32
    };
    let mut least = 1;
    for list in lists() {
        for &other in list {
            let c = &mut counts[other.0 as usize];
            if *c != 0 && *c != OFFERED {
                let shared = u32::from(*c) + names(other.0);
                *c = OFFERED;
                if shared >= least {
                    top.offer(ix.recency.key(other.0 as usize, shared));
                    least = u32::from(top.least_to_enter());
                }
            }
        }
    }
    let mut newest: Vec<&[BriefingIdx]> = big.iter().map(|e| &ix.newest_first[e][..]).collect();
    // Shortest first: a briefing that must be in c of the k lists is in one of the first
    // k - c + 1.
    newest.sort_by_key(|l| l.len());
    let mut at = vec![0usize; newest.len()];
    let most = big.len() as u32;
    let rank = |b: &BriefingIdx| ix.recency.rank[b.index()];
    // How many of the shortest lists are walked: all until the best five say otherwise.
    let mut walking = newest.len();
    // The rank last walked; `None` once the walk has found all there is.
    let mut walked = Some(None);
    let mut steps = ix.scan.max(RELATED_SCAN) * big.len();
    while steps > 0 {
        let heads = (newest[..walking].iter().zip(&at)).filter_map(|(l, &i)| l.get(i));
        let Some(r) = heads.map(rank).min() else {
            walked = None;
            break;
        };
        // The fewest lists a briefing met now must be in to enter: as many as the fifth
        // best shares, one more when that one is newer.
        let least = u32::from(top.least_to_enter());
        let need = least + u32::from(!top.beaten_by(Recency::key_at(r, least)));
        if need > most {
            walked = None;
            break;
        }
        let fewer = (most - need + 1) as usize;
        if fewer < walking {
            walking = fewer;
            continue;
        }
        steps -= 1;
        for (l, i) in newest[..walking].iter().zip(at.iter_mut()) {
            if l.get(*i).is_some_and(|b| rank(b) == r) {
                *i += 1;
            }
        }
        #[cfg(test)]
        EXAMINED.with(|n| n.set(n.get() + 1));
        let o = ix.recency.by_rank[r as usize] as usize;
        if o != bi && counts[o] != OFFERED {
            top.offer(Recency::key_at(r, names(o as u32)));
        }
        walked = Some(Some(r));
    }
    if let Some(last) = walked {
        // The walk reached its bound (a briefing naming many big entities, few others
        // sharing them all): look further down each list as far as a bounded scan does,
        // its newest `ix.scan` and on until RELATED more are found.
        let mut marked = Vec::new();
        for list in &newest {
            let mut found = 0;
            for (k, b) in list.iter().enumerate() {
                if k >= ix.scan && found >= RELATED {
                    break;
                }
                let o = b.index();
                if o == bi || last.is_some_and(|l| rank(b) <= l) || counts[o] == OFFERED {
                    continue;
                }
                counts[o] = OFFERED;
                marked.push(o);
                top.offer(ix.recency.key(o, names(b.0)));
                found += 1;
            }
        }
        for o in marked {
            counts[o] = 0;
        }
    }
    for list in lists() {
        for &other in list {
            counts[other.0 as usize] = 0;
        }
    }
    top.briefings(&ix.recency)
}

/// The best [`RELATED`] keys offered, kept in a small sorted array rather than sorting all.
struct Top([u64; RELATED]);

impl Top {
    fn new() -> Top {
        Top([u64::MAX; RELATED])
    }

    /// Whether `key` would enter the best.
    fn beaten_by(&self, key: u64) -> bool {
        key < self.0[RELATED - 1]
    }

    /// The fewest shared entities a briefing needs to enter (ties go by recency): 1 until
    /// there are [`RELATED`].
    fn least_to_enter(&self) -> u16 {
        match self.0[RELATED - 1] {
            u64::MAX => 1,
            k => u16::try_from(u32::MAX - (k >> 32) as u32).unwrap_or(u16::MAX),
        }
    }

    fn offer(&mut self, key: u64) {
        let top = &mut self.0;
        if key < top[RELATED - 1] {
            let at = top.partition_point(|&k| k < key);
            top.copy_within(at..RELATED - 1, at + 1);
            top[at] = key;
        }
    }

    fn briefings(&self, recency: &Recency) -> Vec<BriefingIdx> {
        (self.0.iter())
            .take_while(|&&k| k != u64::MAX)
            .map(|&k| recency.briefing(k))
            .collect()
    }
}

/// Lists again the briefings having each tag, after tags came, went or were numbered
/// anew.
pub fn list_tags(ix: &mut Index, site: &Resolved) {
    let mut lists = vec![Vec::new(); site.tags.len()];
    for (b, refs) in site.refs.iter_ids() {
        for &t in &refs.tags {
            lists[t].push(b);
        }
    }
    ix.tag_briefings = lists;
}

/// Updates the index after the front matter of briefing `b` changed in place: `site.refs`
/// holds its new references, `old` the ones the index was built with. Its body links must
/// be unchanged (the caller checks; anything else needs [`build`]), and its tags are
/// listed by [`list_tags`]. The result equals a fresh [`build`] of the changed site when
/// its date and slug are unchanged too; when they changed, [`reorder`] follows.
pub fn update_briefing(ix: &mut Index, site: &Resolved, b: BriefingIdx, old: &Refs) {
    let bi = b.0 as usize;
    let new = &site.refs[b];
    let mut scratch = Shared::new(site.briefings.len());
    scratch.count(&ix.named_in, old.about(), bi);
    let before: BTreeMap<usize, u32> = scratch.drain().collect();

    let old_set: BTreeSet<EntityIdx> = old.entities().collect();
    let new_set: BTreeSet<EntityIdx> = new.entities().collect();
    for e in old_set.difference(&new_set) {
        let list = &mut ix.named_in[*e];
        if let Ok(at) = list.binary_search(&b) {
            list.remove(at);
        }
    }
    for e in new_set.difference(&old_set) {
        let list = &mut ix.named_in[*e];
        if let Err(at) = list.binary_search(&b) {
            list.insert(at, b);
        }
    }
    // An entity past `ix.scan` briefings, before or after: its newest list changes, and with
    // it what every briefing naming it looks at.
    let mut big_changed = false;
    for &e in old_set.symmetric_difference(&new_set) {
        big_changed |= ix.newest_first.contains_key(&e);
        refresh_newest(ix, e);
        big_changed |= ix.newest_first.contains_key(&e);
    }
    big_changed |= old_set
        .union(&new_set)
        .any(|e| ix.newest_first.contains_key(e));

    // Co-occurrence counts: what the old references added is taken away, the new added.
    let mut co: BTreeMap<(EntityIdx, EntityIdx), i64> = BTreeMap::new();
    let mut at_place: BTreeMap<(EntityIdx, EntityIdx), i64> = BTreeMap::new();
    for (refs, sign) in [(old, -1i64), (new, 1)] {
        let (actors, places) = (
            co_named(&refs.named[Kind::Actor]),
            co_named(&refs.named[Kind::Place]),
        );
        for &a in actors {
            for &other in actors {
                if other != a {
                    *co.entry((a, other)).or_default() += sign;
                }
            }
        }
        for &p in places {
            for &a in actors {
                *at_place.entry((p, a)).or_default() += sign;
            }
        }
    }
    apply_counts(&mut ix.co_actors, &co);
    apply_counts(&mut ix.place_actors, &at_place);

    // Reviews.
    for &e in &old.reviewers {
        ix.reviewed[e].retain(|&x| x != b);
    }
    for &e in &new.reviewers {
        let list = &mut ix.reviewed[e];
        if let Err(at) = list.binary_search(&b) {
            list.insert(at, b);
        }
    }

    // Stances voiced for others.
    for s in &old.stances {
        if let Some(by) = s.by.filter(|&by| by != s.actor) {
            ix.voiced[by].retain(|at| at.briefing != b);
        }
    }
    for (si, s) in new.stances.iter().enumerate() {
        if let Some(by) = s.by.filter(|&by| by != s.actor) {
            let list = &mut ix.voiced[by];
            let pos = list.partition_point(|x| (x.briefing, x.stance) < (b, si));
            list.insert(
                pos,
                StanceAt {
                    briefing: b,
                    stance: si,
                },
            );
        }
    }

    // Stance histories, and the actor ⇄ topic lists their keys make.
    let mut keys: BTreeSet<(EntityIdx, EntityIdx)> = BTreeSet::new();
    for s in &old.stances {
        keys.insert((s.actor, s.topic));
        if let Some(list) = ix.history.get_mut(&(s.actor, s.topic)) {
            list.retain(|at| at.briefing != b);
        }
    }
    for (si, s) in new.stances.iter().enumerate() {
        keys.insert((s.actor, s.topic));
        let list = ix.history.entry((s.actor, s.topic)).or_default();
        let at = StanceAt {
            briefing: b,
            stance: si,
        };
        let pos = list.partition_point(|x| (x.briefing, x.stance) < (b, si));
        list.insert(pos, at);
    }
    for (actor, topic) in keys {
        let exists = ix
            .history
            .get(&(actor, topic))
            .is_some_and(|l| !l.is_empty());
        if !exists {
            ix.history.remove(&(actor, topic));
        }
        set_member(&mut ix.actor_topics[actor], topic, exists);
        set_member(&mut ix.topic_actors[topic], actor, exists);
    }

    // Related briefings: only the count shared with `b` changed, for each other briefing.
    scratch.count(&ix.named_in, new.about(), bi);
    let after: BTreeMap<usize, u32> = scratch.drain().collect();
    ix.related[b] = related_one(site, ix, bi, &mut scratch);
    let others: BTreeSet<usize> = before.keys().chain(after.keys()).copied().collect();
    if big_changed {
        // Windows moved: every briefing sharing an entity with `b` is counted again.
        for x in others {
            ix.related[BriefingIdx::from_index(x)] = related_one(site, ix, x, &mut scratch);
        }
        return;
    }
    for x in others {
        let (c0, c1) = (
            before.get(&x).copied().unwrap_or(0),
            after.get(&x).copied().unwrap_or(0),
        );
        if c0 == c1 {
            continue;
        }
        let list = &ix.related[BriefingIdx::from_index(x)];
        let had = list.contains(&b);
        if had && c1 < c0 && list.len() == RELATED {
            // `b` may fall out of a full list, and what replaces it is not known here.
            ix.related[BriefingIdx::from_index(x)] = related_one(site, ix, x, &mut scratch);
            continue;
        }
        // Otherwise the best are among the current list and `b`.
        let mut keys: Vec<u64> = list
            .iter()
            .filter(|&&o| o != b)
            .map(|&o| {
                let o = o.0 as usize;
                let (x, o) = (BriefingIdx::from_index(x), BriefingIdx::from_index(o));
                ix.recency
                    .key(o.index(), shared(&site.refs[x], &site.refs[o]))
            })
            .collect();
        if c1 > 0 {
            keys.push(ix.recency.key(bi, c1));
        }
        keys.sort_unstable();
        keys.truncate(RELATED);
        ix.related[BriefingIdx::from_index(x)] =
            keys.into_iter().map(|k| ix.recency.briefing(k)).collect();
    }
}

/// How many entities two briefings are both about.
fn shared(a: &Refs, b: &Refs) -> u32 {
    a.about().filter(|e| b.about().any(|f| f == *e)).count() as u32
}

/// Adds `delta` to counted lists, keeping them ordered as [`by_count`] does.
fn apply_counts(
    lists: &mut IdVec<EntityIdx, Vec<(EntityIdx, u32)>>,
    delta: &BTreeMap<(EntityIdx, EntityIdx), i64>,
) {
    let mut by_owner: BTreeMap<EntityIdx, Vec<(EntityIdx, i64)>> = BTreeMap::new();
    for (&(owner, other), &d) in delta {
        if d != 0 {
            by_owner.entry(owner).or_default().push((other, d));
        }
    }
    for (owner, changes) in by_owner {
        let list = &mut lists[owner];
        let mut m: BTreeMap<EntityIdx, u32> = list.iter().copied().collect();
        for (other, d) in changes {
            let c = i64::from(m.get(&other).copied().unwrap_or(0)) + d;
            if c > 0 {
                m.insert(other, c as u32);
            } else {
                m.remove(&other);
            }
        }
        *list = by_count(m);
    }
}

/// Puts `x` into the sorted `list` or takes it out.
fn set_member(list: &mut Vec<EntityIdx>, x: EntityIdx, member: bool) {
    match (list.binary_search(&x), member) {
        (Err(at), true) => list.insert(at, x),
        (Ok(at), false) => {
            list.remove(at);
        }
        _ => {}
    }
}

#[cfg(test)]
thread_local! {
    /// Candidate briefings looked at while finding related briefings, on this thread.
    static EXAMINED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `i`th of a run of distinct days from `year` on (28 a month), oldest first.
    fn nth_day(year: usize, i: usize) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            year + i / 336,
            1 + i / 28 % 12,
            1 + i % 28
        )
    }

    /// The site of `list` indexed with a bound of `scan` on one thread, so that the
    /// counter sees all the work, and how many candidates related briefings looked at.
    fn counted_build(list: Vec<Briefing>, scan: usize) -> (Resolved, Index, u64) {
        let mut d = Diagnostics::new();
        let r = crate::resolve::resolve(list, Vec::new(), false, &mut d);
        let links = vec![Vec::<Target>::new(); r.briefings.len()];
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build();
        let (ix, examined) = pool.expect("a thread").install(|| {
            EXAMINED.with(|c| c.set(0));
            let ix = build_scanning(&r, &links, scan, None);
            (ix, EXAMINED.with(std::cell::Cell::get))
        });
        (r, ix, examined)
    }

    #[test]
    fn related_briefings_of_one_entity_in_every_briefing_are_not_quadratic() {
        let scan = 500;
        let n = scan + 200;
        let list: Vec<Briefing> = (0..n)
            .map(|i| briefing(&format!("b{i:05}"), &nth_day(2010, i), &["big"], &[]))
            .collect();
        let (r, ix, examined) = counted_build(list, scan);
        // Each briefing looks at the entity's newest `scan`, not at all n of them.
        let bound = (n * scan * 11 / 10) as u64;
        assert!(
            examined <= bound,
            "{examined} candidates looked at, over {bound}"
        );
        // Every briefing shares one entity with every other: the newest five win.
        let newest: Vec<String> = (n - 5..n).rev().map(|i| format!("b{i:05}")).collect();
        assert_eq!(slugs(&r, &ix.related[BriefingIdx(0)]), newest);
        let below: Vec<String> = (n - 6..n - 1).rev().map(|i| format!("b{i:05}")).collect();
        assert_eq!(
            slugs(&r, &ix.related[BriefingIdx::from_index(n - 1)]),
            below
        );
    }

    #[test]
    fn related_briefings_of_two_entities_in_every_briefing_stop_at_the_newest_five() {
        let n = 3_000;
        let list: Vec<Briefing> = (0..n)
            .map(|i| briefing(&format!("b{i:05}"), &nth_day(2010, i), &["x", "y"], &[]))
            .collect();
        let (r, ix, examined) = counted_build(list, 100);
        assert_eq!(ix.newest_first.len(), 2);
        // Every briefing shares both with every other: past the newest six, nothing older
        // can win, and the walk stops there.
        let bound = (n * 10) as u64;
        assert!(
            examined <= bound,
            "{examined} candidates looked at, over {bound}"
        );
        let newest: Vec<String> = (n - 5..n).rev().map(|i| format!("b{i:05}")).collect();
        assert_eq!(slugs(&r, &ix.related[BriefingIdx(0)]), newest);
    }

    /// A briefing naming three big entities that no other briefing names together: once
    /// the best five share two, a newcomer must share all three, so only the shortest list
    /// is walked, not every briefing of the three.
    #[test]
    fn related_briefings_walk_only_the_lists_a_newcomer_must_be_in() {
        let n = 900;
        let mut list: Vec<Briefing> = (0..n)
            .map(|i| {
                let side = ["left", "right", "neither"][i % 3];
                briefing(&format!("b{i:05}"), &nth_day(2010, i), &["all", side], &[])
            })
            .collect();
        list.push(briefing(
            "x",
            &nth_day(2010, 450),
            &["all", "left", "right"],
            &[],
        ));
        let (r, ix, _) = counted_build(list, 50);
        assert_eq!(
            ix.newest_first.len(),
            4,
            "every entity is walked, none counted"
        );
        let x = (r.briefings.iter().position(|b| b.slug.as_str() == "x")).expect("x is indexed");
        let examined = {
            EXAMINED.with(|c| c.set(0));
            let found = related_one(&r, &ix, x, &mut Shared::new(r.briefings.len()));
            assert_eq!(
                slugs(&r, &found),
                ["b00898", "b00897", "b00895", "b00894", "b00892"],
                "the newest five sharing two entities"
            );
            EXAMINED.with(std::cell::Cell::get)
        };
        // The shortest list holds 301 briefings; all three together, 901.
        assert!(
            examined <= 320,
            "{examined} briefings walked, not 320 at most"
        );
    }

    #[test]
    fn past_the_walks_bound_the_newest_of_each_big_entity_are_still_looked_at() {
        // `a` and `b` each name 11,007 briefings: their own 11,000, the six oldest and
        // the newest. From the newest, briefings of `b` alone fill the best five at once;
        // a newcomer must then share both, so only one list is walked, and the six
        // oldest lie past the walk's bound (5,000 steps per entity): the rest of `b`,
        // newer than where the walk stopped, is passed, and its oldest are looked at.
        let own = 2 * RELATED_SCAN + 1_000;
        let n = 2 * own + 7;
        let list: Vec<Briefing> = (0..n)
            .map(|i| {
                let day = nth_day(1900, i);
                let names: &[&str] = match i {
                    _ if i < 6 || i == n - 1 => &["a", "b"],
                    _ if i < 6 + own => &["a"],
                    _ => &["b"],
                };
                briefing(&format!("b{i:05}"), &day, names, &[])
            })
            .collect();
        let (r, ix) = site_scanning(list, 4);
        assert_eq!(ix.newest_first.len(), 2);
        let oldest: Vec<String> = (1..6).rev().map(|i| format!("b{i:05}")).collect();
        assert_eq!(
            slugs(&r, &ix.related[BriefingIdx::from_index(n - 1)]),
            oldest
        );
    }

    use crate::diagnostic::{Diagnostics, Span};
    use crate::model::{Briefing, PerKind, Position, Slug, Spanned, StanceSrc, When};

    fn briefing(
        slug: &str,
        date: &str,
        actors: &[&str],
        stances: &[(&str, &str, Position)],
    ) -> Briefing {
        let s = |v: &str| Spanned {
            value: v.to_string(),
            span: Span::FILE,
        };
        Briefing {
            path: format!("content/{slug}.md"),
            content_path: format!("{slug}.md"),
            slug: Slug::new(slug).unwrap(),
            title: slug.to_string(),
            date: When::parse(date).unwrap(),
            date_span: Span::FILE,
            updated: None,
            updated_written: None,
            summary: None,
            named: PerKind::from_fn(|k| match k {
                Kind::Actor => actors.iter().map(|a| s(a)).collect(),
                _ => Vec::new(),
            }),
            stances: stances
                .iter()
                .map(|(a, t, p)| StanceSrc {
                    actor: s(a),
                    on: s(t),
                    position: *p,
                    position_span: Span::FILE,
                    quote: None,
                    quote_span: None,
                    by: None,
                    source: None,
                })
                .collect(),
            reviewed_by: Vec::new(),
            tags: Vec::new(),
            sources: Vec::new(),
            confidence: None,
            judgments: Vec::new(),
            draft: false,
            publish_at: None,
            expires: None,
            corrections: Vec::new(),
            moved_from: Vec::new(),
            translation: Default::default(),
            picture: Default::default(),
            extra: serde_json::json!({}),
            body: Default::default(),
            body_line: 1,
            body_removed: Vec::new(),
        }
    }

    fn site(briefings: Vec<Briefing>) -> (Resolved, Index) {
        site_scanning(briefings, RELATED_SCAN)
    }

    fn site_scanning(briefings: Vec<Briefing>, scan: usize) -> (Resolved, Index) {
        let mut d = Diagnostics::new();
        let r = crate::resolve::resolve(briefings, Vec::new(), false, &mut d);
        let links = vec![Vec::new(); r.briefings.len()];
        let ix = build_scanning(&r, &links, scan, None);
        (r, ix)
    }

    #[test]
    fn with_one_big_entity_a_bounded_scan_finds_what_a_full_one_does() {
        // `big` in every briefing, `s<k>` in a few: a scan of 10 must find what counting all
        // finds, small entities first, then the newest sharing only `big`.
        let list = || -> Vec<Briefing> {
            (0..40)
                .map(|i| {
                    let small = format!("s{}", i % 7);
                    let day = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
                    briefing(&format!("b{i:02}"), &day, &["big", &small], &[])
                })
                .collect()
        };
        let (r, full) = site_scanning(list(), usize::MAX);
        let (_, bounded) = site_scanning(list(), 10);
        assert_eq!(bounded.newest_first.len(), 1);
        assert_eq!(full.related, bounded.related);
        assert!(r.briefings.len() == 40 && full.related.iter().all(|l| l.len() == RELATED));
    }

    #[test]
    fn a_moved_briefing_finds_again_only_the_lists_it_can_reach() {
        // Two groups naming nothing in common: moving a briefing of the first in date order
        // renumbers the second's, whose lists are kept, not found again.
        let list = |moved: &str| -> Vec<Briefing> {
            (0..20)
                .map(|i| {
                    let (actor, day) = match i {
                        0 => ("a", moved.to_string()),
                        _ if i < 10 => ("a", nth_day(2020, i)),
                        _ => ("b", nth_day(2020, i)),
                    };
                    briefing(&format!("b{i:02}"), &day, &[actor], &[])
                })
                .collect()
        };
        let (before, _, _) = counted_build(list(&nth_day(2020, 0)), RELATED_SCAN);
        let (after, fresh, all) = counted_build(list("2031-06-01"), RELATED_SCAN);
        let last = Related::of(&before, &build(&before, &vec![Vec::<Target>::new(); 20]));
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build();
        let (reused, examined) = pool.expect("a thread").install(|| {
            EXAMINED.with(|c| c.set(0));
            let links = vec![Vec::<Target>::new(); 20];
            let ix = build_reusing(&after, &links, Some(last));
            (ix, EXAMINED.with(std::cell::Cell::get))
        });
        assert_eq!(reused.related, fresh.related);
        // The moved briefing is now the newest: `b`'s briefings are numbered one lower.
        assert_eq!(slugs(&after, &[BriefingIdx(19)]), ["b00"]);
        // Ten briefings of `a` look at ten each; those of `b` at none.
        assert_eq!((examined, all), (100, 200));
    }

    fn slugs(r: &Resolved, list: &[BriefingIdx]) -> Vec<String> {
        list.iter()
            .map(|b| r.briefing(*b).slug.to_string())
            .collect()
    }

    #[test]
    fn related_briefings_are_taken_as_found_unless_a_change_reaches_them() {
        let sites = |y_date: &str| {
            site(vec![
                briefing("base", "2025-01-10", &["a", "b"], &[]),
                briefing("x", "2025-01-09", &["a"], &[]),
                briefing("y", y_date, &["b"], &[]),
            ])
        };
        let (r, _) = sites("2025-01-08");
        let links = vec![Vec::<Target>::new(); r.briefings.len()];
        // What was found, marked so that a list taken as it was shows: each briefing
        // related to itself alone, which finding never gives.
        let marked = || {
            let mut last = Related::of(&r, &build(&r, &links));
            for (i, b) in last.briefings.iter_mut().enumerate() {
                b.related = vec![BriefingIdx::from_index(i)];
            }
            last
        };
        let again = build_reusing(&r, &links, Some(marked()));
        assert!((again.related.iter_ids()).all(|(b, l)| *l == [b]));
        // `y` moved: it and `base`, which shares `b` with it, are found again; `x`, about
        // `a` alone, keeps its list (renumbered: `x` comes first now).
        let (moved, fresh) = sites("2025-01-11");
        let again = build_reusing(&moved, &links, Some(marked()));
        let at = |slug: &str| {
            let i = moved.briefings.iter().position(|b| b.slug.as_str() == slug);
            BriefingIdx::from_index(i.expect("a briefing"))
        };
        assert_eq!(again.related[at("x")], [at("x")]);
        assert_eq!(at("x"), BriefingIdx(0));
        for slug in ["base", "y"] {
            assert_eq!(again.related[at(slug)], fresh.related[at(slug)], "{slug}");
        }
    }

    #[test]
    fn related_prefers_shared_entities_then_newest_then_slug() {
        let (r, ix) = site(vec![
            briefing("base", "2025-01-10", &["a", "b", "c"], &[]),
            briefing("two-shared", "2025-01-01", &["a", "b"], &[]),
            briefing("one-old", "2025-01-02", &["a"], &[]),
            briefing("one-new-b", "2025-01-05", &["c"], &[]),
            briefing("one-new-a", "2025-01-05", &["b"], &[]),
            briefing("unrelated", "2025-01-09", &["z"], &[]),
        ]);
        let base = r
            .briefings
            .iter()
            .position(|b| b.slug.as_str() == "base")
            .unwrap();
        assert_eq!(
            slugs(&r, &ix.related[BriefingIdx::from_index(base)]),
            ["two-shared", "one-new-a", "one-new-b", "one-old"]
        );
    }

    #[test]
    fn history_is_oldest_first_and_co_actors_are_counted() {
        let (r, ix) = site(vec![
            briefing(
                "late",
                "2025-02-01",
                &["a", "b"],
                &[("a", "t", Position::Mixed)],
            ),
            briefing(
                "early",
                "2025-01-01",
                &["a", "b", "c"],
                &[("a", "t", Position::Opposes)],
            ),
        ]);
        let id = |s: &str| {
            r.entities
                .iter()
                .position(|e| e.id.slug.as_str() == s)
                .map(|i| EntityIdx(i as u32))
                .unwrap()
        };
        let hist = &ix.history[&(id("a"), id("t"))];
        assert_eq!(
            slugs(&r, &hist.iter().map(|h| h.briefing).collect::<Vec<_>>()),
            ["early", "late"]
        );
        assert_eq!(ix.co_actors[id("a")], vec![(id("b"), 2), (id("c"), 1)]);
        assert_eq!(ix.topic_actors[id("t")], vec![id("a")]);
        assert_eq!(slugs(&r, &ix.named_in[id("t")]), ["early", "late"]);
    }

    mod incremental {
        use super::*;
        use proptest::prelude::*;

        const ACTORS: [&str; 6] = ["a0", "a1", "a2", "a3", "a4", "a5"];
        const TOPICS: [&str; 3] = ["t0", "t1", "t2"];
        const PLACES: [&str; 3] = ["p0", "p1", "p2"];

        /// Names and stances of one briefing: bit masks over `ACTORS` and `TOPICS`, and
        /// stances as (actor, topic, position).
        #[derive(Debug, Clone)]
        struct Named {
            actors: u8,
            places: u8,
            stances: Vec<(usize, usize, u8)>,
        }

        fn named() -> impl Strategy<Value = Named> {
            (
                0u8..64,
                0u8..8,
                proptest::collection::vec((0usize..6, 0usize..3, 0u8..3), 0..3),
            )
                .prop_map(|(actors, places, stances)| Named {
                    actors,
                    places,
                    stances,
                })
        }

        fn to_briefing(i: usize, day: u8, n: &Named) -> Briefing {
            let actors: Vec<&str> = (0..6)
                .filter(|a| n.actors & (1 << a) != 0)
                .map(|a| ACTORS[a])
                .collect();
            let positions = [Position::Supports, Position::Opposes, Position::Mixed];
            let stances: Vec<(&str, &str, Position)> = n
                .stances
                .iter()
                .map(|&(a, t, p)| (ACTORS[a], TOPICS[t], positions[p as usize]))
                .collect();
            let mut b = briefing(
                &format!("b{i:02}"),
                &format!("2025-01-{:02}", 1 + day % 5),
                &actors,
                &stances,
            );
            b.named[Kind::Place] = (0..3)
                .filter(|p| n.places & (1 << p) != 0)
                .map(|p| Spanned {
                    value: PLACES[p].to_string(),
                    span: Span::FILE,
                })
                .collect();
            // Some stances voiced by another actor, so that the voices' lists move too.
            for (st, &(a, t, p)) in b.stances.iter_mut().zip(&n.stances) {
                if p != 1 {
                    st.by = Some(Spanned {
                        value: ACTORS[(a + t + 1) % 6].to_string(),
                        span: Span::FILE,
                    });
                }
            }
            b
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            /// Related briefings are those sharing the most entities, then the newest,
            /// then the first in order: what comparing every pair finds, whether entities
            /// are counted in full or walked newest first (`scan` briefings and up).
            #[test]
            fn related_briefings_are_what_comparing_every_pair_finds(
                site in proptest::collection::vec((0u8..5, named()), 1..40),
                scan in prop_oneof![Just(RELATED_SCAN), 1usize..12],
            ) {
                let list = site.iter().enumerate().map(|(i, (d, n))| to_briefing(i, *d, n));
                let (r, ix) = super::site_scanning(list.collect(), scan);
                for (x, found) in ix.related.iter().enumerate() {
                    let me = &r.refs[BriefingIdx::from_index(x)];
                    let mut all: Vec<(std::cmp::Reverse<(u32, i64)>, usize)> = (0..r.briefings.len())
                        .filter(|&o| o != x)
                        .map(|o| {
                            let b = BriefingIdx::from_index(o);
                            let c = shared(me, &r.refs[b]);
                            (std::cmp::Reverse((c, r.briefings[b].date.epoch)), o)
                        })
                        .filter(|(std::cmp::Reverse((c, _)), _)| *c > 0)
                        .collect();
                    all.sort();
                    let want: Vec<BriefingIdx> =
                        all.iter().take(RELATED).map(|&(_, o)| BriefingIdx::from_index(o)).collect();
                    prop_assert_eq!(found, &want, "briefing {}", x);
                }
            }

            /// Related briefings found reusing those of an earlier site are those found
            /// afresh, whatever changed in between: a briefing's names or day (its place
            /// in date order), a briefing added or removed, entities come or gone.
            #[test]
            fn related_briefings_reused_from_an_earlier_site_equal_fresh_ones(
                site in proptest::collection::vec((0u8..5, named()), 2..30),
                pick in any::<usize>(),
                change in named(),
                day in 0u8..5,
                what in 0u8..5,
                scan in prop_oneof![Just(RELATED_SCAN), 1usize..4],
            ) {
                let mut list: Vec<Briefing> =
                    site.iter().enumerate().map(|(i, (d, n))| to_briefing(i, *d, n)).collect();
                let (old, old_ix) = super::site_scanning(list.clone(), scan);
                let last = Related::of(&old, &old_ix);
                let k = pick % site.len();
                match what {
                    0 => list[k] = to_briefing(k, site[k].0, &change),
                    1 => list[k] = to_briefing(k, day, &site[k].1),
                    2 => list.push(to_briefing(50, day, &change)),
                    // A new slug, the file the same: it sorts elsewhere on its day.
                    3 => list[k].slug = Slug::new("a-first").expect("a slug"),
                    _ => drop(list.remove(k)),
                }
                let (new, fresh) = super::site_scanning(list, scan);
                let links = vec![Vec::<Target>::new(); new.briefings.len()];
                let reused = build_scanning(&new, &links, scan, Some(last));
                prop_assert_eq!(reused.related, fresh.related);
            }

            /// Renumbering the index after one briefing moved in date order (a new day or
            /// slug, its names the same) gives what building it from scratch gives.
            #[test]
            fn a_reordered_index_equals_a_fresh_one(
                site in proptest::collection::vec((0u8..5, named()), 2..30),
                pick in any::<usize>(),
                day in 0u8..5,
                slug in any::<bool>(),
                scan in prop_oneof![Just(RELATED_SCAN), 1usize..4],
            ) {
                let mut list: Vec<Briefing> =
                    site.iter().enumerate().map(|(i, (d, n))| to_briefing(i, *d, n)).collect();
                let (old, mut ix) = super::site_scanning(list.clone(), scan);
                let last = Related::of(&old, &ix);
                let k = pick % site.len();
                match slug {
                    true => list[k].slug = Slug::new("a-first").expect("a slug"),
                    false => list[k] = to_briefing(k, day, &site[k].1),
                }
                let path = list[k].path.clone();
                let (new, fresh) = super::site_scanning(list, scan);
                let at = |r: &Resolved| r.briefings.iter().position(|b| b.path == path);
                let (Some(from), Some(to)) = (at(&old), at(&new)) else {
                    panic!("the moved briefing is in both sites");
                };
                reorder(&mut ix, &new, Move { from, to }, Some(last));
                prop_assert_eq!(format!("{ix:?}"), format!("{fresh:?}"));
            }

            /// Updating the index for one briefing's new names gives what building it
            /// from scratch gives.
            #[test]
            fn an_updated_index_equals_a_fresh_one(
                site in proptest::collection::vec((0u8..5, named()), 2..24),
                pick in any::<usize>(),
                change in named(),
                scan in prop_oneof![Just(RELATED_SCAN), 1usize..4],
            ) {
                // One briefing names everything, so that no edit adds or drops an entity.
                let everything = Named {
                    actors: 63,
                    places: 7,
                    stances: (0..3).map(|t| (0, t, 0)).collect(),
                };
                let mut list: Vec<Briefing> =
                    site.iter().enumerate().map(|(i, (d, n))| to_briefing(i, *d, n)).collect();
                list.push(to_briefing(99, 0, &everything));
                let (old, mut ix) = super::site_scanning(list.clone(), scan);
                let k = pick % site.len();
                list[k] = to_briefing(k, site[k].0, &change);
                let (new, fresh) = super::site_scanning(list, scan);
                let ids = |r: &Resolved| r.entities.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
                prop_assert_eq!(ids(&old), ids(&new));
                let at = new.briefings.iter().position(|b| b.slug.as_str() == format!("b{k:02}"));
                let at = at.expect("the changed briefing");
                update_briefing(&mut ix, &new, BriefingIdx(at as u32), &old.refs[BriefingIdx(at as u32)]);
                prop_assert_eq!(format!("{ix:?}"), format!("{fresh:?}"));
            }
        }
    }
}

/// Who cites a source of `content/sources/`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SourceUse {
    /// The briefings citing it, oldest first.
    pub briefings: Vec<BriefingIdx>,
    /// The stances resting on it, oldest first.
    pub stances: Vec<StanceAt>,
}

/// Per source of `registry` (the site's `content/sources/`), in its order: who cites it.
pub fn source_uses(r: &Resolved, registry: &[crate::model::RegistrySource]) -> Vec<SourceUse> {
    let mut out = vec![SourceUse::default(); registry.len()];
    if out.is_empty() {
        return out;
    }
    let slot: crate::hash::Map<&str, usize> = (registry.iter().enumerate())
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let of = |b: BriefingIdx, i: usize| {
        let c = r.briefings[b].sources.get(i)?.cites.as_ref()?;
        slot.get(c.value.as_str()).copied()
    };
    for (b, refs) in r.refs.iter_ids() {
        let mut cited: Vec<usize> = (0..r.briefings[b].sources.len())
            .filter_map(|i| of(b, i))
            .collect();
        cited.sort_unstable();
        cited.dedup();
        for i in cited {
            out[i].briefings.push(b);
        }
        for (i, s) in refs.stances.iter().enumerate() {
            if let Some(x) = s.source.and_then(|n| of(b, n)) {
                out[x].stances.push(StanceAt {
                    briefing: b,
                    stance: i,
                });
            }
        }
    }
    out
}
