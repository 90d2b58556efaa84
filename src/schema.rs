//! JSON Schemas of briefing front matter, of each kind's profile and of site.yaml, for YAML
//! language servers that validate and complete keys without `dossier lsp`. The keys come
//! from the parser's own tables, so a key the parser learns is a key the schema has (a
//! test fails until its type is written here).

use crate::model::{Confidence, Kind, Position};
use serde_json::{Value, json};

/// Where the schemas are published under: the `$id` base.
const ID_BASE: &str = "https://dossier.invalid/schemas/";

/// A list of names, or one name.
fn names(what: &str) -> Value {
    json!({
        "description": format!("{what}: ids, names or aliases (a list, or one name)"),
        "anyOf": [
            {"type": "array", "items": {"type": "string"}},
            {"type": "string"}
        ]
    })
}

fn text(description: &str) -> Value {
    json!({"type": "string", "description": description})
}

fn date(description: &str) -> Value {
    json!({
        "description": format!("{description} (YYYY-MM-DD, or a date-time with offset)"),
        "anyOf": [
            {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}"},
            {"type": "string", "format": "date-time"}
        ]
    })
}

/// `image:`: a file of the site or an http(s) address.
fn image() -> Value {
    json!({"type": "string", "minLength": 1,
        "description": "a PNG, JPEG or WebP picture: a path from this file, /path from the site's root (static/, then content/), or an http(s):// address"})
}

/// `alt:`, the picture's text alternative.
fn alt() -> Value {
    text(
        "what the picture shows, for screen readers and link previews (\"\" for a picture that only decorates)",
    )
}

fn moved_from() -> Value {
    json!({"description": "old slugs, ids or paths: each redirects here",
    "anyOf": [
        {"type": "array", "items": {"type": "string"}, "maxItems": 100},
        {"type": "string"}
    ]})
}

fn stance() -> Value {
    let positions: Vec<&str> = Position::ALL.iter().map(|p| p.as_str()).collect();
    let props = crate::parse::STANCE_KEYS
        .iter()
        .map(|&k| {
            let v = match k {
                "actor" => text("the actor taking the position: id, name or alias"),
                "on" => text("the topic: id, name or alias"),
                "position" => json!({"enum": positions, "description": "the actor's position"}),
                "quote" => text("the words the position rests on"),
                "by" => text("who voiced it for the actor: id, name or alias"),
                "source" => json!({"type": "integer", "minimum": 1,
                    "description": "which of `sources` it rests on (1 is the first)"}),
                other => json!({"description": format!("`{other}`")}),
            };
            (k.to_string(), v)
        })
        .collect::<serde_json::Map<_, _>>();
    json!({
        "type": "object",
        "required": ["actor", "on", "position"],
        "additionalProperties": false,
        "properties": props
    })
}

/// The type of a key of a source, in `sources:` or a file of `content/sources/`; `None`
/// for a key this module does not know yet.
fn source_key(key: &str) -> Option<Value> {
    Some(match key {
        "title" | "name" => text("what the source is called"),
        "url" => json!({"type": "string", "description": "its address, with https://"}),
        "publisher" => text("who published it"),
        "date" => date("when it was published"),
        "source" => {
            text("the id of a source of content/sources/ (its file name): this entry cites it")
        }
        "reliability" => json!({"type": "string",
            "description": "how reliable the source is: A (completely) to F (cannot be judged) on the Admiralty code, or a level of site.yaml's source_grades"}),
        "credibility" => json!({"type": ["string", "integer"],
            "description": "how credible the information is: 1 (confirmed) to 6 (cannot be judged) on the Admiralty code, or a level of site.yaml's source_grades"}),
        "retracted" => {
            date("when the source was retracted: stances resting on it are struck through")
        }
        "retraction_note" => text("why it was retracted, shown with the notice"),
        _ => return None,
    })
}

fn source() -> Value {
    let props = crate::parse::SOURCE_KEYS
        .iter()
        .map(|&k| (k.to_string(), source_key(k).unwrap_or_else(|| json!({}))))
        .collect::<serde_json::Map<_, _>>();
    json!({
        "anyOf": [
            {"type": "string", "description": "the source's title, or the id of a source of content/sources/"},
            {"type": "object", "additionalProperties": false, "properties": props}
        ]
    })
}

/// The type of a briefing key, `None` for a key this module does not know yet.
fn briefing_key(key: &str) -> Option<Value> {
    let confidence: Vec<&str> = Confidence::ALL.iter().map(|c| c.as_str()).collect();
    if let Some(kind) = Kind::from_dir(key) {
        return Some(names(kind.heading()));
    }
    Some(match key {
        "title" => text("the briefing's title"),
        "date" => date("the date of the events it reports"),
        "updated" => date("when it was last changed"),
        "summary" => text("one or two sentences shown in lists and feeds"),
        "slug" => {
            json!({"type": "string", "description": "its URL name (default: from the file name)"})
        }
        "reviewed_by" => names("Authors who reviewed it"),
        "publish_at" => date("when it is published: left out of builds before (an embargo)"),
        "expires" => date("when it is taken down: left out of builds after"),
        "corrections" => json!({"type": "array", "description": "corrections, oldest first",
            "items": {"type": "object", "required": ["date", "text"], "additionalProperties": false,
                "properties": {"date": date("when it was corrected"), "text": text("what was corrected")}}}),
        "moved_from" => moved_from(),
        "lang" => text("its language, one of site.yaml's `languages:` (default: the site's)"),
        "translation_of" => {
            text("the briefing it translates: its slug or path under content/briefings/")
        }
        "translation_key" => text("a key shared by every language's version of this briefing"),
        "image" => image(),
        "alt" => alt(),
        "stances" => json!({"type": "array", "items": stance(),
            "description": "positions of actors on topics"}),
        "tags" => json!({"type": "array", "items": {"type": "string"}}),
        "sources" => json!({"type": "array", "items": source()}),
        "confidence" => json!({"enum": confidence}),
        "judgments" => {
            let levels: Vec<&str> = (crate::model::Likelihood::ALL.iter())
                .flat_map(|l| l.variants().iter().copied())
                .collect();
            json!({"type": "array", "maxItems": crate::model::MAX_JUDGMENTS,
                "description": "key judgments, shown in a box at the top of the page",
                "items": {"type": "object", "required": ["statement", "likelihood"],
                    "additionalProperties": false, "properties": {
                        "statement": text("what the desk judges"),
                        "likelihood": {"anyOf": [{"enum": levels},
                            {"type": "string", "pattern": "^[0-9]{1,3}(\\.[0-9])?%$"}],
                            "description": "a level of likelihood, or a percentage (70%)"},
                        "confidence": {"enum": confidence},
                        "on": text("the topic whose question it answers"),
                        "answer": {"enum": ["yes", "no", true, false],
                            "description": "the answer to the topic's question it amounts to"}}}})
        }
        "draft" => json!({"type": "boolean"}),
        "extra" => json!({"type": "object", "description": "custom data for themes"}),
        _ => return None,
    })
}

/// The type of a key of a `kind` profile, `None` for a key this module does not know yet.
fn profile_key(kind: Kind, key: &str) -> Option<Value> {
    Some(match key {
        "name" | "title" => text("what it is called"),
        "aliases" => json!({"type": "array", "items": {"type": "string"},
            "description": "other spellings that name it"}),
        "kind" => match crate::parse::subkinds(kind) {
            [] => text("what sort it is"),
            some => json!({"enum": some}),
        },
        "role" => text("what the actor or author does"),
        "affiliation" => text("the actor it belongs to: id, name or alias"),
        "roles" => dated("role", "an office held"),
        "affiliations" => dated("actor", "an actor it belonged to: id, name or alias"),
        "names" => dated("name", "a name it went by (resolves like an alias)"),
        "within" => text("the place it lies within: id, name or alias"),
        "coords" => json!({"type": "array", "items": {"type": "number"}, "minItems": 2,
            "maxItems": 2, "description": "latitude and longitude"}),
        "question" => text("the question the topic asks"),
        "resolved" => json!({"type": "object", "required": ["date", "outcome"],
            "additionalProperties": false, "description": "how the question was settled",
            "properties": {"date": date("the day it was settled"),
                "outcome": {"enum": ["yes", "no", true, false], "description": "the answer"},
                "note": text("what happened")}}),
        "bio" => text("one line about the author"),
        "moved_from" => moved_from(),
        "lang" => text("its language, one of site.yaml's `languages:` (default: the site's)"),
        "translation_of" => text("the id of the profile it translates"),
        "translation_key" => text("a key shared by every language's version of this profile"),
        "links" => {
            json!({"type": "array", "items": {"type": "string"}, "maxItems": crate::parse::MAX_LINKS,
            "description": "the author's pages elsewhere (https://)"})
        }
        "email" => text("the author's address (name@example.org)"),
        "image" => image(),
        "alt" => alt(),
        "extra" => json!({"type": "object", "description": "custom data for themes"}),
        _ => return None,
    })
}

/// A list of `{value_key, from, to}` entries (`roles:`, `affiliations:`, `names:`).
fn dated(value_key: &str, what: &str) -> Value {
    let day = json!({"type": "string",
        "description": "a day, YYYY-MM-DD (inclusive); leave out for open"});
    json!({"type": "array", "maxItems": crate::model::MAX_DATED,
        "description": format!("{what}, with the days it held"),
        "items": {"type": "object", "required": [value_key], "additionalProperties": false,
            "properties": {value_key: text(what), "from": day, "to": day}}})
}

/// The type of a site.yaml key, `None` for a key this module does not know yet.
fn site_key(key: &str) -> Option<Value> {
    let stubs = Kind::ALL
        .iter()
        .map(|k| {
            (
                k.dir().to_string(),
                json!({"type": "array", "items": {"type": "string"}}),
            )
        })
        .collect::<serde_json::Map<_, _>>();
    Some(match key {
        "title" => text("the site's name"),
        "base_url" => json!({"type": "string", "description": "where the site is published"}),
        "language" => text("the language of its pages (BCP 47: en, fr, uk)"),
        "description" => text("one sentence about the site"),
        "theme" => text("a folder of themes/"),
        "safe_html" => json!({"type": "boolean"}),
        "social_cards" => {
            json!({"type": "boolean", "description": "draw a social card per briefing (og:image)"})
        }
        "page_size" => json!({"type": "integer", "minimum": 1,
            "maximum": crate::config::MAX_PAGE_SIZE}),
        "languages" => json!({
            "description": "the languages the site publishes in, each in its own tree (/fr/)",
            "anyOf": [
                {"type": "array", "items": {"type": "string"}, "maxItems": crate::config::MAX_LANGUAGES},
                {"type": "object", "maxProperties": crate::config::MAX_LANGUAGES,
                 "additionalProperties": {"type": ["object", "null"], "additionalProperties": false,
                    "properties": {"title": {"type": "string"}, "description": {"type": "string"}}}}
            ]
        }),
        "stale_after_days" => json!({
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": crate::config::MAX_STALE_AFTER_DAYS},
                {"const": false}
            ],
            "description": "days without a briefing after which a topic with stances is stale (0 or false: off)"}),
        "stubs" => json!({"type": "object", "additionalProperties": false, "properties": stubs,
            "description": "names meant to have no profile"}),
        "default_author" => text("the author of briefings that list none: id, name or alias"),
        "timezone" => {
            text("the IANA time zone publish_at and expires times without an offset are read in")
        }
        "source_grades" => {
            let levels = json!({"type": "array", "minItems": 1,
            "maxItems": crate::evidence::MAX_LEVELS,
            "items": {"anyOf": [
                {"type": ["string", "integer"]},
                {"type": "object", "required": ["code"], "additionalProperties": false,
                    "properties": {"code": {"type": ["string", "integer"]}, "label": {"type": "string"}}}
            ]}});
            json!({"type": "object", "additionalProperties": false,
                "description": "the scales sources are graded on, best level first (default: the Admiralty code)",
                "properties": {"reliability": levels.clone(), "credibility": levels}})
        }
        "estimative" => {
            let phrases = json!({"type": "array", "maxItems": crate::estimative::MAX_PHRASES,
                "items": {"type": "string", "maxLength": crate::estimative::MAX_PHRASE_CHARS}});
            let levels: serde_json::Map<String, Value> = (crate::model::Likelihood::ALL.iter())
                .map(|l| (l.key().to_string(), phrases.clone()))
                .collect();
            json!({"description": "the estimative-language check (false turns it off)",
                "anyOf": [{"type": "boolean"}, {"type": "object", "additionalProperties": false,
                "properties": {"check": {"type": "boolean"},
                    "words": {"type": "object", "maxProperties": crate::estimative::MAX_LANGUAGES,
                        "description": "phrases per language tag, per level",
                        "additionalProperties": {"type": "object", "additionalProperties": false,
                            "properties": levels}}}}]})
        }
        _ => return None,
    })
}

fn object(title: &str, file: &str, keys: &[&str], typed: impl Fn(&str) -> Option<Value>) -> Value {
    let props = keys
        .iter()
        .map(|&k| (k.to_string(), typed(k).unwrap_or_else(|| json!({}))))
        .collect::<serde_json::Map<_, _>>();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("{ID_BASE}{file}"),
        "title": title,
        "type": "object",
        "additionalProperties": false,
        "properties": props
    })
}

/// Every schema, by file name: `briefing.schema.json`, one per kind
/// (`actor.schema.json`…) and `site.schema.json`.
pub fn all() -> Vec<(String, Value)> {
    let mut out = vec![(
        "briefing.schema.json".to_string(),
        object(
            "Dossier briefing front matter",
            "briefing.schema.json",
            &crate::parse::briefing_keys(),
            briefing_key,
        ),
    )];
    for kind in Kind::ALL {
        let file = format!("{}.schema.json", kind.word());
        let title = format!("Dossier {} profile front matter", kind.word());
        out.push((
            file.clone(),
            object(&title, &file, &crate::parse::profile_keys(kind), |k| {
                profile_key(kind, k)
            }),
        ));
    }
    out.push((
        "source.schema.json".to_string(),
        object(
            "Dossier source file front matter (content/sources/)",
            "source.schema.json",
            crate::parse::REGISTRY_KEYS,
            source_key,
        ),
    ));
    out.push((
        "site.schema.json".to_string(),
        object(
            "Dossier site.yaml",
            "site.schema.json",
            crate::config::KEYS,
            site_key,
        ),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_parser_reads_has_a_type() {
        for k in crate::parse::briefing_keys() {
            assert!(briefing_key(k).is_some(), "briefing key `{k}` has no type");
        }
        for kind in Kind::ALL {
            for k in crate::parse::profile_keys(kind) {
                assert!(
                    profile_key(kind, k).is_some(),
                    "{kind:?} key `{k}` has no type"
                );
            }
        }
        for k in crate::config::KEYS {
            assert!(site_key(k).is_some(), "site.yaml key `{k}` has no type");
        }
        for k in crate::parse::SOURCE_KEYS
            .iter()
            .chain(crate::parse::REGISTRY_KEYS)
        {
            assert!(source_key(k).is_some(), "source key `{k}` has no type");
        }
    }

    #[test]
    fn schemas_refuse_unknown_keys_and_list_positions() {
        let all = all();
        let briefing = &all[0].1;
        assert_eq!(briefing["additionalProperties"], json!(false));
        let position = &briefing["properties"]["stances"]["items"]["properties"]["position"];
        assert_eq!(position["enum"][0], json!("supports"));
        assert!(all.iter().any(|(f, _)| f == "site.schema.json"));
    }
}
