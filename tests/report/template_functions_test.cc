#include <gtest/gtest.h>

#include "tests/report/template_test_util.h"

namespace leakscan {
namespace {

using template_test::Render;

TEST(TemplateBuiltinsTest, Comparisons) {
  EXPECT_EQ(Render("{{eq 1 1}} {{eq 1 2 3 1}} {{ne \"a\" \"b\"}} {{lt 1 2}} {{le 2 2}} {{gt 1 2}} "
                   "{{ge \"b\" \"a\"}}"),
            "true true true true true false true");
  EXPECT_EQ(Render("{{eq nil nil}} {{eq (index (dict) \"k\") \"x\"}}"), "true false");
  EXPECT_EQ(Render("{{eq 1 \"1\"}}"),
            "ERROR: template: custom:1:2: executing \"custom\" at <eq>: error calling eq: "
            "incompatible types for comparison");
  EXPECT_EQ(Render("{{lt true false}}"),
            "ERROR: template: custom:1:2: executing \"custom\" at <lt>: error calling lt: "
            "invalid type for comparison");
}

TEST(TemplateBuiltinsTest, AndOrShortCircuit) {
  EXPECT_EQ(Render("{{and 1 0 (fail \"not evaluated\")}}"), "0");
  EXPECT_EQ(Render("{{or 0 \"\" \"x\" (fail \"not evaluated\")}}"), "x");
  EXPECT_EQ(Render("{{and 1 2}} {{or 0 false}} {{not 0}} {{\"v\" | and 1}}"), "2 false true v");
}

TEST(TemplateBuiltinsTest, LenIndexSlice) {
  EXPECT_EQ(Render("{{len \"héllo\"}} {{index \"abc\" 1}} {{index (list 1 (list 2 3)) 1 0}}"),
            "6 98 2");
  EXPECT_EQ(Render("{{slice \"abcdef\" 1 3}} {{slice (list 1 2 3) 1}}"), "bc [2 3]");
  EXPECT_EQ(Render("{{index (list 1) 5}}"),
            "ERROR: template: custom:1:2: executing \"custom\" at <index>: error calling index: "
            "index out of range: 5");
  EXPECT_EQ(Render("{{len 3}}"),
            "ERROR: template: custom:1:2: executing \"custom\" at <len>: error calling len: len "
            "of type int");
}

TEST(TemplateBuiltinsTest, PrintFamily) {
  EXPECT_EQ(Render("{{print 1 2 \"a\" \"b\" 3}}"), "1 2ab3");
  EXPECT_EQ(Render("{{println 1 \"a\"}}"), "1 a\n");
  EXPECT_EQ(Render("{{printf \"%5.2f|%-4d|%q|%x|%v|%T\" 3.14159 7 \"a\\\"b\" \"hi\" true 1.5}}"),
            " 3.14|7   |\"a\\\"b\"|6869|true|float64");
  EXPECT_EQ(Render("{{printf \"%d %s\" 1}}"), "1 %!s(MISSING)");
  EXPECT_EQ(Render("{{printf \"%d\" \"x\" 2}}"), "%!d(string=x)%!(EXTRA int=2)");
}

TEST(TemplateBuiltinsTest, Escapers) {
  EXPECT_EQ(Render("{{html \"<a href='x'>&\\\"\"}}"), "&lt;a href=&#39;x&#39;&gt;&amp;&#34;");
  EXPECT_EQ(Render("{{js \"it's <b>=\\n\"}}"), "it\\'s \\u003Cb\\u003E\\u003D\\u000A");
  EXPECT_EQ(Render("{{urlquery \"a b&c/é\"}}"), "a+b%26c%2F%C3%A9");
}

TEST(TemplateSprigTest, StringFunctions) {
  EXPECT_EQ(Render("{{upper \"abc\"}} {{lower \"ABC\"}} {{title \"hello world\"}} "
                   "{{trim \"  x \"}} {{trimAll \"$\" \"$5$\"}} {{trimSuffix \".py\" \"a.py\"}} "
                   "{{trimPrefix \"app/\" \"app/x\"}}"),
            "ABC abc Hello World x 5 a x");
  EXPECT_EQ(Render("{{replace \"a\" \"b\" \"banana\"}} {{contains \"nan\" \"banana\"}} "
                   "{{hasPrefix \"ba\" \"banana\"}} {{hasSuffix \"x\" \"banana\"}}"),
            "bbnbnb true true false");
  EXPECT_EQ(Render("{{repeat 3 \"ab\"}} {{substr 1 3 \"hello\"}} {{trunc 2 \"hello\"}} "
                   "{{trunc -2 \"hello\"}} {{abbrev 5 \"hello world\"}} {{nospace \"a b\\tc\"}}"),
            "ababab el he lo he... abc");
  EXPECT_EQ(Render("{{indent 2 \"a\\nb\"}}|{{nindent 1 \"c\"}}"), "  a\n  b|\n c");
  EXPECT_EQ(Render("{{cat \"a\" 1 nil \"b\"}} {{plural \"one\" \"many\" 2}}"), "a 1 b many");
}

TEST(TemplateSprigTest, QuoteEscapesLikeGo) {
  EXPECT_EQ(Render("{{quote \"a\\\"b\\\\c\\n\\x01é\\u00a0\"}}"), "\"a\\\"b\\\\c\\n\\x01é\\u00a0\"");
  EXPECT_EQ(Render("{{quote 1 nil \"x\"}} {{squote \"y\"}}"), "\"1\" \"x\" 'y'");
  EXPECT_EQ(Render("{{(index . 0).Line | quote}}"),
            "\"\\napi_token = \\\"tok_9fK2mQ7xLp4Rz8Wv\\\"\"");
}

TEST(TemplateSprigTest, SplitJoinSort) {
  EXPECT_EQ(Render("{{splitList \",\" \"b,a,c\" | sortAlpha | join \"-\"}}"), "a-b-c");
  EXPECT_EQ(Render("{{(split \"/\" \"x/y\")._1}}"), "y");
  EXPECT_EQ(Render("{{join \", \" (index . 0).Tags}}"), "demo, token");
  EXPECT_EQ(Render("{{join \"+\" (list 1 nil \"a\")}}"), "1+a");
}

TEST(TemplateSprigTest, ListFunctions) {
  EXPECT_EQ(Render("{{$l := list 1 2 3}}{{first $l}} {{last $l}} {{rest $l}} {{initial $l}} "
                   "{{append $l 4}} {{prepend $l 0}} {{reverse $l}} {{$l}}"),
            "1 3 [2 3] [1 2] [1 2 3 4] [0 1 2 3] [3 2 1] [1 2 3]");
  EXPECT_EQ(Render("{{uniq (list 1 1 2)}} {{has 2 (list 1 2)}} {{without (list 1 2 3) 2}} "
                   "{{compact (list 0 1 \"\" \"a\")}} {{concat (list 1) (list 2 3)}}"),
            "[1 2] true [1 3] [1 a] [1 2 3]");
  EXPECT_EQ(Render("{{first \"x\"}}"),
            "ERROR: template: custom:1:2: executing \"custom\" at <first>: error calling first: "
            "Cannot find first on type string");
}

TEST(TemplateSprigTest, DictFunctions) {
  EXPECT_EQ(
      Render("{{$d := dict \"a\" 1 \"b\" 2}}{{$_ := set $d \"c\" 3}}{{keys $d}} {{get $d \"b\"}} "
             "{{hasKey $d \"z\"}} {{$_ := unset $d \"a\"}}{{$d}} {{values $d}} "
             "{{get $d \"nope\" | quote}}"),
      "[a b c] 2 false map[b:2 c:3] [2 3] \"\"");
}

TEST(TemplateSprigTest, DefaultsAndConditions) {
  EXPECT_EQ(Render("{{default \"none\" \"\"}} {{default \"none\" \"x\"}} {{\"\" | default \"d\"}} "
                   "{{empty (list)}} {{coalesce 0 \"\" \"c\"}} {{ternary \"y\" \"n\" true}} "
                   "{{all 1 \"a\"}} {{any 0 \"\"}}"),
            "none x d true c y true false");
}

TEST(TemplateSprigTest, MathAndConversions) {
  EXPECT_EQ(Render("{{add 1 2 3}} {{add1 1}} {{sub (len .) 1}} {{mul 2 3 4}} {{div 7 2}} "
                   "{{mod 7 2}} {{max 1 5 3}} {{min 4 2 8}} {{floor 1.7}} {{ceil 1.2}}"),
            "6 2 1 24 3 1 5 2 1 2");
  EXPECT_EQ(Render("{{atoi \"42\"}} {{atoi \"x\"}} {{int \"7\"}} {{int64 2.9}} {{float64 \"1.5\"}} "
                   "{{add \"2\" 3}}"),
            "42 0 7 2 1.5 5");
  EXPECT_EQ(Render("{{div 1 0}}"),
            "ERROR: template: custom:1:2: executing \"custom\" at <div>: error calling div: "
            "runtime error: integer divide by zero");
}

TEST(TemplateSprigTest, JsonEncodingMatchesGo) {
  EXPECT_EQ(Render("{{toJson (dict \"b\" (list 1 \"<x>\") \"a\" nil)}}"),
            "{\"a\":null,\"b\":[1,\"\\u003cx\\u003e\"]}");
  EXPECT_EQ(Render("{{toRawJson (list \"<&>\")}}"), "[\"<&>\"]");
  EXPECT_EQ(Render("{{toJson (index . 0)}}"),
            "{\"RuleID\":\"demo-token\",\"Description\":\"Demo token\",\"StartLine\":2,"
            "\"EndLine\":2,\"StartColumn\":15,\"EndColumn\":34,\"Match\":\"tok_9fK2mQ7xLp4Rz8Wv\","
            "\"Secret\":\"tok_9fK2mQ7xLp4Rz8Wv\",\"File\":\"app/settings.py\",\"SymlinkFile\":\"\","
            "\"Commit\":\"\",\"Entropy\":4.321928,\"Author\":\"\",\"Email\":\"\",\"Date\":\"\","
            "\"Message\":\"\",\"Tags\":[\"demo\",\"token\"],"
            "\"Fingerprint\":\"app/settings.py:demo-token:2\"}");
  EXPECT_EQ(Render("{{(index . 1).Link | toJson}}"), "\"https://example.invalid/x?a=1\\u0026b=2\"");
  EXPECT_EQ(Render("{{toPrettyJson (dict \"k\" (list 1 2) \"e\" (list))}}"),
            "{\n  \"e\": [],\n  \"k\": [\n    1,\n    2\n  ]\n}");
  EXPECT_EQ(Render("{{toJson 0.0000001}} {{toJson 1e21}} {{toJson 2.5}}"), "1e-7 1e+21 2.5");
}

TEST(TemplateSprigTest, EncodingAndDigests) {
  EXPECT_EQ(Render("{{b64enc \"hello\"}} {{b64dec \"aGVsbG8=\"}} {{b64dec \"!!\"}}"),
            "aGVsbG8= hello illegal base64 data at input byte 0");
  EXPECT_EQ(Render("{{sha256sum \"abc\"}}"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Render("{{sha1sum \"abc\"}}"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST(TemplateSprigTest, RegexFunctions) {
  EXPECT_EQ(Render("{{regexMatch \"^tok_\" \"tok_1\"}} {{regexMatch \"(\" \"x\"}} "
                   "{{regexFind \"[0-9]+\" \"ab12cd34\"}} {{regexFindAll \"[0-9]\" \"a1b2c3\" 2}}"),
            "true false 12 [1 2]");
  EXPECT_EQ(Render("{{regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\"}} "
                   "{{regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\"}} "
                   "{{regexReplaceAllLiteral \"a(x*)b\" \"-ab-axxb-\" \"${1}\"}}"),
            "-W-xxW- --- -${1}-${1}-");
  EXPECT_EQ(Render("{{regexSplit \",\" \"a,b,c\" -1}} {{regexSplit \",\" \"a,b,c\" 2}} "
                   "{{regexQuoteMeta \"a.b\"}} {{regexReplaceAll \"x*\" \"abc\" \"-\"}}"),
            "[a b c] [a b,c] a\\.b -a-b-c-");
  EXPECT_EQ(Render("{{regexFind \"(\" \"x\"}}")
                .rfind("ERROR: template: custom:1:2: executing "
                       "\"custom\" at <regexFind>: error calling "
                       "regexFind: regexp: Compile(\"(\"): ",
                       0),
            0u);
}

TEST(TemplateSprigTest, PathFunctions) {
  EXPECT_EQ(Render("{{base \"a/b/c.py\"}} {{dir \"a/b/c.py\"}} {{ext \"a/b/c.tar.gz\"}} "
                   "{{clean \"a//b/../c/\"}} {{base \"\"}} {{dir \"c\"}}"),
            "c.py a/b .gz a/c . .");
}

TEST(TemplateSprigTest, DatesFormatWithGoLayouts) {
  EXPECT_EQ(Render("{{dateInZone \"2006-01-02T15:04:05Z07:00 Mon Jan _2 3:04PM .000\" 1700000000 "
                   "\"UTC\"}}"),
            "2023-11-14T22:13:20Z Tue Nov 14 10:13PM .000");
  EXPECT_EQ(Render("{{now | date \"2006\" | len}}"), "4");
  EXPECT_EQ(Render("{{now | unixEpoch | len}}"), "10");
  EXPECT_EQ(Render("{{dateInZone \"2006\" 0 \"Europe/Paris\"}}").rfind("ERROR:", 0), 0u);
}

}  // namespace
}  // namespace leakscan
