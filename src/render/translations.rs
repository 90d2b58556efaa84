//! The versions of each page in a multilingual site's other languages: what `hreflang`
//! links and the language switcher show, and the sink that writes a tree under `/<lang>/`.

use super::{Page, plan, target};
use crate::languages::{Groups, TreeLang, Trees};
use crate::site::Site;

/// How the pages of `sites` (one per language, the site's language first) correspond:
/// briefings by version group (`groups`, by content path), every other page by path.
pub fn trees(sites: &[Site], groups: &Groups) -> Trees {
    let mut t = Trees::default();
    for (i, site) in sites.iter().enumerate() {
        let tag = site.config.language.clone();
        let name = match site.config.i18n.text("language_name") {
            "language_name" => tag.clone(),
            n => n.to_string(),
        };
        t.langs.push(TreeLang {
            dir: if i == 0 {
                String::new()
            } else {
                format!("{}/", tag.to_ascii_lowercase())
            },
            tag,
            name,
            base_url: site.config.base_url.clone(),
        });
        let pages = plan(site)
            .into_iter()
            .filter(|p| !p.is_feed() && !matches!(p, Page::NotFound))
            .map(|p| target(site, p).0)
            .filter(|p| p.ends_with(".html"))
            .collect();
        t.pages.push(pages);
        let mut group_of = std::collections::HashMap::new();
        let mut page_of = std::collections::HashMap::new();
        for (b, briefing) in site.resolved.briefings.iter_ids() {
            if let Some(g) = groups.get(&briefing.content_path) {
                let path = target(site, Page::Briefing(b)).0;
                page_of.entry(g.clone()).or_insert_with(|| path.clone());
                group_of.insert(path, g.clone());
            }
        }
        t.group_of.push(group_of);
        t.page_of.push(page_of);
    }
    t
}

/// A sink writing into another: every path under `dir` (`fr/`).
pub struct Under<'a> {
    pub inner: &'a dyn crate::output::Sink,
    pub dir: &'a str,
}

/// Files only the output root's copy means anything in (hosts and crawlers read them
/// there): a language's tree leaves them out.
const ROOT_ONLY: &[&str] = &["robots.txt", "_redirects", "redirects.nginx.map"];

impl crate::output::Sink for Under<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        if ROOT_ONLY.contains(&path) {
            return Ok(());
        }
        self.inner.write(&format!("{}{path}", self.dir), bytes)
    }

    fn write_streamed(&self, path: &str, fill: crate::output::Fill<'_>) -> std::io::Result<()> {
        if ROOT_ONLY.contains(&path) {
            return Ok(());
        }
        (self.inner).write_streamed(&format!("{}{path}", self.dir), fill)
    }

    fn link(&self, path: &str, from: &std::path::Path) -> bool {
        self.inner.link(&format!("{}{path}", self.dir), from)
    }
}
