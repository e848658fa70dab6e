use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use docspec_model::{ExampleRole, Method, SuccessForm, TextRange};

/// ## What it does
/// Checks that a method's parts come in the template's order: the request block, the
/// attribute table, the success sentence, the response table, the example request, the
/// example response. The first part of each kind counts, so a method with several
/// example pairs, or a second success sentence in a subsection, is fine. Reports the
/// first part that comes before a part the template puts earlier.
///
/// ## Why is this bad?
/// Readers find each part where every other method has it; "Start the description with
/// the following sentence" places the success sentence before the response table. A
/// success sentence after the examples, or an attribute table after the cURL command,
/// is easy to miss. It is information only: the template is where writers start.
///
/// ## Example
/// ````markdown
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /widgets/:id
/// ```
///
/// Example request:
///
/// ```shell
/// curl --request DELETE --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
///
/// If successful, returns [`204 No Content`](rest/troubleshooting.md#status-codes).
/// ````
///
/// Use instead:
/// ````markdown
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /widgets/:id
/// ```
///
/// If successful, returns [`204 No Content`](rest/troubleshooting.md#status-codes).
///
/// Example request:
///
/// ```shell
/// curl --request DELETE --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "ST010", name = "method-part-order", category = Structure, severity = Info, fix = None, since = "0.2.0")]
pub struct MethodPartOrder;

/// The parts in the template's order.
const PARTS: &[&str] = &[
    "the request block",
    "the attribute table",
    "the success sentence",
    "the response table",
    "the example request",
    "the example response",
];

impl Check for MethodPartOrder {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.template_methods() {
            let parts = first_parts(ctx, method);
            // The first part that a later part of an earlier kind follows.
            let misplaced = parts.iter().enumerate().find_map(|(i, (kind, range))| {
                parts[i + 1..]
                    .iter()
                    .filter(|(later, _)| later < kind)
                    .min_by_key(|(later, _)| *later)
                    .map(|later| ((*kind, *range), *later))
            });
            let Some(((kind, range), (earlier, earlier_range))) = misplaced else {
                continue;
            };
            out.push(
                ctx.report(
                    &Self::META,
                    range,
                    format!(
                        "{} comes before {}, which the template puts first",
                        PARTS[kind], PARTS[earlier]
                    ),
                )
                .with_secondary(Label::with_message(earlier_range, PARTS[earlier]))
                .with_help(format!(
                    "order the method's parts as the template does: {}",
                    PARTS.join(", ")
                )),
            );
        }
    }
}

/// The first part of each kind, by its index in [`PARTS`], in source order.
fn first_parts(ctx: &LintContext<'_>, method: &Method) -> Vec<(usize, TextRange)> {
    let first_example = |role| {
        method
            .examples_of(role)
            .filter_map(|e| ctx.page.code_block(e.code_block))
            .map(|b| b.range)
            .min_by_key(|r| r.start())
    };
    let first_line = |range: TextRange| {
        let text = ctx.text(range);
        let len = text.find('\n').unwrap_or(text.len());
        TextRange::new(range.start(), range.start() + text[..len].trim_end().len())
    };
    let candidates = [
        method.request_blocks.iter().map(|b| b.range).min_by_key(|r| r.start()),
        method.request_tables.iter().map(|t| t.range).min_by_key(|r| r.start()),
        method
            .success
            .iter()
            .filter(|s| s.form == SuccessForm::Template)
            .map(|s| s.range)
            .min_by_key(|r| r.start()),
        method.response_tables.iter().map(|t| t.range).min_by_key(|r| r.start()),
        first_example(ExampleRole::Curl),
        first_example(ExampleRole::Response),
    ];
    let mut parts: Vec<(usize, TextRange)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(kind, range)| range.map(|r| (kind, first_line(r))))
        .collect();
    parts.sort_by_key(|(_, range)| range.start());
    parts
}
