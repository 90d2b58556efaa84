//! Words already formatted, remembered per thread.
//!
//! A site says the same few hundred sentences on thousands of pages: "3 briefings", "was
//! opposed", "20 Nov 2025". Formatting each again (Fluent's resolver, ICU's date patterns,
//! escaping) cost a fifth of the time pages took to render. Each rendering thread keeps
//! what it formatted, keyed by everything the text depends on, so the answer is the same
//! as formatting again: only time changes.

use std::cell::RefCell;
use std::collections::HashMap;

/// How many texts one thread keeps before it starts again: a few megabytes at most, so
/// a site of a million distinct sentences costs time, not memory.
const MAX_ENTRIES: usize = 1 << 16;

/// What a text is keyed by, written into one reused buffer so a lookup allocates nothing.
#[derive(Default)]
pub(crate) struct Key(Vec<u8>);

impl Key {
    /// Adds a part; parts are separated so that `("ab", "c")` and `("a", "bc")` differ.
    pub(crate) fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0
            .extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        self.0.extend_from_slice(bytes);
        self
    }

    /// Adds a number.
    pub(crate) fn number(&mut self, n: i64) -> &mut Self {
        self.0.extend_from_slice(&n.to_le_bytes());
        self
    }
}

struct Table {
    texts: HashMap<Box<[u8]>, String, ahash::RandomState>,
    /// Kept between calls so that building a key does not allocate.
    spare: Vec<u8>,
}

thread_local! {
    static TABLE: RefCell<Table> = const {
        RefCell::new(Table {
            texts: HashMap::with_hasher(ahash::RandomState::with_seeds(1, 2, 3, 4)),
            spare: Vec::new(),
        })
    };
}

/// The text that `make` returns for the key `key` writes, from memory when this thread has
/// made it before. `make` may itself use the memory; a `None` is not remembered.
pub(crate) fn remember(
    key: impl FnOnce(&mut Key),
    make: impl FnOnce() -> Option<String>,
) -> Option<String> {
    let mut k = Key(TABLE.with(|t| std::mem::take(&mut t.borrow_mut().spare)));
    k.0.clear();
    key(&mut k);
    let known = TABLE.with(|t| t.borrow().texts.get(k.0.as_slice()).cloned());
    let text = match known {
        Some(text) => Some(text),
        None => {
            // `make` may come back here (a message formats a date): no borrow is held.
            let made = make();
            if let Some(text) = &made {
                TABLE.with(|t| {
                    let mut t = t.borrow_mut();
                    if t.texts.len() >= MAX_ENTRIES {
                        t.texts.clear();
                    }
                    t.texts.insert(k.0.as_slice().into(), text.clone());
                });
            }
            made
        }
    };
    TABLE.with(|t| t.borrow_mut().spare = k.0);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_key_gives_the_first_text_and_different_keys_do_not_meet() {
        let a = remember(
            |k| {
                k.part(b"ab").part(b"c");
            },
            || Some("one".into()),
        );
        let b = remember(
            |k| {
                k.part(b"ab").part(b"c");
            },
            || Some("two".into()),
        );
        let c = remember(
            |k| {
                k.part(b"a").part(b"bc");
            },
            || Some("three".into()),
        );
        assert_eq!(
            (a.as_deref(), b.as_deref(), c.as_deref()),
            (Some("one"), Some("one"), Some("three"))
        );
    }

    #[test]
    fn nothing_made_is_not_remembered_and_a_nested_use_works() {
        assert_eq!(
            remember(
                |k| {
                    k.part(b"none");
                },
                || None
            ),
            None
        );
        let outer = remember(
            |k| {
                k.part(b"outer");
            },
            || {
                remember(
                    |k| {
                        k.part(b"inner");
                    },
                    || Some("in".into()),
                )
                .map(|s| s + "!")
            },
        );
        assert_eq!(outer.as_deref(), Some("in!"));
        assert_eq!(
            remember(
                |k| {
                    k.part(b"none");
                },
                || Some("now".into())
            )
            .as_deref(),
            Some("now")
        );
    }
}
