use super::{method_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use serde::Deserialize;

/// ## What it does
/// Checks that the attributes a method's cURL example sends (query parameters, `--data`
/// keys, JSON body keys, `--form` fields) are rows of the method's request attribute
/// table. Authentication and pagination parameters (`private_token`, `access_token`,
/// `job_token`, `sudo`, `page`, `per_page`, `pagination`) are always allowed. Nested
/// attributes count for their top-level attribute, however the table writes them:
/// `assets:links:name`, `assets[links]` and `assets.links` all document `assets`.
///
/// ## Why is this bad?
/// An example that sends an undocumented attribute is either wrong (a typo, a renamed
/// attribute) or shows an attribute the table forgot; both leave readers unsure.
///
/// ## Example
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute | Type   | Required | Description         |
/// |-----------|--------|----------|---------------------|
/// | `name`    | string | Yes      | Name of the widget. |
///
/// ```shell
/// curl --request POST --data "name=x&colour=blue" --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute | Type   | Required | Description         |
/// |-----------|--------|----------|---------------------|
/// | `name`    | string | Yes      | Name of the widget. |
///
/// ```shell
/// curl --request POST --data "name=x" --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// ## Options
/// `allowed`: more parameter names accepted everywhere (a list of strings).
#[derive(RuleMeta)]
#[rule(code = "CU011", name = "curl-unknown-attribute", category = Curl, severity = Warning, fix = None, since = "0.1.0")]
pub struct CurlUnknownAttribute;

#[derive(Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Options {
    #[serde(default)]
    allowed: Vec<String>,
}

impl Check for CurlUnknownAttribute {
    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), crate::OptionError> {
        crate::options::check::<Options>(options)
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let options: Options = ctx.options(&Self::META);
        for (method, block, command) in method_commands(ctx) {
            if method.request_tables.is_empty() {
                continue;
            }
            let mut documented: Vec<&str> = Vec::new();
            for row in method.request_tables.iter().flat_map(|t| t.rows.iter()) {
                if let Some(name) = &row.name {
                    // `a/b` rows name two attributes; nested names count for their root.
                    documented.extend(name.name.split('/').map(docspec_model::attribute_root));
                }
            }
            let known = |key: &str| {
                let base = docspec_curl::base_name(key);
                documented.contains(&base)
                    || crate::vocabulary::IMPLICIT_PARAMETERS.contains(&base)
                    || options.allowed.iter().any(|a| a == base)
            };
            for sent in command.sent_parameters() {
                let (key, range) = (sent.name, sent.range);
                if key.is_empty() || known(key) {
                    continue;
                }
                out.push(
                    ctx.report(
                        &Self::META,
                        src(block, range),
                        format!("the example sends `{key}`, which the attribute table does not list"),
                    )
                    .with_help(format!(
                        "add `{}` to the table, or correct the example",
                        docspec_curl::base_name(key)
                    )),
                );
            }
        }
    }
}
