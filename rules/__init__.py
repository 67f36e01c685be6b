"""The rule registry: extractors run in order, then every check.

Code ledger (codes are never reused):

| code | name | what |
| --- | --- | --- |
| G101 | growth-rate-mismatch | a growth rate that does not fit the figures it connects |
| G102 | growth-direction-contradiction | "rose" while the figures fell, or the reverse |
| G103 | percent-vs-points | percent written for percentage points, or the reverse |
| G104 | multiplier-mismatch | "N-fold", "N times", "doubled" that does not fit |
| Q101 | malformed-grouping | "4178,027", "5.17,000", "920, 000" |
| Q102 | translation-garble | 万/亿 translated word for word: "522 10,000 units" |
| Q103 | glued-year | a year fused to the next number: "202310,000" |
"""
from rules import (
    claims, garbles, glued_year, growth_direction_contradiction, growth_rate_mismatch, malformed_grouping,
    multiplier_mismatch, percent_vs_points, quantities, translation_garble,
)

EXTRACTORS = (quantities.extract, garbles.extract, claims.extract)

CHECKS = (
    growth_rate_mismatch.RULE,
    growth_direction_contradiction.RULE,
    percent_vs_points.RULE,
    multiplier_mismatch.RULE,
    malformed_grouping.RULE,
    translation_garble.RULE,
    glued_year.RULE,
)
