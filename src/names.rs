//! The name table: the ids, names and aliases of entities, per kind, and the rules a name
//! written in a file is looked up by. Front-matter references (a full build and `serve`'s
//! in-place path), `[[wiki]]` links, "did you mean" helps and the look-alike check all
//! fold and match names here, so that they cannot disagree.

use crate::model::{BriefingIdx, EntityIdx, Kind, Slug};
use crate::slug::{match_key, slugify};
use std::collections::HashMap;

/// Ids, names and aliases of the entities of every kind, each naming a `T` (a profile
/// while resolving, an entity once resolved).
pub struct NameTable<T> {
    kinds: [Shelf<T>; Kind::COUNT],
}

/// The names of one kind.
struct Shelf<T> {
    /// Id → what it names.
    ids: HashMap<String, T>,
    /// `match_key` of every id, name and alias → what it names, in the order added.
    keys: HashMap<String, Vec<T>>,
    /// Names and aliases as written (ids are the keys of `ids`).
    written: Vec<String>,
    /// Old ids (`moved_from:` of profiles) → what they name now; never suggested.
    old: HashMap<String, T>,
}

impl<T> Default for Shelf<T> {
    fn default() -> Self {
        Shelf {
            ids: HashMap::new(),
            keys: HashMap::new(),
            written: Vec::new(),
            old: HashMap::new(),
        }
    }
}

/// What a front-matter reference names among the entities of one kind.
#[derive(Debug, PartialEq)]
pub enum Lookup<'a, T> {
    Found(T),
    /// Several entities share the name, in the order they were added.
    Ambiguous(&'a [T]),
    Missing,
}

impl<T> Default for NameTable<T> {
    fn default() -> Self {
        NameTable {
            kinds: std::array::from_fn(|_| Shelf::default()),
        }
    }
}

impl<T: Copy + PartialEq> NameTable<T> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an entity of `kind` by its id, name and aliases.
    pub fn add(&mut self, kind: Kind, id: &Slug, name: &str, aliases: &[String], value: T) {
        let shelf = &mut self.kinds[kind.index()];
        shelf.ids.insert(id.as_str().to_string(), value);
        shelf.key(id.as_str(), value);
        for s in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            shelf.written.push(s.to_string());
            shelf.key(s, value);
        }
    }

    /// Adds one spelling under its matching key only: it can be found by that key (and is
    /// grouped by [`NameTable::groups`]), but is neither an id nor a suggestion.
    pub fn add_key(&mut self, kind: Kind, spelling: &str, value: T) {
        self.kinds[kind.index()].key(spelling, value);
    }

    /// Adds an id an entity had before (a profile's `moved_from:`): a name that is it, or
    /// slugifies to it, still finds the entity, which it is never suggested as.
    pub fn add_old_id(&mut self, kind: Kind, old: &str, value: T) {
        let shelf = &mut self.kinds[kind.index()];
        shelf.old.entry(slugify(old)).or_insert(value);
        shelf.key(old, value);
    }

    /// The entity a front-matter reference names. In this order: a name written as an id
    /// (`jean-noel-barrot`) is that entity, whatever alias shares its spelling, so that
    /// "use an id instead" always works; then the name's matching key (case, diacritics
    /// and spacing ignored), which may name several; then the id the name slugifies to
    /// (`Jean Noel Barrot!`).
    pub fn lookup(&self, kind: Kind, name: &str) -> Lookup<'_, T> {
        let shelf = &self.kinds[kind.index()];
        let slug = slugify(name);
        if let Some(one) = shelf.written_as_id(name, &slug) {
            return Lookup::Found(one);
        }
        match shelf.keys.get(&match_key(name)).map(Vec::as_slice) {
            Some([one]) => Lookup::Found(*one),
            Some(many) => Lookup::Ambiguous(many),
            None => (shelf.ids.get(&slug))
                .or_else(|| shelf.old.get(&slug))
                .map_or(Lookup::Missing, |&v| Lookup::Found(v)),
        }
    }

    /// What a `[[wiki]]` link names, among the entities of `kind` or of every kind (in kind
    /// order). A name written as an id wins when the kind is given (`[[actor:alice]]`);
    /// otherwise every entity whose matching key is the name's, or failing that its slug.
    pub fn link_targets(&self, name: &str, kind: Option<Kind>) -> Vec<T> {
        let slug = slugify(name);
        if let Some(k) = kind
            && let Some(one) = self.kinds[k.index()].written_as_id(name, &slug)
        {
            return vec![one];
        }
        let key = match_key(name);
        let mut found = Vec::new();
        for k in Kind::ALL {
            if kind.is_some_and(|want| want != k) {
                continue;
            }
            let shelf = &self.kinds[k.index()];
            if let Some(v) = (shelf.keys.get(&key)).or_else(|| shelf.keys.get(&slug)) {
                found.extend(v);
            } else if let Some(&v) = shelf.old.get(&slug) {
                found.push(v);
            }
        }
        found
    }

    /// Every id, name and alias of `kind` as written, to suggest one for a typo.
    pub fn spellings(&self, kind: Kind) -> impl Iterator<Item = &str> {
        let shelf = &self.kinds[kind.index()];
        shelf.ids.keys().chain(&shelf.written).map(String::as_str)
    }

    /// Every group of values that share a matching key within one kind, by kind; in no
    /// particular order between groups.
    pub fn groups(&self) -> impl Iterator<Item = &[T]> {
        self.kinds
            .iter()
            .flat_map(|shelf| shelf.keys.values().map(Vec::as_slice))
    }
}

impl<T: Copy + PartialEq> Shelf<T> {
    fn key(&mut self, spelling: &str, value: T) {
        let v = self.keys.entry(match_key(spelling)).or_default();
        if !v.contains(&value) {
            v.push(value);
        }
    }

    /// The entity whose id `name` is, when it is written exactly as that id (`slug` is
    /// `slugify(name)`).
    fn written_as_id(&self, name: &str, slug: &str) -> Option<T> {
        if slug != name.trim() {
            return None;
        }
        self.ids.get(slug).copied()
    }
}

/// Name lookup over the entities of a resolved site, for `[[wiki]]` links: every entity,
/// stubs included, and briefing slugs. Made by `Resolved::link_names`.
pub struct Names {
    table: NameTable<EntityIdx>,
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
    /// Link lookup over `table` (the entities) and the briefings by slug.
    pub fn new(table: NameTable<EntityIdx>, briefings: HashMap<Slug, BriefingIdx>) -> Names {
        Names { table, briefings }
    }

    /// Finds `name` among entities of `kind`, or of every kind when `kind` is `None`.
    pub fn find(&self, name: &str, kind: Option<Kind>) -> NameMatch {
        let found = self.table.link_targets(name, kind);
        match found.as_slice() {
            [] => NameMatch::None,
            [one] => NameMatch::One(*one),
            _ => NameMatch::Many(found),
        }
    }

    /// The briefing with `slug` (slugified first).
    pub fn briefing(&self, slug: &str) -> Option<BriefingIdx> {
        Slug::new(slug).and_then(|s| self.briefings.get(&s).copied())
    }

    /// Follows the briefings after one moved in date order (`to`: each index before, its
    /// index now) and took slug `now` in place of `was` (the same when it kept it).
    pub fn move_briefing(
        &mut self,
        to: impl Fn(BriefingIdx) -> BriefingIdx,
        was: &Slug,
        now: &Slug,
    ) {
        self.briefings.values_mut().for_each(|b| *b = to(*b));
        if was != now
            && let Some(b) = self.briefings.remove(was)
        {
            self.briefings.insert(now.clone(), b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::new(s).unwrap()
    }

    fn aliases(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    /// Actors 0 `mali` (alias `Bamako Junta`), 1 `mali-army` and 2 `mali-government`
    /// (both alias `Mali`), 3 `jean-noel-barrot`; place 10 `mali`.
    fn table() -> NameTable<u32> {
        let mut t = NameTable::new();
        t.add(
            Kind::Actor,
            &slug("mali"),
            "Mali Junta",
            &aliases(&["Bamako Junta"]),
            0,
        );
        t.add(
            Kind::Actor,
            &slug("mali-army"),
            "Malian Armed Forces",
            &aliases(&["Mali"]),
            1,
        );
        t.add(
            Kind::Actor,
            &slug("mali-government"),
            "Government of Mali",
            &aliases(&["MALI"]),
            2,
        );
        t.add(
            Kind::Actor,
            &slug("jean-noel-barrot"),
            "Jean-Noël Barrot",
            &[],
            3,
        );
        t.add(Kind::Place, &slug("mali"), "Mali", &[], 10);
        t
    }

    #[test]
    fn an_id_as_written_wins_over_names_spelled_the_same() {
        let t = table();
        assert_eq!(t.lookup(Kind::Actor, "mali"), Lookup::Found(0));
        assert_eq!(t.lookup(Kind::Actor, "  mali "), Lookup::Found(0));
        assert_eq!(t.link_targets("mali", Some(Kind::Actor)), [0]);
    }

    #[test]
    fn a_folded_name_of_several_is_ambiguous_in_the_order_added() {
        let t = table();
        assert_eq!(t.lookup(Kind::Actor, "Mali"), Lookup::Ambiguous(&[0, 1, 2]));
        assert_eq!(t.lookup(Kind::Actor, "mALÍ"), Lookup::Ambiguous(&[0, 1, 2]));
        assert_eq!(t.lookup(Kind::Place, "Mali"), Lookup::Found(10));
        assert_eq!(t.link_targets("Mali", None), [0, 1, 2, 10]);
    }

    #[test]
    fn case_diacritics_and_spacing_are_folded() {
        let t = table();
        assert_eq!(t.lookup(Kind::Actor, "JEAN-NOEL  barrot"), Lookup::Found(3));
        assert_eq!(t.lookup(Kind::Actor, "jean-noël barrot"), Lookup::Found(3));
        assert_eq!(t.lookup(Kind::Actor, "bamako  JUNTA"), Lookup::Found(0));
        assert_eq!(t.lookup(Kind::Place, "Bamako Junta"), Lookup::Missing);
    }

    #[test]
    fn a_name_that_only_slugifies_to_an_id_finds_it() {
        let t = table();
        // Its matching key is `jean noel barrot!`, which no spelling has.
        assert_eq!(t.lookup(Kind::Actor, "Jean Noel Barrot!"), Lookup::Found(3));
        assert_eq!(t.lookup(Kind::Actor, "Jean Noel Barrot?"), Lookup::Found(3));
        assert_eq!(t.lookup(Kind::Actor, "Jean Barrot"), Lookup::Missing);
        assert_eq!(t.lookup(Kind::Actor, "!!!"), Lookup::Missing);
    }

    #[test]
    fn links_fall_back_to_the_slug_as_a_key() {
        let mut t = table();
        t.add(
            Kind::Actor,
            &slug("shabaab"),
            "Harakat al-Shabaab",
            &aliases(&["al-shabaab"]),
            4,
        );
        // `Al Shabaab!` folds to `al shabaab!`; its slug is the alias's key, not an id.
        assert_eq!(t.link_targets("Al Shabaab!", None), [4]);
        assert_eq!(t.lookup(Kind::Actor, "Al Shabaab!"), Lookup::Missing);
        assert!(t.link_targets("Timbuktu", None).is_empty());
    }

    #[test]
    fn spellings_are_ids_names_and_aliases_as_written() {
        let t = table();
        let mut place: Vec<&str> = t.spellings(Kind::Place).collect();
        place.sort();
        assert_eq!(place, ["Mali", "mali"]);
        assert!(t.spellings(Kind::Actor).any(|s| s == "Jean-Noël Barrot"));
        assert!(t.spellings(Kind::Actor).any(|s| s == "mali-government"));
        assert_eq!(t.spellings(Kind::Actor).count(), 4 + 4 + 3);
    }

    #[test]
    fn groups_hold_what_shares_a_key() {
        let mut t = NameTable::new();
        t.add_key(Kind::Actor, "Alice", 0);
        t.add_key(Kind::Actor, "ÁLICE", 1);
        t.add_key(Kind::Place, "alice", 2);
        let mut groups: Vec<&[u32]> = t.groups().collect();
        groups.sort();
        assert_eq!(groups, [&[0, 1][..], &[2]]);
        assert_eq!(t.spellings(Kind::Actor).count(), 0);
    }
}
