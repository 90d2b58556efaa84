//! How pages name a briefing's or profile's own picture: the `<img>` at the top of the page,
//! `og:image` in its head and `image` in its JSON-LD.

use super::views::{CardView, ImageSize, ImageView};
use crate::images::{Picture, Source};
use crate::site::Site;
use serde_json::{Value, json};

/// The width `src` names: the narrowest made at least as wide as the text column's
/// (older browsers, which read no `srcset`, show this one).
const DEFAULT_WIDTH: u32 = crate::images::PAGE_WIDTHS[0];

/// `picture` as the page shows it.
pub fn image(picture: &Picture) -> ImageView {
    let alt = picture.alt.clone().unwrap_or_default();
    match &picture.source {
        Source::Remote(url) => ImageView {
            url: url.clone(),
            remote: true,
            width: None,
            height: None,
            srcset: Vec::new(),
            alt,
        },
        Source::Local(local) => {
            let srcset: Vec<ImageSize> = (local.page_sizes().into_iter())
                .map(|v| ImageSize {
                    url: v.path,
                    width: v.width,
                    height: v.height,
                })
                .collect();
            let default = (srcset.iter())
                .find(|s| s.width >= DEFAULT_WIDTH)
                .or(srcset.last())
                .cloned();
            ImageView {
                url: default.as_ref().map(|d| d.url.clone()).unwrap_or_default(),
                remote: false,
                width: default.as_ref().map(|d| d.width),
                height: default.as_ref().map(|d| d.height),
                srcset,
                alt,
            }
        }
    }
}

/// `picture` as the page's social card: its Open Graph file, absolute under base_url, or
/// its address elsewhere. `title` stands for a picture without a text alternative.
pub fn card(site: &Site, picture: &Picture, title: &str) -> CardView {
    let alt = match picture.alt.as_deref() {
        Some(a) if !a.is_empty() => a.to_string(),
        _ => title.to_string(),
    };
    match &picture.source {
        Source::Remote(url) => CardView {
            url: url.clone(),
            width: None,
            height: None,
            media_type: None,
            alt,
        },
        Source::Local(local) => {
            let og = local.og();
            CardView {
                url: format!("{}{}", site.config.base_url, og.path),
                width: Some(og.width),
                height: Some(og.height),
                media_type: Some(local.encoding.media_type()),
                alt,
            }
        }
    }
}

/// schema.org's `image` of `picture`: its widest file and its Open Graph one, absolute, or
/// its address elsewhere.
pub fn json_ld(site: &Site, picture: &Picture) -> Value {
    match &picture.source {
        Source::Remote(url) => json!([url]),
        Source::Local(local) => {
            let base = &site.config.base_url;
            let mut urls: Vec<String> = (local.page_sizes().last())
                .map(|v| format!("{base}{}", v.path))
                .into_iter()
                .collect();
            urls.push(format!("{base}{}", local.og().path));
            json!(urls)
        }
    }
}
