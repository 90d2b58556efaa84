//! `dossier digest`: what moved between two days, as Markdown or HTML: new positions,
//! changes of position, retracted sources, entities first named, the busiest topics.

use crate::id_vec::Id;
use crate::model::{EntityIdx, Kind};
use crate::render::change_feeds::sentence;
use crate::render::changes::{self, Change};
use crate::site::Site;
use crate::urls;
use jiff::civil::Date;

/// The digest's words: it is written in English whatever the site's language (its
/// headings and sentences are not translated yet), so its changes and dates are too.
fn english() -> std::sync::Arc<crate::i18n::Catalog> {
    crate::i18n::Catalog::builtin(crate::i18n::BASE)
}

/// How many topics "Busiest topics" lists.
pub const BUSIEST: usize = 5;

/// The days a digest covers, both included; no `until` is no end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub since: Date,
    pub until: Option<Date>,
}

impl Window {
    /// Whether `d` falls in the window.
    pub fn holds(self, d: Date) -> bool {
        d >= self.since && self.until.is_none_or(|u| d <= u)
    }
}

/// A day given on the command line: `YYYY-MM-DD` and nothing else.
pub fn parse_day(text: &str) -> Result<Date, String> {
    let ok = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<Date>() {
        Ok(d) if ok => Ok(d),
        _ => Err(format!("`{text}` is not a day written YYYY-MM-DD")),
    }
}

/// One line of the digest: its text, and the briefing it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// The page it links to (absolute under base_url) and the text of that link.
    pub link: Option<(String, String)>,
}

/// A source retracted within the window.
#[derive(Debug, Clone, PartialEq)]
pub struct Retracted {
    pub line: Line,
}

/// What moved in a window.
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    pub title: String,
    pub window: Window,
    pub new_positions: Vec<Line>,
    pub changes: Vec<Line>,
    pub retracted: Vec<Retracted>,
    pub new_entities: Vec<Line>,
    pub busiest: Vec<Line>,
}

/// The sources retracted within `window`, oldest first: each of `content/sources/` once
/// (linked to its page), and each other citation once per briefing (linked to it).
pub fn retracted_sources(site: &Site, window: Window) -> Vec<Retracted> {
    let r = &site.resolved;
    let base = &site.config.base_url;
    let name = |s: &crate::model::Source| match &s.publisher {
        Some(p) => format!("{} ({p})", s.title),
        None => s.title.clone(),
    };
    let en = english();
    let text = |s: &crate::model::Source, day: Date, stances: usize| {
        let note = (s.retracted.as_ref())
            .and_then(|x| x.note.as_deref())
            .map_or(String::new(), |n| format!(": {}", n.trim_end_matches('.')));
        format!(
            "{}, retracted {}{note}; {stances} stance{} rested on it",
            name(s),
            changes::display_day(&en, day),
            if stances == 1 { "" } else { "s" }
        )
    };
    let mut out: Vec<(Date, usize, Retracted)> = Vec::new();
    let uses = crate::index::source_uses(&site.resolved, &site.registry);
    for (i, (x, u)) in site.registry.iter().zip(&uses).enumerate() {
        let Some(day) = (x.source.retracted.as_ref()).map(|x| x.date) else {
            continue;
        };
        if window.holds(day) {
            let link = (format!("{base}sources/{}/", x.id), x.source.title.clone());
            let line = Line {
                text: text(&x.source, day, u.stances.len()),
                link: Some(link),
            };
            out.push((day, i, Retracted { line }));
        }
    }
    for (b, br) in r.briefings.iter_ids() {
        for (n, s) in br.sources.iter().enumerate() {
            let Some(day) = s.retracted.as_ref().map(|x| x.date) else {
                continue;
            };
            if s.cites.is_some() || !window.holds(day) {
                continue;
            }
            let stances = (r.refs[b].stances.iter())
                .filter(|st| st.source == Some(n))
                .count();
            let line = Line {
                text: text(s, day, stances),
                link: Some((
                    format!("{base}{}", urls::briefing(&br.slug)),
                    br.title.clone(),
                )),
            };
            out.push((day, site.registry.len() + b.index(), Retracted { line }));
        }
    }
    out.sort_by_key(|&(day, order, _)| (day, order));
    out.into_iter().map(|(_, _, x)| x).collect()
}

/// What moved on `site` within `window`.
pub fn compute(site: &Site, window: Window) -> Digest {
    let r = &site.resolved;
    let base = &site.config.base_url;
    let briefing_link = |b| {
        let br = r.briefing(b);
        Some((
            format!("{base}{}", urls::briefing(&br.slug)),
            br.title.clone(),
        ))
    };
    let english = english();
    let line = |c: &Change| Line {
        text: sentence(site, &english, c, &changes::display_day(&english, c.date)),
        link: briefing_link(c.at.briefing),
    };
    let moved: Vec<Change> = (changes::all(site).into_iter())
        .filter(|c| window.holds(c.date))
        .collect();
    let new_entities = (r.entities.iter_ids())
        .filter(|(_, en)| en.id.kind != Kind::Author)
        .filter_map(|(e, en)| {
            let &first = site.index.named_in[e].first()?;
            let day = r.briefing(first).date.date;
            window.holds(day).then(|| {
                let text = format!(
                    "{} ({}), first named {}",
                    en.name,
                    en.id.kind.word(),
                    changes::display_day(&english, day)
                );
                (day, first, e, text)
            })
        })
        .collect::<Vec<_>>();
    let mut new_entities = new_entities;
    new_entities.sort_by_key(|&(day, b, e, _)| (day, b, e));
    let mut busiest: Vec<(usize, EntityIdx)> = r
        .of_kind(Kind::Topic)
        .map(|t| {
            let n = (site.index.named_in[t].iter())
                .filter(|&&b| window.holds(r.briefing(b).date.date))
                .count();
            (n, t)
        })
        .filter(|&(n, _)| n > 0)
        .collect();
    busiest.sort_by_key(|&(n, t)| (std::cmp::Reverse(n), t));
    busiest.truncate(BUSIEST);
    Digest {
        title: site.config.title.clone(),
        window,
        new_positions: moved
            .iter()
            .filter(|c| c.from.is_none())
            .map(line)
            .collect(),
        changes: moved
            .iter()
            .filter(|c| c.from.is_some())
            .map(line)
            .collect(),
        retracted: retracted_sources(site, window),
        new_entities: (new_entities.into_iter())
            .map(|(_, b, _, text)| Line {
                text,
                link: briefing_link(b),
            })
            .collect(),
        busiest: (busiest.into_iter())
            .map(|(n, t)| {
                let en = r.entity(t);
                Line {
                    text: format!("{}: {n} briefing{}", en.name, if n == 1 { "" } else { "s" }),
                    link: Some((format!("{base}{}", urls::entity(&en.id)), en.name.clone())),
                }
            })
            .collect(),
    }
}

/// The window as a heading says it: `from 20 Nov 2025 to 28 Nov 2025`, `since 20 Nov 2025`.
fn span(w: Window) -> String {
    let en = english();
    let since = changes::display_day(&en, w.since);
    match w.until {
        Some(u) => format!("from {since} to {}", changes::display_day(&en, u)),
        None => format!("since {since}"),
    }
}

/// The digest's sections, in order, with their lines.
fn sections(d: &Digest) -> [(&'static str, Vec<&Line>); 5] {
    [
        ("New positions", d.new_positions.iter().collect()),
        ("Changes of position", d.changes.iter().collect()),
        (
            "Retracted sources",
            d.retracted.iter().map(|r| &r.line).collect(),
        ),
        ("New entities", d.new_entities.iter().collect()),
        ("Busiest topics", d.busiest.iter().collect()),
    ]
}

/// `text` with every character Markdown could read as inline markup escaped by a
/// backslash (texts never start a line: block markup cannot begin).
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The digest as Markdown.
pub fn to_markdown(d: &Digest) -> String {
    let mut out = format!("# {}: what moved {}\n", md_escape(&d.title), span(d.window));
    for (heading, lines) in sections(d) {
        out.push_str(&format!("\n## {heading} ({})\n\n", lines.len()));
        if lines.is_empty() {
            out.push_str("None.\n");
        }
        for l in lines {
            out.push_str(&format!("- {}", md_escape(&l.text)));
            if let Some((url, title)) = &l.link {
                out.push_str(&format!(
                    " — [{}](<{}>)",
                    md_escape(title),
                    url.replace('>', "%3E")
                ));
            }
            out.push('\n');
        }
    }
    out
}

/// `text` escaped for HTML text and attribute values.
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The digest as an HTML fragment (an `<article>`), every text escaped.
pub fn to_html(d: &Digest) -> String {
    let mut out = format!(
        "<article class=\"digest\">\n<h1>{}: what moved {}</h1>\n",
        html_escape(&d.title),
        html_escape(&span(d.window))
    );
    for (heading, lines) in sections(d) {
        out.push_str(&format!("<h2>{heading} ({})</h2>\n", lines.len()));
        if lines.is_empty() {
            out.push_str("<p>None.</p>\n");
            continue;
        }
        out.push_str("<ul>\n");
        for l in lines {
            out.push_str(&format!("<li>{}", html_escape(&l.text)));
            if let Some((url, title)) = &l.link {
                let safe = crate::urls::scheme(url).is_none_or(|s| s == "http" || s == "https");
                if safe {
                    out.push_str(&format!(
                        " — <a href=\"{}\">{}</a>",
                        html_escape(url),
                        html_escape(title)
                    ));
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
    out
}
