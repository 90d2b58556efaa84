//! What a briefing's body says about positions changing: the words an editor looks for when
//! a stance differs from the actor's earlier one ("no longer", "reversed", "had opposed").
//! Read once per file when it is parsed, in one pass over its words.

/// The cues found in one text: a change word, and which position words it uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Cues(u8);

/// Words (by their start) that say a position moved.
const CHANGE_STEMS: &[&str] = &[
    "chang",
    "shift",
    "revers",
    "backtrack",
    "backpedal",
    "switch",
    "soften",
    "harden",
    "abandon",
    "revis",
    "recant",
    "retreat",
    "flip",
    "turnaround",
    "previous",
    "formerly",
    "earlier",
    "reconsider",
    "rethink",
    "rethought",
    "volte",
];

/// Two-word phrases that say it.
const CHANGE_PAIRS: &[(&str, &str)] = &[
    ("no", "longer"),
    ("u", "turn"),
    ("until", "now"),
    ("walked", "back"),
    ("walks", "back"),
    ("once", "opposed"),
    ("once", "supported"),
];

/// The word (by its start) that mentions each position, in `model::Position::ALL` order.
const POSITION_STEMS: [(&str, &str); 5] = [
    ("supports", "support"),
    ("opposes", "oppos"),
    ("mixed", "mixed"),
    ("neutral", "neutral"),
    ("unclear", "unclear"),
];

/// Words longer than this are no cue and are not looked at.
const LONGEST: usize = 16;

const CHANGE: u8 = 1;

impl Cues {
    /// The cues of `text` (Markdown or plain), any case.
    pub fn of(text: &str) -> Cues {
        let mut bits = 0u8;
        let mut prev = [0u8; LONGEST];
        let mut prev_len = usize::MAX;
        let mut word = [0u8; LONGEST];
        let mut len = 0usize;
        // One extra byte ends the last word.
        for &c in text.as_bytes().iter().chain(std::iter::once(&b' ')) {
            if c.is_ascii_alphabetic() {
                if len < LONGEST {
                    word[len] = c.to_ascii_lowercase();
                }
                len += 1;
                continue;
            }
            if len == 0 {
                continue;
            }
            if len <= LONGEST {
                let w = &word[..len];
                let p = (prev_len <= LONGEST).then(|| &prev[..prev_len]);
                bits |= cues_of(w, p);
                prev[..len].copy_from_slice(w);
                prev_len = len;
            } else {
                prev_len = usize::MAX;
            }
            len = 0;
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

fn cues_of(w: &[u8], prev: Option<&[u8]>) -> u8 {
    let mut bits = 0;
    if CHANGE_STEMS.iter().any(|s| w.starts_with(s.as_bytes()))
        || prev.is_some_and(|p| {
            CHANGE_PAIRS
                .iter()
                .any(|(a, b)| p == a.as_bytes() && w == b.as_bytes())
        })
    {
        bits |= CHANGE;
    }
    for (i, (_, stem)) in POSITION_STEMS.iter().enumerate() {
        if w.starts_with(stem.as_bytes()) {
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
    fn very_long_words_are_skipped_not_cut() {
        let long = format!("{}changed", "x".repeat(40));
        assert!(!Cues::of(&long).says_change());
        assert!(Cues::of(&format!("{long} changed")).says_change());
    }
}
