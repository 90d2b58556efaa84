//! The page of an author: profile, the briefings they wrote and those they reviewed.

use super::pages::Views;
use super::paging::PageNo;
use super::structured;
use super::views::AuthorPage;
use crate::model::EntityIdx;

impl Views<'_> {
    /// `authors/<id>/`, and its later pages (`page/N/`) with the lists alone.
    pub fn author_page(&self, e: EntityIdx, n: PageNo) -> AuthorPage {
        let en = self.site.resolved.entity(e);
        let p = en.profile.as_ref();
        let head = n.is_first();
        let description = p
            .and_then(|p| p.bio.clone().or_else(|| p.role.clone()))
            .map(|d| super::words::role_description(&self.i18n, &en.name, &d));
        let (briefings, backlinks) = self.lists_of(e, n);
        let reviewed = &self.site.index.reviewed[e];
        AuthorPage {
            page: self.entity_meta(e, description, n),
            entity: self.entity_on(e, n),
            role: p.and_then(|p| p.role.clone()),
            bio: p.and_then(|p| p.bio.clone()),
            links: p.map(|p| p.links.clone()).unwrap_or_default(),
            email: p.and_then(|p| p.email.clone()),
            briefings,
            reviewed: self.newest_on(reviewed, n),
            reviewed_total: reviewed.len(),
            backlinks,
            json_ld: match head {
                true => structured::entity(self.site, e),
                false => String::new(),
            },
            previews: self.profile_previews(e, n),
        }
    }
}
