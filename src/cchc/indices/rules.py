"""Evaluate one item's scoring rule on one input value (chấm điểm một tiêu chí).

The result is exact (unrounded) Decimal points; :func:`cchc.indices.scoring.score` rounds it
with the framework's :class:`~cchc.indices.framework.Rounding`.

>>> from decimal import Decimal
>>> from cchc.indices.framework import Item, ProportionalRule
>>> item = Item(id="5.4", name="Hài lòng", max_points=Decimal(6),
...             rule=ProportionalRule(full_marks_at=Decimal(90)), assumption="demo")
>>> rule_points(item, Decimal("86.5"))
Decimal('5.766666666666666666666666667')
>>> rule_points(item, Decimal("92.5"))
Decimal('6')

An input must fit the item's unit (here the default ``number``: ≥ 0); a rate item declared
with ``unit: "%"`` refuses 150 instead of giving full marks:

>>> pct = Item(id="3.2", name="Đúng hạn", max_points=Decimal(6), unit="%",
...            rule=ProportionalRule(full_marks_at=Decimal(90)), assumption="demo")
>>> rule_points(pct, 150)
Traceback (most recent call last):
...
cchc.errors.ValidationError: item 3.2, field value: 150 % outside 0..100
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from cchc.errors import ValidationError
from cchc.indices.framework import (
    BandsRule,
    DirectRule,
    InputUnit,
    Item,
    ProportionalRule,
    YesNoRule,
)

__all__ = ["InputValue", "as_count", "as_decimal", "as_year", "check_input", "rule_points"]

InputValue = Decimal | bool | int | float | str
"""What an item accepts: a number (points, a rate in %, a count) or a yes / no answer."""

_YES = {"yes", "true", "có", "co", "1"}
_NO = {"no", "false", "không", "khong", "0"}


def as_decimal(value: object, *, item: str | None = None, field: str | None = None) -> Decimal:
    """Convert a number (int, str, Decimal; float through its shortest repr) to Decimal."""
    if isinstance(value, bool):
        raise ValidationError("expected a number, got a yes/no answer", item=item, field=field)
    if isinstance(value, Decimal):
        out = value
    elif isinstance(value, int | str):
        try:
            out = Decimal(str(value).strip())
        except InvalidOperation as exc:
            raise ValidationError(f"not a number: {value!r}", item=item, field=field) from exc
    elif isinstance(value, float):
        out = Decimal(repr(value))
    else:
        raise ValidationError(f"not a number: {value!r}", item=item, field=field)
    if not out.is_finite():
        raise ValidationError(f"not a finite number: {value!r}", item=item, field=field)
    return out


def as_count(value: object, *, item: str | None = None, field: str | None = None) -> int:
    """A whole number ≥ 0 (a count: late reports, dossiers...); bools and fractions refused."""
    number = as_decimal(value, item=item, field=field)
    if number != number.to_integral_value():
        raise ValidationError(
            f"a count must be a whole number, got {value!r}", item=item, field=field
        )
    if number < 0:
        raise ValidationError(
            f"a count must not be negative, got {value!r}", item=item, field=field
        )
    return int(number)


def as_year(value: object, *, field: str = "year") -> int:
    """A year as an ``int`` (not a bool, float or text: ``2019.5`` or ``'2019'`` is refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"a year must be a whole number (int), got {value!r}", field=field)
    return value


_HUNDRED = Decimal(100)


def check_input(item: Item, value: object, *, field: str = "value") -> Decimal | bool:
    """``value`` checked against the item's unit (:meth:`Item.input_unit`).

    Returns the bool of a yes/no item, else the number as a Decimal.

    Raises:
        ValidationError: the value is off its unit's range, naming the item and field.
    """
    if isinstance(item.rule, YesNoRule):
        return _as_bool(value, item.id, field)
    unit = item.input_unit()
    if unit is InputUnit.COUNT:
        return Decimal(as_count(value, item=item.id, field=field))
    number = as_decimal(value, item=item.id, field=field)
    if unit is InputUnit.PERCENT and not 0 <= number <= _HUNDRED:
        raise ValidationError(f"{value} % outside 0..100", item=item.id, field=field)
    if unit is InputUnit.POINTS and not 0 <= number <= item.max_points:
        raise ValidationError(
            f"points {number} outside 0..{item.max_points} (điểm tối đa)", item=item.id, field=field
        )
    if number < 0:
        raise ValidationError(f"negative value {number}", item=item.id, field=field)
    return number


def _as_bool(value: object, item: str, field: str | None = None) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(f"expected yes/no (có/không), got {value!r}", item=item, field=field)


def rule_points(item: Item, value: object, *, field: str = "value") -> Decimal:
    """Exact points of a leaf ``item`` for ``value``.

    Raises:
        ValidationError: the value does not fit the item's unit or rule (a rate over 100 %,
            a fractional or negative count, direct points over the maximum, text where a number
            is expected...), naming the item and field.
    """
    rule = item.rule
    if rule is None:
        raise ValidationError("item has no scoring rule", item=item.id)
    checked = check_input(item, value, field=field)
    if isinstance(rule, YesNoRule):
        yes = rule.points_yes if rule.points_yes is not None else item.max_points
        return yes if checked else rule.points_no
    number = Decimal(checked)
    if isinstance(rule, DirectRule):
        return number
    if isinstance(rule, BandsRule):
        for band in rule.bands:
            if band.contains(number):
                return band.points
        return rule.otherwise
    if isinstance(rule, ProportionalRule):
        if rule.zero_below is not None and number < rule.zero_below:
            return Decimal(0)
        if number >= rule.full_marks_at:
            return item.max_points
        return item.max_points * number / rule.full_marks_at
    return max(rule.floor, item.max_points - rule.per_unit * number)
