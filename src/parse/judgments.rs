//! A briefing's key judgments (`judgments:`) and a topic's `resolved:`.

use super::{Fields, JUDGMENT_KEYS, RESOLVED_KEYS, scalar};
use crate::diagnostic::{Code, Span};
use crate::front_matter::{Node, Yaml};
use crate::model::{Confidence, Judgment, Likelihood, MAX_JUDGMENTS, Resolution, Spanned, When};

/// Every word `likelihood:` accepts, for "did you mean".
fn likelihood_words() -> Vec<&'static str> {
    Likelihood::ALL
        .into_iter()
        .flat_map(|l| l.variants().iter().copied())
        .collect()
}

impl Fields<'_> {
    /// `judgments:`, a list of `{statement, likelihood, confidence, on, answer}`; past
    /// [`MAX_JUDGMENTS`], the rest are left out with a warning.
    pub(super) fn judgments(&mut self) -> Vec<Judgment> {
        let mut items = self.items("judgments");
        if let Some(past) = items.get(MAX_JUDGMENTS) {
            self.diags
                .warning(
                    Code::JudgmentLimit,
                    self.path,
                    past.span,
                    format!(
                        "{} judgments: a briefing may list at most {MAX_JUDGMENTS}; the rest are left out",
                        items.len()
                    ),
                )
                .with_help("keep the key judgments in the box; put the others in the body");
            items.truncate(MAX_JUDGMENTS);
        }
        let mut out = Vec::new();
        for item in items {
            let Yaml::Map(entries) = &item.value else {
                self.error(
                    Code::WrongType,
                    item.span,
                    format!(
                        "a judgment must be a mapping (statement, likelihood, confidence, on, answer), not {}",
                        item.value.describe()
                    ),
                );
                continue;
            };
            let mut sub = Fields::nested(self.path, entries, self.diags);
            sub.warn_unknown(JUDGMENT_KEYS, "judgment");
            let statement = sub.text("statement").filter(|s| !s.value.trim().is_empty());
            if statement.is_none() && !sub.slipped("statement") {
                let at = sub.get("statement").map_or(item.span, |n| n.span);
                sub.error(Code::MissingField, at, "a judgment needs a `statement`");
            }
            let likelihood = sub.likelihood(item.span);
            let confidence = sub.text("confidence").and_then(|c| {
                let parsed = Confidence::parse(&c.value);
                if parsed.is_none() {
                    sub.error_suggesting(
                        Code::UnknownValue,
                        c.span,
                        format!(
                            "unknown confidence `{}`: use low, moderate or high",
                            c.value
                        ),
                        &c.value,
                        &["low", "moderate", "high"],
                    );
                }
                parsed
            });
            let on = sub.text("on").and_then(|t| {
                let v = t.value.trim();
                if v.is_empty() {
                    sub.error(Code::MissingField, t.span, "judgment `on` is empty");
                    return None;
                }
                Some(Spanned {
                    value: v.to_string(),
                    span: t.span,
                })
            });
            let answer = sub.yes_no("answer", "judgment").unwrap_or(true);
            self.ok &= sub.ok;
            if let (Some(statement), Some((likelihood, percent))) = (statement, likelihood) {
                out.push(Judgment {
                    statement: statement.value.trim().to_string(),
                    likelihood,
                    percent,
                    confidence,
                    on,
                    answer,
                });
            }
        }
        out
    }

    /// A judgment's `likelihood:`: one of the level words or their variants, or a
    /// percentage from 0% to 100% (with the level whose band holds it).
    fn likelihood(&mut self, item: Span) -> Option<(Spanned<Likelihood>, Option<u16>)> {
        let Some(node) = self.get("likelihood").cloned() else {
            if !self.slipped("likelihood") {
                self.error(
                    Code::MissingField,
                    item,
                    "a judgment needs a `likelihood` (likely, very likely, 70%, …)",
                );
            }
            return None;
        };
        let text = match &node.value {
            Yaml::String(s) => s.trim().to_string(),
            Yaml::Number(n) => {
                self.error(
                    Code::WrongType,
                    node.span,
                    format!(
                        "`likelihood: {n}` is a bare number: write a percentage (`{n}%`) or a word (likely, very likely, …)"
                    ),
                );
                return None;
            }
            Yaml::Null => {
                self.error(
                    Code::MissingField,
                    node.span,
                    "judgment `likelihood` is empty",
                );
                return None;
            }
            other => {
                let msg = format!(
                    "`likelihood` must be a word (likely, very likely, …) or a percentage, not {}",
                    other.describe()
                );
                self.error(Code::WrongType, node.span, msg);
                return None;
            }
        };
        let at = |value| Spanned {
            value,
            span: node.span,
        };
        if let Some(p) = text.strip_suffix('%') {
            return match percent(p.trim()) {
                Some(permille) => Some((at(Likelihood::of_permille(permille)), Some(permille))),
                None => {
                    self.error(
                        Code::UnknownValue,
                        node.span,
                        format!("`likelihood: {text}` is no percentage from 0% to 100%"),
                    );
                    None
                }
            };
        }
        match Likelihood::parse(&text) {
            Some(l) => Some((at(l), None)),
            None => {
                let msg = format!(
                    "unknown likelihood `{text}`: use almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain, or a percentage (70%)"
                );
                self.error_suggesting(
                    Code::UnknownValue,
                    node.span,
                    msg,
                    &text.to_lowercase(),
                    &likelihood_words(),
                );
                None
            }
        }
    }

    /// `key:` as yes or no (also true or false); `None` when absent or refused (reported).
    fn yes_no(&mut self, key: &str, what: &str) -> Option<bool> {
        let node: Node = self.get(key)?.clone();
        let word = match &node.value {
            Yaml::Bool(b) => return Some(*b),
            Yaml::Null => return None,
            other => scalar(&node).unwrap_or_else(|| other.describe().to_string()),
        };
        match word.trim().to_ascii_lowercase().as_str() {
            "yes" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => {
                self.error_suggesting(
                    Code::UnknownValue,
                    node.span,
                    format!("{what} `{key}` must be yes or no, not `{}`", word.trim()),
                    &word,
                    &["yes", "no"],
                );
                None
            }
        }
    }

    /// A topic's `resolved: {date, outcome, note}`.
    pub(super) fn resolution(&mut self) -> Option<Resolution> {
        let node = self.get("resolved")?.clone();
        let entries = match &node.value {
            Yaml::Map(entries) => entries,
            Yaml::Null => return None,
            other => {
                self.error(
                    Code::WrongType,
                    node.span,
                    format!(
                        "`resolved` must be a mapping ({{date: YYYY-MM-DD, outcome: yes or no, note: …}}), not {}",
                        other.describe()
                    ),
                );
                return None;
            }
        };
        let mut sub = Fields::nested(self.path, entries, self.diags);
        sub.warn_unknown(RESOLVED_KEYS, "`resolved`");
        let date = sub.when("date");
        if sub.get("date").is_none() && !sub.slipped("date") {
            sub.error(
                Code::MissingField,
                node.span,
                "`resolved` needs a `date` (YYYY-MM-DD): the day the question was settled",
            );
        }
        let outcome = sub.yes_no("outcome", "`resolved`");
        if sub.get("outcome").is_none_or(|n| n.value == Yaml::Null) && !sub.slipped("outcome") {
            sub.error(
                Code::MissingField,
                node.span,
                "`resolved` needs an `outcome`: yes or no, the answer to the topic's question",
            );
        }
        let note = (sub.text("note").map(|n| n.value.trim().to_string())).filter(|n| !n.is_empty());
        self.ok &= sub.ok;
        Some(Resolution {
            date: date.map(|d: When| d.date)?,
            outcome: outcome?,
            note,
        })
    }
}

/// A percentage as written before its `%` (`70`, `12.5`), in tenths of a percent, when it is
/// from 0 to 100 with at most one decimal.
fn percent(s: &str) -> Option<u16> {
    let (whole, tenth) = match s.split_once('.') {
        Some((w, t)) if t.len() == 1 => (w, t),
        Some(_) => return None,
        None => (s, "0"),
    };
    let digits = |x: &str| !x.is_empty() && x.len() <= 3 && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(tenth) {
        return None;
    }
    let v = whole.parse::<u16>().ok()? * 10 + tenth.parse::<u16>().ok()?;
    (v <= 1000).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::percent;
    use crate::model::Likelihood;

    #[test]
    fn percentages_fall_in_their_level_s_band() {
        assert_eq!(percent("70"), Some(700));
        assert_eq!(percent("12.5"), Some(125));
        assert_eq!(percent("100"), Some(1000));
        for bad in ["", "101", "-5", "7.25", "x", "1e2"] {
            assert_eq!(percent(bad), None, "{bad}");
        }
        let level = |p: &str| Likelihood::of_permille(percent(p).unwrap_or(0));
        assert_eq!(level("5"), Likelihood::AlmostNoChance);
        assert_eq!(level("5.1"), Likelihood::VeryUnlikely);
        assert_eq!(level("20"), Likelihood::VeryUnlikely);
        assert_eq!(level("45"), Likelihood::RoughlyEven);
        assert_eq!(level("55"), Likelihood::RoughlyEven);
        assert_eq!(level("70"), Likelihood::Likely);
        assert_eq!(level("80"), Likelihood::VeryLikely);
        assert_eq!(level("95"), Likelihood::AlmostCertain);
        for l in Likelihood::ALL {
            assert_eq!(Likelihood::of_permille(l.point()), l, "{l:?}");
            for v in l.variants() {
                assert_eq!(Likelihood::parse(&v.to_uppercase()), Some(l), "{v}");
            }
        }
    }
}
