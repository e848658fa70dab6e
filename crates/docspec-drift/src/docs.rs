//! What one page documents, read once from its model: operations, attribute rows with
//! their mapped types, defaults, allowed values and deprecation, success status. A
//! function of one page, so pages can be dropped after it (streaming runs).

use crate::paths;
use docspec_lint::rules::history::shared::cell_deprecation;
use docspec_lint::LintSettings;
use docspec_model::{AttributeTable, Page, SourceFile, TargetForm, TextRange};
use docspec_openapi::reading;
use docspec_spec::Shape;

#[derive(Clone, Debug)]
pub struct DocPage {
    /// Index of the page in the run.
    pub file: usize,
    pub path: String,
    /// The page title (front matter or `#` heading); empty at offset 0 without one.
    pub title_range: TextRange,
    pub resources: Vec<DocResource>,
    pub methods: Vec<DocMethod>,
    pub operations: Vec<DocOperation>,
}

#[derive(Clone, Debug)]
pub struct DocResource {
    pub title: String,
    /// The resource heading, or the page title when methods sit under it.
    pub heading: TextRange,
}

#[derive(Clone, Debug)]
pub struct DocMethod {
    pub title: String,
    pub heading: TextRange,
    /// Heading level of the method (2 for `##`).
    pub level: u8,
    /// Where the method's section ends (new methods of its resource go after the last one).
    pub end: usize,
    pub resource: usize,
    pub request: Vec<DocAttr>,
    /// The header of the first request table, when there is one.
    pub request_table: Option<TextRange>,
    pub response: Vec<DocAttr>,
    pub response_table: Option<TextRange>,
    /// The success status and where it is written.
    pub success: Option<(u16, TextRange)>,
    /// Whether the page deprecates the method, and where (its heading).
    pub deprecated: bool,
}

#[derive(Clone, Debug)]
pub struct DocOperation {
    pub method: usize,
    /// Upper case.
    pub verb: String,
    /// `GET /projects/:id/widgets` as written.
    pub written: String,
    /// The comparison key (`/projects/{}/widgets`), renamed paths applied by the caller.
    pub key: String,
    /// Path parameter names in order.
    pub params: Vec<String>,
    /// The request line: verb to end of target.
    pub range: TextRange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    Yes,
    No,
    Conditionally,
}

#[derive(Clone, Debug)]
pub struct DocAttr {
    /// As written in the table (with a table prefix applied).
    pub written: String,
    /// Comparison keys: `a/b` rows give two; `a[b]`, `a:b` read as `a.b`.
    pub keys: Vec<String>,
    pub range: TextRange,
    /// The Type cell as written, and where.
    pub type_word: Option<(String, TextRange)>,
    /// The type mapped as `docspec openapi` maps it; `None` for words it does not know.
    pub shape: Option<Shape>,
    pub required: Option<(Required, TextRange)>,
    pub default: Option<String>,
    pub enumeration: Vec<String>,
    pub description: Option<TextRange>,
    pub deprecated: bool,
}

impl DocAttr {
    pub fn answers_to(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }
}

/// The comparison key of an attribute name: `a[b]` and `a:b` are `a.b`, `a[].b` stays,
/// a trailing `[]` and a leading `[].` (items of a top-level array) are dropped.
pub fn attribute_key(name: &str) -> String {
    let (_, segments) = reading::split_name(name.trim().trim_matches('`'));
    let mut out = String::new();
    for (i, s) in segments.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&s.name);
        if s.array && i + 1 < segments.len() {
            out.push_str("[]");
        }
    }
    out
}

/// Reads one page. `file` is its index in the run.
pub fn extract(file: usize, source: &SourceFile, page: &Page, settings: &LintSettings) -> DocPage {
    let title_range = page.title.as_ref().map_or(TextRange::empty(0), |t| t.range);
    let mut out = DocPage {
        file,
        path: source.path().to_string(),
        title_range,
        resources: Vec::new(),
        methods: Vec::new(),
        operations: Vec::new(),
    };
    // Overview pages that show request lines in passing document no operation.
    if !page.is_reference() {
        return out;
    }
    let base = settings.api.base_path.as_str();
    let prefixes = reading::RoutePrefixes::of(page);
    for resource in &page.resources {
        let heading = resource
            .heading
            .and_then(|h| page.headings.get(h))
            .map_or(title_range, |h| h.range);
        let resource_index = out.resources.len();
        out.resources.push(DocResource {
            title: resource.title.clone(),
            heading,
        });
        for method in &resource.methods {
            let heading = method.heading.and_then(|h| page.headings.get(h));
            let method_index = out.methods.len();
            let mut deprecated = false;
            for line in method.request_lines() {
                if line.form == TargetForm::Url {
                    continue;
                }
                deprecated |= reading::deprecation(page, resource, method, line).0;
                // `GET <route-prefix>/ping`: each path the page gives the prefix, and each
                // way to write an optional group, as the spec has them.
                for written in prefixes.variants(line) {
                    let path = &written.path.value;
                    let rooted = if path.starts_with('/') {
                        path.clone()
                    } else {
                        format!("/{path}")
                    };
                    let (key, params) = paths::key(paths::relative(&rooted, &[base]));
                    out.operations.push(DocOperation {
                        method: method_index,
                        verb: line.verb.value.to_ascii_uppercase(),
                        written: format!("{} {}", line.verb.value, line.target.value),
                        key,
                        params,
                        range: TextRange::new(line.verb.range.start(), line.target.range.end()),
                    });
                }
            }
            // The template's sentence first, then the status stated in other words.
            let success = method
                .success_statement()
                .into_iter()
                .chain(&method.success)
                .find_map(|s| Some((s.code?, s.status_text.as_ref().map_or(s.range, |t| t.range))));
            out.methods.push(DocMethod {
                title: method.title.value.clone(),
                heading: heading.map_or(method.title.range, |h| h.range),
                level: heading.map_or(2, |h| h.level),
                end: method.range.end(),
                resource: resource_index,
                // A variant of a method (`HEAD` under the `GET` of its path) shares its table.
                request: if method.variant_of.is_some() {
                    let shared: Vec<AttributeTable> = page.request_tables_of(method).cloned().collect();
                    attributes(source, page, &shared)
                } else {
                    attributes(source, page, &method.request_tables)
                },
                request_table: method.request_tables.first().map(|t| t.header_range),
                response: attributes(source, page, &method.response_tables),
                response_table: method.response_tables.first().map(|t| t.header_range),
                success,
                deprecated,
            });
        }
    }
    out
}

fn attributes(source: &SourceFile, page: &Page, tables: &[AttributeTable]) -> Vec<DocAttr> {
    let mut out = Vec::new();
    let deprecated_by_history: Vec<String> = page
        .resources
        .iter()
        .flat_map(|r| r.history.iter().chain(r.methods.iter().flat_map(|m| m.history.iter())))
        .chain(&page.history)
        .flat_map(|h| &h.entries)
        .filter(|e| e.verb.as_ref().is_some_and(|v| v.value == "deprecated"))
        .filter_map(|e| e.subject.as_ref().map(|s| s.value.trim_matches('`').to_string()))
        .collect();
    for table in tables {
        for row in &table.rows {
            let Some(name) = &row.name else { continue };
            let written = match &table.prefix {
                Some(p) => format!("{p}.{}", name.name.trim()),
                None => name.name.trim().to_string(),
            };
            if written.is_empty() {
                continue;
            }
            let keys: Vec<String> = written
                .split('/')
                .map(attribute_key)
                .filter(|k| !k.is_empty())
                .collect();
            let type_word = row.type_.as_ref().map(|t| (t.value.trim().to_string(), t.range));
            let shape = type_word.as_ref().and_then(|(word, _)| {
                let mapped = reading::map_type(Some(word));
                if !mapped.known {
                    return None;
                }
                let json = serde_json::to_value(&mapped.schema).ok()?;
                Some(docspec_spec::shape_from_json(&json))
            });
            let required = row.required.as_ref().and_then(|r| {
                let word = r.value.trim().trim_matches('*').to_ascii_lowercase();
                let value = match word.as_str() {
                    "yes" | "true" => Required::Yes,
                    "no" | "false" => Required::No,
                    w if w.starts_with("conditional") => Required::Conditionally,
                    _ => return None,
                };
                Some((value, r.range))
            });
            let description_text = row
                .description
                .as_ref()
                .map(|d| source.slice(d.range).replace("\\|", "|"))
                .unwrap_or_default();
            let cells = page.row_cells(table, row);
            let marked = table
                .columns
                .description
                .and_then(|c| cells.get(c))
                .is_some_and(|cell| cell_deprecation(cell, &name.name).is_some());
            let deprecated = marked || keys.iter().any(|k| deprecated_by_history.iter().any(|h| h == k));
            out.push(DocAttr {
                written,
                keys,
                range: name.range,
                type_word,
                shape,
                required,
                default: reading::default_value(&description_text),
                enumeration: reading::enum_values(&description_text).unwrap_or_default(),
                description: row.description.as_ref().map(|d| d.range),
                deprecated,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_keys() {
        assert_eq!(attribute_key("`assets[links]`"), "assets.links");
        assert_eq!(attribute_key("assets:links:name"), "assets.links.name");
        assert_eq!(attribute_key("tags[].name"), "tags[].name");
        assert_eq!(attribute_key("label_ids[]"), "label_ids");
        assert_eq!(attribute_key("[].id"), "id");
    }

    #[test]
    fn a_page_read_once() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../doc-fixtures/example/widgets.md"
        ))
        .unwrap();
        let source = SourceFile::new("widgets.md", text);
        let page = docspec_parser::parse(&source);
        let doc = extract(0, &source, &page, &LintSettings::default());
        let ops: Vec<_> = doc.operations.iter().map(|o| format!("{} {}", o.verb, o.key)).collect();
        assert_eq!(
            ops,
            [
                "GET /projects/{}/widgets",
                "POST /projects/{}/widgets",
                "PUT /projects/{}/widgets/{}",
                "DELETE /projects/{}/widgets/{}",
                "GET /groups/{}/widgets/{}"
            ]
        );
        let create = &doc.methods[1];
        let widget_name = create.request.iter().find(|a| a.written == "widget_name").unwrap();
        assert!(widget_name.deprecated);
        let color = create.request.iter().find(|a| a.written == "color").unwrap();
        assert_eq!(color.required.unwrap().0, Required::Conditionally);
        let archived = create.request.iter().find(|a| a.written == "archived").unwrap();
        assert_eq!(archived.default.as_deref(), Some("false"));
        let update = &doc.methods[2];
        let color = update.request.iter().find(|a| a.written == "color").unwrap();
        assert_eq!(color.enumeration, ["blue", "green", "red"]);
        assert_eq!(create.success.map(|s| s.0), Some(201));
        let list = &doc.methods[0];
        let tag_name = list.response.iter().find(|a| a.written == "tags[].name").unwrap();
        assert_eq!(tag_name.keys, ["tags[].name"]);
        assert_eq!(list.request[0].shape.as_ref().unwrap().kinds().len(), 2);
    }

    #[test]
    fn a_route_prefix_line_is_each_of_its_paths() {
        let text = "# Widget registry API\n\n## Route prefix\n\n### Instance-level\n\n```plaintext\n/packages/widgets\n```\n\n### Project-level\n\n```plaintext\n/projects/:id/packages/widgets\n```\n\n## Download a widget\n\n```plaintext\nGET <route-prefix>/:widget_name\n```\n\n| Attribute | Type | Required | Description |\n|---|---|---|---|\n| `widget_name` | string | Yes | Name. |\n\n```shell\ncurl --url \"https://gitlab.example.com/api/v4/packages/widgets/w\"\n```\n";
        let source = SourceFile::new("widgets.md", text.to_string());
        let page = docspec_parser::parse(&source);
        let doc = extract(0, &source, &page, &LintSettings::default());
        let ops: Vec<_> = doc.operations.iter().map(|o| format!("{} {}", o.verb, o.key)).collect();
        assert_eq!(
            ops,
            ["GET /packages/widgets/{}", "GET /projects/{}/packages/widgets/{}"]
        );
    }
}
