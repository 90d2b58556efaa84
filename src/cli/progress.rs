//! The progress bar of long builds, and `--verbose` stage timings.

use crate::pipeline::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A build shorter than this shows no bar at all.
const DELAY: Duration = Duration::from_secs(1);

/// One finished stage of a run, for `--timings`.
#[derive(Debug, Clone)]
pub struct Stage {
    pub name: &'static str,
    pub took: Duration,
    /// Items it went through (0 when it is not counted).
    pub items: usize,
    /// The process's resident memory when it ended, in bytes, where the system tells it.
    pub resident: Option<u64>,
}

/// The process's resident memory now and at its peak, in bytes (Linux only: elsewhere
/// `None`, and `--timings` leaves the column blank).
pub fn resident_memory() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.trim().strip_suffix("kB"))
            .and_then(|kb| kb.trim().parse::<u64>().ok())
            .map(|kb| kb * 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Shows a bar on stderr once a run has taken a second, and only on a terminal outside
/// CI; with `verbose`, prints each stage and its time instead.
pub struct Reporter {
    bar: Option<ProgressBar>,
    verbose: bool,
    stage: Mutex<(&'static str, Instant)>,
    /// Items done in the current stage.
    items: AtomicUsize,
    /// Finished stages (for `--timings`).
    done: Mutex<Vec<Stage>>,
}

impl Reporter {
    /// A reporter for a run; `quiet` turns everything off.
    pub fn new(quiet: bool, verbose: bool) -> Reporter {
        let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = (interactive && !quiet && !verbose).then(|| {
            // Hidden until DELAY has passed, so quick builds never flash a bar.
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            let shown = bar.clone();
            std::thread::spawn(move || {
                std::thread::sleep(DELAY);
                if !shown.is_finished() {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                    shown.enable_steady_tick(Duration::from_millis(120));
                }
            });
            bar
        });
        Reporter {
            bar,
            verbose: verbose && !quiet,
            stage: Mutex::new(("starting", Instant::now())),
            items: AtomicUsize::new(0),
            done: Mutex::new(Vec::new()),
        }
    }

    /// Each stage with its time and the items it went through, in order.
    pub fn timings(&self) -> Vec<Stage> {
        self.done.lock().map(|d| d.clone()).unwrap_or_default()
    }

    /// Clears the bar before the diagnostics and the summary are printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        self.log_stage_end();
    }

    fn log_stage_end(&self) {
        let Ok(stage) = self.stage.lock() else {
            return;
        };
        let (name, since) = *stage;
        let took = since.elapsed();
        let items = self.items.swap(0, Ordering::Relaxed);
        if let Ok(mut done) = self.done.lock()
            && done
                .last()
                .is_none_or(|d| d.name != name || name == "starting")
        {
            done.push(Stage {
                name,
                took,
                items,
                resident: resident_memory().map(|(now, _)| now),
            });
        }
        if self.verbose {
            eprintln!("  {name:<20} {:>8.3} s", took.as_secs_f64());
        }
    }
}

impl Progress for Reporter {
    fn stage(&self, name: &'static str, total: usize) {
        self.log_stage_end();
        if let Ok(mut stage) = self.stage.lock() {
            *stage = (name, Instant::now());
        }
        if let Some(bar) = &self.bar {
            // Counted stages show a bar; the others a spinner (no misleading "0/0").
            let template = if total > 0 {
                "{spinner} {msg:<20} {bar:30} {pos}/{len} {elapsed}"
            } else {
                "{spinner} {msg:<20} {elapsed}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.set_message(name);
            bar.set_position(0);
            bar.set_length(total as u64);
        }
    }

    fn advance(&self) {
        self.items.fetch_add(1, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
}
