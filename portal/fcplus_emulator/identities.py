"""The emulator's test identities, and the `sub` it gives each of them.

They mirror the edge cases of FC's own mock identity providers (france-connect/sources,
docker/volumes/fcp-high/mocks/idp/databases/citizen/base.csv): compound and very long names,
accents, a usage name, Corsica (2A/2B), a presumed birth date, a person born abroad (empty
birthplace), and one identity whose provider only authenticates at eidas3.

Other features link demo data to these people by their FC+ `sub`:

    from django.conf import settings
    from portal.fcplus_emulator.identities import emulator_sub
    sub = emulator_sub("camille", settings.FCPLUS_CLIENT_ID)
    # after the first login, portal.accounts.selectors.user_for_sub(sub) is that person's User

This module is plain data: it may be imported without the emulator being mounted.
"""

import hashlib
from dataclasses import dataclass

# FC+ mixes a platform secret into every sub; the emulator's is public, its subs are for tests only.
EMULATOR_SUB_SECRET = "fcplus-emulator-public-secret"


@dataclass(frozen=True)
class EmulatedIdentity:
    key: str
    given_name: str  # every given name, separated by spaces, as FC+ sends them
    family_name: str  # birth name
    birthdate: str  # YYYY-MM-DD; a presumed part is written 01
    gender: str  # "male" or "female"
    birthplace: str  # INSEE code of the commune, "" when born abroad
    birthplace_label: str
    birthcountry: str  # INSEE code of the country, 99100 = France
    email: str
    case: str  # the edge case this identity covers, shown in the picker
    preferred_username: str = ""  # usage name, when the person has one
    levels: tuple[str, ...] = ("eidas2", "eidas3")  # what its identity provider can deliver

    @property
    def claims(self) -> dict[str, str]:
        """Every pivot claim; the emulator sends those the requested scopes cover."""
        claims = {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "birthdate": self.birthdate,
            "gender": self.gender,
            "birthplace": self.birthplace,
            "birthcountry": self.birthcountry,
            "email": self.email,
        }
        if self.preferred_username:
            claims["preferred_username"] = self.preferred_username
        return claims


IDENTITIES: dict[str, EmulatedIdentity] = {
    identity.key: identity
    for identity in (
        EmulatedIdentity(
            key="camille",
            given_name="Camille Marie",
            family_name="MARTIN",
            preferred_username="DURAND",
            birthdate="1985-03-12",
            gender="female",
            birthplace="75120",
            birthplace_label="Paris 20e Arrondissement",
            birthcountry="99100",
            email="camille.martin@example.fr",
            case="Identité nominale, avec un nom d’usage",
        ),
        EmulatedIdentity(
            key="jean-pierre",
            given_name="Jean-Pierre Louis",
            family_name="DUPONT-DURAND",
            birthdate="1978-11-02",
            gender="male",
            birthplace="69123",
            birthplace_label="Lyon",
            birthcountry="99100",
            email="jp.dupont-durand@example.fr",
            case="Prénom composé et nom à trait d’union",
        ),
        EmulatedIdentity(
            key="marie-clemence",
            given_name="Marie-Clémence Anne-Sophie Bérénice Éléonore Chloé",
            family_name="DE LA ROCHEFOUCAULD-MONTMORENCY DE SAINT-EXUPÉRY-LAVAL",
            birthdate="1991-06-30",
            gender="female",
            birthplace="33063",
            birthplace_label="Bordeaux",
            birthcountry="99100",
            email="marie-clemence.delarochefoucauld@example.fr",
            case="Noms très longs (plus de 50 caractères) et accentués",
        ),
        EmulatedIdentity(
            key="yasmina",
            given_name="Yasmina",
            family_name="BENALI",
            birthdate="1990-07-21",
            gender="female",
            birthplace="",
            birthplace_label="Casablanca (Maroc)",
            birthcountry="99350",
            email="yasmina.benali@example.fr",
            case="Née à l’étranger : lieu de naissance vide",
        ),
        EmulatedIdentity(
            key="ange",
            given_name="Ange Toussaint",
            family_name="SANTONI",
            birthdate="1969-08-15",
            gender="male",
            birthplace="2A004",
            birthplace_label="Ajaccio",
            birthcountry="99100",
            email="ange.santoni@example.fr",
            case="Né en Corse-du-Sud (code 2A)",
        ),
        EmulatedIdentity(
            key="lucie",
            given_name="Lucie",
            family_name="FILIPPI",
            birthdate="1962-01-01",
            gender="female",
            birthplace="2B033",
            birthplace_label="Bastia",
            birthcountry="99100",
            email="lucie.filippi@example.fr",
            case="Date de naissance présumée (jour et mois inconnus), née en Haute-Corse (2B)",
        ),
        EmulatedIdentity(
            key="dominique",
            given_name="Dominique",
            family_name="LEROY",
            birthdate="1975-05-30",
            gender="male",
            birthplace="59350",
            birthplace_label="Lille",
            birthcountry="99100",
            email="dominique.leroy@example.fr",
            case="Fournisseur d’identité de niveau élevé seulement (eidas3)",
            levels=("eidas3",),
        ),
    )
}


def emulator_sub(identity_key: str, client_id: str) -> str:
    """The `sub` the emulator gives the identity `identity_key` for the service `client_id`.

    FC+ computes sha256_hex(entityId + identityHash + secret) + "v1": one value per person and per
    service, whatever identity provider is used (france-connect/sources, cryptography-fcp). The
    emulator takes the client id as entityId and a hash of the identity's key as identityHash, so
    the value is deterministic and stays the same when the test identity's civil data changes.
    """
    identity_hash = hashlib.sha256(identity_key.encode()).hexdigest()
    return hashlib.sha256(f"{client_id}{identity_hash}{EMULATOR_SUB_SECRET}".encode()).hexdigest() + "v1"
