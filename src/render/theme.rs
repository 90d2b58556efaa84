//! Loads templates: the default theme compiled into the binary, overridden per template by
//! `themes/<name>/templates/X.html` of the site.

use crate::confine::{Confine, Refused, Use};
use crate::diagnostic::{Code, Diagnostics, Span};
use crate::index::Index;
use crate::markdown::Target;
use crate::model::Kind;
use crate::resolve::Resolved;
use crate::source::{self, Skip};
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A loaded theme: compiled templates and where each came from (for error messages).
pub struct Theme {
    pub tera: tera::Tera,
    /// Template name → path shown in diagnostics.
    sources: Vec<(String, String)>,
    /// The site theme's folder, if any.
    pub dir: Option<PathBuf>,
    /// Template name → hash of its text, so a live preview knows which pages a change touches.
    pub hashes: std::collections::BTreeMap<String, u64>,
    /// The theme's own static files (output path, canonical source), sorted; found when
    /// the theme is loaded, so their warnings are reported with the theme's.
    statics: Vec<(String, PathBuf)>,
}

impl Theme {
    /// The diagnostic path of template `name`.
    pub fn source_of(&self, name: &str) -> String {
        self.sources.iter().find(|(n, _)| n == name).map_or_else(
            || format!("themes/default/templates/{name}"),
            |(_, p)| p.clone(),
        )
    }

    /// Turns a tera error into a diagnostic with the template's file, line and column.
    pub fn report(&self, fallback: &str, e: &tera::Error, diags: &mut Diagnostics) {
        match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                let name = if r.filename().is_empty() {
                    fallback
                } else {
                    r.filename()
                };
                let span = r.span();
                diags.error(
                    Code::Template,
                    &self.source_of(name),
                    Span::new(span.start_line.max(1) as u32, span.start_col as u32 + 1),
                    format!("template error: {}", r.message()),
                );
            }
            other => {
                let mut msg = other.to_string();
                let mut src = std::error::Error::source(e);
                while let Some(s) = src {
                    msg.push_str(": ");
                    msg.push_str(&s.to_string());
                    src = s.source();
                }
                // Validation errors arrive as rendered reports: `error: MSG` then `--> NAME:L:C`.
                let mut found = false;
                let mut last = String::new();
                for line in msg.lines() {
                    if let Some(m) = line.strip_prefix("error: ") {
                        last = m.to_string();
                    } else if let Some(loc) = line.trim_start().strip_prefix("--> ") {
                        let mut parts = loc.rsplitn(3, ':');
                        let col = parts.next().and_then(|c| c.trim().parse::<u32>().ok());
                        let line_no = parts.next().and_then(|l| l.trim().parse::<u32>().ok());
                        if let (Some(c), Some(l), Some(name)) = (col, line_no, parts.next()) {
                            diags.error(
                                Code::Template,
                                &self.source_of(name.trim()),
                                Span::new(l, c),
                                format!("template error: {last}"),
                            );
                            found = true;
                        }
                    }
                }
                if found {
                    return;
                }
                diags.error(
                    Code::Template,
                    &self.source_of(fallback),
                    Span::FILE,
                    format!("template error: {msg}"),
                );
            }
        }
    }
}

/// Loads the default templates and the site theme's overrides. `None` on errors (reported).
pub fn load(root: &Path, theme: Option<&str>, diags: &mut Diagnostics) -> Option<Theme> {
    load_in(&Confine::new(root, None), theme, diags)
}

/// [`load`] within the bounds `confine`: the theme's files are read as static files are,
/// never through a link out of the site or into a dotfile or the output.
pub fn load_in(confine: &Confine, theme: Option<&str>, diags: &mut Diagnostics) -> Option<Theme> {
    let mut templates: Vec<(String, String, String)> = Vec::new();
    if let Some(dir) = DEFAULT_THEME.get_dir("templates") {
        for f in dir.files() {
            let name = f
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            if let Some(text) = f.contents_utf8() {
                templates.push((
                    name.clone(),
                    format!("themes/default/templates/{name}"),
                    text.to_string(),
                ));
            }
        }
    }
    let mut theme_dir = None;
    let mut statics = Vec::new();
    if let Some(name) = theme {
        let dir = confine.root.join("themes").join(name);
        let refused = |link: &Path, why: &Refused, diags: &mut Diagnostics| {
            let message = match why {
                Refused::Loop => "symlink loop: not followed".to_string(),
                why => format!("symlink points {}: not followed", why.why()),
            };
            diags.warning(
                Code::SymlinkSkipped,
                &confine.shown(link),
                Span::FILE,
                message,
            );
        };
        let found = match confine.resolve(&dir, Use::Verbatim) {
            Ok(t) => t.filter(|t| t.is_dir()),
            Err((link, why)) => {
                refused(&link, &why, diags);
                None
            }
        };
        if found.is_none() {
            diags.error(
                Code::ThemeNotFound,
                "site.yaml",
                Span::FILE,
                format!("theme `{name}` not found: expected a folder themes/{name}/"),
            );
            return None;
        }
        let tdir = dir.join("templates");
        // Only the folder's own files are templates; the walk applies the same rules to
        // links as for static files, and its warnings are the build's.
        for f in source::walk(confine, &tdir, Skip::Templates, diags) {
            if f.path.parent() != Some(tdir.as_path()) {
                continue;
            }
            let Some(fname) = f.path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let fname = fname.to_string();
            let shown = format!("themes/{name}/templates/{fname}");
            match source::read_confined_text(&f.target) {
                Ok(text) => {
                    templates.retain(|(n, _, _)| *n != fname);
                    templates.push((fname, shown, text));
                }
                Err((span, msg)) => {
                    diags.error(Code::FileUnreadable, &shown, span, msg);
                }
            }
        }
        let sdir = dir.join("static");
        statics = source::statics(confine, &sdir, diags)
            .into_iter()
            .map(|f| (f.output_path, f.source))
            .collect();
        theme_dir = Some(dir);
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    let mut ok = true;
    let mut sources = Vec::new();
    for (name, shown, _) in &templates {
        sources.push((name.clone(), shown.clone()));
    }
    let tmp = Theme {
        tera: tera::Tera::new(),
        sources: sources.clone(),
        dir: None,
        hashes: Default::default(),
        statics: Vec::new(),
    };
    let hashes = templates
        .iter()
        .map(|(n, _, t)| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            t.hash(&mut h);
            (n.clone(), h.finish())
        })
        .collect();
    if let Err(e) =
        tera.add_raw_templates(templates.iter().map(|(n, _, t)| (n.as_str(), t.as_str())))
    {
        tmp.report("base.html", &e, diags);
        ok = false;
    }
    ok.then_some(Theme {
        tera,
        sources,
        dir: theme_dir,
        hashes,
        statics,
    })
}

/// The default theme's static files (output path, bytes).
pub fn default_statics() -> Vec<(String, &'static [u8])> {
    let mut out = Vec::new();
    if let Some(dir) = DEFAULT_THEME.get_dir("static") {
        collect(dir, &mut out);
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for f in dir.files() {
        let rel = f.path().strip_prefix("static").unwrap_or(f.path());
        out.push((crate::diagnostic::display_path(rel), f.contents()));
    }
    for d in dir.dirs() {
        collect(d, out);
    }
}

/// The site theme's own static files (output path, source), sorted.
pub fn site_statics(theme: &Theme) -> Vec<(String, PathBuf)> {
    theme.statics.clone()
}

/// Whether the default theme gives the page of `t` an element with id `frag` (a section
/// such as `stances`, or a row such as `source-2`), as rendered for this site.
pub fn has_section_id(r: &Resolved, ix: &Index, t: Target, frag: &str) -> bool {
    let numbered = |prefix: &str, count: usize| {
        frag.strip_prefix(prefix)
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n >= 1 && n <= count)
    };
    if frag == "main" {
        return true;
    }
    match t {
        Target::Briefing(b) => {
            let br = r.briefing(b);
            let stances = r.refs[b].stances.len();
            match frag {
                "stances" => stances > 0,
                "sources" => !br.sources.is_empty(),
                "related" => !ix.related[b].is_empty(),
                "backlinks" => !ix.briefing_backlinks[b].is_empty(),
                "at-a-glance" => {
                    let refs = &r.refs[b];
                    !(refs.actors.is_empty()
                        && refs.places.is_empty()
                        && refs.topics.is_empty()
                        && refs.tags.is_empty())
                }
                _ => numbered("stance-", stances) || numbered("source-", br.sources.len()),
            }
        }
        Target::Entity(e) => {
            let kind = r.entity(e).id.kind;
            match frag {
                "briefings" => true,
                "backlinks" => !ix.entity_backlinks[e].is_empty(),
                "positions" => kind == Kind::Actor && !ix.actor_topics[e].is_empty(),
                "co-actors" => kind == Kind::Actor && !ix.co_actors[e].is_empty(),
                "members" => {
                    kind == Kind::Actor && r.entities.iter().any(|m| m.affiliation == Some(e))
                }
                "sub-places" => kind == Kind::Place && !ix.sub_places[e].is_empty(),
                "actors" => kind == Kind::Place && !ix.place_actors[e].is_empty(),
                "matrix" => kind == Kind::Topic,
                "stance-history" => kind == Kind::Topic && !ix.topic_actors[e].is_empty(),
                _ => false,
            }
        }
    }
}
