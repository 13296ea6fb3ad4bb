#include "scanner/rule_runner.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "scanner/allowlist_check.h"
#include "scanner/composite.h"
#include "scanner/entropy.h"
#include "scanner/location.h"
#include "scanner/regex_matcher.h"
#include "scanner/secret_extractor.h"
#include "util/log.h"

namespace leakscan {
namespace {

bool PartialMatch(const re2::RE2& regex, std::string_view text) {
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), regex);
}

std::span<const size_t> Newlines(const DetectionPass& pass) {
  if (!*pass.newlines_ready) {
    FindNewlines(pass.fragment->raw, pass.newlines);
    *pass.newlines_ready = true;
  }
  return *pass.newlines;
}

// The position of a match in the original text, and the line that
// allowlists with regexTarget = "line" check.
struct MatchPlacement {
  size_t start = 0;
  size_t end = 0;
  std::string_view target_line;  // Empty: use the finding's Line.
};

// Maps a decode-pass match back to the fragment text. Returns false when
// the match overlaps no segment decoded in this pass (it was seen before).
bool PlaceDecodedMatch(const DetectionPass& pass, size_t start, size_t end,
                       std::vector<std::string>* decode_tags, MatchPlacement* placement) {
  thread_local std::vector<const EncodedSegment*> overlapping;
  overlapping.clear();
  FindOverlappingSegments(pass.rounds->back(), ByteRange{start, end}, &overlapping);
  if (overlapping.empty()) return false;
  ByteRange original = MapToOriginal(ByteRange{start, end}, *pass.rounds, pass.rounds->size());
  size_t raw_size = pass.fragment->raw.size();
  placement->end = std::min(original.end, raw_size);
  placement->start = std::min(original.start, placement->end);
  AppendDecodeTags(overlapping, decode_tags);
  placement->target_line = DecodedLine(overlapping, pass.text);
  return true;
}

}  // namespace

void FillFragmentFields(const Fragment& fragment, Finding* finding) {
  finding->file = fragment.file_path;
  finding->symlink_file = fragment.symlink_file;
  if (fragment.commit) {
    finding->commit = fragment.commit->sha;
    finding->author = fragment.commit->author;
    finding->email = fragment.commit->email;
    finding->date = fragment.commit->date;
    finding->message = fragment.commit->message;
  }
}

RuleRunner::RuleRunner(const Config& config, const DetectorOptions& options,
                       const std::map<std::string, const Rule*, std::less<>>& active_rules,
                       const StopwordIndex& stopwords)
    : config_(config), options_(options), active_rules_(active_rules), stopwords_(stopwords) {}

bool RuleRunner::PathMatches(const Rule& rule, const Fragment& fragment) const {
  // Unlike allowlist paths, a rule path is tried even on an empty path.
  if (PartialMatch(*rule.compiled_path, fragment.file_path)) return true;
  return !fragment.windows_path.empty() && PartialMatch(*rule.compiled_path, fragment.windows_path);
}

void RuleRunner::AddPathFinding(const Rule& rule, const Fragment& fragment,
                                std::vector<Finding>* out) const {
  Finding finding;
  finding.rule_id = rule.id;
  finding.description = rule.description;
  finding.match = "file detected: " + fragment.file_path;
  finding.tags = rule.tags;
  FillFragmentFields(fragment, &finding);
  out->push_back(std::move(finding));
}

void RuleRunner::Run(const Rule& rule, const DetectionPass& pass, bool required_evaluation,
                     std::vector<Finding>* out) const {
  const Fragment& fragment = *pass.fragment;
  if (rule.skip_report && !required_evaluation) return;
  if (CommitOrPathAllowed(fragment, rule.allowlists)) return;

  if (rule.compiled_path) {
    if (!rule.compiled_regex) {
      if (!pass.decoded() && PathMatches(rule, fragment)) AddPathFinding(rule, fragment, out);
      return;
    }
    if (!PathMatches(rule, fragment)) return;
  }
  if (!rule.compiled_regex) return;

  if (options_.max_target_megabytes > 0 &&
      pass.text.size() / 1000000 > static_cast<size_t>(options_.max_target_megabytes)) {
    log::Debug("skipping fragment: size", {{"rule-id", rule.id}, {"path", fragment.file_path}});
    return;
  }

  size_t first_primary = out->size();
  ForEachMatch(*rule.compiled_regex, pass.text, [&](MatchRange match) {
    HandleMatch(rule, pass, match.start, match.end, out);
    return true;
  });

  if (!required_evaluation && !rule.required.empty()) ApplyRequired(rule, pass, out, first_primary);
}

void RuleRunner::HandleMatch(const Rule& rule, const DetectionPass& pass, size_t start, size_t end,
                             std::vector<Finding>* out) const {
  const Fragment& fragment = *pass.fragment;
  std::string_view match = TrimNewlines(pass.text.substr(start, end - start));

  thread_local std::vector<std::string> decode_tags;
  decode_tags.clear();
  MatchPlacement placement;
  if (pass.decoded()) {
    if (!PlaceDecodedMatch(pass, start, end, &decode_tags, &placement)) return;
  } else {
    // The end follows the trimmed length even when leading newlines were
    // trimmed, so the range shifts left (as Gitleaks does).
    placement.start = start;
    placement.end = start + match.size();
  }

  Location location = LocateMatch(Newlines(pass), fragment.raw, placement.start, placement.end);
  std::string_view line =
      fragment.raw.substr(location.line_start, location.line_end - location.line_start);
  if (!options_.ignore_gitleaks_allow &&
      line.find(kGitleaksAllowMarker) != std::string_view::npos) {
    return;
  }
  std::string_view target_line = placement.target_line.empty() ? line : placement.target_line;

  std::optional<std::string_view> secret =
      ExtractSecret(*rule.compiled_regex, rule.secret_group, match);
  if (!secret) return;
  double entropy = ShannonEntropy(*secret);
  if (rule.entropy != 0 && entropy <= rule.entropy) return;

  FindingTargets targets{*secret, match, target_line};
  if (FindingAllowed(fragment, targets, config_.allowlists, stopwords_)) return;
  if (FindingAllowed(fragment, targets, rule.allowlists, stopwords_)) return;

  Finding& finding = out->emplace_back();
  finding.rule_id = rule.id;
  finding.description = rule.description;
  finding.start_line = fragment.start_line + location.start_line;
  finding.end_line = fragment.start_line + location.end_line;
  finding.start_column = location.start_column;
  finding.end_column = location.end_column;
  finding.line = line;
  finding.match = match;
  finding.secret = *secret;
  finding.entropy = static_cast<float>(entropy);
  finding.tags.reserve(rule.tags.size() + decode_tags.size());
  finding.tags = rule.tags;
  finding.tags.insert(finding.tags.end(), decode_tags.begin(), decode_tags.end());
  FillFragmentFields(fragment, &finding);
}

void RuleRunner::ApplyRequired(const Rule& rule, const DetectionPass& pass,
                               std::vector<Finding>* out, size_t first_primary) const {
  if (out->size() == first_primary) return;
  std::vector<std::vector<Finding>> found(rule.required.size());
  std::vector<const std::vector<Finding>*> found_by_entry(rule.required.size(), nullptr);
  for (size_t i = 0; i < rule.required.size(); ++i) {
    const std::string& id = rule.required[i].id;
    auto it = active_rules_.find(id);
    if (it == active_rules_.end()) {
      log::Err("required rule not found in config", {{"rule-id", id}});
      continue;
    }
    Run(*it->second, pass, /*required_evaluation=*/true, &found[i]);
    found_by_entry[i] = &found[i];
  }

  std::vector<Finding> primaries(std::make_move_iterator(out->begin() + first_primary),
                                 std::make_move_iterator(out->end()));
  out->resize(first_primary);
  ApplyRequiredFindings(rule.required, found_by_entry, &primaries);
  std::move(primaries.begin(), primaries.end(), std::back_inserter(*out));
}

}  // namespace leakscan
