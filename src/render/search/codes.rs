//! The compact encodings of the split search index, all written with the 64 characters of
//! base64url (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`), which need no escaping in JSON, in a
//! script or in a URL: lists of briefing numbers (varint gaps or a bitmap, whichever is
//! shorter) and token streams (varint ids). `search.js` decodes them; docs/data.md gives the
//! formats for other themes.

/// The 64 characters, each worth its index.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Each byte's worth in [`ALPHABET`] (0 for a byte not in it): a lookup, not a search of
/// the alphabet, since every list of a word is read back to be made a bitmap.
const WORTH: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// The first character of a list written as a bitmap (not one of [`ALPHABET`]).
pub const BITMAP: u8 = b'.';

/// Appends `n` as a varint: groups of five bits, most significant first, each character
/// carrying 32 when another follows.
pub fn push_varint(out: &mut String, n: u32) {
    let mut groups = [0u8; 7];
    let mut len = 0;
    let mut v = n;
    loop {
        groups[len] = (v & 31) as u8;
        len += 1;
        v >>= 5;
        if v == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        let more = if i > 0 { 32 } else { 0 };
        out.push(ALPHABET[(groups[i] | more) as usize] as char);
    }
}

/// A growing list of increasing briefing numbers, kept as varint gaps (each number minus
/// the one before minus one; the first is the number itself).
#[derive(Debug, Default, Clone)]
pub struct ListBuilder {
    text: String,
    last: Option<u32>,
    len: u32,
}

impl ListBuilder {
    /// Adds `n`, greater than every number before it.
    pub fn push(&mut self, n: u32) {
        let gap = match self.last {
            Some(l) => n - l - 1,
            None => n,
        };
        push_varint(&mut self.text, gap);
        self.last = Some(n);
        self.len += 1;
    }

    /// How many numbers it holds.
    /// The numbers pushed, in order.
    pub fn numbers(&self) -> Vec<u32> {
        decode_varints(&self.text)
    }

    pub fn len(&self) -> u32 {
        self.len
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The list as written in the index: the varint gaps, or `.` and a bitmap when that is
    /// shorter (common words are in most briefings).
    pub fn finish(self) -> String {
        let Some(last) = self.last else {
            return String::new();
        };
        let bitmap_len = 1 + last as usize / 6 + 1;
        if bitmap_len >= self.text.len() {
            return self.text;
        }
        let mut bits = vec![0u8; bitmap_len - 1];
        for n in decode_varints(&self.text) {
            bits[n as usize / 6] |= 1 << (n % 6);
        }
        let mut out = String::with_capacity(bitmap_len);
        out.push(BITMAP as char);
        out.extend(bits.into_iter().map(|b| ALPHABET[b as usize] as char));
        out
    }
}

/// The numbers of a list of varint gaps (for tests and for making a bitmap of one).
pub fn decode_varints(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut v: u32 = 0;
    let mut next: u32 = 0;
    for c in text.bytes() {
        let d = u32::from(WORTH[c as usize]);
        v = (v << 5) | (d & 31);
        if d & 32 == 0 {
            next += v;
            out.push(next);
            next += 1;
            v = 0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(ns: &[u32]) -> String {
        let mut b = ListBuilder::default();
        for &n in ns {
            b.push(n);
        }
        b.finish()
    }

    #[test]
    fn short_lists_are_varint_gaps() {
        assert_eq!(list(&[]), "");
        // 0, then gaps of 0 and 40 (40 = 1·32 + 8: two characters).
        assert_eq!(list(&[0, 1, 42]), "AAhI");
        assert_eq!(decode_varints("AAhI"), [0, 1, 42]);
        let big = [5, 70_000, 1_000_000];
        assert_eq!(decode_varints(&list(&big)), big);
    }

    #[test]
    fn dense_lists_are_bitmaps() {
        let all: Vec<u32> = (0..60).collect();
        let s = list(&all);
        assert_eq!(s, format!(".{}", "_".repeat(10)));
        // Briefings 0, 1, 3 and 4 of each six: bits 1, 2, 8 and 16, so `b` (27).
        let mut b = ListBuilder::default();
        for n in (0..40).filter(|n| n % 3 != 2) {
            b.push(n);
        }
        assert!(b.finish().starts_with(".bb"));
    }
}
