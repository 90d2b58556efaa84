//! The sentences of position rows, history marks and related briefings, made once for all
//! pages of a language: each is said on tens of thousands of rows with another date or
//! title in it, and the same words through `t()` in the templates cost more than the rest
//! of the row.

use crate::i18n::pattern::Pattern;
use crate::i18n::{Arg, Catalog};
use crate::model::Position;
use crate::render::views::{EntityLink, StanceMark};
use crate::render::words::count;

/// The sentences of a position row and its history strip, made once for all pages: each is
/// said on tens of thousands of rows with another date or title in it, and the same words
/// through `t()` in the templates cost more than the rest of the row.
pub struct RowWords {
    /// By [`Position::ALL`]'s order: the position as badges show it (`position_*`).
    labels: Vec<String>,
    /// By the same order: `was opposes`.
    was: Vec<String>,
    changed: Pattern,
    mark_title: Pattern,
    mark_grade: Pattern,
    mark_text: Pattern,
    mark_text_grade: Pattern,
    mark_retracted: String,
    mark_as_of: String,
    mark_text_retracted: String,
    links_here: String,
    list_separator: String,
    shares: Pattern,
    i18n: std::sync::Arc<Catalog>,
}

impl RowWords {
    /// The sentences in `i18n`'s language.
    pub fn new(i18n: &std::sync::Arc<Catalog>) -> RowWords {
        let labels: Vec<String> = Position::ALL
            .iter()
            .map(|p| i18n.text(&format!("position_{}", p.as_str())).to_string())
            .collect();
        let was = labels
            .iter()
            .map(|l| i18n.fmt("position_was", &[("position", Arg::Text(l))]))
            .collect();
        RowWords {
            labels,
            was,
            changed: i18n.pattern("positions_changed_on", &[], &["date"]),
            mark_title: i18n.pattern("history_mark_title", &[], &["date", "position", "title"]),
            mark_grade: i18n.pattern("history_mark_grade", &[], &["grade"]),
            mark_text: i18n.pattern("history_mark_text", &[], &["date", "position"]),
            mark_text_grade: i18n.pattern("history_mark_text_grade", &[], &["grade"]),
            mark_retracted: i18n.text("history_mark_retracted").to_string(),
            mark_as_of: i18n.text("history_mark_as_of").to_string(),
            mark_text_retracted: i18n.text("history_mark_text_retracted").to_string(),
            links_here: i18n.text("related_links_here").to_string(),
            list_separator: i18n.text("list_separator").to_string(),
            shares: i18n.pattern("related_shares", &[], &["names"]),
            i18n: i18n.clone(),
        }
    }

    fn index(p: &str) -> Option<usize> {
        Position::ALL.iter().position(|x| x.as_str() == p)
    }

    /// The position keyword `p` as badges show it.
    pub fn label(&self, p: &str) -> String {
        Self::index(p).map_or_else(|| p.to_string(), |i| self.labels[i].clone())
    }

    /// `was opposes`, for the position keyword `p` before the latest change.
    pub fn was(&self, p: &str) -> String {
        Self::index(p).map_or_else(|| p.to_string(), |i| self.was[i].clone())
    }

    /// `changed on 20 Nov 2025` as markup, the date in a `<time>`.
    pub fn changed(&self, date: &str, shown: &str) -> String {
        let mut time = Vec::with_capacity(32 + date.len() + shown.len());
        time.extend_from_slice(b"<time datetime=\"");
        // Writing into a Vec cannot fail.
        let _ = tera::escape_html(date, &mut time);
        time.extend_from_slice(b"\">");
        let _ = tera::escape_html(shown, &mut time);
        time.extend_from_slice(b"</time>");
        self.changed
            .fill_markup(&[std::str::from_utf8(&time).unwrap_or_default()])
    }

    /// Why a briefing is listed under another: `links here · shares Kyiv, Odesa and 2 more`.
    pub fn why(&self, links_here: bool, shares: &[EntityLink], more: usize) -> String {
        let mut out = String::new();
        if links_here {
            out.push_str(&self.links_here);
            if !shares.is_empty() {
                out.push_str(" · ");
            }
        }
        if shares.is_empty() {
            return out;
        }
        let mut names = String::new();
        for (i, e) in shares.iter().enumerate() {
            if i > 0 {
                names.push_str(&self.list_separator);
            }
            names.push_str(&e.name);
        }
        if more > 0 {
            out.push_str(&self.i18n.fmt(
                "related_shares_more",
                &[("names", Arg::Text(&names)), ("n", count(more))],
            ));
        } else {
            out.push_str(&self.shares.fill(&[&names]));
        }
        out
    }

    /// A history mark's tooltip and its words for screen readers: `20 Nov 2025: supports —
    /// Talks resume (source B2)` and `20 Nov 2025: supports, source graded B2`.
    pub fn mark(&self, m: &StanceMark) -> (String, String) {
        let date = &m.briefing.date_display;
        let position = self.label(m.position);
        let mut title = self.mark_title.fill(&[date, &position, &m.briefing.title]);
        let mut text = self.mark_text.fill(&[date, &position]);
        if let Some(grade) = &m.evidence.grade {
            title.push(' ');
            title.push_str(&self.mark_grade.fill(&[grade]));
            text.push_str(&self.mark_text_grade.fill(&[grade]));
        }
        if m.evidence.retracted.is_some() {
            title.push(' ');
            title.push_str(&self.mark_retracted);
            text.push_str(&self.mark_text_retracted);
        }
        if m.as_of.is_some() {
            title.push(' ');
            title.push_str(&self.mark_as_of);
        }
        (title, text)
    }
}
