#![allow(dead_code)] // each test binary uses a part of it
//! Reading pages for the tests.

use docspec_model::{Page, SourceFile};
use docspec_openapi::{emit, Finding, OpenApiSettings, PageInput};
use std::path::{Path, PathBuf};

pub struct Loaded {
    pub sources: Vec<SourceFile>,
    pub pages: Vec<Page>,
}

impl Loaded {
    /// Reads the files; each page's display path is its path relative to `root`.
    pub fn read(root: &Path, files: &[PathBuf]) -> Self {
        let sources: Vec<SourceFile> = files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).expect("readable fixture");
                let display = f.strip_prefix(root).unwrap_or(f).display().to_string();
                SourceFile::new(display, text)
            })
            .collect();
        let pages = sources.iter().map(docspec_parser::parse).collect();
        Self { sources, pages }
    }

    /// Pages written in the test, as `(path, text)`.
    pub fn from_texts(pages: &[(&str, &str)]) -> Self {
        let sources: Vec<SourceFile> = pages.iter().map(|(path, text)| SourceFile::new(*path, *text)).collect();
        let pages = sources.iter().map(docspec_parser::parse).collect();
        Self { sources, pages }
    }

    /// The same pages saved with CRLF line endings, as editors on Windows write them.
    pub fn with_crlf(&self) -> Self {
        let sources: Vec<SourceFile> = self
            .sources
            .iter()
            .map(|s| SourceFile::new(s.path(), s.text().replace("\r\n", "\n").replace('\n', "\r\n")))
            .collect();
        let pages = sources.iter().map(docspec_parser::parse).collect();
        Self { sources, pages }
    }

    pub fn inputs(&self) -> Vec<PageInput<'_>> {
        self.sources
            .iter()
            .zip(&self.pages)
            .map(|(source, page)| PageInput {
                path: source.path(),
                source,
                page,
            })
            .collect()
    }

    pub fn emit(&self) -> (openapiv3::OpenAPI, Vec<Finding>) {
        emit(&self.inputs(), &OpenApiSettings::default())
    }

    /// The written YAML and JSON with at most `budget` bytes of operations kept in memory
    /// and the rest in a temporary file; and how many operations went to the file.
    pub fn written_spilling(&self, budget: usize) -> ([String; 2], usize) {
        let settings = OpenApiSettings::default();
        let document = || docspec_openapi::emit_document_spilling(&self.inputs(), &settings, budget).0;
        let first = document();
        let spilled = first.spilled();
        ([first.to_yaml(), document().to_json()], spilled)
    }

    /// The text `docspec openapi` writes (YAML, JSON) and the same document's text from
    /// `openapiv3`'s types.
    #[allow(dead_code)]
    pub fn written_and_typed(&self) -> [(String, String); 2] {
        let settings = OpenApiSettings::default();
        let written = || docspec_openapi::emit_document(&self.inputs(), &settings).0;
        let typed = written().into_openapi();
        [
            (written().to_yaml(), docspec_openapi::to_yaml(&typed)),
            (written().to_json(), docspec_openapi::to_json(&typed)),
        ]
    }
}

/// `.md` files under a folder, recursively, sorted.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable folder") {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Findings as `path:line:col: severity[code/name]: message` lines.
pub fn render_findings(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let d = &f.diagnostic;
            let related: String = d
                .related
                .iter()
                .map(|r| format!(" (related: {}:{}:{} {})", r.path, r.line, r.column, r.message))
                .collect();
            format!(
                "{}:{}:{}: {}[{}/{}]: {}{related}\n",
                f.path, f.line, f.column, d.severity, d.code, d.name, d.message
            )
        })
        .collect()
}

/// A schema of the spec as JSON, with a `$ref` to a component replaced by the component.
pub fn resolve(spec: &serde_json::Value, schema: &serde_json::Value) -> serde_json::Value {
    match schema["$ref"].as_str() {
        Some(r) => spec["components"]["schemas"][r.rsplit('/').next().unwrap_or(r)].clone(),
        None => schema.clone(),
    }
}
