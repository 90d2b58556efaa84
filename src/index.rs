//! The cross-reference graph: which briefings name or link to each entity and briefing,
//! stance histories, related briefings, co-occurring actors and sub-places.

use crate::markdown::Target;
use crate::model::{BriefingIdx, EntityIdx, Kind};
use crate::resolve::Resolved;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// How many related briefings a briefing page lists.
pub const RELATED: usize = 5;

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
    pub named_in: Vec<Vec<BriefingIdx>>,
    /// Per entity: briefings whose bodies link to it, oldest first.
    pub entity_backlinks: Vec<Vec<BriefingIdx>>,
    /// Per briefing: briefings whose bodies link to it, oldest first.
    pub briefing_backlinks: Vec<Vec<BriefingIdx>>,
    /// Per briefing: the most related briefings, best first.
    pub related: Vec<Vec<BriefingIdx>>,
    /// (actor, topic) → every stance, oldest first.
    pub history: BTreeMap<(EntityIdx, EntityIdx), Vec<StanceAt>>,
    /// Per topic: actors with a stance on it, by id.
    pub topic_actors: Vec<Vec<EntityIdx>>,
    /// Per actor: topics it took a stance on, by id.
    pub actor_topics: Vec<Vec<EntityIdx>>,
    /// Per actor: other actors named in the same briefings, with counts, most first.
    pub co_actors: Vec<Vec<(EntityIdx, u32)>>,
    /// Per place: actors named in briefings that name the place, with counts, most first.
    pub place_actors: Vec<Vec<(EntityIdx, u32)>>,
    /// Per place: places `within` it, by id.
    pub sub_places: Vec<Vec<EntityIdx>>,
    /// Per tag: briefings with it, oldest first.
    pub tag_briefings: Vec<Vec<BriefingIdx>>,
}

/// Builds the index from the resolved site and the links found in each briefing body.
pub fn build<L: AsRef<[Target]>>(site: &Resolved, body_links: &[L]) -> Index {
    let n_entities = site.entities.len();
    let n_briefings = site.briefings.len();
    let mut ix = Index {
        named_in: vec![Vec::new(); n_entities],
        entity_backlinks: vec![Vec::new(); n_entities],
        briefing_backlinks: vec![Vec::new(); n_briefings],
        topic_actors: vec![Vec::new(); n_entities],
        actor_topics: vec![Vec::new(); n_entities],
        sub_places: vec![Vec::new(); n_entities],
        tag_briefings: vec![Vec::new(); site.tags.len()],
        ..Index::default()
    };
    let mut co: Vec<BTreeMap<EntityIdx, u32>> = vec![BTreeMap::new(); n_entities];
    let mut at_place: Vec<BTreeMap<EntityIdx, u32>> = vec![BTreeMap::new(); n_entities];

    for (bi, refs) in site.refs.iter().enumerate() {
        let b = BriefingIdx(bi as u32);
        for e in refs.entities() {
            ix.named_in[e.0 as usize].push(b);
        }
        for &a in &refs.actors {
            for &other in &refs.actors {
                if other != a {
                    *co[a.0 as usize].entry(other).or_default() += 1;
                }
            }
        }
        for &p in &refs.places {
            for &a in &refs.actors {
                *at_place[p.0 as usize].entry(a).or_default() += 1;
            }
        }
        for (si, s) in refs.stances.iter().enumerate() {
            ix.history
                .entry((s.actor, s.topic))
                .or_default()
                .push(StanceAt {
                    briefing: b,
                    stance: si,
                });
        }
        for &t in &refs.tags {
            ix.tag_briefings[t].push(b);
        }
        for target in body_links.get(bi).map(AsRef::as_ref).into_iter().flatten() {
            let list = match *target {
                Target::Briefing(t) if t != b => &mut ix.briefing_backlinks[t.0 as usize],
                Target::Entity(e) => &mut ix.entity_backlinks[e.0 as usize],
                Target::Briefing(_) => continue,
            };
            if list.last() != Some(&b) {
                list.push(b);
            }
        }
    }
    for &(actor, topic) in ix.history.keys() {
        ix.topic_actors[topic.0 as usize].push(actor);
        ix.actor_topics[actor.0 as usize].push(topic);
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
            ix.sub_places[parent.0 as usize].push(EntityIdx(i as u32));
        }
    }
    ix.related = related(site, &ix.named_in);
    ix
}

fn by_count(m: BTreeMap<EntityIdx, u32>) -> Vec<(EntityIdx, u32)> {
    let mut v: Vec<(EntityIdx, u32)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// For each briefing, the others sharing the most entities; ties go to the newest, then
/// to the smaller slug. Counting walks each entity's briefings, so the cost is the sum
/// of squared entity degrees, not briefings × briefings.
fn related(site: &Resolved, named_in: &[Vec<BriefingIdx>]) -> Vec<Vec<BriefingIdx>> {
    let n = site.briefings.len();
    // Rank 0 is the newest briefing; among one date, the smaller slug ranks first. Briefings
    // are sorted by date then slug, so the rank orders ties exactly as the contract asks.
    let mut by_rank: Vec<u32> = (0..n as u32).collect();
    by_rank.sort_by_key(|&o| (std::cmp::Reverse(site.briefings[o as usize].date.epoch), o));
    let mut rank = vec![0u32; n];
    for (r, &o) in by_rank.iter().enumerate() {
        rank[o as usize] = r as u32;
    }
    let ids: Vec<usize> = (0..n).collect();
    // One scratch set per chunk of briefings, not per briefing.
    let chunks: Vec<Vec<Vec<BriefingIdx>>> = ids
        .par_chunks(256)
        .map(|chunk| {
            let mut counts = vec![0u32; n];
            let mut touched: Vec<u32> = Vec::new();
            let mut out = Vec::with_capacity(chunk.len());
            for &bi in chunk {
                for e in site.refs[bi].entities() {
                    for &other in &named_in[e.0 as usize] {
                        let o = other.0 as usize;
                        if o == bi {
                            continue;
                        }
                        if counts[o] == 0 {
                            touched.push(o as u32);
                        }
                        counts[o] += 1;
                    }
                }
                // The best RELATED by (most shared, then rank), packed in one u64 so the
                // smallest key wins; kept in a small sorted array rather than sorting all.
                let mut top: [u64; RELATED] = [u64::MAX; RELATED];
                for &o in &touched {
                    let key = (u64::from(u32::MAX - counts[o as usize]) << 32)
                        | u64::from(rank[o as usize]);
                    counts[o as usize] = 0;
                    if key < top[RELATED - 1] {
                        let at = top.partition_point(|&k| k < key);
                        top.copy_within(at..RELATED - 1, at + 1);
                        top[at] = key;
                    }
                }
                touched.clear();
                let best = top
                    .iter()
                    .take_while(|&&k| k != u64::MAX)
                    .map(|&k| BriefingIdx(by_rank[(k & 0xffff_ffff) as usize]));
                out.push(best.collect::<Vec<_>>());
            }
            out
        })
        .collect();
    chunks.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostics, Span};
    use crate::model::{Briefing, Position, Slug, Spanned, StanceSrc, When};

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
            updated: None,
            summary: None,
            actors: actors.iter().map(|a| s(a)).collect(),
            places: Vec::new(),
            topics: Vec::new(),
            stances: stances
                .iter()
                .map(|(a, t, p)| StanceSrc {
                    actor: s(a),
                    on: s(t),
                    position: *p,
                    quote: None,
                    by: None,
                    source: None,
                })
                .collect(),
            tags: Vec::new(),
            sources: Vec::new(),
            confidence: None,
            draft: false,
            extra: serde_json::json!({}),
            body: String::new(),
            body_line: 1,
        }
    }

    fn site(briefings: Vec<Briefing>) -> (Resolved, Index) {
        let mut d = Diagnostics::new();
        let r = crate::resolve::resolve(briefings, Vec::new(), false, &mut d);
        let links = vec![Vec::new(); r.briefings.len()];
        let ix = build(&r, &links);
        (r, ix)
    }

    fn slugs(r: &Resolved, list: &[BriefingIdx]) -> Vec<String> {
        list.iter()
            .map(|b| r.briefing(*b).slug.to_string())
            .collect()
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
            slugs(&r, &ix.related[base]),
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
        assert_eq!(
            ix.co_actors[id("a").0 as usize],
            vec![(id("b"), 2), (id("c"), 1)]
        );
        assert_eq!(ix.topic_actors[id("t").0 as usize], vec![id("a")]);
        assert_eq!(
            slugs(&r, &ix.named_in[id("t").0 as usize]),
            ["early", "late"]
        );
    }
}
