//! "Did you mean …?": the known spelling closest to a mistyped one, by edit distance.

use crate::slug::match_key;

/// The candidate closest to `typed`, compared the way references match (case, diacritics
/// and spacing ignored), if one is close enough to be a likely typo. Ties go to the
/// candidate closest in length (a slip of one letter is likelier than a missing one),
/// then to the one that sorts first, so the suggestion never depends on input order.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let known = Spellings::new(candidates.iter().copied());
    known.closest_index(typed).map(|i| candidates[i])
}

/// The candidate that `typed` is the first or last words of (`Zelenskiy` of `Volodymyr
/// Zelenskiy`, `Trump` of `Donald Trump`), compared as references match: a name written
/// short. `typed` needs 4 letters or more (`US` is no part of `US Army` worth a guess);
/// ties go to the shortest candidate, then the one that sorts first.
pub fn part_of<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let known = Spellings::new(candidates.iter().copied());
    known.part_of_index(typed).map(|i| candidates[i])
}

/// Known spellings with their match keys worked out once, for asking about many typed
/// names: transliterating every candidate again for each would make a site of thousands
/// of names and thousands of stubs spend minutes on suggestions.
pub struct Spellings {
    /// Each spelling as written, its match key, and that key's characters.
    known: Vec<(String, String, Vec<char>)>,
}

impl Spellings {
    /// The spellings of `candidates`.
    pub fn new<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Spellings {
        let known = candidates
            .into_iter()
            .map(|c| {
                let key = match_key(c);
                let chars = key.chars().collect();
                (c.to_string(), key, chars)
            })
            .collect();
        Spellings { known }
    }

    /// [`closest`] among these spellings.
    pub fn closest(&self, typed: &str) -> Option<&str> {
        self.closest_index(typed).map(|i| self.known[i].0.as_str())
    }

    /// [`part_of`] among these spellings.
    pub fn part_of(&self, typed: &str) -> Option<&str> {
        self.part_of_index(typed).map(|i| self.known[i].0.as_str())
    }

    fn closest_index(&self, typed: &str) -> Option<usize> {
        let key: Vec<char> = match_key(typed).chars().collect();
        if key.is_empty() {
            return None;
        }
        // A third of the word, at most 3 edits: "Zelenskky" finds "Zelenskyy", "EU" not "US".
        let budget = (key.len() / 3).clamp(1, 3);
        let mut best: Option<(usize, usize, &str, usize)> = None;
        for (i, (cand, _, other)) in self.known.iter().enumerate() {
            if *other == key || other.len().abs_diff(key.len()) > budget {
                continue;
            }
            let Some(d) = distance(&key, other, budget) else {
                continue;
            };
            let rank = (d, other.len().abs_diff(key.len()), cand.as_str(), i);
            if best.is_none_or(|b| rank < b) {
                best = Some(rank);
            }
        }
        best.map(|(.., i)| i)
    }

    fn part_of_index(&self, typed: &str) -> Option<usize> {
        let key = match_key(typed);
        if key.chars().filter(char::is_ascii_alphanumeric).count() < 4 {
            return None;
        }
        let (head, tail) = (format!("{key} "), format!(" {key}"));
        let mut best: Option<(usize, &str, usize)> = None;
        for (i, (cand, other, _)) in self.known.iter().enumerate() {
            if other.starts_with(&head) || other.ends_with(&tail) {
                let rank = (other.len(), cand.as_str(), i);
                if best.is_none_or(|b| rank < b) {
                    best = Some(rank);
                }
            }
        }
        best.map(|(.., i)| i)
    }
}

/// A help line for the closest candidate: "did you mean `X`?".
pub fn did_you_mean<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(typed, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// Edit distance with adjacent transpositions (optimal string alignment), or `None` once
/// it exceeds `max`.
fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let width = b.len() + 1;
    let mut prev2: Vec<usize> = vec![0; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_written_short_is_part_of_the_full_one() {
        let names = [
            "Volodymyr Zelenskiy",
            "Donald Trump",
            "US Army",
            "Donald Tusk",
        ];
        assert_eq!(part_of("zelenskiy", names), Some("Volodymyr Zelenskiy"));
        assert_eq!(part_of("Trump", names), Some("Donald Trump"));
        assert_eq!(
            part_of("Donald", names),
            Some("Donald Tusk"),
            "shortest first"
        );
        assert_eq!(part_of("US", names), None);
        assert_eq!(part_of("Zelensk", names), None, "whole words only");
    }

    #[test]
    fn finds_typos_of_names_and_aliases() {
        let names = [
            "Volodymyr Zelenskiy",
            "Zelenskyy",
            "Donald Trump",
            "zelenskiy",
        ];
        assert_eq!(closest("Zelenskky", names), Some("Zelenskyy"));
        assert_eq!(
            closest("Zelenskky", ["Zelensky", "Zelenskyy"]),
            Some("Zelenskyy")
        );
        assert_eq!(closest("Donlad Trump", names), Some("Donald Trump"));
        assert_eq!(closest("ZELENSKY", ["Zelenskyy"]), Some("Zelenskyy"));
        assert_eq!(closest("Zelénskyy", ["Zelenskyy"]), None, "already a match");
    }

    #[test]
    fn refuses_far_fetched_suggestions() {
        assert_eq!(closest("Macron", ["Zelenskyy", "Donald Trump"]), None);
        assert_eq!(closest("EU", ["USA"]), None);
        assert_eq!(closest("", ["a"]), None);
    }

    #[test]
    fn ties_go_to_the_first_in_sort_order() {
        assert_eq!(closest("cat", ["cut", "bat"]), Some("bat"));
        assert_eq!(closest("cat", ["bat", "cut"]), Some("bat"));
    }

    #[test]
    fn transpositions_count_once() {
        let a: Vec<char> = "confidnece".chars().collect();
        let b: Vec<char> = "confidence".chars().collect();
        assert_eq!(distance(&a, &b, 3), Some(1));
        assert_eq!(
            did_you_mean("titel", ["title", "date"]).as_deref(),
            Some("did you mean `title`?")
        );
    }
}
