//! Pages asked for over HTTP while a rebuild is under way. A rebuild that renders many pages
//! (a template edit, the first build of `serve`) renders and writes those first, between
//! chunks of the rest, so that a browser waits for its own page only, not for the site.
//!
//! The HTTP side registers the output paths a request may be answered from and waits; the
//! engine looks at them between chunks and marks each one it wrote, or found fresh, as
//! served. A path the engine cannot make on its own (a generated file, a picture) waits
//! for the end of the rebuild, when everything is served.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Duration;

/// Output paths asked for during a rebuild, shared by the server and the engine.
#[derive(Default)]
pub struct Demand {
    state: Mutex<State>,
    /// Woken whenever paths were served or the rebuild ended.
    changed: tokio::sync::Notify,
    /// Called when a rebuild starts rendering many pages: `serve` tells open tabs to load
    /// their page again, which then waits for its turn instead of for the whole site.
    on_many: Mutex<Option<Box<dyn Fn() + Send>>>,
}

#[derive(Default)]
struct State {
    /// A rebuild is under way: what is on disk may be about to change.
    busy: bool,
    /// Output paths asked for and not yet served.
    wanted: BTreeSet<String>,
    /// Open tabs were told to load their page again during this rebuild.
    reloaded: bool,
}

/// Longest a request waits for its page; then it is answered with what is on disk.
pub const LONGEST_WAIT: Duration = Duration::from_secs(60);

impl Demand {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `f` is called when a rebuild starts rendering many pages.
    pub fn on_many(&self, f: impl Fn() + Send + 'static) {
        *self.on_many.lock().unwrap_or_else(|e| e.into_inner()) = Some(Box::new(f));
    }

    /// A rebuild begins: requests wait for their page until [`Demand::end`].
    pub fn begin(&self) {
        let mut s = self.state();
        s.busy = true;
        s.reloaded = false;
    }

    /// The rebuild ended: every request waiting is answered from disk.
    pub fn end(&self) {
        {
            let mut s = self.state();
            s.busy = false;
            s.wanted.clear();
            s.reloaded = false;
        }
        self.changed.notify_waiters();
    }

    /// Whether open tabs were told to load their page again during the rebuild under way.
    pub fn reloaded(&self) -> bool {
        self.state().reloaded
    }

    /// Whether a rebuild is under way.
    pub fn busy(&self) -> bool {
        self.state().busy
    }

    /// The paths asked for and not yet served.
    pub(crate) fn wanted(&self) -> Vec<String> {
        self.state().wanted.iter().cloned().collect()
    }

    /// `paths` are fresh on disk: the requests waiting for them go on.
    pub(crate) fn served(&self, paths: &[String]) {
        if paths.is_empty() {
            return;
        }
        {
            let mut s = self.state();
            for p in paths {
                s.wanted.remove(p);
            }
        }
        self.changed.notify_waiters();
    }

    /// The rebuild renders many pages: open tabs are told to load theirs again (once).
    pub(crate) fn many(&self) {
        let first = {
            let mut s = self.state();
            s.busy && !std::mem::replace(&mut s.reloaded, true)
        };
        if first && let Some(f) = &*self.on_many.lock().unwrap_or_else(|e| e.into_inner()) {
            f();
        }
    }

    /// Waits until one of `paths` (the output paths a request may be answered from) is
    /// fresh on disk, or no rebuild is under way, or [`LONGEST_WAIT`] passed.
    pub async fn wait_for(&self, paths: &[String]) {
        let deadline = tokio::time::Instant::now() + LONGEST_WAIT;
        {
            let mut s = self.state();
            if !s.busy {
                return;
            }
            s.wanted.extend(paths.iter().cloned());
        }
        loop {
            let woken = self.changed.notified();
            tokio::pin!(woken);
            // Registered before the look below, so that a wake-up in between is not lost.
            woken.as_mut().enable();
            {
                let s = self.state();
                if !s.busy || paths.iter().any(|p| !s.wanted.contains(p)) {
                    return;
                }
            }
            if tokio::time::timeout_at(deadline, woken).await.is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_request_waits_until_its_page_is_served_and_no_longer() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("runtime");
        let demand = Arc::new(Demand::default());
        // No rebuild: answered at once.
        rt.block_on(demand.wait_for(&["a/index.html".into()]));
        demand.begin();
        let d = demand.clone();
        let waiting =
            rt.spawn(async move { d.wait_for(&["a".into(), "a/index.html".into()]).await });
        rt.block_on(async {
            while demand.wanted().len() < 2 {
                tokio::task::yield_now().await;
            }
        });
        assert!(!waiting.is_finished());
        demand.served(&["b/index.html".to_string()]);
        rt.block_on(tokio::task::yield_now());
        assert!(!waiting.is_finished(), "another page served");
        demand.served(&["a/index.html".to_string()]);
        rt.block_on(waiting).expect("answered");
        assert!(demand.busy());
        assert!(!demand.reloaded());
        demand.end();
        assert!(demand.wanted().is_empty());
    }

    #[test]
    fn tabs_are_told_to_reload_once_per_rebuild() {
        let demand = Demand::default();
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let c = calls.clone();
        demand.on_many(move || {
            c.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        demand.many();
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 0, "idle");
        demand.begin();
        demand.many();
        demand.many();
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert!(demand.reloaded());
        demand.end();
        assert!(!demand.reloaded());
    }
}
