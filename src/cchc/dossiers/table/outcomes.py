"""The ``outcome`` column of the flat format: how a finished dossier ended.

The flat format has one ``finished_at`` column; ``outcome`` says which finishing event it
is (:data:`~cchc.dossiers.events.OUTCOME_CODES`, the kinds of
:data:`~cchc.dossiers.events.FINISHING_KINDS`): ``decided``, ``returned``, ``refused`` or
``withdrawn`` (also written ``stopped``: dừng thực hiện thủ tục hành chính at the
applicant's request, ND 118/2025 Art 21), or the codes 0-3. An empty value (or no column)
is not recorded: the row finishes as before (decided, or refused while a supplement or a
payment is pending). A stopped dossier is counted apart from early / on time / late
(timeliness code :data:`~cchc.dossiers.timeliness.STOPPED`, registry ``CONV-STOP-APART``),
as :attr:`Deadline.stopped <cchc.dossiers.Deadline.stopped>` is for one dossier.

The vocabulary is closed: an unknown name or code is a bad row (row and field
``outcome``), and so is an outcome without ``finished_at`` or a decision while a
supplement or a payment notice is pending (the lifecycle rules ``LC-DECIDED-COMPLETE`` and
``LC-ONE-PAYMENT`` of :mod:`cchc.dossiers.lifecycle`, which a :class:`~cchc.dossiers.Dossier`
with the same events breaks).
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from cchc.errors import LifecycleError

from ..batch import NAT
from ..events import OUTCOME_ALIASES, OUTCOME_CODES, EventKind
from .checks import Errors, errs_mask
from .columns import _WHOLE_RE, name_index

__all__ = ["DECIDED_CODE", "NO_OUTCOME", "WITHDRAWN_CODE", "outcome_codes"]

NO_OUTCOME = -1
"""The code of a row whose outcome is not recorded."""
DECIDED_CODE = OUTCOME_CODES[EventKind.DECIDED.value]
WITHDRAWN_CODE = OUTCOME_CODES[EventKind.WITHDRAWN.value]
_ACCEPTED = {
    **OUTCOME_CODES,
    **{alias: OUTCOME_CODES[name] for alias, name in OUTCOME_ALIASES.items()},
    **{str(code): code for code in OUTCOME_CODES.values()},  # codes written as text (CSV)
    "": NO_OUTCOME,
}
_NAMES = list(_ACCEPTED)
_LUT = np.array(list(_ACCEPTED.values()), dtype=np.int8)
# the last entry ("") is "not recorded", and so is index -1 (a name not found) in _LUT
_TOP = max(OUTCOME_CODES.values())
_KNOWN = ", ".join([*OUTCOME_CODES, *OUTCOME_ALIASES])


def outcome_codes(
    values: Any, n: int, times: Mapping[str, npt.NDArray[Any]], errs: Errors
) -> npt.NDArray[np.int8]:
    """The ``outcome`` column as codes (-1: not recorded), its bad rows added to ``errs``.

    Names (stripped, NFC; each distinct text looked up once) or codes 0-3 (numbers or
    text);
    ``times``: the validated time columns (UTC ``datetime64``) of the same rows.
    """
    dtype = getattr(values, "dtype", None)
    if dtype is None:  # a list: numbers stay numbers, anything else is read as text
        values = np.asarray(values)
        if values.dtype.kind not in "iuf":
            values = values.astype(object)
        dtype = values.dtype
    if not isinstance(dtype, pd.CategoricalDtype) and dtype.kind in "iuf":
        x = pd.Series(values).to_numpy(dtype=np.float64, na_value=np.nan)
        missing = np.isnan(x)
        ok = ~missing & (x == np.floor(x)) & (x >= 0) & (x <= _TOP)
        errs.add(~missing & ~ok, "outcome", f"unknown outcome code; use 0..{_TOP}")
        codes: npt.NDArray[np.int8] = np.where(ok, x, NO_OUTCOME).astype(np.int8)
    else:
        index = name_index(values, _NAMES, n)
        codes = _LUT[index]
        rows = np.flatnonzero(index < 0)
        if rows.size:  # missing values (None, NaN) are "not recorded", other texts bad
            rest = pd.Series(values, copy=False).iloc[rows]
            given = ~rest.isna().to_numpy()
            rows = rows[given]
            written = _written_codes(rest.to_numpy(dtype=object)[given])
            codes[rows] = np.where(written == NO_OUTCOME, codes[rows], written)
            bad = np.zeros(n, dtype=bool)
            bad[rows[written == NO_OUTCOME]] = True
            errs.add(
                bad, "outcome", f"unknown outcome; use one of {_KNOWN}, a code 0..{_TOP} or empty"
            )
    _check(codes, times, errs)
    return codes


def _written_codes(values: npt.NDArray[Any]) -> npt.NDArray[np.int8]:
    """Codes among values that are not names: numbers in a column of mixed values (JSON
    lines with ``3`` beside ``"withdrawn"``) and whole numbers as text (``"3.0"``, as pandas
    writes a float column to CSV); -1 for any other value (each distinct value read once)."""
    index, uniques = pd.factorize(values, use_na_sentinel=True)
    table = np.array([*map(_written_code, uniques), NO_OUTCOME], dtype=np.int8)
    out: npt.NDArray[np.int8] = table[index]
    return out


def _written_code(value: object) -> int:
    """The code ``value`` writes (a number or whole-number text 0..3), else -1; a yes/no
    value is not a code."""
    if isinstance(value, bool | np.bool_):
        return NO_OUTCOME
    if isinstance(value, numbers.Real):
        number = float(value)
        whole = number.is_integer()
    else:
        match = re.fullmatch(_WHOLE_RE, value.strip()) if isinstance(value, str) else None
        number, whole = (float(match[1]), True) if match else (-1.0, False)
    return int(number) if whole and 0 <= number <= _TOP else NO_OUTCOME


def _check(
    codes: npt.NDArray[np.int8], times: Mapping[str, npt.NDArray[Any]], errs: Errors
) -> None:
    """An outcome needs the finish; a decision needs no pending supplement or payment."""
    ints = {k: v.view(np.int64) for k, v in times.items()}
    fin = ints["finished_at"]
    unfinished = (codes != NO_OUTCOME) & (fin == NAT)
    errs.add(
        unfinished & ~errs_mask(errs, "finished_at", len(codes)),
        "outcome",
        "an outcome needs finished_at (the moment the dossier ended)",
    )
    decided = codes == DECIDED_CODE
    for ask, answer, rule in (
        ("supplement_requested_at", "supplement_received_at", "LC-DECIDED-COMPLETE"),
        ("payment_requested_at", "payment_done_at", "LC-ONE-PAYMENT"),
    ):
        pending = decided & (ints[ask] != NAT) & (ints[answer] == NAT)
        what = "a supplement" if ask.startswith("supplement") else "a payment notice"
        errs.add(
            pending,
            "outcome",
            f"decided while {what} is pending ({rule}): a dossier awaiting the applicant "
            "can only be refused, withdrawn or returned",
            LifecycleError,
        )
