#include "sources/git_log_options.h"

#include <charconv>
#include <functional>
#include <map>

#include "sources/git_date.h"

namespace leakscan::git {
namespace {

constexpr std::string_view kDiffFilterLetters = "ACDMRTUXB";

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

Error Unsupported(std::string_view word) {
  return Error{"unsupported log option: " + std::string(word)};
}

Result<int64_t> ParseCount(std::string_view value, std::string_view option) {
  int64_t count = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), count);
  if (value.empty() || error != std::errc() || end != value.data() + value.size()) {
    return MakeError("invalid number '" + std::string(value) + "' for " + std::string(option));
  }
  return count;
}

Result<int64_t> ParseDate(std::string_view value, std::string_view option, int64_t now) {
  auto date = ParseApproxDate(value, now);
  if (!date) {
    return MakeError("invalid date '" + std::string(value) + "' for " + std::string(option) +
                     " (use e.g. 2024-01-31, 2024-01-31T10:00:00Z or 2.weeks.ago)");
  }
  return *date;
}

// Reads git's similarity score: "50%" is 50 percent, while bare digits are
// a decimal fraction ("5" and "50" are 50 percent, "9" is 90 percent).
Result<int> ParseRenameScore(std::string_view score, std::string_view word) {
  if (score.empty()) return 50;
  bool percent = score.back() == '%';
  if (percent) score.remove_suffix(1);
  if (score.empty() || score.size() > 9) return std::unexpected(Unsupported(word));
  int value = 0;
  int scale = 1;
  for (char c : score) {
    if (c < '0' || c > '9') return std::unexpected(Unsupported(word));
    value = value * 10 + (c - '0');
    scale *= 10;
  }
  if (percent) return value > 100 ? 100 : value;
  return static_cast<int>(static_cast<int64_t>(value) * 100 / scale);
}

// Options that take no value and only set flags of the query.
const std::map<std::string_view, std::function<void(LogQuery*)>>& FlagOptions() {
  static const auto* options = new std::map<std::string_view, std::function<void(LogQuery*)>>{
      // Already implied: every scan reads the patch with zero context lines.
      {"-p", [](LogQuery*) {}},
      {"-u", [](LogQuery*) {}},
      {"--patch", [](LogQuery*) {}},
      {"-U0", [](LogQuery*) {}},
      {"--unified=0", [](LogQuery*) {}},
      // Output styling that does not change which lines are scanned.
      {"--no-color", [](LogQuery*) {}},
      {"--color=never", [](LogQuery*) {}},
      {"--no-decorate", [](LogQuery*) {}},
      {"--no-ext-diff", [](LogQuery*) {}},
      {"--no-textconv", [](LogQuery*) {}},
      {"--first-parent", [](LogQuery* q) { q->first_parent = true; }},
      {"--no-merges", [](LogQuery* q) { q->no_merges = true; }},
      {"--merges", [](LogQuery* q) { q->merges_only = true; }},
      {"--full-history", [](LogQuery* q) { q->full_history = true; }},
      {"-m", [](LogQuery* q) { q->merge_diffs = true; }},
      {"--no-renames", [](LogQuery* q) { q->renames = RenameMode::kOff; }},
      {"--no-notes", [](LogQuery* q) { q->show_notes = false; }},
      {"-i", [](LogQuery* q) { q->ignore_case = true; }},
      {"--regexp-ignore-case", [](LogQuery* q) { q->ignore_case = true; }},
  };
  return *options;
}

const std::map<std::string_view, RevisionArg::Kind>& RefGroupOptions() {
  static const auto* options = new std::map<std::string_view, RevisionArg::Kind>{
      {"--all", RevisionArg::Kind::kAllRefs},
      {"--branches", RevisionArg::Kind::kBranches},
      {"--tags", RevisionArg::Kind::kTags},
      {"--remotes", RevisionArg::Kind::kRemotes},
  };
  return *options;
}

// Parses the words of one command line, one option at a time.
class OptionParser {
 public:
  OptionParser(const std::vector<std::string>& words, int64_t now) : words_(words), now_(now) {}

  Result<LogQuery> Run() {
    for (index_ = 0; index_ < words_.size(); ++index_) {
      const std::string& word = words_[index_];
      if (after_separator_) {
        query_.paths.push_back(word);
        continue;
      }
      Status status = ParseWord(word);
      if (!status) return std::unexpected(status.error());
    }
    return std::move(query_);
  }

 private:
  Status ParseWord(const std::string& word) {
    if (word == "--") {
      after_separator_ = true;
      return Ok();
    }
    if (word.size() < 2 || word[0] != '-') {
      query_.revisions.push_back({RevisionArg::Kind::kRevision, word, negated_});
      return Ok();
    }
    if (word == "--not") {
      negated_ = !negated_;
      return Ok();
    }
    if (auto group = RefGroupOptions().find(word); group != RefGroupOptions().end()) {
      query_.revisions.push_back({group->second, "", negated_});
      return Ok();
    }
    if (auto flag = FlagOptions().find(word); flag != FlagOptions().end()) {
      flag->second(&query_);
      return Ok();
    }
    return ParseValueOption(word);
  }

  // Returns the value of `--name=value` or `--name value`, or nullopt when
  // `word` is not that option.
  Result<std::optional<std::string>> LongValue(const std::string& word, std::string_view name) {
    if (word == name) {
      if (index_ + 1 >= words_.size()) {
        return MakeError("missing value for log option " + std::string(name));
      }
      return std::optional<std::string>(words_[++index_]);
    }
    std::string prefix = std::string(name) + "=";
    if (StartsWith(word, prefix)) return std::optional<std::string>(word.substr(prefix.size()));
    return std::optional<std::string>();
  }

  Status ParseValueOption(const std::string& word) {
    for (auto parse : {&OptionParser::ParseCountOption, &OptionParser::ParseDateOption,
                       &OptionParser::ParsePatternOption, &OptionParser::ParseDiffOption}) {
      Result<bool> handled = (this->*parse)(word);
      if (!handled) return std::unexpected(handled.error());
      if (*handled) return Ok();
    }
    return std::unexpected(Unsupported(word));
  }

  // Each Parse*Option returns true when it consumed `word`.
  Result<bool> ParseCountOption(const std::string& word) {
    if (word.find_first_not_of("0123456789", 1) == std::string::npos) {
      return SetCount(&query_.max_count, word.substr(1), word);
    }
    if (word == "-n") {
      if (index_ + 1 >= words_.size()) return MakeError("missing value for log option -n");
      return SetCount(&query_.max_count, words_[++index_], "-n");
    }
    if (StartsWith(word, "-n")) return SetCount(&query_.max_count, word.substr(2), "-n");
    for (auto [name, target] :
         {std::pair{"--max-count", &query_.max_count}, std::pair{"--skip", &query_.skip}}) {
      auto value = LongValue(word, name);
      if (!value) return std::unexpected(value.error());
      if (*value) return SetCount(target, **value, name);
    }
    return false;
  }

  Result<bool> SetCount(int64_t* target, std::string_view value, std::string_view option) {
    auto count = ParseCount(value, option);
    if (!count) return std::unexpected(count.error());
    *target = *count;
    return true;
  }

  Result<bool> ParseDateOption(const std::string& word) {
    for (auto [name, target] :
         {std::pair{"--since", &query_.since}, std::pair{"--after", &query_.since},
          std::pair{"--until", &query_.until}, std::pair{"--before", &query_.until}}) {
      auto value = LongValue(word, name);
      if (!value) return std::unexpected(value.error());
      if (!*value) continue;
      auto date = ParseDate(**value, name, now_);
      if (!date) return std::unexpected(date.error());
      *target = *date;
      return true;
    }
    return false;
  }

  Result<bool> ParsePatternOption(const std::string& word) {
    for (auto [name, target] : {std::pair{"--author", &query_.author_patterns},
                                std::pair{"--committer", &query_.committer_patterns}}) {
      auto value = LongValue(word, name);
      if (!value) return std::unexpected(value.error());
      if (!*value) continue;
      target->push_back(**value);
      return true;
    }
    return false;
  }

  Result<bool> ParseDiffOption(const std::string& word) {
    if (StartsWith(word, "--diff-filter=")) {
      auto filter = DiffFilter::Parse(std::string_view(word).substr(14));
      if (!filter) return std::unexpected(filter.error());
      query_.diff_filter = *filter;
      return true;
    }
    std::optional<std::string_view> score;
    if (StartsWith(word, "-M")) score = std::string_view(word).substr(2);
    if (word == "--find-renames") score = "";
    if (StartsWith(word, "--find-renames=")) score = std::string_view(word).substr(15);
    if (!score) return false;
    auto threshold = ParseRenameScore(*score, word);
    if (!threshold) return std::unexpected(threshold.error());
    query_.renames = RenameMode::kOn;
    query_.rename_threshold = *threshold;
    return true;
  }

  const std::vector<std::string>& words_;
  int64_t now_;
  size_t index_ = 0;
  bool after_separator_ = false;
  bool negated_ = false;
  LogQuery query_;
};

}  // namespace

Result<DiffFilter> DiffFilter::Parse(std::string_view letters) {
  uint32_t selected = 0;
  uint32_t excluded = 0;
  for (char letter : letters) {
    char upper = (letter >= 'a' && letter <= 'z') ? static_cast<char>(letter - 'a' + 'A') : letter;
    if (kDiffFilterLetters.find(upper) == std::string_view::npos) {
      return MakeError("unknown change class '" + std::string(1, letter) +
                       "' in --diff-filter=" + std::string(letters));
    }
    uint32_t bit = 1u << (upper - 'A');
    if (letter == upper) {
      selected |= bit;
    } else {
      excluded |= bit;
    }
  }
  DiffFilter filter;
  filter.allowed_ = (selected != 0 ? selected : ~0u) & ~excluded;
  return filter;
}

bool DiffFilter::Allows(char status) const {
  if (status < 'A' || status > 'Z') return true;
  return (allowed_ & (1u << (status - 'A'))) != 0;
}

LogQuery DefaultLogQuery() {
  LogQuery query;
  query.full_history = true;
  query.revisions.push_back({RevisionArg::Kind::kAllRefs, "", false});
  query.diff_filter = *DiffFilter::Parse("tuxdb");
  return query;
}

std::vector<std::string> SplitLogOptions(std::string_view log_opts) {
  std::vector<std::string> words;
  size_t start = 0;
  while (true) {
    size_t space = log_opts.find(' ', start);
    words.emplace_back(log_opts.substr(start, space - start));
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  return words;
}

std::vector<std::string> QuotedWords(const std::vector<std::string>& words) {
  std::vector<std::string> quoted;
  for (const std::string& word : words) {
    if (word.size() >= 2 && (word.front() == '"' || word.front() == '\'') &&
        word.back() == word.front()) {
      quoted.push_back(word);
    }
  }
  return quoted;
}

Result<LogQuery> ParseLogOptions(const std::vector<std::string>& words, int64_t now) {
  return OptionParser(words, now).Run();
}

}  // namespace leakscan::git
