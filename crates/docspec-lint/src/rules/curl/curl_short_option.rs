use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::OptionStyle;
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use std::collections::BTreeMap;

/// ## What it does
/// Reports short cURL options (`-H`, `-X`, `-d`, bundles like `-sS`, attached values
/// like `-XPOST`) and long options written with one dash (`-url`), and gives their long
/// form (`--header`, `--request`, `--data`, `--silent --show-error`, `--url`).
///
/// ## Why is this bad?
/// "Use long option names (`--header` instead of `-H`) for legibility." GitLab's
/// `lint-doc.sh` rejects short options on the `curl` line, but not on continuation
/// lines, where `-url` typos slip through; docspec reads every token.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl -X POST -H "PRIVATE-TOKEN: <your_access_token>" \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --request POST --header "PRIVATE-TOKEN: <your_access_token>" \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// ## Fix safety
/// A short option and its long name are the same option to cURL; the rewrite keeps the
/// value as written. Unknown short options are not fixed.
#[derive(RuleMeta)]
#[rule(code = "CU001", name = "curl-short-option", category = Curl, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct CurlShortOption;

impl Check for CurlShortOption {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in all_commands(ctx) {
            let input = block.content.as_str();
            // Options sharing one word (`-sS`, `-XPOST`) are reported and fixed together.
            let mut words: BTreeMap<usize, Vec<&docspec_curl::CurlOption>> = BTreeMap::new();
            for option in command.options.iter().filter(|o| o.short) {
                words.entry(option.word).or_default().push(option);
            }
            for (word, options) in words {
                let Some(token) = command.words.get(word) else { continue };
                let written = token.raw(input);
                // `-url`: a long option typed with one dash.
                if let Some(long) = written.strip_prefix('-').filter(|w| !w.starts_with('-') && w.len() > 1) {
                    let name = long.split('=').next().unwrap_or(long);
                    if docspec_curl::long_option(name).is_some() {
                        let at = src(block, token.range.start..token.range.start + 1);
                        out.push(
                            ctx.report(
                                &Self::META,
                                src(block, token.range.clone()),
                                format!("`-{name}` has one dash"),
                            )
                            .with_help(format!("write `--{name}`"))
                            .with_fix(Fix::safe(
                                format!("Write `--{name}`"),
                                vec![Edit::insertion(at.start(), "-")],
                            )),
                        );
                        continue;
                    }
                }
                let longs: Option<Vec<&str>> = options.iter().map(|o| o.long).collect();
                let Some(longs) = longs else { continue };
                let mut replacement = longs.iter().map(|l| format!("--{l}")).collect::<Vec<_>>().join(" ");
                // An attached value (`-XPOST`, `-H"A: b"`) becomes a separate word.
                if let Some(last) = options.last().filter(|o| o.style == OptionStyle::ShortAttached) {
                    if let Some(arg) = last
                        .arg
                        .as_ref()
                        .filter(|a| a.range.start >= token.range.start && a.range.end <= token.range.end)
                    {
                        replacement.push(' ');
                        replacement.push_str(arg.raw(input));
                    }
                }
                let range = src(block, token.range.clone());
                let flag_text = options.iter().map(|o| o.flag.as_str()).collect::<Vec<_>>().join(", ");
                let separate_value = options.iter().any(|o| o.style == OptionStyle::Short && o.arg.is_some());
                // A separate value stays where it is: replace only the flag word.
                let fix = if separate_value
                    || options.len() == 1
                    || options
                        .iter()
                        .all(|o| o.arg.is_none() || o.style == OptionStyle::ShortAttached)
                {
                    Fix::safe(
                        format!("Write `{replacement}`"),
                        vec![Edit::replacement(range, replacement.clone())],
                    )
                } else {
                    None
                };
                out.push(
                    ctx.report(
                        &Self::META,
                        range,
                        if options.len() > 1 {
                            format!("short options `{written}` ({flag_text})")
                        } else {
                            format!("short option `{written}`")
                        },
                    )
                    .with_help(format!("write `{replacement}`"))
                    .with_fix(fix),
                );
            }
        }
    }
}
