"""Money as people read it: plain decimals, never scientific notation (``6.7e-05`` is ``$0.000067``)."""
from __future__ import annotations

import math

__all__ = ["format_usd", "SMALLEST_USD"]

#: The smallest amount ``format_usd`` writes out (a billionth of a dollar); less shows as ``<$0.000000001``.
SMALLEST_USD = 1e-9


def format_usd(value: float | None) -> str:
    """Dollars as a plain decimal, never in scientific notation.

    Below a dollar, three significant digits and at least cents: ``$0.000067``, ``$0.0024``,
    ``$0.50``; from a dollar up, cents with thousands separated: ``$1,234.57``. ``unknown`` for
    None (or NaN); ``$0`` for zero; ``<$0.000000001`` for a positive amount smaller than that.
    """
    if value is None:
        return "unknown"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"format_usd takes a number of dollars (a float such as result.cost_usd), "
                        f"not {type(value).__name__} {value!r:.40}: convert a header's text with float() first.")
    if math.isnan(value):
        return "unknown"
    sign, value = ("-" if value < 0 else ""), abs(value)
    if value == 0:
        return "$0"
    if math.isinf(value):
        return f"{sign}$∞"
    if value < SMALLEST_USD:
        return f"{'>-' if sign else '<'}${SMALLEST_USD:.9f}"
    if value >= 1:
        return f"{sign}${value:,.2f}"
    decimals = max(2, 2 - math.floor(math.log10(value)))
    text = f"{value:.{decimals}f}".rstrip("0")
    whole, _, cents = text.partition(".")
    return f"{sign}${whole}.{cents.ljust(2, '0')}"
