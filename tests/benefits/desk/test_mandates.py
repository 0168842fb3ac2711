"""Mandates: create, use, expire, revoke; no write without one; file X's mandate gives nothing on file Y."""

import datetime
import re

import pytest
from django.utils import timezone

from benefits.claims.models import Claim, ClaimDraft
from benefits.desk.mandates import facts_hash, mandate_check
from benefits.desk.models import Mandate
from portal.dates import long_until
from portal.models import JournalEntry
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db

MANDATE = {
    "kinds": ["dtr"],
    "identity_check": "guichet",
    "consent": "oral_guichet",
    "duration": "visite",
    "confirmed": "on",
}


def record_mandate(agent_client, file, **changes):
    response = agent_client.post(f"/agent/dossier/{file.number}/mandat/", {**MANDATE, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Mandate.objects.latest("created_at")


def file_declaration(agent_client):
    """The agent files the quarterly declaration through the person's own pages."""
    response = agent_client.post("/mon-espace/demarches/nouvelle/dtr/")
    assert response.status_code == 302, response
    draft = ClaimDraft.objects.latest("created_at")
    agent_client.post(
        f"/mon-espace/demarches/brouillon/{draft.key}/", {**confirm_all(draft), "action": "continue"}
    )
    response = agent_client.post(f"/mon-espace/demarches/brouillon/{draft.key}/verifier/")
    assert response.status_code == 302, response
    return Claim.objects.get(draft=draft)


def test_a_mandate_records_its_facts_and_their_hash_in_the_journal(agent_client, agent, camille_file):
    mandate = record_mandate(agent_client, camille_file)
    assert mandate.agent == agent and mandate.file == camille_file and mandate.office == "Lyon"
    assert mandate.kinds == ["dtr"] and mandate.is_valid()
    assert mandate.expires_at - mandate.created_at == datetime.timedelta(hours=2)
    entry = JournalEntry.objects.get(action="mandate_created")
    assert entry.details["hash"] == facts_hash(mandate) == mandate.facts_hash
    assert mandate_check(mandate)
    mandate.kinds = ["dtr", "rsa"]  # a fact changed afterwards no longer matches the journal
    assert not mandate_check(mandate)


def test_a_day_long_mandate_ends_at_midnight_at_the_latest(agent_client, camille_file):
    mandate = record_mandate(agent_client, camille_file, duration="journee")
    local_end = timezone.localtime(mandate.expires_at)
    assert mandate.expires_at - mandate.created_at <= datetime.timedelta(days=1)
    assert (local_end.hour, local_end.minute) == (0, 0)


def test_a_mandate_needs_the_persons_consent_and_a_procedure(agent_client, camille_file):
    response = agent_client.post(
        f"/agent/dossier/{camille_file.number}/mandat/", {**MANDATE, "confirmed": "", "kinds": []}
    )
    assert response.status_code == 200
    assert "Choisissez au moins une démarche" in response.content.decode()
    assert not Mandate.objects.exists()


def test_an_empty_mandate_form_says_what_to_choose_for_each_question(agent_client, camille_file):
    response = agent_client.post(f"/agent/dossier/{camille_file.number}/mandat/", {"confirmed": ""})
    page = response.content.decode()
    assert "Ce champ est obligatoire" not in page
    for message in (
        "Indiquez comment vous avez vérifié l’identité de la personne.",
        "Choisissez comment le consentement a été donné.",
        "Choisissez la durée du mandat.",
    ):
        assert message in page
    assert not Mandate.objects.exists()


def test_the_procedures_and_the_consent_say_their_error_beside_them(agent_client, camille_file):
    # Only the error summary said "Choisissez au moins une démarche" and "Le mandat demande l’accord de
    # la personne": the checkboxes turned red with no message beside them (RGAA 11.10).
    page = agent_client.post(
        f"/agent/dossier/{camille_file.number}/mandat/", {"confirmed": ""}
    ).content.decode()
    page = " ".join(page.split())
    kinds = re.search(r'<fieldset[^>]*id="id_kinds".*?</fieldset>', page)[0]
    assert 'aria-labelledby="kinds-legend id_kinds-error"' in kinds
    assert re.search(
        r'id="id_kinds-error"[^>]*>\s*<p class="fr-message fr-message--error">Choisissez au moins', kinds
    )
    confirmed = re.search(r'<input type="checkbox" id="id_confirmed"[^>]*>', page)[0]
    assert 'aria-describedby="id_confirmed-error"' in confirmed and 'aria-invalid="true"' in confirmed
    assert re.search(
        r'id="id_confirmed-error"[^>]*>\s*<p[^>]*>Le mandat demande l’accord de la personne', page
    )
    assert 'id="erreurs" autofocus' in page


def test_without_a_mandate_an_agent_reads_but_cannot_write(agent_client, camille_file):
    assert agent_client.get(f"/agent/dossier/{camille_file.number}/").status_code == 200
    assert agent_client.post("/mon-espace/demarches/nouvelle/dtr/").status_code == 403
    assert not ClaimDraft.objects.exists()


def test_under_a_mandate_the_agent_files_the_declaration_journaled_with_the_mandate(
    agent_client, agent, camille_file
):
    mandate = record_mandate(agent_client, camille_file)
    claim = file_declaration(agent_client)
    assert claim.file == camille_file and claim.mandate == mandate
    filed = JournalEntry.objects.get(action="claim_filed")
    assert filed.actor == agent and filed.channel == "agent" and filed.details["mandate"] == mandate.pk
    writes = JournalEntry.objects.filter(action__in=["draft_opened", "draft_saved", "claim_filed"])
    assert writes.count() >= 3 and all(entry.details.get("mandate") == mandate.pk for entry in writes)
    assert agent_client.get(f"/mon-espace/demarches/demande/{claim.pk}/").status_code == 200


def test_a_mandate_covers_only_its_procedures(agent_client, camille_file):
    record_mandate(agent_client, camille_file, kinds=["dtr"])
    assert agent_client.post("/mon-espace/demarches/nouvelle/rsa/").status_code == 404


def test_a_mandate_on_file_x_gives_nothing_on_file_y(agent_client, camille_file):
    other = file_factory(user=None, number="0999999")
    other_draft = ClaimDraft.objects.create(file=other, user=camille_file.user, kind="dtr", month="2026-11")
    record_mandate(agent_client, camille_file)
    assert agent_client.get(f"/mon-espace/demarches/brouillon/{other_draft.key}/").status_code == 404
    assert (
        agent_client.post(f"/mon-espace/demarches/brouillon/{other_draft.key}/verifier/").status_code == 404
    )
    agent_client.post("/mon-espace/demarches/nouvelle/dtr/")
    assert not ClaimDraft.objects.filter(file=other).exclude(pk=other_draft.pk).exists()
    assert ClaimDraft.objects.filter(file=camille_file).count() == 1


def test_an_expired_mandate_gives_nothing(agent_client, camille_file):
    mandate = record_mandate(agent_client, camille_file)
    Mandate.objects.filter(pk=mandate.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert agent_client.post("/mon-espace/demarches/nouvelle/dtr/").status_code == 403
    assert agent_client.post(f"/agent/mandat/{mandate.pk}/agir/").status_code == 404


def test_the_person_sees_and_revokes_the_mandate(agent_client, camille_file, camille, client):
    from django.test import Client

    mandate = record_mandate(agent_client, camille_file)
    person = Client()
    person.force_login(camille)
    page = person.get("/mon-espace/actions/").content.decode()
    assert "Un agent de la CAF de Lyon peut faire pour vous" in page
    assert "Votre dossier a été consulté par un agent de la CAF de Lyon" not in page  # not opened yet
    response = person.post(f"/mon-espace/actions/mandat/{mandate.pk}/retirer/")
    assert response.status_code == 302
    mandate.refresh_from_db()
    assert mandate.revoked_at and mandate.revoked_by == "person"
    assert agent_client.post("/mon-espace/demarches/nouvelle/dtr/").status_code == 403
    assert "Mandat retiré par vous" in person.get("/mon-espace/actions/").content.decode()


def test_a_person_cannot_revoke_another_files_mandate(agent_client, camille_file, db):
    from django.test import Client

    from tests.factories import UserFactory

    mandate = record_mandate(agent_client, camille_file)
    stranger = UserFactory()
    file_factory(user=stranger, number="0888888")
    other = Client()
    other.force_login(stranger)
    assert other.post(f"/mon-espace/actions/mandat/{mandate.pk}/retirer/").status_code == 404
    mandate.refresh_from_db()
    assert mandate.revoked_at is None


def test_the_agent_ends_the_mandate(agent_client, camille_file):
    mandate = record_mandate(agent_client, camille_file)
    assert agent_client.post(f"/agent/mandat/{mandate.pk}/terminer/").status_code == 302
    mandate.refresh_from_db()
    assert mandate.revoked_by == "agent"
    assert agent_client.post("/mon-espace/demarches/nouvelle/dtr/").status_code == 403


def test_the_receipt_of_a_claim_filed_under_a_mandate_says_who_helped(agent_client, agent, camille_file):
    from benefits.letters.models import Letter

    record_mandate(agent_client, camille_file)
    claim = file_declaration(agent_client)
    receipt = Letter.objects.get(file=camille_file, kind="receipt")
    assert receipt.context["helper"] == {"name": agent.get_full_name(), "organisation": "CAF de Lyon"}
    page = agent_client.get(f"/agent/dossier/{camille_file.number}/").content.decode()
    assert receipt.reference in page and "déposée par un agent sous mandat" in page
    assert claim.mandate.helper_description()["organisation"] == "CAF de Lyon"


def test_under_a_mandate_a_claim_of_a_benefit_already_received_is_refused_in_mes_demarches(
    agent_client, camille_file
):
    camille_file.rights = [{"benefit": "ppa", "amount": 212.40}]
    camille_file.save(update_fields=["rights"])
    record_mandate(agent_client, camille_file, kinds=["ppa", "rsa"])
    response = agent_client.post("/mon-espace/demarches/nouvelle/ppa/", follow=True)
    assert response.redirect_chain == [("/mon-espace/demarches/", 302)]
    assert response.content.decode().count("Vous percevez déjà la prime d’activité") == 2  # message + line
    assert not ClaimDraft.objects.filter(file=camille_file).exists()


def test_under_a_mandate_a_draft_opened_before_the_right_arrived_is_not_filed(agent_client, camille_file):
    from tests.benefits.claims.test_standing import ready_to_file

    record_mandate(agent_client, camille_file, kinds=["ppa"])
    draft, check = ready_to_file(agent_client, "ppa")
    camille_file.rights = [{"benefit": "ppa", "amount": 212.40}]
    camille_file.save(update_fields=["rights"])
    response = agent_client.post(check, {"sworn": "oui"}, follow=True)
    assert response.redirect_chain == [("/mon-espace/demarches/", 302)]
    assert response.content.decode().count("Vous percevez déjà la prime d’activité") == 2  # message + line
    assert not Claim.objects.exists() and ClaimDraft.objects.open().get() == draft


def test_the_persons_pages_say_for_whom_the_agent_acts_and_lead_back_to_the_file(
    agent_client, agent, camille_file
):
    assert "mandat-en-cours" not in agent_client.get("/mon-espace/demarches/").content.decode()
    mandate = record_mandate(agent_client, camille_file)
    page = " ".join(agent_client.get("/mon-espace/demarches/").content.decode().split())
    until = " ".join(long_until(mandate.expires_at).split())  # "jusqu’à 14 h 30", the page flattened
    assert (
        f"Vous agissez pour {camille_file.given_names} {camille_file.family_name} "
        f"(dossier {camille_file.number}), sous mandat {until}."
    ) in page
    assert f'href="/agent/dossier/{camille_file.number}/">Retour au dossier</a>' in page
    # One band on every page under the mandate (tests/benefits/desk/test_agent_header.py): the desk's and
    # the campaigns' pages too, where the session still acts for the person.
    assert "mandat-en-cours" in agent_client.get(f"/agent/dossier/{camille_file.number}/").content.decode()
    from django.contrib.auth.models import Permission

    agent.user_permissions.add(Permission.objects.get(codename="operate_campaign"))
    campaigns = agent_client.get("/operateur/campagnes/")
    assert campaigns.status_code == 200 and "mandat-en-cours" in campaigns.content.decode()


@pytest.mark.parametrize("idle", [15 * 60, 5 * 60])
def test_the_draft_page_tells_an_agent_when_the_agents_shorter_session_ends(
    agent_client, camille_file, settings, idle
):
    """An agent's session ends after AGENT_IDLE_SECONDS, not the 30 minutes promised to a person at home."""
    settings.AGENT_IDLE_SECONDS = idle
    record_mandate(agent_client, camille_file)
    edit_url = agent_client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    before = timezone.localtime()
    page = agent_client.get(edit_url).content.decode()
    after = timezone.localtime()
    assert f'data-session-seconds="{idle}"' in page
    times = {(moment + datetime.timedelta(seconds=idle)).strftime("%H:%M") for moment in (before, after)}
    assert any(f"votre session expire à {time}." in page for time in times), times


def test_opening_another_file_under_a_mandate_is_not_journaled_under_it(agent_client, camille_file):
    # Acting for Yasmina, the agent opened Camille's file: its journal read "(à l'accueil, sous mandat)"
    # though Camille had given no mandate.
    other = file_factory(user=None, number="0999999")
    mandate = record_mandate(agent_client, camille_file)
    agent_client.post(f"/agent/mandat/{mandate.pk}/agir/")
    agent_client.get(f"/agent/dossier/{other.number}/")
    agent_client.get(f"/agent/dossier/{camille_file.number}/")
    views = JournalEntry.objects.filter(action="file_viewed")
    assert "mandate" not in views.get(target=f"file:{other.pk}").details
    assert views.filter(target=f"file:{camille_file.pk}").latest("at").details["mandate"] == mandate.pk
