//! How search folds a word, the same at build time and in `search.js` (whose `fold` and
//! `FOLDS` repeat these rules): lower case, diacritics removed, and the variants of a
//! letter that readers type interchangeably made one, in every script the default theme
//! ships (en, fr, de, es, uk, ru, ar). Scripts are kept: `Київ` stays Cyrillic, since a
//! reader types a name in the script they know; an alias joins one script to another.
//! `tests/fixtures/search-folding.txt` holds the cases both sides are tested against.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Letters that NFD does not decompose but readers type as another letter or two, after
/// case folding: Latin ligatures and stroked letters, Greek final sigma, Arabic variants of
/// alef, yeh and teh marbuta, tatweel (a stretch, not a letter), the modifier apostrophe
/// (U+02BC, a letter to Unicode, an apostrophe to a reader). `search.js` has the same table.
pub const FOLDS: &[(char, &str)] = &[
    ('ß', "ss"),
    ('œ', "oe"),
    ('æ', "ae"),
    ('ø', "o"),
    ('ł', "l"),
    ('đ', "d"),
    ('ς', "σ"),
    ('ٱ', "ا"),
    ('ى', "ي"),
    ('ة', "ه"),
    ('\u{640}', ""),
    ('\u{2bc}', ""),
];

/// The apostrophes that join two Cyrillic letters into one word (`м'ясо`, `п’ять`).
pub const APOSTROPHES: [char; 3] = ['\'', '’', '\u{2bc}'];

/// Whether `c` is a Cyrillic letter (U+0400–U+052F but the signs and combining marks
/// U+0482–U+0489): the same ranges as `search.js`, so no property table can differ.
pub fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}')
}

/// Whether the apostrophe `a` between `before` and `after` is inside a word: between two
/// Cyrillic letters, as Ukrainian writes it. Elsewhere (`Kyiv's`, `l'Élysée`) it separates
/// words, so that `Kyiv's` is found by `kyiv`.
pub fn joins(before: char, a: char, after: char) -> bool {
    APOSTROPHES.contains(&a) && is_cyrillic_letter(before) && is_cyrillic_letter(after)
}

/// `s` folded for search: each character lower-cased, decomposed (NFD), `и` with a breve
/// made `й` again (a letter of its own in Ukrainian and Russian, not `и` with a mark), every
/// other combining mark removed (accents, Cyrillic `ё`→`е` and `ї`→`і`, Arabic harakat and
/// the hamza of `أ إ آ ؤ ئ`), then [`FOLDS`] and Arabic-Indic digits made ASCII.
/// Linear: one pass, NFD's reordering of a run of marks aside (a sort).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars().flat_map(char::to_lowercase).nfd() {
        let after = prev;
        prev = c;
        if is_combining_mark(c) {
            if c == '\u{306}' && after == 'и' {
                out.pop();
                out.push('й');
            }
            continue;
        }
        match c {
            '\u{660}'..='\u{669}' => out.push(char::from(b'0' + (c as u32 - 0x660) as u8)),
            '\u{6f0}'..='\u{6f9}' => out.push(char::from(b'0' + (c as u32 - 0x6f0) as u8)),
            _ => match FOLDS.iter().find(|(from, _)| *from == c) {
                Some((_, to)) => out.push_str(to),
                None => out.push(c),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_of_their_own_stay_and_variants_meet() {
        assert_eq!(fold("Зеленський"), "зеленський");
        assert_eq!(fold("И\u{306}"), "й");
        assert_eq!(fold("ЇЖАК Ёлка"), "іжак елка");
        assert_eq!(fold("Straße ŒUVRE Łódź"), "strasse oeuvre lodz");
        assert_eq!(fold("أَحْمَد إلى آخر"), "احمد الي اخر");
        assert_eq!(fold("مـــدرسة ٢٠٢٥ ۱۹"), "مدرسه 2025 19");
    }

    #[test]
    fn long_runs_of_marks_and_tatweels_fold_in_linear_time() {
        // A quadratic pass would take minutes on these; a linear one, milliseconds.
        let marks = format!("a{}", "\u{301}\u{316}".repeat(50_000));
        assert_eq!(fold(&marks), "a");
        let stretch = "\u{640}".repeat(1_000_000);
        assert_eq!(fold(&stretch), "");
        let breves = "и\u{306}".repeat(100_000);
        assert_eq!(fold(&breves).chars().count(), 100_000);
    }
}
