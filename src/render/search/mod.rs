//! The search page's index, split so that the first query of a large site downloads little,
//! and written as scripts (`dossierSearch(name, data)`) so that it loads from any host and
//! from a folder opened in the browser (`file://`), where `fetch` is not allowed:
//! `search/meta.js` (entities with aliases, tags, dates), one file per entity and per tag
//! with the briefings naming it (`search/e/`, `search/g/`), and the full-text index of
//! [`fulltext`]. `search.js` reads them; `search-index.json` stays the whole index in one
//! file for other tools. docs/data.md gives every format.
//!
//! Briefings are numbered newest first.

pub mod codes;
pub mod fold;
pub mod fulltext;
pub mod text;

pub use fold::fold;

use crate::id_vec::{Id, IdVec};
use crate::model::{BriefingIdx, EntityId, EntityIdx, Kind, Slug};
use crate::site::Site;
use crate::urls;
use rayon::prelude::*;
use serde::Serialize;

/// Words of a briefing's text kept in its excerpt.
const EXCERPT_WORDS: usize = 40;

/// The terms of `s`: its words (runs of letters, digits and marks), each folded with
/// anything but letters and digits left out, as `search.js` cuts a query.
pub fn words(s: &str) -> Vec<String> {
    text::pieces(s)
        .filter(|(word, _)| *word)
        .map(|(_, w)| text::term(w))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The file a word's postings live in: its first two characters, letters and digits as
/// they are and anything else as `_<hex code point>`, so every name is safe on any host.
pub fn shard_key(word: &str) -> String {
    word.chars()
        .take(2)
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c.to_string()
            } else {
                format!("_{:x}", c as u32)
            }
        })
        .collect()
}

/// The first words of a rendered body, as plain text.
pub fn excerpt(html: &str) -> String {
    let mut text = String::with_capacity(html.len().min(2048));
    let mut tag: Option<String> = None;
    let mut count = 0;
    let space = |text: &mut String, count: &mut usize| {
        if !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
            *count += 1;
        }
    };
    for c in html.chars() {
        if let Some(name) = tag.as_mut() {
            if c == '>' {
                // Block elements separate words; inline ones (`<a>`, `<em>`) do not.
                let n = name.trim_start_matches('/').split(' ').next().unwrap_or("");
                if matches!(
                    n,
                    "p" | "br"
                        | "li"
                        | "td"
                        | "th"
                        | "tr"
                        | "div"
                        | "blockquote"
                        | "pre"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "hr"
                        | "dt"
                        | "dd"
                ) {
                    space(&mut text, &mut count);
                }
                tag = None;
            } else if !c.is_whitespace() && !name.contains(' ') {
                name.push(c);
            } else {
                name.push(' ');
            }
            continue;
        }
        if c == '<' {
            tag = Some(String::new());
        } else if c.is_whitespace() {
            space(&mut text, &mut count);
        } else {
            text.push(c);
        }
        if count >= EXCERPT_WORDS {
            break;
        }
    }
    unescape(text.trim())
}

/// Whether two rendered bodies give the search index the same text: the same plain text
/// and the same excerpt.
pub fn same_text(a: &str, b: &str) -> bool {
    text::plain_text(a) == text::plain_text(b) && excerpt(a) == excerpt(b)
}

/// The five entities pulldown-cmark writes, and numeric ones.
fn unescape(s: &str) -> String {
    crate::char_refs::decode(s, |name| match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    })
}

/// `[kind (index into kinds), name, slug, aliases, briefings naming it]`.
#[derive(Serialize)]
struct MetaEntity<'a>(usize, &'a str, &'a str, &'a [String], usize);

/// The format of the split index (`v` in `meta.js`): the default theme's `search.js` reads
/// this one alone (its `FORMAT`), and asks the reader to reload the page on another.
pub const FORMAT: u32 = 6;

#[derive(Serialize)]
struct Meta<'a> {
    /// Format version, for scripts of other themes.
    v: u32,
    count: usize,
    /// A briefing's page, relative to the root: `page[0]`, its slug, `page[1]`.
    page: [String; 2],
    /// Per kind of entity: `[word, page prefix, page suffix]` (a page is prefix, slug,
    /// suffix).
    kinds: Vec<[String; 3]>,
    /// A tag's page: `tag[0]`, its slug, `tag[1]`.
    tag: [String; 2],
    /// Month names as pages show dates (`7 Nov 2025`).
    months: [String; 12],
    entities: Vec<MetaEntity<'a>>,
    /// `[name, slug, briefings]`.
    tags: Vec<(&'a str, &'a str, usize)>,
    /// Dates, newest first, as runs: the first day (days since 1970-01-01) and how many
    /// briefings have it, then for each older day how many days earlier it is and how many
    /// briefings have it.
    days: Vec<i64>,
}

/// The files of `search/` made from front matter alone: `search/meta.js`, and the
/// briefings naming each entity (`search/e/<kind>/<slug>.js`) and having each tag
/// (`search/g/<slug>.js`), for the filters.
pub fn meta_files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let r = &site.resolved;
    let n = r.briefings.len();
    // Briefing index → its number, newest first.
    let number = |b: usize| (n - 1 - b) as u32;

    let mut ent: IdVec<EntityIdx, Vec<u32>> = IdVec::filled(Vec::new(), r.entities.len());
    let mut tag: Vec<Vec<u32>> = vec![Vec::new(); r.tags.len()];
    for (b, refs) in r.refs.iter().enumerate() {
        for e in refs.entities() {
            ent[e].push(number(b));
        }
        for &t in &refs.tags {
            tag[t].push(number(b));
        }
    }
    let mut days: Vec<i64> = Vec::new();
    let mut prev: Option<i64> = None;
    for b in r.briefings.iter().rev() {
        let d = super::dates::day_number(b.date.date);
        match prev {
            Some(p) if p == d => {
                if let Some(run) = days.last_mut() {
                    *run += 1;
                }
            }
            _ => {
                days.push(prev.map_or(d, |p| p - d));
                days.push(1);
            }
        }
        prev = Some(d);
    }
    let meta = Meta {
        v: FORMAT,
        count: n,
        page: page_of(urls::briefing),
        kinds: Kind::ALL
            .iter()
            .map(|&kind| {
                let [a, b] = page_of(|slug| {
                    urls::entity(&EntityId {
                        kind,
                        slug: slug.clone(),
                    })
                });
                [kind.word().to_string(), a, b]
            })
            .collect(),
        tag: page_of(urls::tag),
        months: std::array::from_fn(|m| site.config.i18n.locale.month_abbr(m as i8 + 1)),
        entities: r
            .entities
            .iter_ids()
            .map(|(i, e)| {
                let kind = Kind::ALL.iter().position(|&k| k == e.id.kind);
                MetaEntity(
                    kind.unwrap_or(0),
                    &e.name,
                    e.id.slug.as_str(),
                    &e.aliases,
                    ent[i].len(),
                )
            })
            .collect(),
        tags: r
            .tags
            .iter()
            .zip(&tag)
            .map(|(t, list)| (t.name.as_str(), t.slug.as_str(), list.len()))
            .collect(),
        days,
    };
    let mut out = vec![("search/meta.js".to_string(), script("meta", &meta))];
    // Named by kind and slug, not numbered: an entity or tag that comes or goes renames no
    // other's file.
    let lists = (r.entities.iter().zip(ent))
        .map(|(e, v)| (format!("e/{}/{}", e.id.kind.word(), e.id.slug), v));
    let tag_lists = (r.tags.iter().zip(tag)).map(|(t, v)| (format!("g/{}", t.slug), v));
    for (name, mut list) in lists.chain(tag_lists) {
        list.sort_unstable();
        let mut b = codes::ListBuilder::default();
        for x in list {
            b.push(x);
        }
        out.push((format!("search/{name}.js"), script(&name, &b.finish())));
    }
    out
}

/// A page's address split around its slug: what goes before it and after it.
fn page_of(dir: impl Fn(&Slug) -> String) -> [String; 2] {
    const MARK: &str = "slug";
    let url = Slug::new(MARK).map(|s| urls::href("", &dir(&s)));
    let url = url.unwrap_or_default();
    let (a, b) = url.split_once(MARK).unwrap_or(("", ""));
    [a.to_string(), b.to_string()]
}

/// The full-text files of `search/` (see [`fulltext`]), each handed to `emit` as made.
pub fn text_files(site: &Site, emit: &(dyn Fn(String, Vec<u8>) + Sync)) {
    drop(text_files_made(site, emit, false));
}

/// [`text_files`], returning the word lists for a live preview to keep.
pub fn text_files_keeping(
    site: &Site,
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
) -> fulltext::Postings {
    text_files_made(site, emit, true)
}

/// [`text_files`]; the word lists by briefing too when they are to be `kept`.
fn text_files_made(
    site: &Site,
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
    kept: bool,
) -> fulltext::Postings {
    let r = &site.resolved;
    let keys = entity_keys(site);
    let docs: Vec<fulltext::Doc<'_>> = (r.briefings.iter_ids().rev())
        .map(|(i, _)| text_doc(site, i, &site.bodies[i], &keys))
        .collect();
    let (entities, tags) = text_names(site);
    let names = fulltext::Names {
        entities: &entities,
        tags: &tags,
    };
    match kept {
        true => fulltext::files_keeping(&docs, &names, emit),
        false => fulltext::files_made(&docs, &names, emit),
    }
}

/// Updates the kept word lists `postings` for briefings `changed` as the site now has them
/// (no entity's name changed; a tag's name is read with each briefing having it) and
/// hands every file that changed to `emit`: the word files of the words they gained or
/// lost and their text files. `renumbered[n]`, when given, is the number now of the
/// briefing numbered `n` before (briefings moved in date order): their word files and
/// text files are written again too. Returns the paths of the files that came and went.
pub fn update_text_files(
    site: &Site,
    postings: &mut fulltext::Postings,
    renumbered: Option<&[u32]>,
    changed: &[BriefingIdx],
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
) -> fulltext::Paths {
    let (entities, tags) = text_names(site);
    let names = fulltext::Names {
        entities: &entities,
        tags: &tags,
    };
    let keys = entity_keys(site);
    let mut paths = fulltext::Paths::default();
    let mut shards = std::collections::BTreeSet::new();
    if let Some(to) = renumbered {
        paths.add(postings.renumber(to, emit));
        for (n, &now) in to.iter().enumerate() {
            if n != now as usize {
                shards.insert(now as usize / fulltext::DOC_SHARD);
            }
        }
    }
    for &b in changed {
        let n = text_number(site, b);
        let doc = text_doc(site, b, &site.bodies[b], &keys);
        let p = postings.update(n as u32, &doc, &names, emit);
        paths.add(p);
        shards.insert(n / fulltext::DOC_SHARD);
    }
    let total = site.resolved.briefings.len();
    let shards: Vec<usize> = shards.into_iter().collect();
    shards.par_iter().for_each(|&shard| {
        let first = shard * fulltext::DOC_SHARD;
        let docs: Vec<fulltext::Doc<'_>> = (first..total.min(first + fulltext::DOC_SHARD))
            .map(|k| {
                let i = BriefingIdx::from_index(total - 1 - k);
                text_doc(site, i, &site.bodies[i], &keys)
            })
            .collect();
        let (path, bytes) = fulltext::text_file(shard, &docs);
        emit(path, bytes);
    });
    paths
}

/// Briefing `i` as the full-text index reads it, with `body` for its rendered body and
/// `keys` for the keys of the entities ([`entity_keys`]).
pub fn text_doc<'a>(
    site: &'a Site,
    i: BriefingIdx,
    body: &'a str,
    keys: &'a [String],
) -> fulltext::Doc<'a> {
    let (b, refs) = (&site.resolved.briefings[i], &site.resolved.refs[i]);
    fulltext::Doc {
        title: &b.title,
        slug: b.slug.as_str(),
        summary: b.summary.as_deref().unwrap_or(""),
        body,
        entities: refs.entities().map(|e| e.0).collect(),
        named: (refs.entities())
            .map(|e| keys.get(e.index()).map_or("", String::as_str))
            .collect(),
        tags: (refs.tags.iter())
            .map(|&t| site.resolved.tags[t].slug.as_str())
            .collect(),
    }
}

/// Per entity, the key text files name it by ([`EntityId::key`]).
pub fn entity_keys(site: &Site) -> Vec<String> {
    (site.resolved.entities.iter())
        .map(|e| e.id.key())
        .collect()
}

/// The number of briefing `i` in the full-text index (newest first).
pub fn text_number(site: &Site, i: BriefingIdx) -> usize {
    site.resolved.briefings.len() - 1 - i.index()
}

/// The terms of each entity's name and aliases, and of each tag's name (by slug, ascending).
pub fn text_names(site: &Site) -> (Vec<Vec<String>>, Vec<fulltext::TagTerms<'_>>) {
    let r = &site.resolved;
    let unique = |mut v: Vec<String>| {
        v.sort_unstable();
        v.dedup();
        v
    };
    let entities: Vec<Vec<String>> = (r.entities.iter())
        .map(|e| {
            unique(
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .flat_map(|s| words(s))
                    .collect(),
            )
        })
        .collect();
    let tags = (r.tags.iter())
        .map(|t| (t.slug.as_str(), unique(words(&t.name))))
        .collect();
    (entities, tags)
}

/// A file of the split index: a script handing `value` to `dossierSearch` under `name`
/// (its path under `search/` without `.js`). JSON is a script's literal, escaped as
/// [`json`] escapes it, so no text in it can end the script or become markup.
pub fn script<T: Serialize + ?Sized>(name: &str, value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(b"dossierSearch(\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\",");
    out.extend_from_slice(&json(value));
    out.extend_from_slice(b");\n");
    out
}

/// JSON with markup characters escaped, so no front-matter text can become HTML wherever
/// a script inserts it carelessly.
pub fn json<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
    // Writing into memory cannot fail; a value that cannot serialize gives an empty file.
    let Ok(mut out) = serde_json::to_vec(v) else {
        return Vec::new();
    };
    escape_markup(&mut out);
    out
}

/// [`json`] written into `w` as it is serialized, escaped as it goes. On an error (of `w`,
/// kept as it was, or of a value that cannot serialize) part of it may have been written.
pub fn json_into<T: Serialize + ?Sized>(v: &T, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    use std::io::Write;
    // Buffered before the escaping: the serializer writes a few bytes at a time.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, MarkupEscaped(w));
    serde_json::to_writer(&mut out, v).map_err(std::io::Error::from)?;
    out.flush()
}

/// A writer escaping `<`, `>` and `&` as [`escape_markup`] does, on their way through.
struct MarkupEscaped<'a>(&'a mut dyn std::io::Write);

impl std::io::Write for MarkupEscaped<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let mut from = 0;
        for i in memchr::memchr3_iter(b'<', b'>', b'&', buf) {
            self.0.write_all(&buf[from..i])?;
            self.0.write_all(markup_code(buf[i]))?;
            from = i + 1;
        }
        self.0.write_all(&buf[from..])
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The JSON escape of `<`, `>` or `&`.
fn markup_code(byte: u8) -> &'static [u8; 6] {
    match byte {
        b'<' => b"\\u003c",
        b'>' => b"\\u003e",
        _ => b"\\u0026",
    }
}

/// Escapes `<`, `>` and `&` as `\u003c`, `\u003e` and `\u0026`: outside strings JSON has
/// none of these characters, so escaping every one is safe. In place, from the end, so a
/// big file is never held twice (it grows by five bytes an escape).
fn escape_markup(buf: &mut Vec<u8>) {
    let at: Vec<usize> = memchr::memchr3_iter(b'<', b'>', b'&', buf).collect();
    if at.is_empty() {
        return;
    }
    let old = buf.len();
    buf.resize(old + 5 * at.len(), 0);
    // Each segment after an escaped byte moves right by five bytes for every escape before
    // its end; walked from the last, nothing is overwritten before it is moved.
    let mut end = old;
    for (k, &i) in at.iter().enumerate().rev() {
        let shift = 5 * (k + 1);
        buf.copy_within(i + 1..end, i + 1 + shift);
        let code = markup_code(buf[i]);
        buf[i + shift - 5..i + shift + 1].copy_from_slice(code);
        end = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_json_is_escaped_wherever_it_falls() {
        for text in ["", "plain", "<", "a<b>c&d", "<<>>&&", "&x</script>", "é<ü>"] {
            let out = String::from_utf8(json(&text)).unwrap();
            let want = serde_json::to_string(&text)
                .unwrap()
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026");
            assert_eq!(out, want);
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), text);
        }
    }

    #[test]
    fn folding_drops_case_and_diacritics_in_any_script() {
        assert_eq!(fold("Zelénskiy"), "zelenskiy");
        assert_eq!(fold("Jean-Noël Barrot"), "jean-noel barrot");
        assert_eq!(fold("Зеленський"), "зеленський");
        let w = words("Kyiv's “plan”, 28-point");
        assert_eq!(w, ["kyiv", "s", "plan", "28", "point"]);
    }

    /// The cases of `tests/fixtures/search-folding.txt`: (line number, text, its terms).
    fn folding_cases() -> Vec<(usize, String, Vec<String>)> {
        let file = include_str!("../../../tests/fixtures/search-folding.txt");
        let unescape = |s: &str| {
            let mut out = String::new();
            let mut rest = s;
            while let Some(at) = rest.find("\\u{") {
                out.push_str(&rest[..at]);
                let end = rest[at..].find('}').expect("a closing brace") + at;
                let code = u32::from_str_radix(&rest[at + 3..end], 16).expect("hex");
                out.push(char::from_u32(code).expect("a character"));
                rest = &rest[end + 1..];
            }
            out + rest
        };
        (file.lines().enumerate())
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|(i, l)| {
                let (text, want) = l.split_once(" →").expect("a ` → `");
                let want = want.split_whitespace().map(String::from).collect();
                (i + 1, unescape(text), want)
            })
            .collect()
    }

    #[test]
    fn the_index_cuts_and_folds_as_the_shared_cases_say() {
        let cases = folding_cases();
        assert!(cases.len() > 30, "{} cases", cases.len());
        for (line, text, want) in &cases {
            assert_eq!(&words(text), want, "search-folding.txt:{line}: {text:?}");
        }
        // Every entry of the table, and both runs of Arabic-Indic digits, has a case, so
        // search.js's copy of the table is tested entry by entry.
        let inputs: String = cases
            .iter()
            .map(|(_, t, _)| fold(t) + &t.to_lowercase())
            .collect();
        for (from, _) in fold::FOLDS {
            assert!(inputs.contains(*from), "no case folds {from:?}");
        }
        for digit in ['٢', '۱'] {
            assert!(inputs.contains(digit));
        }
    }

    #[test]
    fn shard_keys_are_safe_file_names() {
        assert_eq!(shard_key("zelenskiy"), "ze");
        assert_eq!(shard_key("a"), "a");
        assert_eq!(shard_key("зе"), "_437_435");
        assert_eq!(shard_key("28"), "28");
    }

    #[test]
    fn excerpts_are_plain_text_of_the_first_words() {
        let e = excerpt("<h2 id=\"x\">Kyiv</h2>\n<p>Talks &amp; more <a href=\"#\">here</a>.</p>");
        assert_eq!(e, "Kyiv Talks & more here.");
        let long = "<p>".to_string() + &"word ".repeat(100) + "</p>";
        assert_eq!(excerpt(&long).split(' ').count(), EXCERPT_WORDS);
        assert_eq!(unescape("a &#233; &#xE9; &bogus b"), "a é é &bogus b");
    }

    #[test]
    fn json_never_carries_markup_characters() {
        assert_eq!(
            json(&"</script> & <b>"),
            br#""\u003c/script\u003e \u0026 \u003cb\u003e""#
        );
        assert_eq!(json(&["plain", "text"]), br#"["plain","text"]"#);
        // Streamed, across the writer's buffer: the same bytes.
        let long: Vec<String> = (0..30_000).map(|i| format!("<{i}>&")).collect();
        let mut streamed = Vec::new();
        json_into(&long, &mut streamed).expect("into memory");
        assert!(streamed.len() > 1 << 17);
        assert_eq!(streamed, json(&long));
        assert!(!streamed.iter().any(|b| b"<>&".contains(b)));
    }

    #[test]
    fn files_are_scripts() {
        assert_eq!(
            script("w/ab", &["<"]),
            b"dossierSearch(\"w/ab\",[\"\\u003c\"]);\n"
        );
    }
}
