use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TextRange;

/// ## What it does
/// Reports no-break spaces (U+00A0), narrow no-break spaces (U+202F) and zero-width
/// spaces (U+200B) anywhere in the page, code blocks included.
///
/// ## Why is this bad?
/// These characters look like a space, or like nothing, but are not one: a search for
/// two words separated by one fails, a command copied from a code block breaks, and a
/// zero-width space hides inside a word. GitLab's `lint-doc.sh` fails any of them in
/// `doc/`, and so does its `NonStandardSpaces` Vale rule.
///
/// ## Example
/// ````markdown
/// Use this API to manage widgets.
/// ````
///
/// Use instead:
/// ````markdown
/// Use this API to manage widgets.
/// ````
///
/// ## Fix safety
/// Replacing a no-break space with a space and deleting a zero-width space is safe:
/// the rendered page reads the same.
#[derive(RuleMeta)]
#[rule(code = "PG004", name = "non-standard-space", category = Page, severity = Error, fix = Always, since = "0.1.0")]
pub struct NonStandardSpace;

impl Check for NonStandardSpace {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let text = ctx.source.text();
        // All three characters start with byte 0xC2 or 0xE2: look at those bytes only.
        let starts = memchr::memchr2_iter(0xC2, 0xE2, text.as_bytes());
        for (at, c) in starts.filter_map(|i| text.get(i..).and_then(|t| t.chars().next()).map(|c| (i, c))) {
            let (message, replacement, help) = match c {
                '\u{00A0}' => (
                    "no-break space (U+00A0) instead of a plain space",
                    " ",
                    "write a plain space",
                ),
                '\u{202F}' => (
                    "narrow no-break space (U+202F) instead of a plain space",
                    " ",
                    "write a plain space",
                ),
                '\u{200B}' => ("zero-width space (U+200B)", "", "delete the invisible character"),
                _ => continue,
            };
            let range = TextRange::new(at, at + c.len_utf8());
            let edit = if replacement.is_empty() {
                Edit::deletion(range)
            } else {
                Edit::replacement(range, replacement)
            };
            out.push(
                ctx.report(&Self::META, range, message)
                    .with_help(help)
                    .with_fix(Fix::safe(
                        if replacement.is_empty() {
                            "Delete the zero-width space"
                        } else {
                            "Write a plain space"
                        },
                        vec![edit],
                    )),
            );
        }
    }
}
