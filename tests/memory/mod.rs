//! Builds sites held in memory, through `pipeline::load_sources`, for the property tests:
//! each case takes milliseconds and touches no disk.
#![allow(dead_code)]

use dossier::config::Config;
use dossier::diagnostic::{Diagnostic, Diagnostics};
use dossier::incremental::write::Memory;
use dossier::pipeline;
use dossier::render::{self, theme};
use dossier::source::{self, Sources};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Markdown files of a site: path relative to the root, and bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// What a build in memory produced: every file, and the diagnostics as printed.
pub struct Built {
    pub files: BTreeMap<String, Vec<u8>>,
    pub diagnostics: Vec<String>,
    pub errors: bool,
}

/// The default theme, loaded once per test binary.
fn default_theme() -> &'static theme::Theme {
    static THEME: OnceLock<theme::Theme> = OnceLock::new();
    THEME.get_or_init(|| {
        let mut diags = Diagnostics::new();
        theme::load(std::path::Path::new("."), None, &mut diags).expect("default theme")
    })
}

/// Settings under a sub-path base URL, with the given title and description.
pub fn config(title: &str, description: Option<&str>) -> Config {
    Config {
        title: title.to_string(),
        base_url: "https://example.org/desk/".to_string(),
        base_path: "/desk/".to_string(),
        description: description.map(str::to_string),
        ..Config::fallback()
    }
}

/// Builds the Markdown `files` (paths relative to the site root), in the order given, as
/// `dossier build` would, rendering even when there are errors (as `check` does).
pub fn build(config: Config, files: &[(String, Vec<u8>)]) -> Built {
    let mut diags = Diagnostics::new();
    let markdown = files
        .iter()
        .filter_map(|(p, b)| source::from_bytes(p, b.clone(), &mut diags))
        .collect();
    let sources = Sources {
        markdown,
        ..Sources::default()
    };
    let site = pipeline::load_sources(config, sources, false, &mut diags, &pipeline::Silent);
    let out = Memory::default();
    render::render_site(&site, default_theme(), &out, &mut diags);
    let errors = diags.has_errors();
    let diagnostics = diags.sorted().iter().map(show).collect();
    Built {
        files: (out.files.into_inner().expect("no writer panicked"))
            .into_iter()
            .collect(),
        diagnostics,
        errors,
    }
}

fn show(d: &Diagnostic) -> String {
    format!(
        "{}:{}:{}: {}: {}",
        d.path,
        d.span.line,
        d.span.col,
        d.severity_word(),
        d.message
    )
}

/// `s` as a YAML double-quoted string; everything but printable ASCII escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}
