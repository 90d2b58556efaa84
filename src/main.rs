//! The `dossier` command line: parses arguments, runs the pipeline, sets the exit code.

use clap::{Parser, Subcommand};
use dossier::pipeline::{self, Options, Report};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "A static site generator for curated briefings"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder
    Build {
        /// The site's root folder (holding site.yaml and content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: <root>/output)
        #[arg(long)]
        output: Option<PathBuf>,
        /// Overrides site.yaml's base_url
        #[arg(long)]
        base_url: Option<String>,
        /// Include drafts
        #[arg(long)]
        drafts: bool,
    },
    /// Load, resolve and validate everything; write nothing
    Check {
        /// The site's root folder (holding site.yaml and content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include drafts
        #[arg(long)]
        drafts: bool,
    },
}

fn print(report: &Report) {
    let mut err = String::new();
    for d in &report.diagnostics {
        err.push_str(&d.to_string());
        err.push('\n');
    }
    eprint!("{err}");
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let (result, building) = match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let opts = Options {
                root,
                output,
                base_url,
                drafts,
            };
            (pipeline::build(&opts), true)
        }
        Command::Check { root, drafts } => {
            let opts = Options {
                root,
                output: None,
                base_url: None,
                drafts,
            };
            (pipeline::check(&opts), false)
        }
    };
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    print(&report);
    let secs = report.elapsed.as_secs_f64();
    if report.errors > 0 {
        eprintln!(
            "{} failed: {}, {}; nothing written",
            if building { "build" } else { "check" },
            plural(report.errors, "error"),
            plural(report.warnings, "warning")
        );
        return ExitCode::from(1);
    }
    if building {
        println!(
            "built {} ({} files) with {} in {:.2} s",
            plural(report.pages, "page"),
            report.written,
            plural(report.warnings, "warning"),
            secs
        );
    } else {
        println!(
            "checked {} with {} in {:.2} s",
            plural(report.pages, "page"),
            plural(report.warnings, "warning"),
            secs
        );
    }
    ExitCode::SUCCESS
}
