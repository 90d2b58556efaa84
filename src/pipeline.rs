//! The one pipeline that `build` and `check` (and later `serve`) share:
//! discover → parse → resolve → Markdown → index → render → write.

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::index::{self, Index};
use crate::markdown::{self, LinkContext, Target};
use crate::model::{Briefing, EntityIdx, Profile};
use crate::names::Names;
use crate::output::{self, OutputError, Staging};
use crate::parse::{self, Parsed};
use crate::render::{self, theme};
use crate::resolve::{self, Resolved};
use crate::source::{self, StaticFile};
use crate::urls;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Defaults to `<root>/output`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
}

/// A loaded, resolved and indexed site, ready to render.
pub struct Site {
    pub config: Config,
    pub resolved: Resolved,
    /// Rendered briefing bodies, by briefing index.
    pub bodies: Vec<String>,
    /// Rendered profile bodies, by entity index (empty for stubs).
    pub profile_bodies: Vec<String>,
    pub index: Index,
    pub statics: Vec<StaticFile>,
    /// Non-Markdown files under `content/`, copied to the same path in the output.
    pub assets: Vec<StaticFile>,
}

/// How a run ended.
#[derive(Debug)]
pub struct Report {
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
    /// Files written (0 for `check`).
    pub written: usize,
    pub pages: usize,
    pub elapsed: std::time::Duration,
    /// Bytes written (0 for `check`).
    pub bytes: u64,
    /// Time spent writing files, summed over the threads that wrote them.
    pub write_time: std::time::Duration,
}

/// A sink that counts what passes through it and how long writing takes, and tells
/// `progress` of each file.
struct Measured<'a> {
    inner: &'a dyn render::Sink,
    progress: &'a dyn Progress,
    bytes: std::sync::atomic::AtomicU64,
    nanos: std::sync::atomic::AtomicU64,
}

impl<'a> Measured<'a> {
    fn new(inner: &'a dyn render::Sink, progress: &'a dyn Progress) -> Self {
        Measured {
            inner,
            progress,
            bytes: 0.into(),
            nanos: 0.into(),
        }
    }
}

impl render::Sink for Measured<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        use std::sync::atomic::Ordering::Relaxed;
        let start = Instant::now();
        let r = self.inner.write(path, bytes);
        self.nanos
            .fetch_add(start.elapsed().as_nanos() as u64, Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Relaxed);
        self.progress.advance();
        r
    }
}

/// Told of the pipeline's stages as they run, for progress bars and `--verbose` timings.
/// Every method has a do-nothing default.
pub trait Progress: Sync {
    /// A stage begins; `total` is its number of items, or 0 when it is not counted.
    fn stage(&self, _name: &'static str, _total: usize) {}
    /// One more item of the current stage is done (called from many threads).
    fn advance(&self) {}
}

/// The `Progress` that shows nothing.
pub struct Silent;

impl Progress for Silent {}

/// Fatal problems: the command could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum Fatal {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("site root {0} is not a folder")]
    NoRoot(PathBuf),
    #[error("no site.yaml in {0}: is this a Dossier site? (pass its folder with --root)")]
    NotASite(PathBuf),
    #[error("--base-url {0}")]
    BadBaseUrl(String),
}

/// Loads, parses, resolves, renders Markdown and indexes the site at `opts.root`. Problems
/// go to `diags`; the site is always returned so that one run reports all of them.
pub fn load(opts: &Options, diags: &mut Diagnostics) -> Site {
    load_with(opts, diags, &Silent)
}

/// `load`, telling `progress` of each stage.
pub fn load_with(opts: &Options, diags: &mut Diagnostics, progress: &dyn Progress) -> Site {
    let root = &opts.root;
    progress.stage("reading", 0);
    let config = config::load(root, opts.base_url.as_deref(), diags);
    let source::Sources {
        markdown,
        statics,
        assets,
    } = source::discover(root, diags);
    progress.stage("parsing", markdown.len());
    let parsed: Vec<(Option<Parsed>, Diagnostics)> = markdown
        .par_iter()
        .map(|f| {
            let mut d = Diagnostics::new();
            let p = parse::parse_file(f, &mut d);
            progress.advance();
            (p, d)
        })
        .collect();
    let mut briefings: Vec<Briefing> = Vec::new();
    let mut profiles: Vec<Profile> = Vec::new();
    for (p, d) in parsed {
        diags.extend(d);
        match p {
            Some(Parsed::Briefing(b)) => briefings.push(*b),
            Some(Parsed::Profile(p)) => profiles.push(*p),
            None => {}
        }
    }
    // The parsed files hold what is needed from here on.
    drop(markdown);
    // With a broken site.yaml (already reported), content is still checked.
    let config = config.unwrap_or_else(Config::fallback);
    progress.stage("resolving", 0);
    let resolved = resolve::resolve(briefings, profiles, opts.drafts, diags);
    let names = Names::new(&resolved);
    let asset_paths = assets.iter().map(|a| a.output_path.clone()).collect();
    let cx = LinkContext::new(&resolved, &names, asset_paths);
    progress.stage(
        "rendering Markdown",
        resolved.briefings.len() + resolved.entities.len(),
    );
    let mut bodies: Vec<(markdown::Body, Diagnostics)> = resolved
        .briefings
        .par_iter()
        .map(|b| {
            let mut d = Diagnostics::new();
            let depth = urls::depth(&urls::briefing(&b.slug));
            let body = markdown::render(
                &b.body,
                b.body_line,
                &b.path,
                &b.content_path,
                depth,
                &cx,
                &mut d,
            );
            progress.advance();
            (body, d)
        })
        .collect();
    let profile_bodies: Vec<(markdown::Body, Diagnostics)> = resolved
        .entities
        .par_iter()
        .map(|e| {
            let mut d = Diagnostics::new();
            let body = match &e.profile {
                Some(p) => {
                    let depth = urls::depth(&urls::entity(&e.id));
                    markdown::render(
                        &p.body,
                        p.body_line,
                        &p.path,
                        &p.content_path,
                        depth,
                        &cx,
                        &mut d,
                    )
                }
                None => markdown::Body::default(),
            };
            progress.advance();
            (body, d)
        })
        .collect();
    let links: Vec<Vec<Target>> = bodies
        .iter_mut()
        .map(|(b, _)| std::mem::take(&mut b.links))
        .collect();
    progress.stage("indexing", 0);
    let index = index::build(&resolved, &links);
    let has = |t: Target, frag: &str| {
        let ids = match t {
            Target::Briefing(b) => &bodies[b.0 as usize].0.ids,
            Target::Entity(e) => &profile_bodies[e.0 as usize].0.ids,
        };
        ids.iter().any(|i| i == frag) || theme::has_section_id(&resolved, &index, t, frag)
    };
    for (i, (b, (body, _))) in resolved.briefings.iter().zip(&bodies).enumerate() {
        let this = Target::Briefing(crate::model::BriefingIdx(i as u32));
        markdown::check_fragments(body, this, &b.path, has, diags);
    }
    for (i, (e, (body, _))) in resolved.entities.iter().zip(&profile_bodies).enumerate() {
        if let Some(p) = &e.profile {
            let this = Target::Entity(EntityIdx(i as u32));
            markdown::check_fragments(body, this, &p.path, has, diags);
        }
    }
    let mut body_html = Vec::with_capacity(bodies.len());
    for (b, d) in bodies {
        diags.extend(d);
        body_html.push(b.html);
    }
    let profile_html = profile_bodies
        .into_iter()
        .map(|(b, d)| {
            diags.extend(d);
            b.html
        })
        .collect();
    // Rendered bodies replace the Markdown sources from here on.
    let mut resolved = resolved;
    for b in &mut resolved.briefings {
        b.body = String::new();
    }
    Site {
        config,
        resolved,
        bodies: body_html,
        profile_bodies: profile_html,
        index,
        statics,
        assets,
    }
}

/// The number of HTML pages the site has.
fn page_count(site: &Site) -> usize {
    render::page_count(site)
}

fn finish(diags: Diagnostics, written: usize, pages: usize, start: Instant) -> Report {
    let diagnostics = diags.sorted();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    Report {
        diagnostics,
        errors,
        warnings,
        written,
        pages,
        elapsed: start.elapsed(),
        bytes: 0,
        write_time: std::time::Duration::ZERO,
    }
}

/// The output folder `opts` asks for.
pub fn output_dir(opts: &Options) -> PathBuf {
    opts.output
        .clone()
        .unwrap_or_else(|| opts.root.join("output"))
}

/// Refuses to run on a root that is not a Dossier site, or with a bad `--base-url`.
pub fn preflight(opts: &Options) -> Result<(), Fatal> {
    if !opts.root.is_dir() {
        return Err(Fatal::NoRoot(opts.root.clone()));
    }
    if !opts.root.join("site.yaml").is_file() {
        return Err(Fatal::NotASite(opts.root.clone()));
    }
    if let Some(b) = &opts.base_url {
        crate::urls::check_base(b).map_err(Fatal::BadBaseUrl)?;
    }
    Ok(())
}

/// `dossier build`: everything, written atomically; the old output stays on any error.
pub fn build(opts: &Options) -> Result<Report, Fatal> {
    build_with(opts, &Silent)
}

/// `build`, telling `progress` of each stage.
pub fn build_with(opts: &Options, progress: &dyn Progress) -> Result<Report, Fatal> {
    let start = Instant::now();
    preflight(opts)?;
    let out = output_dir(opts);
    output::check_safe(&opts.root, &out)?;
    output::recover(&out);
    let mut diags = Diagnostics::new();
    let site = load_with(opts, &mut diags, progress);
    progress.stage("loading theme", 0);
    let Some(theme) = theme::load(&opts.root, site.config.theme.as_deref(), &mut diags) else {
        return Ok(finish(diags, 0, 0, start));
    };
    if diags.has_errors() {
        // Render anyway to report template errors with the content errors, but write nothing.
        render::render_site(&site, &theme, &render::Discard, &mut diags);
        return Ok(finish(diags, 0, 0, start));
    }
    output::check_replaceable(&opts.root, &out)?;
    let staging = Staging::new(&out)?;
    progress.stage("rendering and writing", render::file_count(&site));
    let sink = Measured::new(&staging, progress);
    let written = render::render_site(&site, &theme, &sink, &mut diags);
    let (bytes, nanos) = (sink.bytes.into_inner(), sink.nanos.into_inner());
    if diags.has_errors() {
        drop(staging);
        return Ok(finish(diags, 0, 0, start));
    }
    let pages = page_count(&site);
    progress.stage("committing", 0);
    staging.commit()?;
    let mut report = finish(diags, written, pages, start);
    report.bytes = bytes;
    report.write_time = std::time::Duration::from_nanos(nanos);
    Ok(report)
}

/// `dossier check`: the same pipeline, rendering to nowhere.
pub fn check(opts: &Options) -> Result<Report, Fatal> {
    check_with(opts, &Silent)
}

/// `check`, telling `progress` of each stage.
pub fn check_with(opts: &Options, progress: &dyn Progress) -> Result<Report, Fatal> {
    let start = Instant::now();
    preflight(opts)?;
    let mut diags = Diagnostics::new();
    let site = load_with(opts, &mut diags, progress);
    let pages = page_count(&site);
    progress.stage("loading theme", 0);
    if let Some(theme) = theme::load(&opts.root, site.config.theme.as_deref(), &mut diags) {
        progress.stage("rendering", render::file_count(&site));
        let sink = Measured::new(&render::Discard, progress);
        render::render_site(&site, &theme, &sink, &mut diags);
    }
    Ok(finish(diags, 0, pages, start))
}
