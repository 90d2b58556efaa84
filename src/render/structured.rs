//! JSON-LD (schema.org) for briefing, actor and place pages, so search engines and news
//! aggregators read who and where a briefing is about without scraping the page.

use super::search;
use crate::model::{BriefingIdx, EntityIdx, Kind};
use crate::site::Site;
use crate::urls;
use serde_json::{Map, Value, json};

/// The schema.org type of an entity: `Person` and `Organization` (states and groups too)
/// for actors as consumers expect them, else the kind's own (`Place`; `Thing` for topics
/// and for actors whose kind nobody wrote down: stubs, profiles without `kind:`). The
/// profile's own kind goes in `additionalType`.
fn schema_type(site: &Site, e: EntityIdx) -> &'static str {
    let en = site.resolved.entity(e);
    let sub = en
        .profile
        .as_ref()
        .and_then(|p| p.subkind.as_deref())
        .map(str::to_ascii_lowercase);
    match (en.id.kind, sub.as_deref()) {
        (Kind::Actor, Some("person")) => "Person",
        (Kind::Actor, Some(_)) => "Organization",
        (kind, _) => kind.schema_type(),
    }
}

fn url_of(site: &Site, e: EntityIdx) -> String {
    format!(
        "{}{}",
        site.config.base_url,
        urls::entity(&site.resolved.entity(e).id)
    )
}

/// A short reference to an entity: type, name, URL.
fn entity_ref(site: &Site, e: EntityIdx) -> Value {
    json!({
        "@type": schema_type(site, e),
        "name": site.resolved.entity(e).name,
        "url": url_of(site, e),
    })
}

fn publisher(site: &Site) -> Value {
    json!({
        "@type": "Organization",
        "name": site.config.title,
        "url": site.config.base_url,
    })
}

/// Serialized for a `<script type="application/ld+json">`: `<` is escaped so no text can
/// close the script element.
fn finish(v: Value) -> String {
    String::from_utf8(search::json(&v)).unwrap_or_default()
}

/// An `AnalysisNewsArticle`: the briefing, its dates, what it is about and who it mentions.
///
/// Only what search engines and aggregators read and the page does not already say in a
/// form they take: no `description` (the meta description), `inLanguage` (`<html lang>`),
/// `mainEntityOfPage` (the same URL as `url`) or the publishers of cited sources. Every
/// byte here is repeated on every briefing page of the archive.
pub fn briefing(site: &Site, b: BriefingIdx) -> String {
    let r = &site.resolved;
    let br = r.briefing(b);
    let refs = &r.refs[b];
    let url = format!("{}{}", site.config.base_url, urls::briefing(&br.slug));
    let mut v = Map::new();
    v.insert("@context".into(), json!("https://schema.org"));
    v.insert("@type".into(), json!("AnalysisNewsArticle"));
    v.insert("headline".into(), json!(br.title));
    v.insert("url".into(), json!(url));
    v.insert("datePublished".into(), json!(br.date.rfc3339));
    v.insert(
        "dateModified".into(),
        json!(br.updated.as_ref().unwrap_or(&br.date).rfc3339),
    );
    v.insert("publisher".into(), publisher(site));
    // Its authors as `Person`s; the desk (the publisher) when it names none and the site
    // has no default author.
    let authors = &refs.named[Kind::Author];
    match authors.is_empty() {
        true => v.insert("author".into(), publisher(site)),
        false => v.insert(
            "author".into(),
            Value::Array(authors.iter().map(|&e| entity_ref(site, e)).collect()),
        ),
    };
    // Reviewers, who checked it without writing it: schema.org's `editor`.
    if !refs.reviewers.is_empty() {
        let editors = refs
            .reviewers
            .iter()
            .map(|&e| entity_ref(site, e))
            .collect();
        v.insert("editor".into(), Value::Array(editors));
    }
    if !br.corrections.is_empty() {
        let corrections: Vec<Value> = (br.corrections.iter().rev())
            .map(|c| {
                json!({
                    "@type": "CorrectionComment",
                    "datePublished": c.date.rfc3339,
                    "text": c.text,
                })
            })
            .collect();
        v.insert("correction".into(), Value::Array(corrections));
    }
    let named = |subject: bool| -> Vec<Value> {
        (refs.named.iter())
            .filter(|(kind, _)| !kind.is_byline() && kind.is_subject() == subject)
            .flat_map(|(_, list)| list)
            .map(|&e| entity_ref(site, e))
            .collect()
    };
    let about = named(true);
    if !about.is_empty() {
        v.insert("about".into(), Value::Array(about));
    }
    let mut mentions = named(false);
    // Entities the body links to without the front matter naming them are mentioned too.
    mentions.extend((site.index.body_only(r, b)).map(|e| entity_ref(site, e)));
    if !mentions.is_empty() {
        v.insert("mentions".into(), Value::Array(mentions));
    }
    if !refs.tags.is_empty() {
        let tags: Vec<&str> = refs.tags.iter().map(|&t| r.tags[t].name.as_str()).collect();
        v.insert("keywords".into(), json!(tags));
    }
    let citations: Vec<Value> = br
        .sources
        .iter()
        .map(|s| {
            let mut c = Map::new();
            c.insert("@type".into(), json!("CreativeWork"));
            c.insert("name".into(), json!(s.title));
            if let Some(u) = &s.url {
                c.insert("url".into(), json!(u));
            }
            Value::Object(c)
        })
        .collect();
    if !citations.is_empty() {
        v.insert("citation".into(), Value::Array(citations));
    }
    if let Some(p) = &site.images.briefings[b] {
        v.insert("image".into(), super::pictures::json_ld(site, p));
    }
    finish(Value::Object(v))
}

/// The entity itself: a `Person`, an `Organization`, a `Place` with `GeoCoordinates`, ….
pub fn entity(site: &Site, e: EntityIdx) -> String {
    let en = site.resolved.entity(e);
    let p = en.profile.as_ref();
    let mut v = Map::new();
    v.insert("@context".into(), json!("https://schema.org"));
    v.insert("@type".into(), json!(schema_type(site, e)));
    if let Some(kind) = p.and_then(|p| p.subkind.as_ref()) {
        v.insert("additionalType".into(), json!(kind));
    }
    v.insert("name".into(), json!(en.name));
    v.insert("url".into(), json!(url_of(site, e)));
    if !en.aliases.is_empty() {
        v.insert("alternateName".into(), json!(en.aliases));
    }
    if let Some(role) = crate::dated::current_role(en) {
        let key = if schema_type(site, e) == "Person" {
            "jobTitle"
        } else {
            "description"
        };
        v.insert(key.into(), json!(role));
    }
    if let Some(bio) = p.and_then(|p| p.bio.as_ref()) {
        v.insert("description".into(), json!(bio));
    }
    if let Some(links) = p.map(|p| &p.links).filter(|l| !l.is_empty()) {
        v.insert("sameAs".into(), json!(links));
    }
    if let Some(email) = p.and_then(|p| p.email.as_ref()) {
        v.insert("email".into(), json!(email));
    }
    if let Some(q) = p.and_then(|p| p.question.as_ref()) {
        v.insert("description".into(), json!(q));
    }
    if let Some(a) = en.affiliation {
        let key = if schema_type(site, e) == "Person" {
            "affiliation"
        } else {
            "parentOrganization"
        };
        v.insert(key.into(), entity_ref(site, a));
    }
    if let Some(w) = en.within {
        v.insert("containedInPlace".into(), entity_ref(site, w));
    }
    if let Some((lat, lon)) = p.and_then(|p| p.coords) {
        v.insert(
            "geo".into(),
            json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}),
        );
    }
    if let Some(p) = &site.images.entities[e] {
        v.insert("image".into(), super::pictures::json_ld(site, p));
    }
    finish(Value::Object(v))
}
