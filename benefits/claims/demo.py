"""Demo allocataire files for the emulator's test identities (`make run` loads them; idempotent).

Each file is linked to the FranceConnect+ `sub` the emulator gives that identity for this portal and
carries the identity's pivot data. The NIR's last two digits choose what the income data emulator
returns (benefits/income/emulator_data.py): 01 two employers, 02 a month without pay, 03 an interim
worker, 04 a month not transmitted yet, 91 the service down, 92 no data for the person.
"""

from django.conf import settings
from django.db import transaction

from benefits.campaigns.nir_index import file_nirs_index
from benefits.claims.file_checks import file_check
from benefits.claims.models import AllocataireFile

# identity key, file number, holder's NIR, partner (given names, birth date, NIR) or None,
# children (given name, birth date), housing, current rights
FILES = [
    (
        "camille",
        "0000001",
        "2850375120101",
        ("Karim", "1983-10-04", "1831069123103"),
        [("Léa", "2016-04-02"), ("Noé", "2021-09-14")],
        {"status": "tenant_social", "rent": 480, "zone": 1},
        [{"benefit": "ppa", "amount": "212.40"}, {"benefit": "aide_logement", "amount": "268.00"}],
    ),
    (
        "jean-pierre",
        "0000002",
        "1781169123103",
        None,
        [],
        {"status": "tenant_private", "rent": 720, "zone": 2},
        [{"benefit": "ppa", "amount": "156.12"}],
    ),
    (
        "yasmina",
        "0000003",
        "2900799350102",
        None,
        [("Inès", "2019-01-20")],
        {"status": "tenant_private", "rent": 560, "zone": 3},
        [{"benefit": "rsa", "amount": "310.55"}, {"benefit": "asf", "amount": "199.19"}],
    ),
    (
        "ange",
        "0000004",
        "1690820004104",
        None,
        [],
        {"status": "owner"},
        [{"benefit": "ppa", "amount": "98.30"}],
    ),
    (
        "lucie",
        "0000005",
        "2620120033192",
        None,
        [],
        {"status": "hosted_free"},
        [{"benefit": "rsa", "amount": "580.04"}],
    ),
    (
        "dominique",
        "0000006",
        "1750559350105",
        None,
        [],
        {"status": "tenant_private", "rent": 610, "zone": 2},
        [{"benefit": "ppa", "amount": "120.00"}],
    ),
    (
        "marie-clemence",
        "0000007",
        "2910633063191",
        None,
        [],
        {"status": "tenant_private", "rent": 650, "zone": 2},
        [{"benefit": "ppa", "amount": "75.60"}],
    ),
]


def members_of(identity, nir, partner, children) -> list[dict]:
    family_name = identity.family_name
    members = [
        {
            "id": "a",
            "role": "applicant",
            "given_names": identity.given_name,
            "family_name": family_name,
            "birth_date": identity.birthdate,
            "nir": nir,
            "activity": "employed",
            "taxable_n2": 13500,
        }
    ]
    if partner:
        given, born, partner_nir = partner
        members.append(
            {
                "id": "b",
                "role": "partner",
                "given_names": given,
                "family_name": "BENSAÏD",
                "birth_date": born,
                "nir": partner_nir,
                "activity": "employed",
                "taxable_n2": 9800,
            }
        )
    for position, (given, born) in enumerate(children, start=1):
        members.append(
            {
                "id": f"c{position}",
                "role": "child",
                "given_names": given,
                "family_name": family_name,
                "birth_date": born,
            }
        )
    return members


@transaction.atomic  # all the demo files or none (one refused by file_check)
def load_demo_files() -> str:
    from portal.fcplus_emulator.identities import IDENTITIES, emulator_sub

    for key, number, nir, partner, children, housing, rights in FILES:
        identity = IDENTITIES[key]
        # Keyed on the sub, the identity's stable link: a renumbered demo file is updated, not duplicated.
        # The rights only when the file is created: `make run` loads the demo at every start, and a
        # restart must not undo what was done since (a recalculation's new rights, campaign_demo making
        # Dominique the non-recourant whom a non-recours campaign then finds: docs/campaigns.md).
        values = {
            "number": number,
            "family_name": identity.family_name,
            "given_names": identity.given_name,
            "birth_date": identity.birthdate,
            "birthplace": identity.birthplace,
            "members": members_of(identity, nir, partner, children),
            "housing": housing,
        }
        # Checked as the /gestion/ form checks a file: the demo cannot store what the core would refuse.
        file_check(members=values["members"], housing=housing, rights=rights, holder=values, number=number)
        file, _created = AllocataireFile.objects.update_or_create(
            fcplus_sub=emulator_sub(key, settings.FCPLUS_CLIENT_ID),
            defaults=values,
            create_defaults={**values, "rights": rights},
        )
        # The NIR index the desk's search by NIR reads (and the income feed's import).
        file_nirs_index(file=file)
    return f"{len(FILES)} dossiers de démonstration"
