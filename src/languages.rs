//! A multilingual site (`languages:` in site.yaml) split into one site per language: each
//! briefing goes to the tree of its `lang:`, each profile's translations lend the entity
//! their names in every tree and their words in their own, and versions of one briefing
//! are grouped by `translation_of:` or `translation_key:` so that pages can link them.

use crate::config::{Config, LanguageSite};
use crate::diagnostic::{Code, Diagnostics, Span};
use crate::model::{Briefing, Profile, Spanned};
use std::collections::{BTreeMap, HashMap};

/// The content of one language's tree.
pub struct Part {
    pub lang: LanguageSite,
    pub briefings: Vec<Briefing>,
    pub profiles: Vec<Profile>,
    /// Files whose diagnostics belong to this tree alone: its briefings and its profiles'
    /// translations. Every other file is checked, and reported, in the first tree.
    pub own_files: std::collections::HashSet<String>,
}

/// The version group of each briefing, by content path: briefings of one group are one
/// story in several languages.
pub type Groups = HashMap<String, String>;

/// A briefing's or profile's language: its `lang:`, or the site's.
fn lang_of<'a>(t: &'a crate::model::Translation, config: &'a Config) -> &'a str {
    t.lang
        .as_ref()
        .map_or(config.language.as_str(), |l| l.value.trim())
}

/// Reports a `lang:` the site does not publish in; `false` then (the file is left out).
fn check_lang(
    lang: &Option<Spanned<String>>,
    path: &str,
    config: &Config,
    diags: &mut Diagnostics,
) -> bool {
    let Some(l) = lang else {
        return true;
    };
    if config.language_site(l.value.trim()).is_some() {
        return true;
    }
    let tags: Vec<&str> = config.languages.iter().map(|l| l.tag.as_str()).collect();
    diags
        .error(
            Code::UnknownLanguage,
            path,
            l.span,
            format!(
                "`lang: {}` is not one of the site's languages ({})",
                l.value,
                tags.join(", ")
            ),
        )
        .with_help(format!(
            "add it to `languages:` in site.yaml, or write one of {}",
            tags.join(", ")
        ));
    false
}

/// On a site in one language: reports `lang:` values other than the site's, and drops
/// those files, so that a page never shows in the wrong language.
pub fn check_single(
    config: &Config,
    briefings: &mut Vec<Briefing>,
    profiles: &mut Vec<Profile>,
    diags: &mut Diagnostics,
) {
    briefings.retain(|b| check_lang(&b.translation.lang, &b.path, config, diags));
    profiles.retain(|p| check_lang(&p.translation.lang, &p.path, config, diags));
}

/// Splits a multilingual site's content into one part per language of `config.languages`
/// (the site's language first), and groups the versions of each briefing.
pub fn split(
    config: &Config,
    briefings: Vec<Briefing>,
    profiles: Vec<Profile>,
    diags: &mut Diagnostics,
) -> (Vec<Part>, Groups) {
    let default = config.language.as_str();
    let index_of = |tag: &str| {
        config
            .languages
            .iter()
            .position(|l| l.tag.eq_ignore_ascii_case(tag))
    };
    let groups = group_briefings(&briefings, config, diags);
    let mut parts: Vec<Part> = config
        .languages
        .iter()
        .map(|l| Part {
            lang: l.clone(),
            briefings: Vec::new(),
            profiles: Vec::new(),
            own_files: Default::default(),
        })
        .collect();
    for b in briefings {
        if !check_lang(&b.translation.lang, &b.path, config, diags) {
            continue;
        }
        let i = index_of(lang_of(&b.translation, config)).unwrap_or(0);
        if i > 0 {
            parts[i].own_files.insert(b.path.clone());
        }
        parts[i].briefings.push(b);
    }
    // Profiles: those in the site's language (or without `lang:`) are the entities; the
    // others translate one of them.
    let mut base: Vec<Profile> = Vec::new();
    let mut translated: Vec<(usize, Profile)> = Vec::new();
    for p in profiles {
        if !check_lang(&p.translation.lang, &p.path, config, diags) {
            continue;
        }
        let lang = lang_of(&p.translation, config);
        match index_of(lang) {
            Some(i) if i > 0 && !lang.eq_ignore_ascii_case(default) => translated.push((i, p)),
            _ => base.push(p),
        }
    }
    // What each translation translates: a profile of the same kind, by id or by a shared
    // `translation_key:`.
    let mut of: Vec<(usize, usize, Profile)> = Vec::new(); // (tree, base profile, translation)
    let mut seen: HashMap<(usize, usize), String> = HashMap::new();
    for (tree, p) in translated {
        let target = match (&p.translation.of, &p.translation.key) {
            (Some(o), _) => base
                .iter()
                .position(|b| b.kind == p.kind && b.id.as_str() == o.value.trim())
                .ok_or_else(|| {
                    let known: Vec<&str> = base
                        .iter()
                        .filter(|b| b.kind == p.kind)
                        .map(|b| b.id.as_str())
                        .collect();
                    (
                        o.span,
                        format!(
                            "`translation_of: {}` names no {} profile",
                            o.value,
                            p.kind.word()
                        ),
                        crate::suggest::closest(o.value.trim(), known.iter().copied())
                            .map(str::to_string),
                    )
                }),
            (None, Some(k)) => base
                .iter()
                .position(|b| {
                    b.kind == p.kind
                        && b.translation
                            .key
                            .as_ref()
                            .is_some_and(|bk| bk.value.trim() == k.value.trim())
                })
                .ok_or_else(|| {
                    (
                        k.span,
                        format!(
                            "`translation_key: {}` is on no {} profile in {default}",
                            k.value,
                            p.kind.word()
                        ),
                        None,
                    )
                }),
            (None, None) => Err((
                p.translation.lang.as_ref().map_or(Span::FILE, |l| l.span),
                format!(
                    "a {} profile in `{}` translates no profile: give `translation_of:` the id of the profile in {default}",
                    p.kind.word(),
                    lang_of(&p.translation, config)
                ),
                None,
            )),
        };
        match target {
            Ok(t) => {
                if let Some(first) = seen.get(&(tree, t)) {
                    diags.error(
                        Code::DuplicateTranslation,
                        &p.path,
                        p.translation.of.as_ref().map_or(Span::FILE, |o| o.span),
                        format!(
                            "a second `{}` translation of the {} `{}`: {first} is one already",
                            parts[tree].lang.tag,
                            p.kind.word(),
                            base[t].id.as_str()
                        ),
                    );
                    continue;
                }
                seen.insert((tree, t), p.path.clone());
                parts[tree].own_files.insert(p.path.clone());
                of.push((tree, t, p));
            }
            Err((span, message, suggestion)) => {
                let d = diags.error(Code::TranslationNotFound, &p.path, span, message);
                if let Some(s) = suggestion {
                    d.with_help(format!("did you mean `{s}`?"));
                }
            }
        }
    }
    // Every language's names resolve in every tree: a French briefing may name an actor
    // by its English name, an English one by its Arabic alias.
    let mut names: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (_, t, p) in &of {
        let list = names.entry(*t).or_default();
        list.push(p.name.clone());
        list.extend(p.aliases.iter().cloned());
    }
    for (i, b) in base.iter_mut().enumerate() {
        if let Some(more) = names.get(&i) {
            add_aliases(b, more.iter().cloned());
        }
    }
    for (tree, part) in parts.iter_mut().enumerate() {
        let mut profiles = base.clone();
        for (_, i, p) in of.iter().filter(|(t, ..)| *t == tree) {
            profiles[*i] = in_language(&base[*i], p);
        }
        part.profiles = profiles;
    }
    (parts, groups)
}

/// `base` as its translation `p` shows it: `p`'s name, body, and the words it gives
/// (question, role, bio), everything else (dates, coordinates, affiliations) the base's.
fn in_language(base: &Profile, p: &Profile) -> Profile {
    let mut out = base.clone();
    let base_name = base.name.clone();
    out.name = p.name.clone();
    out.name_span = p.name_span;
    // The base's name stays a name of the entity in this tree too.
    add_aliases(&mut out, std::iter::once(base_name));
    // The translation's name may be one of the base's aliases: it is the name here now,
    // and its span goes with it.
    if let Some(i) = out.aliases.iter().position(|a| *a == out.name) {
        out.aliases.remove(i);
        if i < out.alias_spans.len() {
            out.alias_spans.remove(i);
        }
    }
    if p.question.is_some() {
        out.question = p.question.clone();
    }
    if p.role.is_some() {
        out.role = p.role.clone();
    }
    if p.bio.is_some() {
        out.bio = p.bio.clone();
    }
    if p.subkind.is_some() {
        out.subkind = p.subkind.clone();
    }
    if p.picture.alt.is_some() {
        out.picture.alt = p.picture.alt.clone();
    }
    out.path = p.path.clone();
    out.content_path = p.content_path.clone();
    out.body = p.body.clone();
    out.body_line = p.body_line;
    out.body_removed = p.body_removed.clone();
    out.translation = p.translation.clone();
    out
}

/// Adds `more` to `p`'s aliases, leaving out its name and aliases it has, at most up to
/// the aliases a profile may list.
fn add_aliases(p: &mut Profile, more: impl Iterator<Item = String>) {
    for a in more {
        if a != p.name && !p.aliases.contains(&a) && p.aliases.len() < crate::parse::MAX_ALIASES {
            p.aliases.push(a);
            p.alias_spans.push(p.name_span);
        }
    }
}

/// Each briefing's version group: its `translation_key:`, else the group of the briefing
/// its `translation_of:` names (by slug or by path under `content/briefings/`), else its
/// own path. Reports originals that are not there and two versions in one language.
fn group_briefings(briefings: &[Briefing], config: &Config, diags: &mut Diagnostics) -> Groups {
    let own = |b: &Briefing| -> String {
        b.translation.key.as_ref().map_or_else(
            || format!("path:{}", b.content_path),
            |k| format!("key:{}", k.value.trim()),
        )
    };
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (i, b) in briefings.iter().enumerate() {
        by_name.entry(b.slug.as_str()).or_insert(i);
        by_name.entry(b.content_path.as_str()).or_insert(i);
        if let Some(p) = b.content_path.strip_prefix("briefings/") {
            by_name.entry(p).or_insert(i);
            by_name
                .entry(p.strip_suffix(".md").unwrap_or(p))
                .or_insert(i);
        }
    }
    let mut groups = Groups::new();
    for b in briefings {
        let group = match (&b.translation.key, &b.translation.of) {
            (None, Some(o)) => {
                let name = o.value.trim().trim_start_matches("content/");
                match by_name.get(name) {
                    Some(&t) if briefings[t].content_path != b.content_path => own(&briefings[t]),
                    _ => {
                        let known = briefings.iter().map(|b| b.slug.as_str());
                        let d = diags.error(
                            Code::TranslationNotFound,
                            &b.path,
                            o.span,
                            format!("`translation_of: {}` names no briefing", o.value),
                        );
                        if let Some(s) = crate::suggest::closest(name, known) {
                            d.with_help(format!("did you mean `{s}`?"));
                        }
                        own(b)
                    }
                }
            }
            _ => own(b),
        };
        groups.insert(b.content_path.clone(), group);
    }
    // One version per language in a group.
    let mut seen: HashMap<(String, String), &str> = HashMap::new();
    for b in briefings {
        let lang = lang_of(&b.translation, config).to_ascii_lowercase();
        let Some(g) = groups.get(&b.content_path) else {
            continue;
        };
        if let Some(first) = seen.get(&(g.clone(), lang.clone())) {
            let at = (b.translation.of.as_ref())
                .or(b.translation.key.as_ref())
                .map_or(Span::FILE, |s| s.span);
            diags.error(
                Code::DuplicateTranslation,
                &b.path,
                at,
                format!("a second `{lang}` version of one briefing: {first} is one already"),
            );
        } else {
            seen.insert((g.clone(), lang), &b.path);
        }
    }
    groups
}

/// One language's tree, as pages name it.
#[derive(Debug, Clone)]
pub struct TreeLang {
    /// The language tag (`fr`).
    pub tag: String,
    /// Its folder under the output root: empty for the site's language, `fr/` otherwise.
    pub dir: String,
    /// The language's name in itself (`Français`), for the switcher.
    pub name: String,
    /// The tree's absolute base URL.
    pub base_url: String,
}

/// How the pages of a multilingual site's trees correspond: what `hreflang` links and the
/// language switcher show.
#[derive(Debug, Default)]
pub struct Trees {
    pub langs: Vec<TreeLang>,
    /// Each tree's HTML pages, by path under the tree.
    pub pages: Vec<std::collections::HashSet<String>>,
    /// Each tree's briefing pages' version groups, by page path, and back.
    pub group_of: Vec<HashMap<String, String>>,
    pub page_of: Vec<HashMap<String, String>>,
}

/// A version of a page in one language (under `translations` in templates).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Alternate {
    /// The language tag, for `hreflang` and `lang`.
    pub lang: String,
    /// The language's name in itself.
    pub name: String,
    /// Relative to this page's tree root, like every `url`: `{{ page.root }}{{ a.url }}`.
    pub url: String,
    /// Absolute, for `<link rel="alternate" hreflang>`.
    pub absolute: String,
    /// True for the page being shown.
    pub current: bool,
}

impl Trees {
    /// A hash of which pages each tree has and which versions go together: every page's
    /// language links change with it, so serve renders the first tree again when it does.
    pub fn digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = crate::hash::hasher();
        for (i, l) in self.langs.iter().enumerate() {
            (&l.tag, &l.dir, &l.name, &l.base_url).hash(&mut h);
            let mut pages: Vec<&String> = self.pages[i].iter().collect();
            pages.sort();
            pages.hash(&mut h);
            let mut groups: Vec<(&String, &String)> = self.group_of[i].iter().collect();
            groups.sort();
            groups.hash(&mut h);
        }
        h.finish()
    }

    /// The versions of the page at `path` of tree `tree`, its own included, in the order of
    /// `languages:`; empty when no other language has it.
    pub fn alternates(&self, tree: usize, path: &str) -> Vec<Alternate> {
        let group = self.group_of.get(tree).and_then(|g| g.get(path));
        let here = &self.langs[tree];
        let mut out = Vec::new();
        for (j, lang) in self.langs.iter().enumerate() {
            let there = match group {
                Some(g) => self.page_of[j].get(g).cloned(),
                None => self.pages[j].contains(path).then(|| path.to_string()),
            };
            let Some(there) = there else {
                continue;
            };
            // From this tree's root up to the output root, then down into the other tree.
            let up = if here.dir.is_empty() { "" } else { "../" };
            let url = format!("{up}{}{}", lang.dir, page_dir(&there));
            out.push(Alternate {
                lang: lang.tag.clone(),
                name: lang.name.clone(),
                url,
                absolute: format!("{}{}", lang.base_url, page_dir(&there)),
                current: j == tree,
            });
        }
        if out.len() < 2 {
            out.clear();
        }
        out
    }
}

/// `briefings/x/index.html` → `briefings/x/` (pages are linked by folder).
fn page_dir(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}
