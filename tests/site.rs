//! `docspec render` and `docspec build` on pages the tests write: clean output through
//! the site's manifest, links outside the rendered pages or to anchors they lack, and the
//! `render:` settings.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::{docspec, Run};
use std::fs;
use std::path::Path;

const PAGE: &str = "---\ntitle: Things API\n---\n\nSee [users](../users/users.md) and [more](more.md).\n\n\
## List things\n\n```plaintext\nGET /things\n```\n";
const MORE: &str = "# More API\n\n## Get more\n\n```plaintext\nGET /more\n```\n";

fn write(dir: &Path, name: &str, text: &str) {
    fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

/// `docspec COMMAND DOCS -o OUT --no-config EXTRA...`, which must succeed.
fn site(command: &str, docs: &Path, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        command,
        docs.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--no-config",
    ];
    args.extend_from_slice(extra);
    let run = docspec(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

/// The lines of a run's report with findings of `code` (`SI001`).
fn findings_of<'r>(run: &'r Run, code: &str) -> Vec<&'r str> {
    let tag = format!("[{code}]");
    run.stderr.lines().filter(|l| l.contains(&tag)).collect()
}

#[test]
fn a_new_build_removes_its_own_stale_pages_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let out = dir.path().join("public");
    write(&docs, "things.md", PAGE);
    write(&docs, "old/more.md", MORE);
    site("build", &docs, &out, &[]);
    assert!(out.join("old/more.html").is_file());
    write(&out, "CNAME", "docs.example.com");
    write(&out, "old/notes.txt", "mine");

    fs::remove_dir_all(docs.join("old")).unwrap();
    site("build", &docs, &out, &[]);
    assert!(!out.join("old/more.html").exists(), "the stale page is gone");
    assert!(out.join("things.html").is_file() && out.join("openapi.yaml").is_file());
    assert!(
        out.join("CNAME").is_file() && out.join("old/notes.txt").is_file(),
        "the user's files stay"
    );

    site("render", &docs, &out, &[]);
    assert!(
        !out.join("openapi.yaml").exists(),
        "render removes what build wrote before"
    );
    assert!(out.join("CNAME").is_file());
}

#[test]
fn links_to_pages_not_rendered_are_reported_once_or_sent_to_the_published_docs() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let out = dir.path().join("site");
    write(&docs, "things.md", PAGE);
    let run = site("render", &docs, &out, &[]);
    let reported = findings_of(&run, "SI001");
    assert_eq!(reported.len(), 2, "{}", run.stderr);
    assert!(reported[0].contains("things.md:5:5: warning[SI001]"), "{}", reported[0]);
    assert!(reported[0].contains("`../users/users.md`"), "{}", reported[0]);

    let run = site(
        "render",
        &docs,
        &out,
        &["--docs-base-url", "https://docs.example.com/api/"],
    );
    assert!(findings_of(&run, "SI001").is_empty(), "{}", run.stderr);
    let html = fs::read_to_string(out.join("things.html")).unwrap();
    assert!(
        html.contains(r#"href="https://docs.example.com/users/users.html""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="https://docs.example.com/api/more.html""#),
        "{html}"
    );
}

#[test]
fn links_to_anchors_another_rendered_page_lacks_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let out = dir.path().join("site");
    write(
        &docs,
        "things.md",
        "---\ntitle: Things API\n---\n\n## List things\n\nSee [a gadget](sub/gadgets.md#get-a-gadget), \
         [gone](sub/gadgets.md#delete-a-gadget), [old](sub/gadgets.md#old-anchor),\n\
         [the top](sub/gadgets.md#top) and [encoded](sub/gadgets.md#caf%C3%A9-gadgets).\n",
    );
    write(
        &docs,
        "sub/gadgets.md",
        "# Gadgets API\n\n## Get a gadget **(PREMIUM)**\n\n<a id=\"old-anchor\"></a>\n\n## Café gadgets\n\n\
         Back to [things](../things.md#list-thing) and [all things](../things.md#list-things).\n",
    );
    let run = site("render", &docs, &out, &[]);
    let reported = findings_of(&run, "SI002");
    assert_eq!(reported.len(), 2, "{}", run.stderr);
    assert!(
        reported[0].contains("sub/gadgets.md:9:9: warning[SI002]"),
        "{}",
        reported[0]
    );
    assert!(reported[0].contains("`../things.md#list-thing`"), "{}", reported[0]);
    assert!(reported[0].ends_with("did you mean `#list-things`?"), "{}", reported[0]);
    assert!(!reported[1].contains("did you mean"), "{}", reported[1]);
    assert!(
        reported[1].contains("things.md:7:46: warning[SI002]"),
        "{}",
        reported[1]
    );
    assert!(
        reported[1].contains("`sub/gadgets.md#delete-a-gadget`"),
        "{}",
        reported[1]
    );

    let run = site("build", &docs, &out, &[]);
    assert!(
        run.stderr
            .contains("2 links to anchors their page does not have (SI002"),
        "{}",
        run.stderr
    );
}

#[test]
fn render_settings_come_from_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    write(&docs, "things.md", PAGE);
    write(
        &docs,
        ".docspec.yml",
        "render:\n  title: Things\n  docs_base_url: \"https://docs.example.com/{path}/\"\n  \
         edit_url: \"https://git.example.com/docs/-/edit/main/{path}\"\n",
    );
    let out = dir.path().join("site");
    let run = docspec(&["render", docs.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("SI001"), "{}", run.stderr);
    let html = fs::read_to_string(out.join("things.html")).unwrap();
    assert!(html.contains("<title>Things API · Things</title>"), "{html}");
    assert!(
        html.contains(r#"href="https://docs.example.com/users/users/""#),
        "{html}"
    );
    assert!(
        html.contains(
            r#"<a class="edit-link" href="https://git.example.com/docs/-/edit/main/things.md">Edit this page</a>"#
        ),
        "{html}"
    );
    assert!(
        html.contains(r#"<meta name="description" content="See users and more.">"#),
        "{html}"
    );
}
