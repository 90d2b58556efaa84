//! The full-text part of the split search index: every word of every briefing's title,
//! names, tags, summary and body, with the briefings it is in (`search/w/`, `search/p/`),
//! and each briefing's text as a stream of Huffman-coded tokens (`search/t/`, words and the
//! gaps between them in `search/v/`), from which `search.js` checks phrases and cuts
//! excerpts where a match is. docs/data.md gives the format.
//!
//! Two passes over the bodies keep memory small on a large site: the first counts words
//! and lists, per word, the briefings it is in (by chunks of briefings, in parallel, each
//! with its own small vocabulary); the second encodes each body with the codes the counts
//! gave. No copy of every body's text is held at once.

use super::codes::{self, BitWriter, ListBuilder};
use super::text::{self, BodyText, pieces};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::Ordering::Relaxed;

/// Briefings per file of `search/t/`.
pub const DOC_SHARD: usize = 8;
/// Words and gaps per file of `search/v/`.
pub const VOCAB_CHUNK: usize = 1024;
/// A word whose lists together take more characters than this has them in a file of its
/// own under `search/p/`, so that its word file stays small.
pub const INLINE_MAX: usize = 512;
/// Briefings per chunk of the first pass (their numbers within it fit 16 bits).
const CHUNK: usize = 4096;
/// Tokens the first pass keeps (as chunk-local ids) so that the second need not read those
/// bodies again: all of them on a site of 10,000 briefings, a part of a larger one's, at
/// most 32 MiB.
const KEPT_TOKENS: usize = 16 << 20;
/// Fields a word is found in, best first: the order of a word's lists.
pub const FIELDS: usize = 5;
const TITLE: usize = 0;
const NAMES: usize = 1;
const TAGS: usize = 2;
const SUMMARY: usize = 3;
const BODY: usize = 4;

/// One briefing as the full-text index reads it; briefings are numbered newest first.
pub struct Doc<'a> {
    /// Its title, as written.
    pub title: &'a str,
    /// Its slug, which names its page.
    pub slug: &'a str,
    /// Its summary, or an empty string.
    pub summary: &'a str,
    /// Rendered HTML.
    pub body: &'a str,
    /// Indices of the entities it names (into the meta file's list).
    pub entities: Vec<u32>,
    /// Indices of its tags.
    pub tags: Vec<u32>,
}

/// What the index is built from besides the briefings: the terms of each entity's name and
/// aliases, and of each tag's name.
pub struct Names<'a> {
    /// Per entity, the terms of its name and aliases.
    pub entities: &'a [Vec<String>],
    /// Per tag, the terms of its name.
    pub tags: &'a [Vec<String>],
}

type Hasher = ahash::RandomState;

/// A chunk's vocabulary and lists, numbers relative to the chunk's first briefing.
#[derive(Default)]
struct Chunk {
    /// Words and gaps, by local id.
    surfaces: Vec<Box<str>>,
    counts: Vec<u64>,
    /// Terms, by local id.
    terms: Vec<Box<str>>,
    /// Per local term, per field: the briefings with it there and in no better field.
    lists: Vec<[Vec<u16>; FIELDS]>,
    /// The bodies' tokens as local surface ids, and where each briefing's end; `None` when
    /// not kept (past [`KEPT_TOKENS`], or more than 65,536 surfaces in the chunk).
    tokens: Option<(Vec<u16>, Vec<u32>)>,
}

struct ChunkBuilder {
    chunk: Chunk,
    surface_ids: HashMap<Box<str>, u32, Hasher>,
    /// Per local surface: its local term, or `NONE` for a gap.
    surface_term: Vec<u32>,
    term_ids: HashMap<Box<str>, u32, Hasher>,
    /// Per local term: 1 + the last briefing it was seen in.
    seen: Vec<u32>,
    /// Whether the chunk still keeps its tokens.
    keep: bool,
}

const NONE: u32 = u32::MAX;

impl ChunkBuilder {
    fn new() -> Self {
        ChunkBuilder {
            chunk: Chunk::default(),
            surface_ids: HashMap::with_hasher(Hasher::new()),
            surface_term: Vec::new(),
            term_ids: HashMap::with_hasher(Hasher::new()),
            seen: Vec::new(),
            keep: true,
        }
    }

    fn term_id(&mut self, t: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(t) {
            return id;
        }
        let id = self.chunk.terms.len() as u32;
        self.chunk.terms.push(t.into());
        self.chunk.lists.push(Default::default());
        self.seen.push(0);
        self.term_ids.insert(t.into(), id);
        id
    }

    fn surface_id(&mut self, word: bool, s: &str) -> u32 {
        if let Some(&id) = self.surface_ids.get(s) {
            return id;
        }
        let id = self.chunk.surfaces.len() as u32;
        self.chunk.surfaces.push(s.into());
        self.chunk.counts.push(0);
        let t = text::term(s);
        let term = if word && !t.is_empty() {
            self.term_id(&t)
        } else {
            NONE
        };
        self.surface_term.push(term);
        self.surface_ids.insert(s.into(), id);
        id
    }

    /// Lists briefing `at` under term `t` in `field`, unless a better field already has it.
    fn add(&mut self, t: u32, field: usize, at: u16) {
        let mark = u32::from(at) + 1;
        if self.seen[t as usize] != mark {
            self.seen[t as usize] = mark;
            self.chunk.lists[t as usize][field].push(at);
        }
    }

    fn add_words(&mut self, s: &str, field: usize, at: u16) {
        for (word, w) in pieces(s) {
            if word {
                let t = text::term(w);
                if !t.is_empty() {
                    let id = self.term_id(&t);
                    self.add(id, field, at);
                }
            }
        }
    }

    fn add_doc(&mut self, d: &Doc<'_>, names: &Names<'_>, at: u16, body: &mut BodyText) {
        self.add_words(d.title, TITLE, at);
        for &e in &d.entities {
            for t in &names.entities[e as usize] {
                let id = self.term_id(t);
                self.add(id, NAMES, at);
            }
        }
        for &g in &d.tags {
            for t in &names.tags[g as usize] {
                let id = self.term_id(t);
                self.add(id, TAGS, at);
            }
        }
        self.add_words(d.summary, SUMMARY, at);
        body.read(d.body);
        for (word, s) in body.pieces() {
            if !word && s == " " {
                continue;
            }
            let id = self.surface_id(word, s);
            self.chunk.counts[id as usize] += 1;
            if self.keep {
                match (u16::try_from(id), &mut self.chunk.tokens) {
                    (Ok(id), Some((tokens, _))) => tokens.push(id),
                    _ => {
                        self.keep = false;
                        self.chunk.tokens = None;
                    }
                }
            }
            let t = self.surface_term[id as usize];
            if t != NONE {
                self.add(t, BODY, at);
            }
        }
        if let Some((tokens, ends)) = &mut self.chunk.tokens {
            ends.push(tokens.len() as u32);
        }
    }
}

/// The vocabulary of the whole site after the first pass.
struct Vocabulary {
    /// Surface → its id, ids in order of frequency (most frequent first, then by text).
    ids: HashMap<Box<str>, u32, Hasher>,
    /// Surfaces by id.
    surfaces: Vec<Box<str>>,
    counts: Vec<u64>,
    /// Terms, in text order, each with its surfaces' ids and its lists by field.
    terms: BTreeMap<Box<str>, Term>,
    /// Per chunk, the tokens it kept with the id of each of its local surfaces.
    kept: Vec<Option<Kept>>,
}

/// A chunk's tokens kept from the first pass.
struct Kept {
    tokens: Vec<u16>,
    /// Where each briefing's tokens end.
    ends: Vec<u32>,
    /// Local surface id → id.
    ids: Vec<u32>,
}

#[derive(Default)]
struct Term {
    surfaces: Vec<u32>,
    lists: [ListBuilder; FIELDS],
}

fn vocabulary(chunks: Vec<Chunk>) -> Vocabulary {
    // Surfaces first: their ids are needed before a term can name them.
    let mut gid: HashMap<Box<str>, u32, Hasher> = HashMap::with_hasher(Hasher::new());
    let mut gsurf: Vec<Box<str>> = Vec::new();
    let mut gcount: Vec<u64> = Vec::new();
    for c in &chunks {
        for (s, &n) in c.surfaces.iter().zip(&c.counts) {
            match gid.get(s) {
                Some(&g) => gcount[g as usize] += n,
                None => {
                    gid.insert(s.clone(), gsurf.len() as u32);
                    gsurf.push(s.clone());
                    gcount.push(n);
                }
            }
        }
    }
    let mut order: Vec<u32> = (0..gsurf.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        (gcount[b as usize].cmp(&gcount[a as usize]))
            .then_with(|| gsurf[a as usize].cmp(&gsurf[b as usize]))
    });
    let mut rank = vec![0u32; gsurf.len()];
    for (r, &g) in order.iter().enumerate() {
        rank[g as usize] = r as u32;
    }
    let counts: Vec<u64> = order.iter().map(|&g| gcount[g as usize]).collect();
    let surfaces: Vec<Box<str>> = order.iter().map(|&g| gsurf[g as usize].clone()).collect();
    drop(gsurf);
    for v in gid.values_mut() {
        *v = rank[*v as usize];
    }
    let mut terms: BTreeMap<Box<str>, Term> = BTreeMap::new();
    for (id, s) in surfaces.iter().enumerate() {
        if s.chars().next().is_some_and(text::is_word_char) {
            let t = text::term(s);
            if !t.is_empty() {
                terms
                    .entry(t.into_boxed_str())
                    .or_default()
                    .surfaces
                    .push(id as u32);
            }
        }
    }
    let mut kept = Vec::with_capacity(chunks.len());
    for (k, c) in chunks.into_iter().enumerate() {
        let base = (k * CHUNK) as u32;
        kept.push(c.tokens.map(|(tokens, ends)| {
            Kept {
                tokens,
                ends,
                ids: (c.surfaces.iter())
                    .map(|s| gid.get(s).copied().unwrap_or(0))
                    .collect(),
            }
        }));
        for (t, lists) in c.terms.into_iter().zip(c.lists) {
            let term = terms.entry(t).or_default();
            for (f, list) in lists.into_iter().enumerate() {
                for at in list {
                    term.lists[f].push(base + u32::from(at));
                }
            }
        }
    }
    Vocabulary {
        ids: gid,
        surfaces,
        counts,
        terms,
        kept,
    }
}

/// `search/text.js`: what a reader needs before the word and text files.
#[derive(Serialize)]
struct Header<'a> {
    /// Briefings per file of `search/t/`.
    docs: usize,
    /// Words and gaps per file of `search/v/`.
    vocab: usize,
    /// How many token codes have each length, from one bit up.
    codes: &'a [u32],
    /// Ids of the gaps (the text between words), in order.
    gaps: Vec<u32>,
    /// The keys of the files of `search/w/`, in order.
    keys: Vec<&'a str>,
}

/// `[title, slug, summary, entities, tags, tokens, code]`.
#[derive(Serialize)]
struct TextDoc<'a>(&'a str, &'a str, &'a str, &'a [u32], &'a [u32], u32, String);

/// A word's entry in its `search/w/` file: `[briefings, surface ids, lists]`, where lists
/// are the five lists or the number of the `search/p/` file holding them.
#[derive(Serialize)]
struct Entry<'a>(u32, &'a [u32], Lists);

#[derive(Serialize)]
#[serde(untagged)]
enum Lists {
    Inline([String; FIELDS]),
    File(usize),
}

/// Every file of the full-text index: `search/text.js`, `search/w/`, `search/p/`,
/// `search/t/` and `search/v/`, each handed to `emit` as (output path, bytes) once made.
pub fn files(docs: &[Doc<'_>], names: &Names<'_>, emit: &(dyn Fn(String, Vec<u8>) + Sync)) {
    files_keeping(docs, names, emit, KEPT_TOKENS);
}

/// [`files`], the first pass keeping at most `keep` tokens for the second.
fn files_keeping(
    docs: &[Doc<'_>],
    names: &Names<'_>,
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
    keep: usize,
) {
    let budget = std::sync::atomic::AtomicUsize::new(keep);
    let chunks: Vec<Chunk> = docs
        .par_chunks(CHUNK)
        .map(|part| {
            let mut b = ChunkBuilder::new();
            b.chunk.tokens = Some((Vec::new(), Vec::with_capacity(part.len())));
            let mut body = BodyText::default();
            for (at, d) in part.iter().enumerate() {
                b.add_doc(d, names, at as u16, &mut body);
            }
            // Kept while the budget lasts: which chunks keep theirs changes nothing written.
            let n = b.chunk.tokens.as_ref().map_or(0, |(t, _)| t.len());
            let ok = budget.fetch_update(Relaxed, Relaxed, |left| left.checked_sub(n));
            if ok.is_err() {
                b.chunk.tokens = None;
            }
            b.chunk
        })
        .collect();
    let mut vocab = vocabulary(chunks);
    let per_len = codes::huffman_lengths(&vocab.counts);
    let code = codes::canonical_codes(&per_len);

    // Word files: each word in the file of its key, its lists inline when short.
    let mut keyed: BTreeMap<String, Vec<(Box<str>, Term)>> = BTreeMap::new();
    for (t, term) in std::mem::take(&mut vocab.terms) {
        keyed
            .entry(super::shard_key(&t))
            .or_default()
            .push((t, term));
    }
    let mut posting_files = 0;
    for (key, words) in &mut keyed {
        let mut entries: BTreeMap<&str, Entry<'_>> = BTreeMap::new();
        for (t, term) in words.iter_mut() {
            let df = term.lists.iter().map(ListBuilder::len).sum();
            let lists = std::mem::take(&mut term.lists).map(ListBuilder::finish);
            let size: usize = lists.iter().map(String::len).sum();
            let lists = if size > INLINE_MAX {
                let n = posting_files;
                posting_files += 1;
                let name = format!("p/{n}");
                emit(format!("search/{name}.js"), super::script(&name, &lists));
                Lists::File(n)
            } else {
                Lists::Inline(lists)
            };
            entries.insert(t, Entry(df, &term.surfaces, lists));
        }
        let name = format!("w/{key}");
        emit(format!("search/{name}.js"), super::script(&name, &entries));
    }

    for (n, chunk) in vocab.surfaces.chunks(VOCAB_CHUNK).enumerate() {
        let name = format!("v/{n}");
        emit(format!("search/{name}.js"), super::script(&name, chunk));
    }

    let last = per_len.iter().rposition(|&c| c > 0).unwrap_or(0);
    let header = Header {
        docs: DOC_SHARD,
        vocab: VOCAB_CHUNK,
        codes: &per_len[1..last.max(1) + 1],
        gaps: (vocab.surfaces.iter().enumerate())
            .filter(|(_, s)| !s.chars().next().is_some_and(text::is_word_char))
            .map(|(i, _)| i as u32)
            .collect(),
        keys: keyed.keys().map(String::as_str).collect(),
    };
    emit("search/text.js".into(), super::script("text", &header));

    // Text files: the second pass, each body encoded with the codes of the first.
    docs.par_chunks(DOC_SHARD)
        .enumerate()
        .for_each_init(BodyText::default, |body, (n, part)| {
            let list: Vec<TextDoc<'_>> = (part.iter().enumerate())
                .map(|(i, d)| {
                    let number = n * DOC_SHARD + i;
                    let mut w = BitWriter::default();
                    let mut tokens = 0;
                    let mut put = |id: u32| {
                        let (c, len) = code[id as usize];
                        w.push(c, len);
                        tokens += 1;
                    };
                    match &vocab.kept[number / CHUNK] {
                        Some(k) => {
                            let at = number % CHUNK;
                            let start = if at == 0 { 0 } else { k.ends[at - 1] };
                            for &t in &k.tokens[start as usize..k.ends[at] as usize] {
                                put(k.ids[t as usize]);
                            }
                        }
                        None => {
                            body.read(d.body);
                            for (word, s) in body.pieces() {
                                if !word && s == " " {
                                    continue;
                                }
                                if let Some(&id) = vocab.ids.get(s) {
                                    put(id);
                                }
                            }
                        }
                    }
                    TextDoc(
                        d.title,
                        d.slug,
                        d.summary,
                        &d.entities,
                        &d.tags,
                        tokens,
                        w.finish(),
                    )
                })
                .collect();
            let name = format!("t/{n}");
            emit(format!("search/{name}.js"), super::script(&name, &list));
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(title: &'a str, body: &'a str) -> Doc<'a> {
        Doc {
            title,
            slug: "s",
            summary: "",
            body,
            entities: vec![0],
            tags: vec![],
        }
    }

    fn file<'a>(files: &'a [(String, Vec<u8>)], path: &str) -> &'a str {
        let f = files.iter().find(|(p, _)| p == path);
        std::str::from_utf8(&f.unwrap_or_else(|| panic!("no {path}")).1).unwrap()
    }

    #[test]
    fn bodies_read_twice_encode_as_kept_ones_do() {
        let docs: Vec<Doc<'_>> = (0..3)
            .map(|_| doc("t", "<p>A safety net, “a net”.</p><p>Nets &amp; more.</p>"))
            .collect();
        let names = Names {
            entities: &[vec![]],
            tags: &[],
        };
        let run = |keep| {
            let made = std::sync::Mutex::new(Vec::new());
            files_keeping(
                &docs,
                &names,
                &|p, b| made.lock().unwrap().push((p, b)),
                keep,
            );
            let mut v = made.into_inner().unwrap();
            v.sort();
            v
        };
        // Every token kept, and none (every body read again): the same files.
        let kept = run(KEPT_TOKENS);
        assert!(
            kept.iter()
                .any(|(p, b)| p == "search/t/0.js" && b.len() > 40)
        );
        assert_eq!(kept, run(0));
    }

    #[test]
    fn every_word_of_every_body_is_listed_under_its_best_field() {
        let docs = [
            doc("Safety first", "<p>One.</p><p>Two.</p><p>A safety net.</p>"),
            doc("Nets", "<p>No safety here &amp; none.</p>"),
        ];
        let names = Names {
            entities: &[vec!["net".into()]],
            tags: &[],
        };
        let made = std::sync::Mutex::new(Vec::new());
        files(&docs, &names, &|p, b| made.lock().unwrap().push((p, b)));
        let files = made.into_inner().unwrap();
        // "safety": briefing 0 in its title, briefing 1 in its body only.
        let w = file(&files, "search/w/sa.js");
        assert!(w.contains(r#""safety":[2,["#), "{w}");
        assert!(w.contains(r#"["A","","","","B"]"#), "{w}");
        // "net": both name an entity called "Net", which outranks the body.
        let w = file(&files, "search/w/ne.js");
        assert!(w.contains(r#""net":[2,["#), "{w}");
        assert!(w.contains(r#"["","AA","","",""]"#), "{w}");
        let t = file(&files, "search/t/0.js");
        assert!(
            t.starts_with(r#"dossierSearch("t/0",[["Safety first","s","",[0],[],"#),
            "{t}"
        );
        let header = file(&files, "search/text.js");
        assert!(
            header.contains(r#""keys":["a","fi","he","ne","no","on","sa","tw"]"#),
            "{header}"
        );
    }
}
