//! A built operation kept as compact JSON until its path is written: in `openapiv3`'s
//! types an operation takes about eleven times its JSON, and a docs tree ten times
//! GitLab's builds tens of thousands of them before the first one can be written.
//!
//! What the document's last pass still decides (the operation id, the names of shared
//! response and body schemas) is left as a placeholder at its place in the JSON, so the
//! written document has the same field order as the typed one; what that pass reads (the
//! examples of the responses it names, the request body it names) is kept beside it.

use crate::components::Taken;
use crate::node::{self, Node};
use openapiv3::{Operation, ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use serde_json::Value;
use std::borrow::Cow;

/// One operation, as JSON, and what the naming and the document need of it.
pub struct Kept {
    json: crate::spill::Stored,
    /// What the example of each taken response shows of its object (the items of a
    /// list), as the text of a JSON array, in the order they were taken.
    pub(crate) examples: Vec<Option<Box<str>>>,
    pub(crate) body: Option<Body>,
    /// The statuses answered by a shared error response.
    pub(crate) error_statuses: Vec<u16>,
    /// Uses the shared pagination parameters.
    pub(crate) paginated: bool,
}

impl Kept {
    /// The operation's JSON, read back if it was spilled.
    pub(crate) fn json(&self) -> std::io::Result<Cow<'_, [u8]>> {
        self.json.bytes()
    }

    pub(crate) fn is_spilled(&self) -> bool {
        matches!(self.json, crate::spill::Stored::Spilled { .. })
    }

    /// Frees what only the naming reads.
    pub(crate) fn drop_naming(&mut self) {
        self.examples = Vec::new();
        self.body = None;
    }
}

/// The request body's object schema, which becomes a component of its own.
pub struct Body {
    /// Its JSON, which also tells two bodies of one name apart.
    pub(crate) key: String,
    /// Kept typed only when the JSON would not read back to the same schema.
    typed: Option<Box<Schema>>,
}

impl Body {
    pub(crate) fn schema(&self) -> Schema {
        match &self.typed {
            Some(schema) => (**schema).clone(),
            // Checked when the body was kept: the JSON reads back to the same schema.
            None => serde_json::from_str(&self.key).unwrap_or_else(|_| crate::types::any()),
        }
    }
}

/// Where the last pass put a kept operation's shared schemas.
#[derive(Debug, Default)]
pub struct Refs {
    /// For each taken response object: its status, whether the response lists it, and
    /// the component's name (none if naming gave it none).
    pub entities: Vec<(StatusCode, bool, Option<String>)>,
    pub body: Option<String>,
}

/// Keeps a built operation whose response objects were taken out (`taken`); its JSON
/// goes where `spill` puts it.
pub fn keep(mut op: Operation, taken: &[Taken], spill: &crate::spill::Spill) -> Kept {
    let examples = taken
        .iter()
        .map(|t| {
            let example = json_media(&op, &t.status).and_then(|m| m.example.as_ref())?;
            let text = match (example, t.array) {
                (Value::Array(_), true) => serde_json::to_string(example),
                (_, false) => serde_json::to_string(std::slice::from_ref(example)),
                _ => return None,
            };
            text.ok().map(String::into_boxed_str)
        })
        .collect();
    let mut error_statuses = Vec::new();
    for (status, response) in &op.responses.responses {
        if let (StatusCode::Code(code), ReferenceOr::Reference { .. }) = (status, response) {
            error_statuses.push(*code);
        }
    }
    let paginated = op.parameters.iter().any(
        |p| matches!(p, ReferenceOr::Reference { reference } if reference.starts_with("#/components/parameters/")),
    );
    let body = take_body(&mut op);
    for t in taken {
        if let Some(ReferenceOr::Item(response)) = op.responses.responses.get_mut(&t.status) {
            if let Some(media) = response.content.get_mut("application/json") {
                media.schema = Some(placeholder());
            }
        }
    }
    for response in op.responses.responses.values_mut() {
        let ReferenceOr::Item(response) = response else {
            continue;
        };
        for media in response.content.values_mut() {
            if let Some(ReferenceOr::Item(s)) = &mut media.schema {
                crate::unify::clear_null_marks(s);
            }
        }
    }
    op.operation_id = Some(String::new());
    // Plain data with string keys always serializes.
    let json = spill.store(serde_json::to_vec(&op).unwrap_or_default());
    Kept {
        json,
        examples,
        body,
        error_statuses,
        paginated,
    }
}

fn json_media<'o>(op: &'o Operation, status: &StatusCode) -> Option<&'o openapiv3::MediaType> {
    match op.responses.responses.get(status) {
        Some(ReferenceOr::Item(response)) => response.content.get("application/json"),
        _ => None,
    }
}

/// A reference the last pass replaces: it holds the schema's place in the JSON.
fn placeholder<T>() -> ReferenceOr<T> {
    ReferenceOr::Reference {
        reference: String::new(),
    }
}

fn is_placeholder(node: &Node<'_>) -> bool {
    matches!(node, Node::Object(m) if matches!(m.as_slice(), [(key, Node::String(r))] if key == "$ref" && r.is_empty()))
}

/// The body's first object schema with properties, taken out: every schema of the body
/// becomes a reference to the component it is named as.
fn take_body(op: &mut Operation) -> Option<Body> {
    let Some(ReferenceOr::Item(body)) = &mut op.request_body else {
        return None;
    };
    let schema = body.content.values().find_map(|m| match &m.schema {
        Some(ReferenceOr::Item(s)) if matches!(&s.schema_kind, SchemaKind::Type(Type::Object(o)) if !o.properties.is_empty()) => Some(s),
        _ => None,
    })?;
    let key = serde_json::to_string(schema).unwrap_or_default();
    let reads_back = serde_json::from_str::<Schema>(&key).ok().as_ref() == Some(schema);
    let typed = (!reads_back).then(|| Box::new(schema.clone()));
    for media in body.content.values_mut() {
        if matches!(media.schema, Some(ReferenceOr::Item(_))) {
            media.schema = Some(placeholder());
        }
    }
    Some(Body { key, typed })
}

/// The operation's JSON (as [`Kept::json`] gives it) with its id and its shared schemas'
/// references in place, read into a [`Node`] that borrows its strings from the JSON.
pub fn finish<'k>(json: &'k [u8], operation_id: &'k str, refs: &Refs) -> Node<'k> {
    let mut op: Node<'k> = serde_json::from_slice(json).unwrap_or(Node::Null);
    let Node::Object(map) = &mut op else {
        return op;
    };
    node::insert(map, "operationId", Node::String(Cow::Borrowed(operation_id)));
    for (status, array, name) in &refs.entities {
        let Some(media) = node::get_mut(map, "responses")
            .and_then(|r| r.get_mut(&status.to_string()))
            .and_then(|r| r.get_mut("content"))
            .and_then(|c| c.get_mut("application/json"))
            .and_then(Node::as_object_mut)
        else {
            continue;
        };
        match name {
            Some(name) => node::insert(media, "schema", Node::owned(reference_to(name, *array))),
            None => node::remove(media, "schema"),
        }
    }
    if let Some(name) = &refs.body {
        let content = node::get_mut(map, "requestBody")
            .and_then(|b| b.get_mut("content"))
            .and_then(Node::as_object_mut);
        for (_, media) in content.into_iter().flatten() {
            if let Some(schema) = media.get_mut("schema").filter(|s| is_placeholder(s)) {
                *schema = Node::owned(reference_to(name, false));
            }
        }
    }
    op
}

/// `$ref` to a component, or a list of them.
fn reference_to(name: &str, array: bool) -> Value {
    let reference = format!("#/components/schemas/{name}");
    let schema = if array {
        let mut list = crate::types::array(crate::types::any());
        if let SchemaKind::Type(Type::Array(a)) = &mut list.schema_kind {
            a.items = Some(ReferenceOr::Reference { reference });
        }
        serde_json::to_value(list)
    } else {
        serde_json::to_value(ReferenceOr::<Schema>::Reference { reference })
    };
    // Plain data with string keys always serializes.
    schema.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spill::Spill;
    use openapiv3::{MediaType, ObjectType, RequestBody, Response};

    fn object(property: &str) -> Schema {
        let mut o = ObjectType::default();
        o.properties
            .insert(property.into(), ReferenceOr::boxed_item(crate::types::any()));
        crate::types::schema(SchemaKind::Type(Type::Object(o)))
    }

    fn media(schema: Schema, example: Option<Value>) -> MediaType {
        MediaType {
            schema: Some(ReferenceOr::Item(schema)),
            example,
            ..MediaType::default()
        }
    }

    /// An operation with a listed response object, a plain response and a body, as
    /// built: no id yet.
    fn built() -> Operation {
        let mut op = Operation {
            summary: Some("List widgets".into()),
            description: Some("After the id in the output.".into()),
            ..Operation::default()
        };
        let listed = Response {
            description: "OK".into(),
            content: [(
                "application/json".to_string(),
                media(crate::types::array(object("id")), Some(serde_json::json!([{"id": 1}]))),
            )]
            .into(),
            ..Response::default()
        };
        op.responses
            .responses
            .insert(StatusCode::Code(200), ReferenceOr::Item(listed));
        let plain = Response {
            description: "Accepted".into(),
            content: [("text/plain".to_string(), media(crate::types::any(), None))].into(),
            ..Response::default()
        };
        op.responses
            .responses
            .insert(StatusCode::Code(202), ReferenceOr::Item(plain));
        op.responses.responses.insert(
            StatusCode::Code(404),
            ReferenceOr::ref_("#/components/responses/NotFound"),
        );
        op.request_body = Some(ReferenceOr::Item(RequestBody {
            content: [
                ("application/json".to_string(), media(object("name"), None)),
                ("multipart/form-data".to_string(), media(object("name"), None)),
            ]
            .into(),
            ..RequestBody::default()
        }));
        op
    }

    /// The same operation finished in `openapiv3`'s types, as the typed emitter did.
    fn finished_typed(mut op: Operation) -> Value {
        op.operation_id = Some("listWidgets".into());
        if let Some(ReferenceOr::Item(r)) = op.responses.responses.get_mut(&StatusCode::Code(200)) {
            r.content.get_mut("application/json").unwrap().schema = Some(ReferenceOr::Item(
                serde_json::from_value(reference_to("Widget", true)).unwrap(),
            ));
        }
        if let Some(ReferenceOr::Item(body)) = &mut op.request_body {
            for m in body.content.values_mut() {
                m.schema = Some(ReferenceOr::ref_("#/components/schemas/ListWidgetsBody"));
            }
        }
        serde_json::to_value(op).unwrap()
    }

    #[test]
    fn a_kept_operation_finishes_as_the_typed_one_in_the_same_field_order() {
        let mut op = built();
        let taken = crate::components::take_entities(&mut op);
        assert_eq!(taken.len(), 1, "the listed object is taken");
        let kept = keep(op.clone(), &taken, &Spill::default());
        assert_eq!(kept.examples, vec![Some(r#"[{"id":1}]"#.into())]);
        assert_eq!(kept.error_statuses, vec![404]);
        let body = kept.body.as_ref().expect("the body's object is named");
        assert_eq!(body.schema(), object("name"));
        assert!(body.typed.is_none(), "it reads back from its JSON");
        let refs = Refs {
            entities: vec![(StatusCode::Code(200), true, Some("Widget".into()))],
            body: Some("ListWidgetsBody".into()),
        };
        let json = kept.json().unwrap();
        let written = finish(&json, "listWidgets", &refs);
        let expected = finished_typed(op);
        // Equal maps in another order would compare equal: the text shows the order.
        assert_eq!(
            serde_json::to_string(&written).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    }

    #[test]
    fn a_response_object_left_unnamed_loses_its_placeholder() {
        let mut op = built();
        let taken = crate::components::take_entities(&mut op);
        let kept = keep(op, &taken, &Spill::default().beyond(0));
        let refs = Refs {
            entities: vec![(StatusCode::Code(200), true, None)],
            body: Some("B".into()),
        };
        let json = kept.json().unwrap();
        let written = serde_json::to_value(finish(&json, "x", &refs)).unwrap();
        let media = &written["responses"]["200"]["content"]["application/json"];
        assert!(media.get("schema").is_none(), "{media}");
        assert_eq!(media["example"], serde_json::json!([{"id": 1}]));
    }
}
