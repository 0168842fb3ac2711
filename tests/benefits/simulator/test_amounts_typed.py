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


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"status": "tenant_private", "rent": "cinq cents", "zone": "2"}, "rent"),
        ({"status": "tenant_private", "rent": "99999999999", "zone": "2"}, "rent"),
        ({"status": "tenant_private", "rent": "500", "commune": "Zzzville"}, "commune"),
    ],
)
def test_a_refused_answer_gets_one_message_not_also_missing(data, field):
    # The summary listed "Indiquez un montant en euros…" and then "Indiquez le montant du loyer…" for
    # a rent the person had typed; the field itself showed only the first.
    form = HousingForm(data)
    assert not form.is_valid()
    assert len(form.errors[field]) == 1, form.errors[field]


def test_a_rent_left_empty_is_still_asked_for():
    form = HousingForm({"status": "tenant_private", "rent": "", "zone": "2"})
    assert form.errors["rent"] == ["Indiquez le montant du loyer (ou de la mensualité)."]
