//! Resolves every name in front matter to an entity: ids, names and aliases per kind,
//! stubs for unknown names, errors for ambiguous ones and for duplicate slugs and ids.
//! Names are looked up in the one [`NameTable`]; [`resolve`] runs as named phases.

use crate::diagnostic::{Code, Diagnostics, Edit, Span};
use crate::id_vec::{Id, IdVec};
use crate::model::{
    Briefing, BriefingIdx, EntityId, EntityIdx, Kind, PerKind, Position, Profile, Slug, Spanned,
};
use crate::names::{Lookup, NameTable, Names};
use crate::schedule::{Schedule, Window, shown, window};
use crate::stubs::AcceptedStubs;
use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;

/// An actor, place or topic: from a profile, or a stub made from a name.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: EntityId,
    pub name: String,
    pub aliases: Vec<String>,
    /// `None` for a stub.
    pub profile: Option<Profile>,
    pub affiliation: Option<EntityIdx>,
    /// The profile's dated `affiliations:`, resolved.
    pub affiliations: Vec<crate::model::Dated<EntityIdx>>,
    pub within: Option<EntityIdx>,
}

/// A stance with its references resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    pub actor: EntityIdx,
    pub topic: EntityIdx,
    pub position: Position,
    pub quote: Option<String>,
    pub by: Option<EntityIdx>,
    pub source: Option<usize>,
    /// Its place among the briefing's stances as written (`Briefing::stances`).
    pub src: usize,
}

/// A tag: its URL slug and the spelling it was first written with.
#[derive(Debug, Clone)]
pub struct Tag {
    pub slug: Slug,
    pub name: String,
}

/// What a briefing's front matter names, resolved.
#[derive(Debug, Clone, Default)]
pub struct Refs {
    /// The entities of each kind, in the order first named; stance actors and voices are
    /// among the actors, stance topics among the topics.
    pub named: PerKind<Vec<EntityIdx>>,
    /// The authors `reviewed_by:` names, as first written, none of them among its authors.
    pub reviewers: Vec<EntityIdx>,
    pub stances: Vec<Stance>,
    /// Each judgment with an `on:` that was found: its place in `Briefing::judgments` and
    /// its topic (among the topics).
    pub judgments: Vec<(usize, EntityIdx)>,
    pub tags: Vec<usize>,
}

impl Refs {
    /// Every entity named, in kind order (reviewers aside).
    pub fn entities(&self) -> impl Iterator<Item = EntityIdx> + '_ {
        self.named.values().flatten().copied()
    }

    /// The entities named that say what the briefing is about: every one but its authors
    /// ([`Kind::is_byline`]). Related briefings are counted over these.
    pub fn about(&self) -> impl Iterator<Item = EntityIdx> + '_ {
        (self.named.iter())
            .filter(|(kind, _)| !kind.is_byline())
            .flat_map(|(_, list)| list)
            .copied()
    }
}

/// The site after resolution: briefings sorted by date then slug, entities by kind then id.
#[derive(Debug, Default)]
pub struct Resolved {
    pub briefings: IdVec<BriefingIdx, Briefing>,
    pub refs: IdVec<BriefingIdx, Refs>,
    pub entities: IdVec<EntityIdx, Entity>,
    pub tags: Vec<Tag>,
    /// Content paths of drafts left out of this build, with their slugs.
    pub drafts: HashMap<String, Slug>,
    /// site.yaml's `default_author`: the author of every briefing that names none.
    pub default_author: Option<EntityIdx>,
    /// Content paths of briefings left out for their window (embargoed or expired), with
    /// their slugs, why, and the moment as shown in the site's zone.
    pub withheld: HashMap<String, (Slug, Window, String)>,
    /// The files beside the content that withheld briefings show as their picture
    /// (`image:`), output paths: left out with them unless a published page uses them too,
    /// as are those their bodies link to or show (see `held_bodies`).
    pub held_files: std::collections::BTreeSet<String>,
    /// The content path and Markdown body of each withheld briefing, for the files its body
    /// links to (read by `pipeline::assemble`: resolving reads no Markdown).
    pub held_bodies: Vec<(String, String)>,
    /// The earliest embargo still ahead, and the file it holds back (the site path), among
    /// briefings that are not drafts left out.
    pub next_embargo: Option<(jiff::Timestamp, String)>,
    /// Each briefing's day as written is on or after the one before it (briefings are in
    /// time order; only dates written with offsets far apart can cross days): a list in
    /// briefing order, such as a stance history, is then in day order too.
    pub days_in_order: bool,
}

impl Resolved {
    /// The entity at `idx`.
    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        &self.entities[idx]
    }

    /// The briefing at `idx`.
    pub fn briefing(&self, idx: BriefingIdx) -> &Briefing {
        &self.briefings[idx]
    }

    /// Indices of the entities of one kind.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = EntityIdx> + '_ {
        self.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.id.kind == kind)
            .map(|(i, _)| EntityIdx(i as u32))
    }

    /// The names `[[wiki]]` links are looked up by: every entity, stubs included, and
    /// briefing slugs.
    pub fn link_names(&self) -> Names {
        let mut table = NameTable::new();
        for (i, e) in self.entities.iter().enumerate() {
            table.add(
                e.id.kind,
                &e.id.slug,
                &e.name,
                &e.aliases,
                EntityIdx(i as u32),
            );
            for old in e.profile.iter().flat_map(|p| p.old_ids()) {
                table.add_old_id(e.id.kind, old, EntityIdx(i as u32));
            }
        }
        let briefings = (self.briefings.iter().enumerate())
            .map(|(i, b)| (b.slug.clone(), BriefingIdx(i as u32)))
            .collect();
        Names::new(table, briefings)
    }
}

/// Resolves parsed files into a site. Drafts are left out unless `drafts` is set; every
/// briefing is in, whatever its `publish_at` and `expires`.
pub fn resolve(
    briefings: Vec<Briefing>,
    profiles: Vec<Profile>,
    drafts: bool,
    diags: &mut Diagnostics,
) -> Resolved {
    let clock = Clock {
        schedule: Schedule::everything(),
        zone: jiff::tz::TimeZone::UTC,
    };
    resolve_with(
        briefings,
        profiles,
        drafts,
        &clock,
        &Settings::default(),
        diags,
    )
}

/// What site.yaml says about names: stubs it accepts, the default author.
#[derive(Debug, Default, Clone, Copy)]
pub struct Settings<'a> {
    /// Names made stubs without a word.
    pub accepted: Option<&'a AcceptedStubs>,
    /// `default_author:` as written in site.yaml.
    pub default_author: Option<&'a Spanned<String>>,
}

/// A build's moment with the zone local times are read in.
pub struct Clock {
    pub schedule: Schedule,
    pub zone: jiff::tz::TimeZone,
}

/// [`resolve`] at the moment of `clock` (briefings outside their window left out unless it
/// includes them), under site.yaml's `settings`.
pub fn resolve_with(
    briefings: Vec<Briefing>,
    profiles: Vec<Profile>,
    drafts: bool,
    clock: &Clock,
    settings: &Settings,
    diags: &mut Diagnostics,
) -> Resolved {
    let (briefings, drafts) = published(briefings, drafts, diags);
    let (briefings, withheld, (held_files, held_bodies), next_embargo) =
        in_window(briefings, clock);
    let profiles = distinct_profiles(profiles, diags);
    let first = first_written(&briefings);
    let none = AcceptedStubs::default();
    let mut r = Resolver::new(&profiles, settings.accepted.unwrap_or(&none), diags);
    let named = r.briefings(&briefings, &first);
    let links = r.profile_links();
    let default_author = settings.default_author.and_then(|a| r.default_author(a));
    let stubs = r.stubs;
    let (entities, index) = entities(profiles, links, stubs);
    let default_author = default_author.and_then(|id| index.get(&id).copied());
    let tags = tags(&briefings, &first);
    let refs = briefing_refs(&briefings, named, &index, &tags, default_author);
    let days_in_order = (briefings.windows(2)).all(|w| w[0].date.date <= w[1].date.date);
    let (briefings, refs, entities) = (
        IdVec::from_vec(briefings),
        IdVec::from_vec(refs),
        IdVec::from_vec(entities),
    );
    Resolved {
        briefings,
        refs,
        entities,
        tags,
        drafts,
        default_author,
        withheld,
        held_files,
        held_bodies,
        next_embargo,
        days_in_order,
    }
}

/// What [`in_window`] returns: the briefings kept, those withheld by content path, the
/// files they show as pictures and their bodies (see [`Resolved::held_bodies`]), and the
/// next embargo to lift.
type Windowed = (
    Vec<Briefing>,
    HashMap<String, (Slug, Window, String)>,
    (std::collections::BTreeSet<String>, Vec<(String, String)>),
    Option<(jiff::Timestamp, String)>,
);

/// Leaves out the briefings outside their window at the clock's moment (unless it includes
/// them), before anything reads them: no page, list, feed or index can show what is not here.
fn in_window(briefings: Vec<Briefing>, clock: &Clock) -> Windowed {
    let mut withheld = HashMap::new();
    let mut held_files = std::collections::BTreeSet::new();
    let mut held_bodies = Vec::new();
    let mut next: Option<(jiff::Timestamp, String)> = None;
    let kept = briefings
        .into_iter()
        .filter(|b| {
            let w = window(b, clock.schedule.now, &clock.zone);
            if let Window::Embargoed(t) = w
                && next.as_ref().is_none_or(|(n, p)| (t, &b.path) < (*n, p))
            {
                next = Some((t, b.path.clone()));
            }
            let keep = w.included(&clock.schedule);
            if !keep {
                let at = match w {
                    Window::Embargoed(t) | Window::Expired(t) => shown(t, &clock.zone),
                    Window::Live => String::new(),
                };
                withheld.insert(b.content_path.clone(), (b.slug.clone(), w, at));
                held_bodies.push((b.content_path.clone(), b.body.to_string()));
                // A path of its picture from the root may be a file of content/ too.
                held_files.extend(b.picture.site_path(&b.content_path).map(|p| match p {
                    crate::model::ImagePath::Content(p) | crate::model::ImagePath::FromRoot(p) => p,
                }));
            }
            keep
        })
        .collect();
    (kept, withheld, (held_files, held_bodies), next)
}

/// The briefings of this build, by date then slug, without drafts (unless `drafts`) and
/// without any whose slug an earlier one has; and the drafts left out, by content path.
fn published(
    mut briefings: Vec<Briefing>,
    drafts: bool,
    diags: &mut Diagnostics,
) -> (Vec<Briefing>, HashMap<String, Slug>) {
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
    (briefings, draft_paths)
}

/// Profiles by kind then id, each id once, with their look-alike names reported.
fn distinct_profiles(mut profiles: Vec<Profile>, diags: &mut Diagnostics) -> Vec<Profile> {
    profiles.sort_by(|a, b| (a.kind, &a.id, &a.path).cmp(&(b.kind, &b.id, &b.path)));
    dedupe_profiles(&mut profiles, diags);
    crate::confusable::check(&profiles, diags);
    profiles
}

/// Indices of `briefings` in the order names are taken "as written the first time": by
/// date, then path.
fn first_written(briefings: &[Briefing]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..briefings.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&briefings[a], &briefings[b]);
        (a.date.epoch, &a.path).cmp(&(b.date.epoch, &b.path))
    });
    order
}

/// What a briefing's front matter names, by kind, and its stances, each name looked up to
/// a `T`; made into [`Refs`] once entity indices exist.
struct Named<T> {
    kinds: PerKind<Vec<T>>,
    reviewers: Vec<T>,
    stances: Vec<StanceNames<T>>,
    /// Each judgment's index and topic, for those with `on:`.
    judgments: Vec<(usize, T)>,
}

/// A stance's actor, topic and voice, looked up; `src` is its index in the briefing.
struct StanceNames<T> {
    actor: T,
    topic: T,
    by: Option<T>,
    src: usize,
}

impl<T: Clone + PartialEq> Named<T> {
    /// Looks up every name of `b` with `find`, in the order a full resolve reports them:
    /// the names of each kind, its reviewers, each stance's actor, topic and voice, then each
    /// judgment's topic. `find` gives
    /// `Ok(None)` to leave a name out (a stance whose actor or topic is left out goes
    /// too), `Err` to give up on the briefing.
    fn walk<E>(
        b: &Briefing,
        mut find: impl FnMut(Kind, &Spanned<String>) -> Result<Option<T>, E>,
    ) -> Result<Named<T>, E> {
        let mut kinds: PerKind<Vec<T>> = PerKind::default();
        for (kind, names) in b.named.iter() {
            for name in names {
                if let Some(t) = find(kind, name)? {
                    push_unique(&mut kinds[kind], t);
                }
            }
        }
        let mut reviewers = Vec::new();
        for name in &b.reviewed_by {
            if let Some(t) = find(Kind::Author, name)?
                && !kinds[Kind::Author].contains(&t)
            {
                push_unique(&mut reviewers, t);
            }
        }
        let mut stances = Vec::new();
        for (src, s) in b.stances.iter().enumerate() {
            let actor = find(Kind::Actor, &s.actor)?;
            let topic = find(Kind::Topic, &s.on)?;
            let by = match &s.by {
                Some(by) => find(Kind::Actor, by)?,
                None => None,
            };
            if let (Some(actor), Some(topic)) = (actor, topic) {
                let actors = &mut kinds[Kind::Actor];
                push_unique(actors, actor.clone());
                if let Some(by) = &by {
                    push_unique(actors, by.clone());
                }
                push_unique(&mut kinds[Kind::Topic], topic.clone());
                stances.push(StanceNames {
                    actor,
                    topic,
                    by,
                    src,
                });
            }
        }
        let mut judgments = Vec::new();
        for (src, j) in b.judgments.iter().enumerate() {
            if let Some(on) = &j.on
                && let Some(topic) = find(Kind::Topic, on)?
            {
                push_unique(&mut kinds[Kind::Topic], topic.clone());
                judgments.push((src, topic));
            }
        }
        Ok(Named {
            kinds,
            reviewers,
            stances,
            judgments,
        })
    }

    /// The references of `b`, each `T` made an entity index by `idx`; `default_author`
    /// is its author when it names none.
    fn into_refs(
        self,
        b: &Briefing,
        idx: impl Fn(&T) -> EntityIdx,
        tags: Vec<usize>,
        default_author: Option<EntityIdx>,
    ) -> Refs {
        let stances = self
            .stances
            .iter()
            .map(|s| {
                let src = &b.stances[s.src];
                Stance {
                    actor: idx(&s.actor),
                    topic: idx(&s.topic),
                    position: src.position,
                    quote: src.quote.clone(),
                    by: s.by.as_ref().map(&idx),
                    source: src.source,
                    src: s.src,
                }
            })
            .collect();
        let mut named: PerKind<Vec<EntityIdx>> = self.kinds.map(|v| v.iter().map(&idx).collect());
        let mut reviewers: Vec<EntityIdx> = self.reviewers.iter().map(&idx).collect();
        if let Some(a) = default_author
            && named[Kind::Author].is_empty()
        {
            named[Kind::Author].push(a);
            reviewers.retain(|&r| r != a);
        }
        Refs {
            named,
            reviewers,
            stances,
            judgments: self.judgments.iter().map(|(i, t)| (*i, idx(t))).collect(),
            tags,
        }
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, t: T) {
    if !v.contains(&t) {
        v.push(t);
    }
}

/// Index of a profile among the distinct profiles being resolved.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ProfileIdx(u32);

/// An affiliation and enclosing place by id, until entity indices exist.
struct Links {
    affiliation: Option<EntityId>,
    /// The dated `affiliations:`, each actor by id.
    affiliations: Vec<crate::model::Dated<EntityId>>,
    within: Option<EntityId>,
}

/// Looks names up among the profiles, reporting what is ambiguous and making stubs of
/// what is missing.
struct Resolver<'a> {
    profiles: &'a [Profile],
    table: NameTable<ProfileIdx>,
    /// Stubs made so far, with the name as first written.
    stubs: BTreeMap<EntityId, String>,
    /// Names site.yaml lists as stubs.
    accepted: &'a AcceptedStubs,
    /// The known spellings of each kind, made when a name of that kind is first missing.
    spellings: [Option<crate::suggest::Spellings>; Kind::COUNT],
    diags: &'a mut Diagnostics,
}

impl<'a> Resolver<'a> {
    /// A resolver over the ids, names and aliases of `profiles` (sorted and distinct).
    fn new(
        profiles: &'a [Profile],
        accepted: &'a AcceptedStubs,
        diags: &'a mut Diagnostics,
    ) -> Resolver<'a> {
        let mut table = NameTable::new();
        for (i, p) in profiles.iter().enumerate() {
            table.add(p.kind, &p.id, &p.name, &p.aliases, ProfileIdx(i as u32));
            for old in p.old_ids() {
                table.add_old_id(p.kind, old, ProfileIdx(i as u32));
            }
        }
        Resolver {
            profiles,
            table,
            stubs: BTreeMap::new(),
            accepted,
            spellings: Default::default(),
            diags,
        }
    }

    /// What every briefing names, by id, in the order of `briefings`; looked up in `first`
    /// order, so that a stub is named as first written.
    fn briefings(&mut self, briefings: &[Briefing], first: &[usize]) -> Vec<Named<EntityId>> {
        use rayon::prelude::*;
        // The names a profile answers are looked up on every core first (the table is only
        // read, and finding one reports nothing): most names are. Those left make stubs
        // and diagnostics, in `first` order.
        let (table, profiles) = (&self.table, self.profiles);
        let mut found: Vec<std::vec::IntoIter<Option<EntityId>>> = (briefings.par_iter())
            .map(|b| {
                let mut ids = Vec::new();
                let Ok(_) = Named::<()>::walk(b, |kind, name| {
                    ids.push(match table.lookup(kind, &name.value) {
                        Lookup::Found(p) => Some(EntityId {
                            kind,
                            slug: profiles[p.0 as usize].id.clone(),
                        }),
                        _ => None,
                    });
                    Ok::<_, Infallible>(None)
                });
                ids.into_iter()
            })
            .collect();
        let mut named: Vec<Option<Named<EntityId>>> = (0..briefings.len()).map(|_| None).collect();
        for &bi in first {
            let b = &briefings[bi];
            let ids = &mut found[bi];
            let Ok(n) = Named::walk(b, |kind, name| {
                let id = match ids.next().flatten() {
                    Some(id) => Some(id),
                    None => self.resolve(kind, name, &b.path),
                };
                Ok::<_, Infallible>(id)
            });
            debug_assert!(ids.next().is_none(), "both walks meet the same names");
            named[bi] = Some(n);
        }
        named.into_iter().flatten().collect()
    }

    /// The affiliation and enclosing place of every profile, by id (reported, and stubbed
    /// when missing, as any reference).
    fn profile_links(&mut self) -> Vec<Links> {
        let profiles = self.profiles;
        profiles
            .iter()
            .map(|p| Links {
                affiliation: (p.affiliation.as_ref())
                    .and_then(|a| self.resolve(Kind::Actor, a, &p.path)),
                affiliations: (p.affiliations.iter())
                    .filter_map(|a| {
                        let written = Spanned {
                            value: a.value.clone(),
                            span: a.span,
                        };
                        let id = self.resolve(Kind::Actor, &written, &p.path)?;
                        Some(crate::model::Dated {
                            value: id,
                            from: a.from,
                            to: a.to,
                            span: a.span,
                        })
                    })
                    .collect(),
                within: (p.within.as_ref()).and_then(|w| self.resolve(Kind::Place, w, &p.path)),
            })
            .collect()
    }

    /// The entity `name` refers to: a profile, or a stub made for it (with a warning);
    /// `None`, with an error, when it names several profiles or has nothing to make an id
    /// from.
    fn resolve(&mut self, kind: Kind, name: &Spanned<String>, path: &str) -> Option<EntityId> {
        match self.table.lookup(kind, &name.value) {
            Lookup::Found(p) => Some(EntityId {
                kind,
                slug: self.profiles[p.0 as usize].id.clone(),
            }),
            Lookup::Ambiguous(found) => {
                let files: Vec<String> = found
                    .iter()
                    .map(|p| &self.profiles[p.0 as usize])
                    .map(|p| format!("`{}` ({})", p.id, p.path))
                    .collect();
                self.diags.error(
                    Code::AmbiguousName,
                    path,
                    name.span,
                    format!(
                        "`{}` is ambiguous: it names {} {}s: {}; use an id instead",
                        name.value,
                        found.len(),
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
                if !self.accepted.accepts(kind, &name.value) {
                    self.report_stub(kind, name, &id, path);
                }
                self.stubs
                    .entry(id.clone())
                    .or_insert_with(|| name.value.clone());
                Some(id)
            }
        }
    }
}

impl Resolver<'_> {
    /// The author profile site.yaml's `default_author` names; `None`, with an error at its
    /// place in site.yaml, when it names none or several. Never a stub: a default put on
    /// every briefing should be somebody the desk has written down.
    fn default_author(&mut self, name: &Spanned<String>) -> Option<EntityId> {
        const SITE: &str = "site.yaml";
        let kind = Kind::Author;
        match self.table.lookup(kind, &name.value) {
            Lookup::Found(p) => Some(EntityId {
                kind,
                slug: self.profiles[p.0 as usize].id.clone(),
            }),
            Lookup::Ambiguous(found) => {
                let files: Vec<String> = (found.iter())
                    .map(|p| &self.profiles[p.0 as usize])
                    .map(|p| format!("`{}` ({})", p.id, p.path))
                    .collect();
                self.diags.error(
                    Code::DefaultAuthor,
                    SITE,
                    name.span,
                    format!(
                        "`default_author: {}` is ambiguous: it names {}; use an id instead",
                        name.value,
                        files.join(" and ")
                    ),
                );
                None
            }
            Lookup::Missing => {
                let table = &self.table;
                let known = self.spellings[kind.index()]
                    .get_or_insert_with(|| crate::suggest::Spellings::new(table.spellings(kind)));
                let near = (known.closest(&name.value))
                    .or_else(|| known.part_of(&name.value))
                    .map(str::to_string);
                let d = self.diags.error(
                    Code::DefaultAuthor,
                    SITE,
                    name.span,
                    format!("`default_author: {}` names no author profile", name.value),
                );
                d.with_help(match near {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!(
                        "write the id, name or alias of a profile in content/authors/, or add content/authors/{}.md",
                        Slug::new(&name.value).map_or_else(|| "<id>".to_string(), |s| s.to_string())
                    ),
                });
                None
            }
        }
    }

    /// Reports the stub `id` made of `name`: an error when a known spelling of its kind is
    /// a near miss of it (a typo far more often than a new entity), else a warning.
    fn report_stub(&mut self, kind: Kind, name: &Spanned<String>, id: &EntityId, path: &str) {
        let profile_hint = format!(
            "add content/{}/{}.md to give it a profile",
            kind.dir(),
            id.slug
        );
        let profile_path = format!("content/{}/{}.md", kind.dir(), id.slug);
        let create = (
            format!("Create {profile_path}"),
            Edit::CreateFile {
                text: crate::parse::starter_profile(kind, &crate::stubs::flow_item(&name.value)),
                path: profile_path,
            },
        );
        let table = &self.table;
        let known = self.spellings[kind.index()]
            .get_or_insert_with(|| crate::suggest::Spellings::new(table.spellings(kind)));
        let near = known
            .closest(&name.value)
            .or_else(|| known.part_of(&name.value))
            .map(str::to_string);
        match near {
            Some(near) => {
                self.diags
                    .error(
                        Code::NearMissStub,
                        path,
                        name.span,
                        format!(
                            "no {} profile matches `{}`, a near miss of `{near}`",
                            kind.word(),
                            name.value
                        ),
                    )
                    .with_help(format!(
                        "did you mean `{near}`? If not, add content/{}/{}.md, or accept the stub in site.yaml: stubs: {{{}: [{}]}}",
                        kind.dir(),
                        id.slug,
                        kind.dir(),
                        crate::stubs::flow_item(&name.value)
                    ))
                    .with_fix(
                        format!("Replace with `{near}`"),
                        Edit::Replace {
                            at: name.span,
                            to_line_end: false,
                            text: crate::stubs::flow_item(&near),
                        },
                    )
                    .with_fix(create.0, create.1);
            }
            None => {
                self.diags
                    .warning(
                        Code::Stub,
                        path,
                        name.span,
                        format!(
                            "no {} profile matches `{}`: created a stub `{}/{}` ({profile_hint})",
                            kind.word(),
                            name.value,
                            kind.dir(),
                            id.slug,
                        ),
                    )
                    .with_help(format!(
                        "if it is meant to have no profile, list it in site.yaml (stubs: {{{}: [{}]}}) and this warning goes",
                        kind.dir(),
                        crate::stubs::flow_item(&name.value)
                    ))
                    .with_fix(create.0, create.1);
            }
        }
    }
}

/// Profiles and stubs as entities, by kind then id, with affiliations and enclosing places
/// linked (never to themselves); and the index of each id.
fn entities(
    profiles: Vec<Profile>,
    links: Vec<Links>,
    stubs: BTreeMap<EntityId, String>,
) -> (Vec<Entity>, HashMap<EntityId, EntityIdx>) {
    let mut entities: Vec<Entity> = Vec::with_capacity(profiles.len() + stubs.len());
    let mut linked: Vec<(EntityIdx, Links)> = Vec::with_capacity(profiles.len());
    // Both come sorted by kind then id, and no stub has a profile's id: merged in order.
    let mut profiles = profiles.into_iter().zip(links).peekable();
    let mut stubs = stubs.into_iter().peekable();
    loop {
        let profile_first = match (profiles.peek(), stubs.peek()) {
            (Some((p, _)), Some((id, _))) => (p.kind, &p.id) < (id.kind, &id.slug),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let here = EntityIdx(entities.len() as u32);
        if profile_first {
            let Some((p, l)) = profiles.next() else { break };
            linked.push((here, l));
            entities.push(Entity {
                id: EntityId {
                    kind: p.kind,
                    slug: p.id.clone(),
                },
                name: p.name.clone(),
                aliases: p.aliases.clone(),
                profile: Some(p),
                affiliation: None,
                affiliations: Vec::new(),
                within: None,
            });
        } else {
            let Some((id, name)) = stubs.next() else {
                break;
            };
            entities.push(Entity {
                id,
                name,
                aliases: Vec::new(),
                profile: None,
                affiliation: None,
                affiliations: Vec::new(),
                within: None,
            });
        }
    }
    let index: HashMap<EntityId, EntityIdx> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), EntityIdx(i as u32)))
        .collect();
    let at = |id: &Option<EntityId>, own: EntityIdx| {
        id.as_ref()
            .and_then(|id| index.get(id).copied())
            .filter(|&e| e != own)
    };
    for (i, l) in linked {
        let e = &mut entities[i.index()];
        e.affiliation = at(&l.affiliation, i);
        e.affiliations = (l.affiliations.into_iter())
            .filter_map(|a| {
                Some(crate::model::Dated {
                    value: at(&Some(a.value), i)?,
                    from: a.from,
                    to: a.to,
                    span: a.span,
                })
            })
            .collect();
        e.within = at(&l.within, i);
    }
    (entities, index)
}

/// The tags [`resolve`] finds in `briefings` (in date order): a briefing moved to another
/// date may change which spelling of a tag is written first.
pub fn tags_of(briefings: &[Briefing]) -> Vec<Tag> {
    tags(briefings, &first_written(briefings))
}

/// Every tag once, by slug, with the spelling first written.
fn tags(briefings: &[Briefing], first: &[usize]) -> Vec<Tag> {
    tags_in(first.iter().map(|&i| &briefings[i]))
}

/// The tags [`resolve`] finds in `briefings` once briefing `edited` is `now`, which has
/// the same date and path (so the same place in the order spellings are taken in).
pub fn tags_after(briefings: &[Briefing], edited: BriefingIdx, now: &Briefing) -> Vec<Tag> {
    let edited = edited.index();
    let same_place = |b: &Briefing| (b.date.epoch, &b.path) == (now.date.epoch, &now.path);
    debug_assert!(briefings.get(edited).is_some_and(same_place));
    let first = first_written(briefings);
    tags_in((first.iter()).map(|&i| if i == edited { now } else { &briefings[i] }))
}

/// Every tag of `briefings` once, by slug, spelt as the first of them to have it writes it.
fn tags_in<'a>(briefings: impl Iterator<Item = &'a Briefing>) -> Vec<Tag> {
    let mut first_spelling: BTreeMap<Slug, &str> = BTreeMap::new();
    for b in briefings {
        for t in &b.tags {
            if let Some(slug) = Slug::new(&t.value) {
                first_spelling.entry(slug).or_insert(&t.value);
            }
        }
    }
    first_spelling
        .into_iter()
        .map(|(slug, name)| Tag {
            slug,
            name: name.to_string(),
        })
        .collect()
}

/// The references of every briefing, by entity index.
fn briefing_refs(
    briefings: &[Briefing],
    named: Vec<Named<EntityId>>,
    index: &HashMap<EntityId, EntityIdx>,
    tags: &[Tag],
    default_author: Option<EntityIdx>,
) -> Vec<Refs> {
    let tag_pos: HashMap<&Slug, usize> =
        tags.iter().enumerate().map(|(i, t)| (&t.slug, i)).collect();
    briefings
        .iter()
        .zip(named)
        .map(|(b, n)| {
            let mut tags = Vec::new();
            for t in &b.tags {
                if let Some(i) = Slug::new(&t.value).and_then(|s| tag_pos.get(&s).copied()) {
                    push_unique(&mut tags, i);
                }
            }
            n.into_refs(b, |id| index[id], tags, default_author)
        })
        .collect()
}

/// Names of profiles, looked up as [`resolve`] does, to resolve one briefing again after
/// its front matter changed (`serve`).
pub struct ProfileNames {
    table: NameTable<EntityIdx>,
    default_author: Option<EntityIdx>,
}

impl ProfileNames {
    /// The ids, names and aliases of every profile of `r`.
    pub fn new(r: &Resolved) -> ProfileNames {
        let mut table = NameTable::new();
        for (i, e) in r.entities.iter().enumerate() {
            if let Some(p) = &e.profile {
                table.add(p.kind, &p.id, &p.name, &p.aliases, EntityIdx(i as u32));
                for old in p.old_ids() {
                    table.add_old_id(p.kind, old, EntityIdx(i as u32));
                }
            }
        }
        ProfileNames {
            table,
            default_author: r.default_author,
        }
    }

    /// The references of briefing `b`, as [`resolve`] makes them, when every name in it is
    /// one profile and every tag is one of `tags` (sorted by slug); `None` otherwise, and
    /// then only a full resolve knows the answer (stubs, errors, new tags).
    pub fn refs(&self, b: &Briefing, tags: &[Tag]) -> Option<Refs> {
        let named = Named::walk(b, |kind, name| match self.table.lookup(kind, &name.value) {
            Lookup::Found(e) => Ok(Some(e)),
            Lookup::Ambiguous(_) | Lookup::Missing => Err(()),
        })
        .ok()?;
        let mut tag_refs = Vec::new();
        for t in &b.tags {
            let slug = Slug::new(&t.value)?;
            let i = tags.binary_search_by(|x| x.slug.cmp(&slug)).ok()?;
            push_unique(&mut tag_refs, i);
        }
        Some(named.into_refs(b, |&e| e, tag_refs, self.default_author))
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
            roles: Vec::new(),
            affiliation: None,
            affiliations: Vec::new(),
            names: Vec::new(),
            within: None,
            coords: None,
            question: None,
            resolved: None,
            bio: None,
            links: Vec::new(),
            email: None,
            moved_from: Vec::new(),
            translation: Default::default(),
            picture: Default::default(),
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
            date_span: Span::FILE,
            updated: None,
            updated_written: None,
            summary: None,
            named: PerKind::from_fn(|k| match k {
                Kind::Actor => (actors.iter().enumerate())
                    .map(|(i, a)| Spanned {
                        value: a.to_string(),
                        span: Span::new(3, 10 + i as u32),
                    })
                    .collect(),
                _ => Vec::new(),
            }),
            reviewed_by: Vec::new(),
            stances: Vec::new(),
            tags: Vec::new(),
            sources: Vec::new(),
            confidence: None,
            judgments: Vec::new(),
            draft: false,
            publish_at: None,
            expires: None,
            corrections: Vec::new(),
            moved_from: Vec::new(),
            translation: Default::default(),
            picture: Default::default(),
            extra: serde_json::json!({}),
            body: Default::default(),
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
        let ids: Vec<&str> = r.refs[BriefingIdx(0)].named[Kind::Actor]
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

    #[test]
    fn stubs_sort_among_profiles_and_links_find_them() {
        let mut d = Diagnostics::new();
        let mut army = profile(Kind::Actor, "mali-army", "Malian Armed Forces", &[]);
        army.affiliation = Some(Spanned {
            value: "Government of Burkina".into(),
            span: Span::FILE,
        });
        let mut junta = profile(Kind::Actor, "zz-junta", "Junta", &[]);
        junta.affiliation = Some(Spanned {
            value: "Junta".into(),
            span: Span::FILE,
        });
        let mut bamako = profile(Kind::Place, "bamako", "Bamako", &[]);
        bamako.within = Some(Spanned {
            value: "Mali".into(),
            span: Span::FILE,
        });
        let r = resolve(
            vec![briefing(&["Wagner", "Alpha"])],
            vec![junta, bamako, army],
            false,
            &mut d,
        );
        let ids: Vec<String> = r
            .entities
            .iter()
            .map(|e| format!("{}/{}", e.id.kind.dir(), e.id.slug))
            .collect();
        assert_eq!(
            ids,
            [
                "actors/alpha",
                "actors/government-of-burkina",
                "actors/mali-army",
                "actors/wagner",
                "actors/zz-junta",
                "places/bamako",
                "places/mali",
            ]
        );
        let id = |e: Option<EntityIdx>| e.map(|e| r.entity(e).id.slug.to_string());
        let of = |slug: &str| {
            r.entities
                .iter()
                .find(|e| e.id.slug.as_str() == slug)
                .unwrap()
        };
        assert_eq!(
            id(of("mali-army").affiliation).as_deref(),
            Some("government-of-burkina")
        );
        assert_eq!(id(of("bamako").within).as_deref(), Some("mali"));
        assert_eq!(
            of("zz-junta").affiliation,
            None,
            "not affiliated with itself"
        );
        assert_eq!(d.warning_count(), 4, "a warning per stub");
    }
}
