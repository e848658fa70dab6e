use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a request line whose verb OpenAPI cannot describe, or whose path holds
/// characters a path template cannot (`<id>`, `*`, spaces). The line is left out of the
/// spec. A leading placeholder the page defines is not one of these: under a heading
/// named like it (`## Route prefix` for `GET <route-prefix>/ping`), each code block that
/// holds only a path (`/projects/:id/packages/conan/v1`) is a path it stands for, and the
/// line gives one operation per path. Nor is an optional group (Grape's
/// `files/(*path/):file_name`): the line gives one operation without the group and one
/// with it.
///
/// ## Why is this bad?
/// OpenAPI paths are templates of literal segments and `{parameters}`. A line such as
/// `GET /widgets/<id>` is not one, so SDK generators and API portals never see the
/// endpoint.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/<id>
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA002", name = "unparseable-request-line", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct UnparseableRequestLine;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for UnparseableRequestLine {}
