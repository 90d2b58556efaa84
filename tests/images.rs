//! Pictures: a briefing's `image:` is shown at the top of its page in the theme's widths
//! and shared at the Open Graph size; every problem with it is named at the value; hostile
//! files are refused without being decoded or read through; builds are byte-identical and
//! a second one makes nothing; `serve` makes what a clean build does; body pictures carry
//! their width and height.

mod common;
use common::*;
use image::ImageEncoder;
use std::path::Path;

/// A PNG of `w` × `h`: a gradient, so that every size made of it differs.
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 120])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("png");
    out
}

/// A JPEG of `w` × `h`.
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, 90, (y % 256) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("jpeg");
    out
}

/// The start of a PNG whose header says it is `w` × `h`, and no pixels: what a
/// decompression bomb shows a reader before it is decoded.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let writer = enc.write_header().expect("header");
        drop(writer);
    }
    out
}

fn put(site: &TestSite, rel: &str, bytes: &[u8]) {
    let p = site.root().join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, bytes).expect("write");
}

/// A briefing with the front matter lines `extra` (line 4 onwards).
fn briefing(extra: &str) -> String {
    format!("---\ntitle: Talks resume\ndate: 2024-03-01\n{extra}---\nBody.\n")
}

/// `dossier ARGS --root ROOT`, the picture cache in `cache` (None: the site's own).
fn run_with_cache(site: &TestSite, args: &[&str], cache: Option<&Path>) -> Run {
    let mut cmd = assert_cmd::Command::cargo_bin("dossier").expect("binary");
    cmd.args(args).arg("--root").arg(site.root());
    match cache {
        Some(dir) => cmd.env("DOSSIER_CACHE_DIR", dir),
        None => cmd.env_remove("DOSSIER_CACHE_DIR"),
    };
    Run::from(cmd.output().expect("run"))
}

/// The value of `<meta property="NAME" content="…">` (or `name="NAME"`).
fn meta(page: &str, name: &str) -> Option<String> {
    let at = page
        .find(&format!("property=\"{name}\" content=\""))
        .or_else(|| page.find(&format!("name=\"{name}\" content=\"")))?;
    let rest = &page[at..];
    let rest = &rest[rest.find("content=\"")? + 9..];
    Some(rest[..rest.find('"')?].to_string())
}

/// The `<img …>` tag of the page's picture.
fn picture_img(page: &str) -> String {
    let at = page
        .find("<figure class=\"picture\"><img")
        .expect("picture");
    let rest = &page[at + 24..];
    rest[..=rest.find('>').expect("closed")].to_string()
}

/// Width and height of an output file.
fn size_of(site: &TestSite, rel: &str) -> (usize, usize) {
    let s = imagesize::size(site.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    (s.width, s.height)
}

fn map_site() -> TestSite {
    let site = TestSite::new(&[(
        "content/briefings/talks.md",
        &briefing("image: map.png\nalt: \"Front line <north> & south\"\n"),
    )]);
    put(&site, "content/briefings/map.png", &png(2000, 1000));
    site
}

#[test]
fn a_picture_is_shown_in_the_theme_widths_and_shared_at_the_open_graph_size() {
    let site = map_site();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/talks/index.html");
    let og = meta(&page, "og:image").expect("og:image");
    let hash = og
        .strip_prefix("https://example.org/images/")
        .and_then(|n| n.strip_suffix("-1200x630.png"))
        .unwrap_or_else(|| panic!("{og}"))
        .to_string();
    assert_eq!(hash.len(), 16, "{og}");
    let img = picture_img(&page);
    assert_eq!(
        img,
        format!(
            "<img src=\"../../images/{hash}-800.png\" alt=\"Front line &lt;north&gt; &amp; south\" width=\"800\" height=\"400\" \
             srcset=\"../../images/{hash}-800.png 800w, ../../images/{hash}-1600.png 1600w\" \
             sizes=\"(min-width: 44rem) 42rem, calc(100vw - 2rem)\" decoding=\"async\">"
        )
    );
    // The files are there at the sizes the page says.
    assert_eq!(
        size_of(&site, &format!("images/{hash}-800.png")),
        (800, 400)
    );
    assert_eq!(
        size_of(&site, &format!("images/{hash}-1600.png")),
        (1600, 800)
    );
    assert_eq!(
        size_of(&site, &format!("images/{hash}-1200x630.png")),
        (1200, 630)
    );
    for (name, want) in [
        ("og:image:type", "image/png"),
        ("og:image:width", "1200"),
        ("og:image:height", "630"),
        ("og:image:alt", "Front line &lt;north&gt; &amp; south"),
        ("twitter:image:alt", "Front line &lt;north&gt; &amp; south"),
        ("twitter:card", "summary_large_image"),
    ] {
        assert_eq!(meta(&page, name).as_deref(), Some(want), "{name}");
    }
    assert!(
        page.contains(&format!(
            "\"image\":[\"https://example.org/images/{hash}-1600.png\",\"https://example.org/images/{hash}-1200x630.png\"]"
        )),
        "JSON-LD image"
    );
    // The briefing shows its picture, not a card; the site's card stays for other pages.
    let cards: Vec<_> = std::fs::read_dir(site.out().join("cards"))
        .expect("cards")
        .collect();
    assert_eq!(cards.len(), 1);
    assert!(meta(&site.page("index.html"), "og:image").is_some_and(|u| u.contains("/cards/")));
}

#[test]
fn jpeg_from_static_and_remote_addresses() {
    let site = TestSite::new(&[
        (
            "content/briefings/photo.md",
            &briefing("image: /photos/port.jpg\nalt: The port at dawn\n"),
        ),
        (
            "content/briefings/remote.md",
            &briefing("slug: remote\nimage: https://cdn.example.net/a.jpg\nalt: A crane\n"),
        ),
        (
            "content/actors/ana.md",
            "---\nname: Ana\nimage: ana.png\nalt: Ana at the podium\n---\nA minister.\n",
        ),
    ]);
    put(&site, "static/photos/port.jpg", &jpeg(640, 480));
    put(&site, "content/actors/ana.png", &png(300, 400));
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A JPEG narrower than the page's widths is made at its own width, never enlarged.
    let page = site.page("briefings/photo/index.html");
    let img = picture_img(&page);
    assert!(
        img.contains("-640.jpg\" alt=\"The port at dawn\" width=\"640\" height=\"480\""),
        "{img}"
    );
    assert!(!img.contains("srcset"), "one size needs no srcset: {img}");
    let og = meta(&page, "og:image").expect("og");
    assert!(og.ends_with("-1200x630.jpg"), "{og}");
    assert_eq!(meta(&page, "og:image:type").as_deref(), Some("image/jpeg"));
    let rel = og.trim_start_matches("https://example.org/");
    assert_eq!(size_of(&site, rel), (1200, 630));
    // An address elsewhere is used as written: not fetched, so no size to state.
    let page = site.page("briefings/remote/index.html");
    assert_eq!(
        picture_img(&page),
        "<img src=\"https://cdn.example.net/a.jpg\" alt=\"A crane\" decoding=\"async\">"
    );
    assert_eq!(
        meta(&page, "og:image").as_deref(),
        Some("https://cdn.example.net/a.jpg")
    );
    assert_eq!(meta(&page, "og:image:width"), None);
    assert_eq!(meta(&page, "og:image:type"), None);
    // A profile's picture is on its page and in its link previews.
    let page = site.page("actors/ana/index.html");
    assert!(picture_img(&page).contains("alt=\"Ana at the podium\" width=\"300\" height=\"400\""));
    assert!(meta(&page, "og:image").is_some_and(|u| u.ends_with("-1200x630.png")));
}

#[test]
fn each_problem_is_named_at_the_image_value() {
    let site = TestSite::new(&[
        (
            "content/briefings/a.md",
            &briefing("image: front-mpa.png\nalt: Map\n"),
        ),
        (
            "content/briefings/b.md",
            &briefing("slug: b\nimage: ../../../etc/passwd\nalt: x\n"),
        ),
        (
            "content/briefings/c.md",
            &briefing("slug: c\nimage: notes.jpg\nalt: x\n"),
        ),
        (
            "content/briefings/d.md",
            &briefing("slug: d\nimage: bomb.png\nalt: x\n"),
        ),
        (
            "content/briefings/e.md",
            &briefing("slug: e\nimage: front-map.png\n"),
        ),
        ("content/briefings/f.md", &briefing("slug: f\nalt: A map\n")),
        (
            "content/briefings/g.md",
            &briefing("slug: g\nimage: huge.jpg\nalt: x\n"),
        ),
        (
            "content/briefings/h.md",
            &briefing("slug: h\nimage: data:image/png;base64,AAAA\nalt: x\n"),
        ),
        (
            "content/briefings/notes.jpg",
            "This is text, not a picture.\n",
        ),
    ]);
    put(&site, "content/briefings/front-map.png", &png(64, 32));
    put(
        &site,
        "content/briefings/bomb.png",
        &png_header(100_000, 100_000),
    );
    // 21 MiB, sparse: refused by its length before a byte is read.
    let huge =
        std::fs::File::create(site.root().join("content/briefings/huge.jpg")).expect("create");
    huge.set_len(21 * 1024 * 1024).expect("set_len");
    let before_build = site.build();
    assert_eq!(before_build.code, 1, "{}", before_build.stderr);
    let diags = before_build.diagnostics();
    let want = [
        "content/briefings/a.md:4:8: error: `image: front-mpa.png`: there is no file content/briefings/front-mpa.png",
        "content/briefings/b.md:5:8: error: `image: ../../../etc/passwd` leads out of content/: a picture must be a file of the site",
        "content/briefings/c.md:5:8: error: `image:` content/briefings/notes.jpg: is not a PNG, JPEG or WebP picture",
        "content/briefings/d.md:5:8: error: `image:` content/briefings/bomb.png: 100000 × 100000 pixels is past the limit of 12000 a side and 40 megapixels",
        "content/briefings/e.md:5:8: warning: `image:` without `alt:`: screen readers have nothing to say for the picture",
        "content/briefings/f.md:5:6: warning: `alt:` without `image:`: there is no picture for it to describe",
        "content/briefings/g.md:5:8: error: `image:` content/briefings/huge.jpg: the file is 21.0 MiB; the limit is 20 MiB",
        "content/briefings/h.md:5:8: error: `image: data:image/png;base64,AAAA`: a picture is a file of the site or an http(s) address, not a `data:` one",
    ];
    for w in want {
        assert!(diags.contains(&w), "missing {w}\nin {diags:#?}");
    }
    assert!(
        before_build
            .stderr
            .contains("= help: did you mean `front-map.png`?"),
        "{}",
        before_build.stderr
    );
    // Codes, for `dossier explain`.
    for code in ["D081", "D082", "D083", "D084", "D085"] {
        assert!(
            before_build.stderr.contains(&format!("code: {code}")),
            "{code}"
        );
    }
    // `check` says the same, without decoding anything.
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1);
    for w in want {
        assert!(check.diagnostics().contains(&w), "check misses {w}");
    }
    assert!(!site.out().exists(), "a failed build writes nothing");
}

#[test]
fn a_picture_that_does_not_decode_fails_the_build_at_its_value() {
    // A true PNG header and the start of its pixels, cut off: only decoding finds it.
    let mut cut = png(400, 300);
    cut.truncate(cut.len() / 2);
    let site = TestSite::new(&[(
        "content/briefings/a.md",
        &briefing("image: cut.png\nalt: x\n"),
    )]);
    put(&site, "content/briefings/cut.png", &cut);
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    let line = r
        .diagnostics()
        .into_iter()
        .find(|l| l.starts_with("content/briefings/a.md:4:8: error: `image:` content/briefings/cut.png does not decode:"));
    assert!(line.is_some(), "{}", r.stderr);
    assert!(r.stderr.contains("code: D082"));
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_site_is_never_read() {
    let site = TestSite::new(&[(
        "content/briefings/a.md",
        &briefing("image: secret.png\nalt: x\n"),
    )]);
    std::os::unix::fs::symlink(
        "/etc/passwd",
        site.root().join("content/briefings/secret.png"),
    )
    .expect("symlink");
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    let diags = r.diagnostics();
    assert!(
        diags.contains(&"content/briefings/a.md:4:8: error: `image: secret.png`: there is no file content/briefings/secret.png"),
        "{diags:#?}"
    );
    assert!(
        diags.iter().any(|d| d.starts_with(
            "content/briefings/secret.png:1:1: warning: symlink points outside the site"
        )),
        "{diags:#?}"
    );
    assert!(!site.out().exists());
}

#[test]
fn builds_are_byte_identical_and_a_second_one_makes_nothing() {
    let site = map_site();
    put(&site, "static/photo.jpg", &jpeg(1800, 1200));
    site.write(
        "content/briefings/photo.md",
        &briefing("slug: photo\nimage: /photo.jpg\nalt: A photograph\n"),
    );
    let (a, b) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    let first = run_with_cache(&site, &["build", "--timings"], Some(a.path()));
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first
            .stderr
            .contains("pictures: 2 processed, 0 from the cache"),
        "{}",
        first.stderr
    );
    let one = snapshot(&site.out());
    // Made again from nothing, with another cache: the same bytes.
    let again = run_with_cache(&site, &["build", "--timings"], Some(b.path()));
    assert!(
        again
            .stderr
            .contains("pictures: 2 processed, 0 from the cache"),
        "{}",
        again.stderr
    );
    assert!(one == snapshot(&site.out()), "two builds differ");
    // With the first cache: nothing is made, and nothing differs.
    let cached = run_with_cache(&site, &["build", "--timings"], Some(a.path()));
    assert!(
        cached
            .stderr
            .contains("pictures: 0 processed, 2 from the cache"),
        "{}",
        cached.stderr
    );
    assert!(
        one == snapshot(&site.out()),
        "a build from the cache differs"
    );
    // Taken from the cache by a hard link (same file system here), and whole when it goes.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let made = std::fs::read_dir(site.out().join("images")).expect("images");
        let first = made
            .map(|e| e.expect("entry").path())
            .next()
            .expect("a file");
        assert_eq!(
            std::fs::metadata(&first).expect("meta").nlink(),
            2,
            "{first:?}"
        );
    }
    let kept = tempfile::tempdir().expect("tmp");
    copy_dir(a.path(), kept.path());
    std::fs::remove_dir_all(a.path().join("images")).expect("cache removed");
    assert!(
        one == snapshot(&site.out()),
        "removing the cache changed the output"
    );
    copy_dir(kept.path(), a.path());
    // A picture no page names any more leaves the cache after a good build.
    site.write("content/briefings/photo.md", &briefing("slug: photo\n"));
    let r = run_with_cache(&site, &["build", "--timings"], Some(a.path()));
    assert!(
        r.stderr.contains("pictures: 0 processed, 1 from the cache"),
        "{}",
        r.stderr
    );
    let left: Vec<String> = std::fs::read_dir(a.path().join("images"))
        .expect("cache")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 3, "{left:?}");
    assert!(left.iter().all(|n| n.ends_with(".png")), "{left:?}");
}

#[test]
fn body_pictures_of_the_site_carry_their_size() {
    let body = "![A map](map.png)\n\n![Elsewhere](https://example.net/x.png)\n\n![Not one](notes.png)\n\n![Taken](photo.jpg)\n*A caption.* Credit\n";
    let site = TestSite::new(&[
        (
            "content/briefings/a.md",
            &format!("---\ntitle: A\ndate: 2024-03-01\n---\n{body}"),
        ),
        ("content/briefings/notes.png", "text\n"),
    ]);
    put(&site, "content/briefings/map.png", &png(300, 200));
    put(&site, "content/briefings/photo.jpg", &jpeg(120, 90));
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/a/index.html");
    for want in [
        "<img src=\"../../briefings/map.png\" alt=\"A map\" width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\">",
        "<img src=\"https://example.net/x.png\" alt=\"Elsewhere\" loading=\"lazy\" decoding=\"async\">",
        "<img src=\"../../briefings/notes.png\" alt=\"Not one\" loading=\"lazy\" decoding=\"async\">",
        "<figure><img src=\"../../briefings/photo.jpg\" alt=\"Taken\" width=\"120\" height=\"90\" loading=\"lazy\" decoding=\"async\">",
    ] {
        assert!(page.contains(want), "{want}\nnot in\n{}", main_of(&page));
    }
}

#[test]
fn serve_makes_what_a_clean_build_does_as_pictures_change() {
    use dossier::incremental::{Changes, Engine};
    use dossier::pipeline::{self, Options};
    let site = map_site();
    site.write("content/briefings/other.md", &briefing("slug: other\n"));
    let root = site.root().to_path_buf();
    let opts = |out: Option<std::path::PathBuf>| Options {
        root: root.clone(),
        output: out,
        base_url: None,
        drafts: false,
        schedule: common::schedule(),
    };
    let live = root.join("live");
    let mut engine = Engine::new(&opts(None), &live).expect("engine");
    assert_eq!(engine.build_all().expect("build").errors, 0);
    type Edit<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let steps: [Edit; 4] = [
        // The same name, another picture: new files, the old ones gone.
        (
            "replaced",
            Box::new(|| put(&site, "content/briefings/map.png", &png(900, 700))),
        ),
        // Another briefing takes a picture (and loses its card).
        (
            "added",
            Box::new(|| {
                site.write(
                    "content/briefings/other.md",
                    &briefing("slug: other\nimage: map.png\nalt: Same map\n"),
                )
            }),
        ),
        // A body picture's file changes size.
        (
            "body",
            Box::new(|| {
                put(&site, "content/briefings/inline.png", &png(50, 40));
                site.write(
                    "content/briefings/other.md",
                    &briefing("slug: other\n").replace("Body.", "![x](inline.png)"),
                );
            }),
        ),
        (
            "resized",
            Box::new(|| put(&site, "content/briefings/inline.png", &png(60, 40))),
        ),
    ];
    for (step, (name, edit)) in steps.iter().enumerate() {
        edit();
        let changes = Changes {
            paths: [
                root.join("content/briefings/map.png"),
                root.join("content/briefings/other.md"),
                root.join("content/briefings/inline.png"),
            ]
            .into_iter()
            .collect(),
            rescan: false,
        };
        let out = engine.rebuild(&changes).expect("rebuild");
        assert_eq!(out.errors, 0, "{name}: {:?}", out.diagnostics);
        let clean = root.join(format!("clean-{step}"));
        let r = pipeline::build(&opts(Some(clean.clone()))).expect("clean build");
        assert_eq!(r.errors, 0, "{name}");
        let (a, b) = (snapshot(&live), snapshot(&clean));
        let differ: Vec<&String> = a
            .keys()
            .chain(b.keys())
            .filter(|k| a.get(*k) != b.get(*k))
            .collect();
        assert!(differ.is_empty(), "{name}: files differ: {differ:?}");
    }
    let page = std::fs::read_to_string(live.join("briefings/other/index.html")).expect("page");
    assert!(
        page.contains("width=\"60\" height=\"40\""),
        "{}",
        main_of(&page)
    );
}

#[test]
fn an_embargoed_briefings_picture_waits_with_it() {
    let site = TestSite::new(&[
        (
            "content/briefings/2026-12-02-accord.md",
            "---\ntitle: Accord\npublish_at: 2026-12-05T09:00:00Z\nimage: quarzite-table.png\nalt: The table\n---\nBody.\n",
        ),
        (
            "content/briefings/2026-12-01-talks.md",
            "---\ntitle: Talks\nimage: /shared-map.png\nalt: Where they met\n---\nBody.\n",
        ),
        (
            "content/briefings/2026-12-02-later.md",
            "---\ntitle: Later\npublish_at: 2026-12-05T09:00:00Z\nimage: ../shared-map.png\nalt: Map\n---\nBody.\n",
        ),
    ]);
    put(&site, "content/briefings/quarzite-table.png", &png(90, 60));
    put(&site, "content/shared-map.png", &png(70, 50));
    let build = |args: &[&str]| {
        let mut cmd = assert_cmd::Command::cargo_bin("dossier").expect("binary");
        cmd.args(args)
            .arg("--root")
            .arg(site.root())
            .env("DOSSIER_NOW", "2026-12-03T12:00:00Z");
        Run::from(cmd.output().expect("run"))
    };
    let r = build(&["build", "--timings"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Neither its file nor any size of it: one picture made, the published one's.
    assert!(!site.out().join("briefings/quarzite-table.png").exists());
    assert!(r.stderr.contains("pictures: 1 processed"), "{}", r.stderr);
    let made: Vec<_> = std::fs::read_dir(site.out().join("images"))
        .expect("images")
        .collect();
    assert_eq!(
        made.len(),
        2,
        "the 70-pixel map at its width and the Open Graph size"
    );
    // A file a published briefing shows too stays.
    assert!(site.out().join("shared-map.png").is_file());
    let r = build(&["build", "--future", "--timings"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.out().join("briefings/quarzite-table.png").is_file());
    assert!(picture_img(&site.page("briefings/accord/index.html")).contains("alt=\"The table\""));
}
