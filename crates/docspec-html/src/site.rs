//! Where each page goes in the output folder, and relative links between them.

use crate::RenderError;

/// `doc/api/branches.md` → `doc/api/branches.html`. Rejects paths that would leave the
/// output folder or that name nothing.
pub fn output_path(path: &str) -> Result<String, RenderError> {
    let bad = |reason| RenderError::PagePath {
        path: path.to_string(),
        reason,
    };
    let normalized = path.replace('\\', "/");
    if normalized.starts_with('/') || normalized.contains(':') {
        return Err(bad("it is absolute"));
    }
    let parts: Vec<&str> = normalized.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    if parts.contains(&"..") {
        return Err(bad("it contains `..`"));
    }
    let Some((file, folders)) = parts.split_last() else {
        return Err(bad("it is empty"));
    };
    let lower = file.to_lowercase();
    let stem = [".md", ".markdown"]
        .iter()
        .find(|ext| lower.ends_with(*ext))
        .map_or(*file, |ext| &file[..file.len() - ext.len()]);
    if stem.is_empty() {
        return Err(bad("its file name is only an extension"));
    }
    let mut out: Vec<&str> = folders.to_vec();
    let name = format!("{stem}.html");
    let joined = if out.is_empty() {
        name
    } else {
        out.push(&name);
        out.join("/")
    };
    if joined == "index.html" {
        return Err(bad("index.html at the root is the site's index page"));
    }
    Ok(joined)
}

/// `../` once per folder of `output`, to reach the site root.
pub fn root_of(output: &str) -> String {
    "../".repeat(output.matches('/').count())
}

/// `dir` and a relative `path` (output paths, `/`-separated) joined, `..` resolved.
pub fn join(dir: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in dir.split('/').chain(path.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_folders() {
        assert_eq!(
            output_path("doc/api/branches.md").ok().as_deref(),
            Some("doc/api/branches.html")
        );
        assert_eq!(output_path("./tags.md").ok().as_deref(), Some("tags.html"));
        assert_eq!(output_path("a\\b.MD").ok().as_deref(), Some("a/b.html"));
        assert_eq!(root_of("doc/api/branches.html"), "../../");
        assert_eq!(root_of("tags.html"), "");
        assert_eq!(join("doc/api", "../user/x.html"), "doc/user/x.html");
        assert_eq!(join("", "./a.html"), "a.html");
    }

    #[test]
    fn refuses_escaping_paths() {
        for path in ["../x.md", "/etc/x.md", "a/../../x.md", "", "C:/x.md", ".md", "index.md"] {
            assert!(output_path(path).is_err(), "{path}");
        }
    }
}
