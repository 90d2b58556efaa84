//! Every file made of a site's pictures, handed on as soon as it is ready: from a cache when
//! it holds all of a picture's files, made now otherwise. `build` writes them through its
//! cache; `serve` makes them as one generated family.

use super::{Local, SiteImages, process};
use std::collections::BTreeSet;

/// Pixels of the pictures made at once: the largest picture allowed alone (a 40-megapixel
/// JPEG peaks at about 370 MB while it is decoded and scaled), or as many smaller ones as
/// add up to it, however many cores the machine has.
const PIXELS_AT_ONCE: u64 = super::probe::MAX_PIXELS;

/// `locals` in runs of at most [`PIXELS_AT_ONCE`] pixels (at least one picture each).
fn batches<'a, 'b>(locals: &'b [&'a Local]) -> Vec<&'b [&'a Local]> {
    let mut out = Vec::new();
    let (mut start, mut pixels) = (0, 0u64);
    for (i, l) in locals.iter().enumerate() {
        let p = u64::from(l.width) * u64::from(l.height);
        if i > start && pixels + p > PIXELS_AT_ONCE {
            out.push(&locals[start..i]);
            (start, pixels) = (i, 0);
        }
        pixels += p;
    }
    if start < locals.len() {
        out.push(&locals[start..]);
    }
    out
}

/// What [`each`] did.
#[derive(Debug, Default)]
pub struct Made {
    /// Pictures made in this run.
    pub processed: usize,
    /// Pictures whose files all came from the cache.
    pub reused: usize,
    /// Pictures that could not be made, and why.
    pub failed: Vec<(Local, String)>,
    /// The output path of every file of the site's pictures.
    pub paths: BTreeSet<String>,
}

/// What a cache had of a file.
pub enum Cached {
    /// Its bytes, for `emit` to write.
    Bytes(Vec<u8>),
    /// The cache put it in place itself (linked into the output): nothing to write.
    Placed,
}

/// Hands every file of `images` to `emit` (output path, bytes, whether made now): a
/// picture's files from `cached` (by output path) when it has them all, made otherwise
/// (all of them: a file `cached` placed is then written over with the same bytes).
pub fn each(
    images: &SiteImages,
    cached: &(dyn Fn(&str) -> Option<Cached> + Sync),
    emit: &(dyn Fn(&str, &[u8], bool) + Sync),
) -> Made {
    use rayon::prelude::*;
    let mut done = Made::default();
    let locals = images.locals();
    for chunk in batches(&locals) {
        let results: Vec<Result<bool, String>> = chunk
            .par_iter()
            .map(|local| {
                let from_cache: Option<Vec<(String, Cached)>> = (local.files().into_iter())
                    .map(|v| Some((v.path.clone(), cached(&v.path)?)))
                    .collect();
                let (files, made) = match from_cache {
                    Some(files) => {
                        let bytes = files.into_iter().filter_map(|(p, c)| match c {
                            Cached::Bytes(b) => Some((p, b)),
                            Cached::Placed => None,
                        });
                        (bytes.collect(), false)
                    }
                    None => (process::files(local)?, true),
                };
                for (path, bytes) in &files {
                    emit(path, bytes, made);
                }
                Ok(made)
            })
            .collect();
        for (local, r) in chunk.iter().zip(results) {
            match r {
                Ok(true) => done.processed += 1,
                Ok(false) => done.reused += 1,
                Err(e) => done.failed.push(((*local).clone(), e)),
            }
            done.paths.extend(local.files().into_iter().map(|v| v.path));
        }
    }
    done
}

/// Every file of `images`, made now (no cache): (output path, bytes), sorted.
pub fn files(images: &SiteImages) -> (Vec<(String, Vec<u8>)>, Made) {
    let out = std::sync::Mutex::new(Vec::new());
    let done = each(images, &|_| None, &|path, bytes, _| {
        (out.lock().unwrap_or_else(|e| e.into_inner())).push((path.to_string(), bytes.to_vec()));
    });
    let mut files = out.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort();
    (files, done)
}

/// Reports each picture of `failed` as an error at the `image:` that names it.
pub fn report(failed: &[(Local, String)], diags: &mut crate::diagnostic::Diagnostics) {
    for (local, why) in failed {
        diags
            .error(
                crate::diagnostic::Code::ImageUnreadable,
                &local.owner,
                local.span,
                format!("`image:` {} does not decode: {why}", local.shown),
            )
            .with_help("open it in an image editor and save it again as PNG or JPEG");
    }
}
