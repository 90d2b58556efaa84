//! Feeds of position changes: `changes.xml` for the site, and one per topic and actor with
//! a stance, each with its JSON Feed twin (`changes.json`), one entry per change.

use super::changes::{self, Change};
use super::dates::display_date;
use super::pages::{FEED_ENTRIES, Views};
use super::views::{FeedAuthor, FeedEntry, FeedPage};
use crate::model::{EntityIdx, Kind};
use crate::urls;

/// The sentence a change is told in: `European Union: supports → opposes on US peace
/// plan, 20 Nov 2025, per Jean-Noël Barrot [Source title]`; a first stance `takes
/// position: opposes`.
pub fn sentence(site: &crate::site::Site, c: &Change) -> String {
    let r = &site.resolved;
    let s = &r.refs[c.at.briefing].stances[c.at.stance];
    let b = r.briefing(c.at.briefing);
    let mut text = format!(
        "{}: {} on {}, {}",
        crate::dated::name_on(r.entity(c.actor), c.date),
        match c.from {
            Some(from) => format!("{} → {}", from.as_str(), c.to.as_str()),
            None => format!("takes position: {}", c.to.as_str()),
        },
        r.entity(c.topic).name,
        display_date(c.date)
    );
    if let Some(by) = s.by {
        text.push_str(&format!(
            ", per {}",
            crate::dated::name_on(r.entity(by), c.date)
        ));
    }
    if let Some(src) = s.source.and_then(|i| b.sources.get(i)) {
        text.push_str(&format!(" [{}]", src.title));
    }
    text
}

impl Views<'_> {
    /// The Atom entry of change `c`. Its id is its briefing's first address (as the
    /// briefing's own entry, so that a rename with `moved_from:` keeps it) and the stance's
    /// place in it: a change keeps its entry however the site grows.
    fn change_entry(&self, c: &Change) -> FeedEntry {
        let base = &self.site.config.base_url;
        let r = &self.site.resolved;
        let br = r.briefing(c.at.briefing);
        let first = super::redirects::first_address(&br.moved_from);
        let anchor = format!("stance-{}", c.at.stance + 1);
        let s = &r.refs[c.at.briefing].stances[c.at.stance];
        FeedEntry {
            id: self.atom_id(&format!(
                "{}#{anchor}",
                first.unwrap_or_else(|| urls::briefing(&br.slug))
            )),
            title: sentence(self.site, c),
            url: format!("{base}{}#{anchor}", urls::briefing(&br.slug)),
            published: br.date.rfc3339.clone(),
            updated: br.date.rfc3339.clone(),
            summary: Some(match &s.quote {
                Some(q) => format!("“{q}” — {}", br.title),
                None => br.title.clone(),
            }),
            authors: (r.refs[c.at.briefing].named[Kind::Author].iter())
                .map(|&a| {
                    let en = r.entity(a);
                    FeedAuthor {
                        name: en.name.clone(),
                        url: format!("{base}{}", urls::entity(&en.id)),
                    }
                })
                .collect(),
        }
    }

    /// `changes.xml` (`None`) or `<kind>/<id>/changes.xml`: the latest changes of
    /// position of the site, a topic or an actor, newest first.
    pub fn changes_feed(&self, e: Option<EntityIdx>) -> FeedPage {
        let base = &self.site.config.base_url;
        let every;
        let (all, dir, title): (&[Change], _, _) = match e {
            None => (
                {
                    every = changes::all(self.site);
                    &every
                },
                String::new(),
                format!("Changes of position — {}", self.site.config.title),
            ),
            Some(e) => {
                let en = self.site.resolved.entity(e);
                (
                    &self.changes_of(e).changes,
                    urls::entity(&en.id),
                    format!(
                        "{}: changes of position — {}",
                        en.name, self.site.config.title
                    ),
                )
            }
        };
        let entries: Vec<FeedEntry> = (all.iter().rev().take(FEED_ENTRIES))
            .map(|c| self.change_entry(c))
            .collect();
        let updated = (entries.iter().map(|e| e.updated.clone()).max())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
        FeedPage {
            id: self.atom_id(&format!("{dir}changes.xml")),
            title,
            url: format!("{base}{dir}"),
            self_url: format!("{base}{dir}changes.xml"),
            updated,
            entries,
        }
    }
}
