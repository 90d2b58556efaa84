//! How good the site's evidence is: the grading scale of its sources (the Admiralty code
//! unless site.yaml's `source_grades:` gives another), and the sources of
//! `content/sources/` applied to the briefings that cite them by id.

use crate::diagnostic::{Code, Diagnostics};
use crate::front_matter::{Node, Yaml};
use crate::model::{Briefing, Grade, RegistrySource, Source, Spanned};
use serde::Serialize;
use std::collections::HashMap;

/// The most levels a scale of `source_grades:` may have: a grade is one byte.
pub const MAX_LEVELS: usize = 32;

/// One level of a grading scale: the code written in front matter and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Level {
    pub code: String,
    pub label: String,
}

/// The two scales sources are graded on: how reliable the source is, how credible the
/// information.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GradeScale {
    pub reliability: Vec<Level>,
    pub credibility: Vec<Level>,
}

fn levels(list: &[(&str, &str)]) -> Vec<Level> {
    (list.iter())
        .map(|&(code, label)| Level {
            code: code.to_string(),
            label: label.to_string(),
        })
        .collect()
}

impl Default for GradeScale {
    /// The Admiralty code (NATO's source and information grading).
    fn default() -> GradeScale {
        GradeScale {
            reliability: levels(&[
                ("A", "Completely reliable"),
                ("B", "Usually reliable"),
                ("C", "Fairly reliable"),
                ("D", "Not usually reliable"),
                ("E", "Unreliable"),
                ("F", "Reliability cannot be judged"),
            ]),
            credibility: levels(&[
                ("1", "Confirmed by other sources"),
                ("2", "Probably true"),
                ("3", "Possibly true"),
                ("4", "Doubtful"),
                ("5", "Improbable"),
                ("6", "Truth cannot be judged"),
            ]),
        }
    }
}

/// Which of a grade's two scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    Reliability,
    Credibility,
}

impl Axis {
    /// The front matter key.
    pub fn key(self) -> &'static str {
        match self {
            Axis::Reliability => "reliability",
            Axis::Credibility => "credibility",
        }
    }
}

impl GradeScale {
    fn scale(&self, axis: Axis) -> &[Level] {
        match axis {
            Axis::Reliability => &self.reliability,
            Axis::Credibility => &self.credibility,
        }
    }

    /// The level `written` names on `axis`: its code, in any case.
    pub fn find(&self, axis: Axis, written: &str) -> Option<u8> {
        let w = written.trim();
        (self.scale(axis).iter())
            .position(|l| l.code.eq_ignore_ascii_case(w))
            .map(|i| i as u8)
    }

    /// The level at `i` on `axis`.
    pub fn level(&self, axis: Axis, i: u8) -> Option<&Level> {
        self.scale(axis).get(usize::from(i))
    }

    /// The code of level `i` on `axis` (`B`, `2`), if given and on the scale.
    pub fn half_code(&self, axis: Axis, i: Option<u8>) -> Option<&str> {
        i.and_then(|i| self.level(axis, i)).map(|l| l.code.as_str())
    }

    /// `B2` (codes joined; `?` for a half not given), `None` for no grade.
    pub fn code(&self, g: Grade) -> Option<String> {
        if !g.is_graded() {
            return None;
        }
        let half = |axis, i| self.half_code(axis, i).unwrap_or("?");
        Some(
            half(Axis::Reliability, g.reliability).to_string()
                + half(Axis::Credibility, g.credibility),
        )
    }

    /// `Usually reliable; probably true`, what a grade means in words.
    pub fn label(&self, g: Grade) -> Option<String> {
        let r = (g.reliability).and_then(|i| self.level(Axis::Reliability, i));
        let c = (g.credibility).and_then(|i| self.level(Axis::Credibility, i));
        match (r, c) {
            (Some(r), Some(c)) => Some(format!("{}; {}", r.label, lower_first(&c.label))),
            (Some(r), None) => Some(format!("{}; credibility not graded", r.label)),
            (None, Some(c)) => Some(format!("Reliability not graded; {}", lower_first(&c.label))),
            (None, None) => None,
        }
    }

    /// Reads `source_grades:` of site.yaml: `{reliability: [...], credibility: [...]}`,
    /// each level `{code, label}` or a bare code. `None` when it has errors (reported).
    pub fn parse(node: &Node, path: &str, diags: &mut Diagnostics) -> Option<GradeScale> {
        let Yaml::Map(entries) = &node.value else {
            diags.error(
                Code::SiteSetting,
                path,
                node.span,
                format!(
                    "`source_grades` must be a mapping with `reliability` and `credibility` lists, not {}",
                    node.value.describe()
                ),
            );
            return None;
        };
        let mut scale = GradeScale::default();
        let mut ok = true;
        for (key, span, value) in entries {
            let axis = match key.as_str() {
                "reliability" => Axis::Reliability,
                "credibility" => Axis::Credibility,
                _ => {
                    let d = diags.error(
                        Code::SiteSetting,
                        path,
                        *span,
                        format!("unknown key `{key}` in `source_grades` (known: reliability, credibility)"),
                    );
                    if let Some(h) =
                        crate::suggest::did_you_mean(key, ["reliability", "credibility"])
                    {
                        d.with_help(h);
                    }
                    ok = false;
                    continue;
                }
            };
            match parse_levels(value, axis, path, diags) {
                Some(l) => match axis {
                    Axis::Reliability => scale.reliability = l,
                    Axis::Credibility => scale.credibility = l,
                },
                None => ok = false,
            }
        }
        ok.then_some(scale)
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn parse_levels(
    node: &Node,
    axis: Axis,
    path: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<Level>> {
    let key = axis.key();
    let Yaml::Seq(items) = &node.value else {
        diags.error(
            Code::SiteSetting,
            path,
            node.span,
            format!("`source_grades.{key}` must be a list of levels, best first"),
        );
        return None;
    };
    if items.is_empty() || items.len() > MAX_LEVELS {
        diags.error(
            Code::SiteSetting,
            path,
            node.span,
            format!("`source_grades.{key}` must have from 1 to {MAX_LEVELS} levels"),
        );
        return None;
    }
    let mut out: Vec<Level> = Vec::with_capacity(items.len());
    for item in items {
        let text = |n: &Node| match &n.value {
            Yaml::String(s) | Yaml::Number(s) => Some(s.trim().to_string()),
            _ => None,
        };
        let level = match &item.value {
            Yaml::Map(fields) => {
                let get = |k: &str| {
                    fields
                        .iter()
                        .find(|(f, _, _)| f == k)
                        .and_then(|(_, _, n)| text(n))
                };
                get("code").map(|code| Level {
                    label: get("label").unwrap_or_else(|| code.clone()),
                    code,
                })
            }
            _ => text(item).map(|code| Level {
                label: code.clone(),
                code,
            }),
        };
        match level {
            Some(l)
                if !l.code.is_empty()
                    && !out.iter().any(|o| o.code.eq_ignore_ascii_case(&l.code)) =>
            {
                out.push(l)
            }
            _ => {
                diags.error(
                    Code::SiteSetting,
                    path,
                    item.span,
                    format!("each level of `source_grades.{key}` needs a `code` of its own (and may have a `label`)"),
                );
                return None;
            }
        }
    }
    Some(out)
}

/// Applies the registry to the briefings: each citation by id takes the registry source's
/// fields and grade where it gives none of its own; every grade is checked against
/// `scale`; a stance whose source is retracted is warned about. Registry sources come out
/// with their grades checked too.
pub fn apply(
    briefings: &mut [Briefing],
    registry: &mut [RegistrySource],
    scale: &GradeScale,
    diags: &mut Diagnostics,
) {
    for r in registry.iter_mut() {
        r.source.grade = check_grade(&r.source, scale, &r.path, diags);
    }
    let by_id: HashMap<&str, &RegistrySource> =
        registry.iter().map(|r| (r.id.as_str(), r)).collect();
    for b in briefings.iter_mut() {
        for s in b.sources.iter_mut() {
            if let Some(id) = s.cites.clone() {
                match by_id.get(id.value.as_str()) {
                    Some(r) => cite(s, &r.source),
                    // Plain text on a site without a registry is a title, as it always was.
                    None if s.bare && registry.is_empty() => s.cites = None,
                    None => {
                        unknown(&id, &b.path, &by_id, diags);
                        s.cites = None;
                    }
                }
            }
            s.grade = check_grade(s, scale, &b.path, diags);
        }
        for st in &b.stances {
            let Some(src) = st.source.and_then(|i| b.sources.get(i)) else {
                continue;
            };
            if let Some(r) = &src.retracted {
                let d = diags.warning(
                    Code::RetractedSupport,
                    &b.path,
                    st.actor.span,
                    format!(
                        "this stance rests only on `{}`, retracted on {}",
                        src.title, r.date
                    ),
                );
                d.with_help("cite another source for it, or remove the stance");
            }
        }
    }
}

/// `s` (a citation) completed with what registry source `r` gives and it does not.
fn cite(s: &mut Source, r: &Source) {
    if s.title.is_empty() || s.bare {
        s.title = r.title.clone();
    }
    s.url = s.url.take().or_else(|| r.url.clone());
    s.publisher = s.publisher.take().or_else(|| r.publisher.clone());
    if s.date.is_none() {
        s.date = r.date.clone();
        s.date_at = r.date_at.map(|(span, _)| (span, true));
    }
    // Only the grade: a half the citation writes is checked (in its file) and wins.
    s.grade = r.grade;
    s.retracted = s.retracted.take().or_else(|| r.retracted.clone());
}

fn unknown(
    id: &Spanned<String>,
    path: &str,
    by_id: &HashMap<&str, &RegistrySource>,
    diags: &mut Diagnostics,
) {
    let d = diags.error(
        Code::UnknownSource,
        path,
        id.span,
        format!(
            "no source `{}` in content/sources/ (content/sources/{}.md)",
            id.value, id.value
        ),
    );
    let mut ids: Vec<&str> = by_id.keys().copied().collect();
    ids.sort_unstable();
    match crate::suggest::did_you_mean(&id.value, ids) {
        Some(h) => d.with_help(h),
        None => d.with_help(
            "add the file, or write the source out (`{title: …, url: …}`) when it is cited once",
        ),
    };
}

/// The grade a source's written `reliability:` and `credibility:` name on `scale`; a value
/// off the scale is an error at the value (of the file that wrote it).
fn check_grade(s: &Source, scale: &GradeScale, path: &str, diags: &mut Diagnostics) -> Grade {
    let mut grade = s.grade;
    for (axis, written) in [
        (Axis::Reliability, &s.written.reliability),
        (Axis::Credibility, &s.written.credibility),
    ] {
        let Some(w) = written else { continue };
        let found = scale.find(axis, &w.value);
        if found.is_none() {
            let codes: Vec<&str> = scale.scale(axis).iter().map(|l| l.code.as_str()).collect();
            let d = diags.error(
                Code::BadGrade,
                path,
                w.span,
                format!(
                    "`{}: {}` is not on the site's scale: use {}",
                    axis.key(),
                    shown(&w.value),
                    codes.join(", ")
                ),
            );
            if let Some(h) = crate::suggest::did_you_mean(&w.value, codes.iter().copied()) {
                d.with_help(h);
            }
        }
        match axis {
            Axis::Reliability => grade.reliability = found.or(grade.reliability),
            Axis::Credibility => grade.credibility = found.or(grade.credibility),
        }
    }
    grade
}

/// `text` as an error quotes it: at most 40 characters, then `…`.
fn shown(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
