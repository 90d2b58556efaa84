//! Briefing front matter: required fields, references, stances and sources.

use super::{CORRECTION_KEYS, Fields, SOURCE_KEYS, STANCE_KEYS, date_prefix, file_stem, scalar};
use crate::diagnostic::{Code, Span};
use crate::front_matter::{Node, Yaml};
use crate::model::{
    Briefing, Confidence, Correction, PerKind, Position, Slug, Source, Spanned, StanceSrc, When,
};
use crate::source::SourceFile;

impl Fields<'_> {
    pub(super) fn briefing(
        &mut self,
        file: &SourceFile,
        body: &str,
        body_line: u32,
    ) -> Option<Briefing> {
        self.warn_unknown(&super::briefing_keys(), "briefing");
        let stem = file_stem(&file.content_path);
        let dated_stem = date_prefix(stem);
        let title = self.required_text("title", "briefing");
        let date = match self.get("date") {
            Some(n) if n.value != Yaml::Null => self.when("date"),
            _ => match dated_stem {
                Some((d, _)) => match When::parse(d) {
                    Ok(w) => Some(w),
                    Err(e) => {
                        self.error(
                            Code::InvalidDate,
                            Span::FILE,
                            format!("file name date: {e}"),
                        );
                        None
                    }
                },
                None if self.slipped("date") => None,
                None => {
                    self.error(Code::MissingField,
                        Span::FILE,
                        "missing `date`: add `date: YYYY-MM-DD` or start the file name with YYYY-MM-DD-",
                    );
                    None
                }
            },
        };
        let date_span = match self.get("date") {
            Some(n) if n.value != Yaml::Null => n.span,
            _ => Span::FILE,
        };
        let updated_written = self.get("updated").map(|n| n.span).and_then(|span| {
            let value = self.when("updated")?;
            Some(Spanned { value, span })
        });
        let updated = updated_written.as_ref().map(|u| u.value.clone());
        let summary = self.text("summary").map(|s| s.value);
        let slug = match self.text("slug") {
            Some(s) => match Slug::new(&s.value) {
                Some(slug) => Some(slug),
                None => {
                    self.error(
                        Code::NoLetters,
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
                            Code::NoLetters,
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
        let named = PerKind::from_fn(|kind| self.list(kind.dir()));
        // Co-occurrence never counts authors: a long byline is no reason to warn.
        let counted = named.iter().filter(|(kind, _)| !kind.is_byline());
        for (key, list) in counted.map(|(kind, list)| (kind.dir(), list)) {
            if let Some(past) = list.get(crate::model::CO_NAMED) {
                self.diags.warning(
                    Code::CoOccurrenceLimit,
                    self.path,
                    past.span,
                    format!(
                        "{} {key}: co-occurrence (co-actors, place actors, data/graph.json) counts the first {}",
                        list.len(),
                        crate::model::CO_NAMED
                    ),
                );
            }
        }
        let reviewed_by = self.list("reviewed_by");
        let tags = self.list("tags");
        for t in &tags {
            if Slug::new(&t.value).is_none() {
                self.ok = false;
                self.diags.error(
                    Code::NoLetters,
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
                    self.error_suggesting(
                        Code::UnknownValue,
                        c.span,
                        format!(
                            "unknown confidence `{}`: use low, moderate or high",
                            c.value
                        ),
                        &c.value,
                        &["low", "moderate", "high"],
                    );
                    None
                }
            },
            None => None,
        };
        let judgments = self.judgments();
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
                    Code::WrongType,
                    n.span,
                    format!("`draft` must be true or false, not {}", n.value.describe()),
                );
                false
            }
        };
        let publish_at = self.moment("publish_at");
        let expires = self.moment("expires");
        let corrections = self.corrections();
        // A correction is an update: the latest one moves `updated` (page, feeds, JSON-LD).
        let updated = match (updated, corrections.last()) {
            (Some(u), Some(c)) if c.date.epoch > u.epoch => Some(c.date.clone()),
            (None, Some(c)) => Some(c.date.clone()),
            (u, _) => u,
        };
        let moved_from = self.list("moved_from");
        let translation = self.translation();
        let picture = self.picture();
        let extra = self.extra();
        Some(Briefing {
            path: file.path.clone(),
            content_path: file.content_path.clone(),
            // Errors for these are already reported, and the build will fail: placeholders
            // let the references and the body still be checked in this run.
            slug: slug.or_else(|| Slug::new(&file.content_path))?,
            title: title.map_or_else(|| stem.to_string(), |t| t.value),
            date: date.or_else(|| When::parse("1970-01-01").ok())?,
            date_span,
            updated,
            updated_written,
            summary,
            named,
            reviewed_by,
            stances,
            tags,
            sources,
            confidence,
            judgments,
            draft,
            publish_at,
            expires,
            corrections,
            moved_from,
            translation,
            picture,
            extra,
            body: body.into(),
            body_line,
            body_removed: file.removed_from(body_line),
        })
    }

    fn sources(&mut self) -> Vec<Source> {
        let items = self.items("sources");
        // Sized once: a briefing's lists are held to the end of the build, and one grown
        // by pushes is a third empty on average.
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match &item.value {
                Yaml::String(raw) if super::evidence::is_source_id(raw) => out.push(Source {
                    title: raw.trim().to_string(),
                    url: None,
                    publisher: None,
                    date: None,
                    cites: Some(Spanned {
                        value: raw.trim().to_string(),
                        span: item.span,
                    }),
                    bare: true,
                    written: Default::default(),
                    grade: Default::default(),
                    retracted: None,
                    span: item.span,
                    date_at: None,
                }),
                Yaml::String(raw) => {
                    let url = safe_url(raw, item.span, self.path, self.diags);
                    out.push(Source {
                        title: raw.clone(),
                        url,
                        publisher: None,
                        date: None,
                        cites: None,
                        bare: false,
                        written: Default::default(),
                        grade: Default::default(),
                        retracted: None,
                        span: item.span,
                        date_at: None,
                    })
                }
                Yaml::Map(entries) => {
                    let mut sub = Fields::nested(self.path, entries, self.diags);
                    sub.warn_unknown(SOURCE_KEYS, "source");
                    let source = sub.source_fields(item.span, true);
                    self.ok &= sub.ok;
                    out.push(source);
                }
                other => self.error(
                    Code::WrongType,
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

    /// The fields of one source, of a briefing's `sources:` (`cited`: it may name a source
    /// of the registry with `source:`) or of a file of `content/sources/`.
    pub(super) fn source_fields(&mut self, at: Span, cited: bool) -> Source {
        let url = self
            .text("url")
            .and_then(|u| safe_url(&u.value, u.span, self.path, self.diags));
        let title = self
            .text("title")
            .or_else(|| if cited { None } else { self.text("name") })
            .map(|s| s.value);
        let publisher = self.text("publisher").map(|s| s.value);
        let date_span = self.get("date").map(|n| n.span);
        let date = self.text("date").map(|d| match When::parse(&d.value) {
            Ok(w) => w.ymd(),
            Err(e) => {
                self.ok = false;
                let diag = self.diags.error(
                    Code::InvalidDate,
                    self.path,
                    d.span,
                    format!("source `date`: {e}"),
                );
                if let Some(h) = e.help() {
                    diag.with_help(h);
                }
                d.value
            }
        });
        let cites = if cited {
            self.text("source").filter(|c| !c.value.trim().is_empty())
        } else {
            None
        };
        let (written, retracted) = self.grading();
        if title.is_none()
            && url.is_none()
            && cites.is_none()
            && !self.slipped("title")
            && !self.slipped("url")
            && !self.slipped("source")
        {
            let needs = if cited {
                "a source needs a `title`, a `url` or a `source:` id of content/sources/"
            } else {
                "a source file needs a `title` (or `name`) or a `url`"
            };
            self.error(Code::MissingField, at, needs);
        }
        Source {
            title: title.or_else(|| url.clone()).unwrap_or_default(),
            url,
            publisher,
            date,
            cites: cites.map(|c| Spanned {
                value: c.value.trim().to_string(),
                span: c.span,
            }),
            bare: false,
            written,
            grade: Default::default(),
            retracted,
            span: at,
            date_at: date_span.map(|s| (s, false)),
        }
    }

    /// `corrections:`, a list of `{date, text}`, sorted oldest first.
    fn corrections(&mut self) -> Vec<Correction> {
        let mut out = Vec::new();
        for item in self.items("corrections") {
            let Yaml::Map(entries) = &item.value else {
                self.error(
                    Code::WrongType,
                    item.span,
                    format!(
                        "a correction must be a mapping (date, text), not {}",
                        item.value.describe()
                    ),
                );
                continue;
            };
            let mut sub = Fields::nested(self.path, entries, self.diags);
            sub.warn_unknown(CORRECTION_KEYS, "correction");
            let date = sub.when("date");
            let text = sub.text("text").filter(|t| !t.value.trim().is_empty());
            if date.is_none() && !sub.slipped("date") && sub.get("date").is_none() {
                sub.error(Code::MissingField, item.span, "a correction needs a `date`");
            }
            if text.is_none() && !sub.slipped("text") {
                sub.error(Code::MissingField, item.span, "a correction needs a `text`");
            }
            self.ok &= sub.ok;
            if let (Some(date), Some(text)) = (date, text) {
                out.push(Correction {
                    date,
                    text: text.value.trim().to_string(),
                });
            }
        }
        out.sort_by_key(|c| c.date.epoch);
        out
    }

    fn stances(&mut self, source_count: usize) -> Vec<StanceSrc> {
        let items = self.items("stances");
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let Yaml::Map(entries) = &item.value else {
                self.error(
                    Code::WrongType,
                    item.span,
                    format!(
                        "a stance must be a mapping (actor, on, position, …), not {}",
                        item.value.describe()
                    ),
                );
                continue;
            };
            let mut sub = Fields::nested(self.path, entries, self.diags);
            sub.warn_unknown(STANCE_KEYS, "stance");
            let actor = sub.stance_field("actor", item.span);
            let on = sub.stance_field("on", item.span);
            let position = match sub.stance_field("position", item.span) {
                Some(p) => match Position::parse(p.value.trim()) {
                    Some(pos) => Some((pos, p.span)),
                    None => {
                        sub.error_suggesting(Code::UnknownValue,
                            p.span,
                            format!(
                                "unknown position `{}`: use supports, opposes, mixed, neutral or unclear",
                                p.value
                            ),
                            &p.value,
                            &["supports", "opposes", "mixed", "neutral", "unclear"],
                        );
                        None
                    }
                },
                None => None,
            };
            let (quote, quote_span) = match sub.text("quote") {
                Some(q) => (Some(q.value), Some(q.span)),
                None => (None, None),
            };
            let by = sub.text("by");
            let source = match sub.get("source").cloned() {
                None => None,
                Some(n) => {
                    let idx = scalar(&n).and_then(|s| s.trim().parse::<usize>().ok());
                    match idx {
                        Some(i) if i >= 1 && i <= source_count => Some(i - 1),
                        _ => {
                            let msg = if source_count == 0 {
                                "stance `source` points into `sources`, but this briefing lists none".to_string()
                            } else {
                                format!(
                                    "stance `source` must be a number from 1 to {source_count} (the briefing's sources)"
                                )
                            };
                            sub.error(Code::SourceIndex, n.span, msg);
                            None
                        }
                    }
                }
            };
            self.ok &= sub.ok;
            if let (Some(actor), Some(on), Some((position, position_span))) = (actor, on, position)
            {
                out.push(StanceSrc {
                    actor,
                    on,
                    position,
                    position_span,
                    quote,
                    quote_span,
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
                self.error(
                    Code::MissingField,
                    t.span,
                    format!("stance `{key}` is empty"),
                );
                None
            }
            None => {
                if self.get(key).is_none_or(|n| n.value == Yaml::Null) && !self.slipped(key) {
                    self.error(
                        Code::MissingField,
                        item,
                        format!("stance is missing `{key}`"),
                    );
                }
                None
            }
        }
    }
}

/// `u` with the characters a URL may not hold as they are (spaces, quotes, angle brackets
/// and the like) percent-encoded, so the `href` is a valid URL; `%` escapes already there
/// are kept.
fn encode_url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        if c.is_ascii_control() || " \"<>\\^`{|}".contains(c) {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A source URL that is safe to put in `href`: http(s), mailto or relative. Anything else
/// (`javascript:`, `data:` …) is dropped with a warning; the source keeps its title.
fn safe_url(
    url: &str,
    span: Span,
    path: &str,
    diags: &mut crate::diagnostic::Diagnostics,
) -> Option<String> {
    let u = url.trim();
    // The scheme a browser would see: `java\tscript:` and `&#106;avascript:` are javascript.
    match crate::urls::scheme(u).as_deref() {
        None if looks_like_a_host(u) => {
            diags
                .warning(
                    Code::UrlWithoutScheme,
                    path,
                    span,
                    format!(
                        "source URL `{u}` has no `https://`: it would link to a page of this site that does not exist"
                    ),
                )
                .with_help(format!("write it in full: https://{u}"))
                .with_fix(
                    "Add `https://`",
                    crate::diagnostic::Edit::Prefix {
                        at: span,
                        text: "https://".to_string(),
                    },
                );
            Some(encode_url(u))
        }
        None | Some("http" | "https" | "mailto") => Some(encode_url(u)),
        Some(other) => {
            diags.warning(
                Code::UnlinkedUrl,
                path,
                span,
                format!("source URL with scheme `{other}:` is not linked; use http(s)"),
            );
            None
        }
    }
}

/// Extensions of files a relative source URL may name (`report.pdf`), whose first segment
/// has a dot like a host name's.
const FILE_EXTENSIONS: &[&str] = &[
    "pdf", "html", "htm", "md", "csv", "json", "xml", "txt", "png", "jpg", "jpeg", "gif", "svg",
    "webp", "zip", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "mp3", "mp4", "epub",
];

/// True when a URL without a scheme starts with a host name (`example.com/x`,
/// `www.example.org`), which a browser would read as a path under the current page: its
/// first segment has dotted labels of letters, digits and `-`, the last letters only, and is
/// not a file name (`report.pdf`) or a relative path (`./x`, `../x`, `/x`, `#x`).
fn looks_like_a_host(u: &str) -> bool {
    if u.starts_with(['/', '.', '#', '?']) {
        return false;
    }
    let first = u.split(['/', '?', '#']).next().unwrap_or(u);
    let host = first.rsplit_once(':').map_or(first, |(h, port)| {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            h
        } else {
            first
        }
    });
    let labels: Vec<&str> = host.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && tld.len() >= 2
        && tld.chars().all(char::is_alphabetic)
        && (host.starts_with("www.")
            || first.len() < u.len()
            || !FILE_EXTENSIONS.contains(&tld.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::{encode_url, looks_like_a_host};

    #[test]
    fn host_names_without_a_scheme_are_told_from_relative_links() {
        for host in [
            "example.com/x",
            "www.example.org/a",
            "example.com",
            "news.bbc.co.uk/2/hi",
            "example.com:8080/a",
            "www.report.pdf",
            "президент.рф/news",
        ] {
            assert!(looks_like_a_host(host), "{host}");
        }
        for relative in [
            "/x",
            "./a.b/c",
            "../a.b/c",
            "#a.b",
            "report.pdf",
            "data/x.csv",
            "notes",
            "v1.2/x",
            "a..b/x",
            "",
        ] {
            assert!(!looks_like_a_host(relative), "{relative}");
        }
    }

    #[test]
    fn source_urls_are_encoded_where_a_url_cannot_hold_a_character() {
        assert_eq!(
            encode_url("https://example.com/a b?x=1&y=\"2\"<>|%20"),
            "https://example.com/a%20b?x=1&y=%222%22%3C%3E%7C%20"
        );
        assert_eq!(
            encode_url("https://example.com/Київ"),
            "https://example.com/Київ"
        );
    }
}
