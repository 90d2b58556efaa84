//! The `dossier` command line: parses arguments, runs the pipeline, sets the exit code.

use clap::{Parser, Subcommand};
use dossier::pipeline::{self, Options, Report};
use dossier::serve;
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
        /// Keep running: rebuild what changes in content/, static/, themes/ and site.yaml
        #[arg(long)]
        watch: bool,
        /// With --watch: poll for changes (network and container file systems)
        #[arg(long, requires = "watch")]
        poll: bool,
    },
    /// Build into a preview folder, serve it, and rebuild and reload on every change
    Serve {
        /// The site's root folder (holding site.yaml and content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on (loopback unless you mean otherwise)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port (0: any free port)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Include drafts
        #[arg(long)]
        drafts: bool,
        /// Open the preview in the default browser
        #[arg(long)]
        open: bool,
        /// Poll for changes (network and container file systems)
        #[arg(long)]
        poll: bool,
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

/// `serve` and `build --watch` return only when they cannot run (or on Ctrl-C).
fn long_running(r: Result<(), serve::ServeError>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
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
            watch,
            poll,
        } => {
            let opts = Options {
                root,
                output,
                base_url,
                drafts,
            };
            if watch {
                return long_running(serve::watch_build(&opts, poll));
            }
            (pipeline::build(&opts), true)
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
            open,
            poll,
        } => {
            let site = Options {
                root,
                output: None,
                base_url: None,
                drafts,
            };
            return long_running(serve::serve(&serve::ServeOptions {
                site,
                bind,
                port,
                open,
                poll,
            }));
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
