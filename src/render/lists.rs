//! Views of list pages: entity indexes, tags, timeline, home, 404 and Atom feeds.

use super::dates::MONTHS;
use super::pages::{FEED_ENTRIES, LATEST, TOP, Views, crumb};
use super::views::*;
use crate::index::StanceAt;
use crate::model::{BriefingIdx, EntityIdx, Kind, Position};
use crate::urls;

impl Views<'_> {
    /// `actors/`, `places/` or `topics/`.
    pub fn entities_page(&self, kind: Kind) -> EntitiesPage {
        let heading = kind.heading();
        let entities = self
            .site
            .resolved
            .of_kind(kind)
            .map(|e| self.index_entry(e))
            .collect();
        EntitiesPage {
            page: self.meta(
                &urls::kind_index(kind),
                heading.to_string(),
                None,
                None,
                kind.dir(),
            ),
            kind: kind.word(),
            heading,
            entities,
        }
    }

    fn index_entry(&self, e: EntityIdx) -> IndexEntry {
        let en = self.site.resolved.entity(e);
        let p = en.profile.as_ref();
        IndexEntry {
            entity: self.entity_link(e),
            count: self.site.index.named_in[e].len(),
            subkind: p.and_then(|p| p.subkind.clone()),
            note: p.and_then(|p| p.role.clone().or_else(|| p.question.clone())),
        }
    }

    /// `tags/`.
    pub fn tags_page(&self) -> TagsPage {
        TagsPage {
            page: self.meta("tags/", "Tags".into(), None, None, "tags"),
            tags: (0..self.site.resolved.tags.len())
                .map(|t| self.tag_link(t))
                .collect(),
        }
    }

    /// `tags/<slug>/`.
    pub fn tag_page(&self, t: usize) -> TagPage {
        let tag = self.tag_link(t);
        let mut page = self.meta(
            &urls::tag(&self.site.resolved.tags[t].slug),
            format!("Tagged “{}”", tag.name),
            None,
            None,
            "tags",
        );
        page.crumbs = vec![crumb("Tags", "tags/index.html".into())];
        TagPage {
            page,
            briefings: self.briefing_links(self.site.index.tag_briefings[t].iter().rev().copied()),
            tag,
        }
    }

    /// `timeline/`.
    pub fn timeline_page(&self) -> TimelinePage {
        let mut months: Vec<Month> = Vec::new();
        let mut years: Vec<Year> = Vec::new();
        for (i, b) in self.site.resolved.briefings.iter().enumerate().rev() {
            let d = b.date.date;
            let id = format!("{:04}-{:02}", d.year(), d.month());
            if months.last().is_none_or(|m| m.id != id) {
                months.push(Month {
                    label: format!("{} {}", MONTHS[(d.month() - 1) as usize], d.year()),
                    id: id.clone(),
                    briefings: Vec::new(),
                });
            }
            if years.last().is_none_or(|y| y.year != d.year()) {
                years.push(Year {
                    year: d.year(),
                    anchor: id,
                    count: 0,
                });
            }
            if let Some(y) = years.last_mut() {
                y.count += 1;
            }
            if let Some(m) = months.last_mut() {
                m.briefings.push(self.briefing_link(BriefingIdx(i as u32)));
            }
        }
        TimelinePage {
            page: self.meta("timeline/", "Timeline".into(), None, None, "timeline"),
            years,
            months,
        }
    }

    /// The home page.
    pub fn home_page(&self) -> HomePage {
        let r = &self.site.resolved;
        let ix = &self.site.index;
        let top = |kind: Kind| {
            let mut v: Vec<(EntityIdx, u32)> = r
                .of_kind(kind)
                .map(|e| (e, ix.named_in[e].len() as u32))
                .filter(|(_, n)| *n > 0)
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            self.counted(&v, TOP)
        };
        // The latest change of position per topic.
        let mut changes: Vec<(i64, BriefingIdx, EntityIdx, EntityIdx, Position, Position)> =
            Vec::new();
        for (&(actor, topic), hist) in &ix.history {
            let pos = |h: &StanceAt| r.refs[h.briefing].stances[h.stance].position;
            if let Some(i) = (1..hist.len())
                .rev()
                .find(|&i| pos(&hist[i]) != pos(&hist[i - 1]))
            {
                let b = hist[i].briefing;
                changes.push((
                    r.briefing(b).date.epoch,
                    b,
                    topic,
                    actor,
                    pos(&hist[i - 1]),
                    pos(&hist[i]),
                ));
            }
        }
        changes.sort_by(|a, b| (b.0, b.1, a.2, a.3).cmp(&(a.0, a.1, b.2, b.3)));
        let mut seen = std::collections::HashSet::new();
        let changing_topics = changes
            .into_iter()
            .filter(|c| seen.insert(c.2))
            .take(TOP)
            .map(|(_, b, topic, actor, from, to)| TopicChange {
                question: r
                    .entity(topic)
                    .profile
                    .as_ref()
                    .and_then(|p| p.question.clone()),
                topic: self.entity_link(topic),
                changed_on: r.briefing(b).date.ymd(),
                changed_display: self.briefing_link(b).date_display,
                actor: self.entity_link(actor),
                from: from.as_str(),
                to: to.as_str(),
            })
            .collect();
        let n = r.briefings.len();
        HomePage {
            page: self.meta(
                "",
                self.site.config.title.clone(),
                None,
                Some("atom.xml".into()),
                "home",
            ),
            latest: self.briefing_links(
                (n.saturating_sub(LATEST)..n)
                    .rev()
                    .map(|i| BriefingIdx(i as u32)),
            ),
            total: n,
            top_actors: top(Kind::Actor),
            top_places: top(Kind::Place),
            changing_topics,
            topics: {
                let mut t: Vec<IndexEntry> = r
                    .of_kind(Kind::Topic)
                    .map(|e| self.index_entry(e))
                    .collect();
                t.sort_by(|a, b| b.count.cmp(&a.count).then(a.entity.id.cmp(&b.entity.id)));
                t.truncate(TOP);
                t
            },
        }
    }

    /// `search/`.
    pub fn search_page(&self) -> SearchPage {
        SearchPage {
            page: self.meta(
                "search/",
                "Search".into(),
                Some(format!(
                    "Search the briefings of {}",
                    self.site.config.title
                )),
                None,
                "search",
            ),
            index: "search/",
        }
    }

    /// `404.html`, whose links are root-relative under the base path.
    pub fn not_found_page(&self) -> NotFoundPage {
        let mut page = self.meta("404.html", "Page not found".into(), None, None, "none");
        // Root-relative: moved under the base path like every root-relative URL.
        page.root = "/".to_string();
        NotFoundPage { page }
    }

    /// An Atom id for the page at `dir`: its absolute URL, or, when base_url is only a path,
    /// a URN naming the site, since Atom ids must be absolute.
    fn atom_id(&self, dir: &str) -> String {
        let base = &self.site.config.base_url;
        if base.contains("://") {
            format!("{base}{dir}")
        } else {
            let site = crate::slug::slugify(&self.site.config.title);
            format!("urn:dossier:{site}:{}{dir}", base.trim_start_matches('/'))
        }
    }

    fn feed_entries(&self, list: impl Iterator<Item = BriefingIdx>) -> Vec<FeedEntry> {
        let base = &self.site.config.base_url;
        list.take(FEED_ENTRIES)
            .map(|b| {
                let br = self.site.resolved.briefing(b);
                FeedEntry {
                    id: self.atom_id(&urls::briefing(&br.slug)),
                    title: br.title.clone(),
                    url: format!("{base}{}", urls::briefing(&br.slug)),
                    published: br.date.rfc3339.clone(),
                    updated: br.updated.as_ref().unwrap_or(&br.date).rfc3339.clone(),
                    summary: br.summary.clone(),
                }
            })
            .collect()
    }

    fn feed(&self, title: String, dir: &str, entries: Vec<FeedEntry>) -> FeedPage {
        let base = &self.site.config.base_url;
        let updated = entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
        FeedPage {
            id: self.atom_id(&format!("{dir}atom.xml")),
            title,
            url: format!("{base}{dir}"),
            self_url: format!("{base}{dir}atom.xml"),
            updated,
            entries,
        }
    }

    /// `atom.xml`: the latest briefings of the site.
    pub fn site_feed(&self) -> FeedPage {
        let n = self.site.resolved.briefings.len();
        let entries = self.feed_entries((0..n).rev().map(|i| BriefingIdx(i as u32)));
        self.feed(self.site.config.title.clone(), "", entries)
    }

    /// `<kind>/<id>/atom.xml`: the latest briefings naming an entity.
    pub fn entity_feed(&self, e: EntityIdx) -> FeedPage {
        let en = self.site.resolved.entity(e);
        let entries = self.feed_entries(self.site.index.named_in[e].iter().rev().copied());
        self.feed(
            format!("{} — {}", en.name, self.site.config.title),
            &urls::entity(&en.id),
            entries,
        )
    }
}
