//! Builds the view struct of each page from the site.

use super::charts::{self, Sparkline, StanceSeries};
use super::dates::{MONTHS, display_date};
use super::structured;
use super::views::*;
use crate::index::StanceAt;
use crate::model::{BriefingIdx, Confidence, EntityIdx, Kind, PerKind, Position};
use crate::site::Site;
use crate::urls;

/// How many briefings the home page and feeds list.
pub const LATEST: usize = 12;
/// How many entries an Atom feed has.
pub const FEED_ENTRIES: usize = 30;
/// How many entities the home page lists per kind.
pub const TOP: usize = 10;
/// How many co-occurring actors an actor or place page lists.
pub const COUNTED: usize = 24;
/// How many enclosing places a place page lists at most: a chain is cut there.
pub const PLACE_PARENTS: usize = 33;
/// One breadcrumb.
pub(super) fn crumb(name: &str, url: String) -> Crumb {
    Crumb {
        name: name.to_string(),
        url,
    }
}

/// Builds views for one site.
pub struct Views<'a> {
    pub site: &'a Site,
}

fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::Low => "low",
        Confidence::Moderate => "moderate",
        Confidence::High => "high",
    }
}

impl<'a> Views<'a> {
    pub(super) fn meta(
        &self,
        dir: &str,
        title: String,
        description: Option<String>,
        feed: Option<String>,
        section: &'static str,
    ) -> PageMeta {
        let cfg = &self.site.config;
        PageMeta {
            title,
            description: description
                .or_else(|| cfg.description.clone())
                .unwrap_or_else(|| cfg.title.clone()),
            canonical: format!("{}{}", cfg.base_url, dir),
            root: urls::root_of(dir),
            feed,
            section,
            crumbs: Vec::new(),
        }
    }

    /// A list entry for briefing `b`.
    pub fn briefing_link(&self, b: BriefingIdx) -> BriefingLink {
        let br = self.site.resolved.briefing(b);
        BriefingLink {
            slug: br.slug.to_string(),
            title: br.title.clone(),
            url: urls::href("", &urls::briefing(&br.slug)),
            date: br.date.ymd(),
            date_display: display_date(br.date.date),
            summary: br.summary.clone(),
            confidence: br.confidence.map(confidence),
        }
    }

    pub(super) fn briefing_links(
        &self,
        list: impl Iterator<Item = BriefingIdx>,
    ) -> Vec<BriefingLink> {
        list.map(|b| self.briefing_link(b)).collect()
    }

    /// A link to entity `e`.
    pub fn entity_link(&self, e: EntityIdx) -> EntityLink {
        let en = self.site.resolved.entity(e);
        EntityLink {
            id: en.id.slug.to_string(),
            name: en.name.clone(),
            kind: en.id.kind.word(),
            url: urls::href("", &urls::entity(&en.id)),
            stub: en.profile.is_none(),
        }
    }

    pub(super) fn counted(&self, list: &[(EntityIdx, u32)], limit: usize) -> Vec<CountedLink> {
        list.iter()
            .take(limit)
            .map(|&(e, count)| CountedLink {
                entity: self.entity_link(e),
                count,
            })
            .collect()
    }

    pub(super) fn stance_mark(&self, at: StanceAt) -> StanceMark {
        let refs = &self.site.resolved.refs[at.briefing];
        let s = &refs.stances[at.stance];
        let link = self.briefing_link(at.briefing);
        StanceMark {
            position: s.position.as_str(),
            date: link.date.clone(),
            quote: s.quote.clone(),
            anchor: format!("stance-{}", at.stance + 1),
            briefing: link,
        }
    }

    pub(super) fn position_row(&self, entity: EntityIdx, history: &[StanceAt]) -> PositionRow {
        let marks: Vec<StanceMark> = history.iter().map(|&h| self.stance_mark(h)).collect();
        let positions: Vec<Position> = history
            .iter()
            .map(|h| self.site.resolved.refs[h.briefing].stances[h.stance].position)
            .collect();
        let last_change = (1..positions.len())
            .rev()
            .find(|&i| positions[i] != positions[i - 1]);
        PositionRow {
            entity: self.entity_link(entity),
            position: marks.last().map_or("unclear", |m| m.position),
            changed_on: last_change.map(|i| marks[i].date.clone()),
            changed_display: last_change.map(|i| marks[i].briefing.date_display.clone()),
            previous: last_change.map(|i| positions[i - 1].as_str()),
            history: marks,
        }
    }

    pub(super) fn entity_view(&self, e: EntityIdx) -> EntityView {
        let en = self.site.resolved.entity(e);
        let p = en.profile.as_ref();
        EntityView {
            link: self.entity_link(e),
            aliases: en.aliases.clone(),
            subkind: p.and_then(|p| p.subkind.clone()),
            body: self.site.profile_bodies[e].clone(),
            extra: p.map_or_else(|| serde_json::json!({}), |p| p.extra.clone()),
            count: self.site.index.named_in[e].len(),
        }
    }

    /// `briefings/<slug>/`.
    pub fn briefing_page(&self, b: BriefingIdx) -> BriefingPage {
        let br = self.site.resolved.briefing(b);
        let refs = &self.site.resolved.refs[b];
        let ix = &self.site.index;
        let dir = urls::briefing(&br.slug);
        let links = |v: &[EntityIdx]| v.iter().map(|&e| self.entity_link(e)).collect::<Vec<_>>();
        let stances = refs
            .stances
            .iter()
            .enumerate()
            .map(|(i, s)| StanceRow {
                anchor: format!("stance-{}", i + 1),
                actor: self.entity_link(s.actor),
                topic: self.entity_link(s.topic),
                position: s.position.as_str(),
                quote: s.quote.clone(),
                by: s.by.map(|e| self.entity_link(e)),
                source: s.source.map(|i| i + 1),
            })
            .collect();
        let tags = refs.tags.iter().map(|&t| self.tag_link(t)).collect();
        let sources = br
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| SourceView {
                number: i + 1,
                title: s.title.clone(),
                url: s.url.clone(),
                publisher: s.publisher.clone(),
                date: s.date.clone(),
                date_display: s.date.as_ref().map(|d| {
                    d.get(..10)
                        .and_then(|ymd| ymd.parse::<jiff::civil::Date>().ok())
                        .map_or_else(|| d.clone(), display_date)
                }),
            })
            .collect();
        let mut page = self.meta(
            &dir,
            br.title.clone(),
            br.summary.clone(),
            None,
            "briefings",
        );
        let d = br.date.date;
        page.crumbs = vec![
            crumb("Timeline", "timeline/index.html".into()),
            crumb(
                &format!("{} {}", MONTHS[(d.month() - 1) as usize], d.year()),
                format!("timeline/index.html#{:04}-{:02}", d.year(), d.month()),
            ),
        ];
        BriefingPage {
            page,
            briefing: BriefingView {
                link: self.briefing_link(b),
                published: br.date.rfc3339.clone(),
                updated: br.updated.as_ref().map(|u| u.rfc3339.clone()),
                updated_display: br.updated.as_ref().map(|u| display_date(u.date)),
                named: PerKind::from_fn(|kind| links(&refs.named[kind])),
                stances,
                tags,
                sources,
                body: self.site.bodies[b].clone(),
                draft: br.draft,
                extra: br.extra.clone(),
            },
            related: self.briefing_links(ix.related[b].iter().copied()),
            backlinks: self.briefing_links(ix.briefing_backlinks[b].iter().rev().copied()),
            json_ld: structured::briefing(self.site, b),
        }
    }

    pub(super) fn tag_link(&self, t: usize) -> TagLink {
        let tag = &self.site.resolved.tags[t];
        TagLink {
            slug: tag.slug.to_string(),
            name: tag.name.clone(),
            url: urls::href("", &urls::tag(&tag.slug)),
            count: self.site.index.tag_briefings[t].len(),
        }
    }

    pub(super) fn named_in(&self, e: EntityIdx) -> Vec<BriefingLink> {
        self.briefing_links(self.site.index.named_in[e].iter().rev().copied())
    }

    pub(super) fn backlinks(&self, e: EntityIdx) -> Vec<BriefingLink> {
        self.briefing_links(self.site.index.entity_backlinks[e].iter().rev().copied())
    }

    pub(super) fn entity_meta(&self, e: EntityIdx, description: Option<String>) -> PageMeta {
        let en = self.site.resolved.entity(e);
        let dir = urls::entity(&en.id);
        let feed = Some(format!("{dir}atom.xml"));
        let mut page = self.meta(&dir, en.name.clone(), description, feed, en.id.kind.dir());
        let index = urls::href("", &urls::kind_index(en.id.kind));
        page.crumbs = vec![crumb(en.id.kind.heading(), index)];
        page
    }

    /// Briefings per month naming `e`, over the period of the whole site.
    fn activity(&self, e: EntityIdx) -> Option<Sparkline> {
        let r = &self.site.resolved;
        let (first, last) = (r.briefings.first()?, r.briefings.last()?);
        let dates: Vec<_> = self.site.index.named_in[e]
            .iter()
            .map(|&b| r.briefing(b).date.date)
            .collect();
        charts::sparkline(&dates, first.date.date, last.date.date)
    }

    /// The page of entity `e`, the view its kind has.
    pub fn entity_page(&self, e: EntityIdx) -> EntityPage {
        match self.site.resolved.entity(e).id.kind {
            Kind::Actor => EntityPage::Actor(self.actor_page(e)),
            Kind::Place => EntityPage::Place(self.place_page(e)),
            Kind::Topic => EntityPage::Topic(self.topic_page(e)),
        }
    }

    /// `actors/<id>/`.
    pub fn actor_page(&self, e: EntityIdx) -> ActorPage {
        let en = self.site.resolved.entity(e);
        let ix = &self.site.index;
        let p = en.profile.as_ref();
        let positions = ix.actor_topics[e]
            .iter()
            .map(|&t| self.position_row(t, &ix.history[&(e, t)]))
            .collect();
        let members = self
            .site
            .resolved
            .of_kind(Kind::Actor)
            .filter(|&m| self.site.resolved.entity(m).affiliation == Some(e))
            .map(|m| self.entity_link(m))
            .collect();
        let mut page = self.entity_meta(
            e,
            p.and_then(|p| p.role.clone())
                .map(|r| format!("{}: {r}", en.name)),
        );
        if let Some(a) = en.affiliation.filter(|&a| a != e) {
            let a = self.entity_link(a);
            page.crumbs.push(crumb(&a.name, a.url));
        }
        ActorPage {
            page,
            entity: self.entity_view(e),
            role: p.and_then(|p| p.role.clone()),
            affiliation: en.affiliation.map(|a| self.entity_link(a)),
            members,
            positions,
            briefings: self.named_in(e),
            backlinks: self.backlinks(e),
            co_actors: self.counted(&ix.co_actors[e], COUNTED),
            json_ld: structured::entity(self.site, e),
            activity: self.activity(e),
        }
    }

    /// `places/<id>/`.
    pub fn place_page(&self, e: EntityIdx) -> PlacePage {
        let en = self.site.resolved.entity(e);
        let ix = &self.site.index;
        let mut parents = Vec::new();
        let mut cur = en.within;
        while let Some(p) = cur {
            if p == e
                || parents.len() >= PLACE_PARENTS
                || parents
                    .iter()
                    .any(|x: &EntityLink| x.id == self.site.resolved.entity(p).id.slug.as_str())
            {
                break;
            }
            parents.push(self.entity_link(p));
            cur = self.site.resolved.entity(p).within;
        }
        parents.reverse();
        let coords = en.profile.as_ref().and_then(|p| p.coords);
        let mut page = self.entity_meta(e, None);
        page.crumbs
            .extend(parents.iter().map(|p| crumb(&p.name, p.url.clone())));
        PlacePage {
            page,
            entity: self.entity_view(e),
            parent: en.within.map(|p| self.entity_link(p)),
            parents,
            sub_places: ix.sub_places[e]
                .iter()
                .map(|&s| self.entity_link(s))
                .collect(),
            coords: coords.map(|(a, b)| [a, b]),
            coords_text: coords.map(|(lat, lon)| {
                format!(
                    "{:.4}° {}, {:.4}° {}",
                    lat.abs(),
                    if lat >= 0.0 { "N" } else { "S" },
                    lon.abs(),
                    if lon >= 0.0 { "E" } else { "W" }
                )
            }),
            map_url: coords.map(|(lat, lon)| {
                format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=10/{lat}/{lon}")
            }),
            briefings: self.named_in(e),
            backlinks: self.backlinks(e),
            actors: self.counted(&ix.place_actors[e], COUNTED),
            json_ld: structured::entity(self.site, e),
            activity: self.activity(e),
        }
    }

    /// `topics/<id>/`.
    pub fn topic_page(&self, e: EntityIdx) -> TopicPage {
        let en = self.site.resolved.entity(e);
        let ix = &self.site.index;
        let question = en.profile.as_ref().and_then(|p| p.question.clone());
        let actors = &ix.topic_actors[e];
        let matrix = actors
            .iter()
            .map(|&a| self.position_row(a, &ix.history[&(a, e)]))
            .collect();
        let r = &self.site.resolved;
        let series: Vec<StanceSeries<'_>> = actors
            .iter()
            .map(|&a| StanceSeries {
                name: &r.entity(a).name,
                stances: ix.history[&(a, e)]
                    .iter()
                    .map(|h| {
                        let b = r.briefing(h.briefing);
                        let s = &r.refs[h.briefing].stances[h.stance];
                        (b.date.date, s.position.as_str(), b.title.as_str())
                    })
                    .collect(),
            })
            .collect();
        TopicPage {
            page: self.entity_meta(e, question.clone()),
            entity: self.entity_view(e),
            question,
            matrix,
            positions: vec!["supports", "opposes", "mixed", "neutral", "unclear"],
            chart: charts::stance_chart(&series),
            briefings: self.named_in(e),
            backlinks: self.backlinks(e),
        }
    }
}
