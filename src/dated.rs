//! Facts that hold for a span of days: a profile's `roles:`, `affiliations:` and `names:`,
//! and the look-ups pages and checks make of them on a briefing's date.
//!
//! Both ends of a period are days and both count: `to: 2016-05-11` means the entry held on
//! 11 May 2016 and not on the 12th. An end left out is open.

use crate::model::EntityIdx;
pub use crate::model::{Dated, MAX_DATED};
use crate::resolve::Entity;
use jiff::civil::Date;

/// The role `entity` held on `date`: its dated `roles:` that hold then (joined with ` · `
/// when it held several offices at once), or else its undated `role:`, which stands for
/// any day the dated list does not cover.
pub fn role_on(entity: &Entity, date: Date) -> Option<String> {
    let p = entity.profile.as_ref()?;
    let held: Vec<&str> = (p.roles.iter())
        .filter(|r| r.holds_on(date))
        .map(|r| r.value.as_str())
        .collect();
    if held.is_empty() {
        p.role.clone()
    } else {
        Some(held.join(" · "))
    }
}

/// The role shown where no date applies (an actor's own page heading, a hover): the
/// undated `role:`, else the dated roles still held (no `to:`).
pub fn current_role(entity: &Entity) -> Option<String> {
    let p = entity.profile.as_ref()?;
    if p.role.is_some() {
        return p.role.clone();
    }
    let open: Vec<&str> = (p.roles.iter())
        .filter(|r| r.to.is_none())
        .map(|r| r.value.as_str())
        .collect();
    (!open.is_empty()).then(|| open.join(" · "))
}

/// The actors `entity` was affiliated with on `date`: its undated `affiliation:` (which
/// counts on every day) and the dated `affiliations:` that hold then, each once.
pub fn affiliations_on(entity: &Entity, date: Date) -> Vec<EntityIdx> {
    let mut out: Vec<EntityIdx> = entity.affiliation.into_iter().collect();
    for a in entity.affiliations.iter().filter(|a| a.holds_on(date)) {
        if !out.contains(&a.value) {
            out.push(a.value);
        }
    }
    out
}

/// What of `entity` its dated look-ups read: its roles, names and affiliations, dated or
/// not, each affiliation by what `named` gives for it (what shows it), not by its number,
/// which an entity coming or going shifts. Pages that show an entity as it was on a day
/// depend on it (serve's fingerprints).
pub fn key(entity: &Entity, named: impl Fn(EntityIdx) -> u64) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::hash::hasher();
    if let Some(p) = &entity.profile {
        (&p.role, &p.roles, &p.names).hash(&mut h);
    }
    entity.affiliation.map(&named).hash(&mut h);
    entity.affiliations.len().hash(&mut h);
    for a in &entity.affiliations {
        (named(a.value), &a.from, &a.to).hash(&mut h);
    }
    h.finish()
}

/// Whether a stance voiced by `entity` is judged by its affiliations (D099): when its
/// profile dates them (`affiliations:`). A lone undated `affiliation:` names where somebody
/// belongs, not everyone they may speak for, and sites written before dated affiliations
/// existed would get a warning for every such voice (1,563 in a 10,000-briefing corpus).
pub fn voice_is_judged(entity: &Entity) -> bool {
    !entity.affiliations.is_empty()
}

/// The name `entity` went by on `date`: a dated `names:` entry that holds then, else its
/// name.
pub fn name_on(entity: &Entity, date: Date) -> &str {
    (entity.profile.iter())
        .flat_map(|p| &p.names)
        .find(|n| n.holds_on(date))
        .map_or(entity.name.as_str(), |n| n.value.as_str())
}

/// The name `entity` had on `date` when it is another than its name today (`Krasnoarmiisk`
/// for Pokrovsk before 2016), for "Pokrovsk (then Krasnoarmiisk)".
pub fn former_name_on(entity: &Entity, date: Date) -> Option<&str> {
    // Most entities have no `names:`: nothing to fold then.
    let then = (entity.profile.iter())
        .flat_map(|p| &p.names)
        .find(|n| n.holds_on(date))?;
    let then = then.value.as_str();
    (crate::slug::match_key(then) != crate::slug::match_key(&entity.name)).then_some(then)
}

/// Whether `entity` was `actor`, or affiliated with it on `date`, directly or through the
/// actors it was affiliated with then (a commander of an army that is a state's).
pub fn affiliated_on(
    entities: &crate::id_vec::IdVec<EntityIdx, Entity>,
    entity: EntityIdx,
    actor: EntityIdx,
    date: Date,
) -> bool {
    let mut seen = vec![entity];
    let mut next = 0;
    while let Some(&e) = seen.get(next) {
        if e == actor {
            return true;
        }
        for a in affiliations_on(&entities[e], date) {
            if !seen.contains(&a) {
                seen.push(a);
            }
        }
        next += 1;
    }
    false
}

/// Warns (D099) at the `by:` of every stance voiced by somebody who, on the briefing's
/// date, was neither its actor nor affiliated with it, when the voice's profile dates its
/// affiliations ([`voice_is_judged`]); an undated `affiliation:` then counts on every day.
pub fn check_voices(
    briefings: &crate::id_vec::IdVec<crate::model::BriefingIdx, crate::model::Briefing>,
    refs: &crate::id_vec::IdVec<crate::model::BriefingIdx, crate::resolve::Refs>,
    entities: &crate::id_vec::IdVec<EntityIdx, Entity>,
    diags: &mut crate::diagnostic::Diagnostics,
) {
    for (b, r) in briefings.iter().zip(refs.iter()) {
        check_voices_of(b, r, entities, diags);
    }
}

/// [`check_voices`] for one briefing `b` with its references `r`.
pub fn check_voices_of(
    b: &crate::model::Briefing,
    r: &crate::resolve::Refs,
    entities: &crate::id_vec::IdVec<EntityIdx, Entity>,
    diags: &mut crate::diagnostic::Diagnostics,
) {
    {
        let date = b.date.date;
        for s in &r.stances {
            let Some(by) = s.by else { continue };
            let Some(at) = b.stances.get(s.src).and_then(|w| w.by.as_ref()) else {
                continue;
            };
            let voice = &entities[by];
            if !voice_is_judged(voice) || affiliated_on(entities, by, s.actor, date) {
                continue;
            }
            let then: Vec<&str> = (affiliations_on(voice, date).into_iter())
                .map(|a| entities[a].name.as_str())
                .collect();
            let help = if then.is_empty() {
                format!("on {date} {} had no affiliation", voice.name)
            } else {
                format!(
                    "on {date} {} was affiliated with {}",
                    voice.name,
                    then.join(", ")
                )
            };
            diags
                .warning(
                    crate::diagnostic::Code::VoiceNotAffiliated,
                    &b.path,
                    at.span,
                    format!(
                        "`{}` voices a stance of {} but was not affiliated with it on {date}",
                        at.value, entities[s.actor].name
                    ),
                )
                .with_help(format!(
                    "{help}; add an entry to their profile's `affiliations:`, or check `by:`"
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn dated(from: Option<&str>, to: Option<&str>) -> Dated<()> {
        Dated {
            value: (),
            from: from.map(d),
            to: to.map(d),
            span: Span::FILE,
        }
    }

    #[test]
    fn both_ends_of_a_period_count() {
        let x = dated(Some("2016-05-12"), Some("2020-01-01"));
        assert!(!x.holds_on(d("2016-05-11")));
        assert!(x.holds_on(d("2016-05-12")));
        assert!(x.holds_on(d("2020-01-01")));
        assert!(!x.holds_on(d("2020-01-02")));
        assert!(dated(None, None).holds_on(d("1900-01-01")));
    }

    #[test]
    fn periods_overlap_when_they_share_a_day() {
        let before = dated(None, Some("2016-05-11"));
        let after = dated(Some("2016-05-12"), None);
        assert!(!before.overlaps(&after));
        assert!(!after.overlaps(&before));
        let same_day = dated(Some("2016-05-11"), None);
        assert!(before.overlaps(&same_day));
        assert!(dated(None, None).overlaps(&before));
    }
}
