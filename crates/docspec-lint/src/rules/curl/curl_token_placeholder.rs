use super::{rest_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks that cURL examples authenticate with the token placeholder
/// `<your_access_token>` (the `api.token_placeholder` setting): in the `PRIVATE-TOKEN`
/// header and in `private_token`/`access_token` query parameters. `$CI_JOB_TOKEN` in a
/// `JOB-TOKEN` header is accepted, and so is a placeholder of the same form that names
/// another kind of token (`<your_group_access_token>`, where only a group token works).
/// A script that sets a variable to the placeholder (`export TOKEN="<your_access_token>"`)
/// may use the variable (`$TOKEN`) in its commands.
///
/// ## Why is this bad?
/// "Wherever needed use this personal access token: `<your_access_token>`." One
/// placeholder on every page tells readers exactly what to replace; `$TOKEN`, `<token>`
/// or `XXXX` each need guessing.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --header "PRIVATE-TOKEN: $TOKEN" --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --header "PRIVATE-TOKEN: <your_access_token>" --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// ## Fix safety
/// The placeholder replaces another placeholder; the command stays an example.
/// Real-looking tokens are left to `curl-real-token`.
#[derive(RuleMeta)]
#[rule(code = "CU005", name = "curl-token-placeholder", category = Curl, severity = Warning, fix = Always, since = "0.1.0")]
pub struct CurlTokenPlaceholder;

impl Check for CurlTokenPlaceholder {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let placeholder = ctx.settings.api.token_placeholder.as_str();
        for (block, command) in rest_commands(ctx) {
            let mut values = Vec::new();
            for header in command.headers() {
                if header.name.eq_ignore_ascii_case("PRIVATE-TOKEN") {
                    values.push((header.value.clone(), header.value_range.clone()));
                }
            }
            for url in command.urls() {
                for param in &url.parsed.query {
                    if matches!(param.key.as_str(), "private_token" | "access_token") {
                        if let (Some(value), Some(range)) = (&param.value, &param.value_range) {
                            values.push((value.clone(), url.source_range(range.clone())));
                        }
                    }
                }
            }
            for (value, range) in values {
                if value == placeholder
                    || names_a_kind_of_token(&value)
                    || super::curl_real_token::looks_real(&value)
                    || value.is_empty()
                    // A value broken across lines runs to wherever its quote closes (CU019
                    // reports it): there is no token in it to replace.
                    || value.contains('\n')
                    || assigned_the_placeholder(&block.content, &value, placeholder)
                {
                    continue;
                }
                let range = src(block, range);
                out.push(
                    ctx.report(
                        &Self::META,
                        range,
                        format!("token `{value}` is not the placeholder `{placeholder}`"),
                    )
                    .with_help(format!("write `{placeholder}`"))
                    .with_fix(Fix::safe(
                        format!("Write `{placeholder}`"),
                        vec![Edit::replacement(range, placeholder)],
                    )),
                );
            }
        }
    }
}

/// `<your_group_access_token>`, `<your_gitlab_access_token>`: the placeholder's own form
/// (angle brackets, `your_`, lower case and underscores) for a token of a named kind.
fn names_a_kind_of_token(value: &str) -> bool {
    let Some(inner) = value.strip_prefix("<your_").and_then(|v| v.strip_suffix('>')) else {
        return false;
    };
    inner.contains("token")
        && inner != "token"
        && inner
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// `$NAME` or `${NAME}`, where the block sets `NAME` (or `export NAME`) to the placeholder.
fn assigned_the_placeholder(block: &str, value: &str, placeholder: &str) -> bool {
    let Some(name) = value
        .strip_prefix("${")
        .and_then(|v| v.strip_suffix('}'))
        .or_else(|| value.strip_prefix('$'))
    else {
        return false;
    };
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return false;
    }
    block.lines().any(|line| {
        let line = line.trim_start();
        let line = line.strip_prefix("export ").map_or(line, str::trim_start);
        line.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('='))
            .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == placeholder)
    })
}

#[cfg(test)]
mod tests {
    use super::{assigned_the_placeholder, names_a_kind_of_token};

    #[test]
    fn placeholders_of_named_kinds_of_token() {
        assert!(names_a_kind_of_token("<your_group_access_token>"));
        assert!(names_a_kind_of_token(
            "<your_access_token_for_destination_gitlab_instance>"
        ));
        assert!(!names_a_kind_of_token("<your_token>"));
        assert!(!names_a_kind_of_token("<your access token>"));
        assert!(!names_a_kind_of_token("<token>"));
        assert!(!names_a_kind_of_token("$TOKEN"));
        assert!(!names_a_kind_of_token("<your_group_id>"));
    }

    #[test]
    fn a_variable_set_to_the_placeholder_is_the_placeholder() {
        let p = "<your_access_token>";
        let script = "export GITLAB_TOKEN=\"<your_access_token>\"\ncurl --header \"PRIVATE-TOKEN: $GITLAB_TOKEN\"\n";
        assert!(assigned_the_placeholder(script, "$GITLAB_TOKEN", p));
        assert!(assigned_the_placeholder("TOKEN='<your_access_token>'\n", "${TOKEN}", p));
        assert!(!assigned_the_placeholder(script, "$OTHER", p));
        assert!(!assigned_the_placeholder("TOKEN=abc\n", "$TOKEN", p));
        assert!(!assigned_the_placeholder(
            "GITLAB_TOKEN_X=<your_access_token>\n",
            "$GITLAB_TOKEN",
            p
        ));
        assert!(!assigned_the_placeholder(script, "GITLAB_TOKEN", p));
    }
}
