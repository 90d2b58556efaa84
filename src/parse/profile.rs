//! Profile front matter: actors, places, topics and authors, each with fields of its own, read
//! here and written out as a starter for `dossier new`.

use super::{Fields, file_stem, scalar};
use crate::diagnostic::{Code, Span};
use crate::front_matter::Yaml;
use crate::model::{Kind, Profile, Slug};
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
        "extra",
    ];
    match kind {
        Kind::Actor => allowed.extend(["role", "affiliation"]),
        Kind::Place => allowed.extend(["within", "coords"]),
        Kind::Topic => allowed.push("question"),
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
        let (aliases, alias_spans) = aliases.into_iter().map(|a| (a.value, a.span)).unzip();
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
        let affiliation = if kind == Kind::Actor {
            self.text("affiliation")
        } else {
            None
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
            affiliation,
            within,
            coords,
            question,
            bio,
            links,
            email,
            moved_from: self.list("moved_from"),
            picture,
            extra,
            body: body.to_string(),
            body_line,
            body_removed: file.removed_from(body_line),
        })
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
