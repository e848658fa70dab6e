//! The round trip `scaffold` → `openapi`: a spec compared with the spec docspec emits
//! from the pages scaffolded from it, on what the template can carry: operations,
//! parameters (name, place, required, type), success statuses and response properties.

use crate::docs::attribute_key;
use crate::types::template_word;
use crate::{paths, scaffold};
use docspec_spec::{Operation, ParamIn, Spec};
use std::fmt;

/// Differences the template cannot avoid, each with the reason.
pub const QUERY_OR_BODY: &str =
    "the attribute table cannot say query or body: `docspec openapi` puts attributes of POST, PUT and PATCH in the body, of other verbs in the query";
pub const NESTED_PARENT: &str =
    "a bracketed or dotted name is a nested property: `docspec openapi` adds its parent object";
pub const NO_SCHEMA: &str = "the spec gives no response schema: the scaffold writes the template's placeholder row";
pub const FROM_EXAMPLE: &str =
    "the spec's response schema lists no properties but its example does: the scaffold documents the example's keys";
pub const NESTED_FROM_EXAMPLE: &str =
    "a nested object the table describes only in part: `docspec openapi` reads its other keys, and their kinds, from the example";
pub const SHARED_NESTED: &str =
    "nested objects of one structure share one schema: it holds the keys and kinds of each object it stands for";
pub const GLOBAL: &str = "`docspec openapi` adds the API's pagination parameters itself";

#[derive(Clone, Debug, Default)]
pub struct RoundTrip {
    /// How many of each were compared.
    pub operations: usize,
    pub parameters: usize,
    pub statuses: usize,
    pub response_properties: usize,
    pub differences: Vec<Difference>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub operation: String,
    pub what: String,
    /// Why the template cannot carry it, when that is the reason.
    pub explained: Option<&'static str>,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.operation, self.what)?;
        if let Some(why) = self.explained {
            write!(f, " ({why})")?;
        }
        Ok(())
    }
}

impl RoundTrip {
    pub fn unexplained(&self) -> impl Iterator<Item = &Difference> {
        self.differences.iter().filter(|d| d.explained.is_none())
    }

    pub fn add(&mut self, other: RoundTrip) {
        self.operations += other.operations;
        self.parameters += other.parameters;
        self.statuses += other.statuses;
        self.response_properties += other.response_properties;
        self.differences.extend(other.differences);
    }
}

fn key(spec: &Spec, op: &Operation, base: &str) -> (String, String) {
    let full = format!("{}{}", spec.base_path, op.path);
    let k = paths::key(paths::relative(&full, &[base, spec.base_path.as_str()])).0;
    (op.method.to_ascii_uppercase(), k)
}

/// The place a parameter has after the round trip.
fn expected_place(method: &str, place: ParamIn) -> ParamIn {
    match place {
        ParamIn::Path => ParamIn::Path,
        _ if matches!(method, "post" | "put" | "patch") => ParamIn::Body,
        _ => ParamIn::Query,
    }
}

/// Compares the operations of `original` with those of `again`, the spec emitted from the
/// pages scaffolded for them. `base` is the API base path both are read under.
pub fn compare(original: &Spec, again: &Spec, base: &str) -> RoundTrip {
    let mut out = RoundTrip::default();
    let mut used = vec![false; again.operations.len()];
    for op in &original.operations {
        let label = op.label();
        let k = key(original, op, base);
        let Some(i) = again.operations.iter().position(|o| key(again, o, base) == k) else {
            out.differences.push(Difference {
                operation: label,
                what: "missing after the round trip".to_string(),
                explained: None,
            });
            continue;
        };
        used[i] = true;
        out.operations += 1;
        operation(op, &again.operations[i], &mut out);
    }
    for (o, used) in again.operations.iter().zip(used) {
        if !used {
            out.differences.push(Difference {
                operation: o.label(),
                what: "not in the original spec".to_string(),
                explained: None,
            });
        }
    }
    out
}

fn operation(op: &Operation, back: &Operation, out: &mut RoundTrip) {
    let label = op.label();
    let mut diff = |what: String, explained: Option<&'static str>| {
        out.differences.push(Difference {
            operation: label.clone(),
            what,
            explained,
        })
    };
    let params = scaffold::markdown::attributes(op);
    let compared = |p: &&docspec_spec::Parameter| !matches!(p.location, ParamIn::Header | ParamIn::Cookie);
    let back_params: Vec<&docspec_spec::Parameter> = back.parameters.iter().filter(compared).collect();
    let mut matched = vec![false; back_params.len()];
    for p in &params {
        out.parameters += 1;
        let name = attribute_key(&p.name);
        let Some(j) = back_params.iter().position(|b| attribute_key(&b.name) == name) else {
            diff(format!("parameter `{}` is missing", p.name), None);
            continue;
        };
        matched[j] = true;
        let b = back_params[j];
        let want = expected_place(&op.method, p.location);
        if b.location != p.location {
            let why = (b.location == want).then_some(QUERY_OR_BODY);
            diff(
                format!(
                    "`{}` is in {} instead of {}",
                    p.name,
                    b.location.as_str(),
                    p.location.as_str()
                ),
                why,
            );
        }
        if b.required != p.required {
            diff(
                format!("`{}` required {} instead of {}", p.name, b.required, p.required),
                None,
            );
        }
        let (t1, t2) = (template_word(&p.shape), template_word(&b.shape));
        if t1 != t2 {
            diff(format!("`{}` is {t2} instead of {t1}", p.name), None);
        }
    }
    for (b, matched) in back_params.iter().zip(matched) {
        if matched {
            continue;
        }
        let name = attribute_key(&b.name);
        let parent = params.iter().any(|p| {
            let k = attribute_key(&p.name);
            k.strip_prefix(&name)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with("[]."))
        });
        let why = if parent {
            Some(NESTED_PARENT)
        } else if matches!(b.name.as_str(), "page" | "per_page") {
            Some(GLOBAL)
        } else {
            None
        };
        diff(format!("parameter `{}` was added", b.name), why);
    }
    out.statuses += 1;
    let status = op.success_code();
    let back_status = back.success_code();
    if status.is_some() && status != back_status {
        diff(
            format!(
                "success status {} instead of {}",
                fmt_status(back_status),
                fmt_status(status)
            ),
            None,
        );
    }
    let props = scaffold::markdown::success(op)
        .map(|r| r.properties.as_slice())
        .unwrap_or_default();
    let back_props = scaffold::markdown::success(back)
        .map(|r| r.properties.as_slice())
        .unwrap_or_default();
    for p in props {
        out.response_properties += 1;
        let name = attribute_key(&p.name);
        match back_props.iter().find(|b| attribute_key(&b.name) == name) {
            None => diff(format!("response property `{}` is missing", p.name), None),
            Some(b) => {
                let (t1, t2) = (template_word(&p.shape), template_word(&b.shape));
                if t1 != t2 {
                    let in_example = scaffold::markdown::success(op)
                        .and_then(|r| r.example.as_ref())
                        .is_some_and(|e| example_has(e, &p.name) || has_key_anywhere(e, leaf(&p.name)));
                    let why = if shared_elsewhere(props, &p.name) {
                        Some(SHARED_NESTED)
                    } else {
                        (p.name.contains('.') && in_example).then_some(NESTED_FROM_EXAMPLE)
                    };
                    diff(format!("response property `{}` is {t2} instead of {t1}", p.name), why);
                }
            }
        }
    }
    for b in back_props {
        let name = attribute_key(&b.name);
        if props.iter().any(|p| attribute_key(&p.name) == name) {
            continue;
        }
        let example_keys = scaffold::markdown::success(op)
            .and_then(|r| r.example.as_ref())
            .is_some_and(|e| example_has(e, &b.name));
        let why = if shared_elsewhere(props, &b.name) {
            Some(SHARED_NESTED)
        } else if props.is_empty() && b.name == "attribute" {
            Some(NO_SCHEMA)
        } else if props.is_empty() && example_keys {
            Some(FROM_EXAMPLE)
        } else if b.name.contains('.')
            && scaffold::markdown::success(op)
                .and_then(|r| r.example.as_ref())
                .is_some_and(|e| example_keys || has_key_anywhere(e, leaf(&b.name)))
        {
            Some(NESTED_FROM_EXAMPLE)
        } else {
            None
        };
        diff(format!("response property `{}` was added", b.name), why);
    }
}

/// Whether another nested object of the response with the same name has the key:
/// `x.milestone.expired` explains `milestone.expired` (one shared schema for both).
fn shared_elsewhere(props: &[docspec_spec::Property], name: &str) -> bool {
    let Some((parent, _)) = name.rsplit_once('.') else {
        return false;
    };
    let parent_leaf = parent.rsplit('.').next().unwrap_or(parent);
    let tail = format!(".{parent_leaf}.{}", leaf(name));
    props.iter().any(|p| p.name != name && (p.name.ends_with(&tail)))
}

/// The last segment of a key path: `locked` for `assignee.locked`.
fn leaf(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path).trim_end_matches("[]")
}

/// Whether a JSON example has an object key `key` at any depth.
fn has_key_anywhere(value: &serde_json::Value, key: &str) -> bool {
    match value {
        serde_json::Value::Object(map) => map.contains_key(key) || map.values().any(|v| has_key_anywhere(v, key)),
        serde_json::Value::Array(items) => items.iter().any(|v| has_key_anywhere(v, key)),
        _ => false,
    }
}

/// Whether a JSON example has the key path `a.b` / `a[].b` (arrays looked into).
fn example_has(value: &serde_json::Value, path: &str) -> bool {
    let mut current = vec![value];
    for segment in path.split('.') {
        let name = segment.trim_end_matches("[]");
        let mut next = Vec::new();
        for v in current {
            let objects: Vec<&serde_json::Value> = match v {
                serde_json::Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for o in objects {
                if let Some(child) = o.get(name) {
                    next.push(child);
                }
            }
        }
        if next.is_empty() {
            return false;
        }
        current = next;
    }
    true
}

fn fmt_status(code: Option<u16>) -> String {
    code.map_or_else(|| "none".to_string(), |c| c.to_string())
}
