//! Whether two object schemas describe the same thing, and the one schema for both.
//!
//! Two response objects of one resource are one thing when they share most of their
//! properties and no shared property has conflicting types: one example often shows fewer
//! keys than another, or `null` where another shows a value. The merged schema has every
//! property of both (none is required in a response), the first description, and is
//! nullable where either is.

use crate::types;
use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};

/// How much of the smaller object the larger one must hold.
#[derive(Clone, Copy, Debug)]
pub enum Overlap {
    /// Every property of the smaller one (for nested objects found by property name).
    Subset,
    /// Two thirds of the smaller one's properties (for the objects of one resource).
    Most,
}

/// The merged object, if `a` and `b` are the same thing.
pub fn objects(a: &Schema, b: &Schema, overlap: Overlap) -> Option<Schema> {
    let (SchemaKind::Type(Type::Object(x)), SchemaKind::Type(Type::Object(y))) = (&a.schema_kind, &b.schema_kind)
    else {
        return None;
    };
    let shared = x.properties.keys().filter(|k| y.properties.contains_key(*k)).count();
    let smaller = x.properties.len().min(y.properties.len());
    let enough = match overlap {
        Overlap::Subset => shared == smaller,
        Overlap::Most => shared * 3 >= smaller * 2,
    };
    if smaller == 0 || !enough {
        return None;
    }
    // One or two shared names say little: `name` of a job is not `name` of a project.
    // Such objects are one thing only when a shared property is described alike.
    if matches!(overlap, Overlap::Most) && shared < 3 && !described_alike(x, y) {
        return None;
    }
    schemas(a, b)
}

/// Some property of both objects has the same description (case, a leading "The " and
/// the final period aside), or has none on one side.
fn described_alike(x: &openapiv3::ObjectType, y: &openapiv3::ObjectType) -> bool {
    let description = |p: &ReferenceOr<Box<Schema>>| match p {
        ReferenceOr::Item(s) => s.schema_data.description.as_deref().map(normalized),
        ReferenceOr::Reference { .. } => None,
    };
    x.properties.iter().any(|(key, p)| {
        y.properties
            .get(key)
            .is_some_and(|q| match (description(p), description(q)) {
                (Some(d), Some(e)) => d == e,
                _ => true,
            })
    })
}

fn normalized(description: &str) -> String {
    let d = description.trim().trim_end_matches('.').to_lowercase();
    d.strip_prefix("the ").map(str::to_string).unwrap_or(d)
}

/// One schema for two descriptions of one value, or `None` when they conflict.
fn schemas(a: &Schema, b: &Schema) -> Option<Schema> {
    let open = |s: &Schema| matches!(s.schema_kind, SchemaKind::Any(ref any) if *any == Default::default());
    // An open schema from a `null` in an example takes the other's type; one from
    // disagreeing examples, or an untyped row, stays open.
    let null = |s: &Schema| open(s) && s.schema_data.nullable;
    let mut out = if null(a) {
        let mut s = b.clone();
        s.schema_data.nullable = true;
        s
    } else if null(b) {
        let mut s = a.clone();
        s.schema_data.nullable = true;
        s
    } else if open(a) || open(b) {
        let mut s = types::any();
        s.schema_data.description = a.schema_data.description.clone();
        s
    } else {
        match (&a.schema_kind, &b.schema_kind) {
            (SchemaKind::Type(Type::Object(x)), SchemaKind::Type(Type::Object(y))) => {
                // `x`'s properties in its order, each shared one merged with `y`'s, then
                // those only `y` has; each is copied once.
                let mut properties = indexmap::IndexMap::with_capacity(x.properties.len() + y.properties.len());
                for (key, old) in &x.properties {
                    let next = match (old, y.properties.get(key)) {
                        (ReferenceOr::Item(old), Some(ReferenceOr::Item(new))) => {
                            ReferenceOr::Item(Box::new(schemas(old, new)?))
                        }
                        (old, Some(new)) if old != new => return None,
                        (old, _) => old.clone(),
                    };
                    properties.insert(key.clone(), next);
                }
                for (key, new) in &y.properties {
                    if !x.properties.contains_key(key) {
                        properties.insert(key.clone(), new.clone());
                    }
                }
                let mut merged = openapiv3::ObjectType {
                    properties,
                    required: x.required.clone(),
                    additional_properties: x.additional_properties.clone(),
                    min_properties: x.min_properties,
                    max_properties: x.max_properties,
                };
                merged.required.retain(|r| y.required.contains(r));
                Schema {
                    schema_data: a.schema_data.clone(),
                    schema_kind: SchemaKind::Type(Type::Object(merged)),
                }
            }
            (SchemaKind::Type(Type::Array(x)), SchemaKind::Type(Type::Array(y))) => {
                let items = match (&x.items, &y.items) {
                    // `parts | array` with no `parts[].…` rows says nothing of the items:
                    // the other side's documented items stand (the examples are checked
                    // against the merged schema after).
                    (Some(ReferenceOr::Item(i)), Some(ReferenceOr::Item(j))) if undescribed(i) => (**j).clone(),
                    (Some(ReferenceOr::Item(i)), Some(ReferenceOr::Item(j))) if undescribed(j) => (**i).clone(),
                    (Some(ReferenceOr::Item(i)), Some(ReferenceOr::Item(j))) => schemas(i, j)?,
                    (i, j) if i == j => return Some(a.clone()),
                    _ => return None,
                };
                let mut s = types::array(items);
                s.schema_data = a.schema_data.clone();
                s
            }
            (SchemaKind::Type(Type::Integer(_)), SchemaKind::Type(Type::Number(_))) => b.clone(),
            (SchemaKind::Type(Type::Number(_)), SchemaKind::Type(Type::Integer(_))) => a.clone(),
            (x, y) if x == y => a.clone(),
            _ => return None,
        }
    };
    out.schema_data.nullable |= a.schema_data.nullable || b.schema_data.nullable;
    if out.schema_data.description.is_none() {
        out.schema_data.description = a.schema_data.description.clone().or(b.schema_data.description.clone());
    }
    Some(out)
}

/// `{}` and nothing more: no type, description or null mark.
fn undescribed(schema: &Schema) -> bool {
    matches!(schema.schema_kind, SchemaKind::Any(ref any) if *any == Default::default())
        && schema.schema_data == openapiv3::SchemaData::default()
}

/// Takes the `null` mark off open schemas: `{}` already allows null, and OpenAPI 3.0
/// gives `nullable` no meaning without a type.
pub fn clear_null_marks(schema: &mut Schema) {
    if matches!(schema.schema_kind, SchemaKind::Any(_)) && schema.schema_data.nullable {
        let SchemaKind::Any(any) = &schema.schema_kind else {
            return;
        };
        if any.typ.is_none() {
            schema.schema_data.nullable = false;
        }
    }
    match &mut schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            for p in o.properties.values_mut() {
                if let ReferenceOr::Item(p) = p {
                    clear_null_marks(p);
                }
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            if let Some(ReferenceOr::Item(i)) = &mut a.items {
                clear_null_marks(i);
            }
        }
        SchemaKind::OneOf { one_of: l } | SchemaKind::AnyOf { any_of: l } | SchemaKind::AllOf { all_of: l } => {
            for s in l.iter_mut() {
                if let ReferenceOr::Item(s) = s {
                    clear_null_marks(s);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::infer;
    use serde_json::json;

    fn yaml(s: &Schema) -> String {
        serde_yaml::to_string(s).unwrap()
    }

    #[test]
    fn fewer_keys_and_nulls_merge() {
        let full = infer::schema(&json!({"id": 1, "name": "a", "state": "open", "due": null}));
        let short = infer::schema(&json!({"id": 2, "name": "b", "due": "2024-01-01"}));
        let merged = objects(&short, &full, Overlap::Subset).unwrap();
        assert_eq!(
            yaml(&merged),
            "type: object\nproperties:\n  id:\n    type: integer\n  name:\n    type: string\n  due:\n    nullable: true\n    type: string\n  state:\n    type: string\n"
        );
    }

    #[test]
    fn different_things_do_not() {
        let commit_author = infer::schema(&json!({"name": "a", "email": "b"}));
        let user = infer::schema(&json!({"id": 1, "name": "a", "username": "u"}));
        assert!(objects(&commit_author, &user, Overlap::Subset).is_none());
        assert!(objects(&commit_author, &user, Overlap::Most).is_none());
        let a = infer::schema(&json!({"id": 1, "name": "a", "web_url": "x"}));
        let b = infer::schema(&json!({"id": "x", "name": "a", "web_url": "x"}));
        assert!(objects(&a, &b, Overlap::Most).is_none(), "id conflicts");
    }

    #[test]
    fn one_shared_name_merges_only_when_described_alike() {
        let described = |json: serde_json::Value, name: &str| {
            let mut s = infer::schema(&json);
            if let SchemaKind::Type(Type::Object(o)) = &mut s.schema_kind {
                if let Some(ReferenceOr::Item(p)) = o.properties.get_mut("name") {
                    p.schema_data.description = Some(name.to_string());
                }
            }
            s
        };
        let gizmo = described(json!({"id": 1, "name": "a"}), "Name of the gizmo.");
        let job = described(json!({"name": "a"}), "Name of the background job.");
        assert!(objects(&job, &gizmo, Overlap::Most).is_none());
        let same = described(json!({"name": "a"}), "The name of the gizmo");
        assert!(objects(&same, &gizmo, Overlap::Most).is_some());
        let undescribed = infer::schema(&json!({"name": "a"}));
        assert!(objects(&undescribed, &gizmo, Overlap::Most).is_some());
    }
}
