//! What a briefing's body says about positions changing: the words an editor looks for when
//! a stance differs from the actor's earlier one ("no longer", "reversed", "had opposed").
//! Read only from the bodies of briefings whose change is not marked otherwise, and only up
//! to the first cue that answers; a live preview keeps what it read with the body.

/// The cues found in one text: a change word, and which position words it uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Cues(u8);

/// Words (by their start, lower case) that say a position moved, by their first letter.
fn change_stems(first: u8) -> &'static [&'static [u8]] {
    match first {
        b'a' => &[b"abandon"],
        b'b' => &[b"backtrack", b"backpedal"],
        b'c' => &[b"chang"],
        b'e' => &[b"earlier"],
        b'f' => &[b"flip", b"formerly"],
        b'h' => &[b"harden"],
        b'p' => &[b"previous"],
        b'r' => &[
            b"revers",
            b"revis",
            b"recant",
            b"retreat",
            b"reconsider",
            b"rethink",
            b"rethought",
        ],
        b's' => &[b"shift", b"switch", b"soften"],
        b't' => &[b"turnaround"],
        b'v' => &[b"volte"],
        _ => &[],
    }
}

/// Two-word phrases that say it, by their second word.
const CHANGE_PAIRS: &[(&[u8], &[u8])] = &[
    (b"no", b"longer"),
    (b"until", b"now"),
    (b"walked", b"back"),
    (b"walks", b"back"),
    (b"once", b"opposed"),
    (b"once", b"supported"),
];

/// The word (by its start) that mentions each position, in `model::Position::ALL` order.
const POSITION_STEMS: [(&str, &[u8]); 5] = [
    ("supports", b"support"),
    ("opposes", b"oppos"),
    ("mixed", b"mixed"),
    ("neutral", b"neutral"),
    ("unclear", b"unclear"),
];

/// Words longer than this are no cue and are not looked at.
const LONGEST: usize = 16;

const CHANGE: u8 = 1;

/// Whether a word starting with this byte (lower case) may be a cue: the first letters of
/// the stems above, of the pairs' second words and of the position words.
const MAY_START: [bool; 256] = {
    let mut t = [false; 256];
    let letters = b"abcefhlmnoprstuv";
    let mut i = 0;
    while i < letters.len() {
        t[letters[i] as usize] = true;
        i += 1;
    }
    t
};

/// Marks a word may start after (`**shifted**`, `(formerly`), skipped.
const OPENERS: [bool; 256] = {
    let mut t = [false; 256];
    let marks = b"*_([\"'";
    let mut i = 0;
    while i < marks.len() {
        t[marks[i] as usize] = true;
        i += 1;
    }
    t
};

impl Cues {
    /// The cues of `text` (HTML, Markdown or plain), any case. Words are found at the starts
    /// of lines, after spaces and after tags (a SIMD search), marks like `**` or `(` skipped; each is
    /// compared with the few cues that start with its letter. A cue glued to other
    /// punctuation (`—shifted`) is not seen, which costs at most a hint.
    pub fn of(text: &str) -> Cues {
        Cues::scan(text, 0)
    }

    /// What a briefing must say of a change from `earlier` positions: that it changed, or
    /// one of their words.
    pub fn change_from<'a>(earlier: impl IntoIterator<Item = &'a str>) -> Cues {
        let mut bits = CHANGE;
        for p in earlier {
            if let Some(i) = POSITION_STEMS.iter().position(|(w, _)| *w == p) {
                bits |= 2 << i;
            }
        }
        Cues(bits)
    }

    /// The cues of `text`, read only up to the first of these.
    pub fn read_until(self, text: &str) -> Cues {
        Cues::scan(text, self.0)
    }

    /// Whether it holds no cue.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The cues of `text`, read up to the first of `stop` (all of it when `stop` is 0).
    fn scan(text: &str, stop: u8) -> Cues {
        let b = text.as_bytes();
        let mut bits = 0u8;
        // After a space, a line break, or a tag of rendered HTML (`<p>Previously`).
        let starts =
            std::iter::once(0).chain(memchr::memchr3_iter(b' ', b'\n', b'>', b).map(|i| i + 1));
        for mut s in starts {
            let mut skipped = 0;
            while skipped < 3 && b.get(s).is_some_and(|&c| OPENERS[c as usize]) {
                s += 1;
                skipped += 1;
            }
            let Some(&c) = b.get(s) else {
                continue;
            };
            let first = c.to_ascii_lowercase();
            if !MAY_START[first as usize] {
                continue;
            }
            let len = (b[s..].iter().take(LONGEST + 1))
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            if len == 0 || len > LONGEST {
                continue;
            }
            bits |= cues_of(&b[s..s + len], || previous_word(b, s), &b[s..]);
            if bits & stop != 0 {
                break;
            }
        }
        Cues(bits)
    }

    /// Whether it says that a position changed.
    pub fn says_change(self) -> bool {
        self.0 & CHANGE != 0
    }

    /// Whether it uses the word of `position` (`supports`, `opposes` …, as front matter
    /// writes it): "had opposed", "its support".
    pub fn mentions(self, position: &str) -> bool {
        (POSITION_STEMS.iter().position(|(p, _)| *p == position))
            .is_some_and(|i| self.0 & (2 << i) != 0)
    }

    /// Both texts' cues.
    pub fn or(self, other: Cues) -> Cues {
        Cues(self.0 | other.0)
    }
}

/// The word just before the one starting at `s`, across one space or line break: empty
/// when there is none.
fn previous_word(b: &[u8], s: usize) -> &[u8] {
    let Some(end) = s.checked_sub(1) else {
        return &[];
    };
    let start = b[..end]
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    if end - start > LONGEST {
        return &[];
    }
    &b[start..end]
}

/// Whether `w` starts with `stem` (lower case), in any case.
fn starts(w: &[u8], stem: &[u8]) -> bool {
    w.len() >= stem.len() && w[..stem.len()].eq_ignore_ascii_case(stem)
}

/// The cues of word `w`, after the word `prev` gives (looked up only for a pair's second
/// word); `rest` is the text from `w` on.
fn cues_of<'a>(w: &[u8], prev: impl Fn() -> &'a [u8], rest: &[u8]) -> u8 {
    let first = w[0].to_ascii_lowercase();
    let mut bits = 0;
    if change_stems(first).iter().any(|s| starts(w, s))
        || CHANGE_PAIRS
            .iter()
            .any(|(a, b)| w.eq_ignore_ascii_case(b) && prev().eq_ignore_ascii_case(a))
        || (first == b'u' && starts(rest, b"u-turn"))
    {
        bits |= CHANGE;
    }
    for (i, (_, stem)) in POSITION_STEMS.iter().enumerate() {
        if stem[0] == first && starts(w, stem) {
            bits |= 2 << i;
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_words_and_phrases_in_any_case() {
        assert!(Cues::of("Kyiv has SHIFTED its line.").says_change());
        assert!(Cues::of("Paris no\nlonger backs it").says_change());
        assert!(Cues::of("a U-turn on Friday").says_change());
        assert!(!Cues::of("Kyiv backs the plan; no long talks.").says_change());
        assert!(!Cues::of("").says_change());
        assert!(Cues::of("Paris has **shifted** (formerly firm)").says_change());
        assert!(Cues::of("(previously, it said no)").says_change());
        assert!(Cues::of("Shifted at the start of a line").says_change());
        assert!(Cues::of("<p>Previously it said no.</p>").says_change());
        assert!(Cues::of("it <em>no\nlonger</em> backs it").says_change());
    }

    #[test]
    fn position_words_are_told_apart() {
        let c = Cues::of("Berlin had opposed the text");
        assert!(c.mentions("opposes"));
        assert!(!c.mentions("supports"));
        assert!(!c.says_change());
        assert!(Cues::of("its support").mentions("supports"));
        assert!(!c.mentions("nonsense"));
    }

    #[test]
    fn a_wanted_cue_is_found_and_others_do_not_answer() {
        let from_opposes = Cues::change_from(["opposes"]);
        assert!(
            from_opposes
                .read_until("It had opposed the plan.")
                .mentions("opposes")
        );
        assert!(from_opposes.read_until("Its line shifted.").says_change());
        assert!(
            !from_opposes
                .read_until("It supports the plan.")
                .says_change()
        );
        // Reading stops at the first wanted cue: a later one is not seen.
        let early = from_opposes.read_until("It shifted; it no longer supports it.");
        assert!(early.says_change() && !early.mentions("supports"));
    }

    #[test]
    fn very_long_words_are_skipped_not_cut() {
        let long = format!("{}changed", "x".repeat(40));
        assert!(!Cues::of(&long).says_change());
        assert!(Cues::of(&format!("{long} changed")).says_change());
    }
}
