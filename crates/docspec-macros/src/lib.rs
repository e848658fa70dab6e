//! Proc macros for docspec rules. `lib.rs` only dispatches; each macro has its module.

mod rule_meta;

use proc_macro::TokenStream;

/// Derives `docspec_lint::RuleMeta` from `#[rule(...)]` and the doc comment.
///
/// ```text
/// /// ## What it does
/// /// ...
/// #[derive(RuleMeta)]
/// #[rule(code = "ST001", name = "missing-request-block", category = Structure,
///        severity = Error, fix = None, since = "0.1.0")]
/// pub struct MissingRequestBlock;
/// ```
///
/// The derive rejects, at compile time: a code that is not two or three capital
/// letters and three digits, or whose prefix does not match the category; a name that
/// is not kebab-case; a doc comment without `## What it does`, `## Why is this bad?`,
/// `## Example` and `Use instead:`; and `## Fix safety` present without a fix or missing
/// with one.
#[proc_macro_derive(RuleMeta, attributes(rule))]
pub fn derive_rule_meta(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    rule_meta::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
