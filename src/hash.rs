//! The hasher of in-memory fingerprints (pages, bodies, output bytes): fast and seeded the
//! same in every run. Not for anything an attacker chooses keys of against a `HashMap`.

use std::hash::{BuildHasher, Hash, Hasher};

/// A new fingerprint hasher.
pub fn hasher() -> ahash::AHasher {
    // Fixed seeds: a fingerprint means the same thing for the whole life of a process,
    // and two runs of a benchmark hash alike.
    ahash::RandomState::with_seeds(0x0d05_5e12, 0xb41e_f1e6, 0x5eed_0001, 0x5eed_0002)
        .build_hasher()
}

/// The fingerprint of `v`.
pub fn of<T: Hash + ?Sized>(v: &T) -> u64 {
    let mut h = hasher();
    v.hash(&mut h);
    h.finish()
}

/// A hash map with the fast hasher, for keys the site's own files give (paths).
pub type Map<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;

/// FNV-1a, 64 bits, of `parts` (each followed by a separator, so that ("ab", "c") and
/// ("a", "bc") differ): the same on every machine and in every version of the program (the
/// fingerprint hasher is neither), as the name of a file kept on disk and on CDNs must be.
pub fn stable(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
