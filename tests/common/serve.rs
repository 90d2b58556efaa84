//! A `dossier` process for tests of `serve` and `build --watch`: its stdout lines as they
//! come, and a SIGTERM when dropped.

use super::TestSite;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A running `dossier` process, stopped when dropped.
pub struct Running {
    pub child: Child,
    pub lines: mpsc::Receiver<String>,
}

impl Drop for Running {
    fn drop(&mut self) {
        // SIGTERM first, so that serve removes its preview folder.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    /// Starts `dossier ARGS --root SITE`, its stdout read line by line on a thread.
    pub fn start(site: &TestSite, args: &[&str]) -> Running {
        Running::start_with(site, args, &[])
    }

    /// [`Running::start`] with extra environment variables.
    pub fn start_with(site: &TestSite, args: &[&str], env: &[(&str, &str)]) -> Running {
        let child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .env("DOSSIER_NOW", super::NOW)
            .args(args)
            .envs(env.iter().copied())
            .arg("--root")
            .arg(site.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dossier");
        Running::from_child(child)
    }

    /// A started process whose stdout is piped: its lines are read as they come.
    pub fn from_child(mut child: Child) -> Running {
        let out = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Running { child, lines }
    }

    /// The first stdout line containing `needle`.
    pub fn line(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            match self.lines.recv_timeout(Duration::from_millis(200)) {
                Ok(l) if l.contains(needle) => return l,
                Ok(_) | Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        panic!("dossier never printed a line with {needle:?}");
    }

    /// Starts `serve --port 0` and returns it with its address and preview folder.
    pub fn serve(site: &TestSite) -> (Running, String, PathBuf) {
        Running::serve_with(site, &[], &[])
    }

    /// [`Running::serve`] with more arguments and environment variables.
    pub fn serve_with(
        site: &TestSite,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> (Running, String, PathBuf) {
        let mut all = vec!["serve", "--port", "0"];
        all.extend_from_slice(args);
        let r = Running::start_with(site, &all, env);
        let line = r.line("serving http://");
        let addr = address(&line);
        let dir = line
            .split(" from ")
            .nth(1)
            .and_then(|s| s.split(" (").next())
            .expect("folder");
        (r, addr, PathBuf::from(dir))
    }
}

/// The `host:port` of serve's `serving http://…` line.
pub fn address(line: &str) -> String {
    line.split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("address")
        .to_string()
}
