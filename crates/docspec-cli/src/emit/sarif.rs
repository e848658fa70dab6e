//! SARIF 2.1.0: one run, the rules that have results (with their docs as help), results
//! with physical locations, and fixes as artifact changes.

use super::FileReport;
use docspec_diagnostics::{Diagnostic, Severity};
use docspec_model::SourceFile;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

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

pub fn write(reports: &[FileReport<'_>], out: &mut dyn Write) -> std::io::Result<()> {
    let used: BTreeMap<&str, ()> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|d| (d.code, ())))
        .collect();
    let metas: Vec<_> = used
        .keys()
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
    let index = |code: &str| metas.iter().position(|m| m.code == code).unwrap_or(0);
    let results = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .map(|(r, d)| result(r, d, index(d.code)))
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
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
