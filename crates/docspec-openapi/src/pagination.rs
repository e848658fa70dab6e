//! Offset pagination as the API overview documents it (`rest/_index.md#pagination`): the
//! `page` and `per_page` query parameters and the `Link` and `X-*` response headers, as
//! shared components.
//!
//! An operation is paginated when its own text says so (`This endpoint is paginated`, a
//! link to the pagination section) or, with `paginate_lists`, when it is a `GET` that
//! returns an array: the overview says every list endpoint takes these parameters.

use crate::types;
use indexmap::IndexMap;
use openapiv3::{
    Header, Operation, Parameter, ParameterData, ParameterSchemaOrContent, ReferenceOr, Schema, SchemaKind, Type,
};
use serde_json::Value;

/// `(component name, parameter name, description, default, maximum)`.
const PARAMETERS: &[(&str, &str, &str, i64, Option<f64>)] = &[
    ("Page", "page", "Page number.", 1, None),
    (
        "PerPage",
        "per_page",
        "Number of items to list per page.",
        20,
        Some(100.0),
    ),
];

/// `(header, description, integer)`.
const HEADERS: &[(&str, &str, bool)] = &[
    (
        "Link",
        "Links to the previous, next, first and last pages (`rel` set to `prev`, `next`, `first`, `last`).",
        false,
    ),
    ("X-Next-Page", "The index of the next page.", true),
    ("X-Page", "The index of the current page (starting at 1).", true),
    ("X-Per-Page", "The number of items per page.", true),
    ("X-Prev-Page", "The index of the previous page.", true),
    ("X-Total", "The total number of items.", true),
    ("X-Total-Pages", "The total number of pages.", true),
];

/// Whether a method's text says it is paginated.
pub fn says_paginated(method_text: &str) -> bool {
    let lower = method_text.to_ascii_lowercase();
    lower.contains("is paginated") || lower.contains("are paginated") || lower.contains("#pagination")
}

/// Whether the operation returns an array from a `GET`.
pub fn is_list(verb: &str, op: &Operation) -> bool {
    verb == "get"
        && op.responses.responses.iter().any(|(status, r)| {
            let success = matches!(status, openapiv3::StatusCode::Code(200..=299) | openapiv3::StatusCode::Range(2));
            let array = match r {
                ReferenceOr::Item(r) => r.content.values().any(|m| {
                    matches!(&m.schema, Some(ReferenceOr::Item(s)) if matches!(s.schema_kind, SchemaKind::Type(Type::Array(_))))
                }),
                ReferenceOr::Reference { .. } => false,
            };
            success && array
        })
}

/// Adds the parameters (unless the method documents its own of that name) and the headers
/// of its success responses with a body.
pub fn apply(op: &mut Operation) {
    for (component, name, _, _, _) in PARAMETERS {
        let documented = op.parameters.iter().any(|p| match p {
            ReferenceOr::Item(p) => p.parameter_data_ref().name == *name,
            ReferenceOr::Reference { reference } => reference.ends_with(&format!("/{component}")),
        });
        if !documented {
            op.parameters
                .push(ReferenceOr::ref_(&format!("#/components/parameters/{component}")));
        }
    }
    for (status, response) in op.responses.responses.iter_mut() {
        let success = matches!(
            status,
            openapiv3::StatusCode::Code(200..=299) | openapiv3::StatusCode::Range(2)
        );
        let ReferenceOr::Item(response) = response else {
            continue;
        };
        if !success || response.content.is_empty() {
            continue;
        }
        for (header, _, _) in HEADERS {
            response.headers.insert(
                (*header).to_string(),
                ReferenceOr::ref_(&format!("#/components/headers/{header}")),
            );
        }
    }
}

pub fn parameters() -> IndexMap<String, ReferenceOr<Parameter>> {
    PARAMETERS
        .iter()
        .map(|(component, name, description, default, maximum)| {
            let mut schema = types::integer();
            schema.schema_data.default = Some(Value::from(*default));
            if let SchemaKind::Type(Type::Integer(i)) = &mut schema.schema_kind {
                i.minimum = Some(1);
                i.maximum = maximum.map(|m| m as i64);
            }
            let parameter = Parameter::Query {
                parameter_data: ParameterData {
                    name: (*name).to_string(),
                    description: Some((*description).to_string()),
                    required: false,
                    deprecated: None,
                    format: ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)),
                    example: None,
                    examples: IndexMap::new(),
                    explode: None,
                    extensions: IndexMap::new(),
                },
                allow_reserved: false,
                style: Default::default(),
                allow_empty_value: None,
            };
            ((*component).to_string(), ReferenceOr::Item(parameter))
        })
        .collect()
}

pub fn headers() -> IndexMap<String, ReferenceOr<Header>> {
    HEADERS
        .iter()
        .map(|(name, description, integer)| {
            let schema: Schema = if *integer { types::integer() } else { types::string() };
            let header = Header {
                description: Some((*description).to_string()),
                style: Default::default(),
                required: false,
                deprecated: None,
                format: ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)),
                example: None,
                examples: IndexMap::new(),
                extensions: IndexMap::new(),
            };
            ((*name).to_string(), ReferenceOr::Item(header))
        })
        .collect()
}
