use crate::rules::helpers::block_after;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Method, Paragraph, SuccessForm, TextRange};

/// ## What it does
/// Reports a method with no description: no prose paragraph of its own, before or (as
/// older pages write it) after the request block. History, availability details and
/// alerts do not count, nor do labels (`Supported attributes:`, `Prerequisites:`), the
/// sentences right before a table or a code block other than the request block
/// (`Example request:`), the success sentence, and "At least one of ... is required".
///
/// Also reports a page, and a resource section (a heading with methods under it), with
/// no prose before its first method. A resource section titled as one operation (`List
/// packages` over `### For a project`) is described by its variants, and a page whose
/// method sits right under its title by the method's text.
///
/// ## Why is this bad?
/// The template gives every API a "One or two sentence description of what endpoint
/// does" and every method a "Description of the method." under its title. A method that
/// goes from its title straight to the request block leaves readers to guess what it is
/// for from its path. It is information only: how much a short method needs is judgment.
///
/// ## Example
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// Use this API to manage widgets.
///
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
/// Use instead:
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// Use this API to manage widgets.
///
/// ## Get a widget
///
/// Gets a single widget of the instance.
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
#[derive(RuleMeta)]
#[rule(code = "ST007", name = "missing-description", category = Structure, severity = Info, fix = None, since = "0.2.0")]
pub struct MissingDescription;

const HELP: &str = "add one or two sentences that say what it does";

impl Check for MissingDescription {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let page = ctx.page;
        if !page.is_reference() {
            return;
        }
        let first_section = page
            .headings
            .iter()
            .find(|h| h.level >= 2)
            .map_or(ctx.source.text().len(), |h| h.range.start());
        // A page whose method sits under its title is described by the method's text.
        let method_on_top = page.methods().any(|m| m.range.start() < first_section);
        if !method_on_top && !describes(ctx, &page.paragraphs, TextRange::new(0, first_section)) {
            let at = page.title.as_ref().map_or(TextRange::empty(0), |t| t.range);
            out.push(
                ctx.report(&Self::META, at, "the page has no description before its first section")
                    .with_help(format!("{HELP}: what the API is for")),
            );
        }
        for resource in &page.resources {
            let Some(heading) = resource.heading.and_then(|h| page.headings.get(h)) else {
                continue;
            };
            if names_an_operation(&heading.text) {
                continue;
            }
            let first_method = resource
                .methods
                .iter()
                .map(|m| m.range.start())
                .min()
                .unwrap_or(resource.range.end());
            let own = TextRange::new(heading.range.end(), first_method.max(heading.range.end()));
            if !describes(ctx, &page.paragraphs, own) {
                out.push(
                    ctx.report(
                        &Self::META,
                        heading.text_range,
                        format!("`{}` has no description before its methods", heading.text),
                    )
                    .with_help(format!("{HELP}: what these methods are for")),
                );
            }
        }
        for method in ctx.template_methods() {
            if !method_described(ctx, method) {
                out.push(
                    ctx.report(
                        &Self::META,
                        method.title.range,
                        format!("method `{}` has no description", method.title.value),
                    )
                    .with_help(format!("{HELP}: what the method does")),
                );
            }
        }
    }
}

/// `List packages` over `### For a project` and `### For a group`: one operation in
/// variants, each described in its own section, not an API that needs an introduction.
fn names_an_operation(title: &str) -> bool {
    const VERBS: &[&str] = &[
        "list",
        "get",
        "create",
        "update",
        "delete",
        "add",
        "remove",
        "retrieve",
        "edit",
        "set",
        "revoke",
        "rotate",
        "download",
        "upload",
        "search",
        "validate",
        "trigger",
        "cancel",
        "retry",
        "approve",
        "import",
        "export",
        "transfer",
        "share",
        "archive",
        "unarchive",
        "start",
        "stop",
        "move",
        "promote",
        "render",
        "generate",
        "send",
        "run",
        "enable",
        "disable",
        "reset",
        "renew",
    ];
    let first = title.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    VERBS.contains(&first.as_str())
}

/// Whether some paragraph within `range` says something of its own.
fn describes(ctx: &LintContext<'_>, paragraphs: &[Paragraph], range: TextRange) -> bool {
    paragraphs
        .iter()
        .filter(|p| range.start() <= p.range.start() && p.range.end() <= range.end())
        .any(|p| own_prose(ctx, p))
}

/// A paragraph that says something of its own, rather than introducing what follows it:
/// it is not a label (`Example request:`, `Prerequisites:`, a few words and a colon),
/// and no code block or table other than a request block comes right after it (the
/// template puts the description right before the request block). A sentence that
/// introduces a list ("Use this API to manage applications for:") describes.
fn own_prose(ctx: &LintContext<'_>, paragraph: &Paragraph) -> bool {
    let text = ctx.source.text();
    let words = paragraph.text.split_whitespace().count();
    let label = paragraph.text.trim_end().ends_with(':') && words <= 3;
    if words == 0 || label {
        return false;
    }
    match block_after(ctx.page, text, paragraph.range) {
        None => true,
        Some(block) => ctx
            .page
            .methods()
            .flat_map(|m| m.request_blocks.iter())
            .any(|b| b.range == block),
    }
}

fn method_described(ctx: &LintContext<'_>, method: &Method) -> bool {
    let not_description = |p: &Paragraph| {
        // A status stated in other words often shares its paragraph with the
        // description ("Renews a secret. Returns `200` if the request succeeds."): only
        // the template's sentence is no description.
        method
            .success
            .iter()
            .any(|s| s.range == p.range && s.form == SuccessForm::Template)
            || method.requirement_groups.iter().any(|g| g.range == p.range)
    };
    method
        .paragraphs
        .iter()
        .any(|p| !not_description(p) && own_prose(ctx, p))
}
