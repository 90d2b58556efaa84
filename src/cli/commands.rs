//! One function per command: runs it, prints what it has to say, returns the exit code.

use super::progress::{Reporter, Stage, resident_memory};
use super::{CONTENT_ERRORS, DigestFormat, StatsFormat, USAGE, Verbosity};
use crate::diagnostic::Diagnostics;
use crate::model::Kind;
use crate::pipeline::{self, Fatal, Options, Report};
use crate::report::{self, Format};
use crate::schedule::Schedule;
use crate::{scaffold, stats};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `println!` that ignores a closed stdout (`dossier stats | head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// The explanations `dossier explain` prints: docs/errors.md, compiled in.
const ERRORS_MD: &str = include_str!("../../docs/errors.md");

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    // Fatal errors name folders, which may hold any character.
    eprintln!("error: {}", crate::printable::escape(&message.to_string()));
    ExitCode::from(USAGE)
}

/// Prints a finished run's diagnostics and summary line; returns the exit code.
fn finish(
    result: Result<Report, Fatal>,
    reporter: &Reporter,
    root: &Path,
    format: Format,
    v: Verbosity,
    building: bool,
) -> ExitCode {
    reporter.finish();
    let report = match result {
        Ok(r) => r,
        Err(e) => return usage_error(e),
    };
    // After the summary, where a reader looks last; stdout is flushed first so the two
    // streams do not interleave on a terminal.
    let timings = || {
        if v.timings {
            use std::io::Write;
            let _ = std::io::stdout().flush();
            eprint!("{}", timings_table(&reporter.timings(), &report));
        }
    };
    // Hints are advice for whoever checks the site: `check` prints them (for people on
    // stdout, so that stderr holds the contract's errors and warnings alone), `build`
    // leaves them out.
    let is_hint =
        |d: &&crate::diagnostic::Diagnostic| d.severity == crate::diagnostic::Severity::Hint;
    if building || format == Format::Human {
        let problems: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| !is_hint(d))
            .cloned()
            .collect();
        report::print(&problems, format, root);
    } else {
        report::print(&report.diagnostics, format, root);
    }
    if !building && format == Format::Human && !v.quiet {
        let hints: Vec<_> = report.diagnostics.iter().filter(is_hint).cloned().collect();
        report::print_hints(&hints, root);
    }
    let verb = if building { "build" } else { "check" };
    if report.errors > 0 {
        if !v.quiet {
            eprintln!(
                "{verb} failed: {}, {}; nothing written",
                plural(report.errors, "error"),
                plural(report.warnings, "warning")
            );
        }
        timings();
        return ExitCode::from(CONTENT_ERRORS);
    }
    if v.quiet {
        timings();
        return ExitCode::SUCCESS;
    }
    let secs = report.elapsed.as_secs_f64();
    let summary = if building {
        format!(
            "built {} ({} files) with {} in {secs:.2} s",
            plural(report.pages, "page"),
            report.written,
            plural(report.warnings, "warning"),
        )
    } else {
        format!(
            "checked {} with {} in {secs:.2} s",
            plural(report.pages, "page"),
            plural(report.warnings, "warning"),
        )
    };
    // JSON lines own stdout, so that every line of it parses.
    if format == Format::Json {
        eprintln!("{summary}");
    } else {
        say!("{summary}");
    }
    // A build's output stays one summary line; `check` is where hints are read.
    if report.hints > 0 && !building {
        let line = format!(
            "{} on how the briefings hang together (above)",
            plural(report.hints, "hint")
        );
        if format == Format::Json {
            eprintln!("{line}");
        } else {
            say!("{line}");
        }
    }
    if !building && let Some(next) = &report.next_embargo {
        let line = format!("next embargo lifts {next}");
        if format == Format::Json {
            eprintln!("{line}");
        } else {
            say!("{line}");
        }
    }
    timings();
    ExitCode::SUCCESS
}

/// `dossier build`.
pub fn build(opts: Options, format: Format, v: Verbosity) -> ExitCode {
    let reporter = Reporter::new(v.quiet, v.verbose);
    let result = pipeline::build_with(&opts, &reporter);
    finish(result, &reporter, &opts.root, format, v, true)
}

/// The `--timings` table: each stage with its wall time, items and the memory resident
/// when it ended, then the peak and what was written.
fn timings_table(stages: &[Stage], r: &Report) -> String {
    let mib = |bytes: Option<u64>| bytes.map_or(String::new(), |b| format!("{} MiB", b >> 20));
    let mut out = String::from("stage                       time      items     memory\n");
    for s in stages.iter().filter(|s| s.name != "starting") {
        let items = if s.items > 0 {
            s.items.to_string()
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{:<22} {:>9.3} s {items:>10} {:>10}\n",
            s.name,
            s.took.as_secs_f64(),
            mib(s.resident)
        ));
    }
    out.push_str(&format!(
        "{:<22} {:>9.3} s {:>10} {:>10}\n",
        "total",
        r.elapsed.as_secs_f64(),
        "peak",
        mib(resident_memory().map(|(_, peak)| peak))
    ));
    if r.cards_drawn + r.cards_reused > 0 {
        out.push_str(&format!(
            "social cards: {} drawn, {} from the cache\n",
            r.cards_drawn, r.cards_reused
        ));
    }
    if r.images_processed + r.images_reused > 0 {
        out.push_str(&format!(
            "pictures: {} processed, {} from the cache\n",
            r.images_processed, r.images_reused
        ));
    }
    if r.written > 0 {
        out.push_str(&format!(
            "wrote {} files, {:.1} MB; {:.3} s writing, summed over threads\n",
            r.written,
            r.bytes as f64 / 1e6,
            r.write_time.as_secs_f64()
        ));
    }
    out
}

/// `dossier check`.
pub fn check(
    root: PathBuf,
    drafts: bool,
    schedule: Schedule,
    format: Format,
    v: Verbosity,
) -> ExitCode {
    let opts = Options {
        root,
        output: None,
        base_url: None,
        drafts,
        schedule,
    };
    let reporter = Reporter::new(v.quiet, v.verbose);
    let result = pipeline::check_with(&opts, &reporter);
    finish(result, &reporter, &opts.root, format, v, false)
}

fn today() -> jiff::civil::Date {
    // The author's local date: a briefing written at 1 a.m. is dated that day.
    jiff::tz::TimeZone::system()
        .to_datetime(jiff::Timestamp::now())
        .date()
}

/// `dossier init DIR`.
pub fn init(dir: &Path, force: bool, v: Verbosity) -> ExitCode {
    match scaffold::init(dir, force, today()) {
        Ok(files) => {
            if !v.quiet {
                for f in &files {
                    say!("created {}", dir.join(f).display());
                }
                let cd = dir.display();
                say!(
                    "\nNext:\n  cd {cd}\n  dossier build     # then open output/index.html\n  dossier new briefing \"A title\" --actor \"European Commission\""
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => usage_error(e),
    }
}

/// `dossier new briefing`.
pub fn new_briefing(
    root: &Path,
    title: &str,
    date: Option<&str>,
    names: scaffold::Names,
    v: Verbosity,
) -> ExitCode {
    match scaffold::new_briefing(root, title, date, today(), &names) {
        Ok(new) => {
            if !v.quiet {
                let path = crate::diagnostic::display_path(&new.path);
                // Said at once: a draft is left out of `build` and `serve` without --drafts,
                // and a changed slug changes the page's address.
                say!("created {path} (a draft: remove `draft: true` to publish)");
                if let Some((slug, taken)) = &new.slug {
                    say!(
                        "its slug is `{slug}`: another briefing already has `{taken}` (set in its `slug:` line)"
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => usage_error(e),
    }
}

/// `dossier new actor|place|topic`.
pub fn new_profile(root: &Path, kind: Kind, name: &str, v: Verbosity) -> ExitCode {
    match scaffold::new_profile(root, kind, name) {
        Ok(rel) => created(&rel, v),
        Err(e) => usage_error(e),
    }
}

/// `dossier schema --print NAME`: one JSON Schema on stdout.
pub fn print_schema(name: &str) -> ExitCode {
    let file = format!(
        "{}.schema.json",
        name.trim().trim_end_matches(".schema.json")
    );
    let all = crate::schema::all();
    match all.iter().find(|(f, _)| *f == file) {
        Some((_, schema)) => {
            say!(
                "{}",
                serde_json::to_string_pretty(schema).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        None => {
            let names: Vec<&str> = all
                .iter()
                .map(|(f, _)| f.trim_end_matches(".schema.json"))
                .collect();
            usage_error(format!(
                "no schema `{name}`: the schemas are {}",
                names.join(", ")
            ))
        }
    }
}

/// `dossier schema`: every JSON Schema into `dir`, created if missing.
pub fn write_schemas(dir: &Path, v: Verbosity) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        return usage_error(format!("cannot create {}: {e}", dir.display()));
    }
    for (file, schema) in crate::schema::all() {
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        let path = dir.join(&file);
        if let Err(e) = std::fs::write(&path, text) {
            return usage_error(format!("cannot write {}: {e}", path.display()));
        }
        if !v.quiet {
            say!(
                "wrote {}",
                crate::printable::escape(&path.display().to_string())
            );
        }
    }
    ExitCode::SUCCESS
}

fn created(rel: &Path, v: Verbosity) -> ExitCode {
    if !v.quiet {
        say!("created {}", crate::diagnostic::display_path(rel));
    }
    ExitCode::SUCCESS
}

/// `dossier stats`: counts of the site as `check` loads it. Content errors are printed
/// and fail the command, since counts of a broken site would mislead.
pub fn stats(root: PathBuf, drafts: bool, schedule: Schedule, format: StatsFormat) -> ExitCode {
    let opts = Options {
        root,
        output: None,
        base_url: None,
        drafts,
        schedule,
    };
    if let Err(e) = pipeline::preflight(&opts) {
        return usage_error(e);
    }
    let mut diags = Diagnostics::new();
    let site = pipeline::load(&opts, &mut diags);
    if diags.has_errors() {
        let errors = diags.error_count();
        report::print(&diags.sorted(), Format::Human, &opts.root);
        eprintln!(
            "stats failed: {}; run `dossier check` for details",
            plural(errors, "error")
        );
        return ExitCode::from(CONTENT_ERRORS);
    }
    let s = stats::compute(&site);
    match format {
        StatsFormat::Human => say!("{}", stats::to_text(&s).trim_end()),
        StatsFormat::Json => match serde_json::to_string_pretty(&s) {
            Ok(j) => say!("{j}"),
            Err(e) => return usage_error(e),
        },
    }
    ExitCode::SUCCESS
}

/// `dossier digest`: what moved between `days` (since, until), on stdout.
pub fn digest(
    root: PathBuf,
    drafts: bool,
    schedule: Schedule,
    days: (&str, Option<&str>),
    format: DigestFormat,
) -> ExitCode {
    let since = match crate::digest::parse_day(days.0) {
        Ok(d) => d,
        Err(e) => return usage_error(format!("--since: {e}")),
    };
    let until = match days.1.map(crate::digest::parse_day).transpose() {
        Ok(d) => d,
        Err(e) => return usage_error(format!("--until: {e}")),
    };
    if until.is_some_and(|u| u < since) {
        return usage_error("--until is before --since");
    }
    let opts = Options {
        root,
        output: None,
        base_url: None,
        drafts,
        schedule,
    };
    if let Err(e) = pipeline::preflight(&opts) {
        return usage_error(e);
    }
    let mut diags = Diagnostics::new();
    let site = pipeline::load(&opts, &mut diags);
    if diags.has_errors() {
        let errors = diags.error_count();
        report::print(&diags.sorted(), Format::Human, &opts.root);
        eprintln!(
            "digest failed: {}; run `dossier check` for details",
            plural(errors, "error")
        );
        return ExitCode::from(CONTENT_ERRORS);
    }
    let d = crate::digest::compute(&site, crate::digest::Window { since, until });
    let text = match format {
        DigestFormat::Md => crate::digest::to_markdown(&d),
        DigestFormat::Html => crate::digest::to_html(&d),
    };
    say!("{}", text.trim_end());
    ExitCode::SUCCESS
}

/// `dossier explain CODE`: the code's section of docs/errors.md.
pub fn explain(code: &str) -> ExitCode {
    let wanted = code
        .trim()
        .trim_start_matches(['D', 'd'])
        .parse::<u32>()
        .ok()
        .map(|n| format!("D{n:03}"));
    match wanted.as_deref().and_then(section) {
        Some(text) => {
            say!("{}", text.trim_end());
            if let Some(part) = wanted.as_deref().and_then(content_model_part) {
                say!("\nThe rules it checks: docs/content-model.md#{part}");
            }
            ExitCode::SUCCESS
        }
        None => usage_error(format!(
            "unknown code `{code}`: codes run from {} to {}",
            crate::diagnostic::Code::ALL[0],
            crate::diagnostic::Code::ALL[crate::diagnostic::Code::ALL.len() - 1]
        )),
    }
}

/// The heading of docs/content-model.md (its GitHub id) that states the rule a content
/// code checks, so that `explain` leads from a problem to the reference a writer keeps open.
fn content_model_part(code: &str) -> Option<&'static str> {
    Some(match code {
        "D004" | "D005" | "D006" | "D007" | "D008" | "D009" => "front-matter",
        "D010" => "dates",
        "D011" => "allowed-values",
        "D012" | "D017" => "slugs-and-ids",
        "D013" => "stances",
        "D014" => "sources",
        "D015" => "stubs",
        "D016" | "D028" => "how-names-resolve",
        "D018" | "D019" | "D020" | "D021" | "D022" | "D027" => "links-in-a-body",
        "D023" => "siteyaml",
        "D024" | "D025" => "themes",
        "D029" | "D030" | "D031" | "D032" => "the-files-of-a-site",
        "D033" => "limits",
        "D034" => "briefings",
        _ => return None,
    })
}

/// The `## CODE…` section of docs/errors.md, heading included.
pub fn section(code: &str) -> Option<&'static str> {
    let start = ERRORS_MD.find(&format!("\n## {code}"))? + 1;
    let rest = &ERRORS_MD[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 4);
    Some(&rest[..end])
}
