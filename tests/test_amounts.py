"""Messages of the checks on a change stated as an amount (rules/_amounts.py): G101, G102 and G107 name the
figures as written, the level the amount implies and the rate the figures give."""
from __future__ import annotations

import pytest

from statlint import check_text


@pytest.mark.parametrize("text,rule,message", [
    ("The index climbed 221 points, or 7.1 percent, to 13,101.", "G101",
     "a rise of 221 points is from 12,880 to 13,101, a rise of about 1.7%, not 7.1 percent"),
    # an amount in cents names the level before to the cent, and a rate under 1 % is not shown as 0 %
    ("Hourly wages rose 10 cents, or 4 percent, to $26.", "G101",
     "a rise of 10 cents is from 25.90 to $26, a rise of about 0.39%, not 4 percent"),
    ("It gained 60.00 points or 2.00 percent at 2,940.00 points.", "G102",
     "'gained' but the figures say it fell: 60.00 points is 2.00 percent to 2,940.00 points only as a fall"),
    ("The deficit was $44.3 billion in December, down $2.5 billion from $45.7 billion in November.", "G107",
     "a fall of $2.5 billion from 45.7 billion to 44.3 billion does not fit: the levels differ by 1.4 billion"),
])
def test_amount_messages(text, rule, message):
    assert [(f.rule, f.message) for f in check_text(text)] == [(rule, message)]
