//! Social cards: the 1200×630 PNG a link shows when shared (`og:image`). Each briefing's
//! draws its title, date, the site's name and its first stances; every other page shares
//! the site's card. A card is written as SVG, drawn by resvg with the fonts the default
//! theme ships (never the system's, so every machine draws the same pixels) and named by
//! the hash of what it draws: an unchanged card keeps its file name, so a cache (and a CDN)
//! never draws or fetches it again.

use crate::i18n::{Arg, Catalog};
use crate::model::BriefingIdx;
use crate::site::Site;
use resvg::{tiny_skia, usvg};
use std::collections::BTreeSet;
use std::sync::{Arc, LazyLock};

/// Card size: the Open Graph size most sites use, which every network shows uncropped.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// Changed whenever drawing changes for the same SVG (fonts, resvg, PNG encoding), so
/// that cached cards of an older way of drawing are not reused.
const RENDERER: &str = "dossier-card-1 resvg-0.49 dejavu-2.37";
/// Stances a card shows as badges; a briefing with more says "+N".
const BADGES: usize = 3;
/// Title lines a card shows; a longer title ends in an ellipsis.
const TITLE_LINES: usize = 3;

/// One card: its name and what it draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// 16 hex digits of a stable hash of what the card says, of how it is laid out (this
    /// file) and of the renderer: the file's name.
    pub hash: String,
    /// What the card says, for `og:image:alt`.
    pub alt: String,
    text: CardText,
}

/// The text a card draws: `kicker` (the site's name) above `title`, `under` below it, and
/// a badge per stance.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CardText {
    kicker: String,
    title: String,
    under: String,
    stances: Vec<Badge>,
}

/// A stance's badge: actor, position (its keyword, which gives the colour, and the word
/// shown) and topic.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Badge {
    actor: String,
    position: &'static str,
    shown: String,
    topic: String,
}

/// A stable hash of this file's text: laying out a card is this file's code alone, so a
/// change to it renames (and so redraws) every card, while naming a card needs no SVG.
/// Every page names its card, and a build with a warm cache draws none: making each SVG
/// only to hash it was 2.5% of a 10,000-briefing build's CPU.
static LAYOUT: LazyLock<[u8; 8]> =
    LazyLock::new(|| crate::hash::stable(&[include_str!("cards.rs").as_bytes()]).to_le_bytes());

impl Card {
    fn new(text: CardText, alt: String) -> Card {
        let mut parts: Vec<&[u8]> = vec![
            RENDERER.as_bytes(),
            &LAYOUT[..],
            text.kicker.as_bytes(),
            text.title.as_bytes(),
            text.under.as_bytes(),
        ];
        // UTF-8 never holds the byte `stable` ends each part with, so no two lists of
        // parts hash alike by running into each other.
        for b in &text.stances {
            parts.extend([
                b.actor.as_bytes(),
                b.position.as_bytes(),
                b.shown.as_bytes(),
                b.topic.as_bytes(),
            ]);
        }
        Card {
            hash: format!("{:016x}", crate::hash::stable(&parts)),
            alt,
            text,
        }
    }

    /// Its drawing, as SVG.
    pub fn svg(&self) -> String {
        let t = &self.text;
        svg(&t.kicker, &t.title, &t.under, &t.stances)
    }

    /// Its output path, relative to the root.
    pub fn path(&self) -> String {
        format!("cards/{}.png", self.hash)
    }
}

/// Whether the site draws cards (`social_cards:` in site.yaml, on unless `false`).
pub fn enabled(site: &Site) -> bool {
    site.config.social_cards
}

/// The card of briefing `b`, in the words and dates of `i18n`.
pub fn briefing_card(site: &Site, i18n: &Catalog, b: BriefingIdx) -> Card {
    let r = &site.resolved;
    let br = r.briefing(b);
    let stances = (r.refs[b].stances.iter())
        .map(|s| Badge {
            actor: r.entity(s.actor).name.clone(),
            position: s.position.as_str(),
            shown: super::words::position(i18n, s.position).to_string(),
            topic: r.entity(s.topic).name.clone(),
        })
        .collect();
    let date = i18n.locale.date(br.date.date);
    let alt = i18n.fmt(
        "card_alt",
        &[
            ("title", Arg::Text(&br.title)),
            ("site", Arg::Text(&site.config.title)),
            ("date", Arg::Text(&date)),
        ],
    );
    let text = CardText {
        kicker: site.config.title.clone(),
        title: br.title.clone(),
        under: date,
        stances,
    };
    Card::new(text, alt)
}

/// The card of every page that is not a briefing: the site's name and description.
pub fn site_card(site: &Site) -> Card {
    let cfg = &site.config;
    let under = cfg.description.as_deref().unwrap_or("");
    let text = CardText {
        kicker: String::new(),
        title: cfg.title.clone(),
        under: under.to_string(),
        stances: Vec::new(),
    };
    Card::new(text, cfg.title.clone())
}

/// Briefings whose cards are made at once: bounds the SVG text held in memory.
const CHUNK: usize = 1024;

/// The colours of a position, as the default theme's light scheme shows them.
fn position_colour(position: &str) -> &'static str {
    match position {
        "supports" => "#1a7533",
        "opposes" => "#b3261e",
        "mixed" => "#8f5f00",
        "neutral" => "#565d66",
        _ => "#6a3fc0",
    }
}

/// Text for XML: the five special characters escaped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Roughly how wide `s` is at `size` pixels, in DejaVu Sans (wide characters count twice).
fn width_of(s: &str, size: f32, bold: bool) -> f32 {
    let em = if bold { 0.66 } else { 0.6 };
    unicode_width::UnicodeWidthStr::width(s) as f32 * em * size
}

/// `s` cut to fit `max` pixels, with an ellipsis when cut.
fn fit(s: &str, size: f32, bold: bool, max: f32) -> String {
    if width_of(s, size, bold) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
        if width_of(&out, size, bold) + size > max {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// `title` in lines of at most `max` pixels, at most [`TITLE_LINES`] of them.
fn wrap(title: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words = title.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let tried = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width_of(&tried, size, true) <= max {
            line = tried;
            continue;
        }
        lines.push(std::mem::take(&mut line));
        line = word.to_string();
        if lines.len() == TITLE_LINES - 1 {
            // The last line takes the rest, cut with an ellipsis.
            let rest: Vec<&str> = words.by_ref().collect();
            if !rest.is_empty() {
                line = format!("{line} {}", rest.join(" "));
            }
            break;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| fit(&l, size, true, max))
        .collect()
}

/// The card's SVG: `kicker` (the site's name) above `title`, `under` below it, and a
/// badge per stance.
fn svg(kicker: &str, title: &str, under: &str, stances: &[Badge]) -> String {
    use std::fmt::Write;
    const LEFT: f32 = 80.0;
    let max = WIDTH as f32 - 2.0 * LEFT;
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans"><rect width="{WIDTH}" height="{HEIGHT}" fill="#fbfaf7"/><rect width="16" height="{HEIGHT}" fill="#1f3b5c"/>"##
    );
    let mut y = 110.0;
    if !kicker.is_empty() {
        let k = xml(&fit(kicker, 30.0, false, max));
        let _ = write!(
            s,
            r##"<text x="{LEFT}" y="{y}" font-size="30" fill="#4a5563">{k}</text>"##
        );
        y += 100.0;
    } else {
        y += 60.0;
    }
    for line in wrap(title, 60.0, max) {
        let l = xml(&line);
        let _ = write!(
            s,
            r##"<text x="{LEFT}" y="{y}" font-size="60" font-weight="bold" fill="#14171a">{l}</text>"##
        );
        y += 74.0;
    }
    if !under.is_empty() {
        let u = xml(&fit(under, 32.0, false, max));
        let _ = write!(
            s,
            r##"<text x="{LEFT}" y="{}" font-size="32" fill="#4a5563">{u}</text>"##,
            y + 16.0
        );
    }
    let mut x = LEFT;
    let by = HEIGHT as f32 - 110.0;
    for (i, b) in stances.iter().enumerate() {
        let more = stances.len() - i;
        if i == BADGES || (more > 1 && x > LEFT + max - 120.0) {
            let _ = write!(
                s,
                r##"<text x="{x}" y="{}" font-size="26" fill="#4a5563">+{more}</text>"##,
                by + 38.0
            );
            break;
        }
        let room = LEFT + max - x - 40.0;
        let text = fit(
            &format!("{} · {} · {}", b.actor, b.shown, b.topic),
            26.0,
            false,
            room,
        );
        let w = width_of(&text, 26.0, false) + 36.0;
        let colour = position_colour(b.position);
        let t = xml(&text);
        let _ = write!(
            s,
            r##"<rect x="{x}" y="{by}" width="{w}" height="56" rx="28" fill="{colour}"/><text x="{}" y="{}" font-size="26" fill="#ffffff">{t}</text>"##,
            x + 18.0,
            by + 37.0
        );
        x += w + 16.0;
    }
    s.push_str("</svg>");
    s
}

/// The fonts of the default theme, loaded once.
static OPTIONS: LazyLock<usvg::Options<'static>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    for font in super::theme::default_fonts() {
        db.load_font_data(font.to_vec());
    }
    db.set_sans_serif_family("DejaVu Sans");
    usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    }
});

/// Draws `card` as a PNG.
pub fn draw(card: &Card) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(&card.svg(), &OPTIONS).map_err(|e| e.to_string())?;
    let mut pixmap =
        tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or_else(|| "no room for a card".to_string())?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let mut out = Vec::with_capacity(32 * 1024);
    let mut enc = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    // A card has a few dozen colours and their blends at the edges of letters (about 150):
    // as an exact palette it is a quarter of the pixels to compress and a quarter of the
    // bytes (~20 KB), with no colour changed. More colours than a palette holds (a title
    // in many scripts might) are written as they are.
    let pixels = match palette(pixmap.data()) {
        Some((colours, indices)) => {
            enc.set_color(png::ColorType::Indexed);
            enc.set_palette(colours);
            indices
        }
        // Every pixel is opaque (the background fills the card), so premultiplied RGBA is
        // plain RGBA.
        None => {
            enc.set_color(png::ColorType::Rgba);
            pixmap.data().to_vec()
        }
    };
    let mut w = enc.write_header().map_err(|e| e.to_string())?;
    w.write_image_data(&pixels).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// The RGB palette of `rgba` (in the order colours first appear) and each pixel's index in
/// it, if it has at most 256 colours.
fn palette(rgba: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut seen: crate::hash::Map<[u8; 4], u8> = Default::default();
    let mut colours: Vec<u8> = Vec::with_capacity(256 * 3);
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    // Runs of one colour are most of a card: look up only where the colour changes.
    let mut last: Option<([u8; 4], u8)> = None;
    for px in rgba.chunks_exact(4) {
        let px = [px[0], px[1], px[2], px[3]];
        let i = match last {
            Some((c, i)) if c == px => i,
            _ => {
                let i = match seen.get(&px) {
                    Some(&i) => i,
                    None => {
                        let i = u8::try_from(seen.len()).ok()?;
                        seen.insert(px, i);
                        colours.extend_from_slice(&px[..3]);
                        i
                    }
                };
                last = Some((px, i));
                i
            }
        };
        indices.push(i);
    }
    Some((colours, indices))
}

/// What [`each`] did.
#[derive(Debug, Default)]
pub struct Drawn {
    /// Cards drawn in this run (not found by `cached`).
    pub drawn: usize,
    /// Cards `cached` had.
    pub reused: usize,
    /// Cards that could not be drawn: (hash, why).
    pub failed: Vec<(String, String)>,
    /// The name of every card the site uses.
    pub hashes: BTreeSet<String>,
    /// Each briefing with a card, with its card's name, from [`each_known`] only (a build
    /// of a million briefings would hold tens of megabytes of them for nothing).
    pub names: Vec<(BriefingIdx, String)>,
}

/// What a cache had for a card.
pub enum Cached {
    /// The card's PNG, for `emit` to write.
    Bytes(Vec<u8>),
    /// The cache put the card in place itself (linked into the output): nothing to write.
    Placed,
}

/// Hands every card of the site to `emit` (hash, PNG, whether it was drawn now): taken
/// from `cached` (by hash) when there, drawn otherwise, in parallel, a chunk of briefings
/// at a time so that the cards are never all in memory.
pub fn each(
    site: &Site,
    cached: &(dyn Fn(&str) -> Option<Cached> + Sync),
    emit: &(dyn Fn(&str, &[u8], bool) + Sync),
) -> Drawn {
    each_in(site, None, cached, emit)
}

/// [`each`], but the card of a briefing whose name `known` gives is already in place: it
/// is neither made (naming a card takes most of the time a live preview spends on them
/// when none was drawn) nor handed to `emit`.
pub fn each_known(
    site: &Site,
    known: &(dyn Fn(BriefingIdx) -> Option<String> + Sync),
    cached: &(dyn Fn(&str) -> Option<Cached> + Sync),
    emit: &(dyn Fn(&str, &[u8], bool) + Sync),
) -> Drawn {
    each_in(site, Some(known), cached, emit)
}

/// [`each`], or [`each_known`] with `known`, which then also names each briefing's card.
fn each_in(
    site: &Site,
    known: Option<&(dyn Fn(BriefingIdx) -> Option<String> + Sync)>,
    cached: &(dyn Fn(&str) -> Option<Cached> + Sync),
    emit: &(dyn Fn(&str, &[u8], bool) + Sync),
) -> Drawn {
    use rayon::prelude::*;
    let mut done = Drawn::default();
    if !enabled(site) {
        return done;
    }
    let n = site.resolved.briefings.len();
    let mut from = 0;
    loop {
        let to = (from + CHUNK).min(n);
        // A briefing with a picture of its own (`image:`) shows that instead.
        let found: Vec<(BriefingIdx, Result<String, Card>)> = (from..to)
            .into_par_iter()
            .map(|i| BriefingIdx(i as u32))
            .filter(|&b| site.images.briefings[b].is_none())
            .map(|b| match known.and_then(|known| known(b)) {
                Some(name) => (b, Ok(name)),
                None => (b, Err(briefing_card(site, &site.config.i18n, b))),
            })
            .collect();
        let mut cards = Vec::new();
        for (b, card) in found {
            match card {
                Ok(name) => {
                    done.names.push((b, name.clone()));
                    done.hashes.insert(name);
                    done.reused += 1;
                }
                Err(card) => {
                    if known.is_some() {
                        done.names.push((b, card.hash.clone()));
                    }
                    cards.push(card);
                }
            }
        }
        if to == n {
            cards.push(site_card(site));
        }
        // Two briefings may draw the same card: it is made once.
        cards.retain(|c| done.hashes.insert(c.hash.clone()));
        make(&cards, cached, emit, &mut done);
        if to == n {
            return done;
        }
        from = to;
    }
}

/// Hands each of `cards` to `emit` (hash, PNG, whether it was drawn now), taken from
/// `cached` when there and drawn otherwise, in parallel; counted in `done`.
pub fn make(
    cards: &[Card],
    cached: &(dyn Fn(&str) -> Option<Cached> + Sync),
    emit: &(dyn Fn(&str, &[u8], bool) + Sync),
    done: &mut Drawn,
) {
    use rayon::prelude::*;
    let made: Vec<(usize, Option<String>)> = cards
        .par_iter()
        .map(|c| {
            let (bytes, drawn) = match cached(&c.hash) {
                Some(Cached::Placed) => return (0, None),
                Some(Cached::Bytes(bytes)) => (Ok(bytes), false),
                None => (draw(c), true),
            };
            match bytes {
                Ok(bytes) => {
                    emit(&c.hash, &bytes, drawn);
                    (usize::from(drawn), None)
                }
                Err(e) => (0, Some(e)),
            }
        })
        .collect();
    for (c, (drawn, failed)) in cards.iter().zip(made) {
        match failed {
            Some(e) => done.failed.push((c.hash.clone(), e)),
            None if drawn == 1 => done.drawn += 1,
            None => done.reused += 1,
        }
    }
}

/// Every card file of the site (output path, PNG), drawn or from `cached`.
pub fn files(
    site: &Site,
    cached: &(dyn Fn(&str) -> Option<Vec<u8>> + Sync),
) -> (Vec<(String, Vec<u8>)>, Drawn) {
    let out = std::sync::Mutex::new(Vec::new());
    let done = each(
        site,
        &|h| cached(h).map(Cached::Bytes),
        &|hash, bytes, _| {
            let file = (format!("cards/{hash}.png"), bytes.to_vec());
            out.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        },
    );
    let mut files = out.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort();
    (files, done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str, stances: &[(&str, &'static str, &str)]) -> Card {
        let text = CardText {
            kicker: "Desk".into(),
            title: title.into(),
            under: "3 Mar 2025".into(),
            stances: (stances.iter())
                .map(|&(a, p, t)| Badge {
                    actor: a.to_string(),
                    position: p,
                    shown: p.to_string(),
                    topic: t.to_string(),
                })
                .collect(),
        };
        Card::new(text, title.into())
    }

    #[test]
    fn a_card_is_a_png_of_the_open_graph_size_and_names_follow_what_it_draws() {
        let c = card(
            "Talks <resume> & \"stall\"",
            &[("Ana", "supports", "Ceasefire")],
        );
        let png = draw(&c).expect("drawn");
        assert_eq!(&png[1..4], b"PNG");
        // An exact palette: colour type 3 in the header.
        assert_eq!(png[25], 3);
        let size = imagesize::blob_size(&png).expect("size");
        assert_eq!((size.width, size.height), (1200, 630));
        // Drawing is deterministic, and the name changes with the text and only with it.
        assert_eq!(draw(&c).expect("drawn"), png);
        assert_eq!(
            c.hash,
            card(
                "Talks <resume> & \"stall\"",
                &[("Ana", "supports", "Ceasefire")]
            )
            .hash
        );
        assert_ne!(
            c.hash,
            card("Talks resume", &[("Ana", "supports", "Ceasefire")]).hash
        );
        assert_ne!(
            c.hash,
            card(
                "Talks <resume> & \"stall\"",
                &[("Ana", "opposes", "Ceasefire")]
            )
            .hash
        );
        assert_eq!(c.hash.len(), 16);
    }

    #[test]
    fn text_from_front_matter_is_escaped_and_long_titles_are_cut() {
        let long = "word ".repeat(200);
        let c = card(&long, &[("<script>", "opposes", "x\"y"); 7]);
        let svg = c.svg();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        assert_eq!(svg.matches("font-weight=\"bold\"").count(), TITLE_LINES);
        assert!(svg.contains('…'));
        assert!(svg.contains(">+4<"), "{svg}");
        draw(&c).expect("drawn");
    }

    #[test]
    fn per_card_cost() {
        let c = card(
            "Grain corridor talks resume in Istanbul as shipping insurers return",
            &[
                ("Ana", "supports", "Ceasefire"),
                ("Bo", "opposes", "Sanctions"),
            ],
        );
        draw(&c).expect("warm up");
        let n = 10;
        let t = std::time::Instant::now();
        let mut bytes = 0;
        for _ in 0..n {
            bytes = draw(&c).expect("drawn").len();
        }
        eprintln!("per card: {:?}, {bytes} bytes", t.elapsed() / n);
    }
}
