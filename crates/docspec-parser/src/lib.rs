//! Markdown API reference pages to the docspec model.
//!
//! Parsing never fails: [`parse`] always returns a [`Page`], and whatever could not be
//! read is kept in `Page::issues` for lint to report.
//!
//! # The grammar of an API page
//!
//! ```text
//! page        = front-matter? preamble section*
//! front-matter= "---" YAML "---"              (title: gives the page title)
//! preamble    = availability? history? prose   (before the first heading, or under the H1)
//! section     = heading (availability | history | alert | prose | request-block
//!                        | attribute-table | success-sentence | example)*
//! method      = a section holding a request block at its top level; subsections
//!               without a request block belong to it; a method under another method's
//!               heading, for a path of that method, is its variant (shares its table)
//! resource    = the nearest enclosing section (level 2 or deeper) of a method that is
//!               not a method itself; otherwise the page
//! request-block   = fenced `plaintext` block, lines `VERB target` (VERB an HTTP method)
//! attribute-table = table whose first header cell names the attribute or parameter;
//!                   a `Required` column or its place before the success sentence and
//!                   examples makes it a request table, otherwise a response table
//! success-sentence= paragraph starting "If successful, returns"
//! example     = other code block: `shell` with `curl` (cURL), `json` (response, or
//!               request body when its lead-in says so)
//! availability= `DETAILS:` paragraph | `{{< details >}}` list | `**(TIER)**` badge
//! history     = `> - item` list | `> Introduced ...` quote | `{{< history >}}` list
//! alert       = `NOTE:`/`WARNING:`/`FLAG:` paragraph | `{{< alert >}}` | `> [!note]`
//! ```

mod availability;
mod blocks;
mod frontmatter;
mod history;
mod items;
mod page;
mod request;
mod requirement;
mod response;
mod success;
mod tables;

pub use blocks::{events, markdown_options, PageEvent};
pub use docspec_model::path_params;
pub use docspec_model::{Page, SourceFile};
pub use history::{find_version, HISTORY_VERBS};
pub use request::HTTP_VERBS;
pub use success::split_status;

/// Reads one page. Never fails; problems are in `Page::issues`.
pub fn parse(source: &SourceFile) -> Page {
    parse_str(source.text())
}

pub fn parse_str(text: &str) -> Page {
    parse_with(text, blocks::build)
}

/// Reads one page from its events (from [`events`]), which the caller keeps for other
/// uses (the rendered prose).
pub fn parse_events<'a>(text: &'a str, events: &[PageEvent<'a>]) -> Page {
    parse_with(text, |text| blocks::build_kept(text, events))
}

fn parse_with<'a>(text: &'a str, tree: impl FnOnce(&'a str) -> blocks::Tree) -> Page {
    if text.trim().is_empty() {
        let mut page = Page::default();
        page.issues.push(docspec_model::ParseIssue {
            kind: docspec_model::ParseIssueKind::Empty,
            range: docspec_model::TextRange::new(0, text.len()),
            message: "the page is empty".to_string(),
        });
        return page;
    }
    let tree = tree(text);
    page::build(text, tree)
}
