//! Estimative language: the words of likelihood a briefing's prose uses, checked against its
//! `confidence:`. Under low confidence, words that claim near-certainty (almost certain,
//! almost no chance) overstate what the desk knows: each is a warning at the phrase.
//! The words are per language (`estimative:` in site.yaml; English built in).

use crate::diagnostic::{Code, Diagnostics};
use crate::front_matter::{Node, Yaml};
use crate::model::{Confidence, Judgment, Likelihood};
use std::hash::{Hash, Hasher};

/// Languages `estimative.words` may give lists for.
pub const MAX_LANGUAGES: usize = 20;
/// Phrases one level of one language may list.
pub const MAX_PHRASES: usize = 50;
/// Words one phrase may have, and characters.
pub const MAX_PHRASE_WORDS: usize = 6;
pub const MAX_PHRASE_CHARS: usize = 80;

/// The English phrases of each level, least likely first (as [`Likelihood::ALL`]). Bare
/// `remote` and `probable` are left out of prose (a remote village, a probable cause), and
/// so are `certainly` and `no chance` alone, too common outside estimates.
const ENGLISH: [&[&str]; 7] = [
    &[
        "almost no chance",
        "virtually no chance",
        "remote chance",
        "remote possibility",
        "almost certainly not",
    ],
    &["very unlikely", "highly unlikely", "highly improbable"],
    &["unlikely", "improbable", "probably not"],
    &[
        "roughly even chance",
        "roughly even odds",
        "about even",
        "even chance",
    ],
    &["likely", "probably"],
    &["very likely", "highly likely", "highly probable"],
    &[
        "almost certain",
        "almost certainly",
        "nearly certain",
        "nearly certainly",
        "virtually certain",
        "virtually certainly",
    ],
];

/// The phrases of each level for one language, each lowercased, words split.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Lexicon {
    levels: [Vec<Vec<String>>; 7],
}

impl Lexicon {
    fn english() -> Lexicon {
        Lexicon {
            levels: ENGLISH.map(|list| list.iter().map(|p| words_of(p)).collect()),
        }
    }

    fn empty() -> Lexicon {
        Lexicon {
            levels: Default::default(),
        }
    }

    /// A hash of every phrase: what a cached check of a body depends on.
    pub fn key(&self) -> u64 {
        let mut h = crate::hash::hasher();
        self.hash(&mut h);
        h.finish()
    }

    /// Every phrase with its level, longest first among those sharing a first word.
    fn phrases(&self) -> Vec<(&[String], Likelihood)> {
        let mut all: Vec<(&[String], Likelihood)> = (Likelihood::ALL.iter().zip(&self.levels))
            .flat_map(|(&l, list)| list.iter().map(move |p| (p.as_slice(), l)))
            .filter(|(p, _)| !p.is_empty())
            .collect();
        all.sort_by(|a, b| (&a.0[0], b.0.len()).cmp(&(&b.0[0], a.0.len())));
        all
    }
}

/// The phrase `s` as its lowercased words.
fn words_of(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    tokens(s, |_, _, w| out.push(w.to_string()));
    out
}

/// Calls `f(start, end, word)` for each word of `s`: runs of letters and digits, with `'`,
/// `’` and `-` between them, lowercased (`end` is the byte after it).
fn tokens(s: &str, mut f: impl FnMut(usize, usize, &str)) {
    let mut word = String::new();
    let mut start = 0;
    let mut last_end = 0;
    for (i, c) in s.char_indices() {
        let inner = matches!(c, '\'' | '’' | '-') && !word.is_empty();
        if c.is_alphanumeric() || inner {
            if word.is_empty() {
                start = i;
            }
            word.extend(c.to_lowercase());
            if c.is_alphanumeric() {
                last_end = i + c.len_utf8();
            }
        } else if !word.is_empty() {
            f(start, last_end, word.trim_end_matches(['\'', '’', '-']));
            word.clear();
        }
    }
    if !word.is_empty() {
        f(start, last_end, word.trim_end_matches(['\'', '’', '-']));
    }
}

/// site.yaml's `estimative:`: whether the check runs and the words of each language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    pub check: bool,
    /// Languages (lowercase tags, `en`, `fr`) and their phrases, sorted.
    languages: Vec<(String, Lexicon)>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            check: true,
            languages: vec![("en".to_string(), Lexicon::english())],
        }
    }
}

impl Settings {
    /// The phrases bodies in `language` (site.yaml's `language:`) are checked with: its
    /// own list, else its primary subtag's (`en` for `en-GB`); `None` when the check is
    /// off or the language has no list.
    pub fn lexicon(&self, language: &str) -> Option<&Lexicon> {
        if !self.check {
            return None;
        }
        let tag = language.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        let find = |t: &str| self.languages.iter().find(|(l, _)| l == t);
        find(&tag).or_else(|| find(primary)).map(|(_, lex)| lex)
    }

    /// The lexicon a briefing of `confidence` has its body checked with (see
    /// [`Settings::lexicon`]): only low confidence is checked.
    pub fn for_body(&self, language: &str, confidence: Option<Confidence>) -> Option<&Lexicon> {
        (confidence == Some(Confidence::Low))
            .then(|| self.lexicon(language))
            .flatten()
    }

    /// Reads `estimative:` of site.yaml: `false`, `true`, or `{check, words}`; `None` when
    /// it has errors (reported).
    pub fn parse(node: &Node, path: &str, diags: &mut Diagnostics) -> Option<Settings> {
        let mut out = Settings::default();
        let entries = match &node.value {
            Yaml::Bool(b) => {
                out.check = *b;
                return Some(out);
            }
            Yaml::Null => return Some(out),
            Yaml::Map(entries) => entries,
            other => {
                diags.error(
                    Code::WrongType,
                    path,
                    node.span,
                    format!(
                        "`estimative` must be true, false or a mapping ({{check: …, words: …}}), not {}",
                        other.describe()
                    ),
                );
                return None;
            }
        };
        let mut ok = true;
        for (key, span, value) in entries {
            match key.as_str() {
                "check" => match value.value {
                    Yaml::Bool(b) => out.check = b,
                    _ => {
                        diags.error(
                            Code::WrongType,
                            path,
                            value.span,
                            format!(
                                "`estimative.check` must be true or false, not {}",
                                value.value.describe()
                            ),
                        );
                        ok = false;
                    }
                },
                "words" => ok &= out.read_words(value, path, diags),
                _ => {
                    let place = "`estimative` (known keys: check, words)";
                    crate::parse::unknown_key(diags, path, *span, key, &["check", "words"], place);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// `estimative.words`: per language, per level key, a list of phrases. A level given
    /// for a language with a built-in list replaces that level's phrases.
    fn read_words(&mut self, node: &Node, path: &str, diags: &mut Diagnostics) -> bool {
        let Yaml::Map(languages) = &node.value else {
            diags.error(
                Code::WrongType,
                path,
                node.span,
                "`estimative.words` must map languages (en, fr, …) to their words",
            );
            return false;
        };
        if languages.len() > MAX_LANGUAGES {
            diags.error(
                Code::SiteSetting,
                path,
                node.span,
                format!(
                    "`estimative.words` lists {} languages: at most {MAX_LANGUAGES}",
                    languages.len()
                ),
            );
            return false;
        }
        let keys = Likelihood::ALL.map(Likelihood::key);
        let mut ok = true;
        for (language, _, levels) in languages {
            let tag = language.trim().to_ascii_lowercase();
            let Yaml::Map(levels) = &levels.value else {
                diags.error(
                    Code::WrongType,
                    path,
                    levels.span,
                    format!(
                        "`estimative.words.{language}` must map levels ({}) to lists of words",
                        keys.join(", ")
                    ),
                );
                ok = false;
                continue;
            };
            let at = match self.languages.iter().position(|(l, _)| *l == tag) {
                Some(i) => i,
                None => {
                    self.languages.push((tag.clone(), Lexicon::empty()));
                    self.languages.len() - 1
                }
            };
            for (key, span, list) in levels {
                let Some(level) = keys.iter().position(|k| k == key) else {
                    let place = format!(
                        "`estimative.words.{language}` (known keys: {})",
                        keys.join(", ")
                    );
                    crate::parse::unknown_key(diags, path, *span, key, &keys, &place);
                    ok = false;
                    continue;
                };
                match phrases(list, &format!("{language}.{key}"), path, diags) {
                    Some(p) => self.languages[at].1.levels[level] = p,
                    None => ok = false,
                }
            }
        }
        self.languages.sort_by(|a, b| a.0.cmp(&b.0));
        ok
    }
}

/// The phrases of one level's list, each checked against the limits.
fn phrases(node: &Node, at: &str, path: &str, diags: &mut Diagnostics) -> Option<Vec<Vec<String>>> {
    let Yaml::Seq(items) = &node.value else {
        diags.error(
            Code::WrongType,
            path,
            node.span,
            format!("`estimative.words.{at}` must be a list of words or phrases"),
        );
        return None;
    };
    if items.len() > MAX_PHRASES {
        diags.error(
            Code::SiteSetting,
            path,
            node.span,
            format!(
                "`estimative.words.{at}` lists {} phrases: at most {MAX_PHRASES}",
                items.len()
            ),
        );
        return None;
    }
    let mut out = Vec::new();
    for item in items {
        let text = match &item.value {
            Yaml::String(s) => s.trim(),
            other => {
                diags.error(
                    Code::WrongType,
                    path,
                    item.span,
                    format!(
                        "each entry of `estimative.words.{at}` must be text, not {}",
                        other.describe()
                    ),
                );
                return None;
            }
        };
        let words = words_of(text);
        if words.is_empty()
            || words.len() > MAX_PHRASE_WORDS
            || text.chars().count() > MAX_PHRASE_CHARS
        {
            diags.error(
                Code::SiteSetting,
                path,
                item.span,
                format!(
                    "`{text}` in `estimative.words.{at}`: a phrase has from 1 to {MAX_PHRASE_WORDS} words (letters or digits) and at most {MAX_PHRASE_CHARS} characters"
                ),
            );
            return None;
        }
        out.push(words);
    }
    Some(out)
}

/// A phrase of likelihood found in prose: its level, as written, and where (byte offsets
/// of the text searched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub level: Likelihood,
    pub start: usize,
    pub end: usize,
}

/// One word of prose: where it is and whether only spaces and line breaks (no
/// punctuation, no block or code between) separate it from the word before.
struct Word {
    start: usize,
    end: usize,
    text: String,
    joined: bool,
}

/// The phrases of `lexicon` in the prose of Markdown `text` (code, link addresses and
/// HTML skipped; a phrase may run across a line break, not across a paragraph), leftmost
/// first, the longest at each place.
pub fn find(text: &str, lexicon: &Lexicon) -> Vec<Found> {
    use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
    let mut words: Vec<Word> = Vec::new();
    // Whether the next word follows the last one with only spaces between.
    let mut joined = false;
    let mut code = 0usize;
    let mut autolink = 0usize;
    for (event, range) in Parser::new_ext(text, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Text(_) if code == 0 && autolink == 0 => {
                let piece = &text[range.clone()];
                let mut prev_end = 0;
                let mut first = true;
                tokens(piece, |s, e, w| {
                    let gap = &piece[prev_end..s];
                    let spaced = gap.chars().all(char::is_whitespace);
                    let j = if first { joined && spaced } else { spaced };
                    words.push(Word {
                        start: range.start + s,
                        end: range.start + e,
                        text: w.to_string(),
                        joined: j,
                    });
                    first = false;
                    prev_end = e;
                });
                // Text split by emphasis marks (`almost *certain*`) still joins.
                let tail = &piece[prev_end..];
                joined = if first {
                    joined && tail.chars().all(char::is_whitespace)
                } else {
                    tail.chars().all(char::is_whitespace)
                };
            }
            Event::SoftBreak | Event::HardBreak => {}
            Event::Start(Tag::CodeBlock(_)) => code += 1,
            Event::End(TagEnd::CodeBlock) => code = code.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => autolink += 1,
            Event::End(TagEnd::Link) if autolink > 0 => autolink -= 1,
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {}
            _ => joined = false,
        }
    }
    matches(&words, lexicon)
}

/// The phrases among `words`, leftmost first, the longest at each place.
fn matches(words: &[Word], lexicon: &Lexicon) -> Vec<Found> {
    let phrases = lexicon.phrases();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let first = &words[i].text;
        let from = phrases.partition_point(|(p, _)| p[0] < *first);
        let hit = (phrases[from..].iter())
            .take_while(|(p, _)| p[0] == *first)
            .find(|(p, _)| {
                p.len() <= words.len() - i
                    && (1..p.len()).all(|k| words[i + k].joined && words[i + k].text == p[k])
            });
        match hit {
            Some((p, level)) => {
                out.push(Found {
                    level: *level,
                    start: words[i].start,
                    end: words[i + p.len() - 1].end,
                });
                i += p.len();
            }
            None => i += 1,
        }
    }
    out
}

/// Whether `text` has a word that starts a phrase of near-certainty: when it has none, its
/// Markdown need not be parsed.
fn may_overstate(text: &str, lexicon: &Lexicon) -> bool {
    let firsts: Vec<&str> = (Likelihood::ALL.iter().zip(&lexicon.levels))
        .filter(|(l, _)| l.is_extreme())
        .flat_map(|(_, list)| list.iter().filter_map(|p| p.first().map(String::as_str)))
        .collect();
    if firsts.is_empty() {
        return false;
    }
    // Most bodies have none of these words: one lower-cased copy searched for each is far
    // cheaper than splitting every body into words. A hit inside a longer word only costs
    // the exact look that follows.
    if firsts.iter().all(|w| w.is_ascii()) {
        let lower = text.to_ascii_lowercase();
        return (firsts.iter())
            .any(|w| memchr::memmem::find(lower.as_bytes(), w.as_bytes()).is_some());
    }
    let mut found = false;
    tokens(text, |_, _, w| found = found || firsts.contains(&w));
    found
}

/// The help of a warning about words of `level`.
fn help(level: Likelihood) -> &'static str {
    if level == Likelihood::AlmostCertain {
        "say it as low confidence allows (likely, very likely), or raise `confidence:` if the evidence bears it out"
    } else {
        "say it as low confidence allows (unlikely, very unlikely), or raise `confidence:` if the evidence bears it out"
    }
}

fn band(level: Likelihood) -> String {
    let (lo, hi) = level.band();
    format!("{lo}–{hi}%")
}

/// Warns about each phrase of near-certainty in the Markdown body `text` of a briefing with
/// `confidence: low` (the file `path`, the body starting at file line `first_line`).
pub fn check_body(
    text: &str,
    first_line: u32,
    path: &str,
    lexicon: &Lexicon,
    diags: &mut Diagnostics,
) {
    if !may_overstate(text, lexicon) {
        return;
    }
    let found: Vec<Found> = find(text, lexicon)
        .into_iter()
        .filter(|f| f.level.is_extreme())
        .collect();
    if found.is_empty() {
        return;
    }
    let lines = crate::diagnostic::LineIndex::new(text);
    for f in found {
        let phrase = text[f.start..f.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        diags
            .warning(
                Code::EstimativeLanguage,
                path,
                lines.span(f.start, first_line),
                format!(
                    "`{phrase}` says {} ({}), but the briefing's confidence is low",
                    f.level.word(),
                    band(f.level)
                ),
            )
            .with_help(help(f.level));
    }
}

/// Warns about each judgment whose likelihood claims near-certainty while its confidence
/// (its own, else the briefing's `briefing_confidence`) is low.
pub fn check_judgments(
    judgments: &[Judgment],
    briefing_confidence: Option<Confidence>,
    path: &str,
    diags: &mut Diagnostics,
) {
    for j in judgments {
        let level = j.likelihood.value;
        let (confidence, whose) = match j.confidence {
            Some(c) => (Some(c), "its confidence"),
            None => (briefing_confidence, "the briefing's confidence"),
        };
        if level.is_extreme() && confidence == Some(Confidence::Low) {
            diags
                .warning(
                    Code::EstimativeLanguage,
                    path,
                    j.likelihood.span,
                    format!(
                        "judgment `likelihood` says {} ({}), but {whose} is low",
                        level.word(),
                        band(level)
                    ),
                )
                .with_help(help(level));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    /// Where phrase `f` of `text` starts.
    fn at(text: &str, f: &Found) -> Span {
        crate::diagnostic::LineIndex::new(text).span(f.start, 1)
    }

    fn levels(text: &str) -> Vec<(Likelihood, String, Span)> {
        let lex = Lexicon::english();
        find(text, &lex)
            .iter()
            .map(|f| (f.level, text[f.start..f.end].to_string(), at(text, f)))
            .collect()
    }

    #[test]
    fn the_longest_phrase_wins_and_words_must_be_whole() {
        let found = levels("It is very unlikely, not unlikely. Almost certainly not. Likelyhood.");
        let got: Vec<(Likelihood, &str)> = found.iter().map(|(l, s, _)| (*l, s.as_str())).collect();
        assert_eq!(
            got,
            [
                (Likelihood::VeryUnlikely, "very unlikely"),
                (Likelihood::Unlikely, "unlikely"),
                (Likelihood::AlmostNoChance, "Almost certainly not"),
            ]
        );
    }

    #[test]
    fn prose_only_across_line_breaks_and_emphasis() {
        let text = "A deal is almost\ncertain. `almost certain` and\n\n```\nalmost certain\n```\n[x](https://e.com/almost-certain) <https://almost.certain/> *almost* certain. Almost\n\ncertain.";
        let found = levels(text);
        let got: Vec<(&str, Span)> = found.iter().map(|(_, s, at)| (s.as_str(), *at)).collect();
        assert_eq!(
            got,
            [
                ("almost\ncertain", Span::new(1, 11)),
                ("almost* certain", Span::new(7, 62)),
            ]
        );
    }

    #[test]
    fn other_languages_have_no_words_until_site_yaml_gives_them() {
        let s = Settings::default();
        assert!(s.lexicon("en-GB").is_some());
        assert!(s.lexicon("fr").is_none());
        let off = Settings {
            check: false,
            ..Settings::default()
        };
        assert!(off.lexicon("en").is_none());
    }

    #[test]
    fn a_long_text_is_scanned_once() {
        let text = "almost certain words and more words. ".repeat(20_000);
        let lex = Lexicon::english();
        let start = std::time::Instant::now();
        assert_eq!(find(&text, &lex).len(), 20_000);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
