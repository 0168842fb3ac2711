"""Bilingual text: the core speaks French first and carries the English translation with it.

The core must not import Django, so it cannot use gettext; each label is written in both languages
where it is defined, and the web layer picks one with `Text.get(language)`.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    fr: str
    en: str

    def get(self, language: str | None) -> str:
        return self.en if (language or "fr").startswith("en") else self.fr

    def format(self, **values) -> "Text":
        return Text(self.fr.format(**values), self.en.format(**values))

    def __str__(self) -> str:
        return self.fr

    def as_dict(self) -> dict:
        return {"fr": self.fr, "en": self.en}


# The rules write their explanation lines with Python's formats ("{amount:.2f} €", "{rate:.4%}",
# "{n} personne(s)", "Mois 2026-09"), the same for both languages. French readers expect French
# typography ("1 148,90 €", "2,685 %", "3 personnes", "septembre 2026"): `Trace` rewrites the French
# line with `french_typography` when it records a step, so the batch path (explain off) never pays
# for it. No-break spaces (U+00A0) as in the simulator's `formatting.euros`, so "1 148,90 €" never wraps.
NBSP = "\u00a0"
MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
_MONTH = re.compile(r"\b(?:(Mois) )?(20[0-9]{2})-(0[1-9]|1[0-2])\b")
_PERCENT = re.compile(r"(?<![\w.,])(-?[0-9]+)(?:[.,]([0-9]+))? ?%")
_EUROS = re.compile(r"(?<![\w.,])(-?[0-9]+)(?:[.,]([0-9]+))? ?€")
_DECIMAL = re.compile(r"(?<![\w.,])([0-9]+)\.([0-9]+)\b")
_PLURAL = re.compile(r"(?<![\w.,])([0-9]+) (\w+)\(s\)")


def _thousands(units: str) -> str:
    sign, digits = ("-", units[1:]) if units.startswith("-") else ("", units)
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + NBSP.join(groups)


def _percent(match: re.Match) -> str:
    decimals = (match[2] or "").rstrip("0")  # "2.6850%" is a rate of 2,685 %: the zeros carry nothing
    return f"{match[1]},{decimals}{NBSP}%" if decimals else f"{match[1]}{NBSP}%"


def _euros(match: re.Match) -> str:
    cents = f",{match[2]}" if match[2] else ""  # amounts keep the decimals the rule chose to show
    return f"{_thousands(match[1])}{cents}{NBSP}€"


def _month(match: re.Match) -> str:
    name = f"{MONTHS_FR[int(match[3]) - 1]} {match[2]}"
    return name.capitalize() if match[1] else name  # "Mois 2026-09 : …" → "Septembre 2026 : …"


def _plural(match: re.Match) -> str:
    count, word = match[1], match[2]
    return f"{count} {word}" if int(count) < 2 else f"{count} {word}s"  # French: "0 enfant", "1 enfant"


_TYPOGRAPHY: dict[str, str] = {}  # label → French label; the same lines recur from household to household
TYPOGRAPHY_MEMO_SIZE = 4096


def french_typography(label: str) -> str:
    """ "Loyer de 1148.90 €, taux 2.6850%, 3 personne(s), Mois 2026-09" → French typography."""
    done = _TYPOGRAPHY.get(label)
    if done is None:
        done = _french_typography(label)
        if len(_TYPOGRAPHY) < TYPOGRAPHY_MEMO_SIZE:  # bounded, like explain.money's memo
            _TYPOGRAPHY[label] = done
    return done


def _french_typography(label: str) -> str:
    # Each pattern needs its own character: a label without it is left alone without running the pattern.
    if "-" in label:
        label = _MONTH.sub(_month, label)
    if "%" in label:
        label = _PERCENT.sub(_percent, label)
    if "€" in label:
        label = _EUROS.sub(_euros, label)
    if "." in label:
        label = _DECIMAL.sub(r"\1,\2", label)
    if "(s)" in label:
        label = _PLURAL.sub(_plural, label)
    return label
