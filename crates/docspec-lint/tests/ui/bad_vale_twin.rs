use docspec_lint::RuleMeta;

/// ## What it does
/// Checks a thing.
///
/// ## Why is this bad?
/// Because.
///
/// ## Example
/// ```markdown
/// bad
/// ```
///
/// Use instead:
/// ```markdown
/// good
/// ```
#[derive(RuleMeta)]
#[rule(code = "ST901", name = "a-rule", category = Structure, severity = Error, fix = None, since = "0.1.0", vale = "CodeBlockNesting")]
pub struct X;

fn main() {}
