"""Agents sign in with a password and a TOTP code (django-otp); nothing else opens the desk."""

import pytest
from django.test import Client

from portal.models import JournalEntry
from tests.agents import AGENT_PASSWORD, current_code, sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_right_password_and_code_open_the_desk(client, agent):
    response = sign_in(client, agent)
    assert response.status_code == 302 and response["Location"] == "/agent/"
    assert client.get("/agent/").status_code == 200
    assert JournalEntry.objects.filter(action="agent_login", actor=agent, channel="agent").exists()


@pytest.mark.parametrize("code", ["", "000000", "12345", "abcdef"])
def test_a_missing_or_wrong_code_is_refused(client, agent, code):
    if code == "000000" and current_code() == "000000":
        code = "111111"
    response = client.post(
        "/agent/connexion/", {"username": agent.username, "password": AGENT_PASSWORD, "code": code}
    )
    assert response.status_code in (200, 403)
    assert "_auth_user_id" not in client.session
    assert client.get("/agent/").status_code == 302


def test_a_code_is_good_once_only(client, agent):
    code = current_code()
    assert sign_in(client, agent, code).status_code == 302
    other = Client()
    assert sign_in(other, agent, code).status_code == 403


def test_right_code_at_once_after_a_wrong_one_is_throttled_then_accepted(client, agent, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    wrong = "111111" if current_code() == "000000" else "000000"
    assert sign_in(client, agent, wrong).status_code == 403
    response = sign_in(client, agent)
    assert response.status_code == 403
    assert "trop d’essais" in response.content.decode()
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    assert sign_in(client, agent).status_code == 302


def test_a_wrong_password_with_a_right_code_is_refused_with_the_same_words(client, agent):
    response = client.post(
        "/agent/connexion/",
        {"username": agent.username, "password": "wrong-password-123", "code": current_code()},
    )
    assert response.status_code == 403
    assert "Identifiant, mot de passe ou code incorrect" in response.content.decode()


def test_a_person_who_is_not_staff_cannot_use_the_agent_login(client, db):
    person = UserFactory()
    person.set_password(AGENT_PASSWORD)
    person.save()
    assert sign_in(client, person).status_code == 403


def test_a_staff_session_without_second_factor_is_ended(client, agent):
    client.force_login(agent)  # as a password-only login elsewhere (the admin's form) would
    response = client.get("/agent/")
    assert response.status_code == 302 and response["Location"].startswith("/agent/connexion/")
    assert "_auth_user_id" not in client.session
    assert client.get("/gestion/").status_code == 302


def test_the_admin_login_form_leads_to_the_agent_login(client, db):
    response = client.get("/gestion/login/?next=/gestion/")
    assert response.status_code == 302 and response["Location"].startswith("/agent/connexion/")


def test_an_idle_agent_signs_in_again(client, agent, settings, monkeypatch):
    import time

    sign_in(client, agent)
    assert client.get("/agent/").status_code == 200
    later = time.time() + settings.AGENT_IDLE_SECONDS + 5
    monkeypatch.setattr("portal.kiosk.idle.time.time", lambda: later)
    response = client.get("/agent/")
    assert response.status_code == 302 and response["Location"] == "/agent/connexion/"
    assert "_auth_user_id" not in client.session


def test_an_agent_without_the_role_cannot_consult(client, db):
    from tests.agents import agent_factory

    agent = agent_factory()
    agent.groups.clear()
    sign_in(client, agent)
    assert client.get("/agent/").status_code == 403
