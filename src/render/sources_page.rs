//! `sources/`: how the site's claims are sourced (the counts `dossier stats` prints, with
//! every source of `content/sources/`), and `sources/<id>/`: one registry source with the
//! briefings that cite it and the stances that rest on it.

use super::pages::{Views, crumb};
use super::views::{
    BriefingLink, EntityLink, GradeCount, RegistryRow, RegistrySourceView, SourcePage,
    SourcedStance, SourcesPage,
};
use crate::i18n::Arg;
use crate::index::SourceUse;
use crate::model::RegistrySource;
use crate::urls;

/// How many of a source's briefings, and of the stances resting on it, its page lists
/// (newest first): a source cited by a whole archive keeps a light page.
pub const SOURCE_LIST: usize = 100;

/// The page of registry source `id`, relative to the root.
pub fn source_url(id: &str) -> String {
    urls::href("", &format!("sources/{id}/"))
}

impl Views<'_> {
    /// `sources/`: how the site's stances are sourced, and every registry source.
    pub fn sources_page(&self) -> SourcesPage {
        let site = self.site;
        let counts = crate::stats::sourcing_with(site, self.derived.support(site));
        let scale = &site.config.grades;
        let stances = site.resolved.refs.iter().map(|r| r.stances.len()).sum();
        let uses = self.source_uses();
        let mut page = self.meta(
            "sources/",
            self.i18n.text("page_title_sources").into(),
            Some(self.i18n.text("page_description_sources").into()),
            None,
            "sources",
        );
        page.crumbs = Vec::new();
        SourcesPage {
            page,
            stances,
            by_reliability: (counts.by_reliability.iter().enumerate())
                .map(|(i, (code, count))| GradeCount {
                    code: code.clone(),
                    label: (self.grades.reliability(i))
                        .unwrap_or(self.i18n.text("grade_no_reliability"))
                        .to_string(),
                    count: *count,
                })
                .collect(),
            unsourced: counts.unsourced,
            single_source: counts.single_source,
            paraphrase_only: counts.paraphrase_only,
            retracted: counts.retracted,
            sources: (site.registry.iter().zip(uses))
                .map(|(x, u)| {
                    let s = &x.source;
                    RegistryRow {
                        id: x.id.to_string(),
                        url: source_url(x.id.as_str()),
                        title: s.title.clone(),
                        publisher: s.publisher.clone(),
                        grade: scale.code(s.grade),
                        grade_label: self.grades.label(s.grade),
                        briefings: u.briefings.len(),
                        stances: u.stances.len(),
                        retracted: s.retracted.as_ref().map(|x| x.date.to_string()),
                        retracted_display: (s.retracted.as_ref())
                            .map(|x| self.i18n.locale.date(x.date)),
                    }
                })
                .collect(),
        }
    }

    /// `sources/<id>/`: registry source `i`, who cites it and what rests on it.
    pub fn source_page(&self, i: usize) -> SourcePage {
        let site = self.site;
        let r = &site.resolved;
        let x: &RegistrySource = &site.registry[i];
        let u = &self.source_uses()[i];
        let s = &x.source;
        let dir = format!("sources/{}/", x.id);
        let mut page = self.meta(
            &dir,
            s.title.clone(),
            Some(
                self.i18n
                    .fmt("page_description_source", &[("title", Arg::Text(&s.title))]),
            ),
            None,
            "sources",
        );
        page.crumbs = vec![crumb(
            self.i18n.text("crumb_sources"),
            urls::href("", "sources/"),
        )];
        let link = |e| -> EntityLink { self.entity_link(e) };
        let newest = |n: usize| n.saturating_sub(SOURCE_LIST);
        SourcePage {
            page,
            source: RegistrySourceView {
                source: self.source_view(0, s),
                id: x.id.to_string(),
                description: (x.description.split("\n\n"))
                    .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|p| !p.is_empty())
                    .collect(),
            },
            briefing_count: u.briefings.len(),
            briefings: (u.briefings[newest(u.briefings.len())..].iter().rev())
                .map(|&b| self.briefing_link(b))
                .collect::<Vec<BriefingLink>>(),
            stance_count: u.stances.len(),
            stances: (u.stances[newest(u.stances.len())..].iter().rev())
                .map(|&at| {
                    let st = &r.refs[at.briefing].stances[at.stance];
                    let mark = self.stance_mark(at);
                    SourcedStance {
                        actor: link(st.actor),
                        topic: link(st.topic),
                        mark,
                    }
                })
                .collect(),
        }
    }

    /// [`crate::index::source_uses`], made once for all the source pages of a build.
    fn source_uses(&self) -> &[SourceUse] {
        self.source_uses
            .get_or_init(|| crate::index::source_uses(&self.site.resolved, &self.site.registry))
    }
}
