//! Key judgments as pages show them: the box of a briefing, how the judgments on a
//! resolved topic fared, and the track record page (`track-record/`) with its calibration
//! chart.

use super::direction::Direction;
use super::pages::Views;
use super::views::*;
use super::words::{self, count, percent};
use crate::i18n::{Arg, Catalog};
use crate::model::{BriefingIdx, Confidence, EntityIdx, Likelihood};
use crate::track_record::{Record, Scored, Tally};

/// How many judgments a resolved topic's page lists: the latest.
pub const TOPIC_JUDGMENTS: usize = 100;
/// How many scored judgments the track record lists: the latest.
pub const TRACK_RECORD_LIST: usize = 200;

/// The output folder of the track record page.
pub const TRACK_RECORD_DIR: &str = "track-record/";

/// A level's band, `80–95%`.
fn band(i18n: &Catalog, l: Likelihood) -> String {
    let (lo, hi) = l.band();
    let (lo, hi) = (i18n.locale.number(lo.into()), i18n.locale.number(hi.into()));
    i18n.fmt(
        "number_percent_band",
        &[("low", Arg::Text(&lo)), ("high", Arg::Text(&hi))],
    )
}

/// A Brier score to three decimals, `0.106`.
fn score(i18n: &Catalog, brier: f64) -> String {
    i18n.locale.fixed(brier, 3)
}

fn brier(i18n: &Catalog, t: &Tally) -> Option<String> {
    t.mean().map(|m| score(i18n, m))
}

impl Views<'_> {
    /// The track record of the site, made once.
    pub(super) fn record(&self) -> &Record {
        self.derived.record(self.site)
    }

    /// The key judgments of briefing `b`, for its box.
    pub(super) fn judgment_views(&self, b: BriefingIdx) -> Vec<JudgmentView> {
        let r = &self.site.resolved;
        let br = r.briefing(b);
        let topics = &r.refs[b].judgments;
        (br.judgments.iter().enumerate())
            .map(|(i, j)| {
                let topic = (topics.iter()).find(|(k, _)| *k == i).map(|&(_, t)| t);
                JudgmentView {
                    statement: j.statement.clone(),
                    likelihood: words::likelihood(&self.i18n, j.likelihood.value).to_string(),
                    band: band(&self.i18n, j.likelihood.value),
                    percent: j.percent.map(|p| percent(&self.i18n, u64::from(p))),
                    confidence: j.confidence.or(br.confidence).map(Confidence::as_str),
                    topic: topic.map(|t| self.entity_link(t)),
                    answer: if j.answer { "yes" } else { "no" },
                }
            })
            .collect()
    }

    fn scored_row(&self, s: &Scored) -> ScoredRow {
        let j = &self.site.resolved.briefing(s.briefing).judgments[s.judgment];
        ScoredRow {
            briefing: self.briefing_link(s.briefing),
            topic: self.entity_link(s.topic),
            statement: j.statement.clone(),
            likelihood: words::likelihood(&self.i18n, s.level).to_string(),
            stated: percent(&self.i18n, u64::from(s.permille)),
            answer: words::yes_no(&self.i18n, j.answer).to_string(),
            happened: s.happened,
            brier: (s.counted).then(|| score(&self.i18n, s.brier_millionths() as f64 / 1e6)),
            counted: s.counted,
        }
    }

    /// How topic `e`'s question was settled and how the judgments on it fared; `None`
    /// when it has no `resolved:`.
    pub(super) fn resolution_view(&self, e: EntityIdx) -> Option<ResolutionView> {
        let en = self.site.resolved.entity(e);
        let res = en.profile.as_ref()?.resolved.as_ref()?;
        let on = self.record().on_topic(e);
        let mut tally = Tally::default();
        for s in on.iter().filter(|s| s.counted) {
            tally.count += 1;
            tally.brier_millionths += s.brier_millionths();
        }
        let from = on.len().saturating_sub(TOPIC_JUDGMENTS);
        Some(ResolutionView {
            date: res.date.to_string(),
            date_display: self.i18n.locale.date(res.date),
            outcome: words::yes_no(&self.i18n, res.outcome).to_string(),
            note: res.note.clone(),
            judgments: on[from..].iter().map(|s| self.scored_row(s)).collect(),
            total: on.len(),
            counted: tally.count,
            later: on.len() - tally.count,
            brier: brier(&self.i18n, &tally),
            track_record: self.record().has_scores(),
        })
    }

    /// `track-record/`: the desk's and each author's Brier score, calibration by level,
    /// and the latest scored judgments.
    pub fn track_record_page(&self) -> TrackRecordPage {
        let record = self.record();
        let r = &self.site.resolved;
        let score = |t: &Tally| ScoreView {
            count: t.count,
            brier: brier(&self.i18n, t).unwrap_or_default(),
        };
        let bins = record.calibration();
        let levels = (bins.iter())
            .map(|b| LevelRow {
                likelihood: words::likelihood(&self.i18n, b.level).to_string(),
                band: band(&self.i18n, b.level),
                count: b.count,
                happened: b.happened,
                stated: (b.count > 0)
                    .then(|| percent(&self.i18n, b.stated_permille / b.count as u64)),
                observed: (b.count > 0)
                    .then(|| percent(&self.i18n, b.happened as u64 * 1000 / b.count as u64)),
            })
            .collect();
        let mut counted: Vec<&Scored> = record.counted().collect();
        counted.sort_by_key(|s| (std::cmp::Reverse(s.briefing), s.judgment, s.topic));
        let total = counted.len();
        let page = self.meta(
            TRACK_RECORD_DIR,
            self.i18n.text("page_title_track_record").into(),
            Some(self.i18n.text("page_description_track_record").into()),
            None,
            "topics",
        );
        TrackRecordPage {
            page,
            desk: score(&record.desk()),
            authors: (record.by_author(r).iter())
                .map(|(a, t)| AuthorScore {
                    author: self.entity_link(*a),
                    score: score(t),
                })
                .collect(),
            levels,
            chart: calibration_chart(&bins, self.dir, &self.i18n),
            judgments: (counted.iter().take(TRACK_RECORD_LIST))
                .map(|s| self.scored_row(s))
                .collect(),
            total,
            later: record.entries.len() - total,
        }
    }
}

const CHART_SIZE: f64 = 320.0;
const MARGIN_LEFT: f64 = 48.0;
const MARGIN_BOTTOM: f64 = 40.0;
const MARGIN: f64 = 16.0;

/// The calibration chart of `bins`: each level used at its stated probability (x) and the
/// share that came true (y), in the words of `i18n`; mirrored on a right-to-left site
/// (`dir`), 0% on the right and the vertical axis's labels right of the plot.
fn calibration_chart(
    bins: &[crate::track_record::Bin],
    dir: Direction,
    i18n: &Catalog,
) -> CalibrationChart {
    let (left, right) = (MARGIN_LEFT, CHART_SIZE - MARGIN);
    let (top, bottom) = (MARGIN, CHART_SIZE - MARGIN_BOTTOM);
    let x_of = |p: f64| dir.x(super::pages::tenths(left + p * (right - left)), CHART_SIZE);
    let y_of = |p: f64| super::pages::tenths(bottom - p * (bottom - top));
    let ticks = [0u64, 250, 500, 750, 1000]
        .map(|p| CalibrationTick {
            label: percent(i18n, p),
            x: x_of(p as f64 / 1000.0),
            y: y_of(p as f64 / 1000.0),
        })
        .to_vec();
    let used: Vec<_> = bins.iter().filter(|b| b.count > 0).collect();
    let points = (used.iter())
        .map(|b| {
            let stated = b.stated_permille as f64 / b.count as f64 / 1000.0;
            let observed = b.happened as f64 / b.count as f64;
            let r = super::pages::tenths((4.0 + 2.0 * (b.count as f64).sqrt()).min(14.0));
            let (x, y) = (x_of(stated), y_of(observed));
            CalibrationPoint {
                x,
                y,
                r,
                label_x: super::pages::tenths(match dir {
                    Direction::Ltr => x + r + 3.0,
                    Direction::Rtl => x - r - 3.0,
                }),
                label_y: super::pages::tenths(y - r),
                count: b.count,
                title: i18n.fmt(
                    "chart_calibration_point",
                    &[
                        ("likelihood", Arg::Text(words::likelihood(i18n, b.level))),
                        ("n", count(b.count)),
                        (
                            "percent",
                            Arg::Text(&percent(i18n, b.happened as u64 * 1000 / b.count as u64)),
                        ),
                    ],
                ),
            }
        })
        .collect();
    let summary = i18n.fmt(
        "chart_calibration_summary",
        &[
            ("n", count(used.iter().map(|b| b.count).sum::<usize>())),
            ("levels", count(used.len())),
        ],
    );
    CalibrationChart {
        width: CHART_SIZE,
        height: CHART_SIZE,
        left: x_of(0.0),
        right: x_of(1.0),
        y_labels_x: dir.x(left - 6.0, CHART_SIZE),
        top,
        bottom,
        ticks,
        points,
        summary,
    }
}
