//! SARIF 2.1.0: one run, the rules that have results (with their docs as help), results
//! with physical locations, and fixes as artifact changes.

use super::FileReport;
use docspec_diagnostics::{Diagnostic, Severity};
use docspec_model::SourceFile;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{BufRead, Write};

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
        super::json::pretty_element(&result(report, d, placeholder(d.code)), 8, &mut out);
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
    let mut line = Vec::new();
    while results.read_until(b'\n', &mut line)? > 0 {
        write_line(&line, &index, out)?;
        line.clear();
    }
    out.write_all(b"\n      ")?;
    writeln!(out, "{}", &document[at..])
}

/// A spooled line, its placeholder rule index (alone on its line, as the pretty printer
/// writes keys) replaced by the rule's index.
fn write_line(line: &[u8], index: &dyn Fn(&str) -> usize, out: &mut dyn Write) -> std::io::Result<()> {
    const KEY: &[u8] = b"\"ruleIndex\": ";
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    let Some(rest) = line[indent..].strip_prefix(KEY) else {
        return out.write_all(line);
    };
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let number = std::str::from_utf8(&rest[..digits])
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0);
    let Some(rule) = number
        .checked_sub(PLACEHOLDER)
        .and_then(|at| docspec_lint::RULES.get(at))
    else {
        return out.write_all(line);
    };
    out.write_all(&line[..indent + KEY.len()])?;
    write!(out, "{}", index(rule.meta().code))?;
    out.write_all(&rest[digits..])
}
