//! Helpers shared by the lint test suites.
#![allow(dead_code, clippy::unwrap_used)]

use docspec_lint::{lint_page, LintSettings, RuleSelection};
use docspec_model::SourceFile;
use std::path::{Path, PathBuf};

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Settings with only `codes` enabled, at their default severity.
pub fn only(codes: &[&str]) -> LintSettings {
    let mut rules = RuleSelection::none();
    for code in codes {
        let meta = docspec_lint::find(code).unwrap().meta();
        rules.set(meta.code, Some(meta.default_severity));
    }
    LintSettings {
        rules,
        ..LintSettings::default()
    }
}

/// [`only`], with the options a rule needs to report anything (HI007 needs the current
/// version), read from `doc-fixtures/rules/<CODE>.options.json` where a rule has them.
pub fn only_with_fixture_options(codes: &[&str]) -> LintSettings {
    let mut settings = only(codes);
    for code in codes {
        let path = workspace_root().join(format!("doc-fixtures/rules/{code}.options.json"));
        if let Ok(json) = std::fs::read_to_string(path) {
            settings
                .options
                .insert(code.to_string(), serde_json::from_str(&json).unwrap());
        }
    }
    settings
}

pub fn lint_text(name: &str, text: &str, settings: &LintSettings) -> (SourceFile, Vec<docspec_lint::Diagnostic>) {
    let source = SourceFile::new(name, text);
    let page = docspec_parser::parse(&source);
    let diagnostics = lint_page(&source, &page, settings);
    (source, diagnostics)
}

/// A readable dump of findings: position, code, message, help, and each fix as a diff.
pub fn render(source: &SourceFile, diagnostics: &[docspec_lint::Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let lc = source.line_col(d.range().start());
        out.push_str(&format!(
            "{}:{} {} {} [{}]\n",
            lc.line, lc.column, d.code, d.message, d.severity
        ));
        if let Some(label) = &d.primary.message {
            out.push_str(&format!("  label: {label}\n"));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  help: {help}\n"));
        }
        if let Some(fix) = &d.fix {
            let (fixed, _) = docspec_diagnostics::apply_fixes(source.text(), [fix]);
            out.push_str(&format!("  fix ({:?}): {}\n", fix.applicability(), fix.title()));
            let diff = similar::TextDiff::from_lines(source.text(), &fixed);
            for change in diff.iter_all_changes() {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => "-",
                    similar::ChangeTag::Insert => "+",
                    similar::ChangeTag::Equal => continue,
                };
                out.push_str(&format!("    {sign}{}", change));
                if change.missing_newline() {
                    out.push('\n');
                }
            }
        }
    }
    out
}
