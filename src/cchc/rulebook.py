"""The law in force on a date (quy định hiện hành): every dated rule, with its sources.

:func:`rules_in_force` asks each domain's dated rule table (all built on
:class:`cchc.legal.RuleVersion` / :func:`cchc.legal.in_force`) which version
applies on a date and returns one :class:`RuleInForce` per rule: its domain, a
name, a short value and the registry sources it rests on. :func:`diff` lists
what changed between two dates.

This module sits **above** the domain packages on purpose: :mod:`cchc.legal`
is imported by every domain, so it cannot import them back without an import
cycle. The registry and the dated mechanism live in :mod:`cchc.legal`; the
collector that reads every domain's rules lives here.

    >>> from datetime import date, timedelta
    >>> rules = {r.name: r.value for r in rules_in_force(date(2025, 7, 1), domain="dossiers")}
    >>> rules["one_stop_rules"]
    'ND118/2025: supplement restarts the clock; lapse 15 days; online check 8 working hours'
    >>> [(c.name, c.after) for c in diff(date(2026, 8, 4), date(2026, 8, 5))][0][1][:24]
    'ND118/2025+309/2026: sup'
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import attrs

from cchc.dossiers import lifecycle
from cchc.dossiers import one_stop_rules as one_stop
from cchc.errors import RuleNotInForceError, ValidationError
from cchc.indices import par_index, pci, sipas
from cchc.l10n import vn_date
from cchc.legal import LegalSource, source
from cchc.plans.programmes import programmes
from cchc.procedures import online_levels
from cchc.procedures.fees import fee_reductions
from cchc.reporting_periods import regimes
from cchc.units.communes import communes
from cchc.units.provinces import provinces

__all__ = ["DOMAINS", "RuleChange", "RuleInForce", "diff", "rules_in_force"]


@attrs.frozen
class RuleInForce:
    """One rule as it stands on a date."""

    domain: str
    """The package the rule belongs to (``dossiers``, ``calendar``...)."""
    name: str
    """A stable name of the rule within its domain."""
    value: str
    """A short human reading of the version in force."""
    sources: tuple[LegalSource, ...]
    """The registry sources the version rests on."""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form (sources as key, citation and reading status)."""
        return {
            "domain": self.domain,
            "name": self.name,
            "value": self.value,
            "sources": [s.ref() for s in self.sources],
        }


@attrs.frozen
class RuleChange:
    """A rule whose value differs between two dates (``None``: not in force then)."""

    domain: str
    name: str
    before: str | None
    after: str | None


def _in_force_sources(keys: tuple[str, ...], on: date) -> tuple[LegalSource, ...]:
    return tuple(s for s in (source(k) for k in keys) if s.in_force_on(on))


_SourcedRule = tuple[str, str, tuple[str, ...], Callable[[tuple[LegalSource, ...]], str]]
"""Domain, name, registry keys of the sources, and the value read from those in force."""

_CALENDAR_RULES: tuple[_SourcedRule, ...] = (
    ("calendar", "weekly_rest", ("QD188-1999",), lambda _: "Saturday and Sunday"),
    (
        "calendar",
        "public_holidays",
        ("BLLD2012", "BLLD2019"),
        lambda labour: f"{'11' if labour[-1].key == 'BLLD2019' else '10'} days a year",
    ),
)
_DOCUMENT_RULES: tuple[_SourcedRule, ...] = (
    ("documents", "document_types", ("ND30-2020",), lambda _: "29 administrative types"),
    ("documents", "normative_types", ("LUAT80-2015", "LUAT64-2025"), lambda law: law[-1].number),
)


def _when_in_force(rules: tuple[_SourcedRule, ...], on: date) -> Iterator[RuleInForce]:
    """Each rule whose sources are in force on ``on``, valued from them; none without."""
    for domain, name, keys, value in rules:
        sources = _in_force_sources(keys, on)
        if sources:
            yield RuleInForce(domain, name, value(sources), sources)


_AMENDED_DECREE = {"ND309-2026": "ND118-2025"}
"""A version set by an amending decree also rests on the decree it amends."""

_UNENCODED_AMENDMENTS: dict[str, tuple[str, ...]] = {
    "ND61-2018": ("ND107-2021",),
    "ND118-2025": ("ND367-2025",),
    "ND309-2026": ("ND367-2025",),
}
"""Amendments of a one-stop decree whose text was not found (see their registry notes)."""


_CONVENTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "receipt_default",
        "received outside office hours: the clock starts at the next opening",
        "CONV-NEXT-OPENING",
    ),
    (
        "office_hours",
        "07:00-11:30 and 13:30-17:00 unless the agency sets its own",
        "CONV-OFFICE-HOURS",
    ),
    (
        "portal_766_waiting",
        "policy portal_766 subtracts the supplement waiting time",
        "CONV-766-WAITING",
    ),
)
"""Documented conventions of the dossier engine that no legal text states (always apply)."""


def _dossiers(on: date) -> Iterator[RuleInForce]:
    for name, text, key in _CONVENTIONS:
        yield RuleInForce("dossiers", name, text, (source(key),))
    try:
        version = one_stop.one_stop_rules_in_force(on)
    except RuleNotInForceError:
        return
    r = version.value
    lapse = f"lapse {r.supplement_lapse_days} days" if r.supplement_lapse_days else "no lapse"
    online = (
        f"online check {r.online_check_working_hours} working hours"
        if r.online_check_working_hours
        else "no online check deadline"
    )
    restart = "restarts" if r.supplement_restarts_clock else "pauses"
    value = f"{r.name}: supplement {restart} the clock; {lapse}; {online}"
    amendments = tuple(
        s
        for s in _in_force_sources(_UNENCODED_AMENDMENTS.get(version.source_key or "", ()), on)
        if s.signed_on is None or s.signed_on <= on
    )
    if amendments:
        numbers = ", ".join(s.number for s in amendments)
        value = f"{value} (amended by {numbers}: changes not encoded, text not read)"
    base = _AMENDED_DECREE.get(version.source_key or "")
    cited = (source(base), version.source) if base else (version.source,)
    yield RuleInForce("dossiers", "one_stop_rules", value, (*cited, *amendments))
    for order in lifecycle.order_rules():  # the event-order rules, with the one-stop rules
        in_force = tuple(s for s in order.sources if s.in_force_on(on))
        if in_force:
            yield RuleInForce("dossiers", f"lifecycle {order.code}", order.en, in_force)


def _calendar(on: date) -> Iterator[RuleInForce]:
    yield from _when_in_force(_CALENDAR_RULES, on)
    culture = _in_force_sources(("NQ28-2026",), on)
    if culture:
        yield RuleInForce("calendar", "culture_day", "24/11 is a day off", culture)
    rollforward = _in_force_sources(("BLDS2015-148",), on)
    if rollforward:
        text = "a period ending on a day off ends on the next working day"
        yield RuleInForce("calendar", "rollforward", text, rollforward)


def _reporting(on: date) -> Iterator[RuleInForce]:
    for reg in regimes():
        if reg.version().in_force_on(on):
            rule = reg.deadline
            due = (
                f"day {rule.day_of_end_month} of the last month"
                if rule.day_of_end_month is not None
                else f"{rule.working_days_after_end} working day(s) after the window"
            )
            value = f"{', '.join(reg.kinds())}; due {due}"
            yield RuleInForce("reporting", f"regime:{reg.key}", value, (reg.source,))


def _plans(on: date) -> Iterator[RuleInForce]:
    for prog in programmes():
        version = prog.version()
        if version.in_force_on(on):
            value = f"{prog.number} {prog.first_year}-{prog.last_year}, {len(prog.areas)} areas"
            yield RuleInForce("plans", "master_programme", value, (prog.source,))


def _indices(on: date) -> Iterator[RuleInForce]:
    # A year no version covers simply has no rule of that index (RuleNotInForceError).
    with contextlib.suppress(RuleNotInForceError):
        par = par_index.version_in_force(on.year)
        yield RuleInForce("indices", "par_index", par.number, (source(par.source),))
    with contextlib.suppress(RuleNotInForceError):
        sip = sipas.version_in_force(on.year)
        yield RuleInForce("indices", "sipas", sip.source.number, (sip.source,))
    with contextlib.suppress(RuleNotInForceError):
        weights = pci.framework_in_force(on.year)
        main = weights.dated()
        if main is not None:
            yield RuleInForce("indices", "pci_weights", weights.id, (main.source,))
    tt01 = _in_force_sources(("TT01-2018",), on)
    if tt01:
        yield RuleInForce("indices", "tt01_scoring", "9 indices of 0-2 points", tt01)


def _units(on: date) -> Iterator[RuleInForce]:
    try:
        count = len(provinces(on))
    except RuleNotInForceError:
        return
    keys = ("NQ15-2008", "NQ175-2024", "NQ202-2025", "NQ30-2026")
    yield RuleInForce(
        "units", "provinces", f"{count} provincial units", _in_force_sources(keys, on)
    )
    with contextlib.suppress(RuleNotInForceError):
        n = len(communes(on))
        law = ("LUAT72-2025", "CV1027-2025-CTK", "QD19-2025-TTG", "ND150-2025")
        cited = tuple(source(k) for k in law)
        yield RuleInForce("units", "communes", f"{n} commune-level units, no district level", cited)


def _procedures(on: date) -> Iterator[RuleInForce]:
    with contextlib.suppress(RuleNotInForceError):
        regime = online_levels.regime_on(on)
        levels = f"{', '.join(level.value for level in regime.levels)} ({regime.source.number})"
        if regime.partial_needs_justification:
            levels += "; một phần must be justified on the national portal"
        cited = (regime.source,) + (
            (source(regime.convention_key),) if regime.convention_key else ()
        )
        yield RuleInForce("procedures", "online_service_levels", levels, cited)
    for reduction in fee_reductions().values():
        if reduction.in_force_on(on):
            last = reduction.effective_to - timedelta(days=1)
            yield RuleInForce(
                "procedures",
                "fees_halved" if reduction.percent_due == 50 else "fees_reduced",
                f"fees and charges collected at {reduction.percent_due} % of the tariff "
                f"({vn_date(reduction.effective_from)}-{vn_date(last)}) for a fee whose record "
                f"names {reduction.key} (procedures.amount_due, Dossier.fees)",
                (reduction.legal_source(),),
            )
    for domain, name, keys, value in _NOT_ENCODED:
        signed = tuple(s for s in _in_force_sources(keys, on) if s.signed_on and s.signed_on <= on)
        if signed:
            yield RuleInForce(domain, name, value(signed), signed)


_NOT_ENCODED: tuple[_SourcedRule, ...] = (
    (
        "procedures",
        "digitisation",
        ("TT01-2023-VPCP",),
        lambda _: "digitisation of dossiers and results; text not read, not encoded",
    ),
    (
        "procedures",
        "electronic_procedures",
        ("ND45-2020", "ND310-2026"),
        lambda law: (
            "online receipt on the national portal; text not read, not encoded"
            + (" (portal notifies the moment of receipt, ND 310/2026)" if len(law) > 1 else "")
        ),
    ),
    (
        "procedures",
        "portal_data_sharing",
        ("TT04-2025-VPCP",),
        lambda _: "data shared between the national portal and TTHC systems; not encoded",
    ),
)
"""Law in force that cchc does not apply yet (texts not read or models pending): listed so that
the rule book says what it leaves out. A text with no effective date is listed from signing."""


def _documents(on: date) -> Iterator[RuleInForce]:
    yield from _when_in_force(_DOCUMENT_RULES, on)


DOMAINS: dict[str, Callable[[date], Iterator[RuleInForce]]] = {
    "calendar": _calendar,
    "dossiers": _dossiers,
    "documents": _documents,
    "plans": _plans,
    "reporting": _reporting,
    "indices": _indices,
    "units": _units,
    "procedures": _procedures,
}
"""Each domain's collector of the rules in force on a date."""


def rules_in_force(on: date, *, domain: str | None = None) -> tuple[RuleInForce, ...]:
    """Every rule in force on ``on`` (optionally of one domain), in domain order.

    Raises:
        ValidationError: ``domain`` is not one of :data:`DOMAINS`.
    """
    if domain is not None and domain not in DOMAINS:
        raise ValidationError(
            f"unknown domain {domain!r} (known: {', '.join(DOMAINS)})", field="domain"
        )
    names = [domain] if domain is not None else list(DOMAINS)
    return tuple(rule for name in names for rule in DOMAINS[name](on))


def diff(before: date, after: date, *, domain: str | None = None) -> tuple[RuleChange, ...]:
    """The rules whose value differs between ``before`` and ``after``."""
    old = {(r.domain, r.name): r.value for r in rules_in_force(before, domain=domain)}
    new = {(r.domain, r.name): r.value for r in rules_in_force(after, domain=domain)}
    keys = list(old) + [k for k in new if k not in old]
    return tuple(
        RuleChange(k[0], k[1], old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)
    )
