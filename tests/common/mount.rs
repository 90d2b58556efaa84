//! File systems mounted for one test (a tmpfs, a bind mount), unmounted when dropped. Only
//! root can mount, so the tests that use these are `#[ignore]`d with that reason; `.ci/run`
//! runs them as root with `--ignored`, and a mount that fails fails the test.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A mount made by a test; unmounted on drop.
pub struct Mount {
    at: PathBuf,
    /// The temp folder mounted on, when the mount made its own.
    _dir: Option<tempfile::TempDir>,
}

fn mount(args: &[&str], at: &Path) -> Result<(), String> {
    match Command::new("mount").args(args).arg(at).output() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(String::from_utf8_lossy(&o.stderr).trim().to_string()),
        Err(e) => Err(format!("no mount command: {e}")),
    }
}

impl Mount {
    /// A tmpfs of `size` (`1m`, `4m`) on a fresh temp folder.
    pub fn tmpfs(size: &str) -> Mount {
        // A folder of its own inside a private temp folder, so that what a build leaves
        // beside the mount point is this test's alone (not the rest of $TMPDIR).
        let dir = tempfile::tempdir().expect("a temp folder");
        let at = dir.path().join("volume");
        std::fs::create_dir(&at).expect("a folder to mount on");
        let mut m = Mount::tmpfs_at(size, &at);
        m._dir = Some(dir);
        m
    }

    /// A tmpfs of `size` on the existing folder `at`.
    pub fn tmpfs_at(size: &str, at: &Path) -> Mount {
        Mount::mounted(&["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"], at)
    }

    /// `from` bind-mounted on the existing folder `at`: one folder seen at two paths.
    pub fn bind(from: &Path, at: &Path) -> Mount {
        Mount::mounted(&["--bind", &from.to_string_lossy()], at)
    }

    /// `mount ARGS AT`, or the test fails: these tests run only where they can mount.
    fn mounted(args: &[&str], at: &Path) -> Mount {
        match mount(args, at) {
            Ok(()) => Mount {
                at: at.to_path_buf(),
                _dir: None,
            },
            Err(e) => panic!(
                "cannot mount on {} ({e}): this test needs root",
                at.display()
            ),
        }
    }

    pub fn path(&self) -> &Path {
        &self.at
    }

    pub fn remount(&self, options: &str) {
        let o = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.at)
            .output()
            .expect("mount");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.at).status();
    }
}
