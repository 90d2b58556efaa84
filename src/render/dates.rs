//! Dates as pages show them (`20 Nov 2025`, month names) and as charts count them.

use jiff::civil::Date;

/// Month names for the timeline.
pub use crate::model::MONTHS;
/// Short month names.
pub(super) const MON: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `20 Nov 2025`.
pub(super) fn display_date(d: Date) -> String {
    format!("{} {} {}", d.day(), MON[(d.month() - 1) as usize], d.year())
}

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
