//! Views of list pages: entity indexes, tags, timeline, home, 404 and Atom feeds.

use super::dates::MONTHS;
use super::network;
use super::pages::{self, FEED_ENTRIES, LATEST, TOP, Views, crumb};
use super::paging::{self, PageNo};
use super::views::*;
use crate::index::StanceAt;
use crate::model::{BriefingIdx, EntityIdx, Kind, Position};
use crate::urls;

impl Views<'_> {
    /// Page `n` of `actors/`, `places/` or `topics/`.
    pub fn entities_page(&self, kind: Kind, n: PageNo) -> EntitiesPage {
        let heading = kind.heading();
        let all: Vec<EntityIdx> = self.site.resolved.of_kind(kind).collect();
        let entities = paging::slice(&all, n, self.page_size())
            .iter()
            .map(|&e| self.index_entry(e))
            .collect();
        let dir = urls::kind_index(kind);
        let page = self.meta(&dir, heading.to_string(), None, None, kind.dir());
        EntitiesPage {
            page: self.paginate(page, &dir, n, all.len()),
            kind: kind.word(),
            heading,
            entities,
        }
    }

    /// `network/`: the site's most-named actors and the pairs most often named together.
    pub fn network_page(&self) -> NetworkPage {
        let g = pages::top_actors(self.site);
        let mut page = self.meta(
            "network/",
            "Network of actors".into(),
            Some("Who is named with whom: the most-named actors and the pairs most often named together".into()),
            None,
            Kind::Actor.dir(),
        );
        let index = urls::href("", &urls::kind_index(Kind::Actor));
        page.crumbs = vec![crumb(Kind::Actor.heading(), index)];
        let node = |i: usize| self.entity_link(g.nodes[i].0);
        NetworkPage {
            page,
            drawing: network::site_drawing(&g, |a| self.named(a)),
            actors: self.counted(&g.nodes, g.nodes.len()),
            pairs: (g.edges.iter())
                .map(|&(i, j, count)| Pair {
                    a: node(i),
                    b: node(j),
                    count,
                })
                .collect(),
            total: self.site.resolved.of_kind(Kind::Actor).count(),
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

    /// Page `n` of `tags/`.
    pub fn tags_page(&self, n: PageNo) -> TagsPage {
        let all: Vec<usize> = (0..self.site.resolved.tags.len()).collect();
        let page = self.meta("tags/", "Tags".into(), None, None, "tags");
        TagsPage {
            page: self.paginate(page, "tags/", n, all.len()),
            tags: paging::slice(&all, n, self.page_size())
                .iter()
                .map(|&t| self.tag_link(t))
                .collect(),
        }
    }

    /// Page `n` of `tags/<slug>/`.
    pub fn tag_page(&self, t: usize, n: PageNo) -> TagPage {
        let tag = self.tag_link(t);
        let dir = urls::tag(&self.site.resolved.tags[t].slug);
        let mut page = self.meta(&dir, format!("Tagged “{}”", tag.name), None, None, "tags");
        page.crumbs = vec![crumb("Tags", "tags/index.html".into())];
        let list = &self.site.index.tag_briefings[t];
        TagPage {
            page: self.paginate(page, &dir, n, list.len()),
            briefings: self.newest_on(list, n),
            tag,
        }
    }

    /// Briefing ranks (from the newest, from 0) on page `n` of a list of every briefing.
    fn ranks_on(&self, n: PageNo) -> std::ops::Range<usize> {
        paging::ranks(self.site.resolved.briefings.len(), n, self.page_size())
    }

    /// The briefing of rank `rank` (from the newest, from 0).
    fn by_rank(&self, rank: usize) -> BriefingIdx {
        BriefingIdx((self.site.resolved.briefings.len() - 1 - rank) as u32)
    }

    /// Page `n` of `briefings/`: every briefing, newest first.
    pub fn briefings_page(&self, n: PageNo) -> BriefingsPage {
        let total = self.site.resolved.briefings.len();
        let page = self.meta(
            "briefings/",
            "All briefings".into(),
            None,
            Some("atom.xml".into()),
            "briefings",
        );
        BriefingsPage {
            page: self.paginate(page, "briefings/", n, total),
            briefings: self.briefing_links(self.ranks_on(n).map(|r| self.by_rank(r))),
            total,
        }
    }

    /// Page `n` of `timeline/`: its briefings by month, and every year.
    pub fn timeline_page(&self, n: PageNo) -> TimelinePage {
        let r = &self.site.resolved;
        let cal = self.calendar();
        let size = self.page_size();
        let mut months: Vec<Month> = Vec::new();
        let ranks = self.ranks_on(n);
        let first = ranks.start;
        for rank in ranks {
            let b = self.by_rank(rank);
            let d = r.briefing(b).date.date;
            let id = format!("{:04}-{:02}", d.year(), d.month());
            if months.last().is_none_or(|m| m.id != id) {
                // The page's first month began on an earlier page when the briefing before
                // this one, on that page, is of the same month.
                let before = (rank > 0).then(|| r.briefing(self.by_rank(rank - 1)).date.date);
                let continued = rank == first
                    && before.is_some_and(|p| p.first_of_month() == d.first_of_month());
                months.push(Month {
                    label: format!("{} {}", MONTHS[(d.month() - 1) as usize], d.year()),
                    id,
                    briefings: Vec::new(),
                    count: cal.months.get(&(d.year(), d.month())).copied().unwrap_or(0),
                    continued,
                });
            }
            if let Some(m) = months.last_mut() {
                m.briefings.push(self.briefing_link(b));
            }
        }
        let years = (cal.years.iter())
            .map(|&(year, rank, count)| {
                let d = r.briefing(self.by_rank(rank)).date.date;
                let anchor = format!("{:04}-{:02}", d.year(), d.month());
                let url = format!(
                    "{}#{anchor}",
                    paging::url("timeline/", PageNo::of_rank(rank, size))
                );
                Year {
                    year,
                    anchor,
                    url,
                    count,
                }
            })
            .collect();
        let page = self.meta("timeline/", "Timeline".into(), None, None, "timeline");
        TimelinePage {
            page: self.paginate(page, "timeline/", n, r.briefings.len()),
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
