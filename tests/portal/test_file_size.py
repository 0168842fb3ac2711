"""File sizes read "46,7 Ko" in French (Django's own catalogue says "Kio"), "46.7 KB" in English."""

import pytest
from django.template import Context, Template
from django.utils import translation

SIZE = Template("{% load portal_sizes %}{{ size|file_size }}")


@pytest.mark.parametrize(
    ("size", "french", "english"),
    [
        (47_821, "46,7\u00a0Ko", "46.7\u00a0KB"),
        (2_500_000, "2,4\u00a0Mo", "2.4\u00a0MB"),
        (512, "512\u00a0octets", "512\u00a0bytes"),
    ],
)
def test_file_sizes_in_the_units_people_read(size, french, english):
    with translation.override("fr"):
        assert SIZE.render(Context({"size": size})) == french
    with translation.override("en"):
        assert SIZE.render(Context({"size": size})) == english
