//! Position changes: every stance that is an actor's first on a topic or takes another
//! position than the one before it, the days as-of pages are made for, and the stances a
//! matrix counts as of a day.

use crate::index::StanceAt;
use crate::model::{EntityIdx, Kind, Position};
use crate::site::Site;
use jiff::civil::Date;

/// How many as-of pages one topic or actor gets at most: its latest change days. An as-of
/// page costs about 0.1 ms of CPU to make; an archive whose positions change on most stances
/// would otherwise get a page for nearly every day of every actor and topic (12,865 pages,
/// 2.4 s of CPU, at 10,000 generated briefings, against a budget of about 0.4 s). Twelve
/// days cover what a live page's history strips mostly point at; a stance older than the
/// first page links to its briefing, as it did before as-of pages.
pub const AS_OF_PAGES: usize = 12;

/// One change of position: the stance, and the position before it (`None` for the
/// actor's first stance on the topic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub at: StanceAt,
    pub from: Option<Position>,
    pub to: Position,
    pub actor: EntityIdx,
    pub topic: EntityIdx,
    /// The calendar date of the stance's briefing, as written.
    pub date: Date,
}

/// The date a stance was taken: its briefing's, as written.
pub fn date_of(site: &Site, at: StanceAt) -> Date {
    site.resolved.briefing(at.briefing).date.date
}

/// The changes of one actor's history on one topic (oldest first), in its order.
pub fn of_history(site: &Site, history: &[StanceAt]) -> Vec<Change> {
    let r = &site.resolved;
    let mut out = Vec::new();
    let mut before: Option<Position> = None;
    for &at in history {
        let s = &r.refs[at.briefing].stances[at.stance];
        if before != Some(s.position) {
            out.push(Change {
                at,
                from: before,
                to: s.position,
                actor: s.actor,
                topic: s.topic,
                date: date_of(site, at),
            });
        }
        before = Some(s.position);
    }
    out
}

/// The histories of entity `e`: its actors' on it for a topic, its own per topic for an
/// actor; empty for other kinds.
pub fn histories(site: &Site, e: EntityIdx) -> Vec<&[StanceAt]> {
    let ix = &site.index;
    let history = |k: &(EntityIdx, EntityIdx)| ix.history.get(k).map(Vec::as_slice);
    match site.resolved.entity(e).id.kind {
        Kind::Topic => (ix.topic_actors[e].iter())
            .filter_map(|&a| history(&(a, e)))
            .collect(),
        Kind::Actor => (ix.actor_topics[e].iter())
            .filter_map(|&t| history(&(e, t)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Every change on topic or by actor `e`, oldest first (by date, then briefing, then stance).
pub fn of_entity(site: &Site, e: EntityIdx) -> Vec<Change> {
    let mut all: Vec<Change> = (histories(site, e).into_iter())
        .flat_map(|h| of_history(site, h))
        .collect();
    all.sort_by_key(order);
    all
}

/// A topic's or actor's changes and change days, as [`of_entity`] and [`change_days`]
/// make them.
#[derive(Debug, Default, PartialEq)]
pub struct OfEntity {
    pub changes: Vec<Change>,
    pub days: Vec<Date>,
}

impl OfEntity {
    /// Those of `e`.
    pub fn new(site: &Site, e: EntityIdx) -> OfEntity {
        let changes = of_entity(site, e);
        let mut days: Vec<Date> = changes.iter().map(|c| c.date).collect();
        days.dedup();
        OfEntity { changes, days }
    }

    /// The days with an as-of page, as [`as_of_days`] gives them.
    pub fn paged(&self) -> &[Date] {
        &self.days[self.days.len().saturating_sub(AS_OF_PAGES)..]
    }
}

/// Every change of the site, oldest first.
pub fn all(site: &Site) -> Vec<Change> {
    let mut all = unsorted(site);
    all.sort_by_key(order);
    all
}

/// Every change of `site`, oldest first, from its topics' changes in `of` (as [`all`]).
pub fn all_of(site: &Site, of: &crate::id_vec::IdVec<EntityIdx, OfEntity>) -> Vec<Change> {
    let mut all = on_topics(site, of);
    all.sort_by_key(order);
    all
}

/// The changes of every topic in `of`: every change of `site` once (each is on one
/// topic), in no order.
fn on_topics(site: &Site, of: &crate::id_vec::IdVec<EntityIdx, OfEntity>) -> Vec<Change> {
    let topics = (of.iter_ids()).filter(|(e, _)| site.resolved.entity(*e).id.kind == Kind::Topic);
    topics
        .flat_map(|(_, o)| o.changes.iter().copied())
        .collect()
}

/// Every change of the site, history by history.
fn unsorted(site: &Site) -> Vec<Change> {
    (site.index.history.values())
        .flat_map(|h| of_history(site, h))
        .collect()
}

/// The latest `n` changes of `all`, oldest first: the end of `all` sorted, found without
/// sorting the rest (the site-wide change feed lists them, and a live preview checks them
/// at every edit).
pub fn latest(mut all: Vec<Change>, n: usize) -> Vec<Change> {
    if n == 0 {
        return Vec::new();
    }
    if let Some(cut) = all.len().checked_sub(n).filter(|&cut| cut > 0) {
        // No two changes share a key (a stance is one change at most): those after `cut`
        // are the latest `n`.
        all.select_nth_unstable_by_key(cut, order);
        all.drain(..cut);
    }
    all.sort_by_key(order);
    all
}

/// The latest `n` changes of `site`, oldest first, from its topics' changes in `of` (each
/// change is on one topic, so the topics hold every change once).
pub fn latest_of(
    site: &Site,
    of: &crate::id_vec::IdVec<EntityIdx, OfEntity>,
    n: usize,
) -> Vec<Change> {
    latest(on_topics(site, of), n)
}

fn order(c: &Change) -> (Date, crate::model::BriefingIdx, usize) {
    (c.date, c.at.briefing, c.at.stance)
}

/// Every day on which one of `e`'s positions changed (a first stance counts), oldest
/// first, each once however many changes it saw.
pub fn change_days(site: &Site, e: EntityIdx) -> Vec<Date> {
    let mut days: Vec<Date> = (histories(site, e).into_iter())
        .flat_map(|h| of_history(site, h))
        .map(|c| c.date)
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The days `e` has an as-of page for, oldest first: the latest [`AS_OF_PAGES`] of its
/// [`change_days`]. Being the latest, the page on or before any day is the matrix of that
/// day whenever there is one.
pub fn as_of_days(site: &Site, e: EntityIdx) -> Vec<Date> {
    let mut days = change_days(site, e);
    let cut = days.len().saturating_sub(AS_OF_PAGES);
    days.drain(..cut);
    days
}

/// The stances of `history` a matrix counts at the end of day `cutoff` (all of them
/// without one): those of briefings dated on or before it, in the history's order.
/// Briefings are in time order, so a history's days mostly rise and the stances are its
/// start; dates written with offsets far apart can cross, and are filtered one by one.
pub fn up_to<'h>(
    site: &Site,
    history: &'h [StanceAt],
    cutoff: Option<Date>,
) -> std::borrow::Cow<'h, [StanceAt]> {
    use std::borrow::Cow;
    let Some(d) = cutoff else {
        return Cow::Borrowed(history);
    };
    if site.resolved.days_in_order {
        // In briefing order, so in day order: the stances counted are a start found by
        // halving (an as-of matrix of the alignment page looks at every history).
        let n = history.partition_point(|&at| date_of(site, at) <= d);
        return Cow::Borrowed(&history[..n]);
    }
    let n = (history.iter())
        .take_while(|&&at| date_of(site, at) <= d)
        .count();
    if history[n..].iter().all(|&at| date_of(site, at) > d) {
        Cow::Borrowed(&history[..n])
    } else {
        Cow::Owned(
            (history.iter().copied())
                .filter(|&at| date_of(site, at) <= d)
                .collect(),
        )
    }
}

/// Whether stance `at` counts as retracted at the end of day `on` (whatever the date
/// without one): where retracted sources reach the live matrix and every as-of matrix.
pub fn retracted_on(site: &Site, at: StanceAt, on: Option<Date>) -> bool {
    match on {
        Some(d) => crate::index::is_retracted_on(&site.resolved, at, d),
        None => crate::index::is_retracted(&site.resolved, at),
    }
}

/// A day as pages in `i18n`'s language show it: `20 Nov 2025`.
pub fn display_day(i18n: &crate::i18n::Catalog, d: Date) -> String {
    i18n.locale.date(d)
}
