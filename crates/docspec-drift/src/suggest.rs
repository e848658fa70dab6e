//! Which page should document an operation no page documents: the one whose operations
//! share the longest path prefix with it, or else the one documenting most of its tag.

use crate::DocPage;
use docspec_spec::Spec;
use std::collections::HashMap;

/// A prefix this long (`/projects/{}/widgets`) places an operation by itself; shorter
/// ones (`/projects/{}`) need a shared tag too.
const PLACING_PREFIX: usize = 3;

struct Known<'a> {
    page: usize,
    resource: usize,
    segments: Vec<&'a str>,
    tags: &'a [String],
}

pub struct Index<'a> {
    known: Vec<Known<'a>>,
    pages: usize,
}

/// Per page while ranking: longest shared prefix and its resource, operations of a shared
/// tag (and the resource of the first), operations in all.
#[derive(Clone, Copy, Default)]
struct Score {
    prefix: usize,
    prefix_resource: usize,
    same_tag: usize,
    tag_resource: usize,
    operations: usize,
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
                    segments: key.split('/').skip(1).collect(),
                    tags,
                });
            }
        }
        Index {
            known,
            pages: pages.len(),
        }
    }

    /// The page and resource for an operation with `key` and `tags`, if one fits.
    pub fn suggest(&self, key: &str, tags: &[String]) -> Option<(usize, usize)> {
        let segments: Vec<&str> = key.split('/').skip(1).collect();
        let mut scores = vec![Score::default(); self.pages];
        for k in &self.known {
            let prefix = segments.iter().zip(&k.segments).take_while(|(a, b)| a == b).count();
            let score = &mut scores[k.page];
            if prefix > score.prefix {
                score.prefix = prefix;
                score.prefix_resource = k.resource;
            }
            if k.tags.iter().any(|t| tags.contains(t)) {
                if score.same_tag == 0 {
                    score.tag_resource = k.resource;
                }
                score.same_tag += 1;
            }
            score.operations += 1;
        }
        let mut best: Option<(usize, &Score)> = None;
        for (page, score) in scores.iter().enumerate() {
            if score.prefix < PLACING_PREFIX && score.same_tag == 0 {
                continue;
            }
            let rank = (score.prefix, score.same_tag, score.operations);
            // Earlier pages win ties.
            if best.is_none_or(|(_, b)| rank > (b.prefix, b.same_tag, b.operations)) {
                best = Some((page, score));
            }
        }
        best.map(|(page, score)| {
            let resource = if score.prefix > 0 {
                score.prefix_resource
            } else {
                score.tag_resource
            };
            (page, resource)
        })
    }
}
