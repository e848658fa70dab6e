//! Heading anchors as GitLab's docs site makes them.

use std::collections::HashMap;

/// Lower case, word characters, hyphens and spaces kept, spaces to hyphens.
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Gives repeated anchors a `-1`, `-2` suffix, in page order.
#[derive(Default)]
pub struct Anchors {
    seen: HashMap<String, usize>,
}

impl Anchors {
    pub fn unique(&mut self, text: &str) -> String {
        let base = slug(text);
        let count = self.seen.entry(base.clone()).or_insert(0);
        let anchor = if *count == 0 { base } else { format!("{base}-{count}") };
        *count += 1;
        anchor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_like_gitlab() {
        assert_eq!(slug("Get a single project's branch"), "get-a-single-projects-branch");
        assert_eq!(slug("List `merge_request` notes"), "list-merge_request-notes");
        let mut a = Anchors::default();
        assert_eq!(a.unique("Example"), "example");
        assert_eq!(a.unique("Example"), "example-1");
    }
}
