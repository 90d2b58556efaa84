//! Who is named with whom, drawn at build time: an actor's neighbourhood on its page and
//! the site's most-named actors on `network/`. [`Graph`]s are picked from the index's
//! co-occurrence counts with bounded work; `layout.rs` places them (deterministically: the
//! same graph gives the same coordinates, rounded) and `labels.rs` decides which names fit
//! where. Templates only place the shapes of the [`Drawing`].

mod labels;
pub mod layout;

use crate::i18n::{Arg, Catalog};
use crate::index::Index;
use crate::model::EntityIdx;
use labels::{Candidate, LabelBox, Placement};
use serde::Serialize;

/// What a drawing shows of an actor: its name and page (relative to the root).
pub struct Named {
    pub name: String,
    pub url: String,
}

/// A weighted graph of actors, as picked from the index: what a drawing shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Graph {
    /// Actors and the briefings naming each, in drawing order (an actor page's own actor
    /// first, then its neighbours strongest tie first; on the site graph, most-named first).
    pub nodes: Vec<(EntityIdx, u32)>,
    /// `(i, j, briefings naming both)`, `i < j` indexing `nodes`; heaviest first.
    pub edges: Vec<(usize, usize, u32)>,
}

/// The neighbourhood of actor `e`: itself and the first `neighbours` actors of its
/// co-occurrence list, with the edges among them. An edge between two neighbours is looked
/// for in the first `scan` co-occurring actors of either, so the work is bounded by
/// `neighbours × scan` whatever the archive's size; a pair found in neither (each has
/// `scan` stronger ties) is left out, as the lightest would be. `None` when `e` is named
/// with nobody.
pub fn neighbourhood(ix: &Index, e: EntityIdx, neighbours: usize, scan: usize) -> Option<Graph> {
    let co = &ix.co_actors[e];
    if co.is_empty() {
        return None;
    }
    let count = |a: EntityIdx| ix.named_in[a].len() as u32;
    let mut nodes = vec![(e, count(e))];
    nodes.extend(co.iter().take(neighbours).map(|&(a, _)| (a, count(a))));
    // Node position by entity, for the neighbours (the centre is not looked up: its edges
    // come from its own list).
    let mut at: Vec<(EntityIdx, usize)> = (nodes.iter().enumerate().skip(1))
        .map(|(i, &(a, _))| (a, i))
        .collect();
    at.sort_unstable();
    let find = |a: EntityIdx| {
        at.binary_search_by_key(&a, |&(x, _)| x)
            .ok()
            .map(|k| at[k].1)
    };
    let mut edges: Vec<(usize, usize, u32)> = (co.iter().take(neighbours).enumerate())
        .map(|(i, &(_, w))| (0, i + 1, w))
        .collect();
    let mut between: Vec<(usize, usize, u32)> = Vec::new();
    for (i, &(a, _)) in nodes.iter().enumerate().skip(1) {
        for &(b, w) in ix.co_actors[a].iter().take(scan) {
            if let Some(j) = find(b) {
                between.push((i.min(j), i.max(j), w));
            }
        }
    }
    // Found from both ends when both lists hold the pair: once is enough.
    between.sort_unstable();
    between.dedup();
    edges.extend(between);
    sort_edges(&mut edges);
    Some(Graph { nodes, edges })
}

/// The `actors` most-named actors of `all` (most-named first, ties by index) and the
/// `edges` heaviest pairs among them. Each of them has its whole co-occurrence list read:
/// `actors` lists, each at most as long as the site has actors.
pub fn top_actors(
    ix: &Index,
    all: impl Iterator<Item = EntityIdx>,
    actors: usize,
    edges: usize,
) -> Graph {
    let mut nodes: Vec<(EntityIdx, u32)> = all
        .map(|a| (a, ix.named_in[a].len() as u32))
        .filter(|&(_, n)| n > 0)
        .collect();
    nodes.sort_unstable_by_key(|&(a, n)| (std::cmp::Reverse(n), a));
    nodes.truncate(actors);
    let mut at: Vec<(EntityIdx, usize)> = (nodes.iter().enumerate())
        .map(|(i, &(a, _))| (a, i))
        .collect();
    at.sort_unstable();
    let mut pairs = Vec::new();
    for (i, &(a, _)) in nodes.iter().enumerate() {
        for &(b, w) in &ix.co_actors[a] {
            if let Ok(k) = at.binary_search_by_key(&b, |&(x, _)| x)
                && i < at[k].1
            {
                pairs.push((i, at[k].1, w));
            }
        }
    }
    sort_edges(&mut pairs);
    pairs.truncate(edges);
    Graph {
        nodes,
        edges: pairs,
    }
}

/// Heaviest first; ties in node order.
fn sort_edges(edges: &mut [(usize, usize, u32)]) {
    edges.sort_unstable_by_key(|&(i, j, w)| (std::cmp::Reverse(w), i, j));
}

/// A drawn graph in SVG units: every coordinate lies in `[0, width] × [0, height]`.
#[derive(Debug, Clone, Serialize)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    /// Lightest first, so that heavy lines are drawn over light ones.
    pub edges: Vec<EdgeMark>,
    /// In the graph's order (the centre first on an actor page).
    pub nodes: Vec<NodeMark>,
    /// A sentence describing the drawing, for `aria-label`.
    pub summary: String,
}

/// A line between two actors.
#[derive(Debug, Clone, Serialize)]
pub struct EdgeMark {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    /// Stroke width, by the briefings naming both.
    pub width: f64,
    /// Briefings naming both.
    pub count: u32,
}

/// An actor: a circle sized by the briefings naming it, linked to its page.
#[derive(Debug, Clone, Serialize)]
pub struct NodeMark {
    pub name: String,
    /// Its page, relative to the root.
    pub url: String,
    /// Briefings naming it.
    pub count: u32,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// The actor whose page this is.
    pub centre: bool,
    /// Its name, when it fits without covering another.
    pub label: Option<Label>,
}

/// A name beside its circle.
#[derive(Debug, Clone, Serialize)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    /// `start`, `middle` or `end` (`text-anchor`), for text running `dir`: a name in a
    /// right-to-left script on the left of its circle is anchored at its `start`.
    pub anchor: &'static str,
    /// The way the name runs (`ltr`, `rtl`), by its first letter. Drawings of who is named
    /// with whom are not mirrored on a right-to-left site; only their text runs its way.
    pub dir: &'static str,
    /// Shown on narrow screens too, where fewer names fit (the site graph).
    pub major: bool,
    pub lines: Vec<LabelLine>,
}

/// One line of a [`Label`]: its text and its offset from the line before (the first: from
/// the label's `y`), in `em`, so that a larger font keeps the lines apart.
#[derive(Debug, Clone, Serialize)]
pub struct LabelLine {
    pub dy: f64,
    pub text: String,
}

/// Font size of labels on an actor page, in SVG units (the theme sets the same).
pub const EGO_FONT: f64 = 13.0;
/// Font size of the site graph's labels, and of its major ones on narrow screens.
pub const SITE_FONT: f64 = 13.0;
pub const SITE_FONT_NARROW: f64 = 28.0;
/// How many of the site graph's actors (the most-named) keep their label on narrow screens.
pub const MAJOR: usize = 12;
/// Characters of a label line; a longer name wraps to a second line, then is cut.
const LINE_CHARS: usize = 14;
/// Ring radius of an actor page's neighbourhood.
const RING: f64 = 80.0;
/// The site graph's layout box.
const SITE_WIDTH: f64 = 800.0;
const SITE_HEIGHT: f64 = 640.0;
/// Smallest and largest circle radius.
const R_MIN: f64 = 3.5;
const R_MAX: f64 = 11.0;
/// Thinnest and thickest line.
const W_MIN: f64 = 0.75;
const W_MAX: f64 = 6.0;
/// Between a circle and its label.
const GAP: f64 = 3.0;

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Circle radius of `count` against the biggest count of the drawing (area by count).
fn radius(count: u32, max: u32) -> f64 {
    let t = f64::from(count) / f64::from(max.max(1));
    R_MIN + (R_MAX - R_MIN) * t.sqrt()
}

fn stroke(count: u32, max: u32) -> f64 {
    let t = f64::from(count) / f64::from(max.max(1));
    W_MIN + (W_MAX - W_MIN) * t.sqrt()
}

/// An actor page's drawing of `g` (from [`neighbourhood`]): the actor in the centre, its
/// neighbours on a ring in an order that keeps linked neighbours side by side.
pub fn ego_drawing(
    g: &Graph,
    link: impl Fn(EntityIdx) -> Named,
    i18n: &Catalog,
) -> Option<Drawing> {
    if g.nodes.len() < 2 {
        return None;
    }
    let ring = layout::ring_order(g.nodes.len() - 1, &g.edges);
    let pos = layout::ring(&ring, RING);
    let max = g.nodes.iter().map(|n| n.1).max().unwrap_or(1);
    let radii: Vec<f64> = g.nodes.iter().map(|n| radius(n.1, max)).collect();
    let names: Vec<Vec<String>> = (g.nodes.iter())
        .map(|&(a, _)| labels::wrap(&link(a).name, LINE_CHARS, 2))
        .collect();
    let candidates: Vec<Vec<Candidate>> = (0..g.nodes.len())
        .map(|i| match i {
            // The centre's name is the page's heading too: under it, or over it.
            0 => vec![Candidate::Below, Candidate::Above],
            _ => Candidate::around(pos[i]),
        })
        .collect();
    let placed = labels::place(
        &pos,
        &radii,
        &names,
        &candidates,
        &Placement {
            font: EGO_FONT,
            narrow: None,
            gap: GAP,
        },
    );
    let centre = &link(g.nodes[0].0).name;
    let summary = i18n.fmt(
        "network_ego_summary",
        &[
            ("name", Arg::Text(centre)),
            ("n", crate::render::words::count(g.nodes.len() - 1)),
        ],
    );
    Some(finish(g, &pos, &radii, placed, names, link, summary, true))
}

/// The site graph's drawing of `g` (from [`top_actors`]): a force-directed layout.
pub fn site_drawing(
    g: &Graph,
    link: impl Fn(EntityIdx) -> Named,
    i18n: &Catalog,
) -> Option<Drawing> {
    if g.nodes.is_empty() {
        return None;
    }
    let max_w = g.edges.iter().map(|e| e.2).max().unwrap_or(1);
    let weighted: Vec<(usize, usize, f64)> = (g.edges.iter())
        .map(|&(i, j, w)| (i, j, f64::from(w) / f64::from(max_w)))
        .collect();
    let pos = layout::force(g.nodes.len(), &weighted, SITE_WIDTH, SITE_HEIGHT);
    let max = g.nodes.iter().map(|n| n.1).max().unwrap_or(1);
    let radii: Vec<f64> = g.nodes.iter().map(|n| radius(n.1, max)).collect();
    let names: Vec<Vec<String>> = (g.nodes.iter())
        .map(|&(a, _)| labels::wrap(&link(a).name, LINE_CHARS, 2))
        .collect();
    let candidates = vec![Candidate::ALL.to_vec(); g.nodes.len()];
    let placed = labels::place(
        &pos,
        &radii,
        &names,
        &candidates,
        &Placement {
            font: SITE_FONT,
            narrow: Some((SITE_FONT_NARROW, MAJOR)),
            gap: GAP,
        },
    );
    let summary = i18n.fmt(
        "network_site_summary",
        &[
            ("n", crate::render::words::count(g.nodes.len())),
            ("pairs", crate::render::words::count(g.edges.len())),
        ],
    );
    Some(finish(g, &pos, &radii, placed, names, link, summary, false))
}

/// The drawing, moved so that every circle and label lies inside `[0, width] × [0, height]`.
#[allow(clippy::too_many_arguments)]
fn finish(
    g: &Graph,
    pos: &[(f64, f64)],
    radii: &[f64],
    placed: Vec<Option<LabelBox>>,
    names: Vec<Vec<String>>,
    link: impl Fn(EntityIdx) -> Named,
    summary: String,
    ego: bool,
) -> Drawing {
    let pad = 4.0;
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (&(x, y), &r) in pos.iter().zip(radii) {
        (x0, y0, x1, y1) = (x0.min(x - r), y0.min(y - r), x1.max(x + r), y1.max(y + r));
    }
    for b in placed.iter().flatten() {
        for r in b.rects() {
            (x0, y0, x1, y1) = (x0.min(r.0), y0.min(r.1), x1.max(r.2), y1.max(r.3));
        }
    }
    let (dx, dy) = (pad - x0, pad - y0);
    let max_w = g.edges.iter().map(|e| e.2).max().unwrap_or(1);
    let edges: Vec<EdgeMark> = (g.edges.iter().rev())
        .map(|&(i, j, w)| EdgeMark {
            x1: round(pos[i].0 + dx),
            y1: round(pos[i].1 + dy),
            x2: round(pos[j].0 + dx),
            y2: round(pos[j].1 + dy),
            width: round(stroke(w, max_w)),
            count: w,
        })
        .collect();
    let nodes = (g.nodes.iter().enumerate())
        .zip(placed.into_iter().zip(names))
        .map(|((i, &(a, count)), (b, lines))| {
            let Named { name, url } = link(a);
            NodeMark {
                name,
                url,
                count,
                x: round(pos[i].0 + dx),
                y: round(pos[i].1 + dy),
                r: round(radii[i]),
                centre: ego && i == 0,
                label: b.map(|b| b.label(lines, dx, dy)),
            }
        })
        .collect();
    Drawing {
        width: round(x1 - x0 + 2.0 * pad).ceil(),
        height: round(y1 - y0 + 2.0 * pad).ceil(),
        edges,
        nodes,
        summary,
    }
}

/// Node `i`'s index as an `EntityIdx`, for tests.
#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> std::sync::Arc<Catalog> {
        Catalog::builtin("en")
    }
    use crate::id_vec::Id;

    fn idx(i: usize) -> EntityIdx {
        EntityIdx::from_index(i)
    }

    fn link(e: EntityIdx) -> Named {
        const FIRST: [&str; 5] = ["Agnès", "Andrzej", "Annalena", "Bogdan", "Antony"];
        const LAST: [&str; 4] = ["Hołownia", "Frederiksen", "Tusk", "Landsbergis"];
        let i = e.index();
        Named {
            name: format!("{} {} {i}", FIRST[i % 5], LAST[i % 4]),
            url: format!("actors/a{i}/"),
        }
    }

    fn graph(n: usize, edges: &[(usize, usize, u32)]) -> Graph {
        Graph {
            nodes: (0..n).map(|i| (idx(i), 10 - (i as u32 % 10))).collect(),
            edges: edges.to_vec(),
        }
    }

    fn inside(d: &Drawing) {
        for n in &d.nodes {
            for v in [n.x, n.y, n.r] {
                assert!(v.is_finite(), "{v}");
            }
            assert!(
                n.x - n.r >= 0.0 && n.x + n.r <= d.width,
                "{} in {}",
                n.x,
                d.width
            );
            assert!(
                n.y - n.r >= 0.0 && n.y + n.r <= d.height,
                "{} in {}",
                n.y,
                d.height
            );
        }
        for e in &d.edges {
            for v in [e.x1, e.y1, e.x2, e.y2, e.width] {
                assert!(v.is_finite() && v >= 0.0, "{v}");
            }
        }
        assert!(d.width.is_finite() && d.height.is_finite());
    }

    #[test]
    fn no_nan_for_none_one_or_two_actors_or_equal_weights() {
        assert!(site_drawing(&graph(0, &[]), link, &en()).is_none());
        assert!(ego_drawing(&graph(1, &[]), link, &en()).is_none());
        inside(&site_drawing(&graph(1, &[]), link, &en()).expect("one"));
        inside(&site_drawing(&graph(2, &[(0, 1, 3)]), link, &en()).expect("two"));
        inside(&ego_drawing(&graph(2, &[(0, 1, 3)]), link, &en()).expect("two"));
        let equal: Vec<(usize, usize, u32)> = (0..6)
            .flat_map(|i| (i + 1..6).map(move |j| (i, j, 1)))
            .collect();
        inside(&site_drawing(&graph(6, &equal), link, &en()).expect("six"));
        inside(&ego_drawing(&graph(6, &equal), link, &en()).expect("six"));
        // No edges at all: nothing pulls, gravity holds them in.
        inside(&site_drawing(&graph(40, &[]), link, &en()).expect("forty"));
    }

    #[test]
    fn the_same_graph_draws_the_same() {
        let edges: Vec<(usize, usize, u32)> = (0..30)
            .flat_map(|i| (i + 1..30).map(move |j| (i, j, ((i * 7 + j * 3) % 5) as u32)))
            .filter(|e| e.2 > 0)
            .collect();
        let g = graph(30, &edges);
        let a = serde_json::to_string(&site_drawing(&g, link, &en())).expect("json");
        let b = serde_json::to_string(&site_drawing(&g, link, &en())).expect("json");
        assert_eq!(a, b);
        inside(&site_drawing(&g, link, &en()).expect("drawing"));
        // Coordinates are rounded to a tenth.
        let d = site_drawing(&g, link, &en()).expect("drawing");
        for n in &d.nodes {
            assert_eq!((n.x * 10.0).round() / 10.0, n.x);
        }
    }

    #[test]
    fn labels_of_the_site_graph_do_not_overlap() {
        // As `top_actors` makes them: the 80 heaviest pairs of 40 actors.
        let mut edges: Vec<(usize, usize, u32)> = (0..40)
            .flat_map(|i| (i + 1..40).map(move |j| (i, j, ((i * 13 + j * 7) % 9) as u32)))
            .filter(|e| e.2 > 0)
            .collect();
        sort_edges(&mut edges);
        edges.truncate(80);
        let d = site_drawing(&graph(40, &edges), link, &en()).expect("drawing");
        inside(&d);
        let boxes: Vec<(f64, f64, f64, f64)> = (d.nodes.iter())
            .filter_map(|n| n.label.as_ref())
            .map(|l| labels::bounds(l, SITE_FONT))
            .collect();
        assert!(boxes.len() >= 24, "only {} labels", boxes.len());
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!labels::overlap(*a, *b), "{a:?} {b:?}");
            }
        }
        let majors = d.nodes.iter().filter_map(|n| n.label.as_ref());
        assert!(majors.filter(|l| l.major).count() <= MAJOR);
    }
}
