//! Live reload: the state every open tab follows (a generation counter, the current errors),
//! the server-sent events that carry it, and the script and overlay `serve` adds to HTML
//! responses. Nothing here reaches the files `dossier build` writes.

use std::sync::Arc;
use tokio::sync::watch;

/// The URL of the event stream.
pub const EVENTS: &str = "/__dossier/events";

/// What the open tabs should show.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// Bumped after every rebuild that wrote files.
    pub generation: u64,
    /// How the last rebuild that wrote files is taken in.
    pub reload: Reload,
    /// Diagnostics of a failed rebuild (`file:line:col: error: message`); empty when good.
    pub errors: Vec<String>,
}

/// How an open tab takes a rebuild that wrote files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Reload {
    /// The page is loaded again.
    #[default]
    Page,
    /// Only stylesheets changed: they are swapped in place, the page stays.
    Css,
}

impl Reload {
    /// The `reload` event's data, as the script reads it.
    fn event_data(self) -> &'static str {
        match self {
            Reload::Page => "page",
            Reload::Css => "css",
        }
    }
}

/// Sends status changes to every open tab.
pub type Broadcast = watch::Sender<Arc<Status>>;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const OVERLAY_STYLE: &str = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(20,20,24,.94);color:#fff;font:14px/1.5 ui-monospace,monospace";

/// The error overlay as HTML, or nothing when there are no errors.
pub fn overlay(errors: &[String]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let lines: Vec<String> = errors.iter().map(|e| escape(e)).collect();
    format!(
        "<div id=\"dossier-overlay\" role=\"alert\" style=\"{OVERLAY_STYLE}\"><p><strong>Dossier could not rebuild the site.</strong> The last good pages are shown; fix the files below and save.</p><pre style=\"white-space:pre-wrap\">{}</pre></div>",
        lines.join("\n")
    )
}

/// The script that follows the event stream: reload on a rebuild, swap stylesheets when only
/// CSS changed, show and clear the error overlay.
pub fn script() -> String {
    format!(
        r#"<script>/* dossier serve: live reload */(function(){{
var es=new EventSource("{EVENTS}");
function clear(){{var o=document.getElementById("dossier-overlay");if(o)o.remove();}}
function show(lines){{clear();var d=document.createElement("div");d.id="dossier-overlay";d.setAttribute("role","alert");d.setAttribute("style","{OVERLAY_STYLE}");
var p=document.createElement("p");p.textContent="Dossier could not rebuild the site. The last good pages are shown; fix the files below and save.";
var pre=document.createElement("pre");pre.style.whiteSpace="pre-wrap";pre.textContent=lines.join("\n");d.appendChild(p);d.appendChild(pre);document.body.appendChild(d);}}
es.addEventListener("errors",function(e){{show(JSON.parse(e.data));}});
es.addEventListener("ok",clear);
es.addEventListener("reload",function(e){{if(e.data==="css"){{document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){{var u=new URL(l.href);u.searchParams.set("dossier",Date.now());l.href=u.href;}});}}else{{location.reload();}}}});
}})();</script>"#
    )
}

/// `html` with the overlay (if any) and the script added before `</body>`.
pub fn inject(html: &[u8], errors: &[String]) -> Vec<u8> {
    let extra = format!("{}{}", overlay(errors), script());
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The server-sent events that bring a tab from nothing (or `last`) to `now`.
pub fn events(last: Option<&Status>, now: &Status) -> String {
    let mut out = String::new();
    if now.errors.is_empty() {
        if last.is_none_or(|l| !l.errors.is_empty()) {
            out.push_str("event: ok\ndata: \n\n");
        }
    } else {
        let json = serde_json::to_string(&now.errors).unwrap_or_else(|_| "[]".into());
        out.push_str(&format!("event: errors\ndata: {json}\n\n"));
    }
    if let Some(l) = last
        && l.generation != now.generation
    {
        out.push_str(&format!(
            "event: reload\ndata: {}\n\n",
            now.reload.event_data()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_escapes_messages() {
        let o = overlay(&["a.md:1:1: error: <script>".into()]);
        assert!(o.contains("&lt;script&gt;") && !o.contains("<script>"));
    }

    #[test]
    fn script_goes_before_the_closing_body_tag() {
        let out =
            String::from_utf8(inject(b"<html><body><p>x</p></body></html>", &[])).expect("utf-8");
        assert!(out.contains("<p>x</p><script>") && out.ends_with("</script></body></html>"));
    }

    #[test]
    fn a_tab_reloads_once_per_generation() {
        let a = Status {
            generation: 1,
            reload: Reload::Page,
            errors: vec![],
        };
        let b = Status {
            generation: 2,
            reload: Reload::Css,
            ..a.clone()
        };
        assert_eq!(events(Some(&a), &a), "");
        assert_eq!(events(Some(&a), &b), "event: reload\ndata: css\n\n");
        assert_eq!(events(None, &a), "event: ok\ndata: \n\n");
    }
}
