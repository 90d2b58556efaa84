//! The content model: briefings, profiles, stances and the ids that name them.

use crate::diagnostic::Span;
use serde::Serialize;
use std::fmt;

/// A URL-safe identifier made by `slugify`: `[a-z0-9]+(-[a-z0-9]+)*`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Slugifies `s`; `None` when nothing URL-safe is left.
    pub fn new(s: &str) -> Option<Slug> {
        let slug = crate::slug::slugify(s);
        (!slug.is_empty()).then_some(Slug(slug))
    }

    /// The slug's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kinds of entity a briefing can name, with what each is called and how it is shown:
/// everything else that is the same for every kind reads these. Tables per kind are
/// [`PerKind`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Actor,
    Place,
    Topic,
    /// Who wrote or reviewed a briefing: named in its byline, never among what it is about.
    Author,
}

impl Kind {
    /// All kinds, in page order (the order of the variants).
    pub const ALL: [Kind; 4] = [Kind::Actor, Kind::Place, Kind::Topic, Kind::Author];

    /// How many kinds there are.
    pub const COUNT: usize = Kind::ALL.len();

    /// The kind's place in [`Kind::ALL`], to index a table of [`Kind::COUNT`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The folder under `content/` and the output holding this kind (`actors`).
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Actor => "actors",
            Kind::Place => "places",
            Kind::Topic => "topics",
            Kind::Author => "authors",
        }
    }

    /// The singular word (`actor`), also the `[[actor:…]]` prefix.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Place => "place",
            Kind::Topic => "topic",
            Kind::Author => "author",
        }
    }

    /// The word with its article (`an actor`), for help texts.
    pub fn a_word(self) -> &'static str {
        match self {
            Kind::Actor => "an actor",
            Kind::Place => "a place",
            Kind::Topic => "a topic",
            Kind::Author => "an author",
        }
    }

    /// A name of this kind, for the examples of help texts.
    pub fn example(self) -> &'static str {
        match self {
            Kind::Actor => "Jean-Noël Barrot",
            Kind::Place => "Pokrovsk",
            Kind::Topic => "US peace plan",
            Kind::Author => "Mira Okafor",
        }
    }

    /// The heading of its index page and of its crumb on its pages (`Actors`).
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Actor => "Actors",
            Kind::Place => "Places",
            Kind::Topic => "Topics",
            Kind::Author => "Authors",
        }
    }

    /// The template of its pages (`actor.html`).
    pub fn template(self) -> &'static str {
        match self {
            Kind::Actor => "actor.html",
            Kind::Place => "place.html",
            Kind::Topic => "topic.html",
            Kind::Author => "author.html",
        }
    }

    /// The key a profile of this kind is named by (`title` for topics, which are questions
    /// more than names): the one a missing name is reported as. Either key is accepted.
    pub fn name_key(self) -> &'static str {
        match self {
            Kind::Actor | Kind::Place | Kind::Author => "name",
            Kind::Topic => "title",
        }
    }

    /// Its schema.org type in JSON-LD (`Place`); `Thing` when no type fits better. An
    /// actor's is refined by its profile's `kind:` (person, organization).
    pub fn schema_type(self) -> &'static str {
        match self {
            Kind::Actor | Kind::Topic => "Thing",
            Kind::Place => "Place",
            Kind::Author => "Person",
        }
    }

    /// Whether a briefing naming it is about it (JSON-LD `about`) rather than mentioning
    /// it (`mentions`).
    pub fn is_subject(self) -> bool {
        match self {
            Kind::Actor | Kind::Place | Kind::Author => false,
            Kind::Topic => true,
        }
    }

    /// Whether it names who wrote a briefing rather than what the briefing is about: such
    /// entities go in bylines and JSON-LD `author`, and are left out of what relates two
    /// briefings (one desk writing both says nothing about their subject).
    pub fn is_byline(self) -> bool {
        self == Kind::Author
    }

    /// The kind whose folder is `dir`.
    pub fn from_dir(dir: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.dir() == dir)
    }

    /// The kind whose singular word is `word`.
    pub fn from_word(word: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.word() == word)
    }
}

/// One `T` per kind, indexed by [`Kind`]: a table a new kind gets a place in without a
/// line of its own. Serialized as a map from each kind's folder (`actors`) in kind order,
/// the keys front matter, templates and data exports use.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PerKind<T>([T; Kind::COUNT]);

impl<T> PerKind<T> {
    /// The table of `f(kind)` for every kind.
    pub fn from_fn(mut f: impl FnMut(Kind) -> T) -> PerKind<T> {
        PerKind(std::array::from_fn(|i| f(Kind::ALL[i])))
    }

    /// Each kind with its value, in kind order.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, &T)> {
        Kind::ALL.into_iter().zip(&self.0)
    }

    /// The values, in kind order.
    pub fn values(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The table of `f(value)`.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> PerKind<U> {
        PerKind(self.0.map(f))
    }
}

impl<T: Default> Default for PerKind<T> {
    fn default() -> Self {
        PerKind::from_fn(|_| T::default())
    }
}

impl<T> std::ops::Index<Kind> for PerKind<T> {
    type Output = T;
    fn index(&self, kind: Kind) -> &T {
        &self.0[kind.index()]
    }
}

impl<T> std::ops::IndexMut<Kind> for PerKind<T> {
    fn index_mut(&mut self, kind: Kind) -> &mut T {
        &mut self.0[kind.index()]
    }
}

impl<T: Serialize> Serialize for PerKind<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(Kind::COUNT))?;
        for (kind, v) in self.iter() {
            map.serialize_entry(kind.dir(), v)?;
        }
        map.end()
    }
}

/// An entity's identity: its kind and id. An actor `mali` is not a place `mali`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId {
    pub kind: Kind,
    pub slug: Slug,
}

impl EntityId {
    /// Its kind's word and its slug (`actor:jean-noel-barrot`), as the data exports and the
    /// full-text files name it.
    pub fn key(&self) -> String {
        format!("{}:{}", self.kind.word(), self.slug.as_str())
    }
}

/// Index of an entity in the resolved site.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub struct EntityIdx(pub u32);

/// Index of a briefing in the resolved site (briefings sorted by date, then slug).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub struct BriefingIdx(pub u32);

impl crate::id_vec::Id for EntityIdx {
    fn from_index(i: usize) -> Self {
        EntityIdx(i as u32)
    }
    fn index(self) -> usize {
        self.0 as usize
    }
}

impl crate::id_vec::Id for BriefingIdx {
    fn from_index(i: usize) -> Self {
        BriefingIdx(i as u32)
    }
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// A value with where it was written.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A briefing's or profile's language and what it is a translation of (`lang:`,
/// `translation_of:`, `translation_key:`), as written; each `None` when not given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translation {
    pub lang: Option<Spanned<String>>,
    /// The original: a briefing's slug or content path, a profile's id.
    pub of: Option<Spanned<String>>,
    /// A key shared by every language's version of one page.
    pub key: Option<Spanned<String>>,
}

/// A date, or a date and time, as written in front matter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct When {
    /// Seconds since the epoch (midnight UTC for a plain date): the sort key.
    pub epoch: i64,
    /// The calendar date as written, `YYYY-MM-DD`.
    pub date: jiff::civil::Date,
    /// RFC 3339 form for feeds and machine-readable dates.
    pub rfc3339: String,
}

/// Why a date is refused, in plain words; each names the text as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// A `YYYY-MM-DD` that is no day of the calendar (`2026-11-31`).
    #[error("`{text}` is not a date: {why}")]
    NoSuchDay { text: String, why: String },
    /// Day, month and year in another order or spelling (`24/11/2026`); the readings it
    /// may have, as `YYYY-MM-DD`.
    #[error("`{text}` is not written year-month-day: write {}", .readings.join(" or "))]
    OtherOrder { text: String, readings: Vec<String> },
    /// Not a date at all.
    #[error(
        "`{0}` is not a date: write YYYY-MM-DD (2026-11-24), or a date and time (2026-11-24T09:30:00Z)"
    )]
    NotADate(String),
    /// A date the calendar has, but past the years Dossier can place in time.
    #[error("`{0}` is past the last date Dossier handles (9999-12-30)")]
    OutOfRange(String),
}

impl DateError {
    /// How to write the date, when the text says it.
    pub fn help(&self) -> Option<String> {
        match self {
            DateError::OtherOrder { readings, .. } if readings.len() == 2 => Some(format!(
                "{} reads it day first, {} month first; Dossier writes dates YYYY-MM-DD",
                readings[0], readings[1]
            )),
            DateError::OtherOrder { .. } => {
                Some("Dossier reads dates written YYYY-MM-DD, year first".to_string())
            }
            _ => None,
        }
    }
}

/// Month names, January first: for date messages and for pages (`render::dates`).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Year, month and day of a `YYYY-MM-DD` text, if it has that shape (any numbers).
fn ymd_shape(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    Some((
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..].parse().ok()?,
    ))
}

/// Why year `y`, month `m`, day `d` is no day of the calendar, if it is not.
fn no_such_day(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1..=12).contains(&m) {
        return Some(format!("there is no month {m:02}: months go from 01 to 12"));
    }
    let name = MONTHS[m as usize - 1];
    let days = days_in(y, m);
    if d == 0 {
        Some(format!("there is no day 00: days go from 01 to {days}"))
    } else if d <= days {
        None
    } else if m == 2 && d == 29 {
        Some(format!("{y} is not a leap year: February has 28 days"))
    } else {
        Some(format!("{name} {y} has {days} days"))
    }
}

/// The `YYYY-MM-DD` readings of a date written in another order (`24/11/2026`,
/// `24.11.2026`, `11/24/2026`, `2026-1-5`): the day-first one and the month-first one,
/// or the one that exists when a number past 12 can only be a day.
fn readings(s: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let digits = |p: &str, max: usize| {
        (!p.is_empty() && p.len() <= max && p.bytes().all(|x| x.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let valid = |y: u32, m: u32, d: u32| no_such_day(y as i32, m, d).is_none() && y > 0;
    let iso = |y: u32, m: u32, d: u32| format!("{y:04}-{m:02}-{d:02}");
    if a.len() == 4 {
        // Year first, with one-digit parts or other separators: `2026-1-5`, `2026/11/24`.
        let (y, m, d) = (digits(a, 4)?, digits(b, 2)?, digits(c, 2)?);
        return valid(y, m, d).then(|| vec![iso(y, m, d)]);
    }
    let (x, z, y) = (digits(a, 2)?, digits(b, 2)?, digits(c, 4)?);
    if c.len() != 4 {
        return None;
    }
    let mut out = Vec::new();
    if valid(y, z, x) {
        out.push(iso(y, z, x));
    }
    if x != z && valid(y, x, z) {
        out.push(iso(y, x, z));
    }
    (!out.is_empty()).then_some(out)
}

impl When {
    /// Parses `YYYY-MM-DD` or an RFC 3339 timestamp.
    pub fn parse(s: &str) -> Result<When, DateError> {
        let s = s.trim();
        if let Some((y, m, d)) = s.get(..10).and_then(ymd_shape)
            && let Some(why) = no_such_day(y, m, d)
        {
            return Err(DateError::NoSuchDay {
                text: s.to_string(),
                why,
            });
        }
        if ymd_shape(s).is_none()
            && let Some(readings) = readings(s)
        {
            return Err(DateError::OtherOrder {
                text: s.to_string(),
                readings,
            });
        }
        let out_of_range = |_| DateError::OutOfRange(s.to_string());
        if s.len() == 10 {
            let date: jiff::civil::Date =
                s.parse().map_err(|_| DateError::NotADate(s.to_string()))?;
            let ts = date
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .map_err(out_of_range)?
                .timestamp();
            return Ok(When {
                epoch: ts.as_second(),
                date,
                rfc3339: format!("{date}T00:00:00Z"),
            });
        }
        let ts: jiff::Timestamp = s.parse().map_err(|_| DateError::NotADate(s.to_string()))?;
        let date: jiff::civil::Date = s
            .get(..10)
            .and_then(|d| d.parse().ok())
            .ok_or_else(|| DateError::NotADate(s.to_string()))?;
        Ok(When {
            epoch: ts.as_second(),
            date,
            rfc3339: ts.to_string(),
        })
    }

    /// The date as `YYYY-MM-DD`.
    pub fn ymd(&self) -> String {
        self.date.to_string()
    }
}

/// A moment as written in `publish_at:` or `expires:`: exact when it has an offset, or a
/// wall-clock time in the site's `timezone:` (UTC when site.yaml names none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    Exact(jiff::Timestamp),
    Local(jiff::civil::DateTime),
}

impl Moment {
    /// Parses `YYYY-MM-DDTHH:MM[:SS]` with an optional offset (`Z`, `+01:00`), or a plain
    /// `YYYY-MM-DD` (midnight).
    pub fn parse(s: &str) -> Option<Moment> {
        let s = s.trim();
        if let Ok(ts) = s.parse::<jiff::Timestamp>() {
            return Some(Moment::Exact(ts));
        }
        if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
            // A bracketed zone or an offset the timestamp parser refused is not silently
            // read as local time.
            let tail = s.get(10..).unwrap_or("");
            if tail.contains(['+', 'Z', 'z', '[']) || tail.rfind('-').is_some() {
                return None;
            }
            return Some(Moment::Local(dt));
        }
        None
    }

    /// The instant it names, local times read in `tz`.
    pub fn instant(self, tz: &jiff::tz::TimeZone) -> Option<jiff::Timestamp> {
        match self {
            Moment::Exact(t) => Some(t),
            Moment::Local(dt) => tz.to_ambiguous_timestamp(dt).compatible().ok(),
        }
    }
}

/// One entry of a briefing's corrections log.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub date: When,
    /// Plain text as written (escaped where shown).
    pub text: String,
}

/// An actor's position on a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    Supports,
    Opposes,
    Mixed,
    Neutral,
    Unclear,
}

impl Position {
    /// Every position, in the order help texts list them.
    pub const ALL: [Position; 5] = [
        Position::Supports,
        Position::Opposes,
        Position::Mixed,
        Position::Neutral,
        Position::Unclear,
    ];

    /// Parses one of the five position words.
    pub fn parse(s: &str) -> Option<Position> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "supports" => Position::Supports,
            "opposes" => Position::Opposes,
            "mixed" => Position::Mixed,
            "neutral" => Position::Neutral,
            "unclear" => Position::Unclear,
            _ => return None,
        })
    }

    /// The word as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Position::Supports => "supports",
            Position::Opposes => "opposes",
            Position::Mixed => "mixed",
            Position::Neutral => "neutral",
            Position::Unclear => "unclear",
        }
    }
}

/// How sure the desk is of a briefing's assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Moderate,
    High,
}

impl Confidence {
    /// Every level, lowest first.
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Moderate, Confidence::High];

    /// Parses `low`, `moderate` or `high`.
    pub fn parse(s: &str) -> Option<Confidence> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "low" => Confidence::Low,
            "moderate" => Confidence::Moderate,
            "high" => Confidence::High,
            _ => return None,
        })
    }

    /// The word as written in front matter (`moderate`).
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Moderate => "moderate",
            Confidence::High => "high",
        }
    }
}

/// How likely a judgment says something is: the seven levels of the standard estimative
/// scale (ICD 203), least likely first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    AlmostNoChance,
    VeryUnlikely,
    Unlikely,
    RoughlyEven,
    Likely,
    VeryLikely,
    AlmostCertain,
}

impl Likelihood {
    /// Every level, least likely first.
    pub const ALL: [Likelihood; 7] = [
        Likelihood::AlmostNoChance,
        Likelihood::VeryUnlikely,
        Likelihood::Unlikely,
        Likelihood::RoughlyEven,
        Likelihood::Likely,
        Likelihood::VeryLikely,
        Likelihood::AlmostCertain,
    ];

    /// The standard word of the level (`very likely`).
    pub fn word(self) -> &'static str {
        match self {
            Likelihood::AlmostNoChance => "almost no chance",
            Likelihood::VeryUnlikely => "very unlikely",
            Likelihood::Unlikely => "unlikely",
            Likelihood::RoughlyEven => "roughly even chance",
            Likelihood::Likely => "likely",
            Likelihood::VeryLikely => "very likely",
            Likelihood::AlmostCertain => "almost certain",
        }
    }

    /// The key of the level in site.yaml's `estimative.words` (`very_likely`).
    pub fn key(self) -> &'static str {
        match self {
            Likelihood::AlmostNoChance => "almost_no_chance",
            Likelihood::VeryUnlikely => "very_unlikely",
            Likelihood::Unlikely => "unlikely",
            Likelihood::RoughlyEven => "roughly_even_chance",
            Likelihood::Likely => "likely",
            Likelihood::VeryLikely => "very_likely",
            Likelihood::AlmostCertain => "almost_certain",
        }
    }

    /// The band of probabilities the level stands for, in percent (`(80, 95)`).
    pub fn band(self) -> (u8, u8) {
        match self {
            Likelihood::AlmostNoChance => (1, 5),
            Likelihood::VeryUnlikely => (5, 20),
            Likelihood::Unlikely => (20, 45),
            Likelihood::RoughlyEven => (45, 55),
            Likelihood::Likely => (55, 80),
            Likelihood::VeryLikely => (80, 95),
            Likelihood::AlmostCertain => (95, 99),
        }
    }

    /// The probability a judgment of this level is scored at, in tenths of a percent: the
    /// middle of its band (`875` for very likely, 87.5%).
    pub fn point(self) -> u16 {
        match self {
            Likelihood::AlmostNoChance => 25,
            Likelihood::VeryUnlikely => 125,
            Likelihood::Unlikely => 325,
            Likelihood::RoughlyEven => 500,
            Likelihood::Likely => 675,
            Likelihood::VeryLikely => 875,
            Likelihood::AlmostCertain => 970,
        }
    }

    /// The level whose band holds `permille` (tenths of a percent). Shared bounds go to
    /// the level nearer the middle, the extremes keeping their own (5% is almost no
    /// chance, 20% very unlikely, 45% and 55% roughly even, 80% very likely, 95% almost
    /// certain).
    pub fn of_permille(permille: u16) -> Likelihood {
        match permille {
            0..=50 => Likelihood::AlmostNoChance,
            51..=200 => Likelihood::VeryUnlikely,
            201..=449 => Likelihood::Unlikely,
            450..=550 => Likelihood::RoughlyEven,
            551..=799 => Likelihood::Likely,
            800..=949 => Likelihood::VeryLikely,
            _ => Likelihood::AlmostCertain,
        }
    }

    /// Whether it is one of the two levels that claim near-certainty.
    pub fn is_extreme(self) -> bool {
        matches!(self, Likelihood::AlmostNoChance | Likelihood::AlmostCertain)
    }

    /// The words `likelihood:` accepts for each level: the standard one first, then the
    /// common variants.
    pub fn variants(self) -> &'static [&'static str] {
        match self {
            Likelihood::AlmostNoChance => &["almost no chance", "remote"],
            Likelihood::VeryUnlikely => &["very unlikely", "highly unlikely", "highly improbable"],
            Likelihood::Unlikely => &["unlikely", "improbable", "probably not"],
            Likelihood::RoughlyEven => &["roughly even chance", "roughly even odds", "about even"],
            Likelihood::Likely => &["likely", "probable", "probably"],
            Likelihood::VeryLikely => &["very likely", "highly likely", "highly probable"],
            Likelihood::AlmostCertain => &["almost certain", "almost certainly", "nearly certain"],
        }
    }

    /// The level `likelihood:` names with `s` (any case, spaces as written collapsed).
    pub fn parse(s: &str) -> Option<Likelihood> {
        let words: Vec<&str> = s.split_whitespace().collect();
        let s = words.join(" ").to_lowercase();
        Likelihood::ALL
            .into_iter()
            .find(|l| l.variants().contains(&s.as_str()))
    }
}

/// A key judgment of a briefing (`judgments:`), references not yet resolved.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Judgment {
    /// What the desk judges, as written (plain text).
    pub statement: String,
    /// Its level, where `likelihood:` is written.
    pub likelihood: Spanned<Likelihood>,
    /// The probability stated as a percentage (`70%`), in tenths of a percent; `None` when
    /// written as a word (it is then scored at its level's [`Likelihood::point`]).
    pub percent: Option<u16>,
    /// Its own `confidence:`; `None` takes the briefing's.
    pub confidence: Option<Confidence>,
    /// The topic whose question it answers (`on:`), as written.
    pub on: Option<Spanned<String>>,
    /// The answer to that question it amounts to (`answer:`, yes by default).
    pub answer: bool,
}

impl Judgment {
    /// The probability it is scored at, in tenths of a percent.
    pub fn permille(&self) -> u16 {
        self.percent.unwrap_or(self.likelihood.value.point())
    }
}

/// How many key judgments a briefing may list: a box at the top of a page is read, not
/// scrolled.
pub const MAX_JUDGMENTS: usize = 20;

/// How a topic's question was settled (`resolved:`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Resolution {
    pub date: jiff::civil::Date,
    /// The answer to the question: yes (`true`) or no.
    pub outcome: bool,
    pub note: Option<String>,
}

/// A stance as written: references not yet resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceSrc {
    pub actor: Spanned<String>,
    pub on: Spanned<String>,
    pub position: Position,
    /// Where `position:` is written.
    pub position_span: Span,
    pub quote: Option<String>,
    /// Where `quote:` is written.
    pub quote_span: Option<Span>,
    pub by: Option<Spanned<String>>,
    /// 0-based index into the briefing's sources.
    pub source: Option<usize>,
}

/// Whether a stance's quote is no quote: absent, or ending in `(paraphrase)`.
pub fn is_paraphrase(quote: Option<&str>) -> bool {
    quote.is_none_or(|q| {
        let q = q
            .trim()
            .trim_end_matches(['.', '"', '\'', '”', '’'])
            .as_bytes();
        // Compared in place: this is asked of every stance at each rebuild.
        const MARK: &[u8] = b"(paraphrase)";
        q.is_empty()
            || (q.len() >= MARK.len() && q[q.len() - MARK.len()..].eq_ignore_ascii_case(MARK))
    })
}

/// A source a briefing cites.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    /// The id of the source of `content/sources/` it cites (`- reuters-1120` or
    /// `{source: reuters-1120}`); once the registry is applied, only ids found there.
    #[serde(skip)]
    pub cites: Option<Spanned<String>>,
    /// True when written as plain text: an id only if the site has a registry.
    #[serde(skip)]
    pub bare: bool,
    /// `reliability:` and `credibility:` as written (here, else in the registry).
    #[serde(skip)]
    pub written: WrittenGrade,
    /// The grade on the site's scale, once checked.
    #[serde(skip)]
    pub grade: Grade,
    #[serde(skip)]
    pub retracted: Option<Retraction>,
    /// Where the source is written in its file (a briefing's `sources:` entry).
    #[serde(skip)]
    pub span: Span,
    /// Where its `date:` is written, and whether in the registry file it cites rather than
    /// beside the citation.
    #[serde(skip)]
    pub date_at: Option<(Span, bool)>,
}

impl Source {
    /// Whether the source counts as retracted on `date`: its retraction is dated that day
    /// or before.
    pub fn is_retracted_on(&self, date: jiff::civil::Date) -> bool {
        self.retracted.as_ref().is_some_and(|r| r.date <= date)
    }
}

/// A source's `reliability:` and `credibility:` as written, with where.
#[derive(Debug, Clone, Default, PartialEq, Hash)]
pub struct WrittenGrade {
    pub reliability: Option<Spanned<String>>,
    pub credibility: Option<Spanned<String>>,
}

/// A source's grade: positions on the site's reliability and credibility scales (0 is the
/// first level, `A` and `1` on the Admiralty code).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Grade {
    pub reliability: Option<u8>,
    pub credibility: Option<u8>,
}

impl Grade {
    /// Whether either half is given.
    pub fn is_graded(&self) -> bool {
        self.reliability.is_some() || self.credibility.is_some()
    }
}

/// A source's retraction: since when (`retracted:`) and why (`retraction_note:`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Retraction {
    pub date: jiff::civil::Date,
    pub note: Option<String>,
}

/// A source defined once in `content/sources/<id>.md` and cited by id.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct RegistrySource {
    /// Path relative to the site root.
    pub path: String,
    /// The file's stem, as a slug.
    pub id: Slug,
    /// The source as a citation without overrides shows it.
    pub source: Source,
    /// The file's body (Markdown, shown as plain paragraphs): what the source is.
    pub description: String,
}

/// A briefing as parsed from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Briefing {
    /// Path relative to the site root.
    pub path: String,
    /// Path relative to `content/`.
    pub content_path: String,
    pub slug: Slug,
    pub title: String,
    pub date: When,
    /// Where `date:` is written (line 1 when the date comes from the file name).
    pub date_span: Span,
    pub updated: Option<When>,
    /// `updated:` as written, before corrections move it.
    pub updated_written: Option<Spanned<When>>,
    pub summary: Option<String>,
    /// The names of each kind its front matter lists (`actors:` and so on), stances aside.
    pub named: PerKind<Vec<Spanned<String>>>,
    /// The authors `reviewed_by:` names: who checked it, shown after its authors.
    pub reviewed_by: Vec<Spanned<String>>,
    pub stances: Vec<StanceSrc>,
    pub tags: Vec<Spanned<String>>,
    pub sources: Vec<Source>,
    pub confidence: Option<Confidence>,
    /// Its key judgments (`judgments:`), at most [`MAX_JUDGMENTS`].
    pub judgments: Vec<Judgment>,
    pub draft: bool,
    /// When it may first be published (`publish_at:`): left out of builds before then.
    pub publish_at: Option<Spanned<Moment>>,
    /// When it stops being published (`expires:`): left out of builds from then on.
    pub expires: Option<Spanned<Moment>>,
    /// The corrections and updates log, oldest first.
    pub corrections: Vec<Correction>,
    /// Old slugs or paths it was published under (`moved_from:`), each redirected here.
    pub moved_from: Vec<Spanned<String>>,
    /// Its language and what it translates (`lang:`, `translation_of:`).
    pub translation: Translation,
    /// Its picture (`image:`, `alt:`), shown at the top of its page and when it is shared.
    pub picture: ImageRef,
    pub extra: serde_json::Value,
    /// The Markdown source; emptied once rendered (the HTML is in `Site::bodies`). Shared:
    /// a live preview assembles the site from copies of the parsed files, and copying every
    /// body took most of that.
    pub body: std::sync::Arc<str>,
    /// File line of the body's first line.
    pub body_line: u32,
    /// Where control characters were removed from the body (see `SourceFile::removed`), so
    /// that its diagnostics give the columns an editor shows.
    pub body_removed: Vec<(u32, u32)>,
}

/// A picture named in front matter: `image:` (a file of the site or an http(s) address)
/// and `alt:`, what it shows for those who cannot see it.
#[derive(Debug, Clone, Default, PartialEq, Hash)]
pub struct ImageRef {
    pub image: Option<Spanned<String>>,
    pub alt: Option<Spanned<String>>,
}

/// Where a site path of `image:` points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImagePath {
    /// Relative to the file it is written in: this path under `content/`.
    Content(String),
    /// Written from the site's root (`/maps/x.png`): this path under `static/`, else under
    /// `content/`.
    FromRoot(String),
}

impl ImageRef {
    /// The file of the site `image:` names, written in the file at `content_path` (under
    /// `content/`): `None` without `image:`, for an address (`https:`, `data:`,
    /// `//host/`) and for a path whose `..` climb past the top.
    pub fn site_path(&self, content_path: &str) -> Option<ImagePath> {
        image_path(&self.image.as_ref()?.value, content_path)
    }
}

/// The file of the site the `image:` value `written` names in the file at `content_path`
/// (see [`ImageRef::site_path`]).
pub fn image_path(written: &str, content_path: &str) -> Option<ImagePath> {
    let written = written.trim();
    if written.starts_with("//") || has_scheme(written) {
        return None;
    }
    match written.strip_prefix('/') {
        Some(rest) => join_path("", rest).map(ImagePath::FromRoot),
        None => {
            let dir = content_path.rsplit_once('/').map_or("", |(d, _)| d);
            join_path(dir, written).map(ImagePath::Content)
        }
    }
}

/// Whether `s` starts with a URL scheme (`https:`, `data:`): letters, digits, `+`, `-` and
/// `.` from a letter up to the first `:`.
fn has_scheme(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, _)| {
        let mut chars = scheme.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// `path` joined to the folder `dir` (`/`-separated); `None` when its `..` leave the top.
pub(crate) fn join_path(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// How many entries each of `roles:`, `affiliations:` and `names:` may list: a long career
/// has a few dozen; every look-up reads the whole list.
pub const MAX_DATED: usize = 200;

/// A value with the days it held on.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Dated<T> {
    pub value: T,
    /// The first day it held (`from:`), `None` when it held since before anything written.
    pub from: Option<jiff::civil::Date>,
    /// The last day it held (`to:`), `None` when it still holds.
    pub to: Option<jiff::civil::Date>,
    /// Where its value (the role, actor or name) is written.
    pub span: Span,
}

impl<T> Dated<T> {
    /// Whether it held on `date`.
    pub fn holds_on(&self, date: jiff::civil::Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }

    /// Whether it and `other` share a day.
    pub fn overlaps<U>(&self, other: &Dated<U>) -> bool {
        let starts_before_other_ends = match (self.from, other.to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        };
        let other_starts_before_end = match (other.from, self.to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_end
    }

    /// The period as a reader sees it: `from 2024-02-08`, `2019-08-05 to 2024-02-07`,
    /// `until 2016-05-11`, or empty when it is open at both ends.
    pub fn period(&self) -> String {
        match (self.from, self.to) {
            (Some(f), Some(t)) => format!("{f} to {t}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(t)) => format!("until {t}"),
            (None, None) => String::new(),
        }
    }
}

/// A profile of an actor, place, topic or author as parsed from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub path: String,
    pub content_path: String,
    pub kind: Kind,
    pub id: Slug,
    pub name: String,
    pub aliases: Vec<String>,
    /// Where the name and each alias are written (the name's is line 1 when it comes from
    /// the file name).
    pub name_span: Span,
    pub alias_spans: Vec<Span>,
    /// `kind:` of the profile (person, organization, country, …).
    pub subkind: Option<String>,
    /// The undated `role:`: the role on any day `roles:` does not cover.
    pub role: Option<String>,
    /// Offices held, with their dates (`roles:`), as written.
    pub roles: Vec<Dated<String>>,
    /// The undated `affiliation:`: counts on every day.
    pub affiliation: Option<Spanned<String>>,
    /// Actors it belonged to, with dates (`affiliations:`), names as written.
    pub affiliations: Vec<Dated<String>>,
    /// Names it went by, with dates (`names:`); each also resolves to it like an alias.
    pub names: Vec<Dated<String>>,
    pub within: Option<Spanned<String>>,
    pub coords: Option<(f64, f64)>,
    pub question: Option<String>,
    /// A topic's `resolved:`: how its question was settled.
    pub resolved: Option<Resolution>,
    /// An author's `bio:`, a line shown under the name (the body says more).
    pub bio: Option<String>,
    /// An author's `links:`, web pages of theirs (http, https), as written.
    pub links: Vec<String>,
    /// An author's `email:`, without `mailto:`.
    pub email: Option<String>,
    /// Old ids it had (`moved_from:`): each redirected here and still resolving as a name.
    pub moved_from: Vec<Spanned<String>>,
    /// Its language and what it translates (`lang:`, `translation_of:`).
    pub translation: Translation,
    /// Its picture (`image:`, `alt:`), shown on its page and when the page is shared.
    pub picture: ImageRef,
    pub extra: serde_json::Value,
    pub body: String,
    pub body_line: u32,
    /// Where control characters were removed from the body (see `SourceFile::removed`).
    pub body_removed: Vec<(u32, u32)>,
}

impl Profile {
    /// The old ids of `moved_from:` (entries without a `/`): each still names this profile.
    pub fn old_ids(&self) -> impl Iterator<Item = &str> {
        (self.moved_from.iter())
            .map(|m| m.value.as_str())
            .filter(|v| !v.contains('/'))
    }
}

/// Names of each kind (actors, places, topics) a briefing counts co-occurrence among: pairs
/// grow with the square of the names, and a roster of 8,000 actors would make 32 million.
pub const CO_NAMED: usize = 100;

/// The first [`CO_NAMED`] of a briefing's names of one kind.
pub fn co_named(names: &[EntityIdx]) -> &[EntityIdx] {
    &names[..names.len().min(CO_NAMED)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_indexes_its_place_in_all() {
        for (i, k) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(k.index(), i, "{k:?}");
            assert_eq!(Kind::from_dir(k.dir()), Some(k));
            assert_eq!(Kind::from_word(k.word()), Some(k));
        }
    }

    #[test]
    fn a_quote_is_a_paraphrase_when_absent_or_marked_in_any_case() {
        for q in [
            None,
            Some(""),
            Some(" ."),
            Some("He said no (Paraphrase)."),
            Some("x (PARAPHRASE)”"),
        ] {
            assert!(is_paraphrase(q), "{q:?}");
        }
        for q in [
            "We stand firm.",
            "(paraphrase) we stand firm",
            "paraphrase)",
            "Ünïcödé (paraphras)",
        ] {
            assert!(!is_paraphrase(Some(q)), "{q}");
        }
    }

    #[test]
    fn a_per_kind_table_serializes_as_a_map_by_folder_in_kind_order() {
        let t = PerKind::from_fn(|k| k.index());
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"actors":0,"places":1,"topics":2,"authors":3}"#
        );
        assert_eq!(t[Kind::Place], 1);
        let words: Vec<&str> = t.iter().map(|(k, _)| k.word()).collect();
        assert_eq!(words, ["actor", "place", "topic", "author"]);
    }

    fn date_error(s: &str) -> String {
        match When::parse(s) {
            Ok(w) => panic!("{s} read as {}", w.ymd()),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn impossible_days_say_how_long_the_month_is() {
        assert_eq!(
            date_error("2026-11-31"),
            "`2026-11-31` is not a date: November 2026 has 30 days"
        );
        assert_eq!(
            date_error("2026-02-29"),
            "`2026-02-29` is not a date: 2026 is not a leap year: February has 28 days"
        );
        assert_eq!(When::parse("2028-02-29").unwrap().ymd(), "2028-02-29");
        assert!(When::parse("2000-02-29").is_ok());
        assert!(date_error("1900-02-29").contains("1900 is not a leap year"));
        assert!(date_error("2026-13-01").contains("there is no month 13"));
        assert!(date_error("2026-04-00").contains("there is no day 00: days go from 01 to 30"));
        assert!(date_error("2026-04-31T10:00:00Z").contains("April 2026 has 30 days"));
    }

    #[test]
    fn dates_in_another_order_suggest_year_month_day() {
        for written in [
            "24/11/2026",
            "24.11.2026",
            "11/24/2026",
            "24-11-2026",
            "2026/11/24",
        ] {
            assert_eq!(
                date_error(written),
                format!("`{written}` is not written year-month-day: write 2026-11-24")
            );
        }
        assert_eq!(
            date_error("05/11/2026"),
            "`05/11/2026` is not written year-month-day: write 2026-11-05 or 2026-05-11"
        );
        assert_eq!(
            date_error("2026-1-5"),
            "`2026-1-5` is not written year-month-day: write 2026-01-05"
        );
        // Neither reading exists: no suggestion.
        assert!(
            date_error("31/31/2026").starts_with("`31/31/2026` is not a date: write YYYY-MM-DD")
        );
    }

    #[test]
    fn no_date_message_quotes_the_date_library() {
        for s in [
            "2026-11-31",
            "2026-02-30",
            "24/11/2026",
            "tomorrow",
            "2026-11",
            "2026-11-24T25:00:00Z",
            "20261124",
            "9999-12-31",
            "2026-11-24 10:00",
            "",
            "0000-00-00",
        ] {
            let e = When::parse(s).unwrap_err();
            let text = format!("{e} {}", e.help().unwrap_or_default());
            for internal in [
                "..=",
                "four digit",
                "parameter",
                "parsed",
                "invalid digit",
                "expected",
            ] {
                assert!(!text.contains(internal), "{s}: {text}");
            }
        }
    }
}
