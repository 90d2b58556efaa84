//! A briefing moved in date order (a new date or slug), made in place: the briefing and
//! everything kept per briefing or naming one by its index move with it (the site's lists,
//! its bodies and their links, the index, the names body links are looked up by), and what
//! reads dates is found again. The whole site is not resolved, its Markdown not read, nor
//! its index built again, which is most of the general path's time.

use super::Engine;
use crate::id_vec::Id;
use crate::index::{self, Move};
use crate::model::{Briefing, BriefingIdx, Slug};

impl Engine {
    /// Whether an edit of a briefing from `old` to `new` that moves it in date order (or
    /// renames it) can be made in place: its tags are the same (a tag edit finds the site's
    /// tags with the briefing where it was, `resolve::tags_after`) and, when its slug
    /// changed, nothing else is found by that slug: another briefing, a withheld one or a
    /// draft with it would make the site refuse one of them, a body's diagnostic may name
    /// or suggest a slug, and a draft or withheld briefing with the old slug would make a
    /// link by it a warning. (The bodies linking to it are rendered again, as for a new
    /// title: a link by its old slug is then reported as an error.)
    pub(super) fn may_reorder(&self, old: &Briefing, new: &Briefing) -> bool {
        let Some(site) = self.site.as_ref() else {
            return false;
        };
        if super::front_matter_edit::tag_values(old) != super::front_matter_edit::tag_values(new) {
            return false;
        }
        if old.slug == new.slug {
            return true;
        }
        let r = &site.resolved;
        let held = |slug: &Slug| {
            r.withheld.values().any(|(s, ..)| s == slug) || r.drafts.values().any(|s| s == slug)
        };
        let taken = (self.names.as_ref()).is_none_or(|n| n.briefing(new.slug.as_str()).is_some());
        // A link by the old slug to a draft or withheld briefing of that slug would only
        // warn, and leave the index with a link the body no longer has.
        !taken && !held(&new.slug) && !held(&old.slug) && !self.bodies.any_diagnostics()
    }

    /// Puts briefing `b`, whose date or slug the site now holds changed (`dated`: its date),
    /// at its place in date order, and everything kept per briefing with it; returns its
    /// index now. The caller has made its references those of its new front matter.
    pub(super) fn reorder(&mut self, b: BriefingIdx, was: &Slug, dated: bool) -> BriefingIdx {
        let Some(site) = self.site.as_mut() else {
            return b;
        };
        let r = &mut site.resolved;
        let list = r.briefings.as_slice();
        let me = &list[b.index()];
        let key = (me.date.epoch, &me.slug, &me.path);
        let before = |x: &Briefing| (x.date.epoch, &x.slug, &x.path) < key;
        let to = list[..b.index()].partition_point(before)
            + list[b.index() + 1..].partition_point(before);
        let moved = Move {
            from: b.index(),
            to,
        };
        moved.apply(r.briefings.as_mut_slice());
        moved.apply(r.refs.as_mut_slice());
        r.days_in_order =
            (r.briefings.as_slice().windows(2)).all(|w| w[0].date.date <= w[1].date.date);
        if dated {
            // The spelling of a tag is the one written first, in date order.
            r.tags = crate::resolve::tags_of(r.briefings.as_slice());
        }
        moved.apply(site.bodies.as_mut_slice());
        moved.apply(site.outlines.as_mut_slice());
        moved.apply(site.images.briefings.as_mut_slice());
        for o in site
            .outlines
            .iter_mut()
            .chain(site.profile_outlines.iter_mut())
        {
            o.previews.iter_mut().for_each(|t| moved.target(t));
        }
        // Recency ranks ties of one instant by order, and a new date may make or break a
        // tie without moving the briefing: the index is renumbered for any new date.
        if dated || moved.from != moved.to {
            let last = self.bodies.take_related();
            index::reorder(&mut site.index, &site.resolved, moved, last);
            self.bodies
                .keep_related(index::Related::of(&site.resolved, &site.index));
        }
        let now = &site.resolved.briefings[moved.briefing(b)].slug;
        self.bodies.moved(moved, now.as_str());
        self.link_paths.values_mut().for_each(|t| moved.target(t));
        if let Some(names) = self.names.as_mut() {
            names.move_briefing(|x| moved.briefing(x), was, now);
        }
        // The pages of the site are listed by briefing index, and its address is its slug.
        self.targets = None;
        self.derived = Default::default();
        self.recheck_redirects();
        moved.briefing(b)
    }

    /// Checks the site's old addresses (`moved_from:`) again against its pages, which a new
    /// slug or date changes (a briefing's address, the timeline's and as-of pages): their
    /// findings replace those of the last assembly.
    fn recheck_redirects(&mut self) {
        let Some(site) = self.site.as_ref() else {
            return;
        };
        let (_, now) = crate::render::redirects::table(site);
        let codes = crate::render::redirects::CODES;
        let mut next = crate::diagnostic::Diagnostics::new();
        for x in std::mem::take(&mut self.assembled).sorted() {
            if !codes.contains(&x.code) {
                next.add(x);
            }
        }
        next.extend(now);
        self.assembled = next;
    }

    /// Debug builds: checks that what [`Engine::reorder`] and the in-place path around it
    /// made is what the general path makes of the same files.
    #[cfg(debug_assertions)]
    pub(super) fn check_reordered(&self) {
        let Some(site) = self.site.as_ref() else {
            return;
        };
        // An edit that made an error (a link by the old slug, an old address the new one
        // takes) is reported and keeps the last good pages; the next takes the general path.
        if self.assembled.has_errors() {
            return;
        }
        let mut d = crate::diagnostic::Diagnostics::new();
        let ids = (self.theme.as_ref()).map_or(crate::render::theme::default_ids(), |t| &t.ids);
        let laps = super::Laps::default();
        let mut cache = crate::pipeline::BodyCache::default();
        let input = self.input();
        let (fresh, _) = crate::pipeline::assemble(ids, input, Some(&mut cache), &laps, &mut d);
        assert!(self.bodies.same_links(&cache), "the links of cached bodies");
        let findings = |x: &crate::diagnostic::Diagnostics, codes: &[crate::diagnostic::Code]| {
            let mut v: Vec<String> = (x.iter())
                .filter(|x| codes.contains(&x.code))
                .map(|x| format!("{x:?}"))
                .collect();
            v.sort();
            v
        };
        let codes = crate::render::redirects::CODES;
        assert_eq!(
            findings(&self.assembled, &codes),
            findings(&d, &codes),
            "old addresses"
        );
        let codes = crate::consistency::CODES;
        assert_eq!(
            findings(&self.consistency, &codes),
            findings(&d, &codes),
            "consistency findings"
        );
        let (a, b) = (&site.resolved, &fresh.resolved);
        let paths = |r: &crate::resolve::Resolved| {
            (r.briefings.iter())
                .map(|x| (x.path.clone(), x.slug.clone(), x.date.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(a), paths(b), "briefings in order");
        assert_eq!(
            format!("{:?}", a.refs),
            format!("{:?}", b.refs),
            "references"
        );
        assert_eq!(format!("{:?}", a.tags), format!("{:?}", b.tags), "tags");
        assert_eq!(a.days_in_order, b.days_in_order, "days in order");
        assert_eq!(site.bodies.as_slice(), fresh.bodies.as_slice(), "bodies");
        assert_eq!(
            format!("{:?}", site.outlines),
            format!("{:?}", fresh.outlines),
            "outlines"
        );
        assert_eq!(
            format!("{:?}", site.images.briefings),
            format!("{:?}", fresh.images.briefings),
            "pictures"
        );
        assert_eq!(
            format!("{:?}", site.index),
            format!("{:?}", fresh.index),
            "index"
        );
        for (i, x) in fresh.resolved.briefings.iter_ids() {
            let found = self
                .names
                .as_ref()
                .and_then(|n| n.briefing(x.slug.as_str()));
            assert_eq!(found, Some(i), "link name of {}", x.slug);
        }
        let names = fresh.resolved.link_names();
        let assets = fresh.assets.iter().map(|a| a.output_path.clone()).collect();
        let cx = crate::markdown::LinkContext::new(&fresh.resolved, &names, assets, false);
        let sorted = |m: &std::collections::HashMap<String, crate::markdown::Target>| {
            let mut v: Vec<_> = m.iter().map(|(p, t)| (p.clone(), *t)).collect();
            v.sort();
            v
        };
        assert_eq!(sorted(&self.link_paths), sorted(&cx.paths), "link paths");
        assert!(
            self.bodies.follows(&site.resolved),
            "the body cache's briefings"
        );
    }
}
