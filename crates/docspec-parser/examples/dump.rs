//! Prints the model of one page as JSON (a development aid; `docspec inspect` is the CLI form).
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump PAGE.md");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let page = docspec_parser::parse_str(&text);
    println!("{}", serde_json::to_string_pretty(&page).expect("serializable"));
}
