//! What a picture file is, from its header alone: format, size as shown, and the hash its
//! made files are named by. Sizes are checked against the limits before any decoder sees
//! the file, so a header claiming 100,000 × 100,000 pixels is refused without allocating;
//! the decoder that reads the header gets the same limits as a second guard.

use super::Encoding;
use crate::diagnostic::Code;
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A picture file larger than this is refused: several times a camera's JPEG.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;
/// Pixels a side: past any screen or print, and every format's header can say more.
pub const MAX_SIDE: u32 = 12_000;
/// Pixels in all: a 40-megapixel camera's. Decoded at 8 bits a channel with alpha, the
/// largest picture takes 160 MB while it is made smaller.
pub const MAX_PIXELS: u64 = 40_000_000;
/// What a decoder may allocate: the largest picture at 16 bits a channel with alpha.
pub const MAX_ALLOC: u64 = MAX_PIXELS * 8;
/// Bytes read of a picture a body shows to learn its size: every format puts it near the
/// start (a JPEG after its EXIF and colour profile, under a few hundred KB).
const BODY_HEADER_BYTES: u64 = 1024 * 1024;

/// What the header of a usable picture says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// 16 hex digits: the stable hash of the bytes and [`super::RECIPE`].
    pub hash: String,
    pub encoding: Encoding,
    /// Size as shown: a JPEG's EXIF orientation applied.
    pub width: u32,
    pub height: u32,
}

/// Why a picture cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The file cannot be read.
    Unreadable(String),
    /// Not a PNG, JPEG or WebP picture, or a header its decoder refuses.
    NotAPicture(String),
    /// Over [`MAX_BYTES`].
    FileTooBig(u64),
    /// Over [`MAX_SIDE`] or [`MAX_PIXELS`].
    TooManyPixels { width: u32, height: u32 },
}

impl Refusal {
    /// Its code and what the message says after the file's name.
    pub fn explain(&self) -> (Code, String) {
        match self {
            Refusal::Unreadable(e) => (Code::ImageUnreadable, format!("cannot be read: {e}")),
            Refusal::NotAPicture(why) => (Code::ImageUnreadable, why.clone()),
            Refusal::FileTooBig(n) => (
                Code::ImageLimit,
                format!(
                    "the file is {:.1} MiB; the limit is {} MiB",
                    *n as f64 / 1_048_576.0,
                    MAX_BYTES / 1_048_576
                ),
            ),
            Refusal::TooManyPixels { width, height } => (
                Code::ImageLimit,
                format!(
                    "{width} × {height} pixels is past the limit of {MAX_SIDE} a side and {} megapixels",
                    MAX_PIXELS / 1_000_000
                ),
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> String {
        match self {
            Refusal::Unreadable(_) => "check that the file is there and can be read".into(),
            Refusal::NotAPicture(_) => {
                "save the picture as PNG (charts, maps) or JPEG (photographs)".into()
            }
            Refusal::FileTooBig(_) | Refusal::TooManyPixels { .. } => {
                "make it smaller first: pages show it at most 1600 pixels wide".into()
            }
        }
    }
}

/// Headers read so far, by file and stamp: `serve` reads a picture again only when it
/// changed. Cheap to clone (one shared table).
///
/// A stamp is the file's length and modified time. A file modified in the last few seconds
/// is read every time: a save within one tick of a coarse clock (FAT: 2 s) may keep both.
#[derive(Debug, Default, Clone)]
pub struct Memo {
    headers: Arc<Table<Result<Header, Refusal>>>,
    sizes: Arc<Table<Option<(u32, u32)>>>,
}

/// What was found of each file, by path, with the file's stamp then.
type Table<T> = Mutex<HashMap<PathBuf, (Stamp, T)>>;

impl Memo {
    /// [`probe`] of the file at the canonical path `path`, from the table when the file
    /// did not change since.
    pub fn probe(&self, path: &Path) -> Result<Header, Refusal> {
        remembered(&self.headers, path, probe)
    }

    /// [`body_size`] of the file at the canonical path `path`, from the table when the
    /// file did not change since.
    pub fn body_size(&self, path: &Path) -> Option<(u32, u32)> {
        remembered(&self.sizes, path, body_size)
    }
}

/// A file's length and modified time.
type Stamp = (u64, std::time::SystemTime);

/// How long after its modified time a file is not told apart by its stamp.
const RECENT: std::time::Duration = std::time::Duration::from_secs(3);

/// The stamp of the file at `path`; `None` when it is missing or [`RECENT`].
fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let age = std::time::SystemTime::now().duration_since(modified).ok()?;
    (age >= RECENT).then_some((meta.len(), modified))
}

/// `make(path)`, or what `table` holds for `path` when its stamp is the same.
fn remembered<T: Clone>(table: &Table<T>, path: &Path, make: impl Fn(&Path) -> T) -> T {
    let Some(now) = stamp(path) else {
        return make(path);
    };
    let held = (table.lock().unwrap_or_else(|e| e.into_inner()))
        .get(path)
        .cloned();
    if let Some((then, v)) = held
        && then == now
    {
        return v;
    }
    let v = make(path);
    (table.lock().unwrap_or_else(|e| e.into_inner())).insert(path.to_path_buf(), (now, v.clone()));
    v
}

/// Reads the picture at the canonical path `path` (never through a symlink, see
/// [`crate::confine::open`]) and checks it: at most [`MAX_BYTES`], a PNG, JPEG or WebP
/// whose header gives a size within [`MAX_SIDE`] and [`MAX_PIXELS`], and that its decoder
/// reads the header of.
pub fn probe(path: &Path) -> Result<Header, Refusal> {
    let bytes = read(path)?;
    let header = header(&bytes)?;
    Ok(Header {
        hash: hash(&bytes),
        ..header
    })
}

/// The name of the files made of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    format!(
        "{:016x}",
        crate::hash::stable(&[super::RECIPE.as_bytes(), bytes])
    )
}

/// The bytes of the picture at `path`, at most [`MAX_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, Refusal> {
    let unreadable = |e: std::io::Error| Refusal::Unreadable(e.to_string());
    let (file, len) = crate::confine::open(path).map_err(unreadable)?;
    if len > MAX_BYTES {
        return Err(Refusal::FileTooBig(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // A file that grows while it is read is still cut off at the limit.
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Refusal::FileTooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The limits every decoder of a picture gets.
pub fn limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// What `bytes` are, from the header (the hash left empty).
pub fn header(bytes: &[u8]) -> Result<Header, Refusal> {
    use image::{ImageDecoder, ImageFormat};
    let format = match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)) => f,
        Ok(other) => {
            return Err(Refusal::NotAPicture(format!(
                "is a{} {} picture, not PNG, JPEG or WebP",
                if matches!(other, ImageFormat::Avif) {
                    "n"
                } else {
                    ""
                },
                other
                    .extensions_str()
                    .first()
                    .copied()
                    .unwrap_or("other")
                    .to_uppercase()
            )));
        }
        Err(_) => {
            return Err(Refusal::NotAPicture(
                "is not a PNG, JPEG or WebP picture".into(),
            ));
        }
    };
    // The size as the header states it, read without a decoder: nothing is allocated for
    // a picture past the limits.
    let size = imagesize::blob_size(bytes)
        .map_err(|e| Refusal::NotAPicture(format!("its header cannot be read ({e})")))?;
    let (w, h) = (size.width as u64, size.height as u64);
    check_size(w, h)?;
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| Refusal::NotAPicture(format!("does not decode: {e}")))?;
    let (width, height) = decoder.dimensions();
    check_size(u64::from(width), u64::from(height))?;
    let turned = matches!(
        decoder.orientation(),
        Ok(image::metadata::Orientation::Rotate90
            | image::metadata::Orientation::Rotate270
            | image::metadata::Orientation::Rotate90FlipH
            | image::metadata::Orientation::Rotate270FlipH)
    );
    let (width, height) = if turned {
        (height, width)
    } else {
        (width, height)
    };
    let encoding = match format == ImageFormat::Png || decoder.color_type().has_alpha() {
        true => Encoding::Png,
        false => Encoding::Jpeg,
    };
    Ok(Header {
        hash: String::new(),
        encoding,
        width,
        height,
    })
}

/// Refuses a size of no pixels, or past [`MAX_SIDE`] or [`MAX_PIXELS`].
fn check_size(w: u64, h: u64) -> Result<(), Refusal> {
    if w == 0 || h == 0 {
        return Err(Refusal::NotAPicture(
            "its header says it has no pixels".into(),
        ));
    }
    if w > u64::from(MAX_SIDE) || h > u64::from(MAX_SIDE) || w * h > MAX_PIXELS {
        return Err(Refusal::TooManyPixels {
            width: u32::try_from(w).unwrap_or(u32::MAX),
            height: u32::try_from(h).unwrap_or(u32::MAX),
        });
    }
    Ok(())
}

/// The size a body's picture at the canonical path `path` is shown at, from the first
/// [`BODY_HEADER_BYTES`] of the file: any format `imagesize` knows (GIF, AVIF, SVG aside),
/// a JPEG's orientation applied. `None` when it cannot tell.
pub fn body_size(path: &Path) -> Option<(u32, u32)> {
    let (file, _) = crate::confine::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(BODY_HEADER_BYTES).read_to_end(&mut bytes).ok()?;
    let size = imagesize::blob_size(&bytes).ok()?;
    let (w, h) = (
        u32::try_from(size.width).ok()?,
        u32::try_from(size.height).ok()?,
    );
    if w == 0 || h == 0 {
        return None;
    }
    // A JPEG turned by its EXIF orientation is shown turned. The decoder reads only the
    // headers here, and refuses a picture past the limits (its size then stays as stored).
    if image::guess_format(&bytes).is_ok_and(|f| f == image::ImageFormat::Jpeg)
        && let Ok(shown) = header(&bytes)
    {
        return Some((shown.width, shown.height));
    }
    Some((w, h))
}

/// Every picture under `content/` a body may show (by its extension), with its size: read
/// in parallel through `memo`.
pub fn body_sizes(
    assets: &[crate::source::StaticFile],
    memo: &Memo,
) -> HashMap<String, (u32, u32)> {
    use rayon::prelude::*;
    const EXTENSIONS: [&str; 9] = [
        "png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "tif", "tiff",
    ];
    assets
        .par_iter()
        .filter(|a| {
            Path::new(&a.output_path)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        })
        .filter_map(|a| Some((a.output_path.clone(), memo.body_size(&a.source)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::ImageEncoder;

    /// The start of a PNG whose header says `w` × `h`, without pixels.
    fn png_header(w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        drop(enc.write_header().expect("header"));
        out
    }

    /// A JPEG of `w` × `h` whose EXIF says to turn it a quarter clockwise (orientation 6):
    /// an APP1 segment written by hand after the start marker.
    fn turned_jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([200, 40, 40]));
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .expect("jpeg");
        let tiff: &[u8] = &[
            b'M', b'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF, first IFD at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // Orientation (SHORT) = 6
            0, 0, 0, 0, // no next IFD
        ];
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(tiff);
        let len = (app1.len() + 2) as u16;
        let mut out = vec![0xff, 0xd8, 0xff, 0xe1];
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn sizes_past_the_limits_are_refused_from_the_header() {
        for (w, h) in [
            (100_000, 100_000),
            (12_001, 10),
            (10, 12_001),
            (7_000, 7_000),
        ] {
            assert_eq!(
                header(&png_header(w, h)),
                Err(Refusal::TooManyPixels {
                    width: w,
                    height: h
                }),
                "{w} × {h}"
            );
        }
        // Within the limits the size passes; the decoder, reading on to the first pixels,
        // finds there are none.
        assert!(matches!(
            header(&png_header(6_000, 6_000)),
            Err(Refusal::NotAPicture(why)) if why.starts_with("does not decode")
        ));
        assert!(matches!(
            header(b"GIF89a\x01\x00\x01\x00"),
            Err(Refusal::NotAPicture(why)) if why.contains("GIF")
        ));
        assert!(matches!(
            header(b"plain text"),
            Err(Refusal::NotAPicture(_))
        ));
    }

    #[test]
    fn a_jpeg_turned_by_its_exif_is_measured_as_shown() {
        let bytes = turned_jpeg(64, 32);
        let h = header(&bytes).expect("header");
        assert_eq!((h.width, h.height, h.encoding), (32, 64, Encoding::Jpeg));
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("turned.jpg");
        std::fs::write(&path, &bytes).expect("write");
        assert_eq!(body_size(&path), Some((32, 64)));
        std::fs::write(&path, "not a picture").expect("write");
        assert_eq!(body_size(&path), None);
    }
}
