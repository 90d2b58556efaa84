//! The full-text part of the split search index: every word of every briefing's title,
//! names, tags, summary and body, with the briefings it is in (`search/w/`, `search/p/`),
//! and each briefing's text as a stream of token ids (`search/t/`, words and the gaps
//! between them in `search/v/`), from which `search.js` checks phrases and cuts excerpts
//! where a match is. docs/data.md gives the format.
//!
//! Token ids follow the oldest briefing each token is in, so that writing today's briefing
//! adds ids at the end and leaves every other briefing's text file as it was: a live
//! preview rewrites the text files of the briefings edited, not all of them.
//!
//! Two passes over the bodies keep memory small on a large site: the first finds the words
//! and lists, per word, the briefings it is in (by chunks of briefings, in parallel, each
//! with its own small vocabulary); the second writes each body's ids, once all are known.
//! No copy of every body's text is held at once.

use super::codes::{self, ListBuilder};
use super::text::{self, BodyText, pieces};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
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

/// A chunk's vocabulary and lists, numbers relative to the chunk's first briefing. Each
/// word is stored once, and a word's lists take a few bytes, so that a body of millions of
/// different words stays within memory.
#[derive(Default)]
struct Chunk {
    /// Words and gaps, by local id (filled from the builder's map when the chunk is done).
    surfaces: Vec<Box<str>>,
    /// Per local surface: the last (oldest) briefing it is in.
    last: Vec<u16>,
    /// Per local surface: its local term, or `NONE` for a gap.
    surface_term: Vec<u32>,
    /// Terms, by local id (likewise).
    terms: Vec<Box<str>>,
    /// Per local term: the briefings with it, each as `at << 3 | field`, in its best field.
    lists: Vec<Vec<u32>>,
    /// The bodies' tokens as local surface ids, and where each briefing's end; `None` when
    /// not kept (past [`KEPT_TOKENS`], or more than 65,536 surfaces in the chunk).
    tokens: Option<(Vec<u16>, Vec<u32>)>,
}

struct ChunkBuilder {
    chunk: Chunk,
    surface_ids: HashMap<Box<str>, u32, Hasher>,
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
            term_ids: HashMap::with_hasher(Hasher::new()),
            seen: Vec::new(),
            keep: true,
        }
    }

    fn term_id(&mut self, t: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(t) {
            return id;
        }
        let id = self.chunk.lists.len() as u32;
        self.chunk.lists.push(Vec::new());
        self.seen.push(0);
        self.term_ids.insert(t.into(), id);
        id
    }

    fn surface_id(&mut self, word: bool, s: &str) -> u32 {
        if let Some(&id) = self.surface_ids.get(s) {
            return id;
        }
        let id = self.chunk.last.len() as u32;
        self.chunk.last.push(0);
        let t = text::term(s);
        let term = if word && !t.is_empty() {
            self.term_id(&t)
        } else {
            NONE
        };
        self.chunk.surface_term.push(term);
        self.surface_ids.insert(s.into(), id);
        id
    }

    /// The chunk, its words and terms in vectors by local id.
    fn finish(self) -> Chunk {
        let mut chunk = self.chunk;
        let by_id = |map: HashMap<Box<str>, u32, Hasher>| {
            let mut v: Vec<(u32, Box<str>)> = map.into_iter().map(|(s, id)| (id, s)).collect();
            v.sort_unstable_by_key(|&(id, _)| id);
            v.into_iter().map(|(_, s)| s).collect()
        };
        chunk.surfaces = by_id(self.surface_ids);
        chunk.terms = by_id(self.term_ids);
        chunk
    }

    /// Lists briefing `at` under term `t` in `field`, unless a better field already has it.
    fn add(&mut self, t: u32, field: usize, at: u16) {
        let mark = u32::from(at) + 1;
        if self.seen[t as usize] != mark {
            self.seen[t as usize] = mark;
            self.chunk.lists[t as usize].push(u32::from(at) << 3 | field as u32);
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
            self.chunk.last[id as usize] = at;
            if self.keep {
                match (u16::try_from(id), &mut self.chunk.tokens) {
                    (Ok(id), Some((tokens, _))) => tokens.push(id),
                    _ => {
                        self.keep = false;
                        self.chunk.tokens = None;
                    }
                }
            }
            let t = self.chunk.surface_term[id as usize];
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
    /// Surface → its id, ids in order of the oldest briefing each is in (then by text).
    ids: HashMap<Box<str>, u32, Hasher>,
    /// Surfaces by id.
    surfaces: Vec<Box<str>>,
    /// Terms with their surfaces' ids and lists, and their order by text: (term, index).
    terms: Vec<Term>,
    by_text: Vec<(Box<str>, u32)>,
    /// Per chunk, the tokens it kept with the id of each of its local surfaces.
    kept: Vec<Option<Kept>>,
}

/// A term's surfaces and lists. Most words of a large vocabulary are in one briefing
/// once: those take no memory beyond this struct.
#[derive(Default)]
struct Term {
    surfaces: Vec<u32>,
    lists: TermLists,
}

#[derive(Default)]
enum TermLists {
    #[default]
    None,
    /// One briefing, in one field: (field, number).
    One(u8, u32),
    /// The lists of the fields it is in: (field, list).
    Many(Vec<(u8, ListBuilder)>),
}

impl TermLists {
    fn push(&mut self, field: u8, at: u32) {
        match self {
            TermLists::None => *self = TermLists::One(field, at),
            TermLists::One(f, n) => {
                let mut first = ListBuilder::default();
                first.push(*n);
                let mut lists = vec![(*f, first)];
                if *f == field {
                    lists[0].1.push(at);
                } else {
                    let mut other = ListBuilder::default();
                    other.push(at);
                    lists.push((field, other));
                }
                *self = TermLists::Many(lists);
            }
            TermLists::Many(lists) => match lists.iter_mut().find(|(f, _)| *f == field) {
                Some((_, l)) => l.push(at),
                None => {
                    let mut l = ListBuilder::default();
                    l.push(at);
                    lists.push((field, l));
                }
            },
        }
    }

    /// The five lists as written, and how many briefings they hold.
    fn finish(&self) -> ([String; FIELDS], u32) {
        let mut out: [String; FIELDS] = Default::default();
        match self {
            TermLists::None => (out, 0),
            TermLists::One(f, n) => {
                let mut l = ListBuilder::default();
                l.push(*n);
                out[*f as usize] = l.finish();
                (out, 1)
            }
            TermLists::Many(lists) => {
                let mut count = 0;
                for (f, l) in lists {
                    count += l.len();
                    out[*f as usize] = l.clone().finish();
                }
                (out, count)
            }
        }
    }
}

/// A chunk's tokens kept from the first pass.
struct Kept {
    tokens: Vec<u16>,
    /// Where each briefing's tokens end.
    ends: Vec<u32>,
    /// Local surface id → id.
    ids: Vec<u32>,
}

/// Merges the chunks, in order, consuming each as it goes.
fn vocabulary(chunks: Vec<Chunk>) -> Vocabulary {
    let mut gid: HashMap<Box<str>, u32, Hasher> = HashMap::with_hasher(Hasher::new());
    let mut gsurf: Vec<Box<str>> = Vec::new();
    // Per surface: the oldest briefing it is in (the highest number).
    let mut oldest: Vec<u32> = Vec::new();
    // Per surface (by first-seen id): its term.
    let mut gterm_of: Vec<u32> = Vec::new();
    let mut term_ids: HashMap<Box<str>, u32, Hasher> = HashMap::with_hasher(Hasher::new());
    let mut terms: Vec<Term> = Vec::new();
    // Per chunk, its kept tokens; their ids are first-seen ones until all are counted.
    let mut kept: Vec<Option<Kept>> = Vec::new();
    for (k, c) in chunks.into_iter().enumerate() {
        let base = (k * CHUNK) as u32;
        let mut local_term = Vec::with_capacity(c.terms.len());
        for t in c.terms {
            let next = terms.len() as u32;
            let id = *term_ids.entry(t).or_insert(next);
            if id == next {
                terms.push(Term::default());
            }
            local_term.push(id);
        }
        let mut local_gid = Vec::with_capacity(c.surfaces.len());
        for ((s, last), t) in c.surfaces.into_iter().zip(c.last).zip(c.surface_term) {
            let at = base + u32::from(last);
            let g = match gid.get(&s) {
                Some(&g) => {
                    // Chunks come in order: a later one holds older briefings.
                    oldest[g as usize] = at;
                    g
                }
                None => {
                    let g = gsurf.len() as u32;
                    gid.insert(s.clone(), g);
                    gsurf.push(s);
                    oldest.push(at);
                    gterm_of.push(if t == NONE {
                        NONE
                    } else {
                        local_term[t as usize]
                    });
                    g
                }
            };
            local_gid.push(g);
        }
        for (lt, list) in c.lists.into_iter().enumerate() {
            let term = &mut terms[local_term[lt] as usize];
            for e in list {
                term.lists.push((e & 7) as u8, base + (e >> 3));
            }
        }
        kept.push(c.tokens.map(|(tokens, ends)| Kept {
            tokens,
            ends,
            ids: local_gid,
        }));
    }
    let mut order: Vec<u32> = (0..gsurf.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        (oldest[b as usize].cmp(&oldest[a as usize]))
            .then_with(|| gsurf[a as usize].cmp(&gsurf[b as usize]))
    });
    let mut rank = vec![0u32; gsurf.len()];
    for (r, &g) in order.iter().enumerate() {
        rank[g as usize] = r as u32;
    }
    for (g, &t) in gterm_of.iter().enumerate() {
        if t != NONE {
            terms[t as usize].surfaces.push(rank[g]);
        }
    }
    let mut slots: Vec<Option<Box<str>>> = gsurf.into_iter().map(Some).collect();
    let surfaces: Vec<Box<str>> = (order.iter())
        .map(|&g| slots[g as usize].take().unwrap_or_default())
        .collect();
    for v in gid.values_mut() {
        *v = rank[*v as usize];
    }
    for k in kept.iter_mut().flatten() {
        for id in &mut k.ids {
            *id = rank[*id as usize];
        }
    }
    let mut by_text: Vec<(Box<str>, u32)> = term_ids.into_iter().collect();
    by_text.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for t in &mut terms {
        t.surfaces.sort_unstable();
    }
    Vocabulary {
        ids: gid,
        surfaces,
        terms,
        by_text,
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
    /// Ids of the gaps (the text between words), in order.
    gaps: Vec<u32>,
    /// The keys of the files of `search/w/`, in order.
    keys: Vec<&'a str>,
}

/// `[title, slug, summary, entities, tags, tokens, code]`.
#[derive(Serialize)]
struct TextDoc<'a>(&'a str, &'a str, &'a str, &'a [u32], &'a [u32], u32, String);

/// A word file: its words in text order, as a JSON object.
struct Words<'a>(Vec<(&'a str, Entry<'a>)>);

impl Serialize for Words<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

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
            b.finish()
        })
        .collect();
    let vocab = vocabulary(chunks);

    // Word files: each word in the file of its key (terms in text order keep a key's words
    // together), its lists inline when short.
    let (terms, by_text) = (&vocab.terms, &vocab.by_text);
    let mut keys: Vec<String> = Vec::new();
    let mut posting_files = 0;
    let mut at = 0;
    while at < by_text.len() {
        let key = super::shard_key(&by_text[at].0);
        let mut end = at + 1;
        while end < by_text.len() && super::shard_key(&by_text[end].0) == key {
            end += 1;
        }
        let mut entries: Vec<(&str, Entry<'_>)> = Vec::with_capacity(end - at);
        for (t, id) in &by_text[at..end] {
            let term = &terms[*id as usize];
            let (lists, df) = term.lists.finish();
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
            entries.push((t, Entry(df, &term.surfaces, lists)));
        }
        let name = format!("w/{key}");
        emit(
            format!("search/{name}.js"),
            super::script(&name, &Words(entries)),
        );
        keys.push(key);
        at = end;
    }
    keys.sort();
    keys.dedup();

    for (n, chunk) in vocab.surfaces.chunks(VOCAB_CHUNK).enumerate() {
        let name = format!("v/{n}");
        emit(format!("search/{name}.js"), super::script(&name, chunk));
    }

    let header = Header {
        docs: DOC_SHARD,
        vocab: VOCAB_CHUNK,
        gaps: (vocab.surfaces.iter().enumerate())
            .filter(|(_, s)| !s.chars().next().is_some_and(text::is_word_char))
            .map(|(i, _)| i as u32)
            .collect(),
        keys: keys.iter().map(String::as_str).collect(),
    };
    emit("search/text.js".into(), super::script("text", &header));

    // Text files: the second pass, each body's tokens as the ids of the first.
    docs.par_chunks(DOC_SHARD)
        .enumerate()
        .for_each_init(BodyText::default, |body, (n, part)| {
            let list: Vec<TextDoc<'_>> = (part.iter().enumerate())
                .map(|(i, d)| {
                    let number = n * DOC_SHARD + i;
                    let mut w = String::new();
                    let mut tokens = 0;
                    let mut put = |id: u32| {
                        codes::push_varint(&mut w, id);
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
                    TextDoc(d.title, d.slug, d.summary, &d.entities, &d.tags, tokens, w)
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
