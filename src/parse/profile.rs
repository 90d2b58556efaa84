//! Profile front matter: actors, places, topics and authors, each with fields of its own, read
//! here and written out as a starter for `dossier new`.

use super::{Fields, file_stem, scalar};

use crate::diagnostic::{Code, Span};
use crate::front_matter::Yaml;
use crate::model::{Dated, Kind, MAX_DATED, Profile, Slug, Spanned, When};
use crate::source::SourceFile;

/// Aliases a profile may list: far more than any entity has names, few enough that every
/// lookup and "did you mean" stays quick.
pub const MAX_ALIASES: usize = 1_000;

/// Links an author profile may list: a handful in practice.
pub const MAX_LINKS: usize = 20;

/// Every key a profile of `kind` may have.
pub fn profile_keys(kind: Kind) -> Vec<&'static str> {
    let mut allowed = vec![
        "name",
        "title",
        "aliases",
        "kind",
        "moved_from",
        "image",
        "alt",
        "lang",
        "translation_of",
        "translation_key",
        "extra",
    ];
    match kind {
        Kind::Actor => allowed.extend(["role", "roles", "affiliation", "affiliations", "names"]),
        Kind::Place => allowed.extend(["within", "coords", "names"]),
        Kind::Topic => allowed.extend(["question", "resolved"]),
        Kind::Author => allowed.extend(["role", "bio", "links", "email"]),
    }
    allowed
}

/// The values `kind:` may take in a profile of `kind` (none listed: any text).
pub fn subkinds(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Actor => &["person", "organization", "state", "group"],
        Kind::Place => &["country", "region", "city", "site"],
        Kind::Topic | Kind::Author => &[],
    }
}

impl Fields<'_> {
    pub(super) fn profile(
        &mut self,
        file: &SourceFile,
        kind: Kind,
        body: &str,
        body_line: u32,
    ) -> Option<Profile> {
        // Either key is accepted for any kind; a missing one is reported as the kind's own.
        let name_key = ["name", "title"]
            .into_iter()
            .find(|k| self.get(k).is_some())
            .unwrap_or(kind.name_key());
        self.warn_unknown(&profile_keys(kind), kind.word());
        let stem = file_stem(&file.content_path);
        let id = Slug::new(stem);
        if id.is_none() {
            self.error(
                Code::NoLetters,
                Span::FILE,
                format!("file name `{stem}` gives an empty id: rename the file"),
            );
        }
        let name = self.required_text(name_key, &format!("{} profile", kind.word()));
        let mut aliases = self.list("aliases");
        if aliases.len() > MAX_ALIASES {
            let span = self.get("aliases").map_or(Span::FILE, |n| n.span);
            self.error(
                Code::FrontMatterLimit,
                span,
                format!(
                    "{} aliases: a profile may have at most {MAX_ALIASES}; keep the spellings readers use",
                    aliases.len()
                ),
            );
            aliases.truncate(MAX_ALIASES);
        }
        let (aliases, alias_spans): (Vec<String>, Vec<Span>) =
            aliases.into_iter().map(|a| (a.value, a.span)).unzip();
        let subkind = self.text("kind");
        let allowed_kinds = subkinds(kind);
        if let Some(k) = &subkind
            && !allowed_kinds.is_empty()
            && !allowed_kinds.contains(&k.value.as_str())
        {
            let d = self.diags.warning(
                Code::UnknownValue,
                self.path,
                k.span,
                format!(
                    "unknown {} kind `{}` (expected {})",
                    kind.word(),
                    k.value,
                    allowed_kinds.join(", ")
                ),
            );
            if let Some(h) = crate::suggest::did_you_mean(&k.value, allowed_kinds.iter().copied()) {
                d.with_help(h);
            }
        }
        let role = self.text("role").map(|r| r.value);
        let (affiliation, roles, affiliations) = if kind == Kind::Actor {
            (
                self.text("affiliation"),
                self.dated("roles", "role"),
                self.dated("affiliations", "actor"),
            )
        } else {
            (None, Vec::new(), Vec::new())
        };
        let names = if matches!(kind, Kind::Actor | Kind::Place) {
            self.dated_names()
        } else {
            Vec::new()
        };
        let within = if kind == Kind::Place {
            self.text("within")
        } else {
            None
        };
        let question = if kind == Kind::Topic {
            self.text("question").map(|q| q.value)
        } else {
            None
        };
        let resolved = if kind == Kind::Topic {
            self.resolution()
        } else {
            None
        };
        let coords = if kind == Kind::Place {
            self.coords()
        } else {
            None
        };
        let (bio, links, email) = if kind == Kind::Author {
            (
                self.text("bio").map(|b| b.value),
                self.author_links(),
                self.email(),
            )
        } else {
            (None, Vec::new(), None)
        };
        let picture = self.picture();
        let extra = self.extra();
        let name_value = name.as_ref().map_or(stem, |n| n.value.as_str());
        let (aliases, alias_spans) = with_dated_names(name_value, aliases, alias_spans, &names);
        Some(Profile {
            path: file.path.clone(),
            content_path: file.content_path.clone(),
            kind,
            id: id?,
            name_span: name.as_ref().map_or(Span::FILE, |n| n.span),
            name: name.map_or_else(|| stem.to_string(), |n| n.value),
            aliases,
            alias_spans,
            subkind: subkind.map(|k| k.value),
            role,
            roles,
            affiliation,
            affiliations,
            names,
            within,
            coords,
            question,
            resolved,
            bio,
            links,
            email,
            moved_from: self.list("moved_from"),
            translation: self.translation(),
            picture,
            extra,
            body: body.to_string(),
            body_line,
            body_removed: file.removed_from(body_line),
        })
    }

    /// The entries of `key` (`roles:`, `affiliations:`, `names:`): mappings of `value_key`
    /// with optional `from:` and `to:` dates. Each entry without its value, with a date
    /// that is none or that ends before it starts, is reported and left out.
    fn dated(&mut self, key: &str, value_key: &'static str) -> Vec<Dated<String>> {
        let mut items = self.items(key);
        if items.len() > MAX_DATED {
            self.error(
                Code::FrontMatterLimit,
                items[MAX_DATED].span,
                format!(
                    "{} entries in `{key}`: a profile may list at most {MAX_DATED}",
                    items.len()
                ),
            );
            items.truncate(MAX_DATED);
        }
        let known = [value_key, "from", "to"];
        let mut out = Vec::new();
        for item in items {
            let Yaml::Map(entries) = &item.value else {
                self.error(
                    Code::DatedEntry,
                    item.span,
                    format!(
                        "each entry of `{key}` must be a mapping ({{{value_key}: …, from: YYYY-MM-DD, to: YYYY-MM-DD}}), not {}",
                        item.value.describe()
                    ),
                );
                continue;
            };
            let mut sub = Fields::nested(self.path, entries, self.diags);
            sub.warn_unknown(&known, &format!("`{key}` entry"));
            let value = sub.text(value_key).filter(|v| !v.value.trim().is_empty());
            let from = sub.day(key, "from");
            let to = sub.day(key, "to");
            if value.is_none() && !sub.slipped(value_key) {
                sub.error(
                    Code::DatedEntry,
                    item.span,
                    format!("an entry of `{key}` needs a `{value_key}`"),
                );
            }
            if let (Some(f), Some(t)) = (&from, &to)
                && t.value < f.value
            {
                sub.error(
                    Code::DatedOrder,
                    t.span,
                    format!(
                        "`to: {}` is before `from: {}`: an entry of `{key}` ends on or after the day it starts",
                        t.value, f.value
                    ),
                );
                self.ok = false;
                continue;
            }
            self.ok &= sub.ok;
            let (Some(value), true) = (value, sub.ok) else {
                continue;
            };
            out.push(Dated {
                value: value.value.trim().to_string(),
                from: from.map(|f| f.value),
                to: to.map(|t| t.value),
                span: value.span,
            });
        }
        out
    }

    /// A day of an entry of `list`, as written under `key`: `YYYY-MM-DD`, or an RFC 3339
    /// date and time as `date:` takes (its calendar date counts).
    fn day(&mut self, list: &str, key: &str) -> Option<Spanned<jiff::civil::Date>> {
        let t = self.text(key)?;
        match When::parse(&t.value) {
            Ok(w) => Some(Spanned {
                value: w.date,
                span: t.span,
            }),
            Err(e) => {
                self.ok = false;
                let d = self.diags.error(
                    Code::DatedDate,
                    self.path,
                    t.span,
                    format!("`{key}` of an entry of `{list}`: {e}"),
                );
                if let Some(h) = e.help() {
                    d.with_help(h);
                }
                None
            }
        }
    }

    /// `names:`, each reported when it shares a day with an earlier one: a place or an
    /// organization goes by one name at a time.
    fn dated_names(&mut self) -> Vec<Dated<String>> {
        let names = self.dated("names", "name");
        // Sorted by start, each entry is checked against the one reaching furthest so far:
        // linear after the sort, however many entries.
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by_key(|&i| (names[i].from, i));
        let mut reach: Option<usize> = None;
        for &i in &order {
            if let Some(r) = reach
                && names[r].overlaps(&names[i])
            {
                let (a, b) = (&names[r], &names[i]);
                self.diags
                    .error(
                        Code::DatedOverlap,
                        self.path,
                        b.span,
                        format!(
                            "`{}` ({}) shares days with `{}` ({}): one name at a time",
                            b.value,
                            or_always(&b.period()),
                            a.value,
                            or_always(&a.period())
                        ),
                    )
                    .with_help(format!(
                        "end the earlier name the day before the next starts (`to:`), e.g. line {}",
                        a.span.line
                    ));
                self.ok = false;
            }
            let further = |r: usize| match (names[r].to, names[i].to) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(x), Some(y)) => y > x,
            };
            if reach.is_none_or(further) {
                reach = Some(i);
            }
        }
        names
    }

    /// An author's `links:`: http and https URLs, at most [`MAX_LINKS`]; any other scheme
    /// (`javascript:`, `data:`) is left out with a warning, as a source's URL is.
    fn author_links(&mut self) -> Vec<String> {
        let mut links = self.list("links");
        if links.len() > MAX_LINKS {
            self.error(
                Code::FrontMatterLimit,
                links[MAX_LINKS].span,
                format!(
                    "{} links: an author profile may have at most {MAX_LINKS}",
                    links.len()
                ),
            );
            links.truncate(MAX_LINKS);
        }
        let mut out = Vec::new();
        for link in links {
            let url = link.value.trim();
            match crate::urls::scheme(url).as_deref() {
                Some("http" | "https") => out.push(url.to_string()),
                other => {
                    let why = match other {
                        Some(s) => format!("has the scheme `{s}:`"),
                        None => "has no `https://`".to_string(),
                    };
                    self.diags.warning(
                        Code::UnlinkedUrl,
                        self.path,
                        link.span,
                        format!("author link `{url}` {why}: not shown; use http(s)"),
                    );
                }
            }
        }
        out
    }

    /// An author's `email:`, when it reads as one address (`name@host`, no spaces, no
    /// `mailto:`, nothing a `mailto:` link would read as more headers).
    fn email(&mut self) -> Option<String> {
        let e = self.text("email")?;
        let v = e.value.trim();
        let v = v.strip_prefix("mailto:").unwrap_or(v);
        let forbidden =
            |c: char| c.is_whitespace() || c.is_control() || "?&<>\"':,;()[]\\".contains(c);
        let ok = match v.split_once('@') {
            Some((user, host)) => {
                !user.is_empty()
                    && host.contains('.')
                    && !host.starts_with('.')
                    && !host.ends_with('.')
                    && !host.contains('@')
                    && !v.chars().any(forbidden)
            }
            None => false,
        };
        if ok {
            Some(v.to_string())
        } else {
            self.diags.warning(
                Code::InvalidEmail,
                self.path,
                e.span,
                format!(
                    "`{}` is not an email address (name@example.org): not shown",
                    e.value
                ),
            );
            None
        }
    }

    fn coords(&mut self) -> Option<(f64, f64)> {
        let node = self.get("coords")?.clone();
        if let Yaml::Seq(items) = &node.value {
            let nums: Vec<f64> = items
                .iter()
                .filter_map(|i| scalar(i).and_then(|s| s.trim().parse().ok()))
                .collect();
            if let [lat, lon] = nums[..]
                && (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lon)
            {
                return Some((lat, lon));
            }
        }
        if node.value != Yaml::Null {
            self.error(
                Code::WrongType,
                node.span,
                "`coords` must be [latitude, longitude] in degrees",
            );
        }
        None
    }
}

/// A period as shown in a message: `always` for one open at both ends.
fn or_always(period: &str) -> &str {
    if period.is_empty() { "always" } else { period }
}

/// The aliases with every dated name added that is neither the name nor an alias already
/// (by matching key), each at its place in the file: a former name resolves as an alias.
fn with_dated_names(
    name: &str,
    mut aliases: Vec<String>,
    mut spans: Vec<Span>,
    names: &[Dated<String>],
) -> (Vec<String>, Vec<Span>) {
    if names.is_empty() {
        return (aliases, spans);
    }
    let mut keys: std::collections::HashSet<String> = std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(crate::slug::match_key)
        .collect();
    for n in names {
        if keys.insert(crate::slug::match_key(&n.value)) {
            aliases.push(n.value.clone());
            spans.push(n.span);
        }
    }
    (aliases, spans)
}

/// The text `dossier new` writes for a profile of `kind` named `name` (a YAML scalar): the
/// fields the parser above reads for the kind, commented out but for the name.
pub fn starter_profile(kind: Kind, name: &str) -> String {
    match kind {
        Kind::Actor => format!(
            "---
name: {name}
aliases: []
# kind: person                 # person | organization | state | group
# role: What they do
# affiliation: an actor's id or name
# roles:                       # offices with dates; either date may be left out
#   - {{role: Deputy minister, from: 2019-08-29, to: 2021-03-04}}
# affiliations:
#   - {{actor: an actor's id or name, from: 2019-08-29}}
---
Who {name} is, in a few lines.
"
        ),
        Kind::Place => format!(
            "---
name: {name}
aliases: []
# kind: city                   # country | region | city | site
# within: a place's id or name
# coords: [50.45, 30.52]       # latitude, longitude
# names:                       # former names, each with the days it was used
#   - {{name: Old name, to: 2016-05-11}}
---
What to know about {name}.
"
        ),
        Kind::Topic => format!(
            "---
title: {name}
aliases: []
# question: \"The question actors take stances on?\"
---
What {name} is about.
"
        ),
        Kind::Author => format!(
            "---
name: {name}
aliases: []
# role: Desk analyst
# bio: One line under the name.
# links: [https://example.org/about]
# email: name@example.org
---
Who {name} is and what they cover.
"
        ),
    }
}
