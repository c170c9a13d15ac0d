"""Periods of time under the Civil Code (thời hạn, Bộ luật Dân sự 2015).

Bộ luật Dân sự 2015 (91/2015/QH13, in force 1/1/2017) sets how a period is counted
unless another law says otherwise (Điều 145 khoản 1):

- **Điều 147 khoản 2**: a period in days does not count its first day; it starts
  on the next day;
- **Điều 148 khoản 5**: when the last day of a period is a weekly rest day or a
  holiday, the period ends at the end of the next working day.

cchc applies Điều 148 khoản 5 to plan task due dates, report deadlines and
calendar-day deadlines in directives (each a documented choice where the
governing text is silent), and the dossier engine offers it as the
``civil_code`` policy. Both articles were read in secondary copies (the
Pháp điển mirror and law-firm pages). They are the registry rows
``BLDS2015-147`` and ``BLDS2015-148`` (:func:`cchc.legal.source`); the names
below are lazy aliases kept for older imports.

    >>> from cchc.civil_code import BLDS_2015_148
    >>> BLDS_2015_148.cite()
    'Bộ luật 91/2015/QH13 (Quốc hội, 24/11/2015), Điều 148 khoản 5'
"""

from __future__ import annotations

from cchc.legal import source_aliases

__all__: list[str] = []

__getattr__ = source_aliases(
    __name__, {"BLDS_2015_147": "BLDS2015-147", "BLDS_2015_148": "BLDS2015-148"}
)
"""``BLDS_2015_147``: a period in days starts the day after the event (first day not
counted); ``BLDS_2015_148``: a period ending on a day off ends at the end of the next
working day. Both resolved from the registry on access."""
