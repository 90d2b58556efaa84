//! `slugify` and the case- and diacritic-insensitive matching key of the content model.

/// The longest slug: a page's folder is named by it, and file systems refuse names over
/// 255 bytes (a title of Chinese characters transliterates to several times its length).
pub const MAX_SLUG: usize = 200;

/// Transliterates to ASCII, lower-cases, turns every run of other characters into one `-`
/// and trims `-`; past [`MAX_SLUG`] characters, cuts at the last word that fits. May
/// return an empty string, which callers report as an error.
pub fn slugify(s: &str) -> String {
    let ascii = transliterate(s);
    let mut out = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.len() > MAX_SLUG {
        // ASCII only, so byte positions are character positions.
        let cut = out[..=MAX_SLUG]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(MAX_SLUG);
        out.truncate(cut);
    }
    out
}

/// True for characters that take no space on screen: zero-width spaces and joiners, the
/// byte-order mark, soft hyphens, direction marks and controls, variation selectors. A name
/// is matched and slugified as it looks, so `Ali\u{200B}ce` is `Alice`.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// ASCII as written; other characters transliterated, without the apostrophes that mark
/// soft signs (`Зеленський` → `Zelenskii`, not `Zelens'kii`), and without invisible ones.
fn transliterate(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    // deunicode turns a zero-width space into a space: `Ali\u{200B}ce` would be two words.
    for c in s.chars().filter(|&c| !is_invisible(c)) {
        if c.is_ascii() {
            out.push(c);
        } else if c == '’' {
            out.push('\'');
        } else if let Some(t) = deunicode::deunicode_char(c) {
            out.extend(t.chars().filter(|&c| c != '\''));
        }
    }
    out
}

/// The key a reference is matched by: transliterated, lower-cased, whitespace collapsed.
/// `Jean-Noël Barrot`, `jean-noel barrot` and `JEAN-NOEL  BARROT` share one key.
pub fn match_key(s: &str) -> String {
    let ascii = transliterate(s);
    let mut out = String::with_capacity(ascii.len());
    for word in ascii.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_follows_the_contract() {
        assert_eq!(slugify("Jean-Noël Barrot"), "jean-noel-barrot");
        assert_eq!(slugify("Łódź"), "lodz");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("Зеленський"), "zelenskii");
        assert_eq!(slugify("../../x"), "x");
        assert_eq!(slugify("/etc/x"), "etc-x");
        assert_eq!(slugify("  --Hello,   World!-- "), "hello-world");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let slug = slugify(&long);
        assert_eq!(slug.len(), 199, "{slug}");
        assert!(slug.ends_with("word") && !slug.ends_with('-'));
        assert_eq!(slugify(&slug), slug);
        assert_eq!(slugify(&"a".repeat(300)).len(), MAX_SLUG);
        assert!(slugify(&"北京".repeat(100)).len() <= MAX_SLUG);
    }

    #[test]
    fn slugify_is_idempotent() {
        for s in ["Jean-Noël Barrot", "a--b", "Ünïcödé – test", "Αθήνα"] {
            let once = slugify(s);
            assert_eq!(slugify(&once), once);
        }
    }

    #[test]
    fn invisible_characters_neither_split_nor_join_names() {
        for hidden in [
            "Ali\u{200B}ce",
            "Al\u{200D}ice",
            "\u{FEFF}Alice",
            "Ali\u{00AD}ce",
        ] {
            assert_eq!(match_key(hidden), "alice", "{hidden:?}");
            assert_eq!(slugify(hidden), "alice", "{hidden:?}");
        }
        assert_eq!(match_key("\u{202E}ecilA"), "ecila");
        assert_ne!(match_key("Alice"), match_key("Alicia\u{200B}"));
    }

    #[test]
    fn match_key_ignores_case_and_diacritics() {
        assert_eq!(
            match_key("Jean-Noël Barrot"),
            match_key("jean-noel  barrot")
        );
        assert_ne!(match_key("Zelensky"), match_key("Zelenskyy"));
    }
}
