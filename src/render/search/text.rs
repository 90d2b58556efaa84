//! The plain text of a rendered body as a reader sees it, cut into words and the gaps
//! between them: what the full-text index stores and searches.

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

/// Bytes that end a run of text in HTML: a tag, or white space.
const STOPS_TEXT: [bool; 256] = {
    let mut t = [false; 256];
    let stops = b"< \n\t\r\x0c";
    let mut i = 0;
    while i < stops.len() {
        t[stops[i] as usize] = true;
        i += 1;
    }
    t
};

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

/// Whether `c` is part of a word: a letter, a digit, or a combining mark on one.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The term a word is indexed and searched under: folded as [`super::fold`] does, with
/// anything but letters and digits left out (`Zelénskiy` → `zelenskiy`).
pub fn term(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut t = super::fold(word);
    t.retain(char::is_alphanumeric);
    t
}

/// Writes the text of `html` into `out` (cleared first): tags left out, character
/// references decoded, each run of white space one space, and one line break where a block
/// (paragraph, heading, list item, table cell…) begins or ends. `scratch` is reused
/// between calls, so that a loop over many bodies allocates little.
pub fn plain_text(html: &str, scratch: &mut String, out: &mut String) {
    #[derive(PartialEq)]
    enum Last {
        Nothing,
        Text,
        Space,
        Break,
    }
    let raw = scratch;
    raw.clear();
    out.clear();
    let bytes = html.as_bytes();
    let mut last = Last::Nothing;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
                continue;
            }
            let Some(len) = html[i..].find('>') else {
                break;
            };
            let inside = &html[i + 1..i + len];
            let closing = inside.starts_with('/');
            let name = inside
                .trim_start_matches('/')
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            i += len + 1;
            if is_block(name) {
                if last == Last::Space {
                    raw.pop();
                }
                if matches!(last, Last::Text | Last::Space) {
                    raw.push('\n');
                    last = Last::Break;
                }
            } else if !closing && HIDDEN.iter().any(|h| name.eq_ignore_ascii_case(h)) {
                // Past its closing tag (written in lower case by the sanitiser).
                let close = format!("</{}", name.to_ascii_lowercase());
                i = html[i..].find(&close).map_or(bytes.len(), |e| i + e);
            }
        } else if b.is_ascii_whitespace() {
            if last == Last::Text {
                raw.push(' ');
                last = Last::Space;
            }
            i += 1;
        } else {
            let start = i;
            while i < bytes.len() && !STOPS_TEXT[bytes[i] as usize] {
                i += 1;
            }
            raw.push_str(&html[start..i]);
            last = Last::Text;
        }
    }
    while raw.ends_with([' ', '\n']) {
        raw.pop();
    }
    if raw.contains('&') {
        out.push_str(&super::unescape(raw));
    } else {
        std::mem::swap(raw, out);
    }
}

/// The pieces of `text` in order: `(true, word)` for a run of [`is_word_char`] characters,
/// `(false, gap)` for a run of anything else.
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
            } else if class < 2 {
                break;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_word_char(c) != word {
                    break;
                }
                i += c.len_utf8();
            }
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
        let (mut scratch, mut out) = (String::new(), String::new());
        plain_text(html, &mut scratch, &mut out);
        out
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
        assert_eq!(term("Зеленський"), "зеленськии");
    }
}
