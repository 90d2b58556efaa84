//! Pictures: a briefing's or profile's own `image:`, found among the site's files, checked
//! from its header and made at build time into the sizes the default theme shows (a few
//! widths for the page, the Open Graph size for links shared); and the width and height of
//! the pictures bodies show, so that pages do not jump while they load.
//!
//! Made files are named by the hash of the picture's bytes and of how they are made, so an
//! unchanged picture keeps its names, and a cache ([`crate::image_cache`]) never makes them
//! twice.

pub mod locate;
pub mod made;
pub mod probe;
pub mod process;

use crate::diagnostic::{Code, Diagnostics, Span};
use crate::id_vec::IdVec;
use crate::model::{BriefingIdx, EntityIdx, ImageRef};
use crate::resolve::Resolved;
use crate::source::StaticFile;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// Widths a page shows a picture at (`srcset`), narrowest first: the text column once and
/// twice over, for screens of one and two pixels a point. A picture narrower than the
/// widest is also made at its own width, and never enlarged.
pub const PAGE_WIDTHS: [u32; 2] = [800, 1600];

/// The `og:image` size, as the social cards': the one every network shows uncropped. The
/// picture is cut to its proportions about its centre, enlarged when smaller.
pub const OG_WIDTH: u32 = 1200;
pub const OG_HEIGHT: u32 = 630;

/// Changed whenever the same picture would give other bytes (resampling, encoders, their
/// settings), so that files made the older way get new names and are not reused.
pub const RECIPE: &str = "dossier-image-1 image-0.25 catmull-rom jpeg-q82 png-default";

/// How made files are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// For PNG pictures and any with transparency: lines and text stay sharp.
    Png,
    /// For JPEG pictures and opaque WebP ones: photographs.
    Jpeg,
}

impl Encoding {
    /// The extension of its files.
    pub fn ext(self) -> &'static str {
        match self {
            Encoding::Png => "png",
            Encoding::Jpeg => "jpg",
        }
    }

    /// Its media type, for `og:image:type`.
    pub fn media_type(self) -> &'static str {
        match self {
            Encoding::Png => "image/png",
            Encoding::Jpeg => "image/jpeg",
        }
    }
}

/// One file made of a picture: its output path and pixel size.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Variant {
    pub path: String,
    pub width: u32,
    pub height: u32,
    /// Cut to its proportions (the Open Graph size) rather than scaled whole.
    pub crop: bool,
}

/// A picture that is a file of the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Local {
    /// Where it is read from: its canonical path, as the walk of the site found it.
    pub source: PathBuf,
    /// Where it is in the site, for messages: `content/briefings/map.png`.
    pub shown: String,
    /// The file whose `image:` names it, and where, for errors of the build.
    pub owner: String,
    pub span: Span,
    /// 16 hex digits of the stable hash of its bytes and [`RECIPE`].
    pub hash: String,
    pub encoding: Encoding,
    /// Its size as shown (a JPEG's EXIF orientation applied).
    pub width: u32,
    pub height: u32,
}

impl Local {
    /// The files a page shows, narrowest first (see [`PAGE_WIDTHS`]).
    pub fn page_sizes(&self) -> Vec<Variant> {
        let widest = PAGE_WIDTHS[PAGE_WIDTHS.len() - 1];
        let mut widths: Vec<u32> = (PAGE_WIDTHS.iter().copied())
            .filter(|&w| w < self.width)
            .collect();
        if self.width <= widest {
            widths.push(self.width);
        }
        widths
            .into_iter()
            .map(|w| {
                // Rounded, never 0: a panorama 12,000 by 1 stays a line.
                let h = (u64::from(self.height) * u64::from(w) + u64::from(self.width) / 2)
                    / u64::from(self.width);
                self.variant(&w.to_string(), w, (h as u32).max(1), false)
            })
            .collect()
    }

    /// The `og:image` file.
    pub fn og(&self) -> Variant {
        let name = format!("{OG_WIDTH}x{OG_HEIGHT}");
        self.variant(&name, OG_WIDTH, OG_HEIGHT, true)
    }

    /// Every file made of it: the page's sizes, then the Open Graph one.
    pub fn files(&self) -> Vec<Variant> {
        let mut all = self.page_sizes();
        all.push(self.og());
        all
    }

    fn variant(&self, name: &str, width: u32, height: u32, crop: bool) -> Variant {
        Variant {
            path: format!("images/{}-{name}.{}", self.hash, self.encoding.ext()),
            width,
            height,
            crop,
        }
    }
}

/// Where a picture is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    Local(Local),
    /// An `http(s)://` address, used as written: never fetched, so neither sized nor made
    /// smaller.
    Remote(String),
}

/// A briefing's or profile's picture and its text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Picture {
    pub source: Source,
    /// `alt:` as written; empty for a picture that only decorates, `None` when missing.
    pub alt: Option<String>,
}

impl Picture {
    /// The local file, if it is one.
    pub fn local(&self) -> Option<&Local> {
        match &self.source {
            Source::Local(l) => Some(l),
            Source::Remote(_) => None,
        }
    }
}

/// What the pictures of a site are: each briefing's and profile's, and the size of each
/// file a body may show.
#[derive(Debug, Default)]
pub struct SiteImages {
    pub briefings: IdVec<BriefingIdx, Option<Picture>>,
    pub entities: IdVec<EntityIdx, Option<Picture>>,
    /// Width and height (as shown) of each picture under `content/`, by its path there.
    pub sizes: HashMap<String, (u32, u32)>,
}

impl SiteImages {
    /// Every local picture of the site once (two pages may share one), in page order.
    pub fn locals(&self) -> Vec<&Local> {
        let mut seen = BTreeSet::new();
        (self.briefings.iter().chain(self.entities.iter()))
            .flatten()
            .filter_map(Picture::local)
            .filter(|l| seen.insert(l.hash.as_str()))
            .collect()
    }
}

/// The site's files a picture may be, for [`find`].
pub struct Files<'a> {
    pub statics: &'a [StaticFile],
    pub assets: &'a [StaticFile],
}

/// Finds and checks every picture of `resolved`'s briefings and profiles among `files`
/// (headers read through `memo`), and sizes every picture under `content/`. Problems go
/// to `diags`; a picture with one is left out.
pub fn find(
    resolved: &Resolved,
    files: &Files<'_>,
    memo: &probe::Memo,
    diags: &mut Diagnostics,
) -> SiteImages {
    let index = locate::Index::new(files.statics, files.assets);
    let one = |r: &ImageRef, path: &str, content_path: &str| {
        let mut d = Diagnostics::new();
        let p = picture(r, path, content_path, &index, memo, &mut d);
        (p, d)
    };
    let briefings: Vec<(Option<Picture>, Diagnostics)> = (resolved.briefings.as_slice())
        .par_iter()
        .map(|b| one(&b.picture, &b.path, &b.content_path))
        .collect();
    let entities: Vec<(Option<Picture>, Diagnostics)> = (resolved.entities.as_slice())
        .par_iter()
        .map(|e| match &e.profile {
            Some(p) => one(&p.picture, &p.path, &p.content_path),
            None => (None, Diagnostics::new()),
        })
        .collect();
    let mut take = |list: Vec<(Option<Picture>, Diagnostics)>| -> Vec<Option<Picture>> {
        (list.into_iter())
            .map(|(p, d)| {
                diags.extend(d);
                p
            })
            .collect()
    };
    SiteImages {
        briefings: IdVec::from_vec(take(briefings)),
        entities: IdVec::from_vec(take(entities)),
        sizes: probe::body_sizes(files.assets, memo),
    }
}

/// The picture `r` names, in the file at `path` (`content_path` under `content/`).
pub fn picture(
    r: &ImageRef,
    path: &str,
    content_path: &str,
    index: &locate::Index<'_>,
    memo: &probe::Memo,
    diags: &mut Diagnostics,
) -> Option<Picture> {
    let image = r.image.as_ref()?;
    let alt = r.alt.as_ref().map(|a| a.value.clone());
    let file = match index.locate(&image.value, content_path) {
        Ok(locate::Found::Remote(url)) => {
            return Some(Picture {
                source: Source::Remote(url),
                alt,
            });
        }
        Ok(locate::Found::File(f)) => f,
        Err(e) => {
            let d = diags.error(Code::ImageNotFound, path, image.span, e.message());
            if let Some(h) = e.help() {
                d.with_help(h);
            }
            return None;
        }
    };
    let header = match memo.probe(&file.source) {
        Ok(h) => h,
        Err(refusal) => {
            let (code, why) = refusal.explain();
            diags
                .error(
                    code,
                    path,
                    image.span,
                    format!("`image:` {}: {why}", file.shown),
                )
                .with_help(refusal.help());
            return None;
        }
    };
    Some(Picture {
        source: Source::Local(Local {
            source: file.source.clone(),
            shown: file.shown,
            owner: path.to_string(),
            span: image.span,
            hash: header.hash,
            encoding: header.encoding,
            width: header.width,
            height: header.height,
        }),
        alt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(width: u32, height: u32) -> Local {
        Local {
            source: PathBuf::new(),
            shown: String::new(),
            owner: String::new(),
            span: Span::FILE,
            hash: "0123456789abcdef".into(),
            encoding: Encoding::Jpeg,
            width,
            height,
        }
    }

    fn widths(l: &Local) -> Vec<(u32, u32)> {
        l.page_sizes().iter().map(|v| (v.width, v.height)).collect()
    }

    #[test]
    fn page_sizes_are_the_theme_widths_below_the_picture_and_never_enlarge_it() {
        assert_eq!(widths(&local(2400, 1600)), [(800, 533), (1600, 1067)]);
        assert_eq!(widths(&local(1600, 900)), [(800, 450), (1600, 900)]);
        assert_eq!(widths(&local(1000, 500)), [(800, 400), (1000, 500)]);
        assert_eq!(widths(&local(640, 480)), [(640, 480)]);
        assert_eq!(widths(&local(12_000, 1)), [(800, 1), (1600, 1)]);
        let l = local(640, 480);
        assert_eq!(l.og().path, "images/0123456789abcdef-1200x630.jpg");
        assert_eq!(l.page_sizes()[0].path, "images/0123456789abcdef-640.jpg");
        assert_eq!(l.files().len(), 2);
    }
}
