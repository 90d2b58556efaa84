//! Feeds of position changes: `changes.xml` for the site, and one per topic and actor with
//! a stance, each with its JSON Feed twin (`changes.json`), one entry per change.

use super::changes::Change;
use super::pages::{FEED_ENTRIES, Views};
use super::views::{FeedAuthor, FeedEntry, FeedPage};
use super::words::position;
use crate::i18n::{Arg, Catalog};
use crate::model::{EntityIdx, Kind};
use crate::urls;

/// The sentence a change is told in, in `i18n`'s language: `European Union: supports →
/// opposes on US peace plan, 20 Nov 2025, per Jean-Noël Barrot [Source title]`; a first
/// stance `takes position: opposes`. `date` is the change's day as shown.
pub fn sentence(site: &crate::site::Site, i18n: &Catalog, c: &Change, date: &str) -> String {
    let r = &site.resolved;
    let s = &r.refs[c.at.briefing].stances[c.at.stance];
    let b = r.briefing(c.at.briefing);
    let to = Arg::Text(position(i18n, c.to));
    let change = match c.from {
        Some(from) => i18n.fmt(
            "change_from_to",
            &[("from", Arg::Text(position(i18n, from))), ("to", to)],
        ),
        None => i18n.fmt("change_first", &[("to", to)]),
    };
    let mut text = i18n.fmt(
        "change_sentence",
        &[
            (
                "actor",
                Arg::Text(crate::dated::name_on(r.entity(c.actor), c.date)),
            ),
            ("change", Arg::Text(&change)),
            ("topic", Arg::Text(&r.entity(c.topic).name)),
            ("date", Arg::Text(date)),
        ],
    );
    if let Some(by) = s.by {
        let by = crate::dated::name_on(r.entity(by), c.date);
        text = i18n.fmt(
            "change_per",
            &[("sentence", Arg::Text(&text)), ("by", Arg::Text(by))],
        );
    }
    if let Some(src) = s.source.and_then(|i| b.sources.get(i)) {
        text = i18n.fmt(
            "change_source",
            &[
                ("sentence", Arg::Text(&text)),
                ("source", Arg::Text(&src.title)),
            ],
        );
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
            // The change's day is its briefing's, shown as its links show it.
            title: sentence(
                self.site,
                &self.i18n,
                c,
                &self.briefing_link(c.at.briefing).date_display,
            ),
            url: format!("{base}{}#{anchor}", urls::briefing(&br.slug)),
            published: br.date.rfc3339.clone(),
            updated: br.date.rfc3339.clone(),
            summary: Some(match &s.quote {
                Some(q) => self.i18n.fmt(
                    "feed_change_summary",
                    &[("quote", Arg::Text(q)), ("title", Arg::Text(&br.title))],
                ),
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
        let (all, dir, title): (&[Change], _, _) = match e {
            None => (
                self.derived.latest(self.site),
                String::new(),
                self.i18n.fmt(
                    "feed_title_changes",
                    &[("site", Arg::Text(&self.site.config.title))],
                ),
            ),
            Some(e) => {
                let en = self.site.resolved.entity(e);
                (
                    &self.changes_of(e).changes,
                    urls::entity(&en.id),
                    self.i18n.fmt(
                        "feed_title_changes_of",
                        &[
                            ("name", Arg::Text(&en.name)),
                            ("site", Arg::Text(&self.site.config.title)),
                        ],
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
