//! One operation from one request line of a method.

use crate::emit::Context;
use crate::merge::Candidate;
use crate::{errors, extensions, pagination, params, responses, OpenApiSettings};
use indexmap::IndexMap;
use openapiv3::{Operation, ReferenceOr, Response, StatusCode};
use serde_json::Value;
use std::collections::BTreeSet;

/// What one method says once for all its request lines.
#[derive(Clone, Debug)]
pub struct MethodFacts {
    pub success: Vec<(StatusCode, Response)>,
    /// Error statuses its own text states.
    pub errors: BTreeSet<u16>,
    /// Its text says it is paginated.
    pub paginated: bool,
    /// Its text says it can be called without authentication.
    pub public: bool,
    /// Its text or examples say a CI/CD job token authenticates it.
    pub job_token: bool,
}

pub fn build(
    ctx: &mut Context<'_>,
    c: &Candidate<'_>,
    tag: String,
    facts: MethodFacts,
    settings: &OpenApiSettings,
    catalog: &errors::Catalog,
) -> Operation {
    let method = c.method;
    let page = ctx.input.page;
    let title = method.title.value.trim();
    let summary = if title.is_empty() {
        format!("{} {}", c.verb.to_ascii_uppercase(), c.template.path)
    } else {
        in_scope(&c.resource.title, without_deprecated_mark(title))
    };

    // A variant of a method (`HEAD` under the `GET` of the same path) takes its attributes.
    let shared: Vec<docspec_model::AttributeTable>;
    let tables = if method.variant_of.is_some() {
        shared = page.request_tables_of(method).cloned().collect();
        shared.as_slice()
    } else {
        method.request_tables.as_slice()
    };
    let rows = params::rows(ctx, tables);
    let path_params = params::path_param_names(method);
    let mut parameters = Vec::new();
    for (name, written) in c.template.params.iter().zip(&c.written_params) {
        parameters.push(ReferenceOr::Item(params::path_parameter(ctx, &rows, name, written)));
    }
    let mut request_body = None;
    match c.verb {
        "post" | "put" | "patch" => {
            request_body = params::request_body(ctx, &rows, &path_params).map(ReferenceOr::Item);
        }
        _ => {
            let query = params::query_parameters(ctx, &rows, &path_params);
            parameters.extend(query.into_iter().map(ReferenceOr::Item));
        }
    }

    let has_input = request_body.is_some() || parameters.len() > c.template.params.len();
    let error_codes = errors::for_operation(
        catalog,
        &settings.error_responses,
        &facts.errors,
        !c.template.params.is_empty(),
        has_input,
    );
    let mut responses: Vec<(StatusCode, ReferenceOr<Response>)> = facts
        .success
        .into_iter()
        .map(|(code, r)| (code, ReferenceOr::Item(r)))
        .collect();
    responses.extend(error_codes.into_iter().map(errors::reference));

    let (deprecated, deprecated_in) = extensions::deprecation(page, c.resource, method, c.line);
    let mut ext: IndexMap<String, Value> = IndexMap::new();
    if let Some(samples) = extensions::code_samples(page, method, c.verb, &c.template, settings) {
        ext.insert("x-codeSamples".to_string(), samples);
    }
    for (key, value) in extensions::availability(page, c.resource, method)
        .into_iter()
        .chain(extensions::history(page, c.resource, method, deprecated_in))
    {
        ext.insert(key.to_string(), value);
    }
    let line = ctx.input.source.line_col(c.line.range.start()).line;
    ext.insert(
        "x-docspec-source".to_string(),
        Value::String(format!("{}:{line}", ctx.input.path)),
    );

    let mut op = Operation {
        tags: vec![tag],
        summary: Some(summary),
        description: method
            .description
            .as_ref()
            .map(|d| d.value.trim().to_string())
            .filter(|d| !d.is_empty()),
        parameters,
        request_body,
        responses: responses::responses(responses),
        deprecated,
        extensions: ext,
        ..Operation::default()
    };
    if facts.public {
        op.security = Some(crate::security::optional(facts.job_token));
    } else if facts.job_token {
        op.security = Some(crate::security::requirement(true));
    }
    if facts.paginated || (settings.paginate_lists && pagination::is_list(c.verb, &op)) {
        pagination::apply(&mut op);
    }
    op
}

/// `### For a project` under `## List packages` is summarised `List packages for a project`:
/// the heading names only the scope of the operation its parent heading names.
fn in_scope(parent: &str, title: &str) -> String {
    const SCOPES: &[&str] = &["For ", "Within ", "In ", "On ", "At "];
    let parent = parent.trim();
    match SCOPES.iter().find(|s| title.starts_with(*s)) {
        Some(_) if !parent.is_empty() => {
            let mut chars = title.chars();
            let first = chars.next().map(|c| c.to_ascii_lowercase()).unwrap_or_default();
            format!("{parent} {first}{}", chars.as_str())
        }
        _ => title.to_string(),
    }
}

/// `Approve a gate (deprecated)` is summarised `Approve a gate`: the heading's mark makes
/// the operation `deprecated: true`, which portals show in their own way.
fn without_deprecated_mark(title: &str) -> &str {
    let trimmed = title.trim_end();
    let Some(open) = trimmed.rfind('(') else {
        return title;
    };
    let mark = &trimmed[open..];
    if mark.eq_ignore_ascii_case("(deprecated)") && !trimmed[..open].trim_end().is_empty() {
        trimmed[..open].trim_end()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::{in_scope, without_deprecated_mark};

    #[test]
    fn a_scope_heading_is_summarised_with_its_parent() {
        assert_eq!(
            in_scope("List packages", "For a project"),
            "List packages for a project"
        );
        assert_eq!(
            in_scope("List registry repository tags", "Within a group"),
            "List registry repository tags within a group"
        );
        assert_eq!(in_scope("Packages", "Get a package"), "Get a package");
        assert_eq!(in_scope("", "For a project"), "For a project");
        assert_eq!(in_scope("Gizmos", "Format a gizmo"), "Format a gizmo");
    }

    #[test]
    fn a_deprecated_mark_leaves_the_summary() {
        assert_eq!(without_deprecated_mark("Approve a gate (deprecated)"), "Approve a gate");
        assert_eq!(
            without_deprecated_mark("Approve a gate (Deprecated) "),
            "Approve a gate"
        );
        assert_eq!(
            without_deprecated_mark("Approve a gate (beta)"),
            "Approve a gate (beta)"
        );
        assert_eq!(without_deprecated_mark("(deprecated)"), "(deprecated)");
    }
}
