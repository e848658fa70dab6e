//! Tricky curl commands from docs, end to end through the public API.

use docspec_curl::*;

fn one(input: &str) -> CurlCommand {
    let mut commands = parse_commands(input);
    assert_eq!(commands.len(), 1, "{commands:#?}");
    commands.remove(0)
}

/// Asserts that every token's range slices exactly its written form out of the input.
fn assert_ranges(input: &str, command: &CurlCommand, written: &[&str]) {
    let got: Vec<&str> = command.words.iter().map(|w| &input[w.range.clone()]).collect();
    assert_eq!(got, written);
}

fn option_summary(command: &CurlCommand) -> Vec<(String, Option<&'static str>, Option<String>)> {
    command
        .options
        .iter()
        .map(|o| (o.flag.clone(), o.long, o.arg.as_ref().map(|a| a.value.clone())))
        .collect()
}

#[test]
fn gitlab_style_multiline_post() {
    let input = r#"curl --request POST \
  --header "PRIVATE-TOKEN: <your_access_token>" \
  --header "Content-Type: application/json" \
  --data '{
    "name": "new_project",
    "labels[]": ["a"],
    "nested": {"skip": 1}
  }' \
  --url "https://gitlab.example.com/api/v4/projects?private_token=x"
"#;
    let c = one(input);
    assert_eq!(
        c.text(input).lines().last(),
        Some(r#"  --url "https://gitlab.example.com/api/v4/projects?private_token=x""#)
    );
    assert_eq!(c.program.range, 0..4);
    assert_eq!(c.end, CommandEnd::Newline);
    assert!(c.errors.is_empty());

    let long: Vec<_> = c.options.iter().map(|o| o.name()).collect();
    assert_eq!(long, ["request", "header", "header", "data", "url"]);
    assert!(c.options.iter().all(|o| !o.short && o.style == OptionStyle::Long));

    let method = c.method();
    assert_eq!(method.name, "POST");
    assert!(method.is_explicit());
    assert_eq!(method.option(), Some(0));

    assert_eq!(c.continuations.len(), 4);
    for cont in &c.continuations {
        assert!(cont.single_space_before());
        assert_eq!(cont.indent, 2);
        assert_eq!(&input[cont.backslash..cont.backslash + 2], "\\\n");
    }

    let headers = c.headers();
    assert_eq!(headers[0].name, "PRIVATE-TOKEN");
    assert_eq!(headers[0].value, "<your_access_token>");
    assert_eq!(&input[headers[0].name_range.clone()], "PRIVATE-TOKEN");
    assert_eq!(&input[headers[0].value_range.clone()], "<your_access_token>");
    assert_eq!(
        c.header("content-type").map(|h| h.value),
        Some("application/json".into())
    );

    let url = c.url().expect("url");
    assert_eq!(url.source, UrlSource::UrlOption(4));
    assert_eq!(url.token.quoting, Quoting::Double);
    assert_eq!(url.parsed.path, "/api/v4/projects");
    assert_eq!(
        &input[url.source_range(url.parsed.path_range.clone())],
        "/api/v4/projects"
    );
    assert_eq!(
        url.parsed.query_param("private_token").and_then(|q| q.value.clone()),
        Some("x".into())
    );

    let body = c.body_keys();
    assert!(body.json_errors.is_empty(), "{:?}", body.json_errors);
    let keys: Vec<_> = body
        .keys
        .iter()
        .map(|k| (k.name.as_str(), k.base(), k.format))
        .collect();
    assert_eq!(
        keys,
        [
            ("name", "name", BodyFormat::Json),
            ("labels[]", "labels", BodyFormat::Json),
            ("nested", "nested", BodyFormat::Json)
        ]
    );
    assert_eq!(&input[body.keys[1].range.clone()], "labels[]");
    assert_eq!(c.data()[0].token.quoting, Quoting::Single);
}

#[test]
fn continuation_without_space_and_odd_indents() {
    let input = "curl --header \"A: b\"\\\n    --url x \\\n\t-v";
    let c = one(input);
    assert_eq!(c.continuations.len(), 2);
    let first = c.continuations[0];
    assert_eq!(first.spaces_before, 0);
    assert!(!first.single_space_before());
    assert_eq!(first.indent, 4);
    assert_eq!(first.backslash, input.find('\\').expect("backslash"));
    assert_eq!(c.continuations[1].indent, 1);
    assert_eq!(&input[c.continuations[1].indent_range()], "\t");
    assert_ranges(input, &c, &["--header", "\"A: b\"", "--url", "x", "-v"]);

    // Two spaces before the backslash.
    let c = one("curl -v  \\\n  x");
    assert_eq!(c.continuations[0].spaces_before, 2);
}

#[test]
fn quoting_and_exact_ranges() {
    let input = r#"curl -H 'A: "b"' -H "C: \"d\" $TOKEN" --data-raw 'x'"y"z --url=https://h/p"#;
    let c = one(input);
    assert_ranges(
        input,
        &c,
        &[
            "-H",
            r#"'A: "b"'"#,
            "-H",
            r#""C: \"d\" $TOKEN""#,
            "--data-raw",
            r#"'x'"y"z"#,
            "--url=https://h/p",
        ],
    );
    let values: Vec<_> = c.words.iter().map(|w| w.value.as_str()).collect();
    assert_eq!(
        values,
        [
            "-H",
            r#"A: "b""#,
            "-H",
            r#"C: "d" $TOKEN"#,
            "--data-raw",
            "xyz",
            "--url=https://h/p"
        ]
    );
    let quoting: Vec<_> = c.words.iter().map(|w| w.quoting).collect();
    use Quoting::*;
    assert_eq!(quoting, [None, Single, None, Double, None, Mixed, None]);

    let headers = c.headers();
    assert_eq!(headers[1].value, r#""d" $TOKEN"#);
    assert_eq!(&input[headers[1].value_range.clone()], r#"\"d\" $TOKEN"#);

    let url = c.url().expect("url");
    assert_eq!(url.token.value, "https://h/p");
    assert_eq!(&input[url.token.range.clone()], "https://h/p");
    assert_eq!(c.options[3].style, OptionStyle::LongEquals);
    assert_eq!(&input[c.options[3].flag_range.clone()], "--url");
}

#[test]
fn long_and_short_forms() {
    let input = r#"curl -sS -XPOST -H"X-A: 1" --header "X-B: 2" -fsSL -u user:pw -ku x:y -G https://h/"#;
    let c = one(input);
    let summary = option_summary(&c);
    let expected: Vec<(&str, Option<&str>, Option<&str>)> = vec![
        ("-s", Some("silent"), None),
        ("-S", Some("show-error"), None),
        ("-X", Some("request"), Some("POST")),
        ("-H", Some("header"), Some("X-A: 1")),
        ("--header", Some("header"), Some("X-B: 2")),
        ("-f", Some("fail"), None),
        ("-s", Some("silent"), None),
        ("-S", Some("show-error"), None),
        ("-L", Some("location"), None),
        ("-u", Some("user"), Some("user:pw")),
        ("-k", Some("insecure"), None),
        ("-u", Some("user"), Some("x:y")),
        ("-G", Some("get"), None),
    ];
    let got: Vec<(&str, Option<&str>, Option<&str>)> =
        summary.iter().map(|(f, l, a)| (f.as_str(), *l, a.as_deref())).collect();
    assert_eq!(got, expected);

    let styles: Vec<_> = c.options.iter().map(|o| o.style).collect();
    use OptionStyle::*;
    assert_eq!(
        styles,
        [
            Short,
            Bundled,
            ShortAttached,
            ShortAttached,
            Long,
            Short,
            Bundled,
            Bundled,
            Bundled,
            Short,
            Short,
            Bundled,
            Short
        ]
    );
    assert_eq!(&input[c.options[1].flag_range.clone()], "S");
    assert_eq!(&input[c.options[2].flag_range.clone()], "-X");
    assert_eq!(c.options[2].written(input), "-XPOST");
    let attached = c.options[3].arg.as_ref().expect("arg");
    assert_eq!(&input[attached.range.clone()], r#""X-A: 1""#);
    assert_eq!(attached.quoting, Quoting::Double);
    assert_eq!(c.options[3].written(input), r#"-H"X-A: 1""#);
    assert_eq!(c.options[4].written(input), r#"--header "X-B: 2""#);
    // `-ku x:y`: `u` takes the next word even inside a bundle.
    assert_eq!(c.options[11].written(input), "u x:y");
    assert_eq!(c.user().map(|u| u.value.as_str()), Some("user:pw"));
    assert_eq!(c.method().name, "POST");
    assert_eq!(c.positionals.len(), 1);
}

#[test]
fn request_with_equals_and_lowercase() {
    let c = one("curl --request=put https://h/x");
    let m = c.method();
    assert_eq!(m.name, "PUT");
    assert_eq!(m.option(), Some(0));
    assert_eq!(c.options[0].style, OptionStyle::LongEquals);
    assert_eq!(c.options[0].arg.as_ref().map(|a| a.value.as_str()), Some("put"));
    assert_eq!(c.options[0].flag, "--request");

    let input = r#"curl "--request=DELETE" https://h/x"#;
    let c = one(input);
    let arg = c.options[0].arg.as_ref().expect("arg");
    assert_eq!(&input[arg.range.clone()], "DELETE");
    assert_eq!(c.method().name, "DELETE");

    // The last -X wins, as in curl.
    assert_eq!(one("curl -X GET -X PATCH u").method().option(), Some(1));
}

#[test]
fn method_defaults() {
    let method = |s: &str| {
        let m = one(s).method();
        (m.name, m.source)
    };
    assert_eq!(method("curl https://h/"), ("GET".into(), MethodSource::Default));
    assert_eq!(method("curl -d a=1 https://h/"), ("POST".into(), MethodSource::Body));
    assert_eq!(
        method("curl --form f=@x https://h/"),
        ("POST".into(), MethodSource::Body)
    );
    assert_eq!(
        method("curl --json '{}' https://h/"),
        ("POST".into(), MethodSource::Body)
    );
    assert_eq!(method("curl -G -d a=1 https://h/"), ("GET".into(), MethodSource::Get));
    assert_eq!(
        method("curl --get --data-urlencode a=1 https://h/"),
        ("GET".into(), MethodSource::Get)
    );
    assert_eq!(method("curl -I https://h/"), ("HEAD".into(), MethodSource::Head));
    assert_eq!(method("curl -T file https://h/"), ("PUT".into(), MethodSource::Upload));
    assert_eq!(
        method("curl -X post -d a https://h/"),
        ("POST".into(), MethodSource::Request(0))
    );
}

#[test]
fn raw_text_data_names_no_key() {
    let c = one(r#"curl --request PATCH --data "Running git clone...\n" --data "a=1&just text" u"#);
    let names: Vec<_> = c.body_keys().keys.iter().map(|k| k.name.clone()).collect();
    assert_eq!(names, ["a"]);
}

#[test]
fn body_keys_keep_what_they_send() {
    let input = r#"curl --data "a=x+y&flag" --data-urlencode "b=c d" --data-urlencode "e@file" --form "f=1" --form "g=@pic.png" --json '{"h": true, "i": {"j": [1]}, "k": <id>}' u"#;
    let c = one(input);
    let sent: Vec<_> = c
        .body_keys()
        .keys
        .iter()
        .map(|k| {
            let written = k.value_range.clone().map(|r| &input[r]);
            (k.name.as_str(), k.value.as_deref(), written)
        })
        .collect();
    assert_eq!(
        sent,
        [
            ("a", Some("x y"), Some("x+y")),
            ("flag", None, None),
            ("b", Some("c d"), Some("c d")),
            ("e", None, None),
            ("h", Some("true"), Some("true")),
            ("i", Some(r#"{"j": [1]}"#), Some(r#"{"j": [1]}"#)),
            ("k", Some("<id>"), Some("<id>")),
            ("f", Some("1"), Some("1")),
            ("g", None, None),
        ]
    );
}

#[test]
fn sent_parameters_are_the_query_then_the_body() {
    let input = r#"curl --data "b=2" --json '{"c": null}' "https://x.test/api?a=1+1&flag""#;
    let c = one(input);
    let sent: Vec<_> = c
        .sent_parameters()
        .into_iter()
        .map(|p| {
            (
                p.name,
                &input[p.range],
                p.value,
                p.value_range.map(|r| &input[r]),
                p.json,
            )
        })
        .collect();
    assert_eq!(
        sent,
        [
            ("a", "a", Some("1 1"), Some("1+1"), false),
            ("flag", "flag", None, None, false),
            ("b", "b", Some("2"), Some("2"), false),
            ("c", "c", Some("null"), Some("null"), true),
        ]
    );
}

#[test]
fn urlencoded_body_keys() {
    let input = r#"curl --data "name=a+b&labels[]=x&assets[links][][name]=y&flag&%6Bey=1" --data-urlencode "description@file.md" --data-urlencode "=skip" --data @body.txt u"#;
    let c = one(input);
    let body = c.body_keys();
    let keys: Vec<_> = body.keys.iter().map(|k| (k.name.as_str(), k.base())).collect();
    assert_eq!(
        keys,
        [
            ("name", "name"),
            ("labels[]", "labels"),
            ("assets[links][][name]", "assets"),
            ("flag", "flag"),
            ("key", "key"),
            ("description", "description"),
        ]
    );
    assert_eq!(&input[body.keys[2].range.clone()], "assets[links][][name]");
    assert_eq!(&input[body.keys[4].range.clone()], "%6Bey");
    assert!(body.keys.iter().all(|k| k.format == BodyFormat::UrlEncoded));
    let data = c.data();
    assert_eq!(data.len(), 4);
    assert_eq!(data[3].file(), Some("body.txt"));
    assert_eq!(data[1].kind, DataKind::UrlEncode);
}

#[test]
fn json_error_offset() {
    let input = r#"curl --data '{"id": <id>, "name": x}' --header "Content-Type: application/json" u"#;
    let c = one(input);
    let body = c.body_keys();
    let keys: Vec<_> = body.keys.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(keys, ["id", "name"]);
    assert_eq!(body.json_errors.len(), 1);
    let err = &body.json_errors[0];
    assert_eq!(err.offset, 21);
    assert_eq!(&input[err.source_offset..err.source_offset + 1], "x");
    assert!(err.message.contains("expected value"), "{}", err.message);

    // A trailing comma on a later line.
    let input = "curl --data '{\n  \"a\": 1,\n}' u";
    let command = one(input);
    let body = command.body_keys();
    let err = &body.json_errors[0];
    assert_eq!(&input[err.source_offset..err.source_offset + 1], "}");
}

#[test]
fn bare_placeholders_are_values_to_fill_in() {
    let command = one(r#"curl --data '{"a": <chosen_level>, "b": "<name>", "c": [<x>]}' u"#);
    let body = command.body_keys();
    assert!(body.json_errors.is_empty(), "{:?}", body.json_errors);
    // Not a placeholder: an unclosed `<`, and `<>`.
    for data in [r#"{"a": <b}"#, r#"{"a": <>}"#] {
        let command = one(&format!("curl --data '{data}' u"));
        let body = command.body_keys();
        assert_eq!(body.json_errors.len(), 1, "{data}");
    }
}

#[test]
fn form_fields() {
    let input = r#"curl --form "file=@/path/to/file.txt" -F 'name=x' --form-string "text=@not-a-file" -F "avatar=<img.png;type=image/png" u"#;
    let c = one(input);
    let form = c.form();
    let fields: Vec<_> = form
        .iter()
        .map(|f| (f.key.as_str(), f.value.as_str(), f.file))
        .collect();
    assert_eq!(
        fields,
        [
            ("file", "@/path/to/file.txt", true),
            ("name", "x", false),
            ("text", "@not-a-file", false),
            ("avatar", "<img.png;type=image/png", true),
        ]
    );
    assert_eq!(&input[form[0].key_range.clone()], "file");
    assert_eq!(&input[form[0].value_range.clone()], "@/path/to/file.txt");
    let keys: Vec<_> = c.body_keys().keys.iter().map(|k| (k.name.clone(), k.format)).collect();
    assert_eq!(keys[0], ("file".to_string(), BodyFormat::Multipart));
    assert_eq!(keys.len(), 4);
}

#[test]
fn url_option_vs_positional() {
    let c = one(r#"curl --header "A: b" "https://h/api/v4/x""#);
    let url = c.url().expect("url");
    assert_eq!(url.source, UrlSource::Positional(0));
    assert_eq!(url.parsed.host.as_deref(), Some("h"));

    let c = one("curl --url https://h/a --header 'A: b'");
    assert_eq!(c.url().map(|u| u.source), Some(UrlSource::UrlOption(0)));
    assert!(c.positionals.is_empty());

    let c = one("curl https://h/a --url https://h/b");
    let urls: Vec<_> = c.urls().into_iter().map(|u| u.parsed.path.clone()).collect();
    assert_eq!(urls, ["/a", "/b"]);

    assert!(one("curl -v").url().is_none());
}

#[test]
fn variables_in_urls() {
    let input = r#"curl --header "JOB-TOKEN: $CI_JOB_TOKEN" "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/generic/my%2Fpkg/0.0.1/file.txt?select=package_file""#;
    let c = one(input);
    let url = c.url().expect("url");
    assert_eq!(url.parsed.host.as_deref(), Some("${CI_API_V4_URL}"));
    assert!(url.parsed.host_is_placeholder());
    let segs = url.parsed.path_segments();
    assert_eq!(segs[1].raw, "${CI_PROJECT_ID}");
    assert_eq!(segs[4].decoded, "my/pkg");
    assert_eq!(&input[url.source_range(segs[4].range.clone())], "my%2Fpkg");
    assert_eq!(c.headers()[0].value, "$CI_JOB_TOKEN");

    let c = one("curl https://gitlab.example.com/api/v4/projects/:id/issues?private_token=$TOKEN");
    let url = c.url().expect("url");
    assert_eq!(url.parsed.query[0].value.as_deref(), Some("$TOKEN"));
    assert_eq!(url.parsed.path_segments()[3].raw, ":id");
}

#[test]
fn several_commands_prompts_and_output() {
    let input = r#"# Create it
$ curl --request POST "https://h/api/v4/a"
{"id": 1, "message": "it's created"}
$ curl "https://h/api/v4/a/1" | jq '.name'
"name"
export TOKEN=abc
curl -s "https://h/b" && curl -s "https://h/c"; echo done
TOKEN=x curl https://h/d
curl: (22) The requested URL returned error: 404
  curl https://h/e # trailing comment
"#;
    let commands = parse_commands(input);
    let paths: Vec<_> = commands
        .iter()
        .map(|c| c.url().map(|u| u.parsed.path.clone()).unwrap_or_default())
        .collect();
    assert_eq!(paths, ["/api/v4/a", "/api/v4/a/1", "/b", "/c", "/d", "/e"]);
    let prompts: Vec<_> = commands.iter().map(|c| c.prompt.clone().map(|p| &input[p])).collect();
    assert_eq!(prompts, [Some("$"), Some("$"), None, None, None, None]);
    assert_eq!(commands[1].end, CommandEnd::Operator(Operator::Pipe));
    assert_eq!(commands[1].text(input), r#"curl "https://h/api/v4/a/1""#);
    assert_eq!(commands[2].end, CommandEnd::Operator(Operator::And));
    assert_eq!(commands[3].end, CommandEnd::Operator(Operator::Semicolon));
    assert_eq!(commands[5].text(input), "curl https://h/e");
    for c in &commands {
        assert!(c.errors.is_empty(), "{c:#?}");
        assert_eq!(&input[c.program.range.clone()], "curl");
    }
}

#[test]
fn output_apostrophes_do_not_swallow_commands() {
    let input = "It's an example\ncurl u1\nmore output that's 'odd\ncurl u2\n";
    let commands = parse_commands(input);
    assert_eq!(commands.len(), 2);
    assert_eq!(commands[1].positionals[0].value, "u2");
}

#[test]
fn redirects_are_not_arguments() {
    let c = one("curl -o out.json https://h/ > log.txt 2>&1");
    assert_eq!(c.positionals.len(), 1);
    assert_eq!(c.redirects.len(), 2);
    assert_eq!(c.redirects[0].1.as_ref().map(|t| t.value.as_str()), Some("log.txt"));
}

#[test]
fn unknown_and_negated_options() {
    let c = one("curl --frobnicate --no-location --fail-with-body -Q x -~ u");
    let names: Vec<_> = c.options.iter().map(|o| (o.flag.as_str(), o.long, o.negated)).collect();
    assert_eq!(
        names,
        [
            ("--frobnicate", None, false),
            ("--no-location", Some("location"), true),
            ("--fail-with-body", Some("fail-with-body"), false),
            ("-Q", Some("quote"), false),
            ("-~", None, false),
        ]
    );
    assert!(!c.has_option("location"));
    assert_eq!(c.options[0].name(), "frobnicate");
}

#[test]
fn unterminated_quote_and_missing_argument() {
    let input = "curl --header 'A: b --url https://h/";
    let c = one(input);
    assert_eq!(c.errors, [CommandError::UnterminatedQuote { at: 14 }]);
    assert_eq!(
        c.options[0].arg.as_ref().map(|a| a.value.as_str()),
        Some("A: b --url https://h/")
    );
    assert_eq!(c.range.end, input.len());

    let c = one("curl https://h/ --header");
    assert_eq!(c.errors, [CommandError::MissingArgument { option: 0 }]);
    assert!(c.options[0].arg.is_none());

    let c = one("$ curl -d \"{\\\"a\\\": 1");
    assert_eq!(c.errors.len(), 1);
    assert!(c.body_keys().json_errors.len() == 1);
}

#[test]
fn empty_and_degenerate_inputs() {
    assert!(parse_commands("").is_empty());
    assert!(parse_commands("\n\n").is_empty());
    assert!(parse_commands("$ ").is_empty());
    assert!(parse_commands("echo curl").is_empty());
    assert!(parse_commands("curlx").is_empty());
    let c = one("curl");
    assert!(c.words.is_empty());
    assert_eq!(c.method().name, "GET");
    for input in [
        "curl '",
        "curl \"",
        "curl \\",
        "curl -",
        "curl --",
        "curl -X",
        "curl --data",
        "curl -d '{\"a\"",
        "$ curl",
        "curl $'\\",
        "curl ${",
        "curl $(",
        "curl `",
        "curl é -Hé:ü 'ü",
        "curl -F",
        "curl -F =",
        "curl --url=",
        "curl -d '{\"\\u12\": 1}'",
        "curl ''",
        "curl \r\n",
        "curl a\\\r\n  b",
    ] {
        for c in parse_commands(input) {
            let _ = (c.method(), c.urls(), c.headers(), c.form(), c.body_keys(), c.user());
            for w in &c.words {
                assert!(input.get(w.range.clone()).is_some(), "{input:?}");
            }
        }
    }
}

#[test]
fn knows_when_the_response_is_saved_to_a_file() {
    let saves = |text: &str| {
        let commands = parse_commands(text);
        commands[0].saves_response(text)
    };
    assert!(saves("curl --output file.zip --url \"https://x.example/a\""));
    assert!(saves("curl -o file.zip \"https://x.example/a\""));
    assert!(saves("curl --remote-name --url \"https://x.example/a\""));
    assert!(saves("curl \"https://x.example/a\" > out.tgz"));
    assert!(saves("curl \"https://x.example/a\" >> out.tgz"));
    assert!(!saves("curl \"https://x.example/a\" 2>/dev/null"));
    assert!(!saves("curl \"https://x.example/a\" 2>&1"));
    assert!(!saves("curl --url \"https://x.example/a\""));
}

/// Found by the `curl` fuzz target: a redirection before `curl` ended the command before
/// it began (`3..2`), and slicing the input with its range panicked.
#[test]
fn a_redirection_before_curl_does_not_end_the_command_before_it_starts() {
    let text = "<~ curl  ";
    let commands = parse_commands(text);
    assert_eq!(commands.len(), 1);
    assert_eq!(commands[0].range, 3..7);
    assert_eq!(commands[0].text(text), "curl");
    let text = "<in.json curl --url \"https://x.example/a\"";
    let commands = parse_commands(text);
    assert_eq!(commands[0].text(text), "curl --url \"https://x.example/a\"");
}
