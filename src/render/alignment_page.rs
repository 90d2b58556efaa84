//! The views of `alignment/`, its monthly snapshots and the comparison pages of two actors.

use super::alignment::{self, Month, Overview, State};
use super::pages::{Views, crumb};
use super::views::{
    AgreementCell, AgreementRow, AlignmentPage, CompareLink, ComparePage, CompareRow, MonthLink,
};
use crate::i18n::Arg;
use crate::model::{EntityIdx, Kind};
use crate::urls;

impl Views<'_> {
    /// The site's alignment pages, made once.
    pub fn alignment(&self) -> &Overview {
        self.derived.alignment(self.site)
    }

    fn month_link(&self, m: Month) -> MonthLink {
        MonthLink {
            month: m.key(),
            display: self.i18n.locale.month(m.year, m.month),
            last_day: m.last_day().to_string(),
            url: urls::href("", &alignment::dir(Some(m))),
        }
    }

    fn compare_link(&self, a: EntityIdx, b: EntityIdx) -> CompareLink {
        CompareLink {
            actor: self.entity_link(a),
            other: self.entity_link(b),
            url: urls::href("", &alignment::compare_dir(self.site, a, b)),
        }
    }

    /// The comparison pages of actor `e`, at most [`alignment::COMPARE_LINKS`]: `actor` is
    /// the other actor.
    pub(super) fn compare_links(&self, e: EntityIdx) -> Vec<CompareLink> {
        (self.alignment().partners(e))
            .take(alignment::COMPARE_LINKS)
            .map(|o| CompareLink {
                url: urls::href("", &alignment::compare_dir(self.site, e.min(o), e.max(o))),
                actor: self.entity_link(o),
                other: self.entity_link(e),
            })
            .collect()
    }

    /// `alignment/` (`None`) or `alignment/<YYYY-MM>/`: the agreement matrix then.
    pub fn alignment_page(&self, month: Option<Month>) -> AlignmentPage {
        let overview = self.alignment();
        let m = alignment::matrix(self.site, month.map(Month::last_day));
        let dir = alignment::dir(month);
        let i18n = &self.i18n;
        let (title, description) = match month {
            None => (
                i18n.text("page_title_alignment").to_string(),
                i18n.text("page_description_alignment").to_string(),
            ),
            Some(m) => {
                let shown = self.month_link(m).display;
                let args = [("month", Arg::Text(&shown))];
                (
                    i18n.fmt("page_title_alignment_month", &args),
                    i18n.fmt("page_description_alignment_month", &args),
                )
            }
        };
        let mut page = self.meta(&dir, title, Some(description), None, Kind::Actor.dir());
        if month.is_some() {
            page.crumbs = vec![crumb(
                i18n.text("crumb_alignment"),
                urls::href("", "alignment/"),
            )];
        }
        // A matrix has up to 780 cells, many alike: each (agree, shared) is worded once,
        // and the sentence naming the pair is formatted once and filled per cell.
        let mut worded: std::collections::HashMap<(u32, u32), String> = Default::default();
        let mut said = |agree: u32, shared: u32, percent: u32| -> String {
            let text = worded
                .entry((agree, shared))
                .or_insert_with(|| match shared {
                    0 => i18n.text("alignment_cell_none").to_string(),
                    _ => {
                        let p = super::words::percent(i18n, percent as u64 * 10);
                        i18n.fmt(
                            "alignment_cell",
                            &[
                                ("agree", Arg::Number(agree.into())),
                                ("shared", Arg::Number(shared.into())),
                                ("percent", Arg::Text(&p)),
                            ],
                        )
                    }
                });
            text.clone()
        };
        let pair = i18n.pattern("alignment_cell_label", &[], &["a", "b", "cell"]);
        let pair_url = |a: EntityIdx, b: EntityIdx| {
            let (a, b) = if a < b { (a, b) } else { (b, a) };
            (overview.pairs.contains(&(a, b)))
                .then(|| urls::href("", &alignment::compare_dir(self.site, a, b)))
        };
        let names: Vec<_> = m.actors.iter().map(|&a| self.entity_link(a)).collect();
        let n = names.len();
        let rows = (1..n)
            .map(|y| AgreementRow {
                actor: names[y].clone(),
                cells: (0..y)
                    .map(|x| {
                        let (agree, shared) = m.cells[y][x].unwrap_or((0, 0));
                        let percent = match shared {
                            0 => 0,
                            _ => agree * 100 / shared,
                        };
                        let said = said(agree, shared, percent);
                        AgreementCell {
                            shared,
                            agree,
                            percent,
                            step: (percent / 20).min(4),
                            label: pair.fill(&[&names[y].name, &names[x].name, &said]),
                            title: said,
                            url: pair_url(m.actors[y], m.actors[x]).filter(|_| shared > 0),
                        }
                    })
                    .collect(),
                blank: n - 1 - y,
            })
            .collect();
        let months = &overview.months;
        let at = month.map(|m| months.partition_point(|&x| x < m));
        AlignmentPage {
            page,
            month: month.map(|m| self.month_link(m)),
            columns: names.iter().take(n.saturating_sub(1)).cloned().collect(),
            rows,
            shown: n,
            total: m.total,
            months: months.iter().rev().map(|&m| self.month_link(m)).collect(),
            previous: match at {
                None => months.last(),
                Some(i) => i.checked_sub(1).and_then(|i| months.get(i)),
            }
            .map(|&m| self.month_link(m)),
            next: (at.and_then(|i| months.get(i + 1))).map(|&m| self.month_link(m)),
            pairs: match month {
                None => (overview.pairs.iter())
                    .map(|&(a, b)| self.compare_link(a, b))
                    .collect(),
                Some(_) => Vec::new(),
            },
        }
    }

    /// `compare/<a>/<b>/`: actors `a` and `b` topic by topic.
    pub fn compare_page(&self, a: EntityIdx, b: EntityIdx) -> ComparePage {
        let all = alignment::compare(self.site, a, b);
        let (la, lb) = (self.entity_link(a), self.entity_link(b));
        let dir = alignment::compare_dir(self.site, a, b);
        let shared = all.iter().filter(|t| t.state != State::OneSided).count();
        let agree = all.iter().filter(|t| t.state == State::Agree).count();
        let percent = match shared {
            0 => 0,
            _ => (agree * 100 / shared) as u32,
        };
        let args = [("a", Arg::Text(&la.name)), ("b", Arg::Text(&lb.name))];
        let mut page = self.meta(
            &dir,
            self.i18n.fmt("page_title_compare", &args),
            Some(self.i18n.fmt("page_description_compare", &args)),
            None,
            Kind::Actor.dir(),
        );
        page.crumbs = vec![crumb(
            self.i18n.text("crumb_alignment"),
            urls::href("", "alignment/"),
        )];
        let mut left = alignment::COMPARE_TOPICS;
        let mut rows_of = |state: State| -> Vec<CompareRow> {
            let rows: Vec<CompareRow> = (all.iter())
                .filter(|t| t.state == state)
                .take(left)
                .map(|t| CompareRow {
                    topic: self.entity_link(t.topic),
                    a: t.a.map(|at| self.stance_mark(at)),
                    b: t.b.map(|at| self.stance_mark(at)),
                    state: t.state.as_str(),
                    since: t.since.map(|at| self.stance_mark(at)),
                })
                .collect();
            left -= rows.len();
            rows
        };
        let differ = rows_of(State::Differ);
        let agreed = rows_of(State::Agree);
        let one_sided = rows_of(State::OneSided);
        let together = (self.site.index.co_actors[a].iter())
            .find(|&&(o, _)| o == b)
            .map_or(0, |&(_, n)| n);
        ComparePage {
            page,
            a: la,
            b: lb,
            shared,
            agree,
            percent,
            together,
            listed: differ.len() + agreed.len() + one_sided.len(),
            differ,
            agreed,
            one_sided,
            topics: all.len(),
        }
    }
}
