//! Page-wide conventions of GitLab's documentation tooling: front matter, headings,
//! code fences, tables, shortcodes, alerts, links and spaces.

pub mod absolute_docs_link;
pub mod alert_format;
pub mod broken_anchor_link;
pub mod code_block_language;
pub mod heading_increment;
pub mod heading_link;
pub mod heading_style;
pub mod indented_code_block;
pub mod internal_link_extension;
pub mod legacy_icon_syntax;
pub mod list_item_indent;
pub mod missing_front_matter_title;
pub mod non_standard_space;
pub mod page_file_name;
pub(crate) mod raw;
pub mod shortcode_spacing;
pub mod table_cell_padding;
pub mod table_column_count;
pub mod table_delimiter_row;
pub mod template_placeholder;
