//! Dossier: a static site generator for curated briefings.

pub mod config;
pub mod diagnostic;
pub mod front_matter;
pub mod incremental;
pub mod index;
pub mod markdown;
pub mod model;
pub mod names;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod slug;
pub mod source;
pub mod urls;
