use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{CodeBlock, ExampleRole, Method, TextRange};

/// ## What it does
/// Checks the label before a method's examples: `Example request:` right before each
/// cURL example and `Example response:` right before each response example, as the
/// template writes them. A short label worded otherwise (`Sample request:`, `Request:`,
/// `Example of response`, `Example Response:`) is rewritten; an example right after a
/// table, a heading or another block gets the label. A longer sentence that says which
/// case an example shows ("Example response if the commit is unsigned:", "Issues of
/// Ultimate users include `health_status`:") is accepted: methods with several examples
/// need one.
///
/// ## Why is this bad?
/// The labels tell readers which block is what they send and which is what they get
/// back, in the same words on every page. Without them a response reads like the
/// continuation of the table above it. It is information only: the template is a start,
/// not a rule the guide states in words.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// Sample request:
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
///
/// ```json
/// { "id": 1 }
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
/// Example request:
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
///
/// Example response:
///
/// ```json
/// { "id": 1 }
/// ```
/// ````
///
/// ## Fix safety
/// Rewriting a short label, or adding the label above a block that follows a table,
/// heading or block, changes no meaning: safe. Examples inside lists and right under a
/// comment get no fix.
#[derive(RuleMeta)]
#[rule(code = "ST008", name = "example-lead-in", category = Structure, severity = Info, fix = Sometimes, since = "0.2.0")]
pub struct ExampleLeadIn;

const REQUEST: &str = "Example request:";
const RESPONSE: &str = "Example response:";

/// Short labels of a cURL example, lower case and without the colon.
const REQUEST_LABELS: &[&str] = &[
    "example request",
    "example of request",
    "example of a request",
    "sample request",
    "request example",
    "request",
    "example call",
    "sample call",
    "example",
    "sample",
    "for example",
];

/// Short labels of a response example, lower case and without the colon.
const RESPONSE_LABELS: &[&str] = &[
    "example response",
    "example of response",
    "example of a response",
    "sample response",
    "response example",
    "response",
    "example output",
    "sample output",
    "output",
    "example result",
    "result",
    "example",
    "sample",
];

impl Check for ExampleLeadIn {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.template_methods() {
            for example in &method.examples {
                let (label, what) = match example.role {
                    ExampleRole::Curl => (REQUEST, "the cURL example"),
                    ExampleRole::Response => (RESPONSE, "the response example"),
                    _ => continue,
                };
                let Some(block) = ctx.page.code_block(example.code_block) else {
                    continue;
                };
                check_block(ctx, method, block, label, what, out);
            }
        }
    }
}

fn check_block(
    ctx: &LintContext<'_>,
    method: &Method,
    block: &CodeBlock,
    label: &str,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let meta = &<ExampleLeadIn as RuleMeta>::META;
    match block.lead_in.as_deref() {
        Some(lead) if lead == label => {}
        Some(lead) => {
            // A label of either kind: one of the other kind on this block is wrong too
            // (`Example response:` above a cURL command).
            let short = normalized(lead);
            if !REQUEST_LABELS.contains(&short.as_str()) && !RESPONSE_LABELS.contains(&short.as_str()) {
                return;
            }
            let paragraph = lead_paragraph(ctx, method, block);
            let fix = paragraph
                .filter(|p| !ctx.text(*p).contains('\n'))
                .and_then(|p| Fix::safe(format!("Write `{label}`"), vec![Edit::replacement(p, label)]));
            out.push(
                ctx.report(
                    meta,
                    paragraph.unwrap_or(block.range),
                    format!("{what} is introduced as `{lead}`"),
                )
                .with_help(format!("write `{label}`"))
                .with_fix(fix),
            );
        }
        None => {
            let fence = first_line(ctx, block.range);
            out.push(
                ctx.report(meta, fence, format!("{what} has no `{label}` before it"))
                    .with_help(format!(
                        "write `{label}` on the line before the block, with a blank line around it"
                    ))
                    .with_fix(insert_label(ctx, block, label)),
            );
        }
    }
}

/// `Example of Response` → `example of response`.
fn normalized(lead: &str) -> String {
    let lead = lead.trim().trim_end_matches(':').trim();
    lead.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// The paragraph right before a block: the one whose end only blank lines and comments
/// separate from the block.
fn lead_paragraph(ctx: &LintContext<'_>, method: &Method, block: &CodeBlock) -> Option<TextRange> {
    method
        .paragraphs
        .iter()
        .map(|p| p.range)
        .filter(|p| p.end() <= block.range.start())
        .max_by_key(|p| p.end())
        .filter(|p| {
            let between = ctx.text(TextRange::new(p.end(), block.range.start()));
            between.trim().is_empty()
        })
}

/// The label inserted above a block that follows a table, heading or block: not inside
/// a list or quote, and not under a comment (a suppression names the line after it).
fn insert_label(ctx: &LintContext<'_>, block: &CodeBlock, label: &str) -> Option<Fix> {
    if block.nested {
        return None;
    }
    let text = ctx.source.text();
    let line_start = text[..block.range.start()].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..block.range.start()].trim().is_empty() {
        return None;
    }
    let before = text[..line_start].trim_end();
    if before.ends_with("-->") {
        return None;
    }
    let previous_line_blank = text[..line_start]
        .strip_suffix('\n')
        .map(|t| t.strip_suffix('\r').unwrap_or(t))
        .is_none_or(|t| t.rsplit('\n').next().is_some_and(|l| l.trim().is_empty()));
    let newline = docspec_model::newline_of(text);
    let insertion = if previous_line_blank {
        format!("{label}{newline}{newline}")
    } else {
        format!("{newline}{label}{newline}{newline}")
    };
    Fix::safe(format!("Add `{label}`"), vec![Edit::insertion(line_start, insertion)])
}

fn first_line(ctx: &LintContext<'_>, range: TextRange) -> TextRange {
    let text = ctx.text(range);
    let line = text.split('\n').next().unwrap_or("").trim_end();
    TextRange::new(range.start(), range.start() + line.len())
}
