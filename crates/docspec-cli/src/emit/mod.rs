//! Report formats, one file each. They serialize view structs, not `Diagnostic` itself.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod sink;
pub mod spool;

use docspec_diagnostics::{Applicability, Diagnostic, Severity};
use docspec_model::SourceFile;

/// The findings of one file, sorted.
pub struct FileReport<'a> {
    pub path: &'a str,
    pub source: &'a SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// The finding's message, followed by the places in a compared spec (related locations
/// with a JSON pointer), for formats that have one text field.
pub fn message_with_places(d: &Diagnostic) -> std::borrow::Cow<'_, str> {
    let places: Vec<String> = d
        .related
        .iter()
        .filter(|r| r.pointer.is_some())
        .map(docspec_diagnostics::Related::place)
        .collect();
    if places.is_empty() {
        d.message.as_str().into()
    } else {
        format!("{} [{}]", d.message, places.join("; ")).into()
    }
}

/// Copies `text` into `out` with each byte that `replacement` names written as its
/// replacement (the report formats escape single ASCII bytes only, so runs of other bytes
/// are copied whole).
pub fn push_escaped(out: &mut Vec<u8>, text: &str, replacement: impl Fn(u8) -> Option<&'static [u8]>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(escaped) = replacement(b) {
            out.extend_from_slice(&bytes[start..i]);
            out.extend_from_slice(escaped);
            start = i + 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Writes `n` in decimal, for the report writers that assemble bytes themselves.
pub fn push_decimal(buf: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut n = n;
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

/// Counts per severity over all reports.
#[derive(Clone, Copy, Debug, Default)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files_with_findings: usize,
    pub files: usize,
    /// Findings `--fix` fixes.
    pub fixable: usize,
    /// Findings only `--fix --unsafe-fixes` fixes.
    pub unsafe_fixable: usize,
}

impl Totals {
    /// Counts one more file's findings in.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match d.fix.as_ref().map(|f| f.applicability()) {
                Some(Applicability::Safe) => self.fixable += 1,
                Some(Applicability::Unsafe) => self.unsafe_fixable += 1,
                _ => {}
            }
        }
        self.files_with_findings += usize::from(!diagnostics.is_empty());
        self.files += 1;
    }
}

/// Whether `--fix` fixes this finding (marked `[*]`, as ruff does).
pub fn is_fixable(d: &Diagnostic) -> bool {
    d.fix.as_ref().is_some_and(|f| f.applicability() == Applicability::Safe)
}

/// "1 file", "2 files".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The summary of counted reports.
pub fn summary_of(t: &Totals) -> String {
    if t.errors + t.warnings + t.infos == 0 {
        return format!("All checks passed ({}).", plural(t.files, "file"));
    }
    let mut parts: Vec<String> = [(t.errors, "error"), (t.warnings, "warning"), (t.infos, "info")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, word)| plural(n, word))
        .collect();
    let last = parts.pop().unwrap_or_default();
    let counted = if parts.is_empty() {
        last
    } else {
        format!("{} and {last}", parts.join(", "))
    };
    let files = if t.files_with_findings == t.files {
        plural(t.files, "file")
    } else {
        format!("{} of {}", t.files_with_findings, plural(t.files, "file"))
    };
    let mut text = format!("Found {counted} in {files}.");
    match (t.fixable, t.unsafe_fixable) {
        (0, 0) => {}
        (0, u) => text.push_str(&format!(
            "\nNo fixes available ({u} with `docspec lint --fix --unsafe-fixes`)."
        )),
        (n, 0) => text.push_str(&format!("\n[*] {n} fixable with `docspec lint --fix`.")),
        (n, u) => text.push_str(&format!(
            "\n[*] {n} fixable with `docspec lint --fix` ({u} more with `--unsafe-fixes`)."
        )),
    }
    text
}

/// ANSI styles of the terminal reports, or none.
#[derive(Clone, Copy)]
pub struct Paint {
    color: bool,
}

impl Paint {
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    fn apply<T: std::fmt::Display>(self, style: anstyle::Style, text: T) -> Painted<T> {
        Painted {
            style: self.color.then_some(style),
            text,
        }
    }

    pub fn path<T: std::fmt::Display>(self, text: T) -> Painted<T> {
        self.apply(anstyle::Style::new().bold(), text)
    }

    pub fn severity<T: std::fmt::Display>(self, severity: Severity, text: T) -> Painted<T> {
        let color = match severity {
            Severity::Error => anstyle::AnsiColor::Red,
            Severity::Warning => anstyle::AnsiColor::Yellow,
            Severity::Info => anstyle::AnsiColor::Cyan,
        };
        self.apply(anstyle::Style::new().bold().fg_color(Some(color.into())), text)
    }

    pub fn fixable<T: std::fmt::Display>(self, text: T) -> Painted<T> {
        self.apply(
            anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Cyan.into())),
            text,
        )
    }

    pub fn dim<T: std::fmt::Display>(self, text: T) -> Painted<T> {
        self.apply(anstyle::Style::new().dimmed(), text)
    }
}

/// Text in its style when colour is on, plain otherwise; written straight to the
/// stream, without a string of its own.
pub struct Painted<T> {
    style: Option<anstyle::Style>,
    text: T,
}

impl<T: std::fmt::Display> std::fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.style {
            Some(style) => write!(f, "{}{}{}", style.render(), self.text, style.render_reset()),
            None => write!(f, "{}", self.text),
        }
    }
}
