//! Where the circles go: a ring around the centre for an actor's neighbourhood, a
//! force-directed layout for the site graph. Both are deterministic: a fixed number of
//! steps from a start derived from the node order, no randomness, so the same graph gives
//! the same coordinates (the drawing rounds them).

use std::f64::consts::TAU;

/// The order of `n` neighbours (numbered 1..=n, as in a graph whose node 0 is the centre)
/// around the ring: start from the strongest tie to the centre, then each time take the
/// neighbour most often named with the last one placed (ties, and a last one with no tie
/// left, go to the stronger tie to the centre). Neighbours named together end up side by
/// side, so their lines are short chords instead of crossing the ring.
pub fn ring_order(n: usize, edges: &[(usize, usize, u32)]) -> Vec<usize> {
    let mut weight = vec![0u32; (n + 1) * (n + 1)];
    for &(i, j, w) in edges {
        if i <= n && j <= n {
            weight[i * (n + 1) + j] = w;
            weight[j * (n + 1) + i] = w;
        }
    }
    let mut left: Vec<usize> = (1..=n).collect();
    let mut order = Vec::with_capacity(n);
    while !left.is_empty() {
        let pick = match order.last() {
            None => 0,
            Some(&last) => {
                let tie = |k: usize| weight[last * (n + 1) + left[k]];
                // `max_by_key` takes the last of equals: walk from the end so the first wins.
                (0..left.len()).rev().max_by_key(|&k| tie(k)).unwrap_or(0)
            }
        };
        order.push(left.remove(pick));
    }
    order
}

/// Positions of a centre (node 0, at the origin) and of the neighbours of `order` on a ring
/// of radius `r`, the first at the top, then clockwise.
pub fn ring(order: &[usize], r: f64) -> Vec<(f64, f64)> {
    let mut pos = vec![(0.0, 0.0); order.len() + 1];
    let n = order.len().max(1) as f64;
    for (slot, &node) in order.iter().enumerate() {
        let a = TAU * slot as f64 / n;
        pos[node] = (r * a.sin(), -r * a.cos());
    }
    pos
}

/// Steps of the force-directed layout: enough for 40 nodes to settle.
const STEPS: usize = 300;

/// A force-directed layout (Fruchterman and Reingold) of `n` nodes in a `width × height`
/// box: nodes push each other apart, edges pull their ends together (harder when heavier:
/// weights from 0 to 1), a slight pull to the centre keeps unlinked nodes in. The start is
/// a sunflower spiral in node order, so the first (most-named) nodes start in the middle.
pub fn force(n: usize, edges: &[(usize, usize, f64)], width: f64, height: f64) -> Vec<(f64, f64)> {
    let (cx, cy) = (width / 2.0, height / 2.0);
    if n == 0 {
        return Vec::new();
    }
    let k = (width * height / n as f64).sqrt() * 0.75;
    let golden = TAU * (1.0 - 1.0 / 1.618_033_988_749_895);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let r = k * 0.5 * (i as f64 + 0.5).sqrt();
            let a = golden * i as f64;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    let margin = 24.0;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for step in 0..STEPS {
        let heat = width / 8.0 * (1.0 - step as f64 / STEPS as f64) + 0.5;
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy, d) = apart(pos[i], pos[j], i, j);
                let f = k * k / d;
                disp[i].0 += dx / d * f;
                disp[i].1 += dy / d * f;
                disp[j].0 -= dx / d * f;
                disp[j].1 -= dy / d * f;
            }
        }
        for &(i, j, w) in edges {
            if i >= n || j >= n || i == j {
                continue;
            }
            let (dx, dy, d) = apart(pos[i], pos[j], i, j);
            let f = d * d / k * (0.3 + w.clamp(0.0, 1.0));
            disp[i].0 -= dx / d * f;
            disp[i].1 -= dy / d * f;
            disp[j].0 += dx / d * f;
            disp[j].1 += dy / d * f;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            let g = 0.02 * k;
            let (gx, gy) = (d.0 - (p.0 - cx) / k * g, d.1 - (p.1 - cy) / k * g);
            let len = (gx * gx + gy * gy).sqrt();
            if len > 1e-9 {
                let m = len.min(heat);
                p.0 += gx / len * m;
                p.1 += gy / len * m;
            }
            p.0 = p.0.clamp(margin, width - margin);
            p.1 = p.1.clamp(margin, height - margin);
        }
    }
    pos
}

/// The vector from `b` to `a` and its length, never 0: two nodes on the same spot are
/// parted along a direction made from their numbers.
fn apart(a: (f64, f64), b: (f64, f64), i: usize, j: usize) -> (f64, f64, f64) {
    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
    let d = (dx * dx + dy * dy).sqrt();
    if d > 1e-6 {
        return (dx, dy, d);
    }
    let t = (i * 31 + j * 17) as f64;
    let (dx, dy) = (t.cos() * 0.01, t.sin() * 0.01);
    (dx, dy, 0.01)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_named_together_sit_side_by_side() {
        // 1 and 3 are named together, 2 with nobody: 3 follows 1.
        let order = ring_order(3, &[(0, 1, 5), (0, 2, 4), (0, 3, 3), (1, 3, 2)]);
        assert_eq!(order, vec![1, 3, 2]);
        assert_eq!(ring_order(0, &[]), Vec::<usize>::new());
    }

    #[test]
    fn the_ring_starts_at_the_top_and_the_centre_at_the_origin() {
        let pos = ring(&[2, 1], 10.0);
        assert_eq!(pos[0], (0.0, 0.0));
        assert!((pos[2].1 + 10.0).abs() < 1e-9 && pos[2].0.abs() < 1e-9);
        assert!((pos[1].1 - 10.0).abs() < 1e-9);
    }

    #[test]
    fn forces_stay_in_the_box_and_never_make_nan() {
        for n in [0, 1, 2, 3, 40] {
            let edges: Vec<(usize, usize, f64)> =
                (1..n).map(|i| (0, i, 1.0)).chain([(0, 0, 1.0)]).collect();
            let pos = force(n, &edges, 300.0, 200.0);
            assert_eq!(pos.len(), n);
            for (x, y) in pos {
                assert!(x.is_finite() && y.is_finite());
                assert!(
                    (0.0..=300.0).contains(&x) && (0.0..=200.0).contains(&y),
                    "{x} {y}"
                );
            }
        }
        // Linked nodes end up closer than unlinked ones.
        let pos = force(4, &[(0, 1, 1.0), (2, 3, 1.0)], 400.0, 400.0);
        let d = |a: usize, b: usize| (pos[a].0 - pos[b].0).hypot(pos[a].1 - pos[b].1);
        assert!(d(0, 1) < d(0, 2) && d(2, 3) < d(1, 3), "{pos:?}");
    }
}
