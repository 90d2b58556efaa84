//! `safe_html: true`: rendered bodies cleaned with ammonia, so raw HTML in Markdown keeps
//! its content tags and loses anything that could run script or restyle the page.

use std::sync::LazyLock;

/// Tags a briefing may use on top of ammonia's content set (tables, figures,
/// details/summary, sup/sub, abbr …): the disabled checkboxes of task lists. Every kept
/// `<input>` is disabled, so that no text box or button can be used.
const EXTRA_TAGS: &[&str] = &["input"];

/// Attributes any kept tag may carry: ids and classes of headings, footnotes and raw HTML
/// (fragment links need them), accessible names, and text direction.
const GENERIC_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "lang",
    "title",
    "dir",
    "aria-label",
    "aria-hidden",
];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags(EXTRA_TAGS)
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .add_tag_attributes("input", ["checked"])
        .add_tag_attribute_values("input", "type", ["checkbox"])
        // One attribute set, not two: ammonia adds set values in hash order.
        .set_tag_attribute_value("input", "disabled", "")
        // Table columns are aligned with `style="text-align: …"`; no other property stays.
        // A link's preview, which the page (not the author) writes: `preview-N`.
        .add_tag_attributes("a", ["aria-describedby"])
        // Body images load as the reader reaches them (the renderer writes both).
        .add_tag_attributes("img", ["loading", "decoding"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(["text-align"].into_iter().collect())
        // Links inside the site are the site's own: no `rel` is added to them.
        .link_rel(None);
    b
});

/// `html` without scripts, event handlers, styles (but table alignment), frames, forms,
/// and URLs of schemes other than http(s), mailto and the like (`javascript:`, `data:`).
pub fn body(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::body;

    #[test]
    fn scripts_handlers_styles_frames_and_script_urls_go() {
        let html = body(concat!(
            "<p onclick=\"x()\" style=\"color:red\">Hi<script>alert(1)</script></p>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<a href=\"javascript:alert(1)\">a</a><img src=\"data:image/svg+xml,x\" alt=\"i\">",
            "<form action=\"/x\"><input type=\"text\" name=\"q\"></form>",
        ));
        // A text box is left disabled: nothing to type into.
        assert_eq!(
            html,
            "<p>Hi</p><a>a</a><img alt=\"i\"><input disabled=\"\">"
        );
    }

    #[test]
    fn content_tags_ids_classes_and_alignment_stay() {
        let kept = concat!(
            "<h2 id=\"x\" class=\"c\">T</h2>",
            "<table><thead><tr><th style=\"text-align: center\">a</th></tr></thead></table>",
            "<details><summary>s</summary><abbr title=\"t\">A</abbr><sup>1</sup><sub>2</sub></details>",
            "<figure><img src=\"a.png\" alt=\"a\"><figcaption>c</figcaption></figure>",
            "<input type=\"checkbox\" disabled=\"\" checked=\"\" aria-label=\"done\">",
            "<a href=\"../../actors/x/index.html#y\">x</a>",
        );
        // Only the spacing of the style and the order of the checkbox's attributes change.
        assert_eq!(
            body(kept),
            kept.replace("text-align: center", "text-align:center")
                .replace(
                    "type=\"checkbox\" disabled=\"\" checked=\"\" aria-label=\"done\"",
                    "type=\"checkbox\" checked=\"\" aria-label=\"done\" disabled=\"\""
                )
        );
    }
}
