"""Small factories for tests (no factory_boy: a few explicit functions are enough)."""

import itertools

from django.contrib.auth import get_user_model

_counter = itertools.count(1)


def UserFactory(**fields):  # noqa: N802 - reads like a class at call sites, as factory_boy's do
    number = next(_counter)
    defaults = {"username": f"personne{number}", "first_name": "Camille", "last_name": f"Martin{number}"}
    defaults.update(fields)
    return get_user_model().objects.create(**defaults)
