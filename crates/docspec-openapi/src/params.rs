//! Attribute-table rows to path and query parameters and to request bodies.

use crate::emit::Context;
use crate::{codes, describe, example_check, json, tree, types};
use docspec_lint::rules::history::shared::cell_deprecation;
use docspec_model::{AttributeTable, ExampleRole, Method, TextRange};
use indexmap::IndexMap;
use openapiv3::{MediaType, Parameter, ParameterData, ParameterSchemaOrContent, ReferenceOr, RequestBody, Schema};

/// One attribute row, read.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub type_: Option<String>,
    pub type_range: TextRange,
    pub required: bool,
    /// The description cell as Markdown.
    pub description: Option<String>,
    /// The description or the method's history deprecates the attribute.
    pub deprecated: bool,
    /// The names of every row of its table.
    pub siblings: std::rc::Rc<Vec<String>>,
}

impl Row {
    /// `issue_iid/merge_request_iid` rows describe each of the names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.name.split('/').map(str::trim)
    }
}

/// The rows of attribute tables that have a name.
pub fn rows(ctx: &Context<'_>, tables: &[AttributeTable]) -> Vec<Row> {
    let page = ctx.input.page;
    let deprecated_by_history = deprecated_in_history(ctx.method);
    tables
        .iter()
        .flat_map(|t| {
            let names: Vec<String> = t
                .rows
                .iter()
                .filter_map(|r| r.name.as_ref().map(|n| n.name.trim().to_string()))
                .collect();
            let names = std::rc::Rc::new(names);
            t.rows.iter().map(move |r| (t, r, names.clone()))
        })
        .filter_map(|(table, row, siblings)| {
            let own = row.name.as_ref()?.name.trim();
            if own.is_empty() {
                return None;
            }
            // The rows of a `` `actions[]` attribute `` table are `actions[].action`, ...
            let name = match &table.prefix {
                Some(parent) => format!("{parent}.{own}"),
                None => own.to_string(),
            };
            let required = row.required.as_ref().is_some_and(|r| {
                let r = r.value.trim().trim_matches('*').to_ascii_lowercase();
                r == "yes" || r == "true"
            });
            let description = row
                .description
                .as_ref()
                .map(|d| ctx.input.source.slice(d.range).replace("\\|", "|").trim().to_string())
                .filter(|d| !d.is_empty());
            // The linter's reading of a deprecated attribute (HI005), and history entries
            // that name the attribute (`` `x` deprecated in GitLab 16.0 ``).
            let marked = table
                .columns
                .description
                .and_then(|column| page.row_cells(table, row).get(column))
                .is_some_and(|cell| cell_deprecation(cell, own).is_some());
            let deprecated = marked
                || own
                    .split('/')
                    .any(|n| deprecated_by_history.iter().any(|d| d == n.trim()));
            Some(Row {
                name,
                type_: row.type_.as_ref().map(|t| t.value.clone()),
                type_range: row.type_.as_ref().map_or(row.range, |t| t.range),
                required,
                description,
                deprecated,
                siblings,
            })
        })
        .collect()
}

/// Attributes the method's history says were deprecated.
fn deprecated_in_history(method: &Method) -> Vec<String> {
    method
        .history
        .iter()
        .flat_map(|h| h.entries.iter())
        .filter(|e| e.verb.as_ref().is_some_and(|v| v.value == "deprecated"))
        .filter_map(|e| e.subject.as_ref().map(|s| s.value.trim_matches('`').to_string()))
        .collect()
}

/// The schema a row describes, with its description, default and allowed values.
pub fn row_schema(ctx: &mut Context<'_>, row: &Row) -> (Schema, bool) {
    let mapped = types::map(row.type_.as_deref());
    if !mapped.known {
        ctx.finding(
            codes::UNKNOWN_TYPE,
            format!(
                "the type `{}` of `{}` is not one the emitter knows; its schema is left open",
                row.type_.as_deref().unwrap_or("").trim(),
                row.name
            ),
            row.type_range,
        );
    }
    let mut schema = mapped.schema;
    if let Some(d) = &row.description {
        describe::apply(&mut schema, d, &row.name, &row.siblings);
        schema.schema_data.description = Some(d.clone());
    }
    schema.schema_data.deprecated = row.deprecated;
    (schema, mapped.is_file)
}

/// Every `:param` of every request line of the method: their rows are not query or body fields.
pub fn path_param_names(method: &Method) -> Vec<&str> {
    method
        .request_lines()
        .flat_map(|l| l.params.iter().map(|p| p.value.as_str()))
        .collect()
}

pub fn path_parameter(ctx: &mut Context<'_>, rows: &[Row], name: &str, original: &str) -> Parameter {
    let row = rows.iter().find(|r| r.names().any(|n| n == original));
    let (schema, description) = match row {
        Some(row) => {
            let (mut schema, _) = row_schema(ctx, row);
            let description = schema.schema_data.description.take();
            (schema, description)
        }
        None => (types::string(), None),
    };
    let deprecated = row.is_some_and(|r| r.deprecated);
    Parameter::Path {
        parameter_data: data(name, description, true, deprecated, schema),
        style: Default::default(),
    }
}

pub fn query_parameters(ctx: &mut Context<'_>, rows: &[Row], path_params: &[&str]) -> Vec<Parameter> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for row in rows {
        if row.names().any(|n| path_params.contains(&n)) || seen.contains(&row.name.as_str()) {
            continue;
        }
        seen.push(&row.name);
        let (mut schema, _) = row_schema(ctx, row);
        let description = schema.schema_data.description.take();
        // Arrays go as `name[]=a&name[]=b` (`rest/_index.md#array-and-hash-types`).
        let name = if types::is_array(&schema) && !row.name.contains('[') {
            format!("{}[]", row.name)
        } else {
            row.name.clone()
        };
        out.push(Parameter::Query {
            parameter_data: data(&name, description, row.required, row.deprecated, schema),
            allow_reserved: false,
            style: Default::default(),
            allow_empty_value: None,
        });
    }
    out
}

fn data(name: &str, description: Option<String>, required: bool, deprecated: bool, schema: Schema) -> ParameterData {
    let mut schema = schema;
    // The parameter carries the mark; its schema need not repeat it.
    schema.schema_data.deprecated = false;
    ParameterData {
        name: name.to_string(),
        description,
        required,
        deprecated: deprecated.then_some(true),
        format: ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)),
        example: None,
        examples: IndexMap::new(),
        explode: None,
        extensions: IndexMap::new(),
    }
}

/// A JSON (or, with a `file` attribute, multipart) body of the non-path attributes.
pub fn request_body(ctx: &mut Context<'_>, rows: &[Row], path_params: &[&str]) -> Option<RequestBody> {
    let mut root = tree::Node::default();
    let mut multipart = false;
    let mut required_file = false;
    let mut any = false;
    for row in rows {
        if row.names().any(|n| path_params.contains(&n)) {
            continue;
        }
        let (_, segments) = tree::split(&row.name);
        if segments.is_empty() {
            continue;
        }
        let (schema, is_file) = row_schema(ctx, row);
        multipart |= is_file;
        required_file |= is_file && row.required;
        any = true;
        root.insert(&segments, schema, row.required);
    }
    if !any {
        return None;
    }
    let mut schema = root.object();
    // The API reads the attributes from a JSON body or a form (`--data`, `--form`) alike; a
    // file needs the multipart form, which comes first then, and the only one when the
    // file is required (without it, a JSON body or a plain form can still be sent).
    let example = if multipart {
        None
    } else {
        body_example(ctx, &mut schema)
    };
    let order: &[&str] = if required_file {
        &["multipart/form-data"]
    } else if multipart {
        &[
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "application/json",
        ]
    } else {
        &[
            "application/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ]
    };
    let mut content = IndexMap::new();
    for media in order.iter().copied() {
        content.insert(
            media.to_string(),
            MediaType {
                schema: Some(ReferenceOr::Item(schema.clone())),
                example: if media == "application/json" {
                    example.clone()
                } else {
                    None
                },
                ..MediaType::default()
            },
        );
    }
    // The attributes may come in the query string instead (`rest/_index.md#request-payload`),
    // so the body itself is optional; what it holds follows the schema's `required`.
    Some(RequestBody {
        description: None,
        content,
        required: false,
        extensions: IndexMap::new(),
    })
}

/// The method's JSON request-body example, when it agrees with the schema.
fn body_example(ctx: &mut Context<'_>, schema: &mut Schema) -> Option<serde_json::Value> {
    let method = ctx.method;
    for example in method.examples_of(ExampleRole::RequestBody) {
        let Some(block) = ctx.input.page.code_block(example.code_block) else {
            continue;
        };
        if !json::looks_like_json(block.lang(), &block.content) {
            continue;
        }
        let value = match json::parse_example_as(&block.content, json::Reading::for_lead_in(block.lead_in.as_deref())) {
            Ok(v) => v,
            Err(e) => {
                let at = block.map.to_source(e.offset);
                ctx.finding(
                    codes::INVALID_JSON_EXAMPLE,
                    format!("the request body example is not JSON ({}); it is left out", e.message),
                    TextRange::char_at(ctx.input.source.text(), at),
                );
                continue;
            }
        };
        return match example_check::reconcile(schema, &value) {
            Ok(()) => Some(value),
            Err(m) => {
                ctx.finding(
                    codes::EXAMPLE_SCHEMA_MISMATCH,
                    format!(
                        "the request body example disagrees with the attribute table at `{}`: {}; it is left out",
                        m.pointer, m.message
                    ),
                    block.range,
                );
                None
            }
        };
    }
    None
}
