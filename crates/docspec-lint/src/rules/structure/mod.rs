pub mod example_fence_language;
pub mod missing_curl_example;
pub mod missing_request_block;
pub mod missing_request_table;
pub mod missing_response_example;
pub mod missing_response_table;
pub mod missing_success_sentence;
