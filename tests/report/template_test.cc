#include "report/template/template.h"

#include <gtest/gtest.h>

#include "tests/report/template_test_util.h"

namespace leakscan {
namespace {

using template_test::Render;

TEST(TemplateTest, CopiesPlainText) { EXPECT_EQ(Render("no actions\n"), "no actions\n"); }

TEST(TemplateTest, TrimMarkersRemoveAdjacentSpace) {
  EXPECT_EQ(Render("a  \n {{- \"b\" -}} \n\t c"), "abc");
  EXPECT_EQ(Render("{{- 3 }}"), "3");
  EXPECT_EQ(Render("{{-3}}"), "-3");
}

TEST(TemplateTest, CommentsProduceNothing) {
  EXPECT_EQ(Render("a{{/* note */}}b"), "ab");
  EXPECT_EQ(Render("a {{- /* note */ -}} b"), "ab");
  EXPECT_EQ(Render("{{/* unclosed }}"), "ERROR: template: custom:1: unclosed comment");
}

TEST(TemplateTest, RangeOverFindingsExposesFields) {
  EXPECT_EQ(Render("{{range .}}{{.RuleID}}:{{.StartLine}}:{{.File}};{{end}}"),
            "demo-token:2:app/settings.py;key-file:0:keys/id_rsa;");
  EXPECT_EQ(Render("{{(index . 0).Line}}"), "\napi_token = \"tok_9fK2mQ7xLp4Rz8Wv\"");
  EXPECT_EQ(Render("{{(index . 0).Tags}} {{len (index . 0).Tags}} {{(index . 0).Entropy}}"),
            "[demo token] 2 4.321928");
  EXPECT_EQ(Render("{{range $i, $f := .}}{{$i}}={{$f.Commit}}|{{end}}"),
            "0=|1=0123456789abcdef0123456789abcdef01234567|");
}

TEST(TemplateTest, RangeElseRunsForEmptyList) {
  std::vector<Finding> none;
  EXPECT_EQ(Render("{{range .}}x{{else}}no findings{{end}}", none), "no findings");
  EXPECT_EQ(Render("{{len .}}", none), "0");
}

TEST(TemplateTest, RangeOverIntegerAndMap) {
  EXPECT_EQ(Render("{{range 3}}{{.}}{{end}}"), "012");
  EXPECT_EQ(Render("{{range $k, $v := dict \"b\" 2 \"a\" 1}}{{$k}}{{$v}}{{end}}"), "a1b2");
}

TEST(TemplateTest, BreakAndContinueInRange) {
  EXPECT_EQ(Render("{{range $i := list 1 2 3 4}}{{if eq $i 2}}{{continue}}{{end}}"
                   "{{if eq $i 4}}{{break}}{{end}}{{$i}}{{end}}"),
            "13");
  EXPECT_EQ(Render("{{break}}"), "ERROR: template: custom:1: {{break}} outside {{range}}");
}

TEST(TemplateTest, IfElseIfChains) {
  std::string text =
      "{{range list 1 2 3}}{{if eq . 1}}one{{else if eq . 2}}two{{else}}many"
      "{{end}},{{end}}";
  EXPECT_EQ(Render(text), "one,two,many,");
}

TEST(TemplateTest, WithSetsDotAndElseWith) {
  EXPECT_EQ(Render("{{with (index . 0)}}{{.Secret}}{{end}}"), "tok_9fK2mQ7xLp4Rz8Wv");
  EXPECT_EQ(Render("{{with \"\"}}x{{else with \"y\"}}{{.}}{{end}}"), "y");
  EXPECT_EQ(Render("{{with false}}x{{else}}z{{end}}"), "z");
}

TEST(TemplateTest, VariablesDeclareAssignAndScope) {
  EXPECT_EQ(Render("{{$x := 1}}{{if true}}{{$x = 2}}{{$y := 3}}{{end}}{{$x}}"), "2");
  EXPECT_EQ(Render("{{if true}}{{$y := 3}}{{end}}{{$y}}"),
            "ERROR: template: custom:1: undefined variable \"$y\"");
  EXPECT_EQ(Render("{{$z = 1}}"), "ERROR: template: custom:1: undefined variable \"$z\"");
  EXPECT_EQ(Render("{{range .}}{{$}}{{end}}", {}), "");
  EXPECT_EQ(Render("{{$.}}"), "ERROR: template: custom:1: unexpected \".\" in operand");
  EXPECT_EQ(Render("{{with 5}}{{len $}}{{end}}"), "2");
}

TEST(TemplateTest, PipelinesPassValueAsLastArgument) {
  EXPECT_EQ(Render("{{\"abc\" | upper | printf \"%s-%s\" \"x\"}}"), "x-ABC");
  EXPECT_EQ(Render("{{(index . 0).Secret | len}}"), "20");
  EXPECT_EQ(Render("{{ 1 | 2 }}"),
            "ERROR: template: custom:1: non executable command in pipeline stage 2");
}

TEST(TemplateTest, DefineTemplateAndBlock) {
  EXPECT_EQ(
      Render("{{define \"row\"}}<{{.RuleID}}>{{end}}{{range .}}{{template \"row\" .}}{{end}}"),
      "<demo-token><key-file>");
  EXPECT_EQ(Render("{{block \"title\" len .}}count={{.}}{{end}}"), "count=2");
  EXPECT_EQ(Render("{{template \"missing\"}}"),
            "ERROR: template: custom:1:11: executing \"custom\" at <{{template \"missing\"...>: "
            "template \"missing\" not defined");
}

TEST(TemplateTest, MissingValuesPrintNoValue) {
  EXPECT_EQ(Render("{{(dict).missing}}"), "<no value>");
  EXPECT_EQ(Render("{{index (dict) \"k\"}}"), "<no value>");
  EXPECT_EQ(Render("{{print nil}}"), "<nil>");
}

TEST(TemplateTest, ParseErrorsNameLineAndConstruct) {
  EXPECT_EQ(Render("line1\n{{ env \"SECRET\" }}"),
            "ERROR: template: custom:2: function \"env\" not defined");
  EXPECT_EQ(Render("{{ nosuchfunction 1 }}"),
            "ERROR: template: custom:1: function \"nosuchfunction\" not defined");
  EXPECT_EQ(Render("\n\n{{ uuidv4 }}"),
            "ERROR: template: custom:3: function \"uuidv4\" is not supported by leakscan "
            "report templates (see report/template/README.md)");
  EXPECT_EQ(Render("{{range .}}"), "ERROR: template: custom:1: unexpected EOF");
  EXPECT_EQ(Render("{{if true}}\n\nno end"), "ERROR: template: custom:3: unexpected EOF");
  EXPECT_EQ(Render("{{end}}"), "ERROR: template: custom:1: unexpected {{end}}");
  EXPECT_EQ(Render("{{ \"unterminated }}"),
            "ERROR: template: custom:1: unterminated quoted string");
  EXPECT_EQ(Render("{{ 1i }}"),
            "ERROR: template: custom:1: complex constant 1i is not supported by leakscan report "
            "templates");
  EXPECT_EQ(Render("{{}}"), "ERROR: template: custom:1: missing value for command");
}

TEST(TemplateTest, ExecErrorsNamePosition) {
  EXPECT_EQ(Render("{{range .}}\n  {{.Nope}}{{end}}"),
            "ERROR: template: custom:2:4: executing \"custom\" at <.Nope>: can't evaluate field "
            "Nope in type report.Finding");
  EXPECT_EQ(Render("{{ upper 3 }}"),
            "ERROR: template: custom:1:3: executing \"custom\" at <upper>: wrong type for value; "
            "expected string; got int");
  EXPECT_EQ(Render("{{ fail \"stop here\" }}"),
            "ERROR: template: custom:1:3: executing \"custom\" at <fail>: error calling fail: "
            "stop here");
  EXPECT_EQ(Render("{{ .RuleID }}"),
            "ERROR: template: custom:1:3: executing \"custom\" at <.RuleID>: can't evaluate field "
            "RuleID in type []report.Finding");
  EXPECT_EQ(Render("{{ \"x\" 1 }}"),
            "ERROR: template: custom:1:3: executing \"custom\" at <\"x\">: can't give argument to "
            "non-function \"x\"");
}

TEST(TemplateTest, OutputBeforeErrorIsKept) {
  auto parsed = ParseTemplate("before{{fail \"x\"}}after", "custom");
  ASSERT_TRUE(parsed);
  std::string out;
  EXPECT_FALSE(ExecuteTemplate(*parsed, {}, &out));
  EXPECT_EQ(out, "before");
}

TEST(TemplateTest, TemplateNameComesFromCaller) {
  auto parsed = ParseTemplate("{{", "report.tmpl");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message, "template: report.tmpl:1: unclosed action");
}

}  // namespace
}  // namespace leakscan
