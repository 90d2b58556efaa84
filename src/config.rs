//! `site.yaml` → [`Config`].

use crate::diagnostic::{Code, Diagnostics, Span};
use crate::front_matter::{self, Yaml};
use std::path::Path;

/// The site's settings. Hashed by its fields for the page fingerprints of `serve`.
#[derive(Debug, Clone, Hash)]
pub struct Config {
    pub title: String,
    /// Normalized to end in `/`.
    pub base_url: String,
    /// The path part of base_url, `/` or `/desk/`.
    pub base_path: String,
    pub language: String,
    pub description: Option<String>,
    pub theme: Option<String>,
    /// Raw HTML in Markdown bodies is sanitized instead of kept as written.
    pub safe_html: bool,
    /// Pages name a social card (`og:image`), drawn at build time: on unless `false`.
    pub social_cards: bool,
    /// How many items a page of a paginated list shows (briefings, entities, tags).
    pub page_size: u32,
    /// Names that match no profile on purpose (`stubs:`): stubs made of them are not
    /// reported.
    pub stubs: crate::stubs::AcceptedStubs,
    /// The author (an id, name or alias of an author profile) of briefings that name none,
    /// with where site.yaml writes it.
    pub default_author: Option<crate::model::Spanned<String>>,
    /// IANA name of the zone `publish_at`/`expires` times without an offset are read in
    /// (`timezone:`); UTC when absent.
    pub timezone: Option<String>,
    /// The build's moment and what it includes past a briefing's window (set per run, not
    /// read from site.yaml).
    pub schedule: crate::schedule::Schedule,
    /// The scales sources are graded on (`source_grades:`): the Admiralty code by default.
    pub grades: crate::evidence::GradeScale,
    /// Days after its latest briefing that a topic with stances counts as stale
    /// (`stale_after_days:`); `None` when turned off (`0` or `false`).
    pub stale_after_days: Option<u32>,
    /// The estimative-language check (`estimative:`): on, with English words, by default.
    pub estimative: crate::estimative::Settings,
    /// The interface's words in `language`: the default theme's, merged with the site's
    /// `i18n/<language>.ftl`.
    pub i18n: std::sync::Arc<crate::i18n::Catalog>,
    /// The site's translation files (`i18n/*.ftl`), for the catalogs of its other languages.
    pub translations: crate::i18n::SiteFiles,
    /// The languages the site publishes in (`languages:`), `language` first; one entry on a
    /// site in one language.
    pub languages: Vec<LanguageSite>,
}

/// One language of a multilingual site (an entry of `languages:`).
#[derive(Debug, Clone, Hash, PartialEq)]
pub struct LanguageSite {
    /// The tag as written (`fr`, `pt-BR`); its tree is `/<tag lower-cased>/`.
    pub tag: String,
    /// The site's title and description in this language, when they differ.
    pub title: Option<String>,
    pub description: Option<String>,
}

/// The most languages a site may publish in: each is a whole tree of pages.
pub const MAX_LANGUAGES: usize = 20;

impl Config {
    /// Whether the site publishes in more than one language.
    pub fn multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// The entry of `languages:` for `tag` (any case), if the site has that language.
    pub fn language_site(&self, tag: &str) -> Option<&LanguageSite> {
        self.languages
            .iter()
            .find(|l| l.tag.eq_ignore_ascii_case(tag))
    }

    /// The settings of the tree of `lang`, one of `languages`: its language, title,
    /// description, words, and base URL under `/<lang>/`.
    pub fn for_language(&self, lang: &LanguageSite, diags: &mut Diagnostics) -> Config {
        let mut c = self.clone();
        let dir = lang.tag.to_ascii_lowercase();
        c.language = lang.tag.clone();
        if let Some(t) = &lang.title {
            c.title = t.clone();
        }
        if lang.description.is_some() {
            c.description = lang.description.clone();
        }
        c.base_url = format!("{}{dir}/", self.base_url);
        c.base_path = format!("{}{dir}/", self.base_path);
        c.i18n = crate::i18n::Catalog::load(
            &lang.tag,
            crate::i18n::builtin(),
            &self.translations.0,
            diags,
        );
        c
    }
}

/// Days without a briefing after which a topic with stances is stale, when site.yaml does
/// not say.
pub const STALE_AFTER_DAYS: u32 = 90;
/// The largest `stale_after_days`: ten years.
pub const MAX_STALE_AFTER_DAYS: u32 = 3650;

/// Items per list page when site.yaml does not say.
pub const PAGE_SIZE: u32 = 50;
/// The largest `page_size` site.yaml may give: past it, one page of a list weighs
/// megabytes at archive scale, what pagination is there to prevent.
pub const MAX_PAGE_SIZE: u32 = 1000;

impl Config {
    /// Settings used to go on checking content when site.yaml has errors (the run fails).
    pub fn fallback() -> Config {
        Config {
            title: "Untitled site".to_string(),
            base_url: "/".to_string(),
            base_path: "/".to_string(),
            language: "en".to_string(),
            description: None,
            theme: None,
            safe_html: false,
            social_cards: true,
            page_size: PAGE_SIZE,
            stubs: Default::default(),
            default_author: None,
            timezone: None,
            schedule: Default::default(),
            grades: Default::default(),
            stale_after_days: Some(STALE_AFTER_DAYS),
            estimative: Default::default(),
            i18n: crate::i18n::Catalog::builtin("en"),
            translations: Default::default(),
            languages: vec![LanguageSite {
                tag: "en".to_string(),
                title: None,
                description: None,
            }],
        }
    }

    /// The zone of `timezone:` (UTC when absent).
    pub fn zone(&self) -> jiff::tz::TimeZone {
        crate::schedule::zone(self.timezone.as_deref())
    }
}

/// Every key site.yaml may have.
pub const KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "description",
    "theme",
    "safe_html",
    "page_size",
    "stubs",
    "default_author",
    "timezone",
    "social_cards",
    "source_grades",
    "stale_after_days",
    "estimative",
    "languages",
];

/// Reads `site.yaml` under `root`; `None` when it is missing or has errors (reported).
pub fn load(root: &Path, base_url: Option<&str>, diags: &mut Diagnostics) -> Option<Config> {
    load_edited(root, None, base_url, diags)
}

/// [`load`], with `edited` as site.yaml's text when given (an editor's unsaved buffer).
pub fn load_edited(
    root: &Path,
    edited: Option<&str>,
    base_url: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Config> {
    const PATH: &str = "site.yaml";
    let file = root.join(PATH);
    let translations = crate::i18n::read_site_files(root, diags);
    if let Some(text) = edited {
        return parse_text(text, base_url, translations, diags);
    }
    if !file.is_file() {
        diags.error(
            Code::FileUnreadable,
            PATH,
            Span::FILE,
            format!(
                "no site.yaml in {}: is this a Dossier site?",
                root.display()
            ),
        );
        return None;
    }
    // site.yaml is read under the rules of every other file: a link out of the site (to
    // `/proc/self/environ`, a `.env`) would print its lines in errors and its title on
    // every page.
    let confine = crate::confine::Confine::new(root, None);
    let target = match confine.resolve(&file, crate::confine::Use::Verbatim) {
        Ok(Some(t)) => t,
        Ok(None) => file.clone(),
        Err((link, why)) => {
            diags.error(
                Code::FileUnreadable,
                &confine.shown(&link),
                Span::FILE,
                format!("symlink points {}: not read", why.why()),
            );
            return None;
        }
    };
    let text = match crate::source::read_confined_text(&target) {
        Ok(t) => t,
        Err((span, msg)) => {
            diags.error(Code::FileUnreadable, PATH, span, msg);
            return None;
        }
    };
    parse_text(&text, base_url, translations, diags)
}

/// Reads site.yaml's settings from its text.
fn parse_text(
    text: &str,
    base_url: Option<&str>,
    translations: crate::i18n::SiteFiles,
    diags: &mut Diagnostics,
) -> Option<Config> {
    const PATH: &str = "site.yaml";
    let node = match front_matter::parse_document(text) {
        Ok(n) => n,
        Err(e) => {
            let d = diags.error(e.code, PATH, e.span, e.message);
            if let Some(h) = e.help {
                d.with_help(h);
            }
            return None;
        }
    };
    let Yaml::Map(entries) = node.value else {
        return None;
    };
    crate::parse::cut_text::warn(&entries, crate::parse::cut_text::Fields::Site, PATH, diags);
    let mut ok = true;
    let mut get = |key: &str, diags: &mut Diagnostics| -> Option<String> {
        let (_, _, n) = entries.iter().find(|(k, _, _)| k == key)?;
        match &n.value {
            Yaml::String(s) => Some(s.clone()),
            Yaml::Number(s) => Some(s.clone()),
            Yaml::Null => None,
            other => {
                diags.error(
                    Code::WrongType,
                    PATH,
                    n.span,
                    format!("`{key}` must be text, not {}", other.describe()),
                );
                ok = false;
                None
            }
        }
    };
    let title = get("title", diags);
    let base = get("base_url", diags);
    let language = get("language", diags);
    let description = get("description", diags);
    let theme = get("theme", diags);
    let default_author = get("default_author", diags)
        .filter(|a| !a.trim().is_empty())
        .and_then(|a| {
            let (_, _, n) = entries.iter().find(|(k, _, _)| k == "default_author")?;
            Some(crate::model::Spanned {
                value: a.trim().to_string(),
                span: n.span,
            })
        });
    let timezone = get("timezone", diags);
    if let Some(tz) = &timezone
        && jiff::tz::db().get(tz.trim()).is_err()
    {
        let span = entries
            .iter()
            .find(|(k, _, _)| k == "timezone")
            .map_or(Span::FILE, |(_, _, n)| n.span);
        diags.error(
            Code::SiteSetting,
            PATH,
            span,
            format!(
                "`timezone: {tz}` is no IANA time zone name (Europe/Paris, America/New_York, UTC)"
            ),
        );
        ok = false;
    }
    let mut flag = |key: &str, default: bool| match entries.iter().find(|(k, _, _)| k == key) {
        None => default,
        Some((_, _, n)) => match &n.value {
            Yaml::Bool(b) => *b,
            Yaml::Null => default,
            other => {
                diags.error(
                    Code::WrongType,
                    PATH,
                    n.span,
                    format!("`{key}` must be true or false, not {}", other.describe()),
                );
                ok = false;
                default
            }
        },
    };
    let safe_html = flag("safe_html", false);
    let social_cards = flag("social_cards", true);
    let page_size = match entries.iter().find(|(k, _, _)| k == "page_size") {
        None => PAGE_SIZE,
        Some((_, _, n)) => match page_size(&n.value) {
            Ok(size) => size,
            Err(why) => {
                diags.error(Code::SiteSetting, PATH, n.span, why);
                ok = false;
                PAGE_SIZE
            }
        },
    };
    let stale_after_days = match entries.iter().find(|(k, _, _)| k == "stale_after_days") {
        None => Some(STALE_AFTER_DAYS),
        Some((_, _, n)) => match stale_after_days(&n.value) {
            Ok(days) => days,
            Err(why) => {
                diags.error(Code::SiteSetting, PATH, n.span, why);
                ok = false;
                Some(STALE_AFTER_DAYS)
            }
        },
    };
    let mut slips = Vec::new();
    let stubs = match entries.iter().find(|(k, _, _)| k == "stubs") {
        None => Default::default(),
        Some((_, _, n)) => {
            crate::stubs::AcceptedStubs::parse(n, PATH, diags).unwrap_or_else(|| {
                ok = false;
                Default::default()
            })
        }
    };
    let grades = match entries.iter().find(|(k, _, _)| k == "source_grades") {
        Some((_, _, n)) if n.value != Yaml::Null => {
            crate::evidence::GradeScale::parse(n, PATH, diags).unwrap_or_else(|| {
                ok = false;
                Default::default()
            })
        }
        _ => Default::default(),
    };
    let estimative = match entries.iter().find(|(k, _, _)| k == "estimative") {
        Some((_, _, n)) => {
            crate::estimative::Settings::parse(n, PATH, diags).unwrap_or_else(|| {
                ok = false;
                Default::default()
            })
        }
        None => Default::default(),
    };
    for (k, span, _) in &entries {
        if !KEYS.contains(&k.as_str()) {
            let place = format!("site.yaml (known keys: {})", KEYS.join(", "));
            slips.extend(crate::parse::unknown_key(
                diags, PATH, *span, k, KEYS, &place,
            ));
        }
    }
    ok &= slips.is_empty();
    let Some(title) = title.filter(|t| !t.trim().is_empty()) else {
        // `Title:` was reported as a slip of `title:` (D041): once is enough.
        if slips.contains(&"title") {
            return None;
        }
        diags.error(
            Code::MissingField,
            PATH,
            Span::FILE,
            "missing `title`: site.yaml needs one",
        );
        return None;
    };
    if let Some(t) = &theme
        && (t.contains(['/', '\\']) || t.starts_with('.') || t.is_empty())
    {
        diags.error(
            Code::SiteSetting,
            PATH,
            Span::FILE,
            format!("`theme: {t}` must be a folder name under themes/"),
        );
        return None;
    }
    if !ok {
        return None;
    }
    if let Some(b) = &base
        && let Err(why) = crate::urls::check_base(b)
    {
        let span = entries
            .iter()
            .find(|(k, _, _)| k == "base_url")
            .map_or(Span::FILE, |(_, _, n)| n.span);
        diags.error(Code::SiteSetting, PATH, span, format!("`base_url`: {why}"));
        return None;
    }
    let base = base_url
        .map(str::to_string)
        .or(base)
        .unwrap_or_else(|| "/".to_string());
    let (base_url, base_path) = crate::urls::split_base(&base);
    let language = language.unwrap_or_else(|| "en".to_string());
    let languages = match entries.iter().find(|(k, _, _)| k == "languages") {
        None => vec![LanguageSite {
            tag: language.clone(),
            title: None,
            description: None,
        }],
        Some((_, _, n)) => languages(n, &language, diags)?,
    };
    let i18n =
        crate::i18n::Catalog::load(&language, crate::i18n::builtin(), &translations.0, diags);
    let tags: Vec<String> = languages.iter().map(|l| l.tag.clone()).collect();
    crate::i18n::check_files(&translations.0, &tags, diags);
    Some(Config {
        title,
        base_url,
        base_path,
        language,
        description,
        theme,
        safe_html,
        social_cards,
        page_size,
        stubs,
        default_author,
        timezone: timezone.map(|t| t.trim().to_string()),
        schedule: Default::default(),
        grades,
        stale_after_days,
        estimative,
        i18n,
        translations,
        languages,
    })
}

/// Whether `tag` is a language tag a URL folder can be made of (`fr`, `pt-BR`, `zh-Hant`):
/// letters, then subtags of letters and digits.
fn check_tag(tag: &str) -> Result<(), String> {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    let ok = (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err("not a language tag: write a code such as `en`, `fr`, `pt-BR`".to_string())
    }
}

/// Reads `languages:`: a list of tags, or a mapping of tags to `{title, description}`; the
/// site's `language` comes first, added when the list leaves it out. `None` on errors
/// (reported).
fn languages(
    n: &front_matter::Node,
    default: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<LanguageSite>> {
    const PATH: &str = "site.yaml";
    let mut out: Vec<LanguageSite> = Vec::new();
    let mut ok = true;
    let add = |out: &mut Vec<LanguageSite>,
               tag: &str,
               span: Span,
               title,
               description,
               diags: &mut Diagnostics| {
        let tag = tag.trim();
        // The site's own language names no folder: any `language:` it had stays good.
        if let Err(why) = check_tag(tag).or_else(|e| {
            if tag.eq_ignore_ascii_case(default) {
                Ok(())
            } else {
                Err(e)
            }
        }) {
            diags.error(
                Code::SiteSetting,
                PATH,
                span,
                format!("`languages`: `{tag}` is {why}"),
            );
            false
        } else if out.iter().any(|l| l.tag.eq_ignore_ascii_case(tag)) {
            diags.error(
                Code::SiteSetting,
                PATH,
                span,
                format!("`languages`: `{tag}` is listed twice"),
            );
            false
        } else {
            out.push(LanguageSite {
                tag: tag.to_string(),
                title,
                description,
            });
            true
        }
    };
    match &n.value {
        Yaml::Null => {}
        Yaml::Seq(items) => {
            for item in items {
                match &item.value {
                    Yaml::String(s) => ok &= add(&mut out, s, item.span, None, None, diags),
                    other => {
                        diags.error(
                            Code::WrongType,
                            PATH,
                            item.span,
                            format!(
                                "`languages` lists language tags (`fr`), not {}",
                                other.describe()
                            ),
                        );
                        ok = false;
                    }
                }
            }
        }
        Yaml::Map(entries) => {
            for (tag, span, v) in entries {
                let field = |key: &str| match &v.value {
                    Yaml::Map(m) => {
                        m.iter()
                            .find(|(k, ..)| k == key)
                            .and_then(|(_, _, n)| match &n.value {
                                Yaml::String(s) => Some(s.clone()),
                                _ => None,
                            })
                    }
                    _ => None,
                };
                if let Yaml::Map(m) = &v.value
                    && let Some((k, kspan, _)) =
                        m.iter().find(|(k, ..)| k != "title" && k != "description")
                {
                    diags.error(
                        Code::SiteSetting,
                        PATH,
                        *kspan,
                        format!(
                            "`languages: {tag}: {k}`: a language may set `title` and `description`"
                        ),
                    );
                    ok = false;
                }
                ok &= add(
                    &mut out,
                    tag,
                    *span,
                    field("title"),
                    field("description"),
                    diags,
                );
            }
        }
        other => {
            diags.error(
                Code::WrongType,
                PATH,
                n.span,
                format!(
                    "`languages` must be a list of language tags (`[en, fr]`), not {}",
                    other.describe()
                ),
            );
            return None;
        }
    }
    if out.len() > MAX_LANGUAGES {
        diags.error(
            Code::SiteSetting,
            PATH,
            n.span,
            format!(
                "`languages` lists {} languages: a site may publish in at most {MAX_LANGUAGES}",
                out.len()
            ),
        );
        return None;
    }
    if !ok {
        return None;
    }
    // The site's own language leads: its tree is the output's root.
    match out.iter().position(|l| l.tag.eq_ignore_ascii_case(default)) {
        Some(0) => {}
        Some(i) => {
            let l = out.remove(i);
            out.insert(0, l);
        }
        None => out.insert(
            0,
            LanguageSite {
                tag: default.to_string(),
                title: None,
                description: None,
            },
        ),
    }
    Some(out)
}

/// Reads `stale_after_days:`: a whole number of days up to [`MAX_STALE_AFTER_DAYS`], `0` or
/// `false` to turn the check off, or null for the default.
fn stale_after_days(v: &Yaml) -> Result<Option<u32>, String> {
    let range = format!("a whole number of days from 0 (off) to {MAX_STALE_AFTER_DAYS}, or false");
    match v {
        Yaml::Null => Ok(Some(STALE_AFTER_DAYS)),
        Yaml::Bool(false) => Ok(None),
        Yaml::Number(s) => match s.parse::<u64>() {
            Ok(0) => Ok(None),
            Ok(n) if n <= u64::from(MAX_STALE_AFTER_DAYS) => Ok(Some(n as u32)),
            _ => Err(format!("`stale_after_days: {s}` must be {range}")),
        },
        other => Err(format!(
            "`stale_after_days` must be {range}, not {}",
            other.describe()
        )),
    }
}

/// Reads `page_size:`: a whole number from 1 to [`MAX_PAGE_SIZE`], or null for the default.
fn page_size(v: &Yaml) -> Result<u32, String> {
    let range = format!("a whole number from 1 to {MAX_PAGE_SIZE}");
    match v {
        Yaml::Null => Ok(PAGE_SIZE),
        Yaml::Number(s) => match s.parse::<u64>() {
            Ok(n) if (1..=u64::from(MAX_PAGE_SIZE)).contains(&n) => Ok(n as u32),
            _ => Err(format!("`page_size: {s}` must be {range}")),
        },
        other => Err(format!(
            "`page_size` must be {range}, not {}",
            other.describe()
        )),
    }
}
