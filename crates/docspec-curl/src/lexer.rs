//! A POSIX-shell tokenizer that keeps byte ranges, continuations and comments.

use crate::token::{PartQuote, Token, TokenBuilder};
use std::ops::Range;

/// A shell operator between words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    /// `;` or `;;`
    Semicolon,
    /// `&&`
    And,
    /// `||`
    Or,
    /// `|` or `|&`
    Pipe,
    /// `&`
    Background,
    /// `>`, `>>`, `<`, `<<`, `2>`, `&>`, `>&` and the like; the next word is its target.
    Redirect,
    /// `(`
    OpenParen,
    /// `)`
    CloseParen,
}

impl Operator {
    /// Whether the operator ends a simple command (everything but redirections).
    pub fn ends_command(self) -> bool {
        self != Operator::Redirect
    }
}

/// One item of the token stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellToken {
    /// A word, such as `curl`, `--header` or `"https://..."`.
    Word(Token),
    /// An operator, with its text as written.
    Operator {
        op: Operator,
        text: String,
        range: Range<usize>,
    },
    /// An unescaped, unquoted newline.
    Newline { range: Range<usize> },
}

/// A backslash-newline line continuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Continuation {
    /// Byte offset of the backslash.
    pub backslash: usize,
    /// Spaces and tabs right before the backslash on its line (` \` has 1).
    pub spaces_before: usize,
    /// Byte offset where the next line starts.
    pub next_line: usize,
    /// Spaces and tabs that indent the next line.
    pub indent: usize,
}

impl Continuation {
    /// Whether the backslash is preceded by exactly one space, as in `--url "..." \`.
    pub fn single_space_before(&self) -> bool {
        self.spaces_before == 1
    }

    /// The byte range of the next line's indentation.
    pub fn indent_range(&self) -> Range<usize> {
        self.next_line..self.next_line + self.indent
    }
}

/// The result of tokenizing a whole text as shell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexed {
    pub tokens: Vec<ShellToken>,
    pub continuations: Vec<Continuation>,
    /// Ranges of `# ...` comments, without the newline.
    pub comments: Vec<Range<usize>>,
    /// Offset of the first quote (or `$(`, `${`) that is never closed.
    pub unterminated: Option<usize>,
}

impl Lexed {
    /// The words, skipping operators and newlines.
    pub fn words(&self) -> impl Iterator<Item = &Token> {
        self.tokens.iter().filter_map(|token| match token {
            ShellToken::Word(word) => Some(word),
            _ => None,
        })
    }
}

/// Tokenizes all of `input` as shell.
///
/// Output lines in a docs block are not shell; [`crate::parse_commands`] only tokenizes the
/// lines that hold commands.
pub fn tokenize(input: &str) -> Lexed {
    let mut lexer = Lexer::new(input, 0);
    let mut tokens = Vec::new();
    while let Some(token) = lexer.next_token() {
        tokens.push(token);
    }
    Lexed {
        tokens,
        continuations: lexer.continuations,
        comments: lexer.comments,
        unterminated: lexer.unterminated,
    }
}

const OPERATORS: &[(&str, Operator)] = &[
    ("&&", Operator::And),
    ("||", Operator::Or),
    ("|&", Operator::Pipe),
    (";;", Operator::Semicolon),
    ("&>>", Operator::Redirect),
    ("&>", Operator::Redirect),
    (">>", Operator::Redirect),
    (">&", Operator::Redirect),
    (">|", Operator::Redirect),
    ("<<<", Operator::Redirect),
    ("<<-", Operator::Redirect),
    ("<<", Operator::Redirect),
    ("<&", Operator::Redirect),
    ("<>", Operator::Redirect),
    ("<", Operator::Redirect),
    (">", Operator::Redirect),
    ("|", Operator::Pipe),
    (";", Operator::Semicolon),
    ("&", Operator::Background),
    ("(", Operator::OpenParen),
    (")", Operator::CloseParen),
];

/// Characters that end an unquoted word.
fn is_break(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')')
}

pub(crate) struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    pub(crate) continuations: Vec<Continuation>,
    pub(crate) comments: Vec<Range<usize>>,
    pub(crate) unterminated: Option<usize>,
    /// Set when a quoted string ran across a line end; such a "command" may be prose.
    pub(crate) quoted_newline: bool,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(input: &'a str, pos: usize) -> Self {
        Self {
            input,
            pos: pos.min(input.len()),
            continuations: Vec::new(),
            comments: Vec::new(),
            unterminated: None,
            quoted_newline: false,
        }
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.input.as_bytes().get(at).copied()
    }

    /// The end of the run of characters from `at` that stand for themselves in a word:
    /// no break, quote, escape, `$` or backtick (each of which the caller handles).
    fn plain_run(&self, at: usize) -> usize {
        let bytes = self.input.as_bytes();
        let mut end = at + 1;
        while let Some(&b) = bytes.get(end) {
            let special = matches!(
                b,
                b' ' | b'\t'
                    | b'\r'
                    | b'\n'
                    | b';'
                    | b'&'
                    | b'|'
                    | b'<'
                    | b'>'
                    | b'('
                    | b')'
                    | b'\\'
                    | b'\''
                    | b'"'
                    | b'$'
                    | b'`'
            );
            if special {
                break;
            }
            end += 1;
        }
        // `at` started a character; the run ends before an ASCII byte or at the end, so
        // it ends on a character boundary.
        end
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.input.get(at..).and_then(|rest| rest.chars().next())
    }

    fn rest(&self) -> &'a str {
        self.input.get(self.pos..).unwrap_or("")
    }

    /// Length of a backslash-newline at `at` (2, or 3 with `\r\n`).
    fn continuation_len(&self, at: usize) -> Option<usize> {
        match (self.byte(at), self.byte(at + 1), self.byte(at + 2)) {
            (Some(b'\\'), Some(b'\n'), _) => Some(2),
            (Some(b'\\'), Some(b'\r'), Some(b'\n')) => Some(3),
            _ => None,
        }
    }

    /// Records and skips a continuation at the current position, if there is one.
    fn skip_continuation(&mut self) -> bool {
        let Some(len) = self.continuation_len(self.pos) else {
            return false;
        };
        let bytes = self.input.as_bytes();
        let before = bytes.get(..self.pos).unwrap_or(&[]);
        let spaces_before = before.iter().rev().take_while(|b| matches!(b, b' ' | b'\t')).count();
        let next_line = self.pos + len;
        let after = bytes.get(next_line..).unwrap_or(&[]);
        let indent = after.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
        self.continuations.push(Continuation {
            backslash: self.pos,
            spaces_before,
            next_line,
            indent,
        });
        self.pos = next_line;
        true
    }

    fn mark_unterminated(&mut self, at: usize) {
        self.unterminated.get_or_insert(at);
        self.pos = self.input.len();
    }

    pub(crate) fn next_token(&mut self) -> Option<ShellToken> {
        loop {
            match self.byte(self.pos)? {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\\' if self.skip_continuation() => {}
                b'#' => {
                    let end = self.rest().find('\n').map_or(self.input.len(), |i| self.pos + i);
                    self.comments.push(self.pos..end);
                    self.pos = end;
                }
                b'\n' => {
                    self.pos += 1;
                    return Some(ShellToken::Newline {
                        range: self.pos - 1..self.pos,
                    });
                }
                _ => break,
            }
        }
        if self.placeholder_end(self.pos).is_none() {
            if let Some(op) = self.operator(self.pos) {
                return Some(op);
            }
        }
        let word = self.word();
        // `2>file`, `2>&1`: a number glued to a redirection is its file descriptor. Only
        // digits as written, right before the operator, are one: `\2>file` is the word `2`
        // and a redirection of stdout, and so is `2\<newline>>file` (where a shell would
        // join the lines first), so that the operator's text stays the text of its range.
        let raw = self.input.get(word.range.clone()).unwrap_or("");
        let digits = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
        if digits && word.range.end == self.pos && matches!(self.byte(self.pos), Some(b'<' | b'>')) {
            if let Some(ShellToken::Operator { op, text, range }) = self.operator(self.pos) {
                return Some(ShellToken::Operator {
                    op,
                    text: format!("{}{text}", word.value),
                    range: word.range.start..range.end,
                });
            }
        }
        Some(ShellToken::Word(word))
    }

    /// The end of an unquoted placeholder at `at` (`<username>`, `<your_access_token>`):
    /// docs write them where a value goes, and mean no redirection by the brackets.
    fn placeholder_end(&self, at: usize) -> Option<usize> {
        let bytes = self.input.as_bytes();
        if bytes.get(at) != Some(&b'<') || !bytes.get(at + 1)?.is_ascii_alphabetic() {
            return None;
        }
        let len = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
            .count();
        (bytes.get(at + 1 + len) == Some(&b'>')).then_some(at + len + 2)
    }

    fn operator(&mut self, at: usize) -> Option<ShellToken> {
        let rest = self.input.get(at..)?;
        let (text, op) = OPERATORS.iter().find(|(text, _)| rest.starts_with(text))?;
        self.pos = at + text.len();
        Some(ShellToken::Operator {
            op: *op,
            text: (*text).to_string(),
            range: at..self.pos,
        })
    }

    fn word(&mut self) -> Token {
        let start = self.pos;
        // Where the last character ended: a trailing continuation is not part of the word.
        let mut end = start;
        let mut b = TokenBuilder::default();
        while let Some(c) = self.char_at(self.pos) {
            let next = self.char_at(self.pos + c.len_utf8());
            match c {
                '<' if self.placeholder_end(self.pos).is_some() => {
                    self.bare(&mut b);
                    let close = self.placeholder_end(self.pos).unwrap_or(self.pos + 1);
                    b.push(&self.input[self.pos..close], self.pos);
                    self.pos = close;
                }
                c if is_break(c) => break,
                '\\' if self.skip_continuation() => continue,
                '\\' => {
                    self.bare(&mut b);
                    match next {
                        Some(e) => {
                            b.push_escaped(e.encode_utf8(&mut [0; 4]), self.pos);
                            self.pos += 1 + e.len_utf8();
                        }
                        None => {
                            b.push("\\", self.pos);
                            self.pos += 1;
                        }
                    }
                }
                '\'' => self.single(&mut b),
                '"' => self.double(&mut b, 1),
                '$' if next == Some('\'') => self.ansi_c(&mut b),
                '$' if next == Some('"') => self.double(&mut b, 2),
                '$' if matches!(next, Some('(' | '{')) => {
                    self.bare(&mut b);
                    self.group(&mut b);
                }
                '`' => {
                    self.bare(&mut b);
                    self.backtick(&mut b);
                }
                _ => {
                    // A run of plain characters goes in at once.
                    self.bare(&mut b);
                    let run = self.plain_run(self.pos);
                    b.push(&self.input[self.pos..run], self.pos);
                    self.pos = run;
                }
            }
            end = self.pos;
        }
        self.end_bare(&mut b, end);
        b.finish(start..end)
    }

    /// Makes sure an unquoted piece is open.
    fn bare(&self, b: &mut TokenBuilder) {
        if b.current() != Some(PartQuote::Bare) || b.is_closed() {
            b.open(PartQuote::Bare, self.pos);
        }
    }

    fn end_bare(&self, b: &mut TokenBuilder, at: usize) {
        if b.current() == Some(PartQuote::Bare) && !b.is_closed() {
            b.close(at);
        }
    }

    fn single(&mut self, b: &mut TokenBuilder) {
        self.end_bare(b, self.pos);
        let open = self.pos;
        b.open(PartQuote::Single, open);
        let body = open + 1;
        let text = self.input.get(body..).unwrap_or("");
        match text.find('\'') {
            Some(len) => {
                self.push_quoted(b, body, body + len);
                self.pos = body + len + 1;
            }
            None => {
                self.push_quoted(b, body, self.input.len());
                self.mark_unterminated(open);
            }
        }
        b.close(self.pos);
    }

    fn push_quoted(&mut self, b: &mut TokenBuilder, start: usize, end: usize) {
        let text = self.input.get(start..end).unwrap_or("");
        self.quoted_newline |= text.contains('\n');
        b.push(text, start);
    }

    fn double(&mut self, b: &mut TokenBuilder, open_len: usize) {
        self.end_bare(b, self.pos);
        let open = self.pos;
        b.open(PartQuote::Double, open);
        self.pos += open_len;
        loop {
            let Some(c) = self.char_at(self.pos) else {
                self.mark_unterminated(open);
                break;
            };
            let next = self.char_at(self.pos + 1);
            match c {
                '"' => {
                    self.pos += 1;
                    break;
                }
                '\\' if self.skip_continuation() => {}
                '\\' if matches!(next, Some('$' | '`' | '"' | '\\')) => {
                    b.push_escaped(self.input.get(self.pos + 1..self.pos + 2).unwrap_or(""), self.pos);
                    self.pos += 2;
                }
                '$' if matches!(next, Some('(' | '{')) => self.group(b),
                '`' => self.backtick(b),
                _ => {
                    // A run up to the next character double quotes treat specially.
                    let bytes = self.input.as_bytes();
                    let mut end = self.pos + 1;
                    while bytes.get(end).is_some_and(|b| !matches!(b, b'"' | b'\\' | b'$' | b'`')) {
                        end += 1;
                    }
                    self.push_quoted(b, self.pos, end);
                    self.pos = end;
                }
            }
        }
        b.close(self.pos);
    }

    fn ansi_c(&mut self, b: &mut TokenBuilder) {
        self.end_bare(b, self.pos);
        let open = self.pos;
        b.open(PartQuote::AnsiC, open);
        self.pos += 2;
        loop {
            let Some(c) = self.char_at(self.pos) else {
                self.mark_unterminated(open);
                break;
            };
            if c == '\'' {
                self.pos += 1;
                break;
            }
            let escaped = match (c, self.char_at(self.pos + 1)) {
                ('\\', Some(e)) => ansi_escape(e).map(|value| (value, e)),
                _ => None,
            };
            match escaped {
                Some((value, e)) => {
                    b.push_escaped(value.encode_utf8(&mut [0; 4]), self.pos);
                    self.pos += 1 + e.len_utf8();
                }
                None => {
                    self.push_quoted(b, self.pos, self.pos + c.len_utf8());
                    self.pos += c.len_utf8();
                }
            }
        }
        b.close(self.pos);
    }

    /// Copies `$(...)` or `${...}` literally; nested quotes and brackets are skipped over.
    fn group(&mut self, b: &mut TokenBuilder) {
        let open = self.pos;
        let (left, right) = match self.byte(open + 1) {
            Some(b'{') => ('{', '}'),
            _ => ('(', ')'),
        };
        let mut depth = 0usize;
        let mut quote: Option<char> = None;
        let mut end = None;
        for (i, c) in self.input.get(open + 1..).unwrap_or("").char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, c) if c == left => depth += 1,
                (None, c) if c == right => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = Some(open + 1 + i + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        match end {
            Some(end) => {
                self.push_quoted(b, open, end);
                self.pos = end;
            }
            None => {
                self.push_quoted(b, open, self.input.len());
                self.mark_unterminated(open);
            }
        }
    }

    /// Copies a `` `...` `` command substitution literally.
    fn backtick(&mut self, b: &mut TokenBuilder) {
        let open = self.pos;
        match self.input.get(open + 1..).and_then(|rest| rest.find('`')) {
            Some(i) => {
                let end = open + 1 + i + 1;
                self.push_quoted(b, open, end);
                self.pos = end;
            }
            None => {
                self.push_quoted(b, open, self.input.len());
                self.mark_unterminated(open);
            }
        }
    }
}

fn ansi_escape(e: char) -> Option<char> {
    Some(match e {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'e' | 'E' => '\u{1b}',
        'f' => '\u{c}',
        'v' => '\u{b}',
        '\\' | '\'' | '"' | '?' => e,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quoting;

    fn words(input: &str) -> Vec<(String, Quoting, String)> {
        tokenize(input)
            .words()
            .map(|t| (t.value.clone(), t.quoting, t.raw(input).to_string()))
            .collect()
    }

    /// Words as their values, operators as `<op>`, line ends as `NL`.
    fn kinds_of(lexed: &Lexed) -> Vec<String> {
        lexed
            .tokens
            .iter()
            .map(|t| match t {
                ShellToken::Word(w) => w.value.clone(),
                ShellToken::Operator { text, .. } => format!("<{text}>"),
                ShellToken::Newline { .. } => "NL".into(),
            })
            .collect()
    }

    fn kinds(input: &str) -> Vec<String> {
        kinds_of(&tokenize(input))
    }

    #[test]
    fn quotes_and_escapes() {
        let input = r#"a 'b c' "d \"e\" \x" $'f\ng' "$TOKEN" ${X}/y \ z"#;
        let got = words(input);
        let values: Vec<_> = got.iter().map(|(v, _, _)| v.as_str()).collect();
        assert_eq!(values, ["a", "b c", r#"d "e" \x"#, "f\ng", "$TOKEN", "${X}/y", " z"]);
        let quoting: Vec<_> = got.iter().map(|(_, q, _)| *q).collect();
        use Quoting::*;
        assert_eq!(quoting, [None, Single, Double, Single, Double, None, None]);
        for (_, _, raw) in &got {
            assert!(input.contains(raw.as_str()));
        }
        assert_eq!(got[2].2, r#""d \"e\" \x""#);
    }

    #[test]
    fn unquoted_placeholders_are_words() {
        let kinds = kinds("curl --user <username>:<personal_access_token> <in >out.json < file");
        // A bracketed name is the writer's placeholder; `<in`, `>out.json` and `< file`
        // stay redirections.
        assert_eq!(
            kinds,
            [
                "curl",
                "--user",
                "<username>:<personal_access_token>",
                "<<>",
                "in",
                "<>>",
                "out.json",
                "<<>",
                "file"
            ]
        );
    }

    #[test]
    fn continuations_are_recorded() {
        let input = "curl \\\n  --url x\\\n\t-v";
        let lexed = tokenize(input);
        let values: Vec<_> = lexed.words().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["curl", "--url", "x", "-v"]);
        let c = &lexed.continuations;
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].backslash, c[0].spaces_before, c[0].indent), (5, 1, 2));
        assert!(c[0].single_space_before());
        assert_eq!((c[1].backslash, c[1].spaces_before, c[1].indent), (16, 0, 1));
        assert_eq!(&input[c[0].indent_range()], "  ");
    }

    #[test]
    fn operators_comments_and_redirects() {
        let lexed = tokenize("a && b || c | d; e 2>/dev/null # note\nf");
        let kinds = kinds_of(&lexed);
        assert_eq!(
            kinds,
            [
                "a",
                "<&&>",
                "b",
                "<||>",
                "c",
                "<|>",
                "d",
                "<;>",
                "e",
                "<2>>",
                "/dev/null",
                "NL",
                "f"
            ]
        );
        assert_eq!(lexed.comments.len(), 1);
        assert_eq!(lexed.comments[0], 31..37);
    }

    /// Found by the `curl` fuzz target: the operator's range took in the backslash that
    /// its text did not.
    #[test]
    fn escaped_digits_are_a_word_not_a_file_descriptor() {
        let input = "\\6<x 2>y";
        let lexed = tokenize(input);
        let shown: Vec<String> = lexed
            .tokens
            .iter()
            .map(|t| match t {
                ShellToken::Word(w) => w.value.clone(),
                ShellToken::Operator { text, range, .. } => {
                    assert_eq!(&input[range.clone()], text);
                    format!("<{text}>")
                }
                ShellToken::Newline { .. } => "NL".into(),
            })
            .collect();
        assert_eq!(shown, ["6", "<<>", "x", "<2>>", "y"]);
    }

    /// Found by the `curl` fuzz target: a line continuation between a number and a
    /// redirection was taken into the operator's range but not into its text.
    #[test]
    fn a_continuation_between_a_number_and_a_redirection_ends_the_number() {
        let input = "curl 1\\\n<<<x";
        let lexed = tokenize(input);
        for token in &lexed.tokens {
            if let ShellToken::Operator { text, range, .. } = token {
                assert_eq!(&input[range.clone()], text);
                assert_eq!(text, "<<<");
            }
        }
        let words: Vec<&str> = lexed
            .tokens
            .iter()
            .filter_map(|t| match t {
                ShellToken::Word(w) => Some(w.value.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(words, ["curl", "1", "x"]);
    }

    #[test]
    fn unterminated_quotes_do_not_panic() {
        for input in ["'abc", "\"abc\\", "$'x", "a$(b", "`x", "\"${X", "\\", "'", "\"", "é'ü"] {
            let lexed = tokenize(input);
            assert!(lexed.words().count() <= 2, "{input}");
        }
        let lexed = tokenize("a \"b c");
        assert_eq!(lexed.unterminated, Some(2));
        assert_eq!(lexed.words().last().map(|t| t.value.as_str()), Some("b c"));
    }
}
