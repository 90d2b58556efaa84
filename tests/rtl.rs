//! Right to left: the Arabic demo site (tests/fixtures/arabic, `language: ar`) builds clean,
//! every page says `dir="rtl"`, charts with a time axis run right to left (the oldest stance
//! on the right), maps stay geography, and names in another script than the page keep their
//! own direction. The same site in English runs left to right, the charts drawn back.

mod common;
use common::*;

/// The site of tests/fixtures/arabic, built, with `language:` set to `language`.
fn built(language: &str) -> TestSite {
    let site = TestSite::fixture("arabic");
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    site.write(
        "site.yaml",
        &yaml.replace("language: ar\n", &format!("language: {language}\n")),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.diagnostics().is_empty(), "{}", run.stderr);
    site
}

/// The text from `from` to the next `to` after it, both included.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from}"));
    let after = start + from.len();
    let len = html[after..].find(to).unwrap_or_else(|| panic!("no {to}")) + to.len();
    &html[start..after + len]
}

/// The number after `key="` in `tag`.
fn number(tag: &str, key: &str) -> f64 {
    let at = tag
        .find(&format!(" {key}=\""))
        .unwrap_or_else(|| panic!("{key} in {tag}"));
    let rest = &tag[at + key.len() + 3..];
    rest[..rest.find('"').expect("closing quote")]
        .parse()
        .unwrap_or_else(|e| panic!("{key} in {tag}: {e}"))
}

/// The value of attribute `key` of the first `<text>` holding `label`.
fn text_attr<'a>(svg: &'a str, label: &str, key: &str) -> &'a str {
    let end = svg
        .find(&format!(">{label}</text>"))
        .unwrap_or_else(|| panic!("{label}"));
    let tag = &svg[svg[..end].rfind("<text").expect("<text")..end];
    let at = tag
        .find(&format!(" {key}=\""))
        .unwrap_or_else(|| panic!("{key} in {tag}"));
    let rest = &tag[at + key.len() + 3..];
    &rest[..rest.find('"').expect("closing quote")]
}

/// The stance chart's row of `name` on a topic page (its wide drawing): the x of the mark
/// of each position, in the order the row draws them.
fn marks(page: &str, name: &str) -> Vec<(String, f64)> {
    let svg = between(page, "<svg class=\"stance-chart wide\"", "</svg>");
    let row = svg
        .split("<g class=\"row\">")
        .find(|r| r.contains(&format!(">{name}</text>")))
        .unwrap_or_else(|| panic!("no row of {name}"));
    let mut out = Vec::new();
    for part in row.split("<path class=\"pos-").skip(1) {
        let position = part[..part.find('"').expect("class")].to_string();
        let d = between(part, "d=\"", "\"");
        for m in d.split('M').skip(1) {
            let x: f64 = m[..m.find(' ').expect("x y")].parse().expect("x");
            out.push((position.clone(), x));
        }
    }
    out
}

#[test]
fn every_page_of_the_arabic_site_runs_right_to_left_and_its_links_resolve() {
    let site = built("ar");
    let mut pages = 0;
    for (rel, bytes) in snapshot(&site.out()) {
        if rel.ends_with(".html") {
            let html = String::from_utf8(bytes).expect("utf-8");
            assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{rel}");
            pages += 1;
        }
    }
    assert!(pages >= 40, "{pages} pages");
    assert_eq!(broken_links(&site.out(), "/ar/"), Vec::<String>::new());
    // Regional variants run as their language does; the same site in English does not.
    let site = built("ar-EG");
    assert!(
        site.page("index.html")
            .contains("<html lang=\"ar-EG\" dir=\"rtl\">")
    );
    let site = built("en");
    assert!(
        site.page("index.html")
            .contains("<html lang=\"en\" dir=\"ltr\">")
    );
}

#[test]
fn the_stance_chart_runs_right_to_left_with_names_on_the_right() {
    let (ar, en) = (built("ar"), built("en"));
    let (page_ar, page_en) = (
        ar.page("topics/ceasefire/index.html"),
        en.page("topics/ceasefire/index.html"),
    );
    // Mountain Front went from opposes (1 Sep) to mixed (22 Sep) to supports (27 Oct).
    let front = marks(&page_ar, "جبهة الجبل");
    let at = |p: &str| front.iter().find(|m| m.0 == p).expect(p).1;
    assert!(
        at("opposes") > at("mixed") && at("mixed") > at("supports"),
        "the oldest stance is on the right: {front:?}"
    );
    let svg = between(&page_ar, "<svg class=\"stance-chart wide\"", "</svg>");
    let name_x: f64 = text_attr(svg, "جبهة الجبل", "x").parse().expect("x");
    assert!(name_x > at("opposes"), "names sit right of the plot");
    // The Arabic name runs right to left, its left edge against the plot.
    assert_eq!(text_attr(svg, "جبهة الجبل", "direction"), "rtl");
    assert_eq!(text_attr(svg, "جبهة الجبل", "text-anchor"), "end");
    // Time labels read as written, and run right to left along the axis.
    // The axis speaks the page's language, its dates from ICU4X's Arabic data.
    assert_eq!(text_attr(svg, "1 سبتمبر", "direction"), "rtl");
    let tick = |s: &str, label: &str| text_attr(s, label, "x").parse::<f64>().expect("x");
    assert!(tick(svg, "1 سبتمبر") > tick(svg, "27 أكتوبر"));

    // In English the same chart is drawn the other way: each mark at the mirror of its x.
    let width = number(svg, "width");
    let front_en = marks(&page_en, "جبهة الجبل");
    assert_eq!(front.len(), front_en.len());
    for (a, e) in front.iter().zip(&front_en) {
        assert_eq!(a.0, e.0);
        assert!((a.1 - (width - e.1)).abs() < 0.11, "{a:?} {e:?}");
    }
    let svg_en = between(&page_en, "<svg class=\"stance-chart wide\"", "</svg>");
    assert!(tick(svg_en, "1 Sep") < tick(svg_en, "27 Oct"));
    assert_eq!(text_attr(svg_en, "جبهة الجبل", "text-anchor"), "start");

    // A Latin name on the Arabic page keeps its own direction (its parenthesis in place),
    // its left edge against the plot.
    let page = ar.page("topics/humanitarian-corridor/index.html");
    let svg = between(&page, "<svg class=\"stance-chart wide\"", "</svg>");
    assert_eq!(
        text_attr(svg, "Médecins Sans Frontière…", "direction"),
        "ltr"
    );
    assert_eq!(
        text_attr(svg, "Médecins Sans Frontière…", "text-anchor"),
        "start"
    );
    // The table beside it has every stance as text.
    assert!(page.contains("Médecins Sans Frontières (MSF)"));
}

#[test]
fn the_sparkline_and_the_calibration_chart_are_mirrored_and_maps_are_not() {
    let (ar, en) = (built("ar"), built("en"));
    // Mountain Front is named on 1 Sep, 22 Sep and 27 Oct: the bars come in that order.
    let bars = |site: &TestSite| -> Vec<f64> {
        let page = site.page("actors/mountain-front/index.html");
        let fig = between(&page, "<figure class=\"sparkline\">", "</figure>");
        assert!(
            fig.contains("aria-label=\"Briefings per week")
                || fig.contains("aria-label=\"الموجزات حسب الأسبوع"),
            "{fig}"
        );
        fig.split("<rect").skip(1).map(|r| number(r, "x")).collect()
    };
    let (b_ar, b_en) = (bars(&ar), bars(&en));
    assert_eq!(b_ar.len(), 3);
    assert!(b_ar[0] > b_ar[1] && b_ar[1] > b_ar[2], "{b_ar:?}");
    assert!(b_en[0] < b_en[1] && b_en[1] < b_en[2], "{b_en:?}");

    // Calibration: 0% on the right, the vertical axis's labels right of the plot.
    // Arabic writes its percent sign `٪` (ICU4X's data): the labels are the page's.
    let axis = |site: &TestSite, pct: &str| -> (f64, f64, f64) {
        let page = site.page("track-record/index.html");
        let svg = between(&page, "<figure class=\"calibration\">", "</svg>");
        let ticks: Vec<&str> = svg.split("<text class=\"tick\"").skip(1).collect();
        let x = |label: &str, anchor: &str| {
            let t = (ticks.iter())
                .find(|t| t.contains(anchor) && t.contains(&format!(">{label}</text>")))
                .unwrap_or_else(|| panic!("{label}"));
            number(t, "x")
        };
        let grid = between(svg, "<line class=\"grid\"", ">");
        (
            x(&format!("0{pct}"), "middle"),
            x(&format!("100{pct}"), "middle"),
            x(&format!("50{pct}"), "\"end\"") - number(grid, "x2").max(number(grid, "x1")),
        )
    };
    let (zero, hundred, label_past_plot) = axis(&ar, "٪");
    assert!(zero > hundred, "{zero} {hundred}");
    assert!(label_past_plot > 0.0, "y labels right of the plot");
    let (zero, hundred, _) = axis(&en, "%");
    assert!(zero < hundred);

    // Geneva sits where it is on either site; its name runs right to left on its label.
    let map = |site: &TestSite| site.page("places/index.html");
    let marker = |page: &str| {
        let svg = between(page, "<figure class=\"map world\">", "</svg>");
        number(between(svg, "<circle class=\"marker\"", ">"), "cx")
    };
    assert_eq!(marker(&map(&ar)), marker(&map(&en)));
    let svg = map(&ar);
    let svg = between(&svg, "<figure class=\"map world\">", "</svg>");
    assert_eq!(text_attr(svg, "جنيف", "direction"), "rtl");
}

#[test]
fn names_in_another_script_keep_their_direction_and_arrows_turn() {
    let site = built("ar");
    // The network of an actor page is not mirrored; each name runs its own way.
    let page = site.page("actors/mountain-front/index.html");
    let svg = between(&page, "<figure class=\"network", "</svg>");
    let label = between(svg, "<text", "</text>");
    assert!(label.contains(" direction=\""), "{label}");
    for (name, dir) in [("Médecins Sans", "ltr"), ("الأمم المتحدة", "rtl")] {
        let end = svg.find(&format!(">{name}")).expect(name);
        let tag = &svg[svg[..end].rfind("<text").expect("<text")..end];
        assert!(tag.contains(&format!("direction=\"{dir}\"")), "{tag}");
    }
    // Links carrying names and titles, quotes and dates are their own bidi islands, and
    // the as-of page's arrows are marked to turn on a right-to-left page.
    let css = site.page("style.css");
    for rule in [
        "main a:not(.body a, [rel]), .brand, .breadcrumbs [aria-current] { unicode-bidi: isolate; }",
        "q, .sources a, time, .agreement tbody th { unicode-bidi: plaintext; }",
        "[dir=\"rtl\"] .arrow, [dir=\"rtl\"] .shift > [aria-hidden=\"true\"] { display: inline-block; transform: scaleX(-1); }",
    ] {
        assert!(css.contains(rule), "{rule}");
    }
    let as_of = site.page("topics/ceasefire/as-of/2025-09-22/index.html");
    assert!(as_of.contains("<span class=\"arrow\" aria-hidden=\"true\">←</span>"));
    // No physical left or right is left in the stylesheet's layout.
    for side in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "float: left",
        "float: right",
    ] {
        assert!(!css.contains(side), "{side}");
    }
}
