//! The `dossier` command line: arguments, one function per command, exit codes
//! (0 ok, 1 content errors, 2 usage errors).

mod commands;
mod kind_args;
mod progress;
mod site_root;

use crate::report::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code of a run with content errors.
pub const CONTENT_ERRORS: u8 = 1;
/// Exit code of a usage error, a refused folder or a fatal problem.
pub const USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "A static site generator for curated briefings",
    after_help = "Start here:\n  dossier init my-desk && cd my-desk\n  dossier new briefing \"Talks resume in Geneva\" --actor \"European Commission\"\n  dossier build        # writes output/; open output/index.html\n\nEvery problem is reported as path:line:col: error|warning: message, with a code\n(D001…) that `dossier explain CODE` describes. Every key and value a site's files
may hold: docs/content-model.md in Dossier's repository.",
    propagate_version = true
)]
struct Cli {
    /// Print only diagnostics: no summary line, no progress
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print each stage of the pipeline with its time (on stderr)
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

/// The folder of the site a command works on.
#[derive(Args, Clone)]
struct RootArg {
    /// The site's root folder (holding site.yaml and content/) [default: the nearest
    /// folder upward holding site.yaml]
    #[arg(long, value_name = "SITE")]
    root: Option<PathBuf>,
}

/// Which briefings past their window a command includes; the moment comes from
/// `DOSSIER_NOW` (RFC 3339) or the clock.
#[derive(Args, Clone, Copy)]
struct WindowArgs {
    /// Include briefings whose `publish_at` is still ahead (embargoed)
    #[arg(long)]
    future: bool,
    /// Include briefings whose `expires` has passed
    #[arg(long)]
    expired: bool,
}

impl WindowArgs {
    /// The schedule these flags ask for, at `DOSSIER_NOW` or the clock's time; `Err` is the
    /// exit code once a bad `DOSSIER_NOW` has been reported.
    fn schedule(self) -> Result<crate::schedule::Schedule, ExitCode> {
        Ok(self.window()?.schedule())
    }

    /// The window these flags ask for: `DOSSIER_NOW`'s fixed moment, or the clock's at each
    /// check.
    fn window(self) -> Result<crate::schedule::Watch, ExitCode> {
        match crate::schedule::now_from_env() {
            Ok(fixed) => Ok(crate::schedule::Watch {
                fixed,
                future: self.future,
                expired: self.expired,
            }),
            Err(why) => {
                eprintln!("error: DOSSIER_NOW: {}", crate::printable::escape(&why));
                Err(ExitCode::from(USAGE))
            }
        }
    }
}

impl RootArg {
    /// The folder given, or the nearest one upward from the current folder holding
    /// site.yaml (`.` when none does: the command then says there is no site.yaml). `Err`
    /// carries the exit code once a site one level down has been suggested instead.
    fn folder(self) -> Result<PathBuf, ExitCode> {
        if let Some(root) = self.root {
            return Ok(root);
        }
        let Ok(cwd) = std::env::current_dir() else {
            return Ok(PathBuf::from("."));
        };
        if let Some(found) = site_root::find_upward(&cwd) {
            return Ok(found);
        }
        let Some(help) = site_root::not_found_help(&site_root::child_sites(&cwd)) else {
            return Ok(PathBuf::from("."));
        };
        eprintln!("error: no site.yaml in this folder or any folder above it");
        eprintln!("   = help: {}", crate::printable::escape(&help));
        Err(ExitCode::from(USAGE))
    }
}

/// The site folder of `root`, or return the exit code of a site not found.
macro_rules! site_folder {
    ($root:expr) => {
        match $root.folder() {
            Ok(folder) => folder,
            Err(code) => return code,
        }
    };
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder
    #[command(
        after_help = "Examples:\n  dossier build\n  dossier build --root my-desk --drafts\n  dossier build --output /srv/www/desk --base-url https://example.org/desk/\n  dossier build --format github     # annotations in GitHub Actions\n  dossier build --timings           # where the time goes, stage by stage"
    )]
    Build {
        #[command(flatten)]
        root: RootArg,
        /// Where to write the site (default: <root>/output)
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Overrides site.yaml's base_url
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include drafts
        #[arg(long)]
        drafts: bool,
        #[command(flatten)]
        window: WindowArgs,
        /// How diagnostics are printed
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Print each stage's time and item count after the build
        #[arg(long)]
        timings: bool,
        /// Keep running: rebuild what changes in content/, static/, themes/ and site.yaml
        #[arg(long)]
        watch: bool,
        /// With --watch: poll for changes (network and container file systems)
        #[arg(long, requires = "watch")]
        poll: bool,
    },
    /// Build into a preview folder (embargoed and expired briefings shown under a banner),
    /// serve it, and rebuild and reload on every change
    #[command(
        after_help = "Examples:\n  dossier serve\n  dossier serve --root my-desk --drafts --open\n  dossier serve --port 0          # any free port\n  dossier serve --poll            # network or container file systems"
    )]
    Serve {
        #[command(flatten)]
        root: RootArg,
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
        /// Print each rebuild's stage times under its line
        #[arg(long)]
        timings: bool,
    },
    /// Load, resolve and validate everything; write nothing
    #[command(
        after_help = "Examples:\n  dossier check\n  dossier check --root my-desk --drafts\n  dossier check --format json       # for editors: one object per line\n  dossier check --format github     # for CI: annotations on the changed lines"
    )]
    Check {
        #[command(flatten)]
        root: RootArg,
        /// Include drafts
        #[arg(long)]
        drafts: bool,
        #[command(flatten)]
        window: WindowArgs,
        /// How diagnostics are printed
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Print each stage's time and item count after the check
        #[arg(long)]
        timings: bool,
    },
    /// Create a new site that builds as is
    #[command(
        after_help = "Examples:\n  dossier init my-desk\n  dossier init . --force     # into a folder that already holds files"
    )]
    Init {
        /// The folder to create the site in (created if missing)
        dir: PathBuf,
        /// Write into a folder that is not empty (files of the same names are replaced)
        #[arg(long)]
        force: bool,
    },
    /// Create a briefing or a profile with its front matter filled in
    #[command(subcommand)]
    New(NewCommand),
    /// Count briefings, drafts, entities, stubs, stances, tags and the most-named entities
    #[command(
        after_help = "Examples:\n  dossier stats\n  dossier stats --root my-desk --format json"
    )]
    Stats {
        #[command(flatten)]
        root: RootArg,
        /// Count drafts as briefings
        #[arg(long)]
        drafts: bool,
        #[command(flatten)]
        window: WindowArgs,
        /// `human` or `json`
        #[arg(long, value_enum, default_value = "human")]
        format: StatsFormat,
    },
    /// Print what moved between two days: new positions, changes of position, retracted
    /// sources, entities first named, the busiest topics
    #[command(
        after_help = "Examples:\n  dossier digest --since 2025-11-20\n  dossier digest --since 2025-11-20 --until 2025-11-26 --format html > digest.html"
    )]
    Digest {
        #[command(flatten)]
        root: RootArg,
        /// The first day it covers, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: String,
        /// The last day it covers, YYYY-MM-DD [default: no end]
        #[arg(long, value_name = "YYYY-MM-DD")]
        until: Option<String>,
        /// `md` (Markdown) or `html` (an escaped HTML fragment)
        #[arg(long, value_enum, default_value = "md")]
        format: DigestFormat,
        /// Count drafts as briefings
        #[arg(long)]
        drafts: bool,
        #[command(flatten)]
        window: WindowArgs,
    },
    /// Run the language server on stdin and stdout, for editors (see docs/editors.md)
    #[command(
        after_help = "Editors start it themselves; see docs/editors.md for VS Code, Neovim, Helix, Zed and Emacs.\n\nExamples:\n  dossier lsp\n  dossier lsp --root my-desk --drafts"
    )]
    Lsp {
        /// The site's root folder [default: the editor's workspace folder, or the nearest
        /// folder upward holding site.yaml]
        #[arg(long, value_name = "SITE")]
        root: Option<PathBuf>,
        /// Check drafts too
        #[arg(long)]
        drafts: bool,
        #[command(flatten)]
        window: WindowArgs,
    },
    /// Write JSON Schemas of front matter and site.yaml, for YAML language servers
    #[command(
        after_help = "Examples:\n  dossier schema                   # into schemas/ of the site\n  dossier schema --out .vscode/dossier\n  dossier schema --print briefing  # one schema on stdout"
    )]
    Schema {
        #[command(flatten)]
        root: RootArg,
        /// The folder to write them into [default: <root>/schemas]
        #[arg(long, value_name = "DIR", conflicts_with = "print")]
        out: Option<PathBuf>,
        /// Print one schema (briefing, actor, place, topic or site) instead of writing files
        #[arg(long, value_name = "NAME")]
        print: Option<String>,
    },
    /// Explain a diagnostic code (D001…): what it means and how to fix it
    #[command(after_help = "Examples:\n  dossier explain D015\n  dossier explain d15")]
    Explain {
        /// The code, as printed after `= code:`
        code: String,
    },
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  dossier completions bash > ~/.local/share/bash-completion/completions/dossier\n  dossier completions zsh > ~/.zfunc/_dossier\n  dossier completions fish > ~/.config/fish/completions/dossier.fish"
    )]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
}

/// How `digest` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DigestFormat {
    /// Markdown
    Md,
    /// An HTML fragment, every text escaped
    Html,
}

/// How `stats` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Aligned lines for reading
    Human,
    /// One JSON object
    Json,
}

#[derive(Subcommand)]
enum NewCommand {
    /// A briefing: content/briefings/YYYY-MM-DD-<slug>.md
    #[command(
        after_help = "Examples:\n  dossier new briefing \"Talks resume in Geneva\"\n  dossier new briefing \"Talks resume\" --date 2025-11-20 --actor Zelenskyy --actor \"Donald Trump\" --place Geneva"
    )]
    Briefing {
        /// The briefing's title
        title: String,
        /// Its date, YYYY-MM-DD (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        // `--actor NAME` and so on: one option per kind.
        #[command(flatten)]
        names: kind_args::NamedArgs,
        #[command(flatten)]
        root: RootArg,
    },
    // `actor NAME` and so on: one subcommand per kind.
    #[command(flatten)]
    Profile(kind_args::NewProfile),
}

/// What every command may print besides its own output.
#[derive(Clone, Copy)]
pub struct Verbosity {
    /// `-q`: diagnostics only.
    pub quiet: bool,
    /// `-v`: each stage and its time too.
    pub verbose: bool,
    /// `--timings`: a table of stages, times and counts after the run.
    pub timings: bool,
}

/// `serve` and `build --watch` return only when they cannot run (or on Ctrl-C).
fn long_running(r: Result<(), crate::serve::ServeError>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", crate::printable::escape(&e.to_string()));
            ExitCode::from(USAGE)
        }
    }
}

/// Parses the arguments, runs the command and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut v = Verbosity {
        quiet: cli.quiet,
        verbose: cli.verbose,
        timings: false,
    };
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            window,
            format,
            timings,
            watch,
            poll,
        } => {
            v.timings = timings;
            let root = site_folder!(root);
            let schedule = match window.schedule() {
                Ok(s) => s,
                Err(code) => return code,
            };
            let opts = crate::pipeline::Options {
                root,
                output,
                base_url,
                drafts,
                schedule,
            };
            if watch {
                return long_running(crate::serve::watch_build(&opts, poll, timings));
            }
            commands::build(opts, format, v)
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
            open,
            poll,
            timings,
        } => {
            // The preview is the desk's own: embargoed and expired briefings are shown, each
            // under a banner saying so.
            let window = WindowArgs {
                future: true,
                expired: true,
            };
            let schedule = match window.schedule() {
                Ok(s) => s,
                Err(code) => return code,
            };
            let site = crate::pipeline::Options {
                root: site_folder!(root),
                output: None,
                base_url: None,
                drafts,
                schedule,
            };
            long_running(crate::serve::serve(&crate::serve::ServeOptions {
                site,
                bind,
                port,
                open,
                poll,
                timings,
            }))
        }
        Command::Check {
            root,
            drafts,
            window,
            format,
            timings,
        } => {
            v.timings = timings;
            let schedule = match window.schedule() {
                Ok(s) => s,
                Err(code) => return code,
            };
            commands::check(site_folder!(root), drafts, schedule, format, v)
        }
        Command::Init { dir, force } => commands::init(&dir, force, v),
        Command::New(new) => match new {
            NewCommand::Briefing {
                title,
                date,
                names,
                root,
            } => commands::new_briefing(&site_folder!(root), &title, date.as_deref(), names.0, v),
            NewCommand::Profile(p) => {
                commands::new_profile(&site_folder!(p.root), p.kind, &p.name, v)
            }
        },
        Command::Stats {
            root,
            drafts,
            window,
            format,
        } => match window.schedule() {
            Ok(schedule) => commands::stats(site_folder!(root), drafts, schedule, format),
            Err(code) => code,
        },
        Command::Digest {
            root,
            since,
            until,
            format,
            drafts,
            window,
        } => match window.schedule() {
            Ok(schedule) => commands::digest(
                site_folder!(root),
                drafts,
                schedule,
                (&since, until.as_deref()),
                format,
            ),
            Err(code) => code,
        },
        Command::Explain { code } => commands::explain(&code),
        Command::Lsp {
            root,
            drafts,
            window,
        } => match window
            .window()
            .map(|w| crate::lsp::run(root.as_deref(), drafts, w))
        {
            Err(code) => code,
            Ok(Ok(())) => ExitCode::SUCCESS,
            Ok(Err(e)) => {
                eprintln!("error: {}", crate::printable::escape(&e.to_string()));
                ExitCode::FAILURE
            }
        },
        Command::Schema { root, out, print } => match print {
            Some(name) => commands::print_schema(&name),
            None => {
                let dir = match out {
                    Some(d) => d,
                    None => site_folder!(root).join("schemas"),
                };
                commands::write_schemas(&dir, v)
            }
        },
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "dossier", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}
