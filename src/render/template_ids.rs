//! Which element ids the page templates of a theme write, read from their text: the
//! templates a page extends and includes are followed, a block a site template overrides
//! replaces the default's, so a `#fragment` check knows what a custom theme's pages have.

use crate::sections::{PageKind, Rows, Section};
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A template by name: its text and whether the site's theme gave it.
pub struct Source<'a> {
    pub text: &'a str,
    pub site: bool,
}

/// What the templates behind one kind of page write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageIds {
    /// Sections of the table written by default markup, or by a site template as they
    /// stand: there when the table says, as a copied default template has them.
    pub sections: BTreeSet<Section>,
    /// Ids written as they stand by the site's templates outside the table's rows for the
    /// page (and any the default templates write outside the table): taken to be always
    /// there, since their conditions are the site's own. A table section a site template
    /// writes on a page the table has no row for lands here too.
    pub literal: BTreeSet<String>,
    /// Numbered rows the site's templates may write, from the ids they compute:
    /// `id="source-{{ … }}"` may be a source row, an id that starts with an expression any
    /// row. Rows within the count are taken to be there.
    pub rows: BTreeSet<Rows>,
    /// Table sections a site template writes as they stand: always there on a page the
    /// table has no row of them for.
    pub literal_sections: BTreeSet<Section>,
}

/// What a theme's page templates write, per kind of page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeIds {
    pages: BTreeMap<PageKind, PageIds>,
    /// Template → every template it renders through (itself, what it extends and includes,
    /// and on), so a live preview renders a page again when any of them changes.
    reach: BTreeMap<String, BTreeSet<String>>,
}

impl ThemeIds {
    /// Reads the templates `templates` (by the name tera knows them under).
    pub fn read(templates: &HashMap<&str, Source<'_>>) -> ThemeIds {
        let parsed: HashMap<&str, (Parsed, bool)> = templates
            .iter()
            .map(|(n, s)| (*n, (parse(s.text), s.site)))
            .collect();
        let pages = PageKind::PAGES
            .into_iter()
            .map(|kind| {
                let mut pieces = Vec::new();
                let budget = Cell::new(EXPANSIONS);
                emit(&parsed, kind.template(), &mut pieces, 0, &budget);
                (kind, page_ids(&pieces))
            })
            .collect();
        let reach = parsed
            .keys()
            .map(|&name| (name.to_string(), reached(&parsed, name)))
            .collect();
        ThemeIds { pages, reach }
    }

    /// The templates `template` renders through, itself included.
    pub fn reached<'a>(&'a self, template: &'a str) -> Vec<&'a str> {
        match self.reach.get(template) {
            Some(all) => all.iter().map(String::as_str).collect(),
            None => vec![template],
        }
    }

    /// What pages of `kind` have: nothing for a kind without a template of its own.
    pub fn page(&self, kind: PageKind) -> &PageIds {
        static NONE: PageIds = PageIds {
            sections: BTreeSet::new(),
            literal: BTreeSet::new(),
            rows: BTreeSet::new(),
            literal_sections: BTreeSet::new(),
        };
        self.pages.get(&kind).unwrap_or(&NONE)
    }
}

/// Every template `name` extends or includes, and what those do, `name` included.
fn reached(parsed: &HashMap<&str, (Parsed, bool)>, name: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut next = vec![name.to_string()];
    while let Some(n) = next.pop() {
        let Some((p, _)) = parsed.get(n.as_str()) else {
            seen.insert(n);
            continue;
        };
        if !seen.insert(n) {
            continue;
        }
        next.extend(p.extends.iter().cloned());
        for node in p.top.iter().chain(p.blocks.values().flatten()) {
            if let Node::Include(i) = node {
                next.push(i.clone());
            }
        }
    }
    seen
}

/// A piece of template text, with what it stands for.
#[derive(Debug)]
enum Node {
    /// Text as written; every `{{ … }}` in it reads `{{}}`.
    Text(String),
    Block(String),
    Include(String),
    /// `{{ super() }}`: the block of the template extended.
    Super,
}

#[derive(Debug, Default)]
struct Parsed {
    extends: Option<String>,
    top: Vec<Node>,
    blocks: HashMap<String, Vec<Node>>,
}

/// Stands for an expression in `Node::Text`: an id holding it is computed.
const EXPR: &str = "{{}}";

/// The first quoted string in `s`.
fn quoted(s: &str) -> Option<String> {
    let start = s.find(['"', '\''])?;
    let q = s[start..].chars().next()?;
    let rest = &s[start + 1..];
    rest.find(q).map(|end| rest[..end].to_string())
}

fn push_text(nodes: &mut Vec<Node>, t: &str) {
    if let Some(Node::Text(last)) = nodes.last_mut() {
        last.push_str(t);
    } else {
        nodes.push(Node::Text(t.to_string()));
    }
}

/// Splits a template into text, blocks, includes and `super()`; every other tag reads as
/// nothing, since only text can write an id.
fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    // Open blocks, innermost last: name and nodes so far.
    let mut stack: Vec<(String, Vec<Node>)> = Vec::new();
    let mut top = Vec::new();
    let mut rest = text;
    let mut raw = false;
    // Nesting of the component or macro definitions being skipped.
    let mut defining = 0usize;
    while !rest.is_empty() {
        let nodes = stack.last_mut().map_or(&mut top, |(_, n)| n);
        let Some(at) = ["{{", "{%", "{#"].iter().filter_map(|o| rest.find(o)).min() else {
            if defining == 0 {
                push_text(nodes, rest);
            }
            break;
        };
        if defining == 0 {
            push_text(nodes, &rest[..at]);
        }
        let close = match &rest[at + 1..at + 2] {
            "{" => "}}",
            "%" => "%}",
            _ => "#}",
        };
        let Some(end) = rest[at + 2..].find(close) else {
            push_text(nodes, &rest[at..]);
            break;
        };
        let inner =
            rest[at + 2..at + 2 + end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let whole = &rest[at..at + 2 + end + 2];
        rest = &rest[at + 2 + end + 2..];
        if raw {
            if close == "%}" && inner == "endraw" {
                raw = false;
            } else {
                push_text(nodes, whole);
            }
            continue;
        }
        if defining > 0 {
            // A component or macro definition writes nothing where it stands; what its
            // calls pass (`id="…"`) is read at the call.
            if close == "%}" {
                let word = inner.split_whitespace().next().unwrap_or("");
                match word {
                    "component" | "macro" => defining += 1,
                    "endcomponent" | "endmacro" => defining -= 1,
                    _ => {}
                }
            }
            continue;
        }
        match close {
            "}}" if inner.replace(' ', "") == "super()" => nodes.push(Node::Super),
            // A component call (`{{ <heading id="stances" … /> }}`): the attributes it is
            // given are what it writes, as far as a reading of the text can tell.
            "}}" if inner.starts_with('<') => {
                push_text(nodes, " ");
                push_text(nodes, inner);
            }
            "}}" => push_text(nodes, EXPR),
            "%}" => {
                let (word, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
                match word {
                    "block" => stack.push((args.trim().to_string(), Vec::new())),
                    "endblock" => {
                        if let Some((name, body)) = stack.pop() {
                            let parent = stack.last_mut().map_or(&mut top, |(_, n)| n);
                            parent.push(Node::Block(name.clone()));
                            out.blocks.insert(name, body);
                        }
                    }
                    "extends" => out.extends = quoted(args),
                    "include" => {
                        if let Some(name) = quoted(args) {
                            nodes.push(Node::Include(name));
                        }
                    }
                    "raw" => raw = true,
                    "component" | "macro" => defining = 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    // An unclosed block (tera refuses the template anyway) still counts as written.
    while let Some((name, body)) = stack.pop() {
        let parent = stack.last_mut().map_or(&mut top, |(_, n)| n);
        parent.push(Node::Block(name.clone()));
        out.blocks.insert(name, body);
    }
    out.top = top;
    out
}

/// Templates and blocks nest no deeper than this; tera refuses cycles, this stops them
/// regardless.
const MAX_DEPTH: usize = 32;

/// Pieces of template text one page may expand to: a template that includes another twice,
/// which includes another twice, and so on, doubles at each level, and 32 levels would be
/// billions. A page template past this is read only as far as the budget goes (its later
/// ids count as absent: the fragment check warns rather than hangs).
const EXPANSIONS: usize = 100_000;

/// Appends the text template `name` renders to `out`: (text, whether the site wrote it).
fn emit(
    parsed: &HashMap<&str, (Parsed, bool)>,
    name: &str,
    out: &mut Vec<(String, bool)>,
    depth: usize,
    budget: &Cell<usize>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let mut chain: Vec<(&Parsed, bool)> = Vec::new();
    let mut next = Some(name.to_string());
    while let Some(n) = next.take() {
        let Some((p, site)) = parsed.get(n.as_str()) else {
            break;
        };
        if chain.len() > MAX_DEPTH {
            break;
        }
        chain.push((p, *site));
        next = p.extends.clone();
    }
    let Some(&(root, _)) = chain.last() else {
        return;
    };
    let walk = Walk {
        parsed,
        chain: &chain,
        depth,
        budget,
    };
    walk.nodes(&root.top, chain.len() - 1, None, 0, out);
}

/// One template's inheritance chain being rendered, the template itself first.
struct Walk<'p, 'c> {
    parsed: &'p HashMap<&'p str, (Parsed, bool)>,
    chain: &'c [(&'p Parsed, bool)],
    depth: usize,
    /// Pieces left to expand for this page (see [`EXPANSIONS`]).
    budget: &'c Cell<usize>,
}

impl Walk<'_, '_> {
    /// Renders `nodes` of the template at `level` of the chain, inside block `block`,
    /// `nested` blocks deep.
    fn nodes(
        &self,
        nodes: &[Node],
        level: usize,
        block: Option<&str>,
        nested: usize,
        out: &mut Vec<(String, bool)>,
    ) {
        // A block within a block of its own name (which tera refuses) would never end.
        if nested > MAX_DEPTH {
            return;
        }
        let site = self.chain[level].1;
        for n in nodes {
            let Some(left) = self.budget.get().checked_sub(1) else {
                return;
            };
            self.budget.set(left);
            match n {
                Node::Text(t) => match out.last_mut() {
                    Some((last, s)) if *s == site => last.push_str(t),
                    _ => out.push((t.clone(), site)),
                },
                Node::Include(name) => emit(self.parsed, name, out, self.depth + 1, self.budget),
                Node::Block(name) => {
                    // The most derived template defining the block wins.
                    if let Some(i) =
                        (0..self.chain.len()).find(|&i| self.chain[i].0.blocks.contains_key(name))
                    {
                        self.nodes(
                            &self.chain[i].0.blocks[name],
                            i,
                            Some(name),
                            nested + 1,
                            out,
                        );
                    }
                }
                Node::Super => {
                    let Some(name) = block else { continue };
                    if let Some(i) = (level + 1..self.chain.len())
                        .find(|&i| self.chain[i].0.blocks.contains_key(name))
                    {
                        self.nodes(
                            &self.chain[i].0.blocks[name],
                            i,
                            Some(name),
                            nested + 1,
                            out,
                        );
                    }
                }
            }
        }
    }
}

/// The values of the `id` attributes in `html`: `id=x`, `ID="x"`, `id = 'x'`, as a
/// browser reads them.
fn ids(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at + 2 <= bytes.len() {
        let name = bytes[at..at + 2].eq_ignore_ascii_case(b"id");
        let starts = at > 0 && bytes[at - 1].is_ascii_whitespace();
        if !(name && starts) {
            at += 1;
            continue;
        }
        let mut i = at + 2;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            at += 2;
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let rest = &html[i..];
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].find(q).map(|end| &rest[1..1 + end]),
            Some(_) => rest.split(|c: char| c.is_whitespace() || c == '>').next(),
            None => None,
        };
        if let Some(v) = value {
            out.push(v);
        }
        at = i.max(at + 2);
    }
    out
}

/// Sorts the ids of a page's rendered text by where they come from.
fn page_ids(pieces: &[(String, bool)]) -> PageIds {
    let mut page = PageIds::default();
    for (text, site) in pieces {
        for id in ids(text) {
            match (site, id.split_once(EXPR), Section::from_id(id)) {
                (false, Some(_), _) => {}
                (_, None, Some(s)) => {
                    page.sections.insert(s);
                    if *site {
                        // Kept for a page the table has no row of `s` for.
                        page.literal_sections.insert(s);
                    }
                }
                (true, Some((before, _)), _) => {
                    page.rows.extend(Rows::ALL.into_iter().filter(|r| {
                        r.prefix().starts_with(before) || before.starts_with(r.prefix())
                    }))
                }
                (_, None, _) => {
                    page.literal.insert(id.to_string());
                }
            }
        }
    }
    page
}

/// Every id the template text `text` writes as it stands.
#[cfg(test)]
pub(super) fn literal_ids(text: &str) -> Vec<String> {
    let parsed = parse(text);
    let mut out = Vec::new();
    for n in parsed.top.iter().chain(parsed.blocks.values().flatten()) {
        if let Node::Text(t) = n {
            out.extend(
                ids(t)
                    .into_iter()
                    .filter(|i| !i.contains(EXPR))
                    .map(String::from),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(files: &[(&'static str, &'static str, bool)]) -> ThemeIds {
        let map = files
            .iter()
            .map(|(n, t, site)| {
                (
                    *n,
                    Source {
                        text: t,
                        site: *site,
                    },
                )
            })
            .collect();
        ThemeIds::read(&map)
    }

    const BASE: &str = "<main id=\"main\">{% block content %}{% endblock content %}</main>";
    const BRIEFING: &str = "{% extends \"base.html\" %}{% block content %}\
        {% block stances %}{% if s %}<h2 id=\"stances\">{% for r in s %}<tr id=\"{{ r.anchor }}\">{% endfor %}{% endif %}{% endblock stances %}\
        {%- block sources -%}<h2 id=\"sources\">{% endblock sources %}{% endblock content %}";

    #[test]
    fn the_default_markup_gives_table_sections() {
        let t = theme(&[
            ("base.html", BASE, false),
            ("briefing.html", BRIEFING, false),
        ]);
        let p = t.page(PageKind::Briefing);
        assert_eq!(
            p.sections,
            [Section::Main, Section::Stances, Section::Sources].into()
        );
        assert!(p.literal.is_empty() && p.rows.is_empty(), "{p:?}");
    }

    #[test]
    fn an_overridden_block_takes_its_ids_along() {
        let t = theme(&[
            ("base.html", BASE, false),
            ("default/base.html", BASE, false),
            ("default/briefing.html", BRIEFING, false),
            (
                "briefing.html",
                "{% extends \"default/briefing.html\" %}{% block sources %}<p id='refs'><i id=\"source-{{ n }}\">{% endblock sources %}",
                true,
            ),
        ]);
        let p = t.page(PageKind::Briefing);
        assert_eq!(p.sections, [Section::Main, Section::Stances].into());
        assert_eq!(p.literal, ["refs".to_string()].into());
        assert_eq!(p.rows, [Rows::Source].into());
    }

    #[test]
    fn super_keeps_the_default_block_and_a_site_base_replaces_main() {
        let t = theme(&[
            (
                "base.html",
                "<div id=\"page\">{% block content %}{% endblock %}</div>",
                true,
            ),
            ("default/briefing.html", BRIEFING, false),
            (
                "briefing.html",
                "{% extends \"default/briefing.html\" %}{% block stances %}{{ super() }}<tr id=\"{{ x }}\">{% endblock %}",
                true,
            ),
        ]);
        let p = t.page(PageKind::Briefing);
        assert_eq!(p.sections, [Section::Stances, Section::Sources].into());
        assert_eq!(p.literal, ["page".to_string()].into());
        assert_eq!(p.rows, Rows::ALL.into());
    }

    #[test]
    fn templates_tera_refuses_end_too() {
        let t = theme(&[
            (
                "index.html",
                "{% block a %}<p id=\"x\">{% block a %}{% endblock %}{% endblock %}{% include \"index.html\" %}",
                true,
            ),
            (
                "topic.html",
                "{% extends \"topic.html\" %}{% block b %}<p id=\"y\">",
                true,
            ),
        ]);
        assert!(t.page(PageKind::Home).literal.contains("x"));
        assert!(
            t.page(PageKind::Entity(crate::model::Kind::Topic))
                .literal
                .contains("y")
        );
    }

    #[test]
    fn includes_are_followed_and_attribute_lookalikes_ignored() {
        let t = theme(&[
            (
                "index.html",
                "{% include \"_side.html\" %}<a data-id=\"latest\" grid=\"x\">",
                false,
            ),
            (
                "_side.html",
                "<section id=latest>{# id=\"changes\" #}",
                true,
            ),
        ]);
        // `latest` is a table section: a site template writing it follows the table.
        let latest = Section::from_id("latest").expect("a table section");
        let home = t.page(PageKind::Home);
        assert_eq!(home.sections, [latest].into());
        assert_eq!(home.literal_sections, [latest].into());
        assert!(home.literal.is_empty(), "{:?}", home.literal);
    }

    #[test]
    fn ids_are_read_as_a_browser_reads_them() {
        assert_eq!(
            ids("<h2 ID=\"a\"> <p id = 'b'> <i\tid=c> <x data-id=\"no\" grid=\"no\" id>"),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn component_calls_write_their_id_and_definitions_write_nothing() {
        let t = theme(&[(
            "briefing.html",
            "{% component box(id) %}<div id=\"defined\">{% endcomponent %}\
             {{ <box id=\"stances\" /> }}<p id=\"after\">",
            true,
        )]);
        let page = t.page(PageKind::Briefing);
        let stances = Section::from_id("stances").expect("a table section");
        assert_eq!(page.sections, [stances].into());
        assert_eq!(page.literal, ["after".to_string()].into());
    }

    #[test]
    fn includes_that_double_at_every_level_stop_at_the_budget() {
        // 30 levels of a template including the next twice: 2^30 expansions unbounded.
        let names: Vec<String> = (0..=30).map(|i| format!("_l{i}.html")).collect();
        let texts: Vec<String> = (0..30)
            .map(|i| {
                let next = &names[i + 1];
                format!("{{% include \"{next}\" %}}{{% include \"{next}\" %}}")
            })
            .chain(std::iter::once("<p id=\"deep\">".to_string()))
            .collect();
        let mut files: Vec<(&'static str, &'static str, bool)> = names
            .iter()
            .zip(&texts)
            .map(|(n, t)| -> (&'static str, &'static str, bool) {
                (n.clone().leak(), t.clone().leak(), true)
            })
            .collect();
        files.push((
            "index.html",
            "<div id=\"top\">{% include \"_l0.html\" %}",
            true,
        ));
        // Unbounded, this would not return (nor fit in memory).
        let t = theme(&files);
        let literal = &t.page(PageKind::Home).literal;
        assert!(
            literal.contains("top") && literal.contains("deep"),
            "{literal:?}"
        );
    }
}
