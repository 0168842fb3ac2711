"""Writes on accounts."""

import secrets

from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from portal.accounts.fcplus.config import PROVIDER_ID
from portal.accounts.fcplus.pivot import PivotIdentity

# User field ← pivot identity field: the only civil data the portal keeps.
IDENTITY_FIELDS = {
    "first_name": "given_names",
    "last_name": "family_name",
    "birth_date": "birth_date",
    "birthplace": "birthplace",
    "birth_country": "birth_country",
    "email": "email",
}


def user_sync_from_fcplus(*, sub: str, identity: PivotIdentity):
    """The user linked to `sub`, created at the first login and updated when the civil data changed.

    Linking is on `sub` only: two people sharing an e-mail address or a name get two accounts.
    """
    account = SocialAccount.objects.select_related("user").filter(provider=PROVIDER_ID, uid=sub).first()
    if account is None:
        try:
            return user_create_from_fcplus(sub=sub, identity=identity)
        except IntegrityError:
            # The same person's first login in two tabs: the other one created the account.
            account = SocialAccount.objects.select_related("user").get(provider=PROVIDER_ID, uid=sub)
    user = account.user
    changed = [
        field
        for field, source in IDENTITY_FIELDS.items()
        if getattr(user, field) != getattr(identity, source)
    ]
    for field in changed:
        setattr(user, field, getattr(identity, IDENTITY_FIELDS[field]))
    if changed:
        user.save(update_fields=changed)
    return user


@transaction.atomic
def user_create_from_fcplus(*, sub: str, identity: PivotIdentity):
    user = get_user_model()(
        # An opaque username: the identity is in the fields below, not in a login name.
        username=f"fc-{secrets.token_hex(10)}",
        **{field: getattr(identity, source) for field, source in IDENTITY_FIELDS.items()},
    )
    user.set_unusable_password()
    user.save()
    SocialAccount.objects.create(user=user, provider=PROVIDER_ID, uid=sub, extra_data={})
    return user
