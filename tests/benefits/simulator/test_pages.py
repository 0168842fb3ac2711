"""Details of the questionnaire and result pages: French formats, communes, questions asked, next steps."""

import re

import pytest

from benefits.rules import compute, parse_household
from benefits.simulator.communes import resolve_commune
from benefits.simulator.formatting import day, euros, month_name
from benefits.simulator.models import Simulation
from benefits.simulator.steps import current_month
from portal.dates import long_date
from tests.benefits.simulator.journey import SINGLE_PARENT, answer_steps, walk
from tests.htmx import outer_html, swap_outer_html

pytestmark = pytest.mark.django_db


def test_french_formats():
    assert euros(1234.5) == "1\u00a0234,50\u00a0€"
    assert euros(0) == "0,00\u00a0€"
    assert euros("1000000") == "1\u00a0000\u00a0000,00\u00a0€"
    assert month_name("2026-06") == "juin 2026"
    assert day("1990-03-10") == "10/03/1990"


def test_the_start_page_names_the_month_in_words(client):
    html = client.get("/simulateur/").content.decode()
    assert f"Le calcul est fait pour {month_name(current_month())}," in html
    assert current_month() not in html  # never "2026-11"


def test_the_start_page_asks_for_the_n2_income_only_where_the_incomes_step_does(client):
    """The incomes step asks for it only with children, an expected child or a disability (views.py,
    needs_n2)."""
    html = " ".join(client.get("/simulateur/").content.decode().split())
    assert (
        "seulement si vous avez des enfants, en attendez un ou avez un handicap : votre revenu net imposable"
        in html
    )


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Lyon", "69123"), ("69123", "69123"), ("Saint-Denis (93066)", "93066"), ("paris", "75056")],
)
def test_a_commune_is_found_by_name_code_or_suggestion(typed, code):
    assert resolve_commune(typed) == (code, "")


def test_an_ambiguous_or_unknown_commune_says_why():
    assert "Plusieurs communes s’appellent Saint-Denis" in resolve_commune("Saint-Denis")[1]
    assert "Commune introuvable" in resolve_commune("Zzzyx")[1]


def test_the_zone_in_plain_words_is_the_fallback_for_an_unknown_commune(client):
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    answers = dict(SINGLE_PARENT["housing"], commune="Zzzyx")
    response = client.post("/simulateur/logement/", answers)
    assert "Commune introuvable" in response.content.decode()
    response = client.post("/simulateur/logement/", dict(answers, zone="2"))
    assert response.status_code == 302


def test_commune_suggestions_without_javascript_and_as_an_htmx_swap(client):
    full = client.get("/simulateur/logement/", {"commune": "Saint-Den"}).content.decode()
    assert '<option value="Saint-Denis (93066)">' in full
    assert 'value="Saint-Den"' in full  # what was typed stays in the field
    before = client.get("/simulateur/logement/").content.decode()
    assert "Saint-Denis (93066)" not in before
    partial = client.get(
        "/simulateur/logement/", {"commune": "Saint-Den"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert partial.strip().startswith('<datalist id="communes">')
    swapped = swap_outer_html(before, "communes", partial)
    assert outer_html(swapped, "communes") == outer_html(full, "communes")


def test_incomes_page_names_the_months_and_the_tax_year(client):
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    client.post("/simulateur/personnes/", SINGLE_PARENT["persons"])
    session = client.session
    session["simulator"]["month"] = "2026-06"
    session.save()
    html = client.get("/simulateur/revenus/").content.decode()
    assert "Revenu net imposable de 2024" in html and "avis d’impôt 2025" in html
    assert "Montant net social en mars 2026" in html and "depuis janvier 2025" in html
    assert "montant net social" in html


def test_no_tax_year_question_for_a_person_alone_without_disability(client):
    client.post("/simulateur/foyer/", {"couple": "non", "children": "0"})
    persons = {k: v for k, v in SINGLE_PARENT["persons"].items() if not k.startswith("enfant")}
    client.post("/simulateur/personnes/", persons)
    html = client.get("/simulateur/revenus/").content.decode()
    assert "taxable_n2" not in html and "alimony" not in html


def test_check_page_shows_french_dates_and_amounts(client):
    for step, url in (
        ("household", "/simulateur/foyer/"),
        ("persons", "/simulateur/personnes/"),
        ("housing", "/simulateur/logement/"),
    ):
        client.post(url, SINGLE_PARENT[step])
    client.post("/simulateur/revenus/", dict(SINGLE_PARENT["incomes"], **{"demandeur-salary": "1234.5"}))
    html = client.get("/simulateur/verifier/").content.decode()
    assert "10/03/1990" in html and "1\u00a0234,50\u00a0€" in html and "Lyon" in html
    assert html.count(">Modifier<") >= 8


def test_result_shows_french_amounts_next_steps_and_versions(client):
    response = walk(client)
    html = response.content.decode()
    simulation = Simulation.objects.get()
    expected = compute(parse_household(simulation.household, simulation.month))
    assert euros(expected.total) in html
    assert f"Estimation pour {month_name(simulation.month)}" in html
    assert "Demander la prime d’activité" in html and 'href="/mon-espace/demarches/"' in html
    assert simulation.parameters_version in html and simulation.engine_version in html
    # Dates as French writes them ("1er décembre", never "1 décembre"), by portal.dates.long_date.
    assert f"Estimation calculée le {long_date(simulation.created_at)} " in html
    assert "calculée le 1 " not in html
    assert "C’est une estimation" in html
    # The chart has a text equivalent: the table gives every amount the bars show.
    chart = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in chart and "style=" not in chart
    for benefit in expected.benefits.values():
        if benefit.amount > 0 and benefit.period == "month":
            assert euros(benefit.amount) in chart
            assert html.count(euros(benefit.amount)) >= 3


def test_an_unknown_or_expired_token_is_a_404(client):
    assert client.get("/simulateur/resultat/nope/").status_code == 404


def region_text(html: str, element_id: str) -> str:
    """The region as text to compare, with the per-render CSRF masks made equal."""
    region = re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"',
        'name="csrfmiddlewaretoken"',
        outer_html(html, element_id),
    )
    return re.sub(r"\s+", " ", region).strip()


def test_what_if_without_javascript_makes_a_new_simulation_and_keeps_the_old_one(client):
    walk(client)
    old = Simulation.objects.get()
    response = client.post(f"/simulateur/resultat/{old.token}/", {"salary": "1600", "rent": "650"})
    new = Simulation.objects.exclude(pk=old.pk).get()
    assert response.status_code == 302 and response["Location"] == f"/simulateur/resultat/{new.token}/"
    assert new.answers["incomes"]["applicant"]["salary"] == "1600"
    expected = compute(parse_household(new.household, new.month))
    assert euros(expected.total) in client.get(response["Location"]).content.decode()
    assert Simulation.objects.get(pk=old.pk).result == old.result


def test_what_if_with_htmx_swaps_the_result_region_like_a_full_render(client):
    walk(client)
    old = Simulation.objects.get()
    page = client.get(f"/simulateur/resultat/{old.token}/").content.decode()
    partial = client.post(
        f"/simulateur/resultat/{old.token}/",
        {"salary": "1600", "rent": "700"},
        headers={"HX-Request": "true"},
    )
    new = Simulation.objects.exclude(pk=old.pk).get()
    assert partial["HX-Push-Url"] == f"/simulateur/resultat/{new.token}/"
    swapped = swap_outer_html(page, "resultat", partial.content.decode())
    full_new = client.get(f"/simulateur/resultat/{new.token}/").content.decode()
    assert region_text(swapped, "resultat") == region_text(full_new, "resultat")
    assert 'aria-live="polite"' in outer_html(swapped, "resultat")


def test_what_if_errors_next_to_the_field_with_and_without_javascript(client):
    walk(client)
    token = Simulation.objects.get().token
    html = client.post(f"/simulateur/resultat/{token}/", {"salary": "-5"}).content.decode()
    assert "Votre réponse contient des erreurs" in html and 'href="#id_salary"' in html
    assert 'value="-5"' in html
    response = client.post(
        f"/simulateur/resultat/{token}/", {"salary": "abc"}, headers={"HX-Request": "true"}
    )
    assert response["HX-Retarget"] == "#et-si"
    assert response.content.decode().strip().startswith('<div id="et-si"')
    assert "Indiquez un montant en euros" in response.content.decode()
    assert Simulation.objects.count() == 1


def test_a_recent_single_parent_is_asked_since_when_and_it_reaches_the_household(client):
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    assert "isolement-since" in client.get("/simulateur/personnes/").content.decode()
    bad = client.post("/simulateur/personnes/", dict(SINGLE_PARENT["persons"], **{"isolement-since": "mars"}))
    assert "Indiquez un mois au format MM/AAAA" in bad.content.decode()
    client.post("/simulateur/personnes/", dict(SINGLE_PARENT["persons"], **{"isolement-since": "03/2025"}))
    walk(
        client, dict(SINGLE_PARENT, persons=dict(SINGLE_PARENT["persons"], **{"isolement-since": "03/2025"}))
    )
    assert Simulation.objects.get().household["single_parent_since"] == "2025-03"


def test_a_couple_is_not_asked_about_single_parenthood(client):
    client.post("/simulateur/foyer/", {"couple": "oui", "children": "1"})
    assert "isolement-since" not in client.get("/simulateur/personnes/").content.decode()


def test_unemployment_start_is_asked_kept_only_with_unemployment_and_reaches_the_household(client):
    unemployed = dict(
        SINGLE_PARENT["persons"],
        **{"demandeur-activity": "unemployed", "demandeur-unemployed_since": "01/02/2026"},
    )
    walk(client, dict(SINGLE_PARENT, persons=unemployed))
    assert Simulation.objects.get().household["persons"][0]["unemployed_since"] == "2026-02-01"
    # Coming back shows the dates as they were typed, not in ISO format.
    page = client.get("/simulateur/personnes/").content.decode()
    assert 'value="01/02/2026"' in page and 'value="10/03/1990"' in page and 'value="01/09/2019"' in page
    # With another situation, a date left in the field is not used.
    employed = dict(unemployed, **{"demandeur-activity": "employed"})
    client.post("/simulateur/personnes/", employed)
    assert client.session["simulator"]["answers"]["applicant"]["unemployed_since"] == ""


def test_unemployment_start_cannot_be_in_the_future(client):
    client.post("/simulateur/foyer/", SINGLE_PARENT["household"])
    future = dict(
        SINGLE_PARENT["persons"],
        **{"demandeur-activity": "unemployed", "demandeur-unemployed_since": "01/01/2999"},
    )
    html = client.post("/simulateur/personnes/", future).content.decode()
    assert (
        "Cette date ne peut pas être dans le futur." in html
        and 'href="#id_demandeur-unemployed_since"' in html
    )


def test_the_error_summary_names_whose_answer_is_missing(client):
    """Three "Date de naissance : Indiquez la date de naissance." in a row said nothing of whose."""
    client.post("/simulateur/foyer/", {"couple": "oui", "children": "1"})
    page = client.post("/simulateur/personnes/", {"demandeur-birth_date": "10/03/1990"}).content.decode()
    summary = " ".join(page.split('id="erreurs"', 1)[1].split("</ul>", 1)[0].split())
    for who in ("Votre conjoint ou conjointe", "Enfant 1"):
        assert f"{who} — Date de naissance : Indiquez la date de naissance." in summary
    for who in ("Vous", "Votre conjoint ou conjointe"):
        assert f"{who} — Situation actuelle : Choisissez une situation." in summary
    persons = {
        f"{who}-{field}": value
        for who in ("demandeur", "conjoint")
        for field, value in (
            ("birth_date", "10/03/1990"),
            ("activity", "employed"),
            ("disability", "none"),
            ("nationality", "fr"),
        )
    } | {"enfant1-birth_date": "01/09/2019"}
    assert client.post("/simulateur/personnes/", persons).status_code == 302
    assert client.post("/simulateur/logement/", SINGLE_PARENT["housing"]).status_code == 302
    page = client.post("/simulateur/revenus/", {"demandeur-salary": "mille"}).content.decode()
    summary = " ".join(page.split('id="erreurs"', 1)[1].split("</ul>", 1)[0].split())
    assert "Vous — Salaire : montant net social par mois : Indiquez un montant en euros" in summary
    assert (
        "Votre conjoint ou conjointe — Salaire : montant net social par mois : Indiquez un montant" in summary
    )


def test_saved_amounts_come_back_with_the_decimal_comma_that_was_typed(client):
    """ "520,50" typed came back as "520.50" on "Modifier" and in the "Et si…" form."""

    def value(html, name):
        return re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)[1]

    answers = {
        **SINGLE_PARENT,
        "housing": {**SINGLE_PARENT["housing"], "rent": "520,50"},
        "incomes": {**SINGLE_PARENT["incomes"], "demandeur-salary": "1 250,30 €"},
    }
    result = walk(client, answers).content.decode()
    assert (value(result, "salary"), value(result, "rent")) == ("1250,30", "520,50")
    assert value(client.get("/simulateur/logement/").content.decode(), "rent") == "520,50"
    assert value(client.get("/simulateur/revenus/").content.decode(), "demandeur-salary") == "1250,30"
    client.post("/langue/", {"language": "en", "next": "/"})
    assert value(client.get("/simulateur/logement/").content.decode(), "rent") == "520.50"


def test_what_if_labels_say_the_unit_in_the_label_screen_readers_read(client):
    walk(client)
    html = client.get(f"/simulateur/resultat/{Simulation.objects.get().token}/").content.decode()
    for name, label in (
        ("salary", "Et si votre montant net social mensuel était de (en euros)"),
        ("rent", "Et si votre loyer hors charges était de (en euros)"),
    ):
        found = re.search(rf'<label class="fr-label" for="id_{name}">(.*?)</label>', html, re.DOTALL)
        assert found and " ".join(found.group(1).split()) == label, name


def test_an_owner_with_a_loan_reads_loan_repayment_not_rent_in_what_if_and_on_the_check_page(client):
    owner = {
        **SINGLE_PARENT,
        "housing": {**SINGLE_PARENT["housing"], "status": "owner_with_loan", "rent": "700"},
    }
    for step, url in (
        ("household", "/simulateur/foyer/"),
        ("persons", "/simulateur/personnes/"),
        ("housing", "/simulateur/logement/"),
        ("incomes", "/simulateur/revenus/"),
    ):
        assert client.post(url, owner[step]).status_code == 302, step
    check = " ".join(re.sub(r"<[^>]+>", " ", client.get("/simulateur/verifier/").content.decode()).split())
    assert "Mensualité d’emprunt 700" in check and "Loyer" not in check
    result = client.get(client.post("/simulateur/verifier/")["Location"]).content.decode()
    found = re.search(r'<label class="fr-label" for="id_rent">(.*?)</label>', result, re.DOTALL)
    assert (
        found and " ".join(found.group(1).split()) == "Et si votre mensualité d’emprunt était de (en euros)"
    )


def test_the_english_check_page_writes_its_income_rows_with_an_english_colon(client):
    """« Vous : chômage » was glued in the code with French's no-break space: English read
    "You : unemployment" beside "You: date of birth"."""
    client.cookies["django_language"] = "en"
    answers = dict(SINGLE_PARENT, incomes={**SINGLE_PARENT["incomes"], "demandeur-unemployment": "300"})
    answer_steps(client, answers)
    html = " ".join(client.get("/simulateur/verifier/").content.decode().split())
    assert "You: unemployment" in html and "You: date of birth" in html
    assert "You : " not in html and "You\u00a0:" not in html


def test_the_check_page_shows_the_nationality_and_the_years_of_residence_permit(client):
    """The RSA reads them (CASF L262-4): a wrong radio on the persons' page could not be seen here."""
    persons = {
        **SINGLE_PARENT["persons"],
        "demandeur-nationality": "autre",
        "demandeur-permit_years": "3",
        "demandeur-disability": "50",
        "demandeur-rsdae": "on",
    }
    answers = dict(SINGLE_PARENT, persons=persons)
    answer_steps(client, answers)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get("/simulateur/verifier/").content.decode()))
    assert "Vous : nationalité D’un autre pays" in text.replace("\u00a0", " ")
    assert "Vous : titre de séjour depuis 3 ans" in text.replace("\u00a0", " ")
    assert "Vous : restriction d’accès à l’emploi reconnue Oui" in text.replace("\u00a0", " ")


def test_a_step_and_its_amount_are_joined_by_the_colon_of_the_page_language(client):
    """The steps' template wrote "label : amount" with a line break before the colon: in French a
    breakable space (the colon could start a line), in English "months : 0,00 €"."""
    french = walk(client).content.decode()
    assert "Moyenne des primes des trois mois précédents\u00a0: <strong>" in french
    client.cookies["django_language"] = "en"
    english = walk(client).content.decode()
    assert "Average of the primes of the three previous months: <strong>" in english
