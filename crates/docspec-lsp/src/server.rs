//! The protocol: lifecycle, document sync with debounced linting, and the requests.

use crate::actions;
use crate::analysis::{Analyzer, Outcome};
use crate::convert;
use crate::documents::{file_path, file_uri, Document, Documents};
use crate::lines::{Encoding, LineIndex};
use crate::transport::{Incoming, Outgoing};
use docspec_diagnostics::Applicability;
use docspec_model::{SourceFile, TextRange};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{notification as n, request as r};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// `initializationOptions` (all optional).
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Milliseconds to wait after a change before linting (default 150).
    pub debounce_ms: u64,
    /// The rules reference that `codeDescription` links point into.
    pub rules_url: String,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            debounce_ms: 150,
            rules_url: format!("{}/blob/main/docs/rules.md", env!("CARGO_PKG_REPOSITORY")),
        }
    }
}

#[derive(PartialEq, Eq)]
enum State {
    Uninitialized,
    Running,
    ShutDown,
}

pub struct Server {
    out: Sender<Outgoing>,
    state: State,
    options: Options,
    encoding: Encoding,
    roots: Vec<PathBuf>,
    documents: Documents,
    analyzer: Analyzer,
    /// Configuration files that currently have an error published on them.
    config_errors: BTreeSet<PathBuf>,
}

impl Server {
    pub fn new(out: Sender<Outgoing>) -> Self {
        Self {
            out,
            state: State::Uninitialized,
            options: Options::default(),
            encoding: Encoding::Utf16,
            roots: Vec::new(),
            documents: Documents::default(),
            analyzer: Analyzer::default(),
            config_errors: BTreeSet::new(),
        }
    }

    /// Serves until `exit` or the end of input; whether `shutdown` came first.
    pub fn run(mut self, incoming: &Receiver<Incoming>) -> bool {
        let clean = loop {
            let event = match self.documents.next_due() {
                Some(due) => incoming.recv_timeout(due.saturating_duration_since(Instant::now())),
                None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match event {
                Ok(Incoming::Message(message)) => {
                    if let Some(clean) = self.handle(message) {
                        break clean;
                    }
                }
                Ok(Incoming::Closed) | Err(RecvTimeoutError::Disconnected) => break false,
                Err(RecvTimeoutError::Timeout) => {}
            }
            // Lint what is due even while messages keep coming.
            self.lint_due();
        };
        let _ = self.out.send(Outgoing::Stop);
        clean
    }

    fn send(&self, message: impl Into<Message>) {
        let _ = self.out.send(Outgoing::Message(message.into()));
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn log(&self, kind: lsp_types::MessageType, message: String) {
        self.notify::<n::LogMessage>(lsp_types::LogMessageParams { typ: kind, message });
    }

    /// Handles one message; `Some(clean)` when the server is to stop.
    fn handle(&mut self, message: Message) -> Option<bool> {
        match message {
            Message::Request(request) => {
                let id = request.id.clone();
                let method = request.method.clone();
                let result = catch_unwind(AssertUnwindSafe(|| self.request(request)));
                let response = match result {
                    Ok(response) => response,
                    Err(_) => Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        format!("docspec failed on `{method}`"),
                    ),
                };
                self.send(response);
                None
            }
            Message::Notification(notification) => {
                if notification.method == n::Exit::METHOD {
                    return Some(self.state == State::ShutDown);
                }
                let method = notification.method.clone();
                if catch_unwind(AssertUnwindSafe(|| self.notification(notification))).is_err() {
                    self.log(lsp_types::MessageType::ERROR, format!("docspec failed on `{method}`"));
                }
                None
            }
            // The server sends no requests, so responses are not expected.
            Message::Response(_) => None,
        }
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        match (&self.state, request.method.as_str()) {
            (State::Uninitialized, r::Initialize::METHOD) => self.initialize(id, request.params),
            (State::Uninitialized, _) => Response::new_err(
                id,
                ErrorCode::ServerNotInitialized as i32,
                "the server is not initialized yet".to_string(),
            ),
            (_, r::Initialize::METHOD) => Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is already initialized".to_string(),
            ),
            (State::ShutDown, _) => Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shut down".to_string(),
            ),
            (State::Running, r::Shutdown::METHOD) => {
                self.state = State::ShutDown;
                Response::new_ok(id, Value::Null)
            }
            (State::Running, r::CodeActionRequest::METHOD) => with_params(id, request.params, |p| self.code_action(p)),
            (State::Running, r::HoverRequest::METHOD) => with_params(id, request.params, |p| self.hover(p)),
            (State::Running, r::DocumentSymbolRequest::METHOD) => with_params(id, request.params, |p| self.symbols(p)),
            (State::Running, method) => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method `{method}`"),
            ),
        }
    }

    fn initialize(&mut self, id: RequestId, params: Value) -> Response {
        let params: lsp_types::InitializeParams = match serde_json::from_value(params) {
            Ok(p) => p,
            Err(e) => {
                return Response::new_err(
                    id,
                    ErrorCode::InvalidParams as i32,
                    format!("invalid initialize parameters: {e}"),
                )
            }
        };
        if let Some(options) = params.initialization_options.clone() {
            match serde_json::from_value::<Options>(options) {
                Ok(o) => self.options = o,
                Err(e) => self.log(
                    lsp_types::MessageType::WARNING,
                    format!("docspec: initializationOptions ignored: {e}"),
                ),
            }
        }
        let utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|kinds| kinds.contains(&lsp_types::PositionEncodingKind::UTF8));
        self.encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        #[allow(deprecated)] // `root_uri` is what older clients (Neovim 0.7) send
        let folders: Vec<PathBuf> = match &params.workspace_folders {
            Some(folders) => folders.iter().filter_map(|f| file_path(&f.uri)).collect(),
            None => params.root_uri.iter().filter_map(file_path).collect(),
        };
        self.roots = folders;
        self.state = State::Running;
        let capabilities = lsp_types::ServerCapabilities {
            position_encoding: Some(if utf8 {
                lsp_types::PositionEncodingKind::UTF8
            } else {
                lsp_types::PositionEncodingKind::UTF16
            }),
            text_document_sync: Some(lsp_types::TextDocumentSyncCapability::Options(
                lsp_types::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp_types::TextDocumentSyncKind::INCREMENTAL),
                    save: Some(lsp_types::TextDocumentSyncSaveOptions::SaveOptions(
                        lsp_types::SaveOptions {
                            include_text: Some(false),
                        },
                    )),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(lsp_types::CodeActionProviderCapability::Options(
                lsp_types::CodeActionOptions {
                    code_action_kinds: Some(actions::kinds()),
                    resolve_provider: Some(false),
                    ..Default::default()
                },
            )),
            hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
            document_symbol_provider: Some(lsp_types::OneOf::Left(true)),
            ..Default::default()
        };
        let result = lsp_types::InitializeResult {
            capabilities,
            server_info: Some(lsp_types::ServerInfo {
                name: "docspec".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        Response::new_ok(id, result)
    }

    fn notification(&mut self, notification: Notification) {
        if self.state != State::Running {
            return;
        }
        let params = notification.params;
        match notification.method.as_str() {
            n::DidOpenTextDocument::METHOD => {
                let Some(p) = parse::<lsp_types::DidOpenTextDocumentParams>(params) else {
                    return;
                };
                let doc = p.text_document;
                let key = doc.uri.as_str().to_string();
                let mut document = Document::new(doc.uri, doc.version, doc.text);
                document.due = Some(Instant::now());
                self.documents.open.insert(key, document);
                self.lint_due();
            }
            n::DidChangeTextDocument::METHOD => {
                let Some(p) = parse::<lsp_types::DidChangeTextDocumentParams>(params) else {
                    return;
                };
                let encoding = self.encoding;
                let debounce = Duration::from_millis(self.options.debounce_ms);
                if let Some(doc) = self.documents.get_mut(&p.text_document.uri) {
                    doc.apply(p.text_document.version, p.content_changes, encoding);
                    doc.due = Some(Instant::now() + debounce);
                }
            }
            n::DidSaveTextDocument::METHOD => {
                let Some(p) = parse::<lsp_types::DidSaveTextDocumentParams>(params) else {
                    return;
                };
                let is_config =
                    file_path(&p.text_document.uri).is_some_and(|f| f.ends_with(docspec_config::CONFIG_FILE));
                // A saved page can change what other pages' cross-page rules see.
                self.analyzer.relist();
                if is_config {
                    self.relint_all();
                } else {
                    self.relint_all_now();
                }
            }
            n::DidCloseTextDocument::METHOD => {
                let Some(p) = parse::<lsp_types::DidCloseTextDocumentParams>(params) else {
                    return;
                };
                if self.documents.open.remove(p.text_document.uri.as_str()).is_some() {
                    self.publish(&p.text_document.uri, Vec::new(), None);
                }
            }
            n::DidChangeConfiguration::METHOD | n::DidChangeWatchedFiles::METHOD => {
                self.analyzer.relist();
                self.relint_all();
            }
            // `initialized`, `$/cancelRequest` (requests are answered at once), `$/setTrace`,
            // and any notification we do not know: nothing to do.
            _ => {}
        }
    }

    fn relint_all(&mut self) {
        let now = Instant::now();
        for doc in self.documents.open.values_mut() {
            doc.due = Some(now);
        }
    }

    fn relint_all_now(&mut self) {
        self.relint_all();
        self.lint_due();
    }

    /// Lints every document whose time has come.
    fn lint_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .documents
            .open
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|at| at <= now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            self.lint(&key);
        }
    }

    /// Lints one open document now and publishes its diagnostics.
    fn lint(&mut self, key: &str) {
        let buffers = self.documents.buffers();
        let Some(doc) = self.documents.open.get_mut(key) else {
            return;
        };
        doc.due = None;
        let started = Instant::now();
        let (path, text, version) = (doc.path.clone(), doc.text.clone(), doc.version);
        let analyzer = &mut self.analyzer;
        let roots = &self.roots;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            analyzer.lint(path.as_deref(), &text, version, &buffers, roots)
        }));
        let uri = doc.uri.clone();
        let outcome = match outcome {
            Ok(outcome) => outcome,
            Err(_) => {
                self.log(
                    lsp_types::MessageType::ERROR,
                    format!("docspec failed while linting {}", uri.as_str()),
                );
                return;
            }
        };
        let elapsed = started.elapsed();
        let mut fixed_config = std::mem::take(&mut self.config_errors);
        match outcome {
            Outcome::Linted(analysis) => {
                let index = LineIndex::new(&text);
                let diagnostics = analysis
                    .diagnostics
                    .iter()
                    .map(|d| convert::diagnostic(d, &uri, &index, self.encoding, &self.options.rules_url))
                    .collect();
                self.log(
                    lsp_types::MessageType::LOG,
                    format!(
                        "docspec: linted {} (version {version}, {} findings, {} pages in its project) in {} ms",
                        uri.as_str(),
                        analysis.diagnostics.len(),
                        analysis.project_pages,
                        elapsed.as_millis()
                    ),
                );
                self.publish(&uri, diagnostics, Some(version));
                if let Some(doc) = self.documents.open.get_mut(key) {
                    doc.analysis = Some(analysis);
                }
            }
            Outcome::Excluded => {
                self.publish(&uri, Vec::new(), Some(version));
                if let Some(doc) = self.documents.open.get_mut(key) {
                    doc.analysis = None;
                }
            }
            Outcome::ConfigError {
                path,
                line,
                column,
                message,
            } => {
                fixed_config.remove(&path);
                if let Some(config_uri) = file_uri(&path) {
                    let at = lsp_types::Position::new(
                        u32::try_from(line.saturating_sub(1)).unwrap_or(0),
                        u32::try_from(column.saturating_sub(1)).unwrap_or(0),
                    );
                    let diagnostic = lsp_types::Diagnostic {
                        range: lsp_types::Range::new(at, at),
                        severity: Some(lsp_types::DiagnosticSeverity::ERROR),
                        source: Some(convert::SOURCE.to_string()),
                        message: message.clone(),
                        ..Default::default()
                    };
                    self.publish(&config_uri, vec![diagnostic], None);
                }
                self.notify::<n::ShowMessage>(lsp_types::ShowMessageParams {
                    typ: lsp_types::MessageType::ERROR,
                    message: format!("docspec: {}:{line}:{column}: {message}", path.display()),
                });
                self.publish(&uri, Vec::new(), Some(version));
                self.config_errors.insert(path);
            }
        }
        // Configuration files whose error is gone get their diagnostics cleared.
        for path in fixed_config {
            if self.config_errors.contains(&path) {
                continue;
            }
            if let Some(config_uri) = file_uri(&path) {
                self.publish(&config_uri, Vec::new(), None);
            }
        }
    }

    fn publish(&self, uri: &lsp_types::Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<n::PublishDiagnostics>(lsp_types::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        });
    }

    /// The document, linted up to its current version (a pending change is linted now).
    fn current(&mut self, uri: &lsp_types::Uri) -> Option<&Document> {
        let key = uri.as_str().to_string();
        let stale = self.documents.open.get(&key)?.fresh().is_none();
        if stale {
            self.lint(&key);
        }
        self.documents.open.get(&key)
    }

    fn code_action(&mut self, p: lsp_types::CodeActionParams) -> Value {
        let encoding = self.encoding;
        let rules_url = self.options.rules_url.clone();
        let Some(doc) = self.current(&p.text_document.uri) else {
            return Value::Null;
        };
        let Some(analysis) = doc.fresh() else {
            return Value::Array(Vec::new());
        };
        let index = LineIndex::new(&doc.text);
        let range = TextRange::new(
            index.offset(p.range.start, encoding),
            index
                .offset(p.range.end, encoding)
                .max(index.offset(p.range.start, encoding)),
        );
        let path = doc
            .path
            .as_ref()
            .map_or_else(|| "untitled".to_string(), |p| p.to_string_lossy().into_owned());
        let fix_all = || Some(docspec_workspace::fix_text(&path, &doc.text, &analysis.settings, Applicability::Safe).0);
        let actions = actions::code_actions(
            doc,
            &analysis.diagnostics,
            fix_all,
            range,
            p.context.only.as_deref(),
            encoding,
            &rules_url,
        );
        serde_json::to_value(actions).unwrap_or(Value::Null)
    }

    fn hover(&mut self, p: lsp_types::HoverParams) -> Value {
        let encoding = self.encoding;
        let uri = p.text_document_position_params.text_document.uri;
        let Some(doc) = self.documents.get(&uri) else {
            return Value::Null;
        };
        let source = SourceFile::new("buffer", doc.text.as_str());
        let page = docspec_parser::parse(&source);
        let index = LineIndex::new(&doc.text);
        let offset = index.offset(p.text_document_position_params.position, encoding);
        let Some((markdown, range)) = crate::hover::hover(&source, &page, offset) else {
            return Value::Null;
        };
        let hover = lsp_types::Hover {
            contents: lsp_types::HoverContents::Markup(lsp_types::MarkupContent {
                kind: lsp_types::MarkupKind::Markdown,
                value: markdown,
            }),
            range: Some(index.range(range, encoding)),
        };
        serde_json::to_value(hover).unwrap_or(Value::Null)
    }

    fn symbols(&mut self, p: lsp_types::DocumentSymbolParams) -> Value {
        let Some(doc) = self.documents.get(&p.text_document.uri) else {
            return Value::Null;
        };
        let source = SourceFile::new("buffer", doc.text.as_str());
        let page = docspec_parser::parse(&source);
        let index = LineIndex::new(&doc.text);
        let symbols = crate::symbols::outline(&page, &index, self.encoding);
        serde_json::to_value(lsp_types::DocumentSymbolResponse::Nested(symbols)).unwrap_or(Value::Null)
    }
}

fn parse<T: DeserializeOwned>(params: Value) -> Option<T> {
    serde_json::from_value(params).ok()
}

/// Parses the parameters and answers, or answers "invalid params".
fn with_params<T: DeserializeOwned>(id: RequestId, params: Value, handle: impl FnOnce(T) -> Value) -> Response {
    match serde_json::from_value::<T>(params) {
        Ok(p) => Response::new_ok(id, handle(p)),
        Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, format!("invalid parameters: {e}")),
    }
}
