"""Dated legal parameters: one YAML file per parameter under parameters/, values keyed by effective date.

`parameters_at(day)` resolves every parameter in force on `day` once, into plain floats on a small
attribute tree (P.af.taux_deuxieme_enfant), and caches it: the rules never parse YAML while computing.
The tree's classes (parameter_tree.py) are generated from the files' names by bin/generate-parameter-tree,
so that the compiled rules read typed fields.
"""

import hashlib
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from benefits.rules.parameter_tree import GROUPS, Parameters

PARAMETERS_DIR = Path(__file__).resolve().parent / "parameters"
CALENDARS = ("january", "april", "october", "none")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class DatedValue:
    start: date
    value: float
    source: str


@dataclass(frozen=True, slots=True)
class Parameter:
    key: str
    description: str
    unit: str
    revaluation: str
    values: tuple[DatedValue, ...]

    def at(self, day: date) -> DatedValue:
        starts = [v.start for v in self.values]
        position = bisect_right(starts, day) - 1
        if position < 0:
            raise LookupError(f"parameter {self.key} has no value on {day}")
        return self.values[position]


def _load_file(path: Path) -> Parameter:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    key = ".".join(path.relative_to(PARAMETERS_DIR).with_suffix("").parts)
    values = []
    for start, entry in sorted(raw["values"].items(), key=lambda item: str(item[0])):
        start = start if isinstance(start, date) else date.fromisoformat(str(start))
        values.append(DatedValue(start, float(entry["value"]), str(entry.get("source", "")).strip()))
    revaluation = raw.get("revaluation", "none")
    if revaluation not in CALENDARS:
        raise ValueError(f"{path}: unknown revaluation calendar {revaluation!r}")
    return Parameter(key, raw.get("description", ""), raw.get("unit", ""), revaluation, tuple(values))


@cache
def all_parameters() -> dict[str, Parameter]:
    return {p.key: p for p in map(_load_file, sorted(PARAMETERS_DIR.rglob("*.yaml")))}


@cache
def parameters_version() -> str:
    """A digest of every parameter file: it changes whenever a value or a source changes."""
    digest = hashlib.sha256()
    for path in sorted(PARAMETERS_DIR.rglob("*.yaml")):
        digest.update(str(path.relative_to(PARAMETERS_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _tree(flat: dict[str, float]) -> Parameters:
    """The typed tree of parameter_tree.py holding `flat`'s values; every folder has its object, a
    parameter absent from `flat` stays unset."""
    groups = {path: kind() for path, kind in GROUPS.items()}
    for path, group in groups.items():
        if path:
            parent, _, name = path.rpartition(".")
            setattr(groups[parent], name, group)
    for key, value in flat.items():
        parent, _, name = key.rpartition(".")
        setattr(groups[parent], name, value)
    return groups[""]


@cache
def parameters_at(day: date) -> Parameters:
    """All parameters in force on `day` (values that start later are ignored; a parameter not yet
    defined on that day is left unset: reading it raises AttributeError)."""
    flat = {}
    for key, parameter in all_parameters().items():
        if parameter.values[0].start <= day:
            flat[key] = parameter.at(day).value
    return _tree(flat)


def source_of(key: str, day: date) -> str:
    return all_parameters()[key].at(day).source


@cache
def first_month_with(*prefixes: str) -> int:
    """The first month index on whose first day every parameter under `prefixes` ("aah", "asi") has a
    value: the rules that look back in time (AAH ↔ ASI) stop there instead of reading a month whose
    parameters are not loaded."""
    starts = [
        p.values[0].start
        for key, p in all_parameters().items()
        if any(key == prefix or key.startswith(prefix + ".") for prefix in prefixes)
    ]
    latest = max(starts)
    return latest.year * 12 + latest.month - 1 + (latest.day > 1)
