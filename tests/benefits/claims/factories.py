"""Allocataire files for tests; the NIR's last two digits pick the income emulator's profile or fault.

Every file goes through the model's full_clean(), the check the /gestion/ form makes (file_checks.py):
a test cannot build a file the portal would refuse. The holder's identity (family_name, given_names,
birth_date) is the applicant's, as a file must have it (file_holder.py).
"""

import itertools

from benefits.claims.models import AllocataireFile

numbers = itertools.count(1)


def file_factory(user=None, nir="2850375056101", partner_nir=None, **extra):
    holder = {"family_name": "MARTIN", "given_names": "Camille Marie", "birth_date": "1985-03-10"}
    holder.update((field, extra.pop(field)) for field in list(holder) if field in extra)
    members = [
        {
            "id": "a",
            "role": "applicant",
            **holder,
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
        **holder,
        "birthplace": "75120",
        "members": members,
        "housing": {"status": "tenant_private", "rent": 640, "zone": 2},
    }
    fields.update(extra)
    file = AllocataireFile(**fields)
    file.full_clean()
    file.save()
    return file


def confirm_all(draft) -> dict:
    """The posted values that confirm every prefilled line of a draft."""
    return {
        f"{person}-{month}-{position}-choice": "confirm"
        for person, months in draft.data["figures"].items()
        for month, lines in months.items()
        for position in range(len(lines))
    }
