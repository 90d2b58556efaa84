//! The views of `alignment/`, its monthly snapshots and the comparison pages of two actors.

use super::alignment::{self, Month, Overview, State};
use super::dates::MONTHS;
use super::pages::{Views, crumb};
use super::views::{
    AgreementCell, AgreementRow, AlignmentPage, CompareLink, ComparePage, CompareRow, MonthLink,
};
use crate::model::{EntityIdx, Kind};
use crate::urls;

impl Views<'_> {
    /// The site's alignment pages, made once.
    pub fn alignment(&self) -> &Overview {
        self.alignment
            .get_or_init(|| alignment::overview(self.site))
    }

    fn month_link(&self, m: Month) -> MonthLink {
        MonthLink {
            month: m.key(),
            display: format!("{} {}", MONTHS[(m.month - 1) as usize], m.year),
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
        let (title, description) = match month {
            None => (
                "Who agrees with whom".to_string(),
                "How often each pair of actors takes the same position on the topics both have a position on".to_string(),
            ),
            Some(m) => {
                let shown = self.month_link(m).display;
                (
                    format!("Who agreed with whom, {shown}"),
                    format!("How often each pair of actors took the same position, from the stances dated up to the end of {shown}"),
                )
            }
        };
        let mut page = self.meta(&dir, title, Some(description), None, Kind::Actor.dir());
        if month.is_some() {
            page.crumbs = vec![crumb("Who agrees with whom", urls::href("", "alignment/"))];
        }
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
                        let said = match shared {
                            0 => "share no topic".to_string(),
                            _ => format!(
                                "agree on {agree} of {shared} topic{} ({percent}%)",
                                if shared == 1 { "" } else { "s" }
                            ),
                        };
                        AgreementCell {
                            shared,
                            agree,
                            percent,
                            step: (percent / 20).min(4),
                            label: format!("{} and {} {said}", names[y].name, names[x].name),
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
        let mut page = self.meta(
            &dir,
            format!("{} and {} compared", la.name, lb.name),
            Some(format!(
                "Where {} and {} agree and differ, topic by topic, and since when",
                la.name, lb.name
            )),
            None,
            Kind::Actor.dir(),
        );
        page.crumbs = vec![crumb("Who agrees with whom", urls::href("", "alignment/"))];
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
