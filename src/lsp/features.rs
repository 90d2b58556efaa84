//! The answers to an editor's requests: completion, hover, definition, references,
//! document links, rename and quick fixes.

use super::convert::{self, char_col, line_of, uri_of, utf16_col};
use super::cursor::{self, Place, Token};
use super::lookup::{self, Target};
use super::workspace::Workspace;
use crate::diagnostic::Edit;
use crate::model::{Confidence, EntityIdx, Kind, Position as Stance, Slug};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CompletionItem, CompletionItemKind,
    CompletionResponse, CompletionTextEdit, CreateFile, CreateFileOptions, DocumentChangeOperation,
    DocumentChanges, DocumentLink, Hover, HoverContents, Location, MarkupContent, MarkupKind,
    OneOf, OptionalVersionedTextDocumentIdentifier, Position, PrepareRenameResponse, Range,
    RenameFile, ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::BTreeMap;

/// Briefings offered at once after `[[briefing:`: the client asks again as the user types.
const BRIEFINGS_OFFERED: usize = 100;

/// The range of `token` on its line of `text`.
fn token_range(text: &str, token: &Token) -> Range {
    let line = line_of(text, token.line);
    Range::new(
        Position::new(token.line, utf16_col(line, token.start)),
        Position::new(token.line, utf16_col(line, token.end)),
    )
}

/// What an entity is, in a few words: `actor · person — President of Ukraine`.
fn summary(ws: &Workspace, e: EntityIdx) -> String {
    let ent = ws.site.resolved.entity(e);
    let mut s = ent.id.kind.word().to_string();
    match &ent.profile {
        Some(p) => {
            if let Some(k) = &p.subkind {
                s.push_str(&format!(" · {k}"));
            }
            // The role today: the undated `role:`, else the dated roles still held.
            if let Some(r) = crate::dated::current_role(ent).or_else(|| p.question.clone()) {
                s.push_str(&format!(" — {r}"));
            }
        }
        None => s.push_str(" · stub (no profile)"),
    }
    s
}

fn item(label: String, detail: String, kind: CompletionItemKind, edit: TextEdit) -> CompletionItem {
    CompletionItem {
        filter_text: Some(label.clone()),
        label,
        detail: Some(detail),
        kind: Some(kind),
        text_edit: Some(CompletionTextEdit::Edit(edit)),
        ..Default::default()
    }
}

fn kind_icon(kind: Kind) -> CompletionItemKind {
    match kind {
        Kind::Actor => CompletionItemKind::CLASS,
        Kind::Place => CompletionItemKind::MODULE,
        Kind::Topic => CompletionItemKind::INTERFACE,
        Kind::Author => CompletionItemKind::REFERENCE,
    }
}

/// Names and aliases of the entities of `kind` (every kind when `None`), as completions
/// replacing `range`; `yaml` quotes what YAML would misread.
fn names(ws: &Workspace, kind: Option<Kind>, range: Range, yaml: bool) -> Vec<CompletionItem> {
    let mut out = Vec::new();
    let write = |s: &str| {
        if yaml {
            crate::stubs::flow_item(s)
        } else {
            s.to_string()
        }
    };
    for (i, ent) in ws.site.resolved.entities.iter().enumerate() {
        if kind.is_some_and(|k| k != ent.id.kind) {
            continue;
        }
        let e = EntityIdx(i as u32);
        let detail = summary(ws, e);
        let icon = kind_icon(ent.id.kind);
        let mut main = item(
            ent.name.clone(),
            detail.clone(),
            icon,
            TextEdit::new(range, write(&ent.name)),
        );
        if !ent.aliases.is_empty() {
            main.documentation = Some(lsp_types::Documentation::String(format!(
                "Also: {}",
                ent.aliases.join(", ")
            )));
        }
        out.push(main);
        for a in &ent.aliases {
            out.push(item(
                a.clone(),
                format!("alias of {} · {detail}", ent.name),
                icon,
                TextEdit::new(range, write(a)),
            ));
        }
    }
    out
}

fn words(list: &[&str], detail: &str, range: Range, suffix: &str) -> Vec<CompletionItem> {
    list.iter()
        .map(|w| {
            item(
                w.to_string(),
                detail.to_string(),
                CompletionItemKind::KEYWORD,
                TextEdit::new(range, format!("{w}{suffix}")),
            )
        })
        .collect()
}

/// The briefings whose slug or title contains `typed`, as `[[briefing:…]]` completions.
fn briefings(
    ws: &Workspace,
    typed: &str,
    range: Range,
    prefixed: bool,
) -> (Vec<CompletionItem>, bool) {
    let key = crate::slug::match_key(typed);
    let mut out = Vec::new();
    let mut more = false;
    for b in ws.site.resolved.briefings.iter().rev() {
        let hit = key.is_empty()
            || b.slug.as_str().contains(&key.replace(' ', "-"))
            || crate::slug::match_key(&b.title).contains(&key);
        if !hit {
            continue;
        }
        if out.len() == BRIEFINGS_OFFERED {
            more = true;
            break;
        }
        let text = if prefixed {
            b.slug.to_string()
        } else {
            format!("briefing:{}", b.slug)
        };
        let mut it = item(
            b.slug.to_string(),
            format!("briefing · {} — {}", b.date.ymd(), b.title),
            CompletionItemKind::FILE,
            TextEdit::new(range, text),
        );
        it.filter_text = Some(format!("{} {}", b.slug, b.title));
        out.push(it);
    }
    (out, more)
}

/// Completions at `pos` of the file `rel` whose text is `text`.
pub fn complete(ws: &Workspace, rel: &str, text: &str, pos: Position) -> CompletionResponse {
    let line = line_of(text, pos.line);
    let col = char_col(line, pos.character);
    let profile = lookup::profile_kind(rel);
    let mut incomplete = false;
    let items = match cursor::place(text, pos.line, col) {
        Place::Value { key, parent, token } => {
            let range = token_range(text, &token);
            match (profile, parent.as_deref(), key.as_str()) {
                (None, Some("stances"), "position") => {
                    let all: Vec<&str> = Stance::ALL.iter().map(|p| p.as_str()).collect();
                    words(&all, "position", range, "")
                }
                (None, None, "confidence") => {
                    let all: Vec<&str> = Confidence::ALL.iter().map(|c| c.as_str()).collect();
                    words(&all, "confidence", range, "")
                }
                (None, None, "draft") => words(&["true", "false"], "draft", range, ""),
                (Some(k), None, "kind") => words(crate::parse::subkinds(k), "kind", range, ""),
                _ => match lookup::kind_of_value(&key, parent.as_deref(), profile) {
                    Some(kind) => names(ws, Some(kind), range, true),
                    None => Vec::new(),
                },
            }
        }
        Place::Key { parent, token } => {
            let range = token_range(text, &token);
            let keys: Vec<&str> = match (profile, parent.as_deref()) {
                (None, None) => crate::parse::briefing_keys(),
                (None, Some("stances")) => crate::parse::STANCE_KEYS.to_vec(),
                (None, Some("sources")) => crate::parse::SOURCE_KEYS.to_vec(),
                (None, Some("corrections")) => crate::parse::CORRECTION_KEYS.to_vec(),
                (Some(k), None) => crate::parse::profile_keys(k),
                _ => Vec::new(),
            };
            words(&keys, "key", range, ": ")
        }
        Place::Wiki { prefix, token } => {
            let range = token_range(text, &token);
            match prefix.as_deref() {
                Some("briefing") => {
                    let (items, more) = briefings(ws, &token.typed, range, true);
                    incomplete = more;
                    items
                }
                p => {
                    let kind = lookup::kind_of_prefix(p);
                    let mut items = names(ws, kind, range, false);
                    if p.is_none() && token.typed.len() >= 2 {
                        let (more_items, more) = briefings(ws, &token.typed, range, false);
                        incomplete = more;
                        items.extend(more_items);
                    } else if p.is_none() {
                        incomplete = true;
                    }
                    items
                }
            }
        }
        Place::Link { .. } | Place::Elsewhere => Vec::new(),
    };
    CompletionResponse::List(lsp_types::CompletionList {
        is_incomplete: incomplete,
        items,
    })
}

/// The card of entity `e`: name, kind, role, aliases, how many briefings name it and its
/// latest positions (an actor's on topics, a topic's by actors).
pub fn card(ws: &Workspace, e: EntityIdx) -> String {
    let site = &ws.site;
    let ent = site.resolved.entity(e);
    let mut s = format!("**{}** — {}\n", ent.name, summary(ws, e));
    if !ent.aliases.is_empty() {
        s.push_str(&format!("\nAlso: {}\n", ent.aliases.join(", ")));
    }
    let named = &site.index.named_in[e];
    let latest = named
        .iter()
        .map(|&b| site.resolved.briefing(b))
        .max_by(|a, b| (&a.date, &a.slug).cmp(&(&b.date, &b.slug)));
    match latest {
        Some(b) => s.push_str(&format!(
            "\nNamed in {} briefing{}; latest {}: {}\n",
            named.len(),
            if named.len() == 1 { "" } else { "s" },
            b.date.ymd(),
            b.title
        )),
        None => s.push_str("\nNamed in no briefing\n"),
    }
    let mut positions: Vec<(String, String, String)> = Vec::new();
    for (&(actor, topic), history) in &site.index.history {
        let other = match ent.id.kind {
            Kind::Actor if actor == e => topic,
            Kind::Topic if topic == e => actor,
            _ => continue,
        };
        let Some(at) = history.last() else { continue };
        let b = site.resolved.briefing(at.briefing);
        let Some(st) = site.resolved.refs[at.briefing].stances.get(at.stance) else {
            continue;
        };
        positions.push((
            b.date.ymd(),
            site.resolved.entity(other).name.clone(),
            st.position.as_str().to_string(),
        ));
    }
    positions.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    if !positions.is_empty() {
        s.push_str("\nLatest positions:\n");
        for (date, other, pos) in positions.iter().take(6) {
            match ent.id.kind {
                Kind::Topic => s.push_str(&format!("- {other} {pos} ({date})\n")),
                _ => s.push_str(&format!("- {pos} {other} ({date})\n")),
            }
        }
    }
    if ent.profile.is_none() {
        s.push_str(&format!(
            "\nNo profile: content/{}/{}.md would give it one\n",
            ent.id.kind.dir(),
            ent.id.slug
        ));
    }
    s
}

/// The hover card at `pos`.
pub fn hover(ws: &Workspace, rel: &str, text: &str, pos: Position) -> Option<Hover> {
    let line = line_of(text, pos.line);
    let target = lookup::target_at(ws, rel, text, pos.line, char_col(line, pos.character))?;
    let value = match target {
        Target::Entity(e) => card(ws, e),
        Target::Briefing(b) => {
            let br = ws.site.resolved.briefing(b);
            let mut s = format!("**{}** — briefing, {}\n", br.title, br.date.ymd());
            if let Some(sum) = &br.summary {
                s.push_str(&format!("\n{sum}\n"));
            }
            s
        }
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    })
}

/// Where the name or link at `pos` is defined: its profile or briefing file.
pub fn definition(ws: &Workspace, rel: &str, text: &str, pos: Position) -> Option<Location> {
    let line = line_of(text, pos.line);
    let target = lookup::target_at(ws, rel, text, pos.line, char_col(line, pos.character))?;
    let file = lookup::file_of(ws, target)?;
    Some(Location::new(
        uri_of(&ws.root, &file)?,
        Range::new(Position::new(0, 0), Position::new(0, 0)),
    ))
}

/// The entity a request at `pos` of `rel` is about: the one named there, else the one
/// whose profile `rel` is.
fn entity_here(ws: &Workspace, rel: &str, text: &str, pos: Position) -> Option<EntityIdx> {
    let line = line_of(text, pos.line);
    match lookup::target_at(ws, rel, text, pos.line, char_col(line, pos.character)) {
        Some(Target::Entity(e)) => Some(e),
        Some(Target::Briefing(_)) => None,
        None => match lookup::file_target(ws, rel)? {
            Target::Entity(e) => Some(e),
            Target::Briefing(_) => None,
        },
    }
}

fn mention_location(ws: &Workspace, m: &lookup::Mention) -> Option<Location> {
    let text = &ws.files.get(&m.path)?.source.text;
    let line = line_of(text, m.line - 1);
    Some(Location::new(
        uri_of(&ws.root, &m.path)?,
        Range::new(
            Position::new(m.line - 1, utf16_col(line, m.col)),
            Position::new(m.line - 1, utf16_col(line, m.col + m.len)),
        ),
    ))
}

/// Every place naming the entity at `pos` (or of the profile `rel`), its profile first
/// when `declaration` is asked for.
pub fn references(
    ws: &Workspace,
    rel: &str,
    text: &str,
    pos: Position,
    declaration: bool,
) -> Vec<Location> {
    let Some(e) = entity_here(ws, rel, text, pos) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if declaration
        && let Some(file) = lookup::file_of(ws, Target::Entity(e))
        && let Some(uri) = uri_of(&ws.root, &file)
    {
        out.push(Location::new(
            uri,
            Range::new(Position::new(0, 0), Position::new(0, 0)),
        ));
    }
    out.extend(
        lookup::mentions(ws, e)
            .iter()
            .filter_map(|m| mention_location(ws, m)),
    );
    out
}

/// Links to follow in `text` (the file `rel`): relative `.md` links and `[[…]]` links to
/// pages with a file.
pub fn document_links(ws: &Workspace, rel: &str, text: &str) -> Vec<DocumentLink> {
    let lines = cursor::lines(text);
    let start = cursor::front_matter_end(&lines).map_or(0, |e| e + 1);
    let mut out = Vec::new();
    for (n, l) in lines.iter().enumerate().skip(start) {
        let n = n as u32;
        let chars = l.chars().count();
        let mut col = 0;
        while col < chars {
            let (token, target) = match cursor::place(text, n, col) {
                Place::Link { token } => {
                    let target =
                        lookup::link_path(rel, &token.text).filter(|p| ws.files.contains_key(p));
                    (token, target)
                }
                Place::Wiki { prefix, token } if col == token.start => {
                    let name = token.text.split('#').next().unwrap_or("").trim();
                    let t = if prefix.as_deref() == Some("briefing") {
                        ws.names.briefing(name).map(Target::Briefing)
                    } else {
                        lookup::entity_named(ws, name, lookup::kind_of_prefix(prefix.as_deref()))
                            .map(Target::Entity)
                    };
                    (token, t.and_then(|t| lookup::file_of(ws, t)))
                }
                _ => {
                    col += 1;
                    continue;
                }
            };
            if let Some(path) = target
                && token.end > token.start
                && let Some(uri) = uri_of(&ws.root, &path)
            {
                out.push(DocumentLink {
                    range: Range::new(
                        Position::new(n, utf16_col(l, token.start)),
                        Position::new(n, utf16_col(l, token.end)),
                    ),
                    target: Some(uri),
                    tooltip: Some(path),
                    data: None,
                });
            }
            col = token.end.max(col + 1);
        }
    }
    out
}

/// The entity whose id a rename at `pos` changes, with the range the editor shows.
pub fn prepare_rename(
    ws: &Workspace,
    rel: &str,
    text: &str,
    pos: Position,
) -> Option<PrepareRenameResponse> {
    let e = entity_here(ws, rel, text, pos)?;
    let ent = ws.site.resolved.entity(e);
    ent.profile.as_ref()?;
    let line = line_of(text, pos.line);
    let col = char_col(line, pos.character);
    let range = match cursor::place(text, pos.line, col) {
        Place::Value { token, .. } | Place::Wiki { token, .. } | Place::Key { token, .. } => {
            token_range(text, &token)
        }
        _ => Range::new(pos, pos),
    };
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range,
        placeholder: ent.id.slug.to_string(),
    })
}

/// Renames the id of the entity at `pos` (or of the profile `rel`) to `new`: its profile
/// file is renamed and every reference written as the old id, in front matter and in
/// `[[…]]` links, is rewritten. Names and aliases still resolve and are left alone.
pub fn rename(
    ws: &Workspace,
    rel: &str,
    text: &str,
    pos: Position,
    new: &str,
) -> Result<WorkspaceEdit, String> {
    let e = entity_here(ws, rel, text, pos)
        .ok_or("nothing to rename here: put the cursor on a name, or in a profile")?;
    let ent = ws.site.resolved.entity(e);
    let profile = ent
        .profile
        .as_ref()
        .ok_or_else(|| format!("`{}` is a stub: it has no profile to rename", ent.name))?;
    let kind = ent.id.kind;
    let new = new.trim();
    let slug = Slug::new(new).ok_or_else(|| format!("`{new}` has no letters or digits"))?;
    if slug.as_str() != new {
        return Err(format!(
            "`{new}` is not an id: ids are lower-case letters, digits and hyphens (`{slug}`)"
        ));
    }
    if slug == ent.id.slug {
        return Ok(WorkspaceEdit::default());
    }
    if let Some(other) = ws
        .site
        .resolved
        .entities
        .iter()
        .find(|o| o.id.kind == kind && o.id.slug == slug)
    {
        return Err(format!(
            "{} `{slug}` already exists ({}): pick another id",
            kind.word(),
            other.name
        ));
    }
    let mut per_file: BTreeMap<String, Vec<TextEdit>> = BTreeMap::new();
    for m in lookup::mentions(ws, e) {
        if !lookup::by_id(ws, e, &m.written) {
            continue;
        }
        if let Some(loc) = mention_location(ws, &m) {
            per_file
                .entry(m.path.clone())
                .or_default()
                .push(TextEdit::new(loc.range, slug.to_string()));
        }
    }
    // The old id keeps its addresses: it redirects to the new page, and still resolves.
    if let Some(edit) = keep_old_id(ws, &profile.path, ent.id.slug.as_str()) {
        per_file.entry(profile.path.clone()).or_default().push(edit);
    }
    let mut ops = Vec::new();
    for (path, edits) in per_file {
        let uri = uri_of(&ws.root, &path).ok_or("a path that is not a URI")?;
        ops.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        }));
    }
    let old_uri = uri_of(&ws.root, &profile.path).ok_or("a path that is not a URI")?;
    let new_path = format!("content/{}/{}.md", kind.dir(), slug);
    let new_uri = uri_of(&ws.root, &new_path).ok_or("a path that is not a URI")?;
    ops.push(DocumentChangeOperation::Op(ResourceOp::Rename(
        RenameFile {
            old_uri,
            new_uri,
            options: None,
            annotation_id: None,
        },
    )));
    Ok(WorkspaceEdit {
        changes: None,
        document_changes: Some(DocumentChanges::Operations(ops)),
        change_annotations: None,
    })
}

/// The edit adding `old` to the `moved_from:` of the profile at `path`: a new line before
/// the closing fence, or an item of a one-line list. `None` for a block list (left as is).
fn keep_old_id(ws: &Workspace, path: &str, old: &str) -> Option<TextEdit> {
    let text = ws.text(path)?;
    let lines = cursor::lines(&text);
    let end = cursor::front_matter_end(&lines)?;
    let at = |line: usize, col: usize| Position::new(line as u32, utf16_col(lines[line], col));
    match (1..end).find(|&i| lines[i].starts_with("moved_from:")) {
        None => Some(TextEdit::new(
            Range::new(at(end, 0), at(end, 0)),
            format!("moved_from: [{old}]\n"),
        )),
        Some(i) => {
            let l = lines[i].trim_end();
            let value = l["moved_from:".len()..].trim();
            if value.starts_with('[') && value.ends_with(']') {
                let close = l.chars().count() - 1;
                let sep = if value == "[]" { "" } else { ", " };
                Some(TextEdit::new(
                    Range::new(at(i, close), at(i, close)),
                    format!("{sep}{old}"),
                ))
            } else if value.is_empty() {
                None
            } else {
                // One old id written plainly: becomes a list of two.
                let start = lines[i].chars().count()
                    - lines[i].trim_start_matches("moved_from:").chars().count();
                Some(TextEdit::new(
                    Range::new(at(i, start), at(i, l.chars().count())),
                    format!(" [{}, {old}]", value),
                ))
            }
        }
    }
}

/// Quick fixes for the diagnostics of `rel` that touch `range`.
pub fn code_actions(
    ws: &Workspace,
    rel: &str,
    text: &str,
    uri: &Uri,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    for d in ws.file_diagnostics(rel) {
        let at = convert::token_range(text, d.span);
        let touches = at.start.line <= range.end.line && range.start.line <= at.end.line;
        if !touches || d.fixes.is_empty() {
            continue;
        }
        let lsp_diag = convert::diagnostic(&d, text, uri, &ws.root, &|r| ws.text(r));
        for (i, fix) in d.fixes.iter().enumerate() {
            let Some(edit) = workspace_edit(ws, text, uri, &fix.edit) else {
                continue;
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diag.clone()]),
                edit: Some(edit),
                is_preferred: Some(i == 0),
                ..Default::default()
            }));
        }
    }
    out
}

fn workspace_edit(ws: &Workspace, text: &str, uri: &Uri, edit: &Edit) -> Option<WorkspaceEdit> {
    // lsp-types keys edits by `Uri`, whose cache is the only interior mutability: never
    // changed while it is a key here.
    #[allow(clippy::mutable_key_type)]
    let single = |range: Range, new_text: String| {
        let mut changes = std::collections::HashMap::new();
        changes.insert(uri.clone(), vec![TextEdit::new(range, new_text)]);
        WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }
    };
    match edit {
        Edit::Replace {
            at,
            to_line_end,
            text: new,
        } => {
            let range = if *to_line_end {
                convert::to_line_end(text, *at)
            } else {
                convert::token_range(text, *at)
            };
            Some(single(range, new.clone()))
        }
        Edit::Prefix { at, text: new } => {
            let line = line_of(text, at.line.saturating_sub(1));
            let mut col = at.col.saturating_sub(1) as usize;
            if matches!(line.chars().nth(col), Some('"' | '\'')) {
                col += 1;
            }
            let p = Position::new(at.line.saturating_sub(1), utf16_col(line, col));
            Some(single(Range::new(p, p), new.clone()))
        }
        Edit::LinkTarget { at, text: new } => {
            let line = line_of(text, at.line.saturating_sub(1));
            let (start, end) = link_target(line, at.col.saturating_sub(1) as usize)?;
            let row = at.line.saturating_sub(1);
            Some(single(
                Range::new(
                    Position::new(row, utf16_col(line, start)),
                    Position::new(row, utf16_col(line, end)),
                ),
                new.clone(),
            ))
        }
        Edit::CreateFile { path, text: body } => {
            let new_uri = uri_of(&ws.root, path)?;
            let start = Position::new(0, 0);
            Some(WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![
                    DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                        uri: new_uri.clone(),
                        options: Some(CreateFileOptions {
                            overwrite: Some(false),
                            ignore_if_exists: Some(true),
                        }),
                        annotation_id: None,
                    })),
                    DocumentChangeOperation::Edit(TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier {
                            uri: new_uri,
                            version: None,
                        },
                        edits: vec![OneOf::Left(TextEdit::new(
                            Range::new(start, start),
                            body.clone(),
                        ))],
                    }),
                ])),
                ..Default::default()
            })
        }
    }
}

/// The character columns (start, exclusive end) of where the link starting at column `col`
/// of `line` points: the name of a `[[kind:name#x|label]]`, the path of a
/// `[label](path#x "title")`.
fn link_target(line: &str, col: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = line.chars().collect();
    let rest: String = chars.get(col..)?.iter().collect();
    let ends = |from: usize, stops: &[char]| {
        let mut e = from;
        while e < chars.len() && !stops.contains(&chars[e]) {
            e += 1;
        }
        e
    };
    if rest.starts_with("[[") {
        let open = col + 2;
        let close = ends(open, &[']', '|', '#']);
        let inner: String = chars[open..close].iter().collect();
        let skip = match inner.split_once(':') {
            Some((p, _))
                if Kind::from_word(p.trim()).is_some()
                    || p.trim().eq_ignore_ascii_case("briefing") =>
            {
                p.chars().count() + 1
            }
            _ => 0,
        };
        return Some((open + skip, close));
    }
    let offset = rest.find("](")?;
    let open = col + rest[..offset].chars().count() + 2;
    Some((open, ends(open, &[')', ' ', '#'])))
}
