# Generates scanner/unicode_lower_table.inc, the simple lower-case mappings
# used by scanner/unicode_lower.cc, as (first, last, stride, delta) ranges.
# Run: python3 scripts/gen_unicode_lower_table.py > scanner/unicode_lower_table.inc
import unicodedata
pairs = []
for c in range(0x80, 0x110000):
    if 0xD800 <= c <= 0xDFFF:
        continue
    l = chr(c).lower()
    if c == 0x130:
        l = 'i'
    if len(l) == 1 and ord(l) != c:
        pairs.append((c, ord(l) - c))
ranges = []
i = 0
while i < len(pairs):
    c, d = pairs[i]
    # Try stride 1, then stride 2.
    best = (c, c, 1, d)
    for stride in (1, 2):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[j][0] + stride and pairs[j + 1][1] == d:
            j += 1
        if pairs[j][0] > best[1]:
            best = (c, pairs[j][0], stride, d)
    ranges.append(best)
    while i < len(pairs) and pairs[i][0] <= best[1]:
        i += 1
print("// Generated from Unicode %s simple lower-case mappings (UnicodeData.txt" % unicodedata.unidata_version)
print("// field 13) for code points >= U+0080: {first, last, stride, delta}.")
for r in ranges:
    print("{0x%X, 0x%X, %d, %d}," % r)
