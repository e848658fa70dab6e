//! Keeps `docs/requirements.md` honest: the rules it names exist, every rule of the catalog is
//! named by a requirement or listed as docspec's own, MISSING rows and gaps point at proposals
//! that point back at them, and the summary counts are the counts of its tables.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_lint::all_metadata;
use docspec_model::{SourceFile, Table};
use std::collections::{BTreeMap, BTreeSet};

const DOC: &str = "docs/requirements.md";
const REASONS: &[&str] = &[
    "judgment",
    "product",
    "not in Markdown",
    "permission",
    "process",
    "scope",
];
const OWN_SECTION: &str = "docspec's own rules";

#[derive(Debug, PartialEq)]
enum Status {
    Checked,
    Gap,
    Missing,
    NoRule(String),
}

struct Requirement {
    id: String,
    line: usize,
    status: Status,
    /// Codes the row says check it (before any note or gap).
    checks: Vec<String>,
    /// Every code the cell mentions, notes included.
    mentioned: Vec<String>,
    proposals: Vec<String>,
}

struct Proposal {
    id: String,
    line: usize,
    /// `new`, `extend` or `elsewhere`, with the code for the first two.
    kind: String,
    code: Option<String>,
    requirements: BTreeSet<String>,
}

#[derive(Default)]
struct Matrix {
    requirements: Vec<Requirement>,
    own: Vec<(String, usize)>,
    proposals: Vec<Proposal>,
    summary: BTreeMap<String, usize>,
    reasons: BTreeMap<String, usize>,
}

/// Tokens of `letters` upper-case ASCII letters then `digits` digits, standing alone.
fn tokens(text: &str, letters: usize, digits: usize) -> Vec<String> {
    let bytes = text.as_bytes();
    let len = letters + digits;
    let mut out = Vec::new();
    for start in 0..bytes.len().saturating_sub(len - 1) {
        let word = &bytes[start..start + len];
        let alone_before = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let alone_after = bytes.get(start + len).is_none_or(|b| !b.is_ascii_alphanumeric());
        if alone_before
            && alone_after
            && word[..letters].iter().all(u8::is_ascii_uppercase)
            && word[letters..].iter().all(u8::is_ascii_digit)
        {
            out.push(String::from_utf8(word.to_vec()).unwrap());
        }
    }
    out
}

fn rule_codes(text: &str) -> Vec<String> {
    tokens(text, 2, 3)
}

fn proposal_ids(text: &str) -> Vec<String> {
    tokens(text, 1, 2).into_iter().filter(|t| t.starts_with('M')).collect()
}

fn read_requirement(id: &str, line: usize, cell: &str, problems: &mut Vec<String>) -> Requirement {
    let at = format!("{DOC}:{line}: {id}");
    let mentioned = rule_codes(cell);
    let proposals = proposal_ids(cell);
    let head = cell.split(" — ").next().unwrap_or(cell);
    let head = head.split("gap:").next().unwrap_or(head);
    let mut checks = Vec::new();
    let status = if cell.starts_with("MISSING") {
        if proposals.is_empty() {
            problems.push(format!("{at}: a MISSING row names no proposal (write `MISSING → M..`)"));
        }
        if !mentioned.is_empty() {
            problems.push(format!(
                "{at}: a MISSING row names {}; if a rule checks it, write the code instead of MISSING",
                mentioned.join(", ")
            ));
        }
        Status::Missing
    } else if let Some(rest) = cell.strip_prefix("none (") {
        let reason = rest.split(')').next().unwrap_or("").to_string();
        if !REASONS.contains(&reason.as_str()) {
            problems.push(format!("{at}: `none ({reason})` is not one of the reasons {REASONS:?}"));
        }
        Status::NoRule(reason)
    } else {
        checks = rule_codes(head);
        if checks.is_empty() || !cell.starts_with(checks[0].as_str()) {
            problems.push(format!(
                "{at}: the rule column must start with the codes that check it, `MISSING → M..` or `none (reason)`; it is `{cell}`"
            ));
        }
        if cell.contains("gap:") {
            if proposals.is_empty() {
                problems.push(format!("{at}: a gap names no proposal (end it with `→ M..`)"));
            }
            Status::Gap
        } else {
            Status::Checked
        }
    };
    Requirement {
        id: id.to_string(),
        line,
        status,
        checks,
        mentioned,
        proposals,
    }
}

fn list(ids: &BTreeSet<String>) -> String {
    if ids.is_empty() {
        "none".to_string()
    } else {
        ids.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

fn cell(table: &Table, row: usize, column: usize) -> String {
    table.rows[row]
        .cells
        .get(column)
        .map_or_else(String::new, |c| c.text.trim().to_string())
}

fn header(table: &Table) -> Vec<&str> {
    table.header.iter().map(|c| c.text.trim()).collect()
}

fn read(text: &str, problems: &mut Vec<String>) -> Matrix {
    let source = SourceFile::new(DOC, text);
    let page = docspec_parser::parse(&source);
    let line = |offset: usize| source.line_col(offset).line;
    let section_of = |offset: usize| {
        page.headings
            .iter()
            .rfind(|h| h.level == 2 && h.range.start() < offset)
            .map_or("", |h| h.text.as_str())
    };
    let mut matrix = Matrix::default();
    for table in &page.tables {
        let head = header(table);
        for row in 0..table.rows.len() {
            let at = line(table.rows[row].range.start());
            let first = cell(table, row, 0);
            match head.first().copied() {
                Some("ID") if head.len() == 4 => {
                    let requirement = read_requirement(&first, at, &cell(table, row, 3), problems);
                    matrix.requirements.push(requirement);
                }
                Some("Rule") if section_of(table.range.start()) == OWN_SECTION => matrix.own.push((first, at)),
                Some("Proposal") => {
                    let code_cell = cell(table, row, 1);
                    let mut words = code_cell.split_whitespace();
                    matrix.proposals.push(Proposal {
                        id: first,
                        line: at,
                        kind: words.next().unwrap_or("").to_string(),
                        code: words.next().map(str::to_string),
                        requirements: tokens(&cell(table, row, 5), 1, 3)
                            .into_iter()
                            .filter(|t| t.starts_with('R'))
                            .collect(),
                    });
                }
                Some("Requirements") => {
                    matrix
                        .summary
                        .insert(first, cell(table, row, 1).parse().unwrap_or(usize::MAX));
                }
                Some("No rule, because") => {
                    matrix
                        .reasons
                        .insert(first, cell(table, row, 1).parse().unwrap_or(usize::MAX));
                }
                _ => {}
            }
        }
    }
    matrix
}

fn check(matrix: &Matrix, problems: &mut Vec<String>) {
    let catalog: BTreeMap<&str, &docspec_lint::RuleMetadata> = all_metadata().map(|m| (m.code, m)).collect();

    // Requirement ids: well formed and unique.
    let mut seen = BTreeSet::new();
    for r in &matrix.requirements {
        if tokens(&r.id, 1, 3) != [r.id.clone()] || !r.id.starts_with('R') {
            problems.push(format!(
                "{DOC}:{}: `{}` is not a requirement id (R001, R002, ...)",
                r.line, r.id
            ));
        }
        if !seen.insert(r.id.as_str()) {
            problems.push(format!("{DOC}:{}: {} is used twice", r.line, r.id));
        }
    }

    // (a) Every code named exists.
    let named = matrix
        .requirements
        .iter()
        .flat_map(|r| r.mentioned.iter().map(move |c| (c.as_str(), r.line, r.id.as_str())))
        .chain(matrix.own.iter().map(|(c, line)| (c.as_str(), *line, OWN_SECTION)));
    for (code, line, place) in named {
        if !catalog.contains_key(code) {
            problems.push(format!(
                "{DOC}:{line}: {place} names {code}, which is not a rule of the catalog (`docspec rules`): \
                 correct the code, or mark the requirement `MISSING → M..` with a proposal"
            ));
        }
    }

    // (b) Every rule of the catalog is named by a requirement or listed as docspec's own.
    let covered: BTreeSet<&str> = matrix
        .requirements
        .iter()
        .flat_map(|r| r.checks.iter().map(String::as_str))
        .chain(matrix.own.iter().map(|(c, _)| c.as_str()))
        .collect();
    for meta in catalog.values().filter(|m| !covered.contains(m.code)) {
        problems.push(format!(
            "{code} (`{name}`, category {category}) is in the catalog but {DOC} does not name it: add {code} \
             to the rule column of the requirement(s) it checks (replacing `MISSING → M..` where it closes a \
             proposal), or add the row `| {code} | why it is docspec's own |` to the table under \
             \"{OWN_SECTION}\"",
            code = meta.code,
            name = meta.name,
            category = meta.category,
        ));
    }

    // Proposals and the rows that point at them agree both ways.
    let mut pointing: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for r in &matrix.requirements {
        for p in &r.proposals {
            pointing.entry(p.as_str()).or_default().insert(r.id.clone());
        }
    }
    let mut ids = BTreeSet::new();
    for p in &matrix.proposals {
        let at = format!("{DOC}:{}: {}", p.line, p.id);
        if !ids.insert(p.id.as_str()) {
            problems.push(format!("{at} is listed twice"));
        }
        let from_rows = pointing.get(p.id.as_str()).cloned().unwrap_or_default();
        if from_rows != p.requirements {
            problems.push(format!(
                "{at} lists requirements {}, but the rows that point at it are {}: make them agree",
                list(&p.requirements),
                list(&from_rows)
            ));
        }
        match (p.kind.as_str(), p.code.as_deref()) {
            ("new", Some(code)) if catalog.contains_key(code) => problems.push(format!(
                "{at} proposes the new rule {code}, and the catalog now has {code} (`{}`): if it is this \
                 proposal, name {code} in {} instead of `MISSING → {}` and drop {}; otherwise give {} a free code",
                catalog[code].name,
                list(&p.requirements),
                p.id,
                p.id,
                p.id
            )),
            ("extend", Some(code)) if !catalog.contains_key(code) => {
                problems.push(format!("{at} extends {code}, which is not a rule of the catalog"));
            }
            ("new" | "extend", Some(code)) if rule_codes(code) != [code.to_string()] => {
                problems.push(format!("{at}: `{code}` is not a rule code"));
            }
            ("new" | "extend", Some(_)) | ("elsewhere", None) => {}
            (kind, _) => problems.push(format!(
                "{at}: the Code column is `{kind} ...`; write `new XX000`, `extend XX000` or `elsewhere`"
            )),
        }
    }
    for (id, rows) in &pointing {
        if !ids.contains(id) {
            problems.push(format!(
                "{} point at {id}, which is not in the proposals table",
                list(rows)
            ));
        }
    }

    // The summary is the count of the tables.
    let count = |f: &dyn Fn(&Status) -> bool| matrix.requirements.iter().filter(|r| f(&r.status)).count();
    let expected = [
        ("All", matrix.requirements.len()),
        ("Checked by a rule", count(&|s| *s == Status::Checked)),
        ("Checked, with a gap", count(&|s| *s == Status::Gap)),
        ("No rule (reason given)", count(&|s| matches!(s, Status::NoRule(_)))),
        ("MISSING", count(&|s| *s == Status::Missing)),
    ];
    for (label, n) in expected {
        check_count(&matrix.summary, label, n, problems);
    }
    for reason in REASONS {
        let n = count(&|s| matches!(s, Status::NoRule(r) if r == reason));
        check_count(&matrix.reasons, reason, n, problems);
    }
}

fn check_count(table: &BTreeMap<String, usize>, label: &str, n: usize, problems: &mut Vec<String>) {
    match table.get(label) {
        Some(written) if *written == n => {}
        Some(written) => problems.push(format!(
            "{DOC}: the summary says `{label}` {written}; the tables have {n}"
        )),
        None => problems.push(format!("{DOC}: the summary has no `{label}` row (the tables have {n})")),
    }
}

fn problems_of(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let matrix = read(text, &mut problems);
    if matrix.requirements.is_empty() || matrix.proposals.is_empty() || matrix.own.is_empty() {
        problems.push(format!("{DOC}: found no requirement, proposal or own-rule table"));
    }
    check(&matrix, &mut problems);
    problems
}

#[test]
fn requirements_matrix_matches_the_catalog() {
    let text = std::fs::read_to_string(docspec_tests::root().join(DOC)).unwrap();
    let problems = problems_of(&text);
    assert!(
        problems.is_empty(),
        "{DOC} is out of date:\n- {}",
        problems.join("\n- ")
    );
}

/// The checks above fail on the mistakes they exist for.
#[test]
fn the_checks_catch_what_they_are_for() {
    let text = std::fs::read_to_string(docspec_tests::root().join(DOC)).unwrap();
    let mutate = |from: &str, to: &str| {
        assert!(text.contains(from), "`{from}` is not in {DOC}");
        problems_of(&text.replacen(from, to, 1)).join("\n")
    };
    // A code that does not exist.
    assert!(mutate("| XP002 |", "| XP099 |").contains("XP099, which is not a rule of the catalog"));
    // A rule nobody names any more.
    let unnamed = mutate("| DS004 | An empty page", "| X | An empty page");
    assert!(unnamed.contains("DS004 (`empty-page`, category docspec) is in the catalog"));
    // A MISSING row without a proposal, and a summary that no longer adds up.
    let missing = mutate("| CU018 |", "| MISSING |");
    assert!(missing.contains("a MISSING row names no proposal"));
    // A gap without its proposal.
    let gap = mutate(" → M17 |", " |");
    assert!(gap.contains("a gap names no proposal"));
    assert!(gap.contains("M17 lists requirements"));
    assert!(mutate("| All | ", "| All | 1").contains("the summary says `All`"));
    // A proposed code the catalog already has.
    assert!(mutate("| new XP004 |", "| new ST001 |").contains("the catalog now has ST001"));
}
