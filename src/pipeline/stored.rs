//! The rendered bodies `serve` keeps between runs: its [`BodyCache`] written to
//! `<site>/.dossier/cache/bodies` (or `$DOSSIER_CACHE_DIR/bodies`) once the preview is
//! whole, and read back when the next `serve` starts, so that a preview of 10,000
//! briefings renders again only the bodies that changed while it was stopped.
//!
//! The file is a first JSON line (the format, the program that wrote it and the length of
//! each part), then three parts: what the bodies were rendered against (the link
//! environment, the entities, the briefings' order, titles and slugs) in JSON; one JSON
//! line per body (its key, links, outline and diagnostics, and where its HTML is); and
//! every body's HTML as rendered, one after the other. HTML is most of the file: taken as
//! it is, it costs no escaping either way, and each body's is read straight into its own
//! string, on every core. The cache's own rules ([`BodyCache::renumber`],
//! [`BodyCache::relink`], the entity remap) then treat the site as it now is like any
//! rebuild after an edit. A file written by another build of the program, of another
//! format, larger than [`MAX_STORED`], not UTF-8, cut, that does not parse, or that names
//! a page past the lists it carries or HTML past its end is ignored whole: the preview then
//! renders every body, as without it.

use super::{BodyCache, CachedBody};
use crate::diagnostic::Diagnostics;
use crate::markdown::{self, Target};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};

/// A stored file larger than this is ignored (10,000 briefings store about 60 MB).
pub const MAX_STORED: u64 = 2 * 1024 * 1024 * 1024;

/// The format of the file; a file of another is ignored.
const FORMAT: u32 = 1;

/// The first line is at most this long.
const MAX_FIRST: usize = 1024;

/// The file the bodies of the site at `root` are kept in: `bodies` in its cache folder
/// ([`crate::cache_dir::of`]).
pub fn file_of(root: &Path) -> PathBuf {
    crate::cache_dir::of(root).join("bodies")
}

/// The first line: which file this is and how long each part after it is, in bytes.
#[derive(Serialize, Deserialize)]
struct First {
    format: u32,
    program: String,
    head: u64,
    lines: u64,
    html: u64,
}

/// What every body was rendered against.
#[derive(Serialize, Deserialize)]
struct Head {
    env: u64,
    entities: Vec<u64>,
    titles: Vec<u64>,
    order: Vec<String>,
    slugs: Vec<String>,
    /// How many body lines there are.
    bodies: usize,
}

/// One body line: the body but its HTML, which is at `at` of the HTML part for `len`
/// bytes.
#[derive(Serialize, Deserialize)]
struct Line<P, B, D> {
    path: P,
    key: u64,
    at: u64,
    len: u64,
    body: B,
    diags: D,
}

/// Writes `cache` to `file` (a temporary file renamed into place, so that a killed
/// `serve` leaves the last whole file). A cache that cannot be written is no error: the
/// next `serve` renders every body.
pub fn save(cache: &BodyCache, file: &Path) -> bool {
    let Some(program) = crate::cache_dir::program() else {
        return false;
    };
    let mut entries: Vec<(&String, &CachedBody)> = cache.entries.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let mut at = 0;
    let places: Vec<u64> = (entries.iter())
        .map(|(_, c)| {
            let here = at;
            at += c.body.html.len() as u64;
            here
        })
        .collect();
    let lines: Option<Vec<String>> = (entries.par_iter().zip(&places))
        .map(|((path, c), &at)| {
            let line = Line {
                path: path.as_str(),
                key: c.key,
                at,
                len: c.body.html.len() as u64,
                body: &c.body,
                diags: &c.diags,
            };
            serde_json::to_string(&line).ok()
        })
        .collect();
    let head = Head {
        env: cache.env,
        entities: cache.entities.clone(),
        titles: cache.titles.clone(),
        order: cache.order.clone(),
        slugs: cache.slugs.clone(),
        bodies: entries.len(),
    };
    let (Some(lines), Ok(head)) = (lines, serde_json::to_string(&head)) else {
        return false;
    };
    let lines_len: usize = lines.iter().map(|l| l.len() + 1).sum();
    let first = First {
        format: FORMAT,
        program,
        head: head.len() as u64,
        lines: lines_len as u64,
        html: at,
    };
    let Ok(first) = serde_json::to_string(&first) else {
        return false;
    };
    let mut text = String::with_capacity(first.len() + 1 + head.len() + lines_len + at as usize);
    text.push_str(&first);
    text.push('\n');
    text.push_str(&head);
    for line in &lines {
        text.push_str(line);
        text.push('\n');
    }
    for (_, c) in &entries {
        text.push_str(&c.body.html);
    }
    crate::cache_dir::write(file, text.as_bytes())
}

/// Reads `file` into `cache` (its bodies, and what they were rendered against), when it
/// is one this program wrote and whole; how many bodies were taken (0 when it was not).
/// The cache's other parts (related briefings, consistency findings, picture headers)
/// are found again.
pub fn load(cache: &mut BodyCache, file: &Path) -> usize {
    let Some((head, entries)) = read(file) else {
        return 0;
    };
    let taken = entries.len();
    cache.entries = entries.into_iter().collect();
    cache.env = head.env;
    cache.entities = head.entities;
    cache.titles = head.titles;
    cache.order = head.order;
    cache.slugs = head.slugs;
    cache.remap = None;
    cache.related = None;
    cache.findings = None;
    #[cfg(debug_assertions)]
    {
        cache.restored = true;
    }
    taken
}

/// A digest of what `cache` holds: what it was rendered against and each body's key, so
/// that a cache stored already is not written again.
pub fn digest(cache: &BodyCache) -> u64 {
    let bodies = (cache.entries.iter())
        .map(|(path, c)| crate::hash::of(&(path, c.key, c.html_hash)))
        .fold(0u64, u64::wrapping_add);
    let order = (&cache.entities, &cache.titles, &cache.order, &cache.slugs);
    crate::hash::of(&(cache.env, order, cache.entries.len(), bodies))
}

/// `len` bytes of `file` from `at`.
fn bytes_at(file: &File, at: u64, len: u64) -> Option<Vec<u8>> {
    let mut buf = vec![0; usize::try_from(len).ok()?];
    #[cfg(unix)]
    std::os::unix::fs::FileExt::read_exact_at(file, &mut buf, at).ok()?;
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n =
                std::os::windows::fs::FileExt::seek_read(file, &mut buf[done..], at + done as u64)
                    .ok()?;
            if n == 0 {
                return None;
            }
            done += n;
        }
    }
    #[cfg(not(any(unix, windows)))]
    return None;
    Some(buf)
}

/// `len` bytes of `file` from `at`, as text.
fn text_at(file: &File, at: u64, len: u64) -> Option<String> {
    String::from_utf8(bytes_at(file, at, len)?).ok()
}

type Parsed = Line<String, markdown::Body, Diagnostics>;

/// The head and bodies of `file`, if it is whole, of this program, and names no page past
/// its own lists.
fn read(path: &Path) -> Option<(Head, Vec<(String, CachedBody)>)> {
    let (file, size) = crate::cache_dir::open(path, MAX_STORED)?;
    // The first line alone is text to read here: the bytes after it may cut a character.
    let start = bytes_at(&file, 0, size.min(MAX_FIRST as u64))?;
    let first_len = start.iter().position(|&b| b == b'\n')?;
    let first: First = serde_json::from_slice(&start[..first_len]).ok()?;
    let first_len = first_len as u64 + 1;
    if first.format != FORMAT || Some(&first.program) != crate::cache_dir::program().as_ref() {
        return None;
    }
    let html_at = first_len
        .checked_add(first.head)?
        .checked_add(first.lines)?;
    if html_at.checked_add(first.html)? != size {
        return None;
    }
    let meta = text_at(&file, first_len, first.head + first.lines)?;
    let (head, lines) = meta.split_at_checked(first.head as usize)?;
    let head: Head = serde_json::from_str(head).ok()?;
    let n = head.order.len();
    let lines: Vec<&str> = lines.split_terminator('\n').collect();
    if head.titles.len() != n || head.slugs.len() != n || lines.len() != head.bodies {
        return None;
    }
    let lines: Vec<Parsed> = (lines.par_iter())
        .map(|l| serde_json::from_str(l).ok())
        .collect::<Option<_>>()?;
    // Each body's HTML follows the last one's, as `save` writes them, and they end where
    // the file does: no HTML is read twice, whatever the lines say.
    let mut next = 0u64;
    for line in &lines {
        if line.at != next {
            return None;
        }
        next = next.checked_add(line.len)?;
    }
    if next != first.html {
        return None;
    }
    let entities = head.entities.len();
    let within = |t: &Target| match *t {
        Target::Briefing(b) => (b.0 as usize) < n,
        Target::Entity(e) => (e.0 as usize) < entities,
    };
    let entries: Vec<(String, CachedBody)> = lines
        .into_par_iter()
        .map(|line| {
            let mut body = line.body;
            body.html = text_at(&file, html_at + line.at, line.len)?;
            let sound = body.targets().all(within)
                && (body.found.iter()).all(|f| (f.entity.0 as usize) < entities);
            // The hash of its HTML is taken again, not read: pages are fingerprinted by it.
            sound.then(|| (line.path, CachedBody::new(line.key, body, line.diags)))
        })
        .collect::<Option<_>>()?;
    Some((head, entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache of one briefing and two entities, holding a body of `html` for each path.
    fn cache_with(bodies: &[(&str, &str)], links: Vec<Target>) -> BodyCache {
        let mut cache = BodyCache {
            env: 7,
            entities: vec![1, 2],
            titles: vec![3],
            order: vec!["content/briefings/a.md".into()],
            slugs: vec!["a".into()],
            ..Default::default()
        };
        for (path, html) in bodies {
            let body = markdown::Body {
                html: html.to_string(),
                links: links.clone(),
                ..Default::default()
            };
            cache.insert(
                path.to_string(),
                CachedBody::new(42, body, Diagnostics::new()),
            );
        }
        cache
    }

    fn one(links: Vec<Target>) -> BodyCache {
        cache_with(&[("content/briefings/a.md", "<p>Hello</p>")], links)
    }

    #[test]
    fn a_stored_cache_reads_back_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bodies");
        let links = vec![Target::Entity(crate::model::EntityIdx(1))];
        assert!(save(&one(links.clone()), &file));
        let mut back = BodyCache::default();
        assert_eq!(load(&mut back, &file), 1);
        let got = back
            .get("content/briefings/a.md")
            .expect("the body is back");
        assert_eq!((got.key, got.body.html.as_str()), (42, "<p>Hello</p>"));
        assert_eq!(got.body.links, links);
        assert_eq!((back.env, back.order.len()), (7, 1));
        assert_eq!(digest(&back), digest(&one(links)));
    }

    /// Whether `text`, written as the stored file, is refused whole.
    fn refused(file: &Path, text: &[u8]) -> bool {
        std::fs::write(file, text).unwrap();
        let mut back = BodyCache::default();
        load(&mut back, file) == 0 && back.get("content/briefings/a.md").is_none()
    }

    #[test]
    fn a_cut_tampered_or_foreign_file_is_ignored_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bodies");
        let links = vec![Target::Entity(crate::model::EntityIdx(1))];
        assert!(save(&one(links), &file));
        let good = std::fs::read_to_string(&file).unwrap();
        // The HTML cut short, and everything after the first line gone.
        assert!(refused(&file, &good.as_bytes()[..good.len() - 10]));
        assert!(refused(&file, good.lines().next().unwrap().as_bytes()));
        // A link to an entity past the list the file carries (its numbers are its own).
        let past = good.replace(r#"{"Entity":1}"#, r#"{"Entity":9}"#);
        assert_eq!(past.len(), good.len());
        assert!(refused(&file, past.as_bytes()));
        // Another build of the program.
        assert!(refused(
            &file,
            good.replace(r#""program":""#, r#""program":"x"#).as_bytes()
        ));
        // Not JSON at all, and nesting deeper than any body, each on a first line.
        assert!(refused(&file, b"\x00\x01garbage\n{}\n"));
        assert!(refused(
            &file,
            format!("{}\n", "[".repeat(100_000)).as_bytes()
        ));
        assert!(refused(&file, &[0xff, 0xfe, b'\n']));
        // Its bodies are back once the file is whole again.
        std::fs::write(&file, &good).unwrap();
        assert_eq!(load(&mut BodyCache::default(), &file), 1);
    }

    #[test]
    fn html_named_twice_or_out_of_its_order_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bodies");
        // Three bodies of ten bytes: at 0, 10 and 20.
        let bodies = [
            ("content/a.md", "<p>aaaa</p"),
            ("content/b.md", "<p>bbbb</p"),
            ("content/c.md", "<p>cccc</p"),
        ];
        assert!(save(&cache_with(&bodies, Vec::new()), &file));
        let good = std::fs::read_to_string(&file).unwrap();
        assert!(good.contains(r#""at":20,"#), "{good}");
        // The third names the second's HTML: each line alone is within the file.
        let twice = good.replace(r#""at":20,"#, r#""at":10,"#);
        assert!(refused(&file, twice.as_bytes()));
        std::fs::write(&file, &good).unwrap();
        assert_eq!(load(&mut BodyCache::default(), &file), 3);
    }

    #[test]
    fn a_character_across_the_first_kilobyte_is_no_reason_to_refuse() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bodies");
        // Paths of "ë" (two bytes each): byte 1,024 falls inside one for some padding,
        // wherever the first line ends.
        for pad in 0..40 {
            let paths: Vec<String> = (0..200)
                .map(|i| format!("content/{}{}-{i}.md", "x".repeat(pad), "ë".repeat(100)))
                .collect();
            let bodies: Vec<(&str, &str)> =
                paths.iter().map(|p| (p.as_str(), "<p>x</p>")).collect();
            assert!(save(&cache_with(&bodies, Vec::new()), &file));
            let bytes = std::fs::read(&file).unwrap();
            if std::str::from_utf8(&bytes[..MAX_FIRST]).is_err() {
                assert_eq!(load(&mut BodyCache::default(), &file), 200);
                return;
            }
        }
        panic!("no padding cut a character at the first kilobyte");
    }

    #[cfg(unix)]
    #[test]
    fn a_stored_file_that_is_a_symlink_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("elsewhere");
        let links = vec![Target::Entity(crate::model::EntityIdx(0))];
        assert!(save(&one(links), &real));
        let file = dir.path().join("bodies");
        std::os::unix::fs::symlink(&real, &file).unwrap();
        assert_eq!(load(&mut BodyCache::default(), &file), 0);
    }

    #[test]
    fn a_write_a_killed_run_left_is_removed_by_the_next_and_one_under_way_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bodies");
        let left = dir.path().join(".bodies.99999999.tmp");
        let other = dir.path().join(".cards.1.tmp");
        let fresh = dir.path().join(".bodies.99999998.tmp");
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for (p, text) in [
            (&left, "half"),
            (&other, "not ours"),
            (&fresh, "being written"),
        ] {
            std::fs::write(p, text).unwrap();
        }
        for p in [&left, &other] {
            let f = std::fs::File::options().write(true).open(p).unwrap();
            f.set_modified(hour_ago).unwrap();
        }
        assert!(save(&one(Vec::new()), &file));
        // Another run's write under way (a recent file) is left alone.
        assert!(!left.exists() && other.exists() && fresh.exists());
    }
}
