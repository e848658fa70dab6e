//! The normalized spec: operations with their parameters and success responses, in the
//! shape docspec compares with pages, whatever the spec's version.

use std::sync::Arc;

/// Where something is in the spec file: JSON pointer, one-based line and column, byte offset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub pointer: String,
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Swagger2,
    OpenApi30,
    OpenApi31,
}

impl Version {
    pub fn label(self) -> &'static str {
        match self {
            Version::Swagger2 => "Swagger 2.0",
            Version::OpenApi30 => "OpenAPI 3.0",
            Version::OpenApi31 => "OpenAPI 3.1",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Spec {
    /// The display path of the file.
    pub path: String,
    pub version: Version,
    pub title: Option<String>,
    /// `basePath` (Swagger 2.0) or the path of the first server URL (OpenAPI 3), without a
    /// trailing slash: `/api/v4`, or empty.
    pub base_path: String,
    /// Tags in the order the spec declares them (then first use).
    pub tags: Vec<String>,
    pub operations: Vec<Operation>,
    /// Where `paths` is (the top of the file when it has none).
    pub paths_at: Location,
    /// What could not be read or compared: `$ref` cycles, external refs, odd shapes.
    pub issues: Vec<Issue>,
}

impl Spec {
    pub fn operation(&self, id: &str) -> Option<&Operation> {
        self.operations.iter().find(|o| o.operation_id.as_deref() == Some(id))
    }
}

/// Something of the spec docspec could not follow or compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub message: String,
    pub at: Location,
}

#[derive(Clone, Debug)]
pub struct Operation {
    /// Lower case: `get`, `post`, ...
    pub method: String,
    /// The key under `paths`, as written: `/projects/{id}/widgets`.
    pub path: String,
    pub tags: Vec<String>,
    pub operation_id: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub deprecated: bool,
    /// Path, query, header, cookie and body parameters (body and form properties one each).
    pub parameters: Vec<Parameter>,
    /// Declared responses by status (`200`, `4XX`, `default`), in spec order.
    pub responses: Vec<Response>,
    /// Media types of the request body (`application/json`, `multipart/form-data`, ...).
    pub consumes: Vec<String>,
    pub at: Location,
}

impl Operation {
    /// `GET /projects/{id}/widgets`
    pub fn label(&self) -> String {
        format!("{} {}", self.method.to_ascii_uppercase(), self.path)
    }

    /// The success responses (`2xx`, `2XX`), lowest first.
    pub fn successes(&self) -> impl Iterator<Item = &Response> {
        self.responses.iter().filter(|r| r.status.starts_with('2'))
    }

    /// The first success status as a number, if any is numeric.
    pub fn success_code(&self) -> Option<u16> {
        self.successes().filter_map(|r| r.status.parse().ok()).min()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ParamIn {
    Path,
    Query,
    Header,
    Cookie,
    /// A property of a JSON body, or a form field (`in: formData`, a form body).
    Body,
}

impl ParamIn {
    pub fn as_str(self) -> &'static str {
        match self {
            ParamIn::Path => "path",
            ParamIn::Query => "query",
            ParamIn::Header => "header",
            ParamIn::Cookie => "cookie",
            ParamIn::Body => "body",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Parameter {
    /// For body properties nested in objects, the docs' notation: `assets.links`, `links[].name`.
    pub name: String,
    pub location: ParamIn,
    pub required: bool,
    pub deprecated: bool,
    pub description: Option<String>,
    pub shape: Shape,
    /// Depth of a body property: 0 at the top of the body.
    pub depth: usize,
    pub at: Location,
}

#[derive(Clone, Debug)]
pub struct Response {
    /// As written: `200`, `2XX`, `default`.
    pub status: String,
    pub description: Option<String>,
    /// The JSON body's schema, if the response has one.
    pub shape: Option<Shape>,
    /// Properties of the body (of its items for an array), flattened: `owner.id`, `tags[].name`.
    pub properties: Vec<Property>,
    /// The body's example, from the media type or the schema.
    pub example: Option<serde_json::Value>,
    pub at: Location,
}

#[derive(Clone, Debug)]
pub struct Property {
    pub name: String,
    pub required: bool,
    pub deprecated: bool,
    pub description: Option<String>,
    /// Shared with the schema it comes from (and every other place that uses it).
    pub shape: Arc<Shape>,
    pub depth: usize,
    pub at: Location,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Any value (no `type`), or a schema docspec cannot say more about.
    Any,
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
    /// An upload: Swagger's `type: file`, or a `binary` string.
    File,
    /// `oneOf` / `anyOf` of several kinds (`alternatives`).
    OneOf,
}

/// A schema, reduced to what the docs can say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub kind: Kind,
    pub format: Option<String>,
    pub items: Option<Arc<Shape>>,
    pub alternatives: Vec<Shape>,
    pub nullable: bool,
    /// Allowed values, as text.
    pub enumeration: Vec<String>,
    /// The default, as text.
    pub default: Option<String>,
    pub example: Option<serde_json::Value>,
    /// Object properties: name, schema, required, description, deprecated, location.
    pub properties: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    /// Shared: a schema that many properties reference is held once.
    pub shape: Arc<Shape>,
    pub required: bool,
    pub deprecated: bool,
    pub description: Option<String>,
    pub at: Location,
}

impl Shape {
    pub fn of(kind: Kind) -> Shape {
        Shape {
            kind,
            format: None,
            items: None,
            alternatives: Vec::new(),
            nullable: false,
            enumeration: Vec::new(),
            default: None,
            example: None,
            properties: Vec::new(),
        }
    }

    /// The kinds a value of this shape may have (alternatives spread, `Any` for open).
    pub fn kinds(&self) -> Vec<Kind> {
        match self.kind {
            Kind::OneOf => self.alternatives.iter().flat_map(Shape::kinds).collect(),
            k => vec![k],
        }
    }

    /// Whether this shape, or one of its alternatives, is an array of objects or an object.
    pub fn has_properties(&self) -> bool {
        !self.properties.is_empty() || self.items.as_ref().is_some_and(|i| i.has_properties())
    }
}
