"""Allocataire files for tests; the NIR's last two digits pick the income emulator's profile or fault."""

import itertools

from benefits.claims.models import AllocataireFile

numbers = itertools.count(1)


def file_factory(user=None, nir="2850375056101", partner_nir=None, **extra):
    members = [
        {
            "id": "a",
            "role": "applicant",
            "given_names": "Camille Marie",
            "family_name": "MARTIN",
            "birth_date": "1985-03-10",
            "nir": nir,
            "activity": "employed",
            "taxable_n2": 12000,
        },
        {
            "id": "c1",
            "role": "child",
            "given_names": "Léa",
            "family_name": "MARTIN",
            "birth_date": "2018-05-02",
        },
    ]
    if partner_nir:
        members.insert(
            1,
            {
                "id": "b",
                "role": "partner",
                "given_names": "Karim",
                "family_name": "BENSAÏD",
                "birth_date": "1983-10-04",
                "nir": partner_nir,
                "activity": "employed",
            },
        )
    fields = {
        "number": f"{next(numbers):07d}",
        "user": user,
        "family_name": "MARTIN",
        "given_names": "Camille Marie",
        "birth_date": "1985-03-10",
        "birthplace": "75120",
        "members": members,
        "housing": {"status": "tenant_private", "rent": 640, "zone": 2},
    }
    fields.update(extra)
    return AllocataireFile.objects.create(**fields)


def confirm_all(draft) -> dict:
    """The posted values that confirm every prefilled line of a draft."""
    return {
        f"{person}-{month}-{position}-choice": "confirm"
        for person, months in draft.data["figures"].items()
        for month, lines in months.items()
        for position in range(len(lines))
    }
