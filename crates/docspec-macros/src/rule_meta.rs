use proc_macro2::TokenStream;
use quote::quote;
use syn::{spanned::Spanned, DeriveInput, Expr, ExprLit, Ident, Lit, LitStr, Meta};

/// Category identifiers and the code prefix each one uses.
const CATEGORIES: &[(&str, &str)] = &[
    ("Docspec", "DS"),
    ("Page", "PG"),
    ("Structure", "ST"),
    ("Request", "RQ"),
    ("Attributes", "AT"),
    ("Response", "RS"),
    ("Status", "SC"),
    ("Curl", "CU"),
    ("History", "HI"),
    ("Availability", "AV"),
    ("Project", "XP"),
    ("Openapi", "OA"),
    ("Drift", "DR"),
];

const SEVERITIES: &[&str] = &["Info", "Warning", "Error"];
const FIXES: &[&str] = &["None", "Sometimes", "Always"];

const REQUIRED_SECTIONS: &[&str] = &["## What it does", "## Why is this bad?", "## Example", "Use instead:"];

#[derive(Default)]
struct Args {
    code: Option<LitStr>,
    name: Option<LitStr>,
    category: Option<Ident>,
    severity: Option<Ident>,
    fix: Option<Ident>,
    since: Option<LitStr>,
    markdownlint: Option<LitStr>,
    vale: Option<LitStr>,
}

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let args = parse_args(input)?;
    let attr_span = input
        .attrs
        .iter()
        .find(|a| a.path().is_ident("rule"))
        .map_or_else(|| input.ident.span(), |a| a.span());
    let missing = |what: &str| syn::Error::new(attr_span, format!("#[rule(...)] needs `{what}`"));

    let code = args.code.ok_or_else(|| missing("code"))?;
    let name = args.name.ok_or_else(|| missing("name"))?;
    let category = args.category.ok_or_else(|| missing("category"))?;
    let severity = args.severity.ok_or_else(|| missing("severity"))?;
    let fix = args.fix.ok_or_else(|| missing("fix"))?;
    let since = args.since.ok_or_else(|| missing("since"))?;

    let prefix = CATEGORIES
        .iter()
        .find(|(c, _)| category == c)
        .map(|(_, p)| *p)
        .ok_or_else(|| {
            let known: Vec<&str> = CATEGORIES.iter().map(|(c, _)| *c).collect();
            syn::Error::new(
                category.span(),
                format!("unknown category; expected one of {}", known.join(", ")),
            )
        })?;
    check_code(&code, prefix)?;
    check_kebab(&name)?;
    check_one_of(&severity, SEVERITIES, "severity")?;
    check_one_of(&fix, FIXES, "fix")?;
    check_semver(&since)?;
    let markdownlint = markdownlint_twins(args.markdownlint.as_ref())?;
    let twins = markdownlint.iter().map(|(code, alias)| quote! { (#code, #alias) });
    let vale = vale_twins(args.vale.as_ref())?;

    let docs = doc_comment(input);
    check_docs(&docs, &fix, input)?;
    let summary = summary(&docs);

    let ident = &input.ident;
    Ok(quote! {
        impl ::docspec_lint::RuleMeta for #ident {
            const META: ::docspec_lint::RuleMetadata = ::docspec_lint::RuleMetadata {
                code: #code,
                name: #name,
                category: ::docspec_lint::Category::#category,
                default_severity: ::docspec_lint::Severity::#severity,
                fix: ::docspec_lint::FixAvailability::#fix,
                since: #since,
                markdownlint: &[#(#twins),*],
                vale: &[#(#vale),*],
                summary: #summary,
                docs: #docs,
                file: file!(),
            };
        }
    })
}

fn parse_args(input: &DeriveInput) -> syn::Result<Args> {
    let mut args = Args::default();
    let attr = input
        .attrs
        .iter()
        .find(|a| a.path().is_ident("rule"))
        .ok_or_else(|| syn::Error::new(input.ident.span(), "derive(RuleMeta) needs a #[rule(...)] attribute"))?;
    attr.parse_nested_meta(|meta| {
        let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
        let value = meta.value()?;
        match key.as_str() {
            "code" => args.code = Some(value.parse()?),
            "name" => args.name = Some(value.parse()?),
            "since" => args.since = Some(value.parse()?),
            "category" => args.category = Some(value.parse()?),
            "severity" => args.severity = Some(value.parse()?),
            "fix" => args.fix = Some(value.parse()?),
            "markdownlint" => args.markdownlint = Some(value.parse()?),
            "vale" => args.vale = Some(value.parse()?),
            _ => return Err(meta.error(format!("unknown rule attribute `{key}`"))),
        }
        Ok(())
    })?;
    Ok(args)
}

/// `"MD003 heading-style, MD026 no-trailing-punctuation"`: the markdownlint rules a rule
/// checks as well, by code and alias, so that markdownlint's own comments suppress it.
fn markdownlint_twins(list: Option<&LitStr>) -> syn::Result<Vec<(String, String)>> {
    let Some(list) = list else { return Ok(Vec::new()) };
    let error = || {
        syn::Error::new(
            list.span(),
            "expected `MD001 alias, MD002 alias`: a markdownlint code and its alias",
        )
    };
    list.value()
        .split(',')
        .map(|twin| {
            let mut words = twin.split_whitespace();
            let (Some(code), Some(alias), None) = (words.next(), words.next(), words.next()) else {
                return Err(error());
            };
            let digits = code.strip_prefix("MD").ok_or_else(error)?;
            if digits.len() != 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(error());
            }
            Ok((code.to_string(), alias.to_string()))
        })
        .collect()
}

/// `"gitlab_base.CodeBlockNesting, gitlab_docs.HistoryItems"`: the Vale rules (style and
/// rule name) a rule checks as well, so that Vale's own comments suppress it.
fn vale_twins(list: Option<&LitStr>) -> syn::Result<Vec<String>> {
    let Some(list) = list else { return Ok(Vec::new()) };
    let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    list.value()
        .split(',')
        .map(|twin| {
            let twin = twin.trim();
            match twin.split_once('.') {
                Some((style, rule)) if word(style) && word(rule) => Ok(twin.to_string()),
                _ => Err(syn::Error::new(
                    list.span(),
                    "expected `style.Rule, style.Rule`: Vale rules by style and name",
                )),
            }
        })
        .collect()
}

fn check_code(code: &LitStr, prefix: &str) -> syn::Result<()> {
    let value = code.value();
    let letters: String = value.chars().take_while(char::is_ascii_uppercase).collect();
    let digits = &value[letters.len()..];
    let well_formed =
        (2..=3).contains(&letters.len()) && digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(syn::Error::new(
            code.span(),
            "a rule code is 2-3 capital letters and 3 digits, like `ST001`",
        ));
    }
    if letters != prefix {
        return Err(syn::Error::new(
            code.span(),
            format!("codes of this category start with `{prefix}`"),
        ));
    }
    Ok(())
}

fn check_kebab(name: &LitStr) -> syn::Result<()> {
    let value = name.value();
    let ok = !value.is_empty()
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--")
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        return Err(syn::Error::new(
            name.span(),
            "a rule name is kebab-case, like `missing-curl-example`",
        ));
    }
    if value.starts_with("no-") || value.starts_with("disallow-") {
        return Err(syn::Error::new(
            name.span(),
            "name the problem, not the fix: no `no-`/`disallow-` prefix",
        ));
    }
    Ok(())
}

fn check_one_of(ident: &Ident, allowed: &[&str], what: &str) -> syn::Result<()> {
    if allowed.iter().any(|a| ident == a) {
        Ok(())
    } else {
        Err(syn::Error::new(
            ident.span(),
            format!("{what} is one of {}", allowed.join(", ")),
        ))
    }
}

fn check_semver(since: &LitStr) -> syn::Result<()> {
    let value = since.value();
    let parts: Vec<&str> = value.split('.').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        Ok(())
    } else {
        Err(syn::Error::new(since.span(), "`since` is a version like \"0.1.0\""))
    }
}

fn doc_comment(input: &DeriveInput) -> String {
    let mut lines = Vec::new();
    for attr in &input.attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let Meta::NameValue(nv) = &attr.meta {
            if let Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) = &nv.value {
                let line = s.value();
                lines.push(line.strip_prefix(' ').unwrap_or(&line).to_string());
            }
        }
    }
    lines.join("\n").trim().to_string()
}

fn check_docs(docs: &str, fix: &Ident, input: &DeriveInput) -> syn::Result<()> {
    let span = input.ident.span();
    for section in REQUIRED_SECTIONS {
        if !docs.contains(section) {
            return Err(syn::Error::new(
                span,
                format!("the rule's doc comment needs a `{section}` section"),
            ));
        }
    }
    if docs.matches("```markdown").count() < 2 {
        return Err(syn::Error::new(
            span,
            "`## Example` needs a ```markdown block, and `Use instead:` a second one",
        ));
    }
    let has_fix_safety = docs.contains("## Fix safety");
    let fixes = fix != "None";
    if fixes && !has_fix_safety {
        return Err(syn::Error::new(
            span,
            "a rule with a fix documents it under `## Fix safety`",
        ));
    }
    if !fixes && has_fix_safety {
        return Err(syn::Error::new(
            span,
            "`## Fix safety` is only for rules with `fix = Sometimes` or `Always`",
        ));
    }
    Ok(())
}

/// The first sentence of `## What it does`.
fn summary(docs: &str) -> String {
    let after = docs.split("## What it does").nth(1).unwrap_or("");
    let paragraph: Vec<&str> = after
        .trim_start()
        .lines()
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::trim)
        .collect();
    let text = paragraph.join(" ");
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text,
    }
}
