//! Discovers the site's files: Markdown under `content/`, assets under `static/`.

use crate::diagnostic::{Code, Diagnostics, Span, display_path};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than read.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Files `content/` (and, apart, `static/`) may hold: four times the largest corpus the
/// benchmarks build, and few enough that a runaway folder fails before it is read.
pub const MAX_FILES: usize = 200_000;

/// One Markdown file of the content folder, read into memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, `/`-separated (`content/briefings/x.md`).
    pub path: String,
    /// Path relative to `content/`, `/`-separated (`briefings/x.md`).
    pub content_path: String,
    /// The text with any BOM removed, CRLF turned into LF and forbidden characters removed.
    pub text: String,
    /// Where forbidden characters were removed: one `(line, column)` of `text` per
    /// character, the column of what followed it, in order; see [`SourceFile::file_span`].
    pub removed: Vec<(u32, u32)>,
}

impl SourceFile {
    /// A position in `text` as an editor shows the file: columns count the characters
    /// removed before them on their line.
    pub fn file_span(&self, span: Span) -> Span {
        let before = self
            .removed
            .iter()
            .filter(|&&(l, c)| l == span.line && c <= span.col)
            .count();
        Span::new(span.line, span.col + before as u32)
    }
}

/// A file to copy verbatim into the output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StaticFile {
    /// Where it goes, relative to the output folder, `/`-separated.
    pub output_path: String,
    /// Where it is read from.
    pub source: PathBuf,
}

/// Everything found on disk, sorted by path.
#[derive(Debug, Default)]
pub struct Sources {
    pub markdown: Vec<SourceFile>,
    pub statics: Vec<StaticFile>,
    /// Other files under `content/` (images, PDFs beside briefings), copied to the same
    /// path in the output so that body links to them resolve.
    pub assets: Vec<StaticFile>,
}

/// Walks `content/` and `static/` under `root`. Symlinks are followed only while they stay
/// inside the site; loops and escapes are warnings.
pub fn discover(root: &Path, diags: &mut Diagnostics) -> Sources {
    let mut sources = Sources::default();
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut markdown = Vec::new();
    for entry in walk(
        root,
        &root.join("content"),
        &canon_root,
        Skip::Hidden,
        diags,
    ) {
        if entry.extension().is_none_or(|e| e != "md") {
            let rel = rel_path(&root.join("content"), &entry);
            sources.assets.push(StaticFile {
                output_path: rel,
                source: entry,
            });
            continue;
        }
        markdown.push(entry);
    }
    // Reading is most of discovery on a large site: one thread per core, each file's
    // diagnostics kept with it and merged in path order.
    let read: Vec<(Option<SourceFile>, Diagnostics)> = markdown
        .par_iter()
        .map(|entry| {
            let mut d = Diagnostics::new();
            let file = load_markdown(root, entry, &mut d);
            (file, d)
        })
        .collect();
    for (file, d) in read {
        diags.extend(d);
        sources.markdown.extend(file);
    }
    for entry in walk(
        root,
        &root.join("static"),
        &canon_root,
        Skip::VersionControl,
        diags,
    ) {
        let rel = rel_path(&root.join("static"), &entry);
        sources.statics.push(StaticFile {
            output_path: rel,
            source: entry,
        });
    }
    sources.markdown.sort_by(|a, b| a.path.cmp(&b.path));
    sources.statics.sort();
    sources.assets.sort();
    sources
}

/// Reads one Markdown file under `content/`; `None` when it cannot be read (reported).
pub fn load_markdown(root: &Path, file: &Path, diags: &mut Diagnostics) -> Option<SourceFile> {
    let rel = rel_path(root, file);
    let content_path = rel.strip_prefix("content/").unwrap_or(&rel).to_string();
    match read_text(file) {
        Ok(text) => Some(source_file(rel, content_path, text, diags)),
        // Removed since the folder was listed (an editor's save, a `git checkout`): the
        // build sees the site as it is now, without it.
        Err(_) if std::fs::symlink_metadata(file).is_err() => None,
        Err((span, msg)) => {
            diags.error(Code::FileUnreadable, &rel, span, msg);
            None
        }
    }
}

/// A Markdown file at `path` (relative to the site root) from bytes already in memory,
/// decoded and cleaned as if read from disk (only the file size limit is not checked): what
/// the fuzz targets and property tests feed the pipeline. `None` when the bytes are not
/// UTF-8 (reported).
pub fn from_bytes(path: &str, bytes: Vec<u8>, diags: &mut Diagnostics) -> Option<SourceFile> {
    let content_path = path.strip_prefix("content/").unwrap_or(path).to_string();
    match decode(bytes) {
        Ok(text) => Some(source_file(path.to_string(), content_path, text, diags)),
        Err((span, msg)) => {
            diags.error(Code::FileUnreadable, path, span, msg);
            None
        }
    }
}

fn source_file(
    path: String,
    content_path: String,
    text: String,
    diags: &mut Diagnostics,
) -> SourceFile {
    let (text, removed) = strip_controls(text, &path, diags);
    SourceFile {
        path,
        content_path,
        text,
        removed,
    }
}

/// What a walk leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Content: dotfiles, editor backups (`x~`, `#x#`) and version-control folders.
    Hidden,
    /// Static files are copied verbatim (`.nojekyll`, `.well-known/`): only `.git` and the
    /// like are left out.
    VersionControl,
}

/// Every regular file under `dir`, sorted, following symlinks that stay in the site.
pub fn walk(
    root: &Path,
    dir: &Path,
    canon_root: &Path,
    skip: Skip,
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return out;
    }
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| match skip {
            Skip::Hidden => !is_hidden(e.file_name()),
            Skip::VersionControl => !is_vcs(e.file_name()) && !is_editor_temp(e.file_name()),
        });
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| rel_path(root, p)).unwrap_or_default();
                let (code, msg) = if e.loop_ancestor().is_some() {
                    (
                        Code::SymlinkSkipped,
                        "symlink loop: not followed".to_string(),
                    )
                } else {
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string());
                    (Code::FileUnreadable, format!("cannot read: {why}"))
                };
                diags.warning(code, &path, Span::FILE, msg);
                continue;
            }
        };
        if entry.path_is_symlink() {
            let inside = entry
                .path()
                .canonicalize()
                .is_ok_and(|target| target.starts_with(canon_root));
            if !inside {
                diags.warning(
                    Code::SymlinkSkipped,
                    &rel_path(root, entry.path()),
                    Span::FILE,
                    "symlink points outside the site: not followed",
                );
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
        }
        if entry.file_type().is_file() {
            out.push(entry.into_path());
            if out.len() > MAX_FILES {
                let folder = rel_path(root, dir);
                diags.error(
                    Code::SiteLimit,
                    &folder,
                    Span::FILE,
                    format!(
                        "{folder}/ holds more than {MAX_FILES} files, the limit: nothing under it was read; move archives or generated files out of it"
                    ),
                );
                return Vec::new();
            }
        }
    }
    out
}

fn is_vcs(name: &std::ffi::OsStr) -> bool {
    matches!(name.to_str(), Some(".git" | ".hg" | ".svn" | ".DS_Store"))
}

/// Content files left out: dotfiles and editor leftovers.
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.') || is_editor_temp(name)
}

/// Editor swap, backup and temporary files (`x~`, `#x#`, `.#x`, `.x.swp`, vim's `4913`,
/// JetBrains' `x___jb_tmp___`): never content, never copied, never a reason to rebuild.
pub fn is_editor_temp(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    n.ends_with('~')
        || n.starts_with('#')
        || n.starts_with(".#")
        || [
            ".swp",
            ".swo",
            ".swx",
            ".swpx",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|s| n.ends_with(s))
        || n == "4913"
}

fn rel_path(base: &Path, p: &Path) -> String {
    display_path(p.strip_prefix(base).unwrap_or(p))
}

/// Reads a UTF-8 text file, dropping a BOM and normalizing CRLF line ends.
pub fn read_text(path: &Path) -> Result<String, (Span, String)> {
    use std::io::Read;
    let cannot = |e: std::io::Error| (Span::FILE, format!("cannot read: {e}"));
    let too_big = |len: u64| {
        (
            Span::FILE,
            format!("file is {len} bytes; the limit is {MAX_FILE_BYTES} (16 MiB)"),
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_big(len));
    }
    // A file that grows while it is read is still cut off at the limit.
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    decode(bytes)
}

/// True for characters removed from content: those no HTML page or XML feed may hold (C0
/// controls but tab and line feed, DEL, and the non-characters U+FFFE and U+FFFF), and the
/// bidirectional embedding, override and isolate controls, which would reorder the text
/// around a name or title wherever it is shown (so `\u{202E}ecilA` would read "Alice").
pub fn is_forbidden_char(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n')
        || c == '\u{7f}'
        || c == '\u{fffe}'
        || c == '\u{ffff}'
        || is_bidi_control(c)
}

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Removes forbidden characters, warning once per file at the first of them, and says
/// where they were (see [`SourceFile::removed`]).
fn strip_controls(text: String, path: &str, diags: &mut Diagnostics) -> (String, Vec<(u32, u32)>) {
    let Some(first) = text.find(is_forbidden_char) else {
        return (text, Vec::new());
    };
    let span = crate::diagnostic::LineIndex::new(&text).span(first, 1);
    let c = text[first..].chars().next().unwrap_or(' ');
    diags.warning(Code::ControlCharacter, path, span, removed_message(c));
    let mut kept = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let (mut line, mut col) = (1u32, 1u32);
    for c in text.chars() {
        if is_forbidden_char(c) {
            removed.push((line, col));
            continue;
        }
        kept.push(c);
        if c == '\n' {
            (line, col) = (line + 1, 1);
        } else {
            col += 1;
        }
    }
    (kept, removed)
}

/// The D003 warning for a removed character `c`.
pub fn removed_message(c: char) -> String {
    if is_bidi_control(c) {
        format!(
            "bidirectional control character U+{:04X} removed (it would reorder the text around it on the page)",
            c as u32
        )
    } else {
        format!(
            "control character U+{:04X} removed (pages and feeds cannot hold it)",
            c as u32
        )
    }
}

/// Decodes file bytes as UTF-8 text with LF line ends.
pub fn decode(bytes: Vec<u8>) -> Result<String, (Span, String)> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let line = prefix.matches('\n').count() as u32 + 1;
        let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        (
            Span::new(line, col),
            "file is not UTF-8 text: save it as UTF-8".to_string(),
        )
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}
