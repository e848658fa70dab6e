//! The MiniJinja environment of a theme: strict, so a misspelt field is an error, and
//! HTML-escaping everything but values marked `|safe` (the sanitized prose).

use crate::theme::Theme;
use crate::RenderError;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Output, State, UndefinedBehavior, Value};
use serde::Serialize;

pub struct Engine<'t> {
    env: Environment<'t>,
    theme: &'t Theme,
}

impl<'t> Engine<'t> {
    pub fn new(theme: &'t Theme) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        // A block tag's own line break is dropped, and a template's last one kept: the
        // output reads like the templates, without blank lines where tags were.
        let syntax = SyntaxConfig::builder()
            .trim_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .map_err(|e| RenderError::TemplateSyntax {
                file: "syntax".to_string(),
                source: Box::new(e),
            })?;
        env.set_syntax(syntax);
        env.set_formatter(format_value);
        for (file, contents) in theme.templates() {
            let text = std::str::from_utf8(&contents.bytes).map_err(|_| RenderError::ThemeFile {
                path: theme.display_name(file).into(),
                reason: "templates must be UTF-8 text".to_string(),
            })?;
            env.add_template(file, text).map_err(|e| RenderError::TemplateSyntax {
                file: theme.display_name(file),
                source: Box::new(e),
            })?;
        }
        Ok(Engine { env, theme })
    }

    /// Renders template `name` (`page.html` or `index.html`) for the output page `page`.
    pub fn render(&self, name: &str, data: &impl Serialize, page: &str) -> Result<String, RenderError> {
        let failed = |e: minijinja::Error| {
            // An error in an included template is wrapped by the include: name the innermost.
            let mut inner = &e;
            while let Some(next) = std::error::Error::source(inner).and_then(|s| s.downcast_ref::<minijinja::Error>()) {
                inner = next;
            }
            let template = inner.name().or(e.name()).unwrap_or(name);
            let mut detail = inner.to_string();
            let line = inner.line().and_then(|l| self.theme.line(template, l));
            if let Some(line) = line {
                detail.push_str(&format!(": `{}`", line.trim()));
            }
            RenderError::Render {
                page: page.to_string(),
                file: self.theme.display_name(template),
                detail,
                source: Box::new(e),
            }
        };
        let template = self.env.get_template(name).map_err(failed)?;
        template.render(Serde(data)).map_err(failed)
    }
}

/// Strings are escaped for HTML text and quoted attributes (`&<>"'`), and `/` left as it
/// is, so URLs read as written; everything else as MiniJinja formats it.
fn format_value(out: &mut Output, state: &mut State, value: &Value) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if !value.is_safe() && matches!(state.auto_escape(), AutoEscape::Html) => {
            let mut last = 0;
            for (i, byte) in text.bytes().enumerate() {
                let entity = match byte {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'"' => "&quot;",
                    b'\'' => "&#39;",
                    _ => continue,
                };
                // The escaped bytes are ASCII, so `i` is a character boundary.
                out.write_str(&text[last..i])?;
                out.write_str(entity)?;
                last = i + 1;
            }
            out.write_str(&text[last..])?;
            Ok(())
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}
