//! Scheduled and embargoed publishing: which briefings a build holds at its moment, "now",
//! given their `publish_at:` and `expires:` and site.yaml's `timezone:`.

use crate::model::Briefing;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The moment a build is made for and what it includes past its window. "Now" is set once
/// per run (from `DOSSIER_NOW` or the clock), so that one build sees one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Schedule {
    pub now: Timestamp,
    /// Include briefings whose `publish_at` is still ahead (`--future`).
    pub future: bool,
    /// Include briefings whose `expires` has passed (`--expired`).
    pub expired: bool,
}

impl Default for Schedule {
    /// The clock's time, nothing out of its window included.
    fn default() -> Self {
        Schedule::at(Timestamp::now())
    }
}

/// What a long-running command (the language server) asks of each of its checks: the moment
/// `DOSSIER_NOW` fixes, or else the clock's at each check (an embargo lifts while the editor
/// is open), and what it includes past its window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Watch {
    pub fixed: Option<Timestamp>,
    pub future: bool,
    pub expired: bool,
}

impl Watch {
    /// The schedule of a check that starts now.
    pub fn schedule(&self) -> Schedule {
        Schedule {
            now: self.fixed.unwrap_or_else(Timestamp::now),
            future: self.future,
            expired: self.expired,
        }
    }
}

/// The moment `DOSSIER_NOW` names (RFC 3339), `None` when it is unset or empty; `Err` says
/// why it cannot be read.
pub fn now_from_env() -> Result<Option<Timestamp>, String> {
    match std::env::var("DOSSIER_NOW") {
        Ok(s) if !s.trim().is_empty() => parse_now(&s).map(Some),
        _ => Ok(None),
    }
}

impl Schedule {
    /// A schedule at `now` that includes only what is published then.
    pub fn at(now: Timestamp) -> Self {
        Schedule {
            now,
            future: false,
            expired: false,
        }
    }

    /// A schedule that includes everything, whatever its window (unit tests of later stages).
    pub fn everything() -> Self {
        Schedule {
            now: Timestamp::UNIX_EPOCH,
            future: true,
            expired: true,
        }
    }
}

/// Reads `DOSSIER_NOW`-style text: an RFC 3339 date-time with its offset.
pub fn parse_now(s: &str) -> Result<Timestamp, String> {
    s.trim().parse::<Timestamp>().map_err(|_| {
        format!("`{s}` is not an RFC 3339 date-time with an offset (2026-12-05T09:00:00+01:00)")
    })
}

/// The time zone named by site.yaml's `timezone:`, UTC when there is none. Names are checked
/// when site.yaml is read; an unknown one here (never) falls back to UTC.
pub fn zone(name: Option<&str>) -> TimeZone {
    name.and_then(|n| jiff::tz::db().get(n).ok())
        .unwrap_or(TimeZone::UTC)
}

/// Where a briefing stands against a build's moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Published: no `publish_at` ahead, no `expires` passed.
    Live,
    /// `publish_at` is still ahead: the embargo lifts then.
    Embargoed(Timestamp),
    /// `expires` has passed, then.
    Expired(Timestamp),
}

/// Where `b` stands at `now`, its local times read in `tz`. A `publish_at` no instant
/// matches (past the range of times) holds the briefing back for good: an embargo is never
/// lifted by a value that cannot be read.
pub fn window(b: &Briefing, now: Timestamp, tz: &TimeZone) -> Window {
    if let Some(p) = &b.publish_at {
        match p.value.instant(tz) {
            Some(p) if p <= now => {}
            Some(p) => return Window::Embargoed(p),
            None => return Window::Embargoed(Timestamp::MAX),
        }
    }
    if let Some(e) = b.expires.as_ref().and_then(|e| e.value.instant(tz))
        && e <= now
    {
        return Window::Expired(e);
    }
    Window::Live
}

impl Window {
    /// Whether a build with `schedule` holds it.
    pub fn included(self, schedule: &Schedule) -> bool {
        match self {
            Window::Live => true,
            Window::Embargoed(_) => schedule.future,
            Window::Expired(_) => schedule.expired,
        }
    }
}

/// `2026-12-05 09:00 +01:00`: a moment as the desk reads it, in the site's time zone.
pub fn shown(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned_datetime(tz.clone())
        .strftime("%Y-%m-%d %H:%M %:z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Moment;

    #[test]
    fn local_times_are_read_in_the_site_zone_and_offsets_win() {
        let paris = jiff::tz::db().get("Europe/Paris").expect("bundled tzdb");
        let local = Moment::parse("2026-12-05T09:00").expect("local time");
        assert_eq!(
            local.instant(&paris).map(|t| t.to_string()),
            Some("2026-12-05T08:00:00Z".to_string())
        );
        let exact = Moment::parse("2026-12-05T09:00:00-05:00").expect("offset");
        assert_eq!(
            exact.instant(&paris).map(|t| t.to_string()),
            Some("2026-12-05T14:00:00Z".to_string())
        );
        assert!(Moment::parse("2026-12-05").is_some());
        assert!(Moment::parse("next tuesday").is_none());
        assert_eq!(
            shown("2026-12-05T08:00:00Z".parse().expect("ts"), &paris),
            "2026-12-05 09:00 +01:00"
        );
        // The far ends of time still show.
        let kiribati = jiff::tz::db()
            .get("Pacific/Kiritimati")
            .expect("bundled tzdb");
        assert!(shown(Timestamp::MAX, &kiribati).starts_with("9999-12-"));
        let west = jiff::tz::db().get("Etc/GMT+12").expect("bundled tzdb");
        let first = shown(Timestamp::MIN, &west);
        assert!(first.starts_with("-9999-01-01"), "{first}");
    }

    #[test]
    fn a_publish_at_past_the_range_of_times_embargoes_for_good() {
        let text = "---\ntitle: T\ndate: 2026-01-01\npublish_at: 9999-12-31T23:59\n---\n";
        let mut d = crate::diagnostic::Diagnostics::new();
        let file = crate::source::from_bytes("content/briefings/t.md", text.into(), &mut d)
            .expect("readable");
        let Some(crate::parse::Parsed::Briefing(b)) = crate::parse::parse_file(&file, &mut d)
        else {
            panic!("{d:?}");
        };
        // 9999-12-31T23:59 UTC is past the last instant there is: never published.
        let local = b
            .publish_at
            .as_ref()
            .map(|p| p.value.instant(&TimeZone::UTC));
        assert_eq!(local, Some(None));
        assert!(matches!(
            window(&b, Timestamp::MAX, &TimeZone::UTC),
            Window::Embargoed(_)
        ));
    }
}
