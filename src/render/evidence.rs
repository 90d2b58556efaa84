//! What a stance rests on, as pages show it: its source's grade, whether one source alone
//! backs it, whether it is only paraphrase, and whether its source is retracted.

use super::pages::Views;
use super::views::{EvidenceFields, SourceView, StanceEvidence};
use crate::index::{self, StanceAt};
use crate::model::{Source, is_paraphrase};

impl Views<'_> {
    /// What stance `at` rests on, made once per stance.
    pub(super) fn stance_evidence(&self, at: StanceAt) -> StanceEvidence {
        let all = self.evidence[at.briefing].get_or_init(|| {
            (0..self.site.resolved.refs[at.briefing].stances.len())
                .map(|stance| {
                    self.evidence_seen.one(self.evidence_fields(StanceAt {
                        briefing: at.briefing,
                        stance,
                    }))
                })
                .collect()
        });
        all.get(at.stance).cloned().unwrap_or_default()
    }

    fn evidence_fields(&self, at: StanceAt) -> EvidenceFields {
        let r = &self.site.resolved;
        let s = &r.refs[at.briefing].stances[at.stance];
        let source = index::stance_source(r, at);
        let scale = &self.site.config.grades;
        let grade = source.map(|x| x.grade).unwrap_or_default();
        EvidenceFields {
            grade: scale.code(grade),
            grade_label: self.grades.label(grade),
            unsourced: source.is_none(),
            single_source: source.is_some() && {
                let support = self.derived.support(self.site);
                index::support_of(r, support, at) <= 1
            },
            paraphrase: is_paraphrase(s.quote.as_deref()),
            retracted: source
                .and_then(|x| x.retracted.as_ref())
                .map(|x| x.date.to_string()),
            retraction_note: source
                .and_then(|x| x.retracted.as_ref())
                .and_then(|x| x.note.clone()),
        }
    }

    /// Entry `i` (0-based) of a briefing's sources.
    pub(super) fn source_view(&self, i: usize, s: &Source) -> SourceView {
        let scale = &self.site.config.grades;
        SourceView {
            number: i + 1,
            title: s.title.clone(),
            url: s.url.clone(),
            publisher: s.publisher.clone(),
            date: s.date.clone(),
            date_display: s.date.as_ref().map(|d| {
                d.get(..10)
                    .and_then(|ymd| ymd.parse::<jiff::civil::Date>().ok())
                    .map_or_else(|| d.clone(), |d| self.i18n.locale.date(d))
            }),
            grade: scale.code(s.grade),
            grade_label: self.grades.label(s.grade),
            registry_id: s.cites.as_ref().map(|c| c.value.clone()),
            retracted: s.retracted.as_ref().map(|x| x.date.to_string()),
            retracted_display: (s.retracted.as_ref()).map(|x| self.i18n.locale.date(x.date)),
            retraction_note: s.retracted.as_ref().and_then(|x| x.note.clone()),
        }
    }
}
