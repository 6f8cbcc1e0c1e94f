// Escaping helpers the exporters share: article text is hostile until escaped for its format.
#pragma once

#include <string>
#include <string_view>

namespace dateline::exporters {

/// Text for HTML element content and quoted attribute values: escapes & < > " '
/// so that no article text can open a tag or leave an attribute.
std::string html_escape(std::string_view text);

/// Like html_escape, and turns each line break into `<br>` so multi-line
/// evidence keeps its shape when a tool renders it as HTML.
std::string html_escape_lines(std::string_view text);

/// The URL when it is a plain http(s) link, else empty: a `javascript:` or
/// `data:` URL from a scraped article must never become a clickable link.
std::string safe_url(std::string_view url);

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line
/// break; a cell that a spreadsheet would read as a formula (starting with
/// = + - @, tab or carriage return) is prefixed with an apostrophe (OWASP
/// "CSV injection").
std::string csv_field(std::string_view text);

/// Markdown inline text: escapes the characters that start emphasis, links,
/// code or HTML (renderers pass raw HTML through) and folds line breaks into
/// spaces so one event stays one list item.
std::string markdown_escape(std::string_view text);

/// Collapses runs of whitespace (line breaks included) into single spaces
/// and trims the ends: headlines and labels are one line.
std::string one_line(std::string_view text);

}  // namespace dateline::exporters
