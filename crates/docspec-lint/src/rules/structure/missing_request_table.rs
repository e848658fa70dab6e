use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports a method without a request attribute table when its path has parameters
/// (`:id`) or its cURL example sends attributes (`GET /widgets` called with
/// `?search=blue`, a `POST` with `--data`). An action whose cURL examples send no
/// attribute at all (`POST /todos/mark_as_done`) needs no table, and the API's own
/// parameters (`private_token`, `page`, `per_page`, ...) do not count. A `POST` without
/// any cURL example is not judged here: missing-curl-example reports it. A method whose
/// section sits under another method's heading, for a path of that method (`HEAD` of
/// the same file path under its `GET`), is a variant of it and shares its table. When the
/// method lists its attributes under `Parameters:` (as pages before 2021 did), the
/// finding says so.
///
/// ## Why is this bad?
/// Every method needs "a detailed description of the attributes". Path parameters and
/// body attributes are what readers must fill in; without the table they have to guess
/// names, types and which ones are required.
///
/// ## Example
/// ````markdown
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /widgets/:id
/// ```
///
/// If successful, returns [`204 No Content`](rest/troubleshooting.md#status-codes).
///
/// ```shell
/// curl --request DELETE --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
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
/// Supported attributes:
///
/// | Attribute | Type    | Required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | integer | Yes      | ID of the widget. |
///
/// If successful, returns [`204 No Content`](rest/troubleshooting.md#status-codes).
///
/// ```shell
/// curl --request DELETE --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "ST002", name = "missing-request-table", category = Structure, severity = Error, fix = None, since = "0.1.0")]
pub struct MissingRequestTable;

impl Check for MissingRequestTable {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        if !ctx.page.is_reference() {
            return;
        }
        // A variant of a method (`HEAD` under `GET` of the same path) shares its table.
        for method in ctx
            .template_methods()
            .filter(|m| ctx.page.request_tables_of(m).next().is_none())
        {
            // A body verb counts only when the examples show a body: without any cURL
            // example, an action that takes no attribute cannot be told apart.
            let has_examples = method.examples_of(docspec_model::ExampleRole::Curl).next().is_some();
            let sends_nothing = !has_examples || sends_nothing(ctx, method);
            let sent = first_sent_attribute(ctx, method);
            let Some(line) = method.request_lines().find(|l| {
                !l.params.is_empty()
                    || sent.is_some()
                    || (!sends_nothing
                        && matches!(l.verb.value.to_ascii_uppercase().as_str(), "POST" | "PUT" | "PATCH"))
            }) else {
                continue;
            };
            let why = if let (true, Some(name)) = (line.params.is_empty(), &sent) {
                format!("its example sends `{name}`")
            } else if line.params.is_empty() {
                format!("`{}` sends attributes", line.verb.value)
            } else {
                let names: Vec<String> = line.params.iter().map(|p| format!("`:{}`", p.value)).collect();
                format!("the path has {}", names.join(", "))
            };
            let table = "a table with the header `Attribute | Type | Required | Description`";
            let title = &method.title.value;
            // Older pages list the attributes under `Parameters:` instead of tabling them.
            let (message, help) = match list_lead_in(method) {
                Some(lead) => (
                    format!("method `{title}` lists its attributes under `{lead}`, not in a table"),
                    format!("turn the list into `Supported attributes:` and {table}, one row per attribute"),
                ),
                None => (
                    format!("method `{title}` has no attribute table, but {why}"),
                    format!("add `Supported attributes:` and {table}"),
                ),
            };
            out.push(ctx.report(&Self::META, line.range, message).with_help(help));
        }
    }
}

/// `Parameters:`, `Attributes:` or `Supported attributes:` written alone in a paragraph of
/// the method: the lead-in of an attribute list (a table would have been read as one).
fn list_lead_in(method: &docspec_model::Method) -> Option<&str> {
    method.paragraphs.iter().map(|p| p.text.trim()).find(|text| {
        let lower = text.to_ascii_lowercase();
        matches!(
            lower.as_str(),
            "parameters:" | "attributes:" | "supported attributes:" | "supported parameters:"
        )
    })
}

/// The first attribute the method's cURL examples send in the query or the body, other
/// than the API's own parameters.
fn first_sent_attribute(ctx: &LintContext<'_>, method: &docspec_model::Method) -> Option<String> {
    let implicit = |key: &str| crate::vocabulary::IMPLICIT_PARAMETERS.contains(&docspec_curl::base_name(key));
    method
        .examples_of(docspec_model::ExampleRole::Curl)
        .flat_map(|e| ctx.curl(e.code_block))
        .find_map(|c| {
            c.sent_parameters()
                .into_iter()
                .map(|sent| sent.name)
                .find(|k| !k.is_empty() && !implicit(k))
                .map(str::to_string)
        })
}

/// The method has cURL examples and none of them sends a query or body attribute.
fn sends_nothing(ctx: &LintContext<'_>, method: &docspec_model::Method) -> bool {
    let commands: Vec<_> = method
        .examples_of(docspec_model::ExampleRole::Curl)
        .flat_map(|e| ctx.curl(e.code_block))
        .collect();
    !commands.is_empty()
        && commands.iter().all(|c| {
            let query = c.url().is_some_and(|u| {
                u.parsed
                    .query
                    .iter()
                    .any(|q| !matches!(q.key.as_str(), "private_token" | "access_token"))
            });
            !c.has_body() && !query
        })
}
