//! Loads templates: the default theme compiled into the binary, overridden per template by
//! `themes/<name>/templates/X.html` of the site. Every default template is also there as
//! `default/X.html`, so that a site template can extend it and replace one block.

use crate::confine::{Confine, Refused, Use};
use crate::diagnostic::{Code, Diagnostics, Span};
use crate::index::Index;
use crate::markdown::Target;
use crate::render::baked;
use crate::render::template_ids::{self, ThemeIds};
use crate::resolve::Resolved;
use crate::sections::{self, Fact, PageKind, Rows, Section, When};
use crate::source::{self, Skip};
use include_dir::{Dir, include_dir};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
    /// Which element ids the page templates write, for `#fragment` checks.
    pub ids: ThemeIds,
    /// Template name → text, to compile again with a language's words baked in.
    texts: Vec<(String, String)>,
    /// The templates with each language's words baked in, by catalog key ([`baked`]).
    baked: std::sync::Mutex<Vec<(u64, std::sync::Arc<tera::Tera>)>>,
}

/// How many languages' baked templates a theme keeps: a site has at most
/// [`crate::config::MAX_LANGUAGES`]; a long preview may see a few versions of each.
const BAKED_KEPT: usize = 32;

impl Theme {
    /// The templates with the words of `catalog` written in (see [`baked`]): the same
    /// pages as [`Theme::tera`] makes, made faster. Errors are reported from `tera`, whose
    /// positions are the files' own.
    pub fn baked_for(
        &self,
        catalog: &std::sync::Arc<crate::i18n::Catalog>,
    ) -> std::sync::Arc<tera::Tera> {
        let mut kept = self.baked.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, t)) = kept.iter().find(|(k, _)| *k == catalog.key()) {
            return t.clone();
        }
        let mut tera = new_tera(Some(catalog.clone()));
        let words = catalog.statics();
        let texts = self.texts.iter().map(|(name, text)| {
            let escape = AUTOESCAPED.iter().any(|ext| name.ends_with(ext));
            let baked = baked::bake(text, words, escape);
            (name.as_str(), baked.unwrap_or_else(|| text.clone()))
        });
        let texts: Vec<(&str, String)> = texts.collect();
        let tera = match tera.add_raw_templates(texts.iter().map(|(n, t)| (*n, t.as_str()))) {
            Ok(()) => std::sync::Arc::new(tera),
            // Baking keeps templates valid; were it ever not so, the words are looked up.
            Err(_) => std::sync::Arc::new(self.tera.clone()),
        };
        if kept.len() >= BAKED_KEPT {
            kept.remove(0);
        }
        kept.push((catalog.key(), tera.clone()));
        tera
    }

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
    load_edited(confine, theme, &std::collections::HashMap::new(), diags)
}

/// [`load_in`], a template's text taken from `edited` (by path from the site root, an
/// editor's unsaved buffers) instead of its file when it is there.
pub fn load_edited(
    confine: &Confine,
    theme: Option<&str>,
    edited: &std::collections::HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Option<Theme> {
    // (name, path shown, text, given by the site)
    let mut templates: Vec<(String, String, String, bool)> = Vec::new();
    for (name, text) in default_templates() {
        let shown = format!("themes/default/templates/{name}");
        templates.push((
            format!("default/{name}"),
            shown.clone(),
            text.to_string(),
            false,
        ));
        templates.push((name, shown, text.to_string(), false));
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
            let text = match edited.get(&shown) {
                Some(t) => Ok(t.clone()),
                None => source::read_confined_text(&f.target),
            };
            match text {
                Ok(text) => {
                    templates.retain(|(n, ..)| *n != fname);
                    templates.push((fname, shown, text, true));
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
    let mut tera = new_tera(None);
    let mut ok = true;
    let mut sources = Vec::new();
    for (name, shown, ..) in &templates {
        sources.push((name.clone(), shown.clone()));
    }
    let tmp = Theme {
        tera: tera::Tera::new(),
        sources: sources.clone(),
        dir: None,
        hashes: Default::default(),
        statics: Vec::new(),
        ids: ThemeIds::default(),
        texts: Vec::new(),
        baked: Default::default(),
    };
    let hashes = templates
        .iter()
        .map(|(n, _, t, _)| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            t.hash(&mut h);
            (n.clone(), h.finish())
        })
        .collect();
    if let Err(e) = tera.add_raw_templates(
        templates
            .iter()
            .map(|(n, _, t, _)| (n.as_str(), t.as_str())),
    ) {
        tmp.report("base.html", &e, diags);
        ok = false;
    }
    if !ok {
        return None;
    }
    let ids = ThemeIds::read(
        &templates
            .iter()
            .map(|(n, _, text, site)| (n.as_str(), template_ids::Source { text, site: *site }))
            .collect(),
    );
    let texts = templates.into_iter().map(|(n, _, t, _)| (n, t)).collect();
    Some(Theme {
        tera,
        sources,
        dir: theme_dir,
        hashes,
        statics,
        ids,
        texts,
        baked: Default::default(),
    })
}

/// The templates whose output is escaped.
const AUTOESCAPED: [&str; 2] = [".html", ".xml"];

/// A template engine with what every page's templates may use; its word functions bound
/// to `catalog` when it renders that language only.
fn new_tera(catalog: Option<std::sync::Arc<crate::i18n::Catalog>>) -> tera::Tera {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(AUTOESCAPED);
    match catalog {
        Some(c) => crate::i18n::template_fns::install_for(&mut tera, c),
        None => crate::i18n::template_fns::install(&mut tera),
    }
    tera
}

/// The default theme's templates (file name, text).
fn default_templates() -> Vec<(String, &'static str)> {
    let Some(dir) = DEFAULT_THEME.get_dir("templates") else {
        return Vec::new();
    };
    dir.files()
        .filter_map(|f| {
            let name = f.path().file_name()?.to_string_lossy().to_string();
            Some((name, f.contents_utf8()?))
        })
        .collect()
}

/// Which element ids the default theme's page templates write.
pub fn default_ids() -> &'static ThemeIds {
    static IDS: OnceLock<ThemeIds> = OnceLock::new();
    IDS.get_or_init(|| {
        let templates = default_templates();
        let map: HashMap<&str, template_ids::Source<'_>> = templates
            .iter()
            .map(|(n, text)| (n.as_str(), template_ids::Source { text, site: false }))
            .collect();
        ThemeIds::read(&map)
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

/// The world outline the maps are drawn from (`maps/world-110m.txt` of the default theme,
/// made by `scripts/world-outline.mjs`); empty if the file were missing, so maps show no
/// land rather than fail.
pub fn default_outline() -> &'static str {
    DEFAULT_THEME
        .get_file("maps/world-110m.txt")
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default()
}

/// The fonts social cards are drawn with (`fonts/*.ttf` of the default theme, DejaVu
/// Sans, whose licence is beside them): never the system's, so every machine draws alike.
pub fn default_fonts() -> Vec<&'static [u8]> {
    let Some(dir) = DEFAULT_THEME.get_dir("fonts") else {
        return Vec::new();
    };
    let mut fonts: Vec<_> = (dir.files())
        .filter(|f| f.path().extension().is_some_and(|e| e == "ttf"))
        .collect();
    fonts.sort_by_key(|f| f.path());
    fonts.into_iter().map(|f| f.contents()).collect()
}

/// The site theme's own static files (output path, source), sorted.
pub fn site_statics(theme: &Theme) -> Vec<(String, PathBuf)> {
    theme.statics.clone()
}

/// Whether the page of `t`, rendered through a theme whose page templates write `ids`, has
/// an element with id `frag` (a section such as `stances`, or a row such as `source-2`).
/// Sections of the table are there when the table in [`sections`] says, whether the default
/// markup or a site template writes them (as a copied default template does); other ids a
/// site template writes are taken to be there.
pub fn has_section_id(ids: &ThemeIds, r: &Resolved, ix: &Index, t: Target, frag: &str) -> bool {
    let page = match t {
        Target::Briefing(_) => PageKind::Briefing,
        Target::Entity(e) => PageKind::Entity(r.entity(e).id.kind),
    };
    let written = ids.page(page);
    if written.literal.contains(frag) {
        return true;
    }
    let holds = |s: Section| match sections::row_for(s, page) {
        Some(row) => {
            written.sections.contains(&s)
                && match row.when {
                    When::Always => true,
                    When::Has(f) => count(r, ix, t, f) > 0,
                }
        }
        // A section the table does not give this page: there only if a site template
        // writes it as it stands.
        None => written.literal_sections.contains(&s),
    };
    if let Some(s) = Section::from_id(frag) {
        return holds(s);
    }
    Rows::ALL.into_iter().any(|rows| {
        rows.number(frag)
            .is_some_and(|n| n >= 1 && n <= count(r, ix, t, rows.fact()))
            && (written.rows.contains(&rows) || holds(rows.section()))
    })
}

/// How many of `fact` the page of `t` has; 0 for a fact about another kind of page.
fn count(r: &Resolved, ix: &Index, t: Target, fact: Fact) -> usize {
    match t {
        Target::Briefing(b) => {
            let refs = &r.refs[b];
            match fact {
                Fact::Stances => refs.stances.len(),
                Fact::Sources => r.briefing(b).sources.len(),
                Fact::Named => refs.about().count() + refs.tags.len(),
                Fact::Related => ix.related[b].len() + ix.briefing_backlinks[b].len(),
                _ => 0,
            }
        }
        Target::Entity(e) => match fact {
            Fact::Backlinks => ix.linked_only(e).count(),
            Fact::Positions => ix.actor_topics[e].len(),
            Fact::Voiced => ix.voiced[e].len(),
            Fact::CoActors => ix.co_actors[e].len(),
            Fact::Members => r
                .entities
                .iter()
                .filter(|m| m.affiliation == Some(e))
                .count(),
            Fact::SubPlaces => ix.sub_places[e].len(),
            Fact::PlaceActors => ix.place_actors[e].len(),
            Fact::TopicStances => ix.topic_actors[e].len(),
            Fact::Reviewed => ix.reviewed[e].len(),
            // Only actors have roles and affiliations; places have names alone.
            Fact::Dated => {
                let en = r.entity(e);
                let p = en.profile.as_ref();
                en.affiliations.len() + p.map_or(0, |p| p.names.len() + p.roles.len())
            }
            _ => 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sections::TABLE;
    use std::collections::BTreeSet;

    /// Ids search.js looks up on the search page: form controls, not sections.
    const SEARCH_CONTROLS: [&str; 12] = [
        "q",
        "f-actor",
        "f-place",
        "f-topic",
        "f-tag",
        "f-from",
        "f-to",
        "search-status",
        "search-entities",
        "search-results",
        "search-more",
        "search-strings",
    ];

    #[test]
    fn each_default_page_template_writes_the_sections_the_table_gives_it() {
        let ids = default_ids();
        for kind in PageKind::PAGES {
            let want: BTreeSet<Section> = TABLE
                .iter()
                .filter(|r| r.page == kind || r.page == PageKind::Every)
                .map(|r| r.section)
                .collect();
            let page = ids.page(kind);
            assert_eq!(page.sections, want, "{kind:?}");
            assert!(
                page.literal.is_empty() && page.rows.is_empty(),
                "{kind:?}: {page:?}"
            );
        }
    }

    #[test]
    fn the_default_templates_write_no_fixed_id_outside_the_table() {
        let script = DEFAULT_THEME
            .get_file("static/search.js")
            .and_then(|f| f.contents_utf8())
            .unwrap_or_default();
        let mut seen = 0;
        for (name, text) in default_templates() {
            for id in template_ids::literal_ids(text) {
                seen += 1;
                let control = name == "search.html" && SEARCH_CONTROLS.contains(&id.as_str());
                assert!(
                    Section::from_id(&id).is_some() || control,
                    "{name} writes id `{id}`, which is not in the table of sections"
                );
            }
        }
        assert!(seen >= Section::ALL.len() + SEARCH_CONTROLS.len(), "{seen}");
        for id in SEARCH_CONTROLS {
            assert!(script.contains(&format!("$(\"{id}\")")), "search.js: {id}");
        }
        let format = format!("var FORMAT = {};", crate::render::search::FORMAT);
        assert!(
            script.contains(&format),
            "search.js reads another index format"
        );
    }

    #[test]
    fn every_default_template_is_there_under_default_too() {
        let mut diags = Diagnostics::new();
        let theme = load(Path::new("."), None, &mut diags).expect("default theme");
        let names: Vec<String> = theme.tera.get_template_names().map(String::from).collect();
        let defaults = default_templates();
        assert!(defaults.len() >= 20);
        for (name, _) in defaults {
            assert!(
                names.contains(&format!("default/{name}")),
                "{name}: {names:?}"
            );
            assert!(names.contains(&name), "{name}");
            assert_eq!(
                theme.source_of(&format!("default/{name}")),
                format!("themes/default/templates/{name}")
            );
        }
    }
}
