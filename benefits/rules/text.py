"""Bilingual text: the core speaks French first and carries the English translation with it.

The core must not import Django, so it cannot use gettext; each label is written in both languages
where it is defined, and the web layer picks one with `Text.get(language)`.
"""

import re
from dataclasses import dataclass

from benefits.rules.core_build import CORE


@dataclass(frozen=True, slots=True)
class Text:
    fr: str
    en: str

    # The __init__ the dataclass would write, written out: compiled, it stores the fields directly
    # instead of running the dataclass's interpreted one (issue 16, fourth pass; the same in Python).
    def __init__(self, fr: str, en: str) -> None:
        object.__setattr__(self, "fr", fr)
        object.__setattr__(self, "en", en)

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

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def english_month(index: int) -> str:
    """Month index (year * 12 + month - 1) → "September 2026": the English line's month, written by the
    rule (the French one is rewritten from "2026-09" by `french_typography`)."""
    return f"{MONTHS_EN[index % 12]} {index // 12}"


def french_month(index: int, article: bool = False) -> str:
    """ "septembre 2026"; with `article`, "de septembre 2026" or, before a vowel, "d’août 2026"."""
    name = f"{MONTHS_FR[index % 12]} {index // 12}"
    if not article:
        return name
    return ("d’" if name[0] in "aeiouéo" else "de ") + name


def english_count(count: int, singular: str, plural: str) -> str:
    """ "1 dependant", "0 dependants", "2 people": English plurals (the French line writes "(s)", which
    `french_typography` makes singular under 2, as French counts)."""
    return f"{count} {singular if count == 1 else plural}"


# The five rewrites, applied in this order, each to the line the one before produced, are the regular
# expressions below. The pure-Python core runs them (`_substituted`); the compiled core runs the same
# rewrites as one left-to-right scan each (`_scanned`), without the regex engine and its Python
# callbacks, 5 times cheaper there (issue 16, fourth pass); interpreted, the scans would be the slower.
# tests/benefits/rules/test_french_typography.py checks that both give the same line.
#   months     → "septembre 2026" ("Septembre 2026" after "Mois")
#   percents   → "2,685 %" (trailing zeros of the decimals dropped)
#   euros      → "1 148,90 €" (thousands grouped)
#   decimals   → "1,5"
#   plurals    → "3 personnes", "1 enfant"
# \w and \b are those of `re` on str: a letter, digit or numeric character of Unicode, or "_".
_MONTH = re.compile(r"\b(?:(Mois) )?(20[0-9]{2})-(0[1-9]|1[0-2])\b")
_PERCENT = re.compile(r"(?<![\w.,])(-?[0-9]+)(?:[.,]([0-9]+))? ?%")
_EUROS = re.compile(r"(?<![\w.,])(-?[0-9]+)(?:[.,]([0-9]+))? ?€")
_DECIMAL = re.compile(r"(?<![\w.,])([0-9]+)\.([0-9]+)\b")
_PLURAL = re.compile(r"(?<![\w.,])([0-9]+) (\w+)\(s\)")
SCANNED = CORE == "compiled"


def _is_word(code: int) -> bool:
    if code < 128:
        return 48 <= code <= 57 or 65 <= code <= 90 or 97 <= code <= 122 or code == 95
    return chr(code).isalnum()


def _is_digit(code: int) -> bool:
    return 48 <= code <= 57


def _free_before(label: str, i: int) -> bool:
    """(?<![\\w.,]) at i: nothing, or neither a word character, a point nor a comma, just before."""
    if i == 0:
        return True
    code = ord(label[i - 1])
    return not (code == 46 or code == 44 or _is_word(code))


def _boundary(label: str, i: int, n: int) -> bool:
    """\\b at i."""
    before = i > 0 and _is_word(ord(label[i - 1]))
    after = i < n and _is_word(ord(label[i]))
    return before != after


def _digits_end(label: str, i: int, n: int) -> int:
    while i < n and _is_digit(ord(label[i])):
        i += 1
    return i


def _year_month_end(label: str, i: int, n: int) -> int:
    """The end of (20[0-9]{2})-(0[1-9]|1[0-2])\\b at i, or -1."""
    if i + 7 > n or label[i] != "2" or label[i + 1] != "0" or label[i + 4] != "-":
        return -1
    if not (_is_digit(ord(label[i + 2])) and _is_digit(ord(label[i + 3]))):
        return -1
    tens, units = ord(label[i + 5]), ord(label[i + 6])
    if not ((tens == 48 and 49 <= units <= 57) or (tens == 49 and 48 <= units <= 50)):
        return -1
    return i + 7 if i + 7 == n or not _is_word(ord(label[i + 7])) else -1


def _months(label: str) -> str:
    n = len(label)
    parts: list[str] = []
    done = 0
    start = label.find("-")
    while start >= 0:
        year = start - 4  # a match's year starts 4 characters before its "-"
        end = _year_month_end(label, year, n) if year >= done else -1
        if end >= 0:
            name = MONTHS_FR[int(label[year + 5 : year + 7]) - 1] + " " + label[year : year + 4]
            mois = year - 5
            if mois >= done and label.startswith("Mois ", mois) and _boundary(label, mois, n):
                parts.append(label[done:mois])
                parts.append(name.capitalize())
                done = end
            elif _boundary(label, year, n):
                parts.append(label[done:year])
                parts.append(name)
                done = end
        start = label.find("-", max(start + 1, done))
    if not parts:
        return label
    parts.append(label[done:])
    return "".join(parts)


def _thousands(units: str) -> str:
    """ "-1234567" → "-1 234 567" (no-break spaces)."""
    sign = 1 if units.startswith("-") else 0
    size = len(units) - sign
    if size <= 3:
        return units
    head = sign + (size % 3 or 3)
    groups = [units[:head]]
    for start in range(head, len(units), 3):
        groups.append(units[start : start + 3])
    return NBSP.join(groups)


def _amounts(label: str, symbol: str) -> str:
    """Percents (symbol "%") or euros ("€"): (?<![\\w.,])(-?[0-9]+)(?:[.,]([0-9]+))? ?<symbol>."""
    n = len(label)
    mark = ord(symbol)
    parts: list[str] = []
    done = 0
    i = 0
    while i < n:
        code = ord(label[i])
        if not (code == 45 or _is_digit(code)) or not _free_before(label, i):
            i += 1
            continue
        units = i + 1 if code == 45 else i
        units_end = _digits_end(label, units, n)
        if units_end == units:
            i += 1
            continue
        end = units_end
        decimals = ""
        if end < n and label[end] in ".,":
            decimals_end = _digits_end(label, end + 1, n)
            if decimals_end > end + 1:
                decimals = label[end + 1 : decimals_end]
                end = decimals_end
        if end < n and label[end] == " ":
            end += 1
        if end >= n or ord(label[end]) != mark:
            i += 1
            continue
        parts.append(label[done:i])
        if mark == 37:  # "%": "2.6850%" is a rate of 2,685 %: the zeros carry nothing
            decimals = decimals.rstrip("0")
            parts.append(label[i:units_end] + ("," + decimals if decimals else "") + NBSP + "%")
        else:  # "€": amounts keep the decimals the rule chose to show
            parts.append(_thousands(label[i:units_end]) + ("," + decimals if decimals else "") + NBSP + "€")
        done = i = end + 1
    if not parts:
        return label
    parts.append(label[done:])
    return "".join(parts)


def _decimals(label: str) -> str:
    """(?<![\\w.,])([0-9]+)\\.([0-9]+)\\b → "1,5"."""
    n = len(label)
    parts: list[str] = []
    done = 0
    i = 0
    while i < n:
        if not _is_digit(ord(label[i])) or not _free_before(label, i):
            i += 1
            continue
        units_end = _digits_end(label, i, n)
        if units_end < n and label[units_end] == ".":
            end = _digits_end(label, units_end + 1, n)
            if end > units_end + 1 and (end == n or not _is_word(ord(label[end]))):
                parts.append(label[done:units_end])
                parts.append(",")
                parts.append(label[units_end + 1 : end])
                done = i = end
                continue
        i += 1
    if not parts:
        return label
    parts.append(label[done:])
    return "".join(parts)


def _plurals(label: str) -> str:
    """(?<![\\w.,])([0-9]+) (\\w+)\\(s\\) → "0 enfant", "1 enfant", "3 enfants" (French: under 2, singular)."""
    n = len(label)
    parts: list[str] = []
    done = 0
    i = 0
    while i < n:
        if not _is_digit(ord(label[i])) or not _free_before(label, i):
            i += 1
            continue
        count_end = _digits_end(label, i, n)
        if count_end < n and label[count_end] == " ":
            word_end = count_end + 1
            while word_end < n and _is_word(ord(label[word_end])):
                word_end += 1
            if word_end > count_end + 1 and label.startswith("(s)", word_end):
                parts.append(label[done:word_end])
                if int(label[i:count_end]) >= 2:
                    parts.append("s")
                done = i = word_end + 3
                continue
        i += 1
    if not parts:
        return label
    parts.append(label[done:])
    return "".join(parts)


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
    return _scanned(label) if SCANNED else _substituted(label)


def _percent(match: re.Match) -> str:
    decimals = (match[2] or "").rstrip("0")
    return f"{match[1]},{decimals}{NBSP}%" if decimals else f"{match[1]}{NBSP}%"


def _euros(match: re.Match) -> str:
    cents = f",{match[2]}" if match[2] else ""
    return f"{_thousands(match[1])}{cents}{NBSP}€"


def _month(match: re.Match) -> str:
    name = f"{MONTHS_FR[int(match[3]) - 1]} {match[2]}"
    return name.capitalize() if match[1] else name


def _plural(match: re.Match) -> str:
    count, word = match[1], match[2]
    return f"{count} {word}" if int(count) < 2 else f"{count} {word}s"


def _substituted(label: str) -> str:
    # Each rewrite needs its own character: a label without it is left alone without running the pattern.
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


def _scanned(label: str) -> str:
    if "-" in label:
        label = _months(label)
    if "%" in label:
        label = _amounts(label, "%")
    if "€" in label:
        label = _amounts(label, "€")
    if "." in label:
        label = _decimals(label)
    if "(s)" in label:
        label = _plurals(label)
    return label
