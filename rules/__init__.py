"""The rule registry: extractors run in order, then every check.

Code ledger (codes are never reused):

| code | name | what |
| --- | --- | --- |
| G101 | growth-rate-mismatch | a growth rate that does not fit the figures it connects |
| G102 | growth-direction-contradiction | "rose" while the figures fell, or the reverse |
| G103 | percent-vs-points | percent written for percentage points, or the reverse |
| G104 | multiplier-mismatch | "N-fold", "N times", "doubled" that does not fit |
| G105 | annual-growth-mismatch | an average annual (compound) rate against its endpoints and years |
| G106 | series-growth-mismatch | a year-on-year rate against last year's figure stated in another sentence |
| G107 | change-amount-mismatch | a change stated as an amount that is not the difference of its two levels |
| Q101 | malformed-grouping | "4178,027", "5.17,000", "920, 000" |
| Q102 | translation-garble | 万/亿 translated word for word: "522 10,000 units" |
| Q103 | glued-year | a year fused to the next number: "202310,000" |
| Q104 | invisible-character | a zero width space or soft hyphen inside a figure, a right-to-left override before digits |
| P101 | decline-past-100 | a fall of more than 100 % in something that cannot go negative |
| P102 | share-above-100 | a share of a whole above 100 % |
| P103 | shares-over-100 | shares of one whole that add up to more than 100 % |
| P104 | verbal-proportion-mismatch | "nearly half (62%)" |
| P105 | implausible-rate | unemployment of 95 %, GDP growth of 45 % a year |
| U101 | unit-conversion-mismatch | "90 km (150 miles)" |
| U102 | currency-conversion-mismatch | "£7.5m ($14.6bn)" |
| C101 | restated-figure-mismatch | one measure (same phrase, same year) stated twice with values that cannot both hold |
| U103 | magnitude-jump | "2 million … 3 million … soared to 522" |
| S101 | parts-total-mismatch | parts against their total ("including", "of which", "making a total of") |
| S102 | respectively-mismatch | "respectively" with lists of different lengths |
| S103 | part-exceeds-whole | a part above its whole: "411 of the 368 members", a net profit above its revenue |
| C102 | per-unit-mismatch | a total restated per unit of a count at a figure the division does not give: "$3.4 billion, 95,000 jobs, or $35.8 million per job" |
| S104 | difference-mismatch | a gap stated beside two figures that do not differ by it: "54% and 38%, a gap of 12 points" |
| S105 | share-of-whole-mismatch | a part, its percentage and the whole that do not fit: "450 jobs, or 25% of its 3,000 workers" |

Engine-level (not in CHECKS; raised by checker/suppress.py):

| code | name | what |
| --- | --- | --- |
| X100 | unused-suppression | an inline statlint directive that silences nothing or cannot be read |
"""
from statlint.rules import (
    annual_growth_mismatch, claims, comparatives, conversions, currency_conversion_mismatch, decline_past_100, garbles, glued_year,
    growth_direction_contradiction, growth_rate_mismatch, implausible_rate, invisible_character, invisibles,
    magnitude_jump, malformed_grouping, multiplier_mismatch, part_exceeds_whole, parts_total_mismatch,
    percent_vs_points, quantities,
    respectively_mismatch, restated_figure_mismatch, series_growth_mismatch, share_above_100, shares_over_100,
    series_next, statements,
    translation_garble, unit_conversion_mismatch, verbal_proportion_mismatch,
)
from statlint.rules import (  # claim extractors (issue 14)
    annual_rates, hedges, mentions, multipliers, periods, priors, share_splits, shares, subjects, verbal_proportions,
)
from statlint.rules import parts_of_wholes  # a part and its whole (S103)
from statlint.rules import parts_totals, respectively_lists  # parts and totals, "respectively" lists (issue 14)
from statlint.rules import difference_mismatch, differences  # a difference beside its two figures (S104)
from statlint.rules import per_unit_mismatch, per_units  # a total restated per unit of a count (C102)
from statlint.rules import change_amount_mismatch  # an amount against its two levels (h-realmiss)
from statlint.rules import part_share_mismatch, part_shares  # a part, its percentage and the whole (S105)
from statlint.rules import headline_growth  # a headline's rate against one body change's levels (G101)

EXTRACTORS = (
    quantities.extract, garbles.extract, invisibles.extract, claims.extract, comparatives.extract,
    # claims read off the words, each by one extractor (issue 14): checks only compare them
    periods.extract, annual_rates.extract, subjects.extract, hedges.extract, multipliers.extract, priors.extract,
    shares.extract, share_splits.extract, verbal_proportions.extract, mentions.extract,
    # conversions and restatements (U101, U102, C101)
    conversions.extract, statements.extract, series_next.extract,
    # a part and its whole (S103)
    parts_of_wholes.extract,
    # parts and totals, "respectively" lists (S101, S102)
    parts_totals.extract, respectively_lists.extract,
    # a difference stated beside its two figures (S104)
    differences.extract,
    # a total restated per unit of a count (C102)
    per_units.extract,
    # a part with its percentage of a stated whole (S105; after parts_of_wholes, whose groups it reads)
    part_shares.extract,
    # a headline's rate with the levels of one body change claim (G101)
    headline_growth.extract,
)

CHECKS = (
    growth_rate_mismatch.RULE,
    growth_direction_contradiction.RULE,
    percent_vs_points.RULE,
    multiplier_mismatch.RULE,
    annual_growth_mismatch.RULE,
    series_growth_mismatch.RULE,
    change_amount_mismatch.RULE,
    malformed_grouping.RULE,
    translation_garble.RULE,
    glued_year.RULE,
    invisible_character.RULE,
    decline_past_100.RULE,
    share_above_100.RULE,
    shares_over_100.RULE,
    verbal_proportion_mismatch.RULE,
    implausible_rate.RULE,
    unit_conversion_mismatch.RULE,
    currency_conversion_mismatch.RULE,
    magnitude_jump.RULE,
    parts_total_mismatch.RULE,
    respectively_mismatch.RULE,
    part_exceeds_whole.RULE,
    restated_figure_mismatch.RULE,
    difference_mismatch.RULE,
    per_unit_mismatch.RULE,
    part_share_mismatch.RULE,
)
