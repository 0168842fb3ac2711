"""French wording follows the State's writing guide: no point médian ("Demandeur·se", "connecté·e")
nor endings in brackets ("né(e)", "conjoint(e)", "courrier(s)"), which screen readers spell out and
hurried readers stumble on; épicène words, both forms or a real plural instead ("Date de naissance",
"conjoint ou conjointe", ngettext)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POINT_MEDIAN = re.compile(r"\w·\w")  # a separator " · " between two items is not a point médian
# "(e)", "(s)", "(es)"... after a word, in the templates and the catalogue (the Python strings shown to
# people are marked for translation; the calculation core's "3 personne(s)" lines are rewritten by its
# own typography, benefits/rules/text.py).
BRACKETED_ENDING = re.compile(r"\w\((?:e|s|es|x|ne|le|se|euse|rice|trice)\)")
SOURCES = ("templates/**/*.html", "templates/**/*.txt", "benefits/**/*.py", "portal/**/*.py")


def test_no_point_median_in_the_interface():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for pattern in SOURCES
        for path in ROOT.glob(pattern)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if POINT_MEDIAN.search(line)
    ]
    assert found == []


def msgids() -> list[str]:
    """The French msgids, continuation lines included (a long one is split over several)."""
    found, current = [], None
    for line in (ROOT / "locale/en/LC_MESSAGES/django.po").read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current = [line[6:]]
            found.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line)
        else:
            current = None
    return ["".join(parts) for parts in found]


def test_no_point_median_in_the_catalogue():
    assert [m for m in msgids() if POINT_MEDIAN.search(m)] == []


def test_no_bracketed_ending_in_the_templates():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for pattern in SOURCES[:2]
        for path in ROOT.glob(pattern)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if BRACKETED_ENDING.search(line)
    ]
    assert found == []


def test_no_bracketed_ending_in_the_catalogue():
    assert [m for m in msgids() if BRACKETED_ENDING.search(m)] == []


# Words that describe the person read in both forms ("seule ou seul", "hébergée ou hébergé") or are
# reworded ("Mariage, Pacs ou concubinage"): a masculine form alone leaves out half of the readers.
# Lowercase only, as words: "Seul le courrier est imprimé" speaks of the letter, not of the person.
PERSON_WORDS = {
    "seul": "seule",
    "marié": "mariée",
    "pacsé": "pacsée",
    "hébergé": "hébergée",
    "accompagné": "accompagnée",
    "divorcé": "divorcée",
    "séparé": "séparée",
    "veuf": "veuve",
    "aidé": "aidée",
}
ABOUT_A_THING = ("Le service est hébergé en France",)


def test_words_describing_the_person_are_not_masculine_only():
    found = [
        message
        for message in msgids()
        for masculine, feminine in PERSON_WORDS.items()
        if re.search(rf"(?<!\w){masculine}(?!\w)", message)
        and not re.search(rf"(?<!\w){feminine}(?!\w)", message, re.IGNORECASE)
        and not any(thing in message for thing in ABOUT_A_THING)
    ]
    assert found == []


# A generic masculine naming someone the reader may be a victim of: the person who committed the
# violence may be a woman; « la personne qui a commis les violences » says it for everyone. The core's
# explanation lines are read too (benefits/rules/, not in the catalogue).
GENERIC_MASCULINE = ("l’auteur des violences", "l'auteur des violences")


def test_no_generic_masculine_for_the_perpetrator():
    texts = msgids() + [
        line
        for path in (ROOT / "benefits/rules").glob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert [text for text in texts for phrase in GENERIC_MASCULINE if phrase in text.lower()] == []
