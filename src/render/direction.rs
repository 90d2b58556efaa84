//! Which way a site's pages and a piece of text run: left to right, or right to left for
//! the languages written in Arabic, Hebrew and Thaana script. Pages get it as `dir` on
//! `<html>`; charts with a time axis are drawn mirrored on a right-to-left site.

use serde::Serialize;

/// The direction of a page or of one piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Languages written right to left (primary subtags, BCP 47): Arabic, Persian, Hebrew,
/// Urdu, Pashto, Dhivehi, Yiddish, Central Kurdish, Sindhi, Uyghur.
const RTL_LANGUAGES: [&str; 10] = ["ar", "fa", "he", "ur", "ps", "dv", "yi", "ckb", "sd", "ug"];

impl Direction {
    /// The direction of language tag `tag` (`ar`, `ar-EG`, `fa_IR`, `en`): by its primary
    /// subtag, so every regional variant runs as its language does.
    pub fn of_language(tag: &str) -> Direction {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match RTL_LANGUAGES
            .iter()
            .any(|l| l.eq_ignore_ascii_case(primary))
        {
            true => Direction::Rtl,
            false => Direction::Ltr,
        }
    }

    /// The direction of `text` by its first letter (the Unicode bidi algorithm's rule for a
    /// paragraph, as `dir="auto"` does), `otherwise` when it has no letter: for SVG text,
    /// where HTML's `dir="auto"` cannot reach.
    pub fn of_text(text: &str, otherwise: Direction) -> Direction {
        match text.chars().find(|c| c.is_alphabetic()) {
            Some(c) if is_rtl_letter(c) => Direction::Rtl,
            Some(_) => Direction::Ltr,
            None => otherwise,
        }
    }

    /// `ltr` or `rtl`, as the `dir` attribute writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }

    /// Where `x`, drawn for a left-to-right page in a drawing `width` wide, goes on a page
    /// running this way: the drawing mirrored on a right-to-left one.
    pub fn x(self, x: f64, width: f64) -> f64 {
        match self {
            Direction::Ltr => x,
            Direction::Rtl => ((width - x) * 10.0).round() / 10.0,
        }
    }

    /// The SVG `text-anchor` that puts text running this way where `ltr_anchor` puts
    /// left-to-right text (`start`: its left edge at x), for drawings that do not mirror.
    pub fn anchor_like_ltr(self, ltr_anchor: &'static str) -> &'static str {
        match (self, ltr_anchor) {
            (Direction::Rtl, "start") => "end",
            (Direction::Rtl, "end") => "start",
            (_, a) => a,
        }
    }

    /// The SVG `text-anchor` of text running this way whose `physical` edge (`left` or
    /// `right`) sits at its x: `start` is the right edge of right-to-left text.
    pub fn anchor(self, physical: Side) -> &'static str {
        match (self, physical) {
            (Direction::Ltr, Side::Left) | (Direction::Rtl, Side::Right) => "start",
            (Direction::Ltr, Side::Right) | (Direction::Rtl, Side::Left) => "end",
        }
    }
}

/// A physical edge of a drawing or of a piece of text in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// The other edge: where a left-to-right drawing's edge ends up once mirrored.
    pub fn mirrored(self, dir: Direction) -> Side {
        match (dir, self) {
            (Direction::Ltr, s) => s,
            (Direction::Rtl, Side::Left) => Side::Right,
            (Direction::Rtl, Side::Right) => Side::Left,
        }
    }
}

/// Whether `c` is a letter of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic and their presentation forms, and the historic scripts of the
/// supplementary planes' right-to-left blocks.
fn is_rtl_letter(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_languages_and_their_regional_variants() {
        for tag in [
            "ar", "ar-EG", "AR", "fa", "fa_IR", "he", "ur", "ps", "dv", "yi", "ckb", "ckb-IQ",
            "sd", "ug",
        ] {
            assert_eq!(Direction::of_language(tag), Direction::Rtl, "{tag}");
        }
        for tag in ["en", "en-GB", "fr", "uk", "ru", "de", "es", "", "arn", "h"] {
            assert_eq!(Direction::of_language(tag), Direction::Ltr, "{tag}");
        }
    }

    #[test]
    fn text_runs_the_way_of_its_first_letter() {
        let rtl = Direction::Rtl;
        assert_eq!(Direction::of_text("NATO", rtl), Direction::Ltr);
        assert_eq!(
            Direction::of_text("أوكرانيا (Ukraine)", Direction::Ltr),
            rtl
        );
        assert_eq!(Direction::of_text("2025 — שלום", Direction::Ltr), rtl);
        assert_eq!(Direction::of_text("12 (3)", rtl), rtl);
        assert_eq!(Direction::of_text("", Direction::Ltr), Direction::Ltr);
    }

    #[test]
    fn mirrored_x_and_anchors() {
        assert_eq!(Direction::Ltr.x(10.0, 100.0), 10.0);
        assert_eq!(Direction::Rtl.x(10.0, 100.0), 90.0);
        assert_eq!(Direction::Rtl.anchor(Side::Right), "start");
        assert_eq!(Direction::Ltr.anchor(Side::Right), "end");
        assert_eq!(Side::Left.mirrored(Direction::Rtl), Side::Right);
        assert_eq!(Side::Left.mirrored(Direction::Ltr), Side::Left);
        assert_eq!(Direction::Rtl.anchor_like_ltr("start"), "end");
        assert_eq!(Direction::Rtl.anchor_like_ltr("middle"), "middle");
        assert_eq!(Direction::Ltr.anchor_like_ltr("end"), "end");
    }
}
