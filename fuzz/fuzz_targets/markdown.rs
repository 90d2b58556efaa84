//! Arbitrary text as a briefing body, rendered against a small resolved site with
//! `[[wiki]]` links (names, aliases, kind prefixes, a draft) and `.md` links to resolve.
//! Nothing may panic, and every diagnostic points at a line and column inside the body.
#![no_main]

use dossier::config::Config;
use dossier::diagnostic::Diagnostics;
use dossier::markdown::{self, LinkContext};
use dossier::names::Names;
use dossier::pipeline::{self, Site};
use dossier::source::{self, Sources};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const FILES: &[(&str, &str)] = &[
    (
        "content/briefings/2025-11-20-plan.md",
        "---\ntitle: Plan\nactors: [Volodymyr Zelenskiy, Mali]\nplaces: [Mali, Pokrovsk]\ntopics: [us-peace-plan]\n---\n## Background\nText.\n",
    ),
    (
        "content/briefings/2025-11-21-draft.md",
        "---\ntitle: Draft\ndraft: true\n---\nDraft.\n",
    ),
    (
        "content/actors/volodymyr-zelenskiy.md",
        "---\nname: Volodymyr Zelenskiy\naliases: [Zelensky, Зеленський]\n---\nProfile.\n",
    ),
    ("content/actors/mali.md", "---\nname: Mali\n---\n"),
    ("content/places/mali.md", "---\nname: Mali\n---\n"),
    (
        "content/topics/us-peace-plan.md",
        "---\ntitle: US peace plan\n---\n",
    ),
];

fn site() -> &'static (Site, Names) {
    static SITE: OnceLock<(Site, Names)> = OnceLock::new();
    SITE.get_or_init(|| {
        let mut diags = Diagnostics::new();
        let markdown = FILES
            .iter()
            .filter_map(|(p, t)| source::from_bytes(p, t.as_bytes().to_vec(), &mut diags))
            .collect();
        let sources = Sources {
            markdown,
            ..Sources::default()
        };
        let site = pipeline::load_sources(
            Config::fallback(),
            sources,
            false,
            &mut diags,
            &pipeline::Silent,
        );
        let names = site.resolved.link_names();
        (site, names)
    })
}

fuzz_target!(|data: &[u8]| {
    // As discovery hands bodies on: without the control characters it removes (and warns of).
    let text = String::from_utf8_lossy(data).replace(source::is_forbidden_char, "");
    let (site, names) = site();
    // Odd first bytes also take bodies through the `safe_html` sanitizer.
    let safe_html = data.first().is_some_and(|b| b & 1 == 1);
    let cx = LinkContext::new(
        &site.resolved,
        names,
        ["briefings/map.png".to_string()].into(),
        safe_html,
    );
    let mut diags = Diagnostics::new();
    let first_line = 7;
    let body = markdown::render(
        &text,
        first_line,
        "content/briefings/2025-11-22-x.md",
        "briefings/2025-11-22-x.md",
        2,
        &cx,
        &mut diags,
    );
    let lines: Vec<&str> = text.split('\n').collect();
    for d in diags.iter() {
        let width = (d.span.line as usize)
            .checked_sub(first_line as usize)
            .and_then(|i| lines.get(i))
            .map(|l| l.chars().count());
        assert!(
            width.is_some_and(|w| d.span.col >= 1 && d.span.col as usize <= w + 1),
            "{}:{}: {} (body lines {first_line}..{}; that one {width:?} characters)",
            d.span.line,
            d.span.col,
            d.message,
            first_line as usize + lines.len()
        );
    }
    assert!(
        body.links.windows(2).all(|w| w[0] < w[1]),
        "links not sorted"
    );
});
