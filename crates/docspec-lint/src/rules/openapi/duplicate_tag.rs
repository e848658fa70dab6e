use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a page whose title is also the title of another page. Each page's operations
/// get a tag of their own, so this page's tag adds its file name:
/// `Feature flags API (features)`.
///
/// ## Why is this bad?
/// Portals group operations by tag and SDK generators make one module per tag. Two
/// pages under one title become one group that mixes two APIs, and readers cannot tell
/// from the navigation which page they are on.
///
/// ## Example
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ---
/// title: Widget settings API
/// ---
///
/// ## Get a widget setting
///
/// ```plaintext
/// GET /widget_settings/:id
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA011", name = "duplicate-tag", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct DuplicateTag;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for DuplicateTag {}
