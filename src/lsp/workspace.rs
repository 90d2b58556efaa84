//! The site as the language server holds it: every Markdown file's text (an editor's
//! unsaved buffer where there is one) and what parsing made of it, site.yaml and the theme,
//! and the site of the last full check. An edit is checked at once on its own (parse,
//! names against every profile, body links against the last full check), then the whole
//! site again in the background, through the same stages as `dossier check`.

use crate::config::{self, Config};
use crate::confine::Confine;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::markdown::LinkContext;
use crate::model::{Briefing, Profile};
use crate::names::Names;
use crate::parse::{self, Parsed};
use crate::pipeline::{self, Input, Silent};
use crate::render::{self, theme};
use crate::schedule::Watch;
use crate::site::Site;
use crate::source::{self, SourceFile, StaticFile};
use crate::urls;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One Markdown file of `content/`.
pub struct FileState {
    /// The text as the pipeline reads it (control characters removed).
    pub source: SourceFile,
    /// What reading and parsing it reported.
    pub diags: Diagnostics,
    pub parsed: Option<Parsed>,
}

/// Codes only a check of the whole site gives: an edit keeps the last full check's until
/// the next one.
const WHOLE_SITE: [Code; 4] = [
    Code::Duplicate,
    Code::MissingFragment,
    Code::ConfusableName,
    Code::CoOccurrenceLimit,
];

/// The site held in memory.
pub struct Workspace {
    pub root: PathBuf,
    pub drafts: bool,
    /// The moment and window of each check (`DOSSIER_NOW`, `--future`, `--expired`).
    pub window: Watch,
    confine: Confine,
    /// Unsaved editor texts by path from the root: Markdown, site.yaml, theme templates.
    pub edited: HashMap<String, String>,
    pub files: BTreeMap<String, FileState>,
    discover_diags: Diagnostics,
    pub config: Config,
    config_diags: Diagnostics,
    theme: Option<theme::Theme>,
    theme_diags: Diagnostics,
    template_diags: Diagnostics,
    statics: Vec<StaticFile>,
    assets: Vec<StaticFile>,
    /// The site of the last full check, and its link names.
    pub site: Site,
    pub names: Names,
    site_diags: Diagnostics,
    /// Diagnostics of files edited since the last full check began, with the edit's
    /// generation.
    fresh: HashMap<String, (u64, Vec<Diagnostic>)>,
    /// Bumped by every edit.
    pub generation: u64,
    /// The generation the last full check started from.
    pub checked: u64,
    /// Picture headers read so far, for the pictures of one file's check.
    images: crate::images::probe::Memo,
}

/// A full check to run off the main thread.
pub struct Job {
    pub generation: u64,
    pub input: Input,
    pub ids: render::template_ids::ThemeIds,
}

/// What a [`Job`] found.
pub struct Checked {
    pub generation: u64,
    pub site: Site,
    pub diags: Diagnostics,
}

impl Job {
    /// Resolves, renders Markdown and indexes, as `check` does; `cache` keeps the bodies
    /// whose text and links did not change.
    pub fn run(self, cache: &mut pipeline::BodyCache) -> Checked {
        let mut diags = Diagnostics::new();
        let (site, fragments) =
            pipeline::assemble(&self.ids, self.input, Some(cache), &Silent, &mut diags);
        diags.extend(fragments);
        Checked {
            generation: self.generation,
            site,
            diags,
        }
    }
}

impl Workspace {
    /// Reads, parses and checks the site at `root`, as `dossier check` does.
    pub fn load(root: &Path, drafts: bool, window: Watch) -> Workspace {
        let confine = Confine::new(root, None);
        let mut ws = Workspace {
            root: root.to_path_buf(),
            drafts,
            window,
            confine,
            edited: HashMap::new(),
            files: BTreeMap::new(),
            discover_diags: Diagnostics::new(),
            config: Config::fallback(),
            config_diags: Diagnostics::new(),
            theme: None,
            theme_diags: Diagnostics::new(),
            template_diags: Diagnostics::new(),
            statics: Vec::new(),
            assets: Vec::new(),
            site: empty_site(),
            names: empty_site().resolved.link_names(),
            site_diags: Diagnostics::new(),
            fresh: HashMap::new(),
            generation: 0,
            checked: 0,
            images: Default::default(),
        };
        ws.reload();
        ws
    }

    /// Reads everything again (start, and when files appear or go on disk) and checks the
    /// whole site in this thread, templates included.
    pub fn reload(&mut self) {
        self.load_config();
        let mut d = Diagnostics::new();
        let sources = source::discover_in(&self.confine, &mut d);
        self.discover_diags = d;
        self.statics = sources.statics;
        self.assets = sources.assets;
        let parsed = pipeline::parse_all(sources.markdown.clone(), &Silent);
        self.files.clear();
        for (file, (p, d)) in sources.markdown.into_iter().zip(parsed) {
            self.files.insert(
                file.path.clone(),
                FileState {
                    source: file,
                    diags: d,
                    parsed: p,
                },
            );
        }
        for (path, text) in self.edited.clone() {
            if is_content_markdown(&path) {
                self.set_markdown(&path, &text);
            }
        }
        self.check_all_here();
    }

    fn load_config(&mut self) {
        let mut d = Diagnostics::new();
        let edited = self.edited.get("site.yaml").map(String::as_str);
        self.config =
            config::load_edited(&self.root, edited, None, &mut d).unwrap_or_else(Config::fallback);
        self.config_diags = d;
        let mut d = Diagnostics::new();
        self.theme = theme::load_edited(
            &self.confine,
            self.config.theme.as_deref(),
            &self.edited,
            &mut d,
        );
        self.theme_diags = d;
    }

    /// A full check in this thread, rendering every page to nowhere for template errors.
    pub fn check_all_here(&mut self) {
        self.generation += 1;
        let job = self.job();
        let done = job.run(&mut pipeline::BodyCache::default());
        // Templates render with the bodies, before `apply` lets them go.
        let mut d = Diagnostics::new();
        if let Some(t) = &self.theme {
            render::render_site(&done.site, t, &crate::output::Discard, &mut d);
        }
        self.template_diags = d;
        self.apply(done);
    }

    /// site.yaml or a template changed: read them again and check everything.
    pub fn settings_changed(&mut self) {
        self.load_config();
        self.check_all_here();
    }

    /// The full check of the site as it is now, to run anywhere.
    pub fn job(&mut self) -> Job {
        self.checked = self.generation;
        let mut briefings: Vec<Briefing> = Vec::new();
        let mut profiles: Vec<Profile> = Vec::new();
        let mut registry = Vec::new();
        for f in self.files.values() {
            match &f.parsed {
                Some(Parsed::Briefing(b)) => briefings.push((**b).clone()),
                Some(Parsed::Profile(p)) => profiles.push((**p).clone()),
                Some(Parsed::Source(s)) => registry.push((**s).clone()),
                None => {}
            }
        }
        Job {
            generation: self.generation,
            input: Input {
                config: Config {
                    schedule: self.window.schedule(),
                    ..self.config.clone()
                },
                briefings,
                profiles,
                registry,
                statics: self.statics.clone(),
                assets: self.assets.clone(),
                drafts: self.drafts,
            },
            ids: match &self.theme {
                Some(t) => t.ids.clone(),
                None => theme::default_ids().clone(),
            },
        }
    }

    /// Takes in a full check's result.
    pub fn apply(&mut self, mut done: Checked) {
        // Nothing the server answers reads rendered bodies: the worker's cache keeps them.
        done.site.bodies = Default::default();
        done.site.profile_bodies = Default::default();
        done.site.outlines = Default::default();
        done.site.profile_outlines = Default::default();
        self.names = done.site.resolved.link_names();
        self.site = done.site;
        self.site_diags = done.diags;
        self.fresh.retain(|_, (g, _)| *g > done.generation);
    }

    /// Records the editor's text of the Markdown file `rel` and checks it on its own.
    pub fn set_markdown(&mut self, rel: &str, text: &str) {
        let mut d = Diagnostics::new();
        // The build's limit on a file holds for a buffer too: past it, the file is
        // reported and its last good parse forgotten, as `check` would skip it.
        let file = if text.len() as u64 > source::MAX_FILE_BYTES {
            d.error(
                Code::FileUnreadable,
                rel,
                crate::diagnostic::Span::FILE,
                format!(
                    "file is {} bytes; the limit is {} (16 MiB)",
                    text.len(),
                    source::MAX_FILE_BYTES
                ),
            );
            None
        } else {
            source::from_bytes(rel, text.as_bytes().to_vec(), &mut d)
        };
        let Some(file) = file else {
            self.files.remove(rel);
            self.generation += 1;
            self.fresh
                .insert(rel.to_string(), (self.generation, d.sorted()));
            return;
        };
        let parsed = parse::parse_file(&file, &mut d);
        self.files.insert(
            rel.to_string(),
            FileState {
                source: file,
                diags: d,
                parsed,
            },
        );
        self.generation += 1;
        let quick = self.quick_check(rel);
        self.fresh.insert(rel.to_string(), (self.generation, quick));
    }

    /// Forgets the Markdown file `rel` (deleted on disk).
    pub fn remove_markdown(&mut self, rel: &str) {
        self.files.remove(rel);
        self.edited.remove(rel);
        self.generation += 1;
        self.fresh
            .insert(rel.to_string(), (self.generation, Vec::new()));
    }

    /// Reads the Markdown file `rel` from disk again (closed unsaved, or changed on disk).
    pub fn reread_markdown(&mut self, rel: &str) {
        // Read under the build's rules: never through a link out of the site.
        let path = self.root.join(rel);
        let target = match self.confine.resolve(&path, crate::confine::Use::Page) {
            Ok(Some(t)) => t,
            Ok(None) => path,
            Err(_) => return self.remove_markdown(rel),
        };
        match source::read_confined_text(&target) {
            Ok(text) => self.set_markdown(rel, &text),
            Err(_) => self.remove_markdown(rel),
        }
    }

    /// The diagnostics of the one file `rel`, as [`Workspace::diagnostics`] gives them.
    pub fn file_diagnostics(&self, rel: &str) -> Vec<Diagnostic> {
        if let Some((_, list)) = self.fresh.get(rel) {
            return list.clone();
        }
        self.diagnostics().remove(rel).unwrap_or_default()
    }

    /// The diagnostics of `rel` that need only the file itself and the last full check:
    /// what parsing says, its names looked up among every profile, its body's links.
    fn quick_check(&self, rel: &str) -> Vec<Diagnostic> {
        let Some(f) = self.files.get(rel) else {
            return Vec::new();
        };
        let mut d = f.diags.clone();
        let mut profiles: Vec<Profile> = Vec::new();
        for (path, other) in &self.files {
            if let Some(Parsed::Profile(p)) = &other.parsed
                && path != rel
            {
                profiles.push((**p).clone());
            }
        }
        let briefings = match &f.parsed {
            Some(Parsed::Briefing(b)) => vec![(**b).clone()],
            Some(Parsed::Profile(p)) => {
                profiles.push((**p).clone());
                Vec::new()
            }
            Some(Parsed::Source(_)) | None => Vec::new(),
        };
        let mut names = Diagnostics::new();
        let mini = crate::resolve::resolve_with(
            briefings,
            profiles,
            self.drafts,
            // The moment and window of the full checks, so an embargoed briefing is left
            // out here as there.
            &crate::resolve::Clock {
                schedule: self.window.schedule(),
                zone: self.config.zone(),
            },
            // The default author's own errors are site.yaml's, not this file's.
            &crate::resolve::Settings {
                accepted: Some(&self.config.stubs),
                default_author: None,
            },
            &mut names,
        );
        crate::dated::check_voices(&mini.briefings, &mini.refs, &mini.entities, &mut names);
        for x in names.iter() {
            if x.path == rel && !WHOLE_SITE.contains(&x.code) {
                d.add(x.clone());
            }
        }
        let assets = self.assets.iter().map(|a| a.output_path.clone()).collect();
        let cx = LinkContext::new(
            &self.site.resolved,
            &self.names,
            assets,
            self.config.safe_html,
        )
        .with_sizes(self.site.images.sizes.clone())
        .with_words(pipeline::body_words(&self.config));
        let body = match &f.parsed {
            Some(Parsed::Briefing(_)) => mini.briefings.iter().next().map(|b| {
                let depth = urls::depth(&urls::briefing(&b.slug));
                let mut d = b.checked_body_ref(&self.config).render(depth, &cx).1;
                if self.config.estimative.check {
                    crate::estimative::check_judgments(&b.judgments, b.confidence, &b.path, &mut d);
                }
                d
            }),
            Some(Parsed::Profile(p)) => {
                let depth = urls::depth(&format!("{}/{}/", p.kind.dir(), p.id));
                Some(p.body_ref().render(depth, &cx).1)
            }
            Some(Parsed::Source(_)) | None => None,
        };
        if let Some(b) = body {
            d.extend(b);
        }
        // Its picture, as the full check finds it: a briefing's only when it is published.
        let picture = match &f.parsed {
            Some(Parsed::Briefing(_)) => mini
                .briefings
                .iter()
                .next()
                .map(|b| (&b.picture, &b.path, &b.content_path)),
            Some(Parsed::Profile(p)) => Some((&p.picture, &p.path, &p.content_path)),
            Some(Parsed::Source(_)) | None => None,
        };
        if let Some((r, path, content_path)) = picture {
            let index = crate::images::locate::Index::new(&self.statics, &self.assets);
            crate::images::picture(r, path, content_path, &index, &self.images, &mut d);
        }
        for x in self.site_diags.iter() {
            if x.path == rel && WHOLE_SITE.contains(&x.code) {
                d.add(x.clone());
            }
        }
        d.sorted()
    }

    /// Every diagnostic of the site by file: the last full check's, the newer checks of
    /// files edited since.
    pub fn diagnostics(&self) -> BTreeMap<String, Vec<Diagnostic>> {
        let mut all: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        let mut add = |d: &Diagnostic| {
            if !self.fresh.contains_key(&d.path) {
                all.entry(d.path.clone()).or_default().push(d.clone());
            }
        };
        for list in [
            &self.discover_diags,
            &self.config_diags,
            &self.theme_diags,
            &self.template_diags,
            &self.site_diags,
        ] {
            list.iter().for_each(&mut add);
        }
        for f in self.files.values() {
            f.diags.iter().for_each(&mut add);
        }
        for (path, (_, list)) in &self.fresh {
            all.insert(path.clone(), list.clone());
        }
        for list in all.values_mut() {
            list.sort_by(|a, b| (a.span, a.code, &a.message).cmp(&(b.span, b.code, &b.message)));
            list.dedup();
        }
        all
    }

    /// The text of `rel` as the editor has it, else as read from disk.
    pub fn text(&self, rel: &str) -> Option<String> {
        if let Some(t) = self.edited.get(rel) {
            return Some(t.clone());
        }
        if let Some(f) = self.files.get(rel)
            && f.source.removed.is_empty()
        {
            return Some(f.source.text.clone());
        }
        std::fs::read(self.root.join(rel))
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }
}

/// Whether `rel` is a Markdown file of `content/`.
pub fn is_content_markdown(rel: &str) -> bool {
    rel.starts_with("content/")
        && Path::new(rel)
            .file_name()
            .is_some_and(crate::source::is_markdown)
}

/// Whether `rel` is site.yaml, a theme's file or a translation file.
pub fn is_settings(rel: &str) -> bool {
    rel == "site.yaml" || rel.starts_with("themes/") || rel.starts_with("i18n/")
}

fn empty_site() -> Site {
    let input = Input {
        config: Config::fallback(),
        briefings: Vec::new(),
        profiles: Vec::new(),
        registry: Vec::new(),
        statics: Vec::new(),
        assets: Vec::new(),
        drafts: false,
    };
    pipeline::assemble(
        theme::default_ids(),
        input,
        None,
        &Silent,
        &mut Diagnostics::new(),
    )
    .0
}
