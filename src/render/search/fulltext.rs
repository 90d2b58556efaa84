//! The full-text part of the split search index: every word of every briefing's title,
//! names, tags, summary and body, with the briefings it is in (`search/w/`, `search/p/`),
//! and each briefing's text as a stream of token ids (`search/t/`), from which `search.js`
//! checks phrases and cuts excerpts where a match is. docs/data.md gives the format.
//!
//! Each text file carries its own words and gaps, and a word file names briefings, not
//! tokens: an edit of one briefing changes its text file and the word files of the words
//! it gained or lost, nothing else. A live preview keeps the word lists ([`Postings`]) and
//! updates them in place.
//!
//! One pass over the bodies, by chunks of briefings in parallel, writes each chunk's text
//! files and lists, per word, the briefings it is in (each chunk with its own small
//! vocabulary); the chunks are then merged. No copy of every body's text is held at once.

use super::codes::{self, ListBuilder};
use super::text::{self, BodyText, pieces};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Briefings per file of `search/t/`.
pub const DOC_SHARD: usize = 8;
/// A word whose lists together take more characters than this has them in a file of its
/// own under `search/p/`, so that its word file stays small.
pub const INLINE_MAX: usize = 512;
/// Briefings per chunk of the pass (their numbers within it fit 16 bits); a whole number
/// of text files.
const CHUNK: usize = 4096;
const _: () = assert!(CHUNK.is_multiple_of(DOC_SHARD));
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
    /// Indices of the entities it names (into [`Names::entities`]).
    pub entities: Vec<u32>,
    /// The same entities by key (`actor:slug`), as its text file names them. Named, not
    /// numbered: an entity that comes or goes then changes the text files of the briefings
    /// naming it, not of every briefing naming an entity after it.
    pub named: Vec<&'a str>,
    /// The slugs of its tags. Named, not numbered: a tag that comes or goes then changes
    /// the text files of the briefings having it, not of every briefing with a tag after
    /// it.
    pub tags: Vec<&'a str>,
}

/// What the index is built from besides the briefings: the terms of each entity's name and
/// aliases, and of each tag's name.
pub struct Names<'a> {
    /// Per entity, the terms of its name and aliases.
    pub entities: &'a [Vec<String>],
    /// Per tag, by slug (ascending), the terms of its name.
    pub tags: &'a [TagTerms<'a>],
}

/// A tag's slug and the terms of its name.
pub type TagTerms<'a> = (&'a str, Vec<String>);

impl Names<'_> {
    /// The terms of the name of the tag with `slug` (none for a tag not in the list).
    fn tag_terms(&self, slug: &str) -> &[String] {
        match self.tags.binary_search_by(|(s, _)| (*s).cmp(slug)) {
            Ok(i) => &self.tags[i].1,
            Err(_) => {
                debug_assert!(false, "a briefing's tag {slug} is not among the names");
                &[]
            }
        }
    }
}

type Hasher = ahash::RandomState;

/// A chunk's terms and lists, numbers relative to the chunk's first briefing.
#[derive(Default)]
struct Chunk {
    /// Terms, by local id (filled from the builder's map when the chunk is done).
    terms: Vec<Box<str>>,
    /// Per local term: the briefings with it, each as `at << 3 | field`, in its best field.
    lists: Vec<Vec<u32>>,
}

struct ChunkBuilder {
    chunk: Chunk,
    term_ids: HashMap<Box<str>, u32, Hasher>,
    /// Each token of the chunk's bodies as written (a word or a gap), by its local id.
    surface_ids: HashMap<Box<str>, u32, Hasher>,
    surfaces: Vec<Surface>,
    /// Per local term: 1 + the last briefing it was seen in.
    seen: Vec<u32>,
}

/// A token as written, with its local term (`NONE` for a gap; folding is the costly part)
/// and its id in the text file being made.
struct Surface {
    text: Box<str>,
    word: bool,
    term: u32,
    /// 1 + the text file (of the chunk) that last gave it an id, and that id.
    shard: u32,
    local: u32,
}

const NONE: u32 = u32::MAX;

impl ChunkBuilder {
    fn new() -> Self {
        ChunkBuilder {
            chunk: Chunk::default(),
            term_ids: HashMap::with_hasher(Hasher::new()),
            surface_ids: HashMap::with_hasher(Hasher::new()),
            surfaces: Vec::new(),
            seen: Vec::new(),
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

    /// The chunk, its terms in a vector by local id.
    fn finish(self) -> Chunk {
        let mut chunk = self.chunk;
        let mut v: Vec<(u32, Box<str>)> =
            (self.term_ids.into_iter()).map(|(s, id)| (id, s)).collect();
        v.sort_unstable_by_key(|&(id, _)| id);
        chunk.terms = v.into_iter().map(|(_, s)| s).collect();
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

    /// Lists briefing `at` under the words of every field but its body, best first.
    fn add_fields(&mut self, d: &Doc<'_>, names: &Names<'_>, at: u16) {
        self.add_words(d.title, TITLE, at);
        for &e in &d.entities {
            for t in &names.entities[e as usize] {
                let id = self.term_id(t);
                self.add(id, NAMES, at);
            }
        }
        for &g in &d.tags {
            for t in names.tag_terms(g) {
                let id = self.term_id(t);
                self.add(id, TAGS, at);
            }
        }
        self.add_words(d.summary, SUMMARY, at);
    }

    /// The local id of token `s` (a word or a gap) as written.
    fn surface(&mut self, word: bool, s: &str) -> u32 {
        if let Some(&id) = self.surface_ids.get(s) {
            return id;
        }
        let term = match word {
            true => Some(text::term(s)).filter(|t| !t.is_empty()),
            false => None,
        };
        let term = term.map_or(NONE, |t| self.term_id(&t));
        let id = self.surfaces.len() as u32;
        self.surfaces.push(Surface {
            text: s.into(),
            word,
            term,
            shard: 0,
            local: 0,
        });
        self.surface_ids.insert(s.into(), id);
        id
    }

    /// Adds briefing `at`'s body (`html`, cut by `body`) to the chunk's lists and to text
    /// file `shard` (of the chunk).
    fn add_body(
        &mut self,
        html: &str,
        body: &mut BodyText,
        at: u16,
        shard: u32,
        text: &mut ShardText,
    ) {
        body.read(html);
        let mut tokens = Vec::new();
        for (word, s) in body.pieces() {
            // A single space between two words is implied (search.js puts it back).
            if !word && s == " " {
                continue;
            }
            let id = self.surface(word, s);
            let x = &mut self.surfaces[id as usize];
            let term = x.term;
            if x.shard != shard + 1 {
                x.shard = shard + 1;
                let list = if x.word {
                    &mut text.words
                } else {
                    &mut text.gaps
                };
                x.local = list.len() as u32 | if x.word { 0 } else { GAP };
                list.push(id);
            }
            tokens.push(x.local);
            if term != NONE {
                self.add(term, BODY, at);
            }
        }
        text.docs.push(tokens);
    }
}

/// One file of `search/t/` being made: its briefings' tokens, as ids into its own list of
/// words and list of gaps (a gap's id counts on after the last word's), each a token of
/// the chunk.
#[derive(Default)]
struct ShardText {
    words: Vec<u32>,
    gaps: Vec<u32>,
    /// Per briefing: its tokens, a gap's as `GAP | index`.
    docs: Vec<Vec<u32>>,
}

const GAP: u32 = 1 << 31;

impl ShardText {
    /// File `n` of `search/t/`, of briefings `part` (those added, in order), their tokens
    /// those of `chunk`.
    fn finish(self, n: usize, part: &[Doc<'_>], chunk: &ChunkBuilder) -> (String, Vec<u8>) {
        let words = self.words.len() as u32;
        let list: Vec<TextDoc<'_>> = (part.iter().zip(&self.docs))
            .map(|(d, tokens)| {
                let mut w = String::with_capacity(tokens.len() * 2);
                for &t in tokens {
                    let id = if t & GAP != 0 { words + (t & !GAP) } else { t };
                    codes::push_varint(&mut w, id);
                }
                TextDoc(
                    d.title,
                    d.slug,
                    d.summary,
                    &d.named,
                    &d.tags,
                    tokens.len() as u32,
                    w,
                )
            })
            .collect();
        let text = |ids: &[u32]| -> Vec<&str> {
            ids.iter()
                .map(|&i| &*chunk.surfaces[i as usize].text)
                .collect()
        };
        let name = format!("t/{n}");
        let file = super::script(&name, &(list, text(&self.words), text(&self.gaps)));
        (format!("search/{name}.js"), file)
    }
}

/// A term's lists. Most words of a large vocabulary are in one briefing once: those take
/// no memory beyond this enum.
#[derive(Default, Clone)]
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

    /// The briefings of each field, as numbers.
    fn numbers(&self) -> [Vec<u32>; FIELDS] {
        let mut out: [Vec<u32>; FIELDS] = Default::default();
        match self {
            TermLists::None => {}
            TermLists::One(f, n) => out[*f as usize].push(*n),
            TermLists::Many(lists) => {
                for (f, l) in lists {
                    out[*f as usize].extend(l.numbers());
                }
            }
        }
        out
    }

    /// The lists holding `fields`' numbers (each ascending), as made in one pass.
    fn of(fields: &[Vec<u32>; FIELDS]) -> TermLists {
        // One pass over the numbers in order puts a field's list where its first number
        // comes (a tie: the first field first); each field's numbers then follow in order.
        let mut order: Vec<(u32, u8)> = (fields.iter().enumerate())
            .filter_map(|(f, l)| l.first().map(|&n| (n, f as u8)))
            .collect();
        order.sort_unstable();
        let mut out = TermLists::None;
        for (_, f) in order {
            for &n in &fields[usize::from(f)] {
                out.push(f, n);
            }
        }
        out
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

/// The word lists of the whole index, by term: what a live preview keeps to update the
/// word files in place when a briefing's words change.
pub struct Postings {
    ids: HashMap<Box<str>, u32, Hasher>,
    terms: Vec<(Box<str>, TermLists)>,
    /// Per key of `search/w/`: its terms, in text order.
    keys: BTreeMap<String, Vec<u32>>,
    /// Per briefing number: its terms, each as `id << 3 | best field`, ascending. An edit
    /// needs what the briefing was listed under, and the site it was read from is gone by
    /// then.
    docs: Vec<Vec<u32>>,
}

/// Merges the chunks, in order, consuming each as it goes.
fn merge(chunks: Vec<Chunk>) -> Postings {
    let mut ids: HashMap<Box<str>, u32, Hasher> = HashMap::with_hasher(Hasher::new());
    let mut terms: Vec<(Box<str>, TermLists)> = Vec::new();
    for (k, c) in chunks.into_iter().enumerate() {
        let base = (k * CHUNK) as u32;
        for (t, list) in c.terms.into_iter().zip(c.lists) {
            let next = terms.len() as u32;
            let id = match ids.get(&t) {
                Some(&id) => id,
                None => {
                    ids.insert(t.clone(), next);
                    terms.push((t, TermLists::None));
                    next
                }
            };
            let lists = &mut terms[id as usize].1;
            for e in list {
                lists.push((e & 7) as u8, base + (e >> 3));
            }
        }
    }
    let mut order: Vec<u32> = (0..terms.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| terms[a as usize].0.cmp(&terms[b as usize].0));
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for id in order {
        let key = super::shard_key(&terms[id as usize].0);
        keys.entry(key).or_default().push(id);
    }
    Postings {
        ids,
        terms,
        keys,
        docs: Vec::new(),
    }
}

/// Per briefing number of `count`: the terms of `terms` listing it, as [`Postings::docs`].
fn by_briefing(terms: &[(Box<str>, TermLists)], count: usize) -> Vec<Vec<u32>> {
    let mut docs: Vec<Vec<u32>> = vec![Vec::new(); count];
    // Term ids ascend, so each briefing's list comes out sorted.
    for (id, (_, lists)) in terms.iter().enumerate() {
        for (f, list) in lists.numbers().iter().enumerate() {
            for &n in list {
                if let Some(d) = docs.get_mut(n as usize) {
                    d.push((id as u32) << 3 | f as u32);
                }
            }
        }
    }
    docs
}

/// `search/text.js`: what a reader needs before the word and text files.
#[derive(Serialize)]
struct Header<'a> {
    /// Briefings per file of `search/t/`.
    docs: usize,
    /// The keys of the files of `search/w/`, in order.
    keys: Vec<&'a str>,
}

/// `[title, slug, summary, entities, tags, tokens, code]`.
#[derive(Serialize)]
struct TextDoc<'a>(
    &'a str,
    &'a str,
    &'a str,
    &'a [&'a str],
    &'a [&'a str],
    u32,
    String,
);

/// A word file: its words in text order, as a JSON object.
struct Words<'a>(Vec<(&'a str, Entry)>);

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

/// A word's entry in its `search/w/` file: `[briefings, lists]`, where lists are the five
/// lists or the number `n` of the file `search/p/<key>-<n>` holding them.
#[derive(Serialize)]
struct Entry(u32, Lists);

#[derive(Serialize)]
#[serde(untagged)]
enum Lists {
    Inline([String; FIELDS]),
    File(usize),
}

impl Postings {
    /// The word file of `key` and the list files of its long words, handed to `emit`;
    /// returns how many list files it has (words in no briefing are left out).
    fn word_file(&self, key: &str, emit: &(dyn Fn(String, Vec<u8>) + Sync)) -> usize {
        let ids = self.keys.get(key).map_or(&[][..], Vec::as_slice);
        let mut entries: Vec<(&str, Entry)> = Vec::with_capacity(ids.len());
        let mut long = 0;
        for &id in ids {
            let (t, lists) = &self.terms[id as usize];
            let (lists, df) = lists.finish();
            if df == 0 {
                continue;
            }
            let size: usize = lists.iter().map(String::len).sum();
            let lists = if size > INLINE_MAX {
                let name = format!("p/{key}-{long}");
                emit(format!("search/{name}.js"), super::script(&name, &lists));
                long += 1;
                Lists::File(long - 1)
            } else {
                Lists::Inline(lists)
            };
            entries.push((t, Entry(df, lists)));
        }
        let name = format!("w/{key}");
        emit(
            format!("search/{name}.js"),
            super::script(&name, &Words(entries)),
        );
        long
    }

    /// Lists briefing `n` under the words of `new` instead of those it had (the same
    /// briefing after an edit that changes no briefing's number) and hands the word files
    /// that changed to `emit` (`search/text.js` too when a word file comes or goes).
    /// Returns the paths of the files that came and went.
    pub fn update(
        &mut self,
        n: u32,
        new: &Doc<'_>,
        names: &Names<'_>,
        emit: &(dyn Fn(String, Vec<u8>) + Sync),
    ) -> Paths {
        let Some(before) = self.docs.get(n as usize) else {
            return Paths::default();
        };
        let before: HashMap<u32, u8, Hasher> =
            (before.iter()).map(|&e| (e >> 3, (e & 7) as u8)).collect();
        let mut after: HashMap<u32, u8, Hasher> = HashMap::with_hasher(Hasher::new());
        for (t, f) in fields_of(new, names) {
            let id = match self.ids.get(&t) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    self.ids.insert(t.clone(), id);
                    self.terms.push((t, TermLists::None));
                    id
                }
            };
            after.insert(id, f);
        }
        let mut moved: Vec<(u32, Option<u8>, Option<u8>)> = Vec::new();
        for (&t, &f) in &before {
            if after.get(&t) != Some(&f) {
                moved.push((t, Some(f), after.get(&t).copied()));
            }
        }
        for (&t, &f) in &after {
            if !before.contains_key(&t) {
                moved.push((t, None, Some(f)));
            }
        }
        let mut now: Vec<u32> = after.iter().map(|(&t, &f)| t << 3 | u32::from(f)).collect();
        now.sort_unstable();
        self.docs[n as usize] = now;
        // Per key touched: whether it had a word file, and how many list files.
        let mut touched: BTreeMap<String, (bool, usize)> = BTreeMap::new();
        for (id, from, to) in moved {
            let t = &self.terms[id as usize].0;
            let key = super::shard_key(t);
            if !touched.contains_key(&key) {
                let had = self.keys.get(&key).map(|ids| self.long_words(ids));
                touched.insert(key.clone(), (had.is_some(), had.unwrap_or(0)));
            }
            // A word in no briefing stays known, its key's list left when the key went.
            let terms = &self.terms;
            let t = &terms[id as usize].0;
            let list = self.keys.entry(key).or_default();
            let at = list.partition_point(|&o| terms[o as usize].0 < *t);
            if list.get(at) != Some(&id) {
                list.insert(at, id);
            }
            let lists = &mut self.terms[id as usize].1;
            let mut numbers = lists.numbers();
            if let Some(f) = from {
                numbers[f as usize].retain(|&x| x != n);
            }
            if let Some(f) = to {
                let l = &mut numbers[f as usize];
                if let Err(at) = l.binary_search(&n) {
                    l.insert(at, n);
                }
            }
            *lists = TermLists::of(&numbers);
        }
        self.rewrite(touched, emit)
    }

    /// Gives the briefing numbered `n` the number `to[n]` (`to` a permutation of the
    /// numbers, one per briefing counted: briefings that changed places in date order) and
    /// hands the word files whose lists changed to `emit`. Returns the paths of the files
    /// that came and went.
    pub fn renumber(&mut self, to: &[u32], emit: &(dyn Fn(String, Vec<u8>) + Sync)) -> Paths {
        let mut docs = vec![Vec::new(); to.len()];
        for (n, terms) in std::mem::take(&mut self.docs).into_iter().enumerate() {
            docs[to[n] as usize] = terms;
        }
        self.docs = docs;
        let new = |n: u32| to.get(n as usize).copied().unwrap_or(n);
        // Each term whose lists hold a number that moved, with its lists renumbered: each
        // list is read once.
        let moved: Vec<(u32, [Vec<u32>; FIELDS])> = (self.terms.par_iter().enumerate())
            .filter_map(|(id, (_, lists))| {
                if let TermLists::One(_, n) = lists
                    && new(*n) == *n
                {
                    return None;
                }
                let mut numbers = lists.numbers();
                let mut any = false;
                for l in &mut numbers {
                    for n in l.iter_mut() {
                        any |= new(*n) != *n;
                        *n = new(*n);
                    }
                    // Most lists are still in order (a move shifts the briefings it passed
                    // by one): the sort sees that in one pass.
                    l.sort_unstable();
                }
                any.then_some((id as u32, numbers))
            })
            .collect();
        // Per key touched: whether it had a word file (it has: its words are in briefings),
        // and how many list files, counted before the lists change.
        let mut touched: BTreeMap<String, (bool, usize)> = BTreeMap::new();
        for (id, _) in &moved {
            let key = super::shard_key(&self.terms[*id as usize].0);
            if let std::collections::btree_map::Entry::Vacant(e) = touched.entry(key) {
                let long = (self.keys.get(e.key())).map_or(0, |ids| self.long_words(ids));
                e.insert((true, long));
            }
        }
        for (id, numbers) in moved {
            self.terms[id as usize].1 = TermLists::of(&numbers);
        }
        self.rewrite(touched, emit)
    }

    /// Hands `emit` the word files of the keys `touched` (each with whether it had a word
    /// file and how many list files, before), or takes them away when no briefing has their
    /// words now, and `search/text.js` when a word file came or went.
    fn rewrite(
        &mut self,
        touched: BTreeMap<String, (bool, usize)>,
        emit: &(dyn Fn(String, Vec<u8>) + Sync),
    ) -> Paths {
        let mut paths = Paths::default();
        let mut keys_changed = false;
        let p = |key: &str, i: usize| format!("search/p/{key}-{i}.js");
        let mut kept = Vec::with_capacity(touched.len());
        for (key, (had, long)) in touched {
            let words = self.keys.get(&key).is_some_and(|ids| {
                (ids.iter()).any(|&id| !matches!(self.terms[id as usize].1, TermLists::None))
            });
            if !words {
                // No briefing has a word of the key now: its files go.
                self.keys.remove(&key);
                keys_changed |= had;
                if had {
                    paths.gone.push(format!("search/w/{key}.js"));
                    paths.gone.extend((0..long).map(|i| p(&key, i)));
                }
                continue;
            }
            kept.push((key, had, long));
        }
        // A briefing renumbered touches the keys of most words: made on every core.
        let this = &*self;
        let made: Vec<usize> = (kept.par_iter())
            .map(|(key, ..)| this.word_file(key, emit))
            .collect();
        for ((key, had, long), now) in kept.into_iter().zip(made) {
            if !had {
                keys_changed = true;
                paths.came.push(format!("search/w/{key}.js"));
            }
            paths.came.extend((long..now).map(|i| p(&key, i)));
            paths.gone.extend((now..long).map(|i| p(&key, i)));
        }
        if keys_changed {
            emit("search/text.js".into(), self.header());
        }
        paths
    }

    /// How many briefings the lists number.
    pub fn count(&self) -> usize {
        self.docs.len()
    }

    /// How many of the words `ids` have their lists in a file of their own.
    fn long_words(&self, ids: &[u32]) -> usize {
        (ids.iter())
            .filter(|&&id| {
                let (lists, df) = self.terms[id as usize].1.finish();
                df > 0 && lists.iter().map(String::len).sum::<usize>() > INLINE_MAX
            })
            .count()
    }

    /// `search/text.js` for the keys there are.
    fn header(&self) -> Vec<u8> {
        let header = Header {
            docs: DOC_SHARD,
            keys: self.keys.keys().map(String::as_str).collect(),
        };
        super::script("text", &header)
    }
}

/// The files an update of the index added and removed, by output path.
#[derive(Debug, Default)]
pub struct Paths {
    pub came: Vec<String>,
    pub gone: Vec<String>,
}

impl Paths {
    /// Adds what a later update did: a file that came and went again is neither.
    pub fn add(&mut self, later: Paths) {
        for p in later.came {
            match self.gone.iter().position(|g| *g == p) {
                Some(at) => {
                    self.gone.remove(at);
                }
                None => self.came.push(p),
            }
        }
        for p in later.gone {
            match self.came.iter().position(|c| *c == p) {
                Some(at) => {
                    self.came.remove(at);
                }
                None => self.gone.push(p),
            }
        }
    }
}

/// Each term of briefing `d` with its best field.
fn fields_of(d: &Doc<'_>, names: &Names<'_>) -> HashMap<Box<str>, u8, Hasher> {
    let mut b = ChunkBuilder::new();
    b.add_fields(d, names, 0);
    b.add_body(
        d.body,
        &mut BodyText::default(),
        0,
        0,
        &mut ShardText::default(),
    );
    let chunk = b.finish();
    (chunk.terms.into_iter().zip(chunk.lists))
        .filter_map(|(t, l)| l.first().map(|&e| (t, (e & 7) as u8)))
        .collect()
}

/// Every file of the full-text index: `search/text.js`, `search/w/`, `search/p/` and
/// `search/t/`, each handed to `emit` as (output path, bytes) once made.
pub fn files(docs: &[Doc<'_>], names: &Names<'_>, emit: &(dyn Fn(String, Vec<u8>) + Sync)) {
    drop(files_made(docs, names, emit));
}

/// [`files`], returning the word lists for a live preview to keep, with each briefing's
/// words (which a build, keeping nothing, does not spend time on).
pub fn files_keeping(
    docs: &[Doc<'_>],
    names: &Names<'_>,
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
) -> Postings {
    let mut postings = files_made(docs, names, emit);
    postings.docs = by_briefing(&postings.terms, docs.len());
    postings
}

/// [`files`], returning the word lists without each briefing's words.
pub fn files_made(
    docs: &[Doc<'_>],
    names: &Names<'_>,
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
) -> Postings {
    let chunks: Vec<Chunk> = docs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(k, part)| {
            let mut b = ChunkBuilder::new();
            let mut body = BodyText::default();
            for (s, shard) in part.chunks(DOC_SHARD).enumerate() {
                let mut text = ShardText::default();
                for (i, d) in shard.iter().enumerate() {
                    let at = (s * DOC_SHARD + i) as u16;
                    b.add_fields(d, names, at);
                    b.add_body(d.body, &mut body, at, s as u32, &mut text);
                }
                let (path, bytes) = text.finish(k * (CHUNK / DOC_SHARD) + s, shard, &b);
                emit(path, bytes);
            }
            b.finish()
        })
        .collect();
    let postings = merge(chunks);
    // Word files: each word in the file of its key, its lists inline when short.
    let keys: Vec<&String> = postings.keys.keys().collect();
    keys.par_iter().for_each(|key| {
        postings.word_file(key, emit);
    });
    emit("search/text.js".into(), postings.header());
    postings
}

/// Text file `n` of `search/t/`, of briefings `part` (numbers `n × DOC_SHARD` on): what
/// an edit of one of their bodies writes again.
pub fn text_file(n: usize, part: &[Doc<'_>]) -> (String, Vec<u8>) {
    let mut b = ChunkBuilder::new();
    let mut text = ShardText::default();
    let mut body = BodyText::default();
    for d in part {
        b.add_body(d.body, &mut body, 0, 0, &mut text);
    }
    text.finish(n, part, &b)
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
            named: vec!["actor:net"],
            tags: vec![],
        }
    }

    fn file<'a>(files: &'a [(String, Vec<u8>)], path: &str) -> &'a str {
        let f = files.iter().find(|(p, _)| p == path);
        std::str::from_utf8(&f.unwrap_or_else(|| panic!("no {path}")).1).unwrap()
    }

    fn made(docs: &[Doc<'_>], names: &Names<'_>) -> (Vec<(String, Vec<u8>)>, Postings) {
        let made = std::sync::Mutex::new(Vec::new());
        let postings = files_keeping(docs, names, &|p, b| made.lock().unwrap().push((p, b)));
        let mut v = made.into_inner().unwrap();
        v.sort();
        (v, postings)
    }

    proptest::proptest! {
        /// Lists made from each field's numbers are those one pass over every number in
        /// order makes: the same fields in the same order, each with its numbers.
        #[test]
        fn lists_made_field_by_field_are_those_of_one_pass(
            fields in proptest::array::uniform5(proptest::collection::btree_set(0u32..40, 0..6)),
        ) {
            let fields: [Vec<u32>; FIELDS] = fields.map(|f| f.into_iter().collect());
            let mut all: Vec<(u32, u8)> = (fields.iter().enumerate())
                .flat_map(|(f, l)| l.iter().map(move |&n| (n, f as u8)))
                .collect();
            all.sort_unstable();
            let mut one_pass = TermLists::None;
            for (n, f) in all {
                one_pass.push(f, n);
            }
            let written = |l: &TermLists| (l.finish(), l.numbers());
            proptest::prop_assert_eq!(written(&TermLists::of(&fields)), written(&one_pass));
            let order = |l: &TermLists| match l {
                TermLists::Many(lists) => lists.iter().map(|(f, _)| *f).collect(),
                TermLists::One(f, _) => vec![*f],
                TermLists::None => vec![],
            };
            proptest::prop_assert_eq!(order(&TermLists::of(&fields)), order(&one_pass));
        }
    }

    #[test]
    fn an_edit_updated_in_place_writes_what_a_fresh_index_holds() {
        let names = Names {
            entities: &[vec!["net".into()], vec!["kyiv".into(), "kiev".into()]],
            tags: &[
                ("energy", vec!["energy".into()]),
                ("media", vec!["media".into()]),
            ],
        };
        let docs_with = |middle: Doc<'static>| -> Vec<Doc<'static>> {
            vec![
                doc("Nets", "<p>A safety net, “a net”.</p>"),
                middle,
                doc("Nets", "<p>Safety first, then nets.</p>"),
            ]
        };
        let (mut on_disk, mut postings) =
            made(&docs_with(doc("Nets", "<p>Nets &amp; more.</p>")), &names);
        let many = (0..300)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let long: &'static str = Box::leak(format!("<p>{many} zebras.</p>").into_boxed_str());
        let with = |f: &dyn Fn(&mut Doc<'static>)| {
            let mut d = doc("Nets", "<p>Safety.</p>");
            f(&mut d);
            d
        };
        for (what, edited) in [
            (
                "words gained that others have",
                doc("Nets", "<p>Nets &amp; safety, then more.</p>"),
            ),
            (
                "a word in no briefing now: its file goes",
                doc("Nets", "<p>Nets, safety.</p>"),
            ),
            (
                "a word under a new key: a file comes",
                doc("Nets", "<p>Nets &amp; zebras.</p>"),
            ),
            (
                "words lost and gained",
                doc("Nets", "<p>Safety, then zebras.</p>"),
            ),
            ("the last zebra gone", doc("Nets", "<p>Safety.</p>")),
            ("many words of one key", doc("Nets", long)),
            // What a front-matter edit changes.
            ("a title", with(&|d| d.title = "Zebras at the dam")),
            (
                "a summary",
                with(&|d| d.summary = "Safety of nets, at last"),
            ),
            (
                "entities named",
                with(&|d| {
                    d.entities = vec![1];
                    d.named = vec!["place:kyiv"];
                }),
            ),
            (
                "no entity",
                with(&|d| {
                    d.entities = vec![];
                    d.named = vec![];
                }),
            ),
            ("tags", with(&|d| d.tags = vec!["energy", "media"])),
            (
                "a title word in the body too",
                with(&|d| d.title = "Safety"),
            ),
        ] {
            let next = docs_with(edited);
            let (fresh, _) = made(&next, &names);
            let emitted = std::sync::Mutex::new(vec![text_file(0, &next)]);
            let paths = postings.update(1, &next[1], &names, &|p, b| {
                emitted.lock().unwrap().push((p, b))
            });
            // What is on disk after the update: the last files, those gone removed, those
            // emitted written.
            let mut disk: BTreeMap<String, Vec<u8>> = on_disk.into_iter().collect();
            for p in &paths.gone {
                assert!(disk.remove(p).is_some(), "{what}: {p} was not there");
            }
            for (p, b) in emitted.into_inner().unwrap() {
                let came = !disk.contains_key(&p);
                assert_eq!(came, paths.came.contains(&p), "{what}: {p}");
                disk.insert(p, b);
            }
            let disk: Vec<(String, Vec<u8>)> = disk.into_iter().collect();
            let text = |f: &[(String, Vec<u8>)]| {
                f.iter()
                    .map(|(p, b)| format!("{p}: {}", String::from_utf8_lossy(b)))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            assert_eq!(text(&disk), text(&fresh), "{what}");
            on_disk = disk;
        }
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
        assert!(w.contains(r#""safety":[2,["A","","","","B"]]"#), "{w}");
        // "net": both name an entity called "Net", which outranks the body.
        let w = file(&files, "search/w/ne.js");
        assert!(w.contains(r#""net":[2,["","AA","","",""]]"#), "{w}");
        let t = file(&files, "search/t/0.js");
        assert!(
            t.starts_with(r#"dossierSearch("t/0",[[["Safety first","s","",["actor:net"],[],8,"#),
            "{t}"
        );
        let header = file(&files, "search/text.js");
        assert!(
            header.contains(r#""keys":["a","fi","he","ne","no","on","sa","tw"]"#),
            "{header}"
        );
    }
}
