//! `--statistics`: findings per rule, most frequent first; `[*]` marks rules whose
//! findings `--fix` fixes (some of them, at least).

use super::{is_fixable, FileReport};
use std::collections::BTreeMap;
use std::io::Write;

pub fn write(reports: &[FileReport<'_>], out: &mut dyn Write) -> std::io::Result<()> {
    let mut counts: BTreeMap<(&str, &str), (usize, bool)> = BTreeMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let entry = counts.entry((d.code, d.name)).or_default();
        entry.0 += 1;
        entry.1 |= is_fixable(d);
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    for ((code, name), (count, fixable)) in rows {
        let mark = if fixable { "[*]" } else { "   " };
        writeln!(out, "{count:>6}  {code:<6} {mark} {name}")?;
    }
    Ok(())
}
