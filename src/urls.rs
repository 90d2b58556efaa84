//! Page paths and links. Pages link to each other with relative URLs, so a site works under
//! any base path and from disk; canonical URLs, feeds and the sitemap use base_url.

use crate::model::{EntityId, Kind, Slug};

/// The folder of a briefing's page, relative to the output root: `briefings/<slug>/`.
pub fn briefing(slug: &Slug) -> String {
    format!("briefings/{slug}/")
}

/// The folder of an entity's page: `actors/<id>/`.
pub fn entity(id: &EntityId) -> String {
    format!("{}/{}/", id.kind.dir(), id.slug)
}

/// The folder of an entity kind's index: `actors/`.
pub fn kind_index(kind: Kind) -> String {
    format!("{}/", kind.dir())
}

/// The folder of a tag's page: `tags/<slug>/`.
pub fn tag(slug: &Slug) -> String {
    format!("tags/{slug}/")
}

/// A link from a page `root` (`../../`) to the page in folder `dir`, naming `index.html`
/// so that the site can be browsed from disk as well as served.
pub fn href(root: &str, dir: &str) -> String {
    format!("{root}{dir}index.html")
}

/// How many folders below the output root a page folder is.
pub fn depth(dir: &str) -> usize {
    dir.split('/').filter(|s| !s.is_empty()).count()
}

/// The relative prefix from a page in folder `dir` back to the output root.
pub fn root_of(dir: &str) -> String {
    "../".repeat(depth(dir))
}

/// Why a base URL (`base_url` or `--base-url`) is refused; each names the value as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseUrlError {
    #[error("`{0}` has characters a URL cannot hold unescaped")]
    Unescaped(String),
    #[error(
        "`{0}` has a `%` that is not followed by two hex digits (write `%25` for a percent sign)"
    )]
    BadPercent(String),
    #[error("`{0}` has a query (`?…`); a base URL is a scheme, a host and a path")]
    Query(String),
    #[error("`{0}` has a fragment (`#…`); a base URL is a scheme, a host and a path")]
    Fragment(String),
    #[error("`{url}` has no scheme: write `https://{rest}` (or a path starting with a single /)")]
    NoScheme { url: String, rest: String },
    #[error("`{url}` must have `//` after `{scheme}:` (https://example.org/desk/)")]
    NoSlashes { url: String, scheme: String },
    #[error(
        "`{url}` uses the scheme `{scheme}:`; a base URL is http:// or https:// (https://example.org/desk/) or a path starting with /"
    )]
    OtherScheme { url: String, scheme: String },
    #[error("`{0}` must be an absolute URL (https://example.org/desk/) or a path starting with /")]
    NotAbsolute(String),
    #[error("`{0}` holds a user name or password; a published address never should")]
    Credentials(String),
    #[error("`{0}` has no host name after `//`")]
    NoHost(String),
    #[error("`{url}` is not a valid URL: {why}")]
    Invalid { url: String, why: url::ParseError },
}

/// Accepts an absolute http(s) URL or a path starting with `/`, with nothing in it that
/// would need escaping in HTML.
pub fn check_base(base: &str) -> Result<(), BaseUrlError> {
    parse_base(base).map(|_| ())
}

/// Reads a base URL (`base_url` or `--base-url`): an absolute `http`/`https` URL with a
/// host and an optional path, or a path starting with `/`. Returns it normalized (scheme
/// and host in lower case, ending in `/`) with its path (`/desk/`), or why it is refused:
/// no scheme (`//host`, `host/path`), another scheme, no host, a user name or password, a
/// query or fragment, spaces, quotes or bad percent-escapes. The `url` crate does the
/// parsing; what it would silently repair (`https:///x` read as host `x`) is refused first.
pub fn parse_base(base: &str) -> Result<(String, String), BaseUrlError> {
    let b = base.trim();
    if b.chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\{}|^".contains(c))
    {
        return Err(BaseUrlError::Unescaped(b.to_string()));
    }
    if let Some(i) = b.find('%')
        && !percent_escapes_are_whole(&b[i..])
    {
        return Err(BaseUrlError::BadPercent(b.to_string()));
    }
    if b.contains('?') {
        return Err(BaseUrlError::Query(b.to_string()));
    }
    if b.contains('#') {
        return Err(BaseUrlError::Fragment(b.to_string()));
    }
    if let Some(rest) = b.strip_prefix("//") {
        return Err(BaseUrlError::NoScheme {
            url: b.to_string(),
            rest: rest.to_string(),
        });
    }
    if b.starts_with('/') {
        let mut path = b.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        return Ok((path.clone(), path));
    }
    let lower = b.to_ascii_lowercase();
    let Some(rest) = ["https://", "http://"]
        .iter()
        .find_map(|s| lower.starts_with(s).then(|| &b[s.len()..]))
    else {
        let scheme = b.split_once(':').map(|(s, _)| s).filter(|s| {
            !s.is_empty()
                && !s.contains(['/', '.'])
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        let (url, scheme) = (b.to_string(), scheme.map(str::to_string));
        return Err(match scheme {
            Some(scheme)
                if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
            {
                BaseUrlError::NoSlashes { url, scheme }
            }
            Some(scheme) => BaseUrlError::OtherScheme { url, scheme },
            None => BaseUrlError::NotAbsolute(url),
        });
    };
    let authority = rest.split('/').next().unwrap_or("");
    if authority.contains('@') {
        return Err(BaseUrlError::Credentials(b.to_string()));
    }
    if authority.is_empty() || authority.starts_with(':') {
        return Err(BaseUrlError::NoHost(b.to_string()));
    }
    let url = url::Url::parse(b).map_err(|why| BaseUrlError::Invalid {
        url: b.to_string(),
        why,
    })?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(BaseUrlError::NoHost(b.to_string()));
    }
    let mut normal = url.as_str().to_string();
    if !normal.ends_with('/') {
        normal.push('/');
    }
    let mut path = url.path().to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    Ok((normal, path))
}

/// Whether every `%` in `s` starts an escape of two hex digits.
fn percent_escapes_are_whole(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        c != b'%'
            || (b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

/// Splits a base URL into its normalized form (ending in `/`) and its path (`/desk/`).
/// A value [`parse_base`] refuses (reported before this is called) is kept as written.
pub fn split_base(base_url: &str) -> (String, String) {
    parse_base(base_url).unwrap_or_else(|_| (base_url.trim().to_string(), "/".to_string()))
}

/// Serves root-relative URLs (`href="/x/"`) of an HTML page under the base path
/// (`href="/desk/x/"`), as the contract asks for bodies and themes alike.
pub fn under_base(html: String, base_path: &str) -> String {
    if base_path == "/" {
        return html;
    }
    let prefix = base_path.trim_end_matches('/');
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html.as_str();
    let next = |s: &str| match (s.find("=\"/"), s.find("='/")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    while let Some(i) = next(rest) {
        let (head, tail) = rest.split_at(i + 2);
        out.push_str(head);
        let attr = head[..i]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let is_url_attr = matches!(
            attr.to_ascii_lowercase().as_str(),
            "href" | "src" | "action" | "poster" | "cite" | "data"
        );
        if is_url_attr && !tail[1..].starts_with('/') && !tail[1..].starts_with(&base_path[1..]) {
            out.push_str(prefix);
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The scheme of `url` as a browser reads it, lower-cased (`javascript`), or `None` for a
/// relative URL. Browsers drop leading and trailing controls and spaces and every tab and
/// newline before parsing, and an attribute's character references are decoded first, so
/// `  JaVa&#x09;script:` is `javascript` too.
pub fn scheme(url: &str) -> Option<String> {
    let decoded = decode_references(url);
    let cleaned: String = decoded
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Schemes that run script or carry a document of their own, and so never become a link.
pub const SCRIPT_SCHEMES: &[&str] = &["javascript", "vbscript", "data", "livescript"];

/// The scheme of `url` when it is one of [`SCRIPT_SCHEMES`].
pub fn script_scheme(url: &str) -> Option<String> {
    scheme(url).filter(|s| SCRIPT_SCHEMES.contains(&s.as_str()))
}

/// Numeric character references and the named ones that spell URL punctuation
/// (`&Tab;`, `&NewLine;`, `&colon;`), decoded as an HTML attribute would be.
fn decode_references(s: &str) -> String {
    crate::char_refs::decode(s, |name| match name {
        "Tab" => Some('\t'),
        "NewLine" => Some('\n'),
        "colon" => Some(':'),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(
            split_base("https://example.org/desk"),
            ("https://example.org/desk/".into(), "/desk/".into())
        );
        assert_eq!(
            split_base("https://example.org"),
            ("https://example.org/".into(), "/".into())
        );
        assert_eq!(root_of("briefings/x/"), "../../");
        assert_eq!(href("../../", "actors/a/"), "../../actors/a/index.html");
        assert_eq!(href("", ""), "index.html");
    }

    #[test]
    fn root_relative_urls_move_under_the_base_path() {
        let html = r#"<a href="/x/">x</a> <img src='/i.png'> <a href="//cdn.example/x"> <a href="../y/"> <p title="/not">"#;
        assert_eq!(
            under_base(html.to_string(), "/desk/"),
            r#"<a href="/desk/x/">x</a> <img src='/desk/i.png'> <a href="//cdn.example/x"> <a href="../y/"> <p title="/not">"#
        );
        assert_eq!(under_base(html.to_string(), "/"), html);
    }

    #[test]
    fn script_schemes_are_found_however_they_are_written() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java&#x09;script:alert(1)",
            "java&#9;script:alert(1)",
            "&#106;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,PHN2Zz4=",
        ] {
            assert!(script_scheme(url).is_some(), "{url:?}");
        }
        for url in [
            "https://example.com/javascript:x",
            "./javascript:x",
            "%6Aavascript:alert(1)",
            "notes.md",
            "#javascript:x",
            "/data:x",
            "mailto:desk@example.org",
        ] {
            assert_eq!(script_scheme(url), None, "{url:?}");
        }
    }
}
