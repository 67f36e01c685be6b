"""rules.headline_growth: a headline's rate checked (G101) against the two levels of one body change claim."""
from __future__ import annotations

from statlint import Document, check_text
from statlint.checker.engine import extract
from statlint.checker.model import Link

WIRE = ("U.S. HOUSING STARTS FALL 5.2 PCT\n"
        "    WASHINGTON, March 17 - U.S. housing starts dropped to 1,620,000\n"
        "units in February from 1,810,000 units in January, the Commerce\nDepartment said.\n")


def test_the_finding_points_at_the_headline_rate_and_names_the_body_levels():
    [finding] = check_text(WIRE)
    assert finding.rule == "G101" and WIRE[finding.span.start:finding.span.end] == "5.2 PCT"
    assert [r.text for r in finding.related] == ["1,810,000", "1,620,000"]
    assert "10.5%" in finding.message  # what the body's levels give


def test_the_claim_is_a_growth_linked_by_the_headline_and_no_other_check_reads_it():
    facts = extract(Document(WIRE))
    [g] = facts.headline_growths
    assert g.link == Link.HEADLINE and g.rate.text == "5.2 PCT"
    assert all(x.rate is not g.rate for x in facts.growths)  # the body claim itself is left as it was read


def test_a_body_that_states_the_rate_itself_is_not_linked():
    text = WIRE.replace("Department said.", "Department said. Starts were 5.2 pct lower than a year before.")
    assert extract(Document(text)).headline_growths == ()
    assert [f.rule for f in check_text(text)] == []


def test_a_body_claim_past_the_first_paragraphs_is_not_linked():
    body = "\n\n".join(["Officials met on Monday."] * 3 + ["Coffee exports fell to 100,000 tonnes from 146,000 tonnes."])
    text = "Coffee exports cut by 50%\n\n" + body + "\n"
    assert extract(Document(text)).headline_growths == ()
    near = "Coffee exports cut by 50%\n\nCoffee exports fell to 100,000 tonnes from 146,000 tonnes.\n"
    assert len(extract(Document(near)).headline_growths) == 1
