//! What a name or link under the cursor points at, and every place in the site that names
//! an entity: shared by hover, definition, references and rename.

use super::cursor::{self, Place};
use super::workspace::Workspace;
use crate::model::{BriefingIdx, EntityIdx, Kind, Slug};
use crate::names::NameMatch;
use crate::parse::Parsed;

/// A page a name or link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Entity(EntityIdx),
    Briefing(BriefingIdx),
}

/// The kind of entity the value of `key` (under `parent`) names, in a file whose profile
/// kind is `profile` (`None` for a briefing).
pub fn kind_of_value(key: &str, parent: Option<&str>, profile: Option<Kind>) -> Option<Kind> {
    match (profile, parent, key) {
        (None, None, "reviewed_by") => Some(Kind::Author),
        (None, None, k) => Kind::from_dir(k),
        (None, Some("stances"), "actor" | "by") => Some(Kind::Actor),
        (None, Some("stances"), "on") => Some(Kind::Topic),
        (Some(Kind::Actor), None, "affiliation") => Some(Kind::Actor),
        (Some(Kind::Place), None, "within") => Some(Kind::Place),
        _ => None,
    }
}

/// The kind of profile the file `rel` holds, if it is one.
pub fn profile_kind(rel: &str) -> Option<Kind> {
    let inner = rel.strip_prefix("content/")?;
    let (dir, rest) = inner.split_once('/')?;
    (!rest.is_empty()).then_some(())?;
    Kind::from_dir(dir)
}

/// The kind of a `[[kind:…]]` prefix (`None` for no prefix or `briefing`).
pub fn kind_of_prefix(prefix: Option<&str>) -> Option<Kind> {
    prefix.and_then(Kind::from_word)
}

/// The entity `name` names among those of `kind` (any kind when `None`) in the last check.
pub fn entity_named(ws: &Workspace, name: &str, kind: Option<Kind>) -> Option<EntityIdx> {
    match ws.names.find(name, kind) {
        NameMatch::One(e) => Some(e),
        _ => None,
    }
}

/// What the name or link at character column `col` of 0-based `line` of `text` (the file
/// `rel`) points at.
pub fn target_at(ws: &Workspace, rel: &str, text: &str, line: u32, col: usize) -> Option<Target> {
    match cursor::place(text, line, col) {
        Place::Value { key, parent, token } => {
            let kind = kind_of_value(&key, parent.as_deref(), profile_kind(rel))?;
            entity_named(ws, &token.text, Some(kind)).map(Target::Entity)
        }
        Place::Wiki { prefix, token } => {
            let name = token
                .text
                .split('#')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            if prefix.as_deref() == Some("briefing") {
                return ws.names.briefing(&name).map(Target::Briefing);
            }
            entity_named(ws, &name, kind_of_prefix(prefix.as_deref())).map(Target::Entity)
        }
        Place::Link { token } => {
            let path = link_path(rel, &token.text)?;
            file_target(ws, &path)
        }
        _ => None,
    }
}

/// The file a relative Markdown link `dest` in file `rel` points at (`None` for a URL or a
/// path leaving the site).
pub fn link_path(rel: &str, dest: &str) -> Option<String> {
    let dest = dest.split('#').next()?;
    if dest.is_empty() || dest.contains("://") || dest.starts_with('/') || dest.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    for p in dest.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let path = parts.join("/");
    path.starts_with("content/").then_some(path)
}

/// The page the file `path` (from the site root) renders, in the last check.
pub fn file_target(ws: &Workspace, path: &str) -> Option<Target> {
    let r = &ws.site.resolved;
    if let Some(i) = r.briefings.iter().position(|b| b.path == path) {
        return Some(Target::Briefing(BriefingIdx(i as u32)));
    }
    r.entities
        .iter()
        .position(|e| e.profile.as_ref().is_some_and(|p| p.path == path))
        .map(|i| Target::Entity(EntityIdx(i as u32)))
}

/// The file `target` is written in, if it has one (stubs have none).
pub fn file_of(ws: &Workspace, target: Target) -> Option<String> {
    let r = &ws.site.resolved;
    match target {
        Target::Briefing(b) => Some(r.briefing(b).path.clone()),
        Target::Entity(e) => r.entity(e).profile.as_ref().map(|p| p.path.clone()),
    }
}

/// One place a file names an entity: 1-based line, the character column (0-based) and
/// length of the name as written, and the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub path: String,
    pub line: u32,
    pub col: usize,
    pub len: usize,
    pub written: String,
    /// In a `[[…]]` link of the body, not in front matter.
    pub in_body: bool,
}

/// Every place the site names entity `e`: front-matter names, reviewers, stance actors,
/// topics and voices, profiles' `affiliation`/`within`, and `[[…]]` links of every body.
pub fn mentions(ws: &Workspace, e: EntityIdx) -> Vec<Mention> {
    let kind = ws.site.resolved.entity(e).id.kind;
    let mut out = Vec::new();
    for (path, f) in &ws.files {
        let Some(parsed) = &f.parsed else {
            continue;
        };
        let text = &f.source.text;
        let mut front = |name: &crate::model::Spanned<String>, k: Kind| {
            if k == kind && entity_named(ws, &name.value, Some(k)) == Some(e) {
                let line = name.span.line;
                let l = super::convert::line_of(text, line - 1);
                let col = name.span.col.saturating_sub(1) as usize;
                out.push(Mention {
                    path: path.clone(),
                    line,
                    col,
                    len: crate::report::underline_width(l, col),
                    written: name.value.clone(),
                    in_body: false,
                });
            }
        };
        let (body, body_line) = match parsed {
            Parsed::Briefing(b) => {
                for k in Kind::ALL {
                    for n in &b.named[k] {
                        front(n, k);
                    }
                }
                for r in &b.reviewed_by {
                    front(r, Kind::Author);
                }
                for s in &b.stances {
                    front(&s.actor, Kind::Actor);
                    front(&s.on, Kind::Topic);
                    if let Some(by) = &s.by {
                        front(by, Kind::Actor);
                    }
                }
                (&*b.body, b.body_line)
            }
            Parsed::Profile(p) => {
                if let Some(a) = &p.affiliation {
                    front(a, Kind::Actor);
                }
                if let Some(w) = &p.within {
                    front(w, Kind::Place);
                }
                (p.body.as_str(), p.body_line)
            }
            // A source file names no entity.
            Parsed::Source(_) => continue,
        };
        for (i, l) in body.split('\n').enumerate() {
            let mut from = 0;
            while let Some(open) = l[from..].find("[[").map(|o| from + o) {
                let Some(close) = l[open..].find("]]").map(|c| open + c) else {
                    break;
                };
                let inner = &l[open + 2..close];
                let dest = inner.split(['|', '#']).next().unwrap_or("");
                let (prefix, name, skip) = match dest.split_once(':') {
                    Some((p, n)) if Kind::from_word(p.trim()).is_some() => {
                        (Kind::from_word(p.trim()), n, p.len() + 1)
                    }
                    Some((p, _)) if p.trim().eq_ignore_ascii_case("briefing") => {
                        from = close + 2;
                        continue;
                    }
                    _ => (None, dest, 0),
                };
                if prefix.is_none_or(|k| k == kind) && entity_named(ws, name, prefix) == Some(e) {
                    let lead = name.len() - name.trim_start().len();
                    let start = open + 2 + skip + lead;
                    out.push(Mention {
                        path: path.clone(),
                        line: body_line + i as u32,
                        col: l[..start].chars().count(),
                        len: name.trim().chars().count(),
                        written: name.trim().to_string(),
                        in_body: true,
                    });
                }
                from = close + 2;
            }
        }
    }
    out
}

/// Whether `written` names entity `e` by its id rather than by its name or an alias: what
/// renaming the id must rewrite.
pub fn by_id(ws: &Workspace, e: EntityIdx, written: &str) -> bool {
    let ent = ws.site.resolved.entity(e);
    let key = crate::slug::match_key(written);
    let by_name = std::iter::once(&ent.name)
        .chain(&ent.aliases)
        .any(|n| crate::slug::match_key(n) == key);
    let id = ent.id.slug.as_str();
    !by_name && (written.trim() == id || Slug::new(written).is_some_and(|s| s.as_str() == id))
}
