//! The body-only path: a briefing whose front matter did not change gets its body rendered
//! again and its backlinks moved, without resolving or indexing the site again.

use super::{Engine, FileChange, Outcome, Rebuilt, Scope, SearchPatch, sources};
use crate::markdown::Target;
use crate::model::{Briefing, BriefingIdx};
use crate::pipeline::Fatal;
use crate::render;
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
        let Some((b, _, new_b)) = self.edited_briefing(rel, &entry, same_front_matter) else {
            return Ok(None);
        };
        let new_b = new_b.clone();
        let Some(new) = self.render_in_place(rel, super::Own::Briefing(&new_b)) else {
            return Ok(None);
        };
        if new.diags.has_errors() {
            return Ok(None);
        }
        let Some(site) = self.site.as_mut() else {
            return Ok(None);
        };
        let old_cached = self.bodies.get(rel).cloned();
        let old_links = old_cached
            .as_ref()
            .map(|c| c.body.links.clone())
            .unwrap_or_default();
        let me = b;
        let links_changed = old_links != new.body.links;
        let briefings_of = |links: &[Target]| -> Vec<Target> {
            (links.iter())
                .filter(|t| matches!(t, Target::Briefing(_)))
                .copied()
                .collect()
        };
        // Whether a change of position is said (by linking the earlier briefing, or in
        // words) is judged over the whole site: the general path checks it again.
        let cues = |html: &str| crate::change_words::Cues::of(html);
        let old_html = old_cached.as_ref().map_or("", |c| c.body.html.as_str());
        if !new_b.stances.is_empty()
            && (briefings_of(&old_links) != briefings_of(&new.body.links)
                || cues(old_html) != cues(&new.body.html))
        {
            return Ok(None);
        }
        let touched: Vec<_> = (old_links.iter().chain(&new.body.links))
            .filter_map(|t| match t {
                Target::Entity(e) => Some(*e),
                Target::Briefing(_) => None,
            })
            .collect();
        // Which pages entities have changes only with their links.
        let pages_of = |site: &crate::site::Site| match links_changed {
            true => super::entity_pages(site, &touched),
            false => Vec::new(),
        };
        let pages_before = pages_of(site);
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
        site.index.body_entities[me] = crate::index::body_entities(&new.body.links);
        if pages_of(site) != pages_before {
            // An entity gained or lost a page: the site's list of pages changed.
            self.targets = None;
        }
        let text_changed = !render::search::same_text(&site.bodies[b], &new.body.html);
        let old_html = std::mem::replace(&mut site.bodies[b], new.body.html.clone());
        site.outlines[b] = new.body.outline.clone();
        self.replace_body(rel, new);
        self.files.markdown.insert(rel.to_string(), entry);
        // Other bodies' fragment links only change their verdict when this page's ids or
        // backlinks changed; otherwise only this body's own links are checked again.
        self.recheck_fragments((!links_changed && !ids_changed).then_some((b, rel)));
        // The search index holds every word of every body: when the text changes, its
        // files are updated in place, or made again with the other generated files.
        let patched = match (links_changed, text_changed) {
            (true, _) => None,
            (false, true) => self.patch_search_text(b, &old_html),
            (false, false) => Some(SearchPatch::default()),
        };
        let scope = match patched {
            Some(patch) => Scope::Pages(vec![render::Page::Briefing(me)], patch),
            None => Scope::All,
        };
        let what = Rebuilt::File(rel.to_string(), FileChange::Body);
        self.finish(what, start, scope).map(Some)
    }
}

impl Engine {
    /// The full-text files that change when the body of briefing `b` was `old_html` and is
    /// now the one in the site: its text file and the word files of the words it gained or
    /// lost. `None` when they cannot be updated in place (the word lists were not kept, the
    /// excerpt in `search-index.json` changed): the files are then made again.
    fn patch_search_text(&mut self, b: BriefingIdx, old_html: &str) -> Option<SearchPatch> {
        use crate::render::search;
        self.laps.begin("search files in place");
        let site = self.site.as_ref()?;
        let new_html = &site.bodies[b];
        if search::excerpt(old_html) != search::excerpt(new_html) {
            return None;
        }
        let mut postings = self.made.postings.take()?;
        let files = std::sync::Mutex::new(Vec::new());
        let emit = |p: String, bytes: Vec<u8>| {
            files
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((p, bytes));
        };
        let paths = search::update_text_files(site, &mut postings, None, &[b], &emit);
        self.made.postings = Some(postings);
        self.made.patched_search_text();
        let files = files.into_inner().unwrap_or_else(|e| e.into_inner());
        Some(SearchPatch { files, paths })
    }
}

fn same_front_matter(a: &Briefing, b: &Briefing) -> bool {
    a.body_line == b.body_line
        && Briefing {
            body: Default::default(),
            ..a.clone()
        } == Briefing {
            body: Default::default(),
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
        Target::Briefing(x) => ix.briefing_backlinks.get_mut(x),
        Target::Entity(e) => ix.entity_backlinks.get_mut(e),
    }
}
