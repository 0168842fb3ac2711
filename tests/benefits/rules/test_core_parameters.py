"""Dated parameters: every supported month is parametrised, no revaluation is missed, every value cites
its source, and the parameters' digest follows their content."""

import shutil
from datetime import date

import pytest

from benefits.rules import SUPPORTED_MONTHS, parameters_version
from benefits.rules import params as params_module
from benefits.rules.params import CALENDARS, DatedValue, Parameter, all_parameters, parameters_at

LAST_SUPPORTED_DAY = date(2026, 12, 31)
# Month and day of each revaluation calendar (architecture.md, law-facts.md § 0).
CALENDAR_DATES = {"january": (1, 1), "april": (4, 1), "october": (10, 1)}


def last_due_revaluation(calendar: str, until: date = LAST_SUPPORTED_DAY) -> date | None:
    """The last date, up to the end of the supported range, at which a parameter of this calendar must
    have been revalued (or explicitly confirmed unchanged)."""
    if calendar not in CALENDAR_DATES:
        return None
    month, day = CALENDAR_DATES[calendar]
    due = date(until.year, month, day)
    return due if due <= until else date(until.year - 1, month, day)


def missed_revaluations(parameters) -> list[str]:
    problems = []
    for parameter in parameters:
        due = last_due_revaluation(parameter.revaluation)
        if due is not None and parameter.values[-1].start < due:
            problems.append(
                f"{parameter.key}: last value {parameter.values[-1].start} but a {parameter.revaluation} "
                f"revaluation is due on {due} (add the new value, or the same value with its source)"
            )
    return problems


def test_every_parameter_has_a_known_calendar_and_values_in_date_order():
    for parameter in all_parameters().values():
        assert parameter.revaluation in CALENDARS, parameter.key
        assert parameter.values, parameter.key
        starts = [value.start for value in parameter.values]
        assert starts == sorted(starts), parameter.key


def test_no_revaluation_is_missed_over_the_supported_months():
    assert missed_revaluations(all_parameters().values()) == []


def test_the_calendar_check_catches_a_missed_april_revaluation():
    # A parameter revalued each April whose 2026 value was forgotten must be reported.
    forgotten = Parameter(
        key="example.montant",
        description="",
        unit="EUR",
        revaluation="april",
        values=(DatedValue(date(2025, 4, 1), 100.0, "décret"),),
    )
    unchanged = Parameter(
        key="example.taux",
        description="",
        unit="ratio",
        revaluation="april",
        values=(DatedValue(date(2025, 4, 1), 0.5, "décret"), DatedValue(date(2026, 4, 1), 0.5, "inchangé")),
    )
    fixed = Parameter(
        key="example.age", description="", unit="years", revaluation="none", values=forgotten.values
    )
    assert [p.split(":")[0] for p in missed_revaluations([forgotten, unchanged, fixed])] == [
        "example.montant"
    ]
    assert last_due_revaluation("october", date(2026, 6, 30)) == date(2025, 10, 1)


def test_every_value_cites_its_legal_source():
    for parameter in all_parameters().values():
        assert parameter.description.strip(), f"{parameter.key} has no description"
        for value in parameter.values:
            assert value.source.strip(), f"{parameter.key} value of {value.start} has no source"


@pytest.mark.parametrize("month", SUPPORTED_MONTHS)
def test_every_supported_month_resolves_the_parameters_in_force(month):
    day = date(int(month[:4]), int(month[5:7]), 1)
    resolved = parameters_at(day)
    assert resolved is parameters_at(day), "parameters_at must be cached"
    for parameter in all_parameters().values():
        if parameter.values[0].start <= day:
            assert parameter.at(day).start <= day


def test_values_change_on_their_effective_date():
    # BMAF 474.37 from 2025-04-01, 478.16 from 2026-04-01 (law-facts.md § 0).
    assert parameters_at(date(2026, 3, 1)).bmaf == pytest.approx(474.37)
    assert parameters_at(date(2026, 4, 1)).bmaf == pytest.approx(478.16)
    # SMIC 12.02 € from 2026-01-01, 12.31 € from 2026-06-01 (law-facts.md § 0).
    assert parameters_at(date(2026, 5, 1)).smic_horaire_brut == pytest.approx(12.02)
    assert parameters_at(date(2026, 6, 1)).smic_horaire_brut == pytest.approx(12.31)


def test_parameters_version_is_stable_and_follows_the_content(tmp_path, monkeypatch):
    assert parameters_version() == parameters_version()
    copy = tmp_path / "parameters"
    shutil.copytree(params_module.PARAMETERS_DIR, copy)
    monkeypatch.setattr(params_module, "PARAMETERS_DIR", copy)
    digest = params_module.parameters_version.__wrapped__
    assert digest() == parameters_version()
    bmaf = copy / "bmaf.yaml"
    bmaf.write_text(bmaf.read_text().replace("478.16", "478.17"))
    assert digest() != parameters_version()


def test_a_parameter_without_revaluation_says_why():
    # "revaluation: none" must come with a comment explaining why the value does not move (a rate set by
    # decree, an age set by law, an amount set at irregular dates...), so that a forgotten revaluation
    # cannot hide behind it.
    missing = []
    for path in sorted(params_module.PARAMETERS_DIR.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "\nrevaluation: none" in f"\n{text}" and not text.lstrip().startswith("#"):
            missing.append(str(path.relative_to(params_module.PARAMETERS_DIR)))
    assert missing == []
