"""Small builders for the campaigns' tests."""

from benefits.claims.models import AllocataireFile


def make_file(*, number, nir, rights=(), children=(), housing=None, activity="employed"):
    members = [
        {
            "id": "a",
            "role": "applicant",
            "given_names": "Camille",
            "family_name": "MARTIN",
            "birth_date": "1985-03-01",
            "nir": nir,
            "activity": activity,
        }
    ]
    members += [
        {"id": f"c{i}", "role": "child", "given_names": "Léa", "family_name": "MARTIN", "birth_date": born}
        for i, born in enumerate(children, start=1)
    ]
    file = AllocataireFile(
        number=number,
        family_name="MARTIN",
        given_names="Camille",
        birth_date="1985-03-01",
        members=members,
        housing=housing or {"status": "tenant_private", "rent": 600, "commune_insee": "69123"},
        rights=list(rights),
    )
    file.full_clean()  # the check of every writer (benefits/claims/file_checks.py)
    file.save()
    return file
