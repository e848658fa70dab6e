//! The document model of a REST API reference page.
//!
//! A [`Page`] holds [`Resource`]s, which hold [`Method`]s; every node keeps the
//! [`TextRange`] it was read from. The model is plain data: it does no I/O and knows
//! no Markdown library, so every later stage (lint, OpenAPI, HTML) can read it alone.

mod anchors;
pub mod flat;
mod history;
mod inline;
mod page;
mod slug;
mod status;
mod text;

pub use anchors::{nearest_anchors, PageAnchors};
pub use history::{find_tier_version, version_at};
pub use inline::{inlines_range, is_icon_name, plain_text, walk_inlines, Inline};
pub use page::*;
pub use slug::{slug, Anchors};
pub use status::{status_has_body, status_reason, STATUS_CODES};
pub use text::{
    contains_ignore_ascii_case, find_ignore_ascii_case, find_str, lf_lines, newline_of, trim_bounds, LineCol,
    LineIndex, SourceFile, Spanned, TextRange,
};
