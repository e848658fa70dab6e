use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

const VERBS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// ## What it does
/// Checks each line of a request block: an upper-case HTTP method, one space, the
/// path, and nothing after it. Lines that are not request lines are reported too.
///
/// ## Why is this bad?
/// The request line is read by people and by tools (docspec's OpenAPI output, search
/// indexes). `get /x`, `GET /x (deprecated)` or a stray sentence inside the block make
/// it ambiguous which endpoint is meant.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// get /widgets
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
///
/// ## Fix safety
/// Upper-casing a known HTTP method is safe.
#[derive(RuleMeta)]
#[rule(code = "RQ001", name = "invalid-request-line", category = Request, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct InvalidRequestLine;

impl Check for InvalidRequestLine {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for block in ctx.page.methods().flat_map(|m| m.request_blocks.iter()) {
            for line in &block.lines {
                let verb = &line.verb.value;
                if !VERBS.contains(&verb.as_str()) {
                    let upper = verb.to_ascii_uppercase();
                    let fix = Fix::safe(
                        format!("Write `{upper}`"),
                        vec![Edit::replacement(line.verb.range, upper.clone())],
                    );
                    out.push(
                        ctx.report(
                            &Self::META,
                            line.verb.range,
                            format!("HTTP method `{verb}` is not upper case"),
                        )
                        .with_help(format!("write `{upper}`"))
                        .with_fix(fix),
                    );
                }
                if let Some(trailing) = &line.trailing {
                    out.push(
                        ctx.report(
                            &Self::META,
                            trailing.range,
                            format!("unexpected `{}` after the path", trailing.value),
                        )
                        .with_help("keep only `VERB /path` on the line; put notes in the text around the block"),
                    );
                }
            }
            for other in &block.other_lines {
                out.push(
                    ctx.report(
                        &Self::META,
                        other.range,
                        format!("`{}` is not a request line", other.value),
                    )
                    .with_help("a request block holds only `VERB /path` lines; move other text out of the block"),
                );
            }
        }
    }
}
