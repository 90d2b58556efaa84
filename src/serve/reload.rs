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
    /// Errors of a failed rebuild, each as the terminal shows it (`file:line:col: error:
    /// message`, then source line, caret, help and code); empty when good.
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
const CLOSE_STYLE: &str = "float:right;font:inherit;font-size:1.5rem;line-height:1;padding:.25rem .6rem;color:#fff;background:transparent;border:1px solid #fff;border-radius:4px;cursor:pointer";
const LIST_STYLE: &str = "margin:1rem 0;padding-left:2rem";
const PRE_STYLE: &str = "white-space:pre-wrap;margin:0 0 1rem";
const HEADING: &str = "Dossier could not rebuild the site. The last good pages are shown; fix the files below and save (Escape or \u{d7} closes this until the next rebuild).";

/// The error overlay as HTML, or nothing when there are no errors: a close button, then
/// one list item per error, as the terminal shows it. Every error is escaped: it holds
/// file names and text from the site. The script builds the same from the event stream.
pub fn overlay(errors: &[String]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let items: String = errors
        .iter()
        .map(|e| format!("<li><pre style=\"{PRE_STYLE}\">{}</pre></li>", escape(e)))
        .collect();
    format!(
        "<div id=\"dossier-overlay\" role=\"alert\" style=\"{OVERLAY_STYLE}\"><button type=\"button\" id=\"dossier-overlay-close\" aria-label=\"Close\" title=\"Close (Escape)\" style=\"{CLOSE_STYLE}\">\u{d7}</button><p><strong>{HEADING}</strong></p><ol style=\"{LIST_STYLE}\">{items}</ol></div>"
    )
}

/// The script that follows the event stream: reload on a rebuild, swap stylesheets when only
/// CSS changed, show and clear the error overlay; its close button and Escape dismiss it.
/// Error text goes in with `textContent` only, never as markup.
pub fn script() -> String {
    format!(
        r#"<script>/* dossier serve: live reload */(function(){{
var es=new EventSource("{EVENTS}");
function clear(){{var o=document.getElementById("dossier-overlay");if(o)o.remove();}}
function wire(){{var b=document.getElementById("dossier-overlay-close");if(b)b.addEventListener("click",clear);}}
function el(tag,style){{var e=document.createElement(tag);if(style)e.setAttribute("style",style);return e;}}
function show(errors){{clear();var d=el("div","{OVERLAY_STYLE}");d.id="dossier-overlay";d.setAttribute("role","alert");
var b=el("button","{CLOSE_STYLE}");b.type="button";b.id="dossier-overlay-close";b.setAttribute("aria-label","Close");b.title="Close (Escape)";b.textContent="×";d.appendChild(b);
var p=el("p"),s=el("strong");s.textContent="{HEADING}";p.appendChild(s);d.appendChild(p);
var ol=el("ol","{LIST_STYLE}");errors.forEach(function(t){{var li=el("li"),pre=el("pre","{PRE_STYLE}");pre.textContent=t;li.appendChild(pre);ol.appendChild(li);}});d.appendChild(ol);
document.body.appendChild(d);wire();}}
wire();
document.addEventListener("keydown",function(e){{if(e.key==="Escape")clear();}});
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
        let o = overlay(&["</pre></li><img src=x onerror=alert(1)>\n  | \"&".into()]);
        assert!(!o.contains("<img") && o.contains("&lt;/pre&gt;&lt;/li&gt;&lt;img"));
        assert!(o.contains("&quot;&amp;"));
    }

    #[test]
    fn overlay_lists_every_error_with_a_close_button() {
        let o = overlay(&["a.md:1:1: error: one".into(), "b.md:2:3: error: two".into()]);
        assert_eq!(o.matches("<li><pre").count(), 2);
        assert!(o.contains("id=\"dossier-overlay-close\""));
        assert!(script().contains("e.key===\"Escape\""));
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
