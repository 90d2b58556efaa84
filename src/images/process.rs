//! Making a picture's files: decoded once (within the limits of [`super::probe`]), turned
//! as its EXIF says, scaled to each page width and cut to the Open Graph size, and encoded
//! without any of the original's metadata (a camera's GPS position stays behind). Each step
//! is the `image` crate's, in plain scalar code: the same picture gives the same bytes on
//! every run.

use super::{Encoding, Local, Variant, probe};
use image::{DynamicImage, ImageDecoder, ImageEncoder, imageops};
use std::io::Cursor;

/// JPEG quality: no visible loss at the sizes pages show, a third of the bytes of 95.
const JPEG_QUALITY: u8 = 82;
/// Resampling for every size: sharper than a triangle filter, a third faster than Lanczos.
const FILTER: imageops::FilterType = imageops::FilterType::CatmullRom;
/// A colour profile larger than this is dropped rather than copied into every file.
const MAX_ICC: usize = 1024 * 1024;

/// Makes every file of `local` (see [`Local::files`]): (output path, bytes), in order.
pub fn files(local: &Local) -> Result<Vec<(String, Vec<u8>)>, String> {
    let bytes = probe::read(&local.source).map_err(|r| r.explain().1)?;
    // The names were given from the bytes read when the site was loaded: a file changed
    // since would give other pictures under those names.
    if probe::hash(&bytes) != local.hash {
        return Err("the file changed while the site was being built; build again".into());
    }
    let (pixels, icc) = decode(&bytes, local.encoding)?;
    local
        .files()
        .iter()
        .map(|v| {
            Ok((
                v.path.clone(),
                encode(&resize(&pixels, v), local.encoding, &icc)?,
            ))
        })
        .collect()
}

/// Decodes `bytes` within the limits, turned as its EXIF says, into the pixels `encoding`
/// writes (8-bit RGB, or RGBA for a PNG with transparency); with its colour profile, so
/// that colours stay as the camera meant them.
fn decode(bytes: &[u8], encoding: Encoding) -> Result<(DynamicImage, Option<Vec<u8>>), String> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    reader.limits(probe::limits());
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    if decoder.total_bytes() > probe::MAX_ALLOC {
        return Err("too large to decode".into());
    }
    let icc = decoder
        .icc_profile()
        .ok()
        .flatten()
        .filter(|p| p.len() <= MAX_ICC);
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    // `DynamicImage`'s own conversions and resampling, not the generic functions: they are
    // compiled in the `image` crate, at its optimisation level (tests run in debug).
    let pixels = match (encoding, image.color().has_alpha()) {
        (Encoding::Png, true) => DynamicImage::ImageRgba8(image.into_rgba8()),
        _ => DynamicImage::ImageRgb8(image.into_rgb8()),
    };
    Ok((pixels, icc))
}

/// `pixels` at the size of `v`: scaled whole, or cut about the centre to its proportions
/// first.
fn resize(pixels: &DynamicImage, v: &Variant) -> DynamicImage {
    let (w, h) = (pixels.width(), pixels.height());
    if (w, h) == (v.width, v.height) {
        return pixels.clone();
    }
    if !v.crop {
        return pixels.resize_exact(v.width, v.height, FILTER);
    }
    // The largest part of the picture in the target's proportions, about its centre.
    let (cw, ch) = if u64::from(w) * u64::from(v.height) > u64::from(h) * u64::from(v.width) {
        let cw = (u64::from(h) * u64::from(v.width) / u64::from(v.height)) as u32;
        (cw.max(1), h)
    } else {
        let ch = (u64::from(w) * u64::from(v.height) / u64::from(v.width)) as u32;
        (w, ch.max(1))
    };
    let part = pixels.crop_imm((w - cw) / 2, (h - ch) / 2, cw, ch);
    part.resize_exact(v.width, v.height, FILTER)
}

/// `pixels` encoded as `encoding`, with the colour profile `icc`.
fn encode(
    pixels: &DynamicImage,
    encoding: Encoding,
    icc: &Option<Vec<u8>>,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let done = match encoding {
        Encoding::Png => {
            let mut enc = image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Default,
                image::codecs::png::FilterType::Adaptive,
            );
            if let Some(p) = icc {
                let _ = enc.set_icc_profile(p.clone());
            }
            pixels.write_with_encoder(enc)
        }
        Encoding::Jpeg => {
            let mut enc =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            if let Some(p) = icc {
                let _ = enc.set_icc_profile(p.clone());
            }
            pixels.write_with_encoder(enc)
        }
    };
    done.map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `w` × `h` with a gradient, written by the `image` crate.
    pub fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .expect("png");
        out
    }

    fn local_of(bytes: &[u8], dir: &std::path::Path) -> Local {
        let path = dir.join("p.png");
        std::fs::write(&path, bytes).expect("write");
        let path = path.canonicalize().expect("canonical");
        let h = probe::probe(&path).expect("probe");
        Local {
            source: path,
            shown: "content/p.png".into(),
            owner: "content/b.md".into(),
            span: crate::diagnostic::Span::FILE,
            hash: h.hash,
            encoding: h.encoding,
            width: h.width,
            height: h.height,
        }
    }

    #[test]
    fn files_have_the_sizes_their_names_say_and_the_same_bytes_every_time() {
        let dir = tempfile::tempdir().expect("tmp");
        let local = local_of(&png(1000, 500), dir.path());
        let made = files(&local).expect("made");
        let names: Vec<&str> = made.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            names,
            [
                format!("images/{}-800.png", local.hash),
                format!("images/{}-1000.png", local.hash),
                format!("images/{}-1200x630.png", local.hash),
            ]
        );
        for ((_, bytes), v) in made.iter().zip(local.files()) {
            let size = imagesize::blob_size(bytes).expect("size");
            assert_eq!((size.width as u32, size.height as u32), (v.width, v.height));
        }
        assert_eq!(files(&local).expect("again"), made);
    }

    #[test]
    fn a_file_changed_after_loading_is_not_made_under_the_old_name() {
        let dir = tempfile::tempdir().expect("tmp");
        let local = local_of(&png(40, 30), dir.path());
        std::fs::write(&local.source, png(41, 30)).expect("write");
        let err = files(&local).expect_err("changed");
        assert!(err.contains("changed"), "{err}");
    }

    #[test]
    fn per_picture_cost() {
        // A 2-megapixel picture, as a phone's photo scaled for the web: decode, three
        // sizes, encode (`cargo test --release per_picture_cost -- --nocapture`).
        let dir = tempfile::tempdir().expect("tmp");
        let img = image::RgbImage::from_fn(1800, 1200, |x, y| {
            image::Rgb([
                (x * 7 % 251) as u8,
                (y * 13 % 241) as u8,
                ((x ^ y) % 256) as u8,
            ])
        });
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
            .write_image(img.as_raw(), 1800, 1200, image::ExtendedColorType::Rgb8)
            .expect("jpeg");
        drop(img);
        let path = dir.path().join("photo.jpg");
        std::fs::write(&path, &jpeg).expect("write");
        let path = path.canonicalize().expect("canonical");
        let h = probe::probe(&path).expect("probe");
        let local = Local {
            source: path,
            shown: String::new(),
            owner: String::new(),
            span: crate::diagnostic::Span::FILE,
            hash: h.hash,
            encoding: h.encoding,
            width: h.width,
            height: h.height,
        };
        let t = std::time::Instant::now();
        let made = files(&local).expect("made");
        let bytes: usize = made.iter().map(|(_, b)| b.len()).sum();
        eprintln!(
            "per 2 MP picture: {:?}, {bytes} bytes in {} files",
            t.elapsed(),
            made.len()
        );
    }
}
