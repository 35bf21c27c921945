"""Points as Vietnamese official letters write them.

Seeds 000 and 004 write whole points with two digits ("trừ 01 điểm", "04 điểm") and fractions
with as many decimals as they have ("0,75", "0,8042"). The seeds mix "0.75" and "0,5"; the
Vietnamese norm (and seed 000) is the decimal comma, which is what we write.
"""

from decimal import Decimal


def vn_points(value: Decimal | str | int) -> str:
    """0.75 → "0,75"; 1 → "01"; 1.50 → "1,5"; 12 → "12"; 0.8042 → "0,8042"."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        whole = int(number)
        return f"{whole:02d}" if 0 <= whole < 10 else str(whole)
    text = format(number.normalize(), "f")
    return text.replace(".", ",")


def vn_decimal(value: Decimal | str | int) -> str:
    """A plain decimal with a comma and no padding (for tables): 0.75 → "0,75", 1 → "1"."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f").replace(".", ",")
