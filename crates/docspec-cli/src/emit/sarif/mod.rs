//! SARIF 2.1.0: one run, the rules that have results (with their docs as help), results
//! with physical locations, and fixes as artifact changes.

use super::FileReport;
use docspec_diagnostics::{Diagnostic, Severity};
use docspec_model::SourceFile;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{BufRead, Read, Write};

mod print;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
struct Run<'a> {
    tool: Tool<'a>,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text,
    full_description: Text,
    help: Help<'a>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help<'a> {
    text: String,
    markdown: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    category: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location<'a>>,
    /// Other files of the finding: the first copy of a duplicate, the spec's operation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation<'a> {
    id: usize,
    physical_location: RelatedPhysical<'a>,
    /// The JSON pointer into a spec, as SARIF's logical location.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation<'a>>,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedPhysical<'a> {
    artifact_location: Artifact<'a>,
    region: StartRegion,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StartRegion {
    start_line: usize,
    start_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: Artifact<'a>,
    region: Region,
}

#[derive(Serialize)]
struct Artifact<'a> {
    uri: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text,
    artifact_changes: Vec<ArtifactChange<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: Artifact<'a>,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: InsertedContent<'a>,
}

#[derive(Serialize)]
struct InsertedContent<'a> {
    text: &'a str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(source: &SourceFile, range: docspec_model::TextRange) -> Region {
    let s = source.line_col(range.start());
    let e = source.line_col(range.end());
    Region {
        start_line: s.line,
        start_column: s.column,
        end_line: e.line,
        end_column: e.column,
    }
}

/// A relative URI: forward slashes, spaces and `%` encoded.
fn uri(path: &str) -> std::borrow::Cow<'_, str> {
    if path.contains([' ', '%', '#', '?']) {
        path.replace('%', "%25")
            .replace(' ', "%20")
            .replace('#', "%23")
            .replace('?', "%3F")
            .into()
    } else {
        path.into()
    }
}

fn result<'a>(report: &'a FileReport<'_>, d: &'a Diagnostic, rule_index: usize) -> SarifResult<'a> {
    let fixes = d
        .fix
        .iter()
        .map(|fix| SarifFix {
            description: Text {
                text: fix.title().to_string(),
            },
            artifact_changes: vec![ArtifactChange {
                artifact_location: Artifact { uri: uri(report.path) },
                replacements: fix
                    .edits()
                    .iter()
                    .map(|e| Replacement {
                        deleted_region: region(report.source, e.range),
                        inserted_content: InsertedContent { text: &e.replacement },
                    })
                    .collect(),
            }],
        })
        .collect();
    let text = match &d.help {
        Some(help) => format!("{} ({help})", d.message),
        None => d.message.clone(),
    };
    SarifResult {
        rule_id: d.code,
        rule_index,
        level: level(d.severity),
        message: Text { text },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: Artifact { uri: uri(report.path) },
                region: region(report.source, d.range()),
            },
        }],
        related_locations: d
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| RelatedLocation {
                id: i + 1,
                physical_location: RelatedPhysical {
                    artifact_location: Artifact { uri: uri(&r.path) },
                    region: StartRegion {
                        start_line: r.line.max(1),
                        start_column: r.column.max(1),
                    },
                },
                logical_locations: r
                    .pointer
                    .iter()
                    .map(|p| LogicalLocation {
                        fully_qualified_name: p,
                        kind: "member",
                    })
                    .collect(),
                message: Text {
                    text: r.message.clone(),
                },
            })
            .collect(),
        fixes,
    }
}

/// A result's `ruleIndex` is its rule's place among the rules with results, known only
/// at the end: results are spooled with this plus the rule's place in the registry, and
/// the number is replaced as the spool is copied out.
const PLACEHOLDER: usize = 1 << 40;

fn placeholder(code: &str) -> usize {
    docspec_lint::RULES
        .iter()
        .position(|r| r.meta().code == code)
        .map_or(0, |at| PLACEHOLDER + at)
}

/// One page's results, as elements of the run's `results` array, joined by `,\n`;
/// empty for a page without findings.
pub fn fragment(report: &FileReport<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        print::result(&result(report, d, placeholder(d.code)), &mut out);
    }
    out
}

/// The log: the rules of `codes` (the codes with findings), then the spooled results,
/// if any, with their rule indexes filled in.
pub fn write<'c>(
    codes: impl IntoIterator<Item = &'c str>,
    results: Option<Box<dyn BufRead>>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let used: BTreeSet<&str> = codes.into_iter().collect();
    let metas: Vec<_> = used
        .iter()
        .filter_map(|code| docspec_lint::find(code).map(|r| r.meta()))
        .collect();
    let rules = metas
        .iter()
        .map(|m| Rule {
            id: m.code,
            name: m.name,
            short_description: Text {
                text: m.summary.to_string(),
            },
            full_description: Text {
                text: m.summary.to_string(),
            },
            help: Help {
                text: format!("{} Run `docspec explain {}` for details.", m.summary, m.code),
                markdown: m.docs,
            },
            default_configuration: Configuration {
                level: level(m.default_severity),
            },
            properties: RuleProperties {
                category: m.category.as_str(),
            },
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "docspec",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            results: Vec::new(),
        }],
    };
    let document = serde_json::to_string_pretty(&log)?;
    let Some(mut results) = results else {
        return writeln!(out, "{document}");
    };
    // Keys are the only unescaped quotes: this is the (empty) results array.
    const EMPTY: &str = "\"results\": []";
    let at = document.rfind(EMPTY).map_or(document.len(), |at| at + EMPTY.len() - 1);
    out.write_all(&document.as_bytes()[..at])?;
    out.write_all(b"\n")?;
    let index = |code: &str| metas.iter().position(|m| m.code == code).unwrap_or(0);
    copy_results(&mut results, &index, out, 1 << 18)?;
    out.write_all(b"\n      ")?;
    writeln!(out, "{}", &document[at..])
}

/// The key before a rule index, as the pretty printer writes it. Inside a string a quote
/// is escaped, so these bytes are only ever a key.
const RULE_INDEX_KEY: &[u8] = b"\"ruleIndex\": ";

/// Copies the spooled results, each placeholder rule index replaced by the rule's index.
/// Read in blocks of `block` bytes, not by line: a large run spools hundreds of MB of
/// short lines.
fn copy_results(
    results: &mut dyn Read,
    index: &dyn Fn(&str) -> usize,
    out: &mut dyn Write,
    block: usize,
) -> std::io::Result<()> {
    let finder = memchr::memmem::Finder::new(RULE_INDEX_KEY);
    let mut buffer: Vec<u8> = Vec::with_capacity(block * 2);
    let mut ended = false;
    while !ended {
        let filled = buffer.len();
        buffer.resize(filled + block, 0);
        let read = results.read(&mut buffer[filled..])?;
        buffer.truncate(filled + read);
        ended = read == 0;
        // Up to `written` is out; from `kept` on waits for more bytes (a key or number cut
        // by the block's end).
        let mut written = 0;
        let mut kept = buffer.len();
        let mut from = 0;
        while let Some(at) = finder.find(&buffer[from..]).map(|i| from + i) {
            let digits_at = at + RULE_INDEX_KEY.len();
            let digits = buffer[digits_at..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits_at + digits == buffer.len() && !ended {
                kept = at;
                break;
            }
            out.write_all(&buffer[written..digits_at])?;
            write_rule_index(&buffer[digits_at..digits_at + digits], index, out)?;
            written = digits_at + digits;
            from = written;
        }
        if kept == buffer.len() && !ended {
            // The end may hold the start of a key.
            kept = buffer.len().saturating_sub(RULE_INDEX_KEY.len() - 1).max(written);
        }
        out.write_all(&buffer[written..kept])?;
        buffer.drain(..kept);
    }
    out.write_all(&buffer)
}

/// A rule index as spooled (the placeholder: the rule's place in the registry, offset)
/// written as the rule's place among the rules with results.
fn write_rule_index(digits: &[u8], index: &dyn Fn(&str) -> usize, out: &mut dyn Write) -> std::io::Result<()> {
    let number = std::str::from_utf8(digits)
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0);
    match number
        .checked_sub(PLACEHOLDER)
        .and_then(|at| docspec_lint::RULES.get(at))
    {
        Some(rule) => write!(out, "{}", index(rule.meta().code)),
        None => out.write_all(digits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// However the spool is cut into blocks (keys and numbers split across them), the
    /// copy is the spool with each placeholder replaced, and nothing else changed.
    #[test]
    fn results_copy_the_same_in_any_block_size() {
        let rule = |at: usize| PLACEHOLDER + at;
        let spool = format!(
            "        {{\n          \"ruleId\": \"X\",\n          \"ruleIndex\": {},\n          \"message\": {{ \"text\": \"say \\\"ruleIndex\\\": 5\" }}\n        }},\n        {{\n          \"ruleIndex\": {}\n        }},\n        {{ \"ruleIndex\": 7, \"ruleIndex\": {} }}",
            rule(0),
            rule(3),
            rule(1)
        );
        let codes: Vec<&str> = docspec_lint::RULES.iter().map(|r| r.meta().code).collect();
        // Rules with results in reverse registry order, so every index changes.
        let index = |code: &str| 100 - codes.iter().position(|c| *c == code).unwrap_or(0);
        let expected = spool
            .replace(&format!(": {}", rule(0)), ": 100")
            .replace(&format!(": {}", rule(3)), ": 97")
            .replace(&format!(": {}", rule(1)), ": 99");
        assert_ne!(expected, spool);
        for block in 1..=spool.len() + 1 {
            let mut out = Vec::new();
            copy_results(&mut spool.as_bytes(), &index, &mut out, block).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), expected, "block of {block}");
        }
    }
}
