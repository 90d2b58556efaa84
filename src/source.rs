//! Discovers the site's files: Markdown under `content/`, assets under `static/`.

use crate::confine::{self, Confine, OTHER_MARKDOWN, Refused, Use, is_markdownish, is_vcs};
use crate::diagnostic::{Code, Diagnostics, Span, display_path, in_file};
use rayon::prelude::*;
use std::ffi::OsStr;
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
        in_file(&self.removed, span)
    }

    /// The removals on line `line` and after: those of a body starting there.
    pub fn removed_from(&self, line: u32) -> Vec<(u32, u32)> {
        let first = self.removed.partition_point(|&(l, _)| l < line);
        self.removed[first..].to_vec()
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

/// Walks `content/` and `static/` under `root`, whose output goes to `output` (default
/// `<root>/output`). Symlinks are followed only to files of the site meant to be
/// published ([`Confine`]); refused links, leftovers and unusable names are warnings.
pub fn discover(root: &Path, output: Option<&Path>, diags: &mut Diagnostics) -> Sources {
    discover_in(&Confine::new(root, output), diags)
}

/// [`discover`] within the bounds `confine`.
pub fn discover_in(confine: &Confine, diags: &mut Diagnostics) -> Sources {
    let root = &confine.root;
    let mut sources = Sources::default();
    let content = root.join("content");
    let (markdown, assets) =
        split_content(confine, walk(confine, &content, Skip::Hidden, diags), diags);
    sources.assets = assets;
    // Reading is most of discovery on a large site: one thread per core, each file's
    // diagnostics kept with it and merged in path order.
    let read: Vec<(Option<SourceFile>, Diagnostics)> = markdown
        .par_iter()
        .map(|found| {
            let mut d = Diagnostics::new();
            let file = load_markdown(root, found, &mut d);
            (file, d)
        })
        .collect();
    for (file, d) in read {
        diags.extend(d);
        sources.markdown.extend(file);
    }
    sources.statics = statics(confine, &root.join("static"), diags);
    sources.markdown.sort_by(|a, b| a.path.cmp(&b.path));
    sources
}

/// The files under `dir`, copied verbatim to the same path in the output, sorted.
pub fn statics(confine: &Confine, dir: &Path, diags: &mut Diagnostics) -> Vec<StaticFile> {
    let mut out: Vec<StaticFile> = walk(confine, dir, Skip::VersionControl, diags)
        .into_iter()
        .map(|f| StaticFile {
            output_path: rel_path(dir, &f.path),
            source: f.target,
        })
        .collect();
    out.sort();
    out
}

/// Splits the files found under `content/` into Markdown pages and assets (sorted),
/// warning about Markdown under other extensions and leftovers, which are neither.
pub fn split_content(
    confine: &Confine,
    found: Vec<Found>,
    diags: &mut Diagnostics,
) -> (Vec<Found>, Vec<StaticFile>) {
    let content = confine.root.join("content");
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    for f in found {
        let name = f.path.file_name().unwrap_or_default();
        let shown = rel_path(&confine.root, &f.path);
        if is_markdown(name) {
            markdown.push(f);
        } else if let Some(stem) = other_markdown_stem(name) {
            diags.warning(
                Code::MarkdownExtension,
                &shown,
                Span::FILE,
                format!(
                    "Markdown is read only from files named .md: not published; rename it to {stem}.md"
                ),
            );
        } else if is_markdownish(name) {
            diags.warning(
                Code::Leftover,
                &shown,
                Span::FILE,
                "an editor or merge leftover of a Markdown file: not published (delete it, or rename it to .md to make it a page)",
            );
        } else {
            assets.push(StaticFile {
                output_path: rel_path(&content, &f.path),
                source: f.target,
            });
        }
    }
    assets.sort();
    (markdown, assets)
}

/// A Markdown page of `content/`: a name ending in `.md`, in any case (`x.MD`).
pub fn is_markdown(name: &OsStr) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// The stem of a Markdown file under another extension (`x.markdown` → `x`).
fn other_markdown_stem(name: &OsStr) -> Option<&str> {
    let (stem, ext) = name.to_str()?.rsplit_once('.')?;
    let other = OTHER_MARKDOWN.iter().any(|m| m.eq_ignore_ascii_case(ext));
    (other && !stem.is_empty()).then_some(stem)
}

/// Reads one Markdown file found under `content/`; `None` when it cannot be read
/// (reported).
pub fn load_markdown(root: &Path, file: &Found, diags: &mut Diagnostics) -> Option<SourceFile> {
    let rel = rel_path(root, &file.path);
    let content_path = rel.strip_prefix("content/").unwrap_or(&rel).to_string();
    let opened = confine::open(&file.target);
    // Removed since the folder was listed (an editor's save, a `git checkout`): the build
    // sees the site as it was then, without it, even if it is back by now.
    if opened
        .as_ref()
        .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    {
        return None;
    }
    let read = opened
        .map_err(|e| (Span::FILE, format!("cannot read: {e}")))
        .and_then(|(file, len)| read_from(file, len));
    match read {
        Ok(text) => Some(source_file(rel, content_path, text, diags)),
        Err(_) if std::fs::symlink_metadata(&file.target).is_err() => None,
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
    /// Theme templates: left out as content is, but never pages, so never a link to a
    /// Markdown file of content/ (a template can include any other by name).
    Templates,
}

/// A regular file found by [`walk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it was found, under the walked folder (symlinks on the way kept).
    pub path: PathBuf,
    /// The canonical path it is read from, opened with [`confine::open`].
    pub target: PathBuf,
}

/// Every regular file under `dir`, sorted, following only the symlinks `confine` allows.
pub fn walk(confine: &Confine, dir: &Path, skip: Skip, diags: &mut Diagnostics) -> Vec<Found> {
    let mut w = Walker {
        confine,
        skip,
        diags,
        out: Vec::new(),
        ancestors: Vec::new(),
        full: false,
    };
    let usage = w.usage(dir);
    let start = match confine.resolve(dir, usage) {
        Ok(Some(t)) if t.is_dir() => t,
        Ok(_) => return Vec::new(),
        Err((link, why)) => {
            w.refuse(&link, None, &why);
            return Vec::new();
        }
    };
    if let Err(why) = confine.check_output(&start) {
        w.refuse(dir, None, &why);
        return Vec::new();
    }
    // The folder itself reached through a link (`static -> ../assets`): what is under it
    // gets the checks of a link's target, as under any followed folder link.
    let lexical = confine.canon_root.join(
        crate::output::absolute(dir)
            .strip_prefix(&confine.root)
            .unwrap_or(dir),
    );
    let via = (start != lexical).then_some(dir);
    w.visit(dir, &start, via);
    if w.full {
        let folder = rel_path(&confine.root, dir);
        w.diags.error(
            Code::SiteLimit,
            &folder,
            Span::FILE,
            format!(
                "{folder}/ holds more than {MAX_FILES} files, the limit: nothing under it was read; move archives or generated files out of it"
            ),
        );
        return Vec::new();
    }
    w.out
}

/// The state of one [`walk`].
struct Walker<'a> {
    confine: &'a Confine,
    skip: Skip,
    diags: &'a mut Diagnostics,
    out: Vec<Found>,
    /// Canonical folders being walked, to see a link back to one of them.
    ancestors: Vec<PathBuf>,
    /// Past [`MAX_FILES`]: the walk stops.
    full: bool,
}

impl Walker<'_> {
    /// Markdown pages of content/ may be links to Markdown; anything copied may not.
    fn usage(&self, path: &Path) -> Use {
        let page = self.skip == Skip::Hidden && path.file_name().is_some_and(is_markdown);
        if page { Use::Page } else { Use::Verbatim }
    }

    fn refuse(&mut self, path: &Path, via: Option<&Path>, why: &Refused) {
        let shown = shown_path(&self.confine.root, path);
        let message = match (via, why) {
            (None, Refused::Loop) => "symlink loop: not followed".to_string(),
            (None, why) => format!("symlink points {}: not followed", why.why()),
            (Some(link), why) => format!(
                "reached through the symlink {}, which leads {}: not followed",
                shown_path(&self.confine.root, link),
                why.why()
            ),
        };
        self.diags
            .warning(Code::SymlinkSkipped, &shown, Span::FILE, message);
    }

    /// Walks the folder `logical`, which is the canonical folder `real`; `via` is the
    /// symlink it was reached through, if any.
    fn visit(&mut self, logical: &Path, real: &Path, via: Option<&Path>) {
        // Through a link, a folder a build wrote is an output folder under another name
        // (followed, each build would publish the last one inside itself). The link's own
        // target was checked by `Confine::check`.
        if let Some(link) = via.filter(|l| *l != logical)
            && confine::is_marked(real)
        {
            self.refuse(logical, Some(link), &Refused::Output);
            return;
        }
        // The type comes with the listing on most file systems: no stat per file.
        let mut names: Vec<(std::ffi::OsString, Option<std::fs::FileType>)> =
            match std::fs::read_dir(real) {
                Ok(rd) => rd
                    .filter_map(|e| e.ok().map(|e| (e.file_name(), e.file_type().ok())))
                    .collect(),
                Err(e) => {
                    let shown = shown_path(&self.confine.root, logical);
                    self.diags.warning(
                        Code::FileUnreadable,
                        &shown,
                        Span::FILE,
                        format!("cannot read: {e}"),
                    );
                    return;
                }
            };
        names.sort_by(|a, b| a.0.cmp(&b.0));
        self.ancestors.push(real.to_path_buf());
        for (name, file_type) in names {
            if self.full {
                break;
            }
            let skipped = match self.skip {
                Skip::Hidden | Skip::Templates => is_hidden(&name),
                Skip::VersionControl => is_vcs(&name) || is_editor_temp(&name),
            };
            if skipped {
                continue;
            }
            let path = logical.join(&name);
            let here = real.join(&name);
            let Some(file_type) = file_type.or_else(|| {
                // Removed since the folder was listed: None.
                std::fs::symlink_metadata(&here).ok().map(|m| m.file_type())
            }) else {
                continue;
            };
            let (target, via) = if file_type.is_symlink() {
                match self.confine.follow(&here, self.usage(&path)) {
                    Ok(t) => (t, Some(path.as_path())),
                    Err(why) => {
                        self.refuse(&path, None, &why);
                        continue;
                    }
                }
            } else {
                // Under a followed link, the same bounds as the link's own target.
                let checked = match via {
                    Some(_) => self.confine.check_path(&here, self.usage(&path)),
                    None => self.confine.check_output(&here),
                };
                if let Err(why) = checked {
                    match via {
                        Some(link) => self.refuse(&path, Some(link), &why),
                        None => self.refuse(&path, None, &why),
                    }
                    continue;
                }
                (here, via)
            };
            if name.to_str().is_none() {
                let shown = shown_path(&self.confine.root, &path);
                let what = if target.is_dir() {
                    "folder name is not UTF-8: not copied or read, nor anything under it"
                } else {
                    "file name is not UTF-8: not copied or read"
                };
                self.diags.warning(
                    Code::FileName,
                    &shown,
                    Span::FILE,
                    format!("{what}; rename it in UTF-8 (pages and URLs are named in UTF-8)"),
                );
                continue;
            }
            let (is_dir, is_file) = if file_type.is_symlink() {
                match std::fs::metadata(&target) {
                    Ok(m) => (m.is_dir(), m.is_file()),
                    Err(_) => continue,
                }
            } else {
                (file_type.is_dir(), file_type.is_file())
            };
            if is_dir {
                if self.ancestors.contains(&target) {
                    self.refuse(&path, None, &Refused::Loop);
                    continue;
                }
                self.visit(&path, &target, via);
            } else if is_file {
                self.out.push(Found { path, target });
                if self.out.len() > MAX_FILES {
                    self.full = true;
                }
            }
        }
        self.ancestors.pop();
    }
}

/// `p` relative to `root` for a diagnostic, bytes that are not UTF-8 shown as `\xNN`
/// (so that two such names stay apart).
fn shown_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for chunk in c.as_os_str().as_encoded_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
    }
    out
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
    let cannot = |e: std::io::Error| (Span::FILE, format!("cannot read: {e}"));
    let file = std::fs::File::open(path).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    read_from(file, len)
}

/// [`read_text`] of a file found by a walk, at its canonical path, opened without
/// following a symlink that replaced it since ([`confine::open`]).
pub fn read_confined_text(target: &Path) -> Result<String, (Span, String)> {
    let (file, len) =
        confine::open(target).map_err(|e| (Span::FILE, format!("cannot read: {e}")))?;
    read_from(file, len)
}

/// The text of `file`, `len` bytes long when opened.
fn read_from(file: std::fs::File, len: u64) -> Result<String, (Span, String)> {
    use std::io::Read;
    let cannot = |e: std::io::Error| (Span::FILE, format!("cannot read: {e}"));
    let too_big = |len: u64| {
        (
            Span::FILE,
            format!("file is {len} bytes; the limit is {MAX_FILE_BYTES} (16 MiB)"),
        )
    };
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

/// Where the first forbidden character of `text` is. Every one of them starts with a byte
/// below 0x20, 0x7F, 0xE2 (bidi controls) or 0xEF (U+FFFE, U+FFFF): the text is scanned
/// 32 bytes at a time for such a byte (a test the compiler makes on whole vectors), and
/// only a block holding one is looked at byte by byte; only those bytes are decoded.
fn first_forbidden(text: &str) -> Option<usize> {
    const BLOCK: usize = 32;
    let suspect =
        |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7f) | (b == 0xe2) | (b == 0xef);
    let bytes = text.as_bytes();
    let blocks = bytes.chunks_exact(BLOCK);
    let tail = blocks.remainder();
    let whole = bytes.len() - tail.len();
    let looked = (blocks.enumerate().map(|(i, block)| (i * BLOCK, block)))
        .chain(std::iter::once((whole, tail)));
    for (start, block) in looked {
        if !block.iter().fold(false, |any, &b| any | suspect(b)) {
            continue;
        }
        for (i, &b) in block.iter().enumerate() {
            // A suspect byte is ASCII or a lead byte: a character starts there.
            let at = start + i;
            if suspect(b) && text[at..].chars().next().is_some_and(is_forbidden_char) {
                return Some(at);
            }
        }
    }
    None
}

/// Removes forbidden characters, warning once per file at the first of them, and says
/// where they were (see [`SourceFile::removed`]).
fn strip_controls(text: String, path: &str, diags: &mut Diagnostics) -> (String, Vec<(u32, u32)>) {
    let Some(first) = first_forbidden(&text) else {
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_bytewise_scan_finds_what_the_char_scan_finds() {
        let samples = [
            "plain text\n\twith tabs",
            "bell \u{7} here",
            "del \u{7f}",
            "bidi \u{202E}x and \u{2066}",
            "\u{2019} quotes \u{2014} dashes \u{20AC} and \u{FFFD} \u{FFEE}",
            "non-char \u{FFFE}",
            "\u{FFFF}",
            "\u{1F600} \u{2069}",
            "",
        ];
        for s in samples {
            assert_eq!(first_forbidden(s), s.find(is_forbidden_char), "{s:?}");
        }
        // Across the 32-byte blocks: at every place of the first two blocks and the tail,
        // after ASCII or after typographic characters that share the bidi controls' lead byte.
        for filler in ["a", "\u{2019}", "\u{FFEE}"] {
            for before in 0..40 {
                for bad in ["\u{7}", "\u{202A}", "\u{FFFF}", "\u{1F600}"] {
                    let s = format!("{}{bad}{}", filler.repeat(before), "b".repeat(before % 7));
                    assert_eq!(first_forbidden(&s), s.find(is_forbidden_char), "{s:?}");
                }
            }
        }
    }

    use super::*;

    fn name(n: &str) -> &OsStr {
        OsStr::new(n)
    }

    /// Columns count the characters removed before them on their own line only.
    #[test]
    fn file_columns_count_removals_before_them_on_their_line() {
        let removed = [(2, 9), (3, 2), (3, 2), (3, 5), (4, 1)];
        let at = |line, col| in_file(&removed, Span::new(line, col)).col;
        assert_eq!(at(1, 7), 7);
        assert_eq!(at(3, 1), 1);
        assert_eq!(at(3, 2), 4);
        assert_eq!(at(3, 4), 6);
        assert_eq!(at(3, 5), 8);
        assert_eq!(at(3, 80), 83);
        assert_eq!(at(4, 3), 4);
        assert_eq!(at(5, 1), 1);
    }

    #[test]
    fn markdown_is_md_in_any_case_and_its_leftovers_are_recognised() {
        for page in ["x.md", "x.MD", "2025-11-20-x.Md", "a.b.md"] {
            assert!(is_markdown(name(page)), "{page}");
        }
        for other in ["x.markdown", "x.Markdown", "x.mdown", "x.MKD", "x.mdx"] {
            assert!(!is_markdown(name(other)), "{other}");
            assert_eq!(other_markdown_stem(name(other)), Some("x"), "{other}");
            assert!(is_markdownish(name(other)), "{other}");
        }
        for leftover in [
            "x.md.orig",
            "x.md.BAK",
            "x.MD.rej",
            "x.md.dpkg-old",
            "x.md.1",
            "x.md~",
            "#x.md#",
            ".x.md.swp",
            "x.markdown.bak",
        ] {
            assert!(is_markdownish(name(leftover)), "{leftover}");
            assert!(!is_markdown(name(leftover)), "{leftover}");
            assert_eq!(other_markdown_stem(name(leftover)), None, "{leftover}");
        }
        for asset in ["chart.png", "md.txt", "notes.md5", "x.orig", "readme"] {
            assert!(!is_markdownish(name(asset)), "{asset}");
        }
    }
}
