//! The search page's index, split so that the first query of a large site downloads little:
//! `search/meta.json` (entities with aliases, tags, dates and who names what), one file of
//! words per two-letter prefix (`search/w/<key>.json`), and the briefings to show in shards
//! of [`DOC_SHARD`] (`search/d/<n>.json`). `search.js` reads them; `search-index.json` stays
//! the whole index in one file for other tools.
//!
//! Briefings are numbered newest first. Lists of numbers are delta-encoded (each number is
//! the difference from the one before) to keep the files small.

use crate::id_vec::IdVec;
use crate::model::EntityIdx;
use crate::site::Site;
use crate::urls;
use serde::Serialize;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Briefings per file of `search/d/`.
pub const DOC_SHARD: usize = 50;
/// Words of a briefing's text kept in its excerpt.
const EXCERPT_WORDS: usize = 40;

/// Lower case without diacritics: what `search.js` does to a query
/// (`normalize("NFD")`, marks removed, `toLowerCase()`), so both sides meet.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|&c| !is_combining_mark(c))
        .collect::<String>()
        .to_lowercase()
}

/// The folded words of `s`: runs of letters and digits.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
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

/// A word's briefings: those with it in the title, and those with it only in the text.
type Postings = (Vec<u32>, Vec<u32>);

fn delta(ids: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let mut prev = 0;
    ids.into_iter()
        .map(|id| {
            let d = id - prev;
            prev = id;
            d
        })
        .collect()
}

/// `[kind, name, url, aliases]`.
#[derive(Serialize)]
struct MetaEntity<'a>(&'static str, &'a str, String, &'a [String]);

#[derive(Serialize)]
struct Meta<'a> {
    /// Format version, for scripts of other themes.
    v: u32,
    /// Briefings per file of `search/d/`.
    shard: usize,
    count: usize,
    entities: Vec<MetaEntity<'a>>,
    /// `[name, url]`.
    tags: Vec<(&'a str, String)>,
    /// Each briefing's date as days since 1970-01-01, delta-encoded.
    days: Vec<i64>,
    /// Per entity, the briefings naming it (delta-encoded numbers).
    ent: Vec<Vec<u32>>,
    /// Per tag, its briefings (delta-encoded numbers).
    tag: Vec<Vec<u32>>,
}

/// `[title, url, date, summary, date as shown on pages]`.
#[derive(Serialize)]
struct Doc<'a>(&'a str, String, String, &'a str, String);

/// `search/meta.json`: entities, tags, dates and who names what.
pub fn meta(site: &Site) -> Vec<u8> {
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
    let days: Vec<i64> = {
        let mut prev = 0;
        r.briefings
            .iter()
            .rev()
            .map(|b| {
                let d = super::dates::day_number(b.date.date);
                let out = d - prev;
                prev = d;
                out
            })
            .collect()
    };
    let meta = Meta {
        v: 1,
        shard: DOC_SHARD,
        count: n,
        entities: r
            .entities
            .iter()
            .map(|e| {
                MetaEntity(
                    e.id.kind.word(),
                    &e.name,
                    urls::href("", &urls::entity(&e.id)),
                    &e.aliases,
                )
            })
            .collect(),
        tags: r
            .tags
            .iter()
            .map(|t| (t.name.as_str(), urls::href("", &urls::tag(&t.slug))))
            .collect(),
        days,
        ent: ent
            .into_iter()
            .map(|mut v| {
                v.sort_unstable();
                delta(v)
            })
            .collect(),
        tag: tag
            .into_iter()
            .map(|mut v| {
                v.sort_unstable();
                delta(v)
            })
            .collect(),
    };
    json(&meta)
}

/// `search/w/<key>.json`: the words of titles, summaries and excerpts, with the
/// briefings they are in.
pub fn word_files(site: &Site, excerpts: &[String]) -> Vec<(String, Vec<u8>)> {
    use rayon::prelude::*;
    let r = &site.resolved;
    let per: Vec<BriefingWords> = (r.briefings.par_iter().zip(excerpts))
        .map(|(b, excerpt)| BriefingWords::new(&b.title, b.summary.as_deref(), excerpt))
        .collect();
    word_files_from(per.iter())
}

/// The words one briefing adds to the split index, each once: those of its title, and
/// those of its summary and excerpt.
#[derive(Debug, Clone, Default)]
pub struct BriefingWords {
    title: Vec<String>,
    text: Vec<String>,
}

impl BriefingWords {
    /// The words of a briefing with this title, summary and body excerpt.
    pub fn new(title: &str, summary: Option<&str>, excerpt: &str) -> BriefingWords {
        let unique = |mut v: Vec<String>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        BriefingWords {
            title: unique(words(title)),
            text: unique(words(&format!("{} {excerpt}", summary.unwrap_or("")))),
        }
    }
}

/// [`word_files`] from the words of every briefing, oldest first.
pub fn word_files_from<'a>(
    per: impl ExactSizeIterator<Item = &'a BriefingWords>,
) -> Vec<(String, Vec<u8>)> {
    let n = per.len();
    // Words → (briefings whose title has it, briefings whose summary or excerpt has it).
    let mut index: crate::hash::Map<&str, Postings> = Default::default();
    for (b, w) in per.enumerate() {
        let id = (n - 1 - b) as u32;
        for t in &w.title {
            index.entry(t.as_str()).or_default().0.push(id);
        }
        for t in &w.text {
            index.entry(t.as_str()).or_default().1.push(id);
        }
    }
    let mut shards: BTreeMap<String, BTreeMap<&str, Postings>> = BTreeMap::new();
    for (w, (mut title, mut text)) in index {
        title.sort_unstable();
        text.sort_unstable();
        // A title hit outranks a text hit: listing the briefing under both adds nothing.
        text.retain(|id| title.binary_search(id).is_err());
        shards
            .entry(shard_key(w))
            .or_default()
            .insert(w, (delta(title), delta(text)));
    }
    shards
        .into_iter()
        .map(|(key, words)| (format!("search/w/{key}.json"), json(&words)))
        .collect()
}

/// `search/d/<n>.json`: the briefings to list, newest first, [`DOC_SHARD`] per file.
pub fn doc_files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let r = &site.resolved;
    let mut out = Vec::new();
    let docs: Vec<Doc<'_>> = r
        .briefings
        .iter()
        .rev()
        .map(|b| {
            Doc(
                &b.title,
                urls::href("", &urls::briefing(&b.slug)),
                b.date.ymd(),
                b.summary.as_deref().unwrap_or(""),
                super::dates::display_date(b.date.date),
            )
        })
        .collect();
    for (i, chunk) in docs.chunks(DOC_SHARD).enumerate() {
        out.push((format!("search/d/{i}.json"), json(&chunk)));
    }
    out
}

/// JSON with markup characters escaped, so no front-matter text can become HTML wherever
/// a script inserts it carelessly.
pub fn json<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
    let bytes = serde_json::to_vec(v).unwrap_or_default();
    // Outside strings JSON has none of these characters: escaping them in place is safe.
    if !bytes.iter().any(|b| matches!(b, b'<' | b'>' | b'&')) {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len() + 64);
    for b in bytes {
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            _ => out.push(b),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_diacritics_in_any_script() {
        assert_eq!(fold("Zelénskiy"), "zelenskiy");
        assert_eq!(fold("Jean-Noël Barrot"), "jean-noel barrot");
        assert_eq!(fold("Зеленський"), "зеленськии");
        let w = words("Kyiv's “plan”, 28-point");
        assert_eq!(w, ["kyiv", "s", "plan", "28", "point"]);
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
    }

    #[test]
    fn postings_are_delta_encoded() {
        assert_eq!(delta([2, 3, 7]), [2, 1, 4]);
    }
}
