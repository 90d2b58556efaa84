//! The interface's words in a page's language: Fluent messages, built in
//! (`themes/default/i18n/<lang>/*.ftl`) and overridden by the site's `i18n/<lang>.ftl`, and
//! dates and numbers from ICU4X ([`Locale`]). Content is never translated here, only the
//! words the theme and the pages' generated text put around it.

pub mod forms;
pub mod locale;
mod memo;
mod numbers;
pub mod pattern;
mod simple;
pub mod template_fns;

use crate::diagnostic::{Code, Diagnostics, Span};
use crate::source::SourceFile;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
pub use locale::Locale;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// The language every message has: what a missing translation falls back to.
pub const BASE: &str = "en";

/// The most bytes one site translation file may have, and how many such files a site may
/// have: a file of interface strings is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// See [`MAX_FILE_BYTES`].
pub const MAX_FILES: usize = 64;

/// One built-in translation file: language, path shown in diagnostics, text.
pub type Builtin = (String, String, &'static str);

static BUILTIN: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/themes/default/i18n");

/// The default theme's translation files (`themes/default/i18n/<lang>/<area>.ftl`), sorted
/// by path.
pub fn builtin() -> &'static [Builtin] {
    static FILES: std::sync::OnceLock<Vec<Builtin>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        let mut out = Vec::new();
        for lang in BUILTIN.dirs() {
            let Some(tag) = lang.path().file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            for f in lang.files() {
                if let Some(text) = f.contents_utf8() {
                    let shown = format!(
                        "themes/default/i18n/{}",
                        crate::diagnostic::display_path(f.path())
                    );
                    out.push((tag.to_string(), shown, text));
                }
            }
        }
        out.sort_by(|a, b| a.1.cmp(&b.1));
        out
    })
}

/// The languages the default theme is translated into.
pub fn shipped() -> Vec<&'static str> {
    let mut out: Vec<&str> = builtin().iter().map(|(l, ..)| l.as_str()).collect();
    out.dedup();
    out
}

/// One language's messages, ready for pages.
pub struct Catalog {
    /// The language tag, as site.yaml (or a briefing's `lang:`) gives it.
    pub lang: String,
    bundle: FluentBundle<FluentResource>,
    /// Every message without arguments, formatted once (`tr` in templates).
    statics: BTreeMap<String, String>,
    /// The messages made of text and variables only, filled without Fluent.
    pub(crate) simple: std::collections::HashMap<String, simple::Simple>,
    /// How Fluent writes whole numbers in messages: the bundle's language's [`Locale`]
    /// (see [`numbers`]), for filling simple messages as Fluent would.
    message_numbers: Arc<Locale>,
    /// The language's dates and numbers.
    pub locale: Arc<Locale>,
    /// Identifies this catalog's text, for templates' `t()` (see [`template_fns`]).
    pub(crate) key: u64,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("lang", &self.lang)
            .field("messages", &self.statics.len())
            .finish()
    }
}

/// A site's translation files (`i18n/*.ftl`), read once and shared by its languages.
#[derive(Debug, Clone, Default)]
pub struct SiteFiles(pub Arc<Vec<SourceFile>>);

impl Hash for SiteFiles {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for f in self.0.iter() {
            (&f.path, &f.text).hash(state);
        }
    }
}

/// Reads the site's `i18n/*.ftl` under `root`, confined like every other file of the site,
/// at most [`MAX_FILES`] of at most [`MAX_FILE_BYTES`] each.
pub fn read_site_files(root: &std::path::Path, diags: &mut Diagnostics) -> SiteFiles {
    let dir = root.join("i18n");
    if !dir.is_dir() {
        return SiteFiles::default();
    }
    let confine = crate::confine::Confine::new(root, None);
    let found = crate::source::walk(&confine, &dir, crate::source::Skip::Hidden, diags);
    let mut out = Vec::new();
    for f in found {
        let shown = confine.shown(&f.path);
        if file_lang(&shown).is_none() {
            diags.warning(
                Code::MissingTranslation,
                &shown,
                Span::FILE,
                "not a translation file: i18n/ holds one `<language>.ftl` per language (`fr.ftl`); not read".to_string(),
            );
            continue;
        }
        if out.len() >= MAX_FILES {
            diags.error(
                Code::TranslationSyntax,
                &shown,
                Span::FILE,
                format!("more than {MAX_FILES} translation files in i18n/: not read"),
            );
            break;
        }
        let len = std::fs::metadata(&f.target).map_or(0, |m| m.len());
        if len > MAX_FILE_BYTES as u64 {
            diags.error(
                Code::TranslationSyntax,
                &shown,
                Span::FILE,
                format!(
                    "translation file of {len} bytes: at most {MAX_FILE_BYTES} are read (a language's interface words take a few kilobytes)"
                ),
            );
            continue;
        }
        match crate::source::read_confined_text(&f.target) {
            Ok(text) => out.push(SourceFile {
                content_path: shown.clone(),
                path: shown,
                text,
                removed: Vec::new(),
            }),
            Err((span, msg)) => {
                diags.error(Code::FileUnreadable, &shown, span, msg);
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    SiteFiles(Arc::new(out))
}

/// An argument of a message with arguments.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl Hash for Catalog {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

impl Catalog {
    /// The built-in messages of `lang` only (no site files): for sites held in memory and
    /// for site.yaml's fallback.
    pub fn builtin(lang: &str) -> Arc<Catalog> {
        let mut d = Diagnostics::new();
        Catalog::load(lang, builtin(), &[], &mut d)
    }

    /// The messages of `lang`: English first, then the built-in files of the language (or
    /// of its base language, `fr` for `fr-CA`), then the site's `i18n/en.ftl` and
    /// `i18n/<lang>.ftl`, each overriding the ones before. Syntax errors in the site's
    /// files and messages English has but `lang` lacks are reported.
    pub fn load(
        lang: &str,
        builtin: &[Builtin],
        site: &[SourceFile],
        diags: &mut Diagnostics,
    ) -> Arc<Catalog> {
        let wanted = candidates(lang);
        let mut layers: Vec<(&str, String, bool)> = Vec::new(); // (path, text, is the language's own)
        fn pick_builtin<'b>(
            builtin: &'b [Builtin],
            l: &'b str,
        ) -> impl Iterator<Item = &'b Builtin> {
            builtin.iter().filter(move |(bl, ..)| bl == l)
        }
        for (_, path, text) in pick_builtin(builtin, BASE) {
            layers.push((
                path,
                (*text).to_string(),
                lang_base(lang).eq_ignore_ascii_case(BASE),
            ));
        }
        if let Some(own) = wanted
            .iter()
            .find(|c| c.as_str() != BASE && builtin.iter().any(|(bl, ..)| bl == *c))
        {
            for (_, path, text) in pick_builtin(builtin, own) {
                layers.push((path, (*text).to_string(), true));
            }
        }
        fn site_file<'b>(
            site: &'b [SourceFile],
            l: &'b str,
        ) -> impl Iterator<Item = &'b SourceFile> {
            site.iter()
                .filter(move |f| file_lang(&f.path).is_some_and(|fl| fl.eq_ignore_ascii_case(l)))
        }
        for f in site_file(site, BASE) {
            layers.push((
                &f.path,
                f.text.clone(),
                lang_base(lang).eq_ignore_ascii_case(BASE),
            ));
        }
        // The site's file for the exact tag wins over the one for its base language.
        for c in wanted.iter().rev().filter(|c| c.as_str() != BASE) {
            for f in site_file(site, c) {
                layers.push((&f.path, f.text.clone(), true));
            }
        }
        let langid: unic_langid::LanguageIdentifier = lang
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let message_numbers = Locale::of(&langid.to_string());
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks would land inside attributes and feeds; pages isolate names in
        // their markup instead.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(numbers::format));
        let mut hasher = crate::hash::hasher();
        lang.hash(&mut hasher);
        let mut base_ids = BTreeSet::new();
        let mut own_ids = BTreeSet::new();
        let site_paths: BTreeSet<&str> = site.iter().map(|f| f.path.as_str()).collect();
        for (path, text, own) in layers {
            text.hash(&mut hasher);
            if let Some(at) = too_deep(&text) {
                if site_paths.contains(path) {
                    diags.error(
                        Code::TranslationSyntax,
                        path,
                        span_at(&text, at),
                        format!("placeables nested more than {MAX_NESTING} deep: file not read"),
                    );
                }
                continue;
            }
            let resource = match FluentResource::try_new(text) {
                Ok(r) => r,
                Err((r, errors)) => {
                    if site_paths.contains(path) {
                        for e in errors {
                            let span = span_at(r.source(), e.pos.start);
                            diags.error(
                                Code::TranslationSyntax,
                                path,
                                span,
                                format!("not valid Fluent: {}", e.kind),
                            );
                        }
                    }
                    r
                }
            };
            for id in message_ids(&resource) {
                if own {
                    own_ids.insert(id.to_string());
                }
                if is_base_layer(path, builtin, site) {
                    base_ids.insert(id.to_string());
                }
            }
            bundle.add_resource_overriding(resource);
        }
        if !lang_base(lang).eq_ignore_ascii_case(BASE) {
            let missing: Vec<&String> = base_ids.difference(&own_ids).collect();
            if !missing.is_empty() {
                let shown = site_file(site, lang)
                    .next()
                    .map_or("site.yaml".to_string(), |f| f.path.clone());
                let listed: Vec<String> =
                    missing.iter().take(8).map(|m| format!("`{m}`")).collect();
                let more = if missing.len() > 8 {
                    format!(" and {} more", missing.len() - 8)
                } else {
                    String::new()
                };
                diags.warning(
                    Code::MissingTranslation,
                    &shown,
                    Span::FILE,
                    format!(
                        "{} interface {} not translated into `{lang}`, shown in English: {}{more}",
                        missing.len(),
                        if missing.len() == 1 {
                            "message is"
                        } else {
                            "messages are"
                        },
                        listed.join(", "),
                    ),
                );
            }
        }
        let mut statics = BTreeMap::new();
        let ids: BTreeSet<String> = base_ids.union(&own_ids).cloned().collect();
        let simple = simple::find(&bundle, &ids);
        for id in ids {
            let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            // A message that needs arguments is only reachable through `t()`.
            if errors.is_empty() {
                statics.insert(id, text.into_owned());
            }
        }
        let catalog = Arc::new(Catalog {
            lang: lang.to_string(),
            bundle,
            statics,
            simple,
            message_numbers,
            locale: Locale::of(lang),
            key: hasher.finish(),
        });
        template_fns::register(&catalog);
        catalog
    }

    /// A message without arguments; its id when there is no such message.
    pub fn text<'a>(&'a self, id: &'a str) -> &'a str {
        self.statics.get(id).map_or(id, String::as_str)
    }

    /// Every message without arguments, by id.
    pub fn statics(&self) -> &BTreeMap<String, String> {
        &self.statics
    }

    /// What names this catalog in a page's context (see [`template_fns`]).
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Whether there is a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message with arguments (plurals chosen by the language's rules); `None` when there
    /// is no such message or an argument it needs is missing.
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        if let Some(simple) = self.simple.get(id) {
            // Text is put in as it is, a number as Fluent would write it.
            let text = simple.fill(|name| match args.iter().find(|(n, _)| *n == name)?.1 {
                Arg::Text(t) => Some(t.into()),
                Arg::Number(n) => self.message_number(n).map(Into::into),
            });
            if text.is_some() {
                return text;
            }
        }
        memo::remember(
            |k| {
                k.part(b"format")
                    .number(self.key as i64)
                    .part(id.as_bytes());
                for (name, value) in args {
                    k.part(name.as_bytes());
                    match value {
                        Arg::Text(s) => k.part(b"t").part(s.as_bytes()),
                        Arg::Number(n) => k.part(b"n").number(*n),
                    };
                }
            },
            || self.format_again(id, args),
        )
    }

    /// A whole number as Fluent writes it in a message (see [`numbers`]); `None` beyond
    /// what that formatter takes, where Fluent's own digits are the answer.
    pub(crate) fn message_number(&self, n: i64) -> Option<String> {
        ((n as f64).abs() <= 9.0e15).then(|| self.message_numbers.number(n))
    }

    /// [`Catalog::format`] through Fluent, remembered or not.
    pub(crate) fn format_again(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            let v = match value {
                Arg::Text(s) => FluentValue::from(*s),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fargs.set(*name, v);
        }
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors);
        errors.is_empty().then(|| out.into_owned())
    }

    /// [`Catalog::format`], falling back to the id so that a page never loses a label.
    pub fn fmt(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.format(id, args).unwrap_or_else(|| id.to_string())
    }
}

/// The language a site translation file is for: `i18n/fr.ftl` → `fr`.
pub fn file_lang(path: &str) -> Option<&str> {
    let name = path.strip_prefix("i18n/")?;
    let stem = name.strip_suffix(".ftl")?;
    (!stem.is_empty() && !stem.contains('/')).then_some(stem)
}

/// How deep `{ … }` placeables may nest in a translation file: Fluent's parser recurses
/// into each, and a message needs two or three levels.
pub const MAX_NESTING: usize = 8;

/// Where a file's placeables first nest deeper than [`MAX_NESTING`], if they do.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// `fr-CA` → `fr`: the leading letters, lower-cased by the callers' comparisons.
fn lang_base(lang: &str) -> &str {
    let end = lang
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(lang.len());
    &lang[..end]
}

/// The tags to look for files under, most specific first: `pt-BR`, `pt`.
fn candidates(lang: &str) -> Vec<String> {
    let mut out = vec![lang.to_string()];
    let base = lang_base(lang);
    if base != lang {
        out.push(base.to_string());
    }
    out
}

fn is_base_layer(path: &str, builtin: &[Builtin], site: &[SourceFile]) -> bool {
    builtin.iter().any(|(l, p, _)| l == BASE && p == path)
        || site
            .iter()
            .any(|f| f.path == path && file_lang(&f.path).is_some_and(|l| l == BASE))
}

fn message_ids(r: &FluentResource) -> impl Iterator<Item = &str> {
    r.entries().filter_map(|e| match e {
        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
        _ => None,
    })
}

/// The line and column (1-based, in characters) of byte `at` of `text`.
fn span_at(text: &str, at: usize) -> Span {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Span::new(line as u32, col as u32)
}

/// Reports the site translation files that are for no language the site has.
pub fn check_files(site: &[SourceFile], languages: &[String], diags: &mut Diagnostics) {
    for f in site {
        let known = file_lang(&f.path).is_some_and(|l| {
            l.eq_ignore_ascii_case(BASE)
                || languages
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(l) || lang_base(s).eq_ignore_ascii_case(l))
        });
        if !known {
            diags.warning(
                Code::MissingTranslation,
                &f.path,
                Span::FILE,
                format!(
                    "translations for a language the site does not have ({}): not used; name the file i18n/<language>.ftl after one of {}",
                    file_lang(&f.path).unwrap_or("?"),
                    languages.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.to_string(),
            content_path: path.to_string(),
            text: text.to_string(),
            removed: Vec::new(),
        }
    }

    #[test]
    fn a_language_gets_its_own_words_and_plurals() {
        let fr = Catalog::builtin("fr");
        assert_eq!(fr.text("nav_timeline"), "Chronologie");
        assert_eq!(fr.fmt("briefing_count", &[("n", Arg::Number(1))]), "1 note");
        assert_eq!(
            fr.fmt("briefing_count", &[("n", Arg::Number(3))]),
            "3 notes"
        );
        let en = Catalog::builtin("en");
        assert_eq!(
            en.fmt("briefing_count", &[("n", Arg::Number(1))]),
            "1 briefing"
        );
        // A regional variant takes its base language's words.
        assert_eq!(
            Catalog::builtin("fr-CA").text("nav_timeline"),
            "Chronologie"
        );
    }

    #[test]
    fn the_site_overrides_a_message_and_a_missing_one_is_reported() {
        let mut d = Diagnostics::new();
        let site = [file("i18n/fr.ftl", "nav_timeline = Frise\n")];
        let fr = Catalog::load("fr", builtin(), &site, &mut d);
        assert_eq!(fr.text("nav_timeline"), "Frise");
        assert_eq!(d.iter().count(), 0);
        // English gains a message the French file lacks: shown in English, and said.
        let site = [
            file("i18n/en.ftl", "desk_motto = Facts first\n"),
            file("i18n/fr.ftl", "nav_timeline = Frise\n"),
        ];
        let mut d = Diagnostics::new();
        let fr = Catalog::load("fr", builtin(), &site, &mut d);
        assert_eq!(fr.text("desk_motto"), "Facts first");
        let all: Vec<_> = d.iter().map(|x| x.to_string()).collect();
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(all[0].contains("i18n/fr.ftl"), "{all:?}");
        assert!(all[0].contains("`desk_motto`"), "{all:?}");
    }

    #[test]
    fn a_language_nobody_translated_falls_back_to_english_with_one_warning() {
        let mut d = Diagnostics::new();
        let pl = Catalog::load("pl", builtin(), &[], &mut d);
        assert_eq!(pl.text("nav_timeline"), "Timeline");
        assert_eq!(d.iter().count(), 1);
    }

    #[test]
    fn a_syntax_error_is_placed_and_hostile_nesting_is_refused() {
        let mut d = Diagnostics::new();
        let site = [file(
            "i18n/fr.ftl",
            "nav_timeline = Frise\n\nbroken = { $n ->\n",
        )];
        let fr = Catalog::load("fr", builtin(), &site, &mut d);
        assert_eq!(fr.text("nav_timeline"), "Frise");
        let shown: Vec<_> = d
            .iter()
            .map(|x| format!("{}:{}", x.span.line, x.code))
            .collect();
        assert!(
            shown
                .iter()
                .any(|s| s.starts_with("3:") || s.starts_with("4:")),
            "{shown:?}"
        );
        let bomb = format!("x = {}{}\n", "{".repeat(100_000), "}".repeat(100_000));
        let mut d = Diagnostics::new();
        let fr = Catalog::load("fr", builtin(), &[file("i18n/fr.ftl", &bomb)], &mut d);
        assert_eq!(fr.text("nav_timeline"), "Chronologie");
        assert!(d.iter().any(|x| x.code == Code::TranslationSyntax));
    }

    #[test]
    fn templates_reach_messages_with_arguments() {
        let fr = Catalog::builtin("fr");
        let mut tera = tera::Tera::new();
        template_fns::install(&mut tera);
        tera.add_raw_template(
            "x",
            "{{ tr.nav_tags }}: {{ t(key=\"briefing_count\", n=2) }}, {{ 12345 | number }}",
        )
        .unwrap();
        let mut c = tera::Context::new();
        c.insert("tr", fr.statics());
        c.insert(template_fns::KEY_VAR, &fr.key());
        assert_eq!(
            tera.render("x", &c).unwrap(),
            "Mots-clés: 2 notes, 12\u{202f}345"
        );
    }
}
