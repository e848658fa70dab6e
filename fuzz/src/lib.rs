//! The checks the fuzz targets run, one function per target. Each panics on a finding:
//! a panic inside docspec, a span outside the input or inside a UTF-8 character, fixes
//! that do not settle, or a human report drawn other than miette draws it.
//!
//! `tests/fuzz.rs` includes this file (`#[path]`), so the inputs kept under
//! `doc-fixtures/fuzz/` run through exactly these checks in `cargo test --workspace`.

use docspec_diagnostics::{apply_fixes, Applicability, Diagnostic, Fix};
use docspec_html::{SiteRenderer, SiteSettings, Theme};
use docspec_lint::suppress;
use docspec_lint::{Category, LintSettings, ProjectFile, ProjectRun};
use docspec_model::{SourceFile, TextRange};
use std::ops::Range;

/// The display path every fuzzed page gets.
const PATH: &str = "doc/api/fuzz.md";

/// One page through everything `docspec build` and `docspec lint --fix` do to it: parse,
/// lint with every rule (the default settings) and the cross-page rules, suppressions,
/// the fix loop until it settles, OpenAPI (YAML and JSON), and the page's HTML.
pub fn pipeline(text: &str) {
    let settings = LintSettings::default();
    let source = SourceFile::new(PATH, text);
    let page = docspec_parser::parse(&source);

    // Lint as `docspec lint` streams a page: page rules, cross-page rules, suppressions.
    let (mut diagnostics, summary) = docspec_lint::check_and_summarize(&source, &page, &settings);
    let suppressions = suppress::read(&page, &source);
    let mut project = ProjectRun::new(Some("api_resources.md"), Vec::new());
    diagnostics.extend(project.page(&ProjectFile {
        summary: &summary,
        settings: &settings,
    }));
    let diagnostics = docspec_lint::finish_suppressed(&source, suppressions, &settings, diagnostics);
    check_diagnostics(text, &diagnostics);
    for d in &diagnostics {
        let lc = source.line_col(d.range().start());
        assert!(lc.line >= 1 && lc.column >= 1, "{}: line/col {lc:?}", d.code);
    }
    check_snippets(text, &diagnostics);

    // The fix loop of `--fix` and the language server's "fix all", at both thresholds.
    // With no fix at a threshold the loop would stop after its first lint, and with only
    // safe fixes the unsafe loop is the safe one: skip those.
    for threshold in [Applicability::Safe, Applicability::Unsafe] {
        let fixable = diagnostics
            .iter()
            .any(|d| d.fix.as_ref().is_some_and(|f| f.applicability() == threshold));
        if fixable {
            check_fixes_settle(text, &settings, threshold);
        }
    }

    // OpenAPI, with its findings finished as `docspec openapi` does.
    let inputs = [docspec_openapi::PageInput {
        path: PATH,
        source: &source,
        page: &page,
    }];
    let (spec, findings) = docspec_openapi::emit(&inputs, &docspec_openapi::OpenApiSettings::default());
    let found: Vec<Diagnostic> = findings.into_iter().map(|f| f.diagnostic).collect();
    check_diagnostics(text, &found);
    let found = docspec_lint::finish_external(&source, &page, &settings, Category::Openapi, found);
    check_diagnostics(text, &found);
    let yaml = docspec_openapi::to_yaml(&spec);
    assert!(!yaml.is_empty());
    let json = docspec_openapi::to_json(&spec);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("to_json wrote invalid JSON: {e}\n{json}");
    }

    // The page's HTML from the events its model was parsed from, as `build` renders it
    // (which must be the model `parse` reads), then the site around it: index,
    // navigation and search index.
    let events = docspec_parser::events(text);
    let kept = docspec_parser::parse_events(text, &events);
    let (a, b) = (serde_json::to_string(&page), serde_json::to_string(&kept));
    assert!(
        a.ok() == b.ok(),
        "the model from kept events differs from the parsed one"
    );
    SITE.with(|(theme, dir)| {
        let renderer = match SiteRenderer::new(theme, SiteSettings::default(), dir, &[PATH]) {
            Ok(renderer) => renderer,
            Err(e) => panic!("cannot set up the renderer in {}: {e}", dir.display()),
        };
        let input = docspec_html::PageInput {
            path: PATH,
            source: &source,
            page: &page,
        };
        let summary = match renderer.page_from_events(input, Some(&events)) {
            Ok(summary) => summary,
            Err(e) => panic!("render failed: {e}"),
        };
        if let Err(e) = renderer.finish(vec![summary], &[]) {
            panic!("the site around the page failed: {e}");
        }
    });
}

/// The human report reads a finding's snippet from the lines around its span: it must be
/// the snippet miette reads from the top of the page.
fn check_snippets(text: &str, diagnostics: &[Diagnostic]) {
    use docspec_diagnostics::report::{LineStarts, NamedText};
    use miette::{SourceCode, SourceSpan};
    let starts = LineStarts::new(text);
    let whole = NamedText {
        name: PATH,
        text,
        line_starts: None,
    };
    let windowed = NamedText {
        name: PATH,
        text,
        line_starts: Some(&starts),
    };
    let read = |source: &NamedText<'_>, span: &SourceSpan| {
        source
            .read_span(span, 1, 1)
            .map(|c| (c.data().to_vec(), *c.span(), c.line(), c.column(), c.line_count()))
            .ok()
    };
    for d in diagnostics {
        let span = SourceSpan::new(d.range().start().into(), d.range().len());
        assert!(
            read(&whole, &span) == read(&windowed, &span),
            "{}: the snippet around {span:?} differs from the one read from the top",
            d.code
        );
    }
}

thread_local! {
    /// The theme, and a folder of this thread's own under the system's temporary folder
    /// (unchanged files, such as the assets, are not written again).
    static SITE: (Theme, std::path::PathBuf) = (
        Theme::builtin(),
        std::env::temp_dir().join(format!(
            "docspec-fuzz-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        )),
    );
}

/// Every label and fix edit of every finding lies inside the text, on character
/// boundaries (miette and the language server slice the text there).
pub fn check_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        check_range(text, d.primary.range, d.code, "primary label");
        for label in &d.secondary {
            check_range(text, label.range, d.code, "secondary label");
        }
        if let Some(fix) = &d.fix {
            for edit in fix.edits() {
                check_range(text, edit.range, d.code, "fix edit");
            }
        }
    }
}

fn check_range(text: &str, range: TextRange, code: &str, what: &str) {
    assert!(
        range.start() <= range.end() && range.end() <= text.len(),
        "{code}: {what} {range:?} outside the page ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start()) && text.is_char_boundary(range.end()),
        "{code}: {what} {range:?} inside a character"
    );
}

/// Runs the fix loop, then lints its result once more: a fix still left to apply means
/// the loop gave up before the fixes settled.
pub fn check_fixes_settle(text: &str, settings: &LintSettings, threshold: Applicability) {
    let (fixed, _) = docspec_workspace::fix_text(PATH, text, settings, threshold);
    let source = SourceFile::new(PATH, fixed.as_str());
    let page = docspec_parser::parse(&source);
    let diagnostics = docspec_lint::lint_page(&source, &page, settings);
    check_diagnostics(&fixed, &diagnostics);
    let left: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability() >= threshold)
        .collect();
    if left.is_empty() {
        return;
    }
    let (next, applied) = apply_fixes(&fixed, left.iter().copied());
    if applied > 0 && next != fixed {
        let codes: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability() >= threshold))
            .map(|d| d.code)
            .collect();
        panic!(
            "fixes ({threshold:?}) did not settle in {} passes: {codes:?} still change the page\n--- after the loop:\n{fixed}\n--- one more pass:\n{next}",
            docspec_workspace::MAX_PASSES
        );
    }
}

/// The human report on any page: each finding, the linter's and ones made up at places
/// across the page's first lines (messages and helps taken from the page's own text),
/// draws byte for byte as miette draws it, with and without colors.
pub fn report(text: &str) {
    let source = SourceFile::new(PATH, text);
    let page = docspec_parser::parse(&source);
    let mut findings = docspec_lint::check_page(&source, &page, &LintSettings::default());
    findings.extend(made_up_findings(text));
    if let Err(difference) = docspec_cli::drawn_as_miette(PATH, text, &findings) {
        panic!("the human report differs from miette's: {difference}");
    }
}

/// Findings of every severity and shape at and around the starts of the first lines:
/// a byte, a word, the whole line, an empty span, across the line end.
fn made_up_findings(text: &str) -> Vec<Diagnostic> {
    use docspec_diagnostics::{Label, Severity};
    let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    let line_at = |start: usize| {
        let end = text[start..].find(['\r', '\n']).map_or(text.len(), |i| start + i);
        (end, &text[start..end])
    };
    let mut findings = Vec::new();
    for (n, start) in starts.take(24).enumerate() {
        let (end, line) = line_at(start);
        let (_, next) = line_at(text[end..].find('\n').map_or(end, |i| end + i + 1));
        for (k, (from, to)) in [
            (start, start + 1),
            (start + 2, start + 9),
            (start, end),
            (start + 3, start + 3),
            (end.saturating_sub(2), end + 2),
        ]
        .into_iter()
        .enumerate()
        {
            let to = to.min(text.len());
            if from > to || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
                continue;
            }
            let i = n * 5 + k;
            let severity = [Severity::Error, Severity::Warning, Severity::Info][i % 3];
            let message = if i % 2 == 0 {
                line
            } else {
                "Required is `yes`, expected `Yes`"
            };
            let mut d = Diagnostic::new("AT004", "required-value", severity, message, TextRange::new(from, to));
            if i % 3 != 1 {
                d = d.with_help(next);
            }
            if i % 7 == 0 {
                d = d.with_label(next);
            }
            if i % 11 == 0 {
                d = d.with_secondary(Label::new(TextRange::new(start, start)));
            }
            findings.push(d);
        }
    }
    findings
}

/// The cURL reader on any text: every range it returns lies inside the text on
/// character boundaries, and every accessor runs.
pub fn curl(text: &str) {
    let lexed = docspec_curl::tokenize(text);
    for token in &lexed.tokens {
        match token {
            docspec_curl::ShellToken::Word(word) => check_token(text, word, "word"),
            docspec_curl::ShellToken::Operator { range, text: op, .. } => {
                check(text, range, "operator");
                assert_eq!(&text[range.clone()], op.as_str(), "operator text");
            }
            docspec_curl::ShellToken::Newline { range } => check(text, range, "newline"),
        }
    }
    for c in &lexed.continuations {
        check_continuation(text, c);
    }
    for comment in &lexed.comments {
        check(text, comment, "comment");
    }
    if let Some(at) = lexed.unterminated {
        check(text, &(at..at), "unterminated quote");
    }

    for command in docspec_curl::parse_commands(text) {
        check(text, &command.range, "command");
        let _ = command.text(text);
        if let Some(prompt) = &command.prompt {
            check(text, prompt, "prompt");
        }
        check_token(text, &command.program, "program");
        for word in &command.words {
            check_token(text, word, "word");
        }
        for option in &command.options {
            check(text, &option.flag_range, "option flag");
            check(text, &option.range, "option");
            if let Some(arg) = &option.arg {
                check_token(text, arg, "option argument");
            }
            let _ = (option.name(), option.written(text));
        }
        for positional in &command.positionals {
            check_token(text, positional, "positional");
        }
        for (operator, target) in &command.redirects {
            check(text, operator, "redirect");
            if let Some(target) = target {
                check_token(text, target, "redirect target");
            }
        }
        for c in &command.continuations {
            check_continuation(text, c);
        }
        for error in &command.errors {
            match error {
                docspec_curl::CommandError::UnterminatedQuote { at } => check(text, &(*at..*at), "unterminated"),
                docspec_curl::CommandError::MissingArgument { option } => {
                    assert!(*option < command.options.len(), "missing argument of option {option}");
                }
            }
        }
        let method = command.method();
        if let Some(i) = method.option() {
            assert!(i < command.options.len(), "method option {i}");
        }
        let _ = (command.has_body(), command.user(), command.saves_response(text));
        for url in command.urls() {
            let parsed = url.parsed;
            check_in(&parsed.raw, &parsed.path_range, "url path");
            check(text, &url.source_range(parsed.path_range.clone()), "url path in input");
            if let Some(host) = &parsed.host_range {
                check_in(&parsed.raw, host, "url host");
                check(text, &url.source_range(host.clone()), "url host in input");
            }
            if let Some(query) = &parsed.query_range {
                check_in(&parsed.raw, query, "url query");
                check(text, &url.source_range(query.clone()), "url query in input");
            }
            for param in &parsed.query {
                check_in(&parsed.raw, &param.key_range, "query key");
                check(text, &url.source_range(param.key_range.clone()), "query key in input");
                if let Some(value) = &param.value_range {
                    check_in(&parsed.raw, value, "query value");
                    check(text, &url.source_range(value.clone()), "query value in input");
                }
                let _ = param.base_key();
            }
            for segment in parsed.path_segments() {
                check_in(&parsed.raw, &segment.range, "path segment");
            }
            let _ = parsed.host_is_placeholder();
        }
        for header in command.headers() {
            check(text, &header.name_range, "header name");
            check(text, &header.value_range, "header value");
            assert!(header.option < command.options.len());
        }
        for data in command.data() {
            let _ = (data.file(), data.is_json());
            assert!(data.option < command.options.len());
        }
        for field in command.form() {
            check(text, &field.key_range, "form key");
            check(text, &field.value_range, "form value");
            let _ = field.base_key();
        }
        let keys = command.body_keys();
        for key in &keys.keys {
            check(text, &key.range, "body key");
            let _ = key.base();
            assert!(key.option < command.options.len());
        }
        for error in &keys.json_errors {
            check(text, &(error.source_offset..error.source_offset), "JSON error in input");
            assert!(error.option < command.options.len());
            if let Some(arg) = &command.options[error.option].arg {
                check_in(&arg.value, &(error.offset..error.offset), "JSON error in the value");
            }
        }
    }
}

fn check_token(text: &str, token: &docspec_curl::Token, what: &str) {
    check(text, &token.range, what);
    let _ = token.raw(text);
    // Every value range maps back into the token's source.
    let len = token.value.len();
    for (start, end) in [(0, len), (0, 0), (len, len), (len / 2, len)] {
        if token.value.is_char_boundary(start) && token.value.is_char_boundary(end) {
            let source = token.source_range(start..end);
            check(text, &source, what);
        }
    }
    let _ = token.slice_from(len / 2);
}

fn check_continuation(text: &str, c: &docspec_curl::Continuation) {
    check(text, &(c.backslash..c.backslash + 1), "continuation");
    assert_eq!(text.as_bytes()[c.backslash], b'\\', "continuation at a backslash");
    check(text, &c.indent_range(), "continuation indent");
}

fn check(text: &str, range: &Range<usize>, what: &str) {
    check_in(text, range, what);
}

fn check_in(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: {range:?} outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} inside a character of {text:?}"
    );
}

/// The JSON example reader on any text: every offset it returns lies inside the text on
/// a character boundary, and blanking keeps the length.
pub fn json(text: &str) {
    let example = docspec_json::parse_example(text);
    if let Err(e) = &example {
        check_offset(text, e.offset, "parse_example error");
    }
    let shape = docspec_json::parse_shape(text);
    match &shape {
        Ok(shape) => {
            for field in &shape.fields {
                check_offset(text, field.offset, "field offset");
                assert!(
                    shape.field(&field.path).is_some(),
                    "field {} not found again",
                    field.path
                );
            }
        }
        Err(e) => check_offset(text, e.offset, "parse_shape error"),
    }
    if let Some(at) = docspec_json::find_comment(text) {
        check_offset(text, at, "comment");
        assert!(text[at..].starts_with("//"), "comment at {at}");
    }
    if let Some(at) = docspec_json::stray_trailing_comma(text) {
        check_offset(text, at, "trailing comma");
        assert_eq!(text.as_bytes()[at], b',', "trailing comma at {at}");
    }
    let blanked = docspec_json::blank_comments(text);
    assert_eq!(blanked.len(), text.len(), "blank_comments changed the length");
    // Offsets must survive: elisions are blanked in place, and only a final `...` may add
    // the brackets it elides, after the text.
    let blanked = docspec_json::blank_elisions(text);
    assert!(blanked.len() >= text.len(), "blank_elisions shortened the text");
    assert!(
        blanked[text.len()..].bytes().all(|b| b"]} \n".contains(&b)),
        "blank_elisions added more than closing brackets: {:?}",
        &blanked[text.len()..]
    );
}

fn check_offset(text: &str, at: usize, what: &str) {
    assert!(at <= text.len(), "{what}: {at} outside the text ({} bytes)", text.len());
    assert!(text.is_char_boundary(at), "{what}: {at} inside a character of {text:?}");
}
