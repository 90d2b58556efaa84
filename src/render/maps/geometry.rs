//! Plane geometry of the maps: the two projections, rings and lines clipped to the box in
//! view (in longitude and latitude, before projecting, so that both projections share one
//! clipper), and compact SVG path data.

/// Longitude and latitude, in degrees.
pub type LonLat = (f64, f64);

/// A box of longitude and latitude. A view across the antimeridian runs past ±180°
/// (`west` 174, `east` 184); shapes are drawn again 360° away to fill it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bbox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bbox {
    /// The smallest box holding `points`; for no points, a box that meets nothing.
    pub fn of(points: &[LonLat]) -> Bbox {
        let mut b = Bbox {
            west: f64::INFINITY,
            south: f64::INFINITY,
            east: f64::NEG_INFINITY,
            north: f64::NEG_INFINITY,
        };
        for &(lon, lat) in points {
            b.west = b.west.min(lon);
            b.east = b.east.max(lon);
            b.south = b.south.min(lat);
            b.north = b.north.max(lat);
        }
        b
    }

    /// Whether the two boxes share a point.
    pub fn meets(&self, o: &Bbox) -> bool {
        self.west <= o.east && o.west <= self.east && self.south <= o.north && o.south <= self.north
    }

    /// Whether `o` lies wholly inside.
    pub fn holds(&self, o: &Bbox) -> bool {
        self.west <= o.west && o.east <= self.east && self.south <= o.south && o.north <= self.north
    }

    /// Whether `p` lies inside or on the edge.
    pub fn contains(&self, (lon, lat): LonLat) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }

    /// The box moved `dlon` degrees east.
    pub fn shifted(&self, dlon: f64) -> Bbox {
        Bbox {
            west: self.west + dlon,
            east: self.east + dlon,
            ..*self
        }
    }
}

/// The part of closed ring `ring` inside `b` (Sutherland–Hodgman, one edge of the box at a
/// time). A concave ring cut in two comes back as one ring joined along the box's edge,
/// which fills the same area; the maps fill land and never stroke it, so the joins do not
/// show.
pub fn clip_ring(ring: &[LonLat], b: &Bbox) -> Vec<LonLat> {
    let mut out = ring.to_vec();
    for edge in 0..4 {
        let Some(&last) = out.last() else { break };
        let input = std::mem::take(&mut out);
        let inside = |p: LonLat| match edge {
            0 => p.0 >= b.west,
            1 => p.0 <= b.east,
            2 => p.1 >= b.south,
            _ => p.1 <= b.north,
        };
        // Where segment p–q meets the edge: only asked when one end is inside and the
        // other not, so the division is by a non-zero difference.
        let cross = |p: LonLat, q: LonLat| -> LonLat {
            match edge {
                0 | 1 => {
                    let x = if edge == 0 { b.west } else { b.east };
                    (x, p.1 + (x - p.0) / (q.0 - p.0) * (q.1 - p.1))
                }
                _ => {
                    let y = if edge == 2 { b.south } else { b.north };
                    (p.0 + (y - p.1) / (q.1 - p.1) * (q.0 - p.0), y)
                }
            }
        };
        let mut prev = last;
        for &cur in &input {
            match (inside(prev), inside(cur)) {
                (true, true) => out.push(cur),
                (true, false) => out.push(cross(prev, cur)),
                (false, true) => {
                    out.push(cross(prev, cur));
                    out.push(cur);
                }
                (false, false) => {}
            }
            prev = cur;
        }
    }
    out
}

/// The segment p–q cut to `b` (Liang–Barsky), or `None` when it misses the box. An end
/// inside the box is returned as it is, so consecutive segments still join exactly.
fn clip_segment(p: LonLat, q: LonLat, b: &Bbox) -> Option<(LonLat, LonLat)> {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (pk, qk) in [
        (-dx, p.0 - b.west),
        (dx, b.east - p.0),
        (-dy, p.1 - b.south),
        (dy, b.north - p.1),
    ] {
        if pk == 0.0 {
            if qk < 0.0 {
                return None;
            }
            continue;
        }
        let r = qk / pk;
        if pk < 0.0 {
            if r > t1 {
                return None;
            }
            t0 = t0.max(r);
        } else {
            if r < t0 {
                return None;
            }
            t1 = t1.min(r);
        }
    }
    let at = |t: f64| match t {
        0.0 => p,
        1.0 => q,
        _ => (p.0 + t * dx, p.1 + t * dy),
    };
    Some((at(t0), at(t1)))
}

/// The pieces of open line `line` inside `b`, each of two points or more.
pub fn clip_line(line: &[LonLat], b: &Bbox) -> Vec<Vec<LonLat>> {
    let mut pieces = Vec::new();
    let mut cur: Vec<LonLat> = Vec::new();
    for w in line.windows(2) {
        let Some((a, c)) = clip_segment(w[0], w[1], b) else {
            if cur.len() >= 2 {
                pieces.push(std::mem::take(&mut cur));
            }
            cur.clear();
            continue;
        };
        if cur.last() != Some(&a) {
            if cur.len() >= 2 {
                pieces.push(std::mem::take(&mut cur));
            }
            cur.clear();
            cur.push(a);
        }
        cur.push(c);
    }
    if cur.len() >= 2 {
        pieces.push(cur);
    }
    pieces
}

/// How longitude and latitude become SVG units (y down).
#[derive(Debug, Clone, Copy)]
pub enum Projection {
    /// Plate carrée with longitudes shrunk by the cosine of the view's middle latitude:
    /// shapes keep their proportions near the place a locator shows, and the view box of
    /// longitude and latitude stays a rectangle.
    Local {
        west: f64,
        north: f64,
        kx: f64,
        ky: f64,
    },
    /// Equal Earth (Šavrič, Patterson and Jenny, 2018) for the world map: equal areas, so
    /// markers sized by area compare; `x0`, `y0` place the origin (0°, 0°).
    EqualEarth { scale: f64, x0: f64, y0: f64 },
}

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Equal Earth on the unit sphere, y up.
pub fn equal_earth((lon, lat): LonLat) -> (f64, f64) {
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = 2.0 * 3f64.sqrt() * lon.to_radians() * theta.cos()
        / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
    (x, y)
}

impl Projection {
    /// Where `p` is drawn.
    pub fn xy(&self, p: LonLat) -> (f64, f64) {
        match *self {
            Projection::Local {
                west,
                north,
                kx,
                ky,
            } => ((p.0 - west) * kx, (north - p.1) * ky),
            Projection::EqualEarth { scale, x0, y0 } => {
                let (x, y) = equal_earth(p);
                (x0 + x * scale, y0 - y * scale)
            }
        }
    }

    /// The longest step, in degrees, drawn as a straight line: Equal Earth bends meridians,
    /// so a long edge (the clip along ±180°) is cut into steps first.
    fn step(&self) -> Option<f64> {
        match self {
            Projection::Local { .. } => None,
            Projection::EqualEarth { .. } => Some(2.0),
        }
    }

    /// `points` projected, long edges cut into steps; the closing edge too when `closed`.
    pub fn path(&self, points: &[LonLat], closed: bool) -> Vec<(f64, f64)> {
        let mut out = Vec::with_capacity(points.len());
        let n = points.len();
        let edges = if closed { n } else { n.saturating_sub(1) };
        if let Some(&first) = points.first() {
            out.push(self.xy(first));
        }
        for i in 0..edges {
            let (p, q) = (points[i], points[(i + 1) % n]);
            if let Some(step) = self.step() {
                let span = (q.0 - p.0).abs().max((q.1 - p.1).abs());
                // At most 180 steps: a span is at most 360° of longitude.
                let steps = (span / step).ceil().clamp(1.0, 180.0) as usize;
                for s in 1..steps {
                    let t = s as f64 / steps as f64;
                    out.push(self.xy((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1))));
                }
            }
            if i + 1 < n {
                out.push(self.xy(q));
            }
        }
        out
    }
}

/// SVG path data in whole units: each subpath an absolute `M`, then relative steps, so a
/// coastline of short steps costs a few characters a point. Points that round to the one
/// before are left out.
#[derive(Debug, Default)]
pub struct PathData {
    d: String,
}

impl PathData {
    /// Adds a subpath through `points` (projected), closed with `z` when `closed`. A ring
    /// that rounds to fewer than three points, or a line to fewer than two, is left out.
    pub fn add(&mut self, points: &[(f64, f64)], closed: bool) {
        let mut pts: Vec<(i64, i64)> = Vec::with_capacity(points.len());
        for &(x, y) in points {
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            let p = (x.round() as i64, y.round() as i64);
            if pts.last() != Some(&p) {
                pts.push(p);
            }
        }
        if closed && pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if pts.len() < if closed { 3 } else { 2 } {
            return;
        }
        use std::fmt::Write;
        let (x0, y0) = pts[0];
        let _ = write!(self.d, "M{x0}");
        number(&mut self.d, y0);
        self.d.push('l');
        let mut prev = pts[0];
        for (i, &(x, y)) in pts.iter().enumerate().skip(1) {
            // Right after `l` a number needs no separator.
            if i == 1 {
                let _ = write!(self.d, "{}", x - prev.0);
            } else {
                number(&mut self.d, x - prev.0);
            }
            number(&mut self.d, y - prev.1);
            prev = (x, y);
        }
        if closed {
            self.d.push('z');
        }
    }

    /// The path data.
    pub fn finish(self) -> String {
        self.d
    }
}

/// `v` after a number: a minus sign separates it, else a space.
fn number(out: &mut String, v: i64) {
    use std::fmt::Write;
    if v >= 0 {
        out.push(' ');
    }
    let _ = write!(out, "{v}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(ring: &[LonLat]) -> f64 {
        let n = ring.len();
        (0..n)
            .map(|i| {
                let (p, q) = (ring[i], ring[(i + 1) % n]);
                p.0 * q.1 - q.0 * p.1
            })
            .sum::<f64>()
            .abs()
            / 2.0
    }

    const BOX: Bbox = Bbox {
        west: 0.0,
        south: 0.0,
        east: 10.0,
        north: 10.0,
    };

    #[test]
    fn a_ring_across_the_box_edge_keeps_the_part_inside() {
        // A 10 × 10 square half outside the box's east edge.
        let ring = [(5.0, 2.0), (15.0, 2.0), (15.0, 8.0), (5.0, 8.0)];
        let clipped = clip_ring(&ring, &BOX);
        assert!((area(&clipped) - 30.0).abs() < 1e-9, "{clipped:?}");
        assert!(clipped.iter().all(|&p| BOX.contains(p)), "{clipped:?}");
        // Wholly outside: nothing; wholly inside: itself.
        assert!(clip_ring(&[(20.0, 1.0), (30.0, 1.0), (25.0, 5.0)], &BOX).is_empty());
        let inside = [(1.0, 1.0), (2.0, 1.0), (2.0, 2.0)];
        assert_eq!(clip_ring(&inside, &BOX), inside);
    }

    #[test]
    fn a_ring_round_the_box_becomes_the_box() {
        let ring = [(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)];
        assert!((area(&clip_ring(&ring, &BOX)) - 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_line_through_the_box_twice_comes_back_in_two_pieces() {
        let line = [
            (-5.0, 5.0),
            (5.0, 5.0),
            (5.0, 20.0),
            (8.0, 20.0),
            (8.0, 5.0),
        ];
        let pieces = clip_line(&line, &BOX);
        assert_eq!(
            pieces,
            vec![
                vec![(0.0, 5.0), (5.0, 5.0), (5.0, 10.0)],
                vec![(8.0, 10.0), (8.0, 5.0)]
            ]
        );
        assert!(clip_line(&[(20.0, 20.0), (30.0, 30.0)], &BOX).is_empty());
    }

    #[test]
    fn equal_earth_is_symmetric_and_has_its_published_extent() {
        let (x, y) = equal_earth((180.0, 0.0));
        assert!((x - 2.7066).abs() < 1e-3 && y == 0.0, "{x} {y}");
        let (x, y) = equal_earth((0.0, 90.0));
        assert!(x == 0.0 && (y - 1.3173).abs() < 1e-3, "{x} {y}");
        let (a, b) = (equal_earth((-30.0, -40.0)), equal_earth((30.0, 40.0)));
        assert!((a.0 + b.0).abs() < 1e-12 && (a.1 + b.1).abs() < 1e-12);
    }

    #[test]
    fn path_data_is_relative_whole_units_without_repeats() {
        let mut d = PathData::default();
        d.add(
            &[(10.2, 20.7), (12.0, 20.6), (12.4, 21.0), (9.0, 25.0)],
            true,
        );
        d.add(&[(1.0, 1.0), (1.2, 0.9)], false);
        d.add(&[(1.0, 1.0), (f64::NAN, 2.0), (3.0, -4.0)], false);
        assert_eq!(d.finish(), "M10 21l2 0-3 4zM1 1l2-5");
    }

    #[test]
    fn equal_earth_bends_a_long_meridian_into_steps() {
        let p = Projection::EqualEarth {
            scale: 100.0,
            x0: 0.0,
            y0: 0.0,
        };
        let pts = p.path(&[(180.0, -60.0), (180.0, 60.0)], false);
        assert_eq!(pts.len(), 61);
        // The meridian bulges outwards at the equator.
        assert!(pts[30].0 > pts[0].0 + 10.0, "{pts:?}");
    }
}
