use crate::rules::helpers::attribute_tables;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::TextRange;

/// Sentences of the API topic template that stand for text still to write.
pub const PLACEHOLDER_SENTENCES: &[&str] = &[
    "One or two sentence description of what endpoint does.",
    "Description of the method.",
    "Detailed description.",
    "History note.",
];

/// ## What it does
/// Reports text of the API topic template's placeholders left in a page: the sentences
/// `One or two sentence description of what endpoint does.`, `Description of the
/// method.`, `Detailed description.` and `History note.`, and the Type `datatype`.
/// `docspec scaffold` writes these where the spec says nothing, so that this rule points at
/// each place that still needs a writer. It reports at `info`: a scaffolded page is
/// complete enough to publish, but not finished.
///
/// ## Why is this bad?
/// A placeholder reads as documentation but tells the reader nothing.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// Description of the method.
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// | Attribute | Type     | Required | Description           |
/// |-----------|----------|----------|-----------------------|
/// | `id`      | datatype | Yes      | Detailed description. |
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// Gets one widget by its ID.
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// | Attribute | Type    | Required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | integer | Yes      | ID of the widget. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG018", name = "template-placeholder", category = Page, severity = Info, fix = None, since = "0.1.0")]
pub struct TemplatePlaceholder;

fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    PLACEHOLDER_SENTENCES.contains(&text)
}

impl Check for TemplatePlaceholder {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut seen: Vec<TextRange> = Vec::new();
        let mut report = |range: TextRange, what: &str| {
            if seen.contains(&range) {
                return;
            }
            seen.push(range);
            out.push(
                ctx.report(
                    &Self::META,
                    range,
                    format!("the template's placeholder {what} is still here"),
                )
                .with_help("write what the reader needs to know here"),
            );
        };
        let paragraphs = ctx
            .page
            .paragraphs
            .iter()
            .chain(ctx.page.methods().flat_map(|m| m.paragraphs.iter()));
        for p in paragraphs {
            if is_placeholder(&p.text) {
                report(p.range, &format!("`{}`", p.text.trim()));
            }
        }
        let histories = ctx.page.history.iter().chain(
            ctx.page
                .resources
                .iter()
                .flat_map(|r| r.history.iter().chain(r.methods.iter().flat_map(|m| m.history.iter()))),
        );
        for entry in histories.flat_map(|h| h.entries.iter()) {
            if is_placeholder(&entry.text) {
                report(entry.range, &format!("`{}`", entry.text.trim()));
            }
        }
        for m in ctx.page.methods() {
            if let Some(d) = m.description.as_ref().filter(|d| is_placeholder(&d.value)) {
                report(d.range, &format!("`{}`", d.value.trim()));
            }
        }
        for (_, table, _) in attribute_tables(ctx.page) {
            for row in &table.rows {
                if let Some(d) = row.description.as_ref().filter(|d| is_placeholder(&d.value)) {
                    report(d.range, &format!("`{}`", d.value.trim()));
                }
                if let Some(t) = row.type_.as_ref().filter(|t| t.value.trim() == "datatype") {
                    report(t.range, "type `datatype`");
                }
            }
        }
    }
}
