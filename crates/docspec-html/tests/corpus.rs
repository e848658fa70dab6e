//! The GitLab corpus renders without error, and every method gets its anchor.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod common;

use common::{read, Pages, CORPUS};
use docspec_html::{method_anchor, Theme};
use std::path::Path;

#[test]
fn corpus_renders_with_every_anchor() {
    let corpus = Path::new(CORPUS).join("doc");
    if !corpus.is_dir() {
        println!("skipping: the GitLab corpus is not at {}", corpus.display());
        return;
    }
    let pages = Pages::load(&corpus);
    let out = tempfile::tempdir().unwrap();
    let report = pages.render(&Theme::builtin(), out.path()).unwrap();
    assert_eq!(report.pages, pages.pages.len());
    let mut checked = 0;
    for ((path, _), page) in pages.sources.iter().zip(&pages.pages) {
        let html = read(out.path(), &path.replace(".md", ".html"));
        assert_eq!(html.matches("<h1").count(), 1, "{path}");
        for method in page.methods() {
            let anchor = method_anchor(method);
            assert!(!anchor.is_empty(), "{path}: {}", method.title.value);
            assert!(
                common::has_method_card(&html, &anchor),
                "{path}: no anchor {anchor:?} for {:?}",
                method.title.value
            );
            checked += 1;
        }
    }
    assert!(checked > 400, "only {checked} methods checked");
}
