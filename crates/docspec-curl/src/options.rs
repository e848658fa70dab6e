//! The curl options docs use: long name, short letter, and whether they take an argument.

/// What curl knows about one option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OptionSpec {
    /// The long name without dashes, like `header`.
    pub long: &'static str,
    /// The short letter, like `H`.
    pub short: Option<char>,
    /// Whether the option takes an argument.
    pub takes_arg: bool,
}

const fn arg(long: &'static str, short: Option<char>) -> OptionSpec {
    OptionSpec {
        long,
        short,
        takes_arg: true,
    }
}

const fn flag(long: &'static str, short: Option<char>) -> OptionSpec {
    OptionSpec {
        long,
        short,
        takes_arg: false,
    }
}

/// Options with an argument, then boolean ones. Not every curl option, but every one seen in
/// API docs and the common rest; unknown ones are kept with `long: None`.
pub const OPTIONS: &[OptionSpec] = &[
    arg("request", Some('X')),
    arg("header", Some('H')),
    arg("data", Some('d')),
    arg("data-ascii", None),
    arg("data-binary", None),
    arg("data-raw", None),
    arg("data-urlencode", None),
    arg("json", None),
    arg("form", Some('F')),
    arg("form-string", None),
    arg("url", None),
    arg("url-query", None),
    arg("user", Some('u')),
    arg("upload-file", Some('T')),
    arg("output", Some('o')),
    arg("output-dir", None),
    arg("user-agent", Some('A')),
    arg("cookie", Some('b')),
    arg("cookie-jar", Some('c')),
    arg("continue-at", Some('C')),
    arg("dump-header", Some('D')),
    arg("referer", Some('e')),
    arg("cert", Some('E')),
    arg("cert-type", None),
    arg("key", None),
    arg("key-type", None),
    arg("pass", None),
    arg("cacert", None),
    arg("capath", None),
    arg("config", Some('K')),
    arg("connect-timeout", None),
    arg("max-time", Some('m')),
    arg("max-redirs", None),
    arg("max-filesize", None),
    arg("range", Some('r')),
    arg("retry", None),
    arg("retry-delay", None),
    arg("retry-max-time", None),
    arg("write-out", Some('w')),
    arg("proxy", Some('x')),
    arg("proxy-user", Some('U')),
    arg("proxy-header", None),
    arg("noproxy", None),
    arg("preproxy", None),
    arg("socks5", None),
    arg("socks5-hostname", None),
    arg("resolve", None),
    arg("connect-to", None),
    arg("interface", None),
    arg("local-port", None),
    arg("dns-servers", None),
    arg("doh-url", None),
    arg("unix-socket", None),
    arg("abstract-unix-socket", None),
    arg("speed-time", Some('y')),
    arg("speed-limit", Some('Y')),
    arg("limit-rate", None),
    arg("time-cond", Some('z')),
    arg("oauth2-bearer", None),
    arg("aws-sigv4", None),
    arg("request-target", None),
    arg("variable", None),
    arg("expand-url", None),
    arg("expand-data", None),
    arg("expand-header", None),
    arg("trace", None),
    arg("trace-ascii", None),
    arg("trace-config", None),
    arg("stderr", None),
    arg("ciphers", None),
    arg("tls-max", None),
    arg("pinnedpubkey", None),
    arg("keepalive-time", None),
    arg("netrc-file", None),
    arg("etag-save", None),
    arg("etag-compare", None),
    arg("hsts", None),
    arg("alt-svc", None),
    arg("proto", None),
    arg("proto-redir", None),
    arg("proto-default", None),
    arg("quote", Some('Q')),
    arg("ftp-port", Some('P')),
    arg("telnet-option", Some('t')),
    arg("mail-from", None),
    arg("mail-rcpt", None),
    arg("login-options", None),
    arg("create-file-mode", None),
    arg("parallel-max", None),
    arg("rate", None),
    arg("happy-eyeballs-timeout-ms", None),
    arg("expect100-timeout", None),
    flag("include", Some('i')),
    flag("fail", Some('f')),
    flag("fail-with-body", None),
    flag("fail-early", None),
    flag("location", Some('L')),
    flag("location-trusted", None),
    flag("silent", Some('s')),
    flag("show-error", Some('S')),
    flag("verbose", Some('v')),
    flag("get", Some('G')),
    flag("head", Some('I')),
    flag("compressed", None),
    flag("insecure", Some('k')),
    flag("globoff", Some('g')),
    flag("progress-bar", Some('#')),
    flag("no-progress-meter", None),
    flag("http1.0", Some('0')),
    flag("http1.1", None),
    flag("http2", None),
    flag("http2-prior-knowledge", None),
    flag("http3", None),
    flag("http3-only", None),
    flag("ipv4", Some('4')),
    flag("ipv6", Some('6')),
    flag("tlsv1", Some('1')),
    flag("tlsv1.0", None),
    flag("tlsv1.1", None),
    flag("tlsv1.2", None),
    flag("tlsv1.3", None),
    flag("sslv2", Some('2')),
    flag("sslv3", Some('3')),
    flag("append", Some('a')),
    flag("use-ascii", Some('B')),
    flag("help", Some('h')),
    flag("junk-session-cookies", Some('j')),
    flag("remote-header-name", Some('J')),
    flag("list-only", Some('l')),
    flag("manual", Some('M')),
    flag("netrc", Some('n')),
    flag("netrc-optional", None),
    flag("no-buffer", Some('N')),
    flag("remote-name", Some('O')),
    flag("remote-name-all", None),
    flag("proxytunnel", Some('p')),
    flag("disable", Some('q')),
    flag("remote-time", Some('R')),
    flag("version", Some('V')),
    flag("parallel", Some('Z')),
    flag("next", Some(':')),
    flag("create-dirs", None),
    flag("crlf", None),
    flag("basic", None),
    flag("digest", None),
    flag("ntlm", None),
    flag("negotiate", None),
    flag("anyauth", None),
    flag("no-keepalive", None),
    flag("no-sessionid", None),
    flag("no-alpn", None),
    flag("no-npn", None),
    flag("path-as-is", None),
    flag("post301", None),
    flag("post302", None),
    flag("post303", None),
    flag("raw", None),
    flag("ssl", None),
    flag("ssl-reqd", None),
    flag("ssl-no-revoke", None),
    flag("tcp-nodelay", None),
    flag("tcp-fastopen", None),
    flag("tr-encoding", None),
    flag("styled-output", None),
    flag("suppress-connect-headers", None),
    flag("xattr", None),
    flag("form-escape", None),
    flag("ignore-content-length", None),
    flag("cert-status", None),
    flag("skip-existing", None),
    flag("remove-on-error", None),
    flag("retry-all-errors", None),
    flag("retry-connrefused", None),
    flag("proxy-insecure", None),
    flag("doh-insecure", None),
    flag("ca-native", None),
    flag("disable-eprt", None),
    flag("disable-epsv", None),
    flag("ftp-pasv", None),
    flag("ftp-create-dirs", None),
    flag("proxy-basic", None),
    flag("proxy-digest", None),
    flag("proxy-ntlm", None),
    flag("proxy-anyauth", None),
    flag("proxy-negotiate", None),
    flag("trace-time", None),
    flag("trace-ids", None),
    flag("http0.9", None),
    flag("no-clobber", None),
    flag("mptcp", None),
    flag("haproxy-protocol", None),
];

/// Looks an option up by its long name (without dashes).
pub fn long_option(name: &str) -> Option<&'static OptionSpec> {
    OPTIONS.iter().find(|spec| spec.long == name)
}

/// Looks an option up by its short letter.
pub fn short_option(letter: char) -> Option<&'static OptionSpec> {
    OPTIONS.iter().find(|spec| spec.short == Some(letter))
}

/// The `--data*` options (and `--json`), which send a request body.
pub const DATA_OPTIONS: &[&str] = &[
    "data",
    "data-ascii",
    "data-binary",
    "data-raw",
    "data-urlencode",
    "json",
];

/// The `--form*` options, which send a `multipart/form-data` body.
pub const FORM_OPTIONS: &[&str] = &["form", "form-string"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_letters_are_unique() {
        for (i, a) in OPTIONS.iter().enumerate() {
            for b in &OPTIONS[i + 1..] {
                assert_ne!(a.long, b.long);
                assert!(a.short.is_none() || a.short != b.short, "{} {}", a.long, b.long);
            }
        }
        assert_eq!(short_option('X').map(|s| s.long), Some("request"));
        assert_eq!(long_option("data-raw").map(|s| s.takes_arg), Some(true));
    }
}
