r"""Random strings that match a Go (RE2) regular expression.

The differential rule test uses this to make samples for every regex of a
Gitleaks config. It parses the subset of RE2 syntax those configs use into a
tree and walks the tree with a seeded random.Random:

* literals and escapes (``\t``, ``\x60``, ``\.``), ``.``, ``(?s:.)``;
* classes: ``[...]`` with ranges, negation and ``[:alnum:]``-style names,
  and ``\w \d \s \W \D \S``;
* groups: capturing, ``(?:...)``, ``(?P<name>...)``, flag groups such as
  ``(?i)``, ``(?i:...)`` and ``(?-i:...)`` (only ``i`` changes the output);
* alternation and the repeats ``* + ? {n} {n,} {n,m}``, greedy or lazy;
* the assertions ``^ $ \A \z \b \B``.

Output stays on one line of printable ASCII where the regex allows it:
``\s`` yields a space or a tab, and a negated class picks from printable
ASCII minus the set. Unbounded repeats stop at ``kUnboundedExtra`` copies
beyond their minimum.

Assertions are constraints, not output. ``^``, ``$``, ``\A`` and ``\z``
match only at the edges of a whole file in Go (no ``m`` flag), so a sample
placed inside a line never picks an alternative that is only such an
anchor when another one exists. All assertions are checked after
generation against the text around the sample, and ``Sampler.Sample``
retries until they hold.
"""

import random
import string

# Copies beyond the minimum that an unbounded repeat (*, +, {n,}) may add.
kUnboundedExtra = 8

# Characters a generated sample prefers: printable ASCII and the tab.
kPrintable = frozenset(chr(c) for c in range(32, 127)) | {"\t"}
kWord = frozenset(string.ascii_letters + string.digits + "_")
kDigit = frozenset(string.digits)
kSpace = frozenset(" \t\n\r\f\v")

kPosixClasses = {
    "alnum": frozenset(string.ascii_letters + string.digits),
    "alpha": frozenset(string.ascii_letters),
    "ascii": frozenset(chr(c) for c in range(128)),
    "blank": frozenset(" \t"),
    "digit": kDigit,
    "lower": frozenset(string.ascii_lowercase),
    "upper": frozenset(string.ascii_uppercase),
    "punct": frozenset(string.punctuation),
    "space": kSpace,
    "word": kWord,
    "xdigit": frozenset(string.hexdigits),
}

kAnchors = ("^", "$", "A", "z")


class RegexSyntaxError(ValueError):
    """A regex uses syntax the sampler does not parse."""


# Tree nodes are tuples whose first item names the kind:
#   ("chars", frozenset)            one character from the set
#   ("concat", [nodes])
#   ("alt", [nodes])
#   ("repeat", node, min, max)      max is None when unbounded
#   ("assert", kind)                kind: ^ $ A z b B
def _CaseFold(chars):
    folded = set(chars)
    for c in chars:
        folded.add(c.lower())
        folded.add(c.upper())
    return frozenset(folded)


class _Parser:
    def __init__(self, pattern):
        self.pattern = pattern
        self.pos = 0

    def Parse(self):
        node = self._ParseAlternation({"i": False, "s": False})
        if self.pos != len(self.pattern):
            self._Fail("unbalanced ')'")
        return node

    def _Fail(self, message):
        raise RegexSyntaxError(f"{message} at offset {self.pos} in {self.pattern!r}")

    def _Peek(self, offset=0):
        index = self.pos + offset
        return self.pattern[index] if index < len(self.pattern) else ""

    # A flag group such as (?i) changes `flags` for the rest of the
    # enclosing group, including later alternatives, as in RE2.
    def _ParseAlternation(self, flags):
        alternatives = [self._ParseConcat(flags)]
        while self._Peek() == "|":
            self.pos += 1
            alternatives.append(self._ParseConcat(flags))
        if len(alternatives) == 1:
            return alternatives[0]
        return ("alt", alternatives)

    def _ParseConcat(self, flags):
        items = []
        while self._Peek() not in ("", "|", ")"):
            atom = self._ParseAtom(flags)
            if atom is None:
                continue
            items.append(self._ParseRepeat(atom))
        return ("concat", items)

    def _ParseRepeat(self, atom):
        while True:
            c = self._Peek()
            if c in ("*", "+", "?"):
                self.pos += 1
                low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
            elif c == "{" and self._BraceRepeat() is not None:
                low, high, length = self._BraceRepeat()
                self.pos += length
            else:
                return atom
            if self._Peek() == "?":
                self.pos += 1  # Laziness does not change the set of matches.
            atom = ("repeat", atom, low, high)

    # Returns (min, max, length) when the text at pos is {n}, {n,} or {n,m}.
    # RE2 reads any other '{' as a literal.
    def _BraceRepeat(self):
        end = self.pattern.find("}", self.pos)
        if end < 0:
            return None
        body = self.pattern[self.pos + 1 : end]
        low_text, comma, high_text = body.partition(",")
        if not low_text.isdigit() or (high_text and not high_text.isdigit()):
            return None
        low = int(low_text)
        if not comma:
            high = low
        else:
            high = int(high_text) if high_text else None
        return low, high, end - self.pos + 1

    def _ParseAtom(self, flags):
        c = self._Peek()
        if c == "(":
            return self._ParseGroup(flags)
        if c == "[":
            return self._ParseClass(flags)
        self.pos += 1
        if c == ".":
            return ("chars", kPrintable)
        if c in ("^", "$"):
            return ("assert", c)
        if c == "\\":
            return self._ParseEscape(flags)
        if c in ("*", "+", "?"):
            self._Fail("repeat without operand")
        return self._Literal(c, flags)

    def _Literal(self, c, flags):
        chars = frozenset(c)
        return ("chars", _CaseFold(chars) if flags["i"] else chars)

    def _ParseGroup(self, flags):
        self.pos += 1
        inner_flags = dict(flags)
        if self._Peek() == "?":
            self.pos += 1
            if self._Peek() == "P" or (self._Peek() == "<" and self._Peek(1) != "="):
                end = self.pattern.find(">", self.pos)
                if end < 0:
                    self._Fail("unterminated group name")
                self.pos = end + 1
            else:
                setting = True
                while self._Peek() not in (":", ")"):
                    flag = self._Peek()
                    if flag == "-":
                        setting = False
                    elif flag in ("i", "s", "m", "U"):
                        inner_flags[flag] = setting
                    else:
                        self._Fail(f"unknown group flag {flag!r}")
                    self.pos += 1
                if self._Peek() == ")":
                    self.pos += 1
                    flags.update(inner_flags)
                    return None
                self.pos += 1
        node = self._ParseAlternation(inner_flags)
        if self._Peek() != ")":
            self._Fail("missing ')'")
        self.pos += 1
        return node

    # Parses the escape after a backslash. Returns a character set or an
    # assertion node.
    def _ParseEscape(self, flags, in_class=False):
        c = self._Peek()
        if not c:
            self._Fail("trailing backslash")
        self.pos += 1
        classes = {"w": kWord, "d": kDigit, "s": kSpace}
        if c in classes:
            return ("chars", classes[c])
        if c.lower() in classes:
            return ("chars", kPrintable - classes[c.lower()])
        if not in_class and c in ("b", "B", "A", "z"):
            return ("assert", c)
        controls = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
        if c in controls:
            return self._Literal(controls[c], flags)
        if c == "x":
            return self._Literal(chr(self._ParseHex()), flags)
        if c.isalnum():
            self._Fail(f"unsupported escape \\{c}")
        return self._Literal(c, flags)

    def _ParseHex(self):
        if self._Peek() == "{":
            end = self.pattern.find("}", self.pos)
            digits = self.pattern[self.pos + 1 : end]
            self.pos = end + 1
        else:
            digits = self.pattern[self.pos : self.pos + 2]
            self.pos += 2
        try:
            return int(digits, 16)
        except ValueError:
            self._Fail(f"invalid hex escape {digits!r}")

    def _ParseClass(self, flags):
        self.pos += 1
        negated = self._Peek() == "^"
        if negated:
            self.pos += 1
        members = set()
        first = True
        while True:
            c = self._Peek()
            if not c:
                self._Fail("missing ']'")
            if c == "]" and not first:
                self.pos += 1
                break
            first = False
            if c == "[" and self._Peek(1) == ":":
                end = self.pattern.find(":]", self.pos)
                name = self.pattern[self.pos + 2 : end]
                if name not in kPosixClasses:
                    self._Fail(f"unknown class [:{name}:]")
                members |= kPosixClasses[name]
                self.pos = end + 2
                continue
            low = self._ParseClassChar(flags)
            if isinstance(low, frozenset):
                members |= low
                continue
            if self._Peek() == "-" and self._Peek(1) not in ("]", ""):
                self.pos += 1
                high = self._ParseClassChar(flags)
                if isinstance(high, frozenset):
                    self._Fail("class range ends in a class")
                members |= {chr(code) for code in range(ord(low), ord(high) + 1)}
            else:
                members.add(low)
        if flags["i"]:
            members = _CaseFold(members)
        if negated:
            return ("chars", kPrintable - members)
        return ("chars", frozenset(members))

    # Returns one character, or a frozenset for \w-style escapes.
    def _ParseClassChar(self, flags):
        c = self._Peek()
        self.pos += 1
        if c != "\\":
            return c
        _, value = self._ParseEscape({"i": False}, in_class=True)
        if len(value) == 1 and self.pattern[self.pos - 1] not in "wdsWDS":
            return next(iter(value))
        return value


def Parse(pattern):
    """Parse a Go regex into the sampler's tree; raises RegexSyntaxError."""
    return _Parser(pattern).Parse()


def _IsOnlyAnchor(node):
    if node[0] == "assert":
        return node[1] in kAnchors
    if node[0] == "concat":
        return bool(node[1]) and all(_IsOnlyAnchor(item) for item in node[1])
    return False


class Sampler:
    """Generates strings matching one regex, reproducibly for a given rng."""

    def __init__(self, pattern):
        self.tree = Parse(pattern)

    def Sample(self, rng, before=" ", after=" ", attempts=200):
        r"""Return a match whose assertions hold between the text `before`
        and `after`, or None after `attempts` tries.

        Only the last character of `before` and the first of `after` count.
        Anchors (^ $ \A \z) hold only where that side is empty, so when
        either side is not empty, alternatives made of an anchor alone are
        not picked. Tries that need a newline are used only when no other
        try works."""
        fallback = None
        for _ in range(attempts):
            out = []
            assertions = []
            self._Generate(self.tree, rng, out, assertions, before or after)
            text = "".join(out)
            if not self._AssertionsHold(text, assertions, before, after):
                continue
            if "\n" not in text and "\r" not in text:
                return text
            fallback = fallback or text
        return fallback

    def _Generate(self, node, rng, out, assertions, avoid_anchors):
        kind = node[0]
        if kind == "chars":
            out.append(self._PickChar(node[1], rng))
        elif kind == "concat":
            for item in node[1]:
                self._Generate(item, rng, out, assertions, avoid_anchors)
        elif kind == "alt":
            choices = node[1]
            if avoid_anchors:
                choices = [alt for alt in choices if not _IsOnlyAnchor(alt)] or choices
            self._Generate(rng.choice(choices), rng, out, assertions, avoid_anchors)
        elif kind == "repeat":
            _, child, low, high = node
            if high is None:
                high = low + kUnboundedExtra
            for _ in range(rng.randint(low, high)):
                self._Generate(child, rng, out, assertions, avoid_anchors)
        elif kind == "assert":
            assertions.append((sum(len(piece) for piece in out), node[1]))

    @staticmethod
    def _PickChar(chars, rng):
        preferred = sorted(chars & kPrintable)
        if preferred:
            # A space class yields a space or a tab, never a line break.
            return rng.choice(preferred)
        if not chars:
            raise RegexSyntaxError("empty character class")
        return rng.choice(sorted(chars))

    @staticmethod
    def _AssertionsHold(text, assertions, before, after):
        padded = (before[-1:] or " ") + text + (after[:1] or " ")
        for position, kind in assertions:
            if kind in ("^", "A"):
                if position != 0 or before:
                    return False
                continue
            if kind in ("$", "z"):
                if position != len(text) or after:
                    return False
                continue
            left = padded[position] in kWord
            right = padded[position + 1] in kWord
            at_boundary = left != right
            if (kind == "b") != at_boundary:
                return False
        return True
