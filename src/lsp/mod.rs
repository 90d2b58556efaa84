//! `dossier lsp`: a Language Server Protocol server over stdio. It loads the site once as
//! `dossier check` does, keeps it in memory, and answers an editor with the site's own
//! diagnostics, names, cards and links as the user types.
//!
//! An edit is checked at once on its own (the diagnostics of the edited file arrive within
//! milliseconds), then, once typing pauses, the whole site again on a worker thread: what
//! an edit changes in other files (a renamed profile, a duplicate slug) follows.

mod convert;
mod cursor;
mod features;
mod lookup;
mod workspace;

use crate::schedule::Watch;
use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentLinkRequest, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DocumentLinkOptions, FileChangeType,
    HoverProviderCapability, InitializeParams, OneOf, PublishDiagnosticsParams, RenameOptions,
    SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use workspace::{Checked, Job, Workspace};

/// How long typing must pause before the whole site is checked again.
const QUIET: Duration = Duration::from_millis(250);

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    #[error("protocol: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("the editor went away: {0}")]
    Io(String),
    #[error("no site.yaml in {0}: open a Dossier site's folder")]
    NoSite(PathBuf),
}

/// Runs the server on stdin and stdout until the editor says `exit`. `root` is the site
/// folder given on the command line, if any; otherwise the editor's workspace folder (or
/// one above it holding site.yaml) is the site.
pub fn run(root: Option<&Path>, drafts: bool, window: Watch) -> Result<(), LspError> {
    let (conn, io) = Connection::stdio();
    serve(conn, root, drafts, window)?;
    // The reader fails when the editor closed its end first: nothing is lost then.
    let _ = io.join();
    Ok(())
}

/// The capabilities the server announces.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..Default::default()
            },
        )),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(["[", ":", ",", " ", "-"].map(str::to_string).to_vec()),
            ..Default::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_link_provider: Some(DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        }),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// The folder holding site.yaml at or above `from`.
fn site_above(from: &Path) -> Option<PathBuf> {
    from.ancestors()
        .find(|d| d.join("site.yaml").is_file())
        .map(Path::to_path_buf)
}

/// The site folder: the one given, else the editor's workspace folder or one above it.
fn site_root(given: Option<&Path>, init: &InitializeParams) -> Result<PathBuf, LspError> {
    if let Some(r) = given {
        let r = crate::output::absolute(r);
        if !r.join("site.yaml").is_file() {
            return Err(LspError::NoSite(r));
        }
        return Ok(r);
    }
    let mut tried = Vec::new();
    #[allow(deprecated)]
    let folders = init
        .workspace_folders
        .iter()
        .flatten()
        .map(|f| f.uri.clone())
        .chain(init.root_uri.clone());
    for uri in folders {
        if let Some(dir) = url::Url::parse(uri.as_str())
            .ok()
            .and_then(|u| u.to_file_path().ok())
        {
            if let Some(found) = site_above(&dir) {
                return Ok(found);
            }
            tried.push(dir);
        }
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    site_above(&cwd).ok_or_else(|| LspError::NoSite(tried.into_iter().next().unwrap_or(cwd)))
}

/// Initializes over `conn` and serves until `exit`.
pub fn serve(
    conn: Connection,
    root: Option<&Path>,
    drafts: bool,
    window: Watch,
) -> Result<(), LspError> {
    let (id, params) = conn.initialize_start()?;
    let init: InitializeParams = serde_json::from_value(params)?;
    let root = match site_root(root, &init) {
        Ok(r) => r,
        Err(e) => {
            conn.sender
                .send(Message::Response(Response::new_err(
                    id,
                    ErrorCode::InvalidParams as i32,
                    e.to_string(),
                )))
                .map_err(|e| LspError::Io(e.to_string()))?;
            // Stay until the editor says `exit` (or goes), so that the answer is read.
            for msg in &conn.receiver {
                match msg {
                    Message::Notification(n) if n.method == "exit" => break,
                    Message::Request(r) => {
                        let answer = Response::new_err(
                            r.id,
                            ErrorCode::ServerNotInitialized as i32,
                            e.to_string(),
                        );
                        let _ = conn.sender.send(Message::Response(answer));
                    }
                    _ => {}
                }
            }
            return Err(e);
        }
    };
    let result = lsp_types::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "dossier".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    conn.initialize_finish(id, serde_json::to_value(result)?)?;
    let ws = Workspace::load(&root, drafts, window);
    let (jobs_tx, jobs_rx) = crossbeam_channel::unbounded::<Job>();
    let (done_tx, done_rx) = crossbeam_channel::unbounded::<Checked>();
    let worker = std::thread::spawn(move || {
        let mut cache = crate::pipeline::BodyCache::default();
        for job in jobs_rx {
            if done_tx.send(job.run(&mut cache)).is_err() {
                break;
            }
        }
    });
    let mut server = Server {
        ws,
        conn,
        jobs: jobs_tx,
        done: done_rx,
        published: BTreeMap::new(),
        content_since: None,
        settings_since: None,
        busy: false,
    };
    server.publish_all()?;
    let out = server.main_loop();
    drop(server);
    let _ = worker.join();
    out
}

struct Server {
    ws: Workspace,
    conn: Connection,
    jobs: Sender<Job>,
    done: Receiver<Checked>,
    /// What each file's diagnostics were when last sent.
    published: BTreeMap<String, Vec<crate::diagnostic::Diagnostic>>,
    /// When content was first edited since the last full check was started.
    content_since: Option<Instant>,
    /// When site.yaml or a template was first edited since they were last read.
    settings_since: Option<Instant>,
    /// A full check is running on the worker.
    busy: bool,
}

impl Server {
    fn main_loop(&mut self) -> Result<(), LspError> {
        loop {
            let wait = [self.content_since, self.settings_since]
                .into_iter()
                .flatten()
                .map(|t| QUIET.saturating_sub(t.elapsed()))
                .min()
                .unwrap_or(Duration::from_secs(3600));
            select! {
                recv(self.conn.receiver) -> msg => {
                    let Ok(msg) = msg else { return Ok(()) };
                    match msg {
                        Message::Request(req) => {
                            // After `shutdown`, an editor that quits without `exit`
                            // is done with the server too.
                            if self.conn.handle_shutdown(&req).unwrap_or(true) {
                                return Ok(());
                            }
                            self.request(req)?;
                        }
                        Message::Notification(n) => self.notification(n)?,
                        Message::Response(_) => {}
                    }
                }
                recv(self.done) -> done => {
                    if let Ok(done) = done {
                        self.busy = false;
                        self.ws.apply(done);
                        self.publish_all()?;
                    }
                }
                default(wait) => {}
            }
            self.quiet_work()?;
        }
    }

    /// Starts what waits for typing to pause: the full check, or reading settings again.
    fn quiet_work(&mut self) -> Result<(), LspError> {
        if self.settings_since.is_some_and(|t| t.elapsed() >= QUIET) {
            self.settings_since = None;
            self.content_since = None;
            self.ws.settings_changed();
            self.publish_all()?;
        }
        if !self.busy && self.content_since.is_some_and(|t| t.elapsed() >= QUIET) {
            self.content_since = None;
            let job = self.ws.job();
            self.busy = self.jobs.send(job).is_ok();
        }
        Ok(())
    }

    fn send(&self, msg: Message) -> Result<(), LspError> {
        self.conn
            .sender
            .send(msg)
            .map_err(|e| LspError::Io(e.to_string()))
    }

    /// Sends the diagnostics of every file whose list changed since it was last sent.
    fn publish_all(&mut self) -> Result<(), LspError> {
        let now = self.ws.diagnostics();
        let mut paths: Vec<String> = now.keys().cloned().collect();
        paths.extend(
            self.published
                .keys()
                .filter(|p| !now.contains_key(*p))
                .cloned(),
        );
        for path in paths {
            let list = now.get(&path).cloned().unwrap_or_default();
            self.publish(&path, list)?;
        }
        Ok(())
    }

    fn publish(
        &mut self,
        rel: &str,
        list: Vec<crate::diagnostic::Diagnostic>,
    ) -> Result<(), LspError> {
        if self
            .published
            .get(rel)
            .map_or(list.is_empty(), |old| *old == list)
        {
            return Ok(());
        }
        let Some(uri) = convert::uri_of(&self.ws.root, rel) else {
            return Ok(());
        };
        let text = self.ws.text(rel).unwrap_or_default();
        let diagnostics = list
            .iter()
            .map(|d| convert::diagnostic(d, &text, &uri, &self.ws.root, &|r| self.ws.text(r)))
            .collect();
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        self.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.to_string(),
            params,
        )))?;
        if list.is_empty() {
            self.published.remove(rel);
        } else {
            self.published.insert(rel.to_string(), list);
        }
        Ok(())
    }

    fn rel(&self, uri: &Uri) -> Option<String> {
        convert::rel_of(&self.ws.root, uri)
    }

    /// The editor's text of `rel` changed (opened, edited, saved or closed).
    fn text_changed(&mut self, rel: &str, text: Option<String>) -> Result<(), LspError> {
        match text {
            Some(t) => {
                self.ws.edited.insert(rel.to_string(), t);
            }
            None => {
                self.ws.edited.remove(rel);
            }
        }
        if workspace::is_content_markdown(rel) {
            let current = self.ws.files.get(rel).map(|f| &f.source.text);
            match self.ws.edited.get(rel).cloned() {
                Some(t) if current != Some(&t) => self.ws.set_markdown(rel, &t),
                Some(_) => return Ok(()),
                None => self.ws.reread_markdown(rel),
            }
            let list = self.ws.file_diagnostics(rel);
            self.publish(rel, list)?;
            self.content_since.get_or_insert_with(Instant::now);
        } else if workspace::is_settings(rel) {
            self.settings_since.get_or_insert_with(Instant::now);
        }
        Ok(())
    }

    fn notification(&mut self, n: Notification) -> Result<(), LspError> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(rel) = self.rel(&p.text_document.uri) {
                    self.text_changed(&rel, Some(p.text_document.text))?;
                }
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                // Full sync: the last change holds the whole text.
                if let (Some(rel), Some(change)) = (
                    self.rel(&p.text_document.uri),
                    p.content_changes.into_iter().last(),
                ) {
                    self.text_changed(&rel, Some(change.text))?;
                }
            }
            DidSaveTextDocument::METHOD => {
                let p: lsp_types::DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                if let (Some(rel), Some(text)) = (self.rel(&p.text_document.uri), p.text) {
                    self.text_changed(&rel, Some(text))?;
                }
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(rel) = self.rel(&p.text_document.uri) {
                    self.text_changed(&rel, None)?;
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let p: lsp_types::DidChangeWatchedFilesParams = serde_json::from_value(n.params)?;
                let mut rescan = false;
                for change in p.changes {
                    let Some(rel) = self.rel(&change.uri) else {
                        continue;
                    };
                    if self.ws.edited.contains_key(&rel) {
                        continue;
                    }
                    if workspace::is_content_markdown(&rel) {
                        if change.typ == FileChangeType::DELETED {
                            self.ws.remove_markdown(&rel);
                        } else {
                            self.ws.reread_markdown(&rel);
                        }
                        self.content_since.get_or_insert_with(Instant::now);
                    } else if workspace::is_settings(&rel) {
                        self.settings_since.get_or_insert_with(Instant::now);
                    } else {
                        rescan = true;
                    }
                }
                if rescan {
                    self.ws.reload();
                    self.publish_all()?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn request(&mut self, req: Request) -> Result<(), LspError> {
        let id = req.id.clone();
        let result = self.answer(req);
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(Message::Response(response))
    }

    /// The text and site-relative path of the document a request is about.
    fn document(&self, uri: &Uri) -> Option<(String, String)> {
        let rel = self.rel(uri)?;
        let text = self.ws.text(&rel)?;
        Some((rel, text))
    }

    fn answer(&mut self, req: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        let bad = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        let ws = &self.ws;
        let null = serde_json::Value::Null;
        let json = |v: Result<serde_json::Value, serde_json::Error>| {
            v.map_err(|e| (ErrorCode::InternalError, e.to_string()))
        };
        match req.method.as_str() {
            Completion::METHOD => {
                let p: lsp_types::CompletionParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let at = p.text_document_position;
                let Some((rel, text)) = self.document(&at.text_document.uri) else {
                    return Ok(null);
                };
                json(serde_json::to_value(features::complete(
                    ws,
                    &rel,
                    &text,
                    at.position,
                )))
            }
            HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = serde_json::from_value(req.params).map_err(bad)?;
                let at = p.text_document_position_params;
                let Some((rel, text)) = self.document(&at.text_document.uri) else {
                    return Ok(null);
                };
                json(serde_json::to_value(features::hover(
                    ws,
                    &rel,
                    &text,
                    at.position,
                )))
            }
            GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let at = p.text_document_position_params;
                let Some((rel, text)) = self.document(&at.text_document.uri) else {
                    return Ok(null);
                };
                json(serde_json::to_value(features::definition(
                    ws,
                    &rel,
                    &text,
                    at.position,
                )))
            }
            References::METHOD => {
                let p: lsp_types::ReferenceParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let at = p.text_document_position;
                let Some((rel, text)) = self.document(&at.text_document.uri) else {
                    return Ok(null);
                };
                json(serde_json::to_value(features::references(
                    ws,
                    &rel,
                    &text,
                    at.position,
                    p.context.include_declaration,
                )))
            }
            DocumentLinkRequest::METHOD => {
                let p: lsp_types::DocumentLinkParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let Some((rel, text)) = self.document(&p.text_document.uri) else {
                    return Ok(null);
                };
                json(serde_json::to_value(features::document_links(
                    ws, &rel, &text,
                )))
            }
            PrepareRenameRequest::METHOD => {
                let p: lsp_types::TextDocumentPositionParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let Some((rel, text)) = self.document(&p.text_document.uri) else {
                    return Ok(null);
                };
                json(serde_json::to_value(features::prepare_rename(
                    ws, &rel, &text, p.position,
                )))
            }
            Rename::METHOD => {
                let p: lsp_types::RenameParams = serde_json::from_value(req.params).map_err(bad)?;
                let at = p.text_document_position;
                let Some((rel, text)) = self.document(&at.text_document.uri) else {
                    return Ok(null);
                };
                match features::rename(ws, &rel, &text, at.position, &p.new_name) {
                    Ok(edit) => json(serde_json::to_value(edit)),
                    Err(why) => Err((ErrorCode::InvalidParams, why)),
                }
            }
            CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let Some((rel, text)) = self.document(&p.text_document.uri) else {
                    return Ok(null);
                };
                json(serde_json::to_value(features::code_actions(
                    ws,
                    &rel,
                    &text,
                    &p.text_document.uri,
                    p.range,
                )))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("dossier lsp does not answer {}", req.method),
            )),
        }
    }
}
