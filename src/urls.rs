//! Page paths and links. Pages link to each other with relative URLs, so a site works under
//! any base path and from disk; canonical URLs, feeds and the sitemap use base_url.

use crate::model::{EntityId, Kind, Slug};

/// The folder of a briefing's page, relative to the output root: `briefings/<slug>/`.
pub fn briefing(slug: &Slug) -> String {
    format!("briefings/{slug}/")
}

/// The folder of an entity's page: `actors/<id>/`.
pub fn entity(id: &EntityId) -> String {
    format!("{}/{}/", id.kind.dir(), id.slug)
}

/// The folder of an entity kind's index: `actors/`.
pub fn kind_index(kind: Kind) -> String {
    format!("{}/", kind.dir())
}

/// The folder of a tag's page: `tags/<slug>/`.
pub fn tag(slug: &Slug) -> String {
    format!("tags/{slug}/")
}

/// A link from a page `root` (`../../`) to the page in folder `dir`, naming `index.html`
/// so that the site can be browsed from disk as well as served.
pub fn href(root: &str, dir: &str) -> String {
    format!("{root}{dir}index.html")
}

/// How many folders below the output root a page folder is.
pub fn depth(dir: &str) -> usize {
    dir.split('/').filter(|s| !s.is_empty()).count()
}

/// The relative prefix from a page in folder `dir` back to the output root.
pub fn root_of(dir: &str) -> String {
    "../".repeat(depth(dir))
}

/// Splits a base URL into its normalized form (ending in `/`) and its path (`/desk/`).
pub fn split_base(base_url: &str) -> (String, String) {
    let mut base = base_url.trim().to_string();
    if !base.ends_with('/') {
        base.push('/');
    }
    let path = match base.find("://") {
        Some(i) => base[i + 3..]
            .find('/')
            .map_or("/".to_string(), |j| base[i + 3 + j..].to_string()),
        None => {
            if base.starts_with('/') {
                base.clone()
            } else {
                format!("/{base}")
            }
        }
    };
    (base, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(
            split_base("https://example.org/desk"),
            ("https://example.org/desk/".into(), "/desk/".into())
        );
        assert_eq!(
            split_base("https://example.org"),
            ("https://example.org/".into(), "/".into())
        );
        assert_eq!(root_of("briefings/x/"), "../../");
        assert_eq!(href("../../", "actors/a/"), "../../actors/a/index.html");
        assert_eq!(href("", ""), "index.html");
    }
}
