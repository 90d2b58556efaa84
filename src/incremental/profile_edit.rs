//! The profile-body path: a profile whose front matter did not change, nor what its body
//! links to or the section ids it has, gets its body rendered again without resolving or
//! indexing the site again. Pages and files are then found by fingerprint as usual: its
//! entity's pages, and every page whose link preview of it shows a sentence that changed.

use super::{Engine, FileChange, Outcome, Own, Rebuilt, Scope, sources};
use crate::model::Profile;
use crate::parse::Parsed;
use crate::pipeline::Fatal;
use std::time::Instant;

impl Engine {
    /// A profile whose body alone changed, its links and section ids the same. `None` when
    /// the edit is not of that kind (nothing is then changed).
    pub(super) fn try_profile_body_edit(
        &mut self,
        rel: &str,
        entry: &sources::Entry,
        start: Instant,
    ) -> Result<Option<Outcome>, Fatal> {
        let Some(site) = self.site.as_ref().filter(|_| self.good) else {
            return Ok(None);
        };
        let old = self.files.markdown.get(rel).and_then(|e| e.parsed.as_ref());
        let (Some(Parsed::Profile(old)), Some(Parsed::Profile(new))) = (old, &entry.parsed) else {
            return Ok(None);
        };
        if entry.diags.has_errors() || !same_front_matter(old, new) {
            return Ok(None);
        }
        let of_rel = |p: &Option<Profile>| p.as_ref().is_some_and(|p| p.path == rel);
        let Some((e, _)) = (site.resolved.entities.iter_ids()).find(|(_, x)| of_rel(&x.profile))
        else {
            return Ok(None);
        };
        let new: Profile = (**new).clone();
        let Some(body) = self.render_in_place(rel, Own::Profile(&new, e)) else {
            return Ok(None);
        };
        // Links move backlinks and ids decide fragment links elsewhere: those take the
        // general path, as do new errors (a link to a file only a withheld briefing shows
        // is one here: the general path copies the file again).
        let same_reach = self
            .bodies
            .get(rel)
            .is_some_and(|c| c.body.links == body.body.links && c.body.ids == body.body.ids);
        if !same_reach || body.diags.has_errors() {
            return Ok(None);
        }
        let Some(site) = self.site.as_mut() else {
            return Ok(None);
        };
        if let Some(p) = site.resolved.entities[e].profile.as_mut() {
            p.body = new.body;
            p.body_removed = new.body_removed;
        }
        site.profile_bodies[e] = body.body.html.clone();
        site.profile_outlines[e] = body.body.outline.clone();
        self.replace_body(rel, body);
        self.files.markdown.insert(rel.to_string(), entry.clone());
        // Its own fragment links are checked again: their lines may have moved.
        self.recheck_fragments(None);
        let what = Rebuilt::File(rel.to_string(), FileChange::Profile);
        self.finish(what, start, Scope::All).map(Some)
    }
}

/// Whether `a` and `b` differ in their body only (its first line included).
fn same_front_matter(a: &Profile, b: &Profile) -> bool {
    let bare = |p: &Profile| Profile {
        body: String::new(),
        body_removed: Vec::new(),
        ..p.clone()
    };
    a.body_line == b.body_line && bare(a) == bare(b)
}
