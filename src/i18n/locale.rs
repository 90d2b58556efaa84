//! Dates and numbers as a language writes them, from ICU4X's locale data (CLDR), always in
//! the Gregorian calendar: a briefing's date is the same day whatever the reader's language.

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{M, MD, YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use std::sync::{Arc, Mutex, OnceLock};

type Formatter<F> = FixedCalendarDateTimeFormatter<Gregorian, F>;

/// One language's formatters for the dates and numbers pages show.
pub struct Locale {
    /// The language tag as site.yaml gives it (`fr`, `pt-BR`).
    pub tag: String,
    /// `20 Nov 2025`, `20 nov. 2025`.
    date: Option<Formatter<YMD>>,
    /// `November 2025`.
    month: Option<Formatter<YM>>,
    /// `Nov 2025`.
    short_month: Option<Formatter<YM>>,
    /// `20 Nov`.
    day_month: Option<Formatter<MD>>,
    /// `Nov`, a month's name alone.
    month_abbr: Option<Formatter<M>>,
    number: Option<DecimalFormatter>,
    /// Plain English: CLDR's day-first English abbreviates September `Sept`; pages have
    /// always written `Sep`, like every other month in three letters.
    three_letter_sep: bool,
}

impl Locale {
    /// The formatters of `tag`, shared by every page in that language: each language's are
    /// made once per process.
    pub fn of(tag: &str) -> Arc<Locale> {
        static MADE: OnceLock<Mutex<Vec<Arc<Locale>>>> = OnceLock::new();
        let made = MADE.get_or_init(Default::default);
        let mut made = made.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(l) = made.iter().find(|l| l.tag == tag) {
            return l.clone();
        }
        let l = Arc::new(Locale::new(tag));
        // A language tag comes from site.yaml: a bounded set per run, but a long-lived
        // server could see many edits of it, so the oldest are let go.
        if made.len() >= 32 {
            made.remove(0);
        }
        made.push(l.clone());
        l
    }

    fn new(tag: &str) -> Locale {
        // Plain English keeps the day-month-year order pages have always had (`20 Nov
        // 2025`), the order of international news; `en-US` asks for the American one.
        let icu_tag = if tag.eq_ignore_ascii_case("en") {
            "en-GB"
        } else {
            tag
        };
        let loc: icu_locale::Locale = icu_tag.parse().unwrap_or(icu_locale::Locale::UNKNOWN);
        let prefs = || loc.clone().into();
        let number_prefs = loc.clone().into();
        Locale {
            tag: tag.to_string(),
            three_letter_sep: icu_tag == "en-GB" && tag.eq_ignore_ascii_case("en"),
            date: Formatter::try_new(prefs(), YMD::medium()).ok(),
            month: Formatter::try_new(prefs(), YM::long()).ok(),
            short_month: Formatter::try_new(prefs(), YM::medium()).ok(),
            day_month: Formatter::try_new(prefs(), MD::medium()).ok(),
            month_abbr: Formatter::try_new(prefs(), M::medium()).ok(),
            number: DecimalFormatter::try_new(number_prefs, Default::default()).ok(),
        }
    }

    fn abbr(&self, s: String) -> String {
        if self.three_letter_sep {
            s.replace("Sept", "Sep")
        } else {
            s
        }
    }

    /// A day as pages show it: `20 Nov 2025` in English.
    pub fn date(&self, d: jiff::civil::Date) -> String {
        self.remember("date", day_number(d), || match (&self.date, gregorian(d)) {
            (Some(f), Some(day)) => self.abbr(f.format(&day).to_string()),
            _ => d.to_string(),
        })
    }

    /// A month: `November 2025`.
    pub fn month(&self, year: i16, month: i8) -> String {
        let d = jiff::civil::Date::new(year, month, 1).unwrap_or_default();
        self.remember("month", day_number(d), || {
            match (&self.month, gregorian(d)) {
                (Some(f), Some(day)) => f.format(&day).to_string(),
                _ => format!("{year}-{month:02}"),
            }
        })
    }

    /// A month in short: `Nov 2025`, for chart axes.
    pub fn short_month(&self, year: i16, month: i8) -> String {
        let d = jiff::civil::Date::new(year, month, 1).unwrap_or_default();
        self.remember("short_month", day_number(d), || {
            match (&self.short_month, gregorian(d)) {
                (Some(f), Some(day)) => self.abbr(f.format(&day).to_string()),
                _ => format!("{year}-{month:02}"),
            }
        })
    }

    /// A day without its year: `20 Nov`, for chart axes.
    pub fn day_month(&self, d: jiff::civil::Date) -> String {
        self.remember("day_month", day_number(d), || {
            match (&self.day_month, gregorian(d)) {
                (Some(f), Some(day)) => self.abbr(f.format(&day).to_string()),
                _ => format!("{:02}-{:02}", d.month(), d.day()),
            }
        })
    }

    /// A month's short name alone: `Nov` (for search results, which put dates together
    /// in the reader's browser).
    pub fn month_abbr(&self, month: i8) -> String {
        let d = jiff::civil::Date::new(2000, month, 1).unwrap_or_default();
        match (&self.month_abbr, gregorian(d)) {
            (Some(f), Some(day)) => self.abbr(f.format(&day).to_string()),
            _ => format!("{month:02}"),
        }
    }

    /// `value` with its last `digits` digits as decimals, all of them written, in the
    /// language's way: `decimal(504501, 4)` is `50.4501`, `50,4501` in French.
    pub fn decimal(&self, value: i64, digits: i16) -> String {
        let mut d = Decimal::from(value);
        d.multiply_pow10(-digits);
        d.pad_end(-digits);
        match &self.number {
            Some(f) => f.format(&d).to_string(),
            None => d.to_string(),
        }
    }

    /// `value` to `digits` decimals, rounded as Rust's `{:.N}` rounds it, in the language's
    /// way: `fixed(50.45012, 4)` is `50.4501`, `50,4501` in French.
    pub fn fixed(&self, value: f64, digits: usize) -> String {
        let text = format!("{value:.digits$}");
        match (&self.number, text.parse::<Decimal>()) {
            (Some(f), Ok(d)) => f.format(&d).to_string(),
            _ => text,
        }
    }

    /// A whole number with the language's grouping: `12,345`, `12 345`.
    pub fn number(&self, n: i64) -> String {
        self.remember("number", n, || match &self.number {
            Some(f) => f.format(&Decimal::from(n)).to_string(),
            None => n.to_string(),
        })
    }

    /// `make`'s text, from this thread's memory when the same language formatted the same
    /// value the same way before.
    fn remember(&self, how: &str, value: i64, make: impl FnOnce() -> String) -> String {
        super::memo::remember(
            |k| {
                k.part(how.as_bytes())
                    .part(self.tag.as_bytes())
                    .number(value);
            },
            || Some(make()),
        )
        .unwrap_or_default()
    }
}

/// `d` as one number, for remembering its text.
fn day_number(d: jiff::civil::Date) -> i64 {
    i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())
}

/// `d` in ICU's Gregorian calendar (jiff's dates always fit it).
fn gregorian(d: jiff::civil::Date) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(i32::from(d.year()), d.month() as u8, d.day() as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_language() {
        let d = jiff::civil::date(2025, 11, 20);
        assert_eq!(Locale::of("en").date(d), "20 Nov 2025");
        assert_eq!(Locale::of("en-US").date(d), "Nov 20, 2025");
        assert_eq!(Locale::of("fr").date(d), "20 nov. 2025");
        assert_eq!(Locale::of("fr").month(2025, 11), "novembre 2025");
        assert_eq!(Locale::of("de").month(2025, 11), "November 2025");
        assert_eq!(Locale::of("ru").month(2025, 11), "ноябрь 2025\u{202f}г.");
        assert_eq!(Locale::of("en").short_month(2025, 11), "Nov 2025");
        assert_eq!(Locale::of("en").day_month(d), "20 Nov");
        assert_eq!(Locale::of("fr").number(12345), "12\u{202f}345");
        assert_eq!(Locale::of("en").number(12345), "12,345");
        assert_eq!(Locale::of("en").month_abbr(11), "Nov");
        assert_eq!(Locale::of("fr").month_abbr(11), "nov.");
        assert_eq!(Locale::of("en").decimal(504000, 4), "50.4000");
        assert_eq!(Locale::of("fr").decimal(48, 3), "0,048");
        assert_eq!(Locale::of("de").decimal(-875, 1), "-87,5");
        assert_eq!(Locale::of("en").fixed(0.0225, 3), format!("{:.3}", 0.0225));
        assert_eq!(Locale::of("fr").fixed(50.45, 4), "50,4500");
    }

    #[test]
    fn an_unknown_language_still_gets_a_readable_date() {
        let d = jiff::civil::date(2025, 11, 20);
        assert!(Locale::of("xx").date(d).contains("2025"));
        assert!(Locale::of("not a tag!").date(d).contains("2025"));
    }
}
