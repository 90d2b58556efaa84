//! Redirects from old addresses (`moved_from:` of briefings and profiles) to the pages they
//! moved to: a small page at each old path, `_redirects` (Netlify, Cloudflare Pages) and
//! `redirects.nginx.map`.

use crate::diagnostic::{Code, Diagnostics, Span};
use crate::site::Site;
use crate::urls;
use std::collections::BTreeMap;

/// The longest old path accepted, in bytes: past it a value is not an address anyone used.
pub const MAX_OLD_PATH: usize = 200;

/// Old addresses one file may list: each is a page of its own in the output.
pub const MAX_MOVED_FROM: usize = 100;

/// Files the build writes that are neither pages nor copied, by path (the first of a family).
const GENERATED: &[&str] = &[
    "sitemap.xml",
    "robots.txt",
    "search-index.json",
    "data/stances.csv",
    "data/entities.json",
    "data/graph.json",
    "_redirects",
    "redirects.nginx.map",
];

/// One redirect: site-relative folders, `briefings/old/` → `briefings/new/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Redirect {
    pub from: String,
    pub to: String,
    /// The title of the page it leads to, for the redirect page's link.
    pub title: String,
}

/// The folder an old address names: a bare slug or id is `<dir>/<it>/`; a path (with a `/`)
/// is taken from the site root, with or without its leading `/`, trailing `/` or
/// `index.html`. `Err` says why it is no path inside the site.
pub fn old_path(dir: &str, written: &str) -> Result<String, String> {
    let w = written.trim();
    if w.len() > MAX_OLD_PATH {
        return Err(format!("is over {MAX_OLD_PATH} bytes"));
    }
    if w.contains("://") || w.starts_with("//") || crate::urls::scheme(w).is_some() {
        return Err("is an address elsewhere, not a path of this site".into());
    }
    let path = if w.contains('/') {
        let p = w.trim_start_matches('/');
        let p = p.strip_suffix("index.html").unwrap_or(p);
        p.trim_end_matches('/').to_string()
    } else {
        format!("{dir}/{w}")
    };
    let good_segment = |s: &str| {
        !s.is_empty()
            && !s.starts_with('.')
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
    };
    if path.is_empty() || !path.split('/').all(good_segment) {
        return Err(
            "is no site path: write a slug, or a path of lowercase letters, digits, `-`, `_` and `.` (no `..`)"
                .into(),
        );
    }
    Ok(format!("{path}/"))
}

/// Who a redirect comes from, for errors: file, span and the folder it leads to.
struct Claim<'a> {
    file: &'a str,
    span: Span,
    to: String,
    title: &'a str,
}

/// The codes of what [`table`] finds (D072, D073, D074), and no other check reports.
pub const CODES: [Code; 3] = [
    Code::RedirectCollision,
    Code::RedirectLoop,
    Code::BadRedirect,
];

/// Every redirect of `site`, by old path, and the problems of its `moved_from:` values: an
/// old path that is no site path (D074), that is the path of a page the site has or is
/// claimed twice (D072), or that leads back to where it starts (D073).
pub fn table(site: &Site) -> (Vec<Redirect>, Diagnostics) {
    let r = &site.resolved;
    let mut diags = Diagnostics::new();
    let mut claims: Vec<(String, Claim<'_>)> = Vec::new();
    let mut too_many = |file: &str, list: &[crate::model::Spanned<String>]| {
        if let Some(past) = list.get(MAX_MOVED_FROM) {
            diags.error(
                Code::BadRedirect,
                file,
                past.span,
                format!(
                    "{} old addresses in `moved_from`: a file may list at most {MAX_MOVED_FROM}",
                    list.len()
                ),
            );
        }
    };
    for b in &r.briefings {
        too_many(&b.path, &b.moved_from);
        for m in b.moved_from.iter().take(MAX_MOVED_FROM) {
            let to = urls::briefing(&b.slug);
            claims.push((m.value.clone(), claim(&b.path, m.span, to, &b.title)));
        }
    }
    for e in &r.entities {
        let Some(p) = &e.profile else { continue };
        too_many(&p.path, &p.moved_from);
        for m in p.moved_from.iter().take(MAX_MOVED_FROM) {
            let to = urls::entity(&e.id);
            claims.push((m.value.clone(), claim(&p.path, m.span, to, &e.name)));
        }
    }
    if claims.is_empty() {
        // Nothing to check: most sites, and no need to list their every page.
        return (Vec::new(), diags);
    }
    // Every page folder and who has it (a briefing's or profile's file, if any).
    let mut pages: BTreeMap<String, Option<&str>> = BTreeMap::new();
    // A file the build writes where the redirect's folder would go (`atom.xml/`, an image
    // beside the content) collides as a page does.
    let files = (super::plan(site).into_iter())
        .map(|page| super::target(site, page).0)
        .chain(site.assets.iter().map(|a| a.output_path.clone()))
        .chain(site.statics.iter().map(|a| a.output_path.clone()))
        .chain(GENERATED.iter().map(|g| g.to_string()));
    for path in files {
        let dir = match path.strip_suffix("index.html") {
            Some(dir) => dir.to_string(),
            None => format!("{path}/"),
        };
        pages.insert(dir, None);
    }
    for b in &r.briefings {
        pages.insert(urls::briefing(&b.slug), Some(&b.path));
    }
    for e in &r.entities {
        if let Some(p) = &e.profile {
            pages.insert(urls::entity(&e.id), Some(&p.path));
        }
    }
    // Which files claim which old paths, to tell a loop (two pages each claiming the
    // other's path) from a plain collision.
    let mut by_file: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut resolved: Vec<(String, Claim<'_>)> = Vec::new();
    for (written, c) in claims {
        let dir = kind_dir_of(&c.to);
        match old_path(dir, &written) {
            Ok(from) => {
                by_file.entry(c.file).or_default().push(from.clone());
                resolved.push((from, c));
            }
            Err(why) => {
                diags
                    .error(
                        Code::BadRedirect,
                        c.file,
                        c.span,
                        format!("`moved_from: {written}` {why}"),
                    )
                    .with_help("old addresses are slugs (`old-name`) or site paths (`/briefings/old-name/`)");
            }
        }
    }
    let mut out: BTreeMap<String, (Redirect, &str)> = BTreeMap::new();
    for (from, c) in resolved {
        if from == c.to {
            diags.error(
                Code::RedirectLoop,
                c.file,
                c.span,
                format!("`moved_from` names /{from}, this page's own address: it would redirect to itself"),
            );
            continue;
        }
        if let Some(holder) = pages.get(&from) {
            let mine = urls_of(&by_file, holder.unwrap_or(""));
            if let Some(other) = holder
                && mine.contains(&c.to)
            {
                diags.error(
                    Code::RedirectLoop,
                    c.file,
                    c.span,
                    format!(
                        "redirect loop: /{from} is {other}'s page, which redirects /{} back here",
                        c.to
                    ),
                );
            } else {
                let whose = holder.map_or_else(
                    || "a page or file of the site".to_string(),
                    |f| format!("the page of {f}"),
                );
                diags.error(
                    Code::RedirectCollision,
                    c.file,
                    c.span,
                    format!("`moved_from` /{from} is the address of {whose}: a redirect there would hide it"),
                );
            }
            continue;
        }
        if let Some((_, first)) = out.get(&from) {
            diags.error(
                Code::RedirectCollision,
                c.file,
                c.span,
                format!("`moved_from` /{from} is claimed by {first} too: it can redirect to one page only"),
            );
            continue;
        }
        let redirect = Redirect {
            from: from.clone(),
            to: c.to,
            title: c.title.to_string(),
        };
        out.insert(from, (redirect, c.file));
    }
    (out.into_values().map(|(r, _)| r).collect(), diags)
}

fn claim<'a>(file: &'a str, span: Span, to: String, title: &'a str) -> Claim<'a> {
    Claim {
        file,
        span,
        to,
        title,
    }
}

/// The kind folder of a page folder (`briefings`, `actors`…), where bare slugs live.
fn kind_dir_of(to: &str) -> &str {
    to.split('/').next().unwrap_or("briefings")
}

fn urls_of<'a>(by_file: &'a BTreeMap<&str, Vec<String>>, file: &str) -> &'a [String] {
    by_file.get(file).map_or(&[], Vec::as_slice)
}

/// The old path whose address a renamed briefing's feed entries keep as their id: its first
/// `moved_from` (its original address), when that is a site path.
pub fn first_address(moved_from: &[crate::model::Spanned<String>]) -> Option<String> {
    old_path("briefings", &moved_from.first()?.value).ok()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The files: a page at each old path, `_redirects` and `redirects.nginx.map` (none when the
/// site has no redirects). Paths in the two server files start at the base path.
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let (list, _) = table(site);
    if list.is_empty() {
        return Vec::new();
    }
    let base = &site.config.base_url;
    let path = &site.config.base_path;
    let mut out = Vec::with_capacity(list.len() + 2);
    let mut netlify = String::new();
    let mut nginx = String::new();
    let i18n = &site.config.i18n;
    let lang = escape(&site.config.language);
    let heading = escape(i18n.text("redirect_heading"));
    let head = i18n.pattern("redirect_title", &[], &["title"]);
    // The link is marked by a character no message has, and put in after escaping.
    let text = escape(
        &i18n
            .pattern("redirect_text", &[], &["link"])
            .fill(&["\u{E000}"]),
    );
    for r in &list {
        let url = escape(&format!("{base}{}", r.to));
        let title = escape(&head.fill(&[&r.title]));
        let link = format!("<a href=\"{url}\">{}</a>", escape(&r.title));
        let dir = super::direction::Direction::of_language(&site.config.language).as_str();
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<link rel=\"canonical\" href=\"{url}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n<h1>{heading}</h1>\n<p>{}</p>\n</body>\n</html>\n",
            text.replace('\u{E000}', &link)
        );
        out.push((format!("{}index.html", r.from), html.into_bytes()));
        netlify.push_str(&format!("{path}{} {path}{} 301\n", r.from, r.to));
        nginx.push_str(&format!("{path}{} {path}{};\n", r.from, r.to));
    }
    out.push(("_redirects".into(), netlify.into_bytes()));
    out.push(("redirects.nginx.map".into(), nginx.into_bytes()));
    out
}

#[cfg(test)]
mod tests {
    use super::old_path;

    #[test]
    fn old_paths_are_slugs_or_site_paths_and_nothing_else() {
        assert_eq!(
            old_path("briefings", "old-name"),
            Ok("briefings/old-name/".into())
        );
        assert_eq!(old_path("actors", "eu"), Ok("actors/eu/".into()));
        for p in ["/briefings/x/", "briefings/x", "/briefings/x/index.html"] {
            assert_eq!(old_path("briefings", p), Ok("briefings/x/".into()), "{p}");
        }
        for bad in [
            "../etc/passwd",
            "/a/../b/",
            "https://evil.example/x",
            "//evil.example/x",
            "javascript:alert(1)",
            "a b",
            "/",
            "Old",
            "/.git/",
            &"a".repeat(201),
        ] {
            assert!(old_path("briefings", bad).is_err(), "{bad}");
        }
    }
}
