//! Snapshots of the content region of the fixture pages, and whole-site properties.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod common;

use common::{all_files, main_element, read, Pages, FIXTURES};
use docspec_html::{render_site, SiteSettings, Theme};
use std::path::Path;

fn render_fixtures() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    Pages::load(Path::new(FIXTURES))
        .render(&Theme::builtin(), out.path())
        .unwrap();
    out
}

#[test]
fn fixture_pages_snapshot() {
    let out = render_fixtures();
    for page in [
        "widgets.html",
        "legacy_gadgets.html",
        "guides/sprockets.html",
        "hostile.html",
    ] {
        let html = read(out.path(), page);
        let name = page.trim_end_matches(".html").replace('/', "__");
        insta::assert_snapshot!(name, main_element(&html));
    }
}

#[test]
fn index_lists_every_page_with_counts() {
    let out = render_fixtures();
    let index = read(out.path(), "index.html");
    insta::assert_snapshot!("index", main_element(&index));
    assert!(index.contains(r#"<a href="widgets.html">Widgets API</a>"#));
    assert!(index.contains("5 endpoints"));
    assert!(index.contains(r##"href="widgets.html#widget-groups""##));
}

#[test]
fn pages_link_assets_and_each_other_relatively() {
    let out = render_fixtures();
    let nested = read(out.path(), "guides/sprockets.html");
    assert!(nested.contains(r#"href="../assets/style.css""#));
    assert!(nested.contains(r#"<html lang="en" data-root="../">"#));
    assert!(
        nested.contains(r#"href="../widgets.html#list-widgets""#),
        "docs links become .html"
    );
    let widgets = read(out.path(), "widgets.html");
    assert!(widgets.contains(r#"href="guides/sprockets.html#list-sprockets""#));
    assert!(
        widgets.contains(r#"href="https://example.com/guide""#),
        "external links are kept"
    );
    for asset in [
        "assets/style.css",
        "assets/search.js",
        "assets/site.js",
        "assets/theme.js",
    ] {
        assert!(out.path().join(asset).is_file(), "{asset}");
    }
}

#[test]
fn method_cards_carry_their_parts() {
    let out = render_fixtures();
    let html = read(out.path(), "widgets.html");
    let main = main_element(&html);
    assert_eq!(html.matches("<h1").count(), 1);
    for anchor in [
        "list-widgets",
        "create-a-widget",
        "update-a-widget",
        "delete-a-widget-deprecated",
        "archive-a-widget",
    ] {
        assert!(common::has_method_card(main, anchor), "{anchor}");
        assert!(main.contains(&format!(r##"href="#{anchor}""##)), "{anchor} self-link");
    }
    assert!(main.contains(r#"<span class="verb verb-patch">PATCH</span>"#));
    assert!(main.contains(r#"<span class="param">:widget_id</span>"#));
    assert!(main.contains(r#"<span class="badge badge-deprecated">Deprecated</span>"#));
    assert_eq!(
        main.matches("badge-deprecated").count(),
        1,
        "only the deprecated method"
    );
    assert!(main.contains("<code>widget_creation</code>"), "history flag");
    assert!(main.contains(r#"<span class="status status-success">201 Created</span>"#));
    assert!(main.contains(r#"<span class="badge badge-offering">GitLab Self-Managed</span>"#));
}

#[test]
fn search_index_has_methods_paths_and_attributes() {
    let out = render_fixtures();
    let json: serde_json::Value = serde_json::from_str(&read(out.path(), "search-index.json")).unwrap();
    let entries = json.as_array().unwrap();
    let create = entries.iter().find(|e| e["t"] == "Create a widget").unwrap();
    assert_eq!(create["u"], "widgets.html#create-a-widget");
    assert_eq!(create["p"][0], "POST /projects/:id/widgets");
    assert!(create["a"].as_array().unwrap().iter().any(|a| a == "color"));
    let script = read(out.path(), "search-index.js");
    assert!(script.starts_with("window.DOCSPEC_SEARCH_INDEX = ["));
}

#[test]
fn rendering_is_deterministic() {
    let pages = Pages::load(Path::new(FIXTURES));
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    pages.render(&Theme::builtin(), first.path()).unwrap();
    let mut reversed = pages.inputs();
    reversed.reverse();
    render_site(&reversed, &Theme::builtin(), &SiteSettings::default(), second.path()).unwrap();
    let (a, b) = (all_files(first.path()), all_files(second.path()));
    assert_eq!(a.len(), b.len());
    for ((path_a, bytes_a), (path_b, bytes_b)) in a.iter().zip(&b) {
        assert_eq!(path_a, path_b);
        assert!(bytes_a == bytes_b, "{} differs between runs", path_a.display());
    }
}

#[test]
fn spec_link_is_relative_to_each_page() {
    let pages = Pages::load(Path::new(FIXTURES));
    let out = tempfile::tempdir().unwrap();
    let settings = SiteSettings {
        title: "Docs".to_string(),
        spec_link: Some("openapi.yaml".to_string()),
        ..SiteSettings::default()
    };
    render_site(&pages.inputs(), &Theme::builtin(), &settings, out.path()).unwrap();
    assert!(read(out.path(), "index.html").contains(r#"href="openapi.yaml" download"#));
    assert!(read(out.path(), "guides/sprockets.html").contains(r#"href="../openapi.yaml" download"#));
    assert!(read(out.path(), "widgets.html").contains("<title>Widgets API · Docs</title>"));
}
