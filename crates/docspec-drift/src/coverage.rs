//! How much of the spec the pages document: per tag, attributes, response attributes.

use serde::Serialize;
use std::fmt::Write;

#[derive(Clone, Debug, Default, Serialize)]
pub struct Coverage {
    pub spec: String,
    pub version: String,
    /// Operations in the spec, and how many a page documents.
    pub operations: usize,
    pub documented: usize,
    /// Documented request lines the spec does not have.
    pub documented_not_in_spec: usize,
    /// With a partial spec: pages not compared because none of their operations is in it.
    pub pages_not_compared: usize,
    pub tags: Vec<TagCoverage>,
    /// Spec parameters compared with attribute tables, and how many the tables list.
    pub attributes: Counts,
    /// Response properties compared with response tables, and how many the tables list.
    pub response_attributes: Counts,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct TagCoverage {
    pub tag: String,
    pub operations: usize,
    pub documented: usize,
    pub undocumented: Vec<Undocumented>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Undocumented {
    /// `GET /projects/{id}/widgets`
    pub operation: String,
    pub operation_id: Option<String>,
    /// The page that most likely should document it.
    pub page: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Counts {
    /// In the spec, compared.
    pub in_spec: usize,
    /// Of those, listed in the tables.
    pub documented: usize,
    /// Table rows the spec does not have.
    pub not_in_spec: usize,
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_string()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

impl Coverage {
    /// The summary people read after the report.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Coverage of {} ({}): {} of {} operations documented ({}); {} documented request {} not in the spec.",
            self.spec,
            self.version,
            self.documented,
            self.operations,
            percent(self.documented, self.operations),
            self.documented_not_in_spec,
            if self.documented_not_in_spec == 1 {
                "line"
            } else {
                "lines"
            }
        );
        if self.pages_not_compared > 0 {
            let _ = writeln!(
                out,
                "Partial spec: {} pages with no operation in it were not compared.",
                self.pages_not_compared
            );
        }
        let a = self.attributes;
        let _ = writeln!(
            out,
            "Attributes of documented operations: {} of {} in the spec listed ({}); {} table rows not in the spec.",
            a.documented,
            a.in_spec,
            percent(a.documented, a.in_spec),
            a.not_in_spec
        );
        let r = self.response_attributes;
        let _ = writeln!(
            out,
            "Response attributes (methods with a response table): {} of {} listed ({}); {} rows not in the spec.",
            r.documented,
            r.in_spec,
            percent(r.documented, r.in_spec),
            r.not_in_spec
        );
        if self.tags.is_empty() {
            return out;
        }
        let width = self.tags.iter().map(|t| t.tag.len()).max().unwrap_or(3).max(3);
        let _ = writeln!(out, "\n{:width$}  documented  in spec", "tag");
        for t in &self.tags {
            let _ = writeln!(
                out,
                "{:width$}  {:>10}  {:>7}  {}",
                t.tag,
                t.documented,
                t.operations,
                percent(t.documented, t.operations)
            );
        }
        let missing: Vec<&TagCoverage> = self.tags.iter().filter(|t| !t.undocumented.is_empty()).collect();
        if !missing.is_empty() {
            let _ = writeln!(out, "\nUndocumented operations by tag:");
            for t in missing {
                let _ = writeln!(out, "  {}", t.tag);
                for u in &t.undocumented {
                    match &u.page {
                        Some(page) => {
                            let _ = writeln!(out, "    {}  -> {page}", u.operation);
                        }
                        None => {
                            let _ = writeln!(out, "    {}  -> new page", u.operation);
                        }
                    }
                }
            }
        }
        out
    }
}
