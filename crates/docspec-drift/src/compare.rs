//! Matching documented request lines with spec operations, and comparing each pair.

use crate::coverage::{TagCoverage, Undocumented};
use crate::docs::{attribute_key, DocAttr, DocMethod, DocOperation, DocPage, Required};
use crate::{paths, suggest, types, DriftSettings, Outcome};
use docspec_diagnostics::{Diagnostic, Related};
use docspec_lint::rules::drift::{
    attribute_not_documented::AttributeNotDocumented, attribute_not_in_spec::AttributeNotInSpec,
    default_mismatch::DefaultMismatch, deprecation_mismatch::DeprecationMismatch, enum_mismatch::EnumMismatch,
    operation_not_in_spec::OperationNotInSpec, required_mismatch::RequiredMismatch,
    response_attribute_not_documented::ResponseAttributeNotDocumented,
    response_attribute_not_in_spec::ResponseAttributeNotInSpec, spec_not_compared::SpecNotCompared,
    status_mismatch::StatusMismatch, type_mismatch::TypeMismatch, undocumented_operation::UndocumentedOperation,
};
use docspec_lint::{RuleMeta, RuleMetadata};
use docspec_model::{SourceFile, TextRange};
use docspec_spec::{Location, Operation, ParamIn, Spec};
use std::collections::HashMap;

pub struct Run<'a> {
    spec: &'a Spec,
    source: &'a SourceFile,
    pages: &'a [DocPage],
    settings: &'a DriftSettings,
    /// Comparison key of each spec operation, by index.
    spec_keys: Vec<(String, Vec<String>)>,
    by_key: HashMap<(String, String), usize>,
}

/// A method (page, method index) and its (documented operation, spec operation) pairs.
type MethodPairs = ((usize, usize), Vec<(usize, usize)>);

fn diagnostic(meta: &RuleMetadata, message: String, range: TextRange) -> Diagnostic {
    Diagnostic::new(meta.code, meta.name, meta.default_severity, message, range)
}

impl<'a> Run<'a> {
    pub fn new(spec: &'a Spec, source: &'a SourceFile, pages: &'a [DocPage], settings: &'a DriftSettings) -> Self {
        let bases = [settings.base_path.as_str(), spec.base_path.as_str()];
        let mut spec_keys = Vec::with_capacity(spec.operations.len());
        let mut by_key = HashMap::new();
        for (i, op) in spec.operations.iter().enumerate() {
            let full = format!("{}{}", spec.base_path, op.path);
            let key = paths::key(paths::relative(&full, &bases));
            by_key
                .entry((op.method.to_ascii_uppercase(), key.0.clone()))
                .or_insert(i);
            spec_keys.push(key);
        }
        Run {
            spec,
            source,
            pages,
            settings,
            spec_keys,
            by_key,
        }
    }

    /// Where a spec location is, for a related entry.
    fn related(&self, at: &Location, message: String) -> Related {
        Related {
            path: self.spec.path.clone(),
            line: at.line.max(1),
            column: at.column.max(1),
            message,
            pointer: Some(at.pointer.clone()),
        }
    }

    /// A range in the spec's text: from the location to the end of its line.
    fn spec_range(&self, at: &Location) -> TextRange {
        let text = self.source.text();
        let start = at.offset.min(text.len());
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        TextRange::new(start, end.max(start))
    }

    pub fn finish(self) -> Outcome {
        let mut out = Outcome::default();
        let renamed: HashMap<String, String> = self
            .settings
            .renamed_paths
            .iter()
            .map(|(from, to)| {
                let bases = [self.settings.base_path.as_str(), self.spec.base_path.as_str()];
                (
                    paths::key(paths::relative(from, &bases)).0,
                    paths::key(paths::relative(to, &bases)).0,
                )
            })
            .collect();
        let mut documented = vec![false; self.spec.operations.len()];
        // (page, method) -> pairs of (doc op, spec op)
        let mut per_method: Vec<MethodPairs> = Vec::new();
        for (p, page) in self.pages.iter().enumerate() {
            let mut missing: Vec<(&DocOperation, &String)> = Vec::new();
            let mut any = false;
            for (o, op) in page.operations.iter().enumerate() {
                let key = renamed.get(&op.key).unwrap_or(&op.key);
                match self.by_key.get(&(op.verb.clone(), key.clone())) {
                    Some(&s) => {
                        any = true;
                        documented[s] = true;
                        match per_method.last_mut() {
                            Some((m, pairs)) if *m == (p, op.method) => pairs.push((o, s)),
                            _ => per_method.push(((p, op.method), vec![(o, s)])),
                        }
                    }
                    None => missing.push((op, key)),
                }
            }
            if self.settings.partial && !any {
                out.coverage.pages_not_compared += usize::from(!page.operations.is_empty());
                continue;
            }
            for (op, key) in missing {
                self.not_in_spec(&mut out, page, op, key);
            }
        }
        for ((p, m), pairs) in &per_method {
            let page = &self.pages[*p];
            self.compare_method(&mut out, page, &page.methods[*m], pairs);
        }
        self.undocumented(&mut out, &documented);
        self.spec_issues(&mut out);
        out.coverage.spec = self.spec.path.clone();
        out.coverage.version = self.spec.version.label().to_string();
        out.coverage.operations = self.spec.operations.len();
        out.coverage.documented = documented.iter().filter(|d| **d).count();
        out
    }

    fn not_in_spec(&self, out: &mut Outcome, page: &DocPage, op: &DocOperation, key: &str) {
        out.coverage.documented_not_in_spec += 1;
        let mut d = diagnostic(
            &OperationNotInSpec::META,
            format!("`{}` is not an operation of the spec", op.written),
            op.range,
        );
        match self.closest(&op.verb, key) {
            Some(s) => {
                let other = &self.spec.operations[s];
                d = d
                    .with_help(format!(
                        "the closest operation of the spec is `{}`; fix the request line, or map a renamed path under `drift: renamed_paths:`",
                        other.label()
                    ))
                    .with_related(self.related(&other.at, format!("`{}` in the spec", other.label())));
            }
            None => {
                d = d
                    .with_help("remove the method if the endpoint is gone, or map a renamed path under `drift: renamed_paths:`")
                    .with_related(self.related(&self.spec.paths_at, "the spec's paths".to_string()));
            }
        }
        out.page_findings.push((page.file, d));
    }

    /// The spec operation most like a documented one: the same path with another verb,
    /// else the same verb with a path that differs in one segment (misspelled, renamed, or
    /// one segment more or less). Comparing segment by segment keeps this linear.
    fn closest(&self, verb: &str, key: &str) -> Option<usize> {
        if let Some(i) = self.spec_keys.iter().position(|(k, _)| k == key) {
            return Some(i);
        }
        let ours: Vec<&str> = key.split('/').skip(1).collect();
        self.spec_keys
            .iter()
            .enumerate()
            .filter(|(i, _)| self.spec.operations[*i].method.eq_ignore_ascii_case(verb))
            .filter_map(|(i, (k, _))| {
                let theirs: Vec<&str> = k.split('/').skip(1).collect();
                one_segment_apart(&ours, &theirs).map(|d| (d, i))
            })
            .min()
            .map(|(_, i)| i)
    }

    fn compare_method(&self, out: &mut Outcome, page: &DocPage, method: &DocMethod, pairs: &[(usize, usize)]) {
        let mut request_matched = vec![false; method.request.len()];
        let mut response_matched = vec![false; method.response.len()];
        let mut response_compared = false;
        for &(o, s) in pairs {
            let op = &page.operations[o];
            let spec_op = &self.spec.operations[s];
            self.operation_facts(out, page, method, op, spec_op);
            self.request(out, page, method, op, s, &mut request_matched);
            response_compared |= self.response(out, page, method, spec_op, &mut response_matched);
        }
        let Some(&(first_op, first)) = pairs.first() else {
            return;
        };
        let spec_op = &self.spec.operations[first];
        let labels: Vec<String> = pairs.iter().map(|(_, s)| self.spec.operations[*s].label()).collect();
        // A row for a parent (`configuration`) whose children the spec lists flat
        // (`configuration[url]`) is in the spec too.
        let spec_keys: Vec<String> = pairs
            .iter()
            .flat_map(|(_, s)| self.spec.operations[*s].parameters.iter())
            .map(|p| attribute_key(&p.name))
            .collect();
        for (attr, matched) in method.request.iter().zip(&request_matched) {
            let parent = attr.keys.iter().any(|k| {
                spec_keys.iter().any(|s| {
                    s.strip_prefix(k.as_str())
                        .is_some_and(|r| r.starts_with('.') || r.starts_with("[]."))
                })
            });
            if *matched || parent {
                continue;
            }
            out.coverage.attributes.not_in_spec += 1;
            let d = diagnostic(
                &AttributeNotInSpec::META,
                format!(
                    "attribute `{}` is not a parameter of `{}` in the spec",
                    attr.written,
                    labels.join("` or `")
                ),
                attr.range,
            )
            .with_help("remove the row if the API dropped the attribute, or fix its name")
            .with_related(self.related(&spec_op.at, format!("`{}` in the spec", spec_op.label())));
            out.page_findings.push((page.file, d));
        }
        if response_compared {
            for (attr, matched) in method.response.iter().zip(&response_matched) {
                if *matched {
                    continue;
                }
                out.coverage.response_attributes.not_in_spec += 1;
                let d = diagnostic(
                    &ResponseAttributeNotInSpec::META,
                    format!(
                        "response attribute `{}` is not in the spec's response of `{}`",
                        attr.written,
                        labels.join("` or `")
                    ),
                    attr.range,
                )
                .with_help("remove the row if the API no longer returns it, or fix its name")
                .with_related(self.related(&spec_op.at, format!("`{}` in the spec", spec_op.label())));
                out.page_findings.push((page.file, d));
            }
        }
        let _ = first_op;
    }

    /// Deprecation and success status of one documented operation.
    fn operation_facts(
        &self,
        out: &mut Outcome,
        page: &DocPage,
        method: &DocMethod,
        op: &DocOperation,
        spec_op: &Operation,
    ) {
        if method.deprecated != spec_op.deprecated {
            let message = if spec_op.deprecated {
                format!(
                    "the spec marks `{}` deprecated; the page does not say so",
                    spec_op.label()
                )
            } else {
                format!("the page marks `{}` deprecated; the spec does not", op.written)
            };
            let d = diagnostic(&DeprecationMismatch::META, message, op.range)
                .with_help("deprecate the method in both, or in neither")
                .with_related(self.related(&spec_op.at, format!("`{}` in the spec", spec_op.label())));
            out.page_findings.push((page.file, d));
        }
        let Some((code, range)) = method.success else {
            return;
        };
        let statuses: Vec<&str> = spec_op
            .successes()
            .map(|r| r.status.as_str())
            .filter(|s| s.parse::<u16>().is_ok())
            .collect();
        if statuses.is_empty() || statuses.contains(&code.to_string().as_str()) {
            return;
        }
        let response = spec_op.successes().next().map_or(&spec_op.at, |r| &r.at);
        let d = diagnostic(
            &StatusMismatch::META,
            format!(
                "the page says `{}` returns {code}; the spec's success {} {}",
                op.written,
                if statuses.len() == 1 {
                    "response is"
                } else {
                    "responses are"
                },
                statuses.join(", ")
            ),
            range,
        )
        .with_help("write the status the API returns")
        .with_related(self.related(response, format!("the {} response in the spec", statuses[0])));
        out.page_findings.push((page.file, d));
    }

    fn request(
        &self,
        out: &mut Outcome,
        page: &DocPage,
        method: &DocMethod,
        op: &DocOperation,
        spec_index: usize,
        matched: &mut [bool],
    ) {
        let spec_op = &self.spec.operations[spec_index];
        let spec_path_names = &self.spec_keys[spec_index].1;
        let where_missing = method.request_table.unwrap_or(op.range);
        for param in &spec_op.parameters {
            let key = attribute_key(&param.name);
            // Documented headers count as listed; undocumented ones are not compared.
            let found = match param.location {
                ParamIn::Path => {
                    let doc_name = spec_path_names
                        .iter()
                        .position(|n| *n == param.name)
                        .and_then(|i| op.params.get(i));
                    method
                        .request
                        .iter()
                        .position(|a| a.answers_to(&key) || doc_name.is_some_and(|n| a.answers_to(&attribute_key(n))))
                }
                _ => method.request.iter().position(|a| a.answers_to(&key)),
            };
            if matches!(param.location, ParamIn::Header | ParamIn::Cookie) {
                if let Some(i) = found {
                    matched[i] = true;
                }
                continue;
            }
            if found.is_none() && self.settings.global_parameters.contains(&param.name) {
                continue;
            }
            if param.depth > 0 && !expanded(&method.request, &key) {
                continue;
            }
            out.coverage.attributes.in_spec += 1;
            let Some(i) = found else {
                // A path parameter is named as the page's request line names it.
                let written = match param.location {
                    ParamIn::Path => spec_path_names
                        .iter()
                        .position(|n| *n == param.name)
                        .and_then(|i| op.params.get(i))
                        .filter(|n| **n != param.name)
                        .map(|n| format!(" (`:{n}` in the request line)"))
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                let d = diagnostic(
                    &AttributeNotDocumented::META,
                    format!(
                        "the spec's `{}` has {} parameter `{}`{written} ({}{}) that the attribute table does not list",
                        spec_op.label(),
                        param.location.as_str(),
                        param.name,
                        types::describe(&param.shape),
                        if param.required { ", required" } else { "" }
                    ),
                    where_missing,
                )
                .with_help(format!("add a row for `{}`", param.name))
                .with_related(self.related(&param.at, format!("`{}` in the spec", param.name)));
                out.page_findings.push((page.file, d));
                continue;
            };
            matched[i] = true;
            out.coverage.attributes.documented += 1;
            let attr = &method.request[i];
            self.required(out, page, attr, param.required, &param.at, &param.name);
            // Form fields of an array of hashes (`entities[source_type]`) are arrays in
            // a generated spec, one value per hash: the row describes one value.
            let shape = match (&param.shape.items, in_array_of_hashes(&method.request, &key)) {
                (Some(items), true) => items.as_ref(),
                _ => &param.shape,
            };
            self.type_of(out, page, attr, shape, (&param.at, &param.name), "");
            self.values(out, page, attr, &param.shape, &param.at, &param.name);
            self.deprecated(out, page, attr, param.deprecated, &param.at, &param.name);
        }
    }

    /// Compares the response table; returns whether the spec's response had properties.
    fn response(
        &self,
        out: &mut Outcome,
        page: &DocPage,
        method: &DocMethod,
        spec_op: &Operation,
        matched: &mut [bool],
    ) -> bool {
        if method.response.is_empty() {
            return false;
        }
        let code = method.success.map(|(c, _)| c.to_string());
        let response = spec_op
            .successes()
            .find(|r| Some(&r.status) == code.as_ref())
            .or_else(|| spec_op.successes().next());
        let Some(response) = response.filter(|r| !r.properties.is_empty()) else {
            return false;
        };
        let where_missing = method.response_table.unwrap_or(method.heading);
        for prop in &response.properties {
            let key = attribute_key(&prop.name);
            if prop.depth > 0 && !expanded(&method.response, &key) {
                continue;
            }
            out.coverage.response_attributes.in_spec += 1;
            let Some(i) = method.response.iter().position(|a| a.answers_to(&key)) else {
                let d = diagnostic(
                    &ResponseAttributeNotDocumented::META,
                    format!(
                        "the spec's {} response of `{}` has `{}` ({}) that the response table does not list",
                        response.status,
                        spec_op.label(),
                        prop.name,
                        types::describe(&prop.shape)
                    ),
                    where_missing,
                )
                .with_help(format!("add a row for `{}`", prop.name))
                .with_related(self.related(&prop.at, format!("`{}` in the spec", prop.name)));
                out.page_findings.push((page.file, d));
                continue;
            };
            matched[i] = true;
            out.coverage.response_attributes.documented += 1;
            let attr = &method.response[i];
            self.type_of(out, page, attr, &prop.shape, (&prop.at, &prop.name), "response ");
        }
        true
    }

    fn required(
        &self,
        out: &mut Outcome,
        page: &DocPage,
        attr: &DocAttr,
        spec_required: bool,
        at: &Location,
        name: &str,
    ) {
        let Some((required, range)) = attr.required else { return };
        let message = match (required, spec_required) {
            (Required::Yes, false) => format!(
                "`{}` is required in the table; the spec makes `{name}` optional",
                attr.written
            ),
            (Required::No, true) => format!(
                "`{}` is optional in the table; the spec requires `{name}`",
                attr.written
            ),
            (Required::Conditionally, true) => format!(
                "`{}` is conditionally required in the table; the spec always requires `{name}`",
                attr.written
            ),
            _ => return,
        };
        let d = diagnostic(&RequiredMismatch::META, message, range)
            .with_help(if spec_required {
                "write `Yes`"
            } else {
                "write `No` (or `Conditionally`)"
            })
            .with_related(self.related(at, format!("`{name}` in the spec")));
        out.page_findings.push((page.file, d));
    }

    fn type_of(
        &self,
        out: &mut Outcome,
        page: &DocPage,
        attr: &DocAttr,
        spec: &docspec_spec::Shape,
        (at, name): (&Location, &str),
        what: &str,
    ) {
        let (Some(shape), Some((word, range))) = (&attr.shape, &attr.type_word) else {
            return;
        };
        if types::compatible(shape, spec) {
            return;
        }
        let d = diagnostic(
            &TypeMismatch::META,
            format!(
                "the Type of {what}attribute `{}` is `{word}`; the spec's `{name}` is {}",
                attr.written,
                types::describe(spec)
            ),
            *range,
        )
        .with_help(format!("write `{}`", types::template_word(spec)))
        .with_related(self.related(at, format!("`{name}` in the spec")));
        out.page_findings.push((page.file, d));
    }

    fn values(
        &self,
        out: &mut Outcome,
        page: &DocPage,
        attr: &DocAttr,
        spec: &docspec_spec::Shape,
        at: &Location,
        name: &str,
    ) {
        let range = attr.description.unwrap_or(attr.range);
        let spec_enum = if spec.enumeration.is_empty() {
            spec.items.as_ref().map(|i| i.enumeration.clone()).unwrap_or_default()
        } else {
            spec.enumeration.clone()
        };
        if !attr.enumeration.is_empty() && !spec_enum.is_empty() {
            let extra: Vec<&String> = attr
                .enumeration
                .iter()
                .filter(|v| !spec_enum.iter().any(|s| types::same_value(s, v)))
                .collect();
            let missing: Vec<&String> = spec_enum
                .iter()
                .filter(|s| !attr.enumeration.iter().any(|v| types::same_value(s, v)))
                .collect();
            if !extra.is_empty() || !missing.is_empty() {
                let mut parts = Vec::new();
                if !extra.is_empty() {
                    parts.push(format!("the page allows {} that the spec does not", code_list(&extra)));
                }
                if !missing.is_empty() {
                    parts.push(format!(
                        "the spec allows {} that the page does not list",
                        code_list(&missing)
                    ));
                }
                let d = diagnostic(
                    &EnumMismatch::META,
                    format!("values of `{}` differ: {}", attr.written, parts.join("; ")),
                    range,
                )
                .with_help(format!(
                    "list the spec's values: {}",
                    code_list(&spec_enum.iter().collect::<Vec<_>>())
                ))
                .with_related(self.related(at, format!("`{name}` in the spec")));
                out.page_findings.push((page.file, d));
            }
        }
        if let (Some(doc), Some(spec_default)) = (&attr.default, &spec.default) {
            if !types::same_value(doc, spec_default) {
                let d = diagnostic(
                    &DefaultMismatch::META,
                    format!(
                        "the page says `{}` defaults to `{doc}`; the spec's default is `{spec_default}`",
                        attr.written
                    ),
                    range,
                )
                .with_help(format!("write ``Default is `{spec_default}`.``"))
                .with_related(self.related(at, format!("`{name}` in the spec")));
                out.page_findings.push((page.file, d));
            }
        }
    }

    fn deprecated(
        &self,
        out: &mut Outcome,
        page: &DocPage,
        attr: &DocAttr,
        spec_deprecated: bool,
        at: &Location,
        name: &str,
    ) {
        if attr.deprecated == spec_deprecated {
            return;
        }
        let message = if spec_deprecated {
            format!("the spec marks `{name}` deprecated; the table does not say so")
        } else {
            format!("the table marks `{}` deprecated; the spec does not", attr.written)
        };
        let d = diagnostic(&DeprecationMismatch::META, message, attr.range)
            .with_help("deprecate the attribute in both, or in neither")
            .with_related(self.related(at, format!("`{name}` in the spec")));
        out.page_findings.push((page.file, d));
    }

    fn undocumented(&self, out: &mut Outcome, documented: &[bool]) {
        let index = suggest::Index::new(self.pages, self.spec, &self.spec_keys, &self.by_key);
        let mut tags: Vec<TagCoverage> = self
            .spec
            .tags
            .iter()
            .map(|t| TagCoverage {
                tag: t.clone(),
                ..TagCoverage::default()
            })
            .collect();
        let untagged = "(no tag)".to_string();
        for (i, op) in self.spec.operations.iter().enumerate() {
            let tag = op.tags.first().unwrap_or(&untagged);
            let t = match tags.iter().position(|t| t.tag == *tag) {
                Some(t) => t,
                None => {
                    tags.push(TagCoverage {
                        tag: tag.clone(),
                        ..TagCoverage::default()
                    });
                    tags.len() - 1
                }
            };
            tags[t].operations += 1;
            if documented[i] {
                tags[t].documented += 1;
                continue;
            }
            let place = index.suggest(&self.spec_keys[i].0, &op.tags);
            out.placements.push(crate::Placement { operation: i, place });
            let label = op.label();
            let tag_text = if op.tags.is_empty() {
                String::new()
            } else {
                format!(" (tag `{tag}`)")
            };
            let related = self.related(&op.at, format!("`{label}` in the spec"));
            match place {
                Some((p, r)) => {
                    let page = &self.pages[p];
                    let resource = &page.resources[r];
                    let d = diagnostic(
                        &UndocumentedOperation::META,
                        format!(
                            "`{label}`{tag_text} is in the spec but no page documents it; it most likely belongs on this page, under \"{}\"",
                            resource.title
                        ),
                        resource.heading,
                    )
                    .with_help(format!(
                        "document it here (`docspec scaffold --spec {} --missing` writes a draft)",
                        self.spec.path
                    ))
                    .with_related(related);
                    out.page_findings.push((page.file, d));
                    tags[t].undocumented.push(Undocumented {
                        operation: label,
                        operation_id: op.operation_id.clone(),
                        page: Some(page.path.clone()),
                    });
                }
                None => {
                    let d = diagnostic(
                        &UndocumentedOperation::META,
                        format!("`{label}`{tag_text} is in the spec but no page documents it, and no page documents its neighbors"),
                        self.spec_range(&op.at),
                    )
                    .with_help(format!(
                        "write a new page for it (`docspec scaffold --spec {} --missing -o DIR`)",
                        self.spec.path
                    ))
                    .with_related(related);
                    out.spec_findings.push(d);
                    tags[t].undocumented.push(Undocumented {
                        operation: label,
                        operation_id: op.operation_id.clone(),
                        page: None,
                    });
                }
            }
        }
        tags.retain(|t| t.operations > 0);
        out.coverage.tags = tags;
    }

    fn spec_issues(&self, out: &mut Outcome) {
        for issue in &self.spec.issues {
            let d = diagnostic(
                &SpecNotCompared::META,
                issue.message.clone(),
                self.spec_range(&issue.at),
            )
            .with_related(self.related(&issue.at, "here in the spec".to_string()));
            out.spec_findings.push(d);
        }
    }
}

/// Whether `key` (`entities.source_type`) is a field of a row the table types as an array
/// (`entities` as `array of hashes`).
fn in_array_of_hashes(attrs: &[DocAttr], key: &str) -> bool {
    let Some(dot) = key.rfind('.') else { return false };
    let parent = &key[..dot];
    attrs
        .iter()
        .any(|a| a.answers_to(parent) && a.shape.as_ref().is_some_and(|s| s.kind == docspec_spec::Kind::Array))
}

/// How far apart two paths are when they differ in one segment only: the edit distance of
/// that segment (small for a misspelling), or its length when one path has it and the
/// other not. `None` when they differ more.
fn one_segment_apart(a: &[&str], b: &[&str]) -> Option<usize> {
    if a.len() == b.len() {
        let mut differing = a.iter().zip(b).filter(|(x, y)| x != y);
        let (x, y) = differing.next()?;
        if differing.next().is_some() {
            return None;
        }
        let d = strsim::levenshtein(x, y);
        return (d <= (x.len().max(y.len()) / 2).max(2)).then_some(d);
    }
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return None;
    }
    let at = long.iter().zip(short).position(|(x, y)| x != y).unwrap_or(short.len());
    (long[..at] == short[..at] && long[at + 1..] == short[at..]).then(|| long[at].len() + 3)
}

/// Whether the table describes the children of `key`'s parent (`owner.id` when some row
/// is `owner.*`): nested spec properties are compared only there.
fn expanded(attrs: &[DocAttr], key: &str) -> bool {
    let Some(dot) = key.rfind('.') else { return true };
    let parent = key[..dot].trim_end_matches("[]");
    attrs.iter().any(|a| {
        a.keys.iter().any(|k| {
            k.strip_prefix(parent)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with("[]."))
        })
    })
}

fn code_list(values: &[&String]) -> String {
    values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
}
