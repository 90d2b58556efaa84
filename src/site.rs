//! The site model: what the pipeline's stages make of a site's files (configuration,
//! resolved content, rendered bodies, index, files to copy), ready to render.

use crate::config::Config;
use crate::id_vec::IdVec;
use crate::index::Index;
use crate::markdown::Outline;
use crate::model::{BriefingIdx, EntityIdx};
use crate::resolve::Resolved;
use crate::source::StaticFile;

/// A loaded, resolved and indexed site, ready to render.
pub struct Site {
    pub config: Config,
    pub resolved: Resolved,
    /// Rendered briefing bodies, by briefing index.
    pub bodies: IdVec<BriefingIdx, String>,
    /// Rendered profile bodies, by entity index (empty for stubs).
    pub profile_bodies: IdVec<EntityIdx, String>,
    /// Each briefing body's headings and previewed pages.
    pub outlines: IdVec<BriefingIdx, Outline>,
    /// The same of each profile body (empty for stubs).
    pub profile_outlines: IdVec<EntityIdx, Outline>,
    pub index: Index,
    pub statics: Vec<StaticFile>,
    /// Non-Markdown files under `content/`, copied to the same path in the output.
    pub assets: Vec<StaticFile>,
    /// Each briefing's and profile's picture, and the size of each picture bodies show.
    pub images: crate::images::SiteImages,
    /// The sources of `content/sources/`, by id, grades checked.
    pub registry: Vec<crate::model::RegistrySource>,
    /// On a multilingual site: which language's tree this is (0, the site's language, at
    /// the output root) and how the trees' pages correspond.
    pub tree: usize,
    pub trees: Option<std::sync::Arc<crate::languages::Trees>>,
    /// On the first tree of a multilingual site: the other languages' trees, each written
    /// under `/<lang>/`.
    pub others: Vec<Site>,
}
