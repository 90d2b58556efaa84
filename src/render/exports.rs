//! Data for analysts, beside the pages: `data/stances.csv` (one row per stance),
//! `data/changes.csv` (one row per change of position),
//! `data/entities.json` (every actor, place and topic) and `data/graph.json` (who is named
//! with whom). Documented in docs/data.md.

use super::changes::Change;
use super::search;
use crate::evidence::Axis;
use crate::id_vec::IdVec;
use crate::model::{BriefingIdx, EntityIdx, Kind, PerKind};
use crate::site::Site;
use crate::urls;
use serde::Serialize;

/// The columns of `stances.csv`, in order.
pub const STANCE_COLUMNS: [&str; 18] = [
    "briefing_slug",
    "briefing_url",
    "date",
    "actor_id",
    "actor_name",
    "topic_id",
    "topic_name",
    "position",
    "quote",
    "voiced_by_id",
    "voiced_by_name",
    "source_title",
    "source_url",
    "source_id",
    "source_reliability",
    "source_credibility",
    "source_retracted",
    "retraction_note",
];

/// First characters that make spreadsheet programs read a cell as a formula (OWASP, "CSV
/// Injection"), and the apostrophe itself, so that a reader can strip exactly one leading
/// apostrophe from any cell that has one and get the value back (docs/data.md).
const NEUTRALISED_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// One CSV field: an apostrophe before a value that starts like a formula, then quoted
/// when RFC 4180 requires it (a comma, a quote or a line break).
fn field(out: &mut String, value: &str) {
    // Bytes, not chars: every character looked for is ASCII, and a file of 50,000
    // briefings has some million fields.
    let quoted = (value.bytes()).any(|c| matches!(c, b',' | b'"' | b'\r' | b'\n'));
    if quoted {
        out.push('"');
    }
    if value.starts_with(NEUTRALISED_STARTS) {
        out.push('\'');
    }
    if quoted {
        let mut parts = value.split('"');
        out.push_str(parts.next().unwrap_or_default());
        for part in parts {
            out.push_str("\"\"");
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn row(out: &mut String, values: &[&str]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, v);
    }
    // RFC 4180 ends records with CRLF.
    out.push_str("\r\n");
}

/// CSV records gathered into a buffer and written out a buffer at a time.
struct Rows<'w> {
    w: &'w mut dyn std::io::Write,
    buf: String,
}

impl<'w> Rows<'w> {
    fn new(w: &'w mut dyn std::io::Write) -> Self {
        Rows {
            w,
            buf: String::with_capacity(1 << 16),
        }
    }

    fn row(&mut self, values: &[&str]) -> std::io::Result<()> {
        row(&mut self.buf, values);
        self.flush_full()
    }

    /// Writes the buffer out once it holds a buffer's worth.
    fn flush_full(&mut self) -> std::io::Result<()> {
        if self.buf.len() >= 1 << 16 {
            self.w.write_all(self.buf.as_bytes())?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(self) -> std::io::Result<()> {
        self.w.write_all(self.buf.as_bytes())
    }
}

/// `data/stances.csv`: every stance of every published briefing, by date, then slug, then
/// the order the briefing lists them in.
pub fn stances_csv(site: &Site) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = stances_csv_into(site, &mut out);
    out
}

/// [`stances_csv`] written into `w` as it is made (at 50,000 briefings the file is about
/// 60 MB, which a build need not hold).
pub fn stances_csv_into(site: &Site, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = Rows::new(w);
    out.row(&STANCE_COLUMNS)?;
    for b in site.resolved.briefings.ids() {
        stance_rows(site, b, &mut out.buf);
        out.flush_full()?;
    }
    out.finish()
}

/// The rows of `stances.csv` of briefing `b`, appended to `out`: one per stance, in the
/// order the briefing lists them. A live preview keeps them by briefing.
pub fn stance_rows(site: &Site, i: BriefingIdx, out: &mut String) {
    let r = &site.resolved;
    let (b, refs) = (&r.briefings[i], &r.refs[i]);
    if refs.stances.is_empty() {
        return;
    }
    let base = &site.config.base_url;
    let scale = &site.config.grades;
    let url = format!("{base}{}", urls::briefing(&b.slug));
    let date = b.date.ymd();
    for s in &refs.stances {
        let actor = r.entity(s.actor);
        let topic = r.entity(s.topic);
        let by = s.by.map(|e| r.entity(e));
        let source = s.source.and_then(|i| b.sources.get(i));
        let grade = source.map(|s| s.grade).unwrap_or_default();
        let retraction = source.and_then(|s| s.retracted.as_ref());
        let retracted = retraction.map(|x| x.date.to_string()).unwrap_or_default();
        row(
            out,
            &[
                b.slug.as_str(),
                &url,
                &date,
                actor.id.slug.as_str(),
                &actor.name,
                topic.id.slug.as_str(),
                &topic.name,
                s.position.as_str(),
                s.quote.as_deref().unwrap_or(""),
                by.map_or("", |e| e.id.slug.as_str()),
                by.map_or("", |e| e.name.as_str()),
                source.map_or("", |s| s.title.as_str()),
                source.and_then(|s| s.url.as_deref()).unwrap_or(""),
                source
                    .and_then(|s| s.cites.as_ref())
                    .map_or("", |c| c.value.as_str()),
                (scale.half_code(Axis::Reliability, grade.reliability)).unwrap_or(""),
                (scale.half_code(Axis::Credibility, grade.credibility)).unwrap_or(""),
                &retracted,
                retraction.and_then(|x| x.note.as_deref()).unwrap_or(""),
            ],
        );
    }
}

/// The header row of a file of these columns ([`STANCE_COLUMNS`], [`CHANGE_COLUMNS`]).
pub fn header(columns: &[&str]) -> String {
    let mut out = String::new();
    row(&mut out, columns);
    out
}

/// The columns of `changes.csv`, in order.
pub const CHANGE_COLUMNS: [&str; 14] = [
    "date",
    "actor_id",
    "actor_name",
    "topic_id",
    "topic_name",
    "from",
    "to",
    "quote",
    "briefing_slug",
    "briefing_url",
    "voiced_by_id",
    "voiced_by_name",
    "source_title",
    "source_url",
];

/// `data/changes.csv`: every change of position (an actor's first stance on a topic, or
/// one taking another position than the stance before it), by date, then briefing, then
/// the order the briefing lists them in; `from` is empty for a first stance.
pub fn changes_csv(site: &Site) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = changes_csv_into(site, &mut out);
    out
}

/// [`changes_csv`] written into `w` as it is made.
pub fn changes_csv_into(site: &Site, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = Rows::new(w);
    out.row(&CHANGE_COLUMNS)?;
    for c in super::changes::all(site) {
        change_rows(site, std::slice::from_ref(&c), &mut out.buf);
        out.flush_full()?;
    }
    out.finish()
}

/// The rows of `changes.csv` of `changes`, appended to `out`, in their order. A live
/// preview keeps those of each briefing.
pub fn change_rows(site: &Site, changes: &[Change], out: &mut String) {
    let r = &site.resolved;
    let base = &site.config.base_url;
    for c in changes {
        let b = r.briefing(c.at.briefing);
        let s = &r.refs[c.at.briefing].stances[c.at.stance];
        let (actor, topic) = (r.entity(c.actor), r.entity(c.topic));
        let by = s.by.map(|e| r.entity(e));
        let source = s.source.and_then(|i| b.sources.get(i));
        row(
            out,
            &[
                &c.date.to_string(),
                actor.id.slug.as_str(),
                &actor.name,
                topic.id.slug.as_str(),
                &topic.name,
                c.from.map_or("", |p| p.as_str()),
                c.to.as_str(),
                s.quote.as_deref().unwrap_or(""),
                b.slug.as_str(),
                &format!("{base}{}", urls::briefing(&b.slug)),
                by.map_or("", |e| e.id.slug.as_str()),
                by.map_or("", |e| e.name.as_str()),
                source.map_or("", |s| s.title.as_str()),
                source.and_then(|s| s.url.as_deref()).unwrap_or(""),
            ],
        );
    }
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    /// The profile's `kind:` (person, country, …), if any.
    kind: Option<&'a str>,
    url: String,
    /// Briefings that name it.
    briefings: usize,
    /// Stances it took (actors) or that were taken on it (topics).
    stances: usize,
    /// No profile file: created from a name in a briefing.
    stub: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<&'a str>,
    /// Dated `roles:`, `{role, from, to}`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    roles: Vec<DatedRecord<'a>>,
    /// Dated `affiliations:`, `{actor, from, to}`, the actor by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    affiliations: Vec<DatedRecord<'a>>,
    /// Dated `names:`, `{name, from, to}`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    names: Vec<DatedRecord<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    within: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coords: Option<[f64; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<&'a str>,
}

/// One dated entry: its value under the list's own key (`role`, `actor`, `name`), and
/// its days as `YYYY-MM-DD` (`null` when open).
struct DatedRecord<'a> {
    key: &'static str,
    value: &'a str,
    from: Option<String>,
    to: Option<String>,
}

impl Serialize for DatedRecord<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry(self.key, self.value)?;
        m.serialize_entry("from", &self.from)?;
        m.serialize_entry("to", &self.to)?;
        m.end()
    }
}

/// The dated entries of `list` as records under `key`, in the profile's order.
fn dated_records<'a, T>(
    key: &'static str,
    list: &'a [crate::dated::Dated<T>],
    value: impl Fn(&'a T) -> &'a str,
) -> Vec<DatedRecord<'a>> {
    (list.iter())
        .map(|d| DatedRecord {
            key,
            value: value(&d.value),
            from: d.from.map(|x| x.to_string()),
            to: d.to.map(|x| x.to_string()),
        })
        .collect()
}

/// `data/entities.json`: every actor, place and topic with aliases, kinds, counts and URLs.
pub fn entities_json(site: &Site) -> Vec<u8> {
    let r = &site.resolved;
    let base = &site.config.base_url;
    let mut stances: IdVec<EntityIdx, usize> = IdVec::filled(0, r.entities.len());
    for refs in &r.refs {
        for s in &refs.stances {
            stances[s.actor] += 1;
            stances[s.topic] += 1;
        }
    }
    let of = |kind: Kind| -> Vec<EntityRecord<'_>> {
        r.of_kind(kind)
            .map(|e| {
                let en = r.entity(e);
                let p = en.profile.as_ref();
                EntityRecord {
                    id: en.id.slug.as_str(),
                    name: &en.name,
                    aliases: &en.aliases,
                    kind: p.and_then(|p| p.subkind.as_deref()),
                    url: format!("{base}{}", urls::entity(&en.id)),
                    briefings: site.index.named_in[e].len(),
                    stances: stances[e],
                    stub: p.is_none(),
                    role: p.and_then(|p| p.role.as_deref()),
                    affiliation: en.affiliation.map(|a| r.entity(a).id.slug.as_str()),
                    roles: p.map_or_else(Vec::new, |p| {
                        dated_records("role", &p.roles, String::as_str)
                    }),
                    affiliations: dated_records("actor", &en.affiliations, |&a| {
                        r.entity(a).id.slug.as_str()
                    }),
                    names: p.map_or_else(Vec::new, |p| {
                        dated_records("name", &p.names, String::as_str)
                    }),
                    within: en.within.map(|w| r.entity(w).id.slug.as_str()),
                    coords: p.and_then(|p| p.coords).map(|(a, b)| [a, b]),
                    question: p.and_then(|p| p.question.as_deref()),
                }
            })
            .collect()
    };
    // One list per kind, under the kind's folder (`actors`), and the sources of
    // `content/sources/` under `sources` when there are any.
    search::json(&EntitiesFile {
        kinds: PerKind::from_fn(of),
        sources: source_records(site),
    })
}

#[derive(Serialize)]
struct EntitiesFile<'a> {
    #[serde(flatten)]
    kinds: PerKind<Vec<EntityRecord<'a>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<SourceRecord<'a>>,
}

/// A source of `content/sources/` in `data/entities.json`.
#[derive(Serialize)]
struct SourceRecord<'a> {
    id: &'a str,
    title: &'a str,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<&'a str>,
    reliability: Option<&'a str>,
    credibility: Option<&'a str>,
    retracted: Option<String>,
    retraction_note: Option<&'a str>,
    /// Briefings citing it, and stances resting on it.
    briefings: usize,
    stances: usize,
}

fn source_records(site: &Site) -> Vec<SourceRecord<'_>> {
    if site.registry.is_empty() {
        return Vec::new();
    }
    let uses = crate::index::source_uses(&site.resolved, &site.registry);
    let scale = &site.config.grades;
    (site.registry.iter().zip(&uses))
        .map(|(x, u)| {
            let s = &x.source;
            SourceRecord {
                id: x.id.as_str(),
                title: &s.title,
                publisher: s.publisher.as_deref(),
                url: s.url.as_deref(),
                date: s.date.as_deref(),
                reliability: scale.half_code(Axis::Reliability, s.grade.reliability),
                credibility: scale.half_code(Axis::Credibility, s.grade.credibility),
                retracted: s.retracted.as_ref().map(|x| x.date.to_string()),
                retraction_note: s.retracted.as_ref().and_then(|x| x.note.as_deref()),
                briefings: u.briefings.len(),
                stances: u.stances.len(),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct Node<'a> {
    /// `actor:<id>`, `place:<id>` or `topic:<id>`: ids are unique per kind only.
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    url: String,
    /// Briefings that name it.
    briefings: usize,
}

#[derive(Serialize)]
struct Edge<'a> {
    source: &'a str,
    target: &'a str,
    /// Briefings that name both.
    weight: u32,
}

#[derive(Serialize)]
struct Graph<'a> {
    nodes: Vec<Node<'a>>,
    edges: Edges<'a>,
}

/// The edges, counted as they are written: at 100,000 briefings they are millions, and a
/// list of them beside the file would double what the export holds.
struct Edges<'a> {
    ids: &'a IdVec<EntityIdx, String>,
    named: CoNamed,
}

impl Serialize for Edges<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        self.named.pairs(|a, b, weight| {
            seq.serialize_element(&Edge {
                source: &self.ids[EntityIdx(a)],
                target: &self.ids[EntityIdx(b)],
                weight,
            })
        })?;
        seq.end()
    }
}

/// `data/graph.json`: entities as nodes, and an edge between two entities for every
/// briefing that names both (among its first 100 names of each kind, authors aside),
/// weighted by how many do; written into `w` as it is made (at 50,000 briefings the file
/// is tens of megabytes and its edges a million, which a build need not hold).
pub fn graph_json_into(site: &Site, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let r = &site.resolved;
    let base = &site.config.base_url;
    let ids: IdVec<EntityIdx, String> = (r.entities.iter()).map(|en| en.id.key()).collect();
    let nodes = (r.entities.ids())
        .map(|e| {
            let en = r.entity(e);
            Node {
                id: &ids[e],
                kind: en.id.kind.word(),
                name: &en.name,
                url: format!("{base}{}", urls::entity(&en.id)),
                briefings: site.index.named_in[e].len(),
            }
        })
        .collect();
    let edges = Edges {
        ids: &ids,
        named: CoNamed::of(r),
    };
    search::json_into(&Graph { nodes, edges }, w)
}

/// Each briefing's entities that make edges, sorted, one after another, and for each
/// entity the briefings naming it: what the edges are counted from, a few bytes a name.
struct CoNamed {
    /// Briefing `b`'s entities are `entities[starts[b]..starts[b + 1]]`.
    starts: Vec<usize>,
    entities: Vec<u32>,
    /// Entity `e`'s briefings are `briefings[naming[e]..naming[e + 1]]`.
    naming: Vec<usize>,
    briefings: Vec<u32>,
}

impl CoNamed {
    fn of(r: &crate::resolve::Resolved) -> CoNamed {
        use crate::model::co_named;
        // Authors are nodes but make no edges: one desk writing two briefings ties nothing
        // in them together.
        let lists = (r.refs.iter()).map(|refs| {
            (refs.named.iter())
                .filter(|(kind, _)| !kind.is_byline())
                .flat_map(|(_, names)| co_named(names))
                .map(|e| e.0)
        });
        CoNamed::from_lists(r.entities.len(), lists)
    }

    /// The co-naming of `n` entities by briefings whose entities are `lists` (repeats
    /// allowed).
    fn from_lists<L: IntoIterator<Item = u32>>(
        n: usize,
        lists: impl Iterator<Item = L>,
    ) -> CoNamed {
        let mut starts = vec![0];
        let mut entities = Vec::new();
        let mut one: Vec<u32> = Vec::new();
        for list in lists {
            one.clear();
            one.extend(list);
            one.sort_unstable();
            one.dedup();
            entities.extend_from_slice(&one);
            starts.push(entities.len());
        }
        let mut naming = vec![0usize; n + 1];
        for &e in &entities {
            naming[e as usize + 1] += 1;
        }
        for e in 0..n {
            naming[e + 1] += naming[e];
        }
        let mut next = naming.clone();
        let mut briefings = vec![0u32; entities.len()];
        for b in 0..starts.len() - 1 {
            for &e in &entities[starts[b]..starts[b + 1]] {
                briefings[next[e as usize]] = b as u32;
                next[e as usize] += 1;
            }
        }
        CoNamed {
            starts,
            entities,
            naming,
            briefings,
        }
    }

    /// Every pair of entities named in one briefing, `(smaller, larger)`, in order, with
    /// the number of briefings naming both, handed to `each` until it fails. One entity's
    /// pairs at a time: a count per entity, not per pair of entities, is held.
    fn pairs<E>(&self, mut each: impl FnMut(u32, u32, u32) -> Result<(), E>) -> Result<(), E> {
        let n = self.naming.len() - 1;
        let mut count = vec![0u32; n];
        let mut met: Vec<u32> = Vec::new();
        for a in 0..n {
            for &b in &self.briefings[self.naming[a]..self.naming[a + 1]] {
                let v = &self.entities[self.starts[b as usize]..self.starts[b as usize + 1]];
                let after = v.partition_point(|&x| x as usize <= a);
                for &c in &v[after..] {
                    if count[c as usize] == 0 {
                        met.push(c);
                    }
                    count[c as usize] += 1;
                }
            }
            met.sort_unstable();
            for &c in &met {
                each(a as u32, c, std::mem::take(&mut count[c as usize]))?;
            }
            met.clear();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn edges_are_what_counting_every_pair_of_every_briefing_finds(
            lists in prop::collection::vec(prop::collection::vec(0u32..40, 0..12), 0..60)
        ) {
            let mut expected = std::collections::BTreeMap::new();
            for list in &lists {
                let mut v = list.clone();
                v.sort_unstable();
                v.dedup();
                for (i, &a) in v.iter().enumerate() {
                    for &b in &v[i + 1..] {
                        *expected.entry((a, b)).or_insert(0u32) += 1;
                    }
                }
            }
            let named = CoNamed::from_lists(40, lists.iter().map(|l| l.iter().copied()));
            let mut got = Vec::new();
            named.pairs(|a, b, w| {
                got.push(((a, b), w));
                Ok::<(), ()>(())
            }).expect("never fails");
            prop_assert_eq!(got, expected.into_iter().collect::<Vec<_>>());
        }
    }

    #[test]
    fn csv_fields_are_quoted_only_when_rfc_4180_needs_it() {
        let mut out = String::new();
        row(&mut out, &["plain", "a, b", "say \"no\"", "two\nlines", ""]);
        assert_eq!(out, "plain,\"a, b\",\"say \"\"no\"\"\",\"two\nlines\",\r\n");
    }

    #[test]
    fn a_formula_is_neutralised_inside_the_quotes() {
        let mut out = String::new();
        row(&mut out, &["=1+2", "=SUM(A1,\"x\")", "-", "'", "plain'"]);
        assert_eq!(out, "'=1+2,\"'=SUM(A1,\"\"x\"\")\",'-,'',plain'\r\n");
    }
}
