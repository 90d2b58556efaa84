//! Dates as charts count them. Dates as pages show them come from the page language's
//! [`crate::i18n::Locale`].

use jiff::civil::Date;

/// Days since 1970-01-01.
pub(super) fn day_number(d: Date) -> i64 {
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil): linear across years.
    let (mut y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    if m <= 2 {
        y -= 1;
    }
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
