//! Operations of an OpenAPI 3.0/3.1 or Swagger 2.0 document, normalized.

use crate::cursor::{resolve, At, Issues};
use crate::schema::{text, Schemas};
use crate::tree::Node;
use crate::{Kind, Operation, ParamIn, Parameter, Property, Response, Shape, Version};

pub const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// How deep body and response properties are flattened (`a.b.c`).
const FLATTEN_DEPTH: usize = 4;

pub struct Reader<'a> {
    pub root: &'a Node,
    pub version: Version,
    pub issues: Issues,
    schemas: Schemas<'a>,
    /// `consumes` of a Swagger 2.0 document.
    consumes: Vec<String>,
}

impl<'a> Reader<'a> {
    pub fn new(root: &'a Node, version: Version) -> Self {
        let consumes = strings(root.get("consumes"));
        Self {
            root,
            version,
            issues: Issues::default(),
            schemas: Schemas::new(root),
            consumes,
        }
    }

    pub fn operations(&mut self) -> Vec<Operation> {
        let top = At::root(self.root);
        let Some(paths) = top.get("paths") else {
            return Vec::new();
        };
        if paths.node.as_map().is_none() {
            self.issues.push(
                paths.location(),
                "`paths` is not a mapping; no operation is read".to_string(),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for (path, _, item) in paths.entries() {
            if path.starts_with("x-") {
                continue;
            }
            let Some(item) = self.resolve(item) else { continue };
            if item.node.as_map().is_none() {
                self.issues.push(
                    item.location(),
                    format!("the path item `{path}` is not a mapping; it is not compared"),
                );
                continue;
            }
            let shared = item.get("parameters");
            for (method, key_at, op) in item.entries() {
                if !METHODS.contains(&method) {
                    continue;
                }
                if op.node.as_map().is_none() {
                    self.issues.push(
                        op.location(),
                        format!("`{method}` of `{path}` is not a mapping; it is not compared"),
                    );
                    continue;
                }
                let mut operation = self.operation(path, method, &op, shared.as_ref());
                operation.at = op.location_at(key_at);
                out.push(operation);
            }
        }
        out
    }

    fn resolve(&mut self, at: At<'a>) -> Option<At<'a>> {
        resolve(self.root, at, &mut self.issues)
    }

    fn operation(&mut self, path: &str, method: &str, op: &At<'a>, shared: Option<&At<'a>>) -> Operation {
        let mut parameters: Vec<Parameter> = Vec::new();
        let mut consumes = strings(op.node.get("consumes"));
        if consumes.is_empty() {
            consumes = self.consumes.clone();
        }
        // Operation parameters override path-item ones with the same name and place.
        let mut declared: Vec<At<'a>> = Vec::new();
        for list in [op.get("parameters"), shared.cloned()].into_iter().flatten() {
            for p in list.items() {
                declared.push(p);
            }
        }
        let mut seen: Vec<(String, String)> = Vec::new();
        for p in declared {
            let Some(p) = self.resolve(p) else { continue };
            let name = p.str("name").unwrap_or("").to_string();
            let place = p.str("in").unwrap_or("").to_string();
            if seen.contains(&(name.clone(), place.clone())) {
                continue;
            }
            seen.push((name, place));
            self.parameter(&p, &mut parameters);
        }
        if let Some(body) = op.get("requestBody") {
            if let Some(body) = self.resolve(body) {
                self.request_body(&body, &mut parameters, &mut consumes);
            }
        }
        let mut responses = Vec::new();
        if let Some(list) = op.get("responses") {
            for (status, key_at, r) in list.entries() {
                if status.starts_with("x-") {
                    continue;
                }
                let inline = r.get("$ref").is_none();
                if let Some(target) = self.resolve(r.clone()) {
                    let mut response = self.response(status, &target);
                    if inline {
                        response.at = r.location_at(key_at);
                    }
                    responses.push(response);
                }
            }
        }
        Operation {
            method: method.to_string(),
            path: path.to_string(),
            tags: strings(op.node.get("tags")),
            operation_id: op.str("operationId").map(str::to_string),
            summary: text(op.node, "summary"),
            description: text(op.node, "description"),
            deprecated: op.flag("deprecated"),
            parameters,
            responses,
            consumes,
            at: op.location(),
        }
    }

    fn parameter(&mut self, p: &At<'a>, out: &mut Vec<Parameter>) {
        let name = p.str("name").unwrap_or("").to_string();
        let place = p.str("in").unwrap_or("");
        let location = match place {
            "path" => ParamIn::Path,
            "query" => ParamIn::Query,
            "header" => ParamIn::Header,
            "cookie" => ParamIn::Cookie,
            "formData" if self.version == Version::Swagger2 => ParamIn::Body,
            "body" if self.version == Version::Swagger2 => {
                // The whole body: its schema's properties are the attributes.
                if let Some(schema) = p.get("schema") {
                    let shape = self.schemas.shape(&schema, &mut self.issues);
                    self.body_properties(&shape, &schema, out);
                }
                return;
            }
            other => {
                self.issues.push(
                    p.location(),
                    format!("parameter `{name}` is `in: {other}`, which docspec does not compare"),
                );
                return;
            }
        };
        let shape = if let Some(schema) = p.get("schema") {
            self.schemas.shape(&schema, &mut self.issues)
        } else if let Some(content) = p.get("content") {
            self.issues.push(
                content.location(),
                format!("parameter `{name}` is described by `content`, not `schema`; its type is not compared"),
            );
            Shape::of(Kind::Any)
        } else {
            // Swagger 2.0: the parameter object carries `type`, `format`, `items`, `enum`.
            self.schemas.shape(p, &mut self.issues)
        };
        out.push(Parameter {
            name,
            location,
            required: p.flag("required") || location == ParamIn::Path,
            deprecated: p.flag("deprecated"),
            description: text(p.node, "description"),
            shape,
            depth: 0,
            at: p.location(),
        });
    }

    fn request_body(&mut self, body: &At<'a>, out: &mut Vec<Parameter>, consumes: &mut Vec<String>) {
        let Some(content) = body.get("content") else { return };
        let media: Vec<(&str, At<'a>)> = content.entries().into_iter().map(|(k, _, v)| (k, v)).collect();
        consumes.clear();
        consumes.extend(media.iter().map(|(k, _)| k.to_string()));
        let preferred = [
            "application/json",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
        ];
        let chosen = preferred
            .iter()
            .find_map(|p| media.iter().find(|(k, _)| k == p))
            .or_else(|| media.iter().find(|(k, _)| k.contains("json")))
            .or_else(|| media.first());
        let Some((_, media)) = chosen else { return };
        let Some(schema) = media.get("schema") else { return };
        let shape = self.schemas.shape(&schema, &mut self.issues);
        self.body_properties(&shape, &schema, out);
    }

    /// The properties of a body schema as parameters, nested ones flattened.
    fn body_properties(&mut self, shape: &Shape, schema: &At<'a>, out: &mut Vec<Parameter>) {
        if shape.properties.is_empty() {
            if !matches!(shape.kind, Kind::Object | Kind::Any) {
                self.issues.push(
                    schema.location(),
                    "the request body is not an object with properties; it is not compared".to_string(),
                );
            }
            return;
        }
        for p in flatten(shape) {
            out.push(Parameter {
                name: p.name,
                location: ParamIn::Body,
                required: p.required,
                deprecated: p.deprecated,
                description: p.description,
                shape: std::sync::Arc::unwrap_or_clone(p.shape),
                depth: p.depth,
                at: p.at,
            });
        }
    }

    fn response(&mut self, status: &str, r: &At<'a>) -> Response {
        let mut shape = None;
        let mut example = None;
        if let Some(content) = r.get("content") {
            let media: Vec<(&str, At<'a>)> = content.entries().into_iter().map(|(k, _, v)| (k, v)).collect();
            let chosen = media
                .iter()
                .find(|(k, _)| *k == "application/json")
                .or_else(|| media.iter().find(|(k, _)| k.contains("json")))
                .or_else(|| media.first());
            if let Some((_, m)) = chosen {
                if let Some(schema) = m.get("schema") {
                    shape = Some(self.schemas.shape(&schema, &mut self.issues));
                }
                example = m.node.get("example").map(Node::to_json).or_else(|| {
                    let examples = m.get("examples")?;
                    let first = examples.entries().into_iter().next()?.2;
                    let first = self.resolve(first)?;
                    first.node.get("value").map(Node::to_json)
                });
            }
        } else if let Some(schema) = r.get("schema") {
            shape = Some(self.schemas.shape(&schema, &mut self.issues));
            example = r.get("examples").and_then(|e| {
                e.node
                    .get("application/json")
                    .or_else(|| e.node.as_map()?.values().next().map(|(_, n)| n))
                    .map(Node::to_json)
            });
        }
        if example.is_none() {
            example = shape.as_ref().and_then(|s| s.example.clone());
        }
        let properties = shape
            .as_ref()
            .map(|s| match (&s.kind, &s.items) {
                (Kind::Array, Some(items)) => flatten(items),
                _ => flatten(s),
            })
            .unwrap_or_default();
        Response {
            status: status.to_string(),
            description: text(r.node, "description"),
            shape,
            properties,
            example,
            at: r.location(),
        }
    }
}

/// Properties of an object shape, and of nested objects and arrays of objects, in the
/// docs' notation: `owner`, `owner.id`, `tags`, `tags[].name`.
pub fn flatten(shape: &Shape) -> Vec<Property> {
    let mut out = Vec::new();
    walk(shape, "", 0, &mut out);
    out
}

fn walk(shape: &Shape, prefix: &str, depth: usize, out: &mut Vec<Property>) {
    if depth >= FLATTEN_DEPTH {
        return;
    }
    for field in &shape.properties {
        let name = format!("{prefix}{}", field.name);
        out.push(Property {
            name: name.clone(),
            required: field.required,
            deprecated: field.deprecated,
            description: field.description.clone(),
            shape: field.shape.clone(),
            depth,
            at: field.at.clone(),
        });
        match (&field.shape.kind, &field.shape.items) {
            (Kind::Array, Some(items)) => walk(items, &format!("{name}[]."), depth + 1, out),
            _ => walk(&field.shape, &format!("{name}."), depth + 1, out),
        }
    }
}

fn strings(node: Option<&Node>) -> Vec<String> {
    node.and_then(Node::as_seq)
        .map(|s| s.iter().filter_map(|n| n.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}
