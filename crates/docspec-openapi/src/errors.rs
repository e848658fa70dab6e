//! Error responses: the API's documented status codes and error body as shared
//! components, referenced by each operation for the codes that apply to it.
//!
//! The codes are those of the API's status-code table (`rest/troubleshooting.md` in the
//! GitLab docs; `docspec_model::STATUS_CODES` holds it). When a page among the inputs has
//! that table, its descriptions are used. Which codes an operation gets: the configured
//! defaults (400 only when the operation takes input, 404 only when its path has a
//! parameter, the others always) and every error its own prose states.

use crate::types;
use docspec_model::{status_reason, Page, STATUS_CODES};
use indexmap::IndexMap;
use openapiv3::{MediaType, ObjectType, ReferenceOr, Response, Schema, SchemaKind, StatusCode, Type};
use std::collections::BTreeMap;

/// The component name of the error body schema.
pub const ERROR_SCHEMA: &str = "Error";

/// Descriptions of the documented error codes.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    descriptions: BTreeMap<u16, String>,
}

impl Catalog {
    /// Reason phrases of the built-in table, with the descriptions of a status-code
    /// table found among the pages (rows such as `` `404 Not Found` | A resource couldn't ... ``).
    pub fn new(tables: &[(u16, String)]) -> Self {
        let mut descriptions: BTreeMap<u16, String> = STATUS_CODES
            .iter()
            .filter(|(code, _)| *code >= 400)
            .map(|(code, reason)| (*code, (*reason).to_string()))
            .collect();
        for (code, text) in tables {
            if let Some(d) = descriptions.get_mut(code) {
                *d = text.clone();
            }
        }
        Self { descriptions }
    }

    pub fn knows(&self, code: u16) -> bool {
        self.descriptions.contains_key(&code)
    }

    /// `components/responses`: one per code in `used`, each with the error body.
    pub fn responses(&self, used: &std::collections::BTreeSet<u16>) -> IndexMap<String, ReferenceOr<Response>> {
        let mut out = IndexMap::new();
        for code in used {
            let Some(description) = self.descriptions.get(code) else {
                continue;
            };
            let mut content = IndexMap::new();
            content.insert(
                "application/json".to_string(),
                MediaType {
                    schema: Some(ReferenceOr::ref_(&format!("#/components/schemas/{ERROR_SCHEMA}"))),
                    ..MediaType::default()
                },
            );
            out.insert(
                component_name(*code),
                ReferenceOr::Item(Response {
                    description: description.clone(),
                    content,
                    ..Response::default()
                }),
            );
        }
        out
    }
}

/// `404` → `NotFound`, from the documented reason phrase.
pub fn component_name(code: u16) -> String {
    let reason = status_reason(code).unwrap_or("Error");
    let words: String = reason
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|f| f.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    if words.is_empty() {
        format!("Error{code}")
    } else {
        words
    }
}

/// The error codes one operation gets, sorted.
pub fn for_operation(
    catalog: &Catalog,
    defaults: &[u16],
    stated: &std::collections::BTreeSet<u16>,
    has_path_parameter: bool,
    has_input: bool,
) -> Vec<u16> {
    let mut codes: std::collections::BTreeSet<u16> = defaults
        .iter()
        .copied()
        .filter(|c| match c {
            400 => has_input,
            404 => has_path_parameter,
            _ => true,
        })
        .collect();
    codes.extend(stated.iter().copied());
    codes.into_iter().filter(|c| catalog.knows(*c)).collect()
}

/// A `$ref` response for a code.
pub fn reference(code: u16) -> (StatusCode, ReferenceOr<Response>) {
    (
        StatusCode::Code(code),
        ReferenceOr::ref_(&format!("#/components/responses/{}", component_name(code))),
    )
}

/// The error body the API documents: `message` (a string, or an object of attribute
/// errors for validation failures), and `error` with `error_description` for OAuth errors.
pub fn error_schema() -> Schema {
    let described = |mut s: Schema, d: &str| {
        s.schema_data.description = Some(d.to_string());
        s
    };
    let message = described(
        types::one_of(vec![types::string(), types::object()]),
        "What went wrong: a message, or for validation errors an object that maps each attribute to its errors.",
    );
    let mut properties = IndexMap::new();
    properties.insert("message".to_string(), ReferenceOr::Item(Box::new(message)));
    properties.insert(
        "error".to_string(),
        ReferenceOr::Item(Box::new(described(
            types::string(),
            "The OAuth error code, such as `insufficient_scope`.",
        ))),
    );
    properties.insert(
        "error_description".to_string(),
        ReferenceOr::Item(Box::new(described(types::string(), "What the OAuth error means."))),
    );
    let mut schema = types::schema(SchemaKind::Type(Type::Object(ObjectType {
        properties,
        ..ObjectType::default()
    })));
    schema.schema_data.description = Some("The body of an error response.".to_string());
    schema
}

/// The rows of a status-code table on the page (`` `404 Not Found` | A resource couldn't
/// be accessed. ``): at least five rows whose first cell starts with a status code.
pub fn status_table(page: &Page) -> Option<Vec<(u16, String)>> {
    page.tables.iter().find_map(|table| {
        let rows: Vec<(u16, String)> = table
            .rows
            .iter()
            .filter_map(|row| {
                let first = row.cells.first()?.text.trim().trim_matches('`');
                let digits: String = first.chars().take_while(char::is_ascii_digit).collect();
                let code: u16 = digits.parse().ok().filter(|_| digits.len() == 3)?;
                let description = row.cells.last().filter(|_| row.cells.len() > 1)?.text.trim();
                (!description.is_empty()).then(|| (code, description.to_string()))
            })
            .collect();
        (rows.len() >= 5).then_some(rows)
    })
}
