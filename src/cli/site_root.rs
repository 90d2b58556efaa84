//! Which site a command works on when `--root` is not given: the nearest folder upward
//! holding site.yaml, as git and cargo find their repository or package.

use std::path::{Path, PathBuf};

/// How many entries of the current folder are looked at for a site one level down: a
/// folder of a million files must not stall an error message.
const CHILDREN_LOOKED_AT: usize = 10_000;

/// How many child sites a help line names.
const CHILDREN_NAMED: usize = 5;

/// The nearest folder from `cwd` upward holding a site.yaml file, written relative to
/// `cwd` (`.`, `..`, `../..`) so that paths built on it read as the user would type them.
pub fn find_upward(cwd: &Path) -> Option<PathBuf> {
    let mut rel = PathBuf::from(".");
    for (up, dir) in cwd.ancestors().enumerate() {
        if dir.join("site.yaml").is_file() {
            return Some(rel);
        }
        rel = if up == 0 {
            PathBuf::from("..")
        } else {
            rel.join("..")
        };
    }
    None
}

/// The names of the folders directly in `dir` (symlinks not followed) that hold a
/// site.yaml, sorted; at most [`CHILDREN_NAMED`] of the first entries looked at.
pub fn child_sites(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .take(CHILDREN_LOOKED_AT)
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| e.path().join("site.yaml").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    found.sort();
    found.truncate(CHILDREN_NAMED);
    found
}

/// Why no site was found from the current folder, with how to name one; `None` when there
/// is nothing better to say than the command's own "no site.yaml" error.
pub fn not_found_help(children: &[String]) -> Option<String> {
    match children {
        [] => None,
        [one] => Some(format!("{one}/site.yaml exists: run with `--root {one}`")),
        several => Some(format!(
            "several folders here hold a site.yaml: pass one with --root ({})",
            several.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_site_upward_is_found_relative_to_the_start() {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let deep = tmp.path().join("desk/content/briefings");
        std::fs::create_dir_all(&deep).expect("folders");
        std::fs::write(tmp.path().join("desk/site.yaml"), "title: x\n").expect("site.yaml");
        assert_eq!(find_upward(&deep), Some(PathBuf::from("../..")));
        assert_eq!(
            find_upward(&tmp.path().join("desk")),
            Some(PathBuf::from("."))
        );
        assert_eq!(
            child_sites(tmp.path()),
            ["desk".to_string()],
            "a site one level down"
        );
        assert!(child_sites(&deep).is_empty());
    }
}
