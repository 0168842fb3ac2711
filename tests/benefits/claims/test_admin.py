"""Agents move a filed claim along its statuses in /gestion/, through the service (history and journal)."""

import pytest

from benefits.claims.models import Claim
from benefits.claims.services import claim_draft_open, claim_save_draft, claim_submit
from portal.models import JournalEntry
from tests.agents import agent_factory, current_code, sign_in
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db


def test_an_agent_puts_a_claim_under_instruction_then_accepts_it(client, user):
    draft = claim_draft_open(file=file_factory(user=user), by=user, kind="dtr", channel="home")
    draft = claim_save_draft(draft=draft, values=confirm_all(draft), by=user, channel="home")
    claim = claim_submit(draft=draft, by=user, channel="home")
    agent = agent_factory(is_superuser=True)
    sign_in(client, agent)  # /gestion/ needs the agent's second factor too
    url = "/gestion/benefits/claim/"
    for action in ("mark_en_instruction", "mark_acceptee"):
        response = client.post(url, {"action": action, "_selected_action": [claim.pk]})
        assert response.status_code == 302
    response = client.post(url, {"action": "mark_refusee", "_selected_action": [claim.pk]}, follow=True)
    assert "changement de statut impossible" in response.content.decode()
    claim = Claim.objects.get()
    assert claim.status == "acceptee"
    assert [(c.status, c.channel) for c in claim.history.all()] == [
        ("deposee", "home"),
        ("en_instruction", "agent"),
        ("acceptee", "agent"),
    ]
    assert JournalEntry.objects.filter(action="claim_status", actor=agent, channel="agent").count() == 2
    assert client.get(f"/gestion/benefits/claim/{claim.pk}/change/").status_code == 200
    assert client.get("/gestion/portal/journalentry/").status_code == 200


def test_a_view_only_agent_can_read_a_claim_but_not_change_its_status(client, user):
    from django.contrib.auth.models import Permission

    draft = claim_draft_open(file=file_factory(user=user), by=user, kind="dtr", channel="home")
    draft = claim_save_draft(draft=draft, values=confirm_all(draft), by=user, channel="home")
    claim = claim_submit(draft=draft, by=user, channel="home")
    agent = agent_factory()
    agent.groups.clear()  # no role: only the permission given below
    agent.user_permissions.add(Permission.objects.get(codename="view_claim"))
    sign_in(client, agent)
    url = "/gestion/benefits/claim/"
    page = client.get(url)
    assert page.status_code == 200 and "mark_en_instruction" not in page.content.decode()
    for action in ("mark_en_instruction", "mark_acceptee", "mark_refusee"):
        client.post(url, {"action": action, "_selected_action": [claim.pk]})
    claim.refresh_from_db()
    assert claim.status == "deposee" and claim.history.count() == 1
    assert not JournalEntry.objects.filter(action="claim_status").exists()
    # With the change permission, the same agent may.
    agent.user_permissions.add(Permission.objects.get(codename="change_claim"))
    agent = type(agent).objects.get(pk=agent.pk)  # permissions are cached on the instance
    client.post(url, {"action": "mark_en_instruction", "_selected_action": [claim.pk]})
    claim.refresh_from_db()
    assert claim.status == "en_instruction"


def test_the_files_admin_finds_a_number_typed_without_its_zeros_exactly(client):
    files = [file_factory(number=f"{n:07d}", family_name=name) for n, name in ((3, "MARTIN"), (30, "DURAND"))]
    sign_in(client, agent_factory(is_superuser=True))
    url = "/gestion/benefits/allocatairefile/"
    page = client.get(url, {"q": "000 00 03"}).content.decode()
    assert f"/{files[0].pk}/change/" in page and f"/{files[1].pk}/change/" not in page  # not LIKE '%3%'
    page = client.get(url, {"q": "duran"}).content.decode()  # a name: the admin's search, as before
    assert f"/{files[1].pk}/change/" in page and f"/{files[0].pk}/change/" not in page


def file_page(client, url: str, **changed) -> dict:
    """What a browser posts from the file's page in /gestion/, with `changed` typed in."""
    from tests.robustness.test_fuzz_admin import FormValues

    return {**FormValues(client.get(url).content.decode()).values, **changed}


OVERSEAS_MEMBERS = (
    '[{"id": "a", "role": "applicant", "given_names": "Maëva", "family_name": "HOARAU", '
    '"birth_date": "1990-07-14", "nir": "2900797411123", "activity": "employed"}]'
)


def test_an_agent_stores_an_overseas_file_the_simulator_does_not_compute_yet(client):
    from benefits.campaigns.feed_models import PersonNir
    from benefits.claims.models import AllocataireFile

    sign_in(client, agent_factory(is_superuser=True))
    url = "/gestion/benefits/allocatairefile/add/"
    posted = file_page(
        client,
        url,
        number="0097411",
        family_name="HOARAU",
        given_names="Maëva",
        birth_date="14/07/1990",
        birthplace="97411",
        members=OVERSEAS_MEMBERS,
        housing='{"status": "tenant_social", "rent": 420, "commune_insee": "97411"}',
        rights='[{"benefit": "rsa", "amount": "310.55"}]',
    )
    response = client.post(url, posted)
    assert response.status_code == 302, response.context["adminform"].form.errors
    file = AllocataireFile.objects.get(number="0097411")
    assert file.housing["commune_insee"] == "97411" and file.rights == [
        {"benefit": "rsa", "amount": "310.55"}
    ]
    assert PersonNir.objects.get().file == file  # indexed as any file


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        (
            "members",
            '[{"id": "a", "role": "applicant", "given_names": "Camille Marie", "family_name": "MARTIN", '
            '"birth_date": "1985-02-30", "nir": "2850375056101"}]',
            "Personne n°\u00a01, «\u00a0birth_date\u00a0»\u00a0: La date 1985-02-30 n’existe pas.",
        ),
        (
            "housing",
            '{"status": "tenant_social", "commune_insee": "97411"}',
            "«\u00a0rent\u00a0»\u00a0: Le loyer est obligatoire pour un locataire.",
        ),
        (
            "rights",
            '[{"benefit": "ppa"}]',
            "Les droits doivent être une liste JSON ([…]) d’objets {benefit, amount} (un montant en euros).",
        ),
    ],
)
def test_a_file_the_core_would_refuse_is_shown_again_with_the_error_in_its_field(
    client, field, typed, message
):
    from html import escape

    file = file_factory()
    before = {"members": file.members, "housing": file.housing, "rights": file.rights}
    sign_in(client, agent_factory(is_superuser=True))
    url = f"/gestion/benefits/allocatairefile/{file.pk}/change/"
    response = client.post(url, file_page(client, url, **{field: typed}))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == [field] and errors[field] == [message]
    assert escape(message) in response.content.decode()
    file.refresh_from_db()
    assert {"members": file.members, "housing": file.housing, "rights": file.rights} == before


def test_a_box_that_is_no_json_says_only_that_not_what_the_check_thinks_of_the_empty_default(client):
    from benefits.claims.models import AllocataireFile

    sign_in(client, agent_factory(is_superuser=True))
    url = "/gestion/benefits/allocatairefile/add/"
    typed = {
        "number": "0000042",
        "family_name": "MARTIN",
        "given_names": "Camille",
        "birth_date": "10/03/1985",
    }
    response = client.post(url, file_page(client, url, **typed, members="[", housing="{", rights=""))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["members"] == errors["housing"] == ["Saisissez un JSON valide."]
    # The members typed right, the housing not: the members are checked (and refused), not the housing.
    members = (
        '[{"id": "a", "role": "applicant", "given_names": "Camille", "family_name": "MARTIN", '
        '"birth_date": "1985-02-30"}]'
    )
    response = client.post(url, file_page(client, url, **typed, members=members, housing="{", rights=""))
    errors = response.context["adminform"].form.errors
    assert errors["housing"] == ["Saisissez un JSON valide."]
    assert errors["members"] == [
        "Personne n°\u00a01, «\u00a0birth_date\u00a0»\u00a0: La date 1985-02-30 n’existe pas."
    ]
    assert not AllocataireFile.objects.exists()


def test_the_demo_agent_accepts_a_filed_claim_in_gestion_as_docs_claims_md_says(client, user):
    """docs/claims.md's walk: « An agent moves it on in /gestion/ ». The demo agent alone (README's
    secrets) was refused the claims' list (403: counter role only) and the walk stopped there."""
    from benefits.desk import demo

    draft = claim_draft_open(file=file_factory(user=user), by=user, kind="dtr", channel="home")
    draft = claim_save_draft(draft=draft, values=confirm_all(draft), by=user, channel="home")
    claim = claim_submit(draft=draft, by=user, channel="home")
    demo.load_demo_agent()
    credentials = {"username": demo.DEMO_USERNAME, "password": demo.DEMO_PASSWORD}
    client.post("/agent/connexion/", credentials | {"code": current_code(demo.DEMO_TOTP_SECRET)})
    url = "/gestion/benefits/claim/"
    assert client.get(url).status_code == 200
    for action in ("mark_en_instruction", "mark_acceptee"):
        client.post(url, {"action": action, "_selected_action": [claim.pk]})
    assert Claim.objects.get().status == "acceptee"
