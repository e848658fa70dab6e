//! `--statistics`: findings per rule, most frequent first.

use super::FileReport;
use std::collections::BTreeMap;
use std::io::Write;

pub fn write(reports: &[FileReport<'_>], out: &mut dyn Write) -> std::io::Result<()> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        *counts.entry((d.code, d.name)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((code, name), count) in rows {
        writeln!(out, "{count:>6}  {code:<6} {name}")?;
    }
    Ok(())
}
