"""An agent's account never signs in with FranceConnect+ (the desk has its own login and second factor)."""

import pytest

from portal.accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_staff_account_is_refused_by_the_franceconnect_login(dance, client):
    dance.login("camille")
    user = User.objects.get()
    client.post("/compte/deconnexion/")
    user.is_staff = True
    user.save()
    response = dance.login("camille")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
