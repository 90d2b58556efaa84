//! Templates with one language's fixed words written in.
//!
//! `{{ tr.nav_briefings }}` is the same text on every page of a language, yet each page
//! would look it up again: find `tr` through every scope, hash the id, copy and escape the
//! words. A theme says a few hundred of them per page, which made rendering a fifth
//! slower when the words left the templates. Before rendering, each template is compiled
//! once more per language with those words put in its text, escaped as the template
//! would have escaped them: the pages are the same bytes, made without the lookups.
//!
//! Only what is certainly the same is baked: a whole `{{ tr.id }}` in the template's text
//! (not in a tag, a comment or a string), in a template that never assigns `tr` and has
//! no `raw` block, with words that cannot read as template syntax.

use std::collections::BTreeMap;

/// `text` with its `{{ tr.id }}` written in from `words`; `escape` when the template
/// escapes what it prints (`.html`, `.xml`). `None` when nothing was baked.
pub fn bake(text: &str, words: &BTreeMap<String, String>, escape: bool) -> Option<String> {
    if assigns_tr_or_is_raw(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut baked = false;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let closer = match rest.as_bytes().get(1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                out.push('{');
                rest = &rest[1..];
                continue;
            }
        };
        if closer == "}}"
            && let Some((id, len)) = label(rest)
            && let Some(w) = words.get(id).filter(|w| plain(w))
        {
            if escape {
                let mut buf = Vec::with_capacity(w.len());
                if tera::escape_html(w, &mut buf).is_err() {
                    return None;
                }
                out.push_str(std::str::from_utf8(&buf).ok()?);
            } else {
                out.push_str(w);
            }
            rest = &rest[len..];
            baked = true;
            continue;
        }
        let len = tag_len(rest, closer);
        out.push_str(&rest[..len]);
        rest = &rest[len..];
    }
    out.push_str(rest);
    baked.then_some(out)
}

/// The id and length of `{{ tr.id }}` (spaces optional, no whitespace control) at the
/// start of `s`.
fn label(s: &str) -> Option<(&str, usize)> {
    let inner = s.strip_prefix("{{")?;
    let body = inner.trim_start_matches(' ');
    let id_part = body.strip_prefix("tr.")?;
    let id_len = id_part
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if id_len == 0 {
        return None;
    }
    let after = id_part[id_len..].trim_start_matches(' ');
    let tail = after.strip_prefix("}}")?;
    Some((&id_part[..id_len], s.len() - tail.len()))
}

/// Words that read as plain text wherever they land in a template.
fn plain(w: &str) -> bool {
    !w.contains(['{', '}', '%', '#'])
}

/// The length of the tag, expression or comment at the start of `s`, up to and including
/// `closer`, strings inside skipped; all of `s` when it is not closed.
fn tag_len(s: &str, closer: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 2;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if closer != "#}" && matches!(b, b'"' | b'\'' | b'`') => quote = Some(b),
            None if s[i..].starts_with(closer) => return i + closer.len(),
            None => {}
        }
        i += 1;
    }
    s.len()
}

/// Whether a template gives `tr` another value somewhere (`set`, `set_global`, a loop
/// variable) or has a `raw` block: then its words are left to be looked up.
fn assigns_tr_or_is_raw(text: &str) -> bool {
    let mut rest = text;
    while let Some(at) = rest.find("{%") {
        let tag = &rest[at + 2..];
        let end = tag.find("%}").unwrap_or(tag.len());
        let words: Vec<&str> = tag[..end]
            .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '=')
            .filter(|w| !w.is_empty())
            .collect();
        match words.first().copied() {
            Some("raw") => return true,
            Some("set" | "set_global" | "for") if words.contains(&"tr") => return true,
            _ => {}
        }
        rest = &tag[end..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> BTreeMap<String, String> {
        [
            ("nav", "Briefings"),
            ("quote", "Tom's \"notes\" & <more>"),
            ("braces", "a {{ b }}"),
            ("percent", "20 %"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn labels_in_text_are_written_in_escaped() {
        let out = bake(
            "<a>{{ tr.nav }}</a> <b title=\"{{tr.quote}}\">{{ page.x }}</b>",
            &words(),
            true,
        );
        assert_eq!(
            out.as_deref(),
            Some(
                "<a>Briefings</a> <b title=\"Tom&#39;s &quot;notes&quot; &amp; &lt;more&gt;\">{{ page.x }}</b>"
            )
        );
        let plain = bake("{{ tr.quote }}", &words(), false);
        assert_eq!(plain.as_deref(), Some("Tom's \"notes\" & <more>"));
    }

    #[test]
    fn what_might_not_be_the_same_is_left_alone() {
        let w = words();
        // Words that would read as syntax, unknown ids, whitespace control, filters.
        for t in [
            "{{ tr.braces }}",
            "{{ tr.percent }}",
            "{{ tr.missing }}",
            "{{- tr.nav }}",
            "{{ tr.nav -}}",
            "{{ tr.nav | upper }}",
            "{{ tr[\"nav\"] }}",
            "{{ trx.nav }}",
        ] {
            assert_eq!(bake(t, &w, true), None, "{t}");
        }
        // Inside a tag's string, a comment, or a raw block.
        for t in [
            "{% set x = \"{{ tr.nav }}\" %}{{ x }}",
            "{# {{ tr.nav }} #}",
            "{% raw %}{{ tr.nav }}{% endraw %}",
            "{% if a %}{{ \"}}\" }}{% endif %}",
        ] {
            assert_eq!(bake(t, &w, true), None, "{t}");
        }
        // A template that gives `tr` a value of its own keeps every lookup.
        for t in [
            "{% set tr = other %}{{ tr.nav }}",
            "{% for k, tr in maps %}{{ tr.nav }}{% endfor %}",
            "{%- set_global tr = x -%}{{ tr.nav }}",
        ] {
            assert_eq!(bake(t, &w, true), None, "{t}");
        }
    }

    #[test]
    fn text_after_a_tag_with_a_closer_in_a_string_is_still_baked() {
        let out = bake("{% set x = \"%}\" %}{{ tr.nav }}", &words(), true);
        assert_eq!(out.as_deref(), Some("{% set x = \"%}\" %}Briefings"));
    }

    #[test]
    fn an_unclosed_tag_ends_the_text_unchanged() {
        assert_eq!(
            bake("{{ tr.nav }}{% if", &words(), true).as_deref(),
            Some("Briefings{% if")
        );
        assert_eq!(bake("{{ broken", &words(), true), None);
    }
}
