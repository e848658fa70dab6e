use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports a method section that has a cURL example and an attribute table but no
/// request block: a ```` ```plaintext ```` fence with the `VERB /path` line.
///
/// ## Why is this bad?
/// The request line is the first thing readers look for, and the one line that tells
/// which endpoint the section documents. The topic template requires it for every
/// method.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// | Attribute | Type    | Required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | integer | Yes      | ID of the widget. |
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets/1"
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
///
/// | Attribute | Type    | Required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | integer | Yes      | ID of the widget. |
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "ST001", name = "missing-request-block", category = Structure, severity = Error, fix = None, since = "0.1.0")]
pub struct MissingRequestBlock;

impl Check for MissingRequestBlock {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        if !ctx.page.is_reference() {
            return;
        }
        for method in ctx.rest_methods().filter(|m| m.request_blocks.is_empty()) {
            out.push(
                ctx.report(
                    &Self::META,
                    method.title.range,
                    format!("method `{}` has no request block", method.title.value),
                )
                .with_label("this section documents a method")
                .with_help("add a ```plaintext block with the request line, for example `GET /projects/:id`"),
            );
        }
    }
}
