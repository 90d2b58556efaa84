//! Chart geometry computed at build time, drawn as inline SVG by the theme: a stance history
//! chart per topic and an activity sparkline per actor and place. Pages carry no JavaScript,
//! so every coordinate is decided here and templates only place shapes. On a right-to-left
//! site time runs right to left: the geometry is mirrored here, text inside stays unmirrored.

use super::dates::day_number;
use super::direction::{Direction, Side};
use super::words::{count, position_word};
use crate::i18n::{Arg, Catalog, Locale};
use jiff::civil::Date;
use serde::Serialize;

/// The geometry of a stance chart: one for wide screens, one drawn at a phone's width so
/// that its latest marks and its names are in view without scrolling.
#[derive(Debug, Clone, Copy)]
pub struct ChartLayout {
    /// Width of the drawing, in SVG units (one unit is one CSS pixel at full size).
    width: f64,
    /// Where the plot starts: the actor names sit left of it.
    plot_left: f64,
    /// Longest actor name drawn in full; the table beside the chart has every name whole.
    name_chars: usize,
    /// At most this many axis ticks.
    ticks: i64,
}

/// The chart as wide screens show it.
pub const WIDE: ChartLayout = ChartLayout {
    width: 720.0,
    plot_left: 176.0,
    name_chars: 24,
    ticks: 8,
};

/// The chart at a phone's width (360 CSS pixels): shorter names, fewer ticks.
pub const NARROW: ChartLayout = ChartLayout {
    width: 350.0,
    plot_left: 112.0,
    name_chars: 12,
    ticks: 3,
};

impl ChartLayout {
    fn plot_right(&self) -> f64 {
        self.width - 16.0
    }
}

const ROW_HEIGHT: f64 = 28.0;
const TOP: f64 = 12.0;
const AXIS_HEIGHT: f64 = 28.0;
/// Stances closer than this (in SVG units, under a mark's width) share one mark: the
/// position most of them took. A row then holds at most the plot's width over this many
/// marks however many stances it has, so a topic page stays light at any archive size.
const MARK_SPACING: f64 = 6.0;

/// A stance history chart: one row per actor, one mark per stance, time left to right.
#[derive(Debug, Clone, Serialize)]
pub struct StanceChart {
    pub width: f64,
    pub height: f64,
    /// Where the plot area starts and ends (x).
    pub plot_left: f64,
    pub plot_right: f64,
    /// The y of the time axis, and of the tick labels under it.
    pub axis_y: f64,
    pub tick_label_y: f64,
    /// Where actor names end: right-aligned to it, left of the plot; on a right-to-left
    /// site left-aligned to it, right of the plot.
    pub label_x: f64,
    pub rows: Vec<ChartRow>,
    pub ticks: Vec<Tick>,
    /// A sentence describing the chart, for `aria-label`.
    pub summary: String,
}

/// One actor's row of a [`StanceChart`].
#[derive(Debug, Clone, Serialize)]
pub struct ChartRow {
    /// The row's centre line.
    pub y: f64,
    /// The actor's name, shortened to fit.
    pub label: String,
    /// The way the name runs (`ltr`, `rtl`), by its first letter: an Arabic name on an
    /// English site keeps its order, as does a Latin one on an Arabic site.
    pub dir: &'static str,
    /// Its `text-anchor` in that direction, so it sits against the plot either way.
    pub anchor: &'static str,
    /// Where the actor's first and last stances sit: the row's line runs between them.
    pub x_first: f64,
    pub x_last: f64,
    pub marks: Vec<ChartMark>,
    /// The same marks by position, for drawing each position's marks as one path.
    pub shapes: Vec<ChartShape>,
}

/// The marks of one position in a [`ChartRow`].
#[derive(Debug, Clone, Serialize)]
pub struct ChartShape {
    pub position: &'static str,
    /// Where each mark sits, oldest first.
    pub xs: Vec<f64>,
}

/// One stance in a [`ChartRow`].
#[derive(Debug, Clone, Serialize)]
pub struct ChartMark {
    pub x: f64,
    pub position: &'static str,
    /// `20 Nov 2025: supports — <briefing title>`. The default theme leaves it out: an SVG
    /// `<title>` would give the page a second `<title>` element.
    pub title: String,
}

/// A labelled tick of a time axis.
#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// The way the label runs (`ltr`, `rtl`), by its first letter.
    pub dir: &'static str,
}

/// What the stance chart is drawn from: an actor and its stances, oldest first.
pub struct StanceSeries<'a> {
    pub name: &'a str,
    /// (date, position, briefing title).
    pub stances: Vec<(Date, &'static str, &'a str)>,
}

impl Tick {
    fn new(x: f64, label: String) -> Tick {
        Tick {
            x,
            dir: Direction::of_text(&label, Direction::Ltr).as_str(),
            label,
        }
    }
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Maps dates onto `[left, right]`; a single date sits in the middle.
struct TimeScale {
    first: i64,
    span: i64,
    left: f64,
    right: f64,
}

impl TimeScale {
    fn new(first: Date, last: Date, left: f64, right: f64) -> Self {
        let first = day_number(first);
        TimeScale {
            first,
            span: day_number(last) - first,
            left,
            right,
        }
    }

    fn x(&self, d: Date) -> f64 {
        if self.span == 0 {
            return round((self.left + self.right) / 2.0);
        }
        let t = (day_number(d) - self.first) as f64 / self.span as f64;
        round(self.left + t * (self.right - self.left))
    }
}

/// At most about eight ticks: days, weeks, months, quarters or years, by the span shown,
/// labelled as `locale` writes them.
fn ticks(first: Date, last: Date, scale: &TimeScale, most: i64, locale: &Locale) -> Vec<Tick> {
    let days = (day_number(last) - day_number(first)).max(0);
    let mut out = Vec::new();
    if days <= 60 {
        let step = [1i64, 2, 7, 14]
            .into_iter()
            .find(|s| days / s <= most)
            .unwrap_or(14);
        let mut d = first;
        while d <= last {
            out.push(Tick::new(scale.x(d), locale.day_month(d)));
            match d.checked_add(jiff::Span::new().days(step)) {
                Ok(next) => d = next,
                Err(_) => break,
            }
        }
        return out;
    }
    let months = (i64::from(last.year()) - i64::from(first.year())) * 12 + i64::from(last.month())
        - i64::from(first.month());
    let step = [1i64, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| months / s <= most)
        .unwrap_or(120);
    // Month starts after `first`, aligned so that yearly ticks fall on January.
    let mut d = first.first_of_month();
    if d < first {
        d = match d.checked_add(jiff::Span::new().months(1)) {
            Ok(n) => n,
            Err(_) => return out,
        };
    }
    while step >= 12 && d.month() != 1 {
        d = match d.checked_add(jiff::Span::new().months(1)) {
            Ok(n) => n,
            Err(_) => return out,
        };
    }
    while d <= last {
        let label = match step >= 12 {
            true => d.year().to_string(),
            false => locale.short_month(d.year(), d.month()),
        };
        out.push(Tick::new(scale.x(d), label));
        d = match d.checked_add(jiff::Span::new().months(step)) {
            Ok(n) => n,
            Err(_) => break,
        };
    }
    out
}

fn shorten(name: &str, most: usize) -> String {
    if name.chars().count() <= most {
        return name.to_string();
    }
    let mut s: String = name.chars().take(most - 1).collect();
    s.push('…');
    s
}

/// The stance chart of a topic, or `None` when nobody has taken a stance on it, in the
/// words and dates of `i18n`; mirrored (time right to left, names right of the plot) when
/// `dir` is right to left.
pub fn stance_chart(
    series: &[StanceSeries<'_>],
    layout: &ChartLayout,
    dir: Direction,
    i18n: &Catalog,
) -> Option<StanceChart> {
    let dates = series.iter().flat_map(|s| s.stances.iter().map(|t| t.0));
    let first = dates.clone().min()?;
    let last = dates.max()?;
    let locale = &i18n.locale;
    // A chart has up to a few thousand marks: their sentence is formatted once, and each
    // day's label once per chart.
    let mark_title = i18n.pattern("chart_mark_title", &[], &["date", "position", "title"]);
    let mut days: std::collections::HashMap<Date, String> = Default::default();
    let (plot_left, plot_right) = (layout.plot_left, layout.plot_right());
    let scale = TimeScale::new(first, last, plot_left + 8.0, plot_right - 8.0);
    let rows: Vec<ChartRow> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut marks: Vec<ChartMark> = Vec::new();
            let start = scale.left;
            let bucket = |x: f64| ((x - start) / MARK_SPACING).floor() as i64;
            let mut rest = &s.stances[..];
            while let Some(&(d, _, _)) = rest.first() {
                let b = bucket(scale.x(d));
                let n = rest
                    .iter()
                    .take_while(|t| bucket(scale.x(t.0)) == b)
                    .count();
                let (crowd, next) = rest.split_at(n);
                rest = next;
                // The position most stances here took; the latest of them breaks ties.
                let mut tally: Vec<(&str, usize, usize)> = Vec::new();
                for (i, t) in crowd.iter().enumerate() {
                    match tally.iter_mut().find(|c| c.0 == t.1) {
                        Some(c) => (c.1, c.2) = (c.1 + 1, i),
                        None => tally.push((t.1, 1, i)),
                    }
                }
                let Some(&(d, position, title)) =
                    (tally.iter().max_by_key(|c| (c.1, c.2))).and_then(|c| crowd.get(c.2))
                else {
                    continue;
                };
                let day = days.entry(d).or_insert_with(|| locale.day_month(d));
                marks.push(ChartMark {
                    x: scale.x(d),
                    position,
                    title: mark_title.fill(&[day, position_word(i18n, position), title]),
                });
            }
            let mut shapes: Vec<ChartShape> = Vec::new();
            for m in &marks {
                match shapes.iter_mut().find(|s| s.position == m.position) {
                    Some(s) => s.xs.push(m.x),
                    None => shapes.push(ChartShape {
                        position: m.position,
                        xs: vec![m.x],
                    }),
                }
            }
            let label = shorten(s.name, layout.name_chars);
            let name_dir = Direction::of_text(&label, dir);
            ChartRow {
                y: round(TOP + ROW_HEIGHT * (i as f64 + 0.5)),
                dir: name_dir.as_str(),
                anchor: name_dir.anchor(Side::Right.mirrored(dir)),
                label,
                x_first: marks.first().map_or(plot_left, |m| m.x),
                x_last: marks.last().map_or(plot_left, |m| m.x),
                marks,
                shapes,
            }
        })
        .collect();
    let axis_y = round(TOP + ROW_HEIGHT * rows.len() as f64 + 4.0);
    let stances: usize = series.iter().map(|s| s.stances.len()).sum();
    let period = if first == last {
        let day = locale.date(first);
        i18n.fmt("chart_stance_period_day", &[("date", Arg::Text(&day))])
    } else {
        let (from, to) = (locale.date(first), locale.date(last));
        i18n.fmt(
            "chart_stance_period",
            &[("from", Arg::Text(&from)), ("to", Arg::Text(&to))],
        )
    };
    let chart = StanceChart {
        width: layout.width,
        height: round(axis_y + AXIS_HEIGHT),
        plot_left,
        plot_right,
        axis_y,
        tick_label_y: round(axis_y + 18.0),
        label_x: plot_left - 10.0,
        ticks: ticks(first, last, &scale, layout.ticks, locale),
        summary: i18n.fmt(
            "chart_stance_summary",
            &[
                ("actors", count(rows.len())),
                ("stances", count(stances)),
                ("period", Arg::Text(&period)),
            ],
        ),
        rows,
    };
    Some(chart.mirrored(dir))
}

impl StanceChart {
    /// The chart as a page running `dir` shows it: every x mirrored on a right-to-left one.
    fn mirrored(mut self, dir: Direction) -> StanceChart {
        if !dir.is_rtl() {
            return self;
        }
        let w = self.width;
        (self.plot_left, self.plot_right) = (dir.x(self.plot_right, w), dir.x(self.plot_left, w));
        self.label_x = dir.x(self.label_x, w);
        for t in &mut self.ticks {
            t.x = dir.x(t.x, w);
        }
        for row in &mut self.rows {
            (row.x_first, row.x_last) = (dir.x(row.x_first, w), dir.x(row.x_last, w));
            for m in &mut row.marks {
                m.x = dir.x(m.x, w);
            }
            for x in row.shapes.iter_mut().flat_map(|s| s.xs.iter_mut()) {
                *x = dir.x(*x, w);
            }
        }
        self
    }
}

/// Width and height of a sparkline, in SVG units.
const SPARK_WIDTH: f64 = 240.0;
const SPARK_HEIGHT: f64 = 40.0;
/// The widest a bar gets, so a short period does not draw slabs.
const SPARK_MAX_BAR: f64 = 12.0;
/// A site whose briefings span fewer days than this gets no sparkline: a handful of daily
/// bars is a barcode that says nothing the briefing count does not.
const DAYS_FOR_SPARKLINE: i64 = 28;
/// Periods shorter than this many days are counted by week: a few bars a month say nothing.
const DAYS_FOR_MONTHLY: i64 = 180;

/// Briefings over time as a small bar chart: the site's whole period, so entities compare.
/// Per month, or per week on a site whose briefings span under 180 days; none on a site
/// spanning under four weeks.
#[derive(Debug, Clone, Serialize)]
pub struct Sparkline {
    pub width: f64,
    pub height: f64,
    /// `month` or `week`: what one bar counts.
    pub unit: &'static str,
    /// Periods with at least one briefing; empty ones draw nothing.
    pub bars: Vec<Bar>,
    /// Labels of the first and last period.
    pub first: String,
    pub last: String,
    /// The busiest period's count.
    pub max: u32,
    /// A sentence describing the chart, for `aria-label`.
    pub summary: String,
}

/// One period of a [`Sparkline`].
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// `Nov 2025: 3 briefings` (unused by the default theme, like [`ChartMark::title`]).
    pub title: String,
}

fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month()) - 1
}

/// The Monday-based week holding day number `day` (1970-01-01 was a Thursday).
fn week_index(d: Date) -> i64 {
    (day_number(d) + 3).div_euclid(7)
}

/// The date of day number `day` (days since 1970-01-01).
fn day_of(day: i64) -> Date {
    // Back from a day number to a date: walk from 1970-01-01, which jiff does exactly.
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().days(day))
        .unwrap_or(jiff::civil::date(1970, 1, 1))
}

/// The activity sparkline of an entity named on `dates`, over the site's `first..=last`,
/// in the words and dates of `i18n`; its first period on the right when `dir` is right to
/// left.
pub fn sparkline(
    dates: &[Date],
    first: Date,
    last: Date,
    dir: Direction,
    i18n: &Catalog,
) -> Option<Sparkline> {
    let days = day_number(last) - day_number(first);
    if dates.is_empty() || days < DAYS_FOR_SPARKLINE {
        return None;
    }
    let monthly = days >= DAYS_FOR_MONTHLY;
    let (unit, start, end) = if monthly {
        ("month", month_index(first), month_index(last))
    } else {
        ("week", week_index(first), week_index(last))
    };
    let slots = (end - start + 1).max(1) as usize;
    let mut counts = vec![0u32; slots];
    for &d in dates {
        let i = if monthly {
            month_index(d)
        } else {
            week_index(d)
        } - start;
        if let Some(c) = usize::try_from(i).ok().and_then(|i| counts.get_mut(i)) {
            *c += 1;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let slot = (SPARK_WIDTH / slots as f64).min(SPARK_MAX_BAR + 2.0);
    let gap = if slot >= 4.0 { 1.0 } else { 0.0 };
    let label = |i: usize| {
        let n = start + i as i64;
        if monthly {
            let (year, month) = (n.div_euclid(12), n.rem_euclid(12) + 1);
            (i18n.locale).short_month(year as i16, month as i8)
        } else {
            let monday = i18n.locale.date(day_of(n * 7 - 3));
            i18n.fmt("chart_week_of", &[("date", Arg::Text(&monday))])
        }
    };
    let width = round(slot * slots as f64);
    let bars = counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(i, &c)| {
            // Every non-empty period stays visible, however busy the busiest.
            let h = (SPARK_HEIGHT * c as f64 / max as f64).max(2.0);
            let bar_width = round((slot - gap).max(0.5));
            let x = round(i as f64 * slot + gap / 2.0);
            Bar {
                x: match dir {
                    Direction::Ltr => x,
                    Direction::Rtl => round(width - x - bar_width),
                },
                y: round(SPARK_HEIGHT - h),
                width: bar_width,
                height: round(h),
                title: i18n.fmt(
                    "chart_bar_title",
                    &[
                        ("period", Arg::Text(&label(i))),
                        ("n", Arg::Number(i64::from(c))),
                    ],
                ),
            }
        })
        .collect();
    let busiest = counts
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(i, _)| i);
    let total = dates.len();
    Some(Sparkline {
        width,
        height: SPARK_HEIGHT,
        unit,
        bars,
        first: label(0),
        last: label(slots - 1),
        max,
        summary: i18n.fmt(
            "chart_activity_summary",
            &[
                ("unit", Arg::Text(unit)),
                ("first", Arg::Text(&label(0))),
                ("last", Arg::Text(&label(slots - 1))),
                ("total", count(total)),
                ("busiest", Arg::Text(&label(busiest))),
                ("count", Arg::Number(i64::from(counts[busiest]))),
            ],
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use std::sync::Arc;

    fn en() -> Arc<Catalog> {
        Catalog::builtin("en")
    }

    #[test]
    fn stance_marks_sit_in_time_order_inside_the_plot() {
        let series = [
            StanceSeries {
                name: "Ukraine",
                stances: vec![
                    (date(2025, 11, 20), "unclear", "a"),
                    (date(2025, 11, 24), "mixed", "b"),
                ],
            },
            StanceSeries {
                name: "A very long organisation name that will not fit",
                stances: vec![(date(2025, 11, 22), "opposes", "c")],
            },
        ];
        let c = stance_chart(&series, &WIDE, Direction::Ltr, &en()).expect("a chart");
        assert_eq!(c.rows.len(), 2);
        let (a, b) = (c.rows[0].marks[0].x, c.rows[0].marks[1].x);
        assert!(c.plot_left < a && a < b && b < c.plot_right, "{a} {b}");
        let mid = c.rows[1].marks[0].x;
        assert!(a < mid && mid < b);
        assert!(c.rows[1].label.ends_with('…'));
        assert!(c.rows[1].label.chars().count() <= WIDE.name_chars);
        assert_eq!(c.ticks.first().map(|t| t.label.as_str()), Some("20 Nov"));
        assert!(
            c.summary
                .contains("2 actors, 3 stances from 20 Nov 2025 to 24 Nov 2025")
        );
        assert!(stance_chart(&[], &WIDE, Direction::Ltr, &en()).is_none());
        // At a phone's width the same chart fits 350 units, names shortened further.
        let n = stance_chart(&series, &NARROW, Direction::Ltr, &en()).expect("a chart");
        assert_eq!(n.width, 350.0);
        assert!(n.rows[1].label.chars().count() <= NARROW.name_chars);
        let last = n.rows[0].marks[1].x;
        assert!(last < n.plot_right && n.plot_right <= n.width, "{last}");
        assert!(n.ticks.len() <= 4, "{:?}", n.ticks);
    }

    #[test]
    fn crowded_stances_share_a_mark_of_their_commonest_position_and_changes_show() {
        let d = date(2025, 11, 20);
        let mut stances = vec![(d, "opposes", "x"); 50];
        stances.push((d, "supports", "y"));
        stances.push((date(2026, 11, 20), "supports", "z"));
        let c = stance_chart(
            &[StanceSeries { name: "A", stances }],
            &WIDE,
            Direction::Ltr,
            &en(),
        )
        .expect("a chart");
        let marks: Vec<_> = c.rows[0].marks.iter().map(|m| m.position).collect();
        assert_eq!(marks, ["opposes", "supports"]);
        // A tie goes to the latest position; stances a mark apart get a mark each.
        let stances = vec![
            (d, "opposes", "a"),
            (d, "mixed", "b"),
            (date(2025, 11, 27), "neutral", "c"),
            (date(2025, 12, 20), "neutral", "d"),
        ];
        let c = stance_chart(
            &[StanceSeries { name: "A", stances }],
            &WIDE,
            Direction::Ltr,
            &en(),
        )
        .expect("a chart");
        let marks: Vec<_> = c.rows[0].marks.iter().map(|m| m.position).collect();
        assert_eq!(marks, ["mixed", "neutral", "neutral"]);
        let shapes: Vec<_> = (c.rows[0].shapes.iter())
            .map(|s| (s.position, s.xs.len()))
            .collect();
        assert_eq!(shapes, [("mixed", 1), ("neutral", 2)]);
    }

    #[test]
    fn a_row_holds_at_most_one_mark_per_spacing_of_the_plot() {
        let positions = ["supports", "opposes", "mixed", "neutral", "unclear"];
        let stances: Vec<_> = (0..5000)
            .map(|i| {
                let d = date(2015, 1, 1)
                    .checked_add(jiff::Span::new().days(i as i64))
                    .expect("a date");
                (d, positions[i * 7 % 5], "t")
            })
            .collect();
        let c = stance_chart(
            &[StanceSeries { name: "A", stances }],
            &WIDE,
            Direction::Ltr,
            &en(),
        )
        .expect("a chart");
        let most = ((WIDE.plot_right() - WIDE.plot_left) / MARK_SPACING).ceil() as usize + 1;
        assert!(c.rows[0].marks.len() <= most, "{}", c.rows[0].marks.len());
    }

    #[test]
    fn a_russian_chart_reads_in_russian() {
        let ru = Catalog::builtin("ru");
        let series = [StanceSeries {
            name: "Украина",
            stances: vec![
                (date(2025, 1, 20), "supports", "a"),
                (date(2025, 11, 24), "opposes", "b"),
            ],
        }];
        let c = stance_chart(&series, &WIDE, Direction::Ltr, &ru).expect("a chart");
        let first = &c.ticks[0].label;
        assert!(
            first.chars().any(|ch| ('а'..='я').contains(&ch)),
            "a Cyrillic month: {first}"
        );
        assert_eq!(first, &Locale::of("ru").short_month(2025, 2));
        assert!(
            c.summary
                .starts_with("График истории позиций: 1 участник, 2 заявления с "),
            "{}",
            c.summary
        );
        assert_eq!(
            c.rows[0].marks[1].title,
            format!(
                "{}: против — b",
                Locale::of("ru").day_month(date(2025, 11, 24))
            )
        );
        let s = sparkline(
            &[date(2025, 1, 3)],
            date(2024, 9, 1),
            date(2025, 3, 31),
            Direction::Ltr,
            &ru,
        )
        .expect("a sparkline");
        assert!(
            s.bars[0].title.ends_with(": 1 сводка"),
            "{}",
            s.bars[0].title
        );
    }

    #[test]
    fn long_periods_get_month_or_year_ticks() {
        let scale = TimeScale::new(date(2020, 3, 5), date(2025, 11, 20), 0.0, 100.0);
        let t = ticks(
            date(2020, 3, 5),
            date(2025, 11, 20),
            &scale,
            8,
            &Locale::of("en"),
        );
        assert!(t.len() <= 9 && t.len() >= 3, "{t:?}");
        assert!(t.iter().all(|t| t.label.len() == 4), "{t:?}");
        let scale = TimeScale::new(date(2025, 1, 15), date(2025, 11, 20), 0.0, 100.0);
        let t = ticks(
            date(2025, 1, 15),
            date(2025, 11, 20),
            &scale,
            8,
            &Locale::of("en"),
        );
        assert_eq!(t[0].label, "Feb 2025");
        assert!(t.windows(2).all(|w| w[0].x < w[1].x));
    }

    #[test]
    fn sparkline_counts_months_and_skips_empty_ones() {
        let dates = [date(2025, 1, 3), date(2025, 1, 9), date(2025, 3, 1)];
        let s = sparkline(
            &dates,
            date(2024, 9, 1),
            date(2025, 3, 31),
            Direction::Ltr,
            &en(),
        )
        .expect("a sparkline");
        assert_eq!(s.unit, "month");
        assert_eq!(s.bars.len(), 2);
        assert_eq!(s.bars[0].title, "Jan 2025: 2 briefings");
        assert_eq!(s.bars[1].title, "Mar 2025: 1 briefing");
        assert_eq!(s.bars[0].height, s.height);
        assert!(s.bars[1].height < s.bars[0].height);
        // Plain English keeps September in three letters (CLDR's en-GB writes `Sept`).
        assert_eq!(
            (s.first.as_str(), s.last.as_str()),
            ("Sep 2024", "Mar 2025")
        );
        assert_eq!(s.unit, "month");
        assert!(
            s.summary.contains("3 in all, most on Jan 2025 (2)"),
            "{}",
            s.summary
        );
        assert!(
            sparkline(
                &[],
                date(2025, 1, 1),
                date(2025, 1, 1),
                Direction::Ltr,
                &en()
            )
            .is_none()
        );
    }

    #[test]
    fn a_few_weeks_are_counted_by_week_and_a_few_days_get_no_sparkline() {
        let dates = [date(2025, 11, 20), date(2025, 11, 23), date(2025, 12, 24)];
        let s = sparkline(
            &dates,
            date(2025, 11, 19),
            date(2025, 12, 24),
            Direction::Ltr,
            &en(),
        )
        .expect("a sparkline");
        assert_eq!(s.unit, "week");
        // 17 Nov 2025 was a Monday; 20 and 23 Nov fall in its week.
        assert_eq!(
            (s.first.as_str(), s.last.as_str()),
            ("week of 17 Nov 2025", "week of 22 Dec 2025")
        );
        assert_eq!(s.bars.len(), 2);
        assert_eq!(s.bars[0].title, "week of 17 Nov 2025: 2 briefings");
        assert!(s.bars.iter().all(|b| b.width <= SPARK_MAX_BAR + 1.0));
        assert!(s.bars[1].x > s.bars[0].x);
        // Nine days: no chart at all.
        assert!(
            sparkline(
                &dates[..2],
                date(2025, 11, 19),
                date(2025, 11, 27),
                Direction::Ltr,
                &en()
            )
            .is_none()
        );
    }

    #[test]
    fn on_a_right_to_left_site_time_runs_right_to_left_and_names_sit_right_of_the_plot() {
        let series = [
            StanceSeries {
                name: "حلف الناتو",
                stances: vec![
                    (date(2025, 11, 20), "opposes", "a"),
                    (date(2025, 12, 24), "supports", "b"),
                ],
            },
            StanceSeries {
                name: "NATO (Brussels)",
                stances: vec![(date(2025, 11, 22), "mixed", "c")],
            },
        ];
        let ltr = stance_chart(&series, &WIDE, Direction::Ltr, &en()).expect("a chart");
        let rtl = stance_chart(&series, &WIDE, Direction::Rtl, &en()).expect("a chart");
        let (first, last) = (rtl.rows[0].marks[0].x, rtl.rows[0].marks[1].x);
        assert!(
            first > last,
            "the older stance is on the right: {first} {last}"
        );
        assert_eq!(first, WIDE.width - ltr.rows[0].marks[0].x);
        assert!(rtl.plot_left < last && first < rtl.plot_right);
        assert!(rtl.label_x > rtl.plot_right, "names right of the plot");
        assert!(rtl.ticks.windows(2).all(|w| w[0].x > w[1].x));
        // Each name runs its own way and is anchored against the plot: the left edge of the
        // Arabic one, which ends there, and the left edge of the Latin one, which starts there.
        let names: Vec<_> = rtl.rows.iter().map(|r| (r.dir, r.anchor)).collect();
        assert_eq!(names, [("rtl", "end"), ("ltr", "start")]);
        let names: Vec<_> = ltr.rows.iter().map(|r| (r.dir, r.anchor)).collect();
        assert_eq!(names, [("rtl", "start"), ("ltr", "end")]);
        assert_eq!(rtl.ticks[0].dir, "ltr");

        let dates = [date(2025, 1, 3), date(2025, 3, 1)];
        let (from, to) = (date(2024, 9, 1), date(2025, 3, 31));
        let l = sparkline(&dates, from, to, Direction::Ltr, &en()).expect("a sparkline");
        let r = sparkline(&dates, from, to, Direction::Rtl, &en()).expect("a sparkline");
        assert!(r.bars[0].x > r.bars[1].x, "January right of March");
        assert_eq!(r.bars[0].x + r.bars[0].width, r.width - l.bars[0].x);
    }

    #[test]
    fn day_numbers_are_consecutive_across_months_years_and_leap_days() {
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        assert_eq!(
            day_number(date(2025, 1, 1)) - day_number(date(2024, 12, 31)),
            1
        );
        assert_eq!(
            day_number(date(2024, 3, 1)) - day_number(date(2024, 2, 28)),
            2
        );
        assert_eq!(
            day_number(date(2023, 3, 1)) - day_number(date(2023, 2, 28)),
            1
        );
    }
}
