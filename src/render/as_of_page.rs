//! The stance matrix of a topic and the positions table of an actor, live or as they stood
//! at the end of a day, and the as-of pages that show the latter.

use super::changes;
use super::pages::{MATRIX, Matrix, POSITIONS, POSITIONS_ORDER, Views, busiest, crumb};
use super::views::{AsOfLink, AsOfPage, ChangeRow};
use crate::i18n::Arg;
use crate::index::StanceAt;
use crate::model::{EntityIdx, Kind};
use crate::urls;
use jiff::civil::Date;

/// The folder of `e`'s as-of page for `day`.
pub fn as_of_dir(id: &crate::model::EntityId, day: Date) -> String {
    format!("{}as-of/{day}/", urls::entity(id))
}

impl Views<'_> {
    /// The matrix of topic or actor `e` (one row per actor of a topic, per topic of an
    /// actor) at the end of day `cutoff`, or now without one. The live page and every
    /// as-of page are built here, so that both count the same stances the same way.
    pub(super) fn matrix(&self, e: EntityIdx, cutoff: Option<Date>) -> Matrix {
        let ix = &self.site.index;
        let (others, limit, key): (&[EntityIdx], usize, fn(EntityIdx, EntityIdx) -> _) =
            match self.site.resolved.entity(e).id.kind {
                Kind::Topic => (&ix.topic_actors[e], MATRIX, |e, o| (o, e)),
                _ => (&ix.actor_topics[e], POSITIONS, |e, o| (e, o)),
            };
        // Each other entity with the stances counted by then (retracted ones included:
        // they are struck through, see `changes::retracted_on`).
        let counted: Vec<(EntityIdx, std::borrow::Cow<'_, [StanceAt]>)> = (others.iter())
            .filter_map(|&o| {
                let history = ix.history.get(&key(e, o))?;
                let kept = changes::up_to(self.site, history, cutoff);
                (!kept.is_empty()).then_some((o, kept))
            })
            .collect();
        // In the index's order (by id, as `EntityIdx`), so found by binary search.
        let ids: Vec<EntityIdx> = counted.iter().map(|(o, _)| *o).collect();
        let find = |o: EntityIdx| ids.binary_search(&o).ok().map(|i| &counted[i]);
        let shown = busiest(&ids, limit, |o| find(o).map_or(0, |(_, h)| h.len()));
        let rows = (shown.iter())
            .filter_map(|&o| find(o))
            .map(|(o, h)| self.position_row(e, *o, h, cutoff))
            .collect();
        Matrix {
            rows,
            shown,
            total: counted.len(),
            tally: self.tally(counted.iter().map(|(_, h)| &**h)),
        }
    }

    /// The changes of `e` and their days, made once (with every other entity's).
    pub(super) fn changes_of(&self, e: EntityIdx) -> &changes::OfEntity {
        &self.derived.changes(self.site)[e]
    }

    /// The days of `e`'s as-of pages, oldest first.
    pub(super) fn as_of_days(&self, e: EntityIdx) -> &[Date] {
        self.changes_of(e).paged()
    }

    /// The as-of page of `owner` showing the matrix as it stood on `day`: the page of its
    /// latest change on or before `day`.
    pub(super) fn as_of_url(&self, owner: EntityIdx, day: Date) -> Option<String> {
        let days = self.as_of_days(owner);
        let i = days.partition_point(|&d| d <= day).checked_sub(1)?;
        let id = &self.site.resolved.entity(owner).id;
        Some(urls::href("", &as_of_dir(id, days[i])))
    }

    fn as_of_link(&self, e: EntityIdx, day: Date) -> AsOfLink {
        let id = &self.site.resolved.entity(e).id;
        AsOfLink {
            date: day.to_string(),
            date_display: self.i18n.locale.date(day),
            url: urls::href("", &as_of_dir(id, day)),
        }
    }

    /// `<kind>/<id>/as-of/<day>/`: `e`'s matrix at the end of `day`.
    pub fn as_of_page(&self, e: EntityIdx, day: Date) -> AsOfPage {
        let en = self.site.resolved.entity(e);
        let days = self.as_of_days(e);
        let i = days.partition_point(|&d| d < day);
        let matrix = self.matrix(e, Some(day));
        let topic = en.id.kind == Kind::Topic;
        let question = (en.profile.as_ref())
            .filter(|_| topic)
            .and_then(|p| p.question.clone());
        let shown = self.i18n.locale.date(day);
        let dir = as_of_dir(&en.id, day);
        let args = [("name", Arg::Text(&en.name)), ("date", Arg::Text(&shown))];
        let mut page = self.meta(
            &dir,
            self.i18n.fmt("page_title_as_of", &args),
            Some(self.i18n.fmt(
                match topic {
                    true => "page_description_as_of_topic",
                    false => "page_description_as_of_actor",
                },
                &args,
            )),
            None,
            en.id.kind.dir(),
        );
        page.changes_feed = Some(format!("{}changes.xml", urls::entity(&en.id)));
        page.changes_json = Some(format!("{}changes.json", urls::entity(&en.id)));
        let index = urls::href("", &urls::kind_index(en.id.kind));
        let me = self.entity_link(e);
        page.crumbs = vec![
            crumb(super::words::kind_heading(&self.i18n, en.id.kind), index),
            crumb(&me.name, me.url.clone()),
        ];
        let of = self.changes_of(e);
        let first = of.changes.partition_point(|c| c.date < day);
        let changes = (of.changes[first..].iter())
            .take_while(|c| c.date == day)
            .map(|c| ChangeRow {
                entity: self.entity_link(if topic { c.actor } else { c.topic }),
                from: c.from.map(|p| p.as_str()),
                to: c.to.as_str(),
                stance: self.stance_mark(c.at),
            })
            .collect();
        AsOfPage {
            page,
            entity: me,
            question,
            as_of: self.as_of_link(e, day),
            heading: if topic { "Actor" } else { "Topic" },
            rows: matrix.rows,
            total: matrix.total,
            tally: matrix.tally,
            positions: POSITIONS_ORDER.iter().map(|p| p.as_str()).collect(),
            changes,
            previous: (i.checked_sub(1)).map(|j| self.as_of_link(e, days[j])),
            next: days.get(i + 1).map(|&d| self.as_of_link(e, d)),
            count: days.len(),
            number: i + 1,
            unpaged: of.days.len() - days.len(),
        }
    }
}
