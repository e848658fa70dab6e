//! Finding curl commands in a shell block and reading their options.

use crate::lexer::{Continuation, Lexer, Operator, ShellToken};
use crate::options::{long_option, short_option, DATA_OPTIONS, FORM_OPTIONS};
use crate::token::Token;
use crate::url::ParsedUrl;
use std::ops::Range;

/// How an option was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionStyle {
    /// `--header value`
    Long,
    /// `--request=POST`: only recent curl releases (2025 on) accept this form.
    LongEquals,
    /// `-H value`
    Short,
    /// `-XPOST`, `-H"A: b"`: the argument is glued to the letter.
    ShortAttached,
    /// A letter after the first one in a bundle, like the `S` of `-sS`.
    Bundled,
}

/// One option of a curl command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurlOption {
    /// The flag, normalized to one option: `--header`, `-H`, `-X` for `-XPOST`, `-S` for the
    /// `S` in `-sS`, `--request` for `--request=POST`.
    pub flag: String,
    /// Where the flag is written: `-H`, `--request`, or only the letter `S` inside `-sS`.
    pub flag_range: Range<usize>,
    /// The canonical long name (`header`), or `None` for an option curl does not have.
    pub long: Option<&'static str>,
    /// Whether it was written with a short letter.
    pub short: bool,
    pub style: OptionStyle,
    /// `--no-location`: a boolean option switched off.
    pub negated: bool,
    /// The argument, for options that take one.
    pub arg: Option<Token>,
    /// From the flag to the end of the argument.
    pub range: Range<usize>,
    /// Index into [`CurlCommand::words`] of the word that holds the flag.
    pub word: usize,
}

impl CurlOption {
    /// The long name, or the flag without dashes when the option is unknown.
    pub fn name(&self) -> &str {
        self.long.unwrap_or_else(|| self.flag.trim_start_matches('-'))
    }

    /// Whether this is the option `long` and it is not negated.
    pub fn is(&self, long: &str) -> bool {
        self.long == Some(long) && !self.negated
    }

    /// The option as written in `input`, with its argument.
    pub fn written<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.range.clone()).unwrap_or("")
    }
}

/// What ended a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommandEnd {
    Newline,
    EndOfInput,
    /// `;`, `&&`, `||`, `|`, `&`, `(` or `)`.
    Operator(Operator),
}

/// A problem found while reading a command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    /// A quote (or `$(`, `${`) at this offset is never closed; the last word runs to the end.
    UnterminatedQuote { at: usize },
    /// The option at this index into [`CurlCommand::options`] needs an argument and has none.
    MissingArgument { option: usize },
}

/// Where the URL of a command was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UrlSource {
    /// `--url URL`; the index is into [`CurlCommand::options`].
    UrlOption(usize),
    /// A bare argument; the index is into [`CurlCommand::positionals`].
    Positional(usize),
}

/// A URL of a command with the token it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurlUrl<'a> {
    pub source: UrlSource,
    pub token: &'a Token,
    pub parsed: &'a ParsedUrl,
}

impl CurlUrl<'_> {
    /// Maps a range in [`ParsedUrl::raw`] (such as `path_range`) to a range in the input.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        self.token.source_range(range)
    }
}

/// Why a method was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MethodSource {
    /// `--request`/`-X`; the index is into [`CurlCommand::options`] (the last one wins).
    Request(usize),
    /// `--head`/`-I`.
    Head,
    /// `--get`/`-G`, which sends data in the query.
    Get,
    /// A `--data*`, `--json` or `--form*` option.
    Body,
    /// `--upload-file`/`-T`.
    Upload,
    /// Nothing: curl sends `GET`.
    Default,
}

/// The HTTP method a command sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Method {
    /// Upper-cased, like `POST`.
    pub name: String,
    pub source: MethodSource,
}

impl Method {
    /// Whether the method was given with `--request`/`-X`.
    pub fn is_explicit(&self) -> bool {
        matches!(self.source, MethodSource::Request(_))
    }

    /// The index into [`CurlCommand::options`] of the `--request` option, if any.
    pub fn option(&self) -> Option<usize> {
        match self.source {
            MethodSource::Request(i) => Some(i),
            _ => None,
        }
    }
}

/// One curl command of a shell block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurlCommand {
    /// From `curl` to the end of its last word.
    pub range: Range<usize>,
    /// The `$` of a `$ curl ...` prompt.
    pub prompt: Option<Range<usize>>,
    /// The `curl` word.
    pub program: Token,
    /// Every word after `curl`, options and arguments alike.
    pub words: Vec<Token>,
    /// Options in the order written.
    pub options: Vec<CurlOption>,
    /// Arguments that are not options or option arguments (URLs).
    pub positionals: Vec<Token>,
    /// Redirections such as `> out.json`, `2>&1`, as (operator range, target).
    pub redirects: Vec<(Range<usize>, Option<Token>)>,
    /// Backslash-newline continuations inside the command.
    pub continuations: Vec<Continuation>,
    pub end: CommandEnd,
    pub errors: Vec<CommandError>,
    /// The URLs in the order written, parsed once: where each comes from and its parse.
    parsed_urls: Vec<(UrlSource, ParsedUrl)>,
    /// The body keys, read on first use (several rules ask for them).
    pub(crate) body: BodyCache,
}

/// A command's body keys, read once. Two commands are equal whether or not theirs have
/// been read yet.
#[derive(Clone, Debug, Default)]
pub(crate) struct BodyCache(pub(crate) std::sync::OnceLock<crate::BodyKeys>);

impl PartialEq for BodyCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for BodyCache {}

impl CurlCommand {
    /// The command as written in `input`.
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.range.clone()).unwrap_or("")
    }

    /// The options named `long` (not negated), in order.
    pub fn options_named<'s>(&'s self, long: &'s str) -> impl Iterator<Item = (usize, &'s CurlOption)> + 's {
        self.options.iter().enumerate().filter(move |(_, o)| o.is(long))
    }

    /// The first option named `long`.
    pub fn option(&self, long: &str) -> Option<&CurlOption> {
        self.options.iter().find(|o| o.is(long))
    }

    /// Whether an option named `long` is given.
    pub fn has_option(&self, long: &str) -> bool {
        self.option(long).is_some()
    }

    /// Whether the command writes the response to a file (`--output`, `--remote-name`,
    /// or a shell redirection of its output): the response is a download, not JSON to read.
    pub fn saves_response(&self, input: &str) -> bool {
        ["output", "remote-name", "remote-name-all", "output-dir"]
            .iter()
            .any(|o| self.has_option(o))
            || self.redirects.iter().any(|(operator, target)| {
                let operator = input.get(operator.clone()).unwrap_or("");
                // `2>/dev/null` and `2>&1` redirect errors or descriptors, not the response.
                let stdout = operator.starts_with('>') || operator.starts_with("1>");
                stdout
                    && target
                        .as_ref()
                        .is_some_and(|t| !t.value.starts_with('&') && t.value != "/dev/null")
            })
    }

    /// Every URL in the order written: `--url` values and bare arguments.
    pub fn urls(&self) -> Vec<CurlUrl<'_>> {
        self.parsed_urls
            .iter()
            .filter_map(|(source, parsed)| self.url_at(*source, parsed))
            .collect()
    }

    /// The first URL, from `--url` or a bare argument.
    pub fn url(&self) -> Option<CurlUrl<'_>> {
        let (source, parsed) = self.parsed_urls.first()?;
        self.url_at(*source, parsed)
    }

    fn url_at<'s>(&'s self, source: UrlSource, parsed: &'s ParsedUrl) -> Option<CurlUrl<'s>> {
        let token = match source {
            UrlSource::UrlOption(i) => self.options.get(i)?.arg.as_ref()?,
            UrlSource::Positional(i) => self.positionals.get(i)?,
        };
        Some(CurlUrl { source, token, parsed })
    }

    /// The HTTP method curl would send.
    pub fn method(&self) -> Method {
        let request = self
            .options
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, o)| o.arg.as_ref().filter(|_| o.is("request")).map(|arg| (i, arg)));
        let (name, source) = if let Some((i, arg)) = request {
            (arg.value.to_ascii_uppercase(), MethodSource::Request(i))
        } else if self.has_option("head") {
            ("HEAD".into(), MethodSource::Head)
        } else if self.has_option("get") {
            ("GET".into(), MethodSource::Get)
        } else if self.has_body() {
            ("POST".into(), MethodSource::Body)
        } else if self.has_option("upload-file") {
            ("PUT".into(), MethodSource::Upload)
        } else {
            ("GET".into(), MethodSource::Default)
        };
        Method { name, source }
    }

    /// Whether a `--data*`, `--json` or `--form*` option is given.
    pub fn has_body(&self) -> bool {
        self.options
            .iter()
            .any(|o| DATA_OPTIONS.iter().chain(FORM_OPTIONS).any(|name| o.is(name)))
    }

    /// The `--user`/`-u` argument.
    pub fn user(&self) -> Option<&Token> {
        self.options_named("user").find_map(|(_, o)| o.arg.as_ref())
    }
}

/// Finds every curl command in the text of a shell block.
///
/// A command starts at a `curl` word that begins a line (after indentation, an optional `$ `
/// prompt, and `NAME=value` assignments) or follows `;`, `&&`, `||`, `|` on such a line. Lines
/// that are neither (output, prose) are skipped without tokenizing, so an apostrophe in output
/// cannot swallow the next command.
pub fn parse_commands(input: &str) -> Vec<CurlCommand> {
    let mut out = Vec::new();
    let mut line_start = 0;
    while line_start < input.len() {
        let line_end = input
            .get(line_start..)
            .and_then(|rest| rest.find('\n'))
            .map_or(input.len(), |i| line_start + i);
        let line = input.get(line_start..line_end).unwrap_or("");
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let mut start = line_start + indent;
        let mut prompt = None;
        let after_indent = input.get(start..line_end).unwrap_or("");
        if after_indent.starts_with("$ ") || after_indent.starts_with("$\t") {
            prompt = Some(start..start + 1);
            let rest = after_indent.get(1..).unwrap_or("");
            start += 1 + rest.len() - rest.trim_start_matches([' ', '\t']).len();
        }
        let text = input.get(start..line_end).unwrap_or("");
        let mut next = line_end + 1;
        if prompt.is_some() || mentions_curl(text) {
            let mut lexer = Lexer::new(input, start);
            let found = read_line(&mut lexer, prompt.clone());
            let is_command = prompt.is_some() || starts_with_curl(text) || !lexer.quoted_newline;
            if is_command {
                out.extend(found);
                next = next.max(lexer.pos());
            }
        } else {
            next = skip_continued(input, line_start, line_end);
        }
        line_start = next;
    }
    out
}

/// For a line that is not read: also skip the lines it continues onto with `\`.
fn skip_continued(input: &str, mut line_start: usize, mut line_end: usize) -> usize {
    loop {
        let line = input.get(line_start..line_end).unwrap_or("").trim_end_matches('\r');
        let comment = line.trim_start().starts_with('#');
        if comment || !line.ends_with('\\') || line_end >= input.len() {
            return line_end + 1;
        }
        line_start = line_end + 1;
        line_end = input
            .get(line_start..)
            .and_then(|rest| rest.find('\n'))
            .map_or(input.len(), |i| line_start + i);
    }
}

fn is_word_end(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, ';' | '&' | '|' | '\\' | ')'))
}

fn is_word_start(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, ';' | '&' | '|' | '('))
}

fn starts_with_curl(text: &str) -> bool {
    text.strip_prefix("curl")
        .is_some_and(|rest| is_word_end(rest.chars().next()))
}

/// A cheap test for the word `curl` anywhere on the line.
fn mentions_curl(text: &str) -> bool {
    text.match_indices("curl").any(|(i, _)| {
        let before = text.get(..i).and_then(|s| s.chars().next_back());
        let after = text.get(i + 4..).and_then(|s| s.chars().next());
        is_word_start(before) && is_word_end(after)
    })
}

/// Reads one logical line (up to an unquoted newline) and returns its curl commands.
fn read_line(lexer: &mut Lexer<'_>, mut prompt: Option<Range<usize>>) -> Vec<CurlCommand> {
    let mut out = Vec::new();
    let mut words: Vec<Token> = Vec::new();
    let mut redirects = Vec::new();
    let mut pending_redirect: Option<Range<usize>> = None;
    loop {
        let token = lexer.next_token();
        if let Some(range) = pending_redirect.take() {
            if let Some(ShellToken::Word(target)) = token {
                redirects.push((range, Some(target)));
                continue;
            }
            redirects.push((range, None));
        }
        let end = match token {
            Some(ShellToken::Word(word)) => {
                words.push(word);
                continue;
            }
            Some(ShellToken::Operator {
                op: Operator::Redirect,
                range,
                ..
            }) => {
                pending_redirect = Some(range);
                continue;
            }
            Some(ShellToken::Operator { op, .. }) => CommandEnd::Operator(op),
            Some(ShellToken::Newline { .. }) => CommandEnd::Newline,
            None => CommandEnd::EndOfInput,
        };
        let words = std::mem::take(&mut words);
        let redirects = std::mem::take(&mut redirects);
        if let Some(command) = build(words, redirects, prompt.take(), end, lexer) {
            out.push(command);
        }
        // `;`, `&&`, `||`, `|`: the line goes on with another command.
        if matches!(end, CommandEnd::Operator(_)) {
            continue;
        }
        return out;
    }
}

/// Makes a command from a simple command's words if it runs curl.
fn build(
    mut words: Vec<Token>,
    redirects: Vec<(Range<usize>, Option<Token>)>,
    prompt: Option<Range<usize>>,
    end: CommandEnd,
    lexer: &Lexer<'_>,
) -> Option<CurlCommand> {
    let first = words.iter().position(|w| !is_assignment(w))?;
    if words.get(first)?.value != "curl" {
        return None;
    }
    let args = words.split_off(first + 1);
    let program = words.pop()?;
    // A redirection may come before `curl` (`<in curl`): the command still ends no
    // earlier than its program word.
    let last_end = args
        .iter()
        .map(|w| w.range.end)
        .chain(redirects.iter().map(|(r, t)| t.as_ref().map_or(r.end, |t| t.range.end)))
        .fold(program.range.end, usize::max);
    let range = program.range.start..last_end;
    let continuations = lexer
        .continuations
        .iter()
        .filter(|c| range.contains(&c.backslash) || (c.backslash >= range.end && c.backslash < lexer.pos()))
        .copied()
        .collect();
    let mut errors = Vec::new();
    if let Some(at) = lexer.unterminated.filter(|at| range.contains(at)) {
        errors.push(CommandError::UnterminatedQuote { at });
    }
    let (options, positionals) = parse_options(&args, &mut errors);
    let parsed_urls = parse_urls(&options, &positionals);
    Some(CurlCommand {
        range,
        prompt,
        program,
        words: args,
        options,
        positionals,
        redirects,
        continuations,
        end,
        errors,
        parsed_urls,
        body: BodyCache::default(),
    })
}

/// The URLs of a command in the order written: `--url` values and bare arguments.
fn parse_urls(options: &[CurlOption], positionals: &[Token]) -> Vec<(UrlSource, ParsedUrl)> {
    let mut found: Vec<(usize, UrlSource, &Token)> = Vec::new();
    for (i, option) in options.iter().enumerate().filter(|(_, o)| o.is("url")) {
        if let Some(arg) = &option.arg {
            found.push((arg.range.start, UrlSource::UrlOption(i), arg));
        }
    }
    for (i, token) in positionals.iter().enumerate() {
        found.push((token.range.start, UrlSource::Positional(i), token));
    }
    found.sort_by_key(|(start, _, _)| *start);
    found
        .into_iter()
        .map(|(_, source, token)| (source, ParsedUrl::parse(&token.value)))
        .collect()
}

/// `NAME=value` before the program name.
fn is_assignment(word: &Token) -> bool {
    let Some((name, _)) = word.value.split_once('=') else {
        return false;
    };
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && word.bare_prefix_len() > name.len()
}

/// Splits curl's arguments into options and positionals.
fn parse_options(args: &[Token], errors: &mut Vec<CommandError>) -> (Vec<CurlOption>, Vec<Token>) {
    let mut options = Vec::new();
    let mut positionals = Vec::new();
    let mut i = 0;
    let mut only_positionals = false;
    while let Some(word) = args.get(i) {
        let value = word.value.as_str();
        i += 1;
        if only_positionals || value == "-" || !value.starts_with('-') {
            positionals.push(word.clone());
        } else if value == "--" {
            only_positionals = true;
        } else if let Some(long) = value.strip_prefix("--") {
            let option = parse_long(word, i - 1, long, args, &mut i);
            push_option(&mut options, option, errors);
        } else {
            for option in parse_short(word, i - 1, args, &mut i) {
                push_option(&mut options, option, errors);
            }
        }
    }
    (options, positionals)
}

fn push_option(options: &mut Vec<CurlOption>, (option, missing): (CurlOption, bool), errors: &mut Vec<CommandError>) {
    if missing {
        errors.push(CommandError::MissingArgument { option: options.len() });
    }
    options.push(option);
}

/// Reads `--name`, `--name=value` or `--no-name`, taking the next word as argument if needed.
/// Returns the option and whether its argument is missing.
fn parse_long(word: &Token, index: usize, long: &str, args: &[Token], next: &mut usize) -> (CurlOption, bool) {
    let (name, inline) = match long.split_once('=') {
        Some((name, _)) => (name, true),
        None => (long, false),
    };
    let (spec, negated) = match long_option(name) {
        Some(spec) => (Some(spec), false),
        None => match name.strip_prefix("no-").and_then(long_option) {
            Some(spec) if !spec.takes_arg => (Some(spec), true),
            _ => (None, false),
        },
    };
    let flag_end = 2 + name.len();
    let mut option = CurlOption {
        flag: ["--", name].concat(),
        flag_range: word.source_range(0..flag_end),
        long: spec.map(|s| s.long),
        short: false,
        style: OptionStyle::Long,
        negated,
        arg: None,
        range: word.range.clone(),
        word: index,
    };
    let mut missing = false;
    if inline {
        option.style = OptionStyle::LongEquals;
        option.arg = Some(word.slice_from(flag_end + 1));
    } else if spec.is_some_and(|s| s.takes_arg) {
        match args.get(*next) {
            Some(arg) => {
                option.range = word.range.start..arg.range.end;
                option.arg = Some(arg.clone());
                *next += 1;
            }
            None => missing = true,
        }
    }
    (option, missing)
}

/// Reads `-H`, `-sS`, `-XPOST`, `-sX POST`.
fn parse_short(word: &Token, index: usize, args: &[Token], next: &mut usize) -> Vec<(CurlOption, bool)> {
    let mut out = Vec::new();
    let value = word.value.as_str();
    for (at, letter) in value.char_indices().skip(1) {
        let spec = short_option(letter);
        let letter_end = at + letter.len_utf8();
        // The first letter's flag includes the dash.
        let flag_start = if at == 1 { 0 } else { at };
        let mut option = CurlOption {
            flag: ['-', letter].iter().collect(),
            flag_range: word.source_range(flag_start..letter_end),
            long: spec.map(|s| s.long),
            short: true,
            style: if at == 1 {
                OptionStyle::Short
            } else {
                OptionStyle::Bundled
            },
            negated: false,
            arg: None,
            range: word.source_range(flag_start..letter_end),
            word: index,
        };
        let mut missing = false;
        if spec.is_some_and(|s| s.takes_arg) {
            if letter_end < value.len() {
                let arg = word.slice_from(letter_end);
                option.style = OptionStyle::ShortAttached;
                option.range = option.flag_range.start..arg.range.end.max(option.flag_range.end);
                option.arg = Some(arg);
            } else if let Some(arg) = args.get(*next) {
                option.range = option.flag_range.start..arg.range.end;
                option.arg = Some(arg.clone());
                *next += 1;
            } else {
                missing = true;
            }
            out.push((option, missing));
            break;
        }
        out.push((option, missing));
    }
    out
}
