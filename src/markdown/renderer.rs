//! One body's pulldown-cmark events rewritten on their way to HTML: links resolved, heading
//! ids given, ids and fragment links collected, task-list boxes named, footnotes numbered.

use super::footnotes;
use super::ids::{self, UsedIds};
use super::links::{Dest, LinkResolver, Page};
use super::{BODY_PREVIEWS, Body, Heading, OUTLINE_HEADINGS, Outline, Target, preview_id};
use crate::diagnostic::{Diagnostics, LineIndex, Span};
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};
use std::collections::HashSet;
use std::fmt::Write;

/// An image whose end has not come yet.
struct OpenImage {
    src: String,
    title: String,
    alt: String,
    /// Width and height, for a picture of the site whose header gave them.
    size: Option<(u32, u32)>,
}

/// The state of one body being rendered, fed its events in order by [`Renderer::event`].
pub struct Renderer<'t, 'c> {
    /// The file diagnostics name.
    path: &'c str,
    lines: LineIndex<'t>,
    /// File line of the body's first line.
    first_line: u32,
    links: LinkResolver<'c>,
    safe_html: bool,
    diags: &'c mut Diagnostics,
    events: Vec<Event<'t>>,
    targets: HashSet<Target>,
    /// For each open link: whether its start was dropped (rendered as plain text).
    dropped_links: Vec<bool>,
    /// The same for each open image.
    dropped_images: Vec<bool>,
    /// The image being read: its alt text is gathered from the events inside it.
    image: Option<OpenImage>,
    /// Where the open paragraph starts in `events`, and where the image that opens it is
    /// (a figure when a caption line follows).
    paragraph: Option<usize>,
    image_at: Option<usize>,
    /// Where the open heading's start is in `events`.
    heading: Option<usize>,
    /// A prefixed wiki link without a label (`[[topic:x]]`) shows its target's name, or a
    /// `[[name#section]]` the name as written: the text parsed inside it is dropped.
    label: Option<String>,
    /// `[[Kyiv|]]`: where its label starts in `events`, and the name shown if it is blank.
    empty_label: Option<(usize, String)>,
    used_ids: UsedIds,
    ids: Vec<String>,
    fragments: Vec<(Option<Target>, String, Span)>,
    /// The files beside the content it links to or shows.
    files: std::collections::BTreeSet<String>,
    has_h1: bool,
    /// Headings of levels 1 to 3 as written: level, id and text.
    headings: Vec<(HeadingLevel, String, String)>,
    /// The pages previewed, in the order first linked.
    previews: Vec<Target>,
    /// Bytes of Markdown, to size the HTML.
    text_len: usize,
    /// The links that found an entity.
    found: HashSet<super::Found>,
    /// The pages images point at.
    pictured: std::collections::BTreeSet<Target>,
}

impl<'t, 'c> Renderer<'t, 'c> {
    /// A renderer of `text`, the body of the file at `path` starting on file line
    /// `first_line`, reporting into `diags`.
    pub fn new(
        text: &'t str,
        first_line: u32,
        path: &'c str,
        links: LinkResolver<'c>,
        diags: &'c mut Diagnostics,
    ) -> Self {
        Renderer {
            path,
            lines: LineIndex::new(text),
            first_line,
            safe_html: links.context().safe_html,
            links,
            diags,
            events: Vec::new(),
            targets: HashSet::new(),
            dropped_links: Vec::new(),
            dropped_images: Vec::new(),
            image: None,
            paragraph: None,
            image_at: None,
            heading: None,
            label: None,
            empty_label: None,
            used_ids: UsedIds::default(),
            ids: Vec::new(),
            fragments: Vec::new(),
            files: Default::default(),
            has_h1: false,
            headings: Vec::new(),
            previews: Vec::new(),
            text_len: text.len(),
            found: HashSet::new(),
            pictured: Default::default(),
        }
    }

    /// Takes the next event, found at byte `offset` of the body.
    pub fn event(&mut self, event: Event<'t>, offset: usize) {
        if let Some(image) = &mut self.image {
            // Inside an image only its text counts, as its alt text.
            match event {
                Event::Text(t) | Event::Code(t) => image.alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => image.alt.push(' '),
                Event::End(TagEnd::Image) => self.end_image(),
                Event::Start(Tag::Image { .. }) => self.dropped_images.push(true),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Paragraph) => {
                self.paragraph = Some(self.events.len());
                self.events.push(event);
            }
            Event::End(TagEnd::Paragraph) => self.end_paragraph(),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_link(link_type, dest_url, title, id, offset),
            Event::Text(_) | Event::Code(_) if self.label.is_some() => {}
            Event::End(TagEnd::Link) => self.end_link(),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_image(link_type, dest_url, title, id, offset),
            Event::End(TagEnd::Image) => self.end_image(),
            Event::Start(Tag::Heading { level, .. }) => self.start_heading(level, event),
            Event::End(TagEnd::Heading(level)) => self.end_heading(level),
            Event::Html(ref raw) | Event::InlineHtml(ref raw) => {
                self.ids.extend(ids::html_ids(raw));
                self.events.push(event);
            }
            Event::TaskListMarker(done) => self.task_list_marker(done),
            other => self.events.push(other),
        }
    }

    fn span(&self, offset: usize) -> Span {
        self.lines.span(offset, self.first_line)
    }

    fn start_link(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'t>,
        title: CowStr<'t>,
        id: CowStr<'t>,
        offset: usize,
    ) {
        let span = self.span(offset);
        let resolved = match link_type {
            LinkType::WikiLink { .. } => self.links.resolve_wiki(&dest_url).map(Dest::Page),
            // `<press@example.org>` is a `mailto:` link (the HTML writer adds the scheme),
            // never a file beside the content.
            LinkType::Email => Ok(Dest::Keep),
            _ => self.links.resolve_href(&dest_url),
        };
        let dest = match resolved {
            Ok(dest) => dest,
            Err(e) => {
                e.report(self.path, span, self.diags);
                self.dropped_links.push(true);
                return;
            }
        };
        self.found(
            matches!(link_type, LinkType::WikiLink { .. }),
            &dest_url,
            &dest,
        );
        match &dest {
            Dest::Page(page) => {
                self.link_to(page, span);
                if let LinkType::WikiLink { has_pothole } = link_type {
                    self.wiki_label(&dest_url, page.target, has_pothole);
                }
            }
            Dest::Keep => {
                if let Some(frag) = dest_url.strip_prefix('#') {
                    self.fragments.push((None, frag.to_string(), span));
                }
            }
            Dest::Asset(file) => self.file_used(file),
        }
        self.dropped_links.push(false);
        let dest_url = self.links.url(&dest).map_or(dest_url, Into::into);
        let preview = match &dest {
            Dest::Page(page) => self.preview_of(page.target),
            _ => None,
        };
        match preview {
            Some(n) => self
                .events
                .push(Event::InlineHtml(open_link(&dest_url, &title, n).into())),
            None => self.events.push(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })),
        }
    }

    /// The number of `target`'s preview on the page, if it has one: the pages linked first
    /// have one, up to [`BODY_PREVIEWS`].
    fn preview_of(&mut self, target: Target) -> Option<usize> {
        if let Some(i) = self.previews.iter().position(|&t| t == target) {
            return Some(i + 1);
        }
        if self.previews.len() >= BODY_PREVIEWS {
            return None;
        }
        self.previews.push(target);
        Some(self.previews.len())
    }

    /// Records `dest`, written `written`, when it is an entity's page.
    fn found(&mut self, wiki: bool, written: &str, dest: &Dest) {
        if let Dest::Page(Page {
            target: Target::Entity(entity),
            ..
        }) = dest
        {
            self.found.insert(super::Found {
                wiki,
                dest: written.into(),
                entity: *entity,
            });
        }
    }

    /// Records a link to a page of the site, and its fragment to check once every page's
    /// ids are known.
    fn link_to(&mut self, page: &Page, span: Span) {
        self.targets.insert(page.target);
        if let Some(frag) = page.fragment.strip_prefix('#') {
            self.fragments
                .push((Some(page.target), frag.to_string(), span));
        }
    }

    /// The text a wiki link to `target` shows instead of what was parsed inside it.
    fn wiki_label(&mut self, written: &str, target: Target, has_pothole: bool) {
        if has_pothole {
            // `[[Kyiv|]]`: an empty label falls back to the entity's name.
            self.empty_label = Some((self.events.len() + 1, self.links.name(target)));
        } else if written.contains(':') {
            self.label = Some(self.links.name(target));
        } else if let Some((name, _)) = written.split_once('#') {
            self.label = Some(name.trim().to_string());
        }
    }

    fn end_link(&mut self) {
        if let Some(name) = self.label.take() {
            self.events.push(Event::Text(name.into()));
        } else if let Some((start, name)) = self.empty_label.take()
            && self.events[start.min(self.events.len())..]
                .iter()
                .all(|e| matches!(e, Event::Text(t) if t.trim().is_empty()))
        {
            self.events.push(Event::Text(name.into()));
        }
        if !self.dropped_links.pop().unwrap_or(false) {
            self.events.push(Event::End(TagEnd::Link));
        }
    }

    fn start_image(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'t>,
        title: CowStr<'t>,
        id: CowStr<'t>,
        offset: usize,
    ) {
        let dest = match self.links.resolve_href(&dest_url) {
            Ok(dest) => dest,
            Err(e) => {
                e.report(self.path, self.span(offset), self.diags);
                // An image that cannot be shown leaves its alt text, as a browser would.
                self.dropped_images.push(true);
                return;
            }
        };
        let _ = (link_type, id);
        self.found(false, &dest_url, &dest);
        match &dest {
            Dest::Asset(file) => self.file_used(file),
            Dest::Page(p) => {
                self.pictured.insert(p.target);
            }
            Dest::Keep => {}
        }
        self.dropped_images.push(false);
        let size = match &dest {
            Dest::Asset(path) => {
                let file = path.split_once('#').map_or(path.as_str(), |(f, _)| f);
                self.links.context().sizes.get(file).copied()
            }
            _ => None,
        };
        let src = self.links.url(&dest).map_or(dest_url, Into::into);
        self.image = Some(OpenImage {
            src: src.to_string(),
            title: title.to_string(),
            alt: String::new(),
            size,
        });
    }

    /// Writes the image as HTML of its own: pulldown-cmark's has no `loading` or
    /// `decoding`, which let a long briefing's images load as the reader comes to them, nor
    /// the `width` and `height` that keep their room while they do.
    fn end_image(&mut self) {
        if self.dropped_images.pop().unwrap_or(false) {
            return;
        }
        let Some(image) = self.image.take() else {
            return;
        };
        let mut html = String::from("<img src=\"");
        let _ = pulldown_cmark_escape::escape_href(&mut html, &image.src);
        html.push_str("\" alt=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut html, &image.alt);
        if !image.title.is_empty() {
            html.push_str("\" title=\"");
            let _ = pulldown_cmark_escape::escape_html(&mut html, &image.title);
        }
        html.push('"');
        if let Some((w, h)) = image.size {
            let _ = write!(html, " width=\"{w}\" height=\"{h}\"");
        }
        html.push_str(" loading=\"lazy\" decoding=\"async\">");
        self.image_at = Some(self.events.len());
        self.events.push(Event::InlineHtml(html.into()));
    }

    /// A paragraph of an image, a line break and an emphasised line is a figure: the
    /// emphasis is its caption, any text after it on the line its credit. Other Markdown
    /// renderers show the same thing as an image over an italic line.
    fn end_paragraph(&mut self) {
        let end = Event::End(TagEnd::Paragraph);
        let Some(start) = self.paragraph.take() else {
            self.events.push(end);
            return;
        };
        let ev = &self.events;
        let figure = self.image_at == Some(start + 1)
            && matches!(ev.get(start + 2), Some(Event::SoftBreak | Event::HardBreak))
            && matches!(ev.get(start + 3), Some(Event::Start(Tag::Emphasis)));
        // The emphasis that opens the caption line, closed at its own depth.
        let close = figure
            .then(|| {
                let mut depth = 0usize;
                (start + 3..ev.len()).find(|&i| match &ev[i] {
                    Event::Start(Tag::Emphasis) => {
                        depth += 1;
                        false
                    }
                    Event::End(TagEnd::Emphasis) => {
                        depth -= 1;
                        depth == 0
                    }
                    _ => false,
                })
            })
            .flatten();
        let Some(close) = close else {
            self.events.push(end);
            return;
        };
        let credit: Vec<Event<'t>> = self.events.drain(close + 1..).collect();
        self.events.truncate(close);
        self.events.remove(start + 3);
        self.events[start + 2] = Event::InlineHtml("<figcaption>".into());
        self.events[start] = Event::Html("<figure>".into());
        let mut credit = credit.into_iter().skip_while(|e| match e {
            Event::Text(t) => t.trim().is_empty(),
            Event::SoftBreak | Event::HardBreak => true,
            _ => false,
        });
        if let Some(first) = credit.next() {
            self.events
                .push(Event::InlineHtml(" <span class=\"credit\">".into()));
            self.events.push(match first {
                Event::Text(t) => Event::Text(t.trim_start().to_string().into()),
                other => other,
            });
            self.events.extend(credit);
            self.events.push(Event::InlineHtml("</span>".into()));
        }
        self.events
            .push(Event::Html("</figcaption></figure>\n".into()));
    }

    fn start_heading(&mut self, level: HeadingLevel, event: Event<'t>) {
        self.has_h1 |= level == HeadingLevel::H1;
        self.heading = Some(self.events.len());
        self.events.push(event);
    }

    /// Gives the heading that ends here its id: the one written (`{#id}`) or one made of
    /// its text, unique on the page.
    fn end_heading(&mut self, level: HeadingLevel) {
        if let Some(start) = self.heading.take()
            && let Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) = &self.events[start]
        {
            let text: String = self.events[start + 1..]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let base = match id {
                Some(id) => id.to_string(),
                None => ids::heading_base(&text),
            };
            let id = self.used_ids.unique(base);
            self.ids.push(id.clone());
            if level <= HeadingLevel::H3 {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                self.headings.push((level, id.clone(), text));
            }
            self.events[start] = Event::Start(Tag::Heading {
                level,
                id: Some(id.into()),
                classes: classes.clone(),
                attrs: attrs.clone(),
            });
        }
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    /// A bare checkbox has no accessible name: screen readers would say "checkbox".
    fn task_list_marker(&mut self, done: bool) {
        let words = &self.links.context().words;
        self.events.push(Event::InlineHtml(
            if done {
                format!(
                    "<input type=\"checkbox\" disabled checked aria-label=\"{}\"> ",
                    words.done
                )
            } else {
                format!(
                    "<input type=\"checkbox\" disabled aria-label=\"{}\"> ",
                    words.not_done
                )
            }
            .into(),
        ));
    }

    /// Notes that the body links to or shows file `dest` (an output path, maybe with a
    /// `#fragment`).
    fn file_used(&mut self, dest: &str) {
        let file = dest.split_once('#').map_or(dest, |(f, _)| f);
        self.files.insert(file.to_string());
    }

    /// The HTML, once every event is in, with the links and ids it has.
    pub fn finish(mut self) -> Body {
        if self.has_h1 {
            // The page's title is its only <h1>: the body's headings move one level down.
            for e in self.events.iter_mut() {
                match e {
                    Event::Start(Tag::Heading { level, .. })
                    | Event::End(TagEnd::Heading(level)) => {
                        *level = demote(*level);
                    }
                    _ => {}
                }
            }
        }
        footnotes::render(
            &mut self.events,
            &mut self.ids,
            &self.links.context().words.back,
        );
        let mut html = String::with_capacity(self.text_len + self.text_len / 4);
        pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        if self.safe_html {
            html = crate::sanitize::body(&html);
            ids::keep_present(&mut self.ids, &html);
        }
        // Held until its page is written: the room reserved for it above is let go.
        html.shrink_to_fit();
        let mut links: Vec<Target> = self.targets.into_iter().collect();
        links.sort();
        let has_h1 = self.has_h1;
        let headings = (self.headings.into_iter())
            .map(|(level, id, text)| {
                let level = if has_h1 { demote(level) } else { level };
                (level, id, text)
            })
            .filter(|(level, ..)| matches!(level, HeadingLevel::H2 | HeadingLevel::H3))
            .take(OUTLINE_HEADINGS)
            .map(|(level, id, text)| Heading {
                level: level as u8,
                id,
                text,
            })
            .collect();
        Body {
            html,
            links,
            ids: self.ids,
            fragments: self.fragments,
            files: self.files.into_iter().collect(),
            outline: Outline {
                headings,
                previews: self.previews,
            },
            found: {
                let mut found: Vec<super::Found> = self.found.into_iter().collect();
                found.sort_by(|a, b| (a.wiki, &a.dest).cmp(&(b.wiki, &b.dest)));
                found
            },
            pictured: self.pictured.into_iter().collect(),
        }
    }
}

/// The start tag of a link to a page with preview `n`, written as pulldown-cmark writes a
/// link's, plus the `aria-describedby` that names the preview (screen readers say it after
/// the link; `preview.js` shows it on hover and focus).
fn open_link(url: &str, title: &str, n: usize) -> String {
    use pulldown_cmark_escape::{escape_href, escape_html};
    let mut tag = String::from("<a href=\"");
    // Writing into a String cannot fail.
    let _ = escape_href(&mut tag, url);
    if !title.is_empty() {
        tag.push_str("\" title=\"");
        let _ = escape_html(&mut tag, title);
    }
    tag.push_str("\" aria-describedby=\"");
    tag.push_str(&preview_id(n));
    tag.push_str("\">");
    tag
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Diagnostic};
    use crate::markdown::tests::Fixture;
    use crate::model::Kind::{Actor, Place, Topic};

    /// The body of `content/briefings/2025-11-22-x.md`, starting on file line 5.
    fn render(f: &Fixture, text: &str) -> (Body, Vec<Diagnostic>) {
        render_in(&f.cx(), text)
    }

    /// The same body, its links resolved against `cx`.
    fn render_in(cx: &crate::markdown::LinkContext<'_>, text: &str) -> (Body, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new();
        let body = crate::markdown::render(
            text,
            5,
            "content/briefings/2025-11-22-x.md",
            "briefings/2025-11-22-x.md",
            2,
            cx,
            &mut diags,
        );
        (body, diags.iter().cloned().collect())
    }

    #[test]
    fn images_load_lazily_with_their_alt_text_escaped() {
        let f = Fixture::new();
        let (body, diags) = render(
            &f,
            "Before ![A *\"quoted\"* 5 < 6 & 7](https://example.org/a.png \"T&C\") after.\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            body.html,
            "<p>Before <img src=\"https://example.org/a.png\" alt=\"A “quoted” 5 &lt; 6 &amp; 7\" \
             title=\"T&amp;C\" loading=\"lazy\" decoding=\"async\"> after.</p>\n"
        );
    }

    #[test]
    fn an_image_over_an_emphasised_line_is_a_figure_with_caption_and_credit() {
        let f = Fixture::new();
        let text = "![Barges](https://example.org/b.png)\n*Barges wait at **Izmail**.* Photo: Port & co\n\n\
                    ![Alone](https://example.org/c.png)\n\n\
                    ![Not a caption](https://example.org/d.png)\nplain *text*\n\n\
                    ![No credit](https://example.org/e.png)\n_Caption only._\n";
        let (body, diags) = render(&f, text);
        assert!(diags.is_empty(), "{diags:?}");
        let parts: Vec<&str> = body.html.lines().collect();
        assert_eq!(
            parts,
            [
                "<figure><img src=\"https://example.org/b.png\" alt=\"Barges\" loading=\"lazy\" decoding=\"async\">\
                 <figcaption>Barges wait at <strong>Izmail</strong>. <span class=\"credit\">Photo: Port &amp; co</span></figcaption></figure>",
                "<p><img src=\"https://example.org/c.png\" alt=\"Alone\" loading=\"lazy\" decoding=\"async\"></p>",
                "<p><img src=\"https://example.org/d.png\" alt=\"Not a caption\" loading=\"lazy\" decoding=\"async\">",
                "plain <em>text</em></p>",
                "<figure><img src=\"https://example.org/e.png\" alt=\"No credit\" loading=\"lazy\" decoding=\"async\">\
                 <figcaption>Caption only.</figcaption></figure>",
            ]
        );
    }

    #[test]
    fn heading_ids_avoid_each_other_and_the_themes_sections() {
        let f = Fixture::new();
        let text =
            "## Stances\n\n## Stances\n\n## Background {#related}\n\n## Background\n\n## ?!\n";
        let (body, diags) = render(&f, text);
        assert!(diags.is_empty());
        assert_eq!(
            body.ids,
            [
                "stances-1",
                "stances-2",
                "related-1",
                "background",
                "section"
            ]
        );
        assert!(body.html.contains("<h2 id=\"stances-1\">Stances</h2>"));
        assert!(body.html.contains("<h2 id=\"related-1\">Background</h2>"));
    }

    #[test]
    fn an_h1_in_the_body_moves_every_heading_down() {
        let f = Fixture::new();
        let (body, _) = render(&f, "# Top\n\n## Next\n\n###### Deepest\n");
        assert_eq!(
            body.html,
            "<h2 id=\"top\">Top</h2>\n<h3 id=\"next\">Next</h3>\n<h6 id=\"deepest\">Deepest</h6>\n"
        );
    }

    #[test]
    fn footnotes_numbered_by_first_reference_with_one_back_link() {
        let f = Fixture::new();
        let text = "A[^z] b[^Long Note] c[^z].\n\n[^Long Note]: Second.\n[^z]: First.\n[^*]: Never cited.\n";
        let (body, _) = render(&f, text);
        assert_eq!(
            body.ids,
            [
                "fnref-z",
                "fnref-long-note",
                "fn-long-note",
                "fn-z",
                "fn-note"
            ]
        );
        let html = &body.html;
        assert!(html.contains(
            "<sup class=\"footnote-reference\" id=\"fnref-z\"><a href=\"#fn-z\">1</a></sup>"
        ));
        // The second reference to `z` has no id: the back link goes to the first.
        assert!(html.contains("<sup class=\"footnote-reference\"><a href=\"#fn-z\">1</a></sup>"));
        assert!(
            html.contains("id=\"fn-long-note\"><sup class=\"footnote-definition-label\">2</sup>")
        );
        assert!(html.contains("href=\"#fnref-z\" aria-label=\"Back to the text\">↩</a></div>"));
        // A definition never cited has no back link.
        assert!(html.contains("id=\"fn-note\"><sup class=\"footnote-definition-label\">3</sup>\n<p>Never cited.</p>\n</div>"));
    }

    #[test]
    fn wiki_links_show_names_and_record_pages_and_fragments() {
        let f = Fixture::new();
        let text = "[[topic:us-peace-plan]], [[Zelensky#background]], [[place:Mali|]] and [[Mali|the state]].\n";
        let (body, diags) = render(&f, text);
        assert_eq!(
            body.html,
            "<p><a href=\"../../topics/us-peace-plan/index.html\" aria-describedby=\"preview-1\">US peace plan</a>, \
             <a href=\"../../actors/volodymyr-zelenskiy/index.html#background\" aria-describedby=\"preview-2\">Zelensky</a>, \
             <a href=\"../../places/mali/index.html\" aria-describedby=\"preview-3\">Mali</a> and the state.</p>\n"
        );
        assert_eq!(
            body.outline.previews,
            [
                f.entity(Topic, "us-peace-plan"),
                f.entity(Actor, "volodymyr-zelenskiy"),
                f.entity(Place, "mali"),
            ]
        );
        let mut pages = vec![
            f.entity(Topic, "us-peace-plan"),
            f.entity(Actor, "volodymyr-zelenskiy"),
            f.entity(Place, "mali"),
        ];
        pages.sort();
        assert_eq!(body.links, pages);
        assert_eq!(
            body.fragments,
            [(
                Some(f.entity(Actor, "volodymyr-zelenskiy")),
                "background".to_string(),
                Span::new(5, 26)
            )]
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, Code::WikiTwoKinds);
    }

    #[test]
    fn a_page_linked_twice_has_one_preview_and_the_first_pages_linked_have_one() {
        let f = Fixture::new();
        let (body, _) = render(
            &f,
            "[[Zelensky]], [plan](2025-11-20-plan.md \"The <plan>\") and [[Zelensky|him]] again; [out](https://example.org/).\n",
        );
        assert_eq!(
            body.html,
            "<p><a href=\"../../actors/volodymyr-zelenskiy/index.html\" aria-describedby=\"preview-1\">Zelensky</a>, \
             <a href=\"../../briefings/plan/index.html\" title=\"The &lt;plan&gt;\" aria-describedby=\"preview-2\">plan</a> and \
             <a href=\"../../actors/volodymyr-zelenskiy/index.html\" aria-describedby=\"preview-1\">him</a> again; \
             <a href=\"https://example.org/\">out</a>.</p>\n"
        );
        assert_eq!(
            body.outline.previews,
            [f.entity(Actor, "volodymyr-zelenskiy"), f.briefing("plan")]
        );
        // Past the cap, links are plain links.
        let many: String = (0..crate::markdown::BODY_PREVIEWS + 1)
            .map(|i| format!("[[Zelensky#s{i}]] [[briefing:plan]] "))
            .collect();
        let (body, _) = render(&f, &many);
        assert_eq!(body.outline.previews.len(), 2);
        let (body, _) = render(&f, "[[topic:us-peace-plan]] [[Mali|m]]\n");
        assert_eq!(body.outline.previews.len(), 1, "{}", body.html);
    }

    #[test]
    fn the_outline_has_the_second_and_third_level_headings_as_shown() {
        let f = Fixture::new();
        let (body, _) = render(
            &f,
            "## One `x`\n\n### Sub {#preview-1}\n\n#### Deep\n\n## Two\n",
        );
        let got: Vec<_> = (body.outline.headings.iter())
            .map(|h| (h.level, h.id.as_str(), h.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (2, "one-x", "One x"),
                (3, "preview-1-1", "Sub"),
                (2, "two", "Two")
            ]
        );
        // Under an <h1>, the body's <h1> and <h2> are the page's <h2> and <h3>.
        let (body, _) = render(&f, "# Top\n\n## Next\n\n### Gone\n");
        let got: Vec<_> = (body.outline.headings.iter())
            .map(|h| (h.level, h.id.as_str()))
            .collect();
        assert_eq!(got, [(2, "top"), (3, "next")]);
    }

    #[test]
    fn a_broken_link_is_text_reported_at_its_line_and_column_in_the_file() {
        let f = Fixture::new();
        let text = "Intro.\n\nSee é [[Zelenskky]] and [the plan](2025-11-20-plam.md).\n\n![map](chart.png)\n";
        let (body, diags) = render(&f, text);
        assert_eq!(
            body.html,
            "<p>Intro.</p>\n<p>See é Zelenskky and the plan.</p>\n<p>map</p>\n"
        );
        assert!(body.links.is_empty());
        let found: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.span, d.help.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                // Columns count characters, not bytes: `é` is one.
                (
                    Code::BrokenLink,
                    Span::new(7, 7),
                    Some("did you mean `Zelensky`?")
                ),
                (
                    Code::BrokenLink,
                    Span::new(7, 25),
                    Some("did you mean `2025-11-20-plan.md`?")
                ),
                (Code::BrokenLink, Span::new(9, 1), None),
            ]
        );
        assert!(
            diags
                .iter()
                .all(|d| d.path == "content/briefings/2025-11-22-x.md")
        );
    }

    #[test]
    fn an_email_autolink_is_a_mailto_link_even_beside_a_file_of_that_name() {
        let f = Fixture::new();
        let text = "Press office: <press@example.org>\n";
        for assets in [&[][..], &["briefings/press@example.org"][..]] {
            let (body, diags) = render_in(&f.cx_with(assets), text);
            assert_eq!(diags.len(), 0, "{assets:?}");
            assert_eq!(
                body.html,
                "<p>Press office: <a href=\"mailto:press@example.org\">press@example.org</a></p>\n"
            );
        }
    }

    #[test]
    fn kept_links_fragments_raw_html_ids_and_task_boxes() {
        let f = Fixture::new();
        let text =
            "- [x] [up](#top) <span id=\"here\"></span>\n- [ ] [out](https://example.org/)\n";
        let (body, diags) = render(&f, text);
        assert!(diags.is_empty());
        assert_eq!(body.ids, ["here"]);
        assert_eq!(body.fragments, [(None, "top".to_string(), Span::new(5, 7))]);
        assert!(body.html.contains(
            "<input type=\"checkbox\" disabled checked aria-label=\"done\"> <a href=\"#top\">up</a>"
        ));
        assert!(
            body.html
                .contains("aria-label=\"not done\"> <a href=\"https://example.org/\">")
        );
    }
}
