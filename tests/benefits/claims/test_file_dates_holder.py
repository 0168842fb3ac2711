"""What the core cannot see in a file (benefits/claims/file_checks.py): its birth dates against today
(file_dates.py), and its holder's identity being its applicant's (file_holder.py); each refusal in
French, in the field that holds what is wrong."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from benefits.claims.file_checks import file_check, file_problems
from benefits.claims.file_dates import years_before
from tests.benefits.claims.test_file_checks import APPLICANT, CHILD, GOOD, changed, fr, with_applicant

HOLDER = {"family_name": "MARTIN", "given_names": "Camille Marie", "birth_date": datetime.date(1985, 3, 10)}


def days_from_today(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def months_from_today(months: int) -> str:
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1).isoformat()


def test_a_good_file_and_its_holder_pass():
    assert file_problems(**GOOD, holder=HOLDER) == {}
    file_check(**GOOD, holder=HOLDER)


# --- Birth dates against today ------------------------------------------------------------------


@pytest.mark.parametrize("role", ["applicant", "partner"])
def test_an_adult_born_after_today_is_refused(role):
    partner = {"id": "b", "role": role, "birth_date": days_from_today(1)}
    members = (
        [{**APPLICANT, "birth_date": days_from_today(1)}] if role == "applicant" else [APPLICANT, partner]
    )
    problems = file_problems(**changed(members=members))
    position = 1 if role == "applicant" else 2
    assert (
        fr(f"Personne n° {position}, « birth_date » : ")
        + "La date de naissance est postérieure à aujourd’hui."
    ) in problems["members"], problems


def test_an_adult_born_today_is_not_refused_for_the_date():
    problems = file_problems(**with_applicant(birth_date=days_from_today(0)))
    assert not any("aujourd’hui" in message for message in problems.get("members", [])), problems


def test_an_expected_child_is_kept_within_nine_months_and_refused_beyond():
    expected = changed(members=[APPLICANT, {**CHILD, "birth_date": months_from_today(9)}])
    assert file_problems(**expected) == {}
    too_far = changed(members=[APPLICANT, {**CHILD, "birth_date": months_from_today(10)}])
    assert file_problems(**too_far)["members"] == [
        fr("Personne n° 2, « birth_date » : ")
        + "Un enfant à naître doit naître dans les neuf mois qui viennent (date prévue de naissance)."
    ]


def test_a_birth_more_than_120_years_ago_is_refused():
    today = timezone.localdate()
    oldest = years_before(today, 120)
    assert file_problems(**with_applicant(birth_date=oldest.isoformat())) == {}
    too_old = (oldest - datetime.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError) as refused:
        file_check(**with_applicant(birth_date=too_old))
    assert refused.value.message_dict["members"] == [
        fr("Personne n° 1, « birth_date » : ") + "La date de naissance remonte à plus de 120 ans."
    ]


def test_a_birth_before_1900_is_said_once_by_the_core():
    problems = file_problems(**with_applicant(birth_date="1899-12-31"))
    assert problems["members"] == [
        fr("Personne n° 1, « birth_date » : ") + "La date de naissance est trop ancienne."
    ]


def test_a_date_the_core_cannot_read_is_said_once_by_the_core():
    problems = file_problems(**changed(members=[{**APPLICANT, "birth_date": "29990101"}]))
    assert problems["members"] == [
        fr("Personne n° 1, « birth_date » : ") + "« 29990101 » n’est pas une date au format AAAA-MM-JJ."
    ]


def test_from_the_29th_of_february_to_a_year_without_one_is_the_28th():
    assert years_before(datetime.date(2028, 2, 29), 121) == datetime.date(1907, 2, 28)
    assert years_before(datetime.date(2028, 2, 29), 120) == datetime.date(1908, 2, 29)


def test_in_english_a_date_refusal_is_english():
    with translation.override("en"):
        problems = file_problems(**changed(members=[{**APPLICANT, "birth_date": days_from_today(1)}]))
    assert problems["members"] == ["Person no. 1, “birth_date”: The birth date is after today."]


# --- The holder is the applicant ----------------------------------------------------------------


def test_names_are_compared_as_the_first_login_compares_them():
    holder = {**HOLDER, "family_name": "martin", "given_names": "CAMILLE-MARIE"}
    assert file_problems(**GOOD, holder=holder) == {}


@pytest.mark.parametrize(
    ("holder", "field", "message"),
    [
        (
            {**HOLDER, "family_name": "DURAND"},
            "family_name",
            fr("Le nom de naissance du titulaire doit être celui du demandeur (personne n° 1) : « MARTIN »."),
        ),
        (
            {**HOLDER, "given_names": "Camille"},
            "given_names",
            fr(
                "Les prénoms du titulaire doivent être ceux du demandeur (personne n° 1) : « Camille Marie »."
            ),
        ),
        (
            {**HOLDER, "birth_date": datetime.date(1985, 3, 11)},
            "birth_date",
            fr(
                "La date de naissance du titulaire doit être celle du demandeur (personne n° 1) : 10/03/1985."
            ),
        ),
        (
            {**HOLDER, "birth_date": "1985-03-11"},  # the model's value before the form's cleaning
            "birth_date",
            fr(
                "La date de naissance du titulaire doit être celle du demandeur (personne n° 1) : 10/03/1985."
            ),
        ),
    ],
)
def test_a_holder_who_is_not_the_applicant_is_refused_in_the_holders_field(holder, field, message):
    problems = file_problems(**GOOD, holder=holder)
    assert problems == {field: [message]}
    with pytest.raises(ValidationError) as refused:
        file_check(**GOOD, holder=holder, number="0000042")
    assert refused.value.message_dict[field] == [fr("Dossier 0000042 : ") + message]


def test_the_applicant_is_found_by_role_not_by_place():
    partner = {**APPLICANT, "id": "b", "role": "partner", "given_names": "Karim", "nir": "1831069123103"}
    members = [partner, CHILD, APPLICANT]
    assert file_problems(**changed(members=members), holder=HOLDER) == {}
    problems = file_problems(**changed(members=members), holder={**HOLDER, "given_names": "Karim"})
    assert problems == {
        "given_names": [
            fr("Les prénoms du titulaire doivent être ceux du demandeur (personne n° 3) : « Camille Marie ».")
        ]
    }


@pytest.mark.parametrize("names", [{"family_name": ""}, {"given_names": None}])
def test_an_applicant_without_the_holders_names_is_refused_in_the_members(names):
    key = next(iter(names))
    problems = file_problems(**with_applicant(**names), holder=HOLDER)
    assert problems == {
        "members": [fr(f"Personne n° 1, « {key} » : obligatoire pour le demandeur, le titulaire du dossier.")]
    }


def test_without_exactly_one_applicant_only_the_core_speaks():
    problems = file_problems(**changed(members=[CHILD]), holder={**HOLDER, "family_name": "DURAND"})
    assert problems == {"members": ["Il faut exactement un demandeur (role « applicant »)."]}


# --- In /gestion/, each refusal in its field -----------------------------------------------------


@pytest.mark.django_db
def test_the_gestion_form_shows_the_holder_and_date_refusals_in_their_fields(client):
    from tests.agents import agent_factory, sign_in
    from tests.benefits.claims.factories import file_factory
    from tests.benefits.claims.test_admin import file_page

    file = file_factory()
    before = (file.birth_date, file.members)
    sign_in(client, agent_factory(is_superuser=True))
    url = f"/gestion/benefits/allocatairefile/{file.pk}/change/"
    child = {**CHILD, "birth_date": months_from_today(12)}
    members = json.dumps([APPLICANT, child])
    response = client.post(url, file_page(client, url, birth_date="11/03/1985", members=members))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["birth_date"] == [
        fr("La date de naissance du titulaire doit être celle du demandeur (personne n° 1) : 10/03/1985.")
    ]
    assert errors["members"] == [
        fr("Personne n° 2, « birth_date » : ")
        + "Un enfant à naître doit naître dans les neuf mois qui viennent (date prévue de naissance)."
    ]
    file.refresh_from_db()
    assert (file.birth_date, file.members) == before
