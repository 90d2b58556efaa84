//! Maps drawn at build time as inline SVG, from the world outline the default theme ships:
//! a locator around one place, and the world with a marker per place. No tiles and no
//! script: this module computes the land, the borders and where points fall; the pages
//! module decides what is marked and the templates place the shapes.

pub mod geometry;
pub mod outline;

use geometry::{Bbox, LonLat, PathData, Projection, clip_line, clip_ring, equal_earth};

/// Width of a locator's drawing, in SVG units.
pub const LOCATOR_WIDTH: f64 = 400.0;
/// A locator's width over its height, unless it shows the whole globe's width.
const LOCATOR_ASPECT: f64 = 1.6;
/// The widest latitude span a locator shows (sub-places far apart widen it up to this).
const LOCATOR_MAX_SPAN: f64 = 90.0;
/// Latitude whose cosine is the least a locator shrinks longitudes by: near the poles a
/// true-proportion view would be hundreds of degrees wide.
const LOCATOR_MAX_LAT: f64 = 70.0;
/// Width of the world map's drawing, in SVG units.
pub const WORLD_WIDTH: f64 = 960.0;
/// The latitudes the world map shows at least (Antarctica and the high Arctic sea are left
/// out unless a place is there).
const WORLD_SOUTH: f64 = -57.0;
const WORLD_NORTH: f64 = 84.0;

/// A map's drawing: land and borders as SVG path data, and how to place points on it.
#[derive(Debug)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    /// The outline of the drawing's area: the rectangle of a locator, the rounded shape of
    /// Equal Earth on the world map.
    pub frame: String,
    pub land: String,
    pub borders: String,
    projection: Projection,
    view: Bbox,
}

impl Drawing {
    /// Where `p` falls on the drawing, or `None` when it is out of view (or not a
    /// longitude and latitude at all). A view across the antimeridian finds a point 360°
    /// away.
    pub fn point(&self, (lon, lat): LonLat) -> Option<(f64, f64)> {
        if !(lon.is_finite() && lat.is_finite()) {
            return None;
        }
        let p = [0.0, 360.0, -360.0]
            .into_iter()
            .map(|s| (lon + s, lat))
            .find(|&p| self.view.contains(p))?;
        Some(self.projection.xy(p))
    }
}

/// `lat` inside [-90, 90] and `lon` inside [-180, 180], or `None` for values that are not
/// coordinates: the parser allows only those, but a map never trusts its input to be
/// finite.
fn sane((lon, lat): LonLat) -> Option<LonLat> {
    (lon.is_finite() && lat.is_finite()).then(|| (wrap(lon), lat.clamp(-90.0, 90.0)))
}

/// `lon` moved by whole turns into [-180, 180).
fn wrap(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

/// A locator around `centre`, at least `span` degrees of latitude tall, widened to hold
/// each of `around` (sub-places) up to a 90° span; `None` if `centre` is not a place on
/// Earth.
pub fn locator(centre: LonLat, span: f64, around: &[LonLat]) -> Option<Drawing> {
    let (lon, lat) = sane(centre)?;
    let span = if span.is_finite() { span } else { 10.0 };
    let mut half_h = span.clamp(1.0, LOCATOR_MAX_SPAN) / 2.0;
    let mut half_w = 0.0f64;
    for &p in around {
        let Some((alon, alat)) = sane(p) else {
            continue;
        };
        // The copy of the point nearest the centre (across the antimeridian).
        let dlon = wrap(alon - lon);
        // A margin, so that a dot does not sit on the frame.
        half_h = half_h.max((alat - lat).abs() * 1.15 + 0.5);
        half_w = half_w.max(dlon.abs() * 1.15 + 0.5);
    }
    half_h = half_h.min(LOCATOR_MAX_SPAN / 2.0);
    // The latitude band, moved to stay on the globe.
    let south = (lat - half_h).max(-90.0);
    let north = (south + 2.0 * half_h).min(90.0);
    let south = north - 2.0 * half_h;
    let cos = ((south + north) / 2.0)
        .clamp(-LOCATOR_MAX_LAT, LOCATOR_MAX_LAT)
        .to_radians()
        .cos();
    let half_w = (half_h * LOCATOR_ASPECT / cos)
        .max(half_w.min(LOCATOR_MAX_SPAN))
        .min(180.0);
    let view = Bbox {
        west: lon - half_w,
        east: lon + half_w,
        south,
        north,
    };
    let kx = LOCATOR_WIDTH / (2.0 * half_w);
    let ky = kx / cos;
    let projection = Projection::Local {
        west: view.west,
        north: view.north,
        kx,
        ky,
    };
    // Rounded up, so that a point on the bottom edge stays inside the viewBox.
    let height = ((north - south) * ky).ceil();
    let frame = format!("M0 0H{LOCATOR_WIDTH}V{height}H0z");
    Some(draw(view, projection, LOCATOR_WIDTH, height, frame))
}

/// The world in Equal Earth, from 57° S to 84° N, or further to hold each of `places`.
pub fn world(places: &[LonLat]) -> Drawing {
    let (mut south, mut north) = (WORLD_SOUTH, WORLD_NORTH);
    for p in places.iter().filter_map(|&p| sane(p)) {
        south = south.min(p.1 - 3.0);
        north = north.max(p.1 + 3.0);
    }
    let (south, north) = (south.max(-90.0), north.min(90.0));
    let view = Bbox {
        west: -180.0,
        east: 180.0,
        south,
        north,
    };
    let x_max = equal_earth((180.0, 0.0)).0;
    let scale = WORLD_WIDTH / (2.0 * x_max);
    let (top, bottom) = (equal_earth((0.0, north)).1, equal_earth((0.0, south)).1);
    let projection = Projection::EqualEarth {
        scale,
        x0: WORLD_WIDTH / 2.0,
        y0: top * scale,
    };
    let height = ((top - bottom) * scale).ceil();
    let mut frame = PathData::default();
    let corners = [
        (-180.0, south),
        (-180.0, north),
        (180.0, north),
        (180.0, south),
    ];
    frame.add(&projection.path(&corners, true), true);
    draw(view, projection, WORLD_WIDTH, height, frame.finish())
}

/// The land and borders of the outline inside `view`, projected.
fn draw(view: Bbox, projection: Projection, width: f64, height: f64, frame: String) -> Drawing {
    let world = outline::world();
    let mut land = PathData::default();
    let mut borders = PathData::default();
    // Each shape, and its copies a turn east and west when the view runs past ±180°.
    for shift in [-360.0, 0.0, 360.0] {
        let seen = view.shifted(-shift);
        for s in world.land.iter().filter(|s| s.bbox.meets(&seen)) {
            let moved: Vec<LonLat> = s.points.iter().map(|&(x, y)| (x + shift, y)).collect();
            let ring = match view.holds(&s.bbox.shifted(shift)) {
                true => moved,
                false => clip_ring(&moved, &view),
            };
            land.add(&projection.path(&ring, true), true);
        }
        for s in world.borders.iter().filter(|s| s.bbox.meets(&seen)) {
            let moved: Vec<LonLat> = s.points.iter().map(|&(x, y)| (x + shift, y)).collect();
            for piece in clip_line(&moved, &view) {
                borders.add(&projection.path(&piece, false), false);
            }
        }
    }
    Drawing {
        width,
        height,
        frame,
        land: land.finish(),
        borders: borders.finish(),
        projection,
        view,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(d: &Drawing, (x, y): (f64, f64)) -> bool {
        (0.0..=d.width).contains(&x) && (0.0..=d.height).contains(&y)
    }

    /// Every number of path data `d`, which must hold nothing else but commands.
    fn numbers(d: &str) -> Vec<f64> {
        assert!(
            d.chars()
                .all(|c| c.is_ascii_digit() || " -.MlzHVh".contains(c)),
            "{d}"
        );
        let spaced: String = d
            .chars()
            .flat_map(|c| match c {
                '-' => vec![' ', '-'],
                c if c.is_ascii_alphabetic() => vec![' '],
                c => vec![c],
            })
            .collect();
        spaced
            .split_ascii_whitespace()
            .map(|s| s.parse::<f64>().expect("a number"))
            .collect()
    }

    #[test]
    fn a_locator_marks_its_place_inside_and_shows_land() {
        // Kyiv.
        let d = locator((30.52, 50.45), 8.0, &[]).expect("a map");
        let (x, y) = d.point((30.52, 50.45)).expect("in view");
        assert!((x - d.width / 2.0).abs() < 1.0, "{x}");
        assert!(inside(&d, (x, y)));
        assert!(d.land.starts_with("M") && d.borders.len() > 100, "{d:?}");
        assert!(numbers(&d.land).iter().all(|v| v.is_finite()));
        // A 16:10 picture, never taller than wide.
        assert!((d.width / d.height - 1.6).abs() < 0.05, "{}", d.height);
    }

    #[test]
    fn a_locator_across_the_antimeridian_draws_both_sides() {
        // Fiji's main islands lie on both sides of 180°.
        let d = locator((179.0, -17.5), 8.0, &[(-179.5, -16.5)]).expect("a map");
        let me = d.point((179.0, -17.5)).expect("in view");
        let east = d.point((-179.5, -16.5)).expect("in view, 360° round");
        assert!(east.0 > me.0, "{me:?} {east:?}");
        assert!(!d.land.is_empty());
        // Land on both halves of the drawing.
        let mut xs = Vec::new();
        for sub in d.land.split('M').filter(|s| !s.is_empty()) {
            xs.push(numbers(sub)[0]);
        }
        assert!(xs.iter().any(|&x| x < d.width / 2.0), "{xs:?}");
        assert!(xs.iter().any(|&x| x > d.width / 2.0), "{xs:?}");
    }

    #[test]
    fn a_locator_near_the_pole_and_the_antimeridian_stays_in_bounds() {
        let d = locator((179.0, 89.0), 8.0, &[]).expect("a map");
        let p = d.point((179.0, 89.0)).expect("in view");
        assert!(inside(&d, p), "{p:?} {d:?}");
        assert!(d.height.is_finite() && d.height > 10.0 && d.height <= d.width * 2.0);
        for v in numbers(&d.land).into_iter().chain(numbers(&d.borders)) {
            assert!(v.is_finite() && v.abs() < 10_000.0, "{v}");
        }
        for corner in [(-180.0, -90.0), (180.0, 90.0), (0.0, 0.0)] {
            assert!(locator(corner, 8.0, &[corner]).is_some(), "{corner:?}");
        }
    }

    #[test]
    fn a_locator_of_what_is_not_a_place_is_none_and_bad_dots_are_ignored() {
        assert!(locator((f64::NAN, 10.0), 8.0, &[]).is_none());
        assert!(locator((10.0, f64::INFINITY), 8.0, &[]).is_none());
        // Out-of-range values are brought onto the globe rather than drawn off it.
        let d = locator((10.0, 1000.0), f64::NAN, &[(f64::NAN, 0.0), (1e300, 5.0)])
            .expect("clamped to the pole");
        assert!(d.height.is_finite() && d.width.is_finite());
        assert!(d.point((f64::NAN, 1.0)).is_none());
    }

    #[test]
    fn sub_places_widen_a_locator() {
        let alone = locator((30.0, 50.0), 8.0, &[]).expect("a map");
        let wide = locator((30.0, 50.0), 8.0, &[(40.0, 45.0), (22.0, 52.0)]).expect("a map");
        for p in [(40.0, 45.0), (22.0, 52.0)] {
            assert!(inside(&wide, wide.point(p).expect("in view")), "{p:?}");
        }
        assert!(alone.point((40.0, 45.0)).is_none());
    }

    #[test]
    fn the_world_map_holds_every_place_and_is_deterministic() {
        let places = [(179.0, 89.0), (-179.9, -85.0), (0.0, 0.0), (30.5, 50.4)];
        let d = world(&places);
        for p in places {
            let xy = d.point(p).expect("in view");
            assert!(inside(&d, xy), "{p:?} {xy:?}");
        }
        let again = world(&places);
        assert_eq!(
            (d.land, d.borders, d.frame),
            (again.land, again.borders, again.frame)
        );
        // Without a place at the poles, the map stops short of them.
        let plain = world(&[(0.0, 0.0)]);
        assert!(plain.height < d.height && plain.point((0.0, -80.0)).is_none());
        assert!(
            plain.land.len() > 5_000 && plain.land.len() < 40_000,
            "{}",
            plain.land.len()
        );
    }
}
