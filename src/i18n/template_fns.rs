//! What templates call for words with arguments: `t(key=…, n=…)`, `forms(key=…)` (a plural's
//! forms for the page's scripts) and the `number` filter.
//!
//! A theme is loaded once and renders pages of several languages (each language of a
//! multilingual site, and serve's rebuilds), so the functions cannot hold one catalog.
//! Each page's context names its catalog by the hash of its text (`i18n`, beside `tr`);
//! the functions find the catalog in a registry of the catalogs alive in the process.

use super::{Arg, Catalog};
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

fn catalog_of(state: &tera::State<'_>) -> Result<Arc<Catalog>, tera::Error> {
    let key: Option<String> = state.get(KEY_VAR)?;
    key.and_then(|k| k.parse().ok())
        .and_then(find)
        .ok_or_else(|| tera::Error::message("no interface language for this page"))
}

/// Marks a markup argument's place in a formatted message: private-use characters, which
/// escaping leaves alone and which are taken out of text arguments.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Adds `t` and `number` to `tera`.
///
/// `t` returns escaped text: the message and its text arguments are escaped, and an
/// argument that is already markup (a safe string, such as a `{% set x %}…{% endset %}`
/// block of the template) is put in as it is. A sentence with a link or a date in it is
/// then one message, its words in the translator's order: `t(key="place_in", parent=link)`.
pub fn install(tera: &mut tera::Tera) {
    tera.register_function(
        "t",
        |kwargs: tera::Kwargs, state: &tera::State| -> Result<tera::Value, tera::Error> {
            let catalog = catalog_of(state)?;
            let key: String = kwargs.must_get("key")?;
            let escaping = state.autoescaping_enabled();
            let mut markup: Vec<String> = Vec::new();
            let mut owned: Vec<(String, Result<i64, String>)> = Vec::new();
            for (name, value) in kwargs.iter() {
                let name = name.to_string();
                if name == "key" {
                    continue;
                }
                let v = match (value.as_i128(), value.as_str()) {
                    (Some(n), _) => Ok(i64::try_from(n).unwrap_or(i64::MAX)),
                    (None, Some(s)) if escaping && value.is_safe() => {
                        markup.push(s.to_string());
                        Err(format!("{OPEN}{}{CLOSE}", markup.len() - 1))
                    }
                    _ => Err(value.to_string().replace([OPEN, CLOSE], "")),
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
                    (n.as_str(), a)
                })
                .collect();
            let text = catalog.format(&key, &args).ok_or_else(|| {
                tera::Error::message(format!(
                    "no message `{key}` with these arguments in the `{}` translations",
                    catalog.lang
                ))
            })?;
            if !escaping {
                return Ok(tera::Value::from(text));
            }
            let escaped = state.escape(&text)?;
            Ok(tera::Value::safe_string(&put_back(&escaped, &markup)))
        },
    );
    // The forms of a plural message for a script in the page: JSON, `{"one": "{n} …",
    // "other": …, "*": the default}` (see `Catalog::forms`).
    tera.register_function("forms", |kwargs: tera::Kwargs, state: &tera::State| {
        let catalog = catalog_of(state)?;
        let key: String = kwargs.must_get("key")?;
        let forms = catalog.forms(&key).ok_or_else(|| {
            tera::Error::message(format!(
                "no message `{key}` in the `{}` translations",
                catalog.lang
            ))
        })?;
        serde_json::to_string(&forms).map_err(|e| tera::Error::message(e.to_string()))
    });
    tera.register_filter(
        "number",
        |value: &tera::Value, _: tera::Kwargs, state: &tera::State| {
            let catalog = catalog_of(state)?;
            let n = value
                .as_i128()
                .and_then(|n| i64::try_from(n).ok())
                .ok_or_else(|| tera::Error::message("`number` takes a whole number"))?;
            Ok::<String, tera::Error>(catalog.locale.number(n))
        },
    );
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
