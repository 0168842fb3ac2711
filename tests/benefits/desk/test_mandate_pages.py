"""Mon espace for an agent under a mandate: the mandate's file only, read only where it should be.

Mes courriers showed the agent's own letters (none) under a mandate, another file's letter was a 404
like a missing one, an agent's opening marked the letter read for the person; "Actions faites pour vous"
said "Aucun dossier allocataire…"; the urgent aid's pages let an agent file the person's claim as the
agent; an agent without a mandate had « Mon espace » in the menu, and the file page two « Terminer le
mandat » buttons.
"""

import re

import pytest
from django.test import Client

from benefits.auu.models import UrgentClaim
from benefits.letters.models import Letter, LetterKind
from benefits.letters.services import letter_request
from portal.models import JournalEntry
from tests.benefits.claims.factories import file_factory
from tests.benefits.desk.test_mandates import record_mandate
from tests.benefits.letters.conftest import file_claim, letters_folder  # noqa: F401 - PDFs in tmp_path
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def flat(response) -> str:
    return words(response.content.decode())


def words(text: str) -> str:
    """Runs of spaces (no-break ones too) as one space, as flat() reads a page."""
    return " ".join(text.split())


@pytest.fixture
def camille_letter(camille_file, camille):
    """Camille's accusé de réception, rendered (a real PDF)."""
    file_claim(camille_file, camille)
    return Letter.objects.get(file=camille_file)


@pytest.fixture
def other_letter(db):
    """A letter of another person's file, on which the agent holds no mandate."""
    dominique = UserFactory(first_name="Dominique", last_name="BERNARD")
    file = file_factory(user=dominique, number="0000042")
    return letter_request(
        file=file, kind="receipt", source_key="other", revision=1, context={}, subject="Courrier de Dominique"
    )


@pytest.fixture
def mandate(agent_client, camille_file):
    return record_mandate(agent_client, camille_file)


def letter_urls(letter) -> dict[str, str]:
    base = f"/mon-espace/courriers/{letter.pk}/"
    return {"page": base, "print": base + "imprimer/", "pdf": base + "pdf/"}


def test_under_a_mandate_mes_courriers_lists_the_letters_of_the_mandates_file_only(
    agent_client, mandate, camille_file, camille, camille_letter, other_letter
):
    partner = UserFactory()
    confidential = [
        letter_request(
            file=camille_file,
            kind=LetterKind.RECEIPT,
            source_key="partner",
            revision=1,
            context={},
            subject="Courrier du conjoint",
            recipient=partner,
        ),
        # The urgent aid's receipt is the victim's own, read in their own space, never under a mandate.
        letter_request(
            file=camille_file,
            kind=LetterKind.CONFIDENTIAL_RECEIPT,
            source_key="urgent:1",
            revision=1,
            context={},
            subject="Accusé de réception confidentiel",
            recipient=camille,
        ),
    ]
    page = flat(agent_client.get("/mon-espace/courriers/"))
    assert words(camille_letter.subject) in page and camille_letter.reference in page
    assert f'href="/mon-espace/courriers/{camille_letter.pk}/"' in page
    assert "Courrier de Dominique" not in page
    for letter in confidential:
        assert letter.subject not in page
        assert agent_client.get(f"/mon-espace/courriers/{letter.pk}/").status_code == 403
    # The person's own path is unchanged: Camille reads her receipt and the confidential one.
    camilles = Client()
    camilles.force_login(camille)
    own = flat(camilles.get("/mon-espace/courriers/"))
    assert words(camille_letter.subject) in own and "Accusé de réception confidentiel" in own
    assert "Courrier du conjoint" not in own and "Courrier de Dominique" not in own


def test_under_a_mandate_the_letters_page_speaks_to_the_agent_not_to_the_person(
    agent_client, mandate, camille_file, camille, camille_letter
):
    """It said « Mes courriers » and « Les courriers de la CAF sur votre dossier » to the agent
    (walk13b); the person's own page is unchanged."""
    page = flat(agent_client.get("/mon-espace/courriers/"))
    assert "<h1>Courriers de la personne</h1>" in page and "sur votre dossier" not in page
    assert f"Les courriers de la CAF sur le dossier {camille_file.number}." in page
    assert "reste non lu pour elle" in page
    camilles = Client()
    camilles.force_login(camille)
    own = flat(camilles.get("/mon-espace/courriers/"))
    assert "<h1>Mes courriers</h1>" in own and "sur votre dossier" in own


PERSONS_NOTICE = "La CAF ne vous demande jamais vos coordonnées bancaires"
AGENTS_NOTICE = "La CAF ne demande jamais à la personne ses coordonnées bancaires"


def test_under_a_mandate_the_letter_and_the_list_end_with_the_agents_notice_and_way_back(
    agent_client, mandate, camille, camille_letter
):
    """The security notice said « La CAF ne vous demande jamais… dans votre espace » and the list
    « Retour à Mon espace » to the agent (walk13b); the person's own pages are unchanged."""
    camilles = Client()
    camilles.force_login(camille)
    letter_page = letter_urls(camille_letter)["page"]
    for url in ("/mon-espace/courriers/", letter_page):
        page = flat(agent_client.get(url))
        assert AGENTS_NOTICE in page and "vous pouvez le lui rappeler" in page, url
        assert PERSONS_NOTICE not in page and "dans votre espace" not in page, url
        assert "Retour à Mon espace" not in page, url
        own = flat(camilles.get(url))
        assert PERSONS_NOTICE in own and AGENTS_NOTICE not in own, url
    inbox = flat(agent_client.get("/mon-espace/courriers/"))
    assert '<a class="fr-link" href="/mon-espace/demarches/">Retour aux démarches de la personne</a>' in inbox
    assert '<a class="fr-link" href="/mon-espace/">Retour à Mon espace</a>' in flat(
        camilles.get("/mon-espace/courriers/")
    )
    # The letter leads back to the list under the agent's name for it.
    assert 'href="/mon-espace/courriers/"> Courriers de la personne </a>' in flat(
        agent_client.get(letter_page)
    )


@pytest.mark.parametrize("view", ["page", "print", "pdf"])
def test_an_agent_opening_the_persons_letter_is_journaled_and_leaves_it_unread(
    agent_client, agent, mandate, camille_letter, view
):
    response = agent_client.get(letter_urls(camille_letter)[view])
    assert response.status_code == 200
    if view == "pdf":
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    else:
        assert "Ce que vous avez déclaré" in flat(response)
    camille_letter.refresh_from_db()
    assert camille_letter.read_at is None  # the person has not read it
    entry = JournalEntry.objects.get(action="letter_viewed")
    assert entry.target == f"letter:{camille_letter.pk}"
    assert (entry.actor, entry.channel) == (agent, "agent")
    assert entry.details == {
        "file": camille_letter.file_id,
        "reference": camille_letter.reference,
        "mandate": mandate.pk,
    }


def test_the_person_opening_the_letter_still_marks_it_read_and_reads_the_agents_opening(
    agent_client, mandate, camille, camille_letter
):
    agent_client.get(letter_urls(camille_letter)["page"])
    camilles = Client()
    camilles.force_login(camille)
    assert camilles.get(letter_urls(camille_letter)["page"]).status_code == 200
    camille_letter.refresh_from_db()
    assert camille_letter.read_at is not None
    assert JournalEntry.objects.filter(action="letter_viewed").count() == 1  # the agent's only
    actions = flat(camilles.get("/mon-espace/actions/"))
    assert (
        f"Votre courrier {camille_letter.reference} a été consulté par un agent de la CAF de Lyon le"
        in actions
    )


@pytest.mark.parametrize("view", ["page", "print", "pdf"])
def test_another_files_letter_is_a_403_non_couvert_par_le_mandat(agent_client, mandate, other_letter, view):
    response = agent_client.get(letter_urls(other_letter)[view])
    assert response.status_code == 403
    page = flat(response)
    assert "<title> Non couvert par le mandat — " in page and "<h1>Non couvert par le mandat</h1>" in page
    assert f"n’est pas celui du dossier {mandate.file.number}" in page
    assert "terminez le mandat en cours, ouvrez l’autre dossier et enregistrez un mandat" in page
    assert "Courrier de Dominique" not in page and other_letter.file.number not in page
    assert page.count("Terminer le mandat") == 1  # the band's
    other_letter.refresh_from_db()
    assert other_letter.read_at is None
    assert not JournalEntry.objects.filter(action="letter_viewed").exists()


def test_a_missing_letter_is_still_a_404_for_the_agent(agent_client, mandate):
    assert agent_client.get("/mon-espace/courriers/999999/").status_code == 404


def test_without_a_mandate_mes_courriers_sends_the_agent_to_the_desk(agent_client, camille_letter):
    for url in ["/mon-espace/courriers/", letter_urls(camille_letter)["page"], "/mon-espace/actions/"]:
        response = agent_client.get(url, follow=True)
        assert response.redirect_chain == [("/agent/", 302)], url
        assert "« Mon espace » est l’espace des allocataires." in flat(response)
    camille_letter.refresh_from_db()
    assert camille_letter.read_at is None


def test_actions_faites_pour_vous_under_a_mandate_show_the_mandates_file_read_only(
    agent_client, mandate, camille_file
):
    page = flat(agent_client.get("/mon-espace/actions/"))
    assert "Aucun dossier allocataire" not in page
    assert "Mandat donné à un agent de la CAF de Lyon pour : Déclaration trimestrielle de ressources" in page
    assert "Retirer ce mandat" not in page and "/mon-espace/actions/mandat/" not in page
    assert page.count("Terminer le mandat") == 1
    # The person's withdrawal is the person's own: the agent ends the mandate from the band.
    assert agent_client.post(f"/mon-espace/actions/mandat/{mandate.pk}/retirer/").status_code == 403
    mandate.refresh_from_db()
    assert mandate.revoked_at is None


@pytest.mark.parametrize("url", ["/mon-espace/demarche/", "/mon-espace/demarche/nouvelle/"])
def test_the_urgent_aid_is_refused_under_a_mandate_with_what_to_do(agent_client, mandate, url):
    response = agent_client.get(url)
    assert response.status_code == 403
    page = flat(response)
    assert "<h1>Non disponible sous mandat</h1>" in page
    assert "seule la personne concernée la fait et la suit, depuis son propre espace" in page
    assert "urgence" not in page.lower()  # the aid is named nowhere, as on its own pages
    assert agent_client.post(url, {"perpetrator": "spouse"}).status_code == 403
    assert not UrgentClaim.objects.exists()


def test_the_urgent_aid_sends_an_agent_without_mandate_to_the_desk(agent_client):
    response = agent_client.get("/mon-espace/demarche/nouvelle/")
    assert (response.status_code, response["Location"]) == (302, "/agent/")


def nav_labels(page: str) -> list[str]:
    nav = re.search(r'<nav class="fr-nav" id="navigation-principale".*?</nav>', page)[0]
    return [re.sub(r"<[^>]+>", "", link).strip() for link in re.findall(r"<a\b[^>]*>(.*?)</a>", nav)]


def test_an_agent_without_mandate_has_no_mon_espace_in_the_menu(agent_client, camille_file):
    for url in ["/agent/", f"/agent/dossier/{camille_file.number}/", "/"]:
        assert nav_labels(flat(agent_client.get(url))) == ["Accueil", "Estimer mes droits", "Se faire aider"]


def test_under_a_mandate_the_menu_has_mon_espace_and_each_page_one_terminer_le_mandat(
    agent_client, mandate, camille_file, camille_letter
):
    for url in [
        f"/agent/dossier/{camille_file.number}/",
        "/agent/",
        "/mon-espace/demarches/",
        "/mon-espace/courriers/",
        letter_urls(camille_letter)["page"],
        "/mon-espace/actions/",
    ]:
        page = flat(agent_client.get(url))
        assert "Mon espace" in nav_labels(page), url
        assert page.count("Terminer le mandat") == 1, url
        assert page.count(f'action="/agent/mandat/{mandate.pk}/terminer/"') == 1, url


def test_the_file_page_keeps_its_own_terminer_le_mandat_out_of_the_way_of_the_bands(
    agent_client, camille_file
):
    other = file_factory(user=UserFactory(), number="0000042")
    others = record_mandate(agent_client, other)
    in_force = record_mandate(agent_client, camille_file)  # the one in the session now
    page = flat(agent_client.get(f"/agent/dossier/{other.number}/"))
    assert page.count("Terminer le mandat") == 1
    assert f'action="/agent/mandat/{in_force.pk}/terminer/"' in page
    assert f'action="/agent/mandat/{others.pk}/terminer/"' not in page
    assert f'action="/agent/mandat/{others.pk}/agir/"' in page  # "Faire les démarches pour la personne"
    # Out of the session, the file page ends its mandate itself.
    agent_client.post(f"/agent/mandat/{in_force.pk}/terminer/")
    page = flat(agent_client.get(f"/agent/dossier/{other.number}/"))
    assert page.count("Terminer le mandat") == 1
    assert f'action="/agent/mandat/{others.pk}/terminer/"' in page


def test_the_allocataires_menu_is_unchanged(logged_client):
    assert "Mon espace" in nav_labels(flat(logged_client.get("/")))


def test_a_day_mandate_reads_until_midnight_in_the_band(agent_client, camille_file):
    record_mandate(agent_client, camille_file, duration="journee")
    band = flat(agent_client.get("/mon-espace/demarches/"))
    assert f"(dossier {camille_file.number}), sous mandat jusqu’à minuit." in band


def test_the_403_sends_the_agent_to_the_persons_letters_by_the_name_the_page_bears(
    agent_client, mandate, other_letter
):
    """The 403 said « retrouvez ses courriers dans « Mes courriers » », a page the agent sees headed
    « Courriers de la personne » (walk13b)."""
    page = agent_client.get(letter_urls(other_letter)["page"]).content.decode()  # its no-break spaces
    assert "retrouvez ses courriers dans «\u00a0Courriers de la personne\u00a0»" in page
    assert "«\u00a0Mes courriers\u00a0»" not in page


def test_under_a_mandate_the_letters_way_back_bears_the_inboxs_name(
    agent_client, mandate, camille, camille_letter
):
    """The letter's « ← Mes courriers » and its title led the agent to a page headed « Courriers de la
    personne » (walk13b); the person's letter keeps « Mes courriers »."""
    page = flat(agent_client.get(letter_urls(camille_letter)["page"]))
    assert "— Courriers de la personne — " in page and "— Mes courriers — " not in page
    assert "> Courriers de la personne </a>" in page and "Mes courriers </a>" not in page
    camilles = Client()
    camilles.force_login(camille)
    own = flat(camilles.get(letter_urls(camille_letter)["page"]))
    assert "— Mes courriers — " in own and "> Mes courriers </a>" in own


def test_the_file_page_says_the_mandates_end_as_the_band_does(agent_client, camille_file):
    """The file page said « Il prend fin le 5 décembre 2026 à 00:00 » of a day mandate the band says
    ends « jusqu’à minuit » (walk13b)."""
    record_mandate(agent_client, camille_file, duration="journee")
    page = flat(agent_client.get(f"/agent/dossier/{camille_file.number}/"))
    assert "jusqu’à minuit." in page.split("Agir pour la personne", 1)[1].split("</p>", 1)[0]
    assert "Il prend fin" not in page and "à 00:00" not in page


@pytest.mark.parametrize("linked", [True, False], ids=["linked account", "no linked account"])
def test_actions_faites_pour_vous_under_a_mandate_speak_to_the_person_with_or_without_an_account(
    agent_client, linked
):
    # A file no account is linked to yet (the person never signed in with FranceConnect+) read the agent's
    # 360° wording, « Dossier consulté par… », under « Actions faites pour vous » and « Vos mandats ».
    file = file_factory(user=UserFactory(first_name="Camille Marie") if linked else None, number="0000077")
    assert agent_client.get(f"/agent/dossier/{file.number}/").status_code == 200
    record_mandate(agent_client, file)
    page = flat(agent_client.get("/mon-espace/actions/"))
    assert "<h1>Actions faites pour vous</h1>" in page and "<h2>Vos mandats</h2>" in page
    assert "Votre dossier a été consulté par un agent de la CAF de Lyon le" in page
    assert "Dossier consulté par" not in page


def test_under_a_mandate_a_claims_page_leads_back_to_the_persons_demarches(
    agent_client, mandate, camille_file, camille
):
    """A filed claim's page ended on « Retour à Mon espace », the person's words, for the agent too."""
    claim = file_claim(camille_file, camille)
    url = f"/mon-espace/demarches/demande/{claim.pk}/"
    page = flat(agent_client.get(url))
    assert '<a class="fr-link" href="/mon-espace/demarches/">Retour aux démarches de la personne</a>' in page
    assert "Retour à Mon espace" not in page
    person = Client()
    person.force_login(camille)
    assert '<a class="fr-link" href="/mon-espace/">Retour à Mon espace</a>' in flat(person.get(url))
