"""The help page: 32 30 can be called from a phone, France services can be found (issue 17, E)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_phone_number_is_a_tel_link_and_france_services_is_linked(client):
    page = client.get("/etre-aide/").content.decode()
    assert '<a href="tel:3230">32\u00a030</a>' in page
    assert 'href="https://www.france-services.gouv.fr/"' in page
