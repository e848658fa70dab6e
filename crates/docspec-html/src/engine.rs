//! The Handlebars registry of a theme: strict, so a misspelt field is an error.

use crate::theme::Theme;
use crate::RenderError;
use handlebars::Handlebars;
use serde::Serialize;
use std::collections::BTreeMap;

pub struct Engine<'t> {
    handlebars: Handlebars<'static>,
    /// Registered name → theme file name, for error messages.
    files: BTreeMap<String, String>,
    theme: &'t Theme,
}

impl<'t> Engine<'t> {
    pub fn new(theme: &'t Theme) -> Result<Self, RenderError> {
        let mut handlebars = Handlebars::new();
        handlebars.set_strict_mode(true);
        // Partials are not re-indented: that would shift the lines of `<pre>` blocks.
        handlebars.set_prevent_indent(true);
        let mut files = BTreeMap::new();
        for (file, contents) in theme.templates() {
            let name = template_name(file);
            let text = std::str::from_utf8(&contents.bytes).map_err(|_| RenderError::ThemeFile {
                path: theme.display_name(file).into(),
                reason: "templates must be UTF-8 text".to_string(),
            })?;
            if let Some(other) = files.insert(name.to_string(), file.to_string()) {
                return Err(RenderError::ThemeFile {
                    path: theme.display_name(file).into(),
                    reason: format!("its name {name:?} is already taken by {other}"),
                });
            }
            handlebars
                .register_template_string(name, text)
                .map_err(|e| RenderError::TemplateSyntax {
                    file: theme.display_name(file),
                    source: Box::new(e),
                })?;
        }
        Ok(Engine {
            handlebars,
            files,
            theme,
        })
    }

    /// Renders template `name` (`page` or `index`) for the output page `page`.
    pub fn render(&self, name: &str, data: &impl Serialize, page: &str) -> Result<String, RenderError> {
        self.handlebars.render(name, data).map_err(|e| {
            let failing = e.template_name.clone().unwrap_or_else(|| name.to_string());
            let file = self
                .files
                .get(&failing)
                .map_or_else(|| failing.clone(), |f| self.theme.display_name(f));
            RenderError::Render {
                page: page.to_string(),
                file,
                source: Box::new(e),
            }
        })
    }
}

/// `page.hbs` → `page`, `partials/method.hbs` → `method` (used as `{{> method}}`).
fn template_name(file: &str) -> &str {
    let base = file.rsplit('/').next().unwrap_or(file);
    base.strip_suffix(".hbs").unwrap_or(base)
}
