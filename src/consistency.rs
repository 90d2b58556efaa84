//! A second analyst in the build: contradictions between briefings (D100–D104) and topics
//! left without a briefing (D105). Each diagnostic points at one side and names the other
//! in a note. Every check is one pass over the stance histories or the briefings, with
//! hash maps where two sides must meet, so the whole costs milliseconds at archive scale.
//! A live preview keeps the findings grouped by what each depends on ([`Findings`]) and
//! finds again, after an edit of one briefing, only the groups that edit can change.

use crate::change_words::Cues;
use crate::diagnostic::{Code, Diagnostics, Span};
use crate::id_vec::IdVec;
use crate::index::{Index, StanceAt};
use crate::model::{Briefing, BriefingIdx, EntityIdx, Kind, Position, RegistrySource};
use crate::resolve::{Refs, Resolved};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Quotes shorter than this (after folding) are not compared: "No comment." is said by many.
pub const MIN_QUOTE_CHARS: usize = 20;

/// The codes of this module's findings, which an incremental rebuild replaces together.
pub const CODES: [Code; 6] = [
    Code::SameDayPositions,
    Code::QuoteAttribution,
    Code::UnmarkedChange,
    Code::UpdatedBeforeDate,
    Code::SourceAfterBriefing,
    Code::StaleTopic,
];

/// [`Findings::of`] a whole site as `pipeline` assembled it, into `diags`.
pub fn check_site(site: &crate::site::Site, diags: &mut Diagnostics) {
    let cues = |b, stop| read_cues(&site.bodies, b, stop);
    diags.extend(Findings::of(&Input::of(site, &cues)).diagnostics());
}

/// What the checks read of an assembled site: its resolved briefings and index, what its
/// bodies say of changes (`cues`; a live preview keeps each body's cues between
/// rebuilds), its registry of sources, the build's day (for staleness) and its
/// `stale_after_days`.
pub struct Input<'a> {
    site: &'a Resolved,
    index: &'a Index,
    cues: &'a ReadCues<'a>,
    registry: &'a [RegistrySource],
    today: Date,
    stale_after: Option<u32>,
}

impl<'a> Input<'a> {
    /// What the checks read of `site`, its bodies' cues read by `cues`.
    pub fn of(site: &'a crate::site::Site, cues: &'a ReadCues<'a>) -> Self {
        Input {
            site: &site.resolved,
            index: &site.index,
            cues,
            registry: &site.registry,
            today: today(&site.config),
            stale_after: site.config.stale_after_days,
        }
    }
}

/// What briefing `b`'s rendered body says of changes, given the cues `stop` that would
/// answer (see [`read_cues`]). Returning every cue of the body is always right.
pub type ReadCues<'a> = dyn Fn(BriefingIdx, Cues) -> Cues + Sync + 'a;

/// The cues of briefing `b`'s body in `bodies`, read only as far as a check needs: up to
/// the first of `stop` when it is a change word (which answers every change) or when there
/// is none, and to the end when it is a position's word (which answers only its own).
/// What it returns answers any later check as every cue of the body would, whatever that
/// check's `stop`: it holds a change word, or it is every cue of the body.
pub fn read_cues(bodies: &IdVec<BriefingIdx, String>, b: BriefingIdx, stop: Cues) -> Cues {
    read_text_cues(bodies.get(b).map_or("", String::as_str), stop)
}

/// [`read_cues`] of one body's HTML.
pub fn read_text_cues(body: &str, stop: Cues) -> Cues {
    let found = stop.read_until(body);
    match found.says_change() || found.is_empty() {
        true => found,
        false => Cues::of(body),
    }
}

/// The findings of every check of this module, kept by what each depends on, so that an
/// edit of one briefing finds again only those it can change ([`Findings::recheck`]).
#[derive(Debug, Default)]
pub struct Findings {
    /// D100 and D102, per stance history (actor, topic).
    histories: BTreeMap<(EntityIdx, EntityIdx), Diagnostics>,
    /// D101, per folded quote, with the stances that say it.
    quotes: HashMap<String, Quote, ahash::RandomState>,
    /// D103 and D104, per briefing.
    own: BTreeMap<BriefingIdx, Diagnostics>,
    /// D105.
    stale: Diagnostics,
}

/// The stances that say one quote (folded), in site order, and what D101 found of them.
#[derive(Debug, Default)]
struct Quote {
    said: Vec<StanceAt>,
    found: Diagnostics,
}

impl Findings {
    /// Every check of this module on a resolved and indexed site.
    pub fn of(x: &Input<'_>) -> Self {
        // The quotes and the histories are read apart: two threads. The checks of each
        // briefing alone follow the quotes', which end first.
        let ((quotes, own), histories) = rayon::join(
            || {
                let quotes = quotes_of(x.site);
                let own = (x.site.briefings.iter_ids())
                    .map(|(b, briefing)| (b, own_of(briefing, x.registry)))
                    .filter(|(_, d)| !d.is_empty())
                    .collect();
                (quotes, own)
            },
            || {
                let all: Vec<_> = x
                    .index
                    .history
                    .iter()
                    .map(|(k, h)| (*k, h.as_slice()))
                    .collect();
                in_histories(x, &all)
            },
        );
        Findings {
            histories,
            quotes,
            own,
            stale: stale_of(x),
        }
    }

    /// Finds again what an edit of briefing `b` can change, when it left every other
    /// briefing, every entity and every body's links and cues as they were: the histories
    /// of its stances, the quotes of its stances, its own checks, and stale topics.
    /// `before` is what `b` resolved to before the edit, in the site these findings are
    /// of; `x` is the site after it. A briefing that moved in date order is `b` at its new
    /// place, once these findings were renumbered with it ([`Findings::renumber`]): the
    /// others kept their order among themselves.
    pub fn recheck(&mut self, x: &Input<'_>, b: BriefingIdx, before: &Refs) {
        let now = &x.site.refs[b];
        let pairs = crate::index::histories_of(before, now);
        let histories: Vec<_> = (pairs.iter())
            .filter_map(|p| Some((*p, x.index.history.get(p)?.as_slice())))
            .collect();
        for p in &pairs {
            self.histories.remove(p);
        }
        self.histories.extend(in_histories(x, &histories));

        let mut folded = String::new();
        let mut keys = Vec::new();
        for s in &before.stances {
            if compared(s.quote.as_deref(), &mut folded)
                && let Some(q) = self.quotes.get_mut(folded.as_str())
            {
                q.said.retain(|at| at.briefing != b);
                keys.push(folded.clone());
            }
        }
        for (stance, s) in now.stances.iter().enumerate() {
            if compared(s.quote.as_deref(), &mut folded) {
                let at = StanceAt {
                    briefing: b,
                    stance,
                };
                let q = self.quotes.entry(folded.clone()).or_default();
                let place = q
                    .said
                    .partition_point(|y| (y.briefing, y.stance) < (b, stance));
                q.said.insert(place, at);
                keys.push(folded.clone());
            }
        }
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            let Some(q) = self.quotes.get_mut(&key) else {
                continue;
            };
            if q.said.is_empty() {
                self.quotes.remove(&key);
            } else {
                q.found = quote_found(x.site, &q.said);
            }
        }

        let own = own_of(&x.site.briefings[b], x.registry);
        if own.is_empty() {
            self.own.remove(&b);
        } else {
            self.own.insert(b, own);
        }
        self.stale = stale_of(x);
    }

    /// Renumbers the briefings these findings are kept by, as a briefing that moved in
    /// date order renumbers them (`to`: old index → new). The others keep their order
    /// among themselves, so what was found of them holds; the moved one's findings are
    /// found again by [`Findings::recheck`].
    pub fn renumber(&mut self, to: impl Fn(BriefingIdx) -> BriefingIdx) {
        for q in self.quotes.values_mut() {
            q.said
                .iter_mut()
                .for_each(|at| at.briefing = to(at.briefing));
            q.said.sort_unstable_by_key(|at| (at.briefing, at.stance));
        }
        self.own = std::mem::take(&mut self.own)
            .into_iter()
            .map(|(b, d)| (to(b), d))
            .collect();
    }

    /// Every finding.
    fn iter(&self) -> impl Iterator<Item = &crate::diagnostic::Diagnostic> {
        let mut quotes: Vec<_> = (self.quotes.iter())
            .filter(|(_, q)| !q.found.is_empty())
            .collect();
        // In a fixed order whatever the map's: of two findings a sort cannot tell apart,
        // a build prints them the same way each time.
        quotes.sort_unstable_by(|a, b| a.0.cmp(b.0));
        (quotes.into_iter().flat_map(|(_, q)| q.found.iter()))
            .chain(self.histories.values().flat_map(Diagnostics::iter))
            .chain(self.own.values().flat_map(Diagnostics::iter))
            .chain(self.stale.iter())
    }

    /// Every finding, as a list of diagnostics.
    pub fn diagnostics(&self) -> Diagnostics {
        let mut all = Diagnostics::new();
        self.iter().for_each(|d| all.add(d.clone()));
        all
    }
}

/// D103 and D104 of briefing `b`.
fn own_of(b: &Briefing, registry: &[RegistrySource]) -> Diagnostics {
    let mut d = Diagnostics::new();
    updated_before_date(b, &mut d);
    sources_after(b, registry, &mut d);
    d
}

/// D105 of the site, when `stale_after_days` is set.
fn stale_of(x: &Input<'_>) -> Diagnostics {
    let mut d = Diagnostics::new();
    if let Some(days) = x.stale_after {
        stale_topics(x.site, x.index, x.today, days, &mut d);
    }
    d
}

/// D100 (below) and D102 of `histories`, each (actor, topic) with its stances oldest first,
/// per history that has any.
///
/// D102 (a hint) is a stance that differs from every stance of the same actor on the topic
/// on the day before it (the latest earlier day with one), made by a briefing that neither
/// links the earlier briefing, nor names the earlier position ("had opposed"), nor says a
/// position changed ("no longer", "reversed"), in its body or the stance's quote. `unclear`
/// on either side is no position to change from or to.
fn in_histories(
    x: &Input<'_>,
    histories: &[((EntityIdx, EntityIdx), &[StanceAt])],
) -> BTreeMap<(EntityIdx, EntityIdx), Diagnostics> {
    let mut found: BTreeMap<_, Diagnostics> = BTreeMap::new();
    for &(pair, history) in histories {
        let mut d = Diagnostics::new();
        same_day_in(x.site, pair, history, &mut d);
        if !d.is_empty() {
            found.insert(pair, d);
        }
    }
    // Each history on every core, in the list's order: a whole-site check (every build, and
    // a live preview's general rebuild) reads thousands, beside the quotes' check.
    let changes: Vec<Change> = (histories.par_iter())
        .flat_map_iter(|&(pair, history)| changes_in(x.site, x.index, pair, history))
        .collect();
    // Bodies are read last, each once, on every core, and only up to the first cue that
    // answers: most changes are marked by a link or their quote before it comes to that.
    let mut wanted: BTreeMap<BriefingIdx, Vec<&str>> = Default::default();
    for c in &changes {
        wanted
            .entry(c.cur.briefing)
            .or_default()
            .push(c.p0.as_str());
    }
    let says: HashMap<BriefingIdx, Cues> = wanted
        .into_par_iter()
        .map(|(b, positions)| (b, (x.cues)(b, Cues::change_from(positions))))
        .collect();
    for c in changes {
        let said = says
            .get(&c.cur.briefing)
            .is_some_and(|cues| cues.says_change() || cues.mentions(c.p0.as_str()));
        if !said {
            hint_unmarked(x.site, &c, found.entry((c.actor, c.topic)).or_default());
        }
    }
    found
}

fn stance_src(site: &Resolved, at: StanceAt) -> Option<&crate::model::StanceSrc> {
    let s = site.refs[at.briefing].stances.get(at.stance)?;
    site.briefings[at.briefing].stances.get(s.src)
}

fn position_of(site: &Resolved, at: StanceAt) -> Option<Position> {
    site.refs[at.briefing]
        .stances
        .get(at.stance)
        .map(|s| s.position)
}

fn day(site: &Resolved, b: BriefingIdx) -> Date {
    site.briefings[b].date.date
}

/// Whether a date was written with its time (`2025-11-20T18:00:00Z`), not as a day.
fn has_time(w: &crate::model::When) -> bool {
    w.rfc3339.get(10..) != Some("T00:00:00Z")
}

/// D100: within an actor's history on a topic (ordered by date), the stances of one day
/// from different briefings must agree.
fn same_day_in(
    site: &Resolved,
    (actor, topic): (EntityIdx, EntityIdx),
    history: &[StanceAt],
    diags: &mut Diagnostics,
) {
    for run in history.chunk_by(|a, b| day(site, a.briefing) == day(site, b.briefing)) {
        let Some((&first, rest)) = run.split_first() else {
            continue;
        };
        let (Some(p0), Some(s0)) = (position_of(site, first), stance_src(site, first)) else {
            continue;
        };
        for &at in rest {
            let (Some(p), Some(s)) = (position_of(site, at), stance_src(site, at)) else {
                continue;
            };
            // Two briefings that give their times, apart, say the position moved within
            // the day.
            let timed = |b: BriefingIdx| has_time(&site.briefings[b].date);
            let apart =
                site.briefings[at.briefing].date.epoch != site.briefings[first.briefing].date.epoch;
            if at.briefing == first.briefing
                || p == p0
                || (timed(at.briefing) && timed(first.briefing) && apart)
            {
                continue;
            }
            let (here, there) = (
                &site.briefings[at.briefing],
                &site.briefings[first.briefing],
            );
            diags
                .warning(
                    Code::SameDayPositions,
                    &here.path,
                    s.position_span,
                    format!(
                        "{} is given two positions on {} on {}: {} here, {} in {}",
                        site.entities[actor].name,
                        site.entities[topic].name,
                        here.date.date,
                        p.as_str(),
                        p0.as_str(),
                        there.path
                    ),
                )
                .with_note(
                    &there.path,
                    s0.position_span,
                    format!("the same day's stance says `{}`", p0.as_str()),
                )
                .with_help(
                    "check which report is right; if the position really moved that day, date the later briefing by its time (`date: 2025-11-20T18:00:00Z`) and say so in it",
                );
        }
    }
}

/// A quote folded for comparison into `out` (emptied first, so that one buffer serves
/// every quote): lower case, straight quotes, one space between words, outer quotes and
/// final punctuation left out.
fn fold_into(q: &str, out: &mut String) {
    out.clear();
    for word in trim_quote(q).split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // Most words are plain ASCII: copied whole, lowered below. Every build folds every
        // quote of the site.
        if word.is_ascii() {
            out.push_str(word);
            continue;
        }
        for c in word.chars() {
            match c {
                c if c.is_ascii() => out.push(c),
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => out.push('\''),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => out.push('"'),
                '\u{2013}' | '\u{2014}' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    // No lower-case form of a letter is an upper-case ASCII letter: lowering the ASCII
    // letters at the end is lowering them as they come.
    out.make_ascii_lowercase();
}

/// A quote without its outer quotation marks, spaces and final punctuation.
fn trim_quote(q: &str) -> &str {
    q.trim_matches(|c: char| QUOTE_MARKS.contains(&c) || c.is_whitespace())
        .trim_end_matches(['.', '!', '?', ',', ';', '…'])
        .trim_matches(|c: char| QUOTE_MARKS.contains(&c) || c.is_whitespace())
}

/// Marks that open or close a quotation, straight and curly.
const QUOTE_MARKS: [char; 9] = [
    '"', '\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201c}', '\u{201d}', '\u{201e}', '\u{00ab}',
];

/// Who a quote is attributed to: its actor, its voice and its source, each as shown.
struct Attribution<'a> {
    actor: EntityIdx,
    by: Option<EntityIdx>,
    source: Option<(String, &'a str)>,
}

fn attribution(site: &Resolved, at: StanceAt) -> Option<Attribution<'_>> {
    let s = site.refs[at.briefing].stances.get(at.stance)?;
    let b = &site.briefings[at.briefing];
    let source = s.source.and_then(|i| b.sources.get(i)).map(|src| {
        let key = match (&src.cites, &src.url) {
            (Some(id), _) => format!("id:{}", id.value),
            (None, Some(url)) => format!("url:{url}"),
            (None, None) => format!("title:{}", src.title.to_lowercase()),
        };
        (key, src.title.as_str())
    });
    Some(Attribution {
        actor: s.actor,
        by: s.by,
        source,
    })
}

/// Whether quote `q` is compared with others (D101), folded into `folded` if so: not a
/// paraphrase, and at least [`MIN_QUOTE_CHARS`] long once folded.
fn compared(q: Option<&str>, folded: &mut String) -> bool {
    let Some(q) = q.filter(|q| !crate::model::is_paraphrase(Some(q))) else {
        return false;
    };
    fold_into(q, folded);
    folded.len() >= MIN_QUOTE_CHARS && folded.chars().count() >= MIN_QUOTE_CHARS
}

/// Every quote compared (D101), folded, with the stances that say it in site order and
/// what D101 finds of them.
fn quotes_of(site: &Resolved) -> HashMap<String, Quote, ahash::RandomState> {
    // Keyed by what writers quote: a hasher seeded afresh in each run, and quicker than the
    // default one (every build folds every quote of the site).
    let mut quotes: HashMap<String, Quote, ahash::RandomState> = HashMap::default();
    let mut folded = String::new();
    for (b, refs) in site.refs.iter_ids() {
        for (i, s) in refs.stances.iter().enumerate() {
            if !compared(s.quote.as_deref(), &mut folded) {
                continue;
            }
            let at = StanceAt {
                briefing: b,
                stance: i,
            };
            if let Some(q) = quotes.get_mut(folded.as_str()) {
                q.said.push(at);
            } else {
                let said = vec![at];
                let found = Diagnostics::new();
                quotes.insert(folded.clone(), Quote { said, found });
            }
        }
    }
    for q in quotes.values_mut().filter(|q| q.said.len() > 1) {
        q.found = quote_found(site, &q.said);
    }
    quotes
}

/// D101: one quote (of at least [`MIN_QUOTE_CHARS`], paraphrases aside) must have one
/// actor, one voice and one source wherever it is written; a side that gives no voice or no
/// source does not contradict one that does. `said` are the stances that say it, in site
/// order: each is compared with the first.
fn quote_found(site: &Resolved, said: &[StanceAt]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let Some((&earlier, rest)) = said.split_first() else {
        return diags;
    };
    for &at in rest {
        let b = at.briefing;
        let refs = &site.refs[b];
        let (Some(a), Some(e)) = (attribution(site, at), attribution(site, earlier)) else {
            continue;
        };
        let name = |x: EntityIdx| site.entities[x].name.as_str();
        let differs = if a.actor != e.actor {
            Some((
                "actor",
                name(a.actor).to_string(),
                name(e.actor).to_string(),
            ))
        } else if let (Some(x), Some(y)) = (a.by, e.by)
            && x != y
        {
            Some(("voice", name(x).to_string(), name(y).to_string()))
        } else if let (Some(x), Some(y)) = (&a.source, &e.source)
            && x.0 != y.0
        {
            Some(("source", x.1.to_string(), y.1.to_string()))
        } else {
            None
        };
        let Some((what, here_is, there_is)) = differs else {
            continue;
        };
        let here = &site.briefings[b];
        let there = &site.briefings[earlier.briefing];
        let span = |x: &Briefing, at: StanceAt, refs: &crate::resolve::Refs| {
            (refs.stances.get(at.stance))
                .and_then(|s| x.stances.get(s.src))
                .map_or(Span::FILE, |w| w.quote_span.unwrap_or(w.actor.span))
        };
        let there_span = span(there, earlier, &site.refs[earlier.briefing]);
        diags
            .warning(
                Code::QuoteAttribution,
                &here.path,
                span(here, at, refs),
                format!(
                    "this quote is attributed to {what} {here_is} here and to {there_is} in {}",
                    there.path
                ),
            )
            .with_note(
                &there.path,
                there_span,
                format!("the same words, with {what} {there_is}"),
            )
            .with_help(format!(
                "one of the two {what}s is wrong, or the words are a paraphrase: end it with `(paraphrase)`"
            ));
    }
    diags
}

/// The changes of position in `history`, of `actor` on `topic`, that no link to the
/// earlier briefing or quote marks.
fn changes_in(
    site: &Resolved,
    index: &Index,
    (actor, topic): (EntityIdx, EntityIdx),
    history: &[StanceAt],
) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut days = history.chunk_by(|a, b| day(site, a.briefing) == day(site, b.briefing));
    let Some(mut before) = days.next() else {
        return changes;
    };
    for today in days {
        for &cur in today {
            let Some(p1) = position_of(site, cur) else {
                continue;
            };
            let held = |&at: &StanceAt| position_of(site, at) == Some(p1);
            if p1 == Position::Unclear || before.iter().any(held) {
                continue;
            }
            let Some(&prev) = before.last() else {
                continue;
            };
            let Some(p0) = position_of(site, prev) else {
                continue;
            };
            if p0 == Position::Unclear {
                continue;
            }
            if let Some(c) = unmarked(site, index, (actor, topic), (prev, p0), (cur, p1)) {
                changes.push(c);
            }
        }
        before = today;
    }
    changes
}

/// A change of position not marked by a link to the earlier briefing or by its quote.
struct Change {
    actor: EntityIdx,
    topic: EntityIdx,
    prev: StanceAt,
    p0: Position,
    cur: StanceAt,
    p1: Position,
}

/// D102 for the change from `prev` to `cur` of `actor`'s position on `topic`, unless the
/// later briefing says it.
fn unmarked(
    site: &Resolved,
    index: &Index,
    (actor, topic): (EntityIdx, EntityIdx),
    (prev, p0): (StanceAt, Position),
    (cur, p1): (StanceAt, Position),
) -> Option<Change> {
    let s = stance_src(site, cur)?;
    let says = |cues: Cues| cues.says_change() || cues.mentions(p0.as_str());
    let links_back = (index.briefing_backlinks[prev.briefing])
        .binary_search(&cur.briefing)
        .is_ok();
    let quote = || s.quote.as_deref().map(Cues::of);
    if links_back || quote().is_some_and(says) {
        return None;
    }
    Some(Change {
        actor,
        topic,
        prev,
        p0,
        cur,
        p1,
    })
}

/// D102 at the later stance of `c`, the earlier one in a note.
fn hint_unmarked(site: &Resolved, c: &Change, diags: &mut Diagnostics) {
    let (prev, p0, cur) = (c.prev, c.p0, c.cur);
    let b = &site.briefings[cur.briefing];
    let Some(s) = stance_src(site, cur) else {
        return;
    };
    let earlier = &site.briefings[prev.briefing];
    let earlier_span = stance_src(site, prev).map_or(Span::FILE, |w| w.position_span);
    diags
        .hint(
            Code::UnmarkedChange,
            &b.path,
            s.position_span,
            format!(
                "{} moves from {} to {} on {} here, and the briefing does not say so",
                site.entities[c.actor].name,
                p0.as_str(),
                c.p1.as_str(),
                site.entities[c.topic].name
            ),
        )
        .with_note(
            &earlier.path,
            earlier_span,
            format!(
                "the earlier position, `{}` on {}",
                p0.as_str(),
                earlier.date.date
            ),
        )
        .with_help(format!(
            "say that the position changed, or link the earlier briefing: [{}]({})",
            earlier.title.replace(['[', ']'], ""),
            relative(&b.content_path, &earlier.content_path)
        ));
}

/// The path of content file `to` as a link written in content file `from`.
fn relative(from: &str, to: &str) -> String {
    let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    crate::markdown::relative(dir, to)
}

/// D103: `updated:` as written, a day or more before `date:`.
fn updated_before_date(b: &Briefing, diags: &mut Diagnostics) {
    let Some(u) = &b.updated_written else {
        return;
    };
    if u.value.date >= b.date.date {
        return;
    }
    let d = diags.warning(
        Code::UpdatedBeforeDate,
        &b.path,
        u.span,
        format!(
            "`updated: {}` is before the briefing's `date: {}`",
            u.value.date, b.date.date
        ),
    );
    if b.date_span != Span::FILE {
        d.with_note(&b.path, b.date_span, format!("`date:` is {}", b.date.date));
    } else {
        d.with_note(
            &b.path,
            Span::FILE,
            format!("the file name dates it {}", b.date.date),
        );
    }
    d.with_help(
        "an update comes after publication: check both dates (swapped, or a mistyped year?)",
    );
}

/// D104: a source dated after the briefing (its `date:`, or `updated:` when later) that
/// cites it.
fn sources_after(b: &Briefing, registry: &[RegistrySource], diags: &mut Diagnostics) {
    let last = b
        .updated
        .as_ref()
        .map_or(b.date.date, |u| u.date.max(b.date.date));
    for src in &b.sources {
        let Some(date) = src
            .date
            .as_deref()
            .and_then(|d| d.get(..10)?.parse::<Date>().ok())
        else {
            continue;
        };
        if date <= last {
            continue;
        }
        let in_registry = src.date_at.is_some_and(|(_, r)| r);
        let at = match src.date_at {
            Some((span, false)) => span,
            _ => src.cites.as_ref().map_or(src.span, |c| c.span),
        };
        let d = diags.warning(
            Code::SourceAfterBriefing,
            &b.path,
            at,
            format!(
                "source `{}` is dated {date}, after the briefing that cites it ({last})",
                src.title
            ),
        );
        if in_registry
            && let Some(r) = (src.cites.as_ref())
                .and_then(|c| registry.iter().find(|r| r.id.as_str() == c.value))
            && let Some((span, _)) = src.date_at
        {
            d.with_note(&r.path, span, format!("the source's date, {date}"));
        }
        let (span, what) = match &b.updated_written {
            Some(u) if u.value.date >= b.date.date => (u.span, "`updated:`"),
            _ => (b.date_span, "the briefing's date"),
        };
        d.with_note(&b.path, span, format!("{what}, {last}"));
        d.with_help(
            "a briefing cannot cite what was published after it: check the source's date, or move `updated:` to when the source was added",
        );
    }
}

/// When a topic with stances went stale: the day of its latest briefing, if that is more
/// than `days` before `today`. A resolved question is settled, not stale.
pub fn stale_since(
    site: &Resolved,
    index: &Index,
    topic: EntityIdx,
    today: Date,
    days: u32,
) -> Option<Date> {
    let resolved = (site.entities[topic].profile.as_ref()).is_some_and(|p| p.resolved.is_some());
    if index.topic_actors[topic].is_empty() || resolved {
        return None;
    }
    let last = day(site, *index.named_in[topic].last()?);
    let age = today.since(last).ok()?.get_days();
    (age > days as i32).then_some(last)
}

/// D105 (a hint): topics whose latest briefing is more than `days` before `today`, at the
/// topic's profile (or, for a topic without one, where its latest briefing names it).
fn stale_topics(site: &Resolved, index: &Index, today: Date, days: u32, diags: &mut Diagnostics) {
    for (t, e) in site.entities.iter_ids() {
        if e.id.kind != Kind::Topic {
            continue;
        }
        let Some(last) = stale_since(site, index, t, today, days) else {
            continue;
        };
        let latest = index.named_in[t].last().copied();
        let (path, span) = match (&e.profile, latest) {
            (Some(p), _) => (p.path.as_str(), p.name_span),
            (None, Some(b)) => (site.briefings[b].path.as_str(), naming_span(site, b, t)),
            (None, None) => continue,
        };
        let age = today.since(last).map_or(0, |s| s.get_days());
        let d = diags.hint(
            Code::StaleTopic,
            path,
            span,
            format!(
                "topic {} has stances but no briefing since {last} ({age} days; stale after {days})",
                e.name
            ),
        );
        if let Some(b) = latest
            && e.profile.is_some()
        {
            let b = &site.briefings[b];
            d.with_note(&b.path, b.date_span, "its latest briefing");
        }
        d.with_help(
            "brief it again, or set `stale_after_days:` in site.yaml (0 turns the check off)",
        );
    }
}

/// Where briefing `b` names topic `t`: the `on:` of its first stance on it, else line 1.
fn naming_span(site: &Resolved, b: BriefingIdx, t: EntityIdx) -> Span {
    let briefing = &site.briefings[b];
    (site.refs[b].stances.iter())
        .find(|s| s.topic == t)
        .and_then(|s| briefing.stances.get(s.src))
        .map_or(Span::FILE, |w| w.on.span)
}

/// The day of `now` in the site's zone.
pub fn today(config: &crate::config::Config) -> Date {
    config.schedule.now.to_zoned_datetime(config.zone()).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold_quote(q: &str) -> String {
        let mut out = String::new();
        fold_into(q, &mut out);
        out
    }

    /// The fold as first written, a character at a time: what the fast path must match.
    fn fold_char_by_char(q: &str) -> String {
        let mut out = String::new();
        for word in trim_quote(q).split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            for c in word.chars() {
                match c {
                    'A'..='Z' => out.push(c.to_ascii_lowercase()),
                    c if c.is_ascii() => out.push(c),
                    '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => out.push('\''),
                    '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => out.push('"'),
                    '\u{2013}' | '\u{2014}' => out.push('-'),
                    c => out.extend(c.to_lowercase()),
                }
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_fold_matches_folding_a_character_at_a_time(
            q in "([ A-Za-z\t\u{b}.,!?'\"“”‘’«»–—…\\x{212A}\\x{130}À-ÿĀ-ſΑ-ω]{0,12}){0,6}"
        ) {
            proptest::prop_assert_eq!(fold_quote(&q), fold_char_by_char(&q));
        }
    }

    #[test]
    fn quotes_fold_case_quotes_and_spaces() {
        assert_eq!(
            fold_quote("  “Peace cannot be  a Capitulation.” "),
            fold_quote("\"peace cannot be a capitulation\"")
        );
        assert_eq!(fold_quote("It’s over."), "it's over");
    }

    #[test]
    fn the_cues_read_until_the_first_that_answers_answer_as_every_cue_would() {
        // A build reads a body only as far as it must. For each change the check asks the
        // same two questions of what it read and of every cue of the body.
        let words = [
            "no",
            "longer",
            "had",
            "opposed",
            "support",
            "backs",
            "mixed",
            "neutral",
            "the",
            "reversed",
            "<p>Previously",
            "**shifted**",
            "unclear",
            "talks",
            "now",
            "until",
        ];
        let positions = ["supports", "opposes", "mixed", "neutral"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..2000 {
            let body: Vec<&str> = (0..next(12)).map(|_| words[next(words.len())]).collect();
            let body = body.join(if next(2) == 0 { " " } else { "\n" });
            let asked: Vec<&str> = (0..1 + next(3))
                .map(|_| positions[next(positions.len())])
                .collect();
            let read = read_text_cues(&body, Cues::change_from(asked.iter().copied()));
            let all = Cues::of(&body);
            // A live preview keeps what the first check read and answers later checks,
            // asking of other positions, with it.
            for p0 in asked.iter().chain(&positions) {
                let answers = |c: Cues| c.says_change() || c.mentions(p0);
                assert_eq!(answers(read), answers(all), "{body:?}, change from {p0}");
            }
        }
    }

    #[test]
    fn relative_links_between_content_files() {
        assert_eq!(relative("briefings/b.md", "briefings/a.md"), "a.md");
        assert_eq!(relative("briefings/2025/b.md", "briefings/a.md"), "../a.md");
        assert_eq!(relative("b.md", "briefings/a.md"), "briefings/a.md");
    }
}
