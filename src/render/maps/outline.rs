//! The world outline the maps are drawn from: Natural Earth's 1:110m land and borders
//! between countries, shipped with the default theme (`themes/default/maps/world-110m.txt`,
//! written by `scripts/world-outline.mjs`) and read once per process.

use super::geometry::{Bbox, LonLat};
use std::sync::OnceLock;

/// A ring of land or a border line, with its box (to skip it cheaply when out of view).
#[derive(Debug)]
pub struct Shape {
    pub points: Vec<LonLat>,
    pub bbox: Bbox,
}

/// Land rings and borders. Longitudes of a shape across the antimeridian run past ±180°.
#[derive(Debug, Default)]
pub struct Outline {
    pub land: Vec<Shape>,
    pub borders: Vec<Shape>,
}

/// The default theme's outline, read on first use.
pub fn world() -> &'static Outline {
    static WORLD: OnceLock<Outline> = OnceLock::new();
    WORLD.get_or_init(|| parse(crate::render::theme::default_outline()))
}

/// Reads the outline format (see `scripts/world-outline.mjs`): `L` and `B` lines of
/// integers, tenths of a degree, the first point absolute and the others relative. A line
/// that does not read is left out: the file is the theme's own, and a test reads it whole.
pub fn parse(text: &str) -> Outline {
    let mut out = Outline::default();
    for line in text.lines() {
        let mut words = line.split_ascii_whitespace();
        let list = match words.next() {
            Some("L") => &mut out.land,
            Some("B") => &mut out.borders,
            _ => continue,
        };
        let Ok(nums) = words
            .map(str::parse::<i32>)
            .collect::<Result<Vec<i32>, _>>()
        else {
            continue;
        };
        if nums.len() < 4 || nums.len() % 2 != 0 {
            continue;
        }
        let (mut lon, mut lat) = (0i64, 0i64);
        let points: Vec<LonLat> = nums
            .chunks_exact(2)
            .map(|c| {
                lon += i64::from(c[0]);
                lat += i64::from(c[1]);
                (lon as f64 / 10.0, lat as f64 / 10.0)
            })
            .collect();
        list.push(Shape {
            bbox: Bbox::of(&points),
            points,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_outline_reads_whole() {
        let text = crate::render::theme::default_outline();
        let lines = text.lines().filter(|l| !l.starts_with('#')).count();
        let w = world();
        assert_eq!(w.land.len() + w.borders.len(), lines);
        assert!(w.land.len() > 100 && w.borders.len() > 100, "{w:?}");
        for s in w.land.iter().chain(&w.borders) {
            assert!(
                s.bbox.south >= -90.0 && s.bbox.north <= 90.0,
                "{:?}",
                s.bbox
            );
            assert!(
                s.bbox.west >= -540.0 && s.bbox.east <= 540.0,
                "{:?}",
                s.bbox
            );
        }
        // Small enough to ship in the binary and parse at once.
        assert!(text.len() < 60_000, "{}", text.len());
    }

    #[test]
    fn lines_are_relative_and_bad_lines_are_left_out() {
        let o = parse("# note\nL 10 20 5 0 0 5\nB 1 2 -3 4\nL 1 x 2 3\nB 1 2 3\nQ 1 2 3 4\n");
        assert_eq!(o.land.len(), 1);
        assert_eq!(o.land[0].points, vec![(1.0, 2.0), (1.5, 2.0), (1.5, 2.5)]);
        assert_eq!(o.borders.len(), 1);
        assert_eq!(o.borders[0].points, vec![(0.1, 0.2), (-0.2, 0.6)]);
    }
}
