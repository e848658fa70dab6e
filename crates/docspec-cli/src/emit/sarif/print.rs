//! A SARIF result printed as `serde_json::to_writer_pretty` prints it where the log holds
//! it (`runs[0].results[i]`, four levels in), written straight into bytes: the generic
//! printer and the re-indenting after it were a quarter of a SARIF run.

use super::{
    Artifact, ArtifactChange, InsertedContent, Location, LogicalLocation, PhysicalLocation, Region, RelatedLocation,
    RelatedPhysical, Replacement, SarifFix, SarifResult, StartRegion, Text,
};
use crate::emit::json::pretty::{array, field_num, field_str, indent, key, string};
use crate::emit::push_decimal;

/// The results array's elements sit four levels in.
const LEVEL: usize = 4;

pub fn result(r: &SarifResult<'_>, out: &mut Vec<u8>) {
    indent(out, LEVEL);
    let inner = LEVEL + 1;
    out.extend_from_slice(b"{\n");
    field_str(out, inner, "ruleId", r.rule_id);
    field_num(out, inner, "ruleIndex", r.rule_index);
    field_str(out, inner, "level", r.level);
    key(out, inner, "message");
    text(&r.message, inner, out);
    out.extend_from_slice(b",\n");
    key(out, inner, "locations");
    array(out, inner, &r.locations, location);
    if !r.related_locations.is_empty() {
        out.extend_from_slice(b",\n");
        key(out, inner, "relatedLocations");
        array(out, inner, &r.related_locations, related);
    }
    if !r.fixes.is_empty() {
        out.extend_from_slice(b",\n");
        key(out, inner, "fixes");
        array(out, inner, &r.fixes, fix);
    }
    close(out, LEVEL);
}

/// Ends an object whose last member was just written.
fn close(out: &mut Vec<u8>, level: usize) {
    out.push(b'\n');
    indent(out, level);
    out.push(b'}');
}

fn text(t: &Text, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "text");
    string(out, &t.text);
    close(out, level);
}

fn location(l: &Location<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "physicalLocation");
    physical(&l.physical_location, level + 1, out);
    close(out, level);
}

fn physical(p: &PhysicalLocation<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "artifactLocation");
    artifact(&p.artifact_location, level + 1, out);
    out.extend_from_slice(b",\n");
    key(out, level + 1, "region");
    region(&p.region, level + 1, out);
    close(out, level);
}

fn artifact(a: &Artifact<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "uri");
    string(out, &a.uri);
    close(out, level);
}

fn region(r: &Region, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    field_num(out, level + 1, "startLine", r.start_line);
    field_num(out, level + 1, "startColumn", r.start_column);
    field_num(out, level + 1, "endLine", r.end_line);
    key(out, level + 1, "endColumn");
    push_decimal(out, r.end_column);
    close(out, level);
}

fn related(r: &RelatedLocation<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    field_num(out, level + 1, "id", r.id);
    key(out, level + 1, "physicalLocation");
    related_physical(&r.physical_location, level + 1, out);
    out.extend_from_slice(b",\n");
    if !r.logical_locations.is_empty() {
        key(out, level + 1, "logicalLocations");
        array(out, level + 1, &r.logical_locations, logical);
        out.extend_from_slice(b",\n");
    }
    key(out, level + 1, "message");
    text(&r.message, level + 1, out);
    close(out, level);
}

fn related_physical(p: &RelatedPhysical<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "artifactLocation");
    artifact(&p.artifact_location, level + 1, out);
    out.extend_from_slice(b",\n");
    key(out, level + 1, "region");
    start_region(&p.region, level + 1, out);
    close(out, level);
}

fn start_region(r: &StartRegion, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    field_num(out, level + 1, "startLine", r.start_line);
    key(out, level + 1, "startColumn");
    push_decimal(out, r.start_column);
    close(out, level);
}

fn logical(l: &LogicalLocation<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    field_str(out, level + 1, "fullyQualifiedName", l.fully_qualified_name);
    key(out, level + 1, "kind");
    string(out, l.kind);
    close(out, level);
}

fn fix(f: &SarifFix<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "description");
    text(&f.description, level + 1, out);
    out.extend_from_slice(b",\n");
    key(out, level + 1, "artifactChanges");
    array(out, level + 1, &f.artifact_changes, change);
    close(out, level);
}

fn change(c: &ArtifactChange<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "artifactLocation");
    artifact(&c.artifact_location, level + 1, out);
    out.extend_from_slice(b",\n");
    key(out, level + 1, "replacements");
    array(out, level + 1, &c.replacements, replacement);
    close(out, level);
}

fn replacement(r: &Replacement<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "deletedRegion");
    region(&r.deleted_region, level + 1, out);
    out.extend_from_slice(b",\n");
    key(out, level + 1, "insertedContent");
    inserted(&r.inserted_content, level + 1, out);
    close(out, level);
}

fn inserted(i: &InsertedContent<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    key(out, level + 1, "text");
    string(out, i.text);
    close(out, level);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Text {
        Text { text: t.to_string() }
    }

    fn region(n: usize) -> Region {
        Region {
            start_line: n,
            start_column: n + 1,
            end_line: n + 20,
            end_column: 0,
        }
    }

    fn artifact(uri: &str) -> Artifact<'_> {
        Artifact { uri: uri.into() }
    }

    /// Every shape a result takes (no related locations or fixes, related locations with
    /// and without logical ones, fixes with several and no replacements) and strings that
    /// need escapes print as serde_json prints them where the log holds them.
    #[test]
    fn prints_as_serde_json_does() {
        let tricky = "quote \" backslash \\ line\nreturn\r tab\t nul\u{0} é 🎉 </tag>";
        let related = |id: usize, pointers: &[&'static str]| RelatedLocation {
            id,
            physical_location: RelatedPhysical {
                artifact_location: artifact("doc/api/other%20page.md"),
                region: StartRegion {
                    start_line: 123_456,
                    start_column: 1,
                },
            },
            logical_locations: pointers
                .iter()
                .map(|p| LogicalLocation {
                    fully_qualified_name: p,
                    kind: "member",
                })
                .collect(),
            message: text(tricky),
        };
        let fix = |replacements: Vec<Replacement<'static>>| SarifFix {
            description: text("Write `--header`"),
            artifact_changes: vec![ArtifactChange {
                artifact_location: artifact("doc/api/x.md"),
                replacements,
            }],
        };
        let replacement = |n: usize, content: &'static str| Replacement {
            deleted_region: region(n),
            inserted_content: InsertedContent { text: content },
        };
        let result = |related_locations, fixes| SarifResult {
            rule_id: "CU001",
            rule_index: super::super::PLACEHOLDER + 7,
            level: "warning",
            message: text(tricky),
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: artifact("doc/api/x.md"),
                    region: region(1),
                },
            }],
            related_locations,
            fixes,
        };
        let cases = [
            result(Vec::new(), Vec::new()),
            result(vec![related(1, &[])], Vec::new()),
            result(
                vec![related(1, &["/paths/~1widgets/get", "/a\"b"]), related(2, &[])],
                vec![fix(vec![replacement(3, tricky), replacement(9, "")])],
            ),
            result(Vec::new(), vec![fix(Vec::new()), fix(vec![replacement(0, "x")])]),
        ];
        for case in &cases {
            let mut mine = Vec::new();
            super::result(case, &mut mine);
            let mut reference = Vec::new();
            crate::emit::json::pretty_element(case, 8, &mut reference);
            assert_eq!(String::from_utf8(mine).unwrap(), String::from_utf8(reference).unwrap());
        }
    }
}
