use super::*;

const SWAGGER: &str = r#"swagger: '2.0'
info: {title: API, version: v4}
basePath: /api/v4
consumes: [application/json]
paths:
  /projects/{id}/widgets:
    post:
      tags: [widgets]
      operationId: postApiV4ProjectsIdWidgets
      parameters:
        - {in: path, name: id, type: string, required: true}
        - in: body
          name: postApiV4ProjectsIdWidgets
          required: true
          schema: {$ref: '#/definitions/postApiV4ProjectsIdWidgets'}
      responses:
        '201':
          description: Created
          schema: {$ref: '#/definitions/API_Entities_Widget'}
  /projects/{id}/widgets/{widget_id}/upload:
    put:
      consumes: [multipart/form-data]
      parameters:
        - {in: path, name: id, type: integer, format: int32, required: true}
        - {in: path, name: widget_id, type: integer, required: true}
        - {in: formData, name: file, type: file, required: true}
        - {in: formData, name: 'labels', type: array, items: {type: string}, x-nullable: true}
        - {in: query, name: mode, type: string, enum: [a, b], default: a}
      responses:
        '200': {description: OK}
definitions:
  postApiV4ProjectsIdWidgets:
    type: object
    required: [name]
    properties:
      name: {type: string, description: Name of the widget}
      color: {type: string, enum: [blue, red]}
      options:
        type: object
        properties:
          size: {type: integer}
  API_Entities_Widget:
    type: object
    properties:
      id: {type: integer, example: 1}
      tags:
        type: array
        items:
          type: object
          properties:
            name: {type: string}
"#;

#[test]
fn swagger_2_in_grape_swagger_shape() {
    let spec = load("v2.yaml", SWAGGER).unwrap();
    assert_eq!(spec.version, Version::Swagger2);
    assert_eq!(spec.base_path, "/api/v4");
    assert!(spec.issues.is_empty(), "{:?}", spec.issues);
    assert_eq!(spec.operations.len(), 2);
    let post = &spec.operations[0];
    assert_eq!(post.label(), "POST /projects/{id}/widgets");
    assert_eq!(post.operation_id.as_deref(), Some("postApiV4ProjectsIdWidgets"));
    let names: Vec<_> = post
        .parameters
        .iter()
        .map(|p| format!("{}:{}:{}", p.name, p.location.as_str(), p.required))
        .collect();
    assert_eq!(
        names,
        [
            "id:path:true",
            "name:body:true",
            "color:body:false",
            "options:body:false",
            "options.size:body:false"
        ]
    );
    let name = &post.parameters[1];
    assert_eq!(
        name.at.pointer,
        "/definitions/postApiV4ProjectsIdWidgets/properties/name"
    );
    assert_eq!((name.at.line, name.at.column), (36, 7));
    assert_eq!(post.parameters[2].shape.enumeration, ["blue", "red"]);
    let created = post.successes().next().unwrap();
    let props: Vec<_> = created.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(props, ["id", "tags", "tags[].name"]);
    assert_eq!(post.success_code(), Some(201));

    let put = &spec.operations[1];
    assert_eq!(put.consumes, ["multipart/form-data"]);
    let file = put.parameters.iter().find(|p| p.name == "file").unwrap();
    assert_eq!((file.location, file.shape.kind), (ParamIn::Body, Kind::File));
    let labels = put.parameters.iter().find(|p| p.name == "labels").unwrap();
    assert_eq!(labels.shape.kind, Kind::Array);
    assert!(labels.shape.nullable);
    assert_eq!(labels.shape.items.as_ref().unwrap().kind, Kind::String);
    let mode = put.parameters.iter().find(|p| p.name == "mode").unwrap();
    assert_eq!(mode.shape.default.as_deref(), Some("a"));
    assert_eq!(
        mode.at.pointer,
        "/paths/~1projects~1{id}~1widgets~1{widget_id}~1upload/put/parameters/4"
    );
}

const OPENAPI: &str = r##"{
  "openapi": "3.1.0",
  "info": {"title": "API", "version": "v4"},
  "servers": [{"url": "https://{host}/api/{version}", "variables": {"host": {"default": "x"}, "version": {"default": "v4"}}}],
  "paths": {
    "/groups/{id}/gadgets": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "deprecated": true,
        "parameters": [
          {"name": "per_page", "in": "query", "schema": {"type": ["integer", "null"], "default": 20}},
          {"name": "filter", "in": "query", "content": {"application/json": {"schema": {"type": "object"}}}},
          {"$ref": "other.yaml#/components/parameters/x"}
        ],
        "responses": {
          "200": {"description": "OK", "content": {"application/json": {
            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Gadget"}},
            "example": [{"id": 1}]}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "post": {
        "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
        "responses": {"201": {"description": "Created"}}
      }
    },
    "/broken": []
  },
  "components": {
    "parameters": {"id": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}},
    "schemas": {"Gadget": {"type": "object", "properties": {"id": {"type": "integer"}, "parent": {"$ref": "#/components/schemas/Gadget"}}}},
    "responses": {"NotFound": {"description": "Not found"}}
  }
}"##;

#[test]
fn openapi_31_json_with_refs_and_problems() {
    let spec = load("spec.json", OPENAPI).unwrap();
    assert_eq!(spec.version, Version::OpenApi31);
    assert_eq!(spec.base_path, "/api/v4");
    assert_eq!(spec.operations.len(), 2);
    let get = &spec.operations[0];
    assert!(get.deprecated);
    let params: Vec<_> = get.parameters.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(params, ["per_page", "filter", "id"]);
    let per_page = &get.parameters[0];
    assert!(per_page.shape.nullable);
    assert_eq!(per_page.shape.default.as_deref(), Some("20"));
    let statuses: Vec<_> = get.responses.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(statuses, ["200", "404"]);
    let ok = &get.responses[0];
    assert_eq!(ok.example, Some(serde_json::json!([{"id": 1}])));
    let props: Vec<_> = ok.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(props, ["id", "parent"]);
    let post = &spec.operations[1];
    let file = post.parameters.iter().find(|p| p.name == "file").unwrap();
    assert_eq!((file.location, file.shape.kind), (ParamIn::Body, Kind::File));
    assert_eq!(post.consumes, ["multipart/form-data"]);
    let messages: Vec<_> = spec
        .issues
        .iter()
        .map(|i| (i.at.pointer.as_str(), i.message.as_str()))
        .collect();
    assert!(
        messages.iter().any(|(_, m)| m.contains("described by `content`")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|(_, m)| m.contains("another file")), "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|(p, m)| *p == "/paths/~1broken" && m.contains("not a mapping")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|(_, m)| m.contains("contains itself")),
        "{messages:?}"
    );
}

#[test]
fn not_a_spec_is_an_error_with_a_position() {
    let err = load("x.yaml", "title: hello\n").unwrap_err();
    assert!(err.message.contains("no `openapi` or `swagger` key"), "{err}");
    let err = load("x.yaml", "- a\n- b\n").unwrap_err();
    assert!(err.message.contains("not a mapping"), "{err}");
    let err = load("x.yaml", "openapi: 2.5\n").unwrap_err();
    assert_eq!((err.line, err.column), (1, 10));
    let err = load("x.json", "{\"openapi\": \"3.0.0\",\n  \"paths\": {]\n}").unwrap_err();
    assert_eq!(err.line, 2, "{err}");
    assert_eq!(err.to_string().split(':').next(), Some("x.json"));
}

#[test]
fn odd_shapes_never_panic() {
    let cases = [
        "openapi: 3.0.0\npaths: 1\n",
        "openapi: 3.0.0\npaths: {/a: {get: 1}}\n",
        "openapi: 3.0.0\npaths: {/a: {get: {parameters: 1, responses: []}}}\n",
        "openapi: 3.0.0\npaths: {/a: {get: {parameters: [1, {in: query}], requestBody: {content: 3}}}}\n",
        "openapi: 3.0.0\npaths: {/a: {$ref: '#/paths/~1a'}}\n",
        "openapi: 3.0.0\npaths: {/a: {get: {responses: {200: {content: {application/json: {schema: {type: 7, items: 1, properties: 2}}}}}}}}\n",
        "swagger: '2.0'\npaths: {/a: {post: {parameters: [{in: body, schema: {type: string}}]}}}\n",
        "openapi: 3.0.0\nx: &a [*a]\n",
    ];
    for case in cases {
        let _ = load("odd.yaml", case);
    }
}
