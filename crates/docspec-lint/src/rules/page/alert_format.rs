use super::raw::follows_blank_line;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{Alert, AlertForm, TextRange};
use serde::Deserialize;

/// The labels and shortcode types GitLab's alerts use.
const KINDS: &[&str] = &["note", "warning", "flag", "disclaimer"];

/// Words writers use as alert labels, matched at the start of a paragraph or quote line.
const LABEL_WORDS: &[&str] = &[
    "NOTE",
    "Note",
    "note",
    "WARNING",
    "Warning",
    "warning",
    "FLAG",
    "DISCLAIMER",
    "TIP",
    "Tip",
    "tip",
    "CAUTION",
    "Caution",
    "caution",
    "DANGER",
    "Danger",
    "danger",
];

/// Which form alerts take on a page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlertStyle {
    /// Every form GitLab's docs use.
    #[default]
    Any,
    /// `NOTE:` on its own line.
    Label,
    /// `{{< alert type="note" >}}`.
    Shortcode,
    /// `> [!note]`.
    Gfm,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", default, deny_unknown_fields)]
pub struct AlertFormatOptions {
    pub style: AlertStyle,
}

/// ## What it does
/// Checks how alert boxes are written. A label alert has `NOTE:`, `WARNING:`, `FLAG:`
/// or `DISCLAIMER:` alone on its line with the text on the next line, and does not sit
/// in a block quote; other words (`Note:`, `**Note:**`, `TIP:`, `CAUTION:`, `DANGER:`,
/// `Warning:`) are not alert labels. A shortcode alert (`{{< alert type="note" >}}`)
/// uses one of the types `note`, `warning`, `flag` or `disclaimer`, and so does a
/// Markdown alert (`> [!note]`, `> [!flag]`; not GitHub's `[!tip]`, `[!important]` or
/// `[!caution]`). A label inside a list item keeps its text on the next line too.
///
/// ## Why is this bad?
/// The docs site turns only these forms into alert boxes: anything else renders as a
/// plain paragraph or a quote, and the warning is lost among the text. GitLab's
/// `AlertBoxStyle` Vale rule fails the other forms.
///
/// ## Example
/// ````markdown
/// NOTE: Deleting a widget cannot be undone.
///
/// **Tip:** Archive widgets instead.
/// ````
///
/// Use instead:
/// ````markdown
/// NOTE:
/// Deleting a widget cannot be undone. Archive widgets instead.
/// ````
///
/// ## Fix safety
/// Moving the text after a label to the next line, and upper-casing a label
/// (`Note:` to `NOTE:`), is safe: the alert reads the same and now renders as one.
/// Other words, bold labels and alerts inside block quotes are not fixed.
///
/// ## Options
/// - `style` (`any`, `label`, `shortcode` or `gfm`; default `any`): the one form alerts
///   take in this project. When set, an alert written in another form is reported.
///
/// ```yaml
/// rules:
///   alert-format:
///     options:
///       style: shortcode
/// ```
#[derive(RuleMeta)]
#[rule(code = "PG011", name = "alert-format", category = Page, severity = Error, fix = Sometimes, since = "0.1.0", vale = "gitlab_base.AlertFormat, gitlab_docs.AlertBoxStyle")]
pub struct AlertFormat;

impl Check for AlertFormat {
    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), crate::OptionError> {
        crate::options::check::<AlertFormatOptions>(options)
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let options: AlertFormatOptions = ctx.options(&Self::META);
        for alert in &ctx.page.alerts {
            match alert.form {
                AlertForm::Label => check_label(ctx, alert, out),
                AlertForm::Shortcode | AlertForm::Gfm if !KINDS.contains(&alert.kind.as_str()) => {
                    let help = if alert.form == AlertForm::Gfm {
                        "use `[!note]`, `[!warning]`, `[!flag]` or `[!disclaimer]`"
                    } else {
                        "use `type=\"note\"`, `\"warning\"`, `\"flag\"` or `\"disclaimer\"`"
                    };
                    out.push(
                        ctx.report(
                            &Self::META,
                            super::raw::first_line(ctx.source, alert.range),
                            format!("alert type `{}` is not one GitLab uses", alert.kind),
                        )
                        .with_help(help),
                    );
                }
                _ => {}
            }
            if let Some(wanted) = form_of(options.style).filter(|f| *f != alert.form) {
                out.push(
                    ctx.report(
                        &Self::META,
                        super::raw::first_line(ctx.source, alert.range),
                        format!(
                            "alert written as {}; this project writes alerts as {}",
                            describe(alert.form),
                            describe(wanted)
                        ),
                    )
                    .with_help(format!("rewrite it as {}", example(wanted, &alert.kind))),
                );
            }
        }
        check_lines(ctx, out);
    }
}

/// A `NOTE:` paragraph the parser recognized: its label word and where its text starts.
fn check_label(ctx: &LintContext<'_>, alert: &Alert, out: &mut Vec<Diagnostic>) {
    let text = ctx.text(alert.range);
    let Some((label, rest)) = text.split_once(':') else {
        return;
    };
    let label_range = TextRange::new(alert.range.start(), alert.range.start() + label.len() + 1);
    if !matches!(label, "NOTE" | "WARNING" | "FLAG" | "DISCLAIMER") {
        let upper = label.to_ascii_uppercase();
        let fix = matches!(upper.as_str(), "NOTE" | "WARNING")
            .then(|| {
                Fix::safe(
                    format!("Write `{upper}:`"),
                    vec![Edit::replacement(label_range, format!("{upper}:"))],
                )
            })
            .flatten();
        out.push(
            ctx.report(
                &AlertFormat::META,
                label_range,
                format!("`{label}:` is not an alert label"),
            )
            .with_help(format!("write `{}` alone on its line", suggested_label(label)))
            .with_fix(fix),
        );
    }
    if alert.text_on_label_line {
        let line_rest = rest.split('\n').next().unwrap_or("");
        let body = line_rest.trim();
        if body.is_empty() {
            return;
        }
        let space_start = label_range.end();
        let body_start = space_start + (line_rest.len() - line_rest.trim_start().len());
        let body_range = TextRange::new(body_start, body_start + body.len());
        // The paragraph starts a line, so its next line needs no indentation.
        let at_line_start = ctx.source.line_col(alert.range.start()).column == 1;
        let fix = at_line_start
            .then(|| {
                Fix::safe(
                    "Move the text to the next line",
                    vec![Edit::replacement(TextRange::new(space_start, body_start), "\n")],
                )
            })
            .flatten();
        out.push(
            ctx.report(
                &AlertFormat::META,
                body_range,
                format!("text on the same line as `{label}:`"),
            )
            .with_help(format!(
                "put `{}` alone on its line and the text on the next line",
                suggested_label(label)
            ))
            .with_fix(fix),
        );
    }
}

/// Labels the parser does not see: in block quotes, in bold, or other words.
fn check_lines(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let label_starts: Vec<usize> = ctx
        .page
        .alerts
        .iter()
        .filter(|a| a.form == AlertForm::Label)
        .map(|a| a.range.start())
        .collect();
    for (line_no, line) in ctx.prose_lines().iter().copied() {
        let text = ctx.text(line);
        // A label ends with a colon: most lines have none.
        if memchr::memchr(b':', text.as_bytes()).is_none() {
            continue;
        }
        let Some(found) = read_label(text) else {
            continue;
        };
        let range = TextRange::new(line.start() + found.start, line.start() + found.end);
        let written = &text[found.start..found.end];
        if found.quoted {
            out.push(
                ctx.report(
                    &AlertFormat::META,
                    range,
                    format!("alert label `{written}` inside a block quote"),
                )
                .with_help(format!(
                    "remove the `>` and write `{}` alone on its line, the text on the next line",
                    suggested_label(found.word)
                )),
            );
            continue;
        }
        let exact = !found.bold && matches!(found.word, "NOTE" | "WARNING" | "FLAG" | "DISCLAIMER");
        if label_starts.contains(&range.start()) || !follows_blank_line(ctx.source, line_no) {
            continue;
        }
        if exact {
            text_after_nested_label(ctx, line, &found, out);
            continue;
        }
        out.push(
            ctx.report(&AlertFormat::META, range, format!("`{written}` is not an alert label"))
                .with_help(format!(
                    "write `{}` alone on its line and the text on the next line",
                    suggested_label(found.word)
                )),
        );
    }
}

/// A label the parser did not read as an alert (one in a list item) with its text on
/// the same line: the fix moves the text to the next line, indented as the label is.
fn text_after_nested_label(ctx: &LintContext<'_>, line: TextRange, found: &FoundLabel<'_>, out: &mut Vec<Diagnostic>) {
    let text = ctx.text(line);
    let rest = &text[found.end..];
    let body = rest.trim();
    if body.is_empty() {
        return;
    }
    let body_start = line.start() + found.end + (rest.len() - rest.trim_start().len());
    let body_range = TextRange::new(body_start, body_start + body.len());
    let indent = &text[..found.start];
    let fix = Fix::safe(
        "Move the text to the next line",
        vec![Edit::replacement(
            TextRange::new(line.start() + found.end, body_start),
            format!("\n{indent}"),
        )],
    );
    out.push(
        ctx.report(
            &AlertFormat::META,
            body_range,
            format!("text on the same line as `{}:`", found.word),
        )
        .with_help(format!(
            "put `{}:` alone on its line and the text on the next line",
            found.word
        ))
        .with_fix(fix),
    );
}

/// A label at the start of a line: `NOTE:`, `**Note:**`, `> WARNING:`.
struct FoundLabel<'a> {
    word: &'a str,
    /// Byte range of the label in the line, bold markers and colon included.
    start: usize,
    end: usize,
    bold: bool,
    quoted: bool,
}

fn read_label(line: &str) -> Option<FoundLabel<'_>> {
    let mut rest = line.trim_start_matches([' ', '\t']);
    let mut quoted = false;
    while let Some(after) = rest.strip_prefix('>') {
        quoted = true;
        rest = after.trim_start_matches([' ', '\t']);
    }
    let start = line.len() - rest.len();
    let stars = rest.len() - rest.trim_start_matches('*').len();
    let body = &rest[stars..];
    // A label word is the line's whole first word, followed by stars and a colon.
    let letters = body.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = LABEL_WORDS.iter().find(|w| **w == &body[..letters])?;
    let after_word = &body[word.len()..];
    let stars_before_colon = after_word.len() - after_word.trim_start_matches('*').len();
    if !after_word[stars_before_colon..].starts_with(':') {
        return None;
    }
    let after_colon = &after_word[stars_before_colon + 1..];
    let stars_after_colon = after_colon.len() - after_colon.trim_start_matches('*').len();
    let end = start + stars + word.len() + stars_before_colon + 1 + stars_after_colon;
    Some(FoundLabel {
        word,
        start,
        end,
        bold: stars > 0,
        quoted,
    })
}

/// The label GitLab uses for a word: `Tip` and `Note` are notes, the rest warnings.
fn suggested_label(word: &str) -> &'static str {
    match word.to_ascii_uppercase().as_str() {
        "NOTE" | "TIP" | "IMPORTANT" => "NOTE:",
        "FLAG" => "FLAG:",
        "DISCLAIMER" => "DISCLAIMER:",
        _ => "WARNING:",
    }
}

fn form_of(style: AlertStyle) -> Option<AlertForm> {
    match style {
        AlertStyle::Any => None,
        AlertStyle::Label => Some(AlertForm::Label),
        AlertStyle::Shortcode => Some(AlertForm::Shortcode),
        AlertStyle::Gfm => Some(AlertForm::Gfm),
    }
}

fn describe(form: AlertForm) -> &'static str {
    match form {
        AlertForm::Label => "a `NOTE:` label",
        AlertForm::Shortcode => "an `{{< alert >}}` shortcode",
        AlertForm::Gfm => "a `> [!note]` block quote",
    }
}

fn example(form: AlertForm, kind: &str) -> String {
    let kind = if KINDS.contains(&kind) { kind } else { "note" };
    match form {
        AlertForm::Label => format!("`{}:` alone on its line, then the text", kind.to_ascii_uppercase()),
        AlertForm::Shortcode => format!("`{{{{< alert type=\"{kind}\" >}}}}`, the text, `{{{{< /alert >}}}}`"),
        AlertForm::Gfm => format!("`> [!{kind}]`, then the text on `> ` lines"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lint_page, LintSettings, RuleSelection};
    use docspec_model::SourceFile;

    fn findings(text: &str, style: &str) -> Vec<String> {
        let mut rules = RuleSelection::none();
        rules.set("PG011", Some(AlertFormat::META.default_severity));
        let mut settings = LintSettings {
            rules,
            ..LintSettings::default()
        };
        settings
            .options
            .insert("PG011".to_string(), serde_json::json!({ "style": style }));
        let source = SourceFile::new("a.md", text);
        let page = docspec_parser::parse(&source);
        lint_page(&source, &page, &settings)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    const PAGE: &str = "---\ntitle: A\n---\n\nNOTE:\nOne.\n\n> [!warning]\n> Two.\n";

    #[test]
    fn any_style_accepts_every_form() {
        assert!(findings(PAGE, "any").is_empty());
    }

    #[test]
    fn a_style_reports_the_other_forms() {
        let label = findings(PAGE, "label");
        assert_eq!(label.len(), 1, "{label:?}");
        assert!(label[0].contains("`> [!note]` block quote"), "{label:?}");
        let gfm = findings(PAGE, "gfm");
        assert_eq!(gfm.len(), 1, "{gfm:?}");
        assert!(gfm[0].contains("`NOTE:` label"), "{gfm:?}");
    }

    #[test]
    fn reads_labels_in_quotes_and_bold() {
        let found = read_label("> **Note:** x").map(|f| (f.word, f.start, f.end, f.bold, f.quoted));
        assert_eq!(found, Some(("Note", 2, 11, true, true)));
        let found = read_label("NOTE:").map(|f| (f.word, f.start, f.end, f.bold, f.quoted));
        assert_eq!(found, Some(("NOTE", 0, 5, false, false)));
        assert!(read_label("Notes: x").is_none());
        assert!(read_label("> [!note]").is_none());
    }

    /// The label word is found as the line's first word; it was found by trying each
    /// word as a prefix. Both agree on every line built from these pieces.
    #[test]
    fn the_first_word_is_the_label_a_prefix_search_finds() {
        let by_prefix = |body: &str| {
            LABEL_WORDS
                .iter()
                .find(|w| {
                    body.strip_prefix(**w)
                        .is_some_and(|after| after.trim_start_matches('*').starts_with(':'))
                })
                .copied()
        };
        let pieces = ["NOTE", "Note", "Notes", "TIP", "Tipx", "**", ":", " ", "> ", "é", "x"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let line = format!("{a}{b}{c}{d}");
                        let rest = line.trim_start_matches([' ', '\t', '>']);
                        let body = rest.trim_start_matches('*');
                        let expected = by_prefix(body);
                        assert_eq!(read_label(&line).map(|f| f.word), expected, "{line:?}");
                    }
                }
            }
        }
    }
}
