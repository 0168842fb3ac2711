"""What the suite did not guard (issue 17 G): channels, file linking, other people's claims, replay,
the month clamps."""

import datetime

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import RequestFactory, override_settings

from benefits.claims import services
from benefits.claims.files import allocataire_file_for_user
from benefits.rules import SUPPORTED_MONTHS
from benefits.simulator import steps
from benefits.simulator.models import Simulation
from portal.channels import AGENT, HOME, KIOSK, channel_for
from portal.kiosk.enrolment import KIOSK_COOKIE
from tests.benefits.claims.factories import file_factory
from tests.benefits.simulator.journey import walk
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# --- How the channel is decided (it is what the journal records) ---------------------------------


def request_with(user=None, cookie=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    if cookie is not None:
        request.COOKIES[KIOSK_COOKIE] = cookie
    return request


def test_channel_home_kiosk_and_agent():
    person, agent = UserFactory(), UserFactory(is_staff=True)
    assert channel_for(request_with()) == HOME
    assert channel_for(request_with(person)) == HOME
    # A cookie anyone can set is not a kiosk: only the signed enrolment token (portal.kiosk) is.
    for forged in ("1", "true", "", "x" * 500):
        assert channel_for(request_with(person, cookie=forged)) == HOME
    assert channel_for(request_with(agent)) == AGENT
    with override_settings(KIOSK_MODE=True):
        assert channel_for(request_with()) == KIOSK
        assert channel_for(request_with(person)) == KIOSK
        # A staff member is an agent, on a kiosk too.
        assert channel_for(request_with(agent)) == AGENT


def test_the_channel_reaches_the_journal(client, user, settings):
    from portal.models import JournalEntry

    settings.KIOSK_MODE = True
    file_factory(user=user)
    client.force_login(user)
    client.post("/mon-espace/demarches/nouvelle/dtr/")
    assert JournalEntry.objects.get(action="draft_opened").channel == KIOSK


# --- Linking a file never takes one already linked -----------------------------------------------


def test_a_file_linked_to_another_user_is_never_taken_by_sub_or_pivot():
    owner = UserFactory()
    file = file_factory(user=owner, fcplus_sub="sub-owner")
    intruder = UserFactory(
        last_name="Martin",
        first_name="Camille Marie",
        birth_date=datetime.date(1985, 3, 10),
        birthplace="75120",
    )
    SocialAccount.objects.create(user=intruder, provider="fcplus", uid="sub-owner", extra_data={})
    assert allocataire_file_for_user(user=intruder, channel="home") is None
    file.refresh_from_db()
    assert file.user == owner


def test_a_file_of_another_fcplus_subject_is_never_taken_by_the_pivot_identity():
    file = file_factory(fcplus_sub="sub-someone-else")
    same_identity = UserFactory(
        last_name="Martin",
        first_name="Camille Marie",
        birth_date=datetime.date(1985, 3, 10),
        birthplace="75120",
    )
    SocialAccount.objects.create(user=same_identity, provider="fcplus", uid="sub-mine", extra_data={})
    assert allocataire_file_for_user(user=same_identity, channel="home") is None
    file.refresh_from_db()
    assert file.user is None


# --- Replay says so when the numbers differ ------------------------------------------------------


def test_replay_reports_different_numbers_with_the_same_rules(client):
    walk(client)
    simulation = Simulation.objects.get()
    changed = dict(simulation.result)
    changed["benefits"] = {name: amount + 1 for name, amount in simulation.result["benefits"].items()}
    Simulation.objects.filter(pk=simulation.pk).update(result=changed)
    html = client.get(f"/simulateur/resultat/{simulation.token}/rejouer/").content.decode()
    assert "le recalcul donne des montants différents avec les mêmes règles" in html
    Simulation.objects.filter(pk=simulation.pk).update(result=changed, engine_version="0.0-ancienne")
    html = client.get(f"/simulateur/resultat/{simulation.token}/rejouer/").content.decode()
    assert "Les règles ont changé depuis cette simulation" in html
    Simulation.objects.filter(pk=simulation.pk).update(result=simulation.result)
    # Back to the stored numbers and versions: identical.
    Simulation.objects.filter(pk=simulation.pk).update(engine_version=simulation.engine_version)
    html = client.get(f"/simulateur/resultat/{simulation.token}/rejouer/").content.decode()
    assert "les montants recalculés sont identiques" in html


# --- The month clamps (claims tests monkeypatch them away) ---------------------------------------


@pytest.mark.parametrize(
    ("today", "simulator", "declaration"),
    [
        (datetime.date(2020, 5, 1), SUPPORTED_MONTHS[0], SUPPORTED_MONTHS[3]),
        (datetime.date(2026, 6, 15), "2026-06", "2026-06"),
        (datetime.date(2031, 1, 1), SUPPORTED_MONTHS[-1], SUPPORTED_MONTHS[-1]),
    ],
)
def test_months_are_clamped_to_the_months_the_core_knows(monkeypatch, today, simulator, declaration):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: today)
    assert steps.current_month() == simulator
    # A declaration's quarter (three months before) must be known to the core too.
    assert services.current_declaration_month() == declaration
    assert SUPPORTED_MONTHS.index(services.current_declaration_month()) >= 3
