//! The templates and assets a site is rendered with: the built-in set, optionally
//! overridden file by file from a user folder.

use crate::RenderError;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../templates/", $name)))),*]
    };
}

/// Every built-in theme file, by its path under `templates/`.
const BUILTIN: &[(&str, &str)] = builtin![
    "page.html",
    "index.html",
    "partials/head.html",
    "partials/header.html",
    "partials/sidebar.html",
    "partials/toc.html",
    "partials/footer.html",
    "partials/section.html",
    "partials/method.html",
    "partials/request.html",
    "partials/attributes.html",
    "partials/badges.html",
    "partials/history.html",
    "partials/example.html",
    "assets/style.css",
    "assets/theme.js",
    "assets/site.js",
    "assets/search.js",
    "assets/favicon.svg",
];

/// Where a theme file came from, so errors can name the file a user edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    User(PathBuf),
}

#[derive(Clone, Debug)]
pub(crate) struct ThemeFile {
    pub(crate) bytes: Vec<u8>,
    pub(crate) origin: Origin,
}

/// Templates (MiniJinja, `*.html`, included ones under `partials/`) and assets (under `assets/`).
#[derive(Clone, Debug)]
pub struct Theme {
    files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// The default theme, embedded in the binary.
    pub fn builtin() -> Theme {
        let files = BUILTIN
            .iter()
            .map(|(name, text)| {
                let file = ThemeFile {
                    bytes: text.as_bytes().to_vec(),
                    origin: Origin::Builtin,
                };
                (name.to_string(), file)
            })
            .collect();
        Theme { files }
    }

    /// The built-in theme with the files found in `dir` replacing theirs. New partials
    /// (`partials/*.html`) and new assets (`assets/...`) are added; any other unknown file
    /// is an error, so a misspelt template name does not go unnoticed.
    pub fn with_overrides(dir: &Path) -> Result<Theme, RenderError> {
        let mut theme = Theme::builtin();
        for (name, path) in list_files(dir)? {
            let known = theme.files.contains_key(&name);
            let addable = name.starts_with("assets/") || (name.starts_with("partials/") && is_template(&name));
            if !known && !addable {
                return Err(RenderError::ThemeFile {
                    path,
                    reason: format!(
                        "not a theme file (expected one of: {}, or a new partials/*.html or assets/* file)",
                        BUILTIN.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                    ),
                });
            }
            let bytes = fs::read(&path).map_err(|e| RenderError::io("read", &path, e))?;
            if is_template(&name) && std::str::from_utf8(&bytes).is_err() {
                return Err(RenderError::ThemeFile {
                    path,
                    reason: "templates must be UTF-8 text".to_string(),
                });
            }
            let origin = Origin::User(path);
            theme.files.insert(name, ThemeFile { bytes, origin });
        }
        Ok(theme)
    }

    /// Copies the built-in files into `dir` for editing. Refuses, before writing
    /// anything, if any of them already exists there.
    pub fn eject(dir: &Path) -> Result<Vec<PathBuf>, RenderError> {
        let targets: Vec<(PathBuf, &str)> = BUILTIN.iter().map(|(name, text)| (dir.join(name), *text)).collect();
        if let Some((path, _)) = targets.iter().find(|(p, _)| p.exists()) {
            return Err(RenderError::WouldOverwrite { path: path.clone() });
        }
        let mut written = Vec::new();
        for (path, text) in targets {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| RenderError::io("create", parent, e))?;
            }
            // create_new: never clobber a file that appeared since the check above.
            let mut file = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| RenderError::io("create", &path, e))?;
            std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| RenderError::io("write", &path, e))?;
            written.push(path);
        }
        Ok(written)
    }

    /// The names of the theme's files, sorted.
    pub fn file_names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Where a file came from, if the theme has it.
    pub fn origin(&self, name: &str) -> Option<&Origin> {
        self.files.get(name).map(|f| &f.origin)
    }

    pub(crate) fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter(|(n, _)| is_template(n))
            .map(|(n, f)| (n.as_str(), f))
    }

    pub(crate) fn assets(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter(|(n, _)| n.starts_with("assets/"))
            .map(|(n, f)| (n.as_str(), f))
    }

    /// Line `line` (one-based) of a template, for error messages.
    pub(crate) fn line(&self, name: &str, line: usize) -> Option<&str> {
        let file = self.files.get(name)?;
        std::str::from_utf8(&file.bytes).ok()?.lines().nth(line.checked_sub(1)?)
    }

    /// How errors name a file: the user's path, or the built-in `templates/...` path.
    pub(crate) fn display_name(&self, name: &str) -> String {
        match self.origin(name) {
            Some(Origin::User(path)) => path.display().to_string(),
            _ => format!("templates/{name}"),
        }
    }
}

/// Templates are the `.html` files outside `assets/`.
fn is_template(name: &str) -> bool {
    name.ends_with(".html") && !name.starts_with("assets/")
}

/// Files under `dir`, recursively, as (`/`-separated relative name, path), sorted;
/// hidden files are skipped.
fn list_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, RenderError> {
    let mut out = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = stack.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| RenderError::io("read", &folder, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| RenderError::io("read", &folder, e))?;
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let name = format!("{prefix}{file_name}");
            if path.is_dir() {
                stack.push((path, format!("{name}/")));
            } else {
                out.push((name, path));
            }
        }
    }
    out.sort();
    Ok(out)
}
