use crate::rules::helpers::attribute_tables;
use crate::vocabulary::{canonical_type, is_known_type};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks that the Type cell of attribute tables (request and response) uses a word of
/// the type vocabulary: `string`, `integer`, `boolean`, `array`, `hash`, `object`,
/// `date`, `datetime`, `float`, `number`, `file`, `integer or string`, `<type> array`
/// (`integer array`, `object array`), `array of strings`, and the other forms GitLab's
/// pages use (`docspec explain unknown-type` lists them all), plus the words configured
/// under `types:` in `.docspec.yml`.
///
/// ## Why is this bad?
/// Readers and tools map these words to JSON types; `String`, `Array[String]` or a free
/// description in the Type column read differently on every page and cannot be mapped.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// | Attribute | Type    | Required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | Integer | Yes      | ID of the widget. |
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// | Attribute | Type    | Required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | integer | Yes      | ID of the widget. |
/// ````
///
/// ## Fix safety
/// A known type in another spelling (`String`, `array of string`, `Array[String]`) is
/// rewritten to the vocabulary word; the type stays the same.
///
/// ## Options
/// Extra allowed words come from the top-level `types:` list of `.docspec.yml`.
#[derive(RuleMeta)]
#[rule(code = "AT006", name = "unknown-type", category = Attributes, severity = Warning, fix = Sometimes, since = "0.1.0")]
pub struct UnknownType;

impl Check for UnknownType {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (_, table, _) in attribute_tables(ctx.page) {
            for row in &table.rows {
                let Some(ty) = &row.type_ else { continue };
                let word = ty.value.trim();
                if word.is_empty() {
                    out.push(
                        ctx.report(&Self::META, row.range, "the Type cell is empty")
                            .with_help("write the type, for example `string` or `integer`"),
                    );
                    continue;
                }
                // The template's own placeholder is `template-placeholder`'s to report.
                if is_known_type(word, &ctx.settings.extra_types) || word == "datatype" {
                    continue;
                }
                let d = ctx.report(&Self::META, ty.range, format!("unknown type `{word}`"));
                out.push(match canonical_type(word) {
                    Some(canonical) => d
                        .with_help(format!("write `{canonical}`"))
                        .with_fix(Fix::safe(format!("Write `{canonical}`"), vec![Edit::replacement(ty.range, canonical)])),
                    None => d.with_help("use a type of the vocabulary (`docspec explain unknown-type`), or add the word to `types:` in `.docspec.yml`"),
                });
            }
        }
    }
}
