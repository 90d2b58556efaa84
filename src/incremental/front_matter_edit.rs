//! The front-matter path: a briefing whose title, names, stances, summary, tags, date,
//! slug or other metadata changed, but not whether it is a draft nor its body. Its
//! references are resolved again against the profiles and the index is updated in place
//! for it alone; a new title renders again the bodies that link to it (a link shows the
//! title); a new date or slug moves it in date order (`reorder.rs`); pages are then found
//! by fingerprint as usual. Anything else (a stub, an ambiguous name, a slug another file
//! has) takes the general path, which resolves and indexes the whole site.

use super::{Engine, FileChange, Outcome, Own, Rebuilt, Scope, sources};
use crate::id_vec::Id;
use crate::index;
use crate::model::{Briefing, BriefingIdx, Kind};
use crate::parse::Parsed;
use crate::pipeline::Fatal;
use crate::render;
use crate::resolve::{self, ProfileNames, Refs, Tag};
use std::time::Instant;

impl Engine {
    /// A briefing whose front matter changed in a way the index can absorb in place.
    /// `None` when the edit is not of that kind (nothing is then changed).
    pub(super) fn try_front_matter_edit(
        &mut self,
        rel: &str,
        entry: &sources::Entry,
        start: Instant,
    ) -> Result<Option<Outcome>, Fatal> {
        let Some((bi, old_b, new_b)) = self.edited_briefing(rel, entry, same_place) else {
            return Ok(None);
        };
        // A new date or slug moves the briefing in date order: made in place too, when
        // nothing else is found by its slug (`reorder.rs`).
        let dated = old_b.date != new_b.date;
        let moves = dated || old_b.slug != new_b.slug;
        let old_slug = old_b.slug.clone();
        if moves && !self.may_reorder(old_b, new_b) {
            return Ok(None);
        }
        let Some(site) = self.site.as_ref() else {
            return Ok(None);
        };
        let r = &site.resolved;
        let names = ProfileNames::new(r);
        // Tags are found anew when the briefing's changed (a few milliseconds): one may
        // come, go, or take another spelling, and with it every later tag another number.
        let new_tags = (tag_values(old_b) != tag_values(new_b))
            .then(|| resolve::tags_after(r.briefings.as_slice(), bi, new_b));
        let Some(refs) = names.refs(new_b, new_tags.as_deref().unwrap_or(&r.tags)) else {
            return Ok(None);
        };
        // A stub lives only while something names it: dropping a name could remove one.
        let old = &r.refs[bi];
        // A title is read by one finding only: the hint of an unmarked change (D102) offers
        // a link to the earlier briefing with its title. Retitling a briefing that no such
        // hint names as the earlier one leaves every finding as it was, unless a body that
        // shows the title now says something else of a change (checked below).
        let same_checks = !moves
            && same_checks((old_b, old), (new_b, &refs))
            && (old_b.title == new_b.title || !self.names_as_earlier(&old_b.path));
        // What the edit leaves of the site's evidence counts, track record, alignment
        // overview and changes of position is kept: each is a pass over the whole site.
        // `same_place` has kept the judgments and whether sources weigh evidence.
        let same_stances = old.stances == refs.stances && old_b.sources == new_b.sources;
        // A briefing that moves keeps nothing: each part reads dates or the order.
        let keep = render::pages::Keep {
            record: !moves && old.judgments == refs.judgments,
            alignment: !moves && same_stances && old.named[Kind::Actor] == refs.named[Kind::Actor],
            changes: !moves,
        };
        // The warnings of the full resolve are kept as they were: an edit that makes or
        // clears a voice's warning (D099) takes the general path.
        let mut voices = crate::diagnostic::Diagnostics::new();
        crate::dated::check_voices_of(old_b, old, &r.entities, &mut voices);
        crate::dated::check_voices_of(new_b, &refs, &r.entities, &mut voices);
        if voices.iter().next().is_some() {
            return Ok(None);
        }
        if (old.entities().chain(old.reviewers.iter().copied()))
            .any(|e| r.entity(e).profile.is_none())
        {
            return Ok(None);
        }
        // The body is the same text, but a longer or shorter front matter moves it: its
        // warnings are rendered again to carry the new line numbers.
        let moved = old_b.body_line != new_b.body_line;
        let retitled = (old_b.title != new_b.title).then(|| new_b.title.clone());
        // A link shows the title and points at the address, made of the slug.
        let shown_again = retitled.is_some() || old_b.slug != new_b.slug;
        let new_b: Briefing = new_b.clone();
        let mut moved_body = None;
        if moved {
            let Some(body) = self.render_in_place(rel, super::Own::Briefing(&new_b)) else {
                return Ok(None);
            };
            let same = self.bodies.get(rel).is_some_and(|c| {
                c.body.html == body.body.html
                    && c.body.links == body.body.links
                    && c.body.ids == body.body.ids
            });
            if !same || body.diags.has_errors() {
                return Ok(None);
            }
            moved_body = Some(body);
        }
        // Stances and the actors named together decide which alignment pages there are:
        // those of the site before the edit, as the last rebuild worked them out.
        let Some(before) = self.site.as_ref() else {
            return Ok(None);
        };
        let alignment_before =
            (!moves).then(|| render::alignment_pages(self.derived.alignment(before)));
        self.derived = std::mem::take(&mut self.derived).keeping(keep);
        let Some(site) = self.site.as_mut() else {
            return Ok(None);
        };
        let mut briefing = new_b;
        briefing.body = Default::default();
        let old_refs = &site.resolved.refs[bi];
        let touched: Vec<_> = (old_refs.entities())
            .chain(old_refs.reviewers.iter().copied())
            .chain(refs.entities())
            .chain(refs.reviewers.iter().copied())
            .collect();
        // Counted while the index, the briefing and its stances still agree: the as-of
        // pages of an entity read its histories' stances and their dates.
        let pages_before = (!moves).then(|| super::entity_pages(site, &touched));
        site.resolved.briefings[bi] = briefing;
        let old_refs = std::mem::replace(&mut site.resolved.refs[bi], refs);
        index::update_briefing(&mut site.index, &site.resolved, bi, &old_refs);
        if let Some(tags) = new_tags {
            self.laps.begin("tags");
            let before = tag_page_counts(site);
            retag(&mut site.resolved, bi, tags);
            index::list_tags(&mut site.index, &site.resolved);
            if tag_page_counts(site) != before {
                // The page list holds tag pages by tag number and page, at its end: those
                // are listed again (or every page, when the index of tags grew or shrank).
                let last = self.targets.take();
                let retagged = last.and_then(|t| super::fingerprint::Targets::retagged(&t, site));
                self.targets = retagged.map(std::sync::Arc::new);
            }
        }
        if !same_stances {
            // The briefing's stances, as they were and are, are in these histories alone.
            let pairs = index::histories_of(&old_refs, &site.resolved.refs[bi]);
            self.derived.restanced(site, &pairs);
        }
        self.laps.begin("pages kept");
        if pages_before.is_some_and(|p| super::entity_pages(site, &touched) != p) {
            // An entity gained or lost a page: the site's list of pages changed.
            self.targets = None;
        }
        // Worked out once for the rebuild: its pages and fingerprints read it too.
        if alignment_before
            .is_some_and(|a| render::alignment_pages(self.derived.alignment(site)) != a)
        {
            // A comparison or snapshot came or went: so did a page of the site.
            self.targets = None;
        }
        // Before the move: its links are numbered as the site's were when it was rendered,
        // and the move renumbers every cached body.
        if let Some(new) = moved_body {
            self.replace_body(rel, new);
        }
        // Its page has another place in the list of pages, or another address.
        let bi = match moves {
            true => {
                self.laps.begin("reorder");
                self.reorder(bi, &old_slug, dated)
            }
            false => bi,
        };
        self.files.markdown.insert(rel.to_string(), entry.clone());
        self.laps.begin("bodies showing it");
        let cues_moved = shown_again && self.render_showing(bi, retitled.as_deref());
        self.laps.begin("consistency");
        // Contradictions are between briefings: found again where this briefing's stances
        // and quotes, before and after, meet others', unless the edit left everything the
        // checks read of it as it was. Bodies showing its title that now say something
        // else of changes of position are other briefings': the whole site is checked.
        if let Some(site) = self.site.as_ref() {
            // A briefing that moved (never `same_checks`) keeps the others' order among
            // themselves: its findings were renumbered with it (`BodyCache::moved`), and
            // which of two stances came first and what a day holds change only in its own
            // histories, found again.
            if cues_moved {
                let mut consistency = crate::diagnostic::Diagnostics::new();
                self.bodies.check_consistency(site, &mut consistency);
                self.consistency = consistency;
            } else if !same_checks {
                self.consistency = self.bodies.recheck_consistency(site, bi, &old_refs);
            }
        }
        // Section ids of pages (`#stances`, `#related`) follow the index: every fragment
        // link is checked again.
        self.laps.begin("fragments");
        self.recheck_fragments(None);
        #[cfg(debug_assertions)]
        if moves {
            self.check_reordered();
        }
        let what = Rebuilt::File(rel.to_string(), FileChange::FrontMatter { in_place: true });
        self.finish(what, start, Scope::All).map(Some)
    }
}

impl Engine {
    /// Whether a hint of an unmarked change (D102) of the last check points at briefing
    /// `path` as the earlier one (in its note), and so shows that briefing's title.
    fn names_as_earlier(&self, path: &str) -> bool {
        (self.consistency.iter())
            .filter(|d| d.code == crate::diagnostic::Code::UnmarkedChange)
            .any(|d| d.notes.iter().any(|n| n.path == path))
    }

    /// Renders again the bodies that link to briefing `b` (now titled `title`, when that
    /// changed), against the site in memory (which has its new title and address), and
    /// keeps them in the site and the cache;
    /// whether the body of a briefing with stances now says something else of changes of
    /// position (a link shows the title, and a title may say "no longer").
    fn render_showing(&mut self, b: BriefingIdx, title: Option<&str>) -> bool {
        let mut cues_moved = false;
        let showing: std::collections::HashSet<String> =
            self.bodies.showing(b).into_iter().collect();
        // Each body's place in the site, found in one pass (not one search per body).
        let mut places: Vec<(String, Place)> = Vec::new();
        if let Some(site) = self.site.as_ref().filter(|_| !showing.is_empty()) {
            let r = &site.resolved;
            for (i, x) in r.briefings.iter_ids() {
                if showing.contains(&x.path) {
                    places.push((x.path.clone(), Place::Briefing(i)));
                }
            }
            for (e, x) in r.entities.iter_ids() {
                if let Some(p) = x.profile.as_ref().filter(|p| showing.contains(&p.path)) {
                    places.push((p.path.clone(), Place::Profile(e)));
                }
            }
        }
        places.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, place) in places {
            let parsed = (self.files.markdown.get(&path)).and_then(|e| e.parsed.clone());
            match (parsed, place) {
                (Some(Parsed::Briefing(x)), Place::Briefing(i)) => {
                    let Some(body) = self.render_in_place(&path, Own::Briefing(&x)) else {
                        continue;
                    };
                    if let Some(site) = self.site.as_mut() {
                        let cues = crate::change_words::Cues::of;
                        cues_moved |=
                            !x.stances.is_empty() && cues(&site.bodies[i]) != cues(&body.body.html);
                        site.bodies[i] = body.body.html.clone();
                        site.outlines[i] = body.body.outline.clone();
                    }
                    self.replace_body(&path, body);
                }
                (Some(Parsed::Profile(p)), Place::Profile(e)) => {
                    let Some(body) = self.render_in_place(&path, Own::Profile(&p, e)) else {
                        continue;
                    };
                    if let Some(site) = self.site.as_mut() {
                        site.profile_bodies[e] = body.body.html.clone();
                        site.profile_outlines[e] = body.body.outline.clone();
                    }
                    self.replace_body(&path, body);
                }
                _ => {}
            }
        }
        if let Some(title) = title {
            self.bodies.retitle(b, title);
        }
        cues_moved
    }
}

/// Where a body that shows a briefing's title sits in the site.
enum Place {
    Briefing(BriefingIdx),
    Profile(crate::model::EntityIdx),
}

/// Whether briefing `a` (resolved to `ra`) and `b` (to `rb`) agree on everything the
/// consistency checks (`crate::consistency`) read of a briefing but its title (which only
/// a hint naming it as the earlier briefing shows): its dates, stances, sources and
/// topics, with where each is written. The other briefings and the registry are those of
/// the last check, so its findings stand.
fn same_checks((a, ra): (&Briefing, &Refs), (b, rb): (&Briefing, &Refs)) -> bool {
    a.path == b.path
        && a.date == b.date
        && a.date_span == b.date_span
        && a.updated == b.updated
        && a.updated_written == b.updated_written
        && a.stances == b.stances
        && a.sources == b.sources
        && ra.stances == rb.stances
        && ra.named[Kind::Topic] == rb.named[Kind::Topic]
}

/// Each tag's slug and how many pages its list has: the site's tag pages.
fn tag_page_counts(site: &crate::site::Site) -> Vec<(crate::model::Slug, u32)> {
    (site.resolved.tags.iter().enumerate())
        .map(|(t, tag)| (tag.slug.clone(), render::tag_pages(site, t)))
        .collect()
}

/// The tags of briefing `b`, as written.
pub(super) fn tag_values(b: &Briefing) -> Vec<&str> {
    b.tags.iter().map(|t| t.value.as_str()).collect()
}

/// Gives the site tags `now`, found after briefing `edited` changed its own: every other
/// briefing's tags are numbered in the new list (each of its tags is in it, since the
/// briefing still has it), and the edited briefing's are left for its new references.
fn retag(r: &mut resolve::Resolved, edited: BriefingIdx, now: Vec<Tag>) {
    let at = |slug: &crate::model::Slug| now.binary_search_by(|t| t.slug.cmp(slug)).ok();
    let to: Vec<Option<usize>> = r.tags.iter().map(|t| at(&t.slug)).collect();
    // Another spelling, or tags that other briefings have: no number moves.
    let moved = to.iter().enumerate().any(|(i, &t)| t != Some(i));
    if moved {
        for (b, refs) in r.refs.iter_mut().enumerate() {
            if b != edited.index() {
                refs.tags
                    .retain_mut(|t| to[*t].map(|now| *t = now).is_some());
            }
        }
    }
    r.tags = now;
}

/// Whether `b` keeps what the rest of the site depends on besides its references, its
/// title, its date and its slug (which [`Engine::reorder`] follows): its body, its window,
/// what it says of evidence and judgments.
fn same_place(a: &Briefing, b: &Briefing) -> bool {
    a.path == b.path
        && !a.draft
        && !b.draft
        && a.body == b.body
        // Its window decides whether it is in the site at all; its corrections and old
        // paths make site-wide pages (`/corrections/`, redirects).
        && a.publish_at == b.publish_at
        && a.expires == b.expires
        && a.corrections == b.corrections
        && a.moved_from == b.moved_from
        // Its confidence decides which words of its body are warned about (the body is not
        // rendered again here), and its judgments are scored on their topics' pages and
        // the track record.
        && a.confidence == b.confidence
        && a.judgments == b.judgments
        // Grades are checked, registry citations filled in and retractions warned about
        // when the site is assembled: sources that carry any of them take that path.
        && !weighs_evidence(a)
        && !weighs_evidence(b)
}

/// Whether a briefing's sources cite the registry, or carry a grade or a retraction.
fn weighs_evidence(b: &Briefing) -> bool {
    b.sources.iter().any(|s| {
        s.cites.is_some()
            || s.retracted.is_some()
            || s.written.reliability.is_some()
            || s.written.credibility.is_some()
    })
}
