//! The front-matter path: a briefing whose names, stances, summary or other metadata
//! changed, but not what orders briefings or what links resolve against (slug, title,
//! date, draft, tags) nor its body. Its references are resolved again against the
//! profiles and the index is updated in place for it alone; pages are then found by
//! fingerprint as usual. Anything else (a stub, an ambiguous name, a new tag) takes the
//! general path, which resolves and indexes the whole site.

use super::{Engine, Outcome, Scope, push, sources};
use crate::diagnostic::Diagnostics;
use crate::markdown::{self, LinkContext};
use crate::model::{Briefing, BriefingIdx};
use crate::parse::Parsed;
use crate::pipeline::{self, CachedBody, Fatal};
use crate::resolve::ProfileNames;
use crate::{index, urls};
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
        let (Some(site), true) = (self.site.as_mut(), self.good) else {
            return Ok(None);
        };
        let old = self.files.markdown.get(rel);
        let (Some(Parsed::Briefing(old_b)), Some(Parsed::Briefing(new_b))) =
            (old.and_then(|e| e.parsed.as_ref()), entry.parsed.as_ref())
        else {
            return Ok(None);
        };
        if entry.diags.has_errors() || !same_place(old_b, new_b) {
            return Ok(None);
        }
        let Some(bi) = site.resolved.briefings.iter().position(|x| x.path == rel) else {
            return Ok(None);
        };
        let r = &site.resolved;
        let names = ProfileNames::new(r);
        let Some(refs) = names.refs(new_b, &r.tags) else {
            return Ok(None);
        };
        // A stub lives only while something names it: dropping a name could remove one.
        if r.refs[bi].entities().any(|e| r.entity(e).profile.is_none()) {
            return Ok(None);
        }
        // The body is the same text, but a longer or shorter front matter moves it: its
        // warnings are rendered again to carry the new line numbers.
        let old_cached = self.bodies.get(rel).cloned();
        let mut moved = None;
        if old_b.body_line != new_b.body_line {
            let Some(names) = self.names.as_ref() else {
                return Ok(None);
            };
            let cx = LinkContext {
                site: r,
                names,
                paths: std::mem::take(&mut self.link_paths),
                assets: std::mem::take(&mut self.link_assets),
                safe_html: site.config.safe_html,
            };
            let depth = urls::depth(&urls::briefing(&new_b.slug));
            let mut d = Diagnostics::new();
            let body = markdown::render(
                &new_b.body,
                new_b.body_line,
                rel,
                &new_b.content_path,
                depth,
                &cx,
                &mut d,
            );
            self.link_paths = cx.paths;
            self.link_assets = cx.assets;
            let same = old_cached.as_ref().is_some_and(|c| {
                c.body.html == body.html && c.body.links == body.links && c.body.ids == body.ids
            });
            if !same || d.has_errors() {
                return Ok(None);
            }
            let key = pipeline::body_key(&new_b.body, new_b.body_line, &new_b.content_path, depth);
            moved = Some(CachedBody::new(key, body, d));
        }

        let mut briefing = (**new_b).clone();
        briefing.body = String::new();
        site.resolved.briefings[bi] = briefing;
        let old_refs = std::mem::replace(&mut site.resolved.refs[bi], refs);
        index::update_briefing(
            &mut site.index,
            &site.resolved,
            BriefingIdx(bi as u32),
            &old_refs,
        );
        if let Some(new) = moved {
            let mut assembled = self.assembled.clone().sorted();
            if let Some(c) = &old_cached {
                for gone in c.diags.iter() {
                    if let Some(i) = assembled.iter().position(|x| x == gone) {
                        assembled.remove(i);
                    }
                }
            }
            let mut next = Diagnostics::new();
            for x in assembled {
                push(&mut next, x);
            }
            next.extend(new.diags.clone());
            self.assembled = next;
            self.bodies.insert(rel.to_string(), new);
        }
        self.files.markdown.insert(rel.to_string(), entry.clone());
        // Section ids of pages (`#stances`, `#related`) follow the index: every fragment
        // link is checked again.
        let empty = markdown::Body::default();
        let bodies = &self.bodies;
        let r = &site.resolved;
        let body_of = |path: &str| bodies.get(path).map_or(&empty, |c| &c.body);
        let mut fragments = Diagnostics::new();
        pipeline::check_fragments(
            r,
            &site.index,
            |i| body_of(&r.briefings[i].path),
            |i| {
                r.entities[i]
                    .profile
                    .as_ref()
                    .map_or(&empty, |p| body_of(&p.path))
            },
            None,
            &mut fragments,
        );
        self.fragments = fragments;
        self.finish(format!("{rel} (front matter)"), start, Scope::All)
            .map(Some)
    }
}

/// Whether `b` keeps what the rest of the site depends on besides its references: its
/// place in date order, what links to it show and resolve by, its tags and its body.
fn same_place(a: &Briefing, b: &Briefing) -> bool {
    let tags = |x: &Briefing| x.tags.iter().map(|t| t.value.clone()).collect::<Vec<_>>();
    a.path == b.path
        && a.slug == b.slug
        && a.title == b.title
        && a.date.epoch == b.date.epoch
        && !a.draft
        && !b.draft
        && tags(a) == tags(b)
        && a.body == b.body
}
