//! The compact encodings of the split search index, all written with the 64 characters of
//! base64url (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`), which need no escaping in JSON, in a
//! script or in a URL: lists of briefing numbers (varint deltas or a bitmap, whichever is
//! shorter) and token streams (canonical Huffman codes). `search.js` decodes them; docs/data.md
//! gives the formats for other themes.

/// The 64 characters, each worth its index.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The first character of a list written as a bitmap (not one of [`ALPHABET`]).
pub const BITMAP: u8 = b'.';

/// The longest Huffman code: `search.js` reads codes into 32-bit integers.
pub const MAX_CODE_BITS: usize = 24;

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
        let d = ALPHABET.iter().position(|&a| a == c).unwrap_or(0) as u32;
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

/// Code lengths of a canonical Huffman code for symbols whose counts are `counts`, sorted
/// from the most frequent down: returns how many codes have each length 1..=
/// [`MAX_CODE_BITS`] (index 0 unused). Symbol `i` then has a code no shorter than symbol
/// `i - 1`'s, so these counts alone let a reader decode.
pub fn huffman_lengths(counts: &[u64]) -> Vec<u32> {
    let mut per_len = vec![0u32; MAX_CODE_BITS + 1];
    match counts.len() {
        0 => return per_len,
        1 => {
            per_len[1] = 1;
            return per_len;
        }
        _ => {}
    }
    // Two queues (leaves from the rarest up, then merged nodes in the order they are
    // made): with sorted counts both stay sorted, and no heap is needed.
    let n = counts.len();
    let leaves: Vec<u64> = counts.iter().rev().map(|&c| c.max(1)).collect();
    let mut parent: Vec<usize> = vec![0; 2 * n - 1];
    let mut weight: Vec<u64> = Vec::with_capacity(n - 1);
    let (mut li, mut ni) = (0, 0);
    let take = |li: &mut usize, ni: &mut usize, weight: &Vec<u64>| -> (u64, usize) {
        let leaf = (*li < n).then(|| leaves[*li]);
        let node = (*ni < weight.len()).then(|| weight[*ni]);
        match (leaf, node) {
            (Some(l), Some(m)) if m < l => {
                *ni += 1;
                (m, n + *ni - 1)
            }
            (Some(l), _) => {
                *li += 1;
                (l, *li - 1)
            }
            (None, Some(m)) => {
                *ni += 1;
                (m, n + *ni - 1)
            }
            (None, None) => (0, 0),
        }
    };
    for k in 0..n - 1 {
        let (a, ia) = take(&mut li, &mut ni, &weight);
        let (b, ib) = take(&mut li, &mut ni, &weight);
        weight.push(a + b);
        parent[ia] = n + k;
        parent[ib] = n + k;
    }
    // Depths: the root is the last node made; a node's depth is its parent's plus one.
    let mut depth = vec![0usize; 2 * n - 1];
    for i in (0..2 * n - 2).rev() {
        depth[i] = depth[parent[i]] + 1;
    }
    let mut lens: Vec<usize> = depth[..n].to_vec();
    lens.sort_unstable();
    for l in lens {
        per_len[l.min(MAX_CODE_BITS)] += 1;
    }
    limit_lengths(&mut per_len);
    per_len
}

/// Makes the code lengths fit [`MAX_CODE_BITS`] once longer ones were cut to it: lengthens
/// shorter codes until the code is complete again (as zlib and miniz do).
fn limit_lengths(per_len: &mut [u32]) {
    let max = MAX_CODE_BITS;
    let kraft = |p: &[u32]| -> u64 { (1..=max).map(|l| u64::from(p[l]) << (max - l)).sum() };
    let mut total = kraft(per_len);
    while total > 1u64 << max {
        per_len[max] -= 1;
        for l in (1..max).rev() {
            if per_len[l] != 0 {
                per_len[l] -= 1;
                per_len[l + 1] += 2;
                break;
            }
        }
        total -= 1;
    }
}

/// The code of every symbol, from the counts of codes per length: (code, length), symbols
/// numbered in the order their counts were given.
pub fn canonical_codes(per_len: &[u32]) -> Vec<(u32, u8)> {
    let mut out = Vec::new();
    let mut code: u32 = 0;
    for (len, &count) in per_len.iter().enumerate().skip(1) {
        for _ in 0..count {
            out.push((code, len as u8));
            code += 1;
        }
        code <<= 1;
    }
    out
}

/// Bits written into base64url characters, six a character, the first bit the highest.
#[derive(Default)]
pub struct BitWriter {
    text: String,
    acc: u32,
    bits: u32,
}

impl BitWriter {
    /// Appends the `len` low bits of `code`, highest first.
    pub fn push(&mut self, code: u32, len: u8) {
        self.acc = (self.acc << len) | code;
        self.bits += u32::from(len);
        while self.bits >= 6 {
            self.bits -= 6;
            let d = (self.acc >> self.bits) & 63;
            self.text.push(ALPHABET[d as usize] as char);
        }
        self.acc &= (1 << self.bits) - 1;
    }

    /// The characters, the last one padded with zero bits.
    pub fn finish(mut self) -> String {
        if self.bits > 0 {
            let d = (self.acc << (6 - self.bits)) & 63;
            self.text.push(ALPHABET[d as usize] as char);
        }
        self.text
    }
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

    #[test]
    fn huffman_codes_are_canonical_and_complete() {
        let per_len = huffman_lengths(&[50, 20, 20, 5, 5]);
        assert_eq!(&per_len[1..5], &[1, 1, 1, 2]);
        let codes = canonical_codes(&per_len);
        assert_eq!(codes, [(0, 1), (2, 2), (6, 3), (14, 4), (15, 4)]);
        assert_eq!(huffman_lengths(&[7])[1], 1);
    }

    #[test]
    fn huffman_lengths_are_limited() {
        // Fibonacci counts make the deepest tree: 40 symbols would need 39 bits.
        let mut fib = vec![1u64, 1];
        while fib.len() < 40 {
            fib.push(fib[fib.len() - 1] + fib[fib.len() - 2]);
        }
        fib.reverse();
        let per_len = huffman_lengths(&fib);
        assert_eq!(per_len.iter().sum::<u32>(), 40);
        let kraft: f64 = (1..=MAX_CODE_BITS)
            .map(|l| f64::from(per_len[l]) / 2f64.powi(l as i32))
            .sum();
        assert!((kraft - 1.0).abs() < 1e-9, "{kraft}");
    }

    #[test]
    fn bits_fill_characters_from_the_top() {
        let mut w = BitWriter::default();
        w.push(0b1, 1);
        w.push(0b00000, 5);
        w.push(0b11, 2);
        assert_eq!(w.finish(), "gw");
    }
}
