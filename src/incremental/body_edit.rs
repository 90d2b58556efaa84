//! The body-only path: a briefing whose front matter did not change gets its body rendered
//! again and its backlinks moved, without resolving or indexing the site again.

use super::{Engine, Outcome, Scope, push, sources};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::{self, LinkContext, Target};
use crate::model::{Briefing, BriefingIdx};
use crate::parse::Parsed;
use crate::pipeline::{self, CachedBody, Fatal};
use crate::{render, urls};
use std::time::Instant;

impl Engine {
    /// A briefing whose front matter is unchanged: render its body again, move its
    /// backlinks, and leave resolution and the index as they are. `None` when the edit is
    /// not of that kind (the entry is then not recorded).
    pub(super) fn try_body_edit(
        &mut self,
        rel: &str,
        entry: sources::Entry,
        start: Instant,
    ) -> Result<Option<Outcome>, Fatal> {
        let (Some(site), Some(names), true) = (self.site.as_mut(), self.names.as_ref(), self.good)
        else {
            return Ok(None);
        };
        let old = self.files.markdown.get(rel);
        let (Some(Parsed::Briefing(old_b)), Some(Parsed::Briefing(new_b))) =
            (old.and_then(|e| e.parsed.as_ref()), entry.parsed.as_ref())
        else {
            return Ok(None);
        };
        if entry.diags.has_errors() || !same_front_matter(old_b, new_b) {
            return Ok(None);
        }
        let Some(b) = site.resolved.briefings.iter().position(|x| x.path == rel) else {
            return Ok(None);
        };
        let cx = LinkContext {
            site: &site.resolved,
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
        if d.has_errors() {
            return Ok(None);
        }
        let key = pipeline::body_key(&new_b.body, new_b.body_line, &new_b.content_path, depth);
        let new = CachedBody::new(key, body, d);
        let old_cached = self.bodies.get(rel).cloned();
        let old_links = old_cached
            .as_ref()
            .map(|c| c.body.links.clone())
            .unwrap_or_default();
        let me = BriefingIdx(b as u32);
        let links_changed = old_links != new.body.links;
        let ids_changed = old_cached
            .as_ref()
            .is_none_or(|c| c.body.ids != new.body.ids);
        for t in old_links.iter().filter(|t| !new.body.links.contains(t)) {
            if let Some(list) = backlinks(&mut site.index, *t, me) {
                list.retain(|&x| x != me);
            }
        }
        for t in new.body.links.iter().filter(|t| !old_links.contains(t)) {
            if let Some(list) = backlinks(&mut site.index, *t, me)
                && let Err(at) = list.binary_search(&me)
            {
                list.insert(at, me);
            }
        }
        let excerpt_changed =
            render::search::excerpt(&site.bodies[b]) != render::search::excerpt(&new.body.html);
        site.bodies[b] = new.body.html.clone();
        let mut assembled: Vec<Diagnostic> = self.assembled.clone().sorted();
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
        self.files.markdown.insert(rel.to_string(), entry);
        // Other bodies' fragment links only change their verdict when this page's ids or
        // backlinks changed; otherwise only this body's own links are checked again.
        let only = (!links_changed && !ids_changed).then_some(b);
        let mut fragments = Diagnostics::new();
        if only.is_some() {
            for x in self.fragments.clone().sorted() {
                if x.path != rel {
                    push(&mut fragments, x);
                }
            }
        }
        let empty = markdown::Body::default();
        let bodies = &self.bodies;
        let r = &site.resolved;
        let body_of = |path: &str| bodies.get(path).map_or(&empty, |c| &c.body);
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
            only,
            &mut fragments,
        );
        self.fragments = fragments;
        // The search index quotes the start of every body: when that changes, the
        // generated files are made again too.
        let scope = if links_changed || excerpt_changed {
            Scope::All
        } else {
            Scope::Pages(vec![render::Page::Briefing(me)])
        };
        self.finish(format!("{rel} (body)"), start, scope).map(Some)
    }
}

fn same_front_matter(a: &Briefing, b: &Briefing) -> bool {
    a.body_line == b.body_line
        && Briefing {
            body: String::new(),
            ..a.clone()
        } == Briefing {
            body: String::new(),
            ..b.clone()
        }
}

fn backlinks(
    ix: &mut crate::index::Index,
    t: Target,
    from: BriefingIdx,
) -> Option<&mut Vec<BriefingIdx>> {
    match t {
        Target::Briefing(x) if x == from => None,
        Target::Briefing(x) => ix.briefing_backlinks.get_mut(x.0 as usize),
        Target::Entity(e) => ix.entity_backlinks.get_mut(e.0 as usize),
    }
}
