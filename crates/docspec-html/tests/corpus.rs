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

type Site = (Pages, tempfile::TempDir, docspec_html::RenderReport);

/// The corpus rendered once for the checks below, or `None` (with a message) without it.
fn corpus_site() -> Option<&'static Site> {
    static SITE: std::sync::OnceLock<Option<Site>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let corpus = Path::new(CORPUS).join("doc");
        if !corpus.is_dir() {
            println!("skipping: the GitLab corpus is not at {}", corpus.display());
            return None;
        }
        let pages = Pages::load(&corpus);
        let out = tempfile::tempdir().unwrap();
        let report = pages.render(&Theme::builtin(), out.path()).unwrap();
        Some((pages, out, report))
    })
    .as_ref()
}

/// Text of `html` outside `<pre>` blocks.
fn outside_code(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("</pre>").map_or("", |end| &rest[start + end..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn every_block_appears_once_as_what_it_is() {
    let Some((pages, out, _)) = corpus_site() else { return };
    for (path, _) in &pages.sources {
        let html = outside_code(&read(out.path(), &path.replace(".md", ".html")));
        // Availability of any vintage is a badge, never the raw `DETAILS:` block.
        assert!(!html.contains("DETAILS:"), "{path}: a raw DETAILS block");
        // An alert is a note box, not also an example's caption.
        assert!(
            !html.contains("example-caption\">NOTE:"),
            "{path}: an alert as a caption"
        );
        assert!(!html.contains("text-overflow"), "{path}");
    }
    let tokens = read(out.path(), "api/personal_access_tokens.html");
    let note = "Non-administrators can rotate their own tokens.";
    assert_eq!(tokens.matches(note).count(), 1, "the NOTE is shown once");
    let markdown = read(out.path(), "api/markdown.html");
    let section = &markdown[markdown.find(r#"id="required-authentication""#).unwrap()..];
    let section = &section[..section.find("<article").unwrap()];
    assert!(
        section.contains("history-list"),
        "history outside a method is a history list"
    );
    assert!(!section.contains("<blockquote>"), "not a plain quote");
}

#[test]
fn index_counts_endpoints_per_section_and_follows_the_api_index() {
    let Some((_, out, _)) = corpus_site() else { return };
    let index = read(out.path(), "index.html");
    let entry = |page: &str, title: &str| -> String {
        let card = &index[index.find(&format!(r#"<a href="{page}">"#)).unwrap()..];
        let card = &card[..card.find("</li>\n</ul>").unwrap()];
        let at = card.find(&format!(">{title}</a>")).unwrap();
        card[at..card[at..].find("</li>").unwrap() + at].to_string()
    };
    assert!(
        !entry("api/protected_branches.html", "Valid access levels").contains("count"),
        "a section without methods has no count"
    );
    assert!(entry("api/issues.html", "Time tracking").contains(r#"<span class="count">5</span>"#));
    let groups: Vec<&str> = index
        .match_indices(r#"<h2 class="group-title">"#)
        .map(|(at, _)| &index[at..])
        .collect();
    assert!(
        groups[0].starts_with(r#"<h2 class="group-title">Project resources<"#),
        "{}",
        &groups[0][..60]
    );
    let nav = read(out.path(), "nav.js");
    let access = nav.find("Group and project access requests API").unwrap();
    let branches = nav.find("Branches API").unwrap();
    let wikis = nav.find("Project wikis API").unwrap_or(usize::MAX);
    assert!(access < branches && branches < wikis, "api_resources.md order");
}

#[test]
fn deprecations_tiers_and_parameters_are_shown_as_the_model_reads_them() {
    let Some((pages, out, _)) = corpus_site() else { return };
    let mut deprecated_rows = 0;
    let mut marked_rows = 0;
    for ((path, _), page) in pages.sources.iter().zip(&pages.pages) {
        for method in page.methods() {
            for table in method.request_tables.iter().chain(&method.response_tables) {
                for row in &table.rows {
                    let Some(name) = &row.name else { continue };
                    let Some(column) = table.columns.description else {
                        continue;
                    };
                    let Some(cell) = page.row_cells(table, row).get(column) else {
                        continue;
                    };
                    let flat = docspec_model::flat::Flat::new(&cell.inlines);
                    if docspec_model::flat::deprecation_mark(&flat, &name.name).is_some() {
                        deprecated_rows += 1;
                    }
                }
            }
        }
        let html = read(out.path(), &path.replace(".md", ".html"));
        marked_rows += (0..5)
            .map(|d| html.matches(&format!(r#"<tr class="depth-{d} is-deprecated""#)).count())
            .sum::<usize>();
    }
    assert!(deprecated_rows >= 10, "{deprecated_rows}");
    assert_eq!(
        marked_rows, deprecated_rows,
        "every deprecated attribute is marked, no other"
    );

    let issues = read(out.path(), "api/issues.html");
    let main = common::main_element(&issues);
    let header = &main[..main.find("</header>").unwrap()];
    assert!(
        header.contains("badge-tier"),
        "the shared tiers are shown once, in the page header"
    );
    assert!(main.contains(r#"<h3 class="block-title">Path parameters</h3>"#));
    assert!(main.contains(r#"<h3 class="block-title">Query parameters</h3>"#));
    assert!(main.contains(r#"<h3 class="block-title">Body parameters</h3>"#));
    let milestones = read(out.path(), "api/milestones.html");
    assert!(
        milestones.contains(r#"<span class="introduced">Since 15.10</span>"#),
        "introduced-in per attribute"
    );
}

#[test]
fn links_outside_the_site_are_reported_once_or_sent_to_the_docs() {
    let Some((pages, out, report)) = corpus_site() else {
        return;
    };
    assert!(report.findings.len() > 100, "{}", report.findings.len());
    let first = &report.findings[0];
    assert_eq!(first.code, "SI001");
    assert!(first.line > 0 && first.path.ends_with(".md"), "{first:?}");
    let mut unique = report.findings.clone();
    unique.dedup();
    assert_eq!(unique.len(), report.findings.len(), "each link once");

    let published = tempfile::tempdir().unwrap();
    let settings = docspec_html::SiteSettings {
        docs_base_url: Some("https://docs.gitlab.com/{path}/".to_string()),
        ..docspec_html::SiteSettings::default()
    };
    let report = docspec_html::render_site(&pages.inputs(), &Theme::builtin(), &settings, published.path()).unwrap();
    assert!(report.findings.is_empty(), "{:?}", report.findings.first());
    let wikis = read(published.path(), "api/wikis.html");
    assert!(
        wikis.contains(r#"href="https://docs.gitlab.com/api/group_wikis/"#),
        "outside links go to the docs"
    );
    assert!(out.path().join("api/issues.html").is_file());
}

#[test]
fn the_site_grows_with_the_docs_not_their_square() {
    let Some((pages, out, _)) = corpus_site() else { return };
    let mut markdown = 0;
    let mut html = 0;
    for (path, source) in &pages.sources {
        let page = std::fs::metadata(out.path().join(path.replace(".md", ".html")))
            .unwrap()
            .len() as usize;
        // A page weighs its own content, plus a fixed head and header.
        assert!(page < 4 * source.text().len() + 8_000, "{path}: {page} bytes");
        markdown += source.text().len();
        html += page;
    }
    assert!(html < 4 * markdown, "{html} bytes of pages for {markdown} of Markdown");
    let avatar = std::fs::metadata(out.path().join("api/avatar.html")).unwrap().len();
    assert!(avatar < 12_000, "a one-method page is small: {avatar}");
    let description = read(out.path(), "api/avatar.html");
    assert!(
        description.contains(r#"<meta name="description" content=""#),
        "a meta description"
    );
}
