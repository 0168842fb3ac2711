"""French plurals: the singular for 0 and 1 (locale/fr, written by bin/french-plurals).

Without a French catalogue, gettext applies the English rule to every message it does not find, and
Mon espace printed "0 courriers non lus.".
"""

import pytest
from django.template import Context, Template
from django.utils import translation

UNREAD = Template(
    "{% load i18n %}{% blocktranslate trimmed count count=n %}{{ count }} courrier non lu."
    "{% plural %}{{ count }} courriers non lus.{% endblocktranslate %}"
)


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 courrier non lu."), (1, "1 courrier non lu."), (2, "2 courriers non lus.")]
)
def test_french_takes_the_singular_for_zero_and_one(n, expected):
    with translation.override("fr"):
        assert UNREAD.render(Context({"n": n})) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 unread letters."), (1, "1 unread letter."), (2, "2 unread letters.")]
)
def test_english_keeps_its_own_rule(n, expected):
    with translation.override("en"):
        assert UNREAD.render(Context({"n": n})) == expected


def test_every_plural_message_of_the_sources_has_its_french_forms():
    from pathlib import Path

    catalogue = (Path(__file__).resolve().parents[2] / "locale/fr/LC_MESSAGES/django.po").read_text(
        encoding="utf-8"
    )
    english = (Path(__file__).resolve().parents[2] / "locale/en/LC_MESSAGES/django.po").read_text(
        encoding="utf-8"
    )
    assert "plural=(n > 1)" in catalogue
    assert catalogue.count("msgid_plural") == english.count("msgid_plural") > 0


def test_no_french_plural_is_left_fuzzy():
    """msgfmt skips a fuzzy entry: its message would fall back to the English plural rule."""
    from pathlib import Path

    catalogue = (Path(__file__).resolve().parents[2] / "locale/fr/LC_MESSAGES/django.po").read_text(
        encoding="utf-8"
    )
    assert "fuzzy" not in catalogue
    assert "#|" not in catalogue
