"""French wording follows the State's writing guide: no point médian ("Demandeur·se", "connecté·e"),
which screen readers spell out and hurried readers stumble on; épicène words or both forms instead
("à la retraite", "demandeur ou demandeuse")."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POINT_MEDIAN = re.compile(r"\w·\w")  # a separator " · " between two items is not a point médian
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


def test_no_point_median_in_the_catalogue():
    """The French msgids, continuation lines included (a long one is split over several)."""
    msgids, current = [], None
    for line in (ROOT / "locale/en/LC_MESSAGES/django.po").read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current = [line[6:]]
            msgids.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line)
        else:
            current = None
    assert [m for m in ("".join(parts) for parts in msgids) if POINT_MEDIAN.search(m)] == []
