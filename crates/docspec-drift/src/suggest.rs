//! Which page should document an operation no page documents: the one whose operations
//! share the longest path prefix with it, or else the one documenting most of its tag.

use crate::{paths, DocPage};
use docspec_spec::Spec;
use std::collections::HashMap;

/// A prefix this long (`/projects/{}/widgets`) places an operation by itself; shorter
/// ones (`/projects/{}`) need a shared tag too.
const PLACING_PREFIX: usize = 3;

struct Known<'a> {
    page: usize,
    resource: usize,
    key: &'a str,
    tags: &'a [String],
}

pub struct Index<'a> {
    known: Vec<Known<'a>>,
}

impl<'a> Index<'a> {
    pub fn new(
        pages: &'a [DocPage],
        spec: &'a Spec,
        spec_keys: &'a [(String, Vec<String>)],
        by_key: &HashMap<(String, String), usize>,
    ) -> Self {
        let mut known = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            for op in &page.operations {
                let spec_op = by_key.get(&(op.verb.clone(), op.key.clone()));
                let tags: &[String] = spec_op.map_or(&[], |i| spec.operations[*i].tags.as_slice());
                let key = spec_op.map_or(op.key.as_str(), |i| spec_keys[*i].0.as_str());
                known.push(Known {
                    page: p,
                    resource: page.methods[op.method].resource,
                    key,
                    tags,
                });
            }
        }
        Index { known }
    }

    /// The page and resource for an operation with `key` and `tags`, if one fits.
    pub fn suggest(&self, key: &str, tags: &[String]) -> Option<(usize, usize)> {
        // Per page: longest shared prefix (and its resource), operations of a shared tag.
        let mut best: HashMap<usize, (usize, usize, usize, usize)> = HashMap::new();
        for k in &self.known {
            let prefix = paths::shared_prefix(key, k.key);
            let same_tag = usize::from(k.tags.iter().any(|t| tags.contains(t)));
            let entry = best.entry(k.page).or_insert((0, 0, k.resource, 0));
            if prefix > entry.0 {
                entry.0 = prefix;
                entry.2 = k.resource;
            }
            if same_tag > 0 && entry.1 == 0 && entry.0 == 0 {
                entry.2 = k.resource;
            }
            entry.1 += same_tag;
            entry.3 += 1;
        }
        best.into_iter()
            .filter(|(_, (prefix, same_tag, _, _))| *prefix >= PLACING_PREFIX || *same_tag > 0)
            .max_by(|(pa, a), (pb, b)| {
                (a.0, a.1, a.3)
                    .cmp(&(b.0, b.1, b.3))
                    // Earlier pages win ties.
                    .then(pb.cmp(pa))
            })
            .map(|(page, (_, _, resource, _))| (page, resource))
    }
}
