//! A SARIF result printed as `serde_json::to_writer_pretty` prints it where the log holds
//! it (`runs[0].results[i]`, four levels in), written straight into bytes: the generic
//! printer and the re-indenting after it were a quarter of a SARIF run.

use super::{
    Artifact, ArtifactChange, InsertedContent, Location, LogicalLocation, PhysicalLocation, Region, RelatedLocation,
    RelatedPhysical, Replacement, SarifFix, SarifResult, StartRegion, Text,
};
use crate::emit::json::pretty::{array, indent, object, string, Value};
use crate::emit::push_decimal;

/// The results array's elements sit four levels in.
const LEVEL: usize = 4;

pub fn result(r: &SarifResult<'_>, out: &mut Vec<u8>) {
    indent(out, LEVEL);
    let related_locations = |o: &mut Vec<u8>, l| array(o, l, &r.related_locations, related);
    let fixes = |o: &mut Vec<u8>, l| array(o, l, &r.fixes, fix);
    let always: [(&str, Value<'_>); 5] = [
        ("ruleId", &|o, _| string(o, r.rule_id)),
        ("ruleIndex", &|o, _| push_decimal(o, r.rule_index)),
        ("level", &|o, _| string(o, r.level)),
        ("message", &|o, l| text(&r.message, l, o)),
        ("locations", &|o, l| array(o, l, &r.locations, location)),
    ];
    let mut members = always.to_vec();
    // Both are left out when empty.
    if !r.related_locations.is_empty() {
        members.push(("relatedLocations", &related_locations));
    }
    if !r.fixes.is_empty() {
        members.push(("fixes", &fixes));
    }
    object(out, LEVEL, &members);
}

fn text(t: &Text, level: usize, out: &mut Vec<u8>) {
    object(out, level, &[("text", &|o, _| string(o, &t.text))]);
}

fn location(l: &Location<'_>, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[("physicalLocation", &|o, at| physical(&l.physical_location, at, o))],
    );
}

fn physical(p: &PhysicalLocation<'_>, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[
            ("artifactLocation", &|o, l| artifact(&p.artifact_location, l, o)),
            ("region", &|o, l| region(&p.region, l, o)),
        ],
    );
}

fn artifact(a: &Artifact<'_>, level: usize, out: &mut Vec<u8>) {
    object(out, level, &[("uri", &|o, _| string(o, &a.uri))]);
}

fn region(r: &Region, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[
            ("startLine", &|o, _| push_decimal(o, r.start_line)),
            ("startColumn", &|o, _| push_decimal(o, r.start_column)),
            ("endLine", &|o, _| push_decimal(o, r.end_line)),
            ("endColumn", &|o, _| push_decimal(o, r.end_column)),
        ],
    );
}

fn related(r: &RelatedLocation<'_>, level: usize, out: &mut Vec<u8>) {
    let logical_locations = |o: &mut Vec<u8>, l| array(o, l, &r.logical_locations, logical);
    let message = |o: &mut Vec<u8>, l| text(&r.message, l, o);
    let first: [(&str, Value<'_>); 2] = [
        ("id", &|o, _| push_decimal(o, r.id)),
        ("physicalLocation", &|o, l| related_physical(&r.physical_location, l, o)),
    ];
    let mut members = first.to_vec();
    // Left out when empty.
    if !r.logical_locations.is_empty() {
        members.push(("logicalLocations", &logical_locations));
    }
    members.push(("message", &message));
    object(out, level, &members);
}

fn related_physical(p: &RelatedPhysical<'_>, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[
            ("artifactLocation", &|o, l| artifact(&p.artifact_location, l, o)),
            ("region", &|o, l| start_region(&p.region, l, o)),
        ],
    );
}

fn start_region(r: &StartRegion, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[
            ("startLine", &|o, _| push_decimal(o, r.start_line)),
            ("startColumn", &|o, _| push_decimal(o, r.start_column)),
        ],
    );
}

fn logical(l: &LogicalLocation<'_>, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[
            ("fullyQualifiedName", &|o, _| string(o, l.fully_qualified_name)),
            ("kind", &|o, _| string(o, l.kind)),
        ],
    );
}

fn fix(f: &SarifFix<'_>, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[
            ("description", &|o, l| text(&f.description, l, o)),
            ("artifactChanges", &|o, l| array(o, l, &f.artifact_changes, change)),
        ],
    );
}

fn change(c: &ArtifactChange<'_>, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[
            ("artifactLocation", &|o, l| artifact(&c.artifact_location, l, o)),
            ("replacements", &|o, l| array(o, l, &c.replacements, replacement)),
        ],
    );
}

fn replacement(r: &Replacement<'_>, level: usize, out: &mut Vec<u8>) {
    object(
        out,
        level,
        &[
            ("deletedRegion", &|o, l| region(&r.deleted_region, l, o)),
            ("insertedContent", &|o, l| inserted(&r.inserted_content, l, o)),
        ],
    );
}

fn inserted(i: &InsertedContent<'_>, level: usize, out: &mut Vec<u8>) {
    object(out, level, &[("text", &|o, _| string(o, i.text))]);
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
