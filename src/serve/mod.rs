//! `dossier serve` and `dossier build --watch`: one watcher, one incremental engine, and for
//! `serve` an HTTP server on loopback with live reload and an error overlay. A content or
//! template error never stops either: it is printed and shown, and the last good pages stay.

pub mod http;
pub mod reload;
pub mod watch;

use crate::diagnostic::Diagnostic;
use crate::incremental::{Changes, Engine, Outcome, demand::Demand};
use crate::pipeline::{self, Fatal, Options};
use reload::{Reload, Status};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Root and drafts; the output and base URL are the preview's own.
    pub site: Options,
    pub bind: IpAddr,
    pub port: u16,
    /// Open the preview in the default browser.
    pub open: bool,
    /// Poll for changes instead of waiting for file-system events.
    pub poll: bool,
    /// Print each rebuild's stage times.
    pub timings: bool,
}

/// Why `serve` or `build --watch` could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Fatal(#[from] Fatal),
    #[error(
        "cannot listen on {0}: {1} (choose another with --port, or --port 0 for any free port)"
    )]
    Bind(SocketAddr, std::io::Error),
    #[error("cannot watch the site for changes: {0} (try --poll)")]
    Watch(#[from] notify::Error),
    #[error("cannot start the server: {0}")]
    Runtime(std::io::Error),
}

/// Prints one rebuild: its diagnostics when they changed, then one line.
struct Printer {
    last: Vec<Diagnostic>,
    /// The site root, where the source lines under each diagnostic are read from.
    root: PathBuf,
    /// `--timings`: each rebuild's stages on a line of their own.
    timings: bool,
}

impl Printer {
    fn print(&mut self, out: &Outcome) {
        if out.diagnostics != self.last {
            // As `build` prints them: the contract's line, then source and help; hints are
            // for `check` and editors.
            let problems: Vec<Diagnostic> = (out.diagnostics.iter())
                .filter(|d| d.severity != crate::diagnostic::Severity::Hint)
                .cloned()
                .collect();
            crate::report::print(&problems, crate::report::Format::Human, &self.root);
            self.last = out.diagnostics.clone();
        }
        let ms = out.elapsed.as_secs_f64() * 1000.0;
        let now = jiff::Timestamp::now().strftime("%H:%M:%S").to_string();
        // `what` names the changed file: escaped, so that its name cannot forge a line.
        let what = out.what.to_string();
        let what = crate::printable::escape(&what);
        if out.errors > 0 {
            println!(
                "{now} {what}: {} {}, the last good pages are kept, in {ms:.0} ms",
                out.errors,
                if out.errors == 1 { "error" } else { "errors" },
            );
        } else {
            println!(
                "{now} {what}: {} rendered, {} written, {} removed in {ms:.0} ms",
                count(out.rendered, "page"),
                count(out.written.len(), "file"),
                out.removed,
            );
        }
        if self.timings && !out.stages.is_empty() {
            let stages: Vec<String> = (out.stages.iter())
                .map(|(name, took)| format!("{name} {:.1} ms", took.as_secs_f64() * 1000.0))
                .collect();
            println!("  {}", stages.join(", "));
        }
    }
}

fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The status after `out`. `early_reload`: open tabs were told to load their page again
/// while it ran, and each such request waited for its page; when only pages were written,
/// they have them fresh and are not reloaded a second time.
fn status_after(out: &Outcome, before: &Status, root: &Path, early_reload: bool) -> Status {
    let errors = crate::report::error_blocks(&out.diagnostics, root);
    // A rebuild that only removed files (a deleted stylesheet) changes the pages too.
    let wrote = out.errors == 0 && (!out.written.is_empty() || out.removed > 0);
    let pages_only = out.removed == 0 && out.written.iter().all(|p| p.ends_with(".html"));
    let reload = wrote && !(early_reload && pages_only);
    Status {
        generation: before.generation + u64::from(reload),
        reload: if reload && out.removed == 0 && out.css_only() {
            Reload::Css
        } else if reload {
            Reload::Page
        } else {
            before.reload
        },
        errors,
    }
}

/// How often the output folder is compared with what the engine wrote: one `stat` per file
/// (11,000 of them, a 10,000-briefing site, took about 30 ms from Python on a 2-core VM).
const OUTPUT_CHECK_EVERY: Duration = Duration::from_secs(1);

/// How often, at most, the rendered bodies are written for the next run (when they
/// changed): writing them takes about 0.06 s and 60 MB at 10,000 briefings. Bodies an edit
/// rendered since are rendered again by the next run.
const STORE_EVERY: Duration = Duration::from_secs(300);

/// How long `serve`, asked to stop, waits for a rebuild under way to end before it removes
/// its preview folder all the same.
const STOP_WAIT: Duration = Duration::from_secs(10);

/// Lets `serve` remove its preview folder only once the engine is between two pieces of
/// work: a rebuild or an output check under way would write again what the removal has
/// taken (the output check puts back whatever goes missing), leaving the folder behind
/// half removed, and no later `serve` knows it for its own.
#[derive(Default)]
pub struct Stop {
    asked: AtomicBool,
    busy: std::sync::Mutex<()>,
}

impl Stop {
    /// Runs `work`, unless a stop was asked: `None` then, and the engine's thread ends.
    pub fn run<T>(&self, work: impl FnOnce() -> T) -> Option<T> {
        let _busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        if self.asked.load(Ordering::SeqCst) {
            return None;
        }
        Some(work())
    }

    /// Asks for a stop, and waits for the work under way to end (at most `at_most`),
    /// calling `waiting` once if there is some: no work starts after it returns.
    pub fn wait(&self, at_most: Duration, waiting: impl FnOnce()) {
        self.asked.store(true, Ordering::SeqCst);
        let until = std::time::Instant::now() + at_most;
        let mut waiting = Some(waiting);
        while std::time::Instant::now() < until {
            match self.busy.try_lock() {
                Ok(_) | Err(std::sync::TryLockError::Poisoned(_)) => return,
                Err(std::sync::TryLockError::WouldBlock) => {
                    if let Some(w) = waiting.take() {
                        w();
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
        }
    }

    /// Whether a stop was asked.
    pub fn asked(&self) -> bool {
        self.asked.load(Ordering::SeqCst)
    }
}

/// The watcher's changes, passed on, with a flag raised whenever some are waiting: the
/// output check gives way to them.
fn flagged(rx: mpsc::Receiver<Changes>) -> (mpsc::Receiver<Changes>, Arc<AtomicBool>) {
    let (tx, out) = mpsc::channel();
    let waiting = Arc::new(AtomicBool::new(false));
    let flag = waiting.clone();
    std::thread::spawn(move || {
        for changes in rx {
            flag.store(true, Ordering::SeqCst);
            if tx.send(changes).is_err() {
                return;
            }
        }
    });
    (out, waiting)
}

/// Waits for changes and rebuilds, forever (until the channel closes). Every second it also
/// writes again what was removed or changed in the output folder behind its back, unless
/// changes are waiting (`waiting`).
fn rebuild_loop(
    engine: &mut Engine,
    (rx, waiting): &(mpsc::Receiver<Changes>, Arc<AtomicBool>),
    watcher: &mut watch::Watch,
    printer: &mut Printer,
    demand: Option<&Demand>,
    stop: &Stop,
    mut after: impl FnMut(&Outcome),
) {
    let mut checked = std::time::Instant::now();
    let mut stored = std::time::Instant::now();
    loop {
        match rx.recv_timeout(OUTPUT_CHECK_EVERY) {
            Ok(changes) => {
                waiting.store(false, Ordering::SeqCst);
                // Requests wait for their page from here until the status says how the
                // rebuild ended.
                demand.inspect(|d| d.begin());
                let done = stop.run(|| rebuild(engine, changes, rx, watcher, printer, &mut after));
                demand.inspect(|d| d.end());
                if done.is_none() {
                    return;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
        if checked.elapsed() < OUTPUT_CHECK_EVERY {
            continue;
        }
        checked = std::time::Instant::now();
        // Between rebuilds: the bodies the edits rendered are kept for the next run.
        if stored.elapsed() >= STORE_EVERY && !waiting.load(Ordering::SeqCst) {
            stored = std::time::Instant::now();
            if stop.run(|| engine.store_bodies()).is_none() {
                return;
            }
        }
        let waits = || waiting.load(Ordering::SeqCst);
        let check = || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                engine.check_output_unless(&waits)
            }))
        };
        let Some(result) = stop.run(check) else {
            return;
        };
        match result {
            Ok(Ok(Some(out))) => {
                printer.print(&out);
                after(&out);
            }
            Ok(Ok(None)) => {}
            Ok(Err(e)) => eprintln!(
                "error: {}; still watching",
                crate::printable::escape(&e.to_string())
            ),
            Err(_) => eprintln!("error: internal error while checking the output; still watching"),
        }
    }
}

/// One rebuild after `changes` and whatever else arrived meanwhile.
fn rebuild(
    engine: &mut Engine,
    mut changes: Changes,
    rx: &mpsc::Receiver<Changes>,
    watcher: &mut watch::Watch,
    printer: &mut Printer,
    after: &mut impl FnMut(&Outcome),
) {
    // Everything that arrived meanwhile goes into the same rebuild.
    while let Ok(more) = rx.try_recv() {
        changes.paths.extend(more.paths);
        changes.rescan |= more.rescan;
    }
    let folder_created = changes.paths.iter().any(|p| {
        p.file_name()
            .is_some_and(|n| watch::FOLDERS.iter().any(|f| n == *f))
    });
    if folder_created {
        watcher.watch_folders();
    }
    // A bug in a rebuild must not end the preview: start over from the files.
    let run = |engine: &mut Engine, changes: &Changes| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.rebuild(changes)))
    };
    let result = run(engine, &changes).or_else(|_| {
        eprintln!("error: internal error during the rebuild; reading the whole site again");
        // Stopped midway, the rebuild may have left its cached bodies half updated.
        engine.forget_bodies();
        let all = Changes {
            paths: Default::default(),
            rescan: true,
        };
        run(engine, &all)
    });
    match result {
        Ok(Ok(out)) => {
            printer.print(&out);
            after(&out);
        }
        Ok(Err(e)) => eprintln!(
            "error: {}; still watching",
            crate::printable::escape(&e.to_string())
        ),
        Err(_) => eprintln!("error: the rebuild failed again; still watching"),
    }
}

/// `dossier build --watch`: builds `output/` (or `--output`), then rebuilds what each change
/// touches. Returns only when it cannot run.
pub fn watch_build(opts: &Options, poll: bool, timings: bool) -> Result<(), ServeError> {
    let out = pipeline::output_dir(opts);
    let mut engine = Engine::new(opts, &out)?;
    let (tx, rx) = mpsc::channel();
    let mut watcher = watch::Watch::start(&output_root(opts), poll, tx)?;
    let rx = flagged(rx);
    let mut printer = Printer {
        last: Vec::new(),
        root: opts.root.clone(),
        timings,
    };
    let first = engine.build_all()?;
    printer.print(&first);
    println!(
        "watching {} for changes; writing {} (Ctrl-C to stop)",
        opts.root.display(),
        engine.output().display()
    );
    let stop = Stop::default();
    rebuild_loop(
        &mut engine,
        &rx,
        &mut watcher,
        &mut printer,
        None,
        &stop,
        |_| {},
    );
    Ok(())
}

fn output_root(opts: &Options) -> PathBuf {
    crate::output::absolute(&opts.root)
}

/// Binds `ip:port`; a busy port moves on to the next of ten (and says so).
fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, ServeError> {
    let first = SocketAddr::new(ip, port);
    match TcpListener::bind(first) {
        Ok(l) => return Ok(l),
        Err(e) if e.kind() != std::io::ErrorKind::AddrInUse || port == 0 => {
            return Err(ServeError::Bind(first, e));
        }
        Err(_) => {}
    }
    for next in port.saturating_add(1)..=port.saturating_add(10) {
        if let Ok(l) = TcpListener::bind(SocketAddr::new(ip, next)) {
            eprintln!("port {port} is in use; using {next} instead");
            return Ok(l);
        }
    }
    Err(ServeError::Bind(
        first,
        std::io::Error::new(
            std::io::ErrorKind::AddrInUse,
            format!("ports {port} to {} are all in use", port.saturating_add(10)),
        ),
    ))
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(cmd).arg(url).spawn().is_err() {
        eprintln!("could not open a browser; visit {url}");
    }
}

/// `dossier serve`: builds into a temporary folder of its own, serves it, watches the site
/// and rebuilds what changes, until Ctrl-C. Returns only when it cannot run.
pub fn serve(o: &ServeOptions) -> Result<(), ServeError> {
    if !o.bind.is_loopback() {
        eprintln!(
            "warning: --bind {} makes the preview reachable from other machines; it is meant for this one",
            o.bind
        );
    }
    let listener = bind(o.bind, o.port)?;
    let addr = listener
        .local_addr()
        .map_err(|e| ServeError::Bind(SocketAddr::new(o.bind, o.port), e))?;
    let url = format!("http://{addr}/");
    let private = private_dir()?;
    clean_stale_previews(&private);
    let preview = private.join("site");
    let opts = Options {
        output: Some(preview.clone()),
        // Served at the root of this address, whatever base_url's path is.
        base_url: Some(url.clone()),
        ..o.site.clone()
    };
    let mut engine = Engine::new(&opts, &preview)?;
    std::fs::create_dir_all(&preview)
        .map_err(|e| Fatal::Output(crate::output::OutputError::Io(preview.clone(), e)))?;
    let root = private
        .canonicalize()
        .unwrap_or_else(|_| private.clone())
        .join("site");
    let (tx, rx) = mpsc::channel();
    // The file-system watcher is started once the first build has read the site: it would
    // otherwise be told of every file the build opens (inotify reports opens), which slows
    // the first build down by a fifth at 10,000 briefings. What was saved meanwhile is
    // found by comparing stamps (see `watch::changed_during`). The poller looks at the
    // site before the build itself.
    let watch_root = output_root(&opts);
    // Two seconds back: the coarsest file-system clocks (FAT) could date a save made just
    // after the start before it. Only pictures and other files of content/ go by time.
    let since = std::time::SystemTime::now() - Duration::from_secs(2);
    let before = watch::outside_content(&watch_root);
    let polled = match o.poll {
        true => Some(watch::Watch::start(&watch_root, true, tx.clone())?),
        false => None,
    };
    let rx = flagged(rx);
    let mut printer = Printer {
        last: Vec::new(),
        root: opts.root.clone(),
        timings: o.timings,
    };
    let (status_tx, status_rx) = tokio::sync::watch::channel(Arc::new(Status {
        generation: 0,
        reload: Reload::Page,
        errors: Vec::new(),
    }));
    let status_tx = Arc::new(status_tx);
    // Pages are served while the preview is built: the first build, and every long rebuild
    // after it, writes the pages asked for first.
    let demand = Arc::new(Demand::default());
    engine.serve_demand(demand.clone());
    let reload = status_tx.clone();
    demand.on_many(move || {
        reload.send_modify(|s| {
            *s = Arc::new(Status {
                generation: s.generation + 1,
                reload: Reload::Page,
                errors: s.errors.clone(),
            });
        });
    });
    println!("building the preview at {url}: each page is served as soon as it is ready");
    if o.open {
        open_browser(&url);
    }
    let site = opts.root.clone();
    let (first_tx, first_rx) = tokio::sync::oneshot::channel();
    let engine_demand = demand.clone();
    let stop = Arc::new(Stop::default());
    let engine_stop = stop.clone();
    std::thread::spawn(move || {
        let demand = engine_demand;
        let stop = engine_stop;
        demand.begin();
        // The bodies a last run kept: only those that changed meanwhile are rendered.
        engine.keep_bodies_between_runs(&site);
        let build = |engine: &mut Engine| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.build_all()))
        };
        let first = stop.run(|| match build(&mut engine) {
            // What the kept file holds may be what set the bug off: without it, the start
            // is a first start.
            Err(_) if engine.bodies_taken_up() > 0 => {
                eprintln!(
                    "error: internal error while taking up the kept bodies; rendering them all"
                );
                engine.forget_bodies();
                build(&mut engine)
            }
            other => other,
        });
        let Some(first) = first.filter(|_| !stop.asked()) else {
            demand.end();
            return;
        };
        let first = match first {
            Ok(Ok(first)) => first,
            Ok(Err(e)) => {
                demand.end();
                let _ = first_tx.send(Some(ServeError::Fatal(e)));
                return;
            }
            // The sender dropped: serve ends with an internal error.
            Err(_) => {
                demand.end();
                return;
            }
        };
        let mut watcher = match polled {
            Some(w) => w,
            None => match watch::Watch::start(&watch_root, false, tx.clone()) {
                Ok(w) => {
                    let read = engine.markdown_stamps();
                    let paths = watch::changed_during(&watch_root, &read, &before, since);
                    if !paths.is_empty() {
                        let _ = tx.send(Changes {
                            paths,
                            rescan: false,
                        });
                    }
                    w
                }
                Err(e) => {
                    demand.end();
                    let _ = first_tx.send(Some(ServeError::Watch(e)));
                    return;
                }
            },
        };
        let _ = first_tx.send(None);
        printer.print(&first);
        let status = |out: &Outcome, early_reload: bool| {
            let next = status_after(out, &status_tx.borrow(), &site, early_reload);
            status_tx.send_replace(Arc::new(next));
        };
        status(&first, false);
        demand.end();
        println!(
            "serving {url} from {} (Ctrl-C to stop)",
            engine.output().display()
        );
        // Kept for the next run; a stop asked meanwhile waits for it (at most `STOP_WAIT`).
        if stop.run(|| engine.store_bodies()).is_none() {
            return;
        }
        rebuild_loop(
            &mut engine,
            &rx,
            &mut watcher,
            &mut printer,
            Some(&demand),
            &stop,
            |out| {
                status(out, demand.reloaded());
            },
        );
    });
    let result = run_http(
        listener,
        http::Shared {
            root,
            status: status_rx,
            loopback_only: o.bind.is_loopback(),
            demand,
        },
        first_rx,
    );
    // Nothing is written into the folder once it is being removed, unless the work under
    // way outlasts the wait (a later `serve` then removes what is left).
    stop.wait(STOP_WAIT, || {
        println!(
            "stopping once the work under way ends (at most {} s)",
            STOP_WAIT.as_secs()
        );
    });
    remove_preview(&private);
    result
}

/// How long a client may take to send a request's headers, and how long a kept-alive
/// connection may sit idle, before it is closed: a socket that says nothing holds a file
/// descriptor. `DOSSIER_SERVE_HEADER_TIMEOUT_MS` changes it (tests).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections served at once. Further clients wait in the listen queue until one closes,
/// so that idle sockets cannot use up the usual limit of 1024 open files (the preview also
/// opens the files it serves).
const MAX_CONNECTIONS: usize = 512;

fn header_timeout() -> Duration {
    std::env::var("DOSSIER_SERVE_HEADER_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(HEADER_TIMEOUT, Duration::from_millis)
}

/// Serves until Ctrl-C or SIGTERM, or until `first` says the first build could not run or
/// the site could not be watched (or says nothing at all: the first build panicked).
fn run_http(
    listener: TcpListener,
    shared: http::Shared,
    first: tokio::sync::oneshot::Receiver<Option<ServeError>>,
) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // File reads run on blocking threads; by default one per request in flight (up to
        // 512), and each thread keeps its own allocator heap: 50 tabs or a load test grew
        // the preview by 200 MiB to 1 GiB that it never gave back. A few threads read
        // local files just as fast.
        .max_blocking_threads(4)
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    rt.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(ServeError::Runtime)?;
        let listener = tokio::net::TcpListener::from_std(listener).map_err(ServeError::Runtime)?;
        let app = http::router(shared);
        let failed = async {
            match first.await {
                Ok(None) => std::future::pending().await,
                Ok(Some(e)) => e,
                Err(_) => ServeError::Runtime(std::io::Error::other(
                    "internal error during the first build",
                )),
            }
        };
        tokio::select! {
            () = accept_loop(listener, app, header_timeout()) => Ok::<(), ServeError>(()),
            e = failed => Err(e),
            _ = tokio::signal::ctrl_c() => Ok(()),
            _ = terminated() => Ok(()),
        }
    })?;
    // Open event streams would keep a graceful shutdown waiting forever.
    rt.shutdown_background();
    Ok(())
}

/// Accepts connections, at most [`MAX_CONNECTIONS`] at once, and serves each over HTTP/1.1
/// with a deadline on its request headers. Event streams are response bodies, which the
/// deadline does not cover, so they stay open.
async fn accept_loop(listener: tokio::net::TcpListener, app: axum::Router, timeout: Duration) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors or a connection reset before it was accepted:
                // try again shortly rather than spin or stop serving.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(timeout)
                .keep_alive(true);
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

/// Resolves when the process is asked to stop (SIGTERM), so the preview folder is removed.
async fn terminated() {
    #[cfg(unix)]
    if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        s.recv().await;
        return;
    }
    std::future::pending::<()>().await
}

/// A new folder of our own for the preview: `$TMPDIR/dossier-serve-<pid>-<nanos>`, created
/// (never reused, so a symlink planted under a guessable name is refused) and readable by
/// this user only, since it holds drafts. The site is built in its `site/` folder.
fn private_dir() -> Result<PathBuf, ServeError> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let dir = std::env::temp_dir().join(format!("dossier-serve-{}-{nanos:09}", std::process::id()));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(&dir)
        .map_err(|e| Fatal::Output(crate::output::OutputError::Io(dir.clone(), e)))?;
    Ok(dir)
}

/// Removes preview folders of `serve` processes that were killed before they could, or
/// stopped while a rebuild wrote into the folder they were removing: folders marked as
/// an output, empty, or made as `mine` was (same owner, readable by the owner alone).
fn clean_stale_previews(mine: &Path) {
    let made_as_mine = |path: &Path| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let (Ok(a), Ok(b)) = (
                std::fs::symlink_metadata(mine),
                std::fs::symlink_metadata(path),
            ) else {
                return false;
            };
            a.uid() == b.uid() && b.mode() & 0o777 == 0o700 && b.is_dir()
        }
        #[cfg(not(unix))]
        {
            let _ = (mine, path);
            false
        }
    };
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix("dossier-serve-") else {
            continue;
        };
        let pid = rest.split('-').next().unwrap_or(rest);
        let path = e.path();
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            continue;
        }
        if path == mine {
            continue;
        }
        let ours = path.join(crate::output::MARKER).exists()
            || path.join("site").join(crate::output::MARKER).exists()
            || std::fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none())
            || made_as_mine(&path);
        let alive = Path::new("/proc").join(pid).exists() || !Path::new("/proc/self").exists();
        if ours && !alive && pid.chars().all(|c| c.is_ascii_digit()) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

fn remove_preview(preview: &Path) {
    let _ = std::fs::remove_dir_all(preview);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stop waits for the work under way, which then writes into the folder, and no work
    /// starts after it: the folder removed after the wait stays removed.
    #[test]
    fn a_stop_waits_for_the_work_under_way_and_no_work_starts_after_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("site");
        std::fs::create_dir_all(&folder).expect("folder");
        let stop = Arc::new(Stop::default());
        let (started, began) = mpsc::channel();
        let worker = {
            let (stop, folder) = (stop.clone(), folder.clone());
            std::thread::spawn(move || {
                let mut runs = 0;
                while stop
                    .run(|| {
                        let _ = started.send(());
                        std::thread::sleep(Duration::from_millis(100));
                        std::fs::create_dir_all(folder.join("page")).expect("write");
                    })
                    .is_some()
                {
                    runs += 1;
                }
                runs
            })
        };
        began.recv().expect("the work began");
        stop.wait(Duration::from_secs(10), || {});
        // The work under way has ended: it wrote what it writes.
        assert!(folder.join("page").exists());
        std::fs::remove_dir_all(&folder).expect("remove");
        let runs = worker.join().expect("worker");
        assert!(!folder.exists(), "written again after the stop");
        assert!(runs >= 1);
    }
}
