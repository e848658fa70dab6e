//! docspec findings as LSP diagnostics.

use crate::documents::file_uri;
use crate::lines::{Encoding, LineIndex};
use docspec_diagnostics::{Diagnostic, Severity};
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location, NumberOrString,
    Position, Range, Uri,
};

pub const SOURCE: &str = "docspec";

/// The rule's section of the rules reference (`docs/rules.md`): `base#cu001`.
pub fn rule_link(base: &str, code: &str) -> Option<Uri> {
    format!("{base}#{}", code.to_ascii_lowercase()).parse().ok()
}

pub fn diagnostic(
    d: &Diagnostic,
    uri: &Uri,
    index: &LineIndex<'_>,
    encoding: Encoding,
    rules_url: &str,
) -> lsp_types::Diagnostic {
    let mut related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), index.range(label.range, encoding)),
            message: label.message.clone().unwrap_or_else(|| "related".to_string()),
        })
        .collect();
    for r in &d.related {
        let Some(other) = file_uri(std::path::Path::new(&r.path)) else {
            continue;
        };
        let at = Position::new(
            u32::try_from(r.line.saturating_sub(1)).unwrap_or(0),
            u32::try_from(r.column.saturating_sub(1)).unwrap_or(0),
        );
        related.push(DiagnosticRelatedInformation {
            location: Location::new(other, Range::new(at, at)),
            message: r.message.clone(),
        });
    }
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range: index.range(d.range(), encoding),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: rule_link(rules_url, d.code).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        // An unused suppression is code that does nothing: editors grey it out.
        tags: (d.code == "DS002").then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: None,
    }
}
