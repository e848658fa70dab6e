//! Pseudo-random inputs built from shell-significant pieces: nothing may panic, and every
//! range must slice the input on character boundaries.

use docspec_curl::*;
use std::ops::Range;

const PIECES: &[&str] = &[
    "curl",
    " ",
    "\n",
    "\\\n",
    " \\\n  ",
    "'",
    "\"",
    "\\",
    "$",
    "${",
    "}",
    "$(",
    ")",
    "`",
    "-",
    "--",
    "-X",
    "POST",
    "-H",
    "--header",
    "A: b",
    "=",
    "&",
    "&&",
    "|",
    ";",
    "#",
    "{",
    "}",
    "[",
    "]",
    ":",
    "@",
    "<",
    ">",
    "2>",
    "é",
    "ü",
    "--data",
    "-d",
    "-F",
    "--form",
    "--url",
    "https://h/p?q=1",
    "-sS",
    "-G",
    "-I",
    "$'",
    "\r\n",
    "\t",
    "%2F",
    "+",
];

fn check(input: &str, range: &Range<usize>) {
    assert!(range.start <= range.end, "{input:?} {range:?}");
    assert!(input.get(range.clone()).is_some(), "{input:?} {range:?}");
}

fn exercise(input: &str) {
    let lexed = tokenize(input);
    for word in lexed.words() {
        check(input, &word.range);
        check(input, &word.source_range(0..word.value.len()));
    }
    for command in parse_commands(input) {
        check(input, &command.range);
        for option in &command.options {
            check(input, &option.range);
            check(input, &option.flag_range);
        }
        for header in command.headers() {
            check(input, &header.name_range);
            check(input, &header.value_range);
        }
        for field in command.form() {
            check(input, &field.key_range);
            check(input, &field.value_range);
        }
        let body = command.body_keys();
        for key in &body.keys {
            check(input, &key.range);
        }
        for error in &body.json_errors {
            assert!(error.source_offset <= input.len());
        }
        for url in command.urls() {
            for segment in url.parsed.path_segments() {
                check(input, &url.source_range(segment.range));
            }
            for param in &url.parsed.query {
                check(input, &url.source_range(param.key_range.clone()));
            }
        }
        let _ = (command.method(), command.user());
    }
}

#[test]
fn random_inputs_do_not_panic() {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = next() % 24;
        let mut input = String::from("curl ");
        for _ in 0..len {
            let piece = PIECES
                .get((next() % PIECES.len() as u64) as usize)
                .copied()
                .unwrap_or("");
            input.push_str(piece);
        }
        exercise(&input);
        exercise(input.trim_start_matches("curl "));
    }
}
