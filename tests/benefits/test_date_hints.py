"""Every date field of the site says its format in the same words (benefits/date_hints.py)."""

import importlib
import pkgutil

import pytest
from django import forms
from django.test import Client

import benefits
from tests.agents import agent_factory, sign_in
from tests.benefits.simulator.journey import SINGLE_PARENT

pytestmark = pytest.mark.django_db


def date_fields():
    for module_info in pkgutil.walk_packages(benefits.__path__, "benefits."):
        name = module_info.name
        if (
            ".rules" in name
            or ".migrations" in name
            or not name.rsplit(".", 1)[-1].endswith(("forms", "_step"))
        ):
            continue
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.Form) and value.__module__ == name:
                for field_name, field in value.base_fields.items():
                    if isinstance(field, forms.DateField):
                        yield f"{name}.{value.__name__}.{field_name}", field


def test_the_site_has_date_fields_in_the_desk_the_simulator_and_the_urgent_aid():
    names = [name for name, _field in date_fields()]
    assert any(".desk." in n for n in names) and any(".simulator." in n for n in names)
    assert any(".auu." in n for n in names)


@pytest.mark.parametrize(
    ("name", "field"), list(date_fields()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_each_date_hint_starts_with_the_same_words(name, field):
    assert str(field.help_text).startswith("Format JJ/MM/AAAA"), (name, str(field.help_text))


def test_the_desk_and_the_simulator_say_a_birth_date_the_same_way(client):
    agent = Client()
    assert sign_in(agent, agent_factory()).status_code == 302
    desk = agent.get("/agent/").content.decode()
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    simulator = client.get("/simulateur/personnes/").content.decode()
    hint = "Format JJ/MM/AAAA, par exemple 25/03/1990."
    assert hint in desk and hint in simulator
    assert "jj/mm/aaaa" not in desk
