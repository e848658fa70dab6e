//! Named, shared schemas: the object each success response returns becomes a component
//! named for its resource, shared by every operation whose response has the same
//! structure; nested objects that occur in several places are shared too.
//!
//! Names come from the resource (section or page) title, singular and PascalCase. When
//! one resource returns objects of different structures, the structure most operations
//! return keeps the resource's name and the others take the noun of their method's title.
//! Names are unique; a clash is settled by the order of the operations, which is the
//! order of the sorted pages. `openapi.schema_names` renames a derived name, or names
//! the response of one operation by its operationId.

use crate::kept::{Body, Refs};
use crate::naming;
use crate::unify::{self, Overlap};
use indexmap::IndexMap;
use openapiv3::{Operation, ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// What names an operation's response.
#[derive(Clone, Debug)]
pub struct Hints {
    pub operation_id: String,
    /// The resource's noun (`Branch`), from its section or page title.
    pub resource: Option<String>,
    /// The noun of the method title (`CommitDiff`).
    pub method: Option<String>,
    /// The method title, for the name of its request body.
    pub title: String,
}

/// One response body that returns an object (or a list of them); `key` is its
/// structure's, borrowed from [`Entities`] (a structure's key is its whole JSON).
struct Entity<'k> {
    op: usize,
    status: StatusCode,
    array: bool,
    key: &'k str,
}

/// A response object taken out of its operation once the operation is built, with the
/// key of its structure.
pub struct Taken {
    pub(crate) status: StatusCode,
    pub(crate) array: bool,
    key: String,
    object: Schema,
}

/// Where a taken response object went: its status, whether the response is a list of
/// it, and its structure in [`Entities`].
#[derive(Clone, Debug)]
pub struct EntityUse {
    status: StatusCode,
    array: bool,
    entity: usize,
}

/// Takes out the objects the operation's JSON responses return (or list), which
/// [`extract`] names and shares; the responses get their references there.
pub fn take_entities(op: &mut Operation) -> Vec<Taken> {
    let mut taken = Vec::new();
    for (status, response) in &mut op.responses.responses {
        let ReferenceOr::Item(response) = response else {
            continue;
        };
        let Some(media) = response.content.get_mut("application/json") else {
            continue;
        };
        let Some(ReferenceOr::Item(schema)) = media.schema.as_ref() else {
            continue;
        };
        let Some((_, array)) = entity_object(schema) else {
            continue;
        };
        let Some(ReferenceOr::Item(schema)) = media.schema.take() else {
            continue;
        };
        // A list's own schema is made again around the reference: only the object counts.
        let mut object = match (array, schema.schema_kind) {
            (true, SchemaKind::Type(Type::Array(a))) => match a.items {
                Some(ReferenceOr::Item(item)) => *item,
                _ => continue,
            },
            (_, kind) => Schema {
                schema_data: schema.schema_data,
                schema_kind: kind,
            },
        };
        let key = entity_key(&mut object);
        taken.push(Taken {
            status: status.clone(),
            array,
            key,
            object,
        });
    }
    taken
}

/// The response objects of the operations built so far, one schema per structure: that
/// of the first response in document order that returns it, which is all [`extract`]
/// reads of them. Memory grows with the structures, not with the operations.
#[derive(Default)]
pub struct Entities {
    ids: HashMap<String, usize>,
    /// Each structure's schema, and where its response is: (page, operation, response).
    kept: Vec<((usize, usize, usize), Schema)>,
}

impl Entities {
    pub fn intern(&mut self, at: (usize, usize, usize), taken: Taken) -> EntityUse {
        let entity = match self.ids.get(&taken.key) {
            Some(&id) => {
                if at < self.kept[id].0 {
                    self.kept[id] = (at, taken.object);
                }
                id
            }
            None => {
                self.ids.insert(taken.key, self.kept.len());
                self.kept.push((at, taken.object));
                self.kept.len() - 1
            }
        };
        EntityUse {
            status: taken.status,
            array: taken.array,
            entity,
        }
    }
}

/// What naming reads of one operation.
pub struct Naming<'a> {
    pub hints: &'a Hints,
    /// The response objects taken out of it.
    pub uses: &'a [EntityUse],
    /// What the example of each of those responses shows of its object, in the order of
    /// `uses`: the text of a JSON array.
    pub examples: &'a [Option<Box<str>>],
    pub body: Option<&'a Body>,
}

/// The shared schemas of `components/schemas`, and for each operation (in order) the
/// names its responses and request body refer to.
pub fn extract(
    ops: &[Naming<'_>],
    entities: &Entities,
    overrides: &BTreeMap<String, String>,
) -> (IndexMap<String, ReferenceOr<Schema>>, Vec<Refs>) {
    let mut keys: Vec<&str> = vec![""; entities.kept.len()];
    for (key, &id) in &entities.ids {
        keys[id] = key;
    }
    let mut found: Vec<Entity> = Vec::new();
    let named = {
        let schemas: HashMap<&str, &Schema> = entities
            .ids
            .iter()
            .map(|(key, &id)| (key.as_str(), &entities.kept[id].1))
            .collect();
        // The examples each structure must go on accepting, as text until they are read.
        let mut examples: HashMap<&str, Vec<&str>> = HashMap::default();
        for (i, op) in ops.iter().enumerate() {
            for (u, example) in op.uses.iter().zip(op.examples) {
                let key = keys[u.entity];
                let shown = examples.entry(key).or_default();
                shown.extend(example.as_deref());
                found.push(Entity {
                    op: i,
                    status: u.status.clone(),
                    array: u.array,
                    key,
                });
            }
        }
        name_entities(&found, &schemas, &examples, ops, overrides)
    };
    let Named { mut groups, of_key } = named;
    let mut components: IndexMap<String, ReferenceOr<Schema>> = IndexMap::new();
    let mut refs: Vec<Refs> = ops.iter().map(|_| Refs::default()).collect();
    for e in &found {
        // Naming gives every structure a group.
        let name = of_key.get(e.key).map(|group| {
            let (name, merged) = &mut groups[*group];
            if !components.contains_key(name.as_str()) {
                if let Some(merged) = merged.take() {
                    components.insert(name.clone(), ReferenceOr::Item(merged));
                }
            }
            name.clone()
        });
        refs[e.op].entities.push((e.status.clone(), e.array, name));
    }
    share_nested(&mut components);
    extract_bodies(ops, &mut refs, &mut components);
    for schema in components.values_mut() {
        if let ReferenceOr::Item(s) = schema {
            unify::clear_null_marks(s);
        }
    }
    components.sort_keys();
    (components, refs)
}

/// Request bodies become components named for their method (`CreateRepositoryBranchBody`),
/// one for the JSON, form and multipart forms of a body, and one for the project and group
/// variants of a method. Bodies that differ under one name are numbered.
fn extract_bodies(ops: &[Naming<'_>], refs: &mut [Refs], components: &mut IndexMap<String, ReferenceOr<Schema>>) {
    let mut taken: HashMap<String, String> = components
        .iter()
        .filter_map(|(name, s)| match s {
            ReferenceOr::Item(s) => Some((name.clone(), serde_json::to_string(s).unwrap_or_default())),
            ReferenceOr::Reference { .. } => None,
        })
        .collect();
    for (op, refs) in ops.iter().zip(refs) {
        let Some(body) = op.body else {
            continue;
        };
        let title = crate::merge::camel(&op.hints.title);
        let mut chars = title.chars();
        let base = match chars.next() {
            Some(first) => format!("{}{}Body", first.to_ascii_uppercase(), chars.as_str()),
            None => format!("{}Body", op.hints.operation_id),
        };
        let name = unique(&base, &mut taken, &body.key);
        if !components.contains_key(&name) {
            components.insert(name.clone(), ReferenceOr::Item(body.schema()));
        }
        refs.body = Some(name);
    }
}

/// The object a response returns, and whether it returns a list of them.
fn entity_object(schema: &Schema) -> Option<(&Schema, bool)> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) if !o.properties.is_empty() => Some((schema, false)),
        SchemaKind::Type(Type::Array(a)) => match &a.items {
            Some(ReferenceOr::Item(item)) => match &item.schema_kind {
                SchemaKind::Type(Type::Object(o)) if !o.properties.is_empty() => Some((item, true)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// What makes two responses one entity. Three or more properties of the same types
/// describe the same thing whatever the words; one or two (`id`, `status`) may be a
/// review's and an export's, so there the descriptions count too, and two responses that
/// describe them differently go to the resource clustering apart.
fn entity_key(object: &mut Schema) -> String {
    let descriptions = !matches!(&object.schema_kind, SchemaKind::Type(Type::Object(o)) if o.properties.len() < 3);
    bare_json(object, descriptions)
}

/// The schema's structure without its prose: equal keys describe the same thing.
pub fn structure_key(schema: &mut Schema) -> String {
    bare_json(schema, true)
}

/// The schema's JSON without its examples, nor its descriptions when `descriptions`.
/// They are taken off for the writing and put back, not written from a copy: schemas
/// are compared by these keys again and again, and copying them was most of the cost.
fn bare_json(schema: &mut Schema, descriptions: bool) -> String {
    let mut prose = Vec::new();
    take_prose(schema, descriptions, &mut prose);
    let json = serde_json::to_string(&*schema).unwrap_or_default();
    put_prose_back(schema, descriptions, &mut prose.into_iter());
    json
}

type Prose = (Option<String>, Option<serde_json::Value>);

fn take_prose(schema: &mut Schema, descriptions: bool, out: &mut Vec<Prose>) {
    let description = if descriptions {
        schema.schema_data.description.take()
    } else {
        None
    };
    out.push((description, schema.schema_data.example.take()));
    for child in children(schema) {
        take_prose(child, descriptions, out);
    }
}

/// Puts back what [`take_prose`] took, visiting the schemas in the same order.
fn put_prose_back(schema: &mut Schema, descriptions: bool, prose: &mut impl Iterator<Item = Prose>) {
    let (description, example) = prose.next().unwrap_or_default();
    if descriptions {
        schema.schema_data.description = description;
    }
    schema.schema_data.example = example;
    for child in children(schema) {
        put_prose_back(child, descriptions, prose);
    }
}

/// The schemas directly inside one (properties, items, alternatives).
fn children(schema: &mut Schema) -> Vec<&mut Schema> {
    let mut out: Vec<&mut Schema> = Vec::new();
    match &mut schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            for p in o.properties.values_mut() {
                if let ReferenceOr::Item(s) = p {
                    out.push(s);
                }
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            if let Some(ReferenceOr::Item(s)) = &mut a.items {
                out.push(s);
            }
        }
        SchemaKind::OneOf { one_of: list }
        | SchemaKind::AnyOf { any_of: list }
        | SchemaKind::AllOf { all_of: list } => {
            for s in list.iter_mut() {
                if let ReferenceOr::Item(s) = s {
                    out.push(s);
                }
            }
        }
        _ => {}
    }
    out
}

/// The named groups of structures: each group's name (unique over the document) and
/// merged schema (taken by the first response that uses it), and each structure's group.
struct Named<'k> {
    groups: Vec<(String, Option<Schema>)>,
    of_key: HashMap<&'k str, usize>,
}

/// For every structure: its name and the schema of the structures that share it.
fn name_entities<'k>(
    entities: &[Entity<'k>],
    schemas: &HashMap<&'k str, &'k Schema>,
    examples: &HashMap<&str, Vec<&str>>,
    ops: &[Naming<'_>],
    overrides: &BTreeMap<String, String>,
) -> Named<'k> {
    // Base names, and for each base its structures with the operations that return them.
    let mut bases: IndexMap<String, IndexMap<&str, Vec<usize>>> = IndexMap::new();
    for e in entities {
        let hints = ops[e.op].hints;
        let base = overrides
            .get(&hints.operation_id)
            .cloned()
            .or_else(|| hints.resource.clone())
            .or_else(|| hints.method.clone())
            .unwrap_or_else(|| "Response".to_string());
        bases.entry(base).or_default().entry(e.key).or_default().push(e.op);
    }
    // Each group of structures with the name it would like and how many operations use it.
    let mut wanted: Vec<(String, usize, Vec<&str>, Schema)> = Vec::new();
    let mut grouped: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for (base, structures) in &bases {
        // A structure two resources return belongs to the first one.
        let mut ordered: Vec<(&str, &Vec<usize>)> = structures
            .iter()
            .filter(|(k, _)| !grouped.contains(**k))
            .map(|(k, v)| (*k, v))
            .collect();
        // Most operations first; ties keep document order (a stable sort).
        ordered.sort_by_key(|(_, users)| std::cmp::Reverse(users.len()));
        // Read only while this base is clustered: a key is clustered once.
        let shown: HashMap<&str, Vec<serde_json::Value>> = ordered
            .iter()
            .map(|(k, _)| {
                let texts = examples.get(*k).into_iter().flatten();
                let values = texts.flat_map(|text| match serde_json::from_str(text) {
                    Ok(serde_json::Value::Array(items)) => items,
                    _ => Vec::new(),
                });
                (*k, values.collect())
            })
            .collect();
        let clusters = cluster(
            ordered.iter().map(|(k, _)| (*k, schemas[*k])),
            Overlap::Most,
            |keys, merged| {
                keys.iter()
                    .flat_map(|k| shown.get(*k).into_iter().flatten())
                    .all(|example| crate::example_check::accepts(merged, example))
            },
        );
        for (rank, (keys, merged)) in clusters.into_iter().enumerate() {
            let users: Vec<usize> = ordered
                .iter()
                .filter(|(k, _)| keys.contains(k))
                .flat_map(|(_, users)| users.iter().copied())
                .collect();
            let preferred = if rank == 0 {
                base.clone()
            } else {
                users
                    .iter()
                    .find_map(|op| ops[*op].hints.method.clone().filter(|m| m != base))
                    .unwrap_or_else(|| base.clone())
            };
            let preferred = overrides.get(&preferred).cloned().unwrap_or(preferred);
            grouped.extend(keys.iter().copied());
            wanted.push((preferred, users.len(), keys, merged));
        }
    }
    // The group more operations return gets a contested name (a stable sort: ties keep
    // their order).
    wanted.sort_by_key(|w| std::cmp::Reverse(w.1));
    let mut named = Named {
        groups: Vec::with_capacity(wanted.len()),
        of_key: HashMap::default(),
    };
    let mut taken: HashMap<String, String> = HashMap::default();
    for (preferred, _, keys, mut merged) in wanted {
        let name = unique(&preferred, &mut taken, &structure_key(&mut merged));
        for key in keys {
            named.of_key.insert(key, named.groups.len());
        }
        named.groups.push((name, Some(merged)));
    }
    named
}

/// Groups structures that describe one thing (in order: each joins the first group it
/// fits and whose examples the merged schema still accepts), with the merged schema of
/// each group.
fn cluster<'a>(
    structures: impl Iterator<Item = (&'a str, &'a Schema)>,
    overlap: Overlap,
    accepts: impl Fn(&[&str], &Schema) -> bool,
) -> Vec<(Vec<&'a str>, Schema)> {
    let mut groups: Vec<(Vec<&'a str>, Schema)> = Vec::new();
    for (key, schema) in structures {
        let fit = groups.iter_mut().find_map(|(keys, merged)| {
            let m = unify::objects(merged, schema, overlap)?;
            let mut all = keys.clone();
            all.push(key);
            accepts(&all, &m).then_some((keys, merged, m))
        });
        match fit {
            Some((keys, merged, m)) => {
                keys.push(key);
                *merged = m;
            }
            None => groups.push((vec![key], schema.clone())),
        }
    }
    groups
}

/// `name`, or `name2`, `name3` ... when another structure has it.
fn unique(name: &str, taken: &mut HashMap<String, String>, key: &str) -> String {
    let mut candidate = name.to_string();
    let mut n = 2;
    while let Some(owner) = taken.get(&candidate) {
        if owner == key {
            return candidate;
        }
        candidate = format!("{name}{n}");
        n += 1;
    }
    taken.insert(candidate.clone(), key.to_string());
    candidate
}

/// Nested objects (with properties) found under the same property name in two or more
/// places, with one structure or structures that only differ by what one of them leaves
/// out, become components of their own, named for their property (`author` → `Author`).
fn share_nested(components: &mut IndexMap<String, ReferenceOr<Schema>>) {
    // By name, each structure with its schema, how often it occurs and where first.
    let mut found: IndexMap<String, IndexMap<String, (usize, Schema, String)>> = IndexMap::new();
    for (parent, schema) in components.iter_mut() {
        if let ReferenceOr::Item(s) = schema {
            // Keys leave the schema as it was: it is visited in place.
            visit_nested(s, &mut |name, nested| {
                let entry = found
                    .entry(name.to_string())
                    .or_default()
                    .entry(structure_key(nested))
                    .or_insert_with(|| (0, nested.clone(), parent.clone()));
                entry.0 += 1;
            });
        }
    }
    // Each component's structure, and for each structure the first component (in the
    // document's order) that has it.
    let mut taken: HashMap<String, String> = HashMap::default();
    let mut by_structure: HashMap<String, String> = HashMap::default();
    for (name, s) in components.iter_mut() {
        if let ReferenceOr::Item(s) = s {
            let key = structure_key(s);
            by_structure.entry(key.clone()).or_insert_with(|| name.clone());
            taken.insert(name.clone(), key);
        }
    }
    let properties_of = |name: &str| -> Option<Vec<String>> {
        match components.get(name) {
            Some(ReferenceOr::Item(s)) => match &s.schema_kind {
                SchemaKind::Type(Type::Object(o)) => Some(o.properties.keys().cloned().collect()),
                _ => None,
            },
            _ => None,
        }
    };
    let mut chosen: HashMap<(String, String), String> = HashMap::default();
    let mut added: Vec<(String, Schema)> = Vec::new();
    for (name, structures) in &found {
        let mut ordered: Vec<(&String, &(usize, Schema, String))> = structures.iter().collect();
        ordered.sort_by_key(|(_, (n, _, _))| std::cmp::Reverse(*n));
        let groups = cluster(
            ordered.iter().map(|(k, (_, s, _))| (k.as_str(), s)),
            Overlap::Subset,
            |_, _| true,
        );
        for (keys, mut merged) in groups {
            let occurrences: usize = keys.iter().map(|k| structures[*k].0).sum();
            if occurrences < 2 {
                continue;
            }
            let merged_key = structure_key(&mut merged);
            // Identical to a response schema whose name ends with this one: the same thing.
            let existing = by_structure.get(&merged_key).filter(|e| e.ends_with(name.as_str()));
            let target = match existing {
                Some(existing) => existing.clone(),
                None => {
                    // A name another structure has: `UserBasic` when that one holds all of
                    // this one's properties (a shorter view of it), else the name of the
                    // object it was first found in before its own (`IssueReferences`).
                    let preferred = match taken.get(name.as_str()) {
                        Some(owner) if *owner != merged_key => {
                            let own: Vec<String> = match &merged.schema_kind {
                                SchemaKind::Type(Type::Object(o)) => o.properties.keys().cloned().collect(),
                                _ => Vec::new(),
                            };
                            let fuller = properties_of(name).is_some_and(|all| own.iter().all(|p| all.contains(p)));
                            if fuller {
                                format!("{name}Basic")
                            } else {
                                let parent = &structures[keys[0]].2;
                                format!("{parent}{name}")
                            }
                        }
                        _ => name.clone(),
                    };
                    let target = unique(&preferred, &mut taken, &merged_key);
                    // What the property says about itself stays beside the reference.
                    let mut merged = merged;
                    merged.schema_data.description = None;
                    merged.schema_data.deprecated = false;
                    added.push((target.clone(), merged));
                    target
                }
            };
            for key in keys {
                chosen.insert((name.clone(), key.to_string()), target.clone());
            }
        }
    }
    for (name, schema) in added {
        components.entry(name).or_insert(ReferenceOr::Item(schema));
    }
    if chosen.is_empty() {
        return;
    }
    for (own, schema) in components.iter_mut() {
        if let ReferenceOr::Item(s) = schema {
            replace_nested(s, own, &chosen);
        }
    }
}

/// The name of what a property holds: `author` → `Author`, `tags[]` → `Tag`,
/// `references` (one object) → `References`.
fn property_name(prop: &str, child: &Schema) -> String {
    if crate::types::is_array(child) {
        naming::pascal_singular(prop)
    } else {
        naming::pascal(prop)
    }
}

/// Calls `f` with each nested object (and the name of its property).
fn visit_nested(schema: &mut Schema, f: &mut impl FnMut(&str, &mut Schema)) {
    if let SchemaKind::Type(Type::Object(o)) = &mut schema.schema_kind {
        for (prop, value) in o.properties.iter_mut() {
            let ReferenceOr::Item(child) = value else { continue };
            let name = property_name(prop, child);
            if let Some(object) = nested_object(child) {
                f(&name, object);
            }
            visit_nested(child, f);
        }
    } else {
        for child in children(schema) {
            visit_nested(child, f);
        }
    }
}

/// The object a property holds, directly or as array items. A nullable one stays where it
/// is: OpenAPI 3.0 has no nullable reference, and a nullable component makes generators
/// build its nested objects twice.
fn nested_object(schema: &mut Schema) -> Option<&mut Schema> {
    let is_object = |s: &Schema| {
        !s.schema_data.nullable
            && matches!(&s.schema_kind, SchemaKind::Type(Type::Object(o)) if !o.properties.is_empty())
    };
    if is_object(schema) {
        return Some(schema);
    }
    match &mut schema.schema_kind {
        SchemaKind::Type(Type::Array(a)) => match &mut a.items {
            Some(ReferenceOr::Item(item)) if is_object(item) => Some(item),
            _ => None,
        },
        _ => None,
    }
}

/// Puts `$ref`s where a chosen nested object was. A property's own description stays
/// beside the reference (`allOf`), where OpenAPI 3.0 keeps it.
fn replace_nested(schema: &mut Schema, own: &str, chosen: &HashMap<(String, String), String>) {
    let SchemaKind::Type(Type::Object(o)) = &mut schema.schema_kind else {
        for child in children(schema) {
            replace_nested(child, own, chosen);
        }
        return;
    };
    for (prop, value) in o.properties.iter_mut() {
        let ReferenceOr::Item(child) = value else { continue };
        let name = property_name(prop, child);
        let target = nested_object(child).and_then(|object| {
            let key = structure_key(object);
            chosen.get(&(name.clone(), key)).filter(|t| t.as_str() != own).cloned()
        });
        let Some(target) = target else {
            replace_nested(child, own, chosen);
            continue;
        };
        let reference = format!("#/components/schemas/{target}");
        if let SchemaKind::Type(Type::Array(a)) = &mut child.schema_kind {
            a.items = Some(ReferenceOr::Reference { reference });
            continue;
        }
        let description = child.schema_data.description.take();
        let deprecated = child.schema_data.deprecated;
        if description.is_none() && !deprecated {
            *value = ReferenceOr::Reference { reference };
        } else {
            let mut wrapper = crate::types::schema(SchemaKind::AllOf {
                all_of: vec![ReferenceOr::Reference { reference }],
            });
            wrapper.schema_data.description = description;
            wrapper.schema_data.deprecated = deprecated;
            *value = ReferenceOr::Item(Box::new(wrapper));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn described(text: &str) -> Schema {
        let mut schema = crate::types::any();
        schema.schema_data.description = Some(text.to_string());
        schema
    }

    fn taken(key: &str, text: &str) -> Taken {
        Taken {
            status: StatusCode::Code(200),
            array: false,
            key: key.to_string(),
            object: described(text),
        }
    }

    /// Pages are absorbed as they finish, not in document order: the schema kept for a
    /// structure is still the first one in document order.
    #[test]
    fn the_first_response_in_document_order_gives_the_schema() {
        let mut entities = Entities::default();
        let late = entities.intern((3, 0, 0), taken("k", "page 3"));
        let early = entities.intern((1, 2, 1), taken("k", "page 1, second response"));
        let earlier = entities.intern((1, 2, 0), taken("k", "page 1, first response"));
        let same_place = entities.intern((1, 2, 0), taken("k", "not before itself"));
        let other = entities.intern((0, 0, 0), taken("other", "another structure"));
        assert_eq!([late.entity, early.entity, earlier.entity, same_place.entity], [0; 4]);
        assert_eq!(other.entity, 1);
        let kept = |id: usize| entities.kept[id].1.schema_data.description.clone().unwrap();
        assert_eq!(kept(0), "page 1, first response");
        assert_eq!(kept(1), "another structure");
    }

    /// The key is the JSON of a copy without prose, and the schema is left as it was.
    #[test]
    fn keys_are_the_bare_copy_and_leave_the_schema_whole() {
        fn strip_copy(schema: &Schema, descriptions: bool) -> Schema {
            let mut bare = schema.clone();
            let mut stack = vec![&mut bare];
            while let Some(s) = stack.pop() {
                if descriptions {
                    s.schema_data.description = None;
                }
                s.schema_data.example = None;
                stack.extend(children(s));
            }
            bare
        }
        let with_prose = |mut s: Schema, n: usize| {
            s.schema_data.description = Some(format!("description {n}"));
            s.schema_data.example = Some(serde_json::json!({ "n": n }));
            s
        };
        let mut object = crate::types::object();
        if let SchemaKind::Type(Type::Object(o)) = &mut object.schema_kind {
            let items = with_prose(crate::types::string(), 1);
            let list = with_prose(crate::types::array(items), 2);
            let choice = crate::types::one_of(vec![with_prose(crate::types::integer(), 3), crate::types::boolean()]);
            for (name, schema) in [("list", list), ("choice", choice), ("plain", crate::types::number())] {
                o.properties
                    .insert(name.to_string(), ReferenceOr::Item(Box::new(schema)));
            }
        }
        let mut schema = with_prose(object, 0);
        let before = schema.clone();
        for descriptions in [true, false] {
            let expected = serde_json::to_string(&strip_copy(&before, descriptions)).unwrap();
            assert_eq!(bare_json(&mut schema, descriptions), expected);
            assert_eq!(schema, before);
        }
        assert!(!structure_key(&mut schema).contains("description"));
        // Three properties: the words do not count.
        assert_eq!(entity_key(&mut schema.clone()), structure_key(&mut schema));
    }
}
