//! The element ids the default theme gives sections of its pages, in one table. The
//! `#fragment` check, the ids body headings must not take and docs/themes.md all follow it;
//! tests hold the default templates and the rendered sample site to it.
//!
//! Nothing here depends on the rest of the crate but the kinds of entity in `model`, so
//! that Markdown rendering can read the table without depending on rendering.

use crate::model::Kind;

/// A section of a default-theme page with a fixed element id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Main,
    AtAGlance,
    Stances,
    Sources,
    Related,
    Backlinks,
    Briefings,
    Positions,
    Voiced,
    Members,
    CoActors,
    SubPlaces,
    Actors,
    Matrix,
    StanceHistory,
    Latest,
    Changes,
    Topics,
    TopActors,
    TopPlaces,
    Reviewed,
    OverTime,
}

impl Section {
    /// Every section, in the order of the table.
    pub const ALL: [Section; 22] = [
        Section::Main,
        Section::AtAGlance,
        Section::Stances,
        Section::Sources,
        Section::Related,
        Section::Backlinks,
        Section::Briefings,
        Section::Positions,
        Section::Voiced,
        Section::Members,
        Section::CoActors,
        Section::SubPlaces,
        Section::Actors,
        Section::Matrix,
        Section::StanceHistory,
        Section::Latest,
        Section::Changes,
        Section::Topics,
        Section::TopActors,
        Section::TopPlaces,
        Section::Reviewed,
        Section::OverTime,
    ];

    /// The element id, as the templates write it.
    pub fn id(self) -> &'static str {
        match self {
            Section::Main => "main",
            Section::AtAGlance => "at-a-glance",
            Section::Stances => "stances",
            Section::Sources => "sources",
            Section::Related => "related",
            Section::Backlinks => "backlinks",
            Section::Briefings => "briefings",
            Section::Positions => "positions",
            Section::Voiced => "voiced",
            Section::Members => "members",
            Section::CoActors => "co-actors",
            Section::SubPlaces => "sub-places",
            Section::Actors => "actors",
            Section::Matrix => "matrix",
            Section::StanceHistory => "stance-history",
            Section::Latest => "latest",
            Section::Changes => "changes",
            Section::Topics => "topics",
            Section::TopActors => "top-actors",
            Section::TopPlaces => "top-places",
            Section::Reviewed => "reviewed",
            Section::OverTime => "over-time",
        }
    }

    /// The section whose id is `id`.
    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Numbered rows inside a section: one id per stance or source, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rows {
    /// `stance-1`…: the rows of a briefing's stance table.
    Stance,
    /// `source-1`…: the items of a briefing's source list.
    Source,
}

impl Rows {
    /// Both kinds of rows.
    pub const ALL: [Rows; 2] = [Rows::Stance, Rows::Source];

    /// What every id of these rows starts with.
    pub fn prefix(self) -> &'static str {
        match self {
            Rows::Stance => "stance-",
            Rows::Source => "source-",
        }
    }

    /// The section the rows sit in: they are on a page exactly when it is.
    pub fn section(self) -> Section {
        match self {
            Rows::Stance => Section::Stances,
            Rows::Source => Section::Sources,
        }
    }

    /// What counts the rows: row `n` exists for `n` from 1 to the count.
    pub fn fact(self) -> Fact {
        match self {
            Rows::Stance => Fact::Stances,
            Rows::Source => Fact::Sources,
        }
    }

    /// The number of the row `id` names, if it is one of these rows.
    pub fn number(self, id: &str) -> Option<usize> {
        id.strip_prefix(self.prefix())
            .and_then(|n| n.parse::<usize>().ok())
    }
}

/// The pages of the default theme that have section ids, by the template rendering them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKind {
    /// Every page: the frame `base.html` draws around it.
    Every,
    Briefing,
    /// The page of an entity of one kind.
    Entity(Kind),
    Home,
}

impl PageKind {
    /// The page kinds with templates of their own: briefings, each kind of entity, home.
    pub const PAGES: [PageKind; Kind::COUNT + 2] = {
        let mut pages = [PageKind::Briefing; Kind::COUNT + 2];
        let mut i = 0;
        while i < Kind::COUNT {
            pages[i + 1] = PageKind::Entity(Kind::ALL[i]);
            i += 1;
        }
        pages[Kind::COUNT + 1] = PageKind::Home;
        pages
    };

    /// The template that renders these pages.
    pub fn template(self) -> &'static str {
        match self {
            PageKind::Every => "base.html",
            PageKind::Briefing => "briefing.html",
            PageKind::Entity(kind) => kind.template(),
            PageKind::Home => "index.html",
        }
    }

    /// How docs/themes.md names these pages.
    pub fn name(self) -> &'static str {
        match self {
            PageKind::Every => "every page",
            PageKind::Briefing => "briefing",
            PageKind::Entity(kind) => kind.word(),
            PageKind::Home => "home",
        }
    }
}

/// Something a page has at least one of, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fact {
    /// The briefing's stances.
    Stances,
    /// The briefing's sources.
    Sources,
    /// The actors, places, topics and tags the briefing names.
    Named,
    /// Briefings related to this one or linking to it.
    Related,
    /// Briefings whose bodies link to the page.
    Backlinks,
    /// Topics the actor took a stance on.
    Positions,
    /// Stances the actor voiced for another actor.
    Voiced,
    /// Actors affiliated with the actor.
    Members,
    /// Actors named in the same briefings as the actor.
    CoActors,
    /// Places within the place.
    SubPlaces,
    /// Actors named in the same briefings as the place.
    PlaceActors,
    /// Actors with a stance on the topic.
    TopicStances,
    /// Topics on which some actor's position changed.
    Changes,
    /// The site's topics.
    Topics,
    /// Actors some briefing names.
    NamedActors,
    /// Places some briefing names.
    NamedPlaces,
    /// Briefings the author reviewed.
    Reviewed,
    /// Dated entries of the profile (`roles:`, `affiliations:`, `names:`).
    Dated,
}

impl Fact {
    /// When the fact holds, as docs/themes.md says it.
    pub fn doc(self) -> &'static str {
        match self {
            Fact::Stances => "the briefing records a stance",
            Fact::Sources => "the briefing lists a source",
            Fact::Named => "the briefing names an actor, place, topic or tag",
            Fact::Related => "another briefing shares an actor, place or topic, or links to it",
            Fact::Backlinks => "another body links to the page without naming it",
            Fact::Positions => "the actor took a stance",
            Fact::Voiced => "the actor voiced a stance for another",
            Fact::Members => "an actor is affiliated with it",
            Fact::CoActors => "another actor is named in one of its briefings",
            Fact::SubPlaces => "a place is within it",
            Fact::PlaceActors => "an actor is named in one of its briefings",
            Fact::TopicStances => "an actor took a stance on it",
            Fact::Changes => "an actor's position on a topic changed",
            Fact::Topics => "the site has a topic",
            Fact::NamedActors => "a briefing names an actor",
            Fact::NamedPlaces => "a briefing names a place",
            Fact::Reviewed => "the author reviewed a briefing",
            Fact::Dated => "its profile lists dated `roles:`, `affiliations:` or `names:`",
        }
    }
}

/// When a section is on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// When the page has at least one of something.
    Has(Fact),
}

impl When {
    /// As docs/themes.md says it.
    pub fn doc(self) -> &'static str {
        match self {
            When::Always => "always",
            When::Has(f) => f.doc(),
        }
    }
}

/// One line of the table: `section` is on pages of `page` when `when` holds.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub section: Section,
    pub page: PageKind,
    pub when: When,
}

const fn row(section: Section, page: PageKind, when: When) -> Row {
    Row {
        section,
        page,
        when,
    }
}

/// Every section of every page of the default theme.
pub const TABLE: &[Row] = {
    use Fact as F;
    use PageKind as P;
    use Section as S;
    use When::{Always, Has};
    const ACTOR: PageKind = P::Entity(Kind::Actor);
    const PLACE: PageKind = P::Entity(Kind::Place);
    const TOPIC: PageKind = P::Entity(Kind::Topic);
    const AUTHOR: PageKind = P::Entity(Kind::Author);
    &[
        row(S::Main, P::Every, Always),
        row(S::AtAGlance, P::Briefing, Has(F::Named)),
        row(S::Stances, P::Briefing, Has(F::Stances)),
        row(S::Sources, P::Briefing, Has(F::Sources)),
        row(S::Related, P::Briefing, Has(F::Related)),
        row(S::Positions, ACTOR, Has(F::Positions)),
        row(S::Voiced, ACTOR, Has(F::Voiced)),
        row(S::OverTime, ACTOR, Has(F::Dated)),
        row(S::Members, ACTOR, Has(F::Members)),
        row(S::Briefings, ACTOR, Always),
        row(S::Backlinks, ACTOR, Has(F::Backlinks)),
        row(S::CoActors, ACTOR, Has(F::CoActors)),
        row(S::OverTime, PLACE, Has(F::Dated)),
        row(S::SubPlaces, PLACE, Has(F::SubPlaces)),
        row(S::Briefings, PLACE, Always),
        row(S::Backlinks, PLACE, Has(F::Backlinks)),
        row(S::Actors, PLACE, Has(F::PlaceActors)),
        row(S::Matrix, TOPIC, Always),
        row(S::StanceHistory, TOPIC, Has(F::TopicStances)),
        row(S::Briefings, TOPIC, Always),
        row(S::Backlinks, TOPIC, Has(F::Backlinks)),
        row(S::Briefings, AUTHOR, Always),
        row(S::Reviewed, AUTHOR, Has(F::Reviewed)),
        row(S::Backlinks, AUTHOR, Has(F::Backlinks)),
        row(S::Latest, P::Home, Always),
        row(S::Changes, P::Home, Has(F::Changes)),
        row(S::Topics, P::Home, Has(F::Topics)),
        row(S::TopActors, P::Home, Has(F::NamedActors)),
        row(S::TopPlaces, P::Home, Has(F::NamedPlaces)),
    ]
};

/// The line of the table that puts `section` on pages of `page`, if any.
pub fn row_for(section: Section, page: PageKind) -> Option<&'static Row> {
    TABLE
        .iter()
        .find(|r| r.section == section && (r.page == page || r.page == PageKind::Every))
}

/// What the ids of a page's link previews (popovers) start with: `preview-1`, `preview-2`…
/// They are no sections (nothing links to them) but a body heading must not take one.
pub const PREVIEW_PREFIX: &str = "preview-";

/// Whether `id` is one a page of the default theme may have: a section's, a numbered
/// row's or a preview's. A heading in a body never takes one, so links to sections always
/// land on them and previews never share an id with a heading.
pub fn is_reserved(id: &str) -> bool {
    Section::from_id(id).is_some()
        || (Rows::ALL.iter().map(|r| r.prefix()))
            .chain([PREVIEW_PREFIX])
            .any(|prefix| {
                id.strip_prefix(prefix)
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_a_row_and_ids_are_distinct() {
        for s in Section::ALL {
            assert!(TABLE.iter().any(|r| r.section == s), "{s:?} has no row");
            assert_eq!(Section::from_id(s.id()), Some(s));
        }
        let mut ids: Vec<&str> = Section::ALL.iter().map(|s| s.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Section::ALL.len());
    }

    #[test]
    fn sections_and_numbered_rows_are_reserved_and_nothing_else() {
        for id in [
            "main",
            "stances",
            "top-places",
            "stance-3",
            "source-12",
            "preview-4",
        ] {
            assert!(is_reserved(id), "{id}");
        }
        for id in [
            "stance",
            "source-",
            "source-x",
            "overview",
            "2025-11",
            "stances-1",
            "preview-4-1",
        ] {
            assert!(!is_reserved(id), "{id}");
        }
    }

    #[test]
    fn a_section_is_found_on_its_pages_only() {
        assert!(row_for(Section::Main, PageKind::Entity(Kind::Topic)).is_some());
        assert!(row_for(Section::Backlinks, PageKind::Entity(Kind::Place)).is_some());
        assert!(row_for(Section::Stances, PageKind::Entity(Kind::Actor)).is_none());
        assert!(row_for(Section::Latest, PageKind::Briefing).is_none());
    }
}
