//! Theme overrides, ejection, and strict templates.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod common;

use common::{all_files, Pages, FIXTURES};
use docspec_html::{RenderError, Theme};
use std::path::Path;

#[test]
fn a_missing_field_is_an_error_naming_the_template() {
    let theme_dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(theme_dir.path().join("partials")).unwrap();
    std::fs::write(
        theme_dir.path().join("partials/method.html"),
        "<article>{{ titel }}</article>",
    )
    .unwrap();
    let theme = Theme::with_overrides(theme_dir.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = Pages::load(Path::new(FIXTURES)).render(&theme, out.path()).unwrap_err();
    assert!(matches!(err, RenderError::Render { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("partials/method.html"), "{message}");
    assert!(message.contains("titel"), "{message}");
}

#[test]
fn a_syntax_error_names_the_file() {
    let theme_dir = tempfile::tempdir().unwrap();
    std::fs::write(theme_dir.path().join("index.html"), "{% for p in groups %}unclosed").unwrap();
    let theme = Theme::with_overrides(theme_dir.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = Pages::load(Path::new(FIXTURES)).render(&theme, out.path()).unwrap_err();
    assert!(err.to_string().contains("index.html"), "{err}");
}

#[test]
fn overrides_replace_files_one_by_one() {
    let theme_dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(theme_dir.path().join("assets")).unwrap();
    std::fs::write(theme_dir.path().join("assets/style.css"), "body { color: red }").unwrap();
    std::fs::write(theme_dir.path().join("assets/logo.svg"), "<svg/>").unwrap();
    let theme = Theme::with_overrides(theme_dir.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    Pages::load(Path::new(FIXTURES)).render(&theme, out.path()).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.path().join("assets/style.css")).unwrap(),
        "body { color: red }"
    );
    assert!(out.path().join("assets/logo.svg").is_file());
    assert!(
        out.path().join("assets/search.js").is_file(),
        "untouched files stay built in"
    );
}

#[test]
fn unknown_theme_files_are_refused() {
    let theme_dir = tempfile::tempdir().unwrap();
    std::fs::write(theme_dir.path().join("pages.hbs"), "x").unwrap();
    let err = Theme::with_overrides(theme_dir.path()).unwrap_err();
    assert!(err.to_string().contains("pages.hbs"), "{err}");
}

#[test]
fn eject_copies_the_defaults_once() {
    let dir = tempfile::tempdir().unwrap();
    let written = Theme::eject(dir.path()).unwrap();
    assert!(written.iter().any(|p| p.ends_with("partials/method.html")));
    assert_eq!(written.len(), Theme::builtin().file_names().count());
    let err = Theme::eject(dir.path()).unwrap_err();
    assert!(matches!(err, RenderError::WouldOverwrite { .. }), "{err:?}");

    // An ejected, unchanged theme renders the same site as the built-in one.
    let pages = Pages::load(Path::new(FIXTURES));
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    pages.render(&Theme::builtin(), a.path()).unwrap();
    pages
        .render(&Theme::with_overrides(dir.path()).unwrap(), b.path())
        .unwrap();
    assert!(all_files(a.path()) == all_files(b.path()));
}

#[test]
fn page_paths_cannot_escape_the_output() {
    let source = docspec_model::SourceFile::new("x.md", "# X\n");
    let page = docspec_parser::parse(&source);
    let out = tempfile::tempdir().unwrap();
    for path in ["../x.md", "/tmp/x.md", "a/../../x.md"] {
        let input = docspec_html::PageInput {
            path,
            source: &source,
            page: &page,
        };
        let err = docspec_html::render_site(&[input], &Theme::builtin(), &Default::default(), out.path()).unwrap_err();
        assert!(matches!(err, RenderError::PagePath { .. }), "{path}: {err:?}");
    }
}

#[test]
fn a_theme_that_loops_over_the_name_parts_renders_what_the_wbr_filter_does() {
    // Themes ejected before the `wbr` filter loop over the parts; the page data keeps them.
    let builtin = include_str!("../../../templates/partials/attributes.html");
    let looped = builtin
        .replace(
            "{{ row.name_parts|wbr }}",
            "{% for part in row.name_parts %}{{ part }}{% if not loop.last %}<wbr>{% endif %}{% endfor %}",
        )
        .replace(
            "{{ row.type_parts|wbr }}",
            "{% for part in row.type_parts %}{{ part }}{% if not loop.last %}<wbr>{% endif %}{% endfor %}",
        );
    assert_ne!(looped, builtin, "the built-in table uses the filter");
    let theme_dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(theme_dir.path().join("partials")).unwrap();
    std::fs::write(theme_dir.path().join("partials/attributes.html"), looped).unwrap();
    let pages = Pages::load(Path::new(FIXTURES));
    let with_filter = tempfile::tempdir().unwrap();
    let with_loops = tempfile::tempdir().unwrap();
    pages.render(&Theme::builtin(), with_filter.path()).unwrap();
    pages
        .render(&Theme::with_overrides(theme_dir.path()).unwrap(), with_loops.path())
        .unwrap();
    let filtered = all_files(with_filter.path());
    assert!(
        filtered
            .iter()
            .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("<wbr>")),
        "the fixtures have names that break"
    );
    assert_eq!(filtered, all_files(with_loops.path()));
}
