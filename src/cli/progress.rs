//! The progress bar of long builds, and `--verbose` stage timings.

use crate::pipeline::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A build shorter than this shows no bar at all.
const DELAY: Duration = Duration::from_secs(1);

/// Shows a bar on stderr once a run has taken a second, and only on a terminal outside
/// CI; with `verbose`, prints each stage and its time instead.
pub struct Reporter {
    bar: Option<ProgressBar>,
    verbose: bool,
    stage: Mutex<(&'static str, Instant)>,
    /// Items done in the current stage.
    items: AtomicUsize,
    /// Finished stages: name, time, items (for `--timings`).
    done: Mutex<Vec<(&'static str, Duration, usize)>>,
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
    pub fn timings(&self) -> Vec<(&'static str, Duration, usize)> {
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
                .is_none_or(|d| d.0 != name || name == "starting")
        {
            done.push((name, took, items));
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
