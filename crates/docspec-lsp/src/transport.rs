//! Framing over byte streams, robust to what a client may send: a body that is not JSON
//! gets a parse error (-32700) and the server reads on; JSON that is no message gets an
//! invalid-request error (-32600); a `Content-Length` over the limit is skipped without
//! allocating it. `lsp-server`'s own stdio reader ends the server on the first of these.

use lsp_server::Message;
use serde_json::{json, Value};
use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

/// Larger messages are skipped (a page is at most 16 MiB; JSON escaping may double it).
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;
/// Longer header lines are junk.
const MAX_HEADER_LINE: u64 = 8 * 1024;

pub enum Incoming {
    Message(Message),
    /// The client closed its end.
    Closed,
}

pub enum Outgoing {
    Message(Message),
    /// An error response that `lsp_server::Response` cannot express (`"id": null`).
    Raw(Value),
    /// Flush and end the writer.
    Stop,
}

/// Starts the reader and writer threads.
pub fn start<R, W>(reader: R, writer: W) -> (Receiver<Incoming>, Sender<Outgoing>, JoinHandle<io::Result<()>>)
where
    R: BufRead + Send + 'static,
    W: Write + Send + 'static,
{
    let (out_tx, out_rx) = mpsc::channel::<Outgoing>();
    let (in_tx, in_rx) = mpsc::channel::<Incoming>();
    let errors = out_tx.clone();
    // The reader may stay blocked on a client that never closes its end; it is not joined.
    std::thread::Builder::new()
        .name("docspec-lsp-reader".to_string())
        .spawn(move || read_loop(reader, &in_tx, &errors))
        .expect("spawning the reader thread");
    let writer_thread = std::thread::Builder::new()
        .name("docspec-lsp-writer".to_string())
        .spawn(move || write_loop(writer, &out_rx))
        .expect("spawning the writer thread");
    (in_rx, out_tx, writer_thread)
}

fn write_loop<W: Write>(mut writer: W, rx: &Receiver<Outgoing>) -> io::Result<()> {
    while let Ok(item) = rx.recv() {
        let result = match item {
            Outgoing::Message(message) => message.write(&mut writer),
            Outgoing::Raw(value) => {
                let body = value.to_string();
                write!(writer, "Content-Length: {}\r\n\r\n{body}", body.len()).and_then(|()| writer.flush())
            }
            Outgoing::Stop => break,
        };
        // A client that closed its end gets nothing more; the server still ends normally.
        if result.is_err() {
            break;
        }
    }
    writer.flush().or(Ok(()))
}

enum Frame {
    Body(Vec<u8>),
    Bad(String),
    Eof,
}

fn read_loop<R: BufRead>(mut reader: R, incoming: &Sender<Incoming>, errors: &Sender<Outgoing>) {
    loop {
        match read_frame(&mut reader) {
            Frame::Eof => {
                let _ = incoming.send(Incoming::Closed);
                return;
            }
            Frame::Bad(reason) => {
                let _ = errors.send(Outgoing::Raw(error(Value::Null, -32700, &reason)));
            }
            Frame::Body(body) => match decode(&body) {
                Ok(message) => {
                    let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                    if incoming.send(Incoming::Message(message)).is_err() || exit {
                        return;
                    }
                }
                Err(reply) => {
                    let _ = errors.send(Outgoing::Raw(reply));
                }
            },
        }
    }
}

fn read_frame<R: BufRead>(reader: &mut R) -> Frame {
    let mut length: Option<Result<usize, String>> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        match reader.by_ref().take(MAX_HEADER_LINE).read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return Frame::Eof,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !saw_header {
                continue;
            }
            break;
        }
        saw_header = true;
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(
                    value
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| format!("invalid Content-Length `{}`", value.trim())),
                );
            }
        }
    }
    let length = match length {
        None => return Frame::Bad("missing Content-Length header".to_string()),
        Some(Err(reason)) => return Frame::Bad(reason),
        Some(Ok(n)) => n,
    };
    if length > MAX_MESSAGE {
        let skipped = io::copy(&mut reader.by_ref().take(length as u64), &mut io::sink());
        return match skipped {
            Ok(n) if n == length as u64 => Frame::Bad(format!(
                "message of {length} bytes is over the {MAX_MESSAGE}-byte limit"
            )),
            _ => Frame::Eof,
        };
    }
    let mut body = vec![0; length];
    match reader.read_exact(&mut body) {
        Ok(()) => Frame::Body(body),
        Err(_) => Frame::Eof,
    }
}

/// A message, or the error response to send back.
fn decode(body: &[u8]) -> Result<Message, Value> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| error(Value::Null, -32700, &format!("parse error: {e}")))?;
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    if !value.is_object() || value.get("method").is_some_and(|m| !m.is_string()) {
        return Err(error(id, -32600, "invalid request: not a JSON-RPC message object"));
    }
    serde_json::from_value::<Message>(value).map_err(|e| error(id, -32600, &format!("invalid request: {e}")))
}

fn error(id: Value, code: i32, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut reader = io::BufReader::new(input);
        let mut out = Vec::new();
        loop {
            match read_frame(&mut reader) {
                Frame::Eof => return out,
                Frame::Bad(reason) => out.push(format!("bad: {reason}")),
                Frame::Body(body) => out.push(match decode(&body) {
                    Ok(Message::Request(r)) => format!("request {}", r.method),
                    Ok(Message::Notification(n)) => format!("notification {}", n.method),
                    Ok(Message::Response(_)) => "response".to_string(),
                    Err(reply) => format!("error {}", reply["error"]["code"]),
                }),
            }
        }
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn junk_is_answered_and_reading_goes_on() {
        let mut input = String::new();
        input.push_str(&frame("{not json"));
        input.push_str(&frame(r#"{"jsonrpc":"2.0","id":3,"method":7}"#));
        input.push_str(&frame("[1,2]"));
        input.push_str("X-Junk: 1\r\n\r\n");
        input.push_str("Content-Length: nine\r\n\r\n");
        input.push_str(&format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE + 1));
        input.push_str(&frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#));
        let got = frames(input.as_bytes());
        assert_eq!(
            got,
            vec![
                "error -32700",
                "error -32600",
                "error -32600",
                "bad: missing Content-Length header",
                "bad: invalid Content-Length `nine`",
            ],
            "the over-long message swallows the rest without allocating it; then EOF"
        );
        let ok = frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#);
        assert_eq!(
            frames(format!("garbage line\r\n{ok}").as_bytes()),
            vec!["request shutdown"]
        );
    }
}
