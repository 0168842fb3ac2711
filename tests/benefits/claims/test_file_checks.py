"""The one check of a file's data (benefits/claims/file_checks.py): the core's refusals in the file's own
fields and in French, the portal's own reading rules, and an overseas commune accepted (a limit of the
simulator, not bad data)."""

import copy

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from benefits.claims.file_checks import file_check, file_problems
from benefits.rules.input_values import OVERSEAS_FR

NBSP = "\u00a0"
APPLICANT = {
    "id": "a",
    "role": "applicant",
    "given_names": "Camille Marie",
    "family_name": "MARTIN",
    "birth_date": "1985-03-10",
    "nir": "2850375056101",
    "activity": "employed",
    "taxable_n2": 12000,
}
CHILD = {
    "id": "c1",
    "role": "child",
    "given_names": "Léa",
    "family_name": "MARTIN",
    "birth_date": "2018-05-02",
}
GOOD = {
    "members": [APPLICANT, CHILD],
    "housing": {"status": "tenant_private", "rent": 640, "zone": 2},
    "rights": [{"benefit": "ppa", "amount": "212.40"}, {"benefit": "aide_logement", "amount": 268}],
}


def changed(**fields) -> dict:
    data = copy.deepcopy(GOOD)
    data.update(fields)
    return data


def with_applicant(**values) -> dict:
    return changed(members=[{**APPLICANT, **values}, CHILD])


def fr(text: str) -> str:
    """A message as written in the code's French: no-break spaces inside « » and before a colon."""
    return (
        text.replace("« ", f"«{NBSP}")
        .replace(" »", f"{NBSP}»")
        .replace(" :", f"{NBSP}:")
        .replace("n° ", f"n°{NBSP}")
    )


def test_a_good_file_has_no_problem_and_passes_the_check():
    assert file_problems(**GOOD) == {}
    file_check(**GOOD)  # raises nothing


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        # the core's refusals, in the field they come from, with the person's position and the file's key
        (
            with_applicant(birth_date="1985-02-30"),
            "members",
            fr("Personne n° 1, « birth_date » : ") + "La date 1985-02-30 n’existe pas.",
        ),
        (
            with_applicant(birth_date=None),
            "members",
            fr("Personne n° 1, « birth_date » : ") + "La date est obligatoire (AAAA-MM-JJ).",
        ),
        (
            with_applicant(activity="astronaut"),
            "members",
            fr("Personne n° 1, « activity » : ") + "Situation inconnue « astronaut ».",
        ),
        (
            with_applicant(disability_rate=80),
            "members",
            fr("Personne n° 1, « disability_rate » : ")
            + "Le taux d’incapacité doit être compris entre 0 et 1 (0,8 pour 80 %).",
        ),
        (
            with_applicant(taxable_n2="douze mille"),
            "members",
            fr("Personne n° 1, « taxable_n2 » : ") + "Le montant doit être un nombre d’euros.",
        ),
        (
            changed(members=[APPLICANT, {**CHILD, "birth_date": "1980-01-01"}]),
            "members",
            fr("Personne n° 2, « birth_date » : ")
            + "Un enfant ne peut pas être plus âgé que le demandeur ou son conjoint.",
        ),
        (
            changed(members=[CHILD]),
            "members",
            "Il faut exactement un demandeur (role « applicant »).",
        ),
        (changed(members=[]), "members", "Il faut au moins une personne : le demandeur."),
        (
            changed(housing={"status": "castle"}),
            "housing",
            fr("« status » : ") + "Situation de logement inconnue « castle ».",
        ),
        (
            changed(housing={"status": "tenant_private", "zone": 2}),
            "housing",
            fr("« rent » : ") + "Le loyer est obligatoire pour un locataire.",
        ),
        (
            changed(housing={"status": "tenant_private", "rent": -5, "zone": 2}),
            "housing",
            fr("« rent » : ") + "Le montant ne peut pas être négatif.",
        ),
        (
            changed(housing={"status": "tenant_private", "rent": 600}),
            "housing",
            fr("« zone » : ") + "Pour un locataire, il faut la commune ou la zone du logement.",
        ),
        (
            changed(housing={"status": "tenant_private", "rent": 600, "commune_insee": "99999"}),
            "housing",
            fr("« commune_insee » : ") + "Commune 99999 inconnue : indiquez la zone (1, 2 ou 3).",
        ),
        (
            changed(housing={"status": "owner", "commune_insee": "Lyon"}),
            "housing",
            fr("« commune_insee » : ") + "Le code commune INSEE a 5 caractères (ex. 75056).",
        ),
        (
            changed(housing={"status": "owner", "floor": 3}),
            "housing",
            fr("« floor » : ") + "Champ inconnu « floor ».",
        ),
        # what the portal's pages read, before the core
        (
            changed(members={"id": "a"}),
            "members",
            "Les membres doivent être une liste JSON ([…]) de personnes.",
        ),
        (
            with_applicant(nir="285037505610199"),
            "members",
            fr("Personne n° 1 : la clé du NIR est incorrecte."),
        ),
        (
            changed(members=[APPLICANT, {**CHILD, "id": "a"}]),
            "members",
            fr("Deux personnes ont le même identifiant « id »."),
        ),
        (changed(housing=[]), "housing", "Le logement doit être un objet JSON ({…})."),
        (
            changed(rights=[{"benefit": "ppa"}]),
            "rights",
            "Les droits doivent être une liste JSON ([…]) d’objets {benefit, amount} (un montant en euros).",
        ),
        (
            changed(rights=[{"benefit": "ppa", "amount": "beaucoup"}]),
            "rights",
            "Les droits doivent être une liste JSON ([…]) d’objets {benefit, amount} (un montant en euros).",
        ),
    ],
)
def test_each_kind_of_bad_data_is_refused_in_its_field_with_its_french_message(data, field, message):
    problems = file_problems(**data)
    assert message in problems[field], problems
    with pytest.raises(ValidationError) as refused:
        file_check(**data)
    assert message in refused.value.message_dict[field]


def test_every_problem_of_the_core_is_listed_at_once():
    data = changed(
        members=[{**APPLICANT, "birth_date": "1985-02-30", "activity": "astronaut"}, CHILD],
        housing={"status": "tenant_private", "zone": 7},
    )
    problems = file_problems(**data)
    assert len(problems["members"]) == 2 and len(problems["housing"]) == 2


@pytest.mark.parametrize("commune", ["97411", "97101", "97611", "97209"])
def test_an_overseas_file_is_accepted_though_the_core_does_not_compute_it_yet(commune):
    tenant = changed(housing={"status": "tenant_social", "rent": 420, "commune_insee": commune})
    assert file_problems(**tenant) == {}
    file_check(**tenant)
    owner = changed(housing={"status": "owner", "commune_insee": commune})
    assert file_problems(**owner) == {}


def test_only_the_overseas_refusal_is_ignored_not_the_rest_of_an_overseas_file():
    data = changed(
        members=[{**APPLICANT, "birth_date": "1985-02-30"}, CHILD],
        housing={"status": "tenant_social", "commune_insee": "97411"},
    )
    problems = file_problems(**data)
    assert problems["housing"] == [fr("« rent » : ") + "Le loyer est obligatoire pour un locataire."]
    assert problems["members"] == [
        fr("Personne n° 1, « birth_date » : ") + "La date 1985-02-30 n’existe pas."
    ]
    assert not any(OVERSEAS_FR in message for messages in problems.values() for message in messages)


def test_a_loader_is_told_which_file_is_refused():
    with pytest.raises(ValidationError) as refused:
        file_check(**changed(housing={"status": "castle"}), number="D0000042")
    assert refused.value.message_dict["housing"] == [
        fr("Dossier D0000042 : « status » : ") + "Situation de logement inconnue « castle »."
    ]


def test_in_english_the_core_gives_its_english_message():
    with translation.override("en"):
        problems = file_problems(**with_applicant(birth_date="1985-02-30"))
    assert problems["members"] == ["Person no. 1, “birth_date”: The date 1985-02-30 does not exist."]
