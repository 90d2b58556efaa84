//! Name lookup for `[[wiki]]` links: ids, names and aliases of every entity, and briefing slugs.

use crate::model::{BriefingIdx, EntityIdx, Kind, Slug};
use crate::resolve::Resolved;
use crate::slug::match_key;
use std::collections::HashMap;

/// Name lookup over the entities of a resolved site, used for `[[wiki]]` links.
pub struct Names {
    keys: [HashMap<String, Vec<EntityIdx>>; 3],
    ids: [HashMap<String, EntityIdx>; 3],
    briefings: HashMap<Slug, BriefingIdx>,
}

/// What a name refers to in a body link.
pub enum NameMatch {
    One(EntityIdx),
    /// Several entities of one kind, or of several kinds.
    Many(Vec<EntityIdx>),
    None,
}

impl Names {
    /// Indexes ids, names and aliases of every entity, and briefing slugs.
    pub fn new(site: &Resolved) -> Names {
        let mut keys: [HashMap<String, Vec<EntityIdx>>; 3] = Default::default();
        let mut ids: [HashMap<String, EntityIdx>; 3] = Default::default();
        for (i, e) in site.entities.iter().enumerate() {
            let idx = EntityIdx(i as u32);
            ids[e.id.kind as usize].insert(e.id.slug.to_string(), idx);
            let map = &mut keys[e.id.kind as usize];
            for k in std::iter::once(e.id.slug.as_str())
                .chain(std::iter::once(e.name.as_str()))
                .chain(e.aliases.iter().map(String::as_str))
            {
                let v = map.entry(match_key(k)).or_default();
                if !v.contains(&idx) {
                    v.push(idx);
                }
            }
        }
        let briefings = site
            .briefings
            .iter()
            .enumerate()
            .map(|(i, b)| (b.slug.clone(), BriefingIdx(i as u32)))
            .collect();
        Names {
            keys,
            ids,
            briefings,
        }
    }

    /// Finds `name` among entities of `kind`, or of every kind when `kind` is `None`.
    pub fn find(&self, name: &str, kind: Option<Kind>) -> NameMatch {
        let key = match_key(name);
        let slug_key = crate::slug::slugify(name);
        // Written as an id (`[[actor:alice]]`): that entity, even if an alias elsewhere
        // is spelled the same.
        if let Some(k) = kind
            && slug_key == name.trim()
            && let Some(&one) = self.ids[k as usize].get(&slug_key)
        {
            return NameMatch::One(one);
        }
        let mut found: Vec<EntityIdx> = Vec::new();
        for k in Kind::ALL {
            if kind.is_some_and(|want| want != k) {
                continue;
            }
            let map = &self.keys[k as usize];
            if let Some(v) = map.get(&key).or_else(|| map.get(&slug_key)) {
                found.extend(v);
            }
        }
        match found.len() {
            0 => NameMatch::None,
            1 => NameMatch::One(found[0]),
            _ => NameMatch::Many(found),
        }
    }

    /// The briefing with `slug` (slugified first).
    pub fn briefing(&self, slug: &str) -> Option<BriefingIdx> {
        Slug::new(slug).and_then(|s| self.briefings.get(&s).copied())
    }
}
