use super::{rest_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::DataKind;
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Reports a cURL command that sends a JSON body (`--data`, `--data-raw`,
/// `--data-binary` or `--data-ascii` whose value starts with `{` or `[`) without a
/// `Content-Type: application/json` header (in any case) and without `--json`.
///
/// ## Why is this bad?
/// cURL sends `--data` as `application/x-www-form-urlencoded`: the API reads the JSON
/// text as one form field and ignores the attributes in it, so the example does not do
/// what it shows. The style guide's JSON examples send the header with the body.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --request POST --header "PRIVATE-TOKEN: <your_access_token>" \
///   --data '{"name": "Widget"}' \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --request POST --header "PRIVATE-TOKEN: <your_access_token>" \
///   --header "Content-Type: application/json" \
///   --data '{"name": "Widget"}' \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// ## Fix safety
/// Adding the header changes the request the example sends (to the one it means), so
/// the fix is unsafe. A command whose `Content-Type` names another type is reported
/// without a fix.
#[derive(RuleMeta)]
#[rule(code = "CU016", name = "curl-json-without-content-type", category = Curl, severity = Warning, fix = Sometimes, since = "0.2.0")]
pub struct CurlJsonWithoutContentType;

impl Check for CurlJsonWithoutContentType {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in rest_commands(ctx) {
            let data = command.data();
            if data.iter().any(|d| d.kind == DataKind::Json) {
                continue;
            }
            let Some(json) = data.iter().find(|d| {
                matches!(
                    d.kind,
                    DataKind::Data | DataKind::Raw | DataKind::Binary | DataKind::Ascii
                ) && d.token.value.trim_start().starts_with(['{', '['])
            }) else {
                continue;
            };
            let Some(option) = command.options.get(json.option) else {
                continue;
            };
            let range = src(block, option.range.clone());
            match command.header("Content-Type") {
                Some(header) if header.value.to_ascii_lowercase().contains("json") => {}
                Some(header) => out.push(
                    ctx.report(
                        &Self::META,
                        src(block, header.value_range.clone()),
                        format!("the body is JSON, but the `Content-Type` is `{}`", header.value),
                    )
                    .with_help("send the header `Content-Type: application/json`"),
                ),
                None => {
                    let flag = src(block, option.flag_range.clone());
                    out.push(
                        ctx.report(
                            &Self::META,
                            range,
                            "the body is JSON, but no `Content-Type` header says so",
                        )
                        .with_label("sent as a form")
                        .with_help("add `--header \"Content-Type: application/json\"`")
                        .with_fix(Fix::unsafe_(
                            "Add the `Content-Type: application/json` header",
                            vec![Edit::insertion(
                                flag.start(),
                                "--header \"Content-Type: application/json\" ",
                            )],
                        )),
                    );
                }
            }
        }
    }
}
