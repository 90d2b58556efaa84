//! Turns a source file into a typed briefing or profile, reporting every problem found.

use crate::diagnostic::{Diagnostics, Span};
use crate::front_matter::{self, Node, Yaml};
use crate::model::{
    Briefing, Confidence, Kind, Position, Profile, Slug, Source, Spanned, StanceSrc, When,
};
use crate::source::SourceFile;

/// What a Markdown file turned out to be.
#[derive(Debug, Clone)]
pub enum Parsed {
    Briefing(Box<Briefing>),
    Profile(Box<Profile>),
}

const BRIEFING_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "summary",
    "slug",
    "actors",
    "places",
    "topics",
    "stances",
    "tags",
    "sources",
    "confidence",
    "draft",
    "extra",
];
const STANCE_KEYS: &[&str] = &["actor", "on", "position", "quote", "by", "source"];
const SOURCE_KEYS: &[&str] = &["title", "url", "publisher", "date"];

/// Parses one file; `None` when it has errors (which are recorded in `diags`).
pub fn parse_file(file: &SourceFile, diags: &mut Diagnostics) -> Option<Parsed> {
    let split = match front_matter::split(&file.text) {
        Ok(s) => s,
        Err(e) => {
            diags.error(&file.path, e.span, e.message);
            return None;
        }
    };
    let root = match front_matter::parse(split.yaml, split.yaml_line) {
        Ok(n) => n,
        Err(e) => {
            diags.error(&file.path, e.span, e.message);
            return None;
        }
    };
    let Yaml::Map(entries) = root.value else {
        return None;
    };
    let mut fields = Fields {
        path: &file.path,
        entries,
        diags,
        ok: true,
    };
    let profile_kind = file
        .content_path
        .split('/')
        .next()
        .filter(|_| file.content_path.contains('/'))
        .and_then(Kind::from_dir);
    let parsed = match profile_kind {
        Some(kind) => fields
            .profile(file, kind, split.body, split.body_line)
            .map(|p| Parsed::Profile(Box::new(p))),
        None => fields
            .briefing(file, split.body, split.body_line)
            .map(|b| Parsed::Briefing(Box::new(b))),
    };
    // Keep a briefing whose optional fields had errors (already reported): its body and
    // references are still checked, so one run reports every problem.
    parsed
}

struct Fields<'a> {
    path: &'a str,
    entries: Vec<(String, Span, Node)>,
    diags: &'a mut Diagnostics,
    /// False once an error was reported for this mapping.
    ok: bool,
}

impl Fields<'_> {
    fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.ok = false;
        self.diags.error(self.path, span, msg);
    }

    fn get(&self, key: &str) -> Option<&Node> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, n)| n)
    }

    fn warn_unknown(&mut self, allowed: &[&str], what: &str) {
        let unknown: Vec<(String, Span)> = self
            .entries
            .iter()
            .filter(|(k, _, _)| !allowed.contains(&k.as_str()))
            .map(|(k, s, _)| (k.clone(), *s))
            .collect();
        for (k, span) in unknown {
            self.diags.warning(
                self.path,
                span,
                format!(
                    "unknown key `{k}` in {what} front matter (known keys: {}); put custom data under `extra:`",
                    allowed.join(", ")
                ),
            );
        }
    }

    fn text(&mut self, key: &str) -> Option<Spanned<String>> {
        let node = self.get(key)?.clone();
        let r = scalar(&node);
        match r {
            Some(s) => Some(Spanned {
                value: s,
                span: node.span,
            }),
            None if node.value == Yaml::Null => None,
            None => {
                let msg = format!("`{key}` must be text, not {}", node.value.describe());
                self.error(node.span, msg);
                None
            }
        }
    }

    fn required_text(&mut self, key: &str, what: &str) -> Option<Spanned<String>> {
        match self.text(key) {
            Some(t) if !t.value.trim().is_empty() => Some(t),
            Some(t) => {
                self.error(t.span, format!("`{key}` is empty: every {what} needs one"));
                None
            }
            None => {
                if self.get(key).is_none_or(|n| n.value == Yaml::Null) {
                    self.error(
                        Span::FILE,
                        format!("missing `{key}`: every {what} needs one"),
                    );
                }
                None
            }
        }
    }

    fn list(&mut self, key: &str) -> Vec<Spanned<String>> {
        let Some(node) = self.get(key).cloned() else {
            return Vec::new();
        };
        match &node.value {
            Yaml::Null => Vec::new(),
            Yaml::Seq(items) => {
                let mut out = Vec::new();
                for item in items {
                    match scalar(item) {
                        Some(s) if !s.trim().is_empty() => out.push(Spanned {
                            value: s.trim().to_string(),
                            span: item.span,
                        }),
                        _ => self.error(
                            item.span,
                            format!(
                                "each entry of `{key}` must be a name, not {}",
                                item.value.describe()
                            ),
                        ),
                    }
                }
                out
            }
            _ => match scalar(&node) {
                Some(s) => vec![Spanned {
                    value: s,
                    span: node.span,
                }],
                None => {
                    self.error(node.span, format!("`{key}` must be a list of names"));
                    Vec::new()
                }
            },
        }
    }

    fn when(&mut self, key: &str) -> Option<When> {
        let t = self.text(key)?;
        match When::parse(&t.value) {
            Ok(w) => Some(w),
            Err(e) => {
                self.error(t.span, format!("`{key}`: {e}"));
                None
            }
        }
    }

    fn extra(&mut self) -> serde_json::Value {
        self.get("extra")
            .map(|n| n.value.to_json())
            .filter(|v| !v.is_null())
            .unwrap_or_else(|| serde_json::Value::Object(Default::default()))
    }

    fn briefing(&mut self, file: &SourceFile, body: &str, body_line: u32) -> Option<Briefing> {
        self.warn_unknown(BRIEFING_KEYS, "briefing");
        let stem = file_stem(&file.content_path);
        let dated_stem = date_prefix(stem);
        let title = self.required_text("title", "briefing");
        let date = match self.get("date") {
            Some(n) if n.value != Yaml::Null => self.when("date"),
            _ => match dated_stem {
                Some((d, _)) => match When::parse(d) {
                    Ok(w) => Some(w),
                    Err(e) => {
                        self.error(Span::FILE, format!("file name date: {e}"));
                        None
                    }
                },
                None => {
                    self.error(
                        Span::FILE,
                        "missing `date`: add `date: YYYY-MM-DD` or start the file name with YYYY-MM-DD-",
                    );
                    None
                }
            },
        };
        let updated = self.when("updated");
        let summary = self.text("summary").map(|s| s.value);
        let slug = match self.text("slug") {
            Some(s) => match Slug::new(&s.value) {
                Some(slug) => Some(slug),
                None => {
                    self.error(
                        s.span,
                        format!("slug `{}` has no letters or digits", s.value),
                    );
                    None
                }
            },
            None => {
                let base = dated_stem.map_or(stem, |(_, rest)| rest);
                match Slug::new(base) {
                    Some(slug) => Some(slug),
                    None => {
                        self.error(
                            Span::FILE,
                            format!(
                                "file name `{stem}` gives an empty slug: rename it or add `slug:`"
                            ),
                        );
                        None
                    }
                }
            }
        };
        let actors = self.list("actors");
        let places = self.list("places");
        let topics = self.list("topics");
        let tags = self.list("tags");
        for t in &tags {
            if Slug::new(&t.value).is_none() {
                self.ok = false;
                self.diags.error(
                    self.path,
                    t.span,
                    format!("tag `{}` has no letters or digits", t.value),
                );
            }
        }
        let sources = self.sources();
        let stances = self.stances(sources.len());
        let confidence = match self.text("confidence") {
            Some(c) => match Confidence::parse(c.value.trim()) {
                Some(c) => Some(c),
                None => {
                    self.error(
                        c.span,
                        format!(
                            "unknown confidence `{}`: use low, moderate or high",
                            c.value
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let draft = match self.get("draft").cloned() {
            None => false,
            Some(Node {
                value: Yaml::Bool(b),
                ..
            }) => b,
            Some(Node {
                value: Yaml::Null, ..
            }) => false,
            Some(n) => {
                self.error(
                    n.span,
                    format!("`draft` must be true or false, not {}", n.value.describe()),
                );
                false
            }
        };
        let extra = self.extra();
        Some(Briefing {
            path: file.path.clone(),
            content_path: file.content_path.clone(),
            slug: slug?,
            title: title?.value,
            date: date?,
            updated,
            summary,
            actors,
            places,
            topics,
            stances,
            tags,
            sources,
            confidence,
            draft,
            extra,
            body: body.to_string(),
            body_line,
        })
    }

    fn sources(&mut self) -> Vec<Source> {
        let Some(node) = self.get("sources").cloned() else {
            return Vec::new();
        };
        let items = match node.value {
            Yaml::Seq(items) => items,
            Yaml::Null => return Vec::new(),
            other => {
                self.error(
                    node.span,
                    format!("`sources` must be a list, not {}", other.describe()),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            match &item.value {
                Yaml::String(url) => out.push(Source {
                    title: url.clone(),
                    url: Some(url.clone()),
                    publisher: None,
                    date: None,
                }),
                Yaml::Map(entries) => {
                    let mut sub = Fields {
                        path: self.path,
                        entries: entries.clone(),
                        diags: self.diags,
                        ok: true,
                    };
                    sub.warn_unknown(SOURCE_KEYS, "source");
                    let url = sub.text("url").map(|s| s.value);
                    let title = sub.text("title").map(|s| s.value);
                    let publisher = sub.text("publisher").map(|s| s.value);
                    let date = sub.text("date").map(|d| match When::parse(&d.value) {
                        Ok(w) => w.ymd(),
                        Err(e) => {
                            sub.error(d.span, format!("source `date`: {e}"));
                            d.value
                        }
                    });
                    if title.is_none() && url.is_none() {
                        sub.error(item.span, "a source needs a `title` or a `url`");
                    }
                    self.ok &= sub.ok;
                    out.push(Source {
                        title: title.or_else(|| url.clone()).unwrap_or_default(),
                        url,
                        publisher,
                        date,
                    });
                }
                other => self.error(
                    item.span,
                    format!(
                        "a source must be a mapping (title, url, publisher, date), not {}",
                        other.describe()
                    ),
                ),
            }
        }
        out
    }

    fn stances(&mut self, source_count: usize) -> Vec<StanceSrc> {
        let Some(node) = self.get("stances").cloned() else {
            return Vec::new();
        };
        let items = match node.value {
            Yaml::Seq(items) => items,
            Yaml::Null => return Vec::new(),
            other => {
                self.error(
                    node.span,
                    format!("`stances` must be a list, not {}", other.describe()),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            let Yaml::Map(entries) = &item.value else {
                self.error(
                    item.span,
                    format!(
                        "a stance must be a mapping (actor, on, position, …), not {}",
                        item.value.describe()
                    ),
                );
                continue;
            };
            let mut sub = Fields {
                path: self.path,
                entries: entries.clone(),
                diags: self.diags,
                ok: true,
            };
            sub.warn_unknown(STANCE_KEYS, "stance");
            let actor = sub.stance_field("actor", item.span);
            let on = sub.stance_field("on", item.span);
            let position = match sub.stance_field("position", item.span) {
                Some(p) => match Position::parse(p.value.trim()) {
                    Some(p) => Some(p),
                    None => {
                        sub.error(
                            p.span,
                            format!(
                                "unknown position `{}`: use supports, opposes, mixed, neutral or unclear",
                                p.value
                            ),
                        );
                        None
                    }
                },
                None => None,
            };
            let quote = sub.text("quote").map(|q| q.value);
            let by = sub.text("by");
            let source = match sub.get("source").cloned() {
                None => None,
                Some(n) => {
                    let idx = scalar(&n).and_then(|s| s.trim().parse::<usize>().ok());
                    match idx {
                        Some(i) if i >= 1 && i <= source_count => Some(i - 1),
                        _ => {
                            sub.error(
                                n.span,
                                format!(
                                    "stance `source` must be a number from 1 to {source_count} (the briefing's sources)"
                                ),
                            );
                            None
                        }
                    }
                }
            };
            self.ok &= sub.ok;
            if let (Some(actor), Some(on), Some(position)) = (actor, on, position) {
                out.push(StanceSrc {
                    actor,
                    on,
                    position,
                    quote,
                    by,
                    source,
                });
            }
        }
        out
    }

    fn stance_field(&mut self, key: &str, item: Span) -> Option<Spanned<String>> {
        match self.text(key) {
            Some(t) if !t.value.trim().is_empty() => Some(Spanned {
                value: t.value.trim().to_string(),
                span: t.span,
            }),
            Some(t) => {
                self.error(t.span, format!("stance `{key}` is empty"));
                None
            }
            None => {
                if self.get(key).is_none_or(|n| n.value == Yaml::Null) {
                    self.error(item, format!("stance is missing `{key}`"));
                }
                None
            }
        }
    }

    fn profile(
        &mut self,
        file: &SourceFile,
        kind: Kind,
        body: &str,
        body_line: u32,
    ) -> Option<Profile> {
        // Topics are titled, others named; either key is accepted for any kind.
        let name_key =
            if self.get("name").is_none() && (kind == Kind::Topic || self.get("title").is_some()) {
                "title"
            } else {
                "name"
            };
        let mut allowed = vec!["name", "title", "aliases", "kind", "extra"];
        match kind {
            Kind::Actor => allowed.extend(["role", "affiliation"]),
            Kind::Place => allowed.extend(["within", "coords"]),
            Kind::Topic => allowed.push("question"),
        }
        self.warn_unknown(&allowed, kind.word());
        let stem = file_stem(&file.content_path);
        let id = Slug::new(stem);
        if id.is_none() {
            self.error(
                Span::FILE,
                format!("file name `{stem}` gives an empty id: rename the file"),
            );
        }
        let name = self.required_text(name_key, &format!("{} profile", kind.word()));
        let aliases = self.list("aliases").into_iter().map(|a| a.value).collect();
        let subkind = self.text("kind");
        let allowed_kinds: &[&str] = match kind {
            Kind::Actor => &["person", "organization", "state", "group"],
            Kind::Place => &["country", "region", "city", "site"],
            Kind::Topic => &[],
        };
        if let Some(k) = &subkind
            && !allowed_kinds.is_empty()
            && !allowed_kinds.contains(&k.value.as_str())
        {
            self.diags.warning(
                self.path,
                k.span,
                format!(
                    "unknown {} kind `{}` (expected {})",
                    kind.word(),
                    k.value,
                    allowed_kinds.join(", ")
                ),
            );
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
        let extra = self.extra();
        Some(Profile {
            path: file.path.clone(),
            content_path: file.content_path.clone(),
            kind,
            id: id?,
            name: name?.value,
            aliases,
            subkind: subkind.map(|k| k.value),
            role,
            affiliation,
            within,
            coords,
            question,
            extra,
            body: body.to_string(),
            body_line,
        })
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
                node.span,
                "`coords` must be [latitude, longitude] in degrees",
            );
        }
        None
    }
}

fn scalar(node: &Node) -> Option<String> {
    match &node.value {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Number(n) => Some(n.clone()),
        Yaml::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn file_stem(content_path: &str) -> &str {
    let name = content_path.rsplit('/').next().unwrap_or(content_path);
    name.strip_suffix(".md").unwrap_or(name)
}

/// Splits `YYYY-MM-DD-rest` into the date and the rest.
fn date_prefix(stem: &str) -> Option<(&str, &str)> {
    let b = stem.as_bytes();
    let shape = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    shape.then(|| (&stem[..10], &stem[11..]))
}
