//! Who sides with whom: every actor's position on every topic (its latest stance, as the
//! topic's stance matrix reads it), the agreement of each pair of actors over the topics both
//! have a position on, an order of the actors that puts blocs together, and the two-actor
//! comparisons of `compare/<a>/<b>/`. The definitions are in docs/content-model.md.

use super::changes;
use crate::index::StanceAt;
use crate::model::{EntityIdx, Kind, Position};
use crate::site::Site;
use jiff::civil::Date;
use std::cmp::Reverse;

/// How many actors the agreement matrix shows at most: those with a position on the most
/// topics, then by id. The matrix shows each pair once (a triangle), 780 cells at 40.
pub const MATRIX_ACTORS: usize = 40;
/// How many monthly snapshots (`alignment/<YYYY-MM>/`) a site gets at most: its latest
/// months with a stance.
pub const SNAPSHOTS: usize = 24;
/// How many pairs of actors get a comparison page at most: those named together most.
pub const COMPARE_PAIRS: usize = 50;
/// How many topics a comparison page lists at most: where the two differ, then where they
/// agree, then where only one has a position.
pub const COMPARE_TOPICS: usize = 60;
/// How many comparison pages an actor page links to at most ("Compare with").
pub const COMPARE_LINKS: usize = 8;

/// A month of a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i16,
    pub month: i8,
}

impl Month {
    /// The month of `d`.
    pub fn of(d: Date) -> Month {
        Month {
            year: d.year(),
            month: d.month(),
        }
    }

    /// Its last day: a snapshot counts the stances of briefings dated on or before it.
    pub fn last_day(self) -> Date {
        Date::new(self.year, self.month, 1)
            .map(|d| d.last_of_month())
            .unwrap_or(Date::MAX)
    }

    /// `YYYY-MM`, as its folder names it.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// The folder of the matrix now (`None`) or of a month's snapshot.
pub fn dir(month: Option<Month>) -> String {
    match month {
        None => "alignment/".into(),
        Some(m) => format!("alignment/{}/", m.key()),
    }
}

/// The folder of the comparison of `a` and `b` (`a` first by id).
pub fn compare_dir(site: &Site, a: EntityIdx, b: EntityIdx) -> String {
    let r = &site.resolved;
    format!("compare/{}/{}/", r.entity(a).id.slug, r.entity(b).id.slug)
}

/// Whether `p` is a position that agreement counts: any but `unclear`.
pub fn is_clear(p: Position) -> bool {
    p != Position::Unclear
}

/// Per actor with a stance (by id): its position on each topic (by id) at the end of
/// `cutoff` (now without one), with the stance that gives it.
pub type Positions = Vec<(EntityIdx, Vec<(EntityIdx, StanceAt)>)>;

/// The latest stance of every actor on every topic by `cutoff`: what the topic's stance
/// matrix shows as its position then. One walk over the stances kept.
pub fn positions(site: &Site, cutoff: Option<Date>) -> Positions {
    let mut out: Positions = Vec::new();
    // The index's histories are keyed (actor, topic): grouped by actor, topics by id.
    for (&(actor, topic), history) in &site.index.history {
        let Some(&last) = changes::up_to(site, history, cutoff).last() else {
            continue;
        };
        match out.last_mut() {
            Some((a, list)) if *a == actor => list.push((topic, last)),
            _ => out.push((actor, vec![(topic, last)])),
        }
    }
    out
}

/// The position of stance `at`.
pub fn position(site: &Site, at: StanceAt) -> Position {
    site.resolved.refs[at.briefing].stances[at.stance].position
}

/// Per actor of `all`: its topics with a clear position, by id.
fn clear(site: &Site, all: &Positions) -> Vec<(EntityIdx, Vec<(EntityIdx, Position)>)> {
    (all.iter())
        .map(|(a, list)| {
            let kept = (list.iter())
                .map(|&(t, at)| (t, position(site, at)))
                .filter(|&(_, p)| is_clear(p))
                .collect();
            (*a, kept)
        })
        .filter(|(_, list): &(EntityIdx, Vec<_>)| !list.is_empty())
        .collect()
}

/// Topics both lists (sorted by topic) have, and on how many of them the positions are
/// equal: (agree, shared).
fn agreement(a: &[(EntityIdx, Position)], b: &[(EntityIdx, Position)]) -> (u32, u32) {
    let (mut i, mut j, mut agree, mut shared) = (0, 0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                agree += u32::from(a[i].1 == b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    (agree, shared)
}

/// The agreement matrix at one time.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Matrix {
    /// The actors shown, in the clustering's leaf order.
    pub actors: Vec<EntityIdx>,
    /// Per pair of `actors` (by their positions there, `[i][j]`): (agree, shared), `None`
    /// when they share no topic.
    pub cells: Vec<Vec<Option<(u32, u32)>>>,
    /// How many actors share a topic with another (those shown are the first
    /// [`MATRIX_ACTORS`] of them).
    pub total: usize,
}

/// The agreement matrix at the end of `cutoff` (now without one): actors sharing a topic
/// with another, at most [`MATRIX_ACTORS`], ordered by [`cluster_order`].
pub fn matrix(site: &Site, cutoff: Option<Date>) -> Matrix {
    let clear = clear(site, &positions(site, cutoff));
    let mut on_topic = vec![0u32; site.resolved.entities.len()];
    for (_, list) in &clear {
        for &(t, _) in list {
            on_topic[t.0 as usize] += 1;
        }
    }
    // Those with a topic another actor has a position on, most topics first, then by id.
    let mut chosen: Vec<usize> = (0..clear.len())
        .filter(|&i| clear[i].1.iter().any(|&(t, _)| on_topic[t.0 as usize] >= 2))
        .collect();
    let total = chosen.len();
    chosen.sort_by_key(|&i| (Reverse(clear[i].1.len()), clear[i].0));
    chosen.truncate(MATRIX_ACTORS);
    chosen.sort_by_key(|&i| clear[i].0);
    let n = chosen.len();
    let mut cells = vec![vec![None; n]; n];
    for x in 0..n {
        for y in x + 1..n {
            let (agree, shared) = agreement(&clear[chosen[x]].1, &clear[chosen[y]].1);
            if shared > 0 {
                cells[x][y] = Some((agree, shared));
                cells[y][x] = Some((agree, shared));
            }
        }
    }
    let order = cluster_order(&cells);
    Matrix {
        actors: order.iter().map(|&i| clear[chosen[i]].0).collect(),
        cells: (order.iter())
            .map(|&x| order.iter().map(|&y| cells[x][y]).collect())
            .collect(),
        total,
    }
}

/// The distance the clustering uses: 1 − agreement, and 0.5 for a pair sharing no topic.
pub fn distance(cell: Option<(u32, u32)>) -> f64 {
    match cell {
        Some((agree, shared)) if shared > 0 => 1.0 - f64::from(agree) / f64::from(shared),
        _ => 0.5,
    }
}

/// The leaf order of an average-linkage agglomerative clustering of `cells` (actors in id
/// order): the two clusters with the smallest mean distance between their actors merge, the
/// one holding the smaller id first; equal distances (within 1e-9) go to the pair whose
/// smallest ids are smallest. At most [`MATRIX_ACTORS`]: a few thousand steps.
pub fn cluster_order(cells: &[Vec<Option<(u32, u32)>>]) -> Vec<usize> {
    let n = cells.len();
    // Each cluster: its leaves in order, and its smallest id (leaves are numbered by id).
    let mut clusters: Vec<(Vec<usize>, usize)> = (0..n).map(|i| (vec![i], i)).collect();
    while clusters.len() > 1 {
        // (mean distance, the two clusters' smallest ids, their places in `clusters`)
        type Pick = (f64, (usize, usize), (usize, usize));
        let mut best: Option<Pick> = None;
        for p in 0..clusters.len() {
            for q in p + 1..clusters.len() {
                let (a, b) = (&clusters[p], &clusters[q]);
                let sum: f64 = (a.0.iter())
                    .flat_map(|&x| b.0.iter().map(move |&y| distance(cells[x][y])))
                    .sum();
                let mean = sum / (a.0.len() * b.0.len()) as f64;
                let keys = (a.1.min(b.1), a.1.max(b.1));
                let better = match best {
                    None => true,
                    Some((d, k, _)) => mean < d - 1e-9 || (mean <= d + 1e-9 && keys < k),
                };
                if better {
                    best = Some((mean, keys, (p, q)));
                }
            }
        }
        let Some((_, _, (p, q))) = best else { break };
        let second = clusters.remove(q);
        let first = std::mem::take(&mut clusters[p]);
        let (lo, hi) = match first.1 < second.1 {
            true => (first, second),
            false => (second, first),
        };
        let mut leaves = lo.0;
        leaves.extend(hi.0);
        clusters[p] = (leaves, lo.1);
    }
    clusters.pop().map(|c| c.0).unwrap_or_default()
}

/// Where two actors stand on one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// Both have a clear position, another one each.
    Differ,
    /// Both have the same clear position.
    Agree,
    /// At most one has a clear position.
    OneSided,
}

impl State {
    /// The state of positions `a` and `b`.
    pub fn of(a: Option<Position>, b: Option<Position>) -> State {
        match (a.filter(|&p| is_clear(p)), b.filter(|&p| is_clear(p))) {
            (Some(x), Some(y)) if x == y => State::Agree,
            (Some(_), Some(_)) => State::Differ,
            _ => State::OneSided,
        }
    }

    /// As pages and classes name it.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Differ => "differ",
            State::Agree => "agree",
            State::OneSided => "one-sided",
        }
    }
}

/// One topic of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicCompare {
    pub topic: EntityIdx,
    /// Each actor's latest stance on it, if any.
    pub a: Option<StanceAt>,
    pub b: Option<StanceAt>,
    pub state: State,
    /// For agree and differ: the stance from which the state holds (the later of the two
    /// histories' stances that last changed it).
    pub since: Option<StanceAt>,
}

/// Actors `a` and `b` on every topic either took a stance on, by topic id. "Since" walks
/// both histories merged in briefing order; only a change of either's position can change
/// the state.
pub fn compare(site: &Site, a: EntityIdx, b: EntityIdx) -> Vec<TopicCompare> {
    let ix = &site.index;
    let mut topics: Vec<EntityIdx> = (ix.actor_topics[a].iter())
        .chain(&ix.actor_topics[b])
        .copied()
        .collect();
    topics.sort_unstable();
    topics.dedup();
    let empty: &[StanceAt] = &[];
    (topics.into_iter())
        .map(|topic| {
            let ha = ix.history.get(&(a, topic)).map_or(empty, Vec::as_slice);
            let hb = ix.history.get(&(b, topic)).map_or(empty, Vec::as_slice);
            let (mut i, mut j) = (0, 0);
            let (mut pa, mut pb) = (None, None);
            let mut state = State::of(None, None);
            let mut since = None;
            while i < ha.len() || j < hb.len() {
                let take_a = j >= hb.len()
                    || (i < ha.len()
                        && (ha[i].briefing, ha[i].stance) <= (hb[j].briefing, hb[j].stance));
                let at = if take_a {
                    i += 1;
                    pa = Some(position(site, ha[i - 1]));
                    ha[i - 1]
                } else {
                    j += 1;
                    pb = Some(position(site, hb[j - 1]));
                    hb[j - 1]
                };
                let now = State::of(pa, pb);
                if now != state {
                    state = now;
                    since = Some(at);
                }
            }
            TopicCompare {
                topic,
                a: ha.last().copied(),
                b: hb.last().copied(),
                state,
                since: since.filter(|_| state != State::OneSided),
            }
        })
        .collect()
}

/// What decides which alignment pages a site has, made once per build.
#[derive(Debug, Default, Clone, PartialEq, Eq, Hash)]
pub struct Overview {
    /// The pairs with a comparison page (`a` first by id), most named together first.
    pub pairs: Vec<(EntityIdx, EntityIdx)>,
    /// The months with a snapshot, oldest first.
    pub months: Vec<Month>,
}

impl Overview {
    /// Whether the site has alignment pages: two actors share a topic now.
    pub fn exists(&self) -> bool {
        !self.months.is_empty()
    }

    /// The comparison pages of actor `e`: the other actors, in the order of `pairs`.
    pub fn partners(&self, e: EntityIdx) -> impl Iterator<Item = EntityIdx> + '_ {
        (self.pairs.iter()).filter_map(move |&(a, b)| match (a == e, b == e) {
            (true, _) => Some(b),
            (_, true) => Some(a),
            _ => None,
        })
    }
}

/// The site's [`Overview`]: empty unless two actors share a topic now. Linear in the stances
/// and in the co-occurrence counts.
pub fn overview(site: &Site) -> Overview {
    let clear = clear(site, &positions(site, None));
    let mut on_topic = vec![0u32; site.resolved.entities.len()];
    for (_, list) in &clear {
        for &(t, _) in list {
            on_topic[t.0 as usize] += 1;
        }
    }
    if !on_topic.iter().any(|&n| n >= 2) {
        return Overview::default();
    }
    let find = |e: EntityIdx| {
        (clear.binary_search_by_key(&e, |(a, _)| *a).ok()).map(|i| clear[i].1.as_slice())
    };
    // Most named together first, then by ids: a heap, popped only until enough pairs share
    // a topic, instead of sorting every pair named together.
    let mut candidates: Vec<(u32, Reverse<EntityIdx>, Reverse<EntityIdx>)> = Vec::new();
    for (a, list) in &clear {
        // Only topics another actor has a position on can be shared.
        if !list.iter().any(|&(t, _)| on_topic[t.0 as usize] >= 2) {
            continue;
        }
        for &(b, count) in &site.index.co_actors[*a] {
            if b > *a && site.resolved.entity(b).id.kind == Kind::Actor && find(b).is_some() {
                candidates.push((count, Reverse(*a), Reverse(b)));
            }
        }
    }
    let mut heap = std::collections::BinaryHeap::from(candidates);
    let mut pairs = Vec::new();
    while pairs.len() < COMPARE_PAIRS
        && let Some((_, Reverse(a), Reverse(b))) = heap.pop()
    {
        let (x, y) = (find(a).unwrap_or_default(), find(b).unwrap_or_default());
        if agreement(x, y).1 > 0 {
            pairs.push((a, b));
        }
    }
    // Inserted one by one: a few dozen months among tens of thousands of stances, which
    // collecting would sort.
    let mut months = std::collections::BTreeSet::new();
    for &at in site.index.history.values().flatten() {
        months.insert(Month::of(changes::date_of(site, at)));
    }
    let skip = months.len().saturating_sub(SNAPSHOTS);
    let months = months.into_iter().skip(skip).collect();
    Overview { pairs, months }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_pair_merges_first_and_a_missing_pair_counts_half() {
        // 0–2 agree fully, 1–2 not at all, 0–1 share nothing (0.5): {0, 2} first, then 1.
        let cells = vec![
            vec![None, None, Some((1, 1))],
            vec![None, None, Some((0, 1))],
            vec![Some((1, 1)), Some((0, 1)), None],
        ];
        assert_eq!(cluster_order(&cells), [0, 2, 1]);
    }

    #[test]
    fn equal_distances_merge_by_the_smallest_ids() {
        let none = vec![vec![None; 4]; 4];
        assert_eq!(cluster_order(&none), [0, 1, 2, 3]);
        // 1–3 and 0–2 both agree fully: 0–2 merges first, the group holding 0 stays first.
        let mut cells = none.clone();
        for (x, y) in [(1, 3), (0, 2)] {
            cells[x][y] = Some((2, 2));
            cells[y][x] = Some((2, 2));
        }
        assert_eq!(cluster_order(&cells), [0, 2, 1, 3]);
        assert!(cluster_order(&[]).is_empty());
    }
}
