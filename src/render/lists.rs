//! Views of list pages: entity indexes, tags, timeline, home, 404 and Atom feeds.

use super::direction::Direction;
use super::maps;
use super::network;
use super::pages::{
    self, FEED_ENTRIES, LATEST, MAP_LABELS, MAP_MARKERS, TOP, Views, changed_from, crumb, tenths,
};
use super::paging::{self, PageNo};
use super::views::*;
use super::words;
use crate::i18n::Arg;
use crate::index::StanceAt;
use crate::model::{BriefingIdx, EntityIdx, Kind, Position};
use crate::urls;

/// Corrections the site-wide corrections page lists: the latest ones.
pub const CORRECTIONS_SHOWN: usize = 100;
/// How many actors' changes the home page shows per topic: the latest.
pub const CHANGES_SHOWN: usize = 4;
/// How many changes of position a day of the timeline shows.
pub const DAY_CHANGES: usize = 8;
/// The largest marker's radius on the world map, in SVG units.
const MARKER_MAX: f64 = 16.0;
/// The smallest: a place named by no briefing, or very few, still shows and takes a tap.
const MARKER_MIN: f64 = 3.0;
/// Longest name written on the world map; the marker's link carries the whole name.
const LABEL_CHARS: usize = 22;
/// Width of a label's letter and height of its line, in SVG units, to keep labels apart
/// (13-unit bold text, measured generously).
const LABEL_EM: f64 = 8.5;
const LABEL_HEIGHT: f64 = 14.0;

/// Names beside the first [`MAP_LABELS`] markers (the most named), each left out where it
/// would overlap one already placed; written to the left of a marker near the right edge.
fn map_labels(markers: &[MapMarker], width: f64) -> Vec<MapLabel> {
    let mut boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut out = Vec::new();
    for m in markers.iter().take(MAP_LABELS) {
        let text: String = match m.entity.name.chars().count() > LABEL_CHARS {
            true => m
                .entity
                .name
                .chars()
                .take(LABEL_CHARS - 1)
                .chain(['…'])
                .collect(),
            false => m.entity.name.clone(),
        };
        let w = text.chars().count() as f64 * LABEL_EM;
        let end = m.x + m.r + 4.0 + w > width;
        let x = match end {
            true => m.x - m.r - 4.0,
            false => m.x + m.r + 4.0,
        };
        let (left, top) = (if end { x - w } else { x }, m.y - LABEL_HEIGHT / 2.0);
        let b = (left, top, left + w, top + LABEL_HEIGHT);
        if boxes
            .iter()
            .any(|o| b.0 < o.2 && o.0 < b.2 && b.1 < o.3 && o.1 < b.3)
        {
            continue;
        }
        boxes.push(b);
        let dir = Direction::of_text(&text, Direction::Ltr);
        out.push(MapLabel {
            x: tenths(x),
            y: tenths(m.y + 4.5),
            anchor: dir.anchor_like_ltr(if end { "end" } else { "start" }),
            dir: dir.as_str(),
            text,
            end,
        });
    }
    out
}

impl Views<'_> {
    /// Page `n` of `actors/`, `places/` or `topics/`.
    pub fn entities_page(&self, kind: Kind, n: PageNo) -> EntitiesPage {
        let heading = words::kind_heading(&self.i18n, kind).to_string();
        let all = self.by_name(kind);
        let entities = paging::slice(all, n, self.page_size())
            .iter()
            .map(|&e| self.index_entry(e))
            .collect();
        let dir = urls::kind_index(kind);
        let page = self.meta(&dir, heading.clone(), None, None, kind.dir());
        let map = match (kind, n.is_first()) {
            (Kind::Place, true) => self.world_map(all),
            _ => None,
        };
        EntitiesPage {
            page: self.paginate(page, &dir, n, all.len()),
            kind: kind.word(),
            heading,
            entities,
            map,
        }
    }

    /// The entities of `kind` as an index lists them: by name as a reader spells it (case
    /// and diacritics aside), then by id; sorted once for all the index's pages.
    pub fn by_name(&self, kind: Kind) -> &[EntityIdx] {
        let slot = Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        self.by_name[slot].get_or_init(|| {
            let r = &self.site.resolved;
            let mut all: Vec<(String, EntityIdx)> = (r.of_kind(kind))
                .map(|e| (super::search::fold(&r.entity(e).name), e))
                .collect();
            all.sort();
            all.into_iter().map(|(_, e)| e).collect()
        })
    }

    /// The world map of `places`, with a marker for each of the [`MAP_MARKERS`] most named
    /// that have a location; `None` when none has.
    fn world_map(&self, places: &[EntityIdx]) -> Option<WorldMap> {
        let r = &self.site.resolved;
        let named = |e: EntityIdx| self.site.index.named_in[e].len();
        let mut located: Vec<(EntityIdx, (f64, f64), Option<EntityIdx>)> = (places.iter())
            .filter_map(|&e| self.location(e).map(|(c, from)| (e, c, from)))
            .collect();
        if located.is_empty() {
            return None;
        }
        let total = located.len();
        // Most named first; ties in the order of `places` (kept by the stable sort).
        located.sort_by_key(|&(e, _, _)| std::cmp::Reverse(named(e)));
        located.truncate(MAP_MARKERS);
        let lonlat: Vec<(f64, f64)> = located
            .iter()
            .map(|&(_, (lat, lon), _)| (lon, lat))
            .collect();
        let d = maps::world(&lonlat);
        let most = located.first().map_or(0, |&(e, _, _)| named(e)).max(1) as f64;
        let markers: Vec<MapMarker> = (located.iter().zip(&lonlat))
            .filter_map(|(&(e, _, from), &p)| {
                let (x, y) = d.point(p)?;
                let count = named(e);
                Some(MapMarker {
                    entity: self.entity_link(e),
                    count,
                    x: tenths(x),
                    y: tenths(y),
                    // Area proportional to the count, the most named at the largest size.
                    r: tenths((MARKER_MAX * (count as f64 / most).sqrt()).max(MARKER_MIN)),
                    shown_at: from.map(|p| r.entity(p).name.clone()),
                })
            })
            .collect();
        let labels = map_labels(&markers, d.width);
        let n = words::count(markers.len());
        let summary = match total > markers.len() {
            true => (self.i18n).fmt(
                "map_world_summary_most",
                &[("n", n), ("total", words::count(total))],
            ),
            false => self.i18n.fmt("map_world_summary", &[("n", n)]),
        };
        Some(WorldMap {
            width: d.width,
            height: d.height,
            frame: d.frame,
            land: d.land,
            borders: d.borders,
            markers,
            labels,
            total,
            summary,
        })
    }

    /// `network/`: the site's most-named actors and the pairs most often named together.
    pub fn network_page(&self) -> NetworkPage {
        let g = pages::top_actors(self.site);
        let mut page = self.meta(
            "network/",
            self.i18n.text("page_title_network").into(),
            Some(self.i18n.text("page_description_network").into()),
            None,
            Kind::Actor.dir(),
        );
        let index = urls::href("", &urls::kind_index(Kind::Actor));
        page.crumbs = vec![crumb(words::kind_heading(&self.i18n, Kind::Actor), index)];
        let node = |i: usize| self.entity_link(g.nodes[i].0);
        NetworkPage {
            page,
            drawing: network::site_drawing(&g, |a| self.named(a), &self.i18n),
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
            note: crate::dated::current_role(en).or_else(|| p.and_then(|p| p.question.clone())),
        }
    }

    /// Page `n` of `tags/`.
    pub fn tags_page(&self, n: PageNo) -> TagsPage {
        let all: Vec<usize> = (0..self.site.resolved.tags.len()).collect();
        let page = self.meta(
            "tags/",
            self.i18n.text("page_title_tags").into(),
            None,
            None,
            "tags",
        );
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
        let feed = Some(format!("{dir}atom.xml"));
        let title = (self.i18n).fmt("page_title_tagged", &[("tag", Arg::Text(&tag.name))]);
        let mut page = self.meta(&dir, title, None, feed, "tags");
        page.crumbs = vec![crumb(
            self.i18n.text("crumb_tags"),
            "tags/index.html".into(),
        )];
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
            self.i18n.text("page_title_all_briefings").into(),
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
                    label: self.i18n.locale.month(d.year(), d.month()),
                    id,
                    briefings: Vec::new(),
                    count: cal.months.get(&(d.year(), d.month())).copied().unwrap_or(0),
                    continued,
                    days: Vec::new(),
                });
            }
            if let Some(m) = months.last_mut() {
                let link = self.briefing_link(b);
                if m.days.last().is_none_or(|day: &Day| day.date != link.date) {
                    m.days.push(Day {
                        date: link.date.clone(),
                        date_display: link.date_display.clone(),
                        briefings: Vec::new(),
                        changes: Vec::new(),
                        changes_more: 0,
                    });
                }
                if let Some(day) = m.days.last_mut() {
                    for (i, _) in r.refs[b].stances.iter().enumerate() {
                        let at = StanceAt {
                            briefing: b,
                            stance: i,
                        };
                        let Some(before) = changed_from(self.site, at) else {
                            continue;
                        };
                        if day.changes.len() < DAY_CHANGES {
                            let from = r.refs[before.briefing].stances[before.stance].position;
                            day.changes.push(self.actor_change(at, from));
                        } else {
                            day.changes_more += 1;
                        }
                    }
                    day.briefings.push(link.clone());
                }
                m.briefings.push(link);
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
        let title = self.i18n.text("page_title_timeline").into();
        let page = self.meta("timeline/", title, None, None, "timeline");
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
        // (date, briefing, topic, actor, position before, the stance changing it).
        let mut changes: Vec<(i64, BriefingIdx, EntityIdx, EntityIdx, Position, usize)> =
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
                    hist[i].stance,
                ));
            }
        }
        changes.sort_by(|a, b| (b.0, b.1, a.2, a.3).cmp(&(a.0, a.1, b.2, b.3)));
        // Topics in the order of their latest change, each with its actors' changes.
        let mut by_topic: Vec<(EntityIdx, Vec<ActorChange>, usize)> = Vec::new();
        for (_, b, topic, _, from, stance) in changes {
            let slot = match by_topic.iter().position(|t| t.0 == topic) {
                Some(i) => i,
                None if by_topic.len() < TOP => {
                    by_topic.push((topic, Vec::new(), 0));
                    by_topic.len() - 1
                }
                None => continue,
            };
            let entry = &mut by_topic[slot];
            if entry.1.len() < CHANGES_SHOWN {
                let at = StanceAt {
                    briefing: b,
                    stance,
                };
                entry.1.push(self.actor_change(at, from));
            } else {
                entry.2 += 1;
            }
        }
        let changing_topics = by_topic
            .into_iter()
            .filter_map(|(topic, changes, more)| {
                let latest = changes.first()?;
                Some(TopicChange {
                    question: r
                        .entity(topic)
                        .profile
                        .as_ref()
                        .and_then(|p| p.question.clone()),
                    topic: self.entity_link(topic),
                    changed_on: latest.changed_on.clone(),
                    changed_display: latest.changed_display.clone(),
                    actor: latest.actor.clone(),
                    from: latest.from,
                    to: latest.to,
                    more,
                    changes,
                })
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

    /// Stance `at` as a change of its actor's position from `from`.
    pub(super) fn actor_change(&self, at: StanceAt, from: Position) -> ActorChange {
        let s = &self.site.resolved.refs[at.briefing].stances[at.stance];
        let link = self.briefing_link(at.briefing);
        ActorChange {
            actor: self.entity_link(s.actor),
            topic: self.entity_link(s.topic),
            from: from.as_str(),
            to: s.position.as_str(),
            url: format!("{}#stance-{}", link.url, at.stance + 1),
            changed_on: link.date.clone(),
            changed_display: link.date_display.clone(),
        }
    }

    /// `search/`.
    pub fn search_page(&self) -> SearchPage {
        SearchPage {
            page: self.meta(
                "search/",
                self.i18n.text("page_title_search").into(),
                Some(self.i18n.fmt(
                    "page_description_search",
                    &[("site", Arg::Text(&self.site.config.title))],
                )),
                None,
                "search",
            ),
            index: "search/",
        }
    }

    /// `404.html`, whose links are root-relative under the base path.
    pub fn not_found_page(&self) -> NotFoundPage {
        let title = self.i18n.text("page_title_not_found").into();
        let mut page = self.meta("404.html", title, None, None, "none");
        // Root-relative: moved under the base path like every root-relative URL.
        page.root = "/".to_string();
        NotFoundPage { page }
    }

    /// An Atom id for the page at `dir`: its absolute URL, or, when base_url is only a path,
    /// a URN naming the site, since Atom ids must be absolute.
    pub(super) fn atom_id(&self, dir: &str) -> String {
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
                // A renamed briefing keeps the id of its first address, so that feed
                // readers see the entry they have, not a new one.
                let first = super::redirects::first_address(&br.moved_from);
                FeedEntry {
                    id: self.atom_id(&first.unwrap_or_else(|| urls::briefing(&br.slug))),
                    title: br.title.clone(),
                    url: format!("{base}{}", urls::briefing(&br.slug)),
                    published: br.date.rfc3339.clone(),
                    updated: br.updated.as_ref().unwrap_or(&br.date).rfc3339.clone(),
                    summary: br.summary.clone(),
                    authors: (self.site.resolved.refs[b].named[Kind::Author].iter())
                        .map(|&a| {
                            let en = self.site.resolved.entity(a);
                            FeedAuthor {
                                name: en.name.clone(),
                                url: format!("{base}{}", urls::entity(&en.id)),
                            }
                        })
                        .collect(),
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

    /// Every correction of the site, newest first (then by briefing, newest first), with
    /// its briefing.
    fn all_corrections(&self) -> Vec<(BriefingIdx, &crate::model::Correction)> {
        let r = &self.site.resolved;
        let mut all: Vec<_> = (r.briefings.iter_ids())
            .flat_map(|(b, br)| br.corrections.iter().map(move |c| (b, c)))
            .collect();
        all.sort_by(|(a, x), (b, y)| (y.date.epoch, b).cmp(&(x.date.epoch, a)));
        all
    }

    /// `corrections/`: the latest corrections and updates of the site.
    pub fn corrections_page(&self) -> CorrectionsPage {
        let page = self.meta(
            "corrections/",
            self.i18n.text("page_title_corrections").into(),
            None,
            Some("corrections/atom.xml".into()),
            "briefings",
        );
        CorrectionsPage {
            page,
            corrections: (self.all_corrections().into_iter().take(CORRECTIONS_SHOWN))
                .map(|(b, c)| CorrectionRow {
                    briefing: self.briefing_link(b),
                    correction: CorrectionView {
                        date: c.date.rfc3339.clone(),
                        date_display: self.i18n.locale.date(c.date.date),
                        text: c.text.clone(),
                    },
                })
                .collect(),
        }
    }

    /// `corrections/atom.xml`: the briefings corrected last, each entry updated at its
    /// latest correction and summed up by it.
    pub fn corrections_feed(&self) -> FeedPage {
        let mut seen = std::collections::HashSet::new();
        let latest: Vec<BriefingIdx> = (self.all_corrections().into_iter())
            .filter(|(b, _)| seen.insert(*b))
            .map(|(b, _)| b)
            .collect();
        let mut entries = self.feed_entries(latest.iter().copied());
        for (e, &b) in entries.iter_mut().zip(&latest) {
            let br = self.site.resolved.briefing(b);
            if let Some(c) = br.corrections.last() {
                e.summary = Some(
                    (self.i18n).fmt("feed_correction_summary", &[("text", Arg::Text(&c.text))]),
                );
            }
        }
        self.feed(
            self.i18n.fmt(
                "feed_title_corrections",
                &[("site", Arg::Text(&self.site.config.title))],
            ),
            "corrections/",
            entries,
        )
    }

    /// `atom.xml`: the latest briefings of the site.
    pub fn site_feed(&self) -> FeedPage {
        let n = self.site.resolved.briefings.len();
        let entries = self.feed_entries((0..n).rev().map(|i| BriefingIdx(i as u32)));
        self.feed(self.site.config.title.clone(), "", entries)
    }

    /// `tags/<tag>/atom.xml`: the latest briefings with a tag.
    pub fn tag_feed(&self, t: usize) -> FeedPage {
        let tag = &self.site.resolved.tags[t];
        let entries = self.feed_entries(self.site.index.tag_briefings[t].iter().rev().copied());
        self.feed(
            self.i18n.fmt(
                "feed_title_tag",
                &[
                    ("tag", Arg::Text(&tag.name)),
                    ("site", Arg::Text(&self.site.config.title)),
                ],
            ),
            &urls::tag(&tag.slug),
            entries,
        )
    }

    /// The view of any feed, which its Atom and JSON files both render.
    pub fn feed_of(&self, f: super::Feed) -> FeedPage {
        match f {
            super::Feed::Site => self.site_feed(),
            super::Feed::Entity(e) => self.entity_feed(e),
            super::Feed::Tag(t) => self.tag_feed(t),
            super::Feed::Corrections => self.corrections_feed(),
            super::Feed::Changes(e) => self.changes_feed(e),
        }
    }

    /// `<kind>/<id>/atom.xml`: the latest briefings naming an entity.
    pub fn entity_feed(&self, e: EntityIdx) -> FeedPage {
        let en = self.site.resolved.entity(e);
        let entries = self.feed_entries(self.site.index.named_in[e].iter().rev().copied());
        self.feed(
            self.i18n.fmt(
                "feed_title_entity",
                &[
                    ("name", Arg::Text(&en.name)),
                    ("site", Arg::Text(&self.site.config.title)),
                ],
            ),
            &urls::entity(&en.id),
            entries,
        )
    }
}
