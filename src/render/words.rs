//! The words Rust writes into pages, feeds and cards, from the page language's catalog
//! (`engine.ftl`): the shown form of the keywords data keeps in English (positions, kinds,
//! levels of likelihood) and the numbers written with a sign.

use crate::evidence::{Axis, GradeScale};
use crate::i18n::{Arg, Catalog};
use crate::model::{Grade, Kind, Likelihood, Position};

/// A page's description from a name and a role or bio: `Ann Lee: Editor`.
pub fn role_description(i18n: &Catalog, name: &str, role: &str) -> String {
    i18n.fmt(
        "page_description_role",
        &[("name", Arg::Text(name)), ("role", Arg::Text(role))],
    )
}

/// Coordinates as read: `50.4501° N, 30.5234° E`, to four decimals.
pub fn coords(i18n: &Catalog, lat: f64, lon: f64) -> String {
    let degrees = |v: f64| i18n.locale.fixed(v.abs(), 4);
    let (lat_s, lon_s) = (degrees(lat), degrees(lon));
    let ns = i18n.text(if lat >= 0.0 {
        "coords_north"
    } else {
        "coords_south"
    });
    let ew = i18n.text(if lon >= 0.0 {
        "coords_east"
    } else {
        "coords_west"
    });
    i18n.fmt(
        "coords",
        &[
            ("lat", Arg::Text(&lat_s)),
            ("ns", Arg::Text(ns)),
            ("lon", Arg::Text(&lon_s)),
            ("ew", Arg::Text(ew)),
        ],
    )
}

/// How `position` is shown (`supports`); its keyword stays in data and classes.
pub fn position(i18n: &Catalog, p: Position) -> &str {
    i18n.text(match p {
        Position::Supports => "stance_supports",
        Position::Opposes => "stance_opposes",
        Position::Mixed => "stance_mixed",
        Position::Neutral => "stance_neutral",
        Position::Unclear => "stance_unclear",
    })
}

/// How the position keyword `p` (`supports`) is shown; an unknown one as it is.
pub fn position_word<'a>(i18n: &'a Catalog, p: &'a str) -> &'a str {
    match Position::ALL.iter().find(|x| x.as_str() == p) {
        Some(&x) => position(i18n, x),
        None => p,
    }
}

/// The position after a count of `n` in a tally: `3 support`.
pub fn tally(i18n: &Catalog, p: Position, n: usize) -> String {
    let id = match p {
        Position::Supports => "tally_supports",
        Position::Opposes => "tally_opposes",
        Position::Mixed => "tally_mixed",
        Position::Neutral => "tally_neutral",
        Position::Unclear => "tally_unclear",
    };
    i18n.fmt(id, &[("n", count(n))])
}

/// One entity of `kind`: `Actor`.
pub fn kind_name(i18n: &Catalog, kind: Kind) -> &str {
    i18n.text(match kind {
        Kind::Actor => "kind_actor",
        Kind::Place => "kind_place",
        Kind::Topic => "kind_topic",
        Kind::Author => "kind_author",
    })
}

/// All entities of `kind`, as index pages and breadcrumbs name them: `Actors`.
pub fn kind_heading(i18n: &Catalog, kind: Kind) -> &str {
    i18n.text(match kind {
        Kind::Actor => "kind_actors",
        Kind::Place => "kind_places",
        Kind::Topic => "kind_topics",
        Kind::Author => "kind_authors",
    })
}

/// The standard word of a level of likelihood: `very likely`.
pub fn likelihood(i18n: &Catalog, l: Likelihood) -> &str {
    i18n.text(match l {
        Likelihood::AlmostNoChance => "likelihood_almost_no_chance",
        Likelihood::VeryUnlikely => "likelihood_very_unlikely",
        Likelihood::Unlikely => "likelihood_unlikely",
        Likelihood::RoughlyEven => "likelihood_roughly_even_chance",
        Likelihood::Likely => "likelihood_likely",
        Likelihood::VeryLikely => "likelihood_very_likely",
        Likelihood::AlmostCertain => "likelihood_almost_certain",
    })
}

/// `yes` or `no`.
pub fn yes_no(i18n: &Catalog, b: bool) -> &str {
    i18n.text(if b { "answer_yes" } else { "answer_no" })
}

/// `permille` as a percentage with one decimal when it has one: `87.5%`, `70%`.
pub fn percent(i18n: &Catalog, permille: u64) -> String {
    let v = i64::try_from(permille).unwrap_or(i64::MAX);
    let value = match v % 10 {
        0 => i18n.locale.number(v / 10),
        _ => i18n.locale.decimal(v, 1),
    };
    i18n.fmt("number_percent", &[("value", Arg::Text(&value))])
}

/// A count as a message argument (plurals are chosen by it).
pub fn count(n: usize) -> Arg<'static> {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The default scale's labels in the catalog (`engine.ftl`), in its order.
const RELIABILITY: [&str; 6] = [
    "grade_reliability_a",
    "grade_reliability_b",
    "grade_reliability_c",
    "grade_reliability_d",
    "grade_reliability_e",
    "grade_reliability_f",
];
const CREDIBILITY: [&str; 6] = [
    "grade_credibility_1",
    "grade_credibility_2",
    "grade_credibility_3",
    "grade_credibility_4",
    "grade_credibility_5",
    "grade_credibility_6",
];

/// What each grade reads as in the pages' language: the default scale (the Admiralty
/// code) in the catalog's words, a site's own `source_grades:` as its labels are written.
/// Made once: a scale has at most [`crate::evidence::MAX_LEVELS`] levels a side, so every
/// grade's words fit a small table, and each stance's are looked up in it.
pub struct GradeWords {
    reliability: Vec<String>,
    credibility: Vec<String>,
    /// By `(reliability + 1) × (credibility levels + 1) + credibility + 1`, 0 for a half
    /// not given.
    labels: Vec<Option<String>>,
}

impl GradeWords {
    /// The words of `scale` in `i18n`'s language.
    pub fn new(scale: &GradeScale, i18n: &Catalog) -> GradeWords {
        let ours = *scale == GradeScale::default();
        let words = |axis: Axis, ids: &[&str]| -> Vec<String> {
            let mut out = Vec::new();
            while let Some(l) = scale.level(axis, out.len() as u8) {
                out.push(match ids.get(out.len()) {
                    Some(id) if ours => i18n.text(id).to_string(),
                    _ => l.label.clone(),
                });
            }
            out
        };
        let reliability = words(Axis::Reliability, &RELIABILITY);
        let credibility = words(Axis::Credibility, &CREDIBILITY);
        let mut labels = Vec::with_capacity((reliability.len() + 1) * (credibility.len() + 1));
        for r in std::iter::once(None).chain(reliability.iter().map(Some)) {
            for c in std::iter::once(None).chain(credibility.iter().map(Some)) {
                let c = c.map(|c| lower_first(c));
                labels.push(match (r, c) {
                    (Some(r), Some(c)) => Some(i18n.fmt(
                        "grade_label",
                        &[
                            ("reliability", Arg::Text(r)),
                            ("credibility", Arg::Text(&c)),
                        ],
                    )),
                    (Some(r), None) => Some(i18n.fmt(
                        "grade_label_reliability_only",
                        &[("reliability", Arg::Text(r))],
                    )),
                    (None, Some(c)) => Some(i18n.fmt(
                        "grade_label_credibility_only",
                        &[("credibility", Arg::Text(&c))],
                    )),
                    (None, None) => None,
                });
            }
        }
        GradeWords {
            reliability,
            credibility,
            labels,
        }
    }

    /// `Usually reliable; probably true`, what grade `g` means in words.
    pub fn label(&self, g: Grade) -> Option<String> {
        let side =
            |i: Option<u8>, n: usize| i.map(usize::from).filter(|&i| i < n).map_or(0, |i| i + 1);
        let r = side(g.reliability, self.reliability.len());
        let c = side(g.credibility, self.credibility.len());
        self.labels
            .get(r * (self.credibility.len() + 1) + c)
            .cloned()
            .flatten()
    }

    /// The label of reliability level `i`, if the scale has it.
    pub fn reliability(&self, i: usize) -> Option<&str> {
        self.reliability.get(i).map(String::as_str)
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_shown_in_the_language_and_counts_agree() {
        let en = Catalog::builtin("en");
        assert_eq!(position(&en, Position::Supports), "supports");
        assert_eq!(tally(&en, Position::Supports, 1), "supports");
        assert_eq!(tally(&en, Position::Supports, 3), "support");
        assert_eq!(percent(&en, 875), "87.5%");
        assert_eq!(percent(&en, 700), "70%");
        let fr = Catalog::builtin("fr");
        assert_eq!(position(&fr, Position::Opposes), "contre");
        assert_eq!(tally(&fr, Position::Neutral, 1), "neutre");
        assert_eq!(tally(&fr, Position::Neutral, 3), "neutres");
        assert_eq!(percent(&fr, 875), "87,5\u{202f}%");
        assert_eq!(kind_heading(&fr, Kind::Actor), "Acteurs");
        // Numbers in messages take the language's grouping.
        let bars = fr.fmt(
            "chart_bar_title",
            &[("period", Arg::Text("nov. 2025")), ("n", count(12345))],
        );
        assert_eq!(bars, "nov. 2025\u{a0}: 12\u{202f}345 notes");
        let en_bars = en.fmt(
            "chart_bar_title",
            &[("period", Arg::Text("Nov 2025")), ("n", count(12345))],
        );
        assert_eq!(en_bars, "Nov 2025: 12,345 briefings");
        assert_eq!(coords(&fr, 50.45, -30.5), "50,4500° N, 30,5000° O");
        // The default scale's grades read in the language; a site's own scale as written.
        let grade = Grade {
            reliability: Some(1),
            credibility: Some(1),
        };
        let words = GradeWords::new(&GradeScale::default(), &fr);
        assert_eq!(
            words.label(grade).as_deref(),
            Some("Habituellement fiable\u{202f}; probablement vrai")
        );
        let mut own = GradeScale::default();
        own.reliability[1].label = "Solide".into();
        assert_eq!(
            GradeWords::new(&own, &fr).label(grade).as_deref(),
            Some("Solide\u{202f}; probably true")
        );
        let ru = Catalog::builtin("ru");
        assert_eq!(tally(&ru, Position::Supports, 1), "поддерживает");
        assert_eq!(tally(&ru, Position::Supports, 5), "поддерживают");
    }

    /// The ids of a built-in `engine.ftl`.
    fn engine_ids(lang: &str) -> Vec<String> {
        let (_, _, text) = (crate::i18n::builtin().iter())
            .find(|(l, p, _)| l == lang && p.ends_with("/engine.ftl"))
            .unwrap_or_else(|| panic!("{lang} has an engine.ftl"));
        (text.lines())
            .filter_map(|l| l.split_once(" = ").or_else(|| l.split_once(" =")))
            .map(|(id, _)| id)
            .filter(|id| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            })
            .map(String::from)
            .collect()
    }

    #[test]
    fn every_language_has_every_engine_message_and_each_formats() {
        let numbers = [
            "n", "count", "actors", "stances", "levels", "total", "pairs", "agree", "shared",
        ];
        let en = engine_ids("en");
        assert!(en.len() > 100, "{}", en.len());
        for lang in ["en", "fr", "de", "es", "uk", "ru", "ar"] {
            assert_eq!(
                engine_ids(lang),
                en,
                "{lang}: the same ids in the same order"
            );
            let c = Catalog::builtin(lang);
            for id in &en {
                for n in [0, 1, 2, 3, 5, 11, 21, 100, 12345] {
                    let mut args: Vec<(&str, Arg)> =
                        numbers.iter().map(|&k| (k, Arg::Number(n))).collect();
                    for k in [
                        "title",
                        "tag",
                        "site",
                        "name",
                        "role",
                        "date",
                        "month",
                        "a",
                        "b",
                        "from",
                        "to",
                        "lat",
                        "lon",
                        "ns",
                        "ew",
                        "shown",
                        "period",
                        "position",
                        "first",
                        "last",
                        "busiest",
                        "likelihood",
                        "percent",
                        "cell",
                        "reliability",
                        "credibility",
                        "text",
                        "quote",
                        "actor",
                        "change",
                        "topic",
                        "by",
                        "sentence",
                        "source",
                        "link",
                        "value",
                        "low",
                        "high",
                    ] {
                        args.push((k, Arg::Text("x")));
                    }
                    args.push(("unit", Arg::Text(if n % 2 == 0 { "month" } else { "week" })));
                    let text = c.format(id, &args);
                    assert!(
                        text.as_deref().is_some_and(|t| !t.is_empty()),
                        "{lang}: {id} with {n}: {text:?}"
                    );
                }
            }
        }
    }
}
