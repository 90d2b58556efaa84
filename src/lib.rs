//! Dossier: a static site generator for curated briefings.

pub mod char_refs;
pub mod cli;
pub mod config;
pub mod confine;
pub mod confusable;
pub mod diagnostic;
pub mod front_matter;
pub mod hash;
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
pub mod sanitize;
pub mod scaffold;
pub mod serve;
pub mod slug;
pub mod source;
pub mod stats;
pub mod suggest;
pub mod urls;
