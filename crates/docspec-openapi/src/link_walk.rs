//! [`Links::rewrite`] applied to every `description` of an operation, in place: the same
//! strings a walk over the operation's JSON would find, without turning the operation
//! into JSON and back (which cost more than building it).

use crate::links::Links;
use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, Example, Header, Link, MediaType, Operation, Parameter, ParameterSchemaOrContent, PathItem,
    ReferenceOr, Response, Schema, SchemaKind, Server, Type,
};
use serde_json::Value;

/// Rewrites the links in every description of `op` for the page at `page`.
pub fn rewrite_operation(links: &Links, page: &str, op: &mut Operation) {
    Walk { links, page }.operation(op);
}

struct Walk<'a> {
    links: &'a Links,
    page: &'a str,
}

impl Walk<'_> {
    fn operation(&self, op: &mut Operation) {
        self.text(&mut op.description);
        if let Some(docs) = &mut op.external_docs {
            self.text(&mut docs.description);
            self.map(&mut docs.extensions);
        }
        for parameter in &mut op.parameters {
            if let ReferenceOr::Item(p) = parameter {
                self.parameter(p);
            }
        }
        if let Some(ReferenceOr::Item(body)) = &mut op.request_body {
            self.text(&mut body.description);
            self.content(&mut body.content);
            self.map(&mut body.extensions);
        }
        if let Some(ReferenceOr::Item(r)) = &mut op.responses.default {
            self.response(r);
        }
        for response in op.responses.responses.values_mut() {
            if let ReferenceOr::Item(r) = response {
                self.response(r);
            }
        }
        self.map(&mut op.responses.extensions);
        for server in &mut op.servers {
            self.server(server);
        }
        for callback in op.callbacks.values_mut() {
            for item in callback.values_mut() {
                self.path_item(item);
            }
        }
        self.map(&mut op.extensions);
    }

    fn path_item(&self, item: &mut PathItem) {
        self.text(&mut item.description);
        let PathItem {
            get,
            put,
            post,
            delete,
            options,
            head,
            patch,
            trace,
            ..
        } = item;
        for op in [get, put, post, delete, options, head, patch, trace]
            .into_iter()
            .flatten()
        {
            self.operation(op);
        }
        for server in &mut item.servers {
            self.server(server);
        }
        for parameter in &mut item.parameters {
            if let ReferenceOr::Item(p) = parameter {
                self.parameter(p);
            }
        }
        self.map(&mut item.extensions);
    }

    fn text(&self, text: &mut Option<String>) {
        if let Some(t) = text {
            *t = self.links.rewrite(self.page, t);
        }
    }

    fn value(&self, value: &mut Option<Value>) {
        if let Some(v) = value {
            self.links.rewrite_value(self.page, v);
        }
    }

    /// A map written as a JSON object (extensions, link parameters), as a JSON walk sees it.
    fn map(&self, map: &mut IndexMap<String, Value>) {
        for (key, v) in map.iter_mut() {
            match v {
                Value::String(s) if key == "description" => *s = self.links.rewrite(self.page, s),
                other => self.links.rewrite_value(self.page, other),
            }
        }
    }

    fn parameter(&self, parameter: &mut Parameter) {
        let (Parameter::Query {
            parameter_data: data, ..
        }
        | Parameter::Header {
            parameter_data: data, ..
        }
        | Parameter::Path {
            parameter_data: data, ..
        }
        | Parameter::Cookie {
            parameter_data: data, ..
        }) = parameter;
        self.text(&mut data.description);
        self.format(&mut data.format);
        self.value(&mut data.example);
        self.examples(&mut data.examples);
        self.map(&mut data.extensions);
    }

    fn format(&self, format: &mut ParameterSchemaOrContent) {
        match format {
            ParameterSchemaOrContent::Schema(ReferenceOr::Item(s)) => self.schema(s),
            ParameterSchemaOrContent::Schema(ReferenceOr::Reference { .. }) => {}
            ParameterSchemaOrContent::Content(content) => self.content(content),
        }
    }

    fn content(&self, content: &mut IndexMap<String, MediaType>) {
        for media in content.values_mut() {
            if let Some(ReferenceOr::Item(s)) = &mut media.schema {
                self.schema(s);
            }
            self.value(&mut media.example);
            self.examples(&mut media.examples);
            for encoding in media.encoding.values_mut() {
                self.headers(&mut encoding.headers);
                self.map(&mut encoding.extensions);
            }
            self.map(&mut media.extensions);
        }
    }

    fn examples(&self, examples: &mut IndexMap<String, ReferenceOr<Example>>) {
        for example in examples.values_mut() {
            if let ReferenceOr::Item(e) = example {
                self.text(&mut e.description);
                self.value(&mut e.value);
                self.map(&mut e.extensions);
            }
        }
    }

    fn headers(&self, headers: &mut IndexMap<String, ReferenceOr<Header>>) {
        for header in headers.values_mut() {
            if let ReferenceOr::Item(h) = header {
                self.text(&mut h.description);
                self.format(&mut h.format);
                self.value(&mut h.example);
                self.examples(&mut h.examples);
                self.map(&mut h.extensions);
            }
        }
    }

    fn response(&self, response: &mut Response) {
        response.description = self.links.rewrite(self.page, &response.description);
        self.headers(&mut response.headers);
        self.content(&mut response.content);
        for link in response.links.values_mut() {
            if let ReferenceOr::Item(l) = link {
                self.link(l);
            }
        }
        self.map(&mut response.extensions);
    }

    fn link(&self, link: &mut Link) {
        self.text(&mut link.description);
        self.value(&mut link.request_body);
        self.map(&mut link.parameters);
        if let Some(server) = &mut link.server {
            self.server(server);
        }
        self.map(&mut link.extensions);
    }

    fn server(&self, server: &mut Server) {
        self.text(&mut server.description);
        if let Some(variables) = &mut server.variables {
            for variable in variables.values_mut() {
                self.text(&mut variable.description);
                self.map(&mut variable.extensions);
            }
        }
        self.map(&mut server.extensions);
    }

    fn schema(&self, schema: &mut Schema) {
        let data = &mut schema.schema_data;
        self.text(&mut data.description);
        self.value(&mut data.example);
        self.value(&mut data.default);
        if let Some(docs) = &mut data.external_docs {
            self.text(&mut docs.description);
            self.map(&mut docs.extensions);
        }
        if let Some(d) = &mut data.discriminator {
            if let Some(target) = d.mapping.get_mut("description") {
                *target = self.links.rewrite(self.page, target);
            }
            self.map(&mut d.extensions);
        }
        self.map(&mut data.extensions);
        match &mut schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => {
                self.properties(&mut o.properties);
                self.additional(&mut o.additional_properties);
            }
            SchemaKind::Type(Type::Array(a)) => self.boxed(&mut a.items),
            SchemaKind::Type(_) => {}
            SchemaKind::OneOf { one_of: list }
            | SchemaKind::AllOf { all_of: list }
            | SchemaKind::AnyOf { any_of: list } => self.list(list),
            SchemaKind::Not { not } => {
                if let ReferenceOr::Item(s) = not.as_mut() {
                    self.schema(s);
                }
            }
            SchemaKind::Any(any) => {
                self.properties(&mut any.properties);
                self.additional(&mut any.additional_properties);
                self.boxed(&mut any.items);
                for v in &mut any.enumeration {
                    self.links.rewrite_value(self.page, v);
                }
                self.list(&mut any.one_of);
                self.list(&mut any.all_of);
                self.list(&mut any.any_of);
                if let Some(not) = &mut any.not {
                    if let ReferenceOr::Item(s) = not.as_mut() {
                        self.schema(s);
                    }
                }
            }
        }
    }

    fn properties(&self, properties: &mut IndexMap<String, ReferenceOr<Box<Schema>>>) {
        for p in properties.values_mut() {
            if let ReferenceOr::Item(s) = p {
                self.schema(s);
            }
        }
    }

    fn boxed(&self, schema: &mut Option<ReferenceOr<Box<Schema>>>) {
        if let Some(ReferenceOr::Item(s)) = schema {
            self.schema(s);
        }
    }

    fn additional(&self, additional: &mut Option<AdditionalProperties>) {
        if let Some(AdditionalProperties::Schema(s)) = additional {
            if let ReferenceOr::Item(s) = s.as_mut() {
                self.schema(s);
            }
        }
    }

    fn list(&self, list: &mut [ReferenceOr<Schema>]) {
        for s in list {
            if let ReferenceOr::Item(s) = s {
                self.schema(s);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The walk rewrites exactly what a walk over the operation's JSON rewrites.
    #[test]
    fn rewrites_what_the_json_walk_rewrites() {
        let link = "See [the overview](rest/_index.md#namespaced-paths).";
        let op = json!({
            "description": link,
            "parameters": [{"in": "path", "name": "id", "required": true, "description": link,
                "schema": {"type": "string", "description": link}}],
            "requestBody": {"description": link, "content": {"application/json": {"schema": {
                "type": "object", "description": link,
                "properties": {"description": {"type": "string", "description": link},
                    "items": {"type": "array", "items": {"type": "object",
                        "properties": {"a": {"type": "string", "description": link}}}}}}}}},
            "responses": {"200": {"description": link, "content": {"application/json": {
                "schema": {"oneOf": [{"type": "string", "description": link}, {"type": "integer"}]},
                "example": {"description": link, "nested": [{"description": link}]}}},
                "headers": {"X-Total": {"description": link, "schema": {"type": "integer"}}}}},
            "callbacks": {"done": {"{$request.body#/url}": {"post": {"description": link,
                "responses": {"200": {"description": link}}}}}},
            "x-note": {"description": link}
        });
        let links = Links::new(Some("https://docs.example.com/api/"), &["doc/api/a.md"]);
        let mut walked: Operation = serde_json::from_value(op.clone()).unwrap();
        rewrite_operation(&links, "doc/api/a.md", &mut walked);
        let mut expected = serde_json::to_value(serde_json::from_value::<Operation>(op).unwrap()).unwrap();
        links.rewrite_value("doc/api/a.md", &mut expected);
        let walked = serde_json::to_value(&walked).unwrap();
        assert_eq!(walked, expected);
        let text = walked.to_string();
        assert!(!text.contains("_index.md"), "{text}");
        assert_eq!(
            text.matches("https://docs.example.com/api/rest/#namespaced-paths")
                .count(),
            15,
            "{text}"
        );
    }
}
