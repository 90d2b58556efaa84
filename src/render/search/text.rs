//! The plain text of a rendered body as a reader sees it, cut into words and the gaps
//! between them: what the full-text index stores and searches.

use super::fold;
use unicode_normalization::char::is_combining_mark;

/// Whether element `name` ends a line of text (paragraphs, headings, list items, table
/// cells…): its text does not run into the next block's.
fn is_block(name: &str) -> bool {
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return false;
    };
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"p" | b"br"
            | b"li"
            | b"ul"
            | b"ol"
            | b"td"
            | b"th"
            | b"tr"
            | b"table"
            | b"div"
            | b"blockquote"
            | b"pre"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"hr"
            | b"dl"
            | b"dt"
            | b"dd"
            | b"section"
            | b"aside"
            | b"figure"
            | b"figcaption"
            | b"details"
            | b"summary"
    )
}

/// Per byte of UTF-8: 1 for an ASCII letter or digit, 0 for any other ASCII character, 2
/// for a byte of a longer character (decoded to tell).
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b >= 128 {
            2
        } else if (b as u8).is_ascii_alphanumeric() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Elements whose content is not text a reader sees.
const HIDDEN: &[&str] = &["script", "style", "template"];

/// Whether `c` is part of a word: a letter, a digit, or a combining mark on one. The
/// modifier apostrophe U+02BC is a letter to Unicode but an apostrophe to readers: it is
/// in a word only where [`fold::joins`] says an apostrophe is.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() || is_combining_mark(c)) && c != '\u{2bc}'
}

/// The term a word is indexed and searched under: folded as [`super::fold`] does, with
/// anything but letters and digits left out (`Zelénskiy` → `zelenskiy`, `м’ясо` → `мясо`).
pub fn term(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut t = super::fold(word);
    t.retain(char::is_alphanumeric);
    t
}

/// The text of a rendered body and its pieces, made in one pass over the HTML and reused
/// from one body to the next, so that a loop over many bodies allocates little.
#[derive(Default)]
pub struct BodyText {
    /// The text as a reader sees it: tags left out, character references decoded, each
    /// run of white space one space, and one line break where a block (paragraph, heading,
    /// list item, table cell…) begins or ends.
    pub text: String,
    /// Its pieces as (start, end) byte offsets, words and gaps alternating; a word's end
    /// has [`WORD`] set.
    spans: Vec<(u32, u32)>,
}

/// The bit of a span's end that marks a word.
const WORD: u32 = 1 << 31;

impl BodyText {
    /// Reads `html` (a body's text must be under 2 GiB, which the 16 MiB file limit keeps).
    pub fn read(&mut self, html: &str) {
        let mut cut = Cutter {
            text: &mut self.text,
            spans: &mut self.spans,
            word: false,
            start: 0,
            open: false,
        };
        cut.text.clear();
        cut.spans.clear();
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            Nothing,
            Text,
            Space,
            Break,
        }
        let bytes = html.as_bytes();
        let mut last = Last::Nothing;
        let mut i = 0;
        while i < bytes.len() {
            match HTML_CLASS[bytes[i] as usize] {
                TEXT_ASCII => {
                    let start = i;
                    while i < bytes.len() && HTML_CLASS[bytes[i] as usize] == TEXT_ASCII {
                        i += 1;
                    }
                    cut.ascii(&html[start..i]);
                    last = Last::Text;
                }
                SPACE => {
                    if last == Last::Text {
                        cut.push(false, ' ');
                        last = Last::Space;
                    }
                    i += 1;
                }
                AMP => {
                    let (c, len) = reference(&html[i..]).unwrap_or(('&', 1));
                    cut.push(is_word_char(c), c);
                    last = Last::Text;
                    i += len;
                }
                TAG => {
                    let (end, block) = tag(html, i);
                    i = end;
                    if block && last != Last::Nothing && last != Last::Break {
                        if last == Last::Space {
                            cut.text.pop();
                        }
                        cut.push(false, '\n');
                        last = Last::Break;
                    }
                }
                _ => {
                    let c = html[i..].chars().next().unwrap_or(' ');
                    cut.push(is_word_char(c), c);
                    last = Last::Text;
                    i += c.len_utf8();
                }
            }
        }
        while cut.text.ends_with([' ', '\n']) {
            cut.text.pop();
        }
        cut.close();
        // A trailing gap popped above may have left a span past the end.
        let len = self.text.len() as u32;
        while self.spans.last().is_some_and(|&(s, _)| s >= len) {
            self.spans.pop();
        }
        self.join_apostrophes();
    }

    /// Makes a word of a word, an apostrophe alone between it and the next word, and that
    /// word, where [`fold::joins`] says so (`м’ясо`), as [`pieces`] cuts them.
    fn join_apostrophes(&mut self) {
        let text = &self.text;
        let piece = |(start, end): (u32, u32)| &text[start as usize..(end & !WORD) as usize];
        let mut kept = 0;
        let mut i = 0;
        while i < self.spans.len() {
            let span = self.spans[i];
            // Only a gap of one apostrophe can join: `'`, or the first byte of `’` or `ʼ`.
            let lead = text.as_bytes().get(span.0 as usize).copied().unwrap_or(0);
            let maybe = matches!(lead, b'\'' | 0xe2 | 0xca) && (span.1 & !WORD) - span.0 <= 3;
            if maybe && kept > 0 && i + 1 < self.spans.len() && span.1 & WORD == 0 {
                let (before, next) = (self.spans[kept - 1], self.spans[i + 1]);
                let mut gap = piece(span).chars();
                let apostrophe = gap.next().filter(|_| gap.next().is_none());
                let last = piece(before).chars().next_back();
                let first = piece(next).chars().next();
                if before.1 & WORD != 0
                    && next.1 & WORD != 0
                    && let (Some(b), Some(a), Some(f)) = (last, apostrophe, first)
                    && fold::joins(b, a, f)
                {
                    self.spans[kept - 1].1 = next.1;
                    i += 2;
                    continue;
                }
            }
            self.spans[kept] = span;
            kept += 1;
            i += 1;
        }
        self.spans.truncate(kept);
    }

    /// The pieces: `(true, word)` and `(false, gap)`, as [`pieces`] cuts the text.
    pub fn pieces(&self) -> impl Iterator<Item = (bool, &str)> {
        let len = self.text.len() as u32;
        self.spans.iter().map(move |&(start, end)| {
            let word = end & WORD != 0;
            let end = (end & !WORD).min(len);
            (word, &self.text[start as usize..end as usize])
        })
    }
}

/// Appends text and records where its words and gaps begin and end.
struct Cutter<'a> {
    text: &'a mut String,
    spans: &'a mut Vec<(u32, u32)>,
    /// The open piece: whether it is a word, and where it starts.
    word: bool,
    start: usize,
    open: bool,
}

impl Cutter<'_> {
    /// Ends the open piece, if it holds anything.
    fn close(&mut self) {
        if self.open && self.text.len() > self.start {
            let end = self.text.len() as u32 | if self.word { WORD } else { 0 };
            self.spans.push((self.start as u32, end));
        }
        self.open = false;
    }

    /// Makes the open piece a word or a gap, from here on.
    fn enter(&mut self, word: bool) {
        if !self.open || self.word != word {
            self.close();
            self.word = word;
            self.start = self.text.len();
            self.open = true;
        }
    }

    fn push(&mut self, word: bool, c: char) {
        self.enter(word);
        self.text.push(c);
    }

    /// Appends a run of ASCII text with no space, tag or reference in it.
    fn ascii(&mut self, run: &str) {
        let base = self.text.len();
        self.text.push_str(run);
        let bytes = run.as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            let word = bytes[j].is_ascii_alphanumeric();
            if !self.open || self.word != word {
                // `close` reads the text's length: end the piece where this one starts.
                if self.open && base + j > self.start {
                    let end = (base + j) as u32 | if self.word { WORD } else { 0 };
                    self.spans.push((self.start as u32, end));
                }
                self.word = word;
                self.start = base + j;
                self.open = true;
            }
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_alphanumeric() == word {
                j += 1;
            }
        }
    }
}

const TEXT_ASCII: u8 = 0;
const SPACE: u8 = 1;
const TAG: u8 = 2;
const AMP: u8 = 3;
const OTHER: u8 = 4;

/// What each byte of HTML starts: ASCII text, white space, a tag, a character reference,
/// or (128 and up) a longer character.
const HTML_CLASS: [u8; 256] = {
    let mut t = [TEXT_ASCII; 256];
    let mut b = 128;
    while b < 256 {
        t[b] = OTHER;
        b += 1;
    }
    t[b' ' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0x0c] = SPACE;
    t[b'<' as usize] = TAG;
    t[b'&' as usize] = AMP;
    t
};

/// The tag (or comment, or hidden element) starting at `at`: where reading goes on after
/// it, and whether it begins or ends a block.
fn tag(html: &str, at: usize) -> (usize, bool) {
    if html[at..].starts_with("<!--") {
        return (
            html[at..].find("-->").map_or(html.len(), |e| at + e + 3),
            false,
        );
    }
    let Some(len) = html[at..].find('>') else {
        return (html.len(), false);
    };
    let inside = &html[at + 1..at + len];
    let closing = inside.starts_with('/');
    let name = inside
        .trim_start_matches('/')
        .split(|c: char| c.is_ascii_whitespace() || c == '/')
        .next()
        .unwrap_or("");
    let end = at + len + 1;
    if !closing && HIDDEN.iter().any(|h| name.eq_ignore_ascii_case(h)) {
        // Past its closing tag (written in lower case by the sanitiser).
        let close = format!("</{}", name.to_ascii_lowercase());
        return (
            html[end..].find(&close).map_or(html.len(), |e| end + e),
            false,
        );
    }
    (end, is_block(name))
}

/// The character reference at the start of `s` (`&amp;`, `&#233;`, `&#xE9;`; of the named
/// ones, the five pulldown-cmark writes) and its length; `None` for a bare `&`.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// The text of `html` as [`BodyText::text`] gives it.
pub fn plain_text(html: &str) -> String {
    let mut t = BodyText::default();
    t.read(html);
    t.text
}

/// The pieces of `text` in order: `(true, word)` for a run of [`is_word_char`] characters
/// (with an apostrophe inside where [`fold::joins`] says so), `(false, gap)` for a run of
/// anything else.
pub fn pieces(text: &str) -> impl Iterator<Item = (bool, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let first = text[at..].chars().next()?;
        let word = is_word_char(first);
        let mut i = at + first.len_utf8();
        let want = u8::from(word);
        while i < bytes.len() {
            let class = CLASS[bytes[i] as usize];
            if class == want {
                i += 1;
                continue;
            }
            // ASCII that ends the piece, unless an apostrophe that may join two letters.
            if class < 2 && !(word && bytes[i] == b'\'') {
                break;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            if class == 2 && is_word_char(c) == word {
                i += c.len_utf8();
                continue;
            }
            if word && fold::APOSTROPHES.contains(&c) {
                let before = text[..i].chars().next_back().unwrap_or(' ');
                let after = text[i + c.len_utf8()..].chars().next().unwrap_or(' ');
                if fold::joins(before, c, after) {
                    i += c.len_utf8();
                    continue;
                }
            }
            break;
        }
        let piece = &text[at..i];
        at = i;
        Some((word, piece))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        plain_text(html)
    }

    #[test]
    fn a_body_is_cut_as_its_text_would_be() {
        let html =
            "<p>“Kyiv&#8217;s plan”, <em>28</em>-point &amp; more.</p>\n<p>Next\n&bogus; end</p>";
        let mut t = BodyText::default();
        t.read(html);
        let fused: Vec<(bool, &str)> = t.pieces().collect();
        let text = plain_text(html);
        assert_eq!(text, "“Kyiv’s plan”, 28-point & more.\nNext &bogus; end");
        assert_eq!(fused, pieces(&text).collect::<Vec<_>>());
        t.read("<p>a </p> <p> </p>");
        assert_eq!(t.pieces().collect::<Vec<_>>(), [(true, "a")]);
    }

    #[test]
    fn blocks_end_lines_and_inline_elements_do_not() {
        let html = "<h2 id=\"x\">Kyiv</h2>\n<p>Talks &amp; <em>more</em>\n<a href=\"#\">here</a>.</p>\n\
                    <ul>\n<li>one</li>\n<li>two</li>\n</ul><table><tr><td>a</td><td>b</td></tr></table>";
        assert_eq!(text(html), "Kyiv\nTalks & more here.\none\ntwo\na\nb");
    }

    #[test]
    fn comments_scripts_and_styles_are_not_text() {
        let html = "<p>a<!-- b --> c<script>var d = \"<p>\";</script> e<style>p{}</style></p>";
        assert_eq!(text(html), "a c e");
    }

    #[test]
    fn words_and_gaps_alternate() {
        let p: Vec<(bool, &str)> = pieces("“Kyiv’s plan”, 28-point.").collect();
        assert_eq!(
            p,
            [
                (false, "“"),
                (true, "Kyiv"),
                (false, "’"),
                (true, "s"),
                (false, " "),
                (true, "plan"),
                (false, "”, "),
                (true, "28"),
                (false, "-"),
                (true, "point"),
                (false, "."),
            ]
        );
        // A combining mark stays in its word, and folds away.
        let w: Vec<&str> = pieces("Ze\u{301}lenskiy").map(|(_, s)| s).collect();
        assert_eq!(w, ["Ze\u{301}lenskiy"]);
        assert_eq!(term("Ze\u{301}lenskiy"), "zelenskiy");
        assert_eq!(term("Зеленський"), "зеленський");
    }

    #[test]
    fn an_apostrophe_joins_cyrillic_letters_only() {
        for html in [
            "<p>М'ясо, п’ять і пʼять; Kyiv's l’Élysée м' ясо ’я</p>",
            "<p>м&#39;ясо <em>п</em>’ять а'б'в</p>",
        ] {
            let mut t = BodyText::default();
            t.read(html);
            let text = plain_text(html);
            let cut: Vec<(bool, &str)> = pieces(&text).collect();
            assert_eq!(t.pieces().collect::<Vec<_>>(), cut, "{html}");
        }
        let words: Vec<String> = pieces("М'ясо, п’ять і пʼять; Kyiv's l’Élysée м' ясо")
            .filter(|(w, _)| *w)
            .map(|(_, w)| term(w))
            .collect();
        assert_eq!(
            words,
            [
                "мясо", "пять", "і", "пять", "kyiv", "s", "l", "elysee", "м", "ясо"
            ]
        );
        let w: Vec<&str> = pieces("а'б'в").map(|(_, s)| s).collect();
        assert_eq!(w, ["а'б'в"]);
    }
}
