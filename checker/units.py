"""Units: our own surface-form table, and the one lazily built pint registry.

Text never goes to pint raw (pint reads "m" as metre, "B" as byte, and hangs
on exponent towers); surface forms are mapped to canonical names here, and
only those names are handed to pint, by rules that need conversion.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import repeat

# Currency symbols and prefixes written before the number, longest first.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "HK$": "HKD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "RMB": "CNY", "Rs.": "INR", "Rs": "INR",
    "RM": "MYR", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
    "₺": "TRY", "₴": "UAH", "₦": "NGN", "₱": "PHP", "฿": "THB", "Rp": "IDR",
}

ISO_CODES = frozenset(
    "USD EUR GBP JPY CNY RMB INR RUB KRW CHF CAD AUD NZD HKD SGD TWD BRL MXN ZAR SEK NOK DKK "
    "PLN CZK HUF TRY UAH MYR IDR THB PHP VND SAR AED NGN EGP FIM DEM FRF ITL NLG BEF ESP".split()
)

# Currency words written after the number (and after a scale word).
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "dlrs": "USD", "dlr": "USD", "dls": "USD", "crowns": "crowns", "usd": "USD",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "yen": "JPY", "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "stg": "GBP",
    "francs": "CHF", "franc": "CHF", "swiss francs": "CHF", "french francs": "FRF",
    "guilders": "NLG", "guilder": "NLG", "marks": "DEM", "markka": "FIM",
    "ringgit": "MYR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "rupees": "INR", "rupee": "INR", "won": "KRW", "pesos": "MXN", "peso": "MXN",
    "lire": "ITL", "lira": "TRY", "kronor": "SEK", "kroner": "NOK", "krone": "NOK", "rand": "ZAR",
    "hryvnias": "UAH", "hryvnia": "UAH", "baht": "THB", "rupiah": "IDR", "riyals": "SAR",
    "riyal": "SAR", "dirhams": "AED", "naira": "NGN", "cts": "USD-cent", "cents": "USD-cent",
    "cent": "USD-cent", "pence": "GBP-pence", "p": "GBP-pence",
    # a dollar named by its country after the number ("11.1 billion Canadian dlrs")
    "canadian dollars": "CAD", "canadian dlrs": "CAD", "australian dollars": "AUD", "australian dlrs": "AUD",
    "new zealand dollars": "NZD", "new zealand dlrs": "NZD", "hong kong dollars": "HKD", "hong kong dlrs": "HKD",
    "singapore dollars": "SGD", "singapore dlrs": "SGD", "u.s. dollars": "USD", "u.s. dlrs": "USD",
    "u.s.dollars": "USD", "u.s.dlrs": "USD", "us dollars": "USD",  # glued, as translated copy writes it
}

# THE table of units written after a number: surface form -> canonical unit, a name pint
# reads. One canonical name per unit, however it is spelled ("bpd", "b/d" and "barrels per
# day" are all "barrel/day"), so equal units compare equal as strings; a test checks that
# pint reads every name and that no two names are one unit. A form with an upper-case
# letter matches only as written ("MW" megawatt, "mW" milliwatt, "Gb" gigabit, "GB"
# gigabyte); an all-lower-case form matches in any case not listed as written ("mw" and
# "Mw" are megawatts, as Reuters writes them).
UNIT_WORDS: dict[str, str] = {
    # length
    "km": "kilometer", "kms": "kilometer", "kilometres": "kilometer", "kilometers": "kilometer",
    "kilometre": "kilometer", "kilometer": "kilometer",
    "miles": "mile", "mile": "mile", "mi": "mile", "nautical miles": "nautical_mile",
    "metres": "meter", "meters": "meter", "metre": "meter", "meter": "meter",
    "cm": "centimeter", "centimetres": "centimeter", "centimeters": "centimeter", "centimetre": "centimeter",
    "mm": "millimeter", "millimetres": "millimeter", "millimeters": "millimeter", "millimetre": "millimeter",
    "m": "meter", "nm": "nanometer", "μm": "micrometer", "µm": "micrometer",
    "feet": "foot", "ft": "foot", "foot": "foot", "inches": "inch", "inch": "inch", "yards": "yard", "yard": "yard",
    # area
    "acres": "acre", "acre": "acre", "hectares": "hectare", "hectare": "hectare", "ha": "hectare", "mu": "mu",
    "sq km": "kilometer**2", "km2": "kilometer**2", "km²": "kilometer**2", "square kilometres": "kilometer**2",
    "square kilometers": "kilometer**2", "square kilometre": "kilometer**2", "square miles": "mile**2",
    "sq miles": "mile**2", "square mile": "mile**2", "sq m": "meter**2", "m²": "meter**2", "m2": "meter**2",
    "square metres": "meter**2", "square meters": "meter**2", "square metre": "meter**2",
    "sq ft": "foot**2", "square feet": "foot**2", "square foot": "foot**2",
    "mm2": "millimeter**2", "mm²": "millimeter**2", "cm2": "centimeter**2", "cm²": "centimeter**2",
    # volume
    "litres": "liter", "liters": "liter", "litre": "liter", "liter": "liter", "ml": "milliliter",
    "millilitres": "milliliter", "milliliters": "milliliter", "gallons": "gallon", "gallon": "gallon",
    "barrels": "barrel", "barrel": "barrel", "bbl": "barrel", "bushels": "bushel", "bu": "bushel",
    "cubic metres": "meter**3", "cubic meters": "meter**3", "cu m": "meter**3", "m³": "meter**3",
    "cubic feet": "foot**3", "cu ft": "foot**3", "bcm": "kilometer**3",  # billion cubic metres
    "μl": "microliter", "µl": "microliter",
    "mm3": "millimeter**3", "mm³": "millimeter**3", "cm3": "centimeter**3", "cm³": "centimeter**3",
    # mass
    "kg": "kilogram", "kgs": "kilogram", "kilograms": "kilogram", "kilos": "kilogram", "kilogrammes": "kilogram",
    "kilogram": "kilogram", "g": "gram", "grams": "gram", "gramme": "gram", "grammes": "gram",
    "mg": "milligram", "milligrams": "milligram", "lb": "pound", "lbs": "pound",
    "tonnes": "metric_ton", "tonne": "metric_ton", "tons": "ton", "ton": "ton", "mt": "metric_ton",
    "ounces": "ounce", "ounce": "ounce", "oz": "ounce", "troy ounces": "troy_ounce",
    "μg": "microgram", "µg": "microgram",
    "carats": "carat", "carat": "carat",
    # concentration
    "mg/l": "milligram/liter", "μg/l": "microgram/liter", "µg/l": "microgram/liter",
    "ppm": "ppm", "ppb": "ppb", "‰": "permille", "mmol/l": "millimole/liter",
    "mg/dl": "milligram/deciliter",
    # a mass fraction in percent ("20 wt%", "1.3 wt.%"), read as the percent it is
    "wt%": "percent", "wt.%": "percent", "wt. %": "percent", "wt %": "percent", "vol%": "percent", "vol.%": "percent",
    # flow and speed
    "mpg": "mile/gallon", "bpd": "barrel/day", "b/d": "barrel/day", "mph": "mile/hour", "km/h": "kilometer/hour",
    "kph": "kilometer/hour", "kmh": "kilometer/hour", "km/hr": "kilometer/hour", "knots": "knot", "knot": "knot",
    "m/s": "meter/second", "km/s": "kilometer/second",
    # a heart's rate ("72 beats per minute", "72 bpm"): beats counted per minute
    "beats per minute": "1/minute", "beats a minute": "1/minute", "bpm": "1/minute",
    # power and energy
    "W": "watt", "watts": "watt", "watt": "watt", "kw": "kilowatt", "kilowatts": "kilowatt", "kilowatt": "kilowatt",
    "mw": "megawatt", "MW": "megawatt", "megawatts": "megawatt", "megawatt": "megawatt", "mW": "milliwatt",
    "gw": "gigawatt", "gigawatts": "gigawatt", "gigawatt": "gigawatt", "tw": "terawatt", "terawatts": "terawatt",
    "hp": "horsepower", "bhp": "horsepower", "horsepower": "horsepower",
    "wh": "watt_hour", "kwh": "kilowatt_hour", "kilowatt-hours": "kilowatt_hour", "kilowatt hours": "kilowatt_hour",
    "mwh": "megawatt_hour", "megawatt-hours": "megawatt_hour", "megawatt hours": "megawatt_hour",
    "gwh": "gigawatt_hour", "gigawatt-hours": "gigawatt_hour", "gigawatt hours": "gigawatt_hour",
    "twh": "terawatt_hour", "terawatt-hours": "terawatt_hour", "terawatt hours": "terawatt_hour",
    "eV": "electron_volt", "keV": "kiloelectron_volt", "MeV": "megaelectron_volt", "GeV": "gigaelectron_volt",
    "TeV": "teraelectron_volt",
    # food energy: the "calories" of a menu or a diet are kilocalories ("a 250-calorie snack", "250 kcal")
    "calories": "kilocalorie", "calorie": "kilocalorie", "kcal": "kilocalorie", "kj": "kilojoule",
    "kilojoules": "kilojoule",
    # battery charge ("a 5,000mAh battery")
    "mah": "milliampere_hour",
    # pressure
    "Pa": "pascal", "hPa": "hectopascal", "kPa": "kilopascal", "MPa": "megapascal", "GPa": "gigapascal",
    "mbar": "millibar", "nbar": "nanobar", "μbar": "microbar", "µbar": "microbar",
    # electric potential ("V" alone is a numeral or an initial too often), current, field, pressure in torr
    "kV": "kilovolt", "mV": "millivolt", "mA": "milliampere", "nT": "nanotesla", "nJ": "nanojoule",
    "torr": "torr",
    # data sizes and rates ("bps" alone is basis points, read with percent)
    "bytes": "byte", "kb": "kilobyte", "kilobytes": "kilobyte", "mb": "megabyte", "megabytes": "megabyte",
    "gb": "gigabyte", "gigabytes": "gigabyte", "tb": "terabyte", "terabytes": "terabyte", "pb": "petabyte",
    "petabytes": "petabyte", "KiB": "kibibyte", "MiB": "mebibyte", "GiB": "gibibyte", "TiB": "tebibyte",
    "Kb": "kilobit", "Mb": "megabit", "Gb": "gigabit", "Tb": "terabit", "bits": "bit", "megabits": "megabit",
    "gigabits": "gigabit", "kbps": "kilobit/second", "kbit/s": "kilobit/second",
    "mbps": "megabit/second", "mbit/s": "megabit/second", "gbps": "gigabit/second", "gbit/s": "gigabit/second",
    "tbps": "terabit/second", "MBps": "megabyte/second", "MB/s": "megabyte/second", "GBps": "gigabyte/second",
    "GB/s": "gigabyte/second",
    # frequency
    "hz": "hertz", "khz": "kilohertz", "mhz": "megahertz", "ghz": "gigahertz",
    # points of an index or a score ("the Dow fell 500 points", "scored 30 points"), a scale of its own;
    # "percentage points" and "basis points" are read before this table (rules/_patterns.py POINTS)
    "points": "scale_point", "point": "scale_point",
    # sound level, image size
    "decibels": "decibel", "decibel": "decibel", "dB": "decibel",
    "megapixels": "megapixel", "megapixel": "megapixel",  # not "MP": a Member of Parliament
    # time
    "sec": "second", "secs": "second", "seconds": "second", "ms": "millisecond", "milliseconds": "millisecond",
    "min": "minute", "mins": "minute", "minutes": "minute", "hr": "hour", "hrs": "hour", "hours": "hour",
    "minute": "minute", "hour": "hour", "second": "second", "μs": "microsecond", "µs": "microsecond",
    "h": "hour", "s": "second",  # spaced and as written only: "24 h", "12 s" (SPACED_ONLY, AS_WRITTEN)
    # geological time: "∼56 Ma" (million years), "170 ka", "3 Ga"
    "Ma": "megayear", "ka": "kiloyear", "Ga": "gigayear",
    "days": "day", "day": "day", "weeks": "week", "week": "week", "months": "month", "month": "month",
    "years": "year", "year": "year", "yrs": "year", "decades": "decade", "decade": "decade",
    "centuries": "century", "century": "century",
    # temperature
    "°c": "degC", "°f": "degF", "degrees celsius": "degC", "degrees fahrenheit": "degF", "K": "kelvin",
    "degrees centigrade": "degC",
    # angle ("45°"; "57°44’" is the start of a bearing, not read)
    "degrees": "degree", "degree": "degree",
    "°": "degree", "°N": "degree", "°S": "degree", "°E": "degree", "°W": "degree",
}
# Single letters that are a unit only glued to the figure, as written: "164p" (pence), "99c"
# (cents), "38C" and "101F" (degrees; rules.quantities.labels.is_glued_temperature says when a capital glued
# to a figure is one). Spaced, or in another case, they are initials and labels ("Insat 1C" is a name).
GLUED_LETTERS: dict[str, str] = {"p": "GBP-pence", "c": "USD-cent", "C": "degC", "F": "degF"}
# Forms of UNIT_WORDS read only glued to the figure: "5W", not the "W" of "43500 W R" (a table's West).
GLUED_ONLY = frozenset(("W",))
# Forms of UNIT_WORDS read only with a space (or hyphen) before them: "2605 m", "300 K" are metres and kelvin,
# but glued "100m" is a sprint or a million ("5m people") and "30K" a thousand; "24 h" and "12 s" are hours and
# seconds, glued "24h" and "12s" a label or a plural ("the 1990s").
SPACED_ONLY = frozenset(("m", "K", "h", "s"))
# Lower-case forms that match only as written, against the rule above: "5 M" is a million or molar, not metres;
# "5 S" and "24 H" are initials.
AS_WRITTEN = frozenset(("m", "h", "s"))
# "720p", "1080p": video resolutions, not pence.
VIDEO_LINES = frozenset(("144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"))
# Units a rate's period may follow ("barrels per day", "RM45 a month"): every physical unit.
PHYSICAL = frozenset(UNIT_WORDS.values())

# Spans of time ("three hours", "6 months", "a 5-year plan"). A duration is seldom the measure a bare count
# stands for: "49,822 cars in the first two months, up from 37,272" compares cars, and "1.6 billion of 182-day
# bills" counts pesos, so a bare figure is not read in a duration's unit (rules._growth.comparable,
# rules.parts_of_wholes).
DURATIONS = frozenset(("millisecond", "microsecond", "second", "minute", "hour", "day", "week", "month", "year",
                       "decade", "century", "kiloyear", "megayear", "gigayear"))

# Periods of a rate written after a unit or a currency ("per day", "a month", "/h"): word -> pint name.
PERIODS: dict[str, str] = {
    "second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour", "hr": "hour",
    "h": "hour", "day": "day", "week": "week", "month": "month", "year": "year", "yr": "year", "annum": "year",
}


def unit_name(form: str) -> str | None:
    """The canonical unit of a surface form read after a number, or None: the form as written,
    else its lower case among the all-lower-case forms (see UNIT_WORDS)."""
    name = UNIT_WORDS.get(form)
    if name is not None:
        return name
    lower = form.lower()
    return None if lower in AS_WRITTEN else UNIT_WORDS.get(lower)


@lru_cache(maxsize=1)
def registry():
    """The one pint registry, built on first use (pint costs ~0.3 s to load)."""
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    ureg.define("percentage_point = [percentage_point] = pp")
    ureg.define("mu = 666.6666667 * meter**2")
    ureg.define("ppb = 1e-9")
    ureg.define("scale_point = [scale_point]")  # an index or score point: converts to nothing else
    return ureg


@lru_cache(maxsize=256)
def unit(name: str):
    """A cached pint Unit for a canonical name from UNIT_WORDS."""
    return registry().Unit(name)


# Currencies replaced by the euro, at their fixed conversion rates (units per euro). The ECB
# history starts in 1999, so older copy (Reuters 1987: marks, francs, guilders) is read through these.
LEGACY_PER_EUR = {
    "DEM": 1.95583, "FRF": 6.55957, "NLG": 2.20371, "ITL": 1936.27, "BEF": 40.3399, "ESP": 166.386,
    "FIM": 5.94573, "ATS": 13.7603, "PTE": 200.482, "IEP": 0.787564,
}


def _per_euro(code: str):
    """Units of `code` per euro over the ECB history (checker.ecb_rates), None for the euro, a legacy euro
    currency, or a currency the ECB does not quote."""
    if code == "EUR" or code in LEGACY_PER_EUR:
        return None
    from statlint.checker.ecb_rates import rates_per_euro  # here: loaded on the first bracketed conversion

    return rates_per_euro().get(code)


@lru_cache(maxsize=256)
def currency_band(a: str, b: str) -> tuple[float, float] | None:
    """Lowest and highest units of `b` per unit of `a` in the ECB history (None if either is unknown).

    Legacy euro currencies count as the euro times their fixed rate, so their band is the euro's.
    """
    def split(code: str) -> tuple[str, float]:
        return ("EUR", LEGACY_PER_EUR[code]) if code in LEGACY_PER_EUR else (code, 1.0)

    (ca, fa), (cb, fb) = split(a), split(b)
    ra, rb = _per_euro(ca), _per_euro(cb)
    if (ca != "EUR" and ra is None) or (cb != "EUR" and rb is None):
        return None
    if ra is None and rb is None:
        return (fb / fa, fb / fa)
    # the dates both currencies have a rate for (a euro side has one every day); 0.0 is no rate
    ratios = [(y * fb) / (x * fa) for x, y in zip(ra if ra is not None else repeat(1.0), rb if rb is not None else repeat(1.0))
              if x and y]
    if not ratios:
        return (fb / fa, fb / fa)
    return min(ratios), max(ratios)
