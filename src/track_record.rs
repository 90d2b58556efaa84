//! Questions that resolve: every key judgment on a topic whose question is settled
//! (`resolved:`), scored with its Brier score, and the sums the track record shows (the
//! desk's, each author's, and calibration by level).

use crate::model::{BriefingIdx, EntityIdx, Kind, Likelihood};
use crate::resolve::Resolved;

/// One judgment on a resolved topic.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scored {
    pub briefing: BriefingIdx,
    /// Its place in the briefing's `judgments:`.
    pub judgment: usize,
    pub topic: EntityIdx,
    /// The probability it gave its answer, in tenths of a percent.
    pub permille: u16,
    pub level: Likelihood,
    /// Whether the question was settled the way the judgment answered it (o = 1).
    pub happened: bool,
    /// False when its briefing is dated after the question was settled: it is listed,
    /// not scored.
    pub counted: bool,
}

impl Scored {
    /// Its Brier score, (p − o)², in millionths (exact: sums of them are too).
    pub fn brier_millionths(&self) -> u64 {
        let o: i64 = if self.happened { 1000 } else { 0 };
        let d = i64::from(self.permille) - o;
        (d * d) as u64
    }
}

/// How many judgments a sum counts and their Brier scores added up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Tally {
    pub count: usize,
    /// The sum of their Brier scores, in millionths.
    pub brier_millionths: u64,
}

impl Tally {
    fn add(&mut self, s: &Scored) {
        self.count += 1;
        self.brier_millionths += s.brier_millionths();
    }

    /// The mean Brier score, `None` of no judgment.
    pub fn mean(&self) -> Option<f64> {
        (self.count > 0).then(|| self.brier_millionths as f64 / 1e6 / self.count as f64)
    }
}

/// The judgments of one level, for calibration: how many, and how many came true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bin {
    pub level: Likelihood,
    pub count: usize,
    pub happened: usize,
    /// The probabilities they stated, added up (tenths of a percent).
    pub stated_permille: u64,
}

/// Every judgment on a resolved topic, by topic (entity order), then briefing (date
/// order), then place in the briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Record {
    pub entries: Vec<Scored>,
}

impl Record {
    /// The judgments of `r` on topics with `resolved:`.
    pub fn of(r: &Resolved) -> Record {
        let mut entries = Vec::new();
        for ((b, briefing), refs) in r.briefings.iter_ids().zip(&r.refs) {
            for &(j, topic) in &refs.judgments {
                let resolution =
                    (r.entity(topic).profile.as_ref()).and_then(|p| p.resolved.as_ref());
                let (Some(res), Some(judgment)) = (resolution, briefing.judgments.get(j)) else {
                    continue;
                };
                entries.push(Scored {
                    briefing: b,
                    judgment: j,
                    topic,
                    permille: judgment.permille(),
                    level: judgment.likelihood.value,
                    happened: judgment.answer == res.outcome,
                    counted: briefing.date.date <= res.date,
                });
            }
        }
        entries.sort_by_key(|s| (s.topic, s.briefing, s.judgment));
        Record { entries }
    }

    /// The judgments on `topic`.
    pub fn on_topic(&self, topic: EntityIdx) -> &[Scored] {
        let from = self.entries.partition_point(|s| s.topic < topic);
        let to = self.entries.partition_point(|s| s.topic <= topic);
        &self.entries[from..to]
    }

    /// The judgments scored (made on or before their question was settled).
    pub fn counted(&self) -> impl Iterator<Item = &Scored> {
        self.entries.iter().filter(|s| s.counted)
    }

    /// Whether any judgment is scored: the track record page exists only then.
    pub fn has_scores(&self) -> bool {
        self.counted().next().is_some()
    }

    /// The desk's tally: every scored judgment.
    pub fn desk(&self) -> Tally {
        let mut t = Tally::default();
        self.counted().for_each(|s| t.add(s));
        t
    }

    /// Each author's tally, by author (entity order): a judgment counts for every author
    /// of its briefing.
    pub fn by_author(&self, r: &Resolved) -> Vec<(EntityIdx, Tally)> {
        let mut tallies: std::collections::BTreeMap<EntityIdx, Tally> = Default::default();
        for s in self.counted() {
            for &a in &r.refs[s.briefing].named[Kind::Author] {
                tallies.entry(a).or_default().add(s);
            }
        }
        tallies.into_iter().collect()
    }

    /// Scored judgments per level, least likely first.
    pub fn calibration(&self) -> [Bin; 7] {
        let mut bins = Likelihood::ALL.map(|level| Bin {
            level,
            count: 0,
            happened: 0,
            stated_permille: 0,
        });
        for s in self.counted() {
            let bin = &mut bins[s.level as usize];
            bin.count += 1;
            bin.happened += usize::from(s.happened);
            bin.stated_permille += u64::from(s.permille);
        }
        bins
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(permille: u16, happened: bool) -> Scored {
        Scored {
            briefing: BriefingIdx(0),
            judgment: 0,
            topic: EntityIdx(0),
            permille,
            level: Likelihood::of_permille(permille),
            happened,
            counted: true,
        }
    }

    #[test]
    fn brier_scores_are_exact_squares_of_the_miss() {
        assert_eq!(scored(875, true).brier_millionths(), 15_625);
        assert_eq!(scored(875, false).brier_millionths(), 765_625);
        assert_eq!(scored(500, true).brier_millionths(), 250_000);
        let mut t = Tally::default();
        t.add(&scored(875, true));
        t.add(&scored(325, false));
        assert_eq!(t.mean(), Some((0.015_625 + 0.105_625) / 2.0));
    }
}
