//! Turns a source file into a typed briefing or profile, reporting every problem found.

mod briefing;
pub(crate) mod cut_text;
pub mod evidence;
mod judgments;
mod profile;

pub use profile::{MAX_ALIASES, MAX_LINKS, profile_keys, starter_profile, subkinds};

use crate::diagnostic::{Code, Diagnostics, Span};
use crate::front_matter::{self, Node, Yaml};
use crate::model::{
    Briefing, ImageRef, Kind, Moment, Profile, RegistrySource, Slug, Spanned, When,
};
use crate::source::SourceFile;

/// What a Markdown file turned out to be.
#[derive(Debug, Clone)]
pub enum Parsed {
    Briefing(Box<Briefing>),
    Profile(Box<Profile>),
    /// A file of `content/sources/`.
    Source(Box<RegistrySource>),
}

/// A briefing's keys before the lists of names, which follow in kind order (`actors`, …).
const BRIEFING_KEYS_BEFORE_NAMES: &[&str] = &["title", "date", "updated", "summary", "slug"];
/// A briefing's keys after the lists of names.
const BRIEFING_KEYS_AFTER_NAMES: &[&str] = &[
    "reviewed_by",
    "stances",
    "tags",
    "sources",
    "confidence",
    "judgments",
    "draft",
    "publish_at",
    "expires",
    "corrections",
    "moved_from",
    "image",
    "alt",
    "lang",
    "translation_of",
    "translation_key",
    "extra",
];

/// Every key of a briefing's front matter, in the order the unknown-key warning lists them.
pub fn briefing_keys() -> Vec<&'static str> {
    let names = Kind::ALL.map(Kind::dir);
    [
        BRIEFING_KEYS_BEFORE_NAMES,
        &names,
        BRIEFING_KEYS_AFTER_NAMES,
    ]
    .concat()
}

/// The keys of one entry of `stances:`.
pub const STANCE_KEYS: &[&str] = &["actor", "on", "position", "quote", "by", "source"];
/// The keys of one entry of `sources:`.
pub const SOURCE_KEYS: &[&str] = &[
    "title",
    "url",
    "publisher",
    "date",
    "source",
    "reliability",
    "credibility",
    "retracted",
    "retraction_note",
];
/// The keys of a file of `content/sources/`.
pub const REGISTRY_KEYS: &[&str] = &[
    "title",
    "name",
    "url",
    "publisher",
    "date",
    "reliability",
    "credibility",
    "retracted",
    "retraction_note",
];
/// The keys of one entry of `judgments:`.
pub const JUDGMENT_KEYS: &[&str] = &["statement", "likelihood", "confidence", "on", "answer"];
/// The keys of a topic's `resolved:`.
pub const RESOLVED_KEYS: &[&str] = &["date", "outcome", "note"];
/// The keys of one entry of `corrections:`.
pub const CORRECTION_KEYS: &[&str] = &["date", "text"];

/// Parses one file; `None` when it has errors (which are recorded in `diags`).
pub fn parse_file(file: &SourceFile, diags: &mut Diagnostics) -> Option<Parsed> {
    let split = match front_matter::split(&file.text) {
        Ok(s) => s,
        Err(e) => {
            let d = diags.error(e.code, &file.path, e.span, e.message);
            if let Some(h) = e.help {
                d.with_help(h);
            }
            return None;
        }
    };
    let mut root = match front_matter::parse_with_warnings(split.yaml, split.yaml_line) {
        Ok((n, warnings)) => {
            for w in warnings {
                diags.warning(w.code, &file.path, file.file_span(w.span), w.message);
            }
            n
        }
        Err(e) => {
            let d = diags.error(e.code, &file.path, file.file_span(e.span), e.message);
            if let Some(h) = e.help {
                d.with_help(h);
            }
            return None;
        }
    };
    if !file.removed.is_empty() {
        in_file(&mut root, file);
    }
    let Yaml::Map(entries) = root.value else {
        return None;
    };
    let profile_kind = file
        .content_path
        .split('/')
        .next()
        .filter(|_| file.content_path.contains('/'))
        .and_then(Kind::from_dir);
    let text_fields = match profile_kind {
        Some(_) => cut_text::Fields::Profile,
        None => cut_text::Fields::Briefing,
    };
    cut_text::warn(&entries, text_fields, &file.path, diags);
    let mut fields = Fields {
        path: &file.path,
        entries,
        diags,
        ok: true,
        slips: Vec::new(),
    };
    if evidence::is_registry_path(&file.content_path) {
        return fields
            .registry_source(file, split.body)
            .map(|s| Parsed::Source(Box::new(s)));
    }
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

/// Moves every position of a parsed tree to the column the file shows (see
/// [`SourceFile::file_span`]).
fn in_file(node: &mut Node, file: &SourceFile) {
    node.span = file.file_span(node.span);
    if let Some(cut) = &mut node.cut {
        cut.hash = file.file_span(cut.hash);
    }
    match &mut node.value {
        Yaml::Seq(items) => items.iter_mut().for_each(|n| in_file(n, file)),
        Yaml::Map(entries) => {
            for (_, key, value) in entries {
                *key = file.file_span(*key);
                in_file(value, file);
            }
        }
        _ => {}
    }
}

struct Fields<'a> {
    path: &'a str,
    entries: Vec<(String, Span, Node)>,
    diags: &'a mut Diagnostics,
    /// False once an error was reported for this mapping.
    ok: bool,
    /// Known keys written with a slip (D041, reported): not reported missing as well.
    slips: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// The fields of a mapping nested in a file's front matter (a stance, a source, a
    /// dated entry), reporting into the file's diagnostics.
    fn nested(path: &'a str, entries: &[(String, Span, Node)], diags: &'a mut Diagnostics) -> Self {
        Fields {
            path,
            entries: entries.to_vec(),
            diags,
            ok: true,
            slips: Vec::new(),
        }
    }

    /// Records an error with a "did you mean" help when `typed` is close to one of `known`.
    fn error_suggesting(
        &mut self,
        code: Code,
        span: Span,
        msg: impl Into<String>,
        typed: &str,
        known: &[&str],
    ) {
        self.ok = false;
        let d = self.diags.error(code, self.path, span, msg);
        if let Some(h) = crate::suggest::did_you_mean(typed, known.iter().copied()) {
            d.with_help(h);
        }
    }

    fn error(&mut self, code: Code, span: Span, msg: impl Into<String>) {
        self.ok = false;
        self.diags.error(code, self.path, span, msg);
    }

    fn get(&self, key: &str) -> Option<&Node> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, n)| n)
    }

    fn warn_unknown(&mut self, allowed: &[&'static str], what: &str) {
        let unknown: Vec<(String, Span)> = self
            .entries
            .iter()
            .filter(|(k, _, _)| !allowed.contains(&k.as_str()))
            .map(|(k, s, _)| (k.clone(), *s))
            .collect();
        for (k, span) in unknown {
            let known = format!(
                "{what} front matter (known keys: {}); put custom data under `extra:`",
                allowed.join(", ")
            );
            if let Some(meant) = unknown_key(self.diags, self.path, span, &k, allowed, &known) {
                self.ok = false;
                self.slips.push(meant);
            }
        }
    }

    /// True when `key` was written with a slip (and reported so).
    fn slipped(&self, key: &str) -> bool {
        self.slips.contains(&key)
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
                self.error(Code::WrongType, node.span, msg);
                None
            }
        }
    }

    fn required_text(&mut self, key: &str, what: &str) -> Option<Spanned<String>> {
        match self.text(key) {
            Some(t) if !t.value.trim().is_empty() => Some(t),
            Some(t) => {
                self.error(
                    Code::MissingField,
                    t.span,
                    format!("`{key}` is empty: every {what} needs one"),
                );
                None
            }
            None => {
                if self.get(key).is_none_or(|n| n.value == Yaml::Null) && !self.slipped(key) {
                    self.error(
                        Code::MissingField,
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
                            Code::WrongType,
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
                    self.error(
                        Code::WrongType,
                        node.span,
                        format!("`{key}` must be a list of names"),
                    );
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
                self.ok = false;
                let d = self.diags.error(
                    Code::InvalidDate,
                    self.path,
                    t.span,
                    format!("`{key}`: {e}"),
                );
                if let Some(h) = e.help() {
                    d.with_help(h);
                }
                None
            }
        }
    }

    /// A `publish_at:` or `expires:` moment: a date, or a date and time with or without an
    /// offset.
    fn moment(&mut self, key: &str) -> Option<Spanned<Moment>> {
        let t = self.text(key)?;
        match Moment::parse(&t.value) {
            Some(m) => Some(Spanned {
                value: m,
                span: t.span,
            }),
            None => {
                self.error(
                    Code::InvalidDate,
                    t.span,
                    format!(
                        "`{key}`: `{}` is not a date and time: write 2026-12-05T09:00 (in site.yaml's timezone) or 2026-12-05T09:00:00+01:00",
                        t.value.trim()
                    ),
                );
                None
            }
        }
    }

    /// The entries of the list under `key`; empty (with an error) when it is not a list.
    fn items(&mut self, key: &str) -> Vec<Node> {
        let Some(node) = self.get(key).cloned() else {
            return Vec::new();
        };
        match node.value {
            Yaml::Seq(items) => items,
            Yaml::Null => Vec::new(),
            other => {
                self.error(
                    Code::WrongType,
                    node.span,
                    format!("`{key}` must be a list, not {}", other.describe()),
                );
                Vec::new()
            }
        }
    }

    /// `image:` and `alt:`. A picture without a text alternative, or a text alternative
    /// without a picture, is warned about: the one is lost on screen-reader users, the
    /// other on everyone.
    /// `lang:`, `translation_of:` and `translation_key:`.
    fn translation(&mut self) -> crate::model::Translation {
        crate::model::Translation {
            lang: self.text("lang").filter(|l| !l.value.trim().is_empty()),
            of: self
                .text("translation_of")
                .filter(|l| !l.value.trim().is_empty()),
            key: self
                .text("translation_key")
                .filter(|l| !l.value.trim().is_empty()),
        }
    }

    fn picture(&mut self) -> ImageRef {
        let image = self.text("image").filter(|i| !i.value.trim().is_empty());
        let alt = self.text("alt");
        match (&image, &alt) {
            (Some(i), None) if !self.slipped("alt") => {
                self.diags
                    .warning(
                        Code::ImageWithoutAlt,
                        self.path,
                        i.span,
                        "`image:` without `alt:`: screen readers have nothing to say for the picture",
                    )
                    .with_help(
                        "add `alt:` saying what the picture shows (`alt: \"\"` marks a picture that only decorates)",
                    );
            }
            (None, Some(a)) if !self.slipped("image") => {
                self.diags.warning(
                    Code::AltWithoutImage,
                    self.path,
                    a.span,
                    "`alt:` without `image:`: there is no picture for it to describe",
                );
            }
            _ => {}
        }
        ImageRef {
            image: image.map(|i| Spanned {
                value: i.value.trim().to_string(),
                span: i.span,
            }),
            alt: alt.map(|a| Spanned {
                value: a.value.trim().to_string(),
                span: a.span,
            }),
        }
    }

    fn extra(&mut self) -> serde_json::Value {
        self.get("extra")
            .map(|n| n.value.to_json())
            .filter(|v| !v.is_null())
            .unwrap_or_else(|| serde_json::Value::Object(Default::default()))
    }
}

/// Reports the unknown key `typed` at `span` of `path`: an error (D041) when it is a slip
/// of one of `known` (another case, or within the edit distance of a typo), since its whole
/// value would be dropped; otherwise a warning (D007) naming `place`, where it stands and
/// which keys it knows. Gives the key meant, when it was an error.
pub(crate) fn unknown_key(
    diags: &mut Diagnostics,
    path: &str,
    span: Span,
    typed: &str,
    known: &[&'static str],
    place: &str,
) -> Option<&'static str> {
    let meant = known
        .iter()
        .copied()
        .find(|k| k.eq_ignore_ascii_case(typed))
        .or_else(|| crate::suggest::closest(typed, known.iter().copied()));
    match meant {
        Some(key) => {
            let extra = if known.contains(&"extra") {
                "; custom data goes under `extra:`"
            } else {
                ""
            };
            diags
                .error(
                    Code::MisspelledKey,
                    path,
                    span,
                    format!("unknown key `{typed}`: did you mean `{key}`?"),
                )
                .with_help(format!(
                    "write `{key}:` (its value is not read under `{typed}:`){extra}"
                ))
                .with_fix(
                    format!("Rename the key to `{key}`"),
                    crate::diagnostic::Edit::Replace {
                        at: span,
                        to_line_end: false,
                        text: key.to_string(),
                    },
                );
            Some(key)
        }
        None => {
            diags.warning(
                Code::UnknownKey,
                path,
                span,
                format!("unknown key `{typed}` in {place}"),
            );
            None
        }
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

/// The slug a briefing at `content_path` (relative to `content/`) gets when it has no
/// `slug:` key: its file name without `.md` and without a `YYYY-MM-DD-` prefix.
pub fn slug_from_file_name(content_path: &str) -> Option<Slug> {
    let stem = file_stem(content_path);
    Slug::new(date_prefix(stem).map_or(stem, |(_, rest)| rest))
}

fn file_stem(content_path: &str) -> &str {
    let name = content_path.rsplit('/').next().unwrap_or(content_path);
    // `.md` in any case: `x.MD` is a page too (source::is_markdown).
    match name.len().checked_sub(3) {
        Some(i) if name.is_char_boundary(i) && name[i..].eq_ignore_ascii_case(".md") => &name[..i],
        _ => name,
    }
}

/// Splits `YYYY-MM-DD-rest` into the date and the rest.
pub(crate) fn date_prefix(stem: &str) -> Option<(&str, &str)> {
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
