//! Resolves every name in front matter to an entity: ids, names and aliases per kind,
//! stubs for unknown names, errors for ambiguous ones and for duplicate slugs and ids.

use crate::diagnostic::{Code, Diagnostics, Span};
use crate::model::{
    Briefing, BriefingIdx, EntityId, EntityIdx, Kind, Position, Profile, Slug, Spanned,
};
use crate::slug::match_key;
use std::collections::{BTreeMap, HashMap};

/// An actor, place or topic: from a profile, or a stub made from a name.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: EntityId,
    pub name: String,
    pub aliases: Vec<String>,
    /// `None` for a stub.
    pub profile: Option<Profile>,
    pub affiliation: Option<EntityIdx>,
    pub within: Option<EntityIdx>,
}

/// A stance with its references resolved.
#[derive(Debug, Clone)]
pub struct Stance {
    pub actor: EntityIdx,
    pub topic: EntityIdx,
    pub position: Position,
    pub quote: Option<String>,
    pub by: Option<EntityIdx>,
    pub source: Option<usize>,
}

/// A tag: its URL slug and the spelling it was first written with.
#[derive(Debug, Clone)]
pub struct Tag {
    pub slug: Slug,
    pub name: String,
}

/// What a briefing's front matter names, resolved. Stance actors, voices and topics are
/// included in `actors` and `topics`.
#[derive(Debug, Clone, Default)]
pub struct Refs {
    pub actors: Vec<EntityIdx>,
    pub places: Vec<EntityIdx>,
    pub topics: Vec<EntityIdx>,
    pub stances: Vec<Stance>,
    pub tags: Vec<usize>,
}

impl Refs {
    /// Every entity named, in kind order.
    pub fn entities(&self) -> impl Iterator<Item = EntityIdx> + '_ {
        self.actors
            .iter()
            .chain(&self.places)
            .chain(&self.topics)
            .copied()
    }
}

/// The site after resolution: briefings sorted by date then slug, entities by kind then id.
#[derive(Debug, Default)]
pub struct Resolved {
    pub briefings: Vec<Briefing>,
    pub refs: Vec<Refs>,
    pub entities: Vec<Entity>,
    pub tags: Vec<Tag>,
    /// Content paths of drafts left out of this build, with their slugs.
    pub drafts: HashMap<String, Slug>,
}

impl Resolved {
    /// The entity at `idx`.
    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        &self.entities[idx.0 as usize]
    }

    /// The briefing at `idx`.
    pub fn briefing(&self, idx: BriefingIdx) -> &Briefing {
        &self.briefings[idx.0 as usize]
    }

    /// Indices of the entities of one kind.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = EntityIdx> + '_ {
        self.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.id.kind == kind)
            .map(|(i, _)| EntityIdx(i as u32))
    }
}

/// Name → ids of one kind, keyed by `match_key`.
#[derive(Default)]
struct Registry {
    keys: HashMap<String, Vec<Slug>>,
    ids: HashMap<Slug, String>,
    /// Every id, name and alias as written, for "did you mean" helps.
    spellings: Vec<String>,
}

impl Registry {
    fn add(&mut self, key: &str, slug: &Slug) {
        self.spellings.push(key.to_string());
        let ids = self.keys.entry(match_key(key)).or_default();
        if !ids.contains(slug) {
            ids.push(slug.clone());
        }
    }
}

enum Lookup {
    Found(Slug),
    Ambiguous(Vec<Slug>),
    Missing,
}

/// Resolves parsed files into a site. Drafts are left out unless `drafts` is set.
pub fn resolve(
    mut briefings: Vec<Briefing>,
    mut profiles: Vec<Profile>,
    drafts: bool,
    diags: &mut Diagnostics,
) -> Resolved {
    let mut draft_paths = HashMap::new();
    if !drafts {
        briefings.retain(|b| {
            if b.draft {
                draft_paths.insert(b.content_path.clone(), b.slug.clone());
            }
            !b.draft
        });
    }
    briefings
        .sort_by(|a, b| (&a.date.epoch, &a.slug, &a.path).cmp(&(&b.date.epoch, &b.slug, &b.path)));
    dedupe_briefings(&mut briefings, diags);
    profiles.sort_by(|a, b| (a.kind, &a.id, &a.path).cmp(&(b.kind, &b.id, &b.path)));
    dedupe_profiles(&mut profiles, diags);
    crate::confusable::check(&profiles, diags);

    let mut registries: [Registry; 3] = Default::default();
    for p in &profiles {
        let reg = &mut registries[p.kind as usize];
        reg.ids.insert(p.id.clone(), p.path.clone());
        reg.add(p.id.as_str(), &p.id);
        reg.add(&p.name, &p.id);
        for a in &p.aliases {
            reg.add(a, &p.id);
        }
    }

    let mut r = Resolver {
        registries,
        stubs: BTreeMap::new(),
        diags,
    };
    // References by id until every entity (stubs included) is known and sorted.
    struct Pending {
        actors: Vec<EntityId>,
        places: Vec<EntityId>,
        topics: Vec<EntityId>,
        stances: Vec<(EntityId, EntityId, Option<EntityId>, usize)>,
    }
    // Names are taken "as written the first time": by date, then path.
    let mut first_order: Vec<usize> = (0..briefings.len()).collect();
    first_order.sort_by(|&a, &b| {
        let (a, b) = (&briefings[a], &briefings[b]);
        (a.date.epoch, &a.path).cmp(&(b.date.epoch, &b.path))
    });
    let mut pending: Vec<Option<Pending>> = (0..briefings.len()).map(|_| None).collect();
    for &bi in &first_order {
        let b = &briefings[bi];
        let mut p = Pending {
            actors: Vec::new(),
            places: Vec::new(),
            topics: Vec::new(),
            stances: Vec::new(),
        };
        for a in &b.actors {
            if let Some(id) = r.resolve(Kind::Actor, a, &b.path) {
                push_unique(&mut p.actors, id);
            }
        }
        for a in &b.places {
            if let Some(id) = r.resolve(Kind::Place, a, &b.path) {
                push_unique(&mut p.places, id);
            }
        }
        for a in &b.topics {
            if let Some(id) = r.resolve(Kind::Topic, a, &b.path) {
                push_unique(&mut p.topics, id);
            }
        }
        for (si, s) in b.stances.iter().enumerate() {
            let actor = r.resolve(Kind::Actor, &s.actor, &b.path);
            let topic = r.resolve(Kind::Topic, &s.on, &b.path);
            let by =
                s.by.as_ref()
                    .and_then(|by| r.resolve(Kind::Actor, by, &b.path));
            if let (Some(actor), Some(topic)) = (actor, topic) {
                push_unique(&mut p.actors, actor.clone());
                if let Some(by) = &by {
                    push_unique(&mut p.actors, by.clone());
                }
                push_unique(&mut p.topics, topic.clone());
                p.stances.push((actor, topic, by, si));
            }
        }
        pending[bi] = Some(p);
    }
    // Reported (and stubbed) now; linked once entity indices exist.
    for p in &profiles {
        if let Some(a) = &p.affiliation {
            r.resolve(Kind::Actor, a, &p.path);
        }
        if let Some(w) = &p.within {
            r.resolve(Kind::Place, w, &p.path);
        }
    }

    // Entities: profiles and stubs, sorted by kind then id.
    let mut entities: Vec<Entity> = Vec::with_capacity(profiles.len() + r.stubs.len());
    for p in profiles {
        entities.push(Entity {
            id: EntityId {
                kind: p.kind,
                slug: p.id.clone(),
            },
            name: p.name.clone(),
            aliases: p.aliases.clone(),
            profile: Some(p),
            affiliation: None,
            within: None,
        });
    }
    for (id, name) in std::mem::take(&mut r.stubs) {
        entities.push(Entity {
            id,
            name,
            aliases: Vec::new(),
            profile: None,
            affiliation: None,
            within: None,
        });
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| entities[a].id.cmp(&entities[b].id));
    let mut sorted: Vec<Entity> = Vec::with_capacity(entities.len());
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    for i in &order {
        if let Some(e) = slots[*i].take() {
            sorted.push(e);
        }
    }
    let index: HashMap<EntityId, EntityIdx> = sorted
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), EntityIdx(i as u32)))
        .collect();
    let idx = |id: &EntityId| index[id];
    let mut links: Vec<(EntityIdx, Option<EntityIdx>, Option<EntityIdx>)> = Vec::new();
    for (i, e) in sorted.iter().enumerate() {
        if let Some(p) = &e.profile {
            let aff = p
                .affiliation
                .as_ref()
                .and_then(|a| r.peek(Kind::Actor, &a.value))
                .and_then(|id| index.get(&id).copied());
            let within = p
                .within
                .as_ref()
                .and_then(|w| r.peek(Kind::Place, &w.value))
                .and_then(|id| index.get(&id).copied());
            links.push((EntityIdx(i as u32), aff, within));
        }
    }
    for (i, aff, within) in links {
        let e = &mut sorted[i.0 as usize];
        e.affiliation = aff.filter(|a| *a != i);
        e.within = within.filter(|w| *w != i);
    }

    // Tags: slug → first spelling.
    let mut tag_index: BTreeMap<Slug, (usize, String)> = BTreeMap::new();
    for b in first_order.iter().map(|&i| &briefings[i]) {
        for t in &b.tags {
            if let Some(slug) = Slug::new(&t.value) {
                let n = tag_index.len();
                tag_index.entry(slug).or_insert((n, t.value.clone()));
            }
        }
    }
    let tags: Vec<Tag> = tag_index
        .iter()
        .map(|(slug, (_, name))| Tag {
            slug: slug.clone(),
            name: name.clone(),
        })
        .collect();
    let tag_pos: HashMap<&Slug, usize> =
        tag_index.keys().enumerate().map(|(i, s)| (s, i)).collect();

    let refs = briefings
        .iter()
        .zip(pending.into_iter().flatten())
        .map(|(b, p)| {
            let mut tags = Vec::new();
            for t in &b.tags {
                if let Some(i) = Slug::new(&t.value).and_then(|s| tag_pos.get(&s).copied())
                    && !tags.contains(&i)
                {
                    tags.push(i);
                }
            }
            let stances = p
                .stances
                .iter()
                .map(|(a, t, by, si)| (a, t, by, &b.stances[*si]))
                .map(|(a, t, by, src)| Stance {
                    actor: idx(a),
                    topic: idx(t),
                    position: src.position,
                    quote: src.quote.clone(),
                    by: by.as_ref().map(idx),
                    source: src.source,
                })
                .collect();
            Refs {
                actors: p.actors.iter().map(idx).collect(),
                places: p.places.iter().map(idx).collect(),
                topics: p.topics.iter().map(idx).collect(),
                stances,
                tags,
            }
        })
        .collect();

    Resolved {
        briefings,
        refs,
        entities: sorted,
        tags,
        drafts: draft_paths,
    }
}

/// Names of profiles, looked up as [`resolve`] does, to resolve one briefing again after
/// its front matter changed (`serve`).
pub struct ProfileNames {
    keys: [HashMap<String, Vec<EntityIdx>>; 3],
    ids: [HashMap<Slug, EntityIdx>; 3],
}

impl ProfileNames {
    /// The ids, names and aliases of every profile of `r`.
    pub fn new(r: &Resolved) -> ProfileNames {
        let mut names = ProfileNames {
            keys: Default::default(),
            ids: Default::default(),
        };
        for (i, e) in r.entities.iter().enumerate() {
            let Some(p) = &e.profile else { continue };
            let idx = EntityIdx(i as u32);
            let k = p.kind as usize;
            names.ids[k].insert(p.id.clone(), idx);
            let keys = std::iter::once(p.id.as_str())
                .chain(std::iter::once(p.name.as_str()))
                .chain(p.aliases.iter().map(String::as_str));
            for key in keys {
                let v = names.keys[k].entry(match_key(key)).or_default();
                if !v.contains(&idx) {
                    v.push(idx);
                }
            }
        }
        names
    }

    /// The one profile `name` names; `None` when it names several or none (a stub). The
    /// same order of rules as `Resolver::lookup`.
    fn find(&self, kind: Kind, name: &str) -> Option<EntityIdx> {
        let k = kind as usize;
        if let Some(slug) = Slug::new(name)
            && slug.as_str() == name.trim()
            && let Some(&e) = self.ids[k].get(&slug)
        {
            return Some(e);
        }
        if let Some(v) = self.keys[k].get(&match_key(name)) {
            return (v.len() == 1).then(|| v[0]);
        }
        Slug::new(name).and_then(|s| self.ids[k].get(&s).copied())
    }

    /// The references of briefing `b`, as [`resolve`] makes them, when every name in it is
    /// one profile and every tag is one of `tags` (sorted by slug); `None` otherwise, and
    /// then only a full resolve knows the answer (stubs, errors, new tags).
    pub fn refs(&self, b: &Briefing, tags: &[Tag]) -> Option<Refs> {
        let mut refs = Refs::default();
        let push = |v: &mut Vec<EntityIdx>, e: EntityIdx| {
            if !v.contains(&e) {
                v.push(e);
            }
        };
        for (list, kind) in [
            (&b.actors, Kind::Actor),
            (&b.places, Kind::Place),
            (&b.topics, Kind::Topic),
        ] {
            for name in list {
                let e = self.find(kind, &name.value)?;
                let into = match kind {
                    Kind::Actor => &mut refs.actors,
                    Kind::Place => &mut refs.places,
                    Kind::Topic => &mut refs.topics,
                };
                push(into, e);
            }
        }
        for s in &b.stances {
            let actor = self.find(Kind::Actor, &s.actor.value)?;
            let topic = self.find(Kind::Topic, &s.on.value)?;
            let by = match &s.by {
                Some(by) => Some(self.find(Kind::Actor, &by.value)?),
                None => None,
            };
            push(&mut refs.actors, actor);
            if let Some(by) = by {
                push(&mut refs.actors, by);
            }
            push(&mut refs.topics, topic);
            refs.stances.push(Stance {
                actor,
                topic,
                position: s.position,
                quote: s.quote.clone(),
                by,
                source: s.source,
            });
        }
        for t in &b.tags {
            let slug = Slug::new(&t.value)?;
            let i = tags.binary_search_by(|x| x.slug.cmp(&slug)).ok()?;
            if !refs.tags.contains(&i) {
                refs.tags.push(i);
            }
        }
        Some(refs)
    }
}

fn push_unique(v: &mut Vec<EntityId>, id: EntityId) {
    if !v.contains(&id) {
        v.push(id);
    }
}

struct Resolver<'a> {
    registries: [Registry; 3],
    stubs: BTreeMap<EntityId, String>,
    diags: &'a mut Diagnostics,
}

impl Resolver<'_> {
    fn lookup(&self, kind: Kind, name: &str) -> Lookup {
        let reg = &self.registries[kind as usize];
        // A reference written as an id is that profile, whatever else shares the spelling:
        // "use an id instead" must always work, and no alias can take an id over.
        if let Some(slug) = Slug::new(name)
            && slug.as_str() == name.trim()
            && reg.ids.contains_key(&slug)
        {
            return Lookup::Found(slug);
        }
        if let Some(ids) = reg.keys.get(&match_key(name)) {
            return match ids.len() {
                1 => Lookup::Found(ids[0].clone()),
                _ => Lookup::Ambiguous(ids.clone()),
            };
        }
        match Slug::new(name) {
            Some(slug) if reg.ids.contains_key(&slug) => Lookup::Found(slug),
            _ => Lookup::Missing,
        }
    }

    /// The entity `name` refers to, without reporting or creating anything.
    fn peek(&self, kind: Kind, name: &str) -> Option<EntityId> {
        match self.lookup(kind, name) {
            Lookup::Found(slug) => Some(EntityId { kind, slug }),
            Lookup::Ambiguous(_) => None,
            Lookup::Missing => Slug::new(name).map(|slug| EntityId { kind, slug }),
        }
    }

    fn resolve(&mut self, kind: Kind, name: &Spanned<String>, path: &str) -> Option<EntityId> {
        match self.lookup(kind, &name.value) {
            Lookup::Found(slug) => Some(EntityId { kind, slug }),
            Lookup::Ambiguous(ids) => {
                let reg = &self.registries[kind as usize];
                let files: Vec<String> = ids
                    .iter()
                    .map(|id| format!("`{}` ({})", id, reg.ids.get(id).map_or("?", String::as_str)))
                    .collect();
                self.diags.error(
                    Code::AmbiguousName,
                    path,
                    name.span,
                    format!(
                        "`{}` is ambiguous: it names {} {}s: {}; use an id instead",
                        name.value,
                        ids.len(),
                        kind.word(),
                        files.join(" and ")
                    ),
                );
                None
            }
            Lookup::Missing => {
                let Some(slug) = Slug::new(&name.value) else {
                    self.diags.error(
                        Code::NoLetters,
                        path,
                        name.span,
                        format!(
                            "`{}` has no letters or digits to make an id from",
                            name.value
                        ),
                    );
                    return None;
                };
                let id = EntityId { kind, slug };
                let help = crate::suggest::did_you_mean(
                    &name.value,
                    self.registries[kind as usize]
                        .spellings
                        .iter()
                        .map(String::as_str),
                );
                let d = self.diags.warning(
                    Code::Stub,
                    path,
                    name.span,
                    format!(
                        "no {} profile matches `{}`: created a stub `{}/{}` (add content/{}/{}.md to give it a profile)",
                        kind.word(),
                        name.value,
                        kind.dir(),
                        id.slug,
                        kind.dir(),
                        id.slug
                    ),
                );
                if let Some(h) = help {
                    d.with_help(h);
                }
                self.stubs
                    .entry(id.clone())
                    .or_insert_with(|| name.value.clone());
                Some(id)
            }
        }
    }
}

fn dedupe_briefings(briefings: &mut Vec<Briefing>, diags: &mut Diagnostics) {
    let mut seen: HashMap<Slug, String> = HashMap::new();
    briefings.retain(|b| match seen.get(&b.slug) {
        Some(first) => {
            diags.error(
                Code::Duplicate,
                &b.path,
                Span::FILE,
                format!(
                    "duplicate slug `{}`: {} has it too; set a different `slug:`",
                    b.slug, first
                ),
            );
            false
        }
        None => {
            seen.insert(b.slug.clone(), b.path.clone());
            true
        }
    });
}

fn dedupe_profiles(profiles: &mut Vec<Profile>, diags: &mut Diagnostics) {
    let mut seen: HashMap<(Kind, Slug), String> = HashMap::new();
    profiles.retain(|p| match seen.get(&(p.kind, p.id.clone())) {
        Some(first) => {
            diags.error(
                Code::Duplicate,
                &p.path,
                Span::FILE,
                format!(
                    "duplicate {} id `{}`: {} has it too; rename one file",
                    p.kind.word(),
                    p.id,
                    first
                ),
            );
            false
        }
        None => {
            seen.insert((p.kind, p.id.clone()), p.path.clone());
            true
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::When;

    fn profile(kind: Kind, id: &str, name: &str, aliases: &[&str]) -> Profile {
        Profile {
            path: format!("content/{}/{id}.md", kind.dir()),
            content_path: format!("{}/{id}.md", kind.dir()),
            kind,
            id: Slug::new(id).unwrap(),
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            name_span: Span::FILE,
            alias_spans: aliases.iter().map(|_| Span::FILE).collect(),
            subkind: None,
            role: None,
            affiliation: None,
            within: None,
            coords: None,
            question: None,
            extra: serde_json::json!({}),
            body: String::new(),
            body_line: 1,
            body_removed: Vec::new(),
        }
    }

    fn briefing(actors: &[&str]) -> Briefing {
        Briefing {
            path: "content/b.md".into(),
            content_path: "b.md".into(),
            slug: Slug::new("b").unwrap(),
            title: "B".into(),
            date: When::parse("2025-01-01").unwrap(),
            updated: None,
            summary: None,
            actors: actors
                .iter()
                .enumerate()
                .map(|(i, a)| Spanned {
                    value: a.to_string(),
                    span: Span::new(3, 10 + i as u32),
                })
                .collect(),
            places: Vec::new(),
            topics: Vec::new(),
            stances: Vec::new(),
            tags: Vec::new(),
            sources: Vec::new(),
            confidence: None,
            draft: false,
            extra: serde_json::json!({}),
            body: String::new(),
            body_line: 1,
            body_removed: Vec::new(),
        }
    }

    #[test]
    fn ids_names_aliases_slugs_and_stubs() {
        let mut d = Diagnostics::new();
        let r = resolve(
            vec![briefing(&[
                "ZELENSKYY",
                "jean-noel barrot",
                "Jean Noel Barrot!",
                "Andriy Yermak",
                "andriy  yermak",
            ])],
            vec![
                profile(
                    Kind::Actor,
                    "volodymyr-zelenskiy",
                    "Volodymyr Zelenskiy",
                    &["Zelenskyy"],
                ),
                profile(Kind::Actor, "jean-noel-barrot", "Jean-Noël Barrot", &[]),
            ],
            false,
            &mut d,
        );
        let ids: Vec<&str> = r.refs[0]
            .actors
            .iter()
            .map(|&e| r.entity(e).id.slug.as_str())
            .collect();
        assert_eq!(
            ids,
            ["volodymyr-zelenskiy", "jean-noel-barrot", "andriy-yermak"]
        );
        let stub = r
            .entities
            .iter()
            .find(|e| e.id.slug.as_str() == "andriy-yermak")
            .unwrap();
        assert!(stub.profile.is_none());
        assert_eq!(stub.name, "Andriy Yermak");
        assert_eq!(d.warning_count(), 2, "one warning per stub reference");
        assert!(!d.has_errors());
    }

    #[test]
    fn a_name_of_two_profiles_is_an_error_naming_both() {
        let mut d = Diagnostics::new();
        resolve(
            vec![briefing(&["Mali"])],
            vec![
                profile(Kind::Actor, "mali-army", "Malian Armed Forces", &["Mali"]),
                profile(
                    Kind::Actor,
                    "mali-government",
                    "Government of Mali",
                    &["Mali"],
                ),
                profile(Kind::Place, "mali", "Mali", &[]),
            ],
            false,
            &mut d,
        );
        let errors: Vec<String> = d.sorted().into_iter().map(|x| x.to_string()).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("content/b.md:3:10: error:"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].contains("content/actors/mali-army.md")
                && errors[0].contains("content/actors/mali-government.md")
        );
    }
}
