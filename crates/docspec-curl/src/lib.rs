//! cURL commands in docs examples.
//!
//! [`parse_commands`] finds the `curl` commands in the text of a shell code block and reads
//! them: a POSIX-shell [`Token`] for every word (unquoted value, byte range, quoting), line
//! [`Continuation`]s, [`CurlOption`]s in long and short form, the [`Method`], the URL as a
//! [`ParsedUrl`], headers, data and form fields, and the body keys they send.
//!
//! All ranges are byte ranges into the text given to [`parse_commands`] or [`tokenize`].
//! Nothing here panics on any input.
//!
//! ```
//! let block = r#"curl --request POST \
//!   --header "PRIVATE-TOKEN: $TOKEN" \
//!   --data "name=x" \
//!   --url "https://gitlab.example.com/api/v4/projects?simple=true"
//! "#;
//! let commands = docspec_curl::parse_commands(block);
//! let curl = &commands[0];
//! assert_eq!(curl.method().name, "POST");
//! assert_eq!(curl.headers()[0].value, "$TOKEN");
//! let url = curl.url().unwrap();
//! assert_eq!(url.parsed.path, "/api/v4/projects");
//! assert_eq!(url.parsed.query[0].key, "simple");
//! assert_eq!(curl.body_keys().keys[0].name, "name");
//! assert_eq!(curl.continuations.len(), 3);
//! ```

mod body;
mod command;
mod lexer;
mod options;
mod token;
mod url;

pub use body::{BodyFormat, BodyKey, BodyKeys, DataArg, DataKind, FormField, Header, JsonError, SentParameter};
pub use command::{
    parse_commands, CommandEnd, CommandError, CurlCommand, CurlOption, CurlUrl, Method, MethodSource, OptionStyle,
    UrlSource,
};
pub use lexer::{tokenize, Continuation, Lexed, Operator, ShellToken};
pub use options::{long_option, short_option, OptionSpec, DATA_OPTIONS, FORM_OPTIONS, OPTIONS};
pub use token::{Quoting, Token};
pub use url::{base_name, form_decode, percent_decode, ParsedUrl, PathSegment, QueryParam};
