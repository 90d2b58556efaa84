//! Which file `image:` names: a path relative to the file it is written in, or from the
//! site's root (`/maps/x.png`: `static/maps/x.png`, else `content/maps/x.png`), among the
//! files the walk of the site found (so a symlink out of the site, refused there, is no
//! file here); or an `http(s)://` address, kept as written. No disk access.

use crate::model::ImagePath;
use crate::source::StaticFile;
use std::collections::HashMap;

/// The files a picture may be, by where they land in the output.
pub struct Index<'a> {
    statics: HashMap<&'a str, &'a StaticFile>,
    assets: HashMap<&'a str, &'a StaticFile>,
}

/// A file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub source: std::path::PathBuf,
    /// `content/briefings/map.png` or `static/maps/x.png`.
    pub shown: String,
}

/// What `image:` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    File(File),
    /// An `http(s)://` address.
    Remote(String),
}

/// Why `image:` names nothing usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFound {
    /// An address of another scheme (`data:`, `ftp:`), or one without (`//host/x.png`).
    Scheme {
        written: String,
        scheme: Option<String>,
    },
    /// `..` past `content/` (or past the root of a `/` path).
    Outside { written: String },
    /// No such file; the nearest name in its folder, as it would be written.
    Missing {
        written: String,
        looked_for: String,
        suggestion: Option<String>,
    },
}

impl NotFound {
    /// The message, after `file:line:col: error: `.
    pub fn message(&self) -> String {
        match self {
            NotFound::Scheme {
                written,
                scheme: Some(s),
            } => format!(
                "`image: {written}`: a picture is a file of the site or an http(s) address, not a `{s}:` one"
            ),
            NotFound::Scheme { written, .. } => {
                format!("`image: {written}` names no host's scheme: write https://")
            }
            NotFound::Outside { written } => format!(
                "`image: {written}` leads out of content/: a picture must be a file of the site"
            ),
            NotFound::Missing {
                written,
                looked_for,
                ..
            } => format!("`image: {written}`: there is no file {looked_for}"),
        }
    }

    /// The help line, when there is one.
    pub fn help(&self) -> Option<String> {
        match self {
            NotFound::Missing {
                suggestion: Some(s),
                ..
            } => Some(format!("did you mean `{s}`?")),
            NotFound::Missing { .. } => Some(
                "a path is relative to the file it is written in; one starting with `/` is from the site's root (static/, then content/)".into(),
            ),
            NotFound::Outside { .. } => {
                Some("put the picture beside the briefing, or under static/ and write `/path`".into())
            }
            NotFound::Scheme { .. } => None,
        }
    }
}

impl<'a> Index<'a> {
    /// The files of `static/` and the other files of `content/`.
    pub fn new(statics: &'a [StaticFile], assets: &'a [StaticFile]) -> Index<'a> {
        let by_path = |files: &'a [StaticFile]| {
            (files.iter())
                .map(|f| (f.output_path.as_str(), f))
                .collect::<HashMap<_, _>>()
        };
        Index {
            statics: by_path(statics),
            assets: by_path(assets),
        }
    }

    /// The file or address `written` names, in the file at `content_path` (under
    /// `content/`).
    pub fn locate(&self, written: &str, content_path: &str) -> Result<Found, NotFound> {
        let written = written.trim();
        if let Some(scheme) = crate::urls::scheme(written) {
            return match scheme.as_str() {
                "http" | "https" => Ok(Found::Remote(written.to_string())),
                _ => Err(NotFound::Scheme {
                    written: written.to_string(),
                    scheme: Some(scheme),
                }),
            };
        }
        if written.starts_with("//") {
            return Err(NotFound::Scheme {
                written: written.to_string(),
                scheme: None,
            });
        }
        let outside = || NotFound::Outside {
            written: written.to_string(),
        };
        match crate::model::image_path(written, content_path).ok_or_else(outside)? {
            ImagePath::FromRoot(path) => {
                let hit = (self.statics.get(path.as_str()).map(|f| (f, "static")))
                    .or_else(|| self.assets.get(path.as_str()).map(|f| (f, "content")));
                match hit {
                    Some((f, dir)) => Ok(Found::File(File {
                        source: f.source.clone(),
                        shown: format!("{dir}/{path}"),
                    })),
                    None => Err(self.missing(written, &path, true)),
                }
            }
            ImagePath::Content(path) => match self.assets.get(path.as_str()) {
                Some(f) => Ok(Found::File(File {
                    source: f.source.clone(),
                    shown: format!("content/{path}"),
                })),
                None => Err(self.missing(written, &path, false)),
            },
        }
    }

    /// `written` (the path `path`, from the root when `from_root`) found nothing: the
    /// nearest name of its folder, written the way `written` was.
    fn missing(&self, written: &str, path: &str, from_root: bool) -> NotFound {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        let mut names: Vec<&str> = (self.assets.keys())
            .chain(self.statics.keys().filter(|_| from_root))
            .filter_map(|p| {
                let (d, n) = p.rsplit_once('/').unwrap_or(("", p));
                (d == dir).then_some(n)
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        let suggestion =
            crate::suggest::closest(name, names).map(|best| match written.rsplit_once('/') {
                Some((written_dir, _)) => format!("{written_dir}/{best}"),
                None => best.to_string(),
            });
        let looked_for = match from_root {
            true => format!("static/{path} or content/{path}"),
            false => format!("content/{path}"),
        };
        NotFound::Missing {
            written: written.to_string(),
            looked_for,
            suggestion,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(out: &str, src: &str) -> StaticFile {
        StaticFile {
            output_path: out.into(),
            source: src.into(),
        }
    }

    #[test]
    fn paths_are_relative_to_the_file_or_from_the_root_and_addresses_kept() {
        let statics = [file("maps/front.png", "/s/static/maps/front.png")];
        let assets = [
            file("briefings/map.png", "/s/content/briefings/map.png"),
            file("shared/logo.jpg", "/s/content/shared/logo.jpg"),
            file("maps/front.png", "/s/content/maps/front.png"),
        ];
        let ix = Index::new(&statics, &assets);
        let at = "briefings/2025-01-01-x.md";
        let shown = |w: &str| match ix.locate(w, at) {
            Ok(Found::File(f)) => f.shown,
            other => panic!("{w}: {other:?}"),
        };
        assert_eq!(shown("map.png"), "content/briefings/map.png");
        assert_eq!(shown("./map.png"), "content/briefings/map.png");
        assert_eq!(shown("../shared/logo.jpg"), "content/shared/logo.jpg");
        // From the root, static/ first, as in the output.
        assert_eq!(shown("/maps/front.png"), "static/maps/front.png");
        assert_eq!(shown("/shared/logo.jpg"), "content/shared/logo.jpg");
        assert_eq!(
            ix.locate(" https://example.org/a.jpg ", at),
            Ok(Found::Remote("https://example.org/a.jpg".into()))
        );
    }

    #[test]
    fn what_names_no_file_says_why_with_the_nearest_name() {
        let assets = [file(
            "briefings/front-map.png",
            "/s/content/briefings/front-map.png",
        )];
        let ix = Index::new(&[], &assets);
        let at = "briefings/x.md";
        let err = ix.locate("front-mpa.png", at).expect_err("missing");
        assert_eq!(
            err.message(),
            "`image: front-mpa.png`: there is no file content/briefings/front-mpa.png"
        );
        assert_eq!(err.help().as_deref(), Some("did you mean `front-map.png`?"));
        let err = ix.locate("./front-mpa.png", at).expect_err("missing");
        assert_eq!(
            err.help().as_deref(),
            Some("did you mean `./front-map.png`?")
        );
        for outside in ["../../etc/passwd", "../../../x.png", "/../x.png"] {
            assert!(
                matches!(ix.locate(outside, at), Err(NotFound::Outside { .. })),
                "{outside}"
            );
        }
        for scheme in [
            "data:image/png;base64,AAAA",
            "javascript:alert(1)",
            "ftp://h/x.png",
        ] {
            assert!(
                matches!(ix.locate(scheme, at), Err(NotFound::Scheme { .. })),
                "{scheme}"
            );
        }
        assert!(matches!(
            ix.locate("//cdn.example.org/x.png", at),
            Err(NotFound::Scheme { scheme: None, .. })
        ));
    }
}
