"""Amounts typed the way the site writes them are accepted (issue 17, E)."""

from decimal import Decimal

import pytest

from benefits.simulator.forms import HousingForm

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1 200,50", "1200.50"),
        ("1\u00a0200,50\u00a0€", "1200.50"),
        ("550 €", "550"),
        ("550€", "550"),
        ("650", "650"),
    ],
)
def test_amounts_with_spaces_comma_and_euro_sign(typed, value):
    form = HousingForm({"status": "tenant_private", "rent": typed, "zone": "2"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["rent"] == Decimal(value)


@pytest.mark.parametrize("typed", ["douze", "-12", "1.200.50", "12,345"])
def test_other_text_is_still_refused(typed):
    assert not HousingForm({"status": "tenant_private", "rent": typed, "zone": "2"}).is_valid()
