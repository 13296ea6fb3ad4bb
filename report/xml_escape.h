// XML escaping compatible with Go's encoding/xml, used for every attribute
// value and text node of the JUnit report.
// Covered by tests/report/junit_writer_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

// Appends `text` escaped for an XML attribute value or text node:
// `"` &#34;  `'` &#39;  `&` &amp;  `<` &lt;  `>` &gt;  TAB &#x9;  LF &#xA;
// CR &#xD;. Characters XML 1.0 does not allow (other control characters,
// U+FFFE, U+FFFF) and invalid UTF-8 bytes become U+FFFD.
void AppendXmlEscaped(std::string_view text, std::string* out);

}  // namespace leakscan
