//! `dossier stats`: counts over a loaded site (the same `pipeline::load` build and check use).

use crate::model::{EntityIdx, Kind, PerKind};
use crate::site::Site;
use serde::Serialize;

/// How many most-mentioned actors and places are listed.
pub const TOP: usize = 5;

/// The numbers `dossier stats` prints.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Stats {
    pub briefings: usize,
    /// Drafts left out of this count (0 with `--drafts`, where they count as briefings).
    pub drafts: usize,
    /// Entities of each kind, under the kind's folder (`actors`).
    #[serde(flatten)]
    pub kinds: PerKind<KindCount>,
    /// Entities made from names that match no profile, all kinds.
    pub stubs: usize,
    pub stances: usize,
    /// Times an actor's position on a topic differs from its previous stance.
    pub stance_changes: usize,
    pub tags: usize,
    pub top_actors: Vec<Mention>,
    pub top_places: Vec<Mention>,
    /// How the site's stances are sourced.
    pub sourcing: Sourcing,
}

/// How the site's stances are sourced: what `/sources/`-style questions ask of it.
#[derive(Debug, Serialize, PartialEq, Eq, Default)]
pub struct Sourcing {
    /// Sources defined in `content/sources/`, and how many of them are retracted.
    pub registry: usize,
    pub registry_retracted: usize,
    /// Stances by the reliability code of their source (`ungraded` for a source without
    /// one), in scale order, then `ungraded`.
    pub by_reliability: Vec<(String, usize)>,
    /// Stances naming no source.
    pub unsourced: usize,
    /// Stances whose position one source alone backs across the site.
    pub single_source: usize,
    /// Stances with no quote, or one ending in `(paraphrase)`.
    pub paraphrase_only: usize,
    /// Stances resting on a retracted source.
    pub retracted: usize,
}

/// Entities of one kind: with a profile, and stubs.
#[derive(Debug, Serialize, PartialEq, Eq, Default)]
pub struct KindCount {
    pub total: usize,
    pub profiles: usize,
    pub stubs: usize,
}

/// An entity and the number of briefings that name it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Mention {
    pub id: String,
    pub name: String,
    pub briefings: usize,
}

/// Counts everything `Stats` holds.
pub fn compute(site: &Site) -> Stats {
    let r = &site.resolved;
    let kind_count = |kind: Kind| {
        let mut c = KindCount::default();
        for e in r.of_kind(kind).map(|i| r.entity(i)) {
            c.total += 1;
            if e.profile.is_some() {
                c.profiles += 1;
            } else {
                c.stubs += 1;
            }
        }
        c
    };
    let kinds = PerKind::from_fn(kind_count);
    let stance_changes = site
        .index
        .history
        .values()
        .map(|h| {
            h.windows(2)
                .filter(|w| position(site, w[0]) != position(site, w[1]))
                .count()
        })
        .sum();
    Stats {
        briefings: r.briefings.len(),
        drafts: r.drafts.len(),
        stubs: kinds.values().map(|k| k.stubs).sum(),
        kinds,
        stances: r.refs.iter().map(|x| x.stances.len()).sum(),
        stance_changes,
        tags: r.tags.len(),
        top_actors: top(site, Kind::Actor),
        top_places: top(site, Kind::Place),
        sourcing: sourcing(site),
    }
}

/// Counts [`Sourcing`].
pub fn sourcing(site: &Site) -> Sourcing {
    sourcing_with(site, &crate::index::support(&site.resolved, &site.index))
}

/// Counts [`Sourcing`] with `support`, the site's [`crate::index::support`] as already
/// counted (a live preview keeps it between rebuilds).
pub fn sourcing_with(site: &Site, support: &crate::index::Support) -> Sourcing {
    use crate::index::{self, StanceAt};
    let r = &site.resolved;
    let scale = &site.config.grades;
    let mut by_level = vec![0usize; scale.reliability.len()];
    let mut ungraded = 0;
    let mut out = Sourcing {
        registry: site.registry.len(),
        registry_retracted: (site.registry.iter())
            .filter(|s| s.source.retracted.is_some())
            .count(),
        ..Sourcing::default()
    };
    for (b, refs) in r.refs.iter_ids() {
        for (i, s) in refs.stances.iter().enumerate() {
            let at = StanceAt {
                briefing: b,
                stance: i,
            };
            out.paraphrase_only += usize::from(crate::model::is_paraphrase(s.quote.as_deref()));
            let Some(src) = index::stance_source(r, at) else {
                out.unsourced += 1;
                continue;
            };
            match src.grade.reliability.map(usize::from) {
                Some(l) if l < by_level.len() => by_level[l] += 1,
                _ => ungraded += 1,
            }
            out.retracted += usize::from(src.retracted.is_some());
            out.single_source += usize::from(index::support_of(r, support, at) <= 1);
        }
    }
    out.by_reliability = (scale.reliability.iter().zip(by_level))
        .map(|(l, n)| (l.code.clone(), n))
        .chain([("ungraded".to_string(), ungraded)])
        .collect();
    out
}

fn position(site: &Site, at: crate::index::StanceAt) -> crate::model::Position {
    site.resolved.refs[at.briefing].stances[at.stance].position
}

/// The most-named entities of `kind`: by briefings naming them, ties by id.
fn top(site: &Site, kind: Kind) -> Vec<Mention> {
    let r = &site.resolved;
    let mut all: Vec<(usize, EntityIdx)> = r
        .of_kind(kind)
        .map(|i| (site.index.named_in[i].len(), i))
        .filter(|(n, _)| *n > 0)
        .collect();
    // Entities are sorted by id, so a stable sort keeps ties in id order.
    all.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
    all.into_iter()
        .take(TOP)
        .map(|(n, i)| {
            let e = r.entity(i);
            Mention {
                id: e.id.slug.to_string(),
                name: e.name.clone(),
                briefings: n,
            }
        })
        .collect()
}

/// The stats as aligned lines for a terminal.
pub fn to_text(s: &Stats) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let kind = |k: &KindCount| {
        format!(
            "{} ({}, {})",
            k.total,
            plural(k.profiles, "profile"),
            plural(k.stubs, "stub")
        )
    };
    let tops = |v: &[Mention]| {
        if v.is_empty() {
            return "none".to_string();
        }
        v.iter()
            // Names come from files: escaped, so that none can start a line of its own.
            .map(|m| format!("{} ({})", crate::printable::escape(&m.name), m.briefings))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let counts = s.kinds.iter().map(|(k, c)| (k.dir(), kind(c)));
    let rows = [
        ("briefings", s.briefings.to_string()),
        ("drafts", s.drafts.to_string()),
    ]
    .into_iter()
    .chain(counts)
    .chain([
        ("stubs", s.stubs.to_string()),
        ("stances", s.stances.to_string()),
        ("stance changes", s.stance_changes.to_string()),
        ("tags", s.tags.to_string()),
        ("top actors", tops(&s.top_actors)),
        ("top places", tops(&s.top_places)),
    ])
    .chain(sourcing_rows(&s.sourcing, s.stances));
    rows.map(|(k, v)| format!("{:<15} {v}\n", format!("{k}:")))
        .collect()
}

/// The sourcing lines of [`to_text`]: counts with their share of all stances.
fn sourcing_rows(s: &Sourcing, stances: usize) -> Vec<(&'static str, String)> {
    let share = |n: usize| match stances {
        0 => n.to_string(),
        total => format!("{n} ({}%)", (n * 100 + total / 2) / total),
    };
    let grades = (s.by_reliability.iter())
        .filter(|(_, n)| *n > 0)
        .map(|(code, n)| format!("{} {}", crate::printable::escape(code), share(*n)))
        .collect::<Vec<_>>();
    vec![
        (
            "sources",
            format!(
                "{} in content/sources/ ({} retracted)",
                s.registry, s.registry_retracted
            ),
        ),
        (
            "by reliability",
            if grades.is_empty() {
                "none".to_string()
            } else {
                grades.join(", ")
            },
        ),
        ("unsourced", share(s.unsourced)),
        ("single source", share(s.single_source)),
        ("paraphrase", share(s.paraphrase_only)),
        ("retracted", share(s.retracted)),
    ]
}
