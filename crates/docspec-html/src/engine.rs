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
        env.add_filter("wbr", wbr);
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
            let Some(first) = text.bytes().position(|b| entity(b).is_some()) else {
                return Ok(out.write_str(text)?);
            };
            // One write for the whole escaped text: code examples are full of quotes, and a
            // write per piece through the template's output cost more than the escaping.
            ESCAPED.with_borrow_mut(|escaped| {
                escaped.clear();
                escaped.push_str(&text[..first]);
                escape_html_into(&text[first..], escaped);
                let written = out.write_str(escaped);
                // A huge code block's buffer is not kept for the rest of the run.
                if escaped.capacity() > 1 << 20 {
                    *escaped = String::new();
                }
                written
            })?;
            Ok(())
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

thread_local! {
    static ESCAPED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The entity a byte is written as, for the bytes HTML text and attributes escape.
fn entity(byte: u8) -> Option<&'static str> {
    Some(match byte {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        b'\'' => "&#39;",
        _ => return None,
    })
}

/// Appends `text` to `out` with `&<>"'` as entities.
fn escape_html_into(text: &str, out: &mut String) {
    out.reserve(text.len() + text.len() / 8);
    let mut last = 0;
    for (i, byte) in text.bytes().enumerate() {
        let Some(entity) = entity(byte) else { continue };
        // The escaped bytes are ASCII, so `i` is a character boundary.
        out.push_str(&text[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// `parts|wbr`: the parts escaped and joined with `<wbr>` (a line-break opportunity), as
/// one safe string. A loop over the parts in the template cost a loop state per row.
fn wbr(parts: &Value) -> Result<Value, minijinja::Error> {
    let mut html = String::new();
    // A string is one part, not a sequence of characters.
    if let Some(text) = parts.as_str() {
        escape_html_into(text, &mut html);
        return Ok(Value::from_safe_string(html));
    }
    for (i, part) in parts.try_iter()?.enumerate() {
        if i > 0 {
            html.push_str("<wbr>");
        }
        match part.as_str() {
            Some(text) => escape_html_into(text, &mut html),
            None => escape_html_into(&part.to_string(), &mut html),
        }
    }
    Ok(Value::from_safe_string(html))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Environment<'static> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_formatter(format_value);
        env.add_filter("wbr", wbr);
        env
    }

    fn render(template: &str, ctx: Value) -> String {
        env().render_str(template, ctx).expect("renders")
    }

    #[test]
    fn text_is_escaped_in_one_piece_and_slashes_kept() {
        let text = r#"{"a": "<b>", 'c': 1 & 2} / x"#;
        let ctx = minijinja::context! { text => text, safe => Value::from_safe_string(text.to_string()) };
        assert_eq!(
            render("{{ text }}|{{ safe }}|{{ 3 }}", ctx),
            format!("{{&quot;a&quot;: &quot;&lt;b&gt;&quot;, &#39;c&#39;: 1 &amp; 2}} / x|{text}|3")
        );
    }

    #[test]
    fn a_text_larger_than_the_kept_buffer_is_escaped_whole_each_time() {
        let text = "\"x\" ".repeat(300_000);
        let expected = "&quot;x&quot; ".repeat(300_000);
        for _ in 0..2 {
            assert_eq!(render("{{ t }}", minijinja::context! { t => &text }), expected);
        }
    }

    #[test]
    fn every_short_text_is_escaped_as_the_per_character_rule_says() {
        let alphabet = ['a', '&', '<', '>', '"', '\'', 'é'];
        for text in crate::texts_of(&alphabet, 3) {
            let expected: String = text
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    c => c.to_string(),
                })
                .collect();
            assert_eq!(
                render("{{ t }}", minijinja::context! { t => &text }),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn wbr_escapes_the_parts_and_joins_them_with_line_break_opportunities() {
        let ctx = minijinja::context! { parts => vec!["user_", "name<", "&id"], one => vec!["id"], none => Vec::<String>::new() };
        assert_eq!(
            render("{{ parts|wbr }}|{{ one|wbr }}|{{ none|wbr }}", ctx),
            "user_<wbr>name&lt;<wbr>&amp;id|id|"
        );
        assert_eq!(render("{{ 'a<b'|wbr }}", Value::UNDEFINED), "a&lt;b");
        assert!(
            env().render_str("{{ 3|wbr }}", ()).is_err(),
            "a number is not a list of parts"
        );
    }
}
