"""The aide universelle d'urgence claim: filed alone, never cached, neutral, invisible to the household."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from benefits.auu.models import UrgentClaim
from benefits.auu.working_days import add_working_days, easter, is_working_day
from portal.models import JournalEntry
from tests.agents import agent_factory, sign_in
from tests.benefits.claims.factories import file_factory
from tests.factories import UserFactory
from tests.portal.test_site_invariants import page_facts

pytestmark = pytest.mark.django_db
REVEALING = re.compile(r"violence|urgence|AUU", re.IGNORECASE)


def answers(**changes):
    recent = (timezone.localdate() - timedelta(days=20)).strftime("%d/%m/%Y")
    values = {
        "perpetrator": "concubin",
        "proof": "complaint",
        "proof_date": recent,
        "monthly_resources": "400",
        "children": "1",
        "safe_contact": "06 00 00 00 00, le matin",
    }
    return {**values, **changes}


def logged(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def file_claim(client) -> UrgentClaim:
    response = client.post("/mon-espace/demarche/nouvelle/", answers())
    assert response.status_code == 302, response.content.decode()[:2000]
    return UrgentClaim.objects.latest("filed_at")


def test_every_page_has_the_quick_exit_a_neutral_title_and_is_never_cached(user):
    client = logged(user)
    claim = file_claim(client)
    for url in (
        "/mon-espace/demarche/",
        "/mon-espace/demarche/nouvelle/",
        f"/mon-espace/demarche/{claim.reference}/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], url
        html = response.content.decode()
        assert "data-quick-exit" in html and 'href="https://meteofrance.com/"' in html
        assert "benefits/quick_exit.js" in html
        assert "Ce que votre appareil peut garder" in html
        assert not REVEALING.search(title(response)), (url, title(response))
        facts = page_facts(response)
        assert facts.h1 == 1 and facts.inline_scripts == 0 and facts.style_attributes == 0


def test_the_claim_is_decided_by_the_rules_with_a_priority_deadline(user):
    client = logged(user)
    file_factory(user=user)  # an allocataire: 3 working days
    claim = file_claim(client)
    assert claim.user == user and claim.file_number
    assert claim.form == "grant" and claim.amount > 0 and claim.priority
    assert claim.due_by == add_working_days(timezone.localdate(), 3)
    page = client.get(f"/mon-espace/demarche/{claim.reference}/").content.decode()
    assert claim.due_by.strftime("%d/%m/%Y") in page
    entry = JournalEntry.objects.get(action="demande_prioritaire_deposee")
    assert not REVEALING.search(str(entry.details)) and not REVEALING.search(entry.target)


def test_a_newcomer_is_paid_within_five_working_days(user):
    claim = file_claim(logged(user))
    assert claim.file_number == "" and claim.due_by == add_working_days(timezone.localdate(), 5)


def test_an_old_proof_is_refused_next_to_the_field(user):
    old = (timezone.localdate() - timedelta(days=400)).strftime("%d/%m/%Y")
    response = logged(user).post("/mon-espace/demarche/nouvelle/", answers(proof_date=old))
    assert response.status_code == 200
    assert "moins de 12 mois" in response.content.decode()
    assert not UrgentClaim.objects.exists()


def test_another_adult_of_the_same_file_sees_nothing(user):
    holder = UserFactory()
    file_factory(user=holder, partner_nir="1830475056102")
    victim = user  # the partner of the file, with her own account
    claim = file_claim(logged(victim))
    other = logged(holder)
    assert other.get(f"/mon-espace/demarche/{claim.reference}/").status_code == 404
    listing = other.get("/mon-espace/demarche/").content.decode()
    assert str(claim.reference) not in listing and "Vos demandes" not in listing
    espace = other.get("/mon-espace/").content.decode()
    assert str(claim.reference) not in espace and "Demande du" not in espace
    assert str(claim.reference) in logged(victim).get("/mon-espace/demarche/").content.decode()


def test_agents_see_priority_claims_first_and_move_them_on(user):
    later = file_claim(logged(user))
    first = file_claim(logged(UserFactory()))
    UrgentClaim.objects.filter(pk=later.pk).update(priority=False)
    agent = agent_factory(is_superuser=True)
    client = Client()
    sign_in(client, agent)  # /gestion/ needs the agent's second factor
    listing = client.get("/gestion/benefits/urgentclaim/").content.decode()
    assert listing.index(f"/gestion/benefits/urgentclaim/{first.pk}/") < listing.index(
        f"/gestion/benefits/urgentclaim/{later.pk}/"
    )
    for action in ("mark_en_instruction", "mark_acceptee"):
        client.post("/gestion/benefits/urgentclaim/", {"action": action, "_selected_action": [first.pk]})
    first.refresh_from_db()
    assert first.status == "acceptee" and not first.priority


def test_working_days_skip_weekends_and_public_holidays():
    assert easter(2026) == date(2026, 4, 5)
    assert not is_working_day(date(2026, 4, 6))  # Easter Monday
    assert not is_working_day(date(2026, 12, 25)) and not is_working_day(date(2026, 12, 26))
    assert add_working_days(date(2026, 12, 24), 3) == date(2026, 12, 30)  # Thu → skips Fri 25, weekend


def test_the_receipt_letter_goes_to_the_victim_only_and_names_nothing(
    user, django_capture_on_commit_callbacks
):
    from benefits.letters.models import Letter

    file = file_factory(user=user, partner_nir="1830475056102")
    with django_capture_on_commit_callbacks(execute=True):
        claim = file_claim(logged(user))
    letter = Letter.objects.get(kind="confidential_receipt")
    assert letter.file == file and letter.recipient == user
    assert (
        not REVEALING.search(letter.subject)
        and timezone.localtime(claim.filed_at).strftime("%d/%m/%Y") in letter.subject
    )
    assert list(Letter.objects.visible_to(user)) == [letter]
    other_adult = UserFactory()
    assert not Letter.objects.visible_to(other_adult).exists()
    page = logged(user).get(f"/mon-espace/courriers/{letter.pk}/")
    assert page.status_code == 200 and "traitée en priorité" in page.content.decode()
    assert logged(other_adult).get(f"/mon-espace/courriers/{letter.pk}/").status_code == 404
