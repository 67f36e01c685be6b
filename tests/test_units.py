"""Units: the one surface-form table (checker.units) and what the reader makes of each form."""
from __future__ import annotations

import itertools

import pytest

from statlint import check_text, extract_quantities
from statlint.checker.units import CURRENCY_PREFIXES, GLUED_ONLY, PERIODS, SPACED_ONLY, UNIT_WORDS, unit, unit_name


def _units(text):
    return [(q.text, q.unit) for q in extract_quantities(text)]


@pytest.mark.parametrize("form,name", sorted(UNIT_WORDS.items()))
def test_every_surface_form_is_read_as_its_unit(form, name):
    """Each entry of the table, spaced and glued after a figure, reads as its canonical unit, which pint knows."""
    assert unit(name) is not None
    texts = [f"It came to 7 {form} in all."] * (form not in GLUED_ONLY) + [f"It came to 7{form} in all."] * (form not in SPACED_ONLY)
    for text in texts:
        got = [(q.value, q.unit) for q in extract_quantities(text)]
        assert got == [(7, name)], text


@pytest.mark.parametrize("text,expected", [
    # "5m people", "30K jobs": 5 million, 30 thousand (numeral._COUNTED_AFTER)
    ("a 100m sprint, 5m people and 30K jobs", [("100", "count"), ("5m", "count"), ("30K", "count")]),
    ("from 2605 m to 2634 m, at 300 K, in Figures 1I–1M", [("2605 m", "meter"), ("2634 m", "meter"), ("300 K", "kelvin")]),
    ("a 10-m mast and 5 M of salt", [("10-m", "meter"), ("5", "count")]),
])
def test_metre_and_kelvin_letters_are_read_only_spaced_and_as_written(text, expected):
    """Glued, "m" and "K" are a sprint, a million or a thousand; "M" is a million or molar."""
    assert _units(text) == expected


def test_a_unit_has_one_canonical_name_however_it_is_spelled():
    names = sorted(set(UNIT_WORDS.values()))
    same = [(a, b) for a, b in itertools.combinations(names, 2) if unit(a) == unit(b)]
    assert same == []


@pytest.mark.parametrize("form,expected", [
    ("MW", "megawatt"), ("mW", "milliwatt"), ("mw", "megawatt"), ("Mw", "megawatt"),
    ("GB", "gigabyte"), ("Gb", "gigabit"), ("gb", "gigabyte"), ("Mbps", "megabit/second"),
    ("MBps", "megabyte/second"), ("KWH", "kilowatt_hour"), ("nonsense", None), ("m", "meter"), ("M", None),
    ("K", "kelvin"), ("k", None), ("MeV", "megaelectron_volt"), ("meV", None), ("PPM", "ppm"),
])
def test_case_decides_only_where_the_table_says_so(form, expected):
    assert unit_name(form) == expected


@pytest.mark.parametrize("period", sorted(PERIODS))
def test_every_period_makes_a_rate(period):
    assert _units(f"It pumps 7 barrels per {period}.") == [(f"7 barrels per {period}", f"barrel/{PERIODS[period]}")]


@pytest.mark.parametrize("prefix,code", sorted(CURRENCY_PREFIXES.items()))
def test_every_currency_prefix(prefix, code):
    space = " " if prefix.endswith(".") else ""  # "Rs. 45"
    [q] = extract_quantities(f"It cost {prefix}{space}45 last year.")
    assert (q.value, q.unit) == (45, code)


def test_the_issue_sentence_reads_every_figure_with_its_unit():
    text = ("storage went from 256GB to 512GB; a 3kW heater; 100Mbps; RM45 a month; shares rose 4% to 212p; "
            "about $30K cheaper; 15 – 20min; a 2-5W lamp")
    assert [(q.text, q.value, q.unit, q.bound) for q in extract_quantities(text)] == [
        ("256GB", 256, "gigabyte", "="), ("512GB", 512, "gigabyte", "="), ("3kW", 3, "kilowatt", "="),
        ("100Mbps", 100, "megabit/second", "="), ("RM45 a month", 45, "MYR/month", "="),
        ("4%", 4, "percent", "="), ("212p", 212, "GBP-pence", "="), ("$30K", 30_000, "USD", "~"),
        ("15 – 20min", 17.5, "minute", "="), ("2-5W", 3.5, "watt", "="),
    ]


@pytest.mark.parametrize("text,expected", [
    ("It pumps 2.3 mln barrels per day (bpd), up from 1,950,000 bpd.",
     [("2.3 mln barrels per day", "barrel/day"), ("1,950,000 bpd", "barrel/day")]),
    ("A$40K, £25k, S$5, HK$10, NT$300, C$2, R$9, Rs 500, ₹300, CHF 40, 50 yuan, 3,000 won",
     [("A$40K", "AUD"), ("£25k", "GBP"), ("S$5", "SGD"), ("HK$10", "HKD"), ("NT$300", "TWD"), ("C$2", "CAD"),
      ("R$9", "BRL"), ("Rs 500", "INR"), ("₹300", "INR"), ("CHF 40", "CHF"), ("50 yuan", "CNY"),
      ("3,000 won", "KRW")]),
    ("The shares closed at 99c, down from 164p and Rs500 a day.",
     [("99c", "USD-cent"), ("164p", "GBP-pence"), ("Rs500 a day", "INR/day")]),
    ("The 1.6-litre engine gives 120bhp at 200 km/h, or 70 mph, on a 10-mile test.",
     [("1.6-litre", "liter"), ("120bhp", "horsepower"), ("200 km/h", "kilometer/hour"), ("70 mph", "mile/hour"),
      ("10-mile", "mile")]),
    ("It used 4.5 kWh, then 2 TWh, over 30 hrs, 45 min and 2.5 seconds.",
     [("4.5 kWh", "kilowatt_hour"), ("2 TWh", "terawatt_hour"), ("30 hrs", "hour"), ("45 min", "minute"),
      ("2.5 seconds", "second")]),
    ("a 5,000 sq ft flat, 3 cubic metres of sand, 12 sq km of forest, 20 kg of rice, 8 bcm of gas",
     [("5,000 sq ft", "foot**2"), ("3 cubic metres", "meter**3"), ("12 sq km", "kilometer**2"),
      ("20 kg", "kilogram"), ("8 bcm", "kilometer**3")]),
    ("He earns £5.05 an hour, $40,000 a year, 800 tonnes per week.",
     [("£5.05 an hour", "GBP/hour"), ("$40,000 a year", "USD/year"), ("800 tonnes per week", "metric_ton/week")]),
    ("The 1 TB drive reads at 500MB/s over 1Gbps, a 3.8 GHz chip, 512kbps.",
     [("1 TB", "terabyte"), ("500MB/s", "megabyte/second"), ("1Gbps", "gigabit/second"),
      ("3.8 GHz", "gigahertz"), ("512kbps", "kilobit/second")]),
])
def test_news_spellings(text, expected):
    assert _units(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Insat 1C is a satellite.", []),  # a name, not degrees
    ("a 1080p screen", [("1080", "count")]),  # a video resolution, not pence
    ("RANDFNT 43500 W R CONS", [("43500", "count")]),  # a spaced lone letter is no unit
    ("between 5 p and 7 c", [("5", "count"), ("7", "count")]),  # spaced: initials, not pence or cents
    ("at 1400 hrs and at 11.30 hrs", []),  # times of day
    ("5% a year", [("5%", "percent")]),  # a rate's period only after a unit or a currency
    ("$18 a barrel", [("$18", "USD")]),
    ("DRM45 and ARM45 chips", []),  # letters before the digits: a name, not ringgit
])
def test_forms_that_are_not_units(text, expected):
    assert _units(text) == expected


def test_a_rate_period_written_once_links_both_figures():
    assert [f.rule for f in check_text("Pay rose 50% to $4,000 a month from $3,500.")] == ["G101"]
    assert [f.rule for f in check_text("Output rose 50% to 2.3 mln barrels per day (bpd) from 1,950,000 bpd.")] \
        == ["G101"]
    assert check_text("Output rose 18% to 2.3 mln barrels per day (bpd) from 1,950,000 bpd.") == []


@pytest.mark.parametrize("after", [" per day", " a\nmonth", "\ta year", "/day", " / hour", " an hour", " each week",
                                   " every year", " PER DAY", "\u00a0a month"])
def test_a_rate_period_after_any_white_space(after):
    [q] = extract_quantities(f"It pumps 7 barrels{after}, they say.")
    assert q.unit.startswith("barrel/")


@pytest.mark.parametrize("text,expected", [
    ("standards of 1, 5, 10 and 50 μg/L", [("1", "microgram/liter"), ("5", "microgram/liter"),
                                            ("10", "microgram/liter"), ("50 μg/L", "microgram/liter")]),
    ("held at −3 and −7 °C", [("−3", "degC"), ("−7 °C", "degC")]),
    ("tubes of 60 or 63 mm", [("60", "millimeter"), ("63 mm", "millimeter")]),
    ("rose 3, 4 and 5 pct respectively", [("3", "percent"), ("4", "percent"), ("5 pct", "percent")]),
    # the two ends of a change, the unit written after the second
    ("from ∼20 to 40 ppm, and from ∼250 to ∼550 ppm", [("20", "ppm"), ("40 ppm", "ppm"), ("250", "ppm"),
                                                       ("550 ppm", "ppm")]),
    # the chain stops at a member with its own unit, and at any word in the join
    ("loads of 1.5 and 2 kg, and 7 and 8 m", [("1.5", "kilogram"), ("2 kg", "kilogram"), ("7", "meter"),
                                              ("8 m", "meter")]),
    ("3 of them weigh 5 kg", [("3", "count"), ("5 kg", "kilogram")]),
    ("between 3 plants and 5 kg", [("3", "count"), ("5 kg", "kilogram")]),
    # ", or" restates the figure before: a stake of 1,727,200 shares is not 1,727,200 percent
    ("its stake from 1,727,200, or 5.3 pct", [("1,727,200", "count"), ("5.3 pct", "percent")]),
    # so may "or" without the comma, when the two are no alternatives of one size (found on a markets page:
    # "down 212 or 1.68%" is 212 points, which P101 read as a fall of 212 %); "5 or 6 percent" are
    ("closed at 12,430 points, down 212 or 1.68%", [("12,430 points", "scale_point"), ("212", "count"), ("1.68%", "percent")]),
    ("down 41.27 or 0.6%", [("41.27", "count"), ("0.6%", "percent")]),
    ("down 41.27 or 6.5%", [("41.27", "count"), ("6.5%", "percent")]),
    ("prices rose 5 or 6 percent", [("5", "percent"), ("6 percent", "percent")]),
    ("rates of 0.5 or 1 pct", [("0.5", "percent"), ("1 pct", "percent")]),
    # a last member with a scale word or in basis points is not at face value: the bare ones are left alone
    ("sales of 4, 5 and 6 mln dlrs", [("4", "count"), ("5", "count"), ("6 mln dlrs", "USD")]),
    ("spreads of 10 and 25 basis points", [("10", "count"), ("25 basis points", "percentage_point")]),
    # a currency written before the last figure is not a unit written after it
    ("prices of 4, 5 and $6", [("4", "count"), ("5", "count"), ("$6", "USD")]),
    # a change's old figure written bare after "from" is in the new one's unit, when written alike
    ("fell to 1.2 mln dlrs from 3.4 mln a year ago", [("1.2 mln dlrs", "USD"), ("3.4 mln", "USD")]),
    ("rose to $4bn from 3.5bn", [("$4bn", "USD"), ("3.5bn", "USD")]),
    ("rose to $4bn from 3,500", [("$4bn", "USD"), ("3,500", "count")]),
    ("up 5 pct from 120 a year ago", [("5 pct", "percent"), ("120", "count")]),
    ("sold 5 tonnes from 120 farms", [("5 tonnes", "metric_ton"), ("120", "count")]),
])
def test_a_unit_written_once_after_a_list_is_every_members_unit(text, expected):
    assert _units(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("in the range 1013 cm−3 to 1016 cm−3", [("1013 cm−3 to 1016 cm−3", "centimeter**-3")]),
    ("densities of 5 m⁻², 3 m^2 and 4 m^-2", [("5 m⁻²", "meter**-2"), ("3 m^2", "meter**2"), ("4 m^-2", "meter**-2")]),
    ("a wind of 25 km s−1 and a loss of 6 kg s⁻¹", [("25 km s−1", "kilometer/second"), ("6 kg s⁻¹", "kilogram/second")]),
    ("at 20 mg L−1, 2 g cm−3 and 2.5 mg cm− 2", [("20 mg L−1", "milligram/liter"), ("2 g cm−3", "gram/centimeter**3"),
                                                 ("2.5 mg cm− 2", "milligram/centimeter**2")]),
    # a plain digit glued to a unit is no power we read; a second symbol we do not know stays outside
    ("5 kg3 and 12 mg x−1", [("5", "count"), ("12 mg", "milligram")]),
])
def test_a_units_powers_are_part_of_it(text, expected):
    assert _units(text) == expected
    for _, name in expected:
        assert name == "count" or unit(name) is not None


@pytest.mark.parametrize("text,expected", [
    # temperatures glued to the figure, as wire copy writes them; a capital after a name or in a list of labels
    # stays a label
    ("Delhi hit 38C on Monday and -5C at night; Phoenix saw 118F.",
     [("38C", "degC"), ("-5C", "degC"), ("118F", "degF")]),
    ("Insat 1C and Flat 2F; see Figures 3A and 3C, or Figures 1A–1F.", []),
    # a noun right after the figure makes a compound with it: carbon-14 dates; a reading ends its phrase
    ("anomalous 14C ages and 14C dating", []),
    ("highs of 14C on Monday, a 2C rise and 40C.", [("14C", "degC"), ("2C", "degC"), ("40C", "degC")]),
    # hours and seconds as science writes them: spaced and lower-case only
    ("refluxed for 24 h in 5 s steps; the 24h clock, 5 S and 24 H", [("24 h", "hour"), ("5 s", "second"),
                                                                    ("24", "count"), ("5", "count"), ("24", "count")]),
    ("a 5,000mAh battery, a 48-megapixel camera and a 90dB horn",
     [("5,000mAh", "milliampere_hour"), ("48-megapixel", "megapixel"), ("90dB", "decibel")]),
    ("a 5.03-carat stone, 250 calories (250 kcal) and 180 mg/dL of sugar",
     [("5.03-carat", "carat"), ("250 calories", "kilocalorie"), ("250 kcal", "kilocalorie"),
      ("180 mg/dL", "milligram/deciliter")]),
    ("a pulse of 120 beats per minute, or 120 bpm", [("120 beats per minute", "1/minute"), ("120 bpm", "1/minute")]),
    ("The firm is worth 2.61 billion U.S.dollars.", [("2.61 billion U.S.dollars", "USD")]),
    ("It was -5 degrees at dawn.", [("-5 degrees", "degree")]),
    ("Bars of 60 × 10 × 3 mm3 on a 2 cm2 plate", [("60", "count"), ("10", "count"), ("3 mm3", "millimeter**3"),
                                                  ("2 cm2", "centimeter**2")]),
    # durations, in digits or in words, and ages
    ("a 15-minute drive, 6 months later, a 3-day trip, two weeks, a 40-hour week",
     [("15-minute", "minute"), ("6 months", "month"), ("3-day", "day"), ("two weeks", "week"), ("40-hour", "hour")]),
    ("The man, 45 years old, got three years; a 25-year-old woman one hour later.",
     [("45 years", "year"), ("three years", "year"), ("25-year", "year"), ("one hour", "hour")]),
    # figures in words take a unit and a rate's period as digits do
    ("It pumps two million barrels a day for nine mln dlrs.",
     [("two million barrels a day", "barrel/day"), ("nine mln dlrs", "USD")]),
])
def test_news_units_from_issue_13(text, expected):
    assert _units(text) == expected


@pytest.mark.parametrize("text", [
    # a duration is not what a bare count measures: a growth claim, a part of a whole
    "The firm exported 49,822 cars in the first two months of this year, up from 37,272 a year earlier.",
    "It sold 1.3 billion pesos of 91-day bills, 1.6 billion of 182-day bills and 2.1 billion of 364-day bills.",
    # "X to Y" with no change word before it is a figure for each label, not a change to one level
    "Sour and Alaska crudes held 50 cts to one dlr a barrel below the benchmark, respectively.",
])
def test_durations_and_ranges_raise_no_finding(text):
    assert check_text(text) == []


def test_a_duration_still_gives_the_years_of_an_annual_rate():
    """rules.periods reads "over eight years" as the span of a compound rate whether or not it is a unit."""
    assert [f.rule for f in check_text("Sales rose to 200 units from 100 units over eight years, an average "
                                       "annual rate of 19%.")] == ["G105"]


@pytest.mark.parametrize("text,expected", [
    ("The Dow fell 500 points to 25,000; she scored 30 points, a 10-point lead.",
     [("500 points", "scale_point"), ("25,000", "count"), ("30 points", "scale_point"), ("10-point", "scale_point")]),
    # percentage and basis points are read before the table: a point of a scale is what is left
    ("It rose 0.4 percentage points and 25 basis points.",
     [("0.4 percentage points", "percentage_point"), ("25 basis points", "percentage_point")]),
    ("a 30mpg car", [("30mpg", "mile/gallon")]),
    ("the lowest in two decades, for three centuries", [("two decades", "decade"), ("three centuries", "century")]),
])
def test_points_of_a_scale_and_fuel_use(text, expected):
    assert _units(text) == expected


@pytest.mark.parametrize("text,expected", [
    # house numbers after a word of place, and telephone numbers, are not quantities
    ("She lives at 221B Baker Street, outside No 10 Downing Street.", []),
    ("The office, 33 Liberty Street, said so.", []),
    ("Call +44 20 7946 0958 or +1 212 555 0199, or 555-0199.", []),
    # a count before a street's name that is not an address stays a count
    ("Shares rose as 10 Wall Street analysts raised targets.", [("10", "count")]),
])
def test_addresses_and_phone_numbers_are_not_quantities(text, expected):
    assert _units(text) == expected


@pytest.mark.parametrize("text,expected", [
    # "pounds" weigh something after a verb of weight, or as "pounds of" a thing
    ("The boxer weighs 210 pounds; he lost nearly 20 pounds; police seized 20 pounds of cocaine.",
     [("210 pounds", "pound"), ("20 pounds", "pound"), ("20 pounds", "pound")]),
    # and are sterling otherwise, and always with a scale word
    ("The firm lost 20 million pounds; it paid 5 pounds of the bill; he won 50 pounds.",
     [("20 million pounds", "GBP"), ("5 pounds", "GBP"), ("50 pounds", "GBP")]),
])
def test_pounds_of_weight_and_of_money(text, expected):
    assert _units(text) == expected
