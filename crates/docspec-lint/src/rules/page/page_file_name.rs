use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::TextRange;

/// ## What it does
/// Checks the page's file name and folders: no `README.md`, no upper-case letters in
/// the file or folder names, and no dashes in them (underscores instead). When the path
/// has a `doc/` folder, the folders below it are checked; otherwise only the file name,
/// so that the folder a project is checked out in does not matter.
///
/// ## Why is this bad?
/// The file path is the page's URL on the docs site. One naming scheme keeps URLs
/// predictable and links easy to write, and avoids pages that differ only in case,
/// which break on case-insensitive file systems. GitLab's `lint-doc.sh` fails
/// `README.md` files (the docs site uses `_index.md` or `index.md`), upper-case
/// letters, and new dashes in file and folder names under `doc/`.
///
/// ## Example
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// Saved as `doc/api/Widget-Settings.md`.
/// ````
///
/// Use instead:
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// Saved as `doc/api/widget_settings.md`.
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG014", name = "page-file-name", category = Page, severity = Warning, fix = None, since = "0.1.0")]
pub struct PageFileName;

impl Check for PageFileName {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let components: Vec<&str> = ctx
            .source
            .path()
            .split(['/', '\\'])
            .filter(|c| !c.is_empty() && *c != "." && *c != "..")
            .collect();
        let Some((file, folders)) = components.split_last() else {
            return;
        };
        // Folders count only below the last `doc` folder.
        let folders: &[&str] = match folders.iter().rposition(|c| *c == "doc") {
            Some(doc) => &folders[doc + 1..],
            None => &[],
        };
        let at = TextRange::empty(0);
        if *file == "README.md" {
            out.push(
                ctx.report(&Self::META, at, "page is named `README.md`")
                    .with_help("name it `_index.md` (or `index.md`): the docs site does not publish `README.md`"),
            );
        } else {
            let stem = file.strip_suffix(".md").unwrap_or(file);
            let wanted = format!("{}.md", stem.to_lowercase().replace('-', "_"));
            if file.chars().any(char::is_uppercase) {
                out.push(
                    ctx.report(&Self::META, at, format!("file name `{file}` has upper-case letters"))
                        .with_help(format!("rename the file to `{wanted}`")),
                );
            }
            if stem.contains('-') {
                out.push(
                    ctx.report(&Self::META, at, format!("file name `{file}` has dashes"))
                        .with_help(format!("rename the file to `{wanted}`: use underscores between words")),
                );
            }
        }
        for folder in folders {
            let wanted = folder.to_lowercase().replace('-', "_");
            if folder.chars().any(char::is_uppercase) {
                out.push(
                    ctx.report(
                        &Self::META,
                        at,
                        format!("folder name `{folder}` has upper-case letters"),
                    )
                    .with_help(format!("rename the folder to `{wanted}`")),
                );
            }
            if folder.contains('-') {
                out.push(
                    ctx.report(&Self::META, at, format!("folder name `{folder}` has dashes"))
                        .with_help(format!(
                            "rename the folder to `{wanted}`: use underscores between words"
                        )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{lint_page, LintSettings, RuleSelection};
    use docspec_model::SourceFile;

    fn run(path: &str) -> Vec<String> {
        let mut rules = RuleSelection::none();
        rules.set("PG014", Some(docspec_diagnostics::Severity::Warning));
        let settings = LintSettings {
            rules,
            ..LintSettings::default()
        };
        let source = SourceFile::new(path, "---\ntitle: A\n---\n");
        let page = docspec_parser::parse(&source);
        lint_page(&source, &page, &settings)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn checks_the_file_name() {
        assert_eq!(run("README.md"), ["page is named `README.md`"]);
        assert_eq!(
            run("Widget-Settings.md"),
            [
                "file name `Widget-Settings.md` has dashes",
                "file name `Widget-Settings.md` has upper-case letters"
            ]
        );
        assert!(run("widget_settings.md").is_empty());
    }

    #[test]
    fn checks_folders_only_below_doc() {
        assert!(run("/home/My-Checkout/gitlab/doc/api/widgets.md").is_empty());
        assert!(run("My-Docs/widgets.md").is_empty());
        assert_eq!(
            run("C:\\Work\\doc\\User-Guide\\widgets.md"),
            [
                "folder name `User-Guide` has dashes",
                "folder name `User-Guide` has upper-case letters"
            ]
        );
        assert_eq!(
            run("./doc/api/Widgets.md"),
            ["file name `Widgets.md` has upper-case letters"]
        );
    }
}
