//! What templates call for words with arguments: `t(key=…, n=…)`, `forms(key=…)` (a plural's
//! forms for the page's scripts) and the `number` filter.
//!
//! A theme is loaded once and renders pages of several languages (each language of a
//! multilingual site, and serve's rebuilds), so the functions cannot hold one catalog.
//! Each page's context names its catalog by the hash of its text (`i18n`, beside `tr`);
//! the functions find the catalog in a registry of the catalogs alive in the process.

use super::{Arg, Catalog, memo};
use std::sync::{Arc, Mutex, OnceLock, Weak};

/// The context variable holding the page's catalog key.
pub const KEY_VAR: &str = "i18n";

/// Catalogs by key, held weakly: a catalog leaves when its site does.
type Registry = Mutex<Vec<(u64, Weak<Catalog>)>>;

fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(Default::default)
}

/// Makes `catalog` reachable from templates while it lives.
pub(super) fn register(catalog: &Arc<Catalog>) {
    let mut r = registry().lock().unwrap_or_else(|e| e.into_inner());
    // Catalogs dropped since (serve's earlier rebuilds) leave; the list stays as long as
    // the languages alive.
    r.retain(|(_, w)| w.strong_count() > 0);
    r.push((catalog.key, Arc::downgrade(catalog)));
}

fn find(key: u64) -> Option<Arc<Catalog>> {
    let r = registry().lock().unwrap_or_else(|e| e.into_inner());
    // Catalogs of the same text share a key: any one still alive will do.
    r.iter()
        .rev()
        .filter(|(k, _)| *k == key)
        .find_map(|(_, w)| w.upgrade())
}

/// The page's catalog, named by its key.
fn catalog_of(state: &tera::State<'_>) -> Result<Arc<Catalog>, tera::Error> {
    state
        .get::<u64>(KEY_VAR)?
        .and_then(find)
        .ok_or_else(|| tera::Error::message("no interface language for this page"))
}

/// The catalog the functions were bound to, else the page's (kept in `found`).
fn catalog_for<'a>(
    bound: &'a Option<Arc<Catalog>>,
    found: &'a mut Option<Arc<Catalog>>,
    state: &tera::State<'_>,
) -> Result<&'a Catalog, tera::Error> {
    match bound {
        Some(c) => Ok(c),
        None => Ok(found.insert(catalog_of(state)?)),
    }
}

/// Marks a markup argument's place in a formatted message: private-use characters, which
/// escaping leaves alone and which are taken out of text arguments.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Adds `t`, `forms` and `number` to `tera`, finding each page's catalog by its key.
///
/// `t` returns escaped text: the message and its text arguments are escaped, and an
/// argument that is already markup (a safe string, such as a `{% set x %}…{% endset %}`
/// block of the template) is put in as it is. A sentence with a link or a date in it is
/// then one message, its words in the translator's order: `t(key="place_in", parent=link)`.
pub fn install(tera: &mut tera::Tera) {
    install_with(tera, None);
}

/// [`install`] for templates that render pages of `catalog` only (a theme's templates
/// with that language's words baked in): no page needs to name it.
pub fn install_for(tera: &mut tera::Tera, catalog: Arc<Catalog>) {
    install_with(tera, Some(catalog));
}

fn install_with(tera: &mut tera::Tera, bound: Option<Arc<Catalog>>) {
    let b = bound.clone();
    tera.register_function(
        "t",
        move |kwargs: tera::Kwargs, state: &tera::State| -> Result<tera::Value, tera::Error> {
            let key: &str = kwargs.must_get("key")?;
            let mut found = None;
            let catalog = catalog_for(&b, &mut found, state)?;
            let escaping = state.autoescaping_enabled();
            if let Some(text) = fill_simple(catalog, key, &kwargs, escaping) {
                return Ok(if escaping {
                    tera::Value::safe_string(&text)
                } else {
                    tera::Value::from(text)
                });
            }
            let mut args: Vec<(&str, &tera::Value)> = kwargs
                .iter()
                .filter_map(|(name, value)| Some((name.as_str()?, value)))
                .filter(|(name, _)| *name != "key")
                .collect();
            // Keyword arguments come in no set order; the memory needs one.
            args.sort_unstable_by_key(|(name, _)| *name);
            let mut failed = None;
            let text = memo::remember(
                |k| {
                    k.part(b"t").number(catalog.key as i64).part(key.as_bytes());
                    k.number(i64::from(escaping));
                    for (name, value) in &args {
                        k.part(name.as_bytes());
                        match arg(value, escaping) {
                            Given::Number(n) => k.part(b"n").number(n),
                            Given::Markup(s) => k.part(b"m").part(s.as_bytes()),
                            Given::Text(s) => k.part(b"s").part(s.as_bytes()),
                        };
                    }
                },
                || match format_t(catalog, key, &args, escaping, state) {
                    Ok(text) => Some(text),
                    Err(e) => {
                        failed = Some(e);
                        None
                    }
                },
            );
            match text {
                Some(text) if escaping => Ok(tera::Value::safe_string(&text)),
                Some(text) => Ok(tera::Value::from(text)),
                None => Err(failed.unwrap_or_else(|| tera::Error::message("no message"))),
            }
        },
    );
    // The forms of a plural message for a script in the page: JSON, `{"one": "{n} …",
    // "other": …, "*": the default}` (see `Catalog::forms`).
    let b = bound.clone();
    tera.register_function("forms", move |kwargs: tera::Kwargs, state: &tera::State| {
        let mut found = None;
        let catalog = catalog_for(&b, &mut found, state)?;
        let key: String = kwargs.must_get("key")?;
        let forms = catalog.forms(&key).ok_or_else(|| {
            tera::Error::message(format!(
                "no message `{key}` in the `{}` translations",
                catalog.lang
            ))
        })?;
        serde_json::to_string(&forms).map_err(|e| tera::Error::message(e.to_string()))
    });
    let b = bound;
    tera.register_filter(
        "number",
        move |value: &tera::Value, _: tera::Kwargs, state: &tera::State| {
            let mut found = None;
            let catalog = catalog_for(&b, &mut found, state)?;
            let n = value
                .as_i128()
                .and_then(|n| i64::try_from(n).ok())
                .ok_or_else(|| tera::Error::message("`number` takes a whole number"))?;
            Ok::<String, tera::Error>(catalog.locale.number(n))
        },
    );
}

/// `t()`'s text for a message of text and variables ([`super::simple`]) given text and
/// markup only, put together without Fluent; `None` for any other.
fn fill_simple(
    catalog: &Catalog,
    key: &str,
    kwargs: &tera::Kwargs,
    escaping: bool,
) -> Option<String> {
    let simple = catalog.simple.get(key)?;
    let value = |name| -> Option<std::borrow::Cow<'_, str>> {
        let value: &tera::Value = kwargs.get(name).ok()??;
        let text = match arg(value, escaping) {
            Given::Number(n) => catalog.message_number(n)?.into(),
            Given::Markup(s) => return Some(s),
            Given::Text(s) if s.contains([OPEN, CLOSE]) => s.replace([OPEN, CLOSE], "").into(),
            Given::Text(s) => s,
        };
        if !escaping {
            return Some(text);
        }
        let mut out = Vec::with_capacity(text.len());
        tera::escape_html(&text, &mut out).ok()?;
        String::from_utf8(out).ok().map(Into::into)
    };
    if escaping {
        simple.fill_markup(value)
    } else {
        simple.fill(value)
    }
}

/// An argument of `t()` as the message gets it.
enum Given<'a> {
    Number(i64),
    /// Markup of the template (a safe string where escaping is on), put in as it is.
    Markup(std::borrow::Cow<'a, str>),
    Text(std::borrow::Cow<'a, str>),
}

fn arg(value: &tera::Value, escaping: bool) -> Given<'_> {
    match (value.as_i128(), value.as_str()) {
        (Some(n), _) => Given::Number(i64::try_from(n).unwrap_or(i64::MAX)),
        (None, Some(s)) if escaping && value.is_safe() => Given::Markup(s.into()),
        (None, Some(s)) => Given::Text(s.into()),
        (None, None) => Given::Text(value.to_string().into()),
    }
}

/// `t()`'s text: the message with its arguments, escaped where the template escapes.
fn format_t(
    catalog: &Catalog,
    key: &str,
    args: &[(&str, &tera::Value)],
    escaping: bool,
    state: &tera::State<'_>,
) -> Result<String, tera::Error> {
    let mut markup: Vec<String> = Vec::new();
    let mut owned: Vec<(&str, Result<i64, String>)> = Vec::new();
    for (name, value) in args {
        let v = match arg(value, escaping) {
            Given::Number(n) => Ok(n),
            Given::Markup(s) => {
                markup.push(s.into_owned());
                Err(format!("{OPEN}{}{CLOSE}", markup.len() - 1))
            }
            // The marks of markup arguments cannot be smuggled in through text.
            Given::Text(s) if s.contains([OPEN, CLOSE]) => Err(s.replace([OPEN, CLOSE], "")),
            Given::Text(s) => Err(s.into_owned()),
        };
        owned.push((name, v));
    }
    let args: Vec<(&str, Arg<'_>)> = owned
        .iter()
        .map(|(n, v)| {
            let a = match v {
                Ok(n) => Arg::Number(*n),
                Err(s) => Arg::Text(s),
            };
            (*n, a)
        })
        .collect();
    let text = catalog.format(key, &args).ok_or_else(|| {
        tera::Error::message(format!(
            "no message `{key}` with these arguments in the `{}` translations",
            catalog.lang
        ))
    })?;
    if !escaping {
        return Ok(text);
    }
    let escaped = state.escape(&text)?;
    Ok(put_back(&escaped, &markup))
}

/// `escaped` with each markup argument back in its place.
fn put_back(escaped: &str, markup: &[String]) -> String {
    if markup.is_empty() {
        return escaped.to_string();
    }
    let mut out =
        String::with_capacity(escaped.len() + markup.iter().map(String::len).sum::<usize>());
    let mut rest = escaped;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            rest = after;
            continue;
        };
        if let Some(m) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| markup.get(i))
        {
            out.push_str(m);
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_catalog_of_the_same_text_does_not_hide_a_live_one() {
        // serve keeps the site's catalog while a fallback catalog of the same words comes
        // and goes (a broken site.yaml read, then mended).
        let live = Catalog::builtin("de");
        let gone = Catalog::builtin("de");
        assert_eq!(live.key(), gone.key());
        drop(gone);
        assert!(find(live.key()).is_some());
    }
}
