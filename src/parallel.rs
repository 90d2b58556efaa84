//! Parallel maps that keep memory bounded when a few items are much bigger than the rest.

use rayon::prelude::*;

/// Bodies (Markdown or rendered HTML) longer than this are rendered one at a time, on the
/// calling thread, after the others: parsing takes a few hundred bytes a Markdown mark, and
/// k big files on k threads would take k times the memory of one (each thread's allocator
/// keeps what it freed, so a lock alone would not do).
pub const BIG_BODY: usize = 256 * 1024;

/// Maps `items` in parallel, except those `big` picks, which are mapped one at a time on
/// this thread; the results keep the order of `items`.
pub fn big_ones_alone<T: Sync, R: Send>(
    items: &[T],
    big: impl Fn(&T) -> bool + Sync,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let mut out: Vec<Option<R>> = items.par_iter().map(|x| (!big(x)).then(|| f(x))).collect();
    for (slot, x) in out.iter_mut().zip(items) {
        if slot.is_none() {
            *slot = Some(f(x));
        }
    }
    out.into_iter().flatten().collect()
}

/// [`big_ones_alone`] over owned items, each dropped once mapped (a body's text is freed
/// as soon as its HTML exists).
pub fn big_ones_alone_owned<T: Send, R: Send>(
    items: Vec<T>,
    big: impl Fn(&T) -> bool + Sync,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let out: Vec<Result<R, T>> = items
        .into_par_iter()
        .map(|x| if big(&x) { Err(x) } else { Ok(f(x)) })
        .collect();
    out.into_iter()
        .map(|r| match r {
            Ok(done) => done,
            Err(x) => f(x),
        })
        .collect()
}
