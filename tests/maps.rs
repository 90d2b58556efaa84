//! Place maps, as a reader sees them: every place page of the sample site locates its place
//! inside the drawing; a place without coordinates is shown at the nearest enclosing place
//! that has them, and says so; a site without coordinates has no map; the world map of
//! `/places/` links every located place; coordinates off the globe are refused, not drawn.

mod common;
use common::*;

/// The text of the first element starting with `open` up to its closing `close`.
fn element<'a>(html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = html.find(open)?;
    let end = html[start..].find(close)? + start + close.len();
    Some(&html[start..end])
}

/// The value of attribute `name` in the first tag of `tag` (`<circle class="marker" …>`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let end = tag[i..].find('"')? + i;
    Some(tag[i..end].to_string())
}

/// Width and height of the `viewBox` of the map in `figure`.
fn view_box(figure: &str) -> (f64, f64) {
    let vb = attr(figure, "viewBox").expect("a viewBox");
    let n: Vec<f64> = vb.split(' ').map(|v| v.parse().expect("number")).collect();
    assert_eq!(n[..2], [0.0, 0.0], "{vb}");
    (n[2], n[3])
}

/// The centre of the circle of class `class` in `figure`.
fn circle(figure: &str, class: &str) -> (f64, f64) {
    let tag = element(figure, &format!("<circle class=\"{class}"), ">").expect("the circle");
    let num = |n| {
        attr(tag, n)
            .and_then(|v| v.parse().ok())
            .expect("cx and cy")
    };
    (num("cx"), num("cy"))
}

fn locator(html: &str) -> Option<&str> {
    element(html, "<figure class=\"map locator\">", "</figure>")
}

#[test]
fn every_place_page_of_the_sample_site_marks_its_place_inside_the_map() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    let mut seen = 0;
    for entry in std::fs::read_dir(out.join("places")).unwrap() {
        let page = entry.unwrap().path().join("index.html");
        if !page.is_file() {
            continue;
        }
        let html = std::fs::read_to_string(&page).unwrap();
        let map = locator(&html).unwrap_or_else(|| panic!("{}: no map", page.display()));
        let (w, h) = view_box(map);
        let (x, y) = circle(map, "marker");
        assert!(
            (0.0..=w).contains(&x) && (0.0..=h).contains(&y),
            "{}: marker ({x}, {y}) outside 0 0 {w} {h}",
            page.display()
        );
        // Land is drawn, and the map is an image with a name.
        let land = element(map, "<path class=\"land\"", ">").unwrap();
        assert!(
            attr(land, "d").is_some_and(|d| d.starts_with('M')),
            "{land}"
        );
        assert!(map.contains("role=\"img\" aria-label=\"Map of the area around"));
        // The OpenStreetMap link stays.
        assert!(html.contains(">Map on OpenStreetMap</a>"));
        seen += 1;
    }
    assert_eq!(seen, 12);
    // Later pages of a place carry no map; the sample's lists fit on page 1, so check the
    // world map instead: one link per place, each to its page.
    let index = std::fs::read_to_string(out.join("places/index.html")).unwrap();
    let world = element(&index, "<figure class=\"map world\">", "</figure>").expect("a map");
    let marked = links(world);
    assert_eq!(marked.len(), 12, "{marked:?}");
    assert!(marked.contains(&"../places/kyiv/index.html".to_string()));
    assert!(
        world.contains("aria-label=\"Kyiv: 5 briefings\""),
        "{world}"
    );
}

const UKRAINE: &str = "---\nname: Ukraine\nkind: country\ncoords: [49.0, 31.4]\n---\n";
const DONETSK: &str = "---\nname: Donetsk Oblast\nkind: region\nwithin: ukraine\n---\n";
const POKROVSK: &str = "---\nname: Pokrovsk\nkind: city\nwithin: donetsk-oblast\n---\n";
const BRIEFING: &str =
    "---\ntitle: Front line\ndate: 2025-11-20\nplaces: [Pokrovsk, Ukraine]\n---\nText.\n";

#[test]
fn a_place_without_coordinates_is_shown_at_the_nearest_enclosing_place_that_has_them() {
    let site = TestSite::new(&[
        ("content/places/ukraine.md", UKRAINE),
        ("content/places/donetsk-oblast.md", DONETSK),
        ("content/places/pokrovsk.md", POKROVSK),
        ("content/briefings/2025-11-20-front.md", BRIEFING),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ukraine = site.page("places/ukraine/index.html");
    let own = locator(&ukraine).expect("Ukraine's map");
    assert!(
        own.contains("<figcaption>Location of Ukraine</figcaption>"),
        "{own}"
    );
    // Two levels down, Pokrovsk takes Ukraine's coordinates, and its map is Ukraine's.
    for (page, name) in [
        ("places/pokrovsk/index.html", "Pokrovsk"),
        ("places/donetsk-oblast/index.html", "Donetsk Oblast"),
    ] {
        let html = site.page(page);
        let map = locator(&html).unwrap_or_else(|| panic!("{page}: no map"));
        assert!(
            map.contains(&format!(
                "Location of {name}, shown at <a href=\"../../places/ukraine/index.html\">Ukraine</a>"
            )),
            "{map}"
        );
        assert_eq!(
            circle(map, "marker approx"),
            circle(own, "marker"),
            "{page}"
        );
        assert_eq!(view_box(map), view_box(own));
        assert!(map.contains("has no coordinates of its own"), "{map}");
    }
    // On the world map too, with the place it is shown at in its name.
    let index = site.page("places/index.html");
    assert!(
        index.contains("aria-label=\"Pokrovsk: 1 briefing (shown at Ukraine)\""),
        "{index}"
    );
}

#[test]
fn a_site_without_coordinates_has_no_map() {
    let site = TestSite::new(&[
        (
            "content/places/ukraine.md",
            "---\nname: Ukraine\nkind: country\n---\n",
        ),
        ("content/places/donetsk-oblast.md", DONETSK),
        ("content/places/pokrovsk.md", POKROVSK),
        ("content/briefings/2025-11-20-front.md", BRIEFING),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    for page in [
        "places/index.html",
        "places/ukraine/index.html",
        "places/pokrovsk/index.html",
    ] {
        let html = site.page(page);
        assert!(html.contains("<h1>"), "{page}");
        assert!(!html.contains("class=\"map"), "{page}: {html}");
        assert!(!html.contains("<svg viewBox=\"0 0 400"), "{page}");
    }
}

#[test]
fn coordinates_off_the_globe_are_refused_and_nothing_is_drawn_at_them() {
    for (coords, case) in [
        ("[1000, 5]", "latitude past the pole"),
        ("[5, 1000]", "longitude past the antimeridian"),
        ("[nan, 5]", "not a number"),
        ("[.nan, 5]", "YAML's not a number"),
        ("[inf, 5]", "infinite"),
        ("[1e309, 5]", "overflowing"),
        ("[5]", "one number"),
        ("[\"a\", \"b\"]", "words"),
    ] {
        let site = TestSite::new(&[
            (
                "content/places/odd.md",
                &format!("---\nname: Odd\ncoords: {coords}\n---\n"),
            ),
            (
                "content/briefings/2025-11-20-odd.md",
                "---\ntitle: Odd\ndate: 2025-11-20\nplaces: [Odd]\n---\nText.\n",
            ),
        ]);
        let r = site.build();
        // Refused like any bad field (an error, exit 1), never a panic (101).
        assert_eq!(r.code, 1, "{case}: {}", r.stderr);
        assert!(
            r.stderr
                .contains("`coords` must be [latitude, longitude] in degrees"),
            "{case}: {}",
            r.stderr
        );
    }
    // At the edges of the globe, the marker is still inside the drawing.
    for coords in ["[90, 180]", "[-90, -180]", "[89, 179]", "[-17.5, 179.9]"] {
        let site = TestSite::new(&[(
            "content/places/edge.md",
            &format!("---\nname: Edge\nkind: city\ncoords: {coords}\n---\n"),
        )]);
        let r = site.build();
        assert_eq!(r.code, 0, "{coords}: {}", r.stderr);
        for (page, class, figure) in [
            (
                "places/edge/index.html",
                "marker",
                "<figure class=\"map locator\">",
            ),
            (
                "places/index.html",
                "marker",
                "<figure class=\"map world\">",
            ),
        ] {
            let html = site.page(page);
            let map = element(&html, figure, "</figure>").expect("a map");
            let (w, h) = view_box(map);
            let (x, y) = circle(map, class);
            assert!(
                (0.0..=w).contains(&x) && (0.0..=h).contains(&y),
                "{coords} {page}: ({x}, {y}) outside {w} × {h}"
            );
            assert!(
                !map.contains("NaN") && !map.contains("inf"),
                "{coords}: {map}"
            );
        }
    }
}
