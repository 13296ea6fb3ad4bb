#include "scanner/decoder.h"

#include <re2/re2.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "scanner/decoders.h"

namespace leakscan {
namespace {

// Group 1..4 of the candidate regex, in group order.
constexpr std::array<uint8_t, 4> kGroupEncodings = {kEncodingPercent, kEncodingUnicode,
                                                    kEncodingHex, kEncodingBase64};

int Precedence(uint8_t encoding) {
  switch (encoding) {
    case kEncodingPercent:
      return 4;
    case kEncodingUnicode:
      return 3;
    case kEncodingHex:
      return 2;
    default:
      return 1;
  }
}

constexpr const char* kPercentPattern = R"(%[0-9A-Fa-f]{2}(?:.*%[0-9A-Fa-f]{2})?)";
constexpr const char* kUnicodePattern =
    R"((?:(?:U\+[a-fA-F0-9]{4}(?:\s|$))+|(?i)(?:\\{1,2}u[a-fA-F0-9]{4})+))";
constexpr const char* kHexPattern = R"([0-9A-Fa-f]{32,})";
constexpr const char* kBase64Pattern = R"([\w\/+-]{16,}={0,2})";

std::unique_ptr<re2::RE2> Compile(const std::string& pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  return std::make_unique<re2::RE2>(pattern, options);
}

// The candidate search. One regex of four named alternatives finds the
// candidates, and the first alternative that matches alone at a
// candidate's start gives its kind. Both searches run on RE2's DFA, which
// is far cheaper than extracting groups.
struct CandidateRegexes {
  std::unique_ptr<re2::RE2> combined;
  std::array<std::unique_ptr<re2::RE2>, 4> alternatives;  // kGroupEncodings order.
};

const CandidateRegexes& Regexes() {
  static const CandidateRegexes* regexes = [] {
    auto* built = new CandidateRegexes;
    const char* patterns[] = {kPercentPattern, kUnicodePattern, kHexPattern, kBase64Pattern};
    const char* names[] = {"percent", "unicode", "hex", "base64"};
    std::string combined;
    for (size_t i = 0; i < 4; ++i) {
      if (i > 0) combined += "|";
      combined += std::string("(?P<") + names[i] + ">" + patterns[i] + ")";
      built->alternatives[i] = Compile(patterns[i]);
    }
    built->combined = Compile(combined);
    return built;
  }();
  return *regexes;
}

struct Candidate {
  ByteRange range;
  uint8_t encoding = 0;
};

void FindCandidates(std::string_view text, std::vector<Candidate>* candidates) {
  candidates->clear();
  const CandidateRegexes& regexes = Regexes();
  re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece found;
  size_t pos = 0;
  // No alternative matches the empty string, so matches never repeat.
  while (pos < text.size() &&
         regexes.combined->Match(whole, pos, text.size(), re2::RE2::UNANCHORED, &found, 1)) {
    Candidate candidate;
    candidate.range.start = static_cast<size_t>(found.data() - whole.data());
    candidate.range.end = candidate.range.start + found.size();
    for (size_t i = 0; i < regexes.alternatives.size(); ++i) {
      if (regexes.alternatives[i]->Match(whole, candidate.range.start, text.size(),
                                         re2::RE2::ANCHOR_START, nullptr, 0)) {
        candidate.encoding = kGroupEncodings[i];
        break;
      }
    }
    candidates->push_back(candidate);
    pos = candidate.range.end;
  }
}

// Keeps a candidate unless it overlaps (or touches) its predecessor or
// successor in the unfiltered list and that neighbour has higher precedence.
void DropOutranked(const std::vector<Candidate>& all, std::vector<Candidate>* kept) {
  kept->clear();
  if (all.size() == 1) {
    kept->push_back(all.front());
    return;
  }
  for (size_t i = 0; i < all.size(); ++i) {
    const Candidate& candidate = all[i];
    int precedence = Precedence(candidate.encoding);
    if (i > 0 && candidate.range.Overlaps(all[i - 1].range) &&
        Precedence(all[i - 1].encoding) > precedence) {
      continue;
    }
    if (i + 1 < all.size() && candidate.range.Overlaps(all[i + 1].range) &&
        Precedence(all[i + 1].encoding) > precedence) {
      continue;
    }
    kept->push_back(candidate);
  }
}

std::string DecodeCandidate(std::string_view value, uint8_t encoding) {
  switch (encoding) {
    case kEncodingPercent:
      return DecodePercent(value);
    case kEncodingUnicode:
      return DecodeUnicode(value);
    case kEncodingHex:
      return DecodeHex(value);
    default:
      return DecodeBase64(value);
  }
}

}  // namespace

bool DecodeRound(std::string_view text, DecodeRounds* rounds, std::string* decoded) {
  if (text.empty()) return false;
  thread_local std::vector<Candidate> all;
  thread_local std::vector<Candidate> kept;
  FindCandidates(text, &all);
  if (all.empty()) return false;
  DropOutranked(all, &kept);

  const std::vector<EncodedSegment>* previous = rounds->empty() ? nullptr : &rounds->back();
  std::vector<EncodedSegment> segments;
  std::string out;
  size_t copied_until = 0;
  long shift = 0;
  for (const Candidate& candidate : kept) {
    std::string_view encoded_value =
        text.substr(candidate.range.start, candidate.range.end - candidate.range.start);
    std::string value = DecodeCandidate(encoded_value, candidate.encoding);
    if (value.empty()) continue;

    EncodedSegment segment;
    segment.encoded = candidate.range;
    segment.decoded.start = static_cast<size_t>(static_cast<long>(candidate.range.start) + shift);
    segment.decoded.end = segment.decoded.start + value.size();
    segment.original = MapToOriginal(candidate.range, *rounds, rounds->size());
    segment.encodings = candidate.encoding;
    segment.depth = 1;
    if (previous != nullptr && !previous->empty()) {
      segment.depth = previous->front().depth + 1;
      for (const EncodedSegment& predecessor : *previous) {
        if (segment.encoded.Overlaps(predecessor.decoded))
          segment.encodings |= predecessor.encodings;
      }
    }
    shift += static_cast<long>(value.size()) - static_cast<long>(encoded_value.size());
    segments.push_back(segment);

    out.append(text.substr(copied_until, candidate.range.start - copied_until));
    out.append(value);
    copied_until = candidate.range.end;
  }
  if (segments.empty()) return false;
  out.append(text.substr(copied_until));
  decoded->swap(out);
  rounds->push_back(std::move(segments));
  return true;
}

std::string DecodeFully(std::string_view text) {
  DecodeRounds rounds;
  std::string current(text);
  std::string next;
  while (DecodeRound(current, &rounds, &next)) current.swap(next);
  return current;
}

}  // namespace leakscan
