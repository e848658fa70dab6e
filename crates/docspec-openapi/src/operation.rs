//! One operation from one request line of a method.

use crate::emit::Context;
use crate::merge::Candidate;
use crate::{extensions, params, responses, OpenApiSettings};
use indexmap::IndexMap;
use openapiv3::{Operation, ReferenceOr, Response, StatusCode};
use serde_json::Value;

pub fn build(
    ctx: &mut Context<'_>,
    c: &Candidate<'_>,
    tag: String,
    (code, response): (StatusCode, Response),
    settings: &OpenApiSettings,
) -> Operation {
    let method = c.method;
    let page = ctx.input.page;
    let title = method.title.value.trim();
    let summary = if title.is_empty() {
        format!("{} {}", c.verb.to_ascii_uppercase(), c.template.path)
    } else {
        title.to_string()
    };

    let rows = params::rows(ctx, &method.request_tables);
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

    let (deprecated, deprecated_in) = extensions::deprecation(page, c.resource, method, c.line);
    let mut ext: IndexMap<String, Value> = IndexMap::new();
    if let Some(samples) = extensions::code_samples(page, method, c.verb, &c.template, settings) {
        ext.insert("x-codeSamples".to_string(), samples);
    }
    for (key, value) in extensions::availability(page, c.resource, method)
        .into_iter()
        .chain(extensions::history(method, deprecated_in))
    {
        ext.insert(key.to_string(), value);
    }
    let line = ctx.input.source.line_col(c.line.range.start()).line;
    ext.insert(
        "x-docspec-source".to_string(),
        Value::String(format!("{}:{line}", ctx.input.path)),
    );

    Operation {
        tags: vec![tag],
        summary: Some(summary),
        description: method
            .description
            .as_ref()
            .map(|d| d.value.trim().to_string())
            .filter(|d| !d.is_empty()),
        parameters,
        request_body,
        responses: responses::responses(code, response),
        deprecated,
        extensions: ext,
        ..Operation::default()
    }
}
